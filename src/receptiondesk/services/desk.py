"""The open desk: one database, one context, and every service over them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from receptiondesk.domain.values import Clock, now_vietnam
from receptiondesk.errors import UserError, raise_for
from receptiondesk.services import privacy
from receptiondesk.services.accounts import AccountService, UserSession
from receptiondesk.services.audit import AuditService
from receptiondesk.services.backups import BackupService
from receptiondesk.services.case_history import CaseHistoryService
from receptiondesk.services.cases import CaseService
from receptiondesk.documents.layout import DEMO_MARK, set_page_mark
from receptiondesk.services.consolidated_reports import ConsolidatedReports
from receptiondesk.services.consolidation import ConsolidationService
from receptiondesk.services.context import DeskContext
from receptiondesk.services.dashboard import DashboardService
from receptiondesk.services.followup import FollowupService
from receptiondesk.services.intake import IntakeService
from receptiondesk.services.list_export import ListExportService
from receptiondesk.services.documents import DocumentService
from receptiondesk.services.excel_import import ExcelImportService
from receptiondesk.services.issuing import DocumentRegister
from receptiondesk.services.logbook import LogbookService
from receptiondesk.services.privacy import PrivacyService
from receptiondesk.services.report_builder import ReportBuilder
from receptiondesk.services.reports import ReportService
from receptiondesk.services.sessions import SessionService
from receptiondesk.services.setup import SetupService, commune_problems
from receptiondesk.services.sync import SyncService
from receptiondesk.services.voiding import VoidService
from receptiondesk.storage.database import Database, open_database


class Desk:
    """What the GUI and the CLI talk to."""

    def __init__(self, database: Database, *, clock: Clock = now_vietnam) -> None:
        self.database = database
        self.context = DeskContext(database, clock=clock)
        self.accounts = AccountService(database, clock)
        self.audit = AuditService(self.context)
        self.setup = SetupService(self.context)
        self.intake = IntakeService(self.context)
        self.cases = CaseService(self.context)
        self.case_history = CaseHistoryService(self.context)
        self.sessions = SessionService(self.context)
        self.followup = FollowupService(self.context)
        self.logbook = LogbookService(self.context)
        self.dashboard = DashboardService(self.context)
        self.reports = ReportService(self.context)
        self.documents = DocumentRegister(self.context)
        self.voiding = VoidService(self.context)
        self.privacy = PrivacyService(self.context)
        self.paperwork = DocumentService(self.context, self.documents, self.sessions, self.logbook, self.privacy)
        self.backups = BackupService(self.context)
        self.exports = ListExportService(self.context)
        self.excel_import = ExcelImportService(self.context)
        self.sync = SyncService(self.context)
        self.consolidation = ConsolidationService(self.context, self.sessions)
        self.report_builder = ReportBuilder(self.context, self.reports, self.sessions, self.paperwork)
        self.consolidated_reports = ConsolidatedReports(self.context, self.report_builder, self.consolidation)
        # This process prints as the desk it opened: the demonstration desk marks every page "DEMO".
        set_page_mark(DEMO_MARK if self.context.settings.demo else "")

    # -- who is signed in ------------------------------------------------------------------
    def login(self, username: str, password: str) -> UserSession:
        session = self.accounts.login(username, password)
        self.context.session = session
        return session

    def sign_in(self, session: UserSession) -> None:
        """Use a session obtained otherwise (first administrator, recovery)."""
        self.context.session = session

    def logout(self) -> None:
        self.context.session = None

    def first_run(self, commune_code: str, username: str, full_name: str, password: str,
                  repeated: str | None = None, **setup: Any) -> str:
        """Create the administrator and set up the unit in one go; returns the recovery key to print."""
        commune_code = (commune_code or "").strip()
        set_up = self.context.is_set_up  # a desk upgraded from before accounts keeps its unit
        if set_up and self.accounts.has_users:
            raise UserError("setup.already_done", unit=self.context.settings.commune_code)
        if not set_up:
            raise_for(commune_problems(commune_code))
        session, recovery = self.accounts.create_first_administrator(username, full_name, password, repeated)
        self.sign_in(session)
        if not set_up:
            self.setup.initialise(commune_code, session.user.full_name, **setup)
        else:
            self._seal_earlier_protected()
        return recovery

    def _seal_earlier_protected(self) -> None:
        """A desk upgraded from before accounts: people already protected get their identity sealed now."""
        conn = self.database.conn
        ids = [r[0] for r in conn.execute("SELECT id FROM citizens WHERE protected = 1 AND sealed_identity IS NULL")]
        if ids:
            with self.database.write():
                privacy.protect_citizens(self.context, conn, ids, self.context.stamp())
            privacy.purge_old_copies(self.context)

    @classmethod
    def open(cls, path: Path, *, clock: Clock = now_vietnam) -> Desk:
        return cls(open_database(path), clock=clock)

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
