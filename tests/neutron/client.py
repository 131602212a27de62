"""A small JSON client for Neutron's REST API (standard library only), with a record of every call.

noauth: a request without ``X-Project-Id`` runs as admin in project ``fake_project_id``;
resources of another project are created by naming ``project_id`` in the body (what the
provider's ``tenant_id`` does), which the applier does for each site's project.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Any


class NeutronApiError(RuntimeError):
    """A non-2xx answer: ``status``, Neutron's error ``type`` and ``message``."""

    def __init__(self, method: str, path: str, status: int, type_: str, message: str) -> None:
        self.method, self.path, self.status, self.type, self.message = method, path, status, type_, message
        super().__init__(f"{method} {path}: {status} {type_}: {message}")


@dataclass
class Call:
    method: str
    path: str
    status: int
    seconds: float


@dataclass
class Neutron:
    """``get``/``post``/``put``/``delete`` against ``url`` (``http://127.0.0.1:PORT/v2.0``)."""

    url: str
    timeout: float = 60.0
    calls: list[Call] = field(default_factory=list)
    _local: threading.local = field(default_factory=threading.local, repr=False)

    def _conn(self) -> http.client.HTTPConnection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            parsed = urllib.parse.urlsplit(self.url)
            conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=self.timeout)
            self._local.conn = conn
        return conn

    def request(self, method: str, path: str, body: Any = None) -> Any:
        full = urllib.parse.urlsplit(self.url).path + path
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Accept": "application/json", **({"Content-Type": "application/json"} if data is not None else {})}
        t0 = time.monotonic()
        for attempt in (1, 2):  # a keep-alive connection the server closed is reopened once
            conn = self._conn()
            try:
                conn.request(method, full, body=data, headers=headers)
                resp = conn.getresponse()
                raw = resp.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                conn.close()
                self._local.conn = None
                if attempt == 2:
                    raise
        self.calls.append(Call(method, path.split("?")[0], resp.status, time.monotonic() - t0))
        if resp.getheader("Connection", "").lower() == "close":
            conn.close()
            self._local.conn = None
        payload = json.loads(raw) if raw else None
        if resp.status >= 300:
            err = (payload or {}).get("NeutronError", {}) if isinstance(payload, dict) else {}
            raise NeutronApiError(method, path, resp.status, err.get("type", resp.reason), err.get("message", raw.decode(errors="replace")[:500]))
        return payload

    def get(self, path: str, **query: Any) -> Any:
        if query:
            path += "?" + urllib.parse.urlencode([(k, str(v).lower() if isinstance(v, bool) else v) for k, v in query.items()], doseq=True)
        return self.request("GET", path)

    def post(self, path: str, body: Any) -> Any:
        return self.request("POST", path, body)

    def put(self, path: str, body: Any) -> Any:
        return self.request("PUT", path, body)

    def delete(self, path: str) -> None:
        self.request("DELETE", path)

    def seconds_by_call(self) -> dict[str, list[float]]:
        """Seconds of each call, by ``METHOD /collection`` (``/…/action`` for member actions)."""
        out: dict[str, list[float]] = {}
        for c in self.calls:
            parts = c.path.strip("/").split("/")
            key = f"{c.method} /{parts[0]}" + (f"/…/{parts[2]}" if len(parts) > 2 else "")
            out.setdefault(key, []).append(c.seconds)
        return out
