"""The panel's changes: marks, notes, grades, questions, details, agreed grades, sign-off.

Each change is one transaction: the session's own rules are checked (session.py, one message
each), the rows and their link of the audit chain are written, the status moves where the
data now puts it, and the session is returned as it now stands, made in memory, so that a
key press reads its session once.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from pcso_interview.lifecycle import SessionRuleError, transition_path
from pcso_interview.phrases import Phrase
from pcso_interview.store.identity import Identity
from pcso_interview.store.session_rows import check_question_key, search_text

if TYPE_CHECKING:
    from pcso_interview.scoring import Classification
    from pcso_interview.session import Session


class Edits(Identity):
    """Every change a panel makes to an open session."""

    def _editable(self, session_id: str) -> Session:
        session = self.load(session_id)
        session.check_editable()
        return session

    def _after_change(
        self, now: str, before: Session, actor: str, after: Session | None = None
    ) -> Session:
        """Move the status where the data now puts it, refresh the list columns, audit. Returns
        the session as it now stands: ``after`` (the change made in memory, so a key press
        reads the session once) or, when not given, read again."""
        from pcso_interview.session import derived_status

        after = self.load(before.id) if after is None else after
        target = derived_status(after)
        previous = after.status
        for step in transition_path(previous, target):  # each step audited from the one before
            self._audit(now, after.id, actor, "status", "session", previous.value, step.value)
            previous = step
        self._write_list_columns(now, after, target)
        return self.remember(replace(after, status=target, updated_at=now))

    def classify(
        self,
        session_id: str,
        member_id: str,
        indicator_id: str,
        classification: Classification | str,
        actor: str = "",
    ) -> Session:
        from pcso_interview.scoring import Classification

        value = Classification(classification)
        return self._set_mark(session_id, member_id, indicator_id, "classification", value, actor)

    def note(
        self, session_id: str, member_id: str, indicator_id: str, text: str, actor: str = ""
    ) -> Session:
        """The member's evidence note against one indicator."""
        return self._set_mark(session_id, member_id, indicator_id, "note", text, actor)

    def _set_mark(
        self,
        session_id: str,
        member_id: str,
        indicator_id: str,
        column: str,
        value: Classification | str,
        actor: str,
    ) -> Session:
        """One column of one member's mark on one indicator: classification or note. Returns
        the session with the change made."""
        from pcso_interview.scoring import Classification

        assert column in ("classification", "note")
        with self._write() as now:
            session = self._editable(session_id)
            member = session.member(member_id)
            session.area_of_indicator(indicator_id)
            old = getattr(session.mark(member_id, indicator_id), column)
            if old == value:
                return session
            self.conn.execute(
                f"INSERT INTO marks (session_id, member_id, indicator_id, {column})"
                " VALUES (?,?,?,?) ON CONFLICT (session_id, member_id, indicator_id)"
                f" DO UPDATE SET {column} = excluded.{column}",
                [session_id, member_id, indicator_id, str(value)],
            )
            action = "classify" if column == "classification" else "note"
            self._audit(
                now,
                session_id,
                actor or member.name,
                action,
                f"{member_id}/{indicator_id}",
                str(old),
                str(value),
            )
            after = (
                session.with_mark(member_id, indicator_id, classification=Classification(value))
                if column == "classification"
                else session.with_mark(member_id, indicator_id, note=str(value))
            )
            return self._after_change(now, session, actor or member.name, after)

    def area_note(
        self, session_id: str, member_id: str, area_id: str, text: str, actor: str = ""
    ) -> Session:
        with self._write() as now:
            session = self._editable(session_id)
            member = session.member(member_id)
            session.profile.area(area_id)
            old = session.area_notes.get((member_id, area_id), "")
            if old == text:
                return session
            self.conn.execute(
                "INSERT INTO area_notes (session_id, member_id, area_id, note) VALUES (?,?,?,?)"
                " ON CONFLICT (session_id, member_id, area_id) DO UPDATE SET note = excluded.note",
                [session_id, member_id, area_id, text],
            )
            self._audit(
                now,
                session_id,
                actor or member.name,
                "area note",
                f"{member_id}/{area_id}",
                old,
                text,
            )
            after = session.with_area_note(member_id, area_id, text)
            return self._after_change(now, session, actor or member.name, after)

    def grade(
        self, session_id: str, member_id: str, area_id: str, grade: int | None, actor: str = ""
    ) -> Session:
        """A member's own grade for an area; None clears it."""
        with self._write() as now:
            session = self._editable(session_id)
            member = session.member(member_id)
            session.profile.planned(area_id)
            if grade is not None:
                session.check_grade(grade)
            old = session.grades.get((member_id, area_id))
            if old == grade:
                return session
            seen = session.has_submitted(member_id) and any(
                (m.id, area_id) in session.grades for m in session.panel if m.id != member_id
            )
            scale = session.profile.scale

            def shown(value: int | None) -> str:  # as the scale writes it: "3", or "B"
                return "" if value is None else scale.label(value)

            if seen and old is not None:
                # Changed after its member could see the others' grades: kept, shown, audited.
                self.conn.execute(
                    "INSERT INTO revisions (session_id, member_id, area_id, old_grade, new_grade,"
                    " at) VALUES (?,?,?,?,?,?)",
                    [session_id, member_id, area_id, old, grade, now],
                )
                self._audit(
                    now,
                    session_id,
                    actor or member.name,
                    "grade after reveal",
                    f"{member_id}/{area_id}",
                    shown(old),
                    shown(grade),
                )
            if grade is None:
                self.conn.execute(
                    "DELETE FROM grades WHERE session_id = ? AND member_id = ? AND area_id = ?",
                    [session_id, member_id, area_id],
                )
            else:
                self.conn.execute(
                    "INSERT INTO grades (session_id, member_id, area_id, grade) VALUES (?,?,?,?)"
                    " ON CONFLICT (session_id, member_id, area_id)"
                    " DO UPDATE SET grade = excluded.grade",
                    [session_id, member_id, area_id, grade],
                )
            self._audit(
                now,
                session_id,
                actor or member.name,
                "grade",
                f"{member_id}/{area_id}",
                shown(old),
                shown(grade),
            )
            # A recorded revision is read back with the rest; otherwise the change is made here.
            after = (
                None if seen and old is not None else session.with_grade(member_id, area_id, grade)
            )
            return self._after_change(now, session, actor or member.name, after)

    def set_question(self, session_id: str, area_id: str, question: str, actor: str = "") -> None:
        with self._write() as now:
            session = self._editable(session_id)
            check_question_key(session.profile, area_id)  # the question's key, in fact
            old = session.questions.get(area_id, "")
            if old == question:
                return
            self.conn.execute(
                "INSERT INTO questions (session_id, area_id, question) VALUES (?,?,?)"
                " ON CONFLICT (session_id, area_id) DO UPDATE SET question = excluded.question",
                [session_id, area_id, question],
            )
            self._audit(
                now, session_id, actor or session.chair.name, "question", area_id, old, question
            )
            self.conn.execute("UPDATE sessions SET updated_at = ? WHERE id = ?", [now, session_id])

    def update_details(
        self,
        session_id: str,
        *,
        candidate_name: str,
        candidate_ref: str,
        date: str,
        venue: str,
        actor: str = "",
    ) -> None:
        """The candidate, date and venue corrected before sign-off: typed, so stripped, then
        held to the rule a new session is."""
        from pcso_interview.session import check_details

        candidate_name, candidate_ref, venue = (
            candidate_name.strip(),
            candidate_ref.strip(),
            venue.strip(),
        )
        check_details(candidate_name, candidate_ref, date, venue)
        with self._write() as now:
            session = self._editable(session_id)
            actor = actor or session.chair.name
            fields = {
                "candidate_name": (session.candidate_name, candidate_name),
                "candidate_ref": (session.candidate_ref, candidate_ref),
                "date": (session.date, date),
                "venue": (session.venue, venue),
            }
            changed = {k: v for k, v in fields.items() if v[0] != v[1]}
            if not changed:
                return
            for column, (old, new) in changed.items():
                self._audit(now, session_id, actor, "details", column, old, new)
            self.conn.execute(
                "UPDATE sessions SET candidate_name = ?, candidate_ref = ?, date = ?, venue = ?,"
                " search = ?, updated_at = ? WHERE id = ?",
                [
                    fields["candidate_name"][1],
                    fields["candidate_ref"][1],
                    date,
                    fields["venue"][1],
                    search_text(candidate_name, candidate_ref, session.panel),
                    now,
                    session_id,
                ],
            )

    def agree(
        self,
        session_id: str,
        area_id: str,
        grade: int | None,
        rationale: str = "",
        actor: str = "",
    ) -> Session:
        """The chair records the panel's agreed grade (consensus), or clears it with None."""
        with self._write() as now:
            session = self._editable(session_id)
            actor = actor or session.chair.name
            area = session.profile.area(area_id)
            session.profile.planned(area_id)
            session.check_chair_agrees()
            if grade is not None:
                session.check_grade(grade)
            if grade is not None and not session.all_graded(area_id):
                waiting = ", ".join(
                    m.name for m in session.panel if (m.id, area_id) not in session.grades
                )
                raise SessionRuleError(
                    Phrase.of("error.agreed_waits", area=area.name, waiting=waiting)
                )
            old = session.agreed.get(area_id)
            scale = session.profile.scale  # the audit writes a grade as its label: "3", or "B"
            if grade is None:
                self.conn.execute(
                    "DELETE FROM agreed WHERE session_id = ? AND area_id = ?",
                    [session_id, area_id],
                )
            else:
                self.conn.execute(
                    "INSERT INTO agreed (session_id, area_id, grade, rationale) VALUES (?,?,?,?)"
                    " ON CONFLICT (session_id, area_id)"
                    " DO UPDATE SET grade = excluded.grade, rationale = excluded.rationale",
                    [session_id, area_id, grade, rationale],
                )
            self._audit(
                now,
                session_id,
                actor,
                "agree",
                area.name,
                f"{scale.label(old.grade)} {old.rationale}".strip() if old else "",
                f"{scale.label(grade)} {rationale}".strip() if grade is not None else "",
            )
            after = session.with_agreed(area_id, grade, rationale)
            return self._after_change(now, session, actor, after)

    def sign(
        self,
        session_id: str,
        member_id: str,
        *,
        typed_name: str = "",
        signature_png_b64: str = "",
        actor: str = "",
        secret: str = "",
    ) -> Session:
        """One member signs, proving it is them with their PIN (``secret``) where PINs are in
        use; when the last one signs the session is locked and digested."""
        from pcso_interview.credentials import IdentityError, same_name
        from pcso_interview.session import DECLARATION, SignMethod, digest

        if not typed_name.strip() and not signature_png_b64:
            raise SessionRuleError(Phrase.of("error.sign_how"))
        before = self.load(session_id)
        signer = before.member(member_id)
        if before.locked:
            before.check_editable()
        if before.signoff(member_id) is not None:
            raise SessionRuleError(Phrase.of("error.already_signed", member=signer.name))
        if typed_name.strip() and not same_name(typed_name, signer.name):
            raise IdentityError(Phrase.of("error.typed_name", member=signer.name))
        blockers = tuple(before.signoff_blocker_phrases())
        if blockers:
            raise SessionRuleError(Phrase.of("error.not_ready", blockers=blockers))
        if self.pin_required(before, member_id):
            self.check_member_secret(session_id, member_id, secret)
        with self._write() as now:
            session = self.load(session_id)
            if session.locked:
                session.check_editable()
            member = session.member(member_id)
            if session.signoff(member_id) is not None:
                raise SessionRuleError(Phrase.of("error.already_signed", member=member.name))
            problems = tuple(session.signoff_blocker_phrases())
            if problems:
                raise SessionRuleError(Phrase.of("error.not_ready", blockers=problems))
            actor = actor or member.name
            self.conn.execute(
                "INSERT INTO signoffs (session_id, version, member_id, method, typed_name,"
                " signature_png, declaration, signed_at, content_digest)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    session_id,
                    session.version,
                    member_id,
                    (SignMethod.DRAWN if signature_png_b64 else SignMethod.TYPED).value,
                    typed_name.strip(),
                    signature_png_b64,
                    DECLARATION,
                    now,
                    session.content_digest(),
                ],
            )
            self._audit(now, session_id, actor, "sign", member_id, "", typed_name.strip())
            after = self._after_change(now, session, actor)
            if after.unsigned_members:
                return after
            self._lock_signed(now, after, digest(after.signed_content()), actor, "")
        return self.load(session_id)

    def clear_signatures(self, session_id: str, reason: str, actor: str) -> None:
        """Before the last signature, the chair may clear signatures so marks can change."""
        if not reason.strip():
            raise SessionRuleError(Phrase.of("error.clear_reason"))
        with self._write() as now:
            session = self.load(session_id)
            if session.locked:
                session.check_editable()
            if not session.signoffs:
                return
            self.conn.execute(
                "DELETE FROM signoffs WHERE session_id = ? AND version = ?",
                [session_id, session.version],
            )
            self._audit(
                now,
                session_id,
                actor,
                "clear signatures",
                reason.strip(),
                ", ".join(s.member_id for s in session.signoffs),
                "",
            )
            self._after_change(now, session, actor)

    def merge_member_marks(self, incoming: Session, member_id: str, actor: str) -> list[Phrase]:
        """Add one member's marks scored on another laptop to the same session here.

        ``incoming`` holds only that member's marks, notes and grades. Marks that already
        exist here and differ are conflicts: they are returned and nothing is imported.
        Returns the conflicts, as phrases a screen can word (empty when the merge was done).
        """
        from pcso_interview.session import Session

        with self._write() as now:
            here = self._editable(incoming.id)
            member = here.member(member_id)
            conflicts: list[Phrase] = []
            for key, mark in incoming.marks.items():
                here.area_of_indicator(key[1])
                old = here.marks.get(key)
                if old is not None and old != mark:
                    conflicts.append(
                        Phrase.of(
                            "import.conflict.mark",
                            member=member.name,
                            indicator=key[1],
                            old=Phrase.of(f"classification.{old.classification.value}"),
                            old_note=repr(old.note),
                            new=Phrase.of(f"classification.{mark.classification.value}"),
                            new_note=repr(mark.note),
                        )
                    )
            for key, note in incoming.area_notes.items():
                old_note = here.area_notes.get(key)
                if old_note is not None and old_note != note:
                    conflicts.append(
                        Phrase.of("import.conflict.note", member=member.name, area=key[1])
                    )
            for key, grade in incoming.grades.items():
                here.profile.planned(key[1])
                here.check_grade(grade)
                old_grade = here.grades.get(key)
                if old_grade is not None and old_grade != grade:
                    label = here.profile.scale.label
                    conflicts.append(
                        Phrase.of(
                            "import.conflict.grade",
                            member=member.name,
                            area=key[1],
                            old=label(old_grade),
                            new=label(grade),
                        )
                    )
            if conflicts:
                return conflicts
            new_only = Session(
                id=here.id,
                profile_snapshot=here.profile_snapshot,
                candidate_name=here.candidate_name,
                candidate_ref=here.candidate_ref,
                date=here.date,
                venue=here.venue,
                panel=here.panel,
                marks={k: v for k, v in incoming.marks.items() if k not in here.marks},
                area_notes={
                    k: v for k, v in incoming.area_notes.items() if k not in here.area_notes
                },
                grades={k: v for k, v in incoming.grades.items() if k not in here.grades},
            )
            self._insert_marks(here.id, new_only, member_id)
            self._audit(
                now,
                here.id,
                actor,
                "merge marks",
                member_id,
                "",
                f"{len(new_only.marks)} marks, {len(new_only.area_notes)} notes,"
                f" {len(new_only.grades)} grades",
            )
            self._after_change(now, here, actor)
            return []
