"""Starting the kiosk: ``ermu --kiosk [--profile FILE] [--supervise]`` and ``ermu-kiosk``.

The profile is validated before any window exists: a bad profile prints one line per
problem and exits 2. ``--supervise`` (and ``ermu-kiosk``, which always supervises) runs the
kiosk in a child process and starts it again after a crash, with back-off, but not after a
staff exit. ``--screenshot FILE`` renders the start screen, ``--view attract`` the attract
loop, ``--view STATION`` a station, at ``--size``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Sequence

log = logging.getLogger("ermu.kiosk")
LOG_BYTES = 1_000_000
LOG_FILES = 5


def setup_logging() -> None:
    """Rotating logs in the data folder (five files of a megabyte: weeks unattended never fill a disk)."""
    from logging.handlers import RotatingFileHandler

    from ermu.models.paths import data_dir

    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return
    try:
        handler: logging.Handler = RotatingFileHandler(data_dir() / "ermu-kiosk.log", maxBytes=LOG_BYTES,
                                                       backupCount=LOG_FILES, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def load(profile_path: str | None):
    """The profile, or ``None`` after printing one line per problem (the caller exits 2)."""
    from ermu.models.kiosk.profile import ProfileError, load_profile

    try:
        profile = load_profile(profile_path)
    except ProfileError as exc:
        problems = exc.lines()
    else:
        problems = chart_problems(profile)
        if not problems:
            return profile
    for line in problems:
        print(f"ermu: error: {' '.join(line.split())}", file=sys.stderr)
    return None


def chart_problems(profile) -> list[str]:
    """The surveys station's chart, checked against the charts the GUI has (the models do not know them)."""
    preset = profile.presets.get("surveys")
    wanted = preset.options.get("chart") if preset is not None else None
    if wanted is None:
        return []
    from ermu.models.i18n import _

    from ..charts.chart_specs import CHARTS

    if any(wanted in (c.id, c.group) for c in CHARTS):
        return []
    return [_("{where}: [surveys].chart {value!r} is not a chart; use {allowed}.").format(
        where=profile.source, value=wanted, allowed=", ".join(c.id for c in CHARTS))]


def child_command(argv: Sequence[str]) -> list[str]:
    """The command the supervisor runs: this Python, ``ermu --kiosk`` with the same options."""
    rest = [a for a in argv if a != "--supervise"]
    if "--kiosk" not in rest:
        rest.insert(0, "--kiosk")
    return [sys.executable, "-m", "ermu.gui.app", *rest]


def supervise(argv: Sequence[str]) -> int:
    from ermu.models.kiosk.supervisor import supervise as run

    setup_logging()
    return run(child_command(argv))


def run_kiosk(args, app, profile) -> int:
    """Build and run the kiosk window (the caller made the QApplication and the style)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ..settings import Settings
    from ..state import AppState
    from .shell import KioskWindow

    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    state = AppState(Settings(None), mode="kiosk", database_url=args.database_url)
    visits = heartbeat_path = None
    if not args.screenshot:
        from ermu.models.kiosk import heartbeat, visits as visit_log

        setup_logging()
        visits = visit_log.VisitLog()
        heartbeat_path = heartbeat.default_path()
    window = KioskWindow(state, profile, visits=visits, heartbeat_path=heartbeat_path)
    if getattr(args, "lang", None):  # start in this language; going idle returns to the profile's default
        window.choose_language(args.lang)
    view = args.view
    if view not in ("home", "start"):
        if view == "attract":
            window.show_attract()
            for _ in range(5):  # a few steps into the incident, as a passer-by would see it
                window.attract.advance()
        elif view in window.stations:
            window.open_station(view)
        else:
            print(f"ermu: error: the kiosk has no view {view!r}: use start, attract or one of "
                  f"{', '.join(window.stations)}", file=sys.stderr)
            return 2
    if args.screenshot:
        window.resize(*(args.size or (1280, 800)))
        window.show()
        for _ in range(4):
            app.processEvents()
        window.repaint()
        app.processEvents()
        ok = window.grab().save(str(args.screenshot))
        window.dispose()
        if not ok:
            print(f"ermu: error: could not write {args.screenshot}", file=sys.stderr)
            return 2
        return 0
    if profile.hide_cursor:
        app.setOverrideCursor(Qt.CursorShape.BlankCursor)
    window.staff_exit.connect(lambda: app.exit(0))
    window.write_heartbeat()
    window.showFullScreen()
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, window.rehearse)  # after the first paint: every station built once, then reset
    log.info("kiosk started with %s (%d stations)", profile.source, len(profile.stations))
    return app.exec()


def main(argv: Sequence[str] | None = None) -> int:
    """``ermu-kiosk [--profile FILE] …``: the kiosk under its supervisor."""
    argv = list(sys.argv[1:] if argv is None else argv)
    from ..app import make_parser

    args = make_parser().parse_args(["--kiosk", *argv])
    if load(args.profile) is None:
        return 2
    return supervise(argv)


__all__ = ["child_command", "load", "main", "run_kiosk", "setup_logging", "supervise"]
