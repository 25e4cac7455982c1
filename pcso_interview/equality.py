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

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

NOT_STATED = "Not stated"
MAX_VALUE = 100  # characters in a group's name
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
    return reference.strip().casefold()


def _plain(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.casefold())


def parse_equality_csv(text: str, source: str = "the file") -> EqualityFile:
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise EqualityFileError(f"{source}: the file is empty; it needs a header row.")
    header = [cell.strip() for cell in rows[0]]
    references = [i for i, name in enumerate(header) if _plain(name) in REFERENCE_NAMES]
    if not references:
        raise EqualityFileError(
            f"{source}: no column of candidate references; name one “candidate reference”"
            " (the header has: " + ", ".join(h for h in header if h) + ")."
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
    seen_names: set[str] = set()
    for _, name in columns:
        if name.casefold() in seen_names:
            raise EqualityFileError(f"{source}: the column “{name}” appears twice.")
        seen_names.add(name.casefold())
    records: dict[str, EqualityRecord] = {}
    repeated: list[str] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        reference = row[ref_column].strip() if ref_column < len(row) else ""
        if not reference:
            raise EqualityFileError(f"{source}, line {line}: no candidate reference.")
        groups = {}
        for i, name in columns:
            value = " ".join(row[i].split()) if i < len(row) else ""
            if len(value) > MAX_VALUE:
                raise EqualityFileError(
                    f"{source}, line {line}: the {name} value is longer than {MAX_VALUE}"
                    " characters."
                )
            groups[name] = value or NOT_STATED
        key = reference_key(reference)
        if key in records and reference not in repeated:
            repeated.append(reference)
        records[key] = EqualityRecord(reference, groups)
    if not records:
        raise EqualityFileError(f"{source}: the file has a header but no candidates.")
    return EqualityFile(
        tuple(name for _, name in columns), tuple(records.values()), tuple(repeated)
    )


def read_equality_file(path: Path) -> EqualityFile:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise EqualityFileError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # a spreadsheet's "CSV" on Windows
    return parse_equality_csv(text, str(path))


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
