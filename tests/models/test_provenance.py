"""The provenance register: every documented number has an entry, every locator is in a seed.

The seed texts are not part of the repository. CI keeps them beside the clone, in
``../shared/seeds`` relative to the repository root (``ERMU_SEEDS`` points elsewhere); the
locator test skips, saying so, when they are absent.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import pkgutil
import re
from pathlib import Path

import pytest

import ermu.models.credit as credit
from ermu.models.content import CITATION, bibliography, lessons
from ermu.models.credit import tables
from ermu.models.credit.evidence import Claim
from ermu.models.credit.schemes import schemes
from ermu.models.provenance import (MAX_LOCATOR_WORDS, SEEDS, facts, normalise, number_key, numbers_in,
                                    provenance_for, register)
from ermu.models.regimes import REGIMES
from ermu.models.regimes.counties import COUNTIES_EARLY, COUNTIES_LATE

ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = Path(os.environ.get("ERMU_SEEDS", ROOT.parent / "shared" / "seeds"))
SEED_FILES = {"duke-thesis-2020": "000_*.txt", "vochelet-2020": "002_*.txt"}
FACTS = facts()
ASIDES = register()[1]
SHOWN_IDS = {i for fact in FACTS for i in fact.shows}


def _table_cells(name: str) -> set[float]:
    return {number_key(cell) for row in tables.load(name) for column, cell in row.items()
            if column not in ("source", "page", "via") and re.fullmatch(r"-?[\d,]+(\.\d+)?", cell)}


# every number an entry states, and every cell of a table registered as a whole figure
DOCUMENTED = {number_key(v) for fact in FACTS for v in fact.values} | {
    cell for name in tables.names() if f"table:{name}" in SHOWN_IDS for cell in _table_cells(name)}


def _seed_texts() -> dict[str, str]:
    texts = {}
    for key, pattern in SEED_FILES.items():
        found = sorted(SEED_DIR.glob(pattern)) if SEED_DIR.is_dir() else []
        if found:
            texts[key] = normalise(found[0].read_text(encoding="utf-8"))
    return texts


SEED_TEXTS = _seed_texts()


def test_the_register_is_not_empty_and_every_entry_is_well_formed():
    assert len(FACTS) >= 100
    works = bibliography()
    for fact in FACTS:
        assert fact.source in works, fact
        assert fact.seed in SEEDS and fact.shown and fact.locator
        assert len(normalise(fact.locator).split()) <= MAX_LOCATOR_WORDS, fact.locator
        for value in fact.values:
            number_key(value)


@pytest.mark.skipif(len(SEED_TEXTS) < len(SEED_FILES),
                    reason=f"the seed texts are not in {SEED_DIR} (CI keeps them in ../shared/seeds "
                           "beside the clone; set ERMU_SEEDS to check the locators elsewhere)")
@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.locator[:40])
def test_every_locator_is_verbatim_in_its_seed(fact):
    assert normalise(fact.locator) in SEED_TEXTS[fact.seed], (
        f"{fact.locator!r} is not in {fact.seed}: copy the phrase from the seed text")


# -- regimes ------------------------------------------------------------------------------
def _regime_numbers() -> dict[str, int]:
    """Every documented number a regime spec shows, by the id the register uses for it."""
    shown: dict[str, int] = {}
    for spec in REGIMES.values():
        if not spec.start_note:
            shown[f"regime:{spec.id}:start"] = spec.start_year
        if spec.end_year is not None and not spec.end_note:
            shown[f"regime:{spec.id}:end"] = spec.end_year
        for level in spec.levels:
            shown[f"regime:{spec.id}:{level.id}:size"] = level.size
            if level.head_households:
                shown[f"regime:{spec.id}:{level.id}:heads"] = level.head_households
            for leader in level.leaders:
                for year in (leader.from_year, leader.until_year):
                    if year is not None:
                        shown[f"regime:{spec.id}:{level.id}:leaders"] = year
    shown["counties:early"] = COUNTIES_EARLY[0]
    shown["counties:late"] = COUNTIES_LATE[0]
    return shown


REGIME_NUMBERS = _regime_numbers()


@pytest.mark.parametrize("shown_id", sorted(REGIME_NUMBERS))
def test_every_documented_regime_number_has_an_entry_stating_it(shown_id):
    entries = [f for f in FACTS if shown_id in f.shows]
    assert entries, f"{shown_id} ({REGIME_NUMBERS[shown_id]}) has no entry in content/provenance.toml"
    assert any(number_key(str(REGIME_NUMBERS[shown_id])) in {number_key(v) for v in f.values}
               for f in entries), f"no entry for {shown_id} states {REGIME_NUMBERS[shown_id]}"


def _regime_texts() -> list[tuple[str, str]]:
    texts = []
    for spec in REGIMES.values():
        rules = spec.liability
        parts = [spec.summary, spec.place, spec.scope.text, *spec.notes,
                 *(o.text for o in spec.obligations),
                 *(leader.duty for level in spec.levels for leader in level.leaders),
                 *(level.size_note for level in spec.levels)]
        parts += [r.text for r in (rules.self_report, rules.reported, rules.concealed,
                                   rules.neighbours_on_concealment, rules.leader_silence,
                                   rules.unregistered, rules.reward) if r is not None]
        texts += [(spec.id, text) for text in parts if text]
    return texts


_CITED = re.compile(r"\((?:[A-Z][a-z]+ \d{4}, [\d–-]+(?:; )?)+\)")


def test_every_number_in_a_regime_text_is_documented():
    """Numbers in summaries, rules and notes; a note's own citation and the regime's flagged
    (assumed) years are not documented numbers."""
    assumed = {(s.id, y) for s in REGIMES.values() for y, note in ((s.start_year, s.start_note),
                                                                    (s.end_year, s.end_note)) if note}
    missing = [(rid, n, text) for rid, text in _regime_texts() for n in numbers_in(_CITED.sub("", text))
               if number_key(n) not in DOCUMENTED and (rid, int(number_key(n))) not in assumed]
    assert not missing, f"numbers without a register entry: {missing}"


def test_shows_ids_name_things_the_app_shows():
    known = set(REGIME_NUMBERS) | {f"regime:{s.id}:{w}" for s in REGIMES.values() for w in ("start", "end")}
    for name in tables.names():
        key = next(iter(tables.load(name)[0]))
        known.add(f"table:{name}")
        known |= {f"table:{name}:{row[key]}" for row in tables.load(name)}
    assert SHOWN_IDS <= known, f"stale ids: {sorted(SHOWN_IDS - known)}"


# -- tables -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", tables.names())
def test_every_table_row_is_in_the_register(name):
    rows = tables.load(name)
    if f"table:{name}" in SHOWN_IDS:
        return
    key = next(iter(rows[0]))
    missing = [row[key] for row in rows if f"table:{name}:{row[key]}" not in SHOWN_IDS]
    assert not missing, f"rows of {name} without an entry: {missing}"


@pytest.mark.parametrize("name", tables.names())
def test_a_row_entry_states_the_rows_number(name):
    rows = tables.load(name)
    key = next(iter(rows[0]))
    for row in rows:
        entries = [f for f in FACTS if f"table:{name}:{row[key]}" in f.shows]
        numbers = {number_key(v) for f in entries for v in f.values}
        for column, cell in row.items():
            if entries and column not in ("source", "page", "n", "year") and re.fullmatch(r"-?\d+(\.\d+)?", cell):
                assert number_key(cell) in numbers, f"{name} {row[key]} {column}={cell} is not in its entry"


# -- claims -------------------------------------------------------------------------------
def _walk(obj, seen: set[int], out: list[Claim], depth: int = 0) -> None:
    if id(obj) in seen or depth > 6:
        return
    seen.add(id(obj))
    if isinstance(obj, Claim):
        out.append(obj)
    elif isinstance(obj, (tuple, list, set, frozenset)):
        for item in obj:
            _walk(item, seen, out, depth + 1)
    elif isinstance(obj, dict):
        for item in obj.values():
            _walk(item, seen, out, depth + 1)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            _walk(getattr(obj, f.name), seen, out, depth + 1)


def _claims() -> list[Claim]:
    out: list[Claim] = []
    seen: set[int] = set()
    for module in pkgutil.iter_modules(credit.__path__):
        for value in vars(importlib.import_module(f"ermu.models.credit.{module.name}")).values():
            _walk(value, seen, out)
    _walk(schemes(), seen, out)
    return out


def test_every_number_in_a_credit_claim_has_an_entry():
    claims = _claims()
    assert len(claims) > 50
    missing = {(n, c.text) for c in claims for n in numbers_in(c.text) if number_key(n) not in DOCUMENTED}
    assert not missing, f"numbers without a register entry: {sorted(missing)}"


# -- lessons ------------------------------------------------------------------------------
def _cited_units(body: str):
    """Sentences and table rows of a lesson that carry a citation or belong to a table."""
    body = re.sub(r"\]\([a-z]+:[^)]*\)", "]", body)
    for para in re.split(r"\n\s*\n", body):
        lines = para.split("\n")
        if para.lstrip().startswith("|"):
            yield from (row for row in lines if not set(row.strip()) <= set("|-: "))
            continue
        items, current = [], []
        for line in lines:
            if re.match(r"\s*(?:\d+\.|[-*])\s", line) and current:
                items.append(" ".join(current))
                current = []
            current.append(re.sub(r"^\s*(?:\d+\.|[-*])\s", "", line))
        items.append(" ".join(current))
        for item in items:
            yield from re.split(r"(?<=[.!?])\s+(?=[A-Z*\"(])", " ".join(item.split()))


def lesson_numbers(lesson) -> set[str]:
    found = set()
    for unit in _cited_units(lesson.body):
        if "illustrative" in unit or not (CITATION.search(unit) or unit.lstrip().startswith("|")):
            continue
        found |= set(numbers_in(CITATION.sub(" ", unit)))
    return found


@pytest.mark.parametrize("lesson", lessons(), ids=lambda l: l.id)
def test_every_documented_number_in_a_lesson_has_an_entry(lesson):
    allowed = DOCUMENTED | {number_key(v) for a in ASIDES if a.lesson == lesson.id for v in a.values}
    missing = sorted(n for n in lesson_numbers(lesson) if number_key(n) not in allowed)
    assert not missing, f"{lesson.id} shows {missing} with a citation but the register has no entry"


def test_asides_name_real_lessons_and_say_why():
    ids = {lesson.id for lesson in lessons()}
    for aside in ASIDES:
        assert aside.lesson in ids and len(aside.why.split()) >= 3


# -- the function faces call --------------------------------------------------------------
def test_provenance_for_a_citation_quotes_what_the_source_says():
    found = provenance_for("hsiao-1960", "p. 26")
    assert "every five households into a pao" in [f.locator for f in found]
    assert all(f.source == "hsiao-1960" and f.page == "26" for f in found)
    assert found[0].quotation().startswith("\u201c")


def test_provenance_for_a_page_range_and_a_value():
    found = provenance_for("liang-2018", "pp. 426-427", values=("261",))
    assert [f.values for f in found] == [("261",)]
    assert provenance_for("liang-2018", "p. 999") == ()


def test_provenance_for_a_place_in_the_app():
    (fact,) = provenance_for("", shows="regime:qing-baojia:pai:size")
    assert fact.values == ("10",) and "pai" in fact.locator


_PAGE_REF = re.compile(r"\bpp?\.\s*\d+(?:\s*[-–]\s*\d+)?")


def quiz_numbers(lesson) -> set[str]:
    """Numbers a quiz states as facts: in the feedback and the order items (not in predict
    questions, whose numbers are the sandbox's, nor in wrong choices); page references dropped."""
    found = set()
    for question in lesson.questions:
        if question["kind"] == "predict":
            continue
        text = question["feedback"] + " " + " ".join(question.get("items", []))
        found |= set(numbers_in(_PAGE_REF.sub(" ", text)))
    return found


@pytest.mark.parametrize("lesson", lessons(), ids=lambda l: l.id)
def test_every_number_a_quiz_states_has_an_entry(lesson):
    allowed = DOCUMENTED | {number_key(v) for a in ASIDES if a.lesson == lesson.id for v in a.values}
    missing = sorted(n for n in quiz_numbers(lesson) if number_key(n) not in allowed)
    assert not missing, f"the {lesson.id} quiz states {missing} but the register has no entry"
