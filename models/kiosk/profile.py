"""The kiosk profile: a TOML file that says what a museum's kiosk shows and how it behaves.

``load_profile(path)`` reads a profile (``None``: the built-in ``default_profile.toml``)
and checks *every* field before the kiosk starts: a kiosk must never start half
configured. All problems are collected, one :class:`~ermu.models.messages.Message` per
problem, and raised together as a :class:`ProfileError` (``ermu --kiosk`` prints one line
each and exits 2).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

from ..messages import ErmuError, Message, msg

#: Every station a kiosk can offer, in the default order.
STATIONS = ("village", "compare", "criticism", "credit", "timeline", "surveys")
#: The face each station shows (its page id in the GUI's page table).
STATION_VIEWS = {"village": "sandbox", "compare": "compare", "criticism": "criticism", "credit": "credit",
                 "timeline": "lessons", "surveys": "charts"}
#: The languages the kiosk may offer, each named in itself on the start screen.
LANGUAGES = {"en": "English", "zh-Hans": "简体中文", "zh-Hant": "繁體中文"}
IDLE_RANGE = (15, 3600)
COUNTDOWN_RANGE = (5, 300)
SCALE_RANGE = (1.0, 2.0)
_TOP_KEYS = {"stations", "idle_seconds", "countdown_seconds", "attract", "languages", "default_language",
             "text_scale", "hide_cursor", "pin_hash"}


@dataclass(frozen=True)
class Profile:
    stations: tuple[str, ...] = STATIONS
    idle_seconds: int = 90
    countdown_seconds: int = 30
    attract: bool = True
    languages: tuple[str, ...] = tuple(LANGUAGES)
    default_language: str = "en"
    text_scale: float = 1.0
    hide_cursor: bool = False
    pin_hash: str = ""
    #: Each station's preset (a ``models.presets.Preset``), where the profile gives one.
    presets: Mapping[str, Any] = field(default_factory=dict)
    source: str = "the built-in profile"

    @property
    def has_pin(self) -> bool:
        return bool(self.pin_hash)


class ProfileError(ErmuError):
    """A profile the kiosk must not start with; ``problems`` holds one message per problem."""

    def __init__(self, problems: list[Message]) -> None:
        self.problems = list(problems)
        super().__init__(problems[0] if len(problems) == 1 else msg(
            "kiosk.profile.problems", "{first} (and {more} more)", first=problems[0], more=len(problems) - 1))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


def default_profile_text() -> str:
    return resources.files(__package__).joinpath("default_profile.toml").read_text(encoding="utf-8")


MAX_PROFILE_BYTES = 256 * 1024


def check_file(path: str | Path, *, may_be_missing: bool = False) -> Path | None:
    """A regular file Ermu may read (not a folder, device or pipe; not huge); ``None`` if missing and allowed."""
    where = str(path)
    try:
        target = Path(path)
        info = target.stat()
    except FileNotFoundError:
        if may_be_missing:
            return None
        raise ProfileError([msg("kiosk.profile.missing", "{where}: there is no such file.", where=where)]) from None
    except (OSError, ValueError) as exc:  # a NUL in the name, a name too long, no permission
        raise ProfileError([msg("kiosk.profile.unusable", "{where}: cannot be used ({reason}).", where=where,
                                reason=getattr(exc, "strerror", None) or str(exc))]) from None
    import stat

    if stat.S_ISDIR(info.st_mode):
        raise ProfileError([msg("kiosk.profile.folder", "{where}: is a folder, not a file.", where=where)])
    if not stat.S_ISREG(info.st_mode):
        raise ProfileError([msg("kiosk.profile.special", "{where}: is a device or a pipe, not a file.",
                                where=where)])
    return target


def load_profile(path: str | Path | None = None) -> Profile:
    if path is None:
        return parse_profile(default_profile_text(), "the built-in profile")
    where = str(path)
    target = check_file(path)
    if target.stat().st_size > MAX_PROFILE_BYTES:
        raise ProfileError([msg("kiosk.profile.large", "{where}: is far too large to be a kiosk profile.",
                                where=where)])
    try:
        text = target.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ProfileError([msg("kiosk.profile.encoding", "{where}: is not UTF-8 text.", where=where)]) from None
    except OSError as exc:
        raise ProfileError([msg("kiosk.profile.unreadable", "{where}: cannot be read ({reason}).", where=where,
                                reason=exc.strerror or str(exc))]) from None
    return parse_profile(text, where)


def parse_profile(text: str, where: str = "the profile") -> Profile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError([msg("kiosk.profile.toml", "{where}: is not valid TOML ({reason}).", where=where,
                                reason=str(exc))]) from None
    return _Checker(data, where).profile()


class _Checker:
    def __init__(self, data: dict[str, Any], where: str) -> None:
        self.data = data
        self.where = where
        self.problems: list[Message] = []

    def fail(self, code: str, template: str, **params: Any) -> None:
        self.problems.append(msg(f"kiosk.profile.{code}", "{where}: " + template, where=self.where, **params))

    def integer(self, name: str, default: int, lo: int, hi: int) -> int:
        value = self.data.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            self.fail("range", "{name} must be a whole number of seconds from {lo} to {hi}, not {value!r}.",
                      name=name, lo=lo, hi=hi, value=value)
            return default
        return value

    def boolean(self, name: str, default: bool) -> bool:
        value = self.data.get(name, default)
        if not isinstance(value, bool):
            self.fail("bool", "{name} must be true or false, not {value!r}.", name=name, value=value)
            return default
        return value

    def names(self, name: str, allowed: tuple[str, ...], default: tuple[str, ...]) -> tuple[str, ...]:
        value = self.data.get(name, list(default))
        if not isinstance(value, list) or not value:
            self.fail("list", "{name} must be a list of one or more of {allowed}, not {value!r}.", name=name,
                      allowed=", ".join(allowed), value=value)
            return default
        good: list[str] = []
        for item in value:
            if item not in allowed:
                self.fail("unknown-item", "{name}: {value!r} is not known; use {allowed}.", name=name,
                          value=item, allowed=", ".join(allowed))
            elif item in good:
                self.fail("repeated", "{name}: {value!r} is listed twice.", name=name, value=item)
            else:
                good.append(item)
        return tuple(good) or default

    def profile(self) -> Profile:
        for key in self.data:
            if key not in _TOP_KEYS and key not in STATIONS:
                self.fail("unknown-key", "{name!r} is not a profile setting; the settings are {allowed}.",
                          name=key, allowed=", ".join(sorted(_TOP_KEYS)))
        stations = self.names("stations", STATIONS, STATIONS)
        languages = self.names("languages", tuple(LANGUAGES), tuple(LANGUAGES))
        default_language = self.data.get("default_language", languages[0])
        if default_language not in languages:
            self.fail("default-language", "default_language {value!r} must be one of the languages offered "
                      "({allowed}).", value=default_language, allowed=", ".join(languages))
            default_language = languages[0]
        scale = self.data.get("text_scale", 1.0)
        if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not SCALE_RANGE[0] <= scale <= SCALE_RANGE[1]:
            self.fail("scale", "text_scale must be a number from {lo} to {hi}, not {value!r}.",
                      lo=SCALE_RANGE[0], hi=SCALE_RANGE[1], value=scale)
            scale = 1.0
        pin_hash = self.data.get("pin_hash", "")
        from .pin import PinError, check_hash

        if not isinstance(pin_hash, str):
            self.fail("pin-hash", "pin_hash must be text written by `ermu-cli kiosk set-pin`, not {value!r}.",
                      value=pin_hash)
            pin_hash = ""
        elif pin_hash:
            try:
                check_hash(pin_hash)
            except PinError:
                self.fail("pin-hash", "pin_hash is not a hash written by `ermu-cli kiosk set-pin`: set the PIN "
                          "again with it (a PIN is never stored as itself).")
                pin_hash = ""
        profile = Profile(
            stations=stations,
            idle_seconds=self.integer("idle_seconds", 90, *IDLE_RANGE),
            countdown_seconds=self.integer("countdown_seconds", 30, *COUNTDOWN_RANGE),
            attract=self.boolean("attract", True),
            languages=languages, default_language=default_language, text_scale=float(scale),
            hide_cursor=self.boolean("hide_cursor", False), pin_hash=pin_hash,
            presets=self.presets(), source=self.where)
        if self.problems:
            raise ProfileError(self.problems)
        return profile

    def presets(self) -> dict[str, Any]:
        from ..presets import Preset, PresetError

        found: dict[str, Any] = {}
        for station in STATIONS:
            table = self.data.get(station)
            if table is None:
                continue
            if not isinstance(table, dict):
                self.fail("table", "[{station}] must be a table of the station's village, not {value!r}.",
                          station=station, value=table)
                continue
            view = STATION_VIEWS[station]
            if view == "lessons":
                self.fail("no-preset", "the {station} station takes no settings; remove [{station}].",
                          station=station)
                continue
            try:
                found[station] = Preset.parse({"view": view, **table}, f"[{station}]")
            except PresetError as exc:
                self.problems.append(msg("kiosk.profile.preset", "{where}: {error}", where=self.where,
                                         error=exc.message))
                continue
            scheme = table.get("scheme")
            if station == "credit" and scheme is not None:
                from ..credit.schemes import SCHEME_IDS

                if scheme not in SCHEME_IDS:
                    self.fail("scheme", "[credit].scheme {value!r} is not a scheme; use {allowed}.",
                              value=scheme, allowed=", ".join(SCHEME_IDS))
        return found


__all__ = ["LANGUAGES", "Profile", "ProfileError", "STATIONS", "STATION_VIEWS", "check_file", "default_profile_text",
           "load_profile", "parse_profile"]
