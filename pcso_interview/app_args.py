"""The app's own command line: the options the window takes, and the verb names.

Kept apart from cli.py so that starting the window parses its two options without importing
every verb's dependencies (the start-up benchmark counts each import).
"""

from __future__ import annotations

import argparse
import getopt
from collections.abc import Sequence
from pathlib import Path

VERB_NAMES = (
    "profiles",
    "sessions",
    "show",
    "export",
    "import",
    "verify",
    "check",
    "signing-key",
    "reopen",
    "withdraw",
    "users",
    "pin",
    "purge",
    "demo",
    "restore-backup",
    "statistics",
    "archive",
    "push",
    "pdf",  # added by the marking sheet (reports.cli)
)
ARCHIVE_SCHEMES = ("postgresql://", "postgres://")


def db_location(text: str) -> Path | str:
    """``--db``: a laptop's database file, or the force archive's URL, kept as typed (a Path
    would fold the URL's "//")."""
    return text if text.lower().startswith(ARCHIVE_SCHEMES) else Path(text)


def is_app_start(argv: Sequence[str]) -> bool:
    """No command and no help asked for: the app starts, and needs only the app's options."""
    words = set(argv)
    return not words & ({"-h", "--help"} | set(VERB_NAMES))


def app_parser(db_help: str = "the sessions database") -> argparse.ArgumentParser:
    """The options the app itself takes; cli.build_parser adds the verbs (and the help's
    default path, which needs platformdirs)."""
    parser = argparse.ArgumentParser(
        prog="pcso-interview",
        description="PCSO interview marking. With no command, starts the app.",
    )
    parser.add_argument("--db", type=db_location, help=db_help)
    parser.add_argument(
        "--profiles",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="an extra force profile file to merge in (may be given more than once)",
    )
    parser.set_defaults(verb=None)
    return parser


def parse_app_args(argv: Sequence[str]) -> argparse.Namespace:
    """The app's options, exactly as ``app_parser().parse_args`` reads them.

    getopt reads the usual forms (``--db PATH``, ``--profiles=FILE``, unique abbreviations).
    argparse looks up gettext translations and imports the locale module when it builds a
    parser, 3 ms of the window's start, so it only runs to explain a mistake (and exit).
    """
    words = list(argv)
    try:
        pairs, rest = getopt.getopt(words, "", ["db=", "profiles="])
    except getopt.GetoptError:
        pairs, rest = [], ["?"]
    unusual = "--" in words or any(value.startswith("-") for _, value in pairs)
    if rest or unusual:
        return app_parser().parse_args(words)  # argparse's own message and exit status
    db: Path | str | None = None
    profiles: list[Path] = []
    for option, value in pairs:
        if option == "--db":
            db = db_location(value)
        else:
            profiles.append(Path(value))
    return argparse.Namespace(db=db, profiles=profiles, verb=None)
