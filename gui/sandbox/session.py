"""IncidentSession: the player's view of the document's incident, parameters and result.

It holds nothing of its own: the incident and the parameters live in the
:class:`~.document.SandboxDocument` (so Compare, the library and the autosave see the same
ones), and the result is computed there. The session re-announces the result when a
change can alter it, and turns the player's choices into undoable document edits.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ermu.models.i18n import N_

from .document import SandboxDocument

RESPONSES = (("concealed", N_("concealed")), ("reported", N_("reported by a neighbour")),
             ("self-report", N_("reported by the offender")))


class IncidentSession(QObject):
    result_changed = Signal(object)  # IncidentResult or None

    def __init__(self, document: SandboxDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        document.changed.connect(self._changed)

    @property
    def incident(self):
        """The incident as the regime plays it (offence, scope and offender fitted)."""
        return self.document.fitted_incident()

    @property
    def parameters(self):
        return self.document.parameters

    @property
    def result(self):
        return self.document.result()

    def offences(self) -> list[str]:
        return list(self.document.regime.offences)

    def update(self, **changes) -> None:
        self.document.set_incident(**changes)

    def set_parameter(self, name: str, value) -> None:
        self.document.set_parameter(name, value)

    def set_incident(self, options: dict) -> None:
        """From plain data (a saved example); bad values are one sentence and are skipped."""
        from ermu.models.presets import PresetError, parse_incident

        try:
            incident = parse_incident({**{k: v for k, v in vars(self.document.incident).items()}, **options},
                                      "incident")
        except PresetError as exc:
            self.document.report(str(exc))
            return
        self.document.set_incident(**vars(incident))

    def _changed(self, change) -> None:
        if change.outcome:
            self.simulate()

    def simulate(self) -> None:
        if not self.document.busy:
            self.result_changed.emit(self.document.result())
