"""Where FieldVisit's bundled resources and the user's data live. No Qt here."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from platformdirs import user_cache_path, user_data_path

PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    """``fieldvisit/resources`` in an installed wheel; the top-level ``resources`` in a checkout."""
    for candidate in (PACKAGE_DIR / "resources", PACKAGE_DIR.parent / "resources"):
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError("FieldVisit's resources folder is missing; reinstall FieldVisit")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    return user_data_path("FieldVisit", appauthor=False, ensure_exists=False)


def default_database_path() -> Path:
    return user_data_dir() / "fieldvisit.sqlite3"


def report_cache_dir() -> Path:
    """Where downscaled copies of photos are kept between reports (pruned after a month)."""
    return user_cache_path("FieldVisit", appauthor=False) / "report-photos"
