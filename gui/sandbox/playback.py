"""Playback: where we are in a trace, and a timer that moves on. No widgets, no rules.

``position`` is the index of the last step shown (-1: nothing yet). The view listens to
``position_changed`` and draws the steps up to it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

SPEEDS_MS = (1600, 1000, 600, 300, 120)  # slow … fast


class Playback(QObject):
    position_changed = Signal(int)
    playing_changed = Signal(bool)
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.steps: list = []
        self.position = -1
        self.timer = QTimer(self)
        self.timer.setInterval(SPEEDS_MS[2])
        self.timer.timeout.connect(self._tick)

    @property
    def playing(self) -> bool:
        return self.timer.isActive()

    @property
    def at_end(self) -> bool:
        return self.position >= len(self.steps) - 1

    def load(self, steps: list) -> None:
        self.pause()
        self.steps = list(steps)
        self.position = -1
        self.position_changed.emit(self.position)

    def go_to(self, position: int) -> None:
        position = max(-1, min(len(self.steps) - 1, position))
        if position != self.position:
            self.position = position
            self.position_changed.emit(position)
            if self.at_end and self.steps:
                self.finished.emit()

    def step_forward(self) -> None:
        self.go_to(self.position + 1)

    def step_back(self) -> None:
        self.pause()
        self.go_to(self.position - 1)

    def restart(self) -> None:
        self.pause()
        self.go_to(-1)

    def play(self) -> None:
        if not self.steps:
            return
        if self.at_end:
            self.go_to(-1)
        if not self.timer.isActive():
            self.timer.start()
            self.playing_changed.emit(True)

    def pause(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.playing_changed.emit(False)

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def set_speed(self, index: int) -> None:
        self.timer.setInterval(SPEEDS_MS[max(0, min(len(SPEEDS_MS) - 1, index))])

    def _tick(self) -> None:
        self.step_forward()
        if self.at_end:
            self.pause()
