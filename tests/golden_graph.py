"""Whole-graph snapshots of the narrative loader's output.

A snapshot is every entity (type, key, label, names, identifiers, mention spans) and every relation
(with each evidence span) the loader returns for one document, one fact a line, sorted. The test
compares the whole snapshot, so an extra relation fails exactly like a missing one, and the failure
is a readable diff of what was gained and lost. ``GRAPHTOOL_UPDATE_GOLDEN=1 pytest tests/test_golden.py``
rewrites the snapshots after a change that is meant; the diff then goes into the commit.
"""

from __future__ import annotations

from loaders.base import Extraction


def snapshot_lines(ex: Extraction) -> list[str]:
    """The extraction as stable, human-readable lines: entity blocks by key, then relations sorted."""
    labels = {k: e.label for k, e in ex.entities.items()}
    lines: list[str] = []
    for key in sorted(ex.entities):
        ent = ex.entities[key]
        kind = "E" if ent.mentions else "R"  # found in the text, or reference data pulled in by linking
        ids = " ".join(f"{k}={v}" for k, v in sorted(ent.identifiers.items()))
        lines.append(f"{kind} {ent.type} {key} «{ent.label}» {ids}".rstrip())
        lines += [f"  name «{name}»" for name in sorted(ent.names - {ent.label})]
        spans = sorted({(ev.start, ev.end) for ev in ent.mentions})
        if spans:
            lines.append("  mentions " + " ".join(f"@{s}-{e}" for s, e in spans))
    rels: set[str] = set()
    for rel in ex.relations:
        head = f"{labels.get(rel.subject, rel.subject)} -{rel.predicate}-> {labels.get(rel.object, rel.object)}"
        if not rel.evidence:
            rels.add(f"L {head} [{rel.subject} {rel.object}] (reference)")
        for ev in rel.evidence:
            status = rel.status.get((ev.start, ev.end))
            rels.add(f"L {head} [{rel.subject} {rel.object}] @{ev.start}-{ev.end}" + (f" ({status})" if status else ""))
    return lines + sorted(rels)


def relation_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("L ")]
