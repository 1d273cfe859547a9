"""Answer rows turned into rdflib terms (graphtool.store.to_rdflib, solutions_table): IRIs and strings are built
directly and each term once per answer; the result must be what rdflib's own constructors give."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef

from graphtool.store import StoreError, solutions_table, to_rdflib

XSD = "http://www.w3.org/2001/XMLSchema#"


def reference(term):
    """The conversion through rdflib's constructors, with no shortcut and no memo."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD + "string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def same(got, want) -> bool:
    """Equal as rdflib sees it and in every attribute a caller can read."""
    if want is None:
        return got is None
    if type(got) is not type(want) or got != want or str(got) != str(want) or got.n3() != want.n3():
        return False
    if hash(got) != hash(want):
        return False
    if isinstance(want, Literal):
        # values by repr: a NaN is not equal to itself
        return (got.language, got.datatype, repr(got.value), got.ill_typed) == (
            want.language,
            want.datatype,
            repr(want.value),
            want.ill_typed,
        ) and type(got.value) is type(want.value)
    return True


TEXTS = ["", " ", "Житомир", "ʼ’'", "a\nb", 'quote " and \\', "Ґ Є І Ї", "12", "true", "  padded  ", "\u00a0", "😀"]
TERMS = (
    [ox.NamedNode("https://w3id.org/graphtool/id/community/zhytomyr"), ox.NamedNode("urn:x"), ox.BlankNode("b0")]
    + [ox.Literal(text) for text in TEXTS]
    + [ox.Literal(text, language=tag) for text in TEXTS for tag in ("uk", "en", "en-GB", "x-private")]
    + [
        ox.Literal(value, datatype=ox.NamedNode(XSD + dtype))
        for value, dtype in [
            ("7", "integer"), ("007", "integer"), ("1.50", "decimal"), ("1e3", "double"), ("NaN", "double"),
            ("true", "boolean"), ("2024-02-29", "date"), ("not a date", "date"), ("x", "token"), ("12", "string"),
        ]
    ]
    + [ox.Literal("{}", datatype=ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"))]
)  # fmt: skip


@pytest.mark.parametrize("term", TERMS, ids=repr)
def test_each_term_is_what_rdflibs_constructor_makes(term):
    assert same(to_rdflib(term), reference(term))


def test_a_term_repeated_across_rows_is_one_object_equal_to_the_plain_conversion():
    store = ox.Store()
    default = ox.DefaultGraph()
    label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    donor = ox.NamedNode("https://w3id.org/graphtool/id/donor/usaid")
    for i in range(50):
        store.add(ox.Quad(ox.NamedNode(f"https://w3id.org/graphtool/id/project/p{i}"), label, donor, default))
        store.add(
            ox.Quad(
                ox.NamedNode(f"https://w3id.org/graphtool/id/project/p{i}"),
                label,
                ox.Literal(f"п{i}", language="uk"),
                default,
            )
        )
    query = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s ?o"
    table = solutions_table(store.query(query), StoreError)
    want = [[reference(t) for t in sol] for sol in store.query(query)]
    assert len(table.rows) == 100
    assert all(
        same(g, w) for got, wanted in zip(table.rows, want, strict=True) for g, w in zip(got, wanted, strict=True)
    )
    donors = {id(row[1]) for row in table.rows if row[1] == URIRef(donor.value)}
    assert len(donors) == 1  # converted once


def test_every_library_answer_is_the_plain_conversion_of_the_engines_rows():
    """Each library question on the fixture graph, unbound and with its examples: the rows ``select`` gives
    (memo, direct construction, ORDER BY in Python) are, term by term and in order, the engine's own rows
    converted by rdflib's constructors."""
    from graphtool.library import bind_params, load_queries
    from graphtool.ordering import sort_rows, split_order
    from tests.fixtures_graph import load_small_graph

    store = load_small_graph()
    compared = 0
    for name, q in sorted(load_queries().items()):
        for values in ({}, {p.name: p.example for p in q.params}):
            if any(not p.optional and p.name not in values for p in q.params):
                continue
            bindings = bind_params(store, q, values)
            result = store.raw_query(q.text, bindings)
            variables = [v.value for v in result.variables]
            want = [[reference(t) for t in sol] for sol in result]
            split = split_order(q.text)
            if split is not None:  # rows tied on every key: in the order select gives them (test_ordering)
                want = sort_rows(variables, want, split[1]) or want
            got = store.select(q.text, bindings)
            assert got.variables == variables, name
            assert len(got.rows) == len(want), name
            for got_row, want_row in zip(got.rows, want, strict=True):
                assert all(same(g, w) for g, w in zip(got_row, want_row, strict=True)), (name, got_row, want_row)
            compared += 1
    assert compared >= 25
