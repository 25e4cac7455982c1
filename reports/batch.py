"""Many sheets at once: one PDF per session into a folder, or one combined PDF."""

from __future__ import annotations

import io
from collections.abc import Callable, Collection, Iterable
from pathlib import Path

from pypdf import PdfWriter

from pcso_interview.session import Session
from reports.cli import write_pdf
from reports.marking_sheet import build_sheet, sheet_file_name

Progress = Callable[[int], bool]  # called with the number done; False cancels


def sheet_path(folder: Path, session: Session, taken: Collection[Path]) -> Path:
    """The session's sheet in ``folder``, never one of ``taken`` (written earlier in the batch).

    References such as "X/77" and "X:77" on one day share a file name: the second sheet gets
    the session id's start added, so neither silently overwrites the other.
    """
    path = folder / sheet_file_name(session)
    if path in taken:
        path = path.with_stem(f"{path.stem}_{session.id[:8]}")
    return path


def write_sheets(sessions: Iterable[Session], folder: Path, progress: Progress | None = None):
    """Write each session's sheet into ``folder``; returns the paths written."""
    written: list[Path] = []
    for done, session in enumerate(sessions, start=1):
        path = sheet_path(folder, session, written)
        write_pdf(path, build_sheet(session))
        written.append(path)
        if progress is not None and not progress(done):
            break
    return written


def combined_sheets(sessions: Iterable[Session], progress: Progress | None = None) -> bytes:
    """Every sheet one after another in a single PDF, each keeping its own page numbers."""
    writer = PdfWriter()
    for done, session in enumerate(sessions, start=1):
        writer.append(io.BytesIO(build_sheet(session)))
        if progress is not None and not progress(done):
            break
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
