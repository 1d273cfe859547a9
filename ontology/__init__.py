"""The graphtool ontology, SHACL shapes and reference data files (shipped inside the wheel).

``graphtool.ttl`` is the one source of the vocabulary: :func:`vocabulary` reads from it the entity
types, relations and typed values of the loaders' contract (the ordered lists on the ontology node)
and every term's ``@uk``/``@en`` label. ``loaders.base`` and ``graphtool.vocab`` take their lists from
here, so this package imports nothing of the project.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
NS = "https://w3id.org/graphtool/ontology#"
ONTOLOGY_IRI = "https://w3id.org/graphtool/ontology"


class OntologyError(Exception):
    """The ontology file cannot be read, or its contract lists name undeclared terms."""


@dataclass(frozen=True)
class Vocabulary:
    """What the ontology declares, by local name (``"funds"`` for ``gt:funds``)."""

    terms: frozenset[str]  # every class and property declared in the gt: namespace
    entity_types: tuple[str, ...]  # gt:entityTypes, in order
    relations: tuple[str, ...]  # gt:relations, in order
    value_properties: tuple[str, ...]  # gt:valueProperties, in order
    labels: dict[str, dict[str, str]]  # term -> {"uk": ..., "en": ...} from rdfs:label

    def label(self, term: str, lang: str = "uk") -> str:
        """The term's label in ``lang`` (``uk`` or ``en``); the other language's, or the name itself, when missing."""
        by_lang = self.labels.get(term, {})
        return by_lang.get(lang) or by_lang.get("en" if lang == "uk" else "uk") or term

    def bilingual(self, term: str) -> str:
        """``"фінансує / funds"``: the Ukrainian and English labels as the reports print them."""
        uk, en = self.label(term, "uk"), self.label(term, "en")
        return uk if uk == en else f"{uk} / {en}"


def vocabulary(path: Path | None = None) -> Vocabulary:
    """The vocabulary of ``graphtool.ttl`` beside this file (or of ``path``); read once per file."""
    return _read(Path(path) if path is not None else HERE / "graphtool.ttl")


@cache
def _read(path: Path) -> Vocabulary:
    from rdflib import OWL, RDF, RDFS, Graph, URIRef
    from rdflib.collection import Collection

    try:
        g = Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:  # rdflib raises BadSyntax (a SyntaxError) on bad Turtle
        raise OntologyError(f"{path}: cannot read the ontology ({exc})") from exc

    def local(node) -> str | None:
        text = str(node)
        return text[len(NS) :] if isinstance(node, URIRef) and text.startswith(NS) else None

    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    terms = frozenset(name for k in kinds for s in g.subjects(RDF.type, k) if (name := local(s)))

    def contract(name: str) -> tuple[str, ...]:
        head = g.value(URIRef(ONTOLOGY_IRI), URIRef(NS + name))
        if head is None:
            raise OntologyError(f"{path}: the ontology node has no gt:{name} list")
        items = tuple(local(node) or str(node) for node in Collection(g, head))
        undeclared = [i for i in items if i not in terms]
        if undeclared:
            raise OntologyError(f"{path}: gt:{name} names undeclared terms: {', '.join(undeclared)}")
        return items

    labels: dict[str, dict[str, str]] = {}
    for s, label in g.subject_objects(RDFS.label):
        name = local(s)
        if name and getattr(label, "language", None):
            labels.setdefault(name, {})[label.language] = str(label)
    return Vocabulary(
        terms=terms,
        entity_types=contract("entityTypes"),
        relations=contract("relations"),
        value_properties=contract("valueProperties"),
        labels=labels,
    )
