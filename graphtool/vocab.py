"""Typed vocabulary terms read from the ontology: a term the ontology does not declare raises.

``ontology/graphtool.ttl`` is the one source: :class:`GT` accepts exactly the terms it declares
(rdflib's ``DefinedNamespace`` with ``_fail = True``, its members read from the file, so a misspelt
term raises ``AttributeError`` where it is used, at import for module-level uses), and the
entity types, relations and labels below come from the same file (:func:`ontology.vocabulary`).
Adding a relation is one edit of the ontology: its declaration with labels, and its name in the
``gt:relations`` list.
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

import ontology
from graphtool.iri import BASE
from graphtool.iri import ID as _ID

ID = Namespace(_ID)
VOCABULARY = ontology.vocabulary()
if ontology.NS != BASE + "ontology#":  # pragma: no cover - a guard for whoever moves the namespace
    raise ImportError(f"the ontology namespace {ontology.NS} is not graphtool.iri's {BASE}ontology#")


class GT(DefinedNamespace):
    """The graphtool ontology: one member per class or property that ``graphtool.ttl`` declares."""

    _NS = Namespace(ontology.NS)
    _fail = True
    __annotations__ = dict.fromkeys(sorted(VOCABULARY.terms), URIRef)


GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")

# Entity type names used by loaders and the JSONL contract -> ontology classes, in the ontology's order.
ENTITY_CLASSES: dict[str, URIRef] = {name: GT[name] for name in VOCABULARY.entity_types}
RELATION_PROPERTIES: dict[str, URIRef] = {name: GT[name] for name in VOCABULARY.relations}
IDENTIFIER_PROPERTIES: dict[str, URIRef] = {
    "katottg": GT.katottg,
    "geonames": GT.geonamesId,
    "iso3166": GT.iso3166,
    "wikidata": GT.wikidata,
    "iati": GT.iatiId,
    "code": GT.code,
}


def label(term: str, lang: str = "uk") -> str:
    """The ontology's ``rdfs:label`` of a term (``"funds"`` -> ``"фінансує"``) in ``uk`` or ``en``."""
    return VOCABULARY.label(term, lang)


def bilingual(term: str) -> str:
    """``"фінансує / funds"``: both labels of a term, as reports print them."""
    return VOCABULARY.bilingual(term)
