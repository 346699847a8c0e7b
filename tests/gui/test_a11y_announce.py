"""What a screen-reader user hears: announcements for things that happen away from the focus,
and labels whose spoken name is their visible text (issue 15)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ermu.gui import a11y, announce
from ermu.models.presets import Preset

from helpers import show

#: The faces this suite covers (the sandbox and Compare have their own engineer and tests).
FACES = ["home", "lessons", "criticism", "credit", "charts", "library", "years", "empire"]


@pytest.fixture(autouse=True)
def fresh_ears():
    announce.HEARD.clear()
    announce._LAST.update(text="", at=0.0)
    yield


def heard() -> list[str]:
    return [text for text, _ in announce.HEARD]


def test_a_status_message_is_announced_and_readable_as_text(window):
    window.state.say("The library was saved.")
    assert "The library was saved." in heard()
    assert a11y.accessible_name(window.status_message) == "The library was saved."


def test_criticism_session_events_are_announced_as_they_happen(window, qtbot):
    view = show(window, "criticism")
    view.open_preset(Preset(view="criticism", options={"participants": 3, "rounds": 1, "seed": 1}))
    announce.HEARD.clear()
    qtbot.mouseClick(view.choices.buttons[view.document.learner_turn.actions[0]], Qt.MouseButton.LeftButton)
    spoken = " ".join(heard())
    assert "admits" in spoken, spoken
    last_line = view.transcript.item(view.transcript.count() - 1).text()
    assert last_line.split(" · ", 1)[1].replace("  [illustrative]", "") in spoken
    view.chair_target.setCurrentIndex(2)
    view.chair_target.activated.emit(2)  # a status sentence, away from the focus
    assert "single out" in heard()[-1] and heard()[-1] == view.status.text()


def test_quiz_feedback_is_announced(window, qtbot):
    view = show(window, "lessons")
    view.open_lesson("qing-baojia")
    view.tabs.setCurrentWidget(view.quiz)
    card = view.quiz.cards[0]
    qtbot.mouseClick(card.check_button, Qt.MouseButton.LeftButton)  # nothing chosen yet
    assert heard()[-1].startswith("Choose an answer first")
    card.choose(0)
    qtbot.mouseClick(card.check_button, Qt.MouseButton.LeftButton)
    assert heard()[-1] == card.feedback_text and heard()[-1].startswith("✗ Not quite.")


def test_a_month_of_social_credit_is_announced(window, qtbot):
    view = show(window, "credit")
    button = view.play.quiet_button
    with qtbot.waitSignal(view.document.changed, timeout=2000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert any(text.startswith("Month 2 of 12") for text in heard()), heard()


def test_the_score_grade_and_month_are_read_as_their_values(window):
    view = show(window, "credit")
    card = view.play.score_card if hasattr(view.play, "score_card") else None
    labels = [w for w in a11y.shown_widgets(view) if w.__class__.__name__ == "QLabel"]
    texts = {a11y.accessible_name(label) for label in labels}
    assert "1,000" in texts or any("1,000" in t for t in texts), sorted(texts)[:20]
    assert any(t.startswith("Month 1 of 12") for t in texts)
    del card


@pytest.mark.parametrize("face", FACES)
def test_no_label_hides_its_visible_text_behind_a_name(window, qtbot, face):
    show(window, face)
    qtbot.wait(10)
    found = a11y.labels_hiding_text(window.stack.currentWidget())
    assert not found, "\n".join(map(str, found))
    # labels whose text is set later (status lines) must not carry a fixed name either
    from PySide6.QtWidgets import QLabel

    named = [w for w in window.stack.currentWidget().findChildren(QLabel)
             if w.accessibleName() and not a11y.plain_text(w).strip() and w.pixmap().isNull()]
    assert not named, [w.accessibleName() for w in named]


def test_an_announcement_log_keeps_what_was_said_and_takes_focus(qtbot):
    log = announce.AnnouncementLog("Steps so far")
    qtbot.addWidget(log)
    log.add("Step 1: a theft is seen.")
    log.add("Step 2: the head is told.")
    assert log.count() == 2 and log.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert heard() == ["Step 1: a theft is seen.", "Step 2: the head is told."]
