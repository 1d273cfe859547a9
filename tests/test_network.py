"""The network view of the graph: loading, focusing, analysis, GraphML/GEXF export."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from click.testing import CliRunner

from graphtool.cli import main
from graphtool.network import (
    DEFAULT_TYPES,
    NetworkError,
    analyze_network,
    focus_network,
    load_network,
    render_analysis,
    write_network,
)
from tests.fixtures_graph import TRIG, load_small_graph

ID = "https://w3id.org/graphtool/id/"


@pytest.fixture(scope="module")
def store():
    return load_small_graph()


def labels(graph) -> set[str]:
    return {d["label"] for _, d in graph.nodes(data=True)}


def test_load_network(store):
    g = load_network(store)
    assert g.number_of_nodes() == 38 and g.number_of_edges() == 47
    usaid = g.nodes[ID + "donor/usaid"]
    assert usaid["type"] == "Donor" and usaid["documents"] == ["news-south.txt", "news-zhytomyr.txt"]
    lublin = g.nodes[ID + "geonames/765876"]
    assert (lublin["lat"], lublin["lon"], lublin["geonames"]) == (51.25, 22.56667, "765876")
    edge = g.get_edge_data(ID + "donor/usaid", next(n for n, d in g.nodes(data=True) if d["label"] == "Чиста вода"))
    assert list(edge) == ["funds"] and edge["funds"]["evidence"][0]["document"] == "news-south.txt"
    assert (
        g.get_edge_data(ID + "katottg/UA18040150010080361", ID + "katottg/UA18040150000043275")["locatedIn"]["evidence"]
        == []
    )  # codifier hierarchy: reference data


def test_types_and_unknown_types(store):
    g = load_network(store, ["Donor", "Program", "Project"])
    assert {d["type"] for _, d in g.nodes(data=True)} == {"Donor", "Program", "Project"}
    with pytest.raises(NetworkError, match="unknown entity type"):
        load_network(store, ["Donors"])


def test_focus(store):
    assert labels(focus_network(store, donor="usaid")) == {
        "USAID", "Чиста вода", "Молодіжний хаб", "DOBRE", "Бердичівська міська територіальна громада", "Житомир"}  # fmt: skip
    oblast = focus_network(store, oblast="Волинська область", types=DEFAULT_TYPES)
    assert {"Новий автобус", "Парк над річкою", "Люблін", "Ольштин", "Польща", "Європейський Союз"} <= labels(oblast)
    assert "USAID" not in labels(oblast)
    program = focus_network(store, program="U-LEAD")
    assert {"GIZ", "Європейський Союз", "Безпечна школа", "Бердичівська міська територіальна громада"} <= labels(
        program
    )
    with pytest.raises(NetworkError, match="may mean"):
        focus_network(store, community="міська територіальна громада")


def test_analysis(store):
    result = analyze_network(load_network(store, DEFAULT_TYPES))
    assert result["betweenness"] == "exact"
    assert [r["label"] for r in result["central_communities"]][:3] == [
        "Луцька міська територіальна громада", "Житомирська міська територіальна громада",
        "Бердичівська міська територіальна громада"]  # fmt: skip
    assert {r["label"] for r in result["central_donors"]} == {"GIZ", "USAID", "Європейський Союз"}
    assert result["brokers"][0]["label"] == "U-LEAD з Європою"
    assert all(len(c["communities"]) >= 2 for c in result["clusters"])
    text = render_analysis(result)
    assert "Brokers" in text and "U-LEAD з Європою" in text


def test_isolated_communities():
    from pyoxigraph import Literal, NamedNode, Quad

    store = load_small_graph()
    doc = NamedNode(ID + "doc/news-south.txt")
    node = NamedNode(ID + "katottg/UA99999999999999999")
    for p, o in (
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", NamedNode("https://w3id.org/graphtool/ontology#Community")),
        ("http://www.w3.org/2004/02/skos/core#prefLabel", Literal("Самотня громада", language="uk")),
        ("https://w3id.org/graphtool/ontology#mentionedIn", doc),
    ):
        store.oxigraph.add(Quad(node, NamedNode(p), o, doc))
    result = analyze_network(load_network(store, DEFAULT_TYPES))
    assert [r["label"] for r in result["isolated_communities"]] == ["Самотня громада"]


def test_large_network_uses_sampled_betweenness():
    g = nx.MultiDiGraph()
    for i in range(1100):
        g.add_node(str(i), type="Community" if i % 2 else "Project", label=str(i), documents=[])
    for i in range(1, 1100):
        g.add_edge(str(i), str(i // 2), key="locatedIn" if i % 2 == 0 else "partOf", relation="x", evidence=[])
    assert analyze_network(g)["betweenness"] == "sampled (k=250)"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_write_network(store, fmt, tmp_path):
    path = tmp_path / f"g.{fmt}"
    write_network(store, fmt, path)
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert g.number_of_nodes() == 38 and g.number_of_edges() == 47
    node = g.nodes[ID + "donor/usaid"]
    assert node["type"] == "Donor" and node["documents"] == "news-south.txt; news-zhytomyr.txt"
    buf = io.BytesIO()
    write_network(store, fmt, buf)
    assert buf.getvalue().startswith(b"<?xml")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    from pyoxigraph import RdfFormat

    from graphtool.store import GraphStore

    path = tmp_path_factory.mktemp("nstore") / "store"
    s = GraphStore(path)
    s.oxigraph.load(path=str(TRIG), format=RdfFormat.TRIG)
    s.flush()
    del s
    return path


def test_cli_export_and_analyze(store_dir, tmp_path):
    out = tmp_path / "g.graphml"
    result = CliRunner().invoke(main, ["export", "graphml", "--store", str(store_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(out).number_of_nodes() == 38
    result = CliRunner().invoke(main, ["analyze", "--store", str(store_dir), "--top", "2"])
    assert result.exit_code == 0 and "Most central donors" in result.output
    result = CliRunner().invoke(
        main, ["analyze", "--store", str(store_dir), "--format", "json", "--types", "Donor,Project"]
    )
    assert result.exit_code == 0 and '"central_donors"' in result.output
