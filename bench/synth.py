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


def document_lines(rng: random.Random, name: str, iris: dict[str, str], facts: int = 6) -> list[str]:
    """The N-Quads lines of one synthetic document graph with about ``facts`` fact sentences."""
    from loaders.base import name_key

    donors = {d.id: d for d in refdata.donors()}
    programs, hromadas, cities = refdata.programs(), refdata.hromadas(), refdata.partner_cities()
    doc = _Doc(name, iris)
    anchor_hromada, anchor_city = _anchored()
    home = anchor_hromada if rng.random() < 0.03 else rng.choice(hromadas)
    first = name == FIRST_DOCUMENT  # names every anchor, so even a tiny graph answers about them
    if first:
        home = anchor_hromada
    for i in range(facts):
        roll = rng.random()
        hromada = home if rng.random() < 0.7 else rng.choice(hromadas)
        if first and i < 2:
            roll, hromada = (0.0, home) if i == 0 else (0.99, home)
        if roll < 0.6:
            program = rng.choice(programs)
            if first and i == 0:
                program = next(p for p in programs if p.id == ANCHOR_PROGRAM)
            donor = donors.get(program.donor) or rng.choice(list(donors.values()))
            proj = corpus.project(rng, hromada)
            ev = doc.sentence(corpus.funds_sentence(rng, donor, program, hromada, proj))
            d, p, h = _donor(doc, donor, ev), _program(doc, program, ev), _hromada(doc, hromada, ev)
            j = doc.entity(f"project:{proj.key}", "Project", [(PREF, _lit(proj.label, "uk"))], ev)
            doc.relation(d, "funds", j, ev)
            doc.relation(d, "funds", p, ev)
            doc.relation(j, "partOf", p, ev)
            doc.relation(j, "locatedIn", h, ev)
        elif roll < 0.75:
            program, org = rng.choice(programs), rng.choice(corpus.ORGS)
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
    n = docs = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        while n < triples:
            lines = document_lines(rng, f"synth_{docs:06d}.txt", iris, facts=rng.randint(3, 12))
            out.write("\n".join(lines))
            out.write("\n")
            n += len(lines)
            docs += 1
    return {"triples": n, "documents": docs, "bytes": path.stat().st_size}
