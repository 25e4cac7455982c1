"""Browsing the database's folder in a file dialog must not drop SQLite's locks.

POSIX drops all of a process's locks on a file when it closes any descriptor of that file.
Qt's QFileIconProvider (through QMimeDatabase) opened and closed sessions.db, -wal and -shm to
guess their type while a file dialog listed the folder; the app then held no lock, and a CLI
command run meanwhile took the database for its own and deleted the app's -wal. The app's
dialogs (ui/file_dialogs.py) decide icons by name only.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QFileSystemModel

import main
from pcso_interview.store import Store
from tests.store_support import grade_all, new_session
from ui.file_dialogs import quiet_dialog

pytestmark = pytest.mark.skipif(
    not Path("/proc/locks").exists(), reason="reads the kernel's lock table (Linux)"
)


def our_locks(folder: Path) -> set[tuple[str, str]]:
    """(file name, lock kind) of every POSIX lock this process holds on files in ``folder``."""
    inodes = {p.stat().st_ino: p.name for p in folder.iterdir() if p.is_file()}
    held = set()
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if fields[1] != "POSIX" or int(fields[4]) != os.getpid():
            continue
        inode = int(fields[5].rsplit(":", 1)[1])
        if inode in inodes:
            held.add((inodes[inode], fields[3]))
    return held


def browse(qtbot, dialog: QFileDialog, folder: Path) -> None:
    """Show the dialog on ``folder`` until it lists the database, draw it, close it."""
    dialog.setDirectory(str(folder))
    dialog.show()
    qtbot.waitExposed(dialog)
    model = dialog.findChild(QFileSystemModel)
    view = dialog.findChild(QAbstractItemView, "listView")

    def listed() -> bool:
        root = model.index(str(folder))
        names = {model.index(r, 0, root).data() for r in range(model.rowCount(root))}
        return "sessions.db" in names and "sessions.db-wal" in names

    qtbot.waitUntil(listed, timeout=5000)
    root = model.index(str(folder))
    for row in range(model.rowCount(root)):  # what painting the list asks for
        for column in range(model.columnCount(root)):
            index = model.index(row, column, root)
            index.data()
            model.fileIcon(index)
            model.type(index)
    view.viewport().grab()
    dialog.close()


@pytest.fixture
def app_db(tmp_path):
    """The app's store with changes still in its -wal (no checkpoint yet)."""
    store = Store.open(tmp_path / "sessions.db")
    store.conn.execute("PRAGMA wal_autocheckpoint = 0")
    sid = new_session(store, ref="C-0001")
    grade_all(store, sid, 3)
    yield store, sid
    store.close()


def cli_in_another_process(path: Path) -> None:
    subprocess.run(
        [sys.executable, str(Path(main.__file__)), "--db", str(path), "sessions"],
        check=True,
        capture_output=True,
        timeout=60,
    )


@pytest.mark.parametrize("kind", ["save", "folder"])
def test_the_apps_file_dialogs_keep_the_locks(qtbot, app_db, kind):
    store, sid = app_db
    folder = store.path.parent
    before = our_locks(folder)
    assert ("sessions.db-shm", "READ") in before  # the WAL's "connection is alive" lock
    dialog = quiet_dialog(None, "Save", folder, "All files (*)")
    if kind == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
    qtbot.addWidget(dialog)
    browse(qtbot, dialog, folder)
    assert our_locks(folder) == before
    wal = folder / "sessions.db-wal"
    inode = wal.stat().st_ino
    cli_in_another_process(store.path)
    assert wal.exists() and wal.stat().st_ino == inode  # the CLI left the app's -wal alone
    assert store.load(sid).grades  # and the app still reads what it wrote


def test_qts_own_icon_provider_is_what_dropped_them(qtbot, app_db):
    """The control: Qt's default provider, same dialog, same folder. If this ever stops
    failing, Qt stopped sniffing; the quiet dialogs do no harm either way."""
    store, _ = app_db
    folder = store.path.parent
    before = our_locks(folder)
    dialog = QFileDialog(None, "Save", str(folder), "All files (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    browse(qtbot, dialog, folder)
    assert our_locks(folder) != before
