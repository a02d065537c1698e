"""The intake screen: record a visit or register a letter in the order the officer asks, keyboard first;
a returning citizen is recognised from the ID, phone or name, and today's visits are listed below."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from receptiondesk import paths
from receptiondesk.domain.addresses import address_completions, current_unit_for, prepare
from receptiondesk.domain.cases import Direction, DirectionDraft, refusal_grounds
from receptiondesk.domain.citizens import CitizenDraft, Gender
from receptiondesk.domain.identity import IdPaperType
from receptiondesk.domain.letters import LetterChannel, LetterDraft
from receptiondesk.domain.visits import CameAs, Channel, VisitDraft
from receptiondesk.errors import UserError
from receptiondesk.messages import enum_label
from receptiondesk.services.desk import Desk
from receptiondesk.services.drafts import DraftStore
from receptiondesk.storage.listing import ListRequest
from receptiondesk.ui.dialogs.document_dialog import DocumentDialog
from receptiondesk.ui.look import local_shortcut
from receptiondesk.ui.models.visit_table_model import VisitTableModel
from receptiondesk.ui.widgets.case_row_widget import CaseRowWidget
from receptiondesk.ui.widgets.compact_combo import compact
from receptiondesk.ui.widgets.returning_panel import ReturningPanel

DRAFT_FORM = "intake"
DRAFT_DELAY_MS = 1500
LOOKUP_DELAY_MS = 40
VISIT, LETTER = "visit", "letter"
#: Which widget a problem's field names, for moving the cursor there.
FIELD_WIDGETS = {
    "id_paper_type": "id_type", "id_number": "id_number", "full_name": "full_name", "birth_year": "birth_year",
    "gender": "gender", "address": "address", "phone": "phone", "headcount": "headcount",
    "representatives": "representatives", "channel": "channel", "came_as": "came_as", "proof_paper": "proof_paper",
    "summary": "summary", "content_type": "first_case_type", "field_code": "first_case_field",
    "direction": "direction", "direction_body": "direction_body", "direction_doc": "direction_doc",
    "refusal_ground": "refusal_ground", "visit_date": "visit_date", "received_on": "visit_date",
    "letter_channel": "letter_channel", "sender_body": "sender_body", "forward_doc": "forward_doc",
    "attachment_title": "documents", "respondent_name": "respondent_name", "case_summary": "first_case_summary",
}


def _combo(kind: str, values, lang: str, *, blank: bool = False) -> QComboBox:
    combo = compact(QComboBox())
    if blank:
        combo.addItem("", None)
    for value in values:
        combo.addItem(enum_label(kind, value, lang), value.value)
    return combo


def _select(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


class IntakeScreen(QWidget):
    """The form (scrollable), the returning-citizen panel beside it, and today's visits below."""

    def __init__(self, desk: Desk, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self._citizen_uuid: str | None = None
        # The visit just saved and what Ctrl+P prints for it: the receipt of the documents handed in, or the
        # refusal notice of a citizen refused at the desk.
        self.receipt_visit: str | None = None
        self.print_kind: str | None = None
        self._drafts: DraftStore | None = None
        self._draft_checked = False
        self._loading = False
        self.case_rows: list[CaseRowWidget] = []
        self._build()
        self._lookup_timer = QTimer(self, singleShot=True, interval=LOOKUP_DELAY_MS)
        self._lookup_timer.timeout.connect(self.look_up)
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        self._connect()
        # The address tables take ~0.2 s to build: on a spare thread, before the officer reaches the field.
        threading.Thread(target=prepare, args=(desk.context.settings.commune_code,), daemon=True).start()

    def title(self) -> str:
        return self.tr("Reception")

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        lang = self._lang
        self.mode = compact(QComboBox(), 16)
        self.mode.addItem(self.tr("A citizen at the desk"), VISIT)
        self.mode.addItem(self.tr("A letter received"), LETTER)
        self.visit_date = QDateEdit()
        self.visit_date.setCalendarPopup(True)
        self.visit_date.setDisplayFormat("dd/MM/yyyy")
        self.id_type = _combo("id_type", IdPaperType, lang)
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("Enter looks up earlier visits"))
        self.full_name = QLineEdit()
        self.birth_year = QLineEdit()
        self.birth_year.setMaxLength(4)
        self.birth_year.setMaximumWidth(70)
        self.gender = _combo("gender", Gender, lang, blank=True)
        self.address = QLineEdit()
        self.address_hint = QPushButton()
        self.address_hint.setFlat(True)
        self.address_hint.setStyleSheet("color: #0b57d0; text-align: left;")
        self.address_hint.hide()
        self.phone = QLineEdit()
        self.headcount = QSpinBox()
        self.headcount.setRange(1, 999)
        self.representatives = QLineEdit()
        self.representatives.setPlaceholderText(self.tr("Names of the representatives, separated by ;"))
        self.channel = _combo("channel", Channel, lang)
        self.came_as = _combo("came_as", CameAs, lang)
        self.proof_paper = QLineEdit()
        self.proof_paper.setPlaceholderText(self.tr("Paper proving who they act for"))
        self.letter_channel = _combo("letter_channel", LetterChannel, lang)
        self.sender_body = QLineEdit()
        self.forward_doc = QLineEdit()
        self.anonymous = QCheckBox(self.tr("No name given (anonymous letter)"))
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(64)
        self.respondent_name = QLineEdit()
        self.respondent_position = QLineEdit()
        self.respondent_body = QLineEdit()
        self.cases_box = QVBoxLayout()
        self.add_case_button = QPushButton(self.tr("Add another matter (Ctrl+M)"))
        self.in_competence = QCheckBox(self.tr("Within the commune's competence"))
        self.in_competence.setChecked(True)
        self.direction = _combo("direction", Direction, lang, blank=True)
        self.direction_body = QLineEdit()
        self.direction_body.setPlaceholderText(self.tr("Body the citizen is guided to or the letter is sent to"))
        self.direction_doc = QLineEdit()
        self.direction_doc.setPlaceholderText(self.tr("Number of the transfer document"))
        self.refusal_ground = compact(QComboBox())
        self.refusal_ground.addItem("", None)
        for code, ground in refusal_grounds().items():
            self.refusal_ground.addItem(ground.name_vi if lang == "vi" else ground.name_en, code)
        self.documents = QPlainTextEdit()
        self.documents.setTabChangesFocus(True)
        self.documents.setFixedHeight(48)
        self.documents.setPlaceholderText(self.tr("One document per line"))
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.clear_button = QPushButton(self.tr("New form (Ctrl+N)"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = self.form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        top = QHBoxLayout()
        top.addWidget(self.mode, 1)
        top.addWidget(QLabel(self.tr("Date")))
        top.addWidget(self.visit_date)
        form.addRow(self.tr("Received"), top)
        paper = QHBoxLayout()
        paper.addWidget(self.id_type)
        paper.addWidget(self.id_number, 1)
        form.addRow(self.tr("ID paper"), paper)
        form.addRow(self.tr("Full name"), self.full_name)
        person = QHBoxLayout()
        person.addWidget(self.birth_year)
        person.addWidget(QLabel(self.tr("Gender")))
        person.addWidget(self.gender)
        person.addStretch(1)
        form.addRow(self.tr("Year of birth"), person)
        form.addRow(self.tr("Address"), self.address)
        form.addRow("", self.address_hint)
        form.addRow(self.tr("Phone"), self.phone)
        group = QHBoxLayout()
        group.addWidget(self.headcount)
        group.addWidget(self.representatives, 1)
        how = QHBoxLayout()
        how.addWidget(self.channel)
        how.addWidget(self.came_as, 1)
        self.visit_rows = [group, how, self.proof_paper]  # rows of a visit only; a letter has its own
        form.addRow(self.tr("Number of people"), group)
        form.addRow(self.tr("Came"), how)
        form.addRow(self.tr("Proof"), self.proof_paper)
        self.letter_rows = [self.letter_channel, self.sender_body, self.forward_doc, self.anonymous]
        form.addRow(self.tr("Received by"), self.letter_channel)
        form.addRow(self.tr("Forwarded by"), self.sender_body)
        form.addRow(self.tr("Forwarding document"), self.forward_doc)
        form.addRow("", self.anonymous)
        form.addRow(self.tr("Content"), self.summary)
        respondent = QHBoxLayout()
        respondent.addWidget(self.respondent_name, 2)
        respondent.addWidget(self.respondent_position, 1)
        respondent.addWidget(self.respondent_body, 2)
        self.respondent_name.setPlaceholderText(self.tr("Person complained about"))
        self.respondent_position.setPlaceholderText(self.tr("Position"))
        self.respondent_body.setPlaceholderText(self.tr("Body"))
        form.addRow(self.tr("Respondent"), respondent)
        cases = QVBoxLayout()
        cases.addLayout(self.cases_box)
        cases_buttons = QHBoxLayout()
        cases_buttons.addWidget(self.add_case_button)
        cases_buttons.addWidget(self.in_competence)
        cases_buttons.addStretch(1)
        cases.addLayout(cases_buttons)
        form.addRow(self.tr("Classification"), cases)
        direction = QHBoxLayout()
        direction.addWidget(self.direction)
        direction.addWidget(self.direction_body, 1)
        form.addRow(self.tr("Direction"), direction)
        details = QHBoxLayout()
        details.addWidget(self.direction_doc, 1)
        details.addWidget(self.refusal_ground, 1)
        form.addRow("", details)
        form.addRow(self.tr("Documents handed in"), self.documents)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        form.addRow(buttons)

        form_widget = QWidget()
        form_widget.setLayout(form)
        scroll = self.scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        self.returning = ReturningPanel(self.desk, self._lang)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(scroll)
        upper.addWidget(self.returning)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 1)
        upper.setSizes([640, 260])
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.today_label = QLabel()
        self.today_model = VisitTableModel(self.desk.logbook, self._lang, self)
        self.today_table = QTableView()
        self.today_table.setModel(self.today_model)
        self.today_table.verticalHeader().setVisible(False)
        self.today_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.today_table.horizontalHeader().setStretchLastSection(True)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.message)  # outside the scrolling form: always in sight
        lower_layout.addWidget(self.today_label)
        lower_layout.addWidget(self.today_table)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self._add_case_row()
        self._set_tab_order()
        self._apply_mode()
        self._apply_direction()

    def _set_tab_order(self) -> None:
        order = [self.mode, self.visit_date, self.id_type, self.id_number, self.full_name, self.birth_year,
                 self.gender, self.address, self.phone, self.headcount, self.representatives, self.channel,
                 self.came_as, self.proof_paper, self.letter_channel, self.sender_body, self.forward_doc,
                 self.anonymous, self.summary, self.respondent_name, self.respondent_position, self.respondent_body]
        for row in self.case_rows:
            order += [row.content_type, row.field_code, row.summary]
            if row.remove_button is not None:
                order.append(row.remove_button)
        order += [self.add_case_button, self.in_competence, self.direction, self.direction_body,
                  self.direction_doc, self.refusal_ground, self.documents, self.save_button, self.clear_button]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
        self._tab_order = order

    def _connect(self) -> None:
        self.mode.currentIndexChanged.connect(self._apply_mode)
        self.direction.currentIndexChanged.connect(self._apply_direction)
        self.headcount.valueChanged.connect(self._apply_headcount)
        self.came_as.currentIndexChanged.connect(self._apply_headcount)
        self.anonymous.toggled.connect(self._apply_mode)
        self.id_number.returnPressed.connect(self.look_up_now)
        self.phone.returnPressed.connect(self.look_up_now)
        for field in (self.id_number, self.phone, self.full_name):
            field.textEdited.connect(self._lookup_timer.start)
        self.address.editingFinished.connect(self._suggest_current_unit)
        self.address_hint.clicked.connect(self._accept_current_unit)
        self.returning.citizen_chosen.connect(self._fill_citizen)
        self.add_case_button.clicked.connect(self.add_case)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.start_new)
        for key, slot in ((QKeySequence.StandardKey.Save, self.save), (QKeySequence("Ctrl+M"), self.add_case),
                          (QKeySequence(Qt.Key.Key_Escape), self._escape),
                          (QKeySequence.StandardKey.Print, self.print_receipt)):
            local_shortcut(self, key, slot)
        self._watch(self)

    def _watch(self, parent: QWidget) -> None:
        """Any edit in the form starts the draft timer."""
        for widget in parent.findChildren(QWidget):
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.textChanged.connect(self._changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._changed)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self._changed)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self._changed)
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(self._changed)

    # -- form state ----------------------------------------------------------------------------
    def _apply_mode(self) -> None:
        letter = self.mode.currentData() == LETTER
        for row in self.visit_rows:
            self.form.setRowVisible(row, not letter)
        for row in self.letter_rows:
            self.form.setRowVisible(row, letter)
        anonymous = letter and self.anonymous.isChecked()
        for widget in (self.id_type, self.id_number, self.full_name, self.birth_year, self.gender, self.address,
                       self.phone):
            widget.setEnabled(not anonymous)
        for row in self.case_rows[1:]:
            row.setEnabled(not letter)  # a letter carries one matter
        self.add_case_button.setEnabled(not letter)

    def _apply_direction(self) -> None:
        direction = self.direction.currentData()
        self.direction_body.setEnabled(direction in (Direction.GUIDED, Direction.TRANSFERRED))
        self.direction_doc.setEnabled(direction == Direction.TRANSFERRED)
        self.refusal_ground.setEnabled(direction == Direction.REFUSED)

    def _apply_headcount(self) -> None:
        threshold = self.desk.context.settings.delegation_threshold
        self.representatives.setEnabled(self.headcount.value() >= threshold)
        self.proof_paper.setEnabled(self.came_as.currentData() != CameAs.SELF)

    def _changed(self) -> None:
        if not self._loading:
            self._draft_timer.start()

    def _escape(self) -> None:
        """Esc leaves a match list or hides the address hint; it never clears the form."""
        if self.address_hint.isVisible():
            self.address_hint.hide()
        self.full_name.setFocus()

    def add_case(self) -> None:
        if self.mode.currentData() == LETTER:
            return
        row = self._add_case_row()
        row.content_type.setFocus()

    def _add_case_row(self) -> CaseRowWidget:
        row = CaseRowWidget(self.desk.setup.fields(), self._lang, first=not self.case_rows)
        row.remove_requested.connect(self._remove_case_row)
        self.case_rows.append(row)
        self.cases_box.addWidget(row)
        if hasattr(self, "_draft_timer"):
            self._watch(row)
        if len(self.case_rows) == 1:
            self.first_case_type, self.first_case_field = row.content_type, row.field_code
            self.first_case_summary = row.summary
        self._set_tab_order()
        return row

    def _remove_case_row(self, row: CaseRowWidget) -> None:
        self.case_rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self._set_tab_order()
        self.add_case_button.setFocus()

    # -- returning citizens --------------------------------------------------------------------
    def look_up_now(self) -> None:
        self._lookup_timer.stop()
        self.look_up()
        if self.returning.choose_first():
            return

    def look_up(self) -> None:
        if self.desk.context.session is None:
            return
        rows = self.desk.intake.find_returning(id_number=self.id_number.text() or None,
                                               phone=self.phone.text() or None, name=self.full_name.text() or None)
        self.returning.show_matches(rows)

    def _fill_citizen(self, row: dict[str, Any]) -> None:
        """A returning citizen chosen: their known details fill the empty fields; the visit joins their record."""
        self._citizen_uuid = row["uuid"]
        if not row["protected"]:
            _select(self.id_type, row["id_type"])
            for field, key in ((self.id_number, "id_number"), (self.full_name, "full_name"),
                               (self.address, "address"), (self.phone, "phone")):
                if row[key] and not field.text().strip():
                    field.setText(row[key])
            if row["birth_year"] and not self.birth_year.text():
                self.birth_year.setText(str(row["birth_year"]))
            if row["gender"]:
                _select(self.gender, row["gender"])
        self.message.setText(self.tr("Returning citizen: {name}. This visit is added to their record.").format(
            name=row["full_name"]))

    def _suggest_current_unit(self) -> None:
        suggestion = current_unit_for(self.address.text())
        if suggestion is None:
            self.address_hint.hide()
            return
        self.address_hint.setText(self.tr("Old address: now {unit} — click to use “{address}”").format(
            unit=f"{suggestion.new_commune_name}, {suggestion.new_province_name}",
            address=suggestion.suggested_address))
        self.address_hint.setProperty("suggested", suggestion.suggested_address)
        self.address_hint.show()

    def _accept_current_unit(self) -> None:
        self.address.setText(self.address_hint.property("suggested"))
        self.address_hint.hide()
        self.phone.setFocus()

    # -- drafts ----------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """Everything typed, as plain values (what a draft keeps)."""
        return {
            "mode": self.mode.currentData(), "date": self.visit_date.date().toString(Qt.DateFormat.ISODate),
            "id_type": self.id_type.currentData(), "id_number": self.id_number.text(),
            "full_name": self.full_name.text(), "birth_year": self.birth_year.text(),
            "gender": self.gender.currentData(), "address": self.address.text(), "phone": self.phone.text(),
            "headcount": self.headcount.value(), "representatives": self.representatives.text(),
            "channel": self.channel.currentData(), "came_as": self.came_as.currentData(),
            "proof_paper": self.proof_paper.text(), "letter_channel": self.letter_channel.currentData(),
            "sender_body": self.sender_body.text(), "forward_doc": self.forward_doc.text(),
            "anonymous": self.anonymous.isChecked(), "summary": self.summary.toPlainText(),
            "respondent_name": self.respondent_name.text(), "respondent_position": self.respondent_position.text(),
            "respondent_body": self.respondent_body.text(), "cases": [row.values() for row in self.case_rows],
            "in_competence": self.in_competence.isChecked(), "direction": self.direction.currentData(),
            "direction_body": self.direction_body.text(), "direction_doc": self.direction_doc.text(),
            "refusal_ground": self.refusal_ground.currentData(), "documents": self.documents.toPlainText(),
            "citizen_uuid": self._citizen_uuid, "attached": self.returning.attached_cases(),
        }

    def load(self, values: dict[str, Any]) -> None:
        self._loading = True
        try:
            for combo, key in ((self.mode, "mode"), (self.id_type, "id_type"), (self.gender, "gender"),
                               (self.channel, "channel"), (self.came_as, "came_as"),
                               (self.letter_channel, "letter_channel"), (self.direction, "direction"),
                               (self.refusal_ground, "refusal_ground")):
                _select(combo, values.get(key))
            for field in ("id_number", "full_name", "birth_year", "address", "phone", "representatives",
                          "proof_paper", "sender_body", "forward_doc", "respondent_name", "respondent_position",
                          "respondent_body", "direction_body", "direction_doc"):
                getattr(self, field).setText(values.get(field) or "")
            self.summary.setPlainText(values.get("summary") or "")
            self.documents.setPlainText(values.get("documents") or "")
            day = QDate.fromString(values.get("date") or "", Qt.DateFormat.ISODate)
            if day.isValid():
                self.visit_date.setDate(day)
            self.headcount.setValue(int(values.get("headcount") or 1))
            self.anonymous.setChecked(bool(values.get("anonymous")))
            self.in_competence.setChecked(values.get("in_competence", True))
            while len(self.case_rows) > 1:
                self._remove_case_row(self.case_rows[-1])
            for index, case_values in enumerate(values.get("cases") or [{}]):
                row = self.case_rows[0] if index == 0 else self._add_case_row()
                row.load(case_values)
            self._citizen_uuid = values.get("citizen_uuid")
        finally:
            self._loading = False
        self._apply_mode()
        self._apply_direction()
        self._apply_headcount()

    def _draft_store(self) -> DraftStore | None:
        session = self.desk.context.session
        if session is None:
            return None
        if self._drafts is None:
            self._drafts = DraftStore(paths.drafts_dir(), session, self.desk.context.settings.commune_code)
        return self._drafts

    def _is_blank(self) -> bool:
        typed = self.values()
        return not any(typed[k] for k in ("id_number", "full_name", "address", "phone", "summary", "documents",
                                           "representatives", "respondent_name", "direction_body"))

    def keep_draft(self) -> None:
        """Keep what is typed (sealed) so that closing, locking or a lost desk file loses nothing."""
        self._draft_timer.stop()
        store = self._draft_store()
        if store is None:
            return
        if self._is_blank():
            store.discard(DRAFT_FORM)
        else:
            store.save(DRAFT_FORM, self.values())

    # -- screen API ----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.desk.context.session is None:
            return
        self._fill_completions()
        self._apply_headcount()
        if not self._draft_checked:
            self._draft_checked = True
            self.visit_date.setDate(self._today())
            draft = self._draft_store().load(DRAFT_FORM)
            if draft:
                self.load(draft)
                self.message.setText(self.tr("An unsaved form was restored from its draft."))
        self.visit_date.setMaximumDate(self._today())
        self.refresh_today()
        self.id_number.setFocus()

    def _today(self) -> QDate:
        today = self.desk.context.today()
        return QDate(today.year, today.month, today.day)

    def _fill_completions(self) -> None:
        settings = self.desk.context.settings
        places = QStringListModel(address_completions(settings.commune_code, settings.villages), self)
        completer = QCompleter(places, self.address)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.address.setCompleter(completer)

    def refresh_today(self) -> None:
        today = self.desk.context.today().isoformat()
        ids = self.desk.logbook.visit_ids(ListRequest(filters={"date_from": today, "date_to": today}))
        self.today_model.set_ids(ids)
        self.today_label.setText(self.tr("Today's visits: %n", "", len(ids)))

    def clear(self) -> None:
        """The desk was locked: keep the form as a draft, then show nothing."""
        self._drafts = None
        self._draft_checked = False
        self._reset_form()
        self.today_model.set_ids([])
        self.returning.clear()
        self.message.clear()

    def close_screen(self) -> None:
        """Stop the timers (the window is closing, or the desk file with it)."""
        self._lookup_timer.stop()
        self._draft_timer.stop()
        self.close()

    def start_new(self) -> None:
        """An empty form for the next citizen (Ctrl+N); the previous draft is dropped."""
        self._reset_form()
        store = self._draft_store()
        if store is not None:
            store.discard(DRAFT_FORM)
        self.message.clear()
        self.id_number.setFocus()

    def _reset_form(self) -> None:
        mode = self.mode.currentData()
        self.load({"mode": mode, "date": self._today().toString(Qt.DateFormat.ISODate)
                   if self.desk.context.session else None, "channel": Channel.IN_PERSON.value,
                   "came_as": CameAs.SELF.value, "id_type": IdPaperType.CITIZEN_ID.value})
        self.returning.clear()
        self.address_hint.hide()
        self._citizen_uuid = None

    # -- saving --------------------------------------------------------------------------------
    def _citizen_draft(self) -> CitizenDraft:
        paper = self.id_type.currentData() if self.id_number.text().strip() else IdPaperType.NONE.value
        return CitizenDraft(self.full_name.text(), id_type=paper,
                            id_number=self.id_number.text() or None, birth_year=self.birth_year.text() or None,
                            gender=self.gender.currentData(), phone=self.phone.text() or None,
                            address=self.address.text())

    def _direction_draft(self) -> DirectionDraft:
        return DirectionDraft(self.direction.currentData(), self.direction_body.text(), self.direction_doc.text(),
                              self.refusal_ground.currentData(), self.in_competence.isChecked())

    def _respondent(self) -> dict[str, str]:
        return {"respondent_name": self.respondent_name.text(), "respondent_position": self.respondent_position.text(),
                "respondent_body": self.respondent_body.text()}

    def _documents(self) -> list[str]:
        return [line.strip() for line in self.documents.toPlainText().splitlines() if line.strip()]

    def save(self) -> bool:
        """Save the visit or letter whole (Ctrl+S); a problem names the field and puts the cursor there."""
        summary = self.summary.toPlainText()
        attached = self.returning.attached_cases()
        cases = [row.draft(summary, self._respondent() if i == 0 else {}) for i, row in enumerate(self.case_rows)]
        day = date.fromisoformat(self.visit_date.date().toString(Qt.DateFormat.ISODate))
        try:
            if self.mode.currentData() == LETTER:
                result = self.desk.intake.register_letter(LetterDraft(
                    day, summary, channel=self.letter_channel.currentData(),
                    citizen=None if self.anonymous.isChecked() else self._citizen_draft(),
                    citizen_uuid=None if self.anonymous.isChecked() else self._citizen_uuid,
                    sender_body=self.sender_body.text(), forward_doc=self.forward_doc.text(),
                    direction=self._direction_draft(), new_case=None if attached else cases[0],
                    case_uuid=attached[0] if attached else None, documents=self._documents()))
                number = f"{result.letter_no}/{result.year}"
                done = self.tr("Letter no. {number} registered.")
            else:
                result = self.desk.intake.register_visit(VisitDraft(
                    day, self._citizen_draft(), summary, self._direction_draft(), citizen_uuid=self._citizen_uuid,
                    came_as=self.came_as.currentData(), proof_paper=self.proof_paper.text(),
                    channel=self.channel.currentData(), headcount=self.headcount.value(),
                    representatives=[n.strip() for n in self.representatives.text().split(";") if n.strip()],
                    new_cases=[] if attached and not self._has_new_matter() else cases, case_uuids=attached,
                    documents=self._documents()))
                number = f"{result.logbook_no}/{result.year}"
                done = self.tr("Visit no. {number} saved in the logbook.")
            visit_uuid = result.uuid if self.mode.currentData() != LETTER else None
        except UserError as error:
            self._show_problems(error)
            return False
        warnings = "\n".join(p.render(self._lang) for p in result.warnings)
        direction = self.direction.currentData() if visit_uuid is not None else None
        self.print_kind = ("receipt" if visit_uuid and self._documents() else
                           {Direction.REFUSED: "refusal_notice", Direction.GUIDED: "guidance_letter"}.get(direction))
        self.receipt_visit = visit_uuid if self.print_kind else None
        if self.print_kind == "receipt":
            done += "\n" + self.tr("Ctrl+P prints the receipt for the documents handed in.")
        elif self.print_kind == "refusal_notice":
            done += "\n" + self.tr("Ctrl+P prints the notice refusing the reception.")
        elif self.print_kind == "guidance_letter":
            done += "\n" + self.tr("Ctrl+P prints the letter guiding the citizen to the competent body.")
        self._reset_form()
        self._draft_store().discard(DRAFT_FORM)
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(done.format(number=number) + (f"\n{warnings}" if warnings else ""))
        self.refresh_today()
        self.id_number.setFocus()
        return True

    def print_receipt(self) -> None:
        """The paper of the visit just saved (Ctrl+P): its receipt (Mẫu 02/TCD), its refusal notice (Mẫu 01/TCD) or
        the letter guiding the citizen."""
        if self.receipt_visit is None or self.print_kind is None:
            return
        try:
            draft = getattr(self.desk.paperwork, self.print_kind)(self.receipt_visit)
            dialog = DocumentDialog(self.desk, draft, self._lang, self)
        except UserError as error:
            self._show_problems(error)
            return
        dialog.open()

    def _has_new_matter(self) -> bool:
        """With a case attached, the classification rows count only if something was chosen in them."""
        return any(row.summary.text().strip() for row in self.case_rows)

    def _show_problems(self, error: UserError) -> None:
        """The problems in the form's order (a matter's summary left blank is the content's own problem);
        the cursor goes to the first one."""
        problems = [p for p in error.problems if not (
            p.field == "case_summary" and any(q.field == "summary" for q in error.problems))]

        def widget_of(problem):
            widget = getattr(self, FIELD_WIDGETS.get(problem.field or "", ""), None)
            return widget if widget is not None and widget.isEnabled() and widget in self._tab_order else None

        def position(problem) -> int:
            widget = widget_of(problem)
            return self._tab_order.index(widget) if widget is not None else len(self._tab_order)

        problems.sort(key=position)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText("\n".join(p.render(self._lang) for p in problems))
        widget = widget_of(problems[0]) if problems else None
        if widget is not None:
            widget.setFocus()
            self.scroll.ensureWidgetVisible(widget)
            if isinstance(widget, QLineEdit):
                widget.selectAll()
