"""Navigator: carries out the faces' requests for a shell (the desktop window or the kiosk).

A shell implements :class:`Shell`: it can show a page (creating its face on first use)
and show a status sentence. The navigator connects to ``state.requested`` once and wires
every request the same way for every shell; no attribute probing. What a shell does not
allow (the kiosk never saves or opens library files) is refused with one sentence.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt

from ermu.models.i18n import _

from .pages import page

if TYPE_CHECKING:  # pragma: no cover
    from .face import Face
    from .state import AppState, Request


log = logging.getLogger(__name__)


class Shell(Protocol):
    def show_page(self, page_id: str) -> "Face": ...

    def has_page(self, page_id: str) -> bool: ...


class Navigator(QObject):
    def __init__(self, state: "AppState", shell: Shell, *, refused: frozenset[str] = frozenset(),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.shell = shell
        self.refused = refused
        state.requested.connect(self.handle)

    def handle(self, request: "Request") -> None:
        if request.source and request.name not in page(request.source).requests:
            log.error("page %s made an undeclared request %s", request.source, request.name)
            return
        if request.name in self.refused:
            self.state.say(_("That is not available here."))
            return
        getattr(self, f"_{request.name}")(*request.args)

    # -- the requests ----------------------------------------------------------------------
    def _open_view(self, page_id: str) -> None:
        if self.shell.has_page(page_id):
            self.shell.show_page(page_id)

    def _open_lesson(self, lesson_id: str) -> None:
        if self.shell.has_page("lessons"):
            self.shell.show_page("lessons").open_lesson(lesson_id)

    def _open_preset(self, preset) -> None:
        view = preset.view if self.shell.has_page(preset.view) else "sandbox"
        face = self.shell.show_page(view)
        face.open_preset(preset)

    def _open_scenario(self, scenario) -> None:
        """A library example, on the page of its kind."""
        if scenario.kind == "sandbox":
            self.shell.show_page("sandbox").load_scenario(scenario)
        elif self.shell.has_page(scenario.kind):
            from ermu.models.presets import Preset, PresetError

            try:
                preset = Preset.parse({"view": scenario.kind, **dict(scenario.parameters or {})},
                                      f"“{scenario.title}”")
            except PresetError as exc:
                self.state.say(exc)
                return
            self.shell.show_page(scenario.kind).open_preset(preset)
        else:
            return
        self.state.say(_("Opened “{title}”.").format(title=scenario.title))

    def _save_scenario(self, scenario) -> None:
        self.state.library.save(scenario, on_done=lambda saved: self.state.say(_("Saved “{title}” to the library.").format(title=saved.title)),
                                on_failed=self.state.say, on_conflict=self._conflict)

    def _conflict(self, error) -> None:
        """Someone else saved it since it was opened: keep mine as a copy, overwrite, or reload theirs."""
        choice = self.ask_conflict(error)
        library = self.state.library
        if choice == "copy":
            library.save(error.mine.as_new(), on_failed=self.state.say, on_done=lambda saved: self.state.say(
                _("Saved your version of “{title}” as a copy; theirs is unchanged.").format(title=error.mine.title)))
        elif choice == "overwrite":
            def work(lib):
                return lib.save(error.mine, overwrite=True)

            library.run(work, lambda saved: (library.wrote(saved.id), self.state.say(
                _("Saved “{title}” over the other teacher's version.").format(title=saved.title))), self.state.say)
        else:
            self._open_scenario(error.theirs)
            self.state.say(_("Reloaded the other teacher's “{title}”; yours was not saved.").format(
                title=error.theirs.title))

    def ask_conflict(self, error) -> str:
        from PySide6.QtWidgets import QApplication, QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, _("Someone else saved this example"),
                          _("“{title}” was changed by someone else since you opened it. "
                            "What should Ermu do with your version?").format(title=error.theirs.title),
                          parent=QApplication.activeWindow())
        box.setTextFormat(Qt.TextFormat.PlainText)  # titles come from files: never markup
        copy = box.addButton(_("Keep mine as a copy"), QMessageBox.ButtonRole.AcceptRole)
        overwrite = box.addButton(_("Overwrite theirs"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("Reload theirs"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(copy)
        box.exec()
        clicked = box.clickedButton()
        return "copy" if clicked is copy else "overwrite" if clicked is overwrite else "reload"


__all__ = ["Navigator", "Shell"]
