"""``graphtool serve`` against the W3C SPARQL 1.1 Protocol tests and the endpoint features of issue 14:
dataset parameters, relative IRIs, the Service Description, downloads, the access log, UTF-8 URLs."""

from __future__ import annotations

import gc
import http.client
import json
import socket
import urllib.parse
from pathlib import Path

import pytest

from graphtool.serve import make_server, serve_in_thread
from tests.remote_helpers import small_graph_store
from tests.test_serve import _get

SPECS = Path(__file__).resolve().parents[2] / "shared" / "specs" / "sparql11-protocol"  # shared/ beside the repo
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
HT = "http://www.w3.org/2011/http#"
CNT = "http://www.w3.org/2011/content#"
UT = "http://www.w3.org/2009/sparql/tests/test-update#"


def _manifest_tests() -> list[dict]:
    """Each protocol test's first request and expected response, read from the manifest."""
    from rdflib import Graph, Namespace, URIRef
    from rdflib.collection import Collection
    from rdflib.namespace import RDFS

    manifest = SPECS / "manifest.ttl"
    if not manifest.exists():
        return []
    g = Graph().parse(
        manifest, format="turtle", publicID="http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest"
    )
    mf, ht, cnt, ut = Namespace(MF), Namespace(HT), Namespace(CNT), Namespace(UT)
    root = next(g.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), mf.Manifest))
    tests = []
    for test in Collection(g, g.value(root, mf.entries)):
        action = g.value(test, mf.action)
        request = next(iter(Collection(g, g.value(action, ht.requests))))
        body = g.value(request, ht.body)
        headers = {}
        for h in Collection(g, g.value(request, ht.headers)) if g.value(request, ht.headers) else []:
            headers[str(g.value(h, ht.fieldName))] = str(g.value(h, ht.fieldValue))
        response = g.value(request, ht.resp)
        statuses = {str(s).rsplit("#", 1)[1] for s in g.objects(response, mf.expectedStatus)}
        data = [
            (str(g.value(d, RDFS.label)), str(g.value(d, ut.graph)).rsplit("/", 1)[1])
            for d in g.objects(test, ut.graphData)
        ]
        tests.append(
            {
                "name": str(test).rsplit("#", 1)[1],
                "method": str(g.value(request, ht.methodName)),
                "path": str(g.value(request, ht.absolutePath)).replace("/sparql/", "/sparql", 1),
                "body": None if body is None else str(g.value(body, cnt.chars)),
                "encoding": None if body is None else str(g.value(body, cnt.characterEncoding)),
                "headers": headers,
                "statuses": statuses,
                "boolean": g.value(response, mf.expectedBoolean),
                "format": g.value(response, mf.expectedFormat),
                "data": data,
            }
        )
    return tests


TESTS = _manifest_tests()


@pytest.fixture(scope="module")
def protocol_server(tmp_path_factory):
    """A server over a store holding data1..3.nt, each in the named graph the manifest labels it with."""
    from pyoxigraph import NamedNode, RdfFormat, parse

    from graphtool.store import GraphStore

    path = tmp_path_factory.mktemp("protocol") / "store"
    store = GraphStore(path)
    for label, file in {d for t in TESTS for d in t["data"]}:
        triples = list(parse(path=str(SPECS / file), format=RdfFormat.N_TRIPLES))
        from pyoxigraph import Quad

        store.replace_document(label, [Quad(t.subject, t.predicate, t.object, NamedNode(label)) for t in triples])
    store.flush()
    del store
    gc.collect()
    server = make_server(path, port=0, workers=1, timeout=10, access_log=False)
    serve_in_thread(server)
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.skipif(not TESTS, reason="the W3C protocol manifest is not in ../shared/specs")
@pytest.mark.parametrize("test", TESTS, ids=[t["name"] for t in TESTS])
def test_w3c_protocol(protocol_server, test):
    host, port = protocol_server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    body = None if test["body"] is None else test["body"].encode(test["encoding"].lower().replace("utf-16", "utf-16"))
    conn.request(test["method"], test["path"], body=body, headers=test["headers"])
    response = conn.getresponse()
    payload = response.read()
    conn.close()
    if test["name"].startswith("update_"):
        assert response.status == 403, payload  # a read-only endpoint refuses every update
        return
    family = f"StatusCode{response.status // 100}xx"
    assert family in test["statuses"], (response.status, payload[:300])
    ctype = response.getheader("Content-Type", "")
    if test["format"] is not None and str(test["format"]) in ("boolean", "tabular"):
        assert ctype.startswith(("application/sparql-results+", "text/csv", "text/tab-separated-values")), ctype
    if test["format"] is not None and str(test["format"]) == "RDF":
        assert ctype.startswith(("text/turtle", "application/n-triples", "application/rdf+xml")), ctype
    if test["boolean"] is not None:
        assert json.loads(payload)["boolean"] is test["boolean"].toPython()


def test_all_query_side_checks_are_run():
    names = {t["name"] for t in TESTS}
    if not names:
        pytest.skip("the W3C protocol manifest is not in ../shared/specs")
    assert {n for n in names if n.startswith(("query_", "bad_query"))} >= {
        "query_dataset_default_graphs_get",
        "query_dataset_named_graphs_post",
        "query_dataset_full",
        "query_multiple_dataset",
        "bad_query_non_utf8",
    }


# ------------------------------------------------------------------------ the test graph


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    writer = small_graph_store(tmp_path_factory.mktemp("endpoint") / "store")
    path = writer.path
    documents = writer.documents()
    del writer
    gc.collect()
    server = make_server(path, port=0, workers=1, timeout=10, access_log=False)
    serve_in_thread(server)
    try:
        yield server, documents
    finally:
        server.shutdown()
        server.server_close()


def test_one_document_through_the_dataset_parameters(served):
    server, documents = served
    graph = documents[0]["iri"]
    count = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    status, _h, body = _get(server.url + "/sparql?query=" + count + "&default-graph-uri=" + urllib.parse.quote(graph))
    one = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    status, _h, body = _get(server.url + "/sparql?query=" + count)
    everything = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    assert status == 200 and 0 < one < everything


def test_rdflib_sparqlstore_with_a_document_identifier(served):
    from rdflib import Graph, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    server, documents = served
    graph = Graph(
        store=SPARQLStore(server.url + "/sparql", returnFormat="json"), identifier=URIRef(documents[0]["iri"])
    )
    triples = list(graph.triples((None, None, None)))
    assert triples and len(triples) == int(next(iter(graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))[0])


def test_relative_iris_resolve_against_the_endpoint(served):
    server, _documents = served
    query = urllib.parse.quote("CONSTRUCT { <s> <p> 1 } WHERE {}")
    status, _h, body = _get(server.url + "/sparql?query=" + query, {"Accept": "application/n-triples"})
    assert status == 200 and f"<{server.url}/s> <{server.url}/p>".encode() in body


def test_service_description(served):
    from rdflib import Graph, URIRef

    server, _documents = served
    status, head, body = _get(server.url + "/sparql")
    assert status == 200 and head["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=body, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    service = URIRef(server.url + "/sparql")
    assert (service, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in g
    assert (service, URIRef(sd + "feature"), URIRef(sd + "UnionDefaultGraph")) in g
    status, head, _body = _get(server.url + "/sparql", {"Accept": "application/rdf+xml"})
    assert status == 200 and head["Content-Type"].startswith("application/rdf+xml")


def test_raw_utf8_in_the_query_string(served):
    server, _documents = served
    host, port = server.server_address[:2]
    query = 'SELECT ?x WHERE { BIND("Житомир" AS ?x) }'.replace(" ", "%20").encode("utf-8")
    with socket.create_connection((host, port), timeout=20) as sock:  # http.client would refuse raw UTF-8
        sock.sendall(
            b"GET /sparql?query=" + query + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            b"Accept: application/sparql-results+json\r\n\r\n"
        )
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200"), answer
    assert json.loads(body)["results"]["bindings"][0]["x"]["value"] == "Житомир"


def test_library_query_downloads(served):
    server, _documents = served
    status, head, body = _get(server.url + "/queries/donors_in_community?format=csv")
    assert status == 200 and head["Content-Type"].startswith("text/csv") and b"USAID" in body
    status, head, body = _get(server.url + "/queries/donors_in_community?format=json")
    assert status == 200 and json.loads(body)["results"]["bindings"]
    status, _head, body = _get(server.url + "/queries/donors_in_community")
    assert b"format=csv" in body and b"format=json" in body
    status, _head, _body = _get(server.url + "/queries/donors_in_community?format=xlsx")
    assert status == 400


def test_pages_show_the_prefix_block(served):
    server, _documents = served
    _status, _head, body = _get(server.url + "/")
    assert b"PREFIX gt: &lt;https://w3id.org/graphtool/ontology#&gt;" in body
    _status, _head, body = _get(server.url + "/queries/donors_in_community")
    assert b"PREFIX skos: &lt;http://www.w3.org/2004/02/skos/core#&gt;" in body


def test_access_log_by_default_and_quiet(tmp_path):
    import re
    import subprocess
    import sys

    writer = small_graph_store(tmp_path / "store")
    path = writer.path
    del writer
    gc.collect()
    graphtool = str(Path(sys.executable).parent / "graphtool")
    for quiet in (False, True):
        args = [graphtool, "serve", "--store", str(path), "--port", "0", "--workers", "1"] + (
            ["--quiet"] if quiet else []
        )
        proc = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
        try:
            url = re.search(r"(http://127\.0\.0\.1:\d+)/", proc.stderr.readline()).group(1)
            status, _h, _b = _get(url + "/sparql?query=ASK%7B%7D")
            assert status == 200
        finally:
            proc.terminate()
            _out, err = proc.communicate(timeout=15)
        logged = re.search(r'127\.0\.0\.1 - - \[[^\]]+\] "GET /sparql\?query=ASK%7B%7D HTTP/1\.1" 200 \d+', err)
        assert bool(logged) is not quiet, err


@pytest.mark.parametrize(
    ("form", "fmt"),
    [
        ("SELECT", "json"), ("SELECT", "xml"), ("SELECT", "csv"), ("SELECT", "tsv"),
        ("ASK", "json"), ("ASK", "xml"),
        ("CONSTRUCT", "turtle"), ("CONSTRUCT", "xml"), ("CONSTRUCT", "json-ld"), ("CONSTRUCT", "n3"),
    ],
)  # fmt: skip
def test_sparqlwrapper_every_form_and_format(served, form, fmt):
    from SPARQLWrapper import CSV, JSON, JSONLD, N3, TSV, TURTLE, XML, SPARQLWrapper

    server, _documents = served
    text = {
        "SELECT": "SELECT ?d WHERE { ?d a gt:Donor } LIMIT 3",
        "ASK": "ASK { ?d a gt:Donor }",
        "CONSTRUCT": "CONSTRUCT { ?d a gt:Donor } WHERE { { SELECT DISTINCT ?d WHERE { ?d a gt:Donor } LIMIT 3 } }",
    }[form]
    sw = SPARQLWrapper(server.url + "/sparql")
    sw.setQuery(text)
    sw.setReturnFormat({"json": JSON, "xml": XML, "csv": CSV, "tsv": TSV, "turtle": TURTLE, "json-ld": JSONLD,
                        "n3": N3}[fmt])  # fmt: skip
    sw.setTimeout(20)
    result = sw.query()
    data = result.convert()
    if form == "ASK":
        answer = data["boolean"] if fmt == "json" else data.getElementsByTagName("boolean")[0].firstChild.data == "true"
        assert answer is True
    elif form == "SELECT":
        assert data  # parsed by SPARQLWrapper in the asked format
        if fmt == "json":
            assert len(data["results"]["bindings"]) == 3
        elif fmt in ("csv", "tsv"):
            assert data.count(b"\n") == 4
    else:
        from rdflib import Graph

        graph = data if isinstance(data, Graph) else Graph().parse(data=data, format={"turtle": "turtle",
                                                                                        "n3": "turtle",
                                                                                        "json-ld": "json-ld"}[fmt])  # fmt: skip
        assert len(graph) == 3
