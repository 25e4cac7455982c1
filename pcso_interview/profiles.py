"""Force profiles: load, validate and merge competencies.json and extra force files.

A profile is read once into frozen dataclasses; a session keeps the profile's dict form as a
snapshot (``Profile.to_dict``) so that later edits of the file never change a past session.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

from pcso_interview import paths
from pcso_interview.files import write_atomic
from pcso_interview.paths import DATA_DIR
from pcso_interview.phrases import Phrase
from pcso_interview.plain_text import clipped, refused_character
from pcso_interview.scoring import (
    RULES_VERSION,
    Method,
    number_text,
    pass_mark_phrase,
    pass_mark_text,
)

BUILTIN_FILE = DATA_DIR / "competencies.json"
SCHEMA_FILE = DATA_DIR / "competencies.schema.json"
PROFILES_FORMAT = "pcso-interview-profiles"  # the top-level "format" of a force file

DEFAULT_PASS_MARK_PERCENT = 60
DEFAULT_METHOD = Method.CONSENSUS.value
DEFAULT_MARKING = "OFFICIAL-SENSITIVE"
DEFAULT_RETENTION_MONTHS = 12
DEFAULT_WEIGHT = 1
# The frameworks a profile may name by id alone; any other id needs a framework_name.
FRAMEWORK_NAMES = {
    "cvf-2016": "CVF 2016",
    "cvf-2024": "CVF 2024",
}
QUESTION_KEY_SEPARATOR = "#"  # an area's second question is "area-id#2", its third "area-id#3"
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
    stem: str = (
        ""  # words the indicators complete, shown before them: "We act with courage when we:"
    )

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

    @property
    def numbered(self) -> bool:
        """Every label is its own value (1-5): digits typed are grades. A lettered scale
        (A-D) is typed by its letters."""
        return all(p.label == str(p.value) for p in self.points)

    def value_of(self, text: str) -> int | None:
        """The value of the point whose label is ``text`` (any case, spaces around ignored),
        or None: a grade is typed by its label wherever one is typed."""
        wanted = text.strip().casefold()
        for p in self.points:
            if p.label.strip().casefold() == wanted:
                return p.value
        return None

    @property
    def labels_text(self) -> str:
        """'1, 2, 3, 4, 5' or 'A, B, C, D', best first for a lettered scale as forces list it."""
        points = self.points if self.numbered else tuple(reversed(self.points))
        return ", ".join(p.label for p in points)

    def typed_problem(self, text: str) -> str:
        """Why typed text is not a grade on this scale; empty when it is one."""
        problem = self.typed_problem_phrase(text)
        return "" if problem is None else str(problem)

    def typed_problem_phrase(self, text: str) -> Phrase | None:
        """``typed_problem`` as a phrase (None when the text is a grade), for the screens."""
        if self.value_of(text) is not None:
            return None
        return Phrase.of("scale.not_a_grade", text=text.strip(), labels=self.labels_text)

    def grade_problem(self, value: object) -> str:
        """The one wording for a grade value off this scale, wherever one is read (the store's
        refusal, a session file); empty when it is on it. Typed text is read by its label
        (``typed_problem``, in the same words)."""
        problem = self.grade_problem_phrase(value)
        return "" if problem is None else str(problem)

    def grade_problem_phrase(self, value: object) -> Phrase | None:
        """``grade_problem`` as a phrase (None when the value is on the scale), for the
        screens."""
        if isinstance(value, int) and not isinstance(value, bool) and value in self.values:
            return None
        points = ", ".join(
            str(p.value) if p.label == str(p.value) else f"{p.value} ({p.label})"
            for p in self.points
        )
        return Phrase.of("error.off_scale", value=str(value), points=points)


@dataclass(frozen=True)
class Criterion:
    id: str
    category: str
    text: str
    requirement: str = ""
    assessed_by: tuple[str, ...] = ()
    level: str = ""
    description: str = ""  # what the document says the criterion means (a technical skill's)


@dataclass(frozen=True)
class PlannedArea:
    area: str
    questions: tuple[str, ...]  # as the profile gives them; at least one slot per area
    weight: Fraction  # 0 observed, not scored; whole numbers or one decimal place
    minimum: int | None  # the lowest passing agreed grade (a value); None: no minimum

    @property
    def question(self) -> str:
        return self.questions[0] if self.questions else ""

    @property
    def question_keys(self) -> tuple[str, ...]:
        """Where each question of the area is kept in a session: the first under the area's
        id (as when an area had one question), the n-th under 'area-id#n'."""
        count = max(1, len(self.questions))
        return tuple(question_key(self.area, n) for n in range(1, count + 1))

    @property
    def scored(self) -> bool:
        return self.weight != 0


def question_key(area_id: str, number: int) -> str:
    return area_id if number == 1 else f"{area_id}{QUESTION_KEY_SEPARATOR}{number}"


def question_key_area(key: str) -> str:
    """The area a question key belongs to."""
    return key.split(QUESTION_KEY_SEPARATOR, 1)[0]


@dataclass(frozen=True)
class Source:
    """One document the profile is taken from."""

    file: str
    title: str = ""
    date: str = ""


@dataclass(frozen=True)
class Profile:
    id: str
    force: str
    force_source: str
    role_title: str
    grade: str
    sources: tuple[Source, ...]
    framework: str  # an id: cvf-2016, cvf-2024, or the force's own
    level: int | None  # the competencies' level; None when the profile names none
    areas: tuple[Area, ...]
    criteria: tuple[Criterion, ...]
    plan: tuple[PlannedArea, ...]
    scale: Scale
    pass_mark_percent: Fraction | None  # None when the pass mark is in points
    method: Method
    protective_marking: str
    retention_months: int
    notes: str = ""
    # A force may let a one-member panel work without a PIN (nobody else to act as).
    pin_for_single_member: bool = True
    framework_name: str = ""
    vetting: str = ""  # the vetting level the document asks for, in its words
    pass_mark_points: Fraction | None = None  # a weighted total to reach, instead of a percentage
    # Which edition of the scoring rules a session's copy of the profile was made under; 1 for
    # copies kept before there were editions (RULES_VERSION for every profile loaded now).
    rules_version: int = 1
    # The language of the marking sheet's own words: "en", "cy" (Welsh) or "cy+en" (bilingual).
    # Read, not defaulted into the dict form: a copy without it is English and keeps its digest.
    sheet_language: str = "en"
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def source_file(self) -> str:
        return self.sources[0].file

    @property
    def source_title(self) -> str:
        return self.sources[0].title

    @property
    def source_date(self) -> str:
        return self.sources[0].date

    @property
    def sources_text(self) -> str:
        """Every source document as a reader wants it: 'Job Description, December 2020'."""
        return "; ".join(str(s) for s in self.sources_phrases)

    @property
    def sources_phrases(self) -> tuple[str | Phrase, ...]:
        """Each source as ``sources_text`` names it; a source with no title is a phrase
        ('Role profile'), the one word in it to translate."""
        return tuple(
            s.title + (f", {s.date}" if s.date else "")
            if s.title
            else Phrase.of("source.untitled.dated", date=s.date)
            if s.date
            else Phrase.of("source.untitled")
            for s in self.sources
        )

    @property
    def framework_label(self) -> str:
        """The framework by name: 'CVF 2016', or a force's own framework's name."""
        return (
            self.framework_name or FRAMEWORK_NAMES.get(self.framework, "") or self.framework.upper()
        )

    @property
    def level_text(self) -> str:
        """The level in words, saying what it applies to: values are not levelled."""
        return str(self.level_phrase)

    @property
    def level_phrase(self) -> Phrase:
        """``level_text`` as a phrase, for a screen or sheet in another language."""
        if self.level is None:
            return Phrase.of("level.none")
        has_values = any(a.kind == "value" for a in self.areas)
        has_competencies = any(a.kind == "competency" for a in self.areas)
        if has_values and has_competencies:
            return Phrase.of("level.competencies", level=str(self.level))
        if has_values:
            return Phrase.of("level.none")
        return Phrase.of("level.one", level=str(self.level))

    @property
    def pass_mark_text(self) -> str:
        return pass_mark_text(self.pass_mark_percent, self.pass_mark_points)

    @property
    def pass_mark_phrase(self) -> str | Phrase:
        return pass_mark_phrase(self.pass_mark_percent, self.pass_mark_points)

    @property
    def decimal_weights(self) -> bool:
        """Some weight has a decimal place: weights, scores and totals show one."""
        return any(p.weight.denominator != 1 for p in self.plan)

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
        scale_data = full["scale"]
        scale = Scale(
            id=scale_data["id"],
            meets=0,
            points=tuple(
                ScalePoint(p["value"], p["label"], p["name"], p["descriptor"])
                for p in sorted(scale_data["points"], key=lambda p: p["value"])
            ),
        )
        scale = Scale(scale.id, scale_value(scale, scale_data["meets"]), scale.points)
        rule = full["outcome_rule"]
        return cls(
            id=full["id"],
            force=full["force"],
            force_source=full["force_source"],
            role_title=full["role_title"],
            grade=full["grade"],
            sources=tuple(
                Source(s["file"], s.get("title", ""), s.get("date", "")) for s in _sources(full)
            ),
            framework=full["framework"],
            framework_name=full.get("framework_name", ""),
            level=full.get("level"),
            vetting=full.get("vetting", ""),
            areas=tuple(
                Area(
                    id=a["id"],
                    name=a["name"],
                    cluster=a.get("cluster", ""),
                    kind=a["kind"],
                    text_source=a["text_source"],
                    indicators=tuple(Indicator(i["id"], i["text"]) for i in a["indicators"]),
                    stem=a.get("stem", ""),
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
                    description=c.get("description", ""),
                )
                for c in full.get("criteria", ())
            ),
            plan=tuple(
                PlannedArea(
                    p["area"],
                    tuple(p["questions"]) if "questions" in p else (p["question"],),
                    decimal(p["weight"]),
                    scale_value(scale, p["minimum"]) if "minimum" in p else None,
                )
                for p in full["interview_plan"]
            ),
            scale=scale,
            pass_mark_percent=(
                decimal(rule["pass_mark_percent"]) if "pass_mark_percent" in rule else None
            ),
            pass_mark_points=(
                decimal(rule["pass_mark_points"]) if "pass_mark_points" in rule else None
            ),
            method=Method(full["agreed_grade_method"]),
            protective_marking=full["protective_marking"],
            retention_months=full["retention_months"],
            notes=full.get("notes", ""),
            pin_for_single_member=full.get("pin_for_single_member", True),
            rules_version=full.get("rules_version", 1),
            sheet_language=full.get("sheet_language", "en"),
            raw=full,
        )


def _sources(profile: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """A profile's documents: "sources" (a list) or "source" (one)."""
    if "sources" in profile:
        return list(profile["sources"])
    return [profile["source"]]


DECIMAL_TEXT = re.compile(r"^[0-9]{1,15}(\.[0-9]{1,15})?$")


def decimal(value: object) -> Fraction:
    """A number from a profile, exactly: 2, 1.5 or "1.5" (a float is read by its shortest
    decimal text, which is what was written). ValueError for anything else."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float) and math.isfinite(value):
        return Fraction(repr(value))
    if isinstance(value, str) and DECIMAL_TEXT.match(value):
        return Fraction(value)
    raise ValueError(f"{value!r} is not a number")


def decimal_places(value: object) -> int:
    """How many decimal places a number was written with (2 -> 0, 1.5 -> 1, "62.25" -> 2)."""
    text = repr(value) if isinstance(value, float) else str(value)
    if "e" in text.lower():
        return 99  # 1e-05: far too many
    return len(text.split(".", 1)[1].rstrip("0")) if "." in text else 0


def canonical_decimal(value: object) -> object:
    """A decimal as the profile's copy in a session keeps it: canonical JSON holds integers
    and strings only, so 1.5 is kept as "1.5" (a whole number stays an integer)."""
    if isinstance(value, float):
        exact = decimal(value)
        return exact.numerator if exact.denominator == 1 else repr(value)
    return value


def scale_value(scale: Scale, value: object) -> int:
    """A point named by its value (3) or by its label ("B")."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    found = scale.value_of(str(value))
    if found is None:
        raise ValueError(f"{value!r} is not a label on the scale ({scale.labels_text})")
    return found


def with_defaults(data: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy of a profile dict with every defaulted field present."""
    full: dict[str, Any] = json.loads(json.dumps(data))
    full.setdefault("criteria", [])
    full.setdefault("scale", json.loads(json.dumps(DEFAULT_SCALE)))
    full.setdefault("outcome_rule", {"pass_mark_percent": DEFAULT_PASS_MARK_PERCENT})
    full.setdefault("agreed_grade_method", DEFAULT_METHOD)
    full.setdefault("protective_marking", DEFAULT_MARKING)
    full.setdefault("retention_months", DEFAULT_RETENTION_MONTHS)
    rule = full["outcome_rule"]
    for key in ("pass_mark_percent", "pass_mark_points"):
        if key in rule:
            rule[key] = canonical_decimal(rule[key])
    for planned in full["interview_plan"]:
        if "questions" not in planned:
            planned.setdefault("question", "")
        planned["weight"] = canonical_decimal(planned.get("weight", DEFAULT_WEIGHT))
        if _is_zero(planned["weight"]):
            continue  # observed, not scored: no minimum unless the plan gives one
        planned.setdefault("minimum", full["scale"]["meets"])
    return full


def _is_zero(weight: object) -> bool:
    try:
        return decimal(weight) == 0
    except ValueError:
        return False  # the checks report it


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


def _semantic_errors(
    data: Mapping[str, Any], *, every_character: bool = True
) -> Iterable[tuple[str, str]]:
    """Rules a JSON Schema cannot say: references, uniqueness, reachable pass marks."""
    seen_profiles: set[str] = set()
    for pi, prof in enumerate(data["profiles"]):
        base = f"$.profiles[{pi}]"
        if prof["id"] in seen_profiles:
            yield f"{base}.id", f"duplicate profile id {prof['id']!r}"
        seen_profiles.add(prof["id"])
        yield from _profile_errors(prof, base, every_character=every_character)


# Fields that may run to several lines as the force's document prints them: a line break or
# a tab there is text. Anywhere else, and any other control or invisible character anywhere, is
# refused (plain_text.refused_character, as in a session's details).
MULTILINE_FIELDS = frozenset({"notes", "description"})
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\t": " "})
_SURROGATE = re.compile("[\ud800-\udfff]")


def _text_errors(
    value: Any, path: str, field_name: str = "", *, every_character: bool = True
) -> Iterable[tuple[str, str]]:
    """Every string of a profile that holds a character no text shown or kept may hold: a
    control (ESC would drive a terminal, NUL end a search), a bidirectional override that
    shows the text on screen in another order than the sheet prints it, a character that hides
    text, or half of a character (a surrogate escaped alone, which no UTF-8 text can keep: the
    first session made with the profile failed). ``every_character`` False: the surrogates
    only, for the copy of a profile a session file keeps (made under the rules of its day, and
    signed as it is)."""
    if isinstance(value, str):
        text = value.translate(_LINE_BREAKS) if field_name in MULTILINE_FIELDS else value
        if every_character:
            where = refused_character(text)
        else:
            where = found.start() if (found := _SURROGATE.search(text)) else None
        if where is not None:
            yield (
                path,
                f"holds a control or invisible character (U+{ord(value[where]):04X} at"
                f" character {where + 1}): copy the force's text without it",
            )
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _text_errors(item, f"{path}.{key}", key, every_character=every_character)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _text_errors(
                item, f"{path}[{index}]", field_name, every_character=every_character
            )


def _profile_errors(
    prof: Mapping[str, Any], base: str, *, every_character: bool = True
) -> Iterable[tuple[str, str]]:
    yield from _text_errors(prof, base, every_character=every_character)
    if ("source" in prof) == ("sources" in prof):
        yield base, "give the source document as 'source' or several as 'sources', not both"
    if prof["framework"] not in FRAMEWORK_NAMES and not prof.get("framework_name", "").strip():
        yield (
            f"{base}.framework_name",
            f"framework {prof['framework']!r} is the force's own: name it in 'framework_name'"
            f" (the known ids are {', '.join(FRAMEWORK_NAMES)})",
        )
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
        return
    if len(set(values)) != len(values):
        yield f"{base}.scale.points", "two points of the scale have the same value"
        return
    if sorted(values) != list(range(min(values), max(values) + 1)):
        yield (
            f"{base}.scale.points",
            "scale values must be consecutive whole numbers (labels such as A-D may differ)",
        )
        return
    labels: dict[str, int] = {}
    for index, point in enumerate(scale["points"]):
        label = point["label"].strip().casefold()
        if label in labels:
            yield (
                f"{base}.scale.points[{index}].label",
                f"two points of the scale have the label {point['label']!r}: a grade typed or"
                " printed as a label must name one point",
            )
            return
        labels[label] = point["value"]
    scale_obj = Scale(
        scale["id"],
        0,
        tuple(
            ScalePoint(p["value"], p["label"], p["name"], p["descriptor"])
            for p in sorted(scale["points"], key=lambda p: p["value"])
        ),
    )
    problem = _point_problem(scale_obj, scale["meets"], "'meets'")
    if problem:
        yield f"{base}.scale.meets", problem
        return
    planned: set[str] = set()
    total_weight = Fraction(0)
    for pa, plan in enumerate(prof["interview_plan"]):
        path = f"{base}.interview_plan[{pa}]"
        if plan["area"] not in area_ids:
            yield f"{path}.area", f"the interview plan names {plan['area']!r}, not an area"
        if plan["area"] in planned:
            yield f"{path}.area", f"{plan['area']!r} is planned twice"
        planned.add(plan["area"])
        if "question" in plan and "questions" in plan:
            yield path, "give one 'question' or a list of 'questions', not both"
        weight = plan.get("weight", DEFAULT_WEIGHT)
        problem = _decimal_problem(weight, "weight", places=1, highest=Fraction(100))
        if problem:
            yield f"{path}.weight", problem
            continue
        total_weight += decimal(weight)
        minimum = plan.get("minimum", None if decimal(weight) == 0 else scale["meets"])
        if minimum is not None:
            problem = _point_problem(scale_obj, minimum, "minimum")
            if problem:
                yield f"{path}.minimum", problem + ", so the area could never pass"
    if not total_weight:
        yield (
            f"{base}.interview_plan",
            "every planned area has weight 0 (observed, not scored), so there is no total to"
            " pass: give at least one area a weight",
        )
        return
    yield from _pass_mark_errors(prof, base, total_weight * max(values))


def _point_problem(scale: Scale, value: object, what: str) -> str:
    """Why ``value`` (a value or a label) names no point of the scale; empty when it does."""
    values = scale.values
    if isinstance(value, int) and not isinstance(value, bool):
        if value in values:
            return ""
        return f"{what} {value} is not a value on the scale ({min(values)}-{max(values)})"
    if scale.value_of(str(value)) is not None:
        return ""
    return f"{what} {value!r} is not a label on the scale ({scale.labels_text})"


def _decimal_problem(value: object, what: str, *, places: int, highest: Fraction | None) -> str:
    """Why ``value`` is not a number of at most ``places`` decimals from 0 to ``highest``."""
    try:
        exact = decimal(value)
    except ValueError:
        return (
            f"{what} {value!r} is not a number: write a whole number"
            f" or one with up to {places} decimal place{'s' if places > 1 else ''}, such as 1.5"
        )
    if decimal_places(value) > places:
        return f"{what} {value} has more than {places} decimal place{'s' if places > 1 else ''}"
    if exact < 0 and highest is None:
        return f"{what} {value} is below 0"
    if exact < 0 or (highest is not None and exact > highest):
        return f"{what} {value} is outside 0 to {highest}"
    return ""


def _pass_mark_errors(
    prof: Mapping[str, Any], base: str, weighted_max: Fraction
) -> Iterable[tuple[str, str]]:
    rule = prof.get("outcome_rule", {"pass_mark_percent": DEFAULT_PASS_MARK_PERCENT})
    path = f"{base}.outcome_rule"
    if ("pass_mark_percent" in rule) == ("pass_mark_points" in rule):
        yield path, "give the pass mark as 'pass_mark_percent' or 'pass_mark_points', not both"
        return
    if "pass_mark_percent" in rule:
        mark = rule["pass_mark_percent"]
        problem = _decimal_problem(mark, "pass mark", places=2, highest=None)
        if problem:
            yield f"{path}.pass_mark_percent", problem
        elif decimal(mark) > 100:
            yield (
                f"{path}.pass_mark_percent",
                f"a pass mark of {mark}% of the maximum can never be reached",
            )
        return
    points = rule["pass_mark_points"]
    problem = _decimal_problem(points, "pass mark", places=1, highest=None)
    if problem:
        yield f"{path}.pass_mark_points", problem
    elif decimal(points) > weighted_max:
        yield (
            f"{path}.pass_mark_points",
            f"a pass mark of {points} points can never be reached: the weighted maximum is"
            f" {number_text(weighted_max)}",
        )


def profile_warnings(profile: Profile) -> list[str]:
    """What ``profiles --check`` asks a force to look at again; the profile still loads."""
    from pcso_interview.scoring import pass_mark_warnings

    return pass_mark_warnings(profile)


def parse_profiles(
    data: Any, file: str, *, schema_checked: bool = False, kept_copy: bool = False
) -> tuple[Profile, ...]:
    """Validate one force file's content; raise ProfileFileError with the first problem.

    ``schema_checked`` skips the JSON Schema (not the other rules) for content already
    validated unchanged: see ``_known_valid``. ``kept_copy``: the copy of a profile a session
    file carries, whose text is refused only for what no text can keep (see _text_errors).
    """
    if not schema_checked:
        from jsonschema.exceptions import best_match

        error = best_match(_validator().iter_errors(data))
        if error is not None:
            raise ProfileFileError(
                ProfileError(file, error.json_path, _readable(_schema_message(error)))
            )
    for path, message in _semantic_errors(data, every_character=not kept_copy):
        raise ProfileFileError(ProfileError(file, path, _readable(message)))
    profiles = []
    for index, entry in enumerate(data["profiles"]):
        try:
            # A profile read from a file is scored by today's rules; the copy a session keeps
            # says so, and a copy kept earlier goes on being read by the rules it was made under.
            profiles.append(Profile.from_dict({**entry, "rules_version": RULES_VERSION}))
        except (KeyError, TypeError, ValueError) as exc:  # a rule the checks above missed
            raise ProfileFileError(
                ProfileError(file, f"$.profiles[{index}]", f"not usable ({exc})")
            ) from None
    return tuple(profiles)


QUOTED_MOST = 60  # characters of a value quoted in a message
MESSAGE_MOST = 600
# A value quoted in a message ('...' or "..." as Python writes it), longer than is readable.
_LONG_QUOTE = re.compile(
    "|".join(rf"{q}(?:[^{q}\\\n]|\\.){{{QUOTED_MOST},}}{q}" for q in ("'", '"'))
)


def _readable(message: str) -> str:
    """A message that quotes the value it refuses, that value cut to its start: a file whose
    indicator held a megabyte of spaces, or an id a megabyte long, gave a message a megabyte
    long, printed whole on the terminal and laid out whole in the window's warning."""
    message = _LONG_QUOTE.sub(
        lambda found: clipped(found.group()[:-1], QUOTED_MOST) + found.group()[-1], message
    )
    return clipped(message, MESSAGE_MOST)


def _schema_message(error: Any) -> str:
    message = str(error.message)
    if error.validator == "additionalProperties":
        return message.replace("Additional properties are not allowed", "unknown field")
    if error.validator == "required":
        return message.replace("is a required property", "is missing")
    if error.validator == "minItems":
        return f"needs at least {error.validator_value} item(s), has {len(error.instance)}"
    return message


# Digests of file contents that passed the schema, kept (64 characters each): enough for a
# force's folder of hundreds of files, each checked once, not at every start.
VALIDATED_KEPT = 500


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
        others = [d for d in _validated_cache_lines(cache_file) if d != digest]
        known = others[-(VALIDATED_KEPT - 1) :]  # the newest, with room for this one
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
    seen: set[Path] = set()
    for path in files:
        # One file named twice (in the profiles folder and with --profiles, say) is read once:
        # read again, its profiles clashed with themselves and a file that loaded was reported
        # as skipped.
        same = _same_file(path)
        if same in seen:
            continue
        seen.add(same)
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


def _same_file(path: Path) -> Path:
    """The file a path names, links followed, so two names of one file are one file."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # a link loop: reading it reports it
        return Path(path).absolute()


def extra_profile_files(folder: Path | None) -> list[Path]:
    """The .json files in the user's profiles folder, in a stable order; ".JSON" too, as a
    Windows folder (whose names ignore case) gives it, so a file copied from one is not
    passed over in silence on Linux."""
    if folder is None or not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.suffix.lower() == ".json")


def collect_profiles(extra: Iterable[Path] = ()) -> ProfileSet:
    """Built-in profiles, the user's profiles folder, then files named with --profiles."""
    return load_profiles([*extra_profile_files(paths.user_profiles_dir()), *extra])
