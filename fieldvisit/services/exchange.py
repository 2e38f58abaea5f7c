"""Exchange histories: the versions of each record a database has exchanged, as visit documents
and packages carry them (section ``history``, format version 2; see docs/visit-format.md).

A version is a record's content hash, or a tombstone's ``deletion`` token. Each comes with its
*generation*: one more than the greatest generation the laptop that first exchanged it knew for
that record. Generations only order versions of one record for picking the latest common one;
clocks never decide anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable
from uuid import UUID

from fieldvisit.domain import entities as e
from fieldvisit.domain import limits
from fieldvisit.domain.content import Tombstone, content, hash_content, is_hash
from fieldvisit.domain.errors import DocumentError
from fieldvisit.domain.json_path import member
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

History = dict[str, int]


def with_version(history: History, version: str) -> History:
    """``history`` with ``version`` in it, as the latest version if it was not there."""
    if version in history:
        return history
    return {**history, version: max(history.values(), default=0) + 1}


def history_of(uow: UnitOfWork, records: Iterable[e.Record], tombstones: Iterable[Tombstone],
               exchange: bool) -> dict[UUID, History]:
    """The history of each record (with its current version) and tombstone. ``exchange``: the
    current versions count as exchanged from now on (the caller commits once the document or
    package is written), with their contents, the base of later merges."""
    records, tombstones = list(records), list(tombstones)
    known = uow.merge_state.history([r.id for r in records] + [t.record_id for t in tombstones])
    histories: dict[UUID, History] = {}
    entries: dict[UUID, History] = {}
    contents: dict[UUID, dict[str, dict[str, Any]]] = {}
    for record in records:
        plain = content(record)
        version = hash_content(plain)
        histories[record.id] = with_version(known.get(record.id, {}), version)
        entries[record.id] = {version: histories[record.id][version]}
        contents[record.id] = {version: plain}
    for tombstone in tombstones:
        history = with_version(known.get(tombstone.record_id, {}), tombstone.content_hash)
        histories[tombstone.record_id] = with_version(history, tombstone.deletion)
        entries[tombstone.record_id] = {
            v: histories[tombstone.record_id][v]
            for v in (tombstone.content_hash, tombstone.deletion)}
    if exchange:
        uow.merge_state.add_histories(entries, contents)
    return histories


def to_document(histories: dict[UUID, History]) -> dict[str, dict[str, int]]:
    return {str(record_id): {version: generation for generation, version in
                             sorted((g, v) for v, g in history.items())}
            for record_id, history in histories.items()}


def from_document(value: Any, ids: set[UUID]) -> dict[UUID, History]:
    """The ``history`` section, checked: ids of the document's records and tombstones, each
    with versions (64 hexadecimal digits) and their generations (whole numbers, 0 or more)."""
    if not isinstance(value, dict):
        raise DocumentError("$.history", Message(QT_TRANSLATE_NOOP(
            "Messages", "expected an object")))
    found: dict[UUID, History] = {}
    for key, versions in value.items():
        path = member("$.history", key)
        try:
            record_id = UUID(key)
        except ValueError:
            raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
                "Messages", "{value!r} is not a UUID"), value=key)) from None
        if record_id not in ids:
            raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
                "Messages", "no record or tombstone of the document has this id")))
        if not isinstance(versions, dict):
            raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
                "Messages", "expected an object")))
        history: History = {}
        for version, generation in versions.items():
            if not is_hash(version):
                raise DocumentError(member(path, version), Message(QT_TRANSLATE_NOOP(
                    "Messages", "expected 64 lowercase hexadecimal digits (a SHA-256)")))
            if isinstance(generation, bool) or not isinstance(generation, int) \
                    or not 0 <= generation <= limits.MAX_GENERATION:
                raise DocumentError(member(path, version), Message(QT_TRANSLATE_NOOP(
                    "Messages", "expected a whole number, 0 or more, at most {largest}"),
                    largest=limits.MAX_GENERATION))
            history[version] = generation
        found[record_id] = history
    return found
