"""Extract documents in parallel worker processes; the build process stays the one writer.

``graphtool build --jobs N`` keeps N forked workers busy. The build process loads the reference
data (gazetteer, donor registry, morphology) once before forking (:func:`warm_up`), so every
worker starts with it in memory shared copy-on-write: nothing is pickled across, and N workers
cost one copy of the reference data plus what each document adds.

Each worker reads a document within the time and memory budget of ``graphtool.worker`` (a worker
that runs out of time is killed, one that dies is reported; either way the document is named in
one error line and a fresh worker takes the slot), turns it into its quads and sends them back as
N-Quads bytes: a bulk build appends them to its chunk file as they are (:mod:`graphtool.bulk`), a
transactional one parses them with Oxigraph's parser to write them. Results come back
in input order whatever order the workers finish in, so a build writes the same store at any N.

The same :func:`extract_document` runs in the build process (``--jobs 1`` without a time budget,
or where ``fork`` does not exist) and on Dask workers (:mod:`graphtool.cluster`).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import NamedTuple

from loaders.base import LoaderError
from loaders.limits import Limits


def default_jobs() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's count)."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13
        return max(1, os.process_cpu_count() or 1)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class Task(NamedTuple):
    """One document to extract: its file, its name in the store, the SHA-256 of its bytes (or None)."""

    path: Path
    name: str
    sha256: str | None = None


@dataclass
class Extracted:
    """A document extracted by a worker: its quads as N-Quads bytes plus what the build report counts."""

    name: str
    iri: str
    sha256: str
    loader: str
    loader_version: str
    nquads: bytes
    count: int
    entities: int
    relations: int
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0  # wall time of reading and extracting, in the worker
    peak_rss: int = 0  # the worker's peak resident memory so far, bytes (shared reference data included)
    pid: int = 0

    def quads(self) -> list:
        """The quads, parsed by Oxigraph's N-Quads parser (no Python code per term)."""
        from pyoxigraph import RdfFormat, parse

        return list(parse(self.nquads, format=RdfFormat.N_QUADS))


def peak_rss() -> int:
    """This process's peak resident set size in bytes (``VmHWM``; 0 when unknown)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def extract_document(path: Path, name: str, sha256: str | None = None) -> Extracted:
    """Read one document and build its quads (raises :class:`LoaderError` naming the file)."""
    from pyoxigraph import RdfFormat, serialize

    from graphtool.document import load_document
    from graphtool.document import sha256 as file_sha256
    from graphtool.fingerprint import loader_version
    from graphtool.rdf import DocumentInfo, document_quads

    started = time.perf_counter()
    path = Path(path)
    extraction, loader_name, _version = load_document(path)
    try:
        info = DocumentInfo(
            file_name=name,
            sha256=sha256 or file_sha256(path),
            loader=loader_name,
            loader_version=loader_version(loader_name),
        )
        quads = document_quads(extraction, info)
        data = serialize(quads, format=RdfFormat.N_QUADS) if quads else b""
    except (ValueError, OSError) as exc:
        raise LoaderError(f"{path}: {exc}") from exc
    return Extracted(
        name=name,
        iri=info.iri,
        sha256=info.sha256,
        loader=loader_name,
        loader_version=info.loader_version,
        nquads=data,
        count=len(quads),
        entities=len(extraction.entities),
        relations=len(extraction.relations),
        warnings=list(extraction.warnings),
        seconds=time.perf_counter() - started,
        peak_rss=peak_rss(),
        pid=os.getpid(),
    )


OWN_SESSION = True  # each worker starts its own session (see _own_session); False only to measure without
WARM_TEXT_BYTES = 256 * 1024  # plain text of the build's own documents read before forking (jobs > 1)
WARM_DOCUMENT_BYTES = 32 * 1024


def warm_up(loader_names: Sequence[str], samples: Sequence[Task] = ()) -> dict[Task, Extracted]:
    """Load the reference data of these loaders in this process, before workers fork from it.

    A loader with a ``prepare()`` method is asked to prepare; one that extracts plain text
    (``extract_text``) extracts a one-word text, which loads everything it looks names up in.
    Then the plain-text ``samples`` (.txt/.md, valid UTF-8, at most 32 KB each and 256 KB in all) are
    extracted here: the per-word caches (morphology, registry, gazetteer) they fill are shared by
    every worker instead of filled again by each (without this, two workers spent 35-75% more CPU
    than one on the same documents; bench/RESULTS.md, issue 15). Their results are returned, to be
    written like the workers' ones, so no document is read twice. A sample that fails is left out:
    a worker reads it again and reports the failure in the usual words.
    """
    from loaders import get_loader, pick_loader

    for name in dict.fromkeys(loader_names):
        try:
            loader = get_loader(name)
            if hasattr(loader, "prepare"):
                loader.prepare()
            elif hasattr(loader, "extract_text"):
                loader.extract_text("Київ")
        except Exception:  # noqa: BLE001 - a worker reports the real failure, naming the document
            pass
    done: dict[Task, Extracted] = {}
    budget = WARM_TEXT_BYTES
    for task in samples:
        if budget <= 0:
            break
        path = Path(task.path)
        try:
            if path.suffix.lower() not in (".txt", ".md") or os.path.getsize(path) > WARM_DOCUMENT_BYTES:
                continue
            if not hasattr(pick_loader(path), "extract_text"):
                continue
            data = path.read_bytes()
            data.decode("utf-8")  # a text that is not UTF-8 is left to the workers
            done[task] = extract_document(path, task.name, task.sha256)
            budget -= len(data)
        except Exception:  # noqa: BLE001 - only a warm-up: the worker reads the document for real
            continue
    gc.collect()
    if hasattr(gc, "freeze"):  # objects made so far are never scanned again: their pages stay shared
        gc.freeze()
    return done


def _serve(conn, close: list, limits: Limits) -> None:
    """A worker: read tasks from the build process, answer ("ok", Extracted, retire) or ("error", message, retire).

    ``retire`` is true when the worker stops after this answer (it ran out of memory): the build
    then ends it at once instead of handing it the next document, which it would never read.
    """
    import faulthandler

    from graphtool.worker import _set_memory_budget
    from loaders import limits as limits_mod

    if OWN_SESSION:
        _own_session()
    for other in close:  # the build's ends of every pipe: closed here, a dead build reads as EOF below
        try:
            other.close()
        except OSError:
            pass
    faulthandler.disable()  # a crash in a parsing library is reported in one line, not a C stack dump
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle
    limits_mod.use(limits)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return  # the build ended (or was killed)
        if task is None:
            return
        _set_memory_budget(limits)
        try:
            answer = ("ok", extract_document(*task))
        except LoaderError as exc:
            answer = ("error", str(exc))
        except MemoryError:
            conn.send(("error", _memory_message(task.path, limits), True))
            return  # a process that hit its memory limit is not trusted with the next document
        except Exception as exc:  # noqa: BLE001 - a bug must cost one document, not the build
            answer = ("error", f"{task.path}: {type(exc).__name__}: {exc}")
        try:
            conn.send((*answer, False))
        except MemoryError:
            conn.send(("error", _memory_message(task.path, limits), True))
            return


def _own_session() -> None:
    """Make this worker the leader of a session of its own, and have it die with the build process.

    Linux with ``kernel.sched_autogroup_enabled=1`` shares CPU equally among sessions, not processes:
    N workers left in the build's session get one session's share of a busy machine between them,
    so ``--jobs 2`` was no faster than ``--jobs 1`` there (docs/scale.md). In sessions of their own
    each worker gets a share. Without autogroups this changes nothing. Leaving the terminal's process
    group means Ctrl-C, a hang-up or ``timeout``'s group signal no longer reach the worker directly, so
    on Linux it asks for SIGKILL when the build process dies; the build stops workers by pid as before.
    """
    if os.name != "posix":
        return
    parent = os.getppid()
    try:
        os.setsid()
    except OSError:
        return  # already a session leader, or not allowed: stay where we are
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            # PR_SET_PDEATHSIG: fires when the *thread* that forked ends; map() forks from the thread using the pool
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
        if os.getppid() != parent:  # the build died before the request above took effect
            os._exit(0)


def _memory_message(path, limits: Limits) -> str:
    return (
        f"{path}: needs more than the memory budget of {limits.doc_memory_mb:g} MB "
        "(raise it with --doc-memory-mb or GRAPHTOOL_DOC_MEMORY_MB); skipped"
    )


class _Slot:
    """One worker process and the document it is reading."""

    def __init__(self) -> None:
        self.proc = None
        self.conn = None
        self.index: int | None = None
        self.task: Task | None = None
        self.deadline = 0.0

    @property
    def busy(self) -> bool:
        return self.task is not None

    def kill(self) -> None:
        if self.proc is not None:
            if self.proc.is_alive():
                self.proc.kill()
            self.proc.join(5)
        if self.conn is not None:
            self.conn.close()
        self.proc = self.conn = None


class ExtractionPool:
    """N forked workers extracting documents; results come back in input order (see the module docstring).

    Example:
        >>> with ExtractionPool(2, Limits()) as pool:  # doctest: +SKIP
        ...     for task, result in pool.map(tasks):
        ...         ...  # result: Extracted, or the error message naming the file
    """

    def __init__(self, jobs: int, limits: Limits) -> None:
        self.jobs = max(1, int(jobs))
        self.limits = limits
        fork = "fork" in multiprocessing.get_all_start_methods()
        self.forked = fork and (bool(limits.doc_seconds) or self.jobs > 1)
        self._slots = [_Slot() for _ in range(self.jobs if self.forked else 0)]
        self.peak_rss: dict[int, int] = {}  # worker pid -> peak RSS in bytes
        self.window = max(16, 4 * self.jobs)  # results held back while an earlier document is still read

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if hasattr(gc, "unfreeze"):
            gc.unfreeze()  # what warm_up froze for the workers is the build process's to collect again
        for slot in self._slots:
            if slot.proc is not None and slot.proc.is_alive():
                try:
                    slot.conn.send(None)
                except (OSError, ValueError):
                    pass
        for slot in self._slots:
            if slot.proc is not None:
                slot.proc.join(2)
            slot.kill()

    def _start(self, slot: _Slot) -> None:
        ctx = multiprocessing.get_context("fork")
        parent, child = ctx.Pipe()
        others = [s.conn for s in self._slots if s.conn is not None] + [parent]
        slot.proc = ctx.Process(target=_serve, args=(child, others, self.limits), daemon=True, name="graphtool-reader")
        slot.proc.start()
        child.close()
        slot.conn = parent

    def _send(self, slot: _Slot, index: int, task: Task) -> None:
        if slot.proc is None or not slot.proc.is_alive():
            slot.kill()
            self._start(slot)
        slot.index, slot.task = index, task
        slot.deadline = time.monotonic() + self.limits.doc_seconds if self.limits.doc_seconds else float("inf")
        slot.conn.send(Task(str(task.path), task.name, task.sha256))

    def _receive(self, slot: _Slot) -> Extracted | str:
        path = slot.task.path
        try:
            status, payload, retire = slot.conn.recv()
        except (EOFError, OSError):
            slot.proc.join(5)
            code = slot.proc.exitcode
            slot.kill()
            try:
                how = f"killed by {signal.Signals(-code).name}" if code and code < 0 else f"exit code {code}"
            except ValueError:
                how = f"exit code {code}"
            return (
                f"{path}: the reader process died ({how}): more than the memory budget of "
                f"{self.limits.doc_memory_mb:g} MB (--doc-memory-mb, GRAPHTOOL_DOC_MEMORY_MB) or a crash "
                "in a parsing library; skipped"
            )
        if status == "ok":
            self.peak_rss[payload.pid] = max(self.peak_rss.get(payload.pid, 0), payload.peak_rss)
            if retire:
                slot.kill()
            return payload
        if retire or not slot.proc.is_alive():
            slot.kill()
        return payload

    def _in_process(self, tasks: Sequence[Task]) -> Iterator[tuple[Task, Extracted | str]]:
        for task in tasks:
            try:
                result = extract_document(task.path, task.name, task.sha256)
            except LoaderError as exc:
                yield task, str(exc)
                continue
            self.peak_rss[result.pid] = max(self.peak_rss.get(result.pid, 0), result.peak_rss)
            yield task, result

    def map(self, tasks: Sequence[Task]) -> Iterator[tuple[Task, Extracted | str]]:
        """(task, result) for every task in input order; a result is :class:`Extracted` or an error line."""
        if not self.forked:
            yield from self._in_process(tasks)
            return
        done: dict[int, Extracted | str] = {}
        queued = 0  # next task to hand out
        out = 0  # next result to yield
        while out < len(tasks):
            for slot in self._slots:
                if not slot.busy and queued < len(tasks) and queued < out + self.window:
                    self._send(slot, queued, tasks[queued])
                    queued += 1
            busy = [s for s in self._slots if s.busy]
            if busy:
                timeout = max(0.0, min(s.deadline for s in busy) - time.monotonic())
                ready = wait([s.conn for s in busy], None if timeout == float("inf") else timeout)
                for slot in busy:
                    if slot.conn in ready:
                        done[slot.index] = self._receive(slot)
                        slot.task = slot.index = None
                    elif time.monotonic() >= slot.deadline:
                        done[slot.index] = (
                            f"{slot.task.path}: not read within the time budget of {self.limits.doc_seconds:g} s "
                            "(raise it with --doc-timeout or GRAPHTOOL_DOC_TIMEOUT); skipped"
                        )
                        slot.kill()
                        slot.task = slot.index = None
            while out in done:
                yield tasks[out], done.pop(out)
                out += 1
