"""Equality-monitoring data from the recruitment system, read from its CSV export.

The file has a column of candidate references (named "candidate reference", "reference",
"candidate ref" or the like) and any number of characteristic columns, named as the
recruitment system names them ("Ethnicity", "Sex", "Disability" ...). Each non-empty header
besides the reference is a characteristic; an empty cell is the group "Not stated".

The store keeps these rows apart from the sessions they match (by candidate reference): they
are never shown to a panel, never printed on a sheet, never written to a session file, and go
when their session is purged. HR's statistics read them only as counts of groups (fairness.py).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pcso_interview.plain_text import one_line

NOT_STATED = "Not stated"
MAX_VALUE = 100  # characters in a group's name, a column's name or a reference
MAX_CHARACTERISTICS = 50  # columns beside the reference
# A recruitment round has hundreds or thousands of candidates; a whole force's history a few
# hundred thousand. A bigger file is refused before it is read, rather than filling memory.
MAX_BYTES = 32 * 2**20
MAX_CHARACTERS = MAX_BYTES
MAX_CANDIDATES = 250_000
REFERENCE_NAMES = {
    "candidatereference",
    "candidateref",
    "candidateno",
    "candidatenumber",
    "candidateid",
    "applicantreference",
    "applicantref",
    "applicantid",
    "applicationreference",
    "applicationref",
    "applicationid",
    "reference",
    "ref",
}


class EqualityFileError(ValueError):
    """The file cannot be read as equality data; the message names the file and the problem."""


@dataclass(frozen=True)
class EqualityRecord:
    reference: str  # as written in the file
    groups: dict[str, str]  # characteristic -> group


@dataclass(frozen=True)
class EqualityFile:
    characteristics: tuple[str, ...]
    records: tuple[EqualityRecord, ...]  # one per reference; a repeated reference's last row
    repeated: tuple[str, ...] = field(default=())  # references given more than once


def reference_key(reference: str) -> str:
    """How references are matched: case and surrounding spaces do not matter."""
    return one_line(reference).casefold()


def _plain(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.casefold())


DELIMITERS = (",", ";", "\t")


def _delimiter(first_line: str) -> str:
    """The file's delimiter, from its header line: a comma, or the semicolon a spreadsheet
    writes where the comma is the decimal mark, or the tab of "Unicode text"."""
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])  # the first of equals: the comma
    return best if counts[best] else ","


def parse_equality_csv(text: str, source: str = "the file") -> EqualityFile:
    text = text.lstrip("\ufeff")
    if len(text) > MAX_CHARACTERS:
        raise EqualityFileError(_too_big(source))
    delimiter = _delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        return _parse_rows(reader, source)
    except csv.Error as exc:
        raise EqualityFileError(
            f"{source}, line {reader.line_num}: not readable as CSV ({exc})."
        ) from None


def _too_big(source: str) -> str:
    return (
        f"{source}: too large for equality data (at most {MAX_BYTES // 2**20} MB and"
        f" {MAX_CANDIDATES:,} candidates); export only the candidates of the rounds"
        " interviewed with this database."
    )


def _parse_rows(reader: Iterator[list[str]], source: str) -> EqualityFile:
    first = next(reader, None)
    if first is None or not any(cell.strip() for cell in first):
        raise EqualityFileError(f"{source}: the file is empty; it needs a header row.")
    header = [one_line(cell) for cell in first]
    references = [i for i, name in enumerate(header) if _plain(name) in REFERENCE_NAMES]
    if not references:
        raise EqualityFileError(
            f"{source}: no column of candidate references; name one “candidate reference”"
            " (the header has: " + ", ".join(h[:MAX_VALUE] for h in header if h) + ")."
        )
    if len(references) > 1:
        names = ", ".join(header[i] for i in references)
        raise EqualityFileError(f"{source}: more than one column of references ({names}).")
    ref_column = references[0]
    columns = [(i, name) for i, name in enumerate(header) if i != ref_column and name]
    if not columns:
        raise EqualityFileError(
            f"{source}: no characteristic columns beside the candidate reference."
        )
    if len(columns) > MAX_CHARACTERISTICS:
        raise EqualityFileError(
            f"{source}: {len(columns)} characteristic columns; at most {MAX_CHARACTERISTICS}."
        )
    seen_names: set[str] = set()
    for _, name in columns:
        if len(name) > MAX_VALUE:
            raise EqualityFileError(
                f"{source}: a column's name is longer than {MAX_VALUE} characters."
            )
        if name.casefold() in seen_names:
            raise EqualityFileError(f"{source}: the column “{name}” appears twice.")
        seen_names.add(name.casefold())
    records: dict[str, EqualityRecord] = {}
    repeated: list[str] = []
    # Candidates with the same groups share one dict (never changed once made): a large file
    # holds a few thousand distinct combinations, not one dict per candidate.
    shared: dict[tuple[str, ...], dict[str, str]] = {}
    for row in reader:
        line = getattr(reader, "line_num", 0)
        if not any(cell.strip() for cell in row):
            continue
        reference = one_line(row[ref_column]) if ref_column < len(row) else ""
        if not reference:
            raise EqualityFileError(f"{source}, line {line}: no candidate reference.")
        if len(reference) > MAX_VALUE:
            raise EqualityFileError(
                f"{source}, line {line}: the candidate reference is longer than {MAX_VALUE}"
                " characters."
            )
        values = []
        for i, name in columns:
            value = one_line(row[i]) if i < len(row) else ""
            if len(value) > MAX_VALUE:
                raise EqualityFileError(
                    f"{source}, line {line}: the {name} value is longer than {MAX_VALUE}"
                    " characters."
                )
            values.append(value or NOT_STATED)
        groups = shared.get(key_values := tuple(values))
        if groups is None:
            groups = shared[key_values] = {
                name: v for (_, name), v in zip(columns, values, strict=True)
            }
        key = reference_key(reference)
        if key in records:
            if reference not in repeated:
                repeated.append(reference)
        elif len(records) >= MAX_CANDIDATES:
            raise EqualityFileError(_too_big(source))
        records[key] = EqualityRecord(reference, groups)
    if not records:
        raise EqualityFileError(f"{source}: the file has a header but no candidates.")
    return EqualityFile(
        tuple(name for _, name in columns), tuple(records.values()), tuple(repeated)
    )


def decode(raw: bytes) -> str:
    """A spreadsheet's CSV as text: UTF-8 (with or without its mark), UTF-16 with its mark
    (Excel's "Unicode text"), or else Windows' own code page."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # a spreadsheet's "CSV" on Windows


def read_equality_file(path: Path) -> EqualityFile:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise EqualityFileError(_too_big(str(path)))
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)  # a file still growing is read no further
    except OSError as exc:
        raise EqualityFileError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    if len(raw) > MAX_BYTES:
        raise EqualityFileError(_too_big(str(path)))
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise EqualityFileError(
            f"{path}: a spreadsheet workbook, not CSV; save it as “CSV UTF-8” and import that."
        )
    return parse_equality_csv(decode(raw), str(path))


@dataclass(frozen=True)
class EqualityImport:
    """What an import did: sessions given equality data, and the references that matched no
    session (listed so HR can check them; their data is not kept)."""

    characteristics: tuple[str, ...]
    candidates: int  # references in the file
    sessions: int  # sessions given (or confirmed in) their equality data
    unmatched: tuple[str, ...]
    repeated: tuple[str, ...] = ()

    def describe(self) -> str:
        matched = self.candidates - len(self.unmatched)
        text = (
            f"equality data ({', '.join(self.characteristics)}) for {matched} of"
            f" {self.candidates} candidate(s), {self.sessions} session(s)"
        )
        if self.unmatched:
            text += f"; {len(self.unmatched)} reference(s) match no session and were not kept"
        if self.repeated:
            text += f"; {len(self.repeated)} reference(s) appear more than once (the last row used)"
        return text
