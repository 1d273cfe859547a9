"""The narrative loader now against an earlier release, side by side on the same inputs, in one run.

    python -m bench.loader_compare [--ref 7918a65] [--rounds 3] [--out bench/LOADER_COMPARE.md]

The earlier release is checked out from git into a temporary worktree; each side runs in its own
process (with its own reference-data cache, built before timing), and the rounds alternate A, B, A,
B so that the shared, noisy machine affects both alike. Reported: KB of text per CPU-second on
(1) the real corpus in ../shared/corpus/narrative, (2) the generated benchmark corpus (bench.corpus),
and the CPU seconds of two pathological inputs that must stay linear: a 1 MB line of "." and
200 KB of repeated "м. ". Medians over the rounds, and the ratio new/old.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

PATHOLOGICAL = ("1 MB of '.'", "200 KB of 'м. '")

_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from loaders.narrative import LOADER
from loaders.text import read_text
files = json.loads(sys.argv[2])
texts = [(f, read_text(Path(f))) for f in files]
# reference data loaded before timing: registry, gazetteer, its Latin-name cache, the English and Russian indexes
LOADER.extract_text("Житомир, проєкт «Тест» за підтримки USAID. Прилуки підписали меморандум з гміною Дубецько.")
LOADER.extract_text("Kyiv twinned with Paris and Bourges.")
LOADER.extract_text("Мэр Львова подписал соглашение с Тарту.")
out = {}
for name, text in texts:
    t0 = time.process_time()
    LOADER.extract_text(text, Path(name).name)
    out[name] = time.process_time() - t0
print(json.dumps(out))
"""


def _inputs(work: Path) -> dict[str, list[str]]:
    from bench import corpus

    sets: dict[str, list[str]] = {}
    real = sorted(str(p) for p in (SHARED / "corpus" / "narrative").glob("*.txt"))
    if real:
        sets["real corpus"] = real
    gen = work / "generated"
    if not gen.exists():
        corpus.write_corpus(gen, 1 << 20)
    sets["generated 1 MB"] = sorted(str(p) for p in gen.glob("*.txt"))
    dots = work / "dots.txt"
    dots.write_text("." * (1 << 20), encoding="utf-8")
    ms = work / "m-dot.txt"
    ms.write_text("м. " * (200_000 // 3), encoding="utf-8")
    sets["1 MB of '.'"] = [str(dots)]
    sets["200 KB of 'м. '"] = [str(ms)]
    return sets


def _run(tree: Path, files: list[str], cache: Path, timeout: float) -> dict[str, float] | None:
    env = {**os.environ, "GRAPHTOOL_CACHE": str(cache), "PYTHONPATH": str(tree)}
    try:
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, str(tree), json.dumps(files)],
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
            cwd=tree,
        )
    except subprocess.TimeoutExpired:
        return None
    if out.returncode != 0:
        raise SystemExit(f"loader at {tree} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", default="7918a65", help="git revision of the earlier release (default: session-2 start)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--pathological-timeout", type=float, default=60, help="seconds for each pathological input")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "LOADER_COMPARE.md")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="gt-compare-") as tmp:
        work = Path(tmp)
        old = work / "old"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(old), args.ref], check=True,
                       capture_output=True)  # fmt: skip
        try:
            sets = _inputs(work)
            sides = {"new": (ROOT, work / "cache-new"), "old": (old, work / "cache-old")}
            for _name, (tree, cache) in sides.items():  # build each side's caches before any timing
                cache.mkdir()
                _run(
                    tree,
                    sets["real corpus" if "real corpus" in sets else "generated 1 MB"][:1],
                    cache,
                    args.timeout * 3,
                )
            times: dict[str, dict[str, list[float | None]]] = {s: {k: [] for k in sides} for s in sets}
            for r in range(args.rounds):
                for side in ("new", "old") if r % 2 == 0 else ("old", "new"):
                    tree, cache = sides[side]
                    for set_name, files in sets.items():
                        pathological = set_name in PATHOLOGICAL
                        if pathological and r > 0:
                            continue  # once is enough to tell seconds from minutes
                        limit = args.pathological_timeout if pathological else args.timeout
                        got = _run(tree, files, cache, limit)
                        times[set_name][side].append(None if got is None else sum(got.values()))
                print(f"round {r + 1}/{args.rounds} done", file=sys.stderr, flush=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], capture_output=True)
        rows = []
        for set_name, files in sets.items():
            kb = sum(Path(f).stat().st_size for f in files) / 1024
            med = {}
            for side in ("new", "old"):
                vals = [v for v in times[set_name][side] if v is not None]
                med[side] = statistics.median(vals) if vals else None
            rows.append((set_name, len(files), kb, med["new"], med["old"]))
    lines = [
        "# Narrative loader: this version against an earlier release",
        "",
        f"`python -m bench.loader_compare --ref {args.ref} --rounds {args.rounds}`, run on "
        f"{time.strftime('%Y-%m-%d')} ({os.cpu_count()} cores, shared machine). Median CPU seconds of "
        "extraction per input set (reference data loaded before timing), both sides in one run, alternating.",
        "",
        "| input | documents | KB | new: CPU s | new: KB per CPU-s | old: CPU s | old: KB per CPU-s | new / old time |",
        "|---|---|---|---|---|---|---|---|",
    ]

    def fmt(v: float | None) -> str:
        return "timeout" if v is None else f"{v:.2f}"  # pathological inputs: more than --pathological-timeout

    def rate(kb: float, v: float | None) -> str:
        return "-" if not v else f"{kb / v:.0f}"

    for name, n, kb, new, old in rows:
        ratio = "-" if not new or not old else f"{new / old:.2f}"
        lines.append(
            f"| {name} | {n} | {kb:.0f} | {fmt(new)} | {rate(kb, new)} | {fmt(old)} | {rate(kb, old)} | {ratio} |"
        )
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
