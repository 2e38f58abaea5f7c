"""Where FieldVisit's bundled resources and the user's data live. No Qt here."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _resource_candidates() -> list[Path]:
    """``fieldvisit/resources`` in an installed wheel and in a PyInstaller bundle (where the
    package's modules live under ``sys._MEIPASS/fieldvisit``); the top-level ``resources`` in a
    checkout; and, should a frozen module report another ``__file__``, the bundle's copy."""
    candidates = [PACKAGE_DIR / "resources", PACKAGE_DIR.parent / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "fieldvisit" / "resources")
    return candidates


@cache
def resources_dir() -> Path:
    """Where the fonts, icons, translations and sample data are (see ``_resource_candidates``)."""
    for candidate in _resource_candidates():
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError("FieldVisit's resources folder is missing; reinstall FieldVisit")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    from platformdirs import user_data_path  # not at import: it slows the window's start

    return user_data_path("FieldVisit", appauthor=False, ensure_exists=False)


def report_cache_dir() -> Path:
    """Where downscaled copies of photos are kept between reports (pruned after a month)."""
    from platformdirs import user_cache_path

    return user_cache_path("FieldVisit", appauthor=False) / "report-photos"
