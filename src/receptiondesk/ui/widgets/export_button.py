"""The "Export Excel…" button of the list screens (the logbook, the cases, the sessions, the follow-up): it asks
where to write (an Excel workbook, or CSV by the file type chosen), asks a user allowed to see protected identities
whether to include them (No unless chosen), then writes the list exactly as the screen shows it, on a worker over a
desk of its own, behind a progress dialog whose button stops it; the outcome is said through `reported`. Its save
dialog (`ask_path`) also serves the reports screen's exports, and both remember the folder last written to."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QPushButton, QWidget

from receptiondesk.domain.accounts import Permission
from receptiondesk.errors import UserError
from receptiondesk.services.desk import Desk
from receptiondesk.ui.look import local_shortcut, start_folder
from receptiondesk.ui.workers.desk_task_worker import DeskTaskWorker
from receptiondesk.ui.workers.task_runner import TaskRunner

#: What `reported` says happened: the file was written, the export failed, or it was stopped (no new file).
DONE, FAILED, STOPPED = "done", "failed", "stopped"
#: The style a screen gives its message label for each outcome.
STYLES = {DONE: "color: #1b5e20;", FAILED: "color: #b00020;", STOPPED: "color: #555555;"}
#: The list exports' file formats; the first is the one proposed.
LIST_FORMATS = ("xlsx", "csv")
#: The start of each list's file name (ASCII, as the reports' "BaoCao_…"), followed by the day or the month.
FILE_NAMES = {"logbook": "SoTiepCongDan", "cases": "DanhSachVuViec", "sessions": "KyTiepCongDan",
              "followup": "TheoDoiThucHien"}
#: The lists that name citizens, so may hold protected identities (the leaders' sessions name none).
NAMING_PEOPLE = frozenset({"logbook", "cases", "followup"})
SHORTCUT = "Ctrl+Shift+E"
#: The progress dialog shows only for an export that takes longer than this.
SHOW_AFTER_MS = 400


class ExportButton(QPushButton):
    """Shown to users who may export; `request()` gives the request of the list as the screen shows it (None when
    it shows nothing that can be exported), `expected_rows()` how many rows that is if the screen knows (for the
    progress bar), `file_suffix()` what follows the list's name in the proposed file name (the day by default);
    `hint` says what is written (the tooltip). Ctrl+Shift+E anywhere on the screen does what a click does."""

    #: The outcome (DONE, FAILED or STOPPED) and the sentence to show in the screen's message label.
    reported = Signal(str, str)

    #: The folder the last export of this session went to, proposed first by the next one, on every screen.
    last_folder = ""

    def __init__(self, desk: Desk, list_name: str, request: Callable[[], Any | None], lang: str = "vi", *,
                 parent: QWidget, expected_rows: Callable[[], int | None] | None = None,
                 file_suffix: Callable[[], str] | None = None, hint: str = "") -> None:
        super().__init__(parent)
        self.setText(self.tr("Export Excel…"))
        self._desk = desk
        self._list = list_name
        self._request = request
        self._lang = lang
        self._expected_rows = expected_rows or (lambda: None)
        self._file_suffix = file_suffix or (lambda: desk.context.today().isoformat())
        self._hint = hint or self.tr("Write the list as shown, with its filters and order, to an Excel or CSV file")
        self._available = True
        self._reason = ""
        self._runner = TaskRunner(desk, self)
        self._runner.busy_changed.connect(self._busy_changed)
        self._path: Path | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.clicked.connect(self.export)
        local_shortcut(parent, SHORTCUT, self.export)
        self.apply_permissions()
        self._update()

    # -- state ---------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._runner.busy

    def _may_export(self) -> bool:
        session = self._desk.context.session
        return session is not None and session.user.may(Permission.EXPORT)

    def apply_permissions(self) -> None:
        """Shown only to a user whose role may export."""
        self.setVisible(self._may_export())

    def set_available(self, available: bool, reason: str = "") -> None:
        """Whether what the screen shows can be exported now, and if not, why (the button's tooltip)."""
        self._available = available
        self._reason = reason
        self._update()

    def _update(self) -> None:
        self.setEnabled(self._available and not self.running)
        self.setToolTip(f"{self._hint} ({SHORTCUT})" if self._available or not self._reason else self._reason)

    # -- asking --------------------------------------------------------------------------------
    def suggested_name(self, file_format: str = LIST_FORMATS[0]) -> str:
        """"DanhSachVuViec_2026-03-10.xlsx": the list's name and the day (or the month of the sessions shown)."""
        return f"{FILE_NAMES[self._list]}_{self._file_suffix()}.{file_format}"

    @classmethod
    def ask_path(cls, parent: QWidget, caption: str, name: str,
                 formats: tuple[str, ...] = LIST_FORMATS) -> tuple[Path, str] | None:
        """Ask where to write `name` (in the folder last written to, else Documents); the path and the format, the
        file type chosen winning over the name's suffix when it is not the first one offered (the suffix is then
        made to match). None when the user cancelled."""
        filters = {"xlsx": QCoreApplication.translate("ExportButton", "Excel workbooks (*.xlsx)"),
                   "csv": QCoreApplication.translate("ExportButton", "CSV files (*.csv)"),
                   "pdf": QCoreApplication.translate("ExportButton", "PDF files (*.pdf)")}
        offered = {file_format: filters[file_format] for file_format in formats}
        folder = start_folder(cls.last_folder)
        chosen, selected = QFileDialog.getSaveFileName(parent, caption, str(Path(folder) / name),
                                                       ";;".join(offered.values()), offered[formats[0]])
        if not chosen:
            return None
        path = Path(chosen)
        by_type = next((file_format for file_format, text in offered.items() if text == selected), formats[0])
        typed = path.suffix.lower().removeprefix(".")
        file_format = typed if by_type == formats[0] and typed in formats else by_type
        if typed != file_format:
            stem = path.stem if typed in formats else path.name
            path = path.with_name(f"{stem}.{file_format}")
        ExportButton.last_folder = str(path.parent)
        return path, file_format

    def include_protected(self) -> bool:
        """For a user allowed to see protected identities, on a list that names citizens: include them? No by
        default (and for everyone else)."""
        session = self._desk.context.session
        if self._list not in NAMING_PEOPLE or session is None or not session.user.can_see_protected:
            return False
        answer = QMessageBox.question(
            self.window(), self.tr("Protected identities"),
            self.tr("Write the real names, addresses and ID numbers of protected people (denouncers) in the file?"
                    "\n\nNo: they are written masked, as the list shows them. Yes: the file holds their identities "
                    "and must be kept as a confidential record; the export is recorded in the audit log."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -- exporting -----------------------------------------------------------------------------
    def export(self) -> None:
        """Ask where, then write the list as the screen shows it now (a click, or Ctrl+Shift+E)."""
        if not self._may_export() or not self.isEnabled() or self.running:
            return
        request = self._request()
        if request is None:
            return
        chosen = self.ask_path(self.window(), self.tr("Export the list"), self.suggested_name())
        if chosen is None:
            return
        path, file_format = chosen
        self._start(path, file_format, request, self.include_protected())

    def _start(self, path: Path, file_format: str, request: Any, include_protected: bool) -> None:
        list_name = self._list
        options = {"include_protected": include_protected} if list_name in NAMING_PEOPLE else {}

        def task(worker: DeskTaskWorker, desk: Desk) -> int:
            write = getattr(desk.exports, f"{list_name}_{file_format}")
            return write(path, request, progress=worker.report_progress, cancelled=lambda: worker.cancelled,
                         **options)

        self._path = path
        self._runner.run(task, self._done, self._failed, writes=True, progressed=self._progressed,
                         stopped=self._stopped)
        self._open_progress(path, self._expected_rows())
        self._update()

    def _open_progress(self, path: Path, expected: int | None) -> None:
        dialog = QProgressDialog(self.window())
        dialog.setWindowTitle(self.tr("Export the list"))
        dialog.setLabelText(self.tr("Writing {name}…").format(name=path.name))
        dialog.setCancelButtonText(self.tr("Stop"))
        dialog.setRange(0, expected or 0)  # 0 to 0: busy, the number of rows not known
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setMinimumWidth(420)
        dialog.canceled.connect(self.stop)
        dialog.setValue(0)
        self.progress_dialog = dialog

    def _progressed(self, rows: int) -> None:
        dialog = self.progress_dialog
        if dialog is None or dialog.wasCanceled():
            return
        dialog.setLabelText(self.tr("Writing {name}: %Ln row(s) written", "", rows).format(name=self._path.name))
        if dialog.maximum():
            dialog.setMaximum(max(dialog.maximum(), rows))
            dialog.setValue(rows)

    def _done(self, rows: int) -> None:
        self.reported.emit(DONE, self.tr("%Ln row(s) written to {path}", "", rows).format(path=str(self._path)))

    def _failed(self, error: Exception) -> None:
        if isinstance(error, UserError):
            text = error.render(self._lang)
        else:
            text = self.tr("The list could not be written to {path}: {reason}").format(
                path=str(self._path), reason=str(error) or type(error).__name__)
        self.reported.emit(FAILED, text)

    def _stopped(self) -> None:
        """The export ended without a word: it was stopped and left no new file."""
        self.reported.emit(STOPPED, UserError("spreadsheet.cancelled", file=self._path.name).render(self._lang))

    def _busy_changed(self, running: bool) -> None:
        if not running:
            self._close_progress()
            self._update()

    def _close_progress(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.stop)
            dialog.close()
            dialog.deleteLater()

    def stop(self, wait: bool = False) -> None:
        """Stop the running export (the progress dialog's button, a locked desk, a closing screen): it ends at its
        next check, leaving no new file; with `wait`, once it has ended."""
        if not self.running:
            return
        self._runner.cancel()
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(self.tr("Stopping…"))
        if wait:
            self._runner.wait()
