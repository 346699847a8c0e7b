"""``.ermu.json`` files: round trips, and one clear line for every bad or hostile file."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ermu.models.population import Household, Person, Population, Setting, Sex
from ermu.models.storage import Scenario, ScenarioFileError
from ermu.models.storage.files import parse_document, parse_json, read_file, write_file
from ermu.models.storage.texts import visible

# Any text that can be stored and shown: no surrogates, no control characters (notes may
# break lines); titles and tags show at least one character (see storage/texts.py).
shown = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
names = st.text(shown, min_size=1, max_size=12).filter(lambda s: s.strip() and visible(s))
people = st.builds(Person, name=names, hanzi=st.text(shown, max_size=4), sex=st.sampled_from(list(Sex)),
                   age=st.integers(0, 120))


@st.composite
def households(draw):
    members = draw(st.lists(people, min_size=1, max_size=6))
    return Household(id=0, members=tuple(members), adult_males=draw(st.integers(0, len(members))),
                     registered=draw(st.booleans()), family=draw(st.sampled_from(["", "Wang", "Lin"])),
                     setting=draw(st.sampled_from(list(Setting))))


@st.composite
def scenarios(draw) -> Scenario:
    village = draw(st.lists(households(), min_size=1, max_size=8))
    kind = draw(st.sampled_from(["sandbox", "criticism", "credit"]))
    if kind == "sandbox":
        incident = draw(st.none() | st.fixed_dictionaries({
            "offender": st.integers(0, len(village) - 1), "offence": st.sampled_from(["theft", "banditry"]),
            "response": st.sampled_from(["self-report", "reported", "concealed"]),
            "scope": st.sampled_from([None, "pai", "jia"]), "discovered": st.booleans()}))
        parameters = {"year": draw(st.none() | st.integers(1644, 1911)), "incident": incident,
                      "observation_probability": draw(st.floats(0, 1)), "register_error_rate": 0.5}
    elif kind == "criticism":
        parameters = {"participants": 6, "rounds": draw(st.integers(1, 5)), "target": draw(st.none() | st.just(2)),
                      "media": draw(st.booleans())}
    else:
        parameters = {"scheme": "commercial", "score": draw(st.none() | st.integers(350, 950)),
                      "events": [{"month": 3, "behaviour": "pay-rent-late"}, {"month": 4, "appeal": "I paid."}]}
    return Scenario(title=draw(names), kind=kind, regime="qing-baojia" if kind == "sandbox" else None,
                    population=Population.from_households(village), parameters=parameters,
                    seed=draw(st.none() | st.integers(0, 2**63 - 1)), notes=draw(st.text(shown | st.sampled_from("\n\t"), max_size=40)),
                    tags=draw(st.lists(names, max_size=3, unique=True)), author=draw(st.text(shown, max_size=10)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scenario=scenarios())
def test_any_scenario_survives_a_file_round_trip(scenario, tmp_path):
    path = write_file(tmp_path / "one.ermu.json", [scenario])
    [again] = read_file(path)
    assert again.to_json() == scenario.to_json()


def test_any_scenario_survives_a_save_and_reopen_on_a_sqlite_file(tmp_path_factory):
    from ermu.models.storage import Library

    library = Library(f"sqlite:///{tmp_path_factory.mktemp('db') / 'library.sqlite3'}")

    @settings(max_examples=40, deadline=None)
    @given(scenario=scenarios())
    def round_trip(scenario):
        saved = library.save(scenario)
        again = library.get(saved.id)
        expected = saved.to_json()
        assert again.to_json() == expected
        assert expected["households"] == scenario.to_json()["households"]
        assert again.tags == sorted(set(again.tags), key=str.casefold)

    try:
        round_trip()
    finally:
        library.close()


def test_a_collection_round_trips_in_order(tmp_path):
    first = Scenario(title="One", regime="sui", population=Population.generate(5, seed=1))
    second = Scenario(title="Two", kind="criticism")
    path = write_file(tmp_path / "two.ermu.json", [first, second])
    assert json.loads(path.read_text())["format"] == "ermu-collection"
    assert [s.title for s in read_file(path)] == ["One", "Two"]


def good() -> dict:
    scenario = Scenario(title="Village", regime="qing-baojia", population=Population.generate(20, seed=1))
    return {"format": "ermu-scenario", "schema_version": 1, "scenario": scenario.to_json()}


def refusal(document) -> str:
    with pytest.raises(ScenarioFileError) as caught:
        parse_document(document)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["scenario"]["households"][12]["members"].__setitem__(3 if len(
        d["scenario"]["households"][12]["members"]) > 3 else 0, {"name": "A", "sex": "m", "age": 130}),
     r"households\[12\]\.members\[\d\]\.age: must be between 0 and 120"),
    (lambda d: d["scenario"]["households"][1].__setitem__("adult_males", "two"),
     r"households\[1\]\.adult_males: must be a whole number"),
    (lambda d: d["scenario"]["households"][2].__setitem__("setting", "moon"),
     r"households\[2\]\.setting: must be one of 'rural', 'suburban', 'urban' or 'capital'"),
    (lambda d: d["scenario"]["households"][0].__setitem__("__class__", "os.system"),
     r"households\[0\]\.__class__: is not something an Ermu file may contain"),
    (lambda d: d["scenario"]["households"][4].__setitem__("members", []),
     r"households\[4\]\.members: must not be empty"),
    (lambda d: d["scenario"].__setitem__("regime", "atlantis"),
     r"regime: 'atlantis' is not a known regime: use one of sui, "),
    (lambda d: d["scenario"].__setitem__("parameters", {"incident": {"offender": 99, "offence": "theft",
                                                                     "response": "concealed"}}),
     r"parameters\.incident\.offender: must be a household of the village \(0 to 19\)"),
    (lambda d: d["scenario"].__setitem__("parameters", {"observation_probability": True}),
     r"parameters\.observation_probability: must be a number"),
    (lambda d: d["scenario"]["households"].extend([d["scenario"]["households"][0]] * 200_001),
     r"households: is too long \(at most 200000 entries\)"),
    (lambda d: d.__setitem__("schema_version", 99), r"schema_version: the file was written by a newer Ermu"),
    (lambda d: d.pop("scenario"), r"scenario: is missing"),
    (lambda d: d["scenario"].pop("title"), r"title: is missing"),
])
def test_bad_fields_are_refused_with_where_and_what(change, expected):
    document = good()
    change(document)
    import re
    assert re.match(expected, refusal(document)), refusal(document)


@pytest.mark.parametrize(("raw", "expected"), [
    (b'{"format": "ermu-scenario", "schema_version": 1, "scen', "the file ends too early"),
    (b'{"format": "ermu-scenario", "format": "x"}', "field 'format' appears twice"),
    (b'{"a": NaN}', "NaN is not a number JSON allows"),
    (b"[" * 100_000 + b"]" * 100_000, "nests lists or objects too deeply"),
    (b'{"a": ' + b"9" * 5000 + b"}", "a number far too large"),
    (b"\xff\xfe not text", "not UTF-8 text"),
    (b'{"a": 1,, }', "not valid JSON: there is a mistake at line 1, column 9"),
])
def test_hostile_or_broken_json_is_refused_in_one_line(raw, expected):
    with pytest.raises(ScenarioFileError, match=expected):
        parse_document(parse_json(raw))


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.ermu.json"
    with path.open("wb") as handle:
        handle.truncate(51 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(ScenarioFileError, match="larger than 50 MB"):
        read_file(path)


def test_a_missing_file_and_a_folder_are_named(tmp_path):
    with pytest.raises(ScenarioFileError, match="there is no file"):
        read_file(tmp_path / "nothing.ermu.json")
    with pytest.raises(ScenarioFileError, match="is a folder"):
        read_file(tmp_path)
