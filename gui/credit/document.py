"""CreditDocument: the year a learner is playing, as a QObject the credit views watch.

The document holds the scheme, the citizen and the events played so far. Each time a
card is played it asks the model (:func:`simulate_year`) for the whole year again and
shows the months up to the current one; the GUI never computes a score itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ermu.models.credit import (DEFAULT_PARAMETERS, SCHEME_IDS, Citizen, CreditParameters, CreditYear, Event,
                                MonthRecord, SchemeError, Standing, get_scheme, simulate_year)
from ermu.models.credit.events import MONTHS

DEFAULT_SCHEME = "pilot"  # the scheme a new visitor meets


class CreditDocument(QObject):
    """Emits ``changed`` after every played month, scheme switch or reset."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None, *, seed: int = 3) -> None:
        super().__init__(parent)
        self.seed = seed
        self.params: CreditParameters = DEFAULT_PARAMETERS
        self.citizen = Citizen.sample(seed=seed)
        self.scheme_id = DEFAULT_SCHEME
        self.start_score: int | None = None
        self.events: list[Event] = []
        self.month = 0  # months played so far (0 to 12)
        self.year: CreditYear = self._simulate()

    # -- questions -----------------------------------------------------------------------
    @property
    def scheme(self):
        return self.year.scheme

    @property
    def finished(self) -> bool:
        return self.month >= MONTHS

    def played(self) -> list[MonthRecord]:
        return self.year.months[:self.month]

    def standing(self) -> Standing:
        """The standing after the months played (the start of the year before any)."""
        if self.month:
            return self.year.months[self.month - 1].standing
        if self.scheme.has_score:
            return self.scheme.standing(self.year.start_score)
        return self.scheme.standing_for_lists(())

    def score(self) -> int | None:
        return self.year.months[self.month - 1].score if self.month else self.year.start_score

    def steps(self):
        """Trace steps of the months played, in order."""
        return [s for s in self.year.trace if s.data.get("month", 0) <= self.month]

    def points(self, behaviour_id: str) -> int | None:
        """Ermu's illustrative points for a behaviour under the scheme (None: no score)."""
        if not self.scheme.has_score:
            return None
        return self.params.points(self.scheme_id).get(behaviour_id, 0)

    # -- changes -------------------------------------------------------------------------
    def set_scheme(self, scheme_id: str, start_score: int | None = None) -> None:
        if scheme_id not in SCHEME_IDS:
            raise SchemeError(f"unknown scheme {scheme_id!r}: use one of {', '.join(SCHEME_IDS)}")
        if start_score is not None:
            get_scheme(scheme_id, self.params).check_score(start_score)
        self.scheme_id, self.start_score = scheme_id, start_score
        self.year = self._simulate()
        self.changed.emit()

    def play(self, behaviour_id: str | None, count: int = 1) -> None:
        """Play one month: ``behaviour_id`` happens (None: a quiet month), then the month ends."""
        if self.finished:
            return
        self.month += 1
        if behaviour_id is not None:
            self.events.append(Event(self.month, behaviour_id, count))
        self.year = self._simulate()
        self.changed.emit()

    def appeal(self, text: str) -> None:
        """File a dispute in the coming month (the month then ends)."""
        if self.finished:
            return
        self.month += 1
        self.events.append(Event(self.month, appeal=text))
        self.year = self._simulate()
        self.changed.emit()

    def reset(self) -> None:
        self.events, self.month = [], 0
        self.year = self._simulate()
        self.changed.emit()

    def _simulate(self) -> CreditYear:
        return simulate_year(self.citizen, self.scheme_id, list(self.events), seed=self.seed,
                             params=self.params, start_score=self.start_score)


__all__ = ["CreditDocument"]
