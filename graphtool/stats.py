"""Counts of what the store holds."""

from __future__ import annotations

from typing import Any

from graphtool.store import GraphStore
from graphtool.vocab import RELATION_PROPERTIES

DISTINCT_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


def store_stats(store: GraphStore) -> dict[str, Any]:
    """Documents, entities by type, relations by predicate, and triples.

    What each number counts: ``triples`` are the statements of all document graphs, so a fact stated by
    three documents counts three times; ``distinct_triples`` is their union, what a ``COUNT`` over the
    endpoint sees; ``entities`` are distinct entities by type (an organisation named in five documents is
    one); ``relations`` distinct (subject, relation, object) links. ``graphtool build`` reports what it
    found per document, before entities and links from different documents merge.
    """
    entities = store.select(
        """SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?t .
             FILTER(STRSTARTS(STR(?t), STR(gt:)) && ?t NOT IN (gt:Document, gt:Evidence, gt:Mention))
             BIND(STRAFTER(STR(?t), "#") AS ?type) } GROUP BY ?type ORDER BY ?type"""
    )
    relations = {}
    for rel, predicate in sorted(RELATION_PROPERTIES.items()):  # the ontology's gt:relations, each bound in turn
        count = store.select(DISTINCT_TRIPLES, {"p": predicate})
        if int(count.rows[0][0]):
            relations[rel] = int(count.rows[0][0])
    union = store.select(DISTINCT_TRIPLES)
    return {
        "documents": len(store.documents()),
        "triples": len(store),
        "distinct_triples": int(union.rows[0][0]),
        "entities": {str(t): int(n) for t, n in entities.rows},
        "relations": relations,
    }
