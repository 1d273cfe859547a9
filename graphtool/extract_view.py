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
            "money": [asdict(f) for f in extraction.flows],
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
            lines.append(f"      {_where(ev)} {text[:200]}")
        if not r.evidence:
            lines.append("      (reference data)")
    if extraction.flows:
        lines.append(f"\nMoney ({len(extraction.flows)}, as written, never converted):")
        for f in extraction.flows:
            who = f" {labels.get(f.provider, f.provider or '?')} -> {labels.get(f.receiver, f.receiver or '?')}"
            day = f.date or f.period_start or f.value_date or ""
            lines.append(f"  {labels.get(f.activity, f.activity)}: {f.kind} {f.amount} {f.currency} {day}{who}")
            lines.append(f"      {_where(f.evidence)}")
    return "\n".join(lines) + "\n"


def _where(ev) -> str:
    """A sentence's character span, or an XML element's line and path."""
    return f"line {ev.line} {ev.path}" if ev.path else f"[{ev.start}-{ev.end}]"
