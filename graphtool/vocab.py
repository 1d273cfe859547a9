"""Typed vocabulary terms: a misspelt term raises at import (``_fail = True``).

The ontology itself is ``ontology/graphtool.ttl``; ``tests/test_ontology.py`` checks that every
term here is declared there and the other way round.
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from graphtool.iri import BASE
from graphtool.iri import ID as _ID

ID = Namespace(_ID)


class GT(DefinedNamespace):
    """The graphtool ontology."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Donor: URIRef
    Program: URIRef
    Project: URIRef
    Community: URIRef
    PartnerCity: URIRef
    Organization: URIRef
    Country: URIRef
    Document: URIRef
    Plan: URIRef
    StrategicGoal: URIRef
    OperationalGoal: URIRef
    Task: URIRef
    Measure: URIRef
    FundingSource: URIRef
    Evidence: URIRef
    Mention: URIRef
    Sector: URIRef
    Region: URIRef
    MoneyFlow: URIRef
    Allocation: URIRef

    # relations between things
    funds: URIRef
    implements: URIRef
    partOf: URIRef
    locatedIn: URIRef
    partnerOf: URIRef
    inCountry: URIRef
    responsibleExecutor: URIRef
    fundingSource: URIRef
    planOf: URIRef
    extends: URIRef
    accountableFor: URIRef
    reports: URIRef
    recipientCountry: URIRef
    recipientRegion: URIRef
    sector: URIRef

    # money flows and allocations (IATI)
    flowOf: URIRef
    provider: URIRef
    receiver: URIRef
    flowKind: URIRef
    flowCode: URIRef
    amount: URIRef
    currency: URIRef
    valueDate: URIRef
    transactionDate: URIRef
    periodStart: URIRef
    periodEnd: URIRef
    allocationOf: URIRef
    allocatedTo: URIRef
    percentage: URIRef

    # typed values about activities (IATI)
    iatiIdentifier: URIRef
    title: URIRef
    description: URIRef
    activityStatus: URIRef
    statusLabel: URIRef
    plannedStart: URIRef
    actualStart: URIRef
    plannedEnd: URIRef
    actualEnd: URIRef
    defaultCurrency: URIRef

    # closures written out for reading (not relations of the JSONL contract)
    within: URIRef
    includedIn: URIRef

    # identifiers and attributes
    katottg: URIRef
    geonamesId: URIRef
    iso3166: URIRef
    wikidata: URIRef
    iatiId: URIRef
    code: URIRef
    category: URIRef

    # provenance
    mentionedIn: URIRef
    mentionOf: URIRef
    sentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    partnershipStatus: URIRef
    xpath: URIRef
    line: URIRef
    fileName: URIRef
    sha256: URIRef
    loader: URIRef
    loaderVersion: URIRef


GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")

# Entity type names used by loaders and the JSONL contract -> ontology classes.
ENTITY_CLASSES: dict[str, URIRef] = {
    name: GT[name]
    for name in (
        "Donor",
        "Program",
        "Project",
        "Community",
        "PartnerCity",
        "Organization",
        "Country",
        "Plan",
        "StrategicGoal",
        "OperationalGoal",
        "Task",
        "Measure",
        "FundingSource",
        "Sector",
        "Region",
    )
}
RELATION_PROPERTIES: dict[str, URIRef] = {
    name: GT[name]
    for name in (
        "funds",
        "implements",
        "partOf",
        "locatedIn",
        "partnerOf",
        "inCountry",
        "responsibleExecutor",
        "fundingSource",
        "planOf",
        "extends",
        "accountableFor",
        "reports",
        "recipientCountry",
        "recipientRegion",
        "sector",
    )
}
IDENTIFIER_PROPERTIES: dict[str, URIRef] = {
    "katottg": GT.katottg,
    "geonames": GT.geonamesId,
    "iso3166": GT.iso3166,
    "wikidata": GT.wikidata,
    "iati": GT.iatiId,
    "code": GT.code,
}
