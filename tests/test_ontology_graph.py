"""The ontology is loaded on build as its own named graph (issue 14): explorable over SPARQL, and kept out
of the documents, the per-document counts, the union default graph and the exports."""

from __future__ import annotations

import gc
import io
import json
import urllib.parse

from rdflib import URIRef

from graphtool.build import build
from graphtool.serve import make_server, serve_in_thread
from graphtool.stats import store_stats
from graphtool.store import ONTOLOGY_GRAPH, GraphStore
from tests.test_serve import _get

CLASSES = "SELECT ?g (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?c a owl:Class } } GROUP BY ?g"
PREFIX = "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"


def test_build_loads_the_ontology_as_its_own_graph(fake_loaders, docs, tmp_path):  # noqa: F811
    store = GraphStore(tmp_path / "store")
    report = build([docs], store)
    assert report.ok and report.documents == 2
    schema = {"g": URIRef(ONTOLOGY_GRAPH)}
    classes = int(store.select(PREFIX + CLASSES, schema).rows[0][1])
    assert classes > 10
    labels = store.select(PREFIX + "SELECT ?g ?l WHERE { GRAPH ?g { gt:Donor ?p ?l FILTER(LANG(?l) = 'uk') } }", schema)
    assert labels.rows  # Ukrainian labels of the classes
    assert len(store.documents()) == 2
    assert not any(q.graph_name.value == ONTOLOGY_GRAPH for q in store.quads())
    # the union default graph holds the documents only: no schema triples among the counts
    in_default = store.select(PREFIX + "SELECT (COUNT(*) AS ?n) WHERE { ?c a owl:Class }")
    assert int(in_default.rows[0][0]) == 0
    stats = store_stats(store)
    assert stats["documents"] == 2 and stats["triples"] == len(list(store.quads()))
    out = io.BytesIO()
    store.dump(out, "nquads")
    assert ONTOLOGY_GRAPH.encode() + b">" not in out.getvalue()


def test_building_again_replaces_the_ontology_graph(fake_loaders, docs, tmp_path):  # noqa: F811
    store = GraphStore(tmp_path / "store")
    build([docs], store)
    size = sum(1 for _ in store.oxigraph.quads_for_pattern(None, None, None, _node(ONTOLOGY_GRAPH)))
    build([docs], store)
    assert sum(1 for _ in store.oxigraph.quads_for_pattern(None, None, None, _node(ONTOLOGY_GRAPH))) == size > 0


def test_an_empty_build_keeps_the_default_graph_index(fake_loaders, docs, tmp_path):  # noqa: F811
    store = GraphStore(tmp_path / "store")
    build([], store)  # only the ontology is written
    del store
    gc.collect()
    store = GraphStore(tmp_path / "store")
    assert store.default_graph_is_index
    build([docs], store)
    donors = store.select("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a gt:Donor }")
    assert int(donors.rows[0][0]) == 2


def test_the_schema_over_the_endpoint(fake_loaders, docs, tmp_path):  # noqa: F811
    store = GraphStore(tmp_path / "store")
    build([docs], store)
    path = store.path
    del store
    gc.collect()
    server = make_server(path, port=0, workers=1, timeout=10, access_log=False)
    serve_in_thread(server)
    try:
        query = urllib.parse.quote(PREFIX + "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a owl:Class }")
        status, _h, body = _get(
            server.url + "/sparql?query=" + query + "&default-graph-uri=" + urllib.parse.quote(ONTOLOGY_GRAPH)
        )
        assert status == 200 and int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 10
    finally:
        server.shutdown()
        server.server_close()


def _node(iri: str):
    from pyoxigraph import NamedNode

    return NamedNode(iri)
