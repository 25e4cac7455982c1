"""Force profiles: load, validate and merge competencies.json and extra force files.

A profile is read once into frozen dataclasses; a session keeps the profile's dict form as a
snapshot (``Profile.to_dict``) so that later edits of the file never change a past session.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pcso_interview import paths
from pcso_interview.files import write_atomic
from pcso_interview.paths import DATA_DIR
from pcso_interview.scoring import Method

BUILTIN_FILE = DATA_DIR / "competencies.json"
SCHEMA_FILE = DATA_DIR / "competencies.schema.json"
PROFILES_FORMAT = "pcso-interview-profiles"  # the top-level "format" of a force file

DEFAULT_PASS_MARK_PERCENT = 60
DEFAULT_METHOD = Method.CONSENSUS.value
DEFAULT_MARKING = "OFFICIAL-SENSITIVE"
DEFAULT_RETENTION_MONTHS = 12
DEFAULT_WEIGHT = 1
DEFAULT_SCALE: dict[str, Any] = {
    "id": "five-point",
    "meets": 3,
    "points": [
        {
            "value": 1,
            "label": "1",
            "name": "Unacceptable",
            "descriptor": "Little or no evidence, or serious contrary evidence.",
        },
        {
            "value": 2,
            "label": "2",
            "name": "Below requirements",
            "descriptor": "Some evidence, but gaps or contrary evidence against key indicators.",
        },
        {
            "value": 3,
            "label": "3",
            "name": "Meets requirements",
            "descriptor": "Sound evidence of most indicators; no significant contrary evidence.",
        },
        {
            "value": 4,
            "label": "4",
            "name": "Exceeds requirements",
            "descriptor": "Strong evidence of most indicators, some beyond the level expected.",
        },
        {
            "value": 5,
            "label": "5",
            "name": "Outstanding",
            "descriptor": "Strong, consistent evidence across the indicators; nothing contrary.",
        },
    ],
}


@dataclass(frozen=True)
class Indicator:
    id: str
    text: str


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    cluster: str
    kind: str  # "competency" or "value"
    text_source: str  # "document" or "national"
    indicators: tuple[Indicator, ...]

    @property
    def is_national(self) -> bool:
        return self.text_source == "national"


@dataclass(frozen=True)
class ScalePoint:
    value: int
    label: str
    name: str
    descriptor: str


@dataclass(frozen=True)
class Scale:
    id: str
    meets: int
    points: tuple[ScalePoint, ...]

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(p.value for p in self.points)

    @property
    def highest(self) -> int:
        return max(self.values)

    def point(self, value: int) -> ScalePoint:
        for p in self.points:
            if p.value == value:
                return p
        raise KeyError(f"{value} is not a point on the scale {self.id}")

    def label(self, value: int) -> str:
        return self.point(value).label

    def grade_problem(self, value: object) -> str:
        """The one wording for a grade off this scale, wherever a grade is typed or read (the
        store's refusal, the consensus table, a session file); empty when it is on it."""
        if isinstance(value, int) and not isinstance(value, bool) and value in self.values:
            return ""
        points = ", ".join(
            str(p.value) if p.label == str(p.value) else f"{p.value} ({p.label})"
            for p in self.points
        )
        return f"{value} is not a grade on this scale ({points})."


@dataclass(frozen=True)
class Criterion:
    id: str
    category: str
    text: str
    requirement: str = ""
    assessed_by: tuple[str, ...] = ()
    level: str = ""


@dataclass(frozen=True)
class PlannedArea:
    area: str
    question: str
    weight: int
    minimum: int


@dataclass(frozen=True)
class Profile:
    id: str
    force: str
    force_source: str
    role_title: str
    grade: str
    source_file: str
    source_title: str
    source_date: str
    framework: str
    level: int
    areas: tuple[Area, ...]
    criteria: tuple[Criterion, ...]
    plan: tuple[PlannedArea, ...]
    scale: Scale
    pass_mark_percent: int
    method: Method
    protective_marking: str
    retention_months: int
    notes: str = ""
    # A force may let a one-member panel work without a PIN (nobody else to act as).
    pin_for_single_member: bool = True
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def area(self, area_id: str) -> Area:
        for a in self.areas:
            if a.id == area_id:
                return a
        raise KeyError(f"profile {self.id} has no area {area_id}")

    @property
    def planned_areas(self) -> tuple[Area, ...]:
        return tuple(self.area(p.area) for p in self.plan)

    def planned(self, area_id: str) -> PlannedArea:
        for p in self.plan:
            if p.area == area_id:
                return p
        raise KeyError(f"area {area_id} is not planned for interview in {self.id}")

    @property
    def indicator_count(self) -> int:
        return sum(len(a.indicators) for a in self.areas)

    @property
    def title(self) -> str:
        return f"{self.force} · {self.role_title} · {self.grade}"

    def to_dict(self) -> dict[str, Any]:
        """The complete dict form, defaults filled in: what a session snapshots."""
        copied: dict[str, Any] = json.loads(json.dumps(self.raw))
        return copied

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        """Build from a validated dict, filling in the documented defaults."""
        full = with_defaults(data)
        scale = full["scale"]
        return cls(
            id=full["id"],
            force=full["force"],
            force_source=full["force_source"],
            role_title=full["role_title"],
            grade=full["grade"],
            source_file=full["source"]["file"],
            source_title=full["source"].get("title", ""),
            source_date=full["source"]["date"],
            framework=full["framework"],
            level=full["level"],
            areas=tuple(
                Area(
                    id=a["id"],
                    name=a["name"],
                    cluster=a.get("cluster", ""),
                    kind=a["kind"],
                    text_source=a["text_source"],
                    indicators=tuple(Indicator(i["id"], i["text"]) for i in a["indicators"]),
                )
                for a in full["areas"]
            ),
            criteria=tuple(
                Criterion(
                    id=c["id"],
                    category=c["category"],
                    text=c["text"],
                    requirement=c.get("requirement", ""),
                    assessed_by=tuple(c.get("assessed_by", ())),
                    level=c.get("level", ""),
                )
                for c in full.get("criteria", ())
            ),
            plan=tuple(
                PlannedArea(p["area"], p["question"], p["weight"], p["minimum"])
                for p in full["interview_plan"]
            ),
            scale=Scale(
                id=scale["id"],
                meets=scale["meets"],
                points=tuple(
                    ScalePoint(p["value"], p["label"], p["name"], p["descriptor"])
                    for p in sorted(scale["points"], key=lambda p: p["value"])
                ),
            ),
            pass_mark_percent=full["outcome_rule"]["pass_mark_percent"],
            method=Method(full["agreed_grade_method"]),
            protective_marking=full["protective_marking"],
            retention_months=full["retention_months"],
            notes=full.get("notes", ""),
            pin_for_single_member=full.get("pin_for_single_member", True),
            raw=full,
        )


def with_defaults(data: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy of a profile dict with every defaulted field present."""
    full: dict[str, Any] = json.loads(json.dumps(data))
    full.setdefault("criteria", [])
    full.setdefault("scale", json.loads(json.dumps(DEFAULT_SCALE)))
    full.setdefault("outcome_rule", {"pass_mark_percent": DEFAULT_PASS_MARK_PERCENT})
    full.setdefault("agreed_grade_method", DEFAULT_METHOD)
    full.setdefault("protective_marking", DEFAULT_MARKING)
    full.setdefault("retention_months", DEFAULT_RETENTION_MONTHS)
    for planned in full["interview_plan"]:
        planned.setdefault("question", "")
        planned.setdefault("weight", DEFAULT_WEIGHT)
        planned.setdefault("minimum", full["scale"]["meets"])
    return full


@dataclass(frozen=True)
class ProfileError:
    """One clear message about one bad force file."""

    file: str
    json_path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: at {self.json_path}: {self.message}"


class ProfileFileError(ValueError):
    def __init__(self, error: ProfileError):
        super().__init__(str(error))
        self.error = error


@dataclass(frozen=True)
class ProfileSet:
    """The profiles that loaded, and one error for each file that did not."""

    profiles: tuple[Profile, ...]
    errors: tuple[ProfileError, ...] = ()

    def get(self, profile_id: str) -> Profile:
        for p in self.profiles:
            if p.id == profile_id:
                return p
        known = ", ".join(p.id for p in self.profiles) or "none"
        raise KeyError(f"unknown profile {profile_id!r} (known: {known})")

    def __iter__(self) -> Iterator[Profile]:
        return iter(self.profiles)

    def __len__(self) -> int:
        return len(self.profiles)


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


def _is_integer(checker: Any, instance: Any) -> bool:
    """JSON Schema counts 2.0 as an integer; scoring and canonical JSON need a real int."""
    return isinstance(instance, int) and not isinstance(instance, bool)


def strict_validator(a_schema: dict[str, Any]) -> Any:
    """A Draft 2020-12 validator where an integer is a real int: JSON Schema would let 3.0
    through, which scoring and canonical JSON refuse (jsonschema imported only when used)."""
    import jsonschema

    validator = jsonschema.validators.extend(
        jsonschema.Draft202012Validator,
        type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
    )
    return validator(a_schema)


@cache
def _validator() -> Any:
    """The force-file schema's validator."""
    return strict_validator(schema())


def _semantic_errors(data: Mapping[str, Any]) -> Iterable[tuple[str, str]]:
    """Rules a JSON Schema cannot say: references, uniqueness, reachable pass marks."""
    seen_profiles: set[str] = set()
    for pi, prof in enumerate(data["profiles"]):
        base = f"$.profiles[{pi}]"
        if prof["id"] in seen_profiles:
            yield f"{base}.id", f"duplicate profile id {prof['id']!r}"
        seen_profiles.add(prof["id"])
        area_ids: set[str] = set()
        indicator_ids: set[str] = set()
        for ai, area in enumerate(prof["areas"]):
            if area["id"] in area_ids:
                yield f"{base}.areas[{ai}].id", f"duplicate area id {area['id']!r}"
            area_ids.add(area["id"])
            for ii, ind in enumerate(area["indicators"]):
                if ind["id"] in indicator_ids:
                    yield (
                        f"{base}.areas[{ai}].indicators[{ii}].id",
                        f"duplicate indicator id {ind['id']!r}",
                    )
                indicator_ids.add(ind["id"])
        criterion_ids: set[str] = set()
        for ci, crit in enumerate(prof.get("criteria", ())):
            if crit["id"] in criterion_ids:
                yield f"{base}.criteria[{ci}].id", f"duplicate criterion id {crit['id']!r}"
            criterion_ids.add(crit["id"])
        scale = prof.get("scale", DEFAULT_SCALE)
        values = [p["value"] for p in scale["points"]]
        if len(set(values)) < 2:
            yield f"{base}.scale.points", "a scale needs at least two different points"
            continue
        if len(set(values)) != len(values):
            yield f"{base}.scale.points", "two points of the scale have the same value"
        elif sorted(values) != list(range(min(values), max(values) + 1)):
            yield (
                f"{base}.scale.points",
                "scale values must be consecutive whole numbers (labels such as A-D may differ)",
            )
        if scale["meets"] not in values:
            yield f"{base}.scale.meets", f"{scale['meets']} is not a value on the scale"
        planned: set[str] = set()
        for pa, plan in enumerate(prof["interview_plan"]):
            path = f"{base}.interview_plan[{pa}]"
            if plan["area"] not in area_ids:
                yield f"{path}.area", f"the interview plan names {plan['area']!r}, not an area"
            if plan["area"] in planned:
                yield f"{path}.area", f"{plan['area']!r} is planned twice"
            planned.add(plan["area"])
            minimum = plan.get("minimum", scale["meets"])
            if minimum not in values:
                yield (
                    f"{path}.minimum",
                    f"minimum {minimum} is not a value on the scale ({min(values)}-{max(values)}),"
                    " so the area could never pass",
                )
        pass_mark = prof.get("outcome_rule", {}).get("pass_mark_percent", DEFAULT_PASS_MARK_PERCENT)
        if pass_mark > 100:
            yield (
                f"{base}.outcome_rule.pass_mark_percent",
                f"a pass mark of {pass_mark}% of the maximum can never be reached",
            )


def parse_profiles(data: Any, file: str, *, schema_checked: bool = False) -> tuple[Profile, ...]:
    """Validate one force file's content; raise ProfileFileError with the first problem.

    ``schema_checked`` skips the JSON Schema (not the other rules) for content already
    validated unchanged: see ``_known_valid``.
    """
    if not schema_checked:
        from jsonschema.exceptions import best_match

        error = best_match(_validator().iter_errors(data))
        if error is not None:
            raise ProfileFileError(ProfileError(file, error.json_path, _schema_message(error)))
    for path, message in _semantic_errors(data):
        raise ProfileFileError(ProfileError(file, path, message))
    profiles = []
    for index, entry in enumerate(data["profiles"]):
        try:
            profiles.append(Profile.from_dict(entry))
        except (KeyError, TypeError, ValueError) as exc:  # a rule the checks above missed
            raise ProfileFileError(
                ProfileError(file, f"$.profiles[{index}]", f"not usable ({exc})")
            ) from None
    return tuple(profiles)


def _schema_message(error: Any) -> str:
    message = str(error.message)
    if error.validator == "additionalProperties":
        return message.replace("Additional properties are not allowed", "unknown field")
    if error.validator == "required":
        return message.replace("is a required property", "is missing")
    if error.validator == "minItems":
        return f"needs at least {error.validator_value} item(s), has {len(error.instance)}"
    return message


def _validated_cache() -> Path:
    return paths.user_cache_dir() / "validated-profiles.txt"


def _known_valid(digest: str) -> bool:
    """True when exactly this file content (and schema) passed the schema before.

    Validating the built-in profiles with jsonschema costs a quarter of a second at every
    start; a file and schema that are byte-for-byte unchanged need not be checked again.
    """
    return digest in _validated_cache_lines(_validated_cache())


def _remember_valid(digest: str) -> None:
    try:
        cache_file = _validated_cache()
        cache_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        known = [d for d in _validated_cache_lines(cache_file) if d != digest][-19:]
        write_atomic(cache_file, ("\n".join([*known, digest]) + "\n").encode("ascii"))
    except OSError:
        pass  # only a speed-up: validation simply runs again next time


def _validated_cache_lines(cache_file: Path) -> list[str]:
    try:
        return cache_file.read_text(encoding="ascii").split()
    except (OSError, UnicodeDecodeError):
        return []


def read_profile_file(path: Path) -> tuple[Profile, ...]:
    """Read and validate one file; raise ProfileFileError naming the file and JSON path."""
    from pcso_interview import jsonfiles

    name = str(path)
    try:
        raw = jsonfiles.read_bytes(path, max_bytes=jsonfiles.PROFILE_FILE_BYTES)
        data = jsonfiles.decode(raw)
    except FileNotFoundError:
        raise ProfileFileError(ProfileError(name, "$", "no such file")) from None
    except OSError as exc:
        raise ProfileFileError(ProfileError(name, "$", f"cannot be read ({exc})")) from None
    except jsonfiles.JsonFileError as exc:
        raise ProfileFileError(ProfileError(name, "$", str(exc))) from None
    digest = hashlib.sha256(raw + SCHEMA_FILE.read_bytes()).hexdigest()
    known = _known_valid(digest)
    profiles = parse_profiles(data, name, schema_checked=known)
    if not known:
        _remember_valid(digest)
    return profiles


def load_profiles(
    extra_files: Iterable[Path] = (), builtin: Path | None = BUILTIN_FILE
) -> ProfileSet:
    """The built-in profiles merged with extra force files; a bad file is reported, not fatal."""
    files = ([builtin] if builtin is not None else []) + list(extra_files)
    profiles: dict[str, Profile] = {}
    errors: list[ProfileError] = []
    for path in files:
        try:
            loaded = read_profile_file(path)
        except ProfileFileError as exc:
            errors.append(exc.error)
            continue
        clash = next(
            ((i, p.id) for i, p in enumerate(loaded) if p.id in profiles),
            None,
        )
        if clash is not None:
            index, pid = clash
            errors.append(
                ProfileError(
                    str(path),
                    f"$.profiles[{index}].id",
                    f"duplicate profile id {pid!r}: already defined in an earlier file",
                )
            )
            continue
        profiles.update((p.id, p) for p in loaded)
    return ProfileSet(tuple(profiles.values()), tuple(errors))


def extra_profile_files(folder: Path | None) -> list[Path]:
    """The *.json files in the user's profiles folder, in a stable order."""
    if folder is None or not folder.is_dir():
        return []
    return sorted(folder.glob("*.json"))


def collect_profiles(extra: Iterable[Path] = ()) -> ProfileSet:
    """Built-in profiles, the user's profiles folder, then files named with --profiles."""
    return load_profiles([*extra_profile_files(paths.user_profiles_dir()), *extra])
