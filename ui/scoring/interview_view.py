"""The interview screen: areas on the left, the current page on the right.

A view only: widgets and layout. What the member asks for goes to the controller
(``ui.scoring.controller``), which changes the store and hands back the session as it now
stands; this screen shows it. The sentence saying what to do next comes from the core
(``pcso_interview.guidance``).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QUndoGroup,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcso_interview import guidance
from pcso_interview.lifecycle import Status
from pcso_interview.phrases import Phrase
from pcso_interview.session import Session
from pcso_interview.store import Store
from ui import labels, shortcuts
from ui.feedback import SaveState
from ui.fit import NARROW_WIDTH, PageScroll
from ui.i18n import translate
from ui.scoring.area_page import AreaPage
from ui.scoring.consensus_page import ConsensusPage
from ui.scoring.controller import InterviewController
from ui.scoring.pages import NavRow, Page, initials, nav_model, nav_rows
from ui.scoring.signoff_page import SignOffPage
from ui.table_model import Column, RowsModel

# A record that failed verification: red, bold, and in words (not colour alone).
FAILED_STYLE = "color: white; background: #b00020; font-weight: bold; padding: 4px;"

# The keys the guidance names: the ones this screen binds.
GUIDANCE_KEYS = guidance.Keys(
    next_area=shortcuts.NEXT_PAGE,
    scoring_as=shortcuts.SCORING_AS,
    consensus=shortcuts.GO_CONSENSUS,
    signoff=shortcuts.GO_SIGNOFF,
    sheet=shortcuts.SHEET,
)


class InterviewView(QWidget):
    """Scoring, consensus and sign-off for one open session."""

    session_changed = Signal()

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
        undo_group: QUndoGroup | None = None,
    ):
        super().__init__(parent)
        self.save_state = SaveState()
        self.area_page = AreaPage()
        self.consensus_page = ConsensusPage()
        self.signoff_page = SignOffPage()
        self.controller = InterviewController(
            store,
            self,
            self.save_state,
            read_only=read_only,
            undo_group=undo_group,
            home=lambda: self.area_page.table,
        )
        self.controller.shown.connect(self._render)
        self.controller.session_changed.connect(self.session_changed)
        self.page = Page.AREA
        self.area_id = ""  # the area shown, on an area page

        self.header = QLabel()
        self.header.setAccessibleName(translate("InterviewView", "Session"))
        self.header.setWordWrap(True)
        self.member_box = QComboBox()
        self.member_box.setAccessibleName(translate("InterviewView", "Scoring as"))
        self.member_box.setMinimumWidth(220)
        self.member_box.currentIndexChanged.connect(self._member_changed)
        self.member_box.activated.connect(self._member_activated)
        self.member_box.installEventFilter(self)  # Enter: on to the page with the member's keys
        scoring_as = QLabel(
            translate("InterviewView", "Viewing &as:")
            if read_only
            else translate("InterviewView", "Scoring &as:")
        )
        scoring_as.setBuddy(self.member_box)
        self.banner = QLabel()
        self.banner.setAccessibleName(translate("InterviewView", "Session state"))
        self.banner.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(scoring_as)
        top.addWidget(self.member_box)

        self.nav: RowsModel[NavRow] = RowsModel(
            [Column(translate("InterviewView", "Area"), lambda r: r.title)]
        )
        self.nav_view = QTableView()
        self.nav_view.setAccessibleName(translate("InterviewView", "Areas, consensus and sign-off"))
        self.nav_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.nav_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.nav_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.nav_view.verticalHeader().setVisible(False)
        self.nav_view.setTabKeyNavigation(False)
        self.nav_view.setMinimumWidth(150)
        self.nav_view.setWordWrap(False)  # a long area name is elided; its full name is the tip
        self.nav_view.setModel(self.nav)
        self.progress = QLabel()
        self.progress.setAccessibleName(translate("InterviewView", "Progress"))
        self.progress.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.nav_view, 1)
        left_layout.addWidget(self.progress)

        self.pages = QStackedWidget()
        # Each page scrolls as a whole rather than be squeezed below a usable size.
        self.scrolls = {
            Page.AREA: PageScroll(self.area_page),
            Page.CONSENSUS: PageScroll(self.consensus_page),
            Page.SIGNOFF: PageScroll(self.signoff_page),
        }
        for scroll in self.scrolls.values():
            self.pages.addWidget(scroll)
        self.narrow = False
        self.splitter = splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([270, 1060])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        # The next step and whether the last change was saved: a row of their own here, or
        # the main window's status bar (``status_into``).
        self.status_row = QWidget()
        status = QHBoxLayout(self.status_row)
        status.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(translate("InterviewView", "F1 lists the keyboard shortcuts"))
        self.hint.setAccessibleName(translate("InterviewView", "Next step"))
        self.hint.setMinimumWidth(1)  # gives way on a narrow screen rather than widen it
        self.save_state.setMinimumWidth(1)
        status.addWidget(self.hint, 1)
        status.addWidget(self.save_state)
        layout.addWidget(self.status_row)

        controller = self.controller
        self.area_page.classify_requested.connect(controller.classify)
        self.area_page.note_changed.connect(self.save_note)
        self.area_page.area_note_changed.connect(self.save_area_note)
        self.area_page.grade_requested.connect(controller.set_grade)
        self.area_page.question_changed.connect(controller.save_question)
        self.consensus_page.agree_requested.connect(controller.agree)
        self.consensus_page.rationale_typed.connect(controller.save_rationale_draft)
        self.signoff_page.sign_requested.connect(self.sign)
        self.signoff_page.clear_requested.connect(controller.clear_signatures)
        self._bind_keys()
        # Tab goes through every control of the page shown, tables being one stop each.
        QWidget.setTabOrder(self.member_box, self.nav_view)
        QWidget.setTabOrder(self.nav_view, self.area_page.question)
        QWidget.setTabOrder(self.area_page.question, self.area_page.table)
        QWidget.setTabOrder(self.area_page.table, self.area_page.note)

    # --- what the controller holds, as the rest of the app reads it ----------------------------

    @property
    def store(self) -> Store:
        return self.controller.store

    @property
    def session(self) -> Session | None:
        return self.controller.session

    @property
    def member_id(self) -> str:
        return self.controller.member_id

    @property
    def read_only(self) -> bool:
        return self.controller.read_only

    @property
    def proven(self) -> set[tuple[str, str]]:
        return self.controller.proven

    @property
    def undo_stack(self) -> QUndoStack:
        """The undo steps of the page shown."""
        return self.controller.undo_stack

    @property
    def editable(self) -> bool:
        return self.controller.editable

    def is_proven(self, member_id: str) -> bool:
        return self.controller.is_proven(member_id)

    def withdraw(self) -> None:
        self.controller.withdraw()

    @property
    def page_key(self) -> str:
        """The page shown, as the app remembers it: an area's id, or a page's name."""
        if self.page is Page.AREA:
            return self.area_id
        return str(self.page)

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
        bind(shortcuts.GO_CONSENSUS, lambda: self.go_to(Page.CONSENSUS))
        bind(shortcuts.GO_SIGNOFF, lambda: self.go_to(Page.SIGNOFF))
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
        if self.page is Page.AREA:
            self.area_page.area_note.setFocus()

    def _focus_question(self) -> None:
        if self.page is Page.AREA:
            self.area_page.question.setFocus()
            self.area_page.question.selectAll()

    def _focus_indicators(self) -> None:
        if self.page is Page.AREA:
            self.area_page.table.setFocus()

    # --- opening and showing -------------------------------------------------------------------

    def open_session(self, session_id: str, page: str = "", member_id: str = "") -> bool:
        self.flush()
        if not self.controller.open(session_id, member_id):
            return False
        session = self.controller.session
        assert session is not None
        self.member_box.blockSignals(True)
        self.member_box.clear()
        for m in session.panel:
            self.member_box.addItem(f"{m.name} ({labels.role(m.role)})", m.id)
        self.member_box.setCurrentIndex(self.member_box.findData(self.member_id))
        self.member_box.blockSignals(False)
        self.nav = nav_model([m.name for m in session.panel])
        self.nav_view.setModel(self.nav)
        self.nav_view.selectionModel().currentRowChanged.connect(self._nav_selected)
        header = self.nav_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.page, self.area_id = Page.AREA, ""
        self._render()
        keys = [r.key for r in self.nav.rows]
        self.go_to(page if page in keys else keys[0])
        self.controller.store_state(self.page_key)
        return True

    def reload(self) -> None:
        self.controller.reload()

    def _render(self) -> None:
        session = self.session
        if session is None:
            return
        p = session.profile
        member = session.member(self.member_id)
        candidate = translate("InterviewView", "Candidate <b>{value}</b> ").format(
            value=escape(session.candidate_ref)
        ) + escape(session.candidate_name)
        full = translate(
            "InterviewView", "<b>{value}</b> · {value2} · {candidate} · {date}"
        ).format(
            value=escape(p.force),
            value2=escape(p.role_title),
            candidate=candidate,
            date=session.date,
        ) + (f" · {escape(session.venue)}" if session.venue else "")
        # Narrow: the candidate and the date, the rest as the tip.
        self.header.setText(f"{candidate} · {session.date}" if self.narrow else full)
        self.header.setToolTip(full if self.narrow else "")
        if not self.read_only:
            self.window().setWindowTitle(
                translate(
                    "InterviewView",
                    "PCSO interview — {candidate_ref} — scoring as {name}",
                ).format(candidate_ref=session.candidate_ref, name=member.name)
            )
        style = FAILED_STYLE if session.record_problems else ""
        if self.banner.styleSheet() != style:  # re-styling on each key costs
            self.banner.setStyleSheet(style)
        if session.record_problems:
            self.banner.setText(
                translate(
                    "InterviewView",
                    "⚠ This record failed verification: it no longer matches "
                    "what the panel signed ({value}). Read-only; tell HR.",
                ).format(value=session.record_problems[0])
            )
        elif session.status is Status.SIGNED:
            self.banner.setText(
                translate(
                    "InterviewView", "Signed off and locked (version {version}). Read-only."
                ).format(version=session.version)
            )
        elif session.status is Status.WITHDRAWN:
            self.banner.setText(
                translate(
                    "InterviewView", "Withdrawn and locked: {withdrawn_reason} Read-only."
                ).format(withdrawn_reason=session.withdrawn_reason)
            )
        elif not self.is_proven(self.member_id):
            self.banner.setText(
                translate(
                    "InterviewView",
                    "Scoring as {name} needs {name}'s PIN: press Ctrl+M to "
                    "choose who is scoring. Nothing can be marked until then.",
                ).format(name=member.name)
            )
        elif session.signoffs:
            self.banner.setText(
                translate(
                    "InterviewView",
                    "Sign-off has begun: marks are frozen until everyone has signed.",
                )
            )
        elif self.read_only:
            self.banner.setText(
                translate("InterviewView", "Read-only view ({label}).").format(
                    label=labels.status(session.status)
                )
            )
        else:
            self.banner.setText("")
        self.banner.setVisible(bool(self.banner.text()))
        current = self.nav_view.currentIndex().row()
        self.nav.update_rows(nav_rows(session))
        if current >= 0:
            self.nav_view.blockSignals(True)
            self.nav_view.selectionModel().blockSignals(True)
            self.nav_view.setCurrentIndex(self.nav.index(current, 0))
            self.nav_view.selectionModel().blockSignals(False)
            self.nav_view.blockSignals(False)
        planned = len(session.planned_areas)
        counts = [(m.name, f"{session.graded_count(m.id)}/{planned}") for m in session.panel]
        full = translate("InterviewView", "Progress: ") + " · ".join(
            f"{name} {done}" for name, done in counts
        )
        # Narrow: each member by their initials, as the list's columns are titled.
        short = translate("InterviewView", "Progress: ") + " · ".join(
            f"{initials(name)} {done}" for name, done in counts
        )
        self.progress.setText(short if self.narrow else full)
        self.progress.setToolTip(full if self.narrow else "")
        self._fit_nav()
        self._show_page()

    def status_into(self, bar: QStatusBar) -> None:
        """Show the next step and the save state in ``bar`` (a line of the screen saved)."""
        bar.addWidget(self.hint, 1)
        bar.addPermanentWidget(self.save_state)
        self.status_row.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW_WIDTH
        if narrow != self.narrow:
            self.narrow = narrow
            # The list of areas gives its room to the page (it shows one member's column).
            sizes = self.splitter.sizes()
            left = self.nav_view.minimumWidth() if narrow else 270
            self.splitter.setSizes([left, max(sum(sizes) - left, 1)])
            self._render()

    def _fit_nav(self) -> None:
        """Narrow: the list of areas shows only the scoring member's column (the progress
        line beneath names everyone's count)."""
        session = self.session
        if session is None:
            return
        for n, member in enumerate(session.panel, start=1):
            self.nav_view.setColumnHidden(n, self.narrow and member.id != self.member_id)

    def _show_page(self) -> None:
        if self.session is None or not self.page_key:
            return
        # Blind until submitted: what this member may see, never more (the aggregate's rule).
        session = self.session.visible_to(self.member_id)
        if self.page is Page.CONSENSUS:
            self.pages.setCurrentWidget(self.scrolls[Page.CONSENSUS])
            self.consensus_page.show_session(session, self.member_id, self.editable)
        elif self.page is Page.SIGNOFF:
            self.pages.setCurrentWidget(self.scrolls[Page.SIGNOFF])
            self.signoff_page.show_session(
                session, self.member_id, not session.locked and not self.read_only
            )
        else:
            self.pages.setCurrentWidget(self.scrolls[Page.AREA])
            self.area_page.show_area(
                session, session.profile.area(self.area_id), self.member_id, self.editable
            )
        self.hint.setText(
            translate(
                "InterviewView", "Next: {value}   ·   F1 lists the keyboard shortcuts"
            ).format(value=labels.phrase(self.next_step()))
        )

    def next_step(self) -> Phrase:
        """The next thing to do, so it is always on screen (in the interface's language)."""
        return guidance.next_step_phrase(
            self.session,
            self.member_id,
            self.area_id if self.page is Page.AREA else None,
            read_only=self.read_only,
            keys=GUIDANCE_KEYS,
        )

    def go_to(self, key: str) -> None:
        keys = [r.key for r in self.nav.rows]
        if key not in keys:
            return
        self.flush()
        self.page = Page.of(key)
        self.area_id = key if self.page is Page.AREA else ""
        self.nav_view.selectionModel().blockSignals(True)
        self.nav_view.setCurrentIndex(self.nav.index(keys.index(key), 0))
        self.nav_view.selectionModel().blockSignals(False)
        self.controller.show_page(self.page_key)
        self._show_page()
        if self.page is Page.CONSENSUS:
            self.consensus_page.start()  # on the first agreed grade still to type
        self.focus_page()
        self.controller.store_state(self.page_key)

    def focus_page(self) -> None:
        """The keys go to the page's own control: the indicators, the agreed grades, or the
        sign-off form's next step (the table of signatures once everyone has signed)."""
        if self.page is Page.CONSENSUS:
            self.consensus_page.table.setFocus()
        elif self.page is Page.SIGNOFF:
            self.signoff_page.focus_next_step()
        else:
            self.area_page.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.member_box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
        ):
            self.focus_page()
            return True
        return super().eventFilter(watched, event)

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

    def _member_activated(self, index: int) -> None:
        """The member already shown chosen again: if they have not proven it yet, ask now."""
        chosen = self.member_box.itemData(index)
        if (
            chosen == self.member_id
            and not self.is_proven(chosen)
            and self.controller.prove(chosen, translate("InterviewView", "to score as yourself"))
            is not None
        ):
            self._render()

    def _member_changed(self, index: int) -> None:
        if index < 0 or self.session is None:
            return
        chosen = self.member_box.itemData(index)
        if (
            not self.is_proven(chosen)
            and self.controller.prove(chosen, translate("InterviewView", "to score as yourself"))
            is None
        ):
            # Not them: stay with the member already scoring, whose marks are on screen.
            self.member_box.blockSignals(True)
            self.member_box.setCurrentIndex(self.member_box.findData(self.member_id))
            self.member_box.blockSignals(False)
            return
        self.flush()
        self.controller.choose_member(chosen)
        # Hand-over: the member lands on their first area still to grade, wherever the last
        # one left off (the keys stay in 'Scoring as'; Enter goes to the indicators).
        session = self.session
        assert session is not None
        ungraded = [a.id for a in session.planned_areas if (chosen, a.id) not in session.grades]
        if ungraded:
            self.page, self.area_id = Page.AREA, ungraded[0]
            keys = [r.key for r in self.nav.rows]
            self.nav_view.selectionModel().blockSignals(True)
            self.nav_view.setCurrentIndex(self.nav.index(keys.index(ungraded[0]), 0))
            self.nav_view.selectionModel().blockSignals(False)
        self.controller.show_page(self.page_key)
        self._render()
        if self.page is Page.CONSENSUS:
            self.consensus_page.start()  # the chair back: on the first agreed grade to type
        self.controller.store_state(self.page_key)

    def sign(self, member_id: str, typed_name: str, png_b64: str) -> None:
        """One member signs; the keys then go to the next signer's first step, or to the
        signatures once the last one has signed (the form they were in has gone)."""
        if self.controller.sign(member_id, typed_name, png_b64):
            self.window().activateWindow()
            self.focus_page()

    def store_state(self) -> None:
        """Remember what is open, so the app reopens the same session and area."""
        self.controller.store_state(self.page_key)

    def flush(self) -> None:
        """Save note text still waiting for its timer, and a rationale being typed; show a
        change still to be shown."""
        self.area_page.flush()
        self.consensus_page.flush()
        self.controller.catch_up()

    def waiting_changes(self) -> list[str]:
        """Changes kept while the database is busy, after one more try to write them: what
        was typed, or what kind of change it is."""
        self.flush()
        return self.controller.waiting_changes()

    def refused_notes(self) -> list[str]:
        """Notes typed here that the database refused, after one more try."""
        self.flush()
        return self.area_page.refused_notes()

    # --- typed text: the controller saves it, the editor keeps what was refused ----------------

    def save_note(self, key: tuple[str, str, str], text: str) -> None:
        if not self.controller.save_note(key, text):
            self.area_page.note.mark_unsaved(key, text)

    def save_area_note(self, key: tuple[str, str, str], text: str) -> None:
        if not self.controller.save_area_note(key, text):
            self.area_page.area_note.mark_unsaved(key, text)
