"""The chosen household: its people, its unit at every level, its heads, its neighbours, its path up.

Everything shown is asked from the hierarchy (``path``, ``leader``, ``neighbours``,
``reporting_chain``); the panel only writes it down.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ermu.models.hierarchy import Hierarchy
from ermu.models.i18n import N_, _, ngettext
from ermu.models.regimes.texts import said

from ..style import CINNABAR, SLATE

#: A person's sex as the details say it (the editor's table keeps the letters m and f).
SEXES = {"m": N_("m"), "f": N_("f")}


def describe(h: Hierarchy, household: int) -> tuple[str, str]:
    """(rich text, plain text for screen readers) about one household."""
    hh = h.population[household]
    sep = _(", ")
    people = sep.join(_("{name} {hanzi} ({sex}, {age})").format(
        name=escape(p.name), hanzi=escape(p.hanzi), sex=_(SEXES[p.sex.value]), age=p.age) for p in hh.members)
    size = ngettext("{n} person", "{n} people", hh.size).format(n=hh.size)
    registered = escape(_("registered")) if hh.registered else "<b>" + escape(_("not registered")) + "</b>"
    lines = ["<h3 style='margin:0'>" + escape(_("Household {n} · {name} {hanzi}").format(
                 n=household, name=hh.head.name, hanzi=hh.head.hanzi)) + "</h3>",
             "<p>" + escape(_("{size}: {people}.").format(size=size, people="\0")).replace("\0", people)
             + "<br>" + escape(_("Adult males: {n}").format(n=hh.adult_males)) + f" · {registered} · "
             + escape(hh.setting.shown) + "</p>"]
    plain = [_("Household {n}, {name}, {size}.").format(n=household, name=hh.head.name, size=size)]
    path = h.path(household)
    if not path:
        reason = _("Outside the scope of the {regime}: {scope}").format(regime=_(h.regime.title),
                                                                        scope=said(h.regime.scope.text))
        lines.append(f"<p style='color:{SLATE}'>{escape(reason)}</p>")
        plain.append(reason)
        return "".join(lines), " ".join(plain)
    rows = []
    for level, unit in path:
        lv = h.levels[level]
        name = lv.name(unit)
        leader = h.leader(level, unit)
        spec = h.leader_spec(level)
        head = (f"<span style='color:{CINNABAR}'>◆</span> "
                + escape(_("{title}: household {n}").format(title=spec.title.shown(), n=leader))
                if leader is not None and spec is not None else escape(_("no head")))
        incomplete = " <i>" + escape(_("(incomplete)")) + "</i>" if h.is_partial(level, unit) else ""
        units = ngettext("{n} household", "{n} households", int(lv.sizes[unit])).format(n=int(lv.sizes[unit]))
        rows.append(f"<b>{escape(name.shown())} {unit + 1}</b> · {escape(units)}{incomplete}"
                    f"<br>&nbsp;&nbsp;&nbsp;{head}")
        plain.append(_("{unit} {number}, head household {n}.").format(unit=name.said().render(), number=unit + 1,
                                                                     n=leader) if leader is not None else
                     _("{unit} {number}, no head.").format(unit=name.said().render(), number=unit + 1))
    lines.append("<p><b>" + escape(_("Its units")) + "</b><br>" + "<br>".join(rows) + "</p>")
    neighbours = h.neighbours(household)
    shown = sep.join(str(int(n)) for n in neighbours[:20]) + (" …" if neighbours.size > 20 else "")
    shown = shown or _("none")
    smallest = h.levels[0].name(path[0][1]).said().render()
    lines.append("<p>" + escape(_("Neighbours in the same {unit}: {list}").format(unit=smallest, list=shown)) + "</p>")
    plain.append(_("Neighbours: {list}.").format(list=shown))
    chain = [escape(_("household {n}").format(n=household))]
    for level, unit, leader in h.reporting_chain(household):
        spec = h.leader_spec(level)
        if leader != household:
            chain.append(escape(_("{title} (household {n})").format(title=spec.title.said().render(), n=leader)))
    chain.append(escape(h.regime.government.shown()))
    lines.append("<p><b>" + escape(_("Path to the government:")) + "</b> " + " → ".join(chain) + "</p>")
    plain.append(_("Path to the government: {chain}.").format(chain=_(", then ").join(chain)))
    return "".join(lines), " ".join(plain)


class DetailsPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName(_("Household details"))
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(10, 8, 10, 8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # no accessible name on the label: it would replace the text a screen reader should read
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.setWidget(inner)
        self.show_household(None, None)

    def show_household(self, hierarchy: Hierarchy | None, household: int | None) -> None:
        if hierarchy is None or household is None or not 0 <= household < hierarchy.household_count:
            self.label.setText(f"<p style='color:{SLATE}'>" + escape(_(
                "Choose a household in the tree or the diagram to see its units, its heads, its neighbours "
                "and its path to the government.")) + "</p>")
            self.label.setAccessibleDescription(_("No household chosen."))
            return
        rich, plain = describe(hierarchy, household)
        self.label.setText(rich)
        self.label.setAccessibleDescription(plain)

    def text(self) -> str:
        return self.label.text()
