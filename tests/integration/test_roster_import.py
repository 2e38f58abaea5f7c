"""Roster import on a real database: preview, apply, matching, rejected rows, re-import, and
bad input that must leave the directory untouched. Files are written in each test."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from types import SimpleNamespace

import openpyxl
import pytest

from fieldvisit.domain.entities import Organization, Person
from fieldvisit.domain.errors import ConflictError, ValidationError
from fieldvisit.persistence.repositories import RecordRepository
from fieldvisit.services import directory, records
from fieldvisit.services.roster_import import (
    RosterImportResult,
    apply_import,
    guess_mapping,
    plan_import,
    read_roster,
)

LATER = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)
HEADER = ["姓名", "职务", "单位", "手机", "邮箱"]
REFERENCE_ROWS = [
    ["冯建国", "市委主题教育第六巡回指导组副组长", "市委主题教育第六巡回指导组", "13800138000", ""],
    ["潘建新", "市总工会党组书记、副主席", "市总工会", "13911112222", "panjx@example.cn"],
    ["钟棉棉", "团市委副书记", "团市委", "", ""],
    ["韦江", "市妇联党组书记、副主席", "市妇联", "", ""],
    ["温宇", "指导组联络员", "市委主题教育第六巡回指导组", "", ""],
]


@pytest.fixture
def later(monkeypatch):
    monkeypatch.setattr(records, "utc_now", lambda: LATER)
    return LATER


@pytest.fixture
def world(uow):
    """The directory before the import: 市总工会 and 团市委 exist (by full name, with short
    names), as do 潘建新 (with a title, no phone) and 钟棉棉 (nothing to fill)."""
    union = directory.create_organization(uow, "北京市总工会", short_name="市总工会")
    league = directory.create_organization(uow, "共青团北京市委", short_name="团市委")
    pan = directory.create_person(uow, "潘建新", title="党组书记", organization_id=union.id)
    zhong = directory.create_person(uow, "钟棉棉", title="团市委副书记",
                                    organization_id=league.id, phone="010-65123456")
    return SimpleNamespace(union=union, league=league, pan=pan, zhong=zhong)


def write_csv(tmp_path, rows, header=HEADER, name="roster.csv"):
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([header, *rows])
    return path


def table_of(tmp_path, rows, header=HEADER):
    return read_roster(write_csv(tmp_path, rows, header))


def import_rows(uow, tmp_path, rows, header=HEADER) -> RosterImportResult:
    table = table_of(tmp_path, rows, header)
    return apply_import(uow, plan_import(uow, table, guess_mapping(table.header)))


def snapshot(uow):
    with uow:
        return (sorted(uow.organizations.all(), key=lambda o: str(o.id)),
                sorted(uow.people.all(), key=lambda p: str(p.id)))


def people_named(uow, name) -> list[Person]:
    with uow:
        return uow.people.all(name=name)


def organization_named(uow, name) -> Organization:
    with uow:
        [organization] = uow.organizations.all(name=name)
        return organization


def test_preview_writes_nothing_and_says_what_will_happen(uow, world, tmp_path):
    before = snapshot(uow)
    table = table_of(tmp_path, REFERENCE_ROWS)
    plan = plan_import(uow, table, guess_mapping(table.header))
    assert snapshot(uow) == before
    assert [(r.row_number, r.name, r.action) for r in plan.rows] == [
        (2, "冯建国", "create"), (3, "潘建新", "match"), (4, "钟棉棉", "match"),
        (5, "韦江", "create"), (6, "温宇", "create")]
    assert plan.new_organizations == ("市委主题教育第六巡回指导组", "市妇联")
    assert plan.rows[1].person_id == world.pan.id and plan.rows[1].fills == ("phone", "email")
    assert plan.rows[2].person_id == world.zhong.id and plan.rows[2].fills == ()
    assert plan.counts == {"create": 3, "match": 2, "reject": 0, "updated": 1}
    assert plan.rejected == ()


def test_apply_creates_missing_organizations_once_and_reuses_existing_ones(uow, world,
                                                                           tmp_path):
    result = import_rows(uow, tmp_path, REFERENCE_ROWS)
    assert result == RosterImportResult(created_people=3, matched_people=2, updated_people=1,
                                        created_organizations=2, rejected=())
    group = organization_named(uow, "市委主题教育第六巡回指导组")
    with uow:
        assert uow.organizations.count() == 4
        assert {p.name for p in uow.people.all(organization_id=group.id)} == {"冯建国", "温宇"}
    [feng] = people_named(uow, "冯建国")
    assert (feng.title, feng.phone, feng.email) == ("市委主题教育第六巡回指导组副组长",
                                                    "13800138000", "")
    [wei] = people_named(uow, "韦江")
    assert wei.organization_id == organization_named(uow, "市妇联").id


def test_existing_people_are_matched_and_only_their_empty_fields_filled(uow, world, tmp_path,
                                                                        later):
    import_rows(uow, tmp_path, REFERENCE_ROWS)
    [pan] = people_named(uow, "潘建新")
    assert pan.id == world.pan.id and pan.title == "党组书记"  # stored title kept
    assert (pan.phone, pan.email) == ("13911112222", "panjx@example.cn")
    assert pan.updated_at == later and pan.created_at == world.pan.created_at
    assert people_named(uow, "钟棉棉") == [world.zhong]  # nothing to fill: untouched


def test_importing_the_same_file_again_creates_nothing(uow, world, tmp_path):
    import_rows(uow, tmp_path, REFERENCE_ROWS)
    after_first = snapshot(uow)
    table = table_of(tmp_path, REFERENCE_ROWS)
    plan = plan_import(uow, table, guess_mapping(table.header))
    assert {row.action for row in plan.rows} == {"match"} and plan.new_organizations == ()
    result = apply_import(uow, plan)
    assert result == RosterImportResult(0, 5, 0, 0, ())
    assert snapshot(uow) == after_first


def test_every_rejected_row_is_reported_with_its_row_number_and_reason(uow, world, tmp_path):
    women = directory.create_organization(uow, "北京市妇女联合会", short_name="市妇联")
    for _ in range(2):
        directory.create_person(uow, "王芳", organization_id=women.id)
    directory.create_organization(uow, "朝阳区总工会", short_name="区总工会")
    directory.create_organization(uow, "海淀区总工会", short_name="区总工会")
    rows = [
        ["冯建国", "副组长", "市委主题教育第六巡回指导组", "", ""],        # 2 created
        ["", "副组长", "市总工会", "", ""],                              # 3
        ["温宇", "", "", "", "abc@"],                                   # 4
        ["赵六", "", "", "call me", ""],                                 # 5
        ["冯建国", "组长", "市委主题教育第六巡回指导组", "", ""],          # 6
        ["王芳", "", "市妇联", "", ""],                                  # 7
        ["王芳", "", "", "", ""],                                       # 8
        ["李四", "", "区总工会", "", ""],                                # 9
        ["张" * 150, "", "", "", ""],                                   # 10
        ["<b>张三</b>", "", "", "", ""],                                # 11
        ["=HYPERLINK(\"http://x\")", "", "", "", ""],                   # 12
        ["孙七", "", "", "1.38E+10", ""],                                # 13
        ["-", "", "", "", ""],                                          # 14
    ]
    before_women = people_named(uow, "王芳")
    result = import_rows(uow, tmp_path, rows)
    assert result.created_people == 1 and result.created_organizations == 1
    assert result.rejected == (
        (3, "name is missing"),
        (4, "'abc@' is not an email address"),
        (5, "'call me' is not a phone number"),
        (6, "same person as row 2"),
        (7, "2 people named 王芳 at 市妇联 already exist; merge them first"),
        (8, "2 people named 王芳 already exist; give the organization to choose one"),
        (9, "organization '区总工会' could be any of 2 organizations (朝阳区总工会, 海淀区总工会); "
            "use the full name"),
        (10, "name is too long (150 characters; at most 100)"),
        (11, "name contains markup ('<b>'); use plain text"),
        (12, "name '=HYPERLINK(\"http://x' looks like a spreadsheet formula"),
        (13, "phone '1.38E+10' was shortened by Excel; format the column as text and save the "
             "file again"),
    )
    assert result.skipped == (14,)  # "-" means empty, and nothing else is in the row
    assert people_named(uow, "王芳") == before_women
    with uow:
        assert uow.people.count() == 5 and uow.organizations.count() == 6


def test_text_is_cleaned_but_otherwise_kept(uow, tmp_path):
    rows = [["王\u3000芳", "无", "Ａｃｍｅ  Ltd", "（010）6512-3456", "王芳 <WangFang@example.cn>"],
            ["Li Lei", "R&D lead <3", "acme ltd", "+86 138 0013 8000", "lilei@example.com"]]
    result = import_rows(uow, tmp_path, rows)
    assert result.created_people == 2 and result.created_organizations == 1
    [wang] = people_named(uow, "王芳")
    assert (wang.title, wang.phone, wang.email) == ("", "(010)6512-3456",
                                                    "WangFang@example.cn")
    [li] = people_named(uow, "Li Lei")
    assert li.title == "R&D lead <3" and li.organization_id == wang.organization_id


def test_organizations_are_matched_ignoring_case_width_and_spaces(uow, tmp_path):
    acme = directory.create_organization(uow, "ACME Research Ltd", short_name="Acme")
    women = directory.create_organization(uow, "市妇联")
    rows = [["甲", "", "ａｃｍｅ", "", ""], ["乙", "", " acme research  LTD ", "", ""],
            ["丙", "", "市　妇 联", "", ""]]
    assert import_rows(uow, tmp_path, rows).created_organizations == 0
    assert [people_named(uow, n)[0].organization_id for n in "甲乙丙"] == [
        acme.id, acme.id, women.id]


def test_people_without_an_organization_are_matched_by_name(uow, world, tmp_path):
    wei = directory.create_person(uow, "韦江")  # no organization yet
    rows = [["韦江", "市妇联党组书记、副主席", "市妇联", "", ""],  # gets 市妇联
            ["潘建新", "", "", "", "pan@example.cn"],               # the only 潘建新
            ["钟棉棉", "", "团市委", "", ""], ["钟棉棉", "", "", "", ""]]
    result = import_rows(uow, tmp_path, rows)
    assert (result.created_people, result.matched_people, result.updated_people) == (0, 3, 2)
    assert result.rejected == ((5, "same person as row 4"),)
    [stored] = people_named(uow, "韦江")
    assert stored.id == wei.id and stored.organization_id == organization_named(uow, "市妇联").id
    assert stored.title == "市妇联党组书记、副主席"
    assert people_named(uow, "潘建新")[0].email == "pan@example.cn"


def test_header_only_file_imports_nothing(uow, world, tmp_path):
    result = import_rows(uow, tmp_path, [])
    assert result == RosterImportResult(0, 0, 0, 0, ())


def test_xlsx_roster_from_the_second_sheet(uow, world, tmp_path):
    path = tmp_path / "名单.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["请在第二个工作表填写"])
    sheet = book.create_sheet("名单")
    sheet.append(["联合调研人员名单"])
    sheet.append(["序号", "Name", "Position", "Organization", "Mobile", "E-mail"])
    sheet.append([1, "冯建国", "副组长", "市委主题教育第六巡回指导组", 13800138000, None])
    sheet.append([None] * 6)
    sheet.append([2, "潘建新", None, "市总工会", 13911112222.0, None])
    book.save(path)
    table = read_roster(path, sheet="名单")
    mapping = guess_mapping(table.header)
    assert mapping == {"name": 1, "title": 2, "organization": 3, "phone": 4, "email": 5}
    plan = plan_import(uow, table, mapping)
    assert [(r.row_number, r.action) for r in plan.rows] == [(3, "create"), (5, "match")]
    apply_import(uow, plan)
    assert people_named(uow, "冯建国")[0].phone == "13800138000"
    assert people_named(uow, "潘建新")[0].phone == "13911112222"


@pytest.mark.parametrize(("mapping", "message"), [
    ({"title": 1}, "map a column to Name"),
    ({"name": None, "title": 1}, "map a column to Name"),
    ({"name": 0, "phone": 9}, "Phone is mapped to column 9, but the table has columns 0 to 4"),
    ({"name": 0, "title": 0}, "column '姓名' is mapped to both Name and Title"),
    ({"name": 0, "nickname": 1}, "'nickname' is not a roster field"),
])
def test_unusable_mappings_are_refused(uow, world, tmp_path, mapping, message):
    table = table_of(tmp_path, REFERENCE_ROWS)
    with pytest.raises(ValidationError, match=message):
        plan_import(uow, table, mapping)


def test_a_directory_changed_since_the_preview_is_refused(uow, world, tmp_path):
    table = table_of(tmp_path, REFERENCE_ROWS)
    plan = plan_import(uow, table, guess_mapping(table.header))
    directory.create_person(uow, "韦江")  # row 5 would now match instead of create
    before = snapshot(uow)
    with pytest.raises(ConflictError, match="preview the import again"):
        apply_import(uow, plan)
    assert snapshot(uow) == before


def test_a_failure_half_way_writes_nothing(uow, world, tmp_path, monkeypatch):
    table = table_of(tmp_path, REFERENCE_ROWS)
    plan = plan_import(uow, table, guess_mapping(table.header))
    before = snapshot(uow)
    real_put = RecordRepository.put
    written = []

    def failing_put(self, entity):
        written.append(entity)
        if len(written) == 4:  # after both organizations and one person
            raise OSError("disk full")
        return real_put(self, entity)

    monkeypatch.setattr(RecordRepository, "put", failing_put)
    with pytest.raises(OSError, match="disk full"):
        apply_import(uow, plan)
    monkeypatch.undo()
    assert snapshot(uow) == before


@pytest.mark.parametrize(("file_name", "content"), [
    ("roster.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ("roster.xlsx", bytes(range(256)) * 8),
    ("roster.csv", b""),
    ("roster.csv", b"\xff\xfe\xfa\xfb\xfc"),
    ("roster.csv", b"\xc8\xfd\x80\xff"),
])
def test_malformed_files_write_nothing(uow, world, tmp_path, file_name, content):
    before = snapshot(uow)
    path = tmp_path / file_name
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=file_name):
        read_roster(path)
    assert snapshot(uow) == before
