"""Versions of records as they travel between databases: content hashes and tombstones.

A record's *content* is its plain form (``plain.to_plain``) without the bookkeeping fields
(creation and change times); two databases holding the same content hold the same version,
whatever their clocks say. Its SHA-256 over canonical JSON is the version's ``content_hash``.

A *tombstone* records that a visit's record was deleted, as Anki's graves do: the record's id,
its kind (the visit document section it belongs to), its visit, when it was deleted (this
database's clock: shown, never compared), the content hash of the version deleted, and
``deletion``, a random 64-hex token naming this one deletion in exchange histories, so that a
laptop can tell "I have seen that deletion and kept the record" from "I had that version".
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from fieldvisit.domain import entities as e
from fieldvisit.domain.plain import to_plain

BOOKKEEPING_FIELDS = ("created_at", "updated_at", "version", "changed_by")
"""Fields that say when, how often or by whom a record changed, not what it holds: left out of
its content (those a record type does not have are ignored)."""

TOMBSTONED_KINDS: dict[type[e.Record], str] = {
    e.Participation: "participations",
    e.DelegationMember: "delegation",
    e.Stop: "stops",
    e.Absence: "absences",
    e.Note: "notes",
    e.KeyFigure: "key_figures",
    e.FollowUp: "follow_ups",
    e.Photo: "photos",
}
"""The records of a visit whose deletion travels, by the document section they belong to.
Organizations, people and sites are a shared directory (not deleted by exchanges); the visit
itself is deleted on one database only."""


def content(record: e.Record) -> dict[str, Any]:
    plain = to_plain(record)
    for name in BOOKKEEPING_FIELDS:
        plain.pop(name, None)
    return plain


def hash_content(plain: dict[str, Any]) -> str:
    text = json.dumps(plain, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_hash(record: e.Record) -> str:
    return hash_content(content(record))


def new_deletion() -> str:
    return secrets.token_hex(32)


def is_hash(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 64 and \
        all(c in "0123456789abcdef" for c in value)


@dataclass(frozen=True)
class Tombstone:
    record_id: UUID
    kind: str
    """The visit document section of the deleted record: "notes", "delegation"…"""
    visit_id: UUID
    deleted_at: datetime
    content_hash: str
    deletion: str
