"""The main window over the reference visit: what a user sees and can do."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldvisit.domain.enums import VisitStatus
from fieldvisit.services import visits
from fieldvisit.ui import file_dialogs
from fieldvisit.ui.dialogs.visit_dialog import VisitDialog
from fieldvisit.ui.models.table_model import RowRole
from tests.ui.scenario_steps import on_tab


def _texts(model, column):
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_sample_visit_shows_in_every_tab(sample_window, sample_visit_id):
    w = sample_window
    assert w.current_visit_id() == sample_visit_id
    assert "朝阳区" in w.windowTitle()
    tab = w.workspace.delegation_tab
    assert _texts(tab.delegation_model, 1)[0] == "冯建国"
    assert {"潘建新", "钟棉棉", "韦江", "温宇"} <= set(_texts(tab.delegation_model, 1))
    assert _texts(tab.accompanying_model, 1) == ["朝阳区有关负责同志"]
    stops = _texts(on_tab(w.workspace.itinerary_tab).model, 2)
    assert [s[:3] for s in stops] == ["饿了么", "东湖街", "“小哥"]
    assert "2022年4月" in w.workspace.itinerary_tab.details.toPlainText()  # first site's facts
    notes_tab = on_tab(w.workspace.notes_tab)
    assert notes_tab.notes_model.rowCount() >= 10
    assert notes_tab.note_text.toPlainText()  # first note selected and shown in full
    assert "6,000" in _texts(notes_tab.figures_model, 3)  # the locale's digit grouping
    assert "群团组织" in on_tab(w.workspace.report_tab).browser.toPlainText()


def test_every_table_model_passes_the_model_tester(sample_window, qtmodeltester):
    w = sample_window
    for tab in (w.workspace.itinerary_tab, w.workspace.notes_tab):
        on_tab(tab)  # each reads its data when shown
    for model in (w.visits_model, w.workspace.delegation_tab.delegation_model,
                  w.workspace.delegation_tab.accompanying_model,
                  w.workspace.itinerary_tab.model, w.workspace.notes_tab.notes_model,
                  w.workspace.notes_tab.figures_model, w.workspace.notes_tab.follow_ups_model):
        qtmodeltester.check(model, force_py=True)
        assert model.rowCount() > 0


def test_row_role_gives_the_plain_row(sample_window):
    model = on_tab(sample_window.workspace.itinerary_tab).model
    assert model.index(0, 0).data(RowRole).stop.position == 1


def _fill_dialog(monkeypatch, **values):
    def fake_exec(dialog: VisitDialog) -> int:
        if "title" in values:
            dialog.title.setText(values["title"])
        if "region" in values:
            dialog.region.setText(values["region"])
        if "status" in values:
            dialog.status.setCurrentIndex(dialog.status.findData(values["status"]))
        return 1

    monkeypatch.setattr(VisitDialog, "exec", fake_exec)


def test_create_visit_then_undo_and_redo(window, monkeypatch, uow):
    _fill_dialog(monkeypatch, title="环卫工人驿站调研", region="东城区")
    window.actions.new_visit.trigger()
    created = visits.list_visits(uow)
    assert [v.title for v in created] == ["环卫工人驿站调研"]
    assert window.current_visit_id() == created[0].id
    assert window.actions.undo.text().endswith("“环卫工人驿站调研”")
    window.actions.undo.trigger()
    assert visits.list_visits(uow) == []
    assert window.pages.currentWidget() is window.welcome  # empty again: the welcome page
    window.actions.redo.trigger()
    assert [v.id for v in visits.list_visits(uow)] == [created[0].id]


def test_edit_visit_status_and_undo(sample_window, monkeypatch, uow, sample_visit_id):
    _fill_dialog(monkeypatch, status=VisitStatus.PLANNED, region="朝阳区")
    sample_window.actions.edit_visit.trigger()
    edited = visits.get_visit(uow, sample_visit_id)
    assert (edited.status, edited.region) == (VisitStatus.PLANNED, "朝阳区")
    sample_window.actions.undo.trigger()
    restored = visits.get_visit(uow, sample_visit_id)
    assert (restored.status, restored.region) == (VisitStatus.REPORTED, "北京市朝阳区")


def test_delete_visit_asks_and_undo_restores_everything(sample_window, monkeypatch, uow,
                                                       sample_visit_id):
    from fieldvisit.services.visit_document import export_visit

    before = export_visit(uow, sample_visit_id)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    sample_window.actions.delete_visit.trigger()
    assert len(visits.list_visits(uow)) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    sample_window.actions.delete_visit.trigger()
    assert visits.list_visits(uow) == []
    sample_window.actions.undo.trigger()
    assert export_visit(uow, sample_visit_id) == before


def test_visit_dialog_validates_without_losing_input(qtbot):
    dialog = VisitDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.title, "Gig workers")  # QTest cannot type CJK; insert it instead
    dialog.title.insert(" 新就业形态劳动者调研")
    assert ok.isEnabled()
    dialog.has_dates.setChecked(True)
    dialog.start.setDate(date(2023, 5, 25))
    dialog.end.setDate(date(2023, 5, 24))
    dialog.accept()
    assert "before" in dialog.problem.text()
    assert dialog.result() == 0 and dialog.title.text() == "Gig workers 新就业形态劳动者调研"
    dialog.end.setDate(date(2023, 5, 26))
    dialog.accept()
    assert dialog.result() == 1
    assert dialog.values()["end_date"] == date(2023, 5, 26)


def test_export_then_import_runs_off_the_gui_thread(sample_window, qtbot, tmp_path: Path, uow,
                                                   sample_visit_id):
    target = tmp_path / "visit.json"
    task = sample_window.run_export(sample_visit_id, target)
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert "冯建国" in target.read_text(encoding="utf-8")
    task = sample_window.run_import(target)
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert ": 0 added, 0 updated, 0 deleted, 61 unchanged, 0 in conflict" in \
        sample_window.statusBar().currentMessage()


def test_import_of_a_bad_file_shows_the_problem(window, qtbot, tmp_path, monkeypatch, uow):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "fieldvisit-visit", "version": 9}', encoding="utf-8")
    task = window.run_import(bad)
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert shown and "$.version" in shown[0]
    assert visits.list_visits(uow) == []


def test_empty_database_shows_the_welcome_page(window, qtbot, uow):
    assert window.pages.currentWidget() is window.welcome
    assert window.welcome.sample_button.accessibleName() == "Open the sample visit"
    qtbot.mouseClick(window.welcome.sample_button, Qt.MouseButton.LeftButton)
    loaded = visits.list_visits(uow)
    assert len(loaded) == 1 and window.current_visit_id() == loaded[0].id
    assert window.pages.currentWidget() is window.splitter
    assert window.workspace.tabs.currentWidget() is window.workspace.itinerary_tab


def test_welcome_page_starts_a_new_visit_and_imports(window, monkeypatch, qtbot, uow, tmp_path):
    _fill_dialog(monkeypatch, title="环卫工人驿站调研")
    window.welcome.new_button.click()
    assert [v.title for v in visits.list_visits(uow)] == ["环卫工人驿站调研"]
    assert window.pages.currentWidget() is window.splitter
    opened = []
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: opened.append(a) or None)
    window.welcome.import_button.click()
    assert len(opened) == 1


def test_window_geometry_is_kept(qtbot, database):
    from PySide6.QtCore import QSettings

    from fieldvisit.ui.main_window import MainWindow

    first = MainWindow(database)
    qtbot.addWidget(first)
    first.resize(760, max(500, first.minimumSizeHint().height()))  # offscreen screen: 800×600
    wanted = (first.width(), first.height())
    first.show()
    first.close()
    assert QSettings().value("window/geometry") is not None
    second = MainWindow(database)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == wanted


def test_import_merges_a_note_takers_package(qtbot, database, tmp_path, make_db_path, uow):
    """File ▸ Import takes a .fieldvisit package from another laptop and merges it."""
    from fieldvisit.persistence.db import open_database, photo_root, sqlite_url
    from fieldvisit.services.package import pack_visit
    from fieldvisit.services.sample import load_reference_visit
    from fieldvisit.ui.main_window import MainWindow

    laptop = open_database(sqlite_url(make_db_path("laptop")))
    visit_id = load_reference_visit(laptop.unit_of_work()).visit_id
    package = tmp_path / "visit.fieldvisit"
    pack_visit(laptop.unit_of_work(), photo_root(laptop.url), visit_id, package)
    laptop.dispose()
    window = MainWindow(database)
    qtbot.addWidget(window)
    task = window.run_import(package)
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert window.current_visit_id() == visit_id
    assert "0 in conflict" in window.statusBar().currentMessage()
    assert [v.id for v in visits.list_visits(uow)] == [visit_id]
