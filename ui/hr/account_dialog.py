"""An admin adds an HR account: the person's name, a role, and a first passphrase (twice)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.credentials import PASSPHRASE_MIN
from ui.i18n import translate


class AccountDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("AccountDialog", "Add an HR account"))
        self.name = QLineEdit()
        self.name.setAccessibleName(translate("AccountDialog", "Name"))
        self.role = QComboBox()
        self.role.setAccessibleName(translate("AccountDialog", "Role"))
        self.role.addItem(
            translate("AccountDialog", "HR (review, reprint, export, reopen, withdraw, purge)"),
            "hr",
        )
        self.role.addItem(
            translate(
                "AccountDialog", "Admin (also adds accounts and resets passphrases and PINs)"
            ),
            "admin",
        )
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(translate("AccountDialog", "Passphrase"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(translate("AccountDialog", "Passphrase again"))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020; font-weight: bold;")
        form = QFormLayout()
        form.addRow(translate("AccountDialog", "&Name:"), self.name)
        form.addRow(translate("AccountDialog", "&Role:"), self.role)
        form.addRow(translate("AccountDialog", "&Passphrase:"), self.passphrase)
        form.addRow(translate("AccountDialog", "&Again:"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                translate(
                    "AccountDialog",
                    "A passphrase has at least {PASSPHRASE_MIN} characters; pass it on in person.",
                ).format(PASSPHRASE_MIN=PASSPHRASE_MIN)
            )
        )
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if self.passphrase.text() != self.again.text():
            self.problem.setText(translate("AccountDialog", "The two passphrases differ."))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None) -> tuple[str, str, str] | None:
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.name.text(), dialog.role.currentData(), dialog.passphrase.text()
