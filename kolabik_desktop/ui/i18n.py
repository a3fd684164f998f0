"""Language of the window: the Qt translator, and numbers and times in the chosen language.

Bahasa Indonesia is the first language: the window starts in it whatever the system's locale
(a fresh install often says C.UTF-8), until the user picks English (the source strings) under
Settings › Language, stored as the QSettings key "language".
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from fractions import Fraction

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTranslator,
)

from kolabik_desktop.core.paths import resource_path

# At module level: an import statement inside a function costs ~7 us once PySide hooks
# __import__, and the browser and the leaderboard format thousands of rows at a time.
from kolabik_desktop.core.scoring.engine import format_score
from kolabik_desktop.core.scoring.numbers import localize_number_text as _localize

SETTINGS_KEY = "language"
INDONESIAN = "id"
ENGLISH = "en"
# Language code -> its own name, as shown in a language chooser.
LANGUAGES = {INDONESIAN: "Bahasa Indonesia", ENGLISH: "English"}

_installed: list[QTranslator] = []
_language = ENGLISH


def system_language() -> str:
    return INDONESIAN if QLocale.system().language() == QLocale.Language.Indonesian else ENGLISH


def configured_language() -> str:
    """The language the user chose in Settings, else Bahasa Indonesia (whatever the system's)."""
    value = QSettings().value(SETTINGS_KEY, "")
    return value if value in LANGUAGES else INDONESIAN


def current_language() -> str:
    """The language in use now (after ``install_translator``)."""
    return _language


def set_language(lang: str) -> None:
    """Remember the user's choice; it applies from the next start (or install_translator)."""
    QSettings().setValue(SETTINGS_KEY, lang)


def translation_file(lang: str) -> str:
    return str(resource_path("translations", f"kolabik_{lang}.qm"))


def install_translator(app: QCoreApplication, lang: str | None = None) -> str:
    """Load the translations for ``lang`` (default: the configured one); return the language."""
    global _language
    lang = lang if lang in LANGUAGES else configured_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang != ENGLISH:
        ours = QTranslator(app)
        if ours.load(translation_file(lang)):
            app.installTranslator(ours)
            _installed.append(ours)
        # Qt's own strings (dialog buttons, context menus), when Qt ships them.
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        base = QTranslator(app)
        if base.load(f"qtbase_{lang}", qt_dir):
            app.installTranslator(base)
            _installed.append(base)
    _language = lang
    QLocale.setDefault(locale_for(lang))
    # A native file dialog (GTK, the desktop portal) speaks the system's language, not ours; Qt's
    # own dialog uses the translations shipped in qtbase.ts.
    QCoreApplication.setAttribute(
        Qt.ApplicationAttribute.AA_DontUseNativeDialogs, lang != system_language()
    )
    return lang


def locale_for(lang: str) -> QLocale:
    if lang == INDONESIAN:
        return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def locale() -> QLocale:
    return locale_for(_language)


def localize_number_text(text: str) -> str:
    """A dot-decimal number as text ("85.50", from the scoring engine) in the language: "85,50"
    (core's rule, which the web board follows too)."""
    return _localize(text, _language)


def format_decimal(value: Decimal | None) -> str:
    """A value as a juror typed it (no trailing zeros), in the language: 87,5."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return localize_number_text("0" if text == "-0" else text)


def format_score_text(value: Decimal | Fraction | int | float | None, precision: int) -> str:
    """A computed score at display precision, rounded by the engine's rule, in the language."""
    if value is None:
        return ""
    return localize_number_text(format_score(value, precision))


def format_time(iso_utc: str) -> str:
    """A stored UTC timestamp as the local time of day, e.g. 14:32."""
    try:
        moment = datetime.strptime(iso_utc, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return ""
    return moment.astimezone().strftime("%H:%M")
