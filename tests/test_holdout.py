"""Hold-out extraction quality: build tests/holdout/docs, export JSONL, score with the shared scorer.

The documents and their gold (tests/holdout/) were written independently of the extractor's code to
estimate quality on unseen communities, donors and genres. Floors are lenient regression guards, not
targets. Documents 108-110 and 116-118 are the locked final set: never tune on their gold (see tests/holdout/README.md).
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HOLDOUT = REPO / "tests" / "holdout"
SCORER = REPO.parent / "shared" / "eval" / "score.py"

ENTITY_F1_FLOOR = 0.75
RELATION_F1_FLOOR = 0.55


def load_scorer():
    spec = importlib.util.spec_from_file_location("holdout_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def score_output(tmp_path_factory) -> str:
    if not SCORER.exists():
        pytest.skip(f"shared scorer not found at {SCORER}")
    from graphtool.build import build
    from graphtool.export import write_jsonl
    from graphtool.store import GraphStore

    store = GraphStore(None)
    report = build([HOLDOUT / "docs"], store)
    assert report.ok, report.errors
    assert report.documents == len(list((HOLDOUT / "docs").glob("*.txt")))
    export = tmp_path_factory.mktemp("holdout") / "export.jsonl"
    with open(export, "w", encoding="utf-8") as fh:
        write_jsonl(store, fh)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        load_scorer().main(["--gold", str(HOLDOUT / "gold"), "--pred", str(export)])
    text = out.getvalue()
    print(text)  # per-document lines, shown with -s or on failure
    return text


def test_every_document_has_gold():
    docs = sorted(p.stem for p in (HOLDOUT / "docs").glob("*.txt"))
    gold = sorted(p.stem for p in (HOLDOUT / "gold").glob("*.toml"))
    assert docs == gold
    assert len(docs) == 18


def test_holdout_scores_above_floors(score_output):
    lines = [ln for ln in score_output.splitlines() if ln.strip()]
    per_doc = [ln for ln in lines if ln.startswith(("1", "0")) and ": entities" in ln]
    assert len(per_doc) == len(list((HOLDOUT / "gold").glob("*.toml"))), score_output
    total = lines[-1]
    m = re.search(r"TOTAL entities P=\S+ R=\S+ F1=(\d\.\d+).*relations P=\S+ R=\S+ F1=(\d\.\d+)", total)
    assert m, total
    entity_f1, relation_f1 = float(m.group(1)), float(m.group(2))
    assert entity_f1 >= ENTITY_F1_FLOOR, total
    assert relation_f1 >= RELATION_F1_FLOOR, total
