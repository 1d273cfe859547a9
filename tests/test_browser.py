"""The map in a real browser: headless Chromium opens it from file:// with the network disabled.

Checks: no console errors, the network is drawn (canvas not blank, screenshot saved), the search box
finds a node, a click shows the sources, and a label like ``<img src=x onerror=alert(1)>`` never runs.
The map is built from ``examples/`` with ``graphtool build``; when that yields nothing (loaders not
there yet) the fixture graph is used instead, and the test output says so.

Skips only where Chromium, chromedriver or selenium are missing (``.ci/run`` installs Debian's
``chromium`` and ``chromium-driver``).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graphtool.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
XSS = "<img src=x onerror=alert(1)>"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
CHROMEDRIVER = shutil.which("chromedriver")

try:
    import selenium  # noqa: F401

    HAVE_SELENIUM = True
except ImportError:  # pragma: no cover
    HAVE_SELENIUM = False

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER and HAVE_SELENIUM),
    reason="browser test skipped: needs Chromium and chromedriver (Debian: apt-get install chromium chromium-driver) "
    "and selenium (pip install -e '.[test]')",
)

FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    "--window-size=1400,900",
    # no network at all: every request would go to a closed local port
    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
]  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="graphtool-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.set_capability("unhandledPromptBehavior", "ignore")  # an alert stays open, so we can see it
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0},
        )
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def example_map(tmp_path_factory):
    """(map path, where the graph came from)."""
    from graphtool.maps import write_map
    from graphtool.store import GraphStore

    work = tmp_path_factory.mktemp("browser")
    store_path = work / "store"
    source = "fixture graph (tests/data/small_graph.trig)"
    if EXAMPLES.is_dir() and any(EXAMPLES.iterdir()):
        result = CliRunner().invoke(main, ["build", str(EXAMPLES), "--store", str(store_path)])
        print(f"graphtool build examples: exit {result.exit_code}; {result.output.strip()[-300:]}")
    store = GraphStore(store_path)
    try:
        from graphtool.network import load_network

        if load_network(store).number_of_edges() > 0:
            source = "examples/ (graphtool build examples)"
        else:
            from pyoxigraph import RdfFormat

            from tests.fixtures_graph import TRIG

            print("the examples gave no links (loaders not there yet?): using the fixture graph instead")
            store.oxigraph.load(path=str(TRIG), format=RdfFormat.TRIG)
        out = work / "map.html"
        report = write_map(store, out)
    finally:
        del store
    print(f"map from the {source}: {report.nodes} nodes, {report.edges} links, {report.seconds:.2f} s")
    return out, source


def open_map(driver, path: Path, timeout: float = 60.0) -> float:
    """Load the page and wait until physics has stopped; returns the seconds it took."""
    started = time.perf_counter()
    driver.get(path.resolve().as_uri())
    while not driver.execute_script("return window.graphtoolStable === true"):
        if time.perf_counter() - started > timeout:
            raise AssertionError(f"physics did not stop within {timeout} s")
        time.sleep(0.1)
    return time.perf_counter() - started


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


DRAWN_PIXELS = """
const c = document.querySelector('#mynetwork canvas');
const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
let n = 0;
for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++; }
return n;
"""


def test_map_opens_offline_and_draws(browser, example_map, tmp_path):
    path, source = example_map
    seconds = open_map(browser, path)
    print(f"{source}: stable in the browser after {seconds:.1f} s")
    assert console_errors(browser) == []
    assert browser.execute_script("return typeof vis") == "object"
    assert browser.execute_script("return graphtoolNetwork.body.data.nodes.length") > 0
    assert browser.execute_script(DRAWN_PIXELS) > 500, "the canvas is blank"
    shot = tmp_path / "map.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few kilobytes
    print(f"screenshot: {shot}")


def test_search_finds_a_node(browser, example_map):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    path, _source = example_map
    open_map(browser, path)
    labels = browser.execute_script("return graphtoolNetwork.body.data.nodes.get().map(n => n.full_label)")
    label = sorted(labels, key=len)[len(labels) // 2]
    box = browser.find_element(By.ID, "search")
    box.clear()
    box.send_keys(label.upper()[: max(4, len(label) - 1)], Keys.ENTER)
    status = browser.find_element(By.ID, "search-status").text
    assert "found" in status, status
    selected = browser.execute_script("return graphtoolNetwork.getSelectedNodes()")
    shown = browser.execute_script("return graphtoolNetwork.body.data.nodes.get(arguments[0]).full_label", selected[0])
    assert label.casefold()[:4] in shown.casefold()
    assert shown in browser.find_element(By.ID, "details").text
    box.clear()
    box.send_keys("щось-чого-немає", Keys.ENTER)
    assert "nothing" in browser.find_element(By.ID, "search-status").text
    assert console_errors(browser) == []


def test_click_shows_the_sources(browser, example_map):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    path, _source = example_map
    open_map(browser, path)
    # the node with the most links that carry a sentence
    node = browser.execute_script(
        """const edges = graphtoolNetwork.body.data.edges.get().filter(e => e.evidence.length);
           const count = {}; edges.forEach(e => { count[e.from] = (count[e.from] || 0) + 1; });
           return Object.keys(count).sort((a, b) => count[b] - count[a])[0];"""
    )
    browser.execute_script("graphtoolNetwork.focus(arguments[0], {scale: 1.0, animation: false})", node)
    time.sleep(0.3)
    canvas = browser.find_element(By.CSS_SELECTOR, "#mynetwork canvas")
    x, y = browser.execute_script(
        "const p = graphtoolNetwork.canvasToDOM(graphtoolNetwork.getPositions([arguments[0]])[arguments[0]]);"
        "return [p.x, p.y];",
        node,
    )
    size = canvas.size
    ActionChains(browser).move_to_element_with_offset(
        canvas, int(x - size["width"] / 2), int(y - size["height"] / 2)
    ).click().perform()
    details = browser.find_element(By.ID, "details")
    label = browser.execute_script("return graphtoolNetwork.body.data.nodes.get(arguments[0]).full_label", node)
    assert label in details.text
    with_sentence = set(browser.execute_script(
        "return graphtoolNetwork.body.data.edges.get().filter(e => e.evidence.length).map(e => e.id)"
    ))  # fmt: skip
    link = next(
        b for b in details.find_elements(By.TAG_NAME, "button") if b.get_attribute("data-edge") in with_sentence
    )
    link.click()
    quotes = browser.find_elements(By.CSS_SELECTOR, "#details blockquote")
    assert quotes and len(quotes[0].text) > 10, details.text
    assert console_errors(browser) == []


def test_markup_in_labels_never_runs(browser, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    from graphtool.maps import render_map

    g = nx.MultiDiGraph()
    g.add_node("a", type="Donor", label=XSS, documents=[XSS])
    g.add_node("b", type="Community", label="Громада </script><script>alert(2)</script>", documents=[])
    g.add_edge(
        "a", "b", key="funds", relation="funds", evidence=[{"document": XSS, "sentence": XSS, "start": 0, "end": 1}]
    )
    page = tmp_path / "xss.html"
    page.write_text(render_map(g, heading=f"Мапа {XSS}"), encoding="utf-8")
    open_map(browser, page)
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    assert XSS in browser.find_element(By.ID, "heading").text  # shown as text
    assert browser.execute_script("return graphtoolSearch('onerror')") == ["a"]
    assert XSS in browser.find_element(By.ID, "details").text
    assert console_errors(browser) == []
