"""One document on its way into the store: its hash, the loader that reads it, and a full disk said plainly.

:func:`load_document` picks the loader for a file and reads it within the limits; :func:`sha256` names
its bytes. The build (:mod:`graphtool.build`), its worker processes (:mod:`graphtool.parallel`) and the
streamed IATI path (:mod:`graphtool.streaming`) all read documents through here, so none of them imports
another for it (the workers and the streamed path used to import :mod:`graphtool.build` back: import
cycles). This module imports :mod:`loaders` and, for types, :mod:`graphtool.store`.
"""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from loaders.base import Extraction, LoaderError

if TYPE_CHECKING:
    from graphtool.store import GraphStore


def sha256(path: Path) -> str:
    """SHA-256 of a file, read in chunks (a 500 MB IATI file is not read into memory twice)."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def load_document(path: Path) -> tuple[Extraction, str, str]:
    """Read one document with the loader that fits it: (extraction, loader name, loader version)."""
    from loaders import pick_loader
    from loaders.limits import check_file

    check_file(path)  # a regular file within the size limits, before any loader opens it
    loader = pick_loader(path)
    try:
        extraction = loader.load(path)
    except LoaderError:
        raise
    except MemoryError as exc:
        from loaders.limits import current

        raise LoaderError(
            f"{path}: needs more than the memory budget of {current().doc_memory_mb:g} MB "
            "(raise it with --doc-memory-mb or GRAPHTOOL_DOC_MEMORY_MB); skipped"
        ) from exc
    except Exception as exc:  # a loader bug must not stop the build or lose other documents
        raise LoaderError(f"{path}: {loader.name} loader failed: {type(exc).__name__}: {exc}") from exc
    _warn_mojibake(path, extraction)
    return extraction, loader.name, loader.version


def _warn_mojibake(path: Path, extraction: Extraction) -> None:
    """Warn about UTF-8 text once read as cp1251 and saved again: it loads, but its names are never found."""
    from loaders import SNIFF_BYTES
    from loaders.text import decode_head, looks_like_mojibake

    with open(path, "rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if looks_like_mojibake(decode_head(head)):
        extraction.warnings.append(
            f"{path}: the text looks garbled (mojibake: UTF-8 read as cp1251 and saved again, 'РЈРєСЂР°С—РЅР°' "
            "for 'Україна'); its Ukrainian names cannot be found. Save the original file again as UTF-8."
        )


def disk_full(exc: BaseException) -> bool:
    """True for 'No space left on device' (or a disk quota) from the OS or from Oxigraph's message."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return any(s in str(exc) for s in ("No space left on device", "Disk quota exceeded"))


def disk_full_message(store: GraphStore) -> str:
    return (
        f"the disk holding the store {store.path or ''} is full (No space left on device). "
        "Free some space and run the build again; every document already stored is whole."
    )
