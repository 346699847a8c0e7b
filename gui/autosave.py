"""Autosave: the sandbox's work is written to a file every few seconds when it changed.

The state of the sandbox is taken on the GUI thread (a cheap snapshot of immutable
objects) and serialised and written on a pool thread. At start-up, after the first paint,
the autosave file is looked for off the GUI thread and, when there is unsaved work, the
shell offers to restore it. The kiosk never autosaves and never offers.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)
#: How often the working sandbox is written to the autosave file when it has changed.
AUTOSAVE_SECONDS = 5
#: After a failed write (a read-only data folder, a full disk), how long until the next try.
RETRY_SECONDS = 60


class Autosaver(QObject):
    offer = Signal(object)  # a Scenario left unsaved by the last session

    def __init__(self, state, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._runner = None  # made (gui/ops.py imported) with the first write or look, after the first paint
        self._saved_key: object = None
        self._pending = None
        self.failing = False  # the last write failed: said once, retried slowly
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_SECONDS * 1000)
        self.timer.timeout.connect(self.save_now)
        if not state.kiosk:
            self.timer.start()

    @property
    def runner(self):
        if self._runner is None:
            from .ops import Runner

            self._runner = Runner(QThreadPool.globalInstance(), self)
        return self._runner

    def save_now(self) -> None:
        """Write the sandbox to the autosave file if it changed since the last write."""
        if self.state.kiosk or not self.state.has_sandbox:
            return
        document = self.state.sandbox
        if document.busy:
            return
        key = document.snapshot_key()
        if key == self._saved_key:
            return
        self._saved_key = key
        try:
            scenario = document.scenario("Unsaved sandbox work")
        except Exception:  # noqa: BLE001 — autosave must never disturb the user
            log.exception("could not take the sandbox's state for autosave")
            return

        def write() -> None:
            from ermu.models.storage import autosave

            autosave(scenario)

        self.runner.run(write, lambda _none: self._wrote(), lambda text: self._failed(text, key), label="autosave")

    def _wrote(self) -> None:
        if self.failing:
            self.failing = False
            self.timer.setInterval(AUTOSAVE_SECONDS * 1000)
            self.state.say("Autosave works again.")

    def _failed(self, text: str, key: object) -> None:
        """Say once why autosave cannot write (one sentence), then retry now and then, quietly."""
        log.warning("autosave failed: %s", text)
        if self._saved_key == key:
            self._saved_key = None  # not written: try again later
        if not self.failing:
            self.failing = True
            self.timer.setInterval(RETRY_SECONDS * 1000)
            self.state.say(f"Autosave is paused: {text.rstrip('.')}. Save your work to the library to keep it.")

    def look_for_unsaved(self) -> None:
        def read():
            from ermu.models.storage import pending_autosave

            return pending_autosave()

        def found(scenario) -> None:
            if scenario is not None:
                self._pending = scenario
                self.offer.emit(scenario)

        self.runner.run(read, found, lambda text: log.warning("could not read the autosave: %s", text),
                        label="look for unsaved work")

    def take_pending(self):
        scenario, self._pending = self._pending, None
        return scenario

    def discard(self) -> None:
        from ermu.models.storage import clear_autosave

        self._pending = None
        if not clear_autosave():  # a read-only data folder: it is only offered again next time
            self.state.say("The unsaved work from last time could not be removed: its folder is read-only.")

    def stop(self) -> None:
        self.timer.stop()
        if self._runner is not None:
            self._runner.wait(10_000)


__all__ = ["AUTOSAVE_SECONDS", "RETRY_SECONDS", "Autosaver"]
