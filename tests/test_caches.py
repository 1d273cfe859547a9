"""Reference-data caches are plain JSON: a file planted in the cache folder cannot run code."""

from __future__ import annotations

import os
import pickle

import pytest

from loaders.gazetteer import index
from loaders.registry import load_registry


class _Payload:
    """Unpickling this creates a folder: proof that loading a cache ran code."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def _plant(path, marker) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(_Payload(str(marker))))


TINY_INDEX = {
    "places": [("katottg:UA1", "Community", "Тестове", None, ("Тестове",), {}, "city", "UA", (), None, None, 5)],
    "forms": {"тестове": ((0, 0, 0, 0, True),), "тестового": ((0, 0, 0, 0, False),)},
    "hromada_of": {},
    "centres": [],
    "by_country": {"PL": [("гданськ", 0)]},
    "country_adjectives": [("польськ", "PL")],
}


@pytest.fixture
def tiny_gazetteer(tmp_path, monkeypatch):
    monkeypatch.setenv("GRAPHTOOL_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(index, "build_index", lambda: TINY_INDEX)
    monkeypatch.setattr(index, "build_latin_names", lambda: {"PL": [("gdansk", "1", "Gdańsk", 5, 54.3, 18.6)]})
    return tmp_path


def test_planted_gazetteer_cache_does_not_run(tiny_gazetteer):
    marker = tiny_gazetteer / "pwned"
    for path in (index.cache_path(), index._latin_path(index.cache_path())):
        _plant(path, marker)
    data = index._load()
    assert not marker.exists(), "loading the gazetteer cache ran code from the cache folder"
    gaz = index.Gazetteer(data)  # the planted file was not a cache: rebuilt
    assert gaz.place("katottg:UA1").names == ("Тестове",)
    assert index.cache_path().read_bytes().startswith(b"{")


def test_gazetteer_cache_round_trip(tiny_gazetteer):
    index.build_cache()
    gaz = index.Gazetteer(index._read(index.cache_path()))
    place = gaz.place("katottg:UA1")
    assert place.names == ("Тестове",) and place.parents == () and place.population == 5
    assert gaz._forms.get("тестового") == ((0, 0, 0, 0, False),)
    entry = gaz._forms.get("тестового")[0]
    assert (entry.place, entry.kind, entry.common, entry.weight, entry.nominative) == (0, 0, 0, 0, False)
    (row,) = gaz.rows()
    assert (row.key, row.category, row.names, row.population) == ("katottg:UA1", "city", ("Тестове",), 5)
    assert index.Place(*row).label == place.label == "Тестове"
    assert gaz._forms.get("немає", ()) == () and "тестове" in gaz._forms
    assert gaz._by_country == {"PL": [("гданськ", 0)]}
    latin = index._read(index._latin_path(index.cache_path()))
    assert latin == {"PL": [("gdansk", "1", "Gdańsk", 5, 54.3, 18.6)]}


def test_planted_registry_cache_does_not_run(tmp_path, monkeypatch):
    monkeypatch.setenv("GRAPHTOOL_CACHE", str(tmp_path / "cache"))
    donors = tmp_path / "donors.csv"
    donors.write_text(
        "id,label_uk,label_en,acronyms,aliases,country,kind\n"
        "giz,Німецьке товариство міжнародного співробітництва,GIZ,GIZ,,DE,bilateral\n",
        encoding="utf-8",
    )
    programs = tmp_path / "programs.csv"
    fresh = load_registry(donors, programs)
    text = "Проєкт підтримало Німецьке товариство міжнародного співробітництва (GIZ)."
    expected = [(m.start, m.end, m.entry.key) for m in fresh.find(text)]
    assert expected, "the test registry should match the sample text"
    cached = load_registry(donors, programs)  # from the cache written just now
    assert [(m.start, m.end, m.entry.key) for m in cached.find(text)] == expected
    marker = tmp_path / "pwned"
    files = list((tmp_path / "cache").glob("registry-*"))
    assert files
    for path in files:
        _plant(path, marker)
    again = load_registry(donors, programs)
    assert not marker.exists(), "loading the registry cache ran code from the cache folder"
    assert [(m.start, m.end, m.entry.key) for m in again.find(text)] == expected
