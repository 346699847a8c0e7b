"""Finding 8 in the GUI: permissions are named in one sentence, and a save that worked is never called a failure.

Run as root, the files are made read-only with the immutable attribute (``chattr +i``),
which even root cannot write through; elsewhere with ``chmod``.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from helpers import make_window, show

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@contextmanager
def read_only(path: Path):
    if ROOT:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)],
                                                             capture_output=True).returncode:
            pytest.skip("root may write anything, and chattr +i is not available here")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        mode = stat.S_IMODE(path.stat().st_mode)
        os.chmod(path, mode & ~0o222)
        try:
            yield
        finally:
            os.chmod(path, mode)


def settle(window) -> None:
    for _ in range(5):
        QThreadPool.globalInstance().waitForDone(10_000)
        if window.state.has_library:
            window.state.library.wait()
        QApplication.processEvents()


def test_saving_to_a_read_only_library_file_says_so(qtbot):
    from ermu.models.paths import data_dir
    from ermu.models.storage import Library, Scenario

    path = data_dir() / "library.sqlite3"
    with Library() as library:
        library.save(Scenario(title="Already there", regime="sui"))
    window = make_window()
    qtbot.addWidget(window)
    sandbox = show(window, "sandbox", regime="sui", households=20, seed=3)
    qtbot.waitUntil(lambda: not sandbox.document.busy)
    with read_only(path):
        sandbox.save()
        settle(window)
        said = window.status_message.text()
    assert said.startswith(f"Your library file {path} is read-only"), said
    assert "Something went wrong" not in said


def test_autosave_in_a_read_only_data_folder_is_said_once_and_a_save_still_counts(qtbot):
    from ermu.models.paths import data_dir
    from ermu.models.storage import Library

    Library().close()  # the library exists; the folder then turns read-only
    folder = data_dir()
    window = make_window()
    qtbot.addWidget(window)
    sandbox = show(window, "sandbox", regime="sui", households=20, seed=3)
    qtbot.waitUntil(lambda: not sandbox.document.busy)
    said: list[str] = []
    window.state.status.connect(said.append)
    with read_only(folder):
        window.autosave_now()
        settle(window)
        sandbox.document.remove_household(2)
        window.autosave_now()
        settle(window)
    paused = [s for s in said if s.startswith("Autosave is paused")]
    assert len(paused) == 1 and "Ermu may not write" in paused[0]
    assert window.autosaver.failing
