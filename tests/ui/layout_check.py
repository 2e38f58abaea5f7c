"""Helpers for tests/ui/test_stretched_strings.py: a pseudo-translator that stretches every
string to about twice its length, the size a window first opens at, and a checker that lists
every piece of text that does not fit in the widget showing it.

What counts as cut off (see ``find_cut_offs``):

* QLabel without word wrap: its size hint (the text plus margins) is wider or taller than the
  label; with word wrap: ``heightForWidth`` at the label's width is taller than the label, or
  its longest word is wider than the label;
* QAbstractButton (push, tool, check and radio buttons) with text: the size hint is wider than
  the button;
* QGroupBox: the title (and check box) is wider than the group box;
* QComboBox: the current text is wider than the edit field the style draws it in;
* QAbstractSpinBox (spin and date boxes): the text with prefix and suffix is wider than the
  field;
* QTabBar with an elide mode: a tab narrower than the tab needs (tabs that do not fit may
  scroll: that is allowed, elided text is not);
* any of the above that lies outside an enclosing widget (a parent narrower than its contents,
  or a scroll area whose scroll bar in that direction is switched off);
* the window smaller than its minimum size hint.

Not checked, because eliding or scrolling is normal there: item views (table headers and cells),
the status bar, line edits and text edits (placeholders may elide), menus, and tool bar buttons
moved into the tool bar's » extension menu.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTranslator
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QStatusBar,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionGroupBox,
    QStyleOptionTab,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)

# -- the pseudo-translation ------------------------------------------------------------------

_PROTECTED = re.compile(r"""
      <[^<>]*>                  # an HTML tag, with its attributes
    | &(?:[A-Za-z]+|\#\d+);     # an HTML entity
    | &&                        # a literal ampersand in a mnemonic text
    | %L?\d+ | %n | %[sd]       # Qt's %1, %L1, %n; printf's %s, %d
    | \{[^{}]*\}                # str.format fields: {0}, {name}
    | \n
""", re.VERBOSE)
_WORD = re.compile(r"\w+")


def stretch(text: str) -> str:
    """``text`` with every word written twice ("&Name:" → "&NameName:"), placeholders, HTML
    tags and entities, mnemonic ampersands and line breaks kept as they are."""
    parts, position = [], 0
    for protected in _PROTECTED.finditer(text):
        parts.append(_WORD.sub(lambda m: m.group() * 2, text[position:protected.start()]))
        parts.append(protected.group())
        position = protected.end()
    parts.append(_WORD.sub(lambda m: m.group() * 2, text[position:]))
    return "".join(parts)


class StretchingTranslator(QTranslator):
    """Translates every string, FieldVisit's and Qt's own (OK, Cancel…), into ``stretch``'s
    twice-as-long pseudo-language. Key names (context QShortcut) are left alone so that
    shortcuts still parse."""

    UNTOUCHED_CONTEXTS = frozenset({"QShortcut"})

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if not source or context in self.UNTOUCHED_CONTEXTS:
            return ""  # "" means "not translated here": Qt shows the source
        return stretch(source)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


# -- the size a window opens at ----------------------------------------------------------------

USER_SCREEN = QSize(1920, 1080)
"""The screen the natural size is computed for (the offscreen platform's screen is 800×800,
smaller than anybody's)."""


def natural_size(window: QWidget) -> QSize:
    """The size ``window`` first opens at on a USER_SCREEN: the size its constructor chose
    with resize(), else what QWidget::adjustSize gives — the size hint (its height for that
    width where the layout wraps text), at most 2/3 of the screen — and never less than the
    window's minimum size."""
    if window.testAttribute(Qt.WidgetAttribute.WA_Resized):
        size = window.size()
    else:
        size = window.sizeHint()
        layout = window.layout()
        if layout is not None:
            if layout.hasHeightForWidth():
                size.setHeight(layout.totalHeightForWidth(size.width()))
            expanding = layout.expandingDirections()
            if expanding & Qt.Orientation.Horizontal:
                size.setWidth(max(size.width(), 200))
            if expanding & Qt.Orientation.Vertical:
                size.setHeight(max(size.height(), 100))
        size = size.boundedTo(QSize(USER_SCREEN.width() * 2 // 3, USER_SCREEN.height() * 2 // 3))
    return size.expandedTo(window.minimumSize()).expandedTo(window.minimumSizeHint())


# -- the checker -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CutOff:
    window: str
    widget: str
    text: str
    needed: int
    has: int
    detail: str = ""

    def __str__(self) -> str:
        detail = f" ({self.detail})" if self.detail else ""
        return (f"{self.window} › {self.widget} › “{self.text}” › needed {self.needed} px, "
                f"has {self.has} px{detail}")


_SKIPPED_SUBTREES = (QAbstractItemView, QStatusBar, QMenuBar, QLineEdit, QAbstractSpinBox,
                     QComboBox)
"""Their insides are not checked (cells and headers may elide; the inner line edit, buttons
and scroll arrows of compound widgets are checked through the compound widget)."""


def _name(widget: QWidget) -> str:
    name = widget.objectName()
    kind = type(widget).__name__
    return f"{name} ({kind})" if name and not name.startswith("qt_") else kind


def _plain(text: str) -> str:
    """The text as shown: without the mnemonic marker, one line."""
    return re.sub(r"&(.)", r"\1", text).replace("\n", "⏎")


def _short(text: str, limit: int = 70) -> str:
    text = re.sub(r"<[^<>]*>", "", text) if "<" in text else text
    text = _plain(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _inside_skipped(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, _SKIPPED_SUBTREES) or isinstance(parent, QTabBar):
            return True
        parent = parent.parentWidget()
    return False


def _checked_widgets(top: QWidget) -> Iterator[QWidget]:
    for widget in top.findChildren(QWidget):
        if widget.isWindow() or not widget.isVisibleTo(top) or _inside_skipped(widget, top):
            continue
        yield widget


def _label_cut(label: QLabel) -> tuple[int, int, str] | None:
    if not label.pixmap().isNull():
        hint = label.sizeHint()
        if hint.width() > label.width() or hint.height() > label.height():
            return (hint.width(), label.width(), "picture") if hint.width() > label.width() \
                else (hint.height(), label.height(), "height of the picture")
        return None
    if not label.text().strip():
        return None
    if label.wordWrap():
        longest_word = label.minimumSizeHint().width()
        if longest_word > label.width():
            return longest_word, label.width(), "longest word is wider"
        needed = label.heightForWidth(label.width())
        if needed > label.height():
            return needed, label.height(), "height of the wrapped text"
        return None
    hint = label.sizeHint()
    if hint.width() > label.width():
        return hint.width(), label.width(), ""
    if hint.height() > label.height():
        return hint.height(), label.height(), "height"
    return None


def _button_cut(button: QAbstractButton) -> tuple[int, int, str] | None:
    if not button.text().strip():
        return None
    if isinstance(button, QToolButton) \
            and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
        return None
    needed = button.sizeHint().width()
    if needed > button.width():
        return needed, button.width(), ""
    needed = button.heightForWidth(button.width()) if button.hasHeightForWidth() \
        else button.sizeHint().height()
    return (needed, button.height(), "height") if needed > button.height() else None


def _group_box_cut(box: QGroupBox) -> tuple[int, int, str] | None:
    if not box.title().strip():
        return None
    metrics = box.fontMetrics()
    width = metrics.horizontalAdvance(_plain(box.title()) + " ")
    height = metrics.height()
    option = QStyleOptionGroupBox()
    option.initFrom(box)
    option.text = box.title()
    option.lineWidth = 1
    option.subControls = QStyle.SubControl.SC_GroupBoxFrame | QStyle.SubControl.SC_GroupBoxLabel
    if box.isCheckable():
        option.subControls |= QStyle.SubControl.SC_GroupBoxCheckBox
        width += (box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, option, box)
                  + box.style().pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing,
                                            option, box))
    needed = box.style().sizeFromContents(QStyle.ContentsType.CT_GroupBox, option,
                                          QSize(width, height), box).width()
    return (needed, box.width(), "title") if needed > box.width() else None


def _combo_cut(combo: QComboBox) -> tuple[int, int, str] | None:
    text = combo.currentText()
    if not text:
        return None
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.editable = combo.isEditable()
    option.frame = combo.hasFrame()
    option.currentText = text
    option.subControls = QStyle.SubControl.SC_All
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    # the ink of the text (as QComboBox's own size hint measures it), drawn inset by 1 px
    needed = combo.fontMetrics().boundingRect(text).width() + 2
    if not combo.itemIcon(combo.currentIndex()).isNull():
        needed += combo.iconSize().width() + 4
    return (needed, field.width(), "current text") if needed > field.width() else None


def _spin_box_cut(box: QAbstractSpinBox) -> tuple[int, int, str] | None:
    edit = box.findChild(QLineEdit)
    if edit is None or not box.text():
        return None
    margins = edit.textMargins()
    has = edit.contentsRect().width() - margins.left() - margins.right() - 4  # QLineEdit's
    needed = edit.fontMetrics().horizontalAdvance(box.text()) + 1  # and the cursor
    return (needed, has, "text") if needed > has else None


def tab_size_hint(bar: QTabBar, index: int) -> QSize:
    """QTabBar::tabSizeHint, which is protected: the size a tab needs for all its text."""
    option = QStyleOptionTab()
    option.initFrom(bar)
    option.shape = bar.shape()
    option.text = bar.tabText(index)
    option.icon = bar.tabIcon(index)
    option.iconSize = bar.iconSize()
    option.documentMode = bar.documentMode()
    style = bar.style()
    metrics: QFontMetrics = bar.fontMetrics()
    hframe = style.pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, option, bar)
    vframe = style.pixelMetric(QStyle.PixelMetric.PM_TabBarTabVSpace, option, bar)
    icon = QSize(0, 0)
    if not option.icon.isNull():
        icon = QSize(bar.iconSize().width() + 4, bar.iconSize().height())
    text = metrics.size(Qt.TextFlag.TextShowMnemonic, bar.tabText(index))
    content = QSize(text.width() + icon.width() + hframe,
                    max(metrics.height(), icon.height()) + vframe)
    vertical = bar.shape() in (QTabBar.Shape.RoundedWest, QTabBar.Shape.RoundedEast,
                               QTabBar.Shape.TriangularWest, QTabBar.Shape.TriangularEast)
    if vertical:
        content.transpose()
    return style.sizeFromContents(QStyle.ContentsType.CT_TabBarTab, option, content, bar)


def _tab_cuts(bar: QTabBar) -> Iterator[tuple[str, int, int]]:
    if bar.elideMode() == Qt.TextElideMode.ElideNone:
        return  # the text is never elided; tabs that do not fit scroll
    for index in range(bar.count()):
        needed, has = tab_size_hint(bar, index).width(), bar.tabRect(index).width()
        if needed > has:
            yield bar.tabText(index), needed, has


def _clipping_ancestor(widget: QWidget, top: QWidget) -> tuple[QWidget, int, int] | None:
    """The first enclosing widget that hides part of ``widget`` (beyond a scroll area's
    viewport only in a direction its scroll bar is switched off): (it, needed, has)."""
    rect = QRect(QPoint(0, 0), widget.size())
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        rect.translate(child.pos())
        bounds = parent.rect()
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            horizontal = area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            vertical = area.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if horizontal:
                bounds.setLeft(min(bounds.left(), rect.left()))
                bounds.setRight(max(bounds.right(), rect.right()))
            if vertical:
                bounds.setTop(min(bounds.top(), rect.top()))
                bounds.setBottom(max(bounds.bottom(), rect.bottom()))
        visible = rect.intersected(bounds)
        scrolled = isinstance(area, QAbstractScrollArea) and parent is area.viewport()
        clipper = area if scrolled else parent
        if visible.width() < rect.width():
            return clipper, rect.width(), max(visible.width(), 0)
        if visible.height() < rect.height():
            return clipper, rect.height(), max(visible.height(), 0)
        if parent is top:
            return None
        if scrolled:  # beyond the viewport, scrolling shows it: the rest sees what is shown
            rect = rect.intersected(parent.rect())
            if rect.isEmpty():
                return None
        child, parent = parent, parent.parentWidget()
    return None


def find_cut_offs(top: QWidget, name: str | None = None) -> list[CutOff]:
    """Everything cut off in ``top`` as it is shown now (call with the window shown)."""
    name = name or type(top).__name__
    found: list[CutOff] = []
    minimum = top.minimumSizeHint()
    if minimum.isValid() and (top.width() < minimum.width() or top.height() < minimum.height()):
        found.append(CutOff(name, "window", top.windowTitle(),
                            minimum.width(), top.width(),
                            f"minimum size {minimum.width()}×{minimum.height()}, "
                            f"has {top.width()}×{top.height()}"))
    for widget in _checked_widgets(top):
        text, cut = "", None
        if isinstance(widget, QLabel):
            text, cut = widget.text(), _label_cut(widget)
        elif isinstance(widget, QAbstractButton):
            text, cut = widget.text(), _button_cut(widget)
        elif isinstance(widget, QGroupBox):
            text, cut = widget.title(), _group_box_cut(widget)
        elif isinstance(widget, QComboBox):
            text, cut = widget.currentText(), _combo_cut(widget)
        elif isinstance(widget, QAbstractSpinBox):
            text, cut = widget.text(), _spin_box_cut(widget)
        elif isinstance(widget, QTabBar):
            for tab_text, needed, has in _tab_cuts(widget):
                found.append(CutOff(name, _name(widget), _short(tab_text), needed, has,
                                    "tab elided"))
            text = " ".join(widget.tabText(i) for i in range(widget.count()))
        else:
            continue
        if cut is not None:
            needed, has, detail = cut
            found.append(CutOff(name, _name(widget), _short(text) or "(picture)", needed, has,
                                detail))
        shows_picture = isinstance(widget, QLabel) and not widget.pixmap().isNull()
        clipped = _clipping_ancestor(widget, top) if text.strip() or shows_picture else None
        if clipped is not None:
            ancestor, needed, has = clipped
            found.append(CutOff(name, _name(widget), _short(text) or "(picture)", needed, has,
                                f"partly outside {_name(ancestor)}"))
    return found


def tab_states(top: QWidget) -> Iterator[str]:
    """Shows every page of every tab widget in ``top`` in turn (nested ones inside each page),
    yielding a description of the pages shown; the first state is the window as it is."""
    yield ""
    yield from _explore(top, top, [])


def _explore(container: QWidget, top: QWidget, path: list[str]) -> Iterator[str]:
    tab_widgets = [t for t in container.findChildren(QTabWidget)
                   if t.isVisibleTo(top) and _nearest_tab_widget(t, container) is None]
    for tabs in tab_widgets:
        original = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            here = [*path, _plain(tabs.tabText(index))]
            if index != original:
                yield " › ".join(here)
            yield from _explore(tabs.widget(index), top, here)
        tabs.setCurrentIndex(original)


def _nearest_tab_widget(widget: QWidget, container: QWidget) -> QTabWidget | None:
    """The tab widget between ``widget`` and ``container``, if any (nested ones are explored
    from their own page)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not container:
        if isinstance(parent, QTabWidget):
            return parent
        parent = parent.parentWidget()
    return None
