"""Network maps: a self-contained page, escaped text, styles by type and relation, geo layout, focus."""

from __future__ import annotations

import json
import re
import time

import networkx as nx
import pytest
from click.testing import CliRunner

from graphtool.cli import main
from graphtool.maps import NODE_STYLES, RELATION_STYLES, map_options, render_map, write_map
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
    assert funds and all(e["color"]["color"] == RELATION_STYLES["funds"][0] and e["label"] == "фінансує" for e in funds)
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
    g = load_network(store, ["Community", "PartnerCity", "Country", "Project"])
    nodes, _ = page_data(render_map(g, layout="geo"))
    at = {n["full_label"]: n for n in nodes}
    zhytomyr, lublin, mainz = at["Житомирська міська територіальна громада"], at["Люблін"], at["Майнц"]
    assert zhytomyr["fixed"] and lublin["fixed"] and mainz["fixed"]
    assert mainz["x"] < lublin["x"] < zhytomyr["x"]  # west to east
    assert at["Ольштин"]["y"] < lublin["y"] < zhytomyr["y"]  # north is up
    assert "fixed" not in at["Житомирська область"]  # would sit on its centre city
    assert "fixed" not in at["Безпечна школа"] and "x" in at["Безпечна школа"]  # starts near its place


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
    result = CliRunner().invoke(main, ["map", "--store", str(store_dir), "-o", str(out), "--donor", "Тернопіль"])
    assert result.exit_code == 1 and "no Donor named" in result.output
    result = CliRunner().invoke(main, ["map", "--store", str(store_dir), "-o", str(out), "--types", "Donors"])
    assert result.exit_code == 1 and "unknown entity type" in result.output
