"""The survey and data charts: bars equal the sources' tables, sources shown, export works."""

from __future__ import annotations

import sys

import pytest

from ermu.models.presets import Preset
from PySide6.QtCore import Qt

from ermu.gui.charts import chart_panel
from ermu.gui.charts.chart_specs import APPROVAL, CHARTS, KIND_SERIES
from ermu.gui.charts.charts_view import ChartsView
from ermu.models.credit import tables


@pytest.fixture
def view(qtbot, state):
    widget = ChartsView(state)
    qtbot.addWidget(widget)
    widget.resize(1080, 760)
    widget.show()
    return widget


def _widths(container) -> list[float]:
    return [round(bar.get_width(), 4) for bar in container]


def test_approval_bars_equal_the_table(view):
    panel = view.show_chart("approval")
    ax = panel.figure.axes[0]
    rows = tables.load("approval_by_group")
    by_label = {c.get_label(): c for c in ax.containers}
    for column, name in APPROVAL:
        assert _widths(by_label[name]) == [round(float(tables.number(r[column])), 4) for r in rows]
    assert "Kostka 2018, p. 13" in panel.source.text()


def test_behaviour_change_bars_equal_the_tables(view):
    ax = view.show_chart("behaviour-scheme").figure.axes[0]
    assert _widths(ax.containers[0]) == tables.column("behaviour_change_by_scheme", "changed_pct")
    raise_ax, avoid_ax = view.show_chart("behaviour-kind").figure.axes
    rows = tables.load("behaviour_change_by_kind")
    for ax, aim in ((raise_ax, "raise"), (avoid_ax, "avoid")):
        for container, (column, _) in zip(ax.containers, KIND_SERIES):
            assert _widths(container) == [tables.number(r[column]) for r in rows if r["aim"] == aim]
    ax = view.show_chart("behaviour-demographic").figure.axes[0]
    assert _widths(ax.containers[0]) == tables.column("behaviour_change_by_demographic", "changed_pct")


@pytest.mark.parametrize("chart_id, table, column", [
    ("datasets-subject", "ncisp_datasets_by_subject", "datasets"),
    ("datasets-sharing", "ncisp_datasets_by_sharing", "datasets"),
    ("platforms", "licensed_platforms", "users_millions"),
])
def test_data_bars_equal_the_tables(view, chart_id, table, column):
    ax = view.show_chart(chart_id).figure.axes[0]
    assert _widths(ax.containers[0]) == tables.column(table, column)


def test_every_chart_has_a_source_a_table_and_readable_type(view, qtbot):
    for spec in CHARTS:
        panel = view.show_chart(spec.id)
        assert panel.source.text().startswith("Source: ") and spec.rows()[0]["source"] not in panel.source.text()
        assert panel.table.rowCount() == len(spec.rows())
        qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
        assert panel.stack.currentWidget() is panel.table
        qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
        assert panel.stack.currentWidget() is panel.canvas
        for ax in panel.figure.axes:
            for label in ax.get_yticklabels() + ax.get_xticklabels():
                assert label.get_fontsize() >= 9
    assert view.show_chart("approval").table.cell_text(0, 0) == "All respondents"


def test_export_writes_png_and_svg(view, tmp_path, monkeypatch):
    panel = view.show_chart("approval")
    for fmt in ("png", "svg"):
        target = tmp_path / f"approval.{fmt}"
        monkeypatch.setattr(chart_panel.QFileDialog, "getSaveFileName",
                            staticmethod(lambda *a, t=target, **k: (str(t), "")))
        panel.export_buttons[fmt].click()
        assert target.exists() and target.stat().st_size > 1000
    assert (tmp_path / "approval.png").read_bytes()[:4] == b"\x89PNG"
    assert b"<svg" in (tmp_path / "approval.svg").read_bytes()[:500]


def test_presets_open_the_asked_chart(view):
    for key, chart_id in (("approval", "approval"), ("behaviour-change", "behaviour-scheme"),
                          ("datasets", "datasets-subject"), ("platforms", "platforms")):
        view.open_preset(Preset(view="charts", options={"chart": key}))
        assert view.stack.currentWidget() is view.panels[chart_id]


def test_matplotlib_is_not_loaded_until_a_chart_is_shown():
    import subprocess

    code = ("import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            "import ermu.gui.charts.charts_view, ermu.gui.credit.credit_view as c; "
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "False", out.stderr
