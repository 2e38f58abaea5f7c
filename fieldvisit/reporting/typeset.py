"""The blocks of a ``Document`` (reporting/document.py) as ReportLab flowables, in either
layout's stylesheet. Every piece of text passes through ``Typesetter.text`` (cleaned, escaped,
what the slot's font lacks put in the fallback that has it) before it reaches ReportLab.

Typesetting rules kept here: a heading never ends a page (it moves to the next page with room
for it and the first lines of what follows); a table column is never narrower than its
longest Latin word (columns are widened at the expense of others, else the table's type
shrinks), so "Accompanying" is not broken into "Accompanyin|g"; a photo's credit is a line of
its own under the caption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Image, KeepTogether, Spacer, Table

from fieldvisit.reporting import document as doc
from fieldvisit.reporting.flowables import Heading, ReportParagraph
from fieldvisit.reporting.font_slots import FontSlots
from fieldvisit.reporting.labels import Labels
from fieldvisit.reporting.styles import (
    PageGeometry,
    ReportFonts,
    bold_font,
    table_style,
)
from fieldvisit.reporting.text import markup, paragraphs

OUTLINE_CHARS = 120
TOC_CHARS = 160
FOLLOWING_LINES = 3
"""A heading moves to the next page unless this many lines of what follows fit under it."""
CELL_PADDING = 10.0  # left + right padding of a table cell (styles.table_style)
MIN_CELL_SIZE = 7.0
HEADER_WORD = 4  # a column heading this short is kept on one line
_WORD = re.compile(r"[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef/\\-]+[/\\-]?")

WORDS = {
    "zh": {"attachments": "附件：", "attachment": "附件{n}",
           "attachment_heading": "附件{n}　{title}", "item": "{n}. {title}"},
    "en": {"attachments": "Attachments: ", "attachment": "Attachment {n}",
           "attachment_heading": "Attachment {n}: {title}", "item": "{n}. {title}"},
}
"""The typesetter's own fixed words (the rest are in labels.py)."""


def shortened(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


@dataclass
class Typesetter:
    document: doc.Document
    slots: FontSlots
    sheet: Any
    page: PageGeometry
    official: bool
    labels: Labels = field(init=False)
    _tables: int = 0
    _figures: int = 0
    _headings: int = 0

    def __post_init__(self) -> None:
        self.labels = Labels(self.document.language)
        self.words = WORDS.get(self.labels.language, WORDS["en"])

    @property
    def width(self) -> float:
        return self.page.width

    # -- text --------------------------------------------------------------------------------
    def text(self, value: str, fonts: ReportFonts | None = None) -> str:
        chain = (fonts or self.slots.body).chain
        return markup(value, chain.printable, chain.font_for)

    def para(self, value: str, style: str = "body", fonts: ReportFonts | None = None,
             ) -> ReportParagraph:
        return ReportParagraph(self.text(value, fonts), self.sheet[style])

    def lines(self, value: str, style: str = "body", fonts: ReportFonts | None = None,
              ) -> list[Flowable]:
        return [self.para(line, style, fonts) for line in paragraphs(value)]

    # -- blocks ------------------------------------------------------------------------------
    def blocks(self, blocks: tuple[doc.Block, ...]) -> list[Flowable]:
        flow: list[Flowable] = []
        for block in blocks:
            flow += self.block(block)
        return flow

    def block(self, block: doc.Block) -> list[Flowable]:
        if isinstance(block, doc.Heading):
            return self.heading(block)
        if isinstance(block, doc.Paragraph):
            return self.paragraph(block)
        if isinstance(block, doc.Table):
            return self.table(block)
        if isinstance(block, doc.Picture):
            return self.picture(block)
        if isinstance(block, doc.RouteMapFigure):
            return self.route_map(block)
        raise TypeError(f"not a block of a document: {block!r}")

    def heading_text(self, heading: doc.Heading) -> str:
        number = heading.number.strip()
        if not number:
            return heading.text
        joined = number[-1] in "、）)．" or number.endswith("。")
        return number + ("" if joined else " ") + heading.text

    def heading_fonts(self, level: int) -> ReportFonts:
        if not self.official:
            return self.slots.heading
        return (self.slots.heading, self.slots.kai, self.slots.body,
                self.slots.body)[min(max(level, 1), 4) - 1]

    def heading(self, heading: doc.Heading, toc: bool = True) -> list[Flowable]:
        level = min(max(heading.level, 1), 4)
        title = self.heading_text(heading)
        style = self.sheet[f"h{level}" if self.official else ("h1", "h2", "h3", "h3")[level - 1]]
        self._headings += 1
        toc_level = level - 1 if toc and level <= 2 else None
        flowable = Heading(self.text(title, self.heading_fonts(level)), style, toc_level,
                           shortened(title, OUTLINE_CHARS), f"h{self._headings}")
        flowable.toc_text = self.text(shortened(title, TOC_CHARS), self.heading_fonts(level))
        return [self.keep_room(flowable), flowable]

    def keep_room(self, heading: Flowable) -> CondPageBreak:
        """Room for the heading and the first lines under it, else a new page."""
        _, height = heading.wrap(self.width, self.page.height)
        body = self.sheet["body"]
        return CondPageBreak(heading.getSpaceBefore() + height + heading.getSpaceAfter()
                             + FOLLOWING_LINES * body.leading)

    def paragraph(self, paragraph: doc.Paragraph) -> list[Flowable]:
        style = {"body": "body", "lead": "lead" if "lead" in self.sheet else "body",
                 "note": "note" if "note" in self.sheet else "small",
                 "small": "small"}.get(paragraph.role, "body")
        lines = paragraphs(paragraph.text)
        if paragraph.lead_in is None:
            return [self.para(line, style) for line in lines]
        head = paragraph.lead_in
        fonts = self.heading_fonts(head.level)
        if self.official:
            name = bold_font(fonts) if head.level == 3 else fonts.regular
        else:
            name = bold_font(fonts)
        gap = "" if self.document.language == "zh" else " "  # "1. Rest. The text…"
        run = f'<font name="{name}">{self.text(self.heading_text(head) + gap, fonts)}</font>'
        first = ReportParagraph(run + self.text(lines[0] if lines else ""), self.sheet[style])
        return [first, *(self.para(line, style) for line in lines[1:])]

    # -- tables and figures ------------------------------------------------------------------
    def table(self, table: doc.Table) -> list[Flowable]:
        cell, head = self.sheet["cell"], self.sheet["cell_head"]
        size = cell.fontSize
        widths = [self.width * f for f in table.widths]
        widths, scale = self.fit_words(table, widths, size)
        styles = {name: self.sheet[name] for name in ("cell", "cell_head", "cell_num")}
        if scale < 1:
            from reportlab.lib.styles import ParagraphStyle

            styles = {name: ParagraphStyle(f"{name}-{scale:.2f}", parent=style,
                                           fontSize=style.fontSize * scale,
                                           leading=style.leading * scale)
                      for name, style in styles.items()}
        del cell, head
        heading_fonts = self.slots.heading if self.official else self.slots.body
        data: list[list[Any]] = []
        if table.header:
            data.append([ReportParagraph(self.text(shortened(h, 60), heading_fonts),
                                         styles["cell_head"]) for h in table.header])
        for row in table.rows:
            data.append([ReportParagraph(self.text(value), styles[
                "cell_num" if i in table.numeric else "cell"]) for i, value in enumerate(row)])
        rows = [list(r) for r in data]
        extra: list[tuple] = []
        if table.grouped is not None and table.rows:
            column, first = table.grouped, 0
            offset = 1 if table.header else 0
            for index in range(1, len(table.rows) + 1):
                if index == len(table.rows) or \
                        table.rows[index][column] != table.rows[first][column]:
                    if index - first > 1:
                        extra.append(("SPAN", (column, first + offset),
                                      (column, index - 1 + offset)))
                        for later in range(first + 1, index):
                            rows[later + offset][column] = ""
                    first = index
        flowable = Table(rows, colWidths=widths, repeatRows=1 if table.header else 0,
                         splitByRow=1, splitInRow=1, hAlign="LEFT")
        style = table_style(self.slots.body, 1 if table.header else 0)
        for command in extra:
            style.add(*command)
        flowable.setStyle(style)
        flow: list[Flowable] = []
        if table.caption:
            self._tables += 1
            flow.append(self.para(self.labels.format("table_caption", n=self._tables,
                                                     title=table.caption), "table_caption"))
        return [*flow, flowable, Spacer(1, 8)]

    def fit_words(self, table: doc.Table, widths: list[float], size: float,
                  ) -> tuple[list[float], float]:
        """Column widths in which every cell's longest word fits, and a factor for the type
        when they cannot all fit at ``size`` (not below ``MIN_CELL_SIZE``; a word too long
        even then is broken, as in running text)."""
        total = sum(widths)
        needed = self._needed(table, len(widths), size)
        scale = 1.0
        if sum(needed) > total:
            words = sum(needed) - CELL_PADDING * len(widths)
            scale = max(MIN_CELL_SIZE / size,
                        min(1.0, (total - CELL_PADDING * len(widths)) / max(words, 1.0)))
            needed = self._needed(table, len(widths), size * scale)
        if sum(needed) > total:
            return widths, scale
        short = {i: needed[i] - w for i, w in enumerate(widths) if needed[i] > w}
        if not short:
            return widths, scale
        slack = {i: w - needed[i] for i, w in enumerate(widths) if i not in short}
        wanted, available = sum(short.values()), sum(slack.values())
        result = list(widths)
        for i, more in short.items():
            result[i] += more
        for i, spare in slack.items():
            result[i] -= wanted * spare / available if available else 0
        return result, scale

    def _needed(self, table: doc.Table, columns: int, size: float) -> list[float]:
        """The width each column needs for its longest word (and a short heading) at
        ``size``."""
        font = self.slots.body.regular
        needed = [0.0] * columns
        for i, value in enumerate(table.header[:columns]):
            if len(value) <= HEADER_WORD:  # "序号" is not broken into 序|号
                needed[i] = stringWidth(value, font, size) + CELL_PADDING + 1
        for row in (table.header, *table.rows):
            for i, value in enumerate(row[:columns]):
                for word in _WORD.findall(value):
                    if len(word) > 2:
                        needed[i] = max(needed[i],
                                        stringWidth(word, font, size) + CELL_PADDING + 1)
        return needed

    def caption(self, title: str, style: str = "caption") -> ReportParagraph:
        self._figures += 1
        return self.para(self.labels.format("figure_caption", n=self._figures, title=title),
                         style)

    def picture(self, picture: doc.Picture) -> list[Flowable]:
        box_height = (self.page.height - 3.2 * cm) / 2 - 2.2 * cm
        scale = min(self.width / picture.width, box_height / picture.height)
        image = Image(str(picture.path), width=picture.width * scale,
                      height=picture.height * scale)
        lines: list[Flowable] = [self.caption(picture.caption.strip(), "photo_caption")]
        if picture.details.strip():
            lines.append(self.para(picture.details, "photo_details"))
        return [CondPageBreak(box_height + 2.4 * cm),
                KeepTogether([Spacer(1, 6), image, *lines, Spacer(1, 6)])]

    def route_map(self, figure: doc.RouteMapFigure) -> list[Flowable]:
        from fieldvisit.reporting.route_map_figure import route_map_drawing

        return [KeepTogether([Spacer(1, 8), route_map_drawing(figure.route_map, self.width,
                                                               self.slots.body,
                                                               self.labels.language,
                                                               self.page.height * 0.6),
                              self.caption(figure.caption)])]
