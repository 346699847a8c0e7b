"""Background operations: run model work off the GUI thread, hand the result back on it.

In the spirit of Anki's ``CollectionOp`` / ``QueryOp``: a face describes the work as a
plain callable and says what to do with the result (``on_done``) or the error
(``on_failed``); the operation runs in a thread pool and calls back on the GUI thread.
Work that can report progress takes a :class:`Progress` argument (``with_progress=True``)
and calls ``progress.update(done, total)``; it should return early when
``progress.cancelled`` is set. A cancelled operation never calls back.

Errors are delivered as they are: a model's :class:`~ermu.models.messages.ErmuError` is one
sentence for the user; anything else is logged and replaced by a calm sentence, never a
traceback.
"""

from __future__ import annotations

import logging
import threading
import weakref
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)
UNEXPECTED = "Ermu could not finish that because of an unexpected problem; the details are in the log."


class Progress:
    """Handed to long work: report how far it got; look at ``cancelled`` now and then."""

    def __init__(self, op: "Operation") -> None:
        self._op = op
        self._event = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        self._event.set()

    def update(self, done: int, total: int) -> None:
        if not self.cancelled:
            try:
                self._op.progressed.emit(int(done), int(total))
            except RuntimeError:  # the operation's object is gone (the app is closing): stop quietly
                self.cancel()


class Operation(QObject):
    """One piece of background work. Keep a reference while it runs (the pool does not)."""

    finished = Signal(object)  # the result
    failed = Signal(str, object)  # one sentence, the exception
    progressed = Signal(int, int)  # done, total
    ended = Signal()  # after finished, failed or cancel

    def __init__(self, work: Callable[..., Any], *, with_progress: bool = False, label: str = "",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.progress = Progress(self)
        self._work = work
        self._with_progress = with_progress
        self.running = False

    def cancel(self) -> None:
        if self.running:
            self.progress.cancel()
            self.running = False
            self.ended.emit()

    def _run(self) -> None:  # in the pool's thread
        try:
            result = self._work(self.progress) if self._with_progress else self._work()
        except Exception as exc:  # noqa: BLE001 — delivered to the GUI thread as a sentence
            from ermu.models.messages import ErmuError

            if isinstance(exc, ErmuError):
                text = str(exc)
            else:
                log.error("background work failed: %s", self.label or self._work, exc_info=exc)
                text = UNEXPECTED
            if not self.progress.cancelled:
                _emit(self._deliver_failure, text, exc)
            return
        if not self.progress.cancelled:
            _emit(self._deliver, result)

    # queued hops back onto the GUI thread
    _deliver = Signal(object)
    _deliver_failure = Signal(str, object)

    def start(self, pool: QThreadPool) -> "Operation":
        self._deliver.connect(self._done)
        self._deliver_failure.connect(self._fail)
        self.running = True
        pool.start(_Runnable(self._run))
        return self

    @Slot(object)
    def _done(self, result: Any) -> None:
        if self.running:
            self.running = False
            self.finished.emit(result)
            self.ended.emit()

    @Slot(str, object)
    def _fail(self, text: str, exc: object) -> None:
        if self.running:
            self.running = False
            self.failed.emit(text, exc)
            self.ended.emit()


def _emit(signal, *args: Any) -> None:
    """Hand a result back, unless the app closed under the work (then nobody is listening)."""
    try:
        signal.emit(*args)
    except RuntimeError:
        log.info("background work ended after its window closed; result dropped")


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], None]) -> None:
        super().__init__()
        self._fn = fn

    def run(self) -> None:
        self._fn()


class Runner(QObject):
    """Starts operations on one pool and keeps them alive until they end."""

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self._live: set[Operation] = set()
        _RUNNERS.add(self)

    def run(self, work: Callable[..., Any], on_done: Callable[[Any], None] | None = None,
            on_failed: Callable[[str], None] | None = None, *, with_progress: bool = False,
            label: str = "") -> Operation:
        op = Operation(work, with_progress=with_progress, label=label, parent=self)
        if on_done is not None:
            op.finished.connect(on_done)
        if on_failed is not None:
            op.failed.connect(lambda text, _exc: on_failed(text))
        self._live.add(op)
        op.ended.connect(lambda: self._forget(op))
        return op.start(self.pool)

    def _forget(self, op: Operation) -> None:
        self._live.discard(op)
        op.deleteLater()

    def busy(self) -> bool:
        return bool(self._live)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (tests, and closing the app)."""
        return self.pool.waitForDone(msecs)


_RUNNERS: "weakref.WeakSet[Runner]" = weakref.WeakSet()


def shutdown(msecs: int = 10_000) -> bool:
    """Cancel all background work and wait for the pool (the app is closing).

    Long work looks at ``progress.cancelled`` and returns early, so closing the window while
    the empire is being built neither waits for it nor prints a traceback.
    """
    for runner in list(_RUNNERS):
        for op in list(runner._live):
            try:
                op.progress.cancel()
            except RuntimeError:
                pass
    return QThreadPool.globalInstance().waitForDone(msecs)


__all__ = ["Operation", "Progress", "Runner", "UNEXPECTED", "shutdown"]
