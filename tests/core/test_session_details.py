"""A session's details (candidate, reference, date, venue, panel) follow one rule, whether typed
at set-up, corrected later or read from a session file: a real calendar date; names, reference
and venue with no control or text-reordering characters, no spaces at either end, not blank
where required, and no longer than the marking sheet can print (session.details_problems)."""

from __future__ import annotations

from datetime import date

import pytest

from pcso_interview.demo import demo_sessions
from pcso_interview.lifecycle import SessionRuleError
from pcso_interview.session import (
    MAX_CANDIDATE_NAME,
    MAX_MEMBER_NAME,
    MAX_NUMBER,
    MAX_REFERENCE,
    MAX_VENUE,
    Member,
    details_problems,
)
from pcso_interview.store import Store
from tests.store_support import ANN, BOB, new_session, profile, read

# The characters the tester found accepted, each with what it broke.
CONTROLS = {
    "newline": "\n",  # split a `sessions` row over two lines
    "tab": "\t",
    "nul": "\x00",  # ended the search text: `sessions --text` found nothing after it
    "esc": "\x1b",  # an escape sequence reached the terminal through `show`
    "del": "\x7f",
    "c1-csi": "\x9b",
    "line-separator": "\u2028",
    "lre": "\u202a",
    "rlo": "\u202e",  # reorders what is shown around it
    "lri": "\u2066",
    "pdi": "\u2069",
    "zero-width-space": "\u200b",
    "bom": "\ufeff",
    "lone-surrogate": "\ud800",  # not text at all: UTF-8 cannot hold it
}


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "sessions.db")
    yield opened
    opened.close()


def refused(call) -> str:
    with pytest.raises(SessionRuleError) as caught:
        call()
    return str(caught.value)


def sessions(db_store: Store) -> int:
    return db_store.count_sessions()


# --- the date ----------------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["2026-02-30", "0000-00-00", "2025-13-01", "2025-04-31"])
def test_a_day_not_on_the_calendar_is_refused_at_set_up(store, day):
    assert refused(lambda: new_session(store, day=day)) == (
        f"{day!r} is not a date (use YYYY-MM-DD)."
    )
    assert sessions(store) == 0


@pytest.mark.parametrize("day", ["20260101", "2026-W01-1", "2026-1-05", "２０２６-01-05"])
def test_a_day_not_written_yyyy_mm_dd_is_refused_though_python_reads_it(store, day):
    """date.fromisoformat reads '20260101' and week dates since Python 3.11; the record, its
    campaign (the month is day[:7]) and the sheet need YYYY-MM-DD."""
    assert "is not a date (use YYYY-MM-DD)" in refused(lambda: new_session(store, day=day))


def test_a_leap_day_is_a_real_date(store):
    assert store.load(new_session(store, day="2024-02-29")).date == "2024-02-29"


# --- spaces and blanks -------------------------------------------------------------------------


def test_typed_details_are_kept_without_the_spaces_around_them_and_found_by_reference(store):
    panel = (Member("m1", "  Ann Chair ", "chair", " 1001 "), BOB)
    session_id = new_session(
        store, name=" Gwenllïan Ŵyn\t", ref=" R-4 ", venue=" Room 1 ", panel=panel
    )
    session = store.load(session_id)
    assert (session.candidate_name, session.candidate_ref, session.venue) == (
        "Gwenllïan Ŵyn",
        "R-4",
        "Room 1",
    )
    assert (session.panel[0].name, session.panel[0].number) == ("Ann Chair", "1001")
    assert store.resolve("R-4") == session_id
    assert read(store.path, "SELECT search FROM sessions")[0][0].startswith("gwenllïan ŵyn r-4")


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"name": " \t "}, "Enter the candidate's name."),
        ({"ref": "   "}, "Enter the candidate reference."),
        (
            {"panel": (Member("m1", "\u3000", "chair", "1"), BOB)},  # an ideographic space
            "Every panel member needs a name.",
        ),
    ],
    ids=["name", "reference", "member"],
)
def test_a_blank_name_or_reference_is_refused_at_set_up(store, given, message):
    assert refused(lambda: new_session(store, **given)) == message
    assert sessions(store) == 0


def test_a_session_without_a_venue_or_numbers_is_still_allowed(store):
    panel = (Member("m1", "Ann Chair", "chair", ""), BOB)
    session = store.load(new_session(store, venue="", panel=panel))
    assert (session.venue, session.panel[0].number) == ("", "")


# --- control and invisible characters ----------------------------------------------------------

FIELDS = {
    "name": ("Candidate name", lambda text: {"name": f"Gwen{text}llïan"}),
    "reference": ("Candidate reference", lambda text: {"ref": f"C-{text}0412"}),
    "venue": ("Venue", lambda text: {"venue": f"Room{text}1"}),
    "member-name": (
        "Panel member 2 name",
        lambda text: {"panel": (ANN, Member("m2", f"Bob{text}Member", "member", "2002"))},
    ),
    "member-number": (
        "Panel member 1 staff or collar number",
        lambda text: {"panel": (Member("m1", "Ann Chair", "chair", f"10{text}01"), BOB)},
    ),
}
POSITION = {"name": 5, "reference": 3, "venue": 5, "member-name": 4, "member-number": 3}


@pytest.mark.parametrize("character", list(CONTROLS))
@pytest.mark.parametrize("field", list(FIELDS))
def test_a_control_or_reordering_character_is_refused_at_set_up(store, field, character):
    label, given = FIELDS[field]
    text = CONTROLS[character]
    message = refused(lambda: new_session(store, **given(text)))
    assert message == (
        f"{label}: holds a control or invisible character"
        f" (U+{ord(text):04X} at character {POSITION[field]})."
    )
    assert sessions(store) == 0


@pytest.mark.parametrize(
    "name",
    [
        "فاطمه\u200cزاده",  # Persian: the zero-width non-joiner is part of the spelling
        "क्\u200dष",  # Devanagari: a zero-width joiner
        "שרה\u200f (Sarah)",  # a right-to-left mark between directions
        "Siân O'Rourke-ap Rhys",
        "👩\u200d👩\u200d👧 Family",  # an emoji sequence joined by ZWJ
    ],
)
def test_the_joiners_and_direction_marks_of_real_names_are_kept(store, name):
    assert store.load(new_session(store, name=name)).candidate_name == name


# --- lengths -----------------------------------------------------------------------------------

LIMITS = {
    "name": ("Candidate name", MAX_CANDIDATE_NAME, lambda text: {"name": text}),
    "reference": ("Candidate reference", MAX_REFERENCE, lambda text: {"ref": text}),
    "venue": ("Venue", MAX_VENUE, lambda text: {"venue": text}),
    "member-name": (
        "Panel member 1 name",
        MAX_MEMBER_NAME,
        lambda text: {"panel": (Member("m1", text, "chair", "1"), BOB)},
    ),
    "member-number": (
        "Panel member 2 staff or collar number",
        MAX_NUMBER,
        lambda text: {"panel": (ANN, Member("m2", "Bob Member", "member", text))},
    ),
}


def test_the_limits_are_the_ones_chosen():
    assert (MAX_CANDIDATE_NAME, MAX_REFERENCE, MAX_VENUE, MAX_MEMBER_NAME, MAX_NUMBER) == (
        200,
        64,
        200,
        120,
        32,
    )


@pytest.mark.parametrize("field", list(LIMITS))
def test_a_detail_at_its_limit_is_kept_and_one_character_more_refused(store, field):
    label, most, given = LIMITS[field]
    session_id = new_session(store, **given("W" * most))
    assert sessions(store) == 1
    message = refused(lambda: new_session(store, **given("W" * (most + 1))))
    assert message == f"{label}: {most + 1} characters, more than the {most} allowed."
    message = refused(lambda: new_session(store, **given("W" * 9000)))
    assert message == f"{label}: 9000 characters, more than the {most} allowed."
    assert sessions(store) == 1
    assert store.load(session_id)


# --- correcting the details later --------------------------------------------------------------


def test_corrected_details_follow_the_same_rule(store):
    session_id = new_session(store)
    before = store.load(session_id)

    def update(**changes: str):
        details = {"candidate_name": "Gwen Ŵyn", "candidate_ref": "C-9", "date": "2025-03-04"}
        return store.update_details(session_id, **(details | {"venue": "Room 2"} | changes))

    assert refused(lambda: update(date="2026-02-30")) == (
        "'2026-02-30' is not a date (use YYYY-MM-DD)."
    )
    assert refused(lambda: update(venue="Room\x1b[2J")) == (
        "Venue: holds a control or invisible character (U+001B at character 5)."
    )
    assert refused(lambda: update(candidate_name="W" * 201)) == (
        "Candidate name: 201 characters, more than the 200 allowed."
    )
    assert store.load(session_id) == before
    update(candidate_ref=" C-9 ")
    assert store.load(session_id).candidate_ref == "C-9"


# --- the rule itself, and who else makes sessions ----------------------------------------------


def test_the_rule_checks_the_text_as_given_and_names_each_problem():
    """Nothing is stripped: a file's ' R-4 ' is refused as it is, every problem listed."""
    panel = (Member("m1", "Ann", "chair", "1"), Member("m2", "Bob ", "member", "2"))
    found = details_problems(" Gwen", " R-4 ", "2026-02-30", "Room\n1", panel)
    assert [(str(p.field), str(p.problem)) for p in found] == [
        ("Candidate name", "begins or ends with a space"),
        ("Candidate reference", "begins or ends with a space"),
        ("Interview date", "'2026-02-30' is not a real date"),
        ("Venue", "holds a control or invisible character (U+000A at character 5)"),
        ("Panel member 2 name", "begins or ends with a space"),
    ]
    assert details_problems("Gwen", "R-4", "2026-02-28", "", panel[:1]) == ()


@pytest.mark.parametrize("character", ["\x1c", "\x1f", "\x85"])
def test_a_control_character_python_takes_for_a_space_is_named_as_what_it_is(character):
    """str.strip() takes U+001C-U+001F and U+0085 for spaces: a name ending in one was
    refused as "begins or ends with a space", which hid what the file holds."""
    panel = (Member("m1", "Ann", "chair", "1"),)
    found = details_problems(f"Gwen{character}", "R-4", "2026-02-28", "", panel)
    assert [(str(p.field), str(p.problem)) for p in found] == [
        (
            "Candidate name",
            f"holds a control or invisible character (U+{ord(character):04X} at character 5)",
        )
    ]


def test_demo_sessions_keep_within_the_rule():
    """The invented names, references and venues of `demo` are all sessions the app would keep."""
    profiles = [profile(p) for p in ("gwent-cso", "kent-crime-prevention-pcso")]
    made = list(demo_sessions(profiles, 300, seed=11, today=date(2026, 6, 1)))
    assert [s.detail_problems() for s in made] == [()] * len(made)
