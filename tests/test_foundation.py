"""The store, the build pipeline and the core CLI, with a tiny fake loader (tests/fakeloader.py)."""

from __future__ import annotations

import json
import os
import stat
import sys

import pytest
from click.testing import CliRunner

from graphtool.build import build
from graphtool.cli import main
from graphtool.export import graph_records
from graphtool.store import GraphStore
from tests import fakeloader

TIME = "http://www.w3.org/ns/prov#generatedAtTime"


def quads_without_time(store: GraphStore) -> set[str]:
    return {str(q) for q in store.quads() if q.predicate.value != TIME}


def test_one_named_graph_per_document_visible_to_sparql(fake_loaders, docs, tmp_path):
    store = GraphStore(tmp_path / "store")
    report = build([docs], store)
    assert report.ok and report.documents == 2
    table = store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s gt:funds ?o } } ORDER BY ?g")
    assert [str(r[0]).rsplit("/", 1)[-1] for r in table.rows] == ["a.fake", "b.fake"]
    donors = store.select("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a gt:Donor }")
    assert int(donors.rows[0][0]) == 2  # GIZ in two documents is one node


def test_building_twice_gives_identical_quads(fake_loaders, docs, tmp_path):
    store = GraphStore(tmp_path / "store")
    build([docs], store)
    first = quads_without_time(store)
    build([docs], store)
    assert quads_without_time(store) == first
    assert len(store.documents()) == 2


def test_reloading_a_changed_document_replaces_its_graph(fake_loaders, docs, tmp_path):
    store = GraphStore(tmp_path / "store")
    build([docs], store)
    (docs / "a.fake").write_text("KfW funds Bridge in Житомир\n", encoding="utf-8")
    build([docs / "a.fake"], store)
    labels = {r["label"] for r in graph_records(store) if r["kind"] == "entity"}
    assert "KfW" in labels and "USAID" not in labels and "Solar" not in labels
    assert "Water" in labels  # the other document is untouched


def test_loader_crash_half_way_keeps_previous_graph(fake_loaders, docs, tmp_path, monkeypatch):
    store = GraphStore(tmp_path / "store")
    build([docs], store)
    before = quads_without_time(store)
    (docs / "a.fake").write_text("EU funds Park in Житомир\nEU funds Lake in Житомир\n", encoding="utf-8")
    monkeypatch.setattr(fakeloader.LOADER, "fail_after", 1)
    report = build([docs / "a.fake"], store)
    assert not report.ok and "a.fake" in report.errors[0] and "simulated loader crash" in report.errors[0]
    assert quads_without_time(store) == before


def test_remove_retracts_one_document(fake_loaders, docs, tmp_path):
    store = GraphStore(tmp_path / "store")
    build([docs], store)
    assert store.remove_document("a.fake")
    assert [d["file_name"] for d in store.documents()] == ["b.fake"]
    assert store.remove_document("a.fake") == []


def test_store_inside_built_folder_is_not_read(fake_loaders, docs):
    store = GraphStore(docs / "store")
    report = build([docs], store)
    assert report.ok, report.errors


def test_jsonl_contract(fake_loaders, docs, tmp_path):
    store = GraphStore(tmp_path / "store")
    build([docs], store)
    records = list(graph_records(store))
    giz = next(r for r in records if r["kind"] == "entity" and r["label"] == "GIZ")
    assert giz["type"] == "Donor" and giz["sources"] == ["a.fake", "b.fake"]
    city = next(r for r in records if r["kind"] == "entity" and r["label"] == "Житомир")
    assert city["identifiers"]["katottg"].startswith("UA")
    rel = next(
        r for r in records if r["kind"] == "relation" and r["predicate"] == "funds" and r["object"].endswith("/roads")
    )
    (src,) = rel["sources"]
    text = (docs / "a.fake").read_text(encoding="utf-8")
    assert src["document"] == "a.fake" and text[src["start"] : src["end"]] == src["evidence"]


@pytest.mark.parametrize("fmt", ["nquads", "trig", "turtle", "jsonld"])
def test_export_parse_round_trip_is_isomorphic(fake_loaders, docs, tmp_path, fmt):
    from rdflib import Dataset, Graph
    from rdflib.compare import isomorphic

    store_dir = tmp_path / "store"
    build([docs], GraphStore(store_dir))
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(main, ["export", fmt, "--store", str(store_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    store = GraphStore(store_dir, read_only=True)
    rdflib_format = {"nquads": "nquads", "trig": "trig", "turtle": "turtle", "jsonld": "json-ld"}[fmt]
    if fmt == "turtle":
        expected = Graph()
        for q in store.quads():
            expected.parse(data=f"{q.subject} {q.predicate} {q.object} .", format="nt")
        assert isomorphic(Graph().parse(out, format="turtle"), expected)
    else:
        parsed = Dataset()
        parsed.parse(out, format=rdflib_format)
        expected = Dataset()
        expected.parse(data="\n".join(f"{q} ." for q in store.quads()), format="nquads")
        for ctx in expected.graphs():
            if len(ctx):
                assert isomorphic(parsed.graph(ctx.identifier), ctx), ctx.identifier


def test_cli_build_folder_with_unreadable_file_loads_others(fake_loaders, docs, tmp_path):
    bad = docs / "bad.fake"
    bad.write_text("this line is not understood\n", encoding="utf-8")
    store_dir = tmp_path / "store"
    result = CliRunner().invoke(main, ["build", str(docs), "--store", str(store_dir)])
    assert result.exit_code == 1
    assert "error:" in result.output and "bad.fake" in result.output and "Traceback" not in result.output
    assert "2 documents" in result.output
    assert len(GraphStore(store_dir, read_only=True).documents()) == 2


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file")
def test_cli_build_unreadable_permissions(fake_loaders, docs, tmp_path):
    locked = docs / "locked.fake"
    locked.write_text("GIZ funds X in Y\n", encoding="utf-8")
    locked.chmod(0)
    try:
        result = CliRunner().invoke(main, ["build", str(docs), "--store", str(tmp_path / "s")])
        assert result.exit_code == 1 and "locked.fake" in result.output
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_cli_sparql_stats_validate_remove(fake_loaders, docs, tmp_path):
    store_dir = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(docs), "--store", store_dir]).exit_code == 0
    res = runner.invoke(
        main,
        [
            "sparql",
            "SELECT DISTINCT ?l WHERE { ?d a gt:Donor ; skos:prefLabel ?l } ORDER BY ?l",
            "--store",
            store_dir,
            "--format",
            "csv",
        ],
    )
    assert res.exit_code == 0 and res.output.splitlines() == ["l", "GIZ", "USAID"]
    res = runner.invoke(
        main,
        ["sparql", "SELECT ?l WHERE { ?d a gt:Donor ; skos:prefLabel ?l }", "--store", store_dir, "--format", "json"],
    )
    assert {b["l"]["value"] for b in json.loads(res.output)["results"]["bindings"]} == {"GIZ", "USAID"}
    res = runner.invoke(main, ["sparql", "ASK { ?d gt:funds ?p }", "--store", store_dir])
    assert res.exit_code == 0 and "true" in res.output
    res = runner.invoke(main, ["sparql", "SELEC broken", "--store", store_dir])
    assert res.exit_code == 1 and "syntax" in res.output.lower() and "Traceback" not in res.output
    res = runner.invoke(main, ["stats", "--store", store_dir, "--json"])
    data = json.loads(res.output)
    assert data["documents"] == 2 and data["entities"]["Donor"] == 2 and data["relations"]["funds"] == 3
    res = runner.invoke(main, ["validate", "--store", store_dir])
    assert res.exit_code == 0, res.output
    res = runner.invoke(main, ["remove", "a.fake", "--store", store_dir])
    assert res.exit_code == 0
    res = runner.invoke(main, ["remove", "nope.txt", "--store", store_dir])
    assert res.exit_code == 1 and "nope.txt" in res.output


def test_validate_reports_violations(tmp_path):
    from rdflib import Graph

    from graphtool.validate import validate_graph

    bad = Graph().parse(
        data="""@prefix gt: <https://w3id.org/graphtool/ontology#> .
        <https://w3id.org/graphtool/id/country/xx> a gt:Country ; gt:iso3166 "Germany" .""",
        format="turtle",
    )
    conforms, report = validate_graph(bad)
    assert not conforms
    assert "iso3166" in report.lower() or "iso 3166" in report.lower(), report


def test_validate_cli_exits_1_on_violation(tmp_path):
    store_dir = tmp_path / "store"
    store = GraphStore(store_dir)
    store.oxigraph.update(
        "INSERT DATA { GRAPH <https://w3id.org/graphtool/id/doc/x> { "
        "<https://w3id.org/graphtool/id/country/xx> a <https://w3id.org/graphtool/ontology#Country> } }"
    )
    store.flush()
    del store
    res = CliRunner().invoke(main, ["validate", "--store", str(store_dir)])
    assert res.exit_code == 1 and "Violation" in res.output


def test_missing_store_is_a_clear_error(tmp_path):
    res = CliRunner().invoke(main, ["stats", "--store", str(tmp_path / "none")])
    assert res.exit_code == 1 and "no store" in res.output


def test_every_command_has_help():
    runner = CliRunner()
    for name, command in main.commands.items():
        assert command.help, f"{name} has no help text"
        res = runner.invoke(main, [name, "--help"])
        assert res.exit_code == 0 and "Usage" in res.output, name


def test_help_is_fast_and_imports_nothing_heavy():
    import subprocess

    code = "import sys, graphtool.cli; heavy = [m for m in ('rdflib', 'pyoxigraph', 'pyvis', 'pymorphy3') if m in sys.modules]; print(heavy)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_cache_command_lists_caches(tmp_path, monkeypatch):
    monkeypatch.setenv("GRAPHTOOL_CACHE", str(tmp_path / "empty"))
    res = CliRunner().invoke(main, ["cache"])
    assert res.exit_code == 0 and "no caches yet" in res.output
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "gazetteer-x.pkl").write_bytes(b"x" * 10)
    res = CliRunner().invoke(main, ["cache"])
    assert "gazetteer-x.pkl" in res.output


def derived_triples(store) -> set:
    from pyoxigraph import NamedNode

    from graphtool.derived import DERIVED_GRAPH

    graph = NamedNode(DERIVED_GRAPH)
    return {(q.subject, q.predicate, q.object) for q in store.oxigraph.quads_for_pattern(None, None, None, graph)}


def test_default_graph_is_the_deduplicated_union(fake_loaders, docs, tmp_path):
    from pyoxigraph import DefaultGraph

    store = GraphStore(tmp_path / "store")
    build([docs], store)
    default = {
        (q.subject, q.predicate, q.object) for q in store.oxigraph.quads_for_pattern(None, None, None, DefaultGraph())
    }
    union = {(q.subject, q.predicate, q.object) for q in store.quads()}
    assert default == union | derived_triples(store)  # the documents' union, and the counts derived from it
    store.remove_document("a.fake")
    store.flush()
    default = {
        (q.subject, q.predicate, q.object) for q in store.oxigraph.quads_for_pattern(None, None, None, DefaultGraph())
    }
    assert default == {(q.subject, q.predicate, q.object) for q in store.quads()} | derived_triples(store)
    labels = store.select("SELECT ?l WHERE { ?d a gt:Donor ; skos:prefLabel ?l }")
    assert [str(r[0]) for r in labels.rows] == ["GIZ"]  # once, though no longer duplicated anyway
    assert "USAID" not in {r["label"] for r in graph_records(store) if r["kind"] == "entity"}


def test_closures_reach_every_level_and_stop_at_cycles():
    from graphtool.rdf import closure

    chain = [("village", "hromada"), ("hromada", "raion"), ("raion", "oblast"), ("project", "village")]
    pairs = set(closure(chain))
    assert {("project", "oblast"), ("village", "raion"), ("hromada", "oblast")} <= pairs
    assert len(pairs) == 4 + 3 + 2 + 1 and ("oblast", "raion") not in pairs
    assert set(closure([("a", "b"), ("b", "a")])) == {("a", "b"), ("b", "a")}  # a cycle ends, no self-pairs


def test_document_graph_writes_the_closure_of_what_it_states():
    from graphtool.rdf import DocumentInfo, document_quads
    from tests.fixtures_graph import news_zhytomyr

    GT = "https://w3id.org/graphtool/ontology#"
    quads = document_quads(news_zhytomyr(), DocumentInfo("n.txt", "0" * 64, "fixture", "1"))
    within = {(q.subject.value, q.object.value) for q in quads if q.predicate.value == GT + "within"}
    located = {(q.subject.value, q.object.value) for q in quads if q.predicate.value == GT + "locatedIn"}
    assert located and located <= within
    assert any((s, o2) in within for s, o in located for o1, o2 in located if o == o1)  # two levels up
