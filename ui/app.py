"""Start the GUI: open the store (with plain-words errors), load profiles, show the window."""

from __future__ import annotations

import argparse
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pcso_interview import paths
from pcso_interview.cli import collect_profiles
from pcso_interview.profiles import ProfileSet
from pcso_interview.store import (
    CorruptDatabaseError,
    Store,
    StoreError,
    newest_good_backup,
    restore_backup,
)
from pcso_interview.store.opening import backup_database, check_database_file
from ui.main_window import MainWindow


def open_store_or_explain(path: Path, parent: QWidget | None = None) -> Store | None:
    """Open the database; on failure explain in plain words, offering a backup if damaged."""
    try:
        return Store.open(path, thorough=False)
    except CorruptDatabaseError as exc:
        if exc.newest_good_backup is None:
            QMessageBox.critical(parent, "Database damaged", str(exc))
            return None
        answer = QMessageBox.question(
            parent,
            "Database damaged",
            f"{exc}\n\nRestore the newest good backup? The damaged file is kept beside it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        restore_backup(path, exc.newest_good_backup)
        return open_store_or_explain(path, parent)
    except StoreError as exc:
        QMessageBox.critical(parent, "Cannot open the database", str(exc))
        return None


class StartupCheck(QObject):
    """Reports from the background start-up check to the window (signals cross threads)."""

    note = Signal(str)
    damaged = Signal(str)


def start_backup(store: Store, window: MainWindow) -> threading.Thread:
    """Read every page for damage, then copy the database to the backups folder.

    Runs beside the first window so that a large database does not hold up the start; the
    copy is skipped when the newest backup already holds every change, and never made of a
    damaged file (it would push good backups out).
    """
    reporter = StartupCheck(window)
    reporter.note.connect(window.show_status)
    reporter.damaged.connect(lambda message: report_damage(window, path, message))
    path = store.path

    def work() -> None:
        try:
            check_database_file(path, thorough=True)
        except CorruptDatabaseError as exc:
            reporter.damaged.emit(str(exc))
            return
        except Exception as exc:  # reported, never fatal: the app keeps working
            reporter.note.emit(f"Start-up check failed: {exc}")
            return
        try:
            made = backup_database(path, skip_if_unchanged=True)
        except Exception as exc:
            reporter.note.emit(f"Start-up backup failed: {exc}")
            return
        reporter.note.emit(f"Backup saved: {made}" if made else "Backup is up to date.")

    thread = threading.Thread(target=work, name="start-up check", daemon=False)
    thread.start()
    return thread


def report_damage(window: MainWindow, path: Path, message: str) -> None:
    """Found damaged after start: offer the newest good backup; the app then closes."""
    backup = newest_good_backup(path)
    if backup is None:
        QMessageBox.critical(window, "Database damaged", message)
        return
    answer = QMessageBox.question(
        window,
        "Database damaged",
        f"{message}\n\nRestore the newest good backup now? The damaged file is kept beside "
        "it. The app will close; start it again to go on.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer == QMessageBox.StandardButton.Yes:
        window.store.close()
        kept = restore_backup(path, backup)
        QMessageBox.information(
            window, "Backup restored", f"Restored {backup}. The damaged file is kept as {kept}."
        )
        QApplication.quit()


def install_error_hook(log_file: Path) -> None:
    """Unexpected errors get a plain message; the details go to a log file, not on screen."""

    def hook(kind, value, tb) -> None:
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            with log_file.open("a", encoding="utf-8") as log:
                log.write("".join(traceback.format_exception(kind, value, tb)))
        except OSError:
            pass
        QMessageBox.warning(
            QApplication.activeWindow(),
            "Something went wrong",
            f"{value}\n\nWhat you had saved is safe in the database. Details were written to "
            f"{log_file}.",
        )

    sys.excepthook = hook


def run_app(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("pcso-interview")
    app.setApplicationDisplayName("PCSO interview")
    install_error_hook(paths.user_data_dir() / "error.log")
    db_path = Path(args.db) if args.db else paths.default_db_path()
    store = open_store_or_explain(db_path)
    if store is None:
        return 1
    profiles: ProfileSet = collect_profiles(args.profiles)
    window = MainWindow(store, profiles)
    window.show()
    start_backup(store, window)
    if profiles.errors:
        window.report_profile_errors()
    return app.exec()
