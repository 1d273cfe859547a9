"""What every loader returns: entities, relations and the evidence behind them.

A loader reads one document and returns an :class:`Extraction`. It knows nothing about
RDF or stores: ``graphtool.rdf`` turns an extraction into the quads of the document's
named graph, and ``graphtool.iri`` mints every IRI from the entity keys used here.

Entity keys are the identity contract. Two mentions with the same key are one node in
the graph, across documents. A key is ``"<kind>:<local>"``:

====================  =================================================  ==========================
kind                  local part                                         example
====================  =================================================  ==========================
``donor``             registry id                                        ``donor:giz``
``program``           registry id, or ``n-`` + name key of a found one   ``program:m4eg``
``project``           name key (``name_key(label)``)                     ``project:safe-school``
``org``               name key                                           ``org:житомирська-міська-рада``
``katottg``           KATOTTG code                                       ``katottg:UA18040190010010584``
``geonames``          GeoNames id                                        ``geonames:2892518``
``country``           ISO 3166-1 alpha-2                                 ``country:DE``
``plan``              ``<doc-key>/<level>/<code>`` for plan rows          ``plan:004-lutsk/measure/1.2.8``
``funding``           registry id of a funding source concept            ``funding:community-budget``
``iati``              IATI activity identifier (an IATI Project/Program) ``iati:XM-DAC-41114-PROJECT-00123``
``sector``            ``<vocabulary>-<code>`` of a sector codelist        ``sector:dac-15112``
``region``            ``<vocabulary>-<code>`` of a region codelist        ``region:dac-89``
====================  =================================================  ==========================

Structured sources (IATI XML) also give typed values (:class:`Value`: dates, status, titles per
language), money (:class:`MoneyFlow`: an amount in the currency written, never converted) and
percentage shares of an activity (:class:`Allocation`); their evidence names the element's path
and line instead of a sentence's character offsets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ontology import vocabulary

# The contract's names come from the ontology (ontology/graphtool.ttl: gt:entityTypes, gt:relations,
# gt:valueProperties, each term with its domain, range and labels), so a new one is declared there only.
ENTITY_TYPES: tuple[str, ...] = vocabulary().entity_types  # Donor, Program, ..., Sector, Region
RELATION_PREDICATES: tuple[str, ...] = vocabulary().relations  # funds, implements, partOf, locatedIn, ...
VALUE_PROPERTIES: tuple[str, ...] = vocabulary().value_properties  # typed values (graphtool.rdf maps them)


class LoaderError(Exception):
    """A document cannot be read or understood; the message names the file and the place."""


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence (or table row) as written, and its character span.

    ``start``/``end`` are offsets of the sentence in the document's decoded text, so
    ``text[start:end] == sentence`` for narrative documents.
    """

    sentence: str
    start: int
    end: int
    path: str = ""  # structured sources: the element's path ("/iati-activities/iati-activity[3]/budget[1]")
    line: int = 0  # ... and the line it starts on (1-based); start/end are 0 then


@dataclass
class Entity:
    """One real-world thing found in (or pulled in for) a document."""

    key: str
    type: str
    label: str  # canonical nominative label, Ukrainian where known
    label_en: str | None = None
    names: set[str] = field(default_factory=set)  # aliases, other languages, the form the document used
    identifiers: dict[str, str] = field(default_factory=dict)  # katottg, geonames, iso3166, wikidata, iati, code
    attributes: dict[str, str] = field(
        default_factory=dict
    )  # category=hromada|city|...; broader=<key of a wider concept>
    lat: float | None = None
    lon: float | None = None
    mentions: list[Evidence] = field(default_factory=list)  # empty: reference data, not found in the text

    def __post_init__(self) -> None:
        if self.type not in ENTITY_TYPES:
            raise ValueError(f"unknown entity type {self.type!r}")


@dataclass
class Relation:
    subject: str  # entity key
    predicate: str
    object: str  # entity key
    evidence: list[Evidence] = field(default_factory=list)  # empty: from reference data (codifier, registry)
    # what one evidence span says of the relation, by (start, end): a partnership "signed", "planned" or "ended"
    status: dict[tuple[int, int], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.predicate not in RELATION_PREDICATES:
            raise ValueError(f"unknown predicate {self.predicate!r}")


@dataclass
class Value:
    """A typed literal about an entity: a date, a status code, a title in one language.

    ``datatype`` is an XSD local name (``string``, ``date``, ``decimal``, ``integer``).
    """

    subject: str  # entity key
    property: str  # one of VALUE_PROPERTIES
    value: str
    datatype: str = "string"
    lang: str | None = None
    evidence: Evidence | None = None

    def __post_init__(self) -> None:
        if self.property not in VALUE_PROPERTIES:
            raise ValueError(f"unknown value property {self.property!r}")


@dataclass
class MoneyFlow:
    """An amount an activity budgets, commits, disburses or spends, as written (never converted).

    ``kind`` is ``budget``, ``planned-disbursement`` or a transaction type (``commitment``,
    ``disbursement``, ``expenditure``, ``incoming-funds``, ...); ``code`` the codelist code read.
    """

    id: str  # unique within the document: "<activity id>/<element>[n]"
    activity: str  # entity key of the Project/Program
    kind: str
    code: str
    amount: str  # xsd:decimal lexical form
    currency: str  # ISO 4217, from @currency or the activity's default-currency
    evidence: Evidence
    value_date: str | None = None
    date: str | None = None  # transaction date
    period_start: str | None = None
    period_end: str | None = None
    provider: str | None = None  # entity key of the paying organisation
    receiver: str | None = None  # entity key of the receiving organisation


@dataclass
class Allocation:
    """A share of an activity given to a country, region or sector (``percentage`` may be absent)."""

    activity: str
    target: str  # entity key of a Country, Region, Sector or Community
    percentage: str | None
    evidence: Evidence


@dataclass
class Extraction:
    """Everything one loader found in one document."""

    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    values: list[Value] = field(default_factory=list)
    flows: list[MoneyFlow] = field(default_factory=list)
    allocations: list[Allocation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # input skipped on purpose, each naming file and place
    source: str = ""  # the address the document says it was taken from ("SOURCE: https://…"), when it names one
    _index: dict[tuple[str, str, str], Relation] = field(default_factory=dict, repr=False, compare=False)

    def add_entity(self, entity: Entity) -> Entity:
        """Add an entity, merging names, identifiers and mentions into one with the same key."""
        known = self.entities.get(entity.key)
        if known is None:
            self.entities[entity.key] = entity
            return entity
        known.names |= entity.names
        if entity.label != known.label:
            known.names.add(entity.label)
        for k, v in entity.identifiers.items():
            known.identifiers.setdefault(k, v)
        for k, v in entity.attributes.items():
            known.attributes.setdefault(k, v)
        known.label_en = known.label_en or entity.label_en
        if known.lat is None and entity.lat is not None:
            known.lat, known.lon = entity.lat, entity.lon
        for ev in entity.mentions:
            if ev not in known.mentions:
                known.mentions.append(ev)
        return known

    def merge_same_relations(self) -> None:
        """One relation per (subject, predicate, object) after keys were rewritten (two entities found to be
        one): the evidence and the per-span status of the coinciding relations are merged into the first."""
        merged: dict[tuple[str, str, str], Relation] = {}
        for rel in self.relations:
            known = merged.setdefault((rel.subject, rel.predicate, rel.object), rel)
            if known is not rel:
                known.evidence += [ev for ev in rel.evidence if ev not in known.evidence]
                for span, status in rel.status.items():
                    known.status.setdefault(span, status)
        self.relations = list(merged.values())
        self._index = {}

    def add_relation(self, subject: str, predicate: str, obj: str, evidence: Evidence | None = None) -> None:
        """Add a relation between two known keys; the same triple again only adds its evidence."""
        key = (subject, predicate, obj)
        rel = self._index.get(key)
        if len(self._index) != len(self.relations) or (
            rel is not None and (rel.subject, rel.predicate, rel.object) != key
        ):
            # the list was changed directly: index it again
            self._index = {(r.subject, r.predicate, r.object): r for r in self.relations}
            rel = self._index.get(key)
        if rel is not None:
            if evidence is not None and evidence not in rel.evidence:
                rel.evidence.append(evidence)
            return
        self.relations.append(Relation(subject, predicate, obj, [evidence] if evidence else []))
        self._index[key] = self.relations[-1]


@dataclass
class Batch:
    """One part of a document too large to hold at once: a streaming loader yields these in order.

    Entities may come again in later batches (an organisation funding many activities), each time
    with the mentions found since the last batch. ``stale_types`` (last batch only) lists
    (entity key, class) pairs an earlier batch wrote that no longer hold: an organisation first
    seen as an Organization and later as a funder is a Donor.
    """

    extraction: Extraction
    stale_types: list[tuple[str, str]] = field(default_factory=list)


class Loader(Protocol):
    """A document reader registered in ``loaders.LOADERS``."""

    name: str
    version: str
    extensions: tuple[str, ...]

    def sniff(self, path: Path, head: bytes) -> bool:
        """True when this loader can read the file, judged from its name and first bytes."""

    def load(self, path: Path) -> Extraction:
        """Read the document; raise :class:`LoaderError` with a clear message on bad input."""


def cache_dir() -> Path:
    """Where generated reference-data caches live: ``$GRAPHTOOL_CACHE``, else ``~/.cache/graphtool``."""
    import os

    base = os.environ.get("GRAPHTOOL_CACHE")
    return Path(base) if base else Path.home() / ".cache" / "graphtool"


_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def name_key(text: str) -> str:
    """Identity key of a free-text name: case, quotes, apostrophes, dashes and spacing folded.

    >>> name_key("ГО «Екоклуб»") == name_key("го екоклуб")
    True
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("ʼ", "").replace("’", "").replace("'", "").replace("`", "")
    return _NON_WORD.sub("-", text).strip("-")
