"""Renew the interface's translation catalogues: pyside6-lupdate over ui/, then pyside6-lrelease.

    .venv/bin/python scripts/update_translations.py

Adds the new source strings to ui/translations/pcso_interview_cy.ts (as unfinished, for a
translator to fill: tests/ui/test_translation.py fails until they are), drops strings no
longer in ui/, and builds the .qm the app loads (committed: the wheel needs no Qt build tools).
Qt's own words in Welsh (ui/translations/qtbase_cy.ts, kept by hand: PySide6 ships no Welsh
qtbase catalogue) are compiled too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "ui" / "translations"
LANGUAGES = ("cy",)


def tool(name: str) -> str:
    """The Qt tool beside this Python (the venv's bin), else on PATH."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-locations", "none", "-no-obsolete", "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def lrelease(ts: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def main() -> int:
    for language in LANGUAGES:
        ts = CATALOGUES / f"pcso_interview_{language}.ts"
        lupdate(ts)
        lrelease(ts)
        print(f"{ts.relative_to(ROOT)} and its .qm renewed")
        # Qt's own words (standard buttons, the file dialog), kept by hand: lupdate finds
        # none of them in ui/, so this catalogue is only compiled.
        qt_ts = CATALOGUES / f"qtbase_{language}.ts"
        if qt_ts.is_file():
            lrelease(qt_ts)
            print(f"{qt_ts.relative_to(ROOT)} compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
