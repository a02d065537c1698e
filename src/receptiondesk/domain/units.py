"""Administrative units (34 provinces, 3,321 communes since 1 July 2025) and the desk's own settings."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache

from receptiondesk import paths

DEFAULT_DELEGATION_THRESHOLD = 5
DEFAULT_AUTO_LOCK_MINUTES = 10
DEFAULT_BACKUP_DAILY = 7  # automatic backups kept: the newest of each of the last 7 days...
DEFAULT_BACKUP_MONTHLY = 12  # ...and of each of the last 12 months


@dataclass(frozen=True)
class Commune:
    province_code: str
    province_name: str
    commune_code: str
    commune_name: str
    commune_type: str


@lru_cache(maxsize=1)
def communes() -> dict[str, Commune]:
    """Every commune by its 5-digit code (resources/data/admin-units-2025.csv)."""
    with open(paths.resource("data", "admin-units-2025.csv"), encoding="utf-8", newline="") as fh:
        return {
            row["commune_code"]: Commune(row["province_code"], row["province_name"], row["commune_code"],
                                         row["commune_name"], row["commune_type"])
            for row in csv.DictReader(fh)
        }


def communes_of_province(province_code: str) -> list[Commune]:
    return [c for c in communes().values() if c.province_code == province_code]


#: The desk's role (setting `desk_role`): a commune's desk, or also the upper level's consolidation desk.
ROLE_COMMUNE = "commune"
ROLE_UPPER = "upper"


@dataclass
class DeskSettings:
    """The desk's configuration, stored in its database."""

    commune_code: str = ""
    officer_name: str = ""
    delegation_threshold: int = DEFAULT_DELEGATION_THRESHOLD
    remote_area: bool = False
    upper_level_name: str = ""
    upper_level_code: str = ""
    villages: list[str] = field(default_factory=list)
    auto_lock_minutes: int = DEFAULT_AUTO_LOCK_MINUTES  # 0: never
    backup_daily_count: int = DEFAULT_BACKUP_DAILY
    backup_monthly_count: int = DEFAULT_BACKUP_MONTHLY
    backup_second_folder: str = ""  # a USB stick or another disk; "" for none
    report_cutoff_day: int = 0  # the reports' data cut-off day (1-28); 0: calendar months
    sync_protected: str = "seal"  # protected identities in sync packages: "seal" (for the upper level) or "omit"
    desk_role: str = ROLE_COMMUNE  # ROLE_UPPER: also the upper level's consolidation desk (set by it)
    demo: bool = False  # the demonstration desk (generated data): "DEMO" in the title bar and on every printed page

    @property
    def unit_code(self) -> str:
        return self.commune_code

    @property
    def commune(self) -> Commune | None:
        return communes().get(self.commune_code)
