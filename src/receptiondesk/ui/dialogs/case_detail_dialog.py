"""One case: its fields, its whole history as a timeline (oldest first) and the documents handed in, where a
scanned letter can be attached and a stored file saved back out."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.errors import UserError
from receptiondesk.messages import enum_label, field_label
from receptiondesk.services.case_history import TimelineEntry
from receptiondesk.services.cases import ATTACHMENT_KINDS
from receptiondesk.services.desk import Desk
from receptiondesk.ui.dialogs.document_dialog import DocumentDialog
from receptiondesk.ui.models.case_table_model import OPEN_STATUSES, respondent_text, short_date
from receptiondesk.ui.widgets.compact_combo import compact

SCAN_FILTER = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff"
#: Which widget a problem's field names, for moving the cursor there.
FIELD_WIDGETS = {"attachment_title": "doc_title", "attachment_kind": "doc_kind", "attachment_pages": "doc_pages",
                 "attachment_file": "doc_file", "attachment": "documents"}
#: Facts of a timeline entry that are enumerated values, with the kind their labels are filed under.
FACT_ENUMS = {"content_type": "content_type", "status": "case_status", "direction": "direction",
              "reception_kind": "reception_kind", "channel": "channel", "letter_channel": "letter_channel",
              "session_kind": "session_kind", "session_status": "session_status", "leader_role": "leader_role",
              "conclusion_kind": "conclusion_kind", "told_how": "told_how", "kind": "attachment_kind"}


def _when(value: str) -> str:
    """dd/mm/yyyy for a date, dd/mm/yyyy hh:mm for a timestamp."""
    if not value:
        return ""
    if len(value) <= 10:
        return short_date(value)
    return datetime.fromisoformat(value).strftime("%d/%m/%Y %H:%M")


def _size(size: int | None) -> str:
    if not size:
        return ""
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} KB"


class CaseDetailDialog(QDialog):
    """Read-only facts on the left, the timeline on the right, the documents below it."""

    def __init__(self, desk: Desk, case_uuid: str, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.case_uuid = case_uuid
        self._lang = lang
        self.case = desk.cases.get(case_uuid)  # a UserError (not found, not permitted) reaches the caller
        self._field_names = {f["code"]: (f["name_en"] if lang == "en" and f["name_en"] else f["name_vi"])
                             for f in desk.setup.fields(include_inactive=True)}
        self.timeline_entries: list[TimelineEntry] = []
        self.document_rows: list[dict[str, Any]] = []
        self.setWindowTitle(self.tr("Case received on {date}").format(date=short_date(self.case["received_on"])))
        self.resize(1040, 560)
        self._build()
        self.reload()

    def issue_transfer_slip(self) -> DocumentDialog | None:
        """The transfer slip of a transferred case (a protected sender never named on it): edit, issue, print."""
        try:
            dialog = DocumentDialog(self.desk, self.desk.paperwork.transfer_slip(self.case_uuid), self._lang, self)
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), error.render(self._lang))
            return None
        dialog.open()
        return dialog

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)

        self.facts = QFormLayout()
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        facts_widget = QWidget()
        facts_widget.setLayout(self.facts)
        facts_scroll = QScrollArea()
        facts_scroll.setWidgetResizable(True)
        facts_scroll.setWidget(facts_widget)
        facts_scroll.setMinimumWidth(260)

        self.timeline = QTextBrowser()
        self.timeline.setOpenLinks(False)
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        self.history_label = QLabel(self.tr("History (oldest first)"))
        self.history_label.setBuddy(self.timeline)
        history_layout.addWidget(self.history_label)
        history_layout.addWidget(self.timeline, 1)
        history_layout.addWidget(self._documents_box())

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(facts_scroll)
        self.splitter.addWidget(history)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 740])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.transfer_button = buttons.addButton(self.tr("Transfer slip…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.transfer_button.setToolTip(self.tr("The slip that sends this case to the body it was transferred to"))
        self.transfer_button.clicked.connect(self.issue_transfer_slip)
        self.transfer_button.setVisible(self.case.get("direction") == "transferred")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(buttons)
        # Enter in the document form attaches the file: no button may take it as the dialog's default (Esc closes).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self.save_copy())

    def _documents_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Documents handed in"))
        self.documents = QTableWidget(0, 4)
        self.documents.setHorizontalHeaderLabels(
            [field_label("attachment_title", self._lang), field_label("attachment_pages", self._lang),
             self.tr("Original or copy"), self.tr("Scanned file")])
        self.documents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documents.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.documents.verticalHeader().setVisible(False)
        self.documents.setWordWrap(False)
        header = self.documents.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 70), (2, 124), (3, 180)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.documents.setColumnWidth(column, width)
        self.documents.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.documents.setMaximumHeight(4 * (self.fontMetrics().height() + 6) + 4)
        self.documents.itemActivated.connect(lambda _item: self.save_copy())

        self.doc_title = QLineEdit()
        self.doc_title.setPlaceholderText(self.tr("e.g. Complaint letter dated 05/02/2026"))
        self.doc_kind = compact(QComboBox(), 12)
        for kind in ATTACHMENT_KINDS:
            self.doc_kind.addItem(enum_label("attachment_kind", kind, self._lang), kind)
        self.doc_pages = QSpinBox()
        self.doc_pages.setRange(1, 9999)
        self.doc_file = QLineEdit()
        self.doc_file.setPlaceholderText(self.tr("PDF, JPEG, PNG or TIFF, at most 20 MB"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        self.attach_button = QPushButton(self.tr("Attach"))
        self.attach_button.clicked.connect(self.attach)
        self.doc_title.returnPressed.connect(self.attach)
        self.doc_file.returnPressed.connect(self.attach)
        self.save_button = QPushButton(self.tr("Save a copy…"))
        self.save_button.setToolTip(self.tr("Save the selected document's scanned file (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save_copy())
        self.doc_message = QLabel()
        self.doc_message.setWordWrap(True)
        self.doc_message.hide()

        form = QGridLayout()
        form.setHorizontalSpacing(6)
        form.setVerticalSpacing(4)
        form.addWidget(self._label(field_label("attachment_title", self._lang), self.doc_title), 0, 0)
        form.addWidget(self.doc_title, 0, 1)
        form.addWidget(self._label(field_label("attachment_kind", self._lang), self.doc_kind), 0, 2)
        form.addWidget(self.doc_kind, 0, 3)
        form.addWidget(self._label(field_label("attachment_pages", self._lang), self.doc_pages), 0, 4)
        form.addWidget(self.doc_pages, 0, 5)
        form.addWidget(self._label(field_label("attachment_file", self._lang), self.doc_file), 1, 0)
        form.addWidget(self.doc_file, 1, 1)
        form.addWidget(self.browse_button, 1, 2)
        form.addWidget(self.attach_button, 1, 3)
        form.addWidget(self.save_button, 1, 4, 1, 2)
        form.setColumnStretch(1, 1)

        layout = QVBoxLayout(box)
        layout.addWidget(self.documents)
        layout.addLayout(form)
        layout.addWidget(self.doc_message)
        QWidget.setTabOrder(self.documents, self.doc_title)
        QWidget.setTabOrder(self.doc_title, self.doc_kind)
        QWidget.setTabOrder(self.doc_kind, self.doc_pages)
        QWidget.setTabOrder(self.doc_pages, self.doc_file)
        QWidget.setTabOrder(self.doc_file, self.browse_button)
        QWidget.setTabOrder(self.browse_button, self.attach_button)
        QWidget.setTabOrder(self.attach_button, self.save_button)
        return box

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # -- content -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the case, its timeline and its documents again."""
        self.case = self.desk.cases.get(self.case_uuid)
        self.timeline_entries = self.desk.case_history.timeline(self.case_uuid)
        self.document_rows = self.desk.cases.documents(self.case_uuid)
        self._show_case()
        self.timeline.setHtml(self._timeline_html())
        self._show_documents()

    def _field_name(self, code: str | None) -> str:
        return self._field_names.get(code or "", code or "")

    def _show_case(self) -> None:
        case, lang = self.case, self._lang
        self.heading.setText(f"{enum_label('content_type', case['content_type'], lang)} — "
                             f"{self._field_name(case['field_code'])}: {case['summary'].splitlines()[0]}")
        while self.facts.rowCount():
            self.facts.removeRow(0)
        source = {"visit": self.tr("at a visit"), "letter": self.tr("by letter"),
                  "import": self.tr("imported")}.get(case["source"], case["source"])
        self._fact(self.tr("Received"), f"{short_date(case['received_on'])} ({source})")
        self._fact(field_label("status", lang), enum_label("case_status", case["status"], lang))
        overdue = (case["status"] in OPEN_STATUSES and case["due_date"]
                   and case["due_date"] < self.desk.context.today().isoformat())
        if case["due_date"]:
            due = short_date(case["due_date"]) + (" — " + self.tr("overdue") if overdue else "")
            self._fact(field_label("deadline", lang), due, alert=bool(overdue))
        self._fact(field_label("content_type", lang), enum_label("content_type", case["content_type"], lang))
        self._fact(field_label("field_code", lang), self._field_name(case["field_code"]))
        self._fact(field_label("citizen", lang), case["citizen_name"] or self.tr("(no name given)"))
        self._fact(field_label("case_summary", lang), case["summary"])
        if respondent_text(case):
            self._fact(self.tr("Respondent"), respondent_text(case))
        self._fact(self.tr("Competence"), self.tr("In competence") if case["in_competence"]
                   else self.tr("Not in competence"))
        if case["direction"]:
            direction = enum_label("direction", case["direction"], lang)
            details = "; ".join(p for p in (case["direction_body"], case["direction_doc"]) if p)
            self._fact(field_label("direction", lang), f"{direction}: {details}" if details else direction)
        flags = [name for name, on in ((self.tr("bypassing levels"), case["flag_bypass"]),
                                       (self.tr("long-running"), case["flag_long_running"]),
                                       (self.tr("complex"), case["flag_complex"]),
                                       (self.tr("needs verification"), case["needs_verification"])) if on]
        if flags:
            self._fact(self.tr("Flags"), ", ".join(flags))
        if case["confidential"]:
            self._fact(self.tr("Confidential"), self.tr("yes"))
        if case["conclusion"] or case["concluded_on"]:
            self._fact(field_label("conclusion", lang),
                       " — ".join(p for p in (short_date(case["concluded_on"]), case["conclusion"]) if p))
        if case["informed_on"]:
            self._fact(self.tr("Citizen informed"), short_date(case["informed_on"]))
        if case["closed_on"]:
            self._fact(self.tr("Closed"), " — ".join(p for p in (short_date(case["closed_on"]),
                                                                 case["closed_reason"]) if p))
        self._fact(self.tr("Visits"), str(case["visit_count"]))
        if case["voided"]:
            self._fact(self.tr("Voided"), case["void_reason"] or "", alert=True)

    def _fact(self, label: str, value: str, *, alert: bool = False) -> None:
        text = QLabel(value)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if alert:
            text.setStyleSheet("color: #b00020; font-weight: bold;")
        name = QLabel(label)
        name.setStyleSheet("color: #555;")
        self.facts.addRow(name, text)

    # -- the timeline --------------------------------------------------------------------------
    def _kind_title(self, entry: TimelineEntry) -> str:
        facts = entry.facts
        if entry.kind == "status":
            return {"concluded": self.tr("Concluded"), "informed": self.tr("Citizen informed of the result"),
                    "closed": self.tr("Closed"), "in_progress": self.tr("Being handled")}.get(
                facts.get("status"), enum_label("case_status", facts.get("status"), self._lang))
        if entry.kind == "void":
            what = {"case": self.tr("the case"), "visit": self.tr("a visit"), "letter": self.tr("a letter"),
                    "assignment": self.tr("an assignment"), "attachment": self.tr("a document")}.get(
                facts.get("record_kind"), facts.get("record_kind", ""))
            label = facts.get("label")
            return self.tr("Voided: {what}").format(what=f"{what} ({label})" if label else what)
        titles = {
            "received": self.tr("Case received"), "visit": self.tr("Visit"), "letter": self.tr("Letter received"),
            "direction": self.tr("Handled"), "classify": self.tr("Classification corrected"),
            "session": self.tr("Heard at a leader's session"), "assignment": self.tr("Assigned"),
            "assignment_result": self.tr("Result reported"), "citizen_told": self.tr("Citizen told of the result"),
            "attachment": self.tr("Document attached"), "file_opened": self.tr("Scanned file opened"),
        }
        title = titles.get(entry.kind, entry.kind)
        if entry.kind == "visit":
            number = self.tr("logbook no. {number}").format(number=facts.get("logbook_no", ""))
            repeat = self.tr("first time") if facts.get("first_time") else self.tr("repeat visit")
            return f"{title} ({number}, {repeat})"
        if entry.kind == "letter":
            number = self.tr("register no. {number}").format(number=facts.get("letter_no", ""))
            return f"{title} ({number})"
        return title

    def _value(self, name: str, value: Any) -> str:
        if name in FACT_ENUMS:
            return enum_label(FACT_ENUMS[name], str(value), self._lang)
        if name == "field_code":
            return self._field_name(value)
        if name in ("deadline", "due_date"):
            return short_date(value)
        if name == "file_size":
            return _size(value)
        if name == "mime_type":
            return str(value).split("/")[-1].upper()
        if isinstance(value, bool) or name.startswith("flag_") or name == "needs_verification":
            return self.tr("yes") if value else self.tr("no")
        return str(value)

    def _fact_lines(self, entry: TimelineEntry) -> list[str]:
        """`Label: value` lines of an entry's facts (those the title does not already say)."""
        facts, lang = dict(entry.facts), self._lang
        for shown in ("logbook_no", "letter_no", "first_time", "record_kind", "label"):
            facts.pop(shown, None)
        if entry.kind == "status":
            facts.pop("status", None)
        lines: list[str] = []
        direction = facts.pop("direction", None)
        body, doc = facts.pop("direction_body", None), facts.pop("direction_doc", None)
        if direction:
            details = "; ".join(p for p in (body, doc) if p)
            label = enum_label("direction", direction, lang)
            lines.append(f"{field_label('direction', lang)}: {label}" + (f" — {details}" if details else ""))
        delegate = facts.pop("delegate_name", None)
        if "leader_name" in facts:
            leader = facts.pop("leader_name")
            role = enum_label("leader_role", facts.pop("leader_role", ""), lang)
            text = f"{leader} ({role})" if role else leader
            if delegate:
                text = self.tr("{deputy}, delegated by {leader}").format(deputy=delegate, leader=text)
            lines.append(f"{field_label('leader_name', lang)}: {text}")
        labels = {"respondent": self.tr("Respondent"), "source": self.tr("Source"), "full_name": self.tr("Visitor"),
                  "reception_kind": self.tr("Reception"),
                  "headcount": field_label("headcount", lang), "title": field_label("attachment_title", lang),
                  "pages": field_label("attachment_pages", lang), "mime_type": self.tr("File type"),
                  "file_size": self.tr("File size"), "kind": field_label("attachment_kind", lang),
                  "session_status": field_label("status", lang), "letter_channel": field_label("letter_channel", lang),
                  "sender_body": field_label("sender_body", lang), "forward_doc": self.tr("Forwarding document"),
                  "due_date": field_label("deadline", lang), "flag_bypass": self.tr("Bypassing levels"),
                  "flag_long_running": self.tr("Long-running"), "flag_complex": self.tr("Complex"),
                  "needs_verification": self.tr("Needs verification"), "summary": field_label("case_summary", lang),
                  "respondent_name": self.tr("Respondent"), "respondent_position": self.tr("Respondent's position"),
                  "respondent_body": self.tr("Respondent's body")}
        sources = {"visit": self.tr("at a visit"), "letter": self.tr("by letter"), "import": self.tr("imported")}
        for name, value in facts.items():
            if name == "source":
                lines.append(f"{labels['source']}: {sources.get(value, value)}")
                continue
            label = labels.get(name) or field_label(name, lang)
            lines.append(f"{label}: {self._value(name, value)}")
        return lines

    def _recorded(self, entry: TimelineEntry) -> str:
        if entry.actor and entry.recorded_at:
            return self.tr("recorded by {actor}, {when}").format(actor=entry.actor, when=_when(entry.recorded_at))
        if entry.actor:
            return self.tr("recorded by {actor}").format(actor=entry.actor)
        return self.tr("record of unit {unit}").format(unit=entry.unit_code)

    def entry_text(self, entry: TimelineEntry) -> str:
        """An entry as plain text lines (what the timeline shows, without formatting)."""
        lines = [f"{_when(entry.at)} — {self._kind_title(entry)} · {self._recorded(entry)}"]
        if entry.text:
            lines.append(entry.text)
        lines.extend(self._fact_lines(entry))
        return "\n".join(lines)

    def _timeline_html(self) -> str:
        if not self.timeline_entries:
            nothing = self.tr("Nothing recorded yet.")
            return f"<p>{html.escape(nothing)}</p>"
        parts = []
        for entry in self.timeline_entries:
            colour = "#b00020" if entry.kind == "void" else "#0b3d91"
            head = (f"<b>{html.escape(_when(entry.at))}</b> — <b style='color:{colour}'>"
                    f"{html.escape(self._kind_title(entry))}</b> "
                    f"<span style='color:#666'>· {html.escape(self._recorded(entry))}</span>")
            body = [html.escape(line) for line in entry.text.splitlines() if line] if entry.text else []
            facts = self._fact_lines(entry)
            if facts:
                body.append("<span style='color:#444'>" + " · ".join(html.escape(line) for line in facts)
                            + "</span>")
            parts.append("<p style='margin-top:2px; margin-bottom:6px'>" + "<br/>".join([head, *body]) + "</p>")
        return "".join(parts)

    # -- documents -----------------------------------------------------------------------------
    def _show_documents(self) -> None:
        self.documents.setRowCount(len(self.document_rows))
        for row, document in enumerate(self.document_rows):
            voided = self.tr("voided")
            title = document["title"] + (f" ({voided})" if document["voided"] else "")
            file_text = ""
            if document["sealed"] is not None:
                kind = document["mime_type"].split("/")[-1].upper()
                file_text = f"{kind}, {_size(document['file_size'])}"
                if document["sealed"]:
                    file_text += " — " + self.tr("sealed")
            cells = (title, str(document["pages"]),
                     self.tr("Original") if document["original"] else self.tr("Copy"), file_text)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.documents.setItem(row, column, item)

    def _message(self, text: str, *, error: bool) -> None:
        self.doc_message.setText(text)
        self.doc_message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.doc_message.setVisible(bool(text))

    def _show_error(self, error: UserError) -> None:
        self._message(error.render(self._lang), error=True)
        name = FIELD_WIDGETS.get(error.problems[0].field or "")
        if name:
            getattr(self, name).setFocus()

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the scanned file"), "",
                                              self.tr("Scans ({patterns});;All files (*)").format(
                                                  patterns=SCAN_FILTER))
        if path:
            self.doc_file.setText(path)
            self.attach_button.setFocus()

    def attach(self) -> str | None:
        """Store the chosen file with a new document of the case; problems are shown and nothing is saved."""
        path = self.doc_file.text().strip()
        if not path:
            self._message(self.tr("{field}: choose the scanned file first.").format(
                field=field_label("attachment_file", self._lang)), error=True)
            self.doc_file.setFocus()
            return None
        try:
            uuid = self.desk.cases.attach_file(self.case_uuid, Path(path), self.doc_title.text(),
                                               self.doc_kind.currentData(), pages=self.doc_pages.value())
        except UserError as error:
            self._show_error(error)
            return None
        name = Path(path).name
        self.doc_title.clear()
        self.doc_file.clear()
        self.doc_pages.setValue(1)
        self.doc_kind.setCurrentIndex(0)
        self.reload()
        self._message(self.tr("“{name}” was attached.").format(name=name), error=False)
        self.documents.selectRow(len(self.document_rows) - 1)
        self.doc_title.setFocus()
        return uuid

    def selected_document(self) -> dict[str, Any] | None:
        row = self.documents.currentRow()
        return self.document_rows[row] if 0 <= row < len(self.document_rows) else None

    def save_copy(self, target: Path | None = None) -> Path | None:
        """Write the selected document's file where the user chooses (opening a protected case's file is audited
        by the service)."""
        document = self.selected_document()
        if document is None or document["sealed"] is None:
            self._message(self.tr("Select a document that has a scanned file."), error=True)
            self.documents.setFocus()
            return None
        try:
            name, content = self.desk.cases.open_file(document["uuid"])
        except UserError as error:
            self._show_error(error)
            return None
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy of the scanned file"), name)
            if not chosen:
                return None
            target = Path(chosen)
        try:
            Path(target).write_bytes(content)
        except OSError as exc:
            self._message(self.tr("The file could not be written: {reason}").format(
                reason=exc.strerror or str(exc)), error=True)
            return None
        self._message(self.tr("Saved to {path}").format(path=str(target)), error=False)
        return Path(target)

    def close_dialog(self) -> None:
        """Close at once (the desk was locked or the screen closes)."""
        self.done(QDialog.DialogCode.Rejected)
