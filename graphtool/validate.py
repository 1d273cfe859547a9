"""SHACL validation of the store against ``ontology/shapes.ttl`` (pyshacl)."""

from __future__ import annotations

import io

from graphtool.store import GraphStore


def load_union_graph(store: GraphStore):
    """The union of all document graphs as one rdflib Graph (for SHACL and small analyses)."""
    from rdflib import Graph

    buf = io.BytesIO()
    store.dump(buf, "turtle")
    graph = Graph()
    graph.parse(data=buf.getvalue(), format="turtle")
    return graph


def validate_graph(data_graph) -> tuple[bool, str]:
    """Validate an rdflib graph; returns (conforms, readable report)."""
    import pyshacl
    from rdflib import Graph

    import ontology

    shapes = Graph().parse(ontology.HERE / "shapes.ttl", format="turtle")
    onto = Graph().parse(ontology.HERE / "graphtool.ttl", format="turtle")
    conforms, _graph, text = pyshacl.validate(
        data_graph, shacl_graph=shapes, ont_graph=onto, inference="none", advanced=True, allow_warnings=True
    )
    if conforms:
        return True, f"conforms: {len(data_graph)} triples checked against {len(shapes)} shape triples"
    return False, text


def validate_store(store: GraphStore) -> tuple[bool, str]:
    """Validate everything in the store."""
    return validate_graph(load_union_graph(store))
