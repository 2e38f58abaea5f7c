"""A report or a brief as a layout-neutral document: what is printed, in order, and nothing
about how. Plain frozen dataclasses, no ReportLab and no python-docx: built from ``ReportData``
by the outline builders, typeset by the PDF writer (modern or 公文 layout) and the Word writer,
so both print the same text once.

Heading levels follow the Chinese official convention: 1 "一、", 2 "（一）", 3 "1.", 4 "（1）"
(English: "1.", "1.1", "(a)", "(i)"). ``Heading.number`` is the printed number, already in the
document's language; a level-2..4 heading may run in at the start of its paragraph
(``Paragraph.lead_in``), as 公文 writers do: "（一）强化阵地建设。正文……".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from fieldvisit.services.route_map import RouteMap

ParagraphRole = Literal["body", "lead", "note", "small"]
"""body: an ordinary paragraph; lead: the 导语 (no heading before it); note: a remark under a
table or figure (e.g. "* times are illustrative"); small: source and remarks in an appendix."""


@dataclass(frozen=True)
class Heading:
    level: int
    """1..4, see the module docstring."""
    number: str
    """As printed: "一、", "（一）", "1.", "（1）"; "" for an unnumbered heading."""
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    role: ParagraphRole = "body"
    lead_in: Heading | None = None
    """A run-in heading printed at the start of this paragraph in its heading's font."""
    confidential: bool = False
    """Holds confidential content: the document is marked, and the writers may flag it."""


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    """Fractions of the text width, one per column, summing to 1."""
    caption: str = ""
    """Without its number; the writer numbers tables ("表1 …" / "Table 1. …")."""
    numeric: tuple[int, ...] = ()
    """Columns aligned right."""
    grouped: int | None = None
    """A column whose runs of equal values print once, spanning their rows."""


@dataclass(frozen=True)
class Picture:
    path: Path
    """A downscaled copy ready to embed (JPEG or PNG)."""
    width: int
    height: int
    """Pixels, for the aspect ratio."""
    caption: str
    """Without its number; the writer numbers figures ("图1 …" / "Figure 1. …")."""
    details: str = ""
    """A second line: the stop and the photographer's credit."""


@dataclass(frozen=True)
class RouteMapFigure:
    route_map: RouteMap
    caption: str


Block = Heading | Paragraph | Table | Picture | RouteMapFigure


@dataclass(frozen=True)
class Attachment:
    number: int
    """附件1, 附件2, … in the order listed after the body."""
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Signature:
    organizations: tuple[str, ...]
    """署名单位, one per line (may be empty)."""
    date: str
    """成文日期 as printed: "2023年5月25日" / "25 May 2023"; "" for none."""


@dataclass(frozen=True)
class Masthead:
    """The head of a 工作简报: a large red name, the issue and who compiled it."""

    name: str
    """报头, e.g. 工作简报."""
    issue: str
    """期号, e.g. 第3期."""
    compiled_by: str
    """编印单位."""
    date: str


@dataclass(frozen=True)
class Document:
    kind: Literal["report", "brief"]
    language: str
    """"zh" or "en": the language of every fixed label in the document."""
    title: str
    subtitle: str = ""
    """The theme line under a modern cover's title ("" in 公文)."""
    marking: str = ""
    """内部资料, 秘密…; printed top left (公文) or on the cover and header (modern). The
    builders set it when any block is confidential and the user gave none."""
    cover_facts: tuple[tuple[str, str], ...] = ()
    """Label–value lines of a modern cover: 调研时间, 调研地点, 调研单位."""
    body: tuple[Block, ...] = ()
    signature: Signature | None = None
    attachments: tuple[Attachment, ...] = ()
    """Listed after the body ("附件：1. 调研行程"), each printed after the signature."""
    masthead: Masthead | None = None
    """Only for a 工作简报."""
    distribution: tuple[tuple[str, str], ...] = ()
    """Lines at a brief's foot: (报送, 市总工会…), (抄送, …), (共印, 20份)."""
    warnings: tuple[str, ...] = ()
    """What the builder left out or could not place, for the user (already translated)."""
