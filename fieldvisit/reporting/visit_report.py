"""The research report as PDF: ``render_report(data, options) -> bytes``; what its font lacks:
``glyph_coverage(data, options)``.

Takes plain ``ReportData`` and never queries. A cover page template and a body template;
the body pages carry a running header (the report's title, and the marking such as 内部资料)
and a footer "第 X 页 共 Y 页" / "Page X of Y", drawn by a canvas that knows the page count once
the document is complete. The layout takes one pass: the table of contents gets its page
numbers at the end too (see contents.py). Headings also become the PDF's outline.
"""

from __future__ import annotations

import itertools
import tempfile
import threading
from dataclasses import replace
from io import BytesIO
from pathlib import Path
from typing import Any, Callable

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from fieldvisit import __version__
from fieldvisit.reporting.blocks import Blocks
from fieldvisit.reporting.contents import Contents, fill_contents
from fieldvisit.reporting.flowables import Heading
from fieldvisit.reporting.glyphs import GlyphCoverage, coverage, texts_of
from fieldvisit.reporting.images import prepare_images
from fieldvisit.reporting.labels import Labels
from fieldvisit.reporting.sections import story
from fieldvisit.reporting.styles import (
    ACCENT,
    FOOTER_GAP,
    FOOTER_SIZE,
    HEADER_GAP,
    HEADER_SIZE,
    MUTED,
    RULE,
    PageGeometry,
    ReportFonts,
    page_geometry,
    register_fonts,
    stylesheet,
)
from fieldvisit.reporting.document import Document
from fieldvisit.reporting.font_slots import font_slots
from fieldvisit.reporting.official_styles import official_geometry, official_stylesheet
from fieldvisit.reporting.pages import ReportTemplate, modern_canvas, official_canvas
from fieldvisit.reporting.stories import brief_story, modern_story, official_story
from fieldvisit.reporting.text import clean, font_runs, truncate
from fieldvisit.reporting.typeset import Typesetter
from fieldvisit.services.report_model import ReportData, ReportOptions

_LAYOUT = threading.Lock()
"""ReportLab keeps process-wide state (fonts and their subsets): one report at a time."""

Progress = Callable[[str, int, int], None]
"""``progress(step, done, total)``: "photos" while photos are downscaled, "pages" while
pages are laid out (``total`` 0 when unknown)."""


def render_report(data: ReportData, options: ReportOptions, *, cache_dir: Path | None = None,
                  checkpoint: Callable[[], None] = lambda: None,
                  progress: Progress = lambda step, done, total: None) -> bytes:
    """The PDF of the report. ``checkpoint`` is called between steps (photos, pages) and may
    raise to cancel; ``cache_dir`` keeps downscaled photos between reports."""
    with tempfile.TemporaryDirectory(prefix="fieldvisit-photos-") as temporary:
        images = {}
        if options.photos and data.photos:
            images = prepare_images(
                (p.path for p in data.photos), cache_dir or Path(temporary), checkpoint,
                lambda done, total: progress("photos", done, total))
        with _LAYOUT:
            return _build(data, options, register_fonts(options.font), Labels(data.language),
                          page_geometry(options.paper), images, checkpoint, progress)


def glyph_coverage(data: ReportData, options: ReportOptions) -> GlyphCoverage:
    """What the body font lacks of the characters this report prints, and which fallback
    draws them; with notes on the title and heading fonts and on defaults that are not
    installed (raises FieldVisitError when a picked font cannot be used)."""
    slots = font_slots(options)
    labels = Labels(data.language).words()
    main = coverage(slots.body.chain, itertools.chain(
        texts_of(replace(data, missing_photos=())), [options.marking], labels))
    notes = list(slots.warnings)
    titles = [data.title, options.marking]
    if data.writing is not None and data.writing.title:
        titles.append(data.writing.title)
    for fonts, texts in ((slots.title, titles), (slots.heading, [*titles, *labels])):
        if fonts.regular == slots.body.regular:
            continue
        for message in coverage(fonts.chain, texts).messages():
            if message not in notes:
                notes.append(message)
    return replace(main, notes=tuple(notes))


def _build(data: ReportData, options: ReportOptions, fonts: ReportFonts, labels: Labels,
           geometry: PageGeometry, images: dict, checkpoint: Callable[[], None],
           progress: Progress) -> bytes:
    sheet = stylesheet(fonts, data.language)
    blocks = Blocks(data, options, labels, sheet, fonts, geometry, images)
    contents = Contents()
    flow = fill_contents(story(blocks), contents, [sheet["toc0"], sheet["toc1"]])
    buffer = BytesIO()
    document = _Document(buffer, geometry, contents, checkpoint, progress, title=data.title,
                         subject=data.theme, creator=f"FieldVisit {__version__}",
                         lang="zh-CN" if data.language == "zh" else "en")
    header = options.marking.strip()
    printable = fonts.chain.printable
    canvas_class = _canvas_class(fonts, labels, clean(data.title, printable),
                                 clean(header, printable), geometry,
                                 "cover" in options.sections, contents)
    document.build(flow, canvasmaker=canvas_class)
    return buffer.getvalue()


def render_document(document: Document, options: ReportOptions, *,
                    checkpoint: Callable[[], None] = lambda: None,
                    progress: Progress = lambda step, done, total: None) -> bytes:
    """The PDF of a layout-neutral document (a report or a brief) in ``options.layout``:
    modern (cover, contents, running header, "第 X 页 共 Y 页") or official (公文); a brief
    is set with its masthead on the 公文 page. Pictures must already be downscaled."""
    slots = font_slots(options)
    official = options.layout == "official" or document.kind == "brief"
    labels = Labels(document.language)
    with _LAYOUT:
        if official:
            geometry: PageGeometry = official_geometry(options.paper)
            sheet = official_stylesheet(slots, document.language)
        else:
            geometry = page_geometry(options.paper)
            sheet = stylesheet(slots.body, document.language, slots.heading, slots.title)
        typesetter = Typesetter(document, slots, sheet, geometry, official)
        contents = Contents()
        cover = not official and "cover" in options.sections
        if document.kind == "brief":
            flow = brief_story(typesetter)
        elif official:
            flow = official_story(typesetter)
        else:
            flow = fill_contents(modern_story(typesetter, options.sections), contents,
                                 [sheet["toc0"], sheet["toc1"]])
        buffer = BytesIO()
        template = ReportTemplate(buffer, geometry, contents, checkpoint, progress, cover,
                                  title=document.title, subject=document.subtitle,
                                  creator=f"FieldVisit {__version__}",
                                  lang="zh-CN" if document.language == "zh" else "en")
        if official:
            canvas = official_canvas(slots.body, geometry, document.kind != "brief")
        else:
            canvas = modern_canvas(slots.body, labels, document.title, document.marking,
                                   geometry, cover, contents)
        template.build(flow, canvasmaker=canvas)
        return buffer.getvalue()


class _Document(BaseDocTemplate):
    def __init__(self, buffer: BytesIO, geometry: PageGeometry, contents: Contents,
                 checkpoint: Callable[[], None], progress: Progress, **info: Any) -> None:
        super().__init__(buffer, pagesize=geometry.size, leftMargin=geometry.left,
                         rightMargin=geometry.right, topMargin=geometry.top,
                         bottomMargin=geometry.bottom, **info)
        frame = Frame(geometry.left, geometry.bottom, geometry.width, geometry.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text")
        cover = Frame(geometry.left, geometry.bottom, geometry.width, geometry.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="cover")
        self.addPageTemplates([PageTemplate(id="cover", frames=[cover], onPage=_cover_page),
                               PageTemplate(id="body", frames=[frame])])
        self._checkpoint, self._progress, self._contents = checkpoint, progress, contents

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - ReportLab's name
        if isinstance(flowable, Heading) and flowable.toc_level is not None:
            self._contents.pages[flowable.key] = self.page
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.outline_text, flowable.key,
                                      level=flowable.toc_level, closed=flowable.toc_level > 0)

    def afterPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._progress("pages", self.page, 0)
        self._checkpoint()


def _cover_page(canvas: Canvas, document: BaseDocTemplate) -> None:
    """A band in the accent colour above the text block and a hairline at its foot."""
    width, height = document.pagesize
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.rect(document.leftMargin, height - document.topMargin + 0.9 * cm,
                width - document.leftMargin - document.rightMargin, 3, stroke=0, fill=1)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    y = document.bottomMargin - 0.4 * cm
    canvas.line(document.leftMargin, y, width - document.rightMargin, y)
    canvas.restoreState()


def _canvas_class(fonts: ReportFonts, labels: Labels, title: str, marking: str,
                  geometry: PageGeometry, cover: bool, contents: Contents) -> type[Canvas]:
    class ReportCanvas(Canvas):
        """Keeps every page until the end, then stamps header and "page X of Y" on each."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = fonts.regular
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            contents.draw_forms(self)
            total = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                if number > 1 or not cover:
                    self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width = geometry.size[0]
            top = geometry.size[1] - geometry.top + HEADER_GAP
            self.saveState()
            self.setFillColor(MUTED)
            right = truncate(marking, lambda s: _width(s, fonts, HEADER_SIZE),
                             geometry.width * 0.4)
            available = geometry.width - (_width(right, fonts, HEADER_SIZE) + 12
                                          if right else 0)
            _draw(self, geometry.left, top, truncate(
                title, lambda s: _width(s, fonts, HEADER_SIZE), available), fonts, HEADER_SIZE)
            if right:
                self.setFillColor(ACCENT)
                _draw(self, width - geometry.right - _width(right, fonts, HEADER_SIZE), top,
                      right, fonts, HEADER_SIZE)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            self.line(geometry.left, top - 5, width - geometry.right, top - 5)
            self.setFillColor(MUTED)
            self.setFont(fonts.regular, FOOTER_SIZE)
            self.drawCentredString(width / 2, geometry.bottom - FOOTER_GAP,
                                   labels.format("page", page=number, pages=total))
            self.restoreState()

    return ReportCanvas


def _runs(text: str, fonts: ReportFonts) -> list[tuple[str, str]]:
    """(font, text) runs: what the report's font lacks in the fallback that has it."""
    return [(font or fonts.regular, run) for font, run in font_runs(text, fonts.chain.font_for)]


def _width(text: str, fonts: ReportFonts, size: float) -> float:
    return sum(stringWidth(run, font, size) for font, run in _runs(text, fonts))


def _draw(canvas: Canvas, x: float, y: float, text: str, fonts: ReportFonts,
          size: float) -> None:
    for font, run in _runs(text, fonts):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, font, size)
