"""Large documents written batch by batch: a 500 MB IATI file in bounded memory.

A loader that can stream (``load_batches``, today the IATI loader) hands over a large file in
batches of a few thousand activities (:class:`loaders.base.Batch`); each batch becomes quads
(:class:`graphtool.rdf.DocumentStream`) and is written into the document's graph at once, so
neither the extraction nor its quads are ever held whole.

The document still changes from the user's point of view in one step that cannot half-fail on
bad input: the loader's first pass reads the whole file before any batch is sent, so a file
that is not well-formed (or hostile) fails before the store is touched and the previous version
stays. Only then is the previous version removed (in bounded transactions) and the new one
appended; the document node (what ``graphtool list`` shows) is written last. A failure after that
point (the time budget, a crash, a full disk) removes what was appended and reports the document
as not stored. While a streamed document is being written, queries see it partly written.

The batches are read in a forked child process with the same budgets as any document
(``graphtool.worker``): the memory budget for the child, the time budget for each batch (a large
file may take longer than the budget as a whole, but never that long without progress).
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from loaders.base import Batch, LoaderError
from loaders.limits import Limits

STREAM_MIN_BYTES = 20_000_000  # a file this large whose loader streams is written batch by batch


@dataclass
class Streamed:
    """What storing one streamed document did (what the build report counts)."""

    name: str
    triples: int = 0
    entities: int = 0  # per batch: an organisation in ten batches counts ten times
    relations: int = 0
    batches: int = 0
    warnings: list[str] = field(default_factory=list)


def streams(path: Path) -> bool:
    """True for a file of at least :data:`STREAM_MIN_BYTES` whose loader can stream it."""
    from loaders import pick_loader

    try:
        if Path(path).stat().st_size < STREAM_MIN_BYTES:
            return False
        return hasattr(pick_loader(Path(path)), "load_batches")
    except (OSError, LoaderError):
        return False


def _loader_version(loader) -> str:
    try:
        from graphtool.fingerprint import loader_version
    except ImportError:  # pragma: no cover - a build without code fingerprints
        return loader.version
    return loader_version(loader.name)


def _read_batches(path: Path) -> Iterator[tuple[str, object]]:
    """("batch", Batch) for each batch, then ("loader", (name, version)); in the current process."""
    from loaders import pick_loader
    from loaders.limits import check_file

    check_file(path)
    loader = pick_loader(path)
    try:
        for batch in loader.load_batches(path):
            yield "batch", batch
    except (LoaderError, MemoryError):
        raise
    except Exception as exc:  # a loader bug is one error line, like any document's
        raise LoaderError(f"{path}: {loader.name} loader failed: {type(exc).__name__}: {exc}") from exc
    yield "loader", (loader.name, _loader_version(loader))


def _child(conn, path: str, limits: Limits) -> None:
    """The reading process: send each batch, then the loader, or one error line."""
    import faulthandler

    from graphtool.worker import _set_memory_budget
    from loaders import limits as limits_mod

    faulthandler.disable()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limits_mod.use(limits)
    _set_memory_budget(limits)
    try:
        for message in _read_batches(Path(path)):
            conn.send(message)
    except LoaderError as exc:
        conn.send(("error", str(exc) if path in str(exc) else f"{path}: {exc}"))
    except MemoryError:
        conn.send(("error", f"{path}: needs more than the memory budget of {limits.doc_memory_mb:g} MB "
                            "(raise it with --doc-memory-mb or GRAPHTOOL_DOC_MEMORY_MB); skipped"))  # fmt: skip
    finally:
        conn.close()


def batches(path: Path, limits: Limits) -> Iterator[tuple[str, object]]:
    """The messages of :func:`_read_batches`, read in a budgeted child process where ``fork`` exists."""
    if not limits.doc_seconds or "fork" not in multiprocessing.get_all_start_methods():
        yield from _read_batches(path)
        return
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, str(path), limits), daemon=True, name="graphtool-stream")
    proc.start()
    child.close()
    try:
        while True:
            if not parent.poll(limits.doc_seconds):
                raise LoaderError(
                    f"{path}: no progress within the time budget of {limits.doc_seconds:g} s "
                    "(raise it with --doc-timeout or GRAPHTOOL_DOC_TIMEOUT); skipped"
                )
            try:
                kind, payload = parent.recv()
            except (EOFError, OSError):
                proc.join(5)
                raise LoaderError(
                    f"{path}: the reader process died (exit code {proc.exitcode}): more than the memory budget "
                    f"of {limits.doc_memory_mb:g} MB or a crash in a parsing library; skipped"
                ) from None
            if kind == "error":
                raise LoaderError(payload)
            yield kind, payload
            if kind == "loader":
                return
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()


def store_streamed(path: Path, name: str, store, limits: Limits, *, sha256: str | None = None) -> Streamed:
    """Read ``path`` batch by batch into the document graph ``name`` of ``store`` (see the module docstring).

    Raises LoaderError (the file; the previous version stays when nothing was written yet),
    StoreError or ValueError; after the first batch, a failure leaves the document absent.
    """
    from graphtool.document import sha256 as file_sha256
    from graphtool.rdf import DocumentInfo, DocumentStream

    path = Path(path)
    info = DocumentInfo(file_name=name, sha256=sha256 or file_sha256(path), loader="", loader_version="")
    stream = DocumentStream(info)
    result = Streamed(name)
    started = False
    try:
        for kind, payload in batches(path, limits):
            if kind == "loader":
                loader, version = payload
                stream.info = DocumentInfo(name, info.sha256, loader, version)
                break
            batch: Batch = payload
            if not started:  # the whole file was read once: only now is the old version removed
                store.clear_document(info.iri)
                started = True
            result.triples += store.append_document(stream.batch_quads(batch.extraction))
            if batch.stale_types:
                store.retract_quads(stream.stale_type_quads(batch.stale_types))
            result.batches += 1
        else:
            raise LoaderError(f"{path}: the reader ended without finishing the document; skipped")
        result.triples += store.append_document(stream.final_quads())
    except BaseException:
        if started:
            store.clear_document(info.iri)  # no half document stays behind
        raise
    result.entities, result.relations, result.warnings = stream.entities, stream.relations, stream.warnings
    return result


def build_streamed(tasks, store, limits: Limits, report, *, on_file=None, on_document=None) -> list[tuple[str, Path]]:
    """The build's part for streamed files (``graphtool.parallel.Task``: path, name, SHA-256 or None), after
    the other documents: each stored, or one error line in ``report``. Returns (IRI, path) of those stored."""
    import time

    from graphtool import iri as iri_mod
    from graphtool.document import disk_full, disk_full_message
    from graphtool.store import StoreError

    stored = []
    for n, task in enumerate(tasks):
        path = task.path
        if any("is full" in e for e in report.errors):
            report.errors.append(f"{len(tasks) - n} more file(s) not read: build them again once there is space")
            break
        started = time.perf_counter()
        try:
            result = store_streamed(path, task.name, store, limits, sha256=task.sha256)
        except (LoaderError, StoreError, ValueError, OSError) as exc:
            if disk_full(exc):
                report.errors.append(f"{path}: not stored: {disk_full_message(store)}")
            else:
                report.errors.append(str(exc) if str(path) in str(exc) else f"{path}: {exc}")
        else:
            seconds = time.perf_counter() - started
            stored.append((iri_mod.document_iri(task.name), path))
            report.documents += 1
            report.triples += result.triples
            report.entities += result.entities
            report.relations += result.relations
            report.loaded.append(result.name)
            report.warnings.extend(result.warnings)
            if seconds > report.slowest[1]:
                report.slowest = (result.name, seconds)
            if on_document is not None:
                on_document(result.name, seconds)
        if on_file is not None:
            on_file(path)
    return stored
