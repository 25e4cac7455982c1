"""The marking sheet in Welsh or bilingual: a force setting (``sheet_language``) in the profile,
carried in the session's copy of it, so ``verify`` rebuilds the same sheet. Only the sheet's own
words change: indicator text, names and everything typed print as written."""

from __future__ import annotations

import copy
import itertools
from pathlib import Path

import jsonschema
import pytest

from pcso_interview.profiles import SCHEMA_FILE, Profile
from pcso_interview.session import Session
from pcso_interview.store import Store
from reports.marking_sheet import build_sheet
from reports.sheet_text import LANGUAGES, TEXTS, SheetText, bilingual
from tests.cli_support import cli
from tests.reports.sheet_support import (
    CANDIDATE,
    WELSH_PANEL,
    Sheet,
    found_in,
    open_store,
    scored,
    sign,
)
from tests.store_support import KENT
from tests.store_support import profile as load_profile

pytestmark = pytest.mark.usefixtures("empty_user_profiles")


def kent_in(language: str) -> Profile:
    data = copy.deepcopy(load_profile(KENT).to_dict())
    data["sheet_language"] = language
    return Profile.from_dict(data)


def signed_sheet(tmp_path: Path, language: str) -> tuple[Path, str, Sheet]:
    path = tmp_path / "sessions.db"
    store = open_store(path)
    session_id = scored(store, profile=kent_in(language))
    sign(store, session_id)
    session = store.load(session_id)
    store.close()
    assert session.profile.sheet_language == language
    return path, session_id, Sheet.read(build_sheet(session))


def issue_and_verify(capsys, path: Path, session_id: str, out: Path) -> str:
    status, stdout, _ = cli(capsys, "--db", path, "pdf", session_id, "-o", out)
    assert status == 0, stdout
    (line,) = stdout.splitlines()
    sheet = Path(line.split("  ")[0])
    status, verdict, err = cli(capsys, "--db", path, "verify", sheet)
    assert err == "", err
    assert status == 0, verdict
    return verdict


def test_every_text_has_english_and_welsh_with_the_same_fields():
    import string

    for key, (english, welsh) in TEXTS.items():
        assert english and welsh, key
        fields = {f for _, f, _, _ in string.Formatter().parse(english) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(welsh) if f}, key


def test_the_core_sentences_the_sheet_prints_have_welsh_with_the_same_fields():
    import string

    from pcso_interview.phrases import ENGLISH
    from reports.sheet_text import PHRASES_WELSH

    wanted = {k for k in ENGLISH if k.split(".")[0] in ("outcome", "revision", "level", "source")}
    assert set(PHRASES_WELSH) == wanted
    for key, welsh in PHRASES_WELSH.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(ENGLISH[key]) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(welsh) if f}, key


def test_bilingual_prints_welsh_then_english_a_shared_lead_once():
    assert bilingual("Sgorio", "Scoring") == "Sgorio / Scoring"
    assert bilingual(" (heb ei lofnodi eto)", " (not yet signed off)") == (
        " (heb ei lofnodi eto / not yet signed off)"
    )
    assert bilingual("✓ Wedi'i ddangos", "✓ Demonstrated") == "✓ Wedi'i ddangos / Demonstrated"
    assert SheetText("cy+en")("area.no") == "Rhif / No."
    with pytest.raises(ValueError):
        SheetText("fr")


def test_the_schema_takes_the_three_languages_and_refuses_others():
    import json

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    file = {"format": "pcso-interview-profiles", "version": 1}
    data = copy.deepcopy(load_profile(KENT).to_dict())
    data.pop("rules_version", None)
    for language in LANGUAGES:
        jsonschema.validate({**file, "profiles": [{**data, "sheet_language": language}]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**file, "profiles": [{**data, "sheet_language": "fr"}]}, schema)


def test_a_profile_without_the_setting_is_english_and_its_copy_unchanged():
    profile = load_profile(KENT)
    assert profile.sheet_language == "en"
    assert "sheet_language" not in profile.to_dict()  # the digest of an old copy is unchanged


def test_a_welsh_sheet_reads_welsh_headings_keeps_the_force_text_and_verifies(tmp_path, capsys):
    path, session_id, sheet = signed_sheet(tmp_path, "cy")
    page = sheet.pages[0]
    for welsh in (
        "Taflen farcio cyfweliad SCCH",
        "Sgorio",
        "Llofnodi",
        "Ymgeisydd",
        "Dyddiad a lleoliad",
        "Canlyniad: LLWYDDO",
        "Aelod o'r panel",
        "23 Tachwedd 2025",
        "Wedi'i lofnodi a'i gloi. SHA-256 y cynnwys a lofnodwyd:",
    ):
        assert found_in(welsh, page), welsh
    for english in ("PCSO interview marking sheet", "Scoring", "Sign-off", "Outcome:"):
        assert english not in page, english
    assert "Tudalen 1 o " in page and "Page 1 of" not in page
    assert found_in(CANDIDATE, page)
    evidence = "\n".join(sheet.pages[1:])
    assert found_in("Y raddfa raddio", evidence) and found_in("Dangosydd", evidence)
    kent = load_profile(KENT)
    for area in kent.planned_areas:
        for indicator in area.indicators:
            assert found_in(indicator.text, sheet.text), indicator.text  # as the force wrote it
    assert sheet.reader.metadata.subject.startswith("pcso-interview marking sheet session=")
    verdict = issue_and_verify(capsys, path, session_id, tmp_path)
    assert verdict.startswith("MATCH ")


def test_a_bilingual_sheet_shows_both_and_verifies(tmp_path, capsys):
    path, session_id, sheet = signed_sheet(tmp_path, "cy+en")
    page = sheet.pages[0]
    for both in (
        "Taflen farcio cyfweliad SCCH / PCSO interview marking sheet",
        "Sgorio / Scoring",
        "Llofnodi / Sign-off",
        "Canlyniad: LLWYDDO / Outcome: PASS",
    ):
        assert found_in(both, page), both
    verdict = issue_and_verify(capsys, path, session_id, tmp_path)
    assert verdict.startswith("MATCH ")


# --- no English fixed text left on a Welsh sheet ------------------------------------------------


def welsh_sessions(tmp_path: Path) -> dict[str, Session]:
    """A Welsh sheet's session in every state whose fixed texts differ: signed (with a grade
    changed after the reveal), a draft that fails on a minimum and the total, a pass mark in
    points with an untitled source, incomplete, withdrawn, and a record that failed
    verification."""
    import sqlite3

    found: dict[str, Session] = {}

    def fresh(name: str) -> tuple[Path, Store]:
        path = tmp_path / f"{name}.db"
        return path, open_store(path)

    _, store = fresh("signed")
    sid = scored(store, profile=kent_in("cy"))
    area = store.load(sid).planned_areas[1]
    store.agree(sid, area.id, None)
    store.grade(sid, "m2", area.id, 4)  # changed after seeing the other's grade
    store.agree(sid, area.id, 4, "Cytunwyd ar ôl trafod.")
    sign(store, sid)
    found["signed"] = store.load(sid)
    store.close()

    _, store = fresh("fail")
    first = kent_in("cy").planned_areas[0].id
    found["fail"] = store.load(scored(store, profile=kent_in("cy"), grades={first: 1}))
    store.close()

    data = kent_in("cy").to_dict()
    data["outcome_rule"] = {"pass_mark_points": 30}
    data["source"] = {"file": data["source"]["file"], "date": "Mehefin 2019"}  # no title
    _, store = fresh("points")
    found["points"] = store.load(scored(store, profile=Profile.from_dict(data)))
    store.close()

    _, store = fresh("incomplete")
    sid = scored(store, profile=kent_in("cy"))
    for area in store.load(sid).planned_areas[:2]:
        store.agree(sid, area.id, None)
    found["incomplete"] = store.load(sid)
    store.close()

    _, store = fresh("withdrawn")
    sid = scored(store, profile=kent_in("cy"))
    store.withdraw(sid, "Gadawodd yr ymgeisydd", "Rhian AD")
    found["withdrawn"] = store.load(sid)
    store.close()

    path, store = fresh("failed")
    sid = scored(store, profile=kent_in("cy"))
    sign(store, sid)
    store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER grades_locked_update")
    conn.execute("UPDATE grades SET grade = 5 WHERE session_id = ?", [sid])
    conn.close()
    store = open_store(path)
    found["failed"] = store.load(sid)
    store.close()
    assert found["failed"].record_problems
    return found


def verbatim(session: Session) -> list[str]:
    """What a Welsh sheet prints as written: the force's text, the names and everything typed,
    and the check's finding on a record that failed verification."""
    p = session.profile
    texts = [
        p.force, p.role_title, p.grade, p.vetting, p.framework_label,
        session.candidate_name, session.candidate_ref, session.venue,
        session.withdrawn_reason, session.withdrawn_by, *session.record_problems,
    ]  # fmt: skip
    texts += [f"{s.title}, {s.date}" if s.title else s.date for s in p.sources]
    for area in session.planned_areas:
        texts += [area.name, area.cluster, area.stem, *(i.text for i in area.indicators)]
        texts += [question for _, question in session.area_questions(area.id)]
        texts.append(session.rationale(area.id))
    texts += [f"{point.label} {point.name}" for point in p.scale.points]
    texts += [text for point in p.scale.points for text in (point.name, point.descriptor)]
    for member in session.panel:
        texts += [member.name, member.number]
    texts += [mark.note for mark in session.marks.values()]
    texts += list(session.area_notes.values())
    return sorted({t for t in texts if t}, key=len, reverse=True)


def without(texts: list[str], page: str) -> str:
    """``page`` with each of ``texts`` taken out, however the lines wrapped it."""
    import re

    for value in texts:
        pattern = r"\s*".join(re.escape(c) for c in value if not c.isspace())
        page = re.sub(pattern, " ", page)
    return " ".join(page.split())


def english_fixed_texts() -> list[str]:
    """Every piece of fixed English the sheet can print: the words of each English text of
    reports/sheet_text.py and of each core sentence it words, cut at their fields."""
    import re
    import string

    from pcso_interview.phrases import ENGLISH
    from reports.sheet_text import PHRASES_WELSH

    templates = [english for english, _ in TEXTS.values()]
    templates += [ENGLISH[key] for key in PHRASES_WELSH]
    pieces = set()
    for template in templates:
        for literal, *_ in string.Formatter().parse(template):
            for piece in re.split(r"[·:;()⚑✓~✗*,]|\. ", literal):
                piece = piece.strip(" .-")
                if re.search(r"[A-Za-z]{2}", piece):
                    pieces.add(piece)
    return sorted(pieces)


def test_a_welsh_sheet_in_every_state_has_no_english_fixed_text_left(tmp_path):
    import re

    pieces = english_fixed_texts()
    # the list the check looks for, as it reads (some of its pieces, for whoever reads this)
    for expected in (
        "Outcome", "PASS", "FAIL", "INCOMPLETE", "not yet signed off", "below the minimum",
        "Weighted total", "below the pass mark of", "no agreed grade yet", "points",
        "Every area is at or above its minimum", "is at least the pass mark of",
        "changed this grade from", "after the grades were shown", "no grade",
        "competencies at level", "values are not levelled", "Role profile",
        "I confirm that the evidence", "Declaration", "Signed off and locked",
        "DRAFT - NOT SIGNED OFF", "WITHDRAWN", "Withdrawn on", "RECORD FAILED VERIFICATION",
        "The database record no longer matches what the panel signed", "Page", "of",
        "sheet version", "The grading scale", "Evidence notes", "Rationale", "Question asked",
    ):  # fmt: skip
        assert expected in pieces, expected
    left: dict[str, list[str]] = {}
    for state, session in welsh_sessions(tmp_path).items():
        sheet = Sheet.read(build_sheet(session))
        text = without(verbatim(session), sheet.text)
        found = [
            piece
            for piece in pieces
            if re.search(rf"(?<![\w'’-]){re.escape(piece)}(?![\w'’-])", text)
        ]
        if not sheet.reader.metadata.title.startswith("Taflen farcio "):
            found.append(f"title {sheet.reader.metadata.title}")
        if found:
            left[state] = found
    assert left == {}


# --- Welsh words run longer: they wrap inside their cells ----------------------------------------

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "profiles" / "example-constabulary.json"


def overlapping_runs(sheet: Sheet) -> list[tuple[int, str, str]]:
    """Pieces of text on one line where the first runs into the next cell (page, first,
    second): text in two cells is at least the two paddings apart (3 pt a side), so less is
    a text over its cell's edge. Runs that start at the same place are one paragraph's font
    changes; the rotated marks in the side margins are left out."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from reports.marking_sheet import MARGIN, PAGE_WIDTH

    found = []
    for index, runs in enumerate(sheet.runs):
        lines: dict[float, list] = {}
        for run in runs:
            if MARGIN - 1 <= run.x <= PAGE_WIDTH - MARGIN + 1:
                lines.setdefault(round(run.y, 1), []).append(run)
        for line in lines.values():
            line.sort(key=lambda run: run.x)
            for first, second in itertools.pairwise(line):
                right = first.x + stringWidth(first.text, first.font, first.size)
                if second.x - first.x > 1 and right > second.x - 5:
                    found.append((index, first.text, second.text))
    return found


@pytest.mark.parametrize("language", ["cy", "cy+en"])
def test_welsh_and_bilingual_fixed_words_stay_inside_their_cells(tmp_path, language):
    """'Ymgeisydd / Candidate' in the details' 30 mm, 'Rhif / No.' in 8 mm, 'Pwyntiau' over a
    lettered scale's points, 'heb ei sgorio' for an area weighted 0, a classification in
    words for three members: each wraps in its cell instead of running over the next."""
    from pcso_interview.profiles import read_profile_file
    from pcso_interview.session import Member

    (example,) = read_profile_file(EXAMPLE)
    data = example.to_dict()
    data["sheet_language"] = language
    profile = Profile.from_dict(data)
    panel = (*WELSH_PANEL, Member("m3", "Priya Castellanos", "member", "C-3032"))
    store = open_store(tmp_path / "sessions.db")
    try:
        sid = store.create_session(
            profile, candidate_name=CANDIDATE, candidate_ref="C-0600", date="2025-11-23",
            venue="Ystafell 2", panel=panel,
        )  # fmt: skip
        for member in panel:
            for area in profile.planned_areas:
                store.classify(sid, member.id, area.indicators[0].id, "demonstrated")
                store.grade(sid, member.id, area.id, 3)
        for area in profile.planned_areas:
            store.agree(sid, area.id, 3, "")
        sheet = Sheet.read(build_sheet(store.load(sid)))
    finally:
        store.close()
    welsh = SheetText("cy")
    for words in (welsh("scale.points"), welsh("matrix.not_scored"), welsh("details.candidate")):
        assert found_in(words, sheet.text), words
    assert overlapping_runs(sheet) == []
