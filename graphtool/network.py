"""The graph as a network: store -> networkx, focus on a donor/program/community/oblast, analysis, GraphML/GEXF.

Nodes are entities (IRI as id) with ``type``, ``label``, ``label_en``, identifiers, coordinates and the
``documents`` that mention them; edges are the direct relation triples (``relation`` = ``funds``, ...)
with their ``evidence`` (document, sentence, offsets). Everything is read through a
:class:`graphtool.reader.Reader` with the questions of ``queries/internal/``, so a remote SPARQL endpoint
works as well as the embedded store.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from graphtool.reader import Reader, ask
from graphtool.report_graph import (
    _RELATIONS,
    _TYPES,
    Edge,
    _card,
    _chunks,
    _first_declared,
    _Nodes,
    cover,
    evidence_by_link,
    evidence_order,
    read_documents,
)
from graphtool.styles import NODE_STYLES
from graphtool.vocab import ENTITY_CLASSES, GEO, GT, RELATION_PROPERTIES

ENTITY_TYPES = tuple(ENTITY_CLASSES)  # the ontology's gt:entityTypes
RELATIONS = tuple(RELATION_PROPERTIES)  # the ontology's gt:relations: each becomes an edge
_GT = str(GT)
# What maps and analysis show unless asked otherwise: plan rows (goals, tasks, measures) are many and
# would hide the donors and communities; ``--types`` brings them in.
DEFAULT_TYPES = ("Donor", "Program", "Project", "Community", "PartnerCity", "Organization", "Country", "Plan")
# Work passes its links on (a donor reaches communities through projects); other types are ends.
WORK_TYPES = {"Program", "Project", "Plan", "StrategicGoal", "OperationalGoal", "Task", "Measure"}
_ATTRS = {
    str(GEO.lat): "lat", str(GEO.long): "lon", str(GT.category): "category", str(GT.katottg): "katottg",
    str(GT.geonamesId): "geonames", str(GT.iso3166): "iso3166", str(GT.code): "code", str(GT.wikidata): "wikidata",
}  # fmt: skip


SAMPLE_K = 250  # betweenness sources sampled above 1,000 nodes


class NetworkError(Exception):
    """A focus (donor, program, community, oblast) was not found or is ambiguous."""


def _wanted(types: Iterable[str] | None) -> set[str]:
    wanted = set(types or ENTITY_TYPES)
    unknown = wanted - set(ENTITY_TYPES)
    if unknown:
        raise NetworkError(f"unknown entity type(s): {', '.join(sorted(unknown))}; known: {', '.join(ENTITY_TYPES)}")
    return wanted


def load_network(
    reader: Reader, types: Iterable[str] | None = None, *, names: bool = False, sentences_up_to: int | None = None
):
    """The whole graph (or only entities of ``types``) as a ``networkx.MultiDiGraph`` keyed by relation.

    With ``names``, each node also gets ``names``: every name it has (labels in all languages, aliases,
    acronyms; a map's search box), from the same reading of the names as the labels.

    With ``sentences_up_to``, a graph of more nodes than that reads the evidence of its partnerships only
    (their status); every other link's ``evidence`` is empty and ``graph.graph["sentences"]`` is False: the
    evidence of every link of the store is its largest question (at 10M triples 430,608 rows, 65 s of CPU),
    and a map that large quotes two sentences a link at most.
    """
    import networkx as nx

    wanted = _wanted(types)
    g = nx.MultiDiGraph()
    labels: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    # separate DISTINCT queries: every document graph repeats an entity's type and labels
    for e, cls in ask(reader, "entity_types").rows:
        type_ = str(cls)[len(_GT) :]
        iri = str(e)
        if type_ in wanted and iri not in g:
            g.add_node(iri, type=type_, iri=iri, documents=[])
    for e, label, kind in ask(reader, "entity_names").rows:
        if str(e) not in g:
            continue
        if str(kind) == "pref":
            labels[str(e)][getattr(label, "language", None) or ""].append(str(label))
        if names:
            g.nodes[str(e)].setdefault("names", set()).add(str(label))
    for iri, by_lang in labels.items():
        main = sorted(by_lang.get("uk", [])) or sorted(by_lang.get("", [])) or sorted(by_lang.get("en", []))
        g.nodes[iri]["label"] = main[0]
        if by_lang.get("en"):
            g.nodes[iri]["label_en"] = sorted(by_lang["en"])[0]
    for iri, data in g.nodes(data=True):
        data.setdefault("label", iri.rsplit("/", 1)[-1])
    for e, p, v in ask(reader, "entity_attributes").rows:
        node = g.nodes.get(str(e))
        if node is not None and _ATTRS[str(p)] not in node:
            key = _ATTRS[str(p)]
            node[key] = float(v) if key in ("lat", "lon") else str(v)
    for e, file in ask(reader, "entity_documents").rows:
        node = g.nodes.get(str(e))
        if node is not None:
            node["documents"].append(str(file))
    evidence: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    sentences = sentences_up_to is None or g.number_of_nodes() <= sentences_up_to
    g.graph["sentences"] = sentences
    bound = None if sentences else {"p": RELATION_PROPERTIES["partnerOf"]}
    for s, p, o, file, sentence, start, end, status in ask(reader, "relation_evidence", bound).rows:
        item = {"document": str(file), "sentence": str(sentence), "start": _int(start), "end": _int(end)}
        if status is not None:
            item["status"] = str(status)  # a partnership: signed, planned or ended, as this sentence says
        evidence[(str(s), str(p)[len(_GT) :], str(o))].append(item)
    for rel, predicate in RELATION_PROPERTIES.items():  # one question per relation, the predicate bound
        for s, _p, o in ask(reader, "relation_links", {"p": predicate}).rows:
            s, o = str(s), str(o)
            if s in g and o in g:
                ev = sorted(evidence.get((s, rel, o), []), key=evidence_order)
                g.add_edge(s, o, key=rel, relation=rel, evidence=ev)
    for _, data in g.nodes(data=True):
        data["documents"] = sorted(set(data["documents"]))
    return g


STATUS_LABELS = {
    "signed": "угоду підписано / signed",
    "planned": "заплановано / planned",
    "ended": "припинено / ended",
}


def partnership_status(evidence: list[dict[str, Any]]) -> str | None:
    """What the sources say of a partnership: ended beats signed beats planned (the latest news wins a tie)."""
    said = {e.get("status") for e in evidence} - {None}
    for status in ("ended", "signed", "planned"):
        if status in said:
            return status
    return None


def _int(term: Any) -> int | None:
    return None if term is None else int(str(term))


def resolve_focus(reader: Reader, name: str, types: list[str]) -> str:
    """IRI of the entity a focus name means (forgiving match; ambiguous names list candidates)."""
    from graphtool import names

    try:
        return names.resolve(reader, name, types, prefer_hromada="Community" in types).iri
    except names.NameLookupError as exc:
        raise NetworkError(str(exc)) from exc


def descendants_in_codifier(graph, place: str) -> set[str]:
    """A place and every community located (transitively) in it."""
    found, todo = {place}, [place]
    read = getattr(graph, "read_links", None)  # a graph read on demand asks about a level at once
    while todo:
        if read is not None:
            read(todo)
        node = todo.pop()
        for child, _, rel in graph.in_edges(node, keys=True):
            if rel == "locatedIn" and graph.nodes[child].get("type") == "Community" and child not in found:
                found.add(child)
                todo.append(child)
    return found


def neighbourhood(graph, focus: Iterable[str], depth: int = 4) -> set[str]:
    """Nodes reached from ``focus`` through work (programs, projects, plan rows), up to ``depth`` steps.

    Donors, communities, organizations and the like end a path unless they are the focus, so a
    donor's map shows its projects and their places, not every other project of those places.
    Going up from a project to its program, or from a place to a program held there, shows the
    program and its donors but not the program's other projects. A partner city brings its country.
    """
    focus = set(focus)
    seen = set(focus)
    frontier = [(node, "focus") for node in focus]
    read = getattr(graph, "read_links", None)  # a graph read on demand asks about a step at once
    for _ in range(depth):
        if read is not None:
            read([node for node, _mode in frontier])
        nxt = []
        for node, mode in frontier:
            ntype = graph.nodes[node].get("type")
            links = [(o, r, "out") for _, o, r in graph.out_edges(node, keys=True)]
            links += [(o, r, "in") for o, _, r in graph.in_edges(node, keys=True)]
            if mode == "focus" or (ntype in WORK_TYPES and mode == "down"):
                pass
            elif ntype in WORK_TYPES:  # reached going up, or from a place: donors, implementers, parents
                links = [x for x in links if (x[2] == "in" and x[1] in ("funds", "implements")) or
                         (x[2] == "out" and x[1] == "partOf") or
                         (mode == "here" and x[2] == "out" and x[1] == "locatedIn")]  # fmt: skip
            elif ntype == "PartnerCity":
                links = [x for x in links if x[1] == "inCountry"]
            else:
                continue
            for other, rel, direction in links:
                if other not in seen:
                    seen.add(other)
                    if (rel == "partOf" and direction == "out") or mode == "up":
                        nxt.append((other, "up"))
                    elif rel == "locatedIn" and direction == "in" and ntype not in WORK_TYPES:
                        nxt.append((other, "here"))  # work taking place here: not all its other parts
                    else:
                        nxt.append((other, "down"))
        frontier = nxt
    return seen


class FocusGraph:
    """The entities of some types and the links between them, read around a focus on demand.

    A focused map needs the entities near its focus, not the whole store. This answers the questions
    :func:`descendants_in_codifier` and :func:`neighbourhood` ask of a ``networkx.MultiDiGraph``
    (``nodes[x]["type"]``, ``x in graph``, ``out_edges``/``in_edges`` with keys, ``read_links``) with bound
    questions about up to ``BATCH`` entities each (``entity_types``, ``entity_links``; values bound as terms,
    as reports ask): a walk reads a step at once, and the type of an entity at a link's other end comes
    with the link. :meth:`subgraph` then reads the cards of the nodes kept and the evidence of the links
    between them only. An entity whose type is not wanted is absent, and so are its links: the nodes, edges
    and attributes :func:`load_network` gives for ``types`` (an entity with several classes of the ontology
    has the first declared; none has two in the fixtures, the generated graphs or the real corpus).
    """

    def __init__(self, reader: Reader, types: Iterable[str] | None = None) -> None:
        self.reader = reader
        self.wanted = _wanted(types)
        self._types: dict[str, str | None] = {}  # iri -> its entity type, None: no entity of the ontology
        self._links: dict[str, tuple[list[Edge], list[Edge]]] = {}  # iri -> (out, in), both ends entities

    @property
    def nodes(self) -> _Nodes:
        """``graph.nodes[iri]`` (made on each use: a view kept here would be a reference cycle, and a cycle
        keeps the reader, and so an on-disk store's lock, alive until the garbage collector runs)."""
        return _Nodes(self._type_attributes)

    def _type_attributes(self, iri: str) -> dict[str, Any] | None:
        """``graph.nodes[iri]`` of a focused map: the entity's ``type`` (what a walk asks), if it is wanted."""
        found = self.type_of(iri)
        return None if found is None else {"type": found}

    def type_of(self, iri: str) -> str | None:
        """The entity's type if it is one of the wanted types, else None."""
        if iri not in self._types:
            self.read_types([iri])
        found = self._types[iri]
        return found if found in self.wanted else None

    def __contains__(self, iri: object) -> bool:
        return isinstance(iri, str) and self.type_of(iri) is not None

    def read_types(self, iris: Iterable[str]) -> None:
        """Ask for the classes of every one of ``iris`` not known yet."""
        from rdflib import URIRef

        todo = list(dict.fromkeys(i for i in iris if i not in self._types))
        for chunk in _chunks(todo):
            classes: dict[str, list[str]] = {iri: [] for iri in chunk}
            for e, cls in ask(self.reader, "entity_types", {"e": [URIRef(i) for i in chunk]}).rows:
                if str(cls) in _TYPES:
                    classes[str(e)].append(_TYPES[str(cls)])
            for iri, found in classes.items():
                self._types[iri] = _first_declared(found) if found else None

    def read_links(self, iris: Iterable[str]) -> None:
        """Ask for the links of every one of ``iris`` not known yet, and the types at their other ends."""
        from rdflib import URIRef

        todo = list(dict.fromkeys(i for i in iris if i not in self._links))
        self.read_types(todo)
        for iri in todo:
            if self._types[iri] is None:
                self._links[iri] = ([], [])
        for chunk in _chunks([i for i in todo if self._types[i] is not None]):
            out: dict[str, dict[Edge, None]] = {iri: {} for iri in chunk}
            into: dict[str, dict[Edge, None]] = {iri: {} for iri in chunk}
            ends: dict[str, list[str]] = defaultdict(list)  # the classes of the entities at the other ends
            for s, p, o, cls in ask(self.reader, "entity_links", {"e": [URIRef(i) for i in chunk]}).rows:
                rel = _RELATIONS.get(str(p))
                if rel is None or str(cls) not in _TYPES:
                    continue
                edge = (str(s), str(o), rel)
                if edge[0] in out:
                    out[edge[0]][edge] = None
                if edge[1] in into:  # both, for a link of the entity to itself
                    into[edge[1]][edge] = None
                if (edge[0] in out) != (edge[1] in into):  # ?class is the class of the end not asked about
                    ends[edge[1] if edge[0] in out else edge[0]].append(_TYPES[str(cls)])
            for iri, found in ends.items():
                self._types.setdefault(iri, _first_declared(found))
            for iri in chunk:
                self._links[iri] = (list(out[iri]), list(into[iri]))

    def _fetch(self, iri: str) -> tuple[list[Edge], list[Edge]]:
        if iri not in self._links:
            self.read_links([iri])
        return self._links[iri]

    def out_edges(self, iri: str, keys: bool = True) -> list[Edge]:
        """``(iri, other, relation)`` for every link from ``iri`` to an entity of a wanted type."""
        if self.type_of(iri) is None:
            return []
        return [e for e in self._fetch(iri)[0] if self.type_of(e[1]) is not None]

    def in_edges(self, iri: str, keys: bool = True) -> list[Edge]:
        """``(other, iri, relation)`` for every link to ``iri`` from an entity of a wanted type."""
        if self.type_of(iri) is None:
            return []
        return [e for e in self._fetch(iri)[1] if self.type_of(e[0]) is not None]

    def subgraph(self, nodes: Iterable[str], sentences_up_to: int | None = None):
        """``nodes`` and every link between two of them, as ``load_network(reader, types).subgraph(nodes)``.

        The cards (``entity_card``, ``entity_documents``) are read for these nodes only, and the evidence (``entity_evidence``) of
        each link at the end that has fewer links: a donor linked to a thousand projects is not read whole
        for the few of them on the map. With more nodes than ``sentences_up_to``, only the partnerships'
        evidence is read (as :func:`load_network`).
        """
        import networkx as nx
        from rdflib import URIRef

        keep = sorted(n for n in set(nodes) if n in self)
        self.read_links(keep)
        inside = set(keep)
        edges = [(s, o, rel) for iri in keep for s, o, rel in self.out_edges(iri) if o in inside]
        degree = {iri: len(self._links[iri][0]) + len(self._links[iri][1]) for iri in keep}
        sentences = sentences_up_to is None or len(keep) <= sentences_up_to
        read = edges if sentences else [edge for edge in edges if edge[2] == "partnerOf"]
        rows: list[tuple] = []
        for chunk in _chunks(cover(read, degree)):
            rows += ask(self.reader, "entity_evidence", {"e": [URIRef(i) for i in chunk]}).rows
        evidence = evidence_by_link(rows, edges)
        cards: dict[str, list[tuple]] = {iri: [] for iri in keep}
        for chunk in _chunks(keep):
            for e, what, key, value in ask(self.reader, "entity_card", {"e": [URIRef(i) for i in chunk]}).rows:
                cards[str(e)].append((what, key, value))
        documents = read_documents(self.reader, keep)
        g = nx.MultiDiGraph(sentences=sentences)
        for iri, card_rows in cards.items():
            card = _card(iri, card_rows) or {}
            data = {"type": self.type_of(iri), "iri": iri, "documents": documents[iri],
                    "label": card.get("label", iri.rsplit("/", 1)[-1])}  # fmt: skip
            data.update((k, v) for k, v in card.items() if k not in data)
            g.add_node(iri, **data)
        for s, o, rel in sorted(edges):
            g.add_edge(s, o, key=rel, relation=rel, evidence=evidence[(s, o, rel)])
        return g


def focus_network(
    reader: Reader,
    *,
    donor: str | None = None,
    program: str | None = None,
    community: str | None = None,
    oblast: str | None = None,
    types: Iterable[str] | None = None,
    names: bool = False,
    sentences_up_to: int | None = None,
):
    """The network, cut to what touches the given donor/program/community/oblast (all of them if none).

    With a focus only its neighbourhood is read (:class:`FocusGraph`: a few bound questions per step of
    the walk, however large the store); without one the whole network is (:func:`load_network`). With
    ``names`` each node gets all its names (``names``, for a map's search box) from the name index a focus's
    name built, else asked about the nodes kept (:func:`graphtool.names.names_of`), or with the whole
    network's labels. A network of more nodes than ``sentences_up_to`` reads its partnerships' evidence only
    (:func:`load_network`).
    """
    if not (donor or program or community or oblast):
        return load_network(reader, types, names=names, sentences_up_to=sentences_up_to)
    graph = FocusGraph(reader, types)
    focus: set[str] = set()
    if donor:
        focus.add(resolve_focus(reader, donor, ["Donor"]))
    if program:
        focus.add(resolve_focus(reader, program, ["Program", "Project"]))
    if community:
        focus |= descendants_in_codifier(graph, resolve_focus(reader, community, ["Community"]))
    if oblast:
        focus |= descendants_in_codifier(graph, resolve_focus(reader, oblast, ["Community"]))
    graph.read_types(focus)
    g = graph.subgraph(neighbourhood(graph, {f for f in focus if f in graph}), sentences_up_to)
    if names:
        from graphtool.names import names_of

        found = names_of(reader, list(g.nodes))  # the index a focus's name built, or the nodes' names alone
        for iri, data in g.nodes(data=True):
            if found.get(iri):
                data["names"] = found[iri]
    return g


# --------------------------------------------------------------------------- analysis


def analyze_network(graph, top: int = 10, seed: int = 42) -> dict[str, Any]:
    """Central donors and communities, brokers, Louvain clusters of communities, isolated communities.

    Betweenness is exact up to 1,000 nodes and sampled (``SAMPLE_K`` sources) above: exact costs
    minutes at 5k nodes, and the top brokers are stable with a few hundred samples.
    """
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    # the codifier hierarchy (settlement in hromada in raion in oblast) is not a working relationship
    simple.add_edges_from(
        (u, v)
        for u, v, rel in graph.edges(keys=True)
        if u != v and not (rel == "locatedIn" and graph.nodes[v].get("type") == "Community"
                           and graph.nodes[u].get("type") == "Community")
    )  # fmt: skip
    n = simple.number_of_nodes()

    def label(node: str) -> str:
        return simple.nodes[node].get("label", node)

    def row(node: str, score: float) -> dict[str, Any]:
        data = simple.nodes[node]
        return {"label": label(node), "type": data.get("type"), "iri": node, "degree": simple.degree(node),
                "score": round(float(score), 4)}  # fmt: skip

    degree = nx.degree_centrality(simple) if n > 1 else {x: 0.0 for x in simple}
    if n > 1000:
        between = nx.betweenness_centrality(simple, k=SAMPLE_K, seed=seed)
    else:
        between = nx.betweenness_centrality(simple) if n > 2 else {x: 0.0 for x in simple}

    def ranked(scores: dict[str, float], wanted: set[str] | None) -> list[dict[str, Any]]:
        nodes = [x for x in scores if wanted is None or simple.nodes[x].get("type") in wanted]
        nodes.sort(key=lambda x: (-scores[x], label(x)))
        return [row(x, scores[x]) for x in nodes[:top] if scores[x] > 0]

    clusters = []
    if simple.number_of_edges():
        parts = nx.community.louvain_communities(simple, seed=seed)
        for part in parts:
            members = [x for x in part if simple.nodes[x].get("type") == "Community"]
            if len(members) < 2:
                continue
            hubs = sorted(
                (x for x in part if simple.nodes[x].get("type") in ("Donor", "Program")),
                key=lambda x: (-simple.degree(x), label(x)),
            )
            clusters.append(
                {
                    "size": len(part),
                    "communities": sorted(label(x) for x in members),
                    "donors_and_programs": [label(x) for x in hubs[:5]],
                }
            )
        clusters.sort(key=lambda c: (-len(c["communities"]), c["communities"]))

    isolated = []
    for node, data in simple.nodes(data=True):
        if data.get("type") != "Community" or not data.get("documents"):
            continue
        links = [o for o in graph.successors(node)] + [o for o in graph.predecessors(node)]
        if all(graph.nodes[o].get("type") == "Community" for o in links):
            isolated.append({"label": label(node), "iri": node, "documents": data.get("documents", [])})
    isolated.sort(key=lambda r: r["label"])

    return {
        "nodes": n,
        "edges": simple.number_of_edges(),
        "betweenness": "exact" if n <= 1000 else f"sampled (k={SAMPLE_K})",
        "central_donors": ranked(degree, {"Donor"}),
        "central_communities": ranked(degree, {"Community"}),
        "brokers": ranked(between, None),
        "clusters": clusters,
        "isolated_communities": isolated,
    }


def render_analysis(result: dict[str, Any]) -> str:
    """The analysis as plain-text tables."""
    out = [
        f"network: {result['nodes']} nodes (every entity of these types, unlinked ones too: a map leaves those "
        f"out), {result['edges']} links (betweenness {result['betweenness']})",
        "",
    ]
    for key, title in (
        ("central_donors", "Most central donors / Найцентральніші донори (degree)"),
        ("central_communities", "Most central communities / Найцентральніші громади (degree)"),
        ("brokers", "Brokers / Посередники (betweenness)"),
    ):
        out.append(title)
        rows = result[key]
        if not rows:
            out.append("  (none)")
        for i, r in enumerate(rows, 1):
            out.append(f"  {i:>2}. {r['label']}  [{r['type']}]  degree {r['degree']}  score {r['score']}")
        out.append("")
    out.append("Clusters of communities / Кластери громад (Louvain)")
    if not result["clusters"]:
        out.append("  (none)")
    for i, c in enumerate(result["clusters"], 1):
        hubs = f"  around: {', '.join(c['donors_and_programs'])}" if c["donors_and_programs"] else ""
        out.append(f"  {i:>2}. {', '.join(c['communities'])}{hubs}")
    out.append("")
    out.append("Isolated communities / Ізольовані громади (mentioned, no links)")
    if not result["isolated_communities"]:
        out.append("  (none)")
    for r in result["isolated_communities"]:
        out.append(f"  - {r['label']}  ({', '.join(r['documents'])})")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- interop


def gephi_graph(graph):
    """A copy with only the scalar attributes GraphML/GEXF can hold (evidence flattened to text)."""
    import networkx as nx

    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        attrs = {k: v for k, v in data.items() if isinstance(v, str | int | float) and v is not None}
        attrs["documents"] = "; ".join(data.get("documents", []))
        out.add_node(node, **attrs)
    for u, v, key, data in graph.edges(keys=True, data=True):
        ev = data.get("evidence", [])
        out.add_edge(
            u, v, key=key, relation=data["relation"], label=data["relation"], evidence_count=len(ev),
            documents="; ".join(sorted({e["document"] for e in ev})),
            evidence=" | ".join(e["sentence"] for e in ev[:3]),
        )  # fmt: skip
    return out


GEXF_NS = "http://gexf.net/1.3"
# viz:size by type: funders and programs stand out, the many communities and measures stay small
GEXF_SIZES = {"Donor": 24.0, "Program": 18.0, "FundingSource": 16.0, "Project": 12.0, "Organization": 12.0,
              "Community": 10.0, "PartnerCity": 10.0, "Country": 10.0, "Plan": 12.0}  # fmt: skip
GEXF_POSITION_SCALE = 10.0  # viz:position: x = longitude x 10, y = latitude x 10 where coordinates are known


def write_gexf(graph: Any, target: str | Path | IO[bytes]) -> None:
    """Write a :func:`gephi_graph` as GEXF 1.3 (validates against the official XSD) with colours and sizes by
    type (the map's palette) and positions from coordinates.

    The official 1.3 schema puts ``color``, ``size`` and ``position`` in the GEXF namespace itself, so they
    are written there (Gephi reads them by name).
    """
    import datetime
    import xml.etree.ElementTree as ET

    ET.register_namespace("", GEXF_NS)

    def tag(name: str) -> str:
        return f"{{{GEXF_NS}}}{name}"

    def attr_type(values: list[Any]) -> str:
        if values and all(isinstance(v, bool) for v in values):
            return "boolean"
        if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return "integer"
        if values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
            return "double"
        return "string"

    def declare(parent: Any, kind: str, items: list[dict[str, Any]], skip: set[str]) -> list[str]:
        keys = sorted({k for data in items for k in data} - skip)
        attributes = ET.SubElement(parent, tag("attributes"), {"class": kind, "mode": "static"})
        for key in keys:
            values = [data[key] for data in items if key in data]
            ET.SubElement(attributes, tag("attribute"), {"id": key, "title": key, "type": attr_type(values)})
        return keys

    def attvalues(parent: Any, data: dict[str, Any], keys: list[str]) -> None:
        values = ET.SubElement(parent, tag("attvalues"))
        for key in keys:
            if key in data and data[key] != "":
                value = data[key]
                text = str(value).lower() if isinstance(value, bool) else str(value)
                ET.SubElement(values, tag("attvalue"), {"for": key, "value": text})

    root = ET.Element(tag("gexf"), {"version": "1.3"})
    meta = ET.SubElement(root, tag("meta"), {"lastmodifieddate": datetime.date.today().isoformat()})
    ET.SubElement(meta, tag("creator")).text = "graphtool"
    ET.SubElement(meta, tag("description")).text = "Donors, programs, communities, organizations and partner cities"
    g = ET.SubElement(root, tag("graph"), {"defaultedgetype": "directed", "mode": "static"})
    node_data = [data for _n, data in graph.nodes(data=True)]
    edge_data = [data for _u, _v, data in graph.edges(data=True)]
    node_keys = declare(g, "node", node_data, {"label"})
    edge_keys = declare(g, "edge", edge_data, {"label"})
    nodes = ET.SubElement(g, tag("nodes"), {"count": str(graph.number_of_nodes())})
    for node, data in graph.nodes(data=True):
        element = ET.SubElement(nodes, tag("node"), {"id": str(node), "label": str(data.get("label", node))})
        attvalues(element, data, node_keys)
        colour = NODE_STYLES.get(data.get("type", ""), ("#7f7f7f",))[0].lstrip("#")
        r, gr, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
        ET.SubElement(element, tag("color"), {"r": str(r), "g": str(gr), "b": str(b)})
        ET.SubElement(element, tag("size"), {"value": str(GEXF_SIZES.get(data.get("type", ""), 8.0))})
        if isinstance(data.get("lat"), float) and isinstance(data.get("lon"), float):
            x, y = data["lon"] * GEXF_POSITION_SCALE, data["lat"] * GEXF_POSITION_SCALE
            ET.SubElement(element, tag("position"), {"x": f"{x:.4f}", "y": f"{y:.4f}", "z": "0.0"})
    edges = ET.SubElement(g, tag("edges"), {"count": str(graph.number_of_edges())})
    for i, (u, v, data) in enumerate(graph.edges(data=True)):
        attrs = {"id": str(i), "source": str(u), "target": str(v), "label": str(data.get("label", ""))}
        element = ET.SubElement(edges, tag("edge"), attrs)
        attvalues(element, data, edge_keys)
    ET.indent(root)
    tree = ET.ElementTree(root)
    tree.write(str(target) if isinstance(target, Path) else target, encoding="utf-8", xml_declaration=True)


def write_network(reader: Reader, fmt: str, output: str | Path | IO[bytes] | None = None) -> None:
    """Write the graph as GraphML or GEXF 1.3 (for Gephi) to a path, a binary file, or stdout."""
    import networkx as nx

    writers = {"graphml": nx.write_graphml, "gexf": write_gexf}
    if fmt not in writers:
        raise ValueError(f"unknown network format {fmt!r}; choose graphml or gexf")
    graph = gephi_graph(load_network(reader))
    target = sys.stdout.buffer if output is None else output
    writers[fmt](graph, target if not isinstance(target, Path) else str(target))
