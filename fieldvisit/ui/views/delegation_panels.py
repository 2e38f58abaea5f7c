"""Parts of the Delegation tab: the live checks, the attendance grid's header and the roster
on the clipboard."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QMimeData, Qt
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QWidget,
)

from fieldvisit.domain.delegation_rules import Problem, ProblemKind
from fieldvisit.services.delegation_view import RosterLine
from fieldvisit.ui.formats import join_list
from fieldvisit.ui.labels import label

translate = QCoreApplication.translate


def problem_text(problem: Problem) -> str:
    templates = {
        ProblemKind.NO_LEADER: translate("Checks", "Nobody leads the delegation."),
        ProblemKind.SEVERAL_LEADERS: translate("Checks", "Several leaders: %1."),
        ProblemKind.LISTED_TWICE: translate("Checks", "%1 is listed twice."),
        ProblemKind.STOP_WITHOUT_NOTE_TAKER: translate("Checks", "No note-taker at stop %1."),
        ProblemKind.ORGANIZATION_WITHOUT_MEMBERS: translate(
            "Checks", "%1 takes part but has nobody in the delegation."),
    }
    subject = join_list(problem.names) if problem.names else problem.subject
    return templates[problem.kind].replace("%1", subject)


class ChecksPanel(QListWidget):
    """The delegation's problems, updated after every change; never blocks editing. Long
    messages wrap to the panel's width instead of being cut off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # wrap again when the panel resizes

    def show_problems(self, problems: tuple[Problem, ...]) -> None:
        self.clear()
        style = self.style()
        if not problems:
            item = QListWidgetItem(style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
                                   self.tr("No problems found."))
            self.addItem(item)
            return
        icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for problem in problems:
            self.addItem(QListWidgetItem(icon, problem_text(problem)))


def roster_mime(lines: tuple[RosterLine, ...]) -> QMimeData:
    """The roster as an HTML table (for word processors) and tab-separated text."""
    headers = [translate("Roster", "Name"), translate("Roster", "Title"),
               translate("Roster", "Organization"), translate("Roster", "Role")]
    rows = [[line.name, line.title, line.organization, label(line.role)] for line in lines]
    text = "\n".join("\t".join(cells) for cells in [headers, *rows]) + "\n"
    cells = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    data = QMimeData()
    data.setText(text)
    data.setHtml(f"<table border='1' cellspacing='0'><tr>{cells}</tr>{body}</table>")
    return data


def copy_roster(lines: tuple[RosterLine, ...]) -> None:
    QApplication.clipboard().setMimeData(roster_mime(lines))


def release_clipboard() -> None:
    """Clear what we put on the clipboard before the application object goes away: PySide
    crashes at exit when the clipboard still owns mime data created from Python."""
    clipboard = QApplication.clipboard()
    if clipboard.ownsClipboard() or clipboard.mimeData() is not None:
        clipboard.clear()
