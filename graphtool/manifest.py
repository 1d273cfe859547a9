"""Where each stored document came from: the build's small table beside the store.

The store itself says what a document *is* (its graph holds its name, SHA-256 and loader version,
written in the same transaction as its quads), which is all a build needs to skip an unchanged
file. It does not say where the file lay on disk: document graphs travel to other machines in
exports and pushes, so local paths stay out of them. This table, ``graphtool-build.sqlite`` in
the store's folder, keeps per document IRI the absolute path it was last built from (for
``graphtool build --prune``: remove the graphs of files that disappeared under the given folders)
and whether a bulk load of it is in progress (a build killed during a bulk load leaves such
documents marked, and the next build reads them again instead of trusting their metadata).

A store without the table (built before it existed) is never pruned, only rebuilt as usual.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from graphtool.store import GraphStore

FILE_NAME = "graphtool-build.sqlite"
SCHEMA = """CREATE TABLE IF NOT EXISTS documents (
    iri TEXT PRIMARY KEY,   -- the document's named graph
    path TEXT NOT NULL,     -- absolute path of the file it was last built from
    pending INTEGER NOT NULL DEFAULT 0  -- 1 while a bulk load of it has not finished
)"""


class BuildManifest:
    """The source path of each document and the documents of an unfinished bulk load."""

    def __init__(self, store: GraphStore) -> None:
        target = str(store.path / FILE_NAME) if store.path is not None else ":memory:"
        self._db = sqlite3.connect(target)
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(SCHEMA)
        self._db.commit()

    @classmethod
    def of(cls, store: GraphStore) -> BuildManifest:
        """The manifest of a store (one per store object, so an in-memory store keeps its own)."""
        manifest = getattr(store, "_build_manifest", None)
        if manifest is None:
            manifest = cls(store)
            store._build_manifest = manifest
        return manifest

    def record(self, iri: str, path: Path) -> None:
        """A document now in the store, built from ``path``."""
        self._db.execute(
            "INSERT INTO documents(iri, path, pending) VALUES (?, ?, 0) "
            "ON CONFLICT(iri) DO UPDATE SET path = excluded.path, pending = 0",
            (iri, str(Path(path).resolve())),
        )

    def mark_pending(self, entries: Iterable[tuple[str, Path]]) -> None:
        """Documents about to be bulk-loaded: not trusted until :meth:`clear_pending`."""
        self._db.executemany(
            "INSERT INTO documents(iri, path, pending) VALUES (?, ?, 1) "
            "ON CONFLICT(iri) DO UPDATE SET path = excluded.path, pending = 1",
            [(iri, str(Path(path).resolve())) for iri, path in entries],
        )
        self._db.commit()

    def clear_pending(self) -> None:
        self._db.execute("UPDATE documents SET pending = 0 WHERE pending = 1")
        self._db.commit()

    def pending(self) -> set[str]:
        """IRIs of documents whose bulk load did not finish."""
        return {row[0] for row in self._db.execute("SELECT iri FROM documents WHERE pending = 1")}

    def sources(self) -> dict[str, Path]:
        """IRI -> the path each recorded document was built from."""
        return {iri: Path(path) for iri, path in self._db.execute("SELECT iri, path FROM documents")}

    def forget(self, iri: str) -> None:
        self._db.execute("DELETE FROM documents WHERE iri = ?", (iri,))

    def commit(self) -> None:
        self._db.commit()

    def close(self) -> None:
        self._db.commit()
        self._db.close()
