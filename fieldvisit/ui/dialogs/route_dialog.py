"""Route suggestion: computed off the GUI thread, shown as before → after, applied in one step."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from fieldvisit.ui.errors import show_error
from fieldvisit.ui.tasks import CancelToken, Task

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database

if TYPE_CHECKING:
    from fieldvisit.services.route_suggestion import RouteProposal


class RouteDialog(QDialog):
    def __init__(self, database: Database, visit_id: UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suggest Route"))
        self.resize(560, 380)
        self.proposal: RouteProposal | None = None
        self.summary = QLabel(self.tr("Looking for the order with the least travel…"))
        self.summary.setWordWrap(True)
        self.details = QTextBrowser()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText(self.tr("&Apply"))
        self.apply_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)

        def work(token: CancelToken) -> RouteProposal:
            from fieldvisit.services.route_suggestion import suggest  # the optimizer: lazily

            token.check()
            return suggest(database.unit_of_work(), visit_id)

        self.task = Task(self, self.tr("Suggesting a route…"), work, self._found,
                         lambda error: (show_error(self, error), self.reject()))
        self.task.start()

    def _found(self, proposal: RouteProposal) -> None:
        self.proposal = proposal
        if not proposal.changes_order:
            self.summary.setText(self.tr("The present order is already the best one found "
                                         "(%1 min of travel).").replace(
                "%1", str(proposal.before_travel)))
        else:
            self.summary.setText(self.tr("Travel: %1 min now, %2 min with the suggested order.")
                                 .replace("%1", str(proposal.before_travel))
                                 .replace("%2", str(proposal.after_travel)))
        parts = []
        for day in proposal.days:
            heading = self.tr("Day %1").replace("%1", str(day.day))
            quality = self.tr("best possible order") if day.exact else self.tr("good order "
                                                                               "(heuristic)")
            conflicts = self.tr("conflicts: %1 → %2").replace(
                "%1", str(day.before_conflicts)).replace("%2", str(day.after_conflicts))
            stops = "".join(f"<li>{html.escape(name)}</li>" for name in day.names)
            parts.append(f"<h4>{html.escape(heading)} — {html.escape(quality)}</h4>"
                         f"<p>{html.escape(conflicts)}</p><ol>{stops}</ol>")
        self.details.setHtml("".join(parts))
        self.apply_button.setEnabled(proposal.changes_order)
