"""`fieldvisit import` of a visit document merges by exchange history, as packages do (issue 12,
item 3): a document's clock decides nothing, a later local edit is never overwritten, and an old
document without history adds what is missing and shows every difference as a conflict."""

from __future__ import annotations

import copy
import json

from fieldvisit.domain import entities as e
from fieldvisit.services import notes
from fieldvisit.services.package_merge import list_conflicts
from fieldvisit.services.sample import load_reference_visit, reference_document
from fieldvisit.services.visit_document import export_visit, import_visit


def note_ids(uow, visit_id) -> list:
    return [n.id for n in notes.list_notes(uow, visit_id)]


def document_note(document: dict, note_id) -> dict:
    return next(n for n in document["notes"] if n["id"] == str(note_id))


def test_reimporting_an_unchanged_export_changes_nothing(uow, sample_visit_id):
    document = export_visit(uow, sample_visit_id, exchange=True)
    assert document["version"] == 3 and document["tombstones"] == []
    assert set(document["history"]) >= {document["visit"]["id"]}
    summary = import_visit(uow, copy.deepcopy(document))
    assert not summary.changed_anything and not summary.conflicts
    assert export_visit(uow, sample_visit_id) == document


def test_an_old_export_never_undoes_a_later_edit(uow, sample_visit_id):
    document = export_visit(uow, sample_visit_id, exchange=True)
    note_id = note_ids(uow, sample_visit_id)[0]
    notes.update_note(uow, note_id, text="后来改的")
    summary = import_visit(uow, document)
    assert summary.kept_local == {"notes": 1} and not summary.conflicts
    assert notes.get_note(uow, note_id).text == "后来改的"


def test_a_document_from_2099_does_not_overwrite_a_local_edit(uow, sample_visit_id):
    document = export_visit(uow, sample_visit_id)
    note_id = note_ids(uow, sample_visit_id)[0]
    notes.update_note(uow, note_id, text="这里改的")
    future = document_note(document, note_id)
    future["text"], future["updated_at"] = "来自2099年的版本", "2099-01-01T00:00:00Z"
    summary = import_visit(uow, document)
    assert notes.get_note(uow, note_id).text == "这里改的"
    [conflict] = summary.conflicts
    assert (conflict.kind, conflict.record_id) == ("edit", note_id)
    assert (conflict.mine, conflict.theirs) == ("这里改的", "来自2099年的版本")


def test_a_document_changed_after_the_export_it_started_from_updates(uow, sample_visit_id):
    """Its history shows it is later than this database's version: whatever its clock says."""
    document = export_visit(uow, sample_visit_id, exchange=True)
    note_id = note_ids(uow, sample_visit_id)[0]
    changed = document_note(document, note_id)
    changed["text"], changed["updated_at"] = "别处改的", "2001-01-01T00:00:00Z"
    summary = import_visit(uow, document)
    assert summary.updated == {"notes": 1} and not summary.conflicts
    assert notes.get_note(uow, note_id).text == "别处改的"


def test_a_laptop_with_its_clock_ahead_does_not_win_a_concurrent_edit(uow, other_uow,
                                                                      sample_visit_id):
    shared = export_visit(uow, sample_visit_id)
    import_visit(other_uow, copy.deepcopy(shared))
    note_id = note_ids(uow, sample_visit_id)[1]
    notes.update_note(uow, note_id, text="本机改的")
    with other_uow:  # the other laptop's clock runs years ahead
        note = other_uow.notes.get(note_id)
        from datetime import UTC, datetime

        other_uow.notes.put(e.Note(**{**note.__dict__, "text": "时钟超前的版本",
                                      "updated_at": datetime(2099, 5, 1, tzinfo=UTC)}))
        other_uow.commit()
    summary = import_visit(uow, export_visit(other_uow, sample_visit_id))
    assert notes.get_note(uow, note_id).text == "本机改的"
    assert [c.record_id for c in summary.conflicts] == [note_id]


def test_an_old_document_without_history_adds_and_shows_differences_as_conflicts(
        uow, sample_visit_id):
    note_id, other_id = note_ids(uow, sample_visit_id)[:2]
    notes.update_note(uow, note_id, text="本机改的")
    notes.delete_note(uow, other_id)
    old = reference_document()  # format version 1: no history, no tombstones
    assert old["version"] == 1
    extra = copy.deepcopy(old["notes"][-1])
    extra["id"], extra["text"] = "a1c0ffee-0000-4000-8000-000000000001", "文件里新增的记录"
    old["notes"].append(extra)
    old["key_figures"][0]["value"], old["key_figures"][0]["updated_at"] = \
        "7000", "2099-01-01T00:00:00Z"
    summary = import_visit(uow, old)
    assert summary.added == {"notes": 1}
    assert notes.get_note(uow, note_id).text == "本机改的"  # known version: kept
    assert summary.kept_local.get("notes") == 2  # the edited one and the deleted one
    with uow:
        assert uow.notes.find(other_id) is None  # deleted here stays deleted
        assert uow.figures.get(_first_figure_id(old)).value != "7000"
    kinds = sorted((c.record_type, c.kind) for c in summary.conflicts)
    assert kinds == [("key_figures", "edit")]
    assert len(list_conflicts(uow, sample_visit_id)) == 1


def _first_figure_id(document: dict):
    from uuid import UUID

    return UUID(document["key_figures"][0]["id"])


def test_loading_the_sample_again_after_editing_it_keeps_the_edit_quietly(uow,
                                                                          sample_visit_id):
    note_id = note_ids(uow, sample_visit_id)[0]
    notes.update_note(uow, note_id, text="改过的样例")
    summary = load_reference_visit(uow)
    assert not summary.changed_anything and not summary.conflicts
    assert notes.get_note(uow, note_id).text == "改过的样例"


def test_a_document_carries_deletions_like_a_package(uow, other_uow, sample_visit_id):
    import_visit(other_uow, export_visit(uow, sample_visit_id, exchange=True))
    note_id = note_ids(uow, sample_visit_id)[0]
    notes.delete_note(uow, note_id)
    document = export_visit(uow, sample_visit_id, exchange=True)
    assert [t["id"] for t in document["tombstones"]] == [str(note_id)]
    assert import_visit(other_uow, json.loads(json.dumps(document))).deleted == {"notes": 1}
    with other_uow:
        assert other_uow.notes.find(note_id) is None


def test_cli_import_reports_conflicts_and_kept_records(run_cli, uow, sample_visit_id,
                                                       tmp_path):
    target = tmp_path / "visit.json"
    assert run_cli("export", str(sample_visit_id), "-o", str(target))[0] == 0
    first, second = note_ids(uow, sample_visit_id)[:2]
    notes.update_note(uow, first, text="本机改的")
    notes.update_note(uow, second, text="本机也改了")
    document = json.loads(target.read_text(encoding="utf-8"))
    document_note(document, second)["text"] = "文件里改的"
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    status, out, _err = run_cli("import", str(target))
    assert status == 0
    assert "kept (changed here since): 1 notes" in out
    assert "in conflict: 1" in out and "fieldvisit conflicts" in out
    assert notes.get_note(uow, second).text == "本机也改了"


def test_a_document_may_not_delete_or_revive_records_of_another_visit(uow, sample_visit_id):
    import pytest

    from fieldvisit.domain.errors import DocumentError
    from fieldvisit.services import visits

    other = visits.create_visit(uow, "另一次调研")
    foreign = notes.add_note(uow, other.id, "别的调研的记录")
    from fieldvisit.services import directory

    stranger = directory.create_person(uow, "不在文件里的人")
    note_id = note_ids(uow, sample_visit_id)[0]
    document = export_visit(uow, sample_visit_id)
    tombstone = {"id": str(foreign.id), "kind": "notes", "deleted_at": "2023-05-25T12:00:00Z",
                 "content_hash": "a" * 64, "deletion": "b" * 64}
    for mutate, path in (
            (lambda d: d["tombstones"].append(tombstone), "$.tombstones[0].id"),
            (lambda d: d["tombstones"].append({**tombstone, "id": str(stranger.id)}),
             "$.tombstones[0].kind")):
        bad = copy.deepcopy(document)
        mutate(bad)
        with pytest.raises(DocumentError) as raised:
            import_visit(uow, bad)
        assert raised.value.path == path
    notes.delete_note(uow, foreign.id)  # a tombstone of the other visit
    bad = copy.deepcopy(document)
    bad["notes"][0]["id"] = str(foreign.id)
    bad["history"][str(foreign.id)] = bad["history"].pop(str(note_id))
    with pytest.raises(DocumentError, match="another visit") as raised:
        import_visit(uow, bad)
    assert raised.value.path == "$.notes[0].id"
    with uow:
        assert uow.tombstones.find(foreign.id).visit_id == other.id
