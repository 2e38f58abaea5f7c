"""Gather what the research report says about a visit, as plain data (``ReportData``).

Which note goes where:

- notes without a stop: observations and briefings describe the whole visit (section 一),
  quotes and interviews go to the cross-site summary, notes tagged as a need to the problems;
- notes at a stop: tagged 需求 (or need/needs) → needs raised; else interviews and quotes →
  what interviewees said; else (observations, briefings) → what was seen.

Confidential notes are left out unless asked for. Interviewees are anonymized by default: a
quote keeps the interviewees' group (外卖送餐员) and loses the speaker's name.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

from fieldvisit.domain.entities import Note
from fieldvisit.domain.enums import NoteKind
from fieldvisit.domain.figures import format_figure
from fieldvisit.services import photo_sharing
from fieldvisit.services.delegation_view import delegation_details, roster
from fieldvisit.services.itinerary_view import itinerary
from fieldvisit.services.notes import visit_records
from fieldvisit.services.photo_paths import photo_file_names, photo_files
from fieldvisit.services.report_model import (
    FigureItem,
    FollowUpItem,
    GroupItem,
    NoteItem,
    PersonItem,
    PhotoItem,
    QuoteItem,
    ReportData,
    ReportOptions,
    RosterItem,
    SiteFindings,
    StopItem,
    ThemeTable,
)
from fieldvisit.services.report_writing import stored_report_writing
from fieldvisit.services.route_map import route_map
from fieldvisit.services.views import OrganizationGroup
from fieldvisit.services.visits import visit_overview

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

__all__ = ["ReportData", "ReportOptions", "report_data", "visit_language", "NEED_TAGS"]

NEED_TAGS = frozenset({"需求", "诉求", "need", "needs"})
"""Tags marking a note as a need raised; they are not counted as themes."""
_QUOTE_KINDS = (NoteKind.INTERVIEW, NoteKind.QUOTE)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")
MAX_THEMES = 20


def visit_language(title: str) -> str:
    """The language a visit is written in: "zh" when its title has Chinese characters."""
    return "zh" if _CJK.search(title) else "en"


def report_data(uow: UnitOfWork, visit_id: UUID, options: ReportOptions,
                photo_root: Path | None) -> ReportData:
    overview = visit_overview(uow, visit_id)
    details = delegation_details(uow, visit_id)
    records = visit_records(uow, visit_id)
    if options.photos and photo_root is not None:  # colleagues' photos on a team server
        photo_sharing.fetch(uow, photo_root, records.photos)
    lines = roster(uow, visit_id)
    visit = overview.visit
    language = options.language or visit_language(visit.title)

    notes = [n for n in records.notes if options.include_confidential or not n.confidential]
    by_stop: dict[UUID | None, list[Note]] = {}
    for note in notes:
        by_stop.setdefault(note.stop_id, []).append(note)
    stop_ids = {s.stop.id for s in overview.stops}
    said = {visit.summary.strip(), visit.conclusions.strip()}
    loose = [n for n in notes  # about the whole visit, unless they repeat summary/conclusions
             if n.stop_id not in stop_ids and n.text.strip() not in said]

    findings = []
    for number, view in enumerate(overview.stops, start=1):
        stop_notes = by_stop.get(view.stop.id, [])
        figures = tuple(FigureItem(f.label, format_figure(f.value, f.unit, f.qualifier, language))
                        for f in records.figures if f.stop_id == view.stop.id)
        findings.append(SiteFindings(
            number=number, site=view.site.name,
            seen=tuple(_item(n) for n in stop_notes if _place(n) == "seen"),
            figures=figures,
            quotes=tuple(_quote(n, options.anonymize) for n in stop_notes
                         if _place(n) == "quote"),
            needs=tuple(_item(n) for n in stop_notes if _place(n) == "need")))

    organizations = tuple(o.name for o in details.organizations) or tuple(
        g.organization.name for g in overview.delegation if g.organization)
    hosts = dict(records.organizations)
    host_ids = {s.site.host_organization_id for s in overview.stops
                if s.site.host_organization_id is not None} - set(hosts)
    if host_ids:
        with uow:
            hosts.update({o.id: o for o in uow.organizations.all(id=list(host_ids))})
    return ReportData(
        language=language, title=visit.title, theme=visit.theme, purpose=visit.purpose,
        region=visit.region, start_date=visit.start_date, end_date=visit.end_date,
        summary=visit.summary, conclusions=visit.conclusions, source=visit.source,
        remarks=visit.remarks, methods=visit.methods, organizations=organizations,
        delegation=_groups(overview.delegation), accompanying=_groups(overview.accompanying),
        overview_notes=tuple(_item(n) for n in loose if _place(n) == "seen"),
        stops=tuple(StopItem(
            number=number, day=s.stop.day, site=s.site.name, address=s.site.address,
            host=hosts[s.site.host_organization_id].name
            if s.site.host_organization_id in hosts else "",
            arrival=s.timed.arrival, departure=s.timed.departure,
            times_illustrative=s.stop.times_illustrative, activities=s.stop.activities,
            travel_mode=s.stop.travel_mode, travel_minutes=s.timed.travel_minutes,
            travel_estimated=s.timed.travel_estimated, travel_notes=s.stop.travel_notes)
            for number, s in enumerate(overview.stops, start=1)),
        findings=tuple(findings),
        visit_quotes=tuple(_quote(n, options.anonymize) for n in loose if _place(n) == "quote"),
        visit_needs=tuple(_item(n) for n in loose if _place(n) == "need"),
        themes=_themes(overview.stops, by_stop),
        follow_ups=tuple(FollowUpItem(
            f.action, hosts[f.responsible_organization_id].name
            if f.responsible_organization_id in hosts else "", f.due_date, f.status)
            for f in records.follow_ups),
        photos=_photos(records.photos, overview.stops, photo_root) if options.photos else (),
        missing_photos=_missing(records.photos, photo_root) if options.photos else (),
        roster=tuple(RosterItem(r.name, r.title, r.organization, r.role) for r in lines),
        route_map=route_map(itinerary(uow, visit_id)),
        short_names=tuple(dict.fromkeys(
            (g.organization.name, g.organization.short_name)
            for g in (*overview.delegation, *overview.accompanying)
            if g.organization and g.organization.short_name.strip())),
        writing=stored_report_writing(uow, visit_id),
    )


def _place(note: Note) -> str:
    if NEED_TAGS.intersection(t.lower() for t in note.tags):
        return "need"
    return "quote" if note.kind in _QUOTE_KINDS else "seen"


def _item(note: Note) -> NoteItem:
    return NoteItem(note.text, note.kind, note.tags, note.confidential, note.interviewee_group)


def _quote(note: Note, anonymize: bool) -> QuoteItem:
    return QuoteItem(note.text, note.interviewee_group, "" if anonymize else note.speaker,
                     note.confidential)


def _groups(groups: tuple[OrganizationGroup, ...]) -> tuple[GroupItem, ...]:
    return tuple(GroupItem(g.organization.name if g.organization else "",
                           tuple(PersonItem(m.name, m.title, m.role) for m in g.members))
                 for g in groups)


def _themes(stops, by_stop: dict[UUID | None, list[Note]]) -> ThemeTable:
    per_stop = [Counter(tag for note in by_stop.get(s.stop.id, []) for tag in set(note.tags)
                        if tag.lower() not in NEED_TAGS) for s in stops]
    totals: Counter[str] = Counter()
    for counter in per_stop:
        totals.update(counter)
    themes = [theme for theme, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]
    themes = themes[:MAX_THEMES]
    return ThemeTable(
        themes=tuple(themes),
        stops=tuple(s.site.name for s in stops),
        counts=tuple(tuple(counter[theme] for counter in per_stop) for theme in themes),
        totals=tuple(totals[theme] for theme in themes))


def _photos(photos, stops, root: Path | None) -> tuple[PhotoItem, ...]:
    if root is None:
        return ()
    names = {s.stop.id: f"{number}. {s.site.name}" for number, s in enumerate(stops, start=1)}
    order = {s.stop.id: number for number, s in enumerate(stops)}
    found = []
    for photo in sorted(photos, key=lambda p: order.get(p.stop_id, 10**9)):
        path = photo_files(root, photo)[0]
        if path.is_file():
            found.append(PhotoItem(path, photo.caption, photo.credit,
                                   names.get(photo.stop_id, ""), photo.taken_at))
    return tuple(found)


def _missing(photos, root: Path | None) -> tuple[str, ...]:
    """Where the originals not found were looked for, relative to the photo folder."""
    return tuple(photo_file_names(p)[0] for p in photos
                 if root is None or not photo_files(root, p)[0].is_file())
