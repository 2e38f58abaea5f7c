"""The report's options as widgets: layout (modern or 公文), language, paper, sections,
confidential notes, anonymity, photos, tag statistics, marking and the title, heading and body
fonts. ``value()`` gives the ``ReportOptions``; choices are remembered."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.services.report_model import SECTIONS, ReportOptions, section_keys
from fieldvisit.ui.views.report_font_combo import ReportFontCombo

SETTINGS_GROUP = "report"


class ReportOptionsPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = QComboBox()
        self.language.addItem(self.tr("The visit's language"), None)
        self.language.addItem(self.tr("Chinese"), "zh")
        self.language.addItem(self.tr("English"), "en")
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Letter"), "letter")
        self.layout_preset = QComboBox()
        self.layout_preset.addItem(self.tr("Modern layout"), "modern")
        self.layout_preset.addItem(self.tr("Official document layout (公文)"), "official")
        self.title_font = ReportFontCombo(default=self.tr("The layout's default"))
        self.heading_font = ReportFontCombo(default=self.tr("The layout's default"))
        self.font = ReportFontCombo()
        """The body's font (the font the characters are checked against)."""
        self.font_warning = QLabel()
        """What the chosen font lacks of the visit's characters (set by the report tab)."""
        self.font_warning.setWordWrap(True)
        self.font_warning.setStyleSheet("color: #8a5300")
        self.font_warning.hide()
        self.marking = QLineEdit()
        self.marking.setPlaceholderText(self.tr("e.g. Internal — printed on the cover"))
        self.confidential = QCheckBox(self.tr("Include confidential notes"))
        self.anonymize = QCheckBox(self.tr("Anonymize interviewees"))
        self.anonymize.setChecked(True)
        self.photos = QCheckBox(self.tr("Photo pages"))
        self.photos.setChecked(True)
        self.statistics = QCheckBox(self.tr("Tag statistics (as an attachment)"))
        names = {
            "cover": self.tr("Cover"), "contents": self.tr("Table of contents"),
            "basic": self.tr("Basic information"), "practices": self.tr("Practices and results"),
            "problems": self.tr("Problems"), "suggestions": self.tr("Suggestions"),
            "itinerary": self.tr("Itinerary"), "route_map": self.tr("Route map"),
            "roster": self.tr("Roster appendix"),
        }
        self.sections = {key: QCheckBox(names[key]) for key in SECTIONS}
        sections_box = QGroupBox(self.tr("Sections"))
        grid = QGridLayout(sections_box)
        for index, key in enumerate(SECTIONS):
            self.sections[key].setChecked(True)
            grid.addWidget(self.sections[key], index // 2, index % 2)
        form = QFormLayout()
        form.addRow(self.tr("La&yout:"), self.layout_preset)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Paper:"), self.paper)
        form.addRow(self.tr("&Title font:"), self.title_font)
        form.addRow(self.tr("&Heading font:"), self.heading_font)
        form.addRow(self.tr("&Body font:"), self.font)
        form.addRow("", self.font_warning)
        form.addRow(self.tr("&Marking:"), self.marking)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(sections_box)
        for box in (self.confidential, self.anonymize, self.photos, self.statistics):
            layout.addWidget(box)
        self._restore()
        for combo in (self.layout_preset, self.language, self.paper, self.title_font,
                      self.heading_font, self.font):
            combo.currentIndexChanged.connect(self._save)
        for box in (self.confidential, self.anonymize, self.photos, self.statistics,
                    *self.sections.values()):
            box.toggled.connect(self._save)
        self.marking.editingFinished.connect(self._save)

    def value(self) -> ReportOptions:
        return ReportOptions(
            language=self.language.currentData(), paper=self.paper.currentData(),
            sections=frozenset(k for k, box in self.sections.items() if box.isChecked()),
            include_confidential=self.confidential.isChecked(),
            anonymize=self.anonymize.isChecked(), photos=self.photos.isChecked(),
            marking=self.marking.text().strip(),
            font=self.font.font_file(), layout=self.layout_preset.currentData(),
            title_font=self.title_font.font_file(),
            heading_font=self.heading_font.font_file(),
            statistics=self.statistics.isChecked())

    def show_font_warning(self, text: str) -> None:
        self.font_warning.setText(text)
        self.font_warning.setVisible(bool(text))

    # -- remembered choices ------------------------------------------------------------------
    def _save(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        settings.setValue("language", self.language.currentData() or "")
        settings.setValue("paper", self.paper.currentData())
        settings.setValue("font", self.font.font_file())
        settings.setValue("layout", self.layout_preset.currentData())
        settings.setValue("titleFont", self.title_font.font_file())
        settings.setValue("headingFont", self.heading_font.font_file())
        settings.setValue("statistics", self.statistics.isChecked())
        settings.setValue("marking", self.marking.text())
        settings.setValue("confidential", self.confidential.isChecked())
        settings.setValue("anonymize", self.anonymize.isChecked())
        settings.setValue("photos", self.photos.isChecked())
        settings.setValue("sections", ",".join(k for k, b in self.sections.items()
                                               if b.isChecked()))
        settings.endGroup()
        self.changed.emit()

    def reload_defaults(self) -> None:
        """Show the paper and font just chosen in Preferences (they share these settings)."""
        self._restore()

    def _restore(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        try:
            self._select(self.language, str(settings.value("language", "")) or None)
            self._select(self.paper, str(settings.value("paper", "a4")))
            self.font.set_font_file(str(settings.value("font", "") or ""))
            self._select(self.layout_preset, str(settings.value("layout", "modern")))
            self.title_font.set_font_file(str(settings.value("titleFont", "") or ""))
            self.heading_font.set_font_file(str(settings.value("headingFont", "") or ""))
            self.statistics.setChecked(settings.value("statistics", False, type=bool))
            self.marking.setText(str(settings.value("marking", "") or ""))
            self.confidential.setChecked(settings.value("confidential", False, type=bool))
            self.anonymize.setChecked(settings.value("anonymize", True, type=bool))
            self.photos.setChecked(settings.value("photos", True, type=bool))
            chosen = settings.value("sections", None)
            if chosen is not None:
                keys = section_keys(str(chosen).split(","))  # old names too
                for key, box in self.sections.items():
                    box.setChecked(key in keys)
        finally:
            settings.endGroup()

    @staticmethod
    def _select(combo: QComboBox, data: object) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)
