"""Render query result tables as text: an aligned table, CSV, TSV, JSON or Markdown."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from graphtool.store import Table

TABLE_FORMATS = ("table", "csv", "tsv", "json", "md")


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


def render(table: Table, fmt: str) -> str:
    """Text of a result table in one of :data:`TABLE_FORMATS`."""
    if fmt == "json":
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
        widths = [len(v) for v in table.variables]
        for row in rows:
            widths = [min(max(w, len(c)), 80) for w, c in zip(widths, row, strict=True)]

        def line(values: list[str]) -> str:
            return "  ".join(v[:80].ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

        out = [line(table.variables), line(["-" * w for w in widths])] + [line(r) for r in rows]
        out.append(f"({len(rows)} rows)")
        return "\n".join(out) + "\n"
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(TABLE_FORMATS)}")
