"""The bundled CJK font and the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from fieldvisit.paths import resource

LANGUAGE_KEY = "ui/language"
LANGUAGES = ("", "en", "zh_CN")  # "" follows the system
BUNDLED_FONT = ("fonts", "wqy-microhei.ttc")


def load_bundled_font(app: QApplication) -> list[str]:
    """Register WenQuanYi Micro Hei and use it as the fallback for the interface font, so
    Chinese renders even where the system has no CJK font. Returns the families found."""
    font_id = QFontDatabase.addApplicationFont(str(resource(*BUNDLED_FONT)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = app.font()
        font.setFamilies([font.family(), families[0]])
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        app.setFont(font)
    return families


def language_names() -> dict[str, str]:
    """The choices of interface language, each named in its own language."""
    return {"": QCoreApplication.translate("Preferences", "System default"),
            "en": "English", "zh_CN": "简体中文"}


def chosen_language() -> str:
    """The preference if set, else zh_CN for a Chinese system locale, else English."""
    preference = str(QSettings().value(LANGUAGE_KEY, "") or "")
    if preference in LANGUAGES[1:]:
        return preference
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def interface_locale(language: str) -> QLocale:
    """The system locale if it speaks ``language`` (keeps its regional formats), else the
    language's own: zh_CN → China, en → the system's English or United States."""
    system = QLocale.system()
    if language == "zh_CN":
        return system if system.language() == QLocale.Language.Chinese else QLocale("zh_CN")
    return system if system.language() == QLocale.Language.English else QLocale("en_US")


def set_language_preference(language: str) -> None:
    QSettings().setValue(LANGUAGE_KEY, language)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load FieldVisit's and Qt's own translations for ``language`` and make its locale the
    default one for dates, times and numbers; keep the result alive."""
    installed: list[QTranslator] = []
    QLocale.setDefault(interface_locale(language))
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(str(resource("translations", f"fieldvisit_{language}.qm"))):
        app.installTranslator(ours)
        installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed
