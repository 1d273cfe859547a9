"""Upload the store's document graphs to a SPARQL server, one request per graph, idempotently.

Two standard ways, whichever the server offers:

* SPARQL 1.1 **Graph Store HTTP Protocol**: ``PUT <gsp-url>?graph=<document IRI>`` with the graph
  as N-Triples. PUT replaces the graph, so pushing again never duplicates.
* SPARQL 1.1 **Update**: ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }`` in one
  request (one transaction on servers that have them), for servers without the Graph Store Protocol.

Uploads use plain HTTP (requests): SPARQLWrapper's query-type regex makes large updates ~10x
slower (../shared/MEASURED.md). Connection errors, 5xx and 429 are retried with exponential backoff,
honouring ``Retry-After``; a graph is always re-sent whole, so a retry cannot leave half a graph.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from graphtool.remote import (
    DEFAULT_TIMEOUT,
    RETRY_STATUS,
    Auth,
    RemoteError,
    RetryableError,
    parse_retry_after,
    with_retries,
)

UPDATE_CHUNK_BYTES = 8 * 1024 * 1024  # INSERT DATA bodies above this are split (first chunk carries the DROP)


@dataclass
class PushReport:
    """What a push sent: graphs, triples, bytes, retries and wall time."""

    graphs: int = 0
    triples: int = 0
    bytes: int = 0
    retries: int = 0
    pruned: int = 0
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)

    def summary(self) -> str:
        rate = self.triples / self.seconds if self.seconds > 0 else 0.0
        text = (
            f"pushed {self.graphs} graphs, {self.triples} triples ({self.bytes / 1e6:.1f} MB) "
            f"in {self.seconds:.1f} s ({rate:,.0f} triples/s)"
        )
        text += f"; removed {self.pruned} graphs no longer in the store" if self.pruned else ""
        return text + (f"; {self.retries} retries" if self.retries else "")


@dataclass
class GraphPayload:
    """One graph ready to send: its IRI (None = default graph), N-Triples text and triple count."""

    iri: str | None
    ntriples: bytes
    triples: int


def graph_payloads(store: Any) -> Iterator[GraphPayload]:
    """Each named graph of the embedded store as N-Triples (written by Oxigraph, not per-term Python)."""
    from pyoxigraph import DefaultGraph, RdfFormat

    from graphtool.answers import ANSWERS_GRAPH
    from graphtool.store import ONTOLOGY_GRAPH

    ox = store.oxigraph
    # the documents only: the ontology graph stays local, so the server's union equals the store's; so does the
    # token of the answers written beside the store (graphtool.answers), which mean nothing elsewhere
    local = (ONTOLOGY_GRAPH, ANSWERS_GRAPH)
    graphs = sorted((g for g in ox.named_graphs() if g.value not in local), key=lambda g: g.value)
    for graph in graphs:
        data = ox.dump(format=RdfFormat.N_TRIPLES, from_graph=graph) or b""
        yield GraphPayload(graph.value, data, data.count(b"\n"))
    if getattr(store, "default_graph_is_index", False):
        return  # the default graph is derived from the document graphs: the server builds its own union
    data = ox.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph()) or b""
    if data:
        yield GraphPayload(None, data, data.count(b"\n"))


class Pusher:
    """Sends graphs to one server with retries; use :func:`push` for the whole store."""

    def __init__(
        self,
        *,
        graph_store_url: str | None = None,
        update_url: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        auth: Auth | None = None,
        retries: int = 5,
        backoff: float = 0.5,
        on_retry: Callable[[int, float, Exception], None] | None = None,
    ) -> None:
        import requests

        if bool(graph_store_url) == bool(update_url):
            raise RemoteError("give a Graph Store Protocol URL or a SPARQL Update URL (one of them)")
        for url in (graph_store_url, update_url):
            if url and not url.lower().startswith(("http://", "https://")):
                raise RemoteError(f"not an http(s) URL: {url!r}")
        self.graph_store_url = graph_store_url
        self.update_url = update_url
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.retry_count = 0
        self.gsp_content_type = "application/n-triples"
        self._on_retry = on_retry
        self.session = requests.Session()
        auth = auth if auth is not None else Auth.from_env()
        self.session.headers.update(auth.headers())
        self.session.auth = auth.requests_auth()
        self.session.headers["User-Agent"] = "graphtool-push"

    def close(self) -> None:
        self.session.close()

    def send(self, payload: GraphPayload) -> None:
        """Replace one graph on the server (retrying transient failures)."""
        requests_ = self._gsp_requests(payload) if self.graph_store_url else self._update_requests(payload)

        def attempt() -> None:
            for method, url, params, body, ctype in requests_:
                self._http(method, url, params, body, ctype)

        def note(n: int, wait: float, exc: Exception) -> None:
            self.retry_count += 1
            if self._on_retry:
                self._on_retry(n, wait, exc)

        try:
            with_retries(attempt, retries=self.retries, backoff=self.backoff, on_retry=note)
        except _UnsupportedMediaType:
            if self.gsp_content_type == "text/turtle" or not self.graph_store_url:
                raise
            # N-Triples is Turtle: servers that only list Turtle (some Virtuoso setups) take it as that
            self.gsp_content_type = "text/turtle"
            requests_ = self._gsp_requests(payload)
            with_retries(attempt, retries=self.retries, backoff=self.backoff, on_retry=note)

    def delete(self, iri: str) -> None:
        """Remove one graph from the server (GSP DELETE, or DROP SILENT GRAPH); a missing graph is fine."""
        if self.graph_store_url:
            request = ("DELETE", self.graph_store_url, {"graph": iri}, b"", "text/plain")
        else:
            request = (
                "POST",
                self.update_url,
                None,
                f"DROP SILENT GRAPH <{iri}>".encode(),
                "application/sparql-update",
            )

        def attempt() -> None:
            try:
                self._http(*request)
            except RemoteError as exc:
                if "HTTP 404" not in str(exc):
                    raise

        with_retries(attempt, retries=self.retries, backoff=self.backoff)

    def _gsp_requests(self, payload: GraphPayload) -> list[tuple]:
        params = {"graph": payload.iri} if payload.iri else {"default": ""}
        return [("PUT", self.graph_store_url, params, payload.ntriples, self.gsp_content_type)]

    def _update_requests(self, payload: GraphPayload) -> list[tuple]:
        target = f"GRAPH <{payload.iri}>" if payload.iri else "DEFAULT"
        chunks = _split_lines(payload.ntriples, UPDATE_CHUNK_BYTES)
        out = []
        for n, chunk in enumerate(chunks):
            wrap_open = f"GRAPH <{payload.iri}> {{\n" if payload.iri else ""
            wrap_close = "}\n" if payload.iri else ""
            body = (
                (f"DROP SILENT {target} ;\n" if n == 0 else "").encode()
                + b"INSERT DATA {\n"
                + wrap_open.encode()
                + chunk
                + wrap_close.encode()
                + b"}\n"
            )
            out.append(("POST", self.update_url, None, body, "application/sparql-update; charset=utf-8"))
        if not chunks:
            out.append(("POST", self.update_url, None, f"DROP SILENT {target}".encode(), "application/sparql-update"))
        return out

    def _http(self, method: str, url: str, params: dict | None, body: bytes, ctype: str) -> None:
        import requests

        try:
            response = self.session.request(
                method, url, params=params, data=body, headers={"Content-Type": ctype}, timeout=self.timeout
            )
        except requests.Timeout as exc:
            raise RetryableError(f"{url}: no answer within {self.timeout:g} s") from exc
        except requests.ConnectionError as exc:
            raise RetryableError(f"{url}: cannot connect ({_short(exc)})") from exc
        if response.status_code in RETRY_STATUS:
            raise RetryableError(
                f"{url}: HTTP {response.status_code} {response.text[:200]}",
                parse_retry_after(response.headers.get("Retry-After")),
            )
        if response.status_code == 415 and ctype == "application/n-triples":
            raise _UnsupportedMediaType(f"{url}: HTTP 415 for N-Triples")
        if response.status_code >= 400:
            hint = {
                401: "authentication required: set GRAPHTOOL_TOKEN, or GRAPHTOOL_USER and GRAPHTOOL_PASSWORD",
                403: "forbidden: the credentials may not write here",
                404: "no Graph Store / Update service at this URL",
                405: "the server does not accept this method here (try --update with the SPARQL Update URL)",
                415: "the server does not accept N-Triples here",
            }.get(response.status_code, "request failed")
            raise RemoteError(f"{url}: HTTP {response.status_code}: {hint}: {response.text[:300].strip()}")


class _UnsupportedMediaType(RemoteError):
    """The server refused N-Triples (HTTP 415): the pusher retries the graph as Turtle."""


def _split_lines(data: bytes, limit: int) -> list[bytes]:
    """Split N-Triples text into chunks of whole lines of at most ``limit`` bytes (one line may exceed it)."""
    if not data:
        return []
    chunks, start = [], 0
    while start < len(data):
        end = start + limit
        if end >= len(data):
            chunks.append(data[start:])
            break
        cut = data.rfind(b"\n", start, end)
        cut = data.find(b"\n", end) if cut < start else cut
        cut = len(data) - 1 if cut < 0 else cut
        chunks.append(data[start : cut + 1])
        start = cut + 1
    return chunks


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) < 160 else text[:160] + "..."


def push(
    store: Any,
    *,
    graph_store_url: str | None = None,
    update_url: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    auth: Auth | None = None,
    retries: int = 5,
    backoff: float = 0.5,
    on_graph: Callable[[GraphPayload], None] | None = None,
    on_retry: Callable[[int, float, Exception], None] | None = None,
    prune_endpoint: str | None = None,
) -> PushReport:
    """Upload every named graph of ``store`` (a GraphStore), replacing the server's copy of each.

    With ``prune_endpoint`` (the server's query URL), document graphs on the server that the store no
    longer has (removed documents) are deleted afterwards, so the server holds exactly the store's
    documents. Only graphs that describe a ``gt:Document`` are touched.

    Example:
        >>> push(store, graph_store_url="http://localhost:7878/store")  # doctest: +SKIP
    """
    pusher = Pusher(
        graph_store_url=graph_store_url,
        update_url=update_url,
        timeout=timeout,
        auth=auth,
        retries=retries,
        backoff=backoff,
        on_retry=on_retry,
    )
    report = PushReport()
    start = time.perf_counter()
    try:
        for payload in graph_payloads(store):
            pusher.send(payload)
            report.graphs += 1
            report.triples += payload.triples
            report.bytes += len(payload.ntriples)
            if on_graph:
                on_graph(payload)
        if prune_endpoint:
            from graphtool.remote import RemoteStore

            local = {g.value for g in store.oxigraph.named_graphs()}
            remote = RemoteStore(prune_endpoint, timeout=timeout, auth=auth, check_union=False)
            table = remote.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a gt:Document } }")
            for (graph,) in table.rows:
                if str(graph) not in local:
                    pusher.delete(str(graph))
                    report.pruned += 1
    finally:
        pusher.close()
        report.retries = pusher.retry_count
        report.seconds = time.perf_counter() - start
    return report
