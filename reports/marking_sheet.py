"""The signed-off PDF marking sheet, built with reportlab platypus from a session alone.

A pure function of the session snapshot: same session, same bytes (``invariant=True``).
Every page carries the protective marking at top and bottom, force and role, candidate
reference and "Page N of M"; the footer carries the session id, sheet version and, once
signed, the SHA-256 digest of the signed content. An unsigned session prints as a draft.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
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
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from pcso_interview.lifecycle import Status
from pcso_interview.profiles import Area
from pcso_interview.scoring import Result
from pcso_interview.session import Session
from reports.fonts import BOLD, ITALIC, REGULAR, register_fonts

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
    )


def text(value: str) -> str:
    """Plain text made safe for a Paragraph; line breaks kept."""
    return escape(value).replace("\n", "<br/>")


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
        self.mark = STATE_MARKS.get(self.state, "")
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
        canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 9 * mm, p.protective_marking)
        canvas.drawCentredString(PAGE_WIDTH / 2, 5 * mm, p.protective_marking)
        canvas.setFont(REGULAR, 8)
        canvas.drawString(MARGIN, PAGE_HEIGHT - 14 * mm, f"{p.force} · {p.role_title}")
        canvas.drawRightString(
            PAGE_WIDTH - MARGIN,
            PAGE_HEIGHT - 14 * mm,
            f"Candidate {s.candidate_ref} · Page {page} of {total}",
        )
        canvas.setStrokeColor(colors.HexColor("#9e9e9e"))
        canvas.line(MARGIN, PAGE_HEIGHT - 15.5 * mm, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 15.5 * mm)
        canvas.line(MARGIN, 17 * mm, PAGE_WIDTH - MARGIN, 17 * mm)
        canvas.setFont(REGULAR, 7)
        canvas.drawString(
            MARGIN, 14 * mm, f"Session {s.id} · sheet version {s.version} · Page {page} of {total}"
        )
        if self.signed:
            canvas.drawString(MARGIN, 10.5 * mm, f"{DIGEST_PREFIX} {self.digest}")
        else:
            canvas.setFont(BOLD, 7)
            canvas.drawString(MARGIN, 10.5 * mm, f"{self.mark}: {FOOTNOTES[self.state]}")
        canvas.restoreState()

    # --- content -------------------------------------------------------------------------------

    def story(self) -> list[Any]:
        st = self.styles
        s, p = self.session, self.profile
        flow: list[Any] = [
            Paragraph("PCSO interview marking sheet", st.title),
            Paragraph(
                f"{text(p.force)} · {text(p.role_title)} · {text(p.grade)}"
                + ("" if self.signed else f" · <b>{self.mark}</b>"),
                st.body,
            ),
            Spacer(1, 4 * mm),
        ]
        details = [
            ["Candidate", Paragraph(text(s.candidate_name), st.body)],
            ["Candidate reference", Paragraph(text(s.candidate_ref), st.body)],
            ["Date", s.date],
            ["Venue", Paragraph(text(s.venue or "-"), st.body)],
            ["Force", Paragraph(text(p.force), st.body)],
            ["Role", Paragraph(f"{text(p.role_title)}, {text(p.grade)}", st.body)],
            [
                "Framework",
                f"{p.framework.upper()}, level {p.level}; agreed grades by {p.method}",
            ],
            [
                "Source document",
                Paragraph(
                    text(
                        f"{p.source_title or 'Role profile'}"
                        f"{', ' + p.source_date if p.source_date else ''} ({p.source_file})"
                    ),
                    st.body,
                ),
            ],
            ["Status", f"{self.status_text()}, sheet version {s.version}"],
        ]
        table = Table(details, colWidths=[40 * mm, CONTENT_WIDTH - 40 * mm])
        table.setStyle(
            _grid(
                [
                    ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#e8eaf0")),
                    ("FONTNAME", (0, 0), (0, -1), BOLD),
                    ("FONTNAME", (1, 0), (-1, 0), REGULAR),
                    ("BACKGROUND", (1, 0), (-1, 0), colors.white),
                ]
            )
        )
        flow += [table, Spacer(1, 4 * mm), Paragraph("Panel", st.heading)]
        panel = [["Name", "Role", "Staff or collar number"]] + [
            [
                Paragraph(text(m.name), st.body),
                m.role.capitalize(),
                Paragraph(text(m.number), st.body),
            ]
            for m in s.panel
        ]
        panel_table = Table(panel, colWidths=[80 * mm, 30 * mm, CONTENT_WIDTH - 110 * mm])
        panel_table.setStyle(_grid())
        flow.append(panel_table)
        for area in s.planned_areas:
            flow += self.area_flow(area)
        if self.state == "withdrawn":
            return flow + self.withdrawn_flow()
        flow += self.summary_flow()
        flow += self.signoff_flow()
        return flow

    def status_text(self) -> str:
        if self.state == "failed":
            return FAILED_MARK.capitalize()
        return self.session.status.label

    def withdrawn_flow(self) -> list[Any]:
        """A withdrawn session has no outcome: the sheet says who withdrew it, when and why."""
        st = self.styles
        s = self.session
        when = s.withdrawn_at.replace("T", " ").replace("Z", " UTC") or "(time not recorded)"
        return [
            CondPageBreak(40 * mm),
            Paragraph(WITHDRAWN_MARK, st.heading),
            Paragraph(f"Reason: {text(s.withdrawn_reason or '(none given)')}", st.body),
            Paragraph(
                f"Withdrawn on {when} by {text(s.withdrawn_by or '(not recorded)')}.", st.body
            ),
            Paragraph(
                "No outcome is recorded for a withdrawn interview, and the panel's grades above"
                " are not a decision.",
                st.italic,
            ),
        ]

    def area_flow(self, area: Area) -> list[Any]:
        st = self.styles
        s = self.session
        kind = area.cluster or area.kind.capitalize()
        source = " · indicator text: national CVF" if area.is_national else ""
        flow: list[Any] = [
            CondPageBreak(45 * mm),
            Paragraph(f"{text(area.name)}", st.heading),
            Paragraph(f"{text(kind)}{source}", st.small),
            Paragraph(
                f"<b>Question asked:</b> {text(s.question(area.id) or '(not recorded)')}", st.body
            ),
            Spacer(1, 2 * mm),
        ]
        rows: list[list[Any]] = [["No.", "Indicator / member", "Classification", "Evidence note"]]
        style: list[tuple[Any, ...]] = []
        for number, indicator in enumerate(area.indicators, start=1):
            first = len(rows)
            style.append(("SPAN", (1, len(rows)), (3, len(rows))))
            style.append(
                ("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.HexColor("#f5f5f5"))
            )
            rows.append([str(number), Paragraph(text(indicator.text), st.body), "", ""])
            for member in s.panel:
                mark = s.mark(member.id, indicator.id)
                pieces = chunks(mark.note) if mark.note else [""]
                for index, piece in enumerate(pieces):
                    rows.append(
                        [
                            # A continuation may open a page: it names its indicator again.
                            Paragraph(str(number), st.small) if index else "",
                            Paragraph(text(member.name) + (" (cont.)" if index else ""), st.small),
                            Paragraph(mark.classification.text, st.small) if index == 0 else "",
                            Paragraph(text(piece), st.small),
                        ]
                    )
            # Keep an indicator with its members' rows, so no classification is printed on a
            # page without the indicator it classifies. A block with long notes cannot fit a
            # page whole: it keeps the indicator with the first member's row only.
            notes = sum(_printed_lines(s.mark(m.id, indicator.id).note) for m in s.panel)
            last = len(rows) - 1 if notes <= CHUNK_LINES else first + 1
            style.append(("NOSPLIT", (0, first), (-1, last)))
        table = Table(
            rows,
            colWidths=[10 * mm, 52 * mm, 26 * mm, CONTENT_WIDTH - 88 * mm],
            repeatRows=1,
        )
        table.setStyle(_grid(style))
        flow.append(table)
        for member in s.panel:
            note = s.area_notes.get((member.id, area.id), "")
            if note:
                flow.append(Paragraph(f"<b>Area note, {text(member.name)}:</b>", st.body))
                flow += [Paragraph(text(piece), st.body) for piece in chunks(note)]
        scale = s.profile.scale
        grades: list[list[Any]] = [["Member", "Grade", "Evidence counts"]]
        revised_rows: list[int] = []
        for member in s.panel:
            grade = s.grades.get((member.id, area.id))
            counts = s.counts(member.id, area.id)
            label = f"{scale.label(grade)} {scale.point(grade).name}" if grade is not None else "-"
            grades.append(
                [
                    Paragraph(text(member.name), st.body),
                    label,
                    # A line may wrap between counts, never inside one.
                    Paragraph(
                        " · ".join(p.replace(" ", "\u00a0") for p in counts.parts()), st.small
                    ),
                ]
            )
        for revision in s.revised(area.id):
            extra_row = len(grades)
            grades.append(
                [
                    "",
                    Paragraph(text(s.revision_text(revision)), st.small),
                    "",
                ]
            )
            revised_rows.append(extra_row)
        agreed = s.agreed_grade(area.id)
        agreed_text = (
            f"{scale.label(agreed)} {scale.point(agreed).name}" if agreed is not None else "-"
        )
        extra: list[tuple[Any, ...]] = [("FONTNAME", (0, len(grades)), (-1, -1), BOLD)]
        extra += [("SPAN", (1, row), (2, row)) for row in revised_rows]
        grades.append([Paragraph("<b>Agreed (panel)</b>", st.body), agreed_text, ""])
        rationale = s.rationale(area.id)
        for index, piece in enumerate(chunks(rationale) if rationale else []):
            extra.append(("SPAN", (1, len(grades)), (2, len(grades))))
            label = "" if index else Paragraph("<b>Rationale</b>", st.body)
            grades.append([label, Paragraph(text(piece), st.body), ""])
        grade_table = Table(
            grades, colWidths=[62 * mm, 60 * mm, CONTENT_WIDTH - 122 * mm], repeatRows=1
        )
        grade_table.setStyle(_grid(extra))
        caption = Paragraph(f"Grades: {text(area.name)}", st.subheading)  # names the area
        flow += [Spacer(1, 2 * mm), KeepTogether([caption, grade_table])]  # on a new page too
        return flow

    def summary_flow(self) -> list[Any]:
        st = self.styles
        s = self.session
        scale = s.profile.scale
        outcome = s.outcome
        rows: list[list[Any]] = [["Area", "Agreed grade", "Minimum", "Weight", "Weighted"]]
        for planned in s.profile.plan:
            area = s.profile.area(planned.area)
            agreed = s.agreed_grade(area.id)
            rows.append(
                [
                    Paragraph(text(area.name), st.body),
                    scale.label(agreed) if agreed is not None else "-",
                    scale.label(planned.minimum),
                    str(planned.weight),
                    str(agreed * planned.weight) if agreed is not None else "-",
                ]
            )
        rows.append(
            [
                Paragraph("<b>Weighted total</b>", st.body),
                "",
                "",
                "",
                f"{outcome.weighted_total} of {outcome.weighted_max}",
            ]
        )
        table = Table(
            rows,
            colWidths=[CONTENT_WIDTH - 112 * mm, 28 * mm, 24 * mm, 20 * mm, 40 * mm],
            repeatRows=1,
        )
        table.setStyle(_grid([("FONTNAME", (0, -1), (-1, -1), BOLD)]))
        symbol = {Result.PASS: "PASS", Result.FAIL: "FAIL", Result.INCOMPLETE: "INCOMPLETE"}
        flow: list[Any] = [
            CondPageBreak(80 * mm),
            Paragraph("Summary", st.heading),
            table,
            Spacer(1, 3 * mm),
            Paragraph(
                f"Percentage {outcome.percentage_text} · pass mark {outcome.pass_mark_percent}% "
                f"of the weighted maximum"
                if outcome.result is not Result.INCOMPLETE
                else f"No percentage until every area has an agreed grade · pass mark "
                f"{outcome.pass_mark_percent}% of the weighted maximum",
                st.body,
            ),
            Paragraph(f"Outcome: {symbol[outcome.result]}", st.outcome),
        ]
        flow += [Paragraph(f"• {text(reason)}", st.body) for reason in outcome.reasons]
        flow += [Spacer(1, 3 * mm), self.chart()]
        return flow

    def chart(self) -> Drawing:
        s = self.session
        scale = s.profile.scale
        planned = list(s.profile.plan)
        names = [s.profile.area(p.area).name for p in planned]
        agreed = [s.agreed_grade(p.area) or 0 for p in planned]
        minimum = [p.minimum for p in planned]
        # The key: every "number name" whole on one line, as many lines as it takes.
        key = _wrap([f"{i + 1} {name}" for i, name in enumerate(names)], CONTENT_WIDTH - 12)
        extra = 9 * max(0, len(key) - 2)
        width, height = CONTENT_WIDTH, 62 * mm + extra
        drawing = Drawing(width, height)
        chart = VerticalBarChart()
        chart.x, chart.y = 30, 40 + extra
        chart.width, chart.height = width - 150, height - 58 - extra
        chart.data = [agreed, minimum]
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax = scale.highest
        chart.valueAxis.valueStep = 1
        chart.valueAxis.labels.fontName = REGULAR
        chart.categoryAxis.categoryNames = [f"{i + 1}" for i in range(len(names))]
        chart.categoryAxis.labels.fontName = REGULAR
        chart.bars[0].fillColor = colors.HexColor("#3f51b5")
        chart.bars[1].fillColor = colors.HexColor("#c5cae9")
        chart.barSpacing = 1
        drawing.add(chart)
        legend = Legend()
        legend.x, legend.y = width - 110, height - 14
        legend.fontName = REGULAR
        legend.fontSize = 8
        legend.colorNamePairs = [
            (colors.HexColor("#3f51b5"), "Agreed grade"),
            (colors.HexColor("#c5cae9"), "Minimum"),
        ]
        drawing.add(legend)
        drawing.add(
            String(0, height - 8, "Agreed grades against the minimum", fontName=BOLD, fontSize=9)
        )
        for line_no, line in enumerate(key):
            drawing.add(String(0, 12 + extra - 9 * line_no, line, fontName=REGULAR, fontSize=7))

        return drawing

    def signoff_flow(self) -> list[Any]:
        st = self.styles
        s = self.session
        flow: list[Any] = [CondPageBreak(60 * mm), Paragraph("Sign-off", st.heading)]
        if not s.signoffs:
            flow.append(Paragraph(f"<b>{self.mark}.</b> No member has signed.", st.body))
        for member in s.panel:
            signoff = s.signoff(member.id)
            if signoff is None:
                body = [Paragraph("Not signed.", st.italic)]
            else:
                when = signoff.signed_at.replace("T", " ").replace("Z", " UTC")
                body = [Paragraph(f"<i>{text(signoff.declaration)}</i>", st.small)]
                if signoff.method == "drawn" and signoff.signature_png_b64:
                    body.append(_signature_image(signoff.signature_png_b64))
                if signoff.typed_name:
                    body.append(Paragraph(f"Signed: <i>{text(signoff.typed_name)}</i>", st.body))
                body.append(Paragraph(f"Date and time: {when}", st.body))
            table = Table(
                [
                    [
                        Paragraph(
                            f"<b>{text(member.name)}</b><br/>{member.role.capitalize()}"
                            f"<br/>{text(member.number)}",
                            st.body,
                        ),
                        body,
                    ]
                ],
                colWidths=[55 * mm, CONTENT_WIDTH - 55 * mm],
            )
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9e9e9e")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            flow += [KeepTogether(table), Spacer(1, 2 * mm)]
        if self.state == "failed":
            flow.append(
                Paragraph(
                    f"<b>{FAILED_MARK}.</b> The database record no longer matches what the panel"
                    f" signed: {text(s.record_problems[0])}. This sheet is not that record.",
                    st.body,
                )
            )
        if self.signed:
            flow.append(
                Paragraph(
                    f"Signed off and locked. {DIGEST_PREFIX} {self.digest}",
                    ParagraphStyle("digest", parent=st.small, alignment=TA_CENTER),
                )
            )
        return flow


def _printed_lines(note: str, per_line: int = 50) -> int:
    """About how many lines a note takes in its column (erring high)."""
    return sum(1 + len(line) // per_line for line in note.split("\n")) if note else 0


def _wrap(items: list[str], width: float, size: float = 7) -> list[str]:
    """Items joined into lines no wider than ``width`` points; an item is never split."""
    lines, line = [], ""
    for item in items:
        joined = f"{line}   {item}" if line else item
        if line and stringWidth(joined, REGULAR, size) > width:
            lines.append(line)
            line = item
        else:
            line = joined
    if line:
        lines.append(line)
    return lines


def _signature_image(png_b64: str) -> Image:
    data = base64.b64decode(png_b64)
    reader = ImageReader(io.BytesIO(data))
    width, height = reader.getSize()
    scale = min(70 * mm / max(width, 1), 22 * mm / max(height, 1), 1.0)
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
        title=f"Marking sheet {session.candidate_ref} {session.date}",
        author="pcso-interview",
        subject=subject_line(session, builder.digest),
        creator="pcso-interview",
        invariant=1 if invariant else 0,
        initialFontName=REGULAR,
    )
    frame = Frame(MARGIN, 19 * mm, CONTENT_WIDTH, PAGE_HEIGHT - 39 * mm, id="body")
    doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame])])
    doc.build(builder.story(), canvasmaker=_numbered_canvas(builder))
    return buffer.getvalue()


def sheet_file_name(session: Session) -> str:
    """Default file name: date and candidate reference, safe on every file system."""
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in session.candidate_ref)
    return f"{session.date}_{safe or 'candidate'}_v{session.version}.pdf"
