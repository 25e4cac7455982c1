"""The force-file docs keep up with the format: every field of the schema is described in
docs/profile-format.md, its example file is a valid profile, and README's "Adding a force" names
each field beyond the seed profiles with an example."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pcso_interview.profiles import SCHEMA_FILE, parse_profiles, profile_warnings

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "profile-format.md"
# The fields issue 18 added, each of which README's "Adding a force" must show with an example.
NEW_FIELDS = (
    "sources",
    "vetting",
    "framework_name",
    "level",
    "stem",
    "description",
    "questions",
    "weight",
    "minimum",
    "label",
    "meets",
    "pass_mark_percent",
    "pass_mark_points",
)


def schema_fields() -> set[str]:
    """Every property name the force-file schema defines, at any depth."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                found.add(key)
                walk(value)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["$defs"])
    return found


def test_every_field_of_the_schema_is_described():
    text = DOC.read_text(encoding="utf-8")
    missing = sorted(f for f in schema_fields() if f"`{f}`" not in text)
    assert missing == []
    assert set(NEW_FIELDS) <= schema_fields()


def test_the_docs_example_file_is_a_valid_profile_without_warnings():
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"## A whole file\n\n```json\n(.*?)\n```", text, re.S)
    assert block
    profiles = parse_profiles(json.loads(block.group(1)), "docs/profile-format.md")
    (profile,) = profiles
    assert profile.framework_label == "Example Force Values 2026"
    assert [len(p.questions) for p in profile.plan] == [2, 1, 1]
    assert profile_warnings(profile) == []


def test_readme_adding_a_force_shows_every_new_field_with_an_example():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Adding a force") : readme.index("## Layout")]
    assert "docs/profile-format.md" in section
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    for field in NEW_FIELDS:
        row = next((r for r in rows if f"`{field}`" in r), None)
        assert row is not None, field
        example = row.split("|")[2].strip()
        assert example, field
