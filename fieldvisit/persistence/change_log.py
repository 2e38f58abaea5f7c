"""The log of writes to a shared PostgreSQL database (migration 0010): which record of which
kind and visit changed, and which client wrote it. Each client names itself for the length of
every transaction (``fieldvisit.client``), so it can skip its own writes when it polls."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.orm import Session

TABLE = "record_changes"
SETTING = "fieldvisit.client"


@dataclass(frozen=True)
class LoggedChange:
    id: int
    kind: str  # the visit document's section name, or "visit"
    record_id: UUID
    visit_id: UUID | None


def name_client(engine: Engine, client: str) -> None:
    """Every transaction on ``engine`` is written as ``client``'s (PostgreSQL only)."""

    def begin(connection: Any) -> None:
        connection.exec_driver_sql("SELECT set_config(%(name)s, %(client)s, true)",
                                   {"name": SETTING, "client": client})

    event.listen(engine, "begin", begin)


def has_log(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "postgresql"


class ChangeLog:
    def __init__(self, session: Session) -> None:
        self._session = session

    def available(self) -> bool:
        return has_log(self._session.get_bind())

    def latest(self) -> int:
        """The id of the newest entry (0 when there is none, or no log)."""
        if not self.available():
            return 0
        latest = self._session.scalar(text(f"SELECT coalesce(max(id), 0) FROM {TABLE}"))
        return int(latest or 0)

    def since(self, after: int, client: str, limit: int) -> list[LoggedChange]:
        """Entries after ``after`` written by other clients than ``client`` (at most
        ``limit``, oldest first)."""
        if not self.available():
            return []
        rows = self._session.execute(text(
            f"SELECT id, kind, record_id, visit_id FROM {TABLE} WHERE id > :after "
            "AND client <> :client ORDER BY id LIMIT :limit"),
            {"after": after, "client": client, "limit": limit})
        return [LoggedChange(*row) for row in rows]
