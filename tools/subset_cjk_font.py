"""Regenerate content/fonts/ErmuCJK-Regular.otf: Noto Sans CJK TC cut to the characters Ermu uses.

Run after adding Chinese text to content/, models/ or gui/ (tests/test_fonts.py fails until
you do). Needs Debian's fonts-noto-cjk (or NOTO_CJK=path/to/NotoSansCJK-Regular.ttc) and
fontTools, which matplotlib already installs. The font is under the SIL Open Font License
(content/fonts/OFL.txt); the subset is renamed as the licence asks of modified versions.

    python tools/subset_cjk_font.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path(os.environ.get("NOTO_CJK", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"))
TARGET = ROOT / "content" / "fonts" / "ErmuCJK-Regular.otf"
SCANNED = ("content", "models", "gui")
SUFFIXES = {".md", ".toml", ".csv", ".py"}


def is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return (0x2E80 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0xFF00 <= cp <= 0xFFEF
            or 0x20000 <= cp <= 0x2FA1F or 0x3000 <= cp <= 0x303F)


def used_characters() -> set[str]:
    chars: set[str] = set()
    for folder in SCANNED:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in SUFFIXES and path.is_file():
                chars |= {c for c in path.read_text(encoding="utf-8", errors="ignore") if is_cjk(c)}
    return chars


def main() -> int:
    chars = used_characters()
    collection = TTCollection(str(SOURCE))
    tc = next(f for f in collection.fonts if "TC" in f["name"].getDebugName(1))
    options = subset.Options()
    options.name_IDs = ["*"]
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(chars)))
    subsetter.subset(tc)
    names = tc["name"]
    for record in names.names:  # a modified font must not carry the reserved name
        if record.nameID in (1, 3, 4, 6, 16):
            text = record.toUnicode().replace("Noto Sans CJK TC", "Ermu CJK").replace("NotoSansCJKtc", "ErmuCJK")
            record.string = text
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    tc.save(str(TARGET))
    print(f"{len(chars)} characters, {TARGET.stat().st_size // 1024} KiB -> {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
