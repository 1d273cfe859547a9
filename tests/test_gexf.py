"""GEXF that Gephi users can trust (issue 14): GEXF 1.3, valid against the official XSD, with colours and
sizes by type and positions from coordinates."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from graphtool.maps import NODE_STYLES
from graphtool.network import GEXF_NS, GEXF_SIZES, write_network
from tests.fixtures_graph import load_small_graph

XSD = Path(__file__).resolve().parents[2] / "shared" / "specs" / "gexf-1.3" / "gexf.xsd"  # shared/ beside the repo
ID = "https://w3id.org/graphtool/id/"


@pytest.fixture(scope="module")
def gexf() -> bytes:
    buf = io.BytesIO()
    write_network(load_small_graph(), "gexf", buf)
    return buf.getvalue()


@pytest.mark.skipif(not XSD.exists(), reason="the GEXF 1.3 schema is not in ../shared/specs")
def test_gexf_validates_against_the_official_1_3_schema(gexf):
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(XSD)))
    document = etree.fromstring(gexf)
    assert document.get("version") == "1.3"
    assert schema.validate(document), "\n".join(str(e) for e in schema.error_log[:10])


def test_gexf_colours_sizes_and_positions(gexf):
    from lxml import etree

    ns = {"g": GEXF_NS}
    root = etree.fromstring(gexf)
    nodes = {n.get("id"): n for n in root.iterfind(".//g:node", ns)}
    usaid = nodes[ID + "donor/usaid"]
    colour = usaid.find("g:color", ns)
    want = NODE_STYLES["Donor"][0].lstrip("#")
    assert (colour.get("r"), colour.get("g"), colour.get("b")) == tuple(
        str(int(want[i : i + 2], 16)) for i in (0, 2, 4)
    )
    assert float(usaid.find("g:size", ns).get("value")) == GEXF_SIZES["Donor"]
    placed = [n for n in nodes.values() if n.find("g:position", ns) is not None]
    assert placed, "communities with coordinates get a viz:position"
    for node in placed:
        x, y = float(node.find("g:position", ns).get("x")), float(node.find("g:position", ns).get("y"))
        kind = next(a.get("value") for a in node.iterfind("g:attvalues/g:attvalue", ns) if a.get("for") == "type")
        assert -1800 <= x <= 1800 and -900 <= y <= 900  # longitude, latitude x 10
        if kind == "Community":
            assert 220 < x < 410 and 440 < y < 530  # in Ukraine
    assert len(root.findall(".//g:edge", ns)) == 47


def test_analysis_says_what_its_node_count_counts():
    from graphtool.network import analyze_network, load_network, render_analysis

    text = render_analysis(analyze_network(load_network(load_small_graph())))
    assert "nodes (every entity of these types, unlinked ones too: a map leaves those out)" in text.splitlines()[0]
