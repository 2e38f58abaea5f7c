"""The directory window and the roster import dialog, driven as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from fieldvisit.services import directory
from fieldvisit.ui.dialogs.roster_import_dialog import RosterImportDialog
from fieldvisit.ui.views.directory_window import DirectoryWindow, MergeDialog

pytestmark = pytest.mark.both_databases  # names in character order whatever the collation


def _select(page, *names: str) -> None:
    page.view.clearSelection()
    for row in range(page.proxy.rowCount()):
        entry = page.proxy.index(row, 0).data(256)
        name = entry.person.name if hasattr(entry, "person") else entry.name
        if name in names:
            page.view.selectionModel().select(
                page.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                | QItemSelectionModel.SelectionFlag.Rows)


def test_filter_finds_people_by_pinyin_and_organizations_by_initials(qtbot, database,
                                                                     sample_visit_id):
    window = DirectoryWindow(database)
    qtbot.addWidget(window)
    assert window.people.proxy.rowCount() == 7
    window.people.filter.setText("zmm")
    assert window.people.proxy.rowCount() == 1
    assert window.people.proxy.index(0, 0).data() == "钟棉棉"
    window.people.filter.setText("市妇联")  # a title or an organization's short name works too
    assert [window.people.proxy.index(r, 0).data()
            for r in range(window.people.proxy.rowCount())] == ["韦江"]
    window.organizations.filter.setText("szgh")
    assert window.organizations.proxy.index(0, 0).data() == "北京市总工会"


def test_delete_is_refused_while_in_a_visit(qtbot, database, sample_visit_id, monkeypatch):
    window = DirectoryWindow(database)
    qtbot.addWidget(window)
    shown, asked = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or
                        QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    _select(window.people, "冯建国")
    window.delete_people()
    assert shown and "delegation" in shown[0] and "冯建国" in shown[0]
    assert asked == [], "refused before asking \"Delete?\", not after"
    assert window.people.proxy.rowCount() == 7
    shown.clear()
    _select(window.organizations, "北京市总工会")
    window.delete_organizations()
    assert shown and "北京市总工会" in shown[0] and asked == []
    _select(window.sites, window.sites.proxy.index(0, 0).data())
    window.delete_sites()
    assert len(shown) == 2 and "visits stop there" in shown[1] and asked == []


def test_deleting_an_unused_person_asks_first(qtbot, database, uow, monkeypatch):
    directory.create_person(uow, "临时联系人")
    window = DirectoryWindow(database)
    qtbot.addWidget(window)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or
                        QMessageBox.StandardButton.Cancel)
    _select(window.people, "临时联系人")
    window.delete_people()
    assert len(asked) == 1 and [p.name for p in directory.list_people(uow)] == ["临时联系人"]


def test_merge_two_duplicates(qtbot, database, uow, monkeypatch):
    union = directory.create_organization(uow, "北京市总工会", short_name="市总工会")
    directory.create_person(uow, "潘建新", title="党组书记、副主席", organization_id=union.id)
    directory.create_person(uow, "潘建新", phone="010-0000")
    window = DirectoryWindow(database)
    qtbot.addWidget(window)
    _select(window.people, "潘建新")
    assert len(window.people.selected()) == 2
    monkeypatch.setattr(MergeDialog, "exec", lambda self: 1)  # keep the first one listed
    window.merge_people()
    people = directory.list_people(uow)
    assert len(people) == 1
    assert people[0].phone == "010-0000" and people[0].organization_id is not None


def test_roster_import_dialog_previews_then_imports(qtbot, database, uow, tmp_path: Path,
                                                    monkeypatch):
    roster = tmp_path / "名单.csv"
    roster.write_text("姓名,职务,单位,电话\n潘建新,党组书记、副主席,市总工会,010-1234\n"
                      ",无名,市妇联,\n韦江,党组书记、副主席,市妇联,bad-phone!\n",
                      encoding="gb18030")
    dialog = RosterImportDialog(database, path=roster)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.task.finished, timeout=10000):
        pass
    assert dialog.preview.rowCount() == 3
    assert dialog.columns["name"].currentText() == "姓名"
    assert [dialog.preview.row_at(r).action for r in range(3)] == ["create", "reject", "reject"]
    assert "row 3" not in dialog.preview.row_at(1).reason  # reason beside its row number
    assert dialog.preview.index(1, 0).data() == "3"
    assert "市总工会" in dialog.summary.text()
    assert directory.list_people(uow) == []  # the preview wrote nothing
    dialog.columns["phone"].setCurrentIndex(0)  # the phone column is not imported after all
    dialog.preview_import()
    assert [dialog.preview.row_at(r).action for r in range(3)] == ["create", "reject", "create"]
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    task = dialog.run_import()
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert sorted(p.name for p in directory.list_people(uow)) == ["潘建新", "韦江"]
    assert {o.name for o in directory.list_organizations(uow)} == {"市总工会", "市妇联"}


def test_roster_import_dialog_explains_a_bad_file(qtbot, database, tmp_path, monkeypatch):
    bad = tmp_path / "roster.xlsx"
    bad.write_bytes(b"not a workbook at all")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    dialog = RosterImportDialog(database, path=bad)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.task.finished, timeout=10000):
        pass
    assert shown and "roster.xlsx" in shown[0]
    assert not dialog.import_button.isEnabled()


def test_editing_a_person_keeps_their_organization(qtbot, database, uow, sample_visit_id,
                                                   monkeypatch):
    from fieldvisit.ui.dialogs.person_dialog import PersonDialog
    from fieldvisit.ui.dialogs.site_dialog import SiteDialog

    window = DirectoryWindow(database)
    qtbot.addWidget(window)
    before = {p.name: p.organization_id for p in directory.list_people(uow)}
    monkeypatch.setattr(PersonDialog, "exec", lambda self: 1)  # OK without changing anything
    _select(window.people, "潘建新")
    window.edit_person()
    after = {p.name: p.organization_id for p in directory.list_people(uow)}
    assert after["潘建新"] == before["潘建新"] is not None
    monkeypatch.setattr(SiteDialog, "exec", lambda self: 1)
    from fieldvisit.services import itinerary

    hosts = {s.name: s.host_organization_id for s in itinerary.list_sites(uow)}
    window.tabs.setCurrentWidget(window.sites)
    _select(window.sites, "饿了么北京CBD骑士驿站")
    window.edit_site()
    site = next(s for s in itinerary.list_sites(uow) if s.name == "饿了么北京CBD骑士驿站")
    assert site.host_organization_id == hosts[site.name] is not None


def test_lists_of_names_are_in_pinyin_order(qtbot, database, uow):
    """The directory, the people picker and the services list names by pinyin (白 < 潘 < 钟),
    as Chinese users look for them, not by code point (钟 < 潘 < 白)."""
    from fieldvisit.services import itinerary
    from fieldvisit.ui.dialogs.add_member_dialog import AddMemberDialog

    for name in ("钟棉棉", "潘建新", "白雪", "Alice Wang", "安然"):
        directory.create_person(uow, name)
    for name in ("市总工会", "团市委", "朝阳区人社局"):
        directory.create_organization(uow, name)
    for name in ("饿了么骑士驿站", "东湖街道党群服务中心", "Beijing Depot"):
        itinerary.create_site(uow, name)
    expected = ["Alice Wang", "安然", "白雪", "潘建新", "钟棉棉"]
    assert [p.name for p in directory.list_people(uow)] == expected
    assert [o.name for o in directory.list_organizations(uow)] == ["朝阳区人社局", "市总工会",
                                                                   "团市委"]
    assert [s.name for s in itinerary.list_sites(uow)] == ["Beijing Depot", "东湖街道党群服务中心",
                                                           "饿了么骑士驿站"]
    window = DirectoryWindow(database)
    qtbot.addWidget(window)
    column = [window.people.proxy.index(r, 0).data()
              for r in range(window.people.proxy.rowCount())]
    assert column == expected
    window.people.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # a click on the header
    assert [window.people.proxy.index(r, 0).data()
            for r in range(window.people.proxy.rowCount())] == expected[::-1]
    dialog = AddMemberDialog(database, frozenset())
    qtbot.addWidget(dialog)
    assert [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())] == expected


def test_people_lists_show_an_organizations_short_name_with_the_full_one_as_tooltip(
        qtbot, database, uow):
    union = directory.create_organization(uow, "北京市总工会", short_name="市总工会")
    directory.create_person(uow, "潘建新", organization_id=union.id)
    window = DirectoryWindow(database)
    qtbot.addWidget(window)
    cell = window.people.proxy.index(0, 2)
    assert cell.data() == "市总工会"
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "北京市总工会"
    window.people.filter.setText("北京市总工会")  # the full name still finds them
    assert window.people.proxy.rowCount() == 1
