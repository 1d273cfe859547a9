"""Network maps: one self-contained HTML file (vis-network, or sigma.js/WebGL for large maps; all inline).

The page opens from ``file://`` with no network: the libraries are embedded and nothing links a CDN
(pyvis's own template links Bootstrap and writes the heading and select menu raw, so graphtool
renders its own template, ``graphtool/templates/graphtool_map.html``, over pyvis's bundled vis-network
and the scripts vendored in ``graphtool/static``). Text from documents reaches the page only as escaped
HTML or as JSON; the script writes it with ``textContent``. Physics stabilises, then stops (vis-network
freezes with physics left on at ~1,500 nodes). Above ``WEBGL_THRESHOLD`` nodes a force map draws with
sigma.js (WebGL) and lays the network out with ForceAtlas2 in a web worker, and a geo map gathers each
oblast's communities and projects into one node that opens on a click (:func:`oblast_clusters`).

``layout="geo"`` draws Ukraine and its oblasts (shipped outline, ``static/THIRD_PARTY.md``) and pins
every node: communities at their coordinates, partner towns abroad in a band by direction, donors and
programmes in rows outside the map, projects by their sites (:func:`geo_layout`).

The output is deterministic: nodes and edges are sorted, and nothing depends on Python's ``hash()``.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphtool.reader import Reader
from graphtool.styles import DEFAULT_NODE_STYLE, DEFAULT_RELATION_COLOUR, NODE_STYLES, RELATION_COLOURS
from graphtool.vocab import ENTITY_CLASSES, RELATION_PROPERTIES
from graphtool.vocab import label as term_label

GEO_TYPES = {"Community", "PartnerCity"}
STATIC = Path(__file__).parent / "static"
# Above this many nodes a force map draws with WebGL (sigma.js) and a geo map gathers oblasts: vis-network
# needs 20 s to settle 5,000 nodes and redraws them in 140-280 ms (headless Chromium, bench/MAPS_BROWSER.md)
WEBGL_THRESHOLD = 1500
# a map of more nodes read than WEBGL_THRESHOLD quotes no sentences (``graphtool report`` lists them): reading
# the evidence of every link was the whole map's largest question (bench/RESULTS.md, issue 12)
MAX_EVIDENCE = 5  # sentences kept per link (the rest are counted)
MAX_SENTENCE = 600
_EXTERNAL = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I)


@dataclass
class MapReport:
    """What a map holds and how long it took."""

    nodes: int
    edges: int
    seconds: float
    path: Path | None = None


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# --- geography -------------------------------------------------------------------------------------------
# Canvas coordinates are an equirectangular projection centred on Ukraine (north up): fixed, so the same
# place is at the same spot on every map and the outline lines up with the nodes.
UA_LAT0, UA_LON0 = 48.4, 31.2
GEO_SCALE = 200.0  # canvas units per degree of latitude (Ukraine is about 2,400 x 1,600)
_K = math.cos(math.radians(UA_LAT0))
BAND_GAP = 56.0  # between the rings of partner towns abroad
TOP_TYPES = ("Donor", "Program")  # placed in rows outside the map: they reach many places


def project(lat: float, lon: float) -> tuple[float, float]:
    """Canvas x/y of a point (x east, y south)."""
    return (lon - UA_LON0) * _K * GEO_SCALE, -(lat - UA_LAT0) * GEO_SCALE


@functools.lru_cache(maxsize=1)
def ukraine_outline() -> dict[str, Any]:
    """Oblast rings and the national border, projected (see ``graphtool/static/THIRD_PARTY.md``)."""
    raw = json.loads((STATIC / "ukraine_oblasts.json").read_text(encoding="utf-8"))

    def proj(ring):
        return [[round(v) for v in project(lat, lon)] for lon, lat in ring]

    oblasts = []
    for ob in raw["oblasts"]:
        lons = [p[0] for r in ob["rings"] for p in r]
        lats = [p[1] for r in ob["rings"] for p in r]
        biggest = max(ob["rings"], key=len)
        cx, cy = project(sum(p[1] for p in biggest) / len(biggest), sum(p[0] for p in biggest) / len(biggest))
        oblasts.append(
            {
                "uk": ob["uk"],
                "en": ob["en"],
                "rings": [proj(r) for r in ob["rings"]],
                "label": [round(cx), round(cy)],
                "_lonlat": ob["rings"],
                "_bbox": (min(lons), min(lats), max(lons), max(lats)),
            }
        )
    border = [proj(a) for a in raw["border"]]
    xs = [p[0] for a in border for p in a]
    ys = [p[1] for a in border for p in a]
    return {"oblasts": oblasts, "border": border, "bbox": [min(xs), min(ys), max(xs), max(ys)]}


def _in_ring(lon: float, lat: float, ring: list[list[float]]) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def oblast_at(lat: float, lon: float) -> str | None:
    """The Ukrainian name of the oblast (or Kyiv, Sevastopol, Crimea) whose outline holds a point."""
    found = None
    for ob in ukraine_outline()["oblasts"]:
        x0, y0, x1, y1 = ob["_bbox"]
        if x0 <= lon <= x1 and y0 <= lat <= y1 and sum(_in_ring(lon, lat, r) for r in ob["_lonlat"]) % 2:
            found = ob["uk"]
            if ob["uk"] in ("Київ", "Севастополь"):  # cities drawn inside their oblast's outline
                return found
    return found


def in_ukraine(lat: float, lon: float) -> bool:
    """Whether a point lies inside one of the shipped oblast outlines."""
    return oblast_at(lat, lon) is not None


def oblast_clusters(graph, positions: dict[str, tuple[float, float]]) -> dict[str, str]:
    """node -> the oblast it is gathered into on an aggregated geo map: communities by where they are
    (the nearest oblast label when the simplified outline just misses them), projects and other work by
    the first of their places. Donors, programmes and partner towns abroad stay on their own."""
    outline = ukraine_outline()
    labels = [(ob["uk"], ob["label"]) for ob in outline["oblasts"]]
    out: dict[str, str] = {}
    for n in sorted(graph.nodes):
        d = graph.nodes[n]
        if d.get("type") != "Community" or d.get("lat") is None or d.get("lon") is None:
            continue
        name = oblast_at(float(d["lat"]), float(d["lon"]))
        if name is None and n in positions:
            x, y = positions[n]
            name = min(labels, key=lambda kv: ((kv[1][0] - x) ** 2 + (kv[1][1] - y) ** 2, kv[0]))[0]
        if name:
            out[n] = name
    for _ in range(2):  # a measure reaches a place through its plan
        for n in sorted(graph.nodes):
            if n in out or graph.nodes[n].get("type") in (*TOP_TYPES, "PartnerCity", "Country"):
                continue
            near = sorted(m for m in set(graph.successors(n)) | set(graph.predecessors(n)) if m in out)
            if near:
                out[n] = out[near[0]]
    return out


def _spread(points: dict[str, list[float]], min_dist: float, iterations: int) -> None:
    """Push apart points closer than ``min_dist`` (in place; a grid, so linear per pass; deterministic)."""
    ids = sorted(points)
    # points on the very same spot first go round a small spiral (golden angle), in id order
    same: dict[tuple[float, float], list[str]] = defaultdict(list)
    for n in ids:
        same[(round(points[n][0], 1), round(points[n][1], 1))].append(n)
    for group in same.values():
        for i, n in enumerate(group[1:], start=1):
            r, a = min_dist * 0.7 * math.sqrt(i), i * 2.399963
            points[n][0] += r * math.cos(a)
            points[n][1] += r * math.sin(a)
    for _ in range(iterations):
        grid: dict[tuple[int, int], list[str]] = defaultdict(list)
        for n in ids:
            grid[(math.floor(points[n][0] / min_dist), math.floor(points[n][1] / min_dist))].append(n)
        moved = False
        for n in ids:
            p = points[n]
            gx, gy = math.floor(p[0] / min_dist), math.floor(p[1] / min_dist)
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    for m in grid.get((gx + dx, gy + dy), ()):
                        if m <= n:
                            continue
                        q = points[m]
                        vx, vy = q[0] - p[0], q[1] - p[1]
                        d = math.hypot(vx, vy)
                        if d >= min_dist:
                            continue
                        if d < 1e-6:
                            vx, vy, d = 1.0, 0.0, 1.0
                        push = (min_dist - d) / 2 / d
                        p[0] -= vx * push
                        p[1] -= vy * push
                        q[0] += vx * push
                        q[1] += vy * push
                        moved = True
        if not moved:
            break


def _rows(ids: list[str], centre_x: float, y: float, width: float, step_x: float, step_y: float, up: bool):
    """Positions for nodes in centred rows (a block outside the map); returns (positions, last row y)."""
    per_row = max(1, int(width // step_x))
    out = {}
    for i, n in enumerate(ids):
        row, col = divmod(i, per_row)
        in_row = min(per_row, len(ids) - row * per_row)
        out[n] = [centre_x + (col - (in_row - 1) / 2) * step_x, y + (-row if up else row) * step_y]
    rows = (len(ids) + per_row - 1) // per_row
    return out, y + (-(rows - 1) if up else rows - 1) * step_y


def geo_layout(graph) -> tuple[dict[str, tuple[float, float]], dict[str, float]]:
    """Canvas positions for every node of a geographic map, and the rectangle to fit the view to.

    Communities (and partner towns inside Ukraine) sit at their coordinates, spread apart where they would
    overlap; partner towns abroad go round Ukraine in a band, each in its direction; countries beyond their
    towns; donors and programmes in rows above the map; projects and other work next to
    the places they are linked to; anything left in rows at the bottom. Deterministic: depends on ids and
    coordinates only.
    """
    nodes = sorted(graph.nodes)
    data = graph.nodes
    coords: dict[str, tuple[float, float]] = {}
    for n in nodes:
        d = data[n]
        if d.get("category") in ("oblast", "raion"):  # would sit on top of their centre city
            continue
        if d.get("type") in GEO_TYPES and d.get("lat") is not None and d.get("lon") is not None:
            coords[n] = (float(d["lat"]), float(d["lon"]))
    # a hromada without coordinates takes those of a settlement inside it, or of the unit above it
    for n in nodes:
        d = data[n]
        if d.get("type") == "Community" and n not in coords and d.get("category") not in ("oblast", "raion"):
            near = sorted(
                {u for u, _, r in graph.in_edges(n, keys=True) if r == "locatedIn" and u in coords}
                | {v for _, v, r in graph.out_edges(n, keys=True) if r == "locatedIn" and v in coords}
            )
            if near:
                coords[n] = coords[near[0]]
    home = {n for n, (lat, lon) in coords.items() if data[n].get("type") == "Community" or in_ukraine(lat, lon)}
    outline = ukraine_outline()
    x0, y0, x1, y1 = outline["bbox"]
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    min_dist = 40.0 if len(nodes) <= 400 else 26.0
    pos: dict[str, list[float]] = {n: list(project(*coords[n])) for n in sorted(home)}

    # partner towns abroad: rings round Ukraine, the nearest towns innermost
    a0, b0 = (x1 - x0) / 2 + 250, (y1 - y0) / 2 + 220
    taken: list[list[float]] = []  # angles used on each ring, sorted
    abroad = sorted((n for n in coords if n not in home), key=lambda n: (math.hypot(*project(*coords[n])), n))
    band: dict[str, list[float]] = {}
    for n in abroad:
        px, py = project(*coords[n])
        angle = math.atan2((py - cy) / b0, (px - cx) / a0)
        ring = 0
        while True:
            if ring == len(taken):
                taken.append([])
            a, b = a0 + ring * BAND_GAP, b0 + ring * BAND_GAP
            gap = min_dist * 1.6 / ((a + b) / 2)
            angles = taken[ring]
            i = bisect.bisect(angles, angle)
            near = [angles[i % len(angles)], angles[(i - 1) % len(angles)]] if angles else []
            if all(abs((angle - t + math.pi) % (2 * math.pi) - math.pi) >= gap for t in near):
                bisect.insort(angles, angle)
                # a superellipse hugs the rectangle round Ukraine, so the corners stay clear of the map
                c, s = math.cos(angle), math.sin(angle)
                band[n] = [cx + a * math.copysign(abs(c) ** 0.5, c), cy + b * math.copysign(abs(s) ** 0.5, s)]
                break
            ring += 1
    pos.update(band)
    rings_used = len(taken)
    top = cy - b0 - rings_used * BAND_GAP - 90
    bottom = cy + b0 + rings_used * BAND_GAP + 90

    # donors and programmes in rows above the map (programmes nearer: they lead down to the projects)
    def by_label(ids):
        return sorted(ids, key=lambda n: (str(data[n].get("label", n)).casefold(), n))

    width = max(x1 - x0 + 600, 1200.0)
    programs = by_label(n for n in nodes if data[n].get("type") == "Program")
    placed, top = _rows(programs, cx, top, width, 150, 60, up=True)
    pos.update(placed)
    donors = by_label(n for n in nodes if data[n].get("type") == "Donor")
    placed, _ = _rows(donors, cx, top - (90 if programs else 0), width, 150, 60, up=True)
    pos.update(placed)

    # the rest next to the places they are linked to (two passes: a measure reaches a place via its plan)
    near_site: dict[str, list[float]] = {}
    for _ in range(2):
        for n in nodes:
            if n in pos or n in near_site or data[n].get("type") in TOP_TYPES:
                continue
            anchors = sorted(
                m for m in set(graph.successors(n)) | set(graph.predecessors(n))
                if m in home or m in near_site or (m in band and data[n].get("type") == "Country")
            )  # fmt: skip
            if not anchors:
                continue
            pts = [pos.get(m) or near_site[m] for m in anchors]
            x, y = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
            if data[n].get("type") == "Country":  # beyond its towns
                x, y = cx + (x - cx) * 1.12, cy + (y - cy) * 1.12
                pos[n] = [x, y]
            else:
                near_site[n] = [x + min_dist * 0.6, y + min_dist * 0.6]
    mapped = {n: p for n, p in pos.items() if n in home}
    mapped.update(near_site)
    # on small maps labels are read: keep them apart sideways too (a label is ~3x wider than tall)
    aspect = 3.0 if len(mapped) <= 400 else 1.0
    squeezed = {n: [p[0] / aspect, p[1]] for n, p in mapped.items()}
    # a spacing the country can hold: thousands of points cannot all stay 26 apart, and trying only churns
    # (synthetic 20,000-node map: the whole layout took 21 s before, 4 s now)
    room = math.sqrt((x1 - x0) * (y1 - y0) * 0.45 / max(len(mapped), 1))
    spacing = min_dist if len(mapped) <= 400 else max(8.0, min(min_dist, 0.8 * room))
    _spread(squeezed, spacing, 40 if len(mapped) <= 2000 else 8)
    mapped = {n: [p[0] * aspect, p[1]] for n, p in squeezed.items()}
    pos.update(mapped)
    rest = by_label(n for n in nodes if n not in pos)
    placed, _ = _rows(rest, cx, bottom + 120, width, 150, 60, up=False)
    pos.update(placed)

    # the view: Ukraine, or the part of it the map is about when that is small (an oblast)
    inside = [pos[n] for n in home]
    view = {"x0": x0, "y0": y0, "x1": x1, "y1": y1}
    if inside:
        ix0, iy0 = min(p[0] for p in inside), min(p[1] for p in inside)
        ix1, iy1 = max(p[0] for p in inside), max(p[1] for p in inside)
        if ix1 - ix0 < (x1 - x0) * 0.4 and iy1 - iy0 < (y1 - y0) * 0.4:
            view = {"x0": ix0 - 250, "y0": iy0 - 200, "x1": ix1 + 250, "y1": iy1 + 200}
    view = {k: round(v) for k, v in view.items()}
    return {n: (round(p[0], 1), round(p[1], 1)) for n, p in pos.items()}, view


def map_options(n_nodes: int, n_edges: int, *, geo: bool) -> dict[str, Any]:
    """vis-network options: physics that stabilises in bounded time, then is switched off (geo: no physics)."""
    # ~200k node-iterations, at least 60: ~9 s in headless Chromium at 1,500 nodes, ~10 s at 5,000
    # (measured on a loaded 2-core machine); then physics is switched off (vis freezes with it left on)
    iterations = int(min(1000, max(60, 200_000 / max(n_nodes, 1))))
    return {
        "autoResize": True,
        "layout": {"improvedLayout": n_nodes <= 150 and not geo, "randomSeed": 7},
        "physics": {
            "enabled": n_nodes > 0 and not geo,
            "solver": "barnesHut" if n_nodes > 800 else "forceAtlas2Based",
            "barnesHut": {
                "gravitationalConstant": -3000,
                "springLength": 80,
                "centralGravity": 0.3,
                "avoidOverlap": 0.1,
            },
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110, "avoidOverlap": 0.4},
            "stabilization": {"enabled": not geo, "iterations": iterations, "updateInterval": 50, "fit": True},
            "adaptiveTimestep": True,
            "minVelocity": 1.0,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": n_edges > 600,
            "navigationButtons": False,
        },
        "nodes": {"font": {"size": 13}, "borderWidth": 1},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": False if n_edges > 600 or geo else {"type": "continuous"},
            "font": {"size": 9, "align": "middle", "color": "#555"},
            "width": 1.2,
        },
    }


def _spiral_positions(graph) -> dict[str, tuple[float, float]]:
    """Starting positions for the WebGL layout: a sunflower spiral in breadth-first order from the hubs,
    so linked nodes start near each other and ForceAtlas2 has less to undo (deterministic)."""
    degree = dict(graph.degree())
    order: list[str] = []
    seen: set[str] = set()
    for root in sorted(graph.nodes, key=lambda n: (-degree[n], n)):
        if root in seen:
            continue
        seen.add(root)
        queue = [root]
        while queue:
            n = queue.pop(0)
            order.append(n)
            for m in sorted(set(graph.successors(n)) | set(graph.predecessors(n))):
                if m not in seen:
                    seen.add(m)
                    queue.append(m)
    return {n: (round(30 * math.sqrt(i) * math.cos(i * 2.399963), 1),
                round(30 * math.sqrt(i) * math.sin(i * 2.399963), 1)) for i, n in enumerate(order)}  # fmt: skip


def network_data(
    graph, *, geo: bool = False, webgl: bool = False, aggregate: bool = False
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any] | None]:
    """Node and edge records for the page, and the geo view rectangle (plain data: text is escaped where it
    is written). Nodes are sorted by id and edges by (from, to, relation), so the same graph gives the same
    page whatever order the store returned it in."""
    positions, view = geo_layout(graph) if geo else (_spiral_positions(graph) if webgl else {}, None)
    clusters = oblast_clusters(graph, positions) if geo and aggregate else {}
    degree = dict(graph.degree())
    big = graph.number_of_nodes() > WEBGL_THRESHOLD
    max_evidence, max_sentence = (2, 300) if big else (MAX_EVIDENCE, MAX_SENTENCE)
    nodes = []
    for node in sorted(graph.nodes):
        data = graph.nodes[node]
        colour, shape = NODE_STYLES.get(data.get("type"), DEFAULT_NODE_STYLE)
        label = str(data.get("label", node))
        ids = [[k, str(data[k])] for k in ("katottg", "geonames", "iso3166", "code", "wikidata") if data.get(k)]
        names = sorted({str(x) for x in data.get("names", ())} - {label}, key=lambda x: (x.casefold(), x))
        record: dict[str, Any] = {
            "id": node,
            "label": _short(label, 40),
            "full_label": label,
            "label_en": data.get("label_en") or "",
            "alt": names,
            "gt_type": data.get("type"),
            "documents": list(data.get("documents", [])),
            "ids": ids,
            "shape": shape,
            "color": colour,
            "size": round(min(60.0, 10 + 5 * math.sqrt(degree.get(node, 0))), 1),
        }
        if node in clusters:
            record["cluster"] = clusters[node]
        if node in positions:
            record["x"], record["y"] = positions[node]
            if geo:
                record["fixed"] = True
                record["physics"] = False
        nodes.append(record)
    show_labels = graph.number_of_edges() <= 400
    edges = []
    for i, (u, v, rel, data) in enumerate(sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3])):
        colour = RELATION_COLOURS.get(rel, DEFAULT_RELATION_COLOUR)
        evidence = data.get("evidence", [])
        record = {
            "id": f"e{i}",
            "from": u,
            "to": v,
            "rel": rel,
            "color": {"color": colour, "highlight": colour, "opacity": 0.85},
            "evidence": [[e["document"], _short(e["sentence"], max_sentence)] for e in evidence[:max_evidence]],
            "more": max(0, len(evidence) - max_evidence),
        }
        if show_labels:
            record["label"] = term_label(rel, "uk")
        if rel == "partnerOf":
            record["arrows"] = {"to": {"enabled": False}}
            from graphtool.network import STATUS_LABELS, partnership_status

            status = partnership_status(evidence)
            if status:
                record["status"] = STATUS_LABELS[status]
                if status != "signed":
                    record["dashes"] = True  # planned or ended: drawn dashed
        edges.append(record)
    return nodes, edges, view


def _static(name: str) -> str:
    """A vendored script, ready to inline (its source-map comment dropped: nothing to fetch)."""
    text = (STATIC / name).read_text(encoding="utf-8")
    if "</script" in text.lower():  # would end the inline <script> early
        raise RuntimeError(f"graphtool/static/{name} contains '</script' and cannot be inlined")
    return re.sub(r"//# sourceMappingURL=\S+\s*$", "", text)


def render_map(
    graph, *, heading: str = "graphtool", layout: str = "force", renderer: str = "auto", aggregate: bool | None = None
) -> str:
    """The HTML page of a network (see the module docstring).

    ``renderer``: ``vis`` (canvas, vis-network), ``webgl`` (sigma.js) or ``auto``: above
    ``WEBGL_THRESHOLD`` nodes a force map draws with WebGL and a geo map gathers each oblast's
    communities and projects into one node that opens on a click (``aggregate``; None = that rule).
    Both renderers share one page: search, legend toggles, details, PNG export.
    """
    import jinja2
    import markupsafe
    import pyvis

    if layout not in ("force", "geo"):
        raise ValueError(f"unknown layout {layout!r}; choose force or geo")
    if renderer not in ("auto", "vis", "webgl"):
        raise ValueError(f"unknown renderer {renderer!r}; choose auto, vis or webgl")
    geo = layout == "geo"
    big = graph.number_of_nodes() > WEBGL_THRESHOLD
    webgl = renderer == "webgl" or (renderer == "auto" and big and not geo)
    if aggregate is None:
        aggregate = geo and big and not webgl
    aggregate = aggregate and geo and not webgl
    nodes, edges, view = network_data(graph, geo=geo, webgl=webgl, aggregate=aggregate)
    options = map_options(len(nodes), len(edges), geo=geo)
    present_types = {n["gt_type"] for n in nodes}
    present_rels = {e["rel"] for e in edges}
    conf: dict[str, Any] = {
        "types": {t: {"uk": term_label(t, "uk"), "en": term_label(t, "en")} for t in ENTITY_CLASSES},
        "relations": {r: {"uk": term_label(r, "uk"), "en": term_label(r, "en")} for r in RELATION_PROPERTIES},
        "legend_nodes": [
            {"type": t, "color": style[0], "shape": style[1], "uk": term_label(t, "uk"), "en": term_label(t, "en")}
            for t in ENTITY_CLASSES
            if t in present_types and (style := NODE_STYLES.get(t, DEFAULT_NODE_STYLE))
        ],
        "legend_edges": [
            {
                "rel": r,
                "color": RELATION_COLOURS.get(r, DEFAULT_RELATION_COLOUR),
                "uk": term_label(r, "uk"),
                "en": term_label(r, "en"),
            }
            for r in RELATION_PROPERTIES
            if r in present_rels
        ],
        "geo": geo,
        "renderer": "webgl" if webgl else "vis",
        "aggregate": aggregate,
        "physics_timeout_ms": 20000,
        "layout_ms": int(min(20000, 4000 + 1.0 * len(nodes))),  # ForceAtlas2 run time on WebGL maps
    }
    if not graph.graph.get("sentences", True):  # read without its links' sentences (write_map)
        conf["sentences"] = False
    if geo:
        outline = ukraine_outline()
        conf["outline"] = {
            "oblasts": [{"uk": o["uk"], "en": o["en"], "rings": o["rings"], "label": o["label"]} for o in outline["oblasts"]],
            "border": outline["border"],
        }  # fmt: skip
        conf["view"] = view
        conf["oblast_labels"] = {o["uk"]: o["label"] for o in outline["oblasts"]}
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(
            [str(Path(__file__).parent / "templates"), str(Path(pyvis.__file__).parent / "templates")]
        ),
        autoescape=True,
    )
    scripts = (
        [_static("graphology.umd.min.js"), _static("sigma.min.js")]
        + ([] if geo else [_static("graphology-library.min.js")])
        if webgl
        else []
    )
    html = env.get_template("graphtool_map.html").render(
        nodes=nodes,
        edges=edges,
        heading=heading,
        options=json.dumps(options, sort_keys=True),
        conf=conf,
        bgcolor="#ffffff",
        webgl=webgl,
        scripts=[markupsafe.Markup(s) for s in scripts],
    )
    if _EXTERNAL.search(html):  # a guard: the page must open offline
        raise RuntimeError("the map links an external resource")
    return html


def write_map(
    reader: Reader,
    output: str | Path,
    *,
    donor: str | None = None,
    program: str | None = None,
    community: str | None = None,
    oblast: str | None = None,
    types: Iterable[str] | None = None,
    layout: str = "force",
    heading: str | None = None,
    renderer: str = "auto",
) -> MapReport:
    """Build the (focused) network from the graph and write its map to ``output``."""
    from graphtool.network import DEFAULT_TYPES, focus_network

    started = time.perf_counter()
    graph = focus_network(
        reader,
        donor=donor,
        program=program,
        community=community,
        oblast=oblast,
        types=types or DEFAULT_TYPES,
        names=True,  # read once: with the labels, or from the focus's name lookup
        sentences_up_to=WEBGL_THRESHOLD,  # a larger map quotes none: its links carry their partnership status
    )
    # executors and funding sources of plan rows left out by ``types`` would float alone
    keep_alone = {"Community", "Donor", "Program", "Project", "PartnerCity"}
    graph.remove_nodes_from([n for n, d in graph.degree() if d == 0 and graph.nodes[n].get("type") not in keep_alone])
    if heading is None:
        focus = [f"{k}: {v}" for k, v in (("donor", donor), ("program", program), ("community", community),
                                           ("oblast", oblast)) if v]  # fmt: skip
        heading = "Мапа зв'язків / Network map" + (f" — {'; '.join(focus)}" if focus else "")
    html = render_map(graph, heading=heading, layout=layout, renderer=renderer)
    path = Path(output)
    path.write_text(html, encoding="utf-8")
    return MapReport(graph.number_of_nodes(), graph.number_of_edges(), time.perf_counter() - started, path)


def dumps_debug(graph) -> str:
    """Node and edge records as JSON (for inspecting what a map will show)."""
    nodes, edges, _view = network_data(graph)
    return json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False, indent=1)
