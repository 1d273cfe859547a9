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
from collections import deque
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
# A batch projected below CHUNK_PARTS full chunks gets smaller ones (not below MIN_CHUNK_BYTES): the last
# chunk's load runs after the extraction with nothing beside it, so a short one ends the build sooner.
CHUNK_PARTS = 4
MIN_CHUNK_BYTES = 8 * 2**20
# Chunk loads at once. One bulk_load keeps about one core busy (its parser; bench/RESULTS.md, issue 15):
# two let the loads use both cores once the workers are done, and never leave the workers waiting on one.
LOADS_AT_ONCE = 2


def wants_bulk(to_read: int, stored: int) -> bool:
    """The automatic choice: a fresh store with a real corpus, or a large batch."""
    return to_read >= BULK_MIN_DOCUMENTS or (stored == 0 and to_read >= BULK_MIN_FRESH)


class BulkLoad:
    """Collects documents' N-Quads in chunk files beside the store and bulk-loads them (see the module docstring).

    A full chunk is handed to a background load (``bulk_load`` releases the GIL) and the build goes on
    at once: up to :data:`LOADS_AT_ONCE` chunks load side by side, one more waits on disk, and only
    then does the build wait. A chunk holding documents that replace stored ones loads alone: its
    removals must not interleave with another chunk's load of the same default-graph triples.
    A chunk is closed at :data:`CHUNK_BYTES`, or earlier in a batch projected to be smaller than
    :data:`CHUNK_PARTS` such chunks, so the last one (whose load nothing overlaps) stays short.
    """

    def __init__(self, store: GraphStore, manifest: BuildManifest, tasks, stored_iris: set[str]) -> None:
        self.store, self.manifest, self.stored_iris = store, manifest, stored_iris
        self.documents: list[tuple[str, Path]] = []
        self.union = store.default_graph_is_index  # the default graph is the union: write it as we go
        self._error: BaseException | None = None
        self._expected = max(1, len(tasks))
        self._total = 0  # document bytes written so far, every chunk
        self._lock = threading.Condition()
        self._queue: deque[tuple[Path, list[tuple[str, Path]], bool]] = deque()  # closed chunks waiting to load
        self._running: dict[threading.Thread, bool] = {}  # loads under way -> whether it loads alone
        self.loads = 0  # chunks loaded (or being loaded)
        manifest.mark_pending((document_iri(t.name), t.path) for t in tasks)
        self._start_chunk()

    def _start_chunk(self) -> None:
        fd, name = tempfile.mkstemp(prefix="graphtool-bulk-", suffix=".nq", dir=self.store.path)
        self.path, self._out = Path(name), os.fdopen(fd, "wb")
        self._chunk: list[tuple[str, Path]] = []
        self._written = 0

    def _limit(self) -> int:
        """Bytes at which the current chunk is closed: :data:`CHUNK_BYTES`, less in a small batch."""
        done = len(self.documents)
        projected = self._total * self._expected / done if done else CHUNK_BYTES * CHUNK_PARTS
        return min(CHUNK_BYTES, max(MIN_CHUNK_BYTES, int(projected / CHUNK_PARTS)))

    def add(self, iri: str, nquads: bytes, path: Path) -> None:
        """One document's quads, appended to the current chunk (loaded in the background once it is full)."""
        self._out.write(nquads)
        if self.union:  # the same lines in the default graph: N-Quads escape newlines, so only line ends match
            self._out.write(nquads.replace(f" <{iri}> .\n".encode(), b" .\n"))
        self._written += len(nquads)
        self._total += len(nquads)
        self.documents.append((iri, path))
        self._chunk.append((iri, path))
        if self._written >= self._limit():
            self._submit(wait_for_room=True)
            self._start_chunk()

    def _submit(self, wait_for_room: bool) -> None:
        """Close the current chunk and queue it for loading; with ``wait_for_room``, first wait while
        a chunk is already waiting (at most LOADS_AT_ONCE + 1 closed chunk files on disk)."""
        self._out.close()
        alone = not self.union or any(iri in self.stored_iris for iri, _ in self._chunk)
        with self._lock:
            while wait_for_room and self._queue:
                self._lock.wait()  # the workers wait too (their answers are not read): a slow disk holds them
            self._queue.append((self.path, self._chunk, alone))
            self._dispatch()

    def _dispatch(self) -> None:
        """Start the queued chunks there is room for, in order (called holding the lock)."""
        while self._queue:
            alone = self._queue[0][2]
            if self._running and (alone or len(self._running) >= LOADS_AT_ONCE or any(self._running.values())):
                return
            path, chunk, alone = self._queue.popleft()
            thread = threading.Thread(target=self._run, args=(path, chunk), name="graphtool-bulk-load", daemon=True)
            self._running[thread] = alone
            self.loads += 1
            thread.start()

    def _run(self, path: Path, chunk: list[tuple[str, Path]]) -> None:
        try:
            self._load(path, chunk)
        finally:
            with self._lock:
                self._running.pop(threading.current_thread(), None)
                self._dispatch()
                self._lock.notify_all()

    def _load(self, path: Path, chunk: list[tuple[str, Path]]) -> None:
        """Replace the previous graphs of a chunk's documents, then load the chunk (errors kept for finish)."""
        try:
            if self._error is None and chunk:
                self.store.remove_documents([iri for iri, _path in chunk if iri in self.stored_iris])
                if self.union:
                    from pyoxigraph import RdfFormat

                    # lenient: the lines come from Oxigraph's own serializer (graphtool.parallel), so their
                    # IRIs were checked when their terms were made; 9% less CPU (bench/RESULTS.md, issue 15)
                    # noted before the load: a process killed during it leaves the derived counts marked as
                    # pending and the library's written answers unread (graphtool.answers); counted at the flush
                    self.store.changed(iri for iri, _path in chunk)
                    self.store.oxigraph.bulk_load(path=str(path), format=RdfFormat.N_QUADS, lenient=True)
                else:
                    self.store.bulk_load_nquads(path)
        except BaseException as exc:  # noqa: BLE001 - raised again by finish() in the build's thread
            self._error = self._error or exc
        finally:
            path.unlink(missing_ok=True)

    def _wait(self) -> None:
        """Until every queued and running load has ended."""
        with self._lock:
            while self._queue or self._running:
                self._lock.wait()

    def finish(self) -> None:
        """Load the last chunk, flush, and unmark the documents (a failure is raised here)."""
        try:
            if self._chunk:
                self._submit(wait_for_room=False)
            else:
                self._out.close()
            self._wait()
            if self._error is not None:
                raise self._error
            self.store.flush()
            for iri, path in self.documents:
                self.manifest.record(iri, path)
            self.manifest.clear_pending()  # also the documents that failed: their previous graphs are untouched
        finally:
            self.discard()

    def discard(self) -> None:
        with self._lock:
            for path, _chunk, _alone in self._queue:
                path.unlink(missing_ok=True)
            self._queue.clear()
        self._wait()
        if not self._out.closed:
            self._out.close()
        self.path.unlink(missing_ok=True)
