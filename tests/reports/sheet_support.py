"""Builders and readers for the marking-sheet tests: sessions through the real Store, PDFs
read back with pypdf (text, and where each run of text sits on the page).

Imported as ``tests.reports.sheet_support``; no Qt here.
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, TypeVar, overload

from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from pcso_interview.profiles import Profile
from pcso_interview.session import Member
from pcso_interview.store import Store
from reports.marking_sheet import MARGIN, PAGE_HEIGHT, PAGE_WIDTH
from tests.cli_support import cli
from tests.store_support import KENT, Clock, sign_as
from tests.store_support import profile as load_profile

LLYR = Member("m1", "Llŷr Ŵyn", "chair", "PS 1207")
GWENLLIAN = Member("m2", "Gwenllïan Ŵyn", "member", "C-3031")
WELSH_PANEL = (LLYR, GWENLLIAN)
CANDIDATE = "Siôn Ŷr ap Dafydd"
REF = "C-0412"
DAY = "2025-11-23"
VENUE = "Cwmbrân Police Station, Room 2"

HEX64 = re.compile(r"[0-9a-f]{64}")
HEADING_SIZE = 12.5  # the sheet's area, Panel, Summary and Sign-off headings


# --- building sessions -----------------------------------------------------------------------


def open_store(path: Path) -> Store:
    """A store with a deterministic clock, so sign-off times (and PDF bytes) repeat."""
    return Store.open(path, clock=Clock())


def scored(
    store: Store,
    *,
    profile_id: str = KENT,
    panel: tuple[Member, ...] = WELSH_PANEL,
    name: str = CANDIDATE,
    ref: str = REF,
    day: str = DAY,
    grades: dict[str, int] | None = None,
    indicator_note: str = "",
    area_note: str = "",
    profile: Profile | None = None,
) -> str:
    """A session every member has classified, noted and graded, with agreed grades.

    ``grades`` overrides the grade (default 3) per area id; ``indicator_note`` and
    ``area_note`` replace the ordinary notes on the first planned area; ``profile`` stands
    in for the built-in ``profile_id``.
    """
    prof = profile or load_profile(profile_id)
    questions = {a.id: f"Tell us about a time you showed: {a.name}." for a in prof.planned_areas}
    session_id = store.create_session(
        prof,
        candidate_name=name,
        candidate_ref=ref,
        date=day,
        venue=VENUE,
        panel=panel,
        questions=questions,
    )
    grades = grades or {}
    for n, member in enumerate(panel):
        for a_no, area in enumerate(prof.planned_areas):
            first, second = area.indicators[0].id, area.indicators[1].id
            store.classify(session_id, member.id, first, "demonstrated")
            store.classify(session_id, member.id, second, "partly" if n else "contrary")
            note = f"Calmed a dispute at the shop; siaradodd â'r cymydog ({a_no}.{n})."
            if a_no == 0 and n == 0 and indicator_note:
                note = indicator_note
            store.note(session_id, member.id, first, note)
            text = f"Clear STAR example given to {member.name}."
            if a_no == 0 and n == 0 and area_note:
                text = area_note
            store.area_note(session_id, member.id, area.id, text)
            store.grade(session_id, member.id, area.id, grades.get(area.id, 3))
    for area in prof.planned_areas:
        grade = grades.get(area.id, 3)
        store.agree(session_id, area.id, grade, f"Agreed after discussion of {area.name}.")
    return session_id


def sign(store: Store, session_id: str, *, drawn: bytes | None = None) -> None:
    """Every member signs: the chair with a drawn signature when one is given."""
    for member in store.load(session_id).panel:
        if drawn is not None and member.is_chair:
            png_b64 = base64.b64encode(drawn).decode("ascii")
            sign_as(store, session_id, member.id, signature_png_b64=png_b64)
        else:
            sign_as(store, session_id, member.id, typed_name=member.name)


def kept_by_an_older_version(
    path: Path,
    session_id: str,
    *,
    name: str | None = None,
    ref: str | None = None,
    venue: str | None = None,
    day: str | None = None,
    members: dict[str, str] | None = None,
) -> None:
    """Write a session's details straight into the database file, as a version from before
    the set-up's limits and checks kept them (a 10,000-character name, say): what the app
    accepts now has no say over what an old database holds. The store must be closed;
    ``members`` maps member id to name."""
    import sqlite3

    from pcso_interview.session import Member
    from pcso_interview.store.session_rows import search_text

    columns = {"candidate_name": name, "candidate_ref": ref, "venue": venue, "date": day}
    connection = sqlite3.connect(path)
    try:
        with connection:
            for column, value in columns.items():
                if value is not None:
                    connection.execute(
                        f"UPDATE sessions SET {column} = ? WHERE id = ?", [value, session_id]
                    )
            for member_id, member_name in (members or {}).items():
                connection.execute(
                    "UPDATE members SET name = ? WHERE session_id = ? AND member_id = ?",
                    [member_name, session_id, member_id],
                )
                connection.execute(
                    "UPDATE sessions SET chair_name = ? WHERE id = ? AND EXISTS (SELECT 1 FROM"
                    " members WHERE session_id = ? AND member_id = ? AND role = 'chair')",
                    [member_name, session_id, session_id, member_id],
                )
            # The list's search text, as that version kept it with the names (check holds a
            # signed session's list columns to its record).
            (candidate, reference) = connection.execute(
                "SELECT candidate_name, candidate_ref FROM sessions WHERE id = ?", [session_id]
            ).fetchone()
            panel = [
                Member(*r)
                for r in connection.execute(
                    "SELECT member_id, name, role, number FROM members WHERE session_id = ?"
                    " ORDER BY position",
                    [session_id],
                )
            ]
            connection.execute(
                "UPDATE sessions SET search = ? WHERE id = ?",
                [search_text(candidate, reference, panel), session_id],
            )
    finally:
        connection.close()


def numbered_words(count: int) -> list[str]:
    return [f"w{n:05d}" for n in range(1, count + 1)]


def long_note(characters: int = 20_000) -> tuple[str, list[str]]:
    """At least ``characters`` of numbered words, so each word can be found again."""
    words = numbered_words(characters // 7 + 1)
    note = " ".join(words)
    assert len(note) >= characters
    return note, words


# --- reading PDFs back -----------------------------------------------------------------------

T = TypeVar("T")


@dataclass(frozen=True)
class Run:
    """One piece of text as drawn: its font, size and where it starts (points, from bottom left)."""

    text: str
    font: str
    size: float
    x: float
    y: float


class PageView(Sequence[T]):
    """One thing per page of a sheet (its text, or its runs), each page read on first use: a
    test that looks at page 1 of a 30-page sheet does not wait for pypdf to read 30."""

    def __init__(self, sheet: Sheet, part: Callable[[PageRead], T]):
        self._sheet, self._part = sheet, part

    def __len__(self) -> int:
        return len(self._sheet.reader.pages)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        return self._part(self._sheet.page(index))


class PageRead(NamedTuple):
    text: str
    runs: list[Run]


@dataclass
class Sheet:
    """A built sheet read back: bytes, reader, each page's text and runs (read when asked)."""

    data: bytes
    reader: PdfReader
    _read: dict[int, PageRead] = field(default_factory=dict, repr=False)

    @classmethod
    def read(cls, data: bytes) -> Sheet:
        return cls(data, PdfReader(io.BytesIO(data)))

    def page(self, index: int) -> PageRead:
        """Page ``index``'s text and runs, read once (IndexError past the last page)."""
        count = len(self.reader.pages)
        if not -count <= index < count:
            raise IndexError(index)
        index %= count
        if index not in self._read:
            found: list[Run] = []

            def visit(text, cm, tm, font_dict, font_size):
                if not text.strip():
                    return
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                font = str(font_dict.get("/BaseFont", "")) if font_dict else ""
                font = font.split("+")[-1].lstrip("/")  # subset prefix and name slash off
                found.append(Run(text.strip(), font, float(font_size), x, y))

            text = self.reader.pages[index].extract_text(visitor_text=visit)
            self._read[index] = PageRead(text, found)
        return self._read[index]

    @property
    def pages(self) -> PageView[str]:
        return PageView(self, lambda read: read.text)

    @property
    def runs(self) -> PageView[list[Run]]:
        return PageView(self, lambda read: read.runs)

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def subject(self) -> str:
        return str(self.reader.metadata.subject or "")

    def lines(self, page: int) -> list[str]:
        return [line.strip() for line in self.pages[page].splitlines()]

    def headings(self) -> list[tuple[int, str]]:
        """(page index, text) of every heading, in reading order."""
        return [
            (index, run.text)
            for index, page_runs in enumerate(self.runs)
            for run in page_runs
            if run.font.endswith("-Bold") and run.size == HEADING_SIZE
        ]

    def page_of_heading(self, title: str) -> int:
        pages = [index for index, text in self.headings() if text == title]
        assert pages, f"no heading {title!r}"
        return pages[0]


def squash(value: str) -> str:
    """Whitespace collapsed to single spaces: text wrapped across lines reads as typed."""
    return " ".join(value.split())


def found_in(needle: str, haystack: str) -> bool:
    """Whether ``needle`` is in ``haystack`` once wrapping is undone.

    First with whitespace collapsed; then, because a line break inside a word (at a hyphen,
    say) leaves no space to collapse, with every space removed on both sides.
    """
    if squash(needle) in squash(haystack):
        return True
    return "".join(needle.split()) in "".join(haystack.split())


def text_fonts(sheet: Sheet) -> set[str]:
    """The base font of every text-showing operation on every page (Tj, TJ, ' and ")."""
    used: set[str] = set()
    for page in sheet.reader.pages:
        resources = page["/Resources"]["/Font"]
        current = ""
        content = ContentStream(page.get_contents(), sheet.reader)
        for operands, operator in content.operations:
            if operator == b"Tf":
                current = str(resources[operands[0]].get_object()["/BaseFont"])
            elif operator in (b"Tj", b"TJ", b"'", b'"'):
                shown = operands[-1]
                pieces = shown if isinstance(shown, list) else [shown]
                if any(len(p) for p in pieces if not isinstance(p, int | float)):
                    used.add(current.split("+")[-1].lstrip("/"))
    return used


def right_edge_overflows(sheet: Sheet) -> list[tuple[int, str, float]]:
    """Runs that end beyond the right margin (page, text, right edge): text cut off or
    spilling out of a table."""
    limit = PAGE_WIDTH - MARGIN + 1.0
    bad = []
    for index, page_runs in enumerate(sheet.runs):
        for run in page_runs:
            right = run.x + stringWidth(run.text, run.font, run.size)
            if right > limit:
                bad.append((index, run.text, round(right, 1)))
    return bad


def in_frame_or_furniture(run: Run) -> bool:
    """Body text stays inside the frame; only the header and footer sit outside it."""
    header, footer = PAGE_HEIGHT - 16 * mm, 16 * mm
    frame_bottom, frame_top = 19 * mm - 1, PAGE_HEIGHT - 20 * mm + 1
    return run.y >= header or run.y <= footer or frame_bottom <= run.y <= frame_top


class FooterClaim(NamedTuple):
    session_id: str
    version: int
    digest: str  # empty on a draft


def footer_claim(path: Path) -> FooterClaim:
    """The session, version and digest page 1 of a sheet prints (what it claims, not proof)."""
    from reports.verify import PAGE_CLAIM

    text = PdfReader(path).pages[0].extract_text()
    claim = PAGE_CLAIM.search(text)
    assert claim is not None, text[-300:]
    found = HEX64.search(text.replace("\n", ""))
    return FooterClaim(claim["session"], int(claim["version"]), found.group(0) if found else "")


# --- the command line's sheets ---------------------------------------------------------------


def issue(capsys, db_path: Path, session: str, out: Path) -> Path:
    """One sheet written by the `pdf` verb into ``out``; its path, as the verb printed it."""
    status, stdout, _ = cli(capsys, "--db", db_path, "pdf", session, "-o", out)
    assert status == 0
    (line,) = stdout.splitlines()
    return Path(line.split("  ")[0])


def verify(capsys, db_path: Path, target: Path) -> tuple[int, str]:
    """`verify` of a file: its exit status and what it printed (nothing on stderr)."""
    status, out, err = cli(capsys, "--db", db_path, "verify", target)
    assert err == "", err
    return status, out
