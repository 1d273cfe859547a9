"""The query library: every .rq file has a readable header and a test with real rows on the fixture graph."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graphtool.cli import main
from graphtool.formats import cell
from graphtool.library import (
    LibraryError,
    LibraryQuery,
    Param,
    bind_params,
    get_query,
    load_queries,
    parse_param_args,
    parse_query,
    query_files,
    run_query,
)
from tests.fixtures_graph import TRIG, build_quads, load_small_graph

INJECTION = 'x" } ; DROP ALL ; INSERT DATA { <a:b> <a:b> "c" } #\'{'


@pytest.fixture(scope="module")
def store():
    return load_small_graph()


def rows(table, *columns: str) -> list[tuple[str, ...]]:
    idx = [table.variables.index(c) for c in columns]
    return [tuple(cell(r[i]) for i in idx) for r in table.rows]


# name -> (parameters, columns to compare, expected rows in order)
EXPECTED: dict[str, tuple[dict[str, str], tuple[str, ...], list[tuple[str, ...]]]] = {
    "donors_in_community": (
        {"community": "Житомир"},
        ("donor", "funded", "item", "place", "document"),
        [
            ("GIZ", "U-LEAD з Європою", "Безпечна школа", "Житомирська міська територіальна громада", "news-zhytomyr.txt"),
            ("GIZ", "Безпечна школа", "Безпечна школа", "Житомирська міська територіальна громада", "news-zhytomyr.txt"),
            ("USAID", "Молодіжний хаб", "Молодіжний хаб", "Житомир", "news-zhytomyr.txt"),
            ("Європейський Союз", "U-LEAD з Європою", "Безпечна школа", "Житомирська міська територіальна громада",
             "news-zhytomyr.txt"),
        ],
    ),
    "communities_of_donor": (
        {"donor": "USAID"},
        ("community", "items", "projects", "documents"),
        [
            ("Бердичівська міська територіальна громада", "1", "Чиста вода", "news-south.txt"),
            ("Житомир", "1", "Молодіжний хаб", "news-zhytomyr.txt"),
        ],
    ),
    "communities_of_program": (
        {"program": "U-LEAD з Європою"},
        ("community", "projects"),
        [
            ("Бердичівська міська територіальна громада", "U-LEAD з Європою"),
            ("Житомирська міська територіальна громада", "Безпечна школа"),
        ],
    ),
    "programs_by_communities": (
        {},
        ("program", "communities", "projects"),
        [("DOBRE", "2", "2"), ("U-LEAD з Європою", "2", "1")],
    ),
    "partner_cities_of_community": (
        {"community": "Житомир"},
        ("partner", "country", "iso3166", "geonames", "document"),
        [("Майнц", "Німеччина", "DE", "2874225", "news-zhytomyr.txt"),
         ("Люблін", "Польща", "PL", "765876", "news-zhytomyr.txt")],
    ),
    "partner_cities_in_oblast": (
        {"oblast": "Волинська область"},
        ("community", "partner", "iso3166"),
        [("Луцька міська територіальна громада", "Люблін", "PL"), ("Луцька міська територіальна громада", "Ольштин", "PL")],
    ),
    "communities_sharing_funder": (
        {"community": "Луцьк"},
        ("other", "shared_count", "shared_donors_and_programs"),
        [("Бердичівська міська територіальна громада", "1", "Європейський Союз"),
         ("Житомирська міська територіальна громада", "1", "Європейський Союз")],
    ),
    "projects_without_donor": (
        {},
        ("project", "places", "documents"),
        [("Парк над річкою", "Луцька міська територіальна громада", "news-south.txt")],
    ),
    "donors_cofunding": ({}, ("program_name", "donor_a", "donor_b"), [("U-LEAD з Європою", "Європейський Союз", "GIZ")]),
    "partner_countries_ranked": (
        {},
        ("country", "iso3166", "partner_cities", "communities"),
        [("Польща", "PL", "2", "2"), ("Німеччина", "DE", "1", "1")],
    ),
    "measures_by_executor": (
        {"executor": "департамент економічної політики"},
        ("executor_name", "code", "measure", "community"),
        [
            ("Департамент економічної політики", "1.1.2", "Проведення днів міст-партнерів",
             "Луцька міська територіальна громада"),
            ("Департамент економічної політики", "1.1.3", "Створення індустріального парку",
             "Луцька міська територіальна громада"),
        ],
    ),
    "measures_by_funding_source": (
        {"source": "державний бюджет"},
        ("source_name", "code", "measure"),
        [("державний бюджет", "1.1.3", "Створення індустріального парку")],
    ),
    "international_measures": (
        {},
        ("code", "found_in"),
        [("1.1.1", "measure, task, executor"), ("1.1.2", "measure, task, executor")],
    ),
    "link_provenance": (
        {"entity": "USAID", "other": "Чиста вода"},
        ("subject", "relation", "object", "document", "evidence", "start", "end"),
        [("USAID", "funds", "Чиста вода", "news-south.txt",
          "USAID фінансує проєкт «Чиста вода» у Бердичівській громаді в рамках програми DOBRE.", "0", "83")],
    ),
    "single_document_entities": ({"type": "Donor"}, ("entity", "document"), [("GIZ", "news-zhytomyr.txt")]),
    "donors_ranked": (
        {},
        ("donor", "communities", "programs", "projects"),
        [("Європейський Союз", "3", "1", "2"), ("USAID", "2", "0", "2"), ("GIZ", "2", "1", "1")],
    ),
    "find_entities": ({"text": "ШКОЛА"}, ("entity", "entity_type"), [("Безпечна школа", "Project")]),
    "implementers": (
        {},
        ("organization", "work", "places"),
        [("Агенція розвитку Житомира", "Безпечна школа", "Житомирська міська територіальна громада")],
    ),
    "documents_overview": (
        {},
        ("document", "loader"),
        [("news-south.txt", "fixture"), ("news-zhytomyr.txt", "fixture"), ("plan-lutsk.tsv", "fixture")],
    ),
}  # fmt: skip


def test_library_has_at_least_15_questions():
    assert len(query_files()) >= 15


# queries about data the fixture graph does not hold (IATI money), tested with rows where that data is built
TESTED_ELSEWHERE = {
    "money_by_donor_oblast": "tests/test_iati.py",
    "money_by_sector": "tests/test_iati.py",
    "funding_chain": "tests/test_iati.py",
}


def test_every_query_has_a_header_and_a_test():
    queries = load_queries()
    assert set(queries) == set(EXPECTED) | set(TESTED_ELSEWHERE), (
        "every .rq file needs an entry in EXPECTED or TESTED_ELSEWHERE (and the other way round)"
    )
    for q in queries.values():
        assert len(q.summary) > 20 and q.summary_uk, q.name
        for p in q.params:
            assert p.example and p.description and p.type, (q.name, p)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_rows(store, name):
    params, columns, expected = EXPECTED[name]
    table = run_query(store, name, params)
    assert rows(table, *columns) == expected


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_runs_with_its_header_example(store, name):
    q = get_query(name)
    table = run_query(store, name, {p.name: p.example for p in q.params})
    assert table.rows, f"{name}: the example in the header finds nothing on the fixture graph"


def test_evidence_sentences_are_the_documents_sentences(store):
    table = run_query(store, "donors_in_community", {"community": "Житомирська міська територіальна громада"})
    for row in table.dicts():
        assert str(row["donor"]) in str(row["evidence"]) or "U-LEAD" in str(row["evidence"])


def test_optional_parameter_left_out_does_not_filter(store):
    everything = run_query(store, "measures_by_executor", {})
    one = run_query(store, "measures_by_executor", {"executor": "Департамент економічної політики"})
    assert len(everything.rows) == 4 and len(one.rows) == 2
    assert "executor" in everything.variables and "executor" not in one.variables  # bound column dropped


def test_entity_parameters_are_forgiving(store):
    for name in ("Zhytomyr", "житомирі", "ЖИТОМИР", "Житомирa"):  # the last one ends in a Latin "a"
        table = run_query(store, "partner_cities_of_community", {"community": name})
        assert {r[0] for r in rows(table, "partner")} == {"Люблін", "Майнц"}, name


def test_entity_parameter_by_iri(store):
    iri = "https://w3id.org/graphtool/id/donor/usaid"
    assert len(run_query(store, "communities_of_donor", {"donor": iri}).rows) == 2


def test_injection_is_bound_as_a_literal(store):
    before = len(store.oxigraph)
    table = run_query(store, "find_entities", {"text": INJECTION})
    assert table.rows == []
    assert len(store.oxigraph) == before
    with pytest.raises(LibraryError, match="no Community named"):
        run_query(store, "donors_in_community", {"community": INJECTION})
    assert len(store.oxigraph) == before


def test_injection_string_is_found_when_it_is_a_real_label():
    from pyoxigraph import Literal, NamedNode, Quad

    store = load_small_graph()
    node, doc = NamedNode("https://w3id.org/graphtool/id/project/odd"), NamedNode("https://w3id.org/graphtool/id/doc/x")
    store.oxigraph.add(Quad(node, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                            NamedNode("https://w3id.org/graphtool/ontology#Project"), doc))  # fmt: skip
    store.oxigraph.add(Quad(node, NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                            Literal(f"Проєкт {INJECTION}", language="uk"), doc))  # fmt: skip
    table = run_query(store, "find_entities", {"text": INJECTION})
    assert rows(table, "entity") == [(f"Проєкт {INJECTION}",)]


def test_iri_and_integer_parameters_are_checked(store):
    q = LibraryQuery("t", "a test query", "", (Param("x", "iri", "a:b", "an IRI"), Param("n", "integer", "1", "n")),
                     "SELECT ?x ?n WHERE {}")  # fmt: skip
    assert str(bind_params(store, q, {"x": "https://example.org/a", "n": "3"})["n"]) == "3"
    with pytest.raises(LibraryError, match="not an IRI"):
        bind_params(store, q, {"x": "a:b> } ; DROP ALL ; <c:d", "n": "1"})
    with pytest.raises(LibraryError, match="integer"):
        bind_params(store, q, {"x": "a:b", "n": "1 } ; DROP ALL"})


def test_errors_are_clear(store):
    with pytest.raises(LibraryError, match="known: "):
        run_query(store, "no_such_query")
    with pytest.raises(LibraryError, match="required"):
        run_query(store, "donors_in_community", {})
    with pytest.raises(LibraryError, match="unknown parameter"):
        run_query(store, "donors_ranked", {"donor": "USAID"})
    with pytest.raises(LibraryError, match="may mean"):
        run_query(store, "link_provenance", {"entity": "міська територіальна громада"})


def test_header_parsing():
    q = parse_query("x", "#+ summary: A question\n#+ param: c (Community, optional) = Луцьк ; the place\nSELECT ?c {}")
    assert q.params == (Param("c", "Community", "Луцьк", "the place", True),)
    with pytest.raises(LibraryError, match="summary"):
        parse_query("x", "SELECT * {}")
    with pytest.raises(LibraryError, match="not in the SELECT"):
        parse_query("x", "#+ summary: s\n#+ param: c (Community) = a ; b\nSELECT ?d { ?d ?p ?c }")
    assert parse_param_args(["a=b=c", "t= x "]) == {"a": "b=c", "t": " x "}


def test_fixture_file_is_current():
    from pyoxigraph import RdfFormat, Store

    on_disk = Store()
    on_disk.load(path=str(TRIG), format=RdfFormat.TRIG)

    def canonical(quads):  # Oxigraph writes "+00:00" as "Z"
        return {str(q).replace("+00:00", "Z") for q in quads}

    assert canonical(on_disk) == canonical(build_quads()), "run: python -m tests.fixtures_graph"


# ---------------------------------------------------------------- CLI


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    from pyoxigraph import RdfFormat

    from graphtool.store import GraphStore

    path = tmp_path_factory.mktemp("qstore") / "store"
    s = GraphStore(path)
    s.oxigraph.load(path=str(TRIG), format=RdfFormat.TRIG)
    s.flush()
    del s
    return path


def test_cli_query_list_shows_every_query():
    result = CliRunner().invoke(main, ["query", "list"])
    assert result.exit_code == 0, result.output
    for q in load_queries().values():
        assert q.name in result.output and q.summary in result.output
    listing = json.loads(CliRunner().invoke(main, ["query", "list", "--json"]).output)
    assert {q["name"] for q in listing} == set(load_queries())


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "md"])
def test_cli_query_run_formats(store_dir, fmt):
    result = CliRunner().invoke(
        main,
        ["query", "run", "communities_of_donor", "--param", "donor=usaid", "--format", fmt, "--store", str(store_dir)],
    )
    assert result.exit_code == 0, result.output
    assert "Бердичівська міська територіальна громада" in result.output
    if fmt == "json":
        data = json.loads(result.output)
        assert len(data["results"]["bindings"]) == 2
    if fmt == "csv":
        assert result.output.splitlines()[0].startswith("community,katottg,items")


def test_cli_query_run_errors(store_dir):
    result = CliRunner().invoke(
        main, ["query", "run", "find_entities", "-p", f"text={INJECTION}", "--store", str(store_dir)]
    )
    assert result.exit_code == 0 and "(0 rows)" in result.output
    result = CliRunner().invoke(main, ["query", "run", "donors_in_community", "--store", str(store_dir)])
    assert result.exit_code == 1 and "required" in result.output
    result = CliRunner().invoke(main, ["query", "run", "donors_ranked", "-p", "novalue", "--store", str(store_dir)])
    assert result.exit_code == 1 and "KEY=VALUE" in result.output


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_query_csv_does_not_start_cells_with_a_formula(fmt):
    import csv
    import io

    from rdflib import Literal

    from graphtool.formats import render
    from graphtool.store import Table

    table = Table(["name", "amount"], [(Literal("=HYPERLINK(\"http://evil.example\")"), Literal(-12.5)),
                                       (Literal("+cmd|' /C calc'!A0"), Literal("@SUM(A1)"))])  # fmt: skip
    rows = list(csv.reader(io.StringIO(render(table, fmt)), delimiter="," if fmt == "csv" else "\t"))
    assert rows[1] == ['\'=HYPERLINK("http://evil.example")', "-12.5"]
    assert rows[2] == ["'+cmd|' /C calc'!A0", "'@SUM(A1)"]
