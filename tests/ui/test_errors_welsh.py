"""The refusals a panel member or HR meets in normal use read in Welsh on a Welsh screen, from
the same phrase the core raised: the error's English (the CLI, the record, older tests) is
unchanged, word for word."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest

from pcso_interview import use_cases
from pcso_interview.lifecycle import SessionRuleError
from pcso_interview.phrases import ENGLISH, phrase_of
from pcso_interview.store import Store
from pcso_interview.store.opening import BusyDatabaseError, CorruptDatabaseError
from tests.store_support import grade_all, new_session, pin, scored_session, sign_as
from ui import labels
from ui.feedback import explain
from ui.i18n import translate

REFUSALS = [k for k in ENGLISH if k.split(".")[0] in ("error", "import", "json")]
# " ({holder})", "{path}: {problem}" and "{field}: {problem}.": only their fields are words
SAME_IN_BOTH = {"error.db.holder", "import.json", "error.detail"}


def refusal(call) -> Exception:
    with pytest.raises(Exception) as caught:
        call()
    return caught.value


def refused_import(store: Store, path: Path, data: dict, change=None) -> use_cases.Imported:
    """A copy of the file's ``data``, changed by ``change``, written to ``path`` and imported:
    refused, with a phrase to say it in the interface's language."""
    copy = json.loads(json.dumps(data))
    if change is not None:
        change(copy)
    path.write_text(json.dumps(copy), encoding="utf-8")
    [result] = use_cases.import_files(store, [path], "HR Un")
    assert not result.ok and result.phrase is not None
    return result


def in_session(change):
    """``change`` applied to a session file's "session" object."""
    return lambda data: change(data["session"])


@pytest.mark.usefixtures("welsh")
@pytest.mark.parametrize("key", REFUSALS)
def test_each_refusal_has_welsh_with_the_same_fields(key):
    welsh = translate(labels.PHRASES_CONTEXT, labels.PHRASES[key])
    fields = {f for _, f, _, _ in string.Formatter().parse(ENGLISH[key]) if f}
    assert {f for _, f, _, _ in string.Formatter().parse(welsh) if f} == fields
    if key not in SAME_IN_BOTH:
        assert welsh != ENGLISH[key]


@pytest.mark.usefixtures("welsh")
def test_a_grade_off_the_scale_and_a_locked_session_are_refused_in_welsh(store: Store):
    session_id = new_session(store)
    off = refusal(
        lambda: store.grade(session_id, "m1", store.load(session_id).planned_areas[0].id, 9)
    )
    assert str(off) == "9 is not a grade on this scale (1, 2, 3, 4, 5)."  # the core's English
    assert explain(off) == "Nid yw 9 yn radd ar y raddfa hon (1, 2, 3, 4, 5)."
    signed = scored_session(store, ref="C-0002")
    for member in store.load(signed).panel:
        sign_as(store, signed, member.id, typed_name=member.name)
    area = store.load(signed).planned_areas[0].id
    locked = refusal(lambda: store.grade(signed, "m1", area, 3))
    assert isinstance(locked, SessionRuleError)
    assert "signed off and locked" in str(locked)
    assert explain(locked) == (
        "Mae'r sesiwn hon wedi'i llofnodi a'i chloi; gall AD ei hailagor gyda rheswm."
    )


@pytest.mark.usefixtures("welsh")
def test_sign_off_refused_says_what_blocks_it_in_welsh(store: Store):
    session_id = new_session(store)
    store.set_member_secret(session_id, "m1", pin("m1"))
    refused = refusal(lambda: sign_as(store, session_id, "m1", typed_name="Ann Chair"))
    assert str(refused).startswith("Not ready for sign-off: Ann Chair has ")
    shown = explain(refused)
    assert shown.startswith("Ddim yn barod i'w llofnodi: Ann Chair: ")
    assert "dim gradd gytunedig eto." in shown and "no agreed grade" not in shown


@pytest.mark.usefixtures("welsh")
def test_a_wrong_pin_and_the_wait_after_three_read_in_welsh(store: Store):
    session_id = new_session(store)
    store.set_member_secret(session_id, "m1", "1111")
    tries = [refusal(lambda: store.check_member_secret(session_id, "m1", "9999")) for _ in "123"]
    assert [str(t) for t in tries[:2]] == [
        "Wrong PIN for Ann Chair (2 more tries).",
        "Wrong PIN for Ann Chair (1 more try).",
    ]
    assert [explain(t) for t in tries] == [
        "PIN anghywir i Ann Chair (2 cynnig arall).",
        "PIN anghywir i Ann Chair (1 cynnig arall).",
        "PIN anghywir i Ann Chair, dair gwaith: arhoswch 30 eiliad a rhowch gynnig arall arni.",
    ]
    waiting = refusal(lambda: store.check_member_secret(session_id, "m1", "1111"))
    assert explain(waiting).startswith("Gormod o PINau anghywir i Ann Chair: arhoswch ")


@pytest.mark.usefixtures("welsh")
def test_a_busy_or_damaged_database_is_explained_in_welsh(tmp_path: Path):
    busy = BusyDatabaseError(tmp_path / "s.db", "sqlite3, pid 42")
    assert str(busy).startswith(f"The database {tmp_path / 's.db'} is in use by another program")
    assert labels.error_text(busy) == (
        f"Mae'r gronfa ddata {tmp_path / 's.db'} yn cael ei defnyddio gan raglen arall"
        " (sqlite3, pid 42). Ni newidiwyd dim; caewch y rhaglen honno neu arhoswch iddi"
        " orffen, yna rhowch gynnig arall arni."
    )
    damaged = CorruptDatabaseError(tmp_path / "s.db", "file is not a database", None)
    assert str(damaged).endswith("No good backup was found.")
    assert labels.error_text(damaged) == (
        f"Mae'r gronfa ddata {tmp_path / 's.db'} wedi'i difrodi ac ni ellir ei hagor (file is"
        " not a database). Ni chafwyd hyd i gopi wrth gefn da."
    )


@pytest.mark.usefixtures("welsh")
def test_the_set_up_dialogs_refusal_of_a_missing_name_is_welsh(store: Store):
    missing = refusal(lambda: new_session(store, name=" "))
    assert str(missing) == "Enter the candidate's name."
    assert labels.error_text(missing) == "Rhowch enw'r ymgeisydd."


@pytest.mark.usefixtures("welsh")
def test_details_that_cannot_be_kept_are_refused_in_welsh(store: Store, tmp_path: Path):
    """Typed at set-up, or in a session file: the field and the problem in Welsh, the values
    as given."""
    from pcso_interview import bundle

    typed = [
        refusal(lambda: new_session(store, venue="Ystafell\x1b1")),
        refusal(lambda: new_session(store, name="W" * 201)),
        refusal(lambda: new_session(store, day="2026-02-30")),
    ]
    assert [str(r) for r in typed] == [
        "Venue: holds a control or invisible character (U+001B at character 9).",
        "Candidate name: 201 characters, more than the 200 allowed.",
        "'2026-02-30' is not a date (use YYYY-MM-DD).",
    ]
    assert [labels.error_text(r) for r in typed] == [
        "Lleoliad: yn cynnwys nod rheoli neu nod anweledig (U+001B yn nod rhif 9).",
        "Enw'r ymgeisydd: 201 nod, mwy na'r 200 a ganiateir.",
        "Nid yw '2026-02-30' yn ddyddiad (defnyddiwch BBBB-MM-DD).",
    ]
    session_id = new_session(store)
    data = bundle.session_to_dict(store.load(session_id))
    store.withdraw(session_id, "moved to another laptop", "HR Un")

    def imported(name: str, change) -> use_cases.Imported:
        return refused_import(store, tmp_path / name, data, in_session(change))

    refusals = [
        imported("date.json", lambda s: s.update(date="2026-02-30")),
        imported("spaced.json", lambda s: s["candidate"].update(reference=" R-4 ")),
        imported("blank.json", lambda s: s["panel"][1].update(name=" ")),
    ]
    assert [labels.phrase(r.phrase).removeprefix(f"{r.path}: ") for r in refusals] == [
        f"gwrthodwyd: {field}: {problem}; caiff ffeil sesiwn ei mewnforio yn union fel y'i"
        " hysgrifennwyd, heb ei chywiro byth"
        for field, problem in [
            ("Dyddiad y cyfweliad", "nid yw '2026-02-30' yn ddyddiad go iawn"),
            ("Cyfeirnod yr ymgeisydd", "yn dechrau neu'n gorffen â bwlch"),
            ("Enw aelod 2 o'r panel", "yn wag, neu'n fylchau yn unig"),
        ]
    ]


@pytest.mark.usefixtures("welsh")
def test_a_session_files_import_and_its_refusals_read_in_welsh(store: Store, tmp_path: Path):
    from pcso_interview import bundle

    session_id = new_session(store)
    grade_all(store, session_id)
    exported = tmp_path / "session.json"
    bundle.write_json(
        exported,
        bundle.session_to_dict(store.load(session_id), store.verify(session_id).stored_digest),
    )
    stranger = tmp_path / "stranger.json"
    stranger.write_text(json.dumps({"format": "something-else"}))
    results = use_cases.import_files(store, [exported, stranger, tmp_path / "gone.json"], "HR Un")
    assert [r.message for r in results] == [
        f"{exported}: skipped, session {session_id} is already here and identical",
        f"{stranger}: not a pcso-interview session or member-marks file",
        f"{tmp_path / 'gone.json'}: no such file",
    ]
    assert [labels.phrase(r.phrase) for r in results if r.phrase is not None] == [
        f"{exported}: hepgorwyd, mae sesiwn {session_id} yma eisoes ac yn union yr un fath",
        f"{stranger}: nid yw'n ffeil sesiwn na ffeil marciau aelod pcso-interview",
        f"{tmp_path / 'gone.json'}: dim ffeil o'r fath",
    ]
    assert phrase_of(ValueError("plain")) is None


def test_each_status_named_in_a_sentence_is_its_label_in_lower_case():
    from pcso_interview.lifecycle import Status

    for status in Status:
        assert ENGLISH[f"status.{status.value}"] == status.label.lower()


@pytest.mark.usefixtures("welsh")
def test_a_refused_change_of_status_names_both_statuses_in_welsh(store: Store):
    session_id = new_session(store)
    refused = refusal(lambda: store.reopen(session_id, "a reason", "HR Un"))
    assert isinstance(refused, SessionRuleError)
    assert str(refused) == "A session that is setting up cannot move to reopened."
    assert labels.error_text(refused) == (
        "Ni all sesiwn â'r statws ‘wrthi'n paratoi’ symud i ‘wedi'i ailagor’."
    )
    from pcso_interview.lifecycle import Status, check_transition

    signed = refusal(lambda: check_transition(Status.SIGNED, Status.AWAITING_SIGNOFF))
    assert str(signed) == "A session that is signed cannot move to awaiting sign-off."
    assert explain(signed) == (
        "Ni all sesiwn â'r statws ‘wedi'i lofnodi’ symud i ‘yn aros i'w lofnodi’."
    )


@pytest.mark.usefixtures("welsh")
def test_a_database_that_cannot_be_opened_is_explained_in_welsh(tmp_path: Path, monkeypatch):
    import sqlite3

    from pcso_interview.store import opening

    def fails(conn: sqlite3.Connection) -> None:
        raise sqlite3.DatabaseError("disk I/O error")

    monkeypatch.setattr(opening, "configure", fails)
    path = tmp_path / "s.db"
    refused = refusal(lambda: Store.open(path))
    assert str(refused) == f"Could not open the database {path}: disk I/O error"
    assert labels.error_text(refused) == f"Methu agor y gronfa ddata {path}: disk I/O error"


@pytest.mark.usefixtures("welsh")
def test_a_member_marks_files_conflicts_and_refusals_read_in_welsh(store: Store, tmp_path: Path):
    """Bob's marks from another laptop clash with his marks here; altered copies of the file
    are refused for another candidate, another member, a missing number, two members' marks
    or a schema break. The English is unchanged; the Welsh keeps the same names and values,
    and the validator's finding is quoted in English."""
    from pcso_interview import bundle
    from tests.store_support import indicators, profile

    session_id = new_session(store)
    indicator, area = indicators()[0], profile().planned_areas[0].id
    store.classify(session_id, "m2", indicator, "contrary")
    store.grade(session_id, "m2", area, 2)
    marks = bundle.member_marks_to_dict(store.load(session_id), "m2")
    store.classify(session_id, "m2", indicator, "demonstrated")
    store.grade(session_id, "m2", area, 4)

    def imported(name: str, change=None) -> use_cases.Imported:
        return refused_import(store, tmp_path / name, marks, change)

    def older_without_number(data):
        data["version"] = 1
        del data["member"]["number"]

    clash = imported("bob.json")
    assert clash.message == (
        f"{tmp_path / 'bob.json'}: 2 conflict(s), nothing imported: Bob Member, indicator"
        f" {indicator}: here demonstrated '', in the file contrary ''; Bob Member, grade for"
        f" {area}: here 4, in the file 2"
    )
    assert labels.phrase(clash.phrase) == (
        f"{tmp_path / 'bob.json'}: 2 gwrthdaro, ni fewnforiwyd dim: Bob Member, dangosydd"
        f" {indicator}: yma wedi'i ddangos '', yn y ffeil tystiolaeth groes ''; Bob Member,"
        f" gradd ar gyfer {area}: yma 4, yn y ffeil 2"
    )
    refusals = [
        imported("other.json", lambda data: data.update(candidate_ref="X-9")),
        imported("rob.json", lambda data: data["member"].update(name="Rob Member", number="")),
        imported("old.json", older_without_number),
        imported("new.json", lambda data: data["member"].pop("number")),
        imported("mixed.json", lambda data: data["marks"][0].update(member="m1")),
        imported("schema.json", lambda data: data.update(grades="x")),
    ]
    here = store.load(session_id)
    assert [r.message.removeprefix(f"{r.path}: ") for r in refusals] == [
        f"refused: the marks are for candidate 'X-9', but session {session_id} is candidate"
        " 'C-0001'",
        "refused: the marks are by Rob Member (no number), but member m2 of this session is"
        " Bob Member (2002)",
        "refused: the file does not give the member's staff or collar number (an older"
        " version wrote it); export the marks again",
        "at $.member: 'number' is missing",
        "the file holds marks of more than one member",
        "at $.grades: 'x' is not of type 'array'",
    ]
    assert [labels.phrase(r.phrase).removeprefix(f"{r.path}: ") for r in refusals] == [
        f"gwrthodwyd: mae'r marciau ar gyfer yr ymgeisydd 'X-9', ond yr ymgeisydd yn sesiwn"
        f" {session_id} yw 'C-0001'",
        "gwrthodwyd: mae'r marciau gan Rob Member (dim rhif), ond Bob Member (2002) yw aelod"
        " m2 y sesiwn hon",
        "gwrthodwyd: nid yw'r ffeil yn rhoi rhif staff neu rif coler yr aelod (fersiwn hŷn"
        " a'i hysgrifennodd); allforiwch y marciau eto",
        "nid yw'r ffeil yn dilyn ei sgema yn $.member: mae 'number' (rhif staff neu rif coler"
        " yr aelod) ar goll",
        "mae'r ffeil yn dal marciau mwy nag un aelod",
        "nid yw'r ffeil yn dilyn ei sgema yn $.grades (canfyddiad y gwiriad, yn Saesneg: 'x' is"
        " not of type 'array')",
    ]
    assert store.load(session_id).marks == here.marks  # nothing was taken from any of them


@pytest.mark.usefixtures("welsh")
def test_a_session_file_whose_profile_holds_a_decimal_number_is_refused_in_welsh(
    store: Store, tmp_path: Path
):
    from pcso_interview import bundle

    session_id = new_session(store)
    exported = bundle.session_to_dict(
        store.load(session_id), store.verify(session_id).stored_digest
    )
    data = json.loads(json.dumps(exported))  # a copy: the profile is shared with the store's
    data["session"]["profile"]["interview_plan"][0]["weight"] = 1.5
    path = tmp_path / "decimal.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    [result] = use_cases.import_files(store, [path], "HR Un")
    finding = "$.session.profile.interview_plan[0].weight: canonical JSON holds integers and"
    assert result.message.startswith(f"{path}: at {finding}")
    assert result.message.endswith('(the app writes a decimal as text, e.g. "1.5")')
    assert result.phrase is not None
    assert labels.phrase(result.phrase).startswith(
        f'{path}: mae\'r ap yn ysgrifennu degolyn fel testun, e.e. "1.5" (canfyddiad y gwiriad,'
        f" yn Saesneg: {finding}"
    )


@pytest.mark.usefixtures("welsh")
def test_a_session_file_that_does_not_hold_together_is_refused_in_welsh(
    store: Store, tmp_path: Path
):
    """A session file altered by hand names a stranger, an unknown indicator, a grade off
    the scale: refused in the core's English, in Welsh on a Welsh screen, the same values."""
    from pcso_interview import bundle

    session_id = new_session(store)
    store.classify(
        session_id, "m1", store.load(session_id).profile.areas[0].indicators[0].id, "partly"
    )
    grade_all(store, session_id)
    exported = bundle.session_to_dict(
        store.load(session_id), store.verify(session_id).stored_digest
    )
    store.withdraw(session_id, "moved to another laptop", "HR Un")

    def imported(name: str, change) -> use_cases.Imported:
        return refused_import(store, tmp_path / name, exported, in_session(change))

    refusals = [
        imported("stranger.json", lambda s: s["marks"][0].update(member="m9")),
        imported("indicator.json", lambda s: s["marks"][0].update(indicator="x-1")),
        imported("scale.json", lambda s: s["grades"][0].update(grade=9)),
        imported("signed.json", lambda s: s.update(status="signed")),
    ]
    area = exported["session"]["grades"][0]["area"]
    assert [r.message.removeprefix(f"{r.path}: ") for r in refusals] == [
        "a mark names 'm9', not a panel member",
        "unknown indicator 'x-1'",
        f"grade for {area!r}: 9 is not a grade on this scale (1, 2, 3, 4, 5).",
        "the session is marked signed, but Ann Chair, Bob Member has not signed it",
    ]
    assert [labels.phrase(r.phrase).removeprefix(f"{r.path}: ") for r in refusals] == [
        "mae marc yn enwi 'm9', nad yw'n aelod o'r panel",
        "dangosydd anhysbys 'x-1'",
        f"gradd ar gyfer {area!r}: Nid yw 9 yn radd ar y raddfa hon (1, 2, 3, 4, 5).",
        "mae'r sesiwn wedi'i nodi'n un wedi'i llofnodi, ond nid yw Ann Chair, Bob Member"
        " wedi'i llofnodi",
    ]


@pytest.mark.usefixtures("welsh")
def test_a_session_file_that_is_not_json_or_out_of_bounds_is_refused_in_welsh(
    store: Store, tmp_path: Path
):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "pcso-interview-session",', encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100 + "]" * 100, encoding="utf-8")
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"name": "Ff\xeflur"}')
    huge_number = tmp_path / "number.json"
    huge_number.write_text('{"version": ' + "9" * 40 + "}", encoding="utf-8")
    results = use_cases.import_files(store, [broken, deep, latin, huge_number], "HR Un")
    assert [r.message for r in results] == [  # the English as it always was
        f"{broken}: not valid JSON: Expecting property name enclosed in double quotes"
        " (line 1, column 37)",
        f"{deep}: nested more than 64 levels deep",
        f"{latin}: not UTF-8 text (invalid continuation byte at byte 12)",
        f"{huge_number}: a number with 40 digits (at most 15)",
    ]
    assert [labels.phrase(r.phrase) for r in results if r.phrase is not None] == [
        f"{broken}: nid yw'n JSON dilys: llinell 1, colofn 37 (canfyddiad y darllenydd, yn"
        " Saesneg: Expecting property name enclosed in double quotes)",
        f"{deep}: wedi'i nythu fwy na 64 lefel o ddyfnder",
        f"{latin}: nid yw'n destun UTF-8: beit 12 (canfyddiad y darllenydd, yn Saesneg:"
        " invalid continuation byte)",
        f"{huge_number}: rhif â 40 digid (dim mwy na 15)",
    ]


@pytest.mark.usefixtures("welsh")
def test_a_member_the_session_does_not_have_is_named_in_welsh(store: Store):
    session_id = new_session(store)
    stranger = refusal(lambda: store.load(session_id).member("m9"))
    assert str(stranger) == "No panel member 'm9' in this session."
    assert labels.error_text(stranger) == "Nid oes aelod o'r panel 'm9' yn y sesiwn hon."
