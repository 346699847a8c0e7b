"""IncidentSession: the incident being played (offender, offence, response, scope, parameters) and its result.

A plain holder over the propagation engine: whenever the village or a choice changes it
asks ``simulate`` again and emits ``result_changed``. Errors from the engine are one
sentence on ``status_changed``; the previous result is then cleared, never half-kept.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from ermu.models.propagation import Incident, IncidentResult, Parameters, simulate

from ..builder.document import VillageDocument

log = logging.getLogger(__name__)
RESPONSES = (("concealed", "concealed"), ("reported", "reported by a neighbour"),
             ("self-report", "reported by the offender"))


class IncidentSession(QObject):
    result_changed = Signal(object)  # IncidentResult or None
    status_changed = Signal(str)

    def __init__(self, document: VillageDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.incident = Incident(offender=min(57, max(0, len(document.population) - 1)), offence="theft",
                                 response="concealed")
        self.parameters = Parameters()
        self.result: IncidentResult | None = None

    def offences(self) -> list[str]:
        return list(self.document.regime.offences)

    def update(self, **changes) -> None:
        """Change the incident (offender, offence, response, scope) and re-simulate."""
        self.incident = replace(self.incident, **changes)
        self.simulate()

    def set_parameter(self, name: str, value) -> None:
        self.parameters = replace(self.parameters, **{name: value})
        self.simulate()

    def set_incident(self, options: dict) -> None:
        allowed = {k: options[k] for k in ("offender", "offence", "response", "scope", "discovered") if k in options}
        try:
            if "offender" in allowed:
                allowed["offender"] = int(allowed["offender"])
        except (TypeError, ValueError):
            self.status_changed.emit(f"The offender must be a household number, not {options['offender']!r}.")
            allowed.pop("offender")
        self.update(**allowed)

    def simulate(self) -> None:
        doc = self.document
        if doc.busy:
            return
        offences = self.offences()
        if offences and self.incident.offence not in offences:  # a regime that does not police theft
            self.incident = replace(self.incident, offence=offences[0])
        if self.incident.scope is not None:
            try:
                doc.regime.level(self.incident.scope)
            except ValueError:
                self.incident = replace(self.incident, scope=None)
        if len(doc.population) and self.incident.offender >= len(doc.population):
            self.incident = replace(self.incident, offender=len(doc.population) - 1)
        try:
            self.result = simulate(doc.hierarchy, self.incident, self.parameters)
        except ValueError as exc:
            self.result = None
            text = str(exc)
            self.status_changed.emit(text[:1].upper() + text[1:] + ("" if text.endswith(".") else "."))
        except Exception:  # noqa: BLE001 - the app goes on; the log keeps the details
            log.exception("simulation failed")
            self.result = None
            self.status_changed.emit("The incident could not be played; the details were written to the log.")
        self.result_changed.emit(self.result)
