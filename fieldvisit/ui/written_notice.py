"""Where an exported file went: a status-bar line "Wrote … — Open Folder" whose link opens the
folder in the system's file manager; when no file manager can be started, a message says so
and names the folder instead."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

translate = QCoreApplication.translate
NOTICE_NAME = "writtenNotice"


def open_folder(parent: QWidget, folder: Path) -> bool:
    """Show ``folder`` in the file manager; say so when that fails."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    QMessageBox.information(parent, translate("WrittenNotice", "Open Folder"), translate(
        "WrittenNotice", "No file manager could be started. The file is in:\n%1").replace(
        "%1", str(folder)))
    return False


def show_written(widget: QWidget, path: Path) -> QLabel | None:
    """Tell the user in the window's status bar that ``path`` was written, with a link to
    its folder. Returns the label (None when ``widget`` is not inside a main window)."""
    window = widget.window()
    if not isinstance(window, QMainWindow):
        return None
    bar = window.statusBar()
    label = bar.findChild(QLabel, NOTICE_NAME)
    if label is None:
        label = QLabel(bar)
        label.setObjectName(NOTICE_NAME)
        label.setTextFormat(label.textFormat().RichText)
        bar.addWidget(label, 1)
        label.linkActivated.connect(
            lambda _link: open_folder(window, Path(label.property("folder"))))
    label.setProperty("folder", str(path.parent))
    text = translate("WrittenNotice", "Wrote %1").replace("%1", _escaped(str(path)))
    link = translate("WrittenNotice", "Open Folder")
    label.setText(f'{text} — <a href="folder">{link}</a>')
    label.setToolTip(str(path))
    label.show()
    return label


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def open_written(parent: QWidget, path: Path) -> bool:
    """Open ``path`` in the system's viewer for its type; when none starts (no PDF or Word
    viewer installed), say so and offer to show the folder instead."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    answer = QMessageBox.question(
        parent, translate("WrittenNotice", "Open File"), translate(
            "WrittenNotice", "No program could open %1. Show the folder it is in?").replace(
            "%1", path.name),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
        QMessageBox.StandardButton.Open)
    if answer == QMessageBox.StandardButton.Open:
        open_folder(parent, path.parent)
    return False
