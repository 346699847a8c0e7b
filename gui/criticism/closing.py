"""The closing screen: what became of each member, and where to read on."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ermu.models.criticism import BACKGROUND, MECHANISMS, Session, summarise

OUTCOME_WORDS = {
    "isolated": "the chair's favour is lost and the group keeps its distance",
    "under suspicion": "the group's doubts remain and the next session may single this member out",
    "rehabilitated": "singled out, then accepted back after admitting faults",
    "in good standing": "came through without lasting damage, this time",
}


class ClosingPanel(QWidget):
    open_lesson = Signal(str)
    open_credit = Signal()
    again = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel("<h2>The session is over</h2>")
        self.heading.setAccessibleDescription("The session is over")
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setAccessibleName("What happened to each member")
        self.lesson_button = QPushButton("Read the lesson: criticism and self-criticism")
        self.credit_button = QPushButton("See today's red lists and blacklists")
        self.again_button = QPushButton("Sit another session")
        for button, name in ((self.lesson_button, "Open the lesson on criticism and self-criticism"),
                             (self.credit_button, "Open the social credit view: red lists and blacklists"),
                             (self.again_button, "Start another session with the next seed")):
            button.setMinimumHeight(48)
            button.setAccessibleName(name)
        self.lesson_button.clicked.connect(lambda: self.open_lesson.emit("criticism"))
        self.credit_button.clicked.connect(self.open_credit.emit)
        self.again_button.clicked.connect(self.again.emit)
        buttons = QHBoxLayout()
        for button in (self.lesson_button, self.credit_button, self.again_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)

    def show_session(self, session: Session) -> None:
        rows = []
        for m in summarise(session):
            who = f"{escape(m.name)} {escape(m.hanzi)}" + (" — <i>you</i>" if m.learner else "")
            rows.append(f"<li><b>{who}</b> — <b>{escape(m.outcome)}</b>: "
                        f"{OUTCOME_WORDS.get(m.outcome, '')}. {escape(m.record()).capitalize()}. "
                        f"Standing {m.standing:.0f}, suspicion {m.suspicion:.0f}, fear {m.fear:.0f} "
                        f"<i>(illustrative, 0–100)</i>.</li>")
        cure = MECHANISMS["cure"]
        publish = MECHANISMS["publish"]
        notes = "".join(f"<p>{escape(text)} <small>[{escape('; '.join(str(s) for s in sources))}]</small></p>"
                        for text, sources in BACKGROUND)
        media = ""
        if session.media:
            media = (f"<p>Each round's record was printed for about {session.params.audience:,} readers "
                     "<i>(illustrative)</i>, so fear rose in every member, not only in those criticised. "
                     f"<small>[{escape('; '.join(str(s) for s in publish.sources))}]</small></p>")
        self.text.setHtml(
            f"<p>{len(session.members)} members sat through {session.rounds} "
            f"round{'s' if session.rounds != 1 else ''} (seed {session.seed}).</p>"
            f"<ul>{''.join(rows)}</ul>"
            "<p>The chair spoke for the Party and no written code limited what he could do. "
            "Mao described the ritual as a treatment that heals the patient rather than "
            "punishing him. "
            f"<small>[{escape('; '.join(str(s) for s in cure.sources))}]</small></p>"
            f"{media}{notes}"
            "<p><i>Every number on this screen is illustrative: the sources describe the ritual, "
            "not measurements of standing, suspicion or fear.</i></p>")
        self.heading.setText(f"<h2>The session is over: what happened to each of the "
                             f"{len(session.members)} members</h2>")
