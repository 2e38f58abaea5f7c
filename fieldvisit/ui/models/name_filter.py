"""A filter proxy that finds rows as the user types: by characters or by pinyin."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from fieldvisit.services.name_search import collation_key, matches
from fieldvisit.ui.models.table_model import RowRole


class NameFilterProxy(QSortFilterProxyModel):
    """Keeps the rows whose ``texts(row)`` match the query (see services.name_search); sorts
    by pinyin (潘 before 钟), as Chinese users expect, not by code point."""

    def __init__(self, texts: Callable[[Any], tuple[str, ...]], parent: Any = None) -> None:
        super().__init__(parent)
        self._texts = texts
        self._query = ""
        self._hidden: frozenset[Any] = frozenset()

    def set_query(self, query: str) -> None:
        self.beginFilterChange()
        self._query = query
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_hidden(self, keys: frozenset[Any], key: Callable[[Any], Any]) -> None:
        """Leave out rows whose ``key(row)`` is in ``keys`` (e.g. people already chosen)."""
        self.beginFilterChange()
        self._hidden, self._key = keys, key
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        row = self.sourceModel().index(source_row, 0, source_parent).data(RowRole)
        if row is None:
            return False
        if self._hidden and self._key(row) in self._hidden:
            return False
        return matches(self._query, *self._texts(row))

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        return collation_key(str(left.data() or "")) < collation_key(str(right.data() or ""))
