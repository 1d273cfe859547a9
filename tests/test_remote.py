"""Reading the graph from a SPARQL endpoint: safe bindings, errors, and equal results to the embedded store.

The end-to-end tests start a real Oxigraph server (the ``oxigraph`` binary from PyPI), push the
shared test graph into it and compare every query of the library, the stats and the exports with
the embedded store. Protocol corner cases (partial results, retries, credentials, timeouts) use a
scripted loopback server.
"""

from __future__ import annotations

import base64
import json
import time

import pytest
from click.testing import CliRunner
from pyoxigraph import Literal as OxLiteral
from pyoxigraph import NamedNode, Quad, QueryBoolean, QueryTriples, Store, Variable
from rdflib import BNode, Literal, URIRef

from graphtool.derived import DERIVED_GRAPH
from graphtool.remote import (
    Auth,
    PartialResultError,
    RemoteError,
    RemoteStore,
    RetryableError,
    parse_retry_after,
    with_retries,
)
from graphtool.store import GraphStore, StoreError, to_rdflib
from graphtool.terms import BindingError, bind_values, term_n3
from tests.remote_helpers import OxigraphServer, ScriptedServer, json_results, mirrored_server

INJECTION = 'x"} ; DROP ALL ; INSERT DATA { <urn:a> <urn:b> "c" } #{'

# ------------------------------------------------------------------ bindings: same as Oxigraph substitution


def _tiny_store() -> Store:
    s = Store()
    e = lambda x: NamedNode("http://e/" + x)  # noqa: E731
    rows = [("a", "p", OxLiteral("A"), "g1"), ("b", "p", OxLiteral("B"), "g1"), ("a", "q", OxLiteral("1"), "g2"),
            ("b", "q", OxLiteral(INJECTION), "g2")]  # fmt: skip
    for subj, pred, obj, graph in rows:
        s.add(Quad(e(subj), e(pred), obj, e(graph)))
    return s


def _answers(store: Store, text: str, subs=None):
    r = store.query(text, use_default_graph_as_union=True, substitutions=subs)
    if isinstance(r, QueryBoolean):
        return bool(r)
    if isinstance(r, QueryTriples):
        return sorted(str(t) for t in r)
    names = sorted(v.value for v in r.variables)
    return sorted(tuple(str(sol[n]) if sol[n] is not None else "" for n in names) for sol in r)


A, LA, G2 = NamedNode("http://e/a"), OxLiteral("A"), NamedNode("http://e/g2")
SHAPES = [
    ("SELECT * WHERE { ?s ?p ?o }", {"s": A}),
    ("SELECT ?s ?o WHERE { ?s ?p ?o }", {"s": A}),
    ("SELECT ?s ?o WHERE { { SELECT ?s ?o WHERE { ?s ?p ?o } } }", {"s": A}),
    ("SELECT ?o ?s WHERE { { SELECT ?o WHERE { ?s ?p ?o } } }", {"s": A}),
    ("SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s", {"s": A}),
    ("SELECT ?o ?x WHERE { ?s ?p ?o { FILTER(?s = ?x) } }", {"x": A}),
    ("SELECT ?o ?x ?o2 WHERE { ?s ?p ?o OPTIONAL { ?s ?p2 ?o2 FILTER(?o2 != ?x) } }", {"x": LA}),
    ("SELECT ?s ?x WHERE { ?s ?p ?o MINUS { ?s ?p ?x } }", {"x": LA}),
    ("SELECT ?s ?x WHERE { { ?s ?p ?o FILTER(?o != ?x) } UNION { ?s ?p ?x } }", {"x": LA}),
    ("SELECT ?s ?x WHERE { ?s ?p ?o FILTER NOT EXISTS { ?s ?p ?x } }", {"x": LA}),
    ("SELECT ?s ?x WHERE { GRAPH ?g { ?s ?p ?o FILTER(?g = ?x) } }", {"x": G2}),
    ("SELECT ?s ?x WHERE { ?s ?p ?o { SELECT ?s WHERE { ?s ?p ?x } } }", {"x": LA}),
    (
        "SELECT ?s ?x ?n WHERE { { SELECT ?s ?x (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(?o != ?x) } GROUP BY ?s ?x } }",
        {"x": LA},
    ),  # fmt: skip
    ('SELECT ?s ?x WHERE { ?s ?p "?x {" } # { ?x }', {"x": LA}),
    ('SELECT ?s ?x WHERE { ?s <http://e/p> ?o VALUES ?o { "A" "B" } }', {"x": LA}),
    ("CONSTRUCT { ?s <http://e/r> ?x } WHERE { ?s ?p ?x }", {"x": LA}),
    ("ASK { ?s ?p ?x }", {"x": OxLiteral("Z")}),
    ("SELECT ?s ?x ?y WHERE { ?s ?p ?x . ?s ?q ?y }", {"x": LA, "y": OxLiteral("1")}),
    ("SELECT ?s $x WHERE { ?s ?p $x }", {"x": LA}),
    ("SELECT ?s ?o ?x WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), ?x)) }", {"x": OxLiteral('"} ; DROP')}),
    ("SELECT ?s ?x WHERE { ?s ?p ?x }", {"x": OxLiteral(INJECTION)}),
    ("SELECT ?s ?x ?o WHERE { ?s ?p ?x { ?s <http://e/q> ?o } UNION { ?s ?p ?o } }", {"x": LA}),
    ("SELECT ?s ?x ?o WHERE { ?s ?p ?o OPTIONAL { ?s <http://e/q> ?x } }", {"x": OxLiteral("1")}),
]


def test_a_group_that_names_no_bound_variable_gets_no_values_row():
    text = "SELECT ?s ?x ?o WHERE { ?s ?p ?x { ?s <http://e/q> ?o } UNION { ?s ?p ?o FILTER(?o != ?x) } }"
    rewritten = bind_values(text, {"x": Literal("A")})
    assert rewritten.count("VALUES") == 2  # the query's WHERE and the branch that names ?x, not the other branch
    assert rewritten.index("VALUES") < rewritten.index("?s ?p ?x")


@pytest.mark.parametrize(("query", "subs"), SHAPES, ids=range(len(SHAPES)))
def test_values_binding_gives_the_same_answers_as_oxigraph_substitution(query, subs):
    store = _tiny_store()
    want = _answers(store, query, {Variable(k): v for k, v in subs.items()})
    rewritten = bind_values(query, {k: to_rdflib(v) for k, v in subs.items()})
    assert _answers(store, rewritten) == want


def test_injection_text_stays_one_literal():
    rewritten = bind_values("SELECT ?s ?x WHERE { ?s ?p ?x }", {"x": INJECTION})
    # the only VALUES block holds the whole string as one escaped literal; the query still parses
    assert rewritten.count("VALUES") == 1
    assert '"x\\"} ; DROP ALL ; INSERT DATA { <urn:a> <urn:b> \\"c\\" } #{"' in rewritten
    rows = _answers(_tiny_store(), rewritten)
    assert len(rows) == 1 and rows[0][0] == "<http://e/b>"


def test_unsafe_terms_are_refused():
    with pytest.raises(BindingError, match="not a valid IRI"):
        term_n3(URIRef("http://x> } ; DROP ALL #"))
    with pytest.raises(BindingError, match="blank node"):
        term_n3(BNode())
    with pytest.raises(BindingError, match="not a variable name"):
        bind_values("SELECT ?x WHERE { ?x ?p ?o }", {"x} DROP ALL": Literal("a")})
    # each reader says it in its own error: the store's, the endpoint's (before any request is made)
    with pytest.raises(StoreError, match="variable name"):
        GraphStore(None).select("SELECT ?x WHERE { ?x ?p ?o }", {"x} DROP ALL": Literal("a")})
    with pytest.raises(RemoteError, match="not a valid IRI"):
        RemoteStore("http://127.0.0.1:9/query", check_union=False).select(
            "SELECT ?p WHERE { ?x ?p ?o }", {"x": URIRef("http://x> } ; DROP ALL #")}
        )
    assert term_n3(5) == '"5"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert term_n3(Literal("Київ", lang="uk")) == '"Київ"@uk'
    assert term_n3("a\nb\\") == '"a\\nb\\\\"'


# ------------------------------------------------------------------ auth, retries


def test_credentials_come_from_the_environment():
    assert Auth.from_env({}).headers() == {}
    assert Auth.from_env({"GRAPHTOOL_TOKEN": "t0k"}).headers() == {"Authorization": "Bearer t0k"}
    basic = Auth.from_env({"GRAPHTOOL_USER": "ann", "GRAPHTOOL_PASSWORD": "p:w"}).headers()["Authorization"]
    assert base64.b64decode(basic.split()[1]) == b"ann:p:w"
    assert "t0k" not in repr(Auth.from_env({"GRAPHTOOL_TOKEN": "t0k"}))


def test_retry_after_and_backoff():
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert parse_retry_after("soon") is None
    waits, calls = [], []

    def flaky():
        calls.append(1)
        if len(calls) == 1:
            raise RetryableError("busy", retry_after=7)
        if len(calls) < 4:
            raise RetryableError("down")
        return "done"

    assert with_retries(flaky, retries=5, backoff=0.5, sleep=waits.append) == "done"
    assert waits == [7, 1.0, 2.0]  # Retry-After first, then exponential backoff
    with pytest.raises(RemoteError, match="gave up after 3 attempts"):
        with_retries(lambda: (_ for _ in ()).throw(RetryableError("down")), retries=2, sleep=lambda _s: None)


# ------------------------------------------------------------------ protocol corner cases (scripted server)

ONE_ROW = json_results([{"n": "1"}], ["n"])
JSON = {"Content-Type": "application/sparql-results+json"}


def test_partial_results_are_errors():
    partial = (206, {**JSON, "X-SQL-State": "S1TAT"}, ONE_ROW, 0)
    with ScriptedServer([partial]) as server:
        with pytest.raises(PartialResultError, match="partial"):
            RemoteStore(server.url + "/sparql", check_union=False).select("SELECT ?n WHERE { ?s ?p ?n }")
    capped = (200, {**JSON, "X-SPARQL-MaxRows": "10000"}, ONE_ROW, 0)
    with ScriptedServer([capped]) as server:
        with pytest.raises(PartialResultError, match="MaxRows|10000"):
            RemoteStore(server.url + "/sparql", check_union=False).select("SELECT ?n WHERE { ?s ?p ?n }")


def test_an_answer_cut_mid_way_is_an_error_not_a_short_table():
    cut = (200, {**JSON, "Content-Length": str(len(ONE_ROW) + 500)}, ONE_ROW, 0)
    with ScriptedServer([cut]) as server:
        with pytest.raises(RemoteError, match="broke during the answer"):
            RemoteStore(server.url + "/sparql", check_union=False).select("SELECT ?n WHERE { ?s ?p ?n }")
        assert len(server.requests) == 3  # retried twice: a broken connection may be transient


def test_busy_server_is_retried_and_credentials_are_sent(monkeypatch):
    monkeypatch.setenv("GRAPHTOOL_TOKEN", "s3cret")
    script = [
        (503, {"Retry-After": "0"}, b"busy", 0),
        (429, {"Retry-After": "0"}, b"slow down", 0),
        (200, JSON, ONE_ROW, 0),
    ]
    with ScriptedServer(script) as server:
        table = RemoteStore(server.url + "/sparql", check_union=False).select("SELECT ?n WHERE { ?s ?p ?n }")
        assert [[str(c) for c in row] for row in table.rows] == [["1"]]
        assert len(server.requests) == 3
        assert all(r["headers"].get("Authorization") == "Bearer s3cret" for r in server.requests)
        query = server.requests[-1]["path"]
        assert "PREFIX+gt%3A" in query or "PREFIX%20gt%3A" in query  # predeclared prefixes travel with the query


def test_http_errors_say_what_to_do():
    with ScriptedServer([(401, {}, b"who are you", 0)]) as server:
        with pytest.raises(RemoteError, match="GRAPHTOOL_TOKEN"):
            RemoteStore(server.url + "/sparql", check_union=False).select("SELECT * WHERE { ?s ?p ?o }")
    with ScriptedServer([(400, {}, b"bad query near line 1", 0)]) as server:
        with pytest.raises(RemoteError, match="bad query near line 1"):
            RemoteStore(server.url + "/sparql", check_union=False).select("SELECT * WHERE { ?s ?p ?o }")
        assert len(server.requests) == 1  # a rejected query is not retried


def test_slow_server_times_out():
    with ScriptedServer([(200, JSON, ONE_ROW, 3.0)]) as server:
        start = time.monotonic()
        with pytest.raises(RemoteError, match="no answer within 1 s"):
            RemoteStore(server.url + "/sparql", timeout=1, check_union=False).select("SELECT ?n WHERE { ?s ?p ?n }")
        assert time.monotonic() - start < 2.9


def test_not_an_endpoint_url():
    with pytest.raises(RemoteError):
        RemoteStore("file:///etc/passwd")


# ------------------------------------------------------------------ a real Oxigraph server


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """(local store, Oxigraph server holding the same graphs)."""
    with mirrored_server(tmp_path_factory.mktemp("remote")) as (local, server, report):
        derived = sum(1 for _ in local.oxigraph.quads_for_pattern(None, None, None, NamedNode(DERIVED_GRAPH)))
        assert derived > 0 and report.triples == len(local) + derived  # the derived counts travel with the documents
        yield local, server


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal) and " | " in str(term):
        # GROUP_CONCAT order is implementation-defined (it follows storage order): compare the parts
        return " | ".join(sorted(str(term).split(" | ")))
    return term.n3()


def _rows(table):
    return sorted(tuple(_cell(t) for t in row) for row in table.rows)


def test_every_library_query_gives_the_same_rows_remotely(loaded):
    from graphtool import library

    local, server = loaded
    remote = RemoteStore(server.query_url, timeout=30)
    queries = library.load_queries()
    assert queries, "the query library is empty"
    checked = nonempty = 0
    for name, q in sorted(queries.items()):
        values = {p.name: p.example for p in q.params if not p.optional}
        want = library.run_query(local, name, values)
        got = library.run_query(remote, name, values)
        assert got.variables == want.variables, name
        assert _rows(got) == _rows(want), name
        checked += 1
        nonempty += bool(want.rows)
    assert checked == len(queries)
    assert nonempty >= len(queries) * 3 // 4  # the comparison is about real rows, not empty tables


def test_every_rq_file_runs_remotely_with_bound_examples(loaded):
    """Each .rq file run raw (no library helpers) with its example values bound as terms: same rows."""
    from graphtool import library

    local, server = loaded
    remote = RemoteStore(server.query_url)
    for path in library.query_files():
        q = library.parse_query(path.stem, path.read_text(encoding="utf-8"))
        bindings = library.bind_params(local, q, {p.name: p.example for p in q.params if not p.optional})
        assert _rows(remote.select(q.text, bindings)) == _rows(local.select(q.text, bindings)), path.name


def test_documents_stats_and_exports_match(loaded):
    import io

    from graphtool.cli import main
    from graphtool.export import write_jsonl
    from graphtool.stats import store_stats

    local, server = loaded
    remote = RemoteStore(server.query_url)
    assert remote.documents() == local.documents()
    assert len(remote) == len(local)
    assert store_stats(remote) == store_stats(local)

    runner = CliRunner()
    jsonl = runner.invoke(main, ["export", "jsonl", "--endpoint", server.query_url])
    assert jsonl.exit_code == 0, jsonl.output
    want = io.StringIO()
    write_jsonl(local, want)
    assert jsonl.output == want.getvalue() and jsonl.output.count("\n") > 10
    nquads = runner.invoke(main, ["export", "nquads", "--endpoint", server.query_url])
    assert nquads.exit_code == 0, nquads.output
    buf = io.BytesIO()
    local.dump(buf, "nquads")
    assert sorted(nquads.output.splitlines()) == sorted(buf.getvalue().decode("utf-8").splitlines())


def test_cli_sparql_and_stats_over_the_endpoint(loaded):
    from graphtool.cli import main
    from graphtool.formats import render
    from graphtool.query import run_sparql

    local, server = loaded
    runner = CliRunner()
    q = "SELECT ?d ?l WHERE { ?d a gt:Donor ; skos:prefLabel ?l } ORDER BY ?d ?l"
    result = runner.invoke(main, ["sparql", q, "--endpoint", server.query_url, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output == render(run_sparql(local, q), "csv")
    assert "Donor" in result.output or "donor" in result.output
    ask = runner.invoke(main, ["sparql", "ASK { ?d a gt:Donor }", "--endpoint", server.query_url])
    assert ask.exit_code == 0 and "true" in ask.output
    stats = runner.invoke(main, ["stats", "--json", "--endpoint", server.query_url])
    assert stats.exit_code == 0, stats.output
    assert json.loads(stats.output)["documents"] == len(local.documents())
    bad = runner.invoke(main, ["sparql", "SELECT * WHERE {", "--endpoint", server.query_url])
    assert bad.exit_code == 1 and "HTTP 400" in bad.output


def test_hostile_binding_neither_breaks_nor_changes_the_graph(loaded):
    local, server = loaded
    remote = RemoteStore(server.query_url)
    before = len(remote)
    q = "SELECT ?e ?text WHERE { ?e skos:prefLabel ?l FILTER(CONTAINS(STR(?l), ?text)) }"
    for hostile in (INJECTION, "} ; DROP ALL", "'''", '\\"', "{ ?e ?p ?o }"):
        assert remote.select(q, {"text": hostile}).rows == local.select(q, {"text": hostile}).rows == []
    assert len(remote) == before
    from graphtool import library

    table = library.run_query(remote, "find_entities", {"text": '"} ; DROP ALL #'})
    assert table.rows == []


def test_server_without_union_default_graph_is_caught(loaded, tmp_path):
    from graphtool.push import push

    local, _server = loaded
    bare = OxigraphServer(tmp_path / "bare", union=False).start()
    try:
        push(local, graph_store_url=bare.store_url)
        with pytest.raises(RemoteError, match="union-default-graph"):
            RemoteStore(bare.query_url).select("SELECT ?d WHERE { ?d a gt:Donor }")
        # Oxigraph also takes the union as a protocol parameter in the endpoint URL
        via_param = RemoteStore(bare.query_url + "?union-default-graph")
        q = "SELECT ?d WHERE { ?d a gt:Donor } ORDER BY ?d"
        assert via_param.select(q).rows == local.select(q).rows
    finally:
        bare.stop()


def test_reports_maps_and_analysis_read_the_endpoint_like_the_store(loaded, tmp_path):
    from graphtool.cli import main
    from graphtool.maps import write_map
    from graphtool.network import analyze_network, load_network
    from graphtool.report import build_report, render_markdown

    local, server = loaded
    remote = RemoteStore(server.query_url)
    for kind, name in (("community", "Житомир"), ("donor", "USAID"), ("program", "U-LEAD з Європою"),
                       ("partnerships", None)):  # fmt: skip
        assert render_markdown(build_report(remote, kind, name)) == render_markdown(build_report(local, kind, name))
    a, b = analyze_network(load_network(remote)), analyze_network(load_network(local))
    assert a == b
    ra = write_map(remote, tmp_path / "remote.html", donor="USAID")
    la = write_map(local, tmp_path / "local.html", donor="USAID")
    assert (ra.nodes, ra.edges) == (la.nodes, la.edges) and ra.nodes > 0

    runner = CliRunner()
    for args in (
        ["query", "run", "donors_in_community", "-p", "community=Житомир", "--format", "csv"],
        ["report", "community", "Житомир"],
        ["analyze", "--format", "json"],
    ):
        result = runner.invoke(main, [*args, "--endpoint", server.query_url])
        assert result.exit_code == 0, (args, result.output)
        assert "Житомир" in result.output or "nodes" in result.output


# ------------------------------------------------------------------ the bundled examples, built by the real pipeline


@pytest.fixture(scope="module")
def examples_pushed(tmp_path_factory):
    """The repository's examples/ built with the real loaders, pushed by the CLI into an Oxigraph server."""
    import gc
    from pathlib import Path

    from graphtool.build import build, expand_paths
    from graphtool.cli import main

    examples = Path(__file__).resolve().parents[1] / "examples"
    if not examples.is_dir():
        pytest.skip("no examples/ folder")
    base = tmp_path_factory.mktemp("examples")
    writer = GraphStore(base / "store")
    report = build(expand_paths([examples]), writer)
    if not report.documents:
        pytest.skip(f"the examples did not load: {report.errors}")
    writer.flush()
    del writer
    gc.collect()
    server = OxigraphServer(base / "oxigraph").start()
    try:
        pushed = CliRunner().invoke(main, ["push", "--store", str(base / "store"), "--graph-store", server.store_url])
        assert pushed.exit_code == 0, pushed.output
        assert f"pushed {report.documents + 1} graphs" in pushed.output  # and the derived counts
        yield GraphStore(base / "store", read_only=True), server
    finally:
        server.stop()


def test_examples_every_library_query_and_export_match(examples_pushed):
    import io

    from graphtool import library
    from graphtool.export import write_jsonl

    local, server = examples_pushed
    remote = RemoteStore(server.query_url)
    assert len(remote) == len(local) > 0
    outcomes = 0
    for name, q in sorted(library.load_queries().items()):
        values = {p.name: p.example for p in q.params if not p.optional}
        try:
            want = library.run_query(local, name, values)
        except library.LibraryError as exc:  # an example name the examples do not mention: same error remotely
            with pytest.raises(library.LibraryError) as got_exc:
                library.run_query(remote, name, values)
            assert str(got_exc.value) == str(exc)
            continue
        got = library.run_query(remote, name, values)
        assert got.variables == want.variables and _rows(got) == _rows(want), name
        outcomes += bool(want.rows)
    assert outcomes > 0
    want_jsonl = io.StringIO()
    write_jsonl(local, want_jsonl)
    got_jsonl = io.StringIO()
    write_jsonl(remote.snapshot(), got_jsonl)
    assert got_jsonl.getvalue() == want_jsonl.getvalue()


def test_examples_rdf_and_network_exports_match(examples_pushed, tmp_path):
    """Same triples and the same network; only the serialisation order may differ between stores."""
    import networkx as nx
    import rdflib

    from graphtool.cli import main

    local, server = examples_pushed
    runner = CliRunner()
    for fmt, parse_as in (("turtle", "turtle"), ("trig", "trig")):
        remote_file, local_file = tmp_path / f"remote.{fmt}", tmp_path / f"local.{fmt}"
        result = runner.invoke(main, ["export", fmt, "--endpoint", server.query_url, "-o", str(remote_file)])
        assert result.exit_code == 0, result.output
        local.dump(str(local_file), fmt)
        got, want = rdflib.Dataset(), rdflib.Dataset()
        got.parse(remote_file, format=parse_as)
        want.parse(local_file, format=parse_as)
        assert set(got) == set(want) and len(want) > 100
    from graphtool.network import write_network

    result = runner.invoke(
        main, ["export", "graphml", "--endpoint", server.query_url, "-o", str(tmp_path / "r.graphml")]
    )
    assert result.exit_code == 0, result.output
    write_network(local, "graphml", tmp_path / "l.graphml")
    got, want = nx.read_graphml(tmp_path / "r.graphml"), nx.read_graphml(tmp_path / "l.graphml")
    assert dict(got.nodes(data=True)) == dict(want.nodes(data=True))
    assert sorted(map(repr, got.edges(data=True))) == sorted(map(repr, want.edges(data=True)))
