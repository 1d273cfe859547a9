"""Stage "evidence": every relation's evidence span names both of its ends.

A sentence that continues the one naming an end ("Для реалізації ініціативи обрано 4 міста: …")
is evidence together with that earlier sentence: the span is widened back to it (within ``REACH``
characters). The document's own community (its subject) may stay implicit. Evidence that cannot
be widened is dropped, and a relation left with no evidence is no relation.
"""

from __future__ import annotations

from loaders.base import Evidence, Relation

REACH = 1500  # how far back a continuing sentence may reach for the sentence that named a relation's end


_CENTRES: dict[int, dict[str, str]] = {}


def _centres_of(gaz) -> dict[str, str]:
    """hromada key -> the key of its administrative centre (built once per gazetteer)."""
    got = _CENTRES.get(id(gaz))
    if got is None:
        got = _CENTRES[id(gaz)] = {h: c for c, h in gaz._hromada_of.items()}
    return got


def names_both_ends(xt) -> None:
    """The evidence invariant: a relation's evidence is a span that names both of its ends.

    A sentence that continues the one naming an end ("Для реалізації ініціативи обрано 4 міста: …")
    is evidence together with that earlier sentence: the span is widened back to it (within
    ``REACH`` characters). The document's own community (its subject) may stay implicit. Evidence
    that cannot be widened is dropped, and a relation left with no evidence is no relation.
    """
    ents = xt.ex.entities
    subject = set()
    if xt.home_key:
        subject = {xt.home_key, *(xt.home.parents[:1] if xt.home is not None else ())}
        hromada = xt.gaz.hromada_of(xt.home_key) if xt.gaz is not None else None
        if hromada is not None:
            subject.add(hromada.key)

    def same_place(key: str) -> set[str]:
        keys = {key}
        if xt.gaz is None or not key.startswith("katottg:"):
            return keys
        try:
            h = xt.gaz.hromada_of(key)
            if h is not None:
                keys.add(h.key)
            centre = _centres_of(xt.gaz).get(key)
            if centre is not None:
                keys.add(centre)
        except Exception:
            pass
        return keys

    spans_of: dict[str, list[Evidence]] = {}

    def spans(key: str) -> list[Evidence]:
        if key not in spans_of:
            evs = [ev for k in same_place(key) if k in ents for ev in ents[k].mentions]
            spans_of[key] = sorted(set(evs), key=lambda ev: ev.start)
        return spans_of[key]

    kept: list[Relation] = []
    for rel in xt.ex.relations:
        if not rel.evidence:
            kept.append(rel)  # reference data (codifier, registry): no text claimed it
            continue
        evidence: list[Evidence] = []
        for ev in rel.evidence:
            start = ev.start
            ok = True
            for end in (rel.subject, rel.object):
                if end in subject or end not in ents:
                    continue
                named = spans(end)
                if any(m.start < ev.end and ev.start < m.end for m in named):
                    continue
                before = [m for m in named if m.end <= ev.start and ev.start - m.start <= REACH]
                if not before and rel.predicate == "inCountry" and end == rel.object:
                    continue  # "досвід литовських колег у Вільнюсі": the adjective names the city's country
                if not before:
                    ok = False
                    break
                start = min(start, before[-1].start)
            if not ok:
                continue
            if start != ev.start:
                old_span = (ev.start, ev.end)
                ev = Evidence(xt.text[start : ev.end], start, ev.end)
                if old_span in rel.status:
                    rel.status[(ev.start, ev.end)] = rel.status.pop(old_span)
            if ev not in evidence:
                evidence.append(ev)
        if evidence:
            rel.evidence = evidence
            kept.append(rel)
    xt.ex.relations = kept
    xt.ex._index = {}
