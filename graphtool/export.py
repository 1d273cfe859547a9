"""Exports of the whole store: the JSONL contract of ``../shared/eval/README.md`` and RDF formats.

JSONL: one entity per IRI (merged over all document graphs) and one relation per
(subject, predicate, object), each relation listing every sentence that states it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import IO, Any

from graphtool.store import GraphStore
from graphtool.vocab import GT as _GT_NS
from graphtool.vocab import IDENTIFIER_PROPERTIES, RELATION_PROPERTIES
from loaders.base import ENTITY_TYPES

GT = str(_GT_NS)
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"

RELATIONS = tuple(RELATION_PROPERTIES)
IDENTIFIERS = {str(term)[len(GT) :]: key for key, term in IDENTIFIER_PROPERTIES.items()}  # gt: local name -> key
RDF_FORMATS = ("nquads", "trig", "turtle", "jsonld")


def _value(term: Any) -> str:
    return term.value


def _named(quads):
    """Quads of the document graphs only (the store's default graph is a derived index)."""
    from pyoxigraph import DefaultGraph

    return (q for q in quads if not isinstance(q.graph_name, DefaultGraph))


def _export_names(file_names: dict[str, str]) -> dict[str, str]:
    """Document names as the JSONL contract gives them: the base name unless two documents share it.

    A document named by its path ("zhytomyr/report.txt", see ``graphtool.build.document_names``)
    is exported as "report.txt" when no other document of the store has that base name.
    """
    bases: dict[str, int] = {}
    for name in set(file_names.values()):
        base = name.rsplit("/", 1)[-1]
        bases[base] = bases.get(base, 0) + 1
    return {
        doc: (name.rsplit("/", 1)[-1] if bases[name.rsplit("/", 1)[-1]] == 1 else name)
        for doc, name in file_names.items()
    }


def graph_records(store: GraphStore) -> Iterator[dict[str, Any]]:
    """Entity and relation records of the JSONL export, entities first, in a stable order."""
    from pyoxigraph import NamedNode

    ox = store.oxigraph
    file_names = _export_names(
        {
            _value(q.subject): _value(q.object)
            for q in _named(ox.quads_for_pattern(None, NamedNode(GT + "fileName"), None))
        }
    )

    types: dict[str, str] = {}
    for name in ENTITY_TYPES:
        for q in _named(ox.quads_for_pattern(None, NamedNode(RDF_TYPE), NamedNode(GT + name))):
            types.setdefault(_value(q.subject), name)

    labels: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for prop in ("prefLabel", "altLabel"):
        for q in _named(ox.quads_for_pattern(None, NamedNode(SKOS + prop), None)):
            s = _value(q.subject)
            if s in types:
                lang = q.object.language or ""
                labels[s][f"{prop}@{lang}"].append(q.object.value)

    identifiers: dict[str, dict[str, str]] = defaultdict(dict)
    for local, key in IDENTIFIERS.items():
        for q in _named(ox.quads_for_pattern(None, NamedNode(GT + local), None)):
            identifiers[_value(q.subject)].setdefault(key, q.object.value)

    sources: dict[str, set[str]] = defaultdict(set)
    for q in _named(ox.quads_for_pattern(None, NamedNode(GT + "mentionedIn"), None)):
        sources[_value(q.subject)].add(file_names.get(_value(q.object), _value(q.object)))

    for iri in sorted(types):
        names = labels.get(iri, {})
        uk = sorted(set(names.get("prefLabel@uk", [])))
        other = sorted(set(names.get("prefLabel@", [])))
        en = sorted(set(names.get("prefLabel@en", [])))
        label = (uk or other or en or [iri.rsplit("/", 1)[-1]])[0]
        everything = set(uk + other + en)
        for key, values in names.items():
            if key.startswith("altLabel"):
                everything.update(values)
        yield {
            "kind": "entity",
            "id": iri,
            "type": types[iri],
            "label": label,
            "names": sorted(everything - {label}),
            "identifiers": dict(sorted(identifiers.get(iri, {}).items())),
            "sources": sorted(sources.get(iri, ())),
        }

    evidence: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    ev_type = NamedNode(GT + "Evidence")
    for q in _named(ox.quads_for_pattern(None, NamedNode(RDF_TYPE), ev_type)):
        node = q.subject
        props = {}
        for p in ox.quads_for_pattern(node, None, None, q.graph_name):
            props[_value(p.predicate)] = p.object
        key = (_value(props[RDF + "subject"]), _value(props[RDF + "predicate"]), _value(props[RDF + "object"]))
        doc = _value(props["http://www.w3.org/ns/prov#wasDerivedFrom"])
        source = {"document": file_names.get(doc, doc), "evidence": props[GT + "sentence"].value}
        if GT + "startOffset" in props:
            source["start"] = int(props[GT + "startOffset"].value)
            source["end"] = int(props[GT + "endOffset"].value)
        else:  # an XML element: its path and line instead of character offsets
            source["path"] = props[GT + "xpath"].value
            source["line"] = int(props[GT + "line"].value)
        evidence[key].append(source)

    seen: set[tuple[str, str, str]] = set()
    rows = []
    for name in RELATIONS:
        for q in _named(ox.quads_for_pattern(None, NamedNode(GT + name), None)):
            key = (_value(q.subject), GT + name, _value(q.object))
            if key in seen:
                continue
            seen.add(key)
            srcs = sorted(
                evidence.get(key, []), key=lambda e: (e["document"], e.get("start", e.get("line", 0)), e.get("end", 0))
            )
            rows.append({"kind": "relation", "subject": key[0], "predicate": name, "object": key[2], "sources": srcs})
    rows.sort(key=lambda r: (r["predicate"], r["subject"], r["object"]))
    yield from rows


def write_jsonl(store: GraphStore, out: IO[str]) -> int:
    """Write the JSONL export; returns the number of records."""
    n = 0
    for record in graph_records(store):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n
