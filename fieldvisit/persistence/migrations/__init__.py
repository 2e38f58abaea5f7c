"""Alembic migrations shipped inside the package; applied automatically when a database opens.

To add one after changing ``models.py``:
``python -m fieldvisit.persistence.migrations revision --autogenerate -m "what changed"``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent
_REVISION = re.compile(r'^revision\s*=\s*["\']([0-9a-zA-Z_]+)["\']', re.M)
_DOWN = re.compile(r'^down_revision\s*=\s*(?:["\']([0-9a-zA-Z_]+)["\']|None)', re.M)


@cache
def known_revisions() -> dict[str, str | None]:
    """Every shipped revision and its parent, read from the files without importing Alembic."""
    found: dict[str, str | None] = {}
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        text = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN.search(text)
        if revision and down:
            found[revision.group(1)] = down.group(1)
    return found


def head_revision() -> str:
    revisions = known_revisions()
    parents = set(revisions.values())
    heads = [rev for rev in revisions if rev not in parents]
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {heads}")
    return heads[0]


def alembic_config(connection: object | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config
