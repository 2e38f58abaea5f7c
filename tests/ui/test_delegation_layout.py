"""Issue 11 layout: at the default window size (1200×760) the Delegation tab's check messages
wrap instead of being cut, and its tables, tree and grid show every column."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication

from fieldvisit.domain.enums import DelegationRole
from fieldvisit.services import delegation, directory
from fieldvisit.ui.main_window import MainWindow
from fieldvisit.ui.models.delegation_model import ROLE_COLUMN


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    installed = []
    if request.param == "zh_CN":
        from fieldvisit.ui.i18n import install_translators

        installed = install_translators(qapp, "zh_CN")
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def cut_checks(tab) -> list[str]:
    """Check messages that do not fit their line(s) in the panel."""
    panel = tab.checks
    width = panel.viewport().width()
    cut = []
    for row in range(panel.count()):
        item = panel.item(row)
        rect = panel.visualItemRect(item)
        visible = min(rect.right(), width) - rect.left() - panel.iconSize().width() - 8
        needed = panel.fontMetrics().boundingRect(  # the lines the text needs in what is seen
            QRect(0, 0, visible, 10_000), int(Qt.TextFlag.TextWordWrap), item.text())
        if needed.height() > rect.height():
            cut.append(item.text())
    return cut


def test_every_check_and_column_is_readable_at_the_default_size(language, qtbot, database, uow,
                                                                sample_visit_id):
    for name in ("饿了么", "东湖街道工委"):  # two organizations with nobody yet: long messages
        organization = next(o for o in directory.list_organizations(uow) if o.name == name)
        delegation.add_participation(uow, sample_visit_id, organization.id)
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.refresh(sample_visit_id)
    window.resize(QSize(1200, 760))
    window.show()
    qtbot.waitExposed(window)
    tab = window.workspace.delegation_tab
    window.workspace.tabs.setCurrentWidget(tab)
    tab.delegation_model.setData(tab.delegation_model.index(1, ROLE_COLUMN),
                                 DelegationRole.LEADER.value)  # a second leader: one more
    qtbot.waitUntil(lambda: tab.checks.count() == 6)  # the checks shown again
    QApplication.processEvents()  # and laid out (the layout requests they posted)
    assert [m.role for m in delegation.list_members(uow, sample_visit_id)][1] is \
        DelegationRole.LEADER
    assert tab.checks.count() == 6
    assert cut_checks(tab) == []
    assert not tab.checks.horizontalScrollBar().isVisible()
    for view in (tab.delegation_view, tab.accompanying_view, tab.attendance_view):
        assert view.horizontalHeader().length() <= view.viewport().width(), view.accessibleName()
    tree = tab.organizations
    assert tree.header().length() <= tree.viewport().width()
    assert tree.header().sectionSize(1) >= tree.header().sectionSizeHint(1)  # "Contact" shown
    stops = tab.attendance_view.horizontalHeader()
    assert stops.height() > stops.fontMetrics().height() * 2  # long stop names on two lines
