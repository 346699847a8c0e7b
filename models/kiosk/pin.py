"""The staff exit PIN: stored only as a salted scrypt hash, checked in constant time.

A hash reads ``scrypt$16384$8$1$<salt hex>$<key hex>``. ``set_pin(profile_path, pin)``
writes it into a profile file (replacing an earlier ``pin_hash`` line), through a
temporary file, so the profile is never left half written.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

from ..messages import ErmuError, msg

PIN_DIGITS = (4, 12)
_N, _R, _P = 2**14, 8, 1
_LINE = re.compile(r"^\s*pin_hash\s*=.*$", re.MULTILINE)


class PinError(ErmuError, ValueError):
    """A PIN or a stored hash that cannot be used."""


def check_pin(pin: str) -> str:
    pin = pin.strip()
    lo, hi = PIN_DIGITS
    if not (pin.isascii() and pin.isdigit() and lo <= len(pin) <= hi):
        raise PinError(msg("kiosk.pin.digits", "A staff PIN must be {lo} to {hi} digits (0-9), nothing else.",
                           lo=lo, hi=hi))
    return pin


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=32)


def hash_pin(pin: str) -> str:
    pin = check_pin(pin)
    salt = secrets.token_bytes(16)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${_derive(pin, salt, _N, _R, _P).hex()}"


def check_hash(stored: str) -> tuple[int, int, int, bytes, bytes]:
    parts = stored.split("$")
    try:
        if len(parts) != 6 or parts[0] != "scrypt":
            raise ValueError
        n, r, p = (int(v) for v in parts[1:4])
        salt, key = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
        if not (2 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16 and len(salt) >= 8
                and len(key) == 32):
            raise ValueError
    except ValueError:
        raise PinError(msg("kiosk.pin.hash", "The stored PIN hash is damaged: set the PIN again.")) from None
    return n, r, p, salt, key


def verify_pin(pin: str, stored: str) -> bool:
    if not stored:
        return False
    n, r, p, salt, key = check_hash(stored)
    try:
        pin = check_pin(pin)
    except PinError:
        return False
    return hmac.compare_digest(_derive(pin, salt, n, r, p), key)


def set_pin(profile_path: str | Path, pin: str) -> None:
    """Store the hash of ``pin`` in the profile file (which must exist and be a valid profile after)."""
    from .profile import MAX_PROFILE_BYTES, ProfileError, check_file, parse_profile

    path = check_file(profile_path, may_be_missing=True) or Path(profile_path)
    text = ""
    if path.exists():
        if path.stat().st_size > MAX_PROFILE_BYTES:
            raise PinError(msg("kiosk.pin.large", "{where} is far too large to be a kiosk profile.", where=str(path)))
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ProfileError([msg("kiosk.profile.encoding", "{where}: is not UTF-8 text.",
                                    where=str(path))]) from None
    line = f'pin_hash = "{hash_pin(pin)}"'
    if _LINE.search(text):
        text = _LINE.sub(line, text, count=1)
    else:
        # top-level keys go before the first [table]
        match = re.search(r"^\s*\[", text, re.MULTILINE)
        at = match.start() if match else len(text)
        head = text[:at]
        if head and not head.endswith("\n"):
            head += "\n"
        text = head + line + "\n" + text[at:]
    parse_profile(text, str(path))  # never write a profile the kiosk would refuse
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


__all__ = ["PIN_DIGITS", "PinError", "check_hash", "check_pin", "hash_pin", "set_pin", "verify_pin"]
