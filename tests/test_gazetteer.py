"""Place gazetteer: inflected Ukrainian place names, roles, countries, places abroad, precision."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.gazetteer import Place, PlaceMatch, get_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def found(gaz, text: str) -> list[tuple[str, str, str | None]]:
    """(surface, label of the best candidate, role) for each match."""
    return [(m.surface, m.candidates[0].label, m.role) for m in gaz.find(text)]


def labels(gaz, text: str) -> list[str]:
    return [m.candidates[0].label for m in gaz.find(text)]


def test_match_shape(gaz):
    text = "Делегація з Вінниці прибула до Полтави."
    ms = gaz.find(text)
    assert [m.surface for m in ms] == ["Вінниці", "Полтави"]
    m = ms[0]
    assert isinstance(m, PlaceMatch) and isinstance(m.candidates[0], Place)
    assert text[m.start : m.end] == m.surface
    assert m.kind == "community"
    vin = m.candidates[0]
    assert vin.key.startswith("katottg:UA") and vin.type == "Community" and vin.category == "city"
    assert vin.identifiers["katottg"] == vin.key.split(":")[1]
    assert vin.country == "UA"
    # parents nearest first: hromada, raion, oblast
    kinds = [gaz.place(k).category for k in vin.parents]
    assert kinds == ["hromada", "raion", "oblast"]
    assert gaz.place(vin.parents[-1]).label == "Вінницька область"


@pytest.mark.parametrize(
    "text,label",
    [
        ("зустріч в Ужгороді", "Ужгород"),
        ("мешканці Чернівців", "Чернівці"),
        ("у Чернівцях", "Чернівці"),
        ("поїздка до Бучі", "Буча"),
        ("волонтери з Ірпеня", "Ірпінь"),
        ("відбудова в Ірпені", "Ірпінь"),
        ("разом із Сумами", "Суми"),
        ("під Києвом", "Київ"),
        ("з Кривого Рогу", "Кривий Ріг"),
        ("у Кривому Розі", "Кривий Ріг"),
        ("до Кам'янця-Подільського", "Кам'янець-Подільський"),
        ("у Білій Церкві", "Біла Церква"),
        ("за Львовом", "Львів"),
        ("в Івано-Франківську", "Івано-Франківськ"),
    ],
)
def test_inflected_settlements(gaz, text, label):
    assert labels(gaz, text) == [label]


def test_hromada_council_oblast_raion_roles(gaz):
    got = found(
        gaz,
        "Рішення Вінницької міської ради підтримала Сумська обласна рада, а Бучанська громада "
        "та Коростенський район долучилися; у Полтавській області та на Полтавщині теж.",
    )
    assert got == [
        ("Вінницької", "Вінницька міська територіальна громада", "council"),
        ("Сумська", "Сумська область", "council"),
        ("Бучанська", "Бучанська міська територіальна громада", "hromada"),
        ("Коростенський", "Коростенський район", "raion"),
        ("Полтавській", "Полтавська область", "oblast"),
        ("Полтавщині", "Полтавська область", "oblast"),
    ]


def test_coordinated_hromada_adjectives(gaz):
    got = found(gaz, "Навчання пройшли в Ірпінській, Бучанській та Гостомельській громадах.")
    assert [g[1] for g in got] == [
        "Ірпінська міська територіальна громада",
        "Бучанська міська територіальна громада",
        "Гостомельська селищна територіальна громада",
    ]
    assert {g[2] for g in got} == {"hromada"}


def test_hromada_label_and_names(gaz):
    (m,) = gaz.find("Ірпінська міська територіальна громада")
    h = m.candidates[0]
    assert h.category == "hromada"
    assert "Ірпінська громада" in h.names
    city = gaz.hromada_of(gaz.find("Ірпінь")[0].candidates[0].key)
    assert city is not None and city.key == h.key


def test_adjective_alone_is_not_a_place(gaz):
    assert gaz.find("Вінницький національний технічний університет") == []
    assert gaz.find("вул. Полтавська, 5") == []


def test_former_names(gaz):
    (m,) = gaz.find("підприємства Червонограда")
    assert m.candidates[0].label == "Шептицький"
    assert "Червоноград" in m.candidates[0].names


def test_common_words_are_not_places(gaz):
    # village names that are ordinary words or first names need "с."/"село" before them
    text = "Воля і Слава нашим героям. Поділ бюджету на дві частини. Надія є, бо Зоря сходить."
    assert gaz.find(text) == []
    (m,) = gaz.find("у с. Воля працює школа")
    assert m.marker == "village" and m.candidates[0].category == "village"


def test_schastia_is_a_city_mid_sentence(gaz):
    assert labels(gaz, "Гуманітарний вантаж доставили до Щастя.") == ["Щастя"]


def test_lowercase_is_never_a_place(gaz):
    assert gaz.find("буча була шалена, а суми великі") == []


def test_village_ambiguity_resolved_by_oblast(gaz):
    ms = gaz.find("Нову школу відкрили в селі Михайлівка.")
    assert len(ms) == 1 and len(ms[0].candidates) > 5
    poltava = gaz.find("Полтавська область")[0].candidates[0].key
    (r,) = gaz.resolve(ms, {poltava})
    assert r.candidates and all(poltava in c.parents for c in r.candidates)
    # without "с."/"село" only the hromada centres of that name are read
    (bare,) = gaz.find("Вчора Михайлівка святкувала.")
    assert all(gaz.hromada_of(c.key) is not None for c in bare.candidates)
    # with a context, villages outside it are dropped unless a marker says "village"
    lviv = gaz.find("Львівська область")[0].candidates[0].key
    (r,) = gaz.resolve(ms, {lviv})
    assert all(lviv in c.parents for c in r.candidates)


def test_same_name_cities_rank_by_size(gaz):
    (m,) = gaz.find("поїзд до Миколаєва")
    first = m.candidates[0]
    assert gaz.place(first.parents[-1]).label == "Миколаївська область"


def test_countries(gaz):
    got = found(
        gaz, "Партнери з Польщі, Німеччини та Нідерландів; візит до Фінляндії, Україна і США, Боснія і Герцеговина."
    )
    assert [g[1] for g in got] == [
        "Польща",
        "Німеччина",
        "Нідерланди",
        "Фінляндія",
        "Україна",
        "США",
        "Боснія і Герцеговина",
    ]
    pl = gaz.find("Польща")[0].candidates[0]
    assert pl.key == "country:PL" and pl.type == "Country" and pl.identifiers == {"iso3166": "PL"}


def test_country_pronoun_not_matched(gaz):
    # "Того" (Togo) is also a pronoun; "Малі" (Mali) is also "small"
    assert gaz.find("Того ж дня малі громади отримали кошти.") == []


def test_foreign_cities(gaz):
    got = found(gaz, "Побратими: Кельце, Ряшів, Вроцлав (Польща), Кошице, Брно та Ланьцут.")
    kinds = {
        m.surface: m.kind for m in gaz.find("Побратими: Кельце, Ряшів, Вроцлав (Польща), Кошице, Брно та Ланьцут.")
    }
    assert [g[1] for g in got] == ["Кельце", "Жешув", "Вроцлав", "Польща", "Кошице", "Брно", "Ланьцут"]
    assert kinds["Кельце"] == "foreign" and kinds["Польща"] == "country"
    kielce = gaz.find("Кельце")[0].candidates[0]
    assert kielce.key.startswith("geonames:") and kielce.country == "PL" and kielce.parents == ("country:PL",)


def test_foreign_inflected(gaz):
    assert labels(gaz, "делегація з Любліна прибула до Гданська") == ["Люблін", "Гданськ"]


def test_foreign_regions(gaz):
    got = found(gaz, "Співпраця з Підкарпатським воєводством і штатом Юта.")
    assert [g[1] for g in got] == ["Підкарпатське воєводство", "Юта"]


def test_places_in_ukraine_are_not_foreign(gaz):
    assert all(m.kind == "community" for m in gaz.find("Одеса, Харків, Дніпро"))


def test_place_lookup(gaz):
    de = gaz.place("country:DE")
    assert de.label == "Німеччина" and de.label_en == "Germany"
    with pytest.raises(KeyError):
        gaz.place("katottg:nope")


def test_misspelt_town_before_its_country(gaz):
    ms = gaz.find("Партнери: Болоння, Італія.")
    assert [(m.surface, m.kind) for m in ms] == [("Болоння", "foreign"), ("Італія", "country")]
    assert ms[0].candidates[0].label == "Болонья" and ms[0].extra["fuzzy"] >= 80


def test_abbreviations_and_quoted_names(gaz):
    # "ОВА" (military administration) is not a town abroad; a company «Сонячна Долина» is not the village
    got = found(gaz, "Херсонська ОВА повідомила, що ТОВ «Сонячна Долина» отримало грант від ФРН.")
    assert got == [("Херсонська", "Херсонська область", "council"), ("ФРН", "Німеччина", None)]


def test_person_names_are_not_towns(gaz):
    assert gaz.find("Виступили Богдан Хмельницький та Володимир Петренко.") == []


def test_currency_is_not_a_country(gaz):
    assert gaz.find("Вартість 20 тис. дол. США, або 500 доларів США.") == []
    assert labels(gaz, "Посольство США") == ["США"]


def test_adjectives_in_every_gender(gaz):
    got = found(
        gaz,
        "Коростенська районна рада, Вінницький міський голова, Київська міська рада і Житомирський обласний центр зайнятості.",
    )
    assert got == [
        ("Коростенська", "Коростенський район", "council"),
        ("Вінницький", "Вінницька міська територіальна громада", "council"),
        ("Київська", "Київ", "council"),
    ]


def test_village_lists_share_the_marker(gaz):
    got = gaz.find("Ремонт доріг у селах Вереси, Глибочиця та Тетерівка Житомирського району.")
    assert [m.surface for m in got][:3] == ["Вереси", "Глибочиця", "Тетерівка"]
    assert all(m.marker == "village" for m in got[:3])
    assert got[3].role == "raion"


def test_hromada_by_legal_name(gaz):
    (m,) = gaz.find("територіальна громада міста Вінниці")
    assert m.role == "hromada" and m.candidates[0].label == "Вінниця"


_SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.skipif(not (_SHARED / "seeds").is_dir(), reason="seed documents not available")
def test_seed_places_are_found(gaz):
    """Every non-optional place of the gold annotations is found in its seed (dev-set recall check)."""
    import re
    import tomllib

    from loaders.base import name_key

    latin = str.maketrans("iIaAeEoOcCpPxXyKMHTB’ʼ\xa0", "іІаАеЕоОсСрРхХуКМНТВ'' ")
    cyr = re.compile("[а-яіїєґА-ЯІЇЄҐ]")
    missed = []
    for gold_file in sorted((_SHARED / "eval" / "gold").glob("*.toml")):
        seed = _SHARED / "seeds" / (gold_file.stem + ".txt")
        if not seed.exists():
            continue
        text = re.sub(
            r"\w+",
            lambda m: m.group(0).translate(latin) if cyr.search(m.group(0)) else m.group(0),
            seed.read_text(encoding="utf-8"),
        )
        names = set()
        for m in gaz.find(text):
            best = m.candidates[0]
            hromada = gaz.hromada_of(best.key)
            for p in (best, hromada) if hromada else (best,):
                names |= {name_key(n) for n in (p.label, *p.names)}
        gold = tomllib.loads(gold_file.read_text(encoding="utf-8"))
        for e in gold.get("entity", []):
            if e["type"] in ("Community", "PartnerCity", "Country") and not e.get("optional"):
                if not any(name_key(n) in names for n in e["names"]):
                    missed.append((gold_file.stem, e["names"][0]))
    assert missed == []


def test_sentence_initial_town_that_is_also_a_word(gaz):
    # "Суми" is also "sums": at the start of a sentence it is the town only as a subject or in a list
    assert labels(gaz, "Суми отримали нові автобуси.") == ["Суми"]
    assert labels(gaz, "Суми, Ромни та Конотоп підписали угоду.") == ["Суми", "Ромни", "Конотоп"]
    assert gaz.find("Суми коштів зросли.") == []


def test_name_alone(gaz):
    # a bare name (a table cell, a heading) is found; "Київ" is not the genitive of "кий" here
    for name in ("Київ", "Житомир", "Вінниця", "Польща"):
        assert labels(gaz, name) == [name]


def test_towns_abroad_in_the_plural(gaz):
    assert labels(gaz, "Делегації з Катовиць і Кошиць зустрілися у Кельцях.") == ["Катовіце", "Кошице", "Кельце"]


def test_country_adjective_before_a_town_abroad(gaz):
    ms = gaz.find("Угоду підписали з литовським курортом Друскінінкай і болгарським містом Веліко-Тирново.")
    assert [(m.candidates[0].label, m.extra.get("country")) for m in ms] == [
        ("Друскінінкай", "LT"),
        ("Велико-Тирново", "BG"),  # a misspelling is matched within the named country, the label stays
    ]


def test_surname_that_is_a_town(gaz):
    assert gaz.find("Контактна особа – Олена Ромни, а також Петро Ірпінь.") == []
    assert labels(gaz, "Гості з Ромнів приїхали до Ірпеня.") == ["Ромни", "Ірпінь"]


def test_country_adjective_span(gaz):
    text = "Меморандум з французьким містом Бурж."
    (m,) = gaz.find(text)
    s, e = m.extra["country_span"]
    assert text[s:e] == "французьким" and m.extra["country"] == "FR" and m.candidates[0].country == "FR"


def test_country_after_a_dash_and_gmina(gaz):
    ms = gaz.find("Кельце — Польща — 1998; меморандум з гміною Ланьцут.")
    assert [(m.candidates[0].label, m.kind) for m in ms] == [
        ("Кельце", "foreign"),
        ("Польща", "country"),
        ("Ланьцут", "foreign"),
    ]
    assert ms[2].extra == {"country": "PL"}


def test_small_town_abroad_by_its_latin_name(gaz):
    # no Cyrillic name in GeoNames: the Ukrainian spelling is written back in Polish style
    (m, *_) = gaz.find("Меморандум з гміною Дубецько підписано.")
    assert m.surface == "Дубецько" and m.kind == "foreign"
    assert m.candidates[0].label == "Дубецько" and m.candidates[0].label_en == "Dubiecko"
    assert m.candidates[0].country == "PL" and m.candidates[0].key.startswith("geonames:")


def test_rivers_are_not_towns(gaz):
    assert labels(gaz, "Міст через річку Дніпро, на березі Ірпеня, у Дніпрі та Ірпені.") == ["Дніпро", "Ірпінь"]


def test_a_town_that_is_also_a_word_is_the_town_alone_on_its_line(gaz):
    """ "Суми" alone (a section heading) is the city; "Суми коштів" at a sentence's start are sums."""
    assert labels(gaz, "Суми") == ["Суми"]
    assert labels(gaz, "Суми:") == ["Суми"]
    assert labels(gaz, "Суми коштів виділено на ремонт.") == []


def test_a_surname_town_after_a_sentence_initial_noun_is_the_town(gaz):
    """ "Делегація Хмельницького": the first word is capitalised as the sentence's first, not as a first name."""
    assert labels(gaz, "Делегація Хмельницького відвідала Сегед.")[:1] == ["Хмельницький"]
    assert labels(gaz, "Богдана Хмельницького вшанували у Чигирині.") == ["Чигирин"]


@pytest.mark.parametrize(
    "ukrainian, latin",
    [
        ("Сталева Воля", "Stalowa Wola"),
        ("Бяла Підляська", "Biała Podlaska"),
        ("Руда Шльонська", "Ruda Śląska"),
        ("Пйотркув Трибунальський", "Piotrków Trybunalski"),
        ("Острув Велькопольський", "Ostrów Wielkopolski"),
    ],
)
def test_names_abroad_sound_alike_in_both_scripts(ukrainian, latin):
    from loaders.gazetteer.index import _sound_of_parts, sound_key

    assert sound_key(ukrainian) == sound_key(latin)
    assert _sound_of_parts(ukrainian) == _sound_of_parts(latin)


def test_sound_lookup_finds_the_town_and_not_a_namesake_by_consonants(gaz):
    countries = ("PL", "IT", "FR", "DE")
    assert gaz._sound_lookup("Сталева Воля", countries).label_en == "Stalowa Wola"
    assert gaz._sound_lookup("Нове Място Любавське", countries).country == "PL"
    assert gaz._sound_lookup("Сен-Еблен", countries) is None  # San Bellino's consonants, not its word starts
    assert gaz._sound_lookup("Ярослав", countries) is None  # one word: the spelling look-up's


@pytest.mark.parametrize(
    "text, label",
    [("делегація з Нового Сонча прибула", "Новий Сонч"), ("до Зеленої Гури", "Зелена Гура")],
)
def test_adjectives_of_names_abroad_decline(gaz, text, label):
    assert [m.candidates[0].label for m in gaz.find(text)] == [label]
