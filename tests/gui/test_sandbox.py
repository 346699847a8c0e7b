"""The sandbox's builder, driven as a user would: make a village, regroup it, edit, undo, choose."""

import pytest
from PySide6.QtCore import Qt

from ermu.gui.sandbox.sandbox_view import SandboxView
from ermu.gui.widgets.diagram_layout import BLOCK_LIMIT


@pytest.fixture
def sandbox(qtbot, state):
    view = SandboxView(state)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    return view


def test_default_village_is_the_qing_baojia_of_200_households(sandbox):
    doc = sandbox.document
    assert (doc.regime_id, len(doc.population), doc.seed) == ("qing-baojia", 200, 7)
    assert sandbox.bar.regime.currentText() == "Qing baojia — 保甲 bǎojiǎ (pao-chia), 1644"
    tree = sandbox.builder.tree_model
    assert tree.rowCount() == 1  # one pao
    pao = tree.index(0, 0)
    assert "保 pao 1" in tree.data(pao) and "incomplete" in tree.data(pao)
    assert tree.rowCount(pao) == 2  # two jia
    assert sandbox.builder.diagram.lay.mode == "households"


def test_switching_regime_regroups_at_once_and_undo_brings_it_back(sandbox, qtbot):
    bar, tree = sandbox.bar, sandbox.builder.tree_model
    row = bar.regime.findData("song-baojia")
    bar.regime.activated.emit(row)
    assert sandbox.document.regime_id == "song-baojia"
    assert tree.rowCount() == 20  # 200 households in baojia of ten
    bar.undo.click()
    assert sandbox.document.regime_id == "qing-baojia" and tree.rowCount() == 1
    assert bar.regime.currentData() == "qing-baojia"
    qtbot.keyClick(sandbox, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert sandbox.document.regime_id == "song-baojia"


def test_bad_household_count_is_one_sentence_and_keeps_the_village(sandbox, qtbot):
    bar = sandbox.bar
    bar.households.setText("-5")
    with qtbot.waitSignal(sandbox.state.status) as blocker:
        bar.generate.click()
    message = blocker.args[0]
    assert "positive whole number" in message and "\n" not in message
    assert len(sandbox.document.population) == 200


def test_edit_a_household_then_undo_and_redo(sandbox, qtbot):
    doc, editor = sandbox.document, sandbox.builder.editor
    doc.select(57)
    before = doc.population[57].head.name
    editor.members.item(0, 0).setText("Lin Dawen")
    assert doc.population[57].head.name == "Lin Dawen"
    assert "Lin Dawen" in sandbox.builder.details.text()
    sandbox.bar.undo.click()
    assert doc.population[57].head.name == before
    assert editor.members.item(0, 0).text() == before
    sandbox.bar.redo.click()
    assert doc.population[57].head.name == "Lin Dawen"


def test_add_duplicate_remove_households(sandbox):
    doc, editor = sandbox.document, sandbox.builder.editor
    doc.select(10)
    editor.duplicate_button.click()
    assert len(doc.population) == 201 and doc.selected == 11
    assert doc.population[11].members == doc.population[10].members
    editor.remove_button.click()
    editor.remove_button.click()
    assert len(doc.population) == 199
    editor.add_button.click()
    assert len(doc.population) == 200 and doc.population[doc.selected].head.name == "Wang Da"
    for _ in range(4):
        sandbox.bar.undo.click()
    assert len(doc.population) == 200 and doc.undo_stack.index() == 0


def test_invalid_member_edit_is_refused_with_a_sentence(sandbox, qtbot):
    doc, editor = sandbox.document, sandbox.builder.editor
    doc.select(3)
    age = doc.population[3].head.age
    with qtbot.waitSignal(sandbox.state.status) as blocker:
        editor.members.item(0, 3).setText("old")
    assert "age a whole number" in blocker.args[0]
    assert doc.population[3].head.age == age and editor.members.item(0, 3).text() == str(age)


def test_choosing_a_household_shows_its_pai_heads_and_path(sandbox, qtbot):
    builder = sandbox.builder
    diagram = builder.diagram
    point = diagram.mapFromScene(diagram.position_of(57))
    qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert sandbox.document.selected == 57
    text = builder.details.text()
    assert "牌 pái (pai) 6" in text and "Path to the government" in text and "yamen" in text
    current = builder.tree.currentIndex()
    assert builder.tree_model.node(current) == ("household", 57)
    # choosing in the tree chooses everywhere
    builder.tree.setCurrentIndex(builder.tree_model.index_of_household(3))
    assert sandbox.document.selected == 3 and "Household 3 " in builder.details.text()


def test_excluded_households_are_shown_apart_with_the_reason(sandbox):
    from ermu.models.population import Setting

    doc = sandbox.document
    doc.select(0)
    sandbox.builder.editor.setting.activated.emit(sandbox.builder.editor.setting.findData(int(Setting.CAPITAL)))
    tree = sandbox.builder.tree_model
    last = tree.index(tree.rowCount() - 1, 0)
    assert tree.node(last) == ("excluded",) and tree.rowCount(last) == 1
    assert "capital" in tree.data(last, Qt.ItemDataRole.ToolTipRole)
    assert "Outside the scope" in sandbox.builder.details.text()


def test_a_big_village_is_grouped_in_the_background_and_summarised(sandbox, qtbot):
    doc = sandbox.document
    with qtbot.waitSignal(doc.changed, timeout=20_000):
        doc.generate(150_000, 3)
        assert doc.busy and sandbox.bar.progress is not None
    assert len(doc.population) == 150_000 and not doc.busy
    diagram = sandbox.builder.diagram
    assert diagram.lay.mode == "blocks" and len(diagram.lay.boxes) <= BLOCK_LIMIT
    assert diagram.item_count() < 3 * BLOCK_LIMIT
    assert sandbox.builder.tree_model.rowCount() == 150  # pao of 1,000 households


def test_cancel_keeps_the_previous_village(sandbox, qtbot):
    doc = sandbox.document
    doc.generate(300_000, 1)
    from PySide6.QtWidgets import QPushButton

    sandbox.bar.progress.findChild(QPushButton).click()  # the dialog's Cancel
    assert not doc.busy and len(doc.population) == 200
    qtbot.waitUntil(lambda: doc.pool.activeThreadCount() == 0, timeout=20_000)
    assert len(doc.population) == 200
