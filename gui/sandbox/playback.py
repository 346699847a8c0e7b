"""Playback: where we are in a trace, and a timer that moves on. No widgets, no rules.

``position`` is the index of the last step shown (-1: nothing yet). The view listens to
``position_changed`` and draws the steps up to it.

Time is budgeted per incident, not per step: at the default speed a whole incident takes
about :data:`INCIDENT_MS` (a short one is not rushed, a long one does not drag), within
:data:`STEP_MS_RANGE` per step. The speed slider multiplies that pace.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

SPEEDS = (0.4, 0.65, 1.0, 1.8, 4.0)  # slow … fast, times the default pace
DEFAULT_SPEED = 2
INCIDENT_MS = 12_000  # a typical incident at the default speed: 10–15 s
STEP_MS_RANGE = (350, 1600)


def step_ms(step_count: int, speed: int = DEFAULT_SPEED) -> int:
    """How long each step shows when ``step_count`` steps play at ``speed``."""
    base = INCIDENT_MS / max(1, step_count)
    base = max(STEP_MS_RANGE[0], min(STEP_MS_RANGE[1], base))
    return max(30, int(base / SPEEDS[max(0, min(len(SPEEDS) - 1, speed))]))


class Playback(QObject):
    position_changed = Signal(int)
    playing_changed = Signal(bool)
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.steps: list = []
        self.position = -1
        self.speed = DEFAULT_SPEED
        self.timer = QTimer(self)
        self.timer.setInterval(step_ms(0))
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
        self.timer.setInterval(self.interval)
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

    @property
    def interval(self) -> int:
        return step_ms(len(self.steps), self.speed)

    @property
    def duration_ms(self) -> int:
        """How long the whole incident plays at the current speed."""
        return self.interval * len(self.steps)

    def set_speed(self, index: int) -> None:
        self.speed = max(0, min(len(SPEEDS) - 1, index))
        self.timer.setInterval(self.interval)

    def _tick(self) -> None:
        self.step_forward()
        if self.at_end:
            self.pause()


def play_key(event, playback: "Playback", forward) -> bool:
    """Space, Left, Right and Home drive ``playback`` — called from a ``keyPressEvent``, so only
    keys the focused control left unused arrive here. True when the key was taken."""
    actions = {Qt.Key.Key_Space: playback.toggle, Qt.Key.Key_Left: playback.step_back,
               Qt.Key.Key_Right: forward, Qt.Key.Key_Home: playback.restart}
    action = actions.get(event.key())
    if action is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return False
    action()
    event.accept()
    return True
