"""Values bound into SPARQL text as RDF terms: ``VALUES`` rows in N-Triples, never pasted user text.

Both readers of a store bind a question's variables the same way: the embedded store
(:mod:`graphtool.store`) and a remote endpoint (:mod:`graphtool.remote`) send the text
:func:`bind_values` writes, each value in its N-Triples form (:func:`term_n3`), never pasted as user
text. This module imports no other module of the project, so both can import it (before, the store
imported the remote module inside a function to reach :func:`bind_values`: an import cycle).
"""

from __future__ import annotations

import re
from typing import Any


class BindingError(ValueError):
    """A value that cannot be bound into a query (a blank node in ``VALUES``, an unsafe IRI, a bad name)."""


def to_oxigraph(term: Any) -> Any:
    """Convert an rdflib term (or a plain Python value) to a pyoxigraph term for substitutions."""
    from pyoxigraph import BlankNode, Literal, NamedNode
    from rdflib import BNode, URIRef
    from rdflib import Literal as RLiteral

    if isinstance(term, URIRef):
        return NamedNode(str(term))
    if isinstance(term, BNode):
        return BlankNode(str(term))
    if isinstance(term, RLiteral):
        if term.language:
            return Literal(str(term), language=term.language)
        if term.datatype:
            return Literal(str(term), datatype=NamedNode(str(term.datatype)))
        return Literal(str(term))
    if isinstance(term, bool):
        return Literal("true" if term else "false", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(term, int):
        return Literal(str(term), datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if isinstance(term, str):
        return Literal(term)
    raise TypeError(f"cannot bind {term!r} as an RDF term")


_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
  | (?P<word>[A-Za-z_\u00C0-\uFFFF][\w\-.:\u00B7\u00C0-\uFFFF]*|:[\w\-.]*)
  | (?P<open>\{)
  | (?P<close>\})
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_UNSAFE_IRI = re.compile(r'[<>"{}|^`\\\x00-\x20]')


def term_n3(value: Any) -> str:
    """The N-Triples form of a binding value (rdflib term, pyoxigraph term or plain value).

    Raises :class:`BindingError` for blank nodes (not allowed in ``VALUES``) and unsafe IRIs.
    """
    import pyoxigraph
    from rdflib import BNode, Literal, URIRef

    if isinstance(value, (URIRef, BNode, Literal, bool, int, str)):
        if isinstance(value, BNode):
            raise BindingError("a blank node cannot be bound in a remote query")
        if isinstance(value, URIRef) and _UNSAFE_IRI.search(str(value)):
            raise BindingError(f"not a valid IRI: {str(value)!r}")
        value = to_oxigraph(value)
    if isinstance(value, pyoxigraph.BlankNode):
        raise BindingError("a blank node cannot be bound in a remote query")
    if isinstance(value, pyoxigraph.NamedNode | pyoxigraph.Literal):
        return str(value)  # pyoxigraph writes N-Triples, escaping quotes, backslashes and newlines
    raise BindingError(f"cannot bind {value!r} as an RDF term")


def _many(value: Any) -> bool:
    """A binding to several values (one ``VALUES`` row each), not one term."""
    return isinstance(value, list | tuple)


def bind_values(query: str, bindings: dict[str, Any] | None) -> str:
    """Return ``query`` with each bound variable fixed by a ``VALUES`` row, as RDF terms.

    The ``VALUES`` block opens every group pattern where the variable is in scope (the ``WHERE``
    clause, nested groups, ``OPTIONAL``, ``UNION`` branches, ``MINUS``, ``EXISTS``, ``GRAPH``, and
    sub-queries that project the variable), which gives the same answers as the embedded store's
    substitution (pyoxigraph ``substitutions``, SEP-0007). Values are serialised with their
    N-Triples escaping, never pasted as user text.

    A value given as a list (or tuple) binds its variable to each of them: one ``VALUES`` row per value,
    in a block of its own, so one question asks about many entities at once (a report's cards).

    Example:
        >>> bind_values('SELECT ?x ?o WHERE { ?x ?p ?o }', {'o': 'x'})
        'SELECT ?x ?o WHERE { VALUES (?o) { ("x") } ?x ?p ?o }'
        >>> bind_values('SELECT ?x ?o WHERE { ?x ?p ?o }', {'o': ['x', 'y']})
        'SELECT ?x ?o WHERE { VALUES (?o) { ("x") ("y") } ?x ?p ?o }'
    """
    if not bindings:
        return query
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z0-9_\u00B7\u00C0-\uFFFF]+", name):
            raise BindingError(f"not a variable name: {name!r}")
    terms = {name: term_n3(value) for name, value in bindings.items() if not _many(value)}
    rows = {name: [term_n3(v) for v in value] for name, value in bindings.items() if _many(value)}
    tokens = [(m.lastgroup, m.group(), m.start(), m.end()) for m in _TOKEN.finditer(query)]
    significant = [t for t in tokens if t[0] not in ("ws", "comment")]

    inserts: list[tuple[int, str]] = []
    all_vars = frozenset(terms) | frozenset(rows)
    # a stack of frames, one per open brace: the bound variables in scope inside it
    stack: list[frozenset[str]] = []
    pending = "group"  # what the next '{' opens: group | template | data
    projection: set[str] | None = None  # collecting a sub-SELECT's projection
    projection_star = False
    next_scope: frozenset[str] | None = None  # scope for the group after a sub-SELECT

    # the variables named inside each group (to its matching close): a UNION branch that names none of the
    # bound variables gets no VALUES row, which would only be joined back on them by the enclosing group
    # (and misleads Oxigraph's planner: a VALUES row in each UNION branch made partner_cities_in_oblast's
    # core 6x slower, bench/RESULTS.md). Other groups keep theirs: in an OPTIONAL the row makes Oxigraph
    # read the optional part per answer row instead of over the whole store (communities_of_donor 1.5x).
    named: dict[int, set[str]] = {}
    branch: set[int] = set()  # groups that are a UNION branch
    opened: list[int] = []
    for i, (kind, text, _start, _end) in enumerate(significant):
        if kind == "open":
            opened.append(i)
            named[i] = set()
            if i and significant[i - 1][1].upper() == "UNION":
                branch.add(i)
        elif kind == "close" and opened:
            start = opened.pop()
            if i + 1 < len(significant) and significant[i + 1][1].upper() == "UNION":
                branch.add(start)
            if opened:
                named[opened[-1]] |= named[start]
        elif kind == "var" and opened:
            named[opened[-1]].add(text[1:])

    for i, (kind, text, _start, end) in enumerate(significant):
        upper = text.upper() if kind == "word" else ""
        current = stack[-1] if stack else all_vars
        if projection is not None:
            if kind == "var":
                projection.add(text[1:])
            elif text == "*":
                projection_star = True
            if kind == "open" or upper == "WHERE":
                next_scope = current if projection_star else current & frozenset(projection)
                projection = None
                if upper == "WHERE":
                    continue
            else:
                continue
        if upper == "SELECT":
            if stack:  # a sub-query: its projection decides what it sees
                projection, projection_star = set(), False
            continue
        if upper == "CONSTRUCT":
            pending = "template"
        elif upper == "WHERE":
            pending = "group"
        elif upper == "VALUES":
            pending = "data"
        elif kind == "open":
            if pending in ("template", "data"):
                stack.append(frozenset())
                pending = "group"
                continue
            body = next_scope is not None or not stack  # a (sub-)query's WHERE: its projection may name them
            scope = next_scope if next_scope is not None else current
            next_scope = None
            stack.append(scope)
            following = significant[i + 1] if i + 1 < len(significant) else None
            starts_subquery = following is not None and following[1].upper() == "SELECT"
            wanted = scope & named[i] if i in branch and not body else scope
            if wanted and not starts_subquery:
                names = sorted(n for n in wanted if n in terms)
                blocks = []
                if names:
                    row = " ".join(terms[n] for n in names)
                    blocks.append(f" VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}")
                for n in sorted(n for n in wanted if n in rows):
                    blocks.append(f" VALUES (?{n}) {{ {' '.join(f'({t})' for t in rows[n])} }}")
                inserts.append((end, "".join(blocks)))
        elif kind == "close":
            if stack:
                stack.pop()
    out, last = [], 0
    for pos, text in inserts:
        out.append(query[last:pos])
        out.append(text)
        last = pos
    out.append(query[last:])
    return "".join(out)
