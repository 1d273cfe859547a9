"""Pushing the store to a SPARQL server: idempotent, retried through a server restart, never duplicated."""

from __future__ import annotations

import base64
import threading
import time

import pytest
from click.testing import CliRunner

from graphtool import push as push_module
from graphtool.push import graph_payloads, push
from graphtool.remote import RemoteError, RemoteStore
from tests.remote_helpers import OxigraphServer, ScriptedServer, small_graph_store


@pytest.fixture
def local(tmp_path):
    return small_graph_store(tmp_path / "local")


@pytest.fixture
def server(tmp_path):
    srv = OxigraphServer(tmp_path / "oxigraph").start()
    yield srv
    srv.stop()


def _pushed(store) -> int:
    """Triples a push sends: the documents' and the derived counts' (graphtool/derived.py), which travel with them."""
    from pyoxigraph import NamedNode

    from graphtool.derived import DERIVED_GRAPH

    return len(store) + sum(1 for _ in store.oxigraph.quads_for_pattern(None, None, None, NamedNode(DERIVED_GRAPH)))


def _server_quads(srv: OxigraphServer) -> list[str]:
    q = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    rows = RemoteStore(srv.query_url).select(q).rows
    return sorted(" ".join(t.n3() for t in row) for row in rows)


def _local_quads(store) -> list[str]:
    from graphtool.answers import ANSWERS_GRAPH  # the token of the answers written beside the store stays local

    q = f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{ANSWERS_GRAPH}>) }}"
    return sorted(" ".join(t.n3() for t in row) for row in store.select(q).rows)


def test_graph_store_push_is_idempotent(local, server):
    first = push(local, graph_store_url=server.store_url)
    assert first.graphs == len(local.documents()) + 1 and first.triples == _pushed(local)
    again = push(local, graph_store_url=server.store_url)
    assert again.triples == first.triples
    assert server.count() == _pushed(local)  # pushing again replaced the graphs, it did not add to them
    assert _server_quads(server) == _local_quads(local)


def test_update_push_is_idempotent_even_in_chunks(local, server, monkeypatch):
    monkeypatch.setattr(push_module, "UPDATE_CHUNK_BYTES", 4096)  # force several INSERT DATA per graph
    push(local, update_url=server.update_url)
    push(local, update_url=server.update_url)
    assert server.count() == _pushed(local)
    assert _server_quads(server) == _local_quads(local)


def test_a_changed_document_replaces_its_graph(local, server):
    from pyoxigraph import Literal, NamedNode, Quad

    push(local, graph_store_url=server.store_url)
    graph = NamedNode(local.documents()[0]["iri"])
    extra = Quad(NamedNode("https://w3id.org/graphtool/id/test/x"), NamedNode("urn:p"), Literal("новий"), graph)
    local.oxigraph.add(extra)
    push(local, graph_store_url=server.store_url)
    assert server.count() == _pushed(local)
    local.oxigraph.remove(extra)
    push(local, graph_store_url=server.store_url)
    assert server.count() == _pushed(local)


def test_push_survives_a_server_restart_without_duplicates(local, server):
    """Kill the server after the first graph, bring it back a second later: the push retries and completes."""
    graphs = len(list(graph_payloads(local)))
    assert graphs >= 2
    sent, restarted = [], threading.Event()

    def restart_later() -> None:
        time.sleep(1.0)
        server.start()
        restarted.set()

    def after_graph(payload) -> None:
        sent.append(payload.iri)
        if len(sent) == 1:
            server.stop()
            threading.Thread(target=restart_later, daemon=True).start()

    retries = []
    report = push(
        local,
        graph_store_url=server.store_url,
        timeout=10,
        retries=8,
        backoff=0.25,
        on_graph=after_graph,
        on_retry=lambda n, wait, exc: retries.append(str(exc)),
    )
    assert restarted.wait(15)
    assert report.graphs == graphs and report.retries >= 1 and retries
    assert "cannot connect" in retries[0]
    assert server.count() == _pushed(local)  # the graph sent before the crash was persisted once, not twice
    assert _server_quads(server) == _local_quads(local)
    push(local, graph_store_url=server.store_url)  # and a second full push still changes nothing
    assert server.count() == _pushed(local)


def test_retry_after_is_honoured_and_credentials_come_from_env(local, monkeypatch):
    monkeypatch.setenv("GRAPHTOOL_USER", "uploader")
    monkeypatch.setenv("GRAPHTOOL_PASSWORD", "pa:ss")
    monkeypatch.delenv("GRAPHTOOL_TOKEN", raising=False)
    script = [(429, {"Retry-After": "1"}, b"slow down", 0), (503, {}, b"", 0), (201, {}, b"", 0)]
    with ScriptedServer(script) as fake:
        start = time.monotonic()
        report = push(local, graph_store_url=fake.url + "/store", backoff=0.05)
        elapsed = time.monotonic() - start
    assert report.retries == 2 and elapsed >= 1.0
    puts = [r for r in fake.requests if r["method"] == "PUT"]
    assert len(puts) == report.graphs + 2
    auth = puts[-1]["headers"]["Authorization"]
    assert base64.b64decode(auth.split()[1]) == b"uploader:pa:ss"
    assert puts[-1]["headers"]["Content-Type"] == "application/n-triples"
    assert "graph=https%3A%2F%2Fw3id.org" in puts[-1]["path"]


def test_client_errors_are_not_retried(local):
    with ScriptedServer([(400, {}, b"bad data", 0)]) as fake:
        with pytest.raises(RemoteError, match="400"):
            push(local, graph_store_url=fake.url + "/store")
        assert len(fake.requests) == 1
    with ScriptedServer([(415, {}, b"no n-triples here", 0)]) as fake:
        with pytest.raises(RemoteError, match="415"):
            push(local, graph_store_url=fake.url + "/store")
        assert [r["headers"]["Content-Type"] for r in fake.requests] == ["application/n-triples", "text/turtle"]
    with ScriptedServer([(415, {}, b"turtle only", 0), (201, {}, b"", 0)]) as fake:
        report = push(local, graph_store_url=fake.url + "/store")
        assert report.graphs == 4 and fake.requests[-1]["headers"]["Content-Type"] == "text/turtle"
    with ScriptedServer([(500, {}, b"oops", 0)]) as fake:
        with pytest.raises(RemoteError, match="gave up after 3 attempts"):
            push(local, graph_store_url=fake.url + "/store", retries=2, backoff=0.01)
        assert len(fake.requests) == 3


def test_cli_push_summary_and_options(local, server, tmp_path):
    from graphtool.cli import main

    local.flush()
    path = str(local.path)
    del local  # the CLI opens the store itself
    runner = CliRunner()
    result = runner.invoke(main, ["push", "--store", path, "--graph-store", server.store_url])
    assert result.exit_code == 0, result.output
    assert "pushed 4 graphs" in result.output and "triples/s" in result.output
    neither = runner.invoke(main, ["push", "--store", path])
    assert neither.exit_code == 2 and "--graph-store" in neither.output
    help_text = runner.invoke(main, ["push", "--help"]).output
    assert "GRAPHTOOL_TOKEN" in help_text and "password" not in help_text.split("Options:")[1].lower()


def test_digest_credentials_for_virtuoso_style_endpoints(local, monkeypatch):
    monkeypatch.setenv("GRAPHTOOL_USER", "dba")
    monkeypatch.setenv("GRAPHTOOL_PASSWORD", "secret")
    monkeypatch.setenv("GRAPHTOOL_AUTH", "digest")
    monkeypatch.delenv("GRAPHTOOL_TOKEN", raising=False)
    challenge = {"WWW-Authenticate": 'Digest realm="SPARQL", nonce="n0nce", qop="auth"'}
    with ScriptedServer([(401, challenge, b"", 0), (201, {}, b"", 0)]) as fake:
        report = push(local, update_url=fake.url + "/sparql-auth")
    assert report.graphs == 4
    first, second = fake.requests[0], fake.requests[1]
    assert "Authorization" not in first["headers"]  # no password sent before the challenge
    assert second["headers"]["Authorization"].startswith('Digest username="dba"')
    assert "secret" not in second["headers"]["Authorization"]


def test_prune_removes_documents_the_store_no_longer_has(local, server):
    from graphtool.cli import main

    push(local, graph_store_url=server.store_url)
    removed = local.documents()[0]
    local.remove_document(removed["iri"])
    report = push(local, graph_store_url=server.store_url, prune_endpoint=server.query_url)
    assert report.pruned == 1 and "removed 1 graphs" in report.summary()
    assert server.count() == _pushed(local)
    assert removed["iri"] not in {d["iri"] for d in RemoteStore(server.query_url).documents()}
    again = push(local, update_url=server.update_url, prune_endpoint=server.query_url)
    assert again.pruned == 0
    assert "--prune" in CliRunner().invoke(main, ["push", "--help"]).output
