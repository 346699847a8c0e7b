"""Compare: the sandbox's village and incident under several regimes, as a table and small diagrams."""

from PySide6.QtCore import Qt

from helpers import make_window, preset, show

from ermu.gui.sandbox.compare_view import CompareView


def _compare(qtbot, state, **fields):
    view = CompareView(state)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    if fields:
        view.open_preset(preset(view="compare", **fields))
    return view


def test_two_regimes_give_two_rows_with_the_engines_numbers(qtbot, state):
    view = _compare(qtbot, state, households=200, seed=7, regimes=["qing-baojia", "sui"],
                    incident={"offender": 57, "offence": "theft", "response": "concealed"})
    model = view.table_model
    assert model.rowCount() == 2 and len(view.panes) == 2
    assert model.data(model.index(0, 0)) == "Qing baojia"
    assert model.data(model.index(0, 1)) == "10"
    assert model.data(model.index(1, 1)) == "5"


def test_choosing_a_household_in_one_pane_chooses_it_in_all(qtbot, state):
    view = _compare(qtbot, state, regimes=["qing-baojia", "song-baojia", "ming-baojia"])
    assert view.table_model.rowCount() == 3
    _, first = view.panes[0]
    qtbot.mouseClick(first.viewport(), Qt.MouseButton.LeftButton, pos=first.mapFromScene(first.position_of(20)))
    assert view.selected == 20
    assert all(diagram._selection is not None for _, diagram in view.panes)


def test_a_regime_that_does_not_police_the_offence_plays_its_own_in_pane_and_table_alike(qtbot, state):
    view = _compare(qtbot, state, regimes=["qing-baojia", "ming-lijia"])
    caption, _ = view.panes[1]
    assert "does not police theft" in caption.text()
    model = view.table_model
    assert model.data(model.index(1, 1)) not in ("—", "", None)  # the table shows what the pane shows


def test_three_regimes_picked_survive_a_visit_to_the_lessons(qtbot):
    window = make_window()
    qtbot.addWidget(window)
    compare = show(window, "compare")
    for combo, regime in zip(compare.combos, ("ming-lijia", "wang-shouren", "song-baojia")):
        combo.setCurrentIndex(combo.findData(regime))
        combo.activated.emit(combo.currentIndex())
    assert compare.regime_ids == ["ming-lijia", "wang-shouren", "song-baojia"]
    show(window, "lessons")
    back = show(window, "compare")
    assert back is compare and back.regime_ids == ["ming-lijia", "wang-shouren", "song-baojia"]
    assert [combo.currentData() for combo in back.combos[:3]] == ["ming-lijia", "wang-shouren", "song-baojia"]
    assert window.state.compare_regimes == ["ming-lijia", "wang-shouren", "song-baojia"]


def test_one_pick_rebuilds_once_and_groups_each_regime_once(qtbot, state, monkeypatch):
    import ermu.gui.sandbox.compare_view as module

    calls = []
    real_group = module.group
    monkeypatch.setattr(module, "group", lambda *a, **k: calls.append(a[1].id) or real_group(*a, **k))
    view = _compare(qtbot, state)
    before, calls[:] = view.rebuilds, []
    view.combos[2].setCurrentIndex(view.combos[2].findData("ming-baojia"))
    view.combos[2].activated.emit(view.combos[2].currentIndex())
    assert view.rebuilds == before + 1
    assert calls == ["ming-baojia"]  # the two regimes already shown are not grouped again


def test_compare_shows_the_sandbox_village_incident_and_parameters(qtbot):
    window = make_window()
    qtbot.addWidget(window)
    sandbox = show(window, "sandbox", regime="qing-lijia", households=220, seed=6)
    doc = sandbox.document
    qtbot.waitUntil(lambda: len(doc.population) == 220 and not doc.busy)
    doc.remove_household(0)
    doc.set_incident(offender=30, offence="tax-default", response="concealed")
    doc.set_parameter("observation_probability", 0.0)
    compare = show(window, "compare")
    assert "219 households" in compare.notice.text()
    assert compare.incident_bar.offence.currentData() == "tax-default"
    assert compare.incident_bar.offender.value() == 30
    _, diagram = compare.panes[0]
    assert diagram.hierarchy.household_count == 219
    assert compare._parameters_for(compare._grouping(compare.regime_ids[0]).regime).observation_probability == 0.0


def test_four_panes_play_in_lockstep_on_one_timeline_each_zoomed_to_its_offender(qtbot, state):
    from ermu.gui.widgets.hierarchy_diagram import LABEL_PX

    state.settings.reduced_motion = True
    view = _compare(qtbot, state, households=200, seed=7,
                    regimes=["qing-baojia", "sui", "song-baojia", "ming-lijia"],
                    incident={"offender": 57, "offence": "theft", "response": "concealed"})
    assert len(view.panes) == 4 and view.table_model.rowCount() == 4
    longest = max(len(steps) for steps in view.pane_steps)
    assert view.timeline.maximum() == longest - 1 and view.playback.position == longest - 1  # outcomes at rest
    view.go_to(5)
    assert view.timeline.value() == 5
    for (_, diagram), steps, line in zip(view.panes, view.pane_steps, view.pane_narrations):
        assert line.text() == steps[min(5, len(steps) - 1)].narration  # the same step in every pane
        assert diagram.scale_now() * LABEL_PX >= 12  # its labels readable
        offender_unit = diagram.mapFromScene(diagram.unit_rect(57)).boundingRect()
        assert diagram.viewport().rect().intersects(offender_unit)
    view.table.setStyleSheet("QHeaderView { font-size: 15px; }")  # the app's own heading size
    view.resize(820, 700)  # about Compare's share of a 1024 × 768 window (it keeps its least width)
    qtbot.waitUntil(lambda: view.table.width() < 900)
    header = view.table.horizontalHeader()
    for column in range(1, view.table_model.columnCount()):  # no heading clipped
        title = view.table_model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title)
    view.play_button.click()
    assert view.playback.playing and view.play_button.accessibleName().startswith("Pause")
    view.play_button.click()
    view.restart_button.click()
    assert view.playback.position == -1 and all(not d._marks[0] for _, d in view.panes)


def test_compare_steps_with_the_keys_and_announces_every_pane(qtbot, state):
    from ermu.gui.announce import HEARD

    state.settings.reduced_motion = True
    view = _compare(qtbot, state, households=200, seed=7, regimes=["qing-baojia", "sui"],
                    incident={"offender": 57, "offence": "theft", "response": "concealed"})
    view.restart_button.click()
    HEARD.clear()
    _, diagram = view.panes[0]
    diagram.setFocus()
    qtbot.keyClick(diagram, Qt.Key.Key_Right)  # the diagram leaves Right to Compare: one step everywhere
    assert view.playback.position == 0
    said = HEARD[-1][0]
    assert all(steps[0].narration in said for steps in view.pane_steps)
    view.back_button.click()
    assert view.playback.position == -1
