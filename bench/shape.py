"""The shape of a store's document graphs: is a synthetic graph shaped like real extraction output?

``python -m bench.shape STORE_FOLDER_OR_FILE.nq [--loader narrative]`` prints, as JSON: quads, entities
mentioned, evidence nodes and relation triples per document (median, mean, 90th percentile, max), evidence
nodes per relation triple, the share of the quads by kind (entity descriptions, mentions, evidence,
closures, relations, document metadata, the rest by predicate), and for each entity class how many
distinct entities there are, in how many documents each is mentioned on average and the share of documents
the most frequent one is in (the hubs that set the fan-out of the per-entity questions). ``--loader`` keeps
the documents of one loader (the synthetic graph imitates the narrative loader's output).
bench/RESULTS.md compares the seeds and ``../shared/corpus`` with :mod:`bench.synth` this way.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter, defaultdict
from typing import Any

GT = "https://w3id.org/graphtool/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
DESCRIPTION = {RDF + "type", SKOS + "prefLabel", SKOS + "altLabel", SKOS + "broader", GEO + "lat", GEO + "long"} | {
    GT + p for p in ("katottg", "geonamesId", "iso3166", "category", "code", "wikidata")
}
NODE_KINDS = {GT + "Evidence": "evidence", GT + "Mention": "mention", GT + "Document": "document"}
HUB_CLASSES = ("Donor", "Program", "Organization", "Community", "PartnerCity", "Project")


def _spread(counts: Counter, docs: set[str]) -> dict[str, float]:
    values = sorted(counts.get(d, 0) for d in docs)
    return {
        "median": statistics.median(values),
        "mean": round(statistics.mean(values), 1),
        "p90": values[int(0.9 * (len(values) - 1))],
        "max": values[-1],
    }


def shape(store: Any, loader: str | None = None) -> dict[str, Any]:
    """The shape of the document graphs of a ``GraphStore`` (see the module docstring)."""
    from graphtool.store import NOT_DOCUMENTS
    from graphtool.vocab import RELATION_PROPERTIES

    ox = store.oxigraph
    relations = {str(v) for v in RELATION_PROPERTIES.values()}
    keep = None
    if loader:
        rows = ox.query("SELECT ?g ?l WHERE { GRAPH ?g { ?g <https://w3id.org/graphtool/ontology#loader> ?l } }")
        keep = {r["g"].value for r in rows if r["l"].value == loader}
    kinds: dict[tuple[str, str], str] = {}
    classes: dict[str, set[str]] = defaultdict(set)
    for r in ox.query("SELECT ?g ?s ?c WHERE { GRAPH ?g { ?s a ?c } }"):
        g, s, c = r["g"].value, r["s"].value, r["c"].value
        if c in NODE_KINDS:
            kinds[(g, s)] = NODE_KINDS[c]
        elif c.startswith(GT):
            classes[s].add(c[len(GT) :])
    share: Counter = Counter()
    quads, entities, evidence, relation_triples = Counter(), Counter(), Counter(), Counter()
    documents_of: dict[str, set[str]] = defaultdict(set)
    docs: set[str] = set()
    for quad in ox.quads_for_pattern(None, None, None, None):
        g = getattr(quad.graph_name, "value", None)
        if g is None or g in NOT_DOCUMENTS or (keep is not None and g not in keep):
            continue
        s, p = quad.subject.value, quad.predicate.value
        docs.add(g)
        quads[g] += 1
        kind = kinds.get((g, s), "entity")
        if kind == "document":
            share["document metadata"] += 1
        elif kind == "mention" or p == GT + "mentionedIn":
            share["mentions"] += 1
        elif kind == "evidence":
            share["evidence nodes"] += 1
            if p == RDF + "type" and quad.object.value == GT + "Evidence":
                evidence[g] += 1
        elif p in (GT + "within", GT + "includedIn"):
            share["closures"] += 1
        elif p in relations:
            share["relation triples"] += 1
            relation_triples[g] += 1
        elif p in DESCRIPTION:
            share["entity descriptions"] += 1
        else:
            share["other: " + p.rsplit("#", 1)[-1].rsplit("/", 1)[-1]] += 1
        if p == GT + "mentionedIn":
            entities[g] += 1
            documents_of[s].add(g)
    if not docs:
        raise SystemExit("no document graphs" + (f" of loader {loader!r}" if loader else ""))
    total = sum(share.values())
    hubs = {}
    for cls in HUB_CLASSES:
        counts = sorted((len(d) for e, d in documents_of.items() if cls in classes.get(e, ())), reverse=True)
        if counts:
            hubs[cls] = {
                "entities": len(counts),
                "documents_per_entity": round(statistics.mean(counts), 2),
                "most_frequent_in": round(counts[0] / len(docs), 3),
            }
    return {
        "documents": len(docs),
        "quads": total,
        "quads_per_document": _spread(quads, docs),
        "entities_per_document": _spread(entities, docs),
        "evidence_per_document": _spread(evidence, docs),
        "relation_triples_per_document": _spread(relation_triples, docs),
        "evidence_per_relation_triple": round(sum(evidence.values()) / max(1, sum(relation_triples.values())), 2),
        "share": {k: round(v / total, 3) for k, v in share.most_common()},
        "hubs": hubs,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="a store folder, or an N-Quads file (loaded in memory)")
    parser.add_argument("--loader", help="only the documents of this loader (e.g. narrative)")
    args = parser.parse_args(argv)
    from graphtool.store import GraphStore

    if args.source.endswith(".nq"):
        store = GraphStore(None)
        store.bulk_load_nquads(args.source)
    else:
        store = GraphStore(args.source, read_only=True)
    print(json.dumps(shape(store, args.loader), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
