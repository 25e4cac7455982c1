"""The installation's signing key: what signs every signed-off sheet (PAdES, see reports/).

At first use the app makes a self-signed certificate whose subject names this installation;
a force may instead install its own key and certificate from a PKCS#12 file. The key lives
beside the database in ``keys/``, readable by its owner only. A key that is replaced is kept in
``keys/retired/`` so that sheets it signed are still recognised as this installation's.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pcso_interview.files import write_atomic

if TYPE_CHECKING:
    from collections.abc import Iterable

    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

KEY_FILE = "signing.pem"
VALIDITY_DAYS = 365 * 30  # sheets are kept for years; the certificate outlives them


class SigningKeyError(ValueError):
    """A key file that cannot be used; the message says why."""


@dataclass(frozen=True)
class SigningKey:
    key_der: bytes  # PKCS#8
    cert_der: bytes
    chain_der: tuple[bytes, ...]  # intermediate certificates of an imported key
    subject: str
    path: Path


def keys_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "keys"


def _pem_of(
    key: PrivateKeyTypes, cert: x509.Certificate, chain: Iterable[x509.Certificate] = ()
) -> bytes:
    from cryptography.hazmat.primitives import serialization

    parts = [
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        cert.public_bytes(serialization.Encoding.PEM),
        *(c.public_bytes(serialization.Encoding.PEM) for c in chain),
    ]
    return b"".join(parts)


def _self_signed(installation: str) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "pcso-interview"),
            x509.NameAttribute(NameOID.COMMON_NAME, f"pcso-interview installation {installation}"),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=VALIDITY_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _write_new(path: Path, data: bytes) -> None:
    """Create ``path`` with ``data`` only if it does not exist yet (two processes at their first
    sheet must not end up with two keys): written aside, then hard-linked into place."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    aside = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    write_atomic(aside, data)
    try:
        os.link(aside, path)
    except FileExistsError:
        pass
    finally:
        aside.unlink(missing_ok=True)


# Keys read, by the file they were read from as it stood (inode, size, modification): signing
# a day's 200 sheets parsed the same RSA key 200 times, 40 ms each. A new or replaced file
# (signing-key import retires the old one) is read again.
_loaded: dict[tuple[str, int, int, int], SigningKey] = {}


def load_key(path: Path) -> SigningKey:
    try:
        stat = path.stat()
    except OSError as exc:
        raise SigningKeyError(f"{path}: not a usable signing key ({exc})") from None
    identity = (str(path.resolve()), stat.st_ino, stat.st_size, stat.st_mtime_ns)
    if identity not in _loaded:
        _loaded.clear()  # one installation's key at a time is all a process signs with
        _loaded[identity] = _read_key(path)
    return _loaded[identity]


def _read_key(path: Path) -> SigningKey:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    try:
        pem = path.read_bytes()
        key = serialization.load_pem_private_key(pem, password=None)
        certs = x509.load_pem_x509_certificates(pem)
    except (OSError, ValueError, TypeError) as exc:
        raise SigningKeyError(f"{path}: not a usable signing key ({exc})") from None
    der = serialization.Encoding.DER
    return SigningKey(
        key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
        certs[0].public_bytes(der),
        tuple(c.public_bytes(der) for c in certs[1:]),
        certs[0].subject.rfc4514_string(),
        path,
    )


def installation_key(db_path: Path) -> SigningKey:
    """The key that signs this installation's sheets, made at first use."""
    path = keys_dir(db_path) / KEY_FILE
    if not path.exists():
        key, cert = _self_signed(secrets.token_hex(4))
        _write_new(path, _pem_of(key, cert))
    return load_key(path)


def trusted_certificates(db_path: Path) -> list[bytes]:
    """Every certificate this installation has signed with (current and retired), as DER."""
    folder = keys_dir(db_path)
    found = [folder / KEY_FILE, *sorted((folder / "retired").glob("*.pem"))]
    certs = []
    for path in found:
        with contextlib.suppress(SigningKeyError):
            if path.exists():
                certs.append(_certificate(path))
    return certs


def _certificate(path: Path) -> bytes:
    """A key file's certificate (DER), read without its private key: checking a sheet needs
    no secret, and parsing an RSA key costs 40 ms a file."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    try:
        certs = x509.load_pem_x509_certificates(path.read_bytes())
    except (OSError, ValueError, TypeError) as exc:
        raise SigningKeyError(f"{path}: holds no usable certificate ({exc})") from None
    return certs[0].public_bytes(serialization.Encoding.DER)


def import_pkcs12(db_path: Path, p12: Path, passphrase: bytes | None) -> SigningKey:
    """Install a force's key and certificate; the key used so far is retired, not deleted."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        key, cert, chain = pkcs12.load_key_and_certificates(p12.read_bytes(), passphrase)
    except OSError as exc:
        raise SigningKeyError(f"{p12}: cannot be read ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise SigningKeyError(f"{p12}: not a PKCS#12 file this passphrase opens ({exc})") from None
    if key is None or cert is None:
        raise SigningKeyError(f"{p12}: holds no private key with its certificate")
    folder = keys_dir(db_path)
    current = folder / KEY_FILE
    if current.exists():
        retired = folder / "retired"
        retired.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        write_atomic(retired / f"signing-{stamp}.pem", current.read_bytes())
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomic(current, _pem_of(key, cert, chain or ()))
    return load_key(current)
