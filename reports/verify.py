"""Does this PDF show the record the panel signed? verify compares content, not claims.

A digest printed on a page proves nothing on its own: anyone can copy it onto edited pages. So
a sheet is genuine only if this database issued exactly these bytes (the register), or its text
equals, page by page and line by line, a sheet built again from the stored record. A file that
carries a PDF signature must carry it intact. Then a genuine sheet is checked against the record
as it stands: still the current signed record (exit 0), or since superseded, reopened,
withdrawn or purged (exit 3). Anything else exits 1, saying what differs and where.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pcso_interview.lifecycle import Status
from pcso_interview.session import Session
from pcso_interview.store import IssuedPart
from pcso_interview.store.reading import SessionReader, trusted_certificates
from reports.marking_sheet import build_sheet, sheet_state
from reports.pdf_signature import FIELD, SignatureCheck, check_signature, quiet_loggers

MATCH, MISMATCH, NOT_CURRENT = 0, 1, 3
WORDS = {MATCH: "MATCH", MISMATCH: "MISMATCH", NOT_CURRENT: "NOT CURRENT"}
# The footer's claim in English (a bilingual sheet's footer holds it too) or in Welsh
# (reports.sheet_text's "furniture.session").
PAGE_CLAIM = re.compile(
    r"(?:Session|Sesiwn) (?P<session>[0-9A-Za-z_-]+) · (?:sheet version|fersiwn y daflen)"
    r" (?P<version>\d+) · (?:Page|Tudalen) (?P<page>\d+) (?:of|o) (?P<pages>\d+)"
)
# Any one of these in the bytes means the file was signed: one changed byte cannot remove all.
_SIGNED_MARKERS = (b"/ByteRange", b"/SubFilter", b"ETSI.CAdES.detached", FIELD.encode())
MAX_PDF_BYTES = 200 * 1024 * 1024


class SheetFileError(ValueError):
    """The file cannot be read as a marking sheet at all."""


@dataclass
class SheetVerdict:
    """One sheet inside the file: which record it claims, and what verify found."""

    session_id: str
    version: int
    first_page: int  # in the file, from 1
    code: int = MISMATCH
    summary: str = ""
    details: list[str] = field(default_factory=list)


@dataclass
class FileVerdict:
    path: Path
    signature: SignatureCheck
    registered: list[IssuedPart]
    sheets: list[SheetVerdict]

    @property
    def code(self) -> int:
        codes = {s.code for s in self.sheets} or {MISMATCH}
        if not self.signature.intact and self.signature.present:
            codes.add(MISMATCH)
        return MISMATCH if MISMATCH in codes else max(codes)


def quiet_pypdf() -> AbstractContextManager[None]:
    """pypdf logs warnings ("EOF marker not found") that would reach stderr beside verify's
    own words; what verify says is all the user needs."""
    return quiet_loggers("pypdf")


def record_for(store: SessionReader, session_id: str, version: int) -> Session | None:
    """The record a sheet of (session, version) must show: the version as signed, or, for the
    version in progress, the session as it stands. None if there is no such record."""
    current = store.load(session_id)
    signed = {v.version: v for v in store.signed_versions(session_id)}
    if version in signed and not (version == current.version and current.status is Status.SIGNED):
        return Session.from_signed_content(signed[version].content)
    return current if version == current.version else None


_SKIPPED_KEYS = {"/Parent", "/P", "/Annots", "/Contents"}
_ENCODING_KEYS = {"/Length", "/Filter", "/DecodeParms"}  # how a stream is stored, not what
_PLAIN = re.compile(rb"[^()<>\s]+|\s+|<<|>>")
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _literal(data: bytes, start: int) -> tuple[bytes, int]:
    """The bytes of the literal string opening at ``start`` (a "("), and where it ends."""
    out = bytearray()
    depth, i = 1, start + 1
    while i < len(data):
        char = data[i : i + 1]
        if char == b"\\":
            nxt = data[i + 1 : i + 2]
            octal = re.match(rb"[0-7]{1,3}", data[i + 1 : i + 4])
            if octal:
                out.append(int(octal.group(0), 8) & 0xFF)
                i += 1 + len(octal.group(0))
                continue
            if nxt in (b"\r", b"\n"):  # a line continued
                i += 3 if data[i + 1 : i + 3] == b"\r\n" else 2
                continue
            out += _ESCAPES.get(nxt, nxt)
            i += 2
            continue
        if char == b"(":
            depth += 1
        elif char == b")":
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
        out += char
        i += 1
    raise SheetFileError("a drawing instruction is cut short")


def _drawing(data: bytes) -> bytes:
    """A content stream's instructions in one spelling: spaces collapsed and every string
    written in hex, however a tool that re-saved the file wrote them."""
    out: list[bytes] = []
    i = 0
    while i < len(data):
        plain = _PLAIN.match(data, i)
        if plain:
            token = plain.group(0)
            out.append(b" " if token.isspace() else token)
            i = plain.end()
        elif data[i : i + 1] == b"(":
            value, i = _literal(data, i)
            out.append(b"<" + value.hex().encode() + b">")
        elif hexed := _HEX.match(data, i):
            digits = re.sub(rb"\s", b"", hexed.group(1)).lower()
            out.append(b"<" + (digits + b"0" * (len(digits) % 2)) + b">")
            i = hexed.end()
        else:
            out.append(data[i : i + 1])
            i += 1
    return b"".join(out).strip()


def _feed(digest: hashlib._Hash, obj: Any, depth: int = 0) -> None:
    """Everything a page draws, resolved and decoded, into one hash: content streams, fonts
    (glyphs and their text mapping), images, and the dictionaries that place them. Reference
    numbers, compression and the layout of drawing operators are left out, so a re-saved copy
    hashes alike; a swapped glyph or an altered image does not."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    if depth > 40:
        raise SheetFileError("nested too deep to be a marking sheet")
    if isinstance(obj, IndirectObject):
        obj = obj.get_object()
    if isinstance(obj, StreamObject):
        data = obj.get_data()
        digest.update(b"S")
        digest.update(_drawing(data) if obj.get("/Subtype") == "/Form" else data)
    if isinstance(obj, DictionaryObject):
        skipped = _SKIPPED_KEYS | (_ENCODING_KEYS if isinstance(obj, StreamObject) else set())
        digest.update(b"{")
        for key in sorted(k for k in obj if k not in skipped):
            digest.update(key.encode())
            _feed(digest, obj[key], depth + 1)
        digest.update(b"}")
    elif isinstance(obj, ArrayObject):
        digest.update(b"[")
        for item in obj:
            _feed(digest, item, depth + 1)
        digest.update(b"]")
    elif not isinstance(obj, StreamObject):
        digest.update(repr(obj).encode())


def _annotations(page: Any) -> list[Any]:
    """A page's annotations but the signature field pyHanko adds (invisible, zero-sized)."""
    kept = []
    for ref in page.get("/Annots") or []:
        annot = ref.get_object()
        rect = [float(x) for x in annot.get("/Rect", [0, 0, 0, 0])]
        if annot.get("/FT") == "/Sig" and rect[0] == rect[2] and rect[1] == rect[3]:
            continue
        kept.append(annot)
    return kept


def _page_print(page: Any) -> str:
    """One hash of all a page draws (see _feed); annotations count too."""
    digest = hashlib.sha256()
    _feed(digest, page)
    contents = page.get_contents()
    digest.update(b"C" + (_drawing(contents.get_data()) if contents is not None else b""))
    for annot in _annotations(page):
        _feed(digest, annot)
    return digest.hexdigest()


class PdfPages:
    """A PDF read once: what each page draws (hashed), and its text only when asked, since
    extracting text is the slow part of reading a sheet."""

    def __init__(self, data: bytes):
        from pypdf import PdfReader

        try:
            with quiet_pypdf():
                self.reader = PdfReader(io.BytesIO(data))
                self.count = len(self.reader.pages)
        except Exception as exc:  # pypdf raises many kinds on a damaged file
            raise SheetFileError(f"not a readable PDF ({exc})") from None
        self._texts: dict[int, str] = {}
        self._prints: list[str] | None = None

    def text(self, index: int) -> str:
        if index not in self._texts:
            try:
                with quiet_pypdf():
                    self._texts[index] = self.reader.pages[index].extract_text() or ""
            except Exception as exc:
                raise SheetFileError(f"page {index + 1} cannot be read ({exc})") from None
        return self._texts[index]

    def texts(self) -> list[str]:
        return [self.text(i) for i in range(self.count)]

    def fingerprints(self) -> list[str]:
        if self._prints is None:
            try:
                with quiet_pypdf():
                    self._prints = [_page_print(page) for page in self.reader.pages]
            except SheetFileError:
                raise
            except Exception as exc:
                raise SheetFileError(f"not a readable PDF ({exc})") from None
        return self._prints


def page_texts(data: bytes) -> list[str]:
    return PdfPages(data).texts()


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _split_sheets(pages: PdfPages) -> list[tuple[str, int, int, int]]:
    """(session, version, first page index, page count) of each sheet, from the footer of its
    first page: only which record to compare with, never proof of anything."""
    sheets: list[tuple[str, int, int, int]] = []
    index = 0
    while index < pages.count:
        claim = PAGE_CLAIM.search(pages.text(index))
        if claim is None or claim["page"] != "1" or int(claim["pages"]) < 1:
            raise SheetFileError(
                f"page {index + 1} is not the first page of a pcso-interview marking sheet"
            )
        count = int(claim["pages"])
        # The pages there are, not the pages claimed: a copy cut short after page 1 claims
        # "Page 1 of 5" still, and must be compared as the one page it is.
        present = min(count, pages.count - index)
        sheets.append((claim["session"], int(claim["version"]), index, present))
        index += count
    if not sheets:
        raise SheetFileError("not a readable PDF (no pages)")
    return sheets


def expected_pages(record: Session) -> PdfPages:
    """The sheet the record makes, read back (kept for a few records: checking many copies of
    one sheet builds it once)."""
    from pcso_interview.session import canonical_json

    key = canonical_json(
        [
            record.signed_content(),
            record.status.value,
            record.withdrawn_reason,
            record.withdrawn_at,
            record.withdrawn_by,
            list(record.record_problems),
        ]
    )
    if key not in _BUILT:
        if len(_BUILT) >= 8:
            _BUILT.pop(next(iter(_BUILT)))
        _BUILT[key] = PdfPages(build_sheet(record))
    return _BUILT[key]


_BUILT: dict[bytes, PdfPages] = {}  # sheets built lately, by what they show


def compare(sheet: PdfPages, first: int, count: int, record: PdfPages) -> list[str]:
    """Where the sheet's pages differ from the record's, naming the page in the file: the
    first differing line of text, or, where the text is the same, that the drawing changed."""
    differences: list[str] = []
    if count != record.count:
        differences.append(f"the sheet has {count} page(s), the record makes {record.count}")
    theirs, ours = sheet.fingerprints(), record.fingerprints()
    for offset in range(min(count, record.count, len(theirs) - first)):
        if theirs[first + offset] == ours[offset]:
            continue
        page = first + offset + 1
        a, b = _lines(sheet.text(first + offset)), _lines(record.text(offset))
        if a == b:
            differences.append(
                f"page {page}: the text is the record's, but what the page draws was changed"
                " (fonts, images or drawing)"
            )
        for index in range(max(len(a), len(b))):
            got = a[index] if index < len(a) else "(nothing)"
            want = b[index] if index < len(b) else "(nothing)"
            if got != want:
                differences.append(f"page {page}: sheet says {got!r}, record says {want!r}")
                break
        if len(differences) >= 3:
            break
    return differences


def _currency(
    store: SessionReader,
    verdict: SheetVerdict,
    state: str,
    issued: str,
    shown: Callable[[Session], bool] = lambda _record: True,
) -> None:
    """A genuine sheet: is it still the current record? ``shown(record)`` says whether the
    sheet shows that record; a sheet from the register has not been compared yet, and a
    withdrawn session reopened and withdrawn again keeps its version number."""
    current = store.load(verdict.session_id)
    what = f"session {current.id} ({current.candidate_ref}) version {verdict.version}"
    if current.record_problems:
        verdict.code = MISMATCH
        verdict.summary = f"{what}: the record in the database failed verification"
        verdict.details += current.record_problems[:3]
        return
    later = _later_events(store, current.id, verdict.version)
    if state == "signed" and verdict.version == current.version and current.status is Status.SIGNED:
        verdict.code = MATCH
        verdict.summary = f"{what}: the current signed-off record{issued}"
        return
    if state == "withdrawn" and current.status is Status.WITHDRAWN and shown(current):
        verdict.code = MATCH
        verdict.summary = f"{what}: the current record, withdrawn{issued}"
        return
    verdict.code = NOT_CURRENT
    if state == "draft":
        verdict.summary = f"{what}: a genuine DRAFT{issued}; a draft is not a signed-off record"
    elif state == "failed":
        verdict.code = MISMATCH
        verdict.summary = f"{what}: issued while the record failed verification"
    else:
        verdict.summary = f"{what}: genuine, but no longer current{issued}"
    verdict.details += later


def _later_events(store: SessionReader, session_id: str, version: int) -> list[str]:
    """What happened to the session after that version: reopened, signed again, withdrawn."""
    events = []
    for entry in store.audit_trail(session_id):
        if entry.action == "reopen" and entry.old.endswith(f"v{version}"):
            events.append(f"reopened on {entry.at} by {entry.actor}: {entry.subject}")
        elif entry.action == "lock" and entry.subject.startswith("version "):
            number = int(entry.subject.split()[1])
            if number > version:
                events.append(f"version {number} signed off on {entry.at}")
        elif entry.action == "withdraw" and events:
            events.append(f"withdrawn on {entry.at} by {entry.actor}: {entry.subject}")
    return events


def _purged(store: SessionReader, session_id: str) -> str:
    for entry in store.audit_trail(session_id):
        if entry.action == "purge":
            return f"purged on {entry.at} by {entry.actor}"
    return ""


def _check_sheet(
    store: SessionReader,
    verdict: SheetVerdict,
    pages: PdfPages,
    count: int,
    part: IssuedPart | None,
) -> None:
    if not store.exists(verdict.session_id):
        purged = _purged(store, verdict.session_id)
        if purged:
            verdict.code = NOT_CURRENT
            verdict.summary = f"session {verdict.session_id} was {purged}"
        else:
            verdict.summary = f"no session {verdict.session_id} in this database"
        return
    if part is not None:
        issued = f"; issued {part.issued_at} by {part.issued_by} ({part.how})"
        first = verdict.first_page - 1
        _currency(
            store,
            verdict,
            part.state,
            issued,
            lambda record: not compare(pages, first, count, expected_pages(record)),
        )
        return
    record = record_for(store, verdict.session_id, verdict.version)
    if record is None:
        verdict.summary = (
            f"session {verdict.session_id} has no version {verdict.version} in this database"
        )
        return
    differences = compare(pages, verdict.first_page - 1, count, expected_pages(record))
    if differences:
        verdict.summary = (
            f"session {record.id} ({record.candidate_ref}) version {verdict.version}:"
            " the sheet's content differs from the record"
        )
        verdict.details += differences
        return
    _currency(store, verdict, sheet_state(record), "")


def verify_pdf(store: SessionReader, path: Path) -> FileVerdict:
    try:
        if path.stat().st_size > MAX_PDF_BYTES:
            raise SheetFileError(f"larger than {MAX_PDF_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise SheetFileError("no such file") from None
    except OSError as exc:
        raise SheetFileError(f"cannot be read ({exc.strerror or exc})") from None
    signature = SignatureCheck(False)
    if any(marker in data for marker in _SIGNED_MARKERS):
        signature = check_signature(data, trusted_certificates(store))
        if not signature.present:
            signature = SignatureCheck(True, problem="the file's signature was damaged")
    broken = signature.present and not signature.intact
    # A file changed since it was signed is no longer what was issued: compare its content.
    registered = [] if broken else store.issued(hashlib.sha256(data).hexdigest())
    verdict = FileVerdict(path, signature, registered, [])
    try:
        pages = PdfPages(data)
        found = _split_sheets(pages)
    except SheetFileError:
        if broken:
            return verdict  # the broken signature says it: a signed file was changed
        raise
    at = {p.position: p for p in registered}
    for position, (session_id, version, first, count) in enumerate(found, start=1):
        part = at.get(position)
        if part is not None and (part.session_id, part.version) != (session_id, version):
            part = None  # the register names other sheets: compare content instead
        sheet = SheetVerdict(session_id, version, first + 1)
        try:
            _check_sheet(store, sheet, pages, count, part)
        except SheetFileError as exc:
            sheet.code = MISMATCH
            sheet.summary = f"session {session_id} version {version}: {exc}"
        verdict.sheets.append(sheet)
    return verdict


def report(verdict: FileVerdict) -> list[str]:
    """The lines verify prints: one per sheet, its details indented, the signature last."""
    lines = []
    if verdict.signature.present and not verdict.signature.intact:
        lines.append(f"MISMATCH {verdict.path}: {verdict.signature.describe()}")
        for sheet in verdict.sheets:
            lines += [f"  {detail}" for detail in sheet.details if detail.startswith("page ")]
        return lines
    many = len(verdict.sheets) > 1
    for number, sheet in enumerate(verdict.sheets, start=1):
        where = (
            f" sheet {number} of {len(verdict.sheets)} (page {sheet.first_page})" if many else ""
        )
        lines.append(f"{WORDS[sheet.code]} {verdict.path}{where}: {sheet.summary}")
        lines += [f"  {detail}" for detail in sheet.details]
    lines.append(f"  {verdict.signature.describe()}")
    return lines
