"""CLI output that researchers rely on (issue 14, CLI part): nothing cut, one spelling for JSON, graph
results as RDF, ``sparql -o``, ``GRAPHTOOL_ENDPOINT``, exports to N-Triples and RDF/XML."""

from __future__ import annotations

import gc
import json

import pytest
from click.testing import CliRunner

from graphtool.cli import main
from graphtool.store import GraphStore

LONG_IRI = "https://w3id.org/graphtool/id/organization/" + "very-long-name-" * 8 + "end"
WORDS = 50


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    from pyoxigraph import Literal, NamedNode, Quad

    path = tmp_path_factory.mktemp("cli") / "store"
    store = GraphStore(path)
    graph = NamedNode("https://w3id.org/graphtool/id/document/long.txt")
    quads = [
        Quad(NamedNode(LONG_IRI), NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), Literal("слово " * WORDS), graph),
        Quad(NamedNode(LONG_IRI), NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
             NamedNode("https://w3id.org/graphtool/ontology#Organization"), graph),
    ]  # fmt: skip
    store.replace_document(graph.value, quads)
    store.flush()
    del store
    gc.collect()
    return path


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def test_table_output_never_cuts_cells_or_iris(store_path):
    result = run("sparql", "SELECT ?e ?label WHERE { ?e skos:prefLabel ?label }", "--store", store_path)
    assert result.exit_code == 0, result.output
    assert LONG_IRI in result.output  # whole, copyable
    assert result.output.count("слово") == WORDS  # the long label wraps onto more lines, nothing dropped
    assert max(len(line) for line in result.output.splitlines()) <= len(LONG_IRI) + 2 + 80


def test_ask_as_sparql_json(store_path):
    result = run("sparql", "ASK { ?e a gt:Organization }", "--format", "json", "--store", store_path)
    assert result.exit_code == 0 and json.loads(result.output) == {"head": {}, "boolean": True}


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_construct_as_rdf(store_path, fmt, rdflib_format):
    from rdflib import Graph

    query = "CONSTRUCT { ?e ?p ?o } WHERE { ?e ?p ?o }"
    result = run("sparql", query, "--format", fmt, "--store", store_path)
    assert result.exit_code == 0, result.output
    assert len(Graph().parse(data=result.output, format=rdflib_format)) == 2


def test_a_graph_format_for_a_select_is_a_clear_error(store_path):
    result = run("sparql", "SELECT * WHERE { ?s ?p ?o }", "--format", "turtle", "--store", store_path)
    assert result.exit_code == 1 and "CONSTRUCT" in result.output and "Traceback" not in result.output


def test_sparql_output_file(store_path, tmp_path):
    out = tmp_path / "rows.csv"
    result = run(
        "sparql", "SELECT ?e WHERE { ?e a gt:Organization }", "--format", "csv", "-o", out, "--store", store_path
    )
    assert result.exit_code == 0 and out.read_text(encoding="utf-8") == f"e\n{LONG_IRI}\n"
    result = run("sparql", "ASK {}", "-o", tmp_path / "missing" / "x.txt", "--store", store_path)
    assert result.exit_code == 0 and (tmp_path / "missing" / "x.txt").read_text(encoding="utf-8").strip()
    result = run("sparql", "ASK {}", "-o", out / "x.txt", "--store", store_path)  # under a file: no folder there
    assert result.exit_code != 0 and "cannot" in result.output and "Traceback" not in result.output


def test_format_json_is_the_same_as_json(store_path):
    with_format = run("stats", "--format", "json", "--store", store_path)
    with_flag = run("stats", "--json", "--store", store_path)
    assert with_format.exit_code == 0 and with_format.output == with_flag.output
    assert json.loads(with_format.output)["triples"] == 2
    listed = run("query", "list", "--format", "json")
    assert listed.exit_code == 0 and json.loads(listed.output)


def test_endpoint_from_the_environment(store_path):
    result = run("stats", env={"GRAPHTOOL_ENDPOINT": "http://127.0.0.1:9/sparql"})
    assert result.exit_code == 1 and "127.0.0.1:9" in result.output  # read from there, not from the store


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("ntriples", "nt"), ("rdfxml", "xml")])
def test_export_ntriples_and_rdfxml(store_path, tmp_path, fmt, rdflib_format):
    from rdflib import Graph

    out = tmp_path / f"graph.{fmt}"
    result = run("export", fmt, "-o", out, "--store", store_path)
    assert result.exit_code == 0, result.output
    graph = Graph().parse(out, format=rdflib_format)
    turtle = tmp_path / "graph.ttl"
    assert run("export", "turtle", "-o", turtle, "--store", store_path).exit_code == 0
    assert len(graph) == len(Graph().parse(turtle, format="turtle")) > 0


def test_stats_name_what_they_count(store_path, tmp_path):
    from pyoxigraph import Literal, NamedNode, Quad

    # the same fact in two documents: two statements, one distinct triple
    path = tmp_path / "store"
    store = GraphStore(path)
    for name in ("a.txt", "b.txt"):
        graph = NamedNode(f"https://w3id.org/graphtool/id/document/{name}")
        store.replace_document(graph.value, [Quad(NamedNode("urn:x"), NamedNode("urn:p"), Literal("1"), graph)])
    store.flush()
    del store
    gc.collect()
    data = json.loads(run("stats", "--json", "--store", path).output)
    assert data["triples"] == 2 and data["distinct_triples"] == 1
    text = run("stats", "--store", path).output
    assert "2 in the document graphs" in text and "1 distinct" in text and "entities (distinct, by type)" in text


def test_shell_completion_of_query_names():
    import os
    import subprocess
    import sys
    from pathlib import Path

    graphtool = str(Path(sys.executable).parent / "graphtool")
    env = {"_GRAPHTOOL_COMPLETE": "bash_complete", "COMP_WORDS": "graphtool query run donors_i", "COMP_CWORD": "3"}
    result = subprocess.run([graphtool], env={**os.environ, **env}, capture_output=True, text=True)
    assert "donors_in_community" in result.stdout and "communities_of_donor" not in result.stdout
