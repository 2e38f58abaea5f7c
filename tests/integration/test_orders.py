"""Orders and matches that must not depend on the database: the same on SQLite and on a
PostgreSQL server whatever its collation (the test databases sort as Chinese does)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fieldvisit.domain.errors import AmbiguousReferenceError
from fieldvisit.services import directory, itinerary, note_taking, notes, visits
from fieldvisit.services.name_search import collation_key

NAMES = ["张三", "Zhou", "阿里", "abc", "ABD", "中心", "Ärzte", "安徽", "1号站", "北京"]


def test_names_are_listed_in_character_order(uow):
    """Pinyin order (``name_search.collation_key``), the same on every database: not the
    server's collation."""
    for name in NAMES:
        directory.create_organization(uow, name)
        directory.create_person(uow, name)
        itinerary.create_site(uow, name)
    for listed in (directory.list_organizations(uow), directory.list_people(uow),
                   itinerary.list_sites(uow)):
        assert [record.name for record in listed] == sorted(NAMES, key=collation_key)


def test_themes_of_equal_use_are_in_character_order(uow):
    visit = visits.create_visit(uow, "主题")
    for tags in (("驿站", "Rest", "安全"), ("驿站", "rest"), ("安全", "北京")):
        notes.add_note(uow, visit.id, "记录", tags=tags)
    assert note_taking.tags_in_use(uow) == ["安全", "驿站", "Rest", "rest", "北京"]


def test_follow_ups_without_a_due_date_come_first(uow):
    visit = visits.create_visit(uow, "跟进")
    later = notes.add_follow_up(uow, visit.id, "后来", due_date=date(2024, 6, 1))
    undated = notes.add_follow_up(uow, visit.id, "没有日期")
    sooner = notes.add_follow_up(uow, visit.id, "先做", due_date=date(2024, 5, 1))
    assert notes.list_follow_ups(uow, visit.id) == [undated, sooner, later]


def test_photos_without_a_time_come_first(uow):
    visit = visits.create_visit(uow, "照片")
    later = notes.add_photo(uow, visit.id, "b.jpg", taken_at=datetime(2024, 5, 1, 15, 0))
    untimed = notes.add_photo(uow, visit.id, "c.jpg")
    sooner = notes.add_photo(uow, visit.id, "a.jpg", taken_at=datetime(2024, 5, 1, 9, 0))
    assert notes.list_photos(uow, visit.id) == [untimed, sooner, later]


def test_a_title_prefix_ignores_case_and_lists_matches_in_order(uow):
    survey = visits.create_visit(uow, "Rider survey")
    assert visits.resolve_visit(uow, "rider") == survey
    assert visits.resolve_visit(uow, "RIDER S") == survey
    visits.create_visit(uow, "Ärzte im Bezirk")
    assert visits.resolve_visit(uow, "ärzte").title == "Ärzte im Bezirk"
    visits.create_visit(uow, "rider interviews")
    with pytest.raises(AmbiguousReferenceError) as raised:
        visits.resolve_visit(uow, "RIDER")
    assert "2 visits: Rider survey (" in str(raised.value)
    assert str(raised.value).index("Rider survey") < str(raised.value).index("rider interviews")
    assert visits.resolve_visit(uow, "rider s") == survey
