"""Signing a day's sheets: the key is parsed once, and every signature is intact and the
installation's own."""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization

from pcso_interview.signing_key import installation_key, trusted_certificates
from pcso_interview.store import Store
from reports import pdf_signature
from reports.marking_sheet import build_sheet
from reports.pdf_signature import check_signature, sign_pdf
from tests.store_support import signed_session


def test_a_days_sheets_parse_the_key_once_and_each_signature_is_intact(tmp_path, monkeypatch):
    db = tmp_path / "sessions.db"
    store = Store.open(db)
    try:
        sheet_bytes = build_sheet(store.load(signed_session(store)))
    finally:
        store.close()
    key = installation_key(db)
    pdf_signature._private_key.cache_clear()
    parsed = []
    real = serialization.load_der_private_key

    def counted(*args, **kwargs):
        parsed.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(serialization, "load_der_private_key", counted)
    signed = [sign_pdf(sheet_bytes, key) for _ in range(3)]
    assert len(parsed) == 1  # pyHanko's SimpleSigner parsed it for every signature
    for data in signed:
        check = check_signature(data, trusted_certificates(db))
        assert check.present and check.intact and check.trusted, check.describe()
