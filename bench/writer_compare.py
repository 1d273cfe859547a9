"""The build process's CPU per document written one transaction each, by two versions of the code side by side
(issue 15: what the writer costs when documents are added to or replaced in an existing store).

    python -m bench.writer_compare --old f772405 [--old-paths graphtool/store.py graphtool/build.py] [--new HEAD]
                                   [--documents 1000] [--repeats 3] [--jobs 2]

Both versions are taken with ``git archive`` (:func:`bench.derived_rounds.snapshot`); with ``--old-paths``
the old version is the new tree with only those files as they were at ``--old`` (so the loaders, which
others change meanwhile, are the same in both). The corpus
(:func:`bench.build_scale.make_corpus`) is split by folder: the first half is bulk-built once into a base
store (by the new code). Then, for each repeat and each version (which goes first alternates), in a fresh
process of that version, on a copy of the base store, without the bulk loader (one transaction per
document, as a weekly build of a few hundred changed files is written):

- ``add``: the second half of the folders, documents the store does not hold;
- ``replace``: the first half again with ``--force`` (every document read again and replaced, as after a
  new loader version; the extraction gives the same quads but the build time).

Each row: wall seconds, the build process's CPU (its own thread and the others), the workers' CPU and
the machine's other processes' CPU (:func:`bench.build_scale.run_build`). Rows go to stderr as JSON,
a Markdown table to stdout, everything to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

_RUN = """
import json, sys
from pathlib import Path
import graphtool
assert Path(graphtool.__file__).resolve().is_relative_to(Path.cwd().resolve()), graphtool.__file__
from bench.build_scale import EXAMPLES, run_build
from graphtool.build import build
from graphtool.store import GraphStore
label, store, jobs, force, *folders = sys.argv[1:]
build([EXAMPLES], GraphStore(None), jobs=1)  # reference caches ready before anything is timed
row = run_build(label, [Path(f) for f in folders], Path(store), jobs=int(jobs), bulk=False, force=force == "force")
print(json.dumps(row, ensure_ascii=False))
"""

COLUMNS = (
    "seconds",
    "documents read",
    "build process CPU s",
    "build process main thread CPU s",
    "build process other threads CPU s",
    "workers CPU s",
    "other processes' CPU s",
)


def main(argv: list[str] | None = None) -> int:
    from bench.build_scale import EXAMPLES, make_corpus, run_build
    from bench.derived_rounds import run_in, snapshot

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", required=True, help="Git ref of the code to compare against.")
    parser.add_argument("--old-paths", nargs="*", default=[], help="Take only these files from --old.")
    parser.add_argument("--new", default="HEAD")
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--work", type=Path, default=Path("/tmp/graphtool-writer-compare"))
    parser.add_argument("--out", type=Path, default=HERE / "writer_compare.json")
    args = parser.parse_args(argv)
    if args.documents < 4 or args.repeats < 1 or args.jobs < 1:
        parser.error("--documents must be at least 4, --repeats and --jobs at least 1")

    shutil.rmtree(args.work, ignore_errors=True)
    code = {"old": args.work / "old", "new": args.work / "new"}
    if args.old_paths:
        commits = {"new": snapshot(args.new, code["new"])}
        snapshot(args.new, code["old"])
        for path in args.old_paths:
            shown = subprocess.run(
                ["git", "show", f"{args.old}:{path}"], cwd=HERE.parent, check=True, capture_output=True
            )
            (code["old"] / path).write_bytes(shown.stdout)
        commits["old"] = f"{commits['new']} with {', '.join(args.old_paths)} of {args.old}"
    else:
        commits = {name: snapshot(getattr(args, name), folder) for name, folder in code.items()}
    corpus = args.work / "corpus"
    made = make_corpus(corpus, args.documents, args.seed)
    folders = sorted(p for p in corpus.iterdir() if p.is_dir())
    first, second = folders[: len(folders) // 2], folders[len(folders) // 2 :]

    from graphtool.build import build
    from graphtool.store import GraphStore

    build([EXAMPLES], GraphStore(None), jobs=1)
    base = args.work / "base"
    base_row = run_build("base (first half, bulk)", first, base, jobs=args.jobs, bulk=True)

    rows = []
    for repeat in range(args.repeats):
        for phase, share, force in (("add", second, ""), ("replace", first, "force")):
            order = ("old", "new") if (repeat + (phase == "replace")) % 2 == 0 else ("new", "old")
            for version in order:
                store = args.work / f"store-{version}"
                shutil.rmtree(store, ignore_errors=True)
                shutil.copytree(base, store)
                label = f"{phase}, {version} ({commits[version]}), repeat {repeat + 1}"
                row = run_in(code[version], _RUN, label, str(store), str(args.jobs), force or "-", *map(str, share))
                row.update(phase=phase, version=version, commit=commits[version], repeat=repeat + 1)
                rows.append(row)
                print(json.dumps(row, ensure_ascii=False), file=sys.stderr, flush=True)
                shutil.rmtree(store, ignore_errors=True)

    totals = {}
    for phase in ("add", "replace"):
        for version in ("old", "new"):
            mine = [r for r in rows if r["phase"] == phase and r["version"] == version]
            totals[f"{phase}, {version}"] = {c: round(sum(r[c] for r in mine), 1) for c in COLUMNS}
    result = {"corpus": made, "commits": commits, "base": base_row, "rows": rows, "totals": totals}
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("| run | " + " | ".join(COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 1) + "|")
    for row in rows:
        print(f"| {row['run']} | " + " | ".join(str(row[c]) for c in COLUMNS) + " |")
    for label, values in totals.items():
        print(f"| **{label} (sum)** | " + " | ".join(str(values[c]) for c in COLUMNS) + " |")
    shutil.rmtree(args.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
