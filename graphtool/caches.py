"""Caches of reference data (gazetteer of inflected place names, donor registry index).

They are generated artefacts: rebuilt by ``graphtool cache --rebuild`` (or automatically on
first use), never edited. They live in ``$GRAPHTOOL_CACHE`` or ``~/.cache/graphtool``.
"""

from __future__ import annotations

from pathlib import Path


def cache_files() -> list[Path]:
    """The cache files present now."""
    from loaders.gazetteer import cache_dir

    folder = cache_dir()
    return sorted(p for p in folder.glob("*") if p.is_file()) if folder.exists() else []


def rebuild_caches() -> list[Path]:
    """Rebuild every reference-data cache from the installed packages and data files."""
    from loaders.gazetteer import build_cache, cache_dir
    from loaders.registry import load_registry

    for old in cache_dir().glob("registry-*"):
        old.unlink(missing_ok=True)  # also the pickles of releases before JSON caches
    build_cache()
    load_registry()
    return cache_files()
