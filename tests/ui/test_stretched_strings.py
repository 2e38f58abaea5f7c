"""Every dialog and window, rendered with every string stretched to twice its length (Qt's
pseudo-translation practice), in Simplified Chinese and in English, cuts no text off.

Each window opens at the size the user first sees (its constructor's resize() or its size hint,
as on a 1920×1080 screen; the main window at 1200×760) with the reference visit loaded, every
page of every tab widget is shown in turn, and tests/ui/layout_check.py lists any label, button,
group box title, tab, combo box or spin box whose text does not fit (its docstring says exactly
what is checked), as "Window › widget › text › needed N px, has M px". A window whose minimum
size is larger than the main window's 1200×760, or for a dialog than 2/3 of a 1920×1080 screen,
fails too: it would not fit on a laptop.

ADDING A DIALOG OR WINDOW
-------------------------
Every QDialog and QMainWindow subclass defined under fieldvisit.ui must have a factory here
(its own or a subclass's, for mixins), else test_every_window_has_a_factory fails; QMessageBox
prompts are exempt. A factory is a function of an ``Env`` (the database with the reference
visit, its id, a tmp_path, make_db_path, the qtbot) that returns the window filled with
realistic content, registered with ``@factory``:

    @factory(PreferencesDialog)
    def preferences(env: Env) -> QWidget:
        return PreferencesDialog(current_values())

    @factory(VisitDialog, "new")          # a second variant of the same dialog
    def new_visit(env: Env) -> QWidget:
        return VisitDialog()

The class may also be given as "module.Class" and imported inside the factory. If the content
arrives asynchronously, wait for it in the factory (env.qtbot.waitUntil…); anything to undo
afterwards goes in env.cleanups. A top-level QWidget that is neither a QDialog nor a
QMainWindow is not found automatically: give it a factory all the same.

To look at the renderings: FIELDVISIT_GRAB_DIR=/tmp/grabs pytest tests/ui/test_stretched_strings.py
saves a PNG of every window in every tab state.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import os
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from uuid import UUID

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox, QWidget

import fieldvisit.ui
from fieldvisit.domain.timeline import TravelSettings
from fieldvisit.persistence.db import Database
from fieldvisit.services import directory, itinerary, visits
from fieldvisit.ui.dialogs.add_member_dialog import AddMemberDialog
from fieldvisit.ui.dialogs.add_stop_dialog import AddStopDialog
from fieldvisit.ui.dialogs.conflicts_dialog import ConflictsDialog
from fieldvisit.ui.dialogs.follow_up_dialog import FollowUpDialog
from fieldvisit.ui.dialogs.organization_dialog import OrganizationDialog
from fieldvisit.ui.dialogs.person_dialog import PersonDialog
from fieldvisit.ui.dialogs.roster_import_dialog import RosterImportDialog
from fieldvisit.ui.dialogs.route_dialog import RouteDialog
from fieldvisit.ui.dialogs.site_dialog import SiteDialog
from fieldvisit.ui.dialogs.travel_dialog import TravelDialog
from fieldvisit.ui.dialogs.visit_dialog import VisitDialog
from fieldvisit.ui.i18n import install_translators
from fieldvisit.ui.main_window import MainWindow
from fieldvisit.ui.views.directory_window import DirectoryWindow, MergeDialog
from fieldvisit.ui.views.search_window import SearchWindow
from tests.ui.layout_check import (
    USER_SCREEN,
    CutOff,
    StretchingTranslator,
    find_cut_offs,
    natural_size,
    stretch,
)
from tests.ui.layout_check import tab_states as all_tab_states

MAIN_WINDOW_SIZE = QSize(1200, 760)


@dataclass
class Env:
    database: Database
    visit_id: UUID
    tmp_path: Path
    make_db_path: Callable[[str], Path]
    qtbot: object
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    def uow(self):
        return self.database.unit_of_work()


@dataclass(frozen=True)
class Case:
    window: type[QWidget] | str
    """The class, or its "module.Class" name (imported only when the test runs)."""
    variant: str
    make: Callable[[Env], QWidget]

    @property
    def id(self) -> str:
        name = self.window if isinstance(self.window, str) else self.window.__name__
        return name.rpartition(".")[2] + (f"[{self.variant}]" if self.variant else "")

    def exists(self) -> bool:
        return not isinstance(self.window, str) \
            or importlib.util.find_spec(self.window.rpartition(".")[0]) is not None

    def cls(self) -> type[QWidget]:
        if not isinstance(self.window, str):
            return self.window
        module, _, name = self.window.rpartition(".")
        return getattr(importlib.import_module(module), name)


CASES: list[Case] = []


def factory(window: type[QWidget] | str, variant: str = "") -> Callable:
    """Registers a factory of ``window`` (see the top of this file)."""
    def register(make: Callable[[Env], QWidget]) -> Callable[[Env], QWidget]:
        CASES.append(Case(window, variant, make))
        return make
    return register


# -- the factories -----------------------------------------------------------------------------


@factory(MainWindow)
def main_window(env: Env) -> QWidget:
    window = MainWindow(env.database)
    window.refresh(env.visit_id)
    return window


@factory(MainWindow, "empty")
def main_window_on_an_empty_database(env: Env) -> QWidget:
    from fieldvisit.persistence.db import open_database, sqlite_url

    empty = open_database(sqlite_url(env.make_db_path("empty.sqlite3")))
    env.cleanups.append(empty.dispose)
    return MainWindow(empty)


@factory("fieldvisit.ui.dialogs.preferences_dialog.PreferencesDialog")
def preferences(env: Env) -> QWidget:
    from fieldvisit.ui.dialogs.preferences_dialog import PreferencesDialog, current_values

    return PreferencesDialog(current_values())


@factory("fieldvisit.ui.dialogs.about_dialog.AboutDialog")
def about(env: Env) -> QWidget:
    from fieldvisit.ui.dialogs.about_dialog import AboutDialog

    return AboutDialog(env.database.display_name)


@factory(VisitDialog, "edit")
def edit_visit(env: Env) -> QWidget:
    return VisitDialog(None, visits.get_visit(env.uow(), env.visit_id))


@factory(VisitDialog, "new")
def new_visit(env: Env) -> QWidget:
    return VisitDialog()


@factory(PersonDialog)
def person(env: Env) -> QWidget:
    people = [p for p in directory.list_people(env.uow()) if p.organization_id and p.title]
    return PersonDialog(env.database, None, max(people, key=lambda p: len(p.title)))


@factory(OrganizationDialog)
def organization(env: Env) -> QWidget:
    organizations = directory.list_organizations(env.uow())
    return OrganizationDialog(None, max(organizations, key=lambda o: len(o.name)))


@factory(SiteDialog)
def site(env: Env) -> QWidget:
    sites = itinerary.list_sites(env.uow())
    return SiteDialog(env.database, None, max(sites, key=lambda s: len(s.address)))


@factory(AddMemberDialog)
def add_member(env: Env) -> QWidget:
    return AddMemberDialog(env.database, frozenset())


@factory(AddStopDialog)
def add_stop(env: Env) -> QWidget:
    return AddStopDialog(env.database, None, day=2)


@factory(TravelDialog)
def travel(env: Env) -> QWidget:
    return TravelDialog(visits.get_visit(env.uow(), env.visit_id).travel)


@factory(FollowUpDialog)
def follow_up(env: Env) -> QWidget:
    organizations = directory.list_organizations(env.uow())
    dialog = FollowUpDialog(organizations, "为新就业形态劳动者建设更多暖心驿站")
    dialog.responsible.setCurrentIndex(dialog.responsible.count() - 1)
    return dialog


@factory(RouteDialog)
def route(env: Env) -> QWidget:
    dialog = RouteDialog(env.database, env.visit_id)
    env.qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=20000)
    return dialog


@factory(RosterImportDialog)
def roster_import(env: Env) -> QWidget:
    roster = env.tmp_path / "名单.csv"
    roster.write_text("姓名,职务,单位,电话,邮箱\n潘建新,党组书记、副主席,北京市总工会,010-1234,\n"
                      ",无名,市妇联,,\n韦江,党组书记、副主席,市妇联,bad-phone!,\n",
                      encoding="utf-8")
    dialog = RosterImportDialog(env.database, None, roster)
    env.qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20000)
    return dialog


@factory(ConflictsDialog)
def conflicts(env: Env) -> QWidget:
    make_conflicts(env)
    return ConflictsDialog(env.database, None, env.visit_id)


@factory(MergeDialog)
def merge_people(env: Env) -> QWidget:
    entries = directory.directory_people(env.uow())[:2]
    return MergeDialog([" · ".join(filter(None, [e.person.name, e.person.title,
                                                 e.organization.name if e.organization else ""]))
                        for e in entries])


@factory(DirectoryWindow)
def directory_window(env: Env) -> QWidget:
    return DirectoryWindow(env.database)


@factory(SearchWindow)
def search_window(env: Env) -> QWidget:
    window = SearchWindow(env.database, lambda visit_id, note_id: None)
    window.set_query("骑手")
    window.run_search()
    env.qtbot.waitUntil(lambda: window.results is not None, timeout=20000)
    return window


def make_conflicts(env: Env) -> None:
    """The reference visit's first note edited here and on another laptop, merged."""
    import dataclasses

    from fieldvisit.domain.entities import utc_now
    from fieldvisit.persistence.db import open_database, photo_root, sqlite_url
    from fieldvisit.services.package import pack_visit, unpack_visit

    def edit(database: Database, note_id: UUID, text: str) -> None:
        with database.unit_of_work() as uow:
            note = uow.notes.get(note_id)
            uow.notes.put(dataclasses.replace(note, text=text, updated_at=utc_now()))
            uow.commit()

    other = open_database(sqlite_url(env.make_db_path("other.sqlite3")))
    try:
        package = env.tmp_path / "visit.fieldvisit"
        pack_visit(env.uow(), photo_root(env.database.url), env.visit_id, package)
        unpack_visit(other.unit_of_work(), photo_root(other.url), package)
        with env.database.unit_of_work() as uow:
            note_id = uow.notes.all(order_by=("position",), visit_id=env.visit_id)[0].id
        edit(env.database, note_id, "座谈会上，骑手们谈到了休息场所不足的问题。")
        edit(other, note_id, "座谈会上，骑手们反映希望增加暖心驿站。")
        pack_visit(other.unit_of_work(), photo_root(other.url), env.visit_id, package)
        unpack_visit(env.uow(), photo_root(env.database.url), package)
    finally:
        other.dispose()


# -- discovery ---------------------------------------------------------------------------------


def discovered_windows() -> set[type[QWidget]]:
    """Every QDialog and QMainWindow subclass defined in a module under fieldvisit.ui."""
    found: set[type[QWidget]] = set()
    for module_info in pkgutil.walk_packages(fieldvisit.ui.__path__, "fieldvisit.ui."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, (QDialog, QMainWindow)) \
                    and not issubclass(cls, QMessageBox):
                found.add(cls)
    return found


def test_every_window_has_a_factory():
    """A class is covered by a factory of its own or of a subclass (a mixin of MainWindow)."""
    windows = [case.cls() for case in CASES if case.exists()]
    missing = sorted(f"{cls.__module__}.{cls.__qualname__}" for cls in discovered_windows()
                     if not any(issubclass(window, cls) for window in windows))
    assert not missing, ("no factory in tests/ui/test_stretched_strings.py for "
                         + ", ".join(missing) + " — add one (see the top of that file)")


# -- the languages -----------------------------------------------------------------------------


@pytest.fixture(params=["stretched", "zh_CN", "en"])
def language(request, qapp):
    """The pseudo-translation (nothing else installed, so Qt's own strings are stretched too),
    the real Simplified Chinese translation with Qt's own, or the English source strings;
    removed afterwards."""
    installed = []
    if request.param == "stretched":
        installed = [StretchingTranslator(qapp)]
        assert qapp.installTranslator(installed[0])
    elif request.param == "zh_CN":
        installed = install_translators(qapp, "zh_CN")
        assert installed, "the zh_CN translation did not load"
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)


def test_stretching_keeps_placeholders_mnemonics_and_markup():
    assert stretch("&Name:") == "&NameName:"
    assert stretch("Delete %1 from the directory?") == \
        "DeleteDelete %1 fromfrom thethe directorydirectory?"
    assert stretch("%n people") == "%n peoplepeople"
    assert stretch("<h3>FieldVisit %1</h3><p style='margin:2px'>R&amp;D</p>") == \
        "<h3>FieldVisitFieldVisit %1</h3><p style='margin:2px'>RR&amp;DD</p>"
    assert stretch("cannot open:\n\n{0} {name}") == "cannotcannot openopen:\n\n{0} {name}"
    assert stretch("Save && Close") == "SaveSave && CloseClose"


def test_the_language_is_installed(language, qtbot):
    dialog = TravelDialog(TravelSettings())
    qtbot.addWidget(dialog)
    expected = {"stretched": "TravelTravel EstimatesEstimates", "zh_CN": "行程估算",
                "en": "Travel Estimates"}
    assert dialog.windowTitle() == expected[language]


# -- the check ---------------------------------------------------------------------------------


def show_as_the_user_first_sees_it(window: QWidget, qtbot) -> QSize:
    """Shows ``window`` at its natural size (the main window at 1200×760); returns the largest
    minimum size it may have: the main window's size, or for other windows the most Qt's
    adjustSize gives a window on a 1920×1080 screen (2/3 of it) — a dialog that must be wider
    does not fit on a laptop."""
    if isinstance(window, QMainWindow):
        window.resize(MAIN_WINDOW_SIZE)
        limit = MAIN_WINDOW_SIZE
    else:
        window.resize(natural_size(window))
        limit = QSize(USER_SCREEN.width() * 2 // 3, USER_SCREEN.height() * 2 // 3)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return limit


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_nothing_is_cut_off(case: Case, language, qtbot, database, sample_visit_id, tmp_path,
                            make_db_path):
    if not case.exists():
        pytest.skip(f"{case.window} is not there (yet)")
    env = Env(database, sample_visit_id, tmp_path, make_db_path, qtbot)
    window = case.make(env)
    qtbot.addWidget(window)
    try:
        check(case, window, language, qtbot)
    finally:
        window.close()
        for cleanup in env.cleanups:
            cleanup()


def check(case: Case, window: QWidget, language: str, qtbot) -> None:
    limit = show_as_the_user_first_sees_it(window, qtbot)
    grab_dir = os.environ.get("FIELDVISIT_GRAB_DIR")
    found: dict[str, CutOff] = {}
    for state in all_tab_states(window):
        QApplication.processEvents()
        name = case.id + (f" ({state})" if state else "")
        for cut in find_cut_offs(window, name):
            found.setdefault(str(cut).replace(name, case.id, 1), cut)
        hint = window.minimumSizeHint()
        if hint.width() > limit.width() or hint.height() > limit.height():
            cut = CutOff(name, "window", window.windowTitle(), hint.width(), limit.width(),
                         f"minimum size {hint.width()}×{hint.height()} is larger than "
                         f"{limit.width()}×{limit.height()}")
            found.setdefault(f"{case.id} minimum", cut)
        if grab_dir:
            Path(grab_dir).mkdir(parents=True, exist_ok=True)
            slug = re.sub(r"[^\w-]+", "_", f"{language}_{name}").strip("_")
            window.grab().save(str(Path(grab_dir) / f"{slug}.png"))
    assert not found, f"{len(found)} texts cut off ({language}):\n" + "\n".join(
        str(cut) for cut in found.values())


def test_what_a_scroll_area_scrolls_to_is_not_cut_off(qtbot):
    """Labels below the fold of a scroll area are reached by scrolling (not cut off); a label
    wider than a scroll area that cannot scroll sideways is cut off."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout

    from tests.ui.layout_check import find_cut_offs

    top = QWidget()
    tall, narrow = QScrollArea(), QScrollArea()
    page = QWidget()
    column = QVBoxLayout(page)
    for n in range(40):
        column.addWidget(QLabel(f"line {n}"))
    tall.setWidget(page)
    tall.setWidgetResizable(True)
    wide = QLabel("a label far wider than the scroll area " * 4)
    narrow.setWidget(wide)
    narrow.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    layout = QVBoxLayout(top)
    layout.addWidget(tall)
    layout.addWidget(narrow)
    qtbot.addWidget(top)
    top.resize(300, 300)
    top.show()
    qtbot.waitExposed(top)
    found = find_cut_offs(top)
    assert [cut.widget for cut in found] == ["QLabel"], [str(c) for c in found][:3]
    assert "far wider" in found[0].text and "outside QScrollArea" in found[0].detail
