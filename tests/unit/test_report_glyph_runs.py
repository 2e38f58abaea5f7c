"""Per-glyph fallback in the report's text: runs of another font become <font> spans (user
text still escaped), and right-to-left runs are put in drawing order."""

from __future__ import annotations

from fieldvisit.reporting.text import font_runs, markup, mirrored, visual_order

FALLBACK = {"–": "FVbundled", "😀": "FVemoji", "ש": "FVdejavu", "ל": "FVdejavu"}


def font_for(ch: str) -> str | None:
    return FALLBACK.get(ch)


def test_characters_of_another_font_become_spans_and_text_stays_escaped():
    assert markup("09:30–10:20 <b>&amp;</b>😀", font_for=font_for) == (
        '09:30<font name="FVbundled">–</font>10:20 &lt;b&gt;&amp;amp;&lt;/b&gt;'
        '<font name="FVemoji">😀</font>')
    assert markup("普通文字 <b>", font_for=font_for) == "普通文字 &lt;b&gt;"  # no spans


def test_spaces_and_line_ends_stay_in_the_run_they_are_in():
    assert font_runs("שׁל של\nab", font_for) == [("FVdejavu", "שׁל של\n"), (None, "ab")]
    assert markup("a\nש", font_for=font_for) == 'a<br/><font name="FVdejavu">ש</font>'


def test_right_to_left_runs_are_reversed_numbers_and_latin_keep_their_order():
    def drawn(text: str) -> str:
        return "".join(text[i] for i in visual_order(text))

    assert drawn("abc 中文") == "abc 中文"
    assert drawn("中 שלום עולם x") == "中 םלוע םולש x"
    assert drawn("אב 2024 גד") == "דג 2024 בא"
    assert drawn("(שלום)") == "(םולש)"  # brackets outside the run stay
    assert mirrored("(") == ")" and mirrored("a") == "a"


def test_a_line_end_opens_no_fallback_font():
    """Opening a fallback font parses all of it (a second or more for a CJK font): a text
    with a line end asked for one and opened every fallback in turn."""
    from fieldvisit.reporting.glyphs import FontChain, LoadedFont

    opened = []

    def fallback():
        opened.append(1)
        return LoadedFont("F", "Fallback", lambda code: True)

    chain = FontChain(LoadedFont("P", "Primary", lambda code: code > 31), [fallback])
    assert chain.font_for("\n") is None and chain.font_for("a") is None
    assert opened == []


def test_the_font_for_badly_drawn_brackets_is_opened_once():
    from fieldvisit.reporting.glyphs import FontChain, LoadedFont

    opened = []

    def better():
        opened.append(1)
        return LoadedFont("B", "Better", lambda code: True)

    chain = FontChain(LoadedFont("P", "Primary", lambda code: True), [], ("（）", better))
    assert chain.font_for("（") == chain.font_for("）") == "B" and chain.font_for("一") is None
    assert opened == [1]
