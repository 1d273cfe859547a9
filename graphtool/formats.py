"""Render query result tables as text: an aligned table, CSV, TSV, JSON or Markdown; graph results
(CONSTRUCT, DESCRIBE) also as Turtle, N-Triples or JSON-LD.

Nothing is cut: the aligned table wraps a long cell onto continuation lines and prints an IRI whole.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from graphtool.store import Table

TABLE_FORMATS = ("table", "csv", "tsv", "json", "md")
GRAPH_FORMATS = ("turtle", "nt", "jsonld")  # for CONSTRUCT / DESCRIBE results (subject, predicate, object rows)
CELL_WIDTH = 80


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_safe(value: str) -> str:
    """Text a spreadsheet opening a CSV, TSV or XLSX file will show as text, never run as a formula.

    A cell starting with ``= + - @``, a tab or a carriage return (``=HYPERLINK(…)``, ``+cmd|…``)
    gets a leading apostrophe (the OWASP rule); a plain number such as ``-12.5`` stays as it is.

    >>> spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe("-12.5"), spreadsheet_safe("Київ")
    ("'=HYPERLINK(1)", '-12.5', 'Київ')
    """
    if value[:1] in _FORMULA_START and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def cell(term: Any) -> str:
    """Plain text of a result cell (IRI, literal value, or empty)."""
    return "" if term is None else str(term)


def sparql_json(table: Table) -> dict[str, Any]:
    """The W3C SPARQL 1.1 Query Results JSON form of a table."""
    from rdflib import BNode, Literal, URIRef

    bindings = []
    for row in table.rows:
        b = {}
        for var, term in zip(table.variables, row, strict=True):
            if term is None:
                continue
            if isinstance(term, URIRef):
                b[var] = {"type": "uri", "value": str(term)}
            elif isinstance(term, BNode):
                b[var] = {"type": "bnode", "value": str(term)}
            elif isinstance(term, Literal):
                v: dict[str, str] = {"type": "literal", "value": str(term)}
                if term.language:
                    v["xml:lang"] = term.language
                elif term.datatype:
                    v["datatype"] = str(term.datatype)
                b[var] = v
        bindings.append(b)
    return {"head": {"vars": table.variables}, "results": {"bindings": bindings}}


def is_graph(table: Table) -> bool:
    """True for the rows of a CONSTRUCT or DESCRIBE result (see ``graphtool.query.run_sparql``)."""
    return table.variables == ["subject", "predicate", "object"]


def is_boolean(table: Table) -> bool:
    """True for the one-cell table of an ASK result."""
    return table.variables == ["boolean"] and len(table.rows) == 1


def render_graph(table: Table, fmt: str) -> str:
    """Text of a CONSTRUCT/DESCRIBE result (subject, predicate, object rows) in one of :data:`GRAPH_FORMATS`."""
    from rdflib import Graph

    from graphtool.store import PREFIXES

    if not is_graph(table):
        raise ValueError(f"--format {fmt} is for CONSTRUCT and DESCRIBE queries; a table is csv, tsv, json, md")
    graph = Graph()
    for name, iri in PREFIXES.items():
        graph.bind(name, iri)
    for s, p, o in table.rows:
        graph.add((s, p, o))
    rdflib_format = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt]
    text = graph.serialize(format=rdflib_format)
    return text if text.endswith("\n") else text + "\n"


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken after a space where one is near; lossless."""
    lines = []
    while len(text) > width:
        cut = text.rfind(" ", width // 2, width) + 1 or width
        lines.append(text[:cut])
        text = text[cut:]
    return [*lines, text]


def render(table: Table, fmt: str) -> str:
    """Text of a result table in one of :data:`TABLE_FORMATS` (or :data:`GRAPH_FORMATS` for graph results)."""
    if fmt in GRAPH_FORMATS:
        return render_graph(table, fmt)
    if fmt == "json":
        if is_boolean(table):  # ASK: the SPARQL 1.1 results form
            data: dict[str, Any] = {"head": {}, "boolean": str(table.rows[0][0]).lower() == "true"}
            return json.dumps(data) + "\n"
        return json.dumps(sparql_json(table), ensure_ascii=False, indent=1) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow([spreadsheet_safe(v) for v in table.variables])
        for row in table.rows:
            cells = (cell(t) for t in row)
            if fmt == "tsv":
                cells = (c.replace("\t", " ").replace("\n", " ") for c in cells)
            writer.writerow([spreadsheet_safe(c) for c in cells])
        return buf.getvalue()
    rows = [[cell(t).replace("\n", " ") for t in row] for row in table.rows]
    if fmt == "md":
        esc = [[c.replace("|", "\\|") for c in row] for row in rows]
        lines = ["| " + " | ".join(table.variables) + " |", "|" + "---|" * len(table.variables)]
        lines += ["| " + " | ".join(row) + " |" for row in esc]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        from rdflib import URIRef

        # an IRI is printed whole (a cut one names nothing); other long cells wrap at CELL_WIDTH
        iri = [[isinstance(t, URIRef) for t in row] for row in table.rows]
        widths = [len(v) for v in table.variables]
        for row, kinds in zip(rows, iri, strict=True):
            widths = [
                max(w, len(c) if k else min(len(c), CELL_WIDTH)) for w, c, k in zip(widths, row, kinds, strict=True)
            ]

        def line(values: list[str]) -> str:
            return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

        out = [line(table.variables), line(["-" * w for w in widths])]
        for row, kinds in zip(rows, iri, strict=True):
            pieces = [[c] if k else _wrap(c, w) for c, k, w in zip(row, kinds, widths, strict=True)]
            for n in range(max(len(p) for p in pieces) if pieces else 1):
                out.append(line([p[n] if n < len(p) else "" for p in pieces]))
        out.append(f"({len(rows)} rows)")
        return "\n".join(out) + "\n"
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(TABLE_FORMATS)}")
