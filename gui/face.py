"""Face: the base of every page the shells show, and the contract they keep.

A face is built as ``Face(state, parent)`` and keeps the :class:`~ermu.gui.state.AppState`;
it holds no state another face needs. It may

- ask for things beyond itself with :meth:`request` — only the requests its page declares
  in :data:`ermu.gui.pages.PAGES` (the navigator refuses any other);
- say one sentence with :meth:`say`;
- open a preset (:meth:`open_preset`) if its page takes presets;
- go back to its first state with :meth:`reset` (the kiosk calls it between visitors).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # pragma: no cover
    from ermu.models.presets import Preset

    from .state import AppState


class Face(QWidget):
    #: The page id this face is registered under (set by the page table).
    page_id: ClassVar[str] = ""

    def __init__(self, state: "AppState", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state

    # -- the contract ----------------------------------------------------------------------
    def request(self, name: str, *args: Any) -> None:
        from .pages import page

        if name not in page(self.page_id).requests:
            raise ValueError(f"the {self.page_id} page does not declare the request {name!r}")
        self.state.request(name, *args, source=self.page_id)

    def say(self, text: object) -> None:
        self.state.say(text)

    def open_preset(self, preset: "Preset") -> None:
        """Open a preset on this face (pages that take presets override this)."""
        raise NotImplementedError(f"the {self.page_id} page does not open presets")

    def reset(self) -> None:
        """Back to the first state a new user would meet. Every face implements it."""
        raise NotImplementedError

    def shown(self) -> None:
        """Called each time the shell shows this face (refresh what may be stale)."""

    def retranslate(self) -> None:
        """Set every text again in the current language (the shell calls it on a switch).

        Faces set their texts with ``ermu.models.i18n._`` in this method (and call it once
        from ``__init__``), so a language switch while the app runs reaches every word.
        """


__all__ = ["Face"]
