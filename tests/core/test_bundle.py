"""Session files: export, import, tamper refusal, and merging marks scored on another laptop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import main
from pcso_interview import bundle
from pcso_interview.session import DECLARATION, Mark
from pcso_interview.store import Store
from tests.store_support import (
    indicators,
    new_session,
    profile,
    scored_session,
    sign_as,
    signed_session,
)


@pytest.fixture
def laptops(tmp_path):
    """Two databases, as on the chair's laptop (A) and a member's laptop (B)."""
    a = tmp_path / "a" / "sessions.db"
    b = tmp_path / "b" / "sessions.db"
    Store.open(a).close()
    Store.open(b).close()
    return a, b


def cli(capsys, *args: object) -> tuple[int, str, str]:
    """Run one verb; returns (exit status, stdout, stderr), and never a traceback."""
    status = main.main([str(a) for a in args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return status, captured.out, captured.err


def one_error(err: str, path: Path | None = None) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    if path is not None:
        assert str(path) in lines[0]
    return lines[0]


def file_form(db: Path, sid: str) -> dict:
    """The session as its file would hold it, read straight from a database."""
    store = Store.open(db)
    try:
        return bundle.session_to_dict(store.load(sid), store.verify(sid).stored_digest)
    finally:
        store.close()


def digest_of(db: Path, sid: str) -> str:
    store = Store.open(db)
    try:
        return store.load(sid).digest()
    finally:
        store.close()


def count_sessions(db: Path) -> int:
    store = Store.open(db)
    try:
        return store.count_sessions()
    finally:
        store.close()


def make(db: Path, build, **kwargs) -> str:
    store = Store.open(db)
    try:
        return build(store, **kwargs)
    finally:
        store.close()


@pytest.mark.parametrize("build", [scored_session, signed_session], ids=["unsigned", "signed"])
def test_export_then_import_gives_the_identical_session(laptops, tmp_path, capsys, build):
    """Moved to another database, a session is the same to the last byte of its digest."""
    a, b = laptops
    sid = make(a, build)
    out_file = tmp_path / "session.json"
    status, out, err = cli(capsys, "--db", a, "export", sid, "-o", out_file)
    assert (status, err) == (0, "")
    assert out.startswith(f"exported session {sid} (C-0001) to {out_file}")

    status, out, err = cli(capsys, "--db", b, "import", out_file)
    assert (status, err) == (0, "")
    assert out == f"{out_file}: imported session {sid} (C-0001)\n"
    assert digest_of(b, sid) == digest_of(a, sid)
    assert file_form(b, sid) == file_form(a, sid)
    assert json.loads(out_file.read_text(encoding="utf-8")) == file_form(a, sid)

    status, out, err = cli(capsys, "--db", b, "verify", sid)
    if build is signed_session:
        assert (status, err) == (0, "")
        assert out.startswith(f"MATCH session {sid}")
        status, out, err = cli(capsys, "--db", b, "verify", out_file)
        assert status == 0
        assert out.startswith(f"MATCH {out_file}")
    else:
        assert status == 1
        assert "not signed" in one_error(err)


@pytest.mark.parametrize("build", [scored_session, signed_session], ids=["unsigned", "signed"])
def test_a_welsh_medium_interview_keeps_its_language_through_a_file(
    laptops, tmp_path, capsys, build
):
    """The file says the interview was held in Welsh and the import records it; the language
    is not signed content, so the digest is the one the session had before files carried it."""
    from pcso_interview.session import digest

    a, b = laptops
    sid = make(a, build, interview_language="cy")
    out_file = tmp_path / "session.json"
    assert cli(capsys, "--db", a, "export", sid, "-o", out_file)[0] == 0
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["version"] == 3
    assert data["session"]["interview_language"] == "cy"
    assert cli(capsys, "--db", b, "import", out_file)[0] == 0
    store = Store.open(b)
    try:
        imported = store.load(sid)
        assert imported.interview_language == "cy"
        assert "interview_language" not in json.dumps(imported.signed_content())
        assert imported.digest() == digest(imported.signed_content()) == digest_of(a, sid)
    finally:
        store.close()
    if build is signed_session:
        assert data["session"]["digest"] == digest_of(a, sid)
        status, out, _ = cli(capsys, "--db", b, "verify", out_file)
        assert status == 0 and out.startswith(f"MATCH {out_file}")
    assert cli(capsys, "--db", b, "import", out_file)[1].endswith("already here and identical\n")


@pytest.mark.parametrize("build", [scored_session, signed_session], ids=["unsigned", "signed"])
def test_a_file_from_before_the_language_imports_as_before_in_english(
    laptops, tmp_path, capsys, build
):
    """A version 2 file says nothing of the language: it imports as it always did (English),
    and imported again it is still the same session, not a different one."""
    a, b = laptops
    sid = make(a, build, interview_language="cy")
    old = file_form(a, sid)
    old["version"] = 2
    del old["session"]["interview_language"]
    out_file = tmp_path / "old-session.json"
    out_file.write_text(json.dumps(old), encoding="utf-8")
    status, out, err = cli(capsys, "--db", b, "import", out_file)
    assert (status, err) == (0, "")
    assert out == f"{out_file}: imported session {sid} (C-0001)\n"
    store = Store.open(b)
    try:
        assert store.load(sid).interview_language == "en"
    finally:
        store.close()
    assert digest_of(b, sid) == digest_of(a, sid)
    status, out, _ = cli(capsys, "--db", b, "import", out_file)
    assert out == f"{out_file}: skipped, session {sid} is already here and identical\n"
    status, out, _ = cli(capsys, "--db", a, "import", out_file)  # the Welsh original
    assert out == f"{out_file}: skipped, session {sid} is already here and identical\n"


def test_a_file_naming_another_language_than_the_session_here_is_not_taken_for_it(
    laptops, tmp_path, capsys
):
    a, _ = laptops
    sid = make(a, signed_session, interview_language="cy")
    changed = file_form(a, sid)
    changed["session"]["interview_language"] = "en"
    out_file = tmp_path / "changed.json"
    out_file.write_text(json.dumps(changed), encoding="utf-8")
    status, _, err = cli(capsys, "--db", a, "import", out_file)
    assert status != 0
    assert "already here with different content" in err


def test_an_imported_signed_session_is_still_locked(laptops, tmp_path, capsys):
    """Importing does not open a back door: the copy is as locked as the original."""
    a, b = laptops
    sid = make(a, signed_session)
    out_file = tmp_path / "session.json"
    cli(capsys, "--db", a, "export", sid, "-o", out_file)
    cli(capsys, "--db", b, "import", out_file)
    store = Store.open(b)
    try:
        assert store.sheets(sid)[0]["digest"] == file_form(a, sid)["session"]["digest"]
        with pytest.raises(ValueError, match="locked"):
            store.classify(sid, "m1", indicators()[9], "contrary")
    finally:
        store.close()


def test_a_signed_session_file_saved_again_by_notepad_still_imports_and_verifies(
    laptops, tmp_path, capsys
):
    """Opened and saved in Notepad, a file gains a byte order mark and CRLF line ends: the
    content, and so the digest the panel signed, is the same, so it imports and stays
    locked."""
    a, b = laptops
    sid = make(a, signed_session)
    out_file = tmp_path / "session.json"
    cli(capsys, "--db", a, "export", sid, "-o", out_file)
    text = out_file.read_text(encoding="utf-8").replace("\n", "\r\n")
    out_file.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    status, out, err = cli(capsys, "--db", b, "import", out_file)
    assert (status, err) == (0, "")
    assert out.startswith(f"{out_file}: imported session {sid}")
    store = Store.open(b)
    try:
        assert store.verify(sid).matches
        assert store.sheets(sid)[0]["digest"] == file_form(a, sid)["session"]["digest"]
    finally:
        store.close()


def test_importing_the_same_file_again_is_skipped(laptops, tmp_path, capsys):
    a, b = laptops
    sid = make(a, signed_session)
    out_file = tmp_path / "session.json"
    cli(capsys, "--db", a, "export", sid, "-o", out_file)
    assert cli(capsys, "--db", b, "import", out_file)[0] == 0
    status, out, err = cli(capsys, "--db", b, "import", out_file)
    assert (status, err) == (0, "")
    assert out == f"{out_file}: skipped, session {sid} is already here and identical\n"
    store = Store.open(b)
    try:
        assert [e.action for e in store.audit_trail(sid)] == ["import", "status", "lock"]
    finally:
        store.close()


def test_a_different_session_with_the_same_id_is_refused(laptops, tmp_path, capsys):
    """Nothing is ever overwritten: a clash is reported and the stored session stays."""
    a, _ = laptops
    sid = make(a, scored_session)
    before = file_form(a, sid)
    out_file = tmp_path / "session.json"
    cli(capsys, "--db", a, "export", sid, "-o", out_file)
    data = json.loads(out_file.read_text(encoding="utf-8"))
    data["session"]["candidate"]["name"] = "Somebody Else"
    data["session"]["marks"][0]["classification"] = "contrary"
    out_file.write_text(json.dumps(data), encoding="utf-8")

    status, _, err = cli(capsys, "--db", a, "import", out_file)
    assert status == 1
    line = one_error(err, out_file)
    assert "already here with different content" in line
    assert "nothing was overwritten" in line
    assert file_form(a, sid) == before


@pytest.mark.parametrize(
    "tamper",
    [
        lambda s: s["marks"][0].update(note="Added after signing."),
        lambda s: s["grades"][0].update(grade=s["grades"][0]["grade"] + 1),
        lambda s: s["agreed"][0].update(rationale="Changed after signing."),
        lambda s: s["candidate"].update(name="Somebody Else"),
        lambda s: s["signoffs"][0].update(typed_name="Forged Name"),
    ],
    ids=["note", "grade", "rationale", "candidate", "signature"],
)
def test_a_tampered_signed_session_file_is_refused(laptops, tmp_path, capsys, tamper):
    """One changed word in a signed file, and the digest gives it away."""
    a, b = laptops
    sid = make(a, signed_session)
    out_file = tmp_path / "session.json"
    cli(capsys, "--db", a, "export", sid, "-o", out_file)
    data = json.loads(out_file.read_text(encoding="utf-8"))
    tamper(data["session"])
    out_file.write_text(json.dumps(data), encoding="utf-8")

    status, _, err = cli(capsys, "--db", b, "import", out_file)
    assert status == 1
    assert "refused as tampered" in one_error(err, out_file)
    assert count_sessions(b) == 0

    status, out, err = cli(capsys, "verify", out_file)
    assert (status, err) == (1, "")
    assert out.startswith(f"MISMATCH {out_file}")


def test_a_forged_file_with_its_digest_computed_again_does_not_verify(laptops, tmp_path, capsys):
    """The digest is unkeyed: whoever edits a grade can compute it again, so a file agreeing
    with itself proves nothing. verify holds it against the database's signed version."""
    a, b = laptops
    sid = make(a, signed_session)
    out_file = tmp_path / "session.json"
    cli(capsys, "--db", a, "export", sid, "-o", out_file)
    data = json.loads(out_file.read_text(encoding="utf-8"))
    for grade in data["session"]["grades"]:
        grade["grade"] = 5
    forged_digest = bundle.session_from_dict(data).digest()
    data["session"]["digest"] = forged_digest
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(data), encoding="utf-8")

    status, out, err = cli(capsys, "--db", a, "verify", forged)
    assert (status, err) == (1, "")
    assert out == (
        f"MISMATCH {forged}: session {sid} version 1: the content gives {forged_digest}, but"
        f" this database's signed version 1 is {digest_of(a, sid)}\n"
    )
    status, out, _ = cli(capsys, "--db", b, "verify", forged)  # a database without it
    assert status == 1
    assert out.startswith(f"MISMATCH {forged}: session {sid} version 1: no session {sid} in")
    assert cli(capsys, "--db", a, "verify", out_file)[:2] == (
        0,
        f"MATCH {out_file}: session {sid} version 1 sha256 {digest_of(a, sid)}\n",
    )


def test_a_genuine_file_of_a_version_reopened_since_is_not_current(laptops, tmp_path, capsys):
    a, _ = laptops
    sid = make(a, signed_session)
    out_file = tmp_path / "session.json"
    cli(capsys, "--db", a, "export", sid, "-o", out_file)
    store = Store.open(a)
    try:
        store.reopen(sid, "Appeal upheld.", "HR Un")
    finally:
        store.close()
    status, out, _ = cli(capsys, "--db", a, "verify", out_file)
    assert status == 3
    assert out.startswith(f"NOT CURRENT {out_file}: session {sid} version 1: signed on ")
    assert out.endswith("the session is reopened at version 2 since\n")


def exported(a: Path, tmp_path: Path, capsys) -> tuple[str, Path, dict]:
    sid = make(a, scored_session)
    out_file = tmp_path / "session.json"
    cli(capsys, "--db", a, "export", sid, "-o", out_file)
    return sid, out_file, json.loads(out_file.read_text(encoding="utf-8"))


def edited(change):
    """A spoiler that edits the exported data, then writes it back as JSON."""

    def spoil(data: dict) -> bytes:
        change(data)
        return json.dumps(data).encode("utf-8")

    return spoil


SIG = {
    "member": "m1",
    "method": "typed",
    "typed_name": "Ann Chair",
    "signature_png_b64": "",
    "signed_at": "2025-03-03T10:00:00Z",
    "declaration": DECLARATION,
}
SPOILED = {
    "not-json": (lambda d: b"{not json", "not valid JSON"),
    "not-utf8": (lambda d: b"\xc3\x28\x00garbage", "not UTF-8 text"),
    "not-a-session": (lambda d: b"[1, 2, 3]", "not a pcso-interview session"),
    "missing-field": (
        edited(lambda d: d["session"].pop("candidate")),
        "'candidate' is a required property",
    ),
    "bad-status": (edited(lambda d: d["session"].update(status="lost")), "$.session.status"),
    "bad-date": (edited(lambda d: d["session"].update(date="3 March 2025")), "$.session.date"),
    "non-member": (
        edited(lambda d: d["session"]["marks"][0].update(member="m9")),
        "a mark names 'm9', not a panel member",
    ),
    "off-scale": (
        edited(lambda d: d["session"]["grades"][0].update(grade=9)),
        "9 is not a grade on this scale",
    ),
    "unknown-indicator": (
        edited(lambda d: d["session"]["marks"][0].update(indicator="x-1")),
        "unknown indicator 'x-1'",
    ),
    "newer-format": (
        edited(lambda d: d.update(version=bundle.FORMAT_VERSION + 1)),
        "newer version of pcso-interview",
    ),
    "signed-without-signatures": (
        edited(lambda d: d["session"].update(status="signed")),
        "marked signed, but Ann Chair, Bob Member has not signed it",
    ),
    "signed-twice": (
        edited(lambda d: d["session"].update(status="awaiting_signoff", signoffs=[SIG, SIG])),
        "'m1' signs twice",
    ),
}


@pytest.mark.parametrize("case", list(SPOILED))
def test_invalid_files_are_refused_naming_the_file(laptops, tmp_path, capsys, case):
    """A bad file is refused with its name and the reason; the database stays empty."""
    a, b = laptops
    _, out_file, data = exported(a, tmp_path, capsys)
    spoil, message = SPOILED[case]
    out_file.write_bytes(spoil(data))
    status, _, err = cli(capsys, "--db", b, "import", out_file)
    assert status == 1
    assert message in one_error(err, out_file)
    assert count_sessions(b) == 0


def test_a_missing_file_is_refused_and_the_others_still_imported(laptops, tmp_path, capsys):
    """One bad file among several: the good ones are imported, the exit status says 1."""
    a, b = laptops
    sid, out_file, _ = exported(a, tmp_path, capsys)
    missing = tmp_path / "missing.json"
    status, out, err = cli(capsys, "--db", b, "import", missing, out_file)
    assert status == 1
    assert "no such file" in one_error(err, missing)
    assert f"imported session {sid}" in out
    assert count_sessions(b) == 1


# --- one member's marks from another laptop ----------------------------------------------------


@pytest.fixture
def shared(laptops, tmp_path, capsys):
    """The session is created on A and copied to B, where Bob (m2) scores."""
    a, b = laptops
    sid = make(a, new_session)
    store = Store.open(a)
    store.classify(sid, "m1", indicators()[0], "demonstrated")
    store.close()
    session_file = tmp_path / "session.json"
    assert cli(capsys, "--db", a, "export", sid, "-o", session_file)[0] == 0
    assert cli(capsys, "--db", b, "import", session_file)[0] == 0
    store = Store.open(b)
    ind = indicators()
    for n, indicator in enumerate(ind[:6]):
        store.classify(sid, "m2", indicator, ("demonstrated", "partly", "contrary")[n % 3])
    store.note(sid, "m2", ind[1], "Rhoddodd enghraifft dda.")
    store.area_note(sid, "m2", profile().planned_areas[0].id, "Bob's view of the area")
    for area in profile().planned_areas:
        store.grade(sid, "m2", area.id, 3)
    store.close()
    marks_file = tmp_path / "bob-marks.json"
    status, out, err = cli(capsys, "--db", b, "export", sid, "--member", "m2", "-o", marks_file)
    assert (status, err) == (0, "")
    assert out.startswith(f"exported m2's marks {sid}")
    return a, b, sid, marks_file


def member_part(db: Path, sid: str, member: str):
    store = Store.open(db)
    try:
        s = store.load(sid)
    finally:
        store.close()
    return (
        {k: v for k, v in s.marks.items() if k[0] == member},
        {k: v for k, v in s.area_notes.items() if k[0] == member},
        {k: v for k, v in s.grades.items() if k[0] == member},
    )


def test_a_members_marks_merge_into_the_chairs_session(shared, capsys):
    """Bob scored on his own laptop; his marks join the session on the chair's laptop."""
    a, b, sid, marks_file = shared
    assert member_part(a, sid, "m2") == ({}, {}, {})
    ann_before = member_part(a, sid, "m1")

    status, out, err = cli(capsys, "--db", a, "import", marks_file)
    assert (status, err) == (0, "")
    assert out == f"{marks_file}: merged the marks of Bob Member into session {sid}\n"
    assert member_part(a, sid, "m2") == member_part(b, sid, "m2")
    assert len(member_part(a, sid, "m2")[2]) == len(profile().planned_areas)
    assert member_part(a, sid, "m1") == ann_before
    store = Store.open(a)
    try:
        last = store.audit_trail(sid)
        merges = [e for e in last if e.action == "merge marks"]
        assert [(e.subject, e.new) for e in merges] == [("m2", "6 marks, 1 notes, 10 grades")]
    finally:
        store.close()

    status, out, _ = cli(capsys, "--db", a, "import", marks_file)  # again: nothing new, no clash
    assert status == 0
    assert out.endswith(f"merged the marks of Bob Member into session {sid}\n")
    assert member_part(a, sid, "m2") == member_part(b, sid, "m2")


def test_conflicting_marks_are_listed_and_nothing_is_imported(shared, capsys):
    """A differs from Bob's file on one indicator: the clash is listed, no mark is taken."""
    a, _, sid, marks_file = shared
    clash = indicators()[2]  # Bob marked it contrary on his laptop
    store = Store.open(a)
    store.classify(sid, "m2", clash, "demonstrated")
    store.close()
    before = member_part(a, sid, "m2")
    assert before == ({("m2", clash): Mark("demonstrated")}, {}, {})

    status, _, err = cli(capsys, "--db", a, "import", marks_file)
    assert status == 1
    line = one_error(err, marks_file)
    assert "1 conflict(s), nothing imported" in line
    assert f"Bob Member, indicator {clash}: here demonstrated" in line
    assert "in the file contrary" in line
    assert member_part(a, sid, "m2") == before


def test_member_marks_for_an_unknown_session_or_member_are_refused(shared, tmp_path, capsys):
    a, _, sid, marks_file = shared
    empty = tmp_path / "empty" / "sessions.db"
    status, _, err = cli(capsys, "--db", empty, "import", marks_file)
    assert status == 1
    assert "import the session first" in one_error(err, marks_file)

    data = json.loads(marks_file.read_text(encoding="utf-8"))
    data["member"]["id"] = "m7"
    stranger = tmp_path / "stranger.json"
    stranger.write_text(json.dumps(data), encoding="utf-8")
    status, _, err = cli(capsys, "--db", a, "import", stranger)
    assert status == 1
    assert "No panel member 'm7'" in one_error(err, stranger)

    data = json.loads(marks_file.read_text(encoding="utf-8"))
    data["marks"][0]["member"] = "m1"
    mixed = tmp_path / "mixed.json"
    mixed.write_text(json.dumps(data), encoding="utf-8")
    status, _, err = cli(capsys, "--db", a, "import", mixed)
    assert status == 1
    assert "more than one member" in one_error(err, mixed)
    assert member_part(a, sid, "m2") == ({}, {}, {})


def test_member_marks_cannot_change_a_signed_session(laptops, tmp_path, capsys):
    """Once the chair's copy is signed, a late marks file is refused."""
    a, b = laptops
    sid = make(a, scored_session)
    session_file = tmp_path / "session.json"
    cli(capsys, "--db", a, "export", sid, "-o", session_file)
    cli(capsys, "--db", b, "import", session_file)
    store = Store.open(b)
    store.note(sid, "m2", indicators()[30], "late note")
    store.close()
    marks_file = tmp_path / "marks.json"
    cli(capsys, "--db", b, "export", sid, "--member", "m2", "-o", marks_file)
    store = Store.open(a)
    for member in store.load(sid).panel:
        sign_as(store, sid, member.id, typed_name=member.name)
    store.close()
    status, _, err = cli(capsys, "--db", a, "import", marks_file)
    assert status == 1
    assert "locked" in one_error(err)
    store = Store.open(a)
    try:
        assert store.verify(sid).matches
    finally:
        store.close()


def test_changing_a_file_form_never_changes_the_record_it_was_made_from(tmp_path):
    """The file form's profile is a copy all the way down: it shared the kept session's lists,
    so a caller that changed a weight in it changed the session in memory, and its next digest
    (and sheet) with it, though the database held the same record."""
    from tests.store_support import signed_session as make_signed

    store = Store.open(tmp_path / "sessions.db")
    try:
        session_id = make_signed(store)
        before = store.load(session_id)
        digest = before.digest()
        form = bundle.session_to_dict(before)
        areas = form["session"]["profile"]["areas"]
        areas[0]["weight"] = 99
        areas.append({"id": "invented"})
        after = store.load(session_id)  # the session the connection keeps
        assert after.digest() == digest and after.record_verified
        assert dict(after.profile_snapshot) == dict(before.profile_snapshot)
    finally:
        store.close()
