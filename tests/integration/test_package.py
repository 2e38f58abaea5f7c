"""Visit packages between two laptops: pack, unpack, merge both ways, conflicts, photos, CLI."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PIL import Image

from fieldvisit.cli import main
from fieldvisit.domain.entities import Note, utc_now
from fieldvisit.persistence.db import Database
from fieldvisit.services.package import pack_visit, unpack_visit
from fieldvisit.services.package_merge import list_conflicts, resolve_conflict
from fieldvisit.services.photos import import_photo, photo_files
from fieldvisit.services.sample import load_reference_visit


class Laptop:
    def __init__(self, database: Database, root: Path) -> None:
        self.database = database
        self.root = root
        self.where = ["--database-url", database.url]
        """Where the command line finds this laptop's database."""

    def uow(self):
        return self.database.unit_of_work()

    def pack(self, visit_id, target: Path):
        return pack_visit(self.uow(), self.root, visit_id, target)

    def unpack(self, source: Path):
        return unpack_visit(self.uow(), self.root, source)

    def notes(self, visit_id) -> list[Note]:
        with self.uow() as uow:
            return uow.notes.all(order_by=("position",), visit_id=visit_id)

    def note(self, note_id) -> Note:
        with self.uow() as uow:
            return uow.notes.get(note_id)

    def edit_note(self, note_id, text: str) -> None:
        with self.uow() as uow:
            note = uow.notes.get(note_id)
            uow.notes.put(dataclasses.replace(note, text=text, updated_at=utc_now()))
            uow.commit()

    def add_note(self, visit_id, text: str) -> Note:
        note = Note(visit_id=visit_id, text=text, position=14)  # the next free number
        with self.uow() as uow:
            uow.notes.put(note)
            uow.commit()
        return note


@pytest.fixture
def laptops(make_database, tmp_path):
    """Two laptops, each with its own database and photo folder."""
    return tuple(Laptop(make_database(f"{name}.sqlite3"), tmp_path / f"{name}-photos")
                 for name in "ab")


def total(counts: dict[str, int]) -> int:
    return sum(counts.values())


def test_two_laptops_diverge_and_merge_both_ways(laptops, tmp_path):
    a, b = laptops
    visit_id = load_reference_visit(a.uow()).visit_id
    package = tmp_path / "visit.fieldvisit"

    a.pack(visit_id, package)
    first = b.unpack(package)
    assert total(first.added) == 61 and first.added["notes"] == 13
    assert not first.updated and not first.conflicts
    again = b.unpack(package)
    assert not again.changed_anything and not again.conflicts and total(again.unchanged) == 61

    one, two, three = (n.id for n in a.notes(visit_id)[:3])
    b.edit_note(one, "B 改了第一条记录")
    a.edit_note(two, "A 改了第二条记录")
    new = b.add_note(visit_id, "B 新增的记录")

    b.pack(visit_id, package)
    into_a = a.unpack(package)
    assert into_a.added == {"notes": 1}
    assert into_a.updated == {"notes": 1}
    assert into_a.kept_local == {"notes": 1}
    assert not into_a.conflicts
    assert a.note(one).text == "B 改了第一条记录"
    assert a.note(two).text == "A 改了第二条记录"
    assert a.note(new.id).text == "B 新增的记录"

    a.pack(visit_id, package)
    into_b = b.unpack(package)
    assert into_b.updated == {"notes": 1} and not into_b.added and not into_b.conflicts
    assert b.note(two).text == "A 改了第二条记录"
    assert [n.text for n in a.notes(visit_id)] == [n.text for n in b.notes(visit_id)]

    # both edit note 3: a conflict in both directions, the local version kept
    a.edit_note(three, "A 的版本")
    b.edit_note(three, "B 的版本")
    a_package, b_package = tmp_path / "a.fieldvisit", tmp_path / "b.fieldvisit"
    a.pack(visit_id, a_package)
    b.pack(visit_id, b_package)
    in_a = a.unpack(b_package)
    in_b = b.unpack(a_package)
    for summary, mine, theirs in ((in_a, "A 的版本", "B 的版本"), (in_b, "B 的版本", "A 的版本")):
        assert not summary.updated and not summary.added
        [conflict] = summary.conflicts
        assert (conflict.record_type, conflict.record_id) == ("notes", three)
        assert (conflict.mine, conflict.theirs) == (mine, theirs)
        assert mine[:5] in conflict.label
    assert a.note(three).text == "A 的版本" and b.note(three).text == "B 的版本"

    # importing again does not duplicate the conflict
    assert [c.id for c in a.unpack(b_package).conflicts] == [in_a.conflicts[0].id]
    assert len(list_conflicts(a.uow())) == 1

    # A takes theirs, B keeps its own (the same text): the conflict is gone on both sides
    resolve_conflict(a.uow(), in_a.conflicts[0].id, take_incoming=True)
    resolve_conflict(b.uow(), in_b.conflicts[0].id, take_incoming=False)
    assert a.note(three).text == "B 的版本" == b.note(three).text
    assert list_conflicts(a.uow()) == [] == list_conflicts(b.uow(), visit_id)
    assert len(list_conflicts(a.uow(), include_resolved=True)) == 1
    for laptop, source in ((a, b_package), (b, a_package)):
        repeat = laptop.unpack(source)
        assert not repeat.changed_anything and not repeat.conflicts
    assert a.note(three).text == "B 的版本" == b.note(three).text


def test_keeping_mine_wins_the_next_exchange(laptops, tmp_path):
    a, b = laptops
    visit_id = load_reference_visit(a.uow()).visit_id
    package = tmp_path / "visit.fieldvisit"
    a.pack(visit_id, package)
    b.unpack(package)
    note_id = a.notes(visit_id)[0].id
    a.edit_note(note_id, "A 的版本")
    b.edit_note(note_id, "B 的版本")
    b.pack(visit_id, package)
    [conflict] = a.unpack(package).conflicts
    resolve_conflict(a.uow(), conflict.id, take_incoming=False)
    assert a.note(note_id).text == "A 的版本"
    a.pack(visit_id, package)
    assert b.unpack(package).updated == {"notes": 1}  # A saw B's version and chose its own
    assert b.note(note_id).text == "A 的版本"


def test_an_edit_packed_but_never_received_is_not_overwritten(laptops, tmp_path):
    a, b = laptops
    visit_id = load_reference_visit(a.uow()).visit_id
    package = tmp_path / "visit.fieldvisit"
    a.pack(visit_id, package)
    b.unpack(package)
    note_id = a.notes(visit_id)[0].id
    a.edit_note(note_id, "A 的版本")
    a.pack(visit_id, tmp_path / "lost.fieldvisit")  # B never gets this one
    b.edit_note(note_id, "B 的版本")
    b.pack(visit_id, package)
    summary = a.unpack(package)
    assert len(summary.conflicts) == 1 and a.note(note_id).text == "A 的版本"


def make_jpeg(path: Path) -> Path:
    Image.new("RGB", (320, 240), (200, 30, 30)).save(path, "JPEG")
    return path


def test_photos_travel_with_the_package(laptops, tmp_path):
    a, b = laptops
    visit_id = load_reference_visit(a.uow()).visit_id
    photo = import_photo(a.uow(), a.root, visit_id, make_jpeg(tmp_path / "p.jpg"), "座谈").photo
    package = tmp_path / "visit.fieldvisit"
    result = a.pack(visit_id, package)
    assert result.photos == 2
    summary = b.unpack(package)
    assert summary.added["photos"] == 1 and summary.photo_files == 2
    for mine, theirs in zip(photo_files(a.root, photo), photo_files(b.root, photo),
                            strict=True):
        assert theirs.read_bytes() == mine.read_bytes()
    assert not [p for p in b.root.rglob("*") if p.name.endswith(".part")]
    assert b.unpack(package).photo_files == 0


def test_pack_unpack_and_conflicts_from_the_command_line(laptops, tmp_path, capsys):
    a, b = laptops
    visit_id = load_reference_visit(a.uow()).visit_id
    package = tmp_path / "visit.fieldvisit"
    assert main([*a.where, "pack", str(visit_id), "-o", str(package)]) == 0
    assert main([*b.where, "unpack", str(package)]) == 0
    out = capsys.readouterr().out
    assert "added:" in out and "13 notes" in out
    assert main([*b.where, "unpack", str(package)]) == 0
    assert "nothing changed" in capsys.readouterr().out

    note_id = a.notes(visit_id)[0].id
    a.edit_note(note_id, "A 的版本")
    b.edit_note(note_id, "B 的版本")
    assert main([*b.where, "pack", "市委主题教育", "-o", str(package)]) == 0
    assert main([*a.where, "unpack", str(package)]) == 0
    out = capsys.readouterr().out
    assert "in conflict: 1" in out
    assert main([*a.where, "conflicts"]) == 0
    listing = capsys.readouterr().out
    assert "mine:   A 的版本" in listing and "theirs: B 的版本" in listing
    conflict_id = listing.split()[0]
    assert main([*a.where, "conflicts", "--resolve", conflict_id]) == 2
    assert "--mine or --theirs" in capsys.readouterr().err
    assert main([*a.where, "conflicts", "--resolve", conflict_id, "--theirs"]) == 0
    assert "took theirs" in capsys.readouterr().out
    assert a.note(note_id).text == "B 的版本"
    assert main([*a.where, "conflicts"]) == 0
    assert "no conflicts" in capsys.readouterr().out
    assert main([*a.where, "unpack", str(tmp_path / "missing.fieldvisit")]) == 2
    assert "missing.fieldvisit" in capsys.readouterr().err
