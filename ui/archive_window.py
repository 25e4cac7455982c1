"""The app on the force archive: HR review and Statistics over every laptop's signed sessions.

The panel's screens (the day's sessions, the interview, profiles) belong to a laptop and are
not shown. Who is acting is the PostgreSQL login the archive's DBA granted the HR role: the
server has checked it, so no app account is asked for; the archive records that login with
every sheet reprinted here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMainWindow, QTabWidget, QWidget

from pcso_interview.store import StoreError
from pcso_interview.store.archive.read import ArchiveStore
from pcso_interview.store.identity import User
from ui import i18n, messages
from ui.i18n import translate
from ui.main_window import LazyTab

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from pcso_interview.profiles import ProfileSet
    from ui.hr.browser import HrBrowser
    from ui.hr.statistics_view import StatisticsView


def ask_password(parent: QWidget | None, prompt: str) -> str | None:
    """The archive's password for this one connection, typed where only the user sees it;
    never kept (libpq's ~/.pgpass or PGPASSWORD, when set, are used before asking)."""
    text, ok = QInputDialog.getText(
        parent,
        translate("ArchiveWindow", "Force archive password"),
        prompt,
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


class ArchiveWindow(QMainWindow):
    def __init__(
        self,
        store: ArchiveStore,
        profiles: ProfileSet | Callable[[], ProfileSet],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self._profiles = profiles
        self.user = User(store.login, "hr")
        self.modes = QTabWidget()
        self.hr_tab: LazyTab[HrBrowser] = LazyTab(self._make_hr_browser)
        self.statistics_tab: LazyTab[StatisticsView] = LazyTab(self._make_statistics)
        self.modes.addTab(self.hr_tab, "")
        self.modes.addTab(self.statistics_tab, "")
        self.setCentralWidget(self.modes)
        self.db_label = QLabel()
        self.statusBar().addPermanentWidget(self.db_label)
        self._texts()
        self.resize(1366, 768)

    def _texts(self) -> None:
        """The window's own texts and its Language menu, in the language in use (again after
        a switch)."""
        self.setWindowTitle(
            translate("ArchiveWindow", "PCSO interview — force archive {archive}").format(
                archive=self.store.describe()
            )
        )
        self.modes.setAccessibleName(translate("ArchiveWindow", "Modes"))
        self.modes.setTabText(0, translate("ArchiveWindow", "HR &review"))
        self.modes.setTabText(1, translate("ArchiveWindow", "S&tatistics"))
        self.db_label.setText(
            translate(
                "ArchiveWindow",
                "Force archive: {archive}, read as {login}. Sessions reach it from each"
                " laptop's HR review: Send to force archive.",
            ).format(archive=self.store.describe(), login=self.store.login)
        )
        self.menuBar().clear()
        self.language_actions = i18n.add_language_menu(self.menuBar(), self.set_language)

    def set_language(self, language: str) -> None:
        """Switch this window to ``language`` now. The archive keeps no settings of the app
        (HR only reads it), so the choice lasts until the window closes (``--lang`` at start)."""
        i18n.install(language)
        self._texts()
        for tab in (self.hr_tab, self.statistics_tab):
            old = tab.reset()
            if old is not None:
                old.deleteLater()

    @property
    def profiles(self) -> ProfileSet:
        if callable(self._profiles):
            self._profiles = self._profiles()
        return self._profiles

    def _make_hr_browser(self) -> HrBrowser:
        from ui.hr.browser import HrBrowser

        return HrBrowser(self.store, self.profiles, self.user)

    def _make_statistics(self) -> StatisticsView:
        from ui.hr.statistics_view import StatisticsView

        return StatisticsView(self.store, self.profiles)

    @property
    def hr_browser(self) -> HrBrowser:
        return self.hr_tab.ensure()

    def closeEvent(self, event: QCloseEvent) -> None:
        jobs = sys.modules.get("ui.hr.jobs")  # only if an HR screen ever started one
        if jobs is not None:
            jobs.wait_for_jobs()  # a thread still running at exit would abort the app
        self.store.close()
        super().closeEvent(event)


def start_archive_window(url: str, profiles: Callable[[], ProfileSet]) -> ArchiveWindow | None:
    """Open the archive and show its window; None when it cannot be opened (the user has
    been told why, in words)."""
    try:
        store = ArchiveStore.open(url, prompt=lambda text: ask_password(None, text))
    except StoreError as exc:
        messages.error(None, translate("ArchiveWindow", "Cannot open the force archive"), str(exc))
        return None
    window = ArchiveWindow(store, profiles)
    window.show()
    return window
