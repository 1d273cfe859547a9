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
    text = "\n".join(p.read_text(encoding="utf-8") for p in query_files())
    assert all(f"gt:{p}" in text for p in PREDICATES)  # and a library query reads each


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
