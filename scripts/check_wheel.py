"""The wheel works on its own: built, installed into a fresh venv, and run from elsewhere.

Run by `make test`. The fresh venv gets the built wheel and nothing of the source tree; its
dependencies are the ones already installed from the lock file (a path to them, so nothing is
downloaded twice). It must list the five built-in profiles, make demo sessions and write a
marking sheet, and must not have QtWebEngine (the app depends on PySide6-Essentials, -Addons
and -Pdf, not on the meta-package). Exits 1 saying what failed.
"""

from __future__ import annotations

import json
import re
import site
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run inside the fresh venv: every bundled font and its licence are in the installed package,
# and a paragraph in every script builds from them.
FONTS_CHECK = """
import io
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate
from reports.fonts import FALLBACKS, FONT_DIR, REGULAR, fallback_name, register_fonts
from reports.typeset import ScriptParagraph, paragraph
assert "site-packages" in str(FONT_DIR), FONT_DIR
names = {fallback_name(f, bold) for f in FALLBACKS for bold in (False, True)}
for name in names:
    assert (FONT_DIR / f"{name}.ttf").is_file(), name
licences = sorted(p.name for p in FONT_DIR.glob("*.txt"))
for family in ("NotoSansArabic", "NotoSansHebrew", "NotoSansDevanagari", "NotoEmoji"):
    assert f"{family}-OFL.txt" in licences, family
assert "WenQuanYiMicroHei-Apache-2.0.txt" in licences and "LICENSE.txt" in licences
register_fonts()
style = ParagraphStyle("b", fontName=REGULAR, fontSize=9, leading=11)
text = "Llŷr محمد שלום 王小明 さくら 김민준 किशोर 😀"
assert isinstance(paragraph(text, style), ScriptParagraph)
out = io.BytesIO()
SimpleDocTemplate(out, initialFontName=REGULAR).build([paragraph(text, style)])
assert all(n.encode() in out.getvalue() for n in names if "Bold" not in n)
print(f"carries {len(names)} fallback fonts with {len(licences)} licence files")
"""
# The Welsh interface's catalogue travels in the wheel and loads (no Qt build tools needed).
CATALOGUE_CHECK = """
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from ui import i18n
assert "site-packages" in str(i18n.CATALOGUE_DIR), i18n.CATALOGUE_DIR
assert i18n.catalogue("cy").is_file(), i18n.catalogue("cy")
assert i18n.install("cy") == "cy"
welsh = i18n.translate("MainWindow", "&File")
assert welsh != "&File", welsh
print(f"the Welsh catalogue ({i18n.catalogue('cy').name}: &File is {welsh})")
"""


def run(args: list[str], cwd: Path, expect: int = 0, *, with_stderr: bool = False) -> str:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600)
    if done.returncode != expect:
        sys.exit(
            f"wheel check: {' '.join(map(str, args))} exited {done.returncode}, not {expect}:\n"
            f"{done.stdout}\n{done.stderr}"
        )
    return done.stdout + done.stderr if with_stderr else done.stdout


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="wheel-check-") as tmp:
        work = Path(tmp)
        built = run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(work), "."],
            ROOT,
            with_stderr=True,
        )
        # A newcomer's `make run` builds the same way: a warning from the build backend (a
        # folder it would leave out, say) is a wall of text at their first command.
        if re.search(r"\w+Warning\b", built):  # BuildBackendWarning and kin, not pip's WARNING
            sys.exit(f"wheel check: the build warned:\n{built[-3000:]}")
        (wheel,) = work.glob("pcso_interview-*.whl")
        target = work / "venv"
        venv.create(target, with_pip=True)
        python = target / "bin" / "python"
        inside = Path(
            run(
                [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], work
            ).strip()
        )
        # The dependencies already installed here, by a path (their .pth files are not run,
        # so this project's editable install stays out of the fresh venv).
        (inside / "dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
        run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)], work)
        app = target / "bin" / "pcso-interview"
        where = run(
            [str(python), "-c", "import pcso_interview; print(pcso_interview.__file__)"], work
        )
        if str(ROOT) in where:
            sys.exit(f"wheel check: the source tree was imported ({where.strip()})")
        listed = run([str(app), "profiles"], work)
        if len(listed.strip().splitlines()) != 6:  # a header and the five seed profiles
            sys.exit(f"wheel check: expected 5 profiles, got:\n{listed}")
        db = work / "data" / "sessions.db"
        run([str(app), "--db", str(db), "demo", "--sessions", "4"], work)
        rows = [
            json.loads(line)
            for line in run([str(app), "--db", str(db), "sessions", "--json"], work).splitlines()
        ]
        signed = next(r["id"] for r in rows if r["status"] == "signed")
        sheets = work / "sheets"
        run([str(app), "--db", str(db), "pdf", signed, "-o", str(sheets)], work)
        (sheet,) = sheets.glob("*.pdf")
        if not sheet.read_bytes().startswith(b"%PDF"):
            sys.exit("wheel check: the sheet written is not a PDF")
        run([str(python), "-c", "import PySide6.QtWebEngineCore"], work, expect=1)
        fonts = run([str(python), "-c", FONTS_CHECK], work).strip()
        catalogue = run([str(python), "-c", CATALOGUE_CHECK], work).strip()
        print(
            f"wheel check: {wheel.name} installed alone lists 5 profiles, makes demo sessions,"
            f" writes a signed sheet, has no QtWebEngine, {fonts}, and {catalogue}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
