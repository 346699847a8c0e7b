"""The gettext functions every part of Ermu marks its own strings with.

``_("Play")``, ``ngettext("{n} household", "{n} households", n)``, ``pgettext("verb",
"Report")`` and ``N_("…")`` (marked for extraction, translated later) translate through
the translator chosen with :func:`ermu.models.messages.set_translator` — English until a
language is chosen. Babel extracts these keywords from ``models/`` and ``gui/``; the
catalogs live under ``content/locale/`` (the Chinese issue builds them).

Text that is set on a widget once must be set again when the language changes: faces do
that in ``retranslate()``, which the shell calls on ``AppState.language_changed``.
"""

from __future__ import annotations

import sys

from .messages import current_translator


def _(message: str) -> str:
    tr = current_translator()
    get = getattr(tr, "gettext", None)
    return get(message) if get is not None else message


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now (module-level tables)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    tr = current_translator()
    get = getattr(tr, "ngettext", None)
    if get is not None:
        return get(singular, plural, n)
    return singular if n == 1 else plural


def pgettext(context: str, message: str) -> str:
    return current_translator().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return current_translator().npgettext(context, singular, plural, n)


def speaking_chinese() -> bool:
    """``ermu.models.language.is_chinese()`` without loading the language layer: a process that
    never loaded it has chosen no language and speaks English (the first window stays light)."""
    language = sys.modules.get("ermu.models.language")
    return language is not None and language.is_chinese()


__all__ = ["N_", "_", "ngettext", "npgettext", "pgettext", "speaking_chinese"]
