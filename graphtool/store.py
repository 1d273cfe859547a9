"""The embedded graph store: an on-disk Oxigraph store, one named graph per source document.

Queries see the union of all document graphs. Each document graph repeats the facts it states
(an entity's type and labels in every document that names it), so the store also keeps that
union once, deduplicated, as its default graph: querying it is 10-100x faster than
``use_default_graph_as_union``, where every copy joins again (bench/RESULTS.md). The default
graph is an index derived from the document graphs; exports and pushes carry the documents only.
A store whose default graph was never filled (quads loaded directly into named graphs) is
queried as the union instead.

Replacing a document is one SPARQL update (retract its triples from the index where no other
document states them, ``DROP GRAPH``, ``INSERT DATA`` into the graph and the index), which
Oxigraph applies in a single transaction: the store never holds two versions of a document,
and a failure leaves the previous one intact. A build writes each document from its workers'
N-Quads bytes, and that update holds only the difference with the stored version.
"""

from __future__ import annotations

import functools
import os
import re
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphtool.answers import ANSWERS_GRAPH, STAMP_PREDICATE
from graphtool.derived import (
    CHANGED_COMMUNITIES,
    CHANGED_FUNDING,
    DERIVED_GRAPH,
    KEY_CLASSES,
    KEYS_MARK,
    derived_terms,
)
from graphtool.terms import BindingError, bind_values, to_oxigraph

if TYPE_CHECKING:
    from graphtool.reader import Reader

DEFAULT_STORE = "graphtool-store"
GT_NS = "https://w3id.org/graphtool/ontology#"

PREFIXES = {
    "gt": GT_NS,
    "id": "https://w3id.org/graphtool/id/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "prov": "http://www.w3.org/ns/prov#",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
}


ONTOLOGY_GRAPH = "https://w3id.org/graphtool/ontology"  # the schema's own named graph (see load_ontology)


class StoreError(Exception):
    """The store cannot be opened or written; the message says what to do."""


# What a read-only view reports when a build deleted files under it (compaction): a fresh view reads fine.
_STALE_VIEW = re.compile(r"No such file|Corruption|\.sst\b|MANIFEST", re.I)
CLEAR_CHUNK = 50_000  # quads removed per transaction when a streamed document is cleared
LARGE_DOCUMENT = 200_000  # quads; a larger document graph is bulk-loaded, not written in one transaction
# a query that reads named graphs or sets its own dataset (checked on the text: a false match only costs speed)
_NAMES_GRAPHS = re.compile(r"\b(GRAPH|FROM)\b", re.I)
READ_RETRIES = 6  # about 3 s of backing off before telling the user a build is writing


# Written into the derived graph by the first write after a refresh, removed by the next refresh: a store
# opened with it was written by a process that stopped before counting, so every row is computed again.
@functools.cache
def _pending() -> tuple[Any, Any, Any, Any]:
    from pyoxigraph import Literal, NamedNode

    return NamedNode(DERIVED_GRAPH), NamedNode(GT_NS + "derivedPending"), Literal(True), NamedNode(DERIVED_GRAPH)


# Keyed refresh of the derived counts (refresh_derived): graphs per finder question, keys per recomputing
# question (Oxigraph plans a long VALUES block as a scan of the store, bench/RESULTS.md, issue 12).
DERIVED_GRAPH_BATCH = 200
# A refresh after changes to more than this share of the documents computes every row: finding and recomputing
# the keys costs about 24 ms per changed document at 5M triples besides a floor of about 3 s (the donors, which
# any batch reaches), the whole graph 10-13 s; a round of a quarter of the documents cost more keyed than whole
# (bench/RESULTS.md, issue 15)
DERIVED_KEYED_SHARE = 0.02
DERIVED_KEY_BATCH = 100


# graphs that are not documents: the ontology, the counts derived from the documents (graphtool.derived), and the
# token of the library answers written at build time (graphtool.answers)
NOT_DOCUMENTS = (ONTOLOGY_GRAPH, DERIVED_GRAPH, ANSWERS_GRAPH)
# every triple of the document graphs, for rebuilding the default-graph index (the derived graph follows it)
_UNION_TRIPLES = (
    "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g NOT IN ("
    + ", ".join(f"<{g}>" for g in NOT_DOCUMENTS)
    + ")) }"
)


def _stamp_pattern() -> tuple[Any, Any, Any, Any]:
    """The pattern of the library answers' token in the store (graphtool.answers)."""
    from pyoxigraph import NamedNode

    return NamedNode(ANSWERS_GRAPH), NamedNode(STAMP_PREDICATE), None, NamedNode(ANSWERS_GRAPH)


def _has_blank_nodes(ntriples_path: str) -> bool:
    """True when an N-Triples file may name a blank node (``_:`` anywhere, literals included: a false
    alarm only costs the slower copy)."""
    with open(ntriples_path, "rb") as f:
        tail = b""
        while chunk := f.read(1 << 24):
            if b"_:" in tail + chunk[:1]:
                return True
            if b"_:" in chunk:
                return True
            tail = chunk[-1:]
    return False


def _without_graph(line: bytes) -> bytes | None:
    """An N-Quads line with its graph name dropped (an N-Triples line); ``b""`` for a line in the default
    graph, a comment or a blank line; None for a line this reading does not follow (a comment after the
    final dot): the caller then recomputes the index. The graph is the term after the object: after the
    literal's closing quote (IRIs and blank node labels hold no quote), past its language tag or
    datatype, or the fourth term of a line without a literal."""
    body = line.strip()
    if not body or body.startswith(b"#"):
        return b""
    if not body.endswith(b"."):
        return None
    body = body[:-1].rstrip()
    quote = body.rfind(b'"')
    if quote >= 0:
        tail = body[quote + 1 :].split()
        terms = len(tail) - (1 if tail and tail[0][:1] in (b"@", b"^") else 0)
    else:
        terms = len(body.split()) - 3
    if terms == 0:
        return b""
    if terms != 1:
        return None
    return body[: max(body.rfind(b" "), body.rfind(b"\t"))] + b" .\n"


def stale_view(exc: BaseException) -> bool:
    """True when a read failed because another process rewrote the store's files under it."""
    return isinstance(exc, OSError | RuntimeError) and bool(_STALE_VIEW.search(str(exc)))


def _busy(path: Path | None, exc: BaseException) -> StoreError:
    return StoreError(
        f"the store at {path} kept changing while it was read: another graphtool process (a build) is "
        f"writing it; try again when it finishes ({str(exc).splitlines()[0][:160]})"
    )


def default_store_path() -> Path:
    """``$GRAPHTOOL_STORE`` or ``./graphtool-store``."""
    return Path(os.environ.get("GRAPHTOOL_STORE") or DEFAULT_STORE)


@dataclass
class Table:
    """Rows of a SELECT: variable names and, per row, an rdflib term or None for each."""

    variables: list[str]
    rows: list[list[Any]]

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


DOCUMENTS_QUERY = """SELECT ?g ?name ?sha ?loader ?version ?time WHERE { GRAPH ?g {
     ?g a gt:Document ; gt:fileName ?name ; gt:sha256 ?sha ; gt:loader ?loader ;
        gt:loaderVersion ?version ; prov:generatedAtTime ?time } } ORDER BY ?name"""
DOCUMENT_KEYS = ("iri", "file_name", "sha256", "loader", "loader_version", "generated_at")


def list_documents(reader: Reader) -> list[dict[str, str]]:
    """The documents a reader (embedded store, remote endpoint, server pool) holds, one dict each."""
    table = reader.select(DOCUMENTS_QUERY)
    return [{k: str(v) for k, v in zip(DOCUMENT_KEYS, row, strict=True)} for row in table.rows]


def solutions_table(solutions: Any, error: type[Exception] | None = None) -> Table:
    """A pyoxigraph ``QuerySolutions`` as a :class:`Table` of rdflib terms.

    With ``error``, any other answer (a boolean, triples) raises it: the check every reader's
    ``select`` makes (:class:`graphtool.reader.Reader`).
    """
    from pyoxigraph import QuerySolutions

    if error is not None and not isinstance(solutions, QuerySolutions):
        raise error("expected a SELECT query")
    variables = [v.value for v in solutions.variables]
    # a term repeated across rows (a type, a document, a hub's label) is converted once: building rdflib
    # terms was half the CPU of a 9,199-row answer at 1M triples (bench/RESULTS.md, issue 12)
    cache: dict[Any, Any] = {None: None}

    def convert(term: Any) -> Any:
        try:
            return cache[term]
        except KeyError:
            cache[term] = converted = to_rdflib(term)
            return converted

    return Table(variables, [[convert(term) for term in sol] for sol in solutions])


def to_rdflib(term: Any) -> Any:
    """Convert a pyoxigraph term to the matching rdflib term (None stays None).

    IRIs and plain or language-tagged strings, nearly every term of an answer, are built directly
    (:func:`_text_literal`): rdflib's general constructors check and convert what Oxigraph has already
    checked, 1.4-1.8 µs a literal, a third of turning an 11,000-row answer into rdflib terms at 1M
    triples (bench/RESULTS.md, issue 12). Other literals go through rdflib's constructor.
    """
    if term is None:
        return None
    BlankNode, Literal, NamedNode, BNode, URIRef, RLiteral = _term_classes()
    kind = type(term)
    if kind is NamedNode:
        return str.__new__(URIRef, term.value)  # an IRI Oxigraph parsed: nothing for URIRef to check
    if kind is Literal:
        if term.language:
            return _text_literal(term.value, term.language)
        dtype = term.datatype.value
        if dtype == "http://www.w3.org/2001/XMLSchema#string":
            return _text_literal(term.value, None)
        return RLiteral(term.value, datatype=URIRef(dtype))
    if kind is BlankNode:
        return BNode(term.value)
    raise TypeError(f"unsupported term {term!r}")


def _answer_table(variables: list[str], kinds: list[int], texts: list[str], extras: list[Any], cells: Any) -> Table:
    """The table of a written answer (graphtool.answers: distinct terms, one index per cell, -1 unbound), its terms
    built as :func:`to_rdflib` builds them, a plain or tagged literal inline (22,000 calls saved at 11,000 rows)."""
    import gc

    from graphtool.answers import BLANK, IRI, STRING, TAGGED

    _BlankNode, _Literal, _NamedNode, BNode, URIRef, RLiteral = _term_classes()
    direct = _literal_slots_known()
    width = len(variables)
    # a question's thousands of new terms would start the cyclic collector over the whole heap several times
    # (in a process holding other answers, 120 ms instead of 25 for 11,000 rows): none of them forms a cycle
    enabled = gc.isenabled()
    gc.disable()
    try:
        new = str.__new__
        terms: list[Any] = []
        append = terms.append
        for kind, text, extra in zip(kinds, texts, extras, strict=True):
            if kind == IRI:
                append(new(URIRef, text))
            elif kind == TAGGED or kind == STRING:
                if direct:
                    literal = new(RLiteral, text)
                    literal._language = extra  # None for a plain string
                    literal._datatype = None
                    literal._value = text
                    literal._ill_typed = None
                    append(literal)
                else:
                    append(_text_literal(text, extra))
            elif kind == BLANK:
                append(BNode(text))
            else:
                append(RLiteral(text, datatype=URIRef(extra)))
        terms.append(None)  # cell -1
        values = [terms[i] for i in cells]
        rows = [values[start : start + width] for start in range(0, len(values), width)]
    finally:
        if enabled:
            gc.enable()
    return Table(list(variables), rows)


def _concatenated_sorted(table: Table, text: str) -> Table:
    """The table with the items of each ``GROUP_CONCAT`` cell sorted (:func:`graphtool.ordering.sort_concatenated`),
    as ``graphtool.library.run_query`` gives a question's answer."""
    from graphtool.ordering import sort_concatenated

    return Table(table.variables, sort_concatenated(table.variables, table.rows, text))


def _text_literal(text: str, language: str | None) -> Any:
    """The rdflib literal ``Literal(text, lang=language)`` would make, without its checks and conversions.

    For a plain or language-tagged string rdflib keeps the text as the lexical form and as the value, no
    datatype, and no ill-typed flag; tests/test_term_conversion.py compares each attribute with the constructor's.
    Where this rdflib's ``Literal`` has other slots than those, the constructor is used.
    """
    RLiteral = _term_classes()[5]
    if not _literal_slots_known():
        return RLiteral(text, lang=language)
    literal = str.__new__(RLiteral, text)
    literal._language = language
    literal._datatype = None
    literal._value = text
    literal._ill_typed = None
    return literal


@functools.cache
def _literal_slots_known() -> bool:
    """True when rdflib's ``Literal`` keeps exactly the four slots :func:`_text_literal` sets."""
    RLiteral = _term_classes()[5]
    return set(getattr(RLiteral, "__slots__", ())) == {"_language", "_datatype", "_value", "_ill_typed"}


@functools.cache
def _term_classes() -> tuple[Any, ...]:
    """pyoxigraph's and rdflib's term classes, imported once (an import statement per term cost 20%)."""
    from pyoxigraph import BlankNode, Literal, NamedNode
    from rdflib import BNode, URIRef
    from rdflib import Literal as RLiteral

    return BlankNode, Literal, NamedNode, BNode, URIRef, RLiteral


class GraphStore:
    """An Oxigraph store holding one named graph per source document.

    Example:
        >>> store = GraphStore(None)  # in memory
        >>> store.documents()
        []
    """

    def __init__(self, path: str | os.PathLike[str] | None, *, read_only: bool = False) -> None:
        from pyoxigraph import Store

        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._memory: Any = None  # the default graph copied into memory (read_in_memory)
        self._bulk_loaded = False  # files written by the bulk loader since the last compaction (flush)
        self._derived_stale = False  # documents written since the derived graph was computed (refresh_derived)
        self._derived_rewrite = False  # the index lost the derived triples (rebuild_index): write them whole
        # the keys whose derived rows a change since the last refresh can reach, by graphtool.derived.KeyClass
        # name, found before each removal; None: compute every row (a write whose graphs are not known)
        self._derived_keys: dict[str, set[Any]] | None = {}
        self._derived_added: set[str] = set()  # document graphs written since (their keys: at the refresh)
        self._derived_touched: set[str] = set()  # document graphs written or removed since
        self._derived_budget: int | None = None  # how many of those the keyed refresh takes (DERIVED_KEYED_SHARE)
        self._derived_lock = threading.Lock()  # a bulk build removes and notes graphs from its load threads
        # the token of the library answers written at build time, while the store holds it (a writer's view)
        self._stamp: str | None = None
        self._stamp_lock = threading.Lock()  # taken out before the first write of any thread (_unstamp)
        self._changed_since_answers = False  # this object wrote since it opened or last wrote the answers
        self._answers_due = False  # a write since then changed the store at large (write_answers)
        self.answers_left_out = False  # the last flush left the written answers out: a small change (write_answers)
        try:
            if self.path is None:
                self._store = Store()
            elif read_only:
                if not self.path.exists():
                    raise StoreError(f"no store at {self.path}: run 'graphtool build PATH --store {self.path}' first")
                self._store = self.retrying(self._open_read_only)
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = Store(str(self.path))
        except OSError as exc:
            raise StoreError(
                f"cannot open the store at {self.path}: {exc}. "
                "Is another graphtool process (for example 'graphtool serve') using it?"
            ) from exc
        if not read_only and next(iter(self._store.quads_for_pattern(*_pending())), None) is not None:
            # a process wrote documents and stopped before counting them: count every row at the next refresh
            self._derived_stale, self._derived_keys = True, None
        elif not read_only and self._derived_outdated():
            self._derived_keys = None  # written before a derived row existed: the next refresh writes every row
        if not read_only and self.path is not None:
            self._stamp = self._answers_stamp()

    def _derived_outdated(self) -> bool:
        """True when the derived graph was written by a version without the documents' first lines
        (``gt:firstLine``): it has rows and no first line, while some sentence has an offset. Readers fall
        back to reading the sentences (``document_lines_read``); a refresh of every row writes them."""
        from pyoxigraph import NamedNode

        derived = NamedNode(DERIVED_GRAPH)
        if next(iter(self._store.quads_for_pattern(None, None, None, derived)), None) is None:
            return False
        if next(iter(self._store.quads_for_pattern(None, NamedNode(GT_NS + "firstLine"), None, derived)), None):
            return False
        return next(iter(self._store.quads_for_pattern(None, NamedNode(GT_NS + "startOffset"), None)), None) is not None

    def _open_read_only(self):
        from pyoxigraph import Store

        return Store.read_only(str(self.path))

    def retrying(self, read):
        """``read()``, retried on a fresh read-only view while a build rewrites the files under it.

        A build compacts the store as it writes, deleting files an older read-only view still
        names ("Corruption: … No such file or directory … 000015.sst"); a fresh view is consistent.
        After :data:`READ_RETRIES` tries the caller gets a :class:`StoreError` saying a build is writing.
        """
        delay = 0.05
        for attempt in range(READ_RETRIES + 1):
            try:
                return read()
            except (OSError, RuntimeError) as exc:
                if not (self.read_only and self.path is not None and stale_view(exc)):
                    raise
                if attempt == READ_RETRIES:
                    raise _busy(self.path, exc) from exc
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
            if getattr(self, "_store", None) is not None:
                try:
                    self._store = self._open_read_only()
                    self._index = None
                    self._memory = None
                except (OSError, RuntimeError):
                    pass  # the next try reopens again

    @property
    def default_graph_is_index(self) -> bool:
        """True when the default graph is the derived union index (not data of its own)."""
        return self._indexed()

    def _indexed(self) -> bool:
        """True when the default graph holds the deduplicated union (or the store is empty)."""
        if getattr(self, "_index", None) is None:
            from pyoxigraph import DefaultGraph

            has_default = next(iter(self._store.quads_for_pattern(None, None, None, DefaultGraph())), None)
            documents = (g for g in self._store.named_graphs() if g.value not in NOT_DOCUMENTS)
            self._index = has_default is not None or next(documents, None) is None
        return self._index

    @staticmethod
    def _retract_from_index(graph_iri: str) -> str:
        """Update text removing from the default graph the triples only this document states."""
        return (
            f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{graph_iri}>) }} }}"
        )

    # ------------------------------------------------------------------ reading from memory

    def read_in_memory(self) -> int:
        """Copy the deduplicated default graph into an in-memory store and answer queries from it.

        Oxigraph's in-memory storage finds a subject's (or predicate's) triples by walking every quad
        that has it, in every graph: beside the document graphs, which repeat each entity's description
        and mentions per document, a lookup in the default graph walks all those copies too (the in-memory
        store measured 2-10x slower than the same default graph held alone, bench/RESULTS.md). The copy
        holds the default graph only; queries that name graphs (``GRAPH``, ``FROM``) or pass a dataset
        still read the full store. Any write through this object drops the copy (call again to refresh);
        writes made directly on :attr:`oxigraph` are not seen by it. Returns the triples copied.
        """
        from pyoxigraph import DefaultGraph, Store

        if not self._indexed():
            raise StoreError("the store has no deduplicated default graph to read in memory; build it again")

        def read() -> Any:
            copy = Store()
            copy.bulk_extend(self._store.quads_for_pattern(None, None, None, DefaultGraph()))
            return copy

        copy = self.retrying(read)
        self._memory = copy
        return len(copy)

    @property
    def in_memory(self) -> bool:
        """True while queries read the in-memory copy of the default graph (:meth:`read_in_memory`)."""
        return getattr(self, "_memory", None) is not None

    def engine_for(self, query: str, dataset: bool = False) -> tuple[Any, bool]:
        """The pyoxigraph store to run ``query`` on and whether it needs ``use_default_graph_as_union``."""
        memory = getattr(self, "_memory", None)
        if memory is not None and not dataset and not _NAMES_GRAPHS.search(query):
            return memory, False
        return self._store, not self._indexed()

    def _written(self, graphs: Iterable[str] | None = None) -> None:
        """Note a write: the in-memory copy is dropped and the derived graph is stale. ``graphs``: the
        document graphs written (their keys are found at the refresh); None: graphs unknown, so the next
        refresh computes every row."""
        self._unstamp()
        self._memory = None
        if not self._derived_stale and self.path is not None:
            self._mark_pending()
        self._derived_stale = True
        with self._derived_lock:
            if graphs is None:
                self._derived_keys = None
            elif self._derived_keys is not None:
                graphs = set(graphs)
                self._derived_added.update(graphs)
        if graphs:
            self._keyed_within_share(graphs)

    def _keyed_within_share(self, graphs: set[str]) -> bool:
        """Count these graphs as changed since the last refresh; past :data:`DERIVED_KEYED_SHARE` of the
        store's documents the refresh computes every row instead (and no finder runs any more): True
        while the keyed refresh goes on."""
        if self._derived_keys is None:
            return False
        if self._derived_budget is None:
            from pyoxigraph import DefaultGraph

            documents = sum(
                1
                for g in self._store.named_graphs()
                if not isinstance(g, DefaultGraph) and g.value not in NOT_DOCUMENTS
            )
            self._derived_budget = max(1, int(DERIVED_KEYED_SHARE * documents))
        with self._derived_lock:
            self._derived_touched.update(graphs)
            if len(self._derived_touched) > self._derived_budget:
                self._derived_keys = None
        return self._derived_keys is not None

    def _mark_pending(self) -> None:
        """Record in the store that documents are being written and not yet counted (``_pending()``); a
        store without derived rows is counted whole at the next refresh anyway."""
        from pyoxigraph import Quad

        if not self._has_derived():
            with self._derived_lock:
                self._derived_keys = None
            return
        try:
            self._store.add(Quad(*_pending()))
        except OSError as exc:
            raise StoreError(f"writing to the store at {self.path} failed: {exc}") from exc

    def changed(self, graphs: Iterable[str] | None = None) -> None:
        """Note a write made directly on :attr:`oxigraph` (the bulk build), called before making it: the
        library's written answers stop being read (graphtool.answers), the in-memory copy is dropped and the
        derived graph is computed again at the next :meth:`flush` or query; only the rows these document
        graphs reach when they are named (graphs that were replaced must have been removed with
        :meth:`remove_documents` first), every row when not."""
        self._written(None if graphs is None else list(graphs))

    def _before_removing(self, graphs: Iterable[str]) -> None:
        """Find the derived keys these document graphs reach, while the store still holds them."""
        graphs = set(graphs)
        if graphs and self._derived_keys is not None and self._keyed_within_share(graphs):
            self._find_derived_keys(graphs)

    def _find_derived_keys(self, graphs: set[str]) -> None:
        """Add to the pending keys every key whose derived row a triple of these document graphs takes part
        in, as the store is now (``graphtool.derived``, "keyed recomputation"). The far-reaching triples
        (a community's type, a donor funding something) count only when no other graph states them."""
        from pyoxigraph import BlankNode, NamedNode

        union = not self._indexed()
        names = sorted(graphs)
        found: dict[str, set[Any]] = {kc.name: set() for kc in KEY_CLASSES}
        communities: set[Any] = set()
        funding: set[tuple[Any, Any]] = set()

        def ask(text: str, bindings: dict[str, Any]) -> Iterator[Any]:
            return self._store.query(bind_values(text, bindings), use_default_graph_as_union=union, prefixes=PREFIXES)

        for start in range(0, len(names), DERIVED_GRAPH_BATCH):
            chunk = [NamedNode(g) for g in names[start : start + DERIVED_GRAPH_BATCH]]
            communities.update(row[0] for row in ask(CHANGED_COMMUNITIES, {"g": chunk}))
            funding.update((row[0], row[1]) for row in ask(CHANGED_FUNDING, {"g": chunk}))
            for kc in KEY_CLASSES:
                found[kc.name].update(row[0] for row in ask(kc.graphs, {"g": chunk}))
        community_type = (NamedNode(PREFIXES["rdf"] + "type"), NamedNode(GT_NS + "Community"))
        changed_c = [c for c in communities if not self._stated_outside((c, *community_type), graphs)]
        funds = NamedNode(GT_NS + "funds")
        changed_f = list({f for d, f in funding if not self._stated_outside((d, funds, f), graphs)})
        for kc in KEY_CLASSES:
            for text, values, var in ((kc.communities, changed_c, "c"), (kc.funded, changed_f, "f")):
                if text and values:
                    if any(isinstance(v, BlankNode) for v in values):
                        found[kc.name].add(BlankNode())  # cannot be bound: the refresh computes every row
                        continue
                    for start in range(0, len(values), DERIVED_KEY_BATCH):
                        found[kc.name].update(
                            row[0] for row in ask(text, {var: values[start : start + DERIVED_KEY_BATCH]})
                        )
        with self._derived_lock:
            if self._derived_keys is None:
                return
            if any(isinstance(k, BlankNode) for keys in found.values() for k in keys):
                self._derived_keys = None  # a blank node key cannot be bound in VALUES: every row, then
                return
            for name, keys in found.items():
                self._derived_keys.setdefault(name, set()).update(k for k in keys if isinstance(k, NamedNode))

    def _stated_outside(self, triple: tuple[Any, Any, Any], graphs: set[str]) -> bool:
        """True when a document graph not in ``graphs`` states the triple (it stays in the union whatever
        happens to those)."""
        from pyoxigraph import DefaultGraph

        return any(
            not isinstance(q.graph_name, DefaultGraph)
            and q.graph_name.value not in graphs
            and q.graph_name.value not in NOT_DOCUMENTS
            for q in self._store.quads_for_pattern(*triple)
        )

    def refresh_derived(self, *, full: bool = False) -> int:
        """Compute the derived graph (``graphtool.derived``: the counts the whole-store aggregate queries
        read) from the documents again, and write what changed, in the default-graph index too, in one
        update. Returns the triples computed. Called by :meth:`flush` and by the first query after a write.

        Only the rows a change can reach are computed again, when the writes named their graphs
        (``graphtool.derived``, "keyed recomputation": the keys found before each removal and, here, from
        the graphs written); every row otherwise, or with ``full``, or when the store holds no derived
        graph yet. Only the difference with the stored rows is written: rewriting the whole graph and its
        share of the index took as long as computing it (5M triples: 11 s of 25 s, bench/RESULTS.md, issue
        15). The stored graph ends the same as a full rewrite leaves it (blank nodes, which a SPARQL update
        cannot name again, take the full rewrite).
        """
        from pyoxigraph import BlankNode, NamedNode

        graph = NamedNode(DERIVED_GRAPH)
        keyed = None
        if not full and not getattr(self, "_derived_rewrite", False) and self._has_derived():
            keyed = self._keyed_rows()
        if keyed is not None:
            stored, fresh = keyed
            stored.update(q.triple for q in self._store.quads_for_pattern(*_pending()))  # leaves with the update
        else:
            self._answers_due = True  # every row computed again (a large or unknown change): so are the answers
            fresh = set(derived_terms(self._store, union=not self._indexed(), prefixes=PREFIXES))
            stored = {q.triple for q in self._store.quads_for_pattern(None, None, None, graph)}
        if getattr(self, "_derived_rewrite", False) or any(
            isinstance(t.subject, BlankNode) or isinstance(t.object, BlankNode) for t in fresh | stored
        ):  # the index was rebuilt without the derived triples, or a blank node
            if keyed is not None:
                return self.refresh_derived(full=True)
            update = self._rewrite_derived(fresh)
        else:
            update = self._derived_difference(stored, fresh)
        try:
            if update:
                self._unstamp()  # the index changes: a library answer may too
                self._store.update(update)
        except OSError as exc:
            raise StoreError(f"writing the derived counts failed: {exc}") from exc
        self._memory = None
        self._derived_stale = self._derived_rewrite = False
        with self._derived_lock:
            self._derived_keys, self._derived_added = {}, set()
            self._derived_touched, self._derived_budget = set(), None
        return len(fresh)

    def _keyed_rows(self) -> tuple[set[Any], set[Any]] | None:
        """The stored and the recomputed derived rows of the keys a change since the last refresh reaches;
        None when every row must be computed (a write that did not name its graphs, a blank node key)."""
        from pyoxigraph import NamedNode

        with self._derived_lock:
            added = set(self._derived_added)
        if self._derived_keys is None:
            return None
        self._find_derived_keys(added)
        with self._derived_lock:
            keys = self._derived_keys
        if keys is None:
            return None
        union = not self._indexed()
        graph = NamedNode(DERIVED_GRAPH)
        stored: set[Any] = set()
        fresh: set[Any] = set()
        for kc in KEY_CLASSES:
            values = sorted(keys.get(kc.name, ()), key=str)
            if not values:
                continue
            subject_predicates = [NamedNode(GT_NS + p) for p in kc.subject_predicates]
            object_predicates = [NamedNode(GT_NS + p) for p in kc.object_predicates]
            if self._rows_at_most((subject_predicates or object_predicates)[0], 2 * len(values)):
                # the change reaches half the class or more (the donors, in a big batch): every row of it
                for text in kc.constructs:
                    fresh.update(self._store.query(text, use_default_graph_as_union=union, prefixes=PREFIXES))
                for p in subject_predicates + object_predicates:
                    stored.update(q.triple for q in self._store.quads_for_pattern(None, p, None, graph))
                continue
            for start in range(0, len(values), DERIVED_KEY_BATCH):
                chunk = values[start : start + DERIVED_KEY_BATCH]
                source = "{ " + bind_values(f"SELECT ?{kc.variable} WHERE {{ }}", {kc.variable: chunk}) + " }\n"
                for text in kc.constructs:
                    keyed = text.replace(KEYS_MARK, source)
                    fresh.update(self._store.query(keyed, use_default_graph_as_union=union, prefixes=PREFIXES))
            for key in values:
                for p in subject_predicates:
                    stored.update(q.triple for q in self._store.quads_for_pattern(key, p, None, graph))
                for p in object_predicates:
                    stored.update(q.triple for q in self._store.quads_for_pattern(None, p, key, graph))
        return stored, fresh

    def _rows_at_most(self, predicate: Any, n: int) -> bool:
        """True when the derived graph holds ``n`` triples of ``predicate`` or fewer (counts no further)."""
        from itertools import islice

        from pyoxigraph import NamedNode

        rows = self._store.quads_for_pattern(None, predicate, None, NamedNode(DERIVED_GRAPH))
        return sum(1 for _ in islice(rows, n + 1)) <= n

    def _rewrite_derived(self, fresh: set[Any]) -> str:
        """Update text replacing the whole derived graph (and its triples in the index) with ``fresh``."""
        body = "\n".join(f"{t} ." for t in fresh)
        update = f"DROP SILENT GRAPH <{DERIVED_GRAPH}>"
        if fresh:
            update += f" ;\nINSERT DATA {{ GRAPH <{DERIVED_GRAPH}> {{\n{body}\n}} }}"
        if self._indexed():
            update = f"{self._retract_from_index(DERIVED_GRAPH)} ;\n{update}"
            if fresh:
                update += f" ;\nINSERT DATA {{\n{body}\n}}"
        return update

    def _derived_difference(self, stored: set[Any], fresh: set[Any]) -> str:
        """Update text turning the stored derived graph into ``fresh``: the triples it loses leave the graph
        (and the index, unless a document states them too), the new ones enter both; '' when equal."""
        gone, new = stored - fresh, fresh - stored
        parts = []
        if gone:
            if self._indexed():
                unstated = [t for t in gone if not self._stated_by_a_document(t)]
                if unstated:
                    parts.append("DELETE DATA {\n" + "\n".join(f"{t} ." for t in unstated) + "\n}")
            body = "\n".join(f"{t} ." for t in gone)
            parts.append(f"DELETE DATA {{ GRAPH <{DERIVED_GRAPH}> {{\n{body}\n}} }}")
        if new:
            body = "\n".join(f"{t} ." for t in new)
            parts.append(f"INSERT DATA {{ GRAPH <{DERIVED_GRAPH}> {{\n{body}\n}} }}")
            if self._indexed():
                parts.append(f"INSERT DATA {{\n{body}\n}}")
        return " ;\n".join(parts)

    @property
    def oxigraph(self):
        """The underlying ``pyoxigraph.Store`` (for bulk paths and the benchmark; call :meth:`changed` before
        writing to it)."""
        return self._store

    # ------------------------------------------------------------------ writing

    def replace_document(self, graph_iri: str, quads: Iterable[Any] | bytes) -> int:
        """Put a document's quads in its named graph, replacing the previous version atomically.

        ``quads``: pyoxigraph quads, or the document's N-Quads bytes as Oxigraph serialises them (a
        build's workers send these: :meth:`_replace_nquads` writes them without making a Python object
        per term, and only what changed against the stored version). A document of more than
        :data:`LARGE_DOCUMENT` quads (a big IATI file) is written with the bulk loader instead
        (:meth:`_replace_large`). Returns the number of quads written.
        """
        if isinstance(quads, (bytes, bytearray)):
            written = self._replace_nquads(graph_iri, bytes(quads))
            if written is not None:
                return written
            from pyoxigraph import RdfFormat, parse

            quads = parse(bytes(quads), format=RdfFormat.N_QUADS)
        quads = quads if isinstance(quads, list) else list(quads)
        if self._larger_than(graph_iri, 0):  # a replacement: the derived keys its old graph reaches
            self._before_removing([graph_iri])
        self._written([graph_iri])
        if len(quads) > LARGE_DOCUMENT:
            return self._replace_large(graph_iri, quads)
        body = []
        n = 0
        for q in quads:
            body.append(f"{q.subject} {q.predicate} {q.object} .")
            n += 1
        text = "\n".join(body)
        update = f"DROP SILENT GRAPH <{graph_iri}> ;\nINSERT DATA {{ GRAPH <{graph_iri}> {{\n{text}\n}} }}"
        if self._indexed():
            update = f"{self._retract_from_index(graph_iri)} ;\n{update} ;\nINSERT DATA {{\n{text}\n}}"
        try:
            self._store.update(update)
        except OSError as exc:
            raise StoreError(f"writing {graph_iri} failed: {exc}") from exc
        return n

    def _replace_nquads(self, graph_iri: str, nquads: bytes) -> int | None:
        """Replace a document from its N-Quads bytes in one update holding only the difference with the
        stored version: the lines no longer stated leave the graph (and the index, unless another graph
        states them), the new ones enter both; the lines both versions state are not touched. The
        previous version is read as N-Triples (Oxigraph's serializer, as the workers' bytes), so equal
        triples are equal lines; two spellings of one value (a literal Oxigraph normalises) are taken
        out and written again, the same end. A re-extracted document that states what it stated before
        (a new loader version, ``--force``) rewrites a line or two instead of its whole graph twice.

        A document with nothing to take out (a new one) is written by one ``Store.load``, also a single
        transaction, without SPARQL text to parse.

        None (the caller parses the quads and writes them the usual way) when a line is not in this
        graph, a blank node may occur (``_:`` anywhere: labels are not stable across versions), or the
        document is larger than :data:`LARGE_DOCUMENT`.
        """
        from pyoxigraph import NamedNode, RdfFormat

        suffix = f" <{graph_iri}> .\n".encode()
        lines = nquads.count(b"\n")
        if b"_:" in nquads or lines > LARGE_DOCUMENT or nquads.count(suffix) != lines:
            return None  # N-Quads escape newlines in literals: each line ends with its graph, or not ours
        try:
            old = self._store.dump(format=RdfFormat.N_TRIPLES, from_graph=NamedNode(graph_iri))
        except OSError as exc:
            raise StoreError(f"reading {graph_iri} failed: {exc}") from exc
        if b"_:" in old:
            return None
        if old:  # a replacement: the derived keys its old graph reaches
            self._before_removing([graph_iri])
        self._written([graph_iri])
        new = nquads.replace(suffix, b" .\n").splitlines(keepends=True)
        stored = set(old.splitlines(keepends=True))
        fresh = set(new)
        gone = [line for line in stored if line not in fresh]
        added = list(dict.fromkeys(line for line in new if line not in stored))
        indexed = self._indexed()
        if added and not gone:  # a new document: one load (a transaction too) and no SPARQL text, 1/4 less CPU
            graph = f" <{graph_iri}> .\n".encode()
            data = b"".join(line[:-3] + graph for line in added) + (b"".join(added) if indexed else b"")
            try:
                self._store.load(data, format=RdfFormat.N_QUADS)
            except OSError as exc:
                raise StoreError(f"writing {graph_iri} failed: {exc}") from exc
            return lines
        parts = []
        if gone:
            body = b"".join(gone).decode()
            parts.append(f"DELETE DATA {{ GRAPH <{graph_iri}> {{\n{body}}} }}")
            if indexed:  # out of the index unless another graph (a document, the derived counts) states it
                rows = "\n".join(f"({line[:-3].decode()})" for line in gone)  # an N-Triples line is 's p o .'
                parts.append(
                    f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{\n{rows}\n}} "
                    "FILTER NOT EXISTS { GRAPH ?other { ?s ?p ?o } } }"
                )
        if added:
            body = b"".join(added).decode()
            parts.append(f"INSERT DATA {{ GRAPH <{graph_iri}> {{\n{body}}} }}")
            if indexed:
                parts.append(f"INSERT DATA {{\n{body}}}")
        if parts:
            try:
                self._store.update(" ;\n".join(parts))
            except OSError as exc:
                raise StoreError(f"writing {graph_iri} failed: {exc}") from exc
        return lines

    def _replace_large(self, graph_iri: str, quads: list[Any]) -> int:
        """Replace a large document's graph with the bulk loader: about 4x faster than one ``INSERT DATA``
        transaction and without its SPARQL text, but not atomic (a reader may see the document half
        written; a failure leaves it partly replaced: build it again)."""
        from pyoxigraph import DefaultGraph, Quad

        indexed = self._indexed()
        try:
            if indexed:
                self._store.update(self._retract_from_index(graph_iri))
            self._store.update(f"DROP SILENT GRAPH <{graph_iri}>")
            self._store.bulk_extend(quads)
            if indexed:
                self._store.bulk_extend(Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in quads)
        except OSError as exc:
            raise StoreError(f"writing {graph_iri} failed: {exc}") from exc
        return len(quads)

    # ------------------------------------------------------------ streamed documents (a 500 MB IATI file)

    def clear_document(self, graph_iri: str) -> None:
        """Empty a document's graph, and retract from the index the triples no other graph states, in
        transactions of :data:`CLEAR_CHUNK` quads: a document of millions of quads goes in bounded memory
        (one ``DROP GRAPH`` of it is one transaction holding every deletion). Not atomic."""
        from pyoxigraph import NamedNode

        self._before_removing([graph_iri])
        self._written([])
        graph = NamedNode(graph_iri)
        chunk = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }} LIMIT {CLEAR_CHUNK}"
        update = f"DELETE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }} WHERE {{ {chunk} }}"
        if self._indexed():
            update = (
                f"DELETE {{ ?s ?p ?o }} WHERE {{ {{ {chunk} }} FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} "
                f"FILTER(?other != <{graph_iri}>) }} }} ;\n{update}"
            )  # the same first rows twice: the index deletion leaves the document graph as it was
        try:
            while next(iter(self._store.quads_for_pattern(None, None, None, graph)), None) is not None:
                self._store.update(update)
            self._store.update(f"DROP SILENT GRAPH <{graph_iri}>")  # the name of the now empty graph
        except OSError as exc:
            raise StoreError(f"removing {graph_iri} failed: {exc}") from exc

    def append_document(self, quads: list[Any]) -> int:
        """Add one batch of a streamed document's quads to its graph (and the index) with the bulk loader:
        several times faster than a transaction (``extend``), whose buffer also grows with the batch."""
        from pyoxigraph import DefaultGraph, NamedNode, RdfFormat

        graphs = {q.graph_name for q in quads}
        self._written([g.value for g in graphs] if all(isinstance(g, NamedNode) for g in graphs) else None)
        try:
            self._store.bulk_extend(quads)
            if self._indexed():  # as N-Triples text: 6x cheaper than a new Quad object per triple
                text = "\n".join(f"{q.triple} ." for q in quads)
                self._store.bulk_load(text.encode(), RdfFormat.N_TRIPLES, to_graph=DefaultGraph())
        except OSError as exc:
            raise StoreError(f"writing a document failed: {exc}") from exc
        return len(quads)

    def retract_quads(self, quads: list[Any]) -> None:
        """Remove these quads of a document (and their triples from the index where no other graph states them)."""
        from pyoxigraph import DefaultGraph, Quad

        self._written()
        indexed = self._indexed()
        for q in quads:
            self._store.remove(q)
            if indexed and not any(
                not isinstance(g.graph_name, DefaultGraph)
                for g in self._store.quads_for_pattern(q.subject, q.predicate, q.object)
            ):
                self._store.remove(Quad(q.subject, q.predicate, q.object, DefaultGraph()))

    def remove_document(self, name_or_iri: str) -> list[str]:
        """Retract the graphs of documents whose file name or IRI is given; returns the removed IRIs.

        A document named by its path ("zhytomyr/report.txt") is also found by its base name when no
        other document has that base name.
        """

        docs = self.documents()
        removed = [d["iri"] for d in docs if name_or_iri in (d["iri"], d["file_name"])]
        if not removed and "/" not in name_or_iri:
            by_base = [d["iri"] for d in docs if d["file_name"].rsplit("/", 1)[-1] == name_or_iri]
            removed = by_base if len(by_base) == 1 else []
        self.remove_documents(removed)
        return removed

    def remove_documents(self, graph_iris: list[str]) -> None:
        """Retract these document graphs (IRIs) and their share of the index; the derived keys they reach
        are found once for all of them first."""
        from pyoxigraph import NamedNode

        removed = [g for g in graph_iris if self._larger_than(g, 0)]
        if removed:
            self._before_removing(removed)
            self._written([])
        for graph in removed:
            if self._larger_than(graph, CLEAR_CHUNK):  # one transaction would hold every deletion in memory
                self.clear_document(graph)
            elif self._indexed():
                self._store.update(f"{self._retract_from_index(graph)} ;\nDROP SILENT GRAPH <{graph}>")
            else:
                self._store.remove_graph(NamedNode(graph))

    def _larger_than(self, graph_iri: str, n: int) -> bool:
        """True when the graph holds more than ``n`` quads (counts no further)."""
        from itertools import islice

        from pyoxigraph import NamedNode

        return sum(1 for _ in islice(self._store.quads_for_pattern(None, None, None, NamedNode(graph_iri)), n + 1)) > n

    def bulk_load_nquads(self, path: str | os.PathLike[str]) -> None:
        """Load an N-Quads file with Oxigraph's bulk loader (not transactional; for benchmarks and imports).

        When the default graph is the index, each line is written again without its graph name into a
        temporary copy of the file, and the copy is bulk-loaded once: the loader fills the index as it goes
        (a store is a set), as the bulk build does (graphtool.bulk), instead of recomputing it afterwards
        (bench/RESULTS.md, issue 12). A file with a line this does not follow (a comment after the final
        dot) gets the index recomputed afterwards instead.
        """
        import tempfile

        from pyoxigraph import RdfFormat

        indexed = self._indexed()  # asked before loading: an empty store is indexed, a loaded one is not yet
        self._written()
        self._bulk_loaded = True
        if not indexed:
            self._store.bulk_load(path=str(path), format=RdfFormat.N_QUADS)
            return
        fd, name = tempfile.mkstemp(prefix="graphtool-load-", suffix=".nq", dir=self.path)
        try:
            with os.fdopen(fd, "wb") as out, open(path, "rb") as lines:
                batch: list[bytes] = []
                followed = True
                for line in lines:
                    triple = _without_graph(line)
                    followed = followed and triple is not None
                    if triple != b"":  # a line in the default graph is left out, as a rebuild leaves it out
                        batch.append(line if line.endswith(b"\n") else line + b"\n")
                    if triple:
                        batch.append(triple)
                    if len(batch) >= 200_000:
                        out.write(b"".join(batch))
                        batch.clear()
                out.write(b"".join(batch))
            self._store.bulk_load(path=name, format=RdfFormat.N_QUADS)
        finally:
            os.unlink(name)
        if not followed:
            self.rebuild_index()

    def rebuild_index(self) -> None:
        """Recompute the default graph as the deduplicated union of the document graphs.

        The union is written by Oxigraph itself: a ``CONSTRUCT`` over the named graphs serialised as
        N-Triples to a temporary file, which the bulk loader reads into the default graph (a store is a
        set: a triple stated by many documents is kept once). No Python object per triple: at 1M triples
        on disk 12 s of CPU against 21 s for the ``Quad``-per-triple copy (bench/RESULTS.md, issue 12),
        and memory stays bounded (one ``INSERT … WHERE`` transaction held over 11 GB at 10M quads).
        The bulk loader gives blank nodes new identities, so a store holding any (the loaders write none)
        is copied triple by triple instead. Not atomic, like the bulk load it follows.
        """
        import tempfile

        from pyoxigraph import DefaultGraph, RdfFormat

        self._written()
        self._bulk_loaded = True
        self._derived_rewrite = True  # the derived triples leave the index with the rest: written again whole
        self._store.clear_graph(DefaultGraph())
        fd, name = tempfile.mkstemp(prefix="graphtool-index-", suffix=".nt", dir=self.path)
        os.close(fd)
        try:
            self._store.query(_UNION_TRIPLES).serialize(name, RdfFormat.N_TRIPLES)
            if _has_blank_nodes(name):
                self._rebuild_index_by_quads()
            else:
                self._store.bulk_load(path=name, format=RdfFormat.N_TRIPLES, to_graph=DefaultGraph())
        finally:
            os.unlink(name)
        self._index = True

    def _rebuild_index_by_quads(self) -> None:
        """The default graph filled from a ``Quad`` per triple of the document graphs (keeps blank nodes)."""
        from pyoxigraph import DefaultGraph, NamedNode, Quad

        skip = {NamedNode(g) for g in NOT_DOCUMENTS}
        self._store.bulk_extend(
            Quad(q.subject, q.predicate, q.object, DefaultGraph())
            for q in self._store.quads_for_pattern(None, None, None, None)
            if not isinstance(q.graph_name, DefaultGraph) and q.graph_name not in skip
        )

    def load_ontology(self) -> int:
        """Put the ontology (classes and properties with uk/en labels) in its own named graph, replacing it.

        The graph ``https://w3id.org/graphtool/ontology`` stays out of the default graph (the union of the
        documents), of ``documents()``, ``len()`` and exports: query it with ``GRAPH`` or ``FROM``. Returns
        the number of triples.
        """
        from pyoxigraph import RdfFormat, parse

        import ontology

        triples = [f"{t.subject} {t.predicate} {t.object} ." for t in parse(
            path=str(ontology.HERE / "graphtool.ttl"), format=RdfFormat.TURTLE)]  # fmt: skip
        body = "\n".join(triples)
        if not self._indexed():
            self._unstamp()  # a store read as the union of its graphs reads this one too
        try:
            self._store.update(
                f"DROP SILENT GRAPH <{ONTOLOGY_GRAPH}> ;\nINSERT DATA {{ GRAPH <{ONTOLOGY_GRAPH}> {{\n{body}\n}} }}"
            )
        except OSError as exc:
            raise StoreError(f"writing the ontology graph failed: {exc}") from exc
        return len(triples)

    def flush(self) -> None:
        """Compute the derived graph again if documents were written (or it is missing), then persist; after a
        bulk load, compact the files it wrote (:meth:`_compact`); then write the library's answers
        (:meth:`write_answers`) unless those written before still hold, or the change was small and they are
        dear (then they are left unread until a flush that writes them)."""
        if not self.read_only:
            if self._derived_stale or not self._has_derived():
                self.refresh_derived()
        if self.path is not None:
            self._store.flush()
            if self._bulk_loaded and not self.read_only:
                self._compact()
            if not self.read_only:
                self.write_answers()

    def _compact(self) -> None:
        """Compact the store's files once a bulk load (:meth:`bulk_load_nquads`, :meth:`rebuild_index`) is over.

        The bulk loader adds its sorted files beside the store's, and a store opened read-only (the reports,
        the server) never compacts them: every lookup of a question reads several files. Compacted at the
        end of the load, the library's large answers took up to a quarter less CPU at 1M triples, for about
        3 s more at the end of that load (bench/RESULTS.md, issue 12). Document-by-document writes are left
        to RocksDB's own compaction. A failure (a full disk: compaction writes the new files before it
        removes the old) leaves the store whole and readable, and the next flush tries again.
        """
        try:
            self._store.optimize()
        except OSError:
            return
        self._bulk_loaded = False

    # ------------------------------------------------------ library answers written at build time

    def _answers_stamp(self) -> str | None:
        """The token of the written library answers the store holds (graphtool.answers), or None."""
        quad = next(iter(self._store.quads_for_pattern(*_stamp_pattern())), None)
        return None if quad is None else quad.object.value

    def _unstamp(self) -> None:
        """Take the answers' token out of the store, in a transaction of its own, before a write: from then on
        no written answer is read (graphtool.answers), and a process killed after its writes leaves none valid.
        Costs nothing once done (until :meth:`write_answers` puts a new token in)."""
        self._changed_since_answers = True
        if self._stamp is None:
            return
        from pyoxigraph import Literal, Quad

        with self._stamp_lock:
            if self._stamp is None:
                return
            subject, predicate, _object, graph = _stamp_pattern()
            try:
                self._store.remove(Quad(subject, predicate, Literal(self._stamp), graph))
            except OSError as exc:
                raise StoreError(f"writing to the store at {self.path} failed: {exc}") from exc
            self._stamp = None

    def write_answers(self, *, force: bool = False) -> bool:
        """Run the library's large parameterless questions (``graphtool.answers.QUESTIONS``) and write their
        answers beside the store, with a new token in the store; skipped (False) when the answers written
        before still hold: the store kept its token (nothing was written since) and a file exists for each
        question's current text. Called by :meth:`flush`. A question that fails, or files that cannot be
        written (a full disk), leave no token: the library runs the questions (and reports a failing one's
        error itself), and the next flush tries again; the build does not fail for them.

        After a small change they are not written again when they are dear (``answers.CHEAP_SECONDS`` of
        CPU or more when last written: 2.4 s at a million triples, for a flush of 0.04 s): the token is out,
        so the library runs the questions' text until a flush writes them. A flush writes them when this
        object wrote nothing since it opened the store (a ``graphtool build`` with nothing changed), when
        the derived counts were computed whole since (a bulk load, an index rebuild, a change past
        ``DERIVED_KEYED_SHARE`` of the documents, a store never counted or left by a killed process), when
        they are cheap or their cost is not known, or with ``force``."""
        from pyoxigraph import Literal, Quad

        from graphtool import answers
        from graphtool.names import INDEX_LAYOUT, NameIndex

        if self.path is None or self.read_only or not self._indexed():
            return False  # a store read as the union of its graphs would read the token too: not written
        texts = answers.questions()
        keyed = answers.keyed_questions()
        searched = answers.searched_questions()
        composed = answers.composed_questions()
        every = {
            **texts,
            **{file: text for file, (_name, text, _param) in keyed.items()},
            **{file: spec[1] for file, spec in (*searched.items(), *composed.items())},
            answers.NAMES: INDEX_LAYOUT,
        }
        if not force and self._stamp is not None and answers.complete(self.path, every):
            return False
        if not force and self._changed_since_answers and not self._answers_due:
            last = answers.cost(self.path)
            if last is not None and last >= answers.CHEAP_SECONDS:
                self._unstamp()  # a small change to a large store: left unwritten (the query text answers)
                self.answers_left_out = True
                return False
        self._unstamp()
        memory, self._memory = getattr(self, "_memory", None), None  # the disk's answer (GROUP_CONCAT's order)
        started = time.process_time()
        try:
            writer = answers.Writer(self.path)
        except OSError:
            return False
        # each answer goes to its file as soon as it is known (one held at a time, not all of them: 6 GB at
        # 10M triples); a free answer is kept while a keyed file still needs it, a question's parts while
        # one of its files does
        uses = Counter(name for name, _text, _param in keyed.values() if name in texts)
        part_uses = Counter(name for name, _text, _part, _column in composed.values())
        try:
            free: dict[str, Table] = {}
            for name, text in texts.items():
                table = self.select(text)
                writer.add(name, (text, _concatenated_sorted(table, text)))
                if uses[name]:
                    free[name] = table
                del table
            for file, (name, text, param) in keyed.items():
                if name in texts:
                    table, asked = free[name], None
                    uses[name] -= 1
                    if not uses[name]:
                        del free[name]
                else:
                    table, asked = self._free_answer(name, text, param)
                writer.add(file, (text, _concatenated_sorted(table, text), answers.KEY_COLUMN.get(name, param), asked))
                del table
            for file, (_name, text, param, _column) in searched.items():
                table = self.select(text, {param: ""})  # every name contains ""
                writer.add(file, (text, _concatenated_sorted(table, text)))
                del table
            parts: dict[str, dict[str, Table]] = {}
            for file, (name, text, part, column) in composed.items():
                if name not in parts:
                    parts[name] = answers.parts(name, self.select)
                writer.add(file, (text, _concatenated_sorted(parts[name][part], text), column, None))
                part_uses[name] -= 1
                if not part_uses[name]:
                    del parts[name]
            # the first lookup of a name in every reader, written once
            writer.add(answers.NAMES, (INDEX_LAYOUT, NameIndex.from_reader(self).dumps()))
        except (StoreError, OSError):
            writer.abandon()
            return False
        except BaseException:
            writer.abandon()
            raise
        finally:
            self._memory = memory
        try:
            token = writer.finish(time.process_time() - started)
        except OSError:
            writer.abandon()
            return False
        subject, predicate, _object, graph = _stamp_pattern()
        with self._stamp_lock:
            try:
                self._store.add(Quad(subject, predicate, Literal(token), graph))
            except OSError as exc:
                raise StoreError(f"writing to the store at {self.path} failed: {exc}") from exc
            self._stamp = token
        self._changed_since_answers = self._answers_due = self.answers_left_out = False
        return True

    def _free_answer(self, name: str, text: str, param: str) -> tuple[Table, list[Any] | None]:
        """A question's answer for every value of its parameter ``param``, the parameter's column kept, and the
        values it was asked for: the text run with the parameter free (None: every value), or bound to the
        entities of its type, a few at a time (``graphtool.answers.BY_VALUES``): the rows of a value are the same
        in any batch, and kept apart by value (``encode_keyed``) in the order of its batch's sorted rows: the query's."""
        from graphtool import answers

        kind = answers.BY_VALUES.get(name)
        if kind is None:
            return self.select(text), None
        keys = [row[0] for row in self.select(f"SELECT DISTINCT ?k WHERE {{ ?k a gt:{kind} }}").rows]
        batches = [keys[i : i + answers.VALUES_BATCH] for i in range(0, len(keys), answers.VALUES_BATCH)]
        tables = [self.select(bind_values(text, {param: batch})) for batch in batches or [[]]]
        return Table(tables[0].variables, [row for table in tables for row in table.rows]), keys

    def keyed_answer(self, name: str, text: str, bindings: dict[str, Any]) -> Table | None:
        """The answer of the library question ``name`` (its text ``text``) with its parameter bound, as written at
        build time keyed by that parameter (``graphtool.answers.KEYED``), its column kept; None when no such
        answer holds (as :meth:`written_answer`), or another parameter is bound too. Read by
        ``graphtool.library.run_query`` only."""
        from rdflib import Literal

        from graphtool import answers

        param = answers.KEYED.get(name) or answers.COMPOSED.get(name) or answers.SEARCHED.get(name, (None,))[0]
        if self.path is None or param is None or set(bindings) != {param}:
            return None
        token = self.retrying(self._answers_stamp)
        if token is None:
            return None
        value = bindings[param]
        if name in answers.SEARCHED:  # the answer for every text, its rows that hold this one
            if not isinstance(value, Literal) or value.language or value.datatype is not None:
                return None
            found = answers.read(self.path, f"{name}@{param}", text, token)
            if found is None:
                return None
            column = answers.SEARCHED[name][1]
            return _answer_table(
                *answers.searched(found, column, str(value), (param, (answers.STRING, str(value), None)))
            )
        if name in answers.COMPOSED:  # combined from parts, each keyed by a value
            path, whole = self.path, answers.composed_text(name, text)

            def part(part: str, values: list[str]) -> dict[str, Any] | None:
                return answers.read_keyed_many(path, f"{name}@{param}~{part}", whole, token, values)

            found = answers.compose(name, text, value.n3(), part)
            return None if found is None else answers.in_order(text, _answer_table(*found))
        found = answers.read_keyed(self.path, f"{name}@{param}", text, token, value.n3())
        return None if found is None else _answer_table(*found)

    def written_names(self) -> bytes | None:
        """The name lookup's index as written at build time for the store as this object reads it
        (``graphtool.names.NameIndex.dumps``), or None: not written, or the store changed since (the answers'
        token, graphtool.answers). Read by ``graphtool.names.name_index`` only."""
        from graphtool import answers
        from graphtool.names import INDEX_LAYOUT

        if self.path is None:
            return None
        token = self.retrying(self._answers_stamp)
        return None if token is None else answers.read_names(self.path, INDEX_LAYOUT, token)

    def written_answer(self, name: str, text: str) -> Table | None:
        """The answer of the library question ``name`` (its text ``text``) with no parameter, as written at
        build time for the store as this object reads it, or None: no answer written, the store changed
        since, or another text (graphtool.answers). Read by ``graphtool.library.run_query`` only."""
        from graphtool import answers

        if self.path is None:
            return None
        token = self.retrying(self._answers_stamp)
        if token is None:
            return None
        found = answers.read(self.path, name, text, token)
        return None if found is None else _answer_table(*found)

    # ------------------------------------------------------------------ reading

    def raw_query(self, query: str, bindings: dict[str, Any] | None = None):
        """Run a SPARQL query over the union of document graphs; returns pyoxigraph's result object.

        ``bindings`` maps variable names to rdflib terms or plain values; they are bound as RDF terms,
        never pasted into the query text as user text: as ``VALUES`` rows written in N-Triples
        (:func:`graphtool.terms.bind_values`, the same binding a remote endpoint gets), which lets
        Oxigraph plan the query from the bound value; pyoxigraph's ``substitutions`` bind the same
        answers but plan as if the variable were free (10-30x slower on the library queries,
        bench/RESULTS.md). Blank nodes, which ``VALUES`` cannot carry, are substituted.
        """
        from pyoxigraph import BlankNode, Variable
        from rdflib import BNode

        from graphtool.sparql_check import QueryRejected, check_complexity, explain_syntax_error

        try:
            subs = {Variable(k): to_oxigraph(v) for k, v in (bindings or {}).items()}
        except (ValueError, TypeError) as exc:  # a name that is no SPARQL variable, a value that is no term
            raise StoreError(f"cannot bind {', '.join(map(repr, bindings or {}))}: {exc}") from exc
        if subs and not any(isinstance(v, BNode | BlankNode) for v in bindings.values()):
            try:
                query, subs = bind_values(query, bindings), {}
            except BindingError as exc:
                raise StoreError(str(exc)) from exc
        try:
            check_complexity(query)  # the engine would crash the process (stack overflow) on a deeper query
        except QueryRejected as exc:
            raise StoreError(str(exc)) from exc
        if getattr(self, "_derived_stale", False) and not self.read_only:
            self.refresh_derived()  # documents written through this object since: count them first
        engine, union = self.engine_for(query)
        try:
            return engine.query(query, use_default_graph_as_union=union, substitutions=subs or None, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise StoreError(explain_syntax_error(query, str(exc), PREFIXES)) from exc

    def select(self, query: str, bindings: dict[str, Any] | None = None) -> Table:
        """Run a SELECT query and return its rows as rdflib terms.

        A final ``ORDER BY`` of variables is done in Python when it can be done the engine's way
        (:mod:`graphtool.ordering`: the on-disk engine reads both strings of every comparison from disk,
        half the time of a large answer at 1M triples); otherwise the engine sorts.
        """
        from graphtool.ordering import sort_rows, split_order

        split = split_order(query)
        if split is not None:
            table = self.retrying(lambda: solutions_table(self.raw_query(split[0], bindings), StoreError))
            rows = sort_rows(table.variables, table.rows, split[1])
            if rows is not None:
                return Table(table.variables, rows)
        return self.retrying(lambda: solutions_table(self.raw_query(query, bindings), StoreError))

    def documents(self) -> list[dict[str, str]]:
        """The documents in the store with their file name, hash, loader and load time."""
        return list_documents(self)

    def quads(self) -> Iterator[Any]:
        """Every quad of the document graphs (pyoxigraph ``Quad`` objects); the derived index, the derived
        counts and the ontology graph are left out."""
        from pyoxigraph import DefaultGraph, NamedNode

        skip = {NamedNode(g) for g in NOT_DOCUMENTS}
        return (q for q in self._store if not isinstance(q.graph_name, DefaultGraph) and q.graph_name not in skip)

    def __len__(self) -> int:
        """Quads in the document graphs."""
        from pyoxigraph import DefaultGraph, NamedNode

        index = sum(1 for _ in self._store.quads_for_pattern(None, None, None, DefaultGraph()))
        others = sum(1 for g in NOT_DOCUMENTS for _ in self._store.quads_for_pattern(None, None, None, NamedNode(g)))
        return len(self._store) - index - others

    def _has_derived(self) -> bool:
        from pyoxigraph import NamedNode

        return next(iter(self._store.quads_for_pattern(None, None, None, NamedNode(DERIVED_GRAPH))), None) is not None

    def _stated_by_a_document(self, triple: Any) -> bool:
        from pyoxigraph import DefaultGraph, NamedNode

        skip = {NamedNode(g) for g in NOT_DOCUMENTS}
        return any(
            not isinstance(q.graph_name, DefaultGraph) and q.graph_name not in skip
            for q in self._store.quads_for_pattern(triple.subject, triple.predicate, triple.object)
        )

    def dump(self, output, fmt: str) -> None:
        """Serialise the whole store: ``nquads``, ``trig`` and ``jsonld`` keep the document graphs;
        ``turtle``, ``ntriples`` and ``rdfxml`` write their union."""
        from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store

        formats = {"nquads": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG, "jsonld": RdfFormat.JSON_LD}
        if fmt in formats:
            source = self._store
            if self._indexed() or self._has_derived() or self._answers_stamp() is not None:  # the documents only
                source = Store()
                source.extend(self.quads())
            source.dump(output, formats[fmt], prefixes=PREFIXES if fmt != "nquads" else None)
            return
        union_formats = {"turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES, "rdfxml": RdfFormat.RDF_XML}
        if fmt in union_formats:
            union = self._store
            if not self._indexed():
                union = Store()
                union.extend(Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in self.quads())
            elif self._has_derived():
                union = Store()  # the index without the derived counts, which only that graph states
                derived = {q.triple for q in self._store.quads_for_pattern(None, None, None, NamedNode(DERIVED_GRAPH))}
                union.bulk_extend(
                    q
                    for q in self._store.quads_for_pattern(None, None, None, DefaultGraph())
                    if q.triple not in derived or self._stated_by_a_document(q.triple)
                )
            prefixes = None if fmt == "ntriples" else PREFIXES
            union.dump(output, union_formats[fmt], from_graph=DefaultGraph(), prefixes=prefixes)
            return
        raise StoreError(f"unknown export format {fmt!r}")
