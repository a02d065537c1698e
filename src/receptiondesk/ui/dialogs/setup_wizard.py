"""First run: a short guided set-up of the desk (its role, its unit, the administrator, the signers, the villages,
a second backup folder, the upper level's key now or later), or the demonstration desk to try the program."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from receptiondesk.domain.units import communes, communes_of_province
from receptiondesk.errors import UserError
from receptiondesk.services.consolidation import upper_unit_name
from receptiondesk.services.desk import Desk
from receptiondesk.services.setup import SignerDraft
from receptiondesk.sync.keys import UpperLevelPublicKeys
from receptiondesk.ui.look import ERROR_STYLE, NOTE_STYLE, fingerprint_label, fingerprint_lines, text_label

#: The wizard's pages, in order.
START, ROLE, UNIT, ADMIN, SIGNERS, VILLAGES, BACKUP, UPPER_KEY = range(8)
#: What the officer chose on the first page.
SET_UP, DEMO = "setup", "demo"
#: The signers asked for, with the title printed under their signature (as the generator's and the forms' own).
SIGNER_ROLES = (("chairman", "Chủ tịch"), ("vice_chairman", "Phó Chủ tịch"), ("party_secretary", "Bí thư"))


class SetupWizard(QWizard):
    """Asks page by page and sets the desk up at the end, all at once; `choice` says whether the officer set the
    desk up or asked for the demonstration desk; `recovery_key` is the key to print; `notes` are what could not be
    finished (to do later in Settings)."""

    def __init__(self, desk: Desk, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self.choice = SET_UP
        self.recovery_key: str | None = None
        self.notes: list[str] = []
        self.setWindowTitle(self.tr("Set up the citizen reception desk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(640, 480)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Quit"))
        self.start_page = StartPage(self)
        self.role_page = RolePage(self)
        self.unit_page = UnitPage(self)
        self.admin_page = AdminPage(self)
        self.signers_page = SignersPage(self)
        self.villages_page = VillagesPage(self)
        self.backup_page = BackupPage(self)
        self.key_page = UpperKeyPage(self)
        for page_id, page in ((START, self.start_page), (ROLE, self.role_page), (UNIT, self.unit_page),
                              (ADMIN, self.admin_page), (SIGNERS, self.signers_page),
                              (VILLAGES, self.villages_page), (BACKUP, self.backup_page),
                              (UPPER_KEY, self.key_page)):
            self.setPage(page_id, page)
        self.setStartId(START)

    @property
    def upper(self) -> bool:
        return self.role_page.upper.isChecked()

    def accept(self) -> None:
        """Finish: the demonstration desk is chosen, or the desk is set up with everything asked (a problem keeps
        the wizard open on the page concerned)."""
        if self.start_page.demo.isChecked():
            self.choice = DEMO
            super().accept()
            return
        self.choice = SET_UP
        if self.recovery_key is None:
            try:
                self.recovery_key = self.desk.first_run(
                    self.unit_page.commune.currentData() or "", self.admin_page.username.text(),
                    self.admin_page.full_name.text(), self.admin_page.password.text(),
                    self.admin_page.repeat.text(), signers=self.signers_page.drafts(),
                    villages=self.villages_page.villages())
            except UserError as error:
                self.currentPage().show_error(error.render(self._lang))
                return
            self._finish_options()
        super().accept()

    def _finish_options(self) -> None:
        """What follows the desk's creation: each is kept apart, and a failure is noted for Settings."""
        steps = []
        folder = self.backup_page.folder.text().strip()
        if folder:
            steps.append((lambda: self.desk.backups.update_settings(second_folder=folder),
                          self.tr("The second backup folder was not kept: {reason} Choose it again in Settings › "
                                  "Backups.")))
        if self.upper:
            steps.append((lambda: self.desk.consolidation.initialise(),
                          self.tr("Upper-level consolidation was not turned on: {reason} Turn it on from Settings "
                                  "› Unit.")))
        elif self.key_page.keys is not None:
            path = self.key_page.path
            steps.append((lambda: self.desk.sync.import_upper_keys(path),
                          self.tr("The upper level's key was not kept: {reason} Import it again on the "
                                  "Upper-level sync screen.")))
        for step, failure in steps:
            try:
                step()
            except UserError as error:
                self.notes.append(failure.format(reason=error.render(self._lang)))


class _Page(QWizardPage):
    """A page with an error line at its foot."""

    def __init__(self, wizard: SetupWizard, title: str, subtitle: str = "") -> None:
        super().__init__(wizard)
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        self.owner = wizard
        self.error = text_label(style=ERROR_STYLE)
        self.layout_ = QVBoxLayout(self)

    def finish_layout(self) -> None:
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.error)

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.error.clear()


class StartPage(_Page):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard, self.tr("Welcome"), self.tr("Choose how to begin."))
        self.layout_.addWidget(text_label(self.tr(
            "This program keeps the reception logbook, cases, leaders' reception sessions, follow-up, documents and "
            "reports of a citizen reception desk, on this computer.")))
        self.set_up = QRadioButton(self.tr("Set up this unit's reception desk"))
        self.demo = QRadioButton(self.tr("Try the demo desk (invented data of a ward, marked DEMO)"))
        self.set_up.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.set_up, self.demo):
            group.addButton(button)
            self.layout_.addWidget(button)
        self.layout_.addWidget(text_label(style=NOTE_STYLE, text=self.tr(
            "The demo desk is a separate file: nothing typed there reaches the real desk, and every page it prints "
            "says DEMO. Its account: demo, password demo2026. Start the program again to set up the real desk.")))
        self.demo.toggled.connect(lambda _: self.setFinalPage(self.demo.isChecked()))
        self.finish_layout()

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return -1 if self.demo.isChecked() else ROLE


class RolePage(_Page):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard, self.tr("The desk's role"), self.tr("Who works at this desk."))
        self.commune = QRadioButton(self.tr("A commune's reception desk (commune, ward or special zone)"))
        self.upper = QRadioButton(self.tr("The upper level's office: its own reception desk, and consolidation of "
                                          "its communes' data"))
        self.commune.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.commune, self.upper):
            group.addButton(button)
            self.layout_.addWidget(button)
        self.layout_.addWidget(text_label(style=NOTE_STYLE, text=self.tr(
            "The upper level's desk makes its keys at the end of the set-up; the communes encrypt their packages "
            "for it. Its own reception is recorded under the unit chosen on the next page.")))
        self.finish_layout()


class UnitPage(_Page):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard, self.tr("The unit"), self.tr("The administrative unit of this desk (list of 2025)."))
        self.province = QComboBox()
        self.commune = QComboBox()
        for code, name in sorted({(c.province_code, c.province_name) for c in communes().values()}):
            self.province.addItem(name, code)
        self.province.currentIndexChanged.connect(self._fill_communes)
        self.commune.currentIndexChanged.connect(self._show_upper)
        self.upper_name = text_label(style=NOTE_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Province or city:"), self.province)
        form.addRow(self.tr("Commune, ward or special zone:"), self.commune)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.upper_name)
        self.finish_layout()
        self._fill_communes()

    def _fill_communes(self) -> None:
        self.commune.clear()
        for commune in sorted(communes_of_province(self.province.currentData()), key=lambda c: c.commune_name):
            self.commune.addItem(commune.commune_name, commune.commune_code)

    def _show_upper(self) -> None:
        commune = communes().get(self.commune.currentData() or "")
        self.upper_name.setText(self.tr("Upper level: {name}").format(name=upper_unit_name(commune.province_name))
                                if commune else "")

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if not self.commune.currentData():
            self.show_error(self.tr("Choose the commune, ward or special zone."))
            return False
        return True


class AdminPage(_Page):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard, self.tr("The administrator"), self.tr(
            "Usually the reception officer. After this set-up a recovery sheet is shown once: print it or save it."))
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("Full name of the reception officer"))
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("for example: canbo"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Full name:"), self.full_name)
        form.addRow(self.tr("Username:"), self.username)
        form.addRow(self.tr("Password (at least 8 characters):"), self.password)
        form.addRow(self.tr("Repeat the password:"), self.repeat)
        self.layout_.addLayout(form)
        self.finish_layout()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        try:
            self.owner.desk.accounts.check_new_account(self.username.text(), self.full_name.text(),
                                                       self.password.text(), self.repeat.text())
        except UserError as error:
            self.show_error(error.render(self.owner._lang))
            return False
        return True


class SignersPage(_Page):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard, self.tr("Signers"), self.tr(
            "Who signs the documents the desk prints, with the title printed under the signature. Leave a line "
            "empty if there is nobody yet; signers can be added in Settings."))
        self.names: dict[str, QLineEdit] = {}
        self.titles: dict[str, QLineEdit] = {}
        form = QFormLayout()
        labels = {"chairman": self.tr("Chairman of the People's Committee:"),
                  "vice_chairman": self.tr("Vice-chairman:"),
                  "party_secretary": self.tr("Secretary of the Party Committee:")}
        for role, default_title in SIGNER_ROLES:
            name, title = QLineEdit(), QLineEdit(default_title)
            name.setPlaceholderText(self.tr("Full name"))
            title.setPlaceholderText(self.tr("Title"))
            row = QHBoxLayout()
            row.addWidget(name, 3)
            row.addWidget(title, 2)
            form.addRow(labels[role], row)
            self.names[role], self.titles[role] = name, title
        self.layout_.addLayout(form)
        self.finish_layout()

    def drafts(self) -> list[SignerDraft]:
        return [SignerDraft(self.names[role].text(), self.titles[role].text(), role)
                for role, _ in SIGNER_ROLES if self.names[role].text().strip()]

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        for role, _ in SIGNER_ROLES:
            if self.names[role].text().strip() and not self.titles[role].text().strip():
                self.show_error(self.tr("Give the title printed under the signature of {name}.").format(
                    name=self.names[role].text().strip()))
                return False
        return True


class VillagesPage(_Page):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard, self.tr("Villages and residential groups"), self.tr(
            "One per line: they are offered when an address is typed. They can be changed in Settings."))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Village 1\nVillage 2\nResidential group 3"))
        self.text.setTabChangesFocus(True)
        self.layout_.addWidget(self.text, 1)
        self.finish_layout()

    def villages(self) -> list[str]:
        return [line.strip() for line in self.text.toPlainText().splitlines() if line.strip()]


class BackupPage(_Page):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard, self.tr("Backups"), self.tr(
            "The desk backs itself up every day, encrypted, in its own folder. A second copy on a USB drive or "
            "another disk keeps the data if this computer fails."))
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("no second folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Second backup folder:"), row)
        self.layout_.addLayout(form)
        self.finish_layout()

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the second backup folder"),
                                                  self.folder.text() or str(Path.home()))
        if chosen:
            self.folder.setText(chosen)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        text = self.folder.text().strip()
        if text and (not Path(text).is_absolute() or not Path(text).is_dir()):
            self.show_error(self.tr("The second backup folder must be an existing folder (for example a USB "
                                    "drive): {path}").format(path=text))
            return False
        return True

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return UPPER_KEY


class UpperKeyPage(_Page):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard, self.tr("The upper level"), self.tr("Its key, now or later."))
        self.keys: UpperLevelPublicKeys | None = None
        self.path: Path | None = None
        self.explain = text_label()
        self.choose = QPushButton(self.tr("Choose the upper level's key file…"))
        self.choose.clicked.connect(self._choose)
        self.fingerprint = fingerprint_label()
        self.fingerprint_note = text_label(style=NOTE_STYLE)
        self.layout_.addWidget(self.explain)
        self.layout_.addWidget(self.choose, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.fingerprint_note)
        self.layout_.addWidget(self.fingerprint)
        self.finish_layout()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        super().initializePage()
        upper = self.owner.upper
        self.choose.setVisible(not upper)
        if upper:
            self.explain.setText(self.tr(
                "Press Finish: the desk makes the upper level's keys. Then, on the Consolidation screen, save the "
                "public key file for the communes and enrol each commune."))
        else:
            self.explain.setText(self.tr(
                "Data go up to the upper level in packages encrypted with its key. Choose the key file it gave you "
                "now, or later on the Upper-level sync screen."))

    def set_key_file(self, path: Path) -> None:
        """Read the upper level's key file and show its fingerprint to compare by phone."""
        try:
            keys = UpperLevelPublicKeys.read(path)
        except UserError as error:
            self.keys, self.path = None, None
            self.fingerprint.clear()
            self.fingerprint_note.clear()
            self.show_error(error.render(self.owner._lang))
            return
        self.keys, self.path = keys, path
        self.error.clear()
        self.fingerprint_note.setText(self.tr(
            "{name}: phone the upper level and compare these words (or the digits) before sending data:").format(
            name=keys.unit_name))
        fingerprint = keys.fingerprint()
        self.fingerprint.setText(fingerprint_lines(fingerprint.words) + "\n" + fingerprint.digits)

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the upper level's key file"), str(Path.home()),
                                                self.tr("Key files (*.json)"))
        if chosen:
            self.set_key_file(Path(chosen))

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return -1
