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
from ..messages import ErmuError, Message, msg

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
            raise EventsError(msg("credit.events.either", "An event is either a behaviour or an appeal."))
        if not 1 <= self.month <= MONTHS:
            raise EventsError(msg("credit.events.month", "Month {month}: must be from 1 to {months}.", month=self.month,
                                   months=MONTHS))
        if self.behaviour is not None and self.behaviour not in BEHAVIOURS:
            raise EventsError(msg("credit.events.unknown-behaviour", "Unknown behaviour {behaviour}.",
                                   behaviour=repr(self.behaviour)))

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


def _field(where: Any, key: str) -> Message:
    """Where a value sits: ``events file x.json: events[3].month`` (the locator stays as written)."""
    return msg("credit.events.field", "{where}.{field}", where=where, field=key)


def _whole(value: Any, where: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise EventsError(msg("credit.events.whole", "{where}: must be a whole number from {low} to {high}, not {value}.",
                              where=where, low=f"{low:,}", high=f"{high:,}", value=json.dumps(value)[:40]))
    return value


def parse_events(text: str | bytes, *, name: str = "events") -> Stream:
    """Read and validate a behaviour stream (format in the module docstring)."""
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise EventsError(msg("credit.events.too-many-bytes", "{where}: the file is larger than {limit} bytes.",
                                  where=name, limit=f"{MAX_FILE_BYTES:,}"))
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise EventsError(msg("credit.events.not-utf8", "{where}: not UTF-8 text (byte {byte}).", where=name,
                                  byte=exc.start)) from None
    if len(text) > MAX_FILE_BYTES:
        raise EventsError(msg("credit.events.too-many-characters", "{where}: the file is larger than {limit} characters.",
                              where=name, limit=f"{MAX_FILE_BYTES:,}"))
    try:
        data = strict_json.loads(text, EventsError)
    except json.JSONDecodeError as exc:
        raise EventsError(msg("credit.events.not-json", "{where}: not valid JSON at line {line}, column {column}: {problem}.",
                              where=name, line=exc.lineno, column=exc.colno, problem=exc.msg)) from None
    except EventsError as exc:
        raise EventsError(msg("credit.events.problem", "{where}: {problem}", where=name, problem=exc.message)) from None
    except RecursionError:
        raise EventsError(msg("credit.events.too-deep", "{where}: the JSON is nested too deeply.", where=name)) from None
    if not isinstance(data, dict):
        raise EventsError(msg("credit.events.top-level", "{where}: the top level must be an object with an \"events\" list.",
                              where=name))
    extra = sorted(set(data) - {"events", "citizen"})
    if extra:
        raise EventsError(msg("credit.events.top-key", "{where}: unknown key {unknown} at the top level: use \"events\" and "
                              "\"citizen\".", where=name, unknown=repr(extra[0])))
    citizen = _citizen(data.get("citizen", {}), name)
    items = data.get("events")
    if not isinstance(items, list) or not items:
        raise EventsError(msg("credit.events.empty", "{where}: \"events\" must be a non-empty list.", where=name))
    if len(items) > MAX_EVENTS:
        raise EventsError(msg("credit.events.too-many", "{where}: at most {limit} events, not {n}.", where=name,
                              limit=f"{MAX_EVENTS:,}", n=f"{len(items):,}"))
    events = [_event(item, msg("credit.events.item", "{where}: events[{i}]", where=name, i=i))
              for i, item in enumerate(items)]
    events.sort(key=lambda e: e.month)  # stable: file order within a month
    return Stream(tuple(events), citizen)


def _citizen(value: Any, name: str) -> CitizenChoice:
    where = msg("credit.events.citizen", "{where}: citizen", where=name)
    if not isinstance(value, dict):
        raise EventsError(msg("credit.events.citizen-object", "{where}: must be an object.", where=where))
    extra = sorted(set(value) - {"seed", "households", "household", "member"})
    if extra:
        raise EventsError(msg("credit.events.citizen-key", "{where}: unknown key {unknown}: use seed, households, household, "
                              "member.", where=where, unknown=repr(extra[0])))
    seed = _whole(value.get("seed", 0), _field(where, "seed"), 0, 2**32 - 1)
    households = _whole(value.get("households", 20), _field(where, "households"), 1, MAX_HOUSEHOLDS)
    household = value.get("household")
    if household is not None:
        household = _whole(household, _field(where, "household"), 0, households - 1)
    member = _whole(value.get("member", 0), _field(where, "member"), 0, 59)
    return CitizenChoice(seed, households, household, member)


def check_event(item: Any, where: str) -> Event:
    """One event as plain JSON data (as a saved credit scenario keeps it), checked like a file's."""
    return _event(item, where)


def _event(item: Any, where: str) -> Event:
    if not isinstance(item, dict):
        raise EventsError(msg("credit.events.event-object", "{where}: must be an object with \"month\" and \"behaviour\" "
                              "or \"appeal\".", where=where))
    extra = sorted(set(item) - {"month", "behaviour", "count", "appeal"})
    if extra:
        raise EventsError(msg("credit.events.event-key", "{where}: unknown key {unknown}: use month, behaviour, count or "
                              "appeal.", where=where, unknown=repr(extra[0])))
    if "month" not in item:
        raise EventsError(msg("credit.events.no-month", "{where}: \"month\" is missing.", where=where))
    month = _whole(item["month"], _field(where, "month"), 1, MONTHS)
    if ("behaviour" in item) == ("appeal" in item):
        raise EventsError(msg("credit.events.one-of", "{where}: give exactly one of \"behaviour\" or \"appeal\".",
                              where=where))
    if "appeal" in item:
        if "count" in item:
            raise EventsError(msg("credit.events.appeal-count", "{where}: an appeal has no \"count\".", where=where))
        text = item["appeal"]
        if not isinstance(text, str):
            raise EventsError(msg("credit.events.appeal-text", "{where}: must be text.", where=_field(where, "appeal")))
        try:
            Appeal(text)
        except AppealError as exc:
            raise EventsError(msg("credit.events.problem", "{where}: {problem}", where=_field(where, "appeal"),
                                  problem=exc.message)) from None
        return Event(month, appeal=text)
    behaviour = item["behaviour"]
    if not isinstance(behaviour, str) or behaviour not in BEHAVIOURS:
        shown = json.dumps(behaviour)[:40]
        raise EventsError(msg("credit.events.behaviour", "{where}: unknown behaviour {shown}: use one of {known}.",
                              where=_field(where, "behaviour"), shown=shown, known=", ".join(BEHAVIOURS)))
    count = _whole(item.get("count", 1), _field(where, "count"), 1, MAX_COUNT)
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
