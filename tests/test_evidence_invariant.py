"""The evidence invariant (issue 11): every relation's evidence span names both of its ends.

An end counts as named when one of its mentions overlaps the span (a Ukrainian settlement and the
hromada it is the centre of are one place), or when it is the document's own community (its subject,
which the loader records as ``home``). ``inCountry`` may name its country by an adjective
("литовських колег") — the gazetteer's country of the city — so its object is exempt.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.narrative import _centres_of, _Extractor
from loaders.text import read_text

HERE = Path(__file__).parent
SHARED = HERE.resolve().parents[1] / "shared"
DOCS = [
    *sorted((HERE / "cases" / "narrative").glob("*/input.txt")),
    *sorted((HERE / "holdout" / "docs").glob("*.txt")),
    *sorted((SHARED / "seeds").glob("00[0-3]*.txt")),
    *sorted((SHARED / "corpus" / "narrative").glob("*.txt")),
]


@pytest.mark.parametrize("path", DOCS, ids=lambda p: f"{p.parent.name}/{p.name}"[:60])
def test_every_relation_names_both_ends_in_its_evidence(path: Path) -> None:
    text = read_text(path)
    xt = _Extractor(text, path.name)
    ex = xt.run()
    subject: set[str] = set()
    if xt.home_key:
        subject = {xt.home_key, *(xt.home.parents[:1] if xt.home is not None else ())}
        h = xt.gaz.hromada_of(xt.home_key) if xt.gaz is not None else None
        if h is not None:
            subject.add(h.key)
    centres = _centres_of(xt.gaz) if xt.gaz is not None else {}

    def aliases(key: str) -> set[str]:
        keys = {key}
        if xt.gaz is not None and key.startswith("katottg:"):
            h = xt.gaz.hromada_of(key)
            keys |= {h.key} if h is not None else set()
            keys |= {centres[key]} if key in centres else set()
        return keys

    bad = []
    for rel in ex.relations:
        for ev in rel.evidence:
            assert text[ev.start : ev.end] == ev.sentence
            for end in (rel.subject, rel.object):
                if end in subject or (rel.predicate == "inCountry" and end == rel.object):
                    continue
                mentions = [m for k in aliases(end) if k in ex.entities for m in ex.entities[k].mentions]
                if not any(m.start < ev.end and ev.start < m.end for m in mentions):
                    bad.append(f"{rel.subject} {rel.predicate} {rel.object} @{ev.start}: {end} not named")
    assert not bad, "\n".join(bad[:20])
