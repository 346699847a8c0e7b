"""The shell: one app state, the page contract, and the fixes a teacher would notice."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from helpers import make_window, preset, show

from ermu.gui.pages import PAGES
from ermu.models.content import lesson


def _activate(window, qtbot):
    for other in QApplication.topLevelWidgets():  # another test's window must not keep the focus
        if other is not window and other.isWindow():
            other.close()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@pytest.mark.parametrize("keys", [(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
                                  (Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)],
                         ids=["ctrl-shift-z", "ctrl-y"])
def test_redo_keys_redo_in_the_sandbox_even_with_the_library_open(qtbot, keys):
    window = make_window()
    qtbot.addWidget(window)
    _activate(window, qtbot)
    show(window, "library")  # the library has undo keys of its own: no ambiguity across faces
    sandbox = show(window, "sandbox")
    doc = sandbox.document
    doc.set_regime("sui")
    sandbox.builder.tree.setFocus()  # keys go where the keyboard user is
    qtbot.waitUntil(sandbox.builder.tree.hasFocus)
    qtbot.keyClick(sandbox.builder.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.regime_id == "qing-baojia"
    qtbot.keyClick(sandbox.builder.tree, *keys)
    assert doc.regime_id == "sui"
    redo_keys = [k.toString() for k in sandbox.bar.redo_action.shortcuts()]
    assert len(redo_keys) == len(set(redo_keys)) == 2


def test_try_it_asks_before_replacing_unsaved_work_and_plays_the_lessons_parameters(qtbot, monkeypatch):
    window = make_window()
    qtbot.addWidget(window)
    sandbox = show(window, "sandbox")
    doc = sandbox.document
    doc.set_parameter("observation_probability", 0.2)  # the teacher's own change
    doc.remove_household(0)
    asked = []
    monkeypatch.setattr(type(sandbox), "confirm_replace", lambda self: asked.append(1) or False)
    lessons = show(window, "lessons")
    lessons.open_lesson("sui")
    lessons.try_it()
    assert asked and len(doc.population) == 199  # refused: the teacher's village is kept
    monkeypatch.setattr(type(sandbox), "confirm_replace", lambda self: asked.append(1) or True)
    lessons = show(window, "lessons")
    lessons.try_it()
    sui = lesson("sui").preset
    assert (doc.regime_id, len(doc.population), doc.seed) == ("sui", sui.households, sui.seed)
    assert doc.parameters == sui.parameters  # the lesson's own, not the teacher's 0.2
    assert doc.resolved_parameters().observation_probability == 0.9
    doc.undo_stack.undo()  # one step brings the teacher's village back
    assert len(doc.population) == 199 and doc.parameters.observation_probability == 0.2


def test_a_builtin_example_plays_the_same_parameters_from_the_library_and_from_its_lesson(qtbot):
    from ermu.models.storage.builtins import builtin_scenario

    window = make_window()
    qtbot.addWidget(window)
    doc = show(window, "sandbox").document
    window.state.request("open_preset", lesson("qing-baojia").preset)
    from_lesson = (doc.resolved_parameters(), doc.fitted_incident(), len(doc.population))
    result_lesson = doc.result().outcome.liable_households
    doc.generate(30, 2)
    doc.undo_stack.setClean()
    window.state.request("open_scenario", builtin_scenario("builtin:qing-baojia"))
    from_library = (doc.resolved_parameters(), doc.fitted_incident(), len(doc.population))
    assert from_library == from_lesson
    assert doc.result().outcome.liable_households == result_lesson
    exported = builtin_scenario("builtin:qing-baojia").parameters
    assert exported["observation_probability"] == 0.9  # the regime's default, as the CLI plays it


def test_renaming_one_household_updates_its_row_only_and_keeps_the_result(qtbot):
    window = make_window()
    qtbot.addWidget(window)
    sandbox = show(window, "sandbox")
    doc = sandbox.document
    resets = []
    sandbox.builder.tree_model.modelReset.connect(lambda: resets.append(1))
    house_before = sandbox.builder.diagram._house_items[0]
    result_before = doc.result()
    household = doc.population[150]
    from dataclasses import replace

    renamed = (replace(household.members[0], name="Renamed Head"), *household.members[1:])
    changes = []
    doc.changed.connect(changes.append)
    assert doc.edit_household(150, members=renamed)
    assert changes and changes[-1].households == {150} and not changes[-1].structure
    assert resets == [] and sandbox.builder.diagram._house_items[0] is house_before  # not laid out again
    assert doc.result() is result_before  # household 150 plays no part in household 57's theft
    assert doc.population[150].members[0].name == "Renamed Head"


def test_every_face_declares_its_page_and_resets(qtbot):
    window = make_window()
    qtbot.addWidget(window)
    for page in PAGES:
        face = show(window, page.id)
        assert type(face).page_id == page.id
        face.reset()  # every face can go back to its first state


def test_an_undeclared_request_is_refused(qtbot):
    window = make_window()
    qtbot.addWidget(window)
    charts = show(window, "charts")
    with pytest.raises(ValueError, match="does not declare"):
        charts.request("save_scenario", None)


def test_no_traceback_at_exit_after_a_library_undo(tmp_path):
    script = tmp_path / "run.py"
    script.write_text(
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "sys.path.insert(0, %r)\n"
        "from helpers import make_window, show\n"
        "window = make_window()\n"
        "page = show(window, 'library')\n"
        "window.state.library.wait()\n"
        "app.processEvents(); window.state.library.wait(); app.processEvents()\n"
        "view = page.view\n"
        "view.search.setText('every door')\n"
        "view.table.selectRow(0)\n"
        "view.duplicate_selected(); window.state.library.wait(); app.processEvents()\n"
        "view.undo_stack.undo(); window.state.library.wait(); app.processEvents()\n"
        "window.close()\n"
        "del window\n"
        "app.processEvents()\n" % str(__import__("pathlib").Path(__file__).parent))
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "RuntimeError" not in result.stderr, result.stderr


def test_the_first_window_imports_only_the_home_face_and_no_heavy_library(tmp_path):
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from ermu.gui.main_window import MainWindow\n"
        "from ermu.gui.state import AppState\n"
        "window = MainWindow(AppState())\n"
        "window.show(); app.processEvents()\n"
        "faces = sorted(m for m in sys.modules if m.startswith('ermu.gui.') and m.count('.') >= 3)\n"
        "heavy = sorted(m for m in ('matplotlib', 'sqlalchemy', 'pydantic', 'networkx', 'numpy', 'alembic')\n"
        "               if m in sys.modules)\n"
        "lazy = sorted(m for m in %r if m in sys.modules)\n"
        "print(faces); print(heavy); print(lazy)\n" % (LAZY,))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    faces, heavy, lazy = result.stdout.strip().splitlines()
    assert eval(faces) == ["ermu.gui.home.home_view"]
    assert eval(heavy) == []
    assert eval(lazy) == [], "the first window loads what it does not show"


#: What an English first window does not need before it paints: the language layer (the
#: Language menu's names come when it opens), the announcements (with the first status
#: message), the retranslation walk (with the first switch), the background runner (with
#: the first autosave) and Qt's catalogs.
LAZY = ("ermu.models.language", "ermu.gui.announce", "ermu.gui.retranslation", "ermu.gui.ops",
        "ermu.gui.translators")


def test_the_lazy_shell_still_works_before_a_menu_opens(qtbot):
    """Ctrl+Shift+H and F1 work before the View menu was ever opened; the Language menu fills
    itself when it opens, each language named in itself; a status message is announced."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ermu.gui import announce

    window = make_window()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.view_menu.actions() == [] and window.language_menu.actions() == []
    try:
        qtbot.keyClick(window.navigation, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
        assert window.contrast_action.isChecked() and window.state.settings.high_contrast
    finally:
        window.set_high_contrast(False)
    window.language_menu.aboutToShow.emit()
    assert [a.text() for a in window.language_menu.actions()] == ["English", "简体中文", "繁體中文"]
    assert [a.isChecked() for a in window.language_menu.actions()] == [True, False, False]
    window.view_menu.aboutToShow.emit()
    assert window.contrast_action in window.view_menu.actions() and window.help_action in window.view_menu.actions()
    window.show_status("The library was saved.")
    QApplication.processEvents()
    assert window.status_message.isVisible() and ("The library was saved.", False) in announce.HEARD


def test_no_face_opens_a_stray_window_of_its_own(qtbot):
    """A widget shown before it has a parent becomes a window: the user would see it float."""
    window = make_window()
    qtbot.addWidget(window)
    window.show()
    for page in PAGES:
        show(window, page.id)
        QApplication.processEvents()
    stray = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window
             and not w.inherits("QMenu") and w.windowType() != Qt.WindowType.ToolTip]
    assert stray == [], [(type(w).__name__, getattr(w, "text", lambda: "")()) for w in stray]
