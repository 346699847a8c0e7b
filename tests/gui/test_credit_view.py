"""The social credit page: a year played card by card, schemes, lists, appeal, networks."""

from __future__ import annotations

import pytest

from ermu.models.presets import Preset
from PySide6.QtCore import Qt

from ermu.gui.credit import CreditView
from ermu.gui.style import ILLUSTRATIVE_MARK
from ermu.models.credit import (APPEAL_LIMIT, LISTS, Citizen, Event, get_scheme, joint_punishment_edges,
                                simulate_year)

YEAR = ["pay-bills-on-time", "ignore-court-order", "evade-tax", "evade-tax", None, "obey-court-order",
        "pay-overdue-tax", "donate", "volunteer", None, "pay-taxes", "park-illegally"]


@pytest.fixture
def view(qtbot, state):
    widget = CreditView(state)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def _play(view, qtbot, behaviour):
    if behaviour is None:
        button = view.play.quiet_button
    else:
        button = view.play.cards.buttons[behaviour]
    assert button.isEnabled() and button.accessibleName()
    with qtbot.waitSignal(view.document.changed, timeout=2000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("scheme_id", ["pilot", "national"])
def test_a_year_of_twelve_cards_moves_the_card_and_lists_as_the_model_says(view, qtbot, scheme_id):
    view.set_scheme(scheme_id)
    events = [Event(m, b, 10 if b == "volunteer" else 1) for m, b in enumerate(YEAR, start=1) if b]
    expected = simulate_year(Citizen.sample(seed=view.document.seed), scheme_id, events,
                             seed=view.document.seed)
    seen_lists = set()
    for month, behaviour in enumerate(YEAR, start=1):
        _play(view, qtbot, behaviour)
        record = expected.months[month - 1]
        shown = view.play.card.score_label.text()
        assert shown == (f"{record.score:,}" if record.score is not None else "—")
        lists_text = view.play.card.lists_label.text()
        for list_id in record.standing.lists:
            assert LISTS[list_id].name.english in lists_text
            seen_lists.add(list_id)
        if not record.standing.lists:
            assert lists_text == "Lists: none"
        assert view.play.timeline.table.rowCount() == month
    assert view.document.finished and not view.play.quiet_button.isEnabled()
    assert all(not b.isEnabled() for b in view.play.cards.buttons.values())
    assert "blacklist" in seen_lists, "the court order and the tax evasion put the citizen on the blacklist"
    assert expected.final.lists == view.document.standing().lists
    box = view.lists.list_boxes["blacklist"].text()
    assert "entered in month" in box


def test_switching_schemes_changes_the_card_and_the_cards(view, qtbot):
    for scheme_id in ("commercial", "pilot", "national"):
        qtbot.mouseClick(view.switch.buttons[scheme_id], Qt.MouseButton.LeftButton)
        assert view.document.scheme_id == scheme_id and view.switch.buttons[scheme_id].isChecked()
        scheme = get_scheme(scheme_id)
        assert scheme.title in view.evidence.label.text()
        card = view.play.cards.buttons["miss-loan-payment"].text()
        if scheme.has_score:
            assert view.play.card.score_label.text() == f"{view.document.year.start_score:,}"
            assert ILLUSTRATIVE_MARK in card and "pts" in card
        else:
            assert view.play.card.score_label.text() == "—" and "pts" not in card
    view.open_preset(Preset(view="credit", options={"scheme": "commercial", "score": 700}))
    assert view.play.card.score_label.text() == "700"
    assert "singapore" in view.play.card.effects_label.text().lower()


def test_cards_show_their_evidence_level(view):
    assert "contested popular claim" in view.play.cards.buttons["unfriend-low-scorer"].text()
    assert "reported" in view.play.cards.buttons["jaywalk"].text()


def test_appeal_counter_and_submit_at_the_limit(view, qtbot):
    view.show_tab("appeal")
    form = view.appeal
    form.editor.setPlainText("申" * APPEAL_LIMIT)
    assert form.counter.text().startswith("2,000 / 2,000 characters") and form.submit.isEnabled()
    form.editor.setPlainText("申" * (APPEAL_LIMIT + 1))
    assert "2,001 / 2,000" in form.counter.text() and not form.submit.isEnabled()
    form.editor.setPlainText("I paid what the court ordered.")
    with qtbot.waitSignal(view.document.changed, timeout=2000):
        qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    assert view.document.month == 1 and view.document.events[-1].appeal
    assert ILLUSTRATIVE_MARK in form.next_steps.text()


def test_joint_punishment_network_follows_the_model(view):
    view.show_tab("joint")
    edges = joint_punishment_edges("blacklist")
    assert view.joint.table.rowCount() == len(edges)
    agencies = {view.joint.table.cell_text(r, 0) for r in range(view.joint.table.rowCount())}
    assert {"Railway ticket offices", "Airlines", "Banks and lenders", "Private schools"} <= agencies
    children = [p.name for _, p in view.document.citizen.children()]
    school = next(r for r in range(view.joint.table.rowCount()) if view.joint.table.cell_text(r, 0) == "Private schools")
    assert all(c in view.joint.table.cell_text(school, 2) for c in children)


def test_unfriending_says_what_it_does(view, qtbot):
    view.show_tab("social")
    social = view.social
    before = social.friend_list.count()
    assert before and "off" in social.effect_label.text()
    qtbot.mouseClick(social.unfriend_button, Qt.MouseButton.LeftButton)
    assert social.friend_list.count() == before - 1
    assert "No documented rule" in social.narration.text()
    social.rule_box.setChecked(True)
    assert ILLUSTRATIVE_MARK in social.effect_label.text()


def test_disagreements_and_controls_are_named(view):
    from ermu.models.credit import DISAGREEMENTS
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QPlainTextEdit

    view.show_tab("disagreements")
    assert view.disagreements.questions.count() == len(DISAGREEMENTS)
    view.disagreements.questions.setCurrentRow(len(DISAGREEMENTS) - 1)
    assert DISAGREEMENTS[-1].note[:40] in view.disagreements.detail.text()
    for control in view.findChildren(QAbstractButton) + view.findChildren(QComboBox) + \
            view.findChildren(QPlainTextEdit):
        if control.objectName().startswith("qt_") or control.metaObject().className() == "QToolButton":
            continue  # Qt's own corner and scroll buttons
        assert control.accessibleName(), control
