"""Carry the static texts of a face's widgets into a new language, without the face's help.

A face sets its fixed texts with ``_("Run")`` when it builds its widgets. When the language
changes, :func:`retranslate_static` walks every widget under a root, looks up what each text
was in the *previous* language (``models.language.shown_to_msgid``) and sets the same message
in the new one: labels, buttons, group boxes, tabs, combo box items, placeholders, tooltips
and accessible names. Widgets made after the face was built are covered too, since the walk
happens at each switch. Texts with parameters (``_("{n} households").format(n=…)``) and
what the models say are the face's own job in its ``retranslate()``; a reusable widget that
composes its texts (the diagrams' legend) says them again in its own ``retranslate_widget()``,
which the walk calls.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QPlainTextEdit,
                               QTabWidget, QTextEdit, QWidget)

from ermu.models.i18n import _
from ermu.models.language import shown_to_msgid


def retranslate_static(root: QWidget, previous: str) -> int:
    """Set every recognised fixed text under ``root`` again; returns how many were set."""
    known = shown_to_msgid(previous)
    count = 0

    def again(text: str) -> str | None:
        msgid = known.get(text)
        return _(msgid) if msgid is not None else None

    for widget in [root, *root.findChildren(QWidget)]:
        pairs = []
        if isinstance(widget, (QLabel, QAbstractButton)):
            pairs.append((widget.text(), widget.setText))
        elif isinstance(widget, QGroupBox):
            pairs.append((widget.title(), widget.setTitle))
        elif isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            pairs.append((widget.placeholderText(), widget.setPlaceholderText))
        if isinstance(widget, QTabWidget):
            pairs += [(widget.tabText(i), lambda t, i=i, w=widget: w.setTabText(i, t)) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            pairs += [(widget.itemText(i), lambda t, i=i, w=widget: w.setItemText(i, t)) for i in range(widget.count())]
        pairs.append((widget.accessibleName(), widget.setAccessibleName))
        pairs.append((widget.accessibleDescription(), widget.setAccessibleDescription))
        pairs.append((widget.toolTip(), widget.setToolTip))
        for text, setter in pairs:
            if text:
                new = again(text)
                if new is not None and new != text:
                    setter(new)
                    count += 1
        composed = getattr(widget, "retranslate_widget", None)  # a widget that composes its texts
        if callable(composed):
            composed()
            count += 1
    return count


__all__ = ["retranslate_static"]
