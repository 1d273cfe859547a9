"""Builds at corpus scale (issue 15): parallel workers, only what changed, bulk loading, Dask."""

from __future__ import annotations

import multiprocessing
import time

import pytest
from click.testing import CliRunner

import loaders
from graphtool.build import build
from graphtool.cli import main
from graphtool.parallel import default_jobs
from graphtool.store import GraphStore
from tests import fakeloader

TIME = "http://www.w3.org/ns/prov#generatedAtTime"


@pytest.fixture
def fake_loaders(monkeypatch):
    monkeypatch.setattr(loaders, "LOADERS", {"fake": "tests.fakeloader"})
    monkeypatch.setattr(fakeloader.LOADER, "fail_after", None)


@pytest.fixture
def corpus(tmp_path):
    """Twenty documents in two folders, some sharing a base name."""
    root = tmp_path / "corpus"
    for n in range(20):
        folder = root / ("east" if n % 2 else "west")
        folder.mkdir(parents=True, exist_ok=True)
        lines = [f"D{n % 5} funds P{n}x{k} in city{(n + k) % 7}\n" for k in range(1 + n % 4)]
        (folder / f"doc{n // 2:02d}.fake").write_text("".join(lines), encoding="utf-8")
    return root


def quads_without_time(store: GraphStore) -> set[str]:
    """Every document quad as text, the generation timestamps left out."""
    return {str(q) for q in store.quads() if q.predicate.value != TIME}


def test_default_jobs_is_the_cores_this_process_may_use():
    import os

    assert 1 <= default_jobs() <= (os.cpu_count() or 1)
    assert default_jobs() == len(os.sched_getaffinity(0))


def test_jobs_1_and_2_write_the_same_quads_in_input_order(fake_loaders, corpus, tmp_path):
    one, two = GraphStore(tmp_path / "one"), GraphStore(tmp_path / "two")
    first = build([corpus], one, jobs=1)
    second = build([corpus], two, jobs=2)
    assert first.ok and second.ok, (first.errors, second.errors)
    assert first.documents == second.documents == 20
    assert second.loaded == first.loaded  # input order, whichever worker finished first
    assert second.triples == first.triples
    assert quads_without_time(one) == quads_without_time(two)
    assert second.jobs == 2 and len(second.peak_rss) == 2 and all(v > 10 * 2**20 for v in second.peak_rss.values())
    assert not multiprocessing.active_children()  # the workers ended with the build


@pytest.fixture
def slow_and_crashing(fake_loaders, monkeypatch):
    import os

    real = fakeloader.FakeLoader.load

    def load(self, path):
        text = path.read_text(encoding="utf-8")
        if "SLOW" in text:
            time.sleep(60)
        if "CRASH" in text:
            os.abort()
        return real(self, path)

    monkeypatch.setattr(fakeloader.FakeLoader, "load", load)


def test_a_slow_or_crashing_document_costs_its_own_slot_at_jobs_2(slow_and_crashing, corpus, tmp_path):
    (corpus / "west" / "slow.fake").write_text("SLOW\n", encoding="utf-8")
    (corpus / "east" / "crash.fake").write_text("CRASH\n", encoding="utf-8")
    (corpus / "east" / "bad.fake").write_text("not a sentence\n", encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(
        main, ["build", str(corpus), "--jobs", "2", "--doc-timeout", "3", "--store", str(tmp_path / "s")]
    )
    assert time.monotonic() - started < 40
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "slow.fake: not read within the time budget of 3 s" in result.stderr
    assert "crash.fake: the reader process died (killed by SIGABRT)" in result.stderr
    assert "bad.fake: line 1: cannot read 'not a sentence'" in result.stderr
    assert "20 documents" in result.stderr and "3 failed" in result.stderr
    assert not multiprocessing.active_children()


def test_verbose_build_reports_speed_slowest_document_and_worker_memory(fake_loaders, corpus, tmp_path):
    result = CliRunner().invoke(main, ["build", str(corpus), "-j", "2", "-v", "--store", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert "documents/s with 2 worker(s); slowest: " in result.stderr
    workers = [line for line in result.stderr.splitlines() if line.startswith("worker ") and "peak RSS" in line]
    assert len(workers) == 2, result.stderr


def test_jobs_must_be_positive(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--jobs", "0", "--store", str(tmp_path / "s")])
    assert result.exit_code == 2 and "--jobs" in result.output and "Traceback" not in result.output
