"""Issue 19: every visible string in ui/ goes through Qt's translation, the Welsh catalogue is
complete, and switching language retranslates the main screens and back."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "ui" / "translations" / "pcso_interview_cy.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"

# Calls whose string arguments are shown to the user.
TEXT_CALLS = {
    "setText", "setWindowTitle", "QLabel", "QPushButton", "QCheckBox", "QRadioButton",
    "QGroupBox", "addTab", "insertTab", "setTabText", "addMenu", "addAction", "setToolTip",
    "setPlaceholderText", "setAccessibleName", "setAccessibleDescription", "setStatusTip",
    "setTitle", "showMessage", "addRow", "addItem", "Column", "inform", "warn", "error", "ask",
    "ElidedLabel", "setHorizontalHeaderLabels", "QProgressDialog", "getItem", "save_file",
    "open_files", "choose_folder", "show_status",
}  # fmt: skip
# Literal strings these calls may take untranslated, each with its reason.
ALLOWED = {
    "": "empty: clears the text",
    "…": "an ellipsis alone, no words",
    ".pdf": "a file suffix",
    ".csv": "a file suffix",
    ".png": "a file suffix",
    "Cymraeg": "a language named in its own words in the Language menu",
    "English": "a language named in its own words in the Language menu",
}


TAGS = re.compile(r"<[^>]*>")  # an f-string of markup alone ("<table>{rows}</table>") has no words


def ts_messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not installed")
def test_lupdate_finds_no_source_string_missing_from_the_committed_catalogue(tmp_path):
    fresh = tmp_path / "fresh_cy.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [str(LUPDATE), *sources, "-locations", "none", "-no-obsolete", "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    committed, found = set(ts_messages(TS)), set(ts_messages(fresh))
    assert found - committed == set(), "run scripts/update_translations.py and translate"
    assert committed - found == set(), "strings no longer in ui/: run update_translations.py"


def test_the_welsh_catalogue_has_no_unfinished_entry_and_every_plural_form_filled():
    messages = ts_messages(TS)
    assert len(messages) > 400
    unfinished = [
        source
        for (_, source), message in messages.items()
        if (translation := message.find("translation")) is None
        or translation.get("type") == "unfinished"
        or (message.get("numerus") != "yes" and not (translation.text or "").strip())
        or any(not (form.text or "").strip() for form in translation.iter("numerusform"))
    ]
    assert unfinished == []
    plurals = [m for m in messages.values() if m.get("numerus") == "yes"]
    assert plurals and all(len(list(m.iter("numerusform"))) >= 5 for m in plurals)


def test_the_compiled_catalogue_is_there_and_newer_than_its_source_text():
    qm = i18n.catalogue("cy")
    assert qm.is_file() and qm.stat().st_size > 10_000


def untranslated_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in TEXT_CALLS:
            continue
        args = node.args[:1] if name == "addItem" else node.args  # then its data, not text
        for arg in [*args, *(k.value for k in node.keywords)]:
            if isinstance(arg, ast.JoinedStr) and any(
                isinstance(v, ast.Constant) and any(c.isalpha() for c in TAGS.sub("", v.value))
                for v in arg.values
            ):
                found.append(f"{path.relative_to(ROOT)}:{arg.lineno} f-string in {name}()")
            elif (
                isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
                and any(c.isalpha() for c in arg.value)
                and arg.value not in ALLOWED
            ):
                found.append(f"{path.relative_to(ROOT)}:{arg.lineno} {arg.value!r} in {name}()")
    return found


def test_no_literal_text_reaches_a_qt_text_call_untranslated():
    found = [line for p in sorted((ROOT / "ui").rglob("*.py")) for line in untranslated_literals(p)]
    assert found == []


def test_the_check_itself_catches_a_bare_string(tmp_path):
    sample = ROOT / "ui" / "_sample_for_test.py"
    try:
        sample.write_text('label.setText("Hello")\nQPushButton(f"Go {x}")\n', encoding="utf-8")
        assert len(untranslated_literals(sample)) == 2
    finally:
        sample.unlink()


def texts(window) -> dict[str, str]:
    """The main screens' visible words: title, tabs, menus, the session list's buttons and
    column titles, and the open interview's labels and buttons."""
    found = {"title": window.windowTitle()}
    for n in range(window.modes.count()):
        found[f"tab {n}"] = window.modes.tabText(n)
    for n, action in enumerate(window.menuBar().actions()):
        found[f"menu {n}"] = action.text()
    model = window.session_list.model
    for n in range(model.columnCount()):
        found[f"column {n}"] = str(model.headerData(n, 1))
    found["new"] = window.session_list.new_button.text()
    view = window.interview_tab.widget
    if view is not None:
        for n, w in enumerate(view.findChildren(QPushButton)):
            found[f"button {n}"] = w.text()
        for n, w in enumerate(view.findChildren(QLabel)):
            if w.isVisibleTo(view) and w.text():
                found[f"label {n}"] = w.text()
    return found


def test_switching_to_welsh_and_back_changes_and_restores_the_main_screens(
    qtbot, store, new_session, open_window
):
    session_id = new_session(store)
    window = open_window(store, session_id)
    english = texts(window)
    assert english["tab 1"] == "&Interview"
    window.language_actions["cy"].trigger()
    QApplication.processEvents()
    welsh = texts(window)
    assert welsh["tab 1"] == "Cyfweliad (&I)"
    assert welsh["menu 0"] == "&Ffeil"
    assert welsh["title"].startswith("Cyfweliad SCCH — ")
    changed = [k for k in english if k in welsh and welsh[k] != english[k]]
    assert len(changed) >= 15, changed
    assert window.interview.session is not None and window.interview.session.id == session_id
    assert store.get_state(i18n.STATE_KEY) == "cy"
    window.language_actions["en"].trigger()
    QApplication.processEvents()
    assert texts(window) == english
    assert store.get_state(i18n.STATE_KEY) == "en"


def test_the_language_chosen_is_used_at_the_next_start(qapp, store):
    """(qapp: without an application there is nothing to install a catalogue into, and the
    test passed or failed by which test file its worker ran first.)"""
    from ui.app import choose_language

    try:
        assert choose_language(store, "cy") == "cy"
        assert i18n.translate("MainWindow", "&File") == "&Ffeil"
        i18n.install("en")
        assert choose_language(store, None) == "cy"  # remembered
        assert choose_language(store, "en") == "en"
        assert i18n.translate("MainWindow", "&File") == "&File"
    finally:
        i18n.install("en")


def test_welsh_plural_forms_read_with_the_number(welsh):
    for n in (0, 1, 2, 3, 6, 11, 20):
        assert i18n.translate("SessionList", "%Ln session(s) today", "", n) == f"{n} sesiwn heddiw"


def test_welsh_plural_forms_agree_with_one_and_with_more(welsh):
    """Welsh numerals take the singular noun, but what is said of one thing is singular too:
    "1 taflen wedi'i hysgrifennu", "3 taflen wedi'u hysgrifennu"."""
    sheets = "%Ln sheet(s) written to {folder}."
    unmatched = "%Ln reference(s) match no session and were not kept."
    assessors = "%Ln assessor(s) with fewer than {least} grades not listed"
    for one, more, context, text, extra in (
        ("wedi'i hysgrifennu", "wedi'u hysgrifennu", "HrBrowser", sheets, ""),
        ("ni chafodd ei gadw", "ni chawsant eu cadw", "HrBrowser", unmatched, ""),
        ("heb ei restru", "heb eu rhestru", "StatisticsView", assessors, ""),
    ):
        assert one in i18n.translate(context, text, extra, 1)
        for n in (0, 2, 3, 6, 11):
            shown = i18n.translate(context, text, extra, n)
            assert more in shown and shown.count(str(n)) >= 1, (n, shown)


def literal_arguments(root: Path, function: str, position: int) -> set[str]:
    """Every literal string passed as argument ``position`` to calls of ``function`` under
    ``root`` (the core's step() texts)."""
    found = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == function
                and len(node.args) > position
                and isinstance(node.args[position], ast.Constant)
                and isinstance(node.args[position].value, str)
            ):
                found.add(node.args[position].value)
    return found


def test_every_step_a_job_reports_is_in_the_catalogue():
    """The core says what a job is doing in English (facts.step); the job bar shows it through
    translate("steps", ...), so each of those texts must be one it knows."""
    from ui.hr.jobs import STEPS

    said = literal_arguments(ROOT / "pcso_interview", "step", 3) | literal_arguments(
        ROOT / "ui", "step", 3
    )
    assert said and said <= set(STEPS), said - set(STEPS)
    messages = ts_messages(TS)
    assert all(("steps", s) in messages for s in STEPS)


def test_every_fixed_word_of_the_insight_tables_is_in_the_catalogue():
    from pcso_interview.fairness import UNDER, WITHHELD
    from pcso_interview.insight import ASSESSOR_HEADER, IMPACT_HEADER
    from ui.hr.statistics_view import FIXED_CELLS

    written = {"overall (pass)", "below 4/5"}
    assert {*IMPACT_HEADER, *ASSESSOR_HEADER, UNDER, WITHHELD, *written} == set(FIXED_CELLS)
    source = (ROOT / "pcso_interview" / "insight.py").read_text(encoding="utf-8")
    assert all(f'"{word}"' in source for word in written)  # the core still writes these words
    messages = ts_messages(TS)
    assert all(("insight", word) in messages for word in FIXED_CELLS)


def test_the_interview_screens_next_step_reads_in_welsh_and_back(
    qtbot, store, new_session, open_window
):
    """The core says the next step as a phrase (no Qt there); the screen words it in the
    interface's language."""
    window = open_window(store, new_session(store))
    english = window.interview_tab.widget.hint.text()
    assert english.startswith(
        "Next: classify each indicator (D, P, C, N), then grade the area (1-5)"
    )
    window.language_actions["cy"].trigger()
    QApplication.processEvents()
    try:
        welsh = window.interview_tab.widget.hint.text()
        assert welsh.startswith(
            "Nesaf: dosbarthwch bob dangosydd (D, P, C, N), yna graddiwch y maes (1-5)"
        )
        assert "classify" not in welsh and "grade the area" not in welsh
    finally:
        window.language_actions["en"].trigger()
        QApplication.processEvents()
    assert window.interview_tab.widget.hint.text() == english


@pytest.mark.usefixtures("welsh")
def test_in_welsh_the_outcome_its_reasons_the_blockers_and_the_declaration_read_in_welsh(
    store, new_session
):
    """The core's sentences on Consensus and Sign-off (the score, a minimum not met, what is
    still missing, a grade changed after the reveal) and the declaration, worded in Welsh."""
    from ui.scoring.consensus_page import outcome_text
    from ui.scoring.signoff_page import SignOffPage

    sid = new_session(store)
    session = store.load(sid)
    areas = [a.id for a in session.planned_areas]
    for member in ("m1", "m2"):
        for area in areas:
            store.grade(sid, member, area, 3)
    store.grade(sid, "m2", areas[0], 1)  # after the reveal: both had graded every area
    store.agree(sid, areas[0], 1, "Cytunwyd.")
    waiting = store.load(sid)
    text = outcome_text(waiting, "Ann Chair")
    assert "Canlyniad: … Anghyflawn" in text and " o 30 (" in text
    assert "Dim gradd gytunedig eto: " in text  # the areas still to agree, in one line
    assert "Newidiodd Bob Member y radd hon o 3 i 1" in text
    page = SignOffPage()
    page.show_session(waiting, "m1", True)
    assert page.declaration.text().startswith("<b>Datganiad.</b> Rwy'n cadarnhau mai fy rhai i")
    assert "Ddim yn barod i lofnodi eto." in page.state.text()
    assert "Dim gradd gytunedig eto: " in page.state.text()
    for area in areas[1:]:
        store.agree(sid, area, 3, "")
    failing = outcome_text(store.load(sid), "Ann Chair")
    assert "Canlyniad: ✗ Methu" in failing
    assert f"{waiting.profile.area(areas[0]).name}: 1, yn is na'r isafswm 3" in failing
    for shown in (text, failing, page.state.text(), page.declaration.text()):
        for english in ("below the minimum", "no agreed grade", "changed this grade", " of "):
            assert english not in shown, english
        assert "I confirm" not in shown


# --- Qt's own words: PySide6 ships no Welsh qtbase catalogue, so ours stands in ----------------

QT_TS = ROOT / "ui" / "translations" / "qtbase_cy.ts"


def shipped_qt_catalogue() -> Path | None:
    """One of the qtbase catalogues PySide6 ships, to check our sources against Qt's own."""
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    found = folder / "qtbase_de.qm"
    return found if found.is_file() else None


def test_our_welsh_catalogue_of_qts_words_is_complete_and_each_is_a_text_this_qt_shows():
    """A source text Qt no longer uses would leave that button English without a word: each
    of ours must be one Qt's own (German) catalogue translates under the same context."""
    from PySide6.QtCore import QTranslator

    messages = ts_messages(QT_TS)
    assert ("QPlatformTheme", "Cancel") in messages and ("QFileDialog", "&Look in:") in messages
    for key, message in messages.items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") != "unfinished", key
        assert (translation.text or "").strip(), key
    shipped = shipped_qt_catalogue()
    if shipped is None:
        pytest.skip("PySide6 ships no qtbase_de.qm to compare with")
    german = QTranslator()
    assert german.load(str(shipped))
    unknown = [key for key in messages if not german.translate(*key)]
    assert unknown == []
    assert i18n.qt_catalogue("cy") is not None and i18n.qt_catalogue("cy").stat().st_size > 1000


def test_in_welsh_qts_own_buttons_file_dialog_and_calendar_read_in_welsh_and_back(qapp):
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    from ui.file_dialogs import quiet_dialog
    from ui.reason_dialog import ReasonDialog

    def words() -> dict[str, object]:
        dialog = ReasonDialog("t", "p")
        box = QMessageBox()
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        files = quiet_dialog(None, "c", ROOT)
        found = {
            "ok": dialog.ok_button.text(),
            "cancel": dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text(),
            "yes": box.button(QMessageBox.StandardButton.Yes).text(),
            "no": box.button(QMessageBox.StandardButton.No).text(),
            "file labels": sorted(w.text() for w in files.findChildren(QLabel) if w.text()),
            "month": QLocale().monthName(1),
        }
        for widget in (dialog, box, files):
            widget.deleteLater()
        return found

    english = words()
    assert english["ok"] == "OK" and english["yes"] == "&Yes"
    try:
        assert i18n.install("cy") == "cy"
        welsh = words()
        assert (welsh["ok"], welsh["cancel"]) == ("Iawn", "Canslo")
        assert (welsh["yes"], welsh["no"]) == ("Ie (&Y)", "Na (&N)")
        assert "Edrych yn (&L):" in welsh["file labels"]
        assert "Enw'r ffeil (&N):" in welsh["file labels"]
        assert welsh["month"] == "Ionawr"
    finally:
        i18n.install("en")
    assert words() == english


def test_counts_are_grouped_as_the_language_writes_numbers(qapp):
    """HR counts run to tens of thousands: "50,000 session(s)", not "50000", in English on a
    British laptop and in Welsh (%Ln: the number in the locale's own form)."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        assert i18n.translate("HrBrowser", "%Ln session(s)", "", 50_000) == "50,000 session(s)"
        assert i18n.install("cy") == "cy"
        assert i18n.translate("HrBrowser", "%Ln session(s)", "", 50_000) == "50,000 sesiwn"
        assert i18n.translate("HrBrowser", "%Ln session(s)", "", 3) == "3 sesiwn"
    finally:
        i18n.install("en")
        QLocale.setDefault(before)
