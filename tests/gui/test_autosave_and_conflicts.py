"""A crash loses seconds, not work; two teachers never silently overwrite each other."""

from dataclasses import replace

import pytest
from PySide6.QtCore import QThreadPool

from ermu.gui.main_window import MainWindow
from ermu.models.storage import Library, pending_autosave


def test_autosave_then_restore_after_a_crash(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    sandbox = window.show_view("sandbox", regime="ming-lijia", households=130, seed=5)
    qtbot.waitUntil(lambda: len(sandbox.document.population) == 130 and not sandbox.document.busy)
    sandbox.document.remove_household(7)
    qtbot.waitUntil(lambda: len(sandbox.document.population) == 129)
    window.autosave_now()
    QThreadPool.globalInstance().waitForDone(10_000)
    assert pending_autosave() is not None

    # the app "crashes"; a new window starts and offers the work back
    fresh = MainWindow()
    qtbot.addWidget(fresh)
    fresh.offer_restore()
    assert fresh.restore_bar.isVisibleTo(fresh) and "unsaved" in fresh.restore_label.text()
    fresh.restore_autosave()
    restored = fresh.view("sandbox").document
    qtbot.waitUntil(lambda: len(restored.population) == 129 and restored.regime_id == "ming-lijia")
    assert [h.members for h in restored.population] == [h.members for h in sandbox.document.population]


def test_discarding_the_autosave_forgets_it(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_view("sandbox", households=40, seed=2)
    window.autosave_now()
    QThreadPool.globalInstance().waitForDone(10_000)
    window.offer_restore()
    window.discard_autosave()
    assert pending_autosave() is None and not window.restore_bar.isVisibleTo(window)


@pytest.mark.parametrize("choice", ["copy", "overwrite", "reload"])
def test_a_second_save_over_someone_elses_change_asks(qtbot, monkeypatch, choice):
    window = MainWindow()
    qtbot.addWidget(window)
    sandbox = window.show_view("sandbox", households=50, seed=3)
    qtbot.waitUntil(lambda: len(sandbox.document.population) == 50)
    page = window.view("library")
    mine = page.save(sandbox.current_scenario("Lesson 9 example"))
    other_teacher = Library()
    theirs = other_teacher.get(mine.id)
    other_teacher.save(replace(theirs, notes="changed by the other teacher"))
    monkeypatch.setattr(page, "ask_conflict", lambda exc: choice)
    reloaded = []
    page.reloaded.connect(reloaded.append)
    page.save(replace(mine, notes="my change"))
    titles = [s.title for s in page.library.list(search="Lesson 9")]
    notes = {s.notes for s in (page.library.get(x.id) for x in page.library.list(search="Lesson 9"))}
    if choice == "copy":
        assert len(titles) == 2 and notes == {"changed by the other teacher", "my change"}
    elif choice == "overwrite":
        assert len(titles) == 1 and notes == {"my change"}
    else:
        assert len(titles) == 1 and notes == {"changed by the other teacher"}
        assert reloaded and reloaded[0].notes == "changed by the other teacher"
    other_teacher.close()
