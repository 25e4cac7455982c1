"""The shipped profile data: schema-valid, verbatim from the seed documents, sensible defaults."""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from pathlib import Path

import jsonschema
import pytest

from pcso_interview.profiles import (
    DEFAULT_SCALE,
    SCHEMA_FILE,
    Profile,
    parse_profiles,
    with_defaults,
)

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
SOURCES_DIR = DATA_DIR / "sources"
KENT_FILE = "004_3d1ebce88dfb81d2.txt"
SEED_FILES = (
    "000_b3dea0175c6ba269.txt",
    "001_deb4a091987ec84d.txt",
    "002_93a142a1ad8607e4.txt",
    "003_e7b0d4b41e021def.txt",
    KENT_FILE,
)
PROFILE_IDS = (
    "gwent-cso",
    "south-wales-pcso",
    "band-2e-pcso",
    "grade-c-pcso",
    "kent-crime-prevention-pcso",
)
COMPETENCY_COUNTS_2016 = {
    "emotionally-aware": 8,
    "ownership": 9,
    "collaborative": 6,
    "deliver-support-inspire": 8,
    "analyse-critically": 8,
    "innovative-open-minded": 5,
}
VALUE_COUNTS = {"impartiality": 7, "integrity": 8, "public-service": 8, "transparency": 9}
TWO_SENTENCES = (
    "I recognise the need to think critically about issues. "
    "I value the use of analysis and testing in policing."
)
TWO_SENTENCES_THIRD_PERSON = (
    "Recognises the need to think critically about issues. "
    "Values the use of analysis and testing in policing."
)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@cache
def source_text(file_name: str) -> str:
    return normalise((SOURCES_DIR / file_name).read_text(encoding="utf-8"))


def raw_profile(data: dict, profile_id: str) -> dict:
    return next(p for p in data["profiles"] if p["id"] == profile_id)


def counts(profile: Profile, kind: str) -> dict[str, int]:
    return {a.id: len(a.indicators) for a in profile.areas if a.kind == kind}


def all_indicator_texts(profile: Profile) -> list[str]:
    return [i.text for a in profile.areas for i in a.indicators]


# --- schema and loading --------------------------------------------------------------------------


def test_shipped_file_validates_against_schema(builtin_data):
    """The schema beside the data is the contract for force files; the shipped file must meet it."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(builtin_data)


def test_shipped_file_loads_with_no_errors(builtin_profiles):
    """A fresh install must start with the five seed profiles and no warnings."""
    assert builtin_profiles.errors == ()
    assert tuple(p.id for p in builtin_profiles) == PROFILE_IDS


# --- the verbatim rule ---------------------------------------------------------------------------


@pytest.mark.parametrize("profile_id", PROFILE_IDS)
def test_indicator_and_criterion_text_is_verbatim(builtin_profiles, profile_id):
    """Each force's own wording is kept: text must be copied, never paraphrased."""
    profile = builtin_profiles.get(profile_id)
    own = source_text(profile.source_file)
    national = source_text(KENT_FILE)
    missing = []
    for area in profile.areas:
        assert area.text_source in ("document", "national")
        haystack = own if area.text_source == "document" else national
        missing += [
            f"{area.id}: {i.text}" for i in area.indicators if normalise(i.text) not in haystack
        ]
    missing += [
        f"criterion {c.id}: {c.text}" for c in profile.criteria if normalise(c.text) not in own
    ]
    missing += [
        f"criterion {c.id} description: {c.description}"
        for c in profile.criteria
        if c.description and normalise(c.description) not in own
    ]
    missing += [f"stem of {a.id}: {a.stem}" for a in profile.areas if a.stem and a.stem not in own]
    if profile.vetting and normalise(profile.vetting) not in own:
        missing.append(f"vetting: {profile.vetting}")
    assert not missing, f"{profile_id}: text not found in its source:\n" + "\n".join(missing)


def test_verbatim_check_would_catch_a_paraphrase():
    """Guards the rule above: a reworded indicator is not a substring of its document."""
    gwent = source_text("000_b3dea0175c6ba269.txt")
    assert normalise("I take responsibility for my own actions; I fulfil my promises") in gwent
    assert normalise("I take responsibility for my own actions, I fulfil my promises") not in gwent


# --- counts and names ----------------------------------------------------------------------------


def test_gwent_competencies_and_no_values(builtin_profiles):
    """Gwent's document prints the six competencies and no values."""
    gwent = builtin_profiles.get("gwent-cso")
    assert gwent.force == "Gwent Police"
    assert gwent.force_source == "document"
    assert counts(gwent, "competency") == COMPETENCY_COUNTS_2016
    assert [a.id for a in gwent.areas if a.kind == "competency"] == list(COMPETENCY_COUNTS_2016)
    assert counts(gwent, "value") == {}
    assert all(a.text_source == "document" for a in gwent.areas)
    assert gwent.indicator_count == 44


def test_south_wales_competencies_and_national_values(builtin_profiles):
    """South Wales words 'Takes ownership' with 8 indicators; its values come from the CVF."""
    sw = builtin_profiles.get("south-wales-pcso")
    assert sw.force == "South Wales Police"
    assert sw.force_source == "document"
    assert counts(sw, "competency") == {**COMPETENCY_COUNTS_2016, "ownership": 8}
    assert counts(sw, "value") == VALUE_COUNTS
    assert {a.text_source for a in sw.areas if a.kind == "competency"} == {"document"}
    assert {a.text_source for a in sw.areas if a.kind == "value"} == {"national"}


def test_kent_behaviours_and_document_values(builtin_profiles):
    """Kent prints both behaviours and values, so all of its text is its own."""
    kent = builtin_profiles.get("kent-crime-prevention-pcso")
    assert kent.force == "Kent Police"
    assert kent.force_source == "document"
    assert counts(kent, "competency") == COMPETENCY_COUNTS_2016
    assert counts(kent, "value") == VALUE_COUNTS
    names = {a.id: a.name for a in kent.areas if a.kind == "value"}
    assert names == {
        "impartiality": "Impartiality",
        "integrity": "Integrity",
        "public-service": "Public Service",
        "transparency": "Transparency",
    }
    assert {a.text_source for a in kent.areas} == {"document"}


@pytest.mark.parametrize(
    ("profile_id", "marker"), [("band-2e-pcso", "2E"), ("grade-c-pcso", "grade C")]
)
def test_unnamed_forces_are_labelled_and_national(builtin_profiles, profile_id, marker):
    """These documents name no force: label them by what they say, never by a guess."""
    profile = builtin_profiles.get(profile_id)
    assert profile.force_source == "label"
    assert marker in profile.force
    assert "Police" not in profile.force.replace("Police Staff", "")
    assert counts(profile, "competency") == COMPETENCY_COUNTS_2016
    assert counts(profile, "value") == VALUE_COUNTS
    assert {a.text_source for a in profile.areas} == {"national"}


@pytest.mark.parametrize(
    ("profile_id", "text"),
    [
        ("gwent-cso", TWO_SENTENCES),
        ("kent-crime-prevention-pcso", TWO_SENTENCES),
        ("south-wales-pcso", TWO_SENTENCES_THIRD_PERSON),
    ],
)
def test_two_sentence_indicator_is_one_indicator(builtin_profiles, profile_id, text):
    """The documents print it as one bullet; splitting it would change the count and meaning."""
    profile = builtin_profiles.get(profile_id)
    texts = all_indicator_texts(profile)
    assert texts.count(text) == 1
    area = next(a for a in profile.areas if any(i.text == text for i in a.indicators))
    assert area.id == "analyse-critically"
    first, second = text.split(". ", 1)
    assert first + "." not in texts
    assert second not in texts


def test_each_force_keeps_its_own_wording(builtin_profiles):
    """Kent writes ', I fulfil' and Gwent '; I fulfil': neither is normalised to the other."""
    kent = " ".join(all_indicator_texts(builtin_profiles.get("kent-crime-prevention-pcso")))
    gwent = " ".join(all_indicator_texts(builtin_profiles.get("gwent-cso")))
    assert "I take responsibility for my own actions, I fulfil my promises" in kent
    assert "I take responsibility for my own actions; I fulfil my promises" not in kent
    assert "I take responsibility for my own actions; I fulfil my promises" in gwent
    assert "I take responsibility for my own actions, I fulfil my promises" not in gwent


def test_kent_technical_skills_have_levels(builtin_profiles):
    """Kent asks for a level per technical skill; the level is part of the criterion."""
    kent = builtin_profiles.get("kent-crime-prevention-pcso")
    levels = {c.text: c.level for c in kent.criteria if c.category == "technical-skill"}
    assert levels["Community Partnerships"] == "3"
    assert levels["ECYPM"] == "4"
    assert all(levels.values())


def test_kent_technical_skills_keep_their_descriptions(builtin_profiles):
    """Kent describes each technical skill under its name and level; the description is the
    document's own paragraph, verbatim, the one that follows the 'Name (Level n)' line."""
    kent = builtin_profiles.get("kent-crime-prevention-pcso")
    lines = (SOURCES_DIR / KENT_FILE).read_text(encoding="utf-8").splitlines()
    skills = [c for c in kent.criteria if c.category == "technical-skill" and c.level.isdigit()]
    assert len(skills) == 16
    for skill in skills:
        heading = lines.index(f"{skill.text} (Level {skill.level})")
        following = next(line for line in lines[heading + 1 :] if line.strip())
        assert skill.description == following.strip(), skill.id
    partnerships = next(c for c in skills if c.id == "community-partnerships")
    assert partnerships.description.startswith(
        "Work with the community partners and other agencies to solve community problems"
    )


def test_gwent_welsh_is_desirable_as_its_text_says(builtin_profiles):
    """'Level 1 welsh (training will be given). Fluency in welsh desirable.': the only
    requirement the document states for it is desirable, so it is not marked essential."""
    gwent = builtin_profiles.get("gwent-cso")
    welsh = {c.id: c for c in gwent.criteria if "welsh" in c.text.lower()}
    assert welsh["welsh-level-1"].text.endswith("Fluency in welsh desirable.")
    assert welsh["welsh-level-1"].requirement == "desirable"
    assert welsh["welsh-speaking"].requirement == "desirable"


@pytest.mark.parametrize(
    ("profile_id", "vetting"),
    [
        ("gwent-cso", "RV"),
        ("south-wales-pcso", "RV/CTC – Recruitment Vetting/ Counter Terrorism Check"),
        ("band-2e-pcso", ""),
        ("grade-c-pcso", ""),
        ("kent-crime-prevention-pcso", "Recruitment Vetting (RV)"),
    ],
)
def test_vetting_level_as_each_document_gives_it(builtin_profiles, profile_id, vetting):
    """Three documents name a vetting level (in their own words); two say nothing."""
    assert builtin_profiles.get(profile_id).vetting == vetting


# --- defaults ------------------------------------------------------------------------------------


@pytest.mark.parametrize("profile_id", PROFILE_IDS)
def test_shipped_profile_defaults(builtin_profiles, profile_id):
    """The documented defaults are what every seed force gets unless it says otherwise."""
    p = builtin_profiles.get(profile_id)
    assert p.scale.values == (1, 2, 3, 4, 5)
    assert [pt.name for pt in p.scale.points] == [
        "Unacceptable",
        "Below requirements",
        "Meets requirements",
        "Exceeds requirements",
        "Outstanding",
    ]
    assert all(pt.descriptor.strip() for pt in p.scale.points)
    assert p.scale.meets == 3
    assert p.plan, "at least one area is graded at interview"
    assert all(planned.minimum == 3 for planned in p.plan)
    assert all(planned.weight == 1 for planned in p.plan)
    area_ids = {a.id for a in p.areas}
    assert all(planned.area in area_ids for planned in p.plan)
    assert len({planned.area for planned in p.plan}) == len(p.plan)
    assert p.pass_mark_percent == 60
    assert p.method == "consensus"
    assert p.protective_marking == "OFFICIAL-SENSITIVE"
    assert p.retention_months == 12


def test_seed_documents_are_shipped():
    """The verbatim rule can only be checked if the sources travel with the data."""
    for name in SEED_FILES:
        path = SOURCES_DIR / name
        assert path.is_file(), name
        assert path.read_text(encoding="utf-8").strip(), name


# --- minimal and cvf-2024 profiles ---------------------------------------------------------------


def minimal_profile(profile_id: str = "minimal-force") -> dict:
    """Only the fields the schema requires."""
    return {
        "id": profile_id,
        "force": "Example Force",
        "force_source": "document",
        "role_title": "Police Community Support Officer",
        "grade": "Grade 1",
        "source": {"file": "example.txt", "date": ""},
        "framework": "cvf-2016",
        "level": 1,
        "areas": [
            {
                "id": "integrity",
                "name": "Integrity",
                "kind": "value",
                "text_source": "document",
                "indicators": [{"id": "int-1", "text": "Example indicator one."}],
            },
            {
                "id": "collaborative",
                "name": "We are collaborative",
                "kind": "competency",
                "text_source": "document",
                "indicators": [{"id": "col-1", "text": "Example indicator two."}],
            },
        ],
        "interview_plan": [{"area": "integrity"}, {"area": "collaborative"}],
    }


def test_minimal_profile_gets_every_default():
    """A force file may leave out everything defaulted; the app fills it in."""
    data = minimal_profile()
    before = copy.deepcopy(data)
    profile = Profile.from_dict(data)
    assert data == before, "from_dict must not change its input"
    assert profile.criteria == ()
    assert profile.scale.id == DEFAULT_SCALE["id"]
    assert profile.scale.values == (1, 2, 3, 4, 5)
    assert profile.pass_mark_percent == 60
    assert profile.method == "consensus"
    assert profile.protective_marking == "OFFICIAL-SENSITIVE"
    assert profile.retention_months == 12
    assert [(p.question, p.weight, p.minimum) for p in profile.plan] == [("", 1, 3)] * 2
    assert profile.source_title == ""

    full = with_defaults(data)
    assert full["outcome_rule"] == {"pass_mark_percent": 60}
    assert full["agreed_grade_method"] == "consensus"
    assert full["scale"] == DEFAULT_SCALE
    assert full["scale"] is not DEFAULT_SCALE
    assert profile.to_dict() == full
    assert Profile.from_dict(profile.to_dict()) == profile


def test_minimal_profile_validates():
    """'Only the required fields' must really be enough for the schema and the semantic checks."""
    (profile,) = parse_profiles(
        {"format": "pcso-interview-profiles", "version": 1, "profiles": [minimal_profile()]},
        "minimal.json",
    )
    assert profile.id == "minimal-force"


def test_minimum_defaults_to_the_scales_meets_point():
    """A force with its own scale gets its own 'meets' as the default floor, not 3."""
    data = minimal_profile()
    data["scale"] = {
        "id": "a-to-d",
        "meets": 2,
        "points": [
            {"value": v, "label": lab, "name": lab, "descriptor": f"Grade {lab}."}
            for v, lab in ((1, "D"), (2, "C"), (3, "B"), (4, "A"))
        ],
    }
    profile = Profile.from_dict(data)
    assert [p.minimum for p in profile.plan] == [2, 2]
    assert profile.scale.label(4) == "A"


def test_cvf_2024_profile_validates():
    """Nothing assumes six competencies and four values: the 2024 framework must load."""
    values = ["Courage", "Respect and empathy", "Public service"]
    competencies = ["We collaborate", "We support and inspire"]
    areas = []
    n = 0
    for kind, names in (("value", values), ("competency", competencies)):
        for name in names:
            n += 1
            area_id = re.sub(r"[^a-z]+", "-", name.lower())
            areas.append(
                {
                    "id": area_id,
                    "name": name,
                    "cluster": "",
                    "kind": kind,
                    "text_source": "document",
                    "indicators": [
                        {"id": f"{area_id}-1", "text": "Example indicator one."},
                        {"id": f"{area_id}-2", "text": "Example indicator two."},
                    ],
                }
            )
    prof = minimal_profile("cvf-2024-example")
    prof.update(framework="cvf-2024", areas=areas)
    prof["interview_plan"] = [
        {"area": a["id"], "question": f"Question {i}."} for i, a in enumerate(areas)
    ]
    data = {"format": "pcso-interview-profiles", "version": 1, "profiles": [prof]}
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    (profile,) = parse_profiles(data, "cvf-2024.json")
    assert profile.framework == "cvf-2024"
    assert [a.name for a in profile.areas if a.kind == "value"] == values
    assert len(profile.plan) == n == 5
