"""Finding 1 in the GUI: “Restore from a backup…” lists the backups and puts one back.

From the library window when work was lost, and from the page that says the library
could not be opened (there the command replaces a useless “Try again”).
"""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QApplication

from ermu.models.storage import Library, Scenario, list_backups


def settle(service) -> None:
    for _ in range(6):
        service.wait()
        QApplication.processEvents()


def _library_with_backups(url: str) -> None:
    with Library(url) as library:
        for title in ("Spring lesson", "Autumn lesson"):
            library.save(Scenario(title=title, regime="sui"))
    Library(url).close()  # a new day: the backups are made


def test_the_dialog_lists_backups_with_dates_and_counts(qtbot, tmp_path):
    from ermu.gui.library.backups import RestoreDialog

    url = f"sqlite:///{tmp_path / 'library.sqlite3'}"
    _library_with_backups(url)
    found = list_backups(url)
    dialog = RestoreDialog(found)
    qtbot.addWidget(dialog)
    lines = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(lines) == 3 and lines[0].endswith("· daily copy · 2 scenarios")
    assert lines[0].startswith(f"{found[0].made:%Y-%m-%d}")
    assert dialog.chosen() == found[0] and dialog.restore.isEnabled()


def test_restore_from_the_library_window_brings_deleted_work_back(qtbot, tmp_path, monkeypatch):
    from ermu.gui.library import backups
    from ermu.gui.library.library_view import LibraryView
    from ermu.gui.library_service import LibraryService

    url = f"sqlite:///{tmp_path / 'library.sqlite3'}"
    _library_with_backups(url)
    with Library(url) as library:
        for summary in library.list():
            library.delete(summary.id)
        library.empty_trash()
    offered = []
    monkeypatch.setattr(backups, "choose_backup", lambda _parent, found: offered.append(found) or found[0])
    service = LibraryService(url)
    with qtbot.waitSignal(service.opened, timeout=20_000):
        service.open()
    view = LibraryView(service)
    qtbot.addWidget(view)
    settle(service)
    assert not {"Spring lesson", "Autumn lesson"} & {view.proxy.index(r, 1).data()
                                                    for r in range(view.proxy.rowCount())}
    view.buttons["backups"].click()
    settle(service)
    titles = {view.proxy.index(r, 1).data() for r in range(view.proxy.rowCount())}
    assert {"Spring lesson", "Autumn lesson"} <= titles
    assert view.status.text().startswith("Restored the library from the daily backup of")
    assert "(2 scenarios)" in view.status.text() and len(offered[0]) == 3
    service.close()


def test_a_library_that_cannot_be_opened_offers_its_backups(qtbot, tmp_path, monkeypatch):
    from ermu.gui.library import backups
    from ermu.gui.library.library_page import LibraryPage
    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState

    path = tmp_path / "library.sqlite3"
    url = f"sqlite:///{path}"
    _library_with_backups(url)
    with sqlite3.connect(path) as connection:  # a colleague's newer Ermu wrote it
        connection.execute("UPDATE ermu_alembic_version SET version_num = '0099_newer'")
    monkeypatch.setattr(backups, "choose_backup", lambda _parent, found: found[0])
    state = AppState(Settings(None), database_url=url)
    page = LibraryPage(state)
    qtbot.addWidget(page)
    page.show()
    settle(state.library)
    assert "written by a newer version of Ermu" in page.message.text()
    assert page.restore.isVisible() and page.view is None
    page.restore.click()
    settle(state.library)
    assert page.view is not None, page.message.text()
    titles = {page.view.proxy.index(r, 1).data() for r in range(page.view.proxy.rowCount())}
    assert {"Spring lesson", "Autumn lesson"} <= titles
    state.shutdown()
