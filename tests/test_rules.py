"""Every named rule of the narrative loader (loaders/narrative/rules.py) reads its own example."""

from __future__ import annotations

import pytest

from loaders.narrative import LOADER
from loaders.narrative.rules import RULES


def _read(text: str) -> set[str]:
    ex = LOADER.extract_text(text)
    lab = {k: e.label for k, e in ex.entities.items()}
    return {f"{lab[r.subject]}|{r.predicate}|{lab[r.object]}" for r in ex.relations if r.evidence}


def test_rule_names_are_unique_and_stages_known() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert {r.stage for r in RULES} <= {"structure", "mentions", "linking", "relations", "discourse", "evidence"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_reads_its_example(rule) -> None:
    got = _read(rule.example)
    assert rule.expect <= got, f"{rule.name}: missing {sorted(rule.expect - got)}; got {sorted(got)}"
    assert not (rule.reject & got), f"{rule.name}: must not read {sorted(rule.reject & got)}"
