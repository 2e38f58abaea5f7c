"""The wheel built from the repository holds the code, migrations, resources and entry point.

A required test (never skipped): it needs the ``build`` and ``hatchling`` packages, which the
project's ``test`` extra installs. Building takes a few seconds.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import fieldvisit

ROOT = Path(__file__).resolve().parents[2]

REQUIRED_FILES = (
    "fieldvisit/__init__.py",
    "fieldvisit/__main__.py",
    "fieldvisit/cli.py",
    "fieldvisit/persistence/migrations/env.py",
    "fieldvisit/persistence/migrations/script.py.mako",
    "fieldvisit/persistence/migrations/versions/0001_initial_schema.py",
    "fieldvisit/resources/fonts/wqy-microhei.ttc",
    "fieldvisit/resources/fonts/LICENSE-wqy-microhei.txt",
    "fieldvisit/resources/sample/reference_visit.json",
    "fieldvisit/resources/translations/fieldvisit_zh_CN.qm",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    outdir = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(outdir)],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, (
        "building the wheel failed (are the 'build' and 'hatchling' packages installed?)\n"
        + result.stdout[-3000:] + result.stderr[-3000:])
    wheels = list(outdir.glob("*.whl"))
    assert len(wheels) == 1, wheels
    assert wheels[0].name == f"fieldvisit-{fieldvisit.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheels[0]) as archive:
        yield archive


@pytest.fixture(scope="module")
def names(wheel: zipfile.ZipFile) -> list[str]:
    return wheel.namelist()


@pytest.mark.parametrize("path", REQUIRED_FILES)
def test_wheel_contains(names, path):
    assert path in names


def test_wheel_contains_every_package_module(names):
    for source in (ROOT / "fieldvisit").rglob("*.py"):
        if "__pycache__" not in source.parts:
            assert source.relative_to(ROOT).as_posix() in names


def test_wheel_contains_icons(names):
    icons = [n for n in names if n.startswith("fieldvisit/resources/icons/") and n.endswith(".svg")]
    assert icons


def test_wheel_resources_are_the_repository_files(wheel):
    for name in ("sample/reference_visit.json", "fonts/LICENSE-wqy-microhei.txt"):
        repository_file = ROOT / "resources" / name
        assert wheel.read(f"fieldvisit/resources/{name}") == repository_file.read_bytes()


def test_wheel_declares_the_console_script(wheel, names):
    [entry_points] = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    text = wheel.read(entry_points).decode("utf-8")
    assert "[console_scripts]" in text
    lines = [line.replace(" ", "") for line in text.splitlines()]
    assert "fieldvisit=fieldvisit.cli:main" in lines


def test_wheel_metadata(wheel, names):
    [metadata] = [n for n in names if n.endswith(".dist-info/METADATA")]
    text = wheel.read(metadata).decode("utf-8")
    assert f"Version: {fieldvisit.__version__}" in text
    assert "Requires-Python: >=3.11" in text
    requirements = [line.split(":", 1)[1].strip().lower() for line in text.splitlines()
                    if line.startswith("Requires-Dist:") and "extra ==" not in line]
    for dependency in ("sqlalchemy", "alembic", "reportlab", "platformdirs", "pyside6"):
        assert any(r.startswith(dependency) for r in requirements), (dependency, requirements)


def test_wheel_holds_no_tests_or_caches(names):
    for name in names:
        assert "tests/" not in name, name
        assert "__pycache__" not in name, name
        assert not name.endswith((".pyc", ".pyo")), name
    assert all(n.startswith(("fieldvisit/", f"fieldvisit-{fieldvisit.__version__}.dist-info/"))
               for n in names)
