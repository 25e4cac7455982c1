"""Make the bundled fallback fonts in reports/fonts/ from their published files (a maintainer's
tool: the app and its tests only read the results, and need neither this script nor fontTools).

    .venv/bin/pip install fonttools
    apt-get install fonts-noto-core fonts-wqy-microhei          (Debian 12)
    npm pack @expo-google-fonts/noto-emoji@0.4.7 && tar xzf expo-google-fonts-noto-emoji-0.4.7.tgz
    .venv/bin/python scripts/build_fonts.py --emoji package/400Regular/NotoEmoji_400Regular.ttf

What it does to each font (so the licences' "modified version" notes have something to point
at; reports/fonts/README.md lists sources, versions and licences):
- keeps only the characters the sheet falls back to it for (the whole font for Arabic, Hebrew,
  Devanagari and emoji; for CJK the ideographs of the BMP's main block, kana, Hangul, CJK
  punctuation and full-width forms) and drops TrueType hinting (a printed sheet needs none);
- gives every glyph that shaping can produce but that no BMP character maps to (Arabic joining
  forms, Devanagari conjuncts, emoji, which live above U+FFFF) a code point of its own in the
  Private Use Area, in glyph order. reportlab embeds TrueType fonts by character, and writes
  its text mapping for the BMP only; with these the sheet can place any shaped glyph, and the
  same glyph always gets the same code, whatever was printed before it.
The CJK font keeps no layout tables: its only feature was vertical forms, never used here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reports" / "fonts"
NOTO = Path("/usr/share/fonts/truetype/noto")
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
PUA_FIRST, PUA_LAST = 0xE000, 0xF8FF

CJK_RANGES = [
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi radicals
    (0x3000, 0x33FF),  # CJK punctuation, kana, Bopomofo, compatibility jamo, enclosed, units
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xAC00, 0xD7A3),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms
]


def _options(layout: bool) -> subset.Options:
    options = subset.Options()
    options.layout_features = ["*"] if layout else []
    options.hinting = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = False
    options.drop_tables += ["vhea", "vmtx", "DSIG", "FFTM"]
    if not layout:
        options.drop_tables += ["GSUB", "GPOS", "GDEF"]
    return options


def _private_codes(font: TTFont) -> int:
    """Map every glyph without a BMP code point to a free Private Use code point (glyph order),
    in every Unicode cmap subtable. Returns how many were added."""
    cmap = font.getBestCmap()
    bmp_glyphs = {name for code, name in cmap.items() if code <= 0xFFFF}
    taken = set(cmap)
    free = (c for c in range(PUA_FIRST, PUA_LAST + 1) if c not in taken)
    added: dict[int, str] = {}
    for name in font.getGlyphOrder()[1:]:  # not .notdef
        if name not in bmp_glyphs:
            try:
                added[next(free)] = name
            except StopIteration:
                sys.exit(f"{font['name'].getDebugName(4)}: more glyphs than Private Use codes")
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap.update(added)
    return len(added)


def build(source: Path, target: str, unicodes: list[int] | None, layout: bool) -> None:
    ttc = source.suffix == ".ttc"
    font = TTCollection(str(source)).fonts[0] if ttc else TTFont(str(source))
    wanted = unicodes if unicodes is not None else list(font.getBestCmap())
    subsetter = subset.Subsetter(_options(layout))
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    added = _private_codes(font) if layout else 0
    path = OUT / f"{target}.ttf"
    font.save(str(path))
    print(
        f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes,"
        f" {len(font.getGlyphOrder()):,} glyphs, {added:,} private codes"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emoji", type=Path, required=True, help="NotoEmoji_400Regular.ttf")
    parser.add_argument("--noto", type=Path, default=NOTO, help="folder of the Noto TTFs")
    parser.add_argument("--wqy", type=Path, default=WQY, help="wqy-microhei.ttc")
    args = parser.parse_args(argv)
    for family in ("Arabic", "Hebrew", "Devanagari"):
        for weight in ("Regular", "Bold"):
            name = f"NotoSans{family}-{weight}"
            build(args.noto / f"{name}.ttf", name, None, layout=True)
    build(args.emoji, "NotoEmoji-Regular", None, layout=True)
    cjk = [code for first, last in CJK_RANGES for code in range(first, last + 1)]
    build(args.wqy, "WenQuanYiMicroHei", cjk, layout=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
