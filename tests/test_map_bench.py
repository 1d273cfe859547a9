"""bench/map_browser.py without a browser: its table and the rendering of pages by another revision."""

from __future__ import annotations

from pathlib import Path

from bench.map_browser import ROOT, render_before, synthetic_graph, table


def test_table_rows_have_every_column():
    rows = [
        {"nodes": 5000, "edges": 5566, "layout": "force", "renderer": "webgl", "generate_s": 0.5, "html_mb": 8.6,
         "ready_s": 1.1, "settled_s": 10.2, "redraw_ms": 0.4, "pan_frame_ms": 56.1, "drag_step_ms": 47.7},
        {"nodes": 20000, "edges": 22267, "layout": "force", "renderer": "vis", "note": "not run"},
    ]  # fmt: skip
    lines = table(rows).splitlines()
    assert lines[0].count("|") == lines[1].count("|") == lines[2].count("|") == lines[3].count("|") == 12
    assert lines[2].endswith("| 56.1 | 47.7 |") and "5,000" in lines[2]


def test_render_before_uses_the_given_package(tmp_path: Path):
    """The subprocess imports graphtool from the directory it is given (here: this checkout)."""
    out = tmp_path / "page.html"
    seconds = render_before(ROOT, 60, "force", "webgl", None, out)
    html = out.read_text(encoding="utf-8")
    assert seconds > 0 and "sigmaView" in html
    assert html.count('"gt_type"') == synthetic_graph(60).number_of_nodes()
