"""WordprocessingML pieces python-docx has no API for: East Asian fonts, fields (PAGE,
NUMPAGES, TOC), borders, grid snapping, outline levels, the document grid, and tables built
directly as XML (merged cells, repeated header rows; python-docx's cell access is quadratic in
the size of a table). Children are inserted in the order the schema requires, which Word
insists on. Imported only by the Word writer (python-docx is imported lazily there).
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
             "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
             "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
             "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
             "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
             "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
             "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
             "w:pPrChange")
RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
             "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
             "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
             "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
             "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
             "w:eastAsianLayout", "w:specVanish", "w:oMath")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` without what XML 1.0 cannot hold (control characters, lone surrogates)."""
    return _NOT_XML.sub("", text)


def element(tag: str, **attributes: str) -> object:
    node = OxmlElement(tag)
    for name, value in attributes.items():
        node.set(qn(f"w:{name}"), str(value))
    return node


def put(parent, child, order: tuple[str, ...] = PPR_ORDER):  # noqa: ANN001, ANN201
    """Put ``child`` into ``parent`` where the schema wants it, replacing one of its kind."""
    tag = child.tag
    for existing in parent.findall(tag):
        parent.remove(existing)
    name = next(n for n in order if qn(n) == tag)
    parent.insert_element_before(child, *order[order.index(name) + 1:])
    return child


def set_fonts(rpr, east_asian: str, latin: str) -> None:  # noqa: ANN001
    """Chinese text in ``east_asian``, Latin in ``latin``; no theme fonts (they would win)."""
    fonts = rpr.get_or_add_rFonts()
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:hint"), "eastAsia")


def set_language(rpr, language: str) -> None:  # noqa: ANN001
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)  # the last child but two of rPr; nothing we write follows it
    lang.set(qn("w:val"), "zh-CN" if language == "zh" else "en-GB")
    lang.set(qn("w:eastAsia"), "zh-CN")


def border(ppr, side: str, colour: str = "000000", eighths: int = 6,  # noqa: ANN001
           space: int = 1) -> None:
    """A rule on one ``side`` (top, bottom) of a paragraph; ``eighths`` of a point thick."""
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = put(ppr, OxmlElement("w:pBdr"))
    borders.append(element(f"w:{side}", val="single", sz=eighths, space=space, color=colour))


def field_start(paragraph, instruction: str, rstyle: str = "") -> None:  # noqa: ANN001
    """The beginning of a field: what follows (up to ``field_end``) is shown until Word
    updates it; it may span paragraphs (a TOC)."""
    def run(child) -> None:  # noqa: ANN001
        r = OxmlElement("w:r")
        if rstyle:
            r.get_or_add_rPr().style = rstyle
        r.append(child)
        paragraph.append(r)

    run(element("w:fldChar", fldCharType="begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run(instr)
    run(element("w:fldChar", fldCharType="separate"))


def field_end(paragraph) -> None:  # noqa: ANN001
    r = OxmlElement("w:r")
    r.append(element("w:fldChar", fldCharType="end"))
    paragraph.append(r)


def add_field(paragraph, instruction: str, shown: str, rstyle: str = "") -> None:  # noqa: ANN001
    """A field (PAGE, NUMPAGES…) showing ``shown`` until Word updates it."""
    field_start(paragraph, instruction, rstyle)
    add_run(paragraph, shown, rstyle)
    field_end(paragraph)


def add_run(paragraph, text: str, rstyle: str = ""):  # noqa: ANN001, ANN201
    r = paragraph.add_r()
    if rstyle:
        r.get_or_add_rPr().style = rstyle
    r.text = xml_text(text)
    return r


def new_paragraph(style_id: str):  # noqa: ANN201
    p = OxmlElement("w:p")
    p.get_or_add_pPr().style = style_id
    return p


def table(widths: list[int], header: tuple[str, ...], rows: list[list[str | None]],
          numeric: tuple[int, ...], styles: tuple[str, str, str]):  # noqa: ANN201
    """A fixed-layout table ``widths`` twips wide per column; the header row repeats on every
    page; a cell None continues the cell above (vertically merged). ``styles``: the table
    style, the header's and the cells' paragraph styles."""
    tbl = OxmlElement("w:tbl")
    properties = OxmlElement("w:tblPr")
    properties.append(element("w:tblStyle", val=styles[0]))
    properties.append(element("w:tblW", w=sum(widths), type="dxa"))
    properties.append(element("w:jc", val="center"))
    properties.append(element("w:tblLayout", type="fixed"))
    properties.append(element("w:tblLook", val="04A0", firstRow="1", lastRow="0",
                              firstColumn="0", lastColumn="0", noHBand="0", noVBand="1"))
    tbl.append(properties)
    grid = OxmlElement("w:tblGrid")
    for width in widths:
        grid.append(element("w:gridCol", w=width))
    tbl.append(grid)
    every = [list(header)] + rows
    for index, row in enumerate(every):
        tr = OxmlElement("w:tr")
        trpr = OxmlElement("w:trPr")
        trpr.append(OxmlElement("w:cantSplit"))
        if index == 0:
            trpr.append(OxmlElement("w:tblHeader"))
        tr.append(trpr)
        for column, (width, value) in enumerate(zip(widths, row, strict=True)):
            tc = OxmlElement("w:tc")
            tcpr = OxmlElement("w:tcPr")
            tcpr.append(element("w:tcW", w=width, type="dxa"))
            merged = index > 0 and value is None
            starts = index > 0 and not merged and index + 1 < len(every) \
                and every[index + 1][column] is None
            if merged or starts:
                tcpr.append(element("w:vMerge", **({"val": "restart"} if starts else {})))
            tcpr.append(element("w:vAlign", val="center"))
            tc.append(tcpr)
            p = new_paragraph(styles[1] if index == 0 else styles[2])
            if index > 0 and column in numeric:
                put(p.pPr, element("w:jc", val="right"))
            if value:
                add_run(p, value)
            tc.append(p)
            tr.append(tc)
        tbl.append(tr)
    return tbl
