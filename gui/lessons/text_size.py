"""TextSizer: larger or smaller lesson text (Ctrl++ / Ctrl+- / Ctrl+0), remembered."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from ..style import at_least, text_floor
from .progress import Progress

MIN_STEP, MAX_STEP = -2, 8
STEP_FACTOR = 0.125


class TextSizer(QObject):
    def __init__(self, progress: Progress, widgets: tuple[QWidget, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.progress = progress
        self.widgets = widgets
        # the desktop's font, or the kiosk's 16 pt: A+ makes it larger from there, A- stops at it
        self.base = max(QApplication.font().pointSizeF() or 10.5, text_floor() / 1.1)
        self.step = max(MIN_STEP, min(MAX_STEP, progress.text_step()))

    def point_size(self) -> float:
        return round(at_least(self.base * (1 + STEP_FACTOR * self.step) * 1.1), 1)  # the kiosk's floor

    def change(self, delta: int) -> None:
        self.set_step(self.step + delta)

    def set_step(self, step: int) -> None:
        self.step = max(MIN_STEP, min(MAX_STEP, step))
        self.progress.set_text_step(self.step)
        self.apply()

    def apply(self) -> None:
        for widget in self.widgets:
            if hasattr(widget, "set_point_size"):  # styled panels: fonts do not propagate there
                widget.set_point_size(self.point_size())
            else:
                font = widget.font()
                font.setPointSizeF(self.point_size())
                widget.setFont(font)
