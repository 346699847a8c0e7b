"""CreditView: the Social Credit System, from a citizen's phone to the joint-punishment network.

The view owns a :class:`CreditDocument` and tabs that each show one side of it: play the
year, the scheme's evidence, the Credit China lists, joint punishment, the social graph,
the dispute form and where the sources disagree. Every number comes from the models.
"""

from __future__ import annotations

from ermu.models.i18n import N_, _
import logging

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ermu.models.credit import LISTS, SchemeError
from ermu.models.credit.lists import most_severe
from ermu.models.names import PersonName

from ..face import Face
from ..guard import guarded_slots
from .appeal_form import AppealForm
from .disagreements_panel import DisagreementsPanel
from .document import CreditDocument
from .joint_network import JointNetwork
from .lists_page import ListsPage
from .play_page import PlayPage
from .scheme_panel import SchemeEvidence, SchemeSwitch
from .social_page import SocialPage

log = logging.getLogger(__name__)
TABS = ("play", "scheme", "lists", "joint", "social", "appeal", "disagreements")


guarded = guarded_slots(
    N_("Something went wrong and was written to the log; your year so far is kept."),
    lambda self, text: self.say(_(text)),
)


class CreditView(Face):
    page_id = "credit"

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setAccessibleName(_("Social credit"))
        self.document = CreditDocument(self)
        title = QLabel(_("Social credit: a year on a citizen's phone"))
        title.setObjectName("pageTitle")
        self.summary = QLabel("")
        self.summary.setObjectName("pageSubtitle")
        self.summary.setWordWrap(True)
        self.switch = SchemeSwitch()
        self.switch.chosen.connect(self.set_scheme)
        self.play = PlayPage()
        self.play.played.connect(self.play_month)
        self.play.restart.connect(self.document.reset)
        self.evidence = SchemeEvidence()
        self.lists = ListsPage()
        self.joint = JointNetwork()
        self.social = SocialPage()
        self.appeal = AppealForm()
        self.appeal.submitted.connect(self.submit_appeal)
        self.disagreements = DisagreementsPanel()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Parts of the social credit page"))
        for widget, name in ((self.play, _("Play the year")), (self.evidence, _("This scheme's evidence")),
                             (self.lists, _("Lists")), (self.joint, _("Joint punishment")),
                             (self.social, _("Social graph")), (self.appeal, _("Appeal")),
                             (self.disagreements, _("Where the sources disagree"))):
            self.tabs.addTab(widget, name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(title)
        layout.addWidget(self.switch)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.document.changed.connect(self.refresh)
        self.social.set_citizen(self.document)
        self.refresh()

    # -- actions -------------------------------------------------------------------------
    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(name))

    @guarded
    def open_preset(self, preset) -> None:
        options = preset.options
        try:
            score = options.get("score")
            self.document.set_scheme(options.get("scheme", self.document.scheme_id),
                                     int(score) if score is not None else None)
        except (SchemeError, ValueError, TypeError) as exc:
            self.say(_("This preset cannot be opened: {error}.").format(error=exc))

    @guarded
    def reset(self) -> None:
        """The national scheme, a fresh year, the first tab: nothing of the last visitor's."""
        from .document import DEFAULT_SCHEME

        self.document.set_scheme(DEFAULT_SCHEME, None)
        self.document.reset()
        self.appeal.editor.clear()
        self.tabs.setCurrentIndex(0)

    @guarded
    def set_scheme(self, scheme_id: str) -> None:
        self.document.set_scheme(scheme_id)

    @guarded
    def play_month(self, behaviour_id, count: int = 1) -> None:
        self.document.play(behaviour_id, count)
        steps = [s for s in self.document.steps() if s.data.get("month") == self.document.month]
        self.say(" ".join(s.said() for s in steps[:2])
                 or _("Month {n}: a quiet month.").format(n=self.document.month))

    @guarded
    def submit_appeal(self, text: str) -> None:
        self.document.appeal(text)
        month = self.document.month
        step = next((s for s in self.document.steps() if s.kind == "appeal" and s.data.get("month") == month), None)
        message = step.said() if step else _("Filed in month {n}.").format(n=month)
        if not self.document.finished:
            message += " " + _("Play the next month to see the decision.")
        self.appeal.message.setText(message)
        self.say(message)

    # -- showing -------------------------------------------------------------------------
    @guarded
    def refresh(self) -> None:
        doc = self.document
        self.switch.set_current(doc.scheme_id)
        self.summary.setText(_(doc.scheme.summary) + " " + _("Playing as {citizen}.").format(citizen=doc.citizen.label()))
        self.evidence.show_scheme(doc.scheme)
        self.play.show_document(doc)
        self.lists.show_document(doc)
        listed = most_severe(doc.standing().lists)
        if listed is None and doc.standing().lists:
            listed = doc.standing().lists[0]
        name = PersonName(doc.citizen.person.name, doc.citizen.person.hanzi).render()
        self.joint.set_citizen(name, tuple(PersonName(p.name, p.hanzi).render() for _kin, p in doc.citizen.children()),
                               listed)
        if doc.finished:
            self.appeal.set_open(False, _("The year is over: start it again to file a dispute."))
        elif most_severe(doc.standing().lists) is None:
            self.appeal.set_open(True, _("{name} is on no negative list now; a dispute would change nothing, "
                                         "but you may try.").format(name=name))
        else:
            target = LISTS[most_severe(doc.standing().lists)].name.said("english").render()
            self.appeal.set_open(True, _("{name} is on the {list}: the dispute will concern it.").format(
                name=name, list=target))

    def retranslate(self) -> None:
        """Everything the page composes, again in the current language; the year stays."""
        self.refresh()
        self.appeal.retranslate()


__all__ = ["CreditView", "TABS"]
