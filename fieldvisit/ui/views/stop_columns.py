"""Which columns of the stops table show, and how wide they are.

By default the columns a coordinator follows the day with (#, Site, Arrive, Leave, Stay,
Travel, Slack, Conflicts; Day only for a visit of several days), so that the table fits beside
the map at the window's first size without scrolling sideways. The header's context menu shows
or hides the others; the choice is remembered (QSettings, one key per column).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from fieldvisit.ui.models.stops_model import COLUMNS, StopsModel

SHOWN_BY_DEFAULT = frozenset({"position", "site", "arrival", "departure", "dwell_minutes",
                              "travel_minutes", "slack", "conflicts"})
""""day" shows by default only for a visit of several days."""
ALWAYS_SHOWN = frozenset({"site"})
CAPPED = {"conflicts": 200, "activities": 200}
"""Columns of free text: at most this wide at first (the rest is elided; tooltips show it)."""
SETTINGS_GROUP = "itinerary/columns"


class StopColumns(QObject):
    """Shows, hides and sizes the columns of ``view`` (over a StopsModel)."""

    def __init__(self, view: QTableView, model: StopsModel) -> None:
        super().__init__(view)
        self.view, self.model = view, model
        self.several_days = False
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("site"), QHeaderView.ResizeMode.Stretch)
        for name in CAPPED:
            header.setSectionResizeMode(COLUMNS.index(name), QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.apply()

    # -- the choice ------------------------------------------------------------------------
    def is_shown(self, column: str) -> bool:
        if column in ALWAYS_SHOWN:
            return True
        chosen = QSettings().value(f"{SETTINGS_GROUP}/{column}")
        if chosen is not None:
            return str(chosen).lower() == "true"
        return self.several_days if column == "day" else column in SHOWN_BY_DEFAULT

    def set_shown(self, column: str, shown: bool) -> None:
        QSettings().setValue(f"{SETTINGS_GROUP}/{column}", shown)
        self.apply()

    def restore_defaults(self) -> None:
        QSettings().remove(SETTINGS_GROUP)
        self.apply()

    # -- applying --------------------------------------------------------------------------
    def apply(self, several_days: bool | None = None) -> None:
        """Show the chosen columns and size the free-text ones to their contents, capped."""
        if several_days is not None:
            self.several_days = several_days
        for index, column in enumerate(COLUMNS):
            self.view.setColumnHidden(index, not self.is_shown(column))
        header = self.view.horizontalHeader()
        for column, cap in CAPPED.items():
            index = COLUMNS.index(column)
            wanted = max(self.view.sizeHintForColumn(index), header.sectionSizeHint(index))
            self.view.setColumnWidth(index, min(wanted, cap))

    def menu(self) -> QMenu:
        menu = QMenu(self.view)
        for index, column in enumerate(COLUMNS):
            if column in ALWAYS_SHOWN:
                continue
            text = self.tr("Number (#)") if column == "position" else self.model.headers()[index]
            action = QAction(text, menu)
            action.setCheckable(True)
            action.setChecked(self.is_shown(column))
            action.toggled.connect(lambda on, c=column: self.set_shown(c, on))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tr("Default Columns"), self.restore_defaults)
        return menu

    def _show_menu(self, position: QPoint) -> None:
        header = self.view.horizontalHeader()
        menu = self.menu()
        menu.exec(header.mapToGlobal(position))
        menu.deleteLater()
