"""A read-only SPARQL 1.1 Protocol endpoint over the embedded store, with HTML pages for people.

``/sparql`` answers GET and POST (``query=`` form field or an ``application/sparql-query`` body) in
JSON, XML, CSV or TSV chosen by the ``Accept`` header (``format=`` also works); CONSTRUCT and
DESCRIBE give Turtle, N-Triples or RDF/XML. Updates are refused (403). Answers carry CORS headers.

``/`` is a page to run ad-hoc SPARQL and the query library; ``/queries/NAME`` runs one library
query with its parameters; reports and maps are served as pages when those modules are present.

What matters:

* **Per-query timeout that really stops the query.** Queries run in worker processes, each with
  the store opened read-only; a query past its time limit gets its worker killed and replaced
  (HTTP 504), so a runaway query cannot keep a core busy. Workers reopen the store when its
  files change, so a ``graphtool build`` into the same directory shows up without a restart.
* **Localhost by default.** Binding another interface is the caller's explicit choice.
"""

from __future__ import annotations

import html
import os
import queue
import re
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from graphtool.remote import query_keywords
from graphtool.store import StoreError, Table, list_documents, solutions_table, to_rdflib

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7879
DEFAULT_TIMEOUT = 30.0
MAX_BODY = 2 * 1024 * 1024

SELECT_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPH_TYPES = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
    "application/ld+json": "JSON_LD",
}
FORMAT_PARAM = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
}


class QueryTimeout(Exception):
    """A query ran past the server's time limit and was stopped."""


class ServerBusy(Exception):
    """Every worker is busy for longer than the time limit."""


class QueryFailed(Exception):
    """The query is invalid or the store failed; the message is safe to show."""


# ------------------------------------------------------------------------ content negotiation


def negotiate(accept: str | None, offers: dict[str, str]) -> str | None:
    """The media type of ``offers`` the ``Accept`` header prefers (first offer for ``*/*`` or no header)."""
    if not accept or not accept.strip():
        return next(iter(offers))
    best: tuple[float, int, str] | None = None
    for order, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        if media in ("*/*", "application/*", "text/*"):
            prefix = media.split("/")[0]
            match = next((o for o in offers if media == "*/*" or o.startswith(prefix + "/")), None)
        else:
            match = media if media in offers else None
        if match and (best is None or (q, -order) > (best[0], -best[1])):
            best = (q, order, match)
    return best[2] if best else None


# ------------------------------------------------------------------------------ worker processes


def _store_version(path: str) -> tuple[int, int]:
    """Changes whenever RocksDB writes: newest mtime and number of files in the store directory."""
    newest, count = 0, 0
    with os.scandir(path) as entries:
        for entry in entries:
            try:
                newest = max(newest, entry.stat().st_mtime_ns)
            except OSError:
                continue
            count += 1
    return newest, count


_STALE_VIEW = re.compile(r"No such file|Corruption|IO error", re.I)


def _execute(store: Any, query: str, bindings: dict[str, Any] | None, accept: str | None) -> tuple[str, bytes]:
    """Run one query on the store and serialise the answer in the negotiated format."""
    from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat

    if "SERVICE" in query_keywords(query):
        # pyoxigraph would fetch the URL: a public endpoint must not make requests on a caller's behalf
        raise QueryFailed("400 SERVICE (federated query) is disabled on this endpoint")
    result = store.raw_query(query, bindings)
    if isinstance(result, (QuerySolutions, QueryBoolean)):
        media = negotiate(accept, SELECT_TYPES)
        if media is None:
            raise QueryFailed(f"406 cannot answer this query as {accept}; offer one of: {', '.join(SELECT_TYPES)}")
        body = result.serialize(format=getattr(QueryResultsFormat, SELECT_TYPES[media]))
    else:
        media = negotiate(accept, GRAPH_TYPES)
        if media is None:
            raise QueryFailed(f"406 cannot answer this query as {accept}; offer one of: {', '.join(GRAPH_TYPES)}")
        body = result.serialize(format=getattr(RdfFormat, GRAPH_TYPES[media]))
    charset = "; charset=utf-8" if media.startswith("text/") or "json" in media or "xml" in media else ""
    return media + charset, body or b""


def _worker_main(conn: Any, store_path: str) -> None:
    """A worker process: open the store read-only, answer queries until the pipe closes."""
    from graphtool.store import GraphStore

    store, version = None, None
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            current = _store_version(store_path)
            if store is None or current != version:
                store = GraphStore(store_path, read_only=True)
                version = current
            if request[0] == "ping":
                conn.send(("ok", "text/plain", b"pong"))
                continue
            _kind, query, bindings, accept = request
            for attempt in range(4):
                try:
                    answer = _execute(store, query, bindings, accept)
                    break
                except (OSError, RuntimeError, StoreError) as exc:
                    # a writer (graphtool build) compacted files under our read-only view: reopen it
                    if not _STALE_VIEW.search(str(exc)):
                        raise
                    if attempt == 3:
                        raise QueryFailed("503 the store is being written (a build is running?); try again") from exc
                    time.sleep(0.1 * (attempt + 1))
                    store, version = GraphStore(store_path, read_only=True), _store_version(store_path)
            conn.send(("ok", *answer))
        except QueryFailed as exc:
            conn.send(("error", str(exc)))
        except (StoreError, SyntaxError, ValueError, TypeError, RuntimeError, OSError) as exc:
            conn.send(("error", f"400 {exc}"))
        except Exception as exc:  # noqa: BLE001 - a worker must answer, never die silently
            conn.send(("error", f"500 {type(exc).__name__}: {exc}"))


class _Worker:
    """One query process: ``python -m graphtool.serve --worker FD STORE``, talking over a socket pair.

    A fresh interpreter rather than multiprocessing: forking a threaded server is unsafe, and
    ``spawn`` would re-run the caller's ``__main__`` script in every worker.
    """

    def __init__(self, store_path: str) -> None:
        import socket
        import subprocess
        import sys
        from multiprocessing.connection import Connection

        parent, child = socket.socketpair()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "graphtool.serve", "--worker", str(child.fileno()), store_path],
                pass_fds=(child.fileno(),),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
            )
        finally:
            child.close()
        self.conn = Connection(parent.detach())

    def call(self, request: tuple, timeout: float) -> tuple:
        self.conn.send(request)
        if not self.conn.poll(timeout):
            raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
        return self.conn.recv()

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(5)
        self.conn.close()


class QueryPool:
    """Worker processes that run queries with a hard time limit (a late query's worker is killed).

    Example:
        >>> pool = QueryPool("graphtool-store", size=2, timeout=30)  # doctest: +SKIP
        >>> pool.execute("SELECT * WHERE { ?s ?p ?o } LIMIT 1", None, "text/csv")  # doctest: +SKIP
    """

    def __init__(self, store_path: str | os.PathLike[str], *, size: int = 2, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.store_path = str(store_path)
        if not Path(self.store_path).is_dir():
            raise StoreError(
                f"no store at {self.store_path}: run 'graphtool build PATH --store {self.store_path}' first"
            )
        self.timeout = timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        for _ in range(max(1, size)):
            self._add_worker()
        try:
            self._warm_up()
        except StoreError:
            self.close()
            raise

    def _add_worker(self) -> _Worker:
        worker = _Worker(self.store_path)
        with self._lock:
            self._all.append(worker)
        self._idle.put(worker)
        return worker

    def _warm_up(self) -> None:
        workers = [self._idle.get() for _ in range(len(self._all))]
        try:
            for w in workers:
                w.conn.send(("ping",))
            for w in workers:
                try:
                    if not w.conn.poll(60):
                        raise StoreError("the query workers did not start within 60 s")
                    reply = w.conn.recv()
                except (EOFError, OSError) as exc:
                    raise StoreError(f"a query worker failed to start ({exc}); see its error above") from exc
                if reply[0] != "ok":
                    raise StoreError(f"cannot open the store at {self.store_path}: {reply[1][4:]}")
        finally:
            for w in workers:
                self._idle.put(w)

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and start another, handing it out only once it has opened the store."""
        worker.kill()
        fresh = _Worker(self.store_path)
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
            self._all.append(fresh)

        def ready() -> None:
            # startup time must not count against the next query's limit: hand it out after its pong
            try:
                fresh.conn.send(("ping",))
                if fresh.conn.poll(60):
                    fresh.conn.recv()
                    self._idle.put(fresh)
                    return
            except (OSError, EOFError):
                pass
            fresh.kill()  # never hand out a worker whose late pong would answer the next query
            with self._lock:
                if fresh in self._all:
                    self._all.remove(fresh)

        threading.Thread(target=ready, name="graphtool-worker-start", daemon=True).start()

    def execute(self, query: str, bindings: dict[str, Any] | None, accept: str | None) -> tuple[str, bytes]:
        """Run a query; returns (content type, body). Raises QueryTimeout, ServerBusy or QueryFailed."""
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty as exc:
            raise ServerBusy("all query workers are busy; try again") from exc
        try:
            reply = worker.call(("query", query, bindings, accept), self.timeout)
        except QueryTimeout:
            self._replace(worker)
            raise
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._replace(worker)
            raise QueryFailed(f"500 the query worker stopped ({exc}); try again") from exc
        self._idle.put(worker)
        if reply[0] != "ok":
            raise QueryFailed(reply[1])
        return reply[1], reply[2]

    def close(self) -> None:
        with self._lock:
            workers, self._all = self._all, []
        for w in workers:
            try:
                w.conn.close()
            except OSError:
                pass
            w.process.kill()
            w.process.wait(5)


class PoolReader:
    """The ``reader.select`` API over a :class:`QueryPool`, for library queries, reports and maps."""

    def __init__(self, pool: QueryPool) -> None:
        self.pool = pool
        self.path = Path(pool.store_path)

    def select(self, query: str, bindings: dict[str, Any] | None = None) -> Table:
        from pyoxigraph import QueryResultsFormat, QuerySolutions, parse_query_results

        _ctype, body = self.pool.execute(query, bindings, "application/sparql-results+json")
        result = parse_query_results(body, QueryResultsFormat.JSON)
        if not isinstance(result, QuerySolutions):
            raise StoreError("expected a SELECT query")
        return solutions_table(result)

    def run(self, query: str, bindings: dict[str, Any] | None = None) -> Table:
        """Any query form as a table (ASK: one ``boolean`` cell; graphs: subject, predicate, object rows)."""
        from pyoxigraph import QueryBoolean, QueryResultsFormat, RdfFormat, parse, parse_query_results
        from rdflib import Literal

        ctype, body = self.pool.execute(query, bindings, "application/sparql-results+json, application/n-triples")
        if ctype.startswith("application/n-triples"):
            rows = [[to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)]
                    for q in parse(body, RdfFormat.N_TRIPLES)]  # fmt: skip
            return Table(["subject", "predicate", "object"], rows)
        result = parse_query_results(body, QueryResultsFormat.JSON)
        if isinstance(result, QueryBoolean):
            return Table(["boolean"], [[Literal(bool(result))]])
        return solutions_table(result)

    def documents(self) -> list[dict[str, str]]:
        return list_documents(self)


# ---------------------------------------------------------------------------------- HTML pages

PAGE = """<!doctype html>
<html lang="uk"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body{{font-family:system-ui,sans-serif;margin:1.5rem auto;max-width:72rem;padding:0 1rem;color:#222}}
textarea{{width:100%;font-family:monospace;font-size:.9rem}} table{{border-collapse:collapse;font-size:.9rem}}
td,th{{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}} th{{background:#f3f3f3}}
.error{{color:#a00;white-space:pre-wrap}} nav a{{margin-right:1rem}} code{{background:#f3f3f3}}
</style></head><body>
<nav><a href="/">graphtool</a><a href="/queries">Запити / Queries</a><a href="/report">Звіти / Reports</a><a href="/map">Мапа / Map</a><a href="/analyze">Аналіз / Analysis</a>{extra_nav}</nav>
<h1>{title}</h1>
{body}
</body></html>
"""


def _page(title: str, body: str, extra_nav: str = "") -> bytes:
    return PAGE.format(title=html.escape(title), body=body, extra_nav=extra_nav).encode("utf-8")


def html_table(table: Table, limit: int = 5000) -> str:
    """An escaped HTML table of a result (IRIs as links to nothing: they are shown, not followed)."""
    head = "".join(f"<th>{html.escape(v)}</th>" for v in table.variables)
    rows = []
    for row in table.rows[:limit]:
        cells = "".join(f"<td>{'' if t is None else html.escape(str(t))}</td>" for t in row)
        rows.append(f"<tr>{cells}</tr>")
    more = f"<p>… {len(table.rows) - limit} more rows (use /sparql for all)</p>" if len(table.rows) > limit else ""
    return f"<p>{len(table.rows)} rows</p><table><tr>{head}</tr>{''.join(rows)}</table>{more}"


def library_queries() -> list[dict[str, Any]]:
    """The query library (``queries/*.rq``) as dicts: name, summary, summary_uk, params."""
    from graphtool import library

    out = []
    for q in library.load_queries().values():
        params = [
            {"name": p.name, "type": p.type, "example": p.example, "description": p.description, "optional": p.optional}
            for p in q.params
        ]
        out.append({"name": q.name, "summary": q.summary, "summary_uk": q.summary_uk, "params": params})
    return out


def run_library_query(reader: Any, name: str, values: dict[str, str]) -> Table:
    """Run one library query by name with string parameter values (resolved by the library)."""
    from graphtool import library

    return library.run_query(reader, name, values)


# --------------------------------------------------------------------------------- the server


class GraphtoolServer(ThreadingHTTPServer):
    """The HTTP server: a :class:`QueryPool` plus the request handler."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], pool: QueryPool) -> None:
        if ":" in address[0]:  # an IPv6 address such as ::1
            import socket

            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)
        self.pool = pool
        self._reader = PoolReader(pool)
        self._version = _store_version(pool.store_path)
        self._reader_lock = threading.Lock()

    @property
    def reader(self) -> PoolReader:
        """The reader for pages; a new one after the store changed (name indexes are cached per reader)."""
        version = _store_version(self.pool.store_path)
        with self._reader_lock:
            if version != self._version:
                self._reader, self._version = PoolReader(self.pool), version
            return self._reader

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


class Handler(BaseHTTPRequestHandler):
    server: GraphtoolServer
    server_version = "graphtool"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        if os.environ.get("GRAPHTOOL_SERVE_LOG"):
            super().log_message(format, *args)

    # ------------------------------------------------------------------ plumbing

    def _send(self, status: int, ctype: str, body: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", "Content-Type")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Vary", "Accept")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, message: str, extra: dict[str, str] | None = None) -> None:
        self._send(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"), extra)

    def _params(self) -> tuple[dict[str, list[str]], bytes | None, str]:
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        body, ctype = None, (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if self.command == "POST":
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self.close_connection = True
                raise QueryFailed(f"413 request body larger than {MAX_BODY} bytes")
            body = self.rfile.read(length) if length else b""
            self._body_read = True
            if ctype == "application/x-www-form-urlencoded":
                for k, v in urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
                    params.setdefault(k, []).extend(v)
        return params, body, ctype

    # ------------------------------------------------------------------ methods

    def do_OPTIONS(self) -> None:  # noqa: N802 - stdlib naming
        self._send(
            204,
            "text/plain",
            b"",
            {
                "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers": "Content-Type, Accept, Authorization",
                "Access-Control-Max-Age": "86400",
                "Allow": "GET, POST, OPTIONS, HEAD",
            },
        )

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        self._dispatch()

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch()

    def do_PUT(self) -> None:  # noqa: N802
        self._read_only()

    def do_DELETE(self) -> None:  # noqa: N802
        self._read_only()

    def do_PATCH(self) -> None:  # noqa: N802
        self._read_only()

    def parse_request(self) -> bool:
        self._body_read = False  # one handler serves many requests on a keep-alive connection
        return super().parse_request()

    def _read_only(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if not self._body_read and 0 < length <= MAX_BODY:
            self.rfile.read(length)
        elif length > MAX_BODY:
            self.close_connection = True
        self._text(403, "graphtool serve is read-only: updates are refused", {"Allow": "GET, POST, OPTIONS, HEAD"})

    def _dispatch(self) -> None:
        path = urllib.parse.urlsplit(self.path).path.rstrip("/") or "/"
        try:
            params, body, ctype = self._params()
            if path in ("/sparql", "/query"):
                self._sparql(params, body, ctype)
            elif path in ("/update", "/store", "/data"):
                self._read_only()
            elif path == "/":
                self._home(params)
            elif path == "/queries":
                self._queries_index()
            elif path.startswith("/queries/"):
                self._library_query(path.split("/", 2)[2], params)
            elif path in PAGES:
                status, ctype_, page = PAGES[path](self.server.reader, params)
                self._send(status, ctype_, page)
            else:
                self._text(404, f"no page at {path}: see / and /sparql")
        except QueryFailed as exc:
            status, _, message = str(exc).partition(" ")
            code = int(status) if status.isdigit() else 400
            retry = {"Retry-After": "1"} if code == 503 else None
            self._error(code, message if status.isdigit() else str(exc), retry)
        except QueryTimeout as exc:
            self._error(504, str(exc))
        except ServerBusy as exc:
            self._error(503, str(exc), {"Retry-After": "1"})
        except (StoreError, ValueError, KeyError, LookupError) as exc:
            self._error(400, str(exc))
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _error(self, status: int, message: str, extra: dict[str, str] | None = None) -> None:
        if "text/html" in (self.headers.get("Accept") or "") and not self.path.startswith(("/sparql", "/query")):
            body = _page(f"Помилка / Error {status}", f'<p class="error">{html.escape(message)}</p>')
            self._send(status, "text/html; charset=utf-8", body, extra)
        else:
            self._text(status, message, extra)

    # ------------------------------------------------------------------ endpoints

    def _sparql(self, params: dict[str, list[str]], body: bytes | None, ctype: str) -> None:
        if "update" in params or ctype == "application/sparql-update":
            self._read_only()
            return
        if self.command == "POST" and ctype == "application/sparql-query":
            query = (body or b"").decode("utf-8", "replace")
        else:
            queries = params.get("query") or []
            if len(queries) != 1:
                self._text(400, "give exactly one 'query' parameter (SPARQL 1.1 Protocol)")
                return
            query = queries[0]
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            self._text(400, "default-graph-uri / named-graph-uri are not supported: queries see all documents")
            return
        accept = self.headers.get("Accept")
        fmt = (params.get("format") or params.get("output") or [""])[0].lower()
        if fmt in FORMAT_PARAM:
            accept = FORMAT_PARAM[fmt]
        ctype_out, out = self.server.pool.execute(query, None, accept)
        self._send(200, ctype_out, out)

    def _home(self, params: dict[str, list[str]]) -> None:
        query = (params.get("query") or [""])[0]
        result = ""
        if query.strip():
            try:
                result = html_table(self.server.reader.run(query))
            except (QueryFailed, StoreError, QueryTimeout, ServerBusy) as exc:
                result = f'<p class="error">{html.escape(_strip_status(str(exc)))}</p>'
        example = (
            "SELECT ?donor ?label WHERE {\n  ?donor a gt:Donor ; skos:prefLabel ?label\n} ORDER BY ?label LIMIT 50"
        )
        body = (
            "<p>Граф лише для читання / read-only graph. SPARQL 1.1 endpoint: <code>/sparql</code> "
            "(GET, POST; JSON, XML, CSV, TSV). Префікси gt:, id:, skos:, rdf:, rdfs:, prov:, geo:, xsd:, "
            "dcterms: оголошено.</p>"
            '<form method="get" action="/"><textarea name="query" rows="10">'
            f"{html.escape(query or example)}</textarea>"
            '<p><button type="submit">Виконати / Run</button></p></form>'
            f"{result}{_library_list()}{_pages_list()}"
        )
        self._send(200, "text/html; charset=utf-8", _page("graphtool SPARQL", body))

    def _queries_index(self) -> None:
        self._send(200, "text/html; charset=utf-8", _page("Запити / Queries", _library_list() or "<p>—</p>"))

    def _library_query(self, name: str, params: dict[str, list[str]]) -> None:
        from graphtool.library import LibraryError

        queries = {q["name"]: q for q in library_queries()}
        if name not in queries:
            self._text(404, f"no library query named {name!r}")
            return
        q = queries[name]
        submitted = any(p["name"] in params for p in q["params"]) or not q["params"]
        values = {p["name"]: (params.get(p["name"]) or [""])[0] for p in q["params"]}
        if not submitted:  # first visit: show the examples, filled in and run
            values = {p["name"]: "" if p["optional"] else p["example"] for p in q["params"]}
        inputs = "".join(
            f'<label title="{html.escape(p["description"])}">{html.escape(p["name"])} ({html.escape(p["type"])}) '
            f'<input name="{html.escape(p["name"])}" value="{html.escape(values[p["name"]])}"></label> '
            for p in q["params"]
        )
        try:
            given = {k: v for k, v in values.items() if v}
            result = html_table(run_library_query(self.server.reader, name, given))
        except (QueryFailed, StoreError, QueryTimeout, ServerBusy, LibraryError, ValueError, LookupError) as exc:
            result = f'<p class="error">{html.escape(_strip_status(str(exc)))}</p>'
        body = (
            f"<p>{html.escape(q['summary_uk'])}<br>{html.escape(q['summary'])}</p>"
            f'<form method="get">{inputs}<button type="submit">Виконати / Run</button></form>{result}'
        )
        self._send(200, "text/html; charset=utf-8", _page(name, body))


def _strip_status(message: str) -> str:
    status, _, rest = message.partition(" ")
    return rest if status.isdigit() else message


def _library_list() -> str:
    items = []
    for q in library_queries():
        summary = q["summary_uk"] or q["summary"]
        items.append(
            f'<li><a href="/queries/{urllib.parse.quote(q["name"])}">{html.escape(q["name"])}</a>: '
            f"{html.escape(summary)}</li>"
        )
    return f"<h2>Бібліотека запитів / Query library</h2><ul>{''.join(items)}</ul>" if items else ""


def _one(params: dict[str, list[str]], name: str) -> str | None:
    value = (params.get(name) or [""])[0].strip()
    return value or None


def _form(action: str, fields: list[tuple[str, str, str | None]], extra: str = "") -> str:
    inputs = "".join(
        f'<label>{html.escape(label)} <input name="{html.escape(name)}" value="{html.escape(value or "")}"></label> '
        for name, label, value in fields
    )
    return f'<form method="get" action="{action}">{inputs}{extra}<button type="submit">Показати / Show</button></form>'


def report_page(reader: Any, params: dict[str, list[str]]) -> tuple[int, str, bytes]:
    """``/report?kind=community&name=...``: the HTML report (graphtool.report), or a form to ask for one."""
    from graphtool.report import KINDS, ReportError, build_report, render_html

    kind, name = _one(params, "kind"), _one(params, "name")
    options = "".join(
        f'<option value="{k}"{" selected" if k == kind else ""}>{k}</option>' for k in KINDS
    )  # fmt: skip
    form = _form("/report", [("name", "Назва / Name", name)], f'<select name="kind">{options}</select> ')
    if not kind:
        return 200, "text/html; charset=utf-8", _page("Звіти / Reports", form)
    try:
        page = render_html(build_report(reader, kind, name))
    except ReportError as exc:
        return (
            400,
            "text/html; charset=utf-8",
            _page("Звіти / Reports", form + f'<p class="error">{html.escape(str(exc))}</p>'),
        )
    nav = f'<p style="font:14px system-ui"><a href="/">graphtool</a> · {form}</p>'
    return 200, "text/html; charset=utf-8", page.replace("<body>", "<body>" + nav, 1).encode("utf-8")


def map_page(reader: Any, params: dict[str, list[str]]) -> tuple[int, str, bytes]:
    """``/map?donor=&program=&community=&oblast=&layout=force|geo``: the network map page (graphtool.maps)."""
    import tempfile

    from graphtool.maps import write_map
    from graphtool.network import NetworkError

    focus = {k: _one(params, k) for k in ("donor", "program", "community", "oblast")}
    layout = _one(params, "layout") or "force"
    if layout not in ("force", "geo"):
        raise ValueError("layout is force or geo")
    types = [t for v in params.get("types", []) for t in v.split(",") if t.strip()] or None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "map.html"
        try:
            write_map(reader, out, types=types, layout=layout, **focus)
        except NetworkError as exc:
            form = _form("/map", [(k, k, v) for k, v in focus.items()])
            return (
                400,
                "text/html; charset=utf-8",
                _page("Мапа / Map", form + f'<p class="error">{html.escape(str(exc))}</p>'),
            )
        return 200, "text/html; charset=utf-8", out.read_bytes()


def analyze_page(reader: Any, params: dict[str, list[str]]) -> tuple[int, str, bytes]:
    """``/analyze``: network analysis (central donors and communities, brokers, clusters) as text."""
    from graphtool.network import DEFAULT_TYPES, analyze_network, load_network, render_analysis

    top = int(_one(params, "top") or 10)
    result = analyze_network(load_network(reader, DEFAULT_TYPES), top=max(1, min(top, 100)))
    body = f"<pre>{html.escape(render_analysis(result))}</pre>"
    return 200, "text/html; charset=utf-8", _page("Аналіз мережі / Network analysis", body)


# Pages: path -> callable(reader, params) -> (status, content type, body).
PAGES: dict[str, Any] = {"/report": report_page, "/map": map_page, "/analyze": analyze_page}


def _pages_list() -> str:
    return (
        "<h2>Звіти, мапи, аналіз / Reports, maps, analysis</h2><ul>"
        '<li><a href="/report">Звіт про громаду, донора чи програму / Report on a community, donor or program</a></li>'
        '<li><a href="/report?kind=partnerships">Партнерства / Partnerships</a></li>'
        '<li><a href="/map">Мапа зв\'язків / Network map</a> (<a href="/map?layout=geo">geo</a>; '
        "focus: <code>?donor=</code>, <code>?program=</code>, <code>?community=</code>, <code>?oblast=</code>)</li>"
        '<li><a href="/analyze">Аналіз мережі / Network analysis</a></li></ul>'
    )


def make_server(
    store_path: str | os.PathLike[str],
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = 2,
) -> GraphtoolServer:
    """Open the store in worker processes and bind the server (port 0 picks a free port)."""
    pool = QueryPool(store_path, size=workers, timeout=timeout)
    try:
        return GraphtoolServer((host, port), pool)
    except OSError:
        pool.close()
        raise


def serve_in_thread(server: GraphtoolServer) -> threading.Thread:
    """Run ``server`` in a daemon thread (for tests and notebooks); stop with ``server.shutdown()``."""
    thread = threading.Thread(target=server.serve_forever, name="graphtool-serve", daemon=True)
    thread.start()
    time.sleep(0.01)
    return thread


if __name__ == "__main__":  # a query worker started by QueryPool
    import sys

    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        import signal
        from multiprocessing.connection import Connection

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C stops the server, which then stops its workers

        _worker_main(Connection(int(sys.argv[2])), sys.argv[3])
