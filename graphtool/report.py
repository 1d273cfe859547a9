"""Relationship reports a coordinator can send: an entity, its links grouped by kind, each with its source.

Kinds: ``community`` (projects and programs there, their donors and implementers, partner cities,
plans), ``donor`` (what it funds, communities reached, co-funders, implementers), ``program`` (donors,
projects, communities, implementers) and ``partnerships`` (partner cities of a community, of the
communities of an oblast, or of every community). Every link carries the document and the sentence
that state it; links from reference data (the codifier, registries) say so. The entity's own links that
no group of its kind shows, of any relation the ontology declares, are listed under "Other links", so a
relation added to the ontology reaches the reports with no code edit.

Reports read the graph through a :class:`graphtool.reader.Reader` (the embedded store, a SPARQL server,
the server's workers) with the ``queries/internal/*.rq`` questions, asking only about the entities a
report reaches (:class:`graphtool.report_graph.LinkGraph`), never loading the whole store.

Formats: Markdown, HTML (self-contained, escaped, with contents and a footer), CSV (UTF-8 with a byte
order mark, so Excel on a Ukrainian Windows opens the Cyrillic right; evidence offsets included), JSON
(stable English keys, objects), XLSX (frozen bilingual header, autofilter, IRIs as hyperlinks).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import html
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from graphtool.formats import spreadsheet_safe
from graphtool.reader import Reader, ask
from graphtool.vocab import bilingual

KINDS = ("community", "donor", "program", "partnerships", "3w")
FORMATS = ("md", "html", "csv", "json", "xlsx")
T = TypeVar("T")
CONTAINS = "містить / contains"  # the report's own inverse of partOf; every other name is the ontology's label


def type_name(entity_type: str) -> str:
    """``"Донор / Donor"``: the ontology's labels of an entity type (the name itself when it has none)."""
    return bilingual(entity_type) if entity_type else ""


def relation_name(relation: str) -> str:
    """``"фінансує / funds"``: the ontology's labels of a relation."""
    if relation in MONEY_KINDS:
        return MONEY_KINDS[relation]
    return CONTAINS if relation == "contains" else bilingual(relation)


# IATI transaction kinds a report lists (gt:flowKind), with the report's bilingual names
MONEY_KINDS = {"commitment": "зобов'язання / commitment", "disbursement": "виплата / disbursement"}
MONEY_GROUP = "Кошти / Money"
OTHER_GROUP = "Інші зв'язки / Other links"  # the entity's links no group of its report shows
MONEY_LINKS = 300  # transactions listed at most (the largest); the totals count every one
# sources an HTML report quotes per link (the first in reading order; the rest are counted): a hub's link is
# stated in hundreds of sentences at 1M triples. Markdown, CSV, JSON and XLSX keep every source.
SOURCES_SHOWN = 5


# stable keys for JSON (and anything else reading reports by program): group title -> key
GROUP_KEYS = {
    "Донори / Donors": "donors", "Проєкти та програми / Projects and programs": "projects",
    "Виконавці / Implementers": "implementers", "Міста-партнери / Partner cities": "partner_cities",
    "Плани заходів / Action plans": "plans", "Кодифікатор / Codifier": "codifier", "Фінансує / Funds": "funds",
    "Програми та проєкти / Programs and projects": "programs_and_projects",
    "Охоплені громади / Communities reached": "communities", "Співфінансувальники / Co-funders": "cofunders",
    "Проєкти / Projects": "projects", "Громади / Communities": "communities", "Входить до / Part of": "part_of",
    "Кошти / Money": "money", OTHER_GROUP: "other_links",
}  # fmt: skip
FACT_KEYS = {
    "Тип / Type": "type", "English": "label_en", "КАТОТТГ / KATOTTG": "katottg", "GeoNames": "geonames",
    "ISO 3166": "iso3166", "Категорія / Category": "category", "Координати / Coordinates": "coordinates",
    "IRI": "iri", "Згадано в / Mentioned in": "documents", "Заходи планів / Plan measures": "plan_measures",
    "Заходи за джерелом / Measures by funding source": "measures_by_funding_source",
    "Заходи за виконавцем / Measures by executor": "measures_by_executor",
    "Міжнародні заходи / International measures": "international_measures",
    "Зобов'язання / Commitments": "commitments", "Виплати / Disbursements": "disbursements",
    "Транзакцій / Transactions": "transactions",
    "Донорів / Donors": "donor_count", "Проєктів і програм / Projects and programs": "work_count",
    "Громад / Communities": "community_count", "Областей / Oblasts": "oblast_count",
}  # fmt: skip
# the words that make a plan measure "international" (as queries/international_measures.rq)
INTERNATIONAL = re.compile(
    r"міжнародн|партнер|побратим|донор|грант|європ|\bЄС\b|\bЕС\b|ЮНІСЕФ|ПРООН|international|partner|twin|donor|grant"
    r"|europ|\bEU\b",
    re.I,
)
# the flat table's columns (CSV, XLSX) with their bilingual headers for XLSX
COLUMN_TITLES = {
    "group": "Розділ / Section", "subject": "Громада / Community", "relation": "Зв'язок / Relation",
    "other": "З ким / With", "other_type": "Тип / Type", "via": "Через / Via", "document": "Документ / Document",
    "sentence": "Речення / Sentence", "start": "Початок / Start", "end": "Кінець / End", "other_iri": "IRI",
}  # fmt: skip


class ReportError(Exception):
    """The name matched nothing or several entities, or the kind/format is unknown."""


@dataclass
class Source:
    document: str
    sentence: str
    start: int | None = None  # character offsets of the statement in the document
    end: int | None = None


@dataclass
class Link:
    """One link of the report's entity: with whom, how, through what, and where it is written."""

    relation: str
    other: str
    other_type: str
    other_iri: str
    via: str = ""
    subject: str = ""  # for reports about many entities (partnerships): whose link it is
    sources: list[Source] = field(default_factory=list)


@dataclass
class Report:
    kind: str
    title: str
    entity: str
    entity_type: str
    entity_iri: str
    facts: list[tuple[str, str]] = field(default_factory=list)
    groups: dict[str, list[Link]] = field(default_factory=dict)
    # file name -> the document's first line the graph knows (its earliest sentence that names something)
    documents: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain data with stable English keys: ``groups`` maps ``donors``, ``projects``, … (for partnerships:
        the country) to a title and a list of link objects; ``facts`` maps ``type``, ``katottg``, … to
        objects with a bilingual label and the value."""
        return {
            "kind": self.kind,
            "title": self.title,
            "entity": {"label": self.entity, "type": self.entity_type, "iri": self.entity_iri},
            "facts": {FACT_KEYS.get(k, k): {"label": k, "value": v} for k, v in self.facts},
            "groups": {
                GROUP_KEYS.get(title, title): {"title": title, "links": [asdict(link) for link in links]}
                for title, links in self.groups.items()
            },
            "documents": {name: {"first_line": line} for name, line in sorted(self.documents.items())},
        }


def _sources(graph, u: str, v: str, rel: str) -> list[Source]:
    data = graph.get_edge_data(u, v, rel) or {}
    return [Source(e["document"], e["sentence"], e.get("start"), e.get("end")) for e in data.get("evidence", [])]


def _label(graph, node: str) -> str:
    return graph.nodes[node].get("label", node)


def _link(graph, u: str, v: str, rel: str, other: str, via: str = "", subject: str = "") -> Link:
    data = graph.nodes[other]
    text = _label(graph, other)
    if data.get("type") == "PartnerCity":
        countries = [_label(graph, c) for _, c, r in graph.out_edges(other, keys=True) if r == "inCountry"]
        if countries:
            text += f" ({', '.join(sorted(countries))})"
    if rel == "partnerOf":
        from graphtool.network import STATUS_LABELS, partnership_status

        status = partnership_status((graph.get_edge_data(u, v, rel) or {}).get("evidence", []))
        if status:
            text += f" — {STATUS_LABELS[status]}"
    return Link(rel, text, data.get("type", ""), other, via, subject, _sources(graph, u, v, rel))


def _read(graph, nodes) -> None:
    """Ask about ``nodes`` (their cards, links and evidence) in one question when ``graph`` reads on demand
    (:class:`graphtool.report_graph.LinkGraph`), before a walk asks about them one by one."""
    read = getattr(graph, "read_links", None)
    if read is not None:
        read(list(nodes))


def _read_closure(graph, nodes, rel: str, direction: str) -> None:
    """Read ``nodes`` and what they reach through ``rel`` (``out``: what they point to), a level per question."""
    seen, level = set(), list(dict.fromkeys(nodes))
    while level:
        _read(graph, level)
        seen |= set(level)
        level = list(dict.fromkeys(
            v if direction == "out" else u for node in level for u, v in _edges(graph, node, rel, direction)
            if (v if direction == "out" else u) not in seen
        ))  # fmt: skip


def _read_partner_cities(graph, nodes) -> None:
    """Read the partner cities among ``nodes`` (a link to one names its country: its ``inCountry`` links)."""
    _read(graph, [n for n in nodes if (graph.nodes.get(n) or {}).get("type") == "PartnerCity"])


def _edges(graph, node: str, rel: str, direction: str):
    """(u, v) pairs of ``rel`` edges leaving (``out``) or entering (``in``) ``node``."""
    if direction == "out":
        return [(u, v) for u, v, r in graph.out_edges(node, keys=True) if r == rel]
    return [(u, v) for u, v, r in graph.in_edges(node, keys=True) if r == rel]


def _part_of_closure(graph, node: str, direction: str) -> list[str]:
    """``node`` first, then what it is (transitively) part of ("out") or what is part of it ("in")."""
    seen, todo = [node], [node]
    while todo:
        for child, parent in _edges(graph, todo.pop(), "partOf", direction):
            nxt = parent if direction == "out" else child
            if nxt not in seen:
                seen.append(nxt)
                todo.append(nxt)
    return seen


def _parents(graph, node: str) -> list[str]:
    """The programs (transitively) a project or program is part of, itself first."""
    return _part_of_closure(graph, node, "out")


def _parts(graph, node: str) -> list[str]:
    """A program and everything (transitively) part of it."""
    return _part_of_closure(graph, node, "in")


def _dedupe(links: list[Link]) -> list[Link]:
    out: dict[tuple[str, str, str, str], Link] = {}
    for link in links:
        key = (link.subject, link.relation, link.other_iri, link.via)
        if key in out:
            have = {(s.document, s.sentence) for s in out[key].sources}
            out[key].sources += [s for s in link.sources if (s.document, s.sentence) not in have]
        else:
            out[key] = link
    return sorted(out.values(), key=lambda x: (x.subject, x.other.casefold(), x.via, x.relation))


def _facts(graph, node: str) -> list[tuple[str, str]]:
    data = graph.nodes[node]
    facts = [("Тип / Type", type_name(data.get("type", "")))]
    if data.get("label_en"):
        facts.append(("English", data["label_en"]))
    for key, name in (("katottg", "КАТОТТГ / KATOTTG"), ("geonames", "GeoNames"), ("iso3166", "ISO 3166"),
                      ("category", "Категорія / Category")):  # fmt: skip
        if data.get(key):
            facts.append((name, str(data[key])))
    if data.get("lat") is not None:
        facts.append(("Координати / Coordinates", f"{data['lat']:.4f}, {data['lon']:.4f}"))
    facts.append(("IRI", node))
    documents = graph.documents(node)
    if documents:
        facts.append(("Згадано в / Mentioned in", ", ".join(documents)))
    return facts


def _community_groups(graph, node: str) -> dict[str, list[Link]]:
    from graphtool.network import descendants_in_codifier

    scope = descendants_in_codifier(graph, node)
    _read(graph, scope)
    located = [item for place in scope for item, _ in _edges(graph, place, "locatedIn", "in")]
    _read_closure(graph, located, "partOf", "out")
    _read_partner_cities(graph, [x for place in scope for edge in _edges(graph, place, "partnerOf", "out")
                                 + _edges(graph, place, "partnerOf", "in") for x in edge])  # fmt: skip
    items, donors, implementers, partners, plans, codifier = [], [], [], [], [], []
    for place in sorted(scope):
        where = _label(graph, place) if place != node else ""
        for item, _ in _edges(graph, place, "locatedIn", "in"):
            if graph.nodes[item].get("type") == "Community":
                continue
            items.append(_link(graph, item, place, "locatedIn", item, via=where))
            for funded in _parents(graph, item):
                for donor, _ in _edges(graph, funded, "funds", "in"):
                    donors.append(_link(graph, donor, funded, "funds", donor, via=_label(graph, funded)))
            for org, _ in _edges(graph, item, "implements", "in"):
                implementers.append(_link(graph, org, item, "implements", org, via=_label(graph, item)))
        for u, v in _edges(graph, place, "partnerOf", "out") + _edges(graph, place, "partnerOf", "in"):
            other = v if u == place else u
            if other not in scope:
                partners.append(_link(graph, u, v, "partnerOf", other, via=where))
        for plan, _ in _edges(graph, place, "planOf", "in"):
            plans.append(_link(graph, plan, place, "planOf", plan, via=where))
    for _, parent in _edges(graph, node, "locatedIn", "out"):
        codifier.append(_link(graph, node, parent, "locatedIn", parent))
    for child in sorted(scope - {node}):
        codifier.append(Link("contains", _label(graph, child), "Community", child, sources=[]))
    return {
        "Донори / Donors": _dedupe(donors),
        "Проєкти та програми / Projects and programs": _merge_places(_dedupe(items)),
        "Виконавці / Implementers": _dedupe(implementers),
        "Міста-партнери / Partner cities": _dedupe(partners),
        "Плани заходів / Action plans": _dedupe(plans),
        "Кодифікатор / Codifier": _dedupe(codifier),
    }


def _merge_places(links: list[Link]) -> list[Link]:
    """One row per project: a project stated for the hromada and for its city (or a village in it) is one
    fact, its sources joined and the settlement named once in ``via`` ("Житомир")."""
    out: dict[tuple[str, str, str], Link] = {}
    for link in links:
        key = (link.subject, link.relation, link.other_iri)
        have = out.get(key)
        if have is None:
            out[key] = Link(**{**link.__dict__, "sources": list(link.sources)})
            continue
        vias = [v for v in dict.fromkeys([*have.via.split(", "), link.via]) if v]
        have.via = ", ".join(vias)
        seen = {(x.document, x.sentence) for x in have.sources}
        have.sources += [x for x in link.sources if (x.document, x.sentence) not in seen]
    return list(out.values())


def _plan_facts(graph, plans: list[str]) -> list[tuple[str, str]]:
    """Measures of a community's action plans: how many, by funding source and executor, the international."""
    measures = set()
    _read_closure(graph, plans, "partOf", "in")
    for plan in plans:
        measures |= {m for m in _parts(graph, plan) if graph.nodes[m].get("type") == "Measure"}
    if not measures:
        return []
    sources, executors, international = Counter(), Counter(), []
    for m in sorted(measures):
        outs = [(v, r) for _, v, r in graph.out_edges(m, keys=True)]
        for v, r in outs:
            if r == "fundingSource":
                sources[_label(graph, v)] += 1
            elif r == "responsibleExecutor":
                executors[_label(graph, v)] += 1
        texts = [_label(graph, m)] + [_label(graph, v) for v, r in outs if r in ("partOf", "responsibleExecutor")]
        if any(INTERNATIONAL.search(t) for t in texts):
            international.append(_label(graph, m))

    def counted(c: Counter) -> str:
        return "; ".join(f"{k}: {n}" for k, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))

    facts = [("Заходи планів / Plan measures", str(len(measures)))]
    if sources:
        facts.append(("Заходи за джерелом / Measures by funding source", counted(sources)))
    if executors:
        facts.append(("Заходи за виконавцем / Measures by executor", counted(executors)))
    facts.append(
        ("Міжнародні заходи / International measures", f"{len(international)}" + (f": {'; '.join(international)}" if international else ""))
    )  # fmt: skip
    return facts


def _oblast_of(graph, place: str) -> str:
    """The oblast a community lies in (the codifier's locatedIn chain), or ''."""
    seen, todo = {place}, [place]
    while todo:
        node = todo.pop(0)
        if graph.nodes[node].get("category") == "oblast":
            return _label(graph, node)
        for _, parent, rel in graph.out_edges(node, keys=True):
            if rel == "locatedIn" and parent not in seen and graph.nodes[parent].get("type") == "Community":
                seen.add(parent)
                todo.append(parent)
    return ""


def _who_what_where(graph) -> tuple[list[tuple[str, str]], dict[str, list[Link]]]:
    """3W: every donor -> what it funds (programme/project) -> where (community, with its oblast)."""
    groups: dict[str, list[Link]] = {}
    work_all, places_all, oblasts_all = set(), set(), set()
    donors = sorted(graph.entities("Donor"), key=lambda n: (_label(graph, n).casefold(), n))
    _read(graph, donors)
    funded_all = [f for donor in donors for _, f in _edges(graph, donor, "funds", "out")]
    _read_closure(graph, funded_all, "partOf", "in")
    work = {w for f in funded_all for w in _parts(graph, f)}
    _read_closure(graph, [p for w in work for _, p in _edges(graph, w, "locatedIn", "out")], "locatedIn", "out")
    for donor in donors:
        rows = []
        for _, funded in _edges(graph, donor, "funds", "out"):
            for w in _parts(graph, funded):
                for _, place in _edges(graph, w, "locatedIn", "out"):
                    oblast = _oblast_of(graph, place)
                    what = _label(graph, w) if w == funded else f"{_label(graph, funded)} → {_label(graph, w)}"
                    link = _link(graph, w, place, "locatedIn", place, via=what, subject=oblast)
                    both = _sources(graph, donor, funded, "funds") + link.sources
                    link.sources = list({(x.document, x.sentence): x for x in reversed(both)}.values())[::-1]
                    rows.append(link)
                    work_all.add(w)
                    places_all.add(place)
                    oblasts_all.add(oblast)
        if rows:
            groups[_label(graph, donor)] = sorted(
                _dedupe(rows), key=lambda x: (x.subject.casefold(), x.other.casefold(), x.via)
            )
    facts = [
        ("Донорів / Donors", str(len(groups))),
        ("Проєктів і програм / Projects and programs", str(len(work_all))),
        ("Громад / Communities", str(len(places_all))),
        ("Областей / Oblasts", str(len(oblasts_all - {""}))),
    ]  # fmt: skip
    return facts, groups


def _places_of(graph, work: list[str]) -> list[Link]:
    out = []
    for item in work:
        for _, place in _edges(graph, item, "locatedIn", "out"):
            out.append(_link(graph, item, place, "locatedIn", place, via=_label(graph, item)))
    return out


def _donor_groups(graph, node: str) -> dict[str, list[Link]]:
    funded = [v for _, v in _edges(graph, node, "funds", "out")]
    _read_closure(graph, funded, "partOf", "out")
    _read_closure(graph, [p for f in funded for p in _parents(graph, f)], "partOf", "in")
    # each closure once: a donor funds thousands of items, most of them parts of the same few programs
    closures: dict[tuple[str, str], list[str]] = {}

    def parents(x: str) -> list[str]:
        if (x, "out") not in closures:
            closures[(x, "out")] = _parents(graph, x)
        return closures[(x, "out")]

    def parts(x: str) -> list[str]:
        if (x, "in") not in closures:
            closures[(x, "in")] = _parts(graph, x)
        return closures[(x, "in")]

    work, in_work = [], set()
    for f in funded:
        for w in parts(f):
            if w not in in_work:
                in_work.add(w)
                work.append(w)
    funds = [_link(graph, node, f, "funds", f) for f in funded]
    within = []
    for f in funded:
        for parent in parents(f)[1:]:
            within.append(_link(graph, f, parent, "partOf", parent, via=_label(graph, f)))
        for part in parts(f)[1:]:
            within.append(_link(graph, part, f, "partOf", part, via=_label(graph, f)))
    funders: dict[str, list[tuple[str, str]]] = {}
    cofunders = []
    # each programme once: the items a donor funds in one programme are thousands at 10M triples, and each
    # walked the programme's every part again (the same links, merged by _dedupe)
    for program in dict.fromkeys(program for f in funded for program in parents(f)):
        for w in parts(program):
            if w not in funders:
                funders[w] = _edges(graph, w, "funds", "in")
            for other, _ in funders[w]:
                if other != node:
                    cofunders.append(_link(graph, other, w, "funds", other, via=_label(graph, program)))
    return {
        "Фінансує / Funds": _dedupe(funds),
        "Програми та проєкти / Programs and projects": _dedupe(within),
        "Охоплені громади / Communities reached": _dedupe(_places_of(graph, work)),
        "Співфінансувальники / Co-funders": _dedupe(cofunders),
        "Виконавці / Implementers": _dedupe(_implementers(graph, work)),
    }


def _implementers(graph, work: list[str], node: str = "") -> list[Link]:
    """Who implements each of ``work``, named through it (``via``) unless it is the report's ``node``."""
    return [_link(graph, o, w, "implements", o, via=_label(graph, w) if w != node else "") for w in work
            for o, _ in _edges(graph, w, "implements", "in")]  # fmt: skip


def _program_groups(graph, node: str) -> dict[str, list[Link]]:
    _read_closure(graph, [node], "partOf", "in")
    _read_closure(graph, [node], "partOf", "out")
    work = _parts(graph, node)
    donors = []
    for w in _parents(graph, node) + work[1:]:
        for d, _ in _edges(graph, w, "funds", "in"):
            donors.append(_link(graph, d, w, "funds", d, via=_label(graph, w) if w != node else ""))
    projects = [_link(graph, p, node_, "partOf", p) for node_ in work for p, _ in _edges(graph, node_, "partOf", "in")]
    parents = [_link(graph, node, p, "partOf", p) for _, p in _edges(graph, node, "partOf", "out")]
    return {
        "Донори / Donors": _dedupe(donors),
        "Проєкти / Projects": _dedupe(projects),
        "Громади / Communities": _dedupe(_places_of(graph, work)),
        "Виконавці / Implementers": _dedupe(_implementers(graph, work, node)),
        "Входить до / Part of": _dedupe(parents),
    }


# ----------------------------------------------------------------------------- money (IATI)


def _amount(value: str) -> str:
    """``1234567.5`` -> ``1 234 567.50`` (narrow spaces between thousands, as Ukrainian texts write them)."""
    from decimal import Decimal, InvalidOperation

    try:
        return f"{Decimal(value):,.2f}".replace(",", "\u202f")
    except InvalidOperation:
        return value


def _money(reader: Reader, graph, donor: str | None = None, activities: list[str] = ()) -> tuple[list, list[Link]]:
    """Commitments and disbursements, in the currency written (never converted), each with its element as
    evidence: a donor's (``donor``), or those of ``activities``. Returns (total facts, links)."""
    from decimal import Decimal, InvalidOperation

    from rdflib import URIRef

    if donor:
        rows = ask(reader, "money_flows_of_donor", {"donor": URIRef(donor)}).dicts()
    else:
        rows = _money_of_activities(reader, list(dict.fromkeys(activities)))

    def name(node) -> str:
        return _label(graph, str(node)) if node is not None and str(node) in graph else ""

    seen, links = set(), []
    totals: dict[str, dict[str, Decimal]] = {}
    for r in rows:
        if str(r["flow"]) in seen:
            continue
        seen.add(str(r["flow"]))
        kind, currency, amount = str(r["kind"]), str(r["currency"]), str(r["amount"])
        try:
            totals.setdefault(kind, {}).setdefault(currency, Decimal(0))
            totals[kind][currency] += Decimal(amount)
        except InvalidOperation:
            pass
        who = " → ".join(x for x in (name(r["provider"]), name(r["receiver"])) if x)
        date = str(r["date"]) if r["date"] is not None else ""
        other = f"{_amount(amount)} {currency}" + (f", {date}" if date else "")
        via = name(r["activity"]) + (f" ({who})" if who else "")
        evidence = f"{r['sentence']} — {r['xpath']}, line {r['line']}"
        link = Link(kind, other, "MoneyFlow", str(r["flow"]), via, sources=[Source(str(r["file"]), evidence)])
        links.append((_decimal(amount), link))
    facts = []
    for kind, title in (("commitment", "Зобов'язання / Commitments"), ("disbursement", "Виплати / Disbursements")):
        if kind in totals:
            facts.append((title, "; ".join(f"{_amount(str(v))} {c}" for c, v in sorted(totals[kind].items()))))
    if len(links) > MONEY_LINKS:  # a large donor's thousands of transactions: the totals count them all
        facts.append(("Транзакцій / Transactions", f"{len(links):,}; показано {MONEY_LINKS} найбільших / "
                                                    f"the {MONEY_LINKS} largest shown".replace(",", "\u202f")))  # fmt: skip
        links = sorted(links, key=lambda x: x[0], reverse=True)[:MONEY_LINKS]
    shown = sorted((link for _, link in links), key=lambda x: (x.via.casefold(), x.relation, x.other))
    return facts, shown


def _money_of_activities(reader: Reader, activities: list[str]) -> list[dict]:
    """The money flows of ``activities``, activity by activity in their order, asked in one question per
    ``BATCH`` of them."""
    from rdflib import URIRef

    from graphtool.report_graph import BATCH

    by_activity: dict[str, list[dict]] = {a: [] for a in activities}
    for start in range(0, len(activities), BATCH):
        chunk = [URIRef(a) for a in activities[start : start + BATCH]]
        for row in ask(reader, "money_flows_of_activity", {"activity": chunk}).dicts():
            by_activity[str(row["activity"])].append(row)
    return [row for a in activities for row in by_activity[a]]


def _decimal(value: str):
    from decimal import Decimal, InvalidOperation

    try:
        return Decimal(value)
    except InvalidOperation:
        return Decimal(0)


def _partnership_groups(graph, communities: set[str] | None) -> dict[str, list[Link]]:
    """Partner cities of ``communities`` (of every community: None), grouped by the partner's country."""
    edges = graph.relation_edges("partnerOf")
    read_cards = getattr(graph, "read_cards", None)
    if read_cards is not None:
        read_cards([x for u, v, _rel in edges for x in (u, v)])
    if communities is None:  # every community: the ends of the store's partnerships that are communities
        communities = set()
        for u, v, _rel in edges:
            communities |= {x for x in (u, v) if (graph.nodes.get(x) or {}).get("type") == "Community"}
    groups: dict[str, list[Link]] = {}
    _read(graph, [x for u, v, _rel in edges if {u, v} & communities for x in (u, v)
                  if (graph.nodes.get(x) or {}).get("type") != "Community"])  # fmt: skip
    for u, v, rel in edges:
        if not ({u, v} & communities) or u not in graph or v not in graph:
            continue
        ours, other = (u, v) if u in communities else (v, u)
        if other in communities and graph.nodes[other].get("type") == "Community" and ours > other:
            ours, other = other, ours
        link = _link(graph, u, v, rel, other, subject=_label(graph, ours))
        countries = sorted(_label(graph, c) for _, c, r in graph.out_edges(other, keys=True) if r == "inCountry")
        title = ", ".join(countries) if countries else (
            "Україна / Ukraine" if graph.nodes[other].get("type") == "Community" else "Країна невідома / Country unknown"
        )  # fmt: skip
        groups.setdefault(title, []).append(link)
    return {k: _dedupe(v) for k, v in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))}


def document_lines(reader: Reader, report: Report) -> dict[str, str]:
    """For every document the report quotes, its earliest sentence in the graph (shortened): usually the
    heading or first line of a news item, so a reader sees "Житомир отримав …" rather than a hashed file
    name. Documents carry no title of their own in the graph yet.

    The store writes each document's first line at build time (``gt:firstLine``, graphtool/derived.py);
    the documents left without one (a store written before it, a server holding the document graphs
    only, a document with no sentence) are asked again with ``document_lines_read``, which picks it from
    their sentences: the same lines either way."""
    from rdflib import Literal

    from graphtool.report_graph import BATCH

    names = sorted(
        {s.document for links in report.groups.values() for link in links for s in link.sources if s.document}
    )
    first: dict[str, str] = {}
    sources: dict[str, str] = {}
    for start in range(0, len(names), BATCH):
        chunk = [Literal(name) for name in names[start : start + BATCH]]
        for file, earliest, source in ask(reader, "document_lines", {"file": chunk}).rows:
            if source is not None:
                sources.setdefault(str(file), str(source))
            elif earliest is not None:
                first[str(file)] = _sentence_of(str(earliest))
    unread = [name for name in names if name not in first]
    for start in range(0, len(unread), BATCH):
        chunk = [Literal(name) for name in unread[start : start + BATCH]]
        for file, earliest in ask(reader, "document_lines_read", {"file": chunk}).rows:
            if earliest is not None:
                first[str(file)] = _sentence_of(str(earliest))
    out = {}
    for name in names:
        line = ""
        if name in first:
            line = " ".join(first[name].split())
            line = line if len(line) <= 80 else line[:79].rstrip() + "…"
        if name in sources:
            line = f"{line} — {sources[name]}" if line else sources[name]
        if line:
            out[name] = line
    return out


def _sentence_of(earliest: str) -> str:
    """The sentence of ``document_lines``' ``?first``: the offset in ten digits, a space, the sentence."""
    return earliest.split(" ", 1)[1] if " " in earliest else ""


def _doc_name(report: Report, name: str) -> str:
    line = report.documents.get(name)
    return f"«{line}» ({name})" if line else name


def build_report(reader: Reader, kind: str, name: str | None = None) -> Report:
    """Gather the report of ``kind`` about the entity ``name`` (matched forgivingly)."""
    report = _build_report(reader, kind, name)
    report.documents = document_lines(reader, report)
    return report


def _build_report(reader: Reader, kind: str, name: str | None = None) -> Report:
    from graphtool import names
    from graphtool.network import descendants_in_codifier
    from graphtool.report_graph import LinkGraph

    if kind not in KINDS:
        raise ReportError(f"unknown report {kind!r}; choose from {', '.join(KINDS)}")
    if kind not in ("partnerships", "3w") and not name:
        raise ReportError(f"the {kind} report needs a NAME")
    types = {"community": ["Community"], "donor": ["Donor"], "program": ["Program", "Project"],
             "partnerships": ["Community"], "3w": ["Community"]}[kind]  # fmt: skip
    graph = LinkGraph(reader)
    if kind == "3w":
        report = Report(kind, "Хто — що — де / Who — what — where (3W)", "", "", "")
        report.facts, report.groups = _with_evidence_shown(graph, lambda: _who_what_where(graph))
        return report
    if name:
        try:
            found = names.resolve(reader, name, types, prefer_hromada="Community" in types)
        except names.NameLookupError as exc:
            raise ReportError(str(exc)) from exc
        node = found.iri
        if node not in graph:
            raise ReportError(f"{found.label} has no links in the graph")
    if kind == "partnerships":
        if name:
            scope = descendants_in_codifier(graph, node)
            entity, etype, iri = _label(graph, node), "Community", node
        else:
            scope = None
            entity, etype, iri = "Усі громади / All communities", "", ""
        report = Report(kind, f"Партнерства / Partnerships: {entity}", entity, etype, iri)
        report.facts = _facts(graph, node) if name else []
        report.groups = _with_evidence_shown(graph, lambda: _partnership_groups(graph, scope))
        return report
    remembered = _Remembered(reader)
    return _with_evidence_shown(graph, lambda: _entity_report(remembered, graph, kind, node))


def _entity_report(reader: Reader, graph, kind: str, node: str) -> Report:
    """The community, donor or program report about ``node``."""
    heading = {"community": "Громада / Community", "donor": "Донор / Donor", "program": "Програма / Program"}[kind]
    report = Report(kind, f"{heading}: {_label(graph, node)}", _label(graph, node), graph.nodes[node]["type"], node)
    report.facts = _facts(graph, node)
    report.groups = {"community": _community_groups, "donor": _donor_groups, "program": _program_groups}[kind](
        graph, node
    )
    if kind == "community":
        plans = [link.other_iri for link in report.groups["Плани заходів / Action plans"]]
        report.facts += _plan_facts(graph, plans)
    if kind == "donor":  # the money the donor commits and disburses, in the currency written
        facts, links = _money(reader, graph, donor=node)
    else:  # the money of the projects there (community), of the program and its parts
        items = [link.other_iri for link in report.groups.get("Проєкти та програми / Projects and programs", [])]
        facts, links = _money(reader, graph, activities=_parts(graph, node) if kind == "program" else items)
    if links:
        report.facts += facts
        report.groups[MONEY_GROUP] = links
    others = _other_links(graph, node, report.groups)
    if others:
        report.groups[OTHER_GROUP] = others
    return report


def _with_evidence_shown(graph, gather: Callable[[], T]) -> T:
    """``gather()``, having read the evidence of exactly the links it shows, in one batch.

    A report walks many more links than it shows (a community report at 1M triples: 3,608 links walked, 617
    shown), and which it shows does not depend on their evidence. So on a graph that reads on demand
    (:class:`graphtool.report_graph.LinkGraph`) ``gather`` runs twice: first with every link's evidence
    noted and given as none, which names the links it shows; then, their evidence read, for the report.
    The second pass asks nothing else: the graph kept the cards, links, entities of a type and links of a
    relation, ``gather``'s own reader (:class:`_Remembered`) its other answers. A ``networkx`` graph holds its
    evidence: one pass.
    """
    later = getattr(graph, "evidence_later", None)
    if later is None:
        return gather()
    with later():
        gather()
    return gather()


class _Remembered:
    """A :class:`Reader` that answers a question asked again (same text, same bindings) from its first answer."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self._answers: dict[tuple, Any] = {}

    def select(self, query: str, bindings: Mapping[str, Any] | None = None):
        key = (query, tuple(sorted((bindings or {}).items())))
        if key not in self._answers:
            self._answers[key] = self.reader.select(query, bindings)
        return self._answers[key]


def _other_links(graph, node: str, groups: dict[str, list[Link]]) -> list[Link]:
    """The entity's own links (either way, any relation of the ontology) that no group above shows: a
    relation added to the ontology reaches every report here with no code edit."""
    shown = {(link.relation, link.other_iri) for links in groups.values() for link in links}
    _read_partner_cities(graph, [x for edge in graph.out_edges(node) + graph.in_edges(node) for x in edge[:2]])
    out = []
    for u, v, rel in graph.out_edges(node, keys=True) + graph.in_edges(node, keys=True):
        other = v if u == node else u
        if (rel, other) in shown or (rel == "locatedIn" and v == node and ("contains", other) in shown):
            continue
        out.append(_link(graph, u, v, rel, other))
    return _dedupe(out)


# --------------------------------------------------------------------------- rendering

COLUMNS = list(COLUMN_TITLES)


def report_rows(report: Report) -> list[dict[str, str]]:
    """One flat row per link and source (a link with no source gets one row, sentence empty)."""
    rows = []
    for group, links in report.groups.items():
        for link in links:
            base = {
                "group": group,
                "subject": link.subject or report.entity,
                "relation": relation_name(link.relation),
                "other": link.other,
                "other_type": type_name(link.other_type),
                "via": link.via,
                "other_iri": link.other_iri,
            }
            for src in link.sources or [Source("", "")]:
                offsets = {
                    "start": "" if src.start is None else str(src.start),
                    "end": "" if src.end is None else str(src.end),
                }
                rows.append({**base, "document": src.document, "sentence": src.sentence, **offsets})
    return rows


def _md_cell(text: str) -> str:
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")


def _subject_head(report: Report) -> str:
    return "Область / Oblast" if report.kind == "3w" else "Громада / Community"


_GENERIC = {
    "громада",
    "міська",
    "сільська",
    "селищна",
    "територіальна",
    "область",
    "район",
    "програма",
    "проєкт",
    "місто",
}
_WORD = re.compile(r"[\w'ʼ’-]+")


@functools.lru_cache(maxsize=4096)
def _stems(names: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The stems :func:`_highlight` marks for ``names``: prefixes (four letters or more) a word starts with, and
    acronyms (two or three capitals) a word must equal; worked out once per link, not once per sentence."""
    stems = set()
    for name in names:
        for w in _WORD.findall(re.sub(r"\([^)]*\)", "", name)):
            if w.casefold() in _GENERIC:
                continue
            if len(w) >= 4:
                stems.add(w[: max(4, len(w) - 4)].casefold())
            elif w.isupper() and len(w) >= 2:  # acronyms: GIZ, ЄС
                stems.add(w.casefold())
    return tuple(sorted(st for st in stems if len(st) >= 4)), frozenset(st for st in stems if len(st) < 4)


def _highlight(sentence: str, names: list[str]) -> str:
    """The sentence as escaped HTML with the words naming an entity marked (``<mark>``).

    Ukrainian inflects names ("Житомир", "у Житомирі", "з Любліном"), so a word matches when it starts
    with the stem of a name's word (the word less its last letters, at least four kept)."""
    prefixes, acronyms = _stems(tuple(names))
    out, last = [], 0
    for m in _WORD.finditer(sentence):
        word = m.group().casefold()
        if word.startswith(prefixes) or word in acronyms:
            out += [html.escape(sentence[last : m.start()]), f"<mark>{html.escape(m.group())}</mark>"]
            last = m.end()
    out.append(html.escape(sentence[last:]))
    return "".join(out)


def render_markdown(report: Report) -> str:
    out = [f"# {_md_cell(report.title)}", ""]
    for key, value in report.facts:
        out.append(f"- **{_md_cell(key)}**: {_md_cell(value)}")
    for group, links in report.groups.items():
        out += ["", f"## {_md_cell(group)} ({len(links)})", ""]
        if not links:
            out.append("_Немає / None_")
            continue
        many = report.kind in ("partnerships", "3w")
        with_via = any(link.via for link in links)  # a column that would be empty is left out
        head = ([_subject_head(report)] if many else []) + ["Зв'язок / Link"]
        head += (["Через / Via"] if with_via else []) + ["Джерело / Source"]
        out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for link in links:
            sources = (
                "<br>".join(
                    f"**{_md_cell(_doc_name(report, s.document))}**: «{_md_cell(s.sentence)}»" for s in link.sources
                )
                or "_довідкові дані / reference data_"
            )
            cells = ([_md_cell(link.subject)] if many else []) + [
                f"{_md_cell(relation_name(link.relation))}: **{_md_cell(link.other)}**",
                *([_md_cell(link.via)] if with_via else []),
                sources,
            ]
            out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


REPORT_KIND_OF = {"Community": "community", "Donor": "donor", "Program": "program", "Project": "program"}


def render_html(
    report: Report,
    *,
    store: str = "",
    made: dt.datetime | None = None,
    link_base: str | None = None,
    sources_shown: int | None = SOURCES_SHOWN,
) -> str:
    """A self-contained page: facts, a table of contents, one table per group, a footer with the store and the
    time it was made. Every text is escaped.

    A link quotes its first ``sources_shown`` sources (None: all) and counts the others; the CSV, JSON, XLSX
    and Markdown forms of the same report list every one.

    ``link_base`` (e.g. ``"/report"`` under ``graphtool serve``): communities, donors, programmes and projects
    link to their own reports there (``/report?kind=donor&name=<IRI>``); a file on disk has no such links.
    """
    from urllib.parse import urlencode

    e = html.escape

    def name_of(link: Link) -> str:
        kind = REPORT_KIND_OF.get(link.other_type)
        if not link_base or not kind or not link.other_iri:
            return f"<strong>{e(link.other)}</strong>"
        href = f"{link_base}?{urlencode({'kind': kind, 'name': link.other_iri})}"
        return f'<a href="{e(href)}"><strong>{e(link.other)}</strong></a>'

    made = made or dt.datetime.now(dt.UTC).replace(microsecond=0)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="uk"><head><meta charset="utf-8">',
        f"<title>{e(report.title)}</title>",
        "<style>body{font:14px/1.45 system-ui,sans-serif;max-width:1100px;margin:24px auto;padding:0 16px;color:#222}"
        "table{border-collapse:collapse;width:100%;margin:8px 0 20px}th,td{border:1px solid #ddd;padding:4px 6px;"
        "vertical-align:top;text-align:left}th{background:#f4f4f4}.src{color:#444}.doc{font-weight:600}"
        "dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}dt{font-weight:600}"
        "mark{background:#fff2a8}.more{color:#666;font-style:italic}footer{margin-top:32px;color:#666;font-size:12px;border-top:1px solid #ddd;padding-top:8px}</style>",
        "</head><body>",
        f"<h1>{e(report.title)}</h1>",
        "<dl>" + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in report.facts) + "</dl>",
        '<nav><h2>Зміст / Contents</h2><ol>'
        + "".join(f'<li><a href="#g{i}">{e(g)}</a> ({len(links)})</li>' for i, (g, links) in enumerate(report.groups.items()))
        + "</ol></nav>",
    ]  # fmt: skip
    for i, (group, links) in enumerate(report.groups.items()):
        parts.append(f'<h2 id="g{i}">{e(group)} ({len(links)})</h2>')
        if not links:
            parts.append("<p><em>Немає / None</em></p>")
            continue
        many = report.kind in ("partnerships", "3w")
        with_via = any(link.via for link in links)
        head = ([_subject_head(report)] if many else []) + ["Зв'язок / Link"]
        head += (["Через / Via"] if with_via else []) + ["Джерело / Source"]
        parts.append("<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr>")
        for link in links:
            quoted = link.sources if sources_shown is None else link.sources[:sources_shown]
            sources = (
                "".join(
                    f'<div class="src"><span class="doc">{e(_doc_name(report, s.document))}</span>: '
                    f"«{_highlight(s.sentence, [link.other, link.subject or report.entity])}»</div>"
                    for s in quoted
                )
                or "<em>довідкові дані / reference data</em>"
            )
            if len(quoted) < len(link.sources):
                sources += f'<div class="more">{e(_more_sources(report, len(link.sources) - len(quoted)))}</div>'
            cells = ([e(link.subject)] if many else []) + [
                f"{e(relation_name(link.relation))}: {name_of(link)}",
                *([e(link.via)] if with_via else []),
                sources,
            ]
            parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        parts.append("</table>")
    made_by = f"Сховище / Store: {store} · " if store else ""
    parts.append(f"<footer>{e(made_by)}Створено / Made: {e(made.isoformat())} · graphtool</footer>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _more_sources(report: Report, left: int) -> str:
    """The line under a link's quoted sources: how many more there are, and where every one is listed."""
    count = f"{left:,}".replace(",", "\u202f")
    command = (
        f"graphtool report {report.kind}" + (f" {report.entity_iri}" if report.entity_iri else "") + " --format csv"
    )
    return f"… ще джерел: {count}, усі — у CSV чи JSON / {count} more sources, every one in the CSV or JSON: {command}"


def render_csv(report: Report) -> str:
    """UTF-8 text starting with a byte order mark: Excel then reads it as UTF-8, not the ANSI code page."""
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({c: spreadsheet_safe(row[c]) for c in COLUMNS} for row in report_rows(report))
    return buf.getvalue()


def _xlsx_text(value: str) -> str:
    return spreadsheet_safe(value)


def write_xlsx(report: Report, path: str | Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    summary.append([_xlsx_text(report.title)])
    summary["A1"].font = Font(bold=True, size=13)
    for key, value in report.facts:
        summary.append([_xlsx_text(key), _xlsx_text(value)])
    summary.append([])
    for group, links in report.groups.items():
        summary.append([_xlsx_text(group), len(links)])
    links_sheet = wb.create_sheet("Links")
    links_sheet.append([COLUMN_TITLES[c] for c in COLUMNS])
    for cell in links_sheet[1]:
        cell.font = Font(bold=True)
    iri_col = COLUMNS.index("other_iri") + 1
    for row in report_rows(report):
        links_sheet.append([_xlsx_text(row[c]) for c in COLUMNS])
        iri = row["other_iri"]
        if iri.startswith(("http://", "https://")):
            cell = links_sheet.cell(row=links_sheet.max_row, column=iri_col)
            cell.hyperlink = iri
            cell.style = "Hyperlink"
    links_sheet.freeze_panes = "A2"
    links_sheet.auto_filter.ref = links_sheet.dimensions
    for sheet, widths in (
        (summary, {"A": 40, "B": 80}),
        (links_sheet, {"A": 30, "B": 30, "C": 22, "D": 40, "F": 30, "G": 24, "H": 100}),
    ):
        for col, width in widths.items():
            sheet.column_dimensions[col].width = width
    wb.save(str(path))


def render_report(report: Report, fmt: str) -> str:
    """Text of a report in md, html, csv or json (xlsx is binary: :func:`write_report`)."""
    if fmt == "md":
        return render_markdown(report)
    if fmt == "html":
        return render_html(report)
    if fmt == "csv":
        return render_csv(report)
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n"
    raise ReportError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def write_report(report: Report, fmt: str, output: str | Path | None) -> str | None:
    """Write a report to ``output``; without a path, return its text (xlsx needs a path)."""
    if fmt == "xlsx":
        if output is None:
            raise ReportError("xlsx needs an output file: -o FILE.xlsx")
        write_xlsx(report, output)
        return None
    text = render_report(report, fmt)
    if output is None:
        return text
    Path(output).write_text(text, encoding="utf-8")
    return None
