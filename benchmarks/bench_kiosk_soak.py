"""Kiosk soak: scripted visitors, one after another, and the resident memory as they come and go.

Each cycle is one visitor: touch the attract loop, choose a station (in turn), use it as a
visitor would (regroup the village and make a household offend, step a criticism session,
play a month of credit, answer a quiz question and turn the page, open a survey, pick a
house in Compare), switch the language now and then, go idle, let the countdown run out,
and the kiosk resets everything. Prints RSS at the start and every ``--every`` cycles, and
the growth (the goal: at most 20 MB over 10,000 cycles). Offscreen; nothing is asserted.

    python benchmarks/bench_kiosk_soak.py [--cycles 10000] [--every 1000]

Measured from *ready*: the kiosk's rehearsal (``KioskWindow.rehearse``) first paints every
station and chart in each offered language, so the first visitor pays for nothing. 2 Dec 2026,
default profile, loaded 2-core machine (docs/kiosk.md has the table): before (faces built,
nothing painted) 168.0 MB ready, 297.3 MB at 100 visitors (+129.3), 304.6 MB at 400; after
(painted in three languages, linecache cleared and malloc_trim at every reset) 266.2 MB ready,
270.3 MB at 100 (+4.1), 275.7 at 200, 277.3 at 300, 273.9 at 400, 276.0 at 500,
281.9 at 800, 279.6 at 1,000 (+13.4 from ready, +9.3 after visitor 100).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=10_000)
    parser.add_argument("--every", type=int, default=1_000)
    parser.add_argument("--stations", help="only these stations, comma-separated (to find a leak)")
    parser.add_argument("--cold", action="store_true",
                        help="measure from a cold start (no rehearsal): the first cycles then build every face")
    args = parser.parse_args(argv)
    home = tempfile.mkdtemp(prefix="ermu-soak-")
    os.environ["ERMU_DATA_DIR"] = os.path.join(home, "data")
    os.environ["ERMU_CONFIG_DIR"] = os.path.join(home, "config")

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ermu.gui.kiosk.shell import KioskWindow
    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState
    from ermu.gui.style import apply_style
    from ermu.models.kiosk.heartbeat import rss_bytes
    from ermu.models.kiosk.profile import load_profile
    from ermu.models.kiosk.visits import VisitLog

    apply_style(app)
    profile = load_profile()
    state = AppState(Settings(None), mode="kiosk")
    window = KioskWindow(state, profile, visits=VisitLog(os.path.join(home, "visits.sqlite3")))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.still_there.tick.setInterval(0)
    from ermu.models.kiosk.memory import release

    release()
    print(f"shown      RSS {rss_bytes() / 2**20:8.1f} MB", flush=True)
    if not args.cold:
        t0 = time.perf_counter()
        window.rehearse()  # as the kiosk does after its first paint: every station painted in each language
        app.processEvents()
        print(f"rehearsal  {time.perf_counter() - t0:.1f} s", flush=True)

    from PySide6.QtCore import QCoreApplication, QEvent

    def settle() -> None:
        """What the event loop does between touches: events, then the objects deleted later."""
        for _ in range(3):
            app.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def use(station_id: str, n: int) -> None:
        face = window.open_station(station_id).face
        if station_id == "village":
            window.stations["village"].choose_regime(("sui", "song-baojia", "ming-lijia", "qing-baojia")[n % 4])
            settle()
            face.player._clicked(n % 50)
            face.player.playback.step_forward() if hasattr(face.player.playback, "step_forward") else None
        elif station_id == "compare":
            face.select(n % 50)
        elif station_id == "criticism":
            for _ in range(3):
                doc = face.document
                turn = doc.learner_turn
                if turn is not None:
                    from ermu.gui.criticism.choices import ChoicePanel

                    enabled = [b for b in face.findChildren(ChoicePanel)[0].buttons.values() if b.isEnabled()]
                    if enabled:
                        enabled[0].click()
                        continue
                face.step_button.click()
        elif station_id == "credit":
            face.play.quiet_button.click() if hasattr(face, "play") else None
        elif station_id == "timeline":
            face.step(+1)
            card = face.quiz.cards[0] if face.quiz.cards else None
            if card is not None and hasattr(card, "choose"):
                card.choose(0)
                card.check()
        elif station_id == "surveys":
            ids = face.chart_ids()
            face.show_chart(ids[n % len(ids)])
        settle()

    stations = args.stations.split(",") if args.stations else list(profile.stations)
    languages = list(profile.languages)
    gc.collect()
    start = warm = rss_bytes()
    began = time.perf_counter()
    print(f"cycle      0  RSS {start / 2**20:8.1f} MB  (ready for the first visitor)", flush=True)
    for n in range(1, args.cycles + 1):
        window.leave_attract()
        if n % 7 == 0 and not os.environ.get("SOAK_NO_LANG"):
            window.choose_language(languages[n % len(languages)])
        use(stations[n % len(stations)], n)
        window._went_idle()  # the idle time has passed
        while window.still_there.isVisible():  # the countdown runs out
            window.still_there._tick()
        settle()
        if n % args.every == 0:
            gc.collect()
            rss = rss_bytes()
            if n == args.every:
                warm = rss  # every face made, matplotlib and the charts loaded: a one-off, not per visitor
            per = (time.perf_counter() - began) / n * 1000
            print(f"cycle {n:6d}  RSS {rss / 2**20:8.1f} MB  growth {(rss - start) / 2**20:+7.1f} MB  "
                  f"({per:.0f} ms a cycle)", flush=True)
    gc.collect()
    end = rss_bytes()
    print(f"{args.cycles} cycles in {time.perf_counter() - began:.0f} s; growth {(end - start) / 2**20:+.1f} MB "
          f"from the start, {(end - warm) / 2**20:+.1f} MB after cycle {args.every} (goal: at most 20 MB)")
    window.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
