"""Composition root: parse the arguments, then run a command-line verb or start the app."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from pcso_interview import cli


def is_app_start(argv: Sequence[str]) -> bool:
    """No command and no help asked for: the app starts, and needs only the app's options."""
    words = set(argv)
    return not words & ({"-h", "--help"} | set(cli.VERB_NAMES))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if is_app_start(argv):
        args = cli.app_parser().parse_args(argv)  # building every verb's parser is not free
    else:
        from reports.cli import add_verbs as add_sheet_verbs

        args = cli.build_parser([add_sheet_verbs]).parse_args(argv)
    if args.verb is not None:
        return cli.run(args)
    from ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
