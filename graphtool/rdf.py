"""Turn one document's :class:`~loaders.base.Extraction` into the quads of its named graph.

Layout of a document graph (all in the graph named by the document IRI):

* the document: ``gt:Document``, file name, SHA-256, loader name and version, generation time;
* each entity: its class, ``skos:prefLabel`` (``@uk``, ``@en``), ``skos:altLabel``, identifiers,
  coordinates, and ``gt:mentionedIn`` the document when the text names it;
* each mention: a ``gt:Mention`` node with the sentence and its character offsets;
* each relation: the direct triple (``ex:giz gt:funds ex:project``) plus one ``gt:Evidence`` node
  per sentence (an ``rdf:Statement`` carrying sentence, offsets and ``prov:wasDerivedFrom``).

Terms are pyoxigraph objects: building them is far cheaper than rdflib terms (MEASURED.md).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Quad

from graphtool import iri
from graphtool.vocab import ENTITY_CLASSES, GEO, GT, IDENTIFIER_PROPERTIES, PROV, RELATION_PROPERTIES
from loaders.base import Entity, Evidence, Extraction

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
    "fileName", "sha256", "loader", "loaderVersion", "category",
)}  # fmt: skip
_PROV_DERIVED = NamedNode(str(PROV.wasDerivedFrom))
_PROV_TIME = NamedNode(str(PROV.generatedAtTime))
_PROV_ENTITY = NamedNode(str(PROV.Entity))
_LAT, _LONG = NamedNode(str(GEO.lat)), NamedNode(str(GEO.long))
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
        m = NamedNode(iri.mention_iri(doc.value, node.value, ev.start, ev.end))
        quads += [
            Quad(m, RDF_TYPE, _G["Mention"], doc),
            Quad(m, _G["mentionOf"], node, doc),
            *_evidence_quads(m, ev, doc),
        ]
    return quads


def _evidence_quads(node: NamedNode, ev: Evidence, doc: NamedNode) -> list[Quad]:
    return [
        Quad(node, _G["sentence"], Literal(ev.sentence), doc),
        Quad(node, _G["startOffset"], Literal(str(ev.start), datatype=XSD_INT), doc),
        Quad(node, _G["endOffset"], Literal(str(ev.end), datatype=XSD_INT), doc),
        Quad(node, _PROV_DERIVED, doc, doc),
    ]


def document_quads(extraction: Extraction, info: DocumentInfo) -> list[Quad]:
    """All quads of one document's named graph."""
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
    nodes = {key: NamedNode(iri.entity_iri(key)) for key in extraction.entities}
    for key, entity in extraction.entities.items():
        quads += _entity_quads(entity, nodes[key], doc)
    for rel in extraction.relations:
        if rel.subject not in nodes or rel.object not in nodes:
            raise ValueError(
                f"relation {rel.subject} {rel.predicate} {rel.object} names an entity not in the extraction"
            )
        s, p, o = nodes[rel.subject], _N[rel.predicate], nodes[rel.object]
        quads.append(Quad(s, p, o, doc))
        for ev in rel.evidence:
            e = NamedNode(iri.evidence_iri(doc.value, s.value, p.value, o.value, ev.start, ev.end))
            quads += [
                Quad(e, RDF_TYPE, _G["Evidence"], doc),
                Quad(e, RDF_TYPE, RDF_STATEMENT, doc),
                Quad(e, RDF_SUBJECT, s, doc),
                Quad(e, RDF_PREDICATE, p, doc),
                Quad(e, RDF_OBJECT, o, doc),
                *_evidence_quads(e, ev, doc),
            ]
    return quads
