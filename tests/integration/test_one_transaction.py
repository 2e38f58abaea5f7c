"""Several use cases in one transaction (``UnitOfWork.one_transaction``): committed once at the
end, or not at all when a later step fails."""

from __future__ import annotations

import pytest

from fieldvisit.domain.enums import VisitStatus
from fieldvisit.domain.errors import StaleEditError
from fieldvisit.services import visits


def test_steps_in_one_transaction_commit_together(database, sample_visit_id):
    before = visits.get_visit(database.unit_of_work(), sample_visit_id)
    uow = database.unit_of_work()
    with uow.one_transaction():
        first = visits.update_visit(uow, sample_visit_id, title="合并前")
        # a later step reads what the earlier one wrote
        assert visits.get_visit(uow, sample_visit_id).title == "合并前"
        # nothing is committed yet: another reader still sees the old title
        assert visits.get_visit(database.unit_of_work(), sample_visit_id).title == before.title
        second = visits.update_visit(uow, sample_visit_id, expected_version=first.version,
                                     theme="一个事务")
    stored = visits.get_visit(database.unit_of_work(), sample_visit_id)
    assert (stored.title, stored.theme, stored.version) == ("合并前", "一个事务",
                                                              second.version)
    assert database.write_log.version_of(sample_visit_id) == second.version


def test_a_failing_second_step_leaves_nothing_of_the_first(database, sample_visit_id):
    before = visits.get_visit(database.unit_of_work(), sample_visit_id)
    uow = database.unit_of_work()
    with pytest.raises(StaleEditError):
        with uow.one_transaction():
            visits.update_visit(uow, sample_visit_id, expected_version=before.version,
                                title="不应保存")
            visits.update_visit(uow, sample_visit_id, expected_version=before.version,
                                status=VisitStatus.PLANNED)  # stale: the first step moved on
    assert visits.get_visit(database.unit_of_work(), sample_visit_id) == before
    assert database.write_log.version_of(sample_visit_id) in (None, before.version)


def test_a_step_whose_failure_is_swallowed_is_not_committed_half_done(database,
                                                                      sample_visit_id):
    before = visits.get_visit(database.unit_of_work(), sample_visit_id)
    uow = database.unit_of_work()
    with pytest.raises(RuntimeError, match="half done"):
        with uow.one_transaction():
            visits.update_visit(uow, sample_visit_id, title="不应保存")
            try:
                visits.update_visit(uow, sample_visit_id, expected_version=before.version,
                                    theme="过期")
            except StaleEditError:
                pass
    assert visits.get_visit(database.unit_of_work(), sample_visit_id) == before


def test_one_transaction_inside_another_is_part_of_it(database, sample_visit_id):
    before = visits.get_visit(database.unit_of_work(), sample_visit_id)
    uow = database.unit_of_work()
    with pytest.raises(StaleEditError):
        with uow.one_transaction():
            with uow.one_transaction():
                visits.update_visit(uow, sample_visit_id, title="内层")
            assert visits.get_visit(database.unit_of_work(), sample_visit_id) == before
            visits.update_visit(uow, sample_visit_id, expected_version=before.version,
                                theme="过期")
    assert visits.get_visit(database.unit_of_work(), sample_visit_id) == before
