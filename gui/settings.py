"""Typed settings over QSettings: each setting has a key, a type and a default, declared once.

Faces read and write ``state.settings.text_scale`` rather than strings and ``QVariant``s;
a value of the wrong type in the file (a hand-edited INI, an older version) falls back to
the default instead of crashing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    kind: type

    def __set_name__(self, owner, name) -> None:
        object.__setattr__(self, "_name", name)

    def __get__(self, obj: "Settings | None", owner=None):
        if obj is None:
            return self
        return obj.read(self)

    def __set__(self, obj: "Settings", value: T) -> None:
        obj.write(self, value)


def _coerce(kind: type, value: Any, default: Any) -> Any:
    if value is None:
        return default
    try:
        if kind is bool:
            if isinstance(value, str):
                return value.strip().lower() in ("1", "true", "yes", "on")
            return bool(value)
        if kind in (int, float):
            number = kind(value)
            return number if number == number else default  # NaN falls back
        if kind is str:
            return str(value)
        if kind is list:
            return list(value) if isinstance(value, (list, tuple)) else [str(value)]
    except (TypeError, ValueError):
        return default
    return default


class Settings:
    """The app's settings. ``Settings(None)`` keeps them in memory only (tests, the kiosk)."""

    language = Setting("ui/language", "", str)  # "" = follow the system the first time
    text_scale = Setting("ui/text_scale", 1.0, float)
    reduced_motion = Setting("ui/reduced_motion", False, bool)
    high_contrast = Setting("ui/high_contrast", False, bool)
    compare_regimes = Setting("compare/regimes", ["qing-baojia", "sui"], list)
    window_geometry = Setting("window/geometry", b"", bytes)

    def __init__(self, store: QSettings | None) -> None:
        self.store = store
        self._memory: dict[str, Any] = {}

    def read(self, setting: Setting) -> Any:
        if self.store is None:
            return self._memory.get(setting.key, setting.default)
        value = self.store.value(setting.key, None)
        if setting.kind is bytes:
            try:
                return bytes(value) if value is not None else setting.default
            except TypeError:
                return setting.default
        return _coerce(setting.kind, value, setting.default)

    def write(self, setting: Setting, value: Any) -> None:
        if self.store is None:
            self._memory[setting.key] = value
        else:
            self.store.setValue(setting.key, value)

    def sync(self) -> None:
        if self.store is not None:
            self.store.sync()


__all__ = ["Setting", "Settings"]
