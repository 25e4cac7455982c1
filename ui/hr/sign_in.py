"""HR screens open only for a signed-in HR account; the sign-in ends after 10 idle minutes.

A panel member at the interview laptop cannot open HR review or the statistics: they need an
account's name and passphrase. The first opening, when no account exists yet, creates the first
one (an admin, who can add others and reset forgotten passphrases and PINs).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.store import Store
from pcso_interview.store.identity import User
from ui.feedback import EXPECTED_ERRORS, attempt, explain
from ui.i18n import translate

IDLE_MS = 10 * 60 * 1000


class HrSession(QObject):
    """Who is signed in to the HR screens of this window, until 10 idle minutes pass."""

    changed = Signal()

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.user: User | None = None
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(IDLE_MS)
        self.idle.timeout.connect(self._idle_out)
        self.watched: list[QWidget] = []
        self.signed_out_idle = False

    def sign_in(self, user: User) -> None:
        self.user = user
        self.signed_out_idle = False
        self.idle.start()
        self.changed.emit()

    def _idle_out(self) -> None:
        self.sign_out(idle=True)

    def sign_out(self, *, idle: bool = False) -> None:
        if self.user is not None:
            self.signed_out_idle = idle
            self.user = None
            self.idle.stop()
            self.changed.emit()

    def watch(self, widget: QWidget) -> None:
        """Keys and clicks in ``widget`` count as activity: the sign-in stays open."""
        if not self.watched:
            app = QApplication.instance()
            assert app is not None  # a widget to watch exists, so the application does
            app.installEventFilter(self)
        self.watched.append(widget)

    def eventFilter(self, target: QObject, event: QEvent) -> bool:
        if (
            self.user is not None
            and event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress)
            and isinstance(target, QWidget)
            and any(w is target or w.isAncestorOf(target) for w in self.watched)
        ):
            self.idle.start()
        return False


class SignInForm(QWidget):
    """Name and passphrase; or, with no account yet, the first account to create."""

    def __init__(self, session: HrSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setAccessibleName(translate("SignInForm", "HR account name"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(translate("SignInForm", "Passphrase"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(translate("SignInForm", "Passphrase again"))
        self.problem = QLabel()
        self.problem.setAccessibleName(translate("SignInForm", "Sign-in problem"))
        self.problem.setStyleSheet("color: #b00020; font-weight: bold;")
        self.problem.setWordWrap(True)
        self.button = QPushButton()
        self.button.clicked.connect(self.submit)
        for field in (self.name, self.passphrase, self.again):
            field.returnPressed.connect(self.submit)
        self.form = QFormLayout()
        self.form.addRow(translate("SignInForm", "&Name:"), self.name)
        self.form.addRow(translate("SignInForm", "P&assphrase:"), self.passphrase)
        self.form.addRow(translate("SignInForm", "A&gain:"), self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.setMaximumWidth(560)  # a form, not a banner across the screen
        self.refresh()

    @property
    def first(self) -> bool:
        ok, count = attempt(self, self.session.store.count_users, reading=True, loud=False)
        return bool(ok) and count == 0

    def refresh(self) -> None:
        first = self.first
        self.title.setText(
            translate(
                "SignInForm",
                "<b>No HR account yet.</b> Create the first one: it is an admin, who adds the"
                " other HR accounts and resets forgotten passphrases and PINs.",
            )
            if first
            else translate(
                "SignInForm", "<b>HR sign-in.</b> HR review and statistics need your HR account."
            )
            + (
                translate("SignInForm", " You were signed out after 10 idle minutes.")
                if self.session.signed_out_idle
                else ""
            )
        )
        self.form.setRowVisible(self.again, first)
        self.button.setText(
            translate("SignInForm", "&Create the account")
            if first
            else translate("SignInForm", "&Sign in")
        )
        self.passphrase.clear()
        self.again.clear()
        self.name.setFocus()

    def submit(self) -> None:
        store = self.session.store
        name, secret = self.name.text(), self.passphrase.text()
        try:
            if self.first:
                if secret != self.again.text():
                    self.problem.setText(
                        translate(
                            "SignInForm", "The two passphrases differ: type the same one twice."
                        )
                    )
                    return
                user = store.add_user(name, "admin", secret)
            else:
                user = store.sign_in(name, secret)
        except EXPECTED_ERRORS as exc:
            self.problem.setText(explain(exc))
            self.passphrase.clear()
            self.again.clear()
            return
        self.problem.clear()
        self.session.sign_in(user)


class HrGate(QWidget):
    """Shows the sign-in form until an HR account signs in, then the HR screen built for it;
    back to the form when the sign-in ends."""

    def __init__(
        self,
        session: HrSession,
        build: Callable[[User], QWidget],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.build = build
        self.content: QWidget | None = None
        self.form = SignInForm(session)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.form)
        session.changed.connect(self._follow)
        session.watch(self)
        self._follow()

    def _follow(self) -> None:
        user = self.session.user
        if user is None:
            if self.content is not None:
                self.content.hide()
                self.content.deleteLater()
                self.content = None
            self.form.show()
            self.form.refresh()
            return
        if self.content is None:
            self.content = self.build(user)
            self._layout.addWidget(self.content)
        self.form.hide()
        self.content.show()
