"""Edit the chosen household: its members, adult males, registration and setting.

Every change is sent at once to the document as an undoable command; the form then shows
the household as the document has it (the form keeps nothing the document does not).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ermu.models.population import MAX_AGE, Person, PopulationError, Setting, Sex

from ermu.models.i18n import N_, _

from .document import SandboxDocument

COLUMNS = (N_("Name"), N_("Name in characters"), N_("Sex (m/f)"), N_("Age"))


class HouseholdEditor(QGroupBox):
    def __init__(self, document: SandboxDocument, parent: QWidget | None = None) -> None:
        super().__init__(_("Edit the chosen household"), parent)
        self.document = document
        self.setAccessibleName(_("Household editor"))
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.add_button = self._button(_("Add"), _("Add a household after the chosen one"), buttons)
        self.duplicate_button = self._button(_("Duplicate"), _("Duplicate the chosen household"), buttons)
        self.remove_button = self._button(_("Remove"), _("Remove the chosen household"), buttons)
        layout.addLayout(buttons)
        form = QFormLayout()
        self.adult_males = QSpinBox()
        self.adult_males.setAccessibleName(_("Adult males"))
        self.registered = QCheckBox(_("on the register"))
        self.registered.setAccessibleName(_("Registered"))
        self.setting = QComboBox()
        self.setting.setAccessibleName(_("Setting"))
        for setting in Setting:
            self.setting.addItem(setting.shown, int(setting))
        form.addRow(_("Adult males"), self.adult_males)
        form.addRow(_("Registered"), self.registered)
        form.addRow(_("Setting"), self.setting)
        layout.addLayout(form)
        self.members = QTableWidget(0, len(COLUMNS))
        self.members.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.members.setAccessibleName(_("Members"))
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.members.verticalHeader().setVisible(False)
        self.members.setTabKeyNavigation(False)
        layout.addWidget(self.members, 1)
        member_buttons = QHBoxLayout()
        self.add_member = self._button(_("Add member"), _("Add a member to the chosen household"), member_buttons)
        self.remove_member = self._button(_("Remove member"), _("Remove the chosen member"), member_buttons)
        layout.addLayout(member_buttons)

        self.add_button.clicked.connect(lambda: document.add_household(document.selected))
        self.duplicate_button.clicked.connect(lambda: document.duplicate_household(document.selected))
        self.remove_button.clicked.connect(lambda: document.remove_household(document.selected))
        self.adult_males.editingFinished.connect(lambda: self._send(adult_males=self.adult_males.value()))
        self.registered.toggled.connect(lambda on: self._send(registered=on))
        self.setting.activated.connect(lambda row: self._send(setting=Setting(self.setting.itemData(row))))
        self.members.itemChanged.connect(self._member_changed)
        self.add_member.clicked.connect(self._add_member)
        self.remove_member.clicked.connect(self._remove_member)
        document.changed.connect(self.refresh)
        document.selection_changed.connect(self.refresh)
        self.refresh()

    def _button(self, text: str, name: str, layout) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        layout.addWidget(button)
        return button

    def retranslate(self) -> None:
        """The title, the settings and the table's headers (the fixed texts follow by themselves)."""
        self.members.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        for row in range(self.setting.count()):
            self.setting.setItemText(row, Setting(self.setting.itemData(row)).shown)
        self.refresh()

    def refresh(self, *_args) -> None:
        doc = self.document
        chosen = doc.selected
        has = chosen is not None and 0 <= chosen < len(doc.population)
        for widget in (self.duplicate_button, self.remove_button, self.adult_males, self.registered,
                       self.setting, self.members, self.add_member, self.remove_member):
            widget.setEnabled(has)
        self.setTitle(_("Edit household {n}").format(n=chosen) if has else _("Edit the chosen household"))
        for widget in (self.adult_males, self.registered, self.setting, self.members):
            widget.blockSignals(True)
        try:
            if not has:
                self.members.setRowCount(0)
                return
            household = doc.population[chosen]
            self.adult_males.setRange(0, household.size)
            self.adult_males.setValue(household.adult_males)
            self.registered.setChecked(household.registered)
            self.setting.setCurrentIndex(self.setting.findData(int(household.setting)))
            self.members.setRowCount(household.size)
            for row, person in enumerate(household.members):
                for column, value in enumerate((person.name, person.hanzi, person.sex.value, str(person.age))):
                    item = QTableWidgetItem(value)
                    self.members.setItem(row, column, item)
        finally:
            for widget in (self.adult_males, self.registered, self.setting, self.members):
                widget.blockSignals(False)

    def _send(self, **changes) -> None:
        if self.document.selected is not None:
            if not self.document.edit_household(self.document.selected, **changes):
                self.refresh()

    def _member_changed(self, item: QTableWidgetItem) -> None:
        household = self.document.population[self.document.selected]
        members = list(household.members)
        person = members[item.row()]
        text = item.text().strip()
        try:
            column = item.column()
            if column == 0:
                person = Person(text, person.hanzi, person.sex, person.age)
            elif column == 1:
                person = Person(person.name, text, person.sex, person.age)
            elif column == 2:
                person = Person(person.name, person.hanzi, Sex(text.lower()[:1]), person.age)
            else:
                person = Person(person.name, person.hanzi, person.sex, int(text))
        except (PopulationError, ValueError):
            self.document.report(_("Not changed: names must not be empty, sex is m or f, and age a whole "
                                   "number from 0 to {most}.").format(most=MAX_AGE))
            self.refresh()
            return
        members[item.row()] = person
        self._send(members=tuple(members))

    def _add_member(self) -> None:
        household = self.document.population[self.document.selected]
        child = Person(f"{household.family or household.head.name.split()[0]} Xiao", household.head.hanzi[:1] + "小",
                       Sex.FEMALE, 5)
        self._send(members=household.members + (child,))

    def _remove_member(self) -> None:
        household = self.document.population[self.document.selected]
        row = self.members.currentRow()
        if household.size <= 1:
            self.document.report(_("A household keeps at least one member, its head."))
            return
        row = row if 0 <= row < household.size else household.size - 1
        members = household.members[:row] + household.members[row + 1:]
        self._send(members=members, adult_males=min(household.adult_males, len(members)))
