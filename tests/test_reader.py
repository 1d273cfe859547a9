"""One read path: the Reader protocol and the tools' questions in queries/internal/*.rq (issue 16).

Every question runs on the embedded store and on a real Oxigraph server holding the same graphs,
from the same file, and gives the same rows.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import URIRef

from graphtool.iri import entity_iri
from graphtool.reader import INTERNAL, Reader, ask, question
from graphtool.remote import RemoteError, RemoteStore
from graphtool.serve import PoolReader
from graphtool.store import GraphStore, StoreError
from graphtool.vocab import GT
from tests.fixtures_graph import LUTSK_HROMADA
from tests.remote_helpers import mirrored_server

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = sorted(p.stem for p in INTERNAL.glob("*.rq"))
# Bindings for the questions that need one (or are worth asking with one); the rest run unbound.
BINDINGS = {
    "document_lines": {"file": "news-south.txt"},
    "document_lines_read": {"file": "news-south.txt"},
    "money_flows_of_donor": {"donor": URIRef(entity_iri("donor:usaid"))},
    "money_flows_of_activity": {"activity": URIRef(entity_iri("project:chysta-voda"))},
    # a report's questions about one entity (graphtool.report_graph): a partner hromada, a donor
    "entity_card": {"e": URIRef(entity_iri(LUTSK_HROMADA))},
    "entity_links": {"e": URIRef(entity_iri(LUTSK_HROMADA))},
    "entity_evidence": {"e": URIRef(entity_iri(LUTSK_HROMADA))},
}
BOUND_TOO = {
    "relation_links": {"p": GT.partnerOf},
    "count_distinct_triples": {"p": GT.funds},
    "entity_attributes": {"p": GT.katottg},
    "entity_card": {"e": URIRef(entity_iri("donor:usaid"))},
    "entity_links": {"e": URIRef(entity_iri("donor:usaid"))},
    "entity_evidence": {"e": URIRef(entity_iri("donor:usaid"))},
    "entity_documents": {"e": URIRef(entity_iri("donor:usaid"))},
}
# Rows some questions must give on the test graph (a question that answers nothing proves nothing).
# the fixture's documents name no source address and hold no IATI money (tests/test_report.py reads money)
EMPTY_ON_FIXTURE = {"money_flows_of_donor", "money_flows_of_activity"}


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """(embedded store, Oxigraph server with the same graphs) holding the shared test graph."""
    with mirrored_server(tmp_path_factory.mktemp("reader")) as (local, server, _report):
        yield local, server


def _sorted_rows(table) -> list[tuple[str, ...]]:
    return sorted(tuple("" if c is None else f"{type(c).__name__}:{c}" for c in row) for row in table.rows)


def test_there_are_questions_and_each_has_a_bilingual_summary():
    assert {"entity_types", "entity_names", "relation_links", "relation_evidence"} <= set(QUESTIONS)
    for name in QUESTIONS:
        text = question(name)
        assert re.search(r"^#\+ summary: \S", text, re.M), name
        assert re.search(r"^#\+ summary_uk: \S", text, re.M), name
        assert "SELECT" in text


def test_unknown_question_is_a_clear_error():
    with pytest.raises(LookupError, match=r"nope\.rq: no such question"):
        question("nope")


@pytest.mark.parametrize("name", QUESTIONS)
def test_question_gives_the_same_rows_on_the_store_and_on_an_oxigraph_server(stores, name):
    local, server = stores
    remote = RemoteStore(server.query_url)
    for bindings in (BINDINGS.get(name), BOUND_TOO.get(name)):
        if bindings is None and name in BINDINGS:
            continue
        here = ask(local, name, bindings)
        there = ask(remote, name, bindings)
        assert here.variables == there.variables
        assert _sorted_rows(here) == _sorted_rows(there)
        if name not in EMPTY_ON_FIXTURE:
            assert here.rows, (name, bindings)


def test_a_bound_relation_gives_only_its_links(stores):
    local, _server = stores
    rows = ask(local, "relation_links", {"p": GT.partnerOf}).rows
    assert rows and {p for _s, p, _o in rows} == {GT.partnerOf}
    lutsk = URIRef(entity_iri(LUTSK_HROMADA))
    assert any(s == lutsk or o == lutsk for s, _p, o in rows)


def test_every_reader_implements_the_protocol(stores):
    local, server = stores
    assert isinstance(local, Reader) and isinstance(RemoteStore(server.query_url), Reader)
    assert issubclass(PoolReader, Reader) and issubclass(GraphStore, Reader)
    with pytest.raises(StoreError, match="expected a SELECT query"):
        local.select("ASK { ?s ?p ?o }")
    with pytest.raises(RemoteError, match="expected a SELECT query"):
        RemoteStore(server.query_url).select("ASK { ?s ?p ?o }")


@pytest.mark.parametrize("module", ["network", "names", "stats", "report", "report_graph", "maps"])
def test_report_map_and_name_modules_hold_no_sparql_text(module):
    source = (ROOT / "graphtool" / f"{module}.py").read_text(encoding="utf-8")
    assert re.search(r"[\"']\s*SELECT\b", source) is None, f"graphtool/{module}.py: move the query to queries/internal/"
