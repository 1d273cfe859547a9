"""The researchers' query library: the ``queries/*.rq`` files, their headers and parameter binding.

Each file holds one question. Its header, read by :func:`parse_query`::

    #+ summary: Donors active in a community, with their projects and the evidence for each link
    #+ summary_uk: Донори, що діють у громаді, ...
    #+ param: community (Community) = Житомир ; the community (its IRI or any of its names)
    #+ param: executor (Organization, optional) = Департамент економічної політики ; only this executor

A parameter's type is an entity type (``Community``, ``Donor``, ... or ``entity`` for any), whose
value is an IRI or a name found forgivingly by :mod:`graphtool.names` (for ``Community``, a city
that is the centre of its namesake hromada stands for the hromada: "Житомир" asks about the
Житомирська міська громада, whose scope includes the city); or ``string``, ``integer``, ``iri``,
``regex`` (a string that must be a valid SPARQL regular expression). Values are bound as RDF terms
through ``reader.select(query, bindings)``, never pasted into the query text. Oxigraph substitutes only variables the query projects, so every parameter variable
is in the SELECT list (and in that of any subquery using it); the column of a parameter that was
given is dropped from the result (its value is the caller's input). An optional parameter left out
stays a free variable, so it simply does not filter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphtool.reader import Reader
from graphtool.store import Table
from loaders.base import ENTITY_TYPES

SCALAR_TYPES = ("string", "integer", "iri", "regex")
ENTITY_PARAM_TYPES = (*ENTITY_TYPES, "entity")

_HEADER = re.compile(r"^#\+\s*(\w+)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*\(\s*(?P<type>\w+)\s*(?P<optional>,\s*optional)?\s*\)"
    r"\s*=\s*(?P<example>.*?)\s*;\s*(?P<description>.+)$"
)
_IRI_FORBIDDEN = re.compile(r'[\s<>"{}|\\^`]')


class LibraryError(Exception):
    """A query file is malformed, a query is unknown, or a parameter value does not fit."""


@dataclass(frozen=True)
class Param:
    """A query parameter as declared in the header."""

    name: str
    type: str
    example: str
    description: str
    optional: bool = False

    @property
    def is_entity(self) -> bool:
        return self.type in ENTITY_PARAM_TYPES


@dataclass(frozen=True)
class LibraryQuery:
    """One question of the library."""

    name: str
    summary: str
    summary_uk: str
    params: tuple[Param, ...]
    text: str
    path: Path | None = None


def parse_query(name: str, text: str, path: Path | None = None) -> LibraryQuery:
    """Read the ``#+`` header of a query file."""
    fields: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        m = _HEADER.match(line.strip())
        if not m:
            continue
        key, value = m.group(1), m.group(2)
        if key == "param":
            pm = _PARAM.match(value)
            if not pm:
                raise LibraryError(f"{name}: cannot read the parameter line {value!r}")
            ptype = pm.group("type")
            if ptype not in SCALAR_TYPES + ENTITY_PARAM_TYPES:
                raise LibraryError(f"{name}: unknown parameter type {ptype!r}")
            params.append(
                Param(pm.group("name"), ptype, pm.group("example"), pm.group("description"), bool(pm.group("optional")))
            )
        else:
            fields[key] = value
    if not fields.get("summary"):
        raise LibraryError(f"{name}: no '#+ summary:' line")
    for p in params:
        if not re.search(rf"SELECT[^{{]*\?{p.name}\b", text, re.S | re.I):
            raise LibraryError(f"{name}: parameter ?{p.name} is not in the SELECT list")
    return LibraryQuery(name, fields["summary"], fields.get("summary_uk", ""), tuple(params), text, path)


def query_files() -> list[Path]:
    """The ``.rq`` files shipped in the ``queries`` package."""
    from importlib import resources

    root = resources.files("queries")
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".rq"))


def load_queries() -> dict[str, LibraryQuery]:
    """Every query of the library by name (the file name without ``.rq``)."""
    return {p.stem: parse_query(p.stem, p.read_text(encoding="utf-8"), p) for p in query_files()}


def get_query(name: str) -> LibraryQuery:
    """One query by name; the error lists the known names."""
    queries = load_queries()
    key = name.removesuffix(".rq").replace("-", "_")
    if key not in queries:
        raise LibraryError(f"no query {name!r}; known: {', '.join(sorted(queries))}")
    return queries[key]


def bind_params(reader: Reader, query: LibraryQuery, values: dict[str, str]) -> dict[str, Any]:
    """RDF terms for the given parameter values (entity names resolved to IRIs)."""
    from rdflib import Literal, URIRef

    from graphtool import names

    known = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(known))
    if unknown:
        accepted = ", ".join(known) or "none"
        raise LibraryError(f"{query.name}: unknown parameter {', '.join(unknown)} (accepted: {accepted})")
    bindings: dict[str, Any] = {}
    for p in query.params:
        raw = values.get(p.name)
        if raw is None or raw == "":
            if not p.optional:
                raise LibraryError(
                    f"{query.name}: parameter {p.name!r} is required ({p.description}; e.g. {p.example})"
                )
            continue
        if p.type == "string":
            bindings[p.name] = Literal(raw)
        elif p.type == "integer":
            try:
                bindings[p.name] = Literal(int(raw))
            except ValueError as exc:
                raise LibraryError(f"{query.name}: {p.name} must be an integer, not {raw!r}") from exc
        elif p.type == "iri":
            bindings[p.name] = URIRef(_checked_iri(raw))
        elif p.type == "regex":
            bindings[p.name] = Literal(_checked_regex(query.name, p.name, raw))
        else:
            types = None if p.type == "entity" else [p.type]
            try:
                found = names.resolve(reader, raw, types, prefer_hromada=p.type == "Community")
                bindings[p.name] = URIRef(found.iri)
            except names.NameLookupError as exc:
                raise LibraryError(f"{query.name}: {p.name}: {exc}") from exc
    return bindings


def _checked_regex(query: str, name: str, raw: str) -> str:
    """A regular expression the SPARQL engine accepts: an invalid one would silently match nothing.

    Checked by Oxigraph itself (the engine of the embedded store), whose dialect differs from
    Python's (no look-behind, no back-references).
    """
    from pyoxigraph import Literal, Store, Variable

    rows = list(
        Store().query('SELECT ?re (REGEX("", ?re, "i") AS ?ok) WHERE {}', substitutions={Variable("re"): Literal(raw)})
    )
    if not rows or rows[0]["ok"] is None:
        raise LibraryError(f"{query}: {name}: {raw!r} is not a valid regular expression (SPARQL REGEX syntax)")
    return raw


def _checked_iri(raw: str) -> str:
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", raw) or _IRI_FORBIDDEN.search(raw):
        raise LibraryError(f"not an IRI: {raw!r}")
    return raw


def run_query(reader: Reader, name: str, values: dict[str, str] | None = None) -> Table:
    """Run a library query with parameter values given as text; bound parameters' columns are dropped."""
    from graphtool.ordering import sort_concatenated

    query = get_query(name)
    bindings = bind_params(reader, query, values or {})
    table = None
    if not bindings:  # a large parameterless answer may have been written at build time (graphtool.answers)
        written = getattr(reader, "written_answer", None)  # the embedded store only
        table = written(query.name, query.text) if written is not None else None
    else:  # or the rows of the bound value, of an answer written keyed by the parameter
        keyed = getattr(reader, "keyed_answer", None)
        table = keyed(query.name, query.text, bindings) if keyed is not None else None
    if table is None:
        table = reader.select(query.text, bindings)
        # the items of a GROUP_CONCAT in one order, however the engine met them (the written answers are so)
        table = Table(table.variables, sort_concatenated(table.variables, table.rows, query.text))
    if not bindings:
        return table  # every column kept (a copy of 11,000 rows cost 6 ms)
    keep = [i for i, v in enumerate(table.variables) if v not in bindings]
    return Table([table.variables[i] for i in keep], [[row[i] for i in keep] for row in table.rows])


def parse_param_args(args: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``("community=Житомир", "type=Donor")`` -> a dict; the value may contain any character, ``=`` too."""
    values: dict[str, str] = {}
    for arg in args:
        key, sep, value = arg.partition("=")
        if not sep or not key.strip():
            raise LibraryError(f"a parameter is KEY=VALUE, got {arg!r}")
        values[key.strip()] = value
    return values


def render_listing(queries: dict[str, LibraryQuery], *, as_json: bool = False) -> str:
    """The library as text (name, summary, parameters) or JSON."""
    import json

    if as_json:
        data = [
            {"name": q.name, "summary": q.summary, "summary_uk": q.summary_uk,
             "params": [{"name": p.name, "type": p.type, "optional": p.optional, "example": p.example,
                         "description": p.description} for p in q.params]}
            for q in queries.values()
        ]  # fmt: skip
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    out = []
    for q in queries.values():
        out.append(f"{q.name}\n    {q.summary}")
        if q.summary_uk:
            out.append(f"    {q.summary_uk}")
        for p in q.params:
            opt = ", optional" if p.optional else ""
            out.append(f"    --param {p.name}=…  ({p.type}{opt}; e.g. {p.example}): {p.description}")
    return "\n".join(out) + "\n"
