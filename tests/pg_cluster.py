"""A throwaway PostgreSQL cluster for the archive tests and the archive bench, and an
archive on it made as a force's DBA would make one.

PostgreSQL refuses to run as root, so as root the cluster runs as an unprivileged user (the
``postgres`` user when the Debian package made one, else a system user made for it); its data
and its Unix socket live in a temporary folder handed to that user. It listens on no TCP port:
the socket is the only way in. Nothing here sleeps: ``pg_ctl -w`` waits for the server itself.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "pcso_test_owner"  # the cluster's bootstrap superuser
SYSTEM_USER = "pcso-pgtest"  # made only when no postgres user exists and we are root
# The archive's roles and its owner, as a force's DBA would name them.
UPLOADER, HR = "archive_uploader", "archive_hr"
DBA = "archive_dba"  # owns the archive's database and ran `archive init`
# Logins that must give a password (every other login is trusted on the socket): the tests of
# where a password comes from.
PASSWORD_LOGINS = ("hr_pw", "laptop_pw")


class NoPostgresError(RuntimeError):
    """PostgreSQL's server programs are not installed and could not be installed."""


def find_bin_dir() -> Path | None:
    """Where pg_ctl, initdb and postgres are: on PATH, or Debian's versioned folder."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(os.path.realpath(found)).parent
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(Path(p).parent.parent.name),
    )
    return Path(versions[-1]).parent if versions else None


def install_postgres() -> str:
    """Install Debian's postgresql package as root; returns why it could not, or ''."""
    if os.geteuid() != 0:
        return "pg_ctl is missing and this user is not root (install the postgresql package)"
    if not shutil.which("apt-get"):
        return "pg_ctl is missing and there is no apt-get to install the postgresql package"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (
        ["apt-get", "install", "-y", "-qq", "postgresql"],
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "postgresql"],
    ):
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode == 0 and command[1] == "install":
            return ""
    return f"apt-get could not install postgresql: {done.stderr.strip()[-300:]}"


def _server_user() -> tuple[str, int, int] | None:
    """(name, uid, gid) to run the server as; None: run as ourselves (not root)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", SYSTEM_USER):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return entry.pw_name, entry.pw_uid, entry.pw_gid
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SYSTEM_USER],
        check=True,
        capture_output=True,
    )
    entry = pwd.getpwnam(SYSTEM_USER)
    return entry.pw_name, entry.pw_uid, entry.pw_gid


@dataclass
class Cluster:
    """A running cluster: connect with ``conninfo(dbname, user)``."""

    bin_dir: Path
    folder: Path
    as_user: tuple[str, int, int] | None
    durable: bool = False  # fsync and synchronous commit as a real server has them

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def conninfo(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        return f"host={self.socket_dir} dbname={dbname} user={user}"

    def url(self, dbname: str, user: str = SUPERUSER) -> str:
        """A postgresql:// URL for the CLI: the socket folder as the host parameter."""
        from urllib.parse import quote

        return f"postgresql://{user}@/{dbname}?host={quote(str(self.socket_dir), safe='')}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        kwargs: dict[str, object] = {}
        if self.as_user is not None:
            kwargs = {"user": self.as_user[1], "group": self.as_user[2], "extra_groups": []}
        return subprocess.run(
            [str(self.bin_dir / args[0]), *args[1:]],
            cwd=self.folder,
            capture_output=True,
            text=True,
            check=False,
            env={"PATH": os.environ.get("PATH", ""), "LC_ALL": "C", "HOME": str(self.folder)},
            **kwargs,  # type: ignore[arg-type]
        )

    def start(self) -> None:
        made = self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        if made.returncode:
            raise RuntimeError(f"initdb failed: {made.stderr.strip()}")
        hba = self.data / "pg_hba.conf"  # the first matching line wins
        lines = "".join(f"local all {login} scram-sha-256\n" for login in PASSWORD_LOGINS)
        hba.write_text(lines + hba.read_text())
        # Tests throw the data away, so they skip the disk syncs; a bench keeps them.
        unsafe = (
            []
            if self.durable
            else [
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
            ]
        )
        options = " ".join(
            [
                f"-k {self.socket_dir}",
                "-c listen_addresses=''",
                *unsafe,
                "-c max_connections=60",
                "-c shared_buffers=256MB",
            ]
        )
        started = self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", "server.log", "-w", "start"
        )
        if started.returncode:
            log = (self.folder / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"pg_ctl start failed: {started.stderr.strip()}\n{log}")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster(*, durable: bool = False) -> Cluster:
    """A fresh cluster in a temporary folder; NoPostgresError when none can be had."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        problem = install_postgres()
        bin_dir = find_bin_dir()
        if bin_dir is None:
            raise NoPostgresError(problem or "pg_ctl was not found after installing postgresql")
    as_user = _server_user()
    folder = Path(tempfile.mkdtemp(prefix="pcso-pg-"))
    (folder / "socket").mkdir()
    if as_user is not None:
        for path in (folder, folder / "socket"):
            os.chown(path, as_user[1], as_user[2])
    cluster = Cluster(bin_dir, folder, as_user, durable)
    try:
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    return cluster


def make_archive(
    cluster: Cluster, dbname: str, logins: Mapping[str, str], *, ctype: str = ""
) -> None:
    """What a force's DBA does: a database owned by ``DBA``, ``archive init`` run as that
    login, and each login made and granted its role (``logins``: login -> UPLOADER or HR).
    ``ctype``: the database's LC_CTYPE (the cluster's, C, when not given)."""
    import psycopg
    from psycopg import sql

    from pcso_interview.store.archive.setup import init_archive

    with psycopg.connect(cluster.conninfo(), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [DBA]).fetchone():
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEROLE").format(sql.Identifier(DBA)))
        locale = (
            sql.SQL(" TEMPLATE template0 LC_CTYPE {}").format(sql.Literal(ctype))
            if ctype
            else sql.SQL("")
        )
        conn.execute(
            sql.SQL("CREATE DATABASE {} OWNER {}{}").format(
                sql.Identifier(dbname), sql.Identifier(DBA), locale
            )
        )
    init_archive(cluster.url(dbname, DBA), UPLOADER, HR)
    with psycopg.connect(cluster.conninfo(), autocommit=True) as conn:
        for login, role in logins.items():
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN IN ROLE {}").format(
                    sql.Identifier(login), sql.Identifier(role)
                )
            )
