"""Read which session, version and digest a marking-sheet PDF claims, to verify it.

The sheet carries them twice: in the PDF's Subject and printed in every page's footer.
Reading needs no reportlab (pypdf), so the core can check a sheet against the store.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SUBJECT = re.compile(
    r"pcso-interview marking sheet session=(?P<session>[0-9A-Za-z_-]+) "
    r"version=(?P<version>\d+)(?: sha256=(?P<digest>[0-9a-f]{64}))?"
)
FOOTER = re.compile(
    r"Session (?P<session>[0-9A-Za-z_-]+) · sheet version (?P<version>\d+)"
    r"[\s\S]*?SHA-256 of the signed content: (?P<digest>[0-9a-f]{64})"
)


class SheetReadError(ValueError):
    """The file is not a readable marking sheet; the message says why."""


@dataclass(frozen=True)
class SheetClaim:
    session_id: str
    version: int
    digest: str  # empty for a draft


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs warnings ("EOF marker not found") that would reach stderr beside our own
    one-line error; the error we raise says all the user needs."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def read_sheet_claim(path: Path) -> SheetClaim:
    from pypdf import PdfReader  # only when a sheet is checked
    from pypdf.errors import PdfReadError

    try:
        with _quiet_pypdf():
            reader = PdfReader(str(path))
            subject = (reader.metadata.subject if reader.metadata else None) or ""
            first_page = reader.pages[0].extract_text() if reader.pages else ""
    except FileNotFoundError:
        raise SheetReadError(f"{path}: no such file") from None
    except (OSError, PdfReadError, ValueError, KeyError) as exc:
        raise SheetReadError(f"{path}: not a readable PDF ({exc})") from None
    printed = FOOTER.search(first_page)
    claimed = SUBJECT.search(subject)
    if claimed is None and printed is None:
        raise SheetReadError(f"{path}: not a pcso-interview marking sheet")
    found = claimed or printed
    assert found is not None
    claim = SheetClaim(found["session"], int(found["version"]), found["digest"] or "")
    if printed is not None and claimed is not None and printed["digest"] != claim.digest:
        raise SheetReadError(
            f"{path}: the digest printed on the sheet differs from the one in its metadata"
        )
    return claim
