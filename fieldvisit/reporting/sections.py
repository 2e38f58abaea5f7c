"""The report's sections, in the usual shape of a Chinese research report (调研报告): cover,
contents, 一、基本情况, 二、调研行程, 三、调研发现, 四、综合分析, 五、问题与建议, then the
photo pages and the roster as appendices. A section without data is left out, and the
numbering closes up."""

from __future__ import annotations

from typing import Callable

from reportlab.lib.units import cm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
)

from fieldvisit.domain.enums import DelegationRole
from fieldvisit.reporting.blocks import Blocks
from fieldvisit.reporting.contents import ContentsSlot
from fieldvisit.reporting.flowables import ReportParagraph
from fieldvisit.reporting.sections_findings import findings, numbered, summary
from fieldvisit.services.report_model import GroupItem, StopItem

_TITLED_ROLES = (DelegationRole.LEADER, DelegationRole.DEPUTY_LEADER)


def story(b: Blocks) -> list[Flowable]:
    sections = set(b.options.sections)  # today's keys, by the names of this older layout
    if "practices" in sections:
        sections |= {"findings", "summary"}
    if "roster" in sections:
        sections.add("appendix")
    flow: list[Flowable] = []
    if "cover" in sections:
        flow += cover(b)
    flow.append(NextPageTemplate("body"))
    if "cover" in sections:
        flow.append(PageBreak())
    if "contents" in sections:
        flow += contents(b)
    number = 0
    builders: list[tuple[str, Callable[[Blocks, str], list[Flowable]]]] = [
        ("basic", basic), ("itinerary", itinerary), ("findings", findings),
        ("summary", summary), ("suggestions", suggestions)]
    for key, build in builders:
        if key not in sections:
            continue
        b.section = number + 1
        part = build(b, b.labels.section(number + 1, key))
        if part:
            number += 1
            flow += part
    appendix = 0
    wanted = {"photos": b.options.photos, "appendix": "appendix" in sections}
    for key, build in (("photos", photo_pages), ("appendix", roster)):
        if not wanted[key]:
            continue
        part = build(b, b.labels.appendix(appendix + 1, key))
        if part:
            appendix += 1
            flow += [PageBreak(), *part]
    return flow


def cover(b: Blocks) -> list[Flowable]:
    d, labels = b.data, b.labels
    flow: list[Flowable] = []
    if b.options.marking.strip():
        flow.append(b.para(b.options.marking, "cover_marking"))
    flow.append(Spacer(1, b.page.height * 0.14))
    flow.append(b.para(labels["report"], "cover_kicker"))
    flow.append(Spacer(1, 10))
    flow.append(b.para(d.title, "cover_title"))
    if d.theme.strip():
        flow.append(b.para(("——" if d.language == "zh" else "") + d.theme, "cover_theme"))
    flow.append(Spacer(1, b.page.height * 0.16))
    facts = b.facts([
        (labels["time"], labels.date_range(d.start_date, d.end_date)),
        (labels["place"], d.region),
        (labels["organizations"], "\n".join(d.organizations)),
    ], label_width=b.width * 0.36, label_style="cover_label", value_style="cover_value")
    if facts is not None:
        flow.append(facts)
    return flow


def contents(b: Blocks) -> list[Flowable]:
    """The contents' title and a slot for its entries (filled once the story is complete)."""
    return [ReportParagraph(b.text(b.labels["contents"]), b.sheet["toc_title"]), ContentsSlot(),
            PageBreak()]


def basic(b: Blocks, title: str) -> list[Flowable]:
    d, labels = b.data, b.labels
    flow: list[Flowable] = [b.heading(title, 0)]
    facts = b.facts([
        (labels["time"], labels.date_range(d.start_date, d.end_date)),
        (labels["place"], d.region),
        (labels["theme"], d.theme),
        (labels["purpose"], d.purpose),
        (labels["methods"], labels.join([labels.enum(m) for m in d.methods])),
    ], label_width=b.width * (0.17 if d.language == "zh" else 0.2), label_style="body_flush",
        value_style="body_flush")
    if facts is not None:
        flow += [facts, Spacer(1, 6)]
    if d.delegation:
        flow.append(b.subheading(1, labels["delegation"]))
        flow += _delegation_table(b, d.delegation)
    if d.accompanying:
        flow.append(b.subheading(2 if d.delegation else 1, labels["accompanying"]))
        flow += _delegation_table(b, d.accompanying)
    overview = [*b.paras(d.summary)]
    for note in d.overview_notes:
        overview += b.paras(note.text, prefix=_flag(b, note.confidential))
    if overview:
        count = 1 + bool(d.delegation) + bool(d.accompanying)
        flow.append(b.subheading(count, labels["overview"]))
        flow += overview
    return flow if len(flow) > 1 else []


def _delegation_table(b: Blocks, groups: tuple[GroupItem, ...]) -> list[Flowable]:
    labels = b.labels
    rows, spans, index = [], [], 1
    for group in groups:
        first = index
        for member in group.members:
            name = member.name
            if member.role in _TITLED_ROLES:
                name += ("（" if b.data.language == "zh" else " (") + labels.enum(member.role) + (
                    "）" if b.data.language == "zh" else ")")
            rows.append([group.organization if index == first else "", name, member.title])
            index += 1
        if index - first > 1:
            spans.append(("SPAN", (0, first), (0, index - 1)))
    return b.table([labels["organization"], labels["name"], labels["title"]], rows,
                   (0.34, 0.22, 0.44), extra=spans)


def itinerary(b: Blocks, title: str) -> list[Flowable]:
    d, labels = b.data, b.labels
    if not d.stops:
        return []
    days = len({s.day for s in d.stops}) > 1
    rows = []
    for stop in d.stops:
        when = labels.times(stop.arrival, stop.departure) + ("*" if stop.times_illustrative
                                                             else "")
        if days:
            when = labels.format("day", n=stop.day) + "\n" + when
        activity: list[Flowable] = b.paras(stop.activities, "cell")
        onwards = _travel(b, stop)
        if onwards:
            activity.append(b.para(onwards, "cell_note"))
        rows.append([str(stop.number), b.cell(when), b.cell(stop.site), b.cell(stop.address),
                     activity or ""])
    flow: list[Flowable] = [b.heading(title, 0)]
    flow += b.table([labels["stop_no"], labels["times"], labels["site"], labels["address"],
                     labels["activities"]], rows, (0.07, 0.15, 0.22, 0.18, 0.38),
                    numeric=(0,))
    if any(s.times_illustrative for s in d.stops):
        flow.append(b.para("* " + labels["illustrative"], "small"))
    if d.route_map is not None:
        from fieldvisit.reporting.route_map_figure import route_map_drawing

        flow.append(KeepTogether([Spacer(1, 8), route_map_drawing(d.route_map, b.width, b.fonts),
                                  b.figure_caption(labels["route_map"])]))
    return flow


def _travel(b: Blocks, stop: StopItem) -> str:
    labels = b.labels
    parts = []
    if stop.travel_minutes is not None:
        minutes = labels.format("minutes", n=stop.travel_minutes)
        if stop.travel_estimated:
            minutes = labels["estimated"] + minutes
        mode = labels.enum(stop.travel_mode) if stop.travel_mode else ""
        parts.append(labels["travel"] + labels["colon"] + " ".join(filter(None, [mode, minutes]))
                     if b.data.language == "en" else
                     labels["travel"] + labels["colon"] + mode + minutes)
    if stop.travel_notes.strip():
        parts.append(stop.travel_notes.strip())
    return ("；" if b.data.language == "zh" else "; ").join(parts)


def suggestions(b: Blocks, title: str) -> list[Flowable]:
    d, labels = b.data, b.labels
    flow: list[Flowable] = [b.heading(title, 0)]
    count = 0
    if d.visit_needs:
        count += 1
        flow.append(b.subheading(count, labels["visit_needs"]))
        flow += numbered(b, d.visit_needs)
    if d.conclusions.strip():
        count += 1
        flow.append(b.subheading(count, labels["conclusions"]))
        flow += b.paras(d.conclusions)
    if d.follow_ups:
        count += 1
        flow.append(b.subheading(count, labels["follow_ups"]))
        rows = [[str(i), f.action, f.responsible, labels.date(f.due_date) or labels["no_due"],
                 labels.enum(f.status)] for i, f in enumerate(d.follow_ups, start=1)]
        flow += b.table([labels["stop_no"], labels["action"], labels["responsible"],
                         labels["due"], labels["status"]], rows,
                        (0.07, 0.49, 0.2, 0.13, 0.11), numeric=(0,))
    return flow if count else []


def photo_pages(b: Blocks, title: str) -> list[Flowable]:
    photos = [(p, b.images.get(p.path)) for p in b.data.photos]
    photos = [(p, image) for p, image in photos if image is not None]
    if not photos:
        return []
    flow: list[Flowable] = [b.heading(title, 0)]
    box_height = (b.page.height - 3.2 * cm) / 2 - 2.2 * cm
    for photo, image in photos:
        scale = min(b.width / image.width, box_height / image.height)
        picture = Image(str(image.path), width=image.width * scale,
                        height=image.height * scale)
        number = b.next_figure_number()
        caption = b.labels.format("figure_caption", n=number,
                                  title=photo.caption or photo.stop).strip()
        lines = [b.para(caption, "photo_caption")]
        details = [photo.stop if photo.caption else "",
                   _credit(b, photo.credit)]
        if any(details):
            lines.append(b.para("　".join(filter(None, details)), "photo_details"))
        flow += [CondPageBreak(box_height + 2.4 * cm),
                 KeepTogether([Spacer(1, 6), picture, *lines, Spacer(1, 10)])]
    return flow


def roster(b: Blocks, title: str) -> list[Flowable]:
    d, labels = b.data, b.labels
    flow: list[Flowable] = [b.heading(title, 0)]
    if d.roster:
        rows = [[str(i), r.name, r.organization, r.title, labels.enum(r.role)]
                for i, r in enumerate(d.roster, start=1)]
        flow += b.table([labels["stop_no"], labels["name"], labels["organization"],
                         labels["title"], labels["role"]], rows,
                        (0.07, 0.17, 0.27, 0.33, 0.16), numeric=(0,))
    for key, value in ((labels["source"], d.source), (labels["remarks"], d.remarks)):
        if value.strip():
            flow.append(b.minor(key))
            flow += b.paras(value, "small")
    return flow if len(flow) > 1 else []


def _flag(b: Blocks, confidential: bool) -> str:
    return b.labels["confidential"] if confidential else ""


def _credit(b: Blocks, credit: str) -> str:
    """"摄影：王鑫", but a credit written the newspaper way ("中工网 王鑫 摄") stays as it is."""
    credit = credit.strip()
    if not credit:
        return ""
    if credit.endswith(("摄", "摄影", "供图", "图")) or credit.lower().startswith(("photo", "©")):
        return credit
    return b.labels.format("photo_credit", credit=credit)
