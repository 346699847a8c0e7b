"""The table beside the chart: the same numbers, readable by keyboard and screen reader."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView

from ermu.models.regimes import REGIMES
from ermu.models.years.model import OUTPUTS
from ermu.models.years.results import ExperimentResult

from ..charts.data_table import DataTable

from ermu.models.i18n import _
from ermu.models.language import is_chinese
from ermu.models.regimes import REGIMES


def fill_table(table: DataTable, result: ExperimentResult, output: str) -> None:
    """Sweep: a row per point, a column per regime (run means); run: a row per year."""
    i = OUTPUTS.index(output)
    regimes = [r for r in result.experiment.regimes if any(c.regime == r for c in result.cells)]
    # short ids keep the columns readable in English (the legend gives titles); Chinese titles are short
    titles = [_(REGIMES[r].title) if is_chinese() else r for r in regimes]
    if result.experiment.sweeps:
        names = [s.name.replace("_", " ") for s in result.experiment.sweeps]
        rows = []
        for point in result.experiment.points():
            row = [*point.values()]
            for regime in regimes:
                try:
                    row.append(round(float(result.cell(regime, point).per_run.mean[i]), 3))
                except KeyError:
                    row.append(None)
            rows.append(row)
        table.fill(names + titles, rows)
        _fit_columns(table)
        return
    point = result.experiment.points()[0]
    cells = [result.cell(r, point) for r in regimes]
    rows = [[year + 1, *(round(float(c.per_year.mean[year, i]), 3) for c in cells)]
            for year in range(result.experiment.years)]
    table.fill([_("Year"), *titles], rows)
    _fit_columns(table)


def _fit_columns(table: DataTable) -> None:
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    for column in range(table.columnCount()):
        item = table.horizontalHeaderItem(column)
        if item is not None and item.text() in REGIMES:
            item.setToolTip(REGIMES[item.text()].title)


__all__ = ["fill_table"]
