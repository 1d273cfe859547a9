"""Run SPARQL: ad-hoc queries and the query library in ``queries/*.rq``."""

from __future__ import annotations

from typing import Any

from graphtool.store import GraphStore, StoreError, Table, solutions_table, to_rdflib


def run_sparql(store: GraphStore, query: str, bindings: dict[str, Any] | None = None) -> Table:
    """Run any SPARQL query; SELECT gives its rows, ASK one ``boolean`` cell, CONSTRUCT/DESCRIBE
    its triples as ``subject predicate object`` rows."""
    retrying = getattr(store, "retrying", None)  # an embedded store a build may be writing meanwhile
    if retrying is not None:
        return retrying(lambda: _run(store, query, bindings))
    return _run(store, query, bindings)


def _run(store: GraphStore, query: str, bindings: dict[str, Any] | None) -> Table:
    from pyoxigraph import QueryBoolean, QuerySolutions
    from rdflib import Literal

    result = store.raw_query(query, bindings)
    if isinstance(result, QuerySolutions):
        return solutions_table(result)
    if isinstance(result, QueryBoolean):
        return Table(["boolean"], [[Literal(bool(result))]])
    try:
        rows = [[to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)] for t in result]
    except TypeError as exc:
        raise StoreError(f"cannot show this result: {exc}") from exc
    return Table(["subject", "predicate", "object"], rows)
