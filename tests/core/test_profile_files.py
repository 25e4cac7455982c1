"""Bad force files: one clear message naming the file and JSON path; good profiles still load."""

from __future__ import annotations

import copy
import json
import os
import threading
from pathlib import Path

import pytest

from pcso_interview.profiles import (
    DEFAULT_SCALE,
    ProfileFileError,
    ProfileSet,
    extra_profile_files,
    load_profiles,
    read_profile_file,
)

BUILTIN_IDS = {
    "gwent-cso",
    "south-wales-pcso",
    "band-2e-pcso",
    "grade-c-pcso",
    "kent-crime-prevention-pcso",
}


@pytest.fixture
def good_profile(builtin_data) -> dict:
    """A real profile under a new id, so it does not clash with the built-in one."""
    prof = copy.deepcopy(next(p for p in builtin_data["profiles"] if p["id"] == "gwent-cso"))
    prof["id"] = "gwent-copy"
    return prof


def write(path: Path, *profiles: dict) -> Path:
    data = {"format": "pcso-interview-profiles", "version": 1, "profiles": list(profiles)}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ProfileFileError) as info:
        read_profile_file(path)
    return str(info.value)


def assert_reported(path: Path, json_path: str, *words: str) -> None:
    """read_profile_file and load_profiles agree on one message; the built-ins survive."""
    message = error_of(path)
    assert str(path) in message
    assert f"at {json_path}:" in message
    assert "\n" not in message
    for word in words:
        assert word in message, message

    loaded = load_profiles([path])
    assert {p.id for p in loaded} == BUILTIN_IDS
    assert len(loaded.errors) == 1
    error = loaded.errors[0]
    assert error.file == str(path)
    assert error.json_path == json_path
    assert str(error) == message


def test_good_extra_file_is_merged(tmp_path, good_profile):
    """The positive case the bad-file tests depart from: a valid extra file adds its profile."""
    path = write(tmp_path / "extra.json", good_profile)
    (profile,) = read_profile_file(path)
    assert profile.id == "gwent-copy"
    loaded = load_profiles([path])
    assert loaded.errors == ()
    assert {p.id for p in loaded} == BUILTIN_IDS | {"gwent-copy"}


def test_a_force_file_saved_with_a_byte_order_mark_loads(tmp_path, good_profile):
    """Notepad and Windows PowerShell 5 start a UTF-8 file with a byte order mark; a force
    file edited there loads as it would without it, Welsh letters and all."""
    path = write(tmp_path / "notepad.json", good_profile)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    (profile,) = read_profile_file(path)
    assert profile.id == "gwent-copy"
    assert load_profiles([path]).errors == ()


def test_a_force_file_written_as_utf16_by_powershell_loads(tmp_path, good_profile):
    """Windows PowerShell 5's ``>`` writes UTF-16 with its byte order mark."""
    path = write(tmp_path / "powershell.json", good_profile)
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert path.read_bytes()[:2] == b"\xff\xfe"
    (profile,) = read_profile_file(path)
    assert profile.id == "gwent-copy"
    assert profile == load_profiles([path]).get("gwent-copy")


def test_a_byte_order_mark_inside_the_text_is_still_refused(tmp_path, good_profile):
    """Only the first three bytes may be the mark: one later is a character the JSON does
    not allow between its values."""
    path = write(tmp_path / "twice.json", good_profile)
    path.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + path.read_bytes())
    assert_reported(path, "$", "not valid JSON", "line 1")


def test_not_json(tmp_path):
    """A truncated file is reported at the root with the parser's position."""
    path = tmp_path / "broken.json"
    path.write_text('{"format": "pcso-interview-profiles",', encoding="utf-8")
    assert_reported(path, "$", "not valid JSON", "line 1")


def test_missing_required_field_names_the_profile(tmp_path, good_profile):
    """A missing 'force' must point at the profile that lacks it."""
    del good_profile["force"]
    path = write(tmp_path / "no-force.json", good_profile)
    assert_reported(path, "$.profiles[0]", "'force'", "missing")


def test_missing_field_in_second_profile_points_at_it(tmp_path, good_profile):
    """The path names the right profile when the file holds several."""
    second = copy.deepcopy(good_profile)
    second["id"] = "gwent-copy-two"
    del second["role_title"]
    path = write(tmp_path / "two.json", good_profile, second)
    assert_reported(path, "$.profiles[1]", "'role_title'")


def test_wrong_type(tmp_path, good_profile):
    """A string where an integer belongs is reported at that field."""
    good_profile["level"] = "one"
    path = write(tmp_path / "level.json", good_profile)
    assert_reported(path, "$.profiles[0].level", "integer")


def test_wrong_type_deep_in_a_plan(tmp_path, good_profile):
    """A nested error names the full path down to the field."""
    good_profile["interview_plan"][2]["weight"] = "heavy"
    path = write(tmp_path / "weight.json", good_profile)
    assert_reported(
        path, "$.profiles[0].interview_plan[2].weight", "'heavy' is not a number", "such as 1.5"
    )


@pytest.mark.parametrize(
    ("where", "path"),
    [
        (("scale", "points", 1, "value"), "$.profiles[0].scale.points[1].value"),
        (("retention_months",), "$.profiles[0].retention_months"),
    ],
)
def test_float_where_integer_belongs(tmp_path, good_profile, where, path):
    """JSON Schema calls 2.0 an integer; the outcome and the signed digest need a real one.
    (Weights and pass marks may have decimals: tests/core/test_profile_shapes.py.)"""
    target = good_profile
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = float(target[where[-1]])
    file = write(tmp_path / "float.json", good_profile)
    assert_reported(file, path, "is not of type 'integer'")


def test_unknown_field(tmp_path, good_profile):
    """A typo in a field name is not silently ignored."""
    good_profile["pass_mark"] = 70
    path = write(tmp_path / "typo.json", good_profile)
    assert_reported(path, "$.profiles[0]", "unknown field", "pass_mark")


def test_duplicate_id_within_one_file(tmp_path, good_profile):
    """Two profiles with one id in a file would make a session's profile ambiguous."""
    path = write(tmp_path / "dup.json", good_profile, copy.deepcopy(good_profile))
    assert_reported(path, "$.profiles[1].id", "duplicate profile id 'gwent-copy'")


def test_duplicate_id_across_files(tmp_path, good_profile):
    """An extra file may not silently replace a built-in profile."""
    good_profile["id"] = "gwent-cso"
    good_profile["force"] = "Impostor"
    path = write(tmp_path / "clash.json", good_profile)
    read_profile_file(path)  # valid on its own: the clash is only across files
    loaded = load_profiles([path])
    assert {p.id for p in loaded} == BUILTIN_IDS
    assert loaded.get("gwent-cso").force == "Gwent Police"
    (error,) = loaded.errors
    assert error.file == str(path)
    assert error.json_path == "$.profiles[0].id"
    assert str(path) in str(error)
    assert "$.profiles[0].id" in str(error)
    assert "duplicate profile id 'gwent-cso'" in str(error)


def test_duplicate_id_across_two_extra_files(tmp_path, good_profile):
    """The first file wins; the second is skipped whole and reported."""
    first = write(tmp_path / "a.json", good_profile)
    second = write(tmp_path / "b.json", good_profile)
    loaded = load_profiles([first, second])
    assert {p.id for p in loaded} == BUILTIN_IDS | {"gwent-copy"}
    (error,) = loaded.errors
    assert error.file == str(second)


def test_plan_names_missing_area(tmp_path, good_profile):
    """An interview plan entry must name an area the profile defines."""
    good_profile["interview_plan"][3]["area"] = "no-such-area"
    path = write(tmp_path / "plan.json", good_profile)
    assert_reported(path, "$.profiles[0].interview_plan[3].area", "'no-such-area'")


def test_area_planned_twice(tmp_path, good_profile):
    """Grading one area twice would count it twice in the weighted total."""
    good_profile["interview_plan"][1]["area"] = good_profile["interview_plan"][0]["area"]
    path = write(tmp_path / "twice.json", good_profile)
    assert_reported(path, "$.profiles[0].interview_plan[1].area", "planned twice")


def test_scale_with_one_point(tmp_path, good_profile):
    """A one-point scale cannot discriminate between candidates."""
    good_profile["scale"]["points"] = good_profile["scale"]["points"][:1]
    good_profile["scale"]["meets"] = 1
    for planned in good_profile["interview_plan"]:
        planned["minimum"] = 1
    path = write(tmp_path / "scale.json", good_profile)
    assert_reported(path, "$.profiles[0].scale.points")


def test_scale_with_two_equal_points(tmp_path, good_profile):
    """Two points with one value are, in effect, one point."""
    points = good_profile["scale"]["points"][:2]
    points[1]["value"] = points[0]["value"]
    good_profile["scale"]["points"] = points
    path = write(tmp_path / "scale2.json", good_profile)
    assert_reported(path, "$.profiles[0].scale.points", "at least two")


def test_unreachable_pass_mark(tmp_path, good_profile):
    """A pass mark above 100% would fail every candidate."""
    good_profile["outcome_rule"]["pass_mark_percent"] = 101
    path = write(tmp_path / "pass.json", good_profile)
    assert_reported(path, "$.profiles[0].outcome_rule.pass_mark_percent", "101%", "never")


def test_pass_mark_of_100_is_allowed(tmp_path, good_profile):
    """The boundary: 100% is reachable with top grades, so it is not refused."""
    good_profile["outcome_rule"]["pass_mark_percent"] = 100
    (profile,) = read_profile_file(write(tmp_path / "pass100.json", good_profile))
    assert profile.pass_mark_percent == 100


def test_minimum_not_on_the_scale(tmp_path, good_profile):
    """A floor the scale does not have means the area could never pass."""
    good_profile["interview_plan"][4]["minimum"] = 6
    path = write(tmp_path / "minimum.json", good_profile)
    assert_reported(path, "$.profiles[0].interview_plan[4].minimum", "minimum 6")


def test_meets_not_on_the_scale(tmp_path, good_profile):
    """The scale's 'meets' point is the default floor, so it must be a point."""
    good_profile["scale"]["meets"] = 9
    path = write(tmp_path / "meets.json", good_profile)
    assert_reported(path, "$.profiles[0].scale.meets", "9")


def test_missing_file(tmp_path):
    """A path that does not exist is one clear message, not a traceback."""
    path = tmp_path / "nowhere.json"
    assert_reported(path, "$", "no such file")


def test_one_bad_file_does_not_hide_a_good_one(tmp_path, good_profile):
    """Each file stands alone: the good extra profile still loads beside a bad file."""
    bad = tmp_path / "bad.json"
    bad.write_text("not json", encoding="utf-8")
    good = write(tmp_path / "good.json", good_profile)
    loaded = load_profiles([bad, good])
    assert {p.id for p in loaded} == BUILTIN_IDS | {"gwent-copy"}
    assert [e.file for e in loaded.errors] == [str(bad)]


def test_scale_with_a_gap_is_refused(tmp_path, good_profile):
    """A mean of grades on a gapped scale could land off the scale, so gaps are refused."""
    good_profile["scale"]["points"][2]["value"] = 7
    good_profile["scale"]["meets"] = 2
    for planned in good_profile["interview_plan"]:
        planned["minimum"] = 2
    path = write(tmp_path / "gap.json", good_profile)
    assert_reported(path, "$.profiles[0].scale.points", "consecutive")


def test_one_point_scale_message_is_short(tmp_path, good_profile):
    good_profile["scale"]["points"] = good_profile["scale"]["points"][:1]
    message = error_of(write(tmp_path / "one.json", good_profile))
    assert "needs at least 2 item(s), has 1" in message
    assert "descriptor" not in message


def test_unchanged_valid_file_skips_the_schema_next_time(tmp_path, good_profile, monkeypatch):
    """The schema check is remembered by content digest (a faster start), never by name."""
    from pcso_interview import profiles as module

    path = write(tmp_path / "extra.json", good_profile)
    read_profile_file(path)  # validated and remembered

    def no_schema():
        raise AssertionError("the schema was checked again for unchanged content")

    monkeypatch.setattr(module, "_validator", no_schema)
    (profile,) = read_profile_file(path)
    assert profile.id == "gwent-copy"
    good_profile["force"] = 7  # any change to the bytes means a full check again
    write(path, good_profile)
    with pytest.raises(AssertionError, match="checked again"):
        read_profile_file(path)


def write_escaped(path: Path, *profiles: dict) -> Path:
    """A force file as a program writing ASCII JSON writes it: every other character escaped."""
    data = {"format": "pcso-interview-profiles", "version": 1, "profiles": list(profiles)}
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="ascii")
    return path


def test_half_a_character_in_a_force_file_is_refused_before_a_session_is_made_with_it(
    tmp_path, good_profile
):
    """A JSON escape may spell half of a character (an emoji cut in two by whatever wrote the
    file): it is no text, and a force file holding one passed its check, then made every new
    session with its profile fail (canonical JSON, UTF-8, could not hold it). Refused at once,
    naming where; a whole emoji, escaped as its two halves, is text and loads."""
    good_profile["areas"][0]["indicators"][0]["text"] = "I stay calm \ud83d"
    path = write_escaped(tmp_path / "cut.json", good_profile)
    assert "\\ud83d" in path.read_text(encoding="utf-8")
    assert_reported(
        path,
        "$.profiles[0].areas[0].indicators[0].text",
        "holds a control or invisible character (U+D83D at character 13)",
    )

    good_profile["areas"][0]["indicators"][0]["text"] = "I stay calm \U0001f600"
    path = write_escaped(tmp_path / "whole.json", good_profile)
    assert "\\ud83d\\ude00" in path.read_text(encoding="utf-8")
    (profile,) = read_profile_file(path)
    from pcso_interview.store import Store
    from tests.store_support import new_session

    store = Store.open(tmp_path / "sessions.db")
    try:
        session_id = new_session(store, made_from=profile)
        assert "\U0001f600" in store.load(session_id).profile.areas[0].indicators[0].text
    finally:
        store.close()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_in_the_profiles_folder_is_reported_and_does_not_hold_the_start(
    tmp_path, good_profile
):
    """Opening a named pipe waits for a writer: one called *.json in the profiles folder held
    the app (and every verb) at its start for ever. It is refused as not a file; the other
    files load."""
    folder = tmp_path / "profiles"
    folder.mkdir()
    write(folder / "b-good.json", good_profile)
    pipe = folder / "a-pipe.json"
    os.mkfifo(pipe)
    result: list[ProfileSet] = []
    reader = threading.Thread(
        target=lambda: result.append(load_profiles(extra_profile_files(folder))), daemon=True
    )
    reader.start()
    reader.join(timeout=20)
    if reader.is_alive():  # let it go: a writer that closes at once gives it an end of file
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        reader.join()
        pytest.fail("reading the profiles folder waited on a named pipe")
    (loaded,) = result
    assert "gwent-copy" in {p.id for p in loaded}
    (error,) = loaded.errors
    assert error.file == str(pipe) and error.json_path == "$"
    assert "not a file (a pipe, a device or a socket)" in error.message


@pytest.mark.parametrize(
    ("where", "text", "code"),
    [
        (("areas", 0, "indicators", 1, "text"), "I act \u202etcerroc\u202c", "U+202E"),
        (("force",), "Example\x1b[2J Force", "U+001B"),
        (("areas", 1, "name"), "Owner\x00ship", "U+0000"),
        (("interview_plan", 0, "question"), "Tell us\nabout a time", "U+000A"),
        (("scale", "points", 2, "label"), "3\u200b", "U+200B"),
    ],
)
def test_control_and_bidi_characters_in_a_force_files_text_are_refused_where_they_are(
    tmp_path, good_profile, where, text, code
):
    """A right-to-left override shows an indicator on screen in another order than the sheet
    prints it; ESC drives a terminal; NUL, a line break in a one-line field and the invisible
    characters are never the force's words. Each is refused with the JSON path of the text that
    holds it, as a session's details refuse them."""
    good_profile.setdefault("scale", copy.deepcopy(DEFAULT_SCALE))
    good_profile["interview_plan"][0].pop("questions", None)
    good_profile["interview_plan"][0]["question"] = "Q"
    parent = good_profile
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = text
    path = write(tmp_path / "hidden.json", good_profile)
    json_path = "$.profiles[0]" + "".join(
        f"[{k}]" if isinstance(k, int) else f".{k}" for k in where
    )
    assert_reported(path, json_path, f"holds a control or invisible character ({code} at")


def test_line_breaks_in_notes_and_descriptions_are_text(tmp_path, good_profile):
    """Notes and a criterion's description may run to several lines, as documents print them;
    right-to-left writing itself and the joiners real names need are text everywhere."""
    good_profile["notes"] = "First line.\r\nSecond line,\tindented."
    good_profile["criteria"] = [
        {"id": "first-aid", "category": "skill", "text": "First Aid", "description": "One.\nTwo."}
    ]
    good_profile["force"] = "Heddlu \u05e9\u05dc\u05d5\u05dd \u200d"
    (profile,) = read_profile_file(write(tmp_path / "lines.json", good_profile))
    assert profile.notes == "First line.\r\nSecond line,\tindented."


def test_a_file_named_twice_is_read_once_not_reported_as_skipped(tmp_path, good_profile):
    """A force file in the profiles folder and named with --profiles too (by another path to
    it, or a link) was read twice: its profile clashed with itself and the file, which had
    loaded, was reported as skipped. A real clash between two files is still reported."""
    folder = tmp_path / "profiles"
    folder.mkdir()
    path = write(folder / "force.json", good_profile)
    link = tmp_path / "link.json"
    link.symlink_to(path)
    loaded = load_profiles(
        [*extra_profile_files(folder), tmp_path / "profiles/../profiles/force.json", link]
    )
    assert loaded.errors == ()
    assert [p.id for p in loaded].count("gwent-copy") == 1

    copy_path = write(tmp_path / "copy.json", good_profile)
    clash = load_profiles([path, copy_path])
    assert [(e.file, e.json_path) for e in clash.errors] == [(str(copy_path), "$.profiles[0].id")]


@pytest.mark.parametrize(
    ("where", "value", "json_path", "words"),
    [
        (("areas", 0, "indicators", 0, "text"), " " * 1_000_000, ".areas[0].indicators[0].text",
         "does not match"),
        (("id",), "x" * 1_000_000, ".id", "is too long"),
        (("areas", 0, "kind"), "v" * 1_000_000, ".areas[0].kind", "is not one of"),
        (("scale",), {"id": "s", "meets": "Z" * 1_000_000, "points": [
            {"value": 1, "label": "A", "name": "a", "descriptor": "a"},
            {"value": 2, "label": "B", "name": "b", "descriptor": "b"},
        ]}, ".scale.meets", "is not a label on the scale"),
    ],
)  # fmt: skip
def test_a_message_quotes_a_huge_value_by_its_start(
    tmp_path, good_profile, where, value, json_path, words
):
    """A message quotes the value it refuses: a megabyte of spaces in an indicator, or an id a
    megabyte long, made a message a megabyte long, printed whole on the terminal and laid out
    whole in the window's warning. The value is cut to its start; the reason stays whole."""
    parent = good_profile
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = value
    path = write(tmp_path / "huge.json", good_profile)
    message = error_of(path)
    assert len(message) < len(str(path)) + 400, message[:300]
    assert_reported(path, "$.profiles[0]" + json_path, words, "…")


def test_a_force_file_named_in_capitals_is_read_from_the_profiles_folder(tmp_path, good_profile):
    """ "FORCE.JSON", as a Windows folder may give it, was passed over in silence on Linux: the
    force's profile was simply missing. Other files in the folder are still left alone."""
    folder = tmp_path / "profiles"
    folder.mkdir()
    write(folder / "FORCE.JSON", good_profile)
    (folder / "notes.txt").write_text("not a force file", encoding="utf-8")
    (folder / "json").write_text("{}", encoding="utf-8")
    assert [p.name for p in extra_profile_files(folder)] == ["FORCE.JSON"]
    loaded = load_profiles(extra_profile_files(folder))
    assert loaded.errors == ()
    assert "gwent-copy" in [p.id for p in loaded]


def test_a_folder_of_many_force_files_is_checked_once_not_at_every_start(
    tmp_path, good_profile, monkeypatch
):
    """Files that passed the schema are remembered by their content; only 20 were kept, so a
    force with more files had every one checked again at each start (0.85 s for 300)."""
    from pcso_interview import paths
    from pcso_interview import profiles as profiles_module

    monkeypatch.setattr(paths, "user_cache_dir", lambda: tmp_path / "cache")
    folder = tmp_path / "profiles"
    folder.mkdir()
    for n in range(30):
        write(folder / f"force-{n:02d}.json", dict(good_profile, id=f"force-{n:02d}"))
    assert load_profiles(extra_profile_files(folder)).errors == ()
    checked: list[str] = []
    remember = profiles_module._remember_valid
    monkeypatch.setattr(
        profiles_module,
        "_remember_valid",
        lambda digest: (checked.append(digest), remember(digest)),
    )
    again = load_profiles(extra_profile_files(folder))
    assert again.errors == () and len([p for p in again if p.id.startswith("force-")]) == 30
    assert checked == []  # not one file checked against the schema again
