"""Lockdown inside the app: what a visitor must never reach, refused for the whole application.

:class:`Lockdown` is an application-wide event filter installed by the kiosk window. It

- eats the escape keys (Alt+F4, Ctrl+Q, Ctrl+W, Esc) before any shortcut sees them;
- refuses context menus, tooltips and What's This (hover-only information is not for touch):
  instead a tap on anything that has a tooltip (a widget, a diagram item, a list or table row,
  a combo box's chosen item) shows its words in the kiosk's explanation line;
- closes any file dialog the moment it would show (faces keep their Export buttons on the
  desktop; on a kiosk nothing can browse the disk), and counts it in ``refused`` for tests;
- routes every external URL to a handler that opens nothing (no browser, no file manager).

It also reports presses of the staff corner (see :mod:`.pinpad`) and every input event to the
idle watcher through the callbacks it is given.
"""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Slot
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

log = logging.getLogger(__name__)

#: Keys a visitor might press to leave; none of them does anything on a kiosk.
ESCAPES = {
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
}
_MODS = (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
         | Qt.KeyboardModifier.MetaModifier)
_BLOCKED = {QEvent.Type.ContextMenu, QEvent.Type.ToolTip, QEvent.Type.WhatsThis, QEvent.Type.QueryWhatsThis}
INPUT = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
         QEvent.Type.KeyPress, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.Wheel}


def is_escape(event: QKeyEvent) -> bool:
    mods = event.modifiers() & _MODS
    return any(event.key() == key and mods == wanted for key, wanted in ESCAPES)


class _NoLinks(QObject):
    """The URL handler for every scheme: opens nothing."""

    @Slot("QUrl")
    def refuse(self, url) -> None:
        log.info("kiosk refused to open a link (%s)", url.scheme())


class Lockdown(QObject):
    def __init__(self, window: QWidget, *, on_input: Callable[[], None] | None = None,
                 on_corner: Callable[[bool], None] | None = None, on_explain: Callable[[str], None] | None = None,
                 corner: int = 80) -> None:
        super().__init__(window)
        self.on_explain = on_explain
        self.window = window
        self.on_input = on_input
        self.on_corner = on_corner
        self.corner = corner
        self.refused: list[str] = []
        self._links = _NoLinks(self)
        for scheme in ("http", "https", "file", "mailto", "ftp"):
            QDesktopServices.setUrlHandler(scheme, self._links, "refuse")
        QApplication.instance().installEventFilter(self)

    def release(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        for scheme in ("http", "https", "file", "mailto", "ftp"):
            QDesktopServices.unsetUrlHandler(scheme)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind in INPUT and isinstance(obj, QWidget) and obj.window() is self.window:
            if self.on_input is not None:
                self.on_input()
            if self.on_explain is not None and kind == QEvent.Type.MouseButtonPress:
                try:
                    text = explanation(obj, event)
                except Exception:  # noqa: BLE001 - an explanation must never break a touch
                    log.exception("no explanation for a tap")
                    text = ""
                if text:
                    self.on_explain(text)
            if self.on_corner is not None and kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
                                                       QEvent.Type.MouseButtonRelease):
                self._corner(obj, event, kind)
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease) and \
                isinstance(event, QKeyEvent) and is_escape(event):
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # claim it, so no shortcut fires; the KeyPress is then eaten below
            return True
        if kind in _BLOCKED:
            return True
        if kind == QEvent.Type.Show and isinstance(getattr(obj, "export_buttons", None), dict):
            for button in obj.export_buttons.values():  # a chart's Export PNG/SVG: files are not for visitors
                button.hide()
        if kind == QEvent.Type.Show and isinstance(obj, QFileDialog):
            self.refused.append("file dialog")
            log.warning("kiosk refused a file dialog: %s", obj.windowTitle())
            QTimer.singleShot(0, obj.reject)
            return True
        return False

    def _corner(self, obj: QWidget, event, kind) -> None:
        if kind == QEvent.Type.MouseButtonRelease:
            self.on_corner(False)
            return
        try:
            point = event.globalPosition().toPoint() if hasattr(event, "globalPosition") else event.globalPos()
        except AttributeError:
            return
        local = self.window.mapFromGlobal(point)
        self.on_corner(0 <= local.x() < self.corner and 0 <= local.y() < self.corner)


def _plain(text: str) -> str:
    if "<" in text:  # a tooltip Qt would render as rich text (gui/plain.tip makes those)
        from PySide6.QtGui import QTextDocument

        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return " ".join(text.split())


def explanation(obj: QWidget, event) -> str:
    """Tap to explain: what a tooltip would have said on hover, for the tapped widget, diagram
    item, list or table row (a lesson's assumed years, a regime that does not police an offence)
    or the item a combo box shows (a regime's summary)."""
    from PySide6.QtWidgets import QAbstractItemView, QComboBox, QGraphicsView

    parent = obj.parentWidget()
    if isinstance(parent, QGraphicsView) and obj is parent.viewport():
        item = parent.itemAt(event.position().toPoint())
        while item is not None:
            if item.toolTip():
                return _plain(item.toolTip())
            item = item.parentItem()
        return ""
    if isinstance(parent, QAbstractItemView) and obj is parent.viewport():
        index = parent.indexAt(event.position().toPoint())
        tip = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
        if tip:
            return _plain(str(tip))
    widget: QWidget | None = obj
    for _ in range(3):  # the widget itself or the control it belongs to (a spin box's line edit)
        if widget is None:
            break
        if widget.toolTip():
            return _plain(widget.toolTip())
        if isinstance(widget, QComboBox) and widget.currentIndex() >= 0:
            tip = widget.itemData(widget.currentIndex(), Qt.ItemDataRole.ToolTipRole)
            if tip:
                return _plain(str(tip))
        widget = widget.parentWidget()
    return ""


def modal_dialogs() -> list[QDialog]:
    """Every dialog showing now (tests: walking the stations must open none with a path)."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


__all__ = ["ESCAPES", "INPUT", "Lockdown", "explanation", "is_escape", "modal_dialogs"]
