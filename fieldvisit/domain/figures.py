"""How a key figure reads in a sentence: "6000余人次" in Chinese, "more than 6,000 person-times"
in English. Plain Python, shared by the report and any other view of figures.

A figure stores its number, its unit as the note-taker wrote it (usually Chinese: 人次, 平方米,
家) and a qualifier. Chinese puts 余 after the number and 约/不足 before it; English puts every
qualifier before the number, groups thousands with commas and translates the usual units.
Units it does not know are kept as written. Values that are not plain numbers (a name, "2022-04")
are kept too, except year-month and ISO dates, which are spelled out in the chosen language.
"""

from __future__ import annotations

import re

from fieldvisit.domain.enums import FigureQualifier

_NUMBER = re.compile(r"^\d+(\.\d+)?$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")

ENGLISH_UNITS = {
    "人次": "person-times", "人": "people", "名": "people", "位": "people", "场": "events",
    "次": "times", "平方米": "m²", "米": "m", "公里": "km", "千米": "km", "分钟": "minutes",
    "小时": "hours", "天": "days", "个月": "months", "年": "years", "元": "yuan",
    "家": "", "个": "", "处": "",
    "所": "", "条": "", "项": "", "台": "", "辆": "vehicles", "%": "%",
}
"""Chinese units (and measure words, which English leaves out) in English."""

_ZH_BEFORE = {FigureQualifier.ABOUT: "约", FigureQualifier.LESS_THAN: "不足"}
_EN_BEFORE = {FigureQualifier.ABOUT: "about ", FigureQualifier.LESS_THAN: "less than ",
              FigureQualifier.MORE_THAN: "more than "}


def format_figure(value: str, unit: str = "",
                  qualifier: FigureQualifier | str = FigureQualifier.EXACTLY,
                  language: str = "zh") -> str:
    """The figure as it reads in running text of ``language`` ("zh" or "en")."""
    qualifier = FigureQualifier(qualifier)
    value, unit = value.strip(), unit.strip()
    if language == "zh":
        value = _zh_date(value)
        more = "余" if qualifier is FigureQualifier.MORE_THAN else ""
        return f"{_ZH_BEFORE.get(qualifier, '')}{value}{more}{unit}"
    value = _en_date(value)
    if _NUMBER.match(value):
        whole, _, fraction = value.partition(".")
        value = f"{int(whole):,}" + (f".{fraction}" if fraction else "")
    unit = ENGLISH_UNITS.get(unit, unit)
    joined = value if not unit else (f"{value}{unit}" if unit == "%" else f"{value} {unit}")
    return f"{_EN_BEFORE.get(qualifier, '')}{joined}"


def _zh_date(value: str) -> str:
    if match := _YEAR_MONTH.match(value):
        return f"{match[1]}年{int(match[2])}月"
    if match := _DATE.match(value):
        return f"{match[1]}年{int(match[2])}月{int(match[3])}日"
    return value


def _en_date(value: str) -> str:
    if (match := _YEAR_MONTH.match(value)) and 1 <= int(match[2]) <= 12:
        return f"{_MONTHS[int(match[2]) - 1]} {match[1]}"
    if (match := _DATE.match(value)) and 1 <= int(match[2]) <= 12:
        return f"{int(match[3])} {_MONTHS[int(match[2]) - 1]} {match[1]}"
    return value
