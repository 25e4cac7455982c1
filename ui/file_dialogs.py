"""File dialogs that never open the files they list.

SQLite locks its database with POSIX locks, and POSIX drops every lock a process holds on a
file when the process closes *any* descriptor of that file. Qt's file dialog asks its icon
provider for each file's icon and type; QFileIconProvider answers through QMimeDatabase, which
opens and reads a file whose name does not settle its type (sessions.db, -wal, -shm) and then
closes it. Browsing the database's folder thereby dropped the app's locks (seen with strace:
openat(".../sessions.db", O_RDONLY) then close, after which /proc/locks held none of ours),
and another process could then delete the live -wal. These dialogs use Qt's own widget dialog
(a native one may sniff files in-process too) with an icon provider that decides by name only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

from ui.i18n import translate


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and types from the file name and kind alone: nothing is opened."""

    def icon(self, what: QAbstractFileIconProvider.IconType | QFileInfo, /) -> QIcon:
        if isinstance(what, QFileInfo):
            kind = (
                QFileIconProvider.IconType.Folder
                if what.isDir()
                else QFileIconProvider.IconType.File
            )
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo, /) -> str:
        if info.isDir():
            return translate("NameOnlyIconProvider", "Folder")
        return (
            translate("NameOnlyIconProvider", "{suffix} file").format(suffix=info.suffix().upper())
            if info.suffix()
            else translate("NameOnlyIconProvider", "File")
        )


_PROVIDER: NameOnlyIconProvider | None = None


def quiet_dialog(
    parent: QWidget | None, caption: str, start: Path, filter_: str = ""
) -> QFileDialog:
    global _PROVIDER
    if _PROVIDER is None:
        _PROVIDER = NameOnlyIconProvider()
    dialog = QFileDialog(parent, caption, str(start), filter_)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(_PROVIDER)
    return dialog


def save_file(
    parent: QWidget | None, caption: str, default: Path, filter_: str, suffix: str
) -> Path | None:
    """Where to save; the suffix is added when the user left it off. None when cancelled."""
    dialog = quiet_dialog(parent, caption, default, filter_)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix.lstrip("."))
    dialog.selectFile(str(default))
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def open_files(parent: QWidget | None, caption: str, start: Path, filter_: str) -> list[Path]:
    """Existing files to read, several at once; empty when cancelled."""
    dialog = quiet_dialog(parent, caption, start, filter_)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    if not dialog.exec():
        return []
    return [Path(name) for name in dialog.selectedFiles()]


def choose_folder(parent: QWidget | None, caption: str, start: Path) -> Path | None:
    dialog = quiet_dialog(parent, caption, start)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])
