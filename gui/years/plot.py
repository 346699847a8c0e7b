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
from ermu.models.i18n import _

from ..charts.canvas import PALETTE, new_canvas, style_axes

TITLE_WIDTH = 52  # characters per title line at most (narrower charts wrap sooner)
#: One colour (each at least 3:1 against white) and one line style per regime, so colour is
#: never the only cue and a regime looks the same in every chart.
REGIME_STYLES = {
    "qing-baojia": (PALETTE[0], "-"),
    "wang-shouren": (PALETTE[4], "--"),
    "sui": (PALETTE[5], "-."),
    "song-baojia": ("#1f5f99", (0, (5, 1))),
    "ming-baojia": ("#a0620a", ":"),
    "ming-lijia": ("#7b5ea7", (0, (3, 1, 1, 1))),
    "ming-xiangyue": ("#8a4b5c", (0, (8, 2, 2, 2))),
    "qing-lijia": ("#3d3d3d", (0, (1, 1))),
}
STYLES = tuple(style for _, style in REGIME_STYLES.values())
COLOURS = tuple(colour for colour, _ in REGIME_STYLES.values())


def regime_style(regime_id: str) -> dict:
    """The regime's own colour and line style, the same in every chart and every run."""
    colour, style = REGIME_STYLES.get(regime_id, ("#3d3d3d", "-"))
    return {"color": colour, "linestyle": style, "linewidth": 2}


def _parameter(name: str) -> str:
    """A swept parameter's name: its code name in English, its label in Chinese."""
    from ermu.models.language import is_chinese
    from ermu.models.years.parameters import SPECS

    if is_chinese() and name in SPECS:
        return SPECS[name].label.render()
    return name.replace("_", " ")


class YearsPlot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.setAccessibleName(_("Chart of the years"))

    def _axes(self):
        if self.canvas is None:
            self.canvas = new_canvas(self)
            self.canvas.setAccessibleName(_("Chart of the years (the same numbers are in the table)"))
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
        for regime in result.experiment.regimes:
            try:
                band = result.cell(regime, point).series(output)
            except KeyError:
                continue  # not arrived yet
            style = regime_style(regime)
            ax.plot(years, band.mean, label=_(REGIMES[regime].title), **style)
            if result.experiment.repetitions > 1:
                ax.fill_between(years, band.low, band.high, color=style["color"], alpha=0.18, linewidth=0)
        ax.set_xlabel(_("Year of the run"))
        self._finish(ax, result, output, _("per year"))

    def draw_sweep(self, result: ExperimentResult, output: str) -> None:
        """The run's mean per year against the first swept parameter, one curve per regime
        (and per value of a second swept parameter, in its own line style)."""
        ax = self._axes()
        sweeps = result.experiment.sweeps
        first = sweeps[0]
        for regime in result.experiment.regimes:
            points, band = result.sweep_curve(regime, output)
            if not points:
                continue
            groups = [None] if len(sweeps) == 1 else list(sweeps[1].values)
            for j, second in enumerate(groups):
                keep = [k for k, p in enumerate(points) if second is None or p[sweeps[1].name] == second]
                if not keep:
                    continue
                x = np.array([points[k][first.name] for k in keep])
                style = regime_style(regime)
                if second is not None:
                    style["linestyle"] = STYLES[j % len(STYLES)]
                label = _(REGIMES[regime].title) + ("" if second is None
                                                    else f", {_parameter(sweeps[1].name)} {second:g}")
                ax.plot(x, band.mean[keep], marker="o", label=label, **style)
                if result.experiment.repetitions > 1:
                    ax.fill_between(x, band.low[keep], band.high[keep], color=style["color"], alpha=0.18,
                                    linewidth=0)
        ax.set_xlabel(_("{parameter} (illustrative)").format(parameter=_parameter(first.name)))
        self._finish(ax, result, output, _("mean per year over the run"))

    def _finish(self, ax, result: ExperimentResult, output: str, what: str) -> None:
        label = OUTPUT_LABELS[output].render()
        ax.set_ylabel(label)
        if output.startswith(("share_", "trust_")):
            ax.set_ylim(0, 1)
        else:
            ax.set_ylim(bottom=0)
        band = _(" ± 1.96 s.e.") if result.experiment.repetitions > 1 else ""
        text = _("{output}, {what}{band} — ◇ illustrative: every number comes from adjustable assumptions.").format(
            output=label, what=what, band=band)
        from ermu.models.language import is_chinese

        per_char = 15 if is_chinese() else 8  # about 8 px a Latin letter at 10 pt, 15 px a character
        width = max(14 if is_chinese() else 28, min(TITLE_WIDTH, int(self.canvas.width() / per_char)))
        ax.set_title(textwrap.fill(text, width), fontsize=10)
        if ax.lines:
            ax.legend(loc="best", fontsize=9, frameon=False)
        self.canvas.draw_idle()


__all__ = ["YearsPlot", "regime_style"]
