"""Counts of what the store holds."""

from __future__ import annotations

from typing import Any

from graphtool.reader import ask
from graphtool.store import GraphStore
from graphtool.vocab import RELATION_PROPERTIES


def store_stats(store: GraphStore) -> dict[str, Any]:
    """Documents, entities by type, relations by predicate, and triples.

    What each number counts: ``triples`` are the statements of all document graphs, so a fact stated by
    three documents counts three times; ``distinct_triples`` is their union, what a ``COUNT`` over the
    endpoint sees; ``entities`` are distinct entities by type (an organisation named in five documents is
    one); ``relations`` distinct (subject, relation, object) links. ``graphtool build`` reports what it
    found per document, before entities and links from different documents merge.
    """
    entities = ask(store, "count_entities_by_type")
    relations = {}
    for rel, predicate in sorted(RELATION_PROPERTIES.items()):  # the ontology's gt:relations, each bound in turn
        count = ask(store, "count_distinct_triples", {"p": predicate})
        if int(count.rows[0][0]):
            relations[rel] = int(count.rows[0][0])
    union = ask(store, "count_distinct_triples")
    return {
        "documents": len(store.documents()),
        "triples": len(store),
        "distinct_triples": int(union.rows[0][0]),
        "entities": {str(t): int(n) for t, n in entities.rows},
        "relations": relations,
    }
