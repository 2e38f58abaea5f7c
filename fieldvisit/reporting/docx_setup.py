"""The frame of the Word document: its named styles (from docx_styles' specifications), the
page (paper, margins, the 公文 grid of 22 lines × 28 characters), headers and footers with
PAGE/NUMPAGES fields, and the document's properties. Used by docx_writer.py only.
"""

from __future__ import annotations

from datetime import UTC, datetime

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from fieldvisit.reporting.document import Document
from fieldvisit.reporting.docx_styles import LINE, Layout, StyleSpec
from fieldvisit.reporting.docx_xml import (
    RPR_ORDER,
    add_field,
    add_run,
    border,
    element,
    put,
    set_fonts,
    set_language,
    xml_text,
)

PAPERS_MM = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "both": WD_ALIGN_PARAGRAPH.JUSTIFY}


def add_styles(word, layout: Layout, language: str) -> dict[str, str]:  # noqa: ANN001
    """Create the layout's styles; style key → style id (and "table_grid")."""
    styles = word.styles
    fonts = layout.fonts
    body = layout.styles["body"]
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, fonts.body, fonts.latin)
    set_language(rpr, language)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), str(round(body.size * 2)))
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    normal = styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr(), fonts.body, fonts.latin)
    normal.font.size = Pt(body.size)
    ids = {"table_grid": styles["Table Grid"].style_id}
    for key, spec in layout.styles.items():
        kind = WD_STYLE_TYPE.CHARACTER if spec.character else WD_STYLE_TYPE.PARAGRAPH
        style = styles.add_style(spec.zh if language == "zh" else spec.en, kind)
        style.element.styleId = spec.style_id
        style.quick_style = True
        style.hidden = False
        _font(style, spec, layout)
        if not spec.character:
            style.base_style = normal
            _paragraph(style, spec, layout)
        ids[key] = spec.style_id
    for key, spec in layout.styles.items():  # a heading is followed by body text
        if key.startswith("heading_") or key in ("title", "attachment_title", "brief_title"):
            styles[spec.zh if language == "zh" else spec.en].next_paragraph_style = \
                styles[layout.styles["body"].zh if language == "zh" else
                       layout.styles["body"].en]
    return ids


def _font(style, spec: StyleSpec, layout: Layout) -> None:  # noqa: ANN001
    fonts = layout.fonts
    latin = fonts.number if spec.font == "number" else fonts.latin
    set_fonts(style.element.get_or_add_rPr(), fonts.east_asian(spec.font), latin)
    style.font.size = Pt(spec.size)
    style.font.bold = spec.bold
    if spec.colour:
        style.font.color.rgb = RGBColor.from_string(spec.colour)
    if spec.tracking:
        put(style.element.get_or_add_rPr(), element("w:spacing", val=round(spec.tracking * 20)),
            RPR_ORDER)


def _paragraph(style, spec: StyleSpec, layout: Layout) -> None:  # noqa: ANN001
    format_ = style.paragraph_format
    format_.alignment = _ALIGN[spec.align]
    format_.space_before = Pt(spec.before)
    format_.space_after = Pt(spec.after)
    if spec.line is None:
        format_.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        format_.line_spacing = Pt(spec.line)
        format_.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    format_.keep_with_next = spec.keep_next
    format_.page_break_before = spec.page_break
    format_.widow_control = True
    ppr = style.element.get_or_add_pPr()
    if spec.first_line:
        format_.first_line_indent = Pt(spec.first_line * spec.size)
        ppr.find(qn("w:ind")).set(qn("w:firstLineChars"), str(spec.first_line * 100))
    if spec.contextual:
        put(ppr, element("w:contextualSpacing"))
    if spec.outline is not None:
        put(ppr, element("w:outlineLvl", val=spec.outline))
    if layout.grid and spec.line is None:
        put(ppr, element("w:snapToGrid", val="0"))  # tables, pictures: not on the grid


def page_setup(word, layout: Layout, paper: str) -> int:  # noqa: ANN001
    """Paper, margins and (公文) the document grid; the text width in twips."""
    section = word.sections[0]
    width, height = PAPERS_MM.get(paper, PAPERS_MM["a4"])
    top, right, bottom, left = layout.margins_mm
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    section.header_distance, section.footer_distance = Mm(layout.header_mm), Mm(layout.footer_mm)
    text_width = round((width - left - right) * 1440 / 25.4)
    grid = section._sectPr.find(qn("w:docGrid"))
    if layout.grid:
        # 22 lines a page. Not a character grid ("linesAndChars"): LibreOffice gives every
        # 16 pt character wider than its 15.79 pt cell two cells (14 characters a line); the
        # body styles' -0.25 pt spacing puts the 28 characters on a line instead.
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(round(LINE * 20)))
    else:
        grid.set(qn("w:linePitch"), "360")
    return text_width


def headers_and_footers(word, layout: Layout, ids: dict[str, str], page_format: str,  # noqa: ANN001
                        document: Document, first_page_blank: bool) -> None:
    section = word.sections[0]
    if document.kind == "brief":
        return  # one page: no number
    if layout.name == "official":
        # "— 1 —" in 4号 at the outside corners, one character in from the edge of the text
        word.settings.odd_and_even_pages_header_footer = True
        for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
            p = footer.paragraphs[0]._p
            p.get_or_add_pPr().style = ids["page_number"]
            put(p.pPr, element("w:ind", **{side: 280}))
            put(p.pPr, element("w:jc", val=side))
            add_run(p, "— ")
            add_field(p, "PAGE", "1")
            add_run(p, " —")
        return
    if first_page_blank:
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False
        section.first_page_footer.is_linked_to_previous = False
    p = section.footer.paragraphs[0]._p
    p.get_or_add_pPr().style = ids["page_number"]
    before, rest = page_format.split("{page}", 1)
    middle, after = rest.split("{pages}", 1)
    add_run(p, before)
    add_field(p, "PAGE", "1")
    add_run(p, middle)
    add_field(p, "NUMPAGES", "1")
    add_run(p, after)
    if document.kind == "report":
        p = section.header.paragraphs[0]._p
        p.get_or_add_pPr().style = ids["header"]
        width = round(section.page_width.twips - section.left_margin.twips
                      - section.right_margin.twips)
        tabs = put(p.pPr, element("w:tabs"))
        tabs.append(element("w:tab", val="right", pos=width))
        border(p.pPr, "bottom", "9A9A9A", eighths=4, space=4)
        add_run(p, document.title)
        if document.marking:
            add_run(p, "\t")
            add_run(p, document.marking)


def properties(word, document: Document) -> None:  # noqa: ANN001
    core = word.core_properties
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    core.title = xml_text(document.title)[:255]  # python-docx's limit
    core.subject = xml_text(document.subtitle)[:255]
    core.author = core.last_modified_by = "FieldVisit"
    core.comments = core.keywords = core.category = ""
    core.language = "zh-CN" if document.language == "zh" else "en-GB"
    core.created = core.modified = now
    core.revision = 1
