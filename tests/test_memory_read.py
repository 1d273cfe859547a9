"""Reading from memory: ``GraphStore.read_in_memory`` and ``graphtool serve --in-memory`` (issue 12).

The copy holds the deduplicated default graph alone; answers must be the same as the full store's,
queries that name graphs must still see the document graphs, and a write must drop the copy.
"""

from __future__ import annotations

import gc
import json
import urllib.parse
import urllib.request

import pytest
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad

from graphtool.library import get_query, load_queries, run_query
from graphtool.serve import make_server, serve_in_thread
from graphtool.store import GraphStore, StoreError
from tests.fixtures_graph import load_small_graph
from tests.remote_helpers import small_graph_store


def _indexed_small_graph() -> GraphStore:
    store = load_small_graph()
    store.rebuild_index()
    return store


@pytest.fixture(scope="module")
def pair():
    """(the fixture graph read from its full store, the same graph read from the in-memory copy)"""
    full, copied = _indexed_small_graph(), _indexed_small_graph()
    copied.read_in_memory()
    return full, copied


def _cell(value) -> str:
    # GROUP_CONCAT's order is not defined by SPARQL: compare its parts as a set
    return "" if value is None else " | ".join(sorted(str(value).split(" | ")))


def _sorted_rows(table) -> list[tuple[str, ...]]:
    return sorted(tuple(_cell(v) for v in row) for row in table.rows)


@pytest.mark.parametrize("name", sorted(load_queries()))
def test_library_answers_the_same_from_the_copy(pair, name):
    full, copied = pair
    params = {p.name: p.example for p in get_query(name).params}
    expected = run_query(full, name, params)
    got = run_query(copied, name, params)
    assert got.variables == expected.variables
    assert _sorted_rows(got) == _sorted_rows(expected)


def test_the_copy_holds_the_default_graph_only():
    store = _indexed_small_graph()
    default = sum(1 for _ in store.oxigraph.quads_for_pattern(None, None, None, DefaultGraph()))
    assert default > 0
    assert store.read_in_memory() == default
    engine, union = store.engine_for("SELECT * WHERE { ?s ?p ?o }")
    assert engine is not store.oxigraph and not union
    assert not list(engine.named_graphs())


def test_queries_naming_graphs_read_the_full_store(pair):
    full, copied = pair
    assert copied.engine_for("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")[0] is copied.oxigraph
    assert copied.engine_for("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }")[0] is copied.oxigraph
    assert copied.engine_for("SELECT * WHERE { ?s ?p ?o }", dataset=True)[0] is copied.oxigraph
    assert copied.documents() == full.documents() and len(full.documents()) == 3


def test_a_write_drops_the_copy():
    store = _indexed_small_graph()
    store.read_in_memory()
    doc = "https://w3id.org/graphtool/id/document/new"
    label = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    store.replace_document(doc, [Quad(NamedNode("urn:x:new"), label, Literal("нове"), NamedNode(doc))])
    assert not store.in_memory
    rows = store.select("SELECT ?l WHERE { <urn:x:new> skos:prefLabel ?l }").rows
    assert [str(r[0]) for r in rows] == ["нове"]


def test_a_store_without_the_index_is_refused():
    store = load_small_graph()  # quads loaded straight into named graphs: no deduplicated default graph
    with pytest.raises(StoreError, match="default graph"):
        store.read_in_memory()


def _get_json(url: str) -> dict:
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_serve_in_memory_answers_like_the_disk_store(tmp_path):
    writer = small_graph_store(tmp_path / "store")
    path = writer.path
    del writer
    gc.collect()
    local = GraphStore(path, read_only=True)
    server = make_server(path, port=0, timeout=20, workers=1, in_memory=True)
    serve_in_thread(server)
    try:
        donors = "SELECT ?d ?l WHERE { ?d a gt:Donor ; skos:prefLabel ?l } ORDER BY ?d ?l"
        answer = _get_json(server.url + "/sparql?query=" + urllib.parse.quote(donors))
        got = [(b["d"]["value"], b["l"]["value"]) for b in answer["results"]["bindings"]]
        assert got and got == [(str(d), str(lab)) for d, lab in local.select(donors).rows]
        graphs = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a gt:Document } }"
        answer = _get_json(server.url + "/sparql?query=" + urllib.parse.quote(graphs))
        assert int(answer["results"]["bindings"][0]["n"]["value"]) == len(local.documents()) > 0
        with urllib.request.urlopen(server.url + "/queries/donors_in_community?community=" +
                                    urllib.parse.quote("Житомир"), timeout=30) as response:  # fmt: skip
            page = response.read().decode()
        assert response.status == 200 and "Безпечна школа" in page
    finally:
        server.shutdown()
        server.server_close()


def test_serve_cli_has_the_in_memory_option():
    from click.testing import CliRunner

    from graphtool.cli import main

    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "--in-memory" in result.output


def _default_graph(store: GraphStore) -> set[Quad]:
    return set(store.oxigraph.quads_for_pattern(None, None, None, DefaultGraph()))


def _union_of_documents(store: GraphStore) -> set[Quad]:
    return {Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in store.quads()}


def test_bulk_load_writes_the_index_with_the_quads(tmp_path):
    """The bulk loader fills the index from the file's own lines: literals holding quotes, spaces, '<'
    and ' .', language tags, datatypes, tabs and a triple stated by two documents; a line in the default
    graph stays out of the index (as a rebuild leaves it out)."""
    lines = [
        '<http://x/a> <http://x/p> "say \\"hi\\" <b> ." <http://x/doc1> .',
        '<http://x/a> <http://x/p> "Київ"@uk <http://x/doc1> .',
        '<http://x/a> <http://x/n> "5"^^<http://www.w3.org/2001/XMLSchema#integer> <http://x/doc1> .',
        "<http://x/a>\t<http://x/q>\t<http://x/b>\t<http://x/doc2>.",
        "<http://x/a> <http://x/q> <http://x/b> <http://x/doc1> .",
        "# a comment",
        "",
        "<http://x/loose> <http://x/p> <http://x/o> .",
    ]
    path = tmp_path / "in.nq"
    path.write_text("\n".join(lines), encoding="utf-8")  # no newline after the last line
    store = GraphStore(None)
    store.bulk_load_nquads(path)
    assert len(_default_graph(store)) == 4
    assert _default_graph(store) == _union_of_documents(store)
    assert not list(store.oxigraph.quads_for_pattern(NamedNode("http://x/loose"), None, None, None))


def test_bulk_load_recomputes_the_index_for_a_line_it_does_not_follow(tmp_path):
    path = tmp_path / "in.nq"
    path.write_text(
        "<http://x/a> <http://x/p> <http://x/b> <http://x/doc1> . # a comment after the dot\n"
        '<http://x/a> <http://x/p> "v" <http://x/doc2> .\n',
        encoding="utf-8",
    )
    store = GraphStore(None)
    store.bulk_load_nquads(path)
    assert len(_default_graph(store)) == 2
    assert _default_graph(store) == _union_of_documents(store)


def test_rebuild_index_is_the_union_of_the_documents_and_keeps_blank_nodes():
    store = load_small_graph()
    store.rebuild_index()
    union = _union_of_documents(store)
    assert union and _default_graph(store) == union
    blank = Quad(BlankNode("b1"), NamedNode("http://x/p"), Literal("v"), NamedNode("http://x/doc"))
    store.oxigraph.add(blank)
    store.rebuild_index()  # a blank node: copied triple by triple, so it keeps its identity
    assert Quad(blank.subject, blank.predicate, blank.object, DefaultGraph()) in _default_graph(store)
    assert _default_graph(store) == _union_of_documents(store)
