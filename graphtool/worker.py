"""The memory budget of a reader process (used by :mod:`graphtool.parallel` and :mod:`graphtool.streaming`).

One bad file (a PDF whose stream inflates to gigabytes, a table that takes minutes) costs its
own slot, never the build: before each document the reader process gets ``RLIMIT_AS`` = its
size now + the memory budget. The readers themselves, their time budget and their error lines
live in :mod:`graphtool.parallel`.
"""

from __future__ import annotations

import os

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
