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
    from reports.issue import issue_folder  # reportlab and pypdf: only when used
    from reports.marking_sheet import STATE_MARKS, sheet_state

    if not args.sessions and not args.date:
        raise UserError("name the sessions (ID...) or a day (--date YYYY-MM-DD)")
    day = _valid_day(args.date, "--date")
    try:
        args.output.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise UserError(f"cannot create {args.output}: {exc.strerror or exc}") from None
    with opened_reader(args) as store:
        ids = [_resolve(store, key) for key in args.sessions]
        if day:
            ids += store.session_ids(
                SessionQuery(status=("signed",), date_from=day, date_to=day, sort="date")
            )
            if not ids:
                raise UserError(f"no signed session on {day}")
        sessions = [store.load(session_id) for session_id in dict.fromkeys(ids)]
        try:
            written = issue_folder(store, sessions, args.output, how="pdf verb", actor=COMMAND_LINE)
        except OSError as exc:
            raise UserError(f"cannot write to {args.output}: {exc.strerror or exc}") from None
        for session, path in zip(sessions, written, strict=True):
            mark = STATE_MARKS.get(sheet_state(session), "")
            print(f"{path}{f'  ({mark})' if mark else ''}", file=out)
    print(f"{len(written)} sheet(s) written to {args.output}", file=err)
    return 0


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
