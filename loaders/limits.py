"""Resource limits for reading one document: a small file must not take the machine.

Checked before any loader runs (:func:`check_file`): only regular files are read (a FIFO named
on the command line would block forever), a file larger than ``max_file_mb`` is refused, and a
ZIP container (.xlsx, .docx) whose members declare more than ``max_unpacked_mb`` is refused
before anything is unpacked. PDF streams are inflated through :class:`BoundedZlib`, which stops
at the same limit. ``graphtool.worker`` adds a time and memory budget per document.

Each limit has an environment variable (``GRAPHTOOL_MAX_FILE_MB``, ``GRAPHTOOL_MAX_UNPACKED_MB``,
``GRAPHTOOL_DOC_TIMEOUT``, ``GRAPHTOOL_DOC_MEMORY_MB``) and a ``graphtool build`` option.
"""

from __future__ import annotations

import os
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path

from loaders.base import LoaderError

MB = 1024 * 1024


def _env(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name) or default)
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    """Per-document limits; 0 switches one off."""

    max_file_mb: float = 512  # the file on disk
    max_unpacked_mb: float = 512  # a ZIP container's declared members, one PDF stream once inflated
    doc_seconds: float = 300  # wall time to read one document (graphtool.worker)
    doc_memory_mb: float = 4096  # memory a document may add to the reader process (graphtool.worker)

    @classmethod
    def from_env(cls, **overrides: float | None) -> Limits:
        """Defaults, then the environment variables, then explicit values (``None`` = not given)."""
        values = {
            "max_file_mb": _env("GRAPHTOOL_MAX_FILE_MB", cls.max_file_mb),
            "max_unpacked_mb": _env("GRAPHTOOL_MAX_UNPACKED_MB", cls.max_unpacked_mb),
            "doc_seconds": _env("GRAPHTOOL_DOC_TIMEOUT", cls.doc_seconds),
            "doc_memory_mb": _env("GRAPHTOOL_DOC_MEMORY_MB", cls.doc_memory_mb),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


_CURRENT = Limits()


def current() -> Limits:
    """The limits in force for the document being read."""
    return _CURRENT


def use(limits: Limits) -> None:
    """Set the limits loaders read through :func:`current` (the build sets them once per run)."""
    global _CURRENT
    _CURRENT = limits


def _mb(n: float) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{n:.0f} bytes"


def check_file(path: Path, limits: Limits | None = None) -> None:
    """Refuse what is not a regular file, is too large, or is a ZIP that unpacks too large."""
    limits = limits or current()
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        raise LoaderError(f"{path}: no such file") from exc
    except OSError as exc:
        raise LoaderError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(st.st_mode):
        kind = (
            "a named pipe (FIFO)"
            if stat.S_ISFIFO(st.st_mode)
            else "a device"
            if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
            else "a socket"
            if stat.S_ISSOCK(st.st_mode)
            else "a folder"
            if stat.S_ISDIR(st.st_mode)
            else "not a regular file"
        )
        raise LoaderError(f"{path}: {kind}, not a regular file: skipped")
    if limits.max_file_mb and st.st_size > limits.max_file_mb * MB:
        raise LoaderError(
            f"{path}: {_mb(st.st_size)} is larger than the {limits.max_file_mb:g} MB limit "
            "(raise it with --max-file-mb or GRAPHTOOL_MAX_FILE_MB)"
        )
    with open(path, "rb") as fh:
        magic = fh.read(4)
    if magic == b"PK\x03\x04":
        check_zip(path, limits)


def check_zip(path: Path, limits: Limits | None = None) -> None:
    """Refuse a ZIP container (.xlsx, .docx) whose members declare more than the unpacked limit.

    Python's zipfile never inflates a member past its declared size, so the declared sizes are a
    bound on what a loader can unpack.
    """
    import zipfile

    limits = limits or current()
    if not limits.max_unpacked_mb:
        return
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # not a readable ZIP: the loader says so in its own words
    total = sum(i.file_size for i in infos)
    cap = limits.max_unpacked_mb * MB
    if total > cap:
        biggest = max(infos, key=lambda i: i.file_size)
        raise LoaderError(
            f"{path}: unpacks to {_mb(total)} ({biggest.filename}: {_mb(biggest.file_size)}), more than the "
            f"{limits.max_unpacked_mb:g} MB limit (raise it with --max-unpacked-mb or GRAPHTOOL_MAX_UNPACKED_MB)"
        )


class UnpackLimitExceeded(Exception):
    """A compressed stream inflates past the unpacked limit (not a ``zlib.error``: nothing retries it)."""


class BoundedZlib:
    """A stand-in for the ``zlib`` module whose inflation stops at ``limit`` bytes (for pdfminer)."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def _over(self) -> UnpackLimitExceeded:
        return UnpackLimitExceeded(
            f"a compressed stream unpacks to more than {_mb(self.limit)} "
            "(raise it with --max-unpacked-mb or GRAPHTOOL_MAX_UNPACKED_MB)"
        )

    def decompress(self, data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = zlib.DEF_BUF_SIZE) -> bytes:
        d = zlib.decompressobj(wbits)
        out = d.decompress(data, self.limit + 1)
        if len(out) > self.limit or d.unconsumed_tail:
            raise self._over()
        if not d.eof:
            raise zlib.error("incomplete or truncated stream")
        return out

    def decompressobj(self, *args, **kwargs):
        return _BoundedDecompressor(zlib.decompressobj(*args, **kwargs), self)


class _BoundedDecompressor:
    def __init__(self, inner, owner: BoundedZlib) -> None:
        self._inner, self._owner, self._total = inner, owner, 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._inner.decompress(data, max_length or self._owner.limit + 1 - self._total)
        self._total += len(out)
        if self._total > self._owner.limit or (not max_length and self._inner.unconsumed_tail):
            raise self._owner._over()
        return out

    def flush(self, *args) -> bytes:
        out = self._inner.flush(*args)
        self._total += len(out)
        if self._total > self._owner.limit:
            raise self._owner._over()
        return out

    def __getattr__(self, name):
        return getattr(self._inner, name)
