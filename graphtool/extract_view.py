"""Human-readable view of one document's extraction (``graphtool extract``)."""

from __future__ import annotations

import json
from dataclasses import asdict

from loaders.base import Extraction

IDS = ("katottg", "geonames", "iso3166", "wikidata", "iati", "code")


def render_extraction(extraction: Extraction, *, as_json: bool = False) -> str:
    """Entities with their links, then relations with their evidence."""
    if as_json:
        data = {
            "entities": [
                {**asdict(e), "names": sorted(e.names), "mentions": [asdict(m) for m in e.mentions]}
                for e in extraction.entities.values()
            ],
            "relations": [asdict(r) for r in extraction.relations],
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    labels = {k: e.label for k, e in extraction.entities.items()}
    found = [e for e in extraction.entities.values() if e.mentions]
    lines = [f"Entities found ({len(found)}):"]
    for e in sorted(found, key=lambda e: (e.type, e.label)):
        ids = ", ".join(f"{k}={e.identifiers[k]}" for k in IDS if k in e.identifiers)
        extra = f" [{ids}]" if ids else ""
        where = f" @{e.lat:.3f},{e.lon:.3f}" if e.lat is not None and e.lon is not None else ""
        lines.append(f"  {e.type:<14} {e.label}{extra}{where}  ({len(e.mentions)} mentions)")
    lines.append(f"\nRelations ({len(extraction.relations)}):")
    for r in extraction.relations:
        lines.append(f"  {labels.get(r.subject, r.subject)} --{r.predicate}--> {labels.get(r.object, r.object)}")
        for ev in r.evidence[:3]:
            text = " ".join(ev.sentence.split())
            lines.append(f"      [{ev.start}-{ev.end}] {text[:200]}")
        if not r.evidence:
            lines.append("      (reference data)")
    return "\n".join(lines) + "\n"
