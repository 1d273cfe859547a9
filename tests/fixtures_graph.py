"""A small, hand-written graph for the query library, reports, maps and network tests.

Three documents (two news items and an action-plan table) written for the tests, turned into
quads by the real layout code (``graphtool.rdf``) so the fixture matches what loaders produce.
``tests/data/small_graph.trig`` is this graph written out; ``python -m tests.fixtures_graph``
regenerates it, and ``test_fixture_file_is_current`` checks it is up to date.

Who is where (for reading the expected rows of the tests):

* USAID funds DOBRE's projects "Чиста вода" (Бердичів) and "Молодіжний хаб" (Житомир, the settlement);
* the EU and GIZ fund U-LEAD з Європою; GIZ funds "Безпечна школа" (Житомир hromada) within it;
  the EU funds "Новий автобус" (Луцьк); U-LEAD also reaches Бердичів;
* "Парк над річкою" (Луцьк) has no known donor;
* Житомир is partner of Люблін (PL) and Майнц (DE); Луцьк of Люблін and Ольштин (PL);
* Луцьк's action plan has three measures with executors and funding sources.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from loaders.base import Entity, Evidence, Extraction

DATA = Path(__file__).resolve().parent / "data"
TRIG = DATA / "small_graph.trig"
WHEN = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)

ZHYTOMYR_HROMADA = "katottg:UA18040150000043275"
ZHYTOMYR_CITY = "katottg:UA18040150010080361"
BERDYCHIV_HROMADA = "katottg:UA18020010000022453"
LUTSK_HROMADA = "katottg:UA07080170000013409"
ZHYTOMYR_RAION = "katottg:UA18040000000015709"
BERDYCHIV_RAION = "katottg:UA18020000000082911"
LUTSK_RAION = "katottg:UA07080000000055337"
ZHYTOMYR_OBLAST = "katottg:UA18000000000041385"
VOLYN_OBLAST = "katottg:UA07000000000024379"

NEWS_ZHYTOMYR = (
    "За підтримки GIZ Житомирська міська територіальна громада реалізує проєкт «Безпечна школа» "
    "в рамках програми U-LEAD з Європою. "
    "Програму U-LEAD з Європою фінансують Європейський Союз і GIZ. "
    "За підтримки USAID у Житомирі відкрито Молодіжний хаб в межах програми DOBRE. "
    "Житомир підписав угоду про партнерство з польським містом Люблін та німецьким містом Майнц. "
    "Проєкт «Безпечна школа» виконує Агенція розвитку Житомира."
)
NEWS_SOUTH = (
    "USAID фінансує проєкт «Чиста вода» у Бердичівській громаді в рамках програми DOBRE. "
    "Луцька громада облаштує Парк над річкою. "
    "Європейський Союз профінансував Новий автобус для Луцька. "
    "Луцьк розвиває партнерство з Любліном та Ольштином. "
    "Бердичівська громада також бере участь у програмі U-LEAD з Європою."
)
PLAN_ROWS = [
    "План заходів Луцької міської територіальної громади на 2025–2027 роки",
    "СТРАТЕГІЧНА ЦІЛЬ 1. ВІДКРИТА ГРОМАДА",
    "Оперативна ціль 1.1. Розвиток міжнародних зв'язків",
    "1.1.1\tРозширювати партнерства\tУчасть у міжнародних грантових програмах Європейського Союзу"
    "\tУправління міжнародного співробітництва\tбюджет громади, інші джерела",
    "1.1.2\t\tПроведення днів міст-партнерів\tУправління міжнародного співробітництва, "
    "Департамент економічної політики\tбюджет громади",
    "1.1.3\tПідтримати бізнес\tСтворення індустріального парку\tДепартамент економічної політики"
    "\tдержавний бюджет, бюджет громади",
]
PLAN_TEXT = "\n".join(PLAN_ROWS)


def _ev(text: str, fragment: str) -> Evidence:
    """Evidence for the sentence of ``text`` containing ``fragment``."""
    at = text.index(fragment)
    start = max([0] + [m.end() for m in re.finditer(r"\. ", text) if m.end() <= at])
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    return Evidence(text[start:end], start, end)


def _row(text: str, fragment: str) -> Evidence:
    """Evidence for the line of ``text`` containing ``fragment``."""
    at = text.index(fragment)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return Evidence(text[start:end], start, end)


def _places(ex: Extraction, mentioned: dict[str, Evidence]) -> None:
    """Communities and their codifier parents (reference data: only those in ``mentioned`` are mentions)."""
    rows = [
        (ZHYTOMYR_OBLAST, "Житомирська область", "Zhytomyr Oblast", "oblast", None, (50.2547, 28.6587)),
        (VOLYN_OBLAST, "Волинська область", "Volyn Oblast", "oblast", None, (50.7472, 25.3254)),
        (ZHYTOMYR_RAION, "Житомирський район", "Zhytomyr Raion", "raion", ZHYTOMYR_OBLAST, None),
        (BERDYCHIV_RAION, "Бердичівський район", "Berdychiv Raion", "raion", ZHYTOMYR_OBLAST, None),
        (LUTSK_RAION, "Луцький район", "Lutsk Raion", "raion", VOLYN_OBLAST, None),
        (ZHYTOMYR_HROMADA, "Житомирська міська територіальна громада", "Zhytomyr city hromada", "hromada",
         ZHYTOMYR_RAION, (50.2547, 28.6587)),
        (ZHYTOMYR_CITY, "Житомир", "Zhytomyr", "city", ZHYTOMYR_HROMADA, (50.2547, 28.6587)),
        (BERDYCHIV_HROMADA, "Бердичівська міська територіальна громада", "Berdychiv city hromada", "hromada",
         BERDYCHIV_RAION, (49.8978, 28.6011)),
        (LUTSK_HROMADA, "Луцька міська територіальна громада", "Lutsk city hromada", "hromada",
         LUTSK_RAION, (50.7472, 25.3254)),
    ]  # fmt: skip
    for key, uk, en, category, parent, coords in rows:
        ent = Entity(key, "Community", uk, label_en=en, identifiers={"katottg": key.split(":")[1]})
        ent.attributes["category"] = category
        if coords:
            ent.lat, ent.lon = coords
        if key in mentioned:
            ent.mentions.append(mentioned[key])
        ex.add_entity(ent)
        if parent:
            ex.add_relation(key, "locatedIn", parent)


def _partner(ex: Extraction, key: str, uk: str, en: str, country: str, coords: tuple[float, float], ev: Evidence):
    ex.add_entity(
        Entity(key, "PartnerCity", uk, label_en=en, identifiers={"geonames": key.split(":")[1], "iso3166": country},
               attributes={"category": "foreign_city"}, lat=coords[0], lon=coords[1], mentions=[ev])
    )  # fmt: skip
    ex.add_relation(key, "inCountry", f"country:{country}")


COUNTRIES = {"PL": ("Польща", "Poland"), "DE": ("Німеччина", "Germany")}


def _country(ex: Extraction, code: str, ev: Evidence | None = None) -> None:
    uk, en = COUNTRIES[code]
    ex.add_entity(Entity(f"country:{code}", "Country", uk, label_en=en, identifiers={"iso3166": code},
                         mentions=[ev] if ev else []))  # fmt: skip


def news_zhytomyr() -> Extraction:
    t = NEWS_ZHYTOMYR
    ex = Extraction()
    s1, s2, s3 = _ev(t, "За підтримки GIZ"), _ev(t, "Програму U-LEAD"), _ev(t, "Молодіжний хаб")
    s4, s5 = _ev(t, "угоду про партнерство"), _ev(t, "виконує Агенція")
    _places(ex, {ZHYTOMYR_HROMADA: s1, ZHYTOMYR_CITY: s3})
    ex.entities[ZHYTOMYR_HROMADA].mentions.append(s4)
    ex.add_entity(
        Entity(
            "donor:giz",
            "Donor",
            "GIZ",
            label_en="GIZ",
            names={"Німецьке товариство міжнародного співробітництва"},
            mentions=[s1, s2],
        )
    )
    ex.add_entity(
        Entity("donor:eu", "Donor", "Європейський Союз", label_en="European Union", names={"ЄС"}, mentions=[s2])
    )
    ex.add_entity(
        Entity(
            "donor:usaid",
            "Donor",
            "USAID",
            label_en="USAID",
            names={"Агентство США з міжнародного розвитку"},
            mentions=[s3],
        )
    )
    ex.add_entity(
        Entity("program:u-lead", "Program", "U-LEAD з Європою", label_en="U-LEAD with Europe", mentions=[s1, s2])
    )
    ex.add_entity(Entity("program:dobre", "Program", "DOBRE", mentions=[s3]))
    ex.add_entity(Entity("project:безпечна-школа", "Project", "Безпечна школа", mentions=[s1, s5]))
    ex.add_entity(Entity("project:молодіжний-хаб", "Project", "Молодіжний хаб", mentions=[s3]))
    ex.add_entity(Entity("org:агенція-розвитку-житомира", "Organization", "Агенція розвитку Житомира", mentions=[s5]))
    _country(ex, "PL", s4)
    _country(ex, "DE", s4)
    _partner(ex, "geonames:765876", "Люблін", "Lublin", "PL", (51.25, 22.56667), s4)
    _partner(ex, "geonames:2874225", "Майнц", "Mainz", "DE", (49.98419, 8.2791), s4)
    ex.add_relation("donor:giz", "funds", "project:безпечна-школа", s1)
    ex.add_relation("project:безпечна-школа", "locatedIn", ZHYTOMYR_HROMADA, s1)
    ex.add_relation("project:безпечна-школа", "partOf", "program:u-lead", s1)
    ex.add_relation("donor:eu", "funds", "program:u-lead", s2)
    ex.add_relation("donor:giz", "funds", "program:u-lead", s2)
    ex.add_relation("donor:usaid", "funds", "project:молодіжний-хаб", s3)
    ex.add_relation("project:молодіжний-хаб", "locatedIn", ZHYTOMYR_CITY, s3)
    ex.add_relation("project:молодіжний-хаб", "partOf", "program:dobre", s3)
    ex.add_relation(ZHYTOMYR_HROMADA, "partnerOf", "geonames:765876", s4)
    ex.add_relation(ZHYTOMYR_HROMADA, "partnerOf", "geonames:2874225", s4)
    ex.add_relation("org:агенція-розвитку-житомира", "implements", "project:безпечна-школа", s5)
    return ex


def news_south() -> Extraction:
    t = NEWS_SOUTH
    ex = Extraction()
    s1, s2, s3 = _ev(t, "Чиста вода"), _ev(t, "Парк над"), _ev(t, "Новий автобус")
    s4, s5 = _ev(t, "Ольштином"), _ev(t, "також бере участь")
    _places(ex, {BERDYCHIV_HROMADA: s1, LUTSK_HROMADA: s2})
    ex.entities[LUTSK_HROMADA].mentions += [s3, s4]
    ex.entities[BERDYCHIV_HROMADA].mentions.append(s5)
    ex.add_entity(Entity("donor:usaid", "Donor", "USAID", label_en="USAID", mentions=[s1]))
    ex.add_entity(Entity("donor:eu", "Donor", "Європейський Союз", label_en="European Union", mentions=[s3]))
    ex.add_entity(Entity("program:dobre", "Program", "DOBRE", mentions=[s1]))
    ex.add_entity(Entity("program:u-lead", "Program", "U-LEAD з Європою", label_en="U-LEAD with Europe", mentions=[s5]))
    ex.add_entity(Entity("project:чиста-вода", "Project", "Чиста вода", mentions=[s1]))
    ex.add_entity(Entity("project:парк-над-річкою", "Project", "Парк над річкою", mentions=[s2]))
    ex.add_entity(Entity("project:новий-автобус", "Project", "Новий автобус", mentions=[s3]))
    _country(ex, "PL")
    _partner(ex, "geonames:765876", "Люблін", "Lublin", "PL", (51.25, 22.56667), s4)
    _partner(ex, "geonames:763166", "Ольштин", "Olsztyn", "PL", (53.77995, 20.49416), s4)
    ex.add_relation("donor:usaid", "funds", "project:чиста-вода", s1)
    ex.add_relation("project:чиста-вода", "locatedIn", BERDYCHIV_HROMADA, s1)
    ex.add_relation("project:чиста-вода", "partOf", "program:dobre", s1)
    ex.add_relation("project:парк-над-річкою", "locatedIn", LUTSK_HROMADA, s2)
    ex.add_relation("donor:eu", "funds", "project:новий-автобус", s3)
    ex.add_relation("project:новий-автобус", "locatedIn", LUTSK_HROMADA, s3)
    ex.add_relation(LUTSK_HROMADA, "partnerOf", "geonames:765876", s4)
    ex.add_relation(LUTSK_HROMADA, "partnerOf", "geonames:763166", s4)
    ex.add_relation("program:u-lead", "locatedIn", BERDYCHIV_HROMADA, s5)
    return ex


FUNDING = {
    "бюджет громади": ("funding:community-budget", "Community budget"),
    "інші джерела": ("funding:other", "Other sources"),
    "державний бюджет": ("funding:state-budget", "State budget"),
}


def plan_lutsk() -> Extraction:
    t = PLAN_TEXT
    ex = Extraction()
    title, goal_row, op_row = (_row(t, PLAN_ROWS[i][:30]) for i in range(3))
    plan = "plan:plan-lutsk"
    _places(ex, {LUTSK_HROMADA: title})
    ex.add_entity(Entity(plan, "Plan", PLAN_ROWS[0], mentions=[title]))
    ex.add_relation(plan, "planOf", LUTSK_HROMADA, title)
    ex.add_entity(
        Entity(f"{plan}/goal/1", "StrategicGoal", "Відкрита громада", identifiers={"code": "1"}, mentions=[goal_row])
    )
    ex.add_relation(f"{plan}/goal/1", "partOf", plan, goal_row)
    ex.add_entity(
        Entity(
            f"{plan}/opgoal/1.1",
            "OperationalGoal",
            "Розвиток міжнародних зв'язків",
            identifiers={"code": "1.1"},
            mentions=[op_row],
        )
    )
    ex.add_relation(f"{plan}/opgoal/1.1", "partOf", f"{plan}/goal/1", op_row)
    task = None
    for line in PLAN_ROWS[3:]:
        code, task_text, measure, executors, funding = line.split("\t")
        row = _row(t, line[:20])
        if task_text:
            task = f"{plan}/task/{code}"
            ex.add_entity(Entity(task, "Task", task_text, identifiers={"code": code}, mentions=[row]))
            ex.add_relation(task, "partOf", f"{plan}/opgoal/1.1", row)
        key = f"{plan}/measure/{code}"
        ex.add_entity(Entity(key, "Measure", measure, identifiers={"code": code}, mentions=[row]))
        ex.add_relation(key, "partOf", task, row)
        for name in executors.split(", "):
            org = "org:" + name.casefold().replace(" ", "-")
            ex.add_entity(Entity(org, "Organization", name, mentions=[row]))
            ex.add_relation(key, "responsibleExecutor", org, row)
        for name in funding.split(", "):
            fkey, en = FUNDING[name]
            ex.add_entity(Entity(fkey, "FundingSource", name, label_en=en, mentions=[row]))
            ex.add_relation(key, "fundingSource", fkey, row)
    return ex


DOCUMENTS = {
    "news-zhytomyr.txt": (news_zhytomyr, NEWS_ZHYTOMYR),
    "news-south.txt": (news_south, NEWS_SOUTH),
    "plan-lutsk.tsv": (plan_lutsk, PLAN_TEXT),
}


def build_quads():
    """All quads of the three documents, in a stable order."""
    import hashlib

    from graphtool.rdf import DocumentInfo, document_quads

    quads = []
    for name, (make, text) in DOCUMENTS.items():
        info = DocumentInfo(name, hashlib.sha256(text.encode()).hexdigest(), "fixture", "1", WHEN)
        quads += document_quads(make(), info)
    return quads


def trig_text() -> str:
    """The fixture graph as TriG."""
    from pyoxigraph import RdfFormat, Store

    from graphtool.store import PREFIXES

    store = Store()
    store.extend(build_quads())
    return store.dump(format=RdfFormat.TRIG, prefixes=PREFIXES).decode("utf-8")


def load_small_graph(path: Path = TRIG):
    """A fresh in-memory :class:`GraphStore` holding the fixture graph."""
    from pyoxigraph import RdfFormat

    from graphtool.store import GraphStore

    store = GraphStore(None)
    store.oxigraph.load(path=str(path), format=RdfFormat.TRIG)
    store.flush()  # the derived counts (graphtool/derived.py) the aggregate queries read
    return store


if __name__ == "__main__":  # regenerate tests/data/small_graph.trig
    DATA.mkdir(exist_ok=True)
    TRIG.write_text(trig_text(), encoding="utf-8")
    print(f"wrote {TRIG}")
