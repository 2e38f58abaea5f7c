"""The report's only stylesheet: fonts (registered once), paragraph and table styles, colours,
paper and margins. Nothing else in the report sets a font, a size or a colour.

Fonts: the bundled WenQuanYi Micro Hei, or a TrueType font the user picked (SimSun, FangSong,
SimHei, Microsoft YaHei…). ReportLab embeds a subset of TrueType-outline fonts only. When the
font has no bold face, headings are drawn in synthetic bold: filled and stroked with a thin
outline (``fv_bold`` on a style is the stroke width as a fraction of the font size).
Characters the font lacks are drawn with a fallback font (``ReportFonts.chain``, glyphs.py).
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Callable

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import cm
from reportlab.platypus import TableStyle

from fieldvisit.domain.errors import FieldVisitError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.paths import resource
from fieldvisit.reporting.font_files import EDGE_BRACKETS, bracket_font, fallback_fonts
from fieldvisit.reporting.glyphs import FontChain, LoadedFont, load_font
from fieldvisit.reporting.text import NO_LINE_END, NO_LINE_START

INK = colors.HexColor("#1b1b1b")
MUTED = colors.HexColor("#5f5f5f")
ACCENT = colors.HexColor("#9e1b1b")
RULE = colors.HexColor("#9a9a9a")
HAIRLINE = colors.HexColor("#d4d4d4")
FILL = colors.HexColor("#f1efec")
BAR = colors.HexColor("#8a3b32")

PAPERS = {"a4": A4, "letter": LETTER}
MARGINS = {"left": 2.7 * cm, "right": 2.5 * cm, "top": 3.0 * cm, "bottom": 2.6 * cm}
HEADER_GAP = 1.1 * cm  # from the text block's top edge up to the header's baseline
FOOTER_GAP = 1.2 * cm  # from the text block's bottom edge down to the footer's baseline
HEADER_SIZE = 8.5
FOOTER_SIZE = 9
BOLD_STROKE = 0.028  # synthetic bold stroke, as a fraction of the font size

BUNDLED_FONT = ("fonts", "wqy-microhei.ttc")
_BOLD_COMPANIONS = {"msyh": "msyhbd", "simsun": None, "arial": "arialbd"}


@dataclass(frozen=True)
class ReportFonts:
    regular: str
    bold: str
    synthetic_bold: bool
    has_glyph: Callable[[int], bool]
    """Has the chosen font this character? (Text drawn in one font only: charts, map.)"""
    path: str
    chain: FontChain
    """Who draws what the chosen font lacks (see glyphs.py)."""


@cache
def register_fonts(font_file: str = "") -> ReportFonts:
    """Register the report's font (the bundled one for "") with ReportLab, once per file; its
    fallbacks are registered when a character first needs them."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    _configure_reportlab()
    path = Path(font_file) if font_file else resource(*BUNDLED_FONT)
    name = _font_name(path)
    try:
        primary = load_font(path, name)
    except (TTFError, OSError, ValueError, IndexError) as error:
        raise FieldVisitError(Message(QT_TRANSLATE_NOOP(
            "Messages", "cannot use the font {path}: {error} (the report needs a TrueType font: "
            ".ttf or .ttc)"), path=str(path), error=str(error))) from None
    bold_name, synthetic = name, True
    companion = _BOLD_COMPANIONS.get(path.stem.lower())
    if companion:
        for bold_path in path.parent.glob(f"{companion}.tt[fc]"):
            try:
                pdfmetrics.registerFont(TTFont(name + "B", str(bold_path), subfontIndex=0))
                bold_name, synthetic = name + "B", False
            except (TTFError, OSError, ValueError, IndexError):
                pass
            break
    fallbacks = [] if not font_file else [lambda: register_fonts("").chain.primary]
    fallbacks += [partial(_fallback, file) for file in fallback_fonts()
                  if file.resolve() != path.resolve()]
    better = bracket_font()
    substitutes = None if font_file or better is None else (
        EDGE_BRACKETS, partial(_fallback, better))
    chain = FontChain(primary, fallbacks, substitutes)
    return ReportFonts(name, bold_name, synthetic, primary.has_glyph, str(path), chain)


def _font_name(path: Path) -> str:
    return "FV" + hashlib.sha1(str(path).encode()).hexdigest()[:10]


def _fallback(path: Path) -> LoadedFont | None:
    """A fallback font, or None when ReportLab cannot embed it (PostScript outlines, a
    damaged file, a font that forbids embedding)."""
    from reportlab.pdfbase.ttfonts import TTFError

    try:
        return load_font(path, _font_name(path))
    except (TTFError, OSError, ValueError, IndexError, KeyError, AssertionError, struct.error):
        return None


def _configure_reportlab() -> None:
    """Process-wide ReportLab settings (only the report uses ReportLab):

    - binary streams, not ASCII85: ReportLab encodes ASCII85 in pure Python (very slow for
      photos) and it makes the file a quarter bigger;
    - its own CJK wrapping lacks Chinese closing punctuation among the characters that may not
      start a line: add ours (a safety net: the report's paragraphs break lines by our rules,
      see text.py);
    - its ToUnicode maps write characters beyond U+FFFF (emoji, CJK extension B) as five hex
      digits, which readers take for another character (😀 copied as "ὠ"): write them as
      UTF-16 surrogate pairs, as PDF wants."""
    from reportlab import rl_config
    from reportlab.lib import textsplit
    from reportlab.pdfbase import ttfonts
    from reportlab.platypus import paragraph

    rl_config.useA85 = 0
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    extra = "".join(sorted(NO_LINE_START - set(textsplit.ALL_CANNOT_START)))
    textsplit.ALL_CANNOT_START += extra
    paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START
    textsplit.ALL_CANNOT_END += "".join(sorted(NO_LINE_END - set(textsplit.ALL_CANNOT_END)))


def _to_unicode_cmap(font_name: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap of a font subset, with UTF-16 for every character."""
    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()

    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({font_name})", f"/Ordering ({font_name})",
        "/Supplement 0", ">> def", f"/CMapName /{font_name} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{index:02X}> <{utf16(code)}>" for index, code in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"])


@dataclass(frozen=True)
class PageGeometry:
    size: tuple[float, float]
    left: float = MARGINS["left"]
    right: float = MARGINS["right"]
    top: float = MARGINS["top"]
    bottom: float = MARGINS["bottom"]

    @property
    def width(self) -> float:
        return self.size[0] - self.left - self.right

    @property
    def height(self) -> float:
        return self.size[1] - self.top - self.bottom


def page_geometry(paper: str) -> PageGeometry:
    return PageGeometry(PAPERS[paper])


@cache
def stylesheet(fonts: ReportFonts, language: str, heading: ReportFonts | None = None,
               title: ReportFonts | None = None) -> StyleSheet1:
    """All paragraph styles of the modern layout in ``language`` ("zh" indents first lines by
    two characters and leads more loosely; "en" uses no indent and space between paragraphs);
    ``heading`` and ``title``: the fonts of those slots (default: ``fonts``)."""
    zh = language == "zh"
    size = 11.0
    sheet = StyleSheet1()
    heading = heading or fonts
    title = title or heading
    bold = BOLD_STROKE if fonts.synthetic_bold else 0.0
    heading_bold = BOLD_STROKE if heading.synthetic_bold else 0.0

    def add(name: str, parent: str | None = None, **values: object) -> None:
        base = sheet[parent] if parent else None
        sheet.add(ParagraphStyle(name, parent=base, **values))

    add("body", fontName=fonts.regular, fontSize=size, leading=size * (1.8 if zh else 1.45),
        textColor=INK, alignment=TA_JUSTIFY, wordWrap="CJK",
        firstLineIndent=2 * size if zh else 0, spaceAfter=3 if zh else 6, fv_bold=0.0,
        allowWidows=0, allowOrphans=0, fv_phrases=False)
    add("body_flush", "body", firstLineIndent=0)
    add("fact", "body", firstLineIndent=0, leftIndent=0, spaceAfter=2)
    add("bullet", "body", firstLineIndent=0, leftIndent=2 * size, bulletIndent=0.6 * size,
        bulletFontName=fonts.regular, bulletFontSize=size, spaceAfter=2)
    add("quote", "body", firstLineIndent=0, leftIndent=2 * size, rightIndent=1.5 * size,
        textColor=colors.HexColor("#333333"), spaceBefore=2, spaceAfter=0)
    add("quote_by", "quote", alignment=TA_RIGHT, textColor=MUTED, fontSize=size - 1.5,
        leading=(size - 1.5) * 1.5, spaceBefore=1, spaceAfter=6)
    add("small", "body", fontSize=size - 2, leading=(size - 2) * 1.5, firstLineIndent=0,
        textColor=MUTED, spaceAfter=2)
    add("h1", "body", fontName=heading.bold, fontSize=15.5, leading=22, firstLineIndent=0,
        alignment=TA_LEFT, spaceBefore=10, spaceAfter=10, textColor=INK, fv_bold=heading_bold,
        fv_phrases=True)
    add("h2", "h1", fontSize=12.5, leading=18, spaceBefore=12, spaceAfter=5)
    add("h3", "h1", fontSize=size, leading=size * 1.6, spaceBefore=6, spaceAfter=2,
        textColor=ACCENT, fv_phrases=False)
    add("toc_title", "h1", alignment=TA_CENTER, fontSize=17, leading=24, spaceBefore=6,
        spaceAfter=18)
    add("toc0", "body", firstLineIndent=0, alignment=TA_LEFT, fontSize=11.5, leading=22,
        rightIndent=1.2 * cm)
    add("toc1", "toc0", fontSize=10, leading=17, leftIndent=1.4 * size, textColor=MUTED)
    add("cover_marking", "body", firstLineIndent=0, alignment=TA_RIGHT, fontSize=12,
        leading=16, textColor=ACCENT, fontName=fonts.bold, fv_bold=bold)
    add("cover_kicker", "body", firstLineIndent=0, alignment=TA_CENTER, fontSize=12,
        leading=18, textColor=ACCENT)
    add("cover_title", "h1", alignment=TA_CENTER, fontSize=22, leading=34, spaceBefore=0,
        spaceAfter=14, keepWithNext=0, fontName=title.bold,
        fv_bold=BOLD_STROKE if title.synthetic_bold else 0.0)
    add("cover_theme", "body", firstLineIndent=0, alignment=TA_CENTER, fontSize=14,
        leading=22, textColor=colors.HexColor("#333333"), fv_phrases=True)
    add("cover_label", "body", firstLineIndent=0, alignment=TA_RIGHT, fontSize=11,
        leading=19, textColor=MUTED, spaceAfter=0)
    add("cover_value", "cover_label", alignment=TA_LEFT, textColor=INK)
    add("cell", "body", firstLineIndent=0, alignment=TA_LEFT, fontSize=9.5,
        leading=9.5 * 1.45, spaceAfter=0)
    add("cell_head", "cell", fontName=fonts.bold, fv_bold=bold * 0.8, textColor=INK)
    add("cell_num", "cell", alignment=TA_RIGHT)
    add("cell_center", "cell", alignment=TA_CENTER)
    add("cell_head_center", "cell_head", alignment=TA_CENTER)
    add("cell_note", "cell", fontSize=8.5, leading=8.5 * 1.45, textColor=MUTED)
    add("caption", "body", firstLineIndent=0, alignment=TA_CENTER, fontSize=9,
        leading=13.5, textColor=MUTED, spaceBefore=4, spaceAfter=10)
    add("photo_caption", "caption", spaceAfter=1)
    add("photo_details", "caption", fontSize=8.5, leading=12, spaceBefore=0, spaceAfter=10)
    add("table_caption", "caption", spaceBefore=6, spaceAfter=4, textColor=INK,
        keepWithNext=1)
    add("lead", "body")
    add("note", "small")
    add("attachments", "body_flush", alignment=TA_LEFT)
    add("signature", "body_flush", alignment=TA_RIGHT, spaceAfter=0)
    return sheet


def table_style(fonts: ReportFonts, header_rows: int = 1, zebra: bool = False) -> TableStyle:
    """Light rules: a heavier rule above and below the header and at the bottom, hairlines
    between rows, a tinted header."""
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), fonts.regular, 9.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
        ("LINEABOVE", (0, 0), (-1, 0), 0.9, INK),
        ("LINEBELOW", (0, -1), (-1, -1), 0.9, INK),
        ("LINEBELOW", (0, 1), (-1, -2), 0.25, HAIRLINE),
    ]
    if header_rows:
        commands += [("BACKGROUND", (0, 0), (-1, header_rows - 1), FILL),
                     ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.5, RULE),
                     ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE")]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1),
                         [colors.white, colors.HexColor("#faf9f7")]))
    return TableStyle(commands)


def facts_table_style(fonts: ReportFonts) -> TableStyle:
    """Label–value pairs without rules (the cover, the basic facts; the table of contents)."""
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.regular, 9.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ])


CHART = {"bar": BAR, "grid": HAIRLINE, "label_size": 8.5, "value_size": 8, "ink": INK,
         "muted": MUTED}


def bold_font(fonts: ReportFonts) -> str:
    """The name to draw ``fonts`` in bold inside a paragraph (a run-in heading): its bold
    face, or an alias drawn in synthetic bold (flowables.SYNTHETIC_BOLD)."""
    from reportlab.pdfbase import pdfmetrics

    from fieldvisit.reporting.flowables import SYNTHETIC_BOLD

    if not fonts.synthetic_bold:
        return fonts.bold
    alias = fonts.regular + "SB"
    if alias not in SYNTHETIC_BOLD:
        from reportlab.lib.fonts import addMapping

        pdfmetrics._fonts[alias] = pdfmetrics.getFont(fonts.regular)  # the same font object
        addMapping(alias, 0, 0, alias)
        SYNTHETIC_BOLD[alias] = BOLD_STROKE
    return alias
