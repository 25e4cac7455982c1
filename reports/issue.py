"""Issuing sheets: every sheet that leaves the app is built from the record, signed when signed
off, and registered (the SHA-256 of the file's bytes, which record it shows, how, when, by whom).

One path for the pdf verb, the preview's Save and Print, HR's reprint and combined PDF: so
`verify` can find any sheet the installation issued, and prove the content of any other.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pcso_interview.files import write_atomic
from pcso_interview.interrupts import HeldSignals
from pcso_interview.plain_text import clipped
from pcso_interview.session import Session
from pcso_interview.signing_key import installation_key
from pcso_interview.store import IssuedPart
from pcso_interview.store.reading import SessionReader
from reports.marking_sheet import build_sheet, sheet_file_name, sheet_state
from reports.workers import Lost, in_workers

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
    """Write the file whole, then register it."""
    write_atomic(path, data)
    register_written(store, path, data, parts, how, actor)


def register_written(
    store: SessionReader, path: Path, data: bytes, parts: list[IssuedPart], how: str, actor: str
) -> None:
    """Register a file just written; one the database would not register is removed again,
    so no unregistered sheet is left behind as if issued."""
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


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read a block at a time (any file may stand there)."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def is_reprint(store: SessionReader, path: Path, session: Session) -> bool:
    """Whether the file at ``path`` is this session's sheet of this version, which a new
    sheet may replace. Known by the SHA-256 of its bytes in the register of issued sheets:
    what the installation issued, where a footer only claims (copied onto edited pages, it
    still would), and a hash costs less than reading a PDF's text. A file the register does
    not know (another installation's sheet, an edited one, not a sheet) is not this one."""
    try:
        parts = store.issued(file_sha256(path))
    except OSError:  # a folder, unreadable: not ours to replace
        return False
    return [(p.session_id, p.version) for p in parts] == [(session.id, session.version)]


class NotWritten(Exception):
    """A sheet whose file could not be written, and why (one line): the batch goes on."""


def write_sheet(
    store: SessionReader, folder: Path, session: Session, data: bytes, taken: Iterable[Path]
) -> Path:
    """Write the session's sheet in ``folder``, whole, under its own name; where a file of
    that name is another's (written earlier in this batch, ``taken``, or already there: two
    candidates' references such as "X/77" and "X:77" on one day share a name, and so do two
    candidates given one reference), under that name with the session id's start added. A
    file that is this session's sheet of this version is replaced: a reprint. NotWritten
    when both names hold another's file (neither is replaced), or the file cannot be written.
    """
    first = folder / sheet_file_name(session)
    names = (first, first.with_stem(f"{first.stem}_{session.id[:8]}"))
    others = set(taken)
    for path in names:
        if path in others:
            continue
        replace = os.path.lexists(path)
        if replace and not is_reprint(store, path, session):
            continue
        try:
            write_atomic(path, data, replace=replace)
        except FileExistsError:  # made since we looked, by another program: not replaced
            continue
        except OSError as exc:
            raise NotWritten(f"cannot write {path.name}: {exc.strerror or exc}") from exc
        return path
    raise NotWritten(
        f"{first.name} and {names[1].name} already exist and are not this session's sheet of"
        f" version {session.version} (neither is replaced)"
    )


POOL_FROM = 8  # sheets in a batch from which building them in parallel pays for the workers
REASON_CHARS = 300  # why a sheet failed, at most: one line a person reads
SHOWN_REF_CHARS = 64  # a candidate reference as a failure names it


def why(exc: BaseException) -> str:
    """An exception as one bounded line: its kind and message (a reportlab LayoutError runs
    over several lines and names the flowable's memory address)."""
    message = " ".join(str(exc).split())
    line = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return clipped(line, REASON_CHARS)


def shown(value: str, limit: int = SHOWN_REF_CHARS) -> str:
    """Stored text fit for one line of a report: control characters (kept by an older
    version) as spaces, and cut to ``limit`` characters."""
    flat = "".join(" " if not c.isprintable() else c for c in value)
    return clipped(flat, limit)


@dataclass(frozen=True)
class Written:
    """A sheet of a batch written, signed if signed off, and registered."""

    session: Session
    path: Path


@dataclass(frozen=True)
class Failed:
    """A sheet of a batch that was not written, and why; the others are written all the same."""

    session: Session
    reason: str

    def __str__(self) -> str:
        ref = shown(self.session.candidate_ref)
        return f"session {self.session.id} ({ref}): {self.reason}"


@dataclass
class Batch:
    """What a batch wrote, and what it could not write."""

    written: list[Path] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)


class SheetError(Exception):
    """A sheet that could not be built, where the whole is refused without it (one PDF of
    every sheet would pass for the whole selection)."""

    def __init__(self, failed: Failed):
        super().__init__(str(failed))
        self.failed = failed


class FolderError(OSError):
    """The folder for a batch could not be made: no sheet can be written there."""


def build_or_why(session: Session) -> bytes | str:
    """The sheet's bytes, or why it could not be built. A worker process returns the reason
    rather than raising: an exception need not survive the way back (pickling), and one bad
    record must not stop the batch."""
    try:
        return build_sheet(session)
    except Exception as exc:  # any fault of one record's sheet is that sheet's alone
        return why(exc)


def built_sheets(sessions: Sequence[Session]) -> Generator[bytes | str, None, None]:
    """Each session's sheet, in order, or why it could not be built. A batch is built by
    worker processes, one per core (the sheets are independent; reportlab holds the
    interpreter lock), which never hang the batch nor outlive it (reports.workers); closing
    this early stops them at once (Stop in HR's reprint, Ctrl+C at the command line)."""
    if len(sessions) < POOL_FROM or (os.cpu_count() or 1) < 2:
        yield from (build_or_why(s) for s in sessions)
        return
    # The fork server preloads this module, whose build_or_why the workers run, and so
    # the sheet's modules.
    for built in in_workers(sessions, build_or_why, preload=["reports.issue"]):
        yield f"its worker process stopped ({built.how})" if isinstance(built, Lost) else built


def made_folders(folder: Path) -> list[Path]:
    """Make ``folder`` (owner-only, as the sheets hold personal data) and any missing parent;
    returns those it made, the deepest first."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise FolderError(exc.errno, exc.strerror or str(exc), str(folder)) from None
    return missing


def issue_each(
    store: SessionReader, sessions: Iterable[Session], folder: Path, *, how: str, actor: str
) -> Generator[Written | Failed, None, None]:
    """Each session's sheet into ``folder``, signed and registered, told as it is written.

    A sheet that cannot be built, or whose file cannot be written, is told as Failed and the
    next one goes on; every file is written whole under a temporary name first, so none is
    ever left half-written under its own, and a file already there is replaced only if it is
    this session's sheet of this version (write_sheet). The folder is made at the first
    file, and removed again if it was made and nothing was written in it: nothing written,
    nothing made. What would stop every sheet alike (the database, the signing key) stops
    the batch, raised; so does Ctrl+C, once the sheet being written is written, registered
    and told.
    """
    chosen = list(sessions)
    written: list[Path] = []
    made: list[Path] | None = None
    sheets = built_sheets(chosen)
    try:
        for session, data in zip(chosen, sheets, strict=True):
            if isinstance(data, str):
                yield Failed(session, data)
                continue
            # Signed, written and registered whole, or none of it: Ctrl+C waits for these
            # steps (tens of milliseconds), then stops the batch once the sheet is told. (An
            # interrupt inside pyHanko's signing left its asyncio task to print a traceback.)
            outcome: Written | Failed
            with HeldSignals() as held:
                signed = sign_if_signed(store, data, [session])
                if made is None:
                    made = made_folders(folder)
                try:
                    path = write_sheet(store, folder, session, signed, written)
                except NotWritten as exc:
                    outcome = Failed(session, str(exc))
                else:
                    register_written(store, path, signed, [part_of(session)], how, actor)
                    written.append(path)
                    outcome = Written(session, path)
            try:
                yield outcome
            finally:
                held.deliver()
    finally:
        sheets.close()  # a pool stops at once, not when the generator is collected
        if not written:
            for empty in made or []:
                try:
                    empty.rmdir()
                except OSError:
                    break  # not empty, or not ours to remove: its parents are kept too


def issue_folder(
    store: SessionReader,
    sessions: Iterable[Session],
    folder: Path,
    *,
    how: str,
    actor: str,
    progress: Progress | None = None,
) -> Batch:
    """Each session's sheet into ``folder``, signed and registered (see issue_each): the
    paths written and the sheets that failed."""
    batch = Batch()
    outcomes = issue_each(store, sessions, folder, how=how, actor=actor)
    try:
        for done, outcome in enumerate(outcomes, start=1):
            if isinstance(outcome, Written):
                batch.written.append(outcome.path)
            else:
                batch.failed.append(outcome)
            if progress is not None and not progress(done):
                break
    finally:
        outcomes.close()
    return batch


def combined(sessions: Iterable[Session], progress: Progress | None = None) -> bytes | None:
    """Every sheet one after another in one PDF, each keeping its own page numbers; None when
    stopped part-way (a PDF missing some of the selection would pass for the whole of it).
    A sheet that cannot be built raises SheetError, naming it: no PDF is made without it."""
    from pypdf import PdfWriter

    chosen = list(sessions)
    writer = PdfWriter()
    sheets = built_sheets(chosen)
    try:
        for done, (session, data) in enumerate(zip(chosen, sheets, strict=True), start=1):
            if isinstance(data, str):
                raise SheetError(Failed(session, data))
            writer.append(io.BytesIO(data))
            if progress is not None and not progress(done):
                return None
    finally:
        sheets.close()
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
