"""Small interface icons, drawn from ``resources/icons/<name>.svg``. Use them instead of emoji
such as "➕" in texts: the fonts an interface has (the bundled one included) may lack the glyph
and show an empty box."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from fieldvisit.paths import resource

NAMES = ("add",)


def icon(name: str) -> QIcon:
    """The icon ``name`` (one of ``NAMES``): ``icon("add")`` before a figure to record."""
    if name not in NAMES:
        raise KeyError(f"no icon named {name!r}; there are {', '.join(NAMES)}")
    return QIcon(str(resource("icons", f"{name}.svg")))
