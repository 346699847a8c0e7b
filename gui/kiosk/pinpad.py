"""The staff exit: a five-second press in the top-left corner opens a PIN pad with big keys.

The right PIN emits ``unlocked`` (the shell exits with status 0); each wrong one is
refused with a sentence; after three wrong PINs the pad locks for a minute. Without a PIN
hash in the profile the pad says so and opens nothing.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ermu.models.i18n import _
from ermu.models.kiosk.pin import verify_pin

from ..announce import announce

HOLD_SECONDS = 5
TRIES = 3
LOCK_SECONDS = 60


class PinPad(QWidget):
    unlocked = Signal()
    closed = Signal()

    def __init__(self, pin_hash: str, parent: QWidget, *, clock=time.monotonic) -> None:
        super().__init__(parent)
        self.setObjectName("kioskOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.pin_hash = pin_hash
        self.clock = clock
        self.entered = ""
        self.wrong = 0
        self.locked_until = 0.0
        card = QFrame()
        card.setObjectName("kioskCard")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 24, 32, 24)
        self.heading = QLabel()
        self.heading.setObjectName("kioskStationTitle")
        self.dots = QLabel()
        self.dots.setObjectName("kioskTitle")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setWordWrap(True)
        inner.addWidget(self.heading)
        inner.addWidget(self.dots)
        inner.addWidget(self.message)
        grid = QGridLayout()
        self.keys: dict[str, QPushButton] = {}
        for i, key in enumerate("123456789C0✓"):
            button = QPushButton(key)
            button.setObjectName("kioskKey")
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, i // 3, i % 3)
            self.keys[key] = button
        inner.addLayout(grid)
        self.cancel = QPushButton()
        self.cancel.setObjectName("kioskBig")
        self.cancel.clicked.connect(self.close_pad)
        inner.addWidget(self.cancel)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card)
        outer.addStretch(1)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(_("Staff only: enter the PIN"))
        self.cancel.setText(_("Cancel"))
        self.keys["C"].setAccessibleName(_("Clear"))
        self.keys["✓"].setAccessibleName(_("Enter"))
        self._show()

    def _show(self) -> None:
        self.dots.setText("●" * len(self.entered) or "—")
        self.dots.setAccessibleName(_("{n} digits entered").format(n=len(self.entered)))

    @property
    def locked(self) -> bool:
        return self.clock() < self.locked_until

    def open_pad(self) -> None:
        self.entered = ""
        self._show()
        self.message.setText(_("No staff PIN is set in this kiosk's profile: set one with "
                               "ermu-cli kiosk set-pin.") if not self.pin_hash else "")
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def close_pad(self) -> None:
        self.entered = ""
        self.hide()
        self.closed.emit()

    def press(self, key: str) -> None:
        if key == "C":
            self.entered = ""
        elif key == "✓":
            self.submit()
            return
        elif len(self.entered) < 12:
            self.entered += key
        self._show()

    def submit(self) -> bool:
        pin, self.entered = self.entered, ""
        self._show()
        if self.locked:
            left = int(self.locked_until - self.clock()) + 1
            self._say(_("Too many wrong PINs: the pad is locked for {n} more seconds.").format(n=left))
            return False
        if self.pin_hash and verify_pin(pin, self.pin_hash):
            self.wrong = 0
            self.unlocked.emit()
            return True
        self.wrong += 1
        if self.wrong >= TRIES:
            self.wrong = 0
            self.locked_until = self.clock() + LOCK_SECONDS
            self._say(_("Three wrong PINs: the pad is locked for a minute."))
        else:
            self._say(_("That PIN is not right."))
        return False

    def _say(self, text: str) -> None:
        self.message.setText(text)
        announce(self, text, assertive=True)


class CornerHold:
    """Five seconds of pressing in the corner: ``fire()`` is called once."""

    def __init__(self, fire, parent, seconds: float = HOLD_SECONDS) -> None:
        self.timer = QTimer(parent)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(seconds * 1000))
        self.timer.timeout.connect(fire)

    def pressed(self, in_corner: bool) -> None:
        if in_corner:
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()


__all__ = ["CornerHold", "LOCK_SECONDS", "PinPad", "TRIES"]
