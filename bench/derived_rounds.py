"""A build in rounds by two versions of the code, side by side (issue 15: the build thread's CPU per round).

    python -m bench.derived_rounds --old 7450800 [--new HEAD] [--documents 5000] [--rounds 4] [--jobs 2]

Both versions are taken with ``git archive`` into folders of their own (so edits to the working tree
during the run change nothing) and each round runs in a fresh process of that version's code
(``bench.build_scale.run_build``, bulk), old and new alternating which goes first. The corpus is
``bench.build_scale.make_corpus`` (real pages of ../shared/corpus under new names, generated news and
reports); round ``r`` builds a ``1/--rounds`` share of its folders into each version's store, so the
stores grow round by round as a weekly collection does. Rows go to stderr as JSON, a Markdown table to
stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

_ROUND = """
import json, sys
from pathlib import Path
import graphtool
assert Path(graphtool.__file__).resolve().is_relative_to(Path.cwd().resolve()), graphtool.__file__
from bench.build_scale import EXAMPLES, run_build
from graphtool.build import build
from graphtool.store import GraphStore
label, store, jobs, *folders = sys.argv[1:]
build([EXAMPLES], GraphStore(None), jobs=1)  # reference caches ready before anything is timed
row = run_build(label, [Path(f) for f in folders], Path(store), jobs=int(jobs), bulk=True)
print(json.dumps(row, ensure_ascii=False))
"""


def snapshot(ref: str, folder: Path) -> str:
    """The tree of ``ref`` extracted into ``folder``; returns the commit's short hash."""
    commit = subprocess.run(["git", "rev-parse", "--short", ref], cwd=REPO, check=True, capture_output=True, text=True)
    folder.mkdir(parents=True)
    archive = subprocess.Popen(["git", "archive", ref], cwd=REPO, stdout=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", str(folder)], stdin=archive.stdout, check=True)
    archive.wait()
    return commit.stdout.strip()


def run_in(code: Path, snippet: str, *args: str) -> dict:
    """Run ``snippet`` with ``args`` in a fresh interpreter over the tree ``code``; its last output line, as JSON."""
    done = subprocess.run(
        [sys.executable, "-c", snippet, *args],
        cwd=code,
        env={**os.environ, "PYTHONPATH": str(code)},
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", required=True, help="Git ref of the code to compare against.")
    parser.add_argument("--new", default="HEAD")
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--work", type=Path, default=Path("/tmp/graphtool-derived-rounds"))
    args = parser.parse_args(argv)

    from bench.build_scale import make_corpus

    shutil.rmtree(args.work, ignore_errors=True)
    code = {name: args.work / f"code-{name}" for name in ("old", "new")}
    commits = {name: snapshot(ref, code[name]) for name, ref in (("old", args.old), ("new", args.new))}
    corpus = args.work / "corpus"
    made = make_corpus(corpus, args.documents, args.seed)
    print(json.dumps({"corpus": made, "commits": commits}), file=sys.stderr, flush=True)
    folders = sorted(p for p in corpus.iterdir() if p.is_dir())
    rows = []
    for r in range(args.rounds):
        share = [str(p) for p in folders[r :: args.rounds]]
        for name in ("old", "new") if r % 2 == 0 else ("new", "old"):
            label = f"round {r + 1}, {name} ({commits[name]})"
            started = time.strftime("%H:%M:%S", time.gmtime())
            row = run_in(code[name], _ROUND, label, str(args.work / f"store-{name}"), str(args.jobs), *share)
            row["code"], row["round"], row["started (UTC)"] = name, r + 1, started
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), file=sys.stderr, flush=True)
    print(
        "| round | code | wall s | after the last document s | build process CPU s | its thread CPU s | "
        "workers CPU s | other processes' CPU s | load average |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        others = row["other processes' CPU s"]
        print(
            f"| {row['round']} | {row['code']} | {row['seconds']} | {row['seconds after the last document']} | "
            f"{row['build process CPU s']} | {row['build process main thread CPU s']} | {row['workers CPU s']} | "
            f"{others} | "
            f"{row['load average at start']}–{row['load average at end']} |"
        )
    for name in ("old", "new"):
        mine = [x for x in rows if x["code"] == name]
        total = {k: round(sum(x[k] for x in mine), 1) for k in (
            "seconds", "seconds after the last document", "build process CPU s", "build process main thread CPU s")}  # fmt: skip
        print(f"| all | {name} | {total['seconds']} | {total['seconds after the last document']} | "
              f"{total['build process CPU s']} | {total['build process main thread CPU s']} | | | |")  # fmt: skip
    shutil.rmtree(args.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
