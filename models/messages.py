"""Message keys: what the models say, as data, rendered into a language only at the edge.

The models never build a sentence a reader sees. They return a :class:`Message` — a
stable key (``"population.count.not-positive"``), the English template (the gettext
``msgid``) and its parameters — and the face that shows it (the GUI, the CLI, a JSON
export) renders it through a :class:`Translator`. The key doubles as the gettext context
(``msgctxt``), so one English phrase may be translated two ways where it means two things.

Errors are typed the same way: :class:`ErmuError` carries a message, and ``str(error)``
is the whole English sentence (capitalised, with its full stop), so nothing downstream
ever has to capitalise or punctuate a model's words.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any, Mapping, Protocol


class Translator(Protocol):
    """Anything that can translate a template in a context (gettext's ``pgettext``)."""

    def pgettext(self, context: str, message: str) -> str: ...

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str: ...


class English:
    """The identity translator: the templates are English already."""

    def pgettext(self, context: str, message: str) -> str:
        return message

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural


ENGLISH = English()
_translator: Translator = ENGLISH


def set_translator(translator: Translator | None) -> None:
    """Choose the language the models' messages render in (``None``: English)."""
    global _translator
    _translator = translator or ENGLISH


def current_translator() -> Translator:
    return _translator


def template_fields(template: str) -> set[str]:
    """The ``{name}`` placeholders of a template (checked by the catalog tests)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True)
class Message:
    """A sentence to be shown, kept as a key, an English template and its parameters.

    ``plural`` (with ``count`` naming the parameter that chooses the form) makes a
    message that gettext renders with ``npgettext``.
    """

    key: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)
    plural: str | None = None
    count: str | None = None

    def render(self, translator: Translator | None = None) -> str:
        tr = translator or _translator
        if self.plural is not None and self.count is not None:
            text = tr.npgettext(self.key, self.template, self.plural, int(self.params[self.count]))
            if text in (self.template, self.plural):  # the catalog holds the message without plural forms
                single = tr.pgettext(self.key, self.template)  # (extracted as msg/Message: one form,
                if single != self.template:  # which is all Chinese needs)
                    text = single
        else:
            text = tr.pgettext(self.key, self.template)
        params = {k: _rendered(v, tr) for k, v in self.params.items()}
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):  # a broken translation must never hide the message
            return self.template.format(**params)

    def __str__(self) -> str:
        return self.render()

    def as_json(self) -> dict[str, Any]:
        """Stable key and parameters for machines, with the rendered text for people."""
        return {"key": self.key, "params": {k: (v.as_json() if isinstance(v, Message) else
                                                (str(v) if _localised(v) else v))
                                            for k, v in self.params.items()},
                "text": self.render()}


def _localised(value: Any) -> bool:
    return callable(getattr(value, "render", None)) and not isinstance(value, str)


def _rendered(value: Any, tr: Translator) -> Any:
    """A parameter as shown: messages and phrases in the translator's language, the rest as is."""
    render = getattr(value, "render", None)
    return render(tr) if callable(render) and not isinstance(value, str) else value


@dataclass(frozen=True)
class Phrase:
    """A word or phrase from a table (an offence, a regime's title), translated when rendered.

    Tables mark their words with ``N_`` (so Babel extracts them) and wrap them in a phrase
    where they are used as a message parameter; ``context`` matches a ``pgettext`` entry.
    """

    text: str
    context: str | None = None

    def render(self, translator: Translator | None = None) -> str:
        tr = translator or _translator
        if self.context is not None:
            return tr.pgettext(self.context, self.text)
        get = getattr(tr, "gettext", None)
        return get(self.text) if get is not None else self.text

    def __str__(self) -> str:
        return self.render()


def msg(key: str, template: str, **params: Any) -> Message:
    return Message(key, template, params)


def sentence(text: str) -> str:
    """Capitalise the first letter and end with a full stop (for English fragments)."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…)”\"" else text + "."


class ErmuError(Exception):
    """A model error for people: a key, parameters, and one whole sentence.

    Raise it as ``ErmuError(msg("population.count", "Households must be ..., not {n}.", n=n))``
    — a whole sentence, capitalised, with its full stop — so the GUI and the CLI show it as
    it is. Older call sites pass a plain English string (its key is then
    ``error.<ClassName>``); those are rendered as given.
    """

    #: The key of messages raised as plain strings; by default "error.<ClassName>".
    default_key: str | None = None
    #: Plain-string messages of this class get a full stop if they lack one …
    full_stop = False
    #: … and, with this, a capital first letter (a whole sentence, ready to show).
    whole_sentence = False

    def __init__(self, message: Message | str, **params: Any) -> None:
        if isinstance(message, str):
            key = self.default_key or f"error.{type(self).__name__}"
            if self.whole_sentence:
                message = sentence(message)
            elif self.full_stop and message and message.rstrip()[-1:] not in ".!?”)":
                message = message.rstrip() + "."
            if not params:  # a plain sentence is shown as written, braces and all (a file name, a user's text)
                message = message.replace("{", "{{").replace("}", "}}")
            message = Message(key, message, params)
        self.message = message
        super().__init__(message.template)

    @property
    def key(self) -> str:
        return self.message.key

    @property
    def params(self) -> Mapping[str, Any]:
        return self.message.params

    def render(self, translator: Translator | None = None) -> str:
        return self.message.render(translator)

    def __str__(self) -> str:
        return self.render()


__all__ = ["ENGLISH", "English", "ErmuError", "Message", "Phrase", "Translator", "current_translator", "msg",
           "sentence", "set_translator", "template_fields"]
