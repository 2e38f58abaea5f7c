"""The report's text rules: cleaning and escaping user text, where lines may break, how key
figures read, and the fixed labels."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fieldvisit.domain.enums import FigureQualifier
from fieldvisit.domain.figures import format_figure
from fieldvisit.reporting.labels import Labels, zh_number
from fieldvisit.reporting.text import (
    NO_LINE_END,
    NO_LINE_START,
    REPLACEMENT,
    break_allowed,
    break_lines,
    clean,
    markup,
    paragraphs,
    truncate,
)
from fieldvisit.services.report_data import visit_language

CLOSING = "，。、；：？！）》」』”"
OPENING = "（《「『“"


def wide(text: str) -> list[float]:
    """Widths as in a CJK font: Chinese characters 2, the rest 1."""
    return [2.0 if ord(ch) >= 0x2E80 else 1.0 for ch in text]


def lines_of(text: str, width: float, **options: bool) -> list[str]:
    return [text[a:b] for a, b in break_lines(text, wide(text), [width], **options)]


def test_the_required_punctuation_is_covered():
    assert set(CLOSING) <= NO_LINE_START
    assert set(OPENING) <= NO_LINE_END


@pytest.mark.parametrize("closing", list(CLOSING))
def test_no_line_starts_with_closing_punctuation(closing):
    # the closing mark falls exactly where a line is full
    text = f"一二三四五{closing}六七八九十{closing}一二三四五"
    for width in range(6, 30, 2):
        lines = lines_of(text, width)
        assert "".join(lines) == text
        assert not any(line.startswith(closing) for line in lines[1:]), (width, lines)


@pytest.mark.parametrize("opening", list(OPENING))
def test_no_line_ends_with_opening_punctuation(opening):
    text = f"一二三四{opening}五六七八九十一二三四{opening}五六"
    for width in range(6, 30, 2):
        lines = lines_of(text, width)
        assert not any(line.endswith(opening) for line in lines[:-1]), (width, lines)


def test_chinese_breaks_anywhere_latin_only_between_words():
    assert lines_of("中文测试调研组一行", 10) == ["中文测试调", "研组一行"]
    assert lines_of("The quick brown fox jumps", 10) == ["The quick", "brown fox", "jumps"]
    assert lines_of("调研CBD驿站", 6) == ["调研", "CBD驿", "站"]


def test_long_words_and_urls_wrap_instead_of_overflowing():
    url = "https://example.com/" + "segment/" * 20
    lines = lines_of(url, 30)
    assert "".join(lines) == url and all(len(line) <= 30 for line in lines)
    assert all(line.endswith("/") for line in lines[:-1])  # broken after slashes
    word = "W" * 1000
    lines = lines_of(word, 37)
    assert "".join(lines) == word and max(map(len, lines)) == 37


def test_a_character_wider_than_the_line_still_makes_progress():
    assert lines_of("中文", 1) == ["中", "文"]


def test_line_breaks_and_spaces():
    assert lines_of("a\n\nb  c", 10) == ["a", "", "b  c"]
    assert lines_of("aaaa bbbb", 4) == ["aaaa", "bbbb"]  # the space belongs to no line
    assert lines_of("", 10) == [""]


def test_titles_break_after_a_pause_when_the_line_stays_well_filled():
    title = "市委主题教育第六巡回指导组、市总工会、团市委、市妇联赴朝阳区联合调研"
    assert lines_of(title, 40)[0] == "市委主题教育第六巡回指导组、市总工会、团"
    assert lines_of(title, 40, phrase_breaks=True)[0] == "市委主题教育第六巡回指导组、市总工会、"
    assert lines_of(title, 34, phrase_breaks=True)[0] == "市委主题教育第六巡回指导组、"


def test_break_opportunities():
    assert break_allowed("中", "文") and break_allowed(" ", "a") and break_allowed("a", "中")
    assert not break_allowed("a", "b") and not break_allowed("中", "，")
    assert not break_allowed("（", "中") and break_allowed("/", "a")


def test_markup_prints_user_text_literally():
    assert markup("<b>x</b> & &amp; <script>") == \
        "&lt;b&gt;x&lt;/b&gt; &amp; &amp;amp; &lt;script&gt;"
    assert markup("one\ntwo") == "one<br/>two"


def test_clean_drops_invisible_characters_and_replaces_missing_glyphs():
    covered = {ord(c) for c in "abc中文 ✔"}.__contains__
    assert clean("a\x00b\x07c", covered) == "abc"
    assert clean("中\u200d文\u202e", covered) == "中文"  # format characters go
    assert clean("a😀🎉b", covered) == f"a{REPLACEMENT}b"  # one box per run
    assert clean("✔\ufe0f", covered) == "✔"  # the variation selector goes with the emoji
    assert clean("a\r\nb\tc", lambda code: True) == "a\nb c"
    assert clean("שלום עולם", covered) == f"{REPLACEMENT} {REPLACEMENT}"


def test_paragraphs_and_truncate():
    assert paragraphs(" one \n\n two\r\nthree ") == ["one", "two", "three"]
    assert truncate("abcdefghij", len, 5) == "abcd…"
    assert truncate("abc", len, 5) == "abc"


@pytest.mark.parametrize(("value", "unit", "qualifier", "zh", "en"), [
    ("6000", "人次", FigureQualifier.MORE_THAN, "6000余人次", "more than 6,000 person-times"),
    ("800", "平方米", FigureQualifier.EXACTLY, "800平方米", "800 m²"),
    ("46", "家", FigureQualifier.EXACTLY, "46家", "46"),
    ("5", "分钟", FigureQualifier.ABOUT, "约5分钟", "about 5 minutes"),
    ("30", "%", FigureQualifier.LESS_THAN, "不足30%", "less than 30%"),
    ("2022-04", "", FigureQualifier.EXACTLY, "2022年4月", "April 2022"),
    ("2023-05-25", "", FigureQualifier.EXACTLY, "2023年5月25日", "25 May 2023"),
    ("十余", "个", FigureQualifier.EXACTLY, "十余个", "十余"),
])
def test_key_figures_read_naturally(value, unit, qualifier, zh, en):
    assert format_figure(value, unit, qualifier, "zh") == zh
    assert format_figure(value, unit, qualifier, "en") == en


def test_labels():
    zh, en = Labels("zh"), Labels("en")
    assert zh.section(1, "basic") == "一、基本情况" and en.section(1, "basic") == \
        "1. Basic information"
    assert zh.subsection(3, "调研概况") == "（三）调研概况"
    assert en.subsection(2, "Delegation", section=1) == "1.2 Delegation"
    assert zh.format("page", page=2, pages=9) == "第 2 页　共 9 页"
    assert en.format("page", page=2, pages=9) == "Page 2 of 9"
    assert zh.date_range(date(2023, 5, 25), date(2023, 5, 27)) == "2023年5月25日至27日"
    assert en.date_range(date(2023, 5, 25), date(2023, 5, 27)) == "25–27 May 2023"
    assert zh.times(datetime(2023, 5, 25, 9, 30), datetime(2023, 5, 25, 10, 20)) == \
        "09:30–10:20"
    assert [zh_number(n) for n in (1, 10, 12, 20, 99, 100)] == \
        ["一", "十", "十二", "二十", "九十九", "100"]
    assert zh.appendix(2, "appendix") == "附录二　调研组名单"
    assert en.appendix(1, "photos") == "Appendix A: Photographs"


def test_visit_language_follows_the_title():
    assert visit_language("市委调研") == "zh"
    assert visit_language("Joint visit to Chaoyang") == "en"
