"""Issue 11.10 in the window: counts agree with their number in English ("1 conflict",
"2 conflicts") and lists use the interface language's separators (", " and "; " in English,
"、" and "；" in Chinese)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtWidgets import QMessageBox

from fieldvisit.domain.enums import DelegationRole
from fieldvisit.services import delegation, directory, itinerary, notes, visits
from fieldvisit.ui import formats
from fieldvisit.ui.dialogs.add_member_dialog import AddMemberDialog
from fieldvisit.ui.dialogs.roster_import_dialog import RosterImportDialog
from fieldvisit.ui.dialogs.visit_dialog import VisitDialog
from fieldvisit.ui.main_window import MainWindow
from fieldvisit.ui.models.delegation_model import ROLE_COLUMN
from tests.ui.scenario_steps import wait_for_save

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def chinese(qapp):
    from fieldvisit.ui.i18n import install_translators

    installed = install_translators(qapp, "zh_CN")
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_join_list_and_join_clauses_follow_the_interface_language(chinese):
    assert formats.join_list(["冯建国", "潘建新"]) == "冯建国、潘建新"
    assert formats.join_clauses(["周一 9:00-18:00", "周二 休息"]) == "周一 9:00-18:00；周二 休息"
    QLocale.setDefault(QLocale("en_US"))
    assert formats.join_list(["Interview", "Observation"]) == "Interview, Observation"
    assert formats.join_clauses(["Mon 9:00-18:00", "Tue closed"]) == "Mon 9:00-18:00; Tue closed"


def test_one_of_a_kind_is_singular_in_a_new_visit(sample_window, qtbot, uow, monkeypatch):
    """A new visit with one member, one note, one conflict: every count reads "1 …"."""
    window = sample_window
    monkeypatch.setattr(VisitDialog, "exec",
                        lambda dialog: dialog.title.setText("Joint visit") or 1)
    window.actions.new_visit.trigger()
    visit_id = window.current_visit_id()
    tab = window.workspace.delegation_tab
    window.workspace.tabs.setCurrentWidget(tab)
    window.activateWindow()

    def pick(dialog: AddMemberDialog) -> int:
        dialog.search.setText("zmm")  # 钟棉棉 of 共青团北京市委
        assert dialog.chosen().person.name == "钟棉棉"
        return 1

    monkeypatch.setattr(AddMemberDialog, "exec", pick)
    qtbot.mouseClick(tab.delegation_view.viewport(), Qt.MouseButton.LeftButton)  # focus there
    qtbot.keyClick(tab.delegation_view, Qt.Key.Key_A, CTRL_SHIFT)
    assert [m.person_id for m in delegation.list_members(uow, visit_id)] == \
        [tab.details.delegation[0].person_id]
    assert tab.summary.text() == \
        "Delegation in protocol order: 1 person, 1 organization taking part"

    notes_tab = window.workspace.notes_tab
    window.workspace.tabs.setCurrentWidget(notes_tab)
    qtbot.keyClick(notes_tab.notes_view, Qt.Key.Key_N, CTRL_SHIFT)
    notes_tab.editor.text.insertPlainText("骑手驿站")
    wait_for_save(qtbot)

    assert [n.text for n in notes.list_notes(uow, visit_id)] == ["骑手驿站"]  # once: the
    # Delegation tab, shown again after the save, no longer takes the focus (and a second save)
    window.workspace.tabs.setCurrentWidget(window.workspace.report_tab)
    window.refresh(visit_id)
    assert "1 note, 0 key figures, 0 follow-ups, 0 photos" in \
        window.workspace.report_tab.browser.toPlainText()

    site = itinerary.create_site(uow, "骑士驿站", opening_hours=("09:00-17:00",) * 7)
    itinerary.add_stop(uow, visit_id, site.id, dwell_minutes=60)
    visits.update_visit(uow, visit_id, day_start=QTime(16, 30).toPython())
    window.refresh(visit_id)
    itinerary_tab = window.workspace.itinerary_tab
    window.workspace.tabs.setCurrentWidget(itinerary_tab)
    assert itinerary_tab.summary.text() == "Travel 0:00 · Conflicts: 1"  # no plural needed
    assert "Mon 09:00-17:00; Tue 09:00-17:00" in itinerary_tab.details.toPlainText()


def test_several_leaders_and_methods_are_listed_in_english(sample_window, uow,
                                                           sample_visit_id):
    tab = sample_window.workspace.delegation_tab
    pan = tab.delegation_model.index(1, ROLE_COLUMN)  # 潘建新 becomes a second leader
    tab.delegation_model.setData(pan, DelegationRole.LEADER.value)
    assert [m.role for m in delegation.list_members(uow, sample_visit_id)][:2] == \
        [DelegationRole.LEADER, DelegationRole.LEADER]
    texts = [tab.checks.item(i).text() for i in range(tab.checks.count())]
    assert "Several leaders: 冯建国, 潘建新." in texts
    sample_window.workspace.tabs.setCurrentWidget(sample_window.workspace.report_tab)
    report = sample_window.workspace.report_tab.browser.toPlainText()
    assert "On-site inspection, Talks with workers, Briefings heard en route" in report
    assert "、" not in report.split("Methods")[1].split("Summary")[0]


def test_chinese_lists_keep_chinese_separators(chinese, qtbot, database, uow, sample_visit_id):
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.refresh(sample_visit_id)
    tab = window.workspace.delegation_tab
    tab.delegation_model.setData(tab.delegation_model.index(1, ROLE_COLUMN),
                                 DelegationRole.LEADER.value)
    texts = [tab.checks.item(i).text() for i in range(tab.checks.count())]
    assert "带队领导不止一位：冯建国、潘建新。" in texts
    window.workspace.tabs.setCurrentWidget(window.workspace.report_tab)
    assert "实地调研、询问交流、随行听取汇报" in window.workspace.report_tab.browser.toPlainText()


def test_roster_import_counts_rows_in_the_singular(qtbot, database, uow, tmp_path: Path,
                                                   monkeypatch):
    roster = tmp_path / "roster.csv"
    roster.write_text("姓名,职务,单位\n潘建新,党组书记,市总工会\n,无名,市妇联\n",
                      encoding="utf-8")
    dialog = RosterImportDialog(database, path=roster)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.task.finished, timeout=10000):
        pass
    assert dialog.summary.text().startswith(
        "1 new person, 0 already in the directory (0 get missing details), 1 row rejected.")
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.task.finished, timeout=10000):
        pass
    assert shown == ["Imported: 1 person added, 0 found in the directory, 1 organization added, "
                     "1 row rejected."]
    assert [p.name for p in directory.list_people(uow)] == ["潘建新"]
