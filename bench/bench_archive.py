"""Benchmark of the force archive on PostgreSQL (not a test; prints its figures).

    .venv/bin/python bench/bench_archive.py [--sessions 500000] [--push 1000] [--runs 20]

Targets from issue 15, on this machine: with 500,000 archived sessions, HR's first page and a
text filter (answered by the pg_trgm index) in at most 300 ms each; pushing 1,000 sessions from
a laptop's database in at most 30 s.

A throwaway cluster is started as the tests start theirs (tests/pg_cluster.py), but with disk
syncs on, as a real server has them; the archive is made by ``archive init`` as its DBA would,
with one uploader login and one HR login. Then:

- load: the archive's owner fills it with generated signed sessions, server-side
  (generate_series into the archive's own tables, each version's digest checked by the
  archive's trigger on arrival), then ANALYZE, as a DBA would after a bulk load. This part is
  not timed against a target: it only sets the scene for HR's reads. The names come from the
  demo's short lists, so a first name or a surname matches some 40,000 sessions: a harder
  filter than a force's own, more varied names give;
- push: a laptop's database of demo sessions, all signed (the project's demo and store), is
  pushed into that full archive as the uploader login, as ``main.py push`` does;
- HR's reads, as the HR login, through ``ArchiveStore.query_sessions`` (what the ``sessions``
  verb and HR review run): the first page (newest first, with the count of all), and text
  filters (a first name, a surname, a reference fragment, a panel member, text matching
  nothing, and one or two letters, too short for the trigram index, as the first keys HR
  types), each the median and the worst of ``--runs`` runs after one untimed look;
- beside them, in the same run on the same connection: a bare
  ``SELECT <the list's columns> FROM archive.sessions LIMIT 100``, so a slow machine can be
  told apart from a slow query.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from pcso_interview.demo import FIRST, LAST, VENUES, demo_sessions  # noqa: E402
from pcso_interview.lifecycle import Status  # noqa: E402
from pcso_interview.profiles import load_profiles  # noqa: E402
from pcso_interview.store import SessionQuery, Store  # noqa: E402
from pcso_interview.store.archive.push import push  # noqa: E402
from pcso_interview.store.archive.read import ROW_COLUMNS, ArchiveStore  # noqa: E402
from tests.pg_cluster import (  # noqa: E402
    DBA,
    HR,
    UPLOADER,
    Cluster,
    make_archive,
    start_cluster,
)

PAGE_TARGET_MS = 300.0
FILTER_TARGET_MS = 300.0
PUSH_TARGET_S = 30.0
DATABASE = "force_archive"
LAPTOP_LOGIN, HR_LOGIN = "laptop_bench", "hr_bench"
GENERATED_INSTALLATION = "0" * 31 + "1"  # the laptops whose sessions the load stands for


def ms(seconds: float) -> float:
    return seconds * 1000.0


def figures(values: list[float]) -> str:
    return f"median {statistics.median(values):7.1f} ms   worst {max(values):7.1f} ms"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def build_laptop(path: Path, count: int) -> Store:
    """A laptop's database holding ``count`` signed demo sessions (the demo makes some that
    are not signed: those are left out)."""
    store = Store.open(path)
    signed = (
        s
        for s in demo_sessions(list(load_profiles([])), count * 2, seed=15)
        if s.status is Status.SIGNED
    )
    store.insert_many((s for _, s in zip(range(count), signed, strict=False)), "bench")
    return store


# The generated sessions: a deterministic spread over eight years of assessment days, names
# from the demo's lists, a panel of two, signed, mostly passed, spread over the seed profiles.
# Each version's content is a minimal canonical JSON naming its profile snapshot by digest;
# its digest is computed here the way the archive's arrival trigger checks it (the snapshot
# put back in place), so the trigger passes it. The snapshots are small stand-ins (the list
# rows carry each profile's real force and role): HR's list never reads a snapshot, and
# hashing a whole profile twice for each of half a million rows would only slow the load.
GENERATE = """
CREATE TEMP TABLE prof ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY digest) - 1 AS slot, *
FROM jsonb_to_recordset(%(profiles)s::jsonb) AS x(digest text, profile_id text, json text,
     force text, role_title text, retention integer);

CREATE TEMP TABLE gen ON COMMIT DROP AS
SELECT g,
       md5('bench' || g) AS id,
       g %% %(profile_count)s AS slot,
       (date '2019-01-07' + (g::bigint * 7919 %% 2900)::integer)::text AS day,
       f.n[1 + (g * 31 %% cardinality(f.n))] || ' ' || l.n[1 + (g * 17 %% cardinality(l.n))]
           AS candidate_name,
       f.k[1 + (g * 31 %% cardinality(f.k))] || ' ' || l.k[1 + (g * 17 %% cardinality(l.k))]
           AS candidate_key,
       f.n[1 + (g * 13 %% cardinality(f.n))] || ' ' || l.n[1 + (g * 29 %% cardinality(l.n))]
           AS chair_name,
       f.k[1 + (g * 13 %% cardinality(f.k))] || ' ' || l.k[1 + (g * 29 %% cardinality(l.k))]
           AS chair_key,
       f.k[1 + (g * 7 %% cardinality(f.k))] || ' ' || l.k[1 + (g * 11 %% cardinality(l.k))]
           AS member_key,
       'A-' || lpad(g::text, 7, '0') AS candidate_ref,
       v.n[1 + g %% cardinality(v.n)] AS venue,
       (ARRAY['pass', 'pass', 'pass', 'fail', 'fail'])[1 + g %% 5] AS outcome,
       20 + g %% 25 AS weighted_total,
       lpad((8 + (g * 3) %% 9)::text, 2, '0') || ':' || lpad((g %% 60)::text, 2, '0')
           || ':00Z' AS clock
FROM generate_series(1, %(count)s) AS g
CROSS JOIN (SELECT %(first)s::text[] AS n, %(first_key)s::text[] AS k) AS f
CROSS JOIN (SELECT %(last)s::text[] AS n, %(last_key)s::text[] AS k) AS l
CROSS JOIN (SELECT %(venues)s::text[] AS n) AS v;

INSERT INTO archive.versions (session_id, version, digest, signed_at, snapshot, content,
                              installation_id)
SELECT id, 1,
       encode(sha256(convert_to('{"profile":' || p.json || ',"session_id":"' || id
                                || '","version":1}', 'UTF8')), 'hex'),
       day || 'T' || clock, p.digest,
       convert_to('{"profile":"' || p.digest || '","session_id":"' || id || '","version":1}',
                  'UTF8'),
       %(installation)s
FROM gen JOIN prof AS p USING (slot);

INSERT INTO archive.sessions (id, version, installation_id, profile_id, snapshot, force,
    role_title, candidate_name, candidate_ref, date, venue, chair_name, status, outcome,
    weighted_total, percentage, retention_months, closed_at, search, created_at, updated_at)
SELECT id, 1, %(installation)s, p.profile_id, p.digest, p.force, p.role_title,
       candidate_name, candidate_ref, day, venue, chair_name, 'signed', outcome,
       weighted_total, (weighted_total * 2) || '%%', p.retention, day || 'T' || clock,
       candidate_key || ' ' || lower(candidate_ref) || ' ' || chair_key || ' ' || member_key,
       day || 'T' || clock, day || 'T' || clock
FROM gen JOIN prof AS p USING (slot);
"""


def load_archive(cluster: Cluster, count: int) -> float:
    """Fill the archive with ``count`` generated signed sessions as its owner; seconds taken."""
    import hashlib

    import psycopg
    from psycopg.types.json import Jsonb

    from pcso_interview.session import canonical_json

    profiles = []
    for profile in load_profiles([]):
        text = canonical_json({"generated_for": profile.id}).decode()
        profiles.append(
            {
                "digest": hashlib.sha256(text.encode()).hexdigest(),
                "profile_id": profile.id,
                "json": text,
                "force": profile.force,
                "role_title": profile.role_title,
                "retention": profile.retention_months,
            }
        )
    started = time.perf_counter()
    with psycopg.connect(cluster.conninfo(DATABASE, DBA)) as conn:
        conn.execute(
            "INSERT INTO archive.installations (id, label, uploader) VALUES (%s, %s, %s)",
            [GENERATED_INSTALLATION, "generated by the bench", LAPTOP_LOGIN],
        )
        for p in profiles:
            conn.execute(
                "INSERT INTO archive.profile_snapshots (digest, profile_id, json)"
                " VALUES (%s, %s, %s)",
                [p["digest"], p["profile_id"], p["json"]],
            )
        # Client-side binding: the script is several statements, two of them CREATE TABLE AS.
        psycopg.ClientCursor(conn).execute(
            GENERATE.encode(),
            {
                "count": count,
                "first": list(FIRST),
                "first_key": [n.casefold() for n in FIRST],
                "last": list(LAST),
                "last_key": [n.casefold() for n in LAST],
                "venues": list(VENUES),
                "profiles": Jsonb(profiles),
                "profile_count": len(profiles),
                "installation": GENERATED_INSTALLATION,
            },
        )
    with psycopg.connect(cluster.conninfo(DATABASE, DBA), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE archive.sessions")
        conn.execute("VACUUM ANALYZE archive.versions")
    return time.perf_counter() - started


def timed(run: Any, runs: int) -> list[float]:
    run()  # one untimed look, as the second look at a page would be
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(ms(time.perf_counter() - started))
    return times


def main_(argv: list[str] | None = None) -> int:
    # Stopped (kill, Ctrl+C): still stop the cluster it started, in the finally below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=500_000, help="archived sessions")
    parser.add_argument("--push", type=int, default=1_000, help="sessions the laptop pushes")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)

    import psycopg

    folder = Path(tempfile.mkdtemp(prefix="pcso-bench-archive-"))
    logins = {LAPTOP_LOGIN: UPLOADER, HR_LOGIN: HR}
    cluster = start_cluster(durable=True)
    try:
        # As a force's database would be made: a UTF-8 LC_CTYPE, so that the text index
        # knows letters such as ŵ and ŷ (under C it sees only ASCII letters as letters).
        try:
            make_archive(cluster, DATABASE, logins, ctype="C.UTF-8")
            ctype = "C.UTF-8"
        except psycopg.Error:  # no such locale on this machine
            make_archive(cluster, DATABASE, logins)
            ctype = "C"
        with sqlite3.connect(":memory:") as probe:  # for the record: which SQLite the laptop
            sqlite_version = probe.execute("SELECT sqlite_version()").fetchone()[0]
        started = time.perf_counter()
        laptop = build_laptop(folder / "laptop.db", args.push)
        built = time.perf_counter() - started
        print(f"laptop database: {args.push:,} signed demo sessions built in {built:.1f} s")

        loaded = load_archive(cluster, args.sessions)
        print(f"archive loaded by its owner: {args.sessions:,} sessions in {loaded:.1f} s")

        started = time.perf_counter()
        report = push(laptop, cluster.url(DATABASE, LAPTOP_LOGIN))
        pushed = time.perf_counter() - started
        sample = laptop.query_sessions(SessionQuery(limit=1)).rows[0]  # one pushed session
        laptop.close()
        print(f"push: {report.describe()}")

        hr = ArchiveStore.open(cluster.url(DATABASE, HR_LOGIN))
        try:
            server = hr.conn.execute("SHOW server_version").fetchone()
            total = hr.count_sessions()
            baseline = timed(
                lambda: hr.conn.execute(
                    f"SELECT {ROW_COLUMNS} FROM archive.sessions LIMIT 100"
                ).fetchall(),
                args.runs,
            )
            first = timed(lambda: hr.query_sessions(SessionQuery()), args.runs)
            filters = {
                "first name": FIRST[5],
                "surname": LAST[7],
                "Welsh name": "Llŷr",
                "reference fragment": "A-00123",
                "pushed reference": sample.candidate_ref,
                "panel member": sample.chair_name,
                "nothing matches": "zzqxj",
                "one letter (no trigram)": "e",
                "two letters (no trigram)": "ll",
            }
            filtered: dict[str, list[float]] = {}
            for label, text in filters.items():
                query = SessionQuery(text=text)
                matches = hr.query_sessions(query).total
                filtered[f"{label} {text!r} ({matches:,} match)"] = timed(
                    lambda q=query: hr.query_sessions(q), args.runs
                )
        finally:
            hr.close()
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)

    base = statistics.median(baseline)
    print(
        f"\nPostgreSQL {server[0] if server else '?'} (throwaway cluster, disk syncs on),"
        f" SQLite {sqlite_version}; {total:,} sessions in the archive (LC_CTYPE {ctype});"
        f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (other work slows"
        " the worst runs)"
    )
    print(f"\nHR's reads ({args.runs} runs each, after one untimed look):")
    print(f"  {'baseline: bare SELECT ... LIMIT 100':56} {figures(baseline)}")
    print(
        f"  {'first page of 100, newest first, with the count':56} {figures(first)}"
        f"   ratio {statistics.median(first) / base:5.1f}x"
    )
    for label, times in filtered.items():
        print(
            f"  {'text filter: ' + label:56} {figures(times)}"
            f"   ratio {statistics.median(times) / base:5.1f}x"
        )
    print(
        f"\npush of {args.push:,} sessions: {pushed:.1f} s ({ms(pushed) / args.push:.1f} ms each)"
    )

    worst_filter = max(max(t) for t in filtered.values())
    checks = [
        (max(first) <= PAGE_TARGET_MS, f"first page: worst {max(first):.1f} ms", PAGE_TARGET_MS),
        (
            worst_filter <= FILTER_TARGET_MS,
            f"text filter: worst {worst_filter:.1f} ms",
            FILTER_TARGET_MS,
        ),
    ]
    print()
    for ok, text, target in checks:
        print(f"{verdict(ok)}  {text} (target <= {target:.0f} ms)")
    push_ok = pushed <= PUSH_TARGET_S and len(report.sent) >= args.push and not report.refused
    print(
        f"{verdict(push_ok)}  push of {args.push:,}: {pushed:.1f} s"
        f" (target <= {PUSH_TARGET_S:.0f} s)"
    )
    if args.sessions < 500_000:
        print(f"(note: {args.sessions:,} archived sessions; the targets are for 500,000)")
    return 0 if all(ok for ok, _, _ in checks) and push_ok else 1


if __name__ == "__main__":
    sys.exit(main_())
