"""The unit of work: one transaction, with a repository per record type."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Callable, Iterator
from uuid import UUID

from sqlalchemy.orm import Session, sessionmaker

from fieldvisit.domain import entities as e
from fieldvisit.domain.report_writing import ReportWriting
from fieldvisit.persistence.change_log import ChangeLog
from fieldvisit.persistence.concurrency import WriteLog, contention_error
from fieldvisit.persistence.exchange_state import MergeStateRepository, TombstoneRepository
from fieldvisit.persistence.photo_blobs import PhotoBlobs
from fieldvisit.persistence.repositories import E, RecordRepository
from fieldvisit.persistence.search_index import SearchIndex
from fieldvisit.persistence.storage_errors import read_only, storage_error


class UnitOfWork:
    """Use as ``with uow: ...; uow.commit()``. Leaving the block without commit rolls back.

    One UnitOfWork object may be entered many times, one transaction at a time. Inside
    ``with uow.one_transaction():`` the blocks of the use cases given ``uow`` join one
    transaction, committed once at the end (see ``one_transaction``).

    Every record written is stamped with ``identity`` (who writes: "name @ machine"); once
    committed, the versions written are noted in ``write_log``. An error that means another
    writer got in the way (the database locked for too long, a record changed or inserted by
    someone else between reading and writing) leaves the block as ConcurrentWriteError:
    nothing was written, and the whole step may run again. One that means the database
    cannot be written (a full disk, a read-only file) leaves it as a StorageError naming
    ``where`` (the database), never as damage.
    """

    organizations: RecordRepository[e.Organization]
    people: RecordRepository[e.Person]
    visits: RecordRepository[e.Visit]
    delegation: RecordRepository[e.DelegationMember]
    participations: RecordRepository[e.Participation]
    absences: RecordRepository[e.Absence]
    sites: RecordRepository[e.Site]
    stops: RecordRepository[e.Stop]
    notes: RecordRepository[e.Note]
    figures: RecordRepository[e.KeyFigure]
    follow_ups: RecordRepository[e.FollowUp]
    photos: RecordRepository[e.Photo]
    writings: RecordRepository[ReportWriting]
    """What the writer wrote for a visit's report and brief (one per visit)."""
    search: SearchIndex
    """Full-text search over notes, key figures and follow-ups."""
    merge_state: MergeStateRepository
    """Versions exchanged in visit packages and documents, and merge conflicts."""
    tombstones: TombstoneRepository
    """Deleted records of visits (their deletion travels to other databases)."""
    changes: ChangeLog
    """What other clients of a shared database wrote (PostgreSQL)."""
    photo_blobs: PhotoBlobs
    """The photo files of a shared database, for every client (PostgreSQL)."""

    _REPOSITORIES = {
        "organizations": e.Organization, "people": e.Person, "visits": e.Visit,
        "delegation": e.DelegationMember, "participations": e.Participation,
        "absences": e.Absence, "sites": e.Site, "stops": e.Stop, "notes": e.Note,
        "figures": e.KeyFigure, "follow_ups": e.FollowUp, "photos": e.Photo,
        "writings": ReportWriting,
    }

    def __init__(self, session_factory: sessionmaker[Session],
                 check_files: Callable[[], None] | None = None, identity: str = "",
                 write_log: WriteLog | None = None, where: str = "",
                 folder: Path | None = None, read_only: bool = False) -> None:
        self._session_factory = session_factory
        self.where, self._folder = where, folder
        """The database, in messages; the folder of its SQLite file (asked whether it is full)."""
        self.read_only = read_only
        """Opened read-only: every write is refused (ReadOnlyDatabaseError)."""
        self._session: Session | None = None
        self._check_files = check_files
        """Raises once the database's files were lost (``database_files.FileWatch``)."""
        self.identity = identity
        self.write_log = write_log
        self._written: dict[UUID, int | None] = {}
        self._joining = False  # inside one_transaction: blocks join the open transaction
        self._depth = 0  # how many joined blocks are open

    @contextmanager
    def one_transaction(self) -> Iterator[UnitOfWork]:
        """One transaction for every use case given this unit of work inside the block (a
        user's action of several steps): their ``with uow`` blocks join it, their commits only
        send the writes to the database (later steps read them); the block commits once when
        it ends. An error leaving the block, or a joined block left by an error, rolls back
        everything: nothing of the first steps stays when a later one fails. Inside another
        one, the block is part of that one."""
        if self._joining:
            with self:
                yield self
            return
        with self:
            self._joining = True
            failed = False
            try:
                yield self
            except BaseException as error:
                failed = True
                self._as_raised = error  # a step's own error: the step said what it means
                raise
            finally:
                self._joining = False
                spoiled, self._spoiled = self._spoiled, False
                if not failed:
                    if spoiled:
                        raise RuntimeError("a step of one transaction failed, and its "
                                           "writes would be committed half done")
                    self.commit()

    _spoiled = False
    _as_raised: BaseException | None = None

    def __enter__(self) -> UnitOfWork:
        if self._joining:
            self._depth += 1
            return self
        if self._session is not None:
            raise RuntimeError("this unit of work is already in use")
        self._session = self._session_factory()
        self._written = {}
        for name, entity in self._REPOSITORIES.items():
            setattr(self, name, RecordRepository(self._session, entity, self.identity,
                                                 self._written))
        self.search = SearchIndex(self._session)
        self.merge_state = MergeStateRepository(self._session)
        self.tombstones = TombstoneRepository(self._session)
        self.changes = ChangeLog(self._session)
        self.photo_blobs = PhotoBlobs(self._session)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        assert self._session is not None
        if self._depth:  # a joined block: the transaction goes on (or rolls back as a whole)
            self._depth -= 1
            if exc is not None:
                self._spoiled = True
                self._raise_as_known(exc)
            return
        try:
            self._session.rollback()
        finally:
            self._session.close()
            self._session = None
        as_raised, self._as_raised = self._as_raised, None
        if exc is not None and exc is not as_raised:
            self._raise_as_known(exc)

    def _raise_as_known(self, exc: BaseException) -> None:
        """Raise ``exc`` as the error it means, if known (another writer, storage)."""
        contention = contention_error(exc)
        if contention is not None:
            raise contention from exc
        problem = storage_error(exc, self.where, self._folder)
        if problem is not None:
            raise problem from None

    def refuse_if_read_only(self) -> None:
        """Before a step that writes files too (a package): refused at once on a read-only
        database, before anything is written anywhere."""
        if self.read_only:
            raise read_only(self.where)

    def repository(self, entity: type[E]) -> RecordRepository[E]:
        for name, kind in self._REPOSITORIES.items():
            if kind is entity:
                return getattr(self, name)
        raise KeyError(entity)

    def commit(self) -> None:
        """Commit; refused, or reported as failed, once the database's files were lost: what
        is written then is not in the file."""
        assert self._session is not None, "commit outside a with block"
        if self._depth:  # joined: written now, committed with the whole transaction
            self._session.flush()
            return
        if self._check_files is not None:
            self._check_files()
        self._session.commit()
        if self.write_log is not None:
            self.write_log.record(self._written)
        self._written.clear()
        if self._check_files is not None:
            self._check_files()
