"""The installation's signing key: checking a sheet reads certificates only, never a secret."""

from __future__ import annotations

import pytest

from pcso_interview import signing_key
from pcso_interview.signing_key import (
    KEY_FILE,
    installation_key,
    keys_dir,
    trusted_certificates,
)


def test_the_certificates_trusted_are_read_without_the_private_key(tmp_path, monkeypatch):
    """verify needs the certificates an installation signed with, not its private key: the
    key is never parsed (a file holding only the certificate still counts)."""
    db = tmp_path / "sessions.db"
    key = installation_key(db)
    from cryptography.hazmat.primitives import serialization

    def no_secret(*_args, **_kwargs):
        raise AssertionError("the private key was read to check a sheet")

    monkeypatch.setattr(serialization, "load_pem_private_key", no_secret)
    assert trusted_certificates(db) == [key.cert_der]
    pem = (keys_dir(db) / KEY_FILE).read_text(encoding="ascii")
    certificate_only = pem[pem.index("-----BEGIN CERTIFICATE-----") :]
    retired = keys_dir(db) / "retired"
    retired.mkdir(exist_ok=True)
    (retired / "old.pem").write_text(certificate_only, encoding="ascii")
    (retired / "broken.pem").write_text("not a certificate", encoding="ascii")
    assert trusted_certificates(db) == [key.cert_der, key.cert_der]


def test_a_key_file_without_a_certificate_is_said_in_words(tmp_path):
    path = tmp_path / "x.pem"
    path.write_text("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
    with pytest.raises(signing_key.SigningKeyError, match="no usable certificate"):
        signing_key._certificate(path)


def test_a_days_sheets_read_the_key_once_and_a_new_key_at_once(tmp_path, monkeypatch):
    """HR reprinting 200 sheets parsed the same RSA key 200 times (40 ms each); the key is
    read again as soon as its file is another (a force's key imported, the old one retired)."""
    db = tmp_path / "sessions.db"
    first = installation_key(db)
    reads = []
    real = signing_key._read_key
    monkeypatch.setattr(signing_key, "_read_key", lambda path: reads.append(path) or real(path))
    for _ in range(5):
        assert installation_key(db) == first
    assert reads == []
    path = keys_dir(db) / KEY_FILE
    other_key, other_cert = signing_key._self_signed("replacement")
    replacement = tmp_path / "replacement.pem"
    replacement.write_bytes(signing_key._pem_of(other_key, other_cert))
    replacement.replace(path)
    again = installation_key(db)
    assert len(reads) == 1 and again.cert_der != first.cert_der
