"""The page shown on an empty database: open the sample visit, start a new one, or import a
note-taker's package."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QCommandLinkButton, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldvisit.paths import resource


class WelcomePage(QWidget):
    open_sample = Signal()
    new_visit = Signal()
    import_package = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        logo = QLabel()
        logo.setPixmap(QIcon(str(resource("icons", "fieldvisit.svg"))).pixmap(QSize(72, 72)))
        logo.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        title = QLabel(self.tr("Welcome to FieldVisit"))
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        intro = QLabel(self.tr(
            "Plan a joint field research visit: assemble the delegation, route it through the "
            "sites, take notes at each stop and publish the research report. There is no visit "
            "in this database yet."))
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.sample_button = QCommandLinkButton(
            self.tr("Open the sample visit"),
            self.tr("The joint research visit of four organizations to new-employment-form "
                    "workers in Chaoyang district, with its delegation, itinerary and notes."))
        self.new_button = QCommandLinkButton(
            self.tr("New visit"),
            self.tr("Start with an empty visit: a title, dates and the theme of the research."))
        self.import_button = QCommandLinkButton(
            self.tr("Import a visit package…"),
            self.tr("Open a .fieldvisit package or a visit document sent by a coordinator or "
                    "a note-taker."))
        for button, name in ((self.sample_button, self.tr("Open the sample visit")),
                             (self.new_button, self.tr("New visit")),
                             (self.import_button, self.tr("Import a visit package"))):
            button.setAccessibleName(name)
            button.setAccessibleDescription(button.description())
        self.sample_button.clicked.connect(self.open_sample)
        self.new_button.clicked.connect(self.new_visit)
        self.import_button.clicked.connect(self.import_package)
        column = QWidget()
        column.setMaximumWidth(560)
        inner = QVBoxLayout(column)
        inner.setSpacing(12)
        inner.addWidget(logo)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addSpacing(12)
        for button in (self.sample_button, self.new_button, self.import_button):
            inner.addWidget(button)
        row = QHBoxLayout()  # centred by stretches: with an alignment flag instead, the layout
        row.addStretch(1)  # would give the wrapped texts the height of a wider column
        row.addWidget(column, 100)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.setTabOrder(self.sample_button, self.new_button)
        self.setTabOrder(self.new_button, self.import_button)

    def focus_first(self) -> None:
        self.sample_button.setFocus(Qt.FocusReason.OtherFocusReason)
