"""JSON for files a user hands us: duplicate keys and NaN/Infinity are errors, not surprises.

The standard library keeps the last of two equal keys and accepts NaN and Infinity; a file
that relies on either is malformed for Ermu, and the message says so in one sentence.
"""

from __future__ import annotations

import json
from typing import Any


def loads(text: str | bytes, error: type[Exception]) -> Any:
    """``json.loads`` that raises ``error`` for a repeated key or a non-finite number."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                raise error(f"the field {key!r} appears twice in one object")
            out[key] = value
        return out

    def constant(name: str) -> Any:
        raise error(f"{name} is not a number JSON allows")

    return json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
