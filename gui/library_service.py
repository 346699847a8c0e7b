"""LibraryService: the one owner of the teachers' library in the app.

The app state creates it; the Library face, the sandbox's Save and the autosave use it.
The database (SQLite or a shared PostgreSQL) is opened the first time something needs it,
never at start-up, and every piece of database work runs on one background thread (a pool
of one, so operations keep their order): the window never freezes while a server answers.

``changed`` says what changed (:class:`LibraryChanges`), so the library's list refreshes
only when scenarios were written.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from .ops import Operation, Runner

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LibraryChanges:
    """What a library operation changed: ``scenarios`` written, or the whole library reopened."""

    scenarios: tuple = ()
    reopened: bool = False


class LibraryService(QObject):
    opened = Signal(object)  # the Library, once open
    open_failed = Signal(str)  # one sentence
    changed = Signal(object)  # LibraryChanges
    notice = Signal(str)  # something to tell the user once (a damaged file set aside, …)

    def __init__(self, url: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.library = None
        self.error: str | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one thread: operations run in the order they were asked
        self.runner = Runner(self._pool, self)
        self._opening: Operation | None = None
        self._waiting: list[tuple[Callable, Callable | None, Callable | None, bool, str]] = []

    # -- opening ---------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.library is not None

    def open(self) -> None:
        """Open the library in the background (once); ``opened`` or ``open_failed`` follows."""
        if self.library is not None or self._opening is not None:
            return

        def work():
            from ermu.models.storage import Library

            return Library(self.url)

        self.error = None
        self._opening = self.runner.run(work, self._on_opened, self._on_open_failed, label="open the library")

    def _on_opened(self, library) -> None:
        self._opening = None
        self.library = library
        self.opened.emit(library)
        if library.notice:
            self.notice.emit(library.notice)
        waiting, self._waiting = self._waiting, []
        for item in waiting:
            self.run(*item[:3], with_progress=item[3], label=item[4])

    def _on_open_failed(self, text: str) -> None:
        self._opening = None
        self.error = text
        waiting, self._waiting = self._waiting, []
        for _work, _done, failed, _progress, _label in waiting:
            if failed is not None:
                failed(text)
        self.open_failed.emit(text)

    # -- work ------------------------------------------------------------------------------
    def run(self, work: Callable[..., Any], on_done: Callable[[Any], None] | None = None,
            on_failed: Callable[[str], None] | None = None, *, with_progress: bool = False,
            label: str = "") -> Operation | None:
        """Run ``work(library)`` (or ``work(library, progress)``) on the library's thread.

        Opens the library first if need be; if it cannot be opened, ``on_failed`` gets the
        sentence that says why.
        """
        if self.library is None:
            self._waiting.append((work, on_done, on_failed, with_progress, label))
            self.open()
            return None
        library = self.library
        if with_progress:
            return self.runner.run(lambda progress: work(library, progress), on_done, on_failed,
                                   with_progress=True, label=label)
        return self.runner.run(lambda: work(library), on_done, on_failed, label=label)

    def save(self, scenario, on_done: Callable[[Any], None] | None = None,
             on_failed: Callable[[str], None] | None = None,
             on_conflict: Callable[[Any], None] | None = None) -> None:
        """Save a scenario; a ConflictError goes to ``on_conflict`` (the face asks the teacher)."""
        from_conflict: dict[str, Any] = {}

        def work(library):
            from ermu.models.storage import ConflictError, clear_autosave

            try:
                saved = library.save(scenario)
            except ConflictError as exc:
                from_conflict["error"] = exc
                return None
            try:
                clear_autosave()
            except OSError:  # the save itself worked; a stale autosave is only offered again
                log.warning("could not remove the autosave after saving", exc_info=True)
            return saved

        def done(saved) -> None:
            if saved is None and "error" in from_conflict:
                if on_conflict is not None:
                    on_conflict(from_conflict["error"])
                return
            self.changed.emit(LibraryChanges(scenarios=(saved.id,)))
            if on_done is not None:
                on_done(saved)

        self.run(work, done, on_failed, label="save a scenario")

    def reopened(self) -> None:
        """Tell the views that the whole library changed (a backup was restored)."""
        self.changed.emit(LibraryChanges(reopened=True))

    def restore_when_closed(self, backup, on_done: Callable[[Any], None], on_failed: Callable[[str], None]) -> None:
        """Restore a backup while the library cannot be opened, then try to open it again."""
        from ermu.models.storage import restore_backup

        def done(result) -> None:
            self.error = None
            on_done(result)
            self.open()

        self.runner.run(lambda: restore_backup(self.url, backup.path), done, on_failed, label="restore a backup")

    def list_backups_when_closed(self, on_done: Callable[[Any], None], on_failed: Callable[[str], None]) -> None:
        """The backups of a library that could not be opened (SQLite files only)."""
        from ermu.models.storage import list_backups

        self.runner.run(lambda: list_backups(self.url), on_done, on_failed, label="list the backups")

    def wrote(self, *scenario_ids) -> None:
        """Tell the views that these scenarios were written (by an undoable edit, say)."""
        self.changed.emit(LibraryChanges(scenarios=tuple(scenario_ids)))

    def wait(self, msecs: int = 30_000) -> bool:
        return self.runner.wait(msecs)

    def close(self) -> None:
        self.runner.wait(10_000)
        if self.library is not None:
            try:
                self.library.close()
            except Exception:  # noqa: BLE001 — closing must never raise at exit
                log.exception("closing the library failed")
            self.library = None


__all__ = ["LibraryChanges", "LibraryService"]
