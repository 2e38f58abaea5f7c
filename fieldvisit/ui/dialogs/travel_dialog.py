"""How travel times are estimated for a visit: detour factor and speed of each mode."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from fieldvisit.domain.timeline import TravelSettings


class TravelDialog(QDialog):
    def __init__(self, settings: TravelSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Travel Estimates"))

        def spin(value: float, minimum: float, maximum: float, suffix: str) -> QDoubleSpinBox:
            box = QDoubleSpinBox(minimum=minimum, maximum=maximum, decimals=1, value=value)
            box.setSuffix(suffix)
            return box

        kmh = self.tr(" km/h")
        self.detour = spin(settings.detour_factor, 1.0, 5.0, " ×")
        self.detour.setDecimals(2)
        self.detour.setSingleStep(0.05)
        self.walk = spin(settings.walk_kmh, 0.5, 20, kmh)
        self.car = spin(settings.car_kmh, 1, 150, kmh)
        self.minibus = spin(settings.minibus_kmh, 1, 150, kmh)
        self.public = spin(settings.public_transport_kmh, 1, 150, kmh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        explanation = QLabel(self.tr("Without a typed travel time, a leg takes the great-circle "
                                     "distance × the detour factor ÷ the speed of its mode."))
        explanation.setWordWrap(True)
        form.addRow(explanation)
        form.addRow(self.tr("&Detour factor:"), self.detour)
        form.addRow(self.tr("&Walking:"), self.walk)
        form.addRow(self.tr("&Car:"), self.car)
        form.addRow(self.tr("&Minibus:"), self.minibus)
        form.addRow(self.tr("&Public transport:"), self.public)
        form.addRow(buttons)

    def settings(self) -> TravelSettings:
        return TravelSettings(detour_factor=self.detour.value(), walk_kmh=self.walk.value(),
                              car_kmh=self.car.value(), minibus_kmh=self.minibus.value(),
                              public_transport_kmh=self.public.value())
