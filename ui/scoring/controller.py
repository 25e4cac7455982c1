"""The interview's controller: turns what the panel member asks for into store calls.

Every change goes to the store, which returns the session as it now stands; the controller
keeps it and says so (``shown``), and the view shows it without reading the database again.
Undo and redo are store changes too, kept per page (each area, Consensus) in an undo group
that lives here: Ctrl+Z acts on the page shown, and the Edit menu names the area. Who is
acting (the member scoring, and who has proven it with their PIN in this window) lives here
as well.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from pcso_interview.scoring import Classification, Method
from pcso_interview.session import Session
from pcso_interview.store import Store
from ui.feedback import SaveState, attempt
from ui.i18n import translate
from ui.scoring import pending
from ui.scoring.pending import Change, PendingWrites


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


class InterviewController(QObject):
    """One open session: who is acting, and every change they ask for, through the store."""

    shown = Signal()  # the session held here changed: show it (``session``)
    session_changed = Signal()  # a change reached the store (lists elsewhere may follow)

    def __init__(
        self,
        store: Store,
        window: QWidget,
        save_state: SaveState,
        *,
        read_only: bool = False,
        undo_group: QUndoGroup | None = None,
        home: Callable[[], QWidget] | None = None,
    ):
        """``window``: the widget boxes and dialogs belong to; ``save_state``: where the fate of
        each change is shown; ``home``: where the keys go back to when the widget that had
        them is gone after a dialog."""
        super().__init__(window)
        self.store = store
        self.window = window
        self.save_state = save_state
        self.read_only = read_only  # HR's view of a session: shown as the panel saw it
        self.home = home or (lambda: window)
        self.proven: set[tuple[str, str]] = set()  # (session, member) who typed their PIN here
        self.pending = PendingWrites(self)
        self.pending.waiting.connect(self._waiting)
        self.pending.refused.connect(self._kept_change_refused)
        self.session: Session | None = None
        self.member_id = ""
        self.undo_group = undo_group or QUndoGroup(self)
        self._stacks: dict[tuple[str, str, str], QUndoStack] = {}  # (session, member, page)
        self._page = ""
        self._idle = QUndoStack(self)  # what the Edit menu acts on before a page is shown
        self._reload_due = False  # a change is stored but not yet shown (``catch_up``)
        self._catch_up_later = QTimer(self)
        self._catch_up_later.setSingleShot(True)
        self._catch_up_later.setInterval(0)
        self._catch_up_later.timeout.connect(self.catch_up)

    # --- undo, per page --------------------------------------------------------------------------

    def show_page(self, page_key: str) -> None:
        """The page now shown: Ctrl+Z and the Edit menu act on its changes only."""
        self._page = page_key
        self.undo_group.setActiveStack(self.undo_stack)

    @property
    def undo_stack(self) -> QUndoStack:
        """The changes made on the page shown, by the member scoring, that can be undone."""
        if self.session is None or not self._page:
            return self._idle
        key = (self.session.id, self.member_id, self._page)
        stack = self._stacks.get(key)
        if stack is None:
            stack = self._stacks[key] = QUndoStack(self)
            self.undo_group.addStack(stack)
        return stack

    def clear_undo(self) -> None:
        """Nothing done before this can be undone (signing, withdrawing, another member)."""
        for stack in self._stacks.values():
            stack.clear()

    # --- who is acting -------------------------------------------------------------------------

    @property
    def editable(self) -> bool:
        return (
            not self.read_only
            and self.session is not None
            and not self.session.locked
            and not self.session.signoffs
            and self.is_proven(self.member_id)
        )

    def is_proven(self, member_id: str) -> bool:
        """May this window act as the member? HR's view and a locked record need no PIN;
        otherwise the member has typed theirs here (or the profile waives it)."""
        session = self.session
        if self.read_only or session is None or session.locked:
            return True
        if (session.id, member_id) in self.proven:
            return True
        ok, required = attempt(
            self.window,
            lambda: self.store.pin_required(session, member_id),
            reading=True,
            loud=False,
        )
        return ok and not required

    def prove(self, member_id: str, why: str) -> str | None:
        """Ask the member's PIN (or have them choose one); the PIN, or None if not given."""
        from ui.pin_dialog import PinDialog

        session = self.session
        if session is None:
            return None
        focus = QApplication.focusWidget()
        secret = PinDialog.ask(self.window, self.store, session, session.member(member_id), why)
        if secret is not None:
            self.proven.add((session.id, member_id))
        # Back where the keys were going: the dialog must not leave the focus nowhere.
        self.window.window().activateWindow()
        (focus if focus is not None and focus.isVisible() else self.home()).setFocus()
        return secret

    def choose_member(self, member_id: str) -> bool:
        """Score as ``member_id`` once they have proven it is them; False if they did not."""
        if (
            not self.is_proven(member_id)
            and self.prove(member_id, translate("InterviewController", "to score as yourself"))
            is None
        ):
            return False
        self.member_id = member_id
        self.clear_undo()
        self.undo_group.setActiveStack(self.undo_stack)
        return True

    # --- opening and reading -------------------------------------------------------------------

    def open(self, session_id: str, member_id: str = "") -> bool:
        """Load the session and score as ``member_id`` (the chair when not on the panel);
        whoever scores proves it is them."""
        ok, session = attempt(self.window, lambda: self.store.load(session_id))
        if not ok or session is None:
            return False
        self.clear_undo()
        self.session = session
        members = [m.id for m in session.panel]
        self.member_id = member_id if member_id in members else session.chair.id
        if not self.is_proven(self.member_id):
            self.prove(self.member_id, translate("InterviewController", "to score as yourself"))
        return True

    def reload(self) -> None:
        if self.session is None:
            return
        session_id = self.session.id
        ok, session = attempt(self.window, lambda: self.store.load(session_id), loud=False)
        if ok and session is not None:
            self.session = self.pending.show(session)
            self.shown.emit()
            self.session_changed.emit()
        elif self.pending.queue:  # cannot even read: show the kept changes on what was shown
            self.session = self.pending.show(self.session)
            self.shown.emit()

    def catch_up(self) -> None:
        """Show a change whose showing was put off (an item editor was closing), now: before
        another page is shown, so that it never shows the session as it was."""
        if self._reload_due:
            self._reload_due = False
            self.reload()

    def store_state(self, page_key: str) -> None:
        """Remember what is open, so the app reopens the same session, page and member."""
        if self.session is None or self.read_only:
            return
        values = {"last_session": self.session.id, "last_page": page_key}
        values["last_member"] = self.member_id
        attempt(self.window, lambda: self.store.set_states(values), loud=False)

    def waiting_changes(self) -> list[str]:
        """Changes kept while the database is busy, after one more try to write them: what
        was typed, or what kind of change it is."""
        self.pending.retry()
        return [
            c.text or translate("InterviewController", "a classification, grade or agreed grade")
            for c in self.pending.queue
        ]

    # --- writing -------------------------------------------------------------------------------

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
            ok, result = attempt(self.window, call, self.save_state)
        else:
            where = session_id or (self.session.id if self.session else "")
            change = Change(where, call, show, text)
            ok, result = attempt(self.window, lambda: self.pending.submit(change), self.save_state)
            if ok and self.pending.queue:
                self._waiting(len(self.pending.queue))
        if later:
            self._reload_due = True
            self._catch_up_later.start()
        elif (
            isinstance(result, Session)
            and self.session is not None
            and result.id == self.session.id
        ):
            # The store returned the session as it now stands: no need to read it again.
            self.session = self.pending.show(result)
            self.shown.emit()
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

        messages.warn(
            self.window,
            translate("InterviewController", "Not saved"),
            translate(
                "InterviewController", "A change kept while the database was busy: {message}"
            ).format(message=message),
        )
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

        area = session.area_of_indicator(indicator_id)
        number = next(n for n, i in enumerate(area.indicators, 1) if i.id == indicator_id)
        self._push(
            translate("InterviewController", "evidence for indicator {number} of {name}").format(
                number=number, name=area.name
            ),
            apply,
            old,
            classification,
        )

    def set_grade(self, area_id: str, grade: int | None) -> None:
        session, member_id = self.session, self.member_id
        if session is None or not self.editable:
            return
        old = session.grades.get((member_id, area_id))
        name = session.profile.area(area_id).name
        if self._sole_member_agrees(session):
            # One member: the agreed grade follows their own (shown in Consensus, editable
            # there), recorded through the store like any agreed grade, undone with it.
            recorded = session.agreed.get(area_id)
            before = (old, recorded.grade if recorded else None, session.rationale(area_id))
            follows = recorded is None or recorded.grade == old

            def apply_both(value: tuple[int | None, int | None, str]) -> bool:
                own, agreed, rationale = value
                done = self._write(
                    lambda: self.store.grade(session.id, member_id, area_id, own),
                    show=pending.graded(member_id, area_id, own),
                )
                now = self.session.agreed.get(area_id) if self.session else None
                if not done or (now.grade if now else None, now.rationale if now else "") == (
                    agreed,
                    rationale,
                ):
                    return done
                return self._write(
                    lambda: self.store.agree(
                        session.id, area_id, agreed, rationale, actor=session.chair.name
                    ),
                    show=pending.agreed(area_id, agreed, rationale),
                )

            after = (grade, grade if follows else before[1], before[2])
            self._push(
                translate("InterviewController", "grade for {name}").format(name=name),
                apply_both,
                before,
                after,
            )
            return

        def apply(value: int | None) -> bool:
            return self._write(
                lambda: self.store.grade(session.id, member_id, area_id, value),
                show=pending.graded(member_id, area_id, value),
            )

        self._push(
            translate("InterviewController", "grade for {name}").format(name=name),
            apply,
            old,
            grade,
        )

    @staticmethod
    def _sole_member_agrees(session: Session) -> bool:
        """A one-member panel whose chair records agreed grades: each is their own grade."""
        return len(session.panel) == 1 and session.profile.method is Method.CONSENSUS

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

        name = session.profile.area(area_id).name
        what = (
            translate("InterviewController", "agreed grade for {name}")
            if old[0] != grade
            else translate("InterviewController", "rationale for {name}")
        )
        self._push(what.format(name=name), apply, old, (grade, rationale))

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
        ok, _ = attempt(self.window, lambda: self.pending.submit(change), self.save_state)
        if ok and self.pending.queue:
            self.save_state.waiting(len(self.pending.queue))

    def save_note(self, key: tuple[str, str, str], text: str) -> bool:
        """Saved where it was typed (session and member), whatever is shown now: a note the
        database refused is retried later, perhaps once another member or session is open.
        False when it was not saved (the view keeps it on screen)."""
        session_id, member_id, indicator_id = key
        return self._write(
            lambda: self.store.note(session_id, member_id, indicator_id, text),
            show=pending.noted(member_id, indicator_id, text),
            session_id=session_id,
            text=text,
        )

    def save_area_note(self, key: tuple[str, str, str], text: str) -> bool:
        session_id, member_id, area_id = key
        return self._write(
            lambda: self.store.area_note(session_id, member_id, area_id, text),
            show=pending.area_noted(member_id, area_id, text),
            session_id=session_id,
            text=text,
        )

    def save_question(self, area_id: str, text: str) -> None:
        session = self.session
        if session is not None:
            self._write(
                lambda: self.store.set_question(session.id, area_id, text),
                show=pending.asked(area_id, text),
            )

    def sign(self, member_id: str, typed_name: str, png_b64: str) -> bool:
        """One member signs (proving it is them first); True once it is stored."""
        session = self.session
        if session is None:
            return False
        ok, required = attempt(self.window, lambda: self.store.pin_required(session, member_id))
        if not ok:
            return False
        secret = ""
        if required:
            given = self.prove(member_id, translate("InterviewController", "to sign as yourself"))
            if given is None:
                return False  # not signed: the page keeps the tick, the name and the drawing
            secret = given
        signed = self._write(
            lambda: self.store.sign(
                session.id,
                member_id,
                typed_name=typed_name,
                signature_png_b64=png_b64,
                secret=secret,
            )
        )
        self.clear_undo()
        return signed

    def clear_signatures(self) -> None:
        from ui.reason_dialog import ReasonDialog

        session = self.session
        if session is None:
            return
        reason = ReasonDialog.ask(
            self.window,
            translate("InterviewController", "Clear signatures"),
            translate(
                "InterviewController",
                "Why must the signatures be cleared? Everyone will have to sign again.",
            ),
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
            self.window,
            translate("InterviewController", "Withdraw the candidate"),
            translate(
                "InterviewController",
                "Why is {candidate_name} ({candidate_ref}) withdrawn? For "
                "example: did not attend, or left during the interview. The "
                "session locks.",
            ).format(candidate_name=session.candidate_name, candidate_ref=session.candidate_ref),
        )
        if reason:
            member = session.member(self.member_id)
            self._write(lambda: self.store.withdraw(session.id, reason, member.name))
            self.clear_undo()
