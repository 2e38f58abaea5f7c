"""Finding key figures in what note-takers wrote: "累计服务6000余人次", "50余场", "800平方米",
"15家麦田店", "2022年4月", "more than 6,000 visits". Each candidate is offered to the user,
never stored without a click."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fieldvisit.domain.enums import FigureQualifier

UNITS = ("平方米", "平米", "公里", "千米", "米", "人次", "万人", "余人", "名", "人", "场", "次",
         "家", "个", "项", "所", "处", "座", "辆", "台", "件", "份", "元", "万元", "亿元", "小时",
         "分钟", "天", "年", "岁", "户", "条", "本", "期", "批", "支", "公斤", "吨", "%", "％")
_UNIT = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
_NUMBER = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
_COUNT = re.compile(
    rf"(?P<about>约|近|大约|超过|逾)?(?P<number>{_NUMBER})(?P<wan>万|亿)?"
    rf"(?P<more>余|多)?(?P<unit>{_UNIT})")
_MONTH = re.compile(r"(?P<year>(?:19|20)\d{2})年(?P<month>1[0-2]|0?[1-9])月")
_ENGLISH = re.compile(
    rf"(?P<about>more than|over|about|around|nearly|almost|less than|fewer than)?\s*"
    rf"(?P<number>{_NUMBER})\s+(?P<unit>[A-Za-z][A-Za-z-]*)", re.IGNORECASE)
_STOP = re.compile(r"[，。；：、！？,.;:!?\s（）()“”\"'《》]")
_QUALIFIERS = {"约": FigureQualifier.ABOUT, "近": FigureQualifier.ABOUT,
               "大约": FigureQualifier.ABOUT, "超过": FigureQualifier.MORE_THAN,
               "逾": FigureQualifier.MORE_THAN, "more than": FigureQualifier.MORE_THAN,
               "over": FigureQualifier.MORE_THAN, "about": FigureQualifier.ABOUT,
               "around": FigureQualifier.ABOUT, "nearly": FigureQualifier.ABOUT,
               "almost": FigureQualifier.ABOUT, "less than": FigureQualifier.LESS_THAN,
               "fewer than": FigureQualifier.LESS_THAN}


@dataclass(frozen=True)
class FigureCandidate:
    label: str  # a guess from the words before the number; the user may change it
    value: str
    unit: str
    qualifier: FigureQualifier
    start: int  # where in the text the figure was found
    end: int

    @property
    def text(self) -> str:
        return f"{self.label} {self.value}{self.unit}".strip()


_MARKERS = ("以来", "已经", "已", "开展", "各类", "共计", "共", "累计达", "达到", "达", "为",
            "在", "有", "约", "近", "于", "和", "并")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]{1,8}")


def _label_before(text: str, start: int, limit: int = 12) -> str:
    """The words just before ``start``: back to the previous punctuation, then after the last
    linking word ("已", "开展", "在" ...)."""
    parts = _STOP.split(text[max(0, start - limit):start])
    label = parts[-1] if parts else ""
    trailing = True
    while trailing:  # "面积达" → "面积": a linking word right before the number goes
        trailing = next((m for m in _MARKERS if label.endswith(m) and len(label) > len(m)), None)
        if trailing:
            label = label[: -len(trailing)]
    cut = max((label.rfind(m) + len(m) for m in _MARKERS if m in label), default=0)
    return label[cut:].strip()


def _label(text: str, start: int, end: int) -> str:
    """A counted noun right after the figure ("15家麦田店" → 麦田店), else the words before."""
    after = _CJK_RUN.match(text, end)
    if after and not after.group().startswith(("的", "以", "左", "之")):
        return after.group()
    return _label_before(text, start)


def find_figures(text: str) -> list[FigureCandidate]:
    """Every figure-like phrase in ``text``, in the order they appear."""
    found: list[FigureCandidate] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for match in _MONTH.finditer(text):
        taken.append(match.span())
        found.append(FigureCandidate(
            _label(text, *match.span()) or "日期",
            f"{match['year']}-{int(match['month']):02d}", "", FigureQualifier.EXACTLY,
            *match.span()))
    for match in _COUNT.finditer(text):
        if not free(*match.span()):
            continue
        taken.append(match.span())
        qualifier = FigureQualifier.MORE_THAN if match["more"] else _QUALIFIERS.get(
            match["about"] or "", FigureQualifier.EXACTLY)
        number = match["number"].replace(",", "").replace("，", "")
        unit = (match["wan"] or "") + match["unit"]
        found.append(FigureCandidate(_label(text, *match.span()), number, unit,
                                     qualifier, *match.span()))
    for match in _ENGLISH.finditer(text):
        if not free(*match.span()) or not match["number"]:
            continue
        taken.append(match.span())
        qualifier = _QUALIFIERS.get((match["about"] or "").lower(), FigureQualifier.EXACTLY)
        words = text[max(0, match.start() - 40):match.start()].split()
        found.append(FigureCandidate(" ".join(words[-2:]),
                                     match["number"].replace(",", ""), match["unit"].strip(),
                                     qualifier, *match.span()))
    return sorted(found, key=lambda c: c.start)
