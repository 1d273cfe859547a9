"""Answers of the large parameterless library questions written at build time (graphtool/answers.py): the library
call returns the rows the query gives, in its order, and never an answer the store no longer gives — after a
document is added, reloaded or removed, a bulk load or build, an index rebuild, or a process killed between its
writes and the answers."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import NamedNode, RdfFormat

from graphtool import answers
from graphtool.build import build
from graphtool.cli import main
from graphtool.library import get_query, load_queries, run_query
from graphtool.ordering import sort_concatenated
from graphtool.store import GraphStore, Table
from tests.fixtures_graph import TRIG

GT = "https://w3id.org/graphtool/ontology#"
ID = "https://w3id.org/graphtool/id/"
REPO = Path(__file__).resolve().parent.parent


def lines(table) -> list[str]:
    """A table as N-Triples cells, one line per row, in order."""
    return ["\t".join("" if t is None else t.n3() for t in row) for row in table.rows]


def query_answer(store: GraphStore, name: str) -> list[str]:
    """What running the question's text gives (the library call before this change), the items of each
    ``GROUP_CONCAT`` in order as the library gives them (graphtool.ordering.sort_concatenated)."""
    text = get_query(name).text
    table = store.select(text)
    return lines(Table(table.variables, sort_concatenated(table.variables, table.rows, text)))


def bound_questions() -> dict[str, str]:
    """Every question answered from files with its parameter bound, and that parameter: keyed
    (graphtool.answers.KEYED), combined from parts (COMPOSED), searched in Python (SEARCHED)."""
    return {**answers.KEYED, **answers.COMPOSED, **{name: param for name, (param, _) in answers.SEARCHED.items()}}


# texts find_entities is asked: case folded either way, Ukrainian capitals and apostrophes, Latin, none found
TEXTS = ["школ", "ШКОЛ", "а", "Громада", "житомир", "ЖИТОМИР", "usaid", "Є", "ї", "ʼ", "'", "U-LEAD", "нічого такого"]


def keyed_values(store: GraphStore, name: str) -> list[str]:
    """The values a bound question is checked with: every entity of its parameter's type, every entity type (and
    one no entity has) for a type, :data:`TEXTS` for a text."""
    if name in answers.SEARCHED:
        return TEXTS
    kind = next(p.type for p in get_query(name).params if p.name == bound_questions()[name])
    if kind == "string":  # single_document_entities: an entity type
        found = store.select("SELECT DISTINCT ?c WHERE { ?e a ?c } ORDER BY ?c").rows
        return [str(c).removeprefix(GT) for (c,) in found if str(c).startswith(GT)] + ["Nothing", "donor"]
    if kind == "entity":  # link_provenance: every entity of an entity type
        from loaders.base import ENTITY_TYPES

        classes = " ".join(f"gt:{t}" for t in ENTITY_TYPES)
        found = store.select(f"SELECT DISTINCT ?k WHERE {{ VALUES ?c {{ {classes} }} ?k a ?c }} ORDER BY ?k")
        return [str(row[0]) for row in found.rows]
    return [str(row[0]) for row in store.select(f"SELECT DISTINCT ?k WHERE {{ ?k a gt:{kind} }} ORDER BY ?k").rows]


def bound_term(name: str, value: str):
    """The term a value of a bound question's parameter is bound to (graphtool.library.bind_params)."""
    from rdflib import Literal, URIRef

    kind = next(p.type for p in get_query(name).params if p.name == bound_questions()[name])
    return Literal(value) if kind == "string" else URIRef(value)


def bound_query_answer(store: GraphStore, name: str, value: str) -> list[str]:
    """The library call with the parameter bound, run by the engine (no keyed file read)."""
    keyed = store.keyed_answer
    store.keyed_answer = lambda *args: None
    try:
        return lines(run_query(store, name, {bound_questions()[name]: value}))
    finally:
        store.keyed_answer = keyed


def assert_keyed_current(store: GraphStore, *, served: bool) -> None:
    """Every bound question (:func:`bound_questions`) bound to each of its values (:func:`keyed_values`) answers
    as its bound query, rows and order; from its files when ``served``."""
    for name, param in bound_questions().items():
        text = get_query(name).text
        for value in keyed_values(store, name):
            term = bound_term(name, value)
            assert (store.keyed_answer(name, text, {param: term}) is not None) is served, (name, value)
            assert lines(run_query(store, name, {param: value})) == bound_query_answer(store, name, value), (
                name,
                value,
            )


def library_answer(store: GraphStore, name: str) -> list[str]:
    return lines(run_query(store, name, {}))


def written(store: GraphStore, name: str):
    return store.written_answer(name, get_query(name).text)


def index_parts(index) -> tuple:
    """What a name index resolves by: its entries and its folded and transliterated tables."""
    entries = {iri: (e.label, e.type, e.names, e.category, e.parents) for iri, e in index.entries.items()}
    return entries, {k: v for k, v in index._exact.items() if v}, {k: v for k, v in index._translit.items() if v}


def assert_current(store: GraphStore, *, served: bool) -> None:
    """Every written question's library answer is the query's, rows and order, and the name index written
    beside them is the one the store gives; read from its file when ``served``, else from the engine (no file
    is valid)."""
    from graphtool.names import NameIndex

    data = store.written_names()
    assert (data is not None) is served
    if data is not None:
        assert index_parts(NameIndex.loads(data)) == index_parts(NameIndex.from_reader(store))
    for name in answers.QUESTIONS:
        table = written(store, name)
        assert (table is not None) is served, name
        if table is not None:
            assert table.variables == store.select(get_query(name).text).variables
        assert library_answer(store, name) == query_answer(store, name), name


def fixture_store(path: Path) -> GraphStore:
    """The fixture graph written document by document (the default graph is the index, as a build leaves it)."""
    from collections import defaultdict

    from pyoxigraph import parse

    graphs = defaultdict(list)
    for quad in parse(path=str(TRIG), format=RdfFormat.TRIG):
        graphs[quad.graph_name.value].append(quad)
    store = GraphStore(path)
    for graph, quads in graphs.items():
        store.replace_document(graph, quads)
    store.flush()
    assert store.default_graph_is_index and store._stamp
    return store


def donor_document(n: int, donor: str, project: str, located: str | None = None) -> bytes:
    """N-Quads of a document whose donor funds a project (a new row of funding_chain and the other answers),
    located in the community ``located`` (an IRI) when given."""
    g = f"<{ID}doc/extra{n}>"
    where = f"<{ID}project/{project}> <{GT}locatedIn> <{located}> {g} .\n" if located else ""
    body = (
        textwrap.dedent(f"""\
        {g} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{GT}Document> {g} .
        {g} <{GT}fileName> "extra{n}.txt" {g} .
        <{ID}donor/{donor}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{GT}Donor> {g} .
        <{ID}donor/{donor}> <http://www.w3.org/2004/02/skos/core#prefLabel> "{donor}"@uk {g} .
        <{ID}donor/{donor}> <{GT}mentionedIn> {g} {g} .
        <{ID}project/{project}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{GT}Project> {g} .
        <{ID}project/{project}> <http://www.w3.org/2004/02/skos/core#prefLabel> "{project}"@uk {g} .
        <{ID}project/{project}> <{GT}mentionedIn> {g} {g} .
        <{ID}donor/{donor}> <{GT}funds> <{ID}project/{project}> {g} .
        """)
    ).encode()
    return where.encode() + body


def test_written_answers_are_the_query_rows_in_order_and_other_questions_run_as_before(tmp_path, monkeypatch):
    path = tmp_path / "store"
    fixture_store(path)
    reader = GraphStore(path, read_only=True)
    assert_current(reader, served=True)
    assert all(len(written(reader, name).rows) for name in answers.QUESTIONS if name != "donors_cofunding")
    for name, query in load_queries().items():  # no other question has a file; each answers as its query
        if name in answers.QUESTIONS:
            continue
        assert reader.written_answer(name, query.text) is None, name
        if not any(not p.optional for p in query.params):
            assert library_answer(reader, name) == lines(reader.select(query.text)), name

    # a bound parameter runs the text, even for a written question
    monkeypatch.setattr(GraphStore, "written_answer", lambda *a: pytest.fail("a bound question read a file"))
    donor = run_query(reader, "funding_chain", {"donor": "USAID"})
    assert donor.rows and "donor" not in donor.variables


def test_a_changed_question_text_is_not_answered_from_an_older_file(tmp_path):
    path = tmp_path / "store"
    store = fixture_store(path)
    text = get_query("implementers").text
    assert store.written_answer("implementers", text) is not None
    assert store.written_answer("implementers", text + "\n# another version\n") is None
    assert store.written_answer("documents_overview", text) is None  # another question's text


def test_a_flush_with_nothing_written_keeps_the_answers_and_a_new_store_writes_them(tmp_path):
    path = tmp_path / "store"
    store = fixture_store(path)
    token = store._stamp
    files = {p.name: p.stat().st_mtime_ns for p in (path / answers.DIRECTORY).glob(f"*{answers.SUFFIX}")}
    parts = len(answers.composed_questions())
    assert token and len(files) == len(answers.QUESTIONS) + len(answers.KEYED) + len(answers.SEARCHED) + parts + 1
    store.flush()
    assert not store.write_answers()  # skipped: nothing changed
    assert store._stamp == token
    assert {p.name: p.stat().st_mtime_ns for p in (path / answers.DIRECTORY).glob(f"*{answers.SUFFIX}")} == files
    del store
    store = GraphStore(path)  # another writer process: the token is read from the store
    assert store._stamp == token and not store.write_answers()
    (path / answers.DIRECTORY / next(iter(files))).unlink()  # a file missing: written again
    assert store.write_answers() and store._stamp == token  # the same answers: the same token
    assert sorted(p.name for p in (path / answers.DIRECTORY).glob(f"*{answers.SUFFIX}")) == sorted(files)
    assert_current(store, served=True)
    other = fixture_store(tmp_path / "other")  # a store written the same way holds the same token and files
    assert other._stamp == token
    for name in files:
        assert (tmp_path / "other" / answers.DIRECTORY / name).read_bytes() == (
            path / answers.DIRECTORY / name
        ).read_bytes()


def test_a_store_read_as_the_union_of_its_graphs_gets_no_token(tmp_path):
    """Without the default-graph index every query reads the named graphs' union, the token's graph too."""
    store = GraphStore(tmp_path / "store")
    store.oxigraph.load(path=str(TRIG), format=RdfFormat.TRIG)
    store.flush()
    assert not store.default_graph_is_index and store._answers_stamp() is None
    assert_current(store, served=False)


def test_adding_reloading_and_removing_a_document(tmp_path):
    path = tmp_path / "store"
    store = fixture_store(path)
    before = library_answer(store, "funding_chain")

    store.replace_document(f"{ID}doc/extra1", donor_document(1, "Фонд_А", "Криниця"))  # added
    assert_current(store, served=False)  # written, not flushed: the engine answers, with the new rows
    added = library_answer(store, "funding_chain")
    assert added != before and any("Криниця" in line for line in added)
    store.flush()
    assert_current(store, served=True)
    assert library_answer(store, "funding_chain") == added

    store.replace_document(f"{ID}doc/extra1", donor_document(1, "Фонд_А", "Школа"))  # reloaded, another answer
    assert_current(store, served=False)
    reloaded = library_answer(store, "funding_chain")
    assert reloaded != added and any("Школа" in line for line in reloaded)
    assert not any("Криниця" in line for line in reloaded)
    store.flush()
    assert_current(store, served=True)
    del store
    reader = GraphStore(path, read_only=True)
    assert library_answer(reader, "funding_chain") == reloaded
    assert written(reader, "funding_chain") is not None
    del reader

    store = GraphStore(path)
    store.remove_documents([f"{ID}doc/extra1"])  # removed
    assert_current(store, served=False)
    assert library_answer(store, "funding_chain") == before
    store.flush()
    assert_current(store, served=True)
    assert library_answer(store, "funding_chain") == before

    # a second document: USAID (a label more) funds a project in Луцьк, so Луцьк shares USAID with Бердичів
    lutsk = {"community": f"{ID}katottg/UA07080170000013409"}
    shared_before = lines(run_query(store, "communities_sharing_funder", lutsk))
    store.replace_document(f"{ID}doc/extra2", donor_document(2, "usaid", "Ліцей", lutsk["community"]))
    assert_keyed_current(store, served=False)
    store.flush()
    assert_keyed_current(store, served=True)
    shared_after = lines(run_query(store, "communities_sharing_funder", lutsk))
    assert shared_after != shared_before and any("Бердичівська" in line for line in shared_after)
    store.remove_documents([f"{ID}doc/extra2"])
    assert_keyed_current(store, served=False)
    store.flush()
    assert_keyed_current(store, served=True)
    assert lines(run_query(store, "communities_sharing_funder", lutsk)) == shared_before


def test_a_build_reload_prune_and_the_remove_command(fake_loaders, docs, tmp_path):
    path = tmp_path / "store"
    store = GraphStore(path)
    build([docs], store)
    assert_current(store, served=True)
    first = library_answer(store, "single_document_entities")
    token = store._stamp
    build([docs], store)  # nothing changed: the answers stay, not computed again
    assert store._stamp == token

    (docs / "a.fake").write_text("GIZ funds Solar in Житомир\nGIZ funds Roads in Вінниця\n", encoding="utf-8")
    build([docs], store)  # a.fake reloaded: USAID is gone
    assert_current(store, served=True)
    assert store._stamp != token
    reloaded = library_answer(store, "single_document_entities")
    assert reloaded != first and not any("USAID" in line for line in reloaded)

    (docs / "sub" / "b.fake").unlink()
    build([docs], store, prune=True)  # b.fake retracted
    assert_current(store, served=True)
    del store
    result = CliRunner().invoke(main, ["remove", "a.fake", "--store", str(path)])
    assert result.exit_code == 0, result.output
    reader = GraphStore(path, read_only=True)
    assert_current(reader, served=True)
    assert library_answer(reader, "single_document_entities") == []


def test_a_bulk_build_takes_the_token_out_before_it_loads(fake_loaders, docs, tmp_path, monkeypatch):
    path = tmp_path / "store"
    store = GraphStore(path)
    build([docs], store, bulk=True)
    assert_current(store, served=True)
    first = library_answer(store, "documents_overview")

    loads = []
    real = GraphStore.oxigraph

    class Watched:
        def __init__(self, inner, owner):
            self.inner, self.owner = inner, owner

        def bulk_load(self, *args, **kwargs):
            loads.append(self.owner._answers_stamp())  # what a process killed here would leave
            return self.inner.bulk_load(*args, **kwargs)

        def __getattr__(self, name):
            return getattr(self.inner, name)

    monkeypatch.setattr(GraphStore, "oxigraph", property(lambda self: Watched(real.fget(self), self)))
    (docs / "c.fake").write_text("EU funds Bridge in Луцьк\n", encoding="utf-8")
    build([docs], store, bulk=True)
    monkeypatch.undo()
    assert loads == [None]
    assert_current(store, served=True)
    assert library_answer(store, "documents_overview") != first


def test_a_bulk_load_and_an_index_rebuild(tmp_path):
    path = tmp_path / "store"
    store = fixture_store(path)
    before = library_answer(store, "funding_chain")
    nq = tmp_path / "more.nq"
    nq.write_bytes(donor_document(2, "Фонд_Б", "Міст"))
    store.bulk_load_nquads(nq)
    assert_current(store, served=False)
    store.flush()
    assert_current(store, served=True)
    loaded = library_answer(store, "funding_chain")
    assert loaded != before and any("Міст" in line for line in loaded)

    store.rebuild_index()
    assert_current(store, served=False)
    store.flush()
    assert_current(store, served=True)
    assert library_answer(store, "funding_chain") == loaded


@pytest.fixture
def dear(monkeypatch):
    """Answers as dear as a large store's (2.4 s of CPU at a million triples): a small change leaves them out."""
    monkeypatch.setattr(answers, "CHEAP_SECONDS", 0.0)


def test_a_small_change_to_a_dear_store_leaves_no_valid_answer_until_a_large_write_or_a_refresh(tmp_path, dear):
    path = tmp_path / "store"
    store = fixture_store(path)  # no cost known yet: written
    token = store._stamp
    assert answers.cost(path) is not None
    before = library_answer(store, "funding_chain")

    store.replace_document(f"{ID}doc/extra1", donor_document(1, "Фонд_А", "Криниця"))  # one document: small
    store.flush()
    assert store._answers_stamp() is None and store._stamp is None
    assert_current(store, served=False)  # the library call runs the text: the new rows
    added = library_answer(store, "funding_chain")
    assert added != before and any("Криниця" in line for line in added)
    store.flush()  # this object wrote: a flush with nothing more written does not write them either
    assert_current(store, served=False)
    assert_current(GraphStore(path, read_only=True), served=False)  # a reader (the server's, the query command)
    assert library_answer(GraphStore(path, read_only=True), "funding_chain") == added
    store.replace_document(f"{ID}doc/extra1", donor_document(1, "Фонд_А", "Школа"))  # reloaded: still small
    store.flush()
    assert_current(store, served=False)
    assert any("Школа" in line for line in library_answer(store, "funding_chain"))
    assert store.write_answers(force=True) and store._stamp not in (None, token)  # the explicit refresh
    assert_current(store, served=True)
    assert_current(GraphStore(path, read_only=True), served=True)
    del store

    store = GraphStore(path)
    store.remove_documents([f"{ID}doc/extra1"])
    store.flush()
    assert_current(store, served=False)
    assert library_answer(store, "funding_chain") == before
    del store
    store = GraphStore(path)  # a process that writes nothing: its flush writes them
    store.flush()
    assert store._stamp == token  # the same answers as the first build's
    assert_current(store, served=True)
    assert_current(GraphStore(path, read_only=True), served=True)

    store.replace_document(f"{ID}doc/extra2", donor_document(2, "Фонд_Б", "Міст"))
    store.flush()
    assert_current(store, served=False)
    nq = tmp_path / "more.nq"  # a bulk load: a large write, written
    nq.write_bytes(donor_document(3, "Фонд_В", "Сад"))
    store.bulk_load_nquads(nq)
    store.flush()
    assert_current(store, served=True)
    assert any("Сад" in line for line in library_answer(GraphStore(path, read_only=True), "funding_chain"))

    store.replace_document(f"{ID}doc/extra2", donor_document(2, "Фонд_Б", "Парк"))
    store.flush()
    assert_current(store, served=False)
    store.rebuild_index()  # an index rebuild: written
    store.flush()
    assert_current(store, served=True)

    for n in range(4, 10):  # more documents than the keyed share of the derived counts: written
        store.replace_document(f"{ID}doc/extra{n}", donor_document(n, f"Фонд_{n}", f"Проєкт_{n}"))
    store.flush()
    assert_current(store, served=True)
    assert any("Проєкт_9" in line for line in library_answer(GraphStore(path, read_only=True), "funding_chain"))


def test_cheap_answers_are_written_at_every_flush_that_changed_the_store(tmp_path, monkeypatch):
    path = tmp_path / "store"
    fixture_store(path)
    assert answers.cost(path) < answers.CHEAP_SECONDS  # the fixture's six answers: a few milliseconds
    monkeypatch.setattr(answers, "CHEAP_SECONDS", 0.0)
    (path / answers.DIRECTORY / answers.COST_FILE).unlink()  # a store written before the cost was noted
    store = GraphStore(path)
    store.replace_document(f"{ID}doc/extra1", donor_document(1, "Фонд_А", "Криниця"))
    store.flush()  # the cost not known: written (and noted)
    assert_current(store, served=True)
    assert answers.cost(path) is not None


def test_a_one_file_build_of_a_dear_store_and_the_build_that_refreshes(fake_loaders, docs, tmp_path, dear):
    path = tmp_path / "store"

    def built() -> GraphStore:  # `graphtool build`, then a reader as `graphtool query` opens it
        result = CliRunner().invoke(main, ["build", str(docs), "--store", str(path)])
        assert result.exit_code == 0, result.output
        return GraphStore(path, read_only=True)

    assert_current(built(), served=True)
    (docs / "a.fake").write_text("GIZ funds Solar in Житомир\nGIZ funds Roads in Вінниця\n", encoding="utf-8")
    writer = GraphStore(path)
    report = build([docs], writer)  # as `graphtool build` runs it: its summary says so
    assert report.answers_left and "until 'graphtool build' runs with nothing changed" in report.summary()
    del writer
    gc.collect()
    reader = GraphStore(path, read_only=True)
    assert_current(reader, served=False)  # one file of two reloaded (the keyed refresh): left out
    assert not any("USAID" in line for line in library_answer(reader, "single_document_entities"))
    reader = built()  # nothing changed: the answers written
    assert_current(reader, served=True)
    assert not any("USAID" in line for line in library_answer(reader, "single_document_entities"))


def test_a_reader_opened_before_a_build_is_not_answered_from_the_new_files(tmp_path):
    path = tmp_path / "store"
    fixture_store(path)
    old = GraphStore(path, read_only=True)
    before = library_answer(old, "funding_chain")
    writer = GraphStore(path)
    writer.replace_document(f"{ID}doc/extra3", donor_document(3, "Фонд_В", "Сад"))
    writer.flush()
    # the old view answers for what it reads, whichever it is; never the new files for the old data
    assert library_answer(old, "funding_chain") == query_answer(old, "funding_chain")
    if query_answer(old, "funding_chain") == before:
        assert written(old, "funding_chain") is None
    assert library_answer(writer, "funding_chain") != before


_KILLED = """
import os, signal, sys
from pathlib import Path
from graphtool import answers
from graphtool.store import GraphStore
path, where, data = sys.argv[1], sys.argv[2], Path(sys.argv[3]).read_bytes()
store = GraphStore(path)
if where == "after-data":  # the document written, the process killed before its flush
    store.replace_document("https://w3id.org/graphtool/id/doc/extra9", data)
    os.kill(os.getpid(), signal.SIGKILL)
if where == "after-files":
    real = answers.Writer.finish
    def finish(self, *args, **kwargs):  # killed after the new files are written, before the token goes in
        real(self, *args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)
    answers.Writer.finish = finish
elif where == "renaming":  # killed with the token in every file, two of them renamed over the old ones
    real_replace, renamed = os.replace, []
    def replace(*args, **kwargs):
        real_replace(*args, **kwargs)
        renamed.append(args[1])
        if len(renamed) == 2:
            os.kill(os.getpid(), signal.SIGKILL)
    os.replace = replace
else:  # killed while writing the files: a few answers in temporary files, the others not yet known
    real_add, added = answers.Writer.add, []
    def add(self, *args, **kwargs):
        real_add(self, *args, **kwargs)
        added.append(args[0])
        if len(added) == 3:
            os.kill(os.getpid(), signal.SIGKILL)
    answers.Writer.add = add
store.replace_document("https://w3id.org/graphtool/id/doc/extra9", data)
store.flush()
"""


@pytest.mark.parametrize("where", ["after-data", "during-files", "renaming", "after-files"])
def test_a_process_killed_between_its_writes_and_the_answers_leaves_none_valid(tmp_path, where):
    path = tmp_path / "store"
    store = fixture_store(path)
    before = library_answer(store, "funding_chain")
    del store
    data = tmp_path / "doc.nq"
    data.write_bytes(donor_document(9, "Фонд_Г", "Лікарня"))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", _KILLED, str(path), where, str(data)], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == -signal.SIGKILL, done.stderr
    left = list((path / answers.DIRECTORY).glob(".*.tmp"))  # the answers a killed writer had not renamed yet
    assert bool(left) == (where in ("during-files", "renaming"))
    reader = GraphStore(path, read_only=True)
    assert_current(reader, served=False)  # the files left are not read: the engine answers, new rows included
    assert_keyed_current(reader, served=False)
    after = library_answer(reader, "funding_chain")
    assert after != before and any("Лікарня" in line for line in after)
    del reader
    store = GraphStore(path)  # the next writer's flush writes them again
    store.flush()
    assert_current(store, served=True)
    assert library_answer(store, "funding_chain") == after
    assert not list((path / answers.DIRECTORY).glob(".*.tmp"))  # and removes what the killed one left


def test_the_writer_given_one_answer_at_a_time_writes_the_token_of_them_all(tmp_path):
    import marshal

    from rdflib import Literal, URIRef

    from graphtool.store import Table

    shared = "shared"
    index = marshal.dumps([shared, shared, {"a": (1, 2)}], 4)  # refers back to an object met twice
    rows = [[URIRef(f"{ID}e{i}"), Literal(f"назва {i}" * 3)] for i in range(60_000)]
    tables = {
        "b": ("SELECT ?e ?n WHERE {}", Table(["e", "n"], rows)),  # a body longer than the writer's reads
        answers.NAMES: ("layout", index),
        "a": ("SELECT ?a WHERE {}", Table(["a"], [])),
    }
    bodies = {name: (spec[0], answers._value_form(spec, answers._body(spec))) for name, spec in tables.items()}
    assert len(bodies["b"][1]) > 1 << 20
    token = answers.write(tmp_path, tables)
    assert token == answers.token_of(bodies)
    for name, spec in tables.items():
        written = answers.path_of(tmp_path, name, spec[0]).read_bytes()
        assert written == token.encode() + b"\n" + answers._body(spec)
    assert sorted(p.name for p in (tmp_path / answers.DIRECTORY).iterdir()) == sorted(
        answers.path_of(tmp_path, name, spec[0]).name for name, spec in tables.items()
    )


def test_the_token_stays_out_of_documents_exports_sizes_and_pushes(tmp_path):
    import io

    from graphtool.push import graph_payloads

    path = tmp_path / "store"
    store = fixture_store(path)
    assert store._answers_stamp()
    assert all(q.graph_name != NamedNode(answers.ANSWERS_GRAPH) for q in store.quads())
    assert len(store) == sum(1 for _ in store.quads())
    assert answers.ANSWERS_GRAPH not in {p.iri for p in graph_payloads(store)}
    for fmt in ("nquads", "turtle"):
        out = io.BytesIO()
        store.dump(out, fmt)
        assert "answersStamp" not in out.getvalue().decode(), fmt
    assert len(store.documents()) == 3


def attributes(table) -> list[list[tuple]]:
    """Every attribute of every term an answer's reader may use (as tests/test_term_conversion.py compares)."""
    return [
        [
            None
            if t is None
            else (type(t), t.n3(), str(t), getattr(t, "language", None), getattr(t, "datatype", None),
                  getattr(t, "value", None), type(getattr(t, "value", None)), getattr(t, "ill_typed", None), hash(t))
            for t in row
        ]
        for row in table.rows
    ]  # fmt: skip


@pytest.mark.parametrize("direct", [True, False], ids=["literals-built-inline", "rdflib-constructor"])
def test_read_terms_are_the_terms_the_query_gives(tmp_path, monkeypatch, direct):
    import graphtool.store as store_module

    if not direct:  # an rdflib whose Literal keeps other slots: its constructor builds the literals
        monkeypatch.setattr(store_module, "_literal_slots_known", lambda: False)
    store = fixture_store(tmp_path / "store")
    kinds = set()
    for name in answers.QUESTIONS:
        table = written(store, name)
        assert attributes(table) == attributes(store.select(get_query(name).text)), name
        kinds |= {(type(t).__name__, getattr(t, "datatype", None) is not None) for row in table.rows for t in row}
    assert {("URIRef", False), ("Literal", False), ("Literal", True)} <= kinds  # IRIs, strings, numbers


def test_only_the_embedded_stores_library_call_reads_the_files():
    """``/sparql`` (even with a question's exact text), reports, maps, the server's pool and remote stores run
    queries; the files are read by ``graphtool.library.run_query`` alone, through ``GraphStore.written_answer``."""
    import re

    from graphtool.remote import RemoteStore
    from graphtool.serve import PoolReader

    use = re.compile(r"(?<!def )(written|keyed)_answer\b[\"(]")  # a call or a getattr, not a definition
    callers = sorted(
        p.relative_to(REPO).as_posix()
        for p in (REPO / "graphtool").rglob("*.py")
        if use.search(p.read_text(encoding="utf-8"))
    )
    assert callers == ["graphtool/library.py"]
    for name in ("written_answer", "keyed_answer"):
        assert not hasattr(PoolReader, name) and not hasattr(RemoteStore, name)


def test_a_question_that_fails_or_a_full_disk_leaves_no_token_and_the_build_goes_on(tmp_path, monkeypatch):
    path = tmp_path / "store"
    store = fixture_store(path)
    store.replace_document(f"{ID}doc/extra4", donor_document(4, "Фонд_Д", "Парк"))
    texts = answers.questions()
    monkeypatch.setattr(answers, "questions", lambda: {**texts, "implementers": "SELECT ?x WHERE { ?x"})
    store.flush()  # the derived counts are written; the answers are not
    assert store._answers_stamp() is None
    monkeypatch.undo()
    assert_current(store, served=False)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    for where in ("add", "finish"):  # the disk full while an answer is written, or while the token goes in
        monkeypatch.setattr(answers.Writer, where, full)
        store.flush()
        assert store._answers_stamp() is None
        assert not list((path / answers.DIRECTORY).glob(".*.tmp"))  # no temporary file left
        monkeypatch.undo()
    store.flush()  # the next flush writes them
    assert_current(store, served=True)
    assert any("Парк" in line for line in library_answer(store, "funding_chain"))


def test_the_written_questions_need_no_parameter_and_are_the_librarys_texts():
    texts = answers.questions()
    assert list(texts) == list(answers.QUESTIONS)
    for name, text in texts.items():
        query = get_query(name)
        assert text == query.text and all(p.optional for p in query.params), name
    for file, (name, text, param) in answers.keyed_questions().items():  # keyed: by one of their parameters
        query = get_query(name)
        assert file == f"{name}@{param}" and text == query.text and param in {p.name for p in query.params}, name
        assert all(p.optional for p in query.params if p.name != param), name
        if name in answers.BY_VALUES:
            assert answers.BY_VALUES[name] == next(p.type for p in query.params if p.name == param), name


def test_the_servers_library_pages_read_the_written_answers_and_sparql_runs_the_text(tmp_path):
    """`graphtool serve` renders /queries/NAME in its workers from the store they open (graphtool.serve): a page
    with no parameter reads the file, a page with one and /sparql run the text. Shown with a file doctored to hold
    the first row only, under the store's token."""
    import urllib.parse
    import urllib.request

    from graphtool.serve import make_server, serve_in_thread
    from graphtool.store import PREFIXES, Table

    path = tmp_path / "store"
    store = fixture_store(path)
    text = get_query("funding_chain").text
    full = store.select(text)
    assert len(full.rows) > 1
    target = answers.path_of(path, "funding_chain", text)
    target.write_bytes(store._stamp.encode() + b"\n" + answers.encode(Table(full.variables, full.rows[:1])))
    del store
    gc.collect()
    server = make_server(path, port=0, timeout=30, workers=1, cache_mb=0)
    serve_in_thread(server)

    def get(url: str) -> str:
        with urllib.request.urlopen(server.url + url, timeout=30) as response:
            return response.read().decode()

    try:
        assert "<p>1 rows</p>" in get("/queries/funding_chain")
        assert len(get("/queries/funding_chain?format=tsv").splitlines()) == 2  # the header and the one row
        assert f"<p>{len(full.rows)} rows</p>" not in get("/queries/funding_chain")
        assert "<p>1 rows</p>" not in get("/queries/funding_chain?donor=USAID")  # a parameter: the query
        prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
        tsv = get("/sparql?" + urllib.parse.urlencode({"query": prologue + text, "format": "tsv"}))
        assert len(tsv.splitlines()) == len(full.rows) + 1  # the endpoint runs the text
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("batch", [1, 8], ids=["a-donor-per-values-block", "eight"])
def test_keyed_answers_are_the_bound_querys_rows_in_order(tmp_path, monkeypatch, batch):
    """A question with a parameter (graphtool.answers.KEYED) bound to any entity of the parameter's type — one with
    rows, one without — answers from the file of its answer keyed by that parameter as its bound query does."""
    from rdflib import URIRef

    monkeypatch.setattr(answers, "VALUES_BATCH", batch)
    fixture_store(tmp_path / "store")
    reader = GraphStore(tmp_path / "store", read_only=True)
    assert_keyed_current(reader, served=True)
    for name, param in bound_questions().items():
        values = keyed_values(reader, name)
        counts = [len(bound_query_answer(reader, name, value)) for value in values]
        assert any(counts), name  # the fixture answers each for some value
        if name not in answers.BY_VALUES and name not in answers.SEARCHED:  # another entity: nothing in the files
            table = reader.keyed_answer(name, get_query(name).text, {param: URIRef(f"{ID}nothing")})
            assert table is not None and not table.rows, name
    example = {p.name: p.example for p in get_query("communities_of_donor").params}  # a name, resolved
    assert lines(run_query(reader, "communities_of_donor", example))
    # another entity of the donor type, not asked for at the flush: the query answers it
    assert reader.keyed_answer("communities_of_donor", "x", {"donor": URIRef(f"{ID}nothing")}) is None


def test_a_group_concat_lists_its_items_in_one_order():
    from rdflib import Literal

    text = 'SELECT ?a (GROUP_CONCAT(DISTINCT ?x; separator=" | ") AS ?list) (GROUP_CONCAT(?y) AS ?words) WHERE {}'
    rows = [[Literal("z"), Literal("b | a | c"), Literal("y x", lang="uk")], [None, None, Literal("w")]]
    assert sort_concatenated(["a", "list", "words"], rows, text) == [
        [Literal("z"), Literal("a | b | c"), Literal("x y", lang="uk")],
        [None, None, Literal("w")],
    ]


def test_keyed_answers_follow_the_store(tmp_path, monkeypatch):
    """A document that adds a donor's row: the keyed answer holds it after the flush that writes the answers; after
    a small change to a dear store the bound question runs its text (no keyed file is read) and gives the row."""
    path = tmp_path / "store"
    store = fixture_store(path)
    store.replace_document(f"{ID}doc/extra7", donor_document(7, "Фонд_К", "Сквер"))
    store.flush()
    donor = {"donor": f"{ID}donor/Фонд_К"}
    assert any("Сквер" in line for line in lines(run_query(store, "funding_chain", donor)))
    assert_keyed_current(store, served=True)
    monkeypatch.setattr(answers, "CHEAP_SECONDS", 0.0)  # dear: a small change leaves the answers out
    store.replace_document(f"{ID}doc/extra7", donor_document(7, "Фонд_К", "Майдан"))
    store.flush()
    assert store.answers_left_out
    reader = GraphStore(path, read_only=True)
    assert_keyed_current(reader, served=False)
    assert any("Майдан" in line for line in lines(run_query(reader, "funding_chain", donor)))
    store.write_answers(force=True)
    assert_keyed_current(GraphStore(path, read_only=True), served=True)


def test_the_name_index_is_read_from_its_file_and_resolves_as_the_one_built(tmp_path):
    """A reader's first name lookup reads the index written beside the store (no question asked) and resolves
    every name as the index built from the store does, forgiving matches and errors included; a damaged file or
    another layout is not read."""
    from graphtool import names

    path = tmp_path / "store"
    store = fixture_store(path)
    del store
    reader = GraphStore(path, read_only=True)
    asked = []
    select = reader.select
    reader.select = lambda query, bindings=None: (asked.append(query), select(query, bindings))[1]
    index = names.name_index(reader)
    assert asked == []
    built = names.NameIndex.from_reader(reader)
    assert index_parts(index) == index_parts(built) and len(index.entries) > 20
    typed = ["Житомир", "Zhytomyr", "житомирі", "Житомирa", "ЄС", "Lutsk", "usaid", "Любліном", "Житомр",
             "міська територіальна громада", "Луцька громада", "Нікого"]  # fmt: skip
    for name in typed:
        for types in (None, ["Community"], ["Donor"]):
            outcomes = []
            for one in (index, built):
                try:
                    outcomes.append(one.resolve(name, types, prefer_hromada=types == ["Community"]))
                except names.NameLookupError as exc:
                    outcomes.append((type(exc), str(exc)))
            assert outcomes[0] == outcomes[1], (name, types)
    written = names._WRITTEN_LEMMAS  # the lemmas of the names' words, written with the index: pymorphy's
    assert {"житомир", "луцька", "громада"} <= set(written)
    for word, found in written.items():
        parsed = {p.normal_form.replace("ʼ", "").replace("'", "") for p in names._morph().parse(word)}
        assert found == frozenset({word} | parsed), word
    assert names.NameIndex.loads(b"damaged") is None
    assert names.NameIndex.loads(__import__("marshal").dumps(("another layout", [], {}, {}))) is None


def test_a_question_combined_from_parts_or_searched_reads_only_current_files(tmp_path, monkeypatch):
    """communities_sharing_funder is combined from three part files and find_entities searched in one: another text
    of the question or of a part, a part missing, or a text with a language (not the library's binding) is not
    answered from them; the library's call then runs the query and gives the same rows."""
    from rdflib import Literal, URIRef

    path = tmp_path / "store"
    store = fixture_store(path)
    community = {"community": URIRef(f"{ID}katottg/UA07080170000013409")}
    text = get_query("communities_sharing_funder").text
    assert store.keyed_answer("communities_sharing_funder", text, community).rows
    assert store.keyed_answer("communities_sharing_funder", text + "\n# another version\n", community) is None
    columns, texts = answers._PARTS["communities_sharing_funder"]
    changed = (*texts[:2], texts[2].replace("MIN(", "MAX("), texts[3])  # another text of the part "reach"
    monkeypatch.setitem(answers._PARTS, "communities_sharing_funder", (columns, changed))
    assert store.keyed_answer("communities_sharing_funder", text, community) is None
    monkeypatch.undo()
    find = get_query("find_entities").text
    assert store.keyed_answer("find_entities", find, {"text": Literal("школ")}).rows
    assert store.keyed_answer("find_entities", find, {"text": Literal("школ", lang="uk")}) is None
    expected = bound_query_answer(store, "communities_sharing_funder", str(community["community"]))
    part = next((path / answers.DIRECTORY).glob("communities_sharing_funder@community~reach-*"))
    part.unlink()
    assert store.keyed_answer("communities_sharing_funder", text, community) is None
    assert lines(run_query(store, "communities_sharing_funder", {"community": str(community["community"])})) == expected
