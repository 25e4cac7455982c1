"""Text in every script as typed: a font per character, right to left where the script runs
so, and shaped by HarfBuzz (joined Arabic, Devanagari conjuncts and vowel signs).

reportlab's Paragraph prints text that DejaVu Sans Condensed covers, left to right, a glyph per
character: that is most of the sheet, and it stays exactly as it was. A paragraph with any
other character is a ScriptParagraph (``paragraph()`` chooses):

1. each character gets a font: its script's fallback (Arabic, Hebrew, Devanagari, CJK, emoji),
   else the style's DejaVu face if it has the glyph, else any bundled font that has it. Spaces,
   digits, punctuation and combining marks stay in the font before them when it has them, so a
   word is shaped as one piece;
2. python-bidi resolves each character's embedding level; the sheet is English, so every
   paragraph runs left to right (base level 0) and right-to-left words are runs inside it;
3. the text is cut into pieces of one style, font and level within a word (between CJK
   characters too, where a line may break); a piece in a fallback font, or running right to
   left, is shaped by HarfBuzz (uharfbuzz), the rest measured as reportlab would;
4. lines are broken in logical order, at spaces and between CJK characters;
5. each line's pieces are put in visual order (rule L2 of the bidi algorithm) and drawn.
   Shaped pieces are drawn glyph by glyph inside an /ActualText span that gives their
   characters in the order they appear on the line, as a glyph's own code is a joining form or
   a private code. Text extractors (pdftotext) put right-to-left runs back in logical order.

Everything here is a pure function of the text and style, so a sheet's bytes stay the same.

Why not reportlab's own shaping (4.1 and later shape a paragraph's words with uharfbuzz when
its style font is shapable): it shapes a whole word with the HarfBuzz font of the word's first
fragment (a word in two fonts gets the wrong glyphs), it would shape the DejaVu text too
(kerning: Latin metrics change), its right-to-left layout needs rlbidi, which the package
registries here do not have, and it gives glyphs without a code private codes in the order a
process first meets them, so the same record could print different bytes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import uharfbuzz
from bidi.algorithm import (
    explicit_embed_and_overrides,
    get_embedding_levels,
    get_empty_storage,
    resolve_implicit_levels,
    resolve_neutral_types,
    resolve_weak_types,
)
from bidi.mirror import MIRRORED
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.rl_accel import escapePDF
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from reports.fonts import (
    ARABIC,
    BOLD,
    CJK,
    DEVANAGARI,
    EMOJI,
    HEBREW,
    ITALIC,
    REGULAR,
    fallback_font,
    fallback_name,
    font_file,
    register_fonts,
)

ZWJ, VS16, KEYCAP = "\u200d", "\ufe0f", "\u20e3"

# Strong characters of a script go to its font even where DejaVu has a glyph.
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0590, 0x05FF, HEBREW),
    (0x0600, 0x06FF, ARABIC),
    (0x0750, 0x077F, ARABIC),
    (0x0870, 0x08FF, ARABIC),
    (0x0900, 0x097F, DEVANAGARI),
    (0x1100, 0x11FF, CJK),
    (0x1CD0, 0x1CFF, DEVANAGARI),
    (0x2E80, 0x2FDF, CJK),
    (0x3000, 0x33FF, CJK),
    (0x3400, 0x4DBF, CJK),
    (0x4E00, 0x9FFF, CJK),
    (0xA8E0, 0xA8FF, DEVANAGARI),
    (0xAC00, 0xD7AF, CJK),
    (0xF900, 0xFAFF, CJK),
    (0xFB1D, 0xFB4F, HEBREW),
    (0xFB50, 0xFDFF, ARABIC),
    (0xFE30, 0xFE4F, CJK),
    (0xFE70, 0xFEFF, ARABIC),
    (0xFF00, 0xFFEF, CJK),
    (0x1F000, 0x1FAFF, EMOJI),
    (0xE0020, 0xE007F, EMOJI),  # tag sequences (flags of England, Scotland, Wales)
)
# Where a line may break between two characters with no space (CJK, emoji), it may not break
# before closing punctuation or after opening punctuation.
_NO_BREAK_BEFORE = set(
    "、。，．：；？！）」』】〕〉》〗〙〛ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.;:!?)]}%"
)
_NO_BREAK_AFTER = set("（「『【〔〈《〖〘〚([{")
# Characters whose level python-bidi's algorithm would drop (rule X9) or does not know
# (isolates): a neutral stands in for them, so levels stay one per character.
_UNLEVELLED = {"RLE", "LRE", "RLO", "LRO", "PDF", "BN", "LRI", "RLI", "FSI", "PDI"}
_DIRECTIONAL = {"R", "AL", "AN"} | (_UNLEVELLED - {"BN"})  # not for reportlab's Paragraph
_RTL = re.compile("[\u0590-\u08ff\u200f\u202b\u202e\u2067\ufb1d-\ufdff\ufe70-\ufefc]")
# Invisible format characters: bidi marks (kept out of extracted text too) and the rest of
# the default ignorables (HarfBuzz hides them; in DejaVu they are simply not drawn).
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_IGNORABLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
LRM = "\u200e"
_GLUE = re.compile(r"[^\S\u00a0\u2007\u202f\u3000]+")  # breakable white space


@cache
def _script(code: int) -> str | None:
    for first, last, family in _SCRIPT_RANGES:
        if first <= code <= last:
            return family
    return None


def _wide(char: str) -> bool:
    """A character between which and its neighbours a line may break (CJK, emoji)."""
    return _script(ord(char)) in (CJK, EMOJI) and char not in "\u3000"


@cache
def _attached(char: str) -> bool:
    """Combining marks, joiners and selectors: they belong to the character before them."""
    return unicodedata.category(char) in ("Mn", "Mc", "Me", "Cf", "Sk") or (
        0x1F3FB <= ord(char) <= 0x1F3FF  # skin tones
    )


# --- fonts --------------------------------------------------------------------------------


@cache
def _glyphs_of(name: str) -> dict[int, int]:
    """The font's character to glyph map (registering a fallback on first use)."""
    if name in (REGULAR, BOLD, ITALIC):
        register_fonts()
        font = pdfmetrics.getFont(name)
    else:
        font = fallback_font(name)
    return dict(font.face.charToGlyph)


@cache
def _codes_of(name: str) -> dict[int, int]:
    """Glyph to character: the lowest BMP code point drawing each glyph. The bundled fallback
    fonts give every glyph shaping can produce one (scripts/build_fonts.py), so the same glyph
    always prints through the same code."""
    codes: dict[int, int] = {}
    for code, glyph in sorted(_glyphs_of(name).items()):
        if code <= 0xFFFF and glyph not in codes:
            codes[glyph] = code
    return codes


@cache
def _harfbuzz(name: str) -> tuple[Any, int]:
    face = uharfbuzz.Face(uharfbuzz.Blob(font_file(name).read_bytes()))
    return uharfbuzz.Font(face), int(face.upem)


def _has(name: str, char: str) -> bool:
    return ord(char) in _glyphs_of(name)


@cache
def _fallback(style_font: str, family: str) -> str:
    return fallback_name(family, bold=style_font == BOLD)


def choose_fonts(chars: Sequence[str], style_fonts: Sequence[str]) -> list[str]:
    """The font for each character (see the module's note); ``style_fonts`` are the DejaVu
    faces the markup asked for, one per character."""
    chosen: list[str] = []
    for index, char in enumerate(chars):
        style_font = style_fonts[index]
        previous = chosen[-1] if chosen else ""
        after = chars[index + 1] if index + 1 < len(chars) else ""
        family = _script(ord(char))
        if _attached(char) and previous:
            chosen.append(previous)  # a mark, joiner or selector: with its base
            continue
        if family is not None and family != EMOJI and _has(_fallback(style_font, family), char):
            chosen.append(_fallback(style_font, family))
            continue
        emoji = _fallback(style_font, EMOJI)
        if (family == EMOJI or after in (VS16, KEYCAP)) and _has(emoji, char):
            chosen.append(emoji)
            continue
        common = unicodedata.category(char)[0] in "ZPN" and family is None
        if common and previous and previous != emoji and _has(previous, char):
            chosen.append(previous)  # a space, digit or punctuation inside a run
            continue
        if _has(style_font, char):
            chosen.append(style_font)
            continue
        for other in (EMOJI, ARABIC, HEBREW, DEVANAGARI, CJK):
            candidate = _fallback(style_font, other)
            if _has(candidate, char):
                chosen.append(candidate)
                break
        else:
            chosen.append(style_font)  # nothing bundled has it
    return chosen


@cache
def _plain_pattern() -> re.Pattern[str]:
    """Any character reportlab's own Paragraph would not print as it should: not in all three
    DejaVu faces, routed to a script's font, or right to left."""
    covered = set(_glyphs_of(REGULAR)) & set(_glyphs_of(BOLD)) & set(_glyphs_of(ITALIC))
    allowed = sorted(
        code
        for code in covered | {9, 10, 13}
        if _script(code) is None and unicodedata.bidirectional(chr(code)) not in _DIRECTIONAL
    )
    ranges: list[str] = []
    start = previous = allowed[0]
    for code in [*allowed[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        ranges.append(_re_char(start) + ("" if previous == start else "-" + _re_char(previous)))
        start = previous = code
    return re.compile(f"[^{''.join(ranges)}]")


def _re_char(code: int) -> str:
    return f"\\U{code:08x}"


def needs_typesetting(value: str) -> bool:
    """Whether text needs this module rather than reportlab's Paragraph or drawString."""
    return _plain_pattern().search(value) is not None


# --- levels ---------------------------------------------------------------------------------


def bidi_levels(text: str) -> list[int]:
    """Each character's embedding level in a left-to-right paragraph (python-bidi)."""
    if not _RTL.search(text):
        return [0] * len(text)
    stand_in = "".join("\u00b7" if unicodedata.bidirectional(c) in _UNLEVELLED else c for c in text)
    storage = get_empty_storage()
    storage["base_level"], storage["base_dir"] = 0, "L"
    get_embedding_levels(stand_in, storage)
    explicit_embed_and_overrides(storage)
    resolve_weak_types(storage)
    _resolve_brackets(storage["chars"])
    resolve_neutral_types(storage, False)
    resolve_implicit_levels(storage, False)
    return [int(c["level"]) for c in storage["chars"]]


_BRACKETS = dict(
    zip(
        "([{⁅⁽₍⌈⌊〈❨❪❬❮❰❲❴⟅⟦⟨⟪⟬⟮⦃⦅〈《「『【〔〖〘〚（［｛｟｢",
        ")]}⁆⁾₎⌉⌋〉❩❫❭❯❱❳❵⟆⟧⟩⟫⟭⟯⦄⦆〉》」』】〕〗〙〛）］｝｠｣",
        strict=True,
    )
)
_CLOSING = {close: open_ for open_, close in _BRACKETS.items()}


def _resolve_brackets(chars: list[dict[str, Any]]) -> None:
    """Rule N0 of the bidi algorithm (paired brackets), which python-bidi's Python algorithm
    predates: a bracket pair takes the direction of the strong text inside it, so
    "(علي 123)" keeps its brackets around it in a left-to-right line, as browsers show it.
    Works on python-bidi's character records between its weak and neutral rules; the
    paragraph runs left to right (embedding direction L at level 0)."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for index, record in enumerate(chars):
        if record["type"] != "ON":
            continue
        char = record["ch"]
        if char in _BRACKETS:
            if len(stack) == 63:
                break
            stack.append(index)
        elif char in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if chars[stack[depth]]["ch"] == _CLOSING[char]:
                    pairs.append((stack[depth], index))
                    del stack[depth:]
                    break

    def strong(index: int) -> str | None:
        kind = chars[index]["type"]
        return "L" if kind == "L" else "R" if kind in ("R", "AL", "EN", "AN") else None

    for opening, closing in sorted(pairs):
        embedding = "L" if chars[opening]["level"] % 2 == 0 else "R"
        inside = {strong(i) for i in range(opening + 1, closing)} - {None}
        if not inside:
            continue
        if embedding in inside:
            direction = embedding
        else:
            before = next(
                (d for i in range(opening - 1, -1, -1) if (d := strong(i)) is not None),
                "L" if chars[0]["level"] % 2 == 0 else "R",
            )
            direction = before if before != embedding else embedding
        for index in (opening, closing):
            chars[index]["type"] = direction
            follow = index + 1
            while follow < len(chars) and chars[follow]["orig"] == "NSM":
                chars[follow]["type"] = direction
                follow += 1


# --- pieces -------------------------------------------------------------------------------

Glyph = tuple[int, float, float, float]  # code, advance, x offset, y offset (1/1000 em)


@dataclass(frozen=True)
class Piece:
    """Characters of one style, font and level within a word (or one stretch of glue)."""

    text: str  # as typed (logical order)
    font: str
    size: float
    color: Any
    level: int
    glue: bool
    glyphs: tuple[Glyph, ...] | None  # in visual order; None: drawn as text, left to right
    width: float
    shown: str  # what is drawn where glyphs is None: the text less invisible characters

    @property
    def seen(self) -> str:
        """The characters in the order their glyphs stand on the line (no bidi marks)."""
        text = _BIDI_MARKS.sub("", self.text)
        return text[::-1] if self.level % 2 else text


def shape(text: str, font: str, size: float, color: Any, level: int, glue: bool) -> Piece:
    """Measure (and shape where needed) one piece."""
    rtl = level % 2 == 1
    if font in (REGULAR, BOLD, ITALIC) and not rtl:
        shown = _IGNORABLE.sub("", text)
        width = pdfmetrics.stringWidth(shown, font, size)
        return Piece(text, font, size, color, level, glue, None, width, shown)
    if font in (REGULAR, BOLD, ITALIC):
        # Right to left in DejaVu (punctuation between right-to-left words): reversed and
        # mirrored; no joining to do.
        widths = pdfmetrics.getFont(font).face.charWidths
        glyphs = tuple(
            (code, float(widths.get(code, 0)), 0.0, 0.0)
            for code in (ord(MIRRORED.get(c, c)) for c in reversed(_IGNORABLE.sub("", text)))
        )
    else:
        hb_font, upem = _harfbuzz(font)
        buffer = uharfbuzz.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        buffer.direction = "rtl" if rtl else "ltr"
        uharfbuzz.shape(hb_font, buffer, {})
        scale = 1000 / upem
        codes = _codes_of(font)
        glyphs = tuple(
            (
                codes.get(info.codepoint, 0),
                position.x_advance * scale,
                position.x_offset * scale,
                position.y_offset * scale,
            )
            for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
        )
    width = sum(glyph[1] for glyph in glyphs) * size / 1000
    return Piece(text, font, size, color, level, glue, glyphs, width, "")


@dataclass(frozen=True)
class Box:
    """Pieces a line may not break between (a word)."""

    pieces: tuple[Piece, ...]

    @property
    def width(self) -> float:
        return sum(p.width for p in self.pieces)


Unit = Box | Piece  # a Piece here is glue: where a line may break


@dataclass(frozen=True)
class Style:
    font: str
    size: float
    color: Any


def units(chars: Sequence[str], styles: Sequence[Style]) -> list[Unit]:
    """One hard line of text (white space already collapsed) as boxes and glue."""
    if not chars:
        return []
    fonts = choose_fonts(chars, [s.font for s in styles])
    levels = bidi_levels("".join(chars))
    out: list[Unit] = []
    box: list[Piece] = []
    start = 0

    def cut(end: int) -> None:
        nonlocal start
        if end <= start:
            return
        glue = chars[start] == " "
        style = styles[start]
        piece = shape(
            "".join(chars[start:end]), fonts[start], style.size, style.color, levels[start], glue
        )
        if glue:
            if box:
                out.append(Box(tuple(box)))
                box.clear()
            out.append(piece)
        else:
            box.append(piece)
        start = end

    for i in range(1, len(chars)):
        before, char = chars[i - 1], chars[i]
        is_glue, was_glue = char == " ", before == " "
        opportunity = (
            not is_glue
            and not was_glue
            and (_wide(before) or _wide(char))
            and not _attached(char)
            and before != ZWJ
            and char not in _NO_BREAK_BEFORE
            and before not in _NO_BREAK_AFTER
        )
        changed = (
            is_glue != was_glue
            or styles[i] != styles[i - 1]
            or fonts[i] != fonts[i - 1]
            or levels[i] != levels[i - 1]
        )
        if opportunity:
            cut(i)
            if box:
                out.append(Box(tuple(box)))
                box.clear()
        elif changed:
            cut(i)
    cut(len(chars))
    if box:
        out.append(Box(tuple(box)))
    return out


def _clusters(text: str) -> list[str]:
    """Text cut where a line could be cut as a last resort: never before a mark or joiner."""
    out: list[str] = []
    for char in text:
        if out and (_attached(char) or out[-1].endswith(ZWJ)):
            out[-1] += char
        else:
            out.append(char)
    return out


def _split_box(box: Box, width: float) -> list[Box]:
    """A word wider than the line, cut into lines' worth (only where nothing else will do)."""
    parts: list[Box] = []
    line: list[Piece] = []
    used = 0.0
    for piece in box.pieces:
        rest = piece.text
        while rest:
            clusters = _clusters(rest)
            fits = 0
            for count in range(1, len(clusters) + 1):
                trial = shape(
                    "".join(clusters[:count]),
                    piece.font,
                    piece.size,
                    piece.color,
                    piece.level,
                    False,
                )
                if used + trial.width > width and (count > 1 or line):
                    break
                fits = count
            if fits == 0:  # nothing more fits on this line
                parts.append(Box(tuple(line)))
                line, used = [], 0.0
                continue
            head = shape(
                "".join(clusters[:fits]), piece.font, piece.size, piece.color, piece.level, False
            )
            line.append(head)
            used += head.width
            rest = "".join(clusters[fits:])
            if rest:
                parts.append(Box(tuple(line)))
                line, used = [], 0.0
    if line:
        parts.append(Box(tuple(line)))
    return parts


def break_lines(hard_lines: Iterable[list[Unit]], width: float) -> list[list[Piece]]:
    """Lines of pieces in logical order, filled greedily; glue at a line's end dropped."""
    lines: list[list[Piece]] = []
    for hard in hard_lines:
        line: list[Piece] = []
        used = 0.0
        glue: list[Piece] = []
        queue = list(hard)
        while queue:
            unit = queue.pop(0)
            if isinstance(unit, Piece):
                if line:
                    glue.append(unit)
                continue
            spacing = sum(g.width for g in glue)
            if line and used + spacing + unit.width > width:
                lines.append(line)
                line, used, glue = [], 0.0, []
                spacing = 0.0
            if not line and unit.width > width:
                parts = _split_box(unit, width)
                if len(parts) > 1:
                    queue[:0] = parts
                    continue
            line += [*glue, *unit.pieces]
            used += spacing + unit.width
            glue = []
        lines.append(line)
    return lines


def visual(line: Sequence[Piece]) -> list[Piece]:
    """A line's pieces left to right on the page: rule L2, reversing runs at each level."""
    pieces = list(line)
    if not pieces:
        return pieces
    highest = max(p.level for p in pieces)
    for level in range(highest, 0, -1):
        i = 0
        while i < len(pieces):
            if pieces[i].level >= level:
                j = i
                while j < len(pieces) and pieces[j].level >= level:
                    j += 1
                pieces[i:j] = pieces[i:j][::-1]
                i = j
            else:
                i += 1
    return pieces


# --- drawing --------------------------------------------------------------------------------


def _actual_text(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def draw_line(canvas: Canvas, pieces: Sequence[Piece], x: float, y: float) -> None:
    """Draw one line's pieces (visual order) with its left end of baseline at (x, y)."""
    doc = canvas._doc
    color: Any = None
    runs: list[list[Piece]] = []
    for piece in pieces:
        if runs and _same_run(runs[-1][-1], piece):
            runs[-1].append(piece)
        else:
            runs.append([piece])
    for run in runs:
        first = run[0]
        if first.color != color:
            canvas.setFillColor(first.color)
            color = first.color
        font = pdfmetrics.getFont(first.font)
        size = _num(first.size)
        ops: list[str] = []
        if first.glyphs is None:
            ops.append(f"BT 1 0 0 1 {_num(x)} {_num(y)} Tm")
            for subset, chunk in font.splitString("".join(p.shown for p in run), doc):
                ops.append(f"{font.getSubsetInternalName(subset, doc)} {size} Tf")
                ops.append(f"({escapePDF(chunk)}) Tj")
            ops.append("ET")
        else:
            at = x
            for piece in run:  # each word its own span: extractors place its letters better
                ops.append(f"/Span <</ActualText {_actual_text(piece.seen)}>> BDC")
                ops.append(f"BT 1 0 0 1 {_num(at)} {_num(y)} Tm")
                ops += _glyph_ops(font, doc, size, piece.glyphs or ())
                ops.append("ET EMC")
                at += piece.width
        canvas.addLiteral(" ".join(ops))
        x += sum(p.width for p in run)


def _same_run(a: Piece, b: Piece) -> bool:
    return (a.font, a.size, a.color, a.glyphs is None, a.level) == (
        b.font,
        b.size,
        b.color,
        b.glyphs is None,
        b.level,
    )


def _num(value: float) -> str:
    """A number for a content stream: three decimals at most, no trailing zeros."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _glyph_ops(font: Any, doc: Any, size: str, glyphs: Sequence[Glyph]) -> list[str]:
    """Show glyphs at HarfBuzz's positions: TJ adjustments for advances and x offsets, text
    rise for y offsets."""
    widths = font.face.charWidths
    default = font.face.defaultWidth
    ops: list[str] = []
    shown: list[str] = []
    subset_now: int | None = None
    rise = 0.0
    scale = float(size) / 1000

    def flush() -> None:
        if shown:
            ops.append(f"[{' '.join(shown)}] TJ")
            shown.clear()

    placed = [
        (subset, byte)
        for subset, chunk in font.splitString("".join(chr(g[0]) for g in glyphs), doc)
        for byte in chunk
    ]
    for (code, advance, x_offset, y_offset), (subset, byte) in zip(glyphs, placed, strict=True):
        if subset != subset_now:
            flush()
            ops.append(f"{font.getSubsetInternalName(subset, doc)} {size} Tf")
            subset_now = subset
        if y_offset != rise:
            flush()
            ops.append(f"{_num(y_offset * scale)} Ts")
            rise = y_offset
        if x_offset:
            shown.append(_num(-x_offset))
        shown.append(f"({escapePDF(bytes((byte,)))})")
        adjust = widths.get(code, default) - advance + x_offset
        if abs(adjust) > 1e-6:
            shown.append(_num(adjust))
    flush()
    if rise:
        ops.append("0 Ts")
    return ops


# --- flowables and one-line text ---------------------------------------------------------


def _styled_lines(markup: str, style: ParagraphStyle) -> list[list[Unit]]:
    """Markup (as for reportlab's Paragraph: <b>, <i>, <br/>, entities) as hard lines of
    units, white space collapsed as reportlab collapses it."""
    hard: list[list[Unit]] = []
    chars: list[str] = []
    styles: list[Style] = []
    for frag in Paragraph(markup, style).frags:
        if getattr(frag, "lineBreak", False):
            hard.append(units(chars, styles))
            chars, styles = [], []
            continue
        face = Style(frag.fontName, float(frag.fontSize), frag.textColor)
        for char in _GLUE.sub(" ", frag.text):
            if char == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(char)
            styles.append(face)
    while chars and chars[-1] == " ":
        chars.pop()
        styles.pop()
    hard.append(units(chars, styles))
    return hard


def text_units(value: str, font: str, size: float, color: Any) -> list[Unit]:
    """Plain text (no markup) in one font and size as one hard line of units."""
    chars = list(" ".join(_GLUE.sub(" ", value).split(" ")).strip(" "))
    return units(chars, [Style(font, size, color)] * len(chars))


class ScriptParagraph(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A paragraph with text in any script (see the module's note): wraps, splits across
    frames and tables like reportlab's Paragraph, in the same style."""

    def __init__(
        self, markup: str, style: ParagraphStyle, hard_lines: list[list[Unit]] | None = None
    ):
        super().__init__()
        self.style = style
        self.markup = markup
        self.hard_lines = hard_lines if hard_lines is not None else _styled_lines(markup, style)
        self.lines: list[list[Piece]] = []
        self._wrapped_at: float | None = None

    def _room(self, width: float) -> float:
        return float(width - self.style.leftIndent - self.style.rightIndent)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_at != availWidth:
            self.lines = break_lines(self.hard_lines, self._room(availWidth))
            self._wrapped_at = availWidth
        self.width = availWidth
        self.height = len(self.lines) * self.style.leading
        return availWidth, self.height

    def minWidth(self) -> float:
        widths = [u.width for line in self.hard_lines for u in line if isinstance(u, Box)]
        return float(max(widths, default=0.0) + self.style.leftIndent + self.style.rightIndent)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # The lines of the last wrap, as reportlab's Paragraph does: a table splitting a row
        # measures the cell at its inner width and then asks for the split at the whole
        # column's; wrapping again there would say it all fits, and the table wants two parts.
        if self._wrapped_at is None:
            self.wrap(availWidth, availHeight)
        fits = int((availHeight + 1e-6) // self.style.leading)
        if fits >= len(self.lines):
            return [self]
        if fits <= 0:
            return []
        head, tail = self.lines[:fits], self.lines[fits:]
        return [
            ScriptParagraph(self.markup, self.style, [_as_units(line) for line in head]),
            ScriptParagraph(
                self.markup,
                ParagraphStyle("continued", parent=self.style, spaceBefore=0),
                [_as_units(line) for line in tail],
            ),
        ]

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        style = self.style
        room = self._room(self.width)
        y = self.height - style.fontSize
        for line in self.lines:
            used = sum(p.width for p in line)
            x = style.leftIndent
            if style.alignment == TA_CENTER:
                x += (room - used) / 2
            elif style.alignment == TA_RIGHT:
                x += room - used
            draw_line(self.canv, visual(line), x, y)
            y -= style.leading


def _as_units(line: list[Piece]) -> list[Unit]:
    """A laid-out line back as units (so a split part can wrap again)."""
    out: list[Unit] = []
    for piece in line:
        if piece.glue:
            out.append(piece)
        elif out and isinstance(out[-1], Box):
            out[-1] = Box((*out[-1].pieces, piece))
        else:
            out.append(Box((piece,)))
    return out


def isolate(value: str) -> str:
    """Typed text that holds right-to-left characters, between left-to-right marks, so it
    stays a run of its own and does not take in the label or the next value beside it
    ("name: note" keeps its colon between the two)."""
    return f"{LRM}{value}{LRM}" if _RTL.search(value) else value


def paragraph(markup: str, style: ParagraphStyle) -> Flowable:
    """reportlab's Paragraph for text DejaVu prints as it is; a ScriptParagraph otherwise."""
    if needs_typesetting(markup):
        return ScriptParagraph(markup, style)
    return Paragraph(markup, style)


def draw_string(
    canvas: Canvas, x: float, y: float, value: str, font: str, size: float, anchor: str = "left"
) -> None:
    """canvas.drawString (or drawRightString, drawCentredString by ``anchor``) for text in
    any script: the font and size the canvas has, fallbacks where needed."""
    if not needs_typesetting(value):
        draw = {
            "left": canvas.drawString,
            "right": canvas.drawRightString,
            "centre": canvas.drawCentredString,
        }[anchor]
        draw(x, y, value)
        return
    color = canvas._fillColorObj
    (line,) = break_lines([text_units(value, font, size, color)], float("inf"))
    width = sum(p.width for p in line)
    x -= {"left": 0.0, "right": width, "centre": width / 2}[anchor]
    canvas.saveState()
    draw_line(canvas, visual(line), x, y)
    canvas.restoreState()
