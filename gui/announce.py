"""Say something to screen readers that happens without focus moving (Qt 6.8+).

``announce(widget, text)`` sends a ``QAccessibleAnnouncementEvent`` from ``widget`` (polite by
default; ``assertive=True`` interrupts, for countdowns and errors) and keeps the last
announcements on the widget's window so tests, and the readable log of steps, can see what
was said. Faces call this for narration steps, quiz feedback, session events and status
messages; they never rely on an accessible-description change, which screen readers drop.
"""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QListWidget, QWidget

#: The last things announced, newest last (for tests and for a face's log of steps).
HEARD: deque[tuple[str, bool]] = deque(maxlen=200)
_LAST = {"text": "", "at": 0.0}
#: The same sentence again within this many seconds is one announcement (a face and the
#: shell's status line both saying it).
REPEAT_WINDOW_S = 1.0


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    text = str(text).strip()
    if not text:
        return
    now = time.monotonic()
    if text == _LAST["text"] and now - _LAST["at"] < REPEAT_WINDOW_S:
        return
    _LAST.update(text=text, at=now)
    HEARD.append((text, assertive))
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


class SpokenLabel(QLabel):
    """A status line: plain text whose every new sentence is announced (politely, or
    assertively when ``assertive``), so a screen reader hears it without moving focus; its
    accessible name stays its visible text."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, assertive: bool = False) -> None:
        super().__init__(text, parent)
        self.assertive = assertive
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        changed = str(text) != self.text()
        super().setText(str(text))
        if changed:
            announce(self, str(text), assertive=self.assertive)


class AnnouncementLog(QListWidget):
    """A focusable, readable log of what was announced, newest last (a screen-reader user
    can Tab to it and read back any line; sighted users see the same lines)."""

    def __init__(self, name: str, parent: QWidget | None = None, *, limit: int = 200) -> None:
        super().__init__(parent)
        self.limit = limit
        self.setAccessibleName(name)
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def add(self, text: str, *, speak: bool = True, assertive: bool = False) -> None:
        text = str(text).strip()
        if not text:
            return
        self.addItem(text)
        while self.count() > self.limit:
            self.takeItem(0)
        self.scrollToBottom()
        if speak:
            announce(self, text, assertive=assertive)


__all__ = ["HEARD", "AnnouncementLog", "SpokenLabel", "announce"]
