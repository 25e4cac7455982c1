"""The preview issues what it shows: Save writes the signed, registered sheet; Print registers
what went to paper. Either can be checked later with verify."""

from __future__ import annotations

import hashlib

from PySide6.QtPrintSupport import QPrinter

from reports.verify import MATCH, verify_pdf
from tests.store_support import agree_all, grade_all, sign_all
from ui.sheet_preview import SheetPreview


def _signed(store, new_session) -> str:
    sid = new_session(store)
    grade_all(store, sid, 3)
    agree_all(store, sid, 3)
    sign_all(store, sid)
    return sid


def test_save_issues_a_signed_registered_sheet_that_verifies(qtbot, store, new_session, tmp_path):
    sid = _signed(store, new_session)
    preview = SheetPreview(store, store.load(sid), "Ann Chair", tmp_path)
    qtbot.addWidget(preview)
    assert preview.document.pageCount() >= 1
    target = preview.default_path()
    assert preview.save_to(target)
    data = target.read_bytes()
    assert b"/ByteRange" in data  # PAdES-signed
    assert data.startswith(preview.pdf_bytes)  # what was shown, signed as an increment
    (part,) = store.issued(hashlib.sha256(data).hexdigest())
    assert (part.session_id, part.how, part.issued_by) == (sid, "saved from preview", "Ann Chair")
    verdict = verify_pdf(store, target)
    assert verdict.code == MATCH and verdict.signature.intact


def test_printing_registers_what_went_to_paper(qtbot, store, new_session, tmp_path):
    sid = _signed(store, new_session)
    preview = SheetPreview(store, store.load(sid), "Bob Member", tmp_path)
    qtbot.addWidget(preview)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_on(printer)
    assert (tmp_path / "printed.pdf").stat().st_size > 0
    (part,) = store.issued(hashlib.sha256(preview.pdf_bytes).hexdigest())
    assert (part.how, part.issued_by, part.state) == ("printed", "Bob Member", "signed")
