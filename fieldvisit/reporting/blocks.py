"""Building blocks of the report's story: escaped paragraphs, headings that number themselves
and enter the table of contents, tables with repeated headers, captions. Every piece of user
text passes through ``Blocks.text`` (cleaned and escaped) before it reaches ReportLab."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from reportlab.platypus import Flowable, Spacer, Table

from fieldvisit.reporting.flowables import Heading, ReportParagraph
from fieldvisit.reporting.images import PreparedImage
from fieldvisit.reporting.labels import Labels
from fieldvisit.reporting.styles import (
    PageGeometry,
    ReportFonts,
    facts_table_style,
    table_style,
)
from fieldvisit.reporting.text import markup, paragraphs
from fieldvisit.services.report_model import ReportData, ReportOptions

OUTLINE_CHARS = 120
TOC_CHARS = 160
HEADER_CELL_CHARS = 60  # a repeated table header must fit on a page


def shortened(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


@dataclass
class Blocks:
    data: ReportData
    options: ReportOptions
    labels: Labels
    sheet: Any
    fonts: ReportFonts
    page: PageGeometry
    images: dict[Path, PreparedImage | None] = field(default_factory=dict)
    section: int = 0
    """Number of the section being built (for "2.1" style subsection numbers)."""
    _tables: int = 0
    _figures: int = 0
    _headings: int = 0

    @property
    def width(self) -> float:
        return self.page.width

    # -- text --------------------------------------------------------------------------------
    def text(self, value: str) -> str:
        """User text, cleaned, escaped for ReportLab's markup, and what the font lacks put in
        the fallback font that has it (what no font has becomes "□")."""
        chain = self.fonts.chain
        return markup(value, chain.printable, chain.font_for)

    def para(self, value: str, style: str = "body", prefix: str = "",
             bullet: str | None = None) -> ReportParagraph:
        return ReportParagraph(self.text(prefix + value), self.sheet[style], bulletText=bullet)

    def paras(self, value: str, style: str = "body", prefix: str = "") -> list[Flowable]:
        """One paragraph per line of ``value``; ``prefix`` goes before the first."""
        return [self.para(line, style, prefix if i == 0 else "")
                for i, line in enumerate(paragraphs(value))]

    def heading(self, title: str, level: int) -> Heading:
        self._headings += 1
        style = self.sheet[("h1", "h2", "h3")[min(level, 2)]]
        heading = Heading(self.text(title), style, level, shortened(title, OUTLINE_CHARS),
                          f"h{self._headings}")
        heading.toc_text = self.text(shortened(title, TOC_CHARS))
        return heading

    def subheading(self, number: int, title: str) -> Heading:
        """"（一）title" / "2.1 title": a numbered heading in the table of contents."""
        return self.heading(self.labels.subsection(number, title, self.section), 1)

    def minor(self, title: str) -> ReportParagraph:
        """A run-in heading inside a site's findings (not in the table of contents)."""
        return self.para(title, "h3")

    # -- tables and figures ------------------------------------------------------------------
    def cell(self, value: str, style: str = "cell") -> ReportParagraph:
        return ReportParagraph(self.text(value), self.sheet[style])

    def table(self, header: Sequence[str], rows: Sequence[Sequence[Any]],
              fractions: Sequence[float], caption: str = "", numeric: Sequence[int] = (),
              centered: Sequence[int] = (), extra: Sequence[tuple] = ()) -> list[Flowable]:
        """A table of text cells (or flowables) whose header repeats on every page it spans;
        ``fractions`` of the text width per column; ``numeric`` columns align right,
        ``centered`` ones centre. A caption goes above the table."""
        data = [[self.cell(shortened(h, HEADER_CELL_CHARS),
                           "cell_head_center" if i in centered else "cell_head")
                 for i, h in enumerate(header)]] if header else []
        for row in rows:
            data.append([value if isinstance(value, (Flowable, list)) else self.cell(
                str(value), "cell_num" if i in numeric else
                "cell_center" if i in centered else "cell") for i, value in enumerate(row)])
        widths = [self.width * f for f in fractions]
        table = Table(data, colWidths=widths, repeatRows=1 if header else 0,
                      splitByRow=1, splitInRow=1, hAlign="LEFT")
        style = table_style(self.fonts, 1 if header else 0)
        for command in extra:
            style.add(*command)
        table.setStyle(style)
        flowables: list[Flowable] = []
        if caption:
            self._tables += 1
            flowables.append(self.para(self.labels.format(
                "table_caption", n=self._tables, title=caption), "table_caption"))
        flowables += [table, Spacer(1, 8)]
        return flowables

    def facts(self, pairs: Sequence[tuple[str, str]], label_width: float,
              label_style: str = "fact", value_style: str = "fact") -> Table | None:
        """Label–value lines without rules: 调研时间：2023年5月25日."""
        rows = [[self.para(label + self.labels["colon"].strip(), label_style),
                 [self.para(line, value_style) for line in paragraphs(value)]]
                for label, value in pairs if value.strip()]
        if not rows:
            return None
        table = Table(rows, colWidths=[label_width, self.width - label_width], hAlign="LEFT",
                      splitInRow=1)
        table.setStyle(facts_table_style(self.fonts))
        return table

    def figure_caption(self, title: str) -> ReportParagraph:
        self._figures += 1
        return self.para(self.labels.format("figure_caption", n=self._figures, title=title),
                         "caption")

    def next_figure_number(self) -> int:
        self._figures += 1
        return self._figures
