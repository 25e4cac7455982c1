"""What the statistics read: signed sessions of a profile with every member's grade and the
agreed grade by the profile's own rule (scoring.derived_agreed_grade, as the session uses),
in three queries however many sessions there are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pcso_interview.store.connection import Connection, profile_from_json

if TYPE_CHECKING:
    from pcso_interview.statistics import StatSession


class StatisticsSql(Connection):
    """The rows behind HR's statistics."""

    def statistics_sessions(
        self, profile_id: str, date_from: str = "", date_to: str = ""
    ) -> list[StatSession]:
        """Signed sessions of a profile in a date range, as the statistics need them."""
        from pcso_interview.scoring import Method, derived_agreed_grade
        from pcso_interview.session import Role
        from pcso_interview.statistics import Assessor, StatSession

        where = "s.profile_id = ? AND s.status = 'signed'"
        params: list[Any] = [profile_id]
        if date_from:
            where += " AND s.date >= ?"
            params.append(date_from)
        if date_to:
            where += " AND s.date <= ?"
            params.append(date_to)
        sessions = self._rows(
            f"SELECT s.id, s.outcome, p.json FROM sessions s"
            f" JOIN profile_snapshots p ON p.digest = s.snapshot WHERE {where}",
            params,
        )
        grades: dict[str, dict[str, list[tuple[Any, int, str, str]]]] = {}
        for r in self._rows(
            "SELECT g.session_id, g.area_id, g.grade, m.name, m.number, m.role, m.member_id"
            " FROM grades g JOIN members m"
            " ON m.session_id = g.session_id AND m.member_id = g.member_id"
            f" JOIN sessions s ON s.id = g.session_id WHERE {where}",
            params,
        ):
            grades.setdefault(r["session_id"], {}).setdefault(r["area_id"], []).append(
                (Assessor(r["name"], r["number"]), r["grade"], r["role"], r["member_id"])
            )
        recorded: dict[str, dict[str, int]] = {}
        for r in self._rows(
            "SELECT a.session_id, a.area_id, a.grade FROM agreed a"
            f" JOIN sessions s ON s.id = a.session_id WHERE {where}",
            params,
        ):
            recorded.setdefault(r["session_id"], {})[r["area_id"]] = r["grade"]
        result = []
        for row in sessions:
            _, profile = profile_from_json(row["json"])
            by_area = grades.get(row["id"], {})
            agreed: dict[str, int] = {}
            for planned in profile.plan:
                members = by_area.get(planned.area, [])
                chair = next((m[3] for m in members if m[2] == Role.CHAIR), "")
                value = derived_agreed_grade(
                    profile.method,
                    {m[3]: m[1] for m in members},
                    chair,
                    [m[3] for m in members],
                )
                if value is None and profile.method is Method.CONSENSUS:
                    value = recorded.get(row["id"], {}).get(planned.area)
                if value is not None:
                    agreed[planned.area] = value
            result.append(
                StatSession(
                    row["id"],
                    row["outcome"],
                    agreed,
                    {a: tuple((m[0], m[1]) for m in ms) for a, ms in by_area.items()},
                )
            )
        return result
