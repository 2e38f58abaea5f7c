"""Text and JSON renderings of a visit overview for ``fieldvisit show``."""

from __future__ import annotations

import csv
import io
from typing import Any

from fieldvisit.domain.enums import DelegationRole
from fieldvisit.domain.plain import to_plain
from fieldvisit.services.delegation_view import RosterLine
from fieldvisit.services.views import OrganizationGroup, VisitOverview


def _groups_json(groups: tuple[OrganizationGroup, ...]) -> list[dict[str, Any]]:
    return [{
        "organization": None if g.organization is None else {
            "id": str(g.organization.id), "name": g.organization.name,
            "short_name": g.organization.short_name, "kind": g.organization.kind.value},
        "members": [{"person_id": str(m.person_id), "name": m.name, "title": m.title,
                     "role": m.role.value, "protocol_order": m.protocol_order}
                    for m in g.members],
    } for g in groups]


def overview_json(overview: VisitOverview) -> dict[str, Any]:
    return {
        "visit": to_plain(overview.visit),
        "delegation": _groups_json(overview.delegation),
        "accompanying": _groups_json(overview.accompanying),
        "stops": [{
            "id": str(s.stop.id), "position": s.stop.position,
            "site": {"id": str(s.site.id), "name": s.site.name, "address": s.site.address},
            "day": s.stop.day,
            "arrival": to_plain(s.timed.arrival),
            "departure": to_plain(s.timed.departure),
            "times_illustrative": s.stop.times_illustrative,
            "notes": s.note_count, "key_figures": s.figure_count,
        } for s in overview.stops],
        "counts": {"notes": overview.counts.notes, "key_figures": overview.counts.figures,
                   "follow_ups": overview.counts.follow_ups, "photos": overview.counts.photos},
    }


def _groups_text(title: str, groups: tuple[OrganizationGroup, ...]) -> list[str]:
    lines = [title] if groups else []
    for group in groups:
        lines.append(f"  {group.organization.name if group.organization else '(no organization)'}")
        lines += [f"    {m.protocol_order:>2}. {m.name}  {m.title}  [{m.role.value}]"
                  for m in group.members]
    return lines


def overview_text(overview: VisitOverview) -> str:
    visit = overview.visit
    dates = " – ".join(str(d) for d in dict.fromkeys((visit.start_date, visit.end_date)) if d)
    lines = [visit.title, f"  id: {visit.id}", f"  status: {visit.status.value}",
             f"  dates: {dates or '-'}    region: {visit.region or '-'}"]
    if visit.theme:
        lines.append(f"  theme: {visit.theme}")
    lines += _groups_text("Delegation", overview.delegation)
    lines += _groups_text("Accompanying", overview.accompanying)
    if overview.stops:
        lines.append("Stops")
    for s in overview.stops:
        span = f"{s.timed.arrival:%H:%M}–{s.timed.departure:%H:%M}"
        lines.append(f"  {s.stop.position}. {span:<11} {s.site.name}  "
                     f"({s.note_count} notes, {s.figure_count} figures)")
    c = overview.counts
    lines.append(f"Notes {c.notes}, key figures {c.figures}, follow-ups {c.follow_ups}, "
                 f"photos {c.photos}")
    return "\n".join(lines)


ROLE_NAMES = {
    DelegationRole.LEADER: "Leader", DelegationRole.DEPUTY_LEADER: "Deputy leader",
    DelegationRole.MEMBER: "Member", DelegationRole.NOTE_TAKER: "Note-taker",
    DelegationRole.LIAISON: "Liaison", DelegationRole.PRESS: "Press",
    DelegationRole.ACCOMPANYING_OFFICIAL: "Accompanying official",
}


def roster_csv(lines: tuple[RosterLine, ...]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "title", "organization", "role"])
    writer.writerows((line.name, line.title, line.organization, ROLE_NAMES[line.role])
                     for line in lines)
    return out.getvalue()


def roster_text(overview: VisitOverview) -> str:
    lines = [overview.visit.title]
    for heading, groups in (("Delegation", overview.delegation),
                            ("Accompanying", overview.accompanying)):
        if groups:
            lines.append(heading)
        for group in groups:
            lines.append(f"  {group.organization.name if group.organization else '-'}")
            lines += [f"    {m.name}  {m.title}  ({ROLE_NAMES[m.role]})" for m in group.members]
    return "\n".join(lines)
