"""Walk Ermu with the real accessibility stack, as a screen reader (Orca) would meet it.

    dbus-run-session -- /usr/bin/python3 tools/atspi_walk.py --app .venv/bin/ermu [--json FILE]

Run with the *system* Python (Debian's python3-pyatspi); the app runs from the venv. Inside a
private D-Bus session the script starts Xvfb, the AT-SPI bus (at-spi-bus-launcher), openbox
and the app (QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, settings and library in a temporary folder),
then for each face, reached with its keyboard shortcut through xdotool:

- interactive controls that are showing and have no meaningful name ("unnamed");
- labels whose accessible name differs from their visible text ("hides-text"), where the
  label offers its text through the Text interface (Qt's plain labels expose only their name,
  so tests/gui/test_a11y_announce.py checks every QLabel at the Qt level as well);
- the hyperlinks a text exposes (the lesson's footnotes and glossary terms);

and, on the criticism session, presses 1 (the learner's first choice), and on the empire, I
(an incident), and records the announcements and text-changed events that follow. Prints a JSON report; asserts nothing
(tests/gui/test_a11y_atspi.py asserts on it). Needs: Xvfb, openbox, xdotool, at-spi2-core.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

FACES = (("home", "ctrl+1"), ("lessons", "ctrl+2"), ("sandbox", "ctrl+3"), ("compare", "ctrl+4"),
         ("criticism", "ctrl+5"), ("credit", "ctrl+6"), ("charts", "ctrl+7"), ("library", "ctrl+8"),
         ("years", "ctrl+9"), ("empire", "ctrl+shift+e"))
MEANINGLESS = {"", "(none)", "button", "qwidget"}  # and a name that only repeats the role
NODE_LIMIT = 6000


def start_x(size: str) -> tuple[subprocess.Popen, str]:
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read, 16)
        if not chunk:
            break
        number += chunk
    os.close(read)
    return xvfb, f":{number.decode().strip()}"


def pump(seconds: float) -> None:
    """Let AT-SPI events arrive (pyatspi delivers them from the GLib main loop)."""
    from gi.repository import GLib

    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.pending():
            context.iteration(False)
        time.sleep(0.02)


def find_app(pid: int, timeout: float = 30.0, process: subprocess.Popen | None = None):
    import pyatspi

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if process is not None and process.poll() is not None:
            return None
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid and app.childCount:
                    return app
            except Exception:  # an application going away while we look
                continue
        pump(0.2)
    return None


def _text_of(node) -> str:
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except (NotImplementedError, Exception):
        return ""


def walk(app) -> dict:
    """Everything showing: unnamed controls, labels hiding their text, links, live texts."""
    import pyatspi

    interactive = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
                   pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_ENTRY,
                   pyatspi.ROLE_SLIDER, pyatspi.ROLE_LIST, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE,
                   pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_PAGE_TAB}
    containers = {pyatspi.ROLE_LIST, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE,
                  pyatspi.ROLE_COMBO_BOX}
    report = {"unnamed": [], "hides_text": [], "unfocusable": [], "links": 0, "controls": 0, "labels": []}
    stack, seen = [app], 0
    while stack and seen < NODE_LIMIT:
        node = stack.pop()
        seen += 1
        try:
            states = node.getState()
            role = node.getRole()
            name = (node.name or "").strip()
        except Exception:
            continue
        if node is not app and not states.contains(pyatspi.STATE_SHOWING):
            continue
        enabled = states.contains(pyatspi.STATE_ENABLED) or states.contains(pyatspi.STATE_SENSITIVE)
        if role in interactive and enabled:
            report["controls"] += 1
            if not states.contains(pyatspi.STATE_FOCUSABLE) and role != pyatspi.ROLE_PAGE_TAB:
                report["unfocusable"].append(f"{node.getRoleName()} {name!r}")
            if name.lower() in MEANINGLESS or name.lower().startswith("(none)") or \
                    name.lower() == node.getRoleName().lower():
                report["unnamed"].append(f"{node.getRoleName()} {name!r} in {_path(node)}")
        if role == pyatspi.ROLE_LABEL:
            text = " ".join(_text_of(node).split())
            report["labels"].append(name)
            # a focusable read-only document (the lesson, the numbers) has a title for a name
            # and its text to read with the caret; a plain label must say what it shows
            if text and name and text not in " ".join(name.split()) and not states.contains(pyatspi.STATE_FOCUSABLE):
                report["hides_text"].append(f"shows {text[:50]!r} says {name[:50]!r}")
        if role in (pyatspi.ROLE_TEXT, pyatspi.ROLE_DOCUMENT_TEXT, pyatspi.ROLE_PARAGRAPH
                    if hasattr(pyatspi, "ROLE_PARAGRAPH") else pyatspi.ROLE_TEXT):
            try:
                report["links"] += node.queryHypertext().getNLinks()
            except (NotImplementedError, Exception):
                pass
        if role in containers:
            continue  # rows and cells are the container's business
        try:
            stack.extend(node.getChildAtIndex(i) for i in reversed(range(min(node.childCount, 400))))
        except Exception:
            continue
    return report


def _path(node) -> str:
    parts = []
    while node is not None and len(parts) < 4:
        try:
            parts.append(node.name or node.getRoleName())
            node = node.parent
        except Exception:
            break
    return " < ".join(parts[1:])


def key(display_env: dict, *keys: str) -> None:
    subprocess.run(["xdotool", "key", "--delay", "30", *keys], env=display_env, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True, help="the ermu executable (the venv's)")
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--json", help="write the report here as well")
    parser.add_argument("--faces", default=",".join(f for f, _ in FACES))
    args = parser.parse_args()
    for tool in ("Xvfb", "openbox", "xdotool"):
        if shutil.which(tool) is None:
            print(json.dumps({"skip": f"{tool} is not installed"}))
            return 0
    launcher = next((p for p in ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
                     if os.path.exists(p)), None)
    if launcher is None:
        print(json.dumps({"skip": "at-spi2-core is not installed"}))
        return 0
    started = time.monotonic()
    processes: list[subprocess.Popen] = []
    workdir = tempfile.mkdtemp(prefix="ermu-atspi-")
    report: dict = {"faces": {}, "heard": [], "text_changed": []}
    try:
        xvfb, display = start_x(args.size)
        processes.append(xvfb)
        env = dict(os.environ, DISPLAY=display)
        processes.append(subprocess.Popen([launcher, "--launch-immediately"], env=env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        processes.append(subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL))
        app_env = dict(env, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb",
                       QT_ACCESSIBILITY="1", ERMU_CONFIG_DIR=os.path.join(workdir, "config"),
                       ERMU_DATA_DIR=os.path.join(workdir, "data"), NO_AT_BRIDGE="0")
        app_process = subprocess.Popen([args.app, "--view", "home"], env=app_env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        processes.append(app_process)
        os.environ["DISPLAY"] = display
        import pyatspi

        heard, changed = report["heard"], report["text_changed"]

        def on_event(event) -> None:
            try:
                if event.host_application is None or event.host_application.get_process_id() != app_process.pid:
                    return
            except Exception:
                return
            if event.type.startswith("object:announcement"):
                heard.append(str(event.any_data))
            elif event.type.startswith("object:text-changed"):
                changed.append(str(event.any_data))

        pyatspi.Registry.registerEventListener(on_event, "object:announcement", "object:text-changed")
        app = find_app(app_process.pid, process=app_process)
        if app is None:
            if app_process.poll() is not None:
                said = app_process.stderr.read().decode(errors="replace") if app_process.stderr else ""
                if "platform plugin" in said:  # Qt's xcb libraries are missing: not Ermu's fault
                    report["skip"] = "Qt cannot open an X window here: " + said.strip().splitlines()[-1][:200]
                else:
                    report["error"] = "the app stopped: " + said.strip()[-500:]
            else:
                report["error"] = "the app never appeared on the accessibility bus"
            return _finish(report, args, started)
        report["startup_s"] = round(time.monotonic() - started, 2)
        subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(app_process.pid),
                        "windowactivate", "--sync"], env=env, timeout=15, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wanted = set(args.faces.split(","))
        for face, shortcut in FACES:
            if face not in wanted:
                continue
            key(env, shortcut)
            pump(1.2 if face in ("sandbox", "compare", "charts", "empire", "years", "library") else 0.6)
            report["faces"][face] = walk(app)
            if face == "criticism":  # the learner's first choice: the session's events must be heard
                before = len(heard)
                key(env, "1")
                pump(1.5)
                report["criticism_heard"] = heard[before:]
            if face == "empire":  # I plays an incident in the chosen county: each step must be heard
                end = time.monotonic() + 8
                while time.monotonic() < end and not any(h.startswith("The empire under") for h in heard):
                    pump(0.2)  # the empire is built in the background first
                before = len(heard)
                key(env, "i")
                pump(3.5)
                report["incident_heard"] = heard[before:]
        report["elapsed_s"] = round(time.monotonic() - started, 2)
        return _finish(report, args, started)
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(workdir, ignore_errors=True)


def _finish(report: dict, args, started: float) -> int:
    for face in report.get("faces", {}).values():
        face["live"] = [n for n in face["labels"] if any(c.isdigit() for c in n)][:40]
        face["labels"] = len(face["labels"])
    report["text_changed"] = len(report.get("text_changed", []))
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            handle.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
