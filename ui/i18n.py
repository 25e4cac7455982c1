"""The interface's languages: Qt's translation, the Welsh catalogue, the choice remembered.

Every visible string in ui/ goes through ``translate("Context", "text")`` (Qt's
QCoreApplication.translate; pyside6-lupdate finds each call) or, where it is defined before the
translator is installed (a module's constant), ``QT_TRANSLATE_NOOP`` there and ``translate`` where
it is shown. The catalogue is ui/translations/pcso_interview_cy.ts (made by pyside6-lupdate,
filled by hand) and its compiled .qm beside it, shipped in the wheel.

Text a force provides (indicators, profile text, grade labels and descriptors) is never
translated.

Qt's own words (the standard buttons OK, Cancel, Yes, No, Close; the file dialog; the edit
menus of text fields) come from Qt's catalogue qtbase_<lang>.qm, which PySide6 does not ship for
Welsh: ui/translations/qtbase_cy.ts is ours, kept by hand with Qt's own contexts and source
texts (tests/ui/test_translation.py checks each is one this Qt uses). Dates in Qt's widgets
(the calendar's month and day names) follow the language too, through QLocale.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenuBar

translate = QCoreApplication.translate

LANGUAGES = {"en": "English", "cy": "Cymraeg"}  # each in its own words, never translated
DEFAULT = "en"
STATE_KEY = "language"  # the choice, among the store's app states
CATALOGUE_DIR = Path(__file__).resolve().parent / "translations"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for the catalogue where it is defined; translate() shows it."""
    return text


_installed: QTranslator | None = None
_qt_installed: QTranslator | None = None
QT_LOCALES = {"cy": QLocale.Language.Welsh}


def catalogue(language: str) -> Path:
    return CATALOGUE_DIR / f"pcso_interview_{language}.qm"


def qt_catalogue(language: str) -> Path | None:
    """Qt's own words in ``language``: Qt's catalogue where PySide6 ships one, else ours."""
    shipped = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for folder in (shipped, CATALOGUE_DIR):
        found = folder / f"qtbase_{language}.qm"
        if found.is_file():
            return found
    return None


def install(language: str) -> str:
    """Use ``language`` for every text from now on (Qt then sends each widget a LanguageChange
    event). English is the source text: no catalogue. Returns the language in use."""
    global _installed, _qt_installed
    app = QCoreApplication.instance()
    if app is None:
        return DEFAULT
    for old in (_installed, _qt_installed):
        if old is not None:
            app.removeTranslator(old)
    _installed = _qt_installed = None
    if language not in LANGUAGES:
        language = DEFAULT
    if language != DEFAULT:
        translator = QTranslator(app)
        if not translator.load(str(catalogue(language))):
            QLocale.setDefault(QLocale.system())
            return DEFAULT
        qt_file = qt_catalogue(language)
        qt_translator = QTranslator(app)
        if qt_file is not None and qt_translator.load(str(qt_file)):
            app.installTranslator(qt_translator)
            _qt_installed = qt_translator
        app.installTranslator(translator)
        _installed = translator
    QLocale.setDefault(
        QLocale(QT_LOCALES[language], QLocale.Country.UnitedKingdom)
        if language in QT_LOCALES
        else QLocale.system()
    )
    return language


def current() -> str:
    """The language in use now."""
    if _installed is None:
        return DEFAULT
    return _installed.language().split("_")[0] or DEFAULT


def add_language_menu(menu_bar: QMenuBar, choose: Callable[[str], None]) -> dict[str, QAction]:
    """The Language menu (a laptop's window and the archive's): each language in its own
    words, the one in use checked; ``choose`` switches. No Alt key: every letter of
    "Language" is taken on some screen (Alt, then the arrows)."""
    menu = menu_bar.addMenu(translate("MainWindow", "Language"))
    actions: dict[str, QAction] = {}
    for code, name in LANGUAGES.items():
        action = menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(code == current())
        action.triggered.connect(lambda _=False, code=code: choose(code))
        actions[code] = action
    return actions
