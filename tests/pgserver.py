"""A real, throw-away PostgreSQL server for tests and benchmarks.

``PgServer().start()`` runs ``initdb`` in a fresh temporary folder and starts the server listening
only on a Unix socket in that folder (``listen_addresses=''``), so nothing on the machine can reach
it and several servers never clash. ``initdb`` refuses to run as root: as root the folder belongs
to the ``postgres`` user and every server command runs through ``runuser -u postgres --``.

Authentication is ``trust`` for every role except ``PASSWORD_ROLE``, which must give
``PASSWORD`` (scram-sha-256): the tests of "authentication failed" and of password masking use it.
``stop()`` (also registered with ``atexit``) stops the server with ``pg_ctl stop -m fast`` and
removes the folder, whether the tests passed or not.
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

#: a role that must authenticate with a password (scram-sha-256); every other role is trusted
PASSWORD_ROLE = "dualstack_pw"
PASSWORD = "s3cr3t-Pa55"
SUPERUSER = "postgres"


class PgUnavailable(RuntimeError):
    """No PostgreSQL server binaries on this machine."""


def find_bindir() -> Path:
    """Where ``initdb`` and ``pg_ctl`` are: ``$PG_BINDIR``, else PATH, else the newest /usr/lib/postgresql/*/bin."""
    env = os.environ.get("PG_BINDIR")
    candidates = [Path(env)] if env else []
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        candidates.append(Path(os.path.realpath(on_path)).parent)

    def version(p: str) -> tuple[int, ...]:
        return tuple(int(x) for x in Path(p).parent.name.split(".") if x.isdigit())

    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)]
    for d in candidates:
        if (d / "initdb").is_file() and (d / "pg_ctl").is_file() and (d / "postgres").is_file():
            return d
    raise PgUnavailable(
        "no PostgreSQL server binaries (initdb, pg_ctl, postgres) on PATH, in $PG_BINDIR or under "
        "/usr/lib/postgresql/*/bin; install Debian's postgresql package (apt-get install postgresql)"
    )


class PgServer:
    def __init__(self, *, fsync: bool = False, bindir: Path | None = None) -> None:
        self.bindir = bindir or find_bindir()
        self.fsync = fsync
        self.root: Path | None = None
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            import pwd

            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise PgUnavailable("running as root, and there is no postgres user to run initdb as (Debian's postgresql package creates it)") from None
        self._started = False

    # -- life cycle ----------------------------------------------------------------------------
    def start(self) -> "PgServer":
        # short path: a Unix socket path may not exceed 107 bytes
        self.root = Path(tempfile.mkdtemp(prefix="dspg-", dir="/tmp"))
        data = self.root / "data"
        if self._as_postgres:
            shutil.chown(self.root, user="postgres", group="postgres")
        os.chmod(self.root, 0o755)
        self._run(["initdb", "-D", str(data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"])
        (data / "pg_hba.conf").write_text(
            f"local all {PASSWORD_ROLE} scram-sha-256\n"
            "local all all trust\n"
        )
        settings = {
            "listen_addresses": "''",
            "unix_socket_directories": f"'{self.root}'",
            "fsync": "on" if self.fsync else "off",
            "synchronous_commit": "on" if self.fsync else "off",
            "full_page_writes": "on" if self.fsync else "off",
            "max_connections": "100",
            "shared_buffers": "64MB",
            "max_locks_per_transaction": "256",
            "log_min_messages": "warning",
            "password_encryption": "'scram-sha-256'",
        }
        with open(data / "postgresql.conf", "a") as f:
            f.write("\n# tests/pgserver.py\n" + "".join(f"{k} = {v}\n" for k, v in settings.items()))
        atexit.register(self.stop)
        self._run(["pg_ctl", "-D", str(data), "-l", str(self.root / "server.log"), "-w", "-t", "60", "start"])
        self._started = True
        self.psql(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}'")
        return self

    def stop(self) -> None:
        if self.root is None:
            return
        root, self.root = self.root, None
        try:
            if self._started and (root / "data" / "postmaster.pid").exists():
                self._run(["pg_ctl", "-D", str(root / "data"), "-m", "fast", "-w", "-t", "60", "stop"], check=False)
        finally:
            self._started = False
            shutil.rmtree(root, ignore_errors=True)

    def __enter__(self) -> "PgServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- helpers -------------------------------------------------------------------------------
    @property
    def socket_dir(self) -> str:
        assert self.root is not None, "server not started"
        return str(self.root)

    def url(self, dbname: str = "postgres", user: str = SUPERUSER, password: str | None = None) -> str:
        """``postgresql://user@/db?host=<socket dir>`` (libpq's form for a Unix socket)."""
        auth = f"{user}:{password}@" if password is not None else f"{user}@"
        return f"postgresql://{auth}/{dbname}?host={self.socket_dir}"

    def psql(self, sql: str, dbname: str = "postgres") -> str:
        r = subprocess.run(
            [str(self.bindir / "psql") if (self.bindir / "psql").exists() else "psql",
             "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", self.socket_dir, "-U", SUPERUSER, "-d", dbname, "-c", sql],
            capture_output=True, text=True, timeout=120,
        )
        if r.returncode != 0:
            raise RuntimeError(f"psql {sql!r}: {r.stderr.strip()}")
        return r.stdout.strip()

    def create_database(self, name: str | None = None, *, template: str | None = None, owner: str = SUPERUSER) -> str:
        """A new database (copied from ``template`` when given); returns its name."""
        name = name or f"t_{uuid.uuid4().hex[:12]}"
        clause = f" TEMPLATE {template}" if template else ""
        for attempt in range(50):  # a template in use by another connection refuses to be copied, briefly
            try:
                self.psql(f'CREATE DATABASE "{name}"{clause} OWNER {owner}')
                return name
            except RuntimeError as e:
                if "is being accessed by other users" not in str(e) or attempt == 49:
                    raise
                time.sleep(0.1)
        return name

    def drop_database(self, name: str) -> None:
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _run(self, argv: list[str], check: bool = True) -> subprocess.CompletedProcess:
        cmd = [str(self.bindir / argv[0]), *argv[1:]]
        if self._as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=180, cwd="/")
        if check and r.returncode != 0:
            log = ""
            if self.root is not None and (self.root / "server.log").exists():
                log = (self.root / "server.log").read_text()[-2000:]
            raise RuntimeError(f"{' '.join(argv)} failed ({r.returncode}): {r.stderr.strip() or r.stdout.strip()} {log}")
        return r
