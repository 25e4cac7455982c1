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
        self._failed_text: str | None = None
        self._held: dict[object, str] = {}  # note key -> text whose save was refused
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(lambda: self.flush(retry_failed=False))
        self.textChanged.connect(self._changed)

    def bind(self, key: object, text: str) -> None:
        """Show the note of ``key``; any unsaved text of the previous note is saved first."""
        if key == self._key and text == self._saved_text:
            return
        self.flush()
        self._key = key
        held = self._held.get(key)  # typed earlier, refused, and not saved since
        self._saved_text = text if held is None else "\0unsaved"
        self._failed_text = held
        self.blockSignals(True)
        self.setPlainText(text if held is None else held)
        self.blockSignals(False)
        self.document().clearUndoRedoStacks()

    def _changed(self) -> None:
        if self._key is not None and not self._timer.isActive():
            self._timer.start()

    def has_unsaved(self) -> bool:
        return self._key is not None and self.toPlainText() != self._saved_text

    def refused(self) -> list[str]:
        """Texts the database refused and that are not saved since (shown or held)."""
        return list(self._held.values())

    def flush(self, *, retry_failed: bool = True) -> None:
        """Save the unsaved text, and the notes refused while another one was shown.

        ``retry_failed=False`` (leaving the field, the typing timer) tries neither text just
        refused nor those held notes again: right after Esc, leaving the field would only
        say the same thing twice. The next change, Esc, or showing another note retries.
        """
        self._timer.stop()
        if self.has_unsaved():
            text = self.toPlainText()
            if retry_failed or text != self._failed_text:
                self._held.pop(self._key, None)
                self._saved_text = text
                self._failed_text = None
                self.commit.emit(self._key, text)
        if retry_failed:
            for key, text in list(self._held.items()):
                if key != self._key:
                    del self._held[key]
                    self.commit.emit(key, text)  # a refusal holds it again (mark_unsaved)

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
        self._held[key] = text
        if key != self._key:
            return
        self._saved_text = "\0unsaved"
        self._failed_text = text

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush(retry_failed=False)
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.flush()
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)
