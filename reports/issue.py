"""Issuing sheets: every sheet that leaves the app is built from the record, signed when signed
off, and registered (the SHA-256 of the file's bytes, which record it shows, how, when, by whom).

One path for the pdf verb, the preview's Save and Print, HR's reprint and combined PDF: so
`verify` can find any sheet the installation issued, and prove the content of any other.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from pcso_interview.files import write_atomic
from pcso_interview.session import Session
from pcso_interview.signing_key import installation_key
from pcso_interview.store import IssuedPart
from pcso_interview.store.reading import SessionReader
from reports.marking_sheet import build_sheet, sheet_file_name, sheet_state

Progress = Callable[[int], bool]  # called with the number done; False stops


def part_of(session: Session) -> IssuedPart:
    """Which record a sheet of this session shows."""
    state = sheet_state(session)
    return IssuedPart(
        session.id, session.version, session.digest() if state == "signed" else "", state
    )


def sign_if_signed(store: SessionReader, data: bytes, sessions: Iterable[Session]) -> bytes:
    """A file of signed-off sheets only carries the installation's PAdES signature; a draft,
    withdrawn or failed sheet is never signed."""
    if all(sheet_state(s) == "signed" for s in sessions):
        from reports.pdf_signature import sign_pdf

        return sign_pdf(data, installation_key(store.path))
    return data


def issue(store: SessionReader, session: Session, *, how: str, actor: str) -> bytes:
    """One sheet's bytes, signed if signed off, registered as issued."""
    data = sign_if_signed(store, build_sheet(session), [session])
    store.register_issue(hashlib.sha256(data).hexdigest(), [part_of(session)], how, actor)
    return data


def register_bytes(
    store: SessionReader, data: bytes, session: Session, *, how: str, actor: str
) -> None:
    """Register bytes already built (a preview being printed)."""
    store.register_issue(hashlib.sha256(data).hexdigest(), [part_of(session)], how, actor)


def write_issued(
    store: SessionReader, path: Path, data: bytes, parts: list[IssuedPart], how: str, actor: str
) -> None:
    """Write the file whole, then register it; a file the database would not register is
    removed again, so no unregistered sheet is left behind as if issued."""
    write_atomic(path, data)
    try:
        store.register_issue(hashlib.sha256(data).hexdigest(), parts, how, actor)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def issue_to_file(
    store: SessionReader, session: Session, path: Path, *, how: str, actor: str
) -> Path:
    data = sign_if_signed(store, build_sheet(session), [session])
    write_issued(store, path, data, [part_of(session)], how, actor)
    return path


def sheet_path(folder: Path, session: Session, taken: Iterable[Path]) -> Path:
    """The session's sheet in ``folder``, never one of ``taken`` (written earlier in the batch).

    References such as "X/77" and "X:77" on one day share a file name: the second sheet gets
    the session id's start added, so neither silently overwrites the other.
    """
    path = folder / sheet_file_name(session)
    if path in set(taken):
        path = path.with_stem(f"{path.stem}_{session.id[:8]}")
    return path


POOL_FROM = 8  # sheets in a batch from which building them in parallel pays for the workers


def built_sheets(sessions: Sequence[Session]) -> Iterator[bytes]:
    """Each session's sheet, in order. A batch is built by a pool of processes, one per core
    (the sheets are independent; reportlab holds the interpreter lock); stopping early drops
    what the pool has not started."""
    if len(sessions) < POOL_FROM or (os.cpu_count() or 1) < 2:
        yield from (build_sheet(s) for s in sessions)
        return
    # Never fork a process that runs Qt: a fork server, started clean, with the sheet's
    # modules loaded once, forks the workers (spawning each would import reportlab again).
    context: Any = multiprocessing.get_context("spawn")
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["reports.marking_sheet"])
    with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=context) as pool:
        futures = [pool.submit(build_sheet, s) for s in sessions]
        try:
            for future in futures:
                yield future.result()
        finally:
            for future in futures:
                future.cancel()


def issue_folder(
    store: SessionReader,
    sessions: Iterable[Session],
    folder: Path,
    *,
    how: str,
    actor: str,
    progress: Progress | None = None,
) -> list[Path]:
    """Each session's sheet into ``folder``, signed and registered; returns the paths."""
    chosen = list(sessions)
    written: list[Path] = []
    for done, (session, data) in enumerate(zip(chosen, built_sheets(chosen), strict=False), 1):
        path = sheet_path(folder, session, written)
        signed = sign_if_signed(store, data, [session])
        write_issued(store, path, signed, [part_of(session)], how, actor)
        written.append(path)
        if progress is not None and not progress(done):
            break
    return written


def combined(sessions: Iterable[Session], progress: Progress | None = None) -> bytes | None:
    """Every sheet one after another in one PDF, each keeping its own page numbers; None when
    stopped part-way (a PDF missing some of the selection would pass for the whole of it)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for done, data in enumerate(built_sheets(list(sessions)), start=1):
        writer.append(io.BytesIO(data))
        if progress is not None and not progress(done):
            return None
    writer.add_metadata({"/Producer": "pcso-interview", "/Title": "Marking sheets"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def issue_combined(
    store: SessionReader,
    sessions: list[Session],
    path: Path,
    *,
    how: str,
    actor: str,
    progress: Progress | None = None,
) -> Path | None:
    """One PDF of every sheet, registered with a part per sheet; None if stopped."""
    content = combined(sessions, progress)
    if content is None:
        return None
    data = sign_if_signed(store, content, sessions)
    write_issued(store, path, data, [part_of(s) for s in sessions], how, actor)
    return path
