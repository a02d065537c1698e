"""The consolidation screen ("Tổng hợp từ các xã") of an upper-level desk: where each enrolled commune stands (its
last package, the packages missing, the records held), a commune enrolled from its public key file with the
fingerprint to compare by phone, a commune's package checked by a dry run, confirmed, imported and answered with an
acknowledgement, the log of every package received, and the upper level's own key for the communes. On a desk that
is not in consolidation mode it says so, and lets an administrator of the upper level turn the mode on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.units import communes as known_communes
from receptiondesk.errors import Problem, UserError
from receptiondesk.services.consolidation import CommuneOversight, Enrolment, PackageImport, upper_unit_name
from receptiondesk.services.desk import Desk
from receptiondesk.sync.keys import Fingerprint, UpperLevelPublicKeys
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
    shape_table,
    show_message,
    start_folder,
    text_label,
)
from receptiondesk.ui.widgets.commune_reports_panel import CommuneReportsPanel
from receptiondesk.ui.widgets.export_button import ExportButton
from receptiondesk.ui.workers.task_runner import TaskRunner

IMPORT_SHORTCUT = "Ctrl+O"
PACKAGE_PATTERN = "*.rdsync"
#: The communes' table: its columns and their widths (the records held take what is left).
COMMUNE_COLUMNS = ("code", "name", "last", "received", "status", "gaps", "missing", "records", "overdue",
                   "compliance")
COMMUNE_WIDTHS = (50, 150, 58, 126, 110, 86, 104, 70, 70)
#: The log of packages received: its columns and their widths (the details take what is left).
LOG_COLUMNS = ("received", "commune", "sequence", "file", "status", "details")
LOG_WIDTHS = (126, 180, 44, 150, 100)
#: The dry run's table: one row per kind of record, then the total.
COUNT_OUTCOMES = ("new", "updated", "unchanged", "rejected")
COUNT_WIDTHS = (190, 78, 78, 78, 78)
#: The dry run's table is as tall as its rows, up to this (then it scrolls).
MAX_COUNTS_HEIGHT = 300
#: The refused records' list is as tall as the table beside it, but never less than this.
MIN_REJECTIONS_HEIGHT = 90
#: The kinds of record in the order an officer thinks of them (any other kind follows, by its name).
ENTITY_ORDER = ("visit", "citizen", "case", "letter", "session", "assignment", "attachment", "signer", "field")
STATUS_COLORS = {"accepted": "#1b5e20", "rejected": "#b00020", "duplicate": "#555555"}
GAP_BACKGROUND = "#fde7e9"
GAP_FOREGROUND = "#b00020"
#: How many lines of a long refusal (records that do not fit) the message line shows.
MAX_REASON_LINES = 12
#: How many refused records the dry run lists one by one.
MAX_LISTED_REJECTIONS = 200
#: How many communes with missing packages the line above the table names.
MAX_NAMED_COMMUNES = 4


def _ranges(ranges: tuple[tuple[int, int], ...]) -> str:
    """Change ranges as "12–30, 45"."""
    return ", ".join(str(first) if first == last else f"{first}–{last}" for first, last in ranges)


def _logged_reason(code: str, params: dict[str, Any], lang: str) -> str:
    """A refusal's message as the package log keeps it, the file named without its folders (the full path is in
    the message of the moment; the log has a column for the file)."""
    if isinstance(params.get("path"), str):
        params = {**params, "path": Path(params["path"]).name}
    return Problem(code, None, params).render(lang)


def _totals(counts: dict[str, dict[str, int]]) -> dict[str, int]:
    return {outcome: sum(c.get(outcome, 0) for c in counts.values()) for outcome in COUNT_OUTCOMES}


class ConsolidationScreen(QWidget):
    """The state and the actions on top (import a package, enrol a commune), then one of four pages: the tabs
    (communes, packages received, the upper level's key), a checked package waiting for confirmation, a commune
    just enrolled with its fingerprint, or, on a commune's desk, what the mode is and how to turn it on. Packages
    are checked and imported on a worker over a desk of its own; enrolling, the keys and the mode are quick and
    done at once. Only what the user's role allows is offered."""

    #: The folder the last package or key file came from, proposed first by the next file dialog.
    last_folder = ""
    #: The folder the last acknowledgement went to, proposed first for the next one.
    ack_folder = ""

    def __init__(self, desk: Desk, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self.upper: UpperLevelPublicKeys | None = None
        self.rows: list[CommuneOversight] = []
        self.log: list[dict[str, Any]] = []
        #: The package checked by a dry run and waiting for "Import": its path and what the dry run found.
        self.pending: tuple[Path, PackageImport] | None = None
        self._runner = TaskRunner(desk, self)
        self._runner.busy_changed.connect(self._set_busy)
        self._runner.ended.connect(lambda: self._set_busy(self._runner.busy))
        self._build()
        self._connect()
        self._apply_permissions()
        self._clear_message()
        self._set_busy(False)

    def title(self) -> str:
        return self.tr("Consolidation")

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.state_label = text_label(style=STATE_STYLE)
        self.gaps_label = text_label(style=ERROR_STYLE)
        self.import_button = QPushButton(self.tr("Import a commune's package…"))
        self.import_button.setToolTip(self.tr(
            "Choose a package a commune sent (a USB drive or a synced folder): it is checked first, and nothing is "
            "written before you confirm ({keys})").format(keys=IMPORT_SHORTCUT))
        self.enrol_button = QPushButton(self.tr("Enrol a commune…"))
        self.enrol_button.setToolTip(self.tr("Choose a commune's public key file, then compare its fingerprint with "
                                             "the commune by phone"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: a package cannot say how far it is
        self.progress.setMaximumWidth(90)
        self.progress.setTextVisible(False)
        actions = QHBoxLayout()
        actions.addWidget(self.import_button)
        actions.addWidget(self.enrol_button)
        actions.addWidget(self.progress)
        actions.addStretch(1)
        self.message = text_label()
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pages = QStackedWidget()
        self.intro_page = self._build_intro()
        self.main_page = self._build_main()
        self.review_page = self._build_review()
        self.enrolled_page = self._build_enrolled()
        for page in (self.intro_page, self.main_page, self.review_page, self.enrolled_page):
            self.pages.addWidget(page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.state_label)
        layout.addWidget(self.gaps_label)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)
        order = [self.import_button, self.enrol_button, self.tabs, self.communes, self.log_table,
                 self.save_keys_button, self.apply_button, self.cancel_button, self.rejections, self.counts,
                 self.enrolled_close, self.initialise_button]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def _build_intro(self) -> QWidget:
        self.intro_text = text_label()
        self.initialise_button = QPushButton(self.tr("Turn on upper-level consolidation…"))
        self.initialise_button.setAutoDefault(True)
        self.intro_note = text_label(style=NOTE_STYLE)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.addWidget(self.intro_text)
        layout.addSpacing(6)
        layout.addWidget(self.initialise_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.intro_note)
        layout.addStretch(1)
        return scrolled(page)

    def _build_main(self) -> QWidget:
        self.tabs = QTabWidget()
        self.communes_tab = self.tabs.addTab(self._build_communes(), self.tr("Communes"))
        self.log_tab = self.tabs.addTab(self._build_log(), self.tr("Packages received"))
        self.reports_panel = CommuneReportsPanel(self.desk, self._lang)
        self.reports_tab = self.tabs.addTab(self.reports_panel, self.tr("Reports submitted"))
        self.keys_tab = self.tabs.addTab(self._build_keys(), self.tr("The upper level's key"))
        return self.tabs

    def _build_communes(self) -> QWidget:
        self.communes = read_only_table(len(COMMUNE_COLUMNS), COMMUNE_WIDTHS)
        self.communes.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Commune"), self.tr("Last no."), self.tr("Received"), self.tr("Outcome"),
            self.tr("Gaps"), self.tr("Changes not held"), self.tr("Records held"), self.tr("Overdue"),
            self.tr("Reception missed")])
        metrics = self.communes.horizontalHeader().fontMetrics()
        for column, width in enumerate(COMMUNE_WIDTHS):  # a heading is never cut: the table scrolls instead
            heading = self.communes.horizontalHeaderItem(column).text()
            self.communes.setColumnWidth(column, max(width, metrics.horizontalAdvance(heading) + 24))
        header_tips = {"records": self.tr("Records of the commune held here"),
                       "overdue": self.tr("The commune's assignments past their deadline without a result, today"),
                       "compliance": self.tr("Last month: weeks the chairman, months the Party secretary received "
                                             "citizens fewer days than the minimum")}
        for name, tip in header_tips.items():
            self.communes.horizontalHeaderItem(COMMUNE_COLUMNS.index(name)).setToolTip(tip)
        self.communes_note = text_label(style=NOTE_STYLE)
        self.rebuild_button = QPushButton(self.tr("Write a rebuild file for the chosen commune…"))
        self.rebuild_button.setToolTip(self.tr(
            "For a commune whose PC was lost: its own records as held here, in a file its new desk imports"))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.communes, 1)
        layout.addWidget(self.communes_note)
        layout.addWidget(self.rebuild_button, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _build_log(self) -> QWidget:
        self.log_table = read_only_table(len(LOG_COLUMNS), LOG_WIDTHS)
        self.log_table.setHorizontalHeaderLabels([
            self.tr("Received"), self.tr("Commune"), self.tr("No."), self.tr("File"), self.tr("Outcome"),
            self.tr("Records or reason")])
        self.log_note = text_label(style=NOTE_STYLE)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.log_table, 1)
        layout.addWidget(self.log_note)
        return page

    def _build_keys(self) -> QWidget:
        self.upper_name = text_label()
        self.upper_words = fingerprint_label()
        self.upper_digits = fingerprint_label()
        self.save_keys_button = QPushButton(self.tr("Save the public key for the communes…"))
        self.save_keys_button.setToolTip(self.tr("The file every commune imports on its Upper-level sync screen: "
                                                 "with it the commune encrypts its packages for this office"))
        box = QGroupBox(self.tr("The upper level's key"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.upper_name)
        box_layout.addWidget(text_label(style=NOTE_STYLE, text=self.tr(
            "When a commune phones after importing the key file, read it these words (or the digits); it sends "
            "packages only if they match:")))
        box_layout.addWidget(self.upper_words)
        box_layout.addWidget(self.upper_digits)
        box_layout.addSpacing(6)
        box_layout.addWidget(self.save_keys_button, 0, Qt.AlignmentFlag.AlignLeft)
        box_layout.addWidget(text_label(style=NOTE_STYLE, text=self.tr(
            "The file holds public keys only: it may travel by USB drive, e-mail or the portal. The private keys "
            "stay in this desk's file, sealed with its data key, and are in every backup.")))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(box)
        layout.addStretch(1)
        return scrolled(page)

    def _build_review(self) -> QWidget:
        self.review_box = QGroupBox()
        self.review_info = text_label()
        self.review_notes = text_label(style=WARNING_STYLE)
        self.counts = QTableWidget(0, 1 + len(COUNT_OUTCOMES))
        self.counts.setHorizontalHeaderLabels([self.tr("Records"), self.tr("New"), self.tr("Updated"),
                                               self.tr("Unchanged"), self.tr("Refused")])
        shape_table(self.counts, COUNT_WIDTHS)
        self.counts.horizontalHeader().setStretchLastSection(False)
        self.counts.setFixedWidth(sum(COUNT_WIDTHS) + 4)
        self.counts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rejections_label = text_label()
        self.rejections = QPlainTextEdit()
        self.rejections.setReadOnly(True)
        self.rejections.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.rejections.setTabChangesFocus(True)
        refused = QVBoxLayout()
        refused.setContentsMargins(0, 0, 0, 0)
        refused.addWidget(self.rejections_label)
        refused.addWidget(self.rejections, 1)
        refused.addStretch(0)
        figures = QHBoxLayout()
        figures.addWidget(self.counts, 0, Qt.AlignmentFlag.AlignTop)
        figures.addLayout(refused, 1)
        self.review_hint = text_label(style=NOTE_STYLE)
        self.apply_button = QPushButton()
        self.apply_button.setAutoDefault(True)  # Enter imports, as in a dialog
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.setToolTip(self.tr("Import nothing (Esc)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        box_layout = QVBoxLayout(self.review_box)
        box_layout.setSpacing(4)
        box_layout.addWidget(self.review_info)
        box_layout.addWidget(self.review_notes)
        box_layout.addLayout(figures)
        box_layout.addWidget(self.review_hint)
        box_layout.addLayout(buttons)
        box_layout.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.review_box)
        local_shortcut(page, Qt.Key.Key_Escape, self.cancel_review)
        return page

    def _build_enrolled(self) -> QWidget:
        self.enrolled_title = text_label(style=STATE_STYLE)
        self.replaced_label = text_label(style=WARNING_STYLE)
        self.enrolled_hint = text_label()
        self.enrolled_words = fingerprint_label()
        self.enrolled_digits = fingerprint_label()
        self.enrolled_note = text_label(style=NOTE_STYLE)
        self.enrolled_close = QPushButton(self.tr("Back to the communes"))
        self.enrolled_close.setAutoDefault(True)
        self.enrolled_close.setToolTip(self.tr("Enter or Esc"))
        box = QGroupBox(self.tr("Compare the commune's fingerprint by phone"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.enrolled_title)
        box_layout.addWidget(self.replaced_label)
        box_layout.addWidget(self.enrolled_hint)
        box_layout.addWidget(self.enrolled_words)
        box_layout.addWidget(self.enrolled_digits)
        box_layout.addWidget(self.enrolled_note)
        box_layout.addSpacing(4)
        box_layout.addWidget(self.enrolled_close, 0, Qt.AlignmentFlag.AlignLeft)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addStretch(1)
        local_shortcut(page, Qt.Key.Key_Escape, self.close_enrolment)
        return scrolled(page)

    def _connect(self) -> None:
        self.import_button.clicked.connect(self.import_package)
        self.enrol_button.clicked.connect(self.enrol_commune)
        self.save_keys_button.clicked.connect(self.save_public_keys)
        self.initialise_button.clicked.connect(self.initialise)
        self.apply_button.clicked.connect(self.apply_import)
        self.cancel_button.clicked.connect(self.cancel_review)
        self.enrolled_close.clicked.connect(self.close_enrolment)
        self.rebuild_button.clicked.connect(self.rebuild_commune)
        self.communes.itemSelectionChanged.connect(self._enable_actions)
        local_shortcut(self, IMPORT_SHORTCUT, self.import_package)

    # -- screen API ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Shown: read whether the desk is in consolidation mode and, if it is, where every commune stands."""
        if self.desk.context.session is None:
            return
        self._apply_permissions()
        consolidation = self.desk.consolidation
        self.upper, self.rows, self.log = None, [], []
        if not consolidation.is_upper():
            self.pending = None
            self._show_intro()
            return
        try:
            self.upper = consolidation.public_keys()
            self.rows = consolidation.oversight()
            self.log = consolidation.received()
        except UserError as error:
            self.upper, self.rows, self.log = None, [], []
            self._fail(error)
        self._show_upper()
        self.reports_panel.refresh()
        if not self._runner.busy and self.busy:  # started before the desk was locked, still importing
            self._set_busy(True, self.tr("Finishing the import started before the desk was locked…"))

    def clear(self) -> None:
        """The desk was locked: stop listening to any work (an import runs to its end, all or nothing) and show
        nothing."""
        self._runner.retire(cancel=False)
        self.upper, self.rows, self.log, self.pending = None, [], [], None
        self._clear_message()
        for label in (self.state_label, self.gaps_label, self.intro_text, self.intro_note, self.upper_name,
                      self.upper_words, self.upper_digits, self.communes_note, self.log_note):
            label.clear()
        self.gaps_label.hide()
        self.communes.setRowCount(0)
        self.log_table.setRowCount(0)
        self.counts.setRowCount(0)
        self.rejections.clear()
        self._show_page(self.main_page)
        self._set_busy(False)

    def close_screen(self) -> None:
        """Wait for any worker before the desk file closes (an import is finished, not cut)."""
        self._runner.retire(cancel=False)
        self._runner.wait()
        self.close()

    @property
    def busy(self) -> bool:
        """A package is being checked or imported (also one started before the desk was locked)."""
        return self._runner.busy or self._runner.ending

    # -- permissions ---------------------------------------------------------------------------
    def _may(self, permission: Permission) -> bool:
        return may(self.desk, permission)

    def _apply_permissions(self) -> None:
        """Only the actions the signed-in user's role allows are shown."""
        administrator = self._may(Permission.ADMINISTER)
        self.import_button.setVisible(self._may(Permission.RECORD))
        self.enrol_button.setVisible(administrator)
        self.save_keys_button.setVisible(self._may(Permission.EXPORT))
        self.rebuild_button.setVisible(self._may(Permission.EXPORT))
        self.initialise_button.setVisible(administrator)

    # -- pages ---------------------------------------------------------------------------------
    def _show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        focus = {self.intro_page: self.initialise_button, self.review_page: self.apply_button,
                 self.enrolled_page: self.enrolled_close}.get(page)
        if focus is None or not focus.isVisibleTo(self):
            focus = self.import_button if self.import_button.isVisibleTo(self) else self.tabs
        self.setFocusProxy(focus)
        self._enable_actions()

    def _show_intro(self) -> None:
        settings = self.desk.context.settings
        commune = settings.commune
        unit = commune.commune_name if commune else settings.commune_code
        self.state_label.setText(self.tr("This is the reception desk of {unit} (code {code}); upper-level "
                                         "consolidation is not turned on.").format(unit=unit,
                                                                                   code=settings.unit_code))
        self.gaps_label.hide()
        for widget in (self.import_button, self.enrol_button):
            widget.hide()
        if self._may(Permission.ADMINISTER):
            upper = upper_unit_name(commune.province_name) if commune else ""
            self.intro_text.setText(self.tr(
                "Consolidation mode is for the upper level — {upper} (code {province}) — the office that receives "
                "the communes' data packages. Turned on, this desk makes the upper level's keys (once: it cannot "
                "be undone), keeps its own unit's reception records as before, and can then:\n"
                "• save the public key file to hand to the communes;\n"
                "• enrol each commune from its public key file, comparing the fingerprint by phone;\n"
                "• import the communes' packages and write the acknowledgements that go back to them.").format(
                upper=upper, province=commune.province_code if commune else ""))
            self.intro_note.setText(self.tr("Turn it on only on the upper level's PC: a commune's desk does not "
                                            "need it, it sends its packages from the Upper-level sync screen."))
        else:
            self.intro_text.setText(self.tr(
                "This desk is a commune's desk: it sends its packages to the upper level from the Upper-level sync "
                "screen. Consolidation of the communes' packages is done at the upper level."))
            self.intro_note.setText(self.tr("Only an administrator of the upper level's office can turn on "
                                            "consolidation mode."))
        self._show_page(self.intro_page)

    def _show_upper(self) -> None:
        upper = self.upper
        if upper is None:
            self.state_label.clear()
            self.gaps_label.hide()
        else:
            self.state_label.setText(self.tr("Consolidation desk of {name} (code {code}): %n commune(s) enrolled.",
                                             "", len(self.rows)).format(name=upper.unit_name, code=upper.unit_code))
            missing = [row.commune.unit_name for row in self.rows if row.gaps or row.missing_changes]
            if missing:
                names = ", ".join(missing[:MAX_NAMED_COMMUNES]) + ("…" if len(missing) > MAX_NAMED_COMMUNES else "")
                self.gaps_label.setText(self.tr("Packages missing from %n commune(s): {names} (in red below).", "",
                                                len(missing)).format(names=names))
            self.gaps_label.setVisible(bool(missing))
        self._show_communes()
        self._show_log()
        self._show_keys()
        current = self.pages.currentWidget()
        if (current is self.review_page and self.pending is not None) or current is self.enrolled_page:
            self._show_page(current)
        else:
            self._show_page(self.main_page)

    def _show_communes(self) -> None:
        statuses = self._statuses()
        self.communes.setRowCount(len(self.rows))
        for row, item in enumerate(self.rows):
            commune = item.commune
            status = statuses.get(item.last_status, item.last_status) if item.last_status \
                else self.tr("No package yet")
            values = (commune.unit_code, commune.unit_name,
                      "" if item.last_sequence is None else str(item.last_sequence), moment(item.last_received_at),
                      status,
                      ", ".join(map(str, item.gaps)), _ranges(item.missing_changes), number(item.records),
                      number(item.overdue_assignments), self._missed_text(item))
            flagged = bool(item.gaps or item.missing_changes)
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                name = COMMUNE_COLUMNS[column]
                if name in ("last", "records", "overdue"):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if flagged:
                    cell.setBackground(QColor(GAP_BACKGROUND))
                if name == "name":
                    cell.setToolTip(self.tr("Fingerprint of its key: {words}\nEnrolled {date} by {user}").format(
                        words=" ".join(commune.fingerprint.words), date=moment(commune.enrolled_at),
                        user=commune.enrolled_by))
                elif name == "status":
                    if item.last_status in STATUS_COLORS:
                        cell.setForeground(QColor(STATUS_COLORS[item.last_status]))
                    if item.last_status == "rejected":
                        cell.setToolTip(_logged_reason(item.last_reason, item.last_reason_params, self._lang))
                    elif item.last_status is None:
                        cell.setForeground(QColor(STATUS_COLORS["duplicate"]))
                elif name == "compliance" and item.compliance_month is not None:
                    cell.setToolTip(self.tr(
                        "{month}/{year}, as far as the sessions received tell: weeks the chairman, months the Party "
                        "secretary received citizens fewer days than the minimum").format(
                        month=item.compliance_month.month, year=item.compliance_month.year))
                    if item.chairman_missed or item.secretary_missed:
                        cell.setForeground(QColor(GAP_FOREGROUND))
                elif name == "overdue" and item.overdue_assignments:
                    cell.setForeground(QColor(GAP_FOREGROUND))
                elif name in ("gaps", "missing") and value:
                    cell.setForeground(QColor(GAP_FOREGROUND))
                    bold = QFont(cell.font())
                    bold.setBold(True)
                    cell.setFont(bold)
                    cell.setToolTip(self.tr(
                        "Package numbers never received here. A later package carries the changes of a lost one "
                        "again: what is really missing is in “Changes not held”.") if name == "gaps" else self.tr(
                        "Changes of the commune that no package received here covered: ask the commune about "
                        "them."))
                self.communes.setItem(row, column, cell)
        if not self.rows:
            self.communes_note.setText(self.tr(
                "No commune enrolled yet. Enrol each commune from its public key file (“Enrol a commune…”), "
                "then import its packages.") if self._may(Permission.ADMINISTER) else self.tr(
                "No commune enrolled yet: an administrator enrols the communes from their public key files."))
        else:
            self.communes_note.setText(self.tr(
                "A commune's package carries every change the upper level has not acknowledged: a lost package is "
                "carried again by the next one. Rows in red: packages never received."))

    def _missed_text(self, item: CommuneOversight) -> str:
        """"1 tuần, 0 tháng": the chairman's weeks and the secretary's months below the minimum last month."""
        if item.compliance_month is None:
            return ""
        return self.tr("{weeks} wk, {months} mo").format(weeks=item.chairman_missed, months=item.secretary_missed)

    def _show_log(self) -> None:
        statuses = self._statuses()
        names = {code: commune.commune_name for code, commune in known_communes().items()}
        names.update({row.commune.unit_code: row.commune.unit_name for row in self.rows})
        self.log_table.setRowCount(len(self.log))
        for row, entry in enumerate(self.log):
            unit = entry["unit_code"]
            commune = f"{unit} {names.get(unit, '')}".strip() if unit else self.tr("(not read)")
            status = entry["status"]
            if status == "accepted":
                details = self._counts_text(_totals(entry["counts"])) if entry["counts"] else ""
            elif status == "rejected":
                details = _logged_reason(entry["reason"], entry["reason_params"], self._lang)
            else:
                details = self.tr("The same package again: nothing changed.")
            values = (moment(entry["received_at"]), commune,
                      "" if entry["sequence"] is None else str(entry["sequence"]), entry["file_name"],
                      statuses.get(status, status), details)
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                name = LOG_COLUMNS[column]
                if name == "sequence":
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                elif name == "status" and status in STATUS_COLORS:
                    cell.setForeground(QColor(STATUS_COLORS[status]))
                if name == "file":
                    cell.setToolTip(self.tr("{file}\nSHA-256: {sha256}\nReceived by {user}").format(
                        file=entry["file_name"], sha256=entry["sha256"] or "", user=entry["received_by"]))
                elif value:
                    cell.setToolTip(value)
                self.log_table.setItem(row, column, cell)
        self.log_note.setText(self.tr("No package received yet.") if not self.log else self.tr(
            "Every import is listed, newest first: accepted, refused with its reason, or the same package again. "
            "A dry run is not listed."))

    def _show_keys(self) -> None:
        upper = self.upper
        if upper is None:
            for label in (self.upper_name, self.upper_words, self.upper_digits):
                label.clear()
            return
        fingerprint = upper.fingerprint()
        self.upper_name.setText(self.tr("{name} (code {code})").format(name=upper.unit_name, code=upper.unit_code))
        self.upper_words.setText(fingerprint_lines(fingerprint.words))
        self.upper_digits.setText(fingerprint_lines(fingerprint.digits.split()))

    def _statuses(self) -> dict[str, str]:
        return {"accepted": self.tr("Accepted"), "rejected": self.tr("Refused"),
                "duplicate": self.tr("Same package again")}

    def _counts_text(self, totals: dict[str, int]) -> str:
        return self.tr("{new} new, {updated} updated, {unchanged} unchanged, {rejected} refused").format(
            **{outcome: number(totals.get(outcome, 0)) for outcome in COUNT_OUTCOMES})

    def _entity_label(self, entity: str) -> str:
        labels = {"visit": self.tr("Visits"), "citizen": self.tr("Citizens"), "case": self.tr("Cases"),
                  "letter": self.tr("Letters"), "session": self.tr("Leaders' reception sessions"),
                  "assignment": self.tr("Assignments"), "attachment": self.tr("Attachments"),
                  "signer": self.tr("Signers"), "field": self.tr("Fields")}
        return labels.get(entity, entity)

    def _enable_actions(self) -> None:
        """Nothing starts while a package is checked or imported, nor while a checked one waits for its answer."""
        busy, upper = self.busy, self.upper is not None
        free = upper and not busy and self.pages.currentWidget() is not self.review_page
        for widget in (self.import_button, self.enrol_button):
            widget.setEnabled(free)
        self.save_keys_button.setEnabled(upper and not busy)
        self.rebuild_button.setEnabled(upper and not busy and self.chosen_commune() is not None)
        for widget in (self.apply_button, self.cancel_button, self.enrolled_close, self.initialise_button):
            widget.setEnabled(not busy)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        """Show the busy bar (and, starting, what is being done, in the message line) or hide it."""
        self.progress.setVisible(busy)
        if busy and text:
            self._say(text, style=NOTE_STYLE)
        self._enable_actions()

    def _start_folder(self) -> str:
        return start_folder(ConsolidationScreen.last_folder, ExportButton.last_folder)

    # -- the mode and the upper level's key ----------------------------------------------------
    def initialise(self) -> None:
        """Turn the desk into the upper level's consolidation desk (administrators, once, after a confirmation);
        then show the key's fingerprint and offer to save the public key file for the communes."""
        if self.busy or not self._may(Permission.ADMINISTER) or self.desk.consolidation.is_upper():
            return
        commune = self.desk.context.settings.commune
        upper = upper_unit_name(commune.province_name) if commune else ""
        if not self.confirm(self.tr(
                "Turn on upper-level consolidation for {name} (code {code}) on this desk?\n\nThe desk makes the "
                "upper level's keys, kept sealed with the desk's data key. This is done once and cannot be undone; "
                "the desk keeps its own reception records as before.").format(
                name=upper, code=commune.province_code if commune else "")):
            return
        try:
            public = self.desk.consolidation.initialise()
        except UserError as error:
            self._fail(error)
            return
        self.refresh()
        self.tabs.setCurrentIndex(self.keys_tab)
        self._say(self.tr("Upper-level consolidation is on: {name} (code {code}). Next, save the public key for "
                          "the communes and hand it to them; when a commune phones, read it the fingerprint below. "
                          "Then enrol each commune from its own public key file.").format(
            name=public.unit_name, code=public.unit_code), style=DONE_STYLE)
        target = self.save_keys_button if self.save_keys_button.isVisibleTo(self) else self.tabs
        target.setFocus()

    def save_public_keys(self) -> None:
        """Write the upper level's public key file (for the communes) where the officer chooses."""
        upper = self.upper
        if self.busy or not self._may(Permission.EXPORT) or upper is None:
            return
        name = f"KhoaCapTren_{upper.unit_code}.json"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the public key for the communes"),
                                                str(Path(self._start_folder()) / name),
                                                self.tr("Key files (*.json)"))
        if not chosen:
            return
        path = Path(chosen)
        ConsolidationScreen.last_folder = str(path.parent)
        try:
            written = self.desk.consolidation.write_public_keys(path)
        except UserError as error:
            self._fail(error)
            return
        self._say(self.tr("The public key for the communes was saved to {path}. Hand it to each commune (USB "
                          "drive, e-mail or the portal); when a commune phones, read it these words: {words}.")
                  .format(path=str(written), words=" ".join(upper.fingerprint().words)), style=DONE_STYLE)

    # -- rebuilding a commune's desk -----------------------------------------------------------
    def chosen_commune(self) -> CommuneOversight | None:
        rows = self.communes.selectionModel().selectedRows() if self.communes.selectionModel() else []
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def rebuild_commune(self) -> None:
        """Write the chosen commune's rebuild file where the officer chooses; protected identities go in only if
        the user may see them and says so (audited)."""
        chosen = self.chosen_commune()
        if self.busy or chosen is None or not self._may(Permission.EXPORT):
            return
        commune = chosen.commune
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the rebuild file of {name}").format(name=commune.unit_name),
            str(Path(self._start_folder()) / f"KhoiPhuc_{commune.unit_code}.jsonl"),
            self.tr("Interchange files (*.jsonl)"))
        if not path:
            return
        ConsolidationScreen.last_folder = str(Path(path).parent)
        session = self.desk.context.session
        include = session is not None and session.user.can_see_protected and self.confirm(self.tr(
            "Include the protected persons' identities (denouncers) in the file? Keep the file like the paper "
            "files of denunciations; this is recorded in the audit log."))
        try:
            counts = self.desk.consolidation.rebuild(commune.unit_code, Path(path), include_protected=include)
        except UserError as error:
            self._fail(error)
            return
        self._say(self.tr("The rebuild file of {name} was saved to {path}: {n} records. On the commune's new PC, "
                          "set the desk up for the same unit and import this file with the command “receptiondesk "
                          "import FILE”, then enrol the commune's new key here.").format(
            name=commune.unit_name, path=path, n=number(sum(counts.values()))), style=DONE_STYLE)

    # -- enrolling a commune -------------------------------------------------------------------
    def enrol_commune(self) -> None:
        """Read a commune's public key file and enrol it (administrators), then show its fingerprint to compare
        by phone; a key that replaces another is said plainly."""
        if self.busy or not self._may(Permission.ADMINISTER) or self.upper is None \
                or self.pages.currentWidget() is self.review_page:
            return
        filters = ";;".join((self.tr("Key files (*.json)"), self.tr("All files (*)")))
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the commune's public key file"),
                                                self._start_folder(), filters)
        if not chosen:
            return
        path = Path(chosen)
        ConsolidationScreen.last_folder = str(path.parent)
        self.enrol_file(path)

    def enrol_file(self, path: Path) -> None:
        """Enrol the commune whose public key file is `path`, then show its fingerprint (or why it was refused)."""
        try:
            enrolment = self.desk.consolidation.enrol(path)
        except UserError as error:
            self._fail(error)
            return
        self.show_enrolment(enrolment)

    def show_enrolment(self, enrolment: Enrolment) -> None:
        """The page of an enrolment: what it did (a replaced key said plainly) and the commune's fingerprint, large,
        to compare by phone."""
        self._clear_message()
        self._fill_enrolment(enrolment)
        self.pages.setCurrentWidget(self.enrolled_page)
        self.refresh()
        self.enrolled_close.setFocus()

    def _fill_enrolment(self, enrolment: Enrolment) -> None:
        commune = enrolment.commune
        titles = {
            "new": self.tr("{name} (code {unit}) is enrolled."),
            "replaced": self.tr("The key of {name} (code {unit}) was REPLACED."),
            "renamed": self.tr("{name} (code {unit}) was already enrolled with this key; its name was updated."),
            "unchanged": self.tr("{name} (code {unit}) was already enrolled with this very key; nothing changed."),
        }
        self.enrolled_title.setText(titles.get(enrolment.status, titles["new"]).format(name=commune.unit_name,
                                                                                       unit=commune.unit_code))
        previous = enrolment.previous
        if enrolment.status == "replaced" and previous is not None:
            self.replaced_label.setText(self.tr(
                "This key file differs from the key enrolled before (its fingerprint: {words} — {digits}). From now "
                "on, packages signed with the old key are refused. Keep the new key only if the commune confirms "
                "by phone that it made a new one.").format(words=" ".join(previous.words), digits=previous.digits))
            self.replaced_label.show()
        else:
            self.replaced_label.clear()
            self.replaced_label.hide()
        self._show_fingerprint(commune.unit_name, commune.fingerprint)

    def _show_fingerprint(self, name: str, fingerprint: Fingerprint) -> None:
        self.enrolled_hint.setText(self.tr(
            "Now phone {name} on a number you know (the directory, not one given with the file) and ask the "
            "officer to read the commune's key on its Upper-level sync screen. The words, or the digits, must "
            "match exactly:").format(name=name))
        self.enrolled_words.setText(fingerprint_lines(fingerprint.words))
        self.enrolled_digits.setText(fingerprint_lines(fingerprint.digits.split()))
        self.enrolled_note.setText(self.tr(
            "If they do not match, import no package from this commune: ask it for its public key file again and "
            "enrol it again (the new key replaces this one)."))

    def close_enrolment(self) -> None:
        if self.pages.currentWidget() is not self.enrolled_page:
            return
        self._show_page(self.main_page)
        self.tabs.setCurrentIndex(self.communes_tab)
        self.setFocus()

    # -- importing a package -------------------------------------------------------------------
    def import_package(self) -> None:
        """Ask for a commune's package, then check it on the worker by a dry run (nothing is written): what it
        would do is shown for confirmation."""
        if self.busy or not self._may(Permission.RECORD) or self.upper is None \
                or self.pages.currentWidget() is self.review_page:
            return
        filters = ";;".join((self.tr("Sync packages ({patterns})").format(patterns=PACKAGE_PATTERN),
                             self.tr("All files (*)")))
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the commune's package"), self._start_folder(),
                                                filters)
        if not chosen:
            return
        path = Path(chosen)
        ConsolidationScreen.last_folder = str(path.parent)
        self.check_package(path)

    def check_package(self, path: Path) -> None:
        """Check the package `path` by a dry run on the worker; what it would do is then shown for confirmation."""
        if self.busy or not self._may(Permission.RECORD) or self.upper is None:
            return
        self._runner.run(lambda _worker, desk: desk.consolidation.import_package(path, dry_run=True),
                         lambda result: self._reviewed(path, result),
                         lambda error: self._import_failed(error, path, dry_run=True), writes=True)
        self._set_busy(True, self.tr("Checking the package {file}: its signature, every part, then its records "
                                     "(nothing is written)…").format(file=path.name))

    def _reviewed(self, path: Path, result: PackageImport) -> None:
        self.pending = (path, result)
        self._clear_message()
        self._show_review(result)
        self._show_page(self.review_page)
        self.apply_button.setFocus()

    def _show_review(self, result: PackageImport) -> None:
        duplicate = result.status == "duplicate"
        self.review_box.setTitle(self.tr("Package no. {sequence} of {name} (code {unit}): checked, nothing written "
                                         "yet").format(sequence=result.sequence, name=result.unit_name,
                                                       unit=result.unit_code))
        changes = self.tr("changes {first}–{last}").format(first=result.change_from, last=result.change_to) \
            if result.change_from <= result.change_to else self.tr("no changes")
        self.review_info.setText(self.tr("File {file}, made {created}, {changes}. The commune's signature is valid "
                                         "and the file is intact.").format(
            file=result.file_name, created=moment(result.created_at), changes=changes))
        notes = []
        if duplicate:
            notes.append(self.tr("This package was imported before: importing it again changes nothing. Its "
                                 "acknowledgement can be written again if the commune did not get it."))
        if result.new_history:
            notes.append(self._new_history_text(result))
        if result.out_of_order:
            notes.append(self.tr("A later package of this commune was imported already: records older than the "
                                 "ones held are refused one by one, and the held ones stay."))
        missing = self._missing_before(result)
        if missing:
            notes.append(self.tr("Packages of this commune not received yet: {numbers}.").format(
                numbers=", ".join(map(str, missing))))
        self.review_notes.setText("\n".join(notes))
        self.review_notes.setVisible(bool(notes))
        rejections = result.rejections
        self.rejections_label.setText(self.tr("Refused, because this desk holds a newer version (%n):", "",
                                              len(rejections)) if rejections else self.tr("No record is refused."))
        lines = [self._rejection(r) for r in rejections[:MAX_LISTED_REJECTIONS]]
        if len(rejections) > MAX_LISTED_REJECTIONS:
            lines.append(self.tr("… and %n more.", "", len(rejections) - MAX_LISTED_REJECTIONS))
        self.rejections.setPlainText("\n".join(lines))
        self.rejections.setVisible(bool(rejections))
        self._show_counts(result.counts)
        if duplicate:
            self.apply_button.setText(self.tr("Write the acknowledgement again…"))
            self.review_hint.setText(self.tr("Nothing is imported again. Choose the folder for the acknowledgement "
                                             "(the commune's USB drive or a synced folder)."))
        else:
            self.apply_button.setText(self.tr("Import…"))
            self.review_hint.setText(self.tr("Import writes these records to this desk, all or nothing, then writes "
                                             "the acknowledgement for the commune into the folder you choose (the "
                                             "commune's USB drive or a synced folder)."))
        self.apply_button.setToolTip(self.tr("Go on (Enter)"))

    def _rejection(self, rejection: dict[str, Any]) -> str:
        """One refused record, said without the package's internal line number."""
        uuid = rejection["params"].get("uuid")
        if rejection["code"] == "interchange.older_version" and uuid:
            return self.tr("Record {uuid}: this desk holds a newer version, which is kept.").format(uuid=uuid)
        return Problem(rejection["code"], None, rejection["params"]).render(self._lang)

    def _new_history_text(self, result: PackageImport) -> str:
        text = self.tr("The commune restored its data from a backup (restore {epoch}): this package starts its new "
                       "history, and its numbers may repeat earlier ones. The records received before are kept.")
        return text.format(epoch=result.restore_epoch)

    def _missing_before(self, result: PackageImport) -> list[int]:
        """The commune's package numbers not received, as they will stand once this package is in: the gaps
        today, and the numbers between the highest package accepted and this one."""
        held = next((row for row in self.rows if row.commune.unit_code == result.unit_code), None)
        highest = held.highest_sequence if held is not None else 0
        return sorted((set(result.gaps) | set(range(highest + 1, result.sequence))) - {result.sequence})

    def _show_counts(self, counts: dict[str, dict[str, int]]) -> None:
        known = [entity for entity in ENTITY_ORDER if entity in counts]
        entities = known + sorted(entity for entity in counts if entity not in ENTITY_ORDER)
        rows = [(self._entity_label(entity), counts[entity]) for entity in entities]
        rows.append((self.tr("Total"), _totals(counts)))
        self.counts.setRowCount(len(rows))
        for row, (label, figures) in enumerate(rows):
            total = row == len(rows) - 1
            values = [label] + [number(figures.get(outcome, 0)) for outcome in COUNT_OUTCOMES]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == len(values) - 1 and figures.get("rejected", 0):
                    cell.setForeground(QColor(GAP_FOREGROUND))
                if total:
                    bold = QFont(cell.font())
                    bold.setBold(True)
                    cell.setFont(bold)
                self.counts.setItem(row, column, cell)
        frame = 2 * self.counts.frameWidth()
        height = self.counts.horizontalHeader().sizeHint().height() + frame + sum(
            self.counts.rowHeight(row) for row in range(self.counts.rowCount()))
        self.counts.setFixedHeight(min(height, MAX_COUNTS_HEIGHT))
        label = self.rejections_label.sizeHint().height() + 4
        self.rejections.setFixedHeight(max(min(height, MAX_COUNTS_HEIGHT) - label, MIN_REJECTIONS_HEIGHT))

    def apply_import(self) -> None:
        """Ask for the acknowledgement's folder, then import the checked package on the worker (all or nothing)
        and write the acknowledgement there."""
        if self.pending is None or self.busy or not self._may(Permission.RECORD):
            return
        path, _trial = self.pending
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder for the acknowledgement to the commune (its USB drive or a synced "
                          "folder)"), ConsolidationScreen.ack_folder or str(path.parent))
        if not chosen:
            return
        folder = Path(chosen)
        ConsolidationScreen.ack_folder = str(folder)
        self._runner.run(lambda _worker, desk: desk.consolidation.import_package(path, ack_folder=folder),
                         self._imported, lambda error: self._import_failed(error, path, dry_run=False), writes=True)
        self._set_busy(True, self.tr("Importing the package {file}…").format(file=path.name))

    def cancel_review(self) -> None:
        if self.pending is None or self.busy:
            return
        path, _trial = self.pending
        self.pending = None
        self._show_page(self.main_page)
        self._say(self.tr("The package {file} was not imported: nothing was changed.").format(file=path.name),
                  style=NOTE_STYLE)
        self.setFocus()

    def _imported(self, result: PackageImport) -> None:
        self.pending = None
        self._show_page(self.main_page)
        self.refresh()
        self.tabs.setCurrentIndex(self.communes_tab)
        for row, item in enumerate(self.rows):
            if item.commune.unit_code == result.unit_code:
                self.communes.selectRow(row)
        names = dict(sequence=result.sequence, name=result.unit_name, unit=result.unit_code)
        if result.status == "duplicate":
            lines = [self.tr("Package no. {sequence} of {name} (code {unit}) was imported before: nothing changed.")
                     .format(**names)]
        else:
            lines = [self.tr("Package no. {sequence} of {name} (code {unit}) imported: {counts}.").format(
                counts=self._counts_text(result.totals()), **names)]
        if result.new_history:
            lines.append(self._new_history_text(result))
        if result.out_of_order:
            lines.append(self.tr("It came after a later package: records older than the ones held were refused, "
                                 "the held ones stay."))
        if result.gaps:
            lines.append(self.tr("Packages of this commune still not received: {numbers}.").format(
                numbers=", ".join(map(str, result.gaps))))
        if result.ack_path is not None:
            lines.append(self.tr("Acknowledgement written: {path}. Hand it back to the commune, which imports it on "
                                 "its Upper-level sync screen.").format(path=str(result.ack_path)))
        self._say("\n".join(lines), style=DONE_STYLE)
        self.setFocus()

    def _import_failed(self, error: Exception, path: Path, *, dry_run: bool) -> None:
        self.pending = None
        self._show_page(self.main_page)
        self.refresh()
        if not isinstance(error, UserError):
            self._say(self.tr("The package {file} could not be imported: {reason}").format(
                file=path.name, reason=str(error) or type(error).__name__) + "\n" + self.tr(
                "See the packages received and the communes' table for what was recorded."), style=ERROR_STYLE)
            self.tabs.setCurrentIndex(self.log_tab)
            return
        reason = self._reason(error)
        if error.code == "consolidation.ack_not_written":  # the records are in; only the acknowledgement is not
            self._say(reason, style=WARNING_STYLE)
            return
        lines = [reason]
        if error.code == "consolidation.not_enrolled":
            lines.append(self.tr("Enrol the commune with “Enrol a commune…” once you have its public key file and "
                                 "have compared its fingerprint by phone."))
        lines.append(self.tr("Nothing was written: no record was imported.") if dry_run else self.tr(
            "No record was imported; the refusal is kept in the packages received."))
        self._say("\n".join(lines), style=ERROR_STYLE)

    def _reason(self, error: UserError) -> str:
        """The error's message, cut to its first lines (records that do not fit can name hundreds)."""
        lines = error.render(self._lang).splitlines()
        if len(lines) > MAX_REASON_LINES:
            lines = lines[:MAX_REASON_LINES] + [self.tr("… and %n more.", "", len(lines) - MAX_REASON_LINES)]
        return "\n".join(lines)

    # -- messages ------------------------------------------------------------------------------
    def _say(self, text: str, *, style: str = DONE_STYLE) -> None:
        show_message(self.message, text, style, hide_empty=True)

    def _clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    def _fail(self, error: UserError) -> None:
        self._say(self._reason(error), style=ERROR_STYLE)

    def confirm(self, question: str) -> bool:
        return ask_yes_no(self, self.title(), question)
