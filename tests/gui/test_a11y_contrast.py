"""Contrast in the faces (issue 15): graphics at least 3:1 against what they sit on."""

from __future__ import annotations

import pytest

from ermu.gui import a11y


def test_every_chart_colour_and_the_axes_stand_out_from_the_plot():
    from ermu.gui.charts.canvas import PALETTE
    from ermu.gui.style import BORDER

    for colour in PALETTE:
        assert a11y.contrast_ratio(colour, "#ffffff") >= 3.0, colour
    assert a11y.contrast_ratio(BORDER, "#ffffff") >= 3.0


def test_the_chart_axes_drawn_use_the_readable_border(qtbot):
    pytest.importorskip("matplotlib")
    from ermu.gui.charts.canvas import new_canvas, style_axes

    canvas = new_canvas()
    qtbot.addWidget(canvas)
    ax = canvas.figure.add_subplot()
    style_axes(ax)
    from matplotlib.colors import to_hex

    assert a11y.contrast_ratio(to_hex(ax.spines["left"].get_edgecolor()), "#ffffff") >= 3.0


def test_the_criticism_bars_read_against_their_track():
    from ermu.gui.criticism.room import BAR_COLOURS

    for _, what, colour in BAR_COLOURS:
        assert a11y.contrast_ratio(colour, "#ffffff") >= 3.0, what
    assert a11y.contrast_ratio("#6f6656", "#f7f3ea") >= 3.0, "the track's outline against the room"


def test_the_library_search_has_a_real_label(qtbot, state, tmp_path):
    from PySide6.QtWidgets import QLabel

    from helpers import make_window, show

    window = make_window()
    qtbot.addWidget(window)
    window.show()
    face = show(window, "library")
    qtbot.waitUntil(lambda: face.findChild(QLabel) is not None and any(
        label.buddy() is not None and label.buddy().accessibleName() == "Search titles"
        for label in face.findChildren(QLabel)), timeout=10_000)
