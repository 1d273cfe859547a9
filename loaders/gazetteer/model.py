"""The two records the gazetteer hands out: a place, and a mention of one in a text."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Place:
    """A Ukrainian community (KATOTTG), a place abroad (GeoNames or a curated region) or a country.

    ``key`` follows the entity key scheme of ``loaders.base`` ("katottg:UA...", "geonames:<id>",
    "country:DE"); foreign regions without a certain GeoNames id use "region:<cc>-<slug>".
    """

    key: str
    type: str  # Community | PartnerCity | Country
    label: str  # canonical Ukrainian nominative
    label_en: str | None
    names: tuple[str, ...]
    identifiers: dict
    category: str  # oblast|raion|hromada|city|settlement|village|district|foreign_city|foreign_region|country
    country: str | None  # ISO alpha-2; "UA" for communities
    parents: tuple[str, ...]  # enclosing units, nearest first
    lat: float | None = None
    lon: float | None = None
    population: int | None = None  # GeoNames population where known (ranks same-name towns)

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Place) and other.key == self.key


@dataclass
class PlaceMatch:
    """One place mention: the span as written, what it may be (best first) and the role it plays.

    ``role``: "council" (… міська/селищна/сільська/обласна рада, голова, адміністрація),
    "oblast" (… область, Луганщина), "hromada" (… громада, ОТГ), "raion" (… район), or None.
    ``marker``: the settlement-type word before the name ("м.", "село", "смт"), when present.
    ``extra``: "country" (ISO code) and "country_span" for a place abroad named with a country
    adjective ("з польським містом Гданськ"); "fuzzy" (score) when matched despite a misspelling.
    """

    start: int
    end: int
    surface: str
    kind: str  # community | foreign | country
    candidates: list[Place]
    role: str | None = None
    marker: str | None = None
    extra: dict = field(default_factory=dict)

    def prefer_country(self, iso: str) -> None:
        """Candidates in country ``iso`` first, the order otherwise kept ("Тонтон (США)": the American one)."""
        self.candidates.sort(key=lambda c: c.country != iso)
