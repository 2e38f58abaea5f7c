"""Values no database stores the same way — a NUL character or a lone surrogate in text, an
infinite or undefined number, a whole number beyond 32 bits — are refused by the records
themselves, naming the field; values an older FieldVisit stored anyway are repaired when read."""

from __future__ import annotations

import dataclasses
import math
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldvisit.domain import entities as e
from fieldvisit.domain import limits
from fieldvisit.domain.errors import DocumentError, ValidationError
from fieldvisit.domain.plain import field_types, from_plain, row_loader, to_plain
from fieldvisit.domain.timeline import TravelSettings

REQUIRED = {
    e.Organization: {"name": "市总工会"}, e.Person: {"name": "潘建新"}, e.Visit: {"title": "调研"},
    e.DelegationMember: {"visit_id": uuid4(), "person_id": uuid4()},
    e.Participation: {"visit_id": uuid4(), "organization_id": uuid4()},
    e.Absence: {"visit_id": uuid4(), "member_id": uuid4(), "stop_id": uuid4()},
    e.Site: {"name": "驿站"}, e.Stop: {"visit_id": uuid4(), "site_id": uuid4()},
    e.Note: {"visit_id": uuid4(), "text": "记录"},
    e.KeyFigure: {"visit_id": uuid4(), "label": "面积", "value": "800"},
    e.FollowUp: {"visit_id": uuid4(), "action": "跟进"},
    e.Photo: {"visit_id": uuid4(), "file_name": "a.jpg"},
    e.SiteFact: {"label": "面积", "value": "800"}, TravelSettings: {},
}
CLASSES = [*e.ALL_RECORD_TYPES, e.SiteFact, TravelSettings]


TEXTS = [(cls, name) for cls in CLASSES for name, hint in field_types(cls).items()
         if hint is str or hint == str | None]
LISTS = [(cls, name) for cls in CLASSES for name, hint in field_types(cls).items()
         if hint == tuple[str, ...]]
NUMBERS = [(cls, name) for cls in CLASSES for name, hint in field_types(cls).items()
           if hint is float or hint == float | None]
WHOLES = [(cls, name) for cls in CLASSES for name, hint in field_types(cls).items()
          if hint is int or hint == int | None]


def test_every_record_type_and_field_is_covered():
    assert set(REQUIRED) == set(CLASSES)
    assert {cls for cls, _ in TEXTS} == set(CLASSES) - {
        e.DelegationMember, e.Participation, e.Absence, TravelSettings}
    assert len(LISTS) == 2 and len(NUMBERS) == 7 and len(WHOLES) == 7


def make(cls: type, **values):
    return cls(**{**REQUIRED[cls], **values})


def ids(case) -> str:
    return f"{case[0].__name__}.{case[1]}"


@pytest.mark.parametrize("case", TEXTS, ids=ids)
@pytest.mark.parametrize(("bad", "words"), [
    ("a\x00b", "must not contain the NUL character (U+0000)"),
    ("\x00", "must not contain the NUL character (U+0000)"),
    ("a\ud800b", "contains U+D800, half of a surrogate pair, which is not a character"),
    ("\udfff 尾", "contains U+DFFF, half of a surrogate pair, which is not a character")])
def test_text_that_cannot_be_stored_is_refused_naming_the_field(case, bad, words):
    cls, name = case
    with pytest.raises(ValidationError) as raised:
        make(cls, **{name: bad})
    assert raised.value.field == name
    assert str(raised.value) == f"{name} {words}"


@pytest.mark.parametrize("case", LISTS, ids=ids)
def test_an_item_of_a_list_of_texts_is_named_by_its_index(case):
    cls, name = case
    good = ("09:00-18:00",) * 7 if name == "opening_hours" else ("驿站", "需求")
    assert getattr(make(cls, **{name: good}), name) == good
    with pytest.raises(ValidationError) as raised:
        make(cls, **{name: (good[0], "需\x00求")})
    assert raised.value.field == f"{name}[1]"
    assert str(raised.value) == f"{name} must not contain the NUL character (U+0000)"


@pytest.mark.parametrize("case", NUMBERS, ids=ids)
@pytest.mark.parametrize("bad", [math.inf, -math.inf, math.nan])
def test_numbers_must_be_finite(case, bad):
    cls, name = case
    other = {"latitude": {"longitude": 116.4}, "longitude": {"latitude": 39.9}}.get(name, {})
    with pytest.raises(ValidationError) as raised:
        make(cls, **{name: bad}, **other)
    assert raised.value.field == name
    assert str(raised.value) == f"{name} must be a finite number, not {bad}"


@pytest.mark.parametrize("case", WHOLES, ids=ids)
def test_whole_numbers_must_fit_in_32_bits(case):
    cls, name = case
    largest = limits.RANGES[name][1]  # each field's own range is smaller (issue 13)
    assert getattr(make(cls, **{name: largest}), name) == largest
    for bad in (2**31, 2**63, -2**31 - 1):
        with pytest.raises(ValidationError) as raised:
            make(cls, **{name: bad})
        assert raised.value.field == name
        assert str(raised.value) == f"{name} must be between -2147483648 and 2147483647"


def test_a_document_names_the_json_path_of_the_value():
    visit = to_plain(e.Visit(title="调研"))
    visit["travel"]["car_kmh"] = math.inf
    with pytest.raises(DocumentError) as raised:
        from_plain(e.Visit, visit)
    assert str(raised.value) == "$.travel.car_kmh: car_kmh must be a finite number, not inf"
    site = to_plain(e.Site(name="驿站"))
    site["facts"] = [{"label": "面积", "value": "800"}, {"label": "人\u0000次", "value": "6000"}]
    with pytest.raises(DocumentError) as raised:
        from_plain(e.Site, site, "$.sites[0]")
    assert raised.value.path == "$.sites[0].facts[1].label"
    note = to_plain(e.Note(visit_id=uuid4(), text="记录"))
    note["tags"] = ["需求", "\ud83d"]
    with pytest.raises(DocumentError) as raised:
        from_plain(e.Note, note, "$.notes[3]")
    assert raised.value.path == "$.notes[3].tags[1]"


def test_a_whole_pair_of_surrogates_is_one_character_and_fine():
    """"\\ud83d\\ude00" in JSON is 😀: Python reads it as one character."""
    assert make(e.Note, text="\U0001F600").text == "😀"


@given(st.tuples(st.text(st.characters(exclude_categories=())),
                 st.sampled_from(["", "\x00", "\ud800", "\udbff\udbff"]),
                 st.text()).map("".join))
def test_any_text_is_accepted_or_refused_for_what_it_contains(text):
    unstorable = any(c == "\x00" or "\ud800" <= c <= "\udfff" for c in text)
    try:
        make(e.Person, name="名", notes=text)
    except ValidationError as error:
        assert unstorable and error.field == "notes"
    else:
        assert not unstorable


# -- what an older FieldVisit stored (SQLite kept it) opens, repaired ---------------------------
def as_stored(record) -> dict:
    """The values of ``record`` as a database returns them (JSON columns as plain values)."""
    return {f.name: to_plain(value) if isinstance(value, (tuple, TravelSettings)) else value
            for f in dataclasses.fields(record) for value in [getattr(record, f.name)]}


def test_stored_values_are_repaired_when_read():
    stored = as_stored(e.Note(visit_id=uuid4(), text="记录"))
    stored.update(text="骑手\x00驿站", speaker="\x00", tags=["需\x00求"], position=2**40)
    note = row_loader(e.Note)(stored)
    assert (note.text, note.speaker, note.tags, note.position) == \
        ("骑手\ufffd驿站", "\ufffd", ("需\ufffd求",), 0)  # beyond its range: the default
    visit = as_stored(e.Visit(title="调研"))
    visit["travel"] = {**visit["travel"], "car_kmh": math.inf, "walk_kmh": 5.0}
    assert row_loader(e.Visit)(visit).travel == TravelSettings(walk_kmh=5.0)
    assert dataclasses.replace(note, text="改过").text == "改过"  # storable again
