"""Translated lessons and quizzes are translations of ours: same structure, sources and numbers.

Parametrized over the translated files present (content/lessons/<language>/*.md,
content/quizzes/<language>/*.toml); the loader falls back to English for any not there.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest

from ermu.models import content

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
LANGUAGES = ("zh-Hans", "zh-Hant")
CITATION = re.compile(r"\[@([a-z0-9][a-z0-9-]*)(?:,\s*([^\]]+))?\]")
LINK = re.compile(r"\]\(((?:glossary|lesson|source|sandbox):[^)\s]*)\)")
YEAR = re.compile(r"(?<![0-9A-Za-z.,])(?:1[0-9]{3}|20[0-9]{2})(?![0-9])")
QUIZ_KEYS_KEPT = ("kind", "answer", "measure", "sources", "preset")


def translated(kind: str, suffix: str) -> list[Path]:
    return sorted(p for lang in LANGUAGES for p in (CONTENT / kind / lang).glob(f"*{suffix}"))


LESSONS = translated("lessons", ".md")
QUIZZES = translated("quizzes", ".toml")


def years(text: str) -> set[str]:
    """The years a lesson names (a translation may write small numbers in characters, never years)."""
    return set(YEAR.findall(text))


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_translated_lesson_keeps_the_original_structure(path):
    original = CONTENT / "lessons" / path.name
    assert original.exists(), f"{path} has no English original"
    meta, body = content.split_front_matter(path.read_text(encoding="utf-8"), path.name)
    meta_en, body_en = content.split_front_matter(original.read_text(encoding="utf-8"), original.name)
    assert set(meta) == set(meta_en), "the front matter keys differ"
    for key in ("id", "order", "start_year", "end_year", "regime", "sources", "preset"):
        assert meta.get(key) == meta_en.get(key), key
    cites = [(m.group(1), (m.group(2) or "").strip()) for m in CITATION.finditer(body)]
    cites_en = [(m.group(1), (m.group(2) or "").strip()) for m in CITATION.finditer(body_en)]
    assert sorted(cites) == sorted(cites_en), "citations differ (keys or pages)"
    assert sorted(LINK.findall(body)) == sorted(LINK.findall(body_en)), "links differ"
    missing = years(body_en) - years(body)
    assert not missing, f"years of the original missing from the translation: {sorted(missing)}"


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_translated_quiz_asks_the_same_questions_with_the_same_answers(path):
    original = CONTENT / "quizzes" / path.name
    assert original.exists(), f"{path} has no English original"
    mine = tomllib.loads(path.read_text(encoding="utf-8")).get("question", [])
    theirs = tomllib.loads(original.read_text(encoding="utf-8")).get("question", [])
    assert len(mine) == len(theirs)
    for i, (a, b) in enumerate(zip(mine, theirs)):
        assert set(a) == set(b), f"question {i}: keys differ"
        for key in QUIZ_KEYS_KEPT:
            assert a.get(key) == b.get(key), f"question {i}: {key} differs"
        for key in ("choices", "items"):
            assert len(a.get(key, ())) == len(b.get(key, ())), f"question {i}: {key} count differs"


@pytest.mark.parametrize("path", [p for p in LESSONS + QUIZZES if p.parent.name == "zh-Hant"],
                         ids=lambda p: p.name)
def test_traditional_content_is_the_simplified_converted(path):
    pytest.importorskip("opencc")
    sys.path.insert(0, str(ROOT / "tools"))
    import i18n

    source = path.parent.parent / "zh-Hans" / path.name
    assert source.exists(), f"{path} has no zh-Hans source"
    assert path.read_text(encoding="utf-8") == i18n.converter()(source.read_text(encoding="utf-8")), \
        "run: python tools/i18n.py hant"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_lesson_loads_in_every_language_with_english_fallback(language):
    english = content.lessons("en")
    shown = content.lessons(language)
    assert [lesson.id for lesson in shown] == [lesson.id for lesson in english]
    for lesson in shown:
        here = CONTENT / "lessons" / language / lesson.filename
        if here.exists():
            assert lesson.title != "" and lesson.body.strip()
        else:
            assert lesson.body == next(e.body for e in english if e.id == lesson.id)
