"""Every script prints as typed (issue 14, item 4): Welsh, Arabic and Hebrew (joined, right to
left), Chinese, Japanese, Korean, Devanagari and emoji, in names, typed signatures, notes,
questions, rationale and venue; read back with pdftotext (logical order), and every glyph
drawn checked against the embedded font subsets (none is .notdef). Invented people only.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from bidi import get_display
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from pcso_interview.session import Member
from reports.fonts import BOLD, ITALIC, REGULAR, register_fonts
from reports.marking_sheet import build_sheet
from reports.typeset import (
    ScriptParagraph,
    break_lines,
    choose_fonts,
    paragraph,
    text_units,
    visual,
)
from reports.verify import MATCH, MISMATCH, verify_pdf
from tests.reports.sheet_support import Sheet, found_in, open_store, sign, text_fonts
from tests.store_support import profile as load_profile

pytestmark = pytest.mark.usefixtures("empty_user_profiles")

PANEL = (
    Member("m1", "ليلى حداد", "chair", "PS 2201"),  # Arabic
    Member("m2", "נועה לוי", "member", "C-3302"),  # Hebrew
    Member("m3", "王小明", "member", "45121"),  # Chinese
    Member("m4", "山田さくら", "member", "DC 7782"),  # Japanese
    Member("m5", "김민준", "member", "PC 9914"),  # Korean
)
CANDIDATE = "Siôn محمد ap Dafydd Ŵyn"  # Welsh with an Arabic word: a mixed run
VENUE = "किशोर सभागार, कक्ष 2"  # Devanagari: conjuncts (क्ष) and vowel signs (ि before its consonant)
NOTES = {
    "arabic": "قال المرشح إنه استمع إلى الطرفين قبل أن يقرر",
    "hebrew": "המועמד נשאר רגוע והסביר את ההחלטה",
    "chinese": "候选人冷静地处理了邻里纠纷",
    "japanese": "候補者は落ち着いて両方の話を聞きました",
    "korean": "지원자는 침착하게 양측의 이야기를 들었습니다",
    "devanagari": "उम्मीदवार ने शांति से विवाद सुलझाया",
    "emoji": "Stayed calm 👍🏽 😀 📞",
    "welsh": "Siaradodd â'r cymydog; ŵyr Llŷr",
}
QUESTION = "상황을 어떻게 해결했습니까?"  # Korean
RATIONALE = "经过讨论后达成一致"  # Chinese
AREA_NOTE = "تم الاتفاق بعد النقاش"  # Arabic
SAMPLES = {
    **NOTES,
    "candidate": CANDIDATE,
    "venue": VENUE,
    "question": QUESTION,
    "rationale": RATIONALE,
    "area note": AREA_NOTE,
    **{f"member {m.id}": m.name for m in PANEL},
}
FALLBACK_FONTS = {
    "NotoSansArabic-Regular",
    "NotoSansArabic-Bold",
    "NotoSansHebrew-Regular",
    "NotoSansHebrew-Bold",
    "NotoSansDevanagari-Regular",
    "WenQuanYiMicroHei",
    "NotoEmoji-Regular",
}
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
needs_poppler = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is not installed"
)


@pytest.fixture(scope="module")
def every_script(tmp_path_factory):
    """Gwent, five members named in five scripts who sign with their typed names; notes in
    every script on the first area, the rest of the record in the others."""
    db = tmp_path_factory.mktemp("scripts") / "sessions.db"
    store = open_store(db)
    profile = load_profile("gwent-cso")
    first = profile.planned_areas[0]
    sid = store.create_session(
        profile,
        candidate_name=CANDIDATE,
        candidate_ref="C-0501",
        date="2025-11-23",
        venue=VENUE,
        panel=PANEL,
        questions={a.id: QUESTION for a in profile.planned_areas},
    )
    notes = list(NOTES.values())
    for n, member in enumerate(PANEL):
        for i_no, indicator in enumerate(first.indicators):
            store.classify(sid, member.id, indicator.id, "demonstrated")
            if (i_no + n * len(first.indicators)) < len(notes):
                store.note(sid, member.id, indicator.id, notes[i_no + n * len(first.indicators)])
        for area in profile.planned_areas:
            store.area_note(sid, member.id, area.id, AREA_NOTE)
            store.grade(sid, member.id, area.id, 3)
    for area in profile.planned_areas:
        store.agree(sid, area.id, 3, RATIONALE)
    sign(store, sid)  # typed signatures: each member's own name
    session = store.load(sid)
    store.close()
    assert {m.note for m in session.marks.values() if m.note} == set(notes)
    data = build_sheet(session)
    path = tmp_path_factory.mktemp("scripts-pdf") / "every-script.pdf"
    path.write_bytes(data)
    return session, data, path, db


def pdftotext(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return " ".join(BIDI_MARKS.sub("", done.stdout).split())


@needs_poppler
def test_every_script_round_trips_through_pdftotext_in_logical_order(every_script):
    _, _, path, _ = every_script
    extracted = pdftotext(path)
    # pdftotext may move a space across the edge of a right-to-left run: compare with white
    # space undone where it must (found_in), the characters' order still checked.
    missing = {k: v for k, v in SAMPLES.items() if not found_in(v, extracted)}
    assert missing == {}
    for member in PANEL:  # the typed signature, in italic beside "Signed:"
        signed = f"Signed: {member.name}"
        assert found_in(signed, extracted) or found_in(f"{member.name} Signed:", extracted)


def _drawn_codes(reader: PdfReader) -> dict[str, tuple[object, set[int]]]:
    """Each font subset drawn with (by base font name): its PDF font object and the codes
    its strings show."""
    used: dict[str, tuple[object, set[int]]] = {}
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        current = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = fonts[operands[0]].get_object()
            elif operator in (b"Tj", b"TJ", b"'", b'"') and current is not None:
                shown = operands[-1]
                pieces = shown if isinstance(shown, list) else [shown]
                name = str(current["/BaseFont"])
                codes = used.setdefault(name, (current, set()))[1]
                for piece in pieces:
                    if not isinstance(piece, int | float):
                        raw = getattr(piece, "original_bytes", None)
                        codes.update(raw if raw is not None else bytes(piece))
    return used


def test_no_glyph_drawn_is_notdef_and_every_font_is_embedded(every_script):
    """Every code shown maps, in the embedded subset, to a real glyph: not .notdef, and with
    an outline unless it is a space."""
    _, data, _, _ = every_script
    reader = PdfReader(io.BytesIO(data))
    used = _drawn_codes(reader)
    families = {name.split("+")[-1].lstrip("/") for name in used}
    assert families >= FALLBACK_FONTS, families
    empty_allowed = {0x20}
    for name, (font, codes) in used.items():
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, name  # embedded TrueType
        subset = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
        cmap = subset["cmap"].getBestCmap() or subset["cmap"].tables[0].cmap
        glyf = subset["glyf"]
        for code in codes:
            glyph = cmap.get(code) or cmap.get(0xF000 + code)
            assert glyph not in (None, ".notdef"), (name, code)
            if code not in empty_allowed and glyf[glyph].numberOfContours == 0:
                unicode_of = _to_unicode(font).get(code, "")
                assert unicode_of.isspace() or not unicode_of, (name, code, unicode_of)


def _to_unicode(font) -> dict[int, str]:
    stream = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    out = {}
    for code, value in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]+)>", stream):
        try:
            out[int(code, 16)] = bytes.fromhex(value).decode("utf-16-be")
        except (ValueError, UnicodeDecodeError):
            out[int(code, 16)] = "?"
    return out


@needs_poppler
def test_pdffonts_lists_no_unembedded_font(every_script):
    _, _, path, _ = every_script
    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts is not installed")
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    rows = listing.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), listing
    assert {row.split()[0].split("+")[-1] for row in rows} >= FALLBACK_FONTS


def test_latin_text_keeps_reportlabs_paragraph_and_font(every_script):
    """Welsh (and all the sheet's own words) stay in DejaVu through reportlab's Paragraph:
    the same font and metrics as before; the fallbacks only draw other scripts."""
    register_fonts()
    style = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=11.5)
    assert type(paragraph("Llŷr Ŵyn ap Gwenllïan · ✓ ~ ✗ ⚑", style)) is Paragraph
    assert isinstance(paragraph("Llŷr ap محمد", style), ScriptParagraph)
    chars = list("Llŷr ap محمد 王 😀")
    fonts = choose_fonts(chars, [REGULAR] * len(chars))
    assert fonts[: len("Llŷr ap ")] == [REGULAR] * len("Llŷr ap ")
    assert set(fonts[8:12]) == {"NotoSansArabic-Regular"}
    assert fonts[13] == "WenQuanYiMicroHei" and fonts[15] == "NotoEmoji-Regular"
    bold = choose_fonts(["م"], [BOLD])
    assert bold == ["NotoSansArabic-Bold"]
    assert choose_fonts(["م"], [ITALIC]) == ["NotoSansArabic-Regular"]
    _, data, _, _ = every_script
    used = text_fonts(Sheet.read(data))
    assert {"DejaVuSansCondensed", "DejaVuSansCondensed-Bold"} <= used


@pytest.mark.parametrize(
    "value",
    [
        "Llŷr ap محمد",
        "محمد عبد الله الأحمد",
        "שלום, דוד! 12.5% end",
        "ab ١٢ ٣٤ cd",
        "x محمد (علي 123) y",
        "a (b [שלום] c) d",
        "Gwenllïan שלום and Siôn محمد",
    ],
)
def test_lines_run_in_the_order_python_bidi_gives(value):
    """Words and runs stand where python-bidi's reference (Rust) algorithm puts them."""
    register_fonts()
    (line,) = break_lines([text_units(value, REGULAR, 9, None)], float("inf"))
    assert "".join(piece.seen for piece in visual(line)) == get_display(value, base_dir="L")


def test_right_to_left_notes_wrap_in_logical_order():
    """A long Arabic note breaks into lines in the order it was typed: the first line holds
    the first words."""
    register_fonts()
    words = [f"كلمة{n}" for n in range(1, 41)]
    style = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=11.5)
    para = ScriptParagraph(" ".join(words), style)
    para.wrap(200, 1000)
    assert len(para.lines) > 3
    typed = [w for line in para.lines for w in "".join(p.text for p in line).split()]
    assert typed == words
    head, tail = para.split(200, 3 * style.leading)
    assert head.wrap(200, 1000)[1] == 3 * style.leading
    tail.wrap(200, 1000)
    assert [p.text for line in head.lines + tail.lines for p in line] == [
        p.text for line in para.lines for p in line
    ]


def test_a_sheet_in_every_script_is_the_same_bytes_whatever_was_built_before(
    every_script, tmp_path
):
    """Shaped glyphs print through codes the font fixes, not through what was printed first:
    the same record gives the same bytes after another sheet's glyphs."""
    session, data, _, _ = every_script
    store = open_store(tmp_path / "sessions.db")
    try:
        chair = Member("m1", "נועה 王小明 😀 क्षमा", "chair", "45121")
        sid = store.create_session(
            load_profile("gwent-cso"),
            candidate_name="山田さくら ليلى",
            candidate_ref="C-0502",
            date="2025-11-23",
            venue="東京",
            panel=(chair,),
        )
        build_sheet(store.load(sid))  # other glyphs, in another order, first
    finally:
        store.close()
    assert build_sheet(session) == data


def test_verify_matches_a_sheet_in_every_script_and_refuses_a_changed_name(every_script, tmp_path):
    """verify compares content: the sheet in every script matches a rebuild of its record,
    and the same sheet built from a record with one Arabic letter changed does not."""
    session, _, path, db = every_script
    store = open_store(db)
    try:
        assert verify_pdf(store, path).code == MATCH
        forged = tmp_path / "forged.pdf"
        forged.write_bytes(build_sheet(replace(session, candidate_name="Siôn محمود ap Dafydd Ŵyn")))
        assert verify_pdf(store, forged).code == MISMATCH
    finally:
        store.close()


@pytest.mark.parametrize(
    "word",
    [
        "مممممممممممممممممممممممممممممممممممممممممم",
        "王小明王小明王小明王小明王小明王小明",
        "किशोरकिशोरकिशोरकिशोरकिशोर",
    ],
)
def test_a_word_wider_than_its_column_breaks_and_loses_nothing(word):
    """A long word in a narrow cell (a member's column) is cut where it must be, never lost
    and never wider than the cell."""
    register_fonts()
    style = ParagraphStyle("tiny", fontName=BOLD, fontSize=7, leading=8.5)
    para = ScriptParagraph(word, style)
    _, height = para.wrap(40, 1000)
    assert height > style.leading
    assert all(sum(p.width for p in line) <= 40 + 0.01 for line in para.lines)
    assert "".join(p.text for line in para.lines for p in line) == word
