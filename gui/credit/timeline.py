"""The year's timeline: the score month by month against the scheme's thresholds.

matplotlib is loaded only when the timeline is first shown. Under the national scheme,
which has no score, it draws how many lists the citizen is on. A table of the same
numbers sits behind the "Show as table" toggle.
"""

from __future__ import annotations

from ermu.models.i18n import _
from PySide6.QtWidgets import QPushButton, QStackedWidget, QVBoxLayout, QWidget

from ermu.models.credit import LISTS

from ..charts.canvas import new_canvas, style_axes
from ..charts.data_table import DataTable
from ..style import CINNABAR, INK, JADE, SLATE


def _clusters(ax, thresholds) -> list[list]:
    """Thresholds whose labels would overlap at the chart's height, grouped to share one label."""
    extent = ax.get_window_extent()
    low, high = ax.get_ylim()
    per_unit = extent.height / max(high - low, 1)
    gap = 9 * ax.figure.dpi / 72 * 1.25 / max(per_unit, 1e-6)  # one 9-point line, in score units
    groups: list[list] = []
    for t in sorted(thresholds, key=lambda t: t.score):
        if groups and t.score - groups[-1][-1].score < gap:
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


class Timeline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Timeline of the year"))
        self.canvas = None  # created on first show
        self.document = None
        self.stack = QStackedWidget()
        self.placeholder = QWidget()
        self.stack.addWidget(self.placeholder)
        self.table = DataTable(_("Timeline as a table: month, score, grade, lists"))
        self.stack.addWidget(self.table)
        self.toggle = QPushButton(_("Show as table"))
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName(_("Show the timeline as a table"))
        self.toggle.toggled.connect(self._toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.toggle)

    def _toggle(self, as_table: bool) -> None:
        self.toggle.setText(_("Show as chart") if as_table else _("Show as table"))
        self.stack.setCurrentWidget(self.table if as_table else (self.canvas or self.placeholder))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.canvas is None:
            self.canvas = new_canvas(width=5.5, height=2.6)
            self.canvas.setAccessibleName(_("Timeline chart of the score by month"))
            self.canvas.setMinimumHeight(150)  # leaves the cards two rows at 1280x800
            self.stack.addWidget(self.canvas)
            if not self.toggle.isChecked():
                self.stack.setCurrentWidget(self.canvas)
            self._draw()

    @property
    def axes(self):
        return self.canvas.figure.axes[0] if self.canvas and self.canvas.figure.axes else None

    def show_document(self, document) -> None:
        self.document = document
        rows = [[m.month, m.score, m.standing.grade or "",
                 _(", ").join(LISTS[i].name.said("english").render() for i in m.standing.lists) or _("none")]
                for m in document.played()]
        self.table.fill([_("Month"), _("Score"), _("Grade"), _("Lists")], rows)
        self._draw()

    def _draw(self) -> None:
        if self.canvas is None or self.document is None:
            return
        doc = self.document
        figure = self.canvas.figure
        figure.clear()
        ax = figure.add_subplot()
        style_axes(ax)
        months = [0] + [m.month for m in doc.played()]
        scheme = doc.scheme
        if scheme.has_score:
            scores = [doc.year.start_score] + [m.score for m in doc.played()]
            ax.plot(months, scores, color=INK, marker="o", linewidth=2, label=_("score"))
            ax.set_ylim(scheme.minimum, scheme.maximum)
            for cluster in _clusters(ax, [t for t in scheme.thresholds if t.documented]):
                good = [any(e.kind.value == "benefit" for e in t.effects) for t in cluster]
                for t, benefit in zip(cluster, good):
                    ax.axhline(t.score, color=JADE if benefit else CINNABAR, linestyle="--" if benefit else ":",
                               linewidth=1)
                label = " · ".join(f"{'+' if benefit else '−'} {t.describe()}" for t, benefit in zip(cluster, good))
                ax.annotate(label, (12, cluster[0].score), fontsize=9, color=JADE if good[0] else CINNABAR,
                            ha="right", va="bottom",
                            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.9, "pad": 1})
            ax.set_ylim(scheme.minimum, scheme.maximum)
            ax.set_ylabel(_("score"))
        else:
            counts = [0] + [sum(1 for i in m.standing.lists if not LISTS[i].positive) for m in doc.played()]
            red = [0] + [sum(1 for i in m.standing.lists if LISTS[i].positive) for m in doc.played()]
            ax.step(months, counts, where="post", color=CINNABAR, marker="v", linewidth=2, label=_("negative lists"))
            ax.step(months, red, where="post", color=JADE, marker="*", linewidth=2, linestyle="--",
                    label=_("red list"))
            ax.set_ylim(-0.2, 3.5)
            ax.set_yticks([0, 1, 2, 3])
            ax.set_ylabel(_("lists the citizen is on"))
            ax.legend(fontsize=9, loc="upper left", frameon=False)
        ax.set_xlim(0, 12)
        ax.set_xticks(range(0, 13))
        ax.set_xlabel(_("month (0 = start of the year)"), color=SLATE)
        self.canvas.draw_idle()


__all__ = ["Timeline"]
