"""Imports check everything (issue 10, item 6): every refusal is one line, and changes nothing.

Each test drives the real command line (``main.main``) against a private copy of a database
built once for the module, then reads the database as another process would: a refused file
adds no session, no mark and no audit row.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

import main
from pcso_interview import jsonfiles
from pcso_interview.profiles import PROFILES_FORMAT, load_profiles
from pcso_interview.store import Store
from tests.cli_support import cli, fails
from tests.store_support import (
    indicators,
    new_session,
    profile,
    read,
    scored_session,
    signed_session,
)

pytestmark = pytest.mark.usefixtures("empty_user_profiles")

SIGNED_REF = "SIGNED-01"
OPEN_REF = "OPEN-02"
SHARED_REF = "SHARED-03"
OTHER_REF = "OTHER-04"

# Every table an import could write to; "unchanged" means every row of each is as before.
TABLES = ("sessions", "members", "questions", "marks", "area_notes", "grades", "agreed")
TABLES += ("signoffs", "sheets", "audit")


def run(*args: object) -> None:
    """A verb run while building the module's databases (no capsys there): it must succeed."""
    assert main.main([str(a) for a in args]) == 0, args


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Laptop A (the chair's) and laptop B (a member's), and the files exported from A.

    A holds a signed session, an unsigned scored session (never copied to B) and a shared
    session. The shared session was copied to B while only Ann (m1) had marked it; Bob (m2)
    then marked it on A, and his marks were exported. B also holds a session of another
    candidate.
    """
    root = tmp_path_factory.mktemp("import-checks")
    a = root / "a" / "sessions.db"
    b = root / "b" / "sessions.db"
    files = root / "files"
    files.mkdir()
    first_area = profile().planned_areas[0].id
    store = Store.open(a)
    try:
        signed = signed_session(store, ref=SIGNED_REF, name="Dafydd Prydderch")
        open_ = scored_session(store, ref=OPEN_REF, name="Rhiannon Tudur")
        shared = new_session(store, ref=SHARED_REF, name="Iolo Bevan")
        store.classify(shared, "m1", indicators()[0], "demonstrated")
        store.grade(shared, "m1", first_area, 3)
    finally:
        store.close()
    run("--db", a, "export", shared, "-o", files / "shared-m1-only.json")
    run("--db", b, "import", files / "shared-m1-only.json")
    store = Store.open(a)
    try:
        for n, indicator in enumerate(indicators()[:4]):
            store.classify(shared, "m2", indicator, ("demonstrated", "partly")[n % 2])
        store.area_note(shared, "m2", first_area, "Bob's view of the area")
        for area in profile().planned_areas:
            store.grade(shared, "m2", area.id, 4)
    finally:
        store.close()
    store = Store.open(b)
    try:
        other = new_session(store, ref=OTHER_REF, name="Elin Morgan")
    finally:
        store.close()
    run("--db", a, "export", signed, "-o", files / "signed.json")
    run("--db", a, "export", open_, "-o", files / "open.json")
    run("--db", a, "export", shared, "--member", "m2", "-o", files / "m2-marks.json")
    return {
        "a": a,
        "b": b,
        "files": files,
        "signed": signed,
        "open": open_,
        "shared": shared,
        "other": other,
    }


@pytest.fixture
def target(built, tmp_path) -> Path:
    """A private copy of laptop B's database for one test."""
    path = tmp_path / "b" / "sessions.db"
    path.parent.mkdir()
    shutil.copyfile(built["b"], path)
    return path


def state(db: Path) -> dict[str, list[tuple]]:
    """Every row an import could have written, in a stable order."""
    return {table: sorted(read(db, f"SELECT * FROM {table}"), key=repr) for table in TABLES}


def count(db: Path, table: str) -> int:
    return read(db, f"SELECT COUNT(*) FROM {table}")[0][0]


def loaded(built, name: str) -> dict:
    return json.loads((built["files"] / name).read_text(encoding="utf-8"))


def write(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def refused_import(capsys, db: Path, path: Path) -> str:
    """`import FILE` fails in one line naming the file, and the database is as it was."""
    before = state(db)
    sessions, audit = count(db, "sessions"), count(db, "audit")
    line = fails(capsys, "--db", db, "import", path)
    assert str(path) in line
    assert (count(db, "sessions"), count(db, "audit")) == (sessions, audit)
    assert state(db) == before
    return line


def other_grade(grade: int) -> int:
    values = profile().scale.values
    return next(v for v in values if v != grade)


# --- 1. signatures say what they signed --------------------------------------------------------


def unsigned_again(data: dict) -> dict:
    """A signed session file edited by hand to look as if it still awaits its signatures."""
    data["session"]["status"] = "awaiting_signoff"
    data["session"]["digest"] = ""
    return data


def test_the_genuine_signed_file_imports(built, target, capsys):
    """Positive control for the refusals below: the file as exported is accepted."""
    path = built["files"] / "signed.json"
    status, out, err = cli(capsys, "--db", target, "import", path)
    assert (status, err) == (0, "")
    assert out == f"{path}: imported session {built['signed']} ({SIGNED_REF})\n"
    assert count(target, "sessions") == 3


def test_a_signature_made_on_other_content_is_refused(built, target, tmp_path, capsys):
    """Signed, then set back to awaiting sign-off with an agreed grade changed: refused."""
    data = unsigned_again(loaded(built, "signed.json"))
    agreed = data["session"]["agreed"][0]
    agreed["grade"] = other_grade(agreed["grade"])
    path = write(tmp_path / "regraded.json", data)
    line = refused_import(capsys, target, path)
    assert "the signature of Ann Chair was made on other content" in line
    assert "changed after it was signed" in line


def test_a_signature_that_does_not_say_what_it_signed_is_refused(built, target, tmp_path, capsys):
    data = unsigned_again(loaded(built, "signed.json"))
    for signoff in data["session"]["signoffs"]:
        del signoff["content_digest"]
    path = write(tmp_path / "no-content-digest.json", data)
    line = refused_import(capsys, target, path)
    assert "the signature of Ann Chair does not say what content it signed" in line


def test_a_signed_session_without_a_digest_is_refused(built, target, tmp_path, capsys):
    data = loaded(built, "signed.json")
    assert data["session"]["status"] == "signed"
    data["session"]["digest"] = ""
    path = write(tmp_path / "no-digest.json", data)
    line = refused_import(capsys, target, path)
    assert "refused: the session is marked signed but carries no digest" in line


def test_a_signed_session_set_back_to_awaiting_sign_off_is_refused(built, target, tmp_path, capsys):
    """Nothing else changed: every signature still matches, but the last signature locks a
    session, so a file with all of them and no lock was set back by hand (and would let the
    chair clear the signatures instead of HR reopening it)."""
    data = loaded(built, "signed.json")
    data["session"]["status"] = "awaiting_signoff"
    data["session"]["digest"] = ""
    path = write(tmp_path / "set-back.json", data)
    line = refused_import(capsys, target, path)
    assert "every member has signed, but the session is not marked signed" in line


# --- 2. the profile inside a session file is a force file's profile ----------------------------

LINE = re.compile(r"^error: (?P<file>.+?): at (?P<where>\$\S*): (?P<message>.+)$")


def set_weight(prof: dict) -> None:
    prof["interview_plan"][0]["weight"] = 1.25


def set_pass_mark(prof: dict) -> None:
    prof["outcome_rule"]["pass_mark_percent"] = 500


PROFILE_EDITS = {
    "weight-1.25": (
        set_weight,
        ".interview_plan[0].weight",
        "weight 1.25 has more than 1 decimal place",
    ),
    "pass-mark-500": (
        set_pass_mark,
        ".outcome_rule.pass_mark_percent",
        "a pass mark of 500% of the maximum can never be reached",
    ),
}


def force_file(path: Path, prof: dict) -> Path:
    return write(path, {"format": PROFILES_FORMAT, "version": 1, "profiles": [prof]})


def test_the_unedited_profile_of_a_session_file_is_a_valid_force_file(built, tmp_path, capsys):
    """Control for the comparison below: only the edit makes `profiles --check` fail."""
    prof = loaded(built, "open.json")["session"]["profile"]
    prof["id"] = "test-force-snapshot"
    path = force_file(tmp_path / "snapshot.json", prof)
    status, out, err = cli(capsys, "profiles", "--check", path)
    assert (status, err) == (0, "")
    assert out == f"{path}: valid, 1 profile(s): test-force-snapshot\n"


@pytest.mark.parametrize("edit", list(PROFILE_EDITS))
def test_a_session_files_profile_is_checked_like_profiles_check(
    built, target, tmp_path, capsys, edit
):
    """The same bad profile gives the same one line, in a session file or in a force file."""
    change, where, message = PROFILE_EDITS[edit]
    data = loaded(built, "open.json")
    change(data["session"]["profile"])
    session_file = write(tmp_path / "session.json", data)
    line = refused_import(capsys, target, session_file)
    found = LINE.match(line)
    assert found, line
    assert found["file"] == str(session_file)
    assert found["where"] == f"$.session.profile{where}"
    assert found["message"] == message

    prof = loaded(built, "open.json")["session"]["profile"]
    change(prof)
    profiles_file = force_file(tmp_path / "force.json", prof)
    check_line = fails(capsys, "profiles", "--check", profiles_file)
    checked = LINE.match(check_line)
    assert checked, check_line
    assert checked["file"] == str(profiles_file)
    assert checked["where"] == f"$.profiles[0]{where}"
    assert checked["message"] == found["message"]


def test_a_decimal_written_as_a_number_in_a_session_files_profile_is_refused(
    built, target, tmp_path, capsys
):
    """A force file may write a weight of 1.5; the copy a session keeps holds it as "1.5" (the
    digest's canonical JSON has no floats), so a number there was written by someone else."""
    data = loaded(built, "open.json")
    data["session"]["profile"]["interview_plan"][0]["weight"] = 1.5
    path = write(tmp_path / "float-weight.json", data)
    line = refused_import(capsys, target, path)
    assert line == (
        f"error: {path}: at $.session.profile.interview_plan[0].weight: canonical JSON holds"
        ' integers and strings only, not 1.5 (the app writes a decimal as text, e.g. "1.5")'
    )
    data["session"]["profile"]["interview_plan"][0]["weight"] = "1.5"
    status, _, err = cli(capsys, "--db", target, "import", write(tmp_path / "text.json", data))
    assert (status, err) == (0, "")


def test_the_unedited_unsigned_session_file_imports(built, target, capsys):
    """Control for the profile refusals: the same file, unedited, is imported."""
    path = built["files"] / "open.json"
    status, out, err = cli(capsys, "--db", target, "import", path)
    assert (status, err) == (0, "")
    assert out == f"{path}: imported session {built['open']} ({OPEN_REF})\n"


# --- 3. a member's marks belong to that member and that candidate ------------------------------


def marks_of(db: Path, session_id: str, member: str) -> tuple[list, list, list]:
    return tuple(
        read(db, f"SELECT * FROM {t} WHERE session_id = ? AND member_id = ?", [session_id, member])
        for t in ("marks", "area_notes", "grades")
    )


def test_the_genuine_member_marks_file_merges(built, target, capsys):
    """Positive control: Bob's marks from A join the copy on B that had only Ann's."""
    shared = built["shared"]
    assert marks_of(target, shared, "m2") == ([], [], [])
    audit = count(target, "audit")
    path = built["files"] / "m2-marks.json"
    status, out, err = cli(capsys, "--db", target, "import", path)
    assert (status, err) == (0, "")
    assert out == f"{path}: merged the marks of Bob Member into session {shared}\n"
    marks, notes, grades = marks_of(target, shared, "m2")
    assert (len(marks), len(notes), len(grades)) == (4, 1, len(profile().planned_areas))
    assert marks_of(target, shared, "m2") == marks_of(built["a"], shared, "m2")
    assert count(target, "audit") > audit


def test_member_marks_re_pointed_at_another_candidate_are_refused(built, target, tmp_path, capsys):
    data = loaded(built, "m2-marks.json")
    assert data["candidate_ref"] == SHARED_REF
    data["session_id"] = built["other"]
    path = write(tmp_path / "re-pointed.json", data)
    line = refused_import(capsys, target, path)
    assert f"the marks are for candidate {SHARED_REF!r}" in line
    assert f"session {built['other']} is candidate {OTHER_REF!r}" in line


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", "Bobby Imposter"), ("number", "9999")],
)
def test_member_marks_by_someone_else_are_refused(built, target, tmp_path, capsys, field, value):
    data = loaded(built, "m2-marks.json")
    data["member"][field] = value
    path = write(tmp_path / f"{field}-changed.json", data)
    line = refused_import(capsys, target, path)
    named = {"name": "Bob Member", "number": "2002"} | {field: value}
    assert f"the marks are by {named['name']} ({named['number']})" in line
    assert "but member m2 of this session is Bob Member (2002)" in line


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (2, "at $.member: 'number' is missing"),
        (1, "the file does not give the member's staff or collar number"),
    ],
)
def test_member_marks_without_a_number_are_refused(
    built, target, tmp_path, capsys, version, message
):
    data = loaded(built, "m2-marks.json")
    del data["member"]["number"]
    data["version"] = version
    path = write(tmp_path / f"no-number-v{version}.json", data)
    assert message in refused_import(capsys, target, path)


# --- 4. bounds: depth, digits and size ---------------------------------------------------------

BAD_JSON = {
    "deep": ("[" * 100_000 + "]" * 100_000, "nested more than 64 levels deep"),
    # One level past the bound, far inside Python's recursion limit: only the bound refuses it.
    "65-deep": ("[" * 65 + "]" * 65, "nested more than 64 levels deep"),
    "huge-number": (
        '{"format": "pcso-interview-session", "version": 2, "session": {"version": '
        + "7" * 5000
        + "}}",
        "a number with 5000 digits (at most 15)",
    ),
}
VERBS = {
    "import": ("import",),
    "verify": ("verify",),
    "profiles-check": ("profiles", "--check"),
}


@pytest.mark.parametrize("verb", list(VERBS))
@pytest.mark.parametrize("kind", list(BAD_JSON))
def test_out_of_bounds_json_is_one_clear_line(target, tmp_path, capsys, verb, kind):
    """No RecursionError, no ValueError from int(): one line naming the file and the bound."""
    text, message = BAD_JSON[kind]
    path = tmp_path / f"{kind}.json"
    path.write_text(text, encoding="utf-8")
    before = state(target)
    limit = sys.getrecursionlimit()
    line = fails(capsys, "--db", target, *VERBS[verb], path)
    assert line.startswith(f"error: {path}: ")
    assert line.endswith(message)
    assert state(target) == before
    assert sys.getrecursionlimit() == limit


@pytest.mark.parametrize("verb", ["import", "verify"])
def test_a_session_file_over_the_size_bound_is_refused(
    built, target, tmp_path, capsys, monkeypatch, verb
):
    """A genuine file, padded past the (lowered) bound: refused before it is parsed."""
    monkeypatch.setattr(jsonfiles, "SESSION_FILE_BYTES", 1024 * 1024)
    genuine = (built["files"] / "open.json").read_bytes()
    assert len(genuine) < jsonfiles.SESSION_FILE_BYTES
    path = tmp_path / "padded.json"
    path.write_bytes(genuine + b" " * jsonfiles.SESSION_FILE_BYTES)
    before = state(target)
    line = fails(capsys, "--db", target, verb, path)
    assert line == f"error: {path}: larger than 1 MB"
    assert state(target) == before


def test_a_force_file_over_the_size_bound_is_refused(builtin_data, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(jsonfiles, "PROFILE_FILE_BYTES", 1024 * 1024)
    good = profile_file(tmp_path / "good.json", builtin_data, "test-force-a")
    assert cli(capsys, "profiles", "--check", good)[0] == 0
    path = tmp_path / "padded.json"
    path.write_bytes(good.read_bytes() + b" " * jsonfiles.PROFILE_FILE_BYTES)
    assert fails(capsys, "profiles", "--check", path) == f"error: {path}: at $: larger than 1 MB"


# --- 5. the app's profile loading survives bad files ------------------------------------------


def profile_file(path: Path, builtin_data: dict, new_id: str) -> Path:
    """A small valid force file: one built-in profile under a new id."""
    prof = copy.deepcopy(builtin_data["profiles"][0])
    prof["id"] = new_id
    prof["force"] = "Example Constabulary"
    return force_file(path, prof)


def test_load_profiles_keeps_the_good_files_and_reports_each_bad_one(builtin_data, tmp_path):
    good_a = profile_file(tmp_path / "a.json", builtin_data, "test-force-a")
    good_b = profile_file(tmp_path / "b.json", builtin_data, "test-force-b")
    deep = tmp_path / "deep.json"
    deep.write_text(BAD_JSON["deep"][0], encoding="utf-8")
    huge = tmp_path / "huge-number.json"
    huge.write_text(BAD_JSON["huge-number"][0], encoding="utf-8")
    builtin_ids = [p["id"] for p in builtin_data["profiles"]]

    result = load_profiles([good_a, deep, huge, good_b])
    assert [p.id for p in result] == [*builtin_ids, "test-force-a", "test-force-b"]
    assert [(e.file, e.json_path, e.message) for e in result.errors] == [
        (str(deep), "$", BAD_JSON["deep"][1]),
        (str(huge), "$", BAD_JSON["huge-number"][1]),
    ]
    assert str(result.errors[0]).startswith(f"{deep}: ")

    again = load_profiles([good_a, deep, huge, good_b])  # nothing was spoiled by the bad files
    assert [p.id for p in again] == [p.id for p in result]
    assert again.errors == result.errors
    clean = load_profiles([good_b, good_a])
    assert [p.id for p in clean] == [*builtin_ids, "test-force-b", "test-force-a"]
    assert clean.errors == ()
    assert clean.get("test-force-a").force == "Example Constabulary"


# --- numbers --------------------------------------------------------------------------------------
# A whole number written as a float (3.0, 3E0) is not an integer here: JSON Schema alone would let
# it through to the digest, whose canonical JSON holds integers and strings only.


def float_grade(session: dict) -> None:
    session["grades"][0]["grade"] = 3.0


def float_agreed_awaiting_signoff(session: dict) -> None:
    session.update(status="awaiting_signoff", digest="")
    session["agreed"][0]["grade"] = 3.0


FLOAT_CASES = {
    "signed-import": ("import", float_grade),
    "signed-verify": ("verify", float_grade),
    "awaiting-signoff-import": ("import", float_agreed_awaiting_signoff),
}


@pytest.mark.parametrize("case", list(FLOAT_CASES))
def test_a_whole_number_written_as_a_float_is_one_clear_line(built, target, tmp_path, capsys, case):
    verb, change = FLOAT_CASES[case]
    data = loaded(built, "signed.json")
    assert data["session"]["grades"][0]["grade"] == 3
    change(data["session"])
    path = write(tmp_path / "float-grade.json", data)
    before = state(target)
    line = fails(capsys, "--db", target, verb, path)
    assert line.startswith(f"error: {path}: ")
    assert "3.0" in line
    assert state(target) == before


# --- 6. a session file's details follow the rule of a session set up here ---------------------

REFUSED_AS_WRITTEN = "a session file is imported exactly as written, never corrected"


def forged(data: dict) -> dict:
    """A session file edited, then its digests worked out again, as anyone with the format's
    documentation can: the digest cannot refuse it, only the content's own checks can."""
    from pcso_interview import bundle

    session = bundle.session_from_dict(data)
    for signoff in data["session"]["signoffs"]:
        signoff["content_digest"] = session.content_digest()
    if data["session"]["status"] == "signed":
        data["session"]["digest"] = session.digest()
        assert bundle.check_signed_digest(data).matches
    return data


def edited(built, name: str, change) -> dict:
    data = loaded(built, name)
    change(data["session"])
    return forged(data)


FILES = {"signed": "signed.json", "unsigned": "open.json"}


@pytest.mark.parametrize("day", ["2026-02-30", "0000-00-00"])
@pytest.mark.parametrize("kind", list(FILES))
def test_a_session_file_with_a_day_not_on_the_calendar_is_refused(
    built, target, tmp_path, capsys, kind, day
):
    """The schema's pattern passes 2026-02-30; stored, `check` said OK and `pdf` crashed."""
    data = edited(built, FILES[kind], lambda s: s.update(date=day))
    path = write(tmp_path / f"{kind}-{day}.json", data)
    line = refused_import(capsys, target, path)
    assert line == (
        f"error: {path}: refused: Interview date: {day!r} is not a real date; {REFUSED_AS_WRITTEN}"
    )


def set_member(index: int, **values: str):
    return lambda s: s["panel"][index].update(values)


def set_candidate(**values: str):
    return lambda s: s["candidate"].update(values)


# What a file may hold that a session set up here never could: each with the field it names.
BAD_DETAILS = {
    "reference-spaced": (
        set_candidate(reference=" R-4 "),
        "Candidate reference: begins or ends with a space",
    ),
    "name-blank": (set_candidate(name="   "), "Candidate name: empty, or only spaces"),
    "member-blank": (set_member(1, name=" "), "Panel member 2 name: empty, or only spaces"),
    "name-nul": (
        set_candidate(name="Dafydd\x00Prydderch"),
        "Candidate name: holds a control or invisible character (U+0000 at character 7)",
    ),
    "name-newline": (
        set_candidate(name="Dafydd\nPrydderch"),
        "Candidate name: holds a control or invisible character (U+000A at character 7)",
    ),
    "reference-tab": (
        set_candidate(reference="R-\t4"),
        "Candidate reference: holds a control or invisible character (U+0009 at character 3)",
    ),
    "venue-escape": (
        lambda s: s.update(venue="\x1b[2JRoom 1"),
        "Venue: holds a control or invisible character (U+001B at character 1)",
    ),
    "member-override": (
        set_member(0, name="Ann \u202eriahC"),
        "Panel member 1 name: holds a control or invisible character (U+202E at character 5)",
    ),
    "member-isolate": (
        set_member(1, name="Bob \u2066Member\u2069"),
        "Panel member 2 name: holds a control or invisible character (U+2066 at character 5)",
    ),
    "number-escape": (
        set_member(1, number="20\x1b02"),
        "Panel member 2 staff or collar number: holds a control or invisible character"
        " (U+001B at character 3)",
    ),
    "name-8000": (
        set_candidate(name="W" * 8000),
        "Candidate name: 8000 characters, more than the 200 allowed",
    ),
    "name-201": (
        set_candidate(name="W" * 201),
        "Candidate name: 201 characters, more than the 200 allowed",
    ),
    "venue-8000-spaced": (
        lambda s: s.update(venue="Room " * 1600),
        "Venue: begins or ends with a space",
    ),
    "venue-long": (
        lambda s: s.update(venue="Room " * 1600 + "1"),
        "Venue: 8001 characters, more than the 200 allowed",
    ),
    "member-1500": (
        set_member(0, name="A" * 1500),
        "Panel member 1 name: 1500 characters, more than the 120 allowed",
    ),
    "reference-65": (
        set_candidate(reference="R" * 65),
        "Candidate reference: 65 characters, more than the 64 allowed",
    ),
}


@pytest.mark.parametrize("kind", list(FILES))
@pytest.mark.parametrize("bad", list(BAD_DETAILS))
def test_a_session_file_with_details_a_set_up_would_refuse_is_refused_as_written(
    built, target, tmp_path, capsys, bad, kind
):
    """Refused, never cleaned: the file may be signed, and its digest covers these fields."""
    change, problem = BAD_DETAILS[bad]
    path = write(tmp_path / f"{bad}.json", edited(built, FILES[kind], change))
    line = refused_import(capsys, target, path)
    assert line == f"error: {path}: refused: {problem}; {REFUSED_AS_WRITTEN}"


def test_a_lone_surrogate_in_a_session_file_is_refused(built, target, tmp_path, capsys):
    """JSON can write half a UTF-16 pair ('\\ud800'); it is not text, and nothing can keep it."""
    data = loaded(built, "open.json")
    data["session"]["candidate"]["name"] = "Rhiannon\ud800"
    path = tmp_path / "surrogate.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # ASCII: the pair half as \ud800
    line = refused_import(capsys, target, path)
    assert line == (
        f"error: {path}: refused: Candidate name: holds a control or invisible character"
        f" (U+D800 at character 9); {REFUSED_AS_WRITTEN}"
    )


def test_half_a_character_in_a_session_files_profile_is_refused_not_a_crash(
    built, target, tmp_path, capsys
):
    """Half a UTF-16 pair in the copy of the profile a session file carries stopped the import
    with a traceback (no digest can be worked out over it); it is refused in one line naming
    where it is. A tab there, which a force file of the time may have held, is text the
    session was made and signed with, and still imports."""
    data = loaded(built, "open.json")
    indicator = data["session"]["profile"]["areas"][0]["indicators"][0]
    text = indicator["text"]
    indicator["text"] = text + "\ud800"
    path = tmp_path / "surrogate.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # ASCII: the pair half as \ud800
    line = refused_import(capsys, target, path)
    assert line.startswith(
        f"error: {path}: at $.session.profile.areas[0].indicators[0].text: holds a control or"
        f" invisible character (U+D800 at character {len(text) + 1})"
    )
    indicator["text"] = text + "\t"
    status, _, err = cli(capsys, "--db", target, "import", write(tmp_path / "tab.json", data))
    assert status == 0, err


def test_a_signed_session_file_with_details_at_their_limits_imports_and_prints(
    built, target, tmp_path, capsys
):
    """Control for the refusals above, and the sheet: every detail at its longest, signed,
    imports, `check` passes and `pdf` writes its sheet."""
    from pcso_interview.session import (
        MAX_CANDIDATE_NAME,
        MAX_MEMBER_NAME,
        MAX_NUMBER,
        MAX_REFERENCE,
        MAX_VENUE,
    )

    def longest(s: dict) -> None:
        s["candidate"].update(name="W" * MAX_CANDIDATE_NAME, reference="R" * MAX_REFERENCE)
        s["venue"] = "V" * MAX_VENUE
        for n, member in enumerate(s["panel"]):
            member.update(name=str(n) + "M" * (MAX_MEMBER_NAME - 1), number="9" * MAX_NUMBER)
        for signoff in s["signoffs"]:
            member = next(m for m in s["panel"] if m["id"] == signoff["member"])
            signoff["typed_name"] = member["name"]

    path = write(tmp_path / "longest.json", edited(built, "signed.json", longest))
    status, out, err = cli(capsys, "--db", target, "import", path)
    assert (status, err) == (0, "")
    assert out == f"{path}: imported session {built['signed']} ({'R' * MAX_REFERENCE})\n"
    status, out, err = cli(capsys, "--db", target, "check")
    assert (status, err) == (0, "")
    sheets = tmp_path / "sheets"
    status, out, err = cli(capsys, "--db", target, "pdf", built["signed"], "-o", sheets)
    assert (status, err) == (0, f"1 sheet(s) written to {sheets}\n")
    [sheet] = sheets.glob("*.pdf")
    assert sheet.read_bytes().startswith(b"%PDF")
