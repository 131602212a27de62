"""A plan run in its own process, for the kill test: says "commit" on stdout when it starts committing.

    python -m tests.store._killed_run URL OWNER NODES
"""

import sys
import time

from constructs_lib.store import postgres
from constructs_lib.store.base import transact
from tests.store.plans import plan_work

commit = postgres.PostgresSession.commit


def announced(self, document, reasons=None):
    print(f"commit {time.monotonic()}", flush=True)
    return commit(self, document, reasons)


postgres.PostgresSession.commit = announced

if __name__ == "__main__":
    url, owner, nodes = sys.argv[1], sys.argv[2], int(sys.argv[3])
    transact(postgres.PostgresStore(url), owner, plan_work(owner, [f"n{i}" for i in range(nodes)], ipv4=False))
    print(f"done {time.monotonic()}", flush=True)
