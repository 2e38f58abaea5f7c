"""The report and the brief as Word documents: ``render_docx(document, options) -> bytes``
writes the same layout-neutral ``Document`` the PDF typesets; ``report_docx(data, options)``
and ``brief_docx(data, options)`` build that document first (photos downscaled as for the PDF).

Every paragraph has a named style (docx_styles.py) and no direct font formatting, so a user
restyles the report in Word or WPS in one place. Tables are real tables (a grouped column as
vertically merged cells, the header row repeated on every page), photos are embedded with
numbered captions, page numbers are PAGE/NUMPAGES fields. The official (公文) layout has the
page of GB/T 9704-2012: A4, margins top 37 mm and left 28 mm, a 156 × 225 mm text block on a
grid of 22 lines × 28 characters, "— 1 —" at the outside corners; the modern layout a cover,
a contents field, a running header and "第 X 页 共 Y 页". python-docx is imported here only.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import replace
from io import BytesIO
from pathlib import Path

from fieldvisit.reporting.document import (
    Attachment,
    Block,
    Document,
    Heading,
    Paragraph,
    Picture,
    RouteMapFigure,
    Table,
)
from fieldvisit.reporting.docx_styles import Layout, layout_for
from fieldvisit.services.report_model import ReportData, ReportOptions

MM = 1440 / 25.4
"""Twips per millimetre."""
PHOTO_HEIGHT_MM = 100
SETTINGS_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
    "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")
"""What follows ``w:updateFields`` in the settings (the schema's order, which Word enforces)."""

_LABELS = {
    "zh": {"table": "表{n}　{title}", "figure": "图{n}　{title}", "attachments": "附件：",
           "attachment": "附件{n}", "page": "第 {page} 页　共 {pages} 页", "contents": "目　录",
           "colon": "：", "indent": "　　　"},
    "en": {"table": "Table {n}. {title}", "figure": "Figure {n}. {title}",
           "attachments": "Attachments:", "attachment": "Attachment {n}",
           "page": "Page {page} of {pages}", "contents": "Contents", "colon": ": ",
           "indent": ""},
}


def render_docx(document: Document, options: ReportOptions, *,
                checkpoint: Callable[[], None] = lambda: None) -> bytes:
    """The Word file (.docx) of ``document`` in the layout and fonts of ``options``
    (FieldVisitError when a chosen font file is not a font)."""
    import docx

    size = 16.0
    if document.kind == "brief":  # a 工作简报 is set on the 公文 page, as the PDF sets it
        from fieldvisit.reporting.visit_report import brief_body_size

        options = replace(options, layout="official")
        size = brief_body_size(document, options)  # one page, in the PDF's body size
    layout = layout_for(options, size)
    word = docx.Document()
    writer = _Writer(word, layout, document, options, checkpoint)
    writer.write()
    buffer = BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def report_docx(data: ReportData, options: ReportOptions, *, cache_dir: Path | None = None,
                checkpoint: Callable[[], None] = lambda: None,
                progress: Callable[[str, int, int], None] = lambda step, done, total: None,
                warn: Callable[[str], None] = lambda text: None) -> bytes:
    """The research report as .docx, built as the PDF's is (``outline.report_document``).
    ``checkpoint`` may raise to cancel; ``progress`` hears of the photos downscaled; ``warn``
    gets what the document's builder left out (already translated)."""
    from fieldvisit.reporting.outline import report_with_photos

    with report_with_photos(data, options, cache_dir=cache_dir, checkpoint=checkpoint,
                            progress=progress, warn=warn) as document:
        checkpoint()
        return render_docx(document, options, checkpoint=checkpoint)


def brief_docx(data: ReportData, options: ReportOptions, *,
               checkpoint: Callable[[], None] = lambda: None,
               warn: Callable[[str], None] = lambda text: None, **_unused: object) -> bytes:
    """The brief (简报) as .docx (``brief_outline.brief_document``); ``cache_dir`` and
    ``progress`` are accepted as ``report_docx`` takes them, and not needed."""
    from fieldvisit.reporting.brief_outline import brief_document

    document = brief_document(data, options)
    for text in document.warnings:
        warn(text)
    return render_docx(document, options, checkpoint=checkpoint)


class _Writer:
    def __init__(self, word, layout: Layout, document: Document,  # noqa: ANN001
                 options: ReportOptions, checkpoint: Callable[[], None]) -> None:
        from fieldvisit.reporting.docx_setup import add_styles, page_setup

        self.word, self.layout, self.document = word, layout, document
        self.language = "zh" if document.language == "zh" else "en"
        self.labels = _LABELS[self.language]
        self.options, self.checkpoint = options, checkpoint
        self.body = word.element.body
        self.ids = add_styles(word, layout, self.language)
        self.width_twips = page_setup(word, layout, options.paper)
        self.tables = self.figures = self.shapes = 0
        self.images: dict[str, object] = {}
        self.cover = (layout.name == "modern" and document.kind == "report"
                      and "cover" in options.sections)

    # -- the document, in order ---------------------------------------------------------
    def write(self) -> None:
        from fieldvisit.reporting.docx_setup import headers_and_footers, properties

        document = self.document
        properties(self.word, document)
        headers_and_footers(self.word, self.layout, self.ids, self.labels["page"],
                            document, first_page_blank=self.cover)
        official = self.layout.name == "official"
        if self.cover:
            self._cover()
        else:
            if document.marking and (official or document.kind == "brief"):
                self._p("marking", document.marking)
            if document.masthead is not None:
                self._masthead()
            title_style = "brief_title" if document.kind == "brief" else "title"
            if document.title:
                self._p(title_style, self._balanced(document.title, title_style))
            if document.subtitle:
                self._p("subtitle", document.subtitle)
        for block in document.body:
            self._block(block)
        if document.attachments or document.signature is not None:
            self._keep_last_with_tail()
        self._attachment_list()
        self._signature()
        self._distribution()
        for attachment in document.attachments:
            self.checkpoint()
            self._attachment(attachment)

    def _cover(self) -> None:
        document = self.document
        if document.marking:
            self._p("marking", document.marking)
        self._p("title", self._balanced(document.title, "title"))
        if document.subtitle:
            self._p("subtitle", document.subtitle)
        for label, value in document.cover_facts:
            self._p("cover_facts", f"{label}{self.labels['colon']}{value}")
        self._page_break()
        if "contents" in self.options.sections:
            self._contents()

    def _contents(self) -> None:
        """A TOC field (Word fills in the page numbers on opening, or with F9), showing the
        level-1 and level-2 headings until it is updated."""
        from fieldvisit.reporting.docx_xml import add_run, element, field_end, field_start

        self._p("contents_title", self.labels["contents"])
        headings = [b for b in self.document.body if isinstance(b, Heading) and b.level <= 2]
        indent = "　" if self.language == "zh" else "    "
        entries = [indent * (h.level - 1) + self._heading_text(h) for h in headings] or [""]
        for index, entry in enumerate(entries):
            p = self._p("contents", "")
            if index == 0:
                field_start(p, 'TOC \\o "1-2" \\h \\z \\u')
            add_run(p, entry)
            if index == len(entries) - 1:
                field_end(p)
        self.word.settings.element.insert_element_before(  # Word asks to update it on opening
            element("w:updateFields", val="true"), *SETTINGS_AFTER_UPDATE_FIELDS)
        self._page_break()

    def _masthead(self) -> None:
        from fieldvisit.reporting.docx_xml import add_run, border, element, put

        masthead = self.document.masthead
        self._p("masthead", masthead.name)
        if masthead.issue:
            self._p("issue", masthead.issue)
        p = self._p("compiled_by", masthead.compiled_by)
        tabs = put(p.pPr, element("w:tabs"))
        tabs.append(element("w:tab", val="right", pos=self.width_twips))
        add_run(p, "\t" + masthead.date)
        border(p.pPr, "bottom", "E60012", eighths=18, space=4)

    # -- blocks ----------------------------------------------------------------------------
    def _block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self._p(f"heading_{min(max(block.level, 1), 4)}", self._heading_text(block))
        elif isinstance(block, Paragraph):
            self._paragraph(block)
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, Picture):
            self._picture(block)
        elif isinstance(block, RouteMapFigure):
            self._route_map(block)

    def _balanced(self, title: str, style: str) -> str:
        """A Chinese title longer than a line broken into lines of about equal length (as
        公文 titles are set), after a 的/和/与/、 or a word's usual last character near the
        middle where there is one."""
        size = self.layout.styles[style].size
        per_line = int(self.width_twips / 20 / size)
        if self.language != "zh" or "\n" in title or _ems(title) <= per_line:
            return title
        parts, rest = [], title
        while _ems(rest) > per_line:
            lines = -(-round(_ems(rest)) // per_line)
            cut = round(len(rest) / lines)
            at = cut
            for ends in ("的和与及、", "者况务作设位点度题层"):
                near = [i for i in range(max(1, cut - 6), min(len(rest) - 1, cut + 7))
                        if rest[i - 1] in ends and _ems(rest[:i]) <= per_line
                        and _ems(rest[i:]) <= per_line * (lines - 1)]
                if near:
                    at = min(near, key=lambda i: abs(i - cut))
                    break
            parts.append(rest[:at])
            rest = rest[at:]
        return "\n".join([*parts, rest])

    def _heading_text(self, heading: Heading) -> str:
        gap = " " if self.language == "en" and heading.number else ""
        return f"{heading.number}{gap}{heading.text}"

    def _paragraph(self, block: Paragraph) -> None:
        from fieldvisit.reporting.docx_xml import add_run

        style = {"lead": "lead", "note": "note", "small": "small"}.get(block.role, "body")
        p = self._p(style, "")
        if block.lead_in is not None:
            level = min(max(block.lead_in.level, 2), 4)
            gap = " " if self.language == "en" else ""  # "1. Rest. The text…"
            add_run(p, self._heading_text(block.lead_in) + gap, self.ids[f"run_in_{level}"])
        add_run(p, block.text)

    def _table(self, block: Table) -> None:
        from fieldvisit.reporting.docx_xml import table

        self.tables += 1
        if block.caption:
            self._p("table_caption", self.labels["table"].format(n=self.tables,
                                                                 title=block.caption))
        columns = len(block.header)
        widths = list(block.widths[:columns]) + [0.0] * (columns - len(block.widths))
        total = sum(widths) or 1.0
        twips = [max(300, round(self.width_twips * w / total)) if w else
                 round(self.width_twips / columns) for w in widths]
        rows: list[list[str | None]] = []
        previous: str | None = None
        for row in block.rows:
            cells: list[str | None] = [*row[:columns], *[""] * (columns - len(row))]
            if block.grouped is not None and block.grouped < columns:
                value = cells[block.grouped]
                if rows and value == previous and value:
                    cells[block.grouped] = None  # continues the cell above
                previous = value
            rows.append(cells)
        self._append(table(twips, block.header, rows, block.numeric,
                           (self.ids["table_grid"], self.ids["table_header"],
                            self.ids["table_text"])))
        self._p("small", "")  # Word needs a paragraph between a table and what follows

    def _picture(self, block: Picture) -> None:
        from docx.image.exceptions import UnrecognizedImageError
        from docx.shared import Emu

        width_mm = self.width_twips / MM
        ratio = block.height / block.width if block.width else 0.75
        width = min(width_mm, PHOTO_HEIGHT_MM / ratio if ratio else width_mm)
        self.figures += 1
        try:
            self._image(str(block.path), Emu(round(width * 36000)))
        except (OSError, UnrecognizedImageError):
            pass  # a copy gone or damaged since it was prepared: the caption still says what
        self._p("figure_caption", self.labels["figure"].format(n=self.figures,
                                                               title=block.caption))
        if block.details:
            self._p("figure_details", block.details)

    def _route_map(self, block: RouteMapFigure) -> None:
        from docx.shared import Pt

        from fieldvisit.reporting.route_map_image import route_map_png

        width_pt = self.width_twips / 20
        minutes = "{n}分钟" if self.language == "zh" else "{n} min"
        png, _height = route_map_png(block.route_map, width_pt, minutes)
        self.figures += 1
        self._image(BytesIO(png), Pt(width_pt))
        self._p("figure_caption", self.labels["figure"].format(n=self.figures,
                                                               title=block.caption))

    def _image(self, source, width) -> None:  # noqa: ANN001
        """An inline picture in a paragraph of its own. Image parts are shared by content
        here: python-docx's own lookup hashes every image already added, for each new one."""
        from docx.image.image import Image as WordImage
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.oxml.shape import CT_Inline
        from docx.parts.image import ImagePart

        image = WordImage.from_file(source)
        part = self.images.get(image.sha1)
        if part is None:
            name = PackURI(f"/word/media/image{len(self.images) + 1}.{image.ext}")
            part = self.images[image.sha1] = ImagePart.from_image(image, name)
        relation = self.word.part.relate_to(part, RELATIONSHIP_TYPE.IMAGE)
        width, height = image.scaled_dimensions(width, None)
        self.shapes += 1
        p = self._p("picture", "")
        p.add_r().add_drawing(CT_Inline.new_pic_inline(self.shapes, relation, image.filename,
                                                       width, height))

    # -- after the body ----------------------------------------------------------------------
    def _keep_last_with_tail(self) -> None:
        """The body's last paragraph stays on the page of the attachment list and the
        signature (both keep with what follows): never a page with only the signature."""
        from fieldvisit.reporting.docx_xml import element, put

        last = self.body.sectPr.getprevious() if self.body.sectPr is not None else None
        if last is not None and last.tag.endswith("}p"):
            put(last.get_or_add_pPr(), element("w:keepNext"))

    def _attachment_list(self) -> None:
        attachments = self.document.attachments
        if not attachments:
            return
        labels = self.labels
        if len(attachments) == 1 and self.language == "zh":
            self._p("attachment_list", f"{labels['attachments']}{attachments[0].title}")
            return
        for index, attachment in enumerate(attachments):
            lead = labels["attachments"] if index == 0 else labels["indent"]
            item = f"{attachment.number}. {attachment.title}"
            if self.language == "en":
                if index == 0:
                    self._p("attachment_list", lead)
                self._p("attachment_list", item)
            else:
                self._p("attachment_list", f"{lead}{item}")

    def _signature(self) -> None:
        from docx.shared import Pt

        signature = self.document.signature
        if signature is None:
            return
        date_spec = self.layout.styles["date"]
        base = 4 if self.layout.name == "official" else 0  # 成文日期右空四字
        date_width = _ems(signature.date)
        for organization in signature.organizations:
            p = self._p("signature", organization)
            ems = base + max(0.0, (date_width - _ems(organization)) / 2) if signature.date \
                else base
            self._indent(p, Pt(ems * date_spec.size))
        if signature.date:
            p = self._p("date", signature.date)
            self._indent(p, Pt(base * date_spec.size))

    def _distribution(self) -> None:
        from fieldvisit.reporting.docx_xml import border

        lines = self.document.distribution
        for index, (label, text) in enumerate(lines):
            p = self._p("distribution", f"{label}{self.labels['colon']}{text}")
            if index == 0:
                border(p.pPr, "top", eighths=8, space=4)
            if index == len(lines) - 1:
                border(p.pPr, "bottom", eighths=8, space=4)

    def _attachment(self, attachment: Attachment) -> None:
        only = len(self.document.attachments) == 1 and self.language == "zh"
        label = "附件" if only else self.labels["attachment"].format(n=attachment.number)
        self._p("attachment_label", label)
        self._p("attachment_title", self._balanced(attachment.title, "attachment_title"))
        for block in attachment.blocks:
            self._block(block)

    # -- paragraphs --------------------------------------------------------------------------
    def _p(self, key: str, text: str):  # noqa: ANN202 - a CT_P
        from fieldvisit.reporting.docx_xml import add_run, new_paragraph

        p = new_paragraph(self.ids[key])
        if text:
            add_run(p, text)
        self._append(p)
        return p

    def _append(self, node) -> None:  # noqa: ANN001
        section = self.body.sectPr
        if section is not None:
            section.addprevious(node)
        else:
            self.body.append(node)

    def _page_break(self) -> None:
        from fieldvisit.reporting.docx_xml import element

        p = self._p("small", "")
        r = p.add_r()
        r.append(element("w:br", type="page"))

    @staticmethod
    def _indent(p, length) -> None:  # noqa: ANN001
        from fieldvisit.reporting.docx_xml import element, put

        put(p.pPr, element("w:ind", right=round(length.pt * 20)))


def _ems(text: str) -> float:
    """How many full-width characters ``text`` is wide (Latin letters and digits: half)."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def style_names(options: ReportOptions, language: str) -> dict[str, str]:
    """Style key → the name a user sees in Word for this layout and language."""
    layout = layout_for(replace(options, font="", title_font="", heading_font=""))
    return {key: (spec.zh if language == "zh" else spec.en)
            for key, spec in layout.styles.items()}

