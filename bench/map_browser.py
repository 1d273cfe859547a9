"""Maps in a real browser: time to first draw, time to a settled layout, and redraw cost at 1k/5k/20k nodes.

    python -m bench.map_browser [--sizes 1000,5000,20000] [--out bench/MAPS_BROWSER.md]
                                [--renderers vis,webgl] [--layouts force,geo] [--before REV]

Synthetic networks shaped like the real ones (communities with coordinates, projects located in them,
programmes and donors funding them, partner towns abroad) are written with ``graphtool.maps.render_map``
for both renderers (vis-network canvas, sigma.js WebGL) and opened from ``file://`` in headless Debian
Chromium (software rendering: SwiftShader for WebGL, no GPU), with the network cut.

Measured per page: ``generate`` (Python, render_map), ``ready`` (navigation until the first frame is
drawn), ``settled`` (until the layout stops: vis physics stabilised / ForceAtlas2 stopped; geo maps
have no layout to run), ``redraw`` (mean of 10 synchronous redraw calls) and ``pan frame`` (mean time per
animation frame while the view pans, the number that decides if panning feels smooth; 16.7 ms is the
browser's frame cap), and ``drag step`` (mean time per step of a real mouse drag sent through the
DevTools protocol: each step waits for the page to take the move, and moves are handled once per frame,
so 16.7 ms is the floor; while the user drags, large WebGL maps hide links and labels, so this is what
panning costs). The page gets 2 s of quiet after it settles before the pan is measured.

``--before REV`` also renders every page with the ``graphtool`` package of git revision REV (extracted
with ``git archive`` into a temporary directory, run in a subprocess) and measures both versions one
after the other in the same browser, so a change is compared under the same load.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
    "--window-size=1400,900", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    "--enable-unsafe-swiftshader",
]  # fmt: skip

REDRAW = """
const v = window.graphtoolView; const t0 = performance.now();
for (let i = 0; i < 10; i++) v.redraw();
return (performance.now() - t0) / 10;
"""
PAN = """
const done = arguments[arguments.length - 1];
const net = window.graphtoolNetwork, sig = window.graphtoolSigma;
let i = 0, t0 = null;
function frame(t) {
  if (t0 === null) t0 = t;
  if (i === 30) { done((t - t0) / 30); return; }
  if (net) { const p = net.getViewPosition(); net.moveTo({position: {x: p.x + 5, y: p.y}, animation: false}); net.redraw(); }
  else { const c = sig.getCamera(); c.setState({x: c.x + 0.002}); }  // sigma draws on its own frame
  i++; requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
"""
CENTRE = "const r = document.getElementById('mynetwork').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];"
RENDER_BEFORE = """
import sys, time
sys.path.insert(0, sys.argv[1])
sys.path.append(sys.argv[2])
from bench.map_browser import synthetic_graph
from graphtool.maps import render_map
g = synthetic_graph(int(sys.argv[3]))
render_map(synthetic_graph(60), layout=sys.argv[4], renderer=sys.argv[5])  # first use: imports, cached outline
aggregate = {"None": None, "True": True, "False": False}[sys.argv[6]]
t0 = time.perf_counter()
html = render_map(g, layout=sys.argv[4], renderer=sys.argv[5], aggregate=aggregate)
print(time.perf_counter() - t0)
open(sys.argv[7], "w", encoding="utf-8").write(html)
"""


def drag(driver, steps: int = 30) -> float:
    """Mean ms per step of a mouse drag across the map (see the module docstring)."""
    x, y = driver.execute_script(CENTRE)

    def mouse(kind, x, **extra):
        driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", **extra})

    mouse("mousePressed", x, clickCount=1, buttons=1)
    t0 = time.perf_counter()
    for i in range(steps):
        mouse("mouseMoved", x + 4 * (i + 1), buttons=1)
    spent = time.perf_counter() - t0
    mouse("mouseReleased", x + 4 * steps, clickCount=1, buttons=0)
    time.sleep(0.5)
    return spent / steps * 1000


def render_before(code: Path, n: int, layout: str, renderer: str, aggregate, out: Path) -> float:
    """Render a page with the graphtool package in ``code`` (an older revision); returns render seconds."""
    args = [
        sys.executable,
        "-c",
        RENDER_BEFORE,
        str(code),
        str(ROOT),
        str(n),
        layout,
        renderer,
        str(aggregate),
        str(out),
    ]
    return float(subprocess.run(args, check=True, capture_output=True, text=True).stdout.strip())


def synthetic_graph(n: int, seed: int = 5):
    """About ``n`` nodes: 40% communities, 40% projects, 8% partner towns, programmes, donors."""
    import networkx as nx

    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    n_comm, n_proj, n_town = int(n * 0.4), int(n * 0.4), int(n * 0.08)
    n_prog = max(2, int(n * 0.1))
    n_donor = max(1, n - n_comm - n_proj - n_town - n_prog)
    ev = [{"document": "synth.txt", "sentence": "Проєкт фінансує донор у громаді. " * 6, "start": 0, "end": 10}]
    for i in range(n_comm):
        g.add_node(f"c{i}", type="Community", label=f"Громада {i}", lat=45.6 + rng.random() * 6.0,
                   lon=23.5 + rng.random() * 15.5, documents=["synth.txt"])  # fmt: skip
    for i in range(n_town):
        g.add_node(f"t{i}", type="PartnerCity", label=f"Місто {i}", lat=40 + rng.random() * 20,
                   lon=-10 + rng.random() * 30, documents=[])  # fmt: skip
        g.add_edge(f"c{rng.randrange(n_comm)}", f"t{i}", key="partnerOf", relation="partnerOf", evidence=ev)
    for i in range(n_donor):
        g.add_node(f"d{i}", type="Donor", label=f"Донор {i}", documents=[])
    for i in range(n_prog):
        g.add_node(f"p{i}", type="Program", label=f"Програма {i}", documents=[])
        g.add_edge(f"d{rng.randrange(n_donor)}", f"p{i}", key="funds", relation="funds", evidence=ev)
    for i in range(n_proj):
        g.add_node(f"j{i}", type="Project", label=f"Проєкт {i}", documents=[])
        g.add_edge(f"j{i}", f"p{rng.randrange(n_prog)}", key="partOf", relation="partOf", evidence=ev)
        for _ in range(1 + (i % 3 == 0)):
            g.add_edge(f"j{i}", f"c{rng.randrange(n_comm)}", key="locatedIn", relation="locatedIn", evidence=ev)
    return g


def measure(
    sizes: list[int],
    work: Path,
    renderers=("vis", "webgl"),
    layouts=("force", "geo"),
    before: tuple[str, Path] | None = None,
    before_renderers=("webgl",),
) -> list[dict]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from graphtool.maps import render_map

    profile = tempfile.mkdtemp(prefix="graphtool-bench-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = next(p for p in map(shutil.which, ("chromium", "chromium-browser")) if p)
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.set_page_load_timeout(300)
    driver.set_script_timeout(300)
    rows = []
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                               {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})  # fmt: skip
        for n in sizes:
            g = synthetic_graph(n)
            variants = [("force", "vis", None), ("force", "webgl", None), ("geo", "vis", False), ("geo", "vis", True),
                        ("geo", "webgl", None)]  # fmt: skip
            variants = [v for v in variants if v[0] in layouts and v[1] in renderers]
            runs = [(v, None) for v in variants]
            if before:  # the older version right after the current one, same page kind
                runs = [r for v in variants for r in [(v, None)] + ([(v, before)] if v[1] in before_renderers else [])]
            for (layout, renderer, aggregate), version in runs:
                name = renderer + (" + oblasts" if aggregate else "") + (f" (before: {version[0]})" if version else "")
                if renderer == "vis" and n > 6000 and layout == "force":
                    if not version:
                        rows.append({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "layout": layout,
                                     "renderer": name, "note": "not run: 13,865 nodes took 35 s, 813 ms/redraw"})  # fmt: skip
                    continue
                page = work / f"map_{n}_{layout}_{renderer}_{aggregate}_{'before' if version else 'now'}.html"
                if version:
                    generate = render_before(version[1], n, layout, renderer, aggregate, page)
                else:
                    t0 = time.perf_counter()
                    html = render_map(g, layout=layout, renderer=renderer, aggregate=aggregate)
                    generate = time.perf_counter() - t0
                    page.write_text(html, encoding="utf-8")
                html_mb = page.stat().st_size / 1e6
                t0 = time.perf_counter()
                driver.get(page.resolve().as_uri())
                while not driver.execute_script("return window.graphtoolReady === true"):
                    time.sleep(0.05)
                ready = time.perf_counter() - t0
                while not driver.execute_script("return window.graphtoolStable === true"):
                    time.sleep(0.1)
                    if time.perf_counter() - t0 > 120:
                        break
                settled = time.perf_counter() - t0
                driver.execute_script("if (window.graphtoolView) window.graphtoolView.setPhysics(false)")
                time.sleep(2)  # let the page finish what it does after loading (garbage collection, idle work)
                pan = driver.execute_async_script(PAN)
                redraw = driver.execute_script(REDRAW)
                step = drag(driver)
                rows.append({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "layout": layout,
                             "renderer": name, "generate_s": round(generate, 2), "html_mb": round(html_mb, 1),
                             "ready_s": round(ready, 2), "settled_s": round(settled, 1), "redraw_ms": round(redraw, 1),
                             "pan_frame_ms": round(pan, 1), "drag_step_ms": round(step, 1)})  # fmt: skip
                print(rows[-1], flush=True)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return rows


def table(rows: list[dict]) -> str:
    head = ("| nodes | edges | layout | renderer | generate s | HTML MB | first draw s | settled s | redraw ms "
            "| pan frame ms | drag step ms |")  # fmt: skip
    lines = [head, "|" + "---|" * 11]
    for r in rows:
        if "note" in r:
            lines.append(f"| {r['nodes']:,} | {r['edges']:,} | {r['layout']} | {r['renderer']} | {r['note']} |||||||")
            continue
        lines.append(
            f"| {r['nodes']:,} | {r['edges']:,} | {r['layout']} | {r['renderer']} | {r['generate_s']} | {r['html_mb']} | "
            f"{r['ready_s']} | {r['settled_s']} | {r['redraw_ms']} | {r['pan_frame_ms']} | {r.get('drag_step_ms', '–')} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "MAPS_BROWSER.md")
    parser.add_argument("--renderers", default="vis,webgl", help="comma-separated: vis, webgl")
    parser.add_argument("--layouts", default="force,geo", help="comma-separated: force, geo")
    parser.add_argument("--before", metavar="REV", help="also measure the graphtool package of this git revision")
    parser.add_argument("--before-renderers", default="webgl", help="the renderers measured --before too")
    args = parser.parse_args()
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        before = None
        if args.before:
            code = Path(tmp) / "before"
            code.mkdir()
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.before, "graphtool"], check=True,
                                     capture_output=True).stdout  # fmt: skip
            subprocess.run(["tar", "-x", "-C", str(code)], input=archive, check=True)
            rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.before], check=True,
                                 capture_output=True, text=True).stdout.strip()  # fmt: skip
            before = (rev, code)
        rows = measure([int(s) for s in args.sizes.split(",")], Path(tmp), args.renderers.split(","),
                       args.layouts.split(","), before, args.before_renderers.split(","))  # fmt: skip
    text = (
        "# Maps in the browser\n\nGenerated by `python -m bench.map_browser` (see its docstring for what each column "
        "means). Headless Debian Chromium, software rendering (SwiftShader for WebGL, no GPU), 2-core machine shared "
        f"with other work (load average {load[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end): single runs "
        "vary by ±30%. `vis + oblasts`: a geo map with each oblast's communities and projects gathered into one "
        "node (what `graphtool map --layout geo` does above 1,500 nodes)."
        + (
            f" `(before: {before[0]})`: the same page rendered by revision {before[0]}, measured right after the "
            "current one."
            if before
            else ""
        )
        + f"\n\nCommand: `python -m bench.map_browser {' '.join(sys.argv[1:])}`\n\n"
        + table(rows)
    )
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
