"""Big builds written with Oxigraph's bulk loader instead of one transaction per document.

A fresh store, or a batch of at least :data:`BULK_MIN_DOCUMENTS` documents, is written as one
N-Quads file (the workers' bytes appended as they arrive, never parsed in Python) and loaded by
``Store.bulk_load``, which sorts and writes the store's indexes directly: several times faster
than per-document ``INSERT DATA`` updates (MEASURED.md: 16.5 s against 41 s per million triples).

When the store's default graph is the deduplicated union of the documents (graphtool.store),
each document's triples are also written into the default graph of the same file, so the bulk
loader fills the union as it goes (a store is a set: a triple stated by many documents is kept
once) instead of recomputing it from every graph afterwards, which took twice as long as the
load itself (bench/RESULTS.md, issue 15).

Each document is still replaced whole: a document that failed to read keeps its previous graph;
the previous graph of every document read is removed (with its share of the union index) just
before the load. What the bulk loader gives up is atomicity while it runs: the documents of the
batch are marked pending in the build's table (:mod:`graphtool.manifest`) before anything is
written and unmarked only once the store is flushed, so a build killed in between leaves them to
the next build, which reads them again instead of trusting their half-written metadata.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from graphtool.iri import document_iri
from graphtool.manifest import BuildManifest
from graphtool.store import GraphStore

BULK_MIN_DOCUMENTS = 1000  # a batch this large is bulk-loaded into any store (a fresh store: from 200)
BULK_MIN_FRESH = 200


def wants_bulk(to_read: int, stored: int) -> bool:
    """The automatic choice: a fresh store with a real corpus, or a large batch."""
    return to_read >= BULK_MIN_DOCUMENTS or (stored == 0 and to_read >= BULK_MIN_FRESH)


class BulkLoad:
    """Collects documents' N-Quads in a file beside the store, then bulk-loads them (see the module docstring)."""

    def __init__(self, store: GraphStore, manifest: BuildManifest, tasks, stored_iris: set[str]) -> None:
        self.store, self.manifest, self.stored_iris = store, manifest, stored_iris
        folder = store.path if store.path is not None else None
        fd, name = tempfile.mkstemp(prefix="graphtool-bulk-", suffix=".nq", dir=folder)
        self.path = Path(name)
        self._out = os.fdopen(fd, "wb")
        self.documents: list[tuple[str, Path]] = []
        self.union = store.default_graph_is_index  # the default graph is the union: write it as we go
        manifest.mark_pending((document_iri(t.name), t.path) for t in tasks)

    def add(self, iri: str, nquads: bytes, path: Path) -> None:
        """One document's quads, appended to the file (nothing reaches the store yet)."""
        self._out.write(nquads)
        if self.union:  # the same lines in the default graph: N-Quads escape newlines, so only line ends match
            self._out.write(nquads.replace(f" <{iri}> .\n".encode(), b" .\n"))
        self.documents.append((iri, path))

    def finish(self) -> None:
        """Replace the previous graphs of the documents read, load the file, flush, unmark them."""
        try:
            self._out.close()
            for iri, _path in self.documents:
                if iri in self.stored_iris:
                    self.store.remove_document(iri)
            if self.documents and self.union:
                from pyoxigraph import RdfFormat

                self.store.oxigraph.bulk_load(path=str(self.path), format=RdfFormat.N_QUADS)
            elif self.documents:
                self.store.bulk_load_nquads(self.path)
            self.store.flush()
            for iri, path in self.documents:
                self.manifest.record(iri, path)
            self.manifest.clear_pending()  # also the documents that failed: their previous graphs are untouched
        finally:
            self.discard()

    def discard(self) -> None:
        if not self._out.closed:
            self._out.close()
        self.path.unlink(missing_ok=True)
