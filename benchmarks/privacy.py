"""Accounts and privacy figures: sign-in at the Argon2 floor, and a list page for a user who may see protected
identities beside the same page for one who may not."""

from __future__ import annotations

import os

from argon2.low_level import Type, hash_secret_raw

from benchmarks.dataset import BENCH_PASSWORD, BENCH_USER
from benchmarks.measure import Figure, interleaved, timed
from receptiondesk.security import passwords
from receptiondesk.services.desk import Desk

LOGIN_CALLS = 10
PAGE_CALLS = 50
PAGE_WARMUPS = 3
VIEWER = "xem"
VIEWER_PASSWORD = "mật khẩu người xem"


def _raw_argon2() -> None:
    """What a sign-in cannot avoid: one Argon2id derivation at the floor."""
    hash_secret_raw(BENCH_PASSWORD.encode(), os.urandom(16), time_cost=passwords.TIME_COST,
                    memory_cost=passwords.MEMORY_COST_KIB, parallelism=passwords.PARALLELISM, hash_len=32,
                    type=Type.ID)


def login_figure(desk: Desk) -> Figure:
    samples, raw = [], []
    for _ in range(LOGIN_CALLS):
        samples.append(timed(lambda: desk.accounts.login(BENCH_USER, BENCH_PASSWORD))[0])
        raw.append(timed(_raw_argon2)[0])
    return Figure("sign in (accounts.login: verify + unwrap key)", samples,
                  f"raw Argon2id, t={passwords.TIME_COST}, m={passwords.MEMORY_COST_KIB // 1024} MiB", raw,
                  max_median_ms=500.0,
                  notes=["sign in = verify the password hash, derive the key-encryption key, open the data key, "
                         "write the audit row"])


def page_figure(desk: Desk) -> Figure:
    """The newest 100 visits as the administrator (may see protected identities) and as a viewer (may not)."""
    admin = desk.login(BENCH_USER, BENCH_PASSWORD)
    if VIEWER not in {u["username"] for u in desk.accounts.users()}:
        desk.accounts.add_user(admin, VIEWER, "Người xem", "viewer", VIEWER_PASSWORD)
    viewer = desk.accounts.login(VIEWER, VIEWER_PASSWORD)
    results = {}

    def as_user(session, label):
        def call():
            desk.sign_in(session)
            results[label] = desk.logbook.visits(limit=100)
        return call

    permitted, masked = interleaved(as_user(admin, "permitted"), as_user(viewer, "masked"), calls=PAGE_CALLS,
                                    warmups=PAGE_WARMUPS)
    desk.sign_in(admin)
    same = results["permitted"] == results["masked"]
    return Figure("newest 100 visits, user who may see protected", permitted,
                  "the same page for a user who may not (masked)", masked, max_ratio=1.2,
                  notes=[f"protected identities are masked at rest, so both pages are the same rows: "
                         f"{'yes' if same else 'NO'}"])


def run(desk: Desk) -> list[Figure]:
    figures = [login_figure(desk), page_figure(desk)]
    desk.login(BENCH_USER, BENCH_PASSWORD)
    return figures
