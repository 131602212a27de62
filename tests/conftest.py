"""Fixtures every test folder may use: a real PostgreSQL server (``tests/pgserver.py``).

The server starts lazily, once per test session, only when a test asks for one of these:

- ``pg_server``: the running ``PgServer`` (Unix socket only, trust auth; stopped at the end);
- ``pg_url``: a database with the dualstack schema, shared by the whole session;
- ``fresh_pg_url``: a new database with the schema, for one test (an empty store);
- ``blank_pg_url``: a new database without the schema (for ``dualstack store init``).

Where no PostgreSQL server binaries exist the tests are skipped with the reason shown; under CI
(``CI`` set) that is a failure instead, since ``.ci/run`` installs them.
"""

from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    """``CI`` set to anything but an explicit no (``CI=false`` on a laptop is not CI)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="session")
def pg_server():
    from tests.pgserver import PgServer, PgUnavailable, find_bindir

    try:
        server = PgServer(bindir=find_bindir())
    except PgUnavailable as e:
        if in_ci():
            pytest.fail(f"{e} (CI installs it: see .ci/run)")
        pytest.skip(str(e))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def _pg_template(pg_server) -> str:
    """A database with the schema, copied for every ``fresh_pg_url`` (faster than migrating each)."""
    from constructs_lib.store.postgres import PostgresStore

    name = pg_server.create_database("dualstack_template")
    PostgresStore(pg_server.url(name)).init()
    return name


@pytest.fixture(scope="session")
def pg_url(pg_server, _pg_template) -> str:
    return pg_server.url(pg_server.create_database("dualstack_shared", template=_pg_template))


@pytest.fixture
def fresh_pg_url(pg_server, _pg_template) -> str:
    name = pg_server.create_database(template=_pg_template)
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture
def blank_pg_url(pg_server) -> str:
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)
