"""The marking-sheet verbs, added to the core's command line by main.py."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from pcso_interview.cli import UserError, _resolve, _valid_day, opened_store
from pcso_interview.files import write_atomic
from pcso_interview.lifecycle import Status
from pcso_interview.store import SessionQuery


def add_verbs(verbs: argparse._SubParsersAction) -> None:
    p = verbs.add_parser("pdf", help="write marking sheets as PDF files")
    p.add_argument("sessions", nargs="*", metavar="ID", help="session ids or candidate references")
    p.add_argument("--date", default="", metavar="YYYY-MM-DD", help="every signed session of a day")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    p.set_defaults(handler=cmd_pdf)


def write_pdf(path: Path, data: bytes) -> None:
    """A sheet is written whole or not at all."""
    write_atomic(path, data)


def cmd_pdf(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from reports.batch import sheet_path  # reportlab and pypdf: only when used
    from reports.marking_sheet import WATERMARK, build_sheet

    if not args.sessions and not args.date:
        raise UserError("name the sessions (ID...) or a day (--date YYYY-MM-DD)")
    day = _valid_day(args.date, "--date")
    try:
        args.output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create {args.output}: {exc.strerror or exc}") from None
    with opened_store(args) as store:
        ids = [_resolve(store, key) for key in args.sessions]
        if day:
            ids += store.session_ids(
                SessionQuery(status=("signed",), date_from=day, date_to=day, sort="date")
            )
            if not ids:
                raise UserError(f"no signed session on {day}")
        written: list[Path] = []
        for session_id in dict.fromkeys(ids):
            session = store.load(session_id)
            path = sheet_path(args.output, session, written)
            try:
                write_pdf(path, build_sheet(session))
            except OSError as exc:
                raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
            state = "" if session.status is Status.SIGNED else f"  ({WATERMARK})"
            print(f"{path}{state}", file=out)
            written.append(path)
    print(f"{len(written)} sheet(s) written to {args.output}", file=err)
    return 0
