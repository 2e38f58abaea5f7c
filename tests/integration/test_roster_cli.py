"""``fieldvisit roster``: the delegation of the reference visit in protocol order, grouped by
organization, as text or CSV."""

from __future__ import annotations

import csv
import io

import pytest

from fieldvisit.persistence.db import open_database
from fieldvisit.services import directory
from fieldvisit.services.visits import create_visit

ROWS = [
    ("冯建国", "市委主题教育第六巡回指导组副组长", "市委主题教育第六巡回指导组", "Leader"),
    ("潘建新", "市总工会党组书记、副主席", "北京市总工会", "Member"),
    ("钟棉棉", "团市委副书记", "共青团北京市委", "Member"),
    ("韦江", "市妇联党组书记、副主席", "北京市妇女联合会", "Member"),
    ("温宇", "市委主题教育办公室联络组第一分组副组长", "市委主题教育办公室", "Liaison"),
    ("刘欣欣", "记者", "本报", "Press"),
    ("朝阳区有关负责同志", "陪同调研", "朝阳区有关部门", "Accompanying official"),
]


def on_database(url, change):
    """Run ``change(uow)`` on the test database between two commands."""
    database = open_database(url)
    try:
        return change(database.unit_of_work())
    finally:
        database.dispose()


@pytest.fixture
def sample_id(run_cli) -> str:
    status, out, err = run_cli("sample")
    assert status == 0, err
    return out.strip()


def test_roster_prints_the_delegation_in_protocol_order_by_organization(run_cli, sample_id):
    status, out, err = run_cli("roster", sample_id)
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "市委主题教育第六巡回指导组、市总工会、团市委、市妇联赴朝阳区联合调研"
    assert lines.count("Delegation") == 1 and lines.count("Accompanying") == 1
    assert lines.index("Delegation") < lines.index("Accompanying")

    def where(text: str) -> int:
        (index,) = [i for i, line in enumerate(lines) if text in line]
        return index

    names = [where(name) for name, *_ in ROWS]
    assert names == sorted(names)  # 冯建国 before 潘建新 before ... the accompanying official
    assert where("冯建国") > lines.index("Delegation")
    assert where("朝阳区有关负责同志") > lines.index("Accompanying") > where("刘欣欣")
    for name, title, organization, role in ROWS:
        line = lines[where(name)]
        assert title in line and f"({role})" in line
        # the organization heading comes right before its (only) member here
        assert lines[where(name) - 1].strip() == organization
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_roster_accepts_a_title_prefix(run_cli, sample_id):
    by_id = run_cli("roster", sample_id)
    by_title = run_cli("roster", "市委主题教育第六巡回指导组、市总工会")
    assert by_title == by_id


def test_roster_csv(run_cli, sample_id):
    status, out, err = run_cli("roster", sample_id, "--csv")
    assert status == 0 and err == ""
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["name", "title", "organization", "role"]
    assert len(rows[1:]) == 7
    assert rows[1] == ["冯建国", "市委主题教育第六巡回指导组副组长", "市委主题教育第六巡回指导组",
                       "Leader"]
    assert rows[-1] == ["朝阳区有关负责同志", "陪同调研", "朝阳区有关部门", "Accompanying official"]
    assert [tuple(row) for row in rows[1:]] == ROWS


def test_roster_csv_quotes_commas_in_titles(run_cli, sample_id, database_url):
    def retitle(uow):
        (pan,) = [p for p in directory.list_people(uow) if p.name == "潘建新"]
        directory.update_person(uow, pan.id, title='党组书记, "副主席"')

    on_database(database_url, retitle)
    status, out, _ = run_cli("roster", sample_id, "--csv")
    assert status == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[2] == ["潘建新", '党组书记, "副主席"', "北京市总工会", "Member"]


@pytest.mark.parametrize("extra", [(), ("--csv",)])
def test_roster_of_an_unknown_visit_is_a_user_error(run_cli, sample_id, extra):
    status, out, err = run_cli("roster", "no such visit", *extra)
    assert status == 2
    assert out == ""
    assert err.startswith("fieldvisit: ") and "no such visit" in err
    assert "Traceback" not in err


def test_roster_of_a_visit_without_delegation(run_cli, database_url):
    visit = on_database(database_url, lambda uow: create_visit(uow, "空调研"))
    assert run_cli("roster", str(visit.id)) == (0, "空调研\n", "")
    assert run_cli("roster", str(visit.id), "--csv") == (0, "name,title,organization,role\n", "")
