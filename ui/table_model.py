"""One small base for the app's read-only table models: plain rows, named columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


class Column(NamedTuple, Generic[Row]):
    """How a column reads its cell from a row (a NamedTuple: defined at start-up, and cheap)."""

    title: str
    value: Callable[[Row], Any]
    align_right: bool = False
    tooltip: Callable[[Row], str] | None = None


class RowsModel(QAbstractTableModel, Generic[Row]):
    """A table of plain rows; each column says how to read its cell from a row."""

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        rows: Sequence[Row] = (),
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Row] = list(rows)

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_rows(self, rows: Sequence[Row]) -> None:
        """The same rows, some changed: only the changed ones are redrawn, and the view keeps
        its cursor and selection (a reset would redraw and measure every cell on each key)."""
        rows = list(rows)
        if len(rows) != len(self._rows):
            self.set_rows(rows)
            return
        changed = [
            n for n, (old, new) in enumerate(zip(self._rows, rows, strict=True)) if old != new
        ]
        self._rows = rows
        if changed:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], last))

    def row(self, index: int) -> Row:
        return self._rows[index]

    @property
    def rows(self) -> list[Row]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            value = column.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].title
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None


class PagedRowsModel(RowsModel[Row]):
    """Rows read a page at a time: the first page on ``reload``, the next whenever the view
    nears the end (Qt's canFetchMore/fetchMore), so a long list costs only what is seen."""

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        fetch: Callable[[int, int], Sequence[Row]],
        page_size: int = 50,
        parent: QObject | None = None,
    ):
        super().__init__(columns, parent=parent)
        self._fetch = fetch  # (offset, limit) -> rows
        self._page_size = page_size
        self._more = False
        self._resetting = False

    def reload(self) -> None:
        rows = self._fetch(0, self._page_size)
        # Views ask for more from inside the reset's own signals; that must wait for the
        # reset to end (no change may start while another is being announced).
        self._resetting = True
        try:
            self.set_rows(rows)
        finally:
            self._resetting = False
        self._more = len(rows) == self._page_size

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._resetting

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        rows = list(self._fetch(len(self._rows), self._page_size))
        self._more = len(rows) == self._page_size
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
