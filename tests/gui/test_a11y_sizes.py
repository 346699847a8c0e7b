"""No clipped text at the sizes students meet (issue 15), in each language (issue 13): every
face of this suite, every tab, with the app's own style, in English at 1024x768, 1280x800,
1920x1080 and 1280x720 (1920x1080 at 1.5x scale), and in Simplified and Traditional Chinese at
1024x768, 1280x800 and 1920x1080; plus no unnamed or keyboard-unreachable control, no label hiding
its text, and, in Chinese, no accessible name, tooltip or window title left in English where the
catalog has the translation.

The walk is ``ermu.gui.a11y.audit_every_tab``; the window starts in the language, as a student's
would (``tests/gui/test_language_switch.py`` covers switching while it runs)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from ermu.gui import a11y

from helpers import english_with_translation, show

#: Every face: the sandbox (its builder tab) and Compare too.
FACES = ["home", "lessons", "sandbox", "compare", "criticism", "credit", "charts", "library", "years", "empire"]
LANGUAGES = ["en", "zh-Hans", "zh-Hant"]
#: 1280x720 is 1920x1080 at 1.5x: English only (Chinese lines are shorter than English ones).
SIZES = {"en": a11y.SIZES, "zh-Hans": a11y.SIZES[:3], "zh-Hant": a11y.SIZES[:3]}
#: Language outermost, so each language's window is made once.
CASES = [(language, size, face) for language in LANGUAGES for size in SIZES[language] for face in FACES]


@pytest.fixture(scope="module")
def windows(styled):
    """One window per language, started in it (made on first use, closed at the end)."""
    from ermu.gui.main_window import MainWindow
    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState

    made: dict[str, QWidget] = {}

    def window_in(language: str):
        if language not in made:
            for other in made.values():  # one language at a time: the catalog is global
                other.close()
            made.clear()
            state = AppState(Settings(None))
            state.set_language(language)  # before the window: it starts in the language
            window = MainWindow(state)
            window.show()
            made[language] = window
        return made[language]

    yield window_in
    for window in made.values():
        window.close()
        window.deleteLater()
    if made:
        next(iter(made.values())).state.set_language("en")


def _settle():
    for _ in range(3):
        QApplication.processEvents()


def english_left(root: QWidget, language: str) -> list[a11y.Finding]:
    """Accessible names and tooltips of shown widgets still in English though the catalog has them."""
    english = english_with_translation(language)
    found = []
    for widget in a11y.shown_widgets(root):
        for what, text in (("accessible name", widget.accessibleName()), ("tooltip", widget.toolTip())):
            if text.strip() in english:
                found.append(a11y.Finding(widget, "english", f"{what} {text.strip()!r}"))
    return found


def check_in(language: str):
    if language == "en":
        return a11y.audit
    return lambda root: {**a11y.audit(root), "english": english_left(root, language)}


@pytest.mark.parametrize("language,size,face", CASES, ids=[f"{lang}-{w}x{h}-{face}" for lang, (w, h), face in CASES])
def test_nothing_is_clipped_unnamed_or_unreachable(windows, face, language, size):
    window = windows(language)
    show(window, face)
    window.resize(*size)
    found = a11y.audit_every_tab(window.stack.currentWidget(), _settle, check_in(language))
    problems = [str(item) for items in found.values() for item in items]
    assert not problems, f"{face} in {language} at {size[0]}x{size[1]}:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant"])
def test_the_shell_speaks_chinese_in_names_tooltips_and_title(windows, language):
    """The window title, the navigation's tooltips and every shell name follow the language."""
    window = windows(language)
    show(window, "home")
    _settle()
    english = english_with_translation(language)
    assert window.windowTitle().strip() not in english and window.windowTitle().startswith("耳目")
    shell = [w for w in a11y.shown_widgets(window) if not window.stack.isAncestorOf(w)]
    left = [str(f) for f in english_left(window, language) if f.widget in shell]
    items = window.navigation
    left += [items.item(i).toolTip() for i in range(items.count())
             if items.item(i).toolTip().split(" (")[0] in english]
    assert not left, "\n".join(left)


def test_the_english_check_finds_an_english_name(windows):
    """The check itself can fail: a control named in English in a Chinese window is found."""
    from PySide6.QtWidgets import QPushButton

    window = windows("zh-Hans")
    english = english_with_translation("zh-Hans")
    host = QWidget(window)
    button = QPushButton("?", host)
    button.setAccessibleName("Sections")
    button.setToolTip("Library")
    host.show()
    try:
        assert {"Sections", "Library"} <= english
        found = english_left(host, "zh-Hans")
        assert [f.text for f in found] == ["accessible name 'Sections'", "tooltip 'Library'"]
    finally:
        host.deleteLater()


def test_the_walk_finds_a_clipped_label_and_an_unnamed_combo(qtbot):
    """The check itself can fail: a cut label, a nameless combo and a label hiding its text."""
    from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    row = QHBoxLayout(host)
    cut = QLabel("A sentence far too long for the forty pixels it is given here")
    cut.setFixedWidth(40)
    combo = QComboBox()
    hidden = QLabel("Step 2 of 32")
    hidden.setAccessibleName("Step counter")
    for widget in (cut, combo, hidden):
        row.addWidget(widget)
    host.show()
    found = a11y.audit(host)
    assert [f.widget for f in found["clipped"]] == [cut]
    assert combo in [f.widget for f in found["unnamed"]]
    assert [f.widget for f in found["hides-text"]] == [hidden]
    cut.setText("A sentence…")
    cut.setToolTip("A sentence far too long for the forty pixels it is given here")
    assert cut not in [f.widget for f in a11y.clipped_texts(host)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_lessons_questions_fit_a_1024_window(windows, language):
    """Each lesson's quiz (choice answers, order lists, predictions) wraps inside its pane."""
    window = windows(language)
    view = show(window, "lessons")
    window.resize(1024, 768)
    problems = []
    for lesson_id in view.lesson_ids():
        view.open_lesson(lesson_id)
        view.tabs.setCurrentWidget(view.quiz)
        _settle()
        problems += [f"{lesson_id}: {item}" for item in a11y.clipped_texts(view.quiz)]
    view.tabs.setCurrentIndex(0)
    assert not problems, "\n".join(problems)
