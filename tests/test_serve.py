"""``graphtool serve``: a read-only SPARQL 1.1 endpoint, queried here with SPARQLWrapper and plain HTTP."""

from __future__ import annotations

import gc
import json
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from graphtool.remote import RemoteStore
from graphtool.serve import make_server, negotiate, serve_in_thread
from graphtool.store import GraphStore
from tests.remote_helpers import small_graph_store


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(local store, running server) over the shared test graph; the server uses a 1.5 s query limit."""
    base = tmp_path_factory.mktemp("serve")
    writer = small_graph_store(base / "store")
    path = writer.path
    del writer  # closes the read-write store: serve reads it like any finished build
    gc.collect()
    local = GraphStore(path, read_only=True)
    server = make_server(local.path, port=0, timeout=1.5, workers=2)
    serve_in_thread(server)
    try:
        yield local, server
    finally:
        server.shutdown()
        server.server_close()


def _get(url: str, headers: dict[str, str] | None = None, data: bytes | None = None, method: str | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


DONORS = "SELECT ?d ?l WHERE { ?d a gt:Donor ; skos:prefLabel ?l } ORDER BY ?d ?l"


def test_sparqlwrapper_reads_the_served_store(served):
    from SPARQLWrapper import JSON, SPARQLWrapper

    local, server = served
    sw = SPARQLWrapper(server.url + "/sparql")
    sw.setQuery(
        "PREFIX gt: <https://w3id.org/graphtool/ontology#> SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a gt:Donor }"
    )
    sw.setReturnFormat(JSON)
    sw.setTimeout(20)
    data = sw.query().convert()
    want = local.select("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a gt:Donor }").rows[0][0]
    assert int(data["results"]["bindings"][0]["n"]["value"]) == int(want) > 0


def test_remote_store_over_serve_equals_local(served):
    from graphtool import library

    local, server = served
    remote = RemoteStore(server.url + "/sparql")
    assert remote.select(DONORS).rows == local.select(DONORS).rows
    assert remote.documents() == local.documents()
    for name, q in sorted(library.load_queries().items()):
        values = {p.name: p.example for p in q.params if not p.optional}
        got, want = library.run_query(remote, name, values), library.run_query(local, name, values)
        assert got.variables == want.variables, name
        assert len(got.rows) == len(want.rows), name


@pytest.mark.parametrize(
    ("accept", "ctype", "check"),
    [
        ("application/sparql-results+json", "application/sparql-results+json", lambda b: json.loads(b)["head"]),
        ("application/sparql-results+xml", "application/sparql-results+xml", lambda b: b.startswith(b"<?xml")),
        ("text/csv", "text/csv", lambda b: b.startswith(b"d,l\r\n")),
        ("text/tab-separated-values", "text/tab-separated-values", lambda b: b.startswith(b"?d\t?l\n")),
        ("text/html;q=0.9, text/csv", "text/csv", lambda b: b"," in b),
        ("*/*", "application/sparql-results+json", lambda b: json.loads(b)),
        (None, "application/sparql-results+json", lambda b: json.loads(b)),
    ],
)
def test_result_formats_by_accept_header(served, accept, ctype, check):
    _local, server = served
    headers = {"Accept": accept} if accept else {}
    status, head, body = _get(server.url + "/sparql?query=" + urllib.parse.quote(DONORS), headers)
    assert status == 200, body
    assert head["Content-Type"].startswith(ctype)
    assert check(body)
    assert "Access-Control-Allow-Origin" not in head  # CORS only with --cors


def test_post_forms_and_graph_results(served):
    _local, server = served
    form = urllib.parse.urlencode({"query": "ASK { ?d a gt:Donor }"}).encode()
    status, head, body = _get(
        server.url + "/sparql",
        {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
        form,
    )
    assert status == 200 and json.loads(body)["boolean"] is True
    status, head, body = _get(
        server.url + "/sparql",
        {"Content-Type": "application/sparql-query", "Accept": "application/n-triples"},
        b"CONSTRUCT WHERE { ?d a gt:Donor }",
    )
    assert status == 200 and head["Content-Type"].startswith("application/n-triples")
    assert body.count(b"\n") >= 1 and b"ontology#Donor>" in body
    status, _head, body = _get(server.url + "/sparql?query=" + urllib.parse.quote(DONORS), {"Accept": "image/png"})
    assert status == 406


def test_updates_are_refused(served):
    from SPARQLWrapper import POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    from graphtool.answers import ANSWERS_GRAPH
    from graphtool.derived import DERIVED_GRAPH

    local, server = served
    before = len(local)
    attempts = [
        (server.url + "/sparql", {"Content-Type": "application/sparql-update"}, b"DROP ALL", "POST"),
        (server.url + "/sparql", {"Content-Type": "application/x-www-form-urlencoded"}, b"update=DROP+ALL", "POST"),
        (server.url + "/store?default", {"Content-Type": "application/n-triples"}, b"<urn:a> <urn:b> <urn:c> .", "PUT"),
        (server.url + "/store?graph=urn:x", {}, None, "DELETE"),
    ]
    for url, headers, data, method in attempts:
        status, _head, body = _get(url, headers, data, method)
        assert status == 403, (url, method, body)
    sw = SPARQLWrapper(server.url + "/sparql", updateEndpoint=server.url + "/sparql")
    sw.setMethod(POST)
    sw.setQuery("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
        sw.query()
    status, _head, body = _get(server.url + "/sparql?query=" + urllib.parse.quote("DROP ALL"))
    assert status == 400  # an update sent as a query is not a query
    assert (
        RemoteStore(server.url + "/sparql")
        .select(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
            f"FILTER(?g NOT IN (<{DERIVED_GRAPH}>, <{ANSWERS_GRAPH}>)) }}"
        )
        .rows[0][0]
        .toPython()
        == before  # the documents' quads, untouched (the derived counts, the answers' token are no document's)
    )


def test_federated_service_calls_are_refused(served):
    _local, server = served
    for query in (
        "SELECT * WHERE { SERVICE <http://169.254.169.254/latest/meta-data/> { ?s ?p ?o } }",
        "select * where { service silent <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    ):
        status, _head, body = _get(server.url + "/sparql?query=" + urllib.parse.quote(query))
        assert status == 400 and b"SERVICE" in body
    ok = 'SELECT ?x WHERE { BIND("SERVICE <http://x/>" AS ?x) } # SERVICE in a comment'
    status, _head, body = _get(server.url + "/sparql?query=" + urllib.parse.quote(ok))
    assert status == 200


def test_cors_only_when_switched_on_and_only_on_the_endpoint(served):
    _local, server = served
    status, head, _body = _get(server.url + "/sparql", {"Origin": "https://example.org"}, method="OPTIONS")
    assert status == 204 and "Access-Control-Allow-Origin" not in head
    server.cors = True  # graphtool serve --cors
    try:
        status, head, _body = _get(server.url + "/sparql", {"Origin": "https://example.org"}, method="OPTIONS")
        assert status == 204
        assert head["Access-Control-Allow-Origin"] == "*"
        assert "POST" in head["Access-Control-Allow-Methods"]
        status, head, _body = _get(server.url + "/sparql?query=" + urllib.parse.quote("ASK {}"))
        assert status == 200 and head["Access-Control-Allow-Origin"] == "*"
        status, head, _body = _get(server.url + "/queries")
        assert status == 200 and "Access-Control-Allow-Origin" not in head  # pages are for people, not scripts
    finally:
        server.cors = False


def test_runaway_query_is_stopped_and_the_server_keeps_answering(served):
    _local, server = served
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    start = time.monotonic()
    status, _head, body = _get(server.url + "/sparql?query=" + urllib.parse.quote(slow))
    assert status == 504 and b"1.5 s" in body
    assert time.monotonic() - start < 10
    for _ in range(3):  # the killed worker was replaced
        status, _head, _body = _get(server.url + "/sparql?query=" + urllib.parse.quote(DONORS))
        assert status == 200


def test_html_pages(served):
    _local, server = served
    status, head, body = _get(server.url + "/")
    page = body.decode("utf-8")
    assert status == 200 and head["Content-Type"].startswith("text/html")
    assert "/queries/donors_in_community" in page and "<textarea" in page
    q = urllib.parse.quote('SELECT ?x WHERE { BIND("<script>alert(1)</script>" AS ?x) }')
    status, _head, body = _get(server.url + "/?query=" + q)
    assert status == 200 and b"<script>alert" not in body and b"&lt;script&gt;" in body
    status, _head, body = _get(server.url + "/queries/donors_in_community")
    assert status == 200 and b"<table>" in body and b"USAID" in body
    status, _head, body = _get(server.url + "/queries/find_entities?text=" + urllib.parse.quote('"} ; DROP ALL #'))
    assert status == 200 and b"<p>0 rows</p>" in body
    status, _head, _body = _get(server.url + "/queries/no_such_query")
    assert status == 404


def test_report_map_and_analysis_pages(served):
    _local, server = served
    q = urllib.parse.quote
    status, _head, body = _get(server.url + "/report?kind=community&name=" + q("Житомир"))
    assert status == 200 and "Житомир" in body.decode("utf-8") and b"<table>" in body
    status, _head, body = _get(server.url + "/report?kind=donor&name=" + q("<img src=x onerror=alert(1)>"))
    assert status == 400 and b"<img src=x" not in body
    status, head, body = _get(server.url + "/map?donor=USAID")
    assert status == 200 and head["Content-Type"].startswith("text/html") and b"vis" in body
    assert b"https://cdn" not in body  # the map page opens offline
    status, _head, body = _get(server.url + "/analyze")
    assert status == 200 and b"Louvain" in body
    status, _head, _body = _get(server.url + "/map?donor=" + q("Nobody At All"))
    assert status == 400


def test_negotiate():
    offers = {"application/sparql-results+json": "JSON", "text/csv": "CSV"}
    assert negotiate(None, offers) == "application/sparql-results+json"
    assert negotiate("text/csv;q=0.5, application/sparql-results+json;q=0.4", offers) == "text/csv"
    assert negotiate("text/*", offers) == "text/csv"
    assert negotiate("image/png", offers) is None


def test_serve_cli_defaults_to_localhost():
    from click.testing import CliRunner

    from graphtool.cli import main

    help_text = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "127.0.0.1" in help_text and "--timeout" in help_text


def test_missing_store_is_a_clear_error(tmp_path):
    from click.testing import CliRunner

    from graphtool.cli import main

    result = CliRunner().invoke(main, ["serve", "--store", str(tmp_path / "nothing"), "--port", "0"])
    assert result.exit_code == 1 and "no store" in result.output


def test_a_build_while_serving_shows_up_without_restart(tmp_path):
    from pyoxigraph import Literal, NamedNode, Quad

    writer = small_graph_store(tmp_path / "store")
    server = make_server(writer.path, port=0, timeout=10, workers=1)
    serve_in_thread(server)
    try:
        remote = RemoteStore(server.url + "/sparql")
        count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        before = int(remote.select(count).rows[0][0])
        graph = NamedNode("https://w3id.org/graphtool/id/document/new-report")
        writer.replace_document(graph.value, [Quad(NamedNode("urn:x"), NamedNode("urn:p"), Literal("нове"), graph)])
        writer.flush()
        del writer  # the build ends (while a build runs, queries may get 503 and are retried)
        gc.collect()
        deadline = time.monotonic() + 10
        while int(remote.select(count).rows[0][0]) != before + 1 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert int(remote.select(count).rows[0][0]) == before + 1
    finally:
        server.shutdown()
        server.server_close()


def test_serve_command_runs_and_stops_cleanly_on_sigterm(tmp_path):
    import re
    import shutil
    import signal
    import subprocess
    import sys
    from pathlib import Path

    writer = small_graph_store(tmp_path / "store")
    path = writer.path
    del writer
    gc.collect()
    graphtool = Path(sys.executable).parent / "graphtool"
    args = [str(graphtool), "serve", "--store", str(path), "--port", "0", "--workers", "1"]
    proc = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()  # "graphtool serve: http://127.0.0.1:PORT/ ..."
        match = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
        assert match, line
        url = match.group(1)
        status, _head, body = _get(url + "/sparql?query=" + urllib.parse.quote("ASK { ?d a gt:Donor }"))
        assert status == 200 and json.loads(body)["boolean"] is True
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(5)
    if shutil.which("pgrep"):
        found = subprocess.run(["pgrep", "-f", f"graphtool.serve --worker .* {path}"], capture_output=True, text=True)
        assert found.stdout.strip() == ""  # no worker outlives the server


def test_answers_are_kept_while_the_store_is_unchanged(served):
    _local, server = served
    cache = server.pool.cache
    url = server.url + "/sparql?" + urllib.parse.urlencode({"query": DONORS})
    first = _get(url, {"Accept": "text/csv"})
    hits = cache.hits
    second = _get(url, {"Accept": "text/csv"})
    assert first[0] == second[0] == 200 and first[2] == second[2]
    assert cache.hits == hits + 1
    now = "SELECT (NOW() AS ?t) WHERE {}"  # a volatile function: computed every time, never kept
    misses, hits = cache.misses, cache.hits
    _get(server.url + "/sparql?" + urllib.parse.urlencode({"query": now}))
    _get(server.url + "/sparql?" + urllib.parse.urlencode({"query": now}))
    assert (cache.misses, cache.hits) == (misses, hits)
    page = server.url + "/queries/donors_ranked"
    assert _get(page)[0] == 200
    hits = cache.hits
    assert _get(page)[0] == 200 and cache.hits == hits + 1


def test_answer_cache_computes_concurrent_requests_once_and_stays_bounded(tmp_path):
    import threading

    from graphtool.serve import AnswerCache

    cache = AnswerCache(str(tmp_path), max_bytes=4000)
    calls = []

    def slow():
        calls.append(1)
        time.sleep(0.3)
        return ("text/csv", b"x" * 100)

    threads = [threading.Thread(target=lambda: cache.get("k", slow)) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and cache.hits == 4
    for i in range(100):  # about 356 bytes each: only the most recent ones fit in 4,000
        cache.get(i, lambda: ("text/csv", b"y" * 100))
    assert cache._bytes <= 4000
    calls.clear()
    cache.get(99, slow)
    assert not calls  # the most recent is kept
    cache.get(0, slow)
    assert calls  # the oldest was dropped
    (tmp_path / "new-file").write_text("a build wrote here")  # the store changed: nothing kept is handed out
    calls.clear()
    cache.get(99, slow)
    assert calls


def test_a_failed_answer_is_not_kept(tmp_path):
    from graphtool.serve import AnswerCache, QueryFailed

    cache = AnswerCache(str(tmp_path), max_bytes=4000)

    def fails():
        raise QueryFailed("400 no")

    with pytest.raises(QueryFailed):
        cache.get("k", fails)
    assert cache.get("k", lambda: ("text/csv", b"ok")) == ("text/csv", b"ok")
