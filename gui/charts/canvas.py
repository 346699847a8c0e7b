"""A matplotlib canvas for Qt, created only when a chart is first shown.

matplotlib is imported here, inside :func:`new_canvas`, never at module import, so the
first window paints without it. Figures use constrained layout and fonts of at least 9
points so labels stay readable and unclipped at 1280×800.
"""

from __future__ import annotations

from ..style import BORDER, INK, MIST, PAPER

FONT_SIZE = 10  # points; ticks and legends never go below MIN_FONT_SIZE
MIN_FONT_SIZE = 9
#: Ordered colours for categories; every series also gets a hatch so colour is not alone.
#: Each at least 3:1 on the white plot area (graphics contrast, WCAG 2.1).
PALETTE = ("#b23a2b", "#c8553f", "#8a7f66", "#3f8f7f", "#2f7d6d", "#52606d", "#a66a0c")
HATCHES = ("xx", "//", "", "..", "\\\\", "--", "oo")


def new_canvas(parent=None, *, width: float = 7.0, height: float = 4.2):
    """A FigureCanvasQTAgg holding an empty Figure with the house look."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100, layout="constrained", facecolor=PAPER)
    canvas = FigureCanvasQTAgg(figure)
    if parent is not None:
        canvas.setParent(parent)
    canvas.setAccessibleName("Chart")
    canvas.setMinimumHeight(240)
    return canvas


def style_axes(ax) -> None:
    """House look for one Axes: ink text, light grid, no top/right spines, readable ticks."""
    ax.set_facecolor("white")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(BORDER)  # 4.2:1 on white
    ax.tick_params(colors=INK, labelsize=FONT_SIZE)
    ax.title.set_fontsize(FONT_SIZE + 2)
    ax.title.set_color(INK)
    ax.xaxis.label.set_fontsize(FONT_SIZE)
    ax.yaxis.label.set_fontsize(FONT_SIZE)
    ax.grid(True, color=MIST, linewidth=0.8)
    ax.set_axisbelow(True)


__all__ = ["FONT_SIZE", "HATCHES", "MIN_FONT_SIZE", "PALETTE", "new_canvas", "style_axes"]
