"""A language switch redraws what the sandbox and the criticism session drew in the old language."""

from __future__ import annotations

import pytest


def _unit_labels(diagram) -> list[str]:
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    return sorted(item.text() for item in diagram.scene().items() if isinstance(item, QGraphicsSimpleTextItem))


@pytest.fixture
def english_after(window):
    yield window
    window.language_actions["en"].trigger()


def test_the_diagram_unit_labels_follow_a_language_switch_at_once(english_after, qtbot):
    window = english_after
    face = window.show_page("sandbox")
    diagram = face.builder.diagram
    before = _unit_labels(diagram)
    assert "保 pao 1" in before and "甲 jia 2" in before and "衙門 yamen — magistrate's office" in before
    population = face.document.population
    with qtbot.waitSignal(window.state.language_changed):
        window.language_actions["zh-Hans"].trigger()
    chinese = _unit_labels(diagram)
    assert "保 bǎo 1" in chinese and "甲 jiǎ 2" in chinese and "衙门 yámen" in chinese
    assert not any("pao" in t or "jia " in t or "magistrate" in t for t in chinese), chinese
    unit = next(box for box in diagram.lay.boxes if box.label.startswith("保"))
    assert unit.label == "保 bǎo 1"  # tooltips and the camera's names read the same label
    assert face.document.population is population  # the village is the same: only its words changed
    window.language_actions["en"].trigger()
    assert _unit_labels(diagram) == before


def test_criticism_steps_explain_their_rule_in_the_language_shown(english_after, qtbot):
    window = english_after
    face = window.show_page("criticism")
    face.step_button.click()
    item = face.transcript.item(0)
    assert item.toolTip().startswith("Rule: The practice was never written into law")
    with qtbot.waitSignal(window.state.language_changed):
        window.language_actions["zh-Hans"].trigger()
    tip = face.transcript.item(0).toolTip()
    assert "The practice" not in tip and "党" in tip and "chu-1983" in tip
    assert face.room.toolTip() == tip  # the room explains the step it shows, in the same words


def test_the_years_sweep_names_parameters_in_words_in_either_language(english_after, qtbot):
    window = english_after
    controls = window.show_page("years").controls
    combo = controls.first.name
    assert combo.currentText() == "Chance that one copying of a record names the wrong household"
    assert "register_error_rate" not in [combo.itemText(i) for i in range(combo.count())]
    with qtbot.waitSignal(window.state.language_changed):
        window.language_actions["zh-Hans"].trigger()
    assert combo.currentText() == "誊录一次册籍写错户的概率" and combo.toolTip() == combo.currentText()
    assert controls.first.parameter() == "register_error_rate"  # the experiment still asks for the id


def test_a_big_villages_blocks_are_named_again_after_a_switch(qtbot):
    """A village drawn as blocks (one per unit) names them in the new language, tooltips included."""
    from ermu.gui.widgets.hierarchy_diagram import HierarchyDiagram
    from ermu.models.hierarchy import group
    from ermu.models.language import set_language
    from ermu.models.population import Population
    from ermu.models.regimes import get_regime

    diagram = HierarchyDiagram()
    qtbot.addWidget(diagram)
    diagram.resize(900, 600)
    diagram.set_hierarchy(group(Population.generate(30_000, seed=1), get_regime("qing-baojia")))
    assert diagram.lay.mode == "blocks"
    box, item = diagram.lay.boxes[2], diagram._box_items[2]
    english = box.label
    assert english == "甲 jia 3" and item.toolTip().startswith("甲 jia 3: 100 households")
    try:
        set_language("zh-Hans")
        diagram.retranslate()
        assert box.label == "甲 jiǎ 3" and item.toolTip().startswith("甲 jiǎ 3：100户")
    finally:
        set_language("en")
    diagram.retranslate()
    assert box.label == english


def test_criticism_seats_follow_the_script_of_the_language(english_after, qtbot):
    window = english_after
    face = window.show_page("criticism")
    seats = [face.chair_target.itemText(i) for i in range(1, face.chair_target.count())]
    assert any("鄭" in text for text in seats)  # the members' own characters, as the village gave them
    with qtbot.waitSignal(window.state.language_changed):
        window.language_actions["zh-Hans"].trigger()
    seats = [face.chair_target.itemText(i) for i in range(1, face.chair_target.count())]
    setup = [face.setup.seat.itemText(i) for i in range(1, face.setup.seat.count())]
    table = [face.states.item(row, 0).text() for row in range(face.states.rowCount())]
    for texts in (seats, setup, table):  # simplified, as the narration and the room write them
        assert not any("鄭" in text for text in texts) and any("郑" in text for text in texts), texts
