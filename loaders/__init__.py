"""Document loaders, one module per format family, registered in :data:`LOADERS`.

Each entry names the module holding a ``LOADER`` object (see :class:`loaders.base.Loader`).
Order matters: the first loader whose ``sniff`` accepts a file reads it. The IATI loader comes
first and is asked whatever the file's extension (``sniff_any_extension``): an IATI activity file is
recognised by its content, saved as .xml, .txt or with no extension at all. Then the table loader
(a ``.txt`` that is a tab-separated table is a table, not prose).

This package owns reading documents into :class:`loaders.base.Extraction` objects: the contract
(``base``, whose entity types and relations come from the ontology), the loaders (``iati``, the
``table`` package, the ``narrative`` package) and what they share (``text``, ``limits``, ``cachefile``;
for the narrative loader ``lang/``, ``patterns``, ``morph``, ``registry``, ``gazetteer/``). It may
import ``ontology``, never ``graphtool``: loaders know nothing of RDF or stores.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from loaders.base import Loader, LoaderError

LOADERS: dict[str, str] = {
    "iati": "loaders.iati",
    "table": "loaders.table",
    "narrative": "loaders.narrative",
}

SNIFF_BYTES = 64 * 1024


def get_loader(name: str) -> Loader:
    """The loader registered under ``name``."""
    return importlib.import_module(LOADERS[name]).LOADER


def pick_loader(path: Path) -> Loader:
    """The loader that fits a file, by extension and by sniffing its first bytes."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as exc:
        raise LoaderError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    for name in LOADERS:
        loader = get_loader(name)
        fits = path.suffix.lower() in loader.extensions or getattr(loader, "sniff_any_extension", False)
        if fits and loader.sniff(path, head):
            return loader
    known = sorted({ext for name in LOADERS for ext in get_loader(name).extensions})
    raise LoaderError(f"{path}: no loader for this file (known extensions: {', '.join(known)})")
