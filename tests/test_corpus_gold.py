"""Extraction quality on real pages: the annotated corpus documents (tests/corpus_gold/), scored like the dev set.

The texts stay in ../shared/corpus (the test skips without them); the gold lives here. ``dev`` is what
we read and tune on; ``locked`` was annotated before anyone looked at the loader's output on it and is
run, never tuned on (tests/corpus_gold/README.md). Floors are regression guards set below the numbers
reported in the README, not targets.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from tests.test_holdout import SCORER, load_scorer

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "corpus_gold"
CORPUS = REPO.parent / "shared" / "corpus" / "narrative"

# entities F1, relations F1; README (session 8): dev 0.93/0.83, locked 0.87/0.63, locked2 0.91/0.82, locked3 0.60/0.55;
# session 12: dev 0.96/0.87, locked 0.92/0.70, locked2 0.92/0.82, locked3 0.70/0.67; session 16: dev 0.97/0.89, locked3 0.75/0.67
# (locked3 has 8 required relations: one more or less moves its relations F1 by about 0.1)
FLOORS = {"dev": (0.92, 0.85), "locked": (0.88, 0.69), "locked2": (0.88, 0.78), "locked3": (0.72, 0.60)}


def _documents(set_name: str) -> list[str]:
    return [tomllib.loads(p.read_text(encoding="utf-8"))["document"] for p in sorted((GOLD / set_name).glob("*.toml"))]


def _score(docs: Path, gold: Path, tmp_path: Path) -> tuple[float, float, str]:
    """Build ``docs`` into a fresh in-memory store, export it and score it against ``gold`` with the shared scorer:
    entities F1, relations F1 and the scorer's TOTAL line."""
    from graphtool.build import build
    from graphtool.export import write_jsonl
    from graphtool.store import GraphStore

    store = GraphStore(None)
    report = build([docs], store)
    assert report.ok, report.errors
    export = tmp_path / "export.jsonl"
    with open(export, "w", encoding="utf-8") as fh:
        write_jsonl(store, fh)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        load_scorer().main(["--gold", str(gold), "--pred", str(export)])
    total = [ln for ln in out.getvalue().splitlines() if ln.startswith("TOTAL")][-1]
    m = re.search(r"TOTAL entities P=\S+ R=\S+ F1=(\d\.\d+).*relations P=\S+ R=\S+ F1=(\d\.\d+)", total)
    assert m, total
    return float(m.group(1)), float(m.group(2)), total


def test_the_locked_list_matches_the_locked_gold() -> None:
    listed = {ln.strip() for ln in (GOLD / "LOCKED").read_text().splitlines() if ln[:1].isdigit()}
    locked = {d[:3] for s in ("locked", "locked2", "locked3") for d in _documents(s)}
    assert listed == locked
    assert not listed & {d[:3] for d in _documents("dev")}
    assert len(_documents("dev")) + len(locked) >= 30


@pytest.mark.parametrize("set_name", ["dev", "locked", "locked2", "locked3"])
def test_real_pages_score_above_floors(set_name: str, tmp_path: Path) -> None:
    if not SCORER.exists() or not CORPUS.exists():
        pytest.skip("../shared/eval or ../shared/corpus not available")
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in _documents(set_name):
        shutil.copy(CORPUS / name, docs / name)
    entities, relations, total = _score(docs, GOLD / set_name, tmp_path)
    entity_floor, relation_floor = FLOORS[set_name]
    assert entities >= entity_floor, total
    assert relations >= relation_floor, total


# twin-city sets (tests/twin*/README.md, our own writing, two independent authors):
# set 1: dev 0.96/0.95 (tuned on), locked 0.94/0.86 (never read);
# set 2 (session 6): dev 0.94/0.88 (0.92/0.79 when first read), locked 0.90/0.81 (0.89/0.78 at first, never read);
# session 8: set 1 dev 0.97/0.96, locked 0.94/0.87; set 2 dev 0.96/0.92, locked 0.91/0.82
# session 9: set 2 dev 0.96/0.94 (the others unchanged)
# session 12: set 1 dev 0.98/0.97, locked 0.94/0.88; set 2 dev 0.98/0.97, locked 0.94/0.83
# session 13: set 2 locked 0.94/0.84 (the others unchanged)
# session 16: set 1 locked 0.95/0.91 (the others unchanged)
TWIN_FLOORS = {
    ("twin", "dev"): (0.95, 0.93),
    ("twin", "locked"): (0.92, 0.89),
    ("twin2", "dev"): (0.95, 0.93),
    ("twin2", "locked"): (0.91, 0.84),
}


@pytest.mark.parametrize("which,half", list(TWIN_FLOORS))
def test_twin_city_set_scores_above_floors(which: str, half: str, tmp_path: Path) -> None:
    """Partnership news written for the project from real twin-city pairs (44% of the hidden registry's partners
    are gminas, counties, regions): the texts live in the repository, so only the scorer is needed."""
    if not SCORER.exists():
        pytest.skip("../shared/eval not available")
    twin = REPO / "tests" / which
    entities, relations, total = _score(twin / half / "docs", twin / half / "gold", tmp_path)
    entity_floor, relation_floor = TWIN_FLOORS[which, half]
    assert entities >= entity_floor, total
    assert relations >= relation_floor, total
