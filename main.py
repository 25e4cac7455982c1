"""Composition root: parse the arguments, then run a command-line verb or start the app."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from pcso_interview import cli


def main(argv: Sequence[str] | None = None) -> int:
    from reports.cli import add_verbs as add_sheet_verbs

    args = cli.build_parser([add_sheet_verbs]).parse_args(argv)
    if args.verb is not None:
        return cli.run(args)
    from ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
