"""The detour factor and the speed of each travel mode, as a form: used by a visit's travel
estimates and by the defaults in Preferences."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QLabel, QWidget

from fieldvisit.domain import limits
from fieldvisit.domain.timeline import TravelSettings


class TravelSpeedsForm(QWidget):
    def __init__(self, settings: TravelSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        def spin(field: str, suffix: str, name: str) -> QDoubleSpinBox:
            minimum, maximum = limits.RANGES[field]  # what a visit may hold
            box = QDoubleSpinBox(minimum=minimum, maximum=maximum, decimals=1)
            box.setSuffix(suffix)
            box.setAccessibleName(name)
            return box

        kmh = self.tr(" km/h")
        self.detour = spin("detour_factor", " ×", self.tr("Detour factor"))
        self.detour.setDecimals(2)
        self.detour.setSingleStep(0.05)
        self.walk = spin("walk_kmh", kmh, self.tr("Walking speed"))
        self.car = spin("car_kmh", kmh, self.tr("Car speed"))
        self.minibus = spin("minibus_kmh", kmh, self.tr("Minibus speed"))
        self.public = spin("public_transport_kmh", kmh, self.tr("Public transport speed"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        explanation = QLabel(self.tr("Without a typed travel time, a leg takes the great-circle "
                                     "distance × the detour factor ÷ the speed of its mode."))
        explanation.setWordWrap(True)
        form.addRow(explanation)
        form.addRow(self.tr("&Detour factor:"), self.detour)
        form.addRow(self.tr("&Walking:"), self.walk)
        form.addRow(self.tr("&Car:"), self.car)
        form.addRow(self.tr("&Minibus:"), self.minibus)
        form.addRow(self.tr("&Public transport:"), self.public)
        self.set_settings(settings)

    def set_settings(self, settings: TravelSettings) -> None:
        self.detour.setValue(settings.detour_factor)
        self.walk.setValue(settings.walk_kmh)
        self.car.setValue(settings.car_kmh)
        self.minibus.setValue(settings.minibus_kmh)
        self.public.setValue(settings.public_transport_kmh)

    def settings(self) -> TravelSettings:
        return TravelSettings(detour_factor=self.detour.value(), walk_kmh=self.walk.value(),
                              car_kmh=self.car.value(), minibus_kmh=self.minibus.value(),
                              public_transport_kmh=self.public.value())
