"""The kiosk in a real window: a window manager's own close keys, and a Wayland kiosk compositor.

Under Xvfb with openbox, Alt+F4 (openbox's own close binding) and Ctrl+W are sent with
xdotool to the real window, which must still be there. Under ``cage`` with its headless
backend, Ermu must start and render through Qt's Wayland plugin. Each test skips cleanly
when its tools are absent (``.ci/run`` installs xvfb, openbox, xdotool and cage).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ERMU = [sys.executable, "-m", "ermu.gui.app"]


def _need(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian: xvfb openbox xdotool cage)")


def _wait(predicate, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def xserver(tmp_path):
    _need("Xvfb", "openbox", "xdotool")
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    with os.fdopen(read, "rb") as pipe:
        while not number.endswith(b"\n"):
            chunk = pipe.read(1)
            if not chunk:
                break
            number += chunk
    if not number.strip():
        xvfb.kill()
        pytest.skip("Xvfb did not start")
    env = dict(os.environ, DISPLAY=f":{number.decode().strip()}", QT_QPA_PLATFORM="xcb")
    wm = subprocess.Popen(["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    yield env
    for proc in (wm, xvfb):
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()


def _windows(env) -> list[str]:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "museum kiosk"], env=env,
                           capture_output=True, text=True)
    return found.stdout.split()


def test_alt_f4_and_ctrl_w_sent_to_the_real_window_leave_it_there(xserver):
    env = xserver
    kiosk = subprocess.Popen([*ERMU, "--kiosk"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        if not _wait(lambda: _windows(env) or kiosk.poll() is not None, 60):
            pytest.fail("the kiosk window did not appear within a minute")
        assert kiosk.poll() is None, kiosk.stderr.read().decode()[-2000:]
        window = _windows(env)[0]
        subprocess.run(["xdotool", "windowactivate", "--sync", window], env=env, capture_output=True, timeout=10)
        for keys in ("alt+F4", "ctrl+w", "ctrl+q", "Escape", "alt+F4"):
            subprocess.run(["xdotool", "key", "--clearmodifiers", keys], env=env, check=True, timeout=10)
            time.sleep(0.6)
        # and straight to the window, whether or not it has the focus
        for keys in ("alt+F4", "ctrl+w"):
            subprocess.run(["xdotool", "key", "--window", window, keys], env=env, capture_output=True, timeout=10)
        time.sleep(1.0)
        assert kiosk.poll() is None, "the kiosk process ended"
        # by its id among all visible windows: the title is in whichever language the rehearsal
        # (every station painted once in each offered language) has reached
        visible = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", ""], env=env,
                                 capture_output=True, text=True).stdout.split()
        assert window in visible, "the kiosk window is gone"
    finally:
        kiosk.terminate()
        try:
            kiosk.wait(10)
        except subprocess.TimeoutExpired:
            kiosk.kill()


def _has_wayland_plugin() -> bool:
    import PySide6

    return any((Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms").glob("libqwayland*"))


def _as_unprivileged() -> list[str]:
    """cage refuses to run as root: as root, run the compositor as nobody (util-linux's setpriv)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("cage refuses to run as root and setpriv (util-linux) is absent")
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


CLIENT = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
print("platform:", app.platformName(), flush=True)
from ermu.gui.app import main
sys.exit(main(["--kiosk", "--screenshot", sys.argv[1], "--size", "1280x800"]))
"""


def test_ermu_starts_and_renders_under_cage_headless(tmp_path):
    """cage (headless backend) is the compositor; Ermu connects to it through Qt's Wayland plugin.

    cage runs ``sleep`` as its own client (it refuses root, so as root it runs as nobody), and
    Ermu connects to the compositor's socket as a second client: the same Wayland path a
    museum's systemd unit takes, without needing the interpreter to be readable by nobody."""
    _need("cage")
    if not _has_wayland_plugin():
        pytest.skip("PySide6 has no Wayland platform plugin here")
    prefix = _as_unprivileged()
    import tempfile

    runtime = Path(tempfile.mkdtemp(prefix="ermu-cage-"))  # pytest's own folders are closed to nobody
    if prefix:
        os.chown(runtime, 65534, 65534)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(WLR_BACKENDS="headless", WLR_LIBINPUT_NO_DEVICES="1", WLR_RENDERER="pixman",
               XDG_RUNTIME_DIR=str(runtime))
    cage = subprocess.Popen([*prefix, "cage", "--", "sleep", "120"], env={**env, "HOME": str(runtime)},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        if not _wait(lambda: (runtime / "wayland-0").exists() or cage.poll() is not None, 30) or \
                cage.poll() is not None:
            output = cage.stdout.read() if cage.poll() is not None else ""
            pytest.skip(f"cage could not start its headless backend here: {output.strip()[-300:]}")
        shot = tmp_path / "cage.png"
        client = subprocess.run([sys.executable, "-c", CLIENT, str(shot)], capture_output=True, text=True,
                                timeout=120, env={**env, "QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"})
        assert client.returncode == 0, (client.stdout + client.stderr)[-2000:]
        assert "platform: wayland" in client.stdout
        assert shot.exists() and shot.stat().st_size > 10_000
    finally:
        import signal

        try:
            os.killpg(cage.pid, signal.SIGTERM)  # cage and its sleeping client together
        except ProcessLookupError:
            pass
        try:
            cage.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(cage.pid, signal.SIGKILL)
        shutil.rmtree(runtime, ignore_errors=True)
