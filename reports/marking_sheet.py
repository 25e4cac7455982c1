"""The signed-off PDF marking sheet, built with reportlab platypus from a session alone.

A pure function of the session snapshot: same session, same bytes (``invariant=True``).
Every page carries the protective marking at top and bottom, force and role, candidate
reference and "Page N of M"; the footer carries the session id, sheet version and, once
signed, the SHA-256 digest of the signed content. An unsigned session prints as a draft.
"""

from __future__ import annotations

import base64
import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    Image,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from pcso_interview.lifecycle import Status
from pcso_interview.plain_text import clipped
from pcso_interview.profiles import Area
from pcso_interview.scoring import SPREAD_FLAG_AT, Classification, Result, number_text
from pcso_interview.session import Session, SignMethod
from reports.fonts import BOLD, ITALIC, REGULAR, register_fonts
from reports.sheet_text import WELSH_MONTHS, WELSH_MONTHS_SHORT, Key, SheetText

# reportlab's Paragraph where DejaVu prints the text as typed; reports.typeset's otherwise
# (any script: fallback fonts, right to left, shaped).
from reports.typeset import draw_string, isolate
from reports.typeset import paragraph as Paragraph

WATERMARK = "DRAFT - NOT SIGNED OFF"
WITHDRAWN_MARK = "WITHDRAWN"
FAILED_MARK = "RECORD FAILED VERIFICATION"
DIGEST_PREFIX = "SHA-256 of the signed content:"
SUBJECT_PREFIX = "pcso-interview marking sheet"
CHUNK = 1200  # characters of a note per table row, so no single row outgrows a page
CHUNK_LINES = 30  # and lines: a list typed one short line at a time is tall, not long

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 16 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
FRAME_HEIGHT = PAGE_HEIGHT - 39 * mm
FRAME_PADDING = 6  # reportlab's Frame pads each side by 6 points
BODY_HEIGHT = FRAME_HEIGHT - 2 * FRAME_PADDING  # the most a flowable gets on one page
# A member's name in a column heading (the matrix, an evidence table) is cut past this many
# characters, the most the set-up accepts: a heading row is repeated on every page and must
# fit on one. The sign-off table and the notes print the name whole.
HEADING_NAME = 120


class SheetTable(Table):  # type: ignore[misc]  # reportlab has no type hints
    """A Table that splits inside a row, but only a row taller than a whole page.

    Such a row (a 10,000-character name kept by an older version) can never be placed, and
    reportlab would raise LayoutError: it is split where it stands, its cells continued on
    the next pages. Any other row is kept whole and moves to the next page as before, so a
    sheet that fitted prints exactly as it did.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        first = self.repeatRows if isinstance(self.repeatRows, int) else 0
        heights = self._rowHeights
        if parts or first >= len(heights) or heights[first] <= BODY_HEIGHT:
            return parts
        # Centred across pages means nothing, and reportlab pads a centred cell it splits
        # by half the row's height, leaving a page of empty row behind: top, as every cell.
        for cell in self._cellStyles[first]:
            cell.valign = "TOP"
        self.splitInRow = 1  # points: the least of a row either side of the split
        try:
            parts = super().split(availWidth, availHeight)
        finally:
            self.splitInRow = 0
        for part in parts:
            part.splitInRow = 0  # the rows after it keep moving whole
        return parts


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    bold: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    italic: ParagraphStyle
    outcome: ParagraphStyle
    tiny: ParagraphStyle


def _styles() -> Styles:
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=11.5)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10),
        bold=ParagraphStyle("bold", parent=body, fontName=BOLD),
        title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=16, leading=20),
        heading=ParagraphStyle(
            "heading", parent=body, fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=8
        ),
        subheading=ParagraphStyle(
            "subheading", parent=body, fontName=BOLD, fontSize=10, leading=13, spaceBefore=4
        ),
        italic=ParagraphStyle("italic", parent=body, fontName=ITALIC),
        outcome=ParagraphStyle("outcome", parent=body, fontName=BOLD, fontSize=12, leading=15),
        tiny=ParagraphStyle("tiny", parent=body, fontSize=7, leading=8.5),
    )


def heading_name(name: str) -> str:
    """A member's name as a column heading: whole up to HEADING_NAME characters."""
    return clipped(name, HEADING_NAME)


def text(value: str) -> str:
    """Plain text made safe for a Paragraph; line breaks kept; right-to-left text kept a run
    of its own (reports.typeset.isolate)."""
    return isolate(escape(value).replace("\n", "<br/>"))


def chunks(value: str, size: int = CHUNK, lines: int = CHUNK_LINES) -> list[str]:
    """Split long text into pieces of at most about ``size`` characters and ``lines`` lines,
    at line breaks or spaces."""
    if len(value) <= size and value.count("\n") < lines:
        return [value]
    pieces: list[str] = []
    rest = value
    while len(rest) > size or rest.count("\n") >= lines:
        breaks = [i for i, c in enumerate(rest[: size + 1]) if c == "\n"]
        if len(breaks) >= lines:
            pieces.append(rest[: breaks[lines - 1]])
            rest = rest[breaks[lines - 1] + 1 :]
            continue
        cut = rest.rfind(" ", 0, size)
        cut = cut if cut > size // 2 else size
        pieces.append(rest[:cut])
        rest = rest[cut:].lstrip(" ")
    if rest:
        pieces.append(rest)
    return pieces


CELL_PADDING = 6  # the grid's left and right padding together (points)


def fitted(
    value: str, width: float, *, bold: bool = False, size: float = 8, centre: bool = False
) -> Any:
    """A fixed text in a table cell: plain (one line) where it fits the column, else a
    Paragraph that wraps inside it. The sheet's Welsh words, and its bilingual pairs, run
    longer than the English the columns were sized for ("Rhif / No." in 8 mm): they wrap
    instead of running over the next cell. English always fits, so it prints as before."""
    font = BOLD if bold else REGULAR
    if stringWidth(value, font, size) <= width - CELL_PADDING:
        return value
    style = ParagraphStyle(
        "cell",
        fontName=font,
        fontSize=size,
        leading=size + 1.5,
        alignment=TA_CENTER if centre else TA_LEFT,
    )
    return Paragraph(text(value), style)


def _grid(extra: Iterable[tuple[Any, ...]] = ()) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9e9e9e")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eaf0")),
            ("FONTNAME", (0, 0), (-1, 0), BOLD),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            *extra,
        ]
    )


def sheet_state(session: Session) -> str:
    """What the sheet may claim: "signed" only for a signed record that still verifies."""
    if session.status is Status.SIGNED:
        return "signed" if session.record_verified else "failed"
    if session.status is Status.WITHDRAWN:
        return "withdrawn" if session.record_verified else "failed"
    return "draft"


STATE_MARKS = {"draft": WATERMARK, "withdrawn": WITHDRAWN_MARK, "failed": FAILED_MARK}
FOOTNOTES = {
    "draft": "no digest; this is not the signed record.",
    "withdrawn": "the candidate withdrew; no outcome is recorded.",
    "failed": "the database record no longer matches what was signed; this is not that record.",
}


class SheetBuilder:
    def __init__(self, session: Session):
        self.session = session
        self.profile = session.profile
        self.styles = _styles()
        self.state = sheet_state(session)
        self.signed = self.state == "signed"
        self.t = sheet_text(session)
        self.mark = self.t(f"mark.{self.state}") if self.state in STATE_MARKS else ""
        self.digest = session.digest() if self.signed else ""

    # --- page furniture ------------------------------------------------------------------------

    def furniture(self, canvas: Canvas, page: int, total: int) -> None:
        s, p = self.session, self.profile
        canvas.saveState()
        if self.mark:
            # In the side margins, never over the record: every figure stays legible.
            canvas.setFillColor(colors.HexColor("#b71c1c"))
            canvas.setFont(BOLD, 11)
            for x, angle in (
                (MARGIN / 2 + 1.5 * mm, 90),
                (PAGE_WIDTH - MARGIN / 2 - 1.5 * mm, 270),
            ):
                canvas.saveState()
                canvas.translate(x, PAGE_HEIGHT / 2)
                canvas.rotate(angle)
                canvas.drawCentredString(0, 0, f"{self.mark}   ·   {self.mark}")
                canvas.restoreState()
        canvas.setFillColor(colors.black)
        canvas.setFont(BOLD, 10)
        marking = p.protective_marking
        draw_string(canvas, PAGE_WIDTH / 2, PAGE_HEIGHT - 9 * mm, marking, BOLD, 10, "centre")
        draw_string(canvas, PAGE_WIDTH / 2, 5 * mm, marking, BOLD, 10, "centre")
        canvas.setFont(REGULAR, 8)
        left = f"{p.force} · {p.role_title}"
        right = self.candidate_line(page, total)
        # Side by side on one line; where they would run into each other (a long role title
        # beside a bilingual "Ymgeisydd … / Candidate …"), force and role in smaller type,
        # down to 6 pt, and then a line higher.
        room = CONTENT_WIDTH - stringWidth(right, REGULAR, 8) - 4 * mm
        size = 8.0
        while stringWidth(left, REGULAR, size) > room and size > 6:
            size -= 0.5
        left_y = PAGE_HEIGHT - (11.5 if stringWidth(left, REGULAR, size) > room else 14) * mm
        canvas.setFont(REGULAR, size)
        draw_string(canvas, MARGIN, left_y, left, REGULAR, size)
        canvas.setFont(REGULAR, 8)
        draw_string(canvas, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 14 * mm, right, REGULAR, 8, "right")
        canvas.setStrokeColor(colors.HexColor("#9e9e9e"))
        canvas.line(MARGIN, PAGE_HEIGHT - 15.5 * mm, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 15.5 * mm)
        canvas.line(MARGIN, 17 * mm, PAGE_WIDTH - MARGIN, 17 * mm)
        canvas.setFont(REGULAR, 7)
        canvas.drawString(
            MARGIN,
            14 * mm,
            self.t("furniture.session", id=s.id, version=s.version, page=page, total=total),
        )
        if self.signed:
            canvas.drawString(MARGIN, 10.5 * mm, f"{self.t('digest')} {self.digest}")
        else:
            canvas.setFont(BOLD, 7)
            footnote = self.t(f"footnote.{self.state}")
            canvas.drawString(MARGIN, 10.5 * mm, f"{self.mark}: {footnote}")
        canvas.restoreState()

    def candidate_line(self, page: int, total: int) -> str:
        """The header's right-hand "Candidate C-0412 · Page 1 of 4". A reference too long for
        the line (kept by an older version) is cut short with "…", never run off the page:
        the details on page 1 hold it whole."""
        ref = self.session.candidate_ref
        line = self.t("furniture.candidate", ref=ref, page=page, total=total)
        if stringWidth(line, REGULAR, 8) <= CONTENT_WIDTH:
            return line
        keep = len(ref)
        while keep > 0 and stringWidth(line, REGULAR, 8) > CONTENT_WIDTH:
            keep = min(keep - 1, int(keep * CONTENT_WIDTH / stringWidth(line, REGULAR, 8)))
            line = self.t("furniture.candidate", ref=ref[:keep] + "…", page=page, total=total)
        return line

    # --- content -------------------------------------------------------------------------------

    def story(self) -> list[Any]:
        """Page 1 is the decision: who, the scoring matrix, the outcome with every reason, the
        sign-offs. The evidence follows: the scale once, then each area's classifications in
        one table, and only the notes that were written."""
        st = self.styles
        p = self.profile
        flow: list[Any] = [
            Paragraph(self.t("title"), st.title),
            Paragraph(
                f"{text(p.force)} · {text(p.role_title)} · {text(p.grade)}"
                + ("" if self.signed else f" · <b>{self.mark}</b>"),
                st.body,
            ),
            Spacer(1, 2 * mm),
            self.details(),
            Spacer(1, 3 * mm),
            Paragraph(self.t("scoring"), st.heading),
            self.matrix(),
        ]
        flow += self.revision_notes()
        if self.state == "withdrawn":
            flow += self.withdrawn_flow()
        else:
            flow += self.outcome_flow()
        flow += self.signoff_flow()
        flow += [PageBreak(), Paragraph(self.t("evidence"), st.title)]
        flow += self.scale_flow()
        for area in self.session.planned_areas:
            flow += self.area_flow(area)
        return flow

    def status_key(self) -> Key:
        if self.state == "failed":
            return Key("mark.failed.status")
        return Key(f"status.{self.session.status.value}")

    # --- page 1: the decision ------------------------------------------------------------------

    def details(self) -> Table:
        st = self.styles
        s, p = self.session, self.profile
        t, welsh = self.t, self.t.welsh_dates
        version = t("details.version", status=self.status_key(), version=s.version)
        if s.previous is not None:
            prev = s.previous
            version += t(
                "details.replaces",
                version=prev.version,
                signed=uk_time(prev.signed_at, welsh=welsh),
                reopened=uk_time(prev.reopened_at, welsh=welsh),
                by=prev.reopened_by,
                reason=prev.reason,
            )
        vetting = f" · {t('details.vetting')}: {p.vetting}" if p.vetting else ""
        level = t.phrase(p.level_phrase)
        sources = "; ".join(t.phrase(source) for source in p.sources_phrases)
        rows = [
            (
                t("details.candidate"),
                t("details.candidate.value", name=s.candidate_name, ref=s.candidate_ref),
            ),
            (
                t("details.date"),
                f"{long_date(s.date, welsh=welsh)} · {s.venue or t('details.no_venue')}",
            ),
            (t("details.force"), f"{p.force} · {p.role_title} · {p.grade}"),
            (
                t("details.profile"),
                f"{p.framework_label}, {level} · {sources} · {t('details.method')}"
                f" {t(f'method.{p.method.value}')}" + vetting,
            ),
            (t("details.record"), version),
        ]
        table = SheetTable(
            [
                [fitted(label, 30 * mm, bold=True), Paragraph(text(value), st.small)]
                for label, value in rows
            ],
            colWidths=[30 * mm, CONTENT_WIDTH - 30 * mm],
        )
        table.setStyle(
            _grid(
                [
                    ("FONTSIZE", (0, 0), (-1, -1), 8),
                    ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#e8eaf0")),
                    ("BACKGROUND", (1, 0), (-1, 0), colors.white),
                    ("FONTNAME", (0, 0), (0, -1), BOLD),
                    ("FONTNAME", (1, 0), (-1, 0), REGULAR),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        return table

    def matrix(self) -> Table:
        """A row per planned area: each member's grade, the agreed grade, minimum, weight and
        weighted score; then the total against the pass mark."""
        st = self.styles
        s = self.session
        scale = s.profile.scale
        outcome = s.outcome
        members = list(s.panel)
        decimals = s.profile.decimal_weights
        # agreed, minimum, weight, weighted ("B: 3 × 1.5 = 4.5" on a lettered scale)
        fixed = [15 * mm, 15 * mm, 13 * mm, 16 * mm if scale.numbered else 30 * mm]
        header = [
            Paragraph(f"<b>{self.t('matrix.area')}</b>", st.small),
            *(Paragraph(f"<b>{text(heading_name(m.name))}</b>", st.tiny) for m in members),
            Paragraph(f"<b>{self.t('matrix.agreed')}</b>", st.tiny),
            Paragraph(f"<b>{self.t('matrix.minimum')}</b>", st.tiny),
            Paragraph(f"<b>{self.t('matrix.weight')}</b>", st.tiny),
            Paragraph(f"<b>{self.t('matrix.weighted')}</b>", st.tiny),
        ]
        rows: list[list[Any]] = [header]
        style: list[tuple[Any, ...]] = []
        for planned in s.profile.plan:
            area = s.profile.area(planned.area)
            agreed = s.agreed_grade(area.id)
            flags = []
            if s.spread_flagged(area.id):
                flags.append(self.t("matrix.spread"))
            marks = []
            for m in members:
                grade = s.grades.get((m.id, area.id))
                changed = any(r.member_id == m.id for r in s.revised(area.id))
                marks.append(
                    ("-" if grade is None else scale.label(grade)) + (" *" if changed else "")
                )
            if agreed is not None and planned.minimum is not None and agreed < planned.minimum:
                style.append(
                    (
                        "TEXTCOLOR",
                        (len(members) + 1, len(rows)),
                        (len(members) + 1, len(rows)),
                        colors.HexColor("#b00020"),
                    )
                )
            rows.append(
                [
                    Paragraph(
                        text(area.name) + (f" <i>({', '.join(flags)})</i>" if flags else ""),
                        st.small,
                    ),
                    *marks,
                    "-" if agreed is None else scale.label(agreed),
                    fitted(self.t("matrix.none"), fixed[1], centre=True)
                    if planned.minimum is None
                    else scale.label(planned.minimum),
                    number_text(planned.weight, decimals=decimals),
                    fitted(self.weighted_cell(agreed, planned.weight), fixed[3], centre=True),
                ]
            )
        total = (
            self.t("matrix.total.value", score=outcome.score_phrase, mark=outcome.pass_mark_phrase)
            if outcome.result is not Result.INCOMPLETE
            else self.t("matrix.total.incomplete", mark=outcome.pass_mark_phrase)
        )
        rows.append(
            [Paragraph(f"<b>{self.t('matrix.total')}</b> · {text(total)}", st.small)]
            + [""] * (len(members) + 4)
        )
        last = len(rows) - 1
        room = CONTENT_WIDTH - sum(fixed) - 38 * mm  # the area's name keeps at least 38 mm
        member_width = min(24 * mm, room / max(len(members), 1))
        widths = [
            CONTENT_WIDTH - member_width * len(members) - sum(fixed),
            *([member_width] * len(members)),
            *fixed,
        ]
        table = SheetTable(rows, colWidths=widths, repeatRows=1)
        table.setStyle(
            _grid(
                [
                    ("FONTSIZE", (0, 0), (-1, -1), 8),
                    ("ALIGN", (1, 1), (-1, -2), "CENTER"),
                    ("SPAN", (0, last), (-1, last)),
                    (
                        "BACKGROUND",
                        (len(members) + 1, 1),
                        (len(members) + 1, -2),
                        colors.HexColor("#f3f4f8"),
                    ),
                    ("FONTNAME", (len(members) + 1, 1), (len(members) + 1, -2), BOLD),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                    *style,
                ]
            )
        )
        return table

    def weighted_cell(self, agreed: int | None, weight: Fraction) -> str:
        """The area's weighted score; on a lettered scale with the points its letter stands
        for ("B: 3 × 1.5 = 4.5"), since a letter times a weight means nothing by itself."""
        profile = self.profile
        if weight == 0:
            return self.t("matrix.not_scored")
        if agreed is None:
            return "-"
        score = number_text(agreed * weight, decimals=profile.decimal_weights)
        if profile.scale.numbered:
            return score
        factor = number_text(weight, decimals=profile.decimal_weights)
        return f"{profile.scale.label(agreed)}: {agreed} × {factor} = {score}"

    def revision_notes(self) -> list[Any]:
        """Grades marked * changed after their member had seen the others'."""
        s = self.session
        if not s.revisions:
            return []
        lines = "; ".join(
            f"{s.profile.area(r.area_id).name}: {self.t.phrase(s.revision_phrase(r))}"
            for r in s.revisions
        )
        return [Paragraph(f"* {text(lines)}.", self.styles.tiny)]

    def outcome_flow(self) -> list[Any]:
        st = self.styles
        outcome = self.session.outcome
        heading = self.t("outcome", result=Key(f"outcome.{outcome.result.value}"))
        if not self.signed and self.state != "failed" and outcome.result is not Result.INCOMPLETE:
            heading += self.t("outcome.unsigned")
        flow: list[Any] = [Spacer(1, 2 * mm), Paragraph(heading, st.outcome)]
        flow += [
            Paragraph(f"• {text(self.t.phrase(reason))}", st.body)
            for reason in outcome.explanation_phrases()
        ]
        return flow

    def withdrawn_flow(self) -> list[Any]:
        """A withdrawn session has no outcome: the sheet says who withdrew it, when and why."""
        st = self.styles
        s = self.session
        t = self.t
        when: str | Key = (
            uk_time(s.withdrawn_at, welsh=t.welsh_dates)
            if s.withdrawn_at
            else Key("withdrawn.no_time")
        )
        by = text(s.withdrawn_by) if s.withdrawn_by else Key("withdrawn.no_one")
        reason = text(s.withdrawn_reason) if s.withdrawn_reason else Key("withdrawn.none")
        return [
            Spacer(1, 2 * mm),
            Paragraph(t("mark.withdrawn"), st.outcome),
            Paragraph(
                t("withdrawn.reason", reason=reason),
                st.body,
            ),
            Paragraph(t("withdrawn.when", when=when, by=by), st.body),
            Paragraph(t("withdrawn.note"), st.italic),
        ]

    def signoff_flow(self) -> list[Any]:
        """One row per member: name, role and number; the signature; when, in UK time."""
        st = self.styles
        s = self.session
        t = self.t
        flow: list[Any] = [Spacer(1, 3 * mm), Paragraph(t("signoff"), st.heading)]
        if self.state == "failed":
            problem = t("signoff.failed", problem=text(s.record_problems[0]))
            flow.append(Paragraph(f"<b>{t('mark.failed')}.</b> {problem}", st.body))
        declaration = t("signoff.declaration.text")
        flow.append(Paragraph(f"<i>{t('signoff.declaration')}: {text(declaration)}</i>", st.tiny))
        rows: list[list[Any]] = [
            [
                Paragraph(f"<b>{t('signoff.member')}</b>", st.small),
                Paragraph(f"<b>{t('signoff.signature')}</b>", st.small),
                Paragraph(f"<b>{t('signoff.signed')}</b>", st.small),
            ]
        ]
        for member in s.panel:
            signoff = s.signoff(member.id)
            who = Paragraph(
                f"<b>{text(member.name)}</b><br/>{t(f'role.{member.role.value}')} ·"
                f" {text(member.number or t('signoff.no_number'))}",
                st.small,
            )
            if signoff is None:
                rows.append([who, Paragraph(f"<i>{t('signoff.not_signed')}</i>", st.small), ""])
                continue
            mark: Any = (
                _signature_image(signoff.signature_png_b64)
                if signoff.method is SignMethod.DRAWN and signoff.signature_png_b64
                else Paragraph(f"{t('signoff.typed')} <i>{text(signoff.typed_name)}</i>", st.body)
            )
            when = uk_time(signoff.signed_at, welsh=t.welsh_dates)
            rows.append([who, mark, Paragraph(when, st.small)])
        table = SheetTable(rows, colWidths=[62 * mm, CONTENT_WIDTH - 62 * mm - 42 * mm, 42 * mm])
        table.setStyle(
            _grid([("FONTSIZE", (0, 0), (-1, -1), 8), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
        )
        flow.append(table)
        if not s.signoffs:
            flow.append(Paragraph(f"<b>{self.mark}.</b> {t('signoff.nobody')}", st.body))
        if self.signed:
            flow.append(
                Paragraph(
                    f"{t('signoff.locked')} {t('digest')} {self.digest}",
                    ParagraphStyle("digest", parent=st.tiny, alignment=TA_CENTER),
                )
            )
        return flow

    # --- the evidence --------------------------------------------------------------------------

    def scale_flow(self) -> list[Any]:
        """The scale once, with what each point means."""
        st = self.styles
        scale = self.session.profile.scale
        points = not scale.numbered  # a letter's points, which the weighted scores use
        t = self.t
        titles = [t("scale.grade"), *([t("scale.points")] if points else []), t("scale.meaning")]
        # A column is as wide as its title's longest word ("Pwyntiau"); the title wraps at
        # its spaces ("Gradd / Grade").
        widths = [
            max(least, *(stringWidth(w, BOLD, 8) + CELL_PADDING for w in title.split()))
            for title, least in zip(titles, [14 * mm] * (len(titles) - 1) + [40 * mm], strict=True)
        ]
        header = [
            *(fitted(title, width, bold=True) for title, width in zip(titles, widths, strict=True)),
            t("scale.descriptor"),
        ]
        rows: list[list[Any]] = [header]
        for point in scale.points:
            rows.append(
                [
                    point.label,
                    *([str(point.value)] if points else []),
                    Paragraph(text(point.name), st.small),
                    Paragraph(text(point.descriptor), st.small),
                ]
            )
        table = SheetTable(rows, colWidths=[*widths, CONTENT_WIDTH - sum(widths)], repeatRows=1)
        table.setStyle(_grid([("FONTSIZE", (0, 0), (-1, -1), 8)]))
        return [
            Paragraph(t("scale"), st.heading),
            table,
            Spacer(1, 1.5 * mm),
            Paragraph(t("key"), st.small),
        ]

    def area_flow(self, area: Area) -> list[Any]:
        """One table: a row per indicator, a column per member with the classification. Then
        only the notes that exist, the area notes, the agreed grade and its rationale."""
        st = self.styles
        s = self.session
        scale = s.profile.scale
        members = list(s.panel)
        t = self.t
        kind = area.cluster or t(f"kind.{area.kind}")
        source = t("area.national") if area.is_national else ""
        if not s.profile.planned(area.id).scored:
            source += t("area.not_scored")
        flow: list[Any] = [
            CondPageBreak(40 * mm),
            Paragraph(text(area.name), st.heading),
            Paragraph(f"{text(kind)}{source}", st.tiny),
        ]
        questions = s.area_questions(area.id)
        if len(questions) == 1:
            flow.append(
                Paragraph(
                    f"<b>{t('area.question')}</b>"
                    f" {text(questions[0][1] or t('area.not_recorded'))}",
                    st.small,
                )
            )
        else:
            flow.append(Paragraph(f"<b>{t('area.questions')}</b>", st.small))
            flow += [
                Paragraph(f"{number}. {text(question or t('area.not_recorded'))}", st.small)
                for number, (_key, question) in enumerate(questions, start=1)
            ]
        if area.stem:
            flow.append(Paragraph(f"<i>{text(area.stem)}</i>", st.small))
        flow.append(Spacer(1, 1.5 * mm))
        member_width = min(24 * mm, (CONTENT_WIDTH - 8 * mm - 70 * mm) / max(len(members), 1))
        rows: list[list[Any]] = [
            [
                fitted(t("area.no"), 8 * mm, bold=True, size=7.5),
                Paragraph(f"<b>{t('area.indicator')}</b>", st.small),
                *(Paragraph(f"<b>{text(heading_name(m.name))}</b>", st.tiny) for m in members),
            ]
        ]
        for number, indicator in enumerate(area.indicators, start=1):
            rows.append(
                [
                    str(number),
                    Paragraph(text(indicator.text), st.small),
                    *(
                        fitted(
                            classified(s.mark(m.id, indicator.id).classification, len(members), t),
                            member_width,
                            size=7.5,
                            centre=True,
                        )
                        for m in members
                    ),
                ]
            )
        table = SheetTable(
            rows,
            colWidths=[
                8 * mm,
                CONTENT_WIDTH - 8 * mm - member_width * len(members),
                *([member_width] * len(members)),
            ],
            repeatRows=1,
        )
        table.setStyle(
            _grid([("FONTSIZE", (0, 0), (-1, -1), 7.5), ("ALIGN", (2, 1), (-1, -1), "CENTER")])
        )
        flow.append(table)
        notes = [
            (number, member, s.mark(member.id, indicator.id).note)
            for number, indicator in enumerate(area.indicators, start=1)
            for member in members
            if s.mark(member.id, indicator.id).note
        ]
        if notes:
            flow.append(Paragraph(t("area.notes"), st.subheading))
        cont = t("area.cont")
        for number, member, note in notes:
            for index, piece in enumerate(chunks(note)):
                label = f"<b>{number} · {text(member.name)}{cont if index else ''}:</b> "
                flow.append(Paragraph(label + text(piece), st.small))
        for member in members:
            note = s.area_notes.get((member.id, area.id), "")
            for index, piece in enumerate(chunks(note) if note else []):
                label = f"<b>{t('area.area_note', name=text(member.name))}"
                label += f"{cont if index else ''}:</b> "
                flow.append(Paragraph(label + text(piece), st.small))
        agreed = s.agreed_grade(area.id)
        grades = ", ".join(
            f"{m.name} {scale.label(g)}"
            for m in members
            if (g := s.grades.get((m.id, area.id))) is not None
        )
        summary = (
            f"<b>{t('area.grades')}</b> {text(grades or t('area.no_grades'))} ·"
            f" <b>{t('area.agreed')}</b> "
        ) + (
            f"{scale.label(agreed)} {text(scale.point(agreed).name)}" if agreed is not None else "-"
        )
        if s.spread_flagged(area.id):
            summary += t("area.spread", spread=SPREAD_FLAG_AT)
        flow.append(Spacer(1, 1 * mm))
        flow.append(Paragraph(summary, st.small))
        for revision in s.revised(area.id):
            flow.append(Paragraph(f"* {text(t.phrase(s.revision_phrase(revision)))}.", st.small))
        rationale = s.rationale(area.id)
        for index, piece in enumerate(chunks(rationale) if rationale else []):
            label = f"<b>{t('area.rationale') if index == 0 else t('area.rationale.cont')}</b> "
            flow.append(Paragraph(label + text(piece), st.small))
        return flow


def long_date(day: str, *, welsh: bool = False) -> str:
    """'2025-11-23' as '23 November 2025' ('23 Tachwedd 2025' in Welsh)."""
    from datetime import date

    when = date.fromisoformat(day)
    if welsh:
        return f"{when.day} {WELSH_MONTHS[when.month - 1]} {when.year}"
    return f"{when.day} {when.strftime('%B %Y')}"


def uk_time(moment: str, *, welsh: bool = False) -> str:
    """A stored UTC time as people in the UK read it, with its zone: '23 Nov 2025 10:42 GMT'."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    when = datetime.fromisoformat(moment.replace("Z", "+00:00")).astimezone(
        ZoneInfo("Europe/London")
    )
    if welsh:
        month = WELSH_MONTHS_SHORT[when.month - 1]
        return f"{when.day} {month} {when.strftime('%Y %H:%M')} {when.tzname()}"
    return f"{when.day} {when.strftime('%b %Y %H:%M')} {when.tzname()}"


CLASSIFIED = {
    Classification.DEMONSTRATED: "✓ Demonstrated",
    Classification.PARTLY: "~ Partly",
    Classification.CONTRARY: "✗ Contrary",
    Classification.NONE: "·",
}


def classified(value: Classification, members: int, words: SheetText | None = None) -> str:
    """A classification in an evidence table: words beside the symbol for up to three
    members, the symbol alone for four or five (the key under the scale says which is which)."""
    shown = (
        CLASSIFIED[value]
        if words is None or value is Classification.NONE
        else words(f"class.{value.value}")
    )
    return shown if members <= 3 else shown.split(" ")[0]


CLASSIFIED_KEY = (
    "In the evidence tables: ✓ demonstrated · ~ partly demonstrated · ✗ contrary evidence"
    " (behaviour against the indicator) · · nothing recorded."
)


def _signature_image(png_b64: str) -> Image:
    data = base64.b64decode(png_b64)
    reader = ImageReader(io.BytesIO(data))
    width, height = reader.getSize()
    scale = min(60 * mm / max(width, 1), 12 * mm / max(height, 1), 1.0)  # a row, not a page
    return Image(io.BytesIO(data), width=width * scale, height=height * scale)


def _numbered_canvas(builder: SheetBuilder) -> type[Canvas]:
    """A canvas that knows the page count when each page is finished ("Page N of M")."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                builder.furniture(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def sheet_text(session: Session) -> SheetText:
    """The sheet's words in the language the session's copy of the profile names."""
    return SheetText(session.profile.sheet_language)


def subject_line(session: Session, digest: str) -> str:
    """The PDF's Subject: who and which version, and the digest when signed."""
    tail = f" sha256={digest}" if digest else f" {sheet_state(session)}"
    return f"{SUBJECT_PREFIX} session={session.id} version={session.version}{tail}"


def build_sheet(session: Session, *, invariant: bool = True) -> bytes:
    """The marking sheet as PDF bytes: a pure function of the record, the same bytes every
    time (reportlab's invariant mode fixes the creation date and the file id)."""
    register_fonts()
    builder = SheetBuilder(session)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=builder.t("pdf.title", ref=session.candidate_ref, date=session.date),
        author="pcso-interview",
        subject=subject_line(session, builder.digest),
        creator="pcso-interview",
        invariant=1 if invariant else 0,
        initialFontName=REGULAR,
        lang=builder.t.pdf_lang,
    )
    frame = Frame(MARGIN, 19 * mm, CONTENT_WIDTH, FRAME_HEIGHT, id="body")
    doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame])])
    doc.build(builder.story(), canvasmaker=_numbered_canvas(builder))
    return buffer.getvalue()


NAME_REF_CHARS = 64  # the reference in a file name: at most this many characters
NAME_REF_BYTES = 160  # and UTF-8 bytes, so the name (and its temporary) stays under 255


def sheet_file_name(session: Session) -> str:
    """Default file name: date and candidate reference, safe on every file system.

    A reference longer than NAME_REF_CHARS characters or NAME_REF_BYTES bytes (kept by an
    older version) is cut, and "~" and a hash of the session id added, so the name is still
    one the file system accepts and still this session's alone ("~" never comes from a
    reference). A reference within the bounds gives the name it always gave.
    """
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in session.candidate_ref)
    if len(safe) > NAME_REF_CHARS or len(safe.encode("utf-8")) > NAME_REF_BYTES:
        tag = "~" + hashlib.sha256(session.id.encode("utf-8")).hexdigest()[:8]
        safe = safe[: NAME_REF_CHARS - len(tag)]
        while len(safe.encode("utf-8")) > NAME_REF_BYTES - len(tag):
            safe = safe[:-1]
        safe += tag
    return f"{session.date}_{safe or 'candidate'}_v{session.version}.pdf"
