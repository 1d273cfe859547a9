"""The machine's ceiling for two processes: what any ``--jobs 2`` measurement here can show (issue 15).

    python -m bench.parallel_ceiling [--rounds 6] [--units 2] [--n 40000000] [--out bench/parallel_ceiling.json]

A trivially parallel pure-Python task (a loop of integer arithmetic: no I/O, no shared data, no
graphtool) done as ``--units`` units of work, in alternating rounds:

- ``1 process``: one forked process does every unit in turn;
- ``2 processes``: two forked processes share the units (half each), started together;
- ``2 processes, own sessions``: the same, each after ``os.setsid()`` (an autogroup of its own, as
  graphtool's workers are; with ``sched_autogroup_enabled`` the kernel shares the cores among sessions).

Which mode goes first turns each round. Each run reports wall seconds, the CPU seconds its processes
spent (``getrusage`` of the children), and the CPU the machine's other processes spent meanwhile
(``/proc/stat``). The speedup of a round is the ``1 process`` wall time over the two-process one; on an
idle 2-core machine it is near 2.0.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

from bench.build_scale import _machine_busy as machine_cpu
from bench.build_scale import _spin as spin

HERE = Path(__file__).resolve().parent
OTHERS = "other processes' CPU s"
MODES = ("1 process", "2 processes", "2 processes, own sessions")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _fork(units: int, n: int, new_session: bool) -> int:
    pid = os.fork()
    if pid == 0:  # the child: its units, then out without running the parent's clean-up
        try:
            if new_session:
                os.setsid()
            for _ in range(units):
                spin(n)
        finally:
            os._exit(0)
    return pid


def run(mode: str, units: int, n: int) -> dict:
    """One run of ``mode``: wall, the CPU of its processes, the CPU of everybody else meanwhile."""
    shares = [units] if mode == "1 process" else [units - units // 2, units // 2]
    own = mode.endswith("own sessions")
    cpu, busy, load = _children_cpu(), machine_cpu(), os.getloadavg()[0]
    started = time.perf_counter()
    pids = [_fork(share, n, own) for share in shares if share]
    for pid in pids:
        _, status = os.waitpid(pid, 0)
        if status:
            raise SystemExit(f"parallel_ceiling: a child of {mode!r} ended with status {status}")
    wall = time.perf_counter() - started
    spent = _children_cpu() - cpu
    return {
        "mode": mode,
        "wall s": round(wall, 3),
        "CPU s": round(spent, 3),
        "other processes' CPU s": round(max(0.0, machine_cpu() - busy - spent), 2),
        "load average at start": round(load, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--units", type=int, default=2, help="Units of work per run (split over the processes).")
    parser.add_argument("--n", type=int, default=40_000_000, help="Loop length of one unit.")
    parser.add_argument("--out", type=Path, default=HERE / "parallel_ceiling.json")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.units < 2 or args.n < 1:
        parser.error("--rounds must be at least 1, --units at least 2 and --n at least 1")

    started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    rows = []
    for r in range(args.rounds):
        order = MODES[r % len(MODES) :] + MODES[: r % len(MODES)]
        runs = {mode: run(mode, args.units, args.n) for mode in order}
        for mode in order:
            row = dict(runs[mode], round=r + 1)
            if mode != "1 process":
                row["speedup"] = round(runs["1 process"]["wall s"] / runs[mode]["wall s"], 2)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)

    summary = {}
    for mode in MODES:
        mine = [row for row in rows if row["mode"] == mode]
        summary[mode] = {
            "wall s": round(sum(row["wall s"] for row in mine), 3),
            "CPU s": round(sum(row["CPU s"] for row in mine), 2),
            "other processes' CPU s": round(sum(row["other processes' CPU s"] for row in mine), 1),
        }
        if mode != "1 process":
            speedups = [row["speedup"] for row in mine]
            summary[mode]["speedup (sum of walls)"] = round(summary["1 process"]["wall s"] / summary[mode]["wall s"], 2)
            summary[mode]["speedup per round: median, min, max"] = [
                statistics.median(speedups),
                min(speedups),
                max(speedups),
            ]
    result = {
        "started": started,
        "ended": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
        "cpus": os.cpu_count(),
        "sched_autogroup_enabled": _read("/proc/sys/kernel/sched_autogroup_enabled"),
        "options": {"rounds": args.rounds, "units": args.units, "n": args.n},
        "rounds": rows,
        "summary": summary,
    }
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")

    print("| round | mode | wall s | CPU s | other processes' CPU s | load average | speedup |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['round']} | {row['mode']} | {row['wall s']} | {row['CPU s']} | {row[OTHERS]} "
            f"| {row['load average at start']} | {row.get('speedup', '')} |"
        )
    for mode, values in summary.items():
        print(f"{mode}: {json.dumps(values)}")
    return 0


def _read(path: str) -> str | None:
    try:
        return Path(path).read_text().strip()
    except OSError:
        return None


if __name__ == "__main__":
    raise SystemExit(main())
