"""A citizen's year as a stream of events: reading it from JSON, or drawing it from a seed.

The JSON format (a file for ``ermu-cli credit --events FILE``, or a teacher's example)::

    {
      "citizen": {"seed": 7, "households": 20, "household": 3, "member": 0},
      "events": [
        {"month": 2, "behaviour": "ignore-court-order"},
        {"month": 3, "behaviour": "volunteer", "count": 12},
        {"month": 5, "behaviour": "obey-court-order"},
        {"month": 6, "appeal": "I paid the debt in May; please remove my name."}
      ]
    }

* ``events`` (required): a list of 1 to 5,000 objects. Each has ``month`` (a whole number
  from 1 to 12) and exactly one of ``behaviour`` (a behaviour id, see
  :data:`.behaviours.BEHAVIOURS`) or ``appeal`` (the text of a dispute, at most 2,000
  characters as :mod:`.appeal` counts them). A behaviour may have ``count`` (1 to 1,000;
  hours for hourly behaviours; default 1). Events of one month happen in file order.
* ``citizen`` (optional): which person of a generated village lives the year: ``seed``
  (default 0), ``households`` (1 to 10,000, default 20), ``household`` (default: the
  first household with children) and ``member`` (default 0, the head).
* No other keys are allowed. The file is parsed as data and never executed; anything
  malformed raises :class:`EventsError` naming the first problem and where it is.
"""

from __future__ import annotations

import json

from dataclasses import dataclass
from typing import Any

import numpy as np

from .. import strict_json
from .appeal import Appeal, AppealError
from .behaviours import BEHAVIOURS
from .parameters import DEFAULT_PARAMETERS, CreditParameters
from ..messages import ErmuError

MONTHS = 12
MAX_EVENTS = 5000
MAX_COUNT = 1000
MAX_FILE_BYTES = 2_000_000
MAX_HOUSEHOLDS = 10_000


class EventsError(ErmuError, ValueError):
    """A behaviour stream that cannot be read; the message names the first problem and where."""


@dataclass(frozen=True)
class Event:
    """One thing that happens in a month: a behaviour (``count`` times) or an appeal."""

    month: int
    behaviour: str | None = None
    count: int = 1
    appeal: str | None = None

    def __post_init__(self) -> None:
        if (self.behaviour is None) == (self.appeal is None):
            raise EventsError("an event is either a behaviour or an appeal")
        if not 1 <= self.month <= MONTHS:
            raise EventsError(f"month {self.month}: must be from 1 to {MONTHS}")
        if self.behaviour is not None and self.behaviour not in BEHAVIOURS:
            raise EventsError(f"unknown behaviour {self.behaviour!r}")

    def to_json(self) -> dict[str, Any]:
        if self.appeal is not None:
            return {"month": self.month, "appeal": self.appeal}
        out: dict[str, Any] = {"month": self.month, "behaviour": self.behaviour}
        if self.count != 1:
            out["count"] = self.count
        return out


@dataclass(frozen=True)
class CitizenChoice:
    seed: int = 0
    households: int = 20
    household: int | None = None
    member: int = 0


@dataclass(frozen=True)
class Stream:
    events: tuple[Event, ...]
    citizen: CitizenChoice = CitizenChoice()


def _whole(value: Any, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise EventsError(f"{where}: must be a whole number from {low:,} to {high:,}, not {json.dumps(value)[:40]}")
    return value


def parse_events(text: str | bytes, *, name: str = "events") -> Stream:
    """Read and validate a behaviour stream (format in the module docstring)."""
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise EventsError(f"{name}: the file is larger than {MAX_FILE_BYTES:,} bytes")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise EventsError(f"{name}: not UTF-8 text (byte {exc.start})") from None
    if len(text) > MAX_FILE_BYTES:
        raise EventsError(f"{name}: the file is larger than {MAX_FILE_BYTES:,} characters")
    try:
        data = strict_json.loads(text, EventsError)
    except json.JSONDecodeError as exc:
        raise EventsError(f"{name}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except EventsError as exc:
        raise EventsError(f"{name}: {exc}") from None
    except RecursionError:
        raise EventsError(f"{name}: the JSON is nested too deeply") from None
    if not isinstance(data, dict):
        raise EventsError(f"{name}: the top level must be an object with an \"events\" list")
    extra = sorted(set(data) - {"events", "citizen"})
    if extra:
        raise EventsError(f"{name}: unknown key {extra[0]!r} at the top level: use \"events\" and \"citizen\"")
    citizen = _citizen(data.get("citizen", {}), name)
    items = data.get("events")
    if not isinstance(items, list) or not items:
        raise EventsError(f"{name}: \"events\" must be a non-empty list")
    if len(items) > MAX_EVENTS:
        raise EventsError(f"{name}: at most {MAX_EVENTS:,} events, not {len(items):,}")
    events = [_event(item, f"{name}: events[{i}]") for i, item in enumerate(items)]
    events.sort(key=lambda e: e.month)  # stable: file order within a month
    return Stream(tuple(events), citizen)


def _citizen(value: Any, name: str) -> CitizenChoice:
    where = f"{name}: citizen"
    if not isinstance(value, dict):
        raise EventsError(f"{where}: must be an object")
    extra = sorted(set(value) - {"seed", "households", "household", "member"})
    if extra:
        raise EventsError(f"{where}: unknown key {extra[0]!r}: use seed, households, household, member")
    seed = _whole(value.get("seed", 0), f"{where}.seed", 0, 2**32 - 1)
    households = _whole(value.get("households", 20), f"{where}.households", 1, MAX_HOUSEHOLDS)
    household = value.get("household")
    if household is not None:
        household = _whole(household, f"{where}.household", 0, households - 1)
    member = _whole(value.get("member", 0), f"{where}.member", 0, 59)
    return CitizenChoice(seed, households, household, member)


def check_event(item: Any, where: str) -> Event:
    """One event as plain JSON data (as a saved credit scenario keeps it), checked like a file's."""
    return _event(item, where)


def _event(item: Any, where: str) -> Event:
    if not isinstance(item, dict):
        raise EventsError(f"{where}: must be an object with \"month\" and \"behaviour\" or \"appeal\"")
    extra = sorted(set(item) - {"month", "behaviour", "count", "appeal"})
    if extra:
        raise EventsError(f"{where}: unknown key {extra[0]!r}: use month, behaviour, count or appeal")
    if "month" not in item:
        raise EventsError(f"{where}: \"month\" is missing")
    month = _whole(item["month"], f"{where}.month", 1, MONTHS)
    if ("behaviour" in item) == ("appeal" in item):
        raise EventsError(f"{where}: give exactly one of \"behaviour\" or \"appeal\"")
    if "appeal" in item:
        if "count" in item:
            raise EventsError(f"{where}: an appeal has no \"count\"")
        text = item["appeal"]
        if not isinstance(text, str):
            raise EventsError(f"{where}.appeal: must be text")
        try:
            Appeal(text)
        except AppealError as exc:
            raise EventsError(f"{where}.appeal: {exc}") from None
        return Event(month, appeal=text)
    behaviour = item["behaviour"]
    if not isinstance(behaviour, str) or behaviour not in BEHAVIOURS:
        shown = json.dumps(behaviour)[:40]
        raise EventsError(f"{where}.behaviour: unknown behaviour {shown}: use one of {', '.join(BEHAVIOURS)}")
    count = _whole(item.get("count", 1), f"{where}.count", 1, MAX_COUNT)
    return Event(month, behaviour, count)


#: How often each behaviour turns up in a drawn year (illustrative: ordinary good conduct is
#: common, offences are rare).
_WEIGHTS = {
    "pay-bills-on-time": 8, "pay-taxes": 3, "donate": 2, "buy-diapers": 2, "volunteer": 2,
    "play-games-for-hours": 3, "buy-liquor": 2, "jaywalk": 2, "pay-rent-late": 1, "miss-loan-payment": 1,
    "skip-parent-visits": 1, "park-illegally": 1, "ignore-traffic-sign": 1,
    "post-unreliable-information": 1, "file-report-late": 0.5, "evade-tax": 0.3,
    "ignore-court-order": 0.3, "cheat-in-exam": 0.2, "exceed-child-limit": 0.1,
}


def generate_events(seed: int = 0, months: int = MONTHS, params: CreditParameters = DEFAULT_PARAMETERS,
                    scheme_id: str = "pilot") -> tuple[Event, ...]:
    """A plausible year drawn from ``seed``: the same seed always gives the same events.

    Frequencies are illustrative. Under the friend rule, unfriending and befriending appear
    too. For the national scheme a listed citizen later puts the cause right.
    """
    rng = np.random.default_rng([seed, 0x43524544])
    weights = dict(_WEIGHTS)
    if params.friend_rule:
        weights.update({"unfriend-low-scorer": 1, "befriend-high-scorer": 1})
    ids = list(weights)
    p = np.array([weights[i] for i in ids], dtype=float)
    p /= p.sum()
    events: list[Event] = []
    for month in range(1, months + 1):
        for _ in range(int(rng.integers(1, 4))):
            behaviour = ids[int(rng.choice(len(ids), p=p))]
            count = int(rng.integers(2, 9)) if BEHAVIOURS[behaviour].unit == "hour" else 1
            events.append(Event(month, behaviour, count))
    if scheme_id == "national":
        remedies = {"ignore-court-order": "obey-court-order", "evade-tax": "pay-overdue-tax"}
        for e in list(events):
            if e.behaviour in remedies and e.month < months:
                events.append(Event(min(months, e.month + 3), remedies[e.behaviour]))
        events.sort(key=lambda e: e.month)
    return tuple(events)


__all__ = ["MAX_EVENTS", "MONTHS", "CitizenChoice", "Event", "EventsError", "Stream", "check_event", "generate_events",
           "parse_events"]
