"""Run inside Neutron's own virtualenv: create the SQLite schema, or serve the API on loopback.

    .venv-neutron/bin/python tests/neutron/serve.py initdb --config-file neutron.conf
    .venv-neutron/bin/python tests/neutron/serve.py serve --port 0 --port-file PORT --config-file neutron.conf

Neutron 29.0.0 has no ``neutron-server`` console script: the API is the WSGI application
``neutron.wsgi.api:application``, which reads ``--config-file`` from ``sys.argv`` when it is
imported, so ``sys.argv`` is set before the import. ``neutron-db-manage upgrade head`` fails on
SQLite (no ALTER of constraints), so ``initdb`` creates the schema from Neutron's models at
head and ``neutron-db-manage stamp heads`` records it as migrated.

This file imports only the standard library and Neutron: it never runs in the project's venv.
"""

from __future__ import annotations

import argparse
import os
import socketserver
import subprocess
import sys
from wsgiref import simple_server


def initdb(config_files: list[str]) -> None:
    from oslo_config import cfg
    from oslo_db import options as db_options
    from oslo_db.sqlalchemy import engines

    from neutron.common import config as n_config

    n_config.register_common_config_options()
    db_options.set_defaults(cfg.CONF)  # the [database] group, as neutron-db-manage registers it
    cfg.CONF(args=[a for f in config_files for a in ("--config-file", f)], project="neutron")
    from neutron.db.migration.models import head  # every model at head

    engine = engines.create_engine(cfg.CONF.database.connection)
    head.get_metadata().create_all(engine)
    manage = os.path.join(os.path.dirname(sys.executable), "neutron-db-manage")
    args = [manage, *[a for f in config_files for a in ("--config-file", f)], "stamp", "heads"]
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"neutron-db-manage stamp heads failed (exit {done.returncode})")


class _ThreadingServer(socketserver.ThreadingMixIn, simple_server.WSGIServer):
    daemon_threads = True  # a hung request never keeps the process alive at shutdown
    allow_reuse_address = True


class _AccessLogHandler(simple_server.WSGIRequestHandler):
    def log_message(self, format: str, *args) -> None:  # one line per request, into the server log
        sys.stderr.write("access: " + (format % args) + "\n")


def serve(host: str, port: int, config_files: list[str], port_file: str | None) -> None:
    sys.argv = [sys.argv[0], *[a for f in config_files for a in ("--config-file", f)]]
    from neutron.wsgi.api import application  # boots the server from sys.argv

    if application is None:
        raise SystemExit("neutron.wsgi.api did not build an application (see the log above)")
    httpd = simple_server.make_server(host, port, application, server_class=_ThreadingServer, handler_class=_AccessLogHandler)
    bound = httpd.server_address[1]  # port 0: the kernel picks a free one
    sys.stderr.write(f"serve: listening on http://{host}:{bound}\n")
    sys.stderr.flush()
    if port_file:
        tmp = port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"{bound}\n")
        os.replace(tmp, port_file)  # the test side never reads half a number
    httpd.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=("initdb", "serve"))
    parser.add_argument("--config-file", action="append", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9696)
    parser.add_argument("--port-file", help="write the bound port here once listening")
    args = parser.parse_args()
    if args.command == "initdb":
        initdb(args.config_file)
    else:
        serve(args.host, args.port, args.config_file, args.port_file)


if __name__ == "__main__":
    main()
