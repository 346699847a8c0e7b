"""A crash loses seconds, not work; two teachers never silently overwrite each other."""

from dataclasses import replace

import pytest
from PySide6.QtCore import QThreadPool

from helpers import make_window, show

from ermu.models.storage import Library, pending_autosave


def _settle(window, qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(4):
        QThreadPool.globalInstance().waitForDone(10_000)
        if window.state.has_library:
            window.state.library.wait()
        QApplication.processEvents()


def test_autosave_then_restore_after_a_crash(qtbot):
    window = make_window()
    qtbot.addWidget(window)
    sandbox = show(window, "sandbox", regime="ming-lijia", households=130, seed=5)
    qtbot.waitUntil(lambda: len(sandbox.document.population) == 130 and not sandbox.document.busy)
    sandbox.document.remove_household(7)
    qtbot.waitUntil(lambda: len(sandbox.document.population) == 129)
    window.autosave_now()
    _settle(window, qtbot)
    assert pending_autosave() is not None

    # the app "crashes"; a new window starts and offers the work back
    fresh = make_window()
    qtbot.addWidget(fresh)
    fresh.offer_restore()
    qtbot.waitUntil(lambda: fresh.restore_bar.isVisibleTo(fresh))
    assert "unsaved" in fresh.restore_label.text()
    fresh.restore_autosave()
    restored = fresh.face("sandbox").document
    qtbot.waitUntil(lambda: len(restored.population) == 129 and restored.regime_id == "ming-lijia")
    assert [h.members for h in restored.population] == [h.members for h in sandbox.document.population]


def test_discarding_the_autosave_forgets_it(qtbot):
    window = make_window()
    qtbot.addWidget(window)
    show(window, "sandbox", households=40, seed=2)
    window.autosave_now()
    _settle(window, qtbot)
    window.offer_restore()
    qtbot.waitUntil(lambda: window.restore_bar.isVisibleTo(window))
    window.discard_autosave()
    assert pending_autosave() is None and not window.restore_bar.isVisibleTo(window)


def test_the_kiosk_never_autosaves_nor_offers_someone_elses_work(qtbot):
    from ermu.gui.main_window import MainWindow
    from ermu.gui.state import AppState

    desk = make_window()
    qtbot.addWidget(desk)
    show(desk, "sandbox", households=40, seed=2)
    desk.autosave_now()
    _settle(desk, qtbot)
    assert pending_autosave() is not None
    kiosk = MainWindow(AppState(mode="kiosk"))
    qtbot.addWidget(kiosk)
    kiosk.offer_restore()
    _settle(kiosk, qtbot)
    assert not kiosk.restore_bar.isVisibleTo(kiosk)


@pytest.mark.parametrize("choice", ["copy", "overwrite", "reload"])
def test_a_second_save_over_someone_elses_change_asks(qtbot, monkeypatch, choice):
    window = make_window()
    qtbot.addWidget(window)
    sandbox = show(window, "sandbox", households=50, seed=3)
    qtbot.waitUntil(lambda: len(sandbox.document.population) == 50)
    saved = []
    window.state.library.save(sandbox.current_scenario("Lesson 9 example"), on_done=saved.append)
    qtbot.waitUntil(lambda: bool(saved), timeout=20_000)
    mine = saved[0]
    other_teacher = Library()
    theirs = other_teacher.get(mine.id)
    other_teacher.save(replace(theirs, notes="changed by the other teacher"))
    monkeypatch.setattr(window.navigator, "ask_conflict", lambda exc: choice)
    window.state.request("save_scenario", replace(mine, notes="my change"))
    _settle(window, qtbot)
    _settle(window, qtbot)
    titles = [s.title for s in other_teacher.list(search="Lesson 9")]
    notes = {s.notes for s in (other_teacher.get(x.id) for x in other_teacher.list(search="Lesson 9"))}
    if choice == "copy":
        assert len(titles) == 2 and notes == {"changed by the other teacher", "my change"}
    elif choice == "overwrite":
        assert len(titles) == 1 and notes == {"my change"}
    else:
        assert len(titles) == 1 and notes == {"changed by the other teacher"}
        assert "Reloaded the other teacher's" in window.status_message.text()
    other_teacher.close()
