"""The marking sheet in Welsh or bilingual: a force setting (``sheet_language``) in the profile,
carried in the session's copy of it, so ``verify`` rebuilds the same sheet. Only the sheet's own
words change: indicator text, names and everything typed print as written."""

from __future__ import annotations

import copy
from pathlib import Path

import jsonschema
import pytest

from pcso_interview.profiles import SCHEMA_FILE, Profile
from reports.marking_sheet import build_sheet
from reports.sheet_text import LANGUAGES, TEXTS, SheetText, bilingual
from tests.cli_support import cli
from tests.reports.sheet_support import CANDIDATE, Sheet, found_in, open_store, scored, sign
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
