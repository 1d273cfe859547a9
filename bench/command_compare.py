"""``graphtool map`` and ``graphtool report`` by two versions of the code, side by side on one store (issue 12).

    python -m bench.command_compare --old edc5f1a [--new HEAD] [--triples 1000000] [--rounds 2] [--warm 2]
        [--store DIR] [--new-store DIR] [OPERATION ...]

OPERATION is ``map:community``, ``map:donor``, ``map:program``, ``map:oblast``, ``map:whole``,
``report:KIND`` (community, donor, program, partnerships) or ``query:NAME`` (a library question run with
no parameter, as ``graphtool query NAME`` does; its rows, in order, are the output compared); default: the
three maps and the community report. The store is generated once (``bench.synth``, on disk; kept in
``--store`` when given) and opened read-only by every run; with ``--new-store``, the new version reads that
one instead (a store written by the new code's own build, when the change is in how a store is written;
both must hold the same data; made by the code running this script when missing). Both versions are taken
with ``git archive`` into folders of their own (edits to the working tree during the run change nothing);
each run is a fresh process of one version that does the command once as one CLI call does (it builds the
name index) and ``--warm`` times more reusing it (as a serving worker does), focused on the generator's
anchors by IRI. Every question the command asks is
timed (count, wall, CPU, rows) by the first line of its ``queries/internal`` file. The map's HTML (or the
report's Markdown) of each version is kept next to the store and compared byte for byte. Rows go to
stderr as JSON, a Markdown table to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

_RUN = """
import json, os, sys, time
from collections import defaultdict
from pathlib import Path
import graphtool
assert Path(graphtool.__file__).resolve().is_relative_to(Path.cwd().resolve()), graphtool.__file__
from graphtool import reader as questions
from graphtool.store import GraphStore
store_dir, anchors_file, operation, out, warm = sys.argv[1:]
anchors = json.loads(Path(anchors_file).read_text(encoding="utf-8"))
store = GraphStore(store_dir, read_only=True)
first = {questions.question(p.stem).splitlines()[0]: p.stem for p in questions.INTERNAL.glob("*.rq")}
asked = defaultdict(lambda: [0, 0.0, 0.0, 0])
select = store.select
def timed(query, bindings=None):
    t, c = time.perf_counter(), time.process_time()
    table = select(query, bindings)
    row = asked[first.get(query.splitlines()[0], "other")]
    row[0] += 1; row[1] += time.perf_counter() - t; row[2] += time.process_time() - c; row[3] += len(table.rows)
    return table
store.select = timed
command, kind = operation.split(":")
anchor = {"partnerships": "oblast"}.get(kind, kind)
def run():
    if command == "query":
        from graphtool.library import run_query
        table = run_query(store, kind, {})
        cells = lambda row: "\\t".join("" if t is None else t.n3() for t in row)
        Path(out).write_text("".join(cells(row) + "\\n" for row in table.rows), encoding="utf-8")
        return {"rows": len(table.rows)}
    if command == "map":
        from graphtool.maps import write_map
        done = write_map(store, out, **({} if kind == "whole" else {kind: anchors[anchor]["iri"]}))
        return {"nodes": done.nodes, "edges": done.edges}
    from graphtool.report import build_report, render_report
    report = build_report(store, kind, anchors[anchor]["iri"])
    Path(out).write_text(render_report(report, "md"), encoding="utf-8")
    return {"links": sum(len(links) for links in report.groups.values())}
for i in range(1 + int(warm)):
    asked.clear()
    load = os.getloadavg()[0]
    t, c = time.perf_counter(), time.process_time()
    row = run()
    row.update(run=i, wall=time.perf_counter() - t, cpu=time.process_time() - c, load=load,
               questions=sum(v[0] for v in asked.values()),
               by_question={k: [v[0], round(v[1], 3), round(v[2], 3), v[3]] for k, v in asked.items()})
    print(json.dumps(row, ensure_ascii=False), flush=True)
"""

OPERATIONS = ("map:community", "map:donor", "map:whole", "report:community")
ANCHOR = {"oblast": "oblast", "community": "community", "donor": "donor", "program": "program",
          "partnerships": "oblast"}  # fmt: skip


def archive(rev: str, into: Path) -> Path:
    """The code of ``rev`` in a folder of its own."""
    into.mkdir(parents=True, exist_ok=True)
    tar = subprocess.run(["git", "-C", str(REPO), "archive", rev], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=tar, check=True)
    return into


def make_store(path: Path, triples: int) -> Path:
    """A generated store on disk (``bench.synth``) and its anchors, made once."""
    from bench import synth
    from graphtool.store import GraphStore

    anchors = path.with_suffix(".anchors.json")
    if not path.exists():
        nquads = path.with_suffix(".nq")
        synth.write_nquads(nquads, triples)
        store = GraphStore(path)
        store.bulk_load_nquads(nquads)
        store.flush()
        del store
        nquads.unlink()
    anchors.write_text(json.dumps(synth.anchors(), ensure_ascii=False), encoding="utf-8")
    return anchors


def run(code: Path, store: Path, anchors: Path, operation: str, out: Path, warm: int) -> list[dict]:
    """One fresh process of the code in ``code``: the command once, then ``warm`` times more."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(store), str(anchors), operation, str(out), str(warm)],
        cwd=code, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def table(rows: list[dict]) -> str:
    """Medians per command and version: questions, CPU and wall of the first run and of the warm runs."""
    out = [
        "| command | shown | questions, old -> new | first run CPU s, old -> new | first run wall s | "
        "warm CPU s | warm wall s | outputs |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for operation in dict.fromkeys(r["operation"] for r in rows):

        def med(version: str, key: str, warm: bool, operation: str = operation) -> float:
            values = [r[key] for r in rows if r["operation"] == operation and r["version"] == version
                      and (r["run"] > 0) == warm]  # fmt: skip
            return statistics.median(values) if values else float("nan")

        first = next(r for r in rows if r["operation"] == operation and r["version"] == "new")
        shown = ", ".join(f"{first[k]:,} {k}" for k in ("nodes", "edges", "links", "rows") if k in first)
        same = {r["same_output"] for r in rows if r["operation"] == operation and "same_output" in r}
        same_rows = {r.get("same_rows") for r in rows if r["operation"] == operation and "same_output" in r}
        verdict = "same" if same == {True} else "same rows, order differs" if same_rows == {True} else "DIFFERENT"
        digits = 2 if operation.startswith("query:") else 1  # a question takes tenths of a second
        cells = [f"{med('old', k, w):.{digits}f} -> {med('new', k, w):.{digits}f}" for w in (False, True)
                 for k in ("cpu", "wall")]  # fmt: skip
        out.append(
            f"| {operation} | {shown} | {med('old', 'questions', False):,.0f} -> {med('new', 'questions', False):,.0f} | "
            + " | ".join(cells)
            + f" | {verdict} |"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("operations", nargs="*", default=list(OPERATIONS))
    parser.add_argument("--old", required=True, help="git revision of the old code")
    parser.add_argument("--new", default="HEAD", help="git revision of the new code")
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--warm", type=int, default=2, help="runs after the first in the same process")
    parser.add_argument("--store", type=Path, help="the generated store (made when missing, kept)")
    parser.add_argument("--new-store", type=Path, help="the store the new version reads (default: --store)")
    args = parser.parse_args(argv)
    for operation in args.operations:
        command, _, kind = operation.partition(":")
        if command == "query" and kind:
            continue
        if command not in ("map", "report") or (kind not in ANCHOR and not (command == "map" and kind == "whole")):
            parser.error(f"unknown operation {operation!r}")
    with tempfile.TemporaryDirectory(prefix="command-compare-") as tmp:
        work = Path(tmp)
        store = args.store or work / "store"
        anchors = make_store(store, args.triples)
        stores = {"old": store, "new": args.new_store or store}
        if args.new_store is not None:
            make_store(args.new_store, args.triples)
        code = {v: archive(rev, work / v) for v, rev in (("old", args.old), ("new", args.new))}
        rows: list[dict] = []
        for round_ in range(args.rounds):
            for operation in args.operations:
                outputs = {}
                for version in ("old", "new") if round_ % 2 == 0 else ("new", "old"):
                    out = work / f"{version}-{operation.replace(':', '-')}.out"
                    for row in run(code[version], stores[version], anchors, operation, out, args.warm):
                        row.update(version=version, operation=operation, round=round_)
                        rows.append(row)
                        print(json.dumps(row, ensure_ascii=False), file=sys.stderr, flush=True)
                    outputs[version] = out.read_bytes()
                rows[-1]["same_output"] = outputs["old"] == outputs["new"]
                rows[-1]["same_rows"] = sorted(outputs["old"].splitlines()) == sorted(outputs["new"].splitlines())
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
