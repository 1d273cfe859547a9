"""The part of the graph a report reads, fetched through a :class:`graphtool.reader.Reader` on demand.

A report starts at one entity and walks a few steps (a hromada's settlements, a program's parts, their
donors), so it asks only about the entities it reaches: ``queries/internal/entity_card.rq`` for an
entity's class, names and attributes, ``entity_links.rq`` for its links either way, ``entity_evidence.rq``
for the evidence of the links it shows (once it knows them: :meth:`LinkGraph.evidence_later`),
``entity_documents.rq`` for the documents that mention the entity the report is about. Each question asks
about up to :data:`BATCH` entities at once (``?e`` bound to a list of terms): the report reads a step of
its walk ahead (:meth:`LinkGraph.read_links`), and reading links reads the cards of the entities at their
other ends, so a report asks a few dozen questions however many entities it reaches. Each answer is kept.
Nothing loads the whole store, and the same ``.rq`` files run on the embedded store and on a SPARQL server.

:class:`LinkGraph` answers the few questions of a ``networkx.MultiDiGraph`` that the report code asks
(``nodes[x]``, ``x in graph``, ``out_edges``/``in_edges`` with keys, ``get_edge_data``) with the same
values :func:`graphtool.network.load_network` gives: entities of the ontology's entity types, links of
its relations (``gt:relations``) between two of them, evidence sorted by document and offset. A
relation added to the ontology is therefore a link here with no code edit. This module imports
:mod:`graphtool.reader` and :mod:`graphtool.vocab` only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from graphtool.reader import Reader, ask
from graphtool.vocab import ENTITY_CLASSES, GEO, GT, RELATION_PROPERTIES

_GT = str(GT)
_TYPES = {str(iri): name for name, iri in ENTITY_CLASSES.items()}
_RELATIONS = {str(iri): name for name, iri in RELATION_PROPERTIES.items()}
_ATTRS = {
    str(GEO.lat): "lat", str(GEO.long): "lon", str(GT.category): "category", str(GT.katottg): "katottg",
    str(GT.geonamesId): "geonames", str(GT.iso3166): "iso3166", str(GT.code): "code", str(GT.wikidata): "wikidata",
}  # fmt: skip

Edge = tuple[str, str, str]  # (subject, object, relation), as networkx's (u, v, key)


class _Nodes:
    """``graph.nodes[iri]``: the attributes ``lookup`` gives an entity (``KeyError`` where it gives None: no entity
    of the ontology, or none the graph wants). :class:`LinkGraph` looks up cards, ``network.FocusGraph`` types."""

    def __init__(self, lookup: Callable[[str], dict[str, Any] | None]) -> None:
        self._lookup = lookup

    def __getitem__(self, iri: str) -> dict[str, Any]:
        found = self._lookup(iri)
        if found is None:
            raise KeyError(iri)
        return found

    def get(self, iri: str, default: Any = None) -> dict[str, Any] | None:
        found = self._lookup(iri)
        return default if found is None else found


class LinkGraph:
    """The entities and links around the ones a report asks about, read through ``reader`` on demand."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self._cards: dict[str, dict[str, Any] | None] = {}
        self._links: dict[str, tuple[list[Edge], list[Edge]]] = {}  # iri -> (out, in)
        self._edges: set[Edge] = set()  # every link read
        self._evidence: dict[Edge, list[dict[str, Any]]] = {}
        self._documents: dict[str, list[str]] = {}
        self._noted: dict[Edge, None] | None = None  # within evidence_later(): the links whose evidence was asked
        self._of_type: dict[str, list[str]] = {}
        self._of_relation: dict[str, list[Edge]] = {}

    @property
    def nodes(self) -> _Nodes:
        """``graph.nodes[iri]`` (made on each use: a view kept here would be a reference cycle, and a cycle
        keeps the reader, and so an on-disk store's lock, alive until the garbage collector runs)."""
        return _Nodes(self.card)

    def __contains__(self, iri: object) -> bool:
        return isinstance(iri, str) and self.card(iri) is not None

    def card(self, iri: str) -> dict[str, Any] | None:
        """The entity's ``type``, ``label`` (Ukrainian first), ``label_en`` and attributes; None when ``iri``
        is no entity of the ontology's entity types. The documents that mention it are :meth:`documents`."""
        if iri not in self._cards:
            self.read_cards([iri])
        return self._cards[iri]

    def read_cards(self, iris: Iterable[str]) -> None:
        """Ask for the cards of every one of ``iris`` not known yet, ``BATCH`` entities per question."""
        from rdflib import URIRef

        todo = list(dict.fromkeys(i for i in iris if i not in self._cards))
        for chunk in _chunks(todo):
            answers: dict[str, list[tuple]] = {iri: [] for iri in chunk}
            for e, what, key, value in ask(self.reader, "entity_card", {"e": [URIRef(i) for i in chunk]}).rows:
                answers[str(e)].append((what, key, value))
            for iri, rows in answers.items():
                self._cards[iri] = _card(iri, rows)

    def documents(self, iri: str) -> list[str]:
        """The file names of the documents that mention the entity, sorted (read when asked: a report shows
        them for its own entity only, and they were two rows in three of the cards of all it reaches)."""
        if iri not in self._documents:
            self._documents.update(read_documents(self.reader, [iri]))
        return self._documents[iri]

    def _fetch(self, iri: str) -> tuple[list[Edge], list[Edge]]:
        if iri not in self._links:
            self.read_links([iri])
        return self._links[iri]

    def read_links(self, iris: Iterable[str]) -> None:
        """Ask for the links of every one of ``iris`` not known yet, ``BATCH`` entities per question, and the
        cards of the entities at their other ends: a report walks on to those. Their evidence is read when
        asked for (:meth:`get_edge_data`, :meth:`read_evidence`): a report shows a few of the links it walks."""
        from rdflib import URIRef

        todo = list(dict.fromkeys(i for i in iris if i not in self._links))
        self.read_cards(todo)
        todo = [i for i in todo if self._cards[i] is not None]
        for iri in iris:
            if iri not in self._links and self._cards.get(iri) is None:
                self._links[iri] = ([], [])
        for chunk in _chunks(todo):
            out: dict[str, dict[Edge, None]] = {iri: {} for iri in chunk}
            into: dict[str, dict[Edge, None]] = {iri: {} for iri in chunk}
            for s, p, o, cls in ask(self.reader, "entity_links", {"e": [URIRef(i) for i in chunk]}).rows:
                rel = _RELATIONS.get(str(p))
                if rel is None or str(cls) not in _TYPES:
                    continue
                edge = (str(s), str(o), rel)
                if edge[0] in out:
                    out[edge[0]][edge] = None
                if edge[1] in into:  # both, for a link of the entity to itself
                    into[edge[1]][edge] = None
            edges = {edge for iri in chunk for edge in (*out[iri], *into[iri])}
            self._edges |= edges
            for iri in chunk:
                self._links[iri] = (list(out[iri]), list(into[iri]))
            self.read_cards(x for edge in edges for x in edge[:2])

    def read_evidence(self, edges: Iterable[Edge]) -> None:
        """Ask for the evidence (document, sentence, offsets, partnership status) of every one of ``edges`` (links
        read before) not known yet: ``entity_evidence`` about one end of each, the end with fewer links
        (:func:`cover`), ``BATCH`` entities per question; about an end whose other relations are not wanted,
        of the wanted relations only (:func:`by_relations`)."""
        from rdflib import URIRef

        todo = list(dict.fromkeys(e for e in edges if e in self._edges and e not in self._evidence))
        if not todo:
            return
        degree = {iri: len(self._links[iri][0]) + len(self._links[iri][1]) for e in todo for iri in e[:2]
                  if iri in self._links}  # fmt: skip
        rows: list[tuple] = []
        whole, hubs = by_relations(todo, cover(todo, degree), self._links)
        for chunk in _chunks(whole):
            rows += ask(self.reader, "entity_evidence", {"e": [URIRef(i) for i in chunk]}).rows
        for iri, relations in hubs.items():  # alone: bound to many entities, ?p made Oxigraph scan its relations
            bound = {"e": [URIRef(iri)], "p": [RELATION_PROPERTIES[r] for r in relations]}
            rows += ask(self.reader, "entity_evidence", bound).rows
        self._evidence.update(evidence_by_link(rows, todo))

    @contextmanager
    def evidence_later(self) -> Iterator[None]:
        """Within, a link's evidence is not read but noted and given as none (a report's first pass, which
        learns the links it shows); on leaving, the evidence of the noted links is read in one batch."""
        self._noted = {}
        try:
            yield
            noted = list(self._noted)
        finally:
            self._noted = None
        self.read_evidence(noted)

    def out_edges(self, iri: str, keys: bool = True) -> list[Edge]:
        """``(iri, other, relation)`` for every link leaving ``iri``."""
        return list(self._fetch(iri)[0])

    def in_edges(self, iri: str, keys: bool = True) -> list[Edge]:
        """``(other, iri, relation)`` for every link entering ``iri``."""
        return list(self._fetch(iri)[1])

    def get_edge_data(self, u: str, v: str, rel: str) -> dict[str, Any] | None:
        """``{"relation": …, "evidence": [...]}`` of the link ``u -rel-> v``, or None."""
        edge = (u, v, rel)
        if edge not in self._evidence:
            if edge not in self._edges:
                self._fetch(u)
            if edge not in self._edges:
                return None
            if self._noted is not None:
                self._noted[edge] = None
                return {"relation": rel, "evidence": []}
            self.read_evidence([edge])
        return {"relation": rel, "evidence": self._evidence[edge]}

    def entities(self, entity_type: str) -> Iterator[str]:
        """Every entity of one type (``Donor``), once."""
        if entity_type not in self._of_type:
            rows = ask(self.reader, "entity_types", {"class": ENTITY_CLASSES[entity_type]}).rows
            self._of_type[entity_type] = [str(e) for e, _cls in rows]
        seen = set()
        for e in self._of_type[entity_type]:
            if e not in seen and self.card(e) is not None:
                seen.add(e)
                yield e

    def relation_edges(self, relation: str) -> list[Edge]:
        """Every link of one relation, as ``(subject, object, relation)`` in the store's order; whether both
        ends are entities is the caller's check (``x in graph``), so a few links cost a few questions."""
        if relation not in self._of_relation:
            rows = ask(self.reader, "relation_links", {"p": RELATION_PROPERTIES[relation]}).rows
            self._of_relation[relation] = [(str(s), str(o), relation) for s, _p, o in rows]
        return list(self._of_relation[relation])


# entities per question: at 400, Oxigraph planned entity_links as a scan of the store (150,000 quads: >25 s)
BATCH = 100
# links not shown that make an entity's evidence read alone, of the relations shown only (:func:`by_relations`)
HUB_LINKS = 50


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def cover(edges: Iterable[Edge], degree: dict[str, int]) -> list[str]:
    """Entities to read the evidence of so that every one of ``edges`` has an end among them, reading few links
    in all (an entity's evidence is that of all its ``degree`` links; an entity whose links were not read counts
    as having very many): greedily the entity with the most links not yet covered per link it has (a weighted
    vertex cover)."""
    import heapq

    incident: dict[str, set[Edge]] = defaultdict(set)
    for edge in edges:
        incident[edge[0]].add(edge)
        incident[edge[1]].add(edge)

    def links(iri: str) -> int:
        return max(1, degree.get(iri, 1_000_000))

    heap = [(-len(found) / links(iri), iri) for iri, found in incident.items()]
    heapq.heapify(heap)
    covered: set[Edge] = set()
    chosen = []
    total = len({edge for found in incident.values() for edge in found})
    while heap and len(covered) < total:
        score, iri = heapq.heappop(heap)
        new = incident[iri] - covered
        if not new:
            continue
        now = -len(new) / links(iri)
        if now > score:  # fewer uncovered links than when it was pushed: back in the queue with its score now
            heapq.heappush(heap, (now, iri))
            continue
        chosen.append(iri)
        covered |= new
    return sorted(chosen)


def by_relations(
    edges: list[Edge], chosen: list[str], links: dict[str, tuple[list[Edge], list[Edge]]]
) -> tuple[list[str], dict[str, tuple[str, ...]]]:
    """``chosen`` (the entities whose evidence covers ``edges``) split in two: those to read whole, and the hubs
    with at least :data:`HUB_LINKS` links not among ``edges``, each with the relations of the links of ``edges``
    it covers (its evidence of those relations only is read). A community report shows one ``funds`` link of a
    programme and reads no evidence of the programme's other links: its parts across the store, which grow
    with the store (1M triples: 260 links of a programme read for the one shown)."""
    mine = set(chosen)
    wanted: dict[str, dict[Edge, None]] = defaultdict(dict)
    for edge in edges:
        wanted[edge[0] if edge[0] in mine else edge[1]][edge] = None
    whole, hubs = [], {}
    for iri in chosen:
        out, into = links.get(iri, ((), ()))
        if len(out) + len(into) - len(wanted[iri]) >= HUB_LINKS:
            hubs[iri] = tuple(sorted({rel for _s, _o, rel in wanted[iri]}))
        else:
            whole.append(iri)
    return whole, hubs


def read_documents(reader: Reader, iris: Iterable[str]) -> dict[str, list[str]]:
    """The sorted file names of the documents that mention each of ``iris`` (``entity_documents``, ``BATCH``
    entities per question)."""
    from rdflib import URIRef

    todo = list(dict.fromkeys(iris))
    found: dict[str, set[str]] = {iri: set() for iri in todo}
    for chunk in _chunks(todo):
        for e, file in ask(reader, "entity_documents", {"e": [URIRef(i) for i in chunk]}).rows:
            found[str(e)].add(str(file))
    return {iri: sorted(files) for iri, files in found.items()}


def _card(iri: str, rows: list[tuple]) -> dict[str, Any] | None:
    """An entity's card from its ``entity_card`` rows (None when it has no class of the ontology)."""
    types: list[str] = []
    names: dict[str, list[str]] = {}
    card: dict[str, Any] = {"iri": iri}
    for what, key, value in rows:
        if what is None:
            continue
        what = str(what)
        if what == "class" and str(value) in _TYPES:
            types.append(_TYPES[str(value)])
        elif what == "name":
            names.setdefault(getattr(value, "language", None) or "", []).append(str(value))
        elif what == "attribute":
            name = _ATTRS[str(key)]
            if name not in card:
                card[name] = float(value) if name in ("lat", "lon") else str(value)
    if not types:
        return None
    card["type"] = types[0] if len(types) == 1 else _first_declared(types)
    main = sorted(names.get("uk", [])) or sorted(names.get("", [])) or sorted(names.get("en", []))
    card["label"] = main[0] if main else iri.rsplit("/", 1)[-1]
    if names.get("en"):
        card["label_en"] = sorted(names["en"])[0]
    return card


def evidence_by_link(rows: Iterable[tuple], edges: Iterable[Edge]) -> dict[Edge, list[dict[str, Any]]]:
    """The evidence of each of ``edges`` from ``entity_evidence`` rows (``?ev ?s ?p ?o ?file ?sentence ?start
    ?end ?status``, one per statement and combination of its values): one item per document, sentence,
    offsets and partnership status a statement gives, in :func:`evidence_order`."""
    wanted = set(edges)
    found: dict[Edge, set[tuple]] = {edge: set() for edge in wanted}
    for _ev, s, p, o, file, sentence, start, end, status in rows:
        rel = _RELATIONS.get(str(p))
        edge = (str(s), str(o), rel or "")
        if edge in wanted and file is not None and sentence is not None:
            found[edge].add((str(file), str(sentence), _int(start), _int(end), None if status is None else str(status)))
    out: dict[Edge, list[dict[str, Any]]] = {}
    for edge, found_rows in found.items():
        items = []
        for file, sentence, start, end, status in found_rows:
            item = {"document": file, "sentence": sentence, "start": start, "end": end}
            if status is not None:
                item["status"] = status  # a partnership: signed, planned or ended, as this sentence says
            items.append(item)
        out[edge] = sorted(items, key=evidence_order)
    return out


def evidence_order(item: dict[str, Any]) -> tuple:
    """Evidence in reading order: by document, then offset, then the sentence itself (ties are common: a
    title and its first sentence, a sentence quoted whole and in part)."""
    start, end = item.get("start"), item.get("end")
    return (item["document"], start or 0, end or 0, item["sentence"], item.get("status") or "")


def _first_declared(types: list[str]) -> str:
    order = list(ENTITY_CLASSES)
    return min(types, key=order.index)


def _int(term: Any) -> int | None:
    return None if term is None else int(str(term))
