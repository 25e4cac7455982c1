"""Realistic invented sessions across all profiles, for training, screenshots and benchmarks.

Names are made up from short lists of common first and last names; references look like
the ones forces issue. Seeded, so the same arguments always give the same database.
"""

from __future__ import annotations

import random
import struct
import uuid
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from pcso_interview.lifecycle import Status
from pcso_interview.profiles import Profile
from pcso_interview.scoring import Classification, mean_half_up
from pcso_interview.session import (
    DECLARATION,
    Agreed,
    Mark,
    Member,
    Role,
    Session,
    SignMethod,
    SignOff,
    derived_status,
)

FIRST = (
    "Alex Sam Jordan Casey Morgan Riley Taylor Jamie Robin Charlie Drew Avery Rowan Quinn "
    "Llŷr Gwenllïan Rhys Cerys Dylan Ffion Harri Elin Owain Seren Priya Omar Zofia Tomasz "
    "Amara Kwame Mei Haruto Aisha Yusuf Niamh Callum Eilidh Ruairi"
).split()
LAST = (
    "Ashdown Brookfield Carraway Dunmore Ellery Fairholme Gresley Hartwell Ingleby Jessop "
    "Kingsley Lockwood Merriman Northcott Oakhurst Pembury Quarrell Redfern Stanwick Thackeray "
    "Upfield Vance Whitlow Yardley Ŵyn ap-Rhydderch Lewis-Morgan O'Rourke"
).split()
VENUES = (
    "Headquarters, Interview Room 1",
    "Headquarters, Interview Room 2",
    "Training Centre, Suite B",
    "Northern Division Station, Room 4",
    "Southern Division Station, Conference Room",
)
NOTES = (
    "Gave a clear example with the situation, action and result.",
    "Described calming a neighbour dispute by listening first.",
    "Example was vague; probed twice, little detail on own actions.",
    "Spoke about working with the council to close an alleyway used for dealing.",
    "Mentioned asking a colleague for help after a difficult call.",
    "Did not address how they would check the information before acting.",
    "Good reflection on what they would do differently next time.",
    "Referred to policy and asked their supervisor before deciding.",
)
CLASS_WEIGHTS = (
    (Classification.DEMONSTRATED, 55),
    (Classification.PARTLY, 25),
    (Classification.CONTRARY, 6),
    (Classification.NONE, 14),
)

if TYPE_CHECKING:
    from pcso_interview.store import Store


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _panels(rng: random.Random, count: int = 12) -> list[tuple[Member, ...]]:
    panels = []
    for _ in range(count):
        size = rng.choice((2, 2, 2, 3))
        panels.append(
            tuple(
                Member(
                    f"m{i + 1}",
                    _name(rng),
                    Role.CHAIR if i == 0 else Role.MEMBER,
                    str(rng.randint(1000, 9999)),
                )
                for i in range(size)
            )
        )
    return panels


def demo_sessions(
    profiles: Sequence[Profile], count: int, *, seed: int = 2026, today: date | None = None
) -> Iterator[Session]:
    """``count`` sessions spread over the last two years, most of them signed."""
    rng = random.Random(seed)
    today = today or date.today()
    panels = _panels(rng)
    classes = [c for c, _ in CLASS_WEIGHTS]
    weights = [w for _, w in CLASS_WEIGHTS]
    snapshots = {p.id: p.to_dict() for p in profiles}
    for n in range(count):
        profile = profiles[n % len(profiles)]
        day = today - timedelta(days=rng.randint(0, 730))
        panel = rng.choice(panels)
        ability = rng.gauss(3.2, 0.8)
        marks: dict[tuple[str, str], Mark] = {}
        grades: dict[tuple[str, str], int] = {}
        agreed: dict[str, Agreed] = {}
        stage = rng.random()
        complete = stage > 0.08
        lowest, highest = min(profile.scale.values), profile.scale.highest
        for area in profile.planned_areas:
            area_level = ability + rng.gauss(0, 0.6)
            for member in panel:
                for indicator in area.indicators:
                    choice = rng.choices(classes, weights)[0]
                    if choice is Classification.NONE and rng.random() < 0.7:
                        continue
                    note = rng.choice(NOTES) if rng.random() < 0.3 else ""
                    marks[(member.id, indicator.id)] = Mark(choice, note)
                if complete or rng.random() < 0.5:
                    grade = round(area_level + rng.gauss(0, 0.5))
                    grades[(member.id, area.id)] = min(highest, max(lowest, grade))
            member_grades = [g for (m, a), g in grades.items() if a == area.id]
            if complete and len(member_grades) == len(panel):
                # The mean rounded half up lies within the members' grades: no rationale due.
                agreed[area.id] = Agreed(mean_half_up(member_grades))
        created = datetime.combine(day, datetime.min.time(), UTC) + timedelta(
            hours=rng.randint(8, 17), minutes=rng.randint(0, 59)
        )
        stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ")
        session = Session(
            id=uuid.UUID(int=rng.getrandbits(128), version=4).hex,
            profile_snapshot=snapshots[profile.id],
            candidate_name=_name(rng),
            candidate_ref=f"C-{day.year % 100:02d}{n:05d}",
            date=day.isoformat(),
            venue=rng.choice(VENUES),
            panel=panel,
            status=Status.SETUP,
            marks=marks,
            grades=grades,
            agreed=agreed,
            created_at=stamp,
            updated_at=stamp,
            profile_cache=profile,
        )
        withdrawn = rng.random() < 0.03
        if withdrawn:
            yield replace(session, status=Status.WITHDRAWN, withdrawn_reason="Did not attend.")
            continue
        status = derived_status(session)
        if complete and not session.signoff_blockers() and day < today:
            signed_at = (created + timedelta(minutes=50)).strftime("%Y-%m-%dT%H:%M:%SZ")
            signoffs = tuple(
                SignOff(m.id, SignMethod.TYPED, m.name, "", signed_at, DECLARATION) for m in panel
            )
            yield replace(session, status=Status.SIGNED, signoffs=signoffs)
        else:
            yield replace(session, status=status)


def signature_png(width: int = 180, height: int = 60) -> bytes:
    """A drawn-looking signature for invented sessions: a dark zigzag on white, as a PNG
    made by hand (no imaging library)."""
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")  # filter: none
        for x in range(width):
            rise = abs((x % 40) - 20) * (height // 3) // 20  # a zigzag of strokes
            ink = abs(y - (height // 3 + rise)) <= 1
            row += b"\x20\x20\x60" if ink else b"\xff\xff\xff"
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def sign_for_demo(store: Store, session_id: str, member_id: str, **kwargs: str) -> None:
    """Sign as an invented member (benchmarks, screenshots): their PIN is chosen first, as the
    app asks a member to, and given as they would type it."""
    secret = "2468" + member_id[-1:].rjust(1, "0") * 2
    if not store.member_has_secret(session_id, member_id):
        store.set_member_secret(session_id, member_id, secret)
    store.sign(session_id, member_id, secret=secret, **kwargs)
