"""The app's options read without argparse give what argparse gives, mistakes included."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pcso_interview.app_args import app_parser, is_app_start, parse_app_args

WORDS = [
    "--db",
    "--profiles",
    "--db=x.db",
    "--profiles=a.json",
    "--d",
    "--prof",
    "--db=",
    "--dbx",
    "--bogus",
    "-x",
    "-",
    "--",
    "",
    "sessions.db",
    "b.json",
    "-1",
    "a=b",
    "Ŵyn.db",
]


def outcome(parse, argv: list[str]):
    """The namespace, or ("exit", status) when the parser gives up (it prints, then exits)."""
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            return vars(parse(argv))
        except SystemExit as stop:
            return ("exit", stop.code)


@settings()  # the run's profile: quick or thorough (tests/conftest.py)
@given(st.lists(st.sampled_from(WORDS), max_size=6))
def test_the_same_as_argparse_for_any_words(argv):
    assert outcome(parse_app_args, argv) == outcome(app_parser().parse_args, argv)


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


def test_starting_the_window_loads_neither_argparse_help_nor_locale():
    """The point of it: gettext's lookup imports locale, which the window does not need."""
    sys.modules.pop("locale", None)
    parse_app_args(["--db", "sessions.db", "--profiles", "extra.json"])
    assert "locale" not in sys.modules


def test_help_and_verbs_are_not_the_app_start():
    assert is_app_start(["--db", "x.db"])
    assert not is_app_start(["--help"])
    assert not is_app_start(["sessions"])
