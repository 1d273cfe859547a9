"""A SELECT's final ORDER BY done in Python (graphtool/ordering.py): the engine's order, or the engine sorts."""

from __future__ import annotations

import random

import pytest
from rdflib import Literal

from graphtool.ordering import sort_rows, split_order
from graphtool.store import GraphStore, StoreError, solutions_table


def engine(store: GraphStore, query: str, bindings=None):
    """The rows as Oxigraph sorts them (the query as written, no Python ordering)."""
    return solutions_table(store.raw_query(query, bindings), StoreError)


def keys_of(table, keys):
    """The ORDER BY keys of each row; numbers by value (equal numbers of two types tie in the engine too)."""
    from decimal import Decimal

    idx = [table.variables.index(name) for name, _ in keys]

    def value(term):
        if (
            isinstance(term, Literal)
            and term.datatype is not None
            and str(term.datatype).endswith(("#integer", "#decimal", "#double"))
        ):
            return Decimal(str(term))
        return term

    return [[value(row[i]) for i in idx] for row in table.rows]


def test_split_order_finds_the_final_order_by_of_variables_only():
    head, keys = split_order("SELECT ?a ?b WHERE { ?a ?p ?b }\nORDER BY DESC(?b) ?a ASC( ?c )\n")
    assert head == "SELECT ?a ?b WHERE { ?a ?p ?b }\n"
    assert keys == [("b", True), ("a", False), ("c", False)]
    grouped = "SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?p ?b } GROUP BY ?a order by desc(?n)"
    assert split_order(grouped) == ("SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?p ?b } GROUP BY ?a\n", [("n", True)])
    for query in (
        "SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a LIMIT 10",  # a LIMIT needs the engine's order
        "SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a OFFSET 1",
        "SELECT ?a WHERE { ?a ?p ?b } ORDER BY STR(?a)",  # an expression
        "SELECT ?a WHERE { { SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a } }",  # a sub-query's
        "SELECT ?a WHERE { ?a ?p ?b }",
        "SELECT ?a WHERE { ?a ?p ?b }\n# ORDER BY ?a",  # a comment
        "ORDER BY ?a",
    ):
        assert split_order(query) is None, query


def _random_rows(rng: random.Random, n: int) -> str:
    """VALUES rows: a text column mixing plain and language-tagged strings of few distinct texts (so the
    same text comes plain and tagged), IRIs and unbound; a number column mixing integers, decimals and
    doubles; a third column telling rows apart."""
    texts = ["a", "B", "b", "ab", "Ж", "ж", "Житомир", "Жашків", "", "z z"]
    rows = []
    for k in range(n):
        kind = rng.random()
        if kind < 0.1:
            text = "UNDEF"
        elif kind < 0.2:
            text = f"<https://example.org/{rng.choice(texts).encode().hex()}>"
        else:
            text = f'"{rng.choice(texts)}"' + rng.choice(["", "", "@uk", "@en", "@uk"])
        number = rng.choice(["UNDEF", str(rng.randint(-3, 3)), f"{rng.randint(-3, 3)}.5", f"{rng.randint(-3, 3)}.0e0"])
        rows.append(f"({text} {number} {k})")
    return "\n".join(rows)


@pytest.mark.parametrize("seed", range(6))
def test_python_order_is_the_engines_order(seed):
    """Random rows of every kind the library sorts, under several key orders: the same rows in the same
    order of their keys as Oxigraph's ORDER BY (rows equal on every key may come in another order)."""
    rng = random.Random(seed)
    store = GraphStore(None)
    data = _random_rows(rng, 300)
    for order in ("?t", "DESC(?t)", "?n", "DESC(?n) ?t", "?t DESC(?n) ?k", "DESC(?t) ?k"):
        query = f"SELECT ?t ?n ?k WHERE {{ VALUES (?t ?n ?k) {{ {data} }} }}\nORDER BY {order}"
        _, keys = split_order(query)
        want = engine(store, query)
        got = store.select(query)
        assert sort_rows(want.variables, want.rows, keys) is not None  # sorted in Python, not by the engine
        assert keys_of(got, keys) == keys_of(want, keys), order
        assert sorted(map(repr, got.rows)) == sorted(map(repr, want.rows))
        if order.endswith("?k"):  # ?k tells every row apart: no ties, the very same rows in the same order
            assert got.rows == want.rows


def test_rows_equal_on_every_key_come_in_the_order_of_their_other_columns():
    """Ties do not depend on the store: the same rows inserted in two orders give one answer."""
    triples = [f'<https://example.org/s{k}> <https://example.org/label> "same" .' for k in range(40)]
    answers = []
    for order in (triples, triples[::-1]):
        store = GraphStore(None)
        store.oxigraph.update("INSERT DATA { " + "\n".join(order) + " }")
        answers.append(store.select("SELECT ?s ?l WHERE { ?s <https://example.org/label> ?l } ORDER BY ?l").rows)
    assert answers[0] == answers[1]
    assert [str(r[0]) for r in answers[0]] == sorted(str(r[0]) for r in answers[0])


def test_a_column_the_python_order_cannot_follow_is_sorted_by_the_engine():
    """Numbers beside strings, dates, blank nodes: the engine's ORDER BY, the very same rows."""
    store = GraphStore(None)
    for values in (
        '"b" 2 "a" 1 "10"',
        '"2024-01-02"^^<http://www.w3.org/2001/XMLSchema#date> "2023-05-01"^^<http://www.w3.org/2001/XMLSchema#date>',
    ):
        query = f"SELECT ?x WHERE {{ VALUES ?x {{ {values} }} }} ORDER BY ?x"
        want = engine(store, query)
        assert sort_rows(want.variables, want.rows, split_order(query)[1]) is None
        assert store.select(query).rows == want.rows
    query = "SELECT ?x WHERE { ?x <https://example.org/p> ?o } ORDER BY ?x"
    store.oxigraph.update("INSERT DATA { _:b1 <https://example.org/p> 1 . _:b2 <https://example.org/p> 2 . }")
    want = engine(store, query)
    assert len(want.rows) == 2 and sort_rows(want.variables, want.rows, split_order(query)[1]) is None
    assert store.select(query).rows == want.rows


def test_every_library_query_is_in_the_engines_order():
    """Each library question on the fixture graph, unbound and with its examples: the rows and their order
    as the engine's ORDER BY gives them; and most are sorted in Python (the path is taken)."""
    from graphtool.library import bind_params, load_queries
    from tests.fixtures_graph import load_small_graph

    store = load_small_graph()
    in_python = compared = 0
    for name, q in sorted(load_queries().items()):
        for values in ({}, {p.name: p.example for p in q.params}):
            if any(not p.optional and p.name not in values for p in q.params):
                continue
            bindings = bind_params(store, q, values)
            split = split_order(q.text)
            assert split is not None, f"{name}: its ORDER BY is no longer done in Python"
            want = engine(store, q.text, bindings)
            got = store.select(q.text, bindings)
            assert got.variables == want.variables, name
            assert keys_of(got, split[1]) == keys_of(want, split[1]), name
            assert sorted(map(repr, got.rows)) == sorted(map(repr, want.rows)), name
            compared += 1
            in_python += sort_rows(want.variables, want.rows, split[1]) is not None and len(want.rows) > 1
    assert compared >= 25 and in_python >= 15
