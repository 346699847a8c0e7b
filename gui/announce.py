"""Say something to screen readers that happens without focus moving (Qt 6.8+).

``announce(widget, text)`` sends a ``QAccessibleAnnouncementEvent`` from ``widget`` (polite by
default; ``assertive=True`` interrupts, for countdowns and errors) and keeps the last
announcements on the widget's window so tests, and the readable log of steps, can see what
was said. Faces call this for narration steps, quiz feedback, session events and status
messages; they never rely on an accessible-description change, which screen readers drop.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

#: The last things announced, newest last (for tests and for a face's log of steps).
HEARD: deque[tuple[str, bool]] = deque(maxlen=200)


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    text = str(text).strip()
    if not text:
        return
    HEARD.append((text, assertive))
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


__all__ = ["HEARD", "announce"]
