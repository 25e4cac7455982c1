"""The panel's list stays true to the database without re-reading it on every key."""

from __future__ import annotations

from tests.ui.keys import press


def test_the_list_is_read_again_when_shown_not_on_every_edit(
    qtbot, store, new_session, open_window, monkeypatch
):
    first = new_session(store, ref="C-0001")
    second = new_session(store, ref="C-0002")
    window = open_window(store)
    listing = window.session_list
    listing.view.setFocus()
    press("Down")  # the second row, newest first: C-0001
    press("Return")
    assert window.interview.session.id == first
    reads: list[int] = []
    real = store.panel_sessions
    monkeypatch.setattr(store, "panel_sessions", lambda *a, **k: reads.append(1) or real(*a, **k))

    for key in ("D", "Down", "P", "Down", "C"):  # three classifications in the interview
        press(key)
    assert reads == []

    press("Ctrl+L")  # back to the list: read once, with the new status
    assert window.modes.currentWidget() is window.session_list
    assert len(reads) == 1
    statuses = {
        listing.model.row(r).id: listing.model.index(r, 5).data()
        for r in range(listing.model.rowCount())
    }
    assert statuses == {first: "Scoring", second: "Setting up"}
    current = listing.view.currentIndex()
    assert listing.model.row(current.row()).id == first  # still the one chosen, not row 0
