"""The sync screen ("Đồng bộ lên cấp trên"): where the desk stands with the upper level (what it acknowledged,
what is still to send), the package written to a USB drive or a synced folder, the upper level's acknowledgement
read back, the history of packages, and the keys: the commune's fingerprint to read over the phone, its public key
file, the upper level's key file (administrators) and how protected identities travel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.domain.accounts import Permission
from receptiondesk.errors import UserError
from receptiondesk.services.desk import Desk
from receptiondesk.services.sync import SyncStatus
from receptiondesk.sync.ack import Ack
from receptiondesk.sync.package import PackageInfo
from receptiondesk.ui.widgets.export_button import ExportButton
from receptiondesk.ui.look import (
    DONE_STYLE,
    ERROR_STYLE,
    NOTE_STYLE,
    STATE_STYLE,
    WARNING_STYLE,
    ask_yes_no,
    fingerprint_label,
    fingerprint_lines,
    local_shortcut,
    may,
    moment,
    number,
    read_only_table,
    scrolled,
    show_message,
    start_folder,
    text_label,
)
from receptiondesk.ui.workers.task_runner import TaskRunner

#: The history table's columns and their widths (the messages take what is left).
COLUMNS = ("sequence", "created", "changes", "records", "status", "acknowledged", "messages")
COLUMN_WIDTHS = (56, 124, 104, 72, 138, 124)
STATUS_COLORS = {"accepted": "#1b5e20", "rejected": "#b00020"}
EXPORT_SHORTCUT = "Ctrl+E"
ACK_SHORTCUT = "Ctrl+O"
#: Acknowledgement files: the sync format's suffix, and the one the consolidation desk writes today.
ACK_PATTERNS = "*.rdack *.ack.json"


class SyncScreen(QWidget):
    """The state and the two actions on top (create a package, import an acknowledgement), the package history
    and the keys in tabs below. Writing a package and reading an acknowledgement run on a worker over a desk of
    its own; the keys and the policy are quick and saved at once. Only what the user's role allows is offered."""

    #: The folder the last package went to or the last file came from, proposed first by the next dialog.
    last_folder = ""

    def __init__(self, desk: Desk, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self.status: SyncStatus | None = None
        self._runner = TaskRunner(desk, self)
        self._runner.busy_changed.connect(self._set_busy)
        self._runner.ended.connect(lambda: self._set_busy(self._runner.busy))
        self._loading_policy = False
        self._build()
        self._connect()
        self._apply_permissions()
        self._clear_message()
        self._set_busy(False)

    def title(self) -> str:
        return self.tr("Upper-level sync")

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setStyleSheet(STATE_STYLE)
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.waiting_label = QLabel()
        self.waiting_label.setWordWrap(True)
        self.waiting_label.setStyleSheet(NOTE_STYLE)
        self.waiting_label.setTextFormat(Qt.TextFormat.PlainText)
        self.upper_label = QLabel()
        self.upper_label.setWordWrap(True)
        self.upper_label.setTextFormat(Qt.TextFormat.PlainText)
        self.upper_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.upper_import_top = QPushButton(self.tr("Import the upper level's keys…"))
        upper_row = QHBoxLayout()
        upper_row.addWidget(self.upper_label, 1)
        upper_row.addWidget(self.upper_import_top, 0, Qt.AlignmentFlag.AlignTop)

        self.export_button = QPushButton(self.tr("Create the package for the upper level…"))
        self.export_button.setToolTip(self.tr("Choose a folder (a USB drive or a synced folder); the package holds "
                                              "every change the upper level has not acknowledged ({keys})").format(
            keys=EXPORT_SHORTCUT))
        self.with_documents = QCheckBox(self.tr("with issued documents"))
        self.with_documents.setToolTip(self.tr("Adds the documents issued since the last acknowledged package; a "
                                               "document naming a protected person is never sent"))
        self.ack_button = QPushButton(self.tr("Import the upper level's acknowledgement…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the package cannot say how far it is
        self.progress.setMaximumWidth(90)
        self.progress.setTextVisible(False)
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.with_documents)
        actions.addSpacing(12)
        actions.addWidget(self.ack_button)
        actions.addWidget(self.progress)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop writing the package: no file is left and nothing is marked as sent"))
        self.stop_button.clicked.connect(self._runner_cancel)
        self.stop_button.hide()
        actions.addWidget(self.stop_button)
        actions.addStretch(1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.tabs = QTabWidget()
        self.history_tab = self.tabs.addTab(self._build_history(), self.tr("Packages sent"))
        self.keys_tab = self.tabs.addTab(self._build_keys(), self.tr("Keys and protected identities"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.state_label)
        layout.addWidget(self.waiting_label)
        layout.addLayout(upper_row)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        order = [self.export_button, self.with_documents, self.ack_button, self.upper_import_top, self.tabs,
                 self.history, self.save_key_button, self.upper_import_button, self.seal_radio, self.omit_radio]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.export_button)

    def _build_history(self) -> QWidget:
        self.history = read_only_table(len(COLUMNS), COLUMN_WIDTHS)
        self.history.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Created"), self.tr("Changes"), self.tr("Records"), self.tr("Status"),
            self.tr("Acknowledged"), self.tr("Upper level's messages")])
        self.history.setAlternatingRowColors(True)
        self.history_note = QLabel()
        self.history_note.setWordWrap(True)
        self.history_note.setStyleSheet(NOTE_STYLE)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.history_note)
        return page

    def _build_keys(self) -> QWidget:
        self.commune_digits = fingerprint_label()
        self.commune_words = fingerprint_label()
        self.save_key_button = QPushButton(self.tr("Save the commune's public key…"))
        self.save_key_button.setToolTip(self.tr("The file to hand to the upper level: it checks that the packages "
                                                "come from this desk"))
        commune_box = QGroupBox(self.tr("The commune's key"))
        commune_layout = QVBoxLayout(commune_box)
        commune_layout.addWidget(text_label(style=NOTE_STYLE, text=self.tr(
            "Read these words (or the digits) to the upper level over the phone when it receives the public key "
            "file:")))
        commune_layout.addWidget(self.commune_words)
        commune_layout.addWidget(self.commune_digits)
        commune_layout.addStretch(1)
        commune_layout.addWidget(self.save_key_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.upper_name = QLabel()
        self.upper_name.setWordWrap(True)
        self.upper_name.setTextFormat(Qt.TextFormat.PlainText)
        self.upper_words = fingerprint_label()
        self.upper_digits = fingerprint_label()
        self.upper_note = text_label(style=NOTE_STYLE, text="")
        self.upper_import_button = QPushButton(self.tr("Import the upper level's keys…"))
        self.upper_import_button.setToolTip(self.tr("The key file the upper level gave (USB drive, e-mail or "
                                                    "portal); then compare its fingerprint by phone"))
        upper_box = QGroupBox(self.tr("The upper level's key"))
        upper_layout = QVBoxLayout(upper_box)
        upper_layout.addWidget(self.upper_name)
        upper_layout.addWidget(self.upper_words)
        upper_layout.addWidget(self.upper_digits)
        upper_layout.addWidget(self.upper_note)
        upper_layout.addStretch(1)
        upper_layout.addWidget(self.upper_import_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.seal_radio = QRadioButton(self.tr("Sealed for the upper level (only its authorised staff can open "
                                               "them)"))
        self.omit_radio = QRadioButton(self.tr("Not sent (the records travel with the identity masked)"))
        self.policy_note = text_label(style=NOTE_STYLE, text="")
        policy_box = QGroupBox(self.tr("Identities of protected people (denouncers) in the packages"))
        policy_layout = QVBoxLayout(policy_box)
        policy_layout.addWidget(self.seal_radio)
        policy_layout.addWidget(self.omit_radio)
        policy_layout.addWidget(self.policy_note)

        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.addWidget(commune_box, 0, 0)
        grid.addWidget(upper_box, 0, 1)
        grid.addWidget(policy_box, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)
        return scrolled(page)

    def _connect(self) -> None:
        self.export_button.clicked.connect(self.export_package)
        self.ack_button.clicked.connect(self.import_ack)
        self.upper_import_top.clicked.connect(self.import_upper_keys)
        self.upper_import_button.clicked.connect(self.import_upper_keys)
        self.save_key_button.clicked.connect(self.save_commune_key)
        self.seal_radio.toggled.connect(lambda checked: checked and self.set_policy("seal"))
        self.omit_radio.toggled.connect(lambda checked: checked and self.set_policy("omit"))
        for keys, slot in ((EXPORT_SHORTCUT, self.export_package), (ACK_SHORTCUT, self.import_ack)):
            local_shortcut(self, keys, slot)

    # -- screen API ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Shown: read where the desk stands (the commune's key is made the first time) and show it."""
        if self.desk.context.session is None:
            return
        self._apply_permissions()
        try:
            self.status = self.desk.sync.status()
        except UserError as error:
            self.status = None
            self._fail(error)
        self._show_status()
        if not self._runner.busy and self.busy:  # started before the desk was locked, still writing
            self._set_busy(True, self.tr("Finishing the work started before the desk was locked…"))

    def clear(self) -> None:
        """The desk was locked: stop listening to any work and show nothing."""
        self._runner.retire()
        self.status = None
        self._clear_message()
        self._show_status()
        self._set_busy(False)

    def close_screen(self) -> None:
        """Wait for any worker before the desk file closes (a package being written is finished, not cut)."""
        self._runner.retire()
        self._runner.wait()
        self.close()

    @property
    def busy(self) -> bool:
        """A package is being written or an acknowledgement read (also one started before the desk was locked)."""
        return self._runner.busy or self._runner.ending

    # -- permissions ---------------------------------------------------------------------------
    def _may(self, permission: Permission) -> bool:
        return may(self.desk, permission)

    def _apply_permissions(self) -> None:
        """Only the actions the signed-in user's role allows are shown."""
        may_export = self._may(Permission.EXPORT)
        for widget in (self.export_button, self.with_documents, self.save_key_button):
            widget.setVisible(may_export)
        self.ack_button.setVisible(self._may(Permission.RECORD))
        self.upper_import_button.setVisible(self._may(Permission.ADMINISTER))
        self.setFocusProxy(self.export_button if may_export else self.ack_button)

    # -- showing the state ---------------------------------------------------------------------
    def _show_status(self) -> None:
        status = self.status
        if status is None:
            for label in (self.state_label, self.waiting_label, self.upper_label, self.commune_words,
                          self.commune_digits, self.upper_name, self.upper_words, self.upper_digits,
                          self.upper_note, self.policy_note, self.history_note):
                label.clear()
            self.upper_label.setStyleSheet("")
            self.upper_import_top.hide()
            self.waiting_label.hide()
            self.history.setRowCount(0)
            self._enable_actions()
            return
        self.state_label.setText(self._state_text(status))
        waiting = next((p for p in status.packages if p["status"] == "sent"), None)
        latest = status.packages[0] if status.packages else None
        if latest is not None and latest["status"] == "rejected":
            self.waiting_label.setText(self.tr("The upper level returned package no. {sequence}: the next package "
                                               "sends its changes again.").format(sequence=latest["sequence"]))
        elif waiting is not None:
            self.waiting_label.setText(self.tr("Package no. {sequence} ({created}) is waiting for the upper level's "
                                               "acknowledgement; until then the next package sends its changes "
                                               "again.").format(sequence=waiting["sequence"],
                                                                created=moment(waiting["created_at"])))
        else:
            self.waiting_label.clear()
        self.waiting_label.setVisible(bool(self.waiting_label.text()))
        self._show_upper(status)
        self._show_history(status)
        fingerprint = status.commune_fingerprint
        self.commune_words.setText(fingerprint_lines(fingerprint.words))
        self.commune_digits.setText(fingerprint_lines(fingerprint.digits.split()))
        self._show_policy(status.protected_policy)
        self._enable_actions()

    def _state_text(self, status: SyncStatus) -> str:
        pending = status.pending_changes
        if not status.packages:
            return self.tr("No package sent yet; %n change(s) not sent.", "", pending)
        if not status.watermark:
            return self.tr("No package acknowledged by the upper level yet; %n change(s) waiting for its "
                           "acknowledgement.", "", pending)
        if not pending:
            return self.tr("Sent and acknowledged by the upper level up to change no. {watermark}; every change has "
                           "been sent.").format(watermark=status.watermark)
        return self.tr("Sent and acknowledged by the upper level up to change no. {watermark}; %n change(s) not "
                       "sent yet.", "", pending).format(watermark=status.watermark)

    def _show_upper(self, status: SyncStatus) -> None:
        upper = status.upper_keys
        administrator = self._may(Permission.ADMINISTER)
        if upper is None:
            self.upper_label.setText(self.tr(
                "The upper level's keys are not imported yet: no package can be made. Get the key file from the "
                "upper level, import it and compare its fingerprint by phone.") if administrator else self.tr(
                "The upper level's keys are not imported yet: no package can be made. Ask an administrator to "
                "import the key file from the upper level."))
            self.upper_label.setStyleSheet(WARNING_STYLE)
            self.upper_import_top.setVisible(administrator)
            self.upper_name.setText(self.tr("Not imported yet."))
            self.upper_words.clear()
            self.upper_digits.clear()
            self.upper_words.hide()
            self.upper_digits.hide()
            self.upper_note.setText(self.tr("Packages are encrypted for the upper level's key: get its key file "
                                            "first.") if administrator else
                                    self.tr("Only an administrator can import the upper level's keys."))
            return
        fingerprint = upper.fingerprint()
        self.upper_label.setText(self.tr("Upper level: {name} (code {code})\nKey fingerprint: {words} — {digits}")
                                 .format(name=upper.unit_name, code=upper.unit_code,
                                         words=" ".join(fingerprint.words), digits=fingerprint.digits))
        self.upper_label.setStyleSheet("")
        self.upper_import_top.hide()
        self.upper_name.setText(self.tr("{name} (code {code})").format(name=upper.unit_name, code=upper.unit_code))
        self.upper_words.setText(fingerprint_lines(fingerprint.words))
        self.upper_digits.setText(fingerprint_lines(fingerprint.digits.split()))
        self.upper_words.show()
        self.upper_digits.show()
        self.upper_note.setText(self.tr("Send packages only if these words match what the upper level reads to "
                                        "you over the phone."))

    def _show_history(self, status: SyncStatus) -> None:
        statuses = {"sent": self.tr("Sent"), "accepted": self.tr("Accepted"), "rejected": self.tr("Returned")}
        self.history.setRowCount(len(status.packages))
        for row, package in enumerate(status.packages):
            first, last = package["change_from"], package["change_to"]
            changes = f"{first}–{last}" if first <= last else self.tr("none")
            notes = list(package["ack_messages"])
            if package["ack_reasons"]:
                notes.append(self.tr("Reasons: {reasons}").format(reasons="; ".join(package["ack_reasons"])))
            values = (str(package["sequence"]), moment(package["created_at"]), changes, number(package["records"]),
                      statuses.get(package["status"], package["status"]), moment(package["acknowledged_at"]),
                      " ".join(notes))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if COLUMNS[column] in ("sequence", "records"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if COLUMNS[column] == "sequence":
                    item.setToolTip(self.tr("{file}\nSHA-256: {sha256}").format(file=package["file_name"],
                                                                                 sha256=package["sha256"]))
                elif COLUMNS[column] == "status" and package["status"] in STATUS_COLORS:
                    item.setForeground(QColor(STATUS_COLORS[package["status"]]))
                elif value:
                    item.setToolTip("\n".join(notes) if COLUMNS[column] == "messages" else value)
                self.history.setItem(row, column, item)
        self.history_note.setText(self.tr("No package sent yet.") if not status.packages else self.tr(
            "Each package holds every change the upper level has not acknowledged: a lost or returned package "
            "loses nothing."))

    def _show_policy(self, policy: str) -> None:
        self._loading_policy = True
        self.seal_radio.setChecked(policy == "seal")
        self.omit_radio.setChecked(policy == "omit")
        self._loading_policy = False
        administrator = self._may(Permission.ADMINISTER)
        for radio in (self.seal_radio, self.omit_radio):
            radio.setEnabled(administrator)
        self.policy_note.setText(self.tr("Applies to the next package.") if administrator
                                 else self.tr("Only an administrator can change this."))

    def _enable_actions(self) -> None:
        status, busy = self.status, self.busy
        has_keys = status is not None and status.upper_keys is not None
        self.export_button.setEnabled(has_keys and not busy)
        self.with_documents.setEnabled(has_keys and not busy)
        self.ack_button.setEnabled(has_keys and bool(status.packages) and not busy)
        self.ack_button.setToolTip(self.tr("No package sent yet: there is nothing to acknowledge.")
                                   if status is not None and not status.packages else
                                   self.tr("Choose the acknowledgement file the upper level sent back ({keys})")
                                   .format(keys=ACK_SHORTCUT))
        for widget in (self.upper_import_top, self.upper_import_button, self.save_key_button):
            widget.setEnabled(status is not None and not busy)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        """Show the busy bar (and, starting, what is being done, in the message line) or hide it."""
        self.progress.setVisible(busy)
        if not busy:
            self.stop_button.hide()
        if busy and text:
            self._say(text, style=NOTE_STYLE)
        self._enable_actions()

    # -- the package ---------------------------------------------------------------------------
    def _start_folder(self) -> str:
        return start_folder(SyncScreen.last_folder, ExportButton.last_folder)

    def export_package(self) -> None:
        """Ask for the folder (a USB drive or a synced folder), then write the next package there on the worker."""
        status = self.status
        if self.busy or not self._may(Permission.EXPORT) or status is None or status.upper_keys is None:
            return
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder for the package (a USB drive or a synced folder)"), self._start_folder())
        if not chosen:
            return
        folder = Path(chosen)
        SyncScreen.last_folder = str(folder)
        with_documents = self.with_documents.isChecked()
        def export(worker: Any, desk: Desk) -> PackageInfo:
            return desk.sync.export(folder, with_documents=with_documents, progress=worker.report_progress,
                                    cancelled=lambda: worker.cancelled)

        self._runner.run(export, lambda info: self._exported(info, folder),
                         lambda error: self._export_failed(error, folder), writes=True,
                         progressed=lambda count: self._say(self.tr(
                             "Writing the package to {folder}: %n record(s) written…", "", count).format(
                             folder=str(folder)), style=NOTE_STYLE),
                         stopped=self._export_stopped)
        self._set_busy(True, self.tr("Writing the package to {folder} and checking it… this can take a minute.")
                       .format(folder=str(folder)))
        self.stop_button.show()
        self.stop_button.setEnabled(True)

    def _runner_cancel(self) -> None:
        self.stop_button.setEnabled(False)
        self._runner.cancel()

    def _export_stopped(self) -> None:
        self.stop_button.hide()
        self.refresh()
        self._say(self.tr("The package was stopped: no file was written and nothing was marked as sent."),
                  style=NOTE_STYLE)

    def _exported(self, info: PackageInfo, folder: Path) -> None:
        self.stop_button.hide()
        manifest = info.manifest
        records = sum(manifest.counts.values())
        size = QLocale().formattedDataSize(info.size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)
        self.refresh()
        self._say(self.tr("Package no. {sequence} written and checked: {file} ({size}, %n record(s)) in {folder}. "
                          "Take it to the upper level; import its acknowledgement here when it comes back.", "",
                          records).format(sequence=manifest.sequence, file=info.path.name, size=size,
                                          folder=str(folder)), style=DONE_STYLE)
        self.tabs.setCurrentIndex(self.history_tab)

    def _export_failed(self, error: Exception, folder: Path) -> None:
        self.stop_button.hide()
        reason = error.render(self._lang) if isinstance(error, UserError) else self.tr(
            "The package could not be written to {folder}: {reason}").format(
            folder=str(folder), reason=str(error) or type(error).__name__)
        self.refresh()
        self._say(reason + "\n" + self.tr("No package was marked as sent."), style=ERROR_STYLE)

    # -- the acknowledgement -------------------------------------------------------------------
    def import_ack(self) -> None:
        """Ask for the upper level's acknowledgement file, then read and record it on the worker."""
        status = self.status
        if self.busy or not self._may(Permission.RECORD) or status is None or status.upper_keys is None \
                or not status.packages:
            return
        filters = ";;".join((self.tr("Acknowledgements ({patterns})").format(patterns=ACK_PATTERNS),
                             self.tr("All files (*)")))
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the upper level's acknowledgement"),
                                                self._start_folder(), filters)
        if not chosen:
            return
        path = Path(chosen)
        SyncScreen.last_folder = str(path.parent)
        self._run(lambda desk: desk.sync.import_ack(path), self._ack_imported,
                  lambda error: self._ack_failed(error, path),
                  self.tr("Checking the acknowledgement {file}…").format(file=path.name))

    def _ack_imported(self, ack: Ack) -> None:
        self.refresh()
        day = moment(ack.issued_at)
        if ack.accepted:
            lines = [self.tr("The upper level accepted package no. {sequence} ({date}).").format(
                sequence=ack.package_sequence, date=day)]
        else:
            lines = [self.tr("The upper level returned package no. {sequence} ({date}): the next package sends its "
                             "changes again.").format(sequence=ack.package_sequence, date=day)]
        if ack.reasons:
            lines.append(self.tr("Reasons: {reasons}").format(reasons="; ".join(ack.reasons)))
        lines += [self.tr("Message from the upper level: {text}").format(text=text) for text in ack.messages]
        self._say("\n".join(lines), style=DONE_STYLE if ack.accepted else ERROR_STYLE)
        self.tabs.setCurrentIndex(self.history_tab)

    def _ack_failed(self, error: Exception, path: Path) -> None:
        reason = error.render(self._lang) if isinstance(error, UserError) else self.tr(
            "The acknowledgement {file} could not be read: {reason}").format(
            file=path.name, reason=str(error) or type(error).__name__)
        self.refresh()
        self._say(reason + "\n" + self.tr("Nothing was recorded: the package history and what was acknowledged "
                                          "are unchanged."), style=ERROR_STYLE)

    # -- the keys ------------------------------------------------------------------------------
    def save_commune_key(self) -> None:
        """Write the commune's public key file (for the upper level) where the officer chooses."""
        if self.busy or not self._may(Permission.EXPORT) or self.status is None:
            return
        name = f"KhoaCongKhai_{self.status.unit_code}.json"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the commune's public key"),
                                                str(Path(self._start_folder()) / name),
                                                self.tr("Key files (*.json)"))
        if not chosen:
            return
        path = Path(chosen)
        SyncScreen.last_folder = str(path.parent)
        try:
            written = self.desk.sync.write_commune_public_key(path)
        except UserError as error:
            self._fail(error)
            return
        words = " ".join(self.status.commune_fingerprint.words)
        self._say(self.tr("The commune's public key was saved to {path}. Hand it to the upper level, then read it "
                          "these words over the phone: {words}.").format(path=str(written), words=words),
                  style=DONE_STYLE)

    def import_upper_keys(self) -> None:
        """Read the upper level's public key file and keep it (administrators), then ask for the phone check."""
        if self.busy or not self._may(Permission.ADMINISTER) or self.status is None:
            return
        filters = ";;".join((self.tr("Key files (*.json)"), self.tr("All files (*)")))
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the upper level's key file"),
                                                self._start_folder(), filters)
        if not chosen:
            return
        path = Path(chosen)
        SyncScreen.last_folder = str(path.parent)
        current = self.status.upper_keys
        if current is not None and not self.confirm(self.tr(
                "Replace the keys of {name} (fingerprint: {words})? The next packages are encrypted for the new "
                "keys only: compare the new fingerprint by phone before sending any.").format(
                name=current.unit_name, words=" ".join(current.fingerprint().words))):
            return
        try:
            keys = self.desk.sync.import_upper_keys(path)
        except UserError as error:
            self._fail(error)
            return
        self.refresh()
        fingerprint = keys.fingerprint()
        self._say(self.tr("The keys of {name} (code {code}) were imported. Now phone the upper level on a number "
                          "you know (the directory, not one given with the file) and compare the fingerprint: "
                          "{words} — {digits}. If it does not match, send no package and ask for the key file "
                          "again.").format(name=keys.unit_name, code=keys.unit_code,
                                           words=" ".join(fingerprint.words), digits=fingerprint.digits),
                  style=WARNING_STYLE)
        self.tabs.setCurrentIndex(self.keys_tab)

    def set_policy(self, policy: str) -> None:
        """Save how protected identities travel ("seal" or "omit"), as an administrator chose with the radios."""
        if self._loading_policy or self.status is None or policy == self.status.protected_policy:
            return
        try:
            self.desk.setup.update_settings(sync_protected=policy)
        except UserError as error:
            self._show_policy(self.status.protected_policy)
            self._fail(error)
            return
        self.refresh()
        self._say(self.tr("Saved: in the next package, the identities of protected people are sealed for the upper "
                          "level.") if policy == "seal" else
                  self.tr("Saved: the next package does not carry the identities of protected people."),
                  style=DONE_STYLE)

    # -- the worker ----------------------------------------------------------------------------
    def _run(self, task: Callable[[Desk], Any], then: Callable[[Any], None], failure: Callable[[Exception], None],
             text: str) -> None:
        """Run `task` over a desk of its own that may write, on a worker, `text` saying what is being done;
        `then(result)` or `failure(error)` on the GUI thread when it ends. Cleared, the screen stops listening: a
        package being written is finished (it cannot be cut halfway) and the actions wait for it."""
        self._runner.run(lambda _worker, desk: task(desk), then, failure, writes=True)
        self._set_busy(True, text)

    # -- messages ------------------------------------------------------------------------------
    def _say(self, text: str, *, style: str = DONE_STYLE) -> None:
        show_message(self.message, text, style, hide_empty=True)

    def _clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    def _fail(self, error: UserError) -> None:
        self._say(error.render(self._lang), style=ERROR_STYLE)

    def confirm(self, question: str) -> bool:
        return ask_yes_no(self, self.title(), question)
