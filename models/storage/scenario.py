"""A scenario: everything needed to reopen a teacher's example exactly as it was.

A plain dataclass, free of any database library: the GUI, the CLI and the autosave all
pass it around, and :mod:`.library` turns it into rows and back.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any, Literal

from ..population import Household, Person, Population, Setting, Sex

#: The version of the scenario layout in files (``.ermu.json``) and in the database.
SCHEMA_VERSION = 1

Kind = Literal["sandbox", "criticism", "credit", "years"]
KINDS: tuple[str, ...] = ("sandbox", "criticism", "credit", "years")

#: The prefix of the ids of the read-only examples that come with the lessons.
BUILTIN_PREFIX = "builtin:"

ScenarioId = int | str | None  # a library row id, "builtin:<lesson>", or None before the first save


def default_parameters(kind: str) -> dict[str, Any]:
    """The engine parameters a new scenario of this kind starts with (illustrative values)."""
    if kind == "sandbox":
        # None: the regime's own default (models.incident_setup.resolve_parameters), so an
        # example plays the same parameters wherever it is opened.
        return {"year": None, "incident": None, "observation_probability": None,
                "discovery_probability": None, "register_error_rate": None}
    if kind == "criticism":
        return {"participants": 8, "rounds": 3, "target": None, "media": False}
    if kind == "credit":
        return {"scheme": "national", "score": None, "events": []}
    if kind == "years":  # the experiment's definition: the model is deterministic, so it reruns the same
        return {"experiment": None, "output": None}
    raise ValueError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}")


def now_utc() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


@dataclass
class Scenario:
    """One saved example. ``id`` and ``version`` are set by the library on save."""

    title: str
    kind: str = "sandbox"
    regime: str | None = None
    population: Population = field(default_factory=Population.empty)
    parameters: dict[str, Any] = field(default_factory=dict)
    seed: int | None = None
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    author: str = ""
    created: datetime = field(default_factory=now_utc)
    updated: datetime = field(default_factory=now_utc)
    id: ScenarioId = None
    version: int | None = None
    schema_version: int = SCHEMA_VERSION

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}: use one of {', '.join(KINDS)}")
        self.parameters = {**default_parameters(self.kind), **copy.deepcopy(self.parameters)}

    # -- identity ------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        """True for the built-in lesson examples: they can be copied, not changed."""
        return isinstance(self.id, str) and self.id.startswith(BUILTIN_PREFIX)

    @property
    def household_count(self) -> int:
        return len(self.population)

    def as_new(self, title: str | None = None) -> "Scenario":
        """A copy not yet in the library (for "keep mine as a copy" and for duplicates)."""
        stamp = now_utc()
        return replace(self, id=None, version=None, title=title if title is not None else self.title,
                       tags=list(self.tags), parameters=copy.deepcopy(self.parameters),
                       created=stamp, updated=stamp)

    # -- JSON ----------------------------------------------------------------------------
    def to_json(self, *, identity: bool = False) -> dict[str, Any]:
        """A JSON-ready dict. ``identity`` keeps the library id and version (for autosave)."""
        data: dict[str, Any] = {
            "title": self.title,
            "kind": self.kind,
            "regime": self.regime,
            "seed": self.seed,
            "parameters": copy.deepcopy(self.parameters),
            "notes": self.notes,
            "tags": list(self.tags),
            "author": self.author,
            "created": self.created.isoformat(),
            "updated": self.updated.isoformat(),
            "households": [household_to_json(h) for h in self.population],
        }
        if identity:
            data["id"] = self.id
            data["version"] = self.version
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Scenario":
        """Build a scenario from :meth:`to_json` output that has already been validated.

        Files from outside go through :func:`.validation.parse_scenario_file` first, which
        checks every field and gives one line saying what is wrong and where.
        """
        population = Population.from_households(
            household_from_json(i, h) for i, h in enumerate(data.get("households", []))
        )
        return cls(
            title=data["title"],
            kind=data.get("kind", "sandbox"),
            regime=data.get("regime"),
            population=population,
            parameters=data.get("parameters", {}),
            seed=data.get("seed"),
            notes=data.get("notes", ""),
            tags=list(data.get("tags", [])),
            author=data.get("author", ""),
            created=_parse_time(data.get("created")),
            updated=_parse_time(data.get("updated")),
            id=data.get("id"),
            version=data.get("version"),
        )


def household_to_json(household: Household) -> dict[str, Any]:
    return {
        "family": household.family,
        "setting": household.setting.label,
        "registered": household.registered,
        "adult_males": household.adult_males,
        "members": [{"name": p.name, "hanzi": p.hanzi, "sex": p.sex.value, "age": p.age}
                    for p in household.members],
    }


def household_from_json(index: int, data: dict[str, Any]) -> Household:
    members = tuple(Person(m["name"], m.get("hanzi", ""), Sex(m["sex"]), m["age"]) for m in data["members"])
    return Household(id=index, members=members, adult_males=data["adult_males"],
                     registered=data.get("registered", True), family=data.get("family", ""),
                     setting=Setting.parse(data.get("setting", "rural")))


def _parse_time(text: str | None) -> datetime:
    if not text:
        return now_utc()
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class ScenarioSummary:
    """One row of the library list: what a teacher sees before opening a scenario."""

    id: ScenarioId
    title: str
    kind: str
    regime: str | None
    author: str
    tags: tuple[str, ...]
    household_count: int
    created: datetime
    updated: datetime
    version: int | None = None
    read_only: bool = False
    deleted: datetime | None = None  # when it went to the trash

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "kind": self.kind, "regime": self.regime,
            "author": self.author, "tags": list(self.tags), "households": self.household_count,
            "created": self.created.isoformat(), "updated": self.updated.isoformat(),
            "version": self.version, "read_only": self.read_only,
            "deleted": self.deleted.isoformat() if self.deleted else None,
        }


def summary_of(scenario: Scenario) -> ScenarioSummary:
    return ScenarioSummary(
        id=scenario.id, title=scenario.title, kind=scenario.kind, regime=scenario.regime,
        author=scenario.author, tags=tuple(scenario.tags), household_count=scenario.household_count,
        created=scenario.created, updated=scenario.updated, version=scenario.version,
        read_only=scenario.read_only,
    )


__all__ = [
    "BUILTIN_PREFIX", "KINDS", "SCHEMA_VERSION", "Kind", "Scenario", "ScenarioId", "ScenarioSummary",
    "default_parameters", "household_from_json", "household_to_json", "now_utc", "summary_of",
]
