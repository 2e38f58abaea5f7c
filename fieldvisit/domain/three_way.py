"""Three-way merge of two versions of a record against their common base, field by field.

A field changed on one side only takes that side's value; a field both sides changed to the
same value takes it; a field both changed to different values is a conflict and keeps ours
(``mine``) until someone resolves it. Without a base every difference is a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldMerge:
    values: dict[str, Any]
    conflicts: tuple[str, ...]
    """Field names changed on both sides to different values, in field order."""


def merge_fields(base: dict[str, Any] | None, mine: dict[str, Any],
                 theirs: dict[str, Any]) -> FieldMerge:
    values: dict[str, Any] = {}
    conflicts: list[str] = []
    for name, ours in mine.items():
        other = theirs.get(name, ours)
        if ours == other:
            values[name] = ours
        elif base is not None and name in base and base[name] == ours:
            values[name] = other
        elif base is not None and name in base and base[name] == other:
            values[name] = ours
        else:
            values[name] = ours
            conflicts.append(name)
    return FieldMerge(values, tuple(conflicts))
