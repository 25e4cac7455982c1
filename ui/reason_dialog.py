"""Ask for a written reason (withdrawal, reopening, clearing signatures)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate


class ReasonDialog(QDialog):
    def __init__(self, title: str, prompt: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(translate("ReasonDialog", "Reason"))
        self.reason.setTabChangesFocus(True)
        self.prompt.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.reason.textChanged.connect(
            lambda: self.ok_button.setEnabled(bool(self.reason.toPlainText().strip()))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.resize(480, 220)

    def text(self) -> str:
        return self.reason.toPlainText().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str) -> str | None:
        """The reason typed, or None when cancelled. OK stays disabled until text is typed."""
        dialog = cls(title, prompt, parent)
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
