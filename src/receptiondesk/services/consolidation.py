"""Consolidation at the upper level (cấp trên): the office that collects its communes' sync packages runs the same
program in consolidation mode, beside its own reception desk (the same database, its own unit's records).

- **Mode**: `initialise` makes the upper level's keys (unit code: the province's), keeps them sealed with the desk's
  data key, and marks the desk as an upper-level desk; `write_public_keys` writes the file the communes import.
- **Enrolment**: a commune's public signing key file, whose fingerprint is compared by phone, is kept per unit;
  only an enrolled commune's packages are read.
- **Import**: a package is checked (container, manifest, enrolled commune, for this upper level, every hash and the
  commune's signature) before anything is decrypted; then its records go through the interchange writer, all or
  nothing and idempotent by UUID and version, keeping their commune's unit code. Protected identities, sealed for
  the upper level's confidential-data key in the package, are opened and sealed again at rest with this desk's key,
  in the import's own transaction, so no protected name is ever stored in plain. Every attempt is logged
  (`received_packages`): accepted, refused with its reason, or seen before; an accepted package can be answered with
  a signed acknowledgement.
- **Oversight**: each commune's last package, the sequence numbers never received, the change ranges no accepted
  package covered, and the records held.

The formats are the sync library's (`receptiondesk.sync`, docs/sync-format.md); docs/consolidation.md describes the
procedure."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.sessions import PeriodStatus, Sector
from receptiondesk.domain.units import ROLE_UPPER
from receptiondesk.domain.units import communes as known_communes
from receptiondesk.domain.values import iso_timestamp
from receptiondesk.errors import Problem, UserError, ValidationError
from receptiondesk.interchange.format import ENTITIES
from receptiondesk.services.context import DeskContext
from receptiondesk.services.interchange import ImportReport, write_records
from receptiondesk.services.sessions import SessionService
from receptiondesk.services.sync import SEALED_FIELDS
from receptiondesk.storage import records
from receptiondesk.storage.settings import save_settings
from receptiondesk.sync.ack import SUFFIX as ACK_SUFFIX
from receptiondesk.sync.ack import Ack, write_ack
from receptiondesk.sync.crypto import IdentityPolicy, open_record
from receptiondesk.sync.keys import (
    CommunePublicKey,
    Fingerprint,
    UpperLevelKeys,
    UpperLevelPublicKeys,
    key_id,
    open_private_keys,
    seal_private_keys,
)
from receptiondesk.sync.package import DOCUMENTS, OpenedPackage, inspect_package, read_package

#: Where the upper level's private keys are kept (sealed with the desk's data key).
UPPER_KEYS = "consolidation.upper_keys"
#: How many refused records an acknowledgement names one by one (a last line counts the rest).
MAX_ACK_REASONS = 100
#: How a package's protected records are opened: the keys the commune sealed (services.sync), blob in
#: "sealed_identity", record marked "identity": "sealed".
IDENTITY_POLICY = IdentityPolicy(is_protected=lambda record: record.get("identity") == "sealed",
                                 fields=SEALED_FIELDS)
STATUSES = ("accepted", "rejected", "duplicate")
#: Each unit's assignments past their deadline (a parameter: today) without a result, as the follow-up counts them.
OVERDUE_BY_UNIT = """SELECT a.unit_code, count(*) FROM assignments a JOIN cases c ON c.id = a.case_id
WHERE a.voided = 0 AND c.voided = 0 AND a.result_on IS NULL AND a.deadline < ? GROUP BY a.unit_code"""
#: The records that belong to a report period, by the date that places them in it (for amendments after a lock).
AMENDED_DATES = {"visit": ("visits", "visit_date"), "case": ("cases", "received_on"),
                 "letter": ("letters", "received_on"), "session": ("sessions", "session_date"),
                 "assignment": ("assignments", "assigned_on")}


def ack_file_name(unit_code: str, sequence: int, restore_epoch: int = 0) -> str:
    """The acknowledgement's file name: `<unit>-<sequence:05d>.rdack`; after the commune restored a backup (its
    package numbers start again), `<unit>-r<epoch>-<sequence:05d>.rdack`."""
    epoch = f"-r{restore_epoch}" if restore_epoch else ""
    return f"{unit_code}{epoch}-{sequence:05d}{ACK_SUFFIX}"


def upper_unit_name(province_name: str) -> str:
    """"Ủy ban nhân dân thành phố Hà Nội" from "Thành phố Hà Nội" (the 2025 list writes the type capitalised)."""
    return f"Ủy ban nhân dân {province_name[:1].lower()}{province_name[1:]}"


# -- results -------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class EnrolledCommune:
    """A commune whose packages this upper level reads: its unit, name and the fingerprint of its signing key."""

    unit_code: str
    unit_name: str
    fingerprint: Fingerprint
    enrolled_at: str
    enrolled_by: str

    def as_dict(self) -> dict[str, Any]:
        return {"unit_code": self.unit_code, "unit_name": self.unit_name, "enrolled_at": self.enrolled_at,
                "enrolled_by": self.enrolled_by,
                "fingerprint": {"digits": self.fingerprint.digits, "words": list(self.fingerprint.words)}}


@dataclass(frozen=True)
class Enrolment:
    """What an enrolment did: `status` "new", "replaced" (another key than the one held: `previous` is its
    fingerprint), "renamed" (the same key, another unit name) or "unchanged"."""

    commune: EnrolledCommune
    status: str
    previous: Fingerprint | None = None

    def as_dict(self) -> dict[str, Any]:
        return {**self.commune.as_dict(), "status": self.status,
                "previous_fingerprint": None if self.previous is None else self.previous.digits}


@dataclass(frozen=True)
class PackageImport:
    """One package handed to the upper level: "accepted" (its records imported; for a dry run, they would be) or
    "duplicate" (imported before: nothing changed). `counts` are per entity and outcome (new, updated,
    unchanged, rejected), `rejections` the records refused (an older version than the one held)."""

    status: str
    dry_run: bool
    unit_code: str
    unit_name: str
    sequence: int
    sha256: str
    file_name: str
    created_at: str
    change_from: int
    change_to: int
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    rejections: tuple[dict[str, Any], ...] = ()
    out_of_order: bool = False
    gaps: tuple[int, ...] = ()
    ack_path: Path | None = None
    reports: int = 0
    documents: int = 0
    restore_epoch: int = 0
    #: The first package of a newer restore epoch than any accepted: the commune restored a backup, and this
    #: package starts its new history (its numbers may repeat earlier ones).
    new_history: bool = False

    def totals(self) -> dict[str, int]:
        return {outcome: sum(c.get(outcome, 0) for c in self.counts.values())
                for outcome in ("new", "updated", "unchanged", "rejected")}

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "dry_run": self.dry_run, "unit_code": self.unit_code,
                "unit_name": self.unit_name, "sequence": self.sequence, "sha256": self.sha256,
                "file": self.file_name, "created_at": self.created_at, "changes": [self.change_from, self.change_to],
                "totals": self.totals(), "by_entity": self.counts, "rejections": list(self.rejections),
                "out_of_order": self.out_of_order, "gaps": list(self.gaps),
                "reports": self.reports, "documents": self.documents, "restore_epoch": self.restore_epoch,
                "new_history": self.new_history,
                "ack": None if self.ack_path is None else str(self.ack_path)}


@dataclass(frozen=True)
class CommuneOversight:
    """An enrolled commune seen from the upper level: its last package (any outcome), the package numbers never
    received up to the highest accepted one, the change ranges no accepted package covered, the records held."""

    commune: EnrolledCommune
    last_sequence: int | None
    last_received_at: str | None
    last_status: str | None
    last_reason: str
    last_reason_params: dict[str, Any]
    accepted_packages: int
    highest_sequence: int
    gaps: tuple[int, ...]
    missing_changes: tuple[tuple[int, int], ...]
    records: int
    overdue_assignments: int = 0
    compliance_month: date | None = None
    #: Weeks the chairman, months the Party secretary fell below the minimum in `compliance_month`.
    chairman_missed: int = 0
    secretary_missed: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {**self.commune.as_dict(),
                "last_package": None if self.last_status is None else {
                    "sequence": self.last_sequence, "received_at": self.last_received_at,
                    "status": self.last_status, "reason": self.last_reason, "reason_params": self.last_reason_params},
                "accepted_packages": self.accepted_packages, "highest_sequence": self.highest_sequence,
                "gaps": list(self.gaps), "missing_changes": [list(r) for r in self.missing_changes],
                "records": self.records, "overdue_assignments": self.overdue_assignments,
                "compliance": None if self.compliance_month is None else {
                    "month": self.compliance_month.isoformat()[:7], "chairman_weeks_missed": self.chairman_missed,
                    "secretary_months_missed": self.secretary_missed}}


@dataclass
class _Attempt:
    """What is known of a package while it is checked (for the log row)."""

    file_name: str
    path: Path
    unit_code: str | None = None
    sequence: int | None = None
    sha256: str | None = None
    created_at: str | None = None
    change_from: int | None = None
    change_to: int | None = None
    restore_epoch: int | None = None


# -- the service ---------------------------------------------------------------------------------------------------

class ConsolidationService:
    """The upper level's side of sync: its keys, the communes enrolled, packages in, acknowledgements out."""

    def __init__(self, context: DeskContext, sessions: SessionService) -> None:
        self.context = context
        self.sessions = sessions

    # -- mode and keys -------------------------------------------------------------------------------------------
    def is_upper(self) -> bool:
        """Whether this desk is (also) the upper level's consolidation desk."""
        return self.context.is_set_up and self.context.settings.desk_role == ROLE_UPPER

    def initialise(self, public_keys: Path | str | None = None) -> UpperLevelPublicKeys:
        """Make this desk the upper level's consolidation desk (administrators, once): the upper level's keys for
        the desk's province, kept sealed with the desk's data key; with `public_keys`, the public key file for the
        communes is written too (if it cannot be, nothing is made)."""
        session = self.context.require(Permission.ADMINISTER)
        settings = self.context.require_setup()
        if settings.desk_role == ROLE_UPPER or self._sealed_keys() is not None:
            raise UserError("consolidation.already_upper", unit=settings.unit_code)
        commune = settings.commune
        if commune is None:
            raise UserError("setup.unknown_commune", "commune_code", value=settings.commune_code)
        keys = UpperLevelKeys.generate(commune.province_code, upper_unit_name(commune.province_name))
        public = keys.public()
        stamp = self.context.stamp()
        try:
            with self.context.database.write() as conn:
                conn.execute("INSERT INTO key_store (name, value) VALUES (?, ?)",
                             (UPPER_KEYS, seal_private_keys(session.data_key, keys)))
                save_settings(conn, dataclasses.replace(settings, desk_role=ROLE_UPPER))
                records.append_audit(conn, stamp, "consolidation.initialise", "key_store", None,
                                     {"upper_unit": public.unit_code, "upper_name": public.unit_name,
                                      "fingerprint": public.fingerprint().digits})
                if public_keys is not None:
                    public.write(Path(public_keys))
        finally:
            self.context.settings_changed()
        return public

    def upper_keys(self) -> UpperLevelKeys:
        """The upper level's private keys (a UserError on a desk that is not in consolidation mode)."""
        session = self.context.require_session()
        settings = self.context.require_setup()
        blob = self._sealed_keys()
        if settings.desk_role != ROLE_UPPER or blob is None:
            raise UserError("consolidation.not_upper", unit=settings.unit_code)
        keys = open_private_keys(session.data_key, blob)
        if not isinstance(keys, UpperLevelKeys):
            raise UserError("sync.private_keys_unreadable")
        return keys

    def public_keys(self) -> UpperLevelPublicKeys:
        self.context.require(Permission.READ)
        return self.upper_keys().public()

    def write_public_keys(self, path: Path | str) -> Path:
        """The file every commune imports (public: it lets them encrypt to us and check our acknowledgements)."""
        self.context.require(Permission.EXPORT)
        target = Path(path)
        self.public_keys().write(target)
        return target

    def _sealed_keys(self) -> bytes | None:
        row = self.context.database.one("SELECT value FROM key_store WHERE name = ?", (UPPER_KEYS,))
        return None if row is None else bytes(row["value"])

    # -- enrolment -----------------------------------------------------------------------------------------------
    def enrol(self, public_key_file: Path | str) -> Enrolment:
        """Keep a commune's public signing key (administrators) after its fingerprint was compared by phone. A
        unit enrolled again with another key has its key replaced (audited): packages signed with the old key are
        refused from then on."""
        self.context.require(Permission.ADMINISTER)
        upper = self.upper_keys()
        settings = self.context.require_setup()
        key = CommunePublicKey.read(Path(public_key_file))
        if key.unit_code == settings.unit_code:
            raise UserError("consolidation.enrol_own_unit", unit=key.unit_code)
        listed = known_communes().get(key.unit_code)
        if listed is None or listed.province_code != upper.unit_code:
            raise UserError("consolidation.enrol_outside", unit=key.unit_code, name=key.unit_name,
                            upper=upper.unit_name)
        fingerprint = key.fingerprint()
        held = self._commune_row(key.unit_code)
        previous = None if held is None else Fingerprint(bytes.fromhex(held["fingerprint"]))
        if held is None:
            status = "new"
        elif previous != fingerprint:
            status = "replaced"
        elif held["unit_name"] != key.unit_name:
            status = "renamed"
        else:
            return Enrolment(self._commune(held), "unchanged")
        stamp = self.context.stamp()
        with self.context.database.write() as conn:
            conn.execute(
                "INSERT INTO enrolled_communes (unit_code, unit_name, public_key, fingerprint, enrolled_at, "
                "enrolled_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (unit_code) DO UPDATE SET "
                "unit_name = excluded.unit_name, public_key = excluded.public_key, "
                "fingerprint = excluded.fingerprint, enrolled_at = excluded.enrolled_at, "
                "enrolled_by = excluded.enrolled_by",
                (key.unit_code, key.unit_name, key.to_json().decode("utf-8"), fingerprint.hex, stamp.at,
                 stamp.actor))
            records.append_audit(conn, stamp, "consolidation.enrol", "enrolled_communes", None,
                                 {"unit": key.unit_code, "name": key.unit_name, "status": status,
                                  "fingerprint": fingerprint.digits,
                                  "previous_fingerprint": None if previous is None else previous.digits})
        commune = EnrolledCommune(key.unit_code, key.unit_name, fingerprint, stamp.at, stamp.actor)
        return Enrolment(commune, status, previous if status == "replaced" else None)

    def communes(self) -> list[EnrolledCommune]:
        """The communes enrolled, by unit code."""
        self.context.require(Permission.READ)
        return [self._commune(r) for r in self.context.database.query(
            "SELECT * FROM enrolled_communes ORDER BY unit_code")]

    def _commune_row(self, unit_code: str) -> sqlite3.Row | None:
        return self.context.database.one("SELECT * FROM enrolled_communes WHERE unit_code = ?", (unit_code,))

    @staticmethod
    def _commune(row: sqlite3.Row) -> EnrolledCommune:
        return EnrolledCommune(row["unit_code"], row["unit_name"], Fingerprint(bytes.fromhex(row["fingerprint"])),
                               row["enrolled_at"], row["enrolled_by"])

    # -- packages ------------------------------------------------------------------------------------------------
    def import_package(self, path: Path | str, *, dry_run: bool = False,
                       ack_folder: Path | str | None = None) -> PackageImport:
        """Check a commune's package and import its records (`_import` gives the order of the checks). A refused
        package changes no record: the refusal is written to the package log only, with its reason, and raised as
        a UserError. The same package again changes nothing ("duplicate"). A dry run checks, decrypts and counts,
        and writes nothing at all (not even the log). With `ack_folder`, an accepted package (or one seen again)
        is answered with a signed acknowledgement `<unit>-<sequence>.rdack`."""
        self.context.require(Permission.RECORD)
        keys = self.upper_keys()
        source = Path(path)
        attempt = _Attempt(source.name, source)
        try:
            result = self._import(source, keys, attempt, dry_run)
        except UserError as error:
            if not dry_run:
                self._log_refusal(attempt, error)
            raise
        if ack_folder is not None and not dry_run:
            result = dataclasses.replace(result, ack_path=self._acknowledge(result, keys, Path(ack_folder)))
        return result

    def _import(self, source: Path, keys: UpperLevelKeys, attempt: _Attempt, dry_run: bool) -> PackageImport:
        """The checks, in this order, each refusing with its own message: (1) the container and the manifest (not
        a package, truncated, damaged, newer format); (2) the commune is enrolled; (3) the package is for this
        upper level (its unit, then its encryption key); (4) every part's hash and the commune's signature with the
        enrolled key (`read_package`: nothing is decrypted before); (5) already accepted (a duplicate: nothing
        more is done); then (6) the records are decrypted, protected identities opened, and everything checked
        and written by the interchange writer, all or nothing."""
        manifest = inspect_package(source)  # the container and the manifest, no key needed yet
        attempt.unit_code, attempt.sequence, attempt.created_at = (manifest.unit_code, manifest.sequence,
                                                                   manifest.created_at)
        attempt.change_from, attempt.change_to = manifest.change_from, manifest.change_to
        attempt.restore_epoch = manifest.restore_epoch
        row = self._commune_row(manifest.unit_code)
        if row is None:
            listed = known_communes().get(manifest.unit_code)
            raise UserError("consolidation.not_enrolled", file=source.name, unit=manifest.unit_code,
                            name=listed.commune_name if listed else manifest.unit_code)
        if manifest.upper_unit_code != keys.unit_code:
            raise UserError("consolidation.package_other_upper", file=source.name, upper=manifest.upper_unit_code,
                            ours=keys.unit_code)
        if manifest.recipient_key != key_id(keys.encryption.public_key()):
            raise UserError("sync.package_other_recipient", path=str(source))
        commune_key = CommunePublicKey.from_json(row["public_key"].encode("utf-8"), "enrolled_communes")
        # Every hash and the commune's signature are verified here, before anything is decrypted.
        opened = read_package(source, commune_public_key=commune_key, upper_private_keys=keys)
        attempt.sha256 = opened.sha256
        if opened.manifest.raw != manifest.raw:  # the file was replaced between the two reads
            raise UserError("sync.package_damaged", path=str(source))
        accepted = self.context.database.one(
            "SELECT counts FROM received_packages WHERE unit_code = ? AND sequence = ? AND sha256 = ? "
            "AND status = 'accepted'", (manifest.unit_code, manifest.sequence, opened.sha256))
        epoch = manifest.restore_epoch
        held_epoch = self.context.database.scalar(
            "SELECT max(coalesce(restore_epoch, 0)) FROM received_packages WHERE unit_code = ? AND status = 'accepted'",
            (manifest.unit_code,))
        # Out of order: a later package of the same history, or any package of a newer one, was accepted already.
        later = bool(self.context.database.scalar(
            "SELECT count(*) FROM received_packages WHERE unit_code = ? AND status = 'accepted' AND "
            "(coalesce(restore_epoch, 0) > ? OR (coalesce(restore_epoch, 0) = ? AND sequence > ?))",
            (manifest.unit_code, epoch, epoch, manifest.sequence)))
        base = dict(dry_run=dry_run, unit_code=manifest.unit_code, unit_name=row["unit_name"],
                    sequence=manifest.sequence, sha256=opened.sha256, file_name=source.name,
                    created_at=manifest.created_at, change_from=manifest.change_from, change_to=manifest.change_to,
                    out_of_order=later, restore_epoch=epoch,
                    new_history=held_epoch is not None and epoch > held_epoch)
        if accepted is not None:
            if not dry_run:
                self._log(attempt, "duplicate")
            return PackageImport("duplicate", gaps=tuple(self._gaps(manifest.unit_code)), **base)
        reports = carried_reports(opened)
        report = self._write(opened, keys, attempt, dry_run, reports)
        documents = opened.manifest.part(DOCUMENTS)
        return PackageImport("accepted", counts=report.by_entity(), rejections=tuple(report.rejections),
                             gaps=tuple(self._gaps(manifest.unit_code)), reports=len(reports),
                             documents=0 if documents is None else documents.items, **base)

    def _write(self, opened: OpenedPackage, keys: UpperLevelKeys, attempt: _Attempt, dry_run: bool,
               reports: list[CarriedReport]) -> ImportReport:
        """The package's records through the interchange writer, in one transaction that also writes the log row,
        the submitted reports and the documents it carries (the writer seals every protected identity that
        arrived)."""
        confidential = keys.confidential
        if confidential is None:
            raise UserError("consolidation.no_confidential_key")
        manifest = opened.manifest
        log_id: list[int] = []
        context = self.context

        def prepare(conn: sqlite3.Connection) -> None:
            if dry_run:
                return
            log_id.append(self._insert_log(conn, attempt, "accepted"))
            received_at = iso_timestamp(context.clock())
            for carried in reports:
                carried.insert(conn, manifest.unit_code, manifest.sequence, received_at)
            for name, content in opened.documents():
                conn.execute("INSERT OR IGNORE INTO commune_documents (unit_code, name, sha256, content, "
                             "package_sequence, received_at) VALUES (?, ?, ?, ?, ?, ?)",
                             (manifest.unit_code, name, hashlib.sha256(content).hexdigest(), content,
                              manifest.sequence, received_at))

        report = write_records(
            context, _opened_records(opened, confidential), trusted=False, dry_run=dry_run,
            action="consolidation.import", first_line=1, prepare=prepare,
            detail={"file": attempt.file_name, "unit": manifest.unit_code, "sequence": manifest.sequence,
                    "sha256": opened.sha256, "changes": [manifest.change_from, manifest.change_to]})
        if dry_run:
            return report
        with context.database.write() as conn:
            conn.execute("UPDATE received_packages SET counts = ? WHERE id = ?",
                         (json.dumps(report.by_entity(), sort_keys=True), log_id[0]))
        return report

    def _acknowledge(self, result: PackageImport, keys: UpperLevelKeys, folder: Path) -> Path:
        """The signed acknowledgement of an accepted package (or of one seen again: the counts of its import)."""
        counts = result.counts
        messages: tuple[str, ...] = ()
        if result.status == "duplicate":
            row = self.context.database.one(
                "SELECT counts FROM received_packages WHERE unit_code = ? AND sequence = ? AND sha256 = ? "
                "AND status = 'accepted'", (result.unit_code, result.sequence, result.sha256))
            counts = json.loads(row["counts"]) if row is not None else {}
            messages = (_vi("consolidation.ack_again"),)
        reasons = [Problem(r["code"], None, r["params"]).render("vi") for r in result.rejections[:MAX_ACK_REASONS]]
        if len(result.rejections) > MAX_ACK_REASONS:
            reasons.append(_vi("consolidation.ack_more_reasons", n=len(result.rejections) - MAX_ACK_REASONS))
        ack = Ack(keys.unit_code, keys.unit_name, result.unit_code, result.sequence, result.sha256, True,
                  iso_timestamp(self.context.clock()), counts=counts, reasons=tuple(reasons), messages=messages)
        target = folder / ack_file_name(result.unit_code, result.sequence, result.restore_epoch)
        try:
            write_ack(target, ack, signing_key=keys)
        except UserError as error:
            raise ValidationError([Problem("consolidation.ack_not_written", None,
                                           {"sequence": result.sequence, "unit": result.unit_code,
                                            "file": result.file_name}), *error.problems]) from None
        return target

    # -- the package log -----------------------------------------------------------------------------------------
    def _insert_log(self, conn: sqlite3.Connection, attempt: _Attempt, status: str, reason: str = "",
                    params: dict[str, Any] | None = None) -> int:
        session = self.context.require_session()
        cursor = conn.execute(
            "INSERT INTO received_packages (unit_code, sequence, sha256, file_name, received_at, received_by, "
            "created_at, change_from, change_to, status, reason, reason_params, restore_epoch) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (attempt.unit_code, attempt.sequence, attempt.sha256, attempt.file_name,
             iso_timestamp(self.context.clock()), session.user.username, attempt.created_at, attempt.change_from,
             attempt.change_to, status, reason, json.dumps(params or {}, ensure_ascii=False, sort_keys=True,
                                                           default=str), attempt.restore_epoch))
        return int(cursor.lastrowid or 0)

    def _log(self, attempt: _Attempt, status: str, reason: str = "", params: dict[str, Any] | None = None) -> None:
        with self.context.database.write() as conn:
            self._insert_log(conn, attempt, status, reason, params)

    def _log_refusal(self, attempt: _Attempt, error: UserError) -> None:
        """A refused package: only this log row is written (no record, no counter, no audit row)."""
        if attempt.sha256 is None:
            attempt.sha256 = _file_sha256(attempt.path)
        problem = error.problems[0]
        self._log(attempt, "rejected", problem.code, problem.params)

    def received(self, unit_code: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """The package log, newest first (one commune's, or every attempt)."""
        self.context.require(Permission.READ)
        sql, params = "SELECT * FROM received_packages", []
        if unit_code is not None:
            sql += " WHERE unit_code = ?"
            params.append(unit_code)
        rows = self.context.database.query(sql + " ORDER BY id DESC LIMIT ?", [*params, limit])
        result = []
        for r in rows:
            item = dict(r)
            item["counts"] = json.loads(item["counts"])
            item["reason_params"] = json.loads(item["reason_params"])
            result.append(item)
        return result

    # -- reports received and period locks ---------------------------------------------------------------------
    def commune_reports(self, unit_code: str | None = None, *, kind: str | None = None,
                        period: tuple[str, str] | None = None) -> list[dict[str, Any]]:
        """The reports the communes submitted (as their packages carried them), newest first; optionally one
        commune's, one kind's, one period's (ISO start, end). Each with its figures and whether it was accepted
        (its period then locked), without its PDF (see `commune_report_pdf`)."""
        self.context.require(Permission.READ)
        sql = ("SELECT id, unit_code, uuid, kind, period_kind, period_label, period_start, period_end, "
               "submitted_on, narrative, figures, sha256, pdf IS NOT NULL AS has_pdf, package_sequence, received_at, "
               "accepted_at, accepted_by, lock_seq FROM commune_reports WHERE 1 = 1")
        params: list[Any] = []
        for column, value in (("unit_code", unit_code), ("kind", kind)):
            if value is not None:
                sql += f" AND {column} = ?"
                params.append(value)
        if period is not None:
            sql += " AND period_start = ? AND period_end = ?"
            params += list(period)
        result = []
        for row in self.context.database.query(sql + " ORDER BY id DESC", params):
            item = dict(row)
            item["figures"] = json.loads(item["figures"])
            item["has_pdf"] = bool(item["has_pdf"])
            result.append(item)
        return result

    def commune_report_pdf(self, report_id: int) -> bytes | None:
        """The PDF of a commune's submitted report, as it was sent (audited)."""
        self.context.require(Permission.READ)
        row = self.context.database.one("SELECT unit_code, uuid, pdf FROM commune_reports WHERE id = ?",
                                        (report_id,))
        if row is None:
            raise UserError("consolidation.report_unknown", id=report_id)
        with self.context.database.write() as conn:
            records.append_audit(conn, self.context.stamp(), "consolidation.report_view", "commune_reports",
                                 row["uuid"], {"unit": row["unit_code"]})
        return None if row["pdf"] is None else bytes(row["pdf"])

    def accept_report(self, report_id: int) -> dict[str, Any]:
        """Accept a commune's submitted report (audited): its period is locked for that commune at this moment,
        so every later change to a record of the period arrives and shows as an amendment. Accepting again
        changes nothing."""
        self.context.require(Permission.RECORD)
        row = self.context.database.one("SELECT * FROM commune_reports WHERE id = ?", (report_id,))
        if row is None:
            raise UserError("consolidation.report_unknown", id=report_id)
        if row["accepted_at"] is None:
            stamp = self.context.stamp()
            with self.context.database.write() as conn:
                lock_seq = conn.execute("SELECT value FROM counters WHERE name = 'change_seq'").fetchone()[0]
                conn.execute("UPDATE commune_reports SET accepted_at = ?, accepted_by = ?, lock_seq = ? "
                             "WHERE id = ? AND accepted_at IS NULL", (stamp.at, stamp.actor, lock_seq, report_id))
                records.append_audit(conn, stamp, "consolidation.report_accept", "commune_reports", row["uuid"],
                                     {"unit": row["unit_code"], "kind": row["kind"],
                                      "period": [row["period_start"], row["period_end"]], "lock_seq": lock_seq})
        return next(r for r in self.commune_reports(row["unit_code"]) if r["id"] == report_id)

    def locks(self, start: str, end: str) -> list[dict[str, Any]]:
        """The accepted (locked) reports whose period overlaps [start, end] (ISO dates), with the records of the
        locked period changed since (`amendments`: entity -> count)."""
        self.context.require(Permission.READ)
        result = []
        for row in self.context.database.query(
                "SELECT id, unit_code, kind, period_label, period_start, period_end, submitted_on, accepted_at, "
                "lock_seq FROM commune_reports WHERE accepted_at IS NOT NULL AND period_start <= ? "
                "AND period_end >= ? ORDER BY unit_code, period_start, id", (end, start)):
            item = dict(row)
            item["amendments"] = self.amendments(row["unit_code"], row["period_start"], row["period_end"],
                                                 row["lock_seq"])
            result.append(item)
        return result

    def amendments(self, unit_code: str, start: str, end: str, lock_seq: int) -> dict[str, int]:
        """The commune's records dated in [start, end] written here after the change `lock_seq` (the lock):
        entity -> count, only those with changes."""
        counts = {}
        for entity, (table, column) in AMENDED_DATES.items():
            n = self.context.database.scalar(
                f"SELECT count(*) FROM {table} WHERE unit_code = ? AND {column} BETWEEN ? AND ? AND seq > ?",
                (unit_code, start, end, lock_seq))
            if n:
                counts[entity] = int(n)
        return counts

    # -- rebuilding a commune's desk -----------------------------------------------------------------------------
    def rebuild(self, unit_code: str, path: Path | str, *, include_protected: bool = False) -> dict[str, int]:
        """For a commune whose PC was lost: write its own records, as this desk holds them, to an interchange file
        that its new desk imports (`receptiondesk import`, all or nothing). Protected identities are withheld
        unless the user may see them and asks for them; audited. Returns the counts per entity."""
        from receptiondesk.services.interchange import export_file

        self.context.require(Permission.EXPORT)
        self.upper_keys()
        if self._commune_row(unit_code) is None:
            listed = known_communes().get(unit_code)
            raise UserError("consolidation.rebuild_unknown", "commune_code", unit=unit_code,
                            name=listed.commune_name if listed else "không có trong danh mục")
        return export_file(self.context, Path(path), include_protected=include_protected, unit_code=unit_code,
                           action="consolidation.rebuild")

    # -- oversight -----------------------------------------------------------------------------------------------
    def gaps(self, unit_code: str) -> list[int]:
        """The package numbers of a commune never accepted here, up to the highest accepted one. A gap whose
        changes a later package carried again (a lost stick) loses nothing: see `missing_changes`."""
        self.context.require(Permission.READ)
        return self._gaps(unit_code)

    def _gaps(self, unit_code: str) -> list[int]:
        accepted = {r[0] for r in self.context.database.query(
            "SELECT DISTINCT sequence FROM received_packages WHERE unit_code = ? AND status = 'accepted'",
            (unit_code,))}
        return [n for n in range(1, max(accepted, default=0) + 1) if n not in accepted]

    def missing_changes(self, unit_code: str) -> list[tuple[int, int]]:
        """The ranges of the commune's change sequence that no accepted package covered, up to the highest one
        received: changes the upper level does not hold (empty when every lost package was carried again)."""
        self.context.require(Permission.READ)
        ranges = [(r[0], r[1]) for r in self.context.database.query(
            "SELECT change_from, change_to FROM received_packages WHERE unit_code = ? AND status = 'accepted' "
            "AND change_from <= change_to ORDER BY change_from", (unit_code,))]
        missing, covered = [], 0
        for start, end in ranges:
            if start > covered + 1:
                missing.append((covered + 1, start - 1))
            covered = max(covered, end)
        return missing

    def oversight(self) -> list[CommuneOversight]:
        """Every enrolled commune: its last package, gaps, changes not received, records held, its assignments past
        their deadline without a result today, and its leaders' periodic reception in the last finished month
        (weeks and months below the minimum) — as far as the records received tell."""
        self.context.require(Permission.READ)
        self.upper_keys()
        db = self.context.database
        held: dict[str, int] = defaultdict(int)
        for entity in ENTITIES.values():
            for unit, number in db.query(f"SELECT unit_code, count(*) FROM {entity.table} GROUP BY unit_code"):
                held[unit] += number
        today = self.context.today()
        overdue = dict(db.query(OVERDUE_BY_UNIT, (today.isoformat(),)))
        last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        result = []
        for commune in self.communes():
            unit = commune.unit_code
            report = self.sessions.compliance(last_month, unit_code=unit)
            missed = {sector: rule.count(PeriodStatus.MISSED) if (rule := report.for_sector(sector)) else 0
                      for sector in (Sector.STATE, Sector.PARTY)}
            last = db.one("SELECT sequence, received_at, status, reason, reason_params FROM received_packages "
                          "WHERE unit_code = ? ORDER BY id DESC LIMIT 1", (unit,))
            accepted = db.one("SELECT count(DISTINCT sequence), coalesce(max(sequence), 0) FROM received_packages "
                              "WHERE unit_code = ? AND status = 'accepted'", (unit,))
            result.append(CommuneOversight(
                commune, last["sequence"] if last else None, last["received_at"] if last else None,
                last["status"] if last else None, last["reason"] if last else "",
                json.loads(last["reason_params"]) if last else {}, int(accepted[0]), int(accepted[1]),
                tuple(self._gaps(unit)), tuple(self.missing_changes(unit)), held.get(unit, 0),
                int(overdue.get(unit, 0)), last_month, missed[Sector.STATE], missed[Sector.PARTY]))
        return result


# -- reports carried -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CarriedReport:
    """A report the commune marked submitted, as its package carries it: the figures as submitted (with their
    SHA-256, checked), the narrative and the PDF."""

    uuid: str
    kind: str
    period: dict[str, str]
    submitted_on: str
    narrative: str
    figures_json: str
    sha256: str
    pdf: bytes | None

    def insert(self, conn: sqlite3.Connection, unit_code: str, sequence: int, received_at: str) -> None:
        p = self.period
        conn.execute(
            "INSERT OR IGNORE INTO commune_reports (unit_code, uuid, kind, period_kind, period_label, period_start, "
            "period_end, submitted_on, narrative, figures, sha256, pdf, package_sequence, received_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (unit_code, self.uuid, self.kind, p["kind"], p["label"], p["start"], p["end"], self.submitted_on,
             self.narrative, self.figures_json, self.sha256, self.pdf, sequence, received_at))


def carried_reports(opened: OpenedPackage) -> list[CarriedReport]:
    """The submitted reports of a package, each checked (its fields, its figures against their SHA-256); a report
    that does not hold together refuses the whole package."""
    bodies: dict[str, dict[str, Any]] = {}
    pdfs: dict[str, bytes] = {}
    for name, content in opened.reports():
        stem, _, suffix = name.rpartition(".")
        if suffix == "json":
            try:
                bodies[stem] = json.loads(content.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                raise UserError("consolidation.report_invalid", file=opened.path.name, name=name) from None
        elif suffix == "pdf":
            pdfs[stem] = content
        else:
            raise UserError("consolidation.report_invalid", file=opened.path.name, name=name)
    result = []
    for stem, body in bodies.items():
        try:
            period = body["period"]
            figures_json = json.dumps(body["figures"], ensure_ascii=False, sort_keys=True)
            carried = CarriedReport(str(body["uuid"]), str(body["kind"]),
                                    {k: str(period[k]) for k in ("kind", "label", "start", "end")},
                                    str(body["submitted_on"]), str(body["narrative"]), figures_json,
                                    str(body["sha256"]), pdfs.get(stem))
            valid = (isinstance(body["figures"], dict)
                     and hashlib.sha256(figures_json.encode("utf-8")).hexdigest() == carried.sha256)
        except (KeyError, TypeError, AttributeError):
            valid = False
        if not valid:
            raise UserError("consolidation.report_invalid", file=opened.path.name, name=f"{stem}.json")
        result.append(carried)
    return result


# -- records in, identities sealed ---------------------------------------------------------------------------------

def _opened_records(opened: OpenedPackage, confidential: X25519PrivateKey) -> Iterator[dict[str, Any]]:
    """The package's records as they are read (one segment at a time), each protected one with its identity
    opened with the confidential-data key and marked "included": the interchange writer seals it at rest with this
    desk's key before its transaction commits."""
    for record in opened.records():
        if record.get("identity") == "sealed":
            record = open_record(record, IDENTITY_POLICY, confidential)
            record["identity"] = "included"
        yield record


def _file_sha256(path: Path) -> str | None:
    """The SHA-256 of a file that was refused (to tell attempts apart in the log); None if it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _vi(code: str, **params: Any) -> str:
    """A message in Vietnamese, for the acknowledgement the commune reads."""
    return Problem(code, None, params).render("vi")
