"""The engine's answer to a quiz's "predict" question, for the tests and the lesson face alike.

A question's preset is either an incident in a generated village (regime, households,
seed, offender, offence, response, scope) read off the incident's outcome, or the
registered empire of 1461 (``view = "empire"``, ``counties``, ``regime``) read off its
figures. Nothing is taken on trust from the quiz file.
"""

from __future__ import annotations

from typing import Any

#: Measures read off an incident's outcome.
INCIDENT_MEASURES = ("liable_households", "liable_people", "steps_to_government", "leaders_involved")
#: Measures read off the empire's figures (the figure's key, with underscores).
EMPIRE_MEASURES = ("households_per_magistrate", "heads_per_magistrate", "households", "counties")


def engine_answer(preset: dict[str, Any], measure: str) -> int | None:
    """Run the question's preset with the models and read the measure."""
    if preset.get("view") == "empire":
        return _empire_answer(preset, measure)
    from .hierarchy import group
    from .population import Population
    from .propagation import Incident, simulate

    if measure not in INCIDENT_MEASURES:
        raise ValueError(f"unknown measure {measure!r} for an incident: use one of {', '.join(INCIDENT_MEASURES)}")
    village = Population.generate(int(preset["households"]), seed=int(preset.get("seed", 0)))
    incident = Incident(int(preset["offender"]), preset["offence"], preset["response"], preset.get("scope"))
    value = getattr(simulate(group(village, preset["regime"]), incident).outcome, measure)
    return None if value is None else int(value)


def _empire_answer(preset: dict[str, Any], measure: str) -> int:
    from .empire import Empire
    from .empire.numbers import figures

    if measure not in EMPIRE_MEASURES:
        raise ValueError(f"unknown measure {measure!r} for the empire: use one of {', '.join(EMPIRE_MEASURES)}")
    empire = Empire.build(preset.get("counties", 887), preset.get("regime", "ming-lijia"),
                          int(preset.get("seed", 1461)))
    values = {f.key.replace("-", "_"): f.value for f in figures(empire)}
    return int(round(values[measure]))
