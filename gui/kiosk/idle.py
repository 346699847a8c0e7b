"""Idle: after the profile's idle time without a touch or key, "Still there?" with a countdown.

:class:`IdleClock` restarts on every input the lockdown filter reports; when it runs out it
emits ``idle``. :class:`StillThere` is the overlay: a visible countdown, two big buttons
(keep going, start again), announced assertively to screen readers; at zero it emits
``expired`` and the shell resets everything a visitor made.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ermu.models.i18n import _, ngettext

from ..announce import announce


class IdleClock(QObject):
    idle = Signal()

    def __init__(self, seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(seconds * 1000))
        self.timer.timeout.connect(self.idle)
        self.paused = False

    def touched(self) -> None:
        if not self.paused:
            self.timer.start()

    def pause(self) -> None:
        self.paused = True
        self.timer.stop()

    def resume(self) -> None:
        self.paused = False
        self.timer.start()


class StillThere(QWidget):
    keep_going = Signal()
    start_again = Signal()
    expired = Signal()

    def __init__(self, seconds: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.seconds = seconds
        self.left = seconds
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._tick)
        card = QFrame()
        card.setObjectName("kioskCard")
        card.setMaximumWidth(760)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(40, 32, 40, 32)
        inner.setSpacing(18)
        self.question = QLabel()
        self.question.setObjectName("kioskTitle")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explain = QLabel()
        self.explain.setObjectName("kioskExplain")
        self.explain.setWordWrap(True)
        self.explain.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count = QLabel()
        self.count.setObjectName("kioskCountdown")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        self.keep = QPushButton()
        self.keep.setObjectName("kioskBig")
        self.again = QPushButton()
        self.again.setObjectName("kioskBig")
        buttons.addWidget(self.keep)
        buttons.addWidget(self.again)
        for w in (self.question, self.explain, self.count):
            inner.addWidget(w)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.keep.clicked.connect(self._keep)
        self.again.clicked.connect(self._again)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.question.setText(_("Still there?"))
        self.explain.setText(_("Nobody has touched the screen for a while. Everything will start again for "
                               "the next visitor when the count reaches zero."))
        self.keep.setText(_("I'm still here"))
        self.again.setText(_("Start again"))
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(str(self.left))
        self.count.setAccessibleName(ngettext("{n} second left", "{n} seconds left", self.left).format(n=self.left))

    def begin(self) -> None:
        self.left = self.seconds
        self._show_count()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.keep.setFocus()
        self.tick.start()
        announce(self, _("Still there? Touch the screen to keep going; everything starts again in {n} "
                         "seconds.").format(n=self.left), assertive=True)

    def stop(self) -> None:
        self.tick.stop()
        self.hide()

    def _tick(self) -> None:
        self.left -= 1
        self._show_count()
        if self.left in (10, 5):
            announce(self, self.count.accessibleName(), assertive=True)
        if self.left <= 0:
            self.stop()
            self.expired.emit()

    def _keep(self) -> None:
        self.stop()
        self.keep_going.emit()

    def _again(self) -> None:
        self.stop()
        self.start_again.emit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)


__all__ = ["IdleClock", "StillThere"]
