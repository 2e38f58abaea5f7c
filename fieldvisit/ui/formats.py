"""Dates, times, numbers and lists in the interface locale's formats (``QLocale()``, which
``i18n.install_translators`` sets from the chosen language)."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Iterable

from PySide6.QtCore import QDate, QLocale, QTime

SHORT = QLocale.FormatType.ShortFormat


def _date_format(locale: QLocale) -> str:
    """The locale's short date format with a four-digit year (en_US's is M/d/yy)."""
    pattern = locale.dateFormat(SHORT)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def date_edit_format() -> str:
    """For QDateEdit.displayFormat: the locale's short date with a four-digit year."""
    return _date_format(QLocale())


def time_edit_format() -> str:
    """For QTimeEdit.displayFormat: the locale's short time (HH:mm, h:mm AP...)."""
    return QLocale().timeFormat(SHORT)


def date_text(day: date | None) -> str:
    if day is None:
        return ""
    locale = QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), _date_format(locale))


def date_range(start: date | None, end: date | None) -> str:
    """"start – end", or one date when both are the same or one is missing."""
    return " – ".join(date_text(d) for d in dict.fromkeys((start, end)) if d)


def clock(moment: datetime | time | None) -> str:
    if moment is None:
        return ""
    return QLocale().toString(QTime(moment.hour, moment.minute), SHORT)


def clock_on(moment: datetime | None, day: date, dated: bool = True) -> str:
    """The time of ``moment`` on its visit's ``day``: "05:39" on that day; on another (a day
    that runs past midnight) with its date, "2023/5/30 05:39", or, for a visit without dates,
    "05:39 (+1)" — never a bare time that reads as the wrong morning."""
    if moment is None:
        return ""
    if moment.date() == day:
        return clock(moment)
    if dated:
        return f"{date_text(moment.date())} {clock(moment)}"
    return f"{clock(moment)} ({(moment.date() - day).days:+d})"


def parse_clock(text: str) -> time:
    """A time typed in the locale's format or as H:MM (also with a full-width colon);
    ValueError for anything else."""
    text = text.strip()
    parsed = QLocale().toTime(text, SHORT)
    if parsed.isValid():
        return time(parsed.hour(), parsed.minute())
    hours, minutes = text.replace("：", ":").split(":")
    return time(int(hours), int(minutes))


def date_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return f"{date_text(moment.date())} {clock(moment)}"


def number(value: int | float | Decimal | str | None) -> str:
    """An integer or decimal with the locale's digit grouping and decimal point; text that is
    not a plain number (e.g. "6000+", "三") is shown as it is."""
    if value is None:
        return ""
    if isinstance(value, str):
        try:
            parsed = Decimal(value.strip().replace(",", ""))
        except ArithmeticError:
            return value
        if not parsed.is_finite():
            return value
        value = parsed
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    if isinstance(value, int):
        return QLocale().toString(value)
    text = format(value, "f").rstrip("0").rstrip(".") if isinstance(value, Decimal) \
        else repr(float(value))
    decimals = len(text.split(".")[1]) if "." in text else 0
    return QLocale().toString(float(value), "f", decimals)



def duration(minutes: int | None) -> str:
    """Minutes as h:mm ("0:50", "8:00", "−0:15"); "" for None."""
    if minutes is None:
        return ""
    sign = "−" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}:{rest:02d}"


def parse_duration(text: str) -> int:
    """Minutes typed as a whole number ("50") or as h:mm ("0:50", "1：30"); ValueError for
    anything else, negative durations included."""
    text = text.strip().replace("：", ":")
    hours, colon, minutes = text.partition(":")
    if not colon:
        hours, minutes = "0", hours
    if not (hours.isdigit() and minutes.isdigit()) or (colon and int(minutes) > 59):
        raise ValueError(text)
    return int(hours) * 60 + int(minutes)


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def join_list(items: Iterable[str]) -> str:
    """An enumeration of names or words: 冯建国、潘建新 in a Chinese interface, "Interview,
    Observation" in any other."""
    return ("、" if _chinese() else ", ").join(items)


def join_clauses(items: Iterable[str]) -> str:
    """Items that may hold commas themselves (opening hours, conflicts): separated by "；" in a
    Chinese interface, by "; " in any other."""
    return ("；" if _chinese() else "; ").join(items)
