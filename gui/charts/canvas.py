"""A matplotlib canvas for Qt, created only when a chart is first shown.

matplotlib is imported here, inside :func:`new_canvas`, never at module import, so the
first window paints without it. Figures use constrained layout and fonts of at least 9
points so labels stay readable and unclipped at 1280×800.
"""

from __future__ import annotations
from ermu.models.i18n import _

from ..style import BORDER, INK, MIST, PAPER, text_floor

FONT_SIZE = 10  # points; ticks and legends never go below MIN_FONT_SIZE
MIN_FONT_SIZE = 9
#: Ordered colours for categories; every series also gets a hatch so colour is not alone.
#: Each at least 3:1 on the white plot area (graphics contrast, WCAG 2.1).
PALETTE = ("#b23a2b", "#c8553f", "#8a7f66", "#3f8f7f", "#2f7d6d", "#52606d", "#a66a0c")
HATCHES = ("xx", "//", "", "..", "\\\\", "--", "oo")


_registered: set[str] = set()


def use_cjk_font() -> None:
    """Charts draw Chinese with Ermu's bundled font of the current script (never a system font).

    The bundled faces are registered with matplotlib once; ``font.family`` lists a Latin
    family, then the CJK family of the current language (matplotlib falls back per glyph).
    Call before creating a figure's texts (``new_canvas`` does).
    """
    from importlib import resources

    import matplotlib
    from matplotlib import font_manager

    from ermu.models.language import current_language

    from ..translators import FONT_FILES

    script = "zh-Hant" if current_language() == "zh-Hant" else "zh-Hans"
    for name in FONT_FILES[script][:2]:
        if name in _registered:
            continue
        try:
            with resources.as_file(resources.files("ermu.content").joinpath("fonts", name)) as path:
                font_manager.fontManager.addfont(str(path))
        except (FileNotFoundError, OSError, RuntimeError):
            continue
        _registered.add(name)
    family = "Ermu CJK TC" if script == "zh-Hant" else "Ermu CJK SC"
    matplotlib.rcParams["font.family"] = ["DejaVu Sans", family]


def raise_to_floor(figure, points: float) -> int:
    """Every text of the figure (titles, ticks, labels, legends, bar labels) at least ``points``
    (the kiosk's 16 pt; matplotlib's points at the figure's 100 dpi are a little larger than the
    screen's at 96). Returns how many texts grew."""
    from matplotlib.text import Text

    grown = 0
    if points <= 0:
        return grown
    for text in figure.findobj(Text):
        if text.get_fontsize() < points:
            text.set_fontsize(points)
            grown += 1
    return grown


_floored_class = None


def _canvas_class():
    """FigureCanvasQTAgg, or, under a text floor (the kiosk), one that raises every text to it
    each time it draws, so every chart follows without a word about the kiosk."""
    global _floored_class
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    if not text_floor():
        return FigureCanvasQTAgg
    if _floored_class is None:
        class FlooredCanvas(FigureCanvasQTAgg):
            def draw(self) -> None:
                raise_to_floor(self.figure, text_floor())
                super().draw()

        _floored_class = FlooredCanvas
    return _floored_class


def new_canvas(parent=None, *, width: float = 7.0, height: float = 4.2):
    """A FigureCanvasQTAgg holding an empty Figure with the house look."""
    from matplotlib.figure import Figure

    use_cjk_font()
    figure = Figure(figsize=(width, height), dpi=100, layout="constrained", facecolor=PAPER)
    canvas = _canvas_class()(figure)
    if parent is not None:
        canvas.setParent(parent)
    canvas.setAccessibleName(_("Chart"))
    # at a kiosk's 16 pt, labels of two lines need taller rows: the station scrolls instead
    canvas.setMinimumHeight(240 if not text_floor() else 520)
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


__all__ = ["FONT_SIZE", "HATCHES", "MIN_FONT_SIZE", "PALETTE", "new_canvas", "raise_to_floor", "style_axes", "use_cjk_font"]
