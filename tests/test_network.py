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


# --------------------------------------------------------------------------- focused maps read the neighbourhood


def _whole_then_cut(reader, types=None, **focus):
    """What ``focus_network(..., names=True)`` gave before it read by neighbourhood: the whole network,
    cut to the neighbourhood afterwards, and every name read again (as ``maps.add_names`` did)."""
    from graphtool.network import descendants_in_codifier, neighbourhood, resolve_focus
    from graphtool.reader import ask

    g = load_network(reader, types)
    found: set[str] = set()
    if focus.get("donor"):
        found.add(resolve_focus(reader, focus["donor"], ["Donor"]))
    if focus.get("program"):
        found.add(resolve_focus(reader, focus["program"], ["Program", "Project"]))
    for key in ("community", "oblast"):
        if focus.get(key):
            found |= descendants_in_codifier(g, resolve_focus(reader, focus[key], ["Community"]))
    cut = g.subgraph(neighbourhood(g, found & set(g.nodes))).copy()
    for e, name, _kind in ask(reader, "entity_names").rows:
        if str(e) in cut:
            cut.nodes[str(e)].setdefault("names", set()).add(str(name))
    return cut


def _same_graph(new, old) -> None:
    assert sorted(new.nodes(data=True)) == sorted(old.nodes(data=True))
    assert sorted(new.edges(keys=True, data=True), key=lambda e: e[:3]) == sorted(
        old.edges(keys=True, data=True), key=lambda e: e[:3]
    )


FIXTURE_FOCI = [
    {"donor": "usaid"},
    {"donor": "Європейський Союз"},
    {"program": "U-LEAD"},
    {"program": "DOBRE"},
    {"community": "Житомир"},
    {"community": "Луцька міська територіальна громада"},
    {"oblast": "Волинська область"},
    {"oblast": "Житомирська область", "donor": "GIZ"},
]


@pytest.mark.parametrize("types", [None, DEFAULT_TYPES, ("Donor", "Program", "Project"), ("Community", "PartnerCity")])
@pytest.mark.parametrize("focus", FIXTURE_FOCI, ids=lambda f: "+".join(f"{k}={v}" for k, v in f.items()))
def test_a_focused_network_is_the_whole_network_cut(store, focus, types):
    """Read by neighbourhood, a focused network has the nodes, attributes, names, edges and evidence the
    whole network cut to the same neighbourhood has (and so the same map page)."""
    from graphtool.maps import render_map

    new = focus_network(store, types=types, names=True, **focus)
    old = _whole_then_cut(store, types, **focus)
    if types is None:
        assert new.number_of_edges() > 0
    _same_graph(new, old)
    assert render_map(new, layout="geo") == render_map(old, layout="geo")


def test_a_focus_of_a_type_left_out_is_empty(store):
    assert focus_network(store, donor="usaid", types=["Community"]).number_of_nodes() == 0
    with pytest.raises(NetworkError, match="unknown entity type"):
        focus_network(store, donor="usaid", types=["Donors"])


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A store of about 20,000 quads from the benchmark's generator, and its anchors."""
    from bench import synth
    from graphtool.store import GraphStore

    path = tmp_path_factory.mktemp("synth") / "g.nq"
    synth.write_nquads(path, 20_000)
    store = GraphStore(None)
    store.bulk_load_nquads(path)
    store.flush()
    return store, synth.anchors()


@pytest.mark.parametrize("kind", ["community", "donor", "program", "oblast"])
def test_a_focused_network_is_the_whole_network_cut_on_a_generated_store(generated, kind):
    store, anchors = generated
    for name in (anchors[kind]["iri"], anchors[kind]["name"]):
        new = focus_network(store, types=DEFAULT_TYPES, names=True, **{kind: name})
        assert new.number_of_nodes() > 3
        _same_graph(new, _whole_then_cut(store, DEFAULT_TYPES, **{kind: name}))


class _Counting:
    """A reader that writes down the first line of every question it is asked, and whether values were bound."""

    def __init__(self, reader) -> None:
        self.reader, self.asked = reader, []

    def select(self, query, bindings=None):
        self.asked.append((query.splitlines()[0], bool(bindings) or " VALUES (?" in query))
        return self.reader.select(query, bindings)


def test_a_focused_map_asks_about_its_neighbourhood_not_the_whole_store(generated, tmp_path):
    """A focused map asks bound questions only: the focus's IRI looked up alone (its class and names, not the
    name lookup's index of the whole store), then the entities it reaches, a few per step of its walk and for
    the nodes it keeps (their names too, for the search box): as many on a store of 3,000 quads as on one of
    20,000, and never the whole store's names, evidence, documents or links."""
    from bench import synth
    from graphtool.maps import write_map
    from graphtool.reader import question
    from graphtool.store import GraphStore

    first = {question(name).splitlines()[0]: name for name in
             ("entity_types", "entity_attributes", "entity_names", "relation_links", "entity_card", "entity_links",
              "entity_evidence", "entity_documents")}  # fmt: skip
    path = tmp_path / "small.nq"
    synth.write_nquads(path, 3_000)
    small = GraphStore(None)
    small.bulk_load_nquads(path)
    small.flush()
    big, anchors = generated
    for kind in ("community", "donor", "program", "oblast"):
        counts = []
        for store in (small, big):
            reader = _Counting(store)
            report = write_map(reader, tmp_path / "m.html", **{kind: anchors[kind]["iri"]})
            assert report.nodes > 3
            names = [first.get(summary, summary) for summary, _bound in reader.asked]
            assert names[:2] == ["entity_types", "entity_names"], names  # the focus, by its IRI
            assert all(bound for _summary, bound in reader.asked), reader.asked
            assert set(names[2:]) <= {"entity_types", "entity_card", "entity_links", "entity_evidence",
                                      "entity_documents", "entity_names"}, names  # fmt: skip
            counts.append(len(names))
        assert counts[0] == counts[1] <= 12, (kind, counts)


def test_a_large_network_reads_the_evidence_of_its_partnerships_only(store):
    """Over ``sentences_up_to`` nodes the whole network and a focused one read no sentence but those of the
    partnerships (their status draws the link): the same nodes and links, the partnerships' evidence as read
    whole, and the map's page says its links carry no sentences."""
    from graphtool.maps import render_map

    for focus in ({}, {"community": "Житомир"}, {"oblast": "Житомирська область"}):
        whole = focus_network(store, types=DEFAULT_TYPES, **focus)
        large = focus_network(store, types=DEFAULT_TYPES, sentences_up_to=2, **focus)
        assert whole.graph.get("sentences", True) and large.graph["sentences"] is False
        assert dict(large.nodes(data=True)) == dict(whole.nodes(data=True))
        assert sorted(large.edges(keys=True)) == sorted(whole.edges(keys=True))
        partnerships = [e for e in whole.edges(keys=True, data=True) if e[2] == "partnerOf"]
        assert partnerships or focus
        for u, v, rel, data in whole.edges(keys=True, data=True):
            kept = large.get_edge_data(u, v, rel)["evidence"]
            assert kept == (data["evidence"] if rel == "partnerOf" else []), (u, v, rel)
        assert '"sentences": false' in render_map(large) and '"sentences": false' not in render_map(whole)
    assert focus_network(store, types=DEFAULT_TYPES, sentences_up_to=10_000).graph["sentences"] is True
