"""The draft of the 简报 (news brief / 工作简报), in the style of a newspaper's report of a joint
visit: "近日，A、B、C赴朝阳区开展联合调研，深入了解……。X、Y参加调研。", what the visit was,
then the sites in order ("调研组一行首先来到…", "随后…", "最后…") with what was seen there and
its key figures, the conclusions, and who accompanied the delegation. At most a page: the notes
themselves are the report's, and the typesetter sets the body smaller (down to 五号) to keep
the brief on one page."""

from __future__ import annotations

import re
from typing import TypedDict

from fieldvisit.domain.enums import NoteKind
from fieldvisit.reporting.labels import Labels
from fieldvisit.services import report_prose as prose
from fieldvisit.services.report_model import ReportData, SiteFindings, StopItem

MAX_SITES = 6
"""Sites told of one by one; the route names them all ("…等12个点位")."""
BRIEF_NOTE = 100
"""A note about the whole visit longer than this (characters) is left to the report."""
_VERB = re.compile(r"^(?:深入|进一步|全面)?(?:了解|调研|掌握|摸清|考察|研究|参观|听取|实地)")
_EN_VERB = re.compile(r"^(?:to\s+)", re.I)


class BriefFields(TypedDict):
    """The brief's texts of a ``ReportWriting``."""

    brief_title: str
    brief_text: str
    brief_masthead: str
    brief_issue: str
    brief_compiled_by: str
    brief_send_to: str


def brief_fields(data: ReportData, zh: bool) -> BriefFields:
    organizations = prose.organizing(data)
    return {
        "brief_title": brief_title(data, zh), "brief_text": brief_text(data, zh),
        "brief_masthead": Labels(data.language)["masthead"], "brief_issue": "",
        "brief_compiled_by": organizations[0] if organizations else "", "brief_send_to": "",
    }


def _who(data: ReportData, zh: bool) -> tuple[str, bool]:
    organizations = prose.organizing(data)
    names = [prose.short_name(data, o) for o in organizations] if zh else list(organizations)
    return ("、".join(names) if zh else prose.join_list(names, zh)), len(names) > 1


def brief_title(data: ReportData, zh: bool) -> str:
    who, joint = _who(data, zh)
    region = prose.short_region(data.region) if zh else data.region.strip()
    if zh:
        where = "赴" + region if region else ""
        return f"{who or '调研组'}{where}开展{'联合' if joint else ''}调研"
    return (f"{who or 'Delegation'} make{'' if joint or not who else 's'} a "
            f"{'joint ' if joint else ''}research visit" + (f" to {region}" if region else ""))


def _purpose_parts(data: ReportData, zh: bool) -> tuple[str, str]:
    """The purpose's first clause (what the visit set out to learn) and its second one."""
    text = prose.scrub(data.purpose)
    first = re.split(r"[；。;]|\.(?:\s|$)", text, maxsplit=1)[0]
    parts = [prose.bare(p) for p in re.split(r"[，,]", first) if prose.bare(p)]
    if not parts:
        return "", ""
    if len(parts[0]) < 8:
        return prose.bare(first), ""
    return parts[0], "，".join(parts[1:]) if zh else ", ".join(parts[1:])


def brief_text(data: ReportData, zh: bool) -> str:
    labels = Labels(data.language)
    who, joint = _who(data, zh)
    region = prose.short_region(data.region) if zh else data.region.strip()
    aim, rest = _purpose_parts(data, zh)
    rest = rest if zh else ""  # an English purpose's second clause does not follow "through"
    paragraphs = []
    if zh:
        opening = f"近日，{who or '调研组'}{'赴' + region if region else ''}开展" \
                  f"{'联合' if joint else ''}调研"
        if aim:
            opening += "，" + (aim if _VERB.match(aim) else "深入了解" + aim)
        paragraphs.append(opening + "。" + prose.delegation_sentence(data, zh, led=False))
    else:
        opening = f"Recently, {who or 'a delegation'} made a {'joint ' if joint else ''}" \
                  f"research visit" + (f" to {region}" if region else "")
        if aim:
            opening += " " + (aim[0].lower() + aim[1:] if _EN_VERB.match(aim)
                              else "to learn more about " + aim)
        paragraphs.append(opening + ". " + prose.delegation_sentence(data, zh, led=False))
    for note in data.overview_notes[:1]:  # what the visit was, if a note says it briefly
        text = prose.scrub(note.text)
        if len(text) <= BRIEF_NOTE:
            if zh and note.kind is NoteKind.BRIEFING and not text.startswith("据"):
                text = "据了解，" + text
            paragraphs.append(text)
    if data.stops:
        paragraphs.append(_route(data, zh, labels, rest))
    findings = {f.number: f for f in data.findings}
    shown = data.stops[:MAX_SITES]
    for index, stop in enumerate(shown):
        text = _site(stop, findings.get(stop.number), index, len(shown), zh)
        if text:
            paragraphs.append(text)
    conclusions = prose.scrub(data.conclusions)
    if conclusions:
        paragraphs.append(conclusions)
    paragraphs.append(prose.accompanying_sentence(data, zh))
    return "\n".join(p for p in paragraphs if p.strip())


def _route(data: ReportData, zh: bool, labels: Labels, rest: str) -> str:
    from fieldvisit.services.report_draft import site_names

    days = len({s.day for s in data.stops})
    methods = prose.join_list([labels.enum(m) for m in data.methods], zh)
    if zh:
        text = ("当天，" if days == 1 else "调研期间，") + \
            f"调研组一行先后走访了{site_names(data, zh)}"
        if methods:
            text += f"，以{methods}的方式"
        return text + (f"，{rest}。" if rest else ("开展调研。" if methods else "。"))
    text = ("That day, " if days == 1 else "Over the visit, ") + \
        f"the delegation visited {site_names(data, zh)}"
    if methods:
        text += f" through {methods}"
    return text + (f", {rest}." if rest else ".")


def _site(stop: StopItem, found: SiteFindings | None, index: int, count: int, zh: bool) -> str:
    """One sentence or two per site: where the delegation went and what it saw there (the
    stop's activities), then its key figures in the words of the notes that give them."""
    if zh:
        opener = ("调研组一行首先来到" if index == 0 else
                  "最后，调研组一行来到" if index == count - 1 and count > 2 else
                  "随后，调研组一行来到") + stop.site
    else:
        opener = ("The delegation first went to " if index == 0 else
                  "Finally, the delegation went to " if index == count - 1 and count > 2 else
                  "Next, the delegation went to ") + stop.site
    activities = prose.bare(re.split(r"[；;]", prose.scrub(stop.activities), maxsplit=1)[0])
    if activities and (_VERB.match(activities) or not zh):
        text = opener + ("，" + activities if zh else ", " + activities[0].lower()
                         + activities[1:])
    else:
        text = opener
    text = prose.end_sentence(text, zh)
    figures = _figures(stop, found, zh) if found is not None else []
    if figures:
        text += ("据介绍，" + "，".join(figures) + "。") if zh else \
            (" " + "; ".join(figures)[0].upper() + "; ".join(figures)[1:] + ".")
    return text


_CONJUNCTION = re.compile(r"^(?:并|且|还|同时|以及|and\s+)")
_NO_SUBJECT = re.compile(r"^(?:于|已|投入|开展|累计|共|建成|成立|服务|提供)")


def _figures(stop: StopItem, found: SiteFindings, zh: bool) -> list[str]:
    """The clauses of the notes at ``stop`` that give its key figures ("投入使用以来已累计服务
    6000余人次"), or the figure itself where no note gives it."""
    from fieldvisit.services.report_draft import figure_sentence

    clauses = [prose.bare(_CONJUNCTION.sub("", c.strip()))
               for n in (*found.seen, *found.needs)
               for c in re.split(r"[，；。;]|,(?=\s)|\.(?:\s|$)", prose.scrub(n.text))
               if c.strip()]
    chosen: list[str] = []
    for figure in found.figures:
        if not figure.text or any(figure.text in c for c in chosen):
            continue
        clause = next((c for c in clauses if figure.text in c), "")
        chosen.append(clause or figure_sentence(figure.label, figure.text, zh))
    if zh and chosen and _NO_SUBJECT.match(chosen[0]):
        chosen[0] = stop.site + chosen[0]
    return chosen
