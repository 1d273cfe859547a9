"""Read each document in a child process with a time and memory budget.

One bad file (a PDF whose stream inflates to gigabytes, a table that takes minutes) costs its
own slot, never the build: the reader process gets ``RLIMIT_AS`` = its size now + the memory
budget before each document, and the build waits at most the time budget for the answer. A
reader that runs out of time is killed, one that dies (out of memory, a crash in a parsing
library) is reported; either way the document is named in one error line, a fresh reader is
started for the next one, and the store is never touched by the child.

The child is forked, so it starts with what the build process already has (loaders already
imported; in tests, monkeypatched loaders). Where ``fork`` does not exist, or with a time
budget of 0, documents are read in the build process itself.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

from loaders.base import Extraction, LoaderError
from loaders.limits import MB, Limits


def _address_space() -> int:
    """Virtual memory size of this process in bytes (0 when unknown)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _set_memory_budget(limits: Limits) -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Linux
        return
    if not limits.doc_memory_mb:
        return
    size = _address_space()
    if size:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = size + int(limits.doc_memory_mb * MB)
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _serve(conn, parent_end, limits: Limits) -> None:
    """The child: read paths from the parent, answer ("ok", result) or ("error", message)."""
    from graphtool.build import load_document
    from loaders import limits as limits_mod

    parent_end.close()  # forked with both ends open: closed here, a dead parent reads as EOF below
    import faulthandler

    faulthandler.disable()  # a crash in a parsing library is reported by the build in one line, not a C stack dump

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    limits_mod.use(limits)
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return  # the build ended (or was killed)
        if path is None:
            return
        _set_memory_budget(limits)
        try:
            answer = ("ok", load_document(Path(path)))
        except LoaderError as exc:
            answer = ("error", str(exc))
        except MemoryError:
            conn.send(("error", f"{path}: needs more than the memory budget of {limits.doc_memory_mb:g} MB "
                                "(raise it with --doc-memory-mb or GRAPHTOOL_DOC_MEMORY_MB); skipped"))  # fmt: skip
            return  # a process that hit its memory limit is not trusted with the next document
        conn.send(answer)


class DocumentReader:
    """Reads documents one at a time in a budgeted child process (see the module docstring)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._proc = None
        self._conn = None
        self.isolated = bool(limits.doc_seconds) and "fork" in multiprocessing.get_all_start_methods()

    def __enter__(self) -> DocumentReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _start(self) -> None:
        ctx = multiprocessing.get_context("fork")
        parent, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, parent, self.limits), daemon=True, name="graphtool-reader")
        self._proc.start()
        child.close()
        self._conn = parent

    def _kill(self) -> None:
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.kill()
            self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def close(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            try:
                self._conn.send(None)
                self._proc.join(2)
            except (OSError, ValueError):
                pass
        self._kill()

    def read(self, path: Path) -> tuple[Extraction, str, str]:
        """(extraction, loader name, loader version) of one document, within the budgets."""
        from graphtool.build import load_document

        if not self.isolated:
            return load_document(path)
        if self._proc is None or not self._proc.is_alive():
            self._start()
        self._conn.send(str(path))
        if not self._conn.poll(self.limits.doc_seconds):
            self._kill()
            raise LoaderError(
                f"{path}: not read within the time budget of {self.limits.doc_seconds:g} s "
                "(raise it with --doc-timeout or GRAPHTOOL_DOC_TIMEOUT); skipped"
            )
        try:
            status, payload = self._conn.recv()
        except (EOFError, OSError):
            self._proc.join(5)
            code = self._proc.exitcode
            self._kill()
            try:
                how = f"killed by {signal.Signals(-code).name}" if code and code < 0 else f"exit code {code}"
            except ValueError:
                how = f"exit code {code}"
            raise LoaderError(
                f"{path}: the reader process died ({how}): more than the memory budget of "
                f"{self.limits.doc_memory_mb:g} MB (--doc-memory-mb, GRAPHTOOL_DOC_MEMORY_MB) or a crash "
                "in a parsing library; skipped"
            ) from None
        if status == "ok":
            return payload
        if not self._proc.is_alive():
            self._kill()
        raise LoaderError(payload)
