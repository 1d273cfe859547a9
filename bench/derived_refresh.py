"""What refreshing the derived counts costs after a batch of changed documents (issue 15): every row
(the code before the keyed refresh) against only the rows the batch reaches, side by side in one run.

    python -m bench.derived_refresh [--triples 1000000 5000000] [--fraction 0.01] [--batches 3]

For each size a store of :mod:`bench.synth` documents is bulk-loaded (with its default-graph index) and
counted once. Then ``2 × --batches`` batches, each of ``--fraction`` of the documents replaced one by
one with other versions (other facts, as a weekly collection brings), alternate between the two ways of
counting (old, new, new, old, …, so a change in the machine's load falls on both): "full" computes
every row, as before (its writes are made with the keys switched off, so no finder runs); "keyed" finds
the keys before each replacement and at the refresh and recomputes their rows. Times are the build
thread's CPU (``time.thread_time``) and wall: the replacements (which hold the keyed finders run before
each removal), the finders in all, and the refresh. After the last batch the stored counts are checked
against a full recompute. Rows go to stdout as JSON lines and a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path


def _timed(fn, *args, **kwargs):
    wall, cpu = time.perf_counter(), time.thread_time()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - wall, time.thread_time() - cpu


def make_store(work: Path, triples: int):
    from bench import synth
    from graphtool.store import GraphStore

    work.mkdir(parents=True, exist_ok=True)
    path = work / f"synth-{triples}.nq"
    counts = synth.write_nquads(path, triples)
    store = GraphStore(work / f"store-{triples}")
    store.bulk_load_nquads(path)
    _, wall, cpu = _timed(store.flush)
    path.unlink()
    print(f"# {triples}: {counts}, first count {wall:.1f} s wall / {cpu:.1f} s CPU", file=sys.stderr, flush=True)
    return store, counts["documents"]


def run(triples: int, work: Path, fraction: float, batches: int, seed: int) -> list[dict]:
    from pyoxigraph import NamedNode, RdfFormat, parse

    from bench import synth
    from graphtool.derived import DERIVED_GRAPH, KEY_CLASSES, derived_terms
    from graphtool.iri import document_iri
    from graphtool.store import PREFIXES, GraphStore

    store, documents = make_store(work, triples)
    finders = [0.0, 0.0]
    find = GraphStore._find_derived_keys

    def timed_find(self, graphs):
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return find(self, graphs)
        finally:
            finders[0] += time.perf_counter() - wall
            finders[1] += time.thread_time() - cpu

    GraphStore._find_derived_keys = timed_find
    rng, iris, pools = random.Random(seed), {}, synth.Pools()
    rows = []
    modes = [m for k in range(batches) for m in (("full", "keyed") if k % 2 == 0 else ("keyed", "full"))]
    for batch, mode in enumerate(modes):
        names = [f"synth_{k:06d}.txt" for k in rng.sample(range(documents), max(1, round(documents * fraction)))]
        versions = [
            (str(document_iri(name)), synth.document_lines(rng, name, iris, facts=pools.facts(rng), pools=pools))
            for name in names
        ]
        finders[:] = [0.0, 0.0]
        if mode == "full":
            store._derived_keys = None  # no finder runs: every row at the refresh, as before the keyed refresh
        load = os.getloadavg()[0]

        def replace_all(versions=versions) -> int:
            n = 0
            for iri, lines in versions:
                n += store.replace_document(iri, list(parse(("\n".join(lines) + "\n").encode(), RdfFormat.N_QUADS)))
            return n

        quads, write_wall, write_cpu = _timed(replace_all)
        keys: dict[str, int] = {}
        before_finders = list(finders)
        computed, refresh_wall, refresh_cpu = _timed(store.refresh_derived)
        if mode == "keyed":
            keys = {kc.name: len(store_keys) for kc, store_keys in zip(KEY_CLASSES, last_keys(store), strict=True)}
        row = {
            "triples": triples,
            "batch": batch + 1,
            "mode": mode,
            "documents replaced": len(versions),
            "quads written": quads,
            "replacements wall s": round(write_wall, 2),
            "replacements CPU s": round(write_cpu, 2),
            "finders before removal CPU s": round(before_finders[1], 2),
            "refresh wall s": round(refresh_wall, 2),
            "refresh CPU s": round(refresh_cpu, 2),
            "finders in all CPU s": round(finders[1], 2),
            "derived triples computed": computed,
            "keys": keys,
            "load average": round(load, 1),
        }
        rows.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
    fresh = set(derived_terms(store.oxigraph, union=not store.default_graph_is_index, prefixes=PREFIXES))
    stored = {q.triple for q in store.oxigraph.quads_for_pattern(None, None, None, NamedNode(DERIVED_GRAPH))}
    assert fresh == stored, "the keyed refresh left counts a full recompute does not give"
    totals = {}
    for kc in KEY_CLASSES:
        predicate = NamedNode(
            "https://w3id.org/graphtool/ontology#" + (kc.subject_predicates or kc.object_predicates)[0]
        )
        totals[kc.name] = len({t.subject for t in fresh if t.predicate == predicate})
    print(json.dumps({"triples": triples, "rows by key class": totals}), file=sys.stderr, flush=True)
    for row in rows:
        row["rows by key class"] = totals
    GraphStore._find_derived_keys = find
    return rows


_KEYS_SEEN: dict[int, list[set]] = {}


def last_keys(store) -> list[set]:
    return _KEYS_SEEN.pop(id(store), [set() for _ in range(5)])


def _record_keys() -> None:
    """Keep the keys each keyed refresh recomputes (the store forgets them once written)."""
    from graphtool.derived import KEY_CLASSES
    from graphtool.store import GraphStore

    keyed = GraphStore._keyed_rows

    def recording(self):
        result = keyed(self)
        if self._derived_keys is not None:
            _KEYS_SEEN[id(self)] = [set(self._derived_keys.get(kc.name, ())) for kc in KEY_CLASSES]
        return result

    GraphStore._keyed_rows = recording


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[1_000_000, 5_000_000])
    parser.add_argument("--fraction", type=float, default=0.01, help="Share of the documents per batch.")
    parser.add_argument("--batches", type=int, default=3, help="Batches per way of counting.")
    parser.add_argument("--work", type=Path, default=Path("/tmp/graphtool-derived-refresh"))
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)
    _record_keys()
    rows = []
    for triples in args.triples:
        rows += run(triples, args.work / str(triples), args.fraction, args.batches, args.seed)
    print("| triples | batch | counting | documents | replacements CPU s | of which finders | refresh wall s | "
          "refresh CPU s | of which finders | triples computed | keys: donors, programmes, countries, documents, "
          "projects (of all rows) | load |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        keys = r["keys"]
        total = r["rows by key class"]
        shown = ", ".join(f"{keys.get(k, '—')}/{total[k]}" for k in total) if keys else "all"
        print(
            f"| {r['triples']:,} | {r['batch']} | {r['mode']} | {r['documents replaced']} | {r['replacements CPU s']} | "
            f"{r['finders before removal CPU s']} | {r['refresh wall s']} | {r['refresh CPU s']} | "
            f"{round(r['finders in all CPU s'] - r['finders before removal CPU s'], 2)} | "
            f"{r['derived triples computed']:,} | {shown} | {r['load average']} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
