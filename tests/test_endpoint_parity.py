"""report, map and analyze give the same results on the embedded store and on an Oxigraph server (issue 16).

Both readers hold the shared test graph; each is wrapped so the test sees every question it is asked.
Every question is the text of a ``queries/internal/*.rq`` file, both readers are asked the same ones in
the same order, and every output (each report kind in every text format, the map page, the analysis,
and the commands with ``--store`` and with ``--endpoint``) is the same. Skips cleanly without the
``oxigraph`` binary (tests/remote_helpers.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner

from graphtool.reader import INTERNAL, question
from graphtool.remote import RemoteStore
from tests.remote_helpers import mirrored_server

# first line -> file name: a question about many entities carries their VALUES block in its text
QUESTIONS = {question(p.stem).splitlines()[0]: p.stem for p in INTERNAL.glob("*.rq")}
REPORTS = [("community", "Житомир"), ("community", "Житомирська область"), ("donor", "GIZ"), ("donor", "USAID"),
           ("program", "DOBRE"), ("program", "U-LEAD з Європою"), ("partnerships", None),
           ("partnerships", "Житомирська область"), ("3w", None)]  # fmt: skip


class Recorder:
    """A reader that writes down which ``queries/internal`` file each question is (or the text, if none)."""

    def __init__(self, reader) -> None:
        self.reader, self.asked = reader, []

    def select(self, query, bindings=None):
        name = QUESTIONS.get(query.splitlines()[0], query)
        values = "" if name == query or query == question(name) else query  # the many values bound in the text
        self.asked.append((name, sorted((bindings or {}).items()), values))
        return self.reader.select(query, bindings)


@pytest.fixture(scope="module")
def readers(tmp_path_factory):
    """(embedded store, the same graphs on an Oxigraph server, the server's query URL, the store's folder)."""
    base = tmp_path_factory.mktemp("parity")
    with mirrored_server(base) as (local, server, _report):
        yield local, RemoteStore(server.query_url), server.query_url, base / "local"


def _same_questions(here: Recorder, there: Recorder) -> None:
    assert here.asked and here.asked == there.asked
    strays = {name for name, _bindings, _values in here.asked if name not in QUESTIONS.values()}
    assert strays == set(), "every question is a queries/internal/*.rq file"


@pytest.mark.parametrize(("kind", "name"), REPORTS)
def test_report_is_the_same_from_the_same_questions(readers, kind, name):
    from graphtool.report import build_report, render_html, render_report

    local, remote, _url, _path = readers
    here, there = Recorder(local), Recorder(remote)
    a, b = build_report(here, kind, name), build_report(there, kind, name)
    _same_questions(here, there)
    assert any(a.groups.values())
    for fmt in ("md", "csv", "json"):
        assert render_report(a, fmt) == render_report(b, fmt), fmt
    made = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert render_html(a, made=made) == render_html(b, made=made)


@pytest.mark.parametrize("focus", [{}, {"donor": "USAID"}, {"community": "Житомир"}, {"oblast": "Житомирська область"}])
def test_map_is_the_same_from_the_same_questions(readers, tmp_path, focus):
    from graphtool.maps import write_map

    local, remote, _url, _path = readers
    here, there = Recorder(local), Recorder(remote)
    a = write_map(here, tmp_path / "local.html", **focus)
    b = write_map(there, tmp_path / "remote.html", **focus)
    _same_questions(here, there)
    assert (a.nodes, a.edges) == (b.nodes, b.edges) and a.nodes > 0
    assert (tmp_path / "local.html").read_text(encoding="utf-8") == (tmp_path / "remote.html").read_text(
        encoding="utf-8"
    )


def test_analysis_is_the_same_from_the_same_questions(readers):
    from graphtool.network import DEFAULT_TYPES, analyze_network, load_network, render_analysis

    local, remote, _url, _path = readers
    here, there = Recorder(local), Recorder(remote)
    a = analyze_network(load_network(here, DEFAULT_TYPES))
    b = analyze_network(load_network(there, DEFAULT_TYPES))
    _same_questions(here, there)
    assert a == b and a["nodes"] > 0 and a["central_donors"]
    assert render_analysis(a) == render_analysis(b)


@pytest.mark.parametrize(
    "args",
    [["report", "community", "Житомир", "--format", "json"], ["report", "3w", "--format", "csv"],
     ["analyze", "--format", "json"], ["map", "--donor", "USAID"]],
)  # fmt: skip
def test_commands_give_the_same_output_with_store_and_endpoint(readers, tmp_path, args):
    from graphtool.cli import main

    _local, _remote, url, path = readers
    outputs = []
    for where in (["--store", str(path)], ["--endpoint", url]):
        extra = ["-o", str(tmp_path / f"map{len(outputs)}.html")] if args[0] == "map" else []
        result = CliRunner().invoke(main, [*args, *where, *extra])
        assert result.exit_code == 0, result.output
        page = (tmp_path / f"map{len(outputs)}.html").read_text(encoding="utf-8") if extra else ""
        text = result.output.replace(str(path), "STORE").replace(url, "STORE")
        if extra:  # "wrote FILE: 6 nodes, 6 links in 0.2 s": the counts, not the file or the time
            text = re.search(r"\d+ nodes, \d+ links", text).group()
        outputs.append((text, page))
    assert outputs[0] == outputs[1]
    if args[0] == "analyze":
        assert json.loads(outputs[0][0])["nodes"] > 0
    elif args[0] == "map":
        assert "USAID" in outputs[0][1]
    else:
        assert "Житомир" in outputs[0][0]
