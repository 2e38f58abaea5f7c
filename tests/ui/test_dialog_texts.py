"""Issue 11.10 in the dialogs: no label shows a literal "&" (New Person showed "&Organization:"),
and a hint such as "name must not be empty" goes away as soon as the input is valid."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QPushButton

from fieldvisit.services import directory, itinerary
from fieldvisit.ui.dialogs.organization_dialog import OrganizationDialog
from fieldvisit.ui.dialogs.person_dialog import PersonDialog
from fieldvisit.ui.dialogs.site_dialog import SiteDialog
from fieldvisit.ui.dialogs.visit_dialog import VisitDialog
from tests.ui.test_stretched_strings import CASES, Env

MNEMONIC = re.compile(r"(?<!&)&(?!&|#?\w+;)\S")  # "&Name", not "&&" nor "&amp;"


def shows_a_literal_ampersand(label: QLabel) -> bool:
    """A label draws "&x" as it is unless it has a buddy to give the focus to."""
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and QtGuiNamespace.mightBeRichText(text)):
        return False
    return bool(MNEMONIC.search(text)) and label.buddy() is None


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_no_label_shows_an_ampersand(case, qtbot, database, sample_visit_id, tmp_path,
                                     make_db_path):
    env = Env(database, sample_visit_id, tmp_path, make_db_path, qtbot)
    window = case.make(env)
    qtbot.addWidget(window)
    try:
        literal = [label.text() for label in window.findChildren(QLabel)
                   if shows_a_literal_ampersand(label)]
        assert literal == []
        keys: dict[tuple, list[str]] = {}  # Alt+key of the labels of one form: one field each
        for label in window.findChildren(QLabel):
            if label.buddy() is not None and (found := MNEMONIC.search(label.text())):
                key = (id(label.parentWidget()), found[0][1].lower())
                keys.setdefault(key, []).append(label.text())
        assert [texts for texts in keys.values() if len(texts) > 1] == []
    finally:
        window.close()
        for cleanup in env.cleanups:
            cleanup()


def test_new_person_from_the_directory(sample_window, qtbot, uow, monkeypatch):
    """Tools ▸ Directory ▸ New Person…: OK without a name is refused with a hint; typing the
    name clears it; Alt+O reaches the organization; OK creates the person."""
    seen = {}

    def use(dialog: PersonDialog) -> int:
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        label = dialog.layout().itemAt(2, QFormLayout.ItemRole.LabelRole).widget()
        seen["label"] = (label.text(), label.buddy())
        ok = dialog.findChildren(QPushButton)[-2]  # OK, Cancel
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        seen["refused"] = dialog.problem.text()
        assert dialog.isVisible()
        qtbot.keyClicks(dialog.name, "Wang Lei")
        seen["after typing"] = dialog.problem.text()
        qtbot.keyClick(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
        seen["focus"] = QApplication.focusWidget()
        dialog.organization.setCurrentIndex(dialog.organization.findText("北京市总工会（市总工会）"))
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(PersonDialog, "exec", use)
    sample_window.actions.directory.trigger()
    window = sample_window.show_directory()
    new_person = next(b for b in window.findChildren(QPushButton) if b.text() == "&New Person…")
    qtbot.mouseClick(new_person, Qt.MouseButton.LeftButton)

    assert seen["label"] == ("&Organization:", seen["focus"])  # drawn "Organization:", O
    assert seen["refused"] == "name must not be empty"
    assert seen["after typing"] == ""
    union = next(o for o in directory.list_organizations(uow) if o.name == "北京市总工会")
    assert [(p.name, p.organization_id) for p in directory.list_people(uow)
            if p.name == "Wang Lei"] == [("Wang Lei", union.id)]


def test_hints_go_away_in_every_dialog(qtbot, database, uow, sample_visit_id):
    organization = OrganizationDialog()
    qtbot.addWidget(organization)
    organization.accept()
    assert organization.problem.text() == "name must not be empty"
    organization.name.setText("东湖街道总工会")
    assert organization.problem.text() == ""

    site = SiteDialog(database)
    qtbot.addWidget(site)
    site.name.setText("骑士驿站")
    site.latitude.setText("北纬39度")
    site.accept()
    assert site.problem.text() == "北纬39度 is not a number"
    site.latitude.setText("39.91")  # still wrong: no longitude; the hint says so
    assert site.problem.text() != "" and "北纬" not in site.problem.text()
    site.longitude.setText("116.46")
    assert site.problem.text() == ""
    site.accept()
    assert site.result() == SiteDialog.DialogCode.Accepted

    visit = VisitDialog()
    qtbot.addWidget(visit)
    visit.title.setText("联合调研")
    visit.has_dates.setChecked(True)
    visit.start.setDate(QDate(2023, 5, 25))
    visit.end.setDate(QDate(2023, 5, 24))
    visit.accept()
    assert visit.problem.text() != ""
    visit.end.setDate(QDate(2023, 5, 26))
    assert visit.problem.text() == ""
    assert visit.values()["end_date"] == date(2023, 5, 26)

    person = PersonDialog(database, None, directory.list_people(uow)[0])
    qtbot.addWidget(person)
    person.name.clear()
    person.accept()
    assert person.problem.text() == "name must not be empty"
    person.name.setText("潘建新")
    assert person.problem.text() == ""
    assert itinerary.list_sites(uow)  # nothing above wrote to the database by itself
