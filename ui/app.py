"""Start the GUI: open the store (with plain-words errors), load profiles, show the window."""

from __future__ import annotations

import argparse
import sys
import threading
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from pcso_interview import paths
from pcso_interview.store import (
    CorruptDatabaseError,
    Store,
    StoreError,
    newest_good_backup,
    restore_backup,
)
from pcso_interview.store.opening import backup_database, check_database_file
from ui import messages
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from pcso_interview.profiles import ProfileSet


def open_store_or_explain(path: Path, parent: QWidget | None = None) -> Store | None:
    """Open the database; on failure explain in plain words, offering a backup if damaged."""
    try:
        return Store.open(path, thorough=False)
    except CorruptDatabaseError as exc:
        if exc.newest_good_backup is None:
            messages.error(parent, "Database damaged", str(exc))
            return None
        if not messages.ask(
            parent,
            "Database damaged",
            f"{exc}\n\nRestore the newest good backup? The damaged file is kept beside it.",
        ):
            return None
        restore_backup(path, exc.newest_good_backup)
        return open_store_or_explain(path, parent)
    except StoreError as exc:
        messages.error(parent, "Cannot open the database", str(exc))
        return None


class StartupCheck(QObject):
    """Reports from the background start-up check to the window (signals cross threads)."""

    note = Signal(str)
    damaged = Signal(str)
    thread: threading.Thread | None = None


def start_backup(store: Store, window: MainWindow) -> StartupCheck:
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

    reporter.thread = threading.Thread(target=work, name="start-up check", daemon=False)
    reporter.thread.start()
    return reporter


def report_damage(window: MainWindow, path: Path, message: str) -> None:
    """Found damaged after start: offer the newest good backup; the app then closes."""
    backup = newest_good_backup(path)
    if backup is None:
        messages.error(window, "Database damaged", message)
        return
    if messages.ask(
        window,
        "Database damaged",
        f"{message}\n\nRestore the newest good backup now? The damaged file is kept beside "
        "it. The app will close; start it again to go on.",
    ):
        window.store.close()
        kept = restore_backup(path, backup)
        messages.inform(
            window, "Backup restored", f"Restored {backup}. The damaged file is kept as {kept}."
        )
        QApplication.quit()


def install_error_hook(log_file: Path | None = None) -> None:
    """Unexpected errors get a plain message; the details go to a log file, not on screen.

    Without a file named, the log goes to the user's data folder, found when first needed.
    """

    def hook(kind, value, tb) -> None:
        where = log_file
        try:
            where = where or paths.user_data_dir() / "error.log"
            where.parent.mkdir(parents=True, exist_ok=True)
            with where.open("a", encoding="utf-8") as log:
                log.write("".join(traceback.format_exception(kind, value, tb)))
            details = f"Details were written to {where}."
        except Exception as exc:  # the message must still reach the user
            details = f"The details could not be written to a log file ({exc})."
        messages.warn(
            QApplication.activeWindow(),
            "Something went wrong",
            f"{value}\n\nWhat you had saved is safe in the database. {details}",
        )

    sys.excepthook = hook


def start_window(args: argparse.Namespace) -> MainWindow | None:
    """Open the database and show the window; None when the database cannot be opened
    (the user has been told why)."""
    db_path = Path(args.db) if args.db else paths.default_db_path()
    store = open_store_or_explain(db_path)
    if store is None:
        return None
    window = MainWindow(store, lambda: collect_profiles(args.profiles))
    window.show()
    # On the event loop's first turn, before the first key the user presses is handled:
    # the profiles are read (the session list needs none) and broken force files reported,
    # and the thorough check and backup start beside the window (a StartupCheck child).
    QTimer.singleShot(0, window.report_profile_errors)
    QTimer.singleShot(0, lambda: start_backup(store, window))
    return window


def run_app(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("pcso-interview")
    app.setApplicationDisplayName("PCSO interview")
    install_error_hook()
    window = start_window(args)  # held here: Python owns a window without a parent
    if window is None:
        return 1
    return app.exec()


def collect_profiles(extra: list[Path]) -> ProfileSet:
    """The profiles module is imported here, not at start: the session list needs none."""
    from pcso_interview.profiles import collect_profiles as collect

    return collect(extra)
