"""Start Ermu: ``ermu`` opens the main window; ``ermu --screenshot FILE`` renders it and exits.

``ermu --screenshot FILE --view builder|player|compare|lesson:ID|criticism|credit|charts|library``
renders one view offscreen at 1280x800 (or ``--size WxH``) so documentation pictures and
checks can be regenerated from the command line.

``ermu --lang zh-Hans|zh-Hant|en`` chooses the language (the desktop remembers the last choice;
the first start follows the OS locale when Ermu has it).

``ermu --open ID`` opens a library example (``3`` or ``builtin:qing-baojia``) on the page of
its kind, as the Library's Open does, so a teacher can start straight into an example from
a shortcut; ``--view builder|player`` chooses the sandbox's tab, and it combines with
``--screenshot``.

``--step N`` shows the player's (or Compare's) incident after N steps; ``--record FILE`` plays
the player's incident and writes it as an animation (``gui/recording.py``).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import Sequence

log = logging.getLogger("ermu")
_START = time.perf_counter()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        print(f"ermu: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800, not {text!r}") from None
    if not (320 <= w <= 7680 and 240 <= h <= 4320):
        raise argparse.ArgumentTypeError("size must be between 320x240 and 7680x4320")
    return w, h


def _language(text: str) -> str:
    from ermu.models.language import LanguageError, normalise

    try:
        return normalise(text)
    except LanguageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def first_language(args_lang: str | None, saved: str) -> str:
    """--lang, else the desktop's remembered choice, else the OS locale when Ermu has it, else English."""
    from ermu.models.language import from_locale, system_language

    return args_lang or from_locale(saved) or system_language() or "en"


def make_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="ermu", description="Ermu (耳目): mutual surveillance in China, from 589 to today.")
    p.add_argument("--screenshot", metavar="FILE", help="render the window to a PNG file and exit")
    p.add_argument("--view", default="home",
                   help="the view to open: home, lessons, lesson:ID, builder, player, compare, "
                        "criticism, credit, charts, library, years, empire; with --kiosk: start, attract "
                        "or a station (village, compare, criticism, credit, timeline, surveys)")
    p.add_argument("--regime", help="the regime to open in the sandbox (e.g. qing-baojia)")
    p.add_argument("--regimes", help="Compare: two to four regime ids separated by commas")
    p.add_argument("--households", type=int, help="households in the sample village")
    p.add_argument("--seed", type=int, help="the village seed")
    p.add_argument("--zoom", help="the empire: empire, county, a level of the regime (li, jia, ...) or household")
    p.add_argument("--counties", type=int, help="the empire: 887 or 1159 counties")
    p.add_argument("--size", type=_size, default=None,
                   help="window size, e.g. 1280x800 (default: fit the screen; 1280x800 for --screenshot)")
    p.add_argument("--database-url", help="the library database (default: SQLite in the user data folder)")
    p.add_argument("--kiosk", action="store_true", help="run full screen as an unattended museum kiosk")
    p.add_argument("--step", type=int, metavar="N",
                   help="player or compare: show the incident after N steps (0: before the first)")
    p.add_argument("--record", metavar="FILE",
                   help="record the player's incident playing to an animated FILE (.gif, .webp or .png) and exit")
    p.add_argument("--lang", type=_language, metavar="LANG",
                   help="en, zh-Hans or zh-Hant (default: the last choice, else the system's language, else en)")
    p.add_argument("--profile", metavar="FILE", help="the kiosk: its profile TOML (default: the built-in one)")
    p.add_argument("--supervise", action="store_true",
                   help="the kiosk: run it under a supervisor that restarts it after a crash")
    p.add_argument("--open", metavar="ID", dest="open_id",
                   help="open a library example by its id (e.g. 3 or builtin:qing-baojia) on the page of its kind")
    return p


def _setup_logging() -> None:
    from ermu.models.paths import data_dir

    try:
        handler: logging.Handler = logging.FileHandler(data_dir() / "ermu.log", encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)


def _install_excepthook(window_getter) -> None:
    """Unexpected errors are logged; the user sees one sentence; the app goes on."""

    def hook(exc_type, exc, tb):
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        window = window_getter()
        if window is not None:
            from ermu.models.i18n import _

            try:
                window.show_status(_("Something went wrong and was written to the log; your work is kept."))
            except RuntimeError:  # the window is already gone (the app is closing)
                pass

    sys.excepthook = hook


def _open_view(window, args: argparse.Namespace) -> None:
    """Show the page ``--view`` names, with the village options as a preset where they apply."""
    view = args.view
    if view.startswith("lesson:"):
        window.show_page("lessons").open_lesson(view.split(":", 1)[1])
        return
    from .pages import page

    aliases = {"builder": ("sandbox", "builder"), "player": ("sandbox", "player")}
    page_id, tab = aliases.get(view, (view, None))
    face = window.show_page(page_id)
    options = {k: v for k, v in (("regime", args.regime), ("households", args.households),
                                 ("seed", args.seed)) if v is not None}
    if args.regimes:
        options["regimes"] = [r.strip() for r in args.regimes.split(",") if r.strip()]
    for name in ("zoom", "counties"):  # the empire's own options
        if getattr(args, name) is not None:
            if page_id != "empire":
                raise ValueError(f"only the empire view takes --{name}")
            options[name] = getattr(args, name)
    if options:
        from ermu.models.presets import Preset

        if not page(page_id).presets:
            raise ValueError(f"the {page_id} view takes no --regime, --regimes, --households or --seed")
        face.open_preset(Preset.parse({"view": page_id, **options}, "the command line"))
    if tab:
        face.show_tab(tab)


#: The views that go with --open: the page is the example's own; these choose the sandbox's tab.
OPEN_VIEWS = ("home", "sandbox", "builder", "player")


def _open_example(window, state, args: argparse.Namespace, failures: list[str]) -> None:
    """Open a library example by id (in the background), then the tab ``--view`` names."""
    if args.view not in OPEN_VIEWS:
        raise ValueError(f"--open goes with --view builder or --view player (the example opens on the page of "
                         f"its kind), not with --view {args.view}")
    scenario_id = args.open_id.strip()

    def get(library):
        return library.get(int(scenario_id) if scenario_id.isdigit() else scenario_id)

    def opened(scenario) -> None:
        state.request("open_scenario", scenario)
        if args.view in ("builder", "player"):
            if scenario.kind != "sandbox":
                from ermu.models.i18n import _

                state.say(_("“{title}” is a {kind} example: it has no {tab} tab.").format(
                    title=scenario.title, kind=scenario.kind, tab=args.view))
                return
            window.show_page("sandbox").show_tab(args.view)

    def failed(text: str) -> None:
        failures.append(text)
        state.say(text)

    state.library.run(get, opened, failed, label="open an example")


def _settle(app, state) -> None:
    """Let background work (opening the library, listing it) finish before a screenshot."""
    from PySide6.QtCore import QThreadPool

    for _ in range(6):
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(30_000)
        if state.has_library:
            state.library.wait(30_000)
    app.processEvents()


def _go_to_step(window, args: argparse.Namespace) -> None:
    """``--step N``: the player or Compare after N steps of its incident."""
    if args.view == "player":
        window.show_page("sandbox").player.playback.go_to(args.step - 1)
    elif args.view == "compare":
        window.show_page("compare").go_to(args.step - 1)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = make_parser().parse_args(argv)
    if args.step is not None and (args.step < 0 or args.view not in ("player", "compare")):
        print("ermu: error: --step takes a number of steps (0 or more) with --view player or --view compare",
              file=sys.stderr)
        return 2
    if args.record:
        from .recording import check_target

        problem = check_target(args.record, args.view)
        if problem:
            print(f"ermu: error: {problem}", file=sys.stderr)
            return 2
        args.screenshot = None
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if (args.profile or args.supervise) and not args.kiosk:
        print("ermu: error: --profile and --supervise go with --kiosk", file=sys.stderr)
        return 2
    if args.kiosk and args.supervise:
        from .kiosk.launch import supervise

        return supervise(argv)
    profile = None
    if args.kiosk:  # a kiosk never starts half configured: the profile is checked before Qt starts
        from .kiosk.launch import load

        profile = load(args.profile)
        if profile is None:
            return 2
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        target = Path(args.screenshot)
        if not target.parent.exists():
            print(f"ermu: error: the folder {target.parent} does not exist", file=sys.stderr)
            return 2
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow
    from .ops import shutdown
    from .settings import Settings
    from .state import AppState
    from .style import apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Ermu")
    app.setOrganizationName("Ermu")
    _setup_logging()
    apply_style(app)
    from ermu.models.paths import config_dir

    if args.kiosk:  # the kiosk is a shell of its own (gui/kiosk/)
        from .kiosk.launch import run_kiosk

        return run_kiosk(args, app, profile)
    offscreen = args.screenshot or args.record  # pictures use default settings and leave the user's alone
    store = None if offscreen else QSettings(str(config_dir() / "settings.ini"), QSettings.Format.IniFormat)
    settings = Settings(store)
    state = AppState(settings, mode="desktop", database_url=args.database_url)
    language = first_language(args.lang, settings.language)
    if language != state.language:
        state.set_language(language)
    window = MainWindow(state)
    _install_excepthook(lambda: window)
    failures: list[str] = []
    try:
        if args.open_id:
            _open_example(window, state, args, failures)
        else:
            _open_view(window, args)
    except (ValueError, KeyError) as exc:
        print(f"ermu: error: {str(exc).strip(chr(34)).strip(chr(39))}", file=sys.stderr)
        shutdown()
        return 2
    if args.size or args.screenshot or args.record:  # otherwise the window fits the screen, or comes back as left
        window.resize(*(args.size or (1280, 800)))
    if args.record:
        from .recording import record

        window.show()
        _settle(app, state)
        problem = record(window, args.record)
        window.close()
        shutdown()
        if problem:
            print(f"ermu: error: {problem}", file=sys.stderr)
            return 2
        return 0
    if args.screenshot:
        state.settings.reduced_motion = True  # a still picture: the camera is where the step puts it
        window.show()
        _settle(app, state)
        if failures:
            print(f"ermu: error: {failures[0]}", file=sys.stderr)
            shutdown()
            return 2
        if args.step is not None:
            _go_to_step(window, args)
            app.processEvents()
        window.repaint()
        app.processEvents()
        saved = window.grab().save(str(args.screenshot))
        window.close()
        shutdown()
        if not saved:
            print(f"ermu: error: could not write {args.screenshot}", file=sys.stderr)
            return 2
        return 0
    if args.step is not None:
        QTimer.singleShot(0, lambda: _go_to_step(window, args))
    QTimer.singleShot(0, window.offer_restore)  # after the first paint, never before it
    if args.kiosk:
        window.showFullScreen()
    else:
        window.show()
    QTimer.singleShot(0, lambda: log.info("first window painted after %.3f s", time.perf_counter() - _START))
    app.aboutToQuit.connect(shutdown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
