"""Users, roles and permissions of the desk, and how a protected identity is shown to someone who may not see it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    OFFICER = "officer"  # visits, letters, cases; keys in sessions and conclusions; prints
    LEADER = "leader"  # reads, approves and signs notices
    ADMINISTRATOR = "administrator"  # users and settings, and the officer's work at a one-person desk
    VIEWER = "viewer"  # reads only


class Permission(StrEnum):
    READ = "read"
    RECORD = "record"  # register and change visits, letters, cases, sessions, assignments
    APPROVE = "approve"  # approve and sign notices
    PRINT = "print"
    EXPORT = "export"
    ADMINISTER = "administer"  # users, settings, calendar, fields


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OFFICER: frozenset({Permission.READ, Permission.RECORD, Permission.PRINT, Permission.EXPORT}),
    Role.LEADER: frozenset({Permission.READ, Permission.APPROVE, Permission.PRINT}),
    Role.ADMINISTRATOR: frozenset(Permission),
    Role.VIEWER: frozenset({Permission.READ}),
}

#: What a protected identity's fields read as for anyone not shown the identity.
MASKED_NAME = "[Danh tính được bảo vệ]"
MASKED_VALUE = "•••"

MAX_USERNAME_LENGTH = 40
LOCKOUT_FREE_ATTEMPTS = 3
LOCKOUT_BASE_SECONDS = 30
LOCKOUT_MAX_SECONDS = 3600


def lockout_seconds(failed_attempts: int) -> int:
    """The wait after `failed_attempts` wrong passwords in a row: none for the first few, then doubling."""
    if failed_attempts < LOCKOUT_FREE_ATTEMPTS:
        return 0
    return min(LOCKOUT_MAX_SECONDS, LOCKOUT_BASE_SECONDS * 2 ** (failed_attempts - LOCKOUT_FREE_ATTEMPTS))


@dataclass(frozen=True)
class User:
    """A signed-in user as the services see them (never the password or the keys)."""

    uuid: str
    username: str
    full_name: str
    role: Role
    can_see_protected: bool

    def may(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]
