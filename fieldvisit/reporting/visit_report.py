"""The research report and the brief as PDF: ``render_report(data, options)``,
``render_brief(data, options)``, and ``render_document(document, options)`` for a
layout-neutral ``Document`` (reporting/document.py) built by the outlines
(reporting/outline.py, brief_outline.py); what the fonts lack: ``glyph_coverage``.

Takes plain data and never queries. What is printed is the outline's; how is this package's:
the modern layout (cover, contents, running header, "第 X 页 共 Y 页") or the 公文 layout
(GB/T 9704-2012, official_styles.py), a brief on the 公文 page with its masthead. The layout
takes one pass: the table of contents gets its page numbers at the end (contents.py), as do
the page numbers (pages.py). Headings also become the PDF's outline.
"""

from __future__ import annotations

import itertools
import threading
from io import BytesIO
from pathlib import Path
from typing import Callable

from fieldvisit import __version__
from fieldvisit.reporting.contents import Contents, fill_contents
from fieldvisit.reporting.document import Document
from fieldvisit.reporting.font_slots import font_slots
from fieldvisit.reporting.glyphs import GlyphCoverage, coverage, texts_of
from fieldvisit.reporting.labels import Labels
from fieldvisit.reporting.official_grid import BODY_SIZE, BRIEF_SIZES
from fieldvisit.reporting.official_styles import official_geometry, official_stylesheet
from fieldvisit.reporting.pages import ReportTemplate, modern_canvas, official_canvas
from fieldvisit.reporting.stories import brief_story, modern_story, official_story
from fieldvisit.reporting.styles import PageGeometry, page_geometry, stylesheet
from fieldvisit.reporting.typeset import WORDS, Typesetter
from fieldvisit.services.report_model import ReportData, ReportOptions

_LAYOUT = threading.Lock()
"""ReportLab keeps process-wide state (fonts and their subsets): one document at a time."""

Progress = Callable[[str, int, int], None]
"""``progress(step, done, total)``: "photos" while photos are downscaled, "pages" while
pages are laid out (``total`` 0 when unknown)."""


def render_report(data: ReportData, options: ReportOptions, *, cache_dir: Path | None = None,
                  checkpoint: Callable[[], None] = lambda: None,
                  progress: Progress = lambda step, done, total: None,
                  warn: Callable[[str], None] = lambda text: None) -> bytes:
    """The PDF of the report. ``checkpoint`` is called between steps (photos, pages) and may
    raise to cancel; ``cache_dir`` keeps downscaled photos between reports; ``warn`` gets what
    the document's builder left out (in the report's language)."""
    from fieldvisit.reporting.outline import report_with_photos

    with report_with_photos(data, options, cache_dir=cache_dir, checkpoint=checkpoint,
                            progress=progress, warn=warn) as document:
        return render_document(document, options, checkpoint=checkpoint, progress=progress)


def render_brief(data: ReportData, options: ReportOptions, *,
                 checkpoint: Callable[[], None] = lambda: None,
                 progress: Progress = lambda step, done, total: None,
                 warn: Callable[[str], None] = lambda text: None) -> bytes:
    """The PDF of the 简报 (工作简报 with its masthead when it has one)."""
    from fieldvisit.reporting.brief_outline import brief_document

    document = brief_document(data, options)
    for text in document.warnings:
        warn(text)
    return render_document(document, options, checkpoint=checkpoint, progress=progress)


def glyph_coverage(data: ReportData, options: ReportOptions) -> GlyphCoverage:
    """What the body font lacks of the characters this report prints, and which fallback
    draws them; with notes on the title and heading fonts and on defaults that are not
    installed (raises FieldVisitError when a picked font cannot be used)."""
    from fieldvisit.reporting.brief_outline import brief_document
    from fieldvisit.reporting.outline import report_document

    slots = font_slots(options)
    report = report_document(data, options, {})
    brief = brief_document(data, options)
    labels = Labels(report.language).words()
    words = [w for table in WORDS.values() for w in table.values()]
    main = coverage(slots.body.chain, itertools.chain(
        texts_of(report), texts_of(brief), labels, words))
    notes = list(slots.warnings)
    headings = [text for document in (report, brief) for text in _heading_texts(document)]
    for fonts in (slots.title, slots.heading, slots.kai):
        if fonts.regular == slots.body.regular:
            continue
        for message in coverage(fonts.chain, headings).messages():
            if message not in notes:
                notes.append(message)
    return GlyphCoverage(main.font, main.lacking, main.fallbacks, main.unprintable,
                         tuple(notes))


def _heading_texts(document: Document) -> list[str]:
    """What the title and heading fonts draw: titles, markings, headings, mastheads."""
    from fieldvisit.reporting import document as doc

    texts = [document.title, document.marking]
    if document.masthead is not None:
        texts.append(document.masthead.name)
    blocks = [*document.body, *(b for a in document.attachments for b in a.blocks)]
    texts += [a.title for a in document.attachments]
    for block in blocks:
        if isinstance(block, doc.Heading):
            texts.append(block.number + block.text)
        elif isinstance(block, doc.Paragraph) and block.lead_in is not None:
            texts.append(block.lead_in.number + block.lead_in.text)
    return texts


def render_document(document: Document, options: ReportOptions, *,
                    checkpoint: Callable[[], None] = lambda: None,
                    progress: Progress = lambda step, done, total: None) -> bytes:
    """The PDF of a layout-neutral document (a report or a brief) in ``options.layout``:
    modern (cover, contents, running header, "第 X 页 共 Y 页") or official (公文); a brief
    is set with its masthead on the 公文 page, on one page (``brief_body_size``). Pictures
    must already be downscaled."""
    if document.kind == "brief":
        return _brief_pdf(document, options, checkpoint, progress)[0]
    return _typeset(document, options, BODY_SIZE, checkpoint, progress)[0]


def brief_body_size(document: Document, options: ReportOptions) -> float:
    """The body size a brief fits one page in: 3号 on the grid, else 4号, 小四 or 五号
    (``BRIEF_SIZES``; the smallest when nothing fits). The Word brief takes it too."""
    return _brief_pdf(document, options, lambda: None, lambda step, done, total: None)[1]


def _brief_pdf(document: Document, options: ReportOptions, checkpoint: Callable[[], None],
               progress: Progress) -> tuple[bytes, float]:
    for size in BRIEF_SIZES:
        pdf, pages = _typeset(document, options, size, checkpoint, progress)
        if pages == 1:
            break
    return pdf, size


def _typeset(document: Document, options: ReportOptions, size: float,
             checkpoint: Callable[[], None], progress: Progress) -> tuple[bytes, int]:
    """The PDF and its number of pages; ``size``: the official body's."""
    slots = font_slots(options)
    official = options.layout == "official" or document.kind == "brief"
    with _LAYOUT:
        if official:
            geometry: PageGeometry = official_geometry(options.paper, size)
            sheet = official_stylesheet(slots, document.language, size)
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
            canvas = modern_canvas(slots.body, Labels(document.language), document.title,
                                   document.marking, geometry, cover, contents)
        template.build(flow, canvasmaker=canvas)
        return buffer.getvalue(), template.page
