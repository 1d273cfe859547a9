"""The benchmark: extraction, load, query and map speed against baselines, and how cost grows.

``python -m bench.run`` (``make bench``) runs every section and writes ``bench/results.json`` and
``bench/RESULTS.md``; ``--smoke`` runs tiny sizes in seconds (CI keeps the harness working).
Each measurement runs in its own process (``bench.worker``) so its peak memory is its own, and
each has a time budget: a baseline that would not finish is reported as stopped, not waited for.
Headline figures are ratios between stores measured in the same run; absolute times vary on a
shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SEEDS = ROOT.parent / "shared" / "seeds"

STORE_KINDS = ("oxigraph-disk", "oxigraph-mem", "rdflib")
FULL = {
    "corpus_mb": [1, 10, 50],
    "triples": [100_000, 1_000_000, 10_000_000],
    "map_nodes": [1000, 5000, 20000],
    "extract_budget_s": 180,
    "rdflib_load_budget_s": 300,
    "rdflib_query_budget_s": 420,
    "oxigraph_query_budget_s": 420,
    "query_timeout_s": 60,
    "rdflib_reps": 5,
    "rdflib_query_each_s": 30.0,
    "worker_timeout_s": 2400,
    "seed_runs": 3,
}
SMOKE = {
    "corpus_mb": [0.05],
    "triples": [1500],
    "map_nodes": [150],
    "extract_budget_s": 20,
    "rdflib_load_budget_s": 30,
    "rdflib_query_budget_s": 30,
    "oxigraph_query_budget_s": 30,
    "query_timeout_s": 5,
    "rdflib_reps": 1,
    "rdflib_query_each_s": 1.0,
    "worker_timeout_s": 120,
    "seed_runs": 0,
}


def machine() -> dict[str, Any]:
    """Cores, memory, CPU model and library versions, recorded with the results."""
    import pyoxigraph
    import rdflib

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**30
    return {
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory_gb": round(mem, 1),
        "cpu": cpu,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "pyoxigraph": pyoxigraph.__version__,
        "rdflib": rdflib.__version__,
        "platform": platform.platform(),
        "started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
    }


def run_worker(task: str, spec: dict, work: Path, timeout: float) -> dict:
    """Run one measurement in a fresh process; a timeout keeps what it had written so far."""
    work.mkdir(parents=True, exist_ok=True)
    tag = f"{task}-{spec.get('kind', '')}-{spec.get('label', '')}-{time.monotonic_ns()}"
    spec_path, out_path = work / f"{tag}.spec.json", work / f"{tag}.out.json"
    spec_path.write_text(json.dumps(spec, ensure_ascii=False))
    cmd = [sys.executable, "-m", "bench.worker", task, str(spec_path), str(out_path)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _, err = proc.communicate(timeout=timeout)
    except KeyboardInterrupt:
        proc.kill()
        raise
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        err = ""
        result = json.loads(out_path.read_text()) if out_path.exists() else {}
        result.update(status="stopped", reason=f"stopped: >{timeout:.0f} s")
        return result
    result = json.loads(out_path.read_text()) if out_path.exists() else {}
    if proc.returncode != 0 and result.get("status") in (None, "running", "loaded"):
        result.update(status="error", reason=(err or "").strip()[-500:])
    return result


def _log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- sections


def bench_extraction(cfg: dict, work: Path) -> dict:
    from bench import corpus

    out: dict[str, Any] = {"sizes": []}
    for mb in cfg["corpus_mb"]:
        folder = work / f"corpus-{mb}mb"
        if not folder.exists():
            t0 = time.perf_counter()
            info = corpus.write_corpus(folder, int(mb * 2**20))
            _log(f"corpus {mb} MB: {info['documents']} documents in {time.perf_counter() - t0:.1f} s")
        files = list(folder.glob("*.txt"))
        spec = {"corpus": str(folder), "budget_s": cfg["extract_budget_s"], "label": f"{mb}mb"}
        _log(f"extraction over {mb} MB")
        result = run_worker("extract", spec, work / "runs", cfg["worker_timeout_s"])
        result.update(size_mb=mb, corpus_bytes=sum(f.stat().st_size for f in files), corpus_documents=len(files))
        out["sizes"].append(result)
        if result.get("status") == "not available":
            break
    return out


def bench_stores(cfg: dict, work: Path, queries: list[dict], out: dict | None = None) -> dict:
    """Load each size into Oxigraph (on disk, in memory) and rdflib; time the queries on each.

    ``out`` is filled as sizes finish, so an interrupted run still reports them.
    """
    from bench import synth

    out = {"sizes": []} if out is None else out
    out.setdefault("sizes", [])
    rdflib_prev: tuple[int, float] | None = None
    previous: dict[str, tuple[int, dict]] = {}  # store kind -> (triples, query results) at the previous size
    for n in cfg["triples"]:
        nq = work / f"synth-{n}.nq"
        meta = work / f"synth-{n}.json"
        if not nq.exists() or not meta.exists():
            t0 = time.perf_counter()
            info = synth.write_nquads(nq, n)
            info["generate_s"] = round(time.perf_counter() - t0, 1)
            meta.write_text(json.dumps(info))
            _log(
                f"synthetic graph {n}: {info['triples']} quads, {info['documents']} documents in {info['generate_s']} s"
            )
        info = json.loads(meta.read_text())
        size: dict[str, Any] = {"target": n, **info, "stores": {}}
        out["sizes"].append(size)
        for kind in cfg.get("kinds", STORE_KINDS):
            if kind == "rdflib" and rdflib_prev is not None:
                prev_n, prev_s = rdflib_prev
                projected = prev_s * info["triples"] / prev_n
                if projected > cfg["rdflib_load_budget_s"]:
                    size["stores"][kind] = {
                        "status": "stopped",
                        "reason": (
                            f"not run: load projected at ~{projected:.0f} s from the previous size "
                            f"(budget {cfg['rdflib_load_budget_s']} s)"
                        ),
                    }
                    continue
            store_path = work / f"store-{n}"
            shutil.rmtree(store_path, ignore_errors=True)
            spec = {
                "kind": kind,
                "label": str(n),
                "nquads": str(nq),
                "store_path": str(store_path),
                "queries": queries,
                "reps": 15 if kind != "rdflib" else cfg["rdflib_reps"],
                "warmup": kind != "rdflib",
                "query_budget_s": 10.0 if kind != "rdflib" else cfg["rdflib_query_each_s"],
                "query_timeout_s": cfg["query_timeout_s"],
                "total_query_budget_s": cfg["rdflib_query_budget_s" if kind == "rdflib" else "oxigraph_query_budget_s"],
                "skip": _projected_skips(*previous.get(kind, (0, {})), info["triples"], cfg),
            }
            _log(f"{kind} at {info['triples']} triples")
            timeout = cfg["worker_timeout_s"]
            if kind == "rdflib":
                timeout = min(timeout, cfg["rdflib_load_budget_s"] + cfg["rdflib_query_budget_s"] + 300)
            result = run_worker("store", spec, work / "runs", timeout)
            shutil.rmtree(store_path, ignore_errors=True)
            size["stores"][kind] = result
            previous[kind] = (info["triples"], result.get("queries") or {})
            if kind == "rdflib":
                if result.get("load_s"):
                    rdflib_prev = (info["triples"], result["load_s"])
                else:
                    rdflib_prev = (info["triples"], float("inf"))
            _log(f"  {kind}: {result.get('status')} load {result.get('load_s')} s")
    return out


def _projected_skips(prev_triples: int, prev: dict[str, dict], triples: int, cfg: dict) -> dict:
    """Queries a store would not finish within the time limit, projected linearly from the previous size.

    Linear growth is optimistic for joins, so the projection is a lower bound on the time.
    """
    if not prev or not prev_triples:
        return {}
    scale = triples / prev_triples
    limit_ms = cfg["query_timeout_s"] * 1000
    skips = {}
    for name, q in prev.items():
        base = q.get("median_ms") or q.get("at_least_ms")
        if base and base * scale > limit_ms:
            skips[name] = {
                "status": "projected",
                "reason": f"not run: ~{base * scale / 1000:.0f} s projected linearly from {base / 1000:.1f} s at {prev_triples:,} triples",
                "at_least_ms": round(base * scale, 1),
            }
        elif q.get("status") == "error":
            skips[name] = {"status": "error", "reason": q.get("reason")}
    return skips


def bench_maps(cfg: dict, work: Path) -> dict:
    from bench import synth

    out: dict[str, Any] = {"sizes": []}
    for nodes in cfg["map_nodes"]:
        # about 1 entity per 60 quads in the synthetic layout; generated until the count is reached
        nq = work / f"map-{nodes}.nq"
        if not nq.exists():
            synth.write_nquads(nq, nodes * 60)
        spec = {"nquads": str(nq), "html": str(work / f"map-{nodes}.html"), "label": str(nodes), "nodes": nodes}
        _log(f"map at ~{nodes} nodes")
        result = run_worker("maps", spec, work / "runs", cfg["worker_timeout_s"])
        result["target_nodes"] = nodes
        out["sizes"].append(result)
        if result.get("status") == "not available":
            break
    return out


def bench_seeds(cfg: dict, work: Path) -> dict:
    """Wall time of ``graphtool build <seeds>`` including interpreter start-up, fresh store each run."""
    if cfg["seed_runs"] <= 0:
        return {"status": "skipped", "reason": "not run at this size"}
    if not SEEDS.exists():
        return {"status": "not available", "reason": f"{SEEDS} not found"}
    exe = shutil.which("graphtool", path=str(Path(sys.executable).parent)) or ""
    cmd = [exe] if exe else [sys.executable, "-m", "graphtool"]
    # a first build may create the loaders' reference caches (gazetteer, registry): timed apart
    cold_store = work / "seeds-store-cold"
    shutil.rmtree(cold_store, ignore_errors=True)
    t0 = time.perf_counter()
    subprocess.run([*cmd, "build", str(SEEDS), "--store", str(cold_store)], cwd=ROOT, capture_output=True, text=True)
    first_s = time.perf_counter() - t0
    shutil.rmtree(cold_store, ignore_errors=True)
    import resource

    times, cpus, last = [], [], None
    for i in range(cfg["seed_runs"]):
        store = work / f"seeds-store-{i}"
        shutil.rmtree(store, ignore_errors=True)
        t0 = time.perf_counter()
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        last = subprocess.run(
            [*cmd, "build", str(SEEDS), "--store", str(store)], cwd=ROOT, capture_output=True, text=True
        )
        times.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime)
        shutil.rmtree(store, ignore_errors=True)
    t0 = time.perf_counter()
    subprocess.run([*cmd, "--help"], cwd=ROOT, capture_output=True)
    help_s = time.perf_counter() - t0
    return {
        "status": "ok" if last.returncode == 0 else "error",
        "reason": None if last.returncode == 0 else (last.stderr or last.stdout)[-500:],
        "output": (last.stdout or "").strip()[-300:],
        "runs": len(times),
        "median_s": round(statistics.median(times), 2),
        "min_s": round(min(times), 2),
        "cpu_median_s": round(statistics.median(cpus), 2),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "help_s": round(help_s, 2),
        "first_run_s": round(first_s, 2),
        "documents": len([p for p in SEEDS.iterdir() if p.is_file()]),
    }


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, seconds (for CI)")
    parser.add_argument("--out", type=Path, default=BENCH, help="folder for results.json and RESULTS.md")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (corpora, N-Quads, stores)")
    parser.add_argument(
        "--only", default="extraction,stores,maps,seeds", help="comma-separated sections (default: all)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument("--triples", help="override graph sizes, e.g. 100000,1000000")
    parser.add_argument("--corpus-mb", help="override corpus sizes in MB, e.g. 1,10")
    parser.add_argument("--map-nodes", help="override map sizes, e.g. 1000,5000")
    parser.add_argument("--kinds", help="stores to measure, e.g. rdflib (default: all three)")
    parser.add_argument("--queries", help="only these query names, comma-separated")
    parser.add_argument("--query-budget", type=float, help="seconds of queries per store (default 420; 30 in smoke)")
    parser.add_argument("--query-timeout", type=float, help="seconds one query run may take (default 60)")
    parser.add_argument(
        "--baseline-queries",
        type=Path,
        help="a folder of earlier .rq files, timed as before:NAME beside the library (bound by substitution)",
    )
    args = parser.parse_args(argv)
    from bench import querysets, report, synth

    cfg = dict(SMOKE if args.smoke else FULL)
    for key, value in (("triples", args.triples), ("corpus_mb", args.corpus_mb), ("map_nodes", args.map_nodes)):
        if value:
            cfg[key] = [float(v) if "." in v else int(v) for v in value.split(",")]
    if args.query_budget:
        cfg["oxigraph_query_budget_s"] = cfg["rdflib_query_budget_s"] = args.query_budget
    if args.query_timeout:
        cfg["query_timeout_s"] = args.query_timeout
    work = args.work or Path(tempfile.mkdtemp(prefix="graphtool-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    sections = set(args.only.split(","))
    results: dict[str, Any] = {"mode": "smoke" if args.smoke else "full", "config": cfg, "machine": machine()}
    started = time.perf_counter()
    anchors = synth.anchors()
    library, why = querysets.library_queries(anchors)
    # the fixed reference queries first: cheap on every store, they stay comparable when budgets run out
    # then the questions `graphtool report` and `graphtool map` ask, and those two commands end to end
    report_map = querysets.report_map_queries(anchors) + querysets.operation_queries(anchors)
    queries = querysets.reference_queries(anchors) + library + report_map
    if args.baseline_queries:  # each earlier version right after the current one: both see the same machine load
        earlier = querysets.baseline_queries(str(args.baseline_queries), anchors)
        before = {q["name"].removeprefix("before:"): q for q in earlier}
        paired = [x for q in queries for x in (q, before.pop(q["name"], None)) if x is not None]
        queries = paired + list(before.values())
    if args.queries:
        wanted = set(args.queries.split(","))
        queries = [q for q in queries if q["name"] in wanted or q["name"].removeprefix("before:") in wanted]
    if args.kinds:
        cfg["kinds"] = args.kinds.split(",")
    results["queries"] = {
        "library": [{k: q[k] for k in ("name", "summary", "bindings", "unbound")} for q in library],
        "library_status": why or "ok",
        "reference": [q["name"] for q in queries if q["name"].startswith("ref:")],
        "report_map": [q["name"] for q in report_map],
        "anchors": anchors,
    }
    import signal

    def _stop(_signum, _frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)  # a stopped run still writes what it measured
    try:
        if "seeds" in sections:
            _log("seeds build")
            results["seeds"] = bench_seeds(cfg, work)
        if "extraction" in sections:
            results["extraction"] = bench_extraction(cfg, work)
        if "stores" in sections:
            results["stores"] = {"sizes": []}
            bench_stores(cfg, work, queries, results["stores"])
        if "maps" in sections:
            results["maps"] = bench_maps(cfg, work)
    finally:
        results["total_s"] = round(time.perf_counter() - started, 1)
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
        (args.out / "RESULTS.md").write_text(report.render(results), encoding="utf-8")
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    _log(f"done in {results['total_s']} s: {args.out / 'RESULTS.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
