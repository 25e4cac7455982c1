"""Start the GUI: open the store (with plain-words errors), load profiles, show the window."""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from pcso_interview import paths
from pcso_interview.app_args import ARCHIVE_SCHEMES
from pcso_interview.store import (
    BusyDatabaseError,
    CorruptDatabaseError,
    Store,
    StoreError,
    newest_good_backup,
    restore_backup,
)
from pcso_interview.store.audit_anchor import changed_outside
from pcso_interview.store.opening import backup_database, check_database_file, is_busy
from pcso_interview.window_lock import WindowLock
from ui import i18n, labels, messages
from ui.i18n import translate
from ui.main_window import MainWindow, read_only_reason

if TYPE_CHECKING:
    from pcso_interview.profiles import ProfileSet

# A change waits this long for another program's lock before the window keeps it aside and
# goes on (the change is written when the lock frees): never a frozen window.
WINDOW_BUSY_MS = 200


def offer_restore(
    parent: QWidget | None, path: Path, message: str, before: Callable[[], None] | None = None
) -> bool:
    """The one calm answer to damage, wherever it is met (at start, in the first window, in a
    later read, in the background check): offer the newest good backup, keeping the damaged
    file beside it. True when a backup was put back (the caller reopens or closes)."""
    backup = newest_good_backup(path)
    if backup is None:
        messages.error(
            parent,
            translate("app", "Database damaged"),
            translate("app", "{message}\n\nNo good backup was found.").format(message=message),
        )
        return False
    if not messages.ask(
        parent,
        translate("app", "Database damaged"),
        translate(
            "app",
            "{message}\n\nRestore the newest good backup ({name})? What "
            "was saved since it was taken is not in it; the damaged file "
            "is kept beside it, never deleted.",
        ).format(message=message, name=backup.name),
    ):
        return False
    if before is not None:
        before()  # the app lets go of the damaged file before it is set aside
    try:
        kept = restore_backup(path, backup)
    except StoreError as exc:  # held by another program, or the backup went bad since
        messages.error(parent, translate("app", "Not restored"), labels.error_text(exc))
        return False
    messages.inform(
        parent,
        translate("app", "Backup restored"),
        translate("app", "Restored {backup}. The damaged file is kept as {kept}.").format(
            backup=backup, kept=kept
        ),
    )
    return True


def open_store_or_explain(path: Path, parent: QWidget | None = None) -> Store | None:
    """Open the database; on failure explain in plain words: busy is offered a retry (never a
    restore), damage the newest good backup."""
    while True:
        try:
            return Store.open(path, thorough=False)
        except BusyDatabaseError as exc:
            if not messages.ask(
                parent,
                translate("app", "Database in use"),
                translate("app", "{exc}\n\nTry again now?").format(exc=labels.error_text(exc)),
            ):
                return None
        except CorruptDatabaseError as exc:
            if not offer_restore(parent, path, labels.error_text(exc)):
                return None
        except StoreError as exc:
            messages.error(
                parent, translate("app", "Cannot open the database"), labels.error_text(exc)
            )
            return None


def damaged(path: Path, error: BaseException) -> str:
    """The damage message when ``error`` (met reading the database) is damage; empty when it
    is not (busy, or a file that checks out)."""
    if not isinstance(error, sqlite3.DatabaseError) or is_busy(error):
        return ""
    try:
        check_database_file(path, thorough=True)
    except CorruptDatabaseError as exc:
        return labels.error_text(exc)
    except StoreError:
        return ""
    return ""


class StartupCheck(QObject):
    """Reports from the background start-up check to the window (signals cross threads)."""

    note = Signal(str)
    damaged = Signal(str)
    # Shadows QObject.thread() on purpose: the Python thread doing the check, joined by tests.
    thread: threading.Thread | None = None  # type: ignore[assignment]


def start_backup(store: Store, window: MainWindow) -> StartupCheck:
    """Read every page for damage and compare the file's protections and audit trail's end
    with what the app made and backed up, then copy the database to the backups folder.

    Runs beside the first window so that a large database does not hold up the start; the
    copy is skipped when the newest backup already holds every change, and never made of a
    damaged file (it would push good backups out) nor of one changed outside the app (it would
    become the anchor a cut audit trail is compared with).
    """
    reporter = StartupCheck(window)
    path = store.path
    reporter.note.connect(window.show_status)
    reporter.damaged.connect(
        lambda message: report_damage(window, path, message, window.store.close)
    )

    def work() -> None:
        try:
            check_database_file(path, thorough=True)
            changed = changed_outside(path)
        except CorruptDatabaseError as exc:
            reporter.damaged.emit(labels.error_text(exc))
            return
        except Exception as exc:  # reported, never fatal: the app keeps working; no backup
            reporter.note.emit(translate("app", "Start-up check failed: {exc}").format(exc=exc))
            return
        if changed:  # named, and no backup made of it (it would become the anchor)
            reporter.note.emit(
                translate(
                    "app",
                    "The database was changed outside the app: {first} ({count} in all;"
                    " `pcso-interview check` lists them). No backup was made of it.",
                ).format(first=changed[0], count=len(changed))
            )
            return
        try:
            made = backup_database(path, skip_if_unchanged=True)
        except Exception as exc:
            reporter.note.emit(translate("app", "Start-up backup failed: {exc}").format(exc=exc))
            return
        reporter.note.emit(
            translate("app", "Backup saved: {made}").format(made=made)
            if made
            else translate("app", "Backup is up to date.")
        )

    reporter.thread = threading.Thread(target=work, name="start-up check", daemon=False)
    reporter.thread.start()
    return reporter


def report_damage(
    window: QWidget, path: Path, message: str, close_store: Callable[[], None]
) -> None:
    """Found damaged while the app runs: the same offer; after a restore the app closes.
    ``close_store`` lets go of the window's store before the damaged file is set aside."""
    text = translate(
        "app", "{message}\n\nAfter restoring, the app will close; start it again to go on."
    ).format(message=message)
    if offer_restore(window, path, text, before=close_store):
        QApplication.quit()


def log_entry(kind: type[BaseException], tb: TracebackType | None) -> str:
    """What the error log keeps: the kind of error and where it happened. Never the message,
    which may carry a candidate's name or notes: the log outlives every purge."""
    from datetime import UTC, datetime

    where = "".join(traceback.format_list(traceback.extract_tb(tb))) if tb else ""
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{stamp} {kind.__module__}.{kind.__qualname__} (message not logged)\n{where}\n"


def install_error_hook(log_file: Path | None = None) -> None:
    """Unexpected errors get a plain message; the details go to a log file, not on screen.

    Without a file named, the log goes to the user's data folder, found when first needed.
    """

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        window = QApplication.activeWindow()
        store = getattr(window, "store", None)  # the main window's, or a dialog's over it
        db = getattr(store, "path", None)
        if (
            window is not None
            and store is not None
            and db is not None
            and (message := damaged(db, value))
        ):
            report_damage(window, db, message, store.close)
            return
        where = log_file
        try:
            where = where or paths.user_data_dir() / "error.log"
            where.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(where, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as log:
                log.write(log_entry(kind, tb))
            details = translate("app", "Details were written to {where}.").format(where=where)
        except Exception as exc:  # the message must still reach the user
            details = translate(
                "app", "The details could not be written to a log file ({exc})."
            ).format(exc=exc)
        messages.warn(
            QApplication.activeWindow(),
            translate("app", "Something went wrong"),
            translate(
                "app", "{value}\n\nWhat you had saved is safe in the database. {details}"
            ).format(value=value, details=details),
        )

    sys.excepthook = hook


def choose_language(store: Store, asked: str | None) -> str:
    """The interface's language: --lang (then remembered), else the one last chosen."""
    if asked:
        if not store.read_only_reason:
            with contextlib.suppress(sqlite3.Error, StoreError):  # used for this run anyway
                store.set_state(i18n.STATE_KEY, asked)
        return i18n.install(asked)
    try:
        remembered = store.get_state(i18n.STATE_KEY, i18n.DEFAULT)
    except sqlite3.Error:
        remembered = i18n.DEFAULT
    return i18n.install(remembered or i18n.DEFAULT)


def start_window(args: argparse.Namespace) -> QMainWindow | None:
    """Open the database and show the window; None when the database cannot be opened
    (the user has been told why). On the force archive, HR's screens only."""
    if isinstance(args.db, str) and args.db.lower().startswith(ARCHIVE_SCHEMES):
        from ui.archive_window import start_archive_window

        if getattr(args, "lang", None):  # the archive keeps no settings: for this run only
            i18n.install(args.lang)
        return start_archive_window(args.db, lambda: collect_profiles(args.profiles))
    db_path = Path(args.db) if args.db else paths.default_db_path()
    lock: WindowLock | None  # None: no lock file here, or another window holds it
    while True:
        store = open_store_or_explain(db_path)
        if store is None:
            return None
        store.wait_when_busy(WINDOW_BUSY_MS)
        choose_language(store, getattr(args, "lang", None))
        lock = WindowLock(db_path)
        try:
            holder = lock.acquire()
        except OSError:
            holder = ""  # no lock file here (a read-only folder was refused above): go on
            lock = None
        if holder:
            store.read_only_reason = read_only_reason(holder)
            lock = None
        try:
            window = MainWindow(
                store,
                lambda: collect_profiles(args.profiles),
                window_lock=lock,
                read_only_holder=holder,
            )
            break
        except sqlite3.DatabaseError as exc:  # damage the quick check at opening did not see
            store.close()
            if lock is not None:
                lock.release()
            message = damaged(db_path, exc)
            if not message or not offer_restore(None, db_path, message):
                if not message:
                    messages.error(
                        None, translate("app", "Cannot open the database"), f"{db_path}: {exc}"
                    )
                return None
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
    QApplication.setApplicationDisplayName(
        translate("app", "PCSO interview")
    )  # static; instance() is typed Core
    install_error_hook()
    window = start_window(args)  # held here: Python owns a window without a parent
    if window is None:
        return 1
    return app.exec()


def collect_profiles(extra: list[Path]) -> ProfileSet:
    """The profiles module is imported here, not at start: the session list needs none."""
    from pcso_interview.profiles import collect_profiles as collect

    return collect(extra)
