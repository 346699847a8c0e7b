"""Text that can be shown, stored and written anywhere: the checks on every string of a scenario.

A string from a file or a user may hold what no database, file or screen should get: a
lone surrogate (``"\\ud800"``: JSON allows it, UTF-8 cannot encode it, so an export would
fail forever), NUL (PostgreSQL refuses it), other control characters (they garble a
table or a terminal), or nothing visible at all (a title of zero-width spaces is a row
nobody can find). Each check names the first problem and where, like the other checks.

Villages are large, so the strings of all households are first searched together in one
regular-expression pass; only when that finds something are they walked to say where.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterable, Iterator

#: Control characters (C0 but tab, line feed and carriage return; DEL; C1) and surrogates.
_BAD_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
#: The same, and no line breaks or tabs either: for titles, names and tags.
_BAD_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
#: Letters that draw nothing although Unicode calls them letters or symbols.
_BLANK = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")
_INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Cn", "Co", "Cs", "Mn", "Me"})


def problem(text: str, *, multiline: bool = False) -> str | None:
    """Why ``text`` cannot be stored and shown as it is, or None."""
    found = (_BAD_MULTILINE if multiline else _BAD_LINE).search(text)
    if found is None:
        return None
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        return (f"contains a lone surrogate (U+{ord(char):04X}) at character {found.start() + 1}, "
                "which no file or database can store")
    name = {"\x00": "NUL", "\t": "a tab", "\n": "a line break", "\r": "a line break"}.get(char, "a control character")
    return f"contains {name} (U+{ord(char):04X}) at character {found.start() + 1}, which cannot be shown"


def visible(text: str) -> bool:
    """True if at least one character of ``text`` draws something."""
    return any(c not in _BLANK and unicodedata.category(c) not in _INVISIBLE_CATEGORIES for c in text)


def _walk(value: Any, loc: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield loc + (key,), key
            yield from _walk(item, loc + (key,))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _walk(item, loc + (i,))


def first_in_fields(fields: Iterable[tuple[tuple, Any, bool]]) -> tuple[tuple, str] | None:
    """The first bad string among ``(location, value, multiline)``; values may be nested data."""
    for loc, value, multiline in fields:
        for where, text in _walk(value, loc):
            reason = problem(text, multiline=multiline)
            if reason is not None:
                return where, reason
    return None


def first_in_households(households: Iterable[tuple[int, str, Iterable[tuple[str, str]]]],
                        prefix: tuple = ()) -> tuple[tuple, str] | None:
    """The first bad family, name or hanzi: ``households`` gives (index, family, [(name, hanzi)])."""
    items = [(index, family, list(people)) for index, family, people in households]
    joined = " ".join(f"{family} {' '.join(n + ' ' + h for n, h in people)}" for _, family, people in items)
    if _BAD_LINE.search(joined) is None:
        return None
    for index, family, people in items:
        reason = problem(family)
        if reason is not None:
            return prefix + ("households", index, "family"), reason
        for m, (name, hanzi) in enumerate(people):
            for field, text in (("name", name), ("hanzi", hanzi)):
                reason = problem(text)
                if reason is not None:
                    return prefix + ("households", index, "members", m, field), reason
    return None  # pragma: no cover - the joined search and the walk agree


__all__ = ["first_in_fields", "first_in_households", "problem", "visible"]
