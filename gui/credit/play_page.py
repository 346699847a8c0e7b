"""Play the year: the phone on the left; month controls, behaviour cards, the timeline and
what happened this month on the right."""

from __future__ import annotations

from ermu.models.i18n import _
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QSplitter, QStackedWidget,
                               QVBoxLayout, QWidget)

from ermu.models.credit.events import MONTHS
from ermu.models.credit.texts import said

from ..announce import announce
from ..style import illustrative_mark
from .behaviour_cards import BehaviourCards
from .score_card import ScoreCard
from .timeline import Timeline
from .year_summary import YearSummary


def band(document) -> str:
    """'Grade C' for a graded scheme, the highest threshold passed for the commercial one."""
    standing = document.standing()
    if standing.grade:
        return _("Grade {grade}").format(grade=standing.grade) + (
            "" if document.scheme.range_documented else f"  {illustrative_mark()}")
    if standing.score is None:
        return ""
    passed = [g.threshold for g in standing.benefits if g.threshold is not None]
    if not passed:
        return _("Below every threshold: no perks yet")
    top = max(passed, key=lambda t: t.score)
    return _("Band: {band} ({n} of {total} thresholds passed)").format(band=top.describe(), n=len(passed),
                                                                      total=len(document.scheme.thresholds))


class PlayPage(QWidget):
    played = Signal(object, int)  # behaviour id or None (a quiet month), count
    restart = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Play the year"))
        self.card = ScoreCard()
        self.month_label = QLabel("")
        self.month_label.setObjectName("cardTitle")
        self.month_label.setAccessibleDescription(_("Month"))
        self.quiet_button = QPushButton(_("Quiet month"))
        self.quiet_button.setAccessibleName(_("Play a quiet month with no behaviour"))
        self.quiet_button.clicked.connect(lambda: self.played.emit(None, 1))
        self.restart_button = QPushButton(_("Start the year again"))
        self.restart_button.setAccessibleName(_("Start the year again"))
        self.restart_button.clicked.connect(self.restart.emit)
        self.cards = BehaviourCards()
        self.cards.played.connect(lambda b, n: self.played.emit(b, n))
        self.timeline = Timeline()
        self.narration = QListWidget()
        self.narration.setAccessibleName(_("What happened this month"))
        self.narration.setWordWrap(True)
        hint = QLabel(_("Play one card per month: each card says how well the sources support it."))
        hint.setObjectName("muted")
        controls = QHBoxLayout()
        controls.addWidget(self.month_label)
        controls.addStretch(1)
        controls.addWidget(self.quiet_button)
        controls.addWidget(self.restart_button)
        self.summary = YearSummary()
        self.play_area = QStackedWidget()  # the cards, then the year's summary when it is over
        self.play_area.addWidget(self.cards)
        self.play_area.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.play_area)
        split.addWidget(self.timeline)
        split.addWidget(self.narration)
        split.setStretchFactor(0, 5)  # the cards take the room: two rows and more at 1280x800
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 1)
        split.setSizes([520, 170, 60])
        split.setChildrenCollapsible(False)
        self.narration.setMinimumHeight(48)
        right = QVBoxLayout()
        right.addLayout(controls)
        right.addWidget(hint)
        right.addWidget(split, 1)
        row = QHBoxLayout(self)
        row.addWidget(self.card)
        row.addLayout(right, 1)

    def show_document(self, document) -> None:
        self.card.show_standing(document.standing(), citizen=document.citizen.label(),
                                scheme_title=_(document.scheme.title), month=document.month,
                                grade_band=band(document))
        done = document.finished
        self.month_label.setText(_("The year is over") if done else _("Month {n} of {total}: play a card").format(
            n=document.month + 1, total=MONTHS))
        self.cards.refresh(document.points, document.params.friend_rule, not done)
        self.quiet_button.setEnabled(not done)
        self.timeline.show_document(document)
        self.narration.clear()
        steps = [s for s in document.steps() if s.data.get("month") == document.month] if document.month else []
        for step in steps:
            item = QListWidgetItem(step.said() + ("" if step.documented else f"  {illustrative_mark()}"))
            item.setToolTip(said(step.rule))
            self.narration.addItem(item)
        if not steps:
            self.narration.addItem(_("Nothing has happened yet.") if not document.month else _("A quiet month."))
        if done:
            spoken = self.summary.show_document(document)
            self.play_area.setCurrentWidget(self.summary)
            announce(self, spoken)
        else:
            self.play_area.setCurrentWidget(self.cards)
        if document.month and not done:  # what happened, spoken without moving the focus
            announce(self, self.month_label.text() + ". " + " ".join(
                self.narration.item(i).text() for i in range(self.narration.count())))


__all__ = ["PlayPage", "band"]
