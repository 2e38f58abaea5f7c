"""Issue 11.10: the "➕" before suggested figures was an empty box (no font has the glyph); the
interface draws real icons instead."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from fieldvisit.ui.icons import NAMES, icon


@pytest.mark.parametrize("name", NAMES)
def test_every_icon_draws_something(qapp, name):
    image = icon(name).pixmap(16, 16).toImage()
    assert not image.isNull() and image.width() == 16
    opaque = [QColor(image.pixel(x, y)) for x in range(16) for y in range(16)
              if QColor.fromRgba(image.pixel(x, y)).alpha() > 200]
    assert len(opaque) > 64  # a filled shape, not an empty or transparent picture


def test_a_list_item_shows_the_icon_beside_its_plain_text(qapp):
    candidates = QListWidget()
    item = QListWidgetItem(icon("add"), "6000余人次")
    candidates.addItem(item)
    assert not item.icon().isNull() and item.text() == "6000余人次"


def test_an_unknown_icon_is_named_in_the_error():
    with pytest.raises(KeyError, match="remove"):
        icon("remove")
