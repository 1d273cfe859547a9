"""The graph as a network: store -> networkx, focus on a donor/program/community/oblast, analysis, GraphML/GEXF.

Nodes are entities (IRI as id) with ``type``, ``label``, ``label_en``, identifiers, coordinates and the
``documents`` that mention them; edges are the direct relation triples (``relation`` = ``funds``, ...)
with their ``evidence`` (document, sentence, offsets). Everything is read with ``reader.select`` so a
remote SPARQL endpoint works as well as the embedded store.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

GT = "https://w3id.org/graphtool/ontology#"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
ENTITY_TYPES = (
    "Donor", "Program", "Project", "Community", "PartnerCity", "Organization", "Country",
    "Plan", "StrategicGoal", "OperationalGoal", "Task", "Measure", "FundingSource",
)  # fmt: skip
RELATIONS = (
    "funds", "implements", "partOf", "locatedIn", "partnerOf", "inCountry",
    "responsibleExecutor", "fundingSource", "planOf",
)  # fmt: skip
# What maps and analysis show unless asked otherwise: plan rows (goals, tasks, measures) are many and
# would hide the donors and communities; ``--types`` brings them in.
DEFAULT_TYPES = ("Donor", "Program", "Project", "Community", "PartnerCity", "Organization", "Country", "Plan")
# Work passes its links on (a donor reaches communities through projects); other types are ends.
WORK_TYPES = {"Program", "Project", "Plan", "StrategicGoal", "OperationalGoal", "Task", "Measure"}
_ATTRS = {
    GEO + "lat": "lat", GEO + "long": "lon", GT + "category": "category", GT + "katottg": "katottg",
    GT + "geonamesId": "geonames", GT + "iso3166": "iso3166", GT + "code": "code", GT + "wikidata": "wikidata",
}  # fmt: skip


class NetworkError(Exception):
    """A focus (donor, program, community, oblast) was not found or is ambiguous."""


def load_network(reader: Any, types: Iterable[str] | None = None):
    """The whole graph (or only entities of ``types``) as a ``networkx.MultiDiGraph`` keyed by relation."""
    import networkx as nx

    wanted = set(types or ENTITY_TYPES)
    unknown = wanted - set(ENTITY_TYPES)
    if unknown:
        raise NetworkError(f"unknown entity type(s): {', '.join(sorted(unknown))}; known: {', '.join(ENTITY_TYPES)}")
    g = nx.MultiDiGraph()
    labels: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for e, cls, label in reader.select(
        """SELECT DISTINCT ?e ?class ?label WHERE {
             ?e a ?class FILTER(STRSTARTS(STR(?class), "https://w3id.org/graphtool/ontology#"))
             OPTIONAL { ?e skos:prefLabel ?label } }"""
    ).rows:
        type_ = str(cls)[len(GT) :]
        if type_ not in wanted:
            continue
        iri = str(e)
        if iri not in g:
            g.add_node(iri, type=type_, iri=iri, documents=[])
        if label is not None:
            labels[iri][getattr(label, "language", None) or ""].append(str(label))
    for iri, by_lang in labels.items():
        main = sorted(by_lang.get("uk", [])) or sorted(by_lang.get("", [])) or sorted(by_lang.get("en", []))
        g.nodes[iri]["label"] = main[0]
        if by_lang.get("en"):
            g.nodes[iri]["label_en"] = sorted(by_lang["en"])[0]
    for iri, data in g.nodes(data=True):
        data.setdefault("label", iri.rsplit("/", 1)[-1])
    for e, p, v in reader.select(
        """SELECT DISTINCT ?e ?p ?v WHERE {
             VALUES ?p { geo:lat geo:long gt:category gt:katottg gt:geonamesId gt:iso3166 gt:code gt:wikidata }
             ?e ?p ?v }"""
    ).rows:
        node = g.nodes.get(str(e))
        if node is not None and _ATTRS[str(p)] not in node:
            key = _ATTRS[str(p)]
            node[key] = float(v) if key in ("lat", "lon") else str(v)
    for e, file in reader.select("SELECT DISTINCT ?e ?file WHERE { ?e gt:mentionedIn/gt:fileName ?file }").rows:
        node = g.nodes.get(str(e))
        if node is not None:
            node["documents"].append(str(file))
    evidence: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for s, p, o, file, sentence, start, end in reader.select(
        """SELECT DISTINCT ?s ?p ?o ?file ?sentence ?start ?end WHERE {
             ?ev a gt:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; gt:sentence ?sentence ;
                 prov:wasDerivedFrom/gt:fileName ?file .
             OPTIONAL { ?ev gt:startOffset ?start } OPTIONAL { ?ev gt:endOffset ?end } }"""
    ).rows:
        evidence[(str(s), str(p)[len(GT) :], str(o))].append(
            {"document": str(file), "sentence": str(sentence), "start": _int(start), "end": _int(end)}
        )
    for s, p, o in reader.select(
        """SELECT DISTINCT ?s ?p ?o WHERE {
             VALUES ?p { gt:funds gt:implements gt:partOf gt:locatedIn gt:partnerOf gt:inCountry
                         gt:responsibleExecutor gt:fundingSource gt:planOf }
             ?s ?p ?o }"""
    ).rows:
        s, rel, o = str(s), str(p)[len(GT) :], str(o)
        if s in g and o in g:
            ev = sorted(evidence.get((s, rel, o), []), key=lambda x: (x["document"], x["start"] or 0))
            g.add_edge(s, o, key=rel, relation=rel, evidence=ev)
    for _, data in g.nodes(data=True):
        data["documents"] = sorted(set(data["documents"]))
    return g


def _int(term: Any) -> int | None:
    return None if term is None else int(str(term))


def resolve_focus(reader: Any, name: str, types: list[str]) -> str:
    """IRI of the entity a focus name means (forgiving match; ambiguous names list candidates)."""
    from graphtool import names

    try:
        return names.resolve(reader, name, types, prefer_hromada="Community" in types).iri
    except names.NameLookupError as exc:
        raise NetworkError(str(exc)) from exc


def descendants_in_codifier(graph, place: str) -> set[str]:
    """A place and every community located (transitively) in it."""
    found, todo = {place}, [place]
    while todo:
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
    A partner city still brings its country.
    """
    focus = set(focus)
    seen = set(focus)
    frontier = list(focus)
    for _ in range(depth):
        nxt = []
        for node in frontier:
            ntype = graph.nodes[node].get("type")
            if node not in focus and ntype not in WORK_TYPES and ntype != "PartnerCity":
                continue
            for _, other, rel in list(graph.out_edges(node, keys=True)) + [
                (n, o, r) for o, n, r in graph.in_edges(node, keys=True)
            ]:
                if ntype == "PartnerCity" and node not in focus and rel != "inCountry":
                    continue
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
        frontier = nxt
    return seen


def focus_network(
    reader: Any,
    *,
    donor: str | None = None,
    program: str | None = None,
    community: str | None = None,
    oblast: str | None = None,
    types: Iterable[str] | None = None,
):
    """The network, cut to what touches the given donor/program/community/oblast (all of them if none)."""
    g = load_network(reader, types)
    focus: set[str] = set()
    if donor:
        focus.add(resolve_focus(reader, donor, ["Donor"]))
    if program:
        focus.add(resolve_focus(reader, program, ["Program", "Project"]))
    if community:
        focus |= descendants_in_codifier(g, resolve_focus(reader, community, ["Community"]))
    if oblast:
        focus |= descendants_in_codifier(g, resolve_focus(reader, oblast, ["Community"]))
    if not focus:
        return g
    focus &= set(g.nodes)
    return g.subgraph(neighbourhood(g, focus)).copy()


# --------------------------------------------------------------------------- analysis


def analyze_network(graph, top: int = 10, seed: int = 42) -> dict[str, Any]:
    """Central donors and communities, brokers, Louvain clusters of communities, isolated communities.

    Betweenness is exact up to 1,000 nodes and sampled (k=500) above: exact costs minutes at 5k nodes.
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
        between = nx.betweenness_centrality(simple, k=500, seed=seed)
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
        "betweenness": "exact" if n <= 1000 else "sampled (k=500)",
        "central_donors": ranked(degree, {"Donor"}),
        "central_communities": ranked(degree, {"Community"}),
        "brokers": ranked(between, None),
        "clusters": clusters,
        "isolated_communities": isolated,
    }


def render_analysis(result: dict[str, Any]) -> str:
    """The analysis as plain-text tables."""
    out = [f"network: {result['nodes']} nodes, {result['edges']} links (betweenness {result['betweenness']})", ""]
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


def write_network(reader: Any, fmt: str, output: str | Path | IO[bytes] | None = None) -> None:
    """Write the graph as GraphML or GEXF (for Gephi) to a path, a binary file, or stdout."""
    import networkx as nx

    writers = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}
    if fmt not in writers:
        raise ValueError(f"unknown network format {fmt!r}; choose graphml or gexf")
    graph = gephi_graph(load_network(reader))
    target = sys.stdout.buffer if output is None else output
    writers[fmt](graph, target if not isinstance(target, Path) else str(target))
