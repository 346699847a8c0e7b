"""No clipped text at the sizes students meet (issue 15): every face of this suite, every tab,
at 1024x768, 1280x800, 1920x1080 and 1280x720 (1920x1080 at 1.5x scale), with the app's own
style; plus no unnamed or keyboard-unreachable control and no label hiding its text.

The walk is ``ermu.gui.a11y.audit_every_tab``; it takes no language, so when the catalogs land
the same test can be parametrized over languages."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ermu.gui import a11y

from helpers import make_window, show

#: Every face: the sandbox (its builder tab) and Compare too.
FACES = ["home", "lessons", "sandbox", "compare", "criticism", "credit", "charts", "library", "years", "empire"]


@pytest.fixture(scope="module")
def styled(qapp):
    from ermu.gui.style import apply_style

    font, palette, sheet, style = qapp.font(), qapp.palette(), qapp.styleSheet(), qapp.style().name()
    apply_style(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setStyle(style)


@pytest.fixture(scope="module")
def window(styled):
    window = make_window()
    window.show()
    yield window
    window.close()
    window.deleteLater()


def _settle():
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("size", a11y.SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_nothing_is_clipped_unnamed_or_unreachable(window, face, size):
    show(window, face)
    window.resize(*size)
    found = a11y.audit_every_tab(window.stack.currentWidget(), _settle)
    problems = [str(item) for items in found.values() for item in items]
    assert not problems, f"{face} at {size[0]}x{size[1]}:\n" + "\n".join(problems)


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


def test_every_lessons_questions_fit_a_1024_window(window):
    """Each lesson's quiz (choice answers, order lists, predictions) wraps inside its pane."""
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
