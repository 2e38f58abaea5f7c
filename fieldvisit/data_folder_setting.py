"""The data-folder preference, read and written without Qt so that the headless command line
(``fieldvisit visits`` …) never loads PySide6.

It is kept in ``settings.ini`` in the user's configuration folder (``[data] folder = …``; empty
for the default folder), a plain INI file that Python reads on every system. Versions before
kept it in QSettings' native store: on Linux an INI file (``FieldVisit/FieldVisit.conf``), on
Windows the registry, on macOS a property list. The first read that finds no ``settings.ini``
entry takes the value from there (``_legacy_value``) and writes it to ``settings.ini``, so an
existing user keeps the folder they chose, from the window or the command line alike.
"""

from __future__ import annotations

import configparser
import os
import sys
import tempfile
from pathlib import Path

from fieldvisit.paths import user_data_dir

SETTINGS_FILE = "settings.ini"
SECTION = "data"
KEY = "folder"
DATABASE_FILE = "fieldvisit.sqlite3"
LEGACY_NAME = "FieldVisit"
"""QSettings' organization and application name, which named its native store."""


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(LEGACY_NAME, appauthor=False, roaming=True)


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def _read() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(settings_path(), encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        pass  # a damaged file: as if empty (the default folder), rewritten on the next choice
    return parser


def _write(folder: str) -> None:
    parser = _read()
    if not parser.has_section(SECTION):
        parser.add_section(SECTION)
    parser.set(SECTION, KEY, folder)
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            parser.write(stream)
        os.replace(temporary, path)  # whole or not at all
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def default_data_folder() -> Path:
    return user_data_dir()


def chosen_data_folder() -> Path | None:
    """The folder chosen in Preferences, ``None`` for the default."""
    parser = _read()
    if parser.has_option(SECTION, KEY):
        chosen = parser.get(SECTION, KEY).strip()
    else:  # first read since the move from QSettings
        chosen = (_legacy_value() or "").strip()
        try:
            _write(chosen)
        except OSError:
            pass  # a read-only configuration folder: read the old place again next time
    return Path(chosen) if chosen else None


def data_folder() -> Path:
    """Where the database file and its photos live unless --db or a database URL says
    otherwise (the window and the command line read the same setting)."""
    return chosen_data_folder() or default_data_folder()


def set_data_folder(folder: Path | None) -> None:
    """``None`` (or the default folder) goes back to the default."""
    _write("" if folder is None or folder == default_data_folder() else str(folder))


def database_path() -> Path:
    return data_folder() / DATABASE_FILE


def _legacy_value() -> str | None:
    """The data folder QSettings kept in its native store, ``None`` if none can be read."""
    try:
        if sys.platform == "win32":
            return _legacy_registry_value()
        if sys.platform == "darwin":
            return _legacy_plist_value()
        return _legacy_ini_value(config_dir().parent / LEGACY_NAME / f"{LEGACY_NAME}.conf")
    except (OSError, ValueError):
        return None


def _legacy_registry_value() -> str | None:  # pragma: no cover - Windows only
    import winreg

    key_path = rf"Software\{LEGACY_NAME}\{LEGACY_NAME}\{SECTION}"
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key_path) as key:  # type: ignore[attr-defined]
        value, _kind = winreg.QueryValueEx(key, KEY)  # type: ignore[attr-defined]
    return value if isinstance(value, str) else None


def _legacy_plist_value() -> str | None:  # pragma: no cover - macOS only
    import plistlib

    name = f"com.{LEGACY_NAME.lower()}.{LEGACY_NAME}.plist"  # Qt's domain from the organization
    path = Path.home() / "Library" / "Preferences" / name
    with path.open("rb") as stream:
        value = plistlib.load(stream).get(f"{SECTION}.{KEY}")
    return value if isinstance(value, str) else None


def _legacy_ini_value(path: Path) -> str | None:
    """``[data] folder=`` of QSettings' INI file, unescaped as QSettings writes it."""
    section = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif section == SECTION and "=" in line:
            name, value = line.split("=", 1)
            if name.strip() == KEY:
                return _qt_ini_unescape(value.strip())
    return None


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            '"': '"', "'": "'", "\\": "\\", "?": "?", ";": ";", ",": ","}


def _qt_ini_unescape(raw: str) -> str | None:
    """One string value of a QSettings INI file: quotes, backslash escapes (``\\xHHHH``
    too), ``@@`` for a leading ``@``; a list or a typed value (``@Variant(…)``) gives None."""
    text, quoted, index = [], False, 0
    while index < len(raw):
        char = raw[index]
        if char == '"':
            quoted = not quoted
        elif char == "\\" and index + 1 < len(raw):
            index += 1
            code = raw[index]
            if code == "x":
                digits = ""
                while index + 1 < len(raw) and len(digits) < 4 \
                        and raw[index + 1] in "0123456789abcdefABCDEF":
                    index += 1
                    digits += raw[index]
                text.append(chr(int(digits, 16)) if digits else "x")
            else:
                text.append(_ESCAPES.get(code, code))
        elif char == "," and not quoted:
            return None  # a list of strings, not a folder
        else:
            text.append(char)
        index += 1
    value = "".join(text)
    if value.startswith("@@"):
        return value[1:]
    return None if value.startswith("@") else value
