"""Turn one document's :class:`~loaders.base.Extraction` into the quads of its named graph.

Layout of a document graph (all in the graph named by the document IRI):

* the document: ``gt:Document``, file name, SHA-256, loader name and version, generation time;
* each entity: its class, ``skos:prefLabel`` (``@uk``, ``@en``), ``skos:altLabel``, identifiers,
  coordinates, and ``gt:mentionedIn`` the document when the text names it;
* each mention: a ``gt:Mention`` node with the sentence and its character offsets;
* each relation: the direct triple (``ex:giz gt:funds ex:project``) plus one ``gt:Evidence`` node
  per sentence (an ``rdf:Statement`` carrying sentence, offsets and ``prov:wasDerivedFrom``);
* the closures of the hierarchies the document states, written out for reading: ``gt:within`` from
  every node to every level above it along ``gt:locatedIn`` (project -> hromada -> raion -> oblast),
  ``gt:includedIn`` along ``gt:partOf`` (project -> program -> larger program; measure -> task ->
  goal -> plan). Queries join these instead of walking ``*`` paths over the whole store; they belong
  to the document, so reloading or removing it retracts them with the rest. A chain split over two
  documents is closed in neither (the loaders write the codifier hierarchy with every place).

Terms are pyoxigraph objects: building them is far cheaper than rdflib terms (MEASURED.md).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Quad

from graphtool import iri
from graphtool.vocab import ENTITY_CLASSES, GEO, GT, IDENTIFIER_PROPERTIES, PROV, RELATION_PROPERTIES
from loaders.base import VALUE_PROPERTIES, Entity, Evidence, Extraction

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDF_SUBJECT = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject")
RDF_PREDICATE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate")
RDF_OBJECT = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#object")
RDF_STATEMENT = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement")
SKOS_PREF = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
SKOS_ALT = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
SKOS_BROADER = NamedNode("http://www.w3.org/2004/02/skos/core#broader")
XSD_INT = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
XSD_DOUBLE = NamedNode("http://www.w3.org/2001/XMLSchema#double")
XSD_DATETIME = NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")

_N = {name: NamedNode(str(term)) for name, term in {**ENTITY_CLASSES, **RELATION_PROPERTIES}.items()}
_ID_PROPS = {key: NamedNode(str(term)) for key, term in IDENTIFIER_PROPERTIES.items()}
_G = {name: NamedNode(str(GT[name])) for name in (
    "Document", "Evidence", "Mention", "mentionedIn", "mentionOf", "sentence", "startOffset", "endOffset",
    "fileName", "sha256", "loader", "loaderVersion", "category", "within", "includedIn", "partnershipStatus",
)}  # fmt: skip
_PROV_DERIVED = NamedNode(str(PROV.wasDerivedFrom))
_DCTERMS_SOURCE = NamedNode("http://purl.org/dc/terms/source")
_XSD_ANYURI = NamedNode("http://www.w3.org/2001/XMLSchema#anyURI")
_PROV_TIME = NamedNode(str(PROV.generatedAtTime))
_PROV_ENTITY = NamedNode(str(PROV.Entity))
_LAT, _LONG = NamedNode(str(GEO.lat)), NamedNode(str(GEO.long))
_R = {name: NamedNode(str(GT[name])) for name in (
    "MoneyFlow", "Allocation", "flowOf", "provider", "receiver", "flowKind", "flowCode", "amount", "currency",
    "valueDate", "transactionDate", "periodStart", "periodEnd", "allocationOf", "allocatedTo", "percentage",
    "xpath", "line", *VALUE_PROPERTIES,
)}  # fmt: skip
_XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_DATE = NamedNode(_XSD + "date")
XSD_DECIMAL = NamedNode(_XSD + "decimal")
_CYRILLIC = re.compile(r"[А-Яа-яІіЇїЄєҐґ]")


@dataclass(frozen=True)
class DocumentInfo:
    """What the store records about a source document."""

    file_name: str
    sha256: str
    loader: str
    loader_version: str
    generated_at: dt.datetime | None = None

    @property
    def iri(self) -> str:
        return iri.document_iri(self.file_name)


def _name_literal(text: str) -> Literal:
    return Literal(text, language="uk") if _CYRILLIC.search(text) else Literal(text)


def _entity_quads(entity: Entity, node: NamedNode, doc: NamedNode) -> list[Quad]:
    quads = [Quad(node, RDF_TYPE, _N[entity.type], doc), Quad(node, SKOS_PREF, _name_literal(entity.label), doc)]
    if entity.label_en and entity.label_en != entity.label:
        quads.append(Quad(node, SKOS_PREF, Literal(entity.label_en, language="en"), doc))
    for name in sorted(entity.names - {entity.label, entity.label_en}):
        if name and name.strip():
            quads.append(Quad(node, SKOS_ALT, _name_literal(name.strip()), doc))
    for key, value in sorted(entity.identifiers.items()):
        prop = _ID_PROPS.get(key)
        if prop is not None and value:
            quads.append(Quad(node, prop, Literal(str(value)), doc))
    if "category" in entity.attributes:
        quads.append(Quad(node, _G["category"], Literal(entity.attributes["category"]), doc))
    if "broader" in entity.attributes:  # a narrower concept, e.g. one kind of enterprises' funds
        quads.append(Quad(node, SKOS_BROADER, NamedNode(iri.entity_iri(entity.attributes["broader"])), doc))
    if entity.lat is not None and entity.lon is not None:
        quads.append(Quad(node, _LAT, Literal(repr(float(entity.lat)), datatype=XSD_DOUBLE), doc))
        quads.append(Quad(node, _LONG, Literal(repr(float(entity.lon)), datatype=XSD_DOUBLE), doc))
    if entity.mentions:
        quads.append(Quad(node, _G["mentionedIn"], doc, doc))
    for ev in entity.mentions:
        m = NamedNode(iri.mention_iri(doc.value, node.value, ev.start, ev.end, ev.path))
        quads += [
            Quad(m, RDF_TYPE, _G["Mention"], doc),
            Quad(m, _G["mentionOf"], node, doc),
            *_evidence_quads(m, ev, doc),
        ]
    return quads


def _evidence_quads(node: NamedNode, ev: Evidence, doc: NamedNode) -> list[Quad]:
    """Sentence and offsets of a text; sentence (the element, shortened), path and line of an XML element."""
    if ev.path:
        return [
            Quad(node, _G["sentence"], Literal(ev.sentence or ev.path), doc),
            Quad(node, _R["xpath"], Literal(ev.path), doc),
            Quad(node, _R["line"], Literal(str(max(ev.line, 1)), datatype=XSD_INT), doc),
            Quad(node, _PROV_DERIVED, doc, doc),
        ]
    return [
        Quad(node, _G["sentence"], Literal(ev.sentence), doc),
        Quad(node, _G["startOffset"], Literal(str(ev.start), datatype=XSD_INT), doc),
        Quad(node, _G["endOffset"], Literal(str(ev.end), datatype=XSD_INT), doc),
        Quad(node, _PROV_DERIVED, doc, doc),
    ]


def _typed(value: str, datatype: str, lang: str | None = None) -> Literal:
    if lang:
        return Literal(value, language=lang)
    if datatype == "string":
        return Literal(value)
    return Literal(value, datatype=NamedNode(_XSD + datatype))


def _record_quads(extraction: Extraction, nodes: dict[str, NamedNode], doc: NamedNode) -> list[Quad]:
    """Typed values, money flows and allocations (structured sources such as IATI)."""
    quads: list[Quad] = []
    for v in extraction.values:
        quads.append(Quad(nodes[v.subject], _R[v.property], _typed(v.value, v.datatype, v.lang), doc))
    for f in extraction.flows:
        node = NamedNode(iri.record_iri(doc.value, "flow", f.id))
        quads += [
            Quad(node, RDF_TYPE, _R["MoneyFlow"], doc),
            Quad(node, _R["flowOf"], nodes[f.activity], doc),
            Quad(node, _R["flowKind"], Literal(f.kind), doc),
            Quad(node, _R["amount"], Literal(f.amount, datatype=XSD_DECIMAL), doc),
            Quad(node, _R["currency"], Literal(f.currency), doc),
        ]
        if f.code:
            quads.append(Quad(node, _R["flowCode"], Literal(f.code), doc))
        for prop, day in (
            ("valueDate", f.value_date),
            ("transactionDate", f.date),
            ("periodStart", f.period_start),
            ("periodEnd", f.period_end),
        ):
            if day:
                quads.append(Quad(node, _R[prop], Literal(day, datatype=XSD_DATE), doc))
        for prop, who in (("provider", f.provider), ("receiver", f.receiver)):
            if who:
                quads.append(Quad(node, _R[prop], nodes[who], doc))
        quads += _evidence_quads(node, f.evidence, doc)
    for a in extraction.allocations:
        node = NamedNode(iri.record_iri(doc.value, "allocation", f"{a.activity}|{a.target}|{a.evidence.path}"))
        quads += [
            Quad(node, RDF_TYPE, _R["Allocation"], doc),
            Quad(node, _R["allocationOf"], nodes[a.activity], doc),
            Quad(node, _R["allocatedTo"], nodes[a.target], doc),
        ]
        if a.percentage is not None:
            quads.append(Quad(node, _R["percentage"], Literal(a.percentage, datatype=XSD_DECIMAL), doc))
        quads += _evidence_quads(node, a.evidence, doc)
    return quads


def document_quads(extraction: Extraction, info: DocumentInfo) -> list[Quad]:
    """All quads of one document's named graph."""
    doc = NamedNode(info.iri)
    quads = _header_quads(extraction, info)
    nodes = {key: NamedNode(iri.entity_iri(key)) for key in extraction.entities}
    for rel in extraction.relations:
        if rel.subject not in nodes or rel.object not in nodes:
            raise ValueError(
                f"relation {rel.subject} {rel.predicate} {rel.object} names an entity not in the extraction"
            )
    quads += _body_quads(extraction, nodes, doc)
    quads += closure_quads(
        [(nodes[r.subject], nodes[r.object]) for r in extraction.relations if r.predicate == "locatedIn"],
        _G["within"],
        doc,
    )
    quads += closure_quads(
        [(nodes[r.subject], nodes[r.object]) for r in extraction.relations if r.predicate == "partOf"],
        _G["includedIn"],
        doc,
    )
    return quads


def _header_quads(extraction: Extraction, info: DocumentInfo) -> list[Quad]:
    """The document node: class, file name, hash, loader, time, source."""
    doc = NamedNode(info.iri)
    when = (info.generated_at or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    quads = [
        Quad(doc, RDF_TYPE, _G["Document"], doc),
        Quad(doc, RDF_TYPE, _PROV_ENTITY, doc),
        Quad(doc, _G["fileName"], Literal(info.file_name), doc),
        Quad(doc, _G["sha256"], Literal(info.sha256), doc),
        Quad(doc, _G["loader"], Literal(info.loader), doc),
        Quad(doc, _G["loaderVersion"], Literal(info.loader_version), doc),
        Quad(doc, _PROV_TIME, Literal(when.isoformat(), datatype=XSD_DATETIME), doc),
    ]
    if extraction.source:  # where the page was taken from: reports show it beside the file name
        quads.append(Quad(doc, _DCTERMS_SOURCE, Literal(extraction.source, datatype=_XSD_ANYURI), doc))
    return quads


def _body_quads(extraction: Extraction, nodes, doc: NamedNode) -> list[Quad]:
    """Entities, typed values and records, relations with their evidence (no document node, no closures)."""
    quads: list[Quad] = []
    for key, entity in extraction.entities.items():
        quads += _entity_quads(entity, nodes[key], doc)
    quads += _record_quads(extraction, nodes, doc)
    for rel in extraction.relations:
        s, p, o = nodes[rel.subject], _N[rel.predicate], nodes[rel.object]
        quads.append(Quad(s, p, o, doc))
        for ev in rel.evidence:
            e = NamedNode(iri.evidence_iri(doc.value, s.value, p.value, o.value, ev.start, ev.end, ev.path))
            quads += [
                Quad(e, RDF_TYPE, _G["Evidence"], doc),
                Quad(e, RDF_TYPE, RDF_STATEMENT, doc),
                Quad(e, RDF_SUBJECT, s, doc),
                Quad(e, RDF_PREDICATE, p, doc),
                Quad(e, RDF_OBJECT, o, doc),
                *_evidence_quads(e, ev, doc),
            ]
            status = rel.status.get((ev.start, ev.end))
            if status:
                quads.append(Quad(e, _G["partnershipStatus"], Literal(status), doc))
    return quads


class _Nodes(dict):
    """Entity key -> IRI node, minted on first use (a batch names entities of earlier batches)."""

    def __missing__(self, key: str) -> NamedNode:
        node = self[key] = NamedNode(iri.entity_iri(key))
        return node


class DocumentStream:
    """The quads of one large document, batch by batch (a streaming loader's :class:`~loaders.base.Batch`).

    Each batch gives its entities, records and relations; :meth:`final_quads` gives what needs the
    whole document: the document node (written last, so an unfinished document is not listed), the
    closures of its hierarchies, and a check that every relation's ends were described by some batch.
    Memory kept between batches: the keys seen and the ``locatedIn``/``partOf`` edges.
    """

    def __init__(self, info: DocumentInfo) -> None:
        self.info = info
        self.doc = NamedNode(info.iri)
        self.nodes = _Nodes()
        self.described: set[str] = set()
        self.named: set[str] = set()
        self.edges: dict[str, set[tuple[str, str]]] = {"locatedIn": set(), "partOf": set()}
        self.warnings: list[str] = []
        self.source = ""
        self.entities = self.relations = 0

    def batch_quads(self, extraction: Extraction) -> list[Quad]:
        """The quads of one batch (written into the document's graph as they come)."""
        import sys

        self.described.update(extraction.entities)
        self.entities += len(extraction.entities)
        self.relations += len(extraction.relations)
        self.warnings += extraction.warnings
        self.source = self.source or extraction.source
        for rel in extraction.relations:
            self.named.add(rel.subject)
            self.named.add(rel.object)
            if rel.predicate in self.edges:
                self.edges[rel.predicate].add((sys.intern(rel.subject), sys.intern(rel.object)))
        quads = _body_quads(extraction, self.nodes, self.doc)
        self.nodes.clear()  # the next batch mints again: the map must not grow with the document
        return quads

    def final_quads(self) -> list[Quad]:
        """The document node and the closures; ValueError if a relation names an entity no batch described."""
        missing = sorted(self.named - self.described)
        if missing:
            raise ValueError(f"a relation names an entity not in the extraction: {missing[0]}")
        quads = _header_quads(Extraction(source=self.source), self.info)
        for prop, pred in (("within", "locatedIn"), ("includedIn", "partOf")):
            for s, o in closure(sorted(self.edges[pred])):
                quads.append(Quad(NamedNode(iri.entity_iri(s)), _G[prop], NamedNode(iri.entity_iri(o)), self.doc))
        return quads

    def stale_type_quads(self, stale: list[tuple[str, str]]) -> list[Quad]:
        """The class quads earlier batches wrote that no longer hold (to remove before the document is done)."""
        return [Quad(NamedNode(iri.entity_iri(k)), RDF_TYPE, _N[t], self.doc) for k, t in stale]


def closure(edges: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Every (node, ancestor) pair reachable over one or more edges, sorted; cycles end the walk."""
    up: dict[str, set[str]] = {}
    for child, parent in edges:
        up.setdefault(child, set()).add(parent)
    pairs = set()
    for start in up:
        seen: set[str] = set()
        todo = list(up[start])
        while todo:
            node = todo.pop()
            if node in seen:
                continue
            seen.add(node)
            todo += up.get(node, ())
        pairs.update((start, a) for a in seen if a != start)
    return sorted(pairs)


def closure_quads(edges: list[tuple[NamedNode, NamedNode]], prop: NamedNode, doc: NamedNode) -> list[Quad]:
    """The closure of one hierarchy stated in a document, as ``prop`` quads in the document graph."""
    pairs = closure([(s.value, o.value) for s, o in edges])
    return [Quad(NamedNode(s), prop, NamedNode(o), doc) for s, o in pairs]
