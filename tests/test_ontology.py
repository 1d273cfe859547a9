"""The ontology and shapes: typed terms match declarations; labels and definitions are bilingual."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

import ontology
from graphtool.vocab import ENTITY_CLASSES, GT, RELATION_PROPERTIES

GT_NS = "https://w3id.org/graphtool/ontology#"


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology.HERE / "graphtool.ttl", format="turtle")


def declared_terms(g: Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return {str(s)[len(GT_NS) :] for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(GT_NS)}


def test_python_terms_and_ontology_agree(onto):
    python_terms = {name for name in GT.__annotations__}
    assert declared_terms(onto) == python_terms


def test_misspelt_term_fails():
    with pytest.raises(AttributeError):
        GT.fundz  # noqa: B018


def test_every_term_has_ukrainian_and_english_label_and_definition(onto):
    for term in declared_terms(onto):
        node = URIRef(GT_NS + term)
        for prop in (RDFS.label, SKOS.definition):
            langs = {o.language for o in onto.objects(node, prop)}
            assert {"uk", "en"} <= langs, f"gt:{term} lacks {prop} in uk/en"


def test_alignment_to_standard_vocabularies(onto):
    assert (GT.Donor, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")) in onto
    assert (GT.Project, RDFS.subClassOf, URIRef("https://schema.org/Project")) in onto
    assert (GT.Country, RDFS.subClassOf, URIRef("https://schema.org/Country")) in onto
    assert (GT.funds, OWL.inverseOf, URIRef("https://schema.org/funder")) in onto
    assert (GT.partnerOf, RDF.type, OWL.SymmetricProperty) in onto
    assert (GT.mentionedIn, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) in onto


def test_entity_and_relation_names_are_classes_and_properties(onto):
    for uri in ENTITY_CLASSES.values():
        assert (uri, RDF.type, OWL.Class) in onto
    for uri in RELATION_PROPERTIES.values():
        assert (uri, RDF.type, OWL.ObjectProperty) in onto


def test_shapes_parse_and_name_only_declared_terms(onto):
    shapes = Graph().parse(ontology.HERE / "shapes.ttl", format="turtle")
    used = {str(t)[len(GT_NS) :] for triple in shapes for t in triple if str(t).startswith(GT_NS)}
    assert used <= declared_terms(onto)
