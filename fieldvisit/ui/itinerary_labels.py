"""Translated descriptions of timeline conflicts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldvisit.domain.timeline import Conflict, ConflictKind

translate = QCoreApplication.translate


def conflict_text(conflict: Conflict) -> str:
    texts = {
        ConflictKind.ARRIVES_BEFORE_OPENING: translate(
            "Conflicts", "arrives %1 min before opening"),
        ConflictKind.LEAVES_AFTER_CLOSING: translate(
            "Conflicts", "leaves %1 min after closing"),
        ConflictKind.CLOSED_THAT_DAY: translate("Conflicts", "closed that day"),
        ConflictKind.OVERRUNS_DAY_END: translate(
            "Conflicts", "overruns the day's end by %1 min"),
        ConflictKind.NO_COORDINATES: translate(
            "Conflicts", "travel unknown: add coordinates or type the travel time"),
    }
    return texts[conflict.kind].replace("%1", str(conflict.minutes))
