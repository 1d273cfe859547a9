"""A document replaced from its N-Quads bytes (what a build's workers send) writes only what changed,
and leaves the store exactly as the same document written from pyoxigraph quads (issue 15)."""

from __future__ import annotations

import random

import pytest
from pyoxigraph import DefaultGraph, RdfFormat, parse, serialize

from graphtool.store import GraphStore, StoreError
from tests.test_derived import synthetic_documents

XSD = "http://www.w3.org/2001/XMLSchema#"


def nquads(lines: list[str]) -> bytes:
    """The lines as Oxigraph serialises them (as graphtool.parallel's workers do)."""
    return serialize(list(parse(("\n".join(lines) + "\n").encode(), RdfFormat.N_QUADS)), format=RdfFormat.N_QUADS)


def everything(store: GraphStore) -> set[str]:
    """Every quad of the store: documents, the default-graph index, the derived counts (not the token of the
    library answers written at the flush, new and random each time: graphtool.answers)."""
    from graphtool.answers import ANSWERS_GRAPH

    store.flush()
    return {str(q) for q in store.oxigraph if getattr(q.graph_name, "value", None) != ANSWERS_GRAPH}


def odd_documents(graph: str) -> dict[str, list[str]]:
    """Two versions of a document with what the difference must survive: a triple another document also
    states, literals Oxigraph stores in another spelling ("01" is kept as "1", "+00:00" as "Z"), a line with spaces and an
    escaped quote and newline in its literal."""
    shared = '<urn:x:shared> <urn:x:p> "shared"'
    first = [
        f'<urn:x:a> <urn:x:n> "01"^^<{XSD}integer> <{graph}> .',
        f'<urn:x:a> <urn:x:when> "2026-12-07T05:00:00+00:00"^^<{XSD}dateTime> <{graph}> .',
        f'<urn:x:a> <urn:x:text> "a \\"quoted\\" text\\non two lines" <{graph}> .',
        f"{shared} <{graph}> .",
        f'<urn:x:a> <urn:x:only> "only in the first version" <{graph}> .',
    ]
    second = first[:3] + [f'<urn:x:a> <urn:x:only> "only in the second version"@uk <{graph}> .']
    return {"first": first, "second": second, "other": [f"{shared} <urn:x:doc:other> ."]}


@pytest.mark.parametrize("seed", [1, 2])
def test_bytes_and_quads_leave_the_same_store(tmp_path, seed):
    """Documents added, replaced by other versions, by the same version, by an empty one, and removed,
    in an order the seed draws: after every step the store written from bytes (only the difference) and
    the one written from quads (retract, drop, insert) hold the same quads, index and counts included."""
    first, second = synthetic_documents(10, seed=70 + seed), synthetic_documents(10, seed=80 + seed)
    odd = odd_documents("urn:x:doc:odd")
    versions = {g: [first[g], second[g], []] for g in first}
    versions["urn:x:doc:odd"] = [odd["first"], odd["second"]]
    versions["urn:x:doc:other"] = [odd["other"]]
    as_bytes, as_quads = GraphStore(tmp_path / "bytes"), GraphStore(tmp_path / "quads")
    rng = random.Random(seed)
    held: set[str] = set()
    for step in range(25):
        graph = rng.choice(sorted(versions))
        if graph in held and rng.random() < 0.2:
            as_bytes.remove_documents([graph])
            as_quads.remove_documents([graph])
            held.discard(graph)
        else:
            data = nquads(rng.choice(versions[graph]))
            assert as_bytes.replace_document(graph, data) == data.count(b"\n")
            as_quads.replace_document(graph, list(parse(data, format=RdfFormat.N_QUADS)))
            held.add(graph)
        assert everything(as_bytes) == everything(as_quads), f"step {step}: {graph}"
    assert held and len(everything(as_bytes)) > 100


class Recording:
    """A pyoxigraph store that records the update texts it runs (and can fail them, as a full disk does)."""

    def __init__(self, real, fail: bool = False):
        self._real, self.updates, self.loads, self.fail = real, [], [], fail

    def update(self, text, *args, **kwargs):
        self.updates.append(text)
        if self.fail:
            raise OSError("IO error: No space left on device")
        return self._real.update(text, *args, **kwargs)

    def load(self, data, *args, **kwargs):
        self.loads.append(data)
        if self.fail:
            raise OSError("IO error: No space left on device")
        return self._real.load(data, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._real, name)

    def __iter__(self):
        return iter(self._real)


def test_only_the_lines_that_changed_are_written(tmp_path):
    graph = "urn:x:doc:odd"
    odd = odd_documents(graph)
    store, reference = GraphStore(tmp_path / "store"), GraphStore(None)
    for s in (store, reference):
        s.replace_document("urn:x:doc:other", nquads(odd["other"]))
        s.replace_document(graph, nquads(odd["first"]))
    store._store = recording = Recording(store._store)
    store.replace_document(graph, nquads(odd["second"]))
    reference.remove_documents([graph])
    reference.replace_document(graph, nquads(odd["second"]))
    [update] = recording.updates
    assert not recording.loads
    recording.updates.clear()
    store.replace_document("urn:x:doc:new", nquads(odd_documents("urn:x:doc:new")["second"]))
    reference.replace_document("urn:x:doc:new", nquads(odd_documents("urn:x:doc:new")["second"]))
    assert not recording.updates and len(recording.loads) == 1  # nothing to take out: one load
    assert "only in the second version" in update and "only in the first version" in update
    assert "quoted" not in update  # stated by both versions: not touched
    # one value, two spellings (as stored, as given): taken out and written again
    assert '"1"^^' in update and '"01"^^' in update and "05:00:00Z" in update and "05:00:00+00:00" in update
    store._store = recording._real
    assert everything(store) == everything(reference)
    index = {
        (q.subject.value, q.object.value) for q in store.oxigraph.quads_for_pattern(None, None, None, DefaultGraph())
    }
    assert ("urn:x:shared", "shared") in index  # dropped by this document, still stated by the other
    assert ("urn:x:a", "only in the first version") not in index


def test_a_failed_write_keeps_the_previous_version_and_names_the_document(tmp_path):
    graph = "urn:x:doc:odd"
    odd = odd_documents(graph)
    store = GraphStore(tmp_path / "store")
    store.replace_document(graph, nquads(odd["first"]))
    before = everything(store)
    store._store = recording = Recording(store._store, fail=True)
    with pytest.raises(StoreError, match="urn:x:doc:odd"):
        store.replace_document(graph, nquads(odd["second"]))
    with pytest.raises(StoreError, match="urn:x:doc:new"):  # a new document: written by one load
        store.replace_document("urn:x:doc:new", nquads(odd_documents("urn:x:doc:new")["first"]))
    assert len(recording.updates) == len(recording.loads) == 1
    store._store = recording._real
    assert everything(store) == before


def test_bytes_of_another_graph_are_written_the_usual_way(tmp_path):
    """Lines naming another graph than the document's are not diffed: they are parsed and written as before."""
    store, reference = GraphStore(tmp_path / "store"), GraphStore(None)
    data = b'<urn:x:a> <urn:x:p> "x" <urn:x:doc:elsewhere> .\n'
    assert store.replace_document("urn:x:doc:a", data) == 1
    reference.replace_document("urn:x:doc:a", list(parse(data, format=RdfFormat.N_QUADS)))
    assert everything(store) == everything(reference)
