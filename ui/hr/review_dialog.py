"""One session for HR: read-only, as the panel saw it, with its audit trail and sheets."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.store import AuditEntry, Store
from ui.scoring.interview_view import InterviewView
from ui.table_model import Column, RowsModel


def audit_model() -> RowsModel[AuditEntry]:
    return RowsModel(
        [
            Column("When (UTC)", lambda a: a.at.replace("T", " ").rstrip("Z")),
            Column("Who", lambda a: a.actor),
            Column("What", lambda a: a.action),
            Column("Of", lambda a: a.subject),
            Column("Old value", lambda a: a.old, tooltip=lambda a: a.old),
            Column("New value", lambda a: a.new, tooltip=lambda a: a.new),
        ]
    )


def sheets_model() -> RowsModel[dict]:
    return RowsModel(
        [
            Column("Version", lambda r: r["version"]),
            Column("Signed (UTC)", lambda r: r["signed_at"].replace("T", " ").rstrip("Z")),
            Column("SHA-256 of the signed content", lambda r: r["digest"]),
        ]
    )


def _table(name: str, model: RowsModel) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class SessionReviewDialog(QDialog):
    def __init__(self, store: Store, session_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.view = InterviewView(store, read_only=True)
        self.view.open_session(session_id)
        session = self.view.session
        title = f"{session.candidate_ref} {session.candidate_name}" if session else session_id
        self.setWindowTitle(f"Session {title} (read-only)")
        self.audit = audit_model()
        self.audit.set_rows(store.audit_trail(session_id))
        self.sheets = sheets_model()
        self.sheets.set_rows(store.sheets(session_id))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.view, "As the &panel saw it")
        self.tabs.addTab(
            _table("Audit trail", self.audit), f"&Audit trail ({len(self.audit.rows)})"
        )
        self.tabs.addTab(_table("Signed sheets", self.sheets), "Signed &sheets")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(1300, 740)

    @classmethod
    def ask(cls, parent: QWidget | None, store: Store, session_id: str) -> None:
        cls(store, session_id, parent).exec()
