"""The engine's answer to a quiz's "predict" question, for the tests and the lesson face alike.

A question's preset is either an incident in a generated village, read off the incident's
outcome (``play_preset``), or the registered empire of 1461 (``view = "empire"``, its
``counties`` and ``regime``), read off the empire's figures. Nothing is taken on trust
from the quiz file.
"""

from __future__ import annotations

from .presets import Preset

#: Measures read off an incident's outcome.
INCIDENT_MEASURES = ("liable_households", "liable_people", "steps_to_government", "leaders_involved")
#: Measures read off the empire's figures (the figure's key, with underscores).
EMPIRE_MEASURES = ("households_per_magistrate", "heads_per_magistrate", "households", "counties")


def engine_answer(preset: Preset, measure: str) -> int | None:
    """Run the question's preset with the models and read the measure."""
    if preset.view == "empire":
        return _empire_answer(preset, measure)
    from .incident_setup import play_preset

    if measure not in INCIDENT_MEASURES:
        raise ValueError(f"unknown measure {measure!r} for an incident: use one of {', '.join(INCIDENT_MEASURES)}")
    value = getattr(play_preset(preset).outcome, measure)
    return None if value is None else int(value)


def _empire_answer(preset: Preset, measure: str) -> int:
    from .empire import Empire
    from .empire.numbers import figures

    if measure not in EMPIRE_MEASURES:
        raise ValueError(f"unknown measure {measure!r} for the empire: use one of {', '.join(EMPIRE_MEASURES)}")
    empire = Empire.build(preset.options.get("counties", 887), preset.regime)
    values = {f.key.replace("-", "_"): f.value for f in figures(empire)}
    return int(round(values[measure]))
