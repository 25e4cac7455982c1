"""Offscreen screenshots of the panel's screens at 1366x768, for review (not committed).

    .venv/bin/python scripts/screenshots.py [OUT_DIR]

Builds a throwaway database with invented candidates and writes PNGs of the set-up dialog,
scoring, consensus and sign-off screens (and a signed, locked session) into OUT_DIR
(default: out/screenshots).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from pcso_interview.demo import sign_for_demo
from pcso_interview.profiles import load_profiles
from pcso_interview.scoring import Classification
from pcso_interview.session import Member
from pcso_interview.store import Store
from ui.main_window import MainWindow
from ui.new_session_dialog import NewSessionDialog
from ui.pin_dialog import PinDialog

SIZE = (1366, 768)


def save(widget: QWidget, out: Path, name: str, *, as_shown: bool = False) -> None:
    """``as_shown``: a dialog at the size it opens at, not stretched to the screen."""
    app = QApplication.instance()
    widget.resize(widget.sizeHint() if as_shown else QSize(*SIZE))
    for _ in range(3):
        app.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def fill_session(store: Store, session_id: str, *, agree: bool) -> None:
    session = store.load(session_id)
    cycle = [Classification.DEMONSTRATED, Classification.PARTLY, Classification.DEMONSTRATED]
    for m_index, member in enumerate(session.panel):
        for a_index, area in enumerate(session.planned_areas):
            for i_index, indicator in enumerate(area.indicators):
                store.classify(session_id, member.id, indicator.id, cycle[i_index % 3])
                if i_index == 0:
                    store.note(
                        session_id,
                        member.id,
                        indicator.id,
                        "Stayed calm with an angry shopkeeper; listened, then explained options.",
                    )
            store.grade(session_id, member.id, area.id, 3 + (m_index + a_index) % 3 % 2)
    if agree:
        for a_index, area in enumerate(session.planned_areas):
            rationale = "Panel agreed after discussing the evidence." if a_index == 5 else ""
            store.agree(session_id, area.id, 3 + a_index % 2, rationale)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    _app = QApplication.instance() or QApplication([])  # keeps Qt alive
    profiles = load_profiles()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "screens.db")
        today = date.today()
        panel = (
            Member("m1", "Gwenllïan Ŵyn", "chair", "4471"),
            Member("m2", "Llŷr Pembury", "member", "PC 2210"),
        )
        kent = profiles.get("kent-crime-prevention-pcso")
        scoring_id = store.create_session(
            kent,
            candidate_name="Alex Ashdown",
            candidate_ref="C-0412",
            date=today.isoformat(),
            venue="Headquarters, Interview Room 1",
            panel=panel,
            questions={"emotionally-aware": "Tell us about a time you stayed calm when provoked."},
        )
        session = store.load(scoring_id)
        first = session.planned_areas[0]
        for n, indicator in enumerate(first.indicators[:5]):
            store.classify(scoring_id, "m1", indicator.id, list(Classification)[n % 3])
        store.note(scoring_id, "m1", first.indicators[0].id, "Calmed a neighbour dispute.")
        store.grade(scoring_id, "m1", first.id, 3)

        consensus_id = store.create_session(
            profiles.get("gwent-cso"),
            candidate_name="Sam Carraway",
            candidate_ref="C-0413",
            date=today.isoformat(),
            venue="Headquarters, Interview Room 1",
            panel=panel,
        )
        fill_session(store, consensus_id, agree=True)

        dialog = NewSessionDialog(
            list(profiles),
            recent_venues=store.recent_venues(),
            recent_panels=store.recent_panels(),
            today=today,
        )
        dialog.candidate_name.setText("Jordan Ellery")
        dialog.candidate_ref.setText("C-0414")
        dialog._use_recent_panel(1)
        save(dialog, out, "01-setup")

        window = MainWindow(store, profiles, today=today)
        window.show()
        save(window, out, "02-session-list")
        pin = PinDialog(
            store, store.load(scoring_id), store.load(scoring_id).chair, "to score", window
        )
        save(pin, out, "02b-pin", as_shown=True)
        # The chair has typed her PIN in this window (as the PIN dialog above asks).
        for session_id in (scoring_id, consensus_id):
            window.interview.proven.add((session_id, "m1"))
        window.open_session(scoring_id, first.id, "m1")
        save(window, out, "03-scoring")
        window.open_session(consensus_id, "consensus", "m1")
        save(window, out, "04-consensus")
        window.interview.go_to("signoff")
        save(window, out, "05-signoff")
        sign_for_demo(store, consensus_id, "m1", typed_name="Gwenllïan Ŵyn")
        sign_for_demo(store, consensus_id, "m2", typed_name="Llŷr Pembury")
        window.open_session(consensus_id, "signoff", "m1")
        save(window, out, "06-signed-locked")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
