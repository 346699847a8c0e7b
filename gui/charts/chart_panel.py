"""One chart: title, the figure (created when first shown), its source, a table of the same
numbers, and export to PNG or SVG."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout,
                               QWidget)
from ermu.models.i18n import _

from .chart_specs import ChartSpec, source_line
from .data_table import DataTable

log = logging.getLogger(__name__)
FILTERS = {"png": "PNG image (*.png)", "svg": "SVG image (*.svg)"}


class ChartPanel(QWidget):
    status_changed = Signal(str)

    def __init__(self, spec: ChartSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.canvas = None
        title = self.title = QLabel()
        title.setObjectName("cardTitle")
        title.setWordWrap(True)
        self.source = QLabel()
        self.source.setObjectName("muted")
        self.source.setWordWrap(True)
        self.source.setAccessibleDescription(_("Source of the chart"))
        self.table = DataTable("")
        self.table.fill(spec.headings(), spec.table_rows())
        self.stack = QStackedWidget()
        self.placeholder = QLabel("")
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.table)
        self.toggle = QPushButton(_("Show as table"))
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._toggle)
        self.export_buttons = {}
        buttons = QHBoxLayout()
        buttons.addWidget(self.toggle)
        buttons.addStretch(1)
        for fmt in FILTERS:
            button = QPushButton()
            button.clicked.connect(lambda _=False, f=fmt: self.export(f))
            self.export_buttons[fmt] = button
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.source)
        layout.addLayout(buttons)
        self.retranslate(redraw=False)

    def retranslate(self, redraw: bool = True) -> None:
        """Title, source, table and buttons in the current language; the figure drawn again."""
        spec = self.spec
        self.setAccessibleName(_("Chart: {title}").format(title=spec.heading))
        self.title.setText(spec.heading)
        self.source.setText(source_line(spec))
        self.table.setAccessibleName(_("{title}: the numbers as a table").format(title=spec.heading))
        self.table.fill(spec.headings(), spec.table_rows())
        self.toggle.setText(_("Show as chart") if self.toggle.isChecked() else _("Show as table"))
        self.toggle.setAccessibleName(_("Show {title} as a table").format(title=spec.heading))
        for fmt, button in self.export_buttons.items():
            button.setText(_("Export {format}…").format(format=fmt.upper()))
            button.setAccessibleName(_("Export the chart as {format}").format(format=fmt.upper()))
        if redraw and self.canvas is not None:
            from .canvas import use_cjk_font

            use_cjk_font()
            self.canvas.figure.clear()
            self.spec.draw(self.canvas.figure, self.spec.rows())
            self.canvas.setAccessibleName(_("{title} (chart; the table view has the same numbers)").format(
                title=spec.heading))
            self.canvas.draw_idle()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.ensure_canvas()

    def ensure_canvas(self):
        """Create and draw the figure the first time it is needed (matplotlib loads here)."""
        if self.canvas is None:
            from .canvas import new_canvas

            self.canvas = new_canvas(width=6, height=4)
            self.canvas.setAccessibleName(_("{title} (chart; the table view has the same numbers)").format(
                title=self.spec.heading))
            self.spec.draw(self.canvas.figure, self.spec.rows())
            self.stack.addWidget(self.canvas)
            if not self.toggle.isChecked():
                self.stack.setCurrentWidget(self.canvas)
            self.canvas.draw_idle()
        return self.canvas

    @property
    def figure(self):
        return self.ensure_canvas().figure

    def _toggle(self, as_table: bool) -> None:
        self.toggle.setText(_("Show as chart") if as_table else _("Show as table"))
        self.stack.setCurrentWidget(self.table if as_table else self.ensure_canvas())

    def export(self, fmt: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Export the chart as {format}").format(format=fmt.upper()),
                                              f"ermu-{self.spec.id}.{fmt}", FILTERS[fmt])
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(target.name + f".{fmt}")
        try:
            self.figure.savefig(target, format=fmt, facecolor=self.figure.get_facecolor())
        except OSError as exc:
            log.warning("export failed: %s", exc)
            self.status_changed.emit(_("The chart could not be saved to {path}: choose a folder you can write to.")
                                     .format(path=target))
            return None
        self.status_changed.emit(_("Saved the chart to {path}.").format(path=target))
        return target


__all__ = ["ChartPanel"]
