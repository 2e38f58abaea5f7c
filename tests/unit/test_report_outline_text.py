"""The writer's section text read into headings and paragraphs, and a note's source remarks
taken out of it (pure functions, no database)."""

from __future__ import annotations

import subprocess
import sys

from fieldvisit.reporting.document import Heading, Paragraph
from fieldvisit.reporting.outline_text import parse_section
from fieldvisit.services.report_model import SECTIONS, ReportOptions, section_keys
from fieldvisit.services.report_prose import scrub, short_region


def test_chinese_numbers_make_headings_of_their_level():
    blocks = parse_section("导语一段。\n（一）强化阵地建设\n1.骑士驿站。驿站于2022年4月投入使用。\n"
                           "（1）女骑手关爱。设有驿港湾。\n2．第二项\n3、第三项\n（二）其他", "zh")
    assert blocks == (
        Paragraph("导语一段。"), Heading(2, "（一）", "强化阵地建设"),
        Paragraph("驿站于2022年4月投入使用。", lead_in=Heading(3, "1.", "骑士驿站。")),
        Paragraph("设有驿港湾。", lead_in=Heading(4, "（1）", "女骑手关爱。")),
        Heading(3, "2．", "第二项"), Heading(3, "3、", "第三项"), Heading(2, "（二）", "其他"))


def test_numbers_inside_sentences_are_not_headings():
    for line in ("2023年5月25日，调研组赴朝阳区。", "1.5万人次接受服务。", "（一）", "12345"):
        assert parse_section(line, "zh") == (Paragraph(line),)


def test_english_numbers_make_headings_of_their_level():
    blocks = parse_section("1. Stations. The station opened in 2022.\n(a) Rest area\n"
                           "(i) Heating. It is warm.\n(ii) Water\n(h) Eighth\n(i) Ninth\n"
                           "2.1 Charging\n3.5 million riders were served.", "en")
    assert blocks == (
        Paragraph("The station opened in 2022.", lead_in=Heading(2, "1.", "Stations.")),
        Heading(3, "(a)", "Rest area"),
        Paragraph("It is warm.", lead_in=Heading(4, "(i)", "Heating.")),
        Heading(4, "(ii)", "Water"), Heading(3, "(h)", "Eighth"), Heading(3, "(i)", "Ninth"),
        Heading(2, "2.1", "Charging"), Paragraph("3.5 million riders were served."))


def test_confidential_snippets_flag_their_paragraph():
    blocks = parse_section("公开内容。\n（一）经费。夜间运营经费尚未落实。", "zh",
                           frozenset({"夜间运营经费尚未落实"}))
    assert [b.confidential for b in blocks] == [False, True]


def test_source_remarks_are_taken_out_of_a_note():
    assert scrub("调研组倾听他们的实际需求。（报道未载明交流中提出的具体需求。）") == \
        "调研组倾听他们的实际需求。"
    assert scrub("前往东湖街道商务楼宇党群服务中心；时间为示意。") == \
        "前往东湖街道商务楼宇党群服务中心。"
    assert scrub("驿站（2022年建成）服务骑手。") == "驿站（2022年建成）服务骑手。"
    assert scrub("Riders rest here. Times are illustrative. Open 24 hours.") == \
        "Riders rest here. Open 24 hours."
    assert scrub("“We need water.” (not stated in the article)") == "“We need water.”"


def test_short_region():
    assert short_region("北京市朝阳区") == "朝阳区"
    assert short_region("浙江省丽水市青田县") == "青田县"
    assert short_region("北京市") == "北京市" and short_region("Harbour District") == \
        "Harbour District"


def test_old_section_names_are_still_accepted():
    assert section_keys(["findings", "appendix", "basic"]) == {"practices", "roster", "basic"}
    assert ReportOptions(sections=frozenset({"summary"})).sections == {"practices"}
    assert set(SECTIONS) == {"cover", "contents", "basic", "practices", "problems",
                             "suggestions", "itinerary", "route_map", "roster"}


def test_the_outline_builders_do_not_load_reportlab():
    code = ("import sys, fieldvisit.reporting.outline, fieldvisit.reporting.brief_outline; "
            "print('reportlab' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
