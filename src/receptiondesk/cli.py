"""The command line: a peer of the GUI over the same services, for scripts and for moving data (no Qt here).

Exit codes: 0 done; 1 `check` found problems; 2 the command line itself is wrong; 3 refused (bad input,
bad file, locked or newer database, data directory missing...); 70 an unexpected error (logged).
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from receptiondesk import paths
from receptiondesk.domain.report_periods import MAX_CUTOFF_DAY, parse_period
from receptiondesk.domain.report_tables import ReportKind
from receptiondesk.errors import UserError
from receptiondesk.interchange.excel_logbook import LOGBOOK_FIELDS
from receptiondesk.messages import LANGUAGES, enum_label, text
from receptiondesk.services.desk import Desk
from receptiondesk.services.report_builder import REPORT_FORMATS, report_json
from receptiondesk.storage.listing import ListRequest

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEMS_FOUND = 1
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_BUG = 70

USER_VARIABLE = "RECEPTIONDESK_USER"
PASSWORD_VARIABLE = "RECEPTIONDESK_PASSWORD"
RECOVERY_KEY_VARIABLE = "RECEPTIONDESK_RECOVERY_KEY"

COMMANDS = ("init", "import", "export", "search", "visits", "letters", "cases", "sessions", "assignments", "check",
            "generate", "citizen-data", "backup", "restore", "doc", "report", "import-excel", "sync")


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage error exits with EXIT_USAGE whatever argparse's default."""

    def error(self, message: str) -> None:  # noqa: D401 - argparse's signature
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def _bool_filter(value: str) -> bool:
    if value.lower() in ("1", "yes", "true", "co", "có"):
        return True
    if value.lower() in ("0", "no", "false", "khong", "không"):
        return False
    raise argparse.ArgumentTypeError("yes/no")


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(prog="receptiondesk", description="Bàn tiếp công dân — ReceptionDesk")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="the desk's data directory (default: the user data directory)")
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help="language of messages (vi, en; default vi, or for the window the one set in Settings)")
    parser.add_argument("--user", default=None,
                        help=f"the account to sign in with (default: ${USER_VARIABLE}); the password is read from "
                             f"${PASSWORD_VARIABLE} or asked for")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (a temporary desk, a printed page, the window offscreen) and "
                             "exit 0, or name what failed")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)

    init = commands.add_parser("init", help="set up a new desk: its unit and its administrator (--user)")
    init.add_argument("--commune", required=True, help="5-digit commune code (2025 list)")
    init.add_argument("--officer", default="", help="the reception officer's (administrator's) full name")
    init.add_argument("--signer", action="append", default=[], metavar="NAME|TITLE|ROLE",
                      help="a signer, e.g. 'Nguyễn Văn A|Chủ tịch|chairman' (repeatable)")
    init.add_argument("--village", action="append", default=[], help="a village or residential group (repeatable)")
    init.add_argument("--delegation-threshold", type=int, default=None)
    init.add_argument("--remote-area", action="store_true", help="longer legal time limits of remote areas")

    imp = commands.add_parser("import", help="import an interchange file (all or nothing)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check and count, change nothing")
    imp.add_argument("--json", action="store_true")

    exp = commands.add_parser("export", help="export the desk to an interchange file")
    exp.add_argument("file", type=Path)
    exp.add_argument("--include-protected", action="store_true",
                     help="write protected identities in the file (needs that permission; audited)")
    exp.add_argument("--json", action="store_true")

    search = commands.add_parser("search", help="search visits by name, address or content (diacritics optional)")
    search.add_argument("text")
    _paging(search, 50)

    visits = commands.add_parser("visits", help="the reception logbook")
    visits.add_argument("--from", dest="date_from", type=date.fromisoformat, metavar="YYYY-MM-DD")
    visits.add_argument("--to", dest="date_to", type=date.fromisoformat, metavar="YYYY-MM-DD")
    visits.add_argument("--year", type=int)
    visits.add_argument("--kind", dest="reception_kind", choices=("routine", "session"))
    visits.add_argument("--channel", choices=("in_person", "online"))
    visits.add_argument("--direction", choices=("guided", "transferred", "accepted", "answered", "filed", "refused"))
    visits.add_argument("--content-type", choices=("complaint", "denunciation", "petition", "report"))
    visits.add_argument("--field", dest="field_code")
    visits.add_argument("--first-time", type=_bool_filter, metavar="yes|no")
    visits.add_argument("--delegation", dest="is_delegation", type=_bool_filter, metavar="yes|no")
    visits.add_argument("--in-competence", type=_bool_filter, metavar="yes|no")
    visits.add_argument("--id-number")
    visits.add_argument("--session", metavar="UUID")
    visits.add_argument("--citizen", metavar="UUID")
    visits.add_argument("--case", metavar="UUID")
    visits.add_argument("--sort", choices=("newest", "oldest", "logbook", "name"), default="newest")
    _paging(visits, 100)

    letters = commands.add_parser("letters", help="the register of letters received")
    letters.add_argument("--from", dest="received_from", type=date.fromisoformat, metavar="YYYY-MM-DD")
    letters.add_argument("--to", dest="received_to", type=date.fromisoformat, metavar="YYYY-MM-DD")
    letters.add_argument("--year", type=int)
    letters.add_argument("--channel", choices=("post", "forwarded", "online"))
    letters.add_argument("--sort", choices=("newest", "oldest"), default="newest")
    _paging(letters, 100)

    cases = commands.add_parser("cases", help="cases, filtered by type, field, status...")
    cases.add_argument("--from", dest="received_from", type=date.fromisoformat, metavar="YYYY-MM-DD")
    cases.add_argument("--to", dest="received_to", type=date.fromisoformat, metavar="YYYY-MM-DD")
    cases.add_argument("--content-type", choices=("complaint", "denunciation", "petition", "report"))
    cases.add_argument("--field", dest="field_code")
    cases.add_argument("--status", choices=("received", "in_progress", "concluded", "informed", "closed"))
    cases.add_argument("--direction", choices=("guided", "transferred", "accepted", "answered", "filed", "refused"))
    cases.add_argument("--overdue", action="store_true", help="open cases past their due date today")
    cases.add_argument("--match", help="words in the summary, citizen or respondent (diacritics optional)")
    cases.add_argument("--sort", choices=("newest", "oldest", "due"), default="newest")
    _paging(cases, 100)

    sessions = commands.add_parser("sessions", help="leaders' reception sessions")
    sessions.add_argument("--from", dest="date_from", type=date.fromisoformat, metavar="YYYY-MM-DD")
    sessions.add_argument("--to", dest="date_to", type=date.fromisoformat, metavar="YYYY-MM-DD")
    sessions.add_argument("--sector", choices=("state", "party"))
    sessions.add_argument("--kind", choices=("scheduled", "ad_hoc", "dialogue"))
    sessions.add_argument("--status", choices=("planned", "held", "cancelled"))
    sessions.add_argument("--sort", choices=("newest", "oldest"), default="newest")
    _paging(sessions, 100)

    assignments = commands.add_parser("assignments", help="assignments under follow-up")
    assignments.add_argument("--open", type=_bool_filter, metavar="yes|no", help="without a result yet (yes) or with")
    assignments.add_argument("--overdue", action="store_true", help="past the deadline without a result")
    assignments.add_argument("--not-told", action="store_true", help="result known, citizen not yet told")
    assignments.add_argument("--assignee")
    assignments.add_argument("--case", metavar="UUID")
    assignments.add_argument("--session", metavar="UUID")
    assignments.add_argument("--sort", choices=("deadline", "newest"), default="deadline")
    _paging(assignments, 100)

    check = commands.add_parser("check", help="check the database's integrity")
    check.add_argument("--full", action="store_true",
                       help="also read every backup whole and compare it with the hash recorded when it was made")
    check.add_argument("--json", action="store_true")

    backup = commands.add_parser("backup", help="back up the desk now: encrypted, verified, also to the second folder")
    backup.add_argument("--json", action="store_true")

    restore = commands.add_parser("restore", help="restore a backup (the current file is backed up first); without "
                                                  "a file, list the backups")
    restore.add_argument("file", type=Path, nargs="?", help="the backup file (a name in the backups folder is enough)")
    restore.add_argument("--list", action="store_true", help="list the backups with their dates and counts")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.add_argument("--recovery-key", default=None,
                         help=f"restore without signing in (a damaged desk file, a forgotten password); also read "
                              f"from ${RECOVERY_KEY_VARIABLE}")
    restore.add_argument("--year", type=int, default=None,
                         help="year of the --last-logbook/--last-letter numbers and of documents without one "
                              "(default: this year)")
    restore.add_argument("--last-logbook", type=int, default=None, metavar="N", help="last logbook number used")
    restore.add_argument("--last-letter", type=int, default=None, metavar="N", help="last letter number used")
    restore.add_argument("--last-package", type=int, default=None, metavar="N",
                         help="last data package number sent to the upper level")
    restore.add_argument("--last-document", action="append", default=[], metavar="ISSUER:TYPE[:YEAR]=N",
                         help="last document number used in a register, e.g. UBND:TB=12 (repeatable)")
    restore.add_argument("--json", action="store_true")

    data = commands.add_parser("citizen-data", help="everything held about one citizen (a data request; audited)")
    data.add_argument("citizen", metavar="UUID")
    data.add_argument("--reason", default="", help="why (needed to open a protected identity)")
    data.add_argument("--json", action="store_true")

    doc = commands.add_parser("doc", help="official documents: issue, print a preview, reprint, list")
    doc_actions = doc.add_subparsers(dest="doc_action", required=True, metavar="ACTION")
    doc_issue = doc_actions.add_parser("issue", help="issue a document (its number and date are fixed, the PDF kept)")
    doc_preview = doc_actions.add_parser("print", help="write a document's preview (no number yet) to a PDF file")
    for sub in (doc_issue, doc_preview):
        sub.add_argument("kind", choices=DOCUMENT_KINDS,
                         help="conclusion-notice (a held session's UUID); receipt, oral-statement, refusal-notice or "
                              "guidance-letter (a visit's UUID); transfer-slip (a case's UUID); logbook (--from/--to)")
        sub.add_argument("subject", nargs="?", metavar="UUID", default=None)
        sub.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    doc_issue.add_argument("--number", type=int, default=None, help="the number from the issuer's outgoing register "
                                                                    "(default: the next one)")
    doc_preview.add_argument("--from", dest="date_from", type=date.fromisoformat, metavar="YYYY-MM-DD")
    doc_preview.add_argument("--to", dest="date_to", type=date.fromisoformat, metavar="YYYY-MM-DD")
    doc_reprint = doc_actions.add_parser("reprint", help="write an issued document again, exactly as issued")
    doc_reprint.add_argument("document", metavar="UUID")
    doc_reprint.add_argument("--out", type=Path, required=True)
    doc_list = doc_actions.add_parser("list", help="issued documents, by number or by what they are about")
    doc_list.add_argument("--number", default=None, help="a document number as printed, e.g. 05/TB-UBND")
    doc_list.add_argument("--subject", default=None, metavar="UUID", help="a session's, visit's or case's UUID")
    doc_list.add_argument("--json", action="store_true")

    excel = commands.add_parser("import-excel", help="import an old reception logbook from Excel (.xlsx) or CSV: a "
                                                     "row report first, then all accepted rows at once")
    excel.add_argument("file", type=Path)
    excel.add_argument("--sheet", default=None, help="the sheet to import (default: the first that looks like a "
                                                     "logbook)")
    excel.add_argument("--mapping", type=Path, default=None, metavar="FILE",
                       help="a JSON file {\"column title\": \"field\"} correcting the guessed columns "
                            "(fields: " + ", ".join(name for name, _ in LOGBOOK_FIELDS) + ")")
    excel.add_argument("--dry-run", action="store_true", help="print the row report only; write nothing")
    excel.add_argument("--json", action="store_true", help="the row report as JSON")

    sync = commands.add_parser("sync", help="send the desk's changes to the upper level as a signed, encrypted "
                                            "package; read its acknowledgements; keys; at the upper level, "
                                            "enrol communes and import their packages")
    sync_actions = sync.add_subparsers(dest="sync_action", metavar="ACTION", required=True,
                                       parser_class=ArgumentParser)
    sync_export = sync_actions.add_parser("export", help="write the next package (every change since the last one "
                                                         "the upper level accepted) into a folder")
    sync_export.add_argument("folder", type=Path, help="a USB stick or a folder kept in step with the upper level")
    sync_export.add_argument("--with-documents", action="store_true",
                             help="also carry the documents issued since (never one naming a protected person)")
    sync_export.add_argument("--json", action="store_true")
    sync_ack = sync_actions.add_parser("import-ack", help="read the upper level's signed acknowledgement")
    sync_ack.add_argument("file", type=Path)
    sync_ack.add_argument("--json", action="store_true")
    sync_status = sync_actions.add_parser("status", help="what was sent, acknowledged and is still waiting")
    sync_status.add_argument("--json", action="store_true")
    sync_keys = sync_actions.add_parser("keys", help="the keys' fingerprints; export ours, import the upper level's")
    sync_keys.add_argument("--export-public", type=Path, default=None, metavar="FILE",
                           help="write the commune's public key file for the upper level")
    sync_keys.add_argument("--import-upper", type=Path, default=None, metavar="FILE",
                           help="keep the upper level's public key file (administrators); compare its fingerprint "
                                "by phone")
    sync_keys.add_argument("--json", action="store_true")
    upper_init = sync_actions.add_parser("upper-init", help="make this desk the upper level's consolidation desk "
                                                            "(administrators, once): its keys, for its province")
    upper_init.add_argument("--public-keys", type=Path, default=None, metavar="FILE",
                            help="also write the public key file the communes import")
    upper_init.add_argument("--json", action="store_true")
    enrol = sync_actions.add_parser("enrol", help="at the upper level: enrol a commune from its public key file "
                                                  "(administrators); compare the fingerprint by phone")
    enrol.add_argument("file", type=Path)
    enrol.add_argument("--json", action="store_true")
    sync_import = sync_actions.add_parser("import", help="at the upper level: check a commune's package and import "
                                                         "its records (all or nothing; the same package twice "
                                                         "changes nothing)")
    sync_import.add_argument("file", type=Path)
    sync_import.add_argument("--dry-run", action="store_true", help="check and count only; write nothing")
    sync_import.add_argument("--ack-folder", type=Path, default=None, metavar="DIR",
                             help="write the signed acknowledgement <unit>-<sequence>.rdack into this folder")
    sync_import.add_argument("--json", action="store_true")
    sync_reports = sync_actions.add_parser("reports", help="at the upper level: the reports the communes submitted "
                                                           "(their packages carry them), accepted or not")
    sync_reports.add_argument("--unit", default=None, help="one commune's (its 5-digit code)")
    sync_reports.add_argument("--json", action="store_true")
    accept = sync_actions.add_parser("accept-report", help="at the upper level: accept a commune's submitted report "
                                                           "(its period is locked: later changes show as "
                                                           "amendments)")
    accept.add_argument("id", type=int, help="the report's number in “sync reports”")
    accept.add_argument("--json", action="store_true")
    rebuild = sync_actions.add_parser("rebuild", help="at the upper level: write the file that rebuilds a commune's "
                                                      "lost desk from what is held here (its own records; the new "
                                                      "desk imports it with “receptiondesk import”)")
    rebuild.add_argument("--unit", required=True, help="the commune's 5-digit code")
    rebuild.add_argument("--out", type=Path, required=True, help="the file to write (.jsonl)")
    rebuild.add_argument("--include-protected", action="store_true",
                         help="include protected identities (users who may see them; audited)")
    rebuild.add_argument("--json", action="store_true")

    report = commands.add_parser("report", help="a periodic report (Biểu 01/TCD, classification, letters, "
                                                "resolution, follow-up, compliance; state or Party) as a file")
    report.add_argument("--period", required=True,
                        help="2026-03 (month), 2026-Q1 (quarter), 2026-H1 (6 months), 2026-9M, 2026 (year) or "
                             "2026-03-01..2026-03-15")
    report.add_argument("--kind", default="state", choices=[k.value for k in ReportKind])
    report.add_argument("--format", default="json", choices=REPORT_FORMATS)
    report.add_argument("--out", type=Path, default=None, help="the file to write (json: printed if none)")
    report.add_argument("--cutoff-day", type=int, default=None,
                        help="the data cut-off day (1-28; 0: calendar months; default: the desk's setting)")
    report.add_argument("--narrative", type=Path, default=None, metavar="FILE",
                        help="a text file with the narrative as edited (default: the generated draft)")
    report.add_argument("--submit", action="store_true", help="mark the report as submitted to the upper level")
    scope = report.add_mutually_exclusive_group()
    scope.add_argument("--unit", default=None, help="at the upper level: one commune's report, from its records "
                                                    "held here")
    scope.add_argument("--consolidated", action="store_true",
                       help="at the upper level: every unit in total, unit by unit, with the communes' submitted "
                            "reports reconciled")

    generate = commands.add_parser("generate", help="fill a desk just set up (no records yet) with realistic "
                                                    "demonstration data")
    generate.add_argument("--scale", choices=("commune", "province"), required=True,
                          help="commune: this desk's commune, one year (5,000 visits); province: every commune "
                               "of its province, five years (1,000,000 visits)")
    generate.add_argument("--visits", type=int, default=None, help="number of visits instead of the scale's own")
    generate.add_argument("--seed", type=int, default=None, help="the same seed gives the same data")
    generate.add_argument("--until", type=date.fromisoformat, metavar="YYYY-MM-DD",
                          help="last day of the data (default: yesterday)")
    generate.add_argument("--json", action="store_true")
    return parser


def _paging(parser: argparse.ArgumentParser, default_limit: int) -> None:
    parser.add_argument("--limit", type=int, default=default_limit)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--include-voided", action="store_true")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


# -- output --------------------------------------------------------------------------------

def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")


def _print_table(rows: list[dict[str, Any]], columns: list[tuple[str, str, Callable[[dict], str]]],
                 lang: str) -> None:
    headers = [text(f"field.{name}", lang) if name else title for name, title, _ in columns]
    cells = [[render(row) for _, _, render in columns] for row in rows]
    widths = [min(60, max([len(h)] + [len(c[i]) for c in cells])) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
    for row in cells:
        print("  ".join((c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(row, widths)).rstrip())
    print(text("cli.rows", lang, n=len(rows)))


def _vn_date(value: str | None) -> str:
    return date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""


def _visit_columns(lang: str):
    return [
        ("", text("cli.col.number", lang), lambda r: f"{r['logbook_no']}/{r['year']}"),
        ("visit_date", "", lambda r: _vn_date(r["visit_date"])),
        ("full_name", "", lambda r: r["full_name"]),
        ("summary", "", lambda r: r["summary"].replace("\n", " ")),
        ("content_type", "", lambda r: ", ".join(enum_label("content_type", t, lang)
                                                  for t in (r["content_types"] or "").split(",") if t)),
        ("headcount", "", lambda r: str(r["headcount"])),
        ("direction", "", lambda r: enum_label("direction", r["direction"], lang)),
        ("", "UUID", lambda r: r["uuid"]),
    ]


# -- commands ------------------------------------------------------------------------------

def _filters(args: argparse.Namespace, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(args, name) for name in names if getattr(args, name, None) not in (None, "")}


def _list_request(args: argparse.Namespace, filters: dict[str, Any]) -> ListRequest:
    return ListRequest(filters=filters, sort=args.sort, include_voided=args.include_voided)


def cmd_init(desk: Desk, args: argparse.Namespace) -> int:
    from receptiondesk.services.setup import SignerDraft

    signers = []
    for spec in args.signer:
        parts = [p.strip() for p in spec.split("|")]
        if len(parts) != 3:
            raise UserError("cli.signer_format", "signer_name", value=spec)
        signers.append(SignerDraft(*parts))
    username = _username(args)
    recovery = desk.first_run(args.commune, username, args.officer or username, _password(args, confirm=True),
                              signers=signers, villages=args.village,
                              delegation_threshold=args.delegation_threshold, remote_area=args.remote_area)
    settings = desk.context.settings
    print(text("cli.initialised", args.lang, unit=settings.commune.commune_name, unit_code=settings.commune_code,
               path=str(desk.database.path)))
    print(text("cli.recovery_key", args.lang, key=recovery))
    return EXIT_OK


def cmd_search(desk: Desk, args: argparse.Namespace) -> int:
    rows = desk.logbook.search(args.text, limit=args.limit, offset=args.offset, include_voided=args.include_voided)
    return _emit(rows, args, _visit_columns(args.lang))


def cmd_visits(desk: Desk, args: argparse.Namespace) -> int:
    filters = _filters(args, ("date_from", "date_to", "year", "reception_kind", "channel", "direction",
                              "content_type", "field_code", "first_time", "is_delegation", "in_competence",
                              "id_number", "session", "citizen", "case"))
    rows = desk.logbook.visits(_list_request(args, filters), limit=args.limit, offset=args.offset)
    return _emit(rows, args, _visit_columns(args.lang))


def cmd_letters(desk: Desk, args: argparse.Namespace) -> int:
    filters = _filters(args, ("received_from", "received_to", "year", "channel"))
    rows = desk.logbook.letters(_list_request(args, filters), limit=args.limit, offset=args.offset)
    lang = args.lang
    return _emit(rows, args, [
        ("", text("cli.col.number", lang), lambda r: f"{r['letter_no']}/{r['year']}"),
        ("received_on", "", lambda r: _vn_date(r["received_on"])),
        ("letter_channel", "", lambda r: enum_label("letter_channel", r["channel"], lang)),
        ("full_name", "", lambda r: r["full_name"]),
        ("summary", "", lambda r: r["summary"].replace("\n", " ")),
        ("", "UUID", lambda r: r["uuid"]),
    ])


def cmd_cases(desk: Desk, args: argparse.Namespace) -> int:
    filters = _filters(args, ("received_from", "received_to", "content_type", "field_code", "status", "direction",
                              "match"))
    if args.overdue:
        filters["overdue_on"] = desk.context.today()
    rows = desk.cases.list(_list_request(args, filters), limit=args.limit, offset=args.offset)
    lang = args.lang
    return _emit(rows, args, [
        ("received_on", "", lambda r: _vn_date(r["received_on"])),
        ("content_type", "", lambda r: enum_label("content_type", r["content_type"], lang)),
        ("field_code", "", lambda r: r["field_code"]),
        ("summary", "", lambda r: r["summary"].replace("\n", " ")),
        ("status", "", lambda r: enum_label("case_status", r["status"], lang)),
        ("", text("cli.col.due", lang), lambda r: _vn_date(r["due_date"])),
        ("", "UUID", lambda r: r["uuid"]),
    ])


def cmd_sessions(desk: Desk, args: argparse.Namespace) -> int:
    filters = _filters(args, ("date_from", "date_to", "sector", "kind", "status"))
    rows = desk.sessions.list(_list_request(args, filters), limit=args.limit, offset=args.offset)
    lang = args.lang
    return _emit(rows, args, [
        ("session_date", "", lambda r: _vn_date(r["session_date"])),
        ("sector", "", lambda r: enum_label("sector", r["sector"], lang)),
        ("session_kind", "", lambda r: enum_label("session_kind", r["kind"], lang)),
        ("leader_name", "", lambda r: r["delegate_name"] or r["leader_name"]),
        ("status", "", lambda r: enum_label("session_status", r["status"], lang)),
        ("", text("cli.col.cases", lang), lambda r: str(r["case_count"])),
        ("", "UUID", lambda r: r["uuid"]),
    ])


def cmd_assignments(desk: Desk, args: argparse.Namespace) -> int:
    filters = _filters(args, ("open", "assignee", "case", "session"))
    if args.overdue:
        filters["overdue_on"] = desk.context.today()
    if args.not_told:
        filters["citizen_not_told"] = True
    rows = desk.followup.list(_list_request(args, filters), limit=args.limit, offset=args.offset)
    return _emit(rows, args, [
        ("assignee", "", lambda r: r["assignee"]),
        ("task", "", lambda r: r["task"].replace("\n", " ")),
        ("deadline", "", lambda r: _vn_date(r["deadline"])),
        ("result_on", "", lambda r: _vn_date(r["result_on"])),
        ("told_on", "", lambda r: _vn_date(r["citizen_told_on"])),
        ("", "UUID", lambda r: r["uuid"]),
    ])


def cmd_check(desk: Desk, args: argparse.Namespace) -> int:
    from receptiondesk.services.integrity import check_database

    findings = check_database(desk.context, audit=desk.audit)
    if getattr(args, "full", False):
        findings += desk.backups.check_all()
    if args.json:
        head_id, head_mac = desk.audit.head()
        _print_json({"ok": not findings, "problems": findings, "audit_head": {"id": head_id, "mac": head_mac}})
    elif findings:
        for finding in findings:
            print(text(finding["code"], args.lang, **finding.get("params", {})))
    else:
        print(text("cli.check_ok", args.lang))
    return EXIT_PROBLEMS_FOUND if findings else EXIT_OK


def cmd_import(desk: Desk, args: argparse.Namespace) -> int:
    from receptiondesk.services.interchange import import_file

    report = import_file(desk.context, args.file, dry_run=args.dry_run)
    if args.json:
        _print_json(report.as_dict())
    else:
        print(text("cli.import_done" if not args.dry_run else "cli.import_dry_run", args.lang, **report.totals()))
        for entity, counts in report.by_entity().items():
            print(f"  {entity}: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
        for reason in report.rejections[:50]:
            print("  " + text(reason["code"], args.lang, **reason["params"]))
    return EXIT_OK


def cmd_export(desk: Desk, args: argparse.Namespace) -> int:
    from receptiondesk.services.interchange import export_file

    counts = export_file(desk.context, args.file, include_protected=args.include_protected)
    if args.json:
        _print_json({"file": str(args.file), "records": counts})
    else:
        print(text("cli.export_done", args.lang, n=sum(counts.values()), file=str(args.file)))
    return EXIT_OK


def cmd_generate(desk: Desk, args: argparse.Namespace) -> int:
    from receptiondesk.demo.generator import DEFAULT_SEED
    from receptiondesk.demo.loader import generate_into

    lang = args.lang
    seed = DEFAULT_SEED if args.seed is None else args.seed
    shown = {"at": time.monotonic()}

    def started(first: date, last: date, visits: int) -> None:
        print(text("demo.started", lang, scale=text(f"demo.scale.{args.scale}", lang), visits=f"{visits:,}",
                   first=_vn_date(first.isoformat()), last=_vn_date(last.isoformat()), seed=seed), flush=True)

    def progress(records: int) -> None:
        if time.monotonic() - shown["at"] >= 10:
            shown["at"] = time.monotonic()
            print(text("demo.progress", lang, records=f"{records:,}"), file=sys.stderr, flush=True)

    result = generate_into(desk.context, args.scale, visits=args.visits, seed=seed, until=args.until,
                           on_start=None if args.json else started, progress=None if args.json else progress)
    if args.json:
        _print_json({"scale": result.scale, "visits": result.visits, "seed": result.seed,
                     "from": result.first_day.isoformat(), "to": result.last_day.isoformat(),
                     "records": result.counts, "total": result.total, "calendar_years": result.calendar_years,
                     "seconds": round(result.seconds, 1)})
        return EXIT_OK
    print(text("demo.done", lang, total=f"{result.total:,}", seconds=f"{result.seconds:.1f}"))
    for entity, count in result.counts.items():
        print(f"  {text(f'demo.entity.{entity}', lang)}: {count:,}")
    if result.calendar_years:
        print(text("demo.calendar_added", lang, years=", ".join(map(str, result.calendar_years))))
    return EXIT_OK


def cmd_citizen_data(desk: Desk, args: argparse.Namespace) -> int:
    data = desk.privacy.citizen_data(args.citizen, args.reason)
    if args.json:
        _print_json(data)
        return EXIT_OK
    lang, person = args.lang, data["citizen"]
    print(text("cli.data_title", lang, name=person["full_name"]))
    for key in ("full_name", "id_number", "birth_year", "gender", "phone", "address"):
        if person.get(key) not in (None, ""):
            print(f"  {text(f'field.{key}', lang)}: {person[key]}")
    sections = (("visits", "cli.data_visits", lambda r: f"{r['logbook_no']}/{r['year']}  {_vn_date(r['visit_date'])}  "
                                                       f"{r['summary']}"),
                ("letters", "cli.data_letters", lambda r: f"{r['letter_no']}/{r['year']}  {_vn_date(r['received_on'])}  "
                                                         f"{r['summary']}"),
                ("cases", "cli.data_cases", lambda r: f"{_vn_date(r['received_on'])}  "
                                                     f"{enum_label('content_type', r['content_type'], lang)}  "
                                                     f"{enum_label('case_status', r['status'], lang)}  {r['summary']}"),
                ("assignments", "cli.data_assignments", lambda r: f"{r['assignee']}: {r['task']}  "
                                                                 f"({_vn_date(r['deadline'])})"))
    for key, title, render in sections:
        print(text(title, lang, n=len(data[key])))
        for row in data[key]:
            print("  " + render(row).replace("\n", " "))
    return EXIT_OK


def _size(size: int) -> str:
    return f"{size / 2**20:,.1f} MiB" if size >= 2**20 else f"{size / 2**10:,.0f} KiB"


def _counts_line(counts: dict[str, int], lang: str) -> str:
    return text("cli.backup_counts", lang, **{k: f"{counts.get(k, 0):,}" for k in
                                              ("visits", "letters", "cases", "sessions", "documents")})


def _backup_date(created_at: str) -> str:
    return datetime.fromisoformat(created_at).strftime("%d/%m/%Y %H:%M") if created_at else "?"


def cmd_backup(desk: Desk, args: argparse.Namespace) -> int:
    result = desk.backups.back_up("manual")
    lang = args.lang
    if args.json:
        _print_json({"file": str(result.path), "created_at": result.created_at, "size": result.size,
                     "sha256": result.sha256, "counts": result.counts,
                     "second_copy": str(result.second_copy) if result.second_copy else None,
                     "second_problem": result.second_problem.code if result.second_problem else None,
                     "removed": [str(p) for p in result.removed],
                     "seconds": {k: round(v, 3) for k, v in result.seconds.items()}})
    else:
        print(text("cli.backup_done", lang, file=str(result.path), size=_size(result.size),
                   seconds=f"{result.seconds.get('total', 0):.1f}"))
        print(_counts_line(result.counts, lang))
        print(text("cli.backup_hash", lang, sha256=result.sha256))
        if result.second_copy is not None:
            print(text("cli.backup_second_ok", lang, file=str(result.second_copy)))
        if result.removed:
            print(text("cli.backup_removed", lang, n=len(result.removed)))
    if result.second_problem is not None:
        print(text("cli.backup_second_failed", lang, reason=result.second_problem.render(lang)), file=sys.stderr)
    return EXIT_OK


def _restore_numbers(args: argparse.Namespace):
    from receptiondesk.services.backups import RestoreNumbers

    documents: dict[tuple[str, str, int], int] = {}
    year = args.year or date.today().year
    for spec in args.last_document:
        register, _, number = spec.rpartition("=")
        parts = [p.strip() for p in register.split(":")]
        try:
            if len(parts) not in (2, 3) or not all(parts):
                raise ValueError(spec)
            documents[(parts[0], parts[1], int(parts[2]) if len(parts) == 3 else year)] = int(number)
        except ValueError:
            raise UserError("backup.bad_document_register", value=spec) from None
    return RestoreNumbers(year=args.year, logbook=args.last_logbook, letters=args.last_letter,
                          package=args.last_package, documents=documents)


def _backup_file(args: argparse.Namespace, folder: Path) -> Path:
    """The file as given, or a name in the backups folder."""
    chosen: Path = args.file
    if not chosen.exists() and not chosen.is_absolute() and (folder / chosen).exists():
        return folder / chosen
    return chosen


def _print_backups(infos, args: argparse.Namespace, folder: Path) -> int:
    lang = args.lang
    if args.json:
        _print_json([{"file": str(i.path), "created_at": i.created_at, "kind": i.kind, "size": i.size,
                      "folder": i.folder, "counts": i.counts or None,
                      "problem": i.problem.code if i.problem else None} for i in infos])
        return EXIT_OK
    if not infos:
        print(text("cli.restore_none", lang, path=str(folder)))
        return EXIT_OK
    rows = [{"date": _backup_date(i.created_at), "kind": text(f"backup.kind.{i.kind}", lang) if i.kind else "",
             "counts": (f"{i.counts.get('visits', 0)}/{i.counts.get('letters', 0)}/{i.counts.get('cases', 0)}"
                        if i.counts else (i.problem.render(lang) if i.problem else "")),
             "file": i.path.name if i.path.parent == folder else str(i.path)} for i in infos]
    _print_table(rows, [("", text("cli.col.date", lang), lambda r: r["date"]),
                        ("", text("cli.col.kind", lang), lambda r: r["kind"]),
                        ("", text("cli.col.counts", lang), lambda r: r["counts"]),
                        ("", text("cli.col.file", lang), lambda r: r["file"])], lang)
    return EXIT_OK


def _confirm_restore(info, args: argparse.Namespace) -> bool:
    lang = args.lang
    print(text("cli.restore_about", lang, date=_backup_date(info.created_at),
               kind=text(f"backup.kind.{info.kind}", lang), file=str(info.path)))
    if info.counts:
        print(_counts_line(info.counts, lang))
    if args.yes:
        return True
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError("cli.restore_needs_yes")
    answer = input(text("cli.restore_confirm", lang)).strip().lower()
    if answer in ("co", "có", "c", "yes", "y"):
        return True
    print(text("cli.restore_cancelled", lang))
    return False


def _print_restored(result, args: argparse.Namespace) -> int:
    lang = args.lang
    if args.json:
        _print_json({"file": str(result.source), "created_at": result.created_at, "counts": result.counts,
                     "restore_epoch": result.restore_epoch,
                     "before": str(result.before) if result.before else None,
                     "aside": str(result.aside) if result.aside else None,
                     "floors": {"sources": result.floors.sources,
                                "counters": [[*k, v] for k, v in sorted(result.floors.counters.items())],
                                "documents": [[*k, v] for k, v in sorted(result.floors.documents.items())]}})
        return EXIT_OK
    print(text("cli.restore_done", lang, date=_backup_date(result.created_at), epoch=result.restore_epoch))
    if result.before is not None:
        print(text("cli.restore_before", lang, file=str(result.before)))
    if result.aside is not None:
        print(text("cli.restore_aside", lang, file=str(result.aside)))
    print(text("cli.restore_floors", lang, n=result.floors.sources))
    return EXIT_OK


def cmd_restore(desk: Desk, args: argparse.Namespace) -> int:
    from receptiondesk.services.backups import inspect_backup

    folder = desk.backups.folder
    if args.file is None or args.list:
        return _print_backups(desk.backups.list_backups(), args, folder)
    from receptiondesk.domain.accounts import Permission

    desk.context.require(Permission.ADMINISTER)
    numbers = _restore_numbers(args)
    path = _backup_file(args, folder)
    info = inspect_backup(path, desk.backups.backup_key())
    if info.problem is not None:
        raise info.problem
    if not _confirm_restore(info, args):
        return EXIT_OK
    return _print_restored(desk.backups.restore(path, numbers), args)


def _recovery_key(args: argparse.Namespace) -> str | None:
    return args.recovery_key or os.environ.get(RECOVERY_KEY_VARIABLE)


def restore_without_desk(args: argparse.Namespace, data_dir: Path) -> int:
    """`restore --recovery-key`: the desk file is not opened (it may be damaged) and nobody signs in."""
    from receptiondesk.services.backups import (
        BACKUPS_FOLDER,
        inspect_backup,
        list_backup_files,
        restore_with_recovery_key,
    )
    from receptiondesk.storage import backup_files

    folder = data_dir / BACKUPS_FOLDER
    if args.file is None or args.list:
        return _print_backups(list_backup_files(data_dir), args, folder)
    numbers = _restore_numbers(args)
    path = _backup_file(args, folder)
    recovery_key = _recovery_key(args)
    header = backup_files.read_header(path)
    info = inspect_backup(path, backup_files.key_from_recovery(header, recovery_key))
    if info.problem is not None:
        raise info.problem
    if not _confirm_restore(info, args):
        return EXIT_OK
    return _print_restored(restore_with_recovery_key(data_dir / paths.DATABASE_FILE, path, recovery_key, numbers),
                           args)


def _emit(rows: list[dict[str, Any]], args: argparse.Namespace, columns) -> int:
    if args.json:
        _print_json(rows)
    else:
        _print_table(rows, columns, args.lang)
    return EXIT_OK


DOCUMENT_KINDS = ("conclusion-notice", "receipt", "oral-statement", "refusal-notice", "guidance-letter",
                  "transfer-slip", "logbook")


def _document_draft(desk: Desk, args: argparse.Namespace):
    if args.subject is None:
        raise UserError("value.required", "document")
    kind = args.kind.replace("-", "_")
    return getattr(desk.paperwork, kind)(args.subject)


def _write(path: Path, pdf: bytes, lang: str) -> None:
    try:
        path.write_bytes(pdf)
    except OSError as exc:
        raise UserError("storage.dir_not_writable", path=str(path.parent), reason=exc.strerror or str(exc)) from exc
    print(text("cli.document_written", lang, path=str(path), size=len(pdf)))


def cmd_doc(desk: Desk, args: argparse.Namespace) -> int:
    lang = args.lang
    if args.doc_action == "list":
        if args.number:
            rows = desk.documents.find_by_number(args.number)
        elif args.subject:
            rows = [row for entity in ("sessions", "visits", "letters", "cases", "assignments")
                    for row in desk.documents.of_subject(entity, args.subject)]
        else:
            raise UserError("value.required", "document_number")
        return _emit(rows, args, [("document_number", "", lambda r: r["number_text"]),
                                  ("issued_on", "", lambda r: r["issued_on"]),
                                  ("document_title", "", lambda r: r["title"]), ("", "UUID", lambda r: r["uuid"])])
    if args.doc_action == "reprint":
        _write(args.out, desk.documents.reprint(args.document), lang)
        return EXIT_OK
    if args.kind == "logbook":
        if args.doc_action != "print" or not args.date_from or not args.date_to:
            raise UserError("value.required", "date_to")
        _write(args.out, desk.paperwork.logbook(args.date_from, args.date_to), lang)
        return EXIT_OK
    draft = _document_draft(desk, args)
    if args.doc_action == "print":
        _write(args.out, desk.paperwork.preview(draft), lang)
        return EXIT_OK
    issued = desk.paperwork.issue(draft, args.number)
    _write(args.out, issued.pdf, lang)
    print(text("cli.document_issued", lang, number=issued.number_text, uuid=issued.uuid))
    return EXIT_OK


def cmd_import_excel(desk: Desk, args: argparse.Namespace) -> int:
    from receptiondesk.interchange.excel_logbook import apply_saved_mapping, guess_layout, open_source
    from receptiondesk.services.excel_import import RowStatus

    layout = None
    if args.mapping is not None:
        try:
            saved = json.loads(args.mapping.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise UserError("excel_import.mapping_unreadable", "mapping", path=str(args.mapping),
                            reason=getattr(exc, "strerror", None) or str(exc)) from None
        if not isinstance(saved, dict) or not all(isinstance(v, str) for v in saved.values()):
            raise UserError("excel_import.mapping_unreadable", "mapping", path=str(args.mapping),
                            reason='{"title": "field", ...}')
        with open_source(args.file) as source:
            sheet = args.sheet or next((n for n in source.sheet_names if guess_layout(source, n).is_logbook),
                                       source.sheet_names[0])
            layout = apply_saved_mapping(guess_layout(source, sheet), saved)
    plan = desk.excel_import.plan(args.file, args.sheet, layout)
    lang = args.lang
    if args.json:
        _print_json({"file": plan.file_name, "sha256": plan.sha256, "sheet": plan.layout.sheet,
                     "counts": plan.counts, "dry_run": args.dry_run,
                     "rows": [{"row": o.number, "status": o.status.value, "visit_date": o.visit_date,
                               "logbook_no": o.logbook_no, "problems": [p.render(lang) for p in o.problems]}
                              for o in plan.outcomes]})
    else:
        print(text("cli.excel_plan", lang, sheet=plan.layout.sheet, **plan.counts))
        for outcome in plan.outcomes:
            if outcome.status in (RowStatus.WARNED, RowStatus.SKIPPED):
                word = text(f"cli.excel_status.{outcome.status.value}", lang)
                print(f"  {text('cli.excel_row', lang, row=outcome.number)} [{word}] "
                      + " ".join(p.render(lang) for p in outcome.problems))
    if args.dry_run:
        return EXIT_OK
    if plan.to_write == 0:
        print(text("excel_import.nothing_to_import", lang, file=plan.file_name,
                   already=plan.count(RowStatus.ALREADY), skipped=plan.count(RowStatus.SKIPPED)), file=sys.stderr)
        return EXIT_OK
    report = desk.excel_import.commit(plan)
    print(text("cli.import_done", lang, **report.totals()), file=sys.stderr if args.json else sys.stdout)
    return EXIT_OK


def _fingerprint(fingerprint: Any) -> dict[str, Any]:
    return {"digits": fingerprint.digits, "words": list(fingerprint.words)}


def cmd_sync(desk: Desk, args: argparse.Namespace) -> int:
    lang = args.lang
    if args.sync_action in ("upper-init", "enrol", "import", "reports", "accept-report", "rebuild") or (
            args.sync_action in ("keys", "status") and desk.consolidation.is_upper()):
        return _consolidation(desk, args)
    if args.sync_action == "export":
        info = desk.sync.export(args.folder, with_documents=args.with_documents)
        m = info.manifest
        result = {"file": str(info.path), "sha256": info.sha256, "size": info.size, "sequence": m.sequence,
                  "changes": [m.change_from, m.change_to], "counts": dict(m.counts)}
        if args.json:
            _print_json(result)
        else:
            print(text("cli.sync_exported", lang, file=str(info.path), sequence=m.sequence,
                       records=sum(m.counts.values()), size=info.size))
        return EXIT_OK
    if args.sync_action == "import-ack":
        ack = desk.sync.import_ack(args.file)
        if args.json:
            _print_json({"sequence": ack.package_sequence, "accepted": ack.accepted, "messages": list(ack.messages),
                         "reasons": list(ack.reasons), "known_cases": len(ack.known_cases)})
        else:
            print(text("cli.sync_ack_accepted" if ack.accepted else "cli.sync_ack_rejected", lang,
                       sequence=ack.package_sequence, watermark=desk.sync.watermark()))
            for line in (*ack.reasons, *ack.messages):
                print(f"  {line}")
        return EXIT_OK
    if args.sync_action == "keys":
        if args.import_upper is not None:
            desk.sync.import_upper_keys(args.import_upper)
        if args.export_public is not None:
            desk.sync.write_commune_public_key(args.export_public)
    status = desk.sync.status()
    upper = status.upper_keys
    if args.json:
        _print_json({"unit_code": status.unit_code, "watermark": status.watermark,
                     "pending_changes": status.pending_changes, "protected": status.protected_policy,
                     "commune_fingerprint": _fingerprint(status.commune_fingerprint),
                     "upper": None if upper is None else {"unit_code": upper.unit_code, "unit_name": upper.unit_name,
                                                          "fingerprint": _fingerprint(upper.fingerprint())},
                     "packages": [] if args.sync_action == "keys" else list(status.packages)})
        return EXIT_OK
    print(text("cli.sync_commune_key", lang, digits=status.commune_fingerprint.digits,
               words=" ".join(status.commune_fingerprint.words)))
    if upper is None:
        print(text("sync.no_upper_keys", lang))
    else:
        fingerprint = upper.fingerprint()
        print(text("cli.sync_upper_key", lang, name=upper.unit_name, digits=fingerprint.digits,
                   words=" ".join(fingerprint.words)))
    if args.sync_action == "status":
        print(text("cli.sync_status", lang, watermark=status.watermark, pending=status.pending_changes))
        for package in status.packages:
            print(f"  {package['sequence']:>5}  {package['created_at'][:16]}  {package['file_name']}  "
                  f"{package['records']:>8}  {text('cli.sync_state.' + package['status'], lang)}")
    return EXIT_OK


def _consolidation(desk: Desk, args: argparse.Namespace) -> int:
    """`sync` at the upper level: its mode and keys, enrolling communes, importing packages, the oversight."""
    lang, service = args.lang, desk.consolidation
    if args.sync_action == "upper-init":
        public = service.initialise(args.public_keys)
        fingerprint = public.fingerprint()
        if args.json:
            _print_json({"unit_code": public.unit_code, "unit_name": public.unit_name,
                         "fingerprint": _fingerprint(fingerprint),
                         "public_keys": None if args.public_keys is None else str(args.public_keys)})
            return EXIT_OK
        print(text("cli.consolidation_initialised", lang, name=public.unit_name, unit=public.unit_code))
        print(text("cli.consolidation_upper_key", lang, digits=fingerprint.digits, words=" ".join(fingerprint.words)))
        if args.public_keys is not None:
            print(text("cli.consolidation_public_written", lang, file=str(args.public_keys)))
        return EXIT_OK
    if args.sync_action == "enrol":
        enrolment = service.enrol(args.file)
        commune = enrolment.commune
        if args.json:
            _print_json(enrolment.as_dict())
            return EXIT_OK
        print(text(f"cli.consolidation_enrolled.{enrolment.status}", lang, name=commune.unit_name,
                   unit=commune.unit_code, previous=enrolment.previous.digits if enrolment.previous else ""))
        print(text("cli.consolidation_commune_key", lang, digits=commune.fingerprint.digits,
                   words=" ".join(commune.fingerprint.words)))
        return EXIT_OK
    if args.sync_action == "import":
        result = service.import_package(args.file, dry_run=args.dry_run, ack_folder=args.ack_folder)
        if args.json:
            _print_json(result.as_dict())
            return EXIT_OK
        code = ("cli.consolidation_duplicate" if result.status == "duplicate" else
                "cli.consolidation_dry_run" if result.dry_run else "cli.consolidation_imported")
        print(text(code, lang, sequence=result.sequence, name=result.unit_name, unit=result.unit_code,
                   **result.totals()))
        if result.status == "accepted":
            for entity, counts in result.counts.items():
                print(f"  {entity}: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
            for reason in result.rejections[:50]:
                print("  " + text(reason["code"], lang, **reason["params"]))
        if result.new_history:
            print(text("cli.consolidation_new_history", lang, epoch=result.restore_epoch))
        if result.out_of_order:
            print(text("cli.consolidation_out_of_order", lang))
        if result.gaps:
            print(text("cli.consolidation_gaps", lang, gaps=list(result.gaps)))
        if result.ack_path is not None:
            print(text("cli.consolidation_ack_written", lang, file=str(result.ack_path)))
        return EXIT_OK
    if args.sync_action in ("reports", "accept-report", "rebuild"):
        return _commune_reports(desk, args)
    if args.sync_action == "keys":
        if args.import_upper is not None:
            desk.sync.import_upper_keys(args.import_upper)
        if args.export_public is not None:
            service.write_public_keys(args.export_public)
    public = service.public_keys()
    rows = service.oversight() if args.sync_action == "status" else []
    if args.json:
        _print_json({"role": "upper", "unit_code": public.unit_code, "unit_name": public.unit_name,
                     "fingerprint": _fingerprint(public.fingerprint()), "communes": [r.as_dict() for r in rows]})
        return EXIT_OK
    fingerprint = public.fingerprint()
    print(text("cli.consolidation_upper_key", lang, digits=fingerprint.digits, words=" ".join(fingerprint.words)))
    if args.sync_action == "keys" and args.export_public is not None:
        print(text("cli.consolidation_public_written", lang, file=str(args.export_public)))
    if args.sync_action != "status":
        return EXIT_OK
    print(text("cli.consolidation_status", lang, name=public.unit_name, unit=public.unit_code,
               n=len(service.communes())))
    _print_table([r.as_dict() for r in rows], [
        ("", text("cli.consolidation_col.unit", lang), lambda r: r["unit_code"]),
        ("", text("cli.consolidation_col.name", lang), lambda r: r["unit_name"]),
        ("", text("cli.consolidation_col.last", lang),
         lambda r: str(r["last_package"]["sequence"] or "") if r["last_package"] else ""),
        ("", text("cli.consolidation_col.received", lang),
         lambda r: r["last_package"]["received_at"][:16].replace("T", " ") if r["last_package"] else ""),
        ("", text("cli.consolidation_col.status", lang),
         lambda r: text("cli.consolidation_state." + r["last_package"]["status"], lang) if r["last_package"] else ""),
        ("", text("cli.consolidation_col.gaps", lang), lambda r: ", ".join(map(str, r["gaps"]))),
        ("", text("cli.consolidation_col.missing", lang),
         lambda r: ", ".join(f"{a}–{b}" for a, b in r["missing_changes"])),
        ("", text("cli.consolidation_col.records", lang), lambda r: str(r["records"])),
        ("", text("cli.consolidation_col.overdue", lang), lambda r: str(r["overdue_assignments"])),
        ("", text("cli.consolidation_col.compliance", lang),
         lambda r: text("cli.consolidation_compliance", lang, month=r["compliance"]["month"],
                        weeks=r["compliance"]["chairman_weeks_missed"],
                        months=r["compliance"]["secretary_months_missed"]) if r["compliance"] else ""),
    ], lang)
    return EXIT_OK


def _commune_reports(desk: Desk, args: argparse.Namespace) -> int:
    """`sync reports|accept-report|rebuild` at the upper level."""
    lang, service = args.lang, desk.consolidation
    if args.sync_action == "rebuild":
        counts = service.rebuild(args.unit, args.out, include_protected=args.include_protected)
        if args.json:
            _print_json({"file": str(args.out), "unit": args.unit, "records": counts})
        else:
            print(text("cli.consolidation_rebuilt", lang, file=str(args.out), unit=args.unit,
                       n=sum(counts.values())))
        return EXIT_OK
    if args.sync_action == "accept-report":
        row = service.accept_report(args.id)
        if args.json:
            _print_json(row)
        else:
            print(text("cli.consolidation_report_accepted", lang, id=row["id"], unit=row["unit_code"],
                       period=row["period_label"]))
        return EXIT_OK
    service.upper_keys()
    rows = service.commune_reports(args.unit)
    if args.json:
        _print_json(rows)
        return EXIT_OK
    _print_table(rows, [
        ("", "#", lambda r: str(r["id"])),
        ("", text("cli.consolidation_col.unit", lang), lambda r: r["unit_code"]),
        ("", text("cli.consolidation_col.report", lang), lambda r: f"{r['kind']} {r['period_label']}"),
        ("", text("cli.consolidation_col.submitted", lang), lambda r: _vn_date(r["submitted_on"])),
        ("", text("cli.consolidation_col.accepted", lang),
         lambda r: _vn_date(r["accepted_at"][:10]) if r["accepted_at"] else "—"),
    ], lang)
    return EXIT_OK


def cmd_report(desk: Desk, args: argparse.Namespace) -> int:
    cutoff = desk.context.require_setup().report_cutoff_day if args.cutoff_day is None else args.cutoff_day
    if not 0 <= cutoff <= MAX_CUTOFF_DAY:
        raise UserError("report.cutoff_range", "cutoff_day", value=cutoff, max=MAX_CUTOFF_DAY)
    period = parse_period(args.period, cutoff_day=cutoff or None)
    if args.out is None and args.format != "json":
        raise UserError("report.out_required", "out", format=args.format)
    narrative = None
    if args.narrative is not None:
        try:
            narrative = args.narrative.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError("report.narrative_unreadable", "narrative", path=str(args.narrative),
                            reason=getattr(exc, "strerror", None) or str(exc)) from None
    if args.consolidated:
        document = desk.consolidated_reports.build(period, args.kind)
    else:
        if args.unit is not None and args.unit != desk.context.require_setup().unit_code:
            desk.consolidation.upper_keys()  # another unit's report: upper-level desks only
        document = desk.report_builder.build(period, args.kind, unit_code=args.unit)
    for warning in document.warnings:
        print(warning, file=sys.stderr)
    if args.out is None:
        _print_json(report_json(document, document.narrative if narrative is None else narrative))
    else:
        written = desk.report_builder.write(document, args.out, args.format, narrative=narrative)
        print(text("cli.document_written", args.lang, path=str(written), size=written.stat().st_size))
    if args.submit:
        uuid = desk.report_builder.mark_submitted(document, narrative)
        print(text("cli.report_submitted", args.lang, title=document.title, uuid=uuid), file=sys.stderr)
    return EXIT_OK


HANDLERS: dict[str, Callable[[Desk, argparse.Namespace], int]] = {
    "init": cmd_init, "import": cmd_import, "export": cmd_export, "search": cmd_search, "visits": cmd_visits,
    "letters": cmd_letters, "cases": cmd_cases, "sessions": cmd_sessions, "assignments": cmd_assignments,
    "check": cmd_check, "generate": cmd_generate, "citizen-data": cmd_citizen_data, "backup": cmd_backup,
    "restore": cmd_restore, "doc": cmd_doc, "report": cmd_report, "import-excel": cmd_import_excel,
    "sync": cmd_sync,
}


def _username(args: argparse.Namespace) -> str:
    username = args.user or os.environ.get(USER_VARIABLE, "")
    if not username.strip():
        raise UserError("cli.user_needed", "username", variable=USER_VARIABLE)
    return username


def _password(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """The password from the environment (scripts) or typed at a prompt that does not echo it."""
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is not None:
        return password
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError("cli.password_needed", "password", variable=PASSWORD_VARIABLE)
    password = getpass.getpass(text("cli.password_prompt", args.lang))
    if confirm and getpass.getpass(text("cli.password_again", args.lang)) != password:
        raise UserError("auth.password_mismatch", "password_repeat")
    return password


def run(args: argparse.Namespace) -> int:
    """Run one parsed command; every UserError becomes a message in the user's language and exit code 3."""
    data_dir: Path = args.data_dir or paths.default_data_dir()
    try:
        if args.command == "restore" and _recovery_key(args):
            return restore_without_desk(args, data_dir)
        if args.command != "init" and not (data_dir / paths.DATABASE_FILE).exists():
            raise UserError("cli.no_desk", path=str(data_dir))
        with Desk.open(data_dir / paths.DATABASE_FILE) as desk:
            if args.command != "init":
                desk.context.require_setup()
                desk.login(_username(args), _password(args))
            return HANDLERS[args.command](desk, args)
    except UserError as error:
        print(error.render(args.lang), file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:
        return EXIT_OK
    except Exception:
        log.exception("unexpected error in command %s", args.command)
        print(text("error.unexpected", args.lang, log=str(data_dir / "logs")), file=sys.stderr)
        return EXIT_BUG
