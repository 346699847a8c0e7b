"""Finding 10: every undo stack in the app has a limit, so weeks of teaching cannot grow memory without end."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from helpers import make_window


def test_every_undo_stack_of_every_page_is_bounded(qtbot):
    from ermu.gui.pages import PAGES

    window = make_window()
    qtbot.addWidget(window)
    window.show()
    for page in PAGES:
        window.show_page(page.id)
        for _ in range(4):
            window.state.library.wait() if window.state.has_library else None
            QApplication.processEvents()
    stacks = set(window.findChildren(QUndoStack)) | set(window.state.findChildren(QUndoStack))
    assert len(stacks) >= 2  # the sandbox's and the library's, at least
    unbounded = [stack.parent().__class__.__name__ for stack in stacks if stack.undoLimit() <= 0]
    assert unbounded == []


def test_the_sandbox_stack_forgets_the_oldest_regroups(qtbot):
    from ermu.models.regimes import REGIMES

    window = make_window()
    qtbot.addWidget(window)
    document = window.state.sandbox
    limit = document.undo_stack.undoLimit()
    for n in range(limit + 15):
        document.propose("regime", f"Regime {n}", regime_id=list(REGIMES)[n % len(REGIMES)])
    assert document.undo_stack.count() == limit
