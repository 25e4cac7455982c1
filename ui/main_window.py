"""The main window: the session list, the open interview, the profiles, HR review and the
statistics, each in a tab (the last four built when first shown)."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.store import Store
from ui import i18n, messages, shortcuts
from ui.feedback import attempt
from ui.fit import TITLE_BAR, ElidedLabel, PageScroll
from ui.i18n import translate
from ui.session_list import SessionList

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QShowEvent

    from pcso_interview.profiles import ProfileSet
    from pcso_interview.session import Session
    from pcso_interview.store.identity import User
    from pcso_interview.window_lock import WindowLock
    from ui.hr.sign_in import HrSession
    from ui.profile_browser import ProfileBrowser
    from ui.scoring.interview_view import InterviewView

FOLLOW_MS = 1000  # how often a read-only window looks for what the other window saved
LANGUAGE_NOTE_MS = 15_000  # how long the status bar says a language switch was not remembered
PROFILE_ERRORS_NAMED = 3  # skipped force files named in the warning; the rest behind Show Details
ADVANCE = "advance_after_classify"  # the setting's name among the store's states

W = TypeVar("W", bound=QWidget)


def advance_after_classify(store: Store) -> bool:
    """Does classifying move the cursor to the next indicator? On unless turned off."""
    try:
        return store.get_state(ADVANCE, "1") != "0"
    except sqlite3.Error:
        return True


class LazyTab(QWidget, Generic[W]):
    """A tab whose widget is built when first shown, so start-up pays only for what it shows
    (the HR screens pull in reportlab, QtCharts and pypdf)."""

    def __init__(self, factory: Callable[[], W], parent: QWidget | None = None):
        super().__init__(parent)
        self._factory = factory
        self.widget: W | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> W:
        if self.widget is None:
            self.widget = self._factory()
            self._layout.addWidget(self.widget)
        return self.widget

    def reset(self) -> W | None:
        """Forget the widget (built again when next shown, or now if shown); the old one,
        taken out of the tab, is returned for the caller to carry state over and delete."""
        old, self.widget = self.widget, None
        if old is not None:
            self._layout.removeWidget(old)
            old.hide()
            if self.isVisible():
                self.ensure()
        return old

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure()
        super().showEvent(event)


def read_only_reason(holder: str) -> str:
    """Why a second window on a database is read-only, in the language in use (worded again
    when the language changes: the banner and the refusals say it)."""
    return translate(
        "app",
        "This database is open in another window ({holder}), so this "
        "window is read-only: nothing can be changed here. What the "
        "other window saves shows here within a second; close it to "
        "work in this one.",
    ).format(holder=holder)


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        profiles: ProfileSet | Callable[[], ProfileSet],
        today: date | None = None,
        window_lock: WindowLock | None = None,
        read_only_holder: str = "",
    ):
        """``profiles`` may be a function that reads them: it is called when first needed
        (a new session, the profiles and HR tabs), since the session list needs none.
        ``read_only_holder``: the other window that writes to the database (this one is then
        read-only)."""
        super().__init__()
        self.store = store
        self.read_only_holder = read_only_holder
        if read_only_holder:
            store.read_only_reason = read_only_reason(read_only_holder)
        self._profiles = profiles
        self.today = today or date.today()
        self.session_list = SessionList(store, self.today)
        self.undo_group = QUndoGroup(self)
        self.modes = QTabWidget()
        # The tabs change by their Alt keys, Ctrl+L, or the mouse, never by taking the focus:
        # a tab bar holding it swallowed interview keys and turned Right into "Profiles".
        self.modes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.modes.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.modes.addTab(self.session_list, "")
        self.interview_tab = LazyTab(self._make_interview)
        self.modes.addTab(self.interview_tab, "")
        self.profiles_tab = LazyTab(self._make_profile_browser)
        self.hr_tab = LazyTab(self._make_hr_browser)
        self.statistics_tab = LazyTab(self._make_statistics)
        self.modes.addTab(self.profiles_tab, "")
        self.modes.addTab(self.hr_tab, "")
        self.modes.addTab(self.statistics_tab, "")
        self.modes.setTabEnabled(1, False)
        self.window_lock = window_lock
        self._hr_session: HrSession | None = None
        self.read_only_banner = QLabel(store.read_only_reason)
        self.read_only_banner.setAccessibleName(translate("MainWindow", "Read-only window"))
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(
            "background: #fff3cd; color: #5c3c00; font-weight: bold; padding: 6px;"
        )
        self.read_only_banner.setVisible(bool(store.read_only_reason))
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.read_only_banner)
        column.addWidget(self.modes, 1)
        self.setCentralWidget(central)
        if store.read_only_reason:
            # Show what the writing window saves, within a second.
            self._seen_version = store.data_version()
            self._follow = QTimer(self)
            self._follow.setInterval(FOLLOW_MS)
            self._follow.timeout.connect(self._follow_other_window)
            self._follow.start()
        self.db_label = ElidedLabel("")
        self.statusBar().addPermanentWidget(self.db_label, 1)
        self.modes.currentChanged.connect(self._mode_shown)
        self.session_list.new_requested.connect(self.new_session)
        self.session_list.open_requested.connect(self.open_session)
        self._build_menus()
        self._texts()
        self.fit_to_screen()
        self.session_list.refresh()
        self.restore_last_session()

    def _texts(self) -> None:
        """The window's own texts, in the language in use (again after a switch)."""
        self.setWindowTitle(
            translate("MainWindow", "PCSO interview — {name}").format(name=self.store.path.name)
        )
        self.modes.setAccessibleName(translate("MainWindow", "Modes"))
        for tab, text in (
            (self.session_list, translate("MainWindow", "Session &list")),
            (self.interview_tab, translate("MainWindow", "&Interview")),
            (self.profiles_tab, translate("MainWindow", "&Profiles")),
            (self.hr_tab, translate("MainWindow", "HR &review")),
            (self.statistics_tab, translate("MainWindow", "S&tatistics")),
        ):
            self.modes.setTabText(self.modes.indexOf(tab), text)
        self.db_label.setText(
            translate("MainWindow", "Database: {path}").format(path=self.store.path)
        )
        self.db_label.setAccessibleName(translate("MainWindow", "Database"))
        self.read_only_banner.setAccessibleName(translate("MainWindow", "Read-only window"))
        if self.read_only_holder:
            self.store.read_only_reason = read_only_reason(self.read_only_holder)
            self.read_only_banner.setText(self.store.read_only_reason)

    def set_language(self, language: str) -> None:
        """Switch the interface to ``language`` (cy or en) now, and remember the choice."""
        language = i18n.install(language)
        self.retranslate()
        if self.store.read_only_reason:  # a second window: the one that writes remembers
            why = translate("MainWindow", "this window is read-only")
        else:
            failure: list[str] = []
            remembered, _ = attempt(
                self,
                lambda: self.store.set_state(i18n.STATE_KEY, language),
                loud=False,
                on_failure=failure.append,
            )
            if remembered:
                return
            why = failure[0] if failure else ""
        self.statusBar().showMessage(
            translate(
                "MainWindow",
                "{language} in this window until it closes; the choice could not be"
                " remembered ({why}).",
            ).format(language=i18n.LANGUAGES[language], why=why),
            LANGUAGE_NOTE_MS,
        )

    def retranslate(self) -> None:
        """Every screen's texts in the language now installed. The window's own texts and
        menus are set again; the screens are built again (the interview reopened where it
        was, with whoever proved their PIN still proven; its undo history starts afresh)."""
        self.menuBar().clear()
        self._build_menus()
        self._texts()
        self.session_list.retranslate()
        view = self.interview_tab.widget
        if view is not None:
            self.interview.flush()
            session = view.session
            page, member, proven = view.page_key, view.member_id, set(view.proven)
            self.statusBar().removeWidget(view.hint)
            self.statusBar().removeWidget(view.save_state)
            self.interview_tab.reset()
            view.hint.deleteLater()
            view.save_state.deleteLater()
            view.deleteLater()
            if session is not None:
                self.interview.proven.update(proven)
                self.interview.open_session(session.id, page, member)
        for tab in (self.profiles_tab, self.hr_tab, self.statistics_tab):
            old = tab.reset()
            if old is not None:
                old.deleteLater()
        self._mode_shown()

    def fit_to_screen(self) -> None:
        """1366x768 where it fits with room for the title bar; otherwise the screen's usable
        area (maximized), so that the status bar is never pushed off a laptop's screen."""
        available = self.screen().availableGeometry()
        wanted_width, wanted_height = 1366, 768
        if available.width() >= wanted_width and available.height() >= wanted_height + TITLE_BAR:
            self.resize(wanted_width, wanted_height)
            return
        self.resize(
            min(wanted_width, available.width()),
            min(wanted_height, available.height() - TITLE_BAR),
        )
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def _mode_shown(self) -> None:
        """The status bar: the interview's next step and save state while it is shown (its
        own line saved for the indicators); the database's path otherwise."""
        interview = self.modes.currentWidget() is self.interview_tab
        view = self.interview_tab.widget
        if view is not None:
            view.hint.setVisible(interview)
            view.save_state.setVisible(interview)
        self.db_label.setVisible(not interview or view is None)
        self._focus_mode()

    def _focus_mode(self) -> None:
        """The keys go into the mode shown (its first control, or the interview's page): the
        mode tabs never hold them, and a control hidden with the last mode gave them up."""
        page = self.modes.currentWidget()
        if page is None:
            return
        view = self.interview_tab.widget
        if page is self.interview_tab and view is not None and view.session is not None:
            view.focus_page()
            return
        if page is self.session_list:  # the list: Up, Down and Enter open a session
            self.session_list.view.setFocus(Qt.FocusReason.TabFocusReason)
            return
        focus = QApplication.focusWidget()
        if focus is not None and page.isAncestorOf(focus):
            return
        widget = page.nextInFocusChain()
        while widget is not page and widget is not None:
            takes_focus = widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
            if (
                takes_focus
                and widget.isVisible()
                and widget.isEnabled()
                and page.isAncestorOf(widget)
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _follow_other_window(self) -> None:
        try:
            version = self.store.data_version()
        except sqlite3.Error:
            return
        if version == self._seen_version:
            return
        self._seen_version = version
        self.session_list.refresh()
        if self.interview_tab.widget is not None and self.interview.session is not None:
            self.interview.reload()

    def _make_interview(self) -> InterviewView:
        from ui.scoring.interview_view import InterviewView

        view = InterviewView(
            self.store, undo_group=self.undo_group, read_only=bool(self.store.read_only_reason)
        )
        view.session_changed.connect(self.session_list.changed)
        view.status_into(self.statusBar())
        self._mode_shown()
        view.area_page.advance = self.advance_action.isChecked()
        return view

    @property
    def interview(self) -> InterviewView:
        """The interview screen, built when a session is first opened."""
        return self.interview_tab.ensure()

    def _make_profile_browser(self) -> ProfileBrowser:
        from ui.profile_browser import ProfileBrowser

        return ProfileBrowser(list(self.profiles))

    @property
    def hr_session(self) -> HrSession:
        """Who is signed in to the HR screens (built when they are first opened)."""
        if self._hr_session is None:
            from ui.hr.sign_in import HrSession

            self._hr_session = HrSession(self.store, self)
        return self._hr_session

    def _make_hr_browser(self) -> QWidget:
        from ui.hr.sign_in import HrGate

        def build(user: User) -> QWidget:
            from ui.hr.browser import HrBrowser

            browser = HrBrowser(self.store, self.profiles, user)
            browser.changed.connect(self.session_list.changed)
            return PageScroll(browser)  # scrolls on a small or scaled screen

        return HrGate(self.hr_session, build)

    def _make_statistics(self) -> QWidget:
        from ui.hr.sign_in import HrGate

        def build(_user: User) -> QWidget:
            from ui.hr.statistics_view import StatisticsView

            return PageScroll(StatisticsView(self.store, self.profiles))

        return HrGate(self.hr_session, build)

    @property
    def profile_browser(self) -> ProfileBrowser:
        return self.profiles_tab.ensure()

    def _build_menus(self) -> None:
        # Unique Alt keys on every screen (tests/ui/test_keyboard_reach.py lists them): the menu
        # is File, so that Alt+S is the Sign button's on the sign-off page.
        session_menu = self.menuBar().addMenu(translate("MainWindow", "&File"))
        add = self._add_action
        add(
            session_menu,
            translate("MainWindow", "&New session…"),
            self.new_session,
            shortcuts.NEW_SESSION,
        )
        add(
            session_menu,
            translate("MainWindow", "&List of sessions"),
            lambda: self.modes.setCurrentWidget(self.session_list),
            shortcuts.SESSIONS,
        )
        add(
            session_menu,
            translate("MainWindow", "Marking &sheet… (preview, save, print)"),
            self.preview_sheet,
            shortcuts.SHEET,
        )
        add(session_menu, translate("MainWindow", "&Withdraw candidate…"), self.withdraw)
        session_menu.addSeparator()
        add(
            session_menu,
            translate("MainWindow", "&Quit"),
            self.close,
            QKeySequence.StandardKey.Quit,
        )
        edit = self.menuBar().addMenu(translate("MainWindow", "&Edit"))
        # Undo acts on the page shown (each area, Consensus) and names it.
        undo = self.undo_group.createUndoAction(self, translate("MainWindow", "&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, translate("MainWindow", "&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        self.advance_action = edit.addAction(
            translate("MainWindow", "&Move to the next indicator after classifying")
        )
        self.advance_action.setCheckable(True)
        self.advance_action.setChecked(advance_after_classify(self.store))
        self.advance_action.toggled.connect(self._set_advance)
        self.language_actions = i18n.add_language_menu(self.menuBar(), self.set_language)
        help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        add(help_menu, translate("MainWindow", "&Keyboard shortcuts"), self.show_shortcuts, "F1")

    def _set_advance(self, on: bool) -> None:
        """A setting of this installation, kept in its database like the last page open."""
        attempt(self, lambda: self.store.set_state(ADVANCE, "1" if on else "0"), loud=False)
        if self.interview_tab.widget is not None:
            self.interview.area_page.advance = on

    @staticmethod
    def _add_action(
        menu: QMenu,
        text: str,
        on_trigger: Callable[[], object],
        *keys: str | QKeySequence.StandardKey,
    ) -> QAction:
        """A menu entry and its shortcuts. menu.addAction(text) rather than QAction(text,
        parent): choosing among QAction's constructors loads QIcon, 3 ms of start-up."""
        action = menu.addAction(text)
        sequences: list[QKeySequence] = []
        for key in keys:  # a standard key has the platform's bindings, perhaps none
            if isinstance(key, str):
                sequences.append(QKeySequence(key))
            else:
                sequences.extend(QKeySequence.keyBindings(key))
        if sequences:
            action.setShortcuts(sequences)
        action.triggered.connect(on_trigger)
        return action

    def show_shortcuts(self) -> None:
        from ui.shortcuts_dialog import ShortcutsDialog  # built when asked for, not at start

        ShortcutsDialog.ask(self)

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    @property
    def profiles(self) -> ProfileSet:
        if callable(self._profiles):
            self._profiles = self._profiles()
        return self._profiles

    def report_profile_errors(self) -> None:
        """Say which force files were skipped, if any (reading the profiles if not yet read).
        The first few are named in the box; every one behind Show Details, where the list
        scrolls: a folder of old or broken files made a box taller than any screen, its OK
        button out of reach."""
        errors = self.profiles.errors
        if not errors:
            return
        named = "\n\n".join(str(e) for e in errors[:PROFILE_ERRORS_NAMED])
        if len(errors) > PROFILE_ERRORS_NAMED:
            named += "\n\n" + translate(
                "MainWindow", "… and {count} more: Show Details lists every one."
            ).format(count=len(errors) - PROFILE_ERRORS_NAMED)
        messages.warn_in_detail(
            self,
            translate("MainWindow", "Some force files were skipped"),
            translate(
                "MainWindow",
                "These force files have problems and were not loaded; the others were:\n\n{text}",
            ).format(text=named),
            "\n\n".join(str(e) for e in errors),
        )

    def new_session(self) -> None:
        from ui.new_session_dialog import NewSessionDialog

        request = NewSessionDialog.ask(
            self,
            list(self.profiles),
            recent_venues=self.store.recent_venues(),
            recent_panels=self.store.recent_panels(),
            today=self.today,
            campaigns=self.store.recent_campaigns(),
        )
        if request is None:
            return
        ok, session_id = attempt(
            self,
            lambda: self.store.create_session(
                request.profile,
                candidate_name=request.candidate_name,
                candidate_ref=request.candidate_ref,
                date=request.date,
                venue=request.venue,
                panel=request.panel,
                questions=request.questions,
                campaign=request.campaign,
                interview_language=request.interview_language,
            ),
        )
        if ok and session_id:
            self.session_list.refresh()
            self.choose_pins(session_id)
            self.open_session(session_id)

    def choose_pins(self, session_id: str) -> None:
        """At setup each member, in turn, chooses the PIN they will score and sign with (one
        who cancels chooses it when first asked). The chair, at the keyboard now, is then
        scoring as themselves without typing it again."""
        from ui.pin_dialog import PinDialog

        ok, session = attempt(self, lambda: self.store.load(session_id), reading=True)
        if not ok or session is None:
            return
        for member in session.panel:
            if not self.store.pin_required(session, member.id):
                continue
            chosen = PinDialog.ask(
                self,
                self.store,
                session,
                member,
                translate("MainWindow", "to score and sign as yourself"),
            )
            if chosen is not None and member.is_chair:
                self.interview.proven.add((session_id, member.id))

    def open_session(self, session_id: str, page: str = "", member_id: str = "") -> None:
        if self.interview.open_session(session_id, page, member_id):
            self.modes.setTabEnabled(1, True)
            self.modes.setCurrentWidget(self.interview_tab)
            self.activateWindow()  # back from the PIN dialog, if one was asked
            self.interview.go_to(self.interview.page_key)

    def _open_session_or_say(self) -> Session | None:
        """The session open in the interview tab; None (and a word why) when there is none."""
        session = self.interview.session if self.interview_tab.widget else None
        if session is None:
            self.show_status(translate("MainWindow", "Open a session first."))
        return session

    def withdraw(self) -> None:
        if self._open_session_or_say() is not None:
            self.interview.withdraw()

    def preview_sheet(self) -> None:
        session = self._open_session_or_say()
        if session is None:
            return
        self.interview.flush()
        from ui.sheet_preview import SheetPreview  # reportlab and QtPdf: only when asked

        loaded = self.store.load(session.id)
        member = next((m for m in loaded.panel if m.id == self.interview.member_id), loaded.chair)
        if not loaded.locked and not loaded.has_submitted(member.id):
            messages.inform(
                self,
                translate("MainWindow", "Not yet"),
                translate(
                    "MainWindow",
                    "The marking sheet shows every member's marks and grades: it "
                    "opens for {name} once they have graded every area.",
                ).format(name=member.name),
            )
            return
        SheetPreview.ask(self, self.store, loaded, member.name)

    def restore_last_session(self) -> None:
        """Reopen the session, page and member that were open when the app was last closed."""
        session_id = self.store.get_state("last_session")
        if not session_id:
            return
        try:
            self.store.load(session_id)
        except Exception:
            return
        self.open_session(
            session_id, self.store.get_state("last_page"), self.store.get_state("last_member")
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.interview_tab.widget is not None:
            refused = self.interview.refused_notes()
            waiting = self.interview.waiting_changes()
            if (refused or waiting) and not self._close_losing(refused, waiting):
                event.ignore()
                return
        jobs = sys.modules.get("ui.hr.jobs")  # only if an HR screen ever started one
        if jobs is not None:
            jobs.wait_for_jobs()  # each has its own connection: stopped before the app ends
        self.store.close()
        if self.window_lock is not None:
            self.window_lock.release()
        super().closeEvent(event)

    def _close_losing(self, refused: list[str], waiting: list[str] | None = None) -> bool:
        """Typed notes the database still refuses, or changes still waiting for it, would be
        lost: ask before closing."""
        shown = "\n\n".join(f"“{text[:200]}”" for text in refused[:5])
        lines = []
        if refused:
            lines.append(
                translate(
                    "MainWindow",
                    "{count} note(s) could not be saved: the database refused them.\n\n{shown}",
                ).format(count=len(refused), shown=shown)
            )
        if waiting:
            listed = "\n\n".join(f"“{text[:200]}”" for text in waiting[:5])
            lines.append(
                translate(
                    "MainWindow",
                    "{count} change(s) are still waiting for the database, which "
                    "another program is using.\n\n{listed}",
                ).format(count=len(waiting), listed=listed)
            )
        return messages.ask(
            self,
            translate("MainWindow", "Not saved yet"),
            "\n\n".join(lines)
            + translate(
                "MainWindow",
                "\n\nClose anyway? They will be lost. Choose No to stay, copy"
                " them, or wait until the database is free.",
            ),
        )
