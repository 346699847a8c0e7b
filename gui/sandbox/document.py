"""SandboxDocument: the one place the sandbox's state lives (owned by the app state).

It holds the village (population, regime, year and their grouping), the seed, the
selected household, the incident and the illustrative parameters, and the incident's
result, computed from them on demand. The builder, the player and Compare are views of it:
they listen to ``changed`` — which says *what* changed (:class:`Change`) — and
``selection_changed``, and keep nothing of their own.

Every edit goes through an undoable command on one bounded ``QUndoStack``. Village edits
are grouped first (in a worker for big villages) so undo and redo only swap states and
never regroup. Model errors become one sentence on ``status_changed``; the village in hand
is always kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QUndoStack

from ermu.models.i18n import _
from ermu.models.incident_setup import fit_incident, resolve_parameters
from ermu.models.messages import ErmuError
from ermu.models.population import Household, Person, Population, PopulationError, Sex, check_count
from ermu.models.presets import DEFAULT_PRESET, Preset
from ermu.models.propagation import Incident, IncidentResult, Parameters, simulate
from ermu.models.regimes import REGIMES, RegimeSpec

from .commands import IncidentCommand, VillageCommand
from .grouping import (BACKGROUND_EDIT_LIMIT, BACKGROUND_LIMIT, GroupingJob, PopulationSource,
                       VillageState, build_state, same_grouping)

log = logging.getLogger(__name__)
#: Undo steps kept. Each village step keeps two grouped states (~0.1 MB per 1,000
#: households), so an unattended machine cannot grow without bound.
UNDO_LIMIT = 40
#: Edits that materialise every household of the village (slow for big generated ones).
_HOUSEHOLD_EDITS = frozenset({"add", "duplicate", "remove", "edit"})


@dataclass(frozen=True)
class Change:
    """What an edit changed, so that views update only that."""

    village: bool = False  # households added, removed or regenerated: the grouping may differ
    households: frozenset[int] = frozenset()  # households edited in place, grouping unchanged
    regime: bool = False
    year: bool = False
    incident: bool = False
    parameters: bool = False

    @property
    def structure(self) -> bool:
        """Does the grouping (units, heads) differ? Then trees and diagrams rebuild."""
        return self.village or self.regime or self.year

    @property
    def outcome(self) -> bool:
        """Can the incident's result differ?"""
        return self.structure or self.incident or self.parameters or bool(self.households)


EVERYTHING = Change(village=True, regime=True, year=True, incident=True, parameters=True)


def new_household() -> Household:
    """The household the Add button inserts: one adult man, to be edited."""
    return Household(id=0, members=(Person("Wang Da", "王大", Sex.MALE, 40),), adult_males=1, family="Wang")


class SandboxDocument(QObject):
    changed = Signal(object)  # a Change
    selection_changed = Signal(object)  # household id or None
    status_changed = Signal(str)
    busy_changed = Signal(bool, str)  # working?, what is being done

    def __init__(self, parent: QObject | None = None, preset: Preset = DEFAULT_PRESET) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.seed = preset.seed
        self._state = build_state(Population.generate(preset.households, preset.seed), preset.regime,
                                  preset.year if preset.year is not None else REGIMES[preset.regime].start_year)
        self.incident: Incident = preset.incident
        self.parameters: Parameters = preset.parameters
        self.selected: int | None = None
        self._result_key: object = None
        self._result: IncidentResult | None = None
        self._token = 0
        self._pending: tuple | None = None  # (token, command kind, text, select)
        self.pool = QThreadPool.globalInstance()

    # -- reading -------------------------------------------------------------------------
    def state(self) -> VillageState:
        return self._state

    @property
    def population(self) -> Population:
        return self._state.population

    @property
    def hierarchy(self):
        return self._state.hierarchy

    @property
    def regime_id(self) -> str:
        return self._state.regime_id

    @property
    def regime(self) -> RegimeSpec:
        return REGIMES[self._state.regime_id]

    @property
    def year(self) -> int:
        return self._state.year

    @property
    def busy(self) -> bool:
        return self._pending is not None

    @property
    def modified(self) -> bool:
        """Has the teacher changed anything since the last open, save or reset?"""
        return not self.undo_stack.isClean()

    def fitted_incident(self) -> Incident:
        """The incident as this regime and village play it (see models.incident_setup)."""
        return fit_incident(self.regime, self.incident, len(self.population)).incident

    def resolved_parameters(self) -> Parameters:
        return resolve_parameters(self.regime, self.parameters)

    def result(self) -> IncidentResult | None:
        """The incident's trace and outcome, computed once per village, incident and parameters."""
        key = (id(self._state), self.incident, self.parameters)
        if key != self._result_key:
            self._result_key = key
            self._result = None
            if len(self.population):
                try:
                    self._result = simulate(self.hierarchy, self.fitted_incident(), self.resolved_parameters())
                except ErmuError as exc:
                    self.report(str(exc))
                except ValueError as exc:
                    self.report(str(exc))
                except Exception:  # noqa: BLE001 - the app goes on; the log keeps the details
                    log.exception("simulation failed")
                    self.report(_("The incident could not be played; the details were written to the log."))
        return self._result

    def _involved(self) -> set[int]:
        """Every household the current result mentions (actors, targets, liable, rewarded)."""
        if self._result is None:
            return set()
        found = {a for step in self._result.trace.steps for a in (step.actor, step.target) if isinstance(a, int)}
        found |= {item.household for item in self._result.outcome.liable}
        return found | set(self._result.outcome.rewarded)

    def snapshot_key(self) -> tuple:
        """Changes whenever something worth autosaving changes."""
        return (id(self._state), self.incident, self.parameters)

    # -- writing (commands call restore) --------------------------------------------------
    def restore(self, state: VillageState, selected: int | None, change: Change) -> None:
        if not change.structure and change.households and self._result_key is not None \
                and self._result_key[0] == id(self._state) and not change.households & self._involved():
            # households the incident never touches were edited: the result stands as it is
            self._result_key = (id(state), *self._result_key[1:])
        self._state = state
        self.changed.emit(change)
        n = len(state.population)
        self.select(selected if selected is not None and 0 <= selected < n else None, force=True)

    def restore_incident(self, incident: Incident, parameters: Parameters, change: Change) -> None:
        self.incident, self.parameters = incident, parameters
        self.changed.emit(change)

    def select(self, household: int | None, *, force: bool = False) -> None:
        if household is not None and not 0 <= household < len(self.population):
            self.report(_("There is no household {n}: the village has households 0 to {last}.").format(
                n=household, last=len(self.population) - 1))
            return
        if household != self.selected or force:
            self.selected = household
            self.selection_changed.emit(household)

    def report(self, message: str) -> None:
        self.status_changed.emit(str(message))

    # -- the incident and the parameters ---------------------------------------------------
    def set_incident(self, **changes) -> bool:
        """Change the incident (offender, offence, response, scope, discovered), undoably."""
        try:
            incident = replace(self.incident, **changes)
        except TypeError as exc:
            self.report(_("That incident cannot be played: {error}.").format(error=exc))
            return False
        if incident == self.incident:
            return True
        what = ", ".join(f"{k} {v}" for k, v in changes.items())
        self.undo_stack.push(IncidentCommand(self, _("Incident: {what}").format(what=what), incident, self.parameters,
                                             Change(incident=True)))
        return True

    def set_parameter(self, name: str, value) -> bool:
        """Change one illustrative parameter (None: the regime's default), undoably."""
        from ermu.models.incident_setup import check_probability

        try:
            value = check_probability(name, value)
        except ErmuError as exc:
            self.report(str(exc))
            return False
        parameters = replace(self.parameters, **{name: value})
        if parameters == self.parameters:
            return True
        self.undo_stack.push(IncidentCommand(self, _("Set {name}").format(name=name.replace('_', ' ')), self.incident, parameters,
                                             Change(parameters=True), merge_key=name))
        return True

    # -- opening ---------------------------------------------------------------------------
    def open_preset(self, preset: Preset, text: str = "") -> bool:
        """The preset's village, regime, year, incident and parameters — the lesson's own.

        One undo step puts back what was there before."""
        text = text or _("Open the example")
        self.undo_stack.beginMacro(text)
        try:
            same_village = (preset.households, preset.seed) == (len(self.population), self.seed) \
                and not self.modified
            if not same_village:
                done = self.generate(preset.households, preset.seed, preset.regime, preset.year, text=text)
            else:
                done = self.set_regime(preset.regime, preset.year)
            incident = preset.incident if preset.has_incident else self.incident
            if (incident, preset.parameters) != (self.incident, self.parameters):
                self.undo_stack.push(IncidentCommand(self, text, incident, preset.parameters,
                                                     Change(incident=True, parameters=True)))
        finally:
            self.undo_stack.endMacro()
        return done

    def open_village(self, population: Population, regime_id: str, year: int | None, incident: Incident | None,
                     parameters: Parameters, seed: int | None, text: str) -> bool:
        """A saved example: its own households (not regenerated), regime, year, incident, parameters."""
        self.undo_stack.beginMacro(text)
        try:
            if seed is not None:
                self.seed = seed
            done = self.propose("generate", text, population=population, regime_id=regime_id, year=year)
            self.undo_stack.push(IncidentCommand(self, text, incident or self.incident, parameters,
                                                 Change(incident=True, parameters=True)))
        finally:
            self.undo_stack.endMacro()
        return done

    def reset(self) -> None:
        """Back to the default village and incident with an empty undo history (the kiosk)."""
        self.cancel()
        self.undo_stack.clear()
        self.seed = DEFAULT_PRESET.seed
        self._state = build_state(Population.generate(DEFAULT_PRESET.households, DEFAULT_PRESET.seed),
                                  DEFAULT_PRESET.regime, REGIMES[DEFAULT_PRESET.regime].start_year)
        self.incident, self.parameters = DEFAULT_PRESET.incident, DEFAULT_PRESET.parameters
        self.changed.emit(EVERYTHING)
        self.select(None, force=True)

    # -- village edits ---------------------------------------------------------------------
    def propose(self, kind: str, text: str, *, population: PopulationSource | None = None,
                regime_id: str | None = None, year: int | None = None, select: int | None = None,
                size_hint: int | None = None) -> bool:
        """Build the new state and push it as an undoable command.

        Returns True when done at once; False when it failed or runs in the background
        (then ``busy_changed`` tells, and ``changed`` follows when it is ready).
        """
        if self.busy:
            self.report(_("Please wait: the village is still being grouped (or press Cancel)."))
            return False
        regime_id = regime_id or self.regime_id
        if regime_id not in REGIMES:
            self.report(_("Unknown regime {regime!r}: choose one of {allowed}.").format(regime=regime_id,
                                                                                     allowed=", ".join(REGIMES)))
            return False
        if year is None:
            year = self.year if regime_id == self.regime_id else REGIMES[regime_id].start_year
        source = self.population if population is None else population
        size = size_hint if size_hint is not None else (len(source) if isinstance(source, Population)
                                                        else len(self.population))
        limit = BACKGROUND_EDIT_LIMIT if kind in _HOUSEHOLD_EDITS else BACKGROUND_LIMIT
        if size > limit:
            self._start_job(kind, text, source, regime_id, year, select, size)
            return False
        try:
            state = build_state(source, regime_id, year)
        except ValueError as exc:
            self.report(str(exc))
            return False
        self._push(kind, text, state, select)
        return True

    def _push(self, kind: str, text: str, state: VillageState, select: int | None) -> None:
        old = self._state
        if kind == "edit" and select is not None and same_grouping(old.hierarchy, state.hierarchy):
            change = Change(households=frozenset({select}))
        else:
            change = Change(village=kind != "regime", regime=state.regime_id != old.regime_id,
                            year=state.year != old.year)
        self.undo_stack.push(VillageCommand(self, text, state, select, change))

    def _start_job(self, kind, text, source, regime_id, year, select, size) -> None:
        self._token += 1
        self._pending = (self._token, kind, text, select)
        job = GroupingJob(self._token, source, regime_id, year)
        job.signals.finished.connect(self._job_finished)
        job.signals.failed.connect(self._job_failed)
        self.busy_changed.emit(True, _("{what}: grouping {n} households…").format(what=text, n=f"{size:,}"))
        self.pool.start(job)

    def _job_finished(self, token: int, state: VillageState) -> None:
        if self._pending is None or self._pending[0] != token:
            return  # cancelled or superseded: keep what we have
        _token, kind, text, select = self._pending
        self._pending = None
        self.busy_changed.emit(False, "")
        self._push(kind, text, state, select)
        self.report(_("{what}: {n} households grouped.").format(what=text, n=f"{len(state.population):,}"))

    def _job_failed(self, token: int, message: str) -> None:
        if self._pending is None or self._pending[0] != token:
            return
        self._pending = None
        self.busy_changed.emit(False, "")
        self.report(message)

    def cancel(self) -> None:
        """Forget the work under way; the village in hand stays as it was."""
        if self._pending is not None:
            self._pending = None
            self.busy_changed.emit(False, "")
            self.report(_("Cancelled: the previous village is kept."))

    def generate(self, households: object, seed: object, regime_id: str | None = None,
                 year: int | None = None, *, text: str | None = None) -> bool:
        try:
            n = check_count(households)
            seed_value = int(str(seed))
        except PopulationError as exc:
            self.report(str(exc))
            return False
        except ValueError:
            self.report(_("The seed must be a whole number, not {seed!r}.").format(seed=seed))
            return False
        if seed_value < 0:
            self.report(_("The seed must be 0 or more, not {seed}.").format(seed=seed_value))
            return False
        self.seed = seed_value
        return self.propose("generate", text or _("New village of {n} households").format(n=f"{n:,}"),
                            population=lambda: Population.generate(n, seed_value), size_hint=n,
                            regime_id=regime_id, year=year)

    def make_empty(self) -> bool:
        return self.propose("generate", _("Empty village"), population=Population.empty())

    def set_regime(self, regime_id: str, year: int | None = None) -> bool:
        if regime_id == self.regime_id and (year is None or year == self.year):
            return True
        title = _(REGIMES[regime_id].title) if regime_id in REGIMES else regime_id
        return self.propose("regime", _("Regroup under the {regime}").format(regime=title), regime_id=regime_id, year=year)

    def set_year(self, year: int) -> bool:
        return self.set_regime(self.regime_id, year) if year != self.year else True

    def add_household(self, after: int | None = None, household: Household | None = None) -> bool:
        index = len(self.population) if after is None else after + 1
        household = household or new_household()
        return self._edit("add", _("Add household {n}").format(n=index), lambda p: p.inserted(index, household), index)

    def duplicate_household(self, index: int) -> bool:
        if not self._exists(index):
            return False
        return self._edit("duplicate", _("Duplicate household {n}").format(n=index),
                          lambda p: p.inserted(index + 1, p[index]), index + 1)

    def remove_household(self, index: int) -> bool:
        if not self._exists(index):
            return False
        remaining = len(self.population) - 1
        select = min(index, remaining - 1) if remaining else None
        return self._edit("remove", _("Remove household {n}").format(n=index), lambda p: p.without(index), select)

    def edit_household(self, index: int, **changes) -> bool:
        """Change fields of a household (members, adult_males, registered, setting, family)."""
        if not self._exists(index):
            return False
        try:
            edited = replace(self.population[index], **changes)
        except (PopulationError, ValueError, TypeError) as exc:
            self.report(str(exc))
            return False
        return self._edit("edit", _("Edit household {n}").format(n=index), lambda p: p.with_household(index, edited), index)

    def _edit(self, kind: str, text: str, change, select: int | None) -> bool:
        population = self.population
        return self.propose(kind, text, population=lambda: change(population), select=select)

    def _exists(self, index: int | None) -> bool:
        if index is None or not 0 <= index < len(self.population):
            self.report(_("Choose a household first (click it in the tree or the diagram)."))
            return False
        return True

    # -- the library -----------------------------------------------------------------------
    def scenario(self, title: str | None = None):
        """Everything needed to reopen this example exactly as it is."""
        from ermu.models.incident_setup import PARAMETER_NAMES
        from ermu.models.presets import incident_dict
        from ermu.models.storage import Scenario

        resolved = self.resolved_parameters()
        parameters = {"year": self.year, "incident": incident_dict(self.fitted_incident()),
                      **{name: getattr(resolved, name) for name in PARAMETER_NAMES}}
        title = title or _("{regime}, {n} households (seed {seed})").format(regime=_(self.regime.title),
                                                                               n=f"{len(self.population):,}", seed=self.seed)
        return Scenario(title, kind="sandbox", regime=self.regime_id, population=self.population,
                        parameters=parameters, seed=self.seed)

    def load_scenario(self, scenario) -> bool:
        """Reopen a saved example: its own village (not regenerated), regime, year, incident, parameters."""
        from ermu.models.incident_setup import PARAMETER_NAMES
        from ermu.models.presets import PresetError, parse_incident

        params = dict(scenario.parameters or {})
        try:
            incident = parse_incident(params["incident"], "incident") if params.get("incident") else None
        except PresetError as exc:
            self.report(str(exc))
            incident = None
        parameters = Parameters(**{name: params.get(name) for name in PARAMETER_NAMES})
        done = self.open_village(scenario.population, scenario.regime or self.regime_id, params.get("year"),
                                 incident, parameters, scenario.seed, _("Open “{title}”").format(title=scenario.title))
        self.undo_stack.setClean()
        return done


__all__ = ["Change", "EVERYTHING", "SandboxDocument", "UNDO_LIMIT", "new_household"]
