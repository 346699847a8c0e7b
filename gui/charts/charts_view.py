"""ChartsView: the sources' survey and data charts, one at a time, chosen from a side list.

Panels are built when first chosen and draw their figure when first shown, so opening
the page loads matplotlib only for the chart on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QStackedWidget, QVBoxLayout, QWidget
from ermu.models.i18n import _

from ..face import Face
from .chart_panel import ChartPanel
from .chart_specs import CHARTS, SPECS


class ChartsView(Face):
    page_id = "charts"

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setAccessibleName(_("Surveys and data"))
        self.panels: dict[str, ChartPanel] = {}
        title = QLabel(_("Surveys and data: what the sources counted"))
        title.setObjectName("pageTitle")
        self.chart_list = QListWidget()
        self.chart_list.setAccessibleName(_("Charts"))
        self.chart_list.setMaximumWidth(230)
        self.chart_list.setStyleSheet("QListWidget::item { padding: 6px 4px; border-bottom: 1px solid #e9e4d8; }"
                                      "QListWidget::item:selected { background: #b23a2b; color: white; }")
        self.chart_list.setWordWrap(True)
        self.chart_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for spec in CHARTS:
            item = QListWidgetItem(spec.heading)
            item.setData(Qt.ItemDataRole.UserRole, spec.id)
            item.setToolTip(spec.info.figure)
            self.chart_list.addItem(item)
        self.stack = QStackedWidget()
        row = QHBoxLayout()
        row.addWidget(self.chart_list)
        row.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(title)
        layout.addLayout(row, 1)
        self.chart_list.currentRowChanged.connect(self._on_row)
        self.chart_list.setCurrentRow(0)

    def chart_ids(self) -> list[str]:
        return [c.id for c in CHARTS]

    def panel(self, chart_id: str) -> ChartPanel:
        if chart_id not in self.panels:
            panel = ChartPanel(SPECS[chart_id])
            panel.status_changed.connect(self.say)
            self.panels[chart_id] = panel
            self.stack.addWidget(panel)
        return self.panels[chart_id]

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(CHARTS):
            self.stack.setCurrentWidget(self.panel(CHARTS[row].id))

    def show_chart(self, chart_id: str) -> ChartPanel:
        self.chart_list.setCurrentRow(self.chart_ids().index(chart_id))
        return self.panels[chart_id]

    def open_preset(self, preset) -> None:
        wanted = preset.options.get("chart", "approval")
        chosen = SPECS.get(wanted) or next((c for c in CHARTS if c.group == wanted), None)
        if chosen is None:
            self.say(_("There is no chart {chart}: choose one from the list.").format(chart=repr(wanted)))
            return
        self.show_chart(chosen.id)

    def retranslate(self) -> None:
        """The list of charts and every chart made so far, in the current language."""
        for row, spec in enumerate(CHARTS):
            self.chart_list.item(row).setText(spec.heading)
        for panel in self.panels.values():
            panel.retranslate()

    def reset(self) -> None:
        self.chart_list.setCurrentRow(0)


__all__ = ["ChartsView"]
