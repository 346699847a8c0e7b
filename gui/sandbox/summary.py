"""Who is liable and how severely, each with its rule and source — and the illustrative knobs.

Every number is either documented (a source key) or carries ``illustrative_mark()`` with the
parameter a teacher can change right here; changing one re-simulates the incident.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QScrollArea,
                               QVBoxLayout, QWidget)

from ermu.models.i18n import N_, _, ngettext
from ermu.models.regimes.texts import said

from ..style import CINNABAR, illustrative_mark, pixel_size, SLATE, text_floor
from .session import IncidentSession

#: Who is punished, as the summary names them (``LiableItem.role``).
ROLES = {"offender": N_("offender"), "neighbour": N_("neighbour"), "leader": N_("head")}

PARAMETERS = (
    ("observation_probability", N_("Observation probability"), N_("the chance that a neighbour notices the offence")),
    ("discovery_probability", N_("Discovery probability"), N_("the chance that a concealed offence is found out")),
    ("register_error_rate", N_("Register error rate"),
     N_("the chance of a copying error at each step of the register")),
)


def _sources(rule) -> str:
    if not rule.documented or not rule.sources:
        return f"<span style='color:{SLATE}'>{illustrative_mark()} {escape(_("(Ermu's assumption)"))}</span>"
    return escape(_("source: {sources}").format(sources="; ".join(str(s) for s in rule.sources)))


def describe_outcome(result, guess: int | None = None) -> str:
    o = result.outcome
    steps = (ngettext("the report reached the government in {n} step", "the report reached the government in {n} steps",
                      o.steps_to_government or 0).format(n=o.steps_to_government)
             if o.reached_government else _("the government never learned of it"))
    liable = ngettext("{n} household", "{n} households", o.liable_households).format(n=o.liable_households)
    rest = _("liable ({people} people) · {steps} · {heads}.").format(
        people=o.liable_people, steps=steps,
        heads=ngettext("{n} head involved", "{n} heads involved", o.leaders_involved).format(n=o.leaders_involved))
    lines = [f"<p style='font-size:{pixel_size(15)}'><b style='color:{CINNABAR}'>{escape(liable)}</b> {escape(rest)}</p>"]
    if guess is not None:
        verdict = (_("You predicted {n}: right.") if guess == o.liable_households
                   else _("You predicted {n}: not quite."))
        lines.append(f"<p>{escape(verdict.format(n=guess))}</p>")
    by_rule: dict[str, list] = defaultdict(list)
    rules = {}
    for item in o.liable:
        by_rule[item.rule.id].append(item)
        rules[item.rule.id] = item.rule
    for rule_id, items in by_rule.items():
        rule = rules[rule_id]
        severity = _("severity {n} of 4").format(n=items[0].severity)
        mark = ("" if rule.severity_documented
                else f" <span style='color:{SLATE}'>({illustrative_mark()} {escape(_('severity'))})</span>")
        who = _(", ").join(f"{i.household}" + (" ◆" if i.role == "leader" else "") for i in items)
        role = _(ROLES.get(items[0].role, items[0].role))
        lines.append(f"<p><b>{len(items)} × {escape(role)}</b> — {escape(severity)}{mark}<br>"
                     f"{escape(_('households {list}').format(list=who))}<br><i>{escape(said(rule.text))}</i><br>"
                     f"{_sources(rule)}</p>")
    if not o.liable:
        lines.append(f"<p>{escape(_('Nobody is punished.'))}</p>")
    return "".join(lines)


class SummaryPanel(QScrollArea):
    def __init__(self, session: IncidentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setAccessibleName(_("Incident summary"))
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.RichText)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.outcome)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box = self.parameters_box = QGroupBox()
        box.setToolTip(_("Not in the sources: Ermu's assumptions, which you can change"))
        form = QFormLayout(box)
        # never wider than the panel; at a kiosk's 16 pt every label goes above its field
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows if text_floor()
                              else QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)  # the scope's names whole
        self.spins: dict[str, QDoubleSpinBox] = {}
        for name, label, meaning in PARAMETERS:
            spin = QDoubleSpinBox()
            spin.setRange(0.0, 1.0)
            spin.setSingleStep(0.05)
            spin.setDecimals(2)
            spin.setToolTip(_(meaning))
            spin.editingFinished.connect(lambda n=name, s=spin: self._set(n, s.value()))
            form.addRow(_(label), spin)
            self.spins[name] = spin
        self.scope = QComboBox()
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "牌 pái (pai) (the rule)" whole
        self.scope.setAccessibleName(_("Scope of collective punishment"))
        self.scope.setToolTip(_("The unit whose households all answer for a concealed offence"))
        self.scope.activated.connect(lambda row: session.update(scope=self.scope.itemData(row)))
        form.addRow(_("Collective scope"), self.scope)
        layout.addWidget(box)
        layout.addStretch(1)
        self.setWidget(inner)
        self.guess: int | None = None
        self.revealed = True
        self.hint: str | None = None
        session.result_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        """The texts with a mark or computed from the incident, again in the current language."""
        self.parameters_box.setTitle(_("Parameters {mark}").format(mark=illustrative_mark()))
        for name, label, _meaning in PARAMETERS:
            self.spins[name].setAccessibleName(_("{label} ({mark})").format(label=_(label), mark=illustrative_mark()))
        self.refresh()

    def _set(self, name: str, value: float) -> None:
        used = getattr(self.session.document.resolved_parameters(), name)
        if abs(used - value) > 1e-9:
            self.session.set_parameter(name, value)

    def refresh(self, *_args) -> None:
        result = self.session.result
        regime = self.session.document.regime
        self.scope.blockSignals(True)
        self.scope.clear()
        default = regime.liability.collective_level
        for level in regime.levels[regime.level(default):]:
            self.scope.addItem(_("{unit} (the rule)").format(unit=level.name.shown()) if level.id == default
                               else level.name.shown(),
                               None if level.id == default else level.id)
        self.scope.setCurrentIndex(max(0, self.scope.findData(self.session.incident.scope)))
        self.scope.blockSignals(False)
        if result is None:
            self.outcome.setText("<p>" + escape(_("Choose an offender, an offence and a response to play an incident."))
                                 + "</p>")
            return
        for name, spin in self.spins.items():
            value, _documented = result.parameters_used.get(name, (0.0, False))
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        if self.revealed:
            self.outcome.setText(describe_outcome(result, self.guess))
        else:
            self.outcome.setText("<p>" + escape(self.hint or _("Play the incident to its end to see who is liable."))
                                 + "</p>")
        self.outcome.setAccessibleDescription(self.plain_text())

    def set_revealed(self, revealed: bool, guess: int | None = None, *, hint: str | None = None) -> None:
        if (revealed, guess, hint) != (self.revealed, self.guess, self.hint):
            self.revealed, self.guess, self.hint = revealed, guess, hint
            self.refresh()

    def plain_text(self) -> str:
        """The summary as a screen reader and a copy should have it: words, no markup."""
        document = QTextDocument()
        document.setHtml(self.outcome.text())
        return document.toPlainText().strip()

    def text(self) -> str:
        return self.outcome.text()
