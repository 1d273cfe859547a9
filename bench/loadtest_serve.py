"""Load test of ``graphtool serve`` on loopback: many clients, then many idle connections.

Phases (all traffic goes to 127.0.0.1, every loop is bounded in count and time):

1. ``--clients`` keep-alive clients (default 50) for ``--seconds`` (default 30): mostly small SPARQL
   queries, every fifth request a library query page. Reports requests/s, latency percentiles and
   errors (any status other than 200, or a dropped connection).
2. ``--idle`` connections (default 1,000) opened and left silent; then fresh requests must still be
   answered; then the time until the server has closed every idle connection is measured.

Usage::

    python -m bench.loadtest_serve [--store PATH] [--clients 50] [--seconds 30] [--idle 1000]
                                   [--in-memory] [--cache-mb MB] [--library [--warm]] [--library-only NAME,...]
                                   [--page-every 5]

Without ``--store`` the shared test graph (tests/data/small_graph.trig) is loaded into a temporary store.
``--in-memory`` serves with ``graphtool serve --in-memory``. ``--library`` sends the query library instead
of the small queries: ``/sparql`` gets library queries with their parameters bound to the synthetic
graph's anchors (:func:`bench.synth.anchors`, for a store loaded from ``bench.synth``) as ``VALUES``
rows, and pages are ``/queries/NAME`` with the same parameters; latencies are reported per query name.
``--warm`` first asks each of those requests once, one after the other, so the clients meet a server whose
answer cache (``graphtool serve --cache-mb``) holds them: the steady state of a read-only store.
``--page-every N`` makes every Nth request a page (1: pages only).
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import re
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

QUERIES = [
    "SELECT ?d ?l WHERE { ?d a gt:Donor ; skos:prefLabel ?l } ORDER BY ?l LIMIT 20",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "ASK { ?d a gt:Donor }",
    "SELECT ?c ?l WHERE { ?c a gt:Community ; skos:prefLabel ?l } LIMIT 50",
]
PAGES = ["/queries/donors_ranked", "/queries/documents_overview", "/queries/donors_in_community"]


def _store(path: str | None, tmp: str) -> str:
    if path:
        return path
    from pyoxigraph import RdfFormat

    from graphtool.store import GraphStore

    store = GraphStore(Path(tmp) / "store")
    trig = Path(__file__).resolve().parent.parent / "tests" / "data" / "small_graph.trig"
    store.oxigraph.load(path=str(trig), format=RdfFormat.TRIG)
    store.flush()
    del store
    return str(Path(tmp) / "store")


def _start_server(
    store: str, workers: int, in_memory: bool = False, cache_mb: float | None = None
) -> tuple[subprocess.Popen, str, int]:
    graphtool = Path(sys.executable).parent / "graphtool"
    args = [str(graphtool), "serve", "--store", store, "--port", "0", "--workers", str(workers), "--quiet"]
    args += ["--in-memory", "--timeout", "60"] if in_memory else ["--timeout", "60"]
    if cache_mb is not None:
        args += ["--cache-mb", str(cache_mb)]
    proc = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        proc.kill()
        raise SystemExit(f"the server did not start: {line}")
    return proc, "127.0.0.1", int(match.group(1))


def library_requests(only: list[str] | None = None) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(name, /sparql path) and (name, page path) for each library query, bound to the synthetic anchors."""
    from bench import querysets, synth
    from graphtool.remote import bind_values
    from graphtool.store import PREFIXES

    prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    queries, _why = querysets.library_queries(synth.anchors())
    sparql, pages = [], []
    for q in queries:
        if only and q["name"] not in only:
            continue
        bindings = {k: querysets.term_from_json(v) for k, v in q["bindings"].items()}
        text = prologue + bind_values(q["text"], bindings)
        sparql.append((q["name"], "/sparql?query=" + urllib.parse.quote(text)))
        pages.append(
            (q["name"], f"/queries/{q['name']}?" + urllib.parse.urlencode({k: str(v) for k, v in bindings.items()}))
        )
    return sparql, pages


def _client(
    host: str,
    port: int,
    stop: float,
    latencies: list[tuple[str, float]],
    errors: list[str],
    seed: int,
    library: tuple[list[tuple[str, str]], list[tuple[str, str]]] | None = None,
    page_every: int = 5,
) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection(host, port, timeout=120)
    n = 0
    while time.monotonic() < stop:
        n += 1
        name = ""
        if library is not None:
            name, path = rng.choice(library[1] if n % page_every == 0 else library[0])
        elif n % page_every == 0:
            path = rng.choice(PAGES)
        else:
            path = "/sparql?query=" + urllib.parse.quote(rng.choice(QUERIES))
        start = time.monotonic()
        try:
            conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors.append(f"{response.status} {path[:60]}")
        except (OSError, http.client.HTTPException) as exc:
            errors.append(f"{type(exc).__name__} {path[:60]}")
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=120)
            continue
        latencies.append(
            (("page" if n % page_every == 0 else "sparql") + (f":{name}" if name else ""), time.monotonic() - start)
        )
    conn.close()


def warm_phase(host: str, port: int, library) -> dict:
    """Each library request once, one after the other (the server's answer cache fills): seconds and errors."""
    started = time.monotonic()
    errors = []
    conn = http.client.HTTPConnection(host, port, timeout=300)
    for _name, path in [*library[0], *library[1]]:
        conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            errors.append(f"{response.status} {path[:60]}")
    conn.close()
    return {
        "requests": len(library[0]) + len(library[1]),
        "seconds": round(time.monotonic() - started, 1),
        "errors": errors,
    }


def load_phase(host: str, port: int, clients: int, seconds: float, library=None, page_every: int = 5) -> dict:
    latencies: list[tuple[str, float]] = []
    errors: list[str] = []
    stop = time.monotonic() + seconds
    threads = [
        threading.Thread(
            target=_client, args=(host, port, stop, latencies, errors, i, library, page_every), daemon=True
        )
        for i in range(clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 120)
    ordered = sorted(t for _kind, t in latencies)
    pages = sorted(t for kind, t in latencies if kind.startswith("page"))
    sparql = sorted(t for kind, t in latencies if kind.startswith("sparql"))

    def pct(p: float, values: list[float] = ordered) -> float:
        return round(1000 * values[min(len(values) - 1, int(p * len(values)))], 1) if values else float("nan")

    return {
        "clients": clients,
        "seconds": seconds,
        "requests": len(latencies),
        "requests_per_s": round(len(latencies) / seconds, 1),
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "page_requests": len(pages),
        "page_p50_ms": pct(0.50, pages),
        "page_p95_ms": pct(0.95, pages),
        "sparql_requests": len(sparql),
        "sparql_p50_ms": pct(0.50, sparql),
        "sparql_p95_ms": pct(0.95, sparql),
        "per_query": {
            kind: {"n": len(ts), "p50_ms": pct(0.5, ts), "p95_ms": pct(0.95, ts)}
            for kind in sorted({k for k, _t in latencies if ":" in k})
            for ts in [sorted(t for k, t in latencies if k == kind)]
        },
        "max_ms": round(1000 * ordered[-1], 1) if ordered else None,
        "mean_ms": round(1000 * statistics.fmean(ordered), 1) if ordered else None,
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:5],
    }


def idle_phase(host: str, port: int, idle: int, fresh: int = 20) -> dict:
    sockets = []
    refused = 0
    for _ in range(idle):
        try:
            sockets.append(socket.create_connection((host, port), timeout=10))
        except OSError:
            refused += 1
    answered, times = 0, []
    for _ in range(fresh):
        start = time.monotonic()
        conn = http.client.HTTPConnection(host, port, timeout=30)
        try:
            conn.request("GET", "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"))
            if conn.getresponse().status == 200:
                answered += 1
                times.append(time.monotonic() - start)
        except (OSError, http.client.HTTPException):
            pass
        finally:
            conn.close()
    start = time.monotonic()
    open_socks = list(sockets)
    while open_socks and time.monotonic() - start < 120:
        still = []
        for s in open_socks:
            s.setblocking(False)
            try:
                if s.recv(1) != b"":
                    still.append(s)
            except BlockingIOError:
                still.append(s)
            except OSError:
                pass
        open_socks = still
        time.sleep(0.5)
    closed_after = round(time.monotonic() - start, 1)
    for s in sockets:
        s.close()
    return {
        "idle_connections": idle,
        "refused_at_connect": refused,
        "fresh_requests_answered": f"{answered}/{fresh}",
        "fresh_request_max_ms": round(1000 * max(times), 1) if times else None,
        "all_idle_closed_within_s": closed_after if not open_socks else f">120 ({len(open_socks)} still open)",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--idle", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--in-memory", action="store_true", help="graphtool serve --in-memory")
    parser.add_argument("--cache-mb", type=float, help="graphtool serve --cache-mb (0: no answer cache)")
    parser.add_argument("--library", action="store_true", help="library queries and pages, not small queries")
    parser.add_argument(
        "--warm", action="store_true", help="with --library: ask each request once before the clients start"
    )
    parser.add_argument("--library-only", help="with --library: only these query names, comma-separated")
    parser.add_argument("--page-every", type=int, default=5, help="every Nth request a page (1: pages only)")
    args = parser.parse_args()
    library = library_requests(args.library_only.split(",") if args.library_only else None) if args.library else None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < args.idle + 100:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, args.idle + 200), hard))
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        proc, host, port = _start_server(_store(args.store, tmp), args.workers, args.in_memory, args.cache_mb)
        try:
            result = {"start_s": round(time.monotonic() - started, 1), "in_memory": args.in_memory}
            result["cache_mb"] = args.cache_mb
            if args.warm and library is not None:
                result["warm"] = warm_phase(host, port, library)
            result["load"] = load_phase(host, port, args.clients, args.seconds, library, max(1, args.page_every))
            if args.idle:
                result["idle"] = idle_phase(host, port, args.idle)
        finally:
            proc.terminate()
            proc.wait(15)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
