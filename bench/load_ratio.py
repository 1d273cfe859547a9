"""Load of one N-Quads file: the embedded store's default path against rdflib, and where the time goes.

``python -m bench.load_ratio FILE.nq [--rounds 2]`` loads the same file in a fresh process per variant,
interleaved over the rounds (each variant sees the same machine load on a shared machine), and prints
one JSON line per load and a summary: wall and CPU time, peak memory per million quads, and the ratio
rdflib / ours. Variants:

- ``disk``: ``GraphStore(folder).bulk_load_nquads`` then ``flush()`` (the derived counts), what the
  benchmark and ``graphtool.bulk`` run: the default path for a file of N-Quads.
- ``mem``: the same into an in-memory store.
- ``oxigraph-disk-raw`` / ``oxigraph-mem-raw``: pyoxigraph's ``bulk_load`` of the file alone (no index,
  no counts): the floor of any path through Oxigraph's loader.
- ``rdflib``: ``Dataset().parse(format="nquads")``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VARIANTS = ("disk", "mem", "oxigraph-disk-raw", "oxigraph-mem-raw", "rdflib")


def _peak_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def load_once(variant: str, nquads: str, folder: str) -> dict:
    """One load in this process; the phases of the default path timed apart (CPU seconds)."""
    import pyoxigraph  # noqa: F401  imported before the baseline, as in bench.worker
    import rdflib  # noqa: F401

    from graphtool.store import GraphStore

    base = _peak_mb()
    phases: dict[str, float] = {}
    w0, c0 = time.perf_counter(), time.process_time()
    if variant in ("disk", "mem"):
        store = GraphStore(Path(folder) if variant == "disk" else None)
        store.bulk_load_nquads(nquads)
        phases["bulk_load_nquads_cpu_s"] = round(time.process_time() - c0, 2)
        c1 = time.process_time()
        store.flush()
        phases["flush_derived_cpu_s"] = round(time.process_time() - c1, 2)
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        quads = len(store)  # counted after the clock: GraphStore.__len__ walks the index in Python
    elif variant.endswith("-raw"):
        from pyoxigraph import RdfFormat, Store

        store = Store(folder) if variant == "oxigraph-disk-raw" else Store()
        store.bulk_load(path=nquads, format=RdfFormat.N_QUADS)
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        quads = len(store)
    else:
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(nquads, format="nquads")
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        quads = sum(len(g) for g in ds.graphs())
    peak = _peak_mb() - base
    return {
        "variant": variant,
        "quads": quads,
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "peak_mb_per_million": round(peak / (quads / 1e6), 1) if quads else None,
        "disk_mb": round(sum(f.stat().st_size for f in Path(folder).rglob("*") if f.is_file()) / 2**20, 1)
        if variant in ("disk", "oxigraph-disk-raw")
        else None,
        **phases,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nquads", help="the N-Quads file (bench.synth.write_nquads writes one)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one variant in this process
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(load_once(args.one, args.nquads, args.folder)), flush=True)
        return 0
    runs: dict[str, list[dict]] = {}
    for _ in range(args.rounds):
        for variant in args.variants.split(","):
            folder = tempfile.mkdtemp(prefix="graphtool-load-ratio-")
            try:
                cmd = [sys.executable, "-m", "bench.load_ratio", args.nquads, "--one", variant, "--folder", folder]
                done = subprocess.run(cmd, capture_output=True, text=True, check=True)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            result["load_average"] = round(os.getloadavg()[0], 1)
            print(json.dumps(result), flush=True)
            runs.setdefault(variant, []).append(result)
    summary = {v: {k: statistics.median(r[k] for r in rs) for k in ("wall_s", "cpu_s")} for v, rs in runs.items()}
    if "rdflib" in summary:
        for s in summary.values():
            s["rdflib_over_this_wall"] = round(summary["rdflib"]["wall_s"] / s["wall_s"], 2)
            s["rdflib_over_this_cpu"] = round(summary["rdflib"]["cpu_s"] / s["cpu_s"], 2)
    print(json.dumps({"summary": summary}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
