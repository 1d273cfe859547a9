"""Big builds written with Oxigraph's bulk loader instead of one transaction per document.

A fresh store, or a batch of at least :data:`BULK_MIN_DOCUMENTS` documents, is written as one
N-Quads file (the workers' bytes appended as they arrive, never parsed in Python) and loaded by
``Store.bulk_load``, which sorts and writes the store's indexes directly: several times faster
than per-document ``INSERT DATA`` updates (MEASURED.md: 16.5 s against 41 s per million triples).

When the store's default graph is the deduplicated union of the documents (graphtool.store),
each document's triples are also written into the default graph of the same file, so the bulk
loader fills the union as it goes (a store is a set: a triple stated by many documents is kept
once) instead of recomputing it from every graph afterwards, which took twice as long as the
load itself (bench/RESULTS.md, issue 15). The file is written and loaded in chunks, each loaded in
a background thread while the workers extract the next documents, so the one writer's work
overlaps the extraction instead of following it.

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
import threading
from pathlib import Path

from graphtool.iri import document_iri
from graphtool.manifest import BuildManifest
from graphtool.store import GraphStore

BULK_MIN_DOCUMENTS = 1000  # a batch this large is bulk-loaded into any store (a fresh store: from 200)
BULK_MIN_FRESH = 200
# Documents' N-Quads per chunk, loaded in the background while the workers extract. Each load into a
# non-empty store costs more as the store grows (RocksDB merges the new files into the old ones): the
# same 279k quads took 1.8 s of CPU into an empty store and 4 s into one of 6.4M; the same 6.7M quads
# loaded in 128 MB chunks took 60 s of CPU, in 32 MB chunks 76 s (bench/RESULTS.md, issue 15).
CHUNK_BYTES = 128 * 2**20


def wants_bulk(to_read: int, stored: int) -> bool:
    """The automatic choice: a fresh store with a real corpus, or a large batch."""
    return to_read >= BULK_MIN_DOCUMENTS or (stored == 0 and to_read >= BULK_MIN_FRESH)


class BulkLoad:
    """Collects documents' N-Quads in chunk files beside the store and bulk-loads them (see the module docstring).

    A chunk of :data:`CHUNK_BYTES` is loaded in a background thread while the workers go on extracting
    (``bulk_load`` releases the GIL); chunks are loaded one at a time, in input order.
    """

    def __init__(self, store: GraphStore, manifest: BuildManifest, tasks, stored_iris: set[str]) -> None:
        self.store, self.manifest, self.stored_iris = store, manifest, stored_iris
        self.documents: list[tuple[str, Path]] = []
        self.union = store.default_graph_is_index  # the default graph is the union: write it as we go
        self._loader: threading.Thread | None = None
        self._error: BaseException | None = None
        manifest.mark_pending((document_iri(t.name), t.path) for t in tasks)
        self._start_chunk()

    def _start_chunk(self) -> None:
        fd, name = tempfile.mkstemp(prefix="graphtool-bulk-", suffix=".nq", dir=self.store.path)
        self.path, self._out = Path(name), os.fdopen(fd, "wb")
        self._chunk: list[tuple[str, Path]] = []
        self._written = 0

    def add(self, iri: str, nquads: bytes, path: Path) -> None:
        """One document's quads, appended to the current chunk (loaded once the chunk is full)."""
        self._out.write(nquads)
        if self.union:  # the same lines in the default graph: N-Quads escape newlines, so only line ends match
            self._out.write(nquads.replace(f" <{iri}> .\n".encode(), b" .\n"))
        self._written += len(nquads)
        self.documents.append((iri, path))
        self._chunk.append((iri, path))
        if self._written >= CHUNK_BYTES:
            self._out.close()
            path_, chunk = self.path, self._chunk
            self._wait()  # one load at a time, in order: a slow disk holds the build back here
            self._loader = threading.Thread(
                target=self._load, args=(path_, chunk), name="graphtool-bulk-load", daemon=True
            )
            self._loader.start()
            self._start_chunk()

    def _load(self, path: Path, chunk: list[tuple[str, Path]]) -> None:
        """Replace the previous graphs of a chunk's documents, then load the chunk (errors kept for finish)."""
        try:
            if self._error is None and chunk:
                for iri, _path in chunk:
                    if iri in self.stored_iris:
                        self.store.remove_document(iri)
                if self.union:
                    from pyoxigraph import RdfFormat

                    # lenient: the lines come from Oxigraph's own serializer (graphtool.parallel), so their
                    # IRIs were checked when their terms were made; 9% less CPU (bench/RESULTS.md, issue 15)
                    self.store.oxigraph.bulk_load(path=str(path), format=RdfFormat.N_QUADS, lenient=True)
                    self.store.changed()  # the derived counts are computed again at the flush
                else:
                    self.store.bulk_load_nquads(path)
        except BaseException as exc:  # noqa: BLE001 - raised again by finish() in the build's thread
            self._error = exc
        finally:
            path.unlink(missing_ok=True)

    def _wait(self) -> None:
        if self._loader is not None:
            self._loader.join()
            self._loader = None

    def finish(self) -> None:
        """Load the last chunk, flush, and unmark the documents (a failure is raised here)."""
        try:
            self._out.close()
            self._wait()
            self._load(self.path, self._chunk)
            if self._error is not None:
                raise self._error
            self.store.flush()
            for iri, path in self.documents:
                self.manifest.record(iri, path)
            self.manifest.clear_pending()  # also the documents that failed: their previous graphs are untouched
        finally:
            self.discard()

    def discard(self) -> None:
        self._wait()
        if not self._out.closed:
            self._out.close()
        self.path.unlink(missing_ok=True)
