"""The choice of one of the report's fonts (title, headings, body): the default (the bundled
WenQuanYi Micro Hei, or the layout's own), the Chinese TrueType fonts found on this computer,
or any TrueType file ("Other TrueType font…" asks for it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QWidget

from fieldvisit.reporting.font_files import system_fonts
from fieldvisit.ui import file_dialogs

OTHER_FONT = "\x00other"


class ReportFontCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None, default: str | None = None) -> None:
        """``default``: how the first entry ("" : no file chosen) is named."""
        super().__init__(parent)
        self.addItem(default or self.tr("Bundled (WenQuanYi Micro Hei)"), "")
        for name, path in system_fonts():
            self.addItem(name, str(path))
        self.addItem(self.tr("Other TrueType font…"), OTHER_FONT)
        self.activated.connect(self._chosen)

    def font_file(self) -> str:
        """The chosen TrueType file, or "" for the bundled font."""
        data = self.currentData()
        return "" if data in (None, OTHER_FONT) else str(data)

    def set_font_file(self, path: str) -> None:
        """Select ``path`` ("" for the bundled font), adding it to the list if needed."""
        if path and self.findData(path) < 0:
            self.insertItem(self.count() - 1, Path(path.replace("\\", "/")).name, path)
        self.setCurrentIndex(max(self.findData(path), 0))

    def _chosen(self, index: int) -> None:
        if self.itemData(index) != OTHER_FONT:
            return
        path = file_dialogs.open_file(
            self, "font", self.tr("Font for the Report"),
            self.tr("TrueType fonts (*.ttf *.ttc);;All files (*)"))
        self.set_font_file(str(path) if path else "")
