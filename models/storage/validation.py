"""Strict checks of scenarios that come from outside (files, autosaves, code).

Pydantic v2 models in strict mode with ``extra="forbid"`` describe exactly what a scenario
may hold; anything else is refused with one line naming the first problem and where,
e.g. ``households[12].members[3].age: must be between 0 and 120``. Nothing is executed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..messages import ErmuError
from ..offences import OFFENCES
from ..population import MAX_AGE, MAX_MEMBERS
from ..regimes import REGIMES
from . import texts
from ..years.model import OUTPUTS as YEARS_OUTPUTS
from .errors import InvalidScenarioError

MAX_HOUSEHOLDS_PER_SCENARIO = 200_000
MAX_SCENARIOS_PER_FILE = 1_000
MAX_TAGS = 50
MAX_EVENTS = 1_000
MAX_SEED = 2**63 - 1
#: How far before a regime's first year or after its last a sandbox's year may lie (a
#: century: enough to show a system's antecedents or aftermath, not the year 3000).
YEAR_MARGIN = 100


def _between(low: float, high: float):
    def check(value):
        if not low <= value <= high:
            raise ValueError(f"must be between {low} and {high}")
        return value
    return AfterValidator(check)


def _one_of(allowed, what: str):
    def check(value):
        if value not in allowed:
            raise ValueError(f"{value!r} is not a known {what}: use one of {', '.join(allowed)}")
        return value
    return AfterValidator(check)


def _moment(value: str) -> str:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("must be a date and time like 2024-05-01T09:30:00+00:00") from None
    return value


def _scalar(value: Any) -> Any:
    if value is not None and not isinstance(value, (str, int, float, bool)):
        raise ValueError("must be text, a number, true, false or null")
    if isinstance(value, str) and len(value) > 1_000:
        raise ValueError("is longer than 1000 characters")
    return value


#: Fields checked with Field(ge=..., le=...) for speed, and their ranges for the error line.
RANGES = {"age": (0, MAX_AGE), "adult_males": (0, MAX_MEMBERS)}

Int = Annotated[int, Field(strict=True)]
Text = Annotated[str, Field(max_length=200)]
Probability = Annotated[float, _between(0.0, 1.0)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class PersonModel(_Strict):
    name: Annotated[str, Field(min_length=1, max_length=100)]
    hanzi: Annotated[str, Field(max_length=50)] = ""
    sex: Literal["m", "f"]
    age: Annotated[int, Field(ge=0, le=MAX_AGE)]  # checked in Rust: a village has millions of people


class HouseholdModel(_Strict):
    family: Annotated[str, Field(max_length=50)] = ""
    setting: Literal["rural", "suburban", "urban", "capital"] = "rural"
    registered: bool = True
    adult_males: Annotated[int, Field(ge=0, le=MAX_MEMBERS)]
    members: Annotated[list[PersonModel], Field(min_length=1, max_length=MAX_MEMBERS)]

    @model_validator(mode="after")
    def _males_fit(self) -> "HouseholdModel":
        if self.adult_males > len(self.members):
            raise ValueError(f"counts {self.adult_males} adult males but has only {len(self.members)} members")
        return self


class IncidentModel(_Strict):
    offender: Annotated[int, _between(0, MAX_HOUSEHOLDS_PER_SCENARIO)]
    offence: Annotated[str, _one_of(tuple(OFFENCES), "offence")]
    response: Literal["self-report", "reported", "concealed"]
    scope: Annotated[str, Field(max_length=40)] | None = None
    discovered: bool = True


class SandboxParameters(_Strict):
    year: Annotated[int, _between(-3000, 3000)] | None = None
    incident: IncidentModel | None = None
    # None (or absent): the regime's own default, as everywhere else
    observation_probability: Probability | None = None
    discovery_probability: Probability | None = None
    register_error_rate: Probability | None = None


class CriticismParameters(_Strict):
    participants: Annotated[int, _between(2, 200)] = 8
    rounds: Annotated[int, _between(1, 50)] = 3
    target: Annotated[int, _between(0, 199)] | None = None
    media: bool = False


class CreditParameters(_Strict):
    scheme: Literal["national", "pilot", "commercial"] = "national"
    score: Annotated[int, _between(0, 1000)] | None = None
    events: Annotated[list[dict[Annotated[str, Field(max_length=60)], Annotated[Any, AfterValidator(_scalar)]]],
                      Field(max_length=MAX_EVENTS)] = []


class YearsParameters(_Strict):
    """A years experiment (``models/years``): its JSON definition, checked by the years model."""

    experiment: dict[Annotated[str, Field(max_length=40)], Any] | None = None
    output: Annotated[str, _one_of(YEARS_OUTPUTS, "output")] | None = None


PARAMETER_MODELS: dict[str, type[_Strict]] = {
    "sandbox": SandboxParameters, "criticism": CriticismParameters, "credit": CreditParameters,
    "years": YearsParameters,
}


class ScenarioModel(_Strict):
    title: Annotated[str, Field(min_length=1, max_length=200)]
    kind: Literal["sandbox", "criticism", "credit", "years"] = "sandbox"
    regime: Annotated[str, _one_of(tuple(REGIMES), "regime")] | None = None
    seed: Annotated[int, _between(0, MAX_SEED)] | None = None
    parameters: dict[str, Any] = {}
    notes: Annotated[str, Field(max_length=20_000)] = ""
    tags: Annotated[list[Annotated[str, Field(min_length=1, max_length=60)]], Field(max_length=MAX_TAGS)] = []
    author: Annotated[str, Field(max_length=100)] = ""
    created: Annotated[str, AfterValidator(_moment)] | None = None
    updated: Annotated[str, AfterValidator(_moment)] | None = None
    households: Annotated[list[HouseholdModel], Field(max_length=MAX_HOUSEHOLDS_PER_SCENARIO)] = []
    id: Annotated[str, Field(max_length=80)] | Int | None = None  # autosaves only; ignored on import
    version: Int | None = None


# -- error lines ----------------------------------------------------------------------------
def where(loc: tuple) -> str:
    """("households", 12, "members", 3, "age") -> "households[12].members[3].age"."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part in ("int", "str", "function-after[check(), int]"):  # union member tags
            continue
        else:
            text += f".{part}" if text else str(part)
    return text or "the file"


def problem(error: dict) -> str:
    """Our own sentence for one pydantic error."""
    kind, ctx = error["type"], error.get("ctx", {})
    if kind == "value_error":
        return str(ctx.get("error", "is not valid here"))
    if kind in ("greater_than_equal", "less_than_equal") and error["loc"] and error["loc"][-1] in RANGES:
        low, high = RANGES[error["loc"][-1]]
        return f"must be between {low} and {high}"
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not something an Ermu file may contain"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected', 'the allowed values')}"
    if kind in ("too_long", "string_too_long"):
        limit = ctx.get("max_length")
        return f"is too long (at most {limit} {'characters' if kind == 'string_too_long' else 'entries'})"
    if kind in ("too_short", "string_too_short"):
        return "must not be empty"
    messages = {
        "int_type": "must be a whole number", "int_from_float": "must be a whole number",
        "float_type": "must be a number", "bool_type": "must be true or false",
        "string_type": "must be text", "list_type": "must be a list", "none_required": "must be null",
        "dict_type": "must be an object with named fields", "model_type": "must be an object with named fields",
        "finite_number": "must be a finite number", "string_unicode": "must be valid text",
    }
    return messages.get(kind, "is not valid here")


def first_problem(exc: ValidationError, prefix: tuple = ()) -> str:
    error = exc.errors(include_url=False)[0]
    return f"{where(prefix + tuple(error['loc']))}: {problem(error)}"


# -- checks ---------------------------------------------------------------------------------
def check_parameters(kind: str, parameters: dict[str, Any], *, regime: str | None,
                     household_count: int, prefix: tuple = ("parameters",)) -> dict[str, Any]:
    """The parameters of one scenario, checked and completed with defaults."""
    try:
        model = PARAMETER_MODELS[kind].model_validate(parameters)
    except ValidationError as exc:
        raise InvalidScenarioError(first_problem(exc, prefix)) from None
    data = model.model_dump()
    if kind == "sandbox":
        incident = data["incident"]
        if incident is not None:
            if incident["offender"] >= max(household_count, 1):
                raise InvalidScenarioError(
                    f"{where(prefix + ('incident', 'offender'))}: must be a household of the village "
                    f"(0 to {max(household_count - 1, 0)})")
            levels = [lv.id for lv in REGIMES[regime].levels] if regime in REGIMES else []
            if incident["scope"] is not None and incident["scope"] not in levels:
                raise InvalidScenarioError(
                    f"{where(prefix + ('incident', 'scope'))}: must be a level of the regime "
                    f"({', '.join(levels) or 'none'})")
    if kind == "years" and data["experiment"] is not None:
        from ..years.experiment import Experiment

        try:
            Experiment.from_json(data["experiment"])
        except ErmuError as exc:  # the years model's own sentence, with where it is
            raise InvalidScenarioError(f"{where(prefix + ('experiment',))}: {str(exc)[0].lower()}{str(exc)[1:]}") \
                from None
    if kind == "sandbox" and data["year"] is not None and regime in REGIMES:
        spec = REGIMES[regime]
        low, high = spec.start_year - YEAR_MARGIN, (spec.end_year or spec.start_year) + YEAR_MARGIN
        if not low <= data["year"] <= high:
            raise InvalidScenarioError(
                f"{where(prefix + ('year',))}: {data['year']} lies far outside the dates of {spec.title} "
                f"({spec.start_year} to {spec.end_year or 'its end'}): use a year from {low} to {high}")
    if kind == "credit":
        from ..credit.events import EventsError, check_event

        for i, event in enumerate(data["events"]):
            try:
                check_event(event, where(prefix + ("events", i)))
            except EventsError as exc:
                raise InvalidScenarioError(str(exc)) from None
    found = texts.first_in_fields([(prefix, data, True)])
    if found is not None:
        raise InvalidScenarioError(f"{where(found[0])}: {found[1]}")
    if kind == "criticism" and data["target"] is not None and data["target"] >= data["participants"]:
        raise InvalidScenarioError(f"{where(prefix + ('target',))}: must be one of the "
                                   f"{data['participants']} participants (0 to {data['participants'] - 1})")
    return data


def check_scenario(data: Any, prefix: tuple = ()) -> dict[str, Any]:
    """One scenario as plain JSON data, fully checked; returns it with parameters completed."""
    try:
        model = ScenarioModel.model_validate(data)
    except ValidationError as exc:
        raise InvalidScenarioError(first_problem(exc, prefix)) from None
    if model.kind == "sandbox" and model.regime is None:
        raise InvalidScenarioError(f"{where(prefix + ('regime',))}: a sandbox scenario needs a regime")
    check_texts(model.title, model.notes, model.author, model.tags,
                ((i, h.family, ((m.name, m.hanzi) for m in h.members)) for i, h in enumerate(model.households)),
                prefix)
    checked = dict(data)
    checked["parameters"] = check_parameters(model.kind, model.parameters, regime=model.regime,
                                             household_count=len(model.households),
                                             prefix=prefix + ("parameters",))
    return checked


def check_texts(title: str, notes: str, author: str, tags, households, prefix: tuple = ()) -> None:
    """Every text of a scenario can be stored, exported and shown; titles, tags and names show something.

    ``households`` gives ``(index, family, [(name, hanzi), ...])`` for the households to check.
    """
    found = texts.first_in_fields([(prefix + ("title",), title, False), (prefix + ("notes",), notes, True),
                                   (prefix + ("author",), author, False), (prefix + ("tags",), list(tags), False)])
    if found is None:
        found = texts.first_in_households(households, prefix)
    if found is not None:
        raise InvalidScenarioError(f"{where(found[0])}: {found[1]}")
    if not texts.visible(title):
        raise InvalidScenarioError(f"{where(prefix + ('title',))}: has no visible character: give a title "
                                   "people can read")
    for i, tag in enumerate(tags):
        if not texts.visible(tag):
            raise InvalidScenarioError(f"{where(prefix + ('tags', i))}: has no visible character")


__all__ = [
    "MAX_HOUSEHOLDS_PER_SCENARIO", "YEAR_MARGIN", "check_texts", "MAX_SCENARIOS_PER_FILE", "ScenarioModel", "check_parameters",
    "check_scenario", "first_problem", "where",
]
