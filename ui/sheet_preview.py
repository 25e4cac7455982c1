"""Preview the marking sheet (QtPdf) before saving it as a PDF or printing it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.session import Session
from pcso_interview.store import Store
from reports.issue import issue_to_file, register_bytes
from reports.marking_sheet import STATE_MARKS, build_sheet, sheet_file_name, sheet_state
from ui import labels, messages
from ui.feedback import EXPECTED_ERRORS, explain
from ui.file_dialogs import save_file
from ui.i18n import translate


class SheetPreview(QDialog):
    """The sheet as it will be issued. Saving or printing issues it: signed if signed off,
    and registered, so `verify` knows it."""

    def __init__(
        self,
        store: Store,
        session: Session,
        actor: str,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.session = session
        self.actor = actor
        self.folder = folder or Path.home()
        self.pdf_bytes = build_sheet(session)
        self.setWindowTitle(
            translate("SheetPreview", "Marking sheet — {candidate_ref}").format(
                candidate_ref=session.candidate_ref
            )
        )
        self._data = QByteArray(self.pdf_bytes)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setAccessibleName(translate("SheetPreview", "Marking sheet preview"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        state = STATE_MARKS.get(sheet_state(session), "signed off")
        self.info = QLabel(
            translate(
                "SheetPreview",
                "%Ln page(s) · {state} · sheet version {version}",
                "",
                self.document.pageCount(),
            ).format(state=state, version=session.version)
        )
        self.save_button = QPushButton(translate("SheetPreview", "&Save as PDF…"))
        self.save_button.clicked.connect(self.save_as)
        self.print_button = QPushButton(translate("SheetPreview", "&Print…"))
        self.print_button.clicked.connect(self.print_sheet)
        close = QPushButton(translate("SheetPreview", "&Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(900, 720)

    def default_path(self) -> Path:
        return self.folder / sheet_file_name(self.session)

    def save_to(self, path: Path) -> bool:
        try:
            issue_to_file(
                self.store,
                self.session,
                path,
                how=translate("SheetPreview", "saved from preview"),
                actor=self.actor,
            )
        except OSError as exc:
            messages.warn(
                self,
                translate("SheetPreview", "Not saved"),
                translate("SheetPreview", "The sheet could not be saved to {path}: {value}").format(
                    path=path, value=labels.os_error_text(exc)
                ),
            )
            return False
        except EXPECTED_ERRORS as exc:
            messages.warn(self, translate("SheetPreview", "Not saved"), explain(exc))
            return False
        self.info.setText(translate("SheetPreview", "Saved to {path}").format(path=path))
        return True

    def save_as(self) -> None:
        path = save_file(
            self,
            translate("SheetPreview", "Save the marking sheet"),
            self.default_path(),
            translate("SheetPreview", "PDF files (*.pdf)"),
            ".pdf",
        )
        if path is not None:
            self.save_to(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def print_to(self, printer: QPrinter) -> None:
        """Render each page at the printer's resolution; nothing is lost to scaling."""
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(translate("SheetPreview", "the printer could not be started"))
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                target = painter.viewport()
                size = self.document.pagePointSize(page)
                scale = min(target.width() / size.width(), target.height() / size.height())
                image = self.document.render(
                    page, QSize(int(size.width() * scale), int(size.height() * scale))
                )
                painter.drawImage(0, 0, image)
        finally:
            painter.end()

    def print_sheet(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(sheet_file_name(self.session))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_on(printer)

    def print_on(self, printer: QPrinter) -> bool:
        """Print, then register the sheet as issued on paper (by the bytes it was drawn from)."""
        try:
            self.print_to(printer)
        except OSError as exc:
            messages.warn(self, translate("SheetPreview", "Not printed"), str(exc))
            return False
        try:
            register_bytes(
                self.store, self.pdf_bytes, self.session, how="printed", actor=self.actor
            )
        except EXPECTED_ERRORS as exc:
            messages.warn(self, translate("SheetPreview", "Printed, not registered"), explain(exc))
            return False
        self.info.setText(translate("SheetPreview", "Sent to the printer"))
        return True

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        store: Store,
        session: Session,
        actor: str,
        folder: Path | None = None,
    ) -> None:
        dialog = cls(store, session, actor, folder, parent)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.exec()
