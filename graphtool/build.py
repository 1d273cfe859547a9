"""The build pipeline: files -> loaders -> one named graph per document in the store.

There is exactly one pipeline; the CLI, the tests, the demo and the benchmark call :func:`build`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graphtool.document import disk_full as _disk_full
from graphtool.document import disk_full_message as _disk_full_message
from graphtool.document import sha256 as _sha256
from graphtool.store import GraphStore, StoreError
from loaders.base import LoaderError
from loaders.limits import Limits

SKIP_NAMES = {".DS_Store", "Thumbs.db"}


@dataclass
class BuildReport:
    """What a build did: counts, failures (one line each) and wall time."""

    documents: int = 0
    entities: int = 0
    relations: int = 0
    triples: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    loaded: list[str] = field(default_factory=list)
    jobs: int = 1
    extract_seconds: float = 0.0  # summed over documents, in the workers
    slowest: tuple[str, float] = ("", 0.0)  # the document that took longest to extract, and its seconds
    peak_rss: dict[int, int] = field(default_factory=dict)  # worker pid -> peak resident memory, bytes
    unchanged: int = 0  # documents skipped: name, bytes and loader version as in the store
    pruned: list[str] = field(default_factory=list)  # graphs removed: their files disappeared
    bulk: bool = False  # written with the bulk loader (graphtool.bulk)
    answers_left: bool = False  # the library's written answers left out after a small change (GraphStore)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        # counted per document, before documents merge: 'graphtool stats' counts the distinct ones
        text = (
            f"{self.documents} documents, {self.entities} entity and {self.relations} relation mentions "
            f"(per document; 'graphtool stats' counts distinct ones), {self.triples} triples in {self.seconds:.1f} s"
        )
        if self.bulk:
            text += " (bulk-loaded)"
        if self.unchanged:
            text += f"; {self.unchanged} unchanged (not read again; --force reads them)"
        if self.pruned:
            text += f"; {len(self.pruned)} removed (their files are gone)"
        if self.errors:
            text += f"; {len(self.errors)} failed"
        if self.answers_left:
            text += "; the large library questions run as queries until 'graphtool build' runs with nothing changed"
        return text

    def details(self) -> list[str]:
        """Speed, the slowest document and each worker's peak memory (``graphtool build -v``)."""
        lines = []
        if self.documents and self.seconds:
            lines.append(
                f"{self.documents / self.seconds:.1f} documents/s with {self.jobs} worker(s); "
                f"slowest: {self.slowest[0]} ({self.slowest[1]:.2f} s)"
            )
        for pid, rss in sorted(self.peak_rss.items()):
            lines.append(f"worker {pid}: peak RSS {rss / 2**20:.0f} MB (shared reference data included)")
        return lines


def expand_paths(paths: Iterable[str | Path], exclude: Path | None = None) -> list[Path]:
    """Files named directly, plus every file under named folders (recursively; hidden files and
    the store's own folder ``exclude`` skipped)."""
    files: list[Path] = []
    skip = exclude.resolve() if exclude is not None else None
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                rel = sub.relative_to(path)
                if skip is not None and (sub.resolve() == skip or skip in sub.resolve().parents):
                    continue
                if sub.is_file() and sub.name not in SKIP_NAMES and not any(p.startswith(".") for p in rel.parts):
                    files.append(sub)
        else:
            files.append(path)
    seen: set[str] = set()
    unique = []
    for f in files:  # a file reached twice ("build docs docs/a.txt") is read once
        key = os.path.abspath(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def document_names(files: Iterable[Path], known: Iterable[str] = ()) -> dict[Path, str]:
    """The name (identity) of each file's document: its base name, or a longer path where needed.

    Two files with the same base name in different folders ("zhytomyr/report.txt",
    "lutsk/report.txt") each get the shortest trailing part of their path that no other file of
    the build shares, so neither overwrites the other; a unique base name keeps the document
    IRI it has always had. A longer name already in the store (``known``) that ends this file's
    path is kept, so building one folder alone later replaces the same documents.
    """
    files = list(files)
    parts = {f: Path(os.path.abspath(f)).parts for f in files}
    known = set(known)

    def suffix(f: Path, k: int) -> str:
        return "/".join(parts[f][-k:])

    by_base: dict[str, list[Path]] = {}
    for f in files:
        by_base.setdefault(f.name, []).append(f)
    names: dict[Path, str] = {}
    for group in by_base.values():
        for f in group:
            k = 1
            while k < len(parts[f]) and any(suffix(g, k) == suffix(f, k) for g in group if g is not f):
                k += 1
            longer = [j for j in range(k + 1, len(parts[f])) if suffix(f, j) in known]
            names[f] = suffix(f, longer[0] if longer else k)
    return names


def build(
    paths: Iterable[str | Path],
    store: GraphStore,
    *,
    on_file: Callable[[Path], None] | None = None,
    on_document: Callable[[str, float], None] | None = None,
    limits: Limits | None = None,
    jobs: int | None = None,
    force: bool = False,
    prune: bool = False,
    bulk: bool | None = None,
    cluster: str | None = None,
) -> BuildReport:
    """Load every file into the store, replacing each document's previous graph.

    A file that fails is reported in ``errors`` and leaves its previous graph untouched;
    the other files still load. ``on_file`` is called after each file (for progress bars),
    ``on_document`` with each document's name and extraction seconds. Each document is read
    within ``limits`` (default: :meth:`Limits.from_env`) by one of ``jobs`` forked workers
    (default: the cores available), with its own time and memory budget
    (:mod:`graphtool.parallel`); this process writes the results in input order.

    A file whose name, bytes (SHA-256) and loader version (:mod:`graphtool.fingerprint`) are the
    ones in the store is not read again, unless ``force``. With ``prune``, the graphs of documents
    last built from a file under one of ``paths`` that no longer exists are removed.

    ``bulk`` writes the documents read with Oxigraph's bulk loader (:mod:`graphtool.bulk`);
    ``None`` chooses it for a fresh store or a large batch. ``cluster`` (``local`` or a Dask
    scheduler's address) extracts on a Dask cluster instead (:mod:`graphtool.cluster`) and bulk-loads.
    """
    from graphtool.bulk import BulkLoad, wants_bulk
    from graphtool.manifest import BuildManifest
    from graphtool.parallel import ExtractionPool, default_jobs, warm_up
    from loaders import limits as limits_mod

    limits = limits or Limits.from_env()
    limits_mod.use(limits)

    report = BuildReport()
    started = time.perf_counter()
    paths = list(paths)
    files = expand_paths(paths, exclude=store.path)
    documents = {d["file_name"]: d for d in store.documents()}
    stored = set(documents)
    names = document_names(files, stored)
    for name in sorted(stored & {f.name for f in files} - set(names.values())):
        report.warnings.append(
            f"the store holds a document named {name} from an earlier build; these files are now "
            f"{', '.join(sorted(v for f, v in names.items() if f.name == name))} "
            f"(remove the old one with: graphtool remove {name})"
        )
    manifest = BuildManifest.of(store)
    tasks, loader_names = _plan(files, names, documents, manifest.pending(), force, report)
    if on_file is not None and report.unchanged:
        reading = {t.path for t in tasks}
        for path in files:
            if path not in reading:
                on_file(path)  # unchanged: counted as done on the progress line
    from graphtool.streaming import build_streamed, streams

    streamed = [t for t in tasks if streams(t.path)]  # large files whose loader streams: read and written in batches
    tasks = [t for t in tasks if t not in streamed]
    report.jobs = max(1, jobs or default_jobs())
    early: dict = {}  # documents the build process read itself while warming up (jobs > 1)
    if tasks and cluster is None:
        samples = tasks[:64] if report.jobs > 1 and len(tasks) >= 16 * report.jobs else []
        early = warm_up(loader_names, samples)
    if bulk is None:
        bulk = cluster is not None or wants_bulk(len(tasks), len(documents))
    pool = ExtractionPool(report.jobs, limits) if cluster is None or not tasks else _cluster_pool(cluster, limits, jobs)
    report.jobs = pool.jobs
    sink = BulkLoad(store, manifest, tasks, {d["iri"] for d in documents.values()}) if bulk and tasks else None
    report.bulk = sink is not None
    with pool:
        for n, (task, result) in enumerate(_in_order(tasks, early, pool)):
            path = task.path
            try:
                if isinstance(result, str):
                    raise LoaderError(result)
                if sink is not None:
                    sink.add(result.iri, result.nquads, path)
                    report.triples += result.count
                else:
                    report.triples += store.replace_document(result.iri, result.nquads)
                    manifest.record(result.iri, path)
            except (LoaderError, StoreError, ValueError, OSError) as exc:
                if _disk_full(exc):
                    left = len(tasks) - n - 1
                    report.errors.append(f"{path}: not stored: {_disk_full_message(store)}")
                    if left:
                        report.errors.append(f"{left} more file(s) not read: build them again once there is space")
                    break
                report.errors.append(str(exc) if str(path) in str(exc) else f"{path}: {exc}")
            else:
                report.documents += 1
                report.entities += result.entities
                report.relations += result.relations
                report.loaded.append(result.name)
                report.warnings.extend(result.warnings)
                report.extract_seconds += result.seconds
                if result.seconds > report.slowest[1]:
                    report.slowest = (result.name, result.seconds)
                if on_document is not None:
                    on_document(result.name, result.seconds)
            if on_file is not None:
                on_file(path)
        report.peak_rss = dict(pool.peak_rss)
    if sink is not None:
        try:
            sink.finish()
        except (OSError, RuntimeError, StoreError) as exc:
            why = _disk_full_message(store) if _disk_full(exc) else f"{type(exc).__name__}: {exc}"
            report.errors.append(
                f"the bulk load of {len(sink.documents)} document(s) failed ({why}); the next build reads them again"
            )
            report.documents -= len(sink.documents)
    for iri, path in build_streamed(streamed, store, limits, report, on_file=on_file, on_document=on_document):
        manifest.record(iri, path)
    manifest.commit()
    if prune:
        report.pruned = _prune(paths, files, store, manifest)
    try:
        store.load_ontology()  # the schema, queryable as its own graph
        store.flush()
        report.answers_left = store.answers_left_out
    except (OSError, StoreError) as exc:
        if not _disk_full(exc):
            raise StoreError(f"writing the store at {store.path} failed: {exc}") from exc
        if not any("is full" in e for e in report.errors):
            report.errors.append(f"the last documents may be missing: {_disk_full_message(store)}")
    report.seconds = time.perf_counter() - started
    return report


def _in_order(tasks: list, early: dict, pool) -> Iterator[tuple]:
    """(task, result) in input order: those read while warming up, and the pool's for the rest."""
    rest = pool.map([t for t in tasks if t not in early]) if len(early) < len(tasks) else iter(())
    for task in tasks:
        yield (task, early[task]) if task in early else next(rest)


def _cluster_pool(address: str, limits: Limits, workers: int | None):
    from graphtool.cluster import ClusterPool, ClusterUnavailable

    try:
        return ClusterPool(address, limits, workers=workers)
    except ClusterUnavailable as exc:
        raise StoreError(str(exc)) from exc


def _plan(
    files: list[Path],
    names: dict[Path, str],
    documents: dict[str, dict[str, str]],
    pending: set[str],
    force: bool,
    report: BuildReport,
) -> tuple[list, list[str]]:
    """The documents to read (those not unchanged in the store) and the loaders that will read them."""
    from graphtool.fingerprint import loader_version
    from graphtool.parallel import Task
    from loaders import pick_loader
    from loaders.limits import check_file

    tasks: list[Task] = []
    loaders: dict[str, None] = {}
    for path in files:
        name = names[path]
        try:
            check_file(path)  # a FIFO is never opened, a huge file never sniffed
            loader = pick_loader(path)
            sha = _sha256(path)
        except (LoaderError, OSError):
            tasks.append(Task(path, name))  # the worker says what is wrong, in the usual words
            continue
        stored = documents.get(name)
        if (
            not force
            and stored is not None
            and stored["sha256"] == sha
            and stored["loader"] == loader.name
            and stored["loader_version"] == loader_version(loader.name)
            and stored["iri"] not in pending
        ):
            report.unchanged += 1
            continue
        loaders[loader.name] = None
        tasks.append(Task(path, name, sha))
    return tasks, list(loaders)


def _prune(paths: Iterable[str | Path], files: list[Path], store: GraphStore, manifest) -> list[str]:
    """Remove the graphs of documents last built from a file under ``paths`` that no longer exists."""
    roots = [Path(p).resolve() for p in paths]
    building = {Path(f).resolve() for f in files}
    removed = []
    for iri, source in manifest.sources().items():
        if source in building or source.exists():
            continue
        if any(source == root or source.is_relative_to(root) for root in roots):
            removed += store.remove_document(iri)
            manifest.forget(iri)
    manifest.commit()
    return removed
