"""Build at corpus scale (issue 15): --jobs 1 against --jobs 2, rebuilds, worker memory, side by side in one run.

    python -m bench.build_scale [--documents 10000] [--work /tmp/graphtool-build-scale] [--seed 15]
                                [--shared ../shared/corpus]

The corpus is generated once (deterministic for a seed) and mixes what a researcher collects:
real pages of ``../shared/corpus`` (news, council decisions, donor pages, in Ukrainian, Russian
and English) copied under new names, generated municipal news and reports (:mod:`bench.corpus`,
sizes drawn from the real pages' spread), the example action plan table and, once, the real IATI
file. Then, on on-disk stores:

1. the corpus built at ``--jobs 1`` and at ``--jobs 2`` into two stores, side by side: in ``--rounds``
   rounds, each a share of the folders, the two modes alternating (and which goes first), so a
   change in the machine's load falls on both (bulk-loaded, as a fresh build is); with ``--one-core``
   also ``--jobs 1`` with the build process, its threads and its worker all held to one CPU (a third
   store): ``--jobs 1`` alone already runs its worker and the chunk loads on two cores;
2. optionally the whole corpus at ``--jobs 2`` without the bulk loader (one transaction per document),
3. a rebuild of the ``--jobs 2`` store with nothing changed, then one after touching 1% of the files.

Each run reports wall time, documents/s, the seconds from the last document written to the build's
end (the loads and counts nothing overlaps), the CPU seconds of the build process and of its workers,
the CPU seconds the machine's other processes spent meanwhile, and each worker's peak RSS and peak
unique (private) memory, sampled with psutil every 0.5 s. Each round also times a control, two
processes of plain Python spinning (:func:`machine_speedup`): on a machine whose other sessions keep
the cores busy the control itself gets no speedup, and then neither can ``--jobs 2``.
Results go to ``bench/build_scale.json`` and a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("GRAPHTOOL_SHARED_CORPUS") or HERE.parent.parent / "shared" / "corpus")
EXAMPLES = HERE.parent / "examples"


def make_corpus(folder: Path, documents: int, seed: int) -> dict:
    """Write the mixed corpus (see the module docstring); returns what it holds."""
    from bench.corpus import document

    rng = random.Random(seed)
    real = sorted(p for p in (SHARED / "narrative").glob("*.txt")) if SHARED.exists() else []
    sizes = sorted(len(p.read_text(encoding="utf-8")) for p in real) or [3000, 6000, 12000]
    table = EXAMPLES / "poltava-action-plan.tsv"
    iati = sorted((SHARED / "iati").glob("*.xml")) if SHARED.exists() else []
    counts = {"real pages": 0, "generated": 0, "tables": 0, "iati": 0}
    total = 0
    for n in range(documents):
        sub = folder / f"hromada{n % 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        roll = rng.random()
        if n == 0 and iati:
            data, name, kind = iati[0].read_bytes(), f"activities_{n:05d}.xml", "iati"
        elif roll < 0.40 and real:
            page = rng.choice(real)
            data, name, kind = page.read_bytes(), f"page_{n:05d}_{page.stem[:40]}.txt", "real pages"
        elif roll < 0.43:
            data, name, kind = table.read_bytes(), f"plan_{n:05d}.tsv", "tables"
        else:
            chars = min(60000, max(800, int(rng.choice(sizes) * rng.uniform(0.7, 1.3))))
            data = document(rng, chars).encode("utf-8")
            name, kind = f"news_{n:05d}.txt", "generated"
        (sub / name).write_bytes(data)
        counts[kind] += 1
        total += len(data)
    return {"documents": documents, "bytes": total, **counts}


class MemorySampler:
    """Peak RSS and unique memory of this process's children (the workers), sampled every 0.5 s."""

    def __init__(self) -> None:
        import psutil

        self.me = psutil.Process()
        self.peak: dict[int, dict[str, int]] = {}
        self.cpu = 0.0  # the sampling thread's own CPU (reading /proc/PID/smaps): not the build's
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.wait(0.5):
            for child in self.me.children(recursive=True):
                try:
                    info = child.memory_full_info()
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                seen = self.peak.setdefault(child.pid, {"rss": 0, "uss": 0})
                seen["rss"] = max(seen["rss"], info.rss)
                seen["uss"] = max(seen["uss"], info.uss)
            self.cpu = time.thread_time()

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(5)


def _machine_busy() -> float:
    """CPU seconds every process of the machine has spent so far (/proc/stat; 0 where it does not exist)."""
    try:
        with open("/proc/stat") as fh:
            fields = [int(x) for x in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return 0.0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle and waiting for I/O
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _spin(n: int) -> int:
    x = 0
    for i in range(n):
        x += i * i
    return x


def _spin_alone(n: int) -> int:
    os.setsid()  # a session (an autogroup) of its own, as graphtool.parallel's workers
    return _spin(n)


def machine_speedup(n: int = 8_000_000, new_session: bool = False) -> float:
    """What two processes of plain Python get on this machine right now: two units of work in a row
    against the same two in two forked processes (2.0 on an idle 2-core machine; 1.0 when the
    scheduler gives this session one core's share, as Linux's autogroups do when other sessions
    keep the cores busy). ``new_session``: each of the two processes in a session of its own."""
    import multiprocessing

    started = time.perf_counter()
    _spin(n)
    _spin(n)
    serial = time.perf_counter() - started
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_spin_alone if new_session else _spin, args=(n,)) for _ in range(2)]
    started = time.perf_counter()
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join()
    return round(serial / (time.perf_counter() - started), 2)


def _cpu() -> tuple[float, float]:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def _pin(cpus: set[int] | None) -> None:
    """Hold every thread of this process (and so what it forks or starts next) to ``cpus``; None: all CPUs."""
    cpus = cpus or set(range(os.cpu_count() or 1))
    for tid in os.listdir("/proc/self/task"):
        try:
            os.sched_setaffinity(int(tid), cpus)  # per thread on Linux: RocksDB's threads too
        except OSError:
            pass  # a thread that just ended


def run_build(
    label: str,
    corpus: Path | list[Path],
    store_path: Path,
    own_session: bool = True,
    cpus: set[int] | None = None,
    **options,
) -> dict:
    """One build, timed and sampled (``own_session``: each worker in a session of its own, the default;
    ``cpus``: the build, its threads and its workers held to these CPUs)."""
    from graphtool import parallel
    from graphtool.build import build
    from graphtool.store import GraphStore

    parallel.OWN_SESSION = own_session
    if cpus:
        _pin(cpus)

    store = GraphStore(store_path)
    corpus = corpus if isinstance(corpus, list) else [corpus]
    load_before = os.getloadavg()[0]
    cpu_self, cpu_kids = _cpu()
    busy = _machine_busy()
    started = time.perf_counter()
    main_thread = time.thread_time()
    last = [started]

    def on_file(_path) -> None:
        last[0] = time.perf_counter()

    try:
        with MemorySampler() as memory:
            report = build(corpus, store, on_file=on_file, **options)
    finally:
        if cpus:
            _pin(None)
    main_thread = time.thread_time() - main_thread
    wall = time.perf_counter() - started
    after_self, after_kids = _cpu()
    others = _machine_busy() - busy - (after_self - cpu_self) - (after_kids - cpu_kids)
    del store
    read = report.documents + len(report.errors)
    row = {
        "run": label,
        "options": {k: v for k, v in options.items()},
        "seconds": round(wall, 1),
        "documents read": report.documents,
        "unchanged": report.unchanged,
        "failed": len(report.errors),
        "triples": report.triples,
        "bulk": report.bulk,
        "documents/s": round(read / wall, 2) if wall else None,
        "CPUs": sorted(cpus) if cpus else "all",
        # the last chunk loads, the flush and the derived counts: nothing of the extraction overlaps them
        "seconds after the last document": round(started + wall - last[0], 1),
        "build process CPU s": round(after_self - cpu_self - memory.cpu, 1),
        # the build's own thread (planning, warm-up, reading the workers' answers, writing the chunk files, the
        # last chunk's load call) and every other thread: the background chunk loads, Oxigraph's bulk-loader
        # threads, RocksDB's flushes and compactions (threads that ended are counted too: getrusage)
        "build process main thread CPU s": round(main_thread, 1),
        "build process other threads CPU s": round(after_self - cpu_self - memory.cpu - main_thread, 1),
        "memory sampler CPU s": round(memory.cpu, 1),
        "workers CPU s": round(after_kids - cpu_kids, 1),
        "slowest": [report.slowest[0], round(report.slowest[1], 2)],
        "workers peak RSS MB (VmHWM)": sorted(round(v / 2**20) for v in report.peak_rss.values()),
        "workers peak unique MB (sampled)": sorted(round(v["uss"] / 2**20) for v in memory.peak.values()),
        "other processes' CPU s": round(max(0.0, others), 1),
        "load average at start": round(load_before, 1),
        "load average at end": round(os.getloadavg()[0], 1),
        "first errors": report.errors[:3],
    }
    print(json.dumps(row, ensure_ascii=False), file=sys.stderr, flush=True)
    return row


def _total(label: str, parts: list[dict]) -> dict:
    """The rounds of one mode added up (peak memory: the largest of any round)."""
    seconds = sum(p["seconds"] for p in parts)
    read = sum(p["documents read"] + p["failed"] for p in parts)
    row = {"run": label, "options": parts[0]["options"], "seconds": round(seconds, 1)}
    for key in (
        "seconds after the last document",
        "documents read",
        "unchanged",
        "failed",
        "triples",
        "build process CPU s",
        "build process main thread CPU s",
        "build process other threads CPU s",
        "memory sampler CPU s",
        "workers CPU s",
        "other processes' CPU s",
    ):
        row[key] = round(sum(p[key] for p in parts), 1)
    row["bulk"] = all(p["bulk"] for p in parts)
    row["documents/s"] = round(read / seconds, 2) if seconds else None
    row["slowest"] = max((p["slowest"] for p in parts), key=lambda s: s[1])
    for key in ("workers peak RSS MB (VmHWM)", "workers peak unique MB (sampled)"):
        row[key] = sorted({v for p in parts for v in p[key]})[-2:]
    row["load average at start"] = min(p["load average at start"] for p in parts)
    row["load average at end"] = max(p["load average at end"] for p in parts)
    row["first errors"] = [e for p in parts for e in p["first errors"]][:3]
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/graphtool-build-scale"))
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--out", type=Path, default=HERE / "build_scale.json")
    parser.add_argument("--skip-no-bulk", action="store_true", help="Leave out the run without the bulk loader.")
    parser.add_argument("--rounds", type=int, default=4, help="Alternating rounds of the --jobs 1/2 comparison.")
    parser.add_argument("--shared", type=Path, default=SHARED, help="The real pages (../shared/corpus).")
    parser.add_argument(
        "--one-core",
        action="store_true",
        help="Each round also builds at --jobs 1 with the build and its worker held to one CPU (a third store).",
    )
    parser.add_argument(
        "--compare-sessions",
        action="store_true",
        help="Each round also builds with the workers left in the build's session (as before 2026-12-06 20:30) "
        "into stores of their own, and times the control with each process in a session of its own too.",
    )
    args = parser.parse_args(argv)
    globals()["SHARED"] = args.shared

    shutil.rmtree(args.work, ignore_errors=True)
    corpus = args.work / "corpus"
    started = time.perf_counter()
    made = make_corpus(corpus, args.documents, args.seed)
    made["seconds to generate"] = round(time.perf_counter() - started, 1)
    print(json.dumps(made), file=sys.stderr, flush=True)

    from graphtool.build import build
    from graphtool.store import GraphStore

    build([EXAMPLES], GraphStore(None), jobs=1)  # reference caches ready before anything is timed

    folders = sorted(p for p in corpus.iterdir() if p.is_dir())
    rounds = []
    for r in range(args.rounds):
        share = folders[r :: args.rounds]
        order = (1, 2) if r % 2 == 0 else (2, 1)
        if args.compare_sessions:  # (jobs, own session), either session mode first in turn
            modes = [(j, False) for j in order] + [(j, True) for j in order]
            modes = modes if r % 2 == 0 else modes[2:] + modes[:2]
        else:
            modes = [(j, True) for j in order]
        if args.one_core:  # (0: --jobs 1 on one CPU), first, between or last in turn
            modes.insert(r % 3, (0, True))
        control = machine_speedup()
        control_own = machine_speedup(new_session=True) if args.compare_sessions else None
        made_here = []
        for jobs, own in modes:
            if jobs == 0:
                label, cpus = f"round {r + 1}, --jobs 1 on one CPU", {min(os.sched_getaffinity(0))}
                made_here.append(run_build(label, share, args.work / "jobs1-one-cpu", cpus=cpus, jobs=1, bulk=True))
                continue
            label = f"round {r + 1}, --jobs {jobs}" + ("" if own else ", workers in the build's session")
            store = args.work / (f"jobs{jobs}" if own else f"jobs{jobs}-one-session")
            made_here.append(run_build(label, share, store, own_session=own, jobs=jobs, bulk=True))
        rounds.extend(made_here)
        control = round((control + machine_speedup()) / 2, 2)
        mine = [x for x in made_here if x["run"].endswith(("--jobs 1", "--jobs 2"))]
        pair = {x["run"][-8:]: x["seconds"] for x in mine}
        mine[-1]["round speedup"] = round(pair["--jobs 1"] / pair["--jobs 2"], 2)
        if args.one_core:
            alone = next(x for x in made_here if x["run"].endswith("on one CPU"))
            mine[-1]["round speedup against --jobs 1 on one CPU"] = round(alone["seconds"] / pair["--jobs 2"], 2)
        mine[-1]["machine speedup (two spinning processes, before and after)"] = control
        if args.compare_sessions:
            control_own = round((control_own + machine_speedup(new_session=True)) / 2, 2)
            old = {f"--jobs {j}": x["seconds"] for (j, own), x in zip(modes, made_here, strict=True) if not own}
            mine[-1]["round speedup, workers in the build's session"] = round(old["--jobs 1"] / old["--jobs 2"], 2)
            mine[-1]["machine speedup, each spinning process in its own session"] = control_own
            mine[-1]["own sessions / build's session, --jobs 1 and --jobs 2 (wall time)"] = [
                round(old[j] / pair[j], 2) for j in ("--jobs 1", "--jobs 2")
            ]
        print(json.dumps(mine[-1], ensure_ascii=False), file=sys.stderr, flush=True)
    rows = [_total("whole corpus, --jobs 1 (sum of rounds)", [x for x in rounds if x["run"].endswith("--jobs 1")])]
    rows.append(_total("whole corpus, --jobs 2 (sum of rounds)", [x for x in rounds if x["run"].endswith("--jobs 2")]))
    if args.compare_sessions:
        for j in (1, 2):
            label = f"--jobs {j}, workers in the build's session"
            rows.append(_total(f"whole corpus, {label} (sum of rounds)", [x for x in rounds if label in x["run"]]))
    alone = None
    if args.one_core:
        alone = _total(
            "whole corpus, --jobs 1 on one CPU (sum of rounds)", [x for x in rounds if "one CPU" in x["run"]]
        )
        rows.append(alone)
    if not args.skip_no_bulk:
        rows.append(run_build("fresh, --jobs 2 --no-bulk", corpus, args.work / "jobs2-nobulk", jobs=2, bulk=False))
    rows.append(run_build("rebuild, nothing changed", corpus, args.work / "jobs2", jobs=2))
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    touched = random.Random(args.seed).sample(files, max(1, len(files) // 100))
    for path in touched:
        with open(path, "ab") as fh:
            fh.write(b"\n")
    rows.append(run_build(f"rebuild, {len(touched)} files (1%) touched", corpus, args.work / "jobs2", jobs=2))

    one, two = rows[0], rows[1]
    controls = [x["machine speedup (two spinning processes, before and after)"] for x in rounds if "round speedup" in x]
    summary = {
        "speedup --jobs 2 / --jobs 1": round(one["seconds"] / two["seconds"], 2),
        "round speedups": [x["round speedup"] for x in rounds if "round speedup" in x],
        **(
            {
                "speedup --jobs 2 / --jobs 1 on one CPU": round(alone["seconds"] / two["seconds"], 2),
                "round speedups against --jobs 1 on one CPU": [
                    x["round speedup against --jobs 1 on one CPU"] for x in rounds if "round speedup" in x
                ],
            }
            if args.one_core
            else {}
        ),
        "machine speedup in the same rounds (two spinning processes)": controls,
        **(
            {
                "speedup --jobs 2 / --jobs 1, workers in the build's session": round(
                    rows[2]["seconds"] / rows[3]["seconds"], 2
                ),
                "round speedups, workers in the build's session": [
                    x["round speedup, workers in the build's session"] for x in rounds if "round speedup" in x
                ],
                "machine speedup in the same rounds, each process in its own session": [
                    x["machine speedup, each spinning process in its own session"]
                    for x in rounds
                    if "round speedup" in x
                ],
                "own sessions / build's session (wall time), --jobs 1 and --jobs 2": [
                    round(rows[2]["seconds"] / one["seconds"], 2),
                    round(rows[3]["seconds"] / two["seconds"], 2),
                ],
            }
            if args.compare_sessions
            else {}
        ),
        "seconds after the last document, --jobs 1 / --jobs 2": [
            r["seconds after the last document"] for r in (one, two)
        ],
        "build process share of the build's CPU, --jobs 1 / --jobs 2": [
            round(r["build process CPU s"] / max(0.1, r["build process CPU s"] + r["workers CPU s"]), 3)
            for r in (one, two)
        ],
        "CPU s per document, --jobs 1 / --jobs 2": [
            round((r["build process CPU s"] + r["workers CPU s"]) / max(1, r["documents read"]), 4) for r in (one, two)
        ],
        "rebuild unchanged / full build (jobs 2)": round(rows[-2]["seconds"] / two["seconds"], 3),
        "rebuild 1% touched / full build (jobs 2)": round(rows[-1]["seconds"] / two["seconds"], 3),
    }
    result = {"corpus": made, "cores": os.cpu_count(), "runs": rows, "rounds": rounds, "summary": summary}
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    cols = [
        "run",
        "seconds",
        "documents read",
        "unchanged",
        "documents/s",
        "build process CPU s",
        "workers CPU s",
        "other processes' CPU s",
    ]
    print("| " + " | ".join(cols) + " | workers peak RSS MB | workers peak unique MB | load avg |")
    print("|" + "---|" * (len(cols) + 3))
    for row in rows:
        cells = [str(row[c]) for c in cols]
        rss = ", ".join(map(str, row["workers peak RSS MB (VmHWM)"]))
        uss = ", ".join(map(str, row["workers peak unique MB (sampled)"]))
        load = f"{row['load average at start']}–{row['load average at end']}"
        print("| " + " | ".join(cells) + f" | {rss} | {uss} | {load} |")
    print(json.dumps(summary))
    shutil.rmtree(args.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
