"""What the research report is made of: the options a user picks and the plain data the PDF is
typeset from. Frozen dataclasses only; the report code never sees the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Iterable

from fieldvisit.domain.enums import (
    DelegationRole,
    FollowUpStatus,
    NoteKind,
    ResearchMethod,
    TravelMode,
)
from fieldvisit.domain.errors import ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.domain.report_writing import ReportWriting
from fieldvisit.services.route_map import RouteMap

SECTIONS = ("cover", "contents", "basic", "practices", "problems", "suggestions", "itinerary",
            "route_map", "roster")
"""Section keys in report order: the cover and contents (modern layout only), the body's
一、基本情况, 二、主要做法及成效, 三、存在的问题, 四、意见建议, then the attachments 调研行程,
路线示意图 and 调研组名单. Photos are switched by ``ReportOptions.photos``, the table of
themes by ``ReportOptions.statistics``."""

SECTION_ALIASES = {
    "findings": ("practices",), "summary": ("practices",), "appendix": ("roster",),
}
"""The section names of earlier versions, still accepted (``--without findings``)."""


def section_keys(names: Iterable[str]) -> frozenset[str]:
    """``names`` with the old names replaced by the sections they stand for now."""
    keys: set[str] = set()
    for name in names:
        keys.update(SECTION_ALIASES.get(name, (name,)))
    return frozenset(keys)

LANGUAGES = ("zh", "en")
PAPERS = ("a4", "letter")
LAYOUTS = ("modern", "official")


@dataclass(frozen=True)
class ReportOptions:
    language: str | None = None
    """Language of the fixed labels: "zh", "en", or None for the visit's own language."""
    paper: str = "a4"
    sections: frozenset[str] = frozenset(SECTIONS)
    include_confidential: bool = False
    anonymize: bool = True
    """Show interviewees by their group ("外卖送餐员"), never by name."""
    photos: bool = True
    marking: str = ""
    """Printed on the cover and in the running header, e.g. 内部资料."""
    font: str = ""
    """A TrueType font file (.ttf/.ttc) for the body text; "" for the layout's default."""
    layout: str = "modern"
    """"modern" (cover, contents, running header) or "official" (公文, GB/T 9704-2012)."""
    title_font: str = ""
    """A TrueType font file for the title (小标宋 in 公文); "" for the layout's default."""
    heading_font: str = ""
    """A TrueType font file for the headings (黑体 in 公文); "" for the layout's default."""
    statistics: bool = False
    """Append the table of themes (tag counts per stop) as an attachment."""

    def __post_init__(self) -> None:
        if self.language not in (None, *LANGUAGES):
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "report language must be zh or en, not {language!r}"),
                language=self.language), "language")
        if self.paper not in PAPERS:
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "paper must be a4 or letter, not {paper!r}"), paper=self.paper),
                "paper")
        if self.layout not in LAYOUTS:
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "report layout must be modern or official, not {layout!r}"),
                layout=self.layout), "layout")
        unknown = set(self.sections) - set(SECTIONS) - set(SECTION_ALIASES)
        if unknown:
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "unknown report sections: {unknown}; known: {known}"),
                unknown=", ".join(sorted(unknown)), known=", ".join(SECTIONS)), "sections")
        object.__setattr__(self, "sections", section_keys(self.sections))


@dataclass(frozen=True)
class PersonItem:
    name: str
    title: str
    role: DelegationRole


@dataclass(frozen=True)
class GroupItem:
    """Members of one organization in protocol order ("" for people without one)."""

    organization: str
    members: tuple[PersonItem, ...]


@dataclass(frozen=True)
class StopItem:
    number: int
    """The stop's place in the itinerary, 1 = first (over all days)."""
    day: int
    site: str
    address: str
    host: str
    arrival: datetime
    departure: datetime
    """Arrival and departure from the itinerary's timeline."""
    times_illustrative: bool
    activities: str
    travel_mode: TravelMode | None
    travel_minutes: int | None
    """To the next stop the same day; None after a day's last stop or when unknown."""
    travel_estimated: bool
    travel_notes: str


@dataclass(frozen=True)
class NoteItem:
    text: str
    kind: NoteKind
    tags: tuple[str, ...] = ()
    confidential: bool = False
    group: str = ""
    """The interviewees' group (外卖员) of a need or interview; may be empty."""


@dataclass(frozen=True)
class QuoteItem:
    text: str
    group: str
    """The interviewees' group, e.g. 外卖送餐员; may be empty."""
    speaker: str
    """Who spoke; always empty when the report anonymizes interviewees."""
    confidential: bool = False


@dataclass(frozen=True)
class FigureItem:
    label: str
    text: str
    """Value, qualifier and unit as they read in the report's language: 6000余人次."""


@dataclass(frozen=True)
class SiteFindings:
    number: int
    site: str
    seen: tuple[NoteItem, ...]
    figures: tuple[FigureItem, ...]
    quotes: tuple[QuoteItem, ...]
    needs: tuple[NoteItem, ...]

    @property
    def empty(self) -> bool:
        return not (self.seen or self.figures or self.quotes or self.needs)


@dataclass(frozen=True)
class ThemeTable:
    """How many notes of each stop carry each theme (tag), most frequent themes first."""

    themes: tuple[str, ...]
    stops: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    """``counts[theme][stop]``; a last column would be the whole visit's notes."""
    totals: tuple[int, ...]


@dataclass(frozen=True)
class FollowUpItem:
    action: str
    responsible: str
    """The responsible organization's name ("" for none)."""
    due_date: date | None
    status: FollowUpStatus


@dataclass(frozen=True)
class PhotoItem:
    path: Path
    caption: str
    credit: str
    stop: str
    taken_at: datetime | None


@dataclass(frozen=True)
class RosterItem:
    name: str
    title: str
    organization: str
    role: DelegationRole


@dataclass(frozen=True)
class ReportData:
    language: str
    title: str
    theme: str
    purpose: str
    region: str
    start_date: date | None
    end_date: date | None
    summary: str
    conclusions: str
    source: str
    remarks: str
    methods: tuple[ResearchMethod, ...]
    organizations: tuple[str, ...]
    delegation: tuple[GroupItem, ...]
    accompanying: tuple[GroupItem, ...]
    overview_notes: tuple[NoteItem, ...]
    stops: tuple[StopItem, ...]
    findings: tuple[SiteFindings, ...]
    visit_quotes: tuple[QuoteItem, ...]
    visit_needs: tuple[NoteItem, ...]
    themes: ThemeTable
    follow_ups: tuple[FollowUpItem, ...]
    photos: tuple[PhotoItem, ...]
    roster: tuple[RosterItem, ...]
    missing_photos: tuple[str, ...] = ()
    """File names of photo records whose file was not found (left out of the report)."""
    route_map: RouteMap | None = None
    """The itinerary's schematic map; None when no stop has coordinates (then left out)."""
    generated_on: date = field(default_factory=date.today)
    writing: ReportWriting | None = None
    """What the writer wrote (None: nothing yet; every section follows the draft)."""
    short_names: tuple[tuple[str, str], ...] = ()
    """(name, short name) of the organizations that have one: 北京市总工会 → 市总工会."""
