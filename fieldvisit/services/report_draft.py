"""The draft of a visit's report and brief, assembled from its data the way a Chinese office
writes a 调研报告: ``draft_writing(data, visit_id)`` fills every field of a ``ReportWriting``;
``resolved(stored, draft)`` is what the report prints (the writer's text where there is one,
else the draft).

- 标题: "关于……情况的调研报告", from the purpose (or theme), never the news headline;
- 导语: "为……，5月25日，…赴…开展联合调研，……。现将有关情况报告如下："
- 一、基本情况: who went (leaders by title and name), the sites in order, the methods, and the
  notes about the whole visit; prose, no tables;
- 二、主要做法及成效: the notes grouped by theme (their tags), not by site; each theme a run-in
  "（一）驿站建设。"; key figures the notes do not already say are woven into sentences;
  interviews are reported ("外卖员反映，…"), not printed as quotations;
- 三、存在的问题: the needs, worded as problems; 四、意见建议: the follow-ups, the needs no
  follow-up answers, and the conclusions when they say something the follow-ups do not;
- 署名单位: the organizations that carried out the visit.

Remarks about a note's source ("（报道未载明…）", "时间为示意") never reach the text, and the
drafts never say one thing twice. Section text is plain: one paragraph per line, a line
starting "（一）" / "1." / "（1）" (English "1." / "(a)" / "(i)") is a heading or run-in
heading (see reporting/outline_text.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields, replace
from uuid import UUID

from fieldvisit.domain.enums import FollowUpStatus, NoteKind
from fieldvisit.domain.report_writing import BRIEF_SECTIONS, REPORT_SECTIONS, ReportWriting
from fieldvisit.reporting.labels import Labels, zh_number
from fieldvisit.services import report_prose as prose
from fieldvisit.services.brief_draft import brief_fields
from fieldvisit.services.report_model import NoteItem, ReportData

NEED_TAGS = frozenset({"需求", "诉求", "need", "needs"})
RUN_IN_NOTES = 4
"""A theme of at most this many notes is one paragraph with a run-in heading."""
_TEXT_FIELDS = (*REPORT_SECTIONS, "signed_on", *BRIEF_SECTIONS)


def draft_writing(data: ReportData, visit_id: UUID) -> ReportWriting:
    """Every field of the report and the brief, drafted from ``data`` in its language."""
    zh = data.language == "zh"
    return ReportWriting(
        visit_id=visit_id, title=prose.report_title(data), lead=lead(data),
        basics=basics(data), practices=practices(data), problems=problems(data),
        suggestions=suggestions(data), signed_by="\n".join(prose.organizing(data)),
        signed_on=data.end_date or data.start_date or data.generated_on,
        **brief_fields(data, zh))


def resolved(stored: ReportWriting | None, draft: ReportWriting) -> ReportWriting:
    """The writer's text where the writer wrote one (not None), else the draft's; the record's
    identity and version are the stored one's."""
    if stored is None:
        return draft
    values = {name: getattr(stored, name) if getattr(stored, name) is not None
              else getattr(draft, name) for name in _TEXT_FIELDS}
    known = {f.name for f in fields(ReportWriting)}
    assert set(values) <= known
    return replace(stored, **values)


def section_number(n: int, zh: bool) -> str:
    """The writer's level-2 number: "（一）" / "1."."""
    return f"（{zh_number(n)}）" if zh else f"{n}. "


def lead(data: ReportData) -> str:
    zh = data.language == "zh"
    labels = Labels(data.language)
    organizations = prose.organizing(data)
    joint = len(organizations) > 1
    when = labels.day_span(data.start_date, data.end_date) if zh else \
        labels.date_range(data.start_date, data.end_date)
    count = len(data.stops)
    purpose = prose.purpose_clause(data.purpose)
    if zh:
        parts = [f"为{purpose}" if purpose else "", when]
        who = "、".join(organizations) or "调研组"
        where = f"赴{data.region.strip()}" if data.region.strip() else ""
        parts.append(f"{who}{where}开展{'联合' if joint else ''}调研")
        if count:
            parts.append(f"实地走访了{zh_number(count) if count <= 10 else count}个点位")
        return "，".join(p for p in parts if p) + "。现将有关情况报告如下："
    head = ""
    if purpose:
        head = (purpose if purpose.lower().startswith("to ") else f"To look into {purpose}")
        head = head[0].upper() + head[1:] + ", "
    who = prose.join_list(organizations, zh) or "the delegation"
    text = head + (f"on {when}, " if when else "") + who + (
        " made a joint research visit" if joint else " made a research visit") + (
        f" to {data.region.strip()}" if data.region.strip() else "")
    if count:
        text += f", visiting {count} site{'s' if count > 1 else ''}"
    text = text[0].upper() + text[1:]
    return text + ". This report sets out what was found."


def site_names(data: ReportData, zh: bool) -> str:
    names = [s.site for s in data.stops]
    if len(names) > prose.MAX_LISTED:
        shown = "、".join(names[:3]) if zh else ", ".join(names[:3])
        return f"{shown}等{len(names)}个点位" if zh else f"{shown} and {len(names) - 3} more sites"
    return prose.join_list(names, zh)


def basics(data: ReportData) -> str:
    zh = data.language == "zh"
    labels = Labels(data.language)
    paragraphs = [prose.delegation_sentence(data, zh) + prose.accompanying_sentence(data, zh)
                  if zh else " ".join(filter(None, (prose.delegation_sentence(data, zh),
                                                    prose.accompanying_sentence(data, zh))))]
    methods = prose.join_list([labels.enum(m) for m in data.methods], zh)
    days = len({s.day for s in data.stops})
    if data.stops:
        if zh:
            text = (f"调研历时{zh_number(days)}天，" if days > 1 else "") + \
                f"调研组一行先后走访了{site_names(data, zh)}"
            text += f"，采取{methods}的方式开展调研。" if methods else "。"
        else:
            text = (f"Over {days} days, the" if days > 1 else "The") + \
                f" delegation visited {site_names(data, zh)}"
            text += f", using {methods}." if methods else "."
        paragraphs.append(text)
    elif methods:
        paragraphs.append(f"调研采取{methods}的方式进行。" if zh else f"Methods: {methods}.")
    for note in data.overview_notes:
        paragraphs.append(prose.scrub(note.text))
    if len([p for p in paragraphs if p]) <= 1 and data.summary.strip():
        paragraphs.append(prose.scrub(data.summary))
    return "\n".join(p for p in paragraphs if p.strip())


@dataclass(frozen=True)
class _Item:
    text: str
    tags: tuple[str, ...]
    site: int  # 0 for the whole visit


def reported(text: str, kind: NoteKind, group: str, speaker: str, zh: bool) -> str:
    """What an interviewee said, reported rather than quoted: "外卖员反映，……"."""
    text = prose.scrub(text).strip()
    if len(text) > 2 and text[0] in "“\"「" and text[-1] in "”\"」":
        text = text[1:-1].strip()
    elif len(text) > 3 and text[0] in "“\"「" and text[-2] in "”\"」":
        text = text[1:-2].strip() + text[-1]
    if kind not in (NoteKind.INTERVIEW, NoteKind.QUOTE) or text.startswith(
            ("调研组", "调研中", "The delegation")):
        return prose.end_sentence(text, zh)
    who = (f"{speaker}（{group}）" if zh else f"{speaker} ({group})") if speaker and group \
        else speaker or group or ("受访者" if zh else "Interviewees")
    text = prose.end_sentence(text, zh)
    if zh:
        return f"{who}反映，{text}"
    who = who[0].upper() + who[1:]
    return f"{who} said that {text[0].lower() + text[1:]}" if text else ""


def _practice_items(data: ReportData, zh: bool) -> list[_Item]:
    items = []
    for site in data.findings:
        for note in site.seen:
            items.append(_Item(reported(note.text, note.kind, "", "", zh), note.tags,
                               site.number))
        for quote in site.quotes:
            items.append(_Item(reported(quote.text, NoteKind.INTERVIEW, quote.group,
                                        quote.speaker, zh), (), site.number))
    for quote in data.visit_quotes:
        items.append(_Item(reported(quote.text, NoteKind.INTERVIEW, quote.group, quote.speaker,
                                    zh), (), 0))
    unique: dict[str, _Item] = {}  # a note taken twice is said once
    for item in items:
        if item.text:
            unique.setdefault(item.text, item)
    return list(unique.values())


def themes_of(items: list[_Item]) -> list[tuple[str, list[_Item]]]:
    """Each item under the most frequent of its themes (ties: the theme met first); the
    largest themes first, then in the order they were met; items without a theme last."""
    counts = Counter(t for i in items for t in dict.fromkeys(i.tags) if t.lower() not in NEED_TAGS)
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        for tag in item.tags:
            first.setdefault(tag, index)
    groups: dict[str, list[_Item]] = {}
    met: dict[str, int] = {}
    for index, item in enumerate(items):
        tags = [t for t in item.tags if t in counts]
        theme = max(tags, key=lambda t: (counts[t], -first[t])) if tags else ""
        groups.setdefault(theme, []).append(item)
        met.setdefault(theme, index)
    ordered = sorted((t for t in groups if t), key=lambda t: (-len(groups[t]), met[t]))
    return [(t, groups[t]) for t in ordered] + ([("", groups[""])] if "" in groups else [])


def figure_sentence(label: str, text: str, zh: bool) -> str:
    if zh:
        noun = label.endswith(("面积", "人数", "数量", "数", "区", "量", "率", "额", "规模",
                               "长度"))
        return f"{label}{'为' if noun else ''}{text}"
    return f"{label[0].lower() + label[1:]} {text}" if label else text


def practices(data: ReportData) -> str:
    zh = data.language == "zh"
    items = _practice_items(data, zh)
    groups = themes_of(items)
    said = " ".join(i.text for i in items) + " ".join(
        prose.scrub(n.text) for s in data.findings for n in s.needs)
    extra: dict[int, list[str]] = {}  # site → sentences of figures no note says
    for site in data.findings:
        for figure in site.figures:
            if figure.text and figure.text not in said:
                extra.setdefault(site.number, []).append(figure_sentence(figure.label,
                                                                         figure.text, zh))
    lines = []
    number = 0
    for theme, members in groups:
        number += 1
        texts = [i.text for i in members]
        for place in dict.fromkeys(i.site for i in members):
            if place in extra:
                figures = extra.pop(place)
                last = max(k for k, i in enumerate(members) if i.site == place)
                texts[last] += ("据介绍，" + "，".join(figures) + "。") if zh else \
                    (" Key figures: " + "; ".join(figures) + ".")
        heading = theme or ("其他情况" if zh else "Other findings")
        heading = heading if zh else heading[0].upper() + heading[1:]
        if len(texts) > RUN_IN_NOTES:  # a long theme: its heading, then a paragraph a note
            lines += [f"{section_number(number, zh)}{heading}", *texts]
            continue
        text = ("" if zh else " ").join(texts)
        lines.append(f"{section_number(number, zh)}{heading}{'。' if zh else '. '}{text}")
    if extra:
        figures = [f for place in sorted(extra) for f in extra[place]]
        number += 1
        heading = "主要数据" if zh else "Key figures"
        lines.append(f"{section_number(number, zh)}{heading}"
                     + ("。据介绍，" + "，".join(figures) + "。" if zh
                        else ". " + "; ".join(figures) + "."))
    return "\n".join(lines)


def _needs(data: ReportData) -> list[NoteItem]:
    return [n for s in data.findings for n in s.needs] + list(data.visit_needs)


def _topics(note: NoteItem) -> list[str]:
    return [t for t in note.tags if t.lower() not in NEED_TAGS]


def need_problem(note: NoteItem, zh: bool) -> str:
    """The need worded as a problem: "外卖员在城市融入、婚恋交友等方面的需求有待进一步回应"."""
    topics, group = _topics(note), note.group.strip()
    if zh:
        topic = prose.join_list(topics, zh, last=False) + "等方面" if topics else ""
        if group and topic:
            return f"{group}在{topic}的需求有待进一步回应"
        if topic:
            return f"{topic}的需求有待进一步回应"
        return f"{group}反映的需求有待进一步回应" if group else "调研中反映的需求有待进一步回应"
    topic = prose.join_list(topics, zh)
    who = f"of {group} " if group else ""
    return f"Needs {who}{'regarding ' + topic + ' ' if topic else ''}are not yet fully met"


def problems(data: ReportData) -> str:
    zh = data.language == "zh"
    merged: dict[str, list[str]] = {}
    for note in _needs(data):
        text = prose.scrub(note.text)
        if text:
            merged.setdefault(need_problem(note, zh), []).append(prose.end_sentence(text, zh))
    return "\n".join(
        f"{section_number(n, zh)}{head}{'。' if zh else '. '}{('' if zh else ' ').join(texts)}"
        for n, (head, texts) in enumerate(merged.items(), start=1))


def follow_up_suggestion(action: str, responsible: str, zh: bool) -> str:
    action = prose.scrub(action)
    if not zh:
        text = prose.end_sentence(action, zh)
        return text + (f" It is suggested that {responsible} take the lead." if responsible
                       else "")
    clauses = prose.bare(action).split("，", 1)
    head, rest = clauses[0], (clauses[1] if len(clauses) > 1 else "")
    if not rest or len(head) < 6 or head.startswith(("面向", "针对", "围绕", "为", "对", "在",
                                                      "按照", "根据")):
        head, rest = prose.bare(action), ""
    lead_in = head + "。"
    if responsible:
        return lead_in + (f"建议由{responsible}牵头，{rest}。" if rest
                          else f"建议由{responsible}牵头推进落实。")
    return lead_in + (f"{rest}。" if rest else "")


def suggestions(data: ReportData) -> str:
    zh = data.language == "zh"
    items = []
    actions = [f for f in data.follow_ups if f.status is not FollowUpStatus.DROPPED]
    for f in actions:
        items.append(follow_up_suggestion(f.action, f.responsible, zh))
    answered = " ".join(f.action for f in actions)
    echoes = prose.similar_to(answered)
    subjects: list[str] = []
    for note in _needs(data):
        text = prose.scrub(note.text)
        if not text or any(t in answered for t in _topics(note)) or echoes(text):
            continue
        topics, group = _topics(note), note.group.strip()
        if zh:
            subject = group + (("在" if group else "") + prose.join_list(topics, zh, last=False)
                               + "等方面" if topics else "")
        else:
            subject = ("of " + group + " " if group else "") + (
                "regarding " + prose.join_list(topics, zh) if topics else "")
        subject = subject.strip() or prose.bare(text)
        if subject not in subjects:
            subjects.append(subject)
    if subjects:  # the needs no follow-up answers: one suggestion
        items.append(
            "进一步回应调研中反映的需求。建议针对" + "和".join(subjects)
            + "的需求，研究提出有针对性的服务举措。" if zh else
            "Respond to the needs raised during the visit. Specific services should be worked "
            "out for the needs " + "; ".join(subjects) + ".")
    lines = [f"{section_number(n, zh)}{item}" for n, item in enumerate(items, start=1)]
    conclusions = prose.scrub(data.conclusions)
    if conclusions and not any(prose.similar(conclusions, f.action) for f in actions):
        lines.insert(0, conclusions)
    return "\n".join(lines)

