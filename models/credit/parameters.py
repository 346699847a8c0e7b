"""Every number the credit model needs that the sources do not give: illustrative, adjustable.

The sources say *which* behaviours are said to count and *what* some thresholds unlock,
but no source gives a point value for crossing the road or a starting score for a pilot.
The model still needs such numbers to run, so they are gathered here in one frozen
dataclass, each field with the reason for its default (``field.metadata["why"]``). The
GUI shows them marked *illustrative* and lets a teacher change them with
:meth:`CreditParameters.changed`; every result then follows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any, Mapping
from ..messages import ErmuError, msg


class ParameterError(ErmuError, ValueError):
    """A parameter a teacher set that the model cannot use; the message is for people."""


def _why(default: Any, text: str) -> Any:
    return field(default=default, metadata={"why": text})


#: Points per occurrence (per hour for hourly behaviours), by scheme. A behaviour missing
#: from a scheme does not move that scheme's score. Signs follow the sources' direction.
COMMERCIAL_POINTS: Mapping[str, int] = MappingProxyType({
    "pay-bills-on-time": 2, "miss-loan-payment": -25, "pay-rent-late": -10, "donate": 5,
    "buy-diapers": 3, "buy-liquor": -3, "play-games-for-hours": -1,
    "unfriend-low-scorer": 5, "befriend-high-scorer": 5,
})
PILOT_POINTS: Mapping[str, int] = MappingProxyType({
    "pay-bills-on-time": 2, "pay-taxes": 5, "miss-loan-payment": -30, "pay-rent-late": -10,
    "evade-tax": -150, "pay-overdue-tax": 50, "ignore-court-order": -200, "obey-court-order": 100,
    "jaywalk": -5, "skip-parent-visits": -20, "exceed-child-limit": -50, "cheat-in-exam": -50,
    "park-illegally": -10, "ignore-traffic-sign": -10, "file-report-late": -20, "volunteer": 2,
    "donate": 5, "play-games-for-hours": -1, "buy-liquor": -3, "buy-diapers": 3,
    "post-unreliable-information": -20, "unfriend-low-scorer": 5, "befriend-high-scorer": 5,
})


@dataclass(frozen=True)
class CreditParameters:
    """The illustrative values of the credit model. Change them with :meth:`changed`."""

    commercial_start: int = _why(
        600, "A new Sesame-style user starts at the first documented threshold (600), so the "
             "first good or bad month visibly gains or loses a benefit.")
    pilot_base: int = _why(
        1000, "The paper gives thresholds (1,050 praise, 849 restrictions, below 549 blacklist) but no "
              "starting score; 1,000 sits between praise and restrictions, so a new resident has "
              "neither.")
    pilot_min: int = _why(0, "The paper's own range (350–950) cannot hold its 1,050 threshold, so "
                              "Ermu uses 0 as the pilot's floor.")
    pilot_max: int = _why(1300, "An upper bound comfortably above the 1,050 praise threshold.")
    pilot_grades: tuple[tuple[str, int], ...] = _why(
        (("A+++", 1050), ("A++", 1030), ("A+", 1000), ("A", 960), ("B", 850), ("C", 549), ("D", 0)),
        "Letter grades with their lowest score. Only A+++ at 1,050, the B/C edge at 849–850 and the "
        "C/D edge at 548–549 follow the paper; the bands in between are Ermu's.")
    commercial_points: Mapping[str, int] = _why(
        COMMERCIAL_POINTS, "No source gives Sesame's weights (they are secret); small values on a "
                           "600-point range, negative for missed obligations.")
    pilot_points: Mapping[str, int] = _why(
        PILOT_POINTS, "No source gives point values; court and tax offences weigh most, so that one "
                      "of them takes a resident from the base to restrictions.")
    friend_rule: bool = _why(
        False, "The friend effect is a contested claim, so it is off unless a teacher turns it on.")
    friend_points: int = _why(5, "Points per friend with a high or low score under the friend rule.")
    friend_high: int = _why(700, "A 'high score' for the friend rule (commercial scale).")
    friend_low: int = _why(550, "A 'low score' for the friend rule (commercial scale).")
    friends_per_person: int = _why(4, "Friends drawn for each adult in the sample social graph.")
    red_list_hours: int = _why(20, "Volunteer hours in a year that earn a red-list entry.")
    list_months: Mapping[str, int] = _why(
        MappingProxyType({"blacklist": 0, "special-attention": 6, "administrative-punishment": 3,
                          "red-list": 12}),
        "How long an entry stays, in months; 0 means until the cause is put right (the sources "
        "give no durations).")
    appeal_review_months: int = _why(1, "Months until an appeal is decided (not in the sources).")
    child_age: int = _why(18, "Household members younger than this count as children whose "
                              "schooling a parent's listing can affect.")

    def __post_init__(self) -> None:
        if not self.pilot_min < self.pilot_base < self.pilot_max:
            raise ParameterError(msg("credit.parameter.pilot-base", "The pilot's base score must lie strictly between its "
                                     "floor and ceiling."))
        if not 350 <= self.commercial_start <= 950:
            raise ParameterError(msg("credit.parameter.commercial-start", "The commercial start score must be between 350 "
                                     "and 950."))
        for name in ("friends_per_person", "red_list_hours", "appeal_review_months", "child_age"):
            if getattr(self, name) < 0:
                raise ParameterError(msg("credit.parameter.negative", "The parameter {name} cannot be negative.", name=name))
        floors = [low for _, low in self.pilot_grades]
        if floors != sorted(floors, reverse=True) or floors[-1] > self.pilot_min:
            raise ParameterError(msg("credit.parameter.grades", "Pilot grades must go from highest to lowest and the last "
                                     "must start at or below the floor."))
        for months in self.list_months.values():
            if months < 0:
                raise ParameterError(msg("credit.parameter.list-months", "A list duration cannot be negative."))
        object.__setattr__(self, "commercial_points", MappingProxyType(dict(self.commercial_points)))
        object.__setattr__(self, "pilot_points", MappingProxyType(dict(self.pilot_points)))
        object.__setattr__(self, "list_months", MappingProxyType(dict(self.list_months)))

    def changed(self, **changes: Any) -> "CreditParameters":
        """A copy with some values changed: ``params.changed(pilot_base=900)``."""
        known = {f.name for f in fields(self)}
        for name in changes:
            if name not in known:
                raise ParameterError(msg("credit.parameter.unknown", "There is no parameter {name}: use one of {known}.",
                                         name=repr(name), known=", ".join(sorted(known))))
        return replace(self, **changes)

    def points(self, scheme_id: str) -> Mapping[str, int]:
        return {"commercial": self.commercial_points, "pilot": self.pilot_points}.get(scheme_id, {})

    def with_points(self, scheme_id: str, behaviour_id: str, value: int) -> "CreditParameters":
        """A copy in which one behaviour is worth ``value`` points under one scheme."""
        if scheme_id not in ("commercial", "pilot"):
            raise ParameterError(msg("credit.parameter.points", "Only the commercial and pilot schemes have points, not "
                                     "{scheme}.", scheme=repr(scheme_id)))
        name = f"{scheme_id}_points"
        table = dict(getattr(self, name))
        table[behaviour_id] = int(value)
        return replace(self, **{name: table})

    def illustrative(self) -> list[dict[str, Any]]:
        """Every value with its reason, for the teacher's panel and the report."""
        out = []
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Mapping):
                value = dict(value)
            out.append({"name": f.name, "value": value, "why": f.metadata["why"], "illustrative": True})
        return out


DEFAULT_PARAMETERS = CreditParameters()

__all__ = ["COMMERCIAL_POINTS", "DEFAULT_PARAMETERS", "PILOT_POINTS", "CreditParameters", "ParameterError"]
