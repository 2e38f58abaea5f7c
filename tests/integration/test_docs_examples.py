"""Every example in docs/visit-format.md is run: the worked example is imported and its stated
times and figure checked; the import output shown is what a second import of the sample
prints; and each message of the list of faulty-document messages is produced, word for word,
by importing a document with that fault. A change that makes the documentation wrong fails."""

from __future__ import annotations

import copy
import json
import re
import uuid
from pathlib import Path
from typing import Any, Callable

import pytest

from fieldvisit.services import notes
from fieldvisit.services.itinerary_view import itinerary as itinerary_view
from fieldvisit.services.report_writing import writing_id
from fieldvisit.services.sample import reference_document

DOCS = Path(__file__).resolve().parents[2] / "docs" / "visit-format.md"


def _blocks(language: str) -> list[tuple[str, str]]:
    """(the paragraph before it, the block's text) of every fenced block in ``language``."""
    text = DOCS.read_text(encoding="utf-8")
    found = []
    for match in re.finditer(rf"```{language}\n(.*?)```", text, re.S):
        before = text[:match.start()].rstrip().rsplit("\n\n", 1)[-1]
        after = text[match.end():].lstrip().split("\n\n", 1)[0]
        found.append((before + "\n" + after, match.group(1)))
    return found


def _worked_example() -> tuple[dict[str, Any], str]:
    for context, block in _blocks("json"):
        if block.lstrip().startswith('{\n  "format"'):
            return json.loads(block), context
    raise AssertionError("the worked example is missing from the documentation")


def test_the_worked_example_imports_with_the_times_the_text_states(run_cli, uow, tmp_path):
    document, context = _worked_example()
    path = tmp_path / "excerpt.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    status, _out, err = run_cli("import", str(path))
    assert status == 0, err
    stated = re.search(r"planned from (\d\d:\d\d) to (\d\d:\d\d) on (\d+) May (\d{4})", context)
    assert stated, "the sentence after the example states the stop's times"
    line = itinerary_view(uow, uuid.UUID(document["visit"]["id"])).lines[0]
    assert f"{line.timed.arrival:%H:%M}" == stated.group(1)
    assert f"{line.timed.departure:%H:%M}" == stated.group(2)
    assert (line.timed.arrival.day, line.timed.arrival.year) == (int(stated.group(3)),
                                                                 int(stated.group(4)))
    figure = notes.list_figures(uow, uuid.UUID(document["visit"]["id"]))[0]
    assert "more than 6000 人次" in context and figure.value == "6000" and figure.unit == "人次"
    assert figure.qualifier.value == "more_than" and figure.note_id is not None
    exported = tmp_path / "again.json"
    assert run_cli("export", document["visit"]["id"], "-o", str(exported))[0] == 0
    again = json.loads(exported.read_text(encoding="utf-8"))
    for section in ("organizations", "people", "sites", "delegation", "stops", "notes",
                    "key_figures"):
        assert [r["id"] for r in again[section]] == [r["id"] for r in document[section]]
        for written, given in zip(again[section], document[section], strict=True):
            number = {"delegation": "protocol_order", "notes": "position"}.get(section)
            if number:  # each list is numbered from 1, as the text says
                assert written[number] == 1 and "numbered from 1" in context
            same = {k for k in given if k not in (number, "updated_at" if number else None)}
            assert {k: written[k] for k in same} == {k: given[k] for k in same}, section


def test_the_import_output_shown_is_what_a_second_import_prints(run_cli, sample_visit_id,
                                                                tmp_path):
    shown = next(block for context, block in _blocks("text")
                 if "second\nimport of the sample" in context or "on a second" in context)
    path = tmp_path / "sample.json"
    assert run_cli("export", str(sample_visit_id), "-o", str(path))[0] == 0
    status, out, err = run_cli("import", str(path))
    assert status == 0, err
    assert out == shown


# -- the faulty-document messages ---------------------------------------------------------------

def _document(version: int = 1) -> dict[str, Any]:
    document = copy.deepcopy(reference_document())
    if version >= 2:
        document.update(version=version, tombstones=[], history={})
    if version >= 3:
        document["report_writing"] = []
    return document


def _writing(document: dict[str, Any], **fields: Any) -> dict[str, Any]:
    visit_id = document["visit"]["id"]
    return {"id": str(writing_id(uuid.UUID(visit_id))), "created_at": "2023-05-26T08:00:00Z",
            "updated_at": "2023-05-26T08:00:00Z", "visit_id": visit_id, **fields}


def _writings(*entries: dict[str, Any]) -> Callable[[], str]:
    def make() -> str:
        document = _document(3)
        document["report_writing"] = [{**_writing(document), **entry} for entry in entries]
        return _text(document)
    return make


def _text(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1)


def _photo(document: dict[str, Any], file_name: str) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "created_at": "2023-05-25T12:00:00Z",
            "updated_at": "2023-05-25T12:00:00Z", "visit_id": document["visit"]["id"],
            "file_name": file_name}


def _tombstone(**fields: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "kind": "notes", "deleted_at": "2023-05-26T08:00:00Z",
            "content_hash": "a" * 64, "deletion": "b" * 64, **fields}


def _set(path: str, value: Any, version: int = 1) -> Callable[[], str]:
    """A document whose field at ``path`` (dotted, with [n]) is ``value`` (``...``: left out)."""
    def make() -> str:
        document = _document(version)
        keys = [int(k) if k.isdigit() else k for k in re.findall(r"[^.\[\]]+", path)]
        target = document
        for key in keys[:-1]:
            target = target[key]
        if value is ...:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value
        return _text(document)
    return make


def _raw(make: Callable[[str], str]) -> Callable[[], str]:
    return lambda: make(_text(_document()))


def _another_visit_with_a_sample_note() -> str:
    document = _document()
    visit_id = str(uuid.uuid4())
    document["visit"].update(id=visit_id, title="另一次调研")
    note = dict(document["notes"][0], visit_id=visit_id, stop_id=None)
    for section in ("participations", "delegation", "stops", "absences", "key_figures",
                    "follow_ups", "photos"):
        document[section] = []
    document["notes"] = [note]
    return _text(document)


def _history(document_id: str) -> Callable[[], str]:
    def make() -> str:
        document = _document(2)
        document["history"] = {document_id: {"c" * 64: 1}}
        return _text(document)
    return make


def _first_note_position(text: str, number: str) -> str:
    head, notes_on = text.split('"notes": [', 1)
    return head + '"notes": [' + re.sub(r'"position": \d+', f'"position": {number}', notes_on,
                                     count=1)


def _stops_notes(document: dict[str, Any]) -> dict[str, Any]:
    document["notes"][1]["stop_id"] = "00000000-0000-4000-8000-000000000001"
    return document


FAULTS: dict[str, Callable[[], str]] = {
    "$: not valid JSON": lambda: '{"format": "fieldvisit-visit",}',
    "$.format:": _set("format", ...),
    "$.version:": _set("version", 4),
    "$.notes[3].kind:": _set("notes[3].kind", "remark"),
    "$.people[0].name:": _set("people[0].name", ...),
    "$.visit.created_at:": _set("visit.created_at", "2023-05-25T12:00:00"),
    "$.visit.timezone:": _set("visit.timezone", "Beijing"),
    "$.stops[0].fixed_arrival: planned": _set("stops[0].fixed_arrival",
                                              "2023-05-25T09:30:00+08:00"),
    "$.stops[0].dwell_minutes:": _set("stops[0].dwell_minutes", -5),
    "$.stops[2].dwell_minutes:": _set("stops[2].dwell_minutes", 5000),
    "$.stops[0].fixed_arrival: fixed_arrival": _set("stops[0].fixed_arrival",
                                                    "1800-01-01T09:00"),
    "$.visit.travel.detour_factor:": _raw(lambda t: re.sub(
        r'"detour_factor": [0-9.]+', '"detour_factor": Infinity', t)),
    "$.visit.title:": _raw(lambda t: t.replace('"title": ', '"title": "重复", "title": ', 1)),
    "$.notes[0].position:": _raw(lambda t: _first_note_position(t, "9" * 40)),
    "$: nested": lambda: "[" * 40 + "]" * 40,
    "$.sites[0].opening_hours:": _set("sites[0].opening_hours", ["09:00-17:00"] * 6),
    "$.key_figures[0].value:": _set("key_figures[0].value", 6000),
    "$.photos[0].file_name:": lambda: _text(
        {**(d := _document()), "photos": [_photo(d, "/etc/x.jpg")]}),
    "$.people[1].id:": _set("people[1].id", "50339e64-245c-4c53-8ba3-2313ae3c1d87"),
    "$.notes[1].stop_id:": lambda: _text(_stops_notes(_document())),
    "$.stops[0].site_id:": _set("stops[0].site_id", "975fff2b-bd23-419d-9f2e-96d8f03248b4"),
    "$.notes[0].id:": _another_visit_with_a_sample_note,
    "$.tombstones[0].kind:": lambda: _text({**_document(2), "tombstones": [
        _tombstone(kind="visit")]}),
    "$.tombstones[0].content_hash:": lambda: _text({**_document(2), "tombstones": [
        _tombstone(content_hash="XYZ")]}),
    "$.history.": _history("00000000-0000-4000-8000-00000000abcd"),
    "$.report_writing[1]:": _writings({"lead": "甲"}, {"lead": "乙"}),
    "$.report_writing[0].id:": _writings({"id": str(uuid.uuid4())}),
    "$.report_writing[0].signed_on:": _writings({"signed_on": "1800-01-01"}),
}


def _messages() -> list[str]:
    listed = next(block for context, block in _blocks("text")
                  if "Messages FieldVisit gives for faulty documents" in context)
    return listed.splitlines()


def _fault_for(message: str) -> str:
    keys = [key for key in FAULTS if message.startswith(key)]
    assert keys, f"no faulty document makes the documented message {message!r}"
    return max(keys, key=len)


@pytest.mark.parametrize("message", _messages())
def test_each_documented_message_is_what_import_says(message, run_cli, sample_visit_id,
                                                     tmp_path):
    path = tmp_path / "faulty.json"
    if "larger than" in message:
        limit = int(re.search(r"larger than (\d+) bytes", message).group(1))
        with path.open("wb") as file:
            file.truncate(limit + 1)  # sparse: nothing is written
    else:
        path.write_text(FAULTS[_fault_for(message)](), encoding="utf-8")
    status, out, err = run_cli("import", str(path))
    assert status == 2 and out == ""
    assert err.strip().removeprefix("fieldvisit: ") == message
