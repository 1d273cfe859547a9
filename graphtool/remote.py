"""Read the graph from a SPARQL 1.1 Protocol endpoint with the same ``select`` API as the embedded store.

Works with any standard server (Oxigraph server, Fuseki, Virtuoso, GraphDB, QLever, Neptune):
requests go through SPARQLWrapper, answers are parsed by pyoxigraph's result parser and converted
to rdflib terms exactly like local results, so reports, maps and queries cannot tell the difference.

What matters:

* **Union default graph.** The embedded store queries the union of the document graphs. The server
  must do the same (Oxigraph ``--union-default-graph``, Fuseki ``tdb2:unionDefaultGraph true``;
  Virtuoso, GraphDB and Neptune do it by default). The first query checks it and fails with a
  clear message instead of silently returning nothing.
* **Bindings are RDF terms.** A bound variable becomes a ``VALUES`` row written from the term's
  N-Triples form (see :func:`graphtool.terms.bind_values`); a user string can never change the query.
* **No silent truncation.** An answer marked partial (HTTP 206, Virtuoso's ``X-SQL-State`` or
  ``X-SPARQL-MaxRows``) raises :class:`PartialResultError`.
* **Credentials come from the environment**: ``GRAPHTOOL_TOKEN`` (bearer) or
  ``GRAPHTOOL_USER`` + ``GRAPHTOOL_PASSWORD`` (basic; digest with ``GRAPHTOOL_AUTH=digest``),
  never from the command line.
  ``GRAPHTOOL_TIMEOUT`` sets the per-request timeout in seconds (default 60).
"""

from __future__ import annotations

import base64
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from graphtool.derived import DERIVED_GRAPH
from graphtool.store import PREFIXES, GraphStore, StoreError, Table, list_documents, solutions_table, to_rdflib
from graphtool.terms import BindingError, bind_values

ENV_USER, ENV_PASSWORD, ENV_TOKEN = "GRAPHTOOL_USER", "GRAPHTOOL_PASSWORD", "GRAPHTOOL_TOKEN"
ENV_TIMEOUT = "GRAPHTOOL_TIMEOUT"
ENV_AUTH = "GRAPHTOOL_AUTH"
DEFAULT_TIMEOUT = 60.0
RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})  # uploads: PUT and DROP+INSERT are idempotent
READ_RETRY_STATUS = frozenset({429, 502, 503})  # reads: a query that failed or timed out would fail again
MAX_GET_URL = 2000  # longer queries go by POST: proxies and some servers cut long URLs

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
T = TypeVar("T")


class RemoteError(StoreError):
    """A remote endpoint failed or answered something unusable; the message says what to do."""


class PartialResultError(RemoteError):
    """The server cut the result (timeout or row limit): an incomplete answer is an error."""


# ---------------------------------------------------------------------------------------- auth


@dataclass(frozen=True)
class Auth:
    """HTTP credentials: bearer token, basic or digest user/password (or none)."""

    user: str | None = None
    password: str | None = None
    token: str | None = None
    digest: bool = False

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Auth:
        """``GRAPHTOOL_TOKEN`` wins over ``GRAPHTOOL_USER``/``GRAPHTOOL_PASSWORD``;
        ``GRAPHTOOL_AUTH=digest`` switches user/password to HTTP Digest (Virtuoso's ``-auth`` endpoints)."""
        env = os.environ if environ is None else environ
        token = env.get(ENV_TOKEN) or None
        if token:
            return cls(token=token)
        user = env.get(ENV_USER) or None
        if user:
            digest = (env.get(ENV_AUTH) or "basic").strip().lower() == "digest"
            return cls(user=user, password=env.get(ENV_PASSWORD, ""), digest=digest)
        return cls()

    def headers(self) -> dict[str, str]:
        """Headers to send up front (digest needs a challenge first: see :meth:`requests_auth`)."""
        if self.token:
            return {"Authorization": f"Bearer {self.token}"}
        if self.user and not self.digest:
            raw = f"{self.user}:{self.password or ''}".encode()
            return {"Authorization": "Basic " + base64.b64encode(raw).decode("ascii")}
        return {}

    def requests_auth(self) -> Any:
        """A ``requests`` auth object for digest credentials, else None (headers do the rest)."""
        if self.user and self.digest:
            from requests.auth import HTTPDigestAuth

            return HTTPDigestAuth(self.user, self.password or "")
        return None

    def __repr__(self) -> str:  # never print secrets
        kind = "bearer" if self.token else ("digest" if self.digest else "basic") if self.user else "none"
        return f"Auth({kind})"


# ------------------------------------------------------------------------------------- retries


class RetryableError(Exception):
    """A transient failure (connection error, 5xx, 429) worth retrying after ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None
    return max(0.0, when - (time.time() if now is None else now))


def with_retries(
    action: Callable[[], T],
    *,
    retries: int,
    backoff: float = 0.5,
    max_wait: float = 30.0,
    on_retry: Callable[[int, float, Exception], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run ``action``; on :class:`RetryableError` wait (``Retry-After`` or exponential backoff) and retry.

    After ``retries`` retries the last error is raised as :class:`RemoteError`.
    """
    attempt = 0
    while True:
        try:
            return action()
        except RetryableError as exc:
            if attempt >= retries:
                raise RemoteError(f"{exc} (gave up after {attempt + 1} attempts)") from exc
            wait = exc.retry_after if exc.retry_after is not None else backoff * (2**attempt)
            wait = min(wait, max_wait)
            attempt += 1
            if on_retry:
                on_retry(attempt, wait, exc)
            sleep(wait)


# ---------------------------------------------------------------------------------- the store


def _bound(query: str, bindings: dict[str, Any] | None) -> str:
    """The query with its bindings as ``VALUES`` rows (:func:`graphtool.terms.bind_values`)."""
    try:
        return bind_values(query, bindings)
    except BindingError as exc:
        raise RemoteError(str(exc)) from exc


def _prologue(query: str) -> str:
    """PREFIX lines for the predeclared prefixes the query does not declare itself."""
    declared = {m.group(1).lower() for m in re.finditer(r"(?i)\bPREFIX\s+([\w\-.]*):", query)}
    # one line, ending in a space: the server's error positions keep the query's own line numbers
    return "".join(f"PREFIX {p}: <{iri}> " for p, iri in PREFIXES.items() if p.lower() not in declared)


_QUERY_FORM = re.compile(r"(?is)^(?:\s|#[^\n]*\n|(?:PREFIX\s+[\w\-.]*:\s*<[^>]*>)|(?:BASE\s*<[^>]*>))*(\w+)")


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE (or another first keyword, upper-cased)."""
    m = _QUERY_FORM.match(query)
    return m.group(1).upper() if m else ""


class RemoteStore:
    """A SPARQL 1.1 Protocol endpoint read through SPARQLWrapper, with the embedded store's read API.

    Example:
        >>> store = RemoteStore("http://localhost:7878/query")  # doctest: +SKIP
        >>> store.select("SELECT ?d WHERE { ?d a gt:Donor }").rows  # doctest: +SKIP
    """

    def __init__(
        self,
        url: str,
        *,
        timeout: float | None = None,
        auth: Auth | None = None,
        retries: int = 2,
        check_union: bool = True,
    ) -> None:
        if not re.match(r"(?i)https?://", url or ""):
            raise RemoteError(f"not an http(s) URL: {url!r}")
        import urllib.parse

        self.url = url
        base, _, query_string = url.partition("?")
        self._base_url = base
        # extra protocol parameters in the URL (Oxigraph '?union-default-graph', Fuseki
        # '?default-graph-uri=urn:x-arq:UnionGraph') are sent with every query
        self._params = urllib.parse.parse_qsl(query_string, keep_blank_values=True)
        self.path = None  # like an in-memory GraphStore: no directory
        self.timeout = timeout if timeout is not None else _env_timeout()
        self.auth = auth if auth is not None else Auth.from_env()
        self.retries = retries
        self._union_checked = not check_union

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r})"

    # --------------------------------------------------------------------------- transport

    def request(self, query: str, accept: str) -> tuple[bytes, str]:
        """Send a query (prefixes added), return the body and its content type; errors are clear."""
        text = _prologue(query) + query
        return with_retries(lambda: self._request_once(text, accept), retries=self.retries)

    def _request_once(self, text: str, accept: str) -> tuple[bytes, str]:
        import http.client
        import urllib.error
        import urllib.parse

        from SPARQLWrapper import GET, POST, URLENCODED, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        sw = SPARQLWrapper(self._base_url)
        sw.setOnlyConneg(True)
        for name, value in self._params:
            sw.addParameter(name, value)
        sw.setTimeout(max(1, round(self.timeout)))
        sw.setQuery(text)
        # SPARQLWrapper guesses the form by searching for a keyword, and a comment after the prologue
        # ("the address ...") reads as ADD, an update it refuses to send by GET: tell it the form instead.
        form = query_form(text)
        if form in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            sw.queryType = form
        long_query = len(self.url) + len(urllib.parse.quote(text)) > MAX_GET_URL
        sw.setMethod(POST if long_query else GET)
        sw.setRequestMethod(URLENCODED)
        sw.addCustomHttpHeader("Accept", accept)
        for name, value in self.auth.headers().items():
            sw.addCustomHttpHeader(name, value)
        if self.auth.digest:
            from SPARQLWrapper import DIGEST

            sw.setHTTPAuth(DIGEST)
            sw.setCredentials(self.auth.user, self.auth.password or "")
        try:
            response = sw.query().response
            body = response.read()
        except urllib.error.HTTPError as exc:
            detail = _body_text(exc)
            if exc.code in READ_RETRY_STATUS:
                raise RetryableError(
                    f"{self.url}: HTTP {exc.code} {detail}", parse_retry_after(exc.headers.get("Retry-After"))
                ) from exc
            raise RemoteError(_http_message(self.url, exc.code, detail)) from exc
        except SPARQLWrapperException as exc:
            code = {"QueryBadFormed": 400, "EndPointNotFound": 404, "Unauthorized": 401, "URITooLong": 414}
            status = code.get(type(exc).__name__, 500)
            raise RemoteError(_http_message(self.url, status, _wrapper_detail(exc))) from exc
        except TimeoutError as exc:
            raise RemoteError(
                f"{self.url}: no answer within {self.timeout:g} s (raise --timeout or simplify the query)"
            ) from exc
        except http.client.HTTPException as exc:  # e.g. IncompleteRead: the answer was cut mid-way
            raise RetryableError(f"{self.url}: the connection broke during the answer ({type(exc).__name__})") from exc
        except (urllib.error.URLError, ConnectionError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):
                raise RemoteError(f"{self.url}: no answer within {self.timeout:g} s") from exc
            raise RetryableError(f"{self.url}: cannot connect ({reason})") from exc
        status = getattr(response, "status", None) or response.getcode()
        headers = response.headers
        if status == 206 or headers.get("X-SQL-State") or headers.get("X-SPARQL-MaxRows"):
            hint = headers.get("X-SQL-State") or headers.get("X-SPARQL-MaxRows") or ""
            raise PartialResultError(
                f"{self.url}: the server returned a partial result (HTTP {status} {hint}); "
                "raise the server's time or row limits (Virtuoso: ResultSetMaxRows, MaxQueryExecutionTime) "
                "or narrow the query"
            )
        return body, headers.get("Content-Type", "")

    def _results(self, query: str, bindings: dict[str, Any] | None):
        """pyoxigraph ``QuerySolutions`` or ``QueryBoolean`` parsed from the server's answer."""
        from pyoxigraph import QueryResultsFormat, parse_query_results

        self._check_union()
        body, ctype = self.request(
            _bound(query, bindings),
            "application/sparql-results+json, application/sparql-results+xml;q=0.8",
        )
        fmt = QueryResultsFormat.XML if "xml" in ctype.lower() else QueryResultsFormat.JSON
        try:
            return parse_query_results(body, fmt)
        except (SyntaxError, ValueError) as exc:
            raise RemoteError(f"{self.url}: unreadable SPARQL results ({ctype}): {exc}") from exc

    # ------------------------------------------------------------------------------ read API

    def select(self, query: str, bindings: dict[str, Any] | None = None) -> Table:
        """Run a SELECT query and return its rows as rdflib terms (same as ``GraphStore.select``)."""
        return solutions_table(self._results(query, bindings), RemoteError)

    def ask(self, query: str, bindings: dict[str, Any] | None = None) -> bool:
        """Run an ASK query."""
        from pyoxigraph import QueryBoolean

        result = self._results(query, bindings)
        if not isinstance(result, QueryBoolean):
            raise RemoteError("expected an ASK query")
        return bool(result)

    def construct(self, query: str, bindings: dict[str, Any] | None = None) -> list[Any]:
        """Run a CONSTRUCT or DESCRIBE query; returns pyoxigraph ``Triple`` objects."""
        from pyoxigraph import RdfFormat, parse

        self._check_union()
        body, ctype = self.request(_bound(query, bindings), "application/n-triples, text/turtle;q=0.9")
        fmt = RdfFormat.N_TRIPLES if "n-triples" in ctype.lower() else RdfFormat.TURTLE
        if "rdf+xml" in ctype.lower():
            fmt = RdfFormat.RDF_XML
        try:
            return [q.triple for q in parse(body, fmt)]
        except SyntaxError as exc:
            raise RemoteError(f"{self.url}: unreadable RDF ({ctype}): {exc}") from exc

    def run(self, query: str, bindings: dict[str, Any] | None = None) -> Table:
        """Any query form as a table, like :func:`graphtool.query.run_sparql` on the embedded store."""
        from rdflib import Literal

        form = query_form(_prologue(query) + query)
        if form == "ASK":
            return Table(["boolean"], [[Literal(self.ask(query, bindings))]])
        if form in ("CONSTRUCT", "DESCRIBE"):
            rows = [[to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)]
                    for t in self.construct(query, bindings)]  # fmt: skip
            return Table(["subject", "predicate", "object"], rows)
        if form != "SELECT":
            raise RemoteError("only SELECT, ASK, CONSTRUCT and DESCRIBE queries can be run (the graph is read-only)")
        return self.select(query, bindings)

    def documents(self) -> list[dict[str, str]]:
        """The documents on the server, as ``GraphStore.documents`` lists them."""
        return list_documents(self)

    def __len__(self) -> int:
        """Quads in the document graphs (the derived counts a push sends along are not a document's)."""
        table = self.select(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{DERIVED_GRAPH}>) }}"
        )
        return int(table.rows[0][0]) if table.rows else 0

    def quads(self) -> Iterator[Any]:
        """Every quad of the document graphs (pyoxigraph ``Quad`` objects), in one request; the derived counts
        a push sends along are left out, as ``GraphStore.quads`` leaves them out."""
        from pyoxigraph import Quad

        result = self._results(
            f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{DERIVED_GRAPH}>) }}", None
        )
        for sol in result:
            yield Quad(sol["s"], sol["p"], sol["o"], sol["g"])

    def snapshot(self):
        """An in-memory :class:`~graphtool.store.GraphStore` holding a copy of the remote graphs.

        For exports and whole-graph analyses that walk every quad; one request.
        """
        local = GraphStore(None)
        local.oxigraph.extend(self.quads())
        return local

    def dump(self, output, fmt: str) -> None:
        """Serialise the remote graphs like ``GraphStore.dump`` (through an in-memory copy)."""
        self.snapshot().dump(output, fmt)

    def flush(self) -> None:
        pass

    # -------------------------------------------------------------------------- union check

    def _check_union(self) -> None:
        """Fail clearly when the server's default graph is not the union of the named graphs."""
        if self._union_checked:
            return
        self._union_checked = True
        named = self.ask("ASK { GRAPH ?g { ?d a gt:Document } }")
        if named and not self.ask("ASK { ?d a gt:Document }"):
            raise RemoteError(
                f"{self.url}: the endpoint's default graph does not include the named graphs, so queries "
                "would find nothing. Serve the union as default graph: Oxigraph 'serve --union-default-graph', "
                "Fuseki 'tdb2:unionDefaultGraph true' (see docs/remote-stores.md)"
            )


def _wrapper_detail(exc: Exception) -> str:
    """The server's answer inside a SPARQLWrapper exception (it keeps only its repr)."""
    import ast

    text = str(exc)
    if "Response:\n" not in text:
        return ""
    raw = text.split("Response:\n", 1)[1]
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return raw.strip()[:500]
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value).strip()[:500]


def _env_timeout() -> float:
    """``$GRAPHTOOL_TIMEOUT`` seconds, or the default."""
    try:
        return float(os.environ.get(ENV_TIMEOUT) or DEFAULT_TIMEOUT)
    except ValueError:
        return DEFAULT_TIMEOUT


def _body_text(exc: Any) -> str:
    try:
        return exc.read().decode("utf-8", "replace").strip()[:500]
    except Exception:  # noqa: BLE001 - best effort detail for an error message
        return ""


def _http_message(url: str, status: int, detail: str) -> str:
    hints = {
        400: "the server rejected the query",
        401: f"authentication required: set {ENV_TOKEN}, or {ENV_USER} and {ENV_PASSWORD}",
        403: f"forbidden: check the credentials in {ENV_TOKEN} / {ENV_USER}",
        404: "no SPARQL endpoint at this URL (query URLs usually end in /query or /sparql)",
        414: "the query is too long for a GET",
    }
    return f"{url}: HTTP {status}: {hints.get(status, 'request failed')}" + (f": {detail}" if detail else "")
