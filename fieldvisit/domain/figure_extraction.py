"""Finding key figures in what note-takers wrote: "累计服务6000余人次", "50余场", "800平方米",
"15家麦田店", "2022年4月", and in English "more than 6,000 person-times", "800 square metres"
(see ``english_figures``). Each candidate is offered to the user, never stored without a
click."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fieldvisit.domain.english_figures import find_english_figures
from fieldvisit.domain.enums import FigureQualifier

UNITS = ("平方米", "平米", "公里", "千米", "米", "人次", "万人", "余人", "名", "人", "场", "次",
         "家", "个", "项", "所", "处", "座", "辆", "台", "件", "份", "元", "万元", "亿元", "小时",
         "分钟", "天", "年", "岁", "户", "条", "本", "期", "批", "支", "公斤", "吨", "%", "％")
_UNIT = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
_NUMBER = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
_COUNT = re.compile(
    rf"(?P<about>约|近|大约|超过|逾)?(?<!\d)(?P<number>{_NUMBER})(?P<wan>万|亿)?"
    rf"(?P<more>余|多)?(?P<unit>{_UNIT})")
_MONTH = re.compile(r"(?P<year>(?:19|20)\d{2})年(?P<month>1[0-2]|0?[1-9])月")
_STOP = re.compile(r"[，。；：、！？,.;:!?\s（）()“”\"'《》]")
_QUALIFIERS = {"约": FigureQualifier.ABOUT, "近": FigureQualifier.ABOUT,
               "大约": FigureQualifier.ABOUT, "超过": FigureQualifier.MORE_THAN,
               "逾": FigureQualifier.MORE_THAN}
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


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
        space = " " if self.unit[:1].isascii() and self.unit[:1].isalpha() else ""
        label = "" if self.label == self.unit else self.label  # "15 companies"
        return f"{label} {self.value}{space}{self.unit}".strip()


_MARKERS = ("以来", "已经", "已", "开展", "各类", "共计", "共", "累计达", "达到", "达", "为",
            "在", "有", "约", "近", "于", "和", "并")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]{1,8}")


def _label_before(text: str, start: int, limit: int = 12) -> str:
    """The words just before ``start``: back to the previous punctuation, then after the last
    linking word ("已", "开展", "在" ...)."""
    parts = _STOP.split(text[max(0, start - limit):start])
    label = parts[-1] if parts else ""
    while True:  # "面积达" → "面积": a linking word right before the number goes
        trailing = next((m for m in _MARKERS if label.endswith(m) and len(label) > len(m)), None)
        if trailing is None:
            break
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
        if not free(*match.span()) or _english_percent(text, match):
            continue
        taken.append(match.span())
        qualifier = FigureQualifier.MORE_THAN if match["more"] else _QUALIFIERS.get(
            match["about"] or "", FigureQualifier.EXACTLY)
        number = match["number"].replace(",", "").replace("，", "")
        unit = (match["wan"] or "") + match["unit"]
        found.append(FigureCandidate(_label(text, *match.span()), number, unit,
                                     qualifier, *match.span()))
    for figure in find_english_figures(text):
        if not free(figure.start, figure.end) or (
                figure.unit == "%" and _CJK.search(text, max(0, figure.start - 12),
                                                   figure.end + 12)):
            continue  # "占比 40 %" stays as Chinese writing has it: not a figure
        taken.append((figure.start, figure.end))
        found.append(FigureCandidate(figure.label, figure.value, figure.unit, figure.qualifier,
                                     figure.start, figure.end))
    return sorted(found, key=lambda c: c.start)


def _english_percent(text: str, match: re.Match[str]) -> bool:
    """"40% of riders": a percentage with no Chinese around it is left to the English rules."""
    return match["unit"] in ("%", "％") and not match["about"] and not match["wan"] \
        and not match["more"] and not _CJK.search(text, max(0, match.start() - 12),
                                                  match.end() + 12)
