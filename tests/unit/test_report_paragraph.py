"""The report's paragraph: our line breaking inside ReportLab, splitting across pages without
changing the text, justified Chinese lines, synthetic bold."""

from __future__ import annotations

from io import BytesIO

from reportlab.pdfgen.canvas import Canvas

from fieldvisit.reporting.flowables import Heading, ReportParagraph
from fieldvisit.reporting.styles import register_fonts, stylesheet
from fieldvisit.reporting.text import markup

TEXT = ("饿了么（北京）妇委会于2022年9月成立，依托北京CBD骑士驿站的充足空间，"
        "建设朝阳驿姐之家驿港湾，不仅提供女性用品、药品、暖宝宝等物资，"
        "还可供女骑手休息、热饭、阅读、培训等。") * 12


def sheet():
    return stylesheet(register_fonts(), "zh")


def line_texts(paragraph: ReportParagraph) -> list[str]:
    return ["".join(w.text for w in line.words if not hasattr(w, "cbDefn"))
            for line in paragraph.blPara.lines]


def test_lines_keep_every_character_and_the_rules():
    paragraph = ReportParagraph(markup(TEXT), sheet()["body"])
    paragraph.wrap(300, 10_000)
    lines = line_texts(paragraph)
    assert "".join(lines) == TEXT and len(lines) > 10
    assert not any(line[0] in "，。、；：？！）》」』”" for line in lines)
    assert not any(line[-1] in "（《「『“" for line in lines)


def test_a_split_paragraph_continues_with_exactly_the_rest():
    paragraph = ReportParagraph(markup(TEXT), sheet()["body"])
    _, height = paragraph.wrap(300, 10_000)
    first, rest = paragraph.split(300, height / 2)
    first.wrap(300, height)
    rest.wrap(300, height)
    assert "".join(line_texts(first)) + "".join(line_texts(rest)) == TEXT  # no added spaces
    assert rest.style.firstLineIndent == 0 and rest.blPara.lines  # lines reused, not indented
    again, more = rest.split(300, height / 4)
    more.wrap(300, height)
    assert "".join(line_texts(first) + line_texts(again) + line_texts(more)) == TEXT


def test_justified_chinese_lines_use_character_spacing_and_bold_headings_stroke():
    styles = sheet()
    canvas = Canvas(BytesIO())
    text = "调研组一行参观了中心内设的接待服务区、" * 6 + "Latin words"
    paragraph = ReportParagraph(markup(text), styles["body"])
    paragraph.wrap(200, 1000)
    paragraph.drawOn(canvas, 50, 500)
    heading = Heading(markup("一、基本情况"), styles["h1"], 0, "一、基本情况", "h1")
    heading.wrap(400, 100)
    heading.drawOn(canvas, 50, 300)
    code = "\n".join(canvas._code)
    assert " Tc" in code  # spread lines
    assert "2 Tr" in code  # synthetic bold: fill and stroke


def test_a_latin_line_after_a_spread_chinese_line_is_not_spread_too():
    """Character spacing is text state: a Latin line after a spread Chinese one kept it, and
    a long word ran past the margin. Every line sets its own spacing."""
    text = "调研组参观了中心内设的接待服务区、宣传展示区、休闲交流区、" + "W" * 120 + " end"
    paragraph = ReportParagraph(markup(text), sheet()["body"])
    paragraph.wrap(300, 10_000)
    lines = paragraph.blPara.lines
    assert len(lines) > 3
    spacing = [float(w.cbDefn.label) for line in lines for w in line.words
               if hasattr(w, "cbDefn")]
    assert len(spacing) == len(lines)  # one setting per line
    assert spacing[0] > 0 and spacing[1:] == [0.0] * (len(lines) - 1)
