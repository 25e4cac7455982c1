"""Composition root: parse the arguments, then run a command-line verb or start the app."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from pcso_interview.app_args import is_app_start, parse_app_args


def main(argv: Sequence[str] | None = None) -> int:
    # Everything the app writes holds personal data: readable by its owner only, whatever
    # writes it (SQLite, Qt, reportlab, a log), unless a path says otherwise on purpose.
    os.umask(0o077)
    argv = list(sys.argv[1:] if argv is None else argv)
    if is_app_start(argv):
        # Only the app's own options: building every verb's parser (and importing what the
        # verbs need) would slow the window's start.
        args = parse_app_args(argv)
    else:
        from pcso_interview import cli
        from reports.cli import add_verbs as add_sheet_verbs

        args = cli.build_parser([add_sheet_verbs]).parse_args(argv)
        if args.verb is not None:
            return cli.run(args)
    from ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
