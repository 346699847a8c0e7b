"""The closing screen: what became of each member, and where to read on."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ermu.models.criticism import BACKGROUND, MECHANISMS, Session, summarise
from ermu.models.i18n import N_, _, ngettext
from ermu.models.language import is_chinese
from ermu.models.names import PersonName

OUTCOME_WORDS = {
    "isolated": N_("the chair's favour is lost and the group keeps its distance"),
    "under suspicion": N_("the group's doubts remain and the next session may single this member out"),
    "rehabilitated": N_("singled out, then accepted back after admitting faults"),
    "in good standing": N_("came through without lasting damage, this time"),
}


class ClosingPanel(QWidget):
    open_lesson = Signal(str)
    open_credit = Signal()
    again = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.heading = QLabel("<h2>" + escape(_("The session is over")) + "</h2>")
        self.heading.setAccessibleDescription(_("The session is over"))
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(_("What happened to each member"))
        self.lesson_button = QPushButton(_("Read the lesson: criticism and self-criticism"))
        self.credit_button = QPushButton(_("See today's red lists and blacklists"))
        self.again_button = QPushButton(_("Sit another session"))
        for button, name in ((self.lesson_button, _("Open the lesson on criticism and self-criticism")),
                             (self.credit_button, _("Open the social credit view: red lists and blacklists")),
                             (self.again_button, _("Start another session with the next seed"))):
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
        self.session = session
        rows = []
        for m in summarise(session):
            who = f"{escape(m.name)} {escape(PersonName(m.name, m.hanzi).render() if is_chinese() else m.hanzi)}" + (" — <i>" + escape(_("you")) + "</i>" if m.learner else "")
            record = m.record()
            rows.append(f"<li><b>{who}</b> — <b>{escape(_(m.outcome))}</b>: " + escape(_(
                "{meaning}. {record}. Standing {standing}, suspicion {suspicion}, fear {fear}").format(
                    meaning=_(OUTCOME_WORDS.get(m.outcome, "")), record=record[:1].upper() + record[1:],
                    standing=f"{m.standing:.0f}", suspicion=f"{m.suspicion:.0f}", fear=f"{m.fear:.0f}"))
                + " <i>" + escape(_("(illustrative, 0–100)")) + "</i>.</li>")
        cure = MECHANISMS["cure"]
        publish = MECHANISMS["publish"]
        notes = "".join(f"<p>{escape(_(text))} <small>[{escape('; '.join(str(s) for s in sources))}]</small></p>"
                        for text, sources in BACKGROUND)
        media = ""
        if session.media:
            media = ("<p>" + escape(_("Each round's record was printed for about {n} readers (illustrative), so fear "
                                      "rose in every member, not only in those criticised.").format(
                                        n=f"{session.params.audience:,}"))
                     + f" <small>[{escape('; '.join(str(s) for s in publish.sources))}]</small></p>")
        rounds = ngettext("{members} members sat through {n} round (seed {seed}).",
                          "{members} members sat through {n} rounds (seed {seed}).", session.rounds).format(
            members=len(session.members), n=session.rounds, seed=session.seed)
        self.text.setHtml(
            f"<p>{escape(rounds)}</p>"
            f"<ul>{''.join(rows)}</ul>"
            "<p>" + escape(_("The chair spoke for the Party and no written code limited what he could do. "
                             "Mao described the ritual as a treatment that heals the patient rather than "
                             "punishing him.")) + " "
            f"<small>[{escape('; '.join(str(s) for s in cure.sources))}]</small></p>"
            f"{media}{notes}"
            "<p><i>" + escape(_("Every number on this screen is illustrative: the sources describe the ritual, "
                                "not measurements of standing, suspicion or fear.")) + "</i></p>")
        self.heading.setText("<h2>" + escape(_("The session is over: what happened to each of the {n} members").format(
            n=len(session.members))) + "</h2>")

    def retranslate(self) -> None:
        """The closing words again in the current language (the buttons follow by themselves)."""
        if self.session is not None:
            self.show_session(self.session)
