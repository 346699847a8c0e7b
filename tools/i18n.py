"""Ermu's translation workflow: extract, update, hant, compile, check.

    python tools/i18n.py extract   # models/ and gui/ -> content/locale/ermu.pot (Babel)
    python tools/i18n.py update    # merge the template into zh-Hans/LC_MESSAGES/ermu.po
    # ... translate the new (empty) entries of the zh-Hans catalog ...
    python tools/i18n.py hant      # zh-Hans -> zh-Hant with OpenCC (s2twp) + OVERRIDES;
                                   # also lessons, quizzes and the glossary notes
    python tools/i18n.py compile   # every .po -> .mo (committed: pip install needs no build)
    python tools/i18n.py check     # untranslated, fuzzy, placeholder mismatches, stale .mo
    python tools/i18n.py all       # extract, update, hant, compile, check
    python tools/i18n.py fill A.po [B.po ...]
                                   # fill empty zh-Hans entries from other copies of the
                                   # catalog (same context and id), e.g. a branch's catalog
                                   # after merging its code: extract, update, fill, hant …

Babel and OpenCC are development tools (the ``[test]`` and ``[dev]`` extras); at run time
Ermu reads the compiled ``.mo`` files with the standard library's :mod:`gettext`.

Keywords: ``_``, ``N_``, ``ngettext:1,2``, ``pgettext:1c,2``, ``npgettext:1c,2,3`` and the
models' messages ``msg(key, template)`` / ``Message(key, template)``, whose key is the gettext
context (``msgctxt``). A message whose key is computed (``msg(f"years.card.{id}", …)``) cannot
be extracted; write such tables with literal keys.
"""

from __future__ import annotations

import io
import re
import string
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "content" / "locale"
TEMPLATE = LOCALE / "ermu.pot"
SOURCE_LANGUAGE = "zh-Hans"
GENERATED_LANGUAGE = "zh-Hant"
LANGUAGES = (SOURCE_LANGUAGE, GENERATED_LANGUAGE)
SCANNED = ("models", "gui")
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "msg": ((1, "c"), 2),
    "Message": ((1, "c"), 2),
    "Name": (1,),  # a regime's names: the characters, given in simplified or traditional forms
}
#: Helpers that translate in a fixed context: C_("percent of respondents") in the charts is
#: pgettext("chart", …). A second extraction pass gives their strings that context.
CONTEXT_KEYWORDS = {"C_": "chart"}
#: OpenCC's configuration: Simplified → Traditional with Taiwan's standard forms and phrases.
OPENCC_CONFIG = "s2twp"
#: Where OpenCC's conversion is wrong for Ermu, applied in order to its output. In Ermu 里 is
#: nearly always the li (the unit of 110 households, 里甲, 里長, 鄉里), which OpenCC turns into
#: 裡 ("inside"): every 裡 goes back to 里, then the few words that really mean "inside" get 裡
#: again. Historical terms keep their forms (保甲, 里甲, 牌, 甲長, 里長, 鄉約); Taiwan's IT
#: phrases that misread a sentence are put right (唯讀 for read-only, 權限 for permission, 對象).
OVERRIDES: tuple[tuple[str, str], ...] = (
    ("裡", "里"),
    ("這里", "這裡"), ("那里", "那裡"), ("哪里", "哪裡"), ("里面", "裡面"), ("心里", "心裡"),
    ("一行里", "一行裡"), ("家里", "家裡"), ("手里", "手裡"), ("夜里", "夜裡"), ("城里", "城裡"),
    ("論文里", "論文裡"), ("原文里", "原文裡"), ("視圖里", "視圖裡"), ("編組里", "編組裡"), ("體系里", "體系裡"),
    ("子里", "子裡"), ("沙盤里", "沙盤裡"), ("模型里", "模型裡"), ("縣里", "縣裡"), ("保里", "保裡"),
    ("隻讀", "唯讀"), ("許可權", "權限"), ("物件", "對象"),  # 对象 is "the people described", not an IT object
    ("引數", "參數"), ("型別", "類型"), ("擴充套件", "擴展"), ("永珍", "萬象"), ("釋出", "發布"),  # Taiwan IT words, wrong here
    ("保甲", "保甲"), ("甲長", "甲長"), ("里長", "里長"), ("鄉約", "鄉約"),
)


def path_of(language: str, suffix: str = ".po") -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"ermu{suffix}"


def _catalog(path: Path):
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle, locale=_babel_locale(path.parts[-3]) if path.suffix == ".po" else None)


def _babel_locale(language: str) -> str:
    return {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant"}.get(language, language)


def _write_po(catalog, path: Path) -> None:
    from babel.messages.pofile import write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, omit_header=False, include_previous=False)
    path.write_bytes(buffer.getvalue())


def data_texts():
    """Sentences that live in data (regime specs), collected by importing them."""
    sys.path.insert(0, str(ROOT))
    from ermu.models.regimes.texts import data_texts as texts

    return texts()


def chart_texts():
    from ermu.gui.charts.chart_specs import chart_texts as texts

    return (("content/tables", text) for text in texts())


def table_messages():
    from ermu.models.regimes.texts import table_messages as messages

    return messages()


def name_texts():
    from ermu.models.regimes.texts import name_texts as names

    return names()


def credit_texts():
    """The credit model's data (claims, effects, agencies, notes) and its lists' characters."""
    sys.path.insert(0, str(ROOT))
    from ermu.models.credit.texts import CONTEXT, credit_names, credit_texts as texts

    return CONTEXT, texts(), credit_names()


def extract() -> int:
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(project="Ermu", version="0.1", msgid_bugs_address="", charset="utf-8",
                      creation_date=datetime(2026, 1, 1, tzinfo=timezone.utc))
    for folder in SCANNED:
        for filename, lineno, message, comments, context in extract_from_dir(
                ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS,
                comment_tags=("TRANSLATORS:",), strip_comment_tags=True):
            catalog.add(message, None, [(f"{folder}/{filename}", lineno)], auto_comments=comments,
                        context=context)
    for folder in SCANNED:
        for filename, lineno, message, comments, _context in extract_from_dir(
                ROOT / folder, method_map=[("**.py", "python")], keywords={k: None for k in CONTEXT_KEYWORDS}):
            catalog.add(message, None, [(f"{folder}/{filename}", lineno)], auto_comments=comments, context="chart")
    data = 0
    for _where, text in chart_texts():  # the charts' words that live in data tables
        if text and text.strip():
            catalog.add(text, None, [("content/tables", 0)], context="chart")
            data += 1
    for where, text in data_texts():  # the regimes' sentences, written as data, not as calls
        if text and text.strip():
            catalog.add(text, None, [(where, 0)], context="regime")
            data += 1
    context, texts, names = credit_texts()
    for where, text in texts:  # the credit model's sentences, written as data
        if text and text.strip():
            catalog.add(text, None, [(where, 0)], context=context)
            data += 1
    for where, text in names:
        if text not in catalog:
            catalog.add(text, None, [(where, 0)])
            data += 1
    for where, message in table_messages():  # messages whose keys are computed in a table
        catalog.add(message.template, None, [(where, 0)], context=message.key)
        data += 1
    for where, text in name_texts():  # the characters of their names (simplified in zh-Hans)
        if text not in catalog:
            catalog.add(text, None, [(where, 0)])
            data += 1
    _write_po(catalog, TEMPLATE)
    print(f"extract: {len(catalog)} messages ({data} from the regime specs) -> {TEMPLATE.relative_to(ROOT)}")
    return 0


def update() -> int:
    """Merge the template into the zh-Hans catalog: new entries empty, gone ones dropped."""
    from babel.messages.catalog import Catalog

    template = _catalog(TEMPLATE)
    path = path_of(SOURCE_LANGUAGE)
    catalog = _catalog(path) if path.exists() else Catalog(locale="zh_Hans", project="Ermu")
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    _write_po(catalog, path)
    missing = sum(1 for m in catalog if m.id and not _translated(m))
    print(f"update: {len(catalog)} messages in {path.relative_to(ROOT)}, {missing} to translate")
    return 0


def _translated(message) -> bool:
    if isinstance(message.string, (tuple, list)):
        return all(message.string)
    return bool(message.string)


def converter():
    import opencc

    convert = opencc.OpenCC(OPENCC_CONFIG).convert

    def hant(text: str) -> str:
        out = convert(text)
        for wrong, right in OVERRIDES:
            out = out.replace(wrong, right)
        return out
    return hant


def hant() -> int:
    """Write zh-Hant from zh-Hans: the catalog, translated lessons, quizzes and glossary notes."""
    from babel.messages.catalog import Catalog

    convert = converter()
    source = _catalog(path_of(SOURCE_LANGUAGE))
    target = Catalog(locale="zh_Hant", project="Ermu", charset="utf-8",
                     creation_date=source.creation_date, revision_date=source.revision_date)
    for message in source:
        if not message.id:
            continue
        text = (tuple(convert(s) for s in message.string) if isinstance(message.string, (tuple, list))
                else convert(message.string or ""))
        target.add(message.id, text, message.locations, flags=message.flags,
                   auto_comments=message.auto_comments, context=message.context)
    _write_po(target, path_of(GENERATED_LANGUAGE))
    files = 0
    content = ROOT / "content"
    for folder in ("lessons", "quizzes"):
        for path in sorted((content / folder / SOURCE_LANGUAGE).glob("*")):
            if path.suffix in (".md", ".toml"):
                out = content / folder / GENERATED_LANGUAGE / path.name
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(convert(path.read_text(encoding="utf-8")), encoding="utf-8")
                files += 1
    glossary = content / f"glossary.{SOURCE_LANGUAGE}.toml"
    if glossary.exists():
        (content / f"glossary.{GENERATED_LANGUAGE}.toml").write_text(
            convert(glossary.read_text(encoding="utf-8")), encoding="utf-8")
        files += 1
    print(f"hant: {len(target)} messages and {files} content files -> {GENERATED_LANGUAGE} ({OPENCC_CONFIG})")
    return 0


def mo_bytes(po: Path) -> bytes:
    """The compiled form of a catalog (what ``compile`` writes; the tests compare with it)."""
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, _catalog(po), use_fuzzy=False)
    return buffer.getvalue()


def compile_all() -> int:
    for language in LANGUAGES:
        po = path_of(language)
        if po.exists():
            po.with_suffix(".mo").write_bytes(mo_bytes(po))
            print(f"compile: {po.relative_to(ROOT)} -> ermu.mo")
    return 0


FIELD = re.compile(r"\{[^{}]*\}")


def placeholders(text: str) -> list[str]:
    try:
        return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)
    except ValueError:
        return sorted(FIELD.findall(text))


def problems(language: str) -> list[str]:
    """Everything wrong with one catalog, one line each (empty: complete and consistent)."""
    po = path_of(language)
    if not po.exists():
        return [f"{language}: no catalog at {po.relative_to(ROOT)}"]
    found = []
    catalog = _catalog(po)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        where = f"{language}: {message.context + ' | ' if message.context else ''}{ids[0]!r}"
        if not all(strings):
            found.append(f"{where} is not translated")
            continue
        if message.fuzzy:
            found.append(f"{where} is fuzzy")
        wanted = placeholders(ids[-1]) if len(ids) > 1 else placeholders(ids[0])
        for text in strings:
            if placeholders(text) != wanted and placeholders(text) != placeholders(ids[0]):
                found.append(f"{where}: placeholders {placeholders(text)} differ from {wanted}")
    mo = po.with_suffix(".mo")
    if not mo.exists() or mo.read_bytes() != mo_bytes(po):
        found.append(f"{language}: {mo.relative_to(ROOT)} is stale; run tools/i18n.py compile")
    return found


def check() -> int:
    found = [line for language in LANGUAGES for line in problems(language)]
    for line in found:
        print(line)
    print(f"check: {len(found)} problems")
    return 1 if found else 0


def fill(sources: list[str]) -> int:
    """Fill the empty entries of the zh-Hans catalog from other catalogs, same context and id."""
    path = path_of(SOURCE_LANGUAGE)
    catalog = _catalog(path)
    found: dict = {}
    for source in sources:
        from babel.messages.pofile import read_po

        with Path(source).open("rb") as handle:
            other = read_po(handle, locale=_babel_locale(SOURCE_LANGUAGE))
        for message in other:
            if message.id and _translated(message):
                found.setdefault((message.context, message.id if isinstance(message.id, str)
                                  else tuple(message.id)), message.string)
    filled = 0
    for message in catalog:
        key = (message.context, message.id if isinstance(message.id, str) else tuple(message.id))
        if message.id and not _translated(message) and key in found:
            message.string = found[key]
            filled += 1
    _write_po(catalog, path)
    missing = sum(1 for m in catalog if m.id and not _translated(m))
    print(f"fill: {filled} entries filled from {len(sources)} catalog(s), {missing} still to translate")
    return 0


COMMANDS = {"extract": extract, "update": update, "hant": hant, "compile": compile_all, "check": check}


def main(argv: list[str]) -> int:
    if argv[:1] == ["fill"] and len(argv) > 1:
        return fill(argv[1:])
    steps = ["extract", "update", "hant", "compile", "check"] if argv[:1] == ["all"] else argv
    if not steps or any(step not in COMMANDS for step in steps):
        print(__doc__)
        return 2
    for step in steps:
        status = COMMANDS[step]()
        if status:
            return status
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
