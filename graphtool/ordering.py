"""A SELECT's final ``ORDER BY`` done in Python for the embedded store (issue 12).

Oxigraph's on-disk store sorts by reading both strings of every comparison from RocksDB: about 30 µs of CPU
per answer row at a million triples, half the engine time of the library's large questions
(``funding_chain`` 1.10 -> 0.47 s without its ``ORDER BY``, ``single_document_entities`` 1.04 -> 0.54,
``documents_overview`` 0.28 -> 0.14; bench/RESULTS.md). Sorting the converted rows in Python costs
15-60 ms there. So :meth:`graphtool.store.GraphStore.select` runs the query without its last ``ORDER BY``
when :func:`split_order` finds one of variables, and sorts the rows with :func:`sort_rows` in the order
Oxigraph gives: unbound first, then IRIs by their text, then literals (numbers by value; strings by code
point and, for the same text, language-tagged before plain, tags in order), ``DESC`` reversing all of it.
Rows equal on every key, which the engine leaves in an order of its own, come in the order of their other
columns (:func:`_any_key`), the same on any store. A column it cannot order the same way (blank nodes,
numbers beside strings, dates and other typed literals) makes it give up, and the engine sorts. The query
files keep their ``ORDER BY``: a remote server sorts itself.

Imports nothing from graphtool.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from rdflib import BNode, Literal, URIRef

_KEY = r"(?:(?:ASC|DESC)\s*\(\s*\?\w+\s*\)|\?\w+)"
# the query's last clause: ORDER BY and keys that are variables (ASC/DESC allowed), nothing after them
_TAIL = re.compile(rf"\bORDER\s+BY\s+({_KEY}(?:\s+{_KEY})*)\s*$", re.I)
_ONE = re.compile(r"(?:(ASC|DESC)\s*\(\s*)?\?(\w+)", re.I)
_IRIS_AND_STRINGS = re.compile(r"""<[^<>\s]*>|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'""")  # a '#' in them is no comment

_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {
    _XSD + name
    for name in (
        "integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
        "nonPositiveInteger", "negativeInteger", "positiveInteger", "unsignedLong", "unsignedInt",
        "unsignedShort", "unsignedByte",
    )
}  # fmt: skip


def split_order(query: str) -> tuple[str, list[tuple[str, bool]]] | None:
    """``(query without its final ORDER BY, [(variable, descending), ...])``, or None when the query has no
    final ``ORDER BY`` of plain variables (an expression, a ``LIMIT``/``OFFSET`` after it, or a comment)."""
    m = _TAIL.search(query)
    if m is None:
        return None
    head = query[: m.start()]
    if "}" not in head or "#" in _IRIS_AND_STRINGS.sub("", head.rsplit("\n", 1)[-1]):
        return None  # not after a WHERE clause, or inside a comment
    keys = [(name, (how or "").upper() == "DESC") for how, name in _ONE.findall(m.group(1))]
    return head.rstrip() + "\n", keys


def sort_rows(variables: list[str], rows: list[list[Any]], keys: list[tuple[str, bool]]) -> list[list[Any]] | None:
    """``rows`` (rdflib terms, None for unbound) in the order of ``keys``, or None when a key is not a column
    or a column holds terms this module does not order as the engine does (see the module docstring)."""
    index = {v: i for i, v in enumerate(variables)}
    if any(name not in index for name, _ in keys):
        return None
    ranks = []  # per key: each distinct term's place in the column's order, negated for DESC
    for name, descending in keys:
        i = index[name]
        terms = _distinct(row[i] for row in rows)
        sort_key = _column_key(terms)
        if sort_key is None:
            return None
        ranks.append((i, _ranked(terms, sort_key, -1 if descending else 1)))
    decorated = sorted(((tuple(rank[id(row[i])] for i, rank in ranks), row) for row in rows), key=lambda p: p[0])
    out: list[list[Any]] = []
    start = 0
    for end in range(1, len(decorated) + 1):  # rows equal on every key: by the whole row (_any_key)
        if end == len(decorated) or decorated[end][0] != decorated[start][0]:
            tied = [row for _, row in decorated[start:end]]
            if len(tied) > 1:
                tied.sort(key=lambda row: [_any_key(term) for term in row])
            out.extend(tied)
            start = end
    return out


def _distinct(terms) -> list[Any]:
    """The distinct term objects (the rows share one object per term: graphtool.store.solutions_table)."""
    return list({id(t): t for t in terms}.values())


def _ranked(terms: list[Any], sort_key, sign: int) -> dict[int, int]:
    """Each term object's rank (by ``id``) in the order of ``sort_key``; equal keys, equal ranks."""
    ranks: dict[int, int] = {}
    rank, last = 0, object()
    for key, term in sorted(((sort_key(t), t) for t in terms), key=lambda pair: pair[0]):
        if key != last:
            rank, last = rank + 1, key
        ranks[id(term)] = sign * rank
    return ranks


def _column_key(values: list[Any]):
    """A key function ordering one column's terms as Oxigraph does, or None (see the module docstring)."""
    kinds = set()
    for v in values:
        if v is None or isinstance(v, URIRef):
            continue
        if isinstance(v, BNode) or not isinstance(v, Literal):
            return None
        if v.language or v.datatype is None or str(v.datatype) == _XSD + "string":
            kinds.add("text")
        elif str(v.datatype) in _NUMERIC:
            if _number(v) is None:
                return None
            kinds.add("number")
        else:
            return None
    if len(kinds) > 1:
        return None
    numeric = kinds == {"number"}

    def key(v: Any) -> tuple:
        if v is None:
            return (0,)
        if isinstance(v, URIRef):
            return (1, str(v))
        if numeric:
            return (2, _number(v))
        # the same text: language-tagged before plain, tags in their order (as Oxigraph 0.5 sorts them)
        return (2, str(v), 0, v.language.lower()) if v.language else (2, str(v), 1, "")

    return key


def _number(v: Any) -> Decimal | None:
    """A numeric literal's value (exact, so integers and decimals compare as Oxigraph compares them), or
    None for a value that is not a finite number (NaN, INF, an ill-typed literal)."""
    try:
        d = Decimal(str(v).strip())
    except ArithmeticError:
        return None
    return d if d.is_finite() else None


def _any_key(term: Any) -> tuple:
    """A total order of any terms, for rows equal on every ``ORDER BY`` key: SPARQL leaves those in any
    order and Oxigraph in that of its internal ids, which a store rebuilt from the same documents need not
    keep; here they come in the order of their columns, left to right, the same on any store."""
    if term is None:
        return (0, "")
    if isinstance(term, BNode):
        return (1, str(term))
    if isinstance(term, URIRef):
        return (2, str(term))
    if isinstance(term, Literal):
        return (3, str(term), term.language or "", str(term.datatype or ""))
    return (4, str(term))


# GROUP_CONCAT(...; separator="...") AS ?var (a separator with an escape is left alone)
_CONCAT = re.compile(
    r"""GROUP_CONCAT\s*\(\s*(?:DISTINCT\s+)?\?\w+\s*(?:;\s*SEPARATOR\s*=\s*(?:"([^"\\]*)"|'([^'\\]*)'))?\s*\)"""
    r"""\s*AS\s+\?(\w+)""",
    re.I,
)


def concatenated(query: str) -> dict[str, str]:
    """The columns a ``GROUP_CONCAT`` of the query makes, with their separators (a space when none is given)."""
    found = {}
    for double, single, name in _CONCAT.findall(query):
        found[name] = double or single or " "
    return found


def sort_concatenated(variables: list[str], rows: list[list[Any]], query: str) -> list[list[Any]]:
    """``rows`` with the items of each ``GROUP_CONCAT`` cell in code-point order.

    SPARQL leaves the order of a ``GROUP_CONCAT``'s items open, and Oxigraph lists them in the order its plan
    met them: the same question bound to one value, bound to many at once, or with the value free lists a
    community's projects in other orders (bench/RESULTS.md, answers keyed by their parameter). Sorted, the cell
    is the same however the question was asked, on any store. When a cell changed, the rows are sorted again by
    the query's ``ORDER BY`` (:func:`sort_rows`): rows equal on every key are ordered by their whole row, which
    must be the sorted one (two communities of one name, as many donors shared: their order followed the
    engine's order of the items).
    """
    made = concatenated(query)
    columns = [(variables.index(name), sep) for name, sep in made.items() if name in variables]
    if not columns or not rows:
        return rows
    done: dict[int, Any] = {}

    def sorted_cell(cell: Any, sep: str) -> Any:
        if not isinstance(cell, Literal):
            return cell
        known = done.get(id(cell))
        if known is None:
            parts = str(cell).split(sep)
            text = sep.join(sorted(parts))
            if len(parts) < 2 or text == str(cell):
                known = cell
            elif cell.language:
                known = Literal(text, lang=cell.language)
            else:
                known = Literal(text, datatype=cell.datatype)
            done[id(cell)] = known
        return known

    out = []
    changed = False
    for row in rows:
        row = list(row)
        for i, sep in columns:
            cell = row[i]
            row[i] = sorted_cell(cell, sep)
            changed = changed or row[i] is not cell
        out.append(row)
    split = split_order(query)
    if split is not None and changed:  # rows equal on every key are ordered by the whole row: by the sorted cells
        out = sort_rows(variables, out, split[1]) or out
    return out
