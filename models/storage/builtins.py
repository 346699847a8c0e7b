"""The lessons' "Try it" presets, offered as read-only examples in the library.

Each lesson whose front matter has a ``[preset]`` for the sandbox, a criticism session or
a credit scheme becomes a scenario with the id ``builtin:<lesson id>``. They are made from
the content files at first use and never stored in the database: a teacher copies one
(``Library.duplicate``) to change it.
"""

from __future__ import annotations

import tomllib
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from typing import Any

from ..population import Population
from .scenario import BUILTIN_PREFIX, Scenario, ScenarioSummary, default_parameters

BUILTIN_AUTHOR = "Ermu lessons"
BUILTIN_TAG = "built-in"
_EPOCH = datetime(2025, 1, 1, tzinfo=timezone.utc)  # a fixed date: built-ins do not change


def _front_matter(text: str) -> dict[str, Any] | None:
    lines = text.splitlines()
    if not lines or lines[0].strip() != "+++":
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "+++")
    except StopIteration:
        return None
    try:
        return tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError:
        return None


@lru_cache(maxsize=1)
def _presets() -> tuple[tuple[str, dict[str, Any], dict[str, Any]], ...]:
    """(lesson id, lesson front matter, preset) for every lesson with a scenario preset."""
    found = []
    folder = resources.files("ermu.content") / "lessons"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".md"):
            continue
        meta = _front_matter(entry.read_text(encoding="utf-8"))
        if not meta or not isinstance(meta.get("preset"), dict) or "id" not in meta:
            continue
        preset = meta["preset"]
        if preset.get("view", "sandbox") in ("sandbox", "criticism", "credit"):
            found.append((str(meta["id"]), meta, preset))
    return tuple(found)


def _scenario(lesson_id: str, meta: dict[str, Any], preset: dict[str, Any], *, people: bool) -> Scenario:
    kind = preset.get("view", "sandbox")
    seed = preset.get("seed")
    parameters = default_parameters(kind)
    population = Population.empty()
    if kind == "sandbox":
        households = int(preset.get("households", 100))
        population = Population.generate(households, seed=seed or 0) if people else Population.empty()
        incident = preset.get("incident")
        if isinstance(incident, dict):
            parameters["incident"] = {"offender": incident["offender"], "offence": incident["offence"],
                                      "response": incident["response"], "scope": incident.get("scope"),
                                      "discovered": bool(incident.get("discovered", True))}
        parameters["year"] = preset.get("year")
    elif kind == "criticism":
        for key in ("participants", "rounds", "target", "media"):
            if key in preset:
                parameters[key] = preset[key]
    else:
        for key in ("scheme", "score", "events"):
            if key in preset:
                parameters[key] = preset[key]
    title = str(meta.get("title", lesson_id))
    return Scenario(
        id=f"{BUILTIN_PREFIX}{lesson_id}", title=title, kind=kind,
        regime=preset.get("regime") if kind == "sandbox" else None,
        population=population, parameters=parameters, seed=seed,
        notes=f"The “Try it” example of the lesson “{title}”. Copy it to make your own version.",
        tags=[BUILTIN_TAG, str(meta.get("era", ""))] if meta.get("era") else [BUILTIN_TAG],
        author=BUILTIN_AUTHOR, created=_EPOCH, updated=_EPOCH, version=1,
    )


def builtin_summaries() -> list[ScenarioSummary]:
    result = []
    for lesson_id, meta, preset in _presets():
        s = _scenario(lesson_id, meta, preset, people=False)
        count = int(preset.get("households", 100)) if s.kind == "sandbox" else 0
        result.append(ScenarioSummary(id=s.id, title=s.title, kind=s.kind, regime=s.regime, author=s.author,
                                      tags=tuple(s.tags), household_count=count, created=s.created,
                                      updated=s.updated, version=1, read_only=True))
    return result


def builtin_scenario(scenario_id: str) -> Scenario | None:
    """The built-in example with this id (``builtin:qing-baojia``), or None."""
    lesson = scenario_id.removeprefix(BUILTIN_PREFIX)
    for lesson_id, meta, preset in _presets():
        if lesson_id == lesson:
            return _scenario(lesson_id, meta, preset, people=True)
    return None


__all__ = ["BUILTIN_AUTHOR", "BUILTIN_TAG", "builtin_scenario", "builtin_summaries"]
