"""A read-only SPARQL 1.1 Protocol endpoint over the embedded store, with HTML pages for people.

``/sparql`` answers GET and POST (``query=`` form field or an ``application/sparql-query`` body) in
JSON, XML, CSV or TSV chosen by the ``Accept`` header (``format=`` also works); CONSTRUCT and
DESCRIBE give Turtle, N-Triples or RDF/XML. ``default-graph-uri`` / ``named-graph-uri`` choose the
dataset (every document is its own named graph). Updates are refused (403). ``GET /sparql`` without
a query answers a SPARQL 1.1 Service Description.

``/`` is a page to run ad-hoc SPARQL and the query library; ``/queries/NAME`` runs one library
query with its parameters (``?format=csv`` or ``json`` downloads the result); reports and maps are
served as pages.

What matters:

* **Per-query timeout that really stops the query.** Queries *and pages* run in worker processes,
  each with the store opened read-only; work past its time limit gets its worker killed and replaced
  (HTTP 504), so a runaway query or page cannot keep a core busy. Workers reopen the store when its
  files change, so a ``graphtool build`` into the same directory shows up without a restart; a read
  that fails while a build writes is retried, then answered 503 with ``Retry-After``.
* **Nothing gets in.** Localhost by default; requests whose ``Host`` is not a name the server was
  bound to are refused (DNS rebinding); federated queries (SERVICE) are refused on the parsed query,
  and workers run without network where the system allows it; queries nested too deep for the engine
  are refused before they run (:mod:`graphtool.sparql_check`). CORS headers only with ``cors=True``
  (``graphtool serve --cors``), and then only on ``/sparql``.
* **Bounded under abuse.** Request bodies are capped, ``Content-Length`` is validated, at most
  ``max_connections`` connections are served (the longest-idle one is closed to make room), idle
  clients are closed after ``idle_timeout`` seconds and slow ones after ``request_timeout``.
"""

from __future__ import annotations

import html
import os
import queue
import re
import socket
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from graphtool.reader import Reader
from graphtool.sparql_check import QueryRejected, check_complexity, explain_syntax_error, normalise, uses_service
from graphtool.store import PREFIXES, StoreError, Table, list_documents, solutions_table, to_oxigraph, to_rdflib

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7879
DEFAULT_TIMEOUT = 30.0
MAX_BODY = 2 * 1024 * 1024
MAX_CONNECTIONS = 128
IDLE_TIMEOUT = 20.0  # a connection with no request in progress is closed after this
REQUEST_TIMEOUT = 30.0  # a request whose line, headers and body take longer to arrive is dropped
START_TIMEOUT = 60.0  # seconds a new worker may take to open the store and answer its first ping
IN_MEMORY_START_TIMEOUT = 900.0  # ... and to copy the default graph into memory (about 60 s at 10M triples)
STALE_RETRIES = 6  # reads that fail while a build writes are retried this often (about 2 s) before a 503
CACHE_MB = 256  # answers kept by the server (see AnswerCache); 0 turns the cache off

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
# format= / output= values (SPARQLWrapper sends them too): an Accept list, so one name serves every query form
FORMAT_PARAM = {
    "json": "application/sparql-results+json, application/ld+json",
    "xml": "application/sparql-results+xml, application/rdf+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "n3": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "json-ld": "application/ld+json",
    "jsonld": "application/ld+json",
}


class QueryTimeout(Exception):
    """A query ran past the server's time limit and was stopped."""


class ServerBusy(Exception):
    """Every worker is busy for longer than the time limit."""


class QueryFailed(Exception):
    """The query is invalid or the store failed; the message (``"<status> <text>"``) is safe to show."""


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


# What a read-only view reports when a writer compacted or replaced files under it
_STALE_VIEW = re.compile(r"No such file|Corruption|IO error|Invalid argument|\.sst|MANIFEST|CURRENT", re.I)


def _stale(exc: BaseException) -> bool:
    return isinstance(exc, FileNotFoundError) or bool(_STALE_VIEW.search(str(exc)))


def _execute(
    store: Any,
    query: str,
    bindings: dict[str, Any] | None,
    accept: str | None,
    dataset: tuple[list[str], list[str]] | None = None,
    base: str | None = None,
) -> tuple[str, bytes]:
    """Run one query on the store and serialise the answer in the negotiated format.

    ``dataset`` is the protocol's (default-graph-uri, named-graph-uri) lists; ``base`` resolves relative IRIs.
    """
    from pyoxigraph import NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, Variable

    query = normalise(query)
    try:
        check_complexity(query)
    except QueryRejected as exc:
        raise QueryFailed(f"400 {exc}") from exc
    if uses_service(query):
        # the engine would fetch the URL: an endpoint must not make requests on a caller's behalf
        raise QueryFailed("400 SERVICE (federated query) is disabled on this endpoint")
    options: dict[str, Any] = {"prefixes": PREFIXES, "base_iri": base}
    if bindings:
        options["substitutions"] = {Variable(k): to_oxigraph(v) for k, v in bindings.items()}
    if dataset is not None:
        options["default_graph"] = [NamedNode(iri) for iri in dataset[0]]
        options["named_graphs"] = [NamedNode(iri) for iri in dataset[1]]
    engine, union = store.engine_for(query, dataset is not None)
    if dataset is None:
        options["use_default_graph_as_union"] = union
    try:
        result = engine.query(query, **options)
    except SyntaxError as exc:
        raise QueryFailed(f"400 {explain_syntax_error(query, str(exc), PREFIXES)}") from exc
    except ValueError as exc:  # an invalid IRI in default-graph-uri / named-graph-uri
        raise QueryFailed(f"400 {exc}") from exc
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


def _isolate_network() -> bool:
    """Move this process into a network namespace of its own (no network at all), where the system allows.

    A second wall behind the SERVICE check: a worker that cannot connect anywhere cannot be made to
    fetch a URL. Needs root or unprivileged user namespaces; elsewhere the SERVICE check stands alone.
    """
    import ctypes
    import sys

    if not sys.platform.startswith("linux") or os.environ.get("GRAPHTOOL_WORKER_NETWORK"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        clone_newnet, clone_newuser = 0x40000000, 0x10000000
        return libc.unshare(clone_newnet) == 0 or libc.unshare(clone_newuser | clone_newnet) == 0
    except (OSError, AttributeError):
        return False


class _WorkerStore:
    """The worker's read-only view of the store, reopened when the files change or a read fails."""

    def __init__(self, path: str, in_memory: bool = False) -> None:
        self.path = path
        self.in_memory = in_memory
        self.store: Any = None
        self.version: tuple[int, int] | None = None

    def run(self, work: Any, *args: Any) -> Any:
        """``work(store, *args)``, retried on a fresh view while a build writes; then a 503."""
        from graphtool.store import GraphStore

        for attempt in range(STALE_RETRIES):
            try:
                current = _store_version(self.path)
                if self.store is None or current != self.version:
                    self.store, self.version = GraphStore(self.path, read_only=True), current
                    if self.in_memory and self.store.default_graph_is_index:
                        self.store.read_in_memory()  # GRAPH/FROM queries still read the disk view
                return work(self.store, *args)
            except QueryFailed:
                raise
            except Exception as exc:  # noqa: BLE001 - sorted below: stale views are retried, the rest re-raised
                if not _stale(exc):
                    raise
                self.store = None
                if attempt == STALE_RETRIES - 1:
                    raise QueryFailed("503 the store is being written (a build is running); try again") from exc
                time.sleep(0.1 * (attempt + 1))
        raise AssertionError("unreachable")


def _worker_main(conn: Any, store_path: str, in_memory: bool = False) -> None:
    """A worker process: open the store read-only, answer queries and pages until the pipe closes.

    ``in_memory``: the deduplicated default graph is copied into memory at start-up and after each
    change of the store (:meth:`GraphStore.read_in_memory`); queries that name graphs read the disk view.
    """
    _isolate_network()
    view = _WorkerStore(store_path, in_memory)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            if request[0] == "ping":
                view.run(lambda store: None)
                conn.send(("ok", "text/plain", b"pong"))
            elif request[0] == "page":
                conn.send(("ok", *view.run(render_page, *request[1:])))
            else:
                conn.send(("ok", *view.run(_execute, *request[1:])))
        except QueryFailed as exc:
            conn.send(("error", str(exc)))
        except (StoreError, SyntaxError, ValueError, TypeError, RuntimeError, OSError, RecursionError) as exc:
            conn.send(("error", f"400 {exc}"))
        except Exception as exc:  # noqa: BLE001 - a worker must answer, never die silently
            conn.send(("error", f"500 {type(exc).__name__}: {exc}"))


class _Worker:
    """One query process: ``python -m graphtool.serve --worker FD STORE``, talking over a socket pair.

    A fresh interpreter rather than multiprocessing: forking a threaded server is unsafe, and
    ``spawn`` would re-run the caller's ``__main__`` script in every worker.
    """

    def __init__(self, store_path: str, in_memory: bool = False) -> None:
        import subprocess
        import sys
        from multiprocessing.connection import Connection

        parent, child = socket.socketpair()
        flags = ["--in-memory"] if in_memory else []
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "graphtool.serve", "--worker", str(child.fileno()), store_path, *flags],
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


def _frozen(value: Any) -> Any:
    """A hashable form of request parameters (dicts, lists, rdflib terms) for the answer cache."""
    if isinstance(value, dict):
        return tuple(sorted((str(k), _frozen(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return (type(value).__name__, value.n3() if hasattr(value, "n3") else repr(value))


# functions whose answer changes from one evaluation to the next: such queries are never cached
_VOLATILE = re.compile(r"\b(NOW|RAND|UUID|STRUUID|BNODE)\s*\(", re.I)


class AnswerCache:
    """Answers (query results and pages) kept while the store is unchanged, shared by every worker.

    The store is read-only for the server; a build changes its files, which changes
    :func:`_store_version`, and an answer computed under another version is never handed out. The
    version is read before the answer is computed, so an answer that raced a build is stale at once.
    Identical requests arriving together are computed once (the others wait for it), which is what
    many clients asking for the same library pages need: with two workers, twenty clients queued
    behind each other (docs/serve.md). Queries calling ``NOW()``, ``RAND()``, ``UUID()``,
    ``STRUUID()`` or ``BNODE()`` are not cached; errors are not cached. Bounded by ``max_bytes``,
    least recently used first; an answer above half of it is not kept (a 52,494-row JSON answer of the
    library at 1M triples is 62 MB).
    """

    def __init__(self, store_path: str, max_bytes: int) -> None:
        from collections import OrderedDict

        self.store_path, self.max_bytes = store_path, max_bytes
        self._answers: OrderedDict[Any, tuple[tuple[int, int], Any, int]] = OrderedDict()
        self._running: dict[Any, threading.Event] = {}
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    @staticmethod
    def cacheable(query: str) -> bool:
        return not _VOLATILE.search(query)

    def get(self, key: Any, compute: Any) -> Any:
        """The answer for ``key``: kept, or computed by ``compute()`` (once for concurrent callers)."""
        if self.max_bytes <= 0:
            return compute()
        while True:
            version = _store_version(self.store_path)
            with self._lock:
                kept = self._answers.get(key)
                if kept is not None and kept[0] == version:
                    self._answers.move_to_end(key)
                    self.hits += 1
                    return kept[1]
                running = self._running.get(key)
                if running is None:
                    self._running[key] = done = threading.Event()
                    self.misses += 1
                    break
            running.wait()  # the same request is being computed: take its answer (or compute after it failed)
        try:
            answer = compute()
            self._keep(key, version, answer)
            return answer
        finally:
            with self._lock:
                del self._running[key]
            done.set()

    def _keep(self, key: Any, version: tuple[int, int], answer: Any) -> None:
        size = sum(len(part) for part in answer if isinstance(part, bytes | str)) + 256
        if size > self.max_bytes // 2:
            return
        with self._lock:
            old = self._answers.pop(key, None)
            if old is not None:
                self._bytes -= old[2]
            self._answers[key] = (version, answer, size)
            self._bytes += size
            while self._bytes > self.max_bytes and self._answers:
                _key, (_version, _answer, freed) = self._answers.popitem(last=False)
                self._bytes -= freed


class QueryPool:
    """Worker processes that run queries and pages with a hard time limit (a late worker is killed).

    Example:
        >>> pool = QueryPool("graphtool-store", size=2, timeout=30)  # doctest: +SKIP
        >>> pool.execute("SELECT * WHERE { ?s ?p ?o } LIMIT 1", None, "text/csv")  # doctest: +SKIP
    """

    def __init__(
        self,
        store_path: str | os.PathLike[str],
        *,
        size: int = 2,
        timeout: float = DEFAULT_TIMEOUT,
        in_memory: bool = False,
        cache_mb: float = CACHE_MB,
    ) -> None:
        self.store_path = str(store_path)
        self.in_memory = in_memory
        self.cache = AnswerCache(self.store_path, int(cache_mb * 2**20))
        # a worker copying a large store into memory takes longer to answer its first ping
        self.start_timeout = IN_MEMORY_START_TIMEOUT if in_memory else START_TIMEOUT
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
        worker = _Worker(self.store_path, self.in_memory)
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
                    if not w.conn.poll(self.start_timeout):
                        raise StoreError(f"the query workers did not start within {self.start_timeout:g} s")
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
        fresh = _Worker(self.store_path, self.in_memory)
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
            self._all.append(fresh)

        def ready() -> None:
            # startup time must not count against the next query's limit: hand it out after its pong
            try:
                fresh.conn.send(("ping",))
                if fresh.conn.poll(self.start_timeout):
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

    def _call(self, request: tuple) -> tuple:
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty as exc:
            raise ServerBusy("all query workers are busy; try again") from exc
        try:
            reply = worker.call(request, self.timeout)
        except QueryTimeout:
            self._replace(worker)
            raise
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._replace(worker)
            raise QueryFailed(f"500 the query worker stopped ({exc}); try again") from exc
        self._idle.put(worker)
        if reply[0] != "ok":
            raise QueryFailed(reply[1])
        return reply[1:]

    def execute(
        self,
        query: str,
        bindings: dict[str, Any] | None,
        accept: str | None,
        dataset: tuple[list[str], list[str]] | None = None,
        base: str | None = None,
    ) -> tuple[str, bytes]:
        """Run a query; returns (content type, body). Raises QueryTimeout, ServerBusy or QueryFailed."""
        try:
            check_complexity(normalise(query))  # here too: a query that would crash a worker never reaches one
        except QueryRejected as exc:
            raise QueryFailed(f"400 {exc}") from exc
        request = ("query", query, bindings, accept, dataset, base)
        if not self.cache.cacheable(query):
            ctype, body = self._call(request)
            return ctype, body
        key = ("query", query, _frozen(bindings), accept, _frozen(dataset), base)
        ctype, body = self.cache.get(key, lambda: self._call(request))
        return ctype, body

    def page(self, path: str, params: dict[str, list[str]]) -> tuple[int, str, bytes]:
        """Render a page (:data:`PAGES`, ``/queries/NAME``) in a worker, under the same time limit as queries."""
        key = ("page", path, _frozen(params))
        status, ctype, body = self.cache.get(key, lambda: self._call(("page", path, params)))
        return status, ctype, body

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
        from pyoxigraph import QueryResultsFormat, parse_query_results

        _ctype, body = self.pool.execute(query, bindings, "application/sparql-results+json")
        return solutions_table(parse_query_results(body, QueryResultsFormat.JSON), StoreError)

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
.error{{color:#a00;white-space:pre-wrap}} nav a{{margin-right:1rem}} code,pre{{background:#f3f3f3}}
</style>{head}</head><body>
<nav><a href="/">graphtool</a><a href="/queries">Запити / Queries</a><a href="/report">Звіти / Reports</a><a href="/map">Мапа / Map</a><a href="/analyze">Аналіз / Analysis</a><a href="/editor">Редактор / Editor</a>{extra_nav}</nav>
<h1>{title}</h1>
{body}
</body></html>
"""


def _page(title: str, body: str, extra_nav: str = "", head: str = "") -> bytes:
    return PAGE.format(title=html.escape(title), body=body, extra_nav=extra_nav, head=head).encode("utf-8")


def prefix_block() -> str:
    """The PREFIX lines of the predeclared prefixes: prepend them to run a page's query on another server."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


def _prefix_details(query: str = "") -> str:
    text = prefix_block() + ("\n" + query.strip() + "\n" if query else "")
    title = "Запит з префіксами / Query with its prefixes" if query else "Префікси / Prefixes (PREFIX block)"
    return f"<details><summary>{title}</summary><pre>{html.escape(text)}</pre></details>"


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
    """The query library (``queries/*.rq``) as dicts: name, summary, summary_uk, params, text."""
    from graphtool import library

    out = []
    for q in library.load_queries().values():
        params = [
            {"name": p.name, "type": p.type, "example": p.example, "description": p.description, "optional": p.optional}
            for p in q.params
        ]
        out.append({"name": q.name, "summary": q.summary, "summary_uk": q.summary_uk, "params": params, "text": q.text})
    return out


def run_library_query(reader: Reader, name: str, values: dict[str, str]) -> Table:
    """Run one library query by name with string parameter values (resolved by the library)."""
    from graphtool import library

    return library.run_query(reader, name, values)


def library_page(reader: Reader, name: str, params: dict[str, list[str]]) -> tuple[int, str, bytes]:
    """``/queries/NAME?param=…``: a library query's form and result; ``&format=csv|tsv|json`` downloads it."""
    from graphtool.formats import render
    from graphtool.library import LibraryError

    queries = {q["name"]: q for q in library_queries()}
    if name not in queries:
        return 404, "text/plain; charset=utf-8", f"no library query named {name!r}\n".encode()
    q = queries[name]
    fmt = (_one(params, "format") or "html").lower()
    downloads = {"csv": "text/csv", "tsv": "text/tab-separated-values", "json": "application/json"}
    if fmt != "html" and fmt not in downloads:
        raise ValueError(f"format is html, csv, tsv or json, not {fmt!r}")
    submitted = any(p["name"] in params for p in q["params"]) or not q["params"]
    values = {p["name"]: (params.get(p["name"]) or [""])[0] for p in q["params"]}
    if not submitted:  # first visit: show the examples, filled in and run
        values = {p["name"]: "" if p["optional"] else p["example"] for p in q["params"]}
    given = {k: v for k, v in values.items() if v}
    if fmt in downloads:
        table = run_library_query(reader, name, given)  # errors become the HTTP status
        return 200, downloads[fmt] + "; charset=utf-8", render(table, fmt).encode("utf-8")
    inputs = "".join(
        f'<label title="{html.escape(p["description"])}">{html.escape(p["name"])} ({html.escape(p["type"])}) '
        f'<input name="{html.escape(p["name"])}" value="{html.escape(values[p["name"]])}"></label> '
        for p in q["params"]
    )
    try:
        result = html_table(run_library_query(reader, name, given))
    except (QueryFailed, StoreError, LibraryError, ValueError, LookupError) as exc:
        result = f'<p class="error">{html.escape(_strip_status(str(exc)))}</p>'
    query_string = urllib.parse.urlencode(given)
    links = " · ".join(
        f'<a href="/queries/{urllib.parse.quote(name)}?{html.escape(query_string)}{"&amp;" if query_string else ""}'
        f'format={f}" download>{f.upper()}</a>'
        for f in downloads
    )
    body = (
        f"<p>{html.escape(q['summary_uk'])}<br>{html.escape(q['summary'])}</p>"
        f'<form method="get">{inputs}<button type="submit">Виконати / Run</button></form>'
        f"<p>Завантажити / Download: {links}</p>{result}{_prefix_details(q['text'])}"
    )
    return 200, "text/html; charset=utf-8", _page(name, body)


def render_page(reader: Reader, path: str, params: dict[str, list[str]]) -> tuple[int, str, bytes]:
    """A page by its path (``/report``, ``/map``, ``/analyze``, ``/queries/NAME``), rendered from ``reader``.

    The server calls this inside a query worker, so a page has the same time limit as a query.
    """
    if path.startswith("/queries/"):
        return library_page(reader, path.split("/", 2)[2], params)
    if path not in PAGES:
        return 404, "text/plain; charset=utf-8", f"no page at {path}\n".encode()
    return PAGES[path](reader, params)


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


def report_page(reader: Reader, params: dict[str, list[str]]) -> tuple[int, str, bytes]:
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


def map_page(reader: Reader, params: dict[str, list[str]]) -> tuple[int, str, bytes]:
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


def analyze_page(reader: Reader, params: dict[str, list[str]]) -> tuple[int, str, bytes]:
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


# --------------------------------------------------------------------------------- the server

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
WILDCARD_HOSTS = {"", "0.0.0.0", "::"}


def allowed_host_names(host: str, extra: tuple[str, ...] | list[str] = ()) -> set[str] | None:
    """The ``Host`` names the server answers when bound to ``host`` (None: any name is served).

    Loopback answers ``localhost``, ``127.0.0.1`` and ``::1``; a named interface its own name; a
    wildcard (0.0.0.0, ::) any IP address plus this machine's names. ``extra`` adds names (a proxy's
    public name); ``*`` turns the check off.
    """
    if "*" in extra:
        return None
    names = {host.lower().strip("[]")} | {e.lower().strip("[]").rstrip(".") for e in extra}
    if host in LOOPBACK_NAMES or host.startswith("127."):
        names |= LOOPBACK_NAMES
    if host in WILDCARD_HOSTS:
        names |= LOOPBACK_NAMES | {socket.gethostname().lower(), socket.getfqdn().lower()}
    return names


def _host_allowed(header: str | None, names: set[str] | None, wildcard: bool) -> bool:
    if names is None or not header:
        return True  # HTTP/1.0 clients send no Host; browsers (the DNS-rebinding vector) always do
    value = header.strip().lower()
    if value.startswith("["):
        name = value[1 : value.find("]")] if "]" in value else value
    else:
        name = value.rsplit(":", 1)[0] if value.count(":") == 1 else value
    name = name.rstrip(".")
    if name in names:
        return True
    if wildcard:
        import ipaddress

        try:
            ipaddress.ip_address(name)
            return True
        except ValueError:
            return False
    return False


class _Connections:
    """Open client connections and what each is doing: bounds them and closes idle or slow ones.

    States: ``idle`` (no request in progress: a fresh or keep-alive connection), ``reading`` (a
    request is arriving), ``busy`` (answering). A new connection past the limit closes the
    longest-idle one; when none is idle it is refused with 503.
    """

    def __init__(self, limit: int, idle_timeout: float, request_timeout: float) -> None:
        self.limit = limit
        self.idle_timeout = idle_timeout
        self.request_timeout = request_timeout
        self._lock = threading.Lock()
        self._open: dict[socket.socket, list[Any]] = {}  # socket -> [state, since]
        self.evicted = 0

    def __len__(self) -> int:
        with self._lock:
            return sum(1 for state, _since in self._open.values() if state != "closing")

    def admit(self, sock: socket.socket) -> bool:
        with self._lock:
            live = [(since, s) for s, (state, since) in self._open.items() if state != "closing"]
            if len(live) >= self.limit:
                idle = [(since, s) for s, (state, since) in self._open.items() if state == "idle"]
                if not idle:
                    return False
                self._close(min(idle, key=lambda item: item[0])[1])
                self.evicted += 1
            self._open[sock] = ["idle", time.monotonic()]
            return True

    def set(self, sock: socket.socket, state: str) -> None:
        with self._lock:
            entry = self._open.get(sock)
            if entry is not None and entry[0] != "closing":
                entry[0], entry[1] = state, time.monotonic()

    def remove(self, sock: socket.socket) -> None:
        with self._lock:
            self._open.pop(sock, None)

    def reap(self) -> None:
        """Close connections idle longer than ``idle_timeout`` or reading one request longer than ``request_timeout``."""
        now = time.monotonic()
        with self._lock:
            for sock, (state, since) in list(self._open.items()):
                if (state == "idle" and now - since > self.idle_timeout) or (
                    state == "reading" and now - since > self.request_timeout
                ):
                    self._close(sock)

    def _close(self, sock: socket.socket) -> None:
        self._open[sock][0] = "closing"
        try:
            sock.shutdown(socket.SHUT_RDWR)  # the handler's blocked read returns at once and its thread ends
        except OSError:
            pass


class GraphtoolServer(ThreadingHTTPServer):
    """The HTTP server: a :class:`QueryPool` plus the request handler, with bounded connections."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(
        self,
        address: tuple[str, int],
        pool: QueryPool,
        *,
        cors: bool = False,
        allow_hosts: tuple[str, ...] | list[str] = (),
        access_log: bool = True,
        max_connections: int = MAX_CONNECTIONS,
        idle_timeout: float = IDLE_TIMEOUT,
        request_timeout: float = REQUEST_TIMEOUT,
    ) -> None:
        if ":" in address[0]:  # an IPv6 address such as ::1
            self.address_family = socket.AF_INET6
        # set before binding: a failed bind calls server_close(), which closes the pool
        self.pool = pool
        self.cors = cors
        self.access_log = access_log
        self.host_names = allowed_host_names(address[0], tuple(allow_hosts))
        self.wildcard = address[0] in WILDCARD_HOSTS
        self.connections = _Connections(max_connections, idle_timeout, request_timeout)
        self._stopping = threading.Event()
        super().__init__(address, Handler)
        self._reader = PoolReader(pool)
        self._version = _store_version(pool.store_path)
        self._reader_lock = threading.Lock()
        threading.Thread(target=self._reap, name="graphtool-reaper", daemon=True).start()

    def _reap(self) -> None:
        while not self._stopping.wait(0.5):
            self.connections.reap()

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.connections.admit(request):
            message = b"too many connections; try again\n"
            try:
                request.settimeout(1)
                request.sendall(
                    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    b"Retry-After: 1\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s" % (len(message), message)
                )
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.connections.remove(request)

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
        self._stopping.set()
        super().server_close()
        self.pool.close()


class Handler(BaseHTTPRequestHandler):
    server: GraphtoolServer
    server_version = "graphtool"
    protocol_version = "HTTP/1.1"
    timeout = 60  # socket timeout: a client that stops reading our answer is dropped

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """One line per request in Common Log Format on stderr, unless the server is quiet."""
        if self.server.access_log:
            super().log_request(code, getattr(self, "_size", size))

    # ------------------------------------------------------------------ plumbing

    def handle_one_request(self) -> None:
        connections = self.server.connections
        connections.set(self.connection, "idle")
        try:
            first = self.rfile.peek(1)  # wait (idle) for the first byte of the next request
        except OSError:
            first = b""
        if not first:
            self.close_connection = True
            return
        connections.set(self.connection, "reading")
        super().handle_one_request()

    def parse_request(self) -> bool:
        self._body_read = False  # one handler serves many requests on a keep-alive connection
        self._size = "-"
        if not super().parse_request():
            return False
        if not _host_allowed(self.headers.get("Host"), self.server.host_names, self.server.wildcard):
            self.close_connection = True
            name = self.headers.get("Host", "")
            self._text(
                403,
                f"this server does not answer for Host {name!r} (a guard against DNS rebinding); "
                "start it with --allow-host NAME to serve that name",
            )
            return False
        return True

    def _cors_headers(self) -> dict[str, str]:
        path = urllib.parse.urlsplit(self.path).path.rstrip("/")
        if not self.server.cors or path not in ("/sparql", "/query"):
            return {}
        return {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "Content-Type"}

    def _send(self, status: int, ctype: str, body: bytes, extra: dict[str, str] | None = None) -> None:
        self._size = len(body)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in self._cors_headers().items():
            self.send_header(k, v)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Vary", "Accept")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, message: str, extra: dict[str, str] | None = None) -> None:
        self._send(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"), extra)

    def _content_length(self) -> int:
        """The request body's length; a missing header is no body. Raises QueryFailed for what cannot be trusted."""
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            raise QueryFailed("411 chunked request bodies are not supported: send a Content-Length")
        raw = self.headers.get_all("Content-Length") or []
        if not raw:
            return 0
        if len(set(raw)) != 1 or not raw[0].strip().isdigit():
            self.close_connection = True
            raise QueryFailed(f"400 invalid Content-Length {', '.join(raw)!r}")
        length = int(raw[0])
        if length > MAX_BODY:
            self.close_connection = True
            raise QueryFailed(f"413 request body larger than {MAX_BODY} bytes")
        return length

    def _params(self) -> tuple[dict[str, list[str]], bytes | None, str]:
        url = urllib.parse.urlsplit(self.path)
        try:
            # http.server decodes the request line as Latin-1: undo that to read raw UTF-8 as UTF-8
            query_string = url.query.encode("latin-1").decode("utf-8")
        except UnicodeError as exc:
            raise QueryFailed("400 the query string is not UTF-8") from exc
        try:
            params = urllib.parse.parse_qs(query_string, keep_blank_values=True, errors="strict")
        except UnicodeError as exc:
            raise QueryFailed("400 a %-escaped parameter is not UTF-8") from exc
        header = self.headers.get("Content-Type") or ""
        ctype = header.split(";")[0].strip().lower()
        charset = re.search(r"charset\s*=\s*\"?([\w.-]+)", header, re.I)
        body = None
        if self.command == "POST":
            length = self._content_length()
            body = self.rfile.read(length) if length else b""
            self._body_read = True
            if charset and charset.group(1).lower().replace("_", "-") not in ("utf-8", "utf8", "us-ascii"):
                raise QueryFailed(f"415 request bodies must be UTF-8, not {charset.group(1)}")
            if ctype == "application/x-www-form-urlencoded":
                try:
                    form = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True, errors="strict")
                except UnicodeError as exc:
                    raise QueryFailed("400 the form body is not UTF-8") from exc
                for k, v in form.items():
                    params.setdefault(k, []).extend(v)
        self.server.connections.set(self.connection, "busy")
        return params, body, ctype

    # ------------------------------------------------------------------ methods

    def do_OPTIONS(self) -> None:  # noqa: N802 - stdlib naming
        extra = {"Allow": "GET, POST, OPTIONS, HEAD"}
        if self._cors_headers():
            extra |= {
                "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers": "Content-Type, Accept, Authorization",
                "Access-Control-Max-Age": "86400",
            }
        self._send(204, "text/plain", b"", extra)

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

    def _read_only(self) -> None:
        if not self._body_read:
            try:
                length = self._content_length()
                if length:
                    self.rfile.read(length)
            except QueryFailed:
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
            elif path == "/editor":
                self._send(200, "text/html; charset=utf-8", editor_page())
            elif path.startswith("/static/"):
                self._static(path.split("/", 2)[2])
            elif path.startswith("/queries/") or path in PAGES:
                status, ctype_, page = self.server.pool.page(path, params)
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
            try:
                query = (body or b"").decode("utf-8")
            except UnicodeError as exc:
                raise QueryFailed("400 the query is not UTF-8") from exc
        elif self.command == "POST" and ctype != "application/x-www-form-urlencoded":
            self._text(415, "POST a query as application/sparql-query or application/x-www-form-urlencoded")
            return
        else:
            queries = params.get("query") or []
            if not queries and self.command in ("GET", "HEAD"):
                self._service_description()
                return
            if len(queries) != 1:
                self._text(400, "give exactly one 'query' parameter (SPARQL 1.1 Protocol)")
                return
            query = queries[0]
        default, named = params.get("default-graph-uri") or [], params.get("named-graph-uri") or []
        dataset = (default, named) if default or named else None
        accept = self.headers.get("Accept")
        fmt = (params.get("format") or params.get("output") or [""])[0].lower()
        if fmt in FORMAT_PARAM:
            accept = FORMAT_PARAM[fmt]
        ctype_out, out = self.server.pool.execute(query, None, accept, dataset, self.server.url + "/sparql")
        self._send(200, ctype_out, out)

    def _service_description(self) -> None:
        accept = self.headers.get("Accept") or ""
        if negotiate(accept, {"text/html": "", **GRAPH_TYPES}) == "text/html" and "text/html" in accept:
            self._send(303, "text/plain; charset=utf-8", b"see /editor\n", {"Location": "/editor"})
            return
        media = negotiate(accept, GRAPH_TYPES)
        if media is None:
            self._text(406, f"the service description is available as: {', '.join(GRAPH_TYPES)}")
            return
        self._send(200, media + "; charset=utf-8", service_description(self.server.url + "/sparql", media))

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
            "dcterms: оголошено / are predeclared.</p>"
            f"{_prefix_details()}"
            '<form method="get" action="/"><textarea name="query" rows="10">'
            f"{html.escape(query or example)}</textarea>"
            '<p><button type="submit">Виконати / Run</button></p></form>'
            f"{result}{_library_list()}{_pages_list()}"
        )
        self._send(200, "text/html; charset=utf-8", _page("graphtool SPARQL", body))

    def _static(self, name: str) -> None:
        if name not in STATIC_FILES:
            self._text(404, f"no file /static/{name}")
            return
        data = (Path(__file__).resolve().parent / "static" / name).read_bytes()
        self._send(200, STATIC_FILES[name], data, {"Cache-Control": "public, max-age=86400"})

    def _queries_index(self) -> None:
        self._send(200, "text/html; charset=utf-8", _page("Запити / Queries", _library_list() or "<p>—</p>"))


# Files of graphtool/static the server hands out (vendored, see static/THIRD_PARTY.md): name -> content type
STATIC_FILES = {
    "yasgui.min.js": "text/javascript; charset=utf-8",
    "yasgui.min.css": "text/css; charset=utf-8",
    "yasgui.LICENSE.txt": "text/plain; charset=utf-8",
}

EDITOR_QUERY = """SELECT ?donor ?label WHERE {
  ?donor a gt:Donor ;
         skos:prefLabel ?label .
}
ORDER BY ?label
LIMIT 50
"""


def editor_page() -> bytes:
    """``/editor``: YASGUI (syntax highlighting, prefixes, result tables and charts) served from the package.

    Nothing is fetched from another site: the class and property autocompleters, which ask a public
    vocabulary service, are switched off; the predeclared PREFIX block starts the query.
    """
    import json

    config = json.dumps({"query": prefix_block() + "\n" + EDITOR_QUERY}, ensure_ascii=False).replace("</", "<\\/")
    script = (
        "<script>\n"
        f"const conf = {config};\n"
        'conf.endpoint = window.location.origin + "/sparql";  // same origin: no CORS needed\n'
        "Yasgui.Yasqe.defaults.autocompleters = Yasgui.Yasqe.defaults.autocompleters"
        '.filter((n) => n !== "class" && n !== "property");\n'
        "Yasgui.Yasqe.defaults.value = conf.query;\n"
        'const yasgui = new Yasgui(document.getElementById("yasgui"), {\n'
        "  requestConfig: { endpoint: conf.endpoint, method: 'POST' },\n"
        "  copyEndpointOnNewTab: true, endpointCatalogueOptions: { getData: () => [{ endpoint: conf.endpoint }] },\n"
        '  persistenceId: "graphtool-" + conf.endpoint,\n'
        "});\n"
        "</script>"
    )
    head = '<link rel="stylesheet" href="/static/yasgui.min.css"><script src="/static/yasgui.min.js"></script>'
    body = (
        "<p>Редактор запитів / Query editor: Ctrl+Enter виконує / runs; префікси оголошено / prefixes are "
        'predeclared. YASGUI (MIT, <a href="/static/yasgui.LICENSE.txt">licence</a>).</p>'
        f'<div id="yasgui"></div>{script}'
    )
    return _page("Редактор SPARQL / SPARQL editor", body, head=head)


def service_description(endpoint: str, media: str) -> bytes:
    """A SPARQL 1.1 Service Description of this endpoint, serialised as ``media`` (one of GRAPH_TYPES)."""
    from rdflib import BNode, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import RDF

    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    formats = Namespace("http://www.w3.org/ns/formats/")
    g = Graph()
    g.bind("sd", sd)
    g.bind("formats", formats)
    service = URIRef(endpoint)
    g.add((service, RDF.type, sd.Service))
    g.add((service, sd.endpoint, service))
    g.add((service, sd.supportedLanguage, sd.SPARQL11Query))
    g.add((service, sd.feature, sd.UnionDefaultGraph))
    for fmt in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "RDF_XML", "JSON-LD"):  # fmt: skip
        g.add((service, sd.resultFormat, formats[fmt]))
    dataset = BNode()
    g.add((service, sd.defaultDataset, dataset))
    g.add((dataset, RDF.type, sd.Dataset))
    default = BNode()
    g.add((dataset, sd.defaultGraph, default))
    g.add((default, RDF.type, sd.Graph))
    g.add((service, URIRef("http://www.w3.org/2000/01/rdf-schema#comment"),
           Literal("Read-only; the default graph is the union of the document graphs, one named graph per "
                   "source document; SERVICE is disabled.", lang="en")))  # fmt: skip
    rdflib_format = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
                     "application/ld+json": "json-ld"}[media]  # fmt: skip
    return g.serialize(format=rdflib_format, encoding="utf-8")


def make_server(
    store_path: str | os.PathLike[str],
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = 2,
    cors: bool = False,
    allow_hosts: tuple[str, ...] | list[str] = (),
    access_log: bool = True,
    max_connections: int = MAX_CONNECTIONS,
    idle_timeout: float = IDLE_TIMEOUT,
    request_timeout: float = REQUEST_TIMEOUT,
    in_memory: bool = False,
    cache_mb: float = CACHE_MB,
) -> GraphtoolServer:
    """Open the store in worker processes and bind the server (port 0 picks a free port).

    ``in_memory``: each worker answers from a copy of the default graph in memory (see :class:`QueryPool`).

    Raises:
        StoreError: no store, or it cannot be opened.
        OSError: the address cannot be bound (the message says what to do when the port is in use).
    """
    import errno

    pool = QueryPool(store_path, size=workers, timeout=timeout, in_memory=in_memory, cache_mb=cache_mb)
    try:
        return GraphtoolServer(
            (host, port),
            pool,
            cors=cors,
            allow_hosts=allow_hosts,
            access_log=access_log,
            max_connections=max_connections,
            idle_timeout=idle_timeout,
            request_timeout=request_timeout,
        )
    except OSError as exc:
        pool.close()
        if exc.errno == errno.EADDRINUSE:
            raise OSError(
                exc.errno, f"port {port} on {host} is already in use: stop the other server or choose another --port"
            ) from exc
        raise


def serve_in_thread(server: GraphtoolServer) -> threading.Thread:
    """Run ``server`` in a daemon thread (for tests and notebooks); stop with ``server.shutdown()``."""
    thread = threading.Thread(target=server.serve_forever, name="graphtool-serve", daemon=True)
    thread.start()
    time.sleep(0.01)
    return thread


if __name__ == "__main__":  # a query worker started by QueryPool
    import sys

    if len(sys.argv) in (4, 5) and sys.argv[1] == "--worker":
        import signal
        from multiprocessing.connection import Connection

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C stops the server, which then stops its workers

        _worker_main(Connection(int(sys.argv[2])), sys.argv[3], sys.argv[4:] == ["--in-memory"])
