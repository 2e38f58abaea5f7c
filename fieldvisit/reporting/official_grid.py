"""The grid of the 公文 page (GB/T 9704-2012) in points, without ReportLab: the PDF's styles
(official_styles.py) and the Word file's (docx_styles.py) both set their bodies on it."""

from __future__ import annotations

mm = 72 / 25.4
TEXT_WIDTH = 156 * mm
TEXT_HEIGHT = 225 * mm
TOP = 37 * mm
LEFT = 28 * mm
LINES = 22
CHARACTERS = 28
BODY_SIZE = 16.0  # 3号
TITLE_SIZE = 22.0  # 2号
PAGE_NUMBER_SIZE = 14.0  # 4号
PAGE_NUMBER_GAP = 7 * mm  # from the text area's bottom edge down to the top of the number
PITCH = TEXT_HEIGHT / LINES
"""The height of one line of the grid (10.23 mm)."""
ADVANCE = TEXT_WIDTH / CHARACTERS
"""What one character of the body advances (5.57 mm)."""
TRACKING = ADVANCE - BODY_SIZE
BRIEF_SIZES = (BODY_SIZE, 14.0, 12.0, 10.5)
"""A 工作简报 is one page: its body is 3号 on the grid if it fits, else 4号, 小四, 五号."""
BRIEF_LEADING = 1.65
"""A brief body smaller than 3号: its leading, in sizes (3号's grid line is 1.81)."""


def body_leading(size: float) -> float:
    """The line pitch of a body of ``size``: the grid's for 3号, else ``BRIEF_LEADING``."""
    return PITCH if size == BODY_SIZE else round(size * BRIEF_LEADING, 2)


def body_advance(size: float) -> float:
    """What one character advances in a body of ``size``: whole characters fill a line."""
    return TEXT_WIDTH / (CHARACTERS if size == BODY_SIZE else int(TEXT_WIDTH // size))
