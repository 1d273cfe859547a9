"""Builds at corpus scale (issue 15): parallel workers, only what changed, bulk loading, Dask."""

from __future__ import annotations

import multiprocessing
import sys
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


def test_a_slow_or_crashing_document_costs_its_own_slot_at_jobs_2(misbehaving_loader, corpus, tmp_path):
    (corpus / "west" / "slow.fake").write_text("SLOW\n", encoding="utf-8")
    (corpus / "east" / "crash.fake").write_text("CRASH\n", encoding="utf-8")
    (corpus / "east" / "bad.fake").write_text("not a sentence\n", encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(
        main, ["build", str(corpus), "--jobs", "2", "--doc-timeout", "3", "--store", str(tmp_path / "s")]
    )
    assert time.monotonic() - started < 300  # the slow document sleeps 600 s; a loaded machine may take minutes
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


# ---------------------------------------------------------------- only what changed


def test_unchanged_documents_are_not_read_again_and_a_touched_one_is(fake_loaders, corpus, tmp_path):
    store = GraphStore(tmp_path / "s")
    first = build([corpus], store, jobs=2)
    before = quads_without_time(store)
    again = build([corpus], store, jobs=2)
    assert again.ok and again.documents == 0 and again.unchanged == 20
    assert "20 unchanged (not read again; --force reads them)" in again.summary()
    assert quads_without_time(store) == before
    touched = corpus / "east" / "doc03.fake"
    touched.write_text("GIZ funds Bridge in city1\n", encoding="utf-8")
    third = build([corpus], store, jobs=2)
    assert third.loaded == ["east/doc03.fake"] and third.unchanged == 19
    forced = build([corpus], store, jobs=2, force=True)
    assert forced.documents == 20 and forced.unchanged == 0
    assert first.documents == 20


def test_a_new_loader_version_reads_every_document_again(fake_loaders, corpus, tmp_path, monkeypatch):
    store = GraphStore(tmp_path / "s")
    build([corpus], store, jobs=1)
    monkeypatch.setattr(fakeloader.FakeLoader, "version", "0.2")
    again = build([corpus], store, jobs=1)
    assert again.documents == 20 and again.unchanged == 0
    assert {d["loader_version"].split("+")[0] for d in store.documents()} == {"0.2"}


def test_loader_version_follows_the_loader_code_and_its_data(tmp_path, monkeypatch):
    import importlib
    import sys

    from graphtool import fingerprint

    module = tmp_path / "edited_loader.py"
    module.write_text("class L:\n    name = 'edited'\n    version = '1.0'\n\nLOADER = L()\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(loaders, "LOADERS", {"edited": "edited_loader"})
    importlib.import_module("edited_loader")
    fingerprint._digest.cache_clear()
    first = fingerprint.loader_version("edited")
    assert first.startswith("1.0+") and len(first) == len("1.0+") + 12
    assert fingerprint.loader_version("edited") == first  # computed once, the same answer
    module.write_text(module.read_text(encoding="utf-8") + "# a rule changed\n", encoding="utf-8")
    fingerprint._digest.cache_clear()
    assert fingerprint.loader_version("edited") != first  # the code changed: so did the version
    fingerprint._digest.cache_clear()
    narrative = fingerprint.loader_version("narrative") if "narrative" in loaders.LOADERS else None
    monkeypatch.setattr(fingerprint, "REFERENCE_PACKAGES", (*fingerprint.REFERENCE_PACKAGES, "a-new-gazetteer"))
    fingerprint._digest.cache_clear()
    assert fingerprint.loader_version("edited") not in (first, narrative)  # reference data packages count too
    fingerprint._digest.cache_clear()
    del sys.modules["edited_loader"]


def test_prune_removes_the_graphs_of_files_that_disappeared_under_the_given_roots(fake_loaders, corpus, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "kept.fake").write_text("EU funds Road in lviv\n", encoding="utf-8")
    store_path = tmp_path / "s"
    run = CliRunner().invoke
    assert run(main, ["build", str(corpus), str(other), "-j", "2", "--store", str(store_path)]).exit_code == 0
    (corpus / "west" / "doc00.fake").unlink()
    (other / "kept.fake").unlink()  # gone, but not under the root built now: left alone
    without = run(main, ["build", str(corpus), "--store", str(store_path)])
    assert without.exit_code == 0 and "removed" not in without.stderr  # no --prune: nothing removed
    pruned = run(main, ["build", str(corpus), "--prune", "--store", str(store_path)])
    assert pruned.exit_code == 0, pruned.output
    assert "19 unchanged" in pruned.stderr and "1 removed (their files are gone)" in pruned.stderr
    names = {d["file_name"] for d in GraphStore(store_path, read_only=True).documents()}
    assert "west/doc00.fake" not in names and "kept.fake" in names and len(names) == 20


def test_documents_of_an_unfinished_bulk_load_are_read_again(fake_loaders, corpus, tmp_path):
    from graphtool.manifest import BuildManifest

    store = GraphStore(tmp_path / "s")
    build([corpus], store, jobs=1)
    doc = next(d for d in store.documents() if d["file_name"] == "east/doc01.fake")
    BuildManifest.of(store).mark_pending([(doc["iri"], corpus / "east" / "doc01.fake")])
    again = build([corpus], store, jobs=1)
    assert again.loaded == ["east/doc01.fake"] and again.unchanged == 19
    assert not BuildManifest.of(store).pending()


# ---------------------------------------------------------------- bulk loading


def every_quad_without_time(store: GraphStore) -> set[str]:
    """All quads of the store, the union index (default graph) included (the ontology graph left out: its
    blank nodes are new on each load)."""
    from graphtool.store import ONTOLOGY_GRAPH

    return {
        str(q)
        for q in store.oxigraph
        if q.predicate.value != TIME and getattr(q.graph_name, "value", None) != ONTOLOGY_GRAPH
    }


def test_bulk_load_writes_the_same_store_as_one_transaction_per_document(fake_loaders, corpus, tmp_path):
    one, bulk = GraphStore(tmp_path / "one"), GraphStore(tmp_path / "bulk")
    a = build([corpus], one, jobs=2, bulk=False)
    b = build([corpus], bulk, jobs=2, bulk=True)
    assert not a.bulk and b.bulk and "(bulk-loaded)" in b.summary()
    assert a.ok and b.ok and b.documents == a.documents == 20 and b.triples == a.triples
    assert every_quad_without_time(one) == every_quad_without_time(bulk)
    assert not list((tmp_path / "bulk").glob("graphtool-bulk-*"))  # the N-Quads file is gone


def test_bulk_load_replaces_whole_documents_and_keeps_the_graph_of_one_that_fails(fake_loaders, corpus, tmp_path):
    from graphtool.manifest import BuildManifest

    bulk, reference = GraphStore(tmp_path / "bulk"), GraphStore(tmp_path / "ref")
    for store in (bulk, reference):
        build([corpus], store, jobs=1, bulk=False)
    before = every_quad_without_time(bulk)
    (corpus / "east" / "doc02.fake").write_text("UNDP funds School in city3\n", encoding="utf-8")
    (corpus / "west" / "doc04.fake").write_text("cannot be read now\n", encoding="utf-8")
    again = build([corpus], bulk, jobs=2, bulk=True)
    assert again.bulk and again.loaded == ["east/doc02.fake"] and again.unchanged == 18
    assert len(again.errors) == 1 and "west/doc04.fake" in again.errors[0]
    assert not BuildManifest.of(bulk).pending()
    one_by_one = build([corpus], reference, jobs=1, bulk=False)
    assert one_by_one.loaded == again.loaded and not one_by_one.bulk
    after = every_quad_without_time(bulk)
    assert after == every_quad_without_time(reference)  # the same replacement as one transaction per document
    assert any("P8x0" in q for q in after) and not any("P5x" in q for q in after - before)  # doc04 kept its graph
    assert any("School" in q for q in after) and not any("School" in q for q in before)


def test_bulk_is_chosen_for_a_fresh_store_or_a_large_batch():
    from graphtool.bulk import wants_bulk

    assert wants_bulk(200, 0) and not wants_bulk(199, 0)
    assert not wants_bulk(999, 5) and wants_bulk(1000, 5)


# ---------------------------------------------------------------- Dask


def _need_distributed() -> None:
    """Skip without dask.distributed, except in CI (CI=true), where the test extra must have installed it."""
    import os

    try:
        import distributed  # noqa: F401
    except ImportError:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("dask.distributed is missing in CI: pip install -e '.[test]' installs it (pyproject.toml)")
        pytest.skip("dask.distributed is not installed (pip install 'graphtool[dask]')")


def test_the_test_extra_installs_dask_so_ci_runs_the_cluster_tests():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    extras = project["project"]["optional-dependencies"]
    for extra in ("test", "dask"):
        assert any(req.replace(" ", "").startswith("dask[distributed]") for req in extras[extra]), extra


@pytest.fixture(scope="module")
def examples_twice(tmp_path_factory):
    """The repository's example documents (prose, a plan table, Markdown) in two folders: six documents."""
    import shutil
    from pathlib import Path

    examples = Path(__file__).resolve().parent.parent / "examples"
    root = tmp_path_factory.mktemp("examples")
    for n in range(2):
        shutil.copytree(examples, root / f"copy{n}")
    return root


def test_jobs_1_jobs_2_and_a_dask_local_cluster_write_identical_stores(examples_twice, tmp_path, monkeypatch):
    _need_distributed()
    from graphtool import cluster

    monkeypatch.setattr(cluster, "SHARD_DOCUMENTS", 2)  # three shards over the two workers
    stores = {}
    for label, options in {"one": {"jobs": 1}, "two": {"jobs": 2}, "dask": {"cluster": "local", "jobs": 2}}.items():
        stores[label] = GraphStore(tmp_path / label)
        report = build([examples_twice], stores[label], **options)
        assert report.ok and report.documents == 6, (label, report.errors)
    assert report.bulk and report.jobs == 2 and len(report.peak_rss) == 2  # two Dask worker processes
    reference = every_quad_without_time(stores["one"])
    assert len(reference) > 1000
    assert every_quad_without_time(stores["two"]) == reference
    assert every_quad_without_time(stores["dask"]) == reference


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path):
    _need_distributed()
    (tmp_path / "a.txt").write_text("Київ\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["build", str(tmp_path / "a.txt"), "--cluster", "tcp://127.0.0.1:9", "--store", str(tmp_path / "s")]
    )
    assert result.exit_code == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert "Traceback" not in result.output


def test_the_terminal_progress_bar_shows_speed_and_the_slowest_document(monkeypatch):
    from graphtool.cli.store import _Speed

    speed = _Speed()
    assert speed.show(None) is None  # nothing read yet
    monkeypatch.setattr(speed, "start", speed.start - 2.0)
    speed.timed("a.txt", 0.5)
    speed.timed("b.txt", 1.5)
    speed.timed("c.txt", 0.2)
    shown = speed.show("c.txt")
    assert shown.endswith("documents/s, slowest b.txt (1.5 s)") and 1.0 <= float(shown.split()[0]) <= 1.6


def test_a_worker_out_of_memory_is_retired_and_the_next_documents_load(fake_loaders, corpus, tmp_path, monkeypatch):
    real = fakeloader.FakeLoader.load

    def load(self, path):
        if "HOG" in path.read_text(encoding="utf-8"):
            hog = bytearray(3 * 1024**3)  # over the budget below
            hog[-1] = 1
        return real(self, path)

    monkeypatch.setattr(fakeloader.FakeLoader, "load", load)
    (corpus / "east" / "doc00.fake").write_text("HOG\n", encoding="utf-8")  # the first document read
    result = CliRunner().invoke(
        main, ["build", str(corpus), "-j", "1", "--doc-memory-mb", "300", "--store", str(tmp_path / "s")]
    )
    assert result.exit_code == 1 and "east/doc00.fake: needs more than the memory budget of 300 MB" in result.stderr
    assert "19 documents" in result.stderr and "1 failed" in result.stderr  # the worker after it read them all


def test_bulk_load_in_background_chunks_writes_the_same_store(fake_loaders, corpus, tmp_path, monkeypatch):
    from graphtool import bulk

    monkeypatch.setattr(bulk, "CHUNK_BYTES", 2000)  # a chunk every few documents, loaded while others are read
    one, chunked = GraphStore(tmp_path / "one"), GraphStore(tmp_path / "chunked")
    build([corpus], one, jobs=1, bulk=False)
    build([corpus], chunked, jobs=1, bulk=False)
    for n in (1, 4, 9):
        (corpus / "east" / f"doc{n:02d}.fake").write_text(f"EBRD funds Tram{n} in city{n}\n", encoding="utf-8")
    a = build([corpus], one, jobs=2, bulk=False)
    b = build([corpus], chunked, jobs=2, bulk=True)
    assert b.bulk and b.loaded == a.loaded == ["east/doc01.fake", "east/doc04.fake", "east/doc09.fake"]
    assert every_quad_without_time(chunked) == every_quad_without_time(one)
    fresh = GraphStore(tmp_path / "fresh")
    assert build([corpus], fresh, jobs=2, bulk=True).documents == 20
    assert every_quad_without_time(fresh) == every_quad_without_time(one)
    assert not list((tmp_path / "chunked").glob("graphtool-bulk-*")) and not list(fresh.path.glob("graphtool-bulk-*"))


def test_warm_up_reads_only_small_plain_text_samples(monkeypatch, tmp_path):
    from graphtool import parallel
    from graphtool.parallel import Task
    from tests.fakeloader import FakeLoader

    seen = []
    monkeypatch.setattr(FakeLoader, "extract_text", lambda self, text, name="<text>": seen.append(name), raising=False)
    monkeypatch.setattr(FakeLoader, "extensions", (".fake", ".txt", ".pdf"))
    monkeypatch.setattr(loaders, "LOADERS", {"fake": "tests.fakeloader"})
    small, large, binary, pdf = (tmp_path / n for n in ("small.txt", "large.txt", "binary.txt", "doc.pdf"))
    small.write_text("GIZ funds Park in lutsk\n", encoding="utf-8")
    large.write_text("x" * (parallel.WARM_DOCUMENT_BYTES + 1), encoding="utf-8")
    binary.write_bytes(b"\xff\xfe\x00bad")
    pdf.write_bytes(b"%PDF-1.4")
    samples = [Task(p, p.name, "0" * 64) for p in (large, binary, pdf, small)]
    done = parallel.warm_up(["fake"], samples)
    assert seen == ["<text>"]  # the reference data
    assert list(done) == [samples[3]]  # then the one small UTF-8 text, read for real and kept
    assert done[samples[3]].name == "small.txt" and done[samples[3]].count > 0


def test_documents_read_while_warming_up_are_written_once_in_input_order(fake_loaders, tmp_path, monkeypatch):
    """At --jobs 2 the build process reads the first small texts itself; the store and the order are --jobs 1's."""
    import os

    from tests.fakeloader import FakeLoader

    monkeypatch.setattr(FakeLoader, "extensions", (".fake", ".txt"))
    monkeypatch.setattr(FakeLoader, "extract_text", lambda self, text, name="<text>": None, raising=False)
    log = tmp_path / "reads.log"
    real = FakeLoader.load

    def load(self, path):
        with open(log, "a", encoding="utf-8") as fh:  # forked workers append too
            fh.write(f"{os.getpid()} {path.name}\n")
        return real(self, path)

    monkeypatch.setattr(FakeLoader, "load", load)
    root = tmp_path / "corpus"
    root.mkdir()
    for n in range(40):  # 40 >= 16 per worker: the warm-up reads samples
        suffix = ".fake" if n % 5 == 4 else ".txt"  # only the plain texts are warm-up samples
        (root / f"d{n:02d}{suffix}").write_text(f"D{n % 3} funds P{n} in city{n % 7}\n", encoding="utf-8")
    stores = GraphStore(tmp_path / "one"), GraphStore(tmp_path / "two")
    one = build([root], stores[0], jobs=1)
    log.unlink()
    two = build([root], stores[1], jobs=2)
    reads = log.read_text(encoding="utf-8").split()
    readers = {pid: [] for pid in reads[0::2]}
    for pid, name in zip(reads[0::2], reads[1::2], strict=True):
        readers[pid].append(name)
    assert sorted(reads[1::2]) == sorted(one.loaded)  # every document read exactly once
    assert readers[str(os.getpid())][:2] == ["d00.txt", "d01.txt"]  # the build process read the first texts
    assert len(readers) == 3  # and two workers the rest
    assert two.ok and two.loaded == one.loaded and two.triples == one.triples
    assert every_quad_without_time(stores[1]) == every_quad_without_time(stores[0])


_POOL_SCRIPT = """
import sys, time
from graphtool.parallel import ExtractionPool
from loaders.limits import Limits
pool = ExtractionPool(2, Limits())
for slot in pool._slots:
    pool._start(slot)
print(" ".join(str(slot.proc.pid) for slot in pool._slots), flush=True)
time.sleep(120)
"""


def _stat(pid: int) -> list[str] | None:
    from pathlib import Path

    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_each_worker_has_a_session_of_its_own_and_dies_with_the_build():
    """Autogroups share CPU among sessions, so each worker leads its own; killed -9, the build takes them along."""
    import signal
    import subprocess

    proc = subprocess.Popen([sys.executable, "-c", _POOL_SCRIPT], stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(p) for p in proc.stdout.readline().split()]
        assert len(pids) == 2
        for pid in pids:  # the worker calls setsid() as it starts: give a loaded machine time to run it
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                _state, parent, _group, session = _stat(pid)[:4]
                if int(session) == pid:
                    break
                time.sleep(0.05)
            assert (int(parent), int(session)) == (proc.pid, pid)
        assert _stat(proc.pid)[3] != str(pids[0])  # the build stays in its own session
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    deadline = time.monotonic() + 30  # generous: a loaded machine schedules the children late
    while time.monotonic() < deadline:
        alive = [pid for pid in pids if (_stat(pid) or ["Z"])[0] != "Z"]
        if not alive:
            break
        time.sleep(0.1)
    assert not alive, "a worker outlived its killed build"


def test_chunks_load_two_at_a_time_and_a_chunk_replacing_documents_loads_alone(
    fake_loaders, corpus, tmp_path, monkeypatch
):
    import threading

    from graphtool import bulk

    monkeypatch.setattr(bulk, "CHUNK_BYTES", 2000)  # a chunk every few documents
    real = bulk.BulkLoad._load
    lock, running, seen = threading.Lock(), [0], []  # (loads running when this one started, it replaces)

    def load(self, path, chunk):
        with lock:
            seen.append((running[0], any(iri in self.stored_iris for iri, _ in chunk)))
            running[0] += 1
        try:
            time.sleep(0.2)  # long enough for the next chunk to be closed meanwhile
            real(self, path, chunk)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(bulk.BulkLoad, "_load", load)
    store, one = GraphStore(tmp_path / "s"), GraphStore(tmp_path / "one")
    build([corpus], one, jobs=1, bulk=False)
    assert build([corpus], store, jobs=1, bulk=True).documents == 20
    assert len(seen) >= 3 and max(n for n, _ in seen) == bulk.LOADS_AT_ONCE - 1  # side by side, never more
    assert every_quad_without_time(store) == every_quad_without_time(one)
    seen.clear()
    for n in (1, 4, 9):
        (corpus / "east" / f"doc{n:02d}.fake").write_text(f"EBRD funds Tram{n} in city{n}\n", encoding="utf-8")
    build([corpus], one, jobs=1, bulk=False)
    assert build([corpus], store, jobs=1, bulk=True, force=True).documents == 20
    assert any(replaces for _, replaces in seen) and all(n == 0 for n, replaces in seen if replaces)
    assert every_quad_without_time(store) == every_quad_without_time(one)
    assert not list(store.path.glob("graphtool-bulk-*"))
