"""Each kind of map in real Chromium (force, geo, filtered; canvas and WebGL renderers), offline.

For every kind: the page loads from ``file://`` with the network cut and logs no error, the geo maps
draw the outline of Ukraine, the search box finds "USAID" by name and by its alias (first hit), a click
on a node shows the sentences behind its links, and two builds of the same store are byte-identical.
Skips where Chromium, chromedriver or selenium are missing (see ``tests/test_browser.py``).
"""

from __future__ import annotations

import time

import pytest

from tests.test_browser import browser, console_errors, open_map, pytestmark  # noqa: F401

KINDS = [
    ("force", {}, "vis"),
    ("geo", {}, "vis"),
    ("geo", {"donor": "USAID"}, "vis"),
    ("force", {}, "webgl"),
    ("geo", {}, "webgl"),
]
BORDER = (0x7D, 0x85, 0x90)  # the national border's colour in the template

# pixels of the border colour on the canvas the outline is drawn on (the first canvas of the map)
BORDER_PIXELS = """
const c = document.querySelector('#mynetwork canvas');
const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
let n = 0;
for (let i = 0; i < d.length; i += 4) {
  if (Math.abs(d[i] - arguments[0]) < 12 && Math.abs(d[i + 1] - arguments[1]) < 12 && Math.abs(d[i + 2] - arguments[2]) < 12) n++;
}
return n;
"""


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    from pyoxigraph import RdfFormat

    from graphtool.store import GraphStore
    from tests.fixtures_graph import TRIG

    path = tmp_path_factory.mktemp("kinds") / "store"
    s = GraphStore(path)
    s.oxigraph.load(path=str(TRIG), format=RdfFormat.TRIG)
    s.flush()
    del s
    return path


@pytest.mark.parametrize(("layout", "focus", "renderer"), KINDS, ids=lambda v: str(v))
def test_map_kind(browser, store_path, tmp_path, layout, focus, renderer):  # noqa: F811
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from graphtool.maps import write_map
    from graphtool.store import GraphStore

    pages = []
    for i in range(2):
        store = GraphStore(store_path)
        try:
            write_map(store, tmp_path / f"map{i}.html", layout=layout, renderer=renderer, **focus)
        finally:
            del store
        pages.append((tmp_path / f"map{i}.html").read_bytes())
    assert pages[0] == pages[1], "two builds of the same store differ"
    path = tmp_path / "map0.html"
    open_map(browser, path)
    while not browser.execute_script("return window.graphtoolReady === true"):
        time.sleep(0.05)
    time.sleep(0.3)
    assert browser.execute_script("return CONF.renderer") == renderer
    if layout == "geo":
        assert browser.execute_script(BORDER_PIXELS, *BORDER) > 100, "no outline of Ukraine drawn"

    box = browser.find_element(By.ID, "search")
    for query in ("USAID", "агентство США"):  # its name, then an alias
        box.clear()
        box.send_keys(query, Keys.ENTER)
        assert "found" in browser.find_element(By.ID, "search-status").text
        assert browser.find_element(By.CSS_SELECTOR, "#hits button").text.startswith("USAID (")
        assert browser.find_element(By.CSS_SELECTOR, "#details h3").text == "USAID"

    # a real click on the node with the most links that carry a sentence
    node = browser.execute_script(
        """const count = {}; edgeList.filter(e => e.evidence.length).forEach(e => { count[e.from] = (count[e.from] || 0) + 1; });
           return Object.keys(count).sort((a, b) => count[b] - count[a] || (a < b ? -1 : 1))[0];"""
    )
    if renderer == "vis":
        browser.execute_script("graphtoolNetwork.focus(arguments[0], {scale: 1.0, animation: false})", node)
        time.sleep(0.3)
        x, y = browser.execute_script(
            "const p = graphtoolNetwork.canvasToDOM(graphtoolNetwork.getPositions([arguments[0]])[arguments[0]]);"
            "return [p.x, p.y];",
            node,
        )
    else:
        browser.execute_script(
            "const d = graphtoolSigma.getNodeDisplayData(arguments[0]);"
            "graphtoolSigma.getCamera().setState({x: d.x, y: d.y, ratio: 0.5});",
            node,
        )
        time.sleep(0.5)
        x, y = browser.execute_script(
            "const p = graphtoolSigma.framedGraphToViewport(graphtoolSigma.getNodeDisplayData(arguments[0]));"
            "return [p.x, p.y];",
            node,
        )
    canvas = browser.find_element(By.ID, "mynetwork")
    size = canvas.size
    ActionChains(browser).move_to_element_with_offset(
        canvas, int(x - size["width"] / 2), int(y - size["height"] / 2)
    ).click().perform()
    details = browser.find_element(By.ID, "details")
    label = browser.execute_script("return byId[arguments[0]].full_label", node)
    assert browser.find_element(By.CSS_SELECTOR, "#details h3").text == label
    with_sentence = set(browser.execute_script("return edgeList.filter(e => e.evidence.length).map(e => e.id)"))
    link = next(
        b for b in details.find_elements(By.TAG_NAME, "button") if b.get_attribute("data-edge") in with_sentence
    )
    link.click()
    quotes = browser.find_elements(By.CSS_SELECTOR, "#details blockquote")
    assert quotes and len(quotes[0].text) > 10

    # legend toggles and PNG export
    browser.find_element(By.CSS_SELECTOR, "#legend input[data-type=Donor]").click()
    assert browser.execute_script("return hiddenTypes.Donor") is True
    box.clear()
    box.send_keys("USAID", Keys.ENTER)  # hidden types are not found
    assert "nothing" in browser.find_element(By.ID, "search-status").text
    png = browser.execute_script("return graphtoolPNG()")
    assert png.startswith("data:image/png;base64,") and len(png) > 5_000
    assert console_errors(browser) == []


def test_large_geo_map_gathers_oblasts(browser, tmp_path):  # noqa: F811
    """Above the threshold a geo map shows one node per oblast; a click opens it; search opens the right one."""
    import random

    import networkx as nx
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from graphtool.maps import WEBGL_THRESHOLD, render_map

    rng = random.Random(1)
    g = nx.MultiDiGraph()
    g.add_node("usaid", type="Donor", label="USAID", names={"USAID", "Агентство США з міжнародного розвитку"})
    g.add_node("prog", type="Program", label="DOBRE")
    g.add_edge("usaid", "prog", key="funds", relation="funds", evidence=[])
    for i in range(WEBGL_THRESHOLD // 2 + 10):
        g.add_node(
            f"c{i}", type="Community", label=f"Громада {i}", lat=45.6 + rng.random() * 6, lon=24 + rng.random() * 14
        )
        g.add_node(f"p{i}", type="Project", label=f"Проєкт {i}")
        g.add_edge(f"p{i}", f"c{i}", key="locatedIn", relation="locatedIn", evidence=[])
        g.add_edge(f"p{i}", "prog", key="partOf", relation="partOf", evidence=[])
    g.add_node("kyiv", type="Community", label="Київська міська громада", lat=50.45, lon=30.52)
    page = tmp_path / "big.html"
    page.write_text(render_map(g, layout="geo"), encoding="utf-8")
    open_map(browser, page)
    assert browser.execute_script("return CONF.aggregate && CONF.renderer") == "vis"
    shown = browser.execute_script("return graphtoolNetwork.body.data.nodes.getIds()")
    oblasts = [n for n in shown if n.startswith("oblast:")]
    assert 20 <= len(oblasts) <= 27 and len(shown) < 60  # not 1,500 nodes
    assert browser.execute_script(BORDER_PIXELS, *BORDER) > 300
    # a merged link carries the number of links it stands for
    label = browser.execute_script(
        "return graphtoolNetwork.body.data.edges.get().filter(e => e.id.startsWith('merged:'))[0].label"
    )
    assert int(label) > 1
    box = browser.find_element(By.ID, "search")
    where = browser.execute_script("return byId['c5'].cluster")
    assert "oblast:" + where in shown  # Громада 5 is inside a closed oblast
    box.send_keys("Громада 5", Keys.ENTER)  # exact match first, its oblast opens
    assert "c5" in browser.execute_script("return graphtoolNetwork.getSelectedNodes()")
    assert browser.find_element(By.CSS_SELECTOR, "#details h3").text == "Громада 5"
    assert "oblast:" + where not in browser.execute_script("return graphtoolNetwork.body.data.nodes.getIds()")
    browser.find_element(By.ID, "collapse").click()
    before = len(browser.execute_script("return graphtoolNetwork.body.data.nodes.getIds()"))
    browser.execute_script("graphtoolOpenOblast(arguments[0])", where)
    after = browser.execute_script("return graphtoolNetwork.body.data.nodes.getIds()")
    assert len(after) > before and "oblast:" + where not in after
    browser.find_element(By.ID, "collapse").click()
    assert len(browser.execute_script("return graphtoolNetwork.body.data.nodes.getIds()")) == len(shown)
    assert console_errors(browser) == []


# midpoints (viewport px) of links with a sentence that a click there would pick: no node under it,
# and this link is the nearest (checked with the page's own picking, then clicked for real)
EDGE_TARGETS = """
const r = graphtoolSigma, out = [], w = r.width, h = r.height;
edgeList.filter(e => e.evidence.length).forEach(e => {
  const a = r.framedGraphToViewport(r.getNodeDisplayData(e.from)), b = r.framedGraphToViewport(r.getNodeDisplayData(e.to));
  const x = (a.x + b.x) / 2, y = (a.y + b.y) / 2;
  if (x < 20 || y < 20 || x > w - 20 || y > h - 20 || Math.hypot(b.x - a.x, b.y - a.y) < 40) return;
  if (r.getNodeAtPosition({x: x, y: y}) === null && r.getEdgeAtPoint(x, y) === e.id) out.push([e.id, x, y]);
});
return out;
"""


def test_webgl_link_click_shows_evidence(browser, store_path, tmp_path):  # noqa: F811
    """On the WebGL map a link is picked like on the canvas one: hovering shows its tooltip, a click its sentences."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    from graphtool.maps import write_map
    from graphtool.store import GraphStore

    store = GraphStore(store_path)
    try:
        write_map(store, tmp_path / "map.html", renderer="webgl")
    finally:
        del store
    open_map(browser, tmp_path / "map.html")
    while not browser.execute_script("return window.graphtoolReady === true"):
        time.sleep(0.05)
    browser.execute_script("graphtoolView.setPhysics(false)")  # the layout stops moving the links
    time.sleep(0.5)
    targets = browser.execute_script(EDGE_TARGETS)
    assert targets, "no link to click"
    edge, x, y = targets[0]
    canvas = browser.find_element(By.ID, "mynetwork")
    size = canvas.size
    ActionChains(browser).move_to_element_with_offset(
        canvas, int(x - size["width"] / 2), int(y - size["height"] / 2)
    ).perform()
    tooltip = browser.find_element(By.ID, "tooltip")
    rel = browser.execute_script("return relName(edgeById[arguments[0]].rel)", edge)
    assert tooltip.is_displayed() and rel in tooltip.text
    ActionChains(browser).click().perform()
    expected = browser.execute_script(
        "const e = edgeById[arguments[0]]; return [byId[e.from].full_label, byId[e.to].full_label, e.evidence[0][1]];",
        edge,
    )
    heading = browser.find_element(By.CSS_SELECTOR, "#details h3").text
    assert heading.startswith(expected[0]) and heading.endswith(expected[1]) and rel in heading
    assert browser.find_element(By.CSS_SELECTOR, "#details blockquote").text == expected[2].strip()
    assert browser.execute_script("return graphtoolSigma.getEdgeDisplayData(arguments[0]).type", edge) == "thick"
    # an empty spot picks nothing
    assert browser.execute_script("return graphtoolSigma.getEdgeAtPoint(1, 1)") is None
    assert console_errors(browser) == []


def test_outline_copied_from_its_cache_matches_the_shapes(browser, store_path, tmp_path):  # noqa: F811
    """Frames copy the outline from a picture drawn once per zoom level: it must look like the shapes drawn
    directly (same place, same lines), and a zoom too deep for a picture draws the shapes."""
    from graphtool.maps import write_map
    from graphtool.store import GraphStore

    store = GraphStore(store_path)
    try:
        write_map(store, tmp_path / "geo.html", layout="geo")
    finally:
        del store
    open_map(browser, tmp_path / "geo.html")
    counts = browser.execute_script(
        """
        function draw(fn, k, cx, cy) {
          const c = document.createElement('canvas'); c.width = 900; c.height = 600;
          const ctx = c.getContext('2d'); ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 900, 600);
          fn(ctx, (x, y) => [(x - cx) * k + 450, (y - cy) * k + 300], k);
          return ctx.getImageData(0, 0, 900, 600).data;
        }
        const out = [], p = CONF.outline.border[0][0];
        [[0.3, 0, 0], [20, p[0], p[1]]].forEach(([k, cx, cy]) => {
          const a = draw(paintOutline, k, cx, cy), b = draw(drawOutline, k, cx, cy);
          const isBorder = (d, i) => Math.abs(d[i] - arguments[0]) < 40 && Math.abs(d[i + 1] - arguments[1]) < 40 && Math.abs(d[i + 2] - arguments[2]) < 40;
          let differ = 0, border = 0;  // border pixels of the shapes with no border pixel near them in the copy
          for (let y = 1; y < 599; y++) for (let x = 1; x < 899; x++) {
            if (!isBorder(a, (y * 900 + x) * 4)) continue;
            border++;
            let near = false;
            for (let dy = -1; dy <= 1 && !near; dy++) for (let dx = -1; dx <= 1 && !near; dx++) near = isBorder(b, ((y + dy) * 900 + x + dx) * 4);
            if (!near) differ++;
          }
          out.push([differ, border, outlineCache ? outlineCache.key : null]);
        });
        return out;
        """,
        *BORDER,
    )
    (differ, border, key), (deep_differ, deep_border, deep_key) = counts
    assert border > 300 and differ < border * 0.01, counts  # moved by half a pixel at most
    assert key == deep_key, "a deep zoom must not build a huge picture"
    assert deep_border > 100 and deep_differ == 0, counts
    assert console_errors(browser) == []
