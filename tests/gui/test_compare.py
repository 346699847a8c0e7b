"""Compare: the same village and incident under several regimes, as a table and small diagrams."""

from PySide6.QtCore import Qt

from ermu.gui.compare.compare_view import CompareView


def test_two_regimes_give_two_rows_with_the_engines_numbers(qtbot):
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.open_preset({"households": 200, "seed": 7, "regimes": ["qing-baojia", "sui"],
                      "incident": {"offender": 57, "offence": "theft", "response": "concealed"}})
    model = view.table_model
    assert model.rowCount() == 2 and len(view.panes) == 2
    assert model.data(model.index(0, 0)) == "Qing baojia"
    assert model.data(model.index(0, 1)) == "10"
    assert model.data(model.index(1, 1)) == "5"


def test_choosing_a_household_in_one_pane_chooses_it_in_all(qtbot):
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.open_preset({"regimes": ["qing-baojia", "song-baojia", "ming-baojia"]})
    assert view.table_model.rowCount() == 3
    _, first = view.panes[0]
    qtbot.mouseClick(first.viewport(), Qt.MouseButton.LeftButton, pos=first.mapFromScene(first.position_of(20)))
    assert view.selected == 20
    assert all(diagram._selection is not None for _, diagram in view.panes)


def test_compare_shows_the_sandbox_village_and_incident(qtbot):
    from ermu.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    sandbox = window.show_view("sandbox", regime="qing-lijia", households=220, seed=6)
    qtbot.waitUntil(lambda: len(sandbox.document.population) == 220 and not sandbox.document.busy)
    sandbox.document.remove_household(0)
    qtbot.waitUntil(lambda: len(sandbox.document.population) == 219)
    sandbox.player.set_incident({"offender": 30, "offence": "tax-default", "response": "concealed"})
    compare = window.show_view("compare")
    assert len(compare.population) == 219
    assert compare.incident.offence == "tax-default" and compare.offence.currentData() == "tax-default"
    assert compare.regime_ids[0] == "qing-lijia"
