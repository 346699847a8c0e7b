"""The language Ermu speaks: English, Simplified Chinese or Traditional Chinese.

``set_language("zh-Hans")`` loads the compiled gettext catalog
``content/locale/zh-Hans/LC_MESSAGES/ermu.mo`` (stdlib :mod:`gettext`, nothing else at run
time) and hands it to :func:`ermu.models.messages.set_translator`, so ``_()``, ``ngettext``,
``pgettext`` and every :class:`~ermu.models.messages.Message` render in that language — in
the CLI, the GUI and JSON exports alike. ``set_language("en")`` goes back to the templates.

The content loader (:mod:`ermu.models.content`) asks :func:`current_language` which lesson,
quiz and glossary files to read.
"""

from __future__ import annotations

import os
from functools import lru_cache

from .messages import ErmuError, msg, set_translator

DOMAIN = "ermu"
ENGLISH = "en"
#: Every language Ermu has, each named in itself (the Language menu shows these names).
LANGUAGES: dict[str, str] = {"en": "English", "zh-Hans": "简体中文", "zh-Hant": "繁體中文"}
#: The gettext/Qt locale names of each language (Qt's own catalogs: qt_zh_CN.qm, qt_zh_TW.qm).
QT_LOCALES = {"en": "en", "zh-Hans": "zh_CN", "zh-Hant": "zh_TW"}

_current = ENGLISH


class LanguageError(ErmuError, ValueError):
    """A language Ermu does not have."""


def normalise(language: str) -> str:
    """``"zh_CN"``, ``"zh-hans"``, ``"zh_TW.UTF-8"``, ``"en_GB"`` → one of :data:`LANGUAGES`.

    Raises :class:`LanguageError` (one sentence, listing the choices) for any other.
    """
    found = from_locale(language)
    if found is None:
        raise LanguageError(msg("language.unknown", "There is no language “{language}”: use one of {choices}.",
                                language=language, choices=", ".join(LANGUAGES)))
    return found


def from_locale(name: str | None) -> str | None:
    """The language of a locale name (``zh_CN.UTF-8``, ``zh-Hant-TW``, ``en_US``), or ``None``."""
    if not name:
        return None
    text = name.split(".")[0].split("@")[0].replace("_", "-").strip().lower()
    if text in ("c", "posix", ""):
        return None
    parts = text.split("-")
    if parts[0] == "en":
        return ENGLISH
    if parts[0] != "zh":
        return None
    rest = set(parts[1:])
    if "hant" in rest or rest & {"tw", "hk", "mo"}:
        return "zh-Hant"
    return "zh-Hans"


def system_language() -> str | None:
    """The OS locale's language when Ermu has it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else ``None``."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        for part in value.split(":"):
            found = from_locale(part)
            if found:
                return found
    try:
        import locale  # only when the environment names no language

        return from_locale(locale.getlocale()[0])
    except ValueError:  # pragma: no cover - a broken locale setting
        return None


@lru_cache(maxsize=None)
def translations(language: str) -> "gettext.NullTranslations":
    """The compiled catalog of a language (an empty one where none is installed)."""
    import gettext  # imported here: an English start never needs it
    from importlib import resources

    if language == ENGLISH:
        return gettext.NullTranslations()
    mo = resources.files("ermu.content").joinpath("locale", language, "LC_MESSAGES", f"{DOMAIN}.mo")
    if not mo.is_file():
        return gettext.NullTranslations()
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def set_language(language: str) -> str:
    """Speak ``language`` from now on (``"en"``, ``"zh-Hans"``, ``"zh-Hant"`` or a locale name)."""
    global _current
    language = normalise(language)
    _current = language
    set_translator(None if language == ENGLISH else translations(language))
    return language


def current_language() -> str:
    return _current


def is_chinese(language: str | None = None) -> bool:
    return (language or _current).startswith("zh")


__all__ = ["DOMAIN", "LANGUAGES", "LanguageError", "QT_LOCALES", "current_language", "from_locale",
           "is_chinese", "normalise", "set_language", "system_language", "translations"]


@lru_cache(maxsize=None)
def shown_to_msgid(language: str) -> dict[str, str]:
    """What each context-free message looks like in ``language`` → its English msgid.

    The shell uses it to carry a widget's static text from one language to the next
    (``gui/retranslation.py``); English maps every msgid to itself.
    """
    catalog: dict = {}
    for lang in ("zh-Hans", "zh-Hant"):
        found = getattr(translations(lang), "_catalog", {})
        if lang == language or language == ENGLISH:
            catalog = found if lang == language else {**catalog, **found}
    out: dict[str, str] = {}
    for key, value in catalog.items():
        if not isinstance(key, str) or not key or "\x04" in key:
            continue
        out.setdefault(key if language == ENGLISH else value, key)
    return out
