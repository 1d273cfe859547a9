"""A synthetic donor graph written straight as N-Quads text, in the layout of ``graphtool.rdf``.

Each synthetic document is one named graph: its ``gt:Document`` node, the entities it mentions
(donor, programs, projects, hromadas with KATOTTG codes and their oblast, a partner city abroad
with its GeoNames id and country, an implementing organisation), ``gt:Mention`` nodes and, per
relation, the direct triple plus a ``gt:Evidence`` node carrying the sentence, and the closures of
the document's ``gt:locatedIn`` and ``gt:partOf`` links (``gt:within``, ``gt:includedIn``). Names are real
(:mod:`bench.refdata`), so the query library returns real rows. Text is written directly: building
a Python term per triple would cost more than loading it (MEASURED.md).
"""

from __future__ import annotations

import hashlib
import math
import random
from functools import lru_cache
from pathlib import Path

from bench import corpus, refdata

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
GT = "https://w3id.org/graphtool/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
XSD = "http://www.w3.org/2001/XMLSchema#"

A = f"<{RDF}type>"
PREF, ALT = f"<{SKOS}prefLabel>", f"<{SKOS}altLabel>"
MENTIONED_IN, MENTION_OF = f"<{GT}mentionedIn>", f"<{GT}mentionOf>"
SENTENCE, START, END = f"<{GT}sentence>", f"<{GT}startOffset>", f"<{GT}endOffset>"
DERIVED = f"<{PROV}wasDerivedFrom>"
INT, DOUBLE = f"^^<{XSD}integer>", f"^^<{XSD}double>"
CLS = {name: f"<{GT}{name}>" for name in ("Donor", "Program", "Project", "Community", "PartnerCity",
                                           "Organization", "Country", "Document", "Evidence", "Mention")}  # fmt: skip
REL = {name: f"<{GT}{name}>" for name in ("funds", "implements", "partOf", "locatedIn", "partnerOf", "inCountry")}


def _lit(text: str, lang: str | None = None) -> str:
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{text}"@{lang}' if lang else f'"{text}"'


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:20]


class _Doc:
    """Collects the N-Quads lines of one document graph while its text grows sentence by sentence."""

    def __init__(self, name: str, iris: dict[str, str]) -> None:
        from graphtool import iri

        self.iri = iri.document_iri(name)
        self.g = f"<{self.iri}>"
        self.iris = iris
        self.lines: list[str] = []
        self.offset = 0
        self.described: set[str] = set()
        self.related: set[tuple[str, str, str]] = set()
        g = self.g
        sha = hashlib.sha256(name.encode()).hexdigest()
        self.lines += [
            f"{g} {A} {CLS['Document']} {g} .",
            f"{g} {A} <{PROV}Entity> {g} .",
            f"{g} <{GT}fileName> {_lit(name)} {g} .",
            f"{g} <{GT}sha256> {_lit(sha)} {g} .",
            f"{g} <{GT}loader> {_lit('narrative')} {g} .",
            f"{g} <{GT}loaderVersion> {_lit('synthetic')} {g} .",
            f'{g} <{PROV}generatedAtTime> "2025-01-01T00:00:00+00:00"^^<{XSD}dateTime> {g} .',
        ]

    def node(self, key: str) -> str:
        from graphtool import iri

        found = self.iris.get(key)
        if found is None:
            found = self.iris[key] = f"<{iri.entity_iri(key)}>"
        return found

    def sentence(self, text: str) -> tuple[str, int, int]:
        start = self.offset
        self.offset += len(text) + 1
        return text, start, start + len(text)

    def entity(self, key: str, cls: str, props: list[tuple[str, str]], ev: tuple[str, int, int] | None) -> str:
        """Describe an entity once per document; add a mention for the sentence ``ev``."""
        node, g = self.node(key), self.g
        if key not in self.described:
            self.described.add(key)
            self.lines.append(f"{node} {A} {CLS[cls]} {g} .")
            self.lines += [f"{node} {p} {o} {g} ." for p, o in props]
            if ev is not None:
                self.lines.append(f"{node} {MENTIONED_IN} {g} {g} .")
        if ev is not None:
            m = f"<https://w3id.org/graphtool/id/mention/{_digest(f'{self.iri}|{node[1:-1]}|{ev[1]}|{ev[2]}')}>"
            self.lines += [f"{m} {A} {CLS['Mention']} {g} .", f"{m} {MENTION_OF} {node} {g} .", *self._ev(m, ev)]
        return node

    def closure_lines(self) -> list[str]:
        """``gt:within`` / ``gt:includedIn`` to every level of the hierarchies this document states."""
        from graphtool.rdf import closure

        g, lines = self.g, []
        for pred, prop in (("locatedIn", "within"), ("partOf", "includedIn")):
            edges = [(s, o) for s, p, o in self.related if p == REL[pred]]
            lines += [f"{s} <{GT}{prop}> {o} {g} ." for s, o in closure(edges)]
        return lines

    def _ev(self, node: str, ev: tuple[str, int, int]) -> list[str]:
        g = self.g
        return [
            f"{node} {SENTENCE} {_lit(ev[0])} {g} .",
            f'{node} {START} "{ev[1]}"{INT} {g} .',
            f'{node} {END} "{ev[2]}"{INT} {g} .',
            f"{node} {DERIVED} {g} {g} .",
        ]

    def relation(self, s: str, pred: str, o: str, ev: tuple[str, int, int] | None) -> None:
        g, p = self.g, REL[pred]
        if (s, p, o) not in self.related:
            self.related.add((s, p, o))
            self.lines.append(f"{s} {p} {o} {g} .")
        if ev is not None:
            e = f"<https://w3id.org/graphtool/id/evidence/{_digest(f'{self.iri}|{s}|{p}|{o}|{ev[1]}|{ev[2]}')}>"
            self.lines += [
                f"{e} {A} {CLS['Evidence']} {g} .",
                f"{e} {A} <{RDF}Statement> {g} .",
                f"{e} <{RDF}subject> {s} {g} .",
                f"{e} <{RDF}predicate> {p} {g} .",
                f"{e} <{RDF}object> {o} {g} .",
                *self._ev(e, ev),
            ]


def _donor(doc: _Doc, d: refdata.Donor, ev) -> str:
    props = [(PREF, _lit(d.label_uk, "uk")), (PREF, _lit(d.label_en, "en")), (ALT, _lit(d.acronym))]
    return doc.entity(f"donor:{d.id}", "Donor", props, ev)


def _program(doc: _Doc, p: refdata.Program, ev) -> str:
    props = [(PREF, _lit(p.label_uk, "uk"))]
    if p.label_en != p.label_uk:
        props.append((PREF, _lit(p.label_en, "en")))
    return doc.entity(f"program:{p.id}", "Program", props, ev)


def _hromada(doc: _Doc, h: refdata.Hromada, ev) -> str:
    props = [(PREF, _lit(h.label, "uk")), (f"<{GT}katottg>", _lit(h.code)), (f"<{GT}category>", _lit("hromada"))]
    node = doc.entity(f"katottg:{h.code}", "Community", props, ev)
    oblast_props = [
        (PREF, _lit(h.oblast_label, "uk")),
        (f"<{GT}katottg>", _lit(h.oblast_code)),
        (f"<{GT}category>", _lit("oblast")),
    ]
    oblast = doc.entity(f"katottg:{h.oblast_code}", "Community", oblast_props, None)
    doc.relation(node, "locatedIn", oblast, None)
    return node


def _city(doc: _Doc, c: refdata.City, ev) -> tuple[str, str]:
    props = [
        (PREF, _lit(c.label_uk, "uk")),
        (PREF, _lit(c.label_en, "en")),
        (f"<{GT}geonamesId>", _lit(c.geonames_id)),
        (f"<{GEO}lat>", f'"{c.lat!r}"{DOUBLE}'),
        (f"<{GEO}long>", f'"{c.lon!r}"{DOUBLE}'),
    ]
    node = doc.entity(f"geonames:{c.geonames_id}", "PartnerCity", props, ev)
    country_props = [(PREF, _lit(c.country_uk, "uk")), (f"<{GT}iso3166>", _lit(c.country))]
    country = doc.entity(f"country:{c.country}", "Country", country_props, ev)
    return node, country


ANCHOR_HROMADA, ANCHOR_CITY, ANCHOR_DONOR, ANCHOR_PROGRAM = "Луцька", "Lublin", "eu", "u-lead"
FIRST_DOCUMENT = "synth_000000.txt"


def anchors() -> dict[str, dict[str, str]]:
    """Entities every generated graph contains many facts about: the benchmark binds query parameters to them."""
    from graphtool import iri

    h = next(h for h in refdata.hromadas() if h.adjective == ANCHOR_HROMADA)
    c = next(c for c in refdata.partner_cities() if c.label_en == ANCHOR_CITY)
    d = next(d for d in refdata.donors() if d.id == ANCHOR_DONOR)
    p = next(p for p in refdata.programs() if p.id == ANCHOR_PROGRAM)
    return {
        "community": {"iri": iri.entity_iri(f"katottg:{h.code}"), "label": h.label, "name": h.settlements[0]},
        "oblast": {"iri": iri.entity_iri(f"katottg:{h.oblast_code}"), "label": h.oblast_label, "name": h.oblast},
        "city": {"iri": iri.entity_iri(f"geonames:{c.geonames_id}"), "label": c.label_uk, "name": c.label_en},
        "country": {"iri": iri.entity_iri(f"country:{c.country}"), "label": c.country_uk, "name": c.country},
        "donor": {"iri": iri.entity_iri(f"donor:{d.id}"), "label": d.label_uk, "name": d.acronym},
        "program": {"iri": iri.entity_iri(f"program:{p.id}"), "label": p.label_uk, "name": p.label_en},
    }


@lru_cache(maxsize=1)
def _anchored() -> tuple[refdata.Hromada, refdata.City]:
    h = next(h for h in refdata.hromadas() if h.adjective == ANCHOR_HROMADA)
    c = next(c for c in refdata.partner_cities() if c.label_en == ANCHOR_CITY)
    return h, c


# How often donors, programmes and organisations recur, and how many facts a document states, measured on
# real extraction output (the five seeds and the 83 narrative documents of ../shared/corpus, built with
# `graphtool build`; bench/RESULTS.md, "Is the synthetic graph shaped like extraction output?"): a real
# document names a median of 6 entities (mean 11.4, 90th percentile 19: a few long digests, many short
# notes); a donor appears in 3.1 documents on average (the most frequent in 19% of them), a programme in
# 1.8, an organisation in 1.8. The first generator gave every document 3-12 facts (22 entities) and drew
# programmes from 40 and organisations from 8 names, so one (donor, programme) pair was stated again in
# every fourth document: the EU and U-LEAD stood in 52,000 answer rows of one community.
FACTS_MEDIAN, FACTS_SIGMA, FACTS_MAX = 2.0, 1.0, 150  # facts per document: log-normal, as the real tail
DONOR_ZIPF = 0.7  # a donor's weight is 1 / rank**s (the registry's order, the EU first)
PROGRAM_NEW = 40.0  # Chinese-restaurant draw per donor: a new programme with odds PROGRAM_NEW : facts so far
PROGRAM_SEEDED = 5.0  # the registry's programmes start as if named this many times: the head of the tail
LOCAL_ORGS = 0.7  # share of implementing organisations that belong to the community (named after it)
_THEMES = (
    ("Підтримка місцевого самоврядування", "Local Self-Government Support"),
    ("Енергоефективні громади", "Energy Efficient Communities"), ("Відновлення громад", "Community Recovery"),
    ("Розвиток малого підприємництва", "Small Business Development"), ("Чиста вода", "Clean Water"),
    ("Безпечна школа", "Safe School"), ("Цифрова громада", "Digital Community"),
    ("Інклюзивні послуги", "Inclusive Services"), ("Ветеранський простір", "Veteran Space"),
    ("Муніципальна інфраструктура", "Municipal Infrastructure"), ("Громадське здоров'я", "Public Health"),
    ("Зелене відновлення", "Green Recovery"),
)  # fmt: skip
_LOCAL_ORGS = (
    "ГО «Агенція розвитку {g}»", "КП «Благоустрій» {g}", "Відділ освіти {g}", "ЦНАП {g}",
    "КНП «Центр первинної медичної допомоги» {g}", "Молодіжна рада {g}",
)  # fmt: skip


class Pools:
    """What the documents of one graph draw their donors, programmes and organisations from, with the
    recurrence measured on real extraction output (see the constants above). One per generated graph."""

    def __init__(self) -> None:
        self.donors = refdata.donors()
        ids = [d.id for d in self.donors]
        if ANCHOR_DONOR in ids:  # the anchor donor is the most frequent, as the EU is in the real corpus
            self.donors = (self.donors[ids.index(ANCHOR_DONOR)], *[d for d in self.donors if d.id != ANCHOR_DONOR])
        self.weights = [1 / (rank + 1) ** DONOR_ZIPF for rank in range(len(self.donors))]
        self.programs: dict[str, list[refdata.Program]] = {}
        self.counts: dict[str, list[float]] = {}
        for program in refdata.programs():
            self.programs.setdefault(program.donor, []).append(program)
            self.counts.setdefault(program.donor, []).append(PROGRAM_SEEDED)

    def facts(self, rng: random.Random) -> int:
        return max(1, min(FACTS_MAX, round(rng.lognormvariate(math.log(FACTS_MEDIAN), FACTS_SIGMA))))

    def donor(self, rng: random.Random) -> refdata.Donor:
        return rng.choices(self.donors, self.weights)[0]

    def program(self, rng: random.Random, donor: refdata.Donor) -> refdata.Program:
        """One of the donor's programmes, or a new one, by a Chinese-restaurant draw."""
        programs = self.programs.setdefault(donor.id, [])
        counts = self.counts.setdefault(donor.id, [])
        if rng.random() < PROGRAM_NEW / (PROGRAM_NEW + sum(counts)):
            uk, en = rng.choice(_THEMES)
            n = len(programs) + 1
            programs.append(
                refdata.Program(f"{donor.id}-{n}", donor.id, f"{uk} {donor.acronym}-{n}", f"{en} {donor.acronym}-{n}")
            )
            counts.append(0.0)
        i = len(programs) - 1 if counts[-1] == 0.0 else rng.choices(range(len(programs)), counts)[0]
        counts[i] += 1
        return programs[i]

    def organization(self, rng: random.Random, hromada: refdata.Hromada) -> str:
        if rng.random() < LOCAL_ORGS:
            return rng.choice(_LOCAL_ORGS).format(g=hromada.genitive)
        return rng.choice(corpus.ORGS)


def document_lines(
    rng: random.Random, name: str, iris: dict[str, str], facts: int = 6, pools: Pools | None = None
) -> list[str]:
    """The N-Quads lines of one synthetic document graph with about ``facts`` fact sentences."""
    from loaders.base import name_key

    pools = pools or Pools()
    hromadas, cities = refdata.hromadas(), refdata.partner_cities()
    doc = _Doc(name, iris)
    anchor_hromada, anchor_city = _anchored()
    home = anchor_hromada if rng.random() < 0.03 else rng.choice(hromadas)
    first = name == FIRST_DOCUMENT  # names every anchor, so even a tiny graph answers about them
    if first:
        home, facts = anchor_hromada, max(facts, 2)
    for i in range(facts):
        roll = rng.random()
        hromada = home if rng.random() < 0.7 else rng.choice(hromadas)
        if first and i < 2:
            roll, hromada = (0.0, home) if i == 0 else (0.99, home)
        if roll < 0.6:
            donor = pools.donor(rng)
            program = pools.program(rng, donor)
            if first and i == 0:
                program = next(p for p in refdata.programs() if p.id == ANCHOR_PROGRAM)
                donor = next(d for d in pools.donors if d.id == program.donor)
            proj = corpus.project(rng, hromada)
            ev = doc.sentence(corpus.funds_sentence(rng, donor, program, hromada, proj))
            d, p, h = _donor(doc, donor, ev), _program(doc, program, ev), _hromada(doc, hromada, ev)
            j = doc.entity(f"project:{proj.key}", "Project", [(PREF, _lit(proj.label, "uk"))], ev)
            doc.relation(d, "funds", j, ev)
            doc.relation(d, "funds", p, ev)
            doc.relation(j, "partOf", p, ev)
            doc.relation(j, "locatedIn", h, ev)
        elif roll < 0.75:
            program = pools.program(rng, pools.donor(rng))
            org = pools.organization(rng, hromada)
            ev = doc.sentence(corpus.implements_sentence(rng, org, program, hromada))
            o = doc.entity(f"org:{name_key(org)}", "Organization", [(PREF, _lit(org, "uk"))], ev)
            p, h = _program(doc, program, ev), _hromada(doc, hromada, ev)
            doc.relation(o, "implements", p, ev)
            doc.relation(p, "locatedIn", h, ev)
        else:
            city = anchor_city if rng.random() < 0.05 else rng.choice(cities)
            if first and i == 1:
                city = anchor_city
            ev = doc.sentence(corpus.partner_sentence(rng, hromada, city))
            h = _hromada(doc, hromada, ev)
            c, country = _city(doc, city, ev)
            doc.relation(h, "partnerOf", c, ev)
            doc.relation(c, "inCountry", country, ev)
    return doc.lines + doc.closure_lines()


def write_nquads(path: Path, triples: int, seed: int = 11) -> dict:
    """Write documents until about ``triples`` quads are in ``path``; returns counts."""
    rng = random.Random(seed)
    iris: dict[str, str] = {}
    pools = Pools()
    n = docs = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        while n < triples:
            lines = document_lines(rng, f"synth_{docs:06d}.txt", iris, facts=pools.facts(rng), pools=pools)
            out.write("\n".join(lines))
            out.write("\n")
            n += len(lines)
            docs += 1
    return {"triples": n, "documents": docs, "bytes": path.stat().st_size}
