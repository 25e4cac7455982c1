"""A note editor that saves as you type: at most a third of a second of text is ever unsaved."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

SAVE_AFTER_MS = 300


class NoteEditor(QPlainTextEdit):
    """Emits ``commit(key, text)`` shortly after typing starts, on leaving, and on Esc.

    The timer is not restarted by further keys, so even continuous typing is saved every
    ``SAVE_AFTER_MS``. ``key`` is whatever the note belongs to (an indicator or an area).
    """

    commit = Signal(object, str)
    escaped = Signal()

    def __init__(self, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setTabChangesFocus(True)
        self._key: object = None
        self._saved_text = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._changed)

    @property
    def key(self) -> object:
        return self._key

    def bind(self, key: object, text: str) -> None:
        """Show the note of ``key``; any unsaved text of the previous note is saved first."""
        if key == self._key and text == self._saved_text:
            return
        self.flush()
        self._key = key
        self._saved_text = text
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)
        self.document().clearUndoRedoStacks()

    def _changed(self) -> None:
        if self._key is not None and not self._timer.isActive():
            self._timer.start()

    def has_unsaved(self) -> bool:
        return self._key is not None and self.toPlainText() != self._saved_text

    def flush(self) -> None:
        self._timer.stop()
        if self.has_unsaved():
            text = self.toPlainText()
            self._saved_text = text
            self.commit.emit(self._key, text)

    def mark_unsaved(self, key: object, text: str) -> None:
        """The save of ``text`` failed: keep it on screen and try again at the next change.

        The reload after the failed save rebinds this note to the stored text, so put what was
        typed back when the editor still shows the same note.
        """
        if key == self._key and self.toPlainText() != text:
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)
            self.moveCursor(self.textCursor().MoveOperation.End)
        self._saved_text = "\0unsaved"

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.flush()
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)
