"""The table view every list in the window uses, and a header whose long labels wrap."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def make_table(model: QAbstractItemModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    view.horizontalHeader().setResizeContentsPrecision(200)  # sized from the first rows
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    return view


def fit_columns(view: QTableView) -> None:
    """Size every column to its contents, the last one too: a stretched last column keeps the
    width it had when stretching was switched on (100 px), so a table that does not fill its
    view would be wider than its contents need."""
    header = view.horizontalHeader()
    stretch = header.stretchLastSection()
    header.setStretchLastSection(False)
    view.resizeColumnsToContents()
    header.setStretchLastSection(stretch)


class WrappingHeader(QHeaderView):
    """A horizontal header whose long labels (the stops of the attendance grid) wrap onto a
    second line instead of widening their columns beyond the view."""

    MAX_CHARACTERS = 9  # about this many Chinese characters a line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)

    def sectionSizeFromContents(self, logical_index: int) -> QSize:
        natural = super().sectionSizeFromContents(logical_index)
        text = str(self.model().headerData(logical_index, self.orientation()) or "") \
            if self.model() else ""
        metrics = self.fontMetrics()
        padding = natural.width() - metrics.horizontalAdvance(text)
        width = min(natural.width(), metrics.horizontalAdvance("中") * self.MAX_CHARACTERS)
        lines = metrics.boundingRect(QRect(0, 0, width - padding, 10_000), int(
            Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere), text).height()
        return QSize(width, max(natural.height(), lines + natural.height()
                                - metrics.height()))
