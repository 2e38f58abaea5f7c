"""Route suggestion: computed off the GUI thread, shown as before → after, applied in one step."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from fieldvisit.ui import formats
from fieldvisit.ui.errors import show_error
from fieldvisit.ui.itinerary_labels import conflict_text
from fieldvisit.ui.tasks import CancelToken, Task

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database

if TYPE_CHECKING:
    from fieldvisit.services.route_suggestion import DaySuggestion, RouteProposal, StopTiming


class RouteDialog(QDialog):
    def __init__(self, database: Database, visit_id: UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suggest Route"))
        self.resize(760, 520)
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
        self.summary.setText(summary_text(proposal))
        self.details.setHtml("".join(day_html(day) for day in proposal.days))
        self.apply_button.setEnabled(proposal.changes_order)


def summary_text(proposal: RouteProposal) -> str:
    """Travel compared like with like, and what the itinerary itself shows."""
    translate = QCoreApplication.translate
    if not proposal.changes_order:
        return translate(
            "RouteDialog", "The present order is already the best one found (%1 min of "
            "travel).").replace("%1", str(proposal.before_shown))
    text = translate(
        "RouteDialog", "Travel with every leg estimated the same way: %1 min now, %2 min with "
        "the suggested order.").replace("%1", str(proposal.before_travel)).replace(
        "%2", str(proposal.after_travel))
    if proposal.typed_legs or proposal.before_shown != proposal.before_travel:
        text += " " + translate(
            "RouteDialog", "The itinerary counts typed travel times where they are given: %1 "
            "min now, %2 min after applying (typed times stay with the legs that "
            "remain).").replace("%1", str(proposal.before_shown)).replace(
            "%2", str(proposal.after_shown))
    return text


def day_html(day: DaySuggestion) -> str:
    """The day's current and suggested orders side by side, stop by stop."""
    translate = QCoreApplication.translate
    heading = translate("RouteDialog", "Day %1").replace("%1", str(day.day))
    quality = translate("RouteDialog", "best possible order") if day.exact else translate(
        "RouteDialog", "good order (heuristic)")
    conflicts = translate("RouteDialog", "conflicts: %1 → %2").replace(
        "%1", str(day.before_conflicts)).replace("%2", str(day.after_conflicts))
    rows = "".join(f"<tr><td>{_stop_html(k, before)}</td><td>{_stop_html(k, after)}</td></tr>"
                   for k, (before, after) in enumerate(zip(day.before, day.after, strict=True),
                                                       start=1))
    return (f"<h4>{html.escape(heading)} — {html.escape(quality)}</h4>"
            f"<p>{html.escape(conflicts)}</p>"
            f"<table width='100%' cellspacing='0' cellpadding='3'><tr>"
            f"<th align='left'>{html.escape(translate('RouteDialog', 'Now'))}</th>"
            f"<th align='left'>{html.escape(translate('RouteDialog', 'Suggested'))}</th></tr>"
            f"{rows}</table>")


def _stop_html(number: int, timing: StopTiming) -> str:
    translate = QCoreApplication.translate
    times = f"{formats.clock(timing.arrival)}–{formats.clock(timing.departure)}"
    lines = [f"{number}. {times} <b>{html.escape(timing.name)}</b>"]
    lines += [f"<span style='color:#b3261e'>⚠ {html.escape(conflict_text(c))}</span>"
              for c in timing.conflicts]
    if timing.leg_minutes is not None:
        leg = (translate("RouteDialog", "→ %1 min (typed)") if timing.leg_typed
               else translate("RouteDialog", "→ ≈%1 min (estimated)")).replace(
            "%1", str(timing.leg_minutes))
        lines.append(f"<span style='color:#5f6368'>{html.escape(leg)}</span>")
    return "<br>".join(lines)
