"""Reference-data cache files (gazetteer, registry index): plain JSON, written atomically.

Caches are plain data on purpose: whoever can write to the cache folder (``$GRAPHTOOL_CACHE`` or
``~/.cache/graphtool``) must not be able to run code in every process that loads it, so no
pickle, nor any other format that builds objects while it is read.
"""

from __future__ import annotations

from pathlib import Path


def write_cache(path: Path, data) -> None:
    """Write a reference-data cache as JSON, atomically (a reader never sees half a file)."""
    import json
    import os

    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
    os.replace(tmp, path)


def read_cache(path: Path, convert=None):
    """Read a cache written by :func:`write_cache`; ValueError/OSError when it is missing or not JSON.

    ``convert`` turns the decoded JSON into what the caller keeps (lists back into tuples …). The
    cyclic GC is paused meanwhile: hundreds of thousands of small lists load several times faster.
    """
    import gc
    import json

    enabled = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as fh:
            data = json.loads(fh.read())
        return convert(data) if convert else data
    finally:
        if enabled:
            gc.enable()
