"""Sync from the commune: packages of every change since the last package the upper level acknowledged (a lost
stick loses nothing), signed with the commune's key and encrypted to the upper level's; acknowledgements read,
checked and recorded; the keys and their fingerprints. The formats are the sync library's (`receptiondesk.sync`,
`docs/sync-format.md`); this service decides what goes in and keeps the history.

What a package carries: the fields and every interchange record changed after the watermark (the highest change
sequence of an accepted package), the reports marked submitted since (figures, narrative and PDF), and, if asked,
the documents issued since (never a document naming a protected person). A protected person's identity is sealed
for the upper level's confidential-data key, or left out (masked, as the interchange export withholds it), by the
desk's setting; it is never readable with the general key."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.values import iso_timestamp
from receptiondesk.errors import UserError
from receptiondesk.services.audit import AuditService
from receptiondesk.services.backups import package_floor
from receptiondesk.services.context import DeskContext
from receptiondesk.services.interchange import export_lines, export_records
from receptiondesk.services.privacy import CITIZEN_IDENTITY, SNAPSHOT_IDENTITY
from receptiondesk.storage import records
from receptiondesk.storage.migrations import RECORD_TABLES
from receptiondesk.sync.ack import Ack, read_ack
from receptiondesk.sync.crypto import IdentityPolicy
from receptiondesk.sync.keys import CommuneKeys, CommunePublicKey, UpperLevelPublicKeys, open_private_keys, \
    seal_private_keys
from receptiondesk.sync.package import ManifestFields, PackageInfo, write_package

COMMUNE_KEYS = "sync.commune_keys"
UPPER_KEYS = "sync.upper_public_keys"
PACKAGE_SUFFIX = ".rdsync"
#: The identity keys sealed for the confidential-data key, per entity (as the desk seals them at rest).
SEALED_FIELDS = {"citizen": CITIZEN_IDENTITY, "visit": SNAPSHOT_IDENTITY["visits"],
                 "letter": SNAPSHOT_IDENTITY["letters"]}
#: How often (in records) an export reports its progress and looks for a cancel.
PROGRESS_STEP = 5_000
#: Settings: protected identities sealed for the upper level ("seal") or left out ("omit").
PROTECTED_POLICIES = ("seal", "omit")


@dataclass(frozen=True)
class SyncStatus:
    """Where the desk stands: the watermark, what is waiting, the packages, the keys."""

    unit_code: str
    watermark: int
    pending_changes: int
    packages: tuple[dict[str, Any], ...]
    commune_fingerprint: Any  # sync.keys.Fingerprint
    upper_keys: UpperLevelPublicKeys | None
    protected_policy: str


class SyncService:
    """Packages out, acknowledgements in, keys kept; every step audited."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    # -- keys ---------------------------------------------------------------------------------------------------
    def commune_keys(self) -> CommuneKeys:
        """The commune's signing key, made the first time it is needed and kept sealed with the desk's data key."""
        session = self.context.require_session()
        settings = self.context.require_setup()
        row = self.context.database.one("SELECT value FROM key_store WHERE name = ?", (COMMUNE_KEYS,))
        if row is not None:
            return open_private_keys(session.data_key, row["value"])
        commune = settings.commune
        keys = CommuneKeys.generate(settings.unit_code, commune.commune_name if commune else settings.unit_code)
        with self.context.database.write() as conn:
            conn.execute("INSERT INTO key_store (name, value) VALUES (?, ?)",
                         (COMMUNE_KEYS, seal_private_keys(session.data_key, keys)))
            records.append_audit(conn, self.context.stamp(), "sync.keys_made", "key_store", None,
                                 {"fingerprint": keys.public().fingerprint().digits})
        return keys

    def commune_public_key(self) -> CommunePublicKey:
        self.context.require(Permission.READ)
        return self.commune_keys().public()

    def write_commune_public_key(self, path: Path | str) -> Path:
        """The file the officer hands to the upper level (public: it checks our packages' signatures)."""
        self.context.require(Permission.EXPORT)
        target = Path(path)
        self.commune_public_key().write(target)
        return target

    def upper_keys(self) -> UpperLevelPublicKeys | None:
        row = self.context.database.one("SELECT value FROM key_store WHERE name = ?", (UPPER_KEYS,))
        return UpperLevelPublicKeys.from_json(row["value"], "key_store") if row is not None else None

    def import_upper_keys(self, path: Path | str) -> UpperLevelPublicKeys:
        """Keep the upper level's public keys (read from the file it gave); compare the fingerprint by phone."""
        self.context.require(Permission.ADMINISTER)
        keys = UpperLevelPublicKeys.read(Path(path))
        with self.context.database.write() as conn:
            conn.execute("INSERT INTO key_store (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET "
                         "value = excluded.value", (UPPER_KEYS, keys.to_json()))
            records.append_audit(conn, self.context.stamp(), "sync.upper_keys", "key_store", None,
                                 {"upper_unit": keys.unit_code, "fingerprint": keys.fingerprint().digits})
        return keys

    # -- status -------------------------------------------------------------------------------------------------
    def watermark(self) -> int:
        """The highest change sequence the upper level has accepted (0: nothing yet)."""
        value = self.context.database.scalar("SELECT max(change_to) FROM sync_packages WHERE status = 'accepted'")
        return int(value or 0)

    def packages(self, limit: int = 50) -> list[dict[str, Any]]:
        """The package history, newest first."""
        self.context.require(Permission.READ)
        rows = self.context.database.query(
            "SELECT sequence, file_name, sha256, created_at, change_from, change_to, records, counts, status, "
            "acknowledged_at, ack_messages, ack_reasons FROM sync_packages ORDER BY sequence DESC LIMIT ?", (limit,))
        result = []
        for r in rows:
            item = dict(r)
            for key in ("counts", "ack_messages", "ack_reasons"):
                item[key] = json.loads(item[key])
            result.append(item)
        return result

    def status(self) -> SyncStatus:
        self.context.require(Permission.READ)
        settings = self.context.require_setup()
        watermark = self.watermark()
        pending = sum(int(self.context.database.scalar(f"SELECT count(*) FROM {table} WHERE seq > ?",
                                                       (watermark,)) or 0) for table in RECORD_TABLES)
        return SyncStatus(settings.unit_code, watermark, pending, tuple(self.packages()),
                          self.commune_keys().public().fingerprint(), self.upper_keys(), settings.sync_protected)

    # -- export -------------------------------------------------------------------------------------------------
    def export(self, folder: Path | str, *, with_documents: bool = False,
               progress: Callable[[int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> PackageInfo:
        """Write the next package into `folder`: every change since the watermark. Nothing is marked as sent
        unless the file was written, read back and verified. `progress(records)` is called as records are
        written; `cancelled()` stops the export, leaving no file and nothing marked."""
        session = self.context.require(Permission.EXPORT)
        settings = self.context.require_setup()
        upper = self.upper_keys()
        if upper is None:
            raise UserError("sync.no_upper_keys")
        signing = self.commune_keys()
        conn = self.context.database.conn
        sequence = max(int(self.context.database.scalar("SELECT max(sequence) FROM sync_packages") or 0),
                       package_floor(conn, settings.unit_code)) + 1
        watermark = self.watermark()
        seal = settings.sync_protected == "seal" and upper.confidential is not None
        reader = self.context.database.reader()
        try:
            reader.execute("BEGIN")  # one snapshot: the records, the counter and the reports agree
            change_to = int(reader.execute("SELECT value FROM counters WHERE name = 'change_seq'").fetchone()[0])
            fields_hash = hashlib.sha256(json.dumps(list(export_records(reader, fields_only=True)),
                                                    ensure_ascii=False).encode()).hexdigest()[:16]
            manifest = ManifestFields(
                unit_code=settings.unit_code, sequence=sequence,
                restore_epoch=records.restore_epoch(conn), change_from=watermark + 1, change_to=change_to,
                field_list_version=fields_hash, rules_version=_rules_version(self.context),
                audit_head=str(AuditService(self.context).head()[1] or ""),
                created_at=iso_timestamp(self.context.clock()))
            name = f"{settings.unit_code}-{sequence:05d}{PACKAGE_SUFFIX}"
            opener = session.identities.open if seal else None
            policy = IdentityPolicy(is_protected=lambda r: r.get("identity") == "sealed", fields=SEALED_FIELDS)
            info = write_package(
                Path(folder) / name, manifest, _watched(_records(reader, watermark, opener), progress, cancelled),
                documents=_documents(reader, watermark, change_to) if with_documents else (),
                reports=_reports(reader, watermark, change_to), signing_key=signing, upper_keys=upper,
                identity_policy=policy if seal else None)
        finally:
            reader.close()
        counts = info.manifest.counts
        with self.context.database.write() as write:
            write.execute(
                "INSERT INTO sync_packages (sequence, unit_code, created_at, file_name, sha256, change_from, "
                "change_to, records, counts, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'sent')",
                (sequence, settings.unit_code, manifest.created_at, name, info.sha256, watermark + 1, change_to,
                 sum(counts.values()), json.dumps(counts, sort_keys=True)))
            records.append_audit(write, self.context.stamp(), "sync.export", "sync_packages", None,
                                 {"sequence": sequence, "sha256": info.sha256, "records": sum(counts.values()),
                                  "changes": [watermark + 1, change_to], "protected": "sealed" if seal else "omitted",
                                  "documents": with_documents})
        return info

    # -- acknowledgements --------------------------------------------------------------------------------------
    def import_ack(self, path: Path | str) -> Ack:
        """Read the upper level's signed acknowledgement and record it: an accepted package moves the watermark.
        A file for another commune or package, a replay, or anything altered is refused and changes nothing."""
        self.context.require(Permission.RECORD)
        settings = self.context.require_setup()
        upper = self.upper_keys()
        if upper is None:
            raise UserError("sync.no_upper_keys")
        source = Path(path)
        if not source.is_file():
            raise UserError("sync.ack_not_found", "file", path=str(source))
        data = source.read_bytes()
        ack = read_ack(data, upper_ack_public_key=upper, expected_unit=settings.unit_code, name=source.name)
        digest = hashlib.sha256(data).hexdigest()
        package = self.context.database.one("SELECT sequence, sha256, status, ack_sha256 FROM sync_packages "
                                            "WHERE sequence = ?", (ack.package_sequence,))
        if package is None or package["sha256"] != ack.package_sha256:
            raise UserError("sync.ack_other_package", "file", file=source.name, sequence=ack.package_sequence)
        if package["ack_sha256"] is not None:
            raise UserError("sync.ack_replayed", "file", file=source.name, sequence=ack.package_sequence)
        status = "accepted" if ack.accepted else "rejected"
        with self.context.database.write() as conn:
            conn.execute("UPDATE sync_packages SET status = ?, acknowledged_at = ?, ack_sha256 = ?, ack_messages = ?, "
                         "ack_reasons = ? WHERE sequence = ?",
                         (status, ack.issued_at, digest, json.dumps(list(ack.messages), ensure_ascii=False),
                          json.dumps(list(ack.reasons), ensure_ascii=False), ack.package_sequence))
            conn.executemany("INSERT OR IGNORE INTO known_case_hashes (hash, package_sequence) VALUES (?, ?)",
                             [(h, ack.package_sequence) for h in ack.known_cases])
            records.append_audit(conn, self.context.stamp(), "sync.ack", "sync_packages", None,
                                 {"sequence": ack.package_sequence, "status": status, "sha256": digest,
                                  "known_cases": len(ack.known_cases)})
        return ack


def _rules_version(context: DeskContext) -> str:
    """A short fingerprint of the rules table in force (the upper level checks both sides count alike)."""
    text = "\n".join(f"{lim.code}|{lim.days}|{lim.effective_from}" for lim in context.rules)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _records(reader: Any, watermark: int, opener: Any) -> Iterator[tuple[str, str] | dict[str, Any]]:
    """The fields, then every record changed after the watermark, each as its interchange line; a protected
    person's record as a dict with the identity included (the package seals it) when `opener` is given, else
    withheld (masked) like the interchange export."""
    for entity, line in export_lines(reader, opener, since_seq=watermark):
        if '"identity":"included"' in line:
            record = json.loads(line)
            record["identity"] = "sealed"
            yield record
        else:
            yield entity, line


def _watched(items: Iterator[Any], progress: Callable[[int], None] | None,
             cancelled: Callable[[], bool] | None) -> Iterator[Any]:
    """`items`, telling `progress` every PROGRESS_STEP items and stopping with a UserError when `cancelled()`."""
    for count, item in enumerate(items, start=1):
        if count % PROGRESS_STEP == 0:
            if cancelled is not None and cancelled():
                raise UserError("sync.export_cancelled")
            if progress is not None:
                progress(count)
        yield item


def _documents(reader: Any, watermark: int, change_to: int) -> Iterator[tuple[str, bytes]]:
    """Issued documents since the watermark, as issued (a document naming a protected person never travels)."""
    for row in reader.execute("SELECT uuid, number_text, content FROM documents WHERE seq > ? AND seq <= ? "
                              "AND voided = 0 AND protected = 0 ORDER BY id", (watermark, change_to)):
        safe = row[1].replace("/", "-")
        yield f"{safe}_{row[0]}.pdf", bytes(row[2])


def _reports(reader: Any, watermark: int, change_to: int) -> Iterator[tuple[str, bytes]]:
    """The reports marked submitted since the watermark: their figures and narrative (JSON), and their PDF."""
    for row in reader.execute(
            "SELECT uuid, kind, period_kind, period_label, period_start, period_end, submitted_on, narrative, "
            "figures, sha256, pdf FROM report_submissions WHERE seq > ? AND seq <= ? AND voided = 0 ORDER BY id",
            (watermark, change_to)):
        stem = f"{row[1]}_{row[4]}_{row[5]}_{row[0]}"
        body = {"uuid": row[0], "kind": row[1], "period": {"kind": row[2], "label": row[3], "start": row[4],
                                                           "end": row[5]},
                "submitted_on": row[6], "narrative": row[7], "figures": json.loads(row[8]), "sha256": row[9]}
        yield f"{stem}.json", json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")
        if row[10]:
            yield f"{stem}.pdf", bytes(row[10])

