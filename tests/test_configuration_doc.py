"""Every environment variable the code reads is documented in docs/configuration.md (issue 14)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_environment_variable_is_documented():
    used = set()
    for folder in ("graphtool", "loaders"):
        for path in (ROOT / folder).rglob("*.py"):
            used |= set(re.findall(r"GRAPHTOOL_[A-Z_]+[A-Z]", path.read_text(encoding="utf-8")))
    documented = set(re.findall(r"GRAPHTOOL_[A-Z_]+[A-Z]", (ROOT / "docs" / "configuration.md").read_text("utf-8")))
    assert used, "no GRAPHTOOL_ variable found: the scan is broken"
    assert used <= documented, f"not in docs/configuration.md: {sorted(used - documented)}"
