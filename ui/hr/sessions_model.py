"""A table model over the store's paged session query: rows arrive a page at a time.

Only the pages the view shows are ever loaded (SQL with LIMIT/OFFSET over indexes), so the
browser stays smooth with 50,000 sessions. Sorting is done by the store, not in Python.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from pcso_interview.lifecycle import Status
from pcso_interview.store import SessionQuery, SessionRow
from pcso_interview.store.reading import SessionReader
from ui import labels
from ui.i18n import QT_TRANSLATE_NOOP, translate

Index = QModelIndex | QPersistentModelIndex
PAGE = 100
PAGES_KEPT = 20

COLUMNS: list[tuple[str, str]] = [  # title, sort key in the store
    (QT_TRANSLATE_NOOP("sessions_model", "Date"), "date"),
    (QT_TRANSLATE_NOOP("sessions_model", "Candidate"), "candidate"),
    (QT_TRANSLATE_NOOP("sessions_model", "Reference"), "reference"),
    (QT_TRANSLATE_NOOP("sessions_model", "Force and role"), "force"),
    (QT_TRANSLATE_NOOP("sessions_model", "Chair"), "chair"),
    (QT_TRANSLATE_NOOP("sessions_model", "Status"), "status"),
    (QT_TRANSLATE_NOOP("sessions_model", "Outcome"), "outcome"),
    (QT_TRANSLATE_NOOP("sessions_model", "Weighted total"), "total"),
    (QT_TRANSLATE_NOOP("sessions_model", "Language"), "language"),
    (QT_TRANSLATE_NOOP("sessions_model", "Campaign"), "campaign"),
]
# The language the interview was held in, by its code in the store.
INTERVIEW_LANGUAGES = {
    "en": QT_TRANSLATE_NOOP("sessions_model", "English"),
    "cy": QT_TRANSLATE_NOOP("sessions_model", "Welsh"),
}


Ranges = list[tuple[int, int]]  # selected rows, first and last of each run


class ListChanged(Exception):
    """The database changed since the list was read: its row numbers may now be other
    sessions, so an action on them is not done."""


@dataclass(frozen=True)
class ListAsShown:
    """What the list was read from and the ids of the rows it holds: enough to tell later, on
    another connection, whether its row numbers still name the sessions it showed."""

    query: SessionQuery
    marker: int | None  # the database's list marker, read before the list (None: it has none)
    total: int
    pages: dict[int, tuple[str, ...]]  # page number: the ids of the rows it held

    def holds(self, ranges: Ranges) -> bool:
        """Every row of ``ranges`` is in a page the list holds."""
        for first, last in ranges:
            for number in range(first // PAGE, last // PAGE + 1):
                held = self.pages.get(number)
                last_here = min(last, number * PAGE + PAGE - 1) - number * PAGE
                if held is None or last_here >= len(held):
                    return False
        return True

    def ids(self, reader: SessionReader, ranges: Ranges) -> list[str]:
        """The ids of the rows in ``ranges``, in the list's order, from one query however many
        are selected; ListChanged rather than the ids of other sessions than the list showed.

        Unchanged since the marker (read before the list), the query gives every row as the
        list read it. Changed, the rows the list holds must still be where they were, and as
        many sessions must match; rows it never read can then not be vouched for. A database
        with no marker (the force archive) is judged by that comparison alone."""
        every = reader.session_ids(self.query)
        if self.marker is not None and not reader.list_changed_since(self.marker):
            return picked(every, ranges)
        if len(every) != self.total or any(
            every[number * PAGE : number * PAGE + len(held)] != list(held)
            for number, held in self.pages.items()
        ):
            raise ListChanged
        if self.marker is not None and not self.holds(ranges):
            raise ListChanged
        return picked(every, ranges)


def picked(every: list[str], ranges: Ranges) -> list[str]:
    """The ids at the rows of ``ranges`` among every id of the list, in order."""
    chosen: list[str] = []
    for first, last in ranges:
        chosen += every[first : last + 1]
    return chosen


def cell(row: SessionRow, column: int) -> str:
    if column == 0:
        return row.date
    if column == 1:
        return row.candidate_name
    if column == 2:
        return row.candidate_ref
    if column == 3:
        return f"{row.force} · {row.role_title}"
    if column == 4:
        return row.chair_name
    if column == 5:
        return labels.status(row.status)
    if column == 6:
        final = row.status in (Status.SIGNED.value, Status.WITHDRAWN.value)
        if row.outcome in ("pass", "fail") and not final:
            # not signed: may still change
            return translate("sessions_model", "{outcome} (provisional)").format(
                outcome=labels.outcome(row.outcome)
            )
        return labels.outcome(row.outcome)
    if column == 8:
        name = INTERVIEW_LANGUAGES.get(row.interview_language, row.interview_language)
        return translate("sessions_model", name)
    if column == 9:
        return row.campaign
    # No total until every area has an agreed grade: the store writes "0.0%" for an unfinished
    # session, which read as a candidate who scored nothing.
    if row.status == Status.WITHDRAWN.value or row.outcome == "incomplete" or not row.percentage:
        return ""
    return f"{row.weighted_total} ({row.percentage})"


class PagedSessionsModel(QAbstractTableModel):
    def __init__(self, store: SessionReader, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.query = SessionQuery(limit=PAGE)
        self.marker: int | None = None  # the database's list marker, read before the list
        self.total = 0
        self._pages: OrderedDict[int, tuple[SessionRow, ...]] = OrderedDict()
        self.pages_loaded = 0  # for tests and benchmarks: how many page queries ran

    # --- querying ------------------------------------------------------------------------------

    def set_query(self, query: SessionQuery) -> None:
        """New filters or order: count again and forget every cached page.

        The query runs before the reset, so a failing one (a busy database) leaves the model
        as it was instead of half way through a reset. The marker is read first: a change
        between the two makes the list look changed, never the other way round.
        """
        query = replace(query, offset=0, limit=PAGE)
        marker = self.store.list_marker()
        first = self.store.query_sessions(query)
        self.beginResetModel()
        self.query = query
        self.marker = marker
        self._pages.clear()
        self.pages_loaded += 1
        self.total = first.total
        self._pages[0] = first.rows
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self.query)

    def _page(self, number: int) -> tuple[SessionRow, ...]:
        if number in self._pages:
            self._pages.move_to_end(number)
            return self._pages[number]
        page = self.store.query_sessions(replace(self.query, offset=number * PAGE, limit=PAGE))
        self.pages_loaded += 1
        self._pages[number] = page.rows
        while len(self._pages) > PAGES_KEPT:
            self._pages.popitem(last=False)
        return page.rows

    def row(self, index: int) -> SessionRow | None:
        if not 0 <= index < self.total:
            return None
        rows = self._page(index // PAGE)
        offset = index % PAGE
        return rows[offset] if offset < len(rows) else None

    def held_ids(self, ranges: Ranges) -> list[str] | None:
        """The ids of the rows in ``ranges`` as the list holds them, read from no database;
        None unless it holds every one."""
        shown = self.as_shown()
        if not shown.holds(ranges):
            return None
        ids = (
            shown.pages[row // PAGE][row % PAGE]
            for first, last in ranges
            for row in range(first, last + 1)
        )
        # Pages read at different times (a session added between) may show one session twice.
        return list(dict.fromkeys(ids))

    def as_shown(self) -> ListAsShown:
        """The list as read, for checking later (on a job's own connection) that its row
        numbers still name the same sessions."""
        return ListAsShown(
            self.query,
            self.marker,
            self.total,
            {number: tuple(row.id for row in rows) for number, rows in self._pages.items()},
        )

    @property
    def cached_rows(self) -> int:
        return sum(len(rows) for rows in self._pages.values())

    # --- the model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self.row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("PagedSessionsModel", "Session {id} · version {version}").format(
                id=row.id, version=row.version
            )
        return cell(row, index.column())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return translate("sessions_model", COLUMNS[section][0])
        if orientation == Qt.Orientation.Vertical and 0 <= section < self.total:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self.query, sort=COLUMNS[column][1], descending=descending))
