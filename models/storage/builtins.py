"""The lessons' "Try it" presets, offered as read-only examples in the library.

Each lesson whose front matter has a ``[preset]`` for the sandbox, a criticism session,
a credit scheme or a years experiment becomes a scenario with the id ``builtin:<lesson id>``. They are made from
the content files at first use and never stored in the database: a teacher copies one
(``Library.duplicate``) to change it.
"""

from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache

from ..incident_setup import PARAMETER_NAMES, resolve_parameters
from ..population import Population
from ..presets import Preset, incident_dict
from ..regimes import get_regime
from .scenario import BUILTIN_PREFIX, KINDS, Scenario, ScenarioSummary, default_parameters

BUILTIN_AUTHOR = "Ermu lessons"
BUILTIN_TAG = "built-in"
_EPOCH = datetime(2025, 1, 1, tzinfo=timezone.utc)  # a fixed date: built-ins do not change


@lru_cache(maxsize=1)
def _presets() -> tuple[tuple[str, str, str, Preset], ...]:
    """(lesson id, title, era, preset) for every lesson whose Try it opens a kind of scenario."""
    from ..content import lessons

    return tuple((lesson.id, lesson.title, lesson.era, lesson.preset) for lesson in lessons()
                 if lesson.preset is not None and lesson.preset.view in KINDS)


def _scenario(lesson_id: str, title: str, era: str, preset: Preset, *, people: bool) -> Scenario:
    kind = preset.view
    parameters = default_parameters(kind)
    population = Population.empty()
    if kind == "sandbox":
        population = Population.generate(preset.households, seed=preset.seed) if people else Population.empty()
        if preset.has_incident:
            parameters["incident"] = incident_dict(preset.incident)
        parameters["year"] = preset.year
        # the values the lesson's Try it and the CLI play: the preset's own, else the regime's
        resolved = resolve_parameters(get_regime(preset.regime), preset.parameters)
        parameters.update({name: getattr(resolved, name) for name in PARAMETER_NAMES})
    elif kind == "years":  # the lesson's experiment, in full, so the copy reopens the same runs
        from ..years.experiment import Experiment

        parameters.update(experiment=Experiment.from_preset(preset).to_json(), output=preset.options.get("output"))
    else:
        parameters.update({k: v for k, v in preset.options.items() if k in parameters})
    return Scenario(
        id=f"{BUILTIN_PREFIX}{lesson_id}", title=title, kind=kind,
        regime=preset.regime if kind == "sandbox" else None,
        population=population, parameters=parameters,
        seed=preset.seed if kind == "sandbox" else preset.options.get("seed"),
        notes=f"The “Try it” example of the lesson “{title}”. Copy it to make your own version.",
        tags=[BUILTIN_TAG, era] if era else [BUILTIN_TAG],
        author=BUILTIN_AUTHOR, created=_EPOCH, updated=_EPOCH, version=1,
    )


def builtin_summaries() -> list[ScenarioSummary]:
    result = []
    for lesson_id, title, era, preset in _presets():
        s = _scenario(lesson_id, title, era, preset, people=False)
        count = preset.households if s.kind == "sandbox" else 0
        result.append(ScenarioSummary(id=s.id, title=s.title, kind=s.kind, regime=s.regime, author=s.author,
                                      tags=tuple(s.tags), household_count=count, created=s.created,
                                      updated=s.updated, version=1, read_only=True))
    return result


def builtin_scenario(scenario_id: str) -> Scenario | None:
    """The built-in example with this id (``builtin:qing-baojia``), or None."""
    lesson = scenario_id.removeprefix(BUILTIN_PREFIX)
    for lesson_id, title, era, preset in _presets():
        if lesson_id == lesson:
            return _scenario(lesson_id, title, era, preset, people=True)
    return None


__all__ = ["BUILTIN_AUTHOR", "BUILTIN_TAG", "builtin_scenario", "builtin_summaries"]
