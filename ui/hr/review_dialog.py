"""One session for HR: read-only, as the panel saw it, with its audit trail and sheets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

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

from pcso_interview.lifecycle import Status
from pcso_interview.session import Session
from pcso_interview.store import AuditEntry, Store
from pcso_interview.store.reading import SessionReader
from ui import labels
from ui.feedback import attempt
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.scoring.interview_view import InterviewView
from ui.table_model import Column, RowsModel


@dataclass(frozen=True)
class AuditLine:
    """An audit row in words: names instead of internal ids, status labels, not codes."""

    entry: AuditEntry
    subject: str
    old: str
    new: str
    action: str = ""  # the action in words; the code itself (``entry.action``) in a tooltip


# The audit's action codes (as the store writes them, in English in the record) in words an HR
# officer reads, in the interface's language. A code not listed here shows as it is.
ACTIONS = {
    "create": QT_TRANSLATE_NOOP("review_dialog", "Session created"),
    "import": QT_TRANSLATE_NOOP("review_dialog", "Imported from a file"),
    "demo": QT_TRANSLATE_NOOP("review_dialog", "Demonstration data"),
    "details": QT_TRANSLATE_NOOP("review_dialog", "Details changed"),
    "question": QT_TRANSLATE_NOOP("review_dialog", "Question changed"),
    "classify": QT_TRANSLATE_NOOP("review_dialog", "Evidence classified"),
    "note": QT_TRANSLATE_NOOP("review_dialog", "Evidence note"),
    "area note": QT_TRANSLATE_NOOP("review_dialog", "Area note"),
    "grade": QT_TRANSLATE_NOOP("review_dialog", "Grade"),
    "grade after reveal": QT_TRANSLATE_NOOP(
        "review_dialog", "Grade changed after the grades were shown"
    ),
    "agree": QT_TRANSLATE_NOOP("review_dialog", "Agreed grade"),
    "status": QT_TRANSLATE_NOOP("review_dialog", "Status changed"),
    "set PIN": QT_TRANSLATE_NOOP("review_dialog", "PIN chosen"),
    "reset PIN": QT_TRANSLATE_NOOP("review_dialog", "PIN reset by HR"),
    "PIN refused": QT_TRANSLATE_NOOP("review_dialog", "Wrong PIN"),
    "sign": QT_TRANSLATE_NOOP("review_dialog", "Signed"),
    "lock": QT_TRANSLATE_NOOP("review_dialog", "Locked (all signed)"),
    "clear signatures": QT_TRANSLATE_NOOP("review_dialog", "Signatures cleared"),
    "merge marks": QT_TRANSLATE_NOOP("review_dialog", "A member's marks merged"),
    "issue sheet": QT_TRANSLATE_NOOP("review_dialog", "Marking sheet issued"),
    "reopen": QT_TRANSLATE_NOOP("review_dialog", "Reopened by HR"),
    "withdraw": QT_TRANSLATE_NOOP("review_dialog", "Withdrawn"),
    "campaign": QT_TRANSLATE_NOOP("review_dialog", "Campaign changed"),
    "equality data": QT_TRANSLATE_NOOP("review_dialog", "Equality data"),
    "purge": QT_TRANSLATE_NOOP("review_dialog", "Purged"),
    "add user": QT_TRANSLATE_NOOP("review_dialog", "HR account added"),
    "reset passphrase": QT_TRANSLATE_NOOP("review_dialog", "Passphrase reset"),
    "sign-in refused": QT_TRANSLATE_NOOP("review_dialog", "Wrong passphrase"),
}


def action_words(code: str) -> str:
    """An audit action code in words in the interface's language (unknown codes as they are)."""
    return translate("review_dialog", ACTIONS[code]) if code in ACTIONS else code


def _status_words(value: str) -> str:
    try:
        return labels.status(Status(value))
    except ValueError:
        return value


def describe(entry: AuditEntry, session: Session | None) -> AuditLine:
    subject, old, new = entry.subject, entry.old, entry.new
    if session is not None:
        members = {m.id: m.name for m in session.panel}
        places: dict[str, str] = {}
        for area in session.profile.areas:
            places[area.id] = area.name
            for number, indicator in enumerate(area.indicators, start=1):
                places[indicator.id] = translate(
                    "review_dialog", "{name}, indicator {number}"
                ).format(name=area.name, number=number)
        who, _, what = subject.partition("/")
        if what and who in members:
            subject = f"{members[who]} · {places.get(what, what)}"
        elif subject in members:
            subject = members[subject]
        elif subject in places:
            subject = places[subject]
    if entry.action in ("status", "withdraw"):
        old, new = _status_words(old), _status_words(new)
    if entry.action == "classify":  # the classification codes: "none", "demonstrated", ...
        old, new = labels.classification(old), labels.classification(new)
    if entry.action in ("reopen", "withdraw", "clear signatures"):
        subject = translate("review_dialog", "Reason: {subject}").format(subject=subject)
    return AuditLine(entry, subject, old, new, action_words(entry.action))


def audit_model() -> RowsModel[AuditLine]:
    return RowsModel(
        [
            Column(
                translate("review_dialog", "When (UTC)"),
                lambda a: a.entry.at.replace("T", " ").rstrip("Z"),
            ),
            Column(translate("review_dialog", "Who"), lambda a: a.entry.actor),
            Column(
                translate("review_dialog", "What"),
                lambda a: a.action or a.entry.action,
                tooltip=lambda a: a.entry.action,
            ),
            Column(
                translate("review_dialog", "Of / reason"),
                lambda a: a.subject,
                tooltip=lambda a: a.subject,
            ),
            Column(
                translate("review_dialog", "Old value"), lambda a: a.old, tooltip=lambda a: a.old
            ),
            Column(
                translate("review_dialog", "New value"), lambda a: a.new, tooltip=lambda a: a.new
            ),
        ]
    )


def sheets_model() -> RowsModel[dict[str, Any]]:
    return RowsModel(
        [
            Column(translate("review_dialog", "Version"), lambda r: r["version"]),
            Column(
                translate("review_dialog", "Signed (UTC)"),
                lambda r: r["signed_at"].replace("T", " ").rstrip("Z"),
            ),
            Column(
                translate("review_dialog", "SHA-256 of the signed content"), lambda r: r["digest"]
            ),
        ]
    )


def _table(name: str, model: RowsModel[Any]) -> QTableView:
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
    def __init__(self, store: SessionReader, session_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        # Read-only, the view only loads: a laptop's store or the force archive alike.
        self.view = InterviewView(cast(Store, store), read_only=True)
        self.view.open_session(session_id)
        session = self.view.session
        title = f"{session.candidate_ref} {session.candidate_name}" if session else session_id
        window_title = translate("SessionReviewDialog", "Session {title} (read-only)").format(
            title=title
        )
        if session is not None and session.interview_language == "cy":
            window_title += translate("SessionReviewDialog", " · interview held in Welsh")
        self.setWindowTitle(window_title)
        self.audit = audit_model()
        # Newest first: what HR usually wants (a reopening, a withdrawal) is recent.
        self.audit.set_rows([describe(e, session) for e in reversed(store.audit_trail(session_id))])
        self.sheets = sheets_model()
        self.sheets.set_rows(store.sheets(session_id))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(
            translate("SessionReviewDialog", "The session, its audit trail and sheets")
        )
        self.tabs.addTab(self.view, translate("SessionReviewDialog", "As the &panel saw it"))
        self.tabs.addTab(
            _table(translate("SessionReviewDialog", "Audit trail"), self.audit),
            translate("SessionReviewDialog", "A&udit trail ({count})").format(
                count=len(self.audit.rows)
            ),
        )
        self.tabs.addTab(
            _table(translate("SessionReviewDialog", "Signed sheets"), self.sheets),
            translate("SessionReviewDialog", "Signed &sheets"),
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(1300, 740)

    @classmethod
    def ask(cls, parent: QWidget | None, store: SessionReader, session_id: str) -> None:
        """Open it; reading the audit trail or sheets from a busy database is said in words."""
        ok, dialog = attempt(parent, lambda: cls(store, session_id, parent), reading=True)
        if ok and dialog is not None:
            dialog.exec()
