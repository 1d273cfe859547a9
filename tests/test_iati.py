"""IATI loader: schema-valid fixtures (2.03 and 1.05), linking, money, evidence, hostile XML, queries."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from loaders import pick_loader
from loaders.base import LoaderError
from loaders.iati import LOADER, codelists, oblast_names_in

HERE = Path(__file__).parent
CASES = HERE / "cases" / "iati"
FIXTURE = CASES / "activities_2_03" / "input.xml"
FIXTURE_1 = CASES / "activities_1_05" / "input.xml"
SHARED = HERE.parent.parent / "shared"
SPECS = SHARED / "specs" / "iati-2.03"
REAL = sorted((SHARED / "corpus" / "iati").glob("*.xml")) if (SHARED / "corpus" / "iati").is_dir() else []


def summary(ex) -> dict:
    """What a golden case compares: entities (type, label), relations, money and allocations."""
    return {
        "entities": sorted(f"{e.key} {e.type} {e.label}" for e in ex.entities.values()),
        "mentioned": sorted(e.key for e in ex.entities.values() if e.mentions),
        "relations": sorted(f"{r.subject} {r.predicate} {r.object}" for r in ex.relations),
        "flows": sorted(
            f"{f.activity} {f.kind} {f.amount} {f.currency} {f.date or f.period_start} "
            f"{f.provider or '-'} -> {f.receiver or '-'}"
            for f in ex.flows
        ),
        "allocations": sorted(f"{a.activity} {a.target} {a.percentage}" for a in ex.allocations),
        "values": sorted(f"{v.subject} {v.property} {v.value[:60]}@{v.lang or ''}" for v in ex.values),
    }


@pytest.fixture(scope="module")
def fixture_extraction():
    return LOADER.load(FIXTURE)


# ---------------------------------------------------------------- golden cases


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_golden_case(case):
    got = summary(LOADER.load(CASES / case / "input.xml"))
    expected = json.loads((CASES / case / "expected.json").read_text(encoding="utf-8"))
    for part in expected:
        assert got[part] == expected[part], f"{case}: {part} differs"


@pytest.mark.skipif(not SPECS.is_dir(), reason="IATI 2.03 schema not present")
def test_fixture_is_valid_iati_2_03():
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(SPECS / "iati-activities-schema.xsd")))
    doc = etree.parse(str(FIXTURE))
    assert schema.validate(doc), schema.error_log


# ---------------------------------------------------------------- what is read


def test_activity_titles_languages_status_and_dates(fixture_extraction):
    ex = fixture_extraction
    prog = ex.entities["iati:XM-DAC-41114-PROJECT-00099001"]
    assert prog.type == "Program"  # it has a child activity
    assert prog.label == "Програма відновлення місцевого врядування"
    assert prog.label_en == "Local Governance Recovery Programme"
    values = {(v.property, v.lang): v for v in ex.values if v.subject == prog.key}
    assert values[("title", "uk")].value == "Програма відновлення місцевого врядування"
    assert values[("description", "en")].value.startswith("Supports hromadas")
    assert values[("activityStatus", None)].value == "2"
    assert values[("statusLabel", "uk")].value == "Виконується"
    assert values[("plannedStart", None)].value == "2022-01-01" and values[("plannedStart", None)].datatype == "date"
    assert values[("actualStart", None)].value == "2022-02-15"
    child = ex.entities["iati:XM-DAC-41114-OUTPUT-00099002"]
    assert child.type == "Project"
    assert ("iati:XM-DAC-41114-OUTPUT-00099002", "partOf", prog.key) in {
        (r.subject, r.predicate, r.object) for r in ex.relations
    }


def test_roles_and_registry_linking(fixture_extraction):
    rels = {(r.subject, r.predicate, r.object) for r in fixture_extraction.relations}
    usaid_act = "iati:US-GOV-1-72012122CA00003"
    # "USAID - U.S. Agency for International Development" is the registry's USAID, funder and extending
    assert ("donor:usaid", "funds", usaid_act) in rels
    assert ("donor:usaid", "extends", usaid_act) in rels
    assert ("donor:usaid", "reports", usaid_act) in rels
    assert ("donor:tetra_tech", "implements", usaid_act) in rels  # "Tetra Tech ARD" is an alias
    # by IATI organisation id alone (XM-DAC-41114 is UNDP's): accountable and implementing
    assert ("donor:undp", "accountableFor", "iati:XM-DAC-41114-PROJECT-00099001") in rels
    assert ("donor:undp", "implements", "iati:XM-DAC-41114-PROJECT-00099001") in rels
    assert ("donor:gov_japan", "funds", "iati:XM-DAC-41114-PROJECT-00099001") in rels
    # unknown organisation: keyed by its IATI id, which it keeps as identifier
    vodokanal = fixture_extraction.entities["org:ua-edr-00000000"]
    assert vodokanal.identifiers == {"iati": "UA-EDR-00000000"} and vodokanal.type == "Organization"
    usaid = [e for e in fixture_extraction.entities.values() if "USAID" in e.names or "USAID" in e.label]
    assert [e.key for e in usaid] == ["donor:usaid"]  # never a second USAID


def test_a_country_name_as_funder_is_its_government(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "<narrative>Government of Japan</narrative>", "<narrative>Japan</narrative>"
    )
    p = tmp_path / "japan.xml"
    p.write_text(text, encoding="utf-8")
    ex = LOADER.load(p)
    assert ("donor:gov_japan", "funds", "iati:XM-DAC-41114-PROJECT-00099001") in {
        (r.subject, r.predicate, r.object) for r in ex.relations
    }
    assert "Japan" in ex.entities["donor:gov_japan"].names


def test_an_unknown_organisation_with_and_without_its_id_is_one_node(fixture_extraction):
    # "Vodokanal Municipal Enterprise" comes with ref UA-EDR-00000000 and "Tetra Tech ARD" without one:
    # a transaction naming Vodokanal without the ref still reaches the same node
    keys = {k for k, e in fixture_extraction.entities.items() if "Vodokanal Municipal Enterprise" in e.names}
    assert keys == {"org:ua-edr-00000000"}
    text = FIXTURE.read_text(encoding="utf-8").replace(
        '<receiver-org ref="UA-EDR-00000000" type="22"><narrative>Vodokanal',
        '<receiver-org type="22"><narrative>Vodokanal',
    )
    assert text != FIXTURE.read_text(encoding="utf-8")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "noref.xml"
        p.write_text(text, encoding="utf-8")
        ex = LOADER.load(p)
    receivers = {f.receiver for f in ex.flows if f.activity.endswith("OUTPUT-00099002")}
    assert receivers == {"org:ua-edr-00000000"}


def test_only_activities_funders_and_implementers_count_as_mentioned(fixture_extraction):
    mentioned = {k for k, e in fixture_extraction.entities.items() if e.mentions}
    assert mentioned == {
        "iati:XM-DAC-41114-PROJECT-00099001",
        "iati:XM-DAC-41114-OUTPUT-00099002",
        "iati:US-GOV-1-72012122CA00003",
        "donor:gov_japan",
        "donor:undp",
        "org:ua-edr-00000000",
        "donor:usaid",
        "donor:tetra_tech",
    }


def test_geography_countries_regions_and_ukrainian_places(fixture_extraction):
    ex = fixture_extraction
    rels = {(r.subject, r.predicate, r.object) for r in ex.relations}
    water = "iati:XM-DAC-41114-OUTPUT-00099002"
    assert (water, "locatedIn", "katottg:UA63120270010096107") in rels  # <name>Kharkiv</name>: the city
    assert (water, "locatedIn", "katottg:UA44120110010072887") in rels  # KATOTTG code: Sievierodonetsk
    assert (water, "locatedIn", "katottg:UA44000000000018893") in rels  # ISO 3166-2 UA-09: Luhansk oblast
    assert ("katottg:UA63120000000091135", "locatedIn", "katottg:UA63000000000041885") in rels  # codifier chain
    prog = "iati:XM-DAC-41114-PROJECT-00099001"
    assert (prog, "locatedIn", "katottg:UA14000000000091971") in rels  # "Donetsk and Luhansk Oblasts"
    # the place is reference data: its evidence (the element) is on an Allocation, not a Mention
    where = {(a.activity, a.target): a.evidence for a in ex.allocations}
    assert where[(water, "katottg:UA44120110010072887")].path == "/iati-activities/iati-activity[2]/location[2]"
    assert where[(prog, "katottg:UA14000000000091971")].path.endswith("/description[1]")
    assert not ex.entities["katottg:UA14000000000091971"].mentions
    usaid_act = "iati:US-GOV-1-72012122CA00003"
    assert (usaid_act, "recipientRegion", "region:dac-89") in rels
    shares = {(a.activity, a.target): a.percentage for a in ex.allocations}
    assert shares[(usaid_act, "country:UA")] == "80" and shares[(usaid_act, "region:dac-89")] == "20"
    assert ex.entities["country:UA"].label == "Україна"
    assert ex.entities["region:dac-89"].label_en == "Europe, regional"


def test_links_with_evidence_are_between_things_found_in_the_file(fixture_extraction, tmp_path):
    ex = fixture_extraction
    for r in ex.relations:
        if r.evidence and r.predicate in ("funds", "implements", "partOf", "locatedIn"):
            assert ex.entities[r.subject].mentions and ex.entities[r.object].mentions, (
                r.subject,
                r.predicate,
                r.object,
            )
    # a parent known only by its identifier: the link is kept, without an evidence node
    text = FIXTURE.read_text(encoding="utf-8").replace(
        '<related-activity ref="XM-DAC-41114-PROJECT-00099001" type="1"/>',
        '<related-activity ref="XM-DAC-41114-PROJECT-00012345" type="1"/>',
    )
    p = tmp_path / "orphan.xml"
    p.write_text(text, encoding="utf-8")
    other = LOADER.load(p)
    rel = next(r for r in other.relations if r.object == "iati:XM-DAC-41114-PROJECT-00012345")
    assert rel.predicate == "partOf" and rel.evidence == []
    assert other.entities[rel.object].type == "Program" and not other.entities[rel.object].mentions


def test_sectors_are_concepts_with_labels_and_categories(fixture_extraction):
    ents = fixture_extraction.entities
    s = ents["sector:dac-15112"]
    assert (s.type, s.label, s.label_en) == (
        "Sector",
        "Децентралізація та підтримка місцевого самоврядування",
        "Decentralisation and support to subnational government",
    )
    assert s.attributes["broader"] == "sector:dac3-151" and ents["sector:dac3-151"].label_en.startswith("Government")
    assert ents["sector:dac-15199"].label == "Other government support (publisher's words)"  # not in the codelist
    assert ents["sector:dac3-231"].label_en == "Energy Policy"  # vocabulary 2: a 3-digit category


def test_codelists_have_both_languages_and_sector_categories_exist():
    lists = codelists()
    for name, rows in lists.items():
        for code, row in rows.items():
            assert row.label_en and row.label_uk, (name, code)
    for code, row in lists["Sector"].items():
        assert row.broader == code[:3] and row.broader in lists["SectorCategory"], code


def test_money_keeps_amount_currency_and_dates(fixture_extraction):
    flows = {f.id: f for f in fixture_extraction.flows}
    jpy = flows["/iati-activities/iati-activity[1]/transaction[1]"]
    assert (jpy.kind, jpy.amount, jpy.currency, jpy.value_date) == (
        "incoming-commitment",
        "200000000",
        "JPY",
        "2022-01-20",
    )
    assert (jpy.provider, jpy.receiver) == ("donor:gov_japan", "donor:undp")
    dis = flows["/iati-activities/iati-activity[2]/transaction[2]"]
    assert (dis.kind, dis.amount, dis.currency) == ("disbursement", "125000.50", "USD")  # default-currency
    budget = flows["/iati-activities/iati-activity[1]/budget[1]"]
    assert (budget.kind, budget.period_start, budget.period_end) == ("budget", "2022-01-01", "2022-12-31")
    planned = flows["/iati-activities/iati-activity[3]/planned-disbursement[1]"]
    assert planned.kind == "planned-disbursement" and planned.amount == "3000000"
    assert budget.evidence.line == 35 and budget.evidence.path.endswith("/budget[1]")


def test_evidence_names_element_path_and_line(fixture_extraction):
    rel = next(r for r in fixture_extraction.relations if r.predicate == "funds" and r.subject == "donor:gov_japan")
    ev = rel.evidence[0]
    assert ev.path == "/iati-activities/iati-activity[1]/participating-org[2]"
    assert ev.line == 20 and "Government of Japan" in ev.sentence
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    assert "participating-org" in lines[ev.line - 1]


def test_iati_1_05_roles_words_and_transaction_letters():
    ex = LOADER.load(FIXTURE_1)
    act = "iati:SE-0-SE-6-5402010101-UKR-15150"
    rels = {(r.subject, r.predicate, r.object) for r in ex.relations}
    assert ("donor:sida", "funds", act) in rels
    assert ("org:ukrainian-civic-network", "implements", act) in rels
    assert (act, "locatedIn", "katottg:UA46060250010015970") in rels  # <name>Lviv</name>
    e = ex.entities[act]
    assert e.label == "Підтримка громадянського суспільства у Львові" and e.label_en == "Civil society support in Lviv"
    kinds = sorted((f.kind, f.currency) for f in ex.flows)
    assert kinds == [("commitment", "EUR"), ("disbursement", "SEK")]


def test_a_point_names_the_city_there_but_not_a_country_centroid(tmp_path):
    loc = (
        '<location ref="p"><name><narrative>{name}</narrative></name>{extra}'
        '<point srsName="http://www.opengis.net/def/crs/EPSG/0/4326"><pos>{pos}</pos></point></location>'
    )
    text = FIXTURE.read_text(encoding="utf-8")
    anchor = '<sector vocabulary="1" code="14030" percentage="100"/>'
    cases = {
        "lviv.xml": (loc.format(name="Pumping station no. 2", extra="", pos="49.8397 24.0297"), True),
        "centroid.xml": (loc.format(name="Ukraine", extra="", pos="49.0 32.0"), False),
        "approx.xml": (loc.format(name="Site", extra='<exactness code="2"/>', pos="49.0 32.0"), False),
    }
    from loaders.gazetteer import get_gazetteer
    from loaders.iati import nearest_city

    near_centroid = nearest_city(id(get_gazetteer()), 49.0, 32.0)
    assert near_centroid  # a small town lies near the centroid: only the guards keep it out
    for name, (xml, linked) in cases.items():
        p = tmp_path / name
        p.write_text(text.replace(anchor, xml + anchor), encoding="utf-8")
        rels = {r.object for r in LOADER.load(p).relations if r.subject.endswith("OUTPUT-00099002")}
        if linked:
            assert "katottg:UA46060250010015970" in rels, name  # Lviv
        else:
            assert near_centroid not in rels, name


def test_oblast_names_in_english_text():
    assert oblast_names_in("in Donetsk and Luhansk Oblasts and the Kharkiv region") == ["Donetsk", "Luhansk", "Kharkiv"]
    assert oblast_names_in("Kharkiv, Sumy and Chernihiv oblasts") == ["Kharkiv", "Sumy", "Chernihiv"]
    assert oblast_names_in("the region as a whole") == []


# ---------------------------------------------------------------- sniffing


def test_sniffed_by_content_whatever_the_extension(tmp_path):
    data = FIXTURE.read_bytes()
    for name in ("activities.xml", "activities.txt", "activities", "activities.dat"):
        p = tmp_path / name
        p.write_bytes(data)
        assert pick_loader(p).name == "iati", name
    other = tmp_path / "feed.xml"
    other.write_text('<?xml version="1.0"?><rss><channel><title>iati-activities</title></channel></rss>')
    with pytest.raises(LoaderError, match="no loader"):
        pick_loader(other)
    prose = tmp_path / "note.txt"
    prose.write_text("Звіт про <iati-activities> у тексті.", encoding="utf-8")
    assert pick_loader(prose).name != "iati"


# ---------------------------------------------------------------- bad and hostile XML

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<iati-activities version="2.03"><iati-activity><iati-identifier>X-1</iati-identifier>
<title><narrative>&lol9;</narrative></title></iati-activity></iati-activities>
"""


def _hostile(tmp_path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_billion_laughs_is_refused_quickly(tmp_path):
    p = _hostile(tmp_path, "laughs.xml", BILLION_LAUGHS)
    assert pick_loader(p).name == "iati"
    started = time.perf_counter()
    with pytest.raises(LoaderError, match=r"laughs\.xml: line \d+: refused: the file declares a DOCTYPE"):
        LOADER.load(p)
    assert time.perf_counter() - started < 1.0


def test_external_entity_is_refused_and_nothing_is_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    text = (
        f'<?xml version="1.0"?>\n<!DOCTYPE x [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>\n'
        '<iati-activities version="2.03"><iati-activity><iati-identifier>&xxe;</iati-identifier>'
        "</iati-activity></iati-activities>\n"
    )
    p = _hostile(tmp_path, "xxe.xml", text)
    with pytest.raises(LoaderError) as err:
        LOADER.load(p)
    assert "xxe.xml" in str(err.value) and "DOCTYPE" in str(err.value) and "TOP-SECRET" not in str(err.value)


def test_undeclared_entity_without_dtd_names_the_line(tmp_path):
    p = _hostile(
        tmp_path,
        "undeclared.xml",
        '<iati-activities version="2.03">\n<iati-activity>\n<iati-identifier>&oops;</iati-identifier>\n'
        "</iati-activity></iati-activities>\n",
    )
    with pytest.raises(LoaderError, match=r"undeclared\.xml: line 3, column \d+: not well-formed XML"):
        LOADER.load(p)


def test_truncated_file_names_the_line(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8")
    cut = text[: text.index("<transaction>", text.index("OUTPUT-00099002</iati-identifier>"))]
    p = _hostile(tmp_path, "truncated.xml", cut)
    with pytest.raises(LoaderError, match=r"truncated\.xml: line \d+, column \d+: not well-formed XML"):
        LOADER.load(p)


def test_empty_activities_file_is_a_clear_error(tmp_path):
    p = _hostile(tmp_path, "empty.xml", '<?xml version="1.0"?>\n<iati-activities version="2.03"/>\n')
    with pytest.raises(LoaderError, match=r"empty\.xml: line 1: no <iati-activity>"):
        LOADER.load(p)


def test_bad_values_are_skipped_and_reported(tmp_path):
    text = (
        FIXTURE.read_text(encoding="utf-8")
        .replace(">1500000.00<", ">1,5 mln<")
        .replace('"USD" value-date="2022-03', '"usd!" value-date="2022-03')
    )
    ex = LOADER.load(_hostile(tmp_path, "badvalue.xml", text))
    assert not any(f.kind == "budget" for f in ex.flows)
    assert ex.warnings == ["badvalue.xml: line 38: amount '1,5mln' is not a number (skipped)"]


# ---------------------------------------------------------------- streaming and progress


def test_large_generated_file_streams_and_reports_progress(tmp_path, monkeypatch):
    import io

    import bench.iati as bench
    from loaders import iati

    path = tmp_path / "big.xml"
    n = bench.generate(path, 1.5)

    class Tty(io.StringIO):
        def isatty(self):
            return True

    out = Tty()
    monkeypatch.setattr(iati, "PROGRESS_MIN_BYTES", 0)
    monkeypatch.setattr(iati, "PROGRESS_EVERY", 0.0)
    ex = LOADER.load(path, progress_stream=out)
    assert sum(1 for e in ex.entities.values() if e.key.startswith("iati:") and e.mentions) == n
    assert "big.xml:" in out.getvalue() and f"{n:,} activities\n" in out.getvalue()


# ---------------------------------------------------------------- the real file


@pytest.mark.skipif(not REAL, reason="no real IATI file in ../shared/corpus/iati")
def test_real_beis_file():
    ex = LOADER.load(REAL[0])
    acts = [e for e in ex.entities.values() if e.key.startswith("iati:GB-GOV-13-") and e.mentions]
    assert len(acts) == 9
    ua = [a for a in ex.allocations if a.target == "country:UA"]
    assert len(ua) == 9 and all(a.percentage.startswith("0.57") for a in ua)
    beis = ex.entities["org:gb-gov-13"]
    assert beis.type == "Donor" and beis.identifiers["iati"] == "GB-GOV-13"
    assert any(f.currency == "GBP" for f in ex.flows)


# ---------------------------------------------------------------- graph, shapes, export, queries


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from graphtool.build import build
    from graphtool.store import GraphStore

    s = GraphStore(tmp_path_factory.mktemp("iati") / "store")
    report = build([FIXTURE, FIXTURE_1], s)
    assert report.ok, report.errors
    return s


def test_graph_conforms_to_the_shapes(store):
    from graphtool.validate import validate_store

    ok, text = validate_store(store)
    assert ok, text


def test_money_is_typed_in_the_graph(store):
    from graphtool.query import run_sparql

    rows = run_sparql(
        store,
        """SELECT ?amount ?currency ?date WHERE { ?f a gt:MoneyFlow ; gt:flowKind "incoming-commitment" ;
             gt:amount ?amount ; gt:currency ?currency ; gt:valueDate ?date ; gt:xpath ?path ; gt:line ?line }""",
    )
    (amount, currency, date), *_ = rows.rows
    assert str(amount.datatype).endswith("#decimal") and str(amount) == "200000000"
    assert str(currency) == "JPY" and str(date.datatype).endswith("#date")


def test_export_carries_element_path_and_line(store):
    import io

    from graphtool.export import write_jsonl

    buf = io.StringIO()
    write_jsonl(store, buf)
    recs = [json.loads(line) for line in buf.getvalue().splitlines()]
    funds = [r for r in recs if r["kind"] == "relation" and r["predicate"] == "funds"]
    src = funds[0]["sources"][0]
    assert src["document"].endswith("input.xml") and src["path"].startswith("/iati-activities/") and src["line"] > 0


def test_queries_are_tested_here():
    from tests.test_queries import TESTED_ELSEWHERE

    assert TESTED_ELSEWHERE == {
        "money_by_donor_oblast": "tests/test_iati.py",
        "money_by_sector": "tests/test_iati.py",
        "funding_chain": "tests/test_iati.py",
    }


def test_money_by_sector(store):
    from graphtool.formats import cell
    from graphtool.library import get_query, run_query

    table = run_query(store, "money_by_sector", {})
    cols = [table.variables.index(c) for c in ("funder", "code", "kind", "year", "currency", "total")]
    got = {tuple(cell(r[i]) for i in cols) for r in table.rows}
    assert ("Уряд Японії", "14030", "disbursement", "2022", "USD", "125000.5") in got
    assert ("Агентство США з міжнародного розвитку", "231", "commitment", "2021", "USD", "9000000") in got
    sectors = {r[cols[1]] for r in table.rows}
    assert "15150" in {str(x) for x in sectors}  # the 1.05 file (Sida)
    q = get_query("money_by_sector")
    assert run_query(store, "money_by_sector", {p.name: p.example for p in q.params}).rows


def test_money_by_donor_oblast(store):
    from graphtool.formats import cell
    from graphtool.library import run_query

    table = run_query(store, "money_by_donor_oblast", {"donor": "USAID"})
    cols = [table.variables.index(c) for c in ("funder", "oblast", "kind", "year", "currency", "total")]
    got = [tuple(cell(r[i]) for i in cols) for r in table.rows]
    assert (
        "Агентство США з міжнародного розвитку",
        "Харківська область",
        "disbursement",
        "2022",
        "USD",
        "2500000",
    ) in got
    assert len({g[1] for g in got}) == 3  # Kharkiv, Sumy, Chernihiv oblasts
    table = run_query(store, "money_by_donor_oblast", {"donor": "Уряд Японії"})
    got = {tuple(cell(r[i]) for i in cols) for r in table.rows}
    assert ("Уряд Японії", "Луганська область", "incoming-commitment", "2022", "JPY", "200000000") in got
    sida = run_query(store, "money_by_donor_oblast", {"donor": "Sida"})
    assert {(cell(r[cols[1]]), cell(r[cols[4]])) for r in sida.rows} == {
        ("Львівська область", "EUR"),
        ("Львівська область", "SEK"),
    }


def test_funding_chain(store):
    from graphtool.formats import cell
    from graphtool.library import get_query, run_query

    table = run_query(store, "funding_chain", {})
    cols = [table.variables.index(c) for c in ("funder", "through", "implementer", "payer", "paid_to", "iati_id")]
    got = {tuple(cell(r[i]) for i in cols) for r in table.rows}
    assert (
        "Агентство США з міжнародного розвитку",
        "Агентство США з міжнародного розвитку",
        "Tetra Tech",
        "Агентство США з міжнародного розвитку",
        "Tetra Tech",
        "US-GOV-1-72012122CA00003",
    ) in got
    assert ("Уряд Японії", "", "Vodokanal Municipal Enterprise", "Програма розвитку ООН",
            "Vodokanal Municipal Enterprise", "XM-DAC-41114-OUTPUT-00099002") in got  # fmt: skip
    q = get_query("funding_chain")
    assert run_query(store, "funding_chain", {p.name: p.example for p in q.params}).rows


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="seeds not present")
def test_usaid_of_iati_is_the_usaid_of_seed_001(tmp_path):
    import io

    from graphtool.build import build
    from graphtool.export import write_jsonl
    from graphtool.store import GraphStore

    seed = next((SHARED / "seeds").glob("001_*"))
    s = GraphStore(tmp_path / "store")
    report = build([seed, FIXTURE], s)
    assert report.ok, report.errors
    buf = io.StringIO()
    write_jsonl(s, buf)
    usaid = [
        r for r in map(json.loads, buf.getvalue().splitlines())
        if r["kind"] == "entity" and ("USAID" in r["names"] or r["label"] == "USAID")
    ]  # fmt: skip
    assert len(usaid) == 1
    assert seed.name in usaid[0]["sources"] and any(s.endswith("input.xml") for s in usaid[0]["sources"])


def test_link_provenance_shows_the_xml_element(store):
    from graphtool.formats import cell
    from graphtool.library import run_query

    table = run_query(store, "link_provenance", {"entity": "Tetra Tech"})
    cols = [table.variables.index(c) for c in ("relation", "path", "line", "start")]
    got = {tuple(cell(r[i]) for i in cols) for r in table.rows}
    assert ("implements", "/iati-activities/iati-activity[3]/participating-org[3]", "116", "") in got


def test_cli_extract_shows_element_lines_and_money():
    from click.testing import CliRunner

    from graphtool.cli import main

    result = CliRunner().invoke(main, ["extract", str(FIXTURE_1)])
    assert result.exit_code == 0, result.output
    assert "line 11 /iati-activities/iati-activity[1]/participating-org[2]" in result.output
    assert "Money (2, as written, never converted):" in result.output
    assert "disbursement 4000000 SEK 2013-06-01" in result.output
    bad = CliRunner().invoke(main, ["extract", str(CASES.parent / "iati" / "nope.xml")])
    assert bad.exit_code != 0 and "Traceback" not in bad.output


def test_activities_titled_as_a_registry_programme_join_it_and_still_conform(tmp_path):
    from graphtool.build import build
    from graphtool.store import GraphStore
    from graphtool.validate import validate_store

    act = """<iati-activity default-currency="USD" xmlns:dstore="http://d-portal.org/xmlns/dstore" dstore:idx="{n}">
  <iati-identifier>XM-DAC-41114-PROJECT-0011223{n}</iati-identifier>
  <reporting-org ref="XM-DAC-41114" type="40"><narrative>UNDP</narrative></reporting-org>
  <title><narrative>Recovery and Peacebuilding Programme</narrative></title>
  <participating-org ref="XM-DAC-7" role="1" type="10"><narrative>NETHERLANDS</narrative></participating-org>
  <participating-org ref="XM-DAC-41114" role="4" type="40"><narrative>UNDP</narrative></participating-org>
  <activity-status code="{n}"/>
</iati-activity>"""
    p = tmp_path / "rpp.xml"
    p.write_text(f"<iati-activities>{act.format(n=2)}{act.format(n=3)}</iati-activities>", encoding="utf-8")
    ex = LOADER.load(p)
    programmes = [e for e in ex.entities.values() if e.type in ("Program", "Project")]
    assert len(programmes) == 1 and programmes[0].key.startswith("program:")  # the registry's UN RPP
    assert sorted(v.value for v in ex.values if v.property == "iatiIdentifier") == [
        "XM-DAC-41114-PROJECT-00112232",
        "XM-DAC-41114-PROJECT-00112233",
    ]
    assert ("donor:gov_netherlands", "funds", programmes[0].key) in {
        (r.subject, r.predicate, r.object) for r in ex.relations
    }
    store = GraphStore(tmp_path / "store")
    assert build([p], store).ok
    ok, text = validate_store(store)
    assert ok, text


def test_large_documents_are_bulk_loaded_with_the_same_result(tmp_path, monkeypatch):
    from graphtool import store as store_mod
    from graphtool.build import build
    from graphtool.store import ONTOLOGY_GRAPH, GraphStore

    def content(s):
        return sorted(
            str(q)
            for q in s.oxigraph.quads_for_pattern(None, None, None)
            if "generatedAtTime" not in str(q) and getattr(q.graph_name, "value", "") != ONTOLOGY_GRAPH
        )

    doc = tmp_path / "activities.xml"
    doc.write_bytes(FIXTURE.read_bytes())
    normal = GraphStore(tmp_path / "normal")
    assert build([doc], normal).ok
    monkeypatch.setattr(store_mod, "LARGE_DOCUMENT", 10)  # every document takes the bulk path
    bulk = GraphStore(tmp_path / "bulk")
    assert build([doc], bulk).ok
    assert content(bulk) == content(normal)  # document graph and the default-graph index alike
    assert any("Tetra Tech" in line for line in content(bulk))
    # a new version of the document replaces the old one and retracts what only the old one stated
    doc.write_bytes(FIXTURE_1.read_bytes())
    assert build([doc], bulk).ok
    monkeypatch.setattr(store_mod, "LARGE_DOCUMENT", 200_000)
    assert build([doc], normal).ok
    assert content(bulk) == content(normal)
    assert not any("Tetra Tech" in line for line in content(bulk))


# ---------------------------------------------------------------- streamed into the store in batches


def _content(store, skip=("generatedAtTime", "loaderVersion")):
    from graphtool.answers import ANSWERS_GRAPH
    from graphtool.store import ONTOLOGY_GRAPH

    store.flush()  # the derived counts follow the documents (graphtool/derived.py)
    return sorted(
        str(q)
        for q in store.oxigraph.quads_for_pattern(None, None, None)
        if not any(s in str(q.predicate) for s in skip)
        and getattr(q.graph_name, "value", "") not in (ONTOLOGY_GRAPH, ANSWERS_GRAPH)  # an on-disk store's token
    )


def _whole(path: Path, name: str):
    """A store holding ``path`` written the ordinary way: one extraction, one replace."""
    from graphtool.document import sha256 as _sha256
    from graphtool.rdf import DocumentInfo, document_quads
    from graphtool.store import GraphStore

    store = GraphStore(None)
    info = DocumentInfo(name, _sha256(path), "iati", "-")
    store.replace_document(info.iri, document_quads(LOADER.load(path), info))
    return store


ROLES_LATER = """<iati-activities version="2.03">
 <iati-activity><iati-identifier>XX-1-A</iati-identifier><title><narrative>A</narrative></title>
  <participating-org ref="XX-ORG-9" role="4"><narrative>Hromada Partners</narrative></participating-org>
  <related-activity ref="XX-1-B" type="1"/><related-activity ref="XX-OUTSIDE" type="1"/></iati-activity>
 <iati-activity><iati-identifier>XX-1-B</iati-identifier><title><narrative>B</narrative></title>
  <participating-org ref="XX-ORG-9" role="1"><narrative>Hromada Partners</narrative></participating-org>
 </iati-activity>
</iati-activities>"""


@pytest.mark.parametrize("source", ["fixture_2_03", "fixture_1_05", "roles_later"])
def test_streamed_in_batches_of_one_activity_equals_the_whole_load(tmp_path, monkeypatch, source):
    from graphtool import streaming
    from graphtool.store import GraphStore
    from loaders import iati
    from loaders.limits import Limits

    path = {"fixture_2_03": FIXTURE, "fixture_1_05": FIXTURE_1}.get(source)
    if path is None:
        path = tmp_path / "roles.xml"
        path.write_text(ROLES_LATER, encoding="utf-8")
    monkeypatch.setattr(iati, "BATCH_ACTIVITIES", 1)
    batches = list(LOADER.load_batches(path))
    assert len(batches) >= 2  # one per activity, then the last one
    store = GraphStore(None)
    result = streaming.store_streamed(path, "doc.xml", store, Limits(doc_seconds=0))
    assert result.batches == len(batches)
    assert _content(store) == _content(_whole(path, "doc.xml"))  # graph and index, quad for quad
    if source == "roles_later":  # a funder first seen implementing: Donor, and no stale Organization class
        types = store.select("SELECT ?t WHERE { ?o gt:iatiId 'XX-ORG-9' ; a ?t }").rows
        assert [str(t[0]).rsplit("#", 1)[1] for t in types] == ["Donor"]
        assert batches[-1].stale_types == [("org:xx-org-9", "Organization")]
        # B is a parent read after its child: a Program from the start; the outside parent has no evidence
        progs = store.select("SELECT ?p WHERE { ?p a gt:Program }").rows
        assert sorted(str(p[0]).rsplit("/", 1)[1] for p in progs) == ["XX-1-B", "XX-OUTSIDE"]


def test_streamed_document_replaces_the_old_one_and_a_broken_file_leaves_it(tmp_path, monkeypatch):
    from graphtool import streaming
    from graphtool.store import GraphStore
    from loaders import iati
    from loaders.limits import Limits

    monkeypatch.setattr(iati, "BATCH_ACTIVITIES", 2)
    store = GraphStore(tmp_path / "store")
    doc = tmp_path / "activities.xml"
    doc.write_bytes(FIXTURE.read_bytes())
    streaming.store_streamed(doc, "activities.xml", store, Limits())  # in a budgeted child process
    assert [d["file_name"] for d in store.documents()] == ["activities.xml"]
    before = _content(store)
    text = FIXTURE.read_text(encoding="utf-8")
    doc.write_text(text[: int(len(text) * 0.9)], encoding="utf-8")  # broken near its end
    with pytest.raises(LoaderError, match=r"line \d+"):
        streaming.store_streamed(doc, "activities.xml", store, Limits())
    assert _content(store) == before  # nothing was written: the first pass failed
    doc.write_bytes(FIXTURE_1.read_bytes())  # a new version replaces it, old-only triples leave the index
    streaming.store_streamed(doc, "activities.xml", store, Limits())
    assert _content(store) == _content(_whole(doc, "activities.xml"))
    assert not any("Tetra Tech" in q for q in _content(store))


# ---------------------------------------------------------------- GeoNames ids (vocabulary G1)

G1_FILE = """<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2026-12-06T00:00:00Z">
 <iati-activity last-updated-datetime="2026-12-06T00:00:00Z" xml:lang="en" default-currency="EUR">
  <iati-identifier>XM-EXAMPLE-G1-1</iati-identifier>
  <reporting-org ref="XM-EXAMPLE" type="21"><narrative>Example Foundation</narrative></reporting-org>
  <title><narrative>Water points in Druzhkivka</narrative></title>
  <description><narrative>Repairs of water supply.</narrative></description>
  <participating-org ref="XM-EXAMPLE" role="1" type="21"><narrative>Example Foundation</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="2" iso-date="2023-03-01"/>
  <recipient-country code="UA" percentage="100"/>
  <location ref="XM-EXAMPLE-G1-1-L1">
   <location-id vocabulary="G1" code="616743"/>
   <name><narrative>Project office</narrative></name>
   <administrative vocabulary="G1" level="1" code="709716"/>
  </location>
  <location ref="XM-EXAMPLE-G1-1-L2">
   <name><narrative>Partner town</narrative></name>
   <administrative vocabulary="G1" level="2" code="2950159"/>
  </location>
 </iati-activity>
</iati-activities>
"""


def _valid_2_03(path: Path) -> None:
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(SPECS / "iati-activities-schema.xsd")))
    assert schema.validate(etree.parse(str(path))), schema.error_log


def test_geonames_ids_link_the_communities_and_towns_the_gazetteer_knows(tmp_path):
    path = tmp_path / "g1.xml"
    path.write_text(G1_FILE, encoding="utf-8")
    if SPECS.is_dir():
        _valid_2_03(path)
    ex = LOADER.load(path)
    located = {r.object for r in ex.relations if r.subject == "iati:XM-EXAMPLE-G1-1" and r.predicate == "locatedIn"}
    # location-id G1 616743 is Druzhkivka (a KATOTTG city, its codifier chain up to Donetsk Oblast);
    # administrative G1 2950159 is Berlin, a GeoNames town of the gazetteer; 709716 (an oblast's id) is not known
    assert located == {"katottg:UA14120030010055241", "geonames:2950159"}
    assert ex.entities["katottg:UA14120030010055241"].label == "Дружківка"
    assert ("katottg:UA14120000000070232", "locatedIn", "katottg:UA14000000000091971") in {
        (r.subject, r.predicate, r.object) for r in ex.relations
    }
    assert {a.target for a in ex.allocations if a.evidence.path.endswith("location[1]")} == {
        "katottg:UA14120030010055241"
    }


def test_build_streams_a_large_file_with_the_same_result(tmp_path, monkeypatch):
    from graphtool import streaming
    from graphtool.build import build
    from graphtool.store import GraphStore
    from loaders import iati

    doc = tmp_path / "activities.xml"
    doc.write_bytes(FIXTURE.read_bytes())
    other = tmp_path / "news.txt"
    other.write_text("USAID фінансує проєкт у Житомирі.", encoding="utf-8")
    normal = GraphStore(tmp_path / "normal")
    assert build([doc, other], normal).ok
    monkeypatch.setattr(streaming, "STREAM_MIN_BYTES", 1000)  # the fixture counts as large
    monkeypatch.setattr(iati, "BATCH_ACTIVITIES", 2)
    assert streaming.streams(doc) and not streaming.streams(other)
    calls = []
    store_streamed = streaming.store_streamed
    monkeypatch.setattr(
        streaming, "store_streamed", lambda path, *a, **k: calls.append(path) or store_streamed(path, *a, **k)
    )
    streamed = GraphStore(tmp_path / "streamed")
    report = build([doc, other], streamed)
    assert report.ok and sorted(report.loaded) == ["activities.xml", "news.txt"]
    assert calls == [doc]  # the IATI file went through the batches, the text file the usual way
    assert _content(streamed) == _content(normal)
    broken = tmp_path / "broken.xml"
    broken.write_text(FIXTURE.read_text(encoding="utf-8")[:-200], encoding="utf-8")
    report = build([broken], streamed)
    assert not report.ok and "broken.xml: line" in report.errors[0]
    assert "broken.xml" not in {d["file_name"] for d in streamed.documents()}


# ---------------------------------------------------------------- money in reports


def test_reports_show_commitments_and_disbursements_with_their_elements(store):
    from graphtool.report import MONEY_GROUP, build_report, render_html, render_markdown

    donor = build_report(store, "donor", "USAID")
    facts = dict(donor.facts)
    assert facts["Зобов'язання / Commitments"] == "9\u202f000\u202f000.00 USD"  # as written: no exchange rate
    assert facts["Виплати / Disbursements"] == "2\u202f500\u202f000.00 USD"
    money = donor.groups[MONEY_GROUP]
    assert [(m.relation, m.other) for m in money] == [
        ("commitment", "9\u202f000\u202f000.00 USD, 2021-09-01"),
        ("disbursement", "2\u202f500\u202f000.00 USD, 2022-02-01"),
    ]
    assert money[0].via == "Municipal Energy Security Activity (Агентство США з міжнародного розвитку → Tetra Tech)"
    (src,) = money[0].sources
    assert src.document == "input.xml" or src.document.endswith("input.xml")
    assert "/iati-activities/iati-activity[3]/transaction[1], line 129" in src.sentence
    assert "зобов'язання / commitment" in render_markdown(donor)
    assert "&lt;transaction&gt;" in render_html(donor) and "<transaction>" not in render_html(donor)
    # a community report: the money of the projects there; a program report: of the program and its parts
    kharkiv = build_report(store, "community", "Харківська область")
    assert "9\u202f000\u202f000.00 USD, 2021-09-01" in {m.other for m in kharkiv.groups[MONEY_GROUP]}
    program = build_report(store, "program", "Local Governance Recovery Programme")
    assert dict(program.facts)["Зобов'язання / Commitments"] == "250\u202f000.00 USD"


@pytest.mark.skipif(not SPECS.is_dir(), reason="IATI 2.03 schema not present")
def test_the_benchmark_generates_schema_valid_activities(tmp_path):
    from bench.iati import generate

    path = tmp_path / "bench.xml"
    n = generate(path, 0.05)  # about 14 activities, every element the benchmark loads
    assert n >= 10
    _valid_2_03(path)
    ex = LOADER.load(path)
    assert len({v.subject for v in ex.values if v.property == "iatiIdentifier"}) == n


def test_a_report_lists_the_largest_transactions_and_totals_them_all(store, monkeypatch):
    from graphtool import report as report_mod

    monkeypatch.setattr(report_mod, "MONEY_LINKS", 1)
    donor = report_mod.build_report(store, "donor", "USAID")
    assert [m.other for m in donor.groups[report_mod.MONEY_GROUP]] == ["9\u202f000\u202f000.00 USD, 2021-09-01"]
    facts = dict(donor.facts)
    assert facts["Транзакцій / Transactions"].startswith("2; показано 1 найбільших")
    assert facts["Виплати / Disbursements"] == "2\u202f500\u202f000.00 USD"  # the one not listed still counts


def test_a_large_document_is_removed_in_chunks_and_the_index_keeps_what_others_state(tmp_path, monkeypatch):
    from graphtool import store as store_mod
    from graphtool.build import build
    from graphtool.store import GraphStore

    doc, other = tmp_path / "activities.xml", tmp_path / "other.xml"
    doc.write_bytes(FIXTURE.read_bytes())
    other.write_bytes(FIXTURE_1.read_bytes())
    store = GraphStore(tmp_path / "store")
    assert build([doc, other], store).ok
    alone = GraphStore(tmp_path / "alone")
    assert build([other], alone).ok
    monkeypatch.setattr(store_mod, "CLEAR_CHUNK", 40)  # the fixture counts as large: removed 40 quads at a time
    assert store.remove_document("activities.xml")
    assert _content(store, skip=("generatedAtTime", "loaderVersion", "sha256", "fileName")) == _content(
        alone, skip=("generatedAtTime", "loaderVersion", "sha256", "fileName")
    )
    assert "activities.xml" not in {g.value.rsplit("/", 1)[-1] for g in store.oxigraph.named_graphs()}
