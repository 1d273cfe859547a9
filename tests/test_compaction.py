"""A store compacts the files of a bulk load once, at the flush that ends it (GraphStore._compact)."""

from __future__ import annotations

from bench import synth
from graphtool.store import GraphStore


class Spy:
    """The pyoxigraph store, counting ``optimize`` calls (optionally failing them as a full disk does)."""

    def __init__(self, inner, fail: bool = False) -> None:
        self.inner, self.fail, self.calls = inner, fail, 0

    def optimize(self) -> None:
        self.calls += 1
        if self.fail:
            raise OSError("No space left on device")
        self.inner.optimize()

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def __len__(self) -> int:
        return len(self.inner)

    def __iter__(self):
        return iter(self.inner)


def answers(store: GraphStore) -> dict[str, list]:
    from graphtool.library import load_queries, run_query

    return {
        name: run_query(store, name, {}).rows
        for name, q in load_queries().items()
        if not any(not p.optional for p in q.params)
    }


def test_a_bulk_load_is_compacted_once_at_its_flush_and_answers_the_same(tmp_path):
    path = tmp_path / "g.nq"
    synth.write_nquads(path, 3000)
    store = GraphStore(tmp_path / "store")
    spy = store._store = Spy(store._store)
    store.bulk_load_nquads(path)
    store.bulk_load_nquads(path)  # a second chunk: still one compaction, at the end
    assert spy.calls == 0
    store.flush()
    assert spy.calls == 1
    compacted = answers(store)
    store.flush()
    assert spy.calls == 1  # nothing loaded since
    del store, spy
    reopened = GraphStore(tmp_path / "store", read_only=True)
    assert answers(reopened) == compacted
    assert sum(len(rows) for rows in compacted.values()) > 0


def test_document_writes_are_not_compacted(tmp_path):
    from tests.fixtures_graph import load_small_graph

    graphs: dict[str, list] = {}
    for quad in load_small_graph().quads():
        graphs.setdefault(quad.graph_name.value, []).append(quad)
    store = GraphStore(tmp_path / "store")
    spy = store._store = Spy(store._store)
    for graph, quads in graphs.items():
        store.replace_document(graph, quads)
    store.flush()
    assert spy.calls == 0 and len(graphs) > 1 and len(store) > 0


def test_a_failed_compaction_leaves_the_store_readable_and_is_tried_again(tmp_path):
    path = tmp_path / "g.nq"
    info = synth.write_nquads(path, 2000)
    store = GraphStore(tmp_path / "store")
    spy = store._store = Spy(store._store, fail=True)
    store.bulk_load_nquads(path)
    store.flush()  # no error: the data is flushed, only the compaction is missing
    assert spy.calls == 1 and len(store) == info["triples"]
    spy.fail = False
    store.flush()
    assert spy.calls == 2
    store.flush()
    assert spy.calls == 2
