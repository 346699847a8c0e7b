"""Save from the sandbox, find it in the library, reopen it, delete and undo — as a teacher would."""

from PySide6.QtCore import Qt

from helpers import make_window, show


def test_save_find_reopen_delete_and_undo(qtbot):
    window = make_window()
    qtbot.addWidget(window)
    sandbox = show(window, "sandbox", regime="qing-baojia", households=120, seed=11)
    doc = sandbox.document
    qtbot.waitUntil(lambda: len(doc.population) == 120 and not doc.busy)
    doc.remove_household(3)  # a teacher's own village, not a generated one
    qtbot.waitUntil(lambda: len(doc.population) == 119)
    doc.set_incident(offender=42, offence="theft", response="self-report")
    assert doc.modified
    with qtbot.waitSignal(window.state.library.changed, timeout=20_000):
        qtbot.mouseClick(sandbox.save_button, Qt.MouseButton.LeftButton)
    assert "Saved" in window.status_message.text() and not doc.modified

    library = show(window, "library")
    qtbot.waitUntil(lambda: library.view is not None, timeout=20_000)
    view = library.view
    view.search.setText("Qing baojia, 119")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1)

    doc.generate(30, 1, "sui")  # move on to something else
    qtbot.waitUntil(lambda: len(doc.population) == 30)
    doc.undo_stack.setClean()
    view.table.selectRow(0)
    view.open_selected()
    qtbot.waitUntil(lambda: len(doc.population) == 119 and doc.regime_id == "qing-baojia", timeout=20_000)
    assert window.stack.currentWidget() is sandbox
    assert doc.incident.offender == 42 and str(doc.incident.response) == "self-report"

    saved = library.library.list(search="Qing baojia, 119")[0]
    library.library.delete(saved.id)
    assert not library.library.list(search="Qing baojia, 119")
    library.library.restore(saved.id)
    assert library.library.list(search="Qing baojia, 119")
