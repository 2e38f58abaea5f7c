"""The draft of the 简报 (news brief / 工作简报), in the style of a newspaper's report of a joint
visit: "近日，A、B、C赴朝阳区开展联合调研，深入了解……。X、Y参加调研。", what the visit was,
then the sites in order ("调研组一行首先来到…", "随后…", "最后…") with what was seen and the
figures, the conclusions, and who accompanied the delegation."""

from __future__ import annotations

import re

from fieldvisit.domain.enums import NoteKind
from fieldvisit.reporting.labels import Labels
from fieldvisit.services import report_prose as prose
from fieldvisit.services.report_model import ReportData, SiteFindings, StopItem

MAX_SITES = 10
_VERB = re.compile(r"^(?:深入|进一步|全面)?(?:了解|调研|掌握|摸清|考察|研究|参观|听取|实地)")
_EN_VERB = re.compile(r"^(?:to\s+)", re.I)


def brief_fields(data: ReportData, zh: bool) -> dict[str, str]:
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
        return f"{who or '调研组'}{'赴' + region if region else ''}开展{'联合' if joint else ''}调研"
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
            opening += " " + (aim if _EN_VERB.match(aim) else "to learn more about " + aim)
        paragraphs.append(opening + ". " + prose.delegation_sentence(data, zh, led=False))
    for index, note in enumerate(data.overview_notes):
        text = prose.scrub(note.text)
        if zh and index == 0 and note.kind is NoteKind.BRIEFING and not text.startswith("据"):
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
        text = ("当天，" if days == 1 else "调研期间，") + f"调研组一行先后走访了{site_names(data, zh)}"
        if methods:
            text += f"，以{methods}的方式"
        return text + (f"，{rest}。" if rest else ("开展调研。" if methods else "。"))
    text = ("That day, " if days == 1 else "Over the visit, ") + \
        f"the delegation visited {site_names(data, zh)}"
    if methods:
        text += f" through {methods}"
    return text + (f", {rest}." if rest else ".")


def _site(stop: StopItem, found: SiteFindings | None, index: int, count: int, zh: bool) -> str:
    from fieldvisit.services.report_draft import figure_sentence, reported

    if zh:
        opener = ("调研组一行首先来到" if index == 0 else
                  "最后，调研组一行来到" if index == count - 1 and count > 2 else
                  "随后，调研组一行来到") + stop.site
    else:
        opener = ("The delegation first went to " if index == 0 else
                  "Finally, the delegation went to " if index == count - 1 and count > 2 else
                  "Next, the delegation went to ") + stop.site
    activities = prose.scrub(stop.activities)
    said: list[str] = []
    if activities and (_VERB.match(activities) or not zh):
        said.append(prose.end_sentence(activities, zh))
        text = opener + ("，" if zh else ", ") + (activities if zh else
                                                 activities[0].lower() + activities[1:])
        text = prose.end_sentence(text, zh)
    else:
        text = opener + ("。" if zh else ".")
    if found is not None:
        notes = [reported(n.text, n.kind, n.group, "", zh)
                 for n in (*found.seen, *found.needs)]
        notes += [reported(q.text, NoteKind.INTERVIEW, q.group, q.speaker, zh)
                  for q in found.quotes]
        for note in notes:
            for sentence in prose.sentences(note, zh):
                if not any(prose.repeats(sentence, s) for s in said):
                    said.append(sentence)
                    text += sentence if zh else " " + sentence
        missing = [figure_sentence(f.label, f.text, zh) for f in found.figures
                   if f.text and f.text not in text]
        if missing:
            text += ("据介绍，" + "，".join(missing) + "。") if zh else \
                (" Key figures: " + "; ".join(missing) + ".")
    return text
