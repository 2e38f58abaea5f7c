"""How travel times are estimated for a visit: detour factor and speed of each mode."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from fieldvisit.domain.timeline import TravelSettings
from fieldvisit.ui.views.travel_form import TravelSpeedsForm


class TravelDialog(QDialog):
    def __init__(self, settings: TravelSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Travel Estimates"))
        self.form = TravelSpeedsForm(settings)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def settings(self) -> TravelSettings:
        return self.form.settings()
