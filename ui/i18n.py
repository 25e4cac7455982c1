"""The interface's languages: Qt's translation, the Welsh catalogue, the choice remembered.

Every visible string in ui/ goes through ``translate("Context", "text")`` (Qt's
QCoreApplication.translate; pyside6-lupdate finds each call) or, where it is defined before the
translator is installed (a module's constant), ``QT_TRANSLATE_NOOP`` there and ``translate`` where
it is shown. The catalogue is ui/translations/pcso_interview_cy.ts (made by pyside6-lupdate,
filled by hand) and its compiled .qm beside it, shipped in the wheel.

Text a force provides (indicators, profile text, grade labels and descriptors) is never
translated.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

translate = QCoreApplication.translate

LANGUAGES = {"en": "English", "cy": "Cymraeg"}  # each in its own words, never translated
DEFAULT = "en"
STATE_KEY = "language"  # the choice, among the store's app states
CATALOGUE_DIR = Path(__file__).resolve().parent / "translations"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for the catalogue where it is defined; translate() shows it."""
    return text


_installed: QTranslator | None = None


def catalogue(language: str) -> Path:
    return CATALOGUE_DIR / f"pcso_interview_{language}.qm"


def install(language: str) -> str:
    """Use ``language`` for every text from now on (Qt then sends each widget a LanguageChange
    event). English is the source text: no catalogue. Returns the language in use."""
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        return DEFAULT
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if language not in LANGUAGES:
        language = DEFAULT
    if language != DEFAULT:
        translator = QTranslator(app)
        if not translator.load(str(catalogue(language))):
            return DEFAULT
        app.installTranslator(translator)
        _installed = translator
    return language


def current() -> str:
    """The language in use now."""
    if _installed is None:
        return DEFAULT
    return _installed.language().split("_")[0] or DEFAULT
