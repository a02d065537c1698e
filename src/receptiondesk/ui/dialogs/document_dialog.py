"""A document from draft to paper: the officer edits its text beside a live preview, issues it (number and date
fixed, the PDF kept), then prints it or saves it as PDF."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.errors import UserError
from receptiondesk.services.desk import Desk
from receptiondesk.services.documents import DocumentDraft
from receptiondesk.services.issuing import IssuedDocument, MAX_NUMBER


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


class DocumentDialog(QDialog):
    """Left: what may be edited (each case's conclusion, the recipients) and the number; right: the preview."""

    def __init__(self, desk: Desk, draft: DocumentDraft, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.draft = draft
        self._lang = lang
        self.issued: IssuedDocument | None = None
        self.setWindowTitle(self.tr("Document: {title}").format(title=draft.title))
        self.resize(1060, 580)
        fields = {f.name for f in dataclasses.fields(draft.data)}
        form = QFormLayout()
        self.conclusions: list[QPlainTextEdit] = []
        for position, heard in enumerate(getattr(draft.data, "cases", ()), start=1):
            edit = QPlainTextEdit(heard.conclusion)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
            self.conclusions.append(edit)
            form.addRow(self.tr("Conclusion {n}").format(n=position), edit)
        self.recipients = QPlainTextEdit("\n".join(getattr(draft.data, "recipients", ()) or ()))
        self.recipients.setTabChangesFocus(True)
        self.recipients.setFixedHeight(72)
        self.recipients.setPlaceholderText(self.tr("One recipient per line"))
        if "recipients" in fields:
            form.addRow(self.tr("Recipients"), self.recipients)
        year = desk.context.today().year
        proposed = desk.documents.next_number(draft.doc_type, draft.data.issuer.symbol, year)
        self.proposed = QCheckBox(self.tr("Use the next number ({number})").format(
            number=desk.paperwork.number_text(draft, proposed)))
        self.proposed.setChecked(True)
        self.number = QSpinBox()
        self.number.setRange(1, MAX_NUMBER)
        self.number.setValue(proposed)
        self.number.setEnabled(False)
        self.number.setToolTip(self.tr("The number from the issuer's outgoing register"))
        self.proposed.toggled.connect(lambda on: self.number.setEnabled(not on))
        number_row = QHBoxLayout()
        number_row.addWidget(self.proposed)
        number_row.addWidget(self.number)
        form.addRow(self.tr("Number"), number_row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Update preview (F5)"))
        self.issue_button = QPushButton(self.tr("Issue (Ctrl+Enter)"))
        self.print_button = QPushButton(self.tr("Print (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        for button in (self.print_button, self.save_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        for button in (self.refresh_button, self.issue_button, self.print_button, self.save_button):
            buttons.addWidget(button)
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.addLayout(form)
        editor_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addWidget(self.message)
        left_layout.addLayout(buttons)
        self.pdf = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.view)
        splitter.setSizes([420, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._buffer: QBuffer | None = None
        self.refresh_button.clicked.connect(self.refresh_preview)
        self.issue_button.clicked.connect(self.issue)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh_preview)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.issue)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_document)
        self.refresh_preview()

    # -- editing and preview --------------------------------------------------------------------
    def edited(self) -> DocumentDraft:
        """The draft with the officer's edits."""
        changes = {}
        if self.conclusions:
            changes["cases"] = tuple(dataclasses.replace(heard, conclusion=edit.toPlainText().strip())
                                     for heard, edit in zip(self.draft.data.cases, self.conclusions))
        if "recipients" in {f.name for f in dataclasses.fields(self.draft.data)}:
            changes["recipients"] = _lines(self.recipients)
        return self.draft.edit(**changes)

    def _show_pdf(self, data: bytes) -> None:
        self.pdf.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)

    def refresh_preview(self) -> bool:
        if self.issued is not None:
            return True
        try:
            self._show_pdf(self.desk.paperwork.preview(self.edited()))
        except UserError as error:
            self._problem(error)
            return False
        self.message.clear()
        return True

    def _problem(self, error: UserError) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(error.render(self._lang))

    # -- issuing, printing, saving --------------------------------------------------------------
    def issue(self) -> bool:
        """Fix the number and date and keep the PDF; after this the text can no longer change."""
        if self.issued is not None:
            return True
        number = None if self.proposed.isChecked() else self.number.value()
        try:
            self.issued = self.desk.paperwork.issue(self.edited(), number)
        except UserError as error:
            self._problem(error)
            if any(p.field == "document_number" for p in error.problems):
                self.proposed.setChecked(False)
                self.number.setFocus()
                self.number.selectAll()
            return False
        self._show_pdf(self.issued.pdf)
        for widget in (*self.conclusions, self.recipients, self.proposed, self.number, self.refresh_button,
                       self.issue_button):
            widget.setEnabled(False)
        for button in (self.print_button, self.save_button):
            button.setEnabled(True)
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.tr("Issued as No. {number} on {day}. It can now be printed.").format(
            number=self.issued.number_text, day=self.issued.issued_on.strftime("%d/%m/%Y")))
        self.print_button.setFocus()
        return True

    def print_to(self, printer: QPrinter) -> int:
        """Draw every page of the issued PDF on `printer`; the number of pages printed."""
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        try:
            for page in range(self.pdf.pageCount()):
                if page:
                    printer.newPage()
                target = printer.pageRect(QPrinter.Unit.DevicePixel)
                image = self.pdf.render(page, target.size().toSize())
                painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
        finally:
            painter.end()
        return self.pdf.pageCount()

    def print_document(self) -> None:
        if self.issued is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def save_as(self) -> None:
        if self.issued is None:
            return
        name = self.issued.number_text.replace("/", "-") + ".pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), name, self.tr("PDF files (*.pdf)"))
        if path:
            with open(path, "wb") as out:
                out.write(self.issued.pdf)
