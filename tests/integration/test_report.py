"""The research report of the reference visit, read back from the PDF: content in order,
fonts embedded, Chinese line-breaking rules, page numbers and contents, and hostile text."""

from __future__ import annotations

import itertools
import re

import pytest

from fieldvisit.reporting.styles import register_fonts
from fieldvisit.reporting.visit_report import render_report
from fieldvisit.services import visit_document
from fieldvisit.services.report_data import ReportOptions, report_data
from fieldvisit.services.sample import reference_document
from tests.integration import pdf_tools as pdf

CLOSING = "，。、；：？！）》」』”"
OPENING = "（《「『“"

ORGANIZATIONS = ["市委主题教育第六巡回指导组", "北京市总工会", "共青团北京市委", "北京市妇女联合会",
                 "市委主题教育办公室", "朝阳区有关部门"]
MEMBERS = [("冯建国（带队领导）", "市委主题教育第六巡回指导组副组长"),
           ("潘建新", "市总工会党组书记、副主席"), ("钟棉棉", "团市委副书记"),
           ("韦江", "市妇联党组书记、副主席"),
           ("温宇", "市委主题教育办公室联络组第一分组副组长"), ("刘欣欣", "记者")]
SITES = ["饿了么北京CBD骑士驿站", "东湖街道商务楼宇党群服务中心", "“小哥加油站”社区青年汇"]


def render(uow, visit_id, photo_root=None, **options) -> bytes:
    chosen = ReportOptions(**options)
    return render_report(report_data(uow, visit_id, chosen, photo_root), chosen)


@pytest.fixture
def reference_pdf(uow, sample_visit_id) -> bytes:
    return render(uow, sample_visit_id)


def test_reference_report_says_everything_in_order(reference_pdf, tmp_path):
    text = pdf.compact(pdf.text(reference_pdf, tmp_path))
    title = "关于群团组织在维护和服务新就业形态劳动者方面发挥作用情况的调研报告"
    pdf.assert_in_order(text, [title, *ORGANIZATIONS[:4]])  # the cover
    # the delegation in protocol order, in prose (section 一)
    pdf.assert_in_order(text, ["一、基本情况", "冯建国", "潘建新", "钟棉棉", "韦江", "温宇",
                               *SITES])
    pdf.assert_in_order(text, [  # what was done, by theme, key figures in sentences
        "二、主要做法及成效", "（一）驿站建设。", "6000余人次", "50余场", "800平方米",
        "15家", "46家", "5分钟", "三、存在的问题", "四、意见建议", "进一步统筹整合工青妇"])
    pdf.assert_in_order(text, ["附件：1.调研行程", "2.调研路线示意图", "3.调研组名单",
                               "北京市总工会", "2023年5月25日"])
    pdf.assert_in_order(text, ["附件1调研行程", *SITES, "附件2调研路线示意图",
                               "附件3调研组名单", *(name.split("（")[0]
                                                    for name, _title in MEMBERS),
                               "朝阳区有关部门"])


def test_structure_pages_and_contents(reference_pdf, tmp_path):
    document = pdf.reader(reference_pdf)
    pages = [pdf.compact(page.extract_text()) for page in document.pages]
    total = len(pages)
    assert "调研报告" in pages[0] and "第1页" not in pages[0]  # the cover has no footer
    for number, page in enumerate(pages[1:], start=2):
        assert f"第{number}页共{total}页" in page
        assert "关于群团组织在维护和服务新就业形态劳动者" in page  # the running header
    contents = pages[1]
    assert "目录" in contents
    for heading in ("一、基本情况", "二、主要做法及成效", "三、存在的问题", "四、意见建议",
                    "附件1调研行程", "附件3调研组名单"):
        # the number the contents give is the page the heading is on
        entry = contents[contents.index(heading) + len(heading):]
        page = int("".join(itertools.takewhile(str.isdigit, entry.lstrip("."))))
        assert heading in pages[page - 1], (heading, page)
    outline = [item.title for item in document.outline if not isinstance(item, list)]
    assert outline[:2] == ["一、基本情况", "二、主要做法及成效"]


def test_every_font_is_embedded(reference_pdf, tmp_path):
    fonts = pdf.fonts(reference_pdf, tmp_path)
    assert fonts and all(f.embedded for f in fonts), fonts
    assert all("WenQuanYi" in f.name and f.type == "TrueType" for f in fonts)


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(reference_pdf, tmp_path):
    lines = [line.text for line in pdf.lines(reference_pdf, tmp_path) if line.text]
    assert len(lines) > 150
    assert [t for t in lines if t[0] in CLOSING] == []
    assert [t for t in lines if t[-1] in OPENING] == []


def test_headings_are_bold_and_body_text_is_not(reference_pdf):
    content = b"".join(page.get_contents().get_data() for page in pdf.reader(reference_pdf).pages)
    assert b"2 Tr" in content  # headings: synthetic bold (fill and stroke)


def test_english_visit_gets_english_labels(uow, tmp_path):
    from fieldvisit.services.itinerary import add_stop, create_site
    from fieldvisit.services.notes import add_figure, add_note
    from fieldvisit.services.visits import create_visit

    visit = create_visit(uow, "Joint visit to delivery rider stations", region="Chaoyang",
                         theme="Warmth for new forms of employment")
    site = create_site(uow, "Rider station at the CBD")
    stop = add_stop(uow, visit.id, site.id, activities="Saw the station.")
    add_note(uow, visit.id, "The station opened in April 2022.", stop_id=stop.id, tags=("rest",))
    add_figure(uow, visit.id, "Served", "6000", unit="人次", qualifier="more_than",
               stop_id=stop.id)
    text = pdf.text(render(uow, visit.id), tmp_path)
    for label in ("Research Report", "Contents", "1. Basic information",
                  "2. Practices and results", "more than 6,000 person-times", "Page 2 of",
                  "Attachment 1: Itinerary"):
        assert pdf.compact(label) in pdf.compact(text)
    assert not re.search("[\u3000-\u9fff\uff00-\uffef]", text)  # no Chinese label


HOSTILE = [
    "<b>bold</b> <script>alert('x')</script> <para>p</para>",
    "&amp; &lt; & < > \" ' &#x41; &nbsp;",
    "W" * 10000,
    "emoji 😀🎉 family 👨\u200d👩\u200d👧 check ✔️",
    "مرحبا بالعالم עברית שלום \u202ereversed\u202c \u200fRLM",
    "<font name='Courier' size='40'>big</font><br/><img src='x.png'/>",
    "line1\nline2\r\n\tline3 ]]><![CDATA[ x",
    "https://example.com/" + "segment/" * 1200,
    "中文，。、；：？！）》」』”（《「『“测试" * 20,
]
FREE_TEXT = {
    "visit": ["title", "theme", "purpose", "region", "summary", "conclusions", "source",
              "remarks"],
    "organizations": ["name", "short_name", "notes"], "people": ["name", "title", "notes"],
    "sites": ["name", "address", "description", "contact"],
    "stops": ["activities", "travel_notes"], "notes": ["text", "interviewee_group", "speaker"],
    "key_figures": ["label", "value", "unit"], "follow_ups": ["action"],
}


@pytest.fixture(scope="module")
def hostile_pdfs(tmp_path_factory, migrated_template):
    """The reference visit with hostile text in every free-text field (and tags and facts)."""
    import shutil

    from fieldvisit.persistence.db import open_database, sqlite_url

    path = tmp_path_factory.mktemp("hostile") / "hostile.sqlite3"
    shutil.copyfile(migrated_template, path)
    database = open_database(sqlite_url(path))
    document = reference_document()
    values = itertools.cycle(HOSTILE)
    for section, keys in FREE_TEXT.items():
        for record in [document[section]] if section == "visit" else document[section]:
            for key in keys:
                record[key] = next(values)
            if section == "notes":
                record["tags"] = [next(values)[:300], next(values)[:40]]
            if section == "sites":
                record["facts"] = [{"label": next(values), "value": next(values)}]
    uow = database.unit_of_work()
    visit_id = visit_document.import_visit(uow, document).visit_id
    pdfs = {language: render(uow, visit_id, language=language, marking=HOSTILE[2],
                             include_confidential=True, anonymize=False)
            for language in ("zh", "en")}
    database.dispose()
    return pdfs


@pytest.mark.parametrize("language", ["zh", "en"])
def test_hostile_text_in_every_field_gives_a_valid_pdf(hostile_pdfs, language, tmp_path):
    report = hostile_pdfs[language]
    assert len(pdf.reader(report).pages) > 20
    text = pdf.text(report, tmp_path)
    assert "<script>alert('x')</script>" in text  # markup printed literally
    assert "&amp; &lt; & < >" in text
    assert "<font name='Courier' size='40'>big</font><br/><img" in text
    # what the font lacks prints with a fallback font; what no font has as "□"
    assert ("😀" in text) == (register_fonts().chain.font_for("😀") != "")
    assert all(f.embedded for f in pdf.fonts(report, tmp_path))
    lines = pdf.lines(report, tmp_path)
    overflowing = [line for line in lines if line.x_max > line.page_width - 20]
    assert overflowing == []  # 10,000-character words and URLs wrap within the margins
    # (a run of eleven closing marks in a narrow cell cannot keep the line-start rule: not
    # checked here)
