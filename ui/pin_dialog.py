"""A panel member proves who they are: their PIN (or passphrase), typed where only they see it.

Asked when "Scoring as" switches to them and when they sign. A member without one chooses it
(twice, to be sure). Wrong tries are counted by the store, which makes them wait after three.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.credentials import IdentityError
from pcso_interview.session import Member, Session
from pcso_interview.store import Store
from ui.feedback import EXPECTED_ERRORS, explain
from ui.i18n import translate


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class PinDialog(QDialog):
    def __init__(
        self, store: Store, session: Session, member: Member, why: str, parent: QWidget | None
    ):
        super().__init__(parent)
        self.store = store
        self.session = session
        self.member = member
        self.choosing = not store.member_has_secret(session.id, member.id)
        self.setWindowTitle(f"{member.name}: {'choose a PIN' if self.choosing else 'PIN'}")
        intro = (
            translate(
                "PinDialog",
                "{name}, choose your PIN for this interview: 4 to 8 digits "
                "(or a passphrase of 10 characters or more). You will type "
                "it to score and to sign as yourself.",
            ).format(name=member.name)
            if self.choosing
            else translate("PinDialog", "{name}, type your PIN {why}.").format(
                name=member.name, why=why
            )
        )
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.secret = _secret_field("PIN")
        self.again = _secret_field(translate("PinDialog", "PIN again"))
        form = QFormLayout()
        form.addRow(translate("PinDialog", "&PIN:"), self.secret)
        if self.choosing:
            form.addRow(translate("PinDialog", "&Again:"), self.again)
        self.problem = QLabel()
        self.problem.setAccessibleName(translate("PinDialog", "PIN problem"))
        self.problem.setStyleSheet("color: #b00020; font-weight: bold;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_secret)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.secret.setFocus()

    def try_secret(self) -> None:
        typed = self.secret.text()
        try:
            if self.choosing:
                if typed != self.again.text():
                    raise IdentityError(
                        translate("PinDialog", "The two PINs differ: type the same one twice.")
                    )
                self.store.set_member_secret(self.session.id, self.member.id, typed)
            else:
                self.store.check_member_secret(self.session.id, self.member.id, typed)
        except EXPECTED_ERRORS as exc:
            self.problem.setText(explain(exc))
            self.secret.clear()
            self.again.clear()
            self.secret.setFocus()
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, store: Store, session: Session, member: Member, why: str
    ) -> str | None:
        """The PIN, once it is proven the member's own (or chosen); None when cancelled."""
        dialog = cls(store, session, member, why, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.secret.text()
