"""Keep the interface translations in step with the code.

    python packaging/translations.py update   # pyside6-lupdate: collect tr() strings into .ts
    python packaging/translations.py release  # pyside6-lrelease: compile .ts into .qm

``update`` reads the interface (``tr()``, ``translate()``) and the domain, services,
persistence and reporting, whose messages are marked ``QT_TRANSLATE_NOOP("Messages", ...)``
(see fieldvisit/domain/messages.py).

Translate new strings in resources/translations/*.ts (Qt Linguist, ``pyside6-linguist``, or
any editor), then run ``release`` and commit both the .ts and the .qm files.

English is the language of the source strings, so ``fieldvisit_en.ts`` holds only the strings
with a count (``tr("%n conflict(s)", "", n)``, lupdate's ``-pluralonly``): give each its
singular and plural form ("%n conflict", "%n conflicts").
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_FOLDERS = tuple(ROOT / "fieldvisit" / name
                       for name in ("ui", "domain", "services", "persistence", "reporting"))
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")
PLURAL_ONLY = frozenset({"en"})  # the source language: only its plural forms are translated


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found; install PySide6-Essentials")
    return found


def sources() -> list[str]:
    """The Python files lupdate reads: the interface and the layers whose messages it shows."""
    return sorted(str(p.relative_to(ROOT)) for folder in SOURCE_FOLDERS
                  for p in folder.rglob("*.py"))


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"fieldvisit_{language}.ts"


def update(ts: Path | None = None, language: str = "zh_CN") -> Path:
    target = ts or ts_file(language)
    plural_only = ["-pluralonly"] if language in PLURAL_ONLY else []
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *plural_only,
                    "-target-language", language, *sources(), "-ts", str(target)],
                   cwd=ROOT, check=True, capture_output=True)
    return target


def release(ts: Path, qm: Path) -> Path:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   cwd=ROOT, check=True, capture_output=True)
    return qm


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        for language in LANGUAGES:
            print(update(language=language))
        return 0
    if argv[:1] == ["release"]:
        for language in LANGUAGES:
            print(release(ts_file(language), ts_file(language).with_suffix(".qm")))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
