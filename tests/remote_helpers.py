"""Helpers for remote-store tests: a real Oxigraph server (the `oxigraph` PyPI binary) and a scripted fake.

Tests skip cleanly when the binary is missing. Every wait has a timeout; servers are killed by pid.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` executable next to this Python, or on PATH."""
    local = Path(sys.executable).parent / "oxigraph"
    if local.exists():
        return str(local)
    return shutil.which("oxigraph")


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OxigraphServer:
    """``oxigraph serve`` on a free loopback port, persisting to ``location``."""

    def __init__(self, location: Path, *, union: bool = True, port: int | None = None) -> None:
        self.binary = oxigraph_binary()
        if self.binary is None:
            message = "the oxigraph server binary is not installed (pip install oxigraph)"
            if os.environ.get("GRAPHTOOL_REQUIRE_SERVER"):  # CI: a missing server is a failure, not a skip
                pytest.fail(message)
            pytest.skip(message)
        self.location = location
        self.union = union
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def query_url(self) -> str:
        return self.base + "/query"

    @property
    def update_url(self) -> str:
        return self.base + "/update"

    @property
    def store_url(self) -> str:
        return self.base + "/store"

    def start(self, wait: float = 15.0) -> OxigraphServer:
        args = [self.binary, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"]
        if self.union:
            args.append("--union-default-graph")
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph exited with code {self.process.returncode}")
            try:
                url = self.query_url + "?query=ASK%7B%7D"
                with urllib.request.urlopen(url, timeout=1) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"oxigraph did not answer on port {self.port} within {wait} s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self.process = None

    def count(self) -> int:
        """Triples in all named graphs (through the raw protocol, independent of graphtool)."""
        import json
        import urllib.parse

        q = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        request = urllib.request.Request(
            f"{self.query_url}?query={q}", headers={"Accept": "application/sparql-results+json"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            data = json.load(response)
        return int(data["results"]["bindings"][0]["n"]["value"])


class ScriptedServer:
    """A loopback HTTP server answering from a list of (status, headers, body, delay) and recording requests.

    The last answer repeats once the script runs out.
    """

    def __init__(self, script: list[tuple[int, dict[str, str], bytes, float]]) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.script = list(script)
        self.requests: list[dict] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                owner.requests.append(
                    {"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body}
                )
                status, headers, out, delay = owner.script.pop(0) if len(owner.script) > 1 else owner.script[0]
                if delay:
                    time.sleep(delay)
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    if "Content-Length" not in headers:  # a script may announce more than it sends
                        self.send_header("Content-Length", str(len(out)))
                    else:
                        self.close_connection = True
                    self.end_headers()
                    self.wfile.write(out)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_PUT = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> ScriptedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


def json_results(rows: list[dict[str, str]], variables: list[str]) -> bytes:
    """SPARQL JSON results with plain literal cells."""
    import json

    bindings = [{k: {"type": "literal", "value": v} for k, v in row.items()} for row in rows]
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}).encode()


def small_graph_store(path: Path):
    """An on-disk GraphStore holding the shared test graph (tests/data/small_graph.trig), or a skip."""
    from pyoxigraph import RdfFormat

    from graphtool.store import GraphStore

    trig = Path(__file__).resolve().parent / "data" / "small_graph.trig"
    if not trig.exists():
        pytest.skip("tests/data/small_graph.trig is missing")
    store = GraphStore(path)
    store.oxigraph.load(path=str(trig), format=RdfFormat.TRIG)
    store.flush()
    return store


@contextmanager
def mirrored_server(base: Path) -> Iterator[tuple]:
    """(embedded store with the shared test graph, an Oxigraph server the store was pushed to, the push report);
    the server is stopped on exit. Skips like :class:`OxigraphServer` when the binary is missing."""
    from graphtool.push import push

    local = small_graph_store(base / "local")
    server = OxigraphServer(base / "oxigraph").start()
    try:
        yield local, server, push(local, graph_store_url=server.store_url, timeout=20)
    finally:
        server.stop()
