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
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.lifecycle import Status
from pcso_interview.session import Session
from reports.cli import write_pdf
from reports.marking_sheet import WATERMARK, build_sheet, sheet_file_name
from ui import messages


class SheetPreview(QDialog):
    def __init__(self, session: Session, folder: Path | None = None, parent=None):
        super().__init__(parent)
        self.session = session
        self.folder = folder or Path.home()
        self.pdf_bytes = build_sheet(session)
        self.setWindowTitle(f"Marking sheet — {session.candidate_ref}")
        self._data = QByteArray(self.pdf_bytes)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setAccessibleName("Marking sheet preview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        state = "signed off" if session.status is Status.SIGNED else WATERMARK
        self.info = QLabel(
            f"{self.document.pageCount()} page(s) · {state} · sheet version {session.version}"
        )
        self.save_button = QPushButton("&Save as PDF…")
        self.save_button.clicked.connect(self.save_as)
        self.print_button = QPushButton("&Print…")
        self.print_button.clicked.connect(self.print_sheet)
        close = QPushButton("&Close")
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
            write_pdf(path, self.pdf_bytes)
        except OSError as exc:
            messages.warn(
                self, "Not saved", f"The sheet could not be saved to {path}: {exc.strerror or exc}"
            )
            return False
        self.info.setText(f"Saved to {path}")
        return True

    def save_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the marking sheet", str(self.default_path()), "PDF files (*.pdf)"
        )
        if name:
            path = Path(name)
            self.save_to(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def print_to(self, printer: QPrinter) -> None:
        """Render each page at the printer's resolution; nothing is lost to scaling."""
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be started")
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
        try:
            self.print_to(printer)
        except OSError as exc:
            messages.warn(self, "Not printed", str(exc))

    @classmethod
    def ask(cls, parent: QWidget | None, session: Session, folder: Path | None = None) -> None:
        dialog = cls(session, folder, parent)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.exec()
