"""Every loader's output satisfies the SHACL shapes (ontology/shapes.ttl)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphtool.build import build
from graphtool.store import GraphStore
from graphtool.validate import validate_store
from loaders.narrative import LOADER as NARRATIVE

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def test_examples_and_holdout_conform():
    store = GraphStore(None)
    report = build([ROOT / "examples", ROOT / "tests" / "holdout" / "docs"], store)
    assert report.ok and report.documents >= 3, report.errors
    conforms, text = validate_store(store)
    assert conforms, text


@pytest.mark.parametrize("case", sorted(p.name for p in (ROOT / "tests" / "cases" / "table").iterdir() if p.is_dir()))
def test_table_cases_conform(case):
    store = GraphStore(None)  # one store per case: every case's input is named input.*
    report = build([ROOT / "tests" / "cases" / "table" / case], store)
    assert report.documents >= 1, report.errors
    conforms, text = validate_store(store)
    assert conforms, text


def test_seeds_conform():
    if not SEEDS.exists():
        pytest.skip("../shared/seeds is not present")
    store = GraphStore(None)
    assert build([SEEDS], store).ok
    conforms, text = validate_store(store)
    assert conforms, text


def test_a_state_named_as_funder_is_its_government():
    ex = NARRATIVE.extract_text("За підтримки Норвегії у Сумах реалізується проєкт «Теплі школи».", "t.txt")
    funders = [ex.entities[r.subject] for r in ex.relations if r.predicate == "funds"]
    assert [(e.type, e.label) for e in funders] == [("Donor", "Уряд Норвегії")]
    assert "Норвегія" in funders[0].names and funders[0].mentions
    assert not any(k.startswith("country:") and ex.entities[k].mentions for k in ex.entities)
