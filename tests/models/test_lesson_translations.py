"""Each Simplified Chinese lesson and quiz is a faithful translation of its English original.

A translation may reword everything a reader sees, but never a fact the app checks elsewhere:
the front matter's ids, years, regime and preset, the citations (keys, pages and order), the
links' targets, the numbers in the body, the headings, and every quiz answer. The translated
files are parsed with the loader the app uses for the English ones.
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from ermu.models.content import CITATION, LINK, parse_lesson, split_front_matter

CONTENT = Path(__file__).resolve().parents[2] / "content"
LANGUAGE = "zh-Hans"
TRANSLATED_LESSONS = sorted((CONTENT / "lessons" / LANGUAGE).glob("*.md"))
TRANSLATED_QUIZZES = sorted((CONTENT / "quizzes" / LANGUAGE).glob("*.toml"))

# Front-matter and quiz fields a reader sees: translated, so only their shape is compared.
LESSON_TEXT = {"title", "era", "objectives", "kiosk", "start_note", "end_note"}
QUESTION_TEXT = {"prompt", "choices", "items", "feedback"}

# A run of digits with optional thousands separators (1,000 / 1 000 / 1 000) and a decimal part.
NUMBER = re.compile(r"\d+(?:[,\u00a0\u202f ]\d{3})*(?:\.\d+)?")
HEADING = re.compile(r"^#{1,6}\s", re.M)
FOOTNOTE = re.compile(r"\[\^([^\]]+)\]")


# A number may carry a unit of size: English million and billion, Chinese 万 and 亿.
SIZED = re.compile(r"(?P<n>" + NUMBER.pattern + r")(?:\s*(?P<en>million|billion)\b|(?P<zh>万|亿))?")
UNITS = {"million": 10**6, "billion": 10**9, "万": 10**4, "亿": 10**8}


def numbers(text: str) -> list[str]:
    """The Arabic numbers of a text as plain values, so each language's way of writing them matches.

    Thousands separators are dropped (1,000 and 1 000 are 1000), and units of size are multiplied
    out: "6.15 million" and "615万" are both 6150000, "US$2.5 billion" and "25亿美元" both 2500000000.
    """
    found = []
    for m in SIZED.finditer(text):
        value = Decimal(re.sub(r"[,\u00a0\u202f ]", "", m["n"]))
        unit = m["en"] or m["zh"]
        if unit:
            value *= UNITS[unit]
        found.append(format(value.normalize(), "f"))
    return found


def english_words(value) -> bool:
    """Whether a value holds English words (numbers alone, such as "5" or "25", need no translation)."""
    return bool(re.search(r"[A-Za-z]{2}", str(value)))


def original_of(path: Path, kind: str) -> Path:
    return CONTENT / kind / path.name


def test_there_is_something_to_check():
    assert TRANSLATED_LESSONS, "no translated lesson found"
    assert TRANSLATED_QUIZZES, "no translated quiz found"


@pytest.mark.parametrize("path", TRANSLATED_LESSONS, ids=lambda p: p.name)
def test_lesson_translation_parses_and_keeps_every_fact(path):
    source = original_of(path, "lessons")
    assert source.is_file(), f"{path.name} translates no English lesson"
    english_text, chinese_text = source.read_text(encoding="utf-8"), path.read_text(encoding="utf-8")
    english, chinese = parse_lesson(english_text, source.name), parse_lesson(chinese_text, path.name)
    en_meta, _ = split_front_matter(english_text, source.name)
    zh_meta, _ = split_front_matter(chinese_text, path.name)

    # The same front matter keys, the same values wherever a value is not text to read.
    assert set(zh_meta) == set(en_meta)
    for key in en_meta:
        if key in LESSON_TEXT:
            if isinstance(en_meta[key], list):
                assert len(zh_meta[key]) == len(en_meta[key]), f"{path.name}: {key} has another length"
            assert zh_meta[key], f"{path.name}: {key} is empty"
            assert not (zh_meta[key] == en_meta[key] and english_words(en_meta[key])), \
                f"{path.name}: {key} is left in English"
        else:
            assert zh_meta[key] == en_meta[key], f"{path.name}: {key} differs from the original"
    assert chinese.preset == english.preset

    # The same citations (key and locator) in the same order, the same footnotes, the same links.
    cites = lambda body: [m.group(0) for m in CITATION.finditer(body)]  # noqa: E731
    assert cites(chinese.body) == cites(english.body)
    assert FOOTNOTE.findall(chinese.body) == FOOTNOTE.findall(english.body)
    targets = lambda body: sorted(f"{s}:{t}" for s, t in LINK.findall(body))  # noqa: E731
    assert targets(chinese.body) == targets(english.body)

    # Every number of the English body is in the Chinese body (as often), and the headings match.
    missing = []
    pool = numbers(chinese.body)
    for number in numbers(english.body):
        if number in pool:
            pool.remove(number)
        else:
            missing.append(number)
    assert not missing, f"{path.name}: numbers missing from the translation: {missing}"
    assert len(HEADING.findall(chinese.body)) == len(HEADING.findall(english.body))
    assert re.search(r"[\u4e00-\u9fff]", chinese.body), f"{path.name} holds no Chinese"


@pytest.mark.parametrize("path", TRANSLATED_QUIZZES, ids=lambda p: p.name)
def test_quiz_translation_keeps_questions_and_answers(path):
    source = original_of(path, "quizzes")
    assert source.is_file(), f"{path.name} translates no English quiz"
    english = tomllib.loads(source.read_text(encoding="utf-8"))["question"]
    chinese = tomllib.loads(path.read_text(encoding="utf-8"))["question"]
    assert len(chinese) == len(english)
    for i, (en, zh) in enumerate(zip(english, chinese)):
        where = f"{path.name} question {i + 1}"
        assert set(zh) == set(en), where
        assert zh.get("id") == en.get("id"), where
        for key in en:
            if key in QUESTION_TEXT:
                if isinstance(en[key], list):
                    assert len(zh[key]) == len(en[key]), f"{where}: {key} has another number of options"
                assert not (zh[key] == en[key] and english_words(en[key])), f"{where}: {key} is left in English"
            else:  # kind, answer, measure, sources, presets and experiments: unchanged
                assert zh[key] == en[key], f"{where}: {key} differs from the original"


def test_every_translated_quiz_belongs_to_a_translated_or_english_lesson():
    ids = set()
    for source in (CONTENT / "lessons").glob("*.md"):
        meta, _ = split_front_matter(source.read_text(encoding="utf-8"), source.name)
        ids.add(meta["id"])
    for path in TRANSLATED_QUIZZES:
        assert path.stem in ids, f"{path.name} has no lesson"


GLOSSARY_TEXT = {"term", "hanzi", "definition"}  # hanzi: Simplified characters in the zh-Hans file


def test_glossary_translation_keeps_every_term_and_its_facts():
    path = CONTENT / f"glossary.{LANGUAGE}.toml"
    if not path.is_file():
        pytest.skip("no translated glossary yet")
    english = tomllib.loads((CONTENT / "glossary.toml").read_text(encoding="utf-8"))["term"]
    chinese = tomllib.loads(path.read_text(encoding="utf-8"))["term"]
    assert [t["id"] for t in chinese] == [t["id"] for t in english]
    for en, zh in zip(english, chinese):
        where = f"glossary term {en['id']}"
        assert set(zh) == set(en), where
        for key in en:
            if key not in GLOSSARY_TEXT:  # id, pinyin, romanizations (the sources' spellings), sources
                assert zh[key] == en[key], f"{where}: {key} differs from the original"
        # The term itself is written in characters, and the definition is Chinese.
        assert re.match(r"[《\u4e00-\u9fff]", zh["term"]), f"{where}: the term does not start with characters"
        assert re.search(r"[\u4e00-\u9fff]{4}", zh["definition"]), f"{where}: the definition is not Chinese"
        assert sorted(numbers(zh["definition"])) == sorted(numbers(en["definition"])), \
            f"{where}: the definition's numbers differ"
