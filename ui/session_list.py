"""The panel's list of sessions: today's first, with their status; new and open."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.store import SessionRow, Store
from ui import labels
from ui.i18n import translate
from ui.table_model import Column, PagedRowsModel

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent


def session_list_model(
    today: str, fetch: Callable[[int, int], Sequence[SessionRow]]
) -> PagedRowsModel[SessionRow]:
    """``fetch(offset, limit)`` reads a page of the panel's list (Store.panel_sessions)."""
    return PagedRowsModel(
        [
            Column(
                translate("session_list", "Date"),
                lambda r: translate("session_list", "Today") if r.date == today else r.date,
            ),
            Column(translate("session_list", "Reference"), lambda r: r.candidate_ref),
            Column(translate("session_list", "Candidate"), lambda r: r.candidate_name),
            Column(
                translate("session_list", "Force and role"), lambda r: f"{r.force} · {r.role_title}"
            ),
            Column(translate("session_list", "Chair"), lambda r: r.chair_name),
            Column(translate("session_list", "Status"), lambda r: labels.status(r.status)),
            Column(translate("session_list", "Outcome"), lambda r: labels.outcome(r.outcome)),
        ],
        fetch,
    )


class SessionList(QWidget):
    open_requested = Signal(str)
    new_requested = Signal()

    def __init__(self, store: Store, today: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._stale = False
        self.today = (today or date.today()).isoformat()
        self.model = session_list_model(
            self.today, lambda offset, limit: store.panel_sessions(self.today, offset, limit)
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self._size_columns()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.activated.connect(self._activated)
        self.new_button = QPushButton()
        self.new_button.setMinimumHeight(40)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton()
        self.open_button.setMinimumHeight(40)
        self.open_button.clicked.connect(lambda: self._activated(self.view.currentIndex()))
        self.summary = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self._texts()

    def _texts(self) -> None:
        self.view.setAccessibleName(translate("SessionList", "Sessions, today's first"))
        self.new_button.setText(translate("SessionList", "&New session… (Ctrl+N)"))
        self.open_button.setText(translate("SessionList", "&Open selected (Enter)"))

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((90, 100, 190, 420, 170, 120)):
            header.resizeSection(column, width)  # fixed widths: no pass over every cell
        header.setStretchLastSection(True)

    def retranslate(self) -> None:
        """The texts and column titles in the language now installed."""
        self._texts()
        self.model = session_list_model(
            self.today, lambda offset, limit: self.store.panel_sessions(self.today, offset, limit)
        )
        self.view.setModel(self.model)
        self._size_columns()
        self.refresh()

    def refresh(self) -> None:
        """Read the list again, keeping the selected session selected if it is still there."""
        self._stale = False
        current = self.view.currentIndex()
        selected = self.model.row(current.row()).id if current.isValid() else None
        self.model.reload()
        self.summary.setText(
            translate("SessionList", "%Ln session(s) today", "", self.store.count_on(self.today))
        )
        ids = [row.id for row in self.model.rows]
        if ids:
            self.view.setCurrentIndex(
                self.model.index(ids.index(selected) if selected in ids else 0, 0)
            )

    def changed(self) -> None:
        """A session changed elsewhere: read the list now if it is in view, else when shown
        (an edit in the interview would otherwise cost two queries per key)."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.row(index.row()).id)
