"""PAdES signatures on signed-off sheets (pyHanko), and checking them.

A PAdES B-B signature covers every byte of the file but its own value: any PDF reader shows
whether the file changed since it was signed, and by whose key. One gap is closed here by
hand: the signature value sits in a zero-padded hex string that the signature cannot cover,
and readers ignore the padding and the case of the hex digits. A sheet whose padding or hex
is not exactly as written is therefore refused too, so no byte of a signed sheet can change
unnoticed.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pcso_interview.signing_key import SigningKey

REASON = "Signed-off PCSO interview marking sheet"
FIELD = "PanelSignOff"
_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")


@lru_cache(maxsize=4)
def _private_key(key_der: bytes) -> Any:
    """The key, parsed once: pyHanko's SimpleSigner parses it again for every signature, and
    checking an RSA key takes 40 ms (HR reprinting a day's 200 sheets spent 8 s on it)."""
    from cryptography.hazmat.primitives import serialization

    return serialization.load_der_private_key(key_der, password=None)


@lru_cache(maxsize=1)
def _signer_class() -> type:
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from pyhanko.sign import signers
    from pyhanko_certvalidator.util import get_pyca_cryptography_hash

    class KeptKeySigner(signers.SimpleSigner):
        """SimpleSigner with its RSA key parsed once (PKCS#1 v1.5, what our keys sign with);
        any other mechanism (a force's ECDSA or PSS key) is pyHanko's own path."""

        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
            try:
                name = mechanism.signature_algo
            except ValueError:
                name = mechanism["algorithm"].native
            if name != "rsassa_pkcs1v15":
                return bytes(super().sign_raw(data, digest_algorithm))
            hash_algo = get_pyca_cryptography_hash(digest_algorithm)
            signed: bytes = _private_key(self.signing_key.dump()).sign(data, PKCS1v15(), hash_algo)
            return signed

    return KeptKeySigner


def sign_pdf(data: bytes, key: SigningKey) -> bytes:
    """The sheet with a PAdES B-B signature by the installation's key."""
    from asn1crypto import keys, x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    signer = _signer_class()(
        signing_cert=x509.Certificate.load(key.cert_der),
        signing_key=keys.PrivateKeyInfo.load(key.key_der),
        cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
            [x509.Certificate.load(c) for c in key.chain_der]
        ),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=REASON,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    signed: bytes = signers.PdfSigner(meta, signer).sign_pdf(writer).getvalue()
    return signed


@dataclass(frozen=True)
class SignatureCheck:
    """What the file's signature says: none, intact (and by whom), or broken (and why)."""

    present: bool
    intact: bool = False
    signer: str = ""
    trusted: bool = False  # signed by this installation's own key (current or retired)
    problem: str = ""

    def describe(self) -> str:
        if not self.present:
            return "no PDF signature"
        if not self.intact:
            return f"PDF signature BROKEN: {self.problem}"
        whose = (
            "this installation's key" if self.trusted else "a key this installation does not know"
        )
        return f"PDF signature intact, signed by {self.signer} ({whose})"


def _padding_problem(data: bytes) -> str:
    """The signature value as the signer wrote it: upper-case hex, then zeros only."""
    from asn1crypto import cms

    found = list(_BYTE_RANGE.finditer(data))
    if not found:
        return "the signature has no byte range"
    start, first, second, _ = (int(x) for x in found[-1].groups())
    gap = data[start + first : second]
    if not re.fullmatch(rb"<[0-9A-F]+>", gap):
        return "the signature value was rewritten"
    raw = bytes.fromhex(gap[1:-1].decode("ascii"))
    try:
        length = len(cms.ContentInfo.load(raw, strict=False).dump())
    except ValueError:
        return "the signature value cannot be read"
    if any(raw[length:]):
        return "bytes were added after the signature value"
    return ""


@contextmanager
def quiet_loggers(*names: str) -> Iterator[None]:
    """pyHanko logs a self-signed or unknown certificate with two tracebacks on stderr beside
    verify's own words, though verify says it plainly ("a key this installation does not
    know"): only what verify says reaches the user."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def check_signature(data: bytes, trusted: list[bytes]) -> SignatureCheck:
    """Validate every signature in the file (a sheet carries at most one)."""
    from asn1crypto import x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception as exc:  # pyHanko raises many kinds on a damaged file
        return SignatureCheck(True, problem=f"the file cannot be read as a PDF ({exc})")
    if not signatures:
        return SignatureCheck(False)
    roots = [x509.Certificate.load(c) for c in trusted]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    try:
        with quiet_loggers("pyhanko", "pyhanko_certvalidator"):
            status = validate_pdf_signature(signatures[-1], context)
    except Exception as exc:
        return SignatureCheck(True, problem=f"the signature cannot be checked ({exc})")
    signer = status.signing_cert.subject.human_friendly if status.signing_cert else "unknown"
    if not status.intact or not status.valid:
        return SignatureCheck(True, signer=signer, problem="the file changed after it was signed")
    if status.coverage is not SignatureCoverageLevel.ENTIRE_FILE:
        return SignatureCheck(
            True, signer=signer, problem="the file has content added after its signature"
        )
    if len(signatures) > 1:
        return SignatureCheck(
            True, signer=signer, problem="the file carries more than one signature"
        )
    padding = _padding_problem(data)
    if padding:
        return SignatureCheck(True, signer=signer, problem=padding)
    signer_der = status.signing_cert.dump() if status.signing_cert else b""
    return SignatureCheck(True, True, signer, signer_der in trusted)
