"""Running a command-line verb in a test, as a user at a terminal would."""

from __future__ import annotations

import main


def cli(capsys, *args: object) -> tuple[int, str, str]:
    status = main.main([str(a) for a in args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return status, captured.out, captured.err


def fails(capsys, *args: object) -> str:
    """The verb fails as a user error: status 1, exactly one 'error:' line on stderr."""
    status, _, err = cli(capsys, *args)
    assert status == 1
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    return lines[0]


def check(capsys, db: object) -> tuple[int, str]:
    """`check` on the database ``db``: its exit status and what it printed on stdout."""
    status, out, _ = cli(capsys, "--db", db, "check")
    return status, out


def check_finds(capsys, db: object, *problems: str) -> str:
    """`check` on the database ``db`` exits 1 and names each of ``problems``; its stdout."""
    status, out = check(capsys, db)
    assert status == 1, out
    for problem in problems:
        assert problem in out, out
    return out
