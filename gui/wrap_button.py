"""WrapButton: a push button whose text wraps to its width instead of being cut.

A ``QPushButton`` draws its text on one line per ``\\n`` and cuts whatever does not fit, so
long choices ("Criticise Luo Xiang mildly") and cards lose words in a narrow window, at a
large font, or in another language. This button lays its text out in a word-wrapped label
and asks for the height that text needs at the width it is given. Its accessible name is
its whole text unless one is set, so a screen reader hears every word.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class WrapButton(QPushButton):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet("background: transparent; border: none; padding: 0;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._explicit_name = False
        self.setProperty("wraps", True)  # the accessibility audit checks the label, not one line
        self.setText(text)

    # QPushButton's own text stays empty (it would be drawn, cut, under the label)
    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        self.label.setText(str(text))
        if not self._explicit_name:
            super().setAccessibleName(" ".join(str(text).split()))
        self.updateGeometry()

    def text(self) -> str:  # the audit and keyboard help read the button's words
        return self.label.text()

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt name)
        self._explicit_name = bool(name)
        super().setAccessibleName(name)

    def setAlignment(self, alignment) -> None:  # noqa: N802
        self.label.setAlignment(alignment)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.layout().sizeHint().expandedTo(QSize(0, self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        margins = self.layout().contentsMargins()
        words = max((self.label.fontMetrics().horizontalAdvance(w) for w in self.label.text().split()), default=0)
        return QSize(words + margins.left() + margins.right(), self.layout().minimumSize().height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        margins = self.layout().contentsMargins()
        inner = max(1, width - margins.left() - margins.right())
        return max(self.minimumHeight(), self.label.heightForWidth(inner) + margins.top() + margins.bottom())


__all__ = ["WrapButton"]
