"""The app's own options: the usual forms, and a mistake explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcso_interview.app_args import is_app_start, parse_app_args


@pytest.mark.parametrize(
    ("argv", "db", "profiles"),
    [
        ([], None, []),
        (["--db", "s.db"], Path("s.db"), []),
        (["--db=s.db", "--profiles", "a.json", "--profiles=b.json"], Path("s.db"), ["a", "b"]),
        (["--d", "first.db", "--db", "second.db"], Path("second.db"), []),
    ],
)
def test_the_usual_forms(argv, db, profiles):
    args = parse_app_args(argv)
    assert args.db == db
    assert args.profiles == [Path(f"{name}.json") for name in profiles]
    assert args.verb is None


def test_a_mistake_is_explained_by_argparse(capsys):
    with pytest.raises(SystemExit) as stop:
        parse_app_args(["--db"])
    assert stop.value.code == 2
    assert "--db: expected one argument" in capsys.readouterr().err


def test_help_and_verbs_are_not_the_app_start():
    assert is_app_start(["--db", "x.db"])
    assert not is_app_start(["--help"])
    assert not is_app_start(["sessions"])
