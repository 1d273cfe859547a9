"""Fixtures shared by several test files."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def gaz():
    """The gazetteer of places (Ukrainian communities, places abroad, countries); skips without its cache."""
    from loaders.narrative import _gazetteer

    g = _gazetteer()
    if g is None:
        pytest.skip("gazetteer cache unavailable")
    return g
