"""Network maps: one self-contained HTML file (pyvis / vis-network, every resource inline).

The page opens from ``file://`` with no network: vis-network is embedded and nothing links a CDN
(pyvis's own template links Bootstrap and writes the heading and select menu raw, so graphtool
renders its own template, ``graphtool/templates/graphtool_map.html``, over pyvis's bundled library).
Text from documents reaches the page only as escaped HTML or as JSON; the script writes it with
``textContent``. Physics stabilises, then stops (vis-network freezes with physics left on at ~1,500
nodes). ``layout="geo"`` pins communities and partner cities at their coordinates.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# type -> (colour, vis shape, Ukrainian, English)
NODE_STYLES: dict[str, tuple[str, str, str, str]] = {
    "Donor": ("#d62728", "star", "Донор", "Donor"),
    "Program": ("#ff7f0e", "hexagon", "Програма", "Program"),
    "Project": ("#e6b800", "diamond", "Проєкт", "Project"),
    "Community": ("#1f77b4", "dot", "Громада", "Community"),
    "PartnerCity": ("#17becf", "triangle", "Місто-партнер", "Partner city"),
    "Organization": ("#2ca02c", "square", "Організація", "Organization"),
    "Country": ("#9467bd", "triangleDown", "Країна", "Country"),
    "Plan": ("#8c564b", "square", "План заходів", "Action plan"),
    "StrategicGoal": ("#bcbd22", "dot", "Стратегічна ціль", "Strategic goal"),
    "OperationalGoal": ("#c5b0d5", "dot", "Оперативна ціль", "Operational goal"),
    "Task": ("#c7c7c7", "dot", "Завдання", "Task"),
    "Measure": ("#7f7f7f", "dot", "Захід", "Measure"),
    "FundingSource": ("#e377c2", "diamond", "Джерело фінансування", "Funding source"),
}
# relation -> (colour, Ukrainian, English)
RELATION_STYLES: dict[str, tuple[str, str, str]] = {
    "funds": ("#d62728", "фінансує", "funds"),
    "implements": ("#2ca02c", "реалізує", "implements"),
    "partOf": ("#ff7f0e", "є частиною", "part of"),
    "locatedIn": ("#1f77b4", "відбувається в", "located in"),
    "partnerOf": ("#17becf", "партнер", "partner of"),
    "inCountry": ("#9467bd", "у країні", "in country"),
    "responsibleExecutor": ("#98df8a", "виконавець", "executor"),
    "fundingSource": ("#e377c2", "джерело коштів", "funding source"),
    "planOf": ("#8c564b", "план громади", "plan of"),
}
GEO_TYPES = {"Community", "PartnerCity"}
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


def _geo_positions(graph) -> dict[str, tuple[float, float]]:
    """Canvas x/y for nodes with coordinates (equirectangular around their mean, north up)."""
    coords = {}
    for node, data in graph.nodes(data=True):
        if data.get("category") in ("oblast", "raion"):  # would sit on top of their centre city
            continue
        if data.get("type") in GEO_TYPES and data.get("lat") is not None and data.get("lon") is not None:
            coords[node] = (float(data["lat"]), float(data["lon"]))
    # a hromada without coordinates takes those of a settlement inside it, or of the unit above it
    for node, data in graph.nodes(data=True):
        if data.get("type") == "Community" and node not in coords and data.get("category") not in ("oblast", "raion"):
            near = [u for u, _, r in graph.in_edges(node, keys=True) if r == "locatedIn" and u in coords]
            near += [v for _, v, r in graph.out_edges(node, keys=True) if r == "locatedIn" and v in coords]
            if near:
                coords[node] = coords[near[0]]
    if not coords:
        return {}
    lat0 = sum(c[0] for c in coords.values()) / len(coords)
    lon0 = sum(c[1] for c in coords.values()) / len(coords)
    k = math.cos(math.radians(lat0))
    span = max(
        max(c[1] for c in coords.values()) * k - min(c[1] for c in coords.values()) * k,
        max(c[0] for c in coords.values()) - min(c[0] for c in coords.values()),
        0.5,
    )
    scale = 2400.0 / span
    return {n: ((lon - lon0) * k * scale, -(lat - lat0) * scale) for n, (lat, lon) in coords.items()}


def map_options(n_nodes: int, n_edges: int, *, geo: bool) -> dict[str, Any]:
    """vis-network options: physics that stabilises in bounded time, then is switched off."""
    # ~200k node-iterations, at least 60: ~9 s in headless Chromium at 1,500 nodes, ~10 s at 5,000
    # (measured on a loaded 2-core machine); then physics is switched off (vis freezes with it left on)
    iterations = int(min(1000, max(60, 200_000 / max(n_nodes, 1))))
    return {
        "autoResize": True,
        "layout": {"improvedLayout": n_nodes <= 150, "randomSeed": 7},
        "physics": {
            "enabled": n_nodes > 0,
            "solver": "barnesHut" if n_nodes > 800 else "forceAtlas2Based",
            "barnesHut": {
                "gravitationalConstant": -3000,
                "springLength": 80,
                "centralGravity": 0.3,
                "avoidOverlap": 0.1,
            },
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50, "fit": True},
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


def network_data(graph, *, geo: bool = False) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """vis-network node and edge records (plain data: text is escaped where it is written)."""
    positions = _geo_positions(graph) if geo else {}
    degree = dict(graph.degree())
    nodes = []
    for node, data in graph.nodes(data=True):
        colour, shape, _uk, _en = NODE_STYLES.get(data.get("type"), ("#999999", "dot", "", ""))
        label = str(data.get("label", node))
        ids = [[k, str(data[k])] for k in ("katottg", "geonames", "iso3166", "code", "wikidata") if data.get(k)]
        record: dict[str, Any] = {
            "id": node,
            "label": _short(label, 40),
            "full_label": label,
            "label_en": data.get("label_en") or "",
            "alt": "",
            "gt_type": data.get("type"),
            "documents": list(data.get("documents", [])),
            "ids": ids,
            "shape": shape,
            "color": colour,
            "size": round(min(60.0, 10 + 5 * math.sqrt(degree.get(node, 0))), 1),
        }
        if node in positions:
            record["x"], record["y"] = (round(v, 1) for v in positions[node])
            record["fixed"] = True
            record["physics"] = False
        elif positions:
            near = [
                positions[o] for o in list(graph.successors(node)) + list(graph.predecessors(node)) if o in positions
            ]
            if near:
                record["x"] = round(sum(p[0] for p in near) / len(near) + (hash(node) % 80 - 40), 1)
                record["y"] = round(sum(p[1] for p in near) / len(near) + (hash(node[::-1]) % 80 - 40), 1)
        nodes.append(record)
    show_labels = graph.number_of_edges() <= 400
    edges = []
    for i, (u, v, rel, data) in enumerate(graph.edges(keys=True, data=True)):
        colour, uk, _en = RELATION_STYLES.get(rel, ("#999999", rel, rel))
        evidence = data.get("evidence", [])
        record = {
            "id": f"e{i}",
            "from": u,
            "to": v,
            "rel": rel,
            "color": {"color": colour, "highlight": colour, "opacity": 0.85},
            "evidence": [[e["document"], _short(e["sentence"], MAX_SENTENCE)] for e in evidence[:MAX_EVIDENCE]],
            "more": max(0, len(evidence) - MAX_EVIDENCE),
        }
        if show_labels:
            record["label"] = uk
        if rel == "partnerOf":
            record["arrows"] = {"to": {"enabled": False}}
        edges.append(record)
    return nodes, edges


def render_map(graph, *, heading: str = "graphtool", layout: str = "force") -> str:
    """The HTML page of a network (see the module docstring)."""
    import jinja2
    import pyvis
    from pyvis.network import Network

    if layout not in ("force", "geo"):
        raise ValueError(f"unknown layout {layout!r}; choose force or geo")
    geo = layout == "geo"
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.nodes, net.edges = network_data(graph, geo=geo)  # from_nx is quadratic: fill directly
    net.options = map_options(len(net.nodes), len(net.edges), geo=geo)
    nodes, edges, _heading, _h, _w, options = net.get_network_data()
    present_types = {n["gt_type"] for n in nodes}
    present_rels = {e["rel"] for e in edges}
    conf = {
        "types": {t: {"uk": s[2], "en": s[3]} for t, s in NODE_STYLES.items()},
        "relations": {r: {"uk": s[1], "en": s[2]} for r, s in RELATION_STYLES.items()},
        "legend_nodes": [
            {"color": s[0], "shape": s[1], "uk": s[2], "en": s[3]} for t, s in NODE_STYLES.items() if t in present_types
        ],
        "legend_edges": [
            {"color": s[0], "uk": s[1], "en": s[2]} for r, s in RELATION_STYLES.items() if r in present_rels
        ],
        "geo": geo,
        "physics_timeout_ms": 20000,
    }
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(
            [str(Path(__file__).parent / "templates"), str(Path(pyvis.__file__).parent / "templates")]
        ),
        autoescape=True,
    )
    html = env.get_template("graphtool_map.html").render(
        nodes=nodes, edges=edges, heading=heading, options=options, conf=conf, bgcolor="#ffffff"
    )
    if _EXTERNAL.search(html):  # a guard: the page must open offline
        raise RuntimeError("the map links an external resource")
    return html


def write_map(
    reader: Any,
    output: str | Path,
    *,
    donor: str | None = None,
    program: str | None = None,
    community: str | None = None,
    oblast: str | None = None,
    types: Iterable[str] | None = None,
    layout: str = "force",
    heading: str | None = None,
) -> MapReport:
    """Build the (focused) network from the graph and write its map to ``output``."""
    from graphtool.network import DEFAULT_TYPES, focus_network

    started = time.perf_counter()
    graph = focus_network(
        reader, donor=donor, program=program, community=community, oblast=oblast, types=types or DEFAULT_TYPES
    )
    # executors and funding sources of plan rows left out by ``types`` would float alone
    keep_alone = {"Community", "Donor", "Program", "Project", "PartnerCity"}
    graph.remove_nodes_from([n for n, d in graph.degree() if d == 0 and graph.nodes[n].get("type") not in keep_alone])
    if heading is None:
        focus = [f"{k}: {v}" for k, v in (("donor", donor), ("program", program), ("community", community),
                                           ("oblast", oblast)) if v]  # fmt: skip
        heading = "Мапа зв'язків / Network map" + (f" — {'; '.join(focus)}" if focus else "")
    html = render_map(graph, heading=heading, layout=layout)
    path = Path(output)
    path.write_text(html, encoding="utf-8")
    return MapReport(graph.number_of_nodes(), graph.number_of_edges(), time.perf_counter() - started, path)


def dumps_debug(graph) -> str:
    """Node and edge records as JSON (for inspecting what a map will show)."""
    nodes, edges = network_data(graph)
    return json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False, indent=1)
