"""Sign-off: each member reads the declaration and signs by drawing or typing their name."""

from __future__ import annotations

import base64
from html import escape

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTabletEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.lifecycle import Status
from pcso_interview.session import Member, Session
from ui import labels
from ui.i18n import translate
from ui.scoring.area_page import COMPACT_HEIGHT
from ui.scoring.consensus_page import grouped, outcome_text
from ui.table_model import Column, RowsModel


class SignaturePad(QWidget):
    """Draw a signature with a mouse, touchpad or pen; exported as a PNG."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(translate("SignaturePad", "Signature pad: draw your signature"))
        self.setMinimumSize(240, 80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.path = QPainterPath()
        self._drawing = False

    def is_empty(self) -> bool:
        return self.path.elementCount() < 2

    def clear(self) -> None:
        self.path = QPainterPath()
        self.update()
        self.changed.emit()

    def _start(self, point: QPointF) -> None:
        self._drawing = True
        self.path.moveTo(point)

    def _extend(self, point: QPointF) -> None:
        if self._drawing:
            self.path.lineTo(point)
            self.update()

    def _stop(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._start(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._stop()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._start(event.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._stop()
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#9e9e9e"), 1, Qt.PenStyle.DashLine))
        baseline = self.height() - 24
        painter.drawLine(12, baseline, self.width() - 12, baseline)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor("black"), 2.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPath(self.path)
        painter.end()

    def to_png_b64(self) -> str:
        """The drawing alone, black on white, cropped to what was drawn."""
        if self.is_empty():
            return ""
        bounds = self.path.boundingRect().adjusted(-6, -6, 6, 6)
        image = QImage(
            max(1, int(bounds.width())), max(1, int(bounds.height())), QImage.Format.Format_RGB32
        )
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-bounds.topLeft())
        painter.setPen(QPen(QColor("black"), 2.2))
        painter.drawPath(self.path)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # PySide6 stubs: format is typed bytes, but the binding takes only str at run time.
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        buffer.close()
        return base64.b64encode(bytes(data.data())).decode("ascii")


def signoff_model() -> RowsModel[tuple[Member, str]]:
    return RowsModel(
        [
            Column(translate("signoff_page", "Member"), lambda r: r[0].name),
            Column(translate("signoff_page", "Role"), lambda r: labels.role(r[0].role)),
            Column(translate("signoff_page", "Staff / collar no."), lambda r: r[0].number),
            Column(translate("signoff_page", "Signed"), lambda r: r[1]),
        ]
    )


class SignOffPage(QWidget):
    sign_requested = Signal(str, str, str)  # member id, typed name, signature PNG base64
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.session: Session | None = None
        # (session, version, who has signed) the form was set for
        self._signed: tuple[str, int, tuple[str, ...]] | tuple[()] = ()
        self.heading = heading = QLabel(
            translate("SignOffPage", "<h2 style='margin:0'>Sign-off</h2>")
        )
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setAccessibleName(translate("SignOffPage", "Sign-off state"))
        self.model = signoff_model()
        self.table = QTableView()
        self.table.setAccessibleName(translate("SignOffPage", "Panel sign-off"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)  # one Tab stop; arrows move inside
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # The outcome the panel is signing for, in view while they sign.
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName(translate("SignOffPage", "Outcome"))
        self.declaration = QLabel(
            translate("SignOffPage", "<b>Declaration.</b> {text}").format(text=labels.declaration())
        )
        self.declaration.setWordWrap(True)
        self.declaration.setAccessibleName(translate("SignOffPage", "Declaration"))
        self.signer = QComboBox()
        self.signer.setAccessibleName(translate("SignOffPage", "Member signing"))
        self.confirm = QCheckBox(
            translate("SignOffPage", "I have read the declaration and &confirm it")
        )
        self.typed_name = QLineEdit()
        self.typed_name.setAccessibleName(translate("SignOffPage", "Type your name to sign"))
        self.typed_name.setPlaceholderText(
            translate("SignOffPage", "Type your full name, or draw below")
        )
        self.pad = SignaturePad()
        self.clear_pad = QPushButton(translate("SignOffPage", "Clear &drawing"))
        self.clear_pad.clicked.connect(self.pad.clear)
        self.sign_button = QPushButton(translate("SignOffPage", "&Sign"))
        self.sign_button.setDefault(True)
        self.sign_button.setMinimumHeight(40)
        self.sign_button.clicked.connect(self._sign)
        self.clear_all = QPushButton(translate("SignOffPage", "Clear all signat&ures…"))
        # What stops Enter from signing, in words (Enter with nothing ticked said nothing).
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(translate("SignOffPage", "Sign-off problem"))
        self.problem.setStyleSheet("color: #b00020; font-weight: bold;")
        self.clear_all.clicked.connect(self.clear_requested)
        self.confirm.toggled.connect(self._update_button)
        self.confirm.toggled.connect(lambda: self.problem.clear())
        self.typed_name.textChanged.connect(lambda: self.problem.clear())
        self.typed_name.textChanged.connect(self._update_button)
        self.pad.changed.connect(self._update_button)

        self.form = QWidget()
        form = QFormLayout(self.form)
        form.addRow(translate("SignOffPage", "Si&gning as"), self.signer)
        form.addRow("", self.confirm)
        form.addRow(translate("SignOffPage", "T&yped name"), self.typed_name)
        form.addRow(translate("SignOffPage", "or dra&w"), self.pad)
        form.addRow(self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_pad)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_all)
        buttons.addWidget(self.sign_button)
        form.addRow(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.state)
        layout.addWidget(self.outcome)
        layout.addWidget(self.table)
        layout.addWidget(self.declaration)
        layout.addWidget(self.form)
        layout.addStretch(1)

    def show_session(self, session: Session, member_id: str, editable: bool) -> None:
        self.session = session
        self.model.set_rows(
            [
                (
                    m,
                    translate("SignOffPage", "✓ {value} UTC ({method})").format(
                        value=s.signed_at.replace("T", " ").rstrip("Z"),
                        method=labels.sign_method(s.method),
                    )
                    if (s := session.signoff(m.id))
                    else translate("SignOffPage", "not signed"),
                )
                for m in session.panel
            ]
        )
        # As tall as its rows: no empty space above the declaration.
        self.table.resizeRowsToContents()
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + sum(self.table.rowHeight(r) for r in range(self.model.rowCount()))
            + 2 * self.table.frameWidth()
        )
        unsigned = session.unsigned_members
        previous = self.signer.currentData()
        self.signer.blockSignals(True)
        self.signer.clear()
        for m in unsigned:
            self.signer.addItem(f"{m.name} ({labels.role(m.role)})", m.id)
        preferred = previous if previous in [m.id for m in unsigned] else member_id
        position = self.signer.findData(preferred)
        self.signer.setCurrentIndex(max(position, 0))
        self.signer.blockSignals(False)
        blockers = session.signoff_blocker_phrases()
        if session.record_problems:
            text = translate(
                "SignOffPage",
                "<b>⚠ Record failed verification.</b> It no longer matches "
                "what the panel signed: {value}.",
            ).format(value=escape(session.record_problems[0]))
        elif session.locked:
            text = (
                translate(
                    "SignOffPage",
                    "✓ Signed off and locked (version {version}). Nothing can change.",
                ).format(version=session.version)
                if session.status is Status.SIGNED
                else translate(
                    "SignOffPage", "Withdrawn: {withdrawn_reason}. Nothing can change."
                ).format(withdrawn_reason=session.withdrawn_reason)
            )
        elif blockers:
            text = (
                translate("SignOffPage", "<b>Not ready to sign yet.</b> Still missing:<br>")
                + "<br>".join(f"• {escape(b, quote=False)}" for b in grouped(blockers))
                + translate(
                    "SignOffPage",
                    "<br>Agreed grades and rationales are typed in Consensus (Ctrl+K).",
                )
            )
        else:
            names = ", ".join(m.name for m in unsigned)
            text = translate(
                "SignOffPage",
                "Ready. Still to sign: {names}. The session locks when the last one signs.",
            ).format(names=names)
        self.state.setText(text)
        self.outcome.setText(outcome_text(session, session.member(member_id).name, next_step=False))
        was_open = self.form.isVisibleTo(self)
        self.form.setVisible(editable and not session.locked and not blockers)
        focus = QApplication.focusWidget()
        if self.form.isVisibleTo(self) and not was_open and focus is self.table:
            self.focus_next_step()  # ready now (the last agreed grade came): on to the tick
        self.clear_all.setVisible(bool(session.signoffs) and not session.locked)
        signed = (session.id, session.version, tuple(s.member_id for s in session.signoffs))
        if signed != self._signed:  # a new signer is due: start the form afresh
            self._signed = signed
            self.confirm.setChecked(False)
            self.typed_name.clear()
            self.pad.clear()
            self.problem.clear()
        self._update_button()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.heading.setVisible(event.size().height() >= COMPACT_HEIGHT)  # short: the list says

    def _update_button(self) -> None:
        has_signature = bool(self.typed_name.text().strip()) or not self.pad.is_empty()
        self.sign_button.setEnabled(
            self.confirm.isChecked() and has_signature and self.signer.count() > 0
        )

    def focus_next_step(self) -> None:
        """The keys go to what the next signer does first (the tick), or to the table of
        signatures when nobody can sign here (locked, not ready, or read-only)."""
        if self.form.isVisibleTo(self) and self.signer.count():
            self.confirm.setFocus()
        else:
            self.table.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter anywhere in the form signs, or says what is still missing."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.form.isVisibleTo(self):
            self._sign()
            event.accept()
            return
        super().keyPressEvent(event)

    def _missing(self) -> str:
        if self.signer.count() == 0:
            return ""
        if not self.confirm.isChecked():
            return translate(
                "SignOffPage", "Tick the declaration first (Space on the tick box, or Alt+C)."
            )
        if not self.typed_name.text().strip() and self.pad.is_empty():
            return translate(
                "SignOffPage", "Type your name (Alt+Y) or draw your signature, then Enter."
            )
        return ""

    def _sign(self) -> None:
        if not self.sign_button.isEnabled():
            missing = self._missing()
            self.problem.setText(
                translate("SignOffPage", "Not signed: {missing}").format(missing=missing)
                if missing
                else ""
            )
            if not self.confirm.isChecked():
                self.confirm.setFocus()
            elif missing:
                self.typed_name.setFocus()
            return
        self.sign_requested.emit(
            self.signer.currentData(), self.typed_name.text().strip(), self.pad.to_png_b64()
        )
