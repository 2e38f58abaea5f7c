"""The bundled CJK font and the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from fieldvisit.paths import resource

LANGUAGE_KEY = "ui/language"
LANGUAGES = ("", "en", "zh_CN")  # "" follows the system
BUNDLED_FONT = ("fonts", "wqy-microhei.ttc")
TRANSLATOR_NAME = "fieldvisit-translator"


def load_bundled_font(app: QApplication, language: str = "en") -> list[str]:
    """Register WenQuanYi Micro Hei so that Chinese renders even where the system has no CJK
    font. Returns the families found.

    The interface font becomes a list of families (``interface_families``): in English the
    system's own font comes first, so Latin text and its punctuation ("…", "“”") keep their
    Latin shapes, and the bundled font only fills in Chinese characters; in Chinese the
    bundled font comes first unless the system's font has Chinese itself, so that Chinese
    punctuation keeps its Chinese shapes."""
    font_id = QFontDatabase.addApplicationFont(str(resource(*BUNDLED_FONT)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        system = QFontInfo(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        chinese = QFontDatabase.WritingSystem.SimplifiedChinese
        font = app.font()
        font.setFamilies(interface_families(
            system.family(), families[0], language,
            chinese in QFontDatabase.writingSystems(system.family())))
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        app.setFont(font)
    return families


def interface_families(system: str, bundled: str, language: str,
                       system_has_chinese: bool) -> list[str]:
    """The interface font's families in the order Qt tries them for each character.

    ``system`` is the family the system's interface font resolves to (on Linux the "Sans
    Serif" alias becomes e.g. DejaVu Sans: the alias itself must not be listed, or Qt, finding
    no family of that name, would take the bundled font for everything)."""
    if system == bundled:
        return [bundled]
    if language.startswith("zh") and not system_has_chinese:
        return [bundled, system]
    return [system, bundled]


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
    """Load FieldVisit's and Qt's own translations for ``language`` (for English, the plural
    forms of the source strings: "1 conflict", "2 conflicts") and make its locale the default
    one for dates, times and numbers; translators installed by an earlier call are removed.
    Returns the installed translators (their parent, ``app``, keeps them alive)."""
    for earlier in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(earlier)
        earlier.setParent(None)
    installed: list[QTranslator] = []
    QLocale.setDefault(interface_locale(language))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_dir),
                         (f"fieldvisit_{language}", str(resource("translations")))):
        if language == "en" and name.startswith("qtbase"):
            continue  # Qt's own strings are English already
        translator = QTranslator(app)
        translator.setObjectName(TRANSLATOR_NAME)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            translator.setParent(None)
    return installed
