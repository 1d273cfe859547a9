"""One measurement in a fresh process, so peak memory belongs to that measurement alone.

``python -m bench.worker TASK SPEC.json OUT.json``: the worker rewrites OUT.json after every step,
so a run stopped by the orchestrator's time limit still reports what it finished.
Tasks: ``extract`` (narrative loader over a corpus folder), ``store`` (load an N-Quads file into
one store and time queries on it), ``maps`` (generate a map of N nodes).
"""

from __future__ import annotations

import json
import os
import resource
import signal
import statistics
import sys
import time
from pathlib import Path
from typing import Any


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far.

    ``VmHWM`` rather than ``getrusage``: Linux keeps ``ru_maxrss`` across ``exec``, so a worker
    would report its parent's peak.
    """
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return peak_rss_mb()


def dir_size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


class _Out:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: dict[str, Any] = {"status": "running"}

    def save(self, **updates: Any) -> None:
        self.data.update(updates)
        self.data["peak_rss_mb"] = round(peak_rss_mb(), 1)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.data, ensure_ascii=False, indent=1))
        tmp.replace(self.path)


# --------------------------------------------------------------------------- extraction


def task_extract(spec: dict, out: _Out) -> None:
    """Run the narrative loader over every ``.txt`` of a folder until done or out of budget."""
    started = time.perf_counter()
    import importlib

    module = spec.get("loader_module", "loaders.narrative")
    try:
        loader = importlib.import_module(module).LOADER
    except ImportError as exc:
        out.save(status="not available", reason=f"{module} not available yet ({exc})")
        return
    extract = getattr(loader, "extract_text", None)
    files = sorted(Path(spec["corpus"]).glob("*.txt"))
    base_rss = rss_mb()
    # start-up: reference data and gazetteers load on first use; timed apart from throughput
    t0 = time.perf_counter()
    warm = "За підтримки Європейського Союзу у Луцькій територіальній громаді реалізовано проєкт «Тест»."
    if extract is not None:
        extract(warm, "warmup.txt")
    else:
        warm_path = Path(spec["corpus"]) / "warmup.tmp.txt"
        warm_path.write_text(warm, encoding="utf-8")
        loader.load(warm_path)
        warm_path.unlink()
    startup = time.perf_counter() - t0
    out.save(startup_s=round(startup, 3), import_s=round(t0 - started, 3), rss_after_startup_mb=round(rss_mb(), 1))
    done_bytes = docs = entities = relations = 0
    wall = cpu = 0.0
    budget = spec.get("budget_s", 300)
    stopped = False
    for path in files:
        data = path.read_bytes()
        w0, c0 = time.perf_counter(), time.process_time()
        if extract is not None:
            ex = extract(data.decode("utf-8"), path.name)
        else:
            ex = loader.load(path)
        wall += time.perf_counter() - w0
        cpu += time.process_time() - c0
        done_bytes += len(data)
        docs += 1
        entities += len(ex.entities)
        relations += len(ex.relations)
        if wall > budget and docs < len(files):
            stopped = True
            break
    kb = done_bytes / 1024
    out.save(
        status="stopped" if stopped else "ok",
        reason=f"time budget {budget} s reached after {docs} of {len(files)} documents" if stopped else None,
        api="extract_text" if extract is not None else "load",
        documents=docs,
        documents_total=len(files),
        kb=round(kb, 1),
        wall_s=round(wall, 3),
        cpu_s=round(cpu, 3),
        kb_per_s=round(kb / wall, 1) if wall else None,
        kb_per_cpu_s=round(kb / cpu, 1) if cpu else None,
        docs_per_s=round(docs / wall, 2) if wall else None,
        entities=entities,
        relations=relations,
        base_rss_mb=round(base_rss, 1),
    )


# --------------------------------------------------------------------------- stores


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def _open_store(kind: str, spec: dict):
    """Load the N-Quads file; returns (opener, triples, path).

    ``opener()`` gives a ``run(text, bindings) -> row count`` function. The on-disk store is
    closed after loading and reopened read-only in each query process (RocksDB handles do not
    survive ``fork``); in-memory stores are inherited by the forked query process as they are.
    """
    nquads = spec["nquads"]
    if kind == "rdflib":
        from rdflib import Dataset

        from graphtool.store import PREFIXES

        ds = Dataset(default_union=True)
        ds.parse(nquads, format="nquads")
        quads = sum(len(g) for g in ds.graphs())  # len(ds) counts the union's distinct triples; count as Oxigraph does
        if spec.get("derived"):
            ds.parse(spec["derived"], format="nt")

        def run_rdflib(text: str, bindings: dict, substitute: bool = False) -> int:
            # bound as VALUES rows, as the embedded store and remote endpoints bind them: rdflib's
            # initBindings do not reach a parameter two sub-queries down
            from graphtool.remote import bind_values

            return len(list(ds.query(bind_values(text, bindings) if bindings else text, initNs=PREFIXES)))

        return (lambda: run_rdflib), quads, None
    from graphtool.store import GraphStore

    if kind == "oxigraph-dedup":
        return _open_dedup(nquads)
    path = Path(spec["store_path"]) if kind == "oxigraph-disk" else None
    loaded = GraphStore(path)
    loaded.bulk_load_nquads(nquads)
    loaded.flush()
    triples = len(loaded)
    if path is None:
        loaded.read_in_memory()  # queries read the default graph held alone (GraphStore.read_in_memory)

        def run_mem(text: str, bindings: dict, substitute: bool = False) -> int:
            return _rows(loaded, text, bindings, substitute)

        run_mem.reader = loaded  # type: ignore[attr-defined]  # for the report and map commands
        return (lambda: run_mem), triples, None
    loaded = None  # close the writer; query processes open the folder read-only

    def open_disk():
        reader = GraphStore(path, read_only=True)

        def run_disk(text: str, bindings: dict, substitute: bool = False) -> int:
            return _rows(reader, text, bindings, substitute)

        run_disk.reader = reader  # type: ignore[attr-defined]  # for the report and map commands
        return run_disk

    return open_disk, triples, path


def derived_nquads(nquads: str) -> str:
    """The derived graph (graphtool/derived.py) of an N-Quads file, as N-Triples beside it (computed once):
    what the embedded store writes at build time, given to the rdflib baseline so that both answer from
    the same data."""
    from pyoxigraph import NamedNode, RdfFormat

    from graphtool.derived import DERIVED_GRAPH
    from graphtool.store import GraphStore

    path = Path(f"{nquads}.derived.nt")
    if not path.exists() or path.stat().st_mtime < Path(nquads).stat().st_mtime:
        store = GraphStore(None)
        store.bulk_load_nquads(nquads)
        store.flush()
        store.oxigraph.dump(str(path) + ".tmp", RdfFormat.N_TRIPLES, from_graph=NamedNode(DERIVED_GRAPH))
        os.replace(str(path) + ".tmp", path)
    return str(path)


def _rows(store, text: str, bindings: dict, substitute: bool) -> int:
    """Rows of a SELECT on a ``GraphStore``; ``substitute`` binds with pyoxigraph ``substitutions``
    (how the store bound parameters before it wrote them as ``VALUES``), for before/after runs."""
    if not substitute or not bindings:
        return len(store.select(text, bindings).rows)
    from pyoxigraph import Variable

    from graphtool.store import PREFIXES, solutions_table, to_oxigraph

    subs = {Variable(k): to_oxigraph(v) for k, v in bindings.items()}
    result = store.oxigraph.query(
        text, use_default_graph_as_union=not store.default_graph_is_index, substitutions=subs, prefixes=PREFIXES
    )
    return len(solutions_table(result).rows)


def _die_with_parent() -> None:
    """Linux: the query process is killed when the worker dies (no orphan left running a query)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _open_dedup(nquads: str):
    """The fix under test: the union of the document graphs as one deduplicated default graph.

    An entity described in many documents has its type and labels once per document graph; over
    ``use_default_graph_as_union`` each copy joins again, so joins multiply with the number of
    documents. Queries here read a default graph holding each distinct triple once.
    """
    from pyoxigraph import DefaultGraph, Quad, QuerySolutions, RdfFormat, Store, Variable

    from graphtool.store import PREFIXES, to_oxigraph, to_rdflib

    docs = Store()
    docs.bulk_load(path=nquads, format=RdfFormat.N_QUADS)
    union = Store()
    union.bulk_extend(Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in docs)
    triples = len(union)
    del docs

    def run(text: str, bindings: dict, substitute: bool = False) -> int:
        subs = {Variable(k): to_oxigraph(v) for k, v in bindings.items()} or None
        result = union.query(text, substitutions=subs, prefixes=PREFIXES)
        assert isinstance(result, QuerySolutions)
        names = [v.value for v in result.variables]
        return len([[to_rdflib(sol[v]) for v in names] for sol in result])

    return (lambda: run), triples, None


def run_operation(reader, operation: list[str], scratch: str) -> int:
    """``graphtool report KIND NAME`` or ``graphtool map --KIND NAME`` through ``reader``, as the CLI runs
    them (the report rendered as HTML, the map written to ``scratch``); returns the links or nodes shown."""
    command, kind, argument = operation
    if command == "report":
        from graphtool.report import build_report, render_report

        report = build_report(reader, kind, argument or None)
        render_report(report, "html")
        return sum(len(links) for links in report.groups.values())
    from graphtool.maps import write_map

    focus = {kind: argument} if kind else {}
    return write_map(reader, scratch, **focus).nodes


def _child_runs(opener, q: dict, bindings: dict, spec: dict, fd: int) -> None:
    """In the forked process: run one query repeatedly, one JSON line per run on ``fd``.

    A query with an ``operation`` runs a whole report or map command on the store's reader instead; its
    first run builds the name index (what one CLI call pays), later runs reuse it (a serving worker)."""
    reps, budget = spec.get("reps", 15), spec.get("query_budget_s", 10.0)
    run = opener()
    if q.get("operation"):
        reader = getattr(run, "reader", None)
        if reader is None:
            raise NotImplementedError("report and map commands run on the embedded store only")
        import tempfile

        scratch = str(Path(tempfile.gettempdir()) / f"bench-map-{os.getpid()}.html")
        reps = spec.get("operation_reps", 5)

        def run(text: str, bindings: dict, substitute: bool = False) -> int:  # noqa: F811
            return run_operation(reader, q["operation"], scratch)

    started = time.perf_counter()
    try:
        for i in range(reps + 1):
            t, c = time.perf_counter(), time.process_time()
            rows = run(q["text"], bindings, True) if q.get("substitute") else run(q["text"], bindings)
            dt, dc = time.perf_counter() - t, time.process_time() - c
            os.write(fd, (json.dumps({"i": i, "s": dt, "cpu": dc, "rows": rows}) + "\n").encode())
            if time.perf_counter() - started > budget:
                break
    finally:
        if q.get("operation"):
            Path(scratch).unlink(missing_ok=True)


def time_query(opener, q: dict, bindings: dict, spec: dict) -> dict:
    """Time one query in a forked process that is killed at the time limit.

    A query runs inside Oxigraph's Rust code until its last row, where no Python signal can stop
    it: only killing the process bounds it. Oxigraph's first run is a warm-up (caches, parsing),
    kept apart; rdflib keeps no cache between queries, so its first run counts.
    """
    import select

    timeout = spec.get("query_timeout_s", 120)
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(r)
        code = 0
        try:
            _die_with_parent()
            _child_runs(opener, q, bindings, spec, w)
        except BaseException as exc:  # reported to the parent, which decides
            os.write(w, (json.dumps({"error": f"{type(exc).__name__}: {str(exc)[:200]}"}) + "\n").encode())
            code = 1
        finally:
            os._exit(code)
    os.close(w)
    buf, lines = b"", []
    deadline = time.monotonic() + timeout
    killed = False
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            os.kill(pid, signal.SIGKILL)
            killed = True
            break
        ready, _, _ = select.select([r], [], [], left)
        if not ready:
            continue
        chunk = os.read(r, 65536)
        if not chunk:
            break
        buf += chunk
        *done, buf = buf.split(b"\n")
        lines += [json.loads(x) for x in done if x.strip()]
        # the limit applies to one run: every finished run restarts the clock
        if done:
            deadline = time.monotonic() + timeout
    os.close(r)
    os.waitpid(pid, 0)
    errors = [x["error"] for x in lines if "error" in x]
    runs = [x for x in lines if "s" in x]
    if errors and not runs:
        return {"status": "error", "reason": errors[0], "rows": None, "runs": 0, "median_ms": None, "p95_ms": None}
    if not runs:
        return {
            "status": "stopped",
            "reason": f">{timeout} s",
            "at_least_ms": timeout * 1000,
            "rows": None,
            "runs": 0,
            "median_ms": None,
            "p95_ms": None,
        }
    times = [x["s"] for x in runs]
    cpus = [x.get("cpu", 0.0) for x in runs]
    if spec.get("warmup", True) and len(times) > 1:
        first, times, cpus = times[0], times[1:], cpus[1:]
    else:
        first = times[0]
    return {
        "status": "ok",
        "reason": "later runs stopped at the time limit" if killed else None,
        "rows": runs[0]["rows"],
        "runs": len(times),
        "first_ms": round(first * 1000, 2),
        "median_ms": round(statistics.median(times) * 1000, 2),
        "p95_ms": round(_percentile(times, 0.95) * 1000, 2),
        "cpu_median_ms": round(statistics.median(cpus) * 1000, 2),
    }


def task_store(spec: dict, out: _Out) -> None:
    """Load one store, then time every query: median and p95 over repeated runs."""
    import pyoxigraph  # noqa: F401  imported before the baseline so memory per triple excludes code
    import rdflib  # noqa: F401

    import graphtool.store  # noqa: F401
    from bench.querysets import term_from_json

    kind = spec["kind"]
    if kind == "rdflib":  # the counts the embedded store writes at build time, computed before the timed load
        spec = {**spec, "derived": derived_nquads(spec["nquads"])}
    base_rss = rss_mb()
    t0 = time.perf_counter()
    c0 = time.process_time()
    opener, triples, path = _open_store(kind, spec)
    load_s = time.perf_counter() - t0
    load_cpu = time.process_time() - c0
    after = rss_mb()
    out.save(
        status="loaded",
        triples=triples,
        load_s=round(load_s, 3),
        load_cpu_s=round(load_cpu, 3),
        triples_per_s=round(triples / load_s),
        rss_after_load_mb=round(after, 1),
        base_rss_mb=round(base_rss, 1),
        mb_per_million=round((after - base_rss) / (triples / 1e6), 1),
        disk_mb=round(dir_size_mb(path), 1) if path else None,
        queries={},
    )
    total_budget = spec.get("total_query_budget_s", 900)
    spent = 0.0
    queries = out.data["queries"]
    for q in spec["queries"]:
        name = q["name"]
        if name in spec.get("skip", {}):
            queries[name] = spec["skip"][name]
            continue
        if spent > total_budget:
            queries[name] = {"status": "skipped", "reason": f"query budget {total_budget} s spent"}
            continue
        if q.get("operation") and kind == "rdflib":
            queries[name] = {"status": "skipped", "reason": "a graphtool command: embedded store only"}
            continue
        bindings = {k: term_from_json(v) for k, v in q["bindings"].items()}
        started = time.perf_counter()
        queries[name] = time_query(opener, q, bindings, spec)
        spent += time.perf_counter() - started
        out.save(queries=queries)
    out.save(status="ok", query_s=round(spent, 1))


# --------------------------------------------------------------------------- maps


def task_maps(spec: dict, out: _Out) -> None:
    """Generate the map of a store holding about ``nodes`` entities; time and HTML size."""
    from bench.mapbench import make_map

    make_map(spec, out)


TASKS = {"extract": task_extract, "store": task_store, "maps": task_maps}


def main(argv: list[str]) -> int:
    task, spec_path, out_path = argv
    spec = json.loads(Path(spec_path).read_text())
    out = _Out(Path(out_path))
    try:
        TASKS[task](spec, out)
    except Exception as exc:
        import traceback

        out.save(status="error", reason=f"{type(exc).__name__}: {exc}", traceback=traceback.format_exc()[-2000:])
        return 1
    out.save()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
