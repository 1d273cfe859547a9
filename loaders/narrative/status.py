"""Stage "relations", partnership status: what a partnership sentence says of the partnership.

Read from ``loaders/lang/uk/partnership_status.csv`` (one row per status, first match wins, in file
order: ended, signed, planned); kept per evidence span on the relation and written to the graph as
``gt:partnershipStatus`` on the evidence statement.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

LANG = Path(__file__).resolve().parents[1] / "lang"


@lru_cache(maxsize=1)
def _status_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    with open(LANG / "uk" / "partnership_status.csv", encoding="utf-8", newline="") as fh:
        return tuple(
            (row["status"], re.compile(rf"(?<![\w])(?:{row['pattern']})(?![\w])", re.IGNORECASE))
            for row in csv.DictReader(fh)
        )


def _partnership_status(norm: str) -> str:
    """What a partnership sentence says of it: "ended", "signed", "planned" or "" (lang/uk/partnership_status.csv)."""
    for status, rx in _status_patterns():
        if rx.search(norm):
            return status
    return ""
