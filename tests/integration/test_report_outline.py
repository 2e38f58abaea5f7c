"""What the report and the brief say, in which order (reporting/outline.py, brief_outline.py,
services/report_draft.py): checked on the layout-neutral Document, without typesetting."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from pathlib import Path

import pytest

from fieldvisit.domain.enums import NoteKind
from fieldvisit.domain.report_writing import BRIEF_SECTIONS, REPORT_SECTIONS, ReportWriting
from fieldvisit.reporting.brief_outline import brief_document
from fieldvisit.reporting.document import Heading, Paragraph, Picture, RouteMapFigure, Table
from fieldvisit.reporting.images import PreparedImage
from fieldvisit.reporting.outline import report_document
from fieldvisit.services.report_draft import draft_writing, resolved
from fieldvisit.services.report_model import (
    SECTIONS,
    FigureItem,
    NoteItem,
    PhotoItem,
    QuoteItem,
    ReportOptions,
)
from tests.integration.report_samples import days_data, english_data, reference_data

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
SOURCE_WORDS = ("报道", "本报", "未载明", "为示意", "均为示意", "记者", "刘欣欣")
HEADLINE = "市委主题教育第六巡回指导组、市总工会、团市委、市妇联赴朝阳区开展联合调研"
DELEGATION = ("市委主题教育第六巡回指导组副组长冯建国，市总工会党组书记、副主席潘建新，团市委副书记"
              "钟棉棉，市妇联党组书记、副主席韦江，市委主题教育办公室联络组第一分组副组长温宇参加调研。")


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    return reference_data(tmp_path_factory.mktemp("outline"))


def document(data, **options):
    return report_document(data, ReportOptions(**options), {})


def texts(value) -> list[str]:
    """Every string in a document (recursively through its dataclasses and tuples)."""
    if isinstance(value, str):
        return [value]
    if is_dataclass(value):
        return [t for f in fields(value) for t in texts(getattr(value, f.name))]
    if isinstance(value, (tuple, list)):
        return [t for item in value for t in texts(item)]
    return []


def paragraphs(blocks) -> list[str]:
    return [(b.lead_in.text if b.lead_in else "") + b.text for b in blocks
            if isinstance(b, Paragraph)]


def body_text(doc) -> str:
    return "".join(texts(doc.body)) + doc.title


def test_the_sections_in_order_with_their_numbers(reference):
    doc = document(reference, layout="official")
    assert doc.kind == "report" and doc.body[0].role == "lead"
    assert [(h.number, h.text) for h in doc.body if isinstance(h, Heading)] == [
        ("一、", "基本情况"), ("二、", "主要做法及成效"), ("三、", "存在的问题"),
        ("四、", "意见建议")]
    runs = [b.lead_in.number for b in doc.body if isinstance(b, Paragraph) and b.lead_in]
    assert runs[:3] == ["（一）", "（二）", "（三）"]
    assert doc.signature.date == "2023年5月25日"
    assert doc.signature.organizations == (
        "市委主题教育第六巡回指导组", "北京市总工会", "共青团北京市委", "北京市妇女联合会")
    assert [(a.number, a.title) for a in doc.attachments] == [
        (1, "调研行程"), (2, "调研路线示意图"), (3, "调研组名单")]
    assert not any(isinstance(b, Table) for b in doc.body)  # prose: tables are attachments
    assert doc.subtitle == "" and doc.cover_facts == ()  # 公文: no cover
    modern = document(reference)
    assert modern.subtitle == reference.theme
    assert dict(modern.cover_facts)["调研地点"] == "北京市朝阳区"


def test_the_title_and_lead_are_an_office_s_not_the_headline(reference):
    doc = document(reference)
    assert doc.title == "关于群团组织在维护和服务新就业形态劳动者方面发挥作用情况的调研报告"
    assert re.fullmatch(r"为深入了解群团组织.+作用，5月25日，市委主题教育第六巡回指导组、"
                        r"北京市总工会、共青团北京市委、北京市妇女联合会赴北京市朝阳区开展联合调研，.+。"
                        r"现将有关情况报告如下：", doc.body[0].text)


def test_basic_information_names_the_leaders_with_titles_and_the_sites_in_order(reference):
    basics = draft_writing(reference, reference.writing or _id()).basics
    assert basics.startswith("调研组由市委主题教育第六巡回指导组副组长冯建国带队，"
                             "市总工会党组书记、副主席潘建新")
    assert "朝阳区有关负责同志陪同调研。" in basics
    sites = [basics.index(s.site) for s in reference.stops]
    assert sites == sorted(sites)
    assert "实地调研、询问交流和随行听取汇报" in basics


def test_practices_go_by_theme_with_figures_in_sentences(reference):
    extra = replace(reference.findings[0], figures=(
        *reference.findings[0].figures, FigureItem("服务骑手", "1200余人")))
    data = replace(reference, findings=(extra, *reference.findings[1:]))
    doc = document(data)
    practices = _section(doc, "主要做法及成效")
    leads = [p.lead_in.text for p in practices]
    assert leads[0] == "驿站建设。" and len(leads) == len(set(leads))
    station = practices[0].text  # three notes of the first site on one theme
    assert "累计服务6000余人次" in station and "朝阳驿姐之家驿港湾" in station
    assert "据介绍，服务骑手1200余人" in station  # a figure no note says, woven in
    assert sum(text.count("6000余人次") for text in paragraphs(doc.body)) == 1


def test_interviews_are_reported_not_quoted(reference):
    site = replace(reference.findings[0], quotes=(
        QuoteItem("“希望驿站能多建几个。”", "外卖送餐员", "张三"),))
    data = replace(reference, findings=(site, *reference.findings[1:]))
    text = body_text(document(data))
    assert "外卖送餐员反映，希望驿站能多建几个。" in text
    assert "“希望" not in text and "张三" not in text  # anonymized by default
    assert "张三（外卖送餐员）反映" in body_text(document(data, anonymize=False))


def test_needs_become_problems_and_follow_ups_suggestions(reference):
    doc = document(reference)
    problems = _section(doc, "存在的问题")
    assert problems[1].lead_in.text == \
        "外卖员在城市融入、婚恋交友、成长发展等方面的需求有待进一步回应。"
    suggestions = _section(doc, "意见建议")
    assert suggestions[0].lead_in.text == "进一步统筹整合工青妇等党的群团组织资源。"
    assert suggestions[0].text.startswith("建议由北京市总工会牵头，相互借鉴兄弟单位的经验做法")
    assert "北京市妇女联合会" in suggestions[2].text


def test_no_paragraph_is_printed_twice(reference):
    for doc in (document(reference), brief_document(reference, ReportOptions())):
        printed = paragraphs(doc.body)
        assert len(printed) == len(set(printed))
        bodies = [b.text for b in doc.body if isinstance(b, Paragraph)]
        assert len(bodies) == len(set(bodies))
    # the conclusions say what the first follow-up says: printed once, as the suggestion
    assert body_text(document(reference)).count("统筹整合工青妇") == 1
    draft = draft_writing(reference, _id())
    repeated = replace(draft, practices=draft.basics.splitlines()[0] + "\n" + draft.practices)
    doc = document(replace(reference, writing=repeated))
    assert paragraphs(doc.body).count(draft.basics.splitlines()[0]) == 1
    assert len(doc.warnings) == 1 and "调研组由" in doc.warnings[0]


def test_source_remarks_never_reach_the_body(reference):
    for doc in (document(reference), brief_document(reference, ReportOptions())):
        text = body_text(doc)
        for word in SOURCE_WORDS:
            assert word not in text, word
        assert reference.source[:8] not in text and reference.remarks[:8] not in text
    # the note stays, its aside goes
    assert "倾听他们的实际需求。" in body_text(document(reference))
    travel = document(reference).attachments[0].blocks[0].rows[0][4]
    assert "时间为示意" not in travel and "前往下一站：中巴30分钟" in travel


def test_an_english_visit_has_no_chinese_anywhere():
    data = english_data()
    for doc in (document(data), document(data, layout="official", statistics=True),
                brief_document(data, ReportOptions())):
        found = [t for t in texts(doc) if CJK.search(t)]
        assert found == []
    doc = document(data)
    assert [h.text for h in doc.body if isinstance(h, Heading)] == [
        "Basic information", "Practices and results", "Problems", "Suggestions"]
    assert doc.title == "Report on how unions serve delivery riders"
    assert ", on 12 March 2024, City Federation" in doc.body[0].text
    text = body_text(doc)
    assert "Delivery riders said that we need somewhere warm in winter." in text
    assert "not stated" not in text and "City Daily" not in text
    assert doc.signature.date == "12 March 2024"


def test_confidential_content_marks_the_document(tmp_path):
    data = reference_data(tmp_path, include_confidential=True)
    secret = NoteItem("驿站夜间运营经费尚未落实。", NoteKind.OBSERVATION, ("驿站建设",),
                      confidential=True)
    site = replace(data.findings[0], seen=(*data.findings[0].seen, secret))
    data = replace(data, findings=(site, *data.findings[1:]))
    shown = document(data, include_confidential=True)
    assert shown.marking == "内部资料"
    assert any(p.confidential for p in shown.body if isinstance(p, Paragraph))
    assert "经费尚未落实" in body_text(shown)
    left_out = document(data)  # the options decide, whatever the data was read with
    assert left_out.marking == "" and "经费尚未落实" not in body_text(left_out)
    assert document(data, include_confidential=True, marking="秘密").marking == "秘密"
    assert document(english_data()).marking == ""


def test_a_stop_past_midnight_prints_its_date(reference):
    doc = document(days_data(reference))
    rows = doc.attachments[0].blocks[0].rows
    assert rows[0][1] == "5月25日 09:30–10:20"
    assert rows[6][1] == "5月30日 00:40–01:10"  # day 5, after midnight
    assert rows[5][1] == "5月29日 23:30–5月30日 00:10"
    assert "′" not in "".join(texts(doc)) and doc.attachments[0].blocks[0].header[3] == "接待单位"


def test_one_route_map_per_day_and_no_dashes_promised(reference):
    doc = document(days_data(reference))
    maps = [b for b in doc.attachments[1].blocks if isinstance(b, RouteMapFigure)]
    assert [m.caption for m in maps] == [f"调研路线示意图（第{d}天）" for d in range(1, 6)]
    assert [p.number for p in maps[4].route_map.points] == [5, 6, 7]
    assert len(maps[4].route_map.legs) == 2
    for figure in maps:
        for p in figure.route_map.points:
            assert 0 <= p.x <= 1 and 0 <= p.y <= 1
    assert not any("虚线" in t or "dashed" in t for t in texts(doc))
    assert len([b for b in document(reference).attachments[1].blocks]) == 1
    data = days_data(reference)
    one_day = replace(data, stops=tuple(replace(s, day=1) for s in data.stops), route_map=replace(
        data.route_map, points=tuple(replace(p, day=1, number=n, x=(n % 7) / 7, y=n / 30)
                                     for n, p in enumerate(data.route_map.points * 4, 1))))
    maps = document(one_day).attachments[1].blocks
    assert [m.caption for m in maps] == [
        "调研路线示意图（第1—10站）", "调研路线示意图（第11—20站）", "调研路线示意图（第21—28站）"]


def test_photos_keep_the_credit_apart_from_the_caption(reference, tmp_path):
    shown, lost = tmp_path / "a.jpg", tmp_path / "b.jpg"
    data = replace(reference, photos=(PhotoItem(shown, "骑士驿站外景", "王鑫",
                                                "1. 饿了么北京CBD骑士驿站", None),
                                      PhotoItem(lost, "", "", "2. 东湖", None)))
    doc = report_document(data, ReportOptions(), {shown: PreparedImage(tmp_path / "c.jpg", 4, 3),
                                                  lost: None})
    photos = doc.attachments[3]
    assert photos.title == "调研图片"
    (picture,) = photos.blocks
    assert isinstance(picture, Picture) and picture.caption == "骑士驿站外景"
    assert picture.details == "1. 饿了么北京CBD骑士驿站　摄影：王鑫"
    assert doc.warnings == ("1张照片的文件未找到，未印入报告。",)
    assert [a.title for a in document(data, photos=False).attachments][-1] == "调研组名单"


def test_statistics_only_when_asked(reference):
    assert "调研主题统计" not in [a.title for a in document(reference).attachments]
    last = document(reference, statistics=True).attachments[-1]
    assert last.title == "调研主题统计" and last.blocks[0].header[0] == "主题"


def test_an_emptied_or_unchosen_section_is_left_out_and_the_numbering_closes_up(reference):
    emptied = replace(draft_writing(reference, _id()), problems="")
    doc = document(replace(reference, writing=emptied))
    assert [h.number + h.text for h in doc.body if isinstance(h, Heading)] == [
        "一、基本情况", "二、主要做法及成效", "三、意见建议"]
    doc = document(reference, sections=frozenset(SECTIONS) - {"basic", "itinerary"})
    headings = [h.number + h.text for h in doc.body if isinstance(h, Heading)]
    assert headings[0] == "一、主要做法及成效"
    assert doc.attachments[0].title == "调研路线示意图"
    old_names = ReportOptions(sections=frozenset({"findings", "summary", "appendix"}))
    assert old_names.sections == {"practices", "roster"}


def test_the_writer_s_text_wins_and_its_numbering_is_kept(reference):
    stored = ReportWriting(visit_id=_id(), practices=(
        "（一）强化阵地建设。各点位均设有休息区。\n1.骑士驿站\n（3）第三条\n（五）第五条。正文。"),
        version=4)
    merged = resolved(stored, draft_writing(reference, _id()))
    assert merged.version == 4 and merged.id == stored.id
    assert merged.practices == stored.practices and merged.basics  # the draft's
    doc = document(replace(reference, writing=stored))
    section = doc.body[doc.body.index(Heading(1, "二、", "主要做法及成效")) + 1:][:4]
    assert section == (
        Paragraph("各点位均设有休息区。", lead_in=Heading(2, "（一）", "强化阵地建设。")),
        Heading(3, "1.", "骑士驿站"), Heading(4, "（3）", "第三条"),
        Paragraph("正文。", lead_in=Heading(2, "（五）", "第五条。")))


def test_the_draft_fills_every_field(reference):
    draft = draft_writing(reference, _id())
    for name in (*REPORT_SECTIONS, "signed_on", *BRIEF_SECTIONS):
        assert getattr(draft, name) is not None, name
    assert draft.brief_masthead == "工作简报" and draft.brief_issue == ""
    assert draft.edited() == frozenset((*REPORT_SECTIONS, "signed_on", *BRIEF_SECTIONS))


def test_the_brief_of_the_sample_reads_like_the_seed_article(reference):
    doc = brief_document(reference, ReportOptions())
    assert doc.kind == "brief" and doc.title == HEADLINE
    assert doc.masthead.name == "工作简报" and doc.masthead.date == "2023年5月25日"
    first = doc.body[0].text
    assert first == ("近日，" + HEADLINE + "，深入了解群团组织在维护和服务新就业形态劳动者方面"
                     "发挥的作用。" + DELEGATION)
    starts = [p.text[:12] for p in doc.body]
    assert starts[1].startswith("据了解，此次调研是")
    assert starts[2].startswith("当天，调研组一行先后走访")
    order = ["调研组一行首先来到饿了么", "随后，调研组一行来到东湖", "最后，调研组一行来到“小"]
    assert [s for s in starts if s[:12] in order] == order
    sites = [p.text for p in doc.body if p.text[:12] in order]
    assert "已累计服务6000余人次，开展各类党建及青工活动50余场" in sites[0]  # the notes' words
    assert "建筑面积达800平方米" in sites[1] and "46家暖心驿站" in sites[1]
    assert sum(len(p.text) for p in doc.body) < 900  # a brief, not the notes again
    assert doc.body[-2].text.startswith("调研中，大家纷纷表示")
    assert doc.distribution == ()
    sent = replace(draft_writing(reference, _id()), brief_send_to="市委办公厅")
    assert brief_document(replace(reference, writing=sent), ReportOptions()).distribution == (
        ("报送", "市委办公厅"),)


def _section(doc, title):
    start = next(i for i, b in enumerate(doc.body) if isinstance(b, Heading) and b.text == title)
    end = next((i for i, b in enumerate(doc.body) if i > start and isinstance(b, Heading)
                and b.level == 1), len(doc.body))
    return [b for b in doc.body[start + 1:end] if isinstance(b, Paragraph)]


def _id():
    from uuid import UUID

    return UUID(int=7)


Path  # noqa: B018 - used in type hints of the samples
