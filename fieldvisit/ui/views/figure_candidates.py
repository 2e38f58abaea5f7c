"""The figures found in a note's text that are not recorded yet (6000余人次, 800平方米 …):
Enter or a double-click records one as a key figure."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from fieldvisit.domain.entities import KeyFigure, Note
from fieldvisit.domain.figure_extraction import FigureCandidate
from fieldvisit.services import note_taking
from fieldvisit.ui.icons import icon


class FigureCandidates(QListWidget):
    chosen = Signal(object)  # the FigureCandidate to record

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(self.tr("Figures found in the text: double-click or press Enter to "
                                "record one as a key figure"))
        self.setAccessibleName(self.tr("Figures found in the text"))
        self.itemActivated.connect(lambda item: self.chosen.emit(self.candidate(item)))

    def show_for(self, note: Note | None, figures: Iterable[KeyFigure]) -> None:
        """The figures of ``note`` that none of ``figures`` records yet."""
        self.clear()
        for candidate in note_taking.unrecorded_figures(note, figures) if note else ():
            item = QListWidgetItem(icon("add"), candidate.text)
            item.setData(Qt.ItemDataRole.UserRole, candidate)
            self.addItem(item)

    @staticmethod
    def candidate(item: QListWidgetItem) -> FigureCandidate:
        return item.data(Qt.ItemDataRole.UserRole)
