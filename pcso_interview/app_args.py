"""The app's own command line: the options the window takes, and the verb names.

Kept apart from cli.py so that starting the window parses its two options without importing
every verb's dependencies (the start-up benchmark counts each import).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

VERB_NAMES = (
    "profiles",
    "sessions",
    "show",
    "statistics",
    "equality",
    "campaign",
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


LANGUAGES = ("cy", "en")  # the interface's languages (ui/i18n has the catalogues)


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
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="the interface's language: cy (Cymraeg) or en (English); remembered. Without it,"
        " the language last chosen (English at first)",
    )
    parser.set_defaults(verb=None)
    return parser


def parse_app_args(argv: Sequence[str]) -> argparse.Namespace:
    """The app's options (a mistake is explained by argparse, which then exits)."""
    return app_parser().parse_args(list(argv))
