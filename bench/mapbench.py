"""Map generation at a given number of nodes (run inside a worker process)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any


def make_map(spec: dict, out: Any) -> None:
    """Load a synthetic graph sized for about ``spec['nodes']`` entities and time the map of it."""
    try:
        from graphtool import maps
    except ImportError as exc:
        out.save(status="not available", reason=f"graphtool/maps.py not available yet ({exc})")
        return
    from graphtool.store import GraphStore

    store = GraphStore(None)
    store.bulk_load_nquads(spec["nquads"])
    nodes = store.select(
        "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { VALUES ?c { gt:Donor gt:Program gt:Project gt:Community "
        "gt:PartnerCity gt:Organization gt:Country } ?s a ?c }"
    ).rows[0][0]
    html = Path(spec["html"])
    fn = _entry_point(maps)
    if fn is None:
        out.save(status="not available", reason="graphtool/maps.py has no known entry point yet")
        return
    t0 = time.perf_counter()
    c0 = time.process_time()
    result = fn(store, html)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0
    if isinstance(result, str) and not html.exists():
        html.write_text(result, encoding="utf-8")
    out.save(
        status="ok",
        map_nodes=getattr(result, "nodes", None),
        map_edges=getattr(result, "edges", None),
        entities=int(nodes),
        triples=len(store),
        wall_s=round(wall, 3),
        cpu_s=round(cpu, 3),
        html_kb=round(html.stat().st_size / 1024, 1) if html.exists() else None,
        entry_point=fn.__name__,
    )


def _entry_point(maps: Any):
    """A callable ``(reader, output_path)`` from the maps module."""
    for name in ("write_map", "render_map", "build_map", "make_map", "network_map", "map_html"):
        fn = getattr(maps, name, None)
        if callable(fn):
            return fn
    return None
