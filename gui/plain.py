"""Text from users and files, shown exactly as written: never as markup.

Qt guesses whether a label's or a tooltip's text is rich text (``Qt.mightBeRichText``): a
scenario titled ``<img src="/some/file.png">`` would show that local image, and ``<h1>``
or ``<a href>`` would break the layout. Labels that show such text use
:func:`plain_label` (``Qt.TextFormat.PlainText``); tooltips, which have no format switch,
go through :func:`tip`, which escapes the text into rich text that draws it literally.
Rich text that Ermu composes itself escapes every piece of user text with :func:`escape`.
"""

from __future__ import annotations

from html import escape as _escape

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel


def escape(text: object) -> str:
    """User text for a piece of rich text Ermu composes itself."""
    return _escape(str(text), quote=True)


def tip(text: object) -> str:
    """A tooltip that shows ``text`` literally, whatever it contains."""
    return QtGui.convertFromPlainText(str(text), Qt.WhiteSpaceMode.WhiteSpaceNormal)


def plain_label(label: QLabel) -> QLabel:
    """Make a label show its text literally (titles, names, notes, narration)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


__all__ = ["escape", "plain_label", "tip"]
