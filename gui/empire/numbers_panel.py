"""The numbers that make the point, each with its mark: documented, derived or illustrative.

Plain text only (never markup): a figure's label, value and status are the model's
words; its sources and note are in the tooltip and the accessible description.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ermu.models.empire import Figure, Status

from ..style import ILLUSTRATIVE_MARK

MARKS = {Status.DOCUMENTED: "● documented", Status.DERIVED: "◐ derived", Status.ILLUSTRATIVE: ILLUSTRATIVE_MARK}


def shown_value(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


class NumbersPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("The numbers of the empire")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        title = QLabel("The numbers")
        title.setObjectName("cardTitle")
        outer.addWidget(title)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(0, 1)
        outer.addLayout(self.grid)
        outer.addStretch(1)
        self.rows: dict[str, tuple[QLabel, QLabel, QLabel]] = {}

    def show_figures(self, figures: list[Figure]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.rows.clear()
        for row, figure in enumerate(figures):
            label = QLabel(figure.label.render())
            label.setWordWrap(True)
            value = QLabel(shown_value(figure.value))
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value.setStyleSheet("font-weight: 600;")
            mark = QLabel(MARKS[figure.status])
            mark.setObjectName("muted")
            sources = "; ".join(str(s) for s in figure.sources) or "no source: Ermu's choice"
            tip = f"{figure.status.mark.render().capitalize()}. Sources: {sources}."
            if figure.note is not None:
                tip += f"\n{figure.note.render()}"
            for widget in (label, value, mark):
                widget.setTextFormat(Qt.TextFormat.PlainText)
                widget.setToolTip(tip)
            value.setAccessibleName(f"{figure.label.render()}: {shown_value(figure.value)}, "
                                    f"{figure.status.mark.render()}")
            value.setAccessibleDescription(tip)
            self.grid.addWidget(label, 2 * row, 0, 1, 2)
            self.grid.addWidget(value, 2 * row + 1, 1)
            self.grid.addWidget(mark, 2 * row + 1, 0)
            self.rows[figure.key] = (label, value, mark)

    def value_of(self, key: str) -> str:
        return self.rows[key][1].text()
