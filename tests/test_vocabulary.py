"""One vocabulary: the ontology file is the only place a type, relation or label is written (issue 16)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph, URIRef

import ontology
from graphtool.vocab import ENTITY_CLASSES, GT, RELATION_PROPERTIES, bilingual, label
from loaders.base import ENTITY_TYPES, RELATION_PREDICATES, VALUE_PROPERTIES, Relation

ROOT = Path(__file__).resolve().parent.parent
# Object properties that are not relations between two entities of the loaders' contract: closures
# written for reading, provenance, and the parts of money flows and allocations.
NOT_RELATIONS = {"within", "includedIn", "mentionedIn", "mentionOf", "flowOf", "provider", "receiver"}
NOT_RELATIONS |= {"allocationOf", "allocatedTo"}
NOT_RELATIONS |= {"fundsWithin", "hasPartnerCity"}  # derived at build time (graphtool/derived.py)
_TERM_USE = re.compile(r"\bGT\.([A-Za-z_][A-Za-z0-9_]*)|\bGT\[\"([A-Za-z0-9_]+)\"\]|\bgt:([A-Za-z_][A-Za-z0-9_]*)")


def test_contract_lists_come_from_the_ontology():
    vocab = ontology.vocabulary()
    assert ENTITY_TYPES == vocab.entity_types and ENTITY_TYPES[:3] == ("Donor", "Program", "Project")
    assert RELATION_PREDICATES == vocab.relations and "funds" in RELATION_PREDICATES
    assert VALUE_PROPERTIES == vocab.value_properties and "activityStatus" in VALUE_PROPERTIES
    assert tuple(ENTITY_CLASSES) == ENTITY_TYPES and tuple(RELATION_PROPERTIES) == RELATION_PREDICATES
    assert RELATION_PROPERTIES["funds"] == GT.funds == URIRef(ontology.NS + "funds")


def test_a_term_the_ontology_does_not_declare_raises():
    with pytest.raises(AttributeError, match="fundz"):
        GT.fundz  # noqa: B018
    with pytest.raises(ValueError, match="fundz"):
        Relation("donor:a", "fundz", "project:b")


def test_every_term_used_in_code_and_queries_is_declared():
    declared = ontology.vocabulary().terms
    files = [p for pkg in ("graphtool", "loaders") for p in (ROOT / pkg).rglob("*.py") if "static" not in p.parts]
    files += sorted((ROOT / "queries").glob("*.rq"))
    used: dict[str, str] = {}
    for path in files:
        for m in _TERM_USE.finditer(path.read_text(encoding="utf-8")):
            used.setdefault(next(g for g in m.groups() if g), path.name)
    assert len(used) > 30  # the scan finds the terms the code uses
    undeclared = {term: where for term, where in used.items() if term not in declared}
    assert undeclared == {}


def test_every_relation_and_type_has_both_labels():
    vocab = ontology.vocabulary()
    for term in (*vocab.entity_types, *vocab.relations, *vocab.value_properties):
        assert set(vocab.labels.get(term, {})) >= {"uk", "en"}, f"gt:{term} lacks a uk or en label"
    assert label("funds") == "фінансує" and label("funds", "en") == "funds"
    assert bilingual("partnerOf") == "партнер / partner of"
    assert bilingual("Community") == "Громада / Community"


def test_every_object_property_is_a_relation_or_known_not_to_be():
    g = Graph().parse(ontology.HERE / "graphtool.ttl", format="turtle")
    props = {str(p)[len(ontology.NS) :] for p in g.subjects(RDF.type, OWL.ObjectProperty)}
    assert props - set(RELATION_PREDICATES) - NOT_RELATIONS == set(), "add it to the ontology's gt:relations"
    assert set(RELATION_PREDICATES) <= props


def test_contract_list_naming_an_undeclared_term_is_a_clear_error(tmp_path):
    text = (ontology.HERE / "graphtool.ttl").read_text(encoding="utf-8")
    bad = tmp_path / "graphtool.ttl"
    bad.write_text(text.replace("gt:relations ( gt:funds", "gt:relations ( gt:fundz gt:funds"), encoding="utf-8")
    with pytest.raises(ontology.OntologyError, match=r"graphtool\.ttl: gt:relations names undeclared terms: fundz"):
        ontology.vocabulary(bad)
    broken = tmp_path / "broken.ttl"
    broken.write_text("gt:x a", encoding="utf-8")
    with pytest.raises(ontology.OntologyError, match="broken.ttl: cannot read the ontology"):
        ontology.vocabulary(broken)


TEXT = "GIZ співфінансує програму DOBRE."  # the test document, whose one sentence states the new relation
NEW_RELATION = """
gt:cofunds a owl:ObjectProperty ;
    rdfs:label "co-funds"@en , "співфінансує"@uk ;
    rdfs:domain gt:Donor ;
    skos:definition "The donor pays a share of a program another donor funds."@en ,
        "Донор оплачує частку програми, яку фінансує інший донор."@uk .
"""

SCRIPT = """
import io, json, sys
from pathlib import Path

import ontology

ontology.HERE = Path(sys.argv[1])  # the edited copy: nothing else of the project is changed

from graphtool.export import write_jsonl
from graphtool.maps import network_data
from graphtool.network import load_network
from graphtool.rdf import DocumentInfo, document_quads
from graphtool.report import build_report, render_report, write_report
from graphtool.stats import store_stats
from graphtool.store import GraphStore
from loaders.base import Entity, Evidence, Extraction, Relation

text = "GIZ співфінансує програму DOBRE."
ev = Evidence(text, 0, len(text))
ex = Extraction()
ex.entities["donor:giz"] = Entity("donor:giz", "Donor", "GIZ")
ex.entities["program:dobre"] = Entity("program:dobre", "Program", "DOBRE")
ex.relations.append(Relation("donor:giz", "cofunds", "program:dobre", [ev]))
store = GraphStore(None)
store.replace_document(
    DocumentInfo("news.txt", "0" * 64, "test", "1").iri, document_quads(ex, DocumentInfo("news.txt", "0" * 64, "test", "1"))
)
out = io.StringIO()
write_jsonl(store, out)
graph = load_network(store)
_nodes, edges, _view = network_data(graph, geo=False, webgl=False, aggregate=False)
reports = {}
for kind, name in (("donor", "GIZ"), ("program", "DOBRE")):
    report = build_report(store, kind, name)
    xlsx = Path(sys.argv[2]) / f"{kind}.xlsx"
    write_report(report, "xlsx", xlsx)
    from openpyxl import load_workbook

    cells = [str(c) for sheet in load_workbook(xlsx) for row in sheet.iter_rows(values_only=True) for c in row if c]
    reports[kind] = {fmt: render_report(report, fmt) for fmt in ("md", "csv", "json")} | {"xlsx": cells}
print(json.dumps({
    "reports": reports,
    "stats": store_stats(store)["relations"],
    "export": [json.loads(line) for line in out.getvalue().splitlines()],
    "edges": [(e["rel"], e.get("label")) for e in edges],
}))
"""


def test_a_relation_added_to_the_ontology_alone_reaches_stats_export_maps_and_reports(tmp_path):
    """The check of issue 16: a new relation needs the ontology file and nothing else."""
    onto_dir = tmp_path / "ontology"
    onto_dir.mkdir()
    for name in ("graphtool.ttl", "shapes.ttl"):
        shutil.copy(ontology.HERE / name, onto_dir / name)
    ttl = (onto_dir / "graphtool.ttl").read_text(encoding="utf-8")
    ttl = ttl.replace("gt:relations ( gt:funds", "gt:relations ( gt:funds gt:cofunds", 1) + NEW_RELATION
    (onto_dir / "graphtool.ttl").write_text(ttl, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SCRIPT), str(onto_dir), str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.splitlines()[-1])
    assert result["stats"] == {"cofunds": 1}
    assert ["cofunds", "співфінансує"] in result["edges"]
    exported = [r for r in result["export"] if r.get("predicate") == "cofunds" or r.get("relation") == "cofunds"]
    assert exported, result["export"]
    # reports: the donor's and the program's own link, with the ontology's labels and the sentence stating it
    for kind, other in (("donor", "DOBRE"), ("program", "GIZ")):
        report = result["reports"][kind]
        row = f"| співфінансує / co-funds: **{other}** | **«{TEXT}» (news.txt)**: «{TEXT}» |"
        assert row in report["md"], report["md"]
        rows = list(csv.DictReader(io.StringIO(report["csv"].lstrip("\ufeff"))))
        assert [(r["group"], r["relation"], r["other"], r["document"], r["sentence"]) for r in rows] == [
            ("Інші зв'язки / Other links", "співфінансує / co-funds", other, "news.txt", TEXT)
        ]
        links = json.loads(report["json"])["groups"]["other_links"]["links"]
        assert [(x["relation"], x["other"], x["sources"][0]["sentence"]) for x in links] == [("cofunds", other, TEXT)]
        assert "співфінансує / co-funds" in report["xlsx"] and TEXT in report["xlsx"]


def test_every_entity_type_has_a_shape():
    """A new type is declared with a shape too: ``graphtool validate`` must check what loaders write."""
    from rdflib.namespace import SH

    shapes = Graph().parse(ontology.HERE / "shapes.ttl", format="turtle")
    targeted = {str(o)[len(ontology.NS) :] for o in shapes.objects(None, SH.targetClass)}
    assert set(ENTITY_TYPES) - targeted == set()


def _second_argument_strings(call_names: set[str]) -> dict[str, str]:
    """String constants given as the 2nd argument of ``Entity(...)``, ``Relation(...)``, ``add_relation(...)``
    anywhere in loaders/ and graphtool/ (an ``a if c else b`` counts both), with where each stands."""
    import ast

    found: dict[str, str] = {}
    for pkg in ("loaders", "graphtool"):
        for path in (ROOT / pkg).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call) or len(node.args) < 2:
                    continue
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name in call_names:
                    for const in ast.walk(node.args[1]):
                        if isinstance(const, ast.Constant) and isinstance(const.value, str):
                            found.setdefault(const.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_types_and_relations_written_in_loaders_are_the_ontologys():
    """A misspelt type or relation in a loader fails here, not when a document happens to reach that line."""
    types = _second_argument_strings({"Entity"})
    relations = _second_argument_strings({"Relation", "add_relation"})
    assert {"Plan", "Organization", "Country"} <= set(types) and {"partOf", "planOf"} <= set(relations)
    assert {t: w for t, w in types.items() if t not in ENTITY_TYPES} == {}
    assert {r: w for r, w in relations.items() if r not in RELATION_PREDICATES} == {}
