"""The query editor of ``graphtool serve`` (YASGUI, vendored in graphtool/static): served from the package,
nothing fetched from another site, and a query run in headless Chromium shows its result table."""

from __future__ import annotations

import gc
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from graphtool.serve import STATIC_FILES, make_server, serve_in_thread
from tests.remote_helpers import small_graph_store
from tests.test_serve import _get

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
CHROMEDRIVER = shutil.which("chromedriver")
STATIC = Path(__file__).resolve().parent.parent / "graphtool" / "static"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    writer = small_graph_store(tmp_path_factory.mktemp("editor") / "store")
    path = writer.path
    del writer
    gc.collect()
    server = make_server(path, port=0, workers=1, timeout=10, access_log=False)
    serve_in_thread(server)
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def test_editor_page_loads_only_from_the_server(server):
    status, head, body = _get(server.url + "/editor")
    page = body.decode("utf-8")
    assert status == 200 and head["Content-Type"].startswith("text/html")
    assert '<script src="/static/yasgui.min.js">' in page and 'href="/static/yasgui.min.css"' in page
    assert "cdn" not in page.lower() and "//unpkg" not in page and "jsdelivr" not in page
    assert "PREFIX gt: <https://w3id.org/graphtool/ontology#>" in page  # the PREFIX block starts the query


def test_vendored_files_are_served_with_their_licence(server):
    for name, ctype in STATIC_FILES.items():
        assert (STATIC / name).is_file(), name
        status, head, body = _get(server.url + "/static/" + name)
        assert status == 200 and head["Content-Type"] == ctype and len(body) == (STATIC / name).stat().st_size
    assert b"MIT" in (STATIC / "yasgui.LICENSE.txt").read_bytes()
    for name in ("../serve.py", "nothing.js", "%2e%2e/serve.py"):
        status, _head, _body = _get(server.url + "/static/" + name)
        assert status == 404, name


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="needs Chromium and chromedriver")
def test_a_query_runs_in_the_editor(server, tmp_path):
    pytest.importorskip("selenium")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    profile = tempfile.mkdtemp(prefix="graphtool-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
        "--proxy-server=127.0.0.1:9",  # every other site goes to a closed port; loopback bypasses the proxy
        f"--user-data-dir={profile}",
    ):  # fmt: skip
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.set_page_load_timeout(60)
        driver.get(server.url + "/editor")
        deadline = time.monotonic() + 30
        while not driver.find_elements(By.CSS_SELECTOR, ".yasqe_queryButton") and time.monotonic() < deadline:
            time.sleep(0.2)
        driver.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
        table = ""
        while "USAID" not in table and time.monotonic() < deadline + 30:
            time.sleep(0.3)
            table = " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, ".yasr table"))
        driver.save_screenshot(str(tmp_path / "editor.png"))
        print("screenshot:", tmp_path / "editor.png")
        assert "USAID" in table, driver.page_source[-2000:]
        resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert resources and all(r.startswith(server.url) for r in resources), resources
        severe = [m for m in driver.get_log("browser") if m["level"] == "SEVERE" and "favicon" not in m["message"]]
        assert not severe, severe
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
