"""The user's preferences, kept with QSettings: language (see ``i18n``), the report's default
paper and font (shared with the Report tab, which remembers the last choice), the travel speeds
new visits start with, and the user's name (stamped on what they change); and the data folder,
kept without Qt in a plain INI file (``fieldvisit.data_folder_setting``) that the command line
reads too."""

from __future__ import annotations

import math
from dataclasses import fields, replace
from pathlib import Path

from PySide6.QtCore import QSettings

from fieldvisit import data_folder_setting
from fieldvisit.domain import limits
from fieldvisit.domain.timeline import TravelSettings

REPORT_PAPER_KEY = "report/paper"
REPORT_FONT_KEY = "report/font"
DATA_FOLDER_KEY = "data/folder"  # before the data folder moved to data_folder_setting
TRAVEL_GROUP = "travel"
USER_NAME_KEY = "user/name"
PAPERS = ("a4", "letter")
DATABASE_FILE = data_folder_setting.DATABASE_FILE


def report_paper() -> str:
    paper = str(QSettings().value(REPORT_PAPER_KEY, "a4") or "a4")
    return paper if paper in PAPERS else "a4"


def report_font() -> str:
    """The TrueType file for reports, or "" for the bundled WenQuanYi Micro Hei."""
    return str(QSettings().value(REPORT_FONT_KEY, "") or "")


def set_report_defaults(paper: str, font: str) -> None:
    settings = QSettings()
    settings.setValue(REPORT_PAPER_KEY, paper if paper in PAPERS else "a4")
    settings.setValue(REPORT_FONT_KEY, font)


def default_data_folder() -> Path:
    return data_folder_setting.default_data_folder()


def data_folder() -> Path:
    """Where the database file and its photos live unless --db or a database URL says
    otherwise (the command line reads the same setting)."""
    return data_folder_setting.data_folder()


def set_data_folder(folder: Path | None) -> None:
    """``None`` (or the default folder) goes back to the default."""
    data_folder_setting.set_data_folder(folder)
    QSettings().remove(DATA_FOLDER_KEY)  # where versions before kept it


def database_path() -> Path:
    return data_folder_setting.database_path()


def travel_settings() -> TravelSettings:
    """The travel estimate a new visit starts with (each visit can change its own)."""
    settings = QSettings()
    settings.beginGroup(TRAVEL_GROUP)
    try:
        defaults = TravelSettings()
        values = {}
        for field in fields(TravelSettings):
            value = settings.value(field.name, None)
            try:
                number = float(value) if value is not None else None
            except (TypeError, ValueError):
                number = None
            smallest, largest = limits.RANGES[field.name]  # what a visit may hold
            if number is not None and math.isfinite(number) and smallest <= number <= largest:
                values[field.name] = number
        return replace(defaults, **values)
    finally:
        settings.endGroup()


def user_name() -> str:
    """The name the user gave, "" for none (then the system's user name is used)."""
    return str(QSettings().value(USER_NAME_KEY, "") or "").strip()


def set_user_name(name: str) -> None:
    QSettings().setValue(USER_NAME_KEY, name.strip())


def set_travel_settings(travel: TravelSettings) -> None:
    settings = QSettings()
    settings.beginGroup(TRAVEL_GROUP)
    for field in fields(TravelSettings):
        settings.setValue(field.name, float(getattr(travel, field.name)))
    settings.endGroup()
