"""Issue 14: the writer's texts travel with their visit in packages and visit documents, and
merge by exchange history like every record (never by clocks): edits of different fields on
two laptops both survive, even when both laptops started writing before they exchanged; the
same field written differently on both is a conflict ("report text") resolved as any other;
deleting the visit removes its texts; an older package or document without them still reads.
On SQLite, and on PostgreSQL when FIELDVISIT_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from fieldvisit.domain.content import content
from fieldvisit.domain.report_writing import ReportWriting
from fieldvisit.services import visits
from fieldvisit.services.package_merge import list_conflicts, resolve_conflict
from fieldvisit.services.report_writing import (
    report_writing,
    stored_report_writing,
    update_report_writing,
    writing_id,
)
from fieldvisit.services.sample import load_reference_visit
from fieldvisit.services.visit_document import export_visit, import_visit
from tests.integration.laptops import Laptop

LEAD = "近日，调研组赴朝阳区开展联合调研。现将有关情况报告如下："


@pytest.fixture
def laptops(make_database, tmp_path):
    made = [Laptop(name, make_database(f"{name}.sqlite3"), tmp_path) for name in "ab"]
    yield made
    for laptop in made:
        laptop.dispose()


@pytest.fixture
def shared(laptops):
    """The sample visit on both laptops, no writing yet."""
    a, b = laptops
    visit_id = load_reference_visit(a.uow()).visit_id
    a.send(b, visit_id)
    return visit_id


def write(laptop: Laptop, visit_id, **changes) -> ReportWriting:
    version = report_writing(laptop.uow(), visit_id).version
    return update_report_writing(laptop.uow(), visit_id, changes, version)


def writing_of(laptop: Laptop, visit_id) -> ReportWriting:
    return report_writing(laptop.uow(), visit_id)


def test_the_writing_travels_in_a_package(laptops, shared):
    a, b = laptops
    written = write(a, shared, lead=LEAD, problems="", signed_on=date(2023, 5, 26))
    into_b = a.send(b, shared)
    assert into_b.added == {"report_writing": 1} and not into_b.conflicts
    arrived = writing_of(b, shared)
    assert content(arrived) == content(written) and arrived.version == 1
    assert arrived.id == writing_id(shared)
    assert not a.send(b, shared).changed_anything  # the same again: nothing
    assert not b.send(a, shared).changed_anything


def test_different_fields_written_on_two_laptops_both_survive(laptops, shared):
    a, b = laptops
    write(a, shared, title="关于新就业形态劳动者服务的调研报告")
    a.send(b, shared)
    write(a, shared, lead=LEAD)
    write(b, shared, suggestions="建立驿站共建机制", title=None)  # b: the title back to the draft
    into_a = b.send(a, shared)
    assert not into_a.conflicts and into_a.updated == {"report_writing": 1}
    into_b = a.send(b, shared)
    assert not into_b.conflicts
    for laptop in (a, b):
        merged = writing_of(laptop, shared)
        assert (merged.title, merged.lead, merged.suggestions) == (None, LEAD, "建立驿站共建机制")
    assert content(writing_of(a, shared)) == content(writing_of(b, shared))
    assert not a.send(b, shared).changed_anything and not b.send(a, shared).changed_anything


def test_two_laptops_that_both_started_writing_merge_field_by_field(laptops, shared):
    """Neither had the other's writing: both began from the draft (one id for the visit)."""
    a, b = laptops
    write(a, shared, lead=LEAD)
    write(b, shared, problems="部分驿站利用率不高", brief_issue="第3期")
    into_a = b.send(a, shared)
    assert not into_a.conflicts and into_a.updated == {"report_writing": 1}
    merged = writing_of(a, shared)
    assert (merged.lead, merged.problems, merged.brief_issue) == (LEAD, "部分驿站利用率不高",
                                                                  "第3期")
    assert not a.send(b, shared).conflicts
    assert content(writing_of(b, shared)) == content(merged)


def test_the_same_field_written_differently_is_a_conflict_named_report_text(laptops, shared):
    a, b = laptops
    write(a, shared, lead=LEAD)
    a.send(b, shared)
    write(a, shared, lead="A 改的导语\n第二段", basics="A 写的基本情况")
    write(b, shared, lead="B 改的导语", practices="B 写的做法")
    into_a = b.send(a, shared)
    [conflict] = into_a.conflicts
    assert (conflict.kind, conflict.record_type, conflict.fields) == (
        "edit", "report_writing", ("lead",))
    assert (conflict.mine, conflict.theirs) == ("A 改的导语\n第二段", "B 改的导语")  # as written
    assert conflict.label == visits.get_visit(a.uow(), shared).title[:40]
    kept = writing_of(a, shared)  # this laptop's lead stays; the rest merged at once
    assert (kept.lead, kept.basics, kept.practices) == ("A 改的导语\n第二段", "A 写的基本情况",
                                                        "B 写的做法")
    again = b.send(a, shared)  # the same package again: the same conflict, not a second
    assert [c.id for c in again.conflicts] == [conflict.id]
    assert len(list_conflicts(a.uow(), shared)) == 1

    resolve_conflict(a.uow(), conflict.id, take_incoming=True)
    assert writing_of(a, shared).lead == "B 改的导语"
    into_b = a.send(b, shared)  # the choice wins on the other laptop too
    assert not into_b.conflicts
    assert content(writing_of(b, shared)) == content(writing_of(a, shared))
    assert list_conflicts(a.uow(), shared) == [] and list_conflicts(b.uow(), shared) == []


def test_keep_mine_keeps_this_laptops_text_everywhere(laptops, shared):
    a, b = laptops
    write(a, shared, problems="共同的")
    a.send(b, shared)
    write(a, shared, problems="A 的问题")
    write(b, shared, problems="B 的问题")
    [conflict] = b.send(a, shared).conflicts
    resolve_conflict(a.uow(), conflict.id, take_incoming=False)
    a.send(b, shared)
    assert writing_of(a, shared).problems == writing_of(b, shared).problems == "A 的问题"


def test_back_to_the_draft_travels(laptops, shared):
    a, b = laptops
    write(a, shared, lead=LEAD, basics="基本情况")
    a.send(b, shared)
    write(a, shared, lead=None)
    assert a.send(b, shared).updated == {"report_writing": 1}
    assert (writing_of(b, shared).lead, writing_of(b, shared).basics) == (None, "基本情况")


def test_a_document_carries_the_writing_and_merges_like_a_package(laptops, shared):
    a, b = laptops
    write(a, shared, brief_title="工作简报", signed_on=date(2023, 5, 26))
    document = export_visit(a.uow(), shared, exchange=True)
    assert [w["brief_title"] for w in document["report_writing"]] == ["工作简报"]
    assert import_visit(b.uow(), copy.deepcopy(document)).added == {"report_writing": 1}
    write(b, shared, brief_text="正文")
    back = export_visit(b.uow(), shared, exchange=True)
    assert import_visit(a.uow(), back).updated == {"report_writing": 1}
    assert writing_of(a, shared).brief_text == "正文"
    # the older document again never undoes the later edit
    assert import_visit(b.uow(), copy.deepcopy(document)).kept_local == {"report_writing": 1}
    assert writing_of(b, shared).brief_text == "正文"


def test_an_old_document_without_the_writing_still_reads_and_leaves_it(laptops, shared):
    a, b = laptops
    write(a, shared, lead=LEAD)
    a.send(b, shared)
    old = export_visit(a.uow(), shared)
    del old["history"][old.pop("report_writing")[0]["id"]]
    old["version"] = 2  # as FieldVisit wrote it before report writings
    summary = import_visit(b.uow(), old)
    assert not summary.changed_anything and not summary.conflicts
    assert writing_of(b, shared).lead == LEAD  # a missing section deletes nothing
    fresh = import_visit(a.uow(), copy.deepcopy(old))
    assert not fresh.changed_anything


def test_deleting_the_visit_removes_its_writing_and_a_package_brings_it_back(laptops, shared):
    a, b = laptops
    write(a, shared, lead=LEAD)
    package = a.pack(shared)
    b.unpack(package)
    visits.delete_visit(b.uow(), shared)
    with b.uow() as uow:
        assert uow.writings.count() == 0
    assert stored_report_writing(a.uow(), shared) is not None  # the other laptop keeps it
    again = b.unpack(package)
    assert again.added.get("report_writing") == 1
    assert writing_of(b, shared).lead == LEAD


def test_undoing_a_visit_deletion_brings_its_writing_back(laptops, shared):
    """Delete Visit is undone from the visit's document (``ui/commands.py``)."""
    a, _b = laptops
    written = write(a, shared, practices="做法", signed_on=date(2023, 5, 27))
    snapshot = export_visit(a.uow(), shared)
    visits.delete_visit(a.uow(), shared)
    assert stored_report_writing(a.uow(), shared) is None
    import_visit(a.uow(), snapshot)
    assert content(writing_of(a, shared)) == content(written)


def test_a_text_against_the_draft_shows_the_draft_by_name(laptops, shared):
    """One laptop edits the lead, the other takes it back to the draft: the conflict shows
    "(follows the draft)", not a JSON null."""
    a, b = laptops
    write(a, shared, lead=LEAD)
    a.send(b, shared)
    write(a, shared, lead="A 改的导语")
    write(b, shared, lead=None)
    [conflict] = b.send(a, shared).conflicts
    assert "null" not in conflict.mine + conflict.theirs
    assert conflict.theirs == "lead: (follows the draft)" and "A 改的导语" in conflict.mine
