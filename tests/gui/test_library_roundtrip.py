"""Save from the sandbox, find it in the library, reopen it, delete and undo — as a teacher would."""

from PySide6.QtCore import Qt

from ermu.gui.main_window import MainWindow


def test_save_find_reopen_delete_and_undo(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    sandbox = window.show_view("sandbox", regime="qing-baojia", households=120, seed=11)
    doc = sandbox.document
    qtbot.waitUntil(lambda: len(doc.population) == 120 and not doc.busy)
    doc.remove_household(3)  # a teacher's own village, not a generated one
    qtbot.waitUntil(lambda: len(doc.population) == 119)
    sandbox.player.set_incident({"offender": 42, "offence": "theft", "response": "self-report"})
    qtbot.mouseClick(sandbox.save_button, Qt.MouseButton.LeftButton)

    library = window.view("library")
    view = library.view
    view.search.setText("Qing baojia, 119")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1)

    doc.generate(30, 1, "sui")  # move on to something else
    qtbot.waitUntil(lambda: len(doc.population) == 30)
    saved = library.library.list(search="Qing baojia, 119")[0]
    window.open_scenario(library.library.get(saved.id))
    qtbot.waitUntil(lambda: len(doc.population) == 119 and doc.regime_id == "qing-baojia")
    assert sandbox.player.session.incident.offender == 42
    assert str(sandbox.player.session.incident.response) == "self-report"

    library.library.delete(saved.id)
    assert not library.library.list(search="Qing baojia, 119")
    library.library.restore(saved.id)
    assert library.library.list(search="Qing baojia, 119")
