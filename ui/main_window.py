"""The main window: one place for every mode of the app."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget

from pcso_interview.profiles import ProfileSet
from pcso_interview.store import Store
from ui.profile_browser import ProfileBrowser


class MainWindow(QMainWindow):
    def __init__(self, store: Store, profiles: ProfileSet):
        super().__init__()
        self.store = store
        self.profiles = profiles
        self.setWindowTitle(f"PCSO interview — {store.path.name}")
        self.profile_browser = ProfileBrowser(list(profiles))
        self.modes = QTabWidget()
        self.modes.setAccessibleName("Modes")
        self.modes.addTab(self.profile_browser, "&Profiles")
        self.setCentralWidget(self.modes)
        self.db_label = QLabel(f"Database: {store.path}")
        self.statusBar().addPermanentWidget(self.db_label)
        self.resize(1280, 720)

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    def report_profile_errors(self) -> None:
        text = "\n\n".join(str(e) for e in self.profiles.errors)
        QMessageBox.warning(
            self,
            "Some force files were skipped",
            f"These force files have problems and were not loaded; the others were:\n\n{text}",
        )

    def closeEvent(self, event) -> None:
        self.store.close()
        super().closeEvent(event)
