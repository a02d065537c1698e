"""Schedule a leader's session or dialogue meeting, or correct a planned one: date, sector, kind, who presides
(in person or by delegation), place and subject. Ctrl+S saves; a problem puts the cursor on its field."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.domain.sessions import HEAD_ROLE, LeaderRole, Sector, SessionDraft, SessionKind
from receptiondesk.errors import UserError
from receptiondesk.messages import enum_label
from receptiondesk.services.context import Saved
from receptiondesk.services.desk import Desk
from receptiondesk.ui.widgets.compact_combo import compact

#: Which widget a problem's field names.
FIELD_WIDGETS = {
    "session_date": "session_date", "sector": "sector", "session_kind": "kind", "leader_name": "leader_name",
    "leader_role": "leader_role", "delegate_name": "delegate_name", "subject": "subject",
}


def _combo(kind: str, values, lang: str, characters: int = 12) -> QComboBox:
    combo = compact(QComboBox(), characters)
    for value in values:
        combo.addItem(enum_label(kind, value, lang), value.value)
    return combo


def _select(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class SessionDialog(QDialog):
    """A new session (`session_uuid` None) on `on_date`, or the planned session `session_uuid` to correct."""

    def __init__(self, desk: Desk, lang: str = "vi", session_uuid: str | None = None,
                 on_date: date | None = None, parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self.session_uuid = session_uuid
        self.saved: Saved | None = None
        self._leader_typed = False
        self.setWindowTitle(self.tr("Correct a session") if session_uuid else self.tr("Schedule a session"))
        self._build()
        if session_uuid:
            self._load(desk.sessions.get(session_uuid))
        else:
            day = on_date or desk.context.today()
            self.session_date.setDate(QDate(day.year, day.month, day.day))
            self._apply_sector()
        self._apply_delegated()
        self._apply_kind()
        self.session_date.setFocus()

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        lang = self._lang
        self.session_date = QDateEdit()
        self.session_date.setCalendarPopup(True)
        self.session_date.setDisplayFormat("dd/MM/yyyy")
        self.sector = _combo("sector", Sector, lang, 10)
        self.kind = _combo("session_kind", SessionKind, lang, 10)
        self.leader_name = QLineEdit()
        self.leader_role = _combo("leader_role", LeaderRole, lang, 18)
        self.delegated = QCheckBox(self.tr("Delegated to a deputy"))
        self.delegate_name = QLineEdit()
        self.delegate_name.setPlaceholderText(self.tr("Deputy who receives the citizens"))
        self.delegate_role = QLineEdit()
        self.delegate_role.setPlaceholderText(self.tr("Deputy's title"))
        self.location = QLineEdit()
        self.subject = QLineEdit()
        self.notes = QLineEdit()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Close (Esc)"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        when = QHBoxLayout()
        when.addWidget(self.session_date)
        when.addWidget(QLabel(self.tr("Sector")))
        when.addWidget(self.sector)
        when.addWidget(QLabel(self.tr("Kind")))
        when.addWidget(self.kind)
        when.addStretch(1)
        form.addRow(self.tr("Date"), when)
        leader = QHBoxLayout()
        leader.addWidget(self.leader_name, 3)
        leader.addWidget(self.leader_role, 2)
        form.addRow(self.tr("Leader"), leader)
        deputy = QHBoxLayout()
        deputy.addWidget(self.delegated)
        deputy.addWidget(self.delegate_name, 2)
        deputy.addWidget(self.delegate_role, 2)
        form.addRow(self.tr("Delegation"), deputy)
        form.addRow(self.tr("Place"), self.location)
        self.subject_label = QLabel(self.tr("Subject"))
        form.addRow(self.subject_label, self.subject)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(640)

        self._tab_order: list[QWidget] = [
            self.session_date, self.sector, self.kind, self.leader_name, self.leader_role, self.delegated,
            self.delegate_name, self.delegate_role, self.location, self.subject, self.notes, self.save_button,
            self.cancel_button]
        for first, second in zip(self._tab_order, self._tab_order[1:]):
            QWidget.setTabOrder(first, second)

        self.sector.currentIndexChanged.connect(self._apply_sector)
        self.kind.currentIndexChanged.connect(self._apply_kind)
        self.delegated.toggled.connect(self._apply_delegated)
        self.leader_name.textEdited.connect(self._leader_edited)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    def _load(self, row: dict[str, Any]) -> None:
        day = date.fromisoformat(row["session_date"])
        self.session_date.setDate(QDate(day.year, day.month, day.day))
        _select(self.sector, row["sector"])
        _select(self.kind, row["kind"])
        self.leader_name.setText(row["leader_name"])
        _select(self.leader_role, row["leader_role"])
        self.delegated.setChecked(bool(row["delegated"]))
        self.delegate_name.setText(row["delegate_name"] or "")
        self.delegate_role.setText(row["delegate_role"] or "")
        self.location.setText(row["location"])
        self.subject.setText(row["subject"])
        self.notes.setText(row["notes"])
        self._leader_typed = True

    # -- behaviour -----------------------------------------------------------------------------
    def _leader_edited(self) -> None:
        self._leader_typed = True

    def _apply_sector(self) -> None:
        """A new session is presided by its sector's head; the name and place proposed are those of the sector's
        last session, unless a name was typed."""
        if self.session_uuid:
            return
        defaults = self.desk.sessions.defaults(self.sector.currentData())
        _select(self.leader_role, defaults["leader_role"])
        if self._leader_typed:
            return
        self.leader_name.setText(defaults["leader_name"])
        if defaults["location"] and not self.location.text().strip():
            self.location.setText(defaults["location"])

    def _apply_kind(self) -> None:
        dialogue = self.kind.currentData() == SessionKind.DIALOGUE
        self.subject.setPlaceholderText(self.tr("What the dialogue is about (required)") if dialogue
                                        else self.tr("Optional"))

    def _apply_delegated(self) -> None:
        delegated = self.delegated.isChecked()
        self.delegate_name.setEnabled(delegated)
        self.delegate_role.setEnabled(delegated)
        if delegated and not self.session_uuid:
            _select(self.leader_role, HEAD_ROLE[Sector(self.sector.currentData())].value)

    def draft(self) -> SessionDraft:
        return SessionDraft(
            session_date=date.fromisoformat(self.session_date.date().toString(Qt.DateFormat.ISODate)),
            leader_name=self.leader_name.text(), sector=self.sector.currentData(), kind=self.kind.currentData(),
            leader_role=self.leader_role.currentData(), delegated=self.delegated.isChecked(),
            delegate_name=self.delegate_name.text(), delegate_role=self.delegate_role.text(),
            location=self.location.text(), subject=self.subject.text(), notes=self.notes.text())

    def save(self) -> bool:
        """Schedule (or correct) the session; on a problem, say it in red and move the cursor there."""
        try:
            if self.session_uuid:
                self.saved = self.desk.sessions.update(self.session_uuid, self.draft())
            else:
                self.saved = self.desk.sessions.schedule(self.draft())
        except UserError as error:
            self._show_problems(error)
            return False
        self.session_uuid = self.saved.uuid
        self.accept()
        return True

    def _show_problems(self, error: UserError) -> None:
        def position(problem) -> int:
            widget = getattr(self, FIELD_WIDGETS.get(problem.field or "", ""), None)
            return self._tab_order.index(widget) if widget in self._tab_order else len(self._tab_order)

        problems = sorted(error.problems, key=position)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText("\n".join(p.render(self._lang) for p in problems))
        widget = getattr(self, FIELD_WIDGETS.get(problems[0].field or "", ""), None) if problems else None
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()
