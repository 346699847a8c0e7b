"""The library window: find a scenario, open it, delete and undo, import, read-only built-ins."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget

from ermu.models.population import Population
from ermu.models.storage import Scenario


@pytest.fixture
def view(qtbot, tmp_path):
    from ermu.gui.library.library_view import LibraryView
    from ermu.gui.library_service import LibraryService
    from ermu.models.storage.library import Library

    library = Library(f"sqlite:///{tmp_path / 'library.sqlite3'}")
    for title, tags in (("Bandits in the hills", ["bandits"]), ("Tax day in a Ming li", ["tax"]),
                        ("A quiet village", [])):
        library.save(Scenario(title=title, regime="qing-baojia", tags=tags, author="Ms Zhou",
                              population=Population.generate(12, seed=1)))
    library.close()
    service = LibraryService(f"sqlite:///{tmp_path / 'library.sqlite3'}")
    with qtbot.waitSignal(service.opened, timeout=20_000):
        service.open()
    widget = LibraryView(service)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    settle(widget)
    yield widget
    service.close()


def settle(view) -> None:
    """Let the library's background work finish and its results arrive."""
    from PySide6.QtWidgets import QApplication

    for _ in range(4):
        view.service.wait()
        QApplication.processEvents()


def visible_titles(view) -> list[str]:
    return [view.proxy.index(r, 1).data() for r in range(view.proxy.rowCount())]


def test_search_finds_a_saved_scenario_and_enter_opens_it(view, qtbot):
    qtbot.keyClicks(view.search, "bandits")
    assert visible_titles(view) == ["Bandits in the hills"]
    view.table.setFocus()
    view.table.selectRow(0)
    with qtbot.waitSignal(view.open_scenario) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    scenario = opened.args[0]
    assert scenario.title == "Bandits in the hills" and len(scenario.population) == 12
    assert view.status.text() == "Opened “Bandits in the hills”."


def test_filters_by_tag_and_builtins_are_marked_read_only(view):
    view.tag_filter.setCurrentText("tax")
    assert visible_titles(view) == ["Tax day in a Ming li"]
    view.tag_filter.setCurrentIndex(0)
    view.search.setText("every door")
    assert visible_titles(view) == ["Qing baojia: every door a placard"]
    assert view.proxy.index(0, 0).data() == "built-in"
    assert view.proxy.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    view.table.selectRow(0)
    assert not view.buttons["delete"].isEnabled() and not view.buttons["rename"].isEnabled()
    assert view.buttons["duplicate"].isEnabled()
    view.duplicate_selected()
    settle(view)
    assert [s.title for s in view.library.list("every door")] == ["Qing baojia: every door a placard (copy)"]


def test_delete_goes_to_the_trash_and_undo_brings_it_back(view, qtbot):
    view.search.setText("quiet")
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    settle(view)
    assert visible_titles(view) == []
    assert "moved to the trash" in view.status.text()
    assert [s.title for s in view.library.list(trash=True)] == ["A quiet village"]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(view)
    assert visible_titles(view) == ["A quiet village"]
    assert view.library.list(trash=True) == []
    view.table.selectRow(0)
    view.delete_selected()
    settle(view)
    view.show_trash.setChecked(True)
    settle(view)
    assert visible_titles(view) == ["A quiet village"] and view.buttons["empty"].isEnabled()
    view.empty_trash()
    settle(view)
    assert visible_titles(view) == [] and "Removed 1 scenario" in view.status.text()


def test_rename_and_tag_are_undoable(view):
    view.search.setText("Tax day")
    view.table.selectRow(0)
    view.rename_selected("Tax day in the county")
    settle(view)
    view.search.setText("")
    assert "Tax day in the county" in visible_titles(view)
    view.undo_stack.undo()
    settle(view)
    assert "Tax day in a Ming li" in visible_titles(view)


def test_dropping_a_bad_file_shows_one_sentence_and_imports_nothing(view, tmp_path):
    bad = tmp_path / "bad.ermu.json"
    bad.write_text(json.dumps({"format": "ermu-scenario", "schema_version": 1,
                               "scenario": {"title": "x", "regime": "sui", "households": "many"}}))
    good = tmp_path / "good.ermu.json"
    view.library.export([view.library.list("quiet")[0].id], good)
    before = len(view.library.list())
    for path in (bad, good):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier)
        view.dropEvent(event)
        settle(view)
        if path is bad:
            assert view.status.text() == "Could not import bad.ermu.json: households: must be a list."
            assert len(view.library.list()) == before
    assert len(view.library.list()) == before + 1 and view.status.text().startswith("Imported 1 scenario")


def test_every_control_has_an_accessible_name(view):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTableView

    controls = [w for w in view.findChildren(QWidget)
                if isinstance(w, (QAbstractButton, QComboBox, QLineEdit, QTableView))
                and not isinstance(w.parent(), (QLineEdit, QComboBox))]  # not Qt's own inner parts
    assert len(controls) >= 15
    assert controls and all(w.accessibleName() for w in controls), [w for w in controls if not w.accessibleName()]
