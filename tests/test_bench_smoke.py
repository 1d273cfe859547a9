"""The benchmark harness runs end to end at its smoke size and writes a well-formed report.

No timing assertions: a timing is a benchmark, not a test.
"""

from __future__ import annotations

import json

import pytest

from bench import corpus, refdata, report, run, synth


def test_reference_data_is_real_and_inflected():
    assert len(refdata.donors()) >= 30 and len(refdata.programs()) >= 30
    hromadas = refdata.hromadas()
    assert len(hromadas) > 1000
    h = next(h for h in hromadas if h.adjective == "Шацька")
    assert h.code.startswith("UA07") and h.oblast == "Волинська"
    assert h.genitive == "Шацької територіальної громади"
    assert h.locative == "Шацькій територіальній громаді"
    assert any(c.label_uk == "Люблін" and c.country == "PL" for c in refdata.partner_cities())


def test_corpus_documents_are_ukrainian_prose_with_names(tmp_path):
    info = corpus.write_corpus(tmp_path, 30_000, seed=3, doc_chars=(5000, 8000))
    assert info["documents"] >= 3 and info["bytes"] >= 30_000
    text = (tmp_path / "doc_00000.txt").read_text(encoding="utf-8")
    assert "територіальн" in text and "«" in text


def test_synthetic_graph_parses_and_follows_the_layout(tmp_path):
    from graphtool.store import GraphStore

    path = tmp_path / "g.nq"
    info = synth.write_nquads(path, 2000)
    store = GraphStore(tmp_path / "store")
    store.bulk_load_nquads(path)
    assert len(store) == info["triples"]
    # a bulk load into an empty store fills the deduplicated default graph that queries read
    del store
    store = GraphStore(tmp_path / "store")
    assert store.default_graph_is_index and len(store) == info["triples"]
    # the closure reaches every level: a project is within its hromada and that hromada's oblast
    two_levels = store.select(
        "SELECT ?x ?o WHERE { ?x a gt:Project ; gt:locatedIn/gt:locatedIn ?o FILTER NOT EXISTS { ?x gt:within ?o } }"
    ).rows
    assert not two_levels and store.select("SELECT * WHERE { ?x a gt:Project ; gt:within ?o }").rows
    docs = store.documents()
    assert len(docs) == info["documents"] and docs[0]["loader"] == "narrative"
    rows = store.select(
        "SELECT ?donor ?project ?sentence WHERE { ?donor a gt:Donor ; gt:funds ?project . ?project a gt:Project ."
        " ?e a gt:Evidence ; rdf:subject ?donor ; rdf:object ?project ; gt:sentence ?sentence }"
    ).rows
    assert rows and all(str(r[2]) for r in rows)
    # evidence offsets point into the document text the sentences were laid out in
    off = store.select("SELECT ?s ?e WHERE { ?m gt:startOffset ?s ; gt:endOffset ?e } LIMIT 5").rows
    assert all(int(e) > int(s) for s, e in off)


@pytest.fixture(scope="module")
def smoke(tmp_path_factory):
    # extraction is exercised below with a stub loader: the real one may build its caches first
    out = tmp_path_factory.mktemp("bench-out")
    assert run.main(["--smoke", "--out", str(out), "--only", "stores,maps"]) == 0
    return out


def test_extraction_worker_measures_a_loader(tmp_path, monkeypatch):
    from bench import worker

    (tmp_path / "stubloader.py").write_text(
        "from loaders.base import Extraction\n"
        "class L:\n"
        "    def extract_text(self, text, name):\n"
        "        return Extraction()\n"
        "LOADER = L()\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    folder = tmp_path / "corpus"
    corpus.write_corpus(folder, 20_000, doc_chars=(4000, 6000))
    out = worker._Out(tmp_path / "out.json")
    worker.task_extract({"corpus": str(folder), "loader_module": "stubloader", "budget_s": 30}, out)
    data = json.loads((tmp_path / "out.json").read_text())
    assert data["status"] == "ok" and data["documents"] == data["documents_total"] >= 2
    assert data["kb"] >= 19 and data["api"] == "extract_text" and data["peak_rss_mb"] > 0


def test_smoke_run_writes_results(smoke):
    results = json.loads((smoke / "results.json").read_text())
    assert results["mode"] == "smoke"
    assert results["machine"]["cores"] >= 1 and results["machine"]["memory_gb"] > 0
    size = results["stores"]["sizes"][0]
    for kind in ("oxigraph-disk", "oxigraph-mem", "rdflib"):
        store = size["stores"][kind]
        assert store["status"] == "ok", store
        assert store["triples"] == size["triples"]
        for q in store["queries"].values():
            # rdflib may exceed the smoke time limit or fail to evaluate a query: a result, not a failure
            assert q["status"] == "ok" or (kind == "rdflib" and q["status"] in ("stopped", "skipped", "error")), q
    # the same query returns the same number of rows on every store that finished it
    for name in size["stores"]["oxigraph-disk"]["queries"]:
        counts = {
            size["stores"][k]["queries"][name]["rows"]
            for k in ("oxigraph-disk", "oxigraph-mem", "rdflib")
            if size["stores"][k]["queries"][name]["status"] == "ok"
        }
        assert len(counts) == 1, (name, counts)
    assert results["maps"]["sizes"]
    # the report and map questions and the two commands end to end are timed on the embedded store
    disk = size["stores"]["oxigraph-disk"]["queries"]
    assert results["queries"]["report_map"] and set(results["queries"]["report_map"]) <= set(disk)
    for name in results["queries"]["report_map"]:
        if name.startswith(("report:", "map:")):
            assert disk[name]["status"] == "ok" and disk[name]["rows"] > 0, (name, disk[name])
            assert size["stores"]["rdflib"]["queries"][name]["status"] == "skipped"


def test_benchmark_times_every_question_reports_and_maps_ask(tmp_path):
    """Every ``queries/internal`` question a report or map asks is among the benchmark's timed questions."""
    from bench import querysets, worker
    from graphtool import reader
    from graphtool.store import GraphStore

    path = tmp_path / "g.nq"
    synth.write_nquads(path, 3000)
    store = GraphStore(None)
    store.bulk_load_nquads(path)
    store.flush()
    # by the first line: a question about many entities carries their VALUES block in its text
    texts = {reader.question(p.stem).splitlines()[0]: p.stem for p in reader.INTERNAL.glob("*.rq")}
    assert len(texts) == len(list(reader.INTERNAL.glob("*.rq")))
    asked: set[str] = set()

    class Recording:
        def select(self, query, bindings=None):
            asked.add(texts.get(query.splitlines()[0], "not an internal question"))
            return store.select(query, bindings)

    for q in querysets.operation_queries(synth.anchors()):
        assert worker.run_operation(Recording(), q["operation"], str(tmp_path / "map.html")) > 0, q["name"]
    timed = {q["name"].removeprefix("internal:").split("@")[0] for q in querysets.report_map_queries(synth.anchors())}
    assert asked and asked <= timed, asked - timed


def test_smoke_report_has_every_section(smoke):
    text = (smoke / "RESULTS.md").read_text(encoding="utf-8")
    for heading in ("## Machine", "## Targets", "## Load", "## Queries", "## Maps"):
        assert heading in text
    assert "ref:projects-of-donor" in text


def test_report_renders_missing_sections():
    text = report.render({"mode": "full", "machine": {}})
    assert "## Targets" in text and "not measured" in text


def test_synthetic_graph_keeps_the_measured_shape_of_extraction_output(tmp_path):
    """bench.shape on a generated graph: documents as short and hubs as rare as the real corpus's (bench/RESULTS.md:
    entities per document median 6, a programme in 1.8 documents, the most frequent donor in 19% of them)."""
    from bench import shape
    from graphtool.store import GraphStore

    path = tmp_path / "g.nq"
    info = synth.write_nquads(path, 40_000)
    store = GraphStore(None)
    store.bulk_load_nquads(path)
    found = shape.shape(store)
    assert found["documents"] == info["documents"] and found["quads"] == info["triples"]
    assert 4 <= found["entities_per_document"]["median"] <= 10
    assert found["entities_per_document"]["max"] > 3 * found["entities_per_document"]["median"]  # a long tail
    assert found["hubs"]["Program"]["documents_per_entity"] < 4
    assert found["hubs"]["Donor"]["most_frequent_in"] < 0.35
