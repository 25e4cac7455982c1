"""A real PostgreSQL for the archive tests: one throwaway cluster per test run, one database
per test, copied from a template that ``archive init`` made (a copy takes milliseconds).

Logins, as a force's DBA would grant them: ``archive_dba`` owns the database and ran init;
``laptop_a`` and ``laptop_b`` are granted the uploader role, ``hr_ann`` the HR role.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest

from tests.pg_cluster import (
    DBA,
    HR,
    SUPERUSER,
    UPLOADER,
    Cluster,
    NoPostgresError,
    make_archive,
    start_cluster,
)

# The app's windows here run on the UI tests' screen (one 1366x768 laptop): the first test to
# make the QApplication decides the screen for the whole run, and these run before tests/ui.
from tests.ui.conftest import qapp_args  # noqa: F401

TEMPLATE = "archive_template"
LOGINS = {
    "laptop_a": UPLOADER,
    "laptop_b": UPLOADER,
    "hr_ann": HR,
    "laptop_pw": UPLOADER,  # these two must give a password (tests/pg_cluster.py)
    "hr_pw": HR,
}
_numbers = itertools.count(1)


@dataclass
class Archive:
    """One test's archive database on the shared cluster."""

    cluster: Cluster
    name: str

    def url(self, user: str = "hr_ann") -> str:
        return self.cluster.url(self.name, user)

    def connect(self, user: str = SUPERUSER, **kwargs: object) -> psycopg.Connection:
        return psycopg.connect(self.cluster.conninfo(self.name, user), **kwargs)  # type: ignore[arg-type]

    def query(self, sql: str, params: list[object] | None = None, user: str = SUPERUSER) -> list:
        with self.connect(user) as conn:
            return conn.execute(sql, params).fetchall()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    try:
        cluster = start_cluster()
    except NoPostgresError as exc:
        if os.geteuid() == 0 and shutil.which("apt-get"):
            pytest.fail(f"PostgreSQL is needed for the archive tests and could not be had: {exc}")
        pytest.skip(f"ARCHIVE TESTS NOT RUN: {exc}")
    try:
        make_archive(cluster, TEMPLATE, LOGINS)
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def archive(pg_cluster: Cluster) -> Iterator[Archive]:
    name = f"archive_{next(_numbers)}"
    with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} OWNER {DBA} STRATEGY FILE_COPY")
    yield Archive(pg_cluster, name)
    with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
