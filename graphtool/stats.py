"""Counts of what the store holds."""

from __future__ import annotations

from typing import Any

from graphtool.store import GraphStore


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
    relations = store.select(
        """SELECT ?rel (COUNT(*) AS ?n) WHERE {
             { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o .
               VALUES ?p { gt:funds gt:implements gt:partOf gt:locatedIn gt:partnerOf gt:inCountry
                           gt:responsibleExecutor gt:fundingSource gt:planOf } } }
             BIND(STRAFTER(STR(?p), "#") AS ?rel) } GROUP BY ?rel ORDER BY ?rel"""
    )
    union = store.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
    return {
        "documents": len(store.documents()),
        "triples": len(store),
        "distinct_triples": int(union.rows[0][0]),
        "entities": {str(t): int(n) for t, n in entities.rows},
        "relations": {str(r): int(n) for r, n in relations.rows},
    }
