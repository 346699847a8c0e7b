"""Where a household lives, and the population's error type: light, so that the regime specs
(and the first window, which shows them) do not load numpy.
"""

from __future__ import annotations

import enum

from .i18n import N_
from .messages import ErmuError, msg


class PopulationError(ErmuError, ValueError):
    """A request for a population that cannot be made; the message is for people."""


#: The settings' labels as shown (the same order as the enum's values).
SETTING_WORDS = (N_("rural"), N_("suburban"), N_("urban"), N_("capital"))


class Setting(enum.IntEnum):
    """Where a household lives. The regimes' scope rules and unit names depend on it."""

    RURAL = 0
    SUBURBAN = 1
    URBAN = 2
    CAPITAL = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def shown(self) -> str:
        """The label in the current language (``label`` stays the word files and the CLI read)."""
        from .i18n import _

        return _(SETTING_WORDS[self])

    @classmethod
    def parse(cls, text: str | "Setting") -> "Setting":
        if isinstance(text, Setting):
            return text
        try:
            return cls[str(text).strip().upper()]
        except KeyError:
            allowed = ", ".join(s.label for s in cls)
            raise PopulationError(msg("population.error.setting", "unknown setting {text!r}: use one of {allowed}",
                                      text=text, allowed=allowed)) from None


__all__ = ["PopulationError", "Setting"]
