"""The reference visit: the joint research visit reported in the newspaper article that is
FieldVisit's sample data (resources/sample/reference_visit.json)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldvisit.paths import resource
from fieldvisit.services import visit_document

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

SAMPLE_FILE = ("sample", "reference_visit.json")


def reference_document() -> dict:
    return visit_document.loads(resource(*SAMPLE_FILE).read_bytes())


def load_reference_visit(uow: UnitOfWork) -> visit_document.ImportSummary:
    """Load (or refresh) the reference visit; loading it twice changes nothing."""
    return visit_document.import_visit(uow, reference_document())


def database_is_empty(uow: UnitOfWork) -> bool:
    with uow:
        return uow.visits.count() == 0 and uow.people.count() == 0
