"""The interview, consensus and sign-off screens on a 1366x700 screen at scale 1, 1.25, 1.5
and 2 (issue 17), offscreen, for a person to look at:

    .venv/bin/python scripts/fit_screenshots.py [--lang cy|en] [OUT_DIR]

Each scale runs in a child process of its own, since Qt reads QT_SCALE_FACTOR once at start:
the child gets an offscreen screen of 1366x700 device pixels (a JSON screen description) and
writes OUT_DIR/scale-<s>-<screen>.png (default out/fit-screenshots): the interview, consensus
and sign-off screens, and the set-up dialog. The window is opened as the
app opens it (fitted to the screen), so a screen that does not fit shows cut off.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCALES = ("1", "1.25", "1.5", "2")
SCREEN = (1366, 700)


def run_all(out: Path, lang: str = "en") -> int:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "screen.json"
        width, height = SCREEN
        screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height}
        screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
        config.write_text(json.dumps({"synthesizedScreens": False, "screens": [screen]}))
        failed = 0
        for scale in SCALES:
            env = dict(os.environ)
            env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
            env["QT_SCALE_FACTOR"] = scale
            env["PCSO_SCREENSHOT_LANG"] = lang  # Welsh strings run longer: look at both
            child = [sys.executable, __file__, "--child", scale, str(out)]
            failed |= subprocess.run(child, env=env, check=False).returncode
    return failed


def child(scale: str, out: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from pcso_interview.profiles import load_profiles
    from pcso_interview.scoring import Classification
    from pcso_interview.session import Member
    from pcso_interview.store import Store
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    from ui import i18n

    i18n.install(os.environ.get("PCSO_SCREENSHOT_LANG", "en"))
    profiles = load_profiles()
    panel = (
        Member("m1", "Gwenllïan Ŵyn", "chair", "4471"),
        Member("m2", "Llŷr Pembury", "member", "PC 2210"),
        Member("m3", "Priya Castellanos-Whitfield", "member", "C-3031"),
    )
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "screens.db")
        kent = profiles.get("kent-crime-prevention-pcso")
        assert kent is not None
        session_id = store.create_session(
            kent,
            candidate_name="Alex Ashdown",
            candidate_ref="C-0412",
            date=date.today().isoformat(),
            venue="Headquarters, Interview Room 1",
            panel=panel,
            questions={"emotionally-aware": "Tell us about a time you stayed calm when provoked."},
        )
        session = store.load(session_id)
        cycle = [Classification.DEMONSTRATED, Classification.PARTLY, Classification.NONE]
        for m_index, member in enumerate(session.panel):
            for a_index, area in enumerate(session.planned_areas):
                for i_index, indicator in enumerate(area.indicators):
                    store.classify(session_id, member.id, indicator.id, cycle[i_index % 3])
                store.note(
                    session_id,
                    member.id,
                    area.indicators[0].id,
                    "Stayed calm with an angry shopkeeper; listened, then explained options.",
                )
                store.grade(session_id, member.id, area.id, 3 + (m_index + a_index) % 2)
        areas = session.planned_areas
        for area in areas[:-2]:
            store.agree(session_id, area.id, 3)
        window = MainWindow(store, profiles)
        for member in panel:
            window.interview.proven.add((session_id, member.id))
        window.show()
        shots = (("interview", areas[0].id), ("consensus", "consensus"), ("signoff", "signoff"))
        for name, page in shots:
            if name == "signoff":  # every grade agreed: the form the panel signs with
                for area in areas[-2:]:
                    store.agree(session_id, area.id, 3)
            window.open_session(session_id, page, "m1")
            for _ in range(5):
                app.processEvents()
            path = out / f"scale-{scale}-{name}.png"
            window.screen().grabWindow(0).save(str(path))
            hint = window.minimumSizeHint()
            print(
                f"{path}: window {window.width()}x{window.height()}, minimum {hint.width()}x"
                f"{hint.height()}, screen {window.screen().availableGeometry().size().toTuple()}"
            )
        from ui.new_session_dialog import NewSessionDialog  # and the set-up, as it opens

        dialog = NewSessionDialog(list(profiles), parent=window)
        dialog.show()
        for _ in range(5):
            app.processEvents()
        path = out / f"scale-{scale}-setup.png"
        window.screen().grabWindow(0).save(str(path))
        print(f"{path}: dialog {dialog.width()}x{dialog.height()}")
        dialog.reject()
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        sys.exit(child(sys.argv[2], Path(sys.argv[3])))
    words = sys.argv[1:]
    language = "en"
    if "--lang" in words:
        at = words.index("--lang")
        language = words[at + 1]
        del words[at : at + 2]
    default = "out/fit-screenshots" + ("" if language == "en" else f"-{language}")
    sys.exit(run_all(Path(words[0] if words else default), language))
