"""The PDF typesetter of a layout-neutral Document (hand-made documents): the 公文 layout's
geometry measured from the PDF (GB/T 9704-2012, within 1 mm), its page numbers, headings,
attachments and signature; the brief's masthead and foot; fonts per slot, embedded."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from fieldvisit.reporting import document as doc
from fieldvisit.reporting.font_files import system_fonts
from fieldvisit.reporting.visit_report import render_document
from fieldvisit.services.report_model import ReportOptions
from tests.integration import pdf_tools as pdf

MM = 72 / 25.4
TOP, LEFT, WIDTH, HEIGHT = 37 * MM, 28 * MM, 156 * MM, 225 * MM
PITCH = HEIGHT / 22
TOLERANCE = 1 * MM
OFFICIAL = ReportOptions(layout="official")
LINE = "调研组深入了解新就业形态劳动者服务阵地建设情况并听取意见建议"  # 30 characters
INSTALLED = {name.split()[0] + " " + name.split()[1] for name, _ in system_fonts()}


def report(**changes) -> doc.Document:
    body = (
        doc.Paragraph("为深入了解新就业形态劳动者服务阵地建设情况，现将有关情况报告如下：", "lead"),
        doc.Heading(1, "一、", "基本情况"),
        doc.Paragraph(LINE * 60),
        doc.Heading(2, "（一）", "强化阵地建设"),
        doc.Paragraph("累计服务6000余人次。", lead_in=doc.Heading(3, "1.", "整合资源。")),
        doc.Heading(1, "二、", "意见建议"),
        doc.Paragraph(LINE * 3),
    )
    roster = doc.Table(("单位", "姓名", "职务"), (("北京市总工会", "潘建新", "副主席"),
                                             ("北京市总工会", "张三", "干部")),
                       (0.4, 0.2, 0.4), grouped=0)
    values = dict(kind="report", language="zh",
                  title="关于新就业形态劳动者服务阵地建设情况的调研报告", marking="内部资料",
                  body=body,
                  signature=doc.Signature(("北京市总工会", "共青团北京市委"), "2023年5月25日"),
                  attachments=(doc.Attachment(1, "调研行程", (roster,)),
                               doc.Attachment(2, "调研组名单", (roster,))))
    values.update(changes)
    return doc.Document(**values)


@pytest.fixture(scope="module")
def official(tmp_path_factory) -> tuple[bytes, list[pdf.Box]]:
    folder = tmp_path_factory.mktemp("official")
    made = render_document(report(), OFFICIAL)
    return made, pdf.boxes(made, folder)


def near(value: float, expected: float, tolerance: float = TOLERANCE) -> bool:
    return abs(value - expected) <= tolerance


def test_official_text_sits_on_a_22_line_28_character_grid(official):
    _, boxes = official
    body = [b for b in boxes if b.page == 2 and "—" not in b.text]
    assert len(body) == 22  # a full page of body text: 22 lines
    for number, line in enumerate(body):  # each line in the middle of its grid line
        middle = TOP + (number + 0.5) * PITCH
        assert near((line.top + line.bottom) / 2, middle), (number, line)
    full = [b for b in body if len(b.text) == 28 and b.left < LEFT + TOLERANCE]
    assert len(full) >= 10  # 28 characters fill a line from edge to edge
    for line in full:
        assert near(line.left, LEFT) and near(line.right, LEFT + WIDTH), line
    indented = [b for b in boxes if b.text.startswith("为深入了解")]
    assert near(indented[0].left, LEFT + 2 * WIDTH / 28)  # two characters in


def test_official_first_page_marking_title_and_headings(official):
    _, boxes = official
    first = [b for b in boxes if b.page == 1]
    assert first[0].text == "内部资料"
    assert near(first[0].left, LEFT) and near(first[0].top, TOP + (PITCH - 16) / 2)
    title = [b for b in first if "调研报告" in b.text or "关于" in b.text]
    assert title and all(near((b.left + b.right) / 2, LEFT + WIDTH / 2) for b in title)
    assert near(title[0].top, TOP + 2 * PITCH + (PITCH - 22) / 2, 2 * MM)  # the third line
    heading = next(b for b in boxes if b.text == "一、基本情况")
    assert near(heading.left, LEFT + 2 * WIDTH / 28)


def test_official_page_numbers_at_the_outside_corners(official):
    _, boxes = official
    numbers = [b for b in boxes if b.text.startswith("—") and b.text.endswith("—")]
    pages = max(b.page for b in boxes)
    assert [b.text for b in numbers] == [f"—{n}—" for n in range(1, pages + 1)]
    for box in numbers:
        assert near(box.top, TOP + HEIGHT + 7 * MM)
        if box.page % 2:  # odd: right, one 4号 character in
            assert near(box.right, LEFT + WIDTH - 14)
        else:
            assert near(box.left, LEFT + 14)


def test_official_attachment_list_signature_and_attachment_pages(official):
    _, boxes = official
    listed = next(b for b in boxes if b.text.startswith("附件：1."))
    second = next(b for b in boxes if b.text.startswith("2.调研组名单"))
    assert near(listed.left, LEFT + 2 * WIDTH / 28)
    assert near(second.left, listed.left + 3 * WIDTH / 28)  # under "1.", after "附件："
    org = next(b for b in boxes if b.text == "共青团北京市委")
    date = next(b for b in boxes if b.text == "2023年5月25日")
    assert date.page == org.page and date.top > org.top
    assert near(date.left, org.left + 2 * WIDTH / 28)
    assert date.right <= LEFT + WIDTH - 2 * WIDTH / 28 + TOLERANCE
    for number, title in ((1, "调研行程"), (2, "调研组名单")):
        label = next(b for b in boxes if b.text == f"附件{number}")
        page = [b for b in boxes if b.page == label.page]
        assert page[0] == label and near(label.left, LEFT)
        heading = next(b for b in page if b.text == title)
        assert near((heading.left + heading.right) / 2, LEFT + WIDTH / 2)


@pytest.mark.skipif(not {"AR PL", "WenQuanYi Zen"} <= INSTALLED,
                    reason="the official layout's default fonts are not installed")
def test_official_fonts_fill_their_slots_and_are_embedded(official, tmp_path):
    made, _ = official
    fonts = pdf.fonts(made, tmp_path)
    names = {f.name.split("+")[1].split("-")[0] for f in fonts}
    assert {"UMingCN", "WenQuanYiZenHei", "UKaiCN"} <= names
    assert all(f.embedded for f in fonts)


def test_a_picked_font_goes_in_its_slot(tmp_path):
    bundled = str(pdf.Path(__file__).resolve().parents[2] / "resources" / "fonts"
                  / "wqy-microhei.ttc")
    made = render_document(report(), replace(OFFICIAL, title_font=bundled,
                                             heading_font=bundled, font=bundled))
    names = {f.name.split("+")[1].split("-")[0] for f in pdf.fonts(made, tmp_path)}
    assert "WenQuanYiMicroHei" in names and "UMingCN" not in names


def test_a_heading_never_ends_a_page(tmp_path):
    for filler in range(14, 22):  # the heading falls on every line near the page's foot
        body = (doc.Paragraph(LINE[:27] * filler), doc.Heading(1, "二、", "存在的问题"),
                doc.Paragraph(LINE * 4))
        boxes = pdf.boxes(render_document(report(body=body, attachments=()), OFFICIAL),
                          tmp_path)
        heading = next(b for b in boxes if b.text == "二、存在的问题")
        after = [b for b in boxes if b.page == heading.page and b.top > heading.top
                 and "—" not in b.text]
        assert len(after) >= 2, filler


def test_latin_words_in_table_cells_are_not_broken(tmp_path):
    table = doc.Table(("序号", "Name", "Role"),
                      tuple((str(i), "Wang", "Accompanying insurance official")
                            for i in range(3)), (0.07, 0.78, 0.15))
    for options in (OFFICIAL, ReportOptions()):
        made = render_document(report(language="en", body=(table,), attachments=()), options)
        words = pdf.text(made, tmp_path).split()
        assert words.count("Accompanying") == 3 and words.count("insurance") == 3
        assert "序号" in pdf.text(made, tmp_path)


def test_photo_credit_is_a_line_of_its_own(tmp_path):
    from PIL import Image

    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (400, 300), "white").save(photo)
    picture = doc.Picture(photo, 400, 300, "骑手在驿站休息", "饿了么北京CBD骑士驿站　摄影：王鑫")
    boxes = pdf.boxes(render_document(report(body=(picture,), attachments=()), OFFICIAL),
                      tmp_path)
    caption = next(b for b in boxes if "骑手在驿站休息" in b.text)
    credit = next(b for b in boxes if "摄影" in b.text)
    assert caption.text == "图1骑手在驿站休息" and credit.top >= caption.bottom - 0.5


def test_brief_masthead_title_and_distribution_at_the_foot(tmp_path):
    brief = doc.Document(
        "brief", "zh", "市委主题教育第六巡回指导组赴朝阳区开展联合调研",
        body=(doc.Paragraph("近日，市委主题教育第六巡回指导组赴朝阳区开展联合调研。"),),
        masthead=doc.Masthead("工作简报", "第3期", "北京市总工会办公室", "2023年5月26日"),
        distribution=(("报送", "市委、市政府"), ("抄送", "各区总工会")))
    made = render_document(brief, OFFICIAL)
    boxes = pdf.boxes(made, tmp_path)
    assert max(b.page for b in boxes) == 1 and not any("—" in b.text for b in boxes)
    order = ["工作简报", "第3期", "北京市总工会办公室",
             "市委主题教育第六巡回指导组赴朝阳区开展联合调研", "近日，", "报送：市委、市政府",
             "抄送：各区总工会"]
    pdf.assert_in_order(pdf.compact(pdf.text(made, tmp_path, layout=False)), order)
    name = next(b for b in boxes if b.text == "工作简报")
    assert near((name.left + name.right) / 2, LEFT + WIDTH / 2) and name.bottom - name.top > 30
    compiled = next(b for b in boxes if b.text == "北京市总工会办公室")
    date = next(b for b in boxes if b.text == "2023年5月26日")
    assert near(compiled.left, LEFT) and near(date.right, LEFT + WIDTH)
    last = next(b for b in boxes if b.text.startswith("抄送"))
    assert last.bottom > TOP + HEIGHT - 2 * PITCH  # at the foot of the page
    stream = pdf.reader(made).pages[0].get_contents().get_data()
    assert re.search(rb"(^|\s)0?\.831373 0 0 rg", stream)  # the masthead in red (#d40000)


def test_modern_layout_keeps_cover_contents_and_page_x_of_y(tmp_path):
    made = render_document(report(), ReportOptions())
    pages = [pdf.compact(p.extract_text()) for p in pdf.reader(made).pages]
    assert "调研报告" in pages[0] and "内部资料" in pages[0] and "第1页" not in pages[0]
    assert "目录" in pages[1] and "附件1调研行程" in pages[1]
    for number, page in enumerate(pages[1:], start=2):
        assert f"第{number}页共{len(pages)}页" in page
    assert any("附件：1.调研行程" in p for p in pages)


@pytest.mark.skipif("WenQuanYi Zen" not in INSTALLED, reason="WenQuanYi Zen Hei not installed")
def test_full_width_brackets_hug_their_text_in_the_bundled_font(tmp_path):
    """WenQuanYi Micro Hei centres "（" and "）" in their em box: "（一）" read "( 一 )". They
    are drawn from Zen Hei, which sets them at the edge, and that is no font warning."""
    from fieldvisit.reporting.font_slots import font_slots
    from fieldvisit.reporting.glyphs import coverage

    made = render_document(report(), ReportOptions())
    names = {f.name.split("+")[1].split("-")[0] for f in pdf.fonts(made, tmp_path)}
    assert {"WenQuanYiMicroHei", "WenQuanYiZenHei"} <= names
    chain = font_slots(ReportOptions()).body.chain
    assert chain.font_for("（") == chain.font_for("）") != None  # noqa: E711
    assert chain.font_for("一") is None
    assert coverage(chain, ["（一）基本情况"]).messages() == []


def test_missing_default_fonts_fall_back_to_the_bundled_font_with_a_warning(monkeypatch,
                                                                             tmp_path):
    from fieldvisit.reporting import font_slots as slots_module

    monkeypatch.setattr(slots_module, "system_fonts", lambda: ())
    slots_module._slots.cache_clear()
    try:
        slots = slots_module.font_slots(OFFICIAL)
        assert [m.args["package"] for m in slots.warnings] == [
            "fonts-arphic-uming", "fonts-wqy-zenhei", "fonts-arphic-ukai"]
        made = render_document(report(), OFFICIAL)
        names = {f.name.split("+")[1].split("-")[0] for f in pdf.fonts(made, tmp_path)}
        assert names <= {"WenQuanYiMicroHei", "WenQuanYiZenHei"}
    finally:
        slots_module._slots.cache_clear()


@pytest.mark.parametrize("options", [OFFICIAL, ReportOptions()], ids=["official", "modern"])
def test_the_signature_stays_together_with_the_end_of_the_body(options, tmp_path):
    for filler in range(10, 40, 3):  # the end of the body falls anywhere on the page
        body = (doc.Paragraph(LINE[:27] * filler), doc.Paragraph("以上报告，请审阅。"))
        boxes = pdf.boxes(render_document(report(body=body, attachments=()), options),
                          tmp_path)
        pages = {b.page for b in boxes if b.text in ("以上报告，请审阅。", "北京市总工会",
                                                     "共青团北京市委", "2023年5月25日")}
        assert len(pages) == 1, filler


def test_the_official_fonts_of_this_computer_come_before_the_free_ones(monkeypatch):
    """Where 仿宋/黑体/楷体/方正小标宋 are installed (Windows has most), they fill the slots."""
    from fieldvisit.reporting import font_slots as slots_module

    bundled = pdf.Path(__file__).resolve().parents[2] / "resources" / "fonts" / "wqy-microhei.ttc"
    found = (("SimHei 黑体", bundled), ("FangSong 仿宋", bundled))
    monkeypatch.setattr(slots_module, "system_fonts", lambda: found)
    slots_module._slots.cache_clear()
    try:
        slots = slots_module.font_slots(OFFICIAL)
        assert slots.heading.path == slots.body.path == str(bundled)
        assert [m.args["package"] for m in slots.warnings] == ["fonts-arphic-ukai",
                                                               "fonts-arphic-uming"]
    finally:
        slots_module._slots.cache_clear()


def test_a_single_attachment_is_labelled_附件_unnumbered_as_in_the_word_file(tmp_path):
    """GB/T 9704-2012: "附件：调研行程" under the body and "附件" over the attachment."""
    only = (doc.Attachment(1, "调研行程", (doc.Paragraph("上午九时出发。"),)),)
    made = render_document(report(attachments=only), OFFICIAL)
    text = pdf.compact(pdf.text(made, tmp_path, layout=False))
    assert "附件：调研行程" in text and "附件1" not in text
    labels = [b for b in pdf.boxes(made, tmp_path) if b.text == "附件"]
    assert len(labels) == 1 and near(labels[0].left, LEFT)
