"""Build Ermu's bundled CJK fonts: Noto Sans CJK SC and TC, Regular and Bold, cut to what Ermu needs.

    python tools/build_font.py

Each face covers the same characters:

- every CJK character in content/ (lessons, quizzes, glossary, translations), models/, gui/
  and the gettext catalogs (content/locale/**/*.po);
- the 3,755 characters of GB2312 level 1 (decoded from bytes 0xB0A1–0xD7FE with Python's
  gb2312 codec) — the common-use list 通用规范汉字表 level 1 (3,500 characters) is not to be
  had offline here, and GB2312 level 1 is its older, slightly larger counterpart;
- the traditional forms of all of them (OpenCC s2t and s2twp).

Simplified Chinese is drawn with the SC face (``Ermu CJK SC``), Traditional with the TC face
(``Ermu CJK TC``): the same character has different glyph forms in the two standards.
``gui/translators.py`` puts the script's family first when the language changes; matplotlib
charts use the same files. Needs Debian's fonts-noto-cjk (or NOTO_CJK_DIR), fontTools and
opencc (the ``[dev]`` extra). The fonts are under the SIL Open Font License
(content/fonts/OFL.txt); the subsets are renamed as the licence asks of modified versions.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = Path(os.environ.get("NOTO_CJK_DIR", "/usr/share/fonts/opentype/noto"))
FONTS = ROOT / "content" / "fonts"
#: (collection member, weight file, output file, family)
FACES = (
    ("SC", "Regular", "ErmuCJKsc-Regular.otf", "Ermu CJK SC"),
    ("SC", "Bold", "ErmuCJKsc-Bold.otf", "Ermu CJK SC"),
    ("TC", "Regular", "ErmuCJK-Regular.otf", "Ermu CJK TC"),
    ("TC", "Bold", "ErmuCJK-Bold.otf", "Ermu CJK TC"),
)
SCANNED = ("content", "models", "gui")
SUFFIXES = {".md", ".toml", ".csv", ".py", ".po"}
PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】—…·～「」『』％＋－＝／"


def is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return (0x2E80 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0xFF00 <= cp <= 0xFFEF
            or 0x20000 <= cp <= 0x2FA1F or 0x3000 <= cp <= 0x303F)


def used_characters() -> set[str]:
    """Every CJK character Ermu's files show (content, catalogs, models, gui)."""
    chars: set[str] = set()
    for folder in SCANNED:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in SUFFIXES and path.is_file():
                chars |= {c for c in path.read_text(encoding="utf-8", errors="ignore") if is_cjk(c)}
    return chars


def gb2312_level1() -> set[str]:
    chars = set()
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def wanted_characters() -> set[str]:
    common = gb2312_level1()
    try:
        import opencc

        for config in ("s2t", "s2twp"):
            convert = opencc.OpenCC(config).convert
            common |= set(convert("".join(sorted(common))))
    except ImportError:  # pragma: no cover - documented: install the [dev] extra
        print("build_font: opencc is missing; traditional forms of the common list left out", file=sys.stderr)
    return {c for c in common | used_characters() | set(PUNCTUATION) if is_cjk(c)}


def build(chars: set[str]) -> list[tuple[Path, int]]:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    text = "".join(sorted(chars))
    written = []
    for script, weight, out_name, family in FACES:
        collection = TTCollection(str(SOURCE_DIR / f"NotoSansCJK-{weight}.ttc"))
        font = next(f for f in collection.fonts if f["name"].getDebugName(1).endswith(f" {script}"))
        options = subset.Options()
        options.name_IDs = ["*"]
        options.layout_features = ["*"]
        options.hinting = False
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text + " abcdefghijklmnopqrstuvwxyz0123456789")
        subsetter.subset(font)
        for record in font["name"].names:  # a modified font must not carry the reserved name
            if record.nameID in (1, 3, 4, 6, 16):
                old = record.toUnicode()
                record.string = (old.replace(f"Noto Sans CJK {script}", family)
                                 .replace(f"NotoSansCJK{script.lower()}", family.replace(" ", "")))
        target = FONTS / out_name
        font.recalcTimestamp = False  # the same characters give the same bytes: no churn in the repository
        font["head"].modified = font["head"].created
        font.save(str(target))
        written.append((target, target.stat().st_size))
    return written


def main() -> int:
    chars = wanted_characters()
    for path, size in build(chars):
        print(f"{path.relative_to(ROOT)}: {len(chars)} characters, {size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
