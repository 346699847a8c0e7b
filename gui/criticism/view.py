"""CriticismView: sit in a criticism and self-criticism session, or watch one.

The view composes the setup row, the session room, the transcript and the member table,
the chair's power, the learner's choices, play/step controls and the closing screen. It
asks :class:`SessionDocument` for every change and shows what the model says.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListWidget, QPushButton, QStackedWidget,
                               QTabWidget, QVBoxLayout, QWidget)

from ermu.models.i18n import N_, _
from ermu.models.names import PersonName

from ..a11y import guard_single_keys
from ..announce import SpokenLabel, announce
from ..face import Face
from ..guard import guarded_slots
from .choices import ChoicePanel
from .closing import ClosingPanel
from .document import SessionConfig, SessionDocument
from .room import SessionRoom, seat_name, step_tooltip
from .setup import CHAIRS_RULE, WATCH, SetupBar
from .states import MemberStateTable

log = logging.getLogger(__name__)
PLAY_INTERVAL_MS = 350


guarded = guarded_slots(
    N_("Something went wrong; the session so far is kept. Try Step again."),
    lambda self, text: self.status.setText(_(text)),
)


class CriticismView(Face):
    page_id = "criticism"

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setAccessibleName(_("Criticism and self-criticism session"))
        self.document = SessionDocument(self)
        self.setup = SetupBar()
        self.room = SessionRoom()
        self.transcript = QListWidget()
        self.transcript.setAccessibleName(_("Transcript of the session"))
        self.transcript.setWordWrap(True)
        self.states = MemberStateTable()
        tabs = QTabWidget()
        tabs.addTab(self.transcript, _("Transcript"))
        tabs.addTab(self.states, _("Members (table)"))
        self.chair_target = QComboBox()
        self.chair_target.setAccessibleName(_("The chair's power: whom to single out next round"))
        self.choices = ChoicePanel()
        self.step_button = QPushButton(_("Step [N]"))
        self.step_button.setShortcut(QKeySequence("N"))
        self.step_button.setAccessibleName(_("Step: the next member speaks"))
        self.play_button = QPushButton(_("Play [P]"))
        self.play_button.setShortcut(QKeySequence("P"))
        self.play_button.setCheckable(True)
        self.play_button.setAccessibleName(_("Play the session"))
        self.skip_button = QPushButton(_("Skip to my turn [S]"))
        self.skip_button.setShortcut(QKeySequence("S"))
        self.skip_button.setAccessibleName(_("Skip to my next turn: the others speak at once"))
        self.skip_button.setToolTip(_("Let the others speak until it is your turn again (S)"))
        for button in (self.step_button, self.play_button, self.skip_button):
            button.setMinimumHeight(44)
        self.status = SpokenLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleDescription(_("Status"))
        self.closing = ClosingPanel()
        self.timer = QTimer(self)
        self.timer.setInterval(PLAY_INTERVAL_MS)

        chair_row = QHBoxLayout()
        chair_label = QLabel(_("Chair singles out next round:"))
        chair_label.setBuddy(self.chair_target)
        chair_row.addWidget(chair_label)
        chair_row.addWidget(self.chair_target, 1)
        controls = QHBoxLayout()
        controls.addWidget(self.step_button)
        controls.addWidget(self.play_button)
        controls.addWidget(self.skip_button)
        side = QVBoxLayout()
        side.addWidget(tabs, 1)
        side.addLayout(chair_row)
        side.addWidget(self.choices)
        side.addLayout(controls)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setMaximumWidth(560)
        room_page = QWidget()
        room_layout = QHBoxLayout(room_page)
        room_layout.setContentsMargins(0, 0, 0, 0)
        room_layout.addWidget(self.room, 3)
        room_layout.addWidget(side_widget, 2)
        self.pages = QStackedWidget()
        self.pages.addWidget(room_page)
        self.pages.addWidget(self.closing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.setup)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)

        self.setup.start.connect(self._start)
        self.document.reset.connect(self._on_reset)
        self.document.stepped.connect(self._on_steps)
        self.document.finished.connect(self._on_finished)
        self.document.failed.connect(self.status.setText)
        self.choices.chosen.connect(self._choose)
        self.step_button.clicked.connect(self._step)
        self.skip_button.clicked.connect(self._skip)
        self.play_button.toggled.connect(self._play)
        self.timer.timeout.connect(self._tick)
        self.chair_target.activated.connect(self._chair_choice)
        self.closing.open_lesson.connect(lambda lesson_id: self.request("open_lesson", lesson_id))
        self.closing.open_credit.connect(lambda: self.request("open_view", "credit"))
        self.closing.again.connect(self._again)
        guard_single_keys(self)  # N, P and 1-5 never fire inside the set-up's boxes or the chair's combo
        self._start(self.setup.config())

    def retranslate(self) -> None:
        """What the session said and showed, said again in the current language; the session stays."""
        session = self.document.session
        if session is None:
            return
        row = self.transcript.currentRow()
        self.transcript.clear()
        for step in session.trace:
            self._add_line(step)
        if row >= 0:
            self.transcript.setCurrentRow(row)
        self.chair_target.setItemText(0, _(CHAIRS_RULE))
        for index, member in enumerate(session.members, start=1):  # the characters in the new script
            self.chair_target.setItemText(index, f"{member.index}: {seat_name(member)}")
        self.setup.refresh_names()
        for index, combo in enumerate((self.setup.target, self.setup.seat)):
            combo.setItemText(0, _((CHAIRS_RULE, WATCH)[index]))
        self.states.retranslate()
        self.states.show_session(session)
        self.room.retranslate()
        self.choices.retranslate(session, self.document.learner_turn)
        self.closing.retranslate()

    # -- public ---------------------------------------------------------------------------
    @guarded
    def open_preset(self, preset) -> None:
        """Open a lesson's preset: options participants, rounds, seed, target, media (all optional)."""
        config, notes = SessionConfig.from_preset(dict(preset.options))
        self.setup.show_config(config)
        if self._start(config) and notes:
            self.status.setText(" ".join(notes))

    @guarded
    def reset(self) -> None:
        """A fresh session with the default set-up: nothing of the last visitor's stays."""
        config = SessionConfig()
        self.setup.show_config(config)
        self._start(config)
        self.status.setText("")

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        turn = self.document.learner_turn
        if turn is not None:  # keys 1-5 reach the choices, not a spin box of the setup row
            self.choices.buttons[turn.actions[0]].setFocus()

    # -- slots ----------------------------------------------------------------------------
    @guarded
    def _start(self, config: SessionConfig) -> bool:
        self.play_button.setChecked(False)
        return self.document.start(config)

    @guarded
    def _again(self) -> None:
        config = self.setup.config()
        config = SessionConfig(config.participants, config.rounds, config.seed + 1, config.target,
                               config.media, config.learner)
        self.setup.show_config(config)
        self._start(config)

    @guarded
    def _step(self) -> None:
        if self.document.learner_turn is not None:
            self.status.setText(_("It is your turn: pick one of the choices (keys 1 to 5)."))
            return
        self.document.advance()

    @guarded
    def _skip(self) -> None:
        if self.document.learner_turn is not None:
            self.status.setText(_("It is your turn already: pick one of the choices (keys 1 to 5)."))
            return
        self.play_button.setChecked(False)
        self.document.skip_to_my_turn()

    @guarded
    def _choose(self, action: str) -> None:
        if self.document.learner_turn is None:
            self.status.setText(_("It is not your turn yet: press Step or Play."))
            return
        self.document.advance(action)

    @guarded
    def _play(self, on: bool) -> None:
        self.play_button.setText(_("Pause [P]") if on else _("Play [P]"))
        self.play_button.setAccessibleName(_("Pause the session") if on else _("Play the session"))  # says what it does now
        self.play_button.setShortcut(QKeySequence("P"))  # setText resets a button's shortcut
        if on and not self.document.is_finished:
            self.timer.start()
        else:
            self.timer.stop()

    @guarded
    def _tick(self) -> None:
        if self.document.is_finished:
            self.play_button.setChecked(False)
        elif self.document.learner_turn is None:
            self.document.advance()

    @guarded
    def _chair_choice(self, _index: int) -> None:
        member = self.chair_target.currentData()
        self.document.choose_target(member)
        if member is not None:
            chosen = self.document.session.members[member]
            self.status.setText(_("The chair will single out {name} when the next round opens.").format(
                name=PersonName(chosen.name, chosen.hanzi)))

    @guarded
    def _on_reset(self) -> None:
        session = self.document.session
        self.pages.setCurrentIndex(0)
        self.transcript.clear()
        for step in session.trace:
            self._add_line(step)
        self.chair_target.clear()
        self.chair_target.addItem(_(CHAIRS_RULE), None)
        for m in session.members:
            self.chair_target.addItem(f"{m.index}: {seat_name(m)}", m.index)
        self.status.setText(_("Standing, suspicion and fear are illustrative (0–100), not from the sources."))
        self._refresh()

    @guarded
    def _on_steps(self, steps: list) -> None:
        for step in steps:
            self._add_line(step)
            if step.kind == "open":
                self.chair_target.setCurrentIndex(0)
        if steps:  # the session's events, spoken without moving the focus (the transcript keeps them)
            said = [step.said() for step in steps]
            if len(said) > 3:
                said = [_("{count} steps; the last:").format(count=len(said))] + said[-2:]
            if self.document.learner_turn is not None:
                said.append(self.choices.prompt.text())
            announce(self, " ".join(said))
        self._refresh(steps[-1] if steps else None)

    @guarded
    def _on_finished(self) -> None:
        self.timer.stop()
        self.play_button.setChecked(False)
        self.closing.show_session(self.document.session)
        self.pages.setCurrentIndex(1)
        self.closing.lesson_button.setFocus()

    # -- helpers --------------------------------------------------------------------------
    def _add_line(self, step) -> None:
        mark = "" if step.documented else "  " + _("[illustrative]")
        self.transcript.addItem(_("R{n} · {text}").format(n=step.data.get('round', '?'), text=step.said()) + mark)
        self.transcript.item(self.transcript.count() - 1).setToolTip(step_tooltip(step))
        self.transcript.scrollToBottom()

    def _refresh(self, step=None) -> None:
        session = self.document.session
        if step is not None:
            self.room.session = session
            self.room.show_step(step)
        else:
            self.room.show_session(session)
        self.states.show_session(session)
        turn = self.document.learner_turn
        self.choices.show_turn(session, turn)
        finished = session.finished
        self.step_button.setEnabled(turn is None and not finished)
        self.skip_button.setEnabled(turn is None and not finished and session.learner is not None)
        self.chair_target.setEnabled(not finished)

