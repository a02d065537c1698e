"""Setting up a desk: its unit, officer, signers, villages, the field list and the working-day calendar."""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from datetime import date

from receptiondesk import paths
from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.calendar import CalendarDay, default_calendar_days
from receptiondesk.domain.report_periods import MAX_CUTOFF_DAY
from receptiondesk.domain.text import clean_line
from receptiondesk.domain.units import DeskSettings, communes
from receptiondesk.domain.values import parse_date
from receptiondesk.errors import Problem, UserError, raise_for
from receptiondesk.services.context import DeskContext
from receptiondesk.storage import records
from receptiondesk.storage.settings import save_settings

#: Years whose default holidays are seeded when a desk is created.
DEFAULT_CALENDAR_YEARS = (2025, 2026, 2027)
SIGNER_ROLES = ("chairman", "vice_chairman", "party_secretary", "deputy_party_secretary", "office_chief", "other")


def commune_problems(commune_code: str) -> list[Problem]:
    """What is wrong with the unit chosen for a desk (empty, or not in the 2025 list)."""
    if not commune_code:
        return [Problem("value.required", "commune_code")]
    if commune_code not in communes():
        return [Problem("setup.unknown_commune", "commune_code", {"value": commune_code})]
    return []


@dataclass
class SignerDraft:
    full_name: str
    title: str
    role: str = "chairman"


class SetupService:
    """Creates and configures the desk; every change is audited."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    def initialise(self, commune_code: str, officer_name: str, *, signers: list[SignerDraft] = (),
                   villages: list[str] = (), delegation_threshold: int | None = None,
                   remote_area: bool = False) -> DeskSettings:
        """First-run set-up: the unit is the only thing asked for; the rest has defaults."""
        self.context.require(Permission.ADMINISTER)
        problems: list[Problem] = []
        commune_code = (commune_code or "").strip()
        problems += commune_problems(commune_code)
        threshold = delegation_threshold if delegation_threshold is not None else DeskSettings().delegation_threshold
        if not isinstance(threshold, int) or not 2 <= threshold <= 100:
            problems.append(Problem("setup.threshold_range", "delegation_threshold"))
        raise_for(problems)
        if self.context.is_set_up:
            raise UserError("setup.already_done", unit=self.context.settings.commune_code)
        settings = DeskSettings(
            commune_code=commune_code,
            officer_name=clean_line(officer_name),
            delegation_threshold=threshold,
            remote_area=bool(remote_area),
            villages=[clean_line(v) for v in villages if clean_line(v)],
        )
        with self.context.database.write() as conn:
            save_settings(conn, settings)
            self.context.settings_changed()
            stamp = self.context.stamp()
            self._seed_fields(conn)
            for year in DEFAULT_CALENDAR_YEARS:
                for day in default_calendar_days(year):
                    conn.execute("INSERT OR IGNORE INTO calendar_days (day, kind, name) VALUES (?, ?, ?)",
                                 (day.day.isoformat(), day.kind, day.name))
            for signer in signers:
                self._insert_signer(conn, stamp, signer)
            records.append_audit(conn, stamp, "desk.initialise", "settings", None, {"commune_code": commune_code})
        self.context.calendar_changed()
        return settings

    def update_settings(self, **changes: object) -> DeskSettings:
        """Change the desk's settings (not its unit); a change of remote-area status moves open cases' due dates."""
        self.context.require(Permission.ADMINISTER)
        settings = self.context.require_setup()
        if "commune_code" in changes and changes["commune_code"] != settings.commune_code:
            raise UserError("setup.unit_fixed")
        if "delegation_threshold" in changes:
            try:
                changes["delegation_threshold"] = int(changes["delegation_threshold"])
            except (TypeError, ValueError):
                raise UserError("setup.threshold_range", "delegation_threshold") from None
            if not 2 <= changes["delegation_threshold"] <= 100:
                raise UserError("setup.threshold_range", "delegation_threshold")
        if "sync_protected" in changes and changes["sync_protected"] not in ("seal", "omit"):
            raise UserError("sync.policy_unknown", "sync_protected")
        if "report_cutoff_day" in changes:
            changes["report_cutoff_day"] = _cutoff_day(changes["report_cutoff_day"])
        for name in ("officer_name", "upper_level_name", "upper_level_code"):
            if name in changes:
                changes[name] = clean_line(str(changes[name] or ""))
        if "remote_area" in changes:
            changes["remote_area"] = bool(changes["remote_area"])
        if "villages" in changes:
            changes["villages"] = [clean_line(v) for v in changes["villages"] if clean_line(v)]
        updated = replace(settings, **changes)
        with self.context.database.write() as conn:
            save_settings(conn, updated)
            self.context.settings_changed()
            records.append_audit(conn, self.context.stamp(), "desk.settings", "settings", None,
                                 {"changed": {k: [getattr(settings, k), getattr(updated, k)]
                                              for k in sorted(changes)}})
            if updated.remote_area != settings.remote_area:
                self._recompute_due_dates(conn)
        return updated

    def add_signer(self, signer: SignerDraft) -> str:
        self.context.require(Permission.ADMINISTER)
        with self.context.database.write() as conn:
            return self._insert_signer(conn, self.context.stamp(), signer)

    def _insert_signer(self, conn, stamp, signer: SignerDraft) -> str:
        problems: list[Problem] = []
        name, title = clean_line(signer.full_name), clean_line(signer.title)
        if not name:
            problems.append(Problem("value.required", "signer_name"))
        if not title:
            problems.append(Problem("value.required", "signer_title"))
        if signer.role not in SIGNER_ROLES:
            problems.append(Problem("value.not_allowed", "signer_role", {"value": signer.role,
                                                                          "allowed": SIGNER_ROLES}))
        raise_for(problems)
        _, uuid = records.insert_record(conn, "signers", stamp, {"full_name": name, "title": title,
                                                                  "role": signer.role})
        records.append_audit(conn, stamp, "signer.add", "signers", uuid)
        return uuid

    def signers(self) -> list[dict]:
        return [dict(r) for r in self.context.database.query(
            "SELECT uuid, full_name, title, role FROM signers WHERE voided = 0 ORDER BY id")]

    # -- fields (lĩnh vực) -----------------------------------------------------------------
    def _seed_fields(self, conn) -> None:
        with open(paths.resource("data", "fields.csv"), encoding="utf-8", newline="") as fh:
            for position, row in enumerate(csv.DictReader(fh)):
                conn.execute("INSERT OR IGNORE INTO fields (code, name_vi, name_en, position) VALUES (?, ?, ?, ?)",
                             (row["code"], row["name_vi"], row["name_en"], position))

    def fields(self, *, include_inactive: bool = False) -> list[dict]:
        where = "" if include_inactive else " WHERE active = 1"
        return [dict(r) for r in self.context.database.query(
            f"SELECT code, name_vi, name_en, active FROM fields{where} ORDER BY position")]

    def add_field(self, code: str, name_vi: str, name_en: str = "") -> None:
        self.context.require(Permission.ADMINISTER)
        code, name_vi = clean_line(code).lower().replace(" ", "_"), clean_line(name_vi)
        if not code or not name_vi:
            raise UserError("value.required", "field_name" if code else "field_code_new")
        with self.context.database.write() as conn:
            if conn.execute("SELECT 1 FROM fields WHERE code = ?", (code,)).fetchone():
                raise UserError("setup.field_exists", "field_code_new", value=code)
            position = conn.execute("SELECT coalesce(max(position), -1) + 1 FROM fields").fetchone()[0]
            conn.execute("INSERT INTO fields (code, name_vi, name_en, position) VALUES (?, ?, ?, ?)",
                         (code, name_vi, clean_line(name_en) or name_vi, position))
            records.append_audit(conn, self.context.stamp(), "field.add", "fields", None, {"code": code})

    def set_field_active(self, code: str, active: bool) -> None:
        """Fields are retired, never removed: old cases keep their field."""
        self.context.require(Permission.ADMINISTER)
        with self.context.database.write() as conn:
            if conn.execute("UPDATE fields SET active = ? WHERE code = ?", (int(active), code)).rowcount != 1:
                raise UserError("record.not_found", "field_code", uuid=code)
            records.append_audit(conn, self.context.stamp(), "field.active", "fields", None,
                                 {"code": code, "active": bool(active)})

    # -- calendar --------------------------------------------------------------------------
    def calendar_days(self, year: int) -> list[CalendarDay]:
        rows = self.context.database.query(
            "SELECT day, kind, name FROM calendar_days WHERE day BETWEEN ? AND ? ORDER BY day",
            (f"{year}-01-01", f"{year}-12-31"))
        return [CalendarDay(date.fromisoformat(r["day"]), r["kind"], r["name"]) for r in rows]

    def set_calendar_day(self, day: date | str, kind: str, name: str) -> int:
        """Add or change a holiday or a make-up working day; returns how many open cases got a new due date."""
        self.context.require(Permission.ADMINISTER)
        problems: list[Problem] = []
        parsed = parse_date(day, "calendar_day", problems)
        if kind not in ("holiday", "working"):
            problems.append(Problem("value.not_allowed", "calendar_kind", {"value": kind,
                                                                           "allowed": ["holiday", "working"]}))
        if parsed is not None and kind == "working" and parsed.weekday() < 5:
            problems.append(Problem("setup.working_on_weekday", "calendar_day"))
        raise_for(problems)
        with self.context.database.write() as conn:
            conn.execute("INSERT INTO calendar_days (day, kind, name) VALUES (?, ?, ?) "
                         "ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name",
                         (parsed.isoformat(), kind, clean_line(name) or kind))
            records.append_audit(conn, self.context.stamp(), "calendar.set", "calendar_days", None,
                                 {"day": parsed.isoformat(), "kind": kind})
            return self._recompute_due_dates(conn)

    def remove_calendar_day(self, day: date | str) -> int:
        self.context.require(Permission.ADMINISTER)
        problems: list[Problem] = []
        parsed = parse_date(day, "calendar_day", problems)
        raise_for(problems)
        with self.context.database.write() as conn:
            conn.execute("DELETE FROM calendar_days WHERE day = ?", (parsed.isoformat(),))
            records.append_audit(conn, self.context.stamp(), "calendar.remove", "calendar_days", None,
                                 {"day": parsed.isoformat()})
            return self._recompute_due_dates(conn)

    def _recompute_due_dates(self, conn) -> int:
        from receptiondesk.services.cases import recompute_open_due_dates

        self.context.calendar_changed()
        return recompute_open_due_dates(self.context, conn)

    def reset_calendar_year(self, year: int) -> None:
        """Replace a year's days with the defaults (before entering the official schedule)."""
        self.context.require(Permission.ADMINISTER)
        with self.context.database.write() as conn:
            conn.execute("DELETE FROM calendar_days WHERE day BETWEEN ? AND ?", (f"{year}-01-01", f"{year}-12-31"))
            for d in default_calendar_days(year):
                conn.execute("INSERT INTO calendar_days (day, kind, name) VALUES (?, ?, ?)",
                             (d.day.isoformat(), d.kind, d.name))
            records.append_audit(conn, self.context.stamp(), "calendar.reset", "calendar_days", None, {"year": year})
            self._recompute_due_dates(conn)


def _cutoff_day(value: object) -> int:
    """The reports' cut-off day: 0 (calendar months) or a day every month has (1-28), so report months of one
    cut-off never overlap nor leave a gap."""
    try:
        day = int(str(value).strip() or 0)
    except (TypeError, ValueError):
        raise UserError("report.cutoff_range", "cutoff_day", value=value, max=MAX_CUTOFF_DAY) from None
    if not 0 <= day <= MAX_CUTOFF_DAY:
        raise UserError("report.cutoff_range", "cutoff_day", value=value, max=MAX_CUTOFF_DAY)
    return day
