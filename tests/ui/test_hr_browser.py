"""HR's sessions browser on a demo database: what it lists is what an independent query finds.

The demo database (300 seeded sessions, a fixed ``today``) is built once for the module and
only read here; every expected list comes from a fresh sqlite3 connection, not the store.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from pcso_interview.demo import demo_sessions
from pcso_interview.lifecycle import Status
from pcso_interview.profiles import load_profiles
from pcso_interview.store import Store
from pcso_interview.store.identity import User
from tests.ui.keys import press, type_text
from ui.hr import sessions_model
from ui.hr.browser import HrBrowser
from ui.hr.review_dialog import SessionReviewDialog, action_words
from ui.hr.sessions_model import COLUMNS

HR_USER = User("Rhian Evans-HR", "admin")  # the signed-in HR account

TODAY = date(2026, 6, 1)
SESSIONS = 300
NEWEST_FIRST = "date DESC, created_at DESC, id DESC"
# What a HR officer expects each column to sort by, written as plain SQL.
EXPECTED_ORDER = {
    "Date": "date",
    "Candidate": "candidate_name COLLATE NOCASE",
    "Reference": "candidate_ref COLLATE NOCASE",
    "Force and role": "(force || ' · ' || role_title) COLLATE NOCASE",
    "Chair": "chair_name COLLATE NOCASE",
    "Status": "status",
    "Outcome": "outcome",
    "Weighted total": "weighted_total",
    "Language": "interview_language",
    "Campaign": "(SELECT campaign FROM session_campaigns WHERE session_id = sessions.id)"
    " COLLATE NOCASE",
}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("hr-browser") / "sessions.db"
    store = Store.open(path)
    store.insert_many(demo_sessions(list(load_profiles([])), SESSIONS, seed=11, today=TODAY), "d")
    store.close()
    return path


@pytest.fixture(scope="module")
def hr_store(db_path):
    store = Store.open(db_path)
    yield store
    store.close()


def query(db_path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, tuple(params)).fetchall()
    finally:
        conn.close()


def records(db_path, sql: str) -> list[dict]:
    conn = sqlite3.connect(db_path)
    try:
        cursor = conn.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        conn.close()


def ids(db_path, where: str = "", params=(), order: str = NEWEST_FIRST) -> list[str]:
    sql = f"SELECT id FROM sessions {f'WHERE {where}' if where else ''} ORDER BY {order}"
    return [r[0] for r in query(db_path, sql, params)]


def text_matches(db_path, needle: str) -> set[str]:
    """Sessions whose candidate name, reference or a panel member's name holds the text."""
    wanted = needle.casefold()
    fields: dict[str, list[str]] = {}
    for session_id, name, ref in query(
        db_path, "SELECT id, candidate_name, candidate_ref FROM sessions"
    ):
        fields[session_id] = [name, ref]
    for session_id, name in query(db_path, "SELECT session_id, name FROM members"):
        fields[session_id].append(name)
    return {s for s, values in fields.items() if any(wanted in v.casefold() for v in values)}


def model_ids(browser: HrBrowser) -> list[str]:
    return [browser.model.row(r).id for r in range(browser.model.rowCount())]


@pytest.fixture
def make_browser(qtbot, hr_store, profiles):
    def make(width: int = 1600, height: int = 800) -> HrBrowser:
        browser = HrBrowser(hr_store, profiles, HR_USER)
        qtbot.addWidget(browser)
        browser.resize(width, height)
        browser.show()
        qtbot.waitExposed(browser)
        return browser

    return make


@pytest.fixture
def browser(make_browser):
    return make_browser()


def test_first_show_lists_every_session_newest_first_with_the_count(browser, db_path):
    """The count under the table is the database's count, shown from the start."""
    total = query(db_path, "SELECT count(*) FROM sessions")[0][0]
    assert total == SESSIONS
    assert browser.model.rowCount() == total
    assert browser.count.text() == f"{total:,} session(s)"
    assert model_ids(browser) == ids(db_path)


def mnemonics(widget) -> list[str]:
    """The Alt+letter of each labelled button and label in a widget, lower case."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    found = []
    for child in [*widget.findChildren(QAbstractButton), *widget.findChildren(QLabel)]:
        text = child.text().replace("&&", "")
        if "&" in text:
            found.append(text[text.index("&") + 1].casefold())
    return found


def test_no_two_buttons_of_the_hr_browser_share_an_alt_letter(browser):
    """An admin's laptop shows every button (Import, Send to force archive, the admin's own)."""
    assert all(not b.isHidden() for b in browser.actions.values())
    letters = mnemonics(browser)
    assert sorted(letters) == sorted(set(letters)), letters
    assert "v" in letters  # Send to force archi&ve…


def type_filter(qtbot, browser: HrBrowser, text: str) -> None:
    """Type as a person does, then wait for the debounce to apply it."""
    browser.text.setFocus()
    type_text(text, browser.text)
    assert browser.model.query.text == ""  # not yet: the filter waits for a pause in typing
    qtbot.waitUntil(lambda: browser.model.query.text == text.strip(), timeout=3000)


def member_only_name(db_path) -> str:
    """A panel member's name that no candidate name or reference contains."""
    candidates = [n.casefold() for (n,) in query(db_path, "SELECT candidate_name FROM sessions")]
    for (name,) in query(
        db_path, "SELECT DISTINCT name FROM members WHERE role = 'member' ORDER BY name"
    ):
        if not any(name.casefold() in c for c in candidates):
            return name
    raise AssertionError("every member's name is also a candidate's")


@pytest.mark.parametrize(
    "needle", ["northcott", "C-2500", "c-24001", "ŵYN", "GWENLLÏAN", "o'rourke", "member"]
)
def test_typed_text_finds_candidates_references_and_panel_members(qtbot, browser, db_path, needle):
    """Case-insensitive, Welsh letters included; applied once typing pauses."""
    if needle == "member":
        needle = member_only_name(db_path).upper()
    expected = text_matches(db_path, needle)
    assert 0 < len(expected) < SESSIONS
    type_filter(qtbot, browser, needle)
    assert set(model_ids(browser)) == expected
    assert model_ids(browser) == [i for i in ids(db_path) if i in expected]  # still newest first
    assert browser.count.text() == f"{len(expected):,} session(s)"


def test_enter_applies_the_text_at_once(browser, db_path):
    needle = "Kingsley"
    browser.text.setFocus()
    type_text(needle, browser.text)
    press("Return", browser.text)
    assert browser.model.query.text == needle
    assert set(model_ids(browser)) == text_matches(db_path, needle)


def test_text_that_matches_nothing_empties_the_table(qtbot, browser):
    type_filter(qtbot, browser, "zz%_no such person")
    assert browser.model.rowCount() == 0
    assert browser.count.text() == "0 session(s)"


def choose(combo, value: str) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


@pytest.mark.parametrize(
    ("widget", "value", "where"),
    [
        ("profile", "south-wales-pcso", "profile_id = 'south-wales-pcso'"),
        ("profile", "kent-crime-prevention-pcso", "profile_id = 'kent-crime-prevention-pcso'"),
        ("status", "signed", "status = 'signed'"),
        ("status", "scoring", "status = 'scoring'"),
        ("status", "withdrawn", "status = 'withdrawn'"),
        ("outcome", "fail", "outcome = 'fail'"),
        ("outcome", "pass", "outcome = 'pass'"),
        ("outcome", "incomplete", "outcome = 'incomplete'"),
    ],
)
def test_each_choice_filter_gives_the_sessions_sql_gives(browser, db_path, widget, value, where):
    expected = ids(db_path, where)
    assert 0 < len(expected) < SESSIONS
    choose(getattr(browser, widget), value)
    assert model_ids(browser) == expected
    assert browser.count.text() == f"{len(expected):,} session(s)"


def test_a_date_range_includes_both_ends(browser, db_path):
    days = [d for (d,) in query(db_path, "SELECT DISTINCT date FROM sessions ORDER BY date")]
    first, last = days[len(days) // 3], days[len(days) // 2]
    browser.date_from.set_value(date.fromisoformat(first))
    browser.date_to.set_value(date.fromisoformat(last))
    expected = ids(db_path, "date >= ? AND date <= ?", [first, last])
    assert model_ids(browser) == expected
    assert {first, last} <= {browser.model.row(r).date for r in range(browser.model.rowCount())}
    browser.date_to.enabled.setChecked(False)  # switched off: no upper bound
    assert model_ids(browser) == ids(db_path, "date >= ?", [first])


def test_filters_combine(qtbot, browser, db_path):
    choose(browser.profile, "gwent-cso")
    choose(browser.status, "signed")
    choose(browser.outcome, "fail")
    browser.date_from.set_value(date(2025, 1, 1))
    type_filter(qtbot, browser, "a")
    expected = set(
        ids(
            db_path,
            "profile_id = 'gwent-cso' AND status = 'signed' AND outcome = 'fail'"
            " AND date >= '2025-01-01'",
        )
    ) & text_matches(db_path, "a")
    assert expected
    assert set(model_ids(browser)) == expected


def click_header(browser: HrBrowser, column: int) -> None:
    header = browser.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    assert 0 < x < header.viewport().width()
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(x, header.height() // 2),
    )


@pytest.mark.parametrize("column", range(len(COLUMNS)))
def test_clicking_a_header_sorts_both_ways_like_sql(browser, db_path, column):
    """The first page after each click is the first page of the same ORDER BY in SQL."""
    title = COLUMNS[column][0]
    assert browser.model.headerData(column, Qt.Orientation.Horizontal) == title
    header = browser.table.horizontalHeader()
    seen = set()
    for _ in range(2):
        click_header(browser, column)
        order = header.sortIndicatorOrder()
        assert header.sortIndicatorSection() == column
        seen.add(order)
        way = " DESC" if order == Qt.SortOrder.DescendingOrder else ""
        expected = ids(
            db_path,
            order=f"{EXPECTED_ORDER[title]}{way}, created_at{way}, id{way}",
        )
        first_page = [browser.model.row(r).id for r in range(sessions_model.PAGE)]
        assert first_page == expected[: sessions_model.PAGE]
    assert seen == {Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder}


def test_sorting_keeps_the_filters(qtbot, browser, db_path):
    choose(browser.status, "signed")
    click_header(browser, 1)
    click_header(browser, 1)  # candidate, Z to A
    assert browser.model.query.status == ("signed",)
    expected = ids(
        db_path,
        "status = 'signed'",
        order="candidate_name COLLATE NOCASE DESC, created_at DESC, id DESC",
    )
    assert model_ids(browser) == expected
    type_filter(qtbot, browser, "morgan")
    assert model_ids(browser) == [i for i in expected if i in text_matches(db_path, "morgan")]


def test_scrolling_loads_page_by_page_and_keeps_few_pages(qtbot, make_browser, monkeypatch):
    """Small pages make the database 30 pages long; the cache never holds more than it may."""
    monkeypatch.setattr(sessions_model, "PAGE", 10)
    monkeypatch.setattr(sessions_model, "PAGES_KEPT", 4)
    limit = 10 * 4
    browser = make_browser(1600, 500)
    model, table = browser.model, browser.table
    expected = ids(browser.store.path)
    qtbot.waitUntil(lambda: model.cached_rows > 0)
    start = model.pages_loaded
    assert model.cached_rows <= 30  # the visible rows' pages only, not all 300 rows
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    scroll = table.verticalScrollBar()
    steps = 0
    while scroll.value() < scroll.maximum():
        before = model.pages_loaded
        press("PgDown", table)
        qtbot.waitUntil(lambda before=before: model.pages_loaded > before)
        assert model.cached_rows <= limit
        steps += 1
        assert steps < 100
    assert model.pages_loaded - start >= 30 - 3  # every page was fetched on the way down
    assert model.cached_rows <= limit
    for n in (0, 9, 10, 155, 287, 299):
        assert model.row(n).id == expected[n]
        row = query(
            browser.store.path,
            "SELECT candidate_name, candidate_ref FROM sessions WHERE id = ?",
            [expected[n]],
        )[0]
        assert model.data(model.index(n, 1)) == row[0]
        assert model.data(model.index(n, 2)) == row[1]
        assert model.cached_rows <= limit


def test_jumping_to_the_end_skips_the_pages_in_between(qtbot, browser, db_path):
    model, table = browser.model, browser.table
    qtbot.waitUntil(lambda: model.cached_rows > 0)
    before = model.pages_loaded
    assert model.cached_rows == sessions_model.PAGE
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    press("Ctrl+End", table)
    qtbot.waitUntil(lambda: model.pages_loaded > before)
    assert model.pages_loaded == before + 1  # only the last page
    assert model.cached_rows == 2 * sessions_model.PAGE  # the first and the last
    last = ids(db_path)[-1]
    assert table.currentIndex().row() == SESSIONS - 1
    assert model.row(SESSIONS - 1).id == last


@pytest.fixture
def model_check(qtmodeltester):
    """Qt's C++ tester reports by warnings: collect them; any qt.modeltest one fails."""
    reports: list[str] = []
    previous = qInstallMessageHandler(
        lambda _kind, context, message: reports.append(f"{context.category}: {message}")
    )
    try:
        yield qtmodeltester.check
    finally:
        qInstallMessageHandler(previous)
    assert [r for r in reports if r.startswith("qt.modeltest")] == []


def test_the_paged_model_passes_the_model_tester(qtbot, model_check, browser, db_path):
    """Also while it is filtered, sorted and scrolled under the tester's eyes."""
    model = browser.model
    model_check(model)
    choose(browser.profile, "gwent-cso")
    click_header(browser, 2)
    type_filter(qtbot, browser, "zz no match")
    assert model.rowCount() == 0
    browser.text.clear()
    press("Return", browser.text)
    assert model.rowCount() == len(ids(db_path, "profile_id = 'gwent-cso'"))
    assert model.index(0, len(COLUMNS)).isValid() is False
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole).startswith("Session ")


def test_a_failed_search_leaves_the_list_as_it_was(qtbot, browser, monkeypatch):
    """A busy database must not leave the model half reset; the count says what happened."""
    before = model_ids(browser)

    def busy(_query):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(browser.store, "query_sessions", busy)
    browser.text.setFocus()
    type_text("northcott", browser.text)
    press("Return", browser.text)
    assert browser.count.text() == "Could not search"
    monkeypatch.undo()
    assert model_ids(browser) == before
    press("Return", browser.text)
    assert browser.count.text().endswith("session(s)")
    assert 0 < browser.model.rowCount() < SESSIONS


def click_row(browser: HrBrowser, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    table = browser.table
    table.scrollTo(browser.model.index(row, 1))
    rect = table.visualRect(browser.model.index(row, 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """SessionReviewDialog.ask records the session id instead of opening a modal dialog."""
    seen: list[str] = []
    monkeypatch.setattr(
        SessionReviewDialog, "ask", classmethod(lambda _cls, _parent, _store, sid: seen.append(sid))
    )
    return seen


def test_enter_on_a_row_opens_that_session(browser, db_path, opened):
    click_row(browser, 4)
    press("Return", browser.table)
    assert opened == [ids(db_path)[4]]
    click_row(browser, 7)
    QTest.mouseClick(browser.actions["open"], Qt.MouseButton.LeftButton)
    assert opened == [ids(db_path)[4], ids(db_path)[7]]


def test_open_with_nothing_selected_says_so(browser, opened, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, title, text: told.append(title))
    )
    browser.table.clearSelection()
    browser.table.setCurrentIndex(browser.model.index(-1, -1))
    QTest.mouseClick(browser.actions["open"], Qt.MouseButton.LeftButton)
    assert told == ["Nothing selected"] and opened == []


def open_review(qtbot, store: Store, session_id: str) -> SessionReviewDialog:
    dialog = SessionReviewDialog(store, session_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def audit_cells(dialog: SessionReviewDialog, column: int) -> list[str]:
    model = dialog.audit
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_a_signed_session_opens_read_only_with_its_audit_trail_and_sheet(qtbot, hr_store, db_path):
    session_id = ids(db_path, "status = 'signed'")[0]
    dialog = open_review(qtbot, hr_store, session_id)
    session = hr_store.load(session_id)
    assert dialog.view.read_only and not dialog.view.editable
    assert session.candidate_ref in dialog.windowTitle() and "read-only" in dialog.windowTitle()
    assert "Signed" in dialog.view.banner.text() and dialog.view.banner.isVisibleTo(dialog)
    trail = list(reversed(hr_store.audit_trail(session_id)))  # newest first on screen
    assert [line.entry for line in dialog.audit.rows] == trail and trail
    assert audit_cells(dialog, 2) == [action_words(a.action) for a in trail]
    assert not set(audit_cells(dialog, 2)) & {"create", "classify", "grade", "sign", "lock"}

    assert dialog.tabs.tabText(1) == f"A&udit trail ({len(trail)})"
    digest = query(db_path, "SELECT digest FROM sessions WHERE id = ?", [session_id])[0][0]
    assert [s["digest"] for s in dialog.sheets.rows] == [digest]


def test_keys_in_a_read_only_session_change_nothing(qtbot, hr_store, db_path):
    """Even a session still being scored is only looked at from HR's review."""
    session_id = ids(db_path, "status = 'scoring'")[0]
    before = hr_store.load(session_id)
    trail = hr_store.audit_trail(session_id)
    dialog = open_review(qtbot, hr_store, session_id)
    view = dialog.view
    assert view.session.status is Status.SCORING
    assert not view.editable
    assert "Read-only" in view.banner.text()
    view.area_page.table.setFocus()
    for key in ("D", "P", "3", "Down", "C", "5", "Return"):
        press(key, view.area_page.table)
    type_text("typed by HR", view.area_page.note)
    type_text("an area note", view.area_page.area_note)
    view.area_page.table.setFocus()
    press("Down", view.area_page.table)
    dialog.close()
    assert hr_store.load(session_id) == before
    assert hr_store.audit_trail(session_id) == trail


def test_cells_show_what_the_database_holds(browser, db_path):
    """Every column of every row, and no total for unfinished or withdrawn sessions."""
    model = browser.model
    found = {
        r["id"]: r
        for r in records(
            db_path,
            "SELECT s.*, c.campaign FROM sessions s JOIN session_campaigns c"
            " ON c.session_id = s.id",
        )
    }
    outcomes = set()
    for n in range(model.rowCount()):
        stored = found[model.row(n).id]
        date_, name, ref, force_role, chair, status, outcome, total, language, campaign = (
            model.data(model.index(n, c)) for c in range(len(COLUMNS))
        )
        assert campaign == stored["campaign"]
        assert language == {"en": "English", "cy": "Welsh"}[stored["interview_language"]]
        assert (date_, name, ref, chair) == (
            stored["date"],
            stored["candidate_name"],
            stored["candidate_ref"],
            stored["chair_name"],
        )
        assert force_role == f"{stored['force']} · {stored['role_title']}"
        assert status == Status(stored["status"]).label
        assert outcome == stored["outcome"].capitalize()
        outcomes.add(stored["outcome"])
        if stored["outcome"] in ("incomplete", "withdrawn"):
            assert total == ""
        else:
            assert total == f"{stored['weighted_total']} ({stored['percentage']})"
    assert outcomes == {"incomplete", "withdrawn", "pass", "fail"}


def test_the_audit_trail_reads_in_words(qtbot, store, new_session):
    """Names and area words instead of internal ids; status labels; reasons labelled."""
    session_id = new_session(store)
    session = store.load(session_id)
    area = session.planned_areas[0]
    store.classify(session_id, "m1", area.indicators[1].id, "partly")
    store.withdraw(session_id, "Did not attend.", "HR Officer")
    dialog = SessionReviewDialog(store, session_id)
    qtbot.addWidget(dialog)
    subjects = audit_cells(dialog, 3)
    assert subjects[0] == "Reason: Did not attend."  # newest first
    assert f"{session.panel[0].name} · {area.name}, indicator 2" in subjects
    assert not any(s.startswith("m1/") for s in subjects)
    assert "Withdrawn" in audit_cells(dialog, 5)


def test_hr_filters_by_the_interviews_language_and_shows_it(qtbot, tmp_path, profiles):
    """A Welsh-medium interview is listed as Welsh and found by the language filter."""
    from tests.store_support import PANEL, new_session
    from tests.store_support import profile as load_profile

    store = Store.open(tmp_path / "sessions.db")
    try:
        english = new_session(store, ref="C-0001")
        welsh = store.create_session(
            load_profile(),
            candidate_name="Siôn ap Dafydd",
            candidate_ref="C-0002",
            date="2025-03-03",
            venue="Cwmbrân",
            panel=PANEL,
            interview_language="cy",
        )
        browser = HrBrowser(store, profiles, HR_USER)
        qtbot.addWidget(browser)
        column = [title for title, _key in COLUMNS].index("Language")
        shown = {
            browser.model.row(n).id: browser.model.data(browser.model.index(n, column))
            for n in range(browser.model.rowCount())
        }
        assert shown == {english: "English", welsh: "Welsh"}
        choose(browser.language, "cy")
        assert model_ids(browser) == [welsh]
        assert browser.count.text() == "1 session(s)"
        choose(browser.language, "en")
        assert model_ids(browser) == [english]
        choose(browser.language, "")
        assert set(model_ids(browser)) == {english, welsh}
    finally:
        store.close()


def test_hr_review_of_a_welsh_medium_interview_says_so(qtbot, tmp_path):
    from tests.store_support import PANEL, new_session
    from tests.store_support import profile as load_profile

    store = Store.open(tmp_path / "sessions.db")
    try:
        english = new_session(store, ref="C-0001")
        welsh = store.create_session(
            load_profile(),
            candidate_name="Siôn ap Dafydd",
            candidate_ref="C-0002",
            date="2025-03-03",
            venue="Cwmbrân",
            panel=PANEL,
            interview_language="cy",
        )
        for session_id, said in ((welsh, True), (english, False)):
            dialog = SessionReviewDialog(store, session_id)
            qtbot.addWidget(dialog)
            assert ("interview held in Welsh" in dialog.windowTitle()) is said
    finally:
        store.close()
