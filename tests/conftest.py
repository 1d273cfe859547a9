"""Fixtures shared by several test files."""

from __future__ import annotations

import os

import pytest

import loaders
from tests import fakeloader

# a narrative rule that raises is caught in production (the document keeps what the other rules found); the
# tests let it raise, so a broken rule fails them instead of silently finding nothing
os.environ.setdefault("GRAPHTOOL_STRICT_RULES", "1")


@pytest.fixture(scope="module")
def gaz():
    """The gazetteer of places (Ukrainian communities, places abroad, countries); skips without its cache."""
    from loaders.narrative import _gazetteer

    g = _gazetteer()
    if g is None:
        pytest.skip("gazetteer cache unavailable")
    return g


@pytest.fixture
def docs(tmp_path):
    """Two fake documents (tests/fakeloader.py), one in a subfolder: three funding lines in Житомир and Вінниця."""
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.fake").write_text("GIZ funds Solar in Житомир\nUSAID funds Roads in Вінниця\n", encoding="utf-8")
    (folder / "sub" / "b.fake").write_text("GIZ funds Water in Житомир\n", encoding="utf-8")
    return folder


@pytest.fixture
def fake_loaders(monkeypatch):
    """Only the tiny fake loader (tests/fakeloader.py) is registered, and it does not fail."""
    monkeypatch.setattr(loaders, "LOADERS", {"fake": "tests.fakeloader"})
    monkeypatch.setattr(fakeloader.LOADER, "fail_after", None)


@pytest.fixture
def misbehaving_loader(fake_loaders, monkeypatch):
    """The fake loader, except that a file saying SLOW, HOG, CRASH or BUG does just that."""
    import os
    import time

    real = fakeloader.FakeLoader.load

    def load(self, path):
        text = path.read_text(encoding="utf-8")
        if "SLOW" in text:
            time.sleep(600)  # far past any bound below: a build that waited for it would fail the test
        if "HOG" in text:
            hog = bytearray(3 * 1024**3)  # 3 GB: over the test's budget
            hog[-1] = 1
        if "CRASH" in text:
            os.abort()
        if "BUG" in text:
            raise KeyError("a loader bug")
        return real(self, path)

    monkeypatch.setattr(fakeloader.FakeLoader, "load", load)
