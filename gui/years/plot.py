"""YearsPlot: lines over the years, or sweep curves, each with its uncertainty band.

matplotlib is created on the first draw (through gui/charts' canvas helpers, never
pyplot). Each regime keeps one colour and one line style in every chart, so colour is
never the only cue; bands are the mean ± 1.96 standard errors over the repetitions.
"""

from __future__ import annotations

import textwrap

import numpy as np
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ermu.models.regimes import REGIMES
from ermu.models.years.results import ExperimentResult
from ermu.models.years.model import OUTPUT_LABELS

from ..charts.canvas import PALETTE, new_canvas, style_axes

STYLES = ("-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1)), (0, (1, 1)), (0, (8, 2, 2, 2)))
#: Eight colours of at least 3:1 against white (graphics contrast), one per regime slot;
#: each regime also keeps its own line style, so colour is never the only cue.
TITLE_WIDTH = 52  # characters per title line: fits the narrowest chart at 1024 x 768
COLOURS = (PALETTE[0], PALETTE[4], PALETTE[5], "#1f5f99", "#a0620a", "#7b5ea7", "#8a4b5c", "#3d3d3d")


def regime_style(index: int) -> dict:
    return {"color": COLOURS[index % len(COLOURS)], "linestyle": STYLES[index % len(STYLES)], "linewidth": 2}


class YearsPlot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.setAccessibleName("Chart of the years")

    def _axes(self):
        if self.canvas is None:
            self.canvas = new_canvas(self)
            self.canvas.setAccessibleName("Chart of the years (the same numbers are in the table)")
            self.layout_.addWidget(self.canvas)
        figure = self.canvas.figure
        figure.clear()
        ax = figure.add_subplot(111)
        style_axes(ax)
        return ax

    @property
    def axes(self):
        return self.canvas.figure.axes[0] if self.canvas is not None and self.canvas.figure.axes else None

    def draw_years(self, result: ExperimentResult, output: str, point: dict | None = None) -> None:
        """One line per regime over the run's years (the first sweep point without ``point``)."""
        ax = self._axes()
        point = point if point is not None else (result.experiment.points()[0])
        years = np.arange(1, result.experiment.years + 1)
        for i, regime in enumerate(result.experiment.regimes):
            try:
                band = result.cell(regime, point).series(output)
            except KeyError:
                continue  # not arrived yet
            style = regime_style(i)
            ax.plot(years, band.mean, label=REGIMES[regime].title, **style)
            if result.experiment.repetitions > 1:
                ax.fill_between(years, band.low, band.high, color=style["color"], alpha=0.18, linewidth=0)
        ax.set_xlabel("Year of the run")
        self._finish(ax, result, output, "per year")

    def draw_sweep(self, result: ExperimentResult, output: str) -> None:
        """The run's mean per year against the first swept parameter, one curve per regime
        (and per value of a second swept parameter, in its own line style)."""
        ax = self._axes()
        sweeps = result.experiment.sweeps
        first = sweeps[0]
        for i, regime in enumerate(result.experiment.regimes):
            points, band = result.sweep_curve(regime, output)
            if not points:
                continue
            groups = [None] if len(sweeps) == 1 else list(sweeps[1].values)
            for j, second in enumerate(groups):
                keep = [k for k, p in enumerate(points) if second is None or p[sweeps[1].name] == second]
                if not keep:
                    continue
                x = np.array([points[k][first.name] for k in keep])
                style = regime_style(i)
                if second is not None:
                    style["linestyle"] = STYLES[j % len(STYLES)]
                label = REGIMES[regime].title + ("" if second is None else f", {sweeps[1].name} {second:g}")
                ax.plot(x, band.mean[keep], marker="o", label=label, **style)
                if result.experiment.repetitions > 1:
                    ax.fill_between(x, band.low[keep], band.high[keep], color=style["color"], alpha=0.18,
                                    linewidth=0)
        ax.set_xlabel(first.name.replace("_", " ") + " (illustrative)")
        self._finish(ax, result, output, "mean per year over the run")

    def _finish(self, ax, result: ExperimentResult, output: str, what: str) -> None:
        label = OUTPUT_LABELS[output].render()
        ax.set_ylabel(label)
        if output.startswith(("share_", "trust_")):
            ax.set_ylim(0, 1)
        else:
            ax.set_ylim(bottom=0)
        band = " ± 1.96 s.e." if result.experiment.repetitions > 1 else ""
        text = f"{label}, {what}{band} — ◇ illustrative: every number comes from adjustable assumptions."
        width = max(28, min(TITLE_WIDTH, int(self.canvas.width() / 8)))  # about 8 px a character at 10 pt
        ax.set_title(textwrap.fill(text, width), fontsize=10)
        if ax.lines:
            ax.legend(loc="best", fontsize=9, frameon=False)
        self.canvas.draw_idle()


__all__ = ["YearsPlot", "regime_style"]
