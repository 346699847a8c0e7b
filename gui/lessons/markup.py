"""Turn a lesson's Markdown into what the lesson page shows (no Qt here).

Citations ``[@key, p. 45]`` become numbered footnote links ``[[1]](source:key#1)`` and a
"Sources" section at the end lists each footnote's full citation and page. Raw HTML is
neutralised (every ``<`` is escaped), because a teacher may replace the lessons and the
page must never run markup nobody reviewed.
"""

from __future__ import annotations

from ermu.models.i18n import _
import re
from dataclasses import dataclass

from ermu.models.content import CITATION, Lesson, Work, bibliography
from ermu.models.dating import ASSUMED_MARK

_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Footnote:
    number: int
    key: str
    locator: str  # "p. 45", "pp. 45-47" or ""

    def text(self, works: dict[str, Work]) -> str:
        work = works.get(self.key)
        cited = work.citation() if work else _("{key} (not in the bibliography)").format(key=self.key)
        return f"{cited} {self.locator}." if self.locator else cited


@dataclass(frozen=True)
class RenderedLesson:
    markdown: str
    footnotes: tuple[Footnote, ...]

    def footnote(self, number: int) -> Footnote | None:
        return next((f for f in self.footnotes if f.number == number), None)


def escape_html(markdown: str) -> str:
    """Escape ``<`` outside fenced code so no raw HTML block or span survives."""
    lines = []
    fenced = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        lines.append(line if fenced else line.replace("\\<", "<").replace("<", "\\<"))
    return "\n".join(lines) + "\n"


def render(lesson: Lesson, works: dict[str, Work] | None = None) -> RenderedLesson:
    works = bibliography() if works is None else works
    numbers: dict[tuple[str, str], int] = {}

    def footnote(match: re.Match[str]) -> str:
        key, locator = match.group(1), (match.group(2) or "").strip()
        number = numbers.setdefault((key, locator), len(numbers) + 1)
        return f"[[{number}]](source:{key}#{number})"

    body = CITATION.sub(footnote, escape_html(lesson.body))
    notes = tuple(Footnote(n, key, loc) for (key, loc), n in numbers.items())
    header = f"# {lesson.title}\n\n"
    if lesson.date_notes():
        mark = _escape_inline(ASSUMED_MARK)
        header += ("**" + _("Dates {years}:").format(years=_escape_inline(lesson.years_label())) + "** "
                   + _("the year marked {mark} is Ermu's assumption.").format(mark=mark) + " "
                   + _escape_inline(" ".join(lesson.date_notes())) + "\n\n")
    if lesson.objectives:
        header += "**" + _("In this lesson you will:") + "**\n\n" + "".join(f"- {o}\n" for o in lesson.objectives) + "\n"
    sources = ""
    if notes:
        sources = "\n\n## " + _("Sources") + "\n\n" + "".join(
            f"{n.number}. {_escape_inline(n.text(works))}\n" for n in notes)
    return RenderedLesson(escape_html(header) + body + sources, notes)


def _escape_inline(text: str) -> str:
    """Citations are data too: keep their brackets and stars from turning into markup."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)
