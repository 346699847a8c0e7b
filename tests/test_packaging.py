"""The package as users get it: a wheel with all code and content, models free of Qt."""

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAPPING = {"models": "ermu.models", "gui": "ermu.gui", "content": "ermu.content"}


def _packages_on_disk() -> set[str]:
    found = set()
    for folder, dotted in MAPPING.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / folder)
            found.add(".".join([dotted, *rel.parts]) if rel.parts else dotted)
    return found


def test_every_package_folder_is_declared_in_pyproject():
    declared = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    assert _packages_on_disk() == declared


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    return next(out.glob("ermu-*.whl"))


def test_wheel_contains_the_content_and_every_module(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    content = [p for p in (ROOT / "content").rglob("*")
               if p.is_file() and p.suffix in {".md", ".toml", ".csv", ".otf", ".txt", ".png", ".svg", ".mo", ".po", ".pot"}]
    assert content, "the content folder is empty"
    for path in content:
        assert "ermu/content/" + path.relative_to(ROOT / "content").as_posix() in names
    for folder in MAPPING:
        for module in (ROOT / folder).rglob("*.py"):
            assert f"ermu/{folder}/" + module.relative_to(ROOT / folder).as_posix() in names


def test_models_never_import_qt_or_pyplot():
    code = (
        "import sys, pkgutil, importlib, ermu.models as m\n"
        "for info in pkgutil.walk_packages(m.__path__, 'ermu.models.'):\n"
        "    if '.migrations' not in info.name:  # alembic runs env.py itself; it is no module to import\n"
        "        importlib.import_module(info.name)\n"
        "bad = [n for n in sys.modules if n.startswith(('PySide6', 'shiboken6', 'ermu.gui', 'matplotlib.pyplot'))]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_pyside_survives_200000_calls_that_return_nothing():
    """PySide6 6.12.0 on CPython 3.11 aborted with 'none_dealloc' after a few thousand."""
    code = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([]); label = QLabel()\n"
        "for i in range(200_000): label.setText('x')\n"
        "print('alive')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "alive" in result.stdout, result.stderr[-500:]


def test_the_supported_python_cannot_meet_the_crashing_pyside():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.12"
    assert sys.version_info >= (3, 12)


def test_code_imports_the_installed_namespace_not_top_level_folders():
    """`from models.x import` works only when the repository root is on sys.path, and then
    makes a second copy of every module (two CLI registries, two exception classes)."""
    import re

    pattern = re.compile(r"^\s*(from|import)\s+(models|gui|content)(\.|\s|$)", re.M)
    offenders = []
    for folder in ("models", "gui", "tests", "benchmarks", "tools"):
        for path in (ROOT / folder).rglob("*.py"):
            if pattern.search(path.read_text(encoding="utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f"import ermu.models / ermu.gui instead in: {offenders}"


def test_first_window_and_restore_check_load_no_heavy_libraries(tmp_path):
    """Rule 5: the first window paints without SQLAlchemy, pydantic, matplotlib or networkx,
    and the start-up check for unsaved work costs nothing when there is none."""
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from PySide6.QtCore import QThreadPool\n"
        "from ermu.gui.main_window import MainWindow\n"
        "from ermu.gui.state import AppState\n"
        "w = MainWindow(AppState()); w.show(); app.processEvents(); w.offer_restore()\n"
        "QThreadPool.globalInstance().waitForDone(20000); app.processEvents()\n"
        "heavy = ('sqlalchemy', 'pydantic', 'matplotlib', 'networkx', 'alembic')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    env = {**__import__("os").environ, "ERMU_DATA_DIR": str(tmp_path / "d"), "ERMU_CONFIG_DIR": str(tmp_path / "c")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == ""
