"""Answers of the library's large questions, written at build time (issue 12): whole for those asked with no
parameter, keyed by the parameter's value for those asked with one.

A few library questions asked with no parameter answer with thousands of rows (``funding_chain`` 11,432 at a
million triples, ``single_document_entities`` 11,284); the engine's joins and the decoding of every answer term
cost 100-900 ms of CPU per question on disk, whatever the query's shape (bench/RESULTS.md, issue 12). Their
answers change only when the store does, so the store that writes documents runs each of :data:`QUESTIONS` — the
very ``.rq`` text, through ``GraphStore.select``, as the library's call would — once its writes are counted
(``GraphStore.flush``), and keeps the rows in a file per question beside the store's own files
(:data:`DIRECTORY`). The library's call on the embedded store, with no parameter given, reads that file instead
of running the query (``graphtool.library.run_query``); bound parameters, remote stores and the ``/sparql``
endpoint run the text as before.

A question with a parameter (:data:`KEYED`: ``communities_of_donor`` bound to a donor took 500 ms of CPU at a
million triples, ``communities_of_program`` 220) is answered at the same flush for every value of its parameter
at once — the text with the parameter left free, or bound to every entity of its type in one ``VALUES`` block
(:data:`BY_VALUES`) — and its rows are kept by the parameter's value (:func:`encode_keyed`); the library's call
with that parameter bound reads only its value's rows (:func:`read_keyed`, ``GraphStore.keyed_answer``): 3-7 ms.
The rows and their order are the bound query's: the library sorts the answer in Python (``graphtool.ordering``:
ties by the whole row) and lists a ``GROUP_CONCAT``'s items in one order (:func:`graphtool.ordering.sort_concatenated`),
which the engine's plan for one value and for all of them would not share. They add 10.5 s of CPU to the 2.4 s
of the parameterless answers at a million triples (bench/RESULTS.md, "answers keyed by their parameter").

When they are written: at a flush that changed the store, unless the change was small and the answers dear. The
six questions took 2.4 s of CPU at a million triples, for a flush of 0.04 s after one document reloaded; such a
flush only takes the token out (the library runs the texts, as without this module), and the answers are written
again by the next flush that ends a large write (a bulk load, an index rebuild, a change past the keyed share of
the derived counts: the flushes that compute those counts whole), by a flush from a process that wrote nothing
(``graphtool build`` again with nothing changed), or by ``GraphStore.write_answers(force=True)``. "Dear" is
:data:`CHEAP_SECONDS` or more of CPU when last written (the folder's :data:`COST_FILE`; unknown: written).

Never stale: the files and the store are tied by a token, a digest of the answers (:func:`token_of`). The store
holds it (one triple in the graph :data:`ANSWERS_GRAPH`, outside the documents, the index and exports); each file
begins with the token it was written with. Every write path of ``GraphStore`` takes the token out of the store,
in a transaction of its own, before it writes anything; a token goes back in only after every file has been
written. A file is read only when its token is the store's, so a process killed between its writes and the files
(or while writing them) leaves answers that are never read. Each answer goes to a temporary file as soon as it is
known (:class:`Writer`: one held in memory at a time); the token, a digest of them all, is put at their heads and
the files renamed over the questions' files once the last one is written. A file's name carries a digest of the question's
text and of the versions that shape its rows (:func:`_key`): a changed question is not answered from an older
file. A graphtool from before this module takes no token out: a store it writes after this version keeps
answers that no longer hold (docs/store-layout.md).

The rows are stored (for a keyed file: the rows of each value, one after the other, after a head saying where
each value's rows are) as a table of distinct terms (kind, text, language or datatype) and one index per cell,
written with :mod:`marshal`; read back, each term is built directly as the answer's conversion builds it
(``graphtool.store.to_rdflib``). 11,000 rows are read in 20-35 ms of CPU (the query: 540-900 ms).

Two questions are answered from files otherwise (bench/RESULTS.md, "combined and searched answers"):
``communities_sharing_funder``, ``donors_in_community`` (for one community) and ``link_provenance`` (for one
entity) are combined in Python from parts written keyed by a value (:data:`COMPOSED`; :func:`compose_sharing`:
the donors and programmes behind the community's items, the communities each of them reaches, the communities
within it or that it is within; :func:`compose_donors`, :func:`compose_links`), their aggregates, ``DISTINCT`` and
order done as the query's; ``find_entities`` reads its answer for every text (:data:`SEARCHED`) and keeps the rows whose name
holds the text case-folded (:func:`searched`).

Imports nothing from graphtool but the ordering, to combine parts (the store calls it and builds the terms it
reads: ``GraphStore.written_answer``, ``GraphStore.keyed_answer``);
the questions' texts are read from the ``queries`` package, as ``graphtool.library`` reads them.
"""

from __future__ import annotations

import array
import hashlib
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

# the questions whose answer is written: no required parameter, and 50 ms of CPU or more at 1M triples on disk
QUESTIONS = (
    "funding_chain",
    "single_document_entities",
    "implementers",
    "programs_by_communities",
    "documents_overview",
    "donors_cofunding",
)
# the library questions with a parameter whose answer is written keyed by that parameter's value (the rows of one
# value read alone, bench/RESULTS.md "answers keyed by their parameter"): question -> the parameter. The store runs
# the text with the parameter left free (an optional parameter: the answer of QUESTIONS above, not run again),
# or, for those of :data:`BY_VALUES`, bound to every entity of its type at once; it keeps each row under the
# parameter's column (single_document_entities: its entity_type, :data:`KEY_COLUMN`). Left to their query:
# international_measures (a regular expression), and the cheap ones (money_*, measures_*: 1-12 ms at 1M);
# communities_sharing_funder, donors_in_community (398,914 rows free at 1M triples, 13.7 s of CPU) and
# link_provenance (88,826 rows, 11.0 s) are combined from parts (:data:`COMPOSED`), find_entities searched
# (:data:`SEARCHED`)
KEYED = {
    "funding_chain": "donor",
    "donors_cofunding": "program",
    "communities_of_donor": "donor",
    "communities_of_program": "program",
    "partner_cities_in_oblast": "oblast",
    "partner_cities_of_community": "community",
    "single_document_entities": "type",
}
# a keyed question whose rows are kept by another column than its parameter's: single_document_entities with its
# ``type`` is its parameterless answer's rows of that entity_type (the filter is ``?entity_type = COALESCE(?type,
# ?entity_type)``), the same rows in the same order (the ``type`` column, dropped by the library's call, aside)
KEY_COLUMN = {"single_document_entities": "entity_type"}
# question -> (its text parameter, the column searched): the question's answer for every text at once — its text
# bound to "", which every name contains — written whole; the library's call keeps the rows whose column holds the
# text case-folded, as ``CONTAINS(LCASE(STR(?matched_name)), LCASE(STR(?text)))`` does (:func:`searched`)
SEARCHED = {"find_entities": ("text", "matched_name")}
# questions answered for one value of their parameter by combining parts written at the flush, each keyed by a
# value (:data:`_PARTS`, :func:`compose`): question -> its parameter. communities_sharing_funder's
# answer is pairs of communities (1,362 rows for one at 1M triples; by VALUES over every community about an hour)
COMPOSED = {"communities_sharing_funder": "community", "donors_in_community": "community", "link_provenance": "entity"}
# the parts of communities_sharing_funder, each a question with the parameter free (0.4-0.8 s of CPU each at 1M):
# the community's items and the donors and programmes behind each item (joined in Python at the flush: asked in
# one text the engine took 176 s), the communities each donor or programme reaches, the communities within the
# community or that it is within (the query's two FILTER NOT EXISTS)
SHARING_ITEMS = """SELECT DISTINCT ?community ?item WHERE {
  { ?item gt:locatedIn ?community } UNION { ?place gt:within ?community . ?item gt:locatedIn ?place }
  FILTER EXISTS { VALUES ?t { gt:Program gt:Project } ?item a ?t } }"""
SHARING_SHARED = """SELECT ?item ?shared_iri (MIN(?l_shared) AS ?shared) WHERE {
  { SELECT DISTINCT ?item ?shared_iri WHERE {
      { ?item a gt:Program BIND(?item AS ?shared_iri) }
      UNION { ?shared_iri gt:funds ?item }
      UNION { ?item gt:includedIn ?shared_iri . ?shared_iri a gt:Program }
      UNION { ?item gt:includedIn ?up . ?shared_iri gt:funds ?up } } }
  ?shared_iri skos:prefLabel ?l_shared FILTER(lang(?l_shared) != "en")
} GROUP BY ?item ?shared_iri"""
SHARING_REACH = """SELECT ?shared_iri ?other_iri (MIN(?l_other) AS ?other) WHERE {
  { SELECT DISTINCT ?shared_iri ?other_iri WHERE {
      { ?shared_iri a gt:Program BIND(?shared_iri AS ?item2) }
      UNION { ?item2 gt:includedIn ?shared_iri . ?shared_iri a gt:Program }
      UNION { ?shared_iri gt:funds ?item2 }
      UNION { ?shared_iri gt:funds ?up2 . ?item2 gt:includedIn ?up2 }
      ?item2 gt:locatedIn ?other_iri
      FILTER EXISTS { ?other_iri a gt:Community }
      FILTER EXISTS { VALUES ?t2 { gt:Program gt:Project } ?item2 a ?t2 } } }
  ?other_iri skos:prefLabel ?l_other FILTER(lang(?l_other) != "en")
} GROUP BY ?shared_iri ?other_iri"""
SHARING_NEAR = """SELECT DISTINCT ?community ?other_iri WHERE {
  { ?other_iri gt:within ?community } UNION { ?community gt:within ?other_iri }
  FILTER EXISTS { ?other_iri a gt:Community } }"""
# part -> its key column (the files ``communities_sharing_funder@community~PART``)
SHARING_PARTS = {"shared": "community", "reach": "shared_iri", "near": "community"}
# the parts of donors_in_community (free answer: 398,914 rows, 13.7 s of CPU at 1M; these 1.4-1.6 s each): the
# items in the community (or in a place within it) with their place, the donors of each item (funding it, or the
# programme it is part of) with what they fund, and the evidence of each funding (the query's OPTIONAL)
DONORS_PLACES = """SELECT ?community ?item_iri ?place_iri (MIN(?l_item) AS ?item) (MIN(?l_place) AS ?place) WHERE {
  { SELECT DISTINCT ?community ?item_iri ?place_iri WHERE {
      { ?item_iri gt:locatedIn ?community BIND(?community AS ?place_iri) }
      UNION { ?place_iri gt:within ?community . ?item_iri gt:locatedIn ?place_iri }
      FILTER EXISTS { VALUES ?t { gt:Program gt:Project } ?item_iri a ?t } } }
  ?item_iri skos:prefLabel ?l_item FILTER(lang(?l_item) != "en")
  ?place_iri skos:prefLabel ?l_place FILTER(lang(?l_place) != "en")
} GROUP BY ?community ?item_iri ?place_iri"""
DONORS_FUNDERS = """SELECT ?item_iri ?donor_iri ?funded_iri (MIN(?l_donor) AS ?donor) (MIN(?l_funded) AS ?funded) WHERE {
  { SELECT DISTINCT ?item_iri ?donor_iri ?funded_iri WHERE {
      { ?donor_iri gt:funds ?item_iri BIND(?item_iri AS ?funded_iri) }
      UNION { ?item_iri gt:includedIn ?funded_iri . ?donor_iri gt:funds ?funded_iri }
      FILTER EXISTS { VALUES ?t { gt:Program gt:Project } ?item_iri a ?t } } }
  ?donor_iri skos:prefLabel ?l_donor FILTER(lang(?l_donor) != "en")
  ?funded_iri skos:prefLabel ?l_funded FILTER(lang(?l_funded) != "en")
} GROUP BY ?item_iri ?donor_iri ?funded_iri"""
DONORS_EVIDENCE = """SELECT DISTINCT ?funded_iri ?donor_iri ?document ?evidence WHERE {
  ?ev rdf:subject ?donor_iri ; rdf:predicate gt:funds ; rdf:object ?funded_iri ;
      gt:sentence ?evidence ; prov:wasDerivedFrom ?doc .
  ?doc gt:fileName ?document }"""
DONORS_PARTS = {"places": "community", "funders": "item_iri", "evidence": "funded_iri"}
# the parts of link_provenance with its entity (the links of every entity as subject and as object: 74,504 rows,
# 4.4 s of CPU at 1M as one text; the evidence as one text did not finish in 300 s): plain scans joined in Python
# (:func:`links_parts`), the links and the evidence of their statements kept under each end of the link
_RELATIONS = """VALUES ?p { gt:funds gt:implements gt:partOf gt:locatedIn gt:partnerOf gt:inCountry
              gt:responsibleExecutor gt:fundingSource gt:planOf gt:extends gt:accountableFor gt:reports }"""
LINKS_TRIPLES = f"SELECT ?s ?p ?o WHERE {{ {_RELATIONS} ?s ?p ?o }}"
LINKS_LABELS = """SELECT ?e (MIN(?l) AS ?label) WHERE { ?e skos:prefLabel ?l FILTER(lang(?l) != "en") } GROUP BY ?e"""
LINKS_STATEMENTS = f"""SELECT ?ev ?s ?p ?o ?evidence ?document WHERE {{ {_RELATIONS}
  ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; gt:sentence ?evidence ; prov:wasDerivedFrom ?doc .
  ?doc gt:fileName ?document }}"""
LINKS_OFFSETS = "SELECT ?ev ?start ?end WHERE { ?ev gt:startOffset ?start ; gt:endOffset ?end }"
LINKS_XPATHS = "SELECT ?ev ?path ?line WHERE { ?ev gt:xpath ?path ; gt:line ?line }"
LINKS_PARTS = {"links": "entity", "evidence": "entity"}
# question -> (its parts and their key columns, the texts of the parts)
_PARTS = {
    "communities_sharing_funder": (SHARING_PARTS, (SHARING_ITEMS, SHARING_SHARED, SHARING_REACH, SHARING_NEAR)),
    "donors_in_community": (DONORS_PARTS, (DONORS_PLACES, DONORS_FUNDERS, DONORS_EVIDENCE)),
    "link_provenance": (LINKS_PARTS, (LINKS_TRIPLES, LINKS_LABELS, LINKS_STATEMENTS, LINKS_OFFSETS, LINKS_XPATHS)),
}
# question -> the parameter's type (its header's): run with the parameter bound to the entities of that type,
# VALUES_BATCH of them in one VALUES block at a time. Free, communities_of_donor took 394 s of CPU at 1M triples;
# bound to the 40 donors in one block 5.0 s and 1.05 GB (9.7 GB at 10M), by 8 3.4 s and 0.31 GB, one by one 8.3 s
BY_VALUES = {"communities_of_donor": "Donor"}
VALUES_BATCH = 8
ANSWERS_GRAPH = "https://w3id.org/graphtool/id/graph/answers"  # holds the token (GraphStore), nothing else
STAMP_PREDICATE = "https://w3id.org/graphtool/ontology#answersStamp"
DIRECTORY = "library-answers"  # in the store's folder
SUFFIX = ".answer"
FORMAT = 1  # the layout of a file; changed, every older file is left unread
# the file of the name lookup's index (graphtool.names.NameIndex.dumps), written and read as the answers are: with
# the token, its "text" graphtool.names.INDEX_LAYOUT (``GraphStore.write_answers``, ``GraphStore.written_names``)
NAMES = "name-index"
COST_FILE = "cost"  # in DIRECTORY: the CPU seconds the answers last took (see :data:`CHEAP_SECONDS`)
# answers that took at most this much CPU are written again at every flush that changed the store; dearer ones
# (a large store: 2.4 s at 1M triples) only at the flush that ends a large write (GraphStore.write_answers)
CHEAP_SECONDS = 0.25

# kinds of term in a file
IRI, STRING, TAGGED, TYPED, BLANK = range(5)


def questions() -> dict[str, str]:
    """The text of each question of :data:`QUESTIONS`, by name: its ``queries/NAME.rq`` file, as
    ``graphtool.library.get_query`` reads it (tests/test_answers.py checks that none needs a parameter)."""
    import queries

    return {name: (Path(queries.HERE) / f"{name}.rq").read_text(encoding="utf-8") for name in QUESTIONS}


def keyed_questions() -> dict[str, tuple[str, str, str]]:
    """The questions of :data:`KEYED` by the name of their file (``QUESTION@PARAMETER``): (question, text,
    parameter)."""
    import queries

    return {
        f"{name}@{param}": (name, (Path(queries.HERE) / f"{name}.rq").read_text(encoding="utf-8"), param)
        for name, param in KEYED.items()
    }


def searched_questions() -> dict[str, tuple[str, str, str, str]]:
    """The questions of :data:`SEARCHED` by the name of their file (``QUESTION@PARAMETER``): (question, text,
    parameter, the column searched)."""
    import queries

    return {
        f"{name}@{param}": (name, (Path(queries.HERE) / f"{name}.rq").read_text(encoding="utf-8"), param, column)
        for name, (param, column) in SEARCHED.items()
    }


def composed_questions() -> dict[str, tuple[str, str, str, str]]:
    """The parts of the questions of :data:`COMPOSED` by the name of their file (``QUESTION@PARAMETER~PART``):
    (question, the text the file is named and checked by — the question's and every part's: a change to any
    leaves the files unread —, the part, its key column)."""
    import queries

    out = {}
    for name, param in COMPOSED.items():
        text = composed_text(name, (Path(queries.HERE) / f"{name}.rq").read_text(encoding="utf-8"))
        for part, column in _PARTS[name][0].items():
            out[f"{name}@{param}~{part}"] = (name, text, part, column)
    return out


def composed_text(name: str, text: str) -> str:
    """What the files of a :data:`COMPOSED` question are named and checked by: its text and its parts'."""
    return "\n".join((text, *_PARTS[name][1]))


def parts(name: str, select: Any) -> dict[str, Any]:
    """The parts of a :data:`COMPOSED` question as tables, asked through ``select`` (``GraphStore.select``)."""
    if name == "communities_sharing_funder":
        return sharing_parts(select)
    if name == "link_provenance":
        return links_parts(select)
    tables = {"places": select(DONORS_PLACES), "funders": select(DONORS_FUNDERS), "evidence": select(DONORS_EVIDENCE)}
    for table in tables.values():  # in one order whatever the engine's (a store written the same way: same files)
        table.rows.sort(key=lambda row: [_any(term) for term in row])  # places, funders: unique by their 3 IRIs
    return tables


def compose(name: str, text: str, value: str, part: Any) -> Any:
    """The answer of a :data:`COMPOSED` question for one value (its N-Triples text), as :func:`decode` gives an
    answer, in no order (:func:`in_order`), or None (see :func:`compose_sharing`, :func:`compose_donors`)."""
    if name == "communities_sharing_funder":
        return compose_sharing(text, value, part)
    if name == "link_provenance":
        return compose_links(value, part)
    return compose_donors(value, part)


def links_parts(select: Any) -> dict[str, Any]:
    """The parts of link_provenance: ``links`` (entity, other, s, p, o, subject, object: each link of the relations
    whose two ends have a label, under each end, with the ends' ``MIN`` labels) and ``evidence`` (entity, s, p, o,
    evidence, document, start, end, path, line: each statement of such a relation with its sentence and file and
    its offsets, or its XPath and line, or neither, under each end), as the query's link subquery and ``OPTIONAL``
    give them."""
    triples = select(LINKS_TRIPLES)
    Table = type(triples)  # graphtool.store.Table, not imported: the store imports this module
    labels = {e: label for e, label in select(LINKS_LABELS).rows}
    links: dict[tuple[Any, ...], None] = {}
    for s, p, o in triples.rows:
        ls, lo = labels.get(s), labels.get(o)
        if ls is None or lo is None:
            continue
        links[(s, o, s, p, o, ls, lo)] = None
        links[(o, s, s, p, o, ls, lo)] = None
    del triples, labels  # each step's rows let go before the next (the flush's peak memory at 1M: this part)
    links_table = Table(["entity", "other", "s", "p", "o", "subject", "object"], [list(r) for r in links])
    del links
    _sort_rows(links_table)
    offsets: dict[Any, list[tuple[Any, Any]]] = {}
    for ev, start, end in select(LINKS_OFFSETS).rows:
        offsets.setdefault(ev, []).append((start, end))
    xpaths: dict[Any, list[tuple[Any, Any]]] = {}
    for ev, path, line in select(LINKS_XPATHS).rows:
        xpaths.setdefault(ev, []).append((path, line))
    evidence: dict[tuple[Any, ...], None] = {}
    for ev, s, p, o, sentence, document in select(LINKS_STATEMENTS).rows:
        where = [(start, end, None, None) for start, end in offsets.get(ev, ())]
        where += [(None, None, path, line) for path, line in xpaths.get(ev, ())]
        for located in where or [(None, None, None, None)]:
            for entity in (s, o):
                evidence[(entity, s, p, o, sentence, document, *located)] = None
    del offsets, xpaths
    columns = ["entity", "s", "p", "o", "evidence", "document", "start", "end", "path", "line"]
    evidence_table = Table(columns, [list(r) for r in evidence])
    del evidence
    _sort_rows(evidence_table)
    return {"links": links_table, "evidence": evidence_table}


def _sort_rows(table: Any) -> None:
    """A part's rows in one order whatever the engine's (a store written the same way: same files)."""
    table.rows.sort(key=lambda row: [_any(term) for term in row])


def compose_links(entity: str, part: Any) -> Any:
    """link_provenance's answer for one entity (its N-Triples text) with ``other`` free, from its parts (as
    :func:`compose_sharing` reads them): each link of the entity with its ends' labels and its relation's name
    (``STRAFTER(STR(?p), "#")``), joined to the evidence of its statement — sentence, file and offsets or XPath
    and line — or, with none, unbound (the query's ``OPTIONAL``); distinct rows as :func:`decode` gives an answer,
    in no order. None when a part is missing."""
    found = part("links", [entity])
    told = part("evidence", [entity])
    if found is None or told is None:
        return None
    said: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}
    for _entity, s, p, o, *rest in _rows(told[entity]):
        said.setdefault((s, p, o), []).append(tuple(rest))
    out: dict[tuple[Any, ...], None] = {}
    for me, other, s, p, o, subject, obj in _rows(found[entity]):
        relation = (STRING, p[1].partition("#")[2], None)
        for evidence, document, start, end, path, line in said.get((s, p, o), [(None,) * 6]):
            out[(subject, relation, obj, document, evidence, start, end, path, line, me, other)] = None
    variables = ["subject", "relation", "object", "document", "evidence", "start", "end", "path", "line"]
    return _table_of([*variables, "entity", "other"], list(out))


def _any(term: Any) -> tuple[str, str]:
    """A sort key of a part's cell: its text, then its language (IRIs and labels: no two terms of one text)."""
    return ("", "") if term is None else (str(term), getattr(term, "language", None) or "")


def compose_donors(community: str, part: Any) -> Any:
    """donors_in_community's answer for one community (its N-Triples text) from its parts (as
    :func:`compose_sharing` reads them): each item in the community with its place, each donor of the item with
    what it funds (their ``MIN`` labels as the engine chose them, in the parts), each funding's documents and
    sentences or, with none, unbound (the query's ``OPTIONAL``); distinct rows (``SELECT DISTINCT``) as
    :func:`decode` gives an answer, in no order. None when a part is missing."""
    places = part("places", [community])
    if places is None:
        return None
    located = _rows(places[community])  # community, item_iri, place_iri, item, place
    funders = part("funders", list(dict.fromkeys(f"<{row[1][1]}>" for row in located)))
    if funders is None:
        return None
    funded = {}
    for rows in funders.values():
        for row in _rows(rows):  # item_iri, donor_iri, funded_iri, donor, funded
            funded.setdefault(f"<{row[2][1]}>", None)
    evidence = part("evidence", list(funded))
    if evidence is None:
        return None
    told: dict[tuple[str, str], list[tuple[Any, Any]]] = {}
    for rows in evidence.values():
        for funded_iri, donor_iri, document, sentence in _rows(rows):
            told.setdefault((donor_iri[1], funded_iri[1]), []).append((document, sentence))
    out: dict[tuple[Any, ...], None] = {}
    me = (IRI, community[1:-1], None)
    by_item = {item: _rows(rows) for item, rows in funders.items()}
    for _community, item_iri, _place_iri, item, place in located:
        for _item, donor_iri, funded_iri, donor, funded_label in by_item[f"<{item_iri[1]}>"]:
            for document, sentence in told.get((donor_iri[1], funded_iri[1]), [(None, None)]):
                out[(donor, funded_label, item, place, document, sentence, me, donor_iri)] = None
    variables = ["donor", "funded", "item", "place", "document", "evidence", "community", "donor_iri"]
    return _table_of(variables, list(out))


def sharing_parts(select: Any) -> dict[str, Any]:
    """The parts of communities_sharing_funder (:data:`SHARING_PARTS`) as tables, asked through ``select``
    (``GraphStore.select``): ``shared`` is each community's items joined to the donors and programmes behind
    them, in Python, (community, shared_iri, shared) once per pair."""
    items = select(SHARING_ITEMS)
    Table = type(items)  # graphtool.store.Table, not imported: the store imports this module
    behind: dict[Any, list[list[Any]]] = {}
    for item, shared_iri, label in select(SHARING_SHARED).rows:
        behind.setdefault(item, []).append([shared_iri, label])
    rows, seen = [], set()
    for community, item in items.rows:
        for shared_iri, label in behind.get(item, ()):
            if (community, shared_iri) not in seen:
                seen.add((community, shared_iri))
                rows.append([community, shared_iri, label])
    tables = {
        "shared": Table(["community", "shared_iri", "shared"], rows),
        "reach": select(SHARING_REACH),
        "near": select(SHARING_NEAR),
    }
    asked = {row[0] for row in rows}  # a community with no items answers nothing, whatever is within it
    tables["near"].rows[:] = [row for row in tables["near"].rows if row[0] in asked]
    for table in tables.values():  # in one order whatever the engine's (a store written the same way: same files)
        table.rows.sort(key=lambda row: (str(row[0]), str(row[1])))  # two IRIs: one row per pair
    return tables


def compose_sharing(text: str, community: str, part: Any) -> Any:
    """communities_sharing_funder's answer for one community (its N-Triples text; ``text``: the question's) from
    its parts (``part(PART, values)``: ``{value: its rows as :func:`decode` gives them}``, None when not written),
    as :func:`decode` gives an answer, in no order (:func:`in_order`): the donors and programmes behind the
    community's items, the communities each reaches (the community, those within it and those it is within left
    out), grouped by community as the query's aggregates do — ``MIN`` labels as the engine chose them (in the
    parts), ``COUNT(DISTINCT)`` of the donors and programmes, ``GROUP_CONCAT(DISTINCT)`` of their labels, listed
    in code-point order as the library lists them (``graphtool.ordering.sort_concatenated``) and tagged with a
    language when all have that one, as Oxigraph does. None when a part is missing or a label is not a string."""
    found = part("shared", [community])
    near = part("near", [community])
    if found is None or near is None:
        return None
    shared = _rows(found[community])
    left_out = {row[1][1] for row in _rows(near[community])}  # IRIs (every key and value of a part is one)
    left_out.add(community[1:-1])
    reaches = part("reach", [f"<{row[1][1]}>" for row in shared])
    if reaches is None:
        return None
    groups: dict[str, tuple[Any, dict[str, Any]]] = {}
    for _community, shared_iri, label in shared:
        _variables, kinds, texts, extras, cells = reaches[f"<{shared_iri[1]}>"]
        for start in range(0, len(cells), 3):  # shared_iri, other_iri, other: terms by their index
            other_iri = texts[cells[start + 1]]
            if other_iri in left_out:
                continue
            group = groups.get(other_iri)
            if group is None:
                i = cells[start + 2]
                group = groups[other_iri] = ((kinds[i], texts[i], extras[i]), {})
            group[1][shared_iri[1]] = label
    separator = " | "
    out = []
    for other_iri, (other, labels) in groups.items():
        items = set(labels.values())  # DISTINCT terms
        if any(kind not in (STRING, TAGGED) for kind, _text, _extra in items):
            return None
        languages = {extra for _kind, _text, extra in items}
        language = languages.pop() if len(languages) == 1 else None
        joined = separator.join(sorted(separator.join(text for _kind, text, _extra in items).split(separator)))
        concat = (TAGGED, joined, language) if language else (STRING, joined, None)
        count = (TYPED, str(len(labels)), "http://www.w3.org/2001/XMLSchema#integer")
        out.append((other, count, concat, (IRI, community[1:-1], None), (IRI, other_iri, None)))
    return _table_of(["other", "shared_count", "shared_donors_and_programs", "community", "other_iri"], out)


def in_order(text: str, table: Any) -> Any:
    """``table`` (rdflib terms) in the order of ``text``'s final ``ORDER BY`` (``graphtool.ordering``), or None
    when it cannot be ordered in Python as the engine orders."""
    from graphtool.ordering import sort_rows, split_order

    split = split_order(text)
    ordered = None if split is None else sort_rows(table.variables, table.rows, split[1])
    return None if ordered is None else type(table)(table.variables, ordered)


def _rows(found: Any) -> list[list[tuple[int, str, Any] | None]]:
    """The rows of a decoded answer (:func:`decode`), each term as (kind, text, language or datatype)."""
    variables, kinds, texts, extras, cells = found
    terms: list[Any] = list(zip(kinds, texts, extras, strict=True))
    terms.append(None)  # cell -1
    width = len(variables)
    values = [terms[i] for i in cells]
    return [values[start : start + width] for start in range(0, len(values), width)]


def _table_of(variables: list[str], rows: list[Any]) -> tuple[list[str], list[int], list[str], list[Any], Any]:
    """Rows of (kind, text, extra) terms as :func:`decode` gives an answer."""
    index: dict[Any, int] = {}
    cells = array.array("i")
    for row in rows:
        for term in row:
            if term is None:
                cells.append(-1)
            else:
                found = index.get(term)
                if found is None:
                    found = index[term] = len(index)
                cells.append(found)
    terms = list(index)
    return (
        list(variables),
        [t[0] for t in terms],
        [t[1] for t in terms],
        [t[2] for t in terms],
        cells,
    )


def searched(found: Any, column: str, needle: str, value: Any) -> Any:
    """The rows of a written :data:`SEARCHED` answer (as :func:`decode` gives it) whose ``column`` contains
    ``needle`` case-folded (SPARQL's ``LCASE``: Unicode lower case, as :meth:`str.lower`), in their order, as
    :func:`decode` gives them; ``value``: (the text parameter's column, (kind, text, extra) of its term), the
    term put in that column (the written answer holds ""); the terms no kept row uses left out."""
    variables, kinds, texts, extras, cells = found
    width = len(variables)
    at = variables.index(column)
    folded = needle.lower()
    hits: dict[int, bool] = {}
    kept = array.array("i")
    for start in range(0, len(cells), width):
        term = cells[start + at]
        hit = hits.get(term)
        if hit is None:
            hit = hits[term] = term >= 0 and folded in texts[term].lower()
        if hit:
            kept.extend(cells[start : start + width])
    return _compacted(variables, kinds, texts, extras, kept, value)


def _compacted(variables, kinds, texts, extras, cells, value):
    """A decoded answer with only the terms its cells use, a column set to one term (``value``: see
    :func:`searched`)."""
    order: dict[int, int] = {}
    new_kinds: list[int] = []
    new_texts: list[str] = []
    new_extras: list[Any] = []
    out = array.array("i")
    for i in cells:
        if i < 0:
            out.append(-1)
            continue
        j = order.get(i)
        if j is None:
            j = order[i] = len(new_kinds)
            new_kinds.append(kinds[i])
            new_texts.append(texts[i])
            new_extras.append(extras[i])
        out.append(j)
    if value is not None:
        column, (kind, text, extra) = value
        new_kinds.append(kind)
        new_texts.append(text)
        new_extras.append(extra)
        for start in range(variables.index(column), len(out), len(variables)):
            out[start] = len(new_kinds) - 1
    return list(variables), new_kinds, new_texts, new_extras, out


def _key(text: str) -> str:
    """A digest of what shapes the rows: the question's text, this layout, the engine's version (the order of a
    ``GROUP_CONCAT``) and graphtool's (the sort done in Python, the terms built)."""
    import pyoxigraph

    import graphtool

    seed = f"{FORMAT}\n{pyoxigraph.__version__}\n{graphtool.__version__}\n{text}"
    return hashlib.sha256(seed.encode()).hexdigest()[:20]


def path_of(store_path: Path, name: str, text: str) -> Path:
    """The file of a question's answer in a store's folder."""
    return Path(store_path) / DIRECTORY / f"{name}-{_key(text)}{SUFFIX}"


def complete(store_path: Path, texts: dict[str, str]) -> bool:
    """True when the folder holds a file for every question's current text (the token is checked on reading)."""
    return all(path_of(store_path, name, text).is_file() for name, text in texts.items())


def encode(table: Any) -> bytes:
    """A :class:`graphtool.store.Table` of rdflib terms as the body of a file (see the module's text)."""
    return _encode(table.variables, table.rows)


def encode_keyed(table: Any, variable: str, asked: list[Any] | None = None) -> bytes:
    """A table as the body of a keyed file: the rows of each value of the column ``variable`` (its N-Triples
    text), in the table's order, encoded apart (:func:`encode`) one after the other, after a head naming where
    each value's rows are (8 bytes: the head's length, then ``marshal`` of the layout, the variables, whether
    every value is in the file, and ``{value: (offset, length)}``). ``asked``: the values the answer was asked
    for (None: every value, the parameter was free), each in the file, with no rows when it has none. Rows whose
    value is unbound are left out: no bound question reads them."""
    column = list(table.variables).index(variable)
    groups: dict[str, list[Any]] = {value.n3(): [] for value in asked or ()}
    for row in table.rows:
        if row[column] is not None:
            groups.setdefault(row[column].n3(), []).append(row)
    index: dict[str, tuple[int, int]] = {}
    bodies: list[bytes] = []
    offset = 0
    for value, rows in groups.items():
        body = _encode(table.variables, rows) if rows else b""
        index[value] = (offset, len(body))
        offset += len(body)
        bodies.append(body)
    head = marshal.dumps((FORMAT, list(table.variables), asked is None, index))
    return len(head).to_bytes(8, "little") + head + b"".join(bodies)


def _encode(variables: list[str], rows: list[list[Any]]) -> bytes:
    from rdflib import BNode, Literal, URIRef

    index: dict[Any, int] = {}
    kinds: list[int] = []
    texts: list[str] = []
    extras: list[str | None] = []
    cells = array.array("i")
    for row in rows:
        for term in row:
            if term is None:
                cells.append(-1)
                continue
            kind = type(term)
            if kind is URIRef or isinstance(term, URIRef):
                key: tuple[Any, ...] = (IRI, str(term), None)
            elif isinstance(term, Literal):
                if term.language:
                    key = (TAGGED, str(term), term.language)
                elif term.datatype is None:
                    key = (STRING, str(term), None)
                else:
                    key = (TYPED, str(term), str(term.datatype))
            elif isinstance(term, BNode):
                key = (BLANK, str(term), None)
            else:
                raise TypeError(f"cannot write the term {term!r}")
            found = index.get(key)
            if found is None:
                found = index[key] = len(kinds)
                kinds.append(key[0])
                texts.append(key[1])
                extras.append(key[2])
            cells.append(found)
    return marshal.dumps((FORMAT, list(variables), kinds, texts, extras, cells.tobytes()))


def token_of(bodies: dict[str, tuple[str, bytes]]) -> str:
    """The token of a set of answers (``name: (text, body)``): a digest of them all. Two stores that answer the
    same get the same token (a store written twice the same way is the same store); a token names one set of
    answers, so a file whose token is the store's holds the answer the store gave when the token went in."""
    digest = hashlib.sha256()
    for name in sorted(bodies):
        text, body = bodies[name]
        for part in (name.encode(), _key(text).encode(), body):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
    return digest.hexdigest()[:32]


def decode(data: bytes, token: str) -> tuple[list[str], list[int], list[str], list[Any], array.array] | None:
    """What a file holds (its token, a line, then its body): the variables, the distinct terms (kinds, texts,
    languages or datatypes) and one index per cell (-1: unbound); None when it was written with another token or
    layout. ``GraphStore.written_answer`` builds the terms and the rows."""
    head, _newline, rest = data.partition(b"\n")
    if head != token.encode():
        return None
    return _decode_body(rest)


def _decode_body(rest: bytes) -> tuple[list[str], list[int], list[str], list[Any], array.array] | None:
    try:
        body = marshal.loads(rest)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(body, tuple) or len(body) != 6 or body[0] != FORMAT:
        return None
    _fmt, variables, kinds, texts, extras, raw = body
    cells = array.array("i")
    cells.frombytes(raw)
    if not variables or len(cells) % len(variables) or len(kinds) != len(texts) or len(kinds) != len(extras):
        return None
    return list(variables), kinds, texts, extras, cells


def read(store_path: Path, name: str, text: str, token: str) -> Any:
    """The written answer of a question for the store's current token (as :func:`decode` gives it), or None (no
    file, another token)."""
    try:
        data = path_of(store_path, name, text).read_bytes()
    except OSError:
        return None
    return decode(data, token)


def read_keyed(store_path: Path, name: str, text: str, token: str, value: str) -> Any:
    """The rows of one value (its N-Triples text) of a keyed file (``QUESTION@PARAMETER``) for the store's
    current token, as :func:`decode` gives them, reading only that value's part of the file; None when there is
    no such file or it holds another token, or when the value is not in a file that does not hold every value
    (asked for the entities of the parameter's type only, :data:`BY_VALUES`). A value not in a file that holds
    every value has no rows: the question answers nothing for it."""
    found = read_keyed_many(store_path, name, text, token, [value])
    return None if found is None else found[value]


def read_keyed_many(store_path: Path, name: str, text: str, token: str, values: list[str]) -> dict[str, Any] | None:
    """:func:`read_keyed` for several values of one file, its head read once: ``{value: decoded rows}``; None as
    :func:`read_keyed` gives it for the file or for any of the values."""
    out: dict[str, Any] = {}
    try:
        with open(path_of(store_path, name, text), "rb") as f:
            if f.readline() != token.encode() + b"\n":
                return None
            size = int.from_bytes(f.read(8), "little")
            head = marshal.loads(f.read(size))
            if not isinstance(head, tuple) or len(head) != 4 or head[0] != FORMAT:
                return None
            _fmt, variables, every, index = head
            start = f.tell()
            for value in values:
                where = index.get(value)
                if where is None and not every:
                    return None
                if where is None or not where[1]:
                    out[value] = (list(variables), [], [], [], array.array("i"))
                    continue
                f.seek(start + where[0])
                found = _decode_body(f.read(where[1]))
                if found is None:
                    return None
                out[value] = found
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return out


def cost(store_path: Path) -> float | None:
    """The CPU seconds the answers took when they were last written (a hint, never a guarantee), or None."""
    try:
        return float((Path(store_path) / DIRECTORY / COST_FILE).read_text(encoding="ascii"))
    except (OSError, ValueError):
        return None


def _body(spec: tuple[Any, ...]) -> bytes:
    if isinstance(spec[1], bytes):
        return spec[1]  # written by its owner (the name index: NAMES)
    return encode(spec[1]) if len(spec) == 2 else encode_keyed(*spec[1:])


def _value_form(spec: tuple[Any, ...], body: bytes) -> bytes:
    """What the token digests of a body: a body given as bytes (the name index's :mod:`marshal` data) in marshal's
    version 2, which writes no references, so the same value gives the same bytes whatever objects it was built
    from (version 4 refers back to an object met twice: a word and its cached lemma were one object in one
    build and two in another, and two stores that hold the same got two tokens)."""
    return marshal.dumps(marshal.loads(body), 2) if isinstance(spec[1], bytes) else body


def read_names(store_path: Path, text: str, token: str) -> bytes | None:
    """The body of the name index's file (:data:`NAMES`, its layout ``text``) for the store's current token, or
    None (no file, another token or layout)."""
    try:
        data = path_of(store_path, NAMES, text).read_bytes()
    except OSError:
        return None
    head, _newline, rest = data.partition(b"\n")
    return rest if head == token.encode() else None


_PLACEHOLDER = b"0" * 32  # a token's length (token_of): a temporary file's head until every answer is in


class Writer:
    """Writes the answers one at a time, each to a temporary file as soon as it is given (:meth:`add`), so a
    flush holds one answer at a time rather than all of them; :meth:`finish` then digests the files' bodies into
    the token (:func:`token_of`, read back from the files in the order of their names), writes it at the head of
    each file, syncs it and renames it over the question's file. Until then no question's file changes: a
    process killed before (or a question that fails: :meth:`abandon`) leaves the files as they were and
    temporary files that no reader opens and the next write removes. The files are byte for byte those
    :func:`write` wrote when it held every answer."""

    def __init__(self, store_path: Path) -> None:
        self.store_path = Path(store_path)
        self.folder = self.store_path / DIRECTORY
        self.folder.mkdir(exist_ok=True)
        self._pending: dict[str, tuple[str, str, bool]] = {}  # name: (text, temporary file, a body given as bytes)

    def add(self, name: str, spec: tuple[Any, ...]) -> None:
        """Write one answer (a :func:`write` spec) to a temporary file, its head a placeholder for the token."""
        body = _body(spec)
        fd, temporary = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as out:
                os.fchmod(out.fileno(), 0o644)  # readable as the store's own files are (mkstemp makes it 0600)
                out.write(_PLACEHOLDER + b"\n")
                out.write(body)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        previous = self._pending.pop(name, None)  # given twice: the last one, as a dict of them keeps it
        if previous is not None:
            Path(previous[1]).unlink(missing_ok=True)
        self._pending[name] = (spec[0], temporary, isinstance(spec[1], bytes))

    def _token(self) -> str:
        digest = hashlib.sha256()
        for name in sorted(self._pending):
            text, temporary, given = self._pending[name]
            for part in (name.encode(), _key(text).encode()):
                digest.update(len(part).to_bytes(8, "little"))
                digest.update(part)
            with open(temporary, "rb") as f:
                f.seek(len(_PLACEHOLDER) + 1)
                if given:  # the name index: digested in its value form (_value_form)
                    body = marshal.dumps(marshal.loads(f.read()), 2)
                    digest.update(len(body).to_bytes(8, "little"))
                    digest.update(body)
                    del body
                    continue
                digest.update((os.fstat(f.fileno()).st_size - len(_PLACEHOLDER) - 1).to_bytes(8, "little"))
                while chunk := f.read(1 << 20):
                    digest.update(chunk)
        return digest.hexdigest()[:32]

    def finish(self, seconds: float | None = None) -> str:
        """Put the token in each file and rename it over the question's file, then remove the folder's other
        files (older texts, questions no longer written, temporary files a killed process left) and note the CPU
        ``seconds`` the answers took (:func:`cost`); returns the token, for the store."""
        try:
            token = self._token()
            kept = set()
            for name, (text, temporary, _given) in list(self._pending.items()):
                target = path_of(self.store_path, name, text)
                with open(temporary, "r+b") as out:
                    out.write(token.encode())
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(temporary, target)
                del self._pending[name]
                kept.add(target.name)
        except BaseException:
            self.abandon()
            raise
        for other in self.folder.iterdir():
            if other.name not in kept:
                other.unlink(missing_ok=True)
        if seconds is not None:
            (self.folder / COST_FILE).write_text(f"{seconds:.3f}", encoding="ascii")
        return token

    def abandon(self) -> None:
        """Remove the temporary files not renamed yet (the question's files stay as they were)."""
        for _text, temporary, _given in self._pending.values():
            Path(temporary).unlink(missing_ok=True)
        self._pending.clear()


def write(store_path: Path, tables: dict[str, tuple[Any, ...]], seconds: float | None = None) -> str:
    """Write each question's answer (``name: (text, table)``, or ``(text, table, parameter, asked)`` for a keyed
    file named ``QUESTION@PARAMETER``: :func:`encode_keyed`; ``(text, bytes)``: a body as it is, the name index)
    to its file atomically (a temporary file renamed
    over it), then remove the folder's other files (older texts, questions no longer written) and note the CPU
    ``seconds`` they took (:func:`cost`); returns the token the files hold (:func:`token_of`), for the store.
    A :class:`Writer` given the answers one at a time writes the same files."""
    writer = Writer(store_path)
    try:
        for name, spec in tables.items():
            writer.add(name, spec)
    except BaseException:
        writer.abandon()
        raise
    return writer.finish(seconds)
