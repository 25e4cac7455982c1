"""The bundled fonts (sources and licences in fonts/README.md, each licence beside its font).

DejaVu Sans Condensed prints every style of the sheet: reportlab's own fonts lack ŵ and ŷ.
Text in other scripts falls back, character by character (reports.typeset), to Noto Sans
Arabic, Hebrew and Devanagari (regular and bold), WenQuanYi Micro Hei (Chinese, Japanese,
Korean) and Noto Emoji (monochrome). The fallbacks are registered with reportlab the first time
a sheet needs them, so a sheet in Latin script never loads them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR = "DejaVuSansCondensed"
BOLD = "DejaVuSansCondensed-Bold"
ITALIC = "DejaVuSansCondensed-Oblique"

ARABIC = "NotoSansArabic"
HEBREW = "NotoSansHebrew"
DEVANAGARI = "NotoSansDevanagari"
CJK = "WenQuanYiMicroHei"
EMOJI = "NotoEmoji"
FALLBACKS = (ARABIC, HEBREW, DEVANAGARI, CJK, EMOJI)
_WITH_BOLD = {ARABIC, HEBREW, DEVANAGARI}  # the others have one weight here


@cache
def register_fonts() -> None:
    for name in (REGULAR, BOLD, ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD
    )


def fallback_name(family: str, bold: bool) -> str:
    """The file (and reportlab) name of a fallback family's face: bold where it has one."""
    if family in _WITH_BOLD:
        return f"{family}-{'Bold' if bold else 'Regular'}"
    return family if family == CJK else f"{family}-Regular"


@cache
def fallback_font(name: str) -> TTFont:
    """A fallback face by name, registered with reportlab on first use."""
    font = TTFont(name, str(FONT_DIR / f"{name}.ttf"))
    pdfmetrics.registerFont(font)
    return font


def font_file(name: str) -> Path:
    return FONT_DIR / f"{name}.ttf"
