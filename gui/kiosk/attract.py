"""The attract loop: one incident playing across the regimes, and "Touch to begin" in each language.

Shown after a reset when the profile asks for it. The same theft in the same village is
played under each regime in turn (the engine's own trace, step by step), while the call
to touch the screen cycles through the offered languages. Any touch leaves it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ermu.models.i18n import _, ngettext

#: The call to touch, each written in its own language (shown whatever the current language is).
CALLS = {"en": "Touch the screen to begin", "zh-Hans": "触摸屏幕，开始参观", "zh-Hant": "觸摸螢幕，開始參觀"}
REGIMES = ("sui", "song-baojia", "ming-lijia", "qing-baojia")
STEP_MS = 1800
CALL_MS = 4000
SHOWN_STEPS = 6


class Attract(QWidget):
    touched = Signal()

    def __init__(self, languages: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskAttract")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.languages = languages
        self.plays: list[tuple[str, list[str], str]] = []
        self.regime_index = self.step_index = self.call_index = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 60, 80, 60)
        self.brand = QLabel("耳目 Ermu")
        self.brand.setObjectName("kioskTitle")
        self.regime = QLabel()
        self.regime.setObjectName("kioskStationTitle")
        self.lines = QLabel()
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.PlainText)
        self.lines.setObjectName("kioskAttractLines")
        self.lines.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.call = QLabel()
        self.call.setObjectName("kioskCall")
        self.call.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.brand)
        layout.addWidget(self.regime)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.call)
        self.step_timer = QTimer(self)
        self.step_timer.setInterval(STEP_MS)
        self.step_timer.timeout.connect(self.advance)
        self.call_timer = QTimer(self)
        self.call_timer.setInterval(CALL_MS)
        self.call_timer.timeout.connect(self.next_call)

    def _plays(self) -> list[tuple[str, list[str], str]]:
        if not self.plays:
            from ermu.models.incident_setup import play_preset
            from ermu.models.presets import Preset
            from ermu.models.regimes import get_regime

            for regime_id in REGIMES:
                result = play_preset(Preset.parse({"view": "sandbox", "regime": regime_id, "households": 60,
                                                   "seed": 7, "incident": {"offender": 12}}, "the attract loop"))
                steps = [str(step.narration) for step in result.trace][:SHOWN_STEPS]
                n = len(result.outcome.liable)
                end = ngettext("{n} household is punished.", "{n} households are punished.", n).format(n=n)
                self.plays.append((_(get_regime(regime_id).title), steps, end))
        return self.plays

    def start(self) -> None:
        self._plays()
        self.regime_index = self.step_index = self.call_index = 0
        self.advance()
        self.next_call()
        self.step_timer.start()
        self.call_timer.start()

    def stop(self) -> None:
        self.step_timer.stop()
        self.call_timer.stop()

    @property
    def running(self) -> bool:
        return self.step_timer.isActive()

    def advance(self) -> None:
        title, steps, end = self._plays()[self.regime_index]
        self.regime.setText(_("The same theft under the {regime}").format(regime=title))
        shown = steps[: self.step_index + 1]
        if self.step_index >= len(steps):
            shown = steps + [end]
        self.lines.setText("\n".join(shown))
        self.step_index += 1
        if self.step_index > len(steps) + 1:
            self.step_index = 0
            self.regime_index = (self.regime_index + 1) % len(self.plays)

    def next_call(self) -> None:
        code = self.languages[self.call_index % len(self.languages)]
        self.call.setText(CALLS.get(code, CALLS["en"]))
        self.call_index += 1

    def retranslate(self) -> None:
        self.plays = []

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.touched.emit()

    def event(self, event) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.KeyPress):
            self.touched.emit()
            return True
        return super().event(event)


__all__ = ["Attract", "CALLS"]
