"""The interview screen: areas on the left, the current page on the right.

The database is the single truth: every change goes to the store, then the session is loaded
again and every page shows what the store now holds. Undo and redo are store changes too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.lifecycle import Status
from pcso_interview.scoring import Classification
from pcso_interview.session import Session
from pcso_interview.store import Store
from ui import shortcuts
from ui.feedback import SaveState, attempt
from ui.scoring import pending
from ui.scoring.area_page import AreaPage, grade_keys_text
from ui.scoring.consensus_page import ConsensusPage
from ui.scoring.pending import Change, PendingWrites
from ui.scoring.signoff_page import SignOffPage
from ui.table_model import Column, RowsModel

# A record that failed verification: red, bold, and in words (not colour alone).
FAILED_STYLE = "color: white; background: #b00020; font-weight: bold; padding: 4px;"

CONSENSUS = "consensus"
SIGNOFF = "signoff"


@dataclass(frozen=True)
class NavRow:
    """One entry of the left-hand list: an area, or the consensus or sign-off page."""

    key: str  # area id, CONSENSUS or SIGNOFF
    title: str
    progress: tuple[str, ...]  # per member: ✓ graded / · not yet (never the grade itself)


def nav_model(member_names: list[str]) -> RowsModel[NavRow]:
    def progress_of(i: int) -> Callable[[NavRow], str]:
        return lambda r: r.progress[i] if r.progress else ""

    columns: list[Column[NavRow]] = [Column("Area", lambda r: r.title)]
    for i, name in enumerate(member_names):
        initials = "".join(part[0] for part in name.split()[:2]).upper()
        columns.append(Column(initials, progress_of(i)))
    return RowsModel(columns)


class StoreCommand(QUndoCommand):
    """An undoable change: ``apply(value)`` writes through the store; old and new values."""

    def __init__(self, text: str, apply: Callable[[Any], bool], old: Any, new: Any):
        super().__init__(text)
        self.apply = apply
        self.old = old
        self.new = new

    def redo(self) -> None:
        if not self.apply(self.new):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.apply(self.old):
            self.setObsolete(True)


class InterviewView(QWidget):
    """Scoring, consensus and sign-off for one open session."""

    session_changed = Signal()

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
        undo_stack: QUndoStack | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.read_only = read_only  # HR's view of a session: shown as the panel saw it
        self.proven: set[tuple[str, str]] = set()  # (session, member) who typed their PIN here
        self.pending = PendingWrites(self)
        self.pending.waiting.connect(self._waiting)
        self.pending.refused.connect(self._kept_change_refused)
        self.session: Session | None = None
        self.member_id = ""
        self.page_key = ""
        self.undo_stack = undo_stack or QUndoStack(self)

        self.header = QLabel()
        self.header.setAccessibleName("Session")
        self.header.setWordWrap(True)
        self.member_box = QComboBox()
        self.member_box.setAccessibleName("Scoring as")
        self.member_box.setMinimumWidth(220)
        self.member_box.currentIndexChanged.connect(self._member_changed)
        self.member_box.activated.connect(self._member_activated)
        scoring_as = QLabel("Viewing &as:" if read_only else "Scoring &as:")
        scoring_as.setBuddy(self.member_box)
        self.banner = QLabel()
        self.banner.setAccessibleName("Session state")
        self.banner.setWordWrap(True)
        self.save_state = SaveState()
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(scoring_as)
        top.addWidget(self.member_box)

        self.nav: RowsModel[NavRow] = RowsModel([Column("Area", lambda r: r.title)])
        self.nav_view = QTableView()
        self.nav_view.setAccessibleName("Areas, consensus and sign-off")
        self.nav_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.nav_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.nav_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.nav_view.verticalHeader().setVisible(False)
        self.nav_view.setModel(self.nav)
        self.progress = QLabel()
        self.progress.setAccessibleName("Progress")
        self.progress.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.nav_view, 1)
        left_layout.addWidget(self.progress)

        self.area_page = AreaPage()
        self.consensus_page = ConsensusPage()
        self.signoff_page = SignOffPage()
        self.pages = QStackedWidget()
        for page in (self.area_page, self.consensus_page, self.signoff_page):
            self.pages.addWidget(page)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([270, 1060])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        status = QHBoxLayout()
        self.hint = QLabel("F1 lists the keyboard shortcuts")
        status.addWidget(self.hint, 1)
        status.addWidget(self.save_state)
        layout.addLayout(status)

        self.area_page.classify_requested.connect(self.classify)
        self.area_page.note_changed.connect(self.save_note)
        self.area_page.area_note_changed.connect(self.save_area_note)
        self.area_page.grade_requested.connect(self.set_grade)
        self.area_page.question_changed.connect(self.save_question)
        self.consensus_page.agree_requested.connect(self.agree)
        self.consensus_page.rationale_typed.connect(self.save_rationale_draft)
        self.signoff_page.sign_requested.connect(self.sign)
        self.signoff_page.clear_requested.connect(self.clear_signatures)
        self._bind_keys()

    # --- keys ----------------------------------------------------------------------------------

    def _bind_keys(self) -> None:
        def bind(keys: str, slot: Callable[[], None]) -> None:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        bind(shortcuts.NEXT_PAGE, lambda: self.step_page(1))
        bind(shortcuts.NEXT_PAGE_ALT, lambda: self.step_page(1))
        bind(shortcuts.PREVIOUS_PAGE, lambda: self.step_page(-1))
        bind(shortcuts.PREVIOUS_PAGE_ALT, lambda: self.step_page(-1))
        bind(shortcuts.GO_CONSENSUS, lambda: self.go_to(CONSENSUS))
        bind(shortcuts.GO_SIGNOFF, lambda: self.go_to(SIGNOFF))
        bind(shortcuts.SCORING_AS, self._focus_member)
        bind(shortcuts.AREA_NOTE, self._focus_area_note)
        bind(shortcuts.QUESTION, self._focus_question)
        bind(shortcuts.INDICATORS, self._focus_indicators)
        bind(shortcuts.WITHDRAW, self.withdraw)
        self.nav_view.selectionModel().currentRowChanged.connect(self._nav_selected)

    def _focus_member(self) -> None:
        """Focus 'Scoring as'; Up and Down then choose the member without a popup."""
        self.member_box.setFocus()

    def _focus_area_note(self) -> None:
        if self.pages.currentWidget() is self.area_page:
            self.area_page.area_note.setFocus()

    def _focus_question(self) -> None:
        if self.pages.currentWidget() is self.area_page:
            self.area_page.question.setFocus()
            self.area_page.question.selectAll()

    def _focus_indicators(self) -> None:
        if self.pages.currentWidget() is self.area_page:
            self.area_page.table.setFocus()

    # --- opening and showing -------------------------------------------------------------------

    def open_session(self, session_id: str, page: str = "", member_id: str = "") -> bool:
        ok, session = attempt(self, lambda: self.store.load(session_id))
        if not ok or session is None:
            return False
        self.flush()
        self.undo_stack.clear()
        self.session = session
        self.member_box.blockSignals(True)
        self.member_box.clear()
        for m in session.panel:
            self.member_box.addItem(f"{m.name} ({m.role})", m.id)
        self.member_id = member_id if member_id in [m.id for m in session.panel] else ""
        self.member_id = self.member_id or session.chair.id
        self.member_box.setCurrentIndex(self.member_box.findData(self.member_id))
        self.member_box.blockSignals(False)
        if not self.is_proven(self.member_id):  # whoever scores proves it is them
            self.prove(self.member_id, "to score as yourself")
        self.nav = nav_model([m.name for m in session.panel])
        self.nav_view.setModel(self.nav)
        self.nav_view.selectionModel().currentRowChanged.connect(self._nav_selected)
        header = self.nav_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.page_key = ""
        self._render()
        keys = [r.key for r in self.nav.rows]
        self.go_to(page if page in keys else keys[0])
        self.store_state()
        return True

    def reload(self) -> None:
        if self.session is None:
            return
        session_id = self.session.id
        ok, session = attempt(self, lambda: self.store.load(session_id), loud=False)
        if ok and session is not None:
            self.session = self.pending.show(session)
            self._render()
            self.session_changed.emit()
        elif self.pending.queue:  # cannot even read: show the kept changes on what was shown
            self.session = self.pending.show(self.session)
            self._render()

    def _render(self) -> None:
        session = self.session
        if session is None:
            return
        p = session.profile
        member = session.member(self.member_id)
        self.header.setText(
            f"<b>{p.force}</b> · {p.role_title} · Candidate <b>{session.candidate_ref}</b> "
            f"{session.candidate_name} · {session.date}"
            + (f" · {session.venue}" if session.venue else "")
        )
        if not self.read_only:
            self.window().setWindowTitle(
                f"PCSO interview — {session.candidate_ref} — scoring as {member.name}"
            )
        self.banner.setStyleSheet("")
        if session.record_problems:
            self.banner.setText(
                "⚠ This record failed verification: it no longer matches what the panel signed"
                f" ({session.record_problems[0]}). Read-only; tell HR."
            )
            self.banner.setStyleSheet(FAILED_STYLE)
        elif session.status is Status.SIGNED:
            self.banner.setText(f"Signed off and locked (version {session.version}). Read-only.")
        elif session.status is Status.WITHDRAWN:
            self.banner.setText(f"Withdrawn and locked: {session.withdrawn_reason} Read-only.")
        elif not self.is_proven(self.member_id):
            self.banner.setText(
                f"Scoring as {member.name} needs {member.name}'s PIN: press Ctrl+M to choose who"
                " is scoring. Nothing can be marked until then."
            )
        elif session.signoffs:
            self.banner.setText("Sign-off has begun: marks are frozen until everyone has signed.")
        elif self.read_only:
            self.banner.setText(f"Read-only view ({session.status.label}).")
        else:
            self.banner.setText("")
        self.banner.setVisible(bool(self.banner.text()))
        rows = [
            NavRow(
                area.id,
                area.name,
                tuple("✓" if (m.id, area.id) in session.grades else "·" for m in session.panel),
            )
            for area in session.planned_areas
        ]
        blockers = session.signoff_blockers()
        rows.append(NavRow(CONSENSUS, "Consensus", ()))
        if session.status is Status.SIGNED:
            signoff_title = "Sign-off ✓ signed"
        elif not blockers and not session.locked:
            signoff_title = "Sign-off ✓ ready"
        else:
            signoff_title = "Sign-off"
        rows.append(NavRow(SIGNOFF, signoff_title, ()))
        current = self.nav_view.currentIndex().row()
        self.nav.set_rows(rows)
        if current >= 0:
            self.nav_view.blockSignals(True)
            self.nav_view.selectionModel().blockSignals(True)
            self.nav_view.setCurrentIndex(self.nav.index(current, 0))
            self.nav_view.selectionModel().blockSignals(False)
            self.nav_view.blockSignals(False)
        planned = len(session.planned_areas)
        self.progress.setText(
            "Progress: "
            + " · ".join(f"{m.name} {session.graded_count(m.id)}/{planned}" for m in session.panel)
        )
        self._show_page()

    @property
    def editable(self) -> bool:
        return (
            not self.read_only
            and self.session is not None
            and not self.session.locked
            and not self.session.signoffs
            and self.is_proven(self.member_id)
        )

    def _show_page(self) -> None:
        if self.session is None or not self.page_key:
            return
        # Blind until submitted: what this member may see, never more (the aggregate's rule).
        session = self.session.visible_to(self.member_id)
        if self.page_key == CONSENSUS:
            self.pages.setCurrentWidget(self.consensus_page)
            self.consensus_page.show_session(session, self.member_id, self.editable)
        elif self.page_key == SIGNOFF:
            self.pages.setCurrentWidget(self.signoff_page)
            self.signoff_page.show_session(
                session, self.member_id, not session.locked and not self.read_only
            )
        else:
            self.pages.setCurrentWidget(self.area_page)
            self.area_page.show_area(
                session, session.profile.area(self.page_key), self.member_id, self.editable
            )
        self.hint.setText(f"Next: {self.next_step()}   ·   F1 lists the keyboard shortcuts")

    def next_step(self) -> str:
        """The next thing to do, in words, so it is always on screen."""
        session = self.session
        if session is None:
            return "open a session"
        if self.read_only:
            return "nothing: this is a read-only view"
        if session.locked:
            return "nothing: this session is read-only (Ctrl+P for the marking sheet)"
        member = session.member(self.member_id)
        if self.page_key not in (CONSENSUS, SIGNOFF):
            if (self.member_id, self.page_key) not in session.grades:
                keys = grade_keys_text(session.profile.scale)
                return f"classify each indicator (D, P, C, N), then grade the area ({keys})"
            if not session.has_submitted(self.member_id):
                return f"the next area (Ctrl+PgDown); {member.name} has areas still to grade"
        waiting = [m.name for m in session.panel if not session.has_submitted(m.id)]
        if waiting:
            return f"{', '.join(waiting)} to grade every area (Ctrl+M to switch member)"
        if session.signoff_blockers():
            return "agree the grades in Consensus (Ctrl+K)"
        return "sign off (Ctrl+Shift+S)"

    def go_to(self, key: str) -> None:
        keys = [r.key for r in self.nav.rows]
        if key not in keys:
            return
        self.flush()
        self.page_key = key
        self.nav_view.selectionModel().blockSignals(True)
        self.nav_view.setCurrentIndex(self.nav.index(keys.index(key), 0))
        self.nav_view.selectionModel().blockSignals(False)
        self._show_page()
        if key == CONSENSUS:
            self.consensus_page.table.setFocus()
        elif key == SIGNOFF:
            self.signoff_page.confirm.setFocus()
        else:
            self.area_page.table.setFocus()
        self.store_state()

    def step_page(self, step: int) -> None:
        keys = [r.key for r in self.nav.rows]
        if not keys:
            return
        position = keys.index(self.page_key) if self.page_key in keys else 0
        self.go_to(keys[max(0, min(len(keys) - 1, position + step))])

    def _nav_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.nav.row(current.row()).key != self.page_key:
            self.go_to(self.nav.row(current.row()).key)
            self.nav_view.setFocus()

    def is_proven(self, member_id: str) -> bool:
        """May this window act as the member? HR's view and a locked record need no PIN;
        otherwise the member has typed theirs here (or the profile waives it)."""
        session = self.session
        if self.read_only or session is None or session.locked:
            return True
        if (session.id, member_id) in self.proven:
            return True
        ok, required = attempt(
            self, lambda: self.store.pin_required(session, member_id), reading=True, loud=False
        )
        return ok and not required

    def prove(self, member_id: str, why: str) -> str | None:
        """Ask the member's PIN (or have them choose one); the PIN, or None if not given."""
        from ui.pin_dialog import PinDialog

        session = self.session
        if session is None:
            return None
        focus = QApplication.focusWidget()
        secret = PinDialog.ask(self, self.store, session, session.member(member_id), why)
        if secret is not None:
            self.proven.add((session.id, member_id))
        # Back where the keys were going: the dialog must not leave the focus nowhere.
        self.window().activateWindow()
        (focus if focus is not None and focus.isVisible() else self.area_page.table).setFocus()
        return secret

    def _member_activated(self, index: int) -> None:
        """The member already shown chosen again: if they have not proven it yet, ask now."""
        chosen = self.member_box.itemData(index)
        if (
            chosen == self.member_id
            and not self.is_proven(chosen)
            and self.prove(chosen, "to score as yourself") is not None
        ):
            self._render()

    def _member_changed(self, index: int) -> None:
        if index < 0 or self.session is None:
            return
        chosen = self.member_box.itemData(index)
        if not self.is_proven(chosen) and self.prove(chosen, "to score as yourself") is None:
            # Not them: stay with the member already scoring, whose marks are on screen.
            self.member_box.blockSignals(True)
            self.member_box.setCurrentIndex(self.member_box.findData(self.member_id))
            self.member_box.blockSignals(False)
            return
        self.flush()
        self.member_id = chosen
        self.undo_stack.clear()
        self._render()
        self.store_state()

    def store_state(self) -> None:
        """Remember what is open, so the app reopens the same session and area."""
        if self.session is None or self.read_only:
            return
        session_id = self.session.id
        attempt(
            self,
            lambda: self.store.set_states(
                {
                    "last_session": session_id,
                    "last_page": self.page_key,
                    "last_member": self.member_id,
                }
            ),
            loud=False,
        )

    def flush(self) -> None:
        """Save note text still waiting for its timer."""
        self.area_page.flush()

    def waiting_changes(self) -> list[str]:
        """Changes kept while the database is busy, after one more try to write them: what
        was typed, or what kind of change it is."""
        self.flush()
        self.pending.retry()
        return [c.text or "a classification, grade or agreed grade" for c in self.pending.queue]

    def refused_notes(self) -> list[str]:
        """Notes typed here that the database refused, after one more try."""
        self.flush()
        return self.area_page.refused_notes()

    # --- changes -------------------------------------------------------------------------------

    def _write(
        self,
        call: Callable[[], Any],
        *,
        later: bool = False,
        show: Callable[[Session], Session] | None = None,
        session_id: str = "",
        text: str = "",
    ) -> bool:
        """Commit through the store, then show what the store holds.

        ``later`` shows it on the next turn of the event loop: used when the change comes from
        an item editor that is still closing (resetting its model now would pull it away).
        ``show`` makes the change one that can wait: if another program holds the database, it
        is kept (and shown as made) and written when the database is free.
        """
        if show is None:
            ok, result = attempt(self, call, self.save_state)
        else:
            where = session_id or (self.session.id if self.session else "")
            change = Change(where, call, show, text)
            ok, result = attempt(self, lambda: self.pending.submit(change), self.save_state)
            if ok and self.pending.queue:
                self._waiting(len(self.pending.queue))
        if later:
            QTimer.singleShot(0, self.reload)
        elif (
            isinstance(result, Session)
            and self.session is not None
            and result.id == self.session.id
        ):
            # The store returned the session as it now stands: no need to read it again.
            self.session = self.pending.show(result)
            self._render()
            self.session_changed.emit()
        else:
            self.reload()
        return ok

    def _waiting(self, count: int) -> None:
        if count:
            self.save_state.waiting(count)
        else:
            self.save_state.saved()
            self.reload()

    def _kept_change_refused(self, message: str) -> None:
        from ui import messages

        messages.warn(self, "Not saved", f"A change kept while the database was busy: {message}")
        self.reload()

    def _push(self, text: str, apply: Callable[[Any], bool], old: Any, new: Any) -> None:
        if old == new:
            return
        self.undo_stack.push(StoreCommand(text, apply, old, new))

    def classify(self, indicator_id: str, classification: Classification) -> None:
        session, member_id = self.session, self.member_id
        if session is None or not self.editable:
            return
        old = session.mark(member_id, indicator_id).classification

        def apply(value: Classification) -> bool:
            return self._write(
                lambda: self.store.classify(session.id, member_id, indicator_id, value),
                show=pending.classified(member_id, indicator_id, value),
            )

        self._push(f"classify {indicator_id}", apply, old, classification)

    def set_grade(self, area_id: str, grade: int | None) -> None:
        session, member_id = self.session, self.member_id
        if session is None or not self.editable:
            return
        old = session.grades.get((member_id, area_id))

        def apply(value: int | None) -> bool:
            return self._write(
                lambda: self.store.grade(session.id, member_id, area_id, value),
                show=pending.graded(member_id, area_id, value),
            )

        self._push(f"grade {area_id}", apply, old, grade)

    def agree(self, area_id: str, grade: int | None, rationale: str) -> None:
        session = self.session
        if session is None or not self.editable:
            return
        recorded = session.agreed.get(area_id)
        old = (recorded.grade, recorded.rationale) if recorded else (None, "")

        def apply(value: tuple[int | None, str]) -> bool:
            return self._write(
                lambda: self.store.agree(
                    session.id, area_id, value[0], value[1], actor=session.chair.name
                ),
                later=True,
                show=pending.agreed(area_id, value[0], value[1]),
            )

        self._push(f"agree {area_id}", apply, old, (grade, rationale))

    def save_rationale_draft(self, area_id: str, grade: int, text: str) -> None:
        """A rationale still being typed: saved, not yet an undo step (Enter makes that), and
        the table is not redrawn under the open editor."""
        session = self.session
        if session is None or not self.editable:
            return
        change = Change(
            session.id,
            lambda: self.store.agree(session.id, area_id, grade, text, actor=session.chair.name),
            pending.agreed(area_id, grade, text),
        )
        ok, _ = attempt(self, lambda: self.pending.submit(change), self.save_state)
        if ok and self.pending.queue:
            self.save_state.waiting(len(self.pending.queue))

    def save_note(self, key: tuple[str, str, str], text: str) -> None:
        """Saved where it was typed (session and member), whatever is shown now: a note the
        database refused is retried later, perhaps once another member or session is open."""
        session_id, member_id, indicator_id = key
        if not self._write(
            lambda: self.store.note(session_id, member_id, indicator_id, text),
            show=pending.noted(member_id, indicator_id, text),
            session_id=session_id,
            text=text,
        ):
            self.area_page.note.mark_unsaved(key, text)

    def save_area_note(self, key: tuple[str, str, str], text: str) -> None:
        session_id, member_id, area_id = key
        if not self._write(
            lambda: self.store.area_note(session_id, member_id, area_id, text),
            show=pending.area_noted(member_id, area_id, text),
            session_id=session_id,
            text=text,
        ):
            self.area_page.area_note.mark_unsaved(key, text)

    def save_question(self, area_id: str, text: str) -> None:
        session = self.session
        if session is not None:
            self._write(
                lambda: self.store.set_question(session.id, area_id, text),
                show=pending.asked(area_id, text),
            )

    def sign(self, member_id: str, typed_name: str, png_b64: str) -> None:
        session = self.session
        if session is None:
            return
        ok, required = attempt(self, lambda: self.store.pin_required(session, member_id))
        if not ok:
            return
        secret = ""
        if required:
            given = self.prove(member_id, "to sign as yourself")
            if given is None:
                return  # not signed: the page keeps the tick, the name and the drawing
            secret = given
        self._write(
            lambda: self.store.sign(
                session.id,
                member_id,
                typed_name=typed_name,
                signature_png_b64=png_b64,
                secret=secret,
            )
        )
        self.undo_stack.clear()

    def clear_signatures(self) -> None:
        from ui.reason_dialog import ReasonDialog

        session = self.session
        if session is None:
            return
        reason = ReasonDialog.ask(
            self,
            "Clear signatures",
            "Why must the signatures be cleared? Everyone will have to sign again.",
        )
        if reason:
            member = session.member(self.member_id)
            self._write(lambda: self.store.clear_signatures(session.id, reason, member.name))

    def withdraw(self) -> None:
        from ui.reason_dialog import ReasonDialog

        session = self.session
        if session is None or session.locked or self.read_only:
            return
        reason = ReasonDialog.ask(
            self,
            "Withdraw the candidate",
            f"Why is {session.candidate_name} ({session.candidate_ref}) withdrawn? "
            "For example: did not attend, or left during the interview. The session locks.",
        )
        if reason:
            member = session.member(self.member_id)
            self._write(lambda: self.store.withdraw(session.id, reason, member.name))
            self.undo_stack.clear()
