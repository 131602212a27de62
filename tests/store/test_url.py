"""Store URLs: the forms libpq takes, one-line refusals, and a password never shown."""

import pytest

from constructs_lib.errors import StoreError
from constructs_lib.store.url import mask, parse, scrub


@pytest.mark.parametrize("url, params", [
    ("postgresql://user@host:5432/db", {"user": "user", "host": "host", "port": "5432", "dbname": "db"}),
    ("postgres://user@host/db", {"user": "user", "host": "host", "dbname": "db"}),
    ("postgresql:///db?host=/var/run/postgresql", {"host": "/var/run/postgresql", "dbname": "db"}),
    ("postgresql://%2Fvar%2Frun%2Fpostgresql/db", {"host": "/var/run/postgresql", "dbname": "db"}),
    ("postgresql://u:p%40ss@[::1]:6543/db?sslmode=require", {"user": "u", "password": "p@ss", "host": "::1", "port": "6543", "dbname": "db", "sslmode": "require"}),
    ("postgresql://h1:5432,h2:5433/db?target_session_attrs=read-write", {"host": "h1,h2", "port": "5432,5433", "dbname": "db", "target_session_attrs": "read-write"}),
])
def test_accepted_forms(url, params):
    assert parse(url).params == params


@pytest.mark.parametrize("url, says", [
    ("", "empty"),
    ("ipam.lock.json", "not a PostgreSQL URL"),
    ("mysql://u@h/db", "not a PostgreSQL URL"),
    ("postgresql://u@h/db?fsync=off", 'invalid URI query parameter: "fsync"'),
    ("postgresql://u@h:abc/db", "port 'abc' is not a number"),
    ("postgresql://u@h:70000/db", "port '70000' is not a number"),
    ("postgresql://u@h", "names no database"),
    ("postgresql://u@h/db name", "spaces"),
    ("postgresql://u:pa@ss@h/db", "percent-encode '@'"),
])
def test_malformed_urls_are_one_line(url, says):
    with pytest.raises(StoreError) as e:
        parse(url)
    assert says in str(e.value)
    assert "\n" not in str(e.value)
    assert len(e.value.lines) == 1


@pytest.mark.parametrize("url", [
    "postgresql://alice:hunter2@db.example:5432/ipam",
    "postgres://alice:hunter2@db.example/ipam?sslmode=require",
    "postgresql://alice:hun@ter2@db.example/ipam",          # an unencoded '@' in the password
    "postgresql://alice:hunter2@db.example:abc/ipam",       # malformed, still masked
    "postgresql://db.example/ipam?user=alice&password=hunter2",
    "postgresql://alice:hunter2@db.example/ipam?fsync=off",  # refused by libpq, whose message repeats the URL
])
def test_password_never_shown(url):
    assert "hunter2" not in mask(url) and "ter2" not in mask(url)
    try:
        parse(url)
    except StoreError as e:
        assert "hunter2" not in str(e) and "ter2" not in str(e)
        assert "***" in str(e)


def test_mask_keeps_the_rest():
    assert mask("postgresql://alice:hunter2@db.example:5432/ipam") == "postgresql://alice:***@db.example:5432/ipam"
    assert mask("postgresql://alice@db.example/ipam") == "postgresql://alice@db.example/ipam"
    assert mask("postgresql:///ipam?host=/tmp/s&password=x") == "postgresql:///ipam?host=/tmp/s&password=***"


def test_scrub_removes_decoded_password_from_server_messages():
    url = "postgresql://alice:p%40ss-word@h/db"
    assert scrub('FATAL: bad "p@ss-word" and p%40ss-word', url) == 'FATAL: bad "***" and ***'


def test_repr_never_holds_the_password():
    u = parse("postgresql://alice:hunter2@h/db")
    assert "hunter2" not in repr(u) and "hunter2" not in str(u)
