"""The read path: one :class:`Reader` protocol and the questions the tools ask through it.

Three things read the graph: the embedded store (:class:`graphtool.store.GraphStore`), a remote SPARQL
endpoint (:class:`graphtool.remote.RemoteStore`) and the server's worker pool
(:class:`graphtool.serve.PoolReader`). Each implements ``select(query, bindings)``; reports, maps,
``analyze``, stats and the name lookup take any of them as a :class:`Reader` and ask their questions
with :func:`ask`, from the ``.rq`` files in ``queries/internal/`` (beside the researchers' library
in ``queries/``), so the same text runs unchanged on every store. Values are bound as RDF terms, never
pasted into the text. This module imports only :mod:`queries`, :mod:`graphtool.terms` (inside :func:`ask`)
and, for types, :mod:`graphtool.store`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import queries

if TYPE_CHECKING:
    from graphtool.store import Table

INTERNAL = Path(queries.HERE) / "internal"


@runtime_checkable
class Reader(Protocol):
    """Anything that answers a SPARQL SELECT over the union of the document graphs."""

    def select(self, query: str, bindings: Mapping[str, Any] | None = None) -> Table:
        """Rows of a SELECT as rdflib terms; ``bindings`` fix variables to RDF terms (never pasted as text)."""
        ...


@cache
def question(name: str) -> str:
    """The text of ``queries/internal/<name>.rq``."""
    path = INTERNAL / f"{name}.rq"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LookupError(f"{path}: no such question ({exc.strerror or exc})") from exc


def ask(reader: Reader, name: str, bindings: Mapping[str, Any] | None = None) -> Table:
    """Run the question ``name`` (a file of ``queries/internal/``) on any reader.

    A binding given as a list asks about each of its values in one question: the list becomes a
    ``VALUES`` block of RDF terms (:func:`graphtool.terms.bind_values`, the helper every reader binds
    with), so a report asks once about all the entities it reached, not once per entity.
    """
    text, single = question(name), dict(bindings or {})
    many = {k: list(v) for k, v in single.items() if isinstance(v, list | tuple)}
    if many:
        from graphtool.terms import bind_values

        text = bind_values(text, many)
        single = {k: v for k, v in single.items() if k not in many}
    return reader.select(text, single or None)
