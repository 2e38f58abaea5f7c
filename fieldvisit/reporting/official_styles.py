"""The 公文 layout (GB/T 9704-2012) and the 工作简报 that shares it: page geometry and styles.

A4, margins top 37 mm and left 28 mm, a text area of 156 × 225 mm. The body is 3号 (16 pt) on
a grid of 22 lines × 28 characters: every line is 225/22 mm high, and each character advances
156/28 mm (a little less than 16 pt: the characters are tracked together, as Word's document
grid does). Title 2号 (22 pt) centred; headings at the body's size: 一、黑体, （一）楷体,
1. 仿宋加粗, （1）仿宋. Page numbers "— 1 —" in 4号 (14 pt), 7 mm under the text area, one
character in from the outside corner (odd pages right, even pages left).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1

from fieldvisit.reporting.font_slots import FontSlots
from fieldvisit.reporting.official_grid import (
    BODY_SIZE,
    LEFT,
    PITCH,
    TEXT_HEIGHT,
    TEXT_WIDTH,
    TITLE_SIZE,
    TOP,
    body_advance,
    body_leading,
)
from fieldvisit.reporting.styles import BOLD_STROKE, PAPERS, PageGeometry

BLACK = colors.black
RED = colors.HexColor("#d40000")


@dataclass(frozen=True)
class OfficialGeometry(PageGeometry):
    """The text area is shifted down by ``shift`` inside its frame so that each line's
    characters sit in the middle of their grid line, not at its top."""

    shift: float = 0.0


def official_geometry(paper: str, size: float = BODY_SIZE) -> OfficialGeometry:
    """The page of a body of ``size`` (3号 on the grid, or a brief's smaller one)."""
    width, height = PAPERS[paper]
    # the em box of a line (ascent 0.88, descent 0.12 of the size) centred in its grid line
    shift = body_leading(size) / 2 - size * (1 - 0.38)
    return OfficialGeometry((width, height), left=LEFT, right=width - LEFT - TEXT_WIDTH,
                            top=TOP, bottom=height - TOP - TEXT_HEIGHT, shift=shift)


@cache
def official_stylesheet(slots: FontSlots, language: str, size: float = BODY_SIZE,
                        ) -> StyleSheet1:
    """Styles of the 公文 layout (and the brief). Everything in the body is on the grid:
    leading is one grid line and the space between blocks whole lines. A brief that does
    not fit its page in 3号 takes a smaller ``size`` (``BRIEF_SIZES``), on a grid of its own."""
    zh = language == "zh"
    body, heading, kai, title = slots.body, slots.heading, slots.kai, slots.title
    sheet = StyleSheet1()

    def add(name: str, parent: str | None = None, **values: object) -> None:
        sheet.add(ParagraphStyle(name, parent=sheet[parent] if parent else None, **values))

    def bold(fonts) -> float:  # noqa: ANN001
        return BOLD_STROKE if fonts.synthetic_bold else 0.0

    leading, advance = body_leading(size), body_advance(size)
    add("body", fontName=body.regular, fontSize=size, leading=leading, textColor=BLACK,
        alignment=TA_JUSTIFY, wordWrap="CJK", firstLineIndent=2 * advance if zh else 0,
        spaceBefore=0, spaceAfter=0, fv_bold=0.0, allowWidows=0, allowOrphans=0,
        fv_phrases=False, fv_tracking=advance - size if zh else 0.0)
    add("body_flush", "body", firstLineIndent=0)
    add("lead", "body")
    add("note", "body", fontSize=14, leading=PITCH, fv_tracking=0.0)
    add("small", "note", firstLineIndent=0)
    add("h1", "body", fontName=heading.regular, alignment=TA_LEFT)
    add("h2", "h1", fontName=kai.regular, fv_bold=0.0)
    add("h3", "h1", fontName=body.bold, fv_bold=bold(body))
    add("h4", "h1", fontName=body.regular, fv_bold=0.0)
    add("title", "body", fontName=title.regular, fontSize=TITLE_SIZE, alignment=TA_CENTER,
        firstLineIndent=0, fv_tracking=0.0, fv_phrases=True, leading=PITCH, spaceAfter=leading,
        fv_bold=BOLD_STROKE if slots.title_bold else 0.0)
    add("marking", "body", fontName=heading.regular, firstLineIndent=0, alignment=TA_LEFT,
        fv_tracking=0.0)
    add("attachment_label", "marking")
    add("attachment_title", "title")
    add("attachments", "body", firstLineIndent=0, alignment=TA_LEFT, spaceBefore=PITCH)
    add("signature", "body", firstLineIndent=0, alignment=TA_LEFT)
    add("cell", "body", fontSize=12, leading=12 * 1.45, firstLineIndent=0, alignment=TA_LEFT,
        fv_tracking=0.0)
    add("cell_head", "cell", fontName=heading.regular)
    add("cell_num", "cell", alignment=TA_RIGHT)
    add("caption", "cell", alignment=TA_CENTER, spaceBefore=4, spaceAfter=PITCH / 2)
    add("table_caption", "caption", fontName=heading.regular, spaceAfter=4, keepWithNext=1)
    add("photo_caption", "caption", spaceAfter=0)
    add("photo_details", "caption", fontSize=10.5, leading=15, spaceBefore=0,
        spaceAfter=PITCH / 2)
    # the 工作简报
    add("masthead", "title", fontSize=40, leading=52, textColor=RED, spaceAfter=6,
        fv_phrases=False)
    add("issue", "body", firstLineIndent=0, alignment=TA_CENTER, fv_tracking=0.0,
        spaceAfter=6)
    add("brief_meta", "issue", fontSize=14, leading=20, alignment=TA_LEFT, spaceAfter=0)
    add("brief_meta_right", "brief_meta", alignment=TA_RIGHT)
    add("distribution", "body", fontSize=14, leading=24, firstLineIndent=0,
        alignment=TA_LEFT, fv_tracking=0.0)
    return sheet
