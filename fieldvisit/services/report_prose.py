"""Small pieces of report prose shared by the drafts of the report and the brief: the text of a
note without its source remarks, sentences, lists in Chinese and English, who went and where.
Plain Python: the drafts are strings the writer edits."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Callable, Iterable

from fieldvisit.domain.enums import DelegationRole
from fieldvisit.services.report_model import GroupItem, PersonItem, ReportData

SOURCE_MARKERS = ("报道", "本报", "未载明", "文中未", "为示意", "均为示意", "记者",
                  "not stated in the", "the article", "newspaper", "illustrative")
"""Words of a remark about where a note came from ("（报道未载明…）", "时间为示意"): such
remarks are the note-taker's, never the report's."""

_ASIDE = re.compile(r"[（(][^（）()]*[）)]")
_CLAUSE = re.compile(r"[^。；！？;!?]*[。；！？;!?]?[”’」』）)]*")
_EN_BREAK = re.compile(r"(?<=[.;!?])\s+|(?<=[.;!?][\"”’)])\s+")
LEADING_ROLES = (DelegationRole.LEADER, DelegationRole.DEPUTY_LEADER)
ORGANIZING_ROLES = (DelegationRole.LEADER, DelegationRole.DEPUTY_LEADER, DelegationRole.MEMBER)
MAX_LISTED = 8


def is_source_remark(text: str) -> bool:
    lowered = text.lower()
    return any(marker in lowered for marker in SOURCE_MARKERS)


def scrub(text: str) -> str:
    """``text`` without asides and sentences about its source: "倾听他们的实际需求。（报道未载明
    交流中提出的具体需求。）" → "倾听他们的实际需求。"; lines joined into one."""
    text = " ".join(line.strip() for line in str(text).splitlines() if line.strip())
    text = _ASIDE.sub(lambda m: "" if is_source_remark(m.group()) else m.group(), text)
    wide = bool(re.search(r"[\u3400-\u9fff]", text))
    parts = [p for p in (_CLAUSE.findall(text) if wide else _EN_BREAK.split(text)) if p.strip()]
    kept = [p for p in parts if not is_source_remark(p)]
    out = "".join(kept) if wide else " ".join(p.strip() for p in kept)
    out = out.strip()
    if out.endswith(("；", ";")):
        out = out[:-1] + ("。" if wide else ".")
    return out


def sentences(text: str, zh: bool) -> list[str]:
    """The sentences of ``text``, each with its closing mark."""
    found = re.findall(r"[^。！？]*[。！？]?[”’」』）]*", text) if zh else _EN_BREAK.split(text)
    return [s.strip() for s in found if s.strip()]


def end_sentence(text: str, zh: bool) -> str:
    text = text.strip().rstrip("，,；;、：:")
    if not text or text.endswith(("。", "！", "？", ".", "!", "?", "”", "\"")):
        return text
    return text + ("。" if zh else ".")


def bare(text: str) -> str:
    """A clause without its closing punctuation."""
    return text.strip().rstrip("。；，、：.;,:!?！？ ")


def similar(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` say largely the same (a long stretch in common)?"""
    return similar_to(b)(a)


def similar_to(other: str) -> Callable[[str], bool]:
    """``similar(text, other)`` for many texts against one long ``other``, which is indexed
    once."""
    other = other.strip()
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(other)

    def test(text: str) -> bool:
        text = text.strip()
        if not text or not other:
            return False
        matcher.set_seq1(text)
        match = matcher.find_longest_match(0, len(text), 0, len(other))
        return match.size >= min(16, max(8, int(min(len(text), len(other)) * 0.6)))

    return test


def repeats(sentence: str, other: str) -> bool:
    """Does ``sentence`` mostly repeat ``other`` (half of it or more in one stretch)?"""
    if not sentence.strip() or not other.strip():
        return False
    match = SequenceMatcher(None, sentence, other, autojunk=False).find_longest_match(
        0, len(sentence), 0, len(other))
    return match.size >= 0.5 * len(bare(sentence))


def join_list(items: Iterable[str], zh: bool, last: bool = True) -> str:
    """"A、B和C" / "A, B and C" (``last`` False: "A、B、C")."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    if zh:
        return "、".join(items[:-1]) + ("和" if last else "、") + items[-1]
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + ", and " + items[-1]


def short_region(region: str) -> str:
    """北京市朝阳区 → 朝阳区 (the 简报's way); other regions as they are."""
    match = re.match(r"^(?:[\u4e00-\u9fff]{2,3}(?:省|自治区))?[\u4e00-\u9fff]{2,3}市"
                     r"([\u4e00-\u9fff]{2,}(?:区|县|旗))$", region.strip())
    return match.group(1) if match else region.strip()


def purpose_clause(purpose: str) -> str:
    """The first clause of the purpose, without closing punctuation: "深入了解群团组织在……发挥
    的作用"."""
    text = scrub(purpose)
    first = re.split(r"[；。;]|\.(?:\s|$)", text, maxsplit=1)[0]
    head = re.split(r"[，,]", first, maxsplit=1)[0]
    return bare(head if len(head) >= 8 else first)


_VERBS = re.compile(r"^(?:深入了解|进一步了解|全面了解|深入调研|了解|掌握|摸清|调研|考察|研究)")
_EN_VERBS = re.compile(r"^(?:to\s+)?(?:learn\s+(?:more\s+)?about|find\s+out|understand|learn|see|"
                       r"study|examine)\s+", re.I)


def subject_of(purpose: str, zh: bool) -> str:
    """What was studied: "群团组织在……方面发挥的作用" / "how unions serve riders"."""
    clause = purpose_clause(purpose)
    return _VERBS.sub("", clause) if zh else _EN_VERBS.sub("", clause)


def report_title(data: ReportData) -> str:
    """"关于……情况的调研报告" from the purpose (or the theme), never the news headline."""
    zh = data.language == "zh"
    subject = subject_of(data.purpose, zh)
    if zh:
        if not subject:
            subject = bare(re.split(r"\s+", data.theme.strip())[0]) if data.theme.strip() else ""
        if not subject:
            return f"关于{data.region}调研情况的报告" if data.region.strip() else "调研报告"
        subject = re.sub(r"发挥的作用$", "发挥作用", subject)
        if not subject.endswith(("情况", "问题", "工作", "调研")):
            subject += "情况"
        return f"关于{subject}的调研报告"
    subject = subject or bare(data.theme) or (f"a visit to {data.region}" if data.region else "")
    return f"Report on {subject}" if subject else "Research report"


def organizing(data: ReportData) -> tuple[str, ...]:
    """The organizations that carried out the visit: those of its leaders and members (not of
    press, note-takers or liaison staff alone), in protocol order."""
    chosen = [g.organization for g in data.delegation if g.organization
              and any(m.role in ORGANIZING_ROLES for m in g.members)]
    if not chosen:
        chosen = [g.organization for g in data.delegation if g.organization
                  and any(m.role is not DelegationRole.PRESS for m in g.members)]
    return tuple(dict.fromkeys(chosen or [o for o in data.organizations if o]))


def short_name(data: ReportData, name: str) -> str:
    """The short name a local paper would use — only where it drops the city from the name
    (北京市总工会 → 市总工会, 共青团北京市委 → 团市委), never where it drops more
    (市委主题教育第六巡回指导组 stays whole)."""
    city = re.match(r"^(?:[\u4e00-\u9fff]{2,3}(?:省|自治区))?([\u4e00-\u9fff]{2,3}?)市",
                    data.region.strip())
    if city is None or city.group(1) not in name:
        return name
    return dict(data.short_names).get(name, name) or name


def people(groups: tuple[GroupItem, ...]) -> list[PersonItem]:
    """Members in protocol order, leaders first; without press and note-takers."""
    everyone = [m for g in groups for m in g.members
                if m.role not in (DelegationRole.PRESS, DelegationRole.NOTE_TAKER)]
    return [m for m in everyone if m.role in LEADING_ROLES] + [
        m for m in everyone if m.role not in LEADING_ROLES]


def person(member: PersonItem, zh: bool) -> str:
    """"市总工会党组书记、副主席潘建新" / "Pan Jianxin (Chair, Federation)"."""
    title = member.title.strip()
    if not title or "陪同" in title:
        return member.name
    return f"{title}{member.name}" if zh else f"{member.name} ({title})"


def delegation_sentence(data: ReportData, zh: bool, led: bool = True) -> str:
    """Who went: "调研组由…带队，…参加调研。" (``led`` False: "…，…参加调研。" as in a 简报)."""
    members = people(data.delegation)
    if not members:
        return ""
    leaders = [m for m in members if m.role is DelegationRole.LEADER] if led else []
    others = [m for m in members if m not in leaders]
    more = len(others) > MAX_LISTED
    names = [person(m, zh) for m in others[:MAX_LISTED]]
    if zh:
        listed = "，".join(names) + ("等" if more else "")
        if leaders:
            head = "调研组由" + "、".join(person(m, zh) for m in leaders) + "带队"
            return f"{head}，{listed}参加调研。" if listed else f"{head}。"
        return f"{listed}参加调研。"
    listed = join_list(names, zh) + (" and others" if more else "")
    if leaders:
        head = "The delegation was led by " + join_list([person(m, zh) for m in leaders], zh)
        return f"{head}; {listed} took part." if listed else f"{head}."
    return f"{listed} took part."


def accompanying_sentence(data: ReportData, zh: bool) -> str:
    names = [person(m, zh) for g in data.accompanying for m in g.members]
    if not names:
        return ""
    return ("、".join(names) + "陪同调研。") if zh else \
        f"{join_list(names, zh)} accompanied the delegation."
