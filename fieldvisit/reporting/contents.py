"""The table of contents in a single layout pass.

Its entries are known before layout (the story's headings), so their text is laid out in
place like any paragraph; only the dot leaders and page numbers, unknown until the end, are
drawn later: each entry places a PDF form (an XObject) where its number goes, and the forms are
filled in when the document is complete (``Contents.draw_forms``). This avoids ReportLab's
``multiBuild``, which lays the whole report out two or three times.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from fieldvisit.reporting.flowables import Heading, ReportParagraph

LEADER_GAP = 6.0
DOT_PITCH = 4.5


@dataclass
class Contents:
    """Where each heading landed (filled during layout) and the forms still to draw."""

    pages: dict[str, int] = field(default_factory=dict)
    marks: list[tuple[str, str, float, ParagraphStyle]] = field(default_factory=list)

    def entries(self, story: list[Any], styles: list[ParagraphStyle]) -> list[Flowable]:
        """One entry per heading of ``story`` that belongs in the contents."""
        return [ContentsEntry(ReportParagraph(f.toc_text, styles[min(f.toc_level,
                                                                      len(styles) - 1)]),
                              f.key, self)
                for f in story if isinstance(f, Heading) and f.toc_level is not None]

    def draw_forms(self, canvas: Any) -> None:
        """Draw the leaders and page numbers; call once every page is laid out."""
        for name, key, width, style in self.marks:
            number = str(self.pages.get(key, ""))
            size = style.fontSize
            canvas.beginForm(name, 0, -size * 0.3, max(width, 1), size * 1.2)
            canvas.setFont(style.fontName, size)
            canvas.setFillColor(style.textColor)
            canvas.drawRightString(width, 0, number)
            end = width - stringWidth(number, style.fontName, size) - LEADER_GAP
            dot = stringWidth(".", style.fontName, size)
            count = int(end // DOT_PITCH)
            if count > 0:
                leaders = canvas.beginText(0, 0)
                leaders.setFont(style.fontName, size)
                leaders.setCharSpace(DOT_PITCH - dot)
                leaders.textOut("." * count)
                canvas.drawText(leaders)
            canvas.endForm()


class ContentsSlot(Flowable):
    """Where the entries go in the story; replaced by them once the story is complete."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        pass


def fill_contents(story: list[Any], contents: Contents,
                  styles: list[ParagraphStyle]) -> list[Any]:
    """``story`` with its ``ContentsSlot`` replaced by the entries of its headings."""
    for index, flowable in enumerate(story):
        if isinstance(flowable, ContentsSlot):
            return story[:index] + contents.entries(story, styles) + story[index + 1:]
    return story


class ContentsEntry(Flowable):
    def __init__(self, paragraph: ReportParagraph, key: str, contents: Contents) -> None:
        super().__init__()
        self.paragraph, self.key, self.contents = paragraph, key, contents

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        _, self.height = self.paragraph.wrap(availWidth, availHeight)
        return availWidth, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's name
        return self.paragraph.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's name
        return self.paragraph.getSpaceAfter()

    def draw(self) -> None:
        canvas, paragraph = self.canv, self.paragraph
        style = paragraph.style
        paragraph.drawOn(canvas, 0, 0)
        lines = paragraph.blPara.lines
        last = lines[-1]
        indent = style.leftIndent + (style.firstLineIndent if len(lines) == 1 else 0)
        start = indent + getattr(last, "currentWidth", 0) + LEADER_GAP
        baseline = self.height - style.fontSize - (len(lines) - 1) * style.leading
        name = f"fvContents{len(self.contents.marks) + 1}"
        self.contents.marks.append((name, self.key, self.width - start, style))
        canvas.saveState()
        canvas.translate(start, baseline)
        canvas.doForm(name)
        canvas.restoreState()
        canvas.linkRect("", self.key, (0, 0, self.width, self.height), relative=1)
