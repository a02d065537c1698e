"""Restoring a backup: the list of backups with their date and counts, the last numbers used, and the restore
itself off the GUI thread. Signed in, the desk's key opens the backups; when the desk file cannot be opened, the
recovery key does (the damaged file is kept aside as it is).

The texts come from the message catalogue (`messages/backups.py`, Vietnamese and English), like the services'
messages the dialog shows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.errors import UserError
from receptiondesk.messages import text
from receptiondesk.services.backups import (
    BackupInfo,
    RestoreNumbers,
    RestoreResult,
    inspect_backup,
    list_backup_files,
    restore_with_recovery_key,
)
from receptiondesk.services.desk import Desk
from receptiondesk.storage import backup_files

log = logging.getLogger(__name__)


class _Task(QThread):
    """One call off the GUI thread; `done` carries its result, `failed` the UserError (or None after a bug)."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, call: Callable[[], Any], parent=None) -> None:
        super().__init__(parent)
        self._call = call

    def run(self) -> None:
        try:
            result = self._call()
        except UserError as error:
            self.failed.emit(error)
            return
        except Exception:  # a bug: logged with its traceback, shown as the generic message
            log.exception("restore task failed")
            self.failed.emit(None)
            return
        self.done.emit(result)


def _date(created_at: str) -> str:
    return datetime.fromisoformat(created_at).strftime("%d/%m/%Y %H:%M") if created_at else "?"


def parse_documents(typed: str, year: int) -> dict[tuple[str, str, int], int]:
    """'UBND:TB=12, ĐU:TB:2025=3' as {(issuer, type, year): last}; the year defaults to `year`."""
    documents: dict[tuple[str, str, int], int] = {}
    for spec in (part.strip() for part in typed.replace(";", ",").split(",")):
        if not spec:
            continue
        register, _, number = spec.rpartition("=")
        parts = [p.strip() for p in register.split(":")]
        try:
            if len(parts) not in (2, 3) or not all(parts):
                raise ValueError(spec)
            documents[(parts[0], parts[1], int(parts[2]) if len(parts) == 3 else year)] = int(number)
        except ValueError:
            raise UserError("backup.bad_document_register", value=spec) from None
    return documents


class RestoreDialog(QDialog):
    """Pick a backup, say which numbers were used last, restore. `result_` holds the RestoreResult once done."""

    restored = Signal(object)

    def __init__(self, lang: str = "vi", parent=None, *, desk: Desk | None = None,
                 database_path: Path | None = None, problem: str = "") -> None:
        super().__init__(parent)
        if desk is None and database_path is None:
            raise ValueError("a desk or the path of its file is needed")
        self._lang = lang
        self._desk = desk
        self._database_path = Path(database_path) if database_path else desk.context.database.path
        self._task: _Task | None = None
        self._infos: list[BackupInfo] = []
        self.result_: RestoreResult | None = None
        self.setWindowTitle(text("ui.restore.title", lang))
        self.setMinimumWidth(720)
        intro = QLabel("\n\n".join(filter(None, [problem, text(
            "ui.restore.intro" if desk is not None else "ui.restore.intro_recovery", lang)])))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([text(f"ui.restore.col_{c}", lang)
                                              for c in ("date", "kind", "counts", "folder")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.choose_file = QPushButton(text("ui.restore.choose_file", lang))
        self.choose_file.clicked.connect(self._choose_file)
        self.recovery_key = QLineEdit()
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        numbers = QWidget()
        form = QFormLayout(numbers)
        if desk is None:
            form.addRow(text("ui.restore.recovery_key", lang), self.recovery_key)
        else:
            self.recovery_key.hide()
        numbers_intro = QLabel(text("ui.restore.numbers", lang))
        numbers_intro.setWordWrap(True)
        form.addRow(numbers_intro)
        self.last_logbook, self.last_letter, self.last_package = QLineEdit(), QLineEdit(), QLineEdit()
        for field, label in ((self.last_logbook, "last_logbook"), (self.last_letter, "last_letter"),
                             (self.last_package, "last_package")):
            field.setValidator(QIntValidator(0, 999_999, field))
            form.addRow(text(f"ui.restore.{label}", lang), field)
        self.last_documents = QLineEdit()
        self.last_documents.setPlaceholderText("UBND:TB=12, ĐU:TB=3")
        form.addRow(text("ui.restore.last_documents", lang), self.last_documents)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(text("ui.restore.restore", lang),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(text("ui.restore.cancel", lang),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.start_restore)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.choose_file, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(numbers)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.reload()

    # -- the list ------------------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            if self._desk is not None:
                self._infos = self._desk.backups.list_backups()
            else:
                self._infos = list_backup_files(self._database_path.parent)
        except UserError as error:
            self._infos = []
            self.message.setText(error.render(self._lang))
        self._fill()
        if not self._infos:
            self.message.setText(text("ui.restore.none", self._lang))

    def _fill(self) -> None:
        lang = self._lang
        self.table.setRowCount(len(self._infos))
        for row, info in enumerate(self._infos):
            if info.problem is not None:
                counts = info.problem.render(lang)
            elif info.metadata is not None:
                counts = text("ui.restore.counts", lang, **{k: f"{info.counts.get(k, 0):,}"
                                                            for k in ("visits", "letters", "cases")})
            else:
                counts = text("ui.restore.counts_unknown", lang)
            cells = [_date(info.created_at), text(f"backup.kind.{info.kind}", lang) if info.kind else "", counts,
                     text(f"ui.restore.folder.{info.folder}", lang)]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(str(info.path))
                if not info.usable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, item)
        usable = [row for row, info in enumerate(self._infos) if info.usable]
        if usable:
            self.table.selectRow(usable[0])

    def backups(self) -> list[BackupInfo]:
        return list(self._infos)

    def select_backup(self, path: Path) -> None:
        """Select the backup at `path`, adding it to the list when it lives elsewhere (a file chosen by hand)."""
        path = Path(path)
        for row, info in enumerate(self._infos):
            if info.path == path:
                self.table.selectRow(row)
                return
        key = self._desk.backups.backup_key() if self._desk is not None else None
        info = inspect_backup(path, key)
        self._infos.insert(0, info)
        self._fill()
        self.table.selectRow(0)
        if info.problem is not None:
            self.message.setText(info.problem.render(self._lang))

    def _choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, text("ui.restore.title", self._lang), "",
                                                text("ui.restore.file_filter", self._lang))
        if chosen:
            self.select_backup(Path(chosen))

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        info = self._infos[rows[0].row()]
        return info if info.usable else None

    def numbers(self) -> RestoreNumbers:
        def number(field: QLineEdit) -> int | None:
            return int(field.text()) if field.text().strip() else None

        return RestoreNumbers(logbook=number(self.last_logbook), letters=number(self.last_letter),
                              package=number(self.last_package),
                              documents=parse_documents(self.last_documents.text(), self._this_year()))

    def _this_year(self) -> int:
        return self._desk.context.today().year if self._desk is not None else datetime.now().year

    # -- restoring -----------------------------------------------------------------------------------
    def confirm(self, info: BackupInfo) -> bool:
        """Ask before replacing the data file (tests answer for the user)."""
        counts = text("ui.restore.counts", self._lang, **{k: f"{info.counts.get(k, 0):,}"
                                                         for k in ("visits", "letters", "cases")})
        answer = QMessageBox.question(self, self.windowTitle(), text(
            "ui.restore.confirm", self._lang, date=_date(info.created_at), counts=counts),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def start_restore(self) -> None:
        if self._task is not None:
            return
        info = self.selected()
        if info is None:
            self.message.setText(text("ui.restore.pick_one", self._lang))
            return
        try:
            numbers = self.numbers()
            for problem in numbers.problems():
                raise problem
        except UserError as error:
            self.message.setText(error.render(self._lang))
            return
        if self._desk is not None:
            if self.confirm(info):
                self._run(lambda: self._desk.backups.prepare_restore(info.path, numbers), self._prepared)
            return
        recovery_key = self.recovery_key.text()

        def opened() -> BackupInfo:
            header = backup_files.read_header(info.path)
            return inspect_backup(info.path, backup_files.key_from_recovery(header, recovery_key), folder=info.folder)

        def restore_it(known: BackupInfo) -> None:
            if known.problem is not None:
                self._failed(known.problem)
            elif self.confirm(known):
                self._run(lambda: restore_with_recovery_key(self._database_path, known.path, recovery_key, numbers),
                          self._finished)

        self._run(opened, restore_it)

    def _run(self, call: Callable[[], Any], then: Callable[[Any], None]) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text("ui.restore.working", self._lang))
        self.restore_button.setEnabled(False)
        self.close_button.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        task = _Task(call, self)
        self._task = task

        def finished(result: Any) -> None:
            self._end_task(task)
            then(result)

        task.done.connect(finished)
        task.failed.connect(lambda error: (self._end_task(task), self._failed(error)))
        task.start()

    def _end_task(self, task: _Task) -> None:
        task.wait()
        if self._task is task:
            self._task = None
        QApplication.restoreOverrideCursor()
        self.restore_button.setEnabled(True)
        self.close_button.setEnabled(True)

    def _failed(self, error: UserError | None) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(error.render(self._lang) if error is not None else text("error.unexpected", self._lang,
                                                                                    log="logs"))

    def _prepared(self, prepared) -> None:
        """Back on the GUI thread, which owns the desk's connection: put the copy in place."""
        try:
            result = self._desk.backups.finish_restore(prepared)
        except UserError as error:
            self._desk.backups.discard(prepared)
            self._failed(error)
            return
        self._finished(result)

    def _finished(self, result: RestoreResult) -> None:
        self.result_ = result
        self.message.setStyleSheet("")
        self.message.setText(text("ui.restore.done", self._lang, date=_date(result.created_at),
                                  epoch=result.restore_epoch))
        self.restored.emit(result)
        self.accept()

    def done(self, code: int) -> None:  # noqa: D401 - Qt's name
        if self._task is not None:  # never close under a running task
            return
        super().done(code)


def offer_restore_at_start(error: UserError, lang: str = "vi", parent=None) -> bool:
    """The desk file could not be opened (damaged, not a desk file): offer to restore a backup with the recovery
    key. True when a backup was restored (open the desk again)."""
    if error.code != "storage.not_a_database":
        return False
    path = error.problems[0].params.get("path")
    if not path:
        return False
    dialog = RestoreDialog(lang, parent, database_path=Path(path), problem=error.render(lang))
    return dialog.exec() == QDialog.DialogCode.Accepted
