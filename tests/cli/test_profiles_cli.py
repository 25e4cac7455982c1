"""The `profiles` verb: list the profiles, check a force file, survive a bad one."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import main

IDS = (
    "gwent-cso",
    "south-wales-pcso",
    "band-2e-pcso",
    "grade-c-pcso",
    "kent-crime-prevention-pcso",
)


pytestmark = pytest.mark.usefixtures("empty_user_profiles")


def write_profiles(path: Path, builtin_data: dict, new_id: str) -> Path:
    prof = copy.deepcopy(builtin_data["profiles"][0])
    prof["id"] = new_id
    prof["force"] = "Example Force"
    data = {"format": "pcso-interview-profiles", "version": 1, "profiles": [prof]}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def write_bad(path: Path, builtin_data: dict) -> Path:
    """A real profile with 'force' removed: schema error at $.profiles[0]."""
    prof = copy.deepcopy(builtin_data["profiles"][0])
    prof["id"] = "broken"
    del prof["force"]
    data = {"format": "pcso-interview-profiles", "version": 1, "profiles": [prof]}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def table(out: str) -> dict[str, list[str]]:
    """Rows of the listing keyed by id, cut at the header's column starts."""
    lines = out.splitlines()
    names = ["ID", "FORCE", "ROLE", "GRADE", "FRAMEWORK", "AREAS", "INDICATORS"]
    assert lines[0].split() == names
    starts = [lines[0].index(n) for n in names]
    bounds = list(zip(starts, [*starts[1:], None], strict=True))
    rows = {}
    for line in lines[1:]:
        cells = [line[a:b].strip() for a, b in bounds]
        rows[cells[0]] = cells
    return rows


def test_lists_the_five_profiles(capsys, builtin_profiles):
    """HR can see at a glance which forces and roles are available."""
    assert main.main(["profiles"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    rows = table(captured.out)
    assert tuple(rows) == IDS
    for p in builtin_profiles:
        assert rows[p.id] == [
            p.id,
            p.force,
            p.role_title,
            p.grade,
            p.framework,
            str(len(p.areas)),
            str(sum(len(a.indicators) for a in p.areas)),
        ]
    assert rows["gwent-cso"] == [
        "gwent-cso",
        "Gwent Police",
        "Community Support Officer",
        "Scale 4",
        "cvf-2016",
        "6",
        "44",
    ]
    assert rows["kent-crime-prevention-pcso"][1:] == [
        "Kent Police",
        "Crime Prevention PCSO",
        "Grade D",
        "cvf-2016",
        "10",
        "76",
    ]
    assert rows["south-wales-pcso"][-2:] == ["10", "75"]


def test_user_profiles_folder_is_merged(capsys, builtin_data, empty_user_profiles):
    """A force file dropped in the user's folder appears in the listing."""
    write_profiles(empty_user_profiles / "extra.json", builtin_data, "example-force")
    assert main.main(["profiles"]) == 0
    rows = table(capsys.readouterr().out)
    assert tuple(rows) == (*IDS, "example-force")
    assert rows["example-force"][1] == "Example Force"


def test_check_good_file(tmp_path, capsys, builtin_data):
    """--check confirms a force file before it is dropped into the profiles folder."""
    path = write_profiles(tmp_path / "good.json", builtin_data, "example-force")
    assert main.main(["profiles", "--check", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == f"{path}: valid, 1 profile(s): example-force"
    assert captured.err == ""


def test_check_bad_file(tmp_path, capsys, builtin_data):
    """A bad file is one line on stderr naming file and JSON path, exit 1, no traceback."""
    path = write_bad(tmp_path / "bad.json", builtin_data)
    assert main.main(["profiles", "--check", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: ")
    assert str(path) in lines[0]
    assert "$.profiles[0]" in lines[0]
    assert "'force'" in lines[0]
    assert "Traceback" not in captured.err


def test_check_missing_file(tmp_path, capsys):
    """A mistyped path is a user error too, not a crash."""
    path = tmp_path / "nowhere.json"
    assert main.main(["profiles", "--check", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert str(path) in err
    assert "no such file" in err


def test_bad_extra_file_warns_and_lists_builtins(tmp_path, capsys, builtin_data):
    """The app still works with the good profiles and says which file it skipped, and why."""
    path = write_bad(tmp_path / "bad.json", builtin_data)
    assert main.main(["--profiles", str(path), "profiles"]) == 0
    captured = capsys.readouterr()
    assert tuple(table(captured.out)) == IDS
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("warning: skipped ")
    assert str(path) in lines[0]
    assert "$.profiles[0]" in lines[0]


def test_good_extra_file_is_listed(tmp_path, capsys, builtin_data):
    """--profiles merges a good file after the built-ins."""
    path = write_profiles(tmp_path / "good.json", builtin_data, "example-force")
    assert main.main(["--profiles", str(path), "profiles"]) == 0
    assert tuple(table(capsys.readouterr().out)) == (*IDS, "example-force")


def test_entry_point_runs(tmp_path, repo_root):
    """`python main.py profiles` works from a checkout, as the README tells a newcomer."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    env.pop("PYTHONPATH", None)
    result = subprocess.run(
        [sys.executable, "main.py", "profiles"],
        cwd=repo_root,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert tuple(table(result.stdout)) == IDS


def test_check_refuses_a_file_reusing_a_builtin_id(tmp_path, capsys, builtin_data):
    """The app would skip such a file, so --check must not call it valid."""
    gwent = next(p for p in builtin_data["profiles"] if p["id"] == "gwent-cso")
    path = tmp_path / "clash.json"
    path.write_text(
        json.dumps({"format": "pcso-interview-profiles", "version": 1, "profiles": [gwent]}),
        encoding="utf-8",
    )
    assert main.main(["profiles", "--check", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "already a built-in profile" in err[0]


def test_every_verb_is_known_to_the_app_start_check():
    """main.py skips building the verbs' parsers when no verb is named: the list must be whole."""
    from pcso_interview import app_args, cli
    from reports.cli import add_verbs

    parser = cli.build_parser([add_verbs])
    verbs = next(a for a in parser._actions if a.dest == "verb")
    assert set(verbs.choices) == set(app_args.VERB_NAMES)
    assert app_args.is_app_start(["--db", "x.db"])
    assert not app_args.is_app_start(["--db", "x.db", "sessions"])
    assert not app_args.is_app_start(["--help"])
