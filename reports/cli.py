"""The marking-sheet verbs (pdf, verify), added to the core's command line by main.py."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from pcso_interview.cli import (
    UserError,
    _resolve,
    _valid_day,
    opened_reader,
    verify_file,
    verify_session,
)
from pcso_interview.interrupts import stop_signals_interrupt
from pcso_interview.store import SessionQuery
from pcso_interview.use_cases import COMMAND_LINE

if TYPE_CHECKING:
    from pcso_interview.cli import Verbs


def add_verbs(verbs: Verbs) -> None:
    p = verbs.add_parser("pdf", help="write marking sheets as PDF files")
    p.add_argument("sessions", nargs="*", metavar="ID", help="session ids or candidate references")
    p.add_argument("--date", default="", metavar="YYYY-MM-DD", help="every signed session of a day")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    p.set_defaults(handler=cmd_pdf)

    p = verbs.add_parser(
        "verify",
        help="is this the record the panel signed? (a session, a session file or a sheet PDF)",
        description="Exit status: 0 the current signed record; 1 it differs, or the record"
        " failed verification; 3 genuine but no longer current (superseded, reopened,"
        " withdrawn or purged since), or a draft.",
    )
    p.add_argument("target", help="session id, candidate reference, a session file, or a sheet PDF")
    p.set_defaults(handler=cmd_verify)


def cmd_pdf(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Every sheet that can be written is written, its path printed as it is; one that
    cannot is one line on stderr (the session and why) and the exit status is 1. SIGTERM
    (and SIGHUP) stop the batch as Ctrl+C does: "error: interrupted", no worker left."""
    from reports.issue import FolderError, Written, issue_each  # reportlab: only when used
    from reports.marking_sheet import STATE_MARKS, sheet_state

    if not args.sessions and not args.date:
        raise UserError("name the sessions (ID...) or a day (--date YYYY-MM-DD)")
    day = _valid_day(args.date, "--date")
    written = failed = 0
    with opened_reader(args) as store:
        ids = [_resolve(store, key) for key in args.sessions]
        if day:
            ids += store.session_ids(
                SessionQuery(status=("signed",), date_from=day, date_to=day, sort="date")
            )
            if not ids:
                raise UserError(f"no signed session on {day}")
        sessions = [store.load(session_id) for session_id in dict.fromkeys(ids)]
        outcomes = issue_each(store, sessions, args.output, how="pdf verb", actor=COMMAND_LINE)
        with stop_signals_interrupt():
            try:
                for outcome in outcomes:
                    if isinstance(outcome, Written):
                        written += 1
                        mark = STATE_MARKS.get(sheet_state(outcome.session), "")
                        shown = f"{outcome.path}{f'  ({mark})' if mark else ''}"
                        print(shown, file=out, flush=True)
                    else:
                        failed += 1
                        print(f"error: sheet not written: {outcome}", file=err, flush=True)
            except FolderError as exc:
                raise UserError(f"cannot create {args.output}: {exc.strerror or exc}") from None
            except BaseException:
                if written:  # the paths above are on disk: say so before what stopped it
                    print(f"{written} sheet(s) written to {args.output} before the error", file=err)
                raise
            finally:
                outcomes.close()  # the workers stopped now, even if the batch was interrupted
    print(summary(written, failed, args.output), file=err)
    return 1 if failed else 0


def summary(written: int, failed: int, folder: Path) -> str:
    """The batch's last line: how many written where, and how many not."""
    line = f"{written} sheet(s) written" + (f" to {folder}" if written else "")
    return line + (f"; {failed} not written (named above)" if failed else "")


def is_pdf(target: Path) -> bool:
    """A PDF by its name or, whatever a download or a mail client called it, its first bytes."""
    if target.suffix.lower() == ".pdf":
        return True
    try:
        with target.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False


def cmd_verify(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    target = Path(args.target)
    if is_pdf(target):
        return verify_pdf_file(args, target, out)
    if target.suffix.lower() == ".json" or target.is_file():
        return verify_file(args, target, out)
    return verify_session(args, args.target, out)


def verify_pdf_file(args: argparse.Namespace, target: Path, out: TextIO) -> int:
    from reports.verify import SheetFileError, report, verify_pdf

    with opened_reader(args) as store:
        try:
            verdict = verify_pdf(store, target)
        except SheetFileError as exc:
            raise UserError(f"{target}: {exc}") from None
    for line in report(verdict):
        print(line, file=out)
    return verdict.code
