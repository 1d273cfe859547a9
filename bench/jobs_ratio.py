"""``--jobs 2`` against ``--jobs 1`` beside the machine's own ceiling for two processes, in one run (issue 15).

    python -m bench.jobs_ratio [--documents 2000] [--rounds 4] [--control-n 20000000] [--no-replace]

The corpus is :func:`bench.build_scale.make_corpus`. Round ``r`` takes a ``1/--rounds`` share of its
folders and, in order:

1. the ceiling (:mod:`bench.parallel_ceiling`): a pure-Python loop as one process and as two (in this
   session, and each in a session of its own as graphtool's workers are), which first alternating;
2. ``build``: the share bulk-built at ``--jobs 1`` and at ``--jobs 2`` into two on-disk stores (which
   first alternating), as a fresh corpus is written;
3. ``replace`` (unless ``--no-replace``): the same share built again with ``--force`` and without the bulk
   loader at ``--jobs 1`` and ``--jobs 2`` (one transaction per document, as a weekly build of changed
   files is written; each document is replaced by its new version);
4. the ceiling again.

For each build: wall seconds, the build process's CPU (the writer: its thread and its other threads, the
loads), the workers' CPU, the machine's other processes' CPU (:func:`bench.build_scale.run_build`). From
the CPU of a ``--jobs 1`` build, extraction E (workers) and writing W (build process), the best ``--jobs 2``
can do on two idle cores is ``max(E, W) / max((E + W) / 2, W)``: ``--jobs 1`` already runs the writer beside
its one worker, and one writer is not split (1.0 once W >= E). Rows go to stderr as JSON, Markdown tables to stdout, everything to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WRITER = "build process CPU s"
WORKERS = "workers CPU s"


def ceiling(n: int, first_two: bool) -> list[float]:
    """One sample of the ceiling: the wall time of one process doing two units over two doing one each,
    the two in this session and each in a session of its own (as graphtool's workers are)."""
    from bench.parallel_ceiling import MODES, run

    order = MODES[1:] + MODES[:1] if first_two else MODES
    walls = {mode: run(mode, 2, n)["wall s"] for mode in order}
    return [round(walls["1 process"] / walls[mode], 2) for mode in MODES[1:]]


def bound(row: dict) -> float | None:
    """The best ``--jobs 2`` / ``--jobs 1`` on two idle cores from a ``--jobs 1`` build's CPU (see above)."""
    e, w = row[WORKERS], row[WRITER]
    return round(max(e, w) / max((e + w) / 2, w), 2) if e + w else None


def main(argv: list[str] | None = None) -> int:
    from bench.build_scale import EXAMPLES, make_corpus, run_build

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--control-n", type=int, default=20_000_000, help="Loop length of one ceiling unit.")
    parser.add_argument("--no-replace", action="store_true", help="Leave out the transactional replacements.")
    parser.add_argument("--work", type=Path, default=Path("/tmp/graphtool-jobs-ratio"))
    parser.add_argument("--out", type=Path, default=HERE / "jobs_ratio.json")
    args = parser.parse_args(argv)
    if args.documents < args.rounds or args.rounds < 1 or args.control_n < 1:
        parser.error("--rounds must be at least 1 and at most --documents; --control-n at least 1")

    shutil.rmtree(args.work, ignore_errors=True)
    corpus = args.work / "corpus"
    made = make_corpus(corpus, args.documents, args.seed)
    print(json.dumps(made), file=sys.stderr, flush=True)

    from graphtool.build import build
    from graphtool.store import GraphStore

    build([EXAMPLES], GraphStore(None), jobs=1)  # reference caches ready before anything is timed
    folders = sorted(p for p in corpus.iterdir() if p.is_dir())
    phases = ("build",) if args.no_replace else ("build", "replace")
    rows, rounds = [], []
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    for r in range(args.rounds):
        share = folders[r :: args.rounds]
        controls = [ceiling(args.control_n, first_two=r % 2 == 1)]
        summary = {"round": r + 1}
        for phase in phases:
            order = (1, 2) if (r + (phase == "replace")) % 2 == 0 else (2, 1)
            made_here = {}
            for jobs in order:
                options = {"bulk": True} if phase == "build" else {"bulk": False, "force": True}
                row = run_build(
                    f"round {r + 1}, {phase}, --jobs {jobs}", share, args.work / f"jobs{jobs}", jobs=jobs, **options
                )
                row.update(round=r + 1, phase=phase, jobs=jobs)
                rows.append(row)
                made_here[jobs] = row
            one, two = made_here[1], made_here[2]
            summary[f"{phase}: --jobs 2 / --jobs 1"] = round(one["seconds"] / two["seconds"], 2)
            summary[f"{phase}: bound from --jobs 1's CPU"] = bound(one)
        controls.append(ceiling(args.control_n, first_two=r % 2 == 0))
        summary["ceiling (1 process / 2 processes; 2 in own sessions), before and after"] = controls
        rounds.append(summary)
        print(json.dumps(summary), file=sys.stderr, flush=True)

    totals = {}
    for phase in phases:
        for jobs in (1, 2):
            mine = [x for x in rows if x["phase"] == phase and x["jobs"] == jobs]
            keys = (
                "seconds",
                "documents read",
                WRITER,
                "build process main thread CPU s",
                WORKERS,
                "other processes' CPU s",
            )
            total = {k: round(sum(x[k] for x in mine), 1) for k in keys}
            total["documents/s"] = round(total["documents read"] / total["seconds"], 2)
            total["writer CPU ms per document"] = round(1000 * total[WRITER] / max(1, total["documents read"]), 1)
            total["workers CPU ms per document"] = round(1000 * total[WORKERS] / max(1, total["documents read"]), 1)
            totals[f"{phase}, --jobs {jobs}"] = total
        one, two = totals[f"{phase}, --jobs 1"], totals[f"{phase}, --jobs 2"]
        totals[f"{phase}: --jobs 2 / --jobs 1"] = round(one["seconds"] / two["seconds"], 2)
        totals[f"{phase}: bound from --jobs 1's CPU"] = bound(one)
    key = "ceiling (1 process / 2 processes; 2 in own sessions), before and after"
    for k, label in enumerate(("2 processes", "2 processes, own sessions")):
        every = sorted(c[k] for x in rounds for c in x[key])
        totals[f"ceiling, {label}: median, min, max"] = [every[len(every) // 2], every[0], every[-1]]
    result = {"started": started, "corpus": made, "rows": rows, "rounds": rounds, "totals": totals}
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    cols = ("seconds", "documents/s", WRITER, "build process main thread CPU s", WORKERS, "other processes' CPU s")
    print("| run | " + " | ".join(cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for row in rows:
        print(f"| {row['run']} | " + " | ".join(str(row.get(c, "")) for c in cols) + " |")
    print()
    for summary in rounds:
        print(json.dumps(summary))
    print(json.dumps(totals, ensure_ascii=False))
    shutil.rmtree(args.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
