"""The pages around the story: templates, running header and page numbers, drawn by a canvas
that keeps every page until the document is complete (so it knows the page count).

- modern: a cover page (no header or footer), then body pages with a running header (the
  title, and the marking in the accent colour) and "第 X 页 共 Y 页" centred under the text;
- official (公文) and the brief: no header; "— X —" in 4号 7 mm under the text area, one
  character in from the outside corner: right on odd pages, left on even ones (a one-page
  brief has none).
"""

from __future__ import annotations

from io import BytesIO
from typing import Any, Callable

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from fieldvisit.reporting.contents import Contents
from fieldvisit.reporting.flowables import Heading
from fieldvisit.reporting.labels import Labels
from fieldvisit.reporting.official_grid import PAGE_NUMBER_GAP, PAGE_NUMBER_SIZE
from fieldvisit.reporting.official_styles import OfficialGeometry
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
)
from fieldvisit.reporting.text import clean, font_runs, truncate

Progress = Callable[[str, int, int], None]
SLACK = 0.01


class ReportTemplate(BaseDocTemplate):
    """A cover template and a body template (the same frame); records where headings land
    (contents, PDF outline), reports progress and may be cancelled between pages."""

    def __init__(self, buffer: BytesIO, geometry: PageGeometry, contents: Contents,
                 checkpoint: Callable[[], None], progress: Progress, cover: bool,
                 **info: Any) -> None:
        super().__init__(buffer, pagesize=geometry.size, leftMargin=geometry.left,
                         rightMargin=geometry.right, topMargin=geometry.top,
                         bottomMargin=geometry.bottom, **info)
        shift = geometry.shift if isinstance(geometry, OfficialGeometry) else 0.0

        def frame(name: str) -> Frame:
            # (a hair taller than the text area: 22 lines of 225/22 mm must fit whatever the
            # rounding; the hair goes below, so the grid stays where it is)
            return Frame(geometry.left, geometry.bottom - shift - SLACK, geometry.width,
                         geometry.height + shift + SLACK, leftPadding=0, rightPadding=0,
                         topPadding=shift, bottomPadding=0, id=name)

        templates = [PageTemplate(id="body", frames=[frame("text")])]
        if cover:
            templates.insert(0, PageTemplate(id="cover", frames=[frame("cover")],
                                             onPage=_cover_page))
        self.addPageTemplates(templates)
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


class _PageCanvas(Canvas):
    """Keeps every page until the end, then decorates each knowing the page count."""

    fonts: ReportFonts
    contents: Contents | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = self.fonts.regular
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        if self.contents is not None:
            self.contents.draw_forms(self)
        total = len(self._saved_pages)
        for number, state in enumerate(self._saved_pages, start=1):
            self.__dict__.update(state)
            self.decorate(number, total)
            super().showPage()
        super().save()

    def decorate(self, number: int, total: int) -> None:
        raise NotImplementedError


def modern_canvas(fonts: ReportFonts, labels: Labels, title: str, marking: str,
                  geometry: PageGeometry, cover: bool, contents: Contents) -> type[Canvas]:
    printable = fonts.chain.printable
    title, marking = clean(title, printable), clean(marking.strip(), printable)

    class ModernCanvas(_PageCanvas):
        def decorate(self, number: int, total: int) -> None:
            if number == 1 and cover:
                return
            width = geometry.size[0]
            top = geometry.size[1] - geometry.top + HEADER_GAP
            self.saveState()
            self.setFillColor(MUTED)
            right = truncate(marking, lambda s: text_width(s, fonts, HEADER_SIZE),
                             geometry.width * 0.4)
            available = geometry.width - (text_width(right, fonts, HEADER_SIZE) + 12
                                          if right else 0)
            draw_text(self, geometry.left, top, truncate(
                title, lambda s: text_width(s, fonts, HEADER_SIZE), available), fonts,
                HEADER_SIZE)
            if right:
                self.setFillColor(ACCENT)
                draw_text(self, width - geometry.right - text_width(right, fonts, HEADER_SIZE),
                          top, right, fonts, HEADER_SIZE)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            self.line(geometry.left, top - 5, width - geometry.right, top - 5)
            self.setFillColor(MUTED)
            draw_text(self, width / 2, geometry.bottom - FOOTER_GAP,
                      labels.format("page", page=number, pages=total), fonts, FOOTER_SIZE,
                      centred=True)
            self.restoreState()

    ModernCanvas.fonts, ModernCanvas.contents = fonts, contents
    return ModernCanvas


def page_number(number: int) -> str:
    """"— 1 —": the number between two em dashes, each a space apart."""
    return f"— {number} —"


def official_canvas(fonts: ReportFonts, geometry: PageGeometry, numbered_alone: bool = True,
                    ) -> type[Canvas]:
    """Page numbers at the outside corners; ``numbered_alone``: number a single page too."""

    class OfficialCanvas(_PageCanvas):
        def decorate(self, number: int, total: int) -> None:
            if total == 1 and not numbered_alone:
                return
            text = page_number(number)
            size = PAGE_NUMBER_SIZE
            width = text_width(text, fonts, size)
            # the number's top (its em box) 7 mm under the text area
            baseline = geometry.bottom - PAGE_NUMBER_GAP - size * 0.88
            if number % 2:
                x = geometry.left + geometry.width - size - width
            else:
                x = geometry.left + size
            self.saveState()
            draw_text(self, x, baseline, text, fonts, size)
            self.restoreState()

    OfficialCanvas.fonts = fonts
    return OfficialCanvas


def _runs(text: str, fonts: ReportFonts) -> list[tuple[str, str]]:
    """(font, text) runs: what the font lacks in the fallback that has it."""
    return [(font or fonts.regular, run) for font, run in font_runs(text, fonts.chain.font_for)]


def text_width(text: str, fonts: ReportFonts, size: float) -> float:
    return sum(stringWidth(run, font, size) for font, run in _runs(text, fonts))


def draw_text(canvas: Canvas, x: float, y: float, text: str, fonts: ReportFonts,
              size: float, centred: bool = False) -> None:
    if centred:
        x -= text_width(text, fonts, size) / 2
    for font, run in _runs(text, fonts):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, font, size)
