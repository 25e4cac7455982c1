"""Choose the campaign for sessions: one HR has used before, or a new name."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.campaigns import MAX_LENGTH
from ui.i18n import translate


class CampaignDialog(QDialog):
    def __init__(self, known: list[str], current: str, count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("CampaignDialog", "Set the campaign"))
        self.prompt = QLabel(
            translate(
                "CampaignDialog",
                "Which campaign do the %Ln selected session(s) belong to? Choose one or type"
                " a new name. The move is audited in your name; signed records are not changed.",
                "",
                count,
            )
        )
        self.prompt.setWordWrap(True)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setAccessibleName(translate("CampaignDialog", "Campaign"))
        self.name.addItems(known)
        self.name.setCurrentText(current)
        editor = self.name.lineEdit()
        if editor is not None:
            editor.setMaxLength(MAX_LENGTH)
        self.prompt.setBuddy(self.name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.editTextChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip()))
        )
        self.ok_button.setEnabled(bool(current.strip()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.name)
        layout.addWidget(self.buttons)
        self.resize(520, 160)

    def text(self) -> str:
        return " ".join(self.name.currentText().split())

    @classmethod
    def ask(
        cls, parent: QWidget | None, known: list[str], current: str = "", count: int = 1
    ) -> str | None:
        """The campaign chosen or typed, or None when cancelled."""
        dialog = cls(known, current, count, parent)
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
