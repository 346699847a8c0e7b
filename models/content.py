"""Read the content folder: bibliography, glossary, lessons and quizzes (see content/README.md).

Content is data a teacher may replace, so it is parsed (TOML with the standard library),
checked, and never executed. Everything is read with importlib.resources, so it works
the same from a source checkout, an editable install and a wheel.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any
from .messages import ErmuError, msg
from .presets import Preset, PresetError

PACKAGE = "ermu.content"
CITATION = re.compile(r"\[@([a-z0-9][a-z0-9-]*)(?:,\s*([^\]]+))?\]")
LINK = re.compile(r"\]\(([a-z]+):([^)\s]*)\)")
ALLOWED_SCHEMES = ("glossary", "lesson", "source", "sandbox")


class ContentError(ErmuError, ValueError):
    """A content file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Work:
    key: str
    authors: tuple[str, ...]
    title: str
    year: int
    kind: str
    container: str = ""
    publisher: str = ""
    pages: str = ""
    url: str = ""
    cited_in: tuple[str, ...] = ()
    short: str = ""  # how a work without named authors is cited briefly ("Duke honors thesis")
    note: str = ""  # e.g. why a work the seeds do not cite is in the bibliography

    def citation(self) -> str:
        """A short reference: 'Hsiao, Kung-Chuan. Rural China… (1960). Publisher.'

        A work whose authors the sources do not name starts with its title: Ermu never
        prints an author that neither seed text gives.
        """
        year = str(self.year) if self.year else "n.d."
        if self.authors:
            parts = [f"{'; '.join(self.authors)} ({year}). {self.title}."]
        else:
            parts = [f"{self.title} ({year})."]
        if self.container:
            parts.append(f"{self.container}{', ' + self.pages if self.pages else ''}.")
        if self.publisher:
            parts.append(f"{self.publisher}.")
        return " ".join(parts)


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    hanzi: str
    pinyin: str
    romanizations: tuple[str, ...]
    definition: str
    sources: tuple[str, ...] = ()

    def tooltip(self) -> str:
        roman = f" ({', '.join(self.romanizations)})" if self.romanizations else ""
        return f"{self.hanzi} {self.pinyin}{roman}: {self.definition}"


@dataclass(frozen=True)
class Lesson:
    id: str
    order: int
    title: str
    era: str
    start_year: int
    end_year: int | None
    regime: str | None
    objectives: tuple[str, ...]
    sources: tuple[str, ...]
    preset: "Preset | None"  # the lesson's Try it, parsed and checked once
    body: str
    filename: str
    questions: tuple[dict[str, Any], ...] = field(default=())
    kiosk: str = ""  # the short form a kiosk shows: two or three sentences
    start_note: str = ""  # non-empty: the start year is Ermu's assumption (see models.dating)
    end_note: str = ""

    def years_label(self) -> str:
        """The years as the lesson path shows them, with the mark on an assumed year."""
        from .dating import span_label

        return span_label(self.start_year, self.end_year, self.start_note, self.end_note)

    def date_notes(self) -> tuple[str, ...]:
        return tuple(note for note in (self.start_note, self.end_note) if note)

    @property
    def words(self) -> int:
        return len(self.body.split())

    def cited_keys(self) -> set[str]:
        return {m.group(1) for m in CITATION.finditer(self.body)}

    def links(self) -> list[tuple[str, str]]:
        return [(m.group(1), m.group(2)) for m in LINK.finditer(self.body)]


def _read_text(*parts: str) -> str:
    return resources.files(PACKAGE).joinpath(*parts).read_text(encoding="utf-8")


def _toml(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{where}: not valid TOML ({exc})") from None


def _language(language: str | None) -> str:
    from .language import ENGLISH, current_language

    return language or current_language() or ENGLISH


def _translated_entries(kind: str, key: str, language: str) -> dict[str, dict[str, Any]]:
    """``glossary.<language>.toml``'s ``[[kind]]`` tables by ``key`` (empty for English or none)."""
    if language == "en":
        return {}
    entry = resources.files(PACKAGE).joinpath(f"glossary.{language}.toml")
    if not entry.is_file():
        return {}
    data = _toml(entry.read_text(encoding="utf-8"), f"glossary.{language}.toml")
    return {str(item.get(key, "")): item for item in data.get(kind, ()) if isinstance(item, dict)}


def bibliography(language: str | None = None) -> dict[str, Work]:
    """Every work, by key; in Chinese, the notes translated where ``glossary.<language>.toml`` has them."""
    return _bibliography(_language(language))


@lru_cache(maxsize=4)
def _bibliography(language: str) -> dict[str, Work]:
    from dataclasses import replace

    works = _english_bibliography()
    notes = _translated_entries("work", "key", language)
    return {key: (replace(work, note=str(notes[key].get("note", work.note))) if key in notes else work)
            for key, work in works.items()}


@lru_cache(maxsize=1)
def _english_bibliography() -> dict[str, Work]:
    data = _toml(_read_text("bibliography.toml"), "bibliography.toml")
    works: dict[str, Work] = {}
    for i, item in enumerate(data.get("work", [])):
        try:
            work = Work(
                key=item["key"], authors=tuple(item.get("authors", ())), title=item["title"],
                year=int(item.get("year", 0)), kind=item.get("kind", ""), container=item.get("container", ""),
                publisher=item.get("publisher", ""), pages=str(item.get("pages", "")), url=item.get("url", ""),
                cited_in=tuple(item.get("cited_in", ())), short=item.get("short", ""),
                note=str(item.get("note", "")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ContentError(f"bibliography.toml: work[{i}] lacks or mangles {exc}") from None
        if work.key in works:
            raise ContentError(f"bibliography.toml: the key {work.key!r} appears twice")
        works[work.key] = work
    return works


def glossary(language: str | None = None) -> dict[str, Term]:
    """Every term, by id; translated fields from ``glossary.<language>.toml`` (same ids) where present."""
    return _glossary(_language(language))


@lru_cache(maxsize=4)
def _glossary(language: str) -> dict[str, Term]:
    data = _toml(_read_text("glossary.toml"), "glossary.toml")
    translated = _translated_entries("term", "id", language)
    terms: dict[str, Term] = {}
    for i, item in enumerate(data.get("term", [])):
        item = {**item, **{k: v for k, v in translated.get(item.get("id", ""), {}).items()
                           if k in ("term", "definition")}}
        try:
            term = Term(item["id"], item["term"], item["hanzi"], item["pinyin"],
                        tuple(item.get("romanizations", ())), item["definition"], tuple(item.get("sources", ())))
        except KeyError as exc:
            raise ContentError(f"glossary.toml: term[{i}] lacks {exc}") from None
        terms[term.id] = term
    return terms


def split_front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != "+++":
        raise ContentError(f"{where}: a lesson must start with a +++ line (TOML front matter)")
    for end in range(1, len(lines)):
        if lines[end].strip() == "+++":
            return _toml("".join(lines[1:end]), where), "".join(lines[end + 1:]).strip() + "\n"
    raise ContentError(f"{where}: the front matter has no closing +++ line")


def parse_lesson(text: str, filename: str, questions: tuple[dict[str, Any], ...] = ()) -> Lesson:
    meta, body = split_front_matter(text, filename)
    try:
        return Lesson(
            id=meta["id"], order=int(meta["order"]), title=meta["title"], era=meta.get("era", ""),
            start_year=int(meta["start_year"]), end_year=meta.get("end_year"), regime=meta.get("regime"),
            objectives=tuple(meta.get("objectives", ())), sources=tuple(meta.get("sources", ())),
            preset=Preset.parse(meta["preset"], f"{filename}: preset") if meta.get("preset") else None,
            body=body, filename=filename, questions=questions, kiosk=str(meta.get("kiosk", "")),
            start_note=str(meta.get("start_note", "")), end_note=str(meta.get("end_note", "")),
        )
    except KeyError as exc:
        raise ContentError(f"{filename}: the front matter lacks {exc}") from None
    except PresetError as exc:
        raise ContentError(str(exc)) from None


def _questions(lesson_id: str, language: str = "en") -> tuple[dict[str, Any], ...]:
    """A lesson's quiz: ``quizzes/<language>/<id>.toml`` when translated, else the English one."""
    quizzes = resources.files(PACKAGE).joinpath("quizzes")
    quiz = quizzes.joinpath(language, f"{lesson_id}.toml") if language != "en" else None
    where = f"quizzes/{language}/{lesson_id}.toml"
    if quiz is None or not quiz.is_file():
        quiz, where = quizzes.joinpath(f"{lesson_id}.toml"), f"quizzes/{lesson_id}.toml"
    if not quiz.is_file():
        return ()
    data = _toml(quiz.read_text(encoding="utf-8"), where)
    return tuple(data.get("question", ()))


def lessons(language: str | None = None) -> tuple[Lesson, ...]:
    """Every lesson, in path order, in ``language`` (default: the current one).

    A translated lesson is ``lessons/<language>/<same file name>.md``; a lesson not yet
    translated is given in English, so the path never has a gap.
    """
    return _lessons(_language(language))


@lru_cache(maxsize=4)
def _lessons(language: str) -> tuple[Lesson, ...]:
    folder = resources.files(PACKAGE).joinpath("lessons")
    translated = folder.joinpath(language) if language != "en" else None
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".md") and entry.is_file():
            chosen, where = entry, entry.name
            if translated is not None and translated.joinpath(entry.name).is_file():
                chosen, where = translated.joinpath(entry.name), f"{language}/{entry.name}"
            text = chosen.read_text(encoding="utf-8")
            meta, _ = split_front_matter(text, where)
            lesson_ = parse_lesson(text, entry.name, _questions(str(meta.get("id", "")), language))
            found.append(lesson_)
    return tuple(sorted(found, key=lambda lesson: lesson.order))


def lesson(lesson_id: str, language: str | None = None) -> Lesson:
    for item in lessons(language):
        if item.id == lesson_id:
            return item
    allowed = ", ".join(item.id for item in lessons())
    raise ContentError(msg("content.error.no-lesson", "there is no lesson {lesson!r}: use one of {allowed}",
                           lesson=lesson_id, allowed=allowed))


INCIDENT_KEYS = ("offender", "offence", "response", "scope", "discovered")


def question_preset(question: dict[str, Any], where: str = "question") -> Preset:
    """A predict question's village and incident (written flat in the quiz files) as a Preset."""
    data = dict(question.get("preset", {}))
    incident = {key: data.pop(key) for key in INCIDENT_KEYS if key in data}
    data.pop("measure", None)
    if incident:
        data["incident"] = incident
    return Preset.parse(data, f"{where}: preset")
