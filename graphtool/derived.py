"""The derived graph: counts, reach links and first lines written at build time for the questions that aggregate.

Some library questions aggregate over the whole store (every donor's communities, every document's
mentions); counting them at each question cost 120-600 ms at a million triples (bench/RESULTS.md,
issue 12). These aggregates change only when documents do, so the store computes them when it is
written and keeps them in one named graph, :data:`DERIVED_GRAPH`, copied into the default-graph
index like any graph (``GraphStore.refresh_derived``, called at the end of every build, removal and
bulk load). The queries read the stored numbers; a push carries the graph like a document's, so a
remote server's union answers the same. Each ``CONSTRUCT`` below is the aggregate its query ran
before, unchanged, so the rows are the same (docs/store-layout.md).

Imports nothing from graphtool: the store calls it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DERIVED_GRAPH = "https://w3id.org/graphtool/id/graph/derived"

# donors_ranked: what each donor reaches (what it funds and everything gt:includedIn that), counted
_DONOR_COUNTS = """CONSTRUCT { ?donor gt:fundedCommunityCount ?nc ; gt:fundedProgramCount ?np ; gt:fundedProjectCount ?nj }
WHERE {
  { SELECT ?donor (COUNT(DISTINCT ?community) AS ?nc) (COUNT(DISTINCT ?program) AS ?np)
           (COUNT(DISTINCT ?project) AS ?nj) WHERE {
      { SELECT DISTINCT ?donor ?item WHERE { # keys
          { ?donor gt:funds ?item } UNION { ?donor gt:funds ?funded . ?item gt:includedIn ?funded } } }
      OPTIONAL { ?item a gt:Project BIND(?item AS ?project) }
      OPTIONAL { ?item a gt:Program BIND(?item AS ?program) }
      OPTIONAL { ?item gt:locatedIn ?community FILTER EXISTS { ?community a gt:Community } }
    } GROUP BY ?donor }
  FILTER EXISTS { ?donor a gt:Donor }
}"""

# programs_by_communities: what each program reaches (itself and everything gt:includedIn it), counted
_PROGRAM_COUNTS = """CONSTRUCT { ?program gt:programCommunityCount ?nc ; gt:programProjectCount ?nj }
WHERE {
  SELECT ?program (COUNT(DISTINCT ?community) AS ?nc) (COUNT(DISTINCT ?project) AS ?nj) WHERE {
    { SELECT DISTINCT ?program ?item WHERE { # keys
        { ?program a gt:Program BIND(?program AS ?item) }
        UNION { ?program a gt:Program . ?item gt:includedIn ?program } } }
    OPTIONAL { ?item a gt:Project BIND(?item AS ?project) }
    OPTIONAL { ?item gt:locatedIn ?community FILTER EXISTS { ?community a gt:Community } }
  } GROUP BY ?program
}"""

# programs_by_communities, donors_cofunding: the donors of each program, directly or through its parts
_FUNDS_WITHIN = """CONSTRUCT { ?donor gt:fundsWithin ?program }
WHERE { SELECT DISTINCT ?program ?donor WHERE { # keys
  ?program a gt:Program .
  { ?donor gt:funds ?program } UNION { ?item gt:includedIn ?program . ?donor gt:funds ?item } } }"""

# partner_countries_ranked: the partner cities of Ukrainian communities, by country, and their counts
_COUNTRY_COUNTS = """CONSTRUCT { ?country gt:partnerCityCount ?n_cities ; gt:partnerCommunityCount ?n_communities }
WHERE { SELECT ?country (COUNT(DISTINCT ?city) AS ?n_cities) (COUNT(DISTINCT ?community) AS ?n_communities) WHERE { # keys
  ?city gt:inCountry ?country .
  { ?city gt:partnerOf ?community } UNION { ?community gt:partnerOf ?city }
  FILTER EXISTS { ?community a gt:Community }
  FILTER EXISTS { ?city skos:prefLabel ?label FILTER(lang(?label) != "en") } } GROUP BY ?country }"""
_COUNTRY_CITIES = """CONSTRUCT { ?country gt:hasPartnerCity ?city }
WHERE { SELECT DISTINCT ?country ?city WHERE { # keys
  ?city gt:inCountry ?country .
  { ?city gt:partnerOf ?community } UNION { ?community gt:partnerOf ?city }
  FILTER EXISTS { ?community a gt:Community }
  FILTER EXISTS { ?city skos:prefLabel ?label FILTER(lang(?label) != "en") } } }"""

# documents_overview: entities each document mentions, and its evidence nodes
_DOCUMENT_ENTITIES = """CONSTRUCT { ?document gt:mentionedEntityCount ?n }
WHERE { SELECT ?document (COUNT(DISTINCT ?entity) AS ?n) WHERE { # keys
  ?entity gt:mentionedIn ?document } GROUP BY ?document }"""
_DOCUMENT_EVIDENCE = """CONSTRUCT { ?document gt:evidenceCount ?n }
WHERE { SELECT ?document (COUNT(DISTINCT ?ev) AS ?n) WHERE { # keys
  ?ev a gt:Evidence ; prov:wasDerivedFrom ?document } GROUP BY ?document }"""

# document_lines (a report's title for each document it quotes): each document's earliest sentence, the least
# offset written with ten digits, a space and the sentence (least offset, then least sentence), as the report
# picked it at each question by reading every sentence of the document (1.2 s of a 1M community report)
_DOCUMENT_FIRST_LINE = """CONSTRUCT { ?document gt:firstLine ?first }
WHERE { SELECT ?document (MIN(CONCAT(SUBSTR(CONCAT("0000000000", STR(?start)), STRLEN(STR(?start)) + 1), " ", STR(?sentence)))
                          AS ?first) WHERE { # keys
  ?x prov:wasDerivedFrom ?document ; gt:sentence ?sentence ; gt:startOffset ?start } GROUP BY ?document }"""

# projects_without_donor: the donors of each project, directly or through what it is gt:includedIn
# (every project gets one, 0 included, so the question reads the zeros from the index of objects)
_PROJECT_DONORS = """CONSTRUCT { ?project gt:donorCount ?n }
WHERE { SELECT ?project (COUNT(DISTINCT ?donor) AS ?n) WHERE { # keys
  ?project a gt:Project .
  OPTIONAL { { ?donor gt:funds ?project } UNION { ?project gt:includedIn ?funded . ?donor gt:funds ?funded } }
} GROUP BY ?project }"""

CONSTRUCTS = (
    _DONOR_COUNTS,
    _PROGRAM_COUNTS,
    _FUNDS_WITHIN,
    _COUNTRY_COUNTS,
    _COUNTRY_CITIES,
    _DOCUMENT_ENTITIES,
    _DOCUMENT_EVIDENCE,
    _DOCUMENT_FIRST_LINE,
    _PROJECT_DONORS,
)

# where a keyed recomputation puts the keys: a comment, so the full text runs unchanged (GraphStore.refresh_derived
# puts a sub-query there with one VALUES row per key, the only place the keys enter: in every group that names
# the variable, as graphtool.terms.bind_values puts them, Oxigraph joined an OPTIONAL's whole store with them)
KEYS_MARK = "# keys\n"

# the predicates only the derived graph writes (gt: local names)
PREDICATES = (
    "fundedCommunityCount",
    "fundedProgramCount",
    "fundedProjectCount",
    "programCommunityCount",
    "programProjectCount",
    "fundsWithin",
    "partnerCityCount",
    "partnerCommunityCount",
    "hasPartnerCity",
    "mentionedEntityCount",
    "evidenceCount",
    "firstLine",
    "donorCount",
)


def derived_triples(engine: Any, *, union: bool, prefixes: dict[str, str]) -> list[str]:
    """The derived graph's triples as N-Triples lines, computed on a ``pyoxigraph.Store``.

    ``union`` reads the union of the named graphs (a store without a default-graph index); the derived
    graph's own triples never feed a ``CONSTRUCT`` (none reads a predicate of :data:`PREDICATES`).
    """
    return [f"{t.subject} {t.predicate} {t.object} ." for t in derived_terms(engine, union=union, prefixes=prefixes)]


def derived_terms(engine: Any, *, union: bool, prefixes: dict[str, str]) -> list[Any]:
    """The derived graph's triples as ``pyoxigraph.Triple`` objects (see :func:`derived_triples`)."""
    triples: list[Any] = []
    for text in CONSTRUCTS:
        triples.extend(engine.query(text, use_default_graph_as_union=union, prefixes=prefixes))
    return triples


# ------------------------------------------------------------------ keyed recomputation
#
# Each CONSTRUCT above gives one row (a few triples) per key: a donor, a programme, a country, a document
# or a project. A row depends only on the triples that some match of its pattern, for that key, uses;
# every pattern is monotone (no negation), so when documents change, a row can differ only if a triple
# that entered or left the union takes part in a match of it, before the change or after it. The
# finders below name those keys: given the changed document graphs (``?g``), every key whose pattern
# matches, in the store as it is, through a triple of those graphs at any position. The store runs
# them on the graphs it is about to remove (before removing them) and on the graphs it wrote (at the
# next refresh), then recomputes the CONSTRUCTs with ``VALUES`` over the keys found and replaces just
# those rows (GraphStore.refresh_derived). A finder may name a key whose row did not change (the
# recompute then gives the stored row again); it never misses one whose row did.
#
# Two kinds of triple are stated by most documents (a community's type; a donor funding a programme)
# and reach far (every item in the community; every project of the programme): those take part only
# when they entered or left the union, which the store checks triple by triple against the graphs
# that did not change (the ``?c`` and ``?f`` finders), instead of every time a document names them.


@dataclass(frozen=True)
class KeyClass:
    """The keys of some CONSTRUCTs: the variable they group by, the derived predicates of their rows
    (``object_predicates``: rows whose key is the object), and the finders that name the keys a change
    reaches (``graphs`` bound to ``?g``; ``communities`` to ``?c``, ``funded`` to ``?f``: see above)."""

    name: str
    variable: str
    constructs: tuple[str, ...]
    subject_predicates: tuple[str, ...]
    object_predicates: tuple[str, ...]
    graphs: str
    communities: str | None = None
    funded: str | None = None


# what an item (a project, a programme, anything funded or included) is reached by: its donors
_DONORS_OF_ITEM = "{ ?key gt:funds ?x } UNION { ?x gt:includedIn ?f0 . ?key gt:funds ?f0 }"

KEY_CLASSES = (
    KeyClass(
        "donor",
        "donor",
        (_DONOR_COUNTS,),
        ("fundedCommunityCount", "fundedProgramCount", "fundedProjectCount"),
        (),
        graphs=f"""SELECT DISTINCT ?key WHERE {{
  {{ GRAPH ?g {{ ?key gt:funds ?y }} }}
  UNION {{ GRAPH ?g {{ ?key a gt:Donor }} }}
  UNION {{ GRAPH ?g {{ ?x gt:includedIn ?f }} ?key gt:funds ?f }}
  UNION {{ GRAPH ?g {{ ?x a gt:Project }} {_DONORS_OF_ITEM} }}
  UNION {{ GRAPH ?g {{ ?x a gt:Program }} {_DONORS_OF_ITEM} }}
  UNION {{ GRAPH ?g {{ ?x gt:locatedIn ?l }} {_DONORS_OF_ITEM} }}
}}""",
        communities=f"SELECT DISTINCT ?key WHERE {{ ?x gt:locatedIn ?c . {_DONORS_OF_ITEM} }}",
    ),
    KeyClass(
        "program",
        "program",
        (_PROGRAM_COUNTS, _FUNDS_WITHIN),
        ("programCommunityCount", "programProjectCount"),
        ("fundsWithin",),
        graphs="""SELECT DISTINCT ?key WHERE {
  { GRAPH ?g { ?key a gt:Program } }
  UNION { GRAPH ?g { ?x gt:includedIn ?key } ?key a gt:Program }
  UNION { GRAPH ?g { ?d gt:funds ?key } ?key a gt:Program }
  UNION { GRAPH ?g { ?d gt:funds ?i } ?i gt:includedIn ?key . ?key a gt:Program }
  UNION { GRAPH ?g { ?key a gt:Project } ?key a gt:Program }
  UNION { GRAPH ?g { ?x a gt:Project } ?x gt:includedIn ?key . ?key a gt:Program }
  UNION { GRAPH ?g { ?key gt:locatedIn ?l } ?key a gt:Program }
  UNION { GRAPH ?g { ?x gt:locatedIn ?l } ?x gt:includedIn ?key . ?key a gt:Program }
}""",
        communities="""SELECT DISTINCT ?key WHERE {
  { ?key gt:locatedIn ?c . ?key a gt:Program } UNION { ?x gt:locatedIn ?c . ?x gt:includedIn ?key . ?key a gt:Program } }""",
    ),
    KeyClass(
        "country",
        "country",
        (_COUNTRY_COUNTS, _COUNTRY_CITIES),
        ("partnerCityCount", "partnerCommunityCount", "hasPartnerCity"),
        (),
        graphs="""SELECT DISTINCT ?key WHERE {
  { GRAPH ?g { ?city gt:inCountry ?key } }
  UNION { GRAPH ?g { ?a gt:partnerOf ?b } ?a gt:inCountry ?key }
  UNION { GRAPH ?g { ?a gt:partnerOf ?b } ?b gt:inCountry ?key }
  UNION { GRAPH ?g { ?city skos:prefLabel ?label } ?city gt:inCountry ?key }
}""",
        communities="""SELECT DISTINCT ?key WHERE {
  { ?city gt:partnerOf ?c } UNION { ?c gt:partnerOf ?city } ?city gt:inCountry ?key }""",
    ),
    KeyClass(
        "document",
        "document",
        (_DOCUMENT_ENTITIES, _DOCUMENT_EVIDENCE, _DOCUMENT_FIRST_LINE),
        ("mentionedEntityCount", "evidenceCount", "firstLine"),
        (),
        graphs="""SELECT DISTINCT ?key WHERE {
  { GRAPH ?g { ?e gt:mentionedIn ?key } }
  UNION { GRAPH ?g { ?ev prov:wasDerivedFrom ?key } }
  UNION { GRAPH ?g { ?ev a gt:Evidence } ?ev prov:wasDerivedFrom ?key }
  UNION { GRAPH ?g { ?ev gt:sentence ?sentence } ?ev prov:wasDerivedFrom ?key }
  UNION { GRAPH ?g { ?ev gt:startOffset ?start } ?ev prov:wasDerivedFrom ?key }
}""",
    ),
    KeyClass(
        "project",
        "project",
        (_PROJECT_DONORS,),
        ("donorCount",),
        (),
        graphs="""SELECT DISTINCT ?key WHERE {
  { GRAPH ?g { ?key a gt:Project } }
  UNION { GRAPH ?g { ?d gt:funds ?key } ?key a gt:Project }
  UNION { GRAPH ?g { ?key gt:includedIn ?f } ?key a gt:Project }
}""",
        funded="SELECT DISTINCT ?key WHERE { ?key gt:includedIn ?f . ?key a gt:Project }",
    ),
)

# the far-reaching triples of the changed graphs, checked one by one (see above)
CHANGED_COMMUNITIES = "SELECT DISTINCT ?c WHERE { GRAPH ?g { ?c a gt:Community } }"
CHANGED_FUNDING = "SELECT DISTINCT ?d ?f WHERE { GRAPH ?g { ?d gt:funds ?f } }"
