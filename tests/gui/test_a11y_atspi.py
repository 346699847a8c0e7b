"""The real thing (issue 15): Ermu in Xvfb on the AT-SPI bus, walked with pyatspi as a screen
reader meets it. Skips cleanly where Xvfb, openbox, xdotool, at-spi2-core, dbus-run-session
or the system's python3-pyatspi are missing (.ci/run installs them)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"
#: Faces whose controls this suite owns; the sandbox and Compare are the propagation view's.
MINE = ("home", "lessons", "criticism", "credit", "charts", "library", "years", "empire")


def _missing() -> str | None:
    for tool in ("Xvfb", "openbox", "xdotool", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not any(os.path.exists(p) for p in ("/usr/libexec/at-spi-bus-launcher",
                                           "/usr/lib/at-spi2-core/at-spi-bus-launcher")):
        return "at-spi2-core is not installed"
    if not os.path.exists(SYSTEM_PYTHON) or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode != 0:
        return "python3-pyatspi is not installed for the system Python"
    if shutil.which("ermu", path=str(Path(sys.executable).parent)) is None:
        return "the ermu launcher is not installed next to this Python"
    return None


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    reason = _missing()
    if reason:
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("atspi") / "report.json"
    app = shutil.which("ermu", path=str(Path(sys.executable).parent))
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    result = subprocess.run(["dbus-run-session", "--", SYSTEM_PYTHON, str(ROOT / "tools" / "atspi_walk.py"),
                             "--app", app, "--json", str(out)], env=env, capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    if not out.exists():
        pytest.fail(f"the walker wrote no report: {result.stderr[-2000:]}")
    data = json.loads(out.read_text(encoding="utf-8"))
    if "skip" in data:
        pytest.skip(data["skip"])
    assert "error" not in data, data.get("error")
    print(f"AT-SPI walk: {data.get('elapsed_s')} s, first window on the bus after {data.get('startup_s')} s")
    return data


@pytest.mark.parametrize("face", MINE)
def test_every_interactive_control_has_a_meaningful_name(report, face):
    walked = report["faces"][face]
    assert walked["controls"] > 0, f"nothing interactive was found on {face}: was it shown?"
    assert walked["unnamed"] == [], walked["unnamed"]


@pytest.mark.parametrize("face", MINE)
def test_every_interactive_control_takes_keyboard_focus(report, face):
    assert report["faces"][face]["unfocusable"] == []


@pytest.mark.parametrize("face", MINE)
def test_no_label_hides_its_visible_text(report, face):
    assert report["faces"][face]["hides_text"] == []


def test_live_values_are_read_as_their_text(report):
    credit = " | ".join(report["faces"]["credit"]["live"])
    assert "1,000" in credit and "Month 1 of 12" in credit, credit


def test_a_session_event_is_announced_to_the_screen_reader(report):
    heard = report["criticism_heard"]
    assert heard and any("Comrade" in text for text in heard), report["heard"]
    assert report["text_changed"] > 0


def test_status_messages_are_announced(report):
    assert any(text.startswith("Standing, suspicion and fear are illustrative") for text in report["heard"])


def test_each_step_of_an_incident_is_announced(report):
    heard = report["incident_heard"]
    assert any("fails to pay" in text for text in heard), heard
    assert any("sees it" in text for text in heard), "the steps after the offence are heard too"
