"""The Word writer (reporting/docx_writer.py) on hand-made Documents: named styles that are
used, East Asian fonts, real tables with merged cells and a repeated header row, embedded
pictures, PAGE fields, the 公文 page within 1 mm, the brief's masthead, and the document
LibreOffice makes of it."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from fieldvisit.domain.errors import FieldVisitError
from fieldvisit.paths import resource
from fieldvisit.reporting.document import Document, Paragraph
from fieldvisit.reporting.docx_writer import render_docx
from fieldvisit.services.report_model import ReportOptions
from tests.integration import docx_samples
from tests.integration.docx_tools import W, pdf_lines, pdf_text, read, to_pdf

OFFICIAL = ReportOptions(layout="official")
MODERN = ReportOptions(layout="modern")
MM = 72 / 25.4


@pytest.fixture
def official(tmp_path):
    return read(render_docx(docx_samples.report(tmp_path), OFFICIAL))


def styles_used(word) -> list[str]:
    return [p.style.name for p in word.paragraphs]


def test_every_paragraph_has_a_named_style_of_the_layout(official):
    used = styles_used(official)
    assert "Normal" not in used
    assert used[:4] == ["密级标志", "公文标题", "导语", "一级标题"]
    for name in ("一级标题", "二级标题", "三级标题", "四级标题", "正文段落", "附注", "附件说明",
                 "署名", "成文日期", "附件标题", "附件名称", "表题", "图片", "图题", "图注"):
        assert name in used, name
    texts = {p.text: p.style.name for p in official.paragraphs}
    assert texts["一、基本情况"] == "一级标题"
    assert texts["（一）强化阵地建设"] == "二级标题"
    assert texts["1.骑手驿站"] == "三级标题"
    assert texts["（1）休息区"] == "四级标题"
    assert texts["2023年5月25日"] == "成文日期"
    assert texts["附件1"] == "附件标题"
    assert texts["表1　调研行程"] == "表题"
    assert texts["图2　骑手驿站内景"] == "图题"
    run_in = next(p for p in official.paragraphs if p.text.startswith("（二）"))
    assert run_in.runs[0].style.name == "二级标题（段内）"
    assert run_in.runs[0].text == "（二）完善服务功能。"
    # no direct font formatting: the styles carry it
    for paragraph in official.paragraphs:
        for run in paragraph.runs:
            assert run.font.name is None and run.font.size is None


def east_asian(style) -> str:
    return style.element.rPr.find(f"{W}rFonts").get(f"{W}eastAsia")


def test_official_fonts_are_set_for_chinese_text(official):
    styles = official.styles
    assert east_asian(styles["公文标题"]) == "方正小标宋简体"
    assert styles["公文标题"].font.size.pt == 22
    assert east_asian(styles["一级标题"]) == "黑体"
    assert east_asian(styles["二级标题"]) == "楷体"
    assert east_asian(styles["三级标题"]) == "仿宋" and styles["三级标题"].font.bold
    assert east_asian(styles["正文段落"]) == "仿宋"
    assert styles["正文段落"].font.size.pt == 16
    assert styles["正文段落"].font.name == "Times New Roman"
    defaults = official.styles.element.find(f"{W}docDefaults").find(f"{W}rPrDefault")
    fonts = defaults.find(f"{W}rPr").find(f"{W}rFonts")
    assert fonts.get(f"{W}eastAsia") == "仿宋"
    assert not [name for name in fonts.attrib if name.endswith("Theme")]  # would win


def test_a_chosen_font_file_names_its_slot(tmp_path):
    bundled = str(resource("fonts", "wqy-microhei.ttc"))
    word = read(render_docx(docx_samples.report(tmp_path), replace(
        OFFICIAL, title_font=bundled, heading_font=bundled)))
    assert east_asian(word.styles["公文标题"]) == "文泉驿微米黑"
    assert east_asian(word.styles["一级标题"]) == "文泉驿微米黑"
    assert east_asian(word.styles["正文段落"]) == "仿宋"
    with pytest.raises(FieldVisitError, match="README.md"):
        render_docx(docx_samples.report(tmp_path), replace(OFFICIAL, font="README.md"))


def test_tables_are_tables_with_merged_cells_and_a_repeated_header(official):
    (table,) = official.tables
    assert [c.text for c in table.rows[0].cells] == ["日期", "点位", "时间"]
    assert table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    merges = [row._tr.tc_lst[0].tcPr.find(f"{W}vMerge") for row in table.rows[1:]]
    assert merges[0].get(f"{W}val") == "restart"
    assert merges[1] is not None and merges[1].get(f"{W}val") is None  # continues
    assert merges[2] is None
    assert [row.cells[0].text for row in table.rows[1:]] == ["5月25日", "5月25日", "5月26日"]
    assert official.element.body.xml.count(">5月25日<") == 1  # printed once
    widths = [int(col.get(f"{W}w")) for col in table._tbl.tblGrid.findall(f"{W}gridCol")]
    assert abs(sum(widths) - round(156 * 1440 / 25.4)) <= 3
    assert widths[1] > widths[2] > widths[0]


def test_photos_and_the_route_map_are_embedded_with_captions(official):
    shapes = official.inline_shapes
    assert len(shapes) == 2
    types = sorted(part.content_type for part in official.part.package.image_parts)
    assert types == ["image/jpeg", "image/png"]
    assert all(shape.width.mm <= 156.5 for shape in shapes)
    captions = [p.text for p in official.paragraphs if p.style.name == "图题"]
    assert captions == ["图1　调研路线示意图", "图2　骑手驿站内景"]
    details = [p.text for p in official.paragraphs if p.style.name == "图注"]
    assert details == ["骑手驿站　摄影：李娜"]


def field_codes(part) -> str:
    return " ".join(t.text for t in part._element.iter(f"{W}instrText"))


def test_page_numbers_are_fields(official, tmp_path):
    section = official.sections[0]
    assert official.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    for paragraph, side in ((odd, "right"), (even, "left")):
        assert "PAGE" in field_codes(paragraph)
        assert paragraph.text == "— 1 —"
        assert paragraph._p.pPr.find(f"{W}jc").get(f"{W}val") == side
    modern = read(render_docx(docx_samples.report(tmp_path), MODERN))
    footer = modern.sections[0].footer.paragraphs[0]
    assert re.sub(r"\s+", "", field_codes(footer)) == "PAGENUMPAGES"
    assert footer.text.replace("　", " ") == "第 1 页 共 1 页"
    assert modern.sections[0].different_first_page_header_footer  # the cover has none
    assert "TOC" in field_codes(modern.part.document)


def test_official_page_geometry_within_a_millimetre(official):
    section = official.sections[0]
    assert abs(section.page_width.mm - 210) < 1 and abs(section.page_height.mm - 297) < 1
    assert abs(section.top_margin.mm - 37) < 1 and abs(section.left_margin.mm - 28) < 1
    width = section.page_width.mm - section.left_margin.mm - section.right_margin.mm
    height = section.page_height.mm - section.top_margin.mm - section.bottom_margin.mm
    assert abs(width - 156) < 1 and abs(height - 225) < 1
    grid = section._sectPr.find(f"{W}docGrid")
    assert abs(int(grid.get(f"{W}linePitch")) / 20 * 22 / MM - 225) < 1  # 22 lines
    body = official.styles["正文段落"]
    assert abs(body.paragraph_format.line_spacing.pt * 22 / MM - 225) < 1
    tracking = body.element.rPr.find(f"{W}spacing").get(f"{W}val")
    assert abs(28 * (16 + int(tracking) / 20) / MM - 156) < 1  # 28 characters a line


def test_text_xml_cannot_hold_is_left_out(tmp_path):
    document = Document(kind="report", language="zh", title="标题\x01",
                        body=(Paragraph("正文\x0b含控制字符\ud800与\x00。"),))
    word = read(render_docx(document, OFFICIAL))
    assert [p.text for p in word.paragraphs] == ["标题", "正文含控制字符与。"]


def test_brief_has_its_masthead_and_distribution(tmp_path):
    word = read(render_docx(docx_samples.brief(), OFFICIAL))
    paragraphs = {p.style.name: p for p in word.paragraphs}
    assert paragraphs["报头"].text == "工作简报"
    assert str(word.styles["报头"].font.color.rgb) == "E60012"
    assert paragraphs["期号"].text == "第3期"
    compiled = paragraphs["编印单位"]
    assert compiled.text == "市总工会办公室\t2023年5月26日"
    rule = compiled._p.pPr.find(f"{W}pBdr").find(f"{W}bottom")
    assert rule.get(f"{W}color") == "E60012"
    assert paragraphs["简报标题"].text == "市总工会等单位赴朝阳区开展联合调研"
    lines = [p.text for p in word.paragraphs if p.style.name == "分送"]
    assert lines == ["报送：市委办公厅", "抄送：团市委、市妇联"]


def test_an_english_document_has_english_style_names_and_labels(tmp_path):
    word = read(render_docx(docx_samples.report(tmp_path, "en"), MODERN))
    used = set(styles_used(word))
    assert {"Report Title", "Heading Level 1", "Body Paragraph", "Attachment Label"} <= used
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Attachment 1" in text and "Table 1. Itinerary" in text
    assert not re.search(r"[\u3000-\u9fff\uff00-\uffef]", text), text


def test_official_docx_through_libreoffice(tmp_path):
    long = "区总工会在商务楼宇内建设新就业形态劳动者服务站点" * 4
    document = docx_samples.report(tmp_path)
    document = replace(document, body=(*document.body, Paragraph(long)))
    pdf = to_pdf(render_docx(document, OFFICIAL), tmp_path / "lo")
    text = re.sub(r"\s+", "", pdf_text(pdf, layout=True))
    position = 0
    for needle in ("内部资料", "关于新就业形态劳动者服务阵地建设情况的调研报告", "一、基本情况",
                   "（一）强化阵地建设", "附件：1.调研行程", "市总工会", "2023年5月25日", "附件1",
                   "表1调研行程", "朝阳区工人文化宫", "附件2", "图1调研路线示意图", "附件3",
                   "图2骑手驿站内景"):
        found = text.find(needle, position)
        assert found >= 0, needle
        position = found
    lines = pdf_lines(pdf)
    first = [line for line in lines if line[0] == 1]
    # the text block: 28 mm from the left; the first line (of 28.95 pt) 37 mm from the top
    assert abs(min(line[1] for line in first) / MM - 28) < 1
    assert 36.5 < first[0][2] / MM and first[0][3] / MM < 37 + 28.95 / MM
    body = [line for line in lines if len(line[4]) >= 20 and line[4] in long]
    assert body and max(len(line[4]) for line in body) == 28  # characters a line
    pitches = [b[2] - a[2] for a, b in zip(body, body[1:], strict=False) if a[0] == b[0]]
    assert pitches and all(abs(p - 28.95) < 0.5 for p in pitches)
    assert "—1—" in text.replace(" ", "")


def test_a_brief_is_set_on_the_official_page_without_a_page_number():
    word = read(render_docx(docx_samples.brief(), MODERN))
    section = word.sections[0]
    assert abs(section.top_margin.mm - 37) < 1 and abs(section.left_margin.mm - 28) < 1
    assert not "".join(p.text for p in section.footer.paragraphs).strip()
    assert "PAGE" not in field_codes(section.footer)


@pytest.mark.parametrize("title", [
    "关于群团组织在维护和服务新就业形态劳动者方面发挥作用情况的调研报告",
    "关于新就业形态劳动者服务阵地建设情况的调研报告"])
def test_a_long_title_is_broken_into_as_few_lines_as_fit(tmp_path, title):
    document = replace(docx_samples.report(tmp_path), title=title)
    word = read(render_docx(document, OFFICIAL))
    lines = next(p for p in word.paragraphs if p.style.name == "公文标题").text.split("\n")
    assert "".join(lines) == title
    assert len(lines) == 2 and all(len(line) <= 20 for line in lines)  # 22 pt on 156 mm


def test_the_signature_stays_with_its_date(official):
    assert official.styles["署名"].paragraph_format.keep_with_next


def test_a_photo_used_twice_is_stored_once(tmp_path):
    from fieldvisit.reporting.document import Picture

    path = docx_samples.photo(tmp_path)
    other = docx_samples.photo(tmp_path, "other.png", (300, 200))
    pictures = (Picture(path, 800, 600, "一"), Picture(path, 800, 600, "二"),
                Picture(other, 300, 200, "三"))
    word = read(render_docx(Document(kind="report", language="zh", title="图", body=pictures),
                            OFFICIAL))
    assert len(word.inline_shapes) == 3
    assert len(word.part.package.image_parts) == 2
    ids = [shape._inline.docPr.id for shape in word.inline_shapes]
    assert len(set(ids)) == 3


def test_the_signature_is_never_alone_on_a_page(official):
    paragraphs = official.paragraphs
    first_list = next(i for i, p in enumerate(paragraphs) if p.style.name == "附件说明")
    assert paragraphs[first_list - 1].paragraph_format.keep_with_next  # the body's last
    assert official.styles["附件说明"].paragraph_format.keep_with_next
