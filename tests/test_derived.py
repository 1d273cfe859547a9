"""The derived graph (graphtool/derived.py): counts written at build time follow every replaced, removed
and bulk-loaded document, stay out of exports, and answer like the aggregates they replace."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner
from pyoxigraph import DefaultGraph, NamedNode

from graphtool.build import build
from graphtool.cli import main
from graphtool.derived import DERIVED_GRAPH, PREDICATES, derived_triples
from graphtool.library import run_query
from graphtool.store import PREFIXES, GraphStore


def ranked(store) -> dict[str, tuple[int, int, int]]:
    table = run_query(store, "donors_ranked", {})
    return {str(r[0]): (int(r[1]), int(r[2]), int(r[3])) for r in table.rows}


def overview(store) -> dict[str, tuple[int, int]]:
    table = run_query(store, "documents_overview", {})
    return {str(r[0]): (int(r[2]), int(r[3])) for r in table.rows}


def stored(store) -> set[str]:
    graph = NamedNode(DERIVED_GRAPH)
    return {
        f"{q.subject} {q.predicate} {q.object} ." for q in store.oxigraph.quads_for_pattern(None, None, None, graph)
    }


def assert_fresh(store) -> None:
    """The stored derived graph is what the documents give now, and the index holds it too."""
    fresh = set(derived_triples(store.oxigraph, union=not store.default_graph_is_index, prefixes=PREFIXES))
    assert fresh and stored(store) == fresh
    if store.default_graph_is_index:
        index = {f"{q.subject} {q.predicate} {q.object} ." for q in store.oxigraph.quads_for_pattern(
            None, None, None, DefaultGraph())}  # fmt: skip
        assert fresh <= index


@pytest.mark.parametrize("bulk", [False, True], ids=["per-document", "bulk"])
def test_a_build_that_replaces_or_removes_documents_updates_the_counts(fake_loaders, docs, tmp_path, bulk):
    path = tmp_path / "store"
    store = GraphStore(path)
    build([docs], store, bulk=bulk)
    assert ranked(store) == {"GIZ": (1, 0, 2), "USAID": (1, 0, 1)}
    assert overview(store) == {"a.fake": (6, 4), "b.fake": (3, 2)}
    assert_fresh(store)

    (docs / "a.fake").write_text("GIZ funds Solar in Житомир\nGIZ funds Roads in Вінниця\n", encoding="utf-8")
    build([docs], store, bulk=bulk)  # a.fake replaced: USAID is gone, GIZ reaches Вінниця too
    assert ranked(store) == {"GIZ": (2, 0, 3)}
    assert_fresh(store)

    (docs / "sub" / "b.fake").unlink()
    build([docs], store, bulk=bulk, prune=True)  # b.fake retracted: Water no longer counts
    assert ranked(store) == {"GIZ": (2, 0, 2)}
    assert overview(store) == {"a.fake": (5, 4)}
    assert_fresh(store)
    del store

    reader = GraphStore(path, read_only=True)  # what `graphtool serve` reads: the build left the counts written
    assert ranked(reader) == {"GIZ": (2, 0, 2)}


def test_remove_command_and_direct_writes_update_the_counts(fake_loaders, docs, tmp_path):
    path = tmp_path / "store"
    store = GraphStore(path)
    build([docs], store)
    store.remove_document("b.fake")  # through the API: the next query counts again before answering
    assert ranked(store) == {"GIZ": (1, 0, 1), "USAID": (1, 0, 1)}
    del store
    result = CliRunner().invoke(main, ["remove", "a.fake", "--store", str(path)])
    assert result.exit_code == 0, result.output
    reader = GraphStore(path, read_only=True)
    assert ranked(reader) == {} and stored(reader) == set()  # nothing left to count


def test_derived_counts_stay_out_of_exports_and_sizes(fake_loaders, docs, tmp_path):
    store = GraphStore(tmp_path / "store")
    build([docs], store)
    documents = sum(1 for _ in store.quads())
    assert len(store) == documents and stored(store)
    assert all(q.graph_name != NamedNode(DERIVED_GRAPH) for q in store.quads())
    for fmt in ("nquads", "turtle", "ntriples"):
        out = io.BytesIO()
        store.dump(out, fmt)
        text = out.getvalue().decode()
        assert "fundedCommunityCount" not in text and "graph/derived" not in text, fmt
        assert "GIZ" in text


def test_every_derived_predicate_is_written_and_read():
    from graphtool.library import query_files
    from tests.fixtures_graph import load_small_graph

    store = load_small_graph()
    written = {line.split()[1].rsplit("#", 1)[-1].rstrip(">") for line in stored(store)}
    assert written == set(PREDICATES)  # the fixture graph exercises each count
    from graphtool.reader import INTERNAL

    text = "\n".join(p.read_text(encoding="utf-8") for p in [*query_files(), *INTERNAL.glob("*.rq")])
    missing = [p for p in PREDICATES if f"gt:{p}" not in text]
    assert missing == []  # and a library query, or a question of the tools (the first lines), reads each


def synthetic_documents(n: int, seed: int) -> dict[str, list[str]]:
    """``n`` synthetic document graphs (bench/synth.py: donors, programs, projects, communities, partner
    cities and their countries, evidence) as N-Quads lines by graph IRI; names shared across seeds, so
    a second seed gives other versions of the same documents."""
    import random

    from bench.synth import Pools, document_lines

    rng, iris, pools = random.Random(seed), {}, Pools()
    docs: dict[str, list[str]] = {}
    for k in range(n):
        lines = document_lines(rng, f"synth_{k:03d}.txt", iris, facts=pools.facts(rng), pools=pools)
        docs[lines[0].rsplit(" ", 2)[-2].strip("<>")] = lines
    return docs


def write(store: GraphStore, graph: str, lines: list[str]) -> None:
    from pyoxigraph import RdfFormat, parse

    store.replace_document(graph, list(parse(("\n".join(lines) + "\n").encode(), RdfFormat.N_QUADS)))


def from_scratch(documents: dict[str, list[str]]) -> set[str]:
    """The derived graph of a new store holding only these documents: what a full recompute gives."""
    store = GraphStore(None)
    for graph, lines in documents.items():
        write(store, graph, lines)
    store.flush()
    return stored(store)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_counts_written_as_a_difference_equal_a_full_recompute(tmp_path, seed):
    """Documents added, replaced by other versions and removed, in an order each seed draws, some flushes
    bulk-loaded: after every flush the stored graph (written as the difference with the previous one) is
    the derived graph of a store built from scratch with the documents it holds, and the index holds it."""
    import random

    from pyoxigraph import RdfFormat

    first, second = synthetic_documents(16, seed=10 + seed), synthetic_documents(16, seed=20 + seed)
    rng = random.Random(seed)
    store = GraphStore(tmp_path / "store")
    held: dict[str, list[str]] = {}
    graphs = list(first)
    checked = 0
    for step in range(6):
        rng.shuffle(graphs)
        if step == 1:  # a bulk load of new documents, as a big build writes them (graphtool.bulk)
            batch = {g: first[g] for g in graphs if g not in held}
            path = tmp_path / "chunk.nq"
            text = "".join(f"{line}\n{line.rsplit(' ', 2)[0]} .\n" for lines in batch.values() for line in lines)
            path.write_text(text, encoding="utf-8")
            store.oxigraph.bulk_load(path=str(path), format=RdfFormat.N_QUADS)
            store.changed()
            held.update(batch)
        for graph in graphs[: rng.randint(3, 10)]:
            action = rng.choice(["add", "replace", "remove"])
            if action == "remove" and graph in held:
                store.remove_document(graph)
                del held[graph]
            elif action != "remove":
                held[graph] = (second if action == "replace" and graph in held else first)[graph]
                write(store, graph, held[graph])
        store.flush()
        assert stored(store) == from_scratch(held), f"step {step}"
        assert_fresh(store)
        index = {f"{q.subject} {q.predicate} {q.object} ." for q in store.oxigraph.quads_for_pattern(
            None, None, None, DefaultGraph()) if q.predicate.value.rsplit("#", 1)[-1] in PREDICATES}  # fmt: skip
        assert index == stored(store)  # the counts a difference retired left the index too
        checked += len(held)
    assert checked > 16  # the orders drawn kept documents to count
    store.rebuild_index()  # the index recomputed from the documents: the counts enter it again at the flush
    store.flush()
    assert_fresh(store)


def bulk_load(store: GraphStore, path, documents: dict[str, list[str]], *, index: bool) -> None:
    """Load documents as a bulk build does (graphtool.bulk): one N-Quads file, the index lines beside."""
    from pyoxigraph import RdfFormat

    lines = (
        f"{line}\n{line.rsplit(' ', 2)[0]} .\n" if index else f"{line}\n" for d in documents.values() for line in d
    )
    path.write_text("".join(lines), encoding="utf-8")
    store.oxigraph.bulk_load(path=str(path), format=RdfFormat.N_QUADS)
    store.changed(documents)


def scattered_documents(n: int, seed: int) -> dict[str, list[str]]:
    """``n`` small document graphs of two or three triples each, drawn from the triples of every derived
    count's pattern (a donor, what it funds, what that includes, where it is, that a community is one, a
    partner city's country and labels, a mention of another document, evidence): the triples of one
    match sit in different documents, as a big corpus spreads them, so a change of one document reaches
    rows that none of its own entities has."""
    import random

    gt, rdf = "https://w3id.org/graphtool/ontology#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    skos, prov = "http://www.w3.org/2004/02/skos/core#", "http://www.w3.org/ns/prov#"
    e = "https://w3id.org/graphtool/id/scatter/"
    doc = [f"https://w3id.org/graphtool/id/document/scatter_{k:02d}" for k in range(n)]
    a = f"<{rdf}type>"
    pool = [f"<{e}donor{i}> {a} <{gt}Donor>" for i in range(3)]
    pool += [
        f"<{e}donor{i}> <{gt}funds> <{e}{x}>"
        for i in range(3)
        for x in ("program0", "program1", "project0", "project2")
    ]
    pool += [f"<{e}{x}> <{gt}includedIn> <{e}{y}>" for x, y in (
        ("project0", "program0"), ("project1", "program0"), ("project2", "program1"), ("project3", "program1"),
        ("program1", "program0"))]  # fmt: skip
    pool += [f"<{e}project{k}> {a} <{gt}Project>" for k in range(4)] + [
        f"<{e}program{j}> {a} <{gt}Program>" for j in range(2)
    ]
    pool += [f"<{e}{x}> <{gt}locatedIn> <{e}community{m}>" for x, m in (
        ("project0", 0), ("project1", 1), ("project2", 0), ("project3", 2), ("program0", 1), ("program1", 2))]  # fmt: skip
    pool += [f"<{e}community{m}> {a} <{gt}Community>" for m in range(3)]
    pool += [f"<{e}city{c}> <{gt}inCountry> <{e}country{c % 2}>" for c in range(3)]
    pool += [f"<{e}city{c}> <{gt}partnerOf> <{e}community{c}>" for c in range(3)]
    pool += [f"<{e}community{c}> <{gt}partnerOf> <{e}city{(c + 1) % 3}>" for c in range(3)]
    pool += [f'<{e}city{c}> <{skos}prefLabel> "Місто {c}"@uk' for c in range(3)]
    pool += [f'<{e}city{c}> <{skos}prefLabel> "City {c}"@en' for c in range(3)]
    pool += [f"<{e}community{m}> <{gt}mentionedIn> <{doc[m]}>" for m in range(3)]
    pool += [f"<{e}evidence{k}> {a} <{gt}Evidence>" for k in range(3)]
    pool += [f"<{e}evidence{k}> <{prov}wasDerivedFrom> <{doc[k]}>" for k in range(3)]
    rng = random.Random(seed)
    return {g: [f"{t} <{g}> ." for t in rng.sample(pool, rng.randint(2, 3))] for g in doc}


@pytest.mark.parametrize("indexed", [True, False], ids=["index", "union"])
@pytest.mark.parametrize("seed", [4, 5, 6])
def test_keyed_refresh_equals_a_full_recompute(tmp_path, monkeypatch, seed, indexed):
    """After the first build, each flush recomputes only the rows of the keys its changes reach (no full
    recompute runs); documents are added, replaced, bulk-loaded, removed together, streamed (cleared and
    appended) in an order each seed draws, then removed one by one down to none, so every donor,
    programme, country, project and document loses its last document: after every flush the stored
    graph is that of a store built from scratch with the documents it holds."""
    import random

    from pyoxigraph import RdfFormat, parse

    import graphtool.store as store_module

    full = []
    monkeypatch.setattr(store_module, "DERIVED_KEYED_SHARE", 1.0)  # keyed however large the change
    if seed != 5:  # every key class recomputed key by key, even one the change reaches half of
        monkeypatch.setattr(store_module.GraphStore, "_rows_at_most", lambda *_: False)
    monkeypatch.setattr(store_module, "derived_terms", lambda *a, **k: full.append(a[0]) or derived_terms_of(*a, **k))
    first = synthetic_documents(12, seed=30 + seed) | scattered_documents(30, seed=50 + seed)
    second = synthetic_documents(12, seed=40 + seed) | scattered_documents(30, seed=60 + seed)
    rng = random.Random(seed)
    graphs = sorted(first)
    rng.shuffle(graphs)
    store = GraphStore(tmp_path / "store")
    held = {g: first[g] for g in graphs[:20]}
    bulk_load(store, tmp_path / "chunk.nq", held, index=indexed)
    store.flush()
    assert full == [store.oxigraph] and store.default_graph_is_index is indexed  # the first flush: every row
    seen: set[str] = set()

    def check(step) -> None:
        store.flush()
        assert stored(store) == from_scratch(held), f"step {step}"
        if indexed:
            index = {f"{q.subject} {q.predicate} {q.object} ." for q in store.oxigraph.quads_for_pattern(
                None, None, None, DefaultGraph()) if q.predicate.value.rsplit("#", 1)[-1] in PREDICATES}  # fmt: skip
            assert index == stored(store), f"step {step}"
        seen.update(line.split()[1].rsplit("#", 1)[-1].rstrip(">") for line in stored(store))

    for step in range(12):
        absent = [g for g in graphs if g not in held]
        present = [g for g in graphs if g in held]
        action = ["bulk", "remove many", "stream"][step % 3] if step < 9 else "each"
        if action == "bulk" and absent:
            batch = {g: rng.choice([first, second])[g] for g in absent[: rng.randint(1, 6)]}
            bulk_load(store, tmp_path / "chunk.nq", batch, index=indexed)
            held.update(batch)
        elif action == "remove many" and present:
            gone = rng.sample(present, min(len(present), rng.randint(1, 3)))
            store.remove_documents(gone)
            for g in gone:
                del held[g]
        elif action == "stream" and present:  # a streamed document (graphtool.streaming): cleared, appended
            g = rng.choice(present)
            held[g] = second[g] if held[g] is first[g] else first[g]
            store.clear_document(g)
            quads = list(parse(("\n".join(held[g]) + "\n").encode(), RdfFormat.N_QUADS))
            half = len(quads) // 2
            store.append_document(quads[:half])
            store.append_document(quads[half:])
        for graph in rng.sample(graphs, rng.randint(3, 10)):
            choice = rng.choice(["add", "replace", "remove"])
            if choice == "remove" and graph in held:
                if "scatter" in graph:  # no gt:Document node: not found by name
                    store.remove_documents([graph])
                else:
                    assert store.remove_document(graph) == [graph]
                del held[graph]
            elif choice != "remove":
                held[graph] = (second if choice == "replace" and graph in held else first)[graph]
                write(store, graph, held[graph])
        check(step)
    assert [e for e in full if e is store.oxigraph] == [store.oxigraph]  # every refresh since the first was keyed
    for step, graph in enumerate(sorted(held)):  # down to none: each key's last document goes
        store.remove_documents([graph])
        del held[graph]
        check(f"removal {step}")
    assert stored(store) == set()
    assert seen == set(PREDICATES)  # the documents exercised every count


def derived_terms_of(*args, **kwargs):
    from graphtool.derived import derived_terms

    return derived_terms(*args, **kwargs)


def test_a_store_written_and_not_counted_is_counted_whole_when_opened_again(tmp_path, monkeypatch):
    """A process that wrote documents and stopped before its refresh (killed mid-build) leaves a mark in
    the store: the next process counts every row, not only the keys its own changes reach."""
    import graphtool.store as store_module

    monkeypatch.setattr(store_module, "DERIVED_KEYED_SHARE", 1.0)
    documents = scattered_documents(30, seed=7)
    path = tmp_path / "store"
    store = GraphStore(path)
    for graph, lines in documents.items():
        write(store, graph, lines)
    store.flush()
    donor = [g for g, lines in documents.items() if any("#funds>" in line for line in lines)][0]
    store.remove_documents([donor])  # its rows change; the process stops before counting them
    held = {g: lines for g, lines in documents.items() if g != donor}
    assert stored(store) != from_scratch(held)
    del store
    store = GraphStore(path)
    other = sorted(held)[-1]
    write(store, other, held[other])  # an unrelated replacement: its keys alone would miss the donor's rows
    store.flush()
    assert stored(store) == from_scratch(held)
    assert not any("derivedPending" in line for line in stored(store))
    del store
    assert stored(GraphStore(path, read_only=True)) == from_scratch(held)


def test_a_change_to_more_than_a_small_share_of_the_documents_counts_every_row(tmp_path, monkeypatch):
    """Past DERIVED_KEYED_SHARE of the documents the keys cost more than the whole graph: the refresh
    computes every row (and the finders stop running); below it, only the keys."""
    import graphtool.store as store_module

    full, found = [], []
    monkeypatch.setattr(store_module, "derived_terms", lambda *a, **k: full.append(a[0]) or derived_terms_of(*a, **k))
    monkeypatch.setattr(store_module, "DERIVED_KEYED_SHARE", 0.1)
    find = GraphStore._find_derived_keys
    monkeypatch.setattr(GraphStore, "_find_derived_keys", lambda self, g: found.append(set(g)) or find(self, g))
    first, second = scattered_documents(30, seed=8), scattered_documents(30, seed=9)
    store = GraphStore(tmp_path / "store")
    for graph, lines in first.items():
        write(store, graph, lines)
    store.flush()
    held = dict(first)
    for n, whole in ((3, False), (4, True)):  # 10% of 30 documents: 3 replaced are keyed, 4 counted whole
        full.clear()
        found.clear()
        for graph in sorted(held)[:n]:
            held[graph] = second[graph] if held[graph] is first[graph] else first[graph]
            write(store, graph, held[graph])
        assert len(found) == min(n, 3)  # a finder before each replacement, until the share is passed
        store.flush()
        assert len(found) == min(n, 3) + (0 if whole else 1)  # and, keyed, one over the graphs written
        assert any(engine is store.oxigraph for engine in full) is whole
        assert stored(store) == from_scratch(held)
