"""The yellow bar an editor shows when what it holds was changed elsewhere meanwhile: the
message, and the two ways out (keep what was typed; show what was saved)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


def conflict_bar(keep_text: str, stored_text: str, keep_mine: Callable[[], None],
                 take_stored: Callable[[], None]) -> tuple[QWidget, QLabel]:
    """The bar (hidden) and its message label; the button texts come translated."""
    bar = QWidget()
    bar.setStyleSheet("background: #fff4ce")
    message = QLabel()
    message.setWordWrap(True)
    mine = QPushButton(keep_text)
    mine.clicked.connect(keep_mine)
    stored = QPushButton(stored_text)
    stored.clicked.connect(take_stored)
    layout = QHBoxLayout(bar)
    layout.addWidget(message, 1)
    layout.addWidget(mine)
    layout.addWidget(stored)
    bar.hide()
    return bar, message
