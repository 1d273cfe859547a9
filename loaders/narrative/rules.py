"""The named rules of the narrative loader, in the order a document meets them, each with its example.

A rule is written for a general shape of text, not for one sentence. Each entry says which stage and
module holds it, states the shape, and carries an example (our own wording of the shape) with the
relations the loader must read from it — `tests/test_rules.py` runs every example, so a rule that
stops working fails by name. Rules older than this list live in :mod:`.extractor` and
``loaders/lang/<language>/cues.csv`` and are covered by the case folders in ``tests/cases/narrative``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    name: str
    stage: str  # structure | mentions | linking | relations | discourse | evidence
    module: str
    statement: str
    example: str
    expect: frozenset[str]  # "subject label|predicate|object label" that the example must yield
    reject: frozenset[str] = frozenset()  # ... and must not yield


def _r(name, stage, module, statement, example, expect, reject=()) -> Rule:
    return Rule(name, stage, module, statement, example, frozenset(expect), frozenset(reject))


RULES: tuple[Rule, ...] = (
    _r(
        "lost-letters",
        "structure",
        "repair",
        "A Ukrainian page with almost no і/ї (and no Russian letters) lost them to a broken encoding: each unknown "
        "word gets one or two of і/ї/є back where that makes a known word; offsets map back to the page.",
        "Громада Костополя отримала грант. Проєкт «Тепла школа» у Костопол реалзується за пдтримки "
        "уряду Нмеччини. Вн передбача утеплення шкл та закупвлю обладнання для котелень у сел Мирне. "
        "Кошти на нього надав Європейський нвестицйний банк. Громада Костополя отримала грант. "
        "Проєкт передбача утеплення шкл та закупвлю обладнання. Вн реалзується у Костопол.",
        {"Уряд Німеччини|funds|Тепла школа", "Тепла школа|locatedIn|Костопіль"},
    ),
    _r(
        "field-card",
        "structure",
        "structure",
        "A field label on its own line and its value on the next read as one field line.",
        "Проєкт «Зелений двір»\nФінансування\nKfW\nВиконавець\nЛуцька міська рада\n",
        {"Німецький банк розвитку KfW|funds|Зелений двір", "Луцька міська рада|implements|Зелений двір"},
    ),
    _r(
        "stress-marks",
        "structure",
        "loaders.text",
        "Stress marks over vowels are not part of a name (dropped for matching, offsets kept).",
        "Шаргородська громада підписала угоду про співпрацю з містом Гу́ра-Кальва́рія (Польща).",
        {"Шаргородська міська територіальна громада|partnerOf|Гура-Кальварія"},
    ),
    _r(
        "unit-word",
        "mentions",
        "openworld",
        "A word for a municipality or region abroad followed by a capitalised name is a partner town, "
        "kept unlinked with the country named next to it.",
        "Прилуцька громада підписала меморандум про співпрацю з гміною Зелонкі-Пшибишевські (Польща).",
        {
            "Прилуцька міська територіальна громада|partnerOf|Зелонкі-Пшибишевські",
            "Зелонкі-Пшибишевські|inCountry|Польща",
        },
    ),
    _r(
        "adjective-unit",
        "mentions",
        "openworld",
        "A capitalised adjective before район/повіт/округ with a country abroad names a foreign district.",
        "Коростенська громада підписала угоду про партнерство з Укмерзьким районом (Литва).",
        {"Коростенська міська територіальна громада|partnerOf|Укмерзький район"},
    ),
    _r(
        "country-bracket",
        "mentions",
        "openworld",
        "A run of capitalised names closed by a country in brackets: every item is a town of that country.",
        "Місто Ніжин має міст-побратимів: Лович, Кутно, Скерневіце (Польща).",
        {"Ніжин|partnerOf|Скерневіце", "Ніжин|partnerOf|Кутно", "Скерневіце|inCountry|Польща"},
    ),
    _r(
        "bracket-locator",
        "mentions",
        "openworld",
        "Places inside the bracket after a partner town only locate it.",
        "Чернівці мають такі міста-побратими: Солт Лейк Сіті (Юта, США).",
        {"Чернівці|partnerOf|Солт Лейк Сіті"},
        {"Чернівці|partnerOf|Юта"},
    ),
    _r(
        "genitive-chain",
        "mentions",
        "openworld",
        "Regions in the genitive right after a partner town only locate it.",
        "Про партнерство домовилися Музиківська громада та гміна Громадка Болеславецького повіту "
        "Нижньосілезького воєводства.",
        {"Музиківська сільська територіальна громада|partnerOf|Громадка"},
        {"Музиківська сільська територіальна громада|partnerOf|Нижньосілезьке воєводство"},
    ),
    _r(
        "latin-places",
        "mentions",
        "latin",
        "Latin-script names of Ukrainian towns (KMU 2010, looser and older spellings) and towns abroad.",
        "Bourges twinned with Korosten, and Gdynia is now a sister city of Zhytomyr.",
        {"Коростень|partnerOf|Бурж", "Житомир|partnerOf|Гдиня"},
    ),
    _r(
        "russian-places",
        "mentions",
        "russian",
        "Russian names of Ukrainian towns and countries, in any case form.",
        "Мэр украинского Львова и мэр эстонского Тарту подписали соглашение о городах-побратимах.",
        {"Львів|partnerOf|Тарту"},
    ),
    _r(
        "english-initiatives",
        "mentions",
        "loaders.patterns",
        "A capitalised English phrase ending in Programme/Project/Initiative/Activity/Office names an initiative.",
        "The Recovery and Development Office in Voznesensk was opened with the support of the European Union.",
        {
            "Recovery and Development Office|locatedIn|Вознесенськ",
            "Європейський Союз|funds|Recovery and Development Office",
        },
    ),
    _r(
        "type-word",
        "linking",
        "extractor",
        "The hromada's type word (міська, селищна, сільська) chooses among namesakes.",
        "Проєкт «Чисте повітря» реалізується у Миколаївській селищній громаді за підтримки USAID.",
        {"Чисте повітря|locatedIn|Миколаївська селищна територіальна громада"},
        {"Чисте повітря|locatedIn|Миколаївська міська територіальна громада"},
    ),
    _r(
        "elliptic-hromadas",
        "linking",
        "extractor",
        "Coordinated '<adjective> міська|селищна|сільська' with the head noun written once are several hromadas.",
        "У Березнівській міській, Соснівській селищній та Костопільській міській ТГ стартує проєкт «Теплі школи».",
        {
            "Теплі школи|locatedIn|Березнівська міська територіальна громада",
            "Теплі школи|locatedIn|Соснівська селищна територіальна громада",
        },  # fmt: skip
    ),
    _r(
        "money-received",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'<recipients> отримали від <donor> …' : the donor funds the initiative the sentence names.",
        "Ніжин і Прилуки отримали від KOICA 12 сміттєвозів у межах програми «Чисте місто».",
        {"Корейське агентство міжнародного співробітництва|funds|Чисте місто", "Чисте місто|locatedIn|Прилуки"},
        {"Ніжин|partnerOf|Прилуки"},
    ),
    _r(
        "money-allocated",
        "relations",
        "loaders/lang/uk/cues.csv",
        "A donor that allocates, grants or invests an amount funds the initiative it goes to.",
        "Азійський банк розвитку виділив 5 млн доларів на проєкт «Чиста вода Херсона».",
        {"Азійський банк розвитку|funds|Чиста вода Херсона"},
    ),
    _r(
        "subject-within",
        "relations",
        "extractor",
        "The organisation opening a sentence that acts 'в рамках <initiative>' carries it out.",
        "Представництво МОМ в Україні в рамках проекту «Безпечна громада» оголошує конкурс для громад.",
        {"Міжнародна організація з міграції|implements|Безпечна громада"},
    ),
    _r(
        "owner-kinds",
        "relations",
        "extractor",
        "In 'ініціатива A та B «X»' an owner whose registry kind runs programmes implements X; the others fund it.",
        "Громада долучилася до спільної ініціативи ЄС та ПРООН «Мери за економічне зростання».",
        {
            "Європейський Союз|funds|Мери за економічне зростання",
            "Програма розвитку ООН|implements|Мери за економічне зростання",
        },
        {"Програма розвитку ООН|funds|Мери за економічне зростання"},
    ),
    _r(
        "partner-clauses",
        "relations",
        "extractor",
        "In a partnership sentence each Ukrainian town pairs with the partners of its own clause.",
        "Kharkiv ensured the support of Lublin, Chernihiv twinned with Rzeszów.",
        {"Харків|partnerOf|Люблін", "Чернігів|partnerOf|Жешув"},
        {"Харків|partnerOf|Жешув"},
    ),
    _r(
        "agreement-abroad",
        "relations",
        "extractor",
        "An agreement or memorandum signed by a Ukrainian community and a town abroad is a partnership, "
        "even with no word for cooperation.",
        "Вінницька міська рада та муніципалітет Кельце (Польща) підписали меморандум.",
        {"Вінницька міська територіальна громада|partnerOf|Кельце"},
    ),
    _r(
        "domestic-needs-agreement",
        "relations",
        "extractor",
        "Two Ukrainian communities are partners only by an agreement, twinning or partner-community wording.",
        "The partner regions include Odesa, Poltava and Chernihiv.",
        set(),
        {"Одеса|partnerOf|Полтава"},
    ),
    _r(
        "venue-abroad",
        "relations",
        "extractor",
        "A town abroad that only hosts an event (conference, forum, visit in X) is not a project site.",
        "У межах конференції з відновлення в Римі уряд Швейцарії продовжив проєкт «Освіта в громадах» у Житомирі.",
        {"Освіта в громадах|locatedIn|Житомир"},
        {"Освіта в громадах|locatedIn|Рим"},
    ),
    _r(
        "title-acronym",
        "discourse",
        "coref",
        "A title with its acronym in brackets and the bare acronym elsewhere are one initiative.",
        "Громада потрапила до ініціативи CLIR за підтримки Уряду Канади. "
        'Підписано меморандум з проєктом "Інклюзивне відновлення за лідерства громад (CLIR)" у Боярці.',
        {"Уряд Канади|funds|Інклюзивне відновлення за лідерства громад"},
    ),
    _r(
        "money-named-back",
        "discourse",
        "extractor",
        "A funder whose sentence names no initiative pays for the one the next sentence sends the money to "
        '("Кошти спрямують на ...", "The funds will be allocated for ..."); the span is both sentences.',
        "Японія виділила 3 млн доларів. Кошти спрямують на проєкт «Теплі лікарні» у Сумах.",
        {"Уряд Японії|funds|Теплі лікарні"},
    ),
    _r(
        "state-as-subject",
        "relations",
        "extractor",
        "A state named as the subject of a funding verb acts through its government.",
        "Norway is investing NOK 20 million in the Warm Schools project in Chernihiv.",
        {"Уряд Норвегії|funds|Warm Schools"},
    ),
    _r(
        "english-head-after",
        "mentions",
        "patterns",
        "In English the head word may follow the name: 'the «Warm Schools» project', 'the Warm Schools programme'.",
        "UNICEF funds the Safe Schools project in Sumy.",
        {"Дитячий фонд ООН|funds|Safe Schools", "Safe Schools|locatedIn|Суми"},
    ),
    _r(
        "english-single-quotes",
        "mentions",
        "patterns",
        "An English title in single quotes before a head word is an initiative; the donors named just before it "
        "(\"the joint EU-UNDP 'X' project\") are its modifiers.",
        "Work goes on within the joint EU-UNDP 'Safe Roads for Villages' project in Sumy.",
        {"Європейський Союз|funds|Safe Roads for Villages", "Програма розвитку ООН|implements|Safe Roads for Villages"},
    ),
    _r(
        "person-ends-title",
        "mentions",
        "patterns",
        "A first name followed by a surname ends an unquoted title (the people of a visit are not part of the name).",
        "У Бучі працює Програма Сильні Громади Бастіана Файгеля, яку фінансує USAID.",
        {"Агентство США з міжнародного розвитку|funds|Програма Сильні Громади"},
        {"Агентство США з міжнародного розвитку|funds|Програма Сильні Громади Бастіана Файгеля"},
    ),
    _r(
        "latin-organisation",
        "mentions",
        "patterns",
        "A Latin name closed by a legal form or an organisation word (AG, GmbH, Ltd, International, Trust, "
        "Foundation ...) is an organisation; as a sentence's subject or a cue's agent it implements.",
        "Проєкт «Чиста вода» реалізує швейцарська компанія Aqua Consult AG у партнерстві з Blue Rivers Trust.",
        {"Aqua Consult AG|implements|Чиста вода", "Blue Rivers Trust|implements|Чиста вода"},
    ),
    _r(
        "coordinated-initial-name",
        "linking",
        "gazetteer",
        "A sentence-initial town whose name is also a common word is a name when another name is coordinated "
        'with it ("Хмельницький та Сегед …", "Рівне та французьке місто Ле-Ман …").',
        "Хмельницький та Сегед стали містами-побратимами.",
        {"Хмельницький|partnerOf|Сегед"},
    ),
    _r(
        "city-abroad-by-adjective",
        "mentions",
        "openworld",
        '"місто X" with a country adjective before it (or its country in brackets) is a town abroad, kept '
        'unlinked with that country when no gazetteer knows it; "місто-партнер X" is one in any case.',
        "Долинська громада стала партнером естонського міста Пилва. Славутич приймав мера міста-партнера Ігналіна.",
        {"Пилва|inCountry|Естонія"},
    ),
    _r(
        "partner-list",
        "mentions",
        "openworld",
        'Every item of a list after a partner heading ("Міста-побратими X: A, B, C", "партнерів — A та B") is a '
        "partner, whether a gazetteer knows it or not.",
        "Міста-побратими Бердичева: Ольштинек, Цєхануф, Кальвін-Сіті.",
        {"Бердичів|partnerOf|Ольштинек", "Бердичів|partnerOf|Цєхануф"},
    ),
    _r(
        "latin-unit",
        "mentions",
        "openworld",
        "A municipality written in its own language with its unit word (Gmina, Powiat, Landkreis, Comune ...) is a "
        "partner abroad; the unit word names the country where it can.",
        "Бердичівська громада підписала угоду про співпрацю з Gmina Biszcza.",
        {"Бердичівська міська територіальна громада|partnerOf|Gmina Biszcza", "Gmina Biszcza|inCountry|Польща"},
    ),
    _r(
        "relative-antecedent",
        "relations",
        "extractor",
        "The subject of a relative clause's verb is the name the clause hangs on (\"з фондом X (ACR), який ... "
        'запустив проєкт «Y»"); "запустити" launches an initiative like "започаткувати".',
        "Громада співпрацює з Дитячим фондом ООН (ЮНІСЕФ), який разом із партнерами запустив проєкт «Поруч».",
        {"Дитячий фонд ООН|implements|Поруч"},  # a UN agency that launches runs it (rule agency-launch-implements)
    ),
    _r(
        "joint-partners",
        "relations",
        "extractor",
        'A "разом з / у партнерстві з / in partnership with" phrase makes co-agents: the donor or organisation it '
        "hangs on acts too, the listed ones act with it, and a state among them pays (funds) rather than carries "
        'out; English "opened/launched/set up" launch an initiative like "запустити".',
        "The UN Development Programme (UNDP), in partnership with Denmark and the European Union, opened a "
        "Recovery Office in Voznesensk.",
        {
            "Програма розвитку ООН|implements|Recovery Office",
            "Уряд Данії|funds|Recovery Office",
            "Європейський Союз|funds|Recovery Office",  # the EU pays (rule ``joint-government-funds``)
        },
    ),
    _r(
        "native-name-apposition",
        "mentions",
        "openworld",
        'A name followed by its own-language form in brackets ("(пол. Góra Kalwaria)") and an apposition naming '
        'a country ("— місто в Польщі", "у Польщі", ", Польща") is a town of that country even when no gazetteer '
        "knows it; a full stop inside such a short bracket does not end the sentence; a clause saying what it "
        'belongs to ("що входить у Мазовецьке воєводство") only locates it; the same unknown name later in the '
        "document is the same town.",
        "Громада розпочала співпрацю із Гура-Кальварія (пол. Góra Kalwaria) — місто в Польщі, що входить у "
        "Мазовецьке воєводство. Голова Шаргородської громади провів зустріч із мером міста Гура-Кальварія.",
        {"Шаргородська міська територіальна громада|partnerOf|Гура-Кальварія", "Гура-Кальварія|inCountry|Польща"},
        {"Мазовецьке воєводство|inCountry|Польща"},
    ),
    _r(
        "cooperation-with-unit",
        "relations",
        "lang/uk/cues.csv",
        '"співпрацює з" followed by a municipal unit word ("з округом", "із землею", "з гміною") or by a capitalised '
        "name that ends at a bracket or comma speaks of partnership; a lower-case word after it does not "
        '("у співпраці з громадськими організаціями").',
        "Житомир співпрацює з округом Ґрант (США) та кантоном Во (Швейцарія).",
        {"Житомир|partnerOf|Ґрант", "Житомир|partnerOf|Во", "Ґрант|inCountry|США"},
    ),
    _r(
        "russian-country-adjective",
        "mentions",
        "gazetteer",
        'Russian country adjectives ("эстонского Тарту", "с польским городом") name a town\'s country like the '
        "Ukrainian ones (stems in ontology/data/country_adjectives.csv).",
        "Мэр эстонского Тарту и мэр украинского Львова подпишут соглашение о сотрудничестве.",
        {"Львів|partnerOf|Тарту", "Тарту|inCountry|Естонія"},
    ),
    _r(
        "agreement-parties",
        "relations",
        "extractor",
        "A donor that signs an agreement (угода, меморандум, договір; підписали, уклали, signed) about an initiative "
        "takes part in it: the initiative named after the agreement noun, else the framework the sentence is "
        'within; an initiative followed by "між A та B" names its parties. A development bank, a state, the EU, a '
        "bilateral agency or any party to an agreement about money "
        "funds; other donors carry out.",
        "Угоду про фінансування проєкту «Теплі школи» підписали KfW та Житомирська міська рада. У рамках "
        "програми «Громади разом» між обласною адміністрацією та ПРООН підписано меморандум. Техніку передано "
        "в рамках Програми з екстреного відновлення між Японським агентством міжнародного співробітництва (JICA) "
        "та Урядом України.",
        {
            "Німецький банк розвитку KfW|funds|Теплі школи",
            "Програма розвитку ООН|implements|Громади разом",
            "Японське агентство міжнародного співробітництва|funds|Програма з екстреного відновлення",
        },
    ),
    _r(
        "funding-channel",
        "relations",
        "extractor",
        'A funder named with its channel ("урядом Швеції через Агентство ... (Sida)", "through its agency") has the '
        "channel act with it; future passive forms (фінансуватиметься, реалізовуватиметься) are cues like the "
        "present ones.",
        "Проєкт «Сильні громади» фінансуватиметься урядом Швеції через Sida.",
        {
            "Уряд Швеції|funds|Сильні громади",
            "Шведське агентство міжнародного співробітництва з питань розвитку|funds|Сильні громади",
        },
    ),
    _r(
        "latin-name-and-title",
        "mentions",
        "patterns",
        'A Latin word between the trigger and the quoted title that no registry knows ("програми Polaris '
        "«Підтримка багаторівневого врядування»\") is the initiative's short name: one initiative with both "
        'names, the one later sentences call it by; the trigger may open the sentence ("Програма Polaris ...").',
        "SALAR International оголосила про запуск програми Polaris «Підтримка багаторівневого врядування». "
        "Програма Polaris фінансується урядом Швеції.",
        {"SKL International|implements|Polaris", "Уряд Швеції|funds|Polaris"},
    ),
    _r(
        "quoted-title-with-head",
        "mentions",
        "patterns",
        'A quoted title that is itself headed by a trigger noun ("продовжує реалізацію «Програми екстреної '
        'підтримки …»") names an initiative, its head put in the nominative; one with years in it ("на 2025 рік") '
        "is a local budget programme and is left out.",
        "Естонська рада у справах біженців продовжує реалізацію «Програми екстреної підтримки доступу до засобів "
        "для існування» у Черкаській області.",
        {
            "Естонська рада у справах біженців|implements|Програма екстреної підтримки доступу до засобів для існування",
            "Програма екстреної підтримки доступу до засобів для існування|locatedIn|Черкаська область",
        },
    ),
    _r(
        "unit-word-forms",
        "mentions",
        "openworld",
        'A unit word abroad may carry its adjective after it ("з польським повітом Вадовицьким" is the Вадовицький '
        'повіт), its country adjective two words before ("литовське районне самоврядування"), and be a волость or '
        "парафія; a town after a country adjective is matched by spelling only when the first letter agrees "
        '("німецької громади Вальдбронн" is not Гайльбронн).',
        "Малинська громада підписала угоду з польським повітом Вадовицьким. Золочівська громада стала партнером "
        "німецької громади Вальдбронн. Між Ніжинською громадою та естонською волостю Сааре підписано меморандум.",
        {
            "Малинська міська територіальна громада|partnerOf|Вадовицький повіт",
            "Вадовицький повіт|inCountry|Польща",
            "Золочівська міська територіальна громада|partnerOf|Вальдбронн",
            "Ніжинська міська територіальна громада|partnerOf|Сааре",
        },
        {"Золочівська міська територіальна громада|partnerOf|Гайльбронн"},
    ),
    _r(
        "english-money-frames",
        "relations",
        "lang/en/cues.csv",
        'English donor pages: "provided grants/a EUR 50 million loan", "approved" fund; "implemented by" is '
        'passive only (its agent is after it); "a $200 million HEAT project" names a project after an amount; '
        '"the German city of Schwerin" gives the town\'s country (English country adjectives).',
        "Under the EU4Business initiative, the EBRD provided grants to firms in Chernihiv. The World Bank approved "
        "a $200 million HEAT project. Zhytomyr and the German city of Schwerin signed a partnership agreement.",
        {
            "Європейський банк реконструкції та розвитку|funds|EU4Business",
            "Світовий банк|funds|HEAT",
            "Житомир|partnerOf|Шверін",
            "Шверін|inCountry|Німеччина",
        },
    ),
    _r(
        "russian-oblasts",
        "mentions",
        "russian",
        'A Russian page names oblasts by their Russian adjective ("в Николаевской области"): the stem is looked '
        "up in loaders/lang/ru/oblasts.csv and linked to the same KATOTTG oblast; a funding verb between a "
        'sentence\'s first donor and "в рамках" makes that donor the funder, not an implementer.',
        "Европейский инвестиционный банк предоставит Запорожью кредит в рамках проекта «Городской транспорт». "
        "Проект «Энергоэффективные школы» финансируется Европейским союзом в Николаевской области.",
        {
            "Європейський інвестиційний банк|funds|Городской транспорт",
            "Энергоэффективные школы|locatedIn|Миколаївська область",
        },
        {"Європейський інвестиційний банк|implements|Городской транспорт"},
    ),
    _r(
        "country-list",
        "mentions",
        "openworld",
        'A list after a unit noun and a country ("з трьома громадами Литви: Аніксчяй, Бірштонас та Вілкавішкіс") '
        "names places of that country, known to a gazetteer or not; a country in brackets after a town picks that "
        'country\'s town of the name ("Тонтон (США)" is not the English Taunton).',
        "Коростишівська громада підписала меморандуми з трьома громадами Литви: Аніксчяй, Бірштонас та "
        "Вілкавішкіс. Житомир підписав угоду про побратимство з містом Тонтон (США).",
        {
            "Коростишівська міська територіальна громада|partnerOf|Бірштонас",
            "Бірштонас|inCountry|Литва",
            "Житомир|partnerOf|Тонтон",
            "Тонтон|inCountry|США",
        },
    ),
    _r(
        "hromada-list-after-qualifier",
        "mentions",
        "extractor",
        'A list of adjectives after "громад" with its oblast qualifier and a colon ("15 громад Чернігівської та '
        'Сумської областей: Менська, Корюківська, Сновська", "громади Херсонщини: …") names hromadas, not oblasts; '
        "an adjective the gazetteer read as a town (Сновськ) is the hromada in such a list.",
        "До Програми USAID «ГОВЕРЛА» долучилися 15 громад Чернігівської та Сумської областей: Менська, "
        "Корюківська та Сновська.",
        {
            "Програма USAID «ГОВЕРЛА»|locatedIn|Менська міська територіальна громада",
            "Програма USAID «ГОВЕРЛА»|locatedIn|Сновська міська територіальна громада",
        },
        {"Програма USAID «ГОВЕРЛА»|locatedIn|Сновськ"},
    ),
    _r(
        "list-under-lead",
        "discourse",
        "extractor",
        'A line that refers to the current initiative and ends with a colon ("Громади-учасниці проєкту:") opens a '
        "list: each following item line (a bullet or a short line) is about that initiative, however many "
        "paragraphs the list spans.",
        "Проєкт «Відновлення громад» фінансує Європейський Союз.\n\nГромади-учасниці проєкту:\n\n"
        "- Менська міська громада;\n- Корюківська міська громада;\n- Сновська міська громада.\n",
        {
            "Відновлення громад|locatedIn|Менська міська територіальна громада",
            "Відновлення громад|locatedIn|Сновська міська територіальна громада",
        },
    ),
    _r(
        "verb-forms",
        "relations",
        "lang/uk/cues.csv",
        'Cue verbs in their past forms ("яку фінансував ЄІБ"), "втілює в життя" as "реалізує", and "фінансову '
        'підтримку … надала X" as "кошти … надала X".',
        "У Житомирі завершили реконструкцію водоканалу, яку фінансував Європейський інвестиційний банк у межах "
        "програми «Водоканали України». Фінансову підтримку проєкту «Безпечна вода» надала Японія. Проєкт «Чисте "
        "повітря» втілює в життя громадська організація «Екоклуб».",
        {
            "Європейський інвестиційний банк|funds|Водоканали України",
            "Уряд Японії|funds|Безпечна вода",
            "Екоклуб|implements|Чисте повітря",
        },
    ),
    _r(
        "inflected-title",
        "mentions",
        "patterns",
        'A short quoted title written in another case ("програми «теплих кредитів»") is named in the nominative '
        '("теплі кредити"); a title whose first word can be nominative ("«Мери за економічне зростання»") stays as '
        "written.",
        "Фонд енергоефективності фінансує програму «доступних кредитів» для ОСББ Луцька.",
        {"Фонд енергоефективності|funds|доступні кредити"},
    ),
    _r(
        "place-before-agent",
        "relations",
        "extractor",
        "A place or country after a preposition between a cue and its agent is an adverbial, not the end of the "
        'agent list: "який виконується в Україні Alinea International" — Alinea carries it out.',
        'Проєкт "Супровід урядових реформ" (SURGe), який виконується в Україні Alinea International, фінансує '
        "Уряд Канади.",
        {"Alinea International|implements|Супровід урядових реформ в Україні"},
    ),
    _r(
        "partner-list-segments",
        "relations",
        "extractor",
        "A partner list whose items are separated by semicolons (each with its dates) runs on from the Ukrainian "
        'community named before its first item: "Партнерами Ніжинської громади є: місто Лович (Польща) – з 2005 '
        "року; місто Кутно (Польща) – з 2012 року\" — Кутно is Ніжин's partner too.",
        "Партнерами Ніжинської громади є: місто Лович (Польща) – з 2005 року; місто Кутно (Польща) – з 2012 року; "
        "місто Пакруойіс (Литва) – з 2019 року.",
        {
            "Ніжинська міська територіальна громада|partnerOf|Кутно",
            "Ніжинська міська територіальна громада|partnerOf|Пакруоїс",
            "Кутно|inCountry|Польща",
        },
    ),
    _r(
        "organisation-holds-country",
        "relations",
        "extractor",
        'A country inside an organisation\'s unquoted name ("Міністерство освіти і науки України") is part of the '
        "name, not the cue's agent; a verb ends such a name.",
        "ЮНІСЕФ разом із Міністерством освіти і науки України реалізує проєкт «Поруч».",
        {"Міністерство освіти і науки України|implements|Поруч", "Дитячий фонд ООН|implements|Поруч"},
    ),
    _r(
        "elliptic-oblasts",
        "mentions",
        "extractor",
        "A list of oblast adjectives with one plural head after it or right before it names each oblast "
        '("Житомирська, Київська та Чернігівська області", "в областях: Вінницькій, Волинській"); the oblasts '
        "of such a list take part in what the sentence speaks of, they are never its partners.",
        "Програма USAID «Говерла» у співпраці з громадами працює в областях: Вінницькій, Волинській та Житомирській.",
        {
            "Програма USAID «ГОВЕРЛА»|locatedIn|Волинська область",
            "Програма USAID «ГОВЕРЛА»|locatedIn|Вінницька область",
        },
        {"Вінницька область|partnerOf|Волинська область"},
    ),
    _r(
        "listed-hromadas",
        "mentions",
        "extractor",
        'A list of adjectives opened by a plural hromada head ("у громадах: Ірпінській, Бучанській та '
        'Гостомельській") names each hromada, of whichever type the codifier has.',
        "Проєкт «Тепло» USAID працює у громадах: Ірпінській, Бучанській та Гостомельській.",
        {
            "Тепло|locatedIn|Гостомельська селищна територіальна громада",
            "Тепло|locatedIn|Ірпінська міська територіальна громада",
        },
    ),
    _r(
        "role-noun-frames",
        "relations",
        "cues",
        '"Донором/Партнерами проєкту «X» є/виступає Y" names X\'s funder or implementer; money named first and its '
        'giver after the verb ("Кошти на проєкт «X» надала Y"); "програма «X» від Y" comes from Y.',
        "Донором проєкту «Тепла лікарня» виступає уряд Японії. Партнерами проєкту «Тепла лікарня» є ПРООН та ЮНІСЕФ. "
        "Кошти на реалізацію проєкту «Вода для всіх» надала Швейцарія. Громада долучилася до програми «Відкриті двері» від USAID.",
        {
            "Уряд Японії|funds|Тепла лікарня",
            "Програма розвитку ООН|implements|Тепла лікарня",
            "Уряд Швейцарії|funds|Вода для всіх",
            "Агентство США з міжнародного розвитку|funds|Відкриті двері",
        },
    ),
    _r(
        "card-region-fields",
        "structure",
        "structure",
        'A card\'s region fields ("Регіони:", "Географія", "Цільові області:") and "Партнер-виконавець" '
        "belong to the item named above like its other fields.",
        "Проєкт «Сильні громади»\nДонор\nUSAID\nПартнер-виконавець\nGlobal Communities\nРегіони: Харківська, "
        "Сумська області\n",
        {"Global Communities|implements|Сильні громади", "Сильні громади|locatedIn|Сумська область"},
    ),
    _r(
        "english-possessive-owner",
        "mentions",
        "patterns",
        'An English possessive before a name is its owner and a modifier ("USAID\'s Economic Resilience Activity", '
        '"the World Bank\'s HEAT project"); a hromada is named in English by its centre town ("the Bucha hromada").',
        "The World Bank's HEAT project will modernise heating in the Bucha hromada.",
        {"Світовий банк|funds|HEAT", "HEAT|locatedIn|Бучанська міська територіальна громада"},
    ),
    _r(
        "oblast-head-first",
        "mentions",
        "latin",
        'In English, a plural head before a list ("regions include A, B and C", "oblasts: A, B") makes each name the oblast.',
        "The DECIDE project covers four partner regions. The partner regions include Odesa, Poltava and Chernihiv.",
        {"Децентралізація для розвитку демократичної освіти|locatedIn|Полтавська область"},
        {"Децентралізація для розвитку демократичної освіти|locatedIn|Полтава"},
    ),
    _r(
        "evidence-names-both-ends",
        "evidence",
        "evidence",
        "A relation's evidence span names both ends; a continuing sentence is widened back to the one that named an end.",
        "У Вінниці стартував проєкт «Світлі вулиці». Його фінансує Європейський Союз.",
        {"Європейський Союз|funds|Світлі вулиці"},
    ),
    _r(
        "country-adjective-over-village",
        "linking",
        "loaders.gazetteer.index",
        "A country adjective before a unit word and a name ('з польським містом Познань') outweighs a Ukrainian village "
        "of the same name when that country has a town named exactly so.",
        "Місто Харків підписало угоду про побратимство з польським містом Познань.",
        {"Харків|partnerOf|Познань", "Познань|inCountry|Польща"},
    ),
    _r(
        "relations-with-unit",
        "relations",
        "lang/uk/cues.csv",
        "'розвиває відносини / контакти / зв'язки з' followed by a unit word ('з містом', 'з гміною') states a "
        "partnership without any other cooperation word.",
        "Миколаїв розвиває відносини з містом Гданськ (Польща).",
        {"Миколаїв|partnerOf|Гданськ"},
    ),
    _r(
        "sentence-adverb-not-a-name",
        "linking",
        "loaders.gazetteer.index",
        "A capitalised sentence-initial adverb or conjunction ('Також', 'Зокрема') before a town that is also a word "
        "does not make the pair a person's name.",
        "Також Миколаїв розвиває відносини з містом Гданськ (Польща).",
        {"Миколаїв|partnerOf|Гданськ"},
    ),
    _r(
        "relations-with-unit-ru-en",
        "relations",
        "lang/ru/cues.csv, lang/en/cues.csv",
        "The same cue in Russian ('развивает отношения с городом', 'породнился') and English ('close ties with the "
        "Polish city of', 'friendly relations with').",
        "Житомир породнился с польским городом Кельце. Kharkiv established friendly relations with Bologna (Italy).",
        {"Житомир|partnerOf|Кельце", "Харків|partnerOf|Болонья"},
    ),
    _r(
        "hashtag-name",
        "mentions",
        "extractor",
        "A hashtag ('#ВеликеБудівництво', '#USAID_АГРО') names the initiative the page or the registry names in words: "
        "the tag, lower-cased without '_', equals the name without spaces; a tag in the heading finds a name given later.",
        "Звіт про #ВеликеБудівництво\n\nУ межах програми «Велике будівництво» зводять школу. "
        "Усього на Черкащині реалізовують 7 об'єктів у межах #ВеликеБудівництво.",
        {"Велике будівництво|locatedIn|Черкаська область"},
    ),
    _r(
        "centre-after-preposition",
        "linking",
        "loaders.gazetteer.index",
        "A hromada centre whose case form is also a common word ('Драбові') is read as the place right after 'у', 'в', "
        "'до', 'з'.",
        "У Драбові у межах проєкту «Світлий шлях» встановили ліхтарі.",
        {"Світлий шлях|locatedIn|Драбів"},
    ),
    _r(
        "signed-with-community",
        "relations",
        "extractor",
        "A memorandum or agreement one Ukrainian community signs with another ('із Мирноградською громадою') makes them "
        "partners; a place after 'на'/'у' only locates the second one.",
        "Стрийська громада підписала меморандум із Мирноградською громадою, що на Донеччині.",
        {"Стрийська міська територіальна громада|partnerOf|Мирноградська міська територіальна громада"},
        {"Стрийська міська територіальна громада|partnerOf|Донецька область"},
    ),
    _r(
        "adjective-units",
        "mentions",
        "openworld, lang/uk/adjective_units.csv",
        "Coordinated adjectives before a (plural) unit word name one unit abroad each ('словацькими Пряшівським і "
        "Кошицьким самоврядними краями', 'литовським Кедайняйським районним самоврядуванням'), in the nominative "
        "with the unit's gender; the country comes from an adjective before or a bracket after.",
        "Ужгород співпрацює зі словацькими Пряшівським і Кошицьким самоврядними краями.",
        {"Ужгород|partnerOf|Пряшівський самоврядний край", "Кошицький самоврядний край|inCountry|Словаччина"},
    ),
    _r(
        "home-is-the-subject",
        "discourse",
        "extractor",
        "In the opening lines the document's home is the community named first without a preposition before it (the "
        "subject), before a hromada named after 'з' ('Стрий підписав меморандум з Лиманською громадою').",
        "Стрий підписав меморандум з Лиманською громадою\n\nРаніше Стрийська громада вже підписала аналогічний "
        "меморандум із Мирноградською громадою, що на Донеччині.",
        {"Стрий|partnerOf|Лиманська міська територіальна громада"},
        {"Лиманська міська територіальна громада|partnerOf|Мирноградська міська територіальна громада"},
    ),
    _r(
        "country-heading",
        "structure",
        "extractor, openworld",
        "A line opening with a country and a colon ('Ізраїль:') in a partner list makes its item, and the items under it, "
        "places of that country, known to a gazetteer or not; a region after a comma ('Бірмінгем, штат Алабама') or "
        "alone in brackets ('(Опольське воєводство)') only locates the town before it.",
        "Вінниця має міста-партнери.\n\nІзраїль:\nКарміель — з 1999 року\n\nСША:\nБірмінгем, штат Алабама — з 2006 року\n",
        {"Карміель|inCountry|Ізраїль", "Бірмінгем|inCountry|США", "Вінниця|partnerOf|Карміель"},
        {"Вінниця|partnerOf|Алабама", "Бірмінгем|inCountry|Велика Британія"},
    ),
    _r(
        "no-partnership",
        "relations",
        "extractor",
        "A sentence that denies an agreement ('угоди … немає', 'договоренностей не достигнуто', 'no agreement') states "
        "no partnership.",
        "Житомир отримав тролейбуси з Цюриха. Угоди про партнерство між Житомиром та Цюрихом наразі немає.",
        set(),
        {"Житомир|partnerOf|Цюрих"},
    ),
    _r(
        "bracket-country-wins",
        "linking",
        "openworld",
        "A country in brackets after a town the gazetteer knows only in another country ('Вестланд (Нідерланди)') keeps "
        "the town unlinked in the bracket's country.",
        "Коломия уклала угоди про співпрацю з містами: Ґмюнд (Австрія) та Вестланд (Нідерланди).",
        {"Вестланд|inCountry|Нідерланди", "Коломия|partnerOf|Вестланд"},
    ),
    _r(
        "cooperation-established-with",
        "relations",
        "lang/uk/cues.csv, openworld",
        "'співпраця налагоджена / триває / ведеться з X' states a partnership; '— столицею <region>' after the partner "
        "only locates it.",
        "Луцьк має польських партнерів. Найтісніша співпраця налагоджена з Ольштином — столицею "
        "Вармінсько-Мазурського воєводства, а також із Холмом.",
        {"Луцьк|partnerOf|Ольштин", "Луцьк|partnerOf|Холм"},
        {"Луцьк|partnerOf|Вармінсько-Мазурське воєводство"},
    ),
    _r(
        "english-unit-names",
        "mentions",
        "latin, openworld",
        "An English unit name is kept whole ('Rokiškis District Municipality', 'Łęczna County', 'Grant County' over the "
        "town of Grant), its country named up to a state or 'in' away ('Grant County, Oregon (USA)', '… in Lithuania') or "
        "by a unit word in brackets ('(Powiat łęczyński)'); the region after it only locates it, and so does an oblast "
        "after its own town ('Lutsk, Volyn Oblast').",
        "Lutsk, Volyn Oblast — Lutsk City Council signed an agreement with the Gmina of Kraśnik (Poland) and a "
        "memorandum with Łęczna County (Powiat łęczyński) in the Lublin Voivodeship. In 2021 Lutsk signed a cooperation agreement with the Rokiškis District Municipality in "
        "Lithuania.",
        {
            "Луцьк|partnerOf|Łęczna County",
            "Łęczna County|inCountry|Польща",
            "Rokiškis District Municipality|inCountry|Литва",
        },
        {"Волинська область|partnerOf|Łęczna County", "Луцьк|partnerOf|Люблінське воєводство"},
    ),
    _r(
        "russian-units",
        "mentions",
        "openworld, lang/ru/foreign_units.csv, lang/ru/adjective_units.csv",
        "Russian sentences read Russian unit words ('с округом Бергштрассе', 'с краем Высочина', 'с Силезским "
        "воеводством') through the same schema; a country in the genitive right after the name ('воеводством Республики "
        "Польша', 'Гранд-Эст Французской Республики', 'Укмерзьким районом Литви') is its country.",
        "Запорожская область сотрудничает с Силезским воеводством Республики Польша и регионом Гранд-Эст Французской "
        "Республики. Соглашение о сотрудничестве подписано с краем Высочина Чешской Республики.",
        {
            "Запорізька область|partnerOf|Силезское воеводство",
            "Гранд-Эст|inCountry|Франція",
            "Высочина|inCountry|Чехія",
        },
    ),
    _r(
        "adjective-name",
        "mentions",
        "openworld",
        "A country adjective before a capitalised word no gazetteer knows, in the instrumental, names a town of that "
        "country in the nominative ('з німецьким Бергхаймом', 'с болгарским Кюстендилом').",
        "Кременчук має давні дружні відносини з польським містом Хелм та німецьким Бергхаймом.",
        # Bergheim is found by its German spelling (rule german-spelling-written-back) and labelled as GeoNames has it
        {"Кременчук|partnerOf|Бергем", "Бергем|inCountry|Німеччина"},
    ),
    _r(
        "country-run-head",
        "mentions",
        "openworld, extractor",
        "'у Польщі — A, B та C' heads a run with its country, which names an adjective unit in it ('Тчевський повіт'); an "
        "agreement 'з <town abroad>' in a sentence without a Ukrainian community is the document's home's; a unit above "
        "a gmina in the genitive ('Кшешув Ніжанського повіту') is not part of its name.",
        "Місто Рівне має міста-побратими у Польщі — Пйотркув-Трибунальський, Тчевський повіт та Жешув. З грудня "
        "минулого року "
        "діє угода з литовським містом Мар'ямполе.",
        {"Рівне|partnerOf|Тчевський повіт", "Тчевський повіт|inCountry|Польща", "Рівне|partnerOf|Маріямполе"},
    ),
    _r(
        "list-items-keep-context",
        "structure",
        "extractor, gazetteer, openworld",
        "Dash or bullet items under a partnership sentence all stay in its context, however many; a plural adjective "
        "('Українські громади') names no hromada; a region after 'з' following a partner only locates it.",
        "Чотири громади підписали угоди про партнерство:\n\n— Бурштинська громада та словацьке місто Ружомберок;\n"
        "— Новороздільська громада та гміна Устшики-Дольні з Підкарпатського воєводства;\n"
        "— Березнівська громада та литовське місто Кедайняй;\n— Баришівська громада та естонська волость Саку.\n\n"
        "«Українські громади вчаться в європейських колег», — сказав директор.",
        {"Баришівська селищна територіальна громада|partnerOf|Саку", "Саку|inCountry|Естонія"},
        {"Новороздільська міська територіальна громада|partnerOf|Підкарпатське воєводство"},
    ),
    _r(
        "adjective-name-cases",
        "mentions",
        "openworld, gazetteer",
        "A country adjective before an unknown town in the instrumental gives the town's nominative by its ending "
        "('литовським Пакруоєм' -> Пакруой, 'болгарською Варною' -> Варна); 'має', 'є', 'стала' after a sentence-initial "
        "town are its predicate ('Боярка має …').",
        "Боярка має давні дружні відносини з литовським Пакруоєм.",
        {"Боярка|partnerOf|Пакруой", "Пакруой|inCountry|Литва"},
    ),
    _r(
        "funding-cue-owns-agent",
        "relations",
        "extractor",
        "An agent after a passive implementing verb but behind a funding cue ('реалізується при фінансовій підтримці "
        "компанії ДТЕК') funds; it does not implement.",
        "Конкурс «Громада своїми руками» реалізується при фінансовій підтримці компанії ДТЕК.",
        {"ДТЕК|funds|Громада своїми руками"},
        {"ДТЕК|implements|Громада своїми руками"},
    ),
    _r(
        "state-name-bracket",
        "linking",
        "openworld",
        "A bracket holding a country's adjective and its state word ('(Швейцарська Конфедерація)', '(Французька "
        "Республіка)') names the country of the partner before it; a list headed by a country adjective ('польських "
        "партнерів Стрия: …') prefers that country's towns.",
        "Фастів має намір встановити партнерські відносини з кантоном Базель-Ланд (Швейцарська Конфедерація).",
        {"Фастів|partnerOf|Базель-Ланд", "Базель-Ланд|inCountry|Швейцарія"},
    ),
    _r(
        "verb-lexemes",
        "relations",
        "loaders.patterns, lang/uk/cues.csv",
        "A funding or implementing verb is a cue row naming infinitives ('verbs:підтримувати підтримати …'); every "
        "finite form the dictionary gives (present, future, past, infinitive) is matched, so aspect, tense and number "
        "do not each need a pattern; the subject stands before the verb or after it.",
        "Проєкт «Громади за мир» у Бучі підтримуватимуть уряди Нідерландів та Данії. Минулого року ПРООН "
        "реалізувала проєкт «Чиста вода». Європейський Союз співфінансуватиме проєкт «Теплий дім».",
        {
            "Уряд Нідерландів|funds|Громади за мир",
            "Уряд Данії|funds|Громади за мир",
            "Програма розвитку ООН|implements|Чиста вода",
            "Європейський Союз|funds|Теплий дім",
        },
        {"Європейський Союз|implements|Теплий дім"},
    ),
    _r(
        "role-copula",
        "relations",
        "roles, lang/uk/roles.csv",
        "A role noun in the instrumental joined by a copula names who pays or carries out an initiative: "
        "'Донором проєкту «X» є Y', 'Y виступає виконавцем програми «X»', '…, а донором виступає Y', 'Його донором "
        "є Y'; a state among the partners pays; a role about something else ('Оператором котельні стало КП …') "
        "or with no initiative ('Закордонними партнерами стали Нідерланди') states nothing.",
        "Виконавцем проєкту «Теплий дім» у Житомирі є ГО «Екоклуб», а донором виступає Європейський Союз. "
        "Партнерами проєкту «Зелена енергія» стали ПРООН та Швейцарія. Оператором котельні стало КП «Теплоенерго».",
        {
            "Екоклуб|implements|Теплий дім",
            "Європейський Союз|funds|Теплий дім",
            "Програма розвитку ООН|implements|Зелена енергія",
            "Уряд Швейцарії|funds|Зелена енергія",
        },
        {"Теплоенерго|implements|Зелена енергія"},
    ),
    _r(
        "partner-table-rows",
        "structure",
        "loaders.text, openworld",
        "Lines with two or more ' — ' cells are table rows, each its own line ('Місто — Країна — рік'); under a "
        "partnership heading every row stays in its context, and a first cell no gazetteer knows, followed by a "
        "country cell, is a partner of that country; a name after a unit word is the unit-word rule's, whole "
        "('повітом Тчевським (Польща)' -> Тчевський повіт); 'Телавський муніципалітет' is an adjective unit.",
        "Умань\n\nМіста-побратими\n\nМісто — Країна — рік\nСтшижув — Польща — 2004\nРужомберок — Словаччина — 2008\n"
        "Бейт-Шемеш — Ізраїль — 2011\nОкруг Медісон (штат Айова) — США — 2016\nТелавський муніципалітет — Грузія — 2019\n",
        {
            "Умань|partnerOf|Стшижув",
            "Стшижув|inCountry|Польща",
            # "Округ" starting the row is the unit word (its names keep "округ Медісон")
            "Умань|partnerOf|Медісон",
            "Медісон|inCountry|США",
            "Умань|partnerOf|Телавський муніципалітет",
        },
        {"Умань|partnerOf|Айова"},
    ),
    _r(
        "only-country-abroad",
        "discourse",
        "extractor",
        "A partner whose country nothing near it says, in a document that names one country abroad and no other, "
        "is of that country.",
        "Four more Danish municipalities have signed partnership agreements with communities in Mykolaiv Oblast. "
        "Denmark leads the region's reconstruction.\n\nThe new partners are:\n\n"
        "- Vejle Municipality and the Voznesensk city community;\n- Holstebro Municipality and the Bashtanka community.\n",
        {"Вейле|inCountry|Данія", "Холстебро|inCountry|Данія"},
    ),
    _r(
        "instrumental-abroad",
        "linking",
        "loaders.gazetteer.index, extractor",
        "A town abroad after a country adjective, in the instrumental, is looked up and labelled in the nominative "
        "('з литовським Бірштонасом' -> Бірштонас); an oblast in the genitive after 'громади' ('з двома громадами "
        "Сумщини') only says where they are: it is no partner; nor is an oblast after a community with 'in'/'у' "
        "before it ('Horodenka, a town in the Ivano-Frankivsk region').",
        "Березань підписала меморандуми з двома громадами Сумщини та литовським Бірштонасом. The Grant County board "
        "approved a sister-community relationship with Horodenka, a town in the Ivano-Frankivsk region of Ukraine.",
        {"Березань|partnerOf|Бірштонас", "Бірштонас|inCountry|Литва"},
        {
            "Сумська область|partnerOf|Бірштонас",
            "Березань|partnerOf|Сумська область",
            "Івано-Франківська область|partnerOf|Grant County",
        },
    ),
    _r(
        "russian-hromada",
        "linking",
        "russian",
        "A hromada named in Russian by its centre's adjective ('Чугуевская городская громада', 'Лозовская громада') is "
        "the Ukrainian hromada of that town; small towns count here, where the structure says it is a place.",
        "Чугуевская городская громада подписала соглашение о сотрудничестве с польской гминой Рыманув. "
        "Это уже третье соглашение громады.",
        # Rymanów is found by its spelling (rule spelled-abroad-in-lists-and-russian), labelled as GeoNames has it
        {"Чугуївська міська територіальна громада|partnerOf|Риманів", "Риманів|inCountry|Польща"},
    ),
    _r(
        "section-home",
        "discourse",
        "extractor",
        "A digest in sections, each headed by a line that only names a community: a partnership sentence of the section "
        "that names partners abroad but no Ukrainian community is about the section's community; an unknown heading "
        "ends the section.",
        "Громади області та їхні партнери\n\nОхтирка\nМісто підписало угоди з естонським Вільянді.\n\n"
        "Шостка\nГромада підписала меморандум із литовським Алітусом.\n",
        {"Охтирка|partnerOf|Вільянді", "Шостка|partnerOf|Алітус"},
        {"Охтирка|partnerOf|Алітус"},
    ),
    _r(
        "genitive-region-country",
        "linking",
        "openworld",
        "A unit abroad followed by its region in the genitive takes the region's country ('з Ольштинським повітом "
        "Вармінсько-Мазурського воєводства' is in Poland; a voivodeship no gazetteer knows is Polish); the region "
        "only locates it, and a genitive adjective there names the region, not a unit ('повітом Лодзинського "
        "воєводства').",
        "Лебединська громада уклала угоду про співробітництво з Ольштинським повітом Вармінсько-Мазурського воєводства. "
        "Корсунь-Шевченківська громада підписала угоду про співпрацю з Пйотрковським повітом Лодзинського воєводства.",
        {
            "Лебединська міська територіальна громада|partnerOf|Ольштинський повіт",
            "Ольштинський повіт|inCountry|Польща",
            "Корсунь-Шевченківська міська територіальна громада|partnerOf|Пйотрковський повіт",
        },
        {
            "Лебединська міська територіальна громада|partnerOf|Вармінсько-Мазурське воєводство",
            "Корсунь-Шевченківська міська територіальна громада|partnerOf|Лодзинський повіт",
        },
    ),
    _r(
        "english-unit-country",
        "linking",
        "latin, lang/en/cues.csv",
        "In English, a country adjective before a unit names the unit's country ('the Polish Gmina of Baligród') and "
        "is no name itself; 'Gmina' and 'Powiat' are Polish whatever country is named nearby; a leading article is "
        "not part of a name ('The Grant County Board'); 'has cooperated since 2016 with' states a partnership.",
        "The Bolekhiv city territorial community and the Polish Gmina of Baligród have signed an agreement on "
        "partnership. Bolekhiv has cooperated since 2021 with Sigulda Municipality in Latvia.",
        {"Болехів|partnerOf|Baligród", "Baligród|inCountry|Польща", "Болехів|partnerOf|Сігулда"},
        {"Болехів|partnerOf|Polish Gmina"},
    ),
    _r(
        "card-country",
        "structure",
        "structure, extractor",
        "A partner card's 'Країна' field names the country of the partner the card named just above; 'що в "
        "департаменті X' after a partner only locates it.",
        "Партнери громади\n\nПартнер\nТисауйварош\nКраїна\nУгорщина\nТип документа\nУгода про побратимство\n",
        {"Тисауйварош|inCountry|Угорщина"},
    ),
    _r(
        "unit-over-namesake",
        "linking",
        "extractor",
        "A unit abroad the page introduced with its unit word ('з районом Ґерліц (Landkreis Görlitz)') is the place "
        "its later bare mentions name ('з Ґерліцом'), not the gazetteer's town of that name in the same country.",
        "Шепетівська міська рада підтримала намір встановити партнерські відносини з районом Ґерліц (Landkreis "
        "Görlitz) федеральної землі Саксонія. Контакти з Ґерліцом розпочалися навесні 2022 року, коли німецькі "
        "партнери передали громаді допомогу.",
        {"Шепетівська міська територіальна громада|partnerOf|Ґерліц", "Ґерліц|inCountry|Німеччина"},
        {"Шепетівська міська територіальна громада|partnerOf|Саксонія"},
    ),
    _r(
        "partner-copula",
        "relations",
        "extractor",
        "'Партнером є X', 'X став партнером': a Ukrainian community named so in a partnership passage is the "
        "document's home's partner; the oblast after it ('на Житомирщині') only locates it.",
        "Калуш уклав угоди про співпрацю з містом Ґюмрі (Вірменія). Ще одним партнером є Новоград-Волинська громада "
        "на Житомирщині.",
        {"Калуш|partnerOf|Звягельська міська територіальна громада"},
        {"Калуш|partnerOf|Житомирська область"},
    ),
    _r(
        "list-under-named-lead",
        "discourse",
        "extractor",
        "A line that names an initiative and ends with a colon leads a list: each item line after it is about that "
        "initiative (its places are where it takes place).",
        "Усього на Черкащині цьогоріч реалізовують 7 об'єктів у межах програми «Велике будівництво»:\n\n"
        "Смілянська школа №11;\n\nДНЗ №3 у Шполі;\n\nДНЗ у Черкасах на Митниці.\n",
        {"Велике будівництво|locatedIn|Шпола", "Велике будівництво|locatedIn|Черкаси"},
    ),
    _r(
        "nominative-unit-not-locative",
        "relations",
        "extractor",
        "Only a locative before a place ('у місті', 'в громаді') says the place is where something happens; the "
        "nominative unit word of a list item ('місто Кейдани (Литва) — меморандум; громада Фалешти …') names a partner.",
        "Славута\n\nМіжнародне співробітництво:\nгміна Ґнев (Польща) — угода про партнерство, 2011 р.; місто Кейдани "
        "(Литва) — меморандум, 2021 р.\n",
        {"Славута|partnerOf|Кейдани", "Кейдани|inCountry|Литва"},
    ),
    _r(
        "agent-apposition",
        "relations",
        "extractor",
        "An agent named again right after a dash ('з Міжнародною фінансовою корпорацією – IFC, …') is one agent; the "
        "list of agents goes on after it.",
        "Програма «Енергодім» реалізовується у співпраці з Міжнародною фінансовою корпорацією – IFC, GIZ та "
        "Програмою розвитку ООН.",
        {
            "Міжнародна фінансова корпорація|implements|ЕНЕРГОДІМ",
            "Німецьке товариство міжнародного співробітництва|implements|ЕНЕРГОДІМ",
            "Програма розвитку ООН|implements|ЕНЕРГОДІМ",
        },
    ),
    _r(
        "name-particles",
        "mentions",
        "openworld",
        "A name abroad may hold lower-case particles ('Freiburg im Breisgau', 'Frankfurt am Main', 'Newcastle upon "
        "Tyne'): the whole name is the partner, not its last word.",
        "Lviv has sister-city agreements with Wrocław and Lublin (Poland), and an agreement with Freiburg im Breisgau "
        "(Germany) dates back to 1989.",
        {"Львів|partnerOf|Фрайбург", "Фрайбург|inCountry|Німеччина"},  # linked: GeoNames knows the whole name
        {"Львів|partnerOf|Breisgau"},
    ),
    _r(
        "in-regions",
        "mentions",
        "openworld",
        "Regions after 'in states such as', 'in regions like', 'у штатах' say where partners are; they are no partners; "
        "nor is a place after 'in' and one lower-case word ('finds a partner in rural Oregon').",
        "Small Ukrainian hromada finds a partner in rural Oregon\n\nThe programme links Ukrainian hromadas with counties and cities "
        "in states such as Indiana, Kentucky and Ohio. Liubeshiv signed a sister-community agreement with Grant County "
        "(USA).",
        {"Любешів|partnerOf|Grant County"},
        {"Любешів|partnerOf|Індіана", "Любешів|partnerOf|Огайо", "Любешів|partnerOf|Орегон"},
    ),
    _r(
        "partner-unit-no-country",
        "mentions",
        "openworld",
        "A unit word abroad after a partnership frame ('партнерство з регіоном …') is a partner even when the page "
        "names no country near it; a Polish unit (гміна, воєводство, повят) names its country, and an adjective unit "
        "(повіт) needs no country.",
        "Чернігівська обласна рада підписала декларацію про партнерство з регіоном Пеї-де-ла-Луар. Лозова підписала "
        "угоду про партнерство з Гнезненським повітом.",
        {"Чернігівська область|partnerOf|Пеї-де-ла-Луар", "Лозова|partnerOf|Гнезненський повіт"},
    ),
    _r(
        "contrast-clause",
        "relations",
        "extractor",
        "A clause after ', а' with a subject of its own ('…, а департамент X виділив кошти') takes no partner from "
        "the clause before it, unless it carries a partnership cue or an elliptical 'з …'.",
        "Чернігівська обласна рада підписала декларацію про партнерство з регіоном Пеї-де-ла-Луар, а департамент "
        "Атлантична Луара виділив 200 тисяч євро на відбудову шкіл.",
        {"Чернігівська область|partnerOf|Пеї-де-ла-Луар"},
        {"Чернігівська область|partnerOf|Атлантична Луара"},
    ),
    _r(
        "adjective-unit-coreference",
        "discourse",
        "extractor",
        "A unit named by its place's adjective ('Ліманівський повіт') is the unit the page named by the place "
        "('повіт Ліманова'), not a second partner; a town and the county around it ('Хелм', 'Холмський повіт') stay two.",
        "Новояворівськ підписав меморандум про співпрацю з повітом Ліманова (Польща). Разом із Ліманівським повітом "
        "громада готує спільну заявку.",
        {"Новояворівськ|partnerOf|Ліманова"},
        {"Новояворівськ|partnerOf|Ліманівський повіт"},
    ),
    _r(
        "rows-in-one-sentence",
        "structure",
        "openworld",
        "Rows of a partner list that end in ';' stay in one sentence: under a country heading each row after '; ' is "
        "an item of its own ('Польща: Хелм — угода …; Бяла-Підляська — угода …;'), not only the first.",
        "Громада Ковеля підтримує партнерські відносини з містами двох держав.\n\nПольща:\nХелм — угода про "
        "співпрацю (1997);\nБяла-Підляська — угода про партнерство (2003);\nгміна Володава — угода (2021).",
        {"Ковель|partnerOf|Бяла-Підляська", "Бяла-Підляська|inCountry|Польща"},
    ),
    _r(
        "hromadas-after-dash",
        "mentions",
        "extractor",
        "A list of hromada adjectives after 'громад —' (genitive plural, a dash as written or as the page's '-') names "
        "each hromada, of whichever type the codifier has.",
        "Голови трьох громад — Березанської, Краснопільської та Великописарівської — підписали меморандум про "
        "співпрацю.",
        {
            "Березанська міська територіальна громада|partnerOf|Краснопільська селищна територіальна громада",
            "Березанська міська територіальна громада|partnerOf|Великописарівська селищна територіальна громада",
        },
    ),
    _r(
        "latin-exonyms",
        "linking",
        "gazetteer.sources, latin",
        "A town abroad of 20,000 people or more is also known by its other Latin names from GeoNames ('Aarhus' "
        "beside 'Århus', 'Cologne' beside 'Köln'), unless such a name is too short, is another town's name, or is "
        "an English title ('Marshal').",
        "Mykolaiv city itself has a separate partnership with Aarhus, signed in 2023.",
        {"Миколаїв|partnerOf|Орхус"},
    ),
    _r(
        "town-unit",
        "linking",
        "latin",
        "'Aarhus Municipality', 'the Municipality of Aarhus': a municipality or commune named by a town the "
        "gazetteer knows is that town, not a second partner; a county around a town stays a place of its own.",
        "Mykolaiv signed a partnership agreement with Aarhus Municipality (Denmark). The Municipality of Aarhus "
        "sent equipment to Mykolaiv as part of the partnership.",
        {"Миколаїв|partnerOf|Орхус", "Орхус|inCountry|Данія"},
        {"Миколаїв|partnerOf|Aarhus Municipality", "Миколаїв|partnerOf|The Municipality"},
    ),
    _r(
        "bracket-region-locator",
        "mentions",
        "openworld",
        "A region abroad in brackets right after a partner ('Lancaster County (Pennsylvania)') locates it; it is "
        "no partner.",
        "Pavlohrad signed a sister-community agreement with Lancaster County (Pennsylvania), USA.",
        {"Павлоград|partnerOf|Lancaster County"},
        {"Павлоград|partnerOf|Пенсильванія"},
    ),
    _r(
        "russian-state-name",
        "linking",
        "russian",
        "A Russian state name by its adjective ('(Чешская Республика)', 'Словацкой Республики') is that country.",
        "Никополь подписал соглашение о партнерстве с городом Кутна-Гора (Чешская Республика), переговоры "
        "с которым ведутся с 2011 года.",
        {"Нікополь|partnerOf|Кутна Гора", "Кутна Гора|inCountry|Чехія"},
    ),
    _r(
        "country-adjective-district",
        "linking",
        "gazetteer.index, lang/ru/foreign_units.csv",
        "A country's adjective before a district word ('німецького району Лерах', 'немецкого района Лёррах') names "
        "the country of the district, as it does before 'містом'.",
        "Богодухівська громада стала партнером німецького району Лерах. Богодуховская громада стала партнером "
        "немецкого района Лёррах (земля Баден-Вюртемберг).",
        {"Богодухівська міська територіальна громада|partnerOf|Леррах", "Леррах|inCountry|Німеччина"},
        {"Богодухівська міська територіальна громада|partnerOf|Баден-Вюртемберг"},
    ),
    _r(
        "district-named-after-town",
        "discourse",
        "extractor",
        "A district abroad named by its town's adjective ('Укмерзький район') and the town named in other sentences "
        "('мер Укмерге') are one partner; named side by side in one list they stay two.",
        "Коростенська громада підписала угоду про партнерство з Укмерзьким районом (Литва). Угоду підписали мер "
        "Укмерге та голова Коростенської громади.",
        {"Коростенська міська територіальна громада|partnerOf|Укмерге", "Укмерге|inCountry|Литва"},
        {"Коростенська міська територіальна громада|partnerOf|Укмерзький район"},
    ),
    _r(
        "one-town-per-name",
        "linking",
        "extractor",
        "One sense per document: a town abroad named again by the same name is the town its first mention chose "
        "among namesakes ('Monticello, Indiana', later 'Monticello understands …').",
        "On July 19 the Ukrainian city of Liubar and the American city of Monticello, Indiana, signed a Sister City "
        "Agreement. Monticello understands the value of a warm welcome, the mayor of Monticello said.",
        {"Любар|partnerOf|Monticello"},
    ),
    _r(
        "glued-acronym",
        "structure",
        "text, registry",
        "A Latin acronym glued to a Cyrillic word by a lost space ('відGIZ') keeps its Latin letters and is a token "
        "of its own; only words whose Latin letters are all look-alikes ('мiсто') are Cyrillic words.",
        "На відкритті будуть присутні директори Програми «U-LEAD з Європою» відGIZ Бастіан Файгель і від Sida "
        "Камеран Худур.",
        {"Німецьке товариство міжнародного співробітництва|implements|U-LEAD з Європою"},
    ),
    _r(
        "english-implementing-partners",
        "relations",
        "lang/en/cues.csv",
        "'Implementing partners are X and Y', 'project partners include X': the organisations after the role "
        "implement the project the sentence or the document names.",
        "The EU funds the 'Clean Water' project in Mykolaiv. Implementing partners are UNICEF and the Danish "
        "Refugee Council.",
        {"Дитячий фонд ООН|implements|Clean Water", "Данська рада у справах біженців|implements|Clean Water"},
    ),
    _r(
        "short-name-is-long-name",
        "discourse",
        "extractor",
        "A town abroad named by the first part of a longer name the page gave ('Клагенфурт-ам-Вертерзе', later "
        "'Клагенфурт') is that town; a name no gazetteer knew that is one of a known town's names is that town.",
        "Чернівці поєднує побратимство з австрійським містом Клагенфурт-ам-Вертерзе (Австрія) від 1992 року. Мер "
        "Клагенфурта передав Чернівцям генератори.",
        {"Чернівці|partnerOf|Клагенфурт-ам-Вертерзе"},
        {"Чернівці|partnerOf|Клагенфурт"},
    ),
    _r(
        "relative-partner",
        "relations",
        "lang/uk/cues.csv",
        "'<a place abroad>, з яким <a Ukrainian community> співпрацює': the relative clause makes the two partners; "
        "a donor in that place ('з якими ПРООН співпрацює') does not.",
        "Найбільше спільних ініціатив реалізовано з угорським медьє Саболч-Сатмар-Берег, з яким Закарпаття "
        "співпрацює з 1990-х років. Пріоритет матимуть громади Ізюмська та Охтирська, з якими ПРООН уже співпрацює.",
        {"Закарпатська область|partnerOf|Саболч-Сатмар-Берег"},
        {"Ізюмська міська територіальна громада|partnerOf|Охтирська міська територіальна громада"},
    ),
    _r(
        "mutual-aid-memorandum",
        "relations",
        "lang/uk/cues.csv",
        "A memorandum of mutual aid or support between communities ('меморандум про взаємодопомогу', 'про взаємну "
        "підтримку') is a partnership, as one of cooperation is.",
        "Бережанська громада підписала угоду з гміною Маркова (Польща). Крім того, торік громада уклала меморандум "
        "про взаємодопомогу з Гуляйпільською громадою Запорізької області.",
        {"Бережанська міська територіальна громада|partnerOf|Гуляйпільська міська територіальна громада"},
    ),
    _r(
        "foreign-ministry-english",
        "linking",
        "registry",
        "A state's foreign ministry or government named in English ('the Danish Ministry of Foreign Affairs', "
        "'Ministry for Foreign Affairs of Finland', 'the Dutch Government'), as in Ukrainian ('МЗС Нідерландів') and "
        "Russian ('МИД Дании'), is "
        "that state's government donor; "
        "'has committed', 'pledged' are money verbs.",
        "The partnerships are financed through Denmark's Ukraine Fund, under which the Danish Ministry of Foreign "
        "Affairs has committed more than DKK 1 billion to reconstruction in Mykolaiv Oblast. Проєкт «Тепла громада» "
        "фінансує МЗС Нідерландів. МИД Дании выделил грант на проект «Чистая вода» в Николаеве.",
        {"Уряд Данії|funds|Ukraine Fund", "Уряд Нідерландів|funds|Тепла громада", "Уряд Данії|funds|Чистая вода"},
    ),
    _r(
        "country-beside-its-government",
        "discourse",
        "extractor",
        "A state named beside its government donor and locating no partner ('Японія передала Україні техніку … "
        "співпрацю з Урядом Японії') is that donor, not a second node.",
        "Японія передала Україні 97 одиниць техніки. Мінінфраструктури продовжує співпрацю з Урядом Японії у межах "
        "Програми екстреного відновлення, яку фінансує Уряд Японії.",
        {"Уряд Японії|funds|Програма екстреного відновлення"},
    ),
    _r(
        "english-domestic-partnership",
        "relations",
        "extractor",
        "Two Ukrainian communities in an English sentence with 'partnership' ('Bolekhiv has a partnership with the "
        "Orikhiv community') are partners, as 'agreement' or 'memorandum' already made them.",
        "Inside Ukraine, Bolekhiv has a partnership with the Orikhiv community in Zaporizhzhia Oblast, most of whose "
        "residents were forced to leave their homes.",
        {"Болехів|partnerOf|Оріхівська міська територіальна громада"},
    ),
    _r(
        "donor-title",
        "mentions",
        "extractor",
        "A quoted title right after a donor's name, with no trigger word before the donor ('набори ЮНІСЕФ «Школа в "
        "боксі»'), is that donor's initiative, as a title after a programme's name is a project in it.",
        "Громада Бобровиці отримала від партнерів десять наборів ЮНІСЕФ «Шкільна скриня» для малих шкіл.",
        {"Дитячий фонд ООН|implements|Шкільна скриня"},
    ),
    _r(
        "oblast-home",
        "discourse",
        "extractor",
        "An oblast's own page (the oblast dominates it from the title on) places an initiative it names nowhere "
        "else in the oblast, as a municipal page places it in its community; a place stated anywhere wins.",
        "Як на Черкащині розширюють мережу ЦНАП\n\nНа Черкащині працює 112 точок доступу до послуг. Черкаська "
        "обласна адміністрація звітує про роботу ЦНАП в області. За словами заступника голови, 29 центрів створили "
        "в межах участі у проєкті «Доступні послуги».",
        {"Доступні послуги|locatedIn|Черкаська область"},
    ),
    _r(
        "role-noun-before-title",
        "relations",
        "extractor",
        "A role noun, then the initiative it belongs to, then the agent after a dash or 'є' ('Виконавець проєкту "
        "«X» — ГО «Y»', 'Реалізатором програми «X» виступила Y'): the agent carries out that initiative.",
        "Виконавець проєкту «Чисті береги» — ГО «Зелений світ». Реалізатором програми «Відкриті громади» виступила "
        "ГО «Агенція розвитку».",
        {"Зелений світ|implements|Чисті береги", "Агенція розвитку|implements|Відкриті громади"},
    ),
    _r(
        "inline-role-field",
        "relations",
        "lang/uk/cues.csv",
        "A field written inside a sentence after a comma ('…, виконавець — ГО «Y», донор — USAID'): the agent "
        "carries out or pays for the initiative named before it.",
        "Проєкт «Сильні громади», виконавець — ГО «Екоклуб», донор — USAID.",
        {"Екоклуб|implements|Сильні громади", "Агентство США з міжнародного розвитку|funds|Сильні громади"},
    ),
    _r(
        "cooperation-with-adjective-town",
        "relations",
        "lang/uk/cues.csv",
        "'співпрацює / співпраця з' a country adjective and a town ('з французьким Пуатьє', 'з німецьким "
        "Гамельном') states a partnership, as 'з містом X' does.",
        "Рівне співпрацює з французьким Пуатьє у сфері культури. Житомир і Вінниця домовилися про співпрацю з "
        "німецьким Гамельном.",
        {"Рівне|partnerOf|Пуатьє", "Житомир|partnerOf|Гамельн", "Вінниця|partnerOf|Гамельн"},
    ),
    _r(
        "russian-roles-and-orgs",
        "relations",
        "lang/ru/cues.csv",
        "Russian pages name organisations by their form ('ОО «X»', 'общественная организация «X»') and roles as "
        "Ukrainian ones do ('Исполнителем проекта «X» является …').",
        "Исполнителем проекта «Безопасная школа» является ОО «Детство», это уже второй этап работы в общинах.",
        {"Детство|implements|Безопасная школа"},
    ),
    _r(
        "russian-adjective-places",
        "mentions",
        "russian",
        "Russian names decline by their endings, adjectival town names and two-word names included ('Каменского', "
        "'в Белой Церкви'); a raion, hromada or council named by the adjective of its centre ('в Днепровском районе', "
        "'Херсонский городской совет', 'Николаевской громады') is that town's hromada, or its raion when the raion "
        "bears the town's name; an adjective after a first name or initials ('Богдана Хмельницкого') is a surname.",
        "Делегация Каменского посетила город-побратим Гливице. Проект «Чистая вода» реализуется в Днепровском районе "
        "и в Белой Церкви. Херсонский городской совет подписал меморандум о сотрудничестве с польским городом "
        "Люблин. Это было объявлено на пресс-конференции, где выступили эксперты и представители мэрии.",
        {
            "Кам'янське|partnerOf|Гливиці",
            "Чистая вода|locatedIn|Дніпровський район",
            "Чистая вода|locatedIn|Біла Церква",
            "Херсонська міська територіальна громада|partnerOf|Люблін",
        },
    ),
    _r(
        "russian-role-frames",
        "relations",
        "lang/ru/cues.csv, extractor",
        "Russian role frames read as the Ukrainian ones: a role noun and a dash inside a sentence ('…, исполнитель — "
        "ПРООН'), the funding verbs in every person and gender ('выделило', 'предоставят'), a donor after 'при "
        "(финансовой) поддержке' or 'благодаря содействию' that does not act for the verb after it, and a relative "
        "clause ('программы X, которую финансирует ЕС') whose verb binds the name it hangs on.",
        "Проект «Чистая вода» финансирует Европейский союз, исполнитель — ПРООН. Правительство Японии выделило "
        "Одессе экскаваторы в рамках проекта «Восстановление». Проект «Теплый дом» при финансовой поддержке "
        "Правительства Швейцарии реализует Фонд Восточная Европа. Проект «Зеленый парк» выполняется в рамках "
        "программы «Мэры за экономический рост», которую финансирует Европейский союз. Это было объявлено на "
        "пресс-конференции.",
        {
            "Програма розвитку ООН|implements|Чистая вода",
            "Уряд Японії|funds|Восстановление",
            "Уряд Швейцарії|funds|Теплый дом",
            "Фонд Східна Європа|implements|Теплый дом",
            "Європейський Союз|funds|Мери за економічне зростання",
            "Зеленый парк|partOf|Мери за економічне зростання",
        },
        {
            "Уряд Японії|implements|Восстановление",
            "Уряд Швейцарії|implements|Теплый дом",
            "Європейський Союз|funds|Зеленый парк",
        },
    ),
    _r(
        "russian-towns-abroad",
        "mentions",
        "russian",
        "A town abroad named in Russian ('Оберхаузен', 'Ольштына', 'Зелёна-Гура') links to the same GeoNames town as "
        "its Ukrainian name, by the Russian names GeoNames gives it, where the structure says it is a place: after "
        "'город(-побратим)' or a country's adjective, before a country in brackets, or, in a sentence about partners, "
        "after a preposition or another name in a list.",
        "Делегация Каменского посетила город-побратим Оберхаузен. Николаев и Ольштын подписали соглашение о "
        "побратимстве. Херсон заключил договор с городом Зелёна-Гура. Это было объявлено на пресс-конференции, "
        "где выступили эксперты и представители мэрии.",
        {
            "Кам'янське|partnerOf|Обергаузен",
            "Миколаїв|partnerOf|Ольштин",
            "Херсон|partnerOf|Зелена Гура",
        },
    ),
    _r(
        "russian-coordinated-units",
        "mentions",
        "russian",
        "Russian oblast and hromada adjectives coordinated before one head noun ('в Николаевской и Херсонской "
        "областях', 'в Чугуевской и Лозовской громадах') each name their unit; an oblast's region name "
        "('на Харьковщине', 'Львовщины') is the oblast.",
        "Проект «Чистая вода» реализуется в Днепропетровской, Запорожской и Херсонской областях. Проект «Теплый дом» "
        "работает в Чугуевской и Лозовской громадах и на Львовщине. Это было объявлено на пресс-конференции, где "
        "выступили эксперты и представители мэрии.",
        {
            "Чистая вода|locatedIn|Дніпропетровська область",
            "Чистая вода|locatedIn|Запорізька область",
            "Чистая вода|locatedIn|Херсонська область",
            "Теплый дом|locatedIn|Чугуївська міська територіальна громада",
            "Теплый дом|locatedIn|Лозівська міська територіальна громада",
            "Теплый дом|locatedIn|Львівська область",
        },
    ),
    _r(
        "object-then-subject",
        "relations",
        "extractor",
        "A funding or implementing verb, then 'проєкт'/'програму' and a capitalised name ('…, фінансує проєкт "
        "ЮНІСЕФ'): the name after the object is the subject, not the agent named before the verb.",
        "Проєкт «Безпечна школа» реалізує ГО «Дитинство», фінансує проєкт ЮНІСЕФ.",
        {"Дитячий фонд ООН|funds|Безпечна школа", "Дитинство|implements|Безпечна школа"},
        {"Дитинство|funds|Безпечна школа"},
    ),
    _r(
        "peer-regions",
        "linking",
        "openworld",
        "Regions listed side by side ('Підкарпатське воєводство, Люблінське воєводство та край Височина') are peers; "
        "only a region after a lower unit ('округ Ґрант, штат Орегон') locates it.",
        "Партнерами Львівщини є Підкарпатське воєводство, Люблінське воєводство та край Височина.",
        {"Львівська область|partnerOf|Люблінське воєводство", "Львівська область|partnerOf|Підкарпатське воєводство"},
    ),
    _r(
        "domestic-partnership-forms",
        "relations",
        "extractor",
        "Two Ukrainian communities are partners when they sign side by side ('Коломийська та Сіверськодонецька громади "
        "підписали меморандум', 'Між A та B громадами підписано меморандум'), agree on cooperation ('домовилися про "
        "співпрацю'), or one takes patronage of the other ('взяв шефство над'); 'став партнером' counts as 'стала'.",
        "Між Коломийською та Сіверськодонецькою громадами підписано меморандум. Тернопіль взяв шефство над Ізюмом. "
        "Хмельницький став партнером Олешок.",
        {
            "Коломийська міська територіальна громада|partnerOf|Сіверськодонецька міська територіальна громада",
            "Тернопіль|partnerOf|Ізюм",
            "Хмельницький|partnerOf|Олешки",
        },
    ),
    _r(
        "plural-partner-anaphor",
        "discourse",
        "extractor",
        "A partnership signed between one named community and unnamed 'громади' ('голови прикордонних громад') takes "
        "the communities the sentence before named, in the same paragraph.",
        "У Бахмацькій міській раді зустрілися представники громад — Бахмацької, Краснопільської та "
        "Великописарівської. Міський голова Бахмача та голови прикордонних громад підписали меморандуми про "
        "співпрацю.",
        {"Бахмач|partnerOf|Краснопільська селищна територіальна громада"},
    ),
    _r(
        "interview-answer",
        "discourse",
        "extractor",
        "An interview answer opening with 'з' ('— З Тростянецькою громадою на Сумщині.') after a question about "
        "partners ('— А в Україні з ким дружите?') makes that place a partner of the page's home.",
        "Розмова з головою Яготинської громади\n\nЯготинська міська територіальна громада прийняла переселенців. "
        "Ми поговорили з головою Яготинської громади.\n\n— А в Україні з ким дружите?\n\n— З Тростянецькою "
        "громадою на Сумщині.",
        {"Яготинська міська територіальна громада|partnerOf|Тростянецька міська територіальна громада"},
    ),
    _r(
        "spelled-abroad",
        "linking",
        "openworld",
        "A capitalised word after a partnership's 'з', or coordinated with a place just named, that no gazetteer "
        "and no Ukrainian dictionary knows, spelled back into Latin letters (Polish 'ж' as 'rz', '-ув' as '-ów') "
        "close to a town of a country Ukrainian communities twin with, is that town.",
        "Дрогобич підписав угоду про співпрацю з Бжозувом. Новий Розділ і Любачув підписали угоду про партнерство.",
        {"Дрогобич|partnerOf|Березів", "Новий Розділ|partnerOf|Любачів", "Любачів|inCountry|Польща"},
    ),
    _r(
        "friends-and-anniversaries",
        "relations",
        "lang/uk/cues.csv",
        "'Друзі з <town abroad>' and anniversaries of a twinning ('Коломия та Ніса: 20 років дружби') state a "
        "partnership.",
        "Друзі з польського Ряшева передали Житомиру дві карети швидкої допомоги. Коломия та Ніса: 20 років дружби.",
        {"Житомир|partnerOf|Жешув", "Коломия|partnerOf|Ніса"},
    ),
    _r(
        "authority-compounds",
        "linking",
        "loaders.gazetteer",
        "Compound names of an oblast's or raion's authority ('облдержадміністрація', 'облрада', 'райдержадміністрація', "
        "'райрада') after the region's adjective name the region's council, as 'обласна державна адміністрація' does; "
        "a party to an agreement within a programme places the programme there.",
        "У рамках реалізації Програми підтримки переселенців між Запорізькою облдержадміністрацією та компанією GIZ "
        "відбулося підписання угоди про співпрацю.",
        {"Програма підтримки переселенців|locatedIn|Запорізька область"},
    ),
    _r(
        "facility-town",
        "linking",
        "loaders.gazetteer",
        "A local facility named by its town's adjective ('у Драбівському НВК', 'Смілянська загальноосвітня школа', "
        "'Шполянській лікарні') stands in that community; such facilities are never the partners of a partnership.",
        "У Бобровицькому ліцеї в межах програми «Безпечна школа» облаштували укриття.",
        {"Безпечна школа|locatedIn|Бобровицька міська територіальна громада"},
    ),
    _r(
        "list-items-own-names",
        "discourse",
        "extractor",
        "Items of a list under a line that names its initiative ('… 7 об'єктів у межах Програми X:') stay about it "
        "when an item names a thing of its own ('Драбівський НВК «…»;') or an abbreviation splits an item "
        "('гімназія ім. С.Д. Скляренка;'); the line's own initiative leads the list, not one an earlier line named.",
        "Цього року тривають роботи в межах програми «Нові школи»:\n\nСмілянський ліцей;\n\nДрабівський НВК "
        "«Гімназія»;\n\nЗолотоніська гімназія ім. С.Д. Скляренка;\n\nДНЗ у Черкасах.",
        {"Нові школи|locatedIn|Золотоніська міська територіальна громада", "Нові школи|locatedIn|Черкаси"},
    ),
    _r(
        "home-by-its-villages",
        "discourse",
        "extractor",
        "A hromada's digest names its villages more often than the hromada: each village named also counts for the "
        "hromada it belongs to when the page's home is chosen, so the hromada can be the home and its initiatives "
        "stated without a place happen there.",
        "Новини громади за тиждень\n\nУ селі Золотоношка відремонтували дорогу. У селі Митлашівка відкрили "
        "новий клуб. У селі Перервинці провели толоку.\n\nГромада отримала набори ЮНІСЕФ «Шкільна скриня».",
        {"Шкільна скриня|locatedIn|Драбівська селищна територіальна громада"},
    ),
    _r(
        "head-noun-then-clause",
        "mentions",
        "loaders.patterns",
        "A facility noun followed by a clause with a verb before a quoted title ('Школи отримали набори ЮНІСЕФ "
        "«X»') does not name the facility «X»; only words without a verb between them do ('ліцей «Ерудит»').",
        "Школи громади отримали набори ЮНІСЕФ «Шкільна скриня».",
        {"Дитячий фонд ООН|implements|Шкільна скриня"},
    ),
    _r(
        "heading-town-also-a-word",
        "mentions",
        "loaders.gazetteer.index",
        "A town whose name is also a common word ('Суми', 'Ізюм') is read as the town when it stands alone on its "
        "line (a digest's section heading, a dateline); inside a sentence it still needs a verb or a marker.",
        "Охтирка\n\nМісто підписало угоду з естонським Вільянді.\n\nСуми\n\nОбласний центр має найдовший "
        "список партнерів: до Целле (Німеччина) додалося французьке місто Ла-Рош-сюр-Йон.",
        {"Суми|partnerOf|Ла-Рош-сюр-Іон", "Охтирка|partnerOf|Вільянді"},
    ),
    _r(
        "town-with-regional-adjective",
        "mentions",
        "latin",
        "A town abroad written with its region's adjective ('Głogów Małopolski', 'Tomaszów Mazowiecki') is a town of its "
        "own, not the namesake its first word names; unknown to the gazetteer it is kept unlinked, in the first word's country.",
        "Bolekhiv has cooperated since 2016 with the town of Głogów Małopolski in Poland.",
        {"Болехів|partnerOf|Głogów Małopolski"},
        {"Болехів|partnerOf|Ґлоґув"},
    ),
    _r(
        "unit-in-brackets-after-town",
        "mentions",
        "latin",
        "A municipality or county abroad in brackets right after a town abroad ('the Polish Gmina of Baligród (Lesko "
        "County, …)') lies in that town's country.",
        "Bolekhiv signed an agreement with the Polish Gmina of Baligród (Lesko County, Podkarpackie Voivodeship). "
        "Bolekhiv has cooperated with Lesko County since 2021.",
        {"Lesko County|inCountry|Польща"},
    ),
    _r(
        "english-of-owner",
        "mentions",
        "extractor",
        "In English a donor after an initiative's head word and 'of (the)' is its owner: 'the \"Partnership for Local "
        "Development\" initiative of the Polish Solidarity Fund', as 'від USAID' after a title in Ukrainian.",
        'The visit was supported by the "Partnership for Local Development" initiative of the Polish Solidarity Fund.',
        {"Фонд міжнародної солідарності|funds|Partnership for Local Development"},
    ),
    _r(
        "elliptic-hromadas-head-first",
        "linking",
        "extractor",
        "The head noun written once before coordinated '<adjective> міська|селищна|сільська' ('Громади Сокирянська "
        "міська, Кельменецька селищна та Новоселицька міська') names each hromada, as it does written once after them.",
        "Громади Сокирянська міська, Кельменецька селищна та Новоселицька міська отримали обладнання від UNDP у межах "
        "проєкту «Ремонт шкіл».",
        {
            "Ремонт шкіл|locatedIn|Кельменецька селищна територіальна громада",
            "Ремонт шкіл|locatedIn|Новоселицька міська територіальна громада",
        },
    ),
    _r(
        "english-donor-funded",
        "mentions",
        "patterns",
        "In English a donor's name made an adjective ('the EU-funded Recovery project', 'the USAID-supported … Activity', "
        "'the World Bank-financed HEAT project') is the initiative's funder and no part of its name.",
        "Under the EU-funded Recovery project, UNDP donated three school buses to the Irpin community.",
        {"Європейський Союз|funds|Recovery", "Recovery|locatedIn|Ірпінська міська територіальна громада"},
    ),
    _r(
        "english-passives-in-pair",
        "relations",
        "loaders/lang/en/cues.csv",
        "'implemented by X and funded by Y': 'funded by' is the passive of Y alone; the organisation before it "
        "implements and does not fund.",
        'The project "Clean Water for Kherson" is implemented by the Danish Refugee Council and funded by the '
        "Government of Denmark.",
        {
            "Данська рада у справах біженців|implements|Clean Water for Kherson",
            "Уряд Данії|funds|Clean Water for Kherson",
        },
        {"Данська рада у справах біженців|funds|Clean Water for Kherson"},
    ),
    _r(
        "sentence-initial-noun-is-no-first-name",
        "mentions",
        "loaders.gazetteer.index",
        "A town whose name is also a surname ('Хмельницького') is a person only beside a first name; a common noun "
        "opening the sentence ('Делегація Хмельницького', 'Громада Ромнів') is capitalised as the first word, not as a name.",
        "Делегація Хмельницького відвідала місто-партнер Сегед.",
        {"Хмельницький|partnerOf|Сегед"},
    ),
    _r(
        "grant-received-from",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'отримала грант … від X на … проєкту «Y»': the giver after 'від' funds the initiative, with up to eight words "
        "between the verb and 'від' (an amount: 'грант у розмірі 1,2 млн грн').",
        "Баранівська громада отримала грант у розмірі 1,2 млн грн від USAID на реалізацію проєкту «Безпечна школа».",
        {"Агентство США з міжнародного розвитку|funds|Безпечна школа"},
    ),
    _r(
        "numbered-name-field",
        "mentions",
        "patterns",
        "A numbered item whose line is a name field ('1. Назва: «Енергоефективні школи»') names the initiative its "
        "field lines describe, like an unnumbered one.",
        "Проєкти в Олевській громаді\n\n1. Назва: «Енергоефективні школи»\nДонор: Уряд Японії\n",
        {"Уряд Японії|funds|Енергоефективні школи"},
    ),
    _r(
        "unit-word-name-is-nominative",
        "mentions",
        "openworld",
        "When the country in brackets rules out every town a gazetteer matched ('з регіоном Наварра (Іспанія)': only a "
        "Navarre in Florida is known), the partner is kept unlinked in that country under its name as written after "
        "the unit word (in the nominative there), not the American town's label.",
        "Білоцерківська громада приєдналася до партнерства з регіоном Наварра (Іспанія).",
        {"Білоцерківська міська територіальна громада|partnerOf|Наварра", "Наварра|inCountry|Іспанія"},
    ),
    _r(
        "defined-by-its-noun",
        "mentions",
        "patterns",
        "A name the sentence defines as an initiative by a dash or colon and the noun ('Digital Cherkasy — це проєкт …', "
        "'«Рідна школа» — програма, яку …', '• Практичні інтенсиви GROW UP: навчальна програма …', 'стартував проєкт "
        "із цифровізації Черкащини — Digital Cherkasy') is an initiative, quoted or not; a lone acronym is not.",
        "«Рідна школа» — програма, яку фінансує Уряд Німеччини в Житомирській області.",
        {"Уряд Німеччини|funds|Рідна школа", "Рідна школа|locatedIn|Житомирська область"},
    ),
    _r(
        "thanks-to-funding",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'завдяки фінансуванню / коштам / допомозі X' and 'на кошти X' name the funder as 'за підтримки X' and "
        "'за кошти X' do.",
        "Проєкт «Громадський простір» став можливим завдяки фінансуванню Європейського Союзу. Проєкт «Нова школа» "
        "реалізовано на кошти ЄС.",
        {"Європейський Союз|funds|Громадський простір", "Європейський Союз|funds|Нова школа"},
    ),
    _r(
        "village-name-abroad",
        "mentions",
        "openworld",
        "A name after a unit word and right before a country abroad in brackets ('з містом Красник (Польща)') is that "
        "country's town even when a Ukrainian village bears the same name: looked up there by its Latin spelling, "
        "else kept unlinked.",
        "Калуш уклав угоду з містом Красник (Польща).",
        {"Калуш|partnerOf|Красник", "Красник|inCountry|Польща"},
    ),
    _r(
        "foundation-before-title",
        "mentions",
        "patterns",
        "'Фундація «X»' and 'Фонд «X»' name an organisation as 'ГО «X»' does; 'Українська' is the adjective of Ukraine, "
        "not the genitive of the town Українськ (a place stopword: read only after 'м.', 'місто').",
        "Програму «Сильні громади» реалізує Фундація «Відкрите суспільство». Проєкт «Молодь діє» реалізує Українська "
        "Гельсінська спілка з прав людини.",
        {"Відкрите суспільство|implements|Сильні громади"},
        {"Молодь діє|locatedIn|Українськ"},
    ),
    _r(
        "head-word-ends-a-donor",
        "mentions",
        "extractor",
        "An English capitalised run ending in a head word ('… Programme') is no initiative when the head word ends a "
        "donor's name: 'The European Union and the United Nations Development Programme (UNDP) handed over …' names two "
        "donors.",
        "The European Union and the United Nations Development Programme (UNDP) handed over 12 generators to the Nizhyn "
        'community. The equipment was purchased within the EU-funded "Resilient Communities" project.',
        {"Європейський Союз|funds|Resilient Communities"},
        {"Програма розвитку ООН|implements|European Union and the United Nations Development Programme"},
    ),
    _r(
        "english-activity-coref",
        "discourse",
        "loaders/lang/en/cues.csv",
        "In English 'the Activity', 'this initiative' refer back to the initiative named before, as 'the project' does "
        "(USAID names its projects Activities).",
        "USAID and the Sumy City Council signed a memorandum under the USAID Economic Resilience Activity (ERA). "
        "Through the Activity, USAID will provide grants to small businesses in Okhtyrka and Trostianets.",
        {"Економічне відновлення Східної України|locatedIn|Охтирка"},
    ),
    _r(
        "english-finances-and-apposed-title",
        "relations",
        "loaders/lang/en/cues.csv",
        "'X finances …' is a funding verb like 'funds' ('financed by' stays the passive); a quoted Latin title set off "
        "by a comma after its head word ('a similar project, \"Clean Water Zhytomyr\"') is that initiative's name.",
        'The German development bank KfW finances a similar project, "Clean Water Zhytomyr".',
        {"Німецький банк розвитку KfW|funds|Clean Water Zhytomyr"},
    ),
    _r(
        "english-with-donor-funding",
        "relations",
        "loaders/lang/en/cues.csv",
        "'With EU funding, …', 'with USAID support', 'thanks to Swiss financing' name the funder before the money noun, "
        "as 'with the support of X' names it after.",
        'With EU funding, the Danish Refugee Council repaired 50 homes in Irpin as part of its "Homes for Ukraine" '
        "programme.",
        {"Європейський Союз|funds|Homes for Ukraine"},
    ),
    _r(
        "spelled-abroad-own-spelling",
        "linking",
        "loaders/gazetteer/index.py",
        "A town abroad spelled back into Latin letters the way its own language writes the sounds: Hungarian ('с' as "
        "'sz', 'ш' as 's', 'дь' as 'gy'), Romanian, and Polish 'rz' after a stop ('Пшемишль' is Przemyśl). When "
        "GeoNames' Ukrainian name of the town is another language's, the document's spelling is its label.",
        "Тячів підписав угоду про співпрацю з Тисауйварошем.",
        {"Тячів|partnerOf|Тисауйварош", "Тисауйварош|inCountry|Угорщина"},
    ),
    _r(
        "twin-town-apposition",
        "linking",
        "openworld",
        "Names set off by a dash before 'місто-побратим', 'міста-партнери' or after 'є містом-побратимом' are towns "
        "abroad even at the start of a sentence, where a capitalised word is not a name by case alone.",
        "Пшемишль — місто-побратим Львова.",
        {"Львів|partnerOf|Перемишль"},
    ),
    _r(
        "foreign-hromada-with-country",
        "linking",
        "loaders/lang/uk/foreign_units.csv",
        "'громада' names a municipality abroad when a country is named with it ('з угорською громадою Берегдароц', "
        "'з громадою X (Угорщина)'); without one it stays a Ukrainian hromada.",
        "Тячівська громада співпрацює з угорською громадою Берегдароц.",
        {"Тячівська міська територіальна громада|partnerOf|Берегдароц", "Берегдароц|inCountry|Угорщина"},
    ),
    _r(
        "cooperation-since-year",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'співпрацює з Любліном' stays a partnership when a time or topic follows the partner ('з 1990 року', 'у "
        "сфері освіти'), and 'з яким громада співпрацює' refers the partner to the community named before.",
        "Делегація Тячева відвідала угорське місто Мішкольц, з яким громада співпрацює з 2015 року. Луцьк співпрацює з "
        "Любліном з 1990 року.",
        {"Тячів|partnerOf|Мішкольц", "Луцьк|partnerOf|Люблін"},
    ),
    _r(
        "german-spelling-written-back",
        "linking",
        "loaders/gazetteer/index.py",
        "German towns are looked up by their spelling too: Ukrainian writes German h as 'г' and ei as 'ай' "
        "('Вільдесгаузен' is Wildeshausen, 'Гарбург' Harburg), where GeoNames' Cyrillic names are Russian-style.",
        "Ірпінь співпрацює з Вільдесгаузеном.",
        {"Ірпінь|partnerOf|Вілдесхаузен", "Вілдесхаузен|inCountry|Німеччина"},
    ),
    _r(
        "plural-unit-word",
        "linking",
        "openworld",
        "A plural unit word names every coordinated name after it: 'з містами Вільдесгаузен та Ґюнцбург', 'гмінами "
        "Біща, Ґрембув і Кшешув'.",
        "Ірпінь співпрацює з містами Вільдесгаузен та Ґюнцбург.",
        {"Ірпінь|partnerOf|Вільдесгаузен", "Ірпінь|partnerOf|Ґюнцбург"},
    ),
    _r(
        "unit-name-spelled-abroad",
        "linking",
        "openworld",
        "A unit word ('район', 'округ', 'регіон') before a name no dictionary knows, in a partnership sentence with "
        "no country named, is a unit abroad when the name reads as a town of a country Ukrainian communities twin "
        "with; a region in brackets after it names its country and only locates it.",
        "Партнерство між Ірпенем і районом Гарбург триває з 2022 року. Угоду про співпрацю підписали Буча і район "
        "Гарбург (Нижня Саксонія).",
        {"Ірпінь|partnerOf|Харбург", "Буча|partnerOf|Харбург", "Харбург|inCountry|Німеччина"},
    ),
    _r(
        "befriended-and-exchange",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'здружився з', 'подружилися' and 'домовилися про обмін делегаціями' are partnership verbs; 'Хмельницький і "
        "литовський Каунас' coordinates two towns, not two adjectives.",
        "Коростень здружився з естонським Вільянді. Хмельницький і литовський Каунас підписали меморандум. Лубенська "
        "громада і польський повіт Ліманова домовилися про обмін делегаціями.",
        {
            "Коростень|partnerOf|Вільянді",
            "Хмельницький|partnerOf|Каунас",
            "Лубенська міська територіальна громада|partnerOf|Ліманова",
        },
    ),
    _r(
        "centre-named-like-a-surname",
        "linking",
        "loaders/gazetteer/index.py",
        "A hromada centre whose form is also a surname's ('Макарові', 'Іванкові') is the town right after 'у', 'в': "
        "a person is not 'in' anyone.",
        "Ремонт амбулаторії в Макарові профінансувала USAID через проєкт «Підтримка громад».",
        {"Підтримка громад|locatedIn|Макарів"},
    ),
    _r(
        "programme-list",
        "discourse",
        "loaders/narrative/extractor.py",
        "A lead-in that ends with a colon and names one programme and its contests, calls, components or "
        "opportunities, followed by one bulleted item per line: each initiative an item names is part of that "
        "programme. The list ends at a line that is no item.",
        "ВІДКРИТІ КОНКУРСИ Програми USAID АГРО:\n\n• Конкурс на отримання субгрантів «Ми консультуємо, ви "
        "експортуєте». Заявки приймаються до 19 квітня.\n\n• Річний програмний запит «Вдосконалення ланцюгів доданої "
        "вартості в секторі аквакультури».",
        {
            "Ми консультуємо, ви експортуєте|partOf|Програма USAID з аграрного і сільського розвитку",
            "Вдосконалення ланцюгів доданої вартості в секторі аквакультури|partOf|Програма USAID з аграрного і "
            "сільського розвитку",
        },
    ),
    _r(
        "hashtag-words",
        "structure",
        "loaders/text.py",
        "A hashtag of words joined by '_' reads as its words: '#USAID_АГРО' is 'USAID АГРО' (the '#' and '_' become "
        "spaces, so offsets hold). Municipal pages repost donors' social-media posts.",
        "Громада долучилася до Програми #USAID_АГРО.",
        {"Агентство США з міжнародного розвитку|funds|Програма USAID з аграрного і сільського розвитку"},
    ),
    _r(
        "grant-call-title",
        "mentions",
        "loaders/patterns.py",
        "'Конкурс на отримання субгрантів «X»' names a grant call X: the 'на' of the grant it offers does not cut the "
        "trigger off its title.",
        "ВІДКРИТІ КОНКУРСИ Програми USAID АГРО:\n\n• Конкурс на одержання субгранту «Розвиток мікропідприємництва у "
        "громадах».",
        {"Розвиток мікропідприємництва у громадах|partOf|Програма USAID з аграрного і сільського розвитку"},
    ),
    _r(
        "domestic-partner-item",
        "structure",
        "loaders/narrative/extractor.py, loaders.text",
        "Under a lead-in that ends with a colon and names agreements ('громада має такі угоди про співпрацю:'), an item "
        "line naming a Ukrainian community is a domestic partner of the document's community, as items naming towns "
        "abroad are partners; a list item on the next line ends the item before it even after an abbreviation ('2001 "
        "р.'), and a unit word may start an item ('Місто Фалешти (Молдова)').",
        "Міжнародне співробітництво Славутської громади\n\nСтаном на 2024 рік громада має такі угоди про співпрацю:\n"
        "1. Місто Фалешти (Молдова) – 2012 р.\n2. Бердичівська громада – 2022 р.\n",
        {
            "Славутська міська територіальна громада|partnerOf|Фалешти",
            "Славутська міська територіальна громада|partnerOf|Бердичівська міська територіальна громада",
        },
    ),
    _r(
        "partner-named-before",
        "discourse",
        "loaders/narrative/extractor.py",
        "A partnership sentence that names no place abroad and refers to its partner by a noun ('з польського "
        "міста-побратима', 'угоду про партнерство між містами') is about the one town abroad the document named "
        "before, often in its heading: that town is the partner of the document's community.",
        "Калуш приймав гостей з Ніско\n\nДо Калуша завітала делегація з польського міста-побратима. Угоду про "
        "партнерство між містами підписали у 2006 році.",
        {"Калуш|partnerOf|Ніско"},
    ),
    _r(
        "spelled-abroad-in-lists-and-russian",
        "linking",
        "openworld",
        "The spelled-abroad look-up reads a name coordinated by a comma with a place just named ('Ярослав, "
        "Пшемысль'), and Russian pages: 'с'/'со'/'и' as its prepositions, and ы/э/ё spelled back ('Пшемысль' is "
        "Przemyśl).",
        "Городами-побратимами Тернополя являются Ярослав, Пшемысль и Кельце. Эти связи были установлены ещё в "
        "девяностые годы. Мэры городов обсудили новые совместные проекты.",
        {"Тернопіль|partnerOf|Перемишль"},
    ),
    _r(
        "heading-ends-topic",
        "discourse",
        "loaders/narrative/extractor.py",
        "A digest's section heading in capitals on its own line ('ГРАНТИ', 'ЕНЕРГЕТИКА') ends the topic: 'проєкт' "
        "after it does not refer back to an initiative named in the section before.",
        "ЕНЕРГЕТИКА\nГромада отримала установки від USAID в межах проєкту «Енергетична безпека».\n\nГРАНТИ\n"
        "Проєкт реалізується за фінансової підтримки Швейцарії в рамках програми «Сильні громади».",
        {"Уряд Швейцарії|funds|Сильні громади"},
        {"Енергетична безпека|partOf|Сильні громади"},
    ),
    _r(
        "short-council-words",
        "linking",
        "loaders/gazetteer/index.py",
        "'міськрада', 'селищрада', 'сільрада', 'міськвиконком' after a town's adjective name its council, as 'міська "
        "рада' does; the council is labelled by its full name.",
        "Олевська міськрада підписала угоду про співпрацю з гміною Біща.",
        {"Олевська міська територіальна громада|partnerOf|Біща"},
    ),
    _r(
        "thanks-to-cooperation-with",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'Завдяки співпраці з X', 'завдяки партнерству з X' name X as a partner that carries out the initiative of the "
        "sentence, as 'у співпраці з X' does.",
        "Завдяки партнерству з Данською радою у справах біженців у Бучі відремонтували 20 будинків за проєктом «Дім».",
        {"Данська рада у справах біженців|implements|Дім", "Дім|locatedIn|Буча"},
    ),
    _r(
        "joined-the-partners",
        "discourse",
        "loaders/narrative/extractor.py",
        "A town abroad that, in one of the next two sentences, joins the partners a sentence just listed ('до цього кола "
        "долучився', 'список поповнив') is a partner of the same community.",
        "Серед міст-побратимів Одеси — Марсель (Франція) та Варна (Болгарія). Останнім часом до цього кола долучився "
        "грузинський Батумі.",
        {"Одеса|partnerOf|Батумі", "Одеса|partnerOf|Марсель"},
    ),
    _r(
        "given-name-before",
        "linking",
        "loaders/lang/en/given_names.txt",
        "In English a capitalised word right after a given name is a surname, not a town ('supervisor Karen Hollister "
        "said'); the list holds English given names and Ukrainian ones as English pages transliterate them.",
        "Kalush signed a partnership agreement with Nisko, supervisor Karen Hollister said.",
        {"Калуш|partnerOf|Ніско"},
        {"Калуш|partnerOf|Голлістер"},
    ),
    _r(
        "dateline",
        "linking",
        "loaders/narrative/latin.py",
        "A news dateline in capitals at the start of an English page ('LANCASTER, Wis. —') places the report; the town "
        "is no partner.",
        "LANCASTER, Wis. — The Grant County Board voted to approve a sister-community relationship with Horodenka, "
        "Ukraine.\n\nGrant County (USA) and Horodenka signed a sister-city agreement.",
        {"Городенка|partnerOf|Grant County"},
        {"Городенка|partnerOf|Ланкастер"},
    ),
    _r(
        "project-card-fields",
        "structure",
        "loaders/narrative/structure.py, loaders/narrative/extractor.py",
        "A project card writes 'Назва проєкту', 'Програма', 'Донор', 'Партнер проєкту', 'Місце реалізації' each on a "
        "line and its value on the next: the name (colons allowed) names the project, the programme line makes it part "
        "of that programme without taking over the card, and every later field is about the card's project (a joined "
        "field counts as one sentence).",
        "Назва проєкту\nТиса без кордонів\nПрограма\nInterreg NEXT Угорщина–Словаччина–Румунія–Україна\nДонор\n"
        "Європейський Союз\nПартнер проєкту\nТисауйварош (Угорщина)\nМісце реалізації\nТячів\n",
        {
            "Тиса без кордонів|partOf|Interreg NEXT Угорщина – Словаччина – Румунія – Україна 2021–2027",
            "Європейський Союз|funds|Тиса без кордонів",
            "Тиса без кордонів|locatedIn|Тисауйварош",
            "Тиса без кордонів|locatedIn|Тячів",
        },
    ),
    _r(
        "partner-card-domestic",
        "structure",
        "loaders/narrative/extractor.py",
        "A partner card's own field ('Партнер: Бучанська міська територіальна громада', the label and its value on two "
        "lines) names a domestic partner of the page's community, as it names partners abroad.",
        "Партнери Тячівської міської територіальної громади\n\nПартнер\nБучанська міська територіальна громада\n"
        "Тип документа\nМеморандум про співпрацю\n",
        {"Тячівська міська територіальна громада|partnerOf|Бучанська міська територіальна громада"},
    ),
    _r(
        "latin-alternate-of-another-town",
        "linking",
        "loaders/narrative/latin.py",
        "A Latin alternate name GeoNames lists for a Ukrainian town that is already another Ukrainian town's own "
        "name is not this town's spelling (Nikopol's entry lists 'Slov'yansk'): the Latin and Russian look-ups "
        "keep the town that bears the name.",
        "Проект «Чистая вода» реализуется в Славянске при поддержке Евросоюза. Это был первый этап проекта, "
        "который объединил усилия общественности. Жители города высоко оценили результаты.",
        {"Чистая вода|locatedIn|Слов'янськ"},
        {"Чистая вода|locatedIn|Нікополь"},
    ),
    _r(
        "lender-within",
        "relations",
        "loaders/narrative/extractor.py",
        "The organisation that opens a sentence and acts within an initiative ('X ... under the project Y', "
        "'X в рамках проекта Y') funds it when it is a development bank or signs a loan or grant for it; "
        "otherwise it carries it out.",
        "EBRD signed a loan agreement with Ternopil under the Ternopil Energy Efficiency project.",
        {"Європейський банк реконструкції та розвитку|funds|Ternopil Energy Efficiency"},
        {"Європейський банк реконструкції та розвитку|implements|Ternopil Energy Efficiency"},
    ),
    _r(
        "coordinated-subjects",
        "relations",
        "loaders/narrative/extractor.py, loaders/lang/en/cues.csv",
        "Agents coordinated before a verb ('Sweden and the EU fund ...', 'ЄС та Швеція фінансують ...') are each "
        "its subject; English plural 'fund'/'finance' and 'support(s) the <noun> project/programme/office' are "
        "funding verbs.",
        "Sweden and the EU fund the Recovery and Development Office in Voznesensk.",
        {
            "Уряд Швеції|funds|Recovery and Development Office",
            "Європейський Союз|funds|Recovery and Development Office",
        },
    ),
    _r(
        "donor-in-latin-name",
        "relations",
        "loaders/narrative/extractor.py",
        "A programme named in Latin script with the acronym of the donor the registry knows as its funder in or "
        "right before its name ('USAID HOVERLA Activity') is funded by that donor: the name says so.",
        "USAID HOVERLA Activity supported communities in establishment of partnership with Liubar.",
        {"Агентство США з міжнародного розвитку|funds|Програма USAID «ГОВЕРЛА»"},
    ),
    _r(
        "russian-coordinated-agents",
        "relations",
        "loaders/narrative/extractor.py",
        "Agents after a funding or implementing cue coordinated by Russian 'и' ('финансируют Швеция и Евросоюз') "
        "are each an agent, as with 'та', 'і', 'and'.",
        "Новости города Житомира\n\nПроект «Прозрачный город» финансируют Швеция и Евросоюз. Жители города "
        "высоко оценили результаты.",
        {"Уряд Швеції|funds|Прозрачный город", "Європейський Союз|funds|Прозрачный город"},
    ),
    _r(
        "coref-noun-before-name",
        "discourse",
        "loaders/narrative/extractor.py",
        "A coreference noun the cues hold ('проекта', 'программы') followed by the name it heads ('в рамках "
        "программы «U-LEAD с Европой»') names that initiative; it does not refer back to the paragraph's one.",
        "Новости города Житомира\n\nВсемирный банк и ЕБРР профинансировали проект «Модернизация теплоснабжения» в "
        "Житомире. В рамках программы «U-LEAD с Европой» Житомирская городская громада получила новое оборудование.",
        {"Світовий банк|funds|Модернизация теплоснабжения"},
        {"Модернизация теплоснабжения|partOf|U-LEAD з Європою"},
    ),
    _r(
        "state-backs-unquoted-name",
        "mentions",
        "loaders/narrative/extractor.py",
        "An unquoted capitalised initiative name counts next to a donor, or next to a state named with a funding "
        "cue: 'Sweden funds the Recovery and Development Office' (the state is the donor there).",
        "Sweden funds the Recovery and Development Office in Voznesensk.",
        {"Уряд Швеції|funds|Recovery and Development Office", "Recovery and Development Office|locatedIn|Вознесенськ"},
    ),
    _r(
        "english-clause-before-quote",
        "mentions",
        "loaders/patterns.py",
        "A project word followed by a clause ('The project is implemented by the NGO «X»') does not head the quoted "
        "name after it: «X» is the agent; an English organisation word or abbreviation before a quote ('NGO', "
        "'non-governmental organization', 'municipal enterprise') makes the name an organisation.",
        'The project "Clean Schools" in Poltava is funded by the EU. The project is implemented by the NGO '
        '"Green Ukraine" with support from Sweden.',
        {"Green Ukraine|implements|Clean Schools", "Уряд Швеції|funds|Clean Schools"},
        {"Уряд Швеції|funds|Green Ukraine"},
    ),
    _r(
        "partner-communities-of-initiative",
        "relations",
        "loaders/lang/en/cues.csv",
        "'The partner communities of the programme X are A and B' lists where X works; it does not make A and B "
        "partners of each other.",
        "Partner communities of the U-LEAD with Europe programme are Bucha and Irpin.",
        {"U-LEAD з Європою|locatedIn|Буча", "U-LEAD з Європою|locatedIn|Ірпінь"},
        {"Буча|partnerOf|Ірпінь"},
    ),
    _r(
        "english-descriptor-before-agent",
        "relations",
        "loaders/narrative/extractor.py",
        "Capitalised Latin words between a cue and its agent describe the agent ('with support of the German "
        "Development Bank KfW'): the agent is still the one after the cue.",
        'The city implements the project "Energy Efficiency in Public Buildings" with support of the German '
        "Development Bank KfW.",
        {"Німецький банк розвитку KfW|funds|Energy Efficiency in Public Buildings"},
    ),
    _r(
        "press-release-dateline",
        "discourse",
        "loaders/narrative/extractor.py, loaders/text.py, loaders/patterns.py",
        "A press release's dateline ('KYIV, March 3, 2023 –') names where it was written, not a site of the "
        "initiative; 'U.S.' ends no sentence; 'International' inside a longer name ('Agency for International "
        "Development') closes no organisation name.",
        "KYIV, March 3, 2023 – The U.S. Agency for International Development (USAID) today announced $10 million "
        "to restore heating in Chernihiv and Kharkiv through its Energy Security Project.",
        {
            "Агентство США з міжнародного розвитку|funds|Проєкт USAID «Енергетична безпека»",
            "Проєкт USAID «Енергетична безпека»|locatedIn|Чернігів",
        },
        {
            "Проєкт USAID «Енергетична безпека»|locatedIn|Київ",
            "Agency for International|implements|Проєкт USAID «Енергетична безпека»",
        },
    ),
    _r(
        "english-progressive-funding",
        "relations",
        "loaders/lang/en/cues.csv",
        "'is/are financing', 'is/are funding' before an object are funding verbs, as 'finances' and 'funds' are.",
        "The Danish government is financing the reconstruction of Mykolaiv through the Ukraine Investment Framework.",
        {"Уряд Данії|funds|Інвестиційна рамка для України"},
    ),
    _r(
        "russian-written-country-names",
        "linking",
        "loaders/narrative/russian.py, loaders/lang/ru/countries.csv",
        "Countries that Russian pages name other than by their ISO name ('Великобритания', 'Южная Корея', "
        "'Молдова') are read from lang/ru/countries.csv in every case; a state named as funder is its government.",
        "Новости. Проект «Безопасный город» реализует ОО «Центр развития» при финансовой поддержке Посольства "
        "Великобритании. Жители высоко оценили результаты.",
        {"Уряд Великої Британії|funds|Безопасный город", "Центр развития|implements|Безопасный город"},
    ),
    _r(
        "english-letter-of-intent",
        "relations",
        "loaders/lang/en/cues.csv",
        "An English 'letter of intent on cooperation' with a town abroad is a partnership act, as a memorandum is.",
        "Uzhhorod signed a letter of intent on cooperation with the Hungarian town of Nyíregyháza.",
        {"Ужгород|partnerOf|Ніредьгаза"},
    ),
    _r(
        "russian-german-ministries",
        "linking",
        "loaders/lang/ru/registry_names.csv",
        "The German ministry that commissions GIZ ('по поручению Федерального министерства экономического "
        "сотрудничества и развития Германии') is read on Russian pages as on Ukrainian ones.",
        "Новости. Оборудование передано в рамках программы «Децентрализация» по поручению Федерального министерства "
        "экономического сотрудничества и развития Германии. Жители высоко оценили результаты.",
        {"Федеральне міністерство економічного співробітництва та розвитку Німеччини|funds|Децентрализация"},
    ),
    _r(
        "english-project-list-items",
        "mentions",
        "loaders/patterns.py, loaders/text.py",
        "A quoted Latin title followed by a dash and a participle ('\"Safe School\" – supported by UNICEF') is a "
        "project, as a project list on a municipal English page writes its items; a straight quote that opens a "
        "line opens a name.",
        'Projects with international support\n\n"Clean Energy for Ivano-Frankivsk" – funded by the European Union.\n'
        '"Safe School" – supported by UNICEF.\n',
        {"Європейський Союз|funds|Clean Energy for Ivano-Frankivsk", "Дитячий фонд ООН|funds|Safe School"},
        {"Дитячий фонд ООН|funds|Clean Energy for Ivano-Frankivsk"},
    ),
    _r(
        "english-twinned-with",
        "mentions",
        "loaders/narrative/latin.py",
        "An unknown Title-case name right after 'sister cities with' / 'twinned with' / 'twin towns with' is a town "
        "abroad no gazetteer knows: a PartnerCity kept unlinked, without a country unless one is named.",
        "Rivne became sister cities with Federal Way.",
        {"Рівне|partnerOf|Federal Way"},
    ),
    _r(
        "russian-adjective-of-soft-n",
        "linking",
        "loaders/narrative/russian.py",
        "A Russian town name in '-нь' makes its adjective without the soft sign ('Коростень' -> 'Коростенская "
        "громада', 'Ирпень' -> 'Ирпенский'); one in '-ль' keeps it ('Никополь' -> 'Никопольский').",
        "Новости области. Проект «Чистая вода» реализуется в Коростенской и Бердичевской громадах. Жители высоко "
        "оценили результаты работы. Были установлены новые фильтры, обновлены насосы и трубы.",
        {
            "Чистая вода|locatedIn|Коростенська міська територіальна громада",
            "Чистая вода|locatedIn|Бердичівська міська територіальна громада",
        },
    ),
    _r(
        "relative-before-long-subject",
        "relations",
        "loaders/narrative/extractor.py",
        "'ініціативи «X», яку Міністерство розвитку громад, територій та інфраструктури реалізує за підтримки Програми "
        "«Y»': a relative pronoun before a subject of many words (commas included) makes the initiative before the "
        "pronoun the verb's object; the programme after 'за підтримки' is not.",
        "Громада долучилася до ініціативи «Пліч-о-пліч», яку Міністерство розвитку громад та територій України "
        "реалізує за підтримки Програми «U-LEAD з Європою».",
        {"Міністерство розвитку громад та територій України|implements|Пліч-о-пліч"},
        {"Міністерство розвитку громад та територій України|implements|U-LEAD з Європою"},
    ),
    _r(
        "organisation-seat-in-brackets",
        "relations",
        "loaders/narrative/extractor.py",
        "A town in brackets right after an organisation ('ГО «Екодія» (Київ)') is where the organisation sits, not a "
        "site of the initiative, as 'ГО «Екодія» у Києві' is.",
        "Житомирська громада отримала обладнання. Проєкт «Чиста вода» у Житомирі реалізує ГО «Екодія» (Київ) за "
        "підтримки ЄС.",
        {"Чиста вода|locatedIn|Житомир"},
        {"Чиста вода|locatedIn|Київ"},
    ),
    _r(
        "domestic-object-after-partner",
        "relations",
        "loaders/narrative/extractor.py",
        "A Ukrainian community coordinated right after a partner abroad and called Ukrainian ('поріднився з естонським "
        "Тарту та українським Херсоном') is an object of the same verb: a partner of its subject.",
        "У 2023 році Луцьк поріднився з естонським Тарту та українським Херсоном.",
        {"Луцьк|partnerOf|Тарту", "Луцьк|partnerOf|Херсон"},
    ),
    _r(
        "domestic-items-of-partner-list",
        "relations",
        "loaders/narrative/extractor.py",
        "Ukrainian towns that go on, comma by comma, with a list of partners after a colon ('перелік міст-партнерів "
        "Луцька: Люблін (Польща), Тарту (Естонія), Кременець, Херсон') are partners of the list's community too.",
        "Нижче наведено перелік міст-партнерів Луцька: Люблін (Польща), Тарту (Естонія), Кременець, Херсон.",
        {"Луцьк|partnerOf|Люблін", "Луцьк|partnerOf|Кременець", "Луцьк|partnerOf|Херсон"},
    ),
    _r(
        "local-programme",
        "mentions",
        "loaders/patterns.py",
        "A community's own programme or strategy named with its years ('Програма розвитку освіти Ірпінської громади "
        "на 2024-2026 роки') is a Program only where the page is about it (its title, a decision's title 'Про "
        "затвердження Програми …') or a donor supports it; a report naming twenty such programmes yields none. The "
        "community in its name is where it runs.",
        "Про затвердження Програми підтримки малого підприємництва Звягельської міської територіальної громади на "
        "2024-2026 роки\n\nДепутати також заслухали звіт про виконання Програми розвитку освіти Житомирської міської "
        "територіальної громади на 2021-2025 роки.",
        {
            "Програма підтримки малого підприємництва Звягельської міської територіальної громади на 2024-2026 роки"
            "|locatedIn|Звягельська міська територіальна громада"
        },
        {
            "Програма розвитку освіти Житомирської міської територіальної громади на 2021-2025 роки"
            "|locatedIn|Житомирська міська територіальна громада"
        },
    ),
    _r(
        "roles-in-brackets",
        "relations",
        "loaders/lang/uk/cues.csv",
        "Role words inside brackets after a title ('«X» (донор — ЮНІСЕФ, виконавець — ГО «Y»)') say who pays and who "
        "carries out, as they do after a comma; the bracket's first name is then no plain modifier of the title.",
        "Проєкт «Громада, дружня до дітей» (донор — ЮНІСЕФ, виконавець — ГО «Світанок») триває у Звягелі.",
        {
            "Дитячий фонд ООН|funds|Громада, дружня до дітей",
            "Світанок|implements|Громада, дружня до дітей",
            "Громада, дружня до дітей|locatedIn|Звягель",
        },
        {"Дитячий фонд ООН|implements|Громада, дружня до дітей"},
    ),
    _r(
        "titles-after-lead-in",
        "mentions",
        "loaders/patterns.py",
        "A plural trigger whose lead-in clause ends in a colon ('Серед проєктів, які громада реалізує з партнерами:') "
        "names the quoted titles after it, even with a donor in brackets after each ('«A» (USAID), «B» (ЄІБ)').",
        "Серед проєктів, які громада реалізує спільно з міжнародними партнерами: «Чиста вода» (USAID), «Теплий дім» "
        "(ЄІБ).",
        {
            "Агентство США з міжнародного розвитку|funds|Чиста вода",
            "Європейський інвестиційний банк|funds|Теплий дім",
        },
    ),
    _r(
        "donor-country-in-brackets",
        "mentions",
        "loaders/narrative/extractor.py",
        "A country in brackets right after a donor ('Sida (Швеція)', 'KOICA (Korea)') says whose agency it is: the "
        "country is no second funder.",
        "Sida (Швеція) підтримує проєкт «Зелене відновлення» у Житомирі.",
        {
            "Шведське агентство міжнародного співробітництва з питань розвитку|funds|Зелене відновлення",
            "Зелене відновлення|locatedIn|Житомир",
        },
        {
            "Уряд Швеції|funds|Зелене відновлення",
            "Шведське агентство міжнародного співробітництва з питань розвитку|implements|Зелене відновлення",
        },
    ),
    _r(
        "connected-name",
        "mentions",
        "loaders/narrative/latin.py",
        "A town abroad and a capitalised word joined by 'in der', 'im', 'am', 'an der' ('Weiden in der Oberpfalz', "
        "'Freiburg im Breisgau') are one name: the second word is no town of its own.",
        "Житомир і Weiden in der Oberpfalz (Німеччина) підписали угоду про партнерство.",
        {"Житомир|partnerOf|Weiden"},
        {"Житомир|partnerOf|Oberpfalz"},
    ),
    _r(
        "domestic-items-without-colon",
        "relations",
        "loaders/narrative/extractor.py",
        "A Ukrainian town that goes on, comma by comma or by 'та', with the partners abroad of a community named "
        "before a partner word is a partner of that community too, with or without a colon ('Побратимами Житомира є "
        "Кошалін, Лодзь та Бердичів', 'угоди про партнерство з Кошаліном (Польща) та Бердичевом').",
        "Житомир має угоди про партнерство з Кошаліном (Польща) та Бердичевом.",
        {"Житомир|partnerOf|Кошалін", "Житомир|partnerOf|Бердичів"},
    ),
    _r(
        "name-in-its-case",
        "linking",
        "loaders/narrative/openworld.py",
        "A name no gazetteer knows, after a preposition that governs a case ('з Ковальдорфом (Німеччина)', the first "
        "of a list after it), is labelled in the nominative: the dictionary's guess for that case when it keeps the "
        "stem ('Жарновцем' is Жарновець), else the instrumental's ending taken off.",
        "Житомир співпрацює з Ковальдорфом (Німеччина) та Мельденом (Нідерланди).",
        {"Житомир|partnerOf|Ковальдорф", "Житомир|partnerOf|Мельден"},
        {"Житомир|partnerOf|Ковальдорфом"},
    ),
    _r(
        "spelled-abroad-in-western-europe",
        "linking",
        "loaders/narrative/openworld.py",
        "The spelling look-up of an unknown partner tries the towns of Austria, Switzerland, the Benelux, France, "
        "Italy, Spain, Croatia, Slovenia and the Nordic countries too ('з Дордрехтом' is Dordrecht); towns found "
        "by it coordinate the next name ('з Дордрехтом, Вольфсбергом'). The UK and US lists are left out: their "
        "many English-like names matched a word of a scored page.",
        "Житомирська громада розвиває партнерство з Дордрехтом, Вольфсбергом і Сен-Мареном.",
        {
            "Житомирська міська територіальна громада|partnerOf|Дордрехт",
            "Житомирська міська територіальна громада|partnerOf|Вольфсберг",
        },
    ),
    _r(
        "apposed-unknown",
        "linking",
        "loaders/narrative/openworld.py",
        "A name the apposition calls a twin town ('Ковальдорф став містом-побратимом Житомира') that no gazetteer "
        "or spelling look-up knows, and no Ukrainian dictionary, is kept unlinked as the partner.",
        "Ковальдорф став містом-побратимом Житомира у 1995 році.",
        {"Житомир|partnerOf|Ковальдорф"},
    ),
    _r(
        "generic-words-around-a-known-name",
        "linking",
        "loaders/narrative/extractor.py",
        "A Latin title that is a name the registry knows with generic words around it ('the Swiss-Ukrainian DECIDE "
        "project', 'USAID's HOVERLA Activity') is that registry entry, not a second initiative.",
        "With support from the Swiss-Ukrainian DECIDE project, the Vinnytsia City Council launched a youth council.",
        {"Децентралізація для розвитку демократичної освіти|locatedIn|Вінниця"},
        {"Swiss-Ukrainian DECIDE|locatedIn|Вінниця"},
    ),
    _r(
        "owners-after-from",
        "relations",
        "loaders/narrative/extractor.py",
        "Donors and organisations coordinated after 'від' right after a title ('проєкту «X» від ЄС та USAID') are all "
        "its owners, not only the first.",
        "Громада стала учасницею проєкту «Цифрова громада» від ЄС та USAID.",
        {
            "Європейський Союз|funds|Цифрова громада",
            "Агентство США з міжнародного розвитку|funds|Цифрова громада",
        },
    ),
    _r(
        "tab-and-markdown-tables",
        "structure",
        "loaders/narrative/extractor.py",
        "A table in text read like the bar-separated one: cells cut by tabs in the text as written, or a Markdown "
        "table ('| A | B |' with its '|---|' rule line); each row after a header naming the project, donor and "
        "implementer columns is a project with its funder and implementer.",
        "Міжнародні проєкти громади\n\nНазва проєкту\tДонор\tВиконавець\n«Тепла школа»\tЄС\tГО «Енергія»\n"
        "«Чиста вода»\tUSAID\tПРООН\n\n| Назва проєкту | Донор |\n|---|---|\n| «Світла вулиця» | ЄІБ |\n",
        {
            "Європейський Союз|funds|Тепла школа",
            "Енергія|implements|Тепла школа",
            "Програма розвитку ООН|implements|Чиста вода",
            "Європейський інвестиційний банк|funds|Світла вулиця",
        },
    ),
    _r(
        "hromada-items",
        "mentions",
        "loaders/narrative/extractor.py",
        "List lines under a lead-in that ends with 'громади:' ('- Ніжинська міська;', '- Носівська') name hromadas by "
        "their adjective, with or without the type word: the head noun is the lead-in's.",
        "Учасниками програми «Мери за економічне зростання» стали громади:\n- Ніжинська міська;\n- Носівська.",
        {
            "Мери за економічне зростання|locatedIn|Ніжинська міська територіальна громада",
            "Мери за економічне зростання|locatedIn|Носівська міська територіальна громада",
        },
    ),
    _r(
        "aid-back",
        "discourse",
        "loaders/narrative/extractor.py",
        "A sentence that names the programme of the aid just told ('Допомогу надано в рамках проєкту X', 'Обладнання "
        "придбано в межах програми Y'), even in the next paragraph, takes that aid's funders and the communities "
        "that received it; a UN agency or implementer that handed the aid over carries it out.",
        "Програма розвитку ООН за фінансової підтримки Уряду Японії передала генератори громадам. Обладнання "
        "отримали Балаклійська та Ізюмська громади.\n\nДопомогу надано в рамках проєкту «Відновлення та розбудова "
        "миру».",
        {
            "Уряд Японії|funds|Відновлення та розбудова миру",
            "Програма розвитку ООН|implements|Відновлення та розбудова миру",
            "Відновлення та розбудова миру|locatedIn|Ізюмська міська територіальна громада",
        },
    ),
    _r(
        "byline-home",
        "discourse",
        "loaders/narrative/extractor.py",
        "A source or press-office line closing the page ('Джерело: Мостиська міська рада', 'Пресслужба Мостиської "
        "міської ради') names whose page it is, when nothing else dominates: 'нашу громаду' and 'між містами' are that "
        "community.",
        "Співпраця з партнерами\n\nЦього тижня делегація польського міста Ярослав відвідала нашу громаду. "
        "Нагадаємо, що угоду про партнерство між містами підписали у 2004 році.\n\nДжерело: Мостиська міська рада",
        {"Мостиська міська територіальна громада|partnerOf|Ярослав"},
    ),
    _r(
        "aid-back-en-ru",
        "discourse",
        "loaders/narrative/extractor.py",
        "The aid-back rule in English and Russian: 'The equipment was provided under the X Programme', 'Помощь "
        "предоставлена в рамках программы X' name the programme of the aid told before.",
        "UNDP, with funding from the Government of Japan, has handed over three water purification stations to the "
        "Mykolaiv City Council.\n\nThe equipment was provided under the Recovery and Peacebuilding Programme.",
        {
            "Уряд Японії|funds|Програма ООН із відновлення та розбудови миру",
            "Програма ООН із відновлення та розбудови миру|locatedIn|Миколаїв",
        },
    ),
    _r(
        "qualifier-only",
        "evidence",
        "loaders/narrative/extractor.py",
        "An oblast or raion named only to place another community ('Уманська міська громада Черкаської області'), "
        "or a region abroad that only locates partners ('cities in states such as Indiana'), and in no relation of "
        "the text is reference data: it keeps no mention of the page, as the hierarchy above a town does. Relations "
        "still read it.",
        "Уманська міська громада Черкаської області та польський Ряшів підписали угоду про партнерство.",
        {"Уманська міська територіальна громада|partnerOf|Жешув"},
    ),
    _r(
        "comma-apposition",
        "linking",
        "loaders/narrative/openworld.py",
        "A name followed by a comma and 'міста-побратима' / 'містом-партнером' ('з бургомістром Ковальдорфа, "
        "міста-побратима Житомира') is a twin town; an unknown one is put into the nominative from the apposition's "
        "case before it is looked up or kept unlinked.",
        "Міський голова Житомира зустрівся з бургомістром Ковальдорфа, міста-побратима Житомира.",
        {"Житомир|partnerOf|Ковальдорф"},
        {"Житомир|partnerOf|Ковальдорфа"},
    ),
    _r(
        "region-in-relative-clause",
        "linking",
        "loaders/narrative/openworld.py",
        "A region named in a relative clause right after a partner abroad ('з гміною Ґрембув, що на Підкарпатті') "
        "locates it, as 'у Малопольщі' does: it is no partner of its own.",
        "Торік Новояворівськ підписав угоду з гміною Ґрембув, що на Підкарпатті.",
        {"Новояворівськ|partnerOf|Ґрембув"},
        {"Новояворівськ|partnerOf|Підкарпатське воєводство"},
    ),
    _r(
        "org-head-union-foundation",
        "mentions",
        "ontology/data/org_head_words.csv",
        "Союз, фундація, коаліція, альянс and консорціум head organisation names as асоціація and спілка do: "
        "'впроваджує Міжрегіональний Союз ...', 'реалізує Фундація розвитку громад' name the implementer.",
        "Проєкт «Відкрита ферма» впроваджує Міжрегіональний Союз птахівників та кормовиробників України за "
        "підтримки USAID. Проєкт «Безпечний двір» реалізує Фундація розвитку громад.",
        {
            "Міжрегіональний Союз птахівників та кормовиробників України|implements|Відкрита ферма",
            "Фундація розвитку громад|implements|Безпечний двір",
        },
    ),
    _r(
        "organiser-line-with-adjective",
        "relations",
        "loaders/lang/uk/cues.csv",
        "A field line naming the implementer may qualify its role noun ('Ключовий партнер: X', 'Головний виконавець "
        "програми — X', 'Партнер з імплементації: X'): X implements the initiative the page is about.",
        "Проєкт «Ягідна долина» стартував у Полтаві.\n\nКлючовий партнер: Асоціація садівників України.",
        {"Асоціація садівників України|implements|Ягідна долина"},
    ),
    _r(
        "edu-tail-plural-genitive",
        "mentions",
        "loaders/patterns.py",
        "An institute's name goes on with a genitive plural that has no ending ('Інститут розвитку громад', 'Центр "
        "... сіл'): the name is not cut before it.",
        "Проєкт «Відкриті двері» реалізує Інститут розвитку громад за підтримки Посольства Канади.",
        {"Інститут розвитку громад|implements|Відкриті двері"},
        {"Інститут розвитку|implements|Відкриті двері"},
    ),
    _r(
        "adjective-before-surname-reading",
        "mentions",
        "loaders/morph.py",
        "An adjective whose first dictionary reading is a surname ('Українською', 'Громадською') is still an "
        "adjective when a noun follows: 'Українською фундацією громадського здоров'я' is 'Українська фундація ...'.",
        "Проєкт «Родина» реалізується Українською фундацією громадського здоров'я за фінансування USAID.",
        {"Українська фундація громадського здоров'я|implements|Родина"},
    ),
    _r(
        "ukrainian-ministries-registry",
        "linking",
        "ontology/data/donors.csv",
        "Ukrainian ministries and state agencies are registry organisations under their full and short names "
        "('Мінцифри', 'Мінагрополітики', 'Держенергоефективності'): one node per body, typed Organization.",
        "Проєкт «Цифрова громада» реалізує Мінцифри у партнерстві з ПРООН. Проєкт «Теплий дім» впроваджує "
        "Держенергоефективності.",
        {
            "Міністерство цифрової трансформації України|implements|Цифрова громада",
            "Державне агентство з енергоефективності та енергозбереження України|implements|Теплий дім",
        },
    ),
    _r(
        "loan-agreement-not-money-cue",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'Кредитна угода', 'грантовий договір' name an agreement, not money from whoever follows: the body that "
        "approves or signs it ('погоджена Міністерством фінансів') neither funds nor implements the project.",
        "Проєкт «Нова вода» реалізується за кредитом ЄБРР.\n\nКредитна угода погоджена Міністерством фінансів України.",
        {"Європейський банк реконструкції та розвитку|funds|Нова вода"},
        {"Міністерство фінансів України|implements|Нова вода", "Міністерство фінансів України|funds|Нова вода"},
    ),
    _r(
        "unquoted-org-after-role-dash",
        "relations",
        "loaders/narrative/extractor.py",
        "A role noun, its initiative word and a dash before an unquoted organisation ('Координатор проєкту – Агенція "
        "регіонального розвитку Полтавської області', 'місцевий координатор - Агенція ...'): the whole name is the "
        "agent, the place in it is part of the name.",
        "Проєкт «Чиста річка» реалізується за підтримки ЄС. Координатор проєкту – Агенція регіонального розвитку "
        "Полтавської області.",
        {"Агенція регіонального розвитку Полтавської області|implements|Чиста річка"},
    ),
    _r(
        "unquoted-org-subject",
        "relations",
        "loaders/narrative/extractor.py",
        "An organisation named without quotes right before an implementing verb is its subject ('Асоціація "
        "ягідників України реалізує проєкт «X»', 'ГС Міжрегіональний Союз ... реалізує'): a head noun with only "
        "capitalised adjectives (or a legal-form abbreviation, left out of the name) before it, its genitive chain up "
        "to the verb. 'Цього року' and other words before the name are not part of it.",
        "Цього року ГС Всеукраїнський Союз садівників та городників України реалізує проєкт «Сад громади».",
        {"Всеукраїнський Союз садівників та городників України|implements|Сад громади"},
        {"ГС Всеукраїнський Союз садівників та городників України|implements|Сад громади"},
    ),
    _r(
        "legal-form-unquoted-name",
        "relations",
        "loaders/narrative/extractor.py",
        "A legal form before an unquoted name ('реалізує громадська організація Зелена хвиля', 'ГО Центр громадських "
        "ініціатив', 'БФ Рокада') says an organisation's own name follows, with or without a head noun; the legal "
        "form is no part of the name, and the name ends before a preposition ('... Зелена хвиля у Полтаві').",
        "Проєкт «Громада для всіх» реалізується громадською організацією Зелена хвиля у Полтаві. Проєкт «Тепла "
        "хата» реалізує ГО Центр громадських ініціатив за підтримки ЄС.",
        {
            "Зелена хвиля|implements|Громада для всіх",
            "Громада для всіх|locatedIn|Полтава",
            "Центр громадських ініціатив|implements|Тепла хата",
        },
    ),
    _r(
        "organiser-verb",
        "relations",
        "loaders/lang/uk/cues.csv",
        "The verb of the organiser noun implements as the noun does ('Організатором конкурсу є X' and 'Конкурс «Y» "
        "організовує X', 'X організувала конкурс «Y»'): X implements Y.",
        "Конкурс «Молодь діє» організовує Фонд розвитку громад «Крок». Асоціація садівників України організувала "
        "тренінг «Ягідна школа».",
        {"Крок|implements|Молодь діє", "Асоціація садівників України|implements|Ягідна школа"},
    ),
    _r(
        "national-bodies-registry",
        "linking",
        "ontology/data/donors.csv",
        "Ukrainian national bodies that run local-government programmes (the Congress of Local and Regional "
        "Authorities under the President, the Local Government Development Centre ЦРМС, the associations of "
        "hromadas and councils, KSE, IER) are registry organisations, so a passing mention names them too.",
        "Програму «Спроможні громади» реалізує Всеукраїнська асоціація громад спільно з ЦРМС.",
        {
            "Всеукраїнська асоціація громад|implements|Спроможні громади",
            "Центр розвитку місцевого самоврядування|implements|Спроможні громади",
        },
    ),
    _r(
        "en-led-by",
        "relations",
        "loaders/lang/en/cues.csv",
        "English 'led by', 'coordinated by', 'organised by', 'operated by', 'delivered by', 'executed by' name the "
        "implementer after them, as 'implemented by' does.",
        'The "Safe Water" project is coordinated by the Association of Ukrainian Cities.',
        {"Асоціація міст України|implements|Safe Water"},
    ),
    _r(
        "en-unquoted-org",
        "relations",
        "loaders/narrative/extractor.py",
        "An English organisation named without quotes after a cue: its head noun with the capitalised words before it "
        "and the of/for phrases after it ('implemented by the Regional Development Agency of Poltava Oblast'), or a "
        "legal form before its own name ('by the Ukrainian NGO Green Wave'); a registry body inside the span wins.",
        'The "Safe Water" project is implemented by the Ukrainian NGO Green Wave. The "Clean River" project is '
        "implemented by the Regional Development Agency of Poltava Oblast.",
        {"Green Wave|implements|Safe Water", "Regional Development Agency of Poltava Oblast|implements|Clean River"},
    ),
    _r(
        "passive-held-by",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'проводиться/проводяться X-ом' (held by) names the implementer right after it in the instrumental, as "
        "'реалізується' does; the active 'проводить' is too loose and is no cue.",
        "Конкурс «Молодь діє» проводиться ГО «Крок» за підтримки ЄС.",
        {"Крок|implements|Молодь діє", "Європейський Союз|funds|Молодь діє"},
    ),
    _r(
        "org-description-then-quoted-name",
        "relations",
        "loaders/narrative/extractor.py",
        "An unquoted description of an organisation that ends in its own quoted name ('Громадською спілкою "
        "виробників органічних сертифікованих продуктів „Органічна Україна“') is named by the quoted name.",
        "Форум «Зелена Полтавщина», який проводиться Громадською спілкою виробників органічних сертифікованих "
        "продуктів „Органічна Україна“, відбудеться в серпні.",
        {"Органічна Україна|implements|Зелена Полтавщина"},
    ),
    _r(
        "partners-of-titled-initiative",
        "relations",
        "loaders/lang/uk/cues.csv",
        "A line 'Партнери проєкту «X»: A, B та C' lists X's implementing partners (the partner noun at the line's "
        "start, its initiative named in quotes right after it); a list may end with a name without quotes, even one "
        "that holds a country ('Асоціація енергоефективних міст України').",
        "Партнери проєкту «Тепла громада»: ГО «Зелена хвиля», БФ «Рокада» та Асоціація енергоефективних міст України.",
        {
            "Зелена хвиля|implements|Тепла громада",
            "Рокада|implements|Тепла громада",
            "Асоціація енергоефективних міст України|implements|Тепла громада",
        },
    ),
    _r(
        "initiator-and-grantee-roles",
        "relations",
        "loaders/lang/uk/cues.csv",
        "The initiator and the grant recipient of an initiative carry it out ('Ініціатором проєкту «X» виступила ГО "
        "«Y»', 'грантоотримувач – ГО «Y»'), and 'втілюється', 'реалізовується' are passive implementing verbs.",
        "Ініціатором проєкту «Тепла громада» виступила ГО «Зелена хвиля». Проєкт «Світла вулиця» реалізовується "
        "Асоціацією енергоефективних міст України.",
        {
            "Зелена хвиля|implements|Тепла громада",
            "Асоціація енергоефективних міст України|implements|Світла вулиця",
        },
    ),
    _r(
        "project-team-implements",
        "relations",
        "loaders/narrative/extractor.py",
        "The team (experts, office) of a project as the agent of an implementing verb ('кампанія «X», яку реалізує "
        "команда Проєкту USAID «Y»'): X is part of Y; Y's donor is not X's implementer.",
        "Громадам допомагає інформаційна кампанія «Добрі історії», яку реалізує команда Проєкту USAID «ГОВЕРЛА».",
        {"Добрі історії|partOf|Програма USAID «ГОВЕРЛА»"},
        {"Агентство США з міжнародного розвитку|implements|Добрі історії"},
    ),
    _r(
        "object-before-verb",
        "relations",
        "loaders/narrative/extractor.py",
        "An active implementing verb whose agent follows it ('Проєкт «X» реалізує ГО «Y» за підтримки проєкту «Z»') "
        "has the initiative before the verb as its object, not one named later in the sentence.",
        "Проєкт «Чиста вода» реалізує ГО «Крок» за підтримки проєкту USAID «ГОВЕРЛА».",
        {"Крок|implements|Чиста вода"},
        {"Крок|implements|Програма USAID «ГОВЕРЛА»"},
    ),
    _r(
        "joint-lead-unquoted",
        "relations",
        "loaders/narrative/extractor.py",
        "The subject a 'спільно з / разом з' phrase hangs on may be an organisation named without quotes ('З 2021 "
        "року Агенція регіонального розвитку Полтавської області спільно з ПРООН реалізує ...'): both implement.",
        "З 2021 року Агенція регіонального розвитку Полтавської області спільно з ПРООН реалізує проєкт «Тепла хата».",
        {
            "Агенція регіонального розвитку Полтавської області|implements|Тепла хата",
            "Програма розвитку ООН|implements|Тепла хата",
        },
    ),
    _r(
        "grant-recipient-implements",
        "relations",
        "loaders/lang/uk/cues.csv",
        "An organisation that received (won, raised) a grant or money 'на реалізацію проєкту «Y»' carries Y out; the "
        "donor named with the money funds it; a community receiving it is no implementer.",
        "Асоціація енергоефективних міст України отримала 2 млн грн від Фонду Східна Європа на реалізацію проєкту "
        "«Тепла громада». Громада отримала грант ЄС на реалізацію проєкту «Світлий двір».",
        {
            "Асоціація енергоефективних міст України|implements|Тепла громада",
            "Фонд Східна Європа|funds|Тепла громада",
            "Європейський Союз|funds|Світлий двір",
        },
        {"Європейський Союз|implements|Світлий двір"},
    ),
    _r(
        "headed-by-and-initiative-of",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'на чолі з X' (a consortium headed by X) and 'за/з ініціативи X' name an implementer after them; "
        "'здійснюється', 'адмініструється' are passive implementing verbs and 'запровадити' an active one.",
        "Проєкт «Тепла громада» виконується консорціумом на чолі з ГО «Зелена хвиля». З ініціативи ГО «Крок» "
        "стартував проєкт «Світлий двір». Проєкт «Чиста річка» здійснюється Агенцією регіонального розвитку "
        "Полтавської області.",
        {
            "Зелена хвиля|implements|Тепла громада",
            "Крок|implements|Світлий двір",
            "Агенція регіонального розвитку Полтавської області|implements|Чиста річка",
        },
    ),
    _r(
        "aside-agent",
        "relations",
        "loaders/narrative/extractor.py",
        "A name in an aside closed right before the verb (', ініційований ГО «Y»,' or '(грантоотримувач – ГО «Y»)') is "
        "not the verb's subject: when an agent follows the verb, that one acts ('... фінансує ЄС').",
        "Проєкт «Тепла громада» (грантоотримувач – ГО «Зелена хвиля») фінансує ЄС.",
        {"Європейський Союз|funds|Тепла громада", "Зелена хвиля|implements|Тепла громада"},
        {"Зелена хвиля|funds|Тепла громада"},
    ),
    _r(
        "org-launch-implements",
        "relations",
        "loaders/narrative/extractor.py",
        "An organisation that is no donor and initiates, founds or launches an initiative ('проєкт «X», ініційований "
        "ГО «Y»') implements it (a donor doing so funds it).",
        "Проєкт «Тепла громада», ініційований ГО «Зелена хвиля», фінансує ЄС.",
        {"Зелена хвиля|implements|Тепла громада", "Європейський Союз|funds|Тепла громада"},
        {"Зелена хвиля|funds|Тепла громада"},
    ),
    _r(
        "russian-org-heads",
        "relations",
        "loaders/narrative/extractor.py",
        "Russian head nouns (ассоциация, министерство, организация, фонд, союз, центр, ...) head an organisation "
        "named without quotes before or after an implementing verb on a Russian page.",
        "Ассоциация энергоэффективных городов Украины реализует проект «Чистая вода».",
        {"Ассоциация энергоэффективных городов Украины|implements|Чистая вода"},
    ),
    _r(
        "nominal-role-frames",
        "relations",
        "loaders/lang/uk/cues.csv",
        "A sentence opened by the action's noun and the initiative ('Реалізацію проєкту «X» забезпечує Y', "
        "'Фінансування проєкту «X» забезпечує Y', '... здійснює Y', '... бере на себе Y') names who does it: the "
        "noun says whether that one carries out or pays.",
        "Реалізацію проєкту «Безпечна громада» забезпечує ГО «Світанок». Фінансування проєкту «Відкрита школа» "
        "забезпечує Уряд Канади.",
        {"Світанок|implements|Безпечна громада", "Уряд Канади|funds|Відкрита школа"},
    ),
    _r(
        "verb-first",
        "relations",
        "loaders/narrative/extractor.py",
        "A sentence opened by an active verb, then its object, then its agent ('Впроваджує проєкт «X» ГО «Y»') "
        "reads the agent after the object.",
        "Впроваджує проєкт «Чисте довкілля» ГО «Екологія» за підтримки ЄС.",
        {"Екологія|implements|Чисте довкілля", "Європейський Союз|funds|Чисте довкілля"},
    ),
    _r(
        "own-purpose",
        "discourse",
        "loaders/narrative/extractor.py",
        "Money a donor not yet tied to the page's initiative gives for a purpose of its own ('ЄІБ виділив Дніпру кредит "
        "на модернізацію метрополітену'), in a sentence naming no initiative and not referring to one, is another "
        "story: neither the money nor the place goes to the initiative the page spoke of before.",
        "У межах проєкту «Прозоре місто», який фінансує USAID, у Краматорську відкрили ЦНАП. Європейський "
        "інвестиційний банк виділив Дніпру кредит на модернізацію метрополітену.",
        {"Агентство США з міжнародного розвитку|funds|Прозоре місто", "Прозоре місто|locatedIn|Краматорськ"},
        {"Європейський інвестиційний банк|funds|Прозоре місто", "Прозоре місто|locatedIn|Дніпро"},
    ),
    _r(
        "title-wrapped-in-blank-lines",
        "structure",
        "loaders/text.py",
        "A short line ending in a word and a next paragraph starting in lower case are one sentence: a decision's "
        "title set line by line with blank lines between ('Про затвердження Програми проведення' / 'обласного "
        "конкурсу проектів' / 'на 2017 – 2020 роки') is read whole.",
        "РІШЕННЯ № 542\n\nПро затвердження Програми підтримки\n\nмалого підприємництва Звягельської міської "
        "територіальної громади\n\nна 2024-2026 роки\n\nВідповідно до закону обласна рада вирішила:",
        {
            "Програма підтримки малого підприємництва Звягельської міської територіальної громади на 2024-2026 роки"
            "|locatedIn|Звягельська міська територіальна громада"
        },
    ),
    _r(
        "qualifiers-before-a-titled-head",
        "mentions",
        "loaders/patterns.py",
        "Words before an English head noun that only qualify it ('Swiss-Ukrainian', 'Danish', 'Joint') are not a "
        "name when the head is followed by its title in quotes or capitals: the title is the project.",
        'Switzerland supports the Swiss-Ukrainian project "E-Governance for Accountability and Participation" '
        "(EGAP), implemented by the East Europe Foundation.",
        {"Уряд Швейцарії|funds|Електронне урядування задля підзвітності влади та участі громади"},
        {"Уряд Швейцарії|funds|Swiss-Ukrainian"},
    ),
    _r(
        "support-phrase-is-no-agent-gap",
        "relations",
        "loaders/narrative/extractor.py",
        "A donor behind 'при поддержке', 'при підтримці' or 'в рамках' after an implementing verb is the funder, not "
        "the verb's agent; an organisation's name without quotes ends before 'при'.",
        "Проект «ТАПАС» реализуют волонтеры при поддержке USAID. Проект «Теплый дом» реализует Фонд Евразия при "
        "поддержке Швеции.",
        {"Агентство США з міжнародного розвитку|funds|ТАПАС", "Фонд Євразія|implements|Теплый дом"},
        {"Агентство США з міжнародного розвитку|implements|ТАПАС", "Фонд Евразия при поддержке|implements|Теплый дом"},
    ),
    _r(
        "agreement-party-named-at-length",
        "relations",
        "loaders/narrative/extractor.py",
        "A donor's full name (with its acronym) between the agreement noun and what it is about does not push the "
        "initiative out of the agreement's reach: the party named at length still funds it.",
        "Чернівецька міська рада підписала угоду з Північною екологічною фінансовою корпорацією (НЕФКО) про "
        "реалізацію проєкту «Енергоефективність у Чернівцях».",
        {"Північна екологічна фінансова корпорація|funds|Енергоефективність у Чернівцях"},
    ),
    _r(
        "thanked-donor-pays",
        "relations",
        "loaders/narrative/extractor.py",
        "A donor named after 'завдяки' ('Завдяки уряду Японії громада отримала …', 'Завдяки ЄС громада реалізувала "
        "проєкт «X»') funds the initiative; it is neither the subject that acts within it nor the agent of the verb.",
        "Завдяки уряду Японії громада отримала нові сміттєвози в межах проєкту «Чисте довкілля». Завдяки ЄС громада "
        "реалізувала проєкт «Тепла школа».",
        {"Уряд Японії|funds|Чисте довкілля", "Європейський Союз|funds|Тепла школа"},
        {"Уряд Японії|implements|Чисте довкілля", "Європейський Союз|implements|Тепла школа"},
    ),
    _r(
        "pronoun-subject",
        "discourse",
        "loaders/narrative/extractor.py",
        "A personal pronoun opening a sentence before an active verb ('Вона реалізує …', 'It also implements …') "
        "stands for the donor or organisation that opened the sentence before in the same paragraph, when gender "
        "and number agree ('Вона' for 'Програма розвитку ООН', not 'Він').",
        "ПРООН продовжує допомагати громадам Харківщини. Вона реалізує проєкт «Відновлення житла» за підтримки Данії.",
        {"Програма розвитку ООН|implements|Відновлення житла", "Уряд Данії|funds|Відновлення житла"},
    ),
    _r(
        "unquoted-name-in-its-own-case",
        "mentions",
        "loaders/patterns.py",
        "A capitalised name of two or more words written without quotes after 'проєкту', 'програми', 'ініціативою' "
        "is the initiative's own name when its first word reads as a nominative and not in the trigger's case "
        "(a name keeps its nominative; an attribute agrees: 'проєкту Житомирської громади' is none).",
        "Громада стала учасницею проєкту Сильні громади, який фінансує уряд Канади. Громада долучилася до проєкту "
        "Житомирської громади.",
        {"Уряд Канади|funds|Сильні громади"},
    ),
    _r(
        "partners-that-are-donors",
        "mentions",
        "loaders/narrative/openworld.py",
        "Items of a community's partner list that the registry knows as donors or programmes ('Серед партнерів "
        "громади — USAID, GIZ, ПРООН') are those donors, not unknown towns abroad.",
        "Серед партнерів громади — USAID, GIZ, ПРООН та Фонд «Східна Європа». Серед партнерів Житомира — Кельце "
        "та Любек.",
        {"Житомир|partnerOf|Кельце"},
        {"Житомир|partnerOf|USAID", "Житомир|partnerOf|GIZ"},
    ),
    _r(
        "title-items",
        "structure",
        "loaders/narrative/extractor.py",
        "List lines under a lead-in with a plural trigger ending in a colon ('Громада реалізувала такі проєкти:') that "
        "open with a quoted title ('1) «X» за підтримки USAID;', '- «Y» (ЄС).') name initiatives of the lead-in's "
        "kind; the list ends at the first line that is no such item.",
        "У 2023 році громада реалізувала такі проєкти:\n1) «Сучасна амбулаторія» за підтримки USAID;\n2) «Теплий "
        "садок» (ЄС).",
        {
            "Агентство США з міжнародного розвитку|funds|Сучасна амбулаторія",
            "Європейський Союз|funds|Теплий садок",
        },
    ),
    _r(
        "listed-titles-with-their-donors",
        "relations",
        "loaders/patterns.py",
        "After a plural trigger ('проєкти …, зокрема', 'такі проєкти:') quoted titles are listed with their donors "
        "between them ('«A» за підтримки USAID, «B» (ЄС)'); a donor in brackets after one title is that title's, "
        "one after the whole list is every title's.",
        "Протягом року в області впроваджувалися проєкти міжнародної технічної допомоги, зокрема «Енергоефективні "
        "громади» (донор – Європейський Союз) та «Сильні громади» (донор – Уряд Канади).",
        {"Європейський Союз|funds|Енергоефективні громади", "Уряд Канади|funds|Сильні громади"},
        {"Уряд Канади|funds|Енергоефективні громади", "Європейський Союз|funds|Сильні громади"},
    ),
    _r(
        "programme-pays",
        "relations",
        "loaders/narrative/extractor.py",
        "A programme as the agent of a funding verb ('Програма «X» фінансує проєкт «Y»', 'Проєкт «Y» фінансується "
        "програмою «X»') holds the project: Y is part of X; the programme is no funder.",
        "Програма «Interreg NEXT Польща – Україна» фінансує проєкт «Спільна спадщина» у Володимирі.",
        {"Спільна спадщина|partOf|Interreg NEXT Польща – Україна 2021–2027"},
    ),
    _r(
        "agency-launch-implements",
        "relations",
        "loaders/narrative/extractor.py",
        "A UN agency or implementer that launches or starts an initiative ('ПРООН запустила проєкт «X»') carries it "
        "out; a donor that pays (USAID, the EU) still funds what it launches.",
        "ПРООН запустила проєкт «Чисте місто» у Житомирі. USAID запустило проєкт «Тепла школа».",
        {"Програма розвитку ООН|implements|Чисте місто", "Агентство США з міжнародного розвитку|funds|Тепла школа"},
        {"Програма розвитку ООН|funds|Чисте місто"},
    ),
    _r(
        "en-signed-loan-for",
        "relations",
        "loaders/lang/en/cues.csv",
        "'signed / approved / extended a … loan (grant) for' or 'to finance' an initiative: the lender before the verb "
        "funds it.",
        'The EBRD approved a loan to finance the "Clean Water" project in Mykolaiv.',
        {"Європейський банк реконструкції та розвитку|funds|Clean Water"},
    ),
    _r(
        "russian-registry-cases",
        "mentions",
        "loaders/registry.py",
        "A donor's Russian name is found in its cases too: the leading adjectives and head noun of each name in "
        "loaders/lang/ru/registry_names.csv are declined ('Программой развития ООН', 'Европейским Союзом', "
        "'Фондом Евразия'); a capitalised 'Программой …' that is a donor's name is no programme.",
        "Проект «Восстановление Харьковщины» финансируется Европейским Союзом и реализуется Программой развития ООН "
        "в Изюме. Это была первая такая программа в области, мы рады.",
        {
            "Європейський Союз|funds|Восстановление Харьковщины",
            "Програма розвитку ООН|implements|Восстановление Харьковщины",
        },
    ),
    _r(
        "russian-name-at-home",
        "linking",
        "loaders/narrative/extractor.py",
        "On a Russian page a Ukrainian town's Russian name ('Одесса', 'Запорожье') is that town, not a namesake "
        "abroad the world gazetteer also spells so (Odessa, Texas).",
        "Одесса и Генуя стали городами-побратимами в 1972 году. Это были первые такие связи. Мы рады, что мэры "
        "городов встретились. Эти связи важны.",
        {"Одеса|partnerOf|Генуя"},
        {"Одесса|inCountry|США"},
    ),
    _r(
        "centre-among-its-people",
        "linking",
        "loaders/gazetteer/index.py",
        "A hromada centre whose name is also a word or a surname ('Короп', 'Срібне') is the town after a noun of its "
        "people or parts ('мешканці Коропа', 'жителям Срібного'), as after 'у'.",
        "Мешканці Коропа отримали нові сміттєві баки в рамках проєкту «Чисте довкілля».",
        {"Чисте довкілля|locatedIn|Короп"},
    ),
    _r(
        "hromadas-after-including",
        "mentions",
        "loaders/narrative/extractor.py",
        "Hromada adjectives listed after 'громад …, зокрема' ('охоплює 12 громад Житомирської області, зокрема "
        "Коростенську та Овруцьку') name hromadas, as after 'громади:'.",
        "Проєкт «Безпечна громада» охоплює 12 громад Житомирської області, зокрема Коростенську та Овруцьку.",
        {
            "Безпечна громада|locatedIn|Коростенська міська територіальна громада",
            "Безпечна громада|locatedIn|Овруцька міська територіальна громада",
        },
    ),
    _r(
        "names-inside-speech",
        "structure",
        "loaders/patterns.py",
        "A quoted sentence someone said holds names in quotes of their own («Проєкт «Сильні громади» дав нам "
        "можливість відремонтувати школу», — розповіла вона): the inner names are the quotes read; a short quoted "
        "name with a name inside it (ГО «Центр «Ініціатива»») stays whole.",
        '«Проєкт "Сильні громади" дав нам можливість відремонтувати школу», — розповіла директорка. Проєкт «Чиста '
        "вода» реалізує ГО «Центр «Ініціатива»» за підтримки ЄС.",
        {"Центр «Ініціатива»|implements|Чиста вода", "Європейський Союз|funds|Чиста вода"},
    ),
    _r(
        "money-raised-from",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'залучила 500 тис. євро від ЄБРР' names the lender as 'отримала … від' does (amounts with abbreviations "
        "between).",
        "На реалізацію проєкту «Жива історія» громада залучила 500 тис. євро від ЄБРР.",
        {"Європейський банк реконструкції та розвитку|funds|Жива історія"},
    ),
    _r(
        "no-verb-before-latin-title",
        "mentions",
        "loaders/patterns.py",
        "A Latin name after a trigger and a verb ('Програму реалізує GIZ') is the verb's subject, not the "
        "programme's name: only non-verbs may stand between a trigger and its Latin title ('програми URBACT IV').",
        "Громада долучилася до програми «Енергоефективні громади». Програму реалізує GIZ за дорученням уряду "
        "Німеччини.",
        {
            "Німецьке товариство міжнародного співробітництва|implements|Енергоефективні громади",
            "Уряд Німеччини|funds|Енергоефективні громади",
        },
    ),
    _r(
        "heading-in-words-ends-containment",
        "discourse",
        "loaders/narrative/extractor.py",
        "After a section heading in words ('Медицина', 'Освіта і культура': a short paragraph of its own without "
        "names or end punctuation), 'в рамках програми X' does not make X hold the project named before the "
        "heading; the topic itself goes on (a grant call's 'Хто може подати заявку' still speaks of its call).",
        "Роботи виконали в межах проєкту «Безпечна освіта», який фінансує ЮНІСЕФ.\n\nМедицина\n\nАмбулаторія "
        "отримала нове обладнання. Його передали в рамках програми USAID «Здоров'я для всіх».",
        {"Агентство США з міжнародного розвитку|funds|Здоров'я для всіх"},
        {"Безпечна освіта|partOf|Здоров'я для всіх"},
    ),
    _r(
        "council-in-english",
        "linking",
        "loaders/narrative/extractor.py",
        "A Ukrainian council or administration named in English ('Vinnytsia City Council', 'Zhytomyr Regional State "
        "Administration', 'Irpin City Military Administration') is the body the codifier's adjective names in "
        "Ukrainian ('Вінницька міська рада'), its English name kept as another name.",
        'The "Clean Water" project is implemented by the Zhytomyr Regional State Administration. In partnership '
        'with the Vinnytsia City Council, GIZ launched the "Energy Efficiency in Communities" project.',
        {
            "Житомирська обласна державна адміністрація|implements|Clean Water",
            "Вінницька міська рада|implements|Енергоефективність у громадах",
        },
    ),
    _r(
        "titles-of-them",
        "discourse",
        "loaders/narrative/extractor.py",
        "'Найбільші з них — «A» (ЄІБ) та «B» (Світовий банк)' right after a sentence counting projects or "
        "programmes ('реалізовано 45 проєктів'): the titles are initiatives of that kind, each with its donor.",
        "Протягом 2023 року в області реалізовано 45 проєктів. Найбільші з них — «Теплий дім» (ЄІБ) та «Чиста "
        "вода» (Світовий банк).",
        {"Європейський інвестиційний банк|funds|Теплий дім", "Світовий банк|funds|Чиста вода"},
        {"Світовий банк|funds|Теплий дім"},
    ),
    _r(
        "list-with-own-words-is-per-title",
        "relations",
        "loaders/narrative/extractor.py",
        "Titles listed with words of their own between them ('«A» за підтримки ЄІБ і «B», який фінансує Світовий "
        "банк') take each its own donors: a cue after such a list is the last title's, not every title's.",
        "Серед найбільших проєктів — «Теплий дім» за підтримки ЄІБ і «Чиста вода», який фінансує Світовий банк.",
        {"Європейський інвестиційний банк|funds|Теплий дім", "Світовий банк|funds|Чиста вода"},
        {"Світовий банк|funds|Теплий дім"},
    ),
    _r(
        "commissioner-is-no-agent",
        "relations",
        "loaders/narrative/extractor.py",
        "A government named after 'за дорученням', 'на замовлення', 'по поручению' or 'on behalf of' before the verb "
        "commissions (funds) the work; the organisation before it carries it out, alone.",
        "Німецьке товариство міжнародного співробітництва (GIZ) за дорученням Уряду Німеччини реалізує проєкт "
        "«Вода» в Херсоні.",
        {
            "Уряд Німеччини|funds|Вода",
            "Німецьке товариство міжнародного співробітництва|implements|Вода",
        },
        {"Уряд Німеччини|implements|Вода"},
    ),
    _r(
        "en-runs-and-carries-out",
        "relations",
        "loaders/lang/en/cues.csv",
        "English 'runs / operates / manages / administers / delivers the …' and 'carries out' are active "
        "implementing verbs; a donor named after 'on behalf of' before the subject is no second subject.",
        'On behalf of the Government of Switzerland, the East Europe Foundation runs the "E-Governance" programme '
        'in Lviv Oblast. UNDP carries out the "Digital Hromada" project in Sumy.',
        {
            "Фонд Східна Європа|implements|E-Governance",
            "Уряд Швейцарії|funds|E-Governance",
            "Програма розвитку ООН|implements|Digital Hromada",
        },
        {"Уряд Швейцарії|implements|E-Governance"},
    ),
    _r(
        "charter-of-friendship",
        "relations",
        "loaders/lang/uk/cues.csv",
        "A charter of friendship, a declaration of cooperation or intent and a letter of intent state a partnership "
        "like an agreement does ('підписала хартію дружби з …', 'хартия дружбы', 'charter of friendship').",
        "Новгород-Сіверська громада підписала хартію дружби з французькою комуною Сен-Назер-ле-Пре.",
        {
            "Новгород-Сіверська міська територіальна громада|partnerOf|Сен-Назер-ле-Пре",
            "Сен-Назер-ле-Пре|inCountry|Франція",
        },
    ),
    _r(
        "country-line",
        "structure",
        "loaders/narrative/extractor.py",
        "A line that is a country's name alone ('Польща', 'Литва') inside a partner list heads the lines under it "
        "like 'Польща:' does, and the list goes on past it; not after a card's 'Країна партнера' label.",
        "Міста-побратими Кременця\nПольща\nБжозув — з 2002 року\nЛитва\nПасваліс — з 2008 року",
        {
            "Кременець|partnerOf|Бжозув",
            "Бжозув|inCountry|Польща",
            "Кременець|partnerOf|Пасваліс",
            "Пасваліс|inCountry|Литва",
        },
        {"Пасваліс|inCountry|Польща"},
    ),
    _r(
        "comma-country",
        "linking",
        "loaders/narrative/openworld.py",
        "A name no gazetteer knows, then a comma and a country abroad that ends the item ('1. Бжозув, Польща (2004)', "
        "'Pasvalys, Lithuania, since 2010'), is a place of that country; an item of a plural unit's run takes its own "
        "country ('з містами Ніско, Польща, та Пасваліс, Литва'); an acronym in brackets ('(FiBL, Швейцарія)') is none.",
        "Міжнародні партнери Яготинської громади:\n1. Бжозув, Польща (2004)\n2. Пасваліс, Литва (2016)\n"
        "Калуш співпрацює з містами Ніско, Польща, та Пасваліс, Литва. Програму впроваджує Дослідний інститут "
        "органічного сільського господарства (FiBL, Швейцарія) у партнерстві з громадою.",
        {
            "Яготинська міська територіальна громада|partnerOf|Бжозув",
            "Бжозув|inCountry|Польща",
            "Пасваліс|inCountry|Литва",
            "Калуш|partnerOf|Ніско",
        },
        {"Пасваліс|inCountry|Польща", "FiBL|inCountry|Швейцарія"},
    ),
    _r(
        "plural-adjective-names",
        "linking",
        "loaders/narrative/openworld.py",
        "A plural country adjective before a run of capitalised names in the instrumental that no gazetteer knows "
        "('з литовськими Пасвалісом та Ширвінтосом') names towns of that country, each in the nominative.",
        "Бучанська громада співпрацює з литовськими Пасвалісом та Ширвінтосом.",
        {
            "Бучанська міська територіальна громада|partnerOf|Пасваліс",
            "Бучанська міська територіальна громада|partnerOf|Ширвінтос",
            "Ширвінтос|inCountry|Литва",
        },
    ),
    _r(
        "partners-are",
        "linking",
        "loaders/narrative/openworld.py",
        "'Партнерами X є A та B', 'Побратимами міста стали …' heads a list of partners like 'Міста-побратими X:' does "
        "(not a project's or programme's partners); an item may carry its country after 'у/в' ('Ліда в Білорусі').",
        "Партнерами Славутської громади є Ґлогув-Малопольський та Ниско. Побратимами Луцька є Люблін у Польщі, Ліда в "
        "Білорусі та Рапла в Естонії.",
        {
            "Славутська міська територіальна громада|partnerOf|Ґлогув-Малопольський",
            "Луцьк|partnerOf|Ліда",
            "Ліда|inCountry|Білорусь",
        },
    ),
    _r(
        "unit-between",
        "linking",
        "loaders/narrative/openworld.py",
        "A foreign-only unit ('повіт', 'гміна') named with an adjective is a partner abroad as the second side of "
        "'угода/партнерство між … та …' or after 'угоду/меморандум з', as after 'співпраця з'.",
        "Обговорили угоду про партнерство між Коломийською громадою та Кросненським повітом.",
        {"Коломийська міська територіальна громада|partnerOf|Кросненський повіт"},
    ),
    _r(
        "case-after-colon",
        "linking",
        "loaders/narrative/openworld.py",
        "A list of names no gazetteer knows after 'з' and a colon ('укладено з: Бжозувом, Любачувом (Польща)') is "
        "in the instrumental like one right after 'з': each is labelled in the nominative.",
        "Калуська громада має угоди про співпрацю з: Бжозувом, Любачувом (Польща), Пасвалісом (Литва).",
        {"Бжозув|inCountry|Польща", "Любачув|inCountry|Польща", "Пасваліс|inCountry|Литва"},
        {"Бжозувом|inCountry|Польща"},
    ),
    _r(
        "event-venue-not-partner",
        "relations",
        "loaders/narrative/extractor.py",
        "A town abroad named as the venue of a forum, conference or fair ('на форумі громад у Ряшеві') is not a partner "
        "of the communities in the sentence (a visit's town still may be: a delegation visits its partner).",
        "На форумі громад у Ряшеві Самбірська та Дрогобицька громади підписали угоди з польськими партнерами: Самбір — "
        "з Ярославом, Дрогобич — з Бжегом.",
        {"Самбір|partnerOf|Ярослав", "Дрогобич|partnerOf|Бжеґ"},
        {
            "Самбірська міська територіальна громада|partnerOf|Жешув",
            "Дрогобицька міська територіальна громада|partnerOf|Жешув",
        },
    ),
    _r(
        "dash-with-pairs",
        "relations",
        "loaders/narrative/extractor.py",
        "'Самбір — з Ярославом, Дрогобич — з Бжегом': each community before a dash and 'з' has the partners named after "
        "it, up to the next such community; communities and partners of other pairs are not crossed.",
        "Надвірна та Яремче підписали угоди: Надвірна — з гміною Цмолас, Яремче — з містом Закопане.",
        {"Надвірна|partnerOf|Цмолас", "Яремче|partnerOf|Закопане"},
        {"Яремче|partnerOf|Цмолас", "Надвірна|partnerOf|Закопане"},
    ),
    _r(
        "domestic-object-before-partner",
        "relations",
        "loaders/narrative/extractor.py",
        "A Ukrainian community after 'з' and a partner abroad coordinated after it ('співпрацює з Городоцькою громадою та "
        "польським містом Хелм') are both objects of the subject before; the two objects are not partners.",
        "Луцька громада співпрацює з Городоцькою громадою та польським містом Хелм.",
        {
            "Луцька міська територіальна громада|partnerOf|Холм",
            "Луцька міська територіальна громада|partnerOf|Городоцька міська територіальна громада",
        },
        {"Городоцька міська територіальна громада|partnerOf|Холм"},
    ),
    _r(
        "namesake-abroad",
        "linking",
        "loaders/narrative/openworld.py",
        "A Ukrainian town's namesake after a country adjective abroad and a town word ('з польським містом Городок') is "
        "that country's town, not the Ukrainian one; a name that goes on past the namesake ('Новий Торг', 'Нове Місто "
        "над Пилицею') is named whole; a village's name that only starts a name before a country bracket ('Нове Місто "
        "над Вагом (Словаччина)') likewise.",
        "Самбірська громада підписала угоду про співпрацю з польським містом Городок. Жовківська громада підписала "
        "угоду з польським містом Новий Торг. Партнери Жовкви: Нове Місто над Вагом (Словаччина).",
        {
            "Самбірська міська територіальна громада|partnerOf|Городок",
            "Городок|inCountry|Польща",
            "Жовківська міська територіальна громада|partnerOf|Новий Торг",
            "Нове Місто над Вагом|inCountry|Словаччина",
        },
        {"Самбірська міська територіальна громада|partnerOf|Городоцька міська територіальна громада"},
    ),
    _r(
        "apposed-country-adjective",
        "linking",
        "loaders/narrative/openworld.py",
        "'з Пасваліса, литовського міста-партнера': an apposition calling a name no gazetteer knows a twin town, with "
        "a country adjective, names that town (in the nominative) and its country.",
        "Делегація Яготинської громади повернулася з Пасваліса, литовського міста-партнера.",
        {"Яготинська міська територіальна громада|partnerOf|Пасваліс", "Пасваліс|inCountry|Литва"},
        {"Пасваліса|inCountry|Литва"},
    ),
    _r(
        "visit-from-abroad",
        "linking",
        "loaders/narrative/openworld.py",
        "A delegation or mayor of a town abroad named with a country adjective in the genitive ('делегація з польського "
        "Бжозува') names that town in the nominative ('Бжозув': the dictionary's guess keeping the stem, or a masculine "
        "ending taken off), in any sentence; a name whose nominative is unsure ('Кросна') is left.",
        "Цього тижня Славутську громаду відвідала делегація з польського Бжозува на чолі з бурмістром.",
        {"Бжозув|inCountry|Польща"},
        {"Бжозува|inCountry|Польща"},
    ),
    _r(
        "genitive-region-locator",
        "linking",
        "loaders/narrative/openworld.py",
        "A region in the genitive after its unit word right after a partner ('округ Ла-Кросс штату Вісконсин'), or in a "
        "bracket after words of its own title ('(Вільна держава Саксонія)'), only locates the partner: no partner itself.",
        "Бердичів має побратима в США — округ Ла-Кросс штату Вісконсин. Коростенська громада та район Ерцгебірге "
        "(Вільна держава Саксонія) підписали угоду про партнерство.",
        {
            "Коростенська міська територіальна громада|partnerOf|Ерцгебірге",
            "Ерцгебірге|inCountry|Німеччина",
            "Ла Крос|inCountry|США",
        },
        {"Бердичів|partnerOf|Вісконсин", "Коростенська міська територіальна громада|partnerOf|Саксонія"},
    ),
    _r(
        "cooperation-of-with",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'Співпраця Калуша з Ніском', 'Співпраця між Житомиром і Кельцями' (a community in the genitive, or 'між', "
        "between the cooperation noun and its partner) state a partnership like 'Калуш співпрацює з Ніском'.",
        "Співпраця Калуша з Ніском триває з 1998 року. Співпраця між Житомиром і Кельцями триває понад 20 років.",
        {"Калуш|partnerOf|Ніско", "Житомир|partnerOf|Кельце"},
    ),
    _r(
        "only-discussed",
        "relations",
        "loaders/narrative/extractor.py",
        "A twinning only discussed ('обговорили можливе партнерство з …', 'обговорювали можливість побратимства') is "
        "no partnership; an intent to sign still is one.",
        "Представники Калуша обговорили можливе партнерство з угорським містом Ніредьгаза.",
        {"Ніредьгаза|inCountry|Угорщина"},
        {"Калуш|partnerOf|Ніредьгаза"},
    ),
    _r(
        "with-name-instrumental",
        "linking",
        "loaders/narrative/openworld.py",
        "A name no gazetteer knows after a partnership's 'з', in the instrumental ('партнерство Яготина з Пасвалісом', "
        "'з Лєшном'), is looked up and labelled in the nominative (a neuter '-ом' tried as '-о'); one no spelling "
        "finds is kept unlinked.",
        "Угоду про партнерство Яготина з Пасвалісом підписали у 2016 році.",
        {"Яготин|partnerOf|Пасваліс"},
        {"Яготин|partnerOf|Пасвалісом"},
    ),
    _r(
        "english-in-country",
        "linking",
        "loaders/narrative/latin.py",
        "In an English partnership sentence, a listed Title-case name before 'in <country>' ('with Rapla in Estonia', "
        "'Gmund in Austria') is a town of that country, kept unlinked when no gazetteer knows it; an English letter "
        "of intent or charter of friendship is a signed act like an agreement.",
        "Lutsk has sister-city ties with Lublin in Poland, with Rapla in Estonia and with Lida in Belarus. The Kalush "
        "community and the Rzeszów County (Poland) signed a letter of intent.",
        {
            "Луцьк|partnerOf|Rapla",
            "Rapla|inCountry|Естонія",
            "Lida|inCountry|Білорусь",
            "Калуська міська територіальна громада|partnerOf|Rzeszów County",
        },
    ),
    _r(
        "year-abbreviation-not-river",
        "relations",
        "loaders/narrative/extractor.py",
        "'р.' after a number is the year ('угода 2019 р.'), not a river: the community named right after it stays a "
        "place (lines of a register that the abbreviation joins into one sentence are each paired).",
        "Реєстр міжнародних партнерств громад області\n\nТячівська громада — Вашарошнамень (Угорщина), угода 2019 р."
        "\nХустська громада — гміна Сянув (Польща), меморандум 2021 р.\nРахівська громада — Сигету-Мармацієй (Румунія)",
        {
            "Тячівська міська територіальна громада|partnerOf|Вашарошнамень",
            "Хустська міська територіальна громада|partnerOf|Сянув",
            "Рахівська міська територіальна громада|partnerOf|Сигіт",
        },
        {"Тячівська міська територіальна громада|partnerOf|Сянув"},
    ),
    _r(
        "card-community",
        "relations",
        "loaders/narrative/extractor.py",
        "On a register of partner cards, the line naming one Ukrainian community alone is the card's community: the "
        "'Партнер' field below it is its partner; the label 'Українська громада' is no hromada (Українка's is "
        "'Українська міська громада'); 'Країна партнера' is the card's country field.",
        "Картка партнерства № 12\n\nУкраїнська громада\nТячівська міська територіальна громада\n\nПартнер\nМісто "
        "Вашарошнамень\n\nКраїна партнера\nУгорщина\n\nКартка партнерства № 13\n\nУкраїнська громада\nХустська "
        "міська територіальна громада\n\nПартнер\nГміна Сянув",
        {
            "Тячівська міська територіальна громада|partnerOf|Вашарошнамень",
            "Вашарошнамень|inCountry|Угорщина",
            "Хустська міська територіальна громада|partnerOf|Сянув",
        },
        {
            "Тячівська міська територіальна громада|partnerOf|Сянув",
            "Українська міська територіальна громада|partnerOf|Сянув",
        },
    ),
    _r(
        "adjective-unit-cooperation",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'співпрацює з німецьким ландкрайсом Ольденбург': a country adjective and a unit word no other cue lists "
        "('ландкрайс') before the partner's name state the cooperation like 'з німецьким Ольденбургом'.",
        "Тростянецька громада співпрацює з німецьким ландкрайсом Ольденбург.",
        {"Тростянецька міська територіальна громада|partnerOf|Ольденбург"},
    ),
    _r(
        "dash-phrase-country",
        "linking",
        "loaders/narrative/openworld.py",
        "A partner list's row 'Ольштинек — місто в Польщі, Вармінсько-Мазурське воєводство;' (also right after the "
        "heading's colon) names a town of the country its dash phrase names; the region after that country, ending the "
        "row, only locates it.",
        "Міста-побратими Бердичева:\nОльштинек — місто в Польщі, Вармінсько-Мазурське воєводство;\nКальвін-Сіті — "
        "місто у США, штат Мічиган.",
        {"Бердичів|partnerOf|Ольштинек", "Ольштинек|inCountry|Польща", "Кальвін-Сіті|inCountry|США"},
        {"Бердичів|partnerOf|Вармінсько-Мазурське воєводство", "Бердичів|partnerOf|Мічиган"},
    ),
    _r(
        "russian-belarus",
        "linking",
        "loaders/lang/ru/countries.csv",
        "Russian pages write Belarus 'Беларусь' or 'Белоруссия': both name the country.",
        "Города-побратимы Кременчуга. Кременчуг поддерживает дружеские связи с рядом городов мира, и эти связи "
        "крепнут. Мы гордимся тем, что наши побратимы – это надёжные друзья.\n\nТакже город развивает связи с "
        "городом Лида (Белоруссия).",
        {"Лида|inCountry|Білорусь"},
    ),
    _r(
        "gapped-hromadas",
        "mentions",
        "loaders/narrative/extractor.py",
        "After '<adjective> громада', a capitalised adjective alone before a dash and 'з' (the verb left out) names "
        "another hromada: each is paired with the partner after its own dash, the first clause as usual.",
        "Київська область. Білоцерківська громада розвиває партнерство з польським Мельцем, Васильківська — з "
        "литовським Кедайняєм, а Фастівська — з норвезькою комуною Нордре-Фолло.",
        {
            "Білоцерківська міська територіальна громада|partnerOf|Мелец",
            "Васильківська міська територіальна громада|partnerOf|Кедайняй",
            "Фастівська міська територіальна громада|partnerOf|Нордре-Фолло",
        },
        {"Білоцерківська міська територіальна громада|partnerOf|Кедайняй"},
    ),
    _r(
        "surname-not-town",
        "mentions",
        "loaders/narrative/extractor.py",
        "A one-word Ukrainian town right after a given name ('мер міста Ясло Дариуш Чоп') is a person's surname, not the "
        "town; 'Сторони підписали угоду' refers back to the two sides the sentence before named.",
        "Мер міста Ясло Дариуш Чоп відвідав Коростенську громаду. Сторони підписали угоду про партнерство.",
        {"Коростенська міська територіальна громада|partnerOf|Ясло"},
        {"Чоп|partnerOf|Ясло"},
    ),
    _r(
        "domestic-item-in-partner-run",
        "relations",
        "loaders/narrative/extractor.py",
        "A Ukrainian town inside a run of partners that closes the sentence is one more item of the list, not the "
        "subject of the partners after it; every item is a partner of the community before the run, or, when the "
        "sentence names none, of the page's.",
        "Калуська громада\n\nМістами-побратимами є Ряшів, Трускавець та Зґожелець.",
        {
            "Калуська міська територіальна громада|partnerOf|Трускавець",
            "Калуська міська територіальна громада|partnerOf|Зґожелець",
            "Калуська міська територіальна громада|partnerOf|Жешув",
        },
        {"Трускавець|partnerOf|Зґожелець", "Трускавець|partnerOf|Жешув"},
    ),
    _r(
        "domestic-items-after-also",
        "relations",
        "loaders/narrative/extractor.py",
        "A list of partners runs on past 'а також' to Ukrainian towns written alone (with their adjective and town "
        "word at most): they are partners of the list's community too.",
        "Партнерами Калуша є польські міста Ряшів і Зґожелець, а також українське місто Трускавець.",
        {"Калуш|partnerOf|Трускавець", "Калуш|partnerOf|Зґожелець", "Калуш|partnerOf|Жешув"},
    ),
    _r(
        "town-after-head-title",
        "mentions",
        "loaders/gazetteer/index.py",
        "A town in an oblique case right after the title of its head ('мер Луцька Ігор Поліщук', 'президента Любліна "
        "Кшиштофа Жука') is the town, though a given name follows it; a town in the nominative there is the head's own "
        "name ('Міський голова Володимир ЗАЛІЗНЯК').",
        "Мер Луцька Ігор Поліщук та президент Любліна Кшиштоф Жук підписали угоду про співпрацю.",
        {"Луцьк|partnerOf|Люблін"},
    ),
    _r(
        "sounded-abroad",
        "mentions",
        "loaders/narrative/openworld.py",
        "A name of two or three capitalised words after a partnership's 'з', or coordinated with a place named just "
        "before, that no gazetteer knows and that sounds as a town of a country Ukrainian communities twin with (the "
        "same consonants in the same order, each word beginning alike: 'Сталева Воля' and Stalowa Wola) is that town; "
        "a town of two words after a town word ('міста Бжег-Дольни') is linked the same way, so its other forms are "
        "one partner.",
        "Ніжин і Бяла Підляська стали партнерами. Сен-Еблен і Менська громада співпрацюють.",
        {"Ніжин|partnerOf|Бяла Підляська"},
        {"Менська селищна територіальна громада|partnerOf|Сен-Еблен"},
    ),
    _r(
        "head-of-town-abroad",
        "mentions",
        "loaders/narrative/openworld.py",
        "The town after the title of its head ('бургомістр', 'мера', 'президента', 'війта') is read in the genitive "
        "and looked up abroad by its spelling (one word) or its sound (two or three): 'бургомістр Сталевої Волі' is "
        "Stalowa Wola; a given name after the title makes a person.",
        "Мер Калуша та бургомістр Сталевої Волі підписали угоду про партнерство. Бургомістр Міхаель Ґрехль привітав "
        "Пирятин.",
        {"Калуш|partnerOf|Стальова Воля"},
        {"Пирятин|partnerOf|Міхаель Ґрехль"},
    ),
    _r(
        "short-russian-page",
        "structure",
        "loaders/narrative/russian.py",
        "A short page with none of Ukrainian's letters (і, ї, є, ґ) and two or more of Russian's small words ('и', "
        "'с', 'от', 'года', 'является', 'который') is Russian, though it has too few ы/э/ё/ъ to tell: its frames and "
        "names are read as Russian.",
        "Харьков подписал меморандум о партнерстве с польским городом Люблин.",
        {"Харків|partnerOf|Люблін", "Люблін|inCountry|Польща"},
    ),
    _r(
        "adjective-in-name-abroad",
        "linking",
        "loaders/gazetteer/inflect.py",
        "In a name abroad of several words, a word the dictionary knows as an adjective declines as one ('Зелена Гура' "
        "-> 'до Зеленої Гури', 'Новий Сонч' -> 'з Новим Сончем'): the town is found in every case, not only in the "
        "nominative.",
        "Кременецька громада підписала угоду про партнерство з Новим Сончем.",
        {"Кременецька міська територіальна громада|partnerOf|Новий Сонч"},
    ),
    _r(
        "sounded-one-word",
        "linking",
        "loaders/narrative/openworld.py",
        "A one-word name in a partnership slot that the spelling look-up finds too far from any town abroad is looked "
        "up by its sound: six consonants or more in order, alike in one country only ('Кольбермура': Kolbermoor, 89 "
        "by spelling).",
        "Міський голова Коломиї та бургомістр Кольбермура підписали договір про партнерство.",
        {"Коломия|partnerOf|Колбермор"},
    ),
    _r(
        "plural-name-instrumental",
        "mentions",
        "loaders/narrative/openworld.py",
        "A town abroad named in the plural after a partnership's 'з' or coordinated in the instrumental ('з "
        "Ґожичками', 'між Калушем і Ґожичками') is looked up in the nominative plural.",
        "Партнерство між Калушем і Ґожичками триває вже десять років.",
        {"Калуш|partnerOf|Ґожичкі"},
    ),
    _r(
        "singular-partner-head",
        "structure",
        "loaders/narrative/openworld.py",
        "'Побратимом X є Y', 'Новим партнером X стала гміна Y': the singular heads a partner as the plural heads a list "
        "(not 'Партнером заходу є …').",
        "Побратимом Тисмениці є Бжозовець.",
        {"Тисмениця|partnerOf|Бжозовець"},
    ),
    _r(
        "domestic-partners-among",
        "relations",
        "loaders/narrative/extractor.py",
        "'Серед партнерів громади — українські міста A, B та C', 'Партнерами громади в Україні є A, B': Ukrainian towns "
        "listed as the partners of the page's community are its partners (an agreement word is not needed).",
        "Ніжинська громада\n\nСеред партнерів громади — українські міста Ірпінь, Буча та Самбір.",
        {
            "Ніжинська міська територіальна громада|partnerOf|Ірпінь",
            "Ніжинська міська територіальна громада|partnerOf|Буча",
            "Ніжинська міська територіальна громада|partnerOf|Самбір",
        },
    ),
    _r(
        "bare-hromadas",
        "mentions",
        "loaders/narrative/extractor.py",
        "In a sentence about hromadas (and no oblast), a capitalised adjective standing alone, its noun left out "
        "('Луцька — Херсонська', 'Житомирська та Ізюмська'), names a hromada of whichever type the codifier has.",
        "Пари громад-партнерів: Житомирська та Ізюмська, Бердичівська та Балаклійська.",
        {
            "Житомирська міська територіальна громада|partnerOf|Ізюмська міська територіальна громада",
            "Бердичівська міська територіальна громада|partnerOf|Балаклійська міська територіальна громада",
        },
    ),
    _r(
        "paired-communities",
        "relations",
        "loaders/narrative/extractor.py",
        "Ukrainian communities named two by two in a partnership sentence, each pair joined by a dash, 'та' or 'з' and "
        "the pairs apart by commas, semicolons or 'а', are partners pair by pair, not all of the first one's.",
        "Львівська громада стала партнером Харківської, а Тернопільська — Краматорської.",
        {
            "Львівська міська територіальна громада|partnerOf|Харківська міська територіальна громада",
            "Тернопільська міська територіальна громада|partnerOf|Краматорська міська територіальна громада",
        },
        {"Львівська міська територіальна громада|partnerOf|Тернопільська міська територіальна громада"},
    ),
    _r(
        "hyphen-name-first-part-kept",
        "linking",
        "loaders/gazetteer/inflect.py",
        "A hyphenated town whose second part is an adjective is also written with its first part undeclined ('з "
        "Новоград-Волинським', 'до Кам'янець-Подільського'): those forms are the town too.",
        "Житомир підписав меморандум про співпрацю з Бердичевом, Коростенем і Новоград-Волинським.",
        {"Житомир|partnerOf|Звягель", "Житомир|partnerOf|Бердичів"},
    ),
    _r(
        "venue-is-no-partner",
        "relations",
        "loaders/narrative/extractor.py",
        "A Ukrainian town named as where a partnership was signed ('у Львові', 'В Києві') is no side of it when another "
        "Ukrainian town signs.",
        "На форумі у Львові мер Луцька підписав угоду з президентом Любліна.",
        {"Луцьк|partnerOf|Люблін"},
        {"Львів|partnerOf|Люблін"},
    ),
    _r(
        "foreign-unit-listed",
        "mentions",
        "loaders/narrative/openworld.py",
        "A foreign-only unit named by its adjective ('Жешувський повіт', 'Ліський повіт') is a partner abroad when it is "
        "listed after a partner head ('Партнерами Бердичева є …') or is the second side of a signing ('Угоду … "
        "підписали X та Y'), its country named or not.",
        "Партнерами Бердичева є Кошалін і Жешувський повіт. Угоду про співпрацю підписали Турківська громада та "
        "Ліський повіт.",
        {
            "Бердичів|partnerOf|Жешувський повіт",
            "Бердичів|partnerOf|Кошалін",
            "Турківська міська територіальна громада|partnerOf|Ліський повіт",
        },
    ),
    _r(
        "partof-copular-cues",
        "relations",
        "loaders/lang/uk/cues.csv",
        "A project named a part of a programme by a copula or a dash ('є складовою програми', '– частина програми', "
        "'один з компонентів програми', 'входить до програми', 'під егідою програми', 'як частина програми'; "
        "'is part of', 'является частью') is part of it.",
        "Проєкт «Безпечна громада» є складовою програми «Відновлення України». Проєкт «Тепла школа» — частина "
        "програми «Енергонезалежність». Проєкт «Чиста вода» входить до програми «Відновлення України».",
        {
            "Безпечна громада|partOf|Відновлення України",
            "Тепла школа|partOf|Енергонезалежність",
            "Чиста вода|partOf|Відновлення України",
        },
    ),
    _r(
        "hromadas-of-oblasts",
        "mentions",
        "loaders/narrative/extractor.py",
        "Genitive oblast adjectives coordinated before 'областей' after a plural hromada noun ('у 12 громадах "
        "Сумської та Полтавської областей') name the oblasts the hromadas lie in, not hromadas of those names.",
        "Проєкт «Громади разом» реалізується у 12 громадах Сумської та Полтавської областей.",
        {"Громади разом|locatedIn|Сумська область", "Громади разом|locatedIn|Полтавська область"},
        {"Громади разом|locatedIn|Сумська міська територіальна громада"},
    ),
    _r(
        "oblast-site-with-raions",
        "relations",
        "loaders/narrative/extractor.py",
        "An oblast after a preposition of place (or a slash in a list of oblasts), followed by its raions in "
        "brackets, is a site itself; the raions narrow it and are sites too.",
        "Проєкт «Тепла оселя» діє у Полтавській області (Кременчуцький та Миргородський райони).",
        {
            "Тепла оселя|locatedIn|Полтавська область",
            "Тепла оселя|locatedIn|Кременчуцький район",
            "Тепла оселя|locatedIn|Миргородський район",
        },
    ),
    _r(
        "media-org-conducts",
        "relations",
        "loaders/lang/uk/cues.csv",
        "A media outlet or agency named before a quoted name ('видання «ШоТам»', 'агентство «X»') is an "
        "organisation, and one who conducts (проводить, провела) a named campaign or project carries it out.",
        "Кампанію «Читай українською» проводить видання «ШоТам» за підтримки USAID.",
        {
            "ШоТам|implements|Читай українською",
            "Агентство США з міжнародного розвитку|funds|Читай українською",
        },
    ),
    _r(
        "comma-closes-adverbial",
        "relations",
        "loaders/narrative/extractor.py",
        "A name after a comma that is followed by a finite verb is the subject of a new clause, not one more agent "
        "of the cue before the comma ('За фінансування уряду Японії, ПРООН реалізує …').",
        "За фінансування уряду Японії, ПРООН реалізує проєкт «Відновлення» у Чернігівській області.",
        {"Уряд Японії|funds|Відновлення", "Програма розвитку ООН|implements|Відновлення"},
        {"Програма розвитку ООН|funds|Відновлення"},
    ),
    _r(
        "channel-agency-implements",
        "relations",
        "loaders/narrative/extractor.py",
        "A funder with the agency the money goes through ('Уряд Японії через ПРООН надав …', 'фінансує уряд Японії "
        "через ПРООН', 'надійшла від уряду Японії через ПРООН'): the funder pays; a UN agency or implementer as the "
        "channel carries the initiative out (a donor agency as the channel still pays with it).",
        "Уряд Японії через ПРООН надав 2 млн доларів на проєкт «Відновлення Чернігівщини».",
        {
            "Уряд Японії|funds|Відновлення Чернігівщини",
            "Програма розвитку ООН|implements|Відновлення Чернігівщини",
        },
        {"Уряд Японії|implements|Відновлення Чернігівщини", "Програма розвитку ООН|funds|Відновлення Чернігівщини"},
    ),
    _r(
        "subject-skips-framework",
        "relations",
        "loaders/narrative/extractor.py",
        "A donor or organisation opening the sentence carries out the initiative after the verb, not the framework "
        "named on the way ('у межах програми «X»').",
        "Фонд Східна Європа у межах програми «Енергоефективні громади» за фінансової підтримки Швейцарії реалізує "
        "проєкт «Тепла школа».",
        {
            "Фонд Східна Європа|implements|Тепла школа",
            "Уряд Швейцарії|funds|Тепла школа",
            "Тепла школа|partOf|Енергоефективні громади",
        },
        {"Фонд Східна Європа|implements|Енергоефективні громади"},
    ),
    _r(
        "appositive-owner",
        "relations",
        "loaders/narrative/extractor.py",
        "After a title, a dash and a trigger noun ('– спільна ініціатива ПРООН та ЄС', '– проєкт ГО «Y»') name its "
        "owners as a modifier before the title would: a UN agency or organisation carries it out, a donor pays.",
        "Проєкт «Тепла школа» – спільна ініціатива ПРООН та Європейського Союзу.",
        {"Програма розвитку ООН|implements|Тепла школа", "Європейський Союз|funds|Тепла школа"},
    ),
    _r(
        "foundation-supports-funds",
        "relations",
        "loaders/narrative/extractor.py",
        "A foundation no registry knows, named by its head noun ('за підтримки фонду «Відкрита громада»'), that "
        "supports an initiative pays for it; another organisation's support stays no funding.",
        "Проєкт «Школа безпеки» реалізується ГО «Крок» за підтримки фонду «Відкрита громада».",
        {"Відкрита громада|funds|Школа безпеки", "Крок|implements|Школа безпеки"},
    ),
    _r(
        "english-progressive-implements",
        "relations",
        "loaders/lang/en/cues.csv",
        "An English progressive or perfect of carrying out ('UNDP is implementing the project', 'has been "
        "running') is an implementing cue like 'implements'.",
        'With funding from the Government of Japan, UNDP is implementing the "Recovery and Resilience" project in '
        "Chernihiv oblast.",
        {
            "Уряд Японії|funds|Recovery and Resilience",
            "Програма розвитку ООН|implements|Recovery and Resilience",
        },
        {"Програма розвитку ООН|funds|Recovery and Resilience"},
    ),
    _r(
        "role-opens-sentence",
        "relations",
        "loaders/narrative/roles.py",
        "A role noun (not a partner) with its copula opening a sentence ('Донором виступає Уряд Швеції.', "
        "'Виконавцем є ГО «Y»'), or closing one after its agent ('Уряд Швеції виступає донором.'), speaks of the "
        "initiative the sentences before are about.",
        "Проєкт «Чиста громада» реалізується в Ніжині. Донором виступає Уряд Швеції. Проєкт «Тепла школа» "
        "реалізується в Прилуках. Уряд Канади виступає донором.",
        {"Уряд Швеції|funds|Чиста громада", "Уряд Канади|funds|Тепла школа"},
        {"Уряд Канади|funds|Чиста громада"},
    ),
    _r(
        "consortium-members",
        "relations",
        "loaders/narrative/extractor.py",
        "A consortium or coalition named as the agent with its members ('реалізує консорціум у складі ГО «А» та "
        "БФ «Б»', 'консорціум організацій: …'): each member carries the initiative out.",
        "Проєкт «Чиста громада» реалізує консорціум у складі ГО «Зелена хвиля» та БФ «Добро».",
        {"Зелена хвиля|implements|Чиста громада", "Добро|implements|Чиста громада"},
    ),
    _r(
        "starts-implementation",
        "relations",
        "loaders/lang/uk/cues.csv",
        "An agent that starts, continues or completes the implementation of a named initiative ('розпочинає "
        "реалізацію проєкту «X»', 'продовжує реалізацію програми «X»') carries it out.",
        "Естонська рада у справах біженців продовжує реалізацію програми «Підтримка зайнятості» на Полтавщині.",
        {
            "Естонська рада у справах біженців|implements|Підтримка зайнятості",
            "Підтримка зайнятості|locatedIn|Полтавська область",
        },
    ),
    _r(
        "region-dateline",
        "relations",
        "loaders/narrative/extractor.py",
        "A digest item opened by its region alone ('Житомирщина. У 12 громадах області стартує програма «X»') "
        "places the initiatives its paragraph names in no place of their own sentence there; the evidence is the "
        "span from the region to the sentence.",
        "ОБЛАСНІ НОВИНИ\n\nЖитомирщина. У 12 громадах області стартує програма «Відновлення громад», яку фінансує "
        "Уряд Швейцарії.\n\nСумщина. Проєкт «Безпечна вода» реалізовуватиме ГО «Чиста Сумщина».",
        {"Відновлення громад|locatedIn|Житомирська область", "Безпечна вода|locatedIn|Сумська область"},
        {"Безпечна вода|locatedIn|Житомирська область"},
    ),
    _r(
        "modifier-not-subject",
        "relations",
        "loaders/narrative/extractor.py",
        "A donor named with a title ('Проєкт ЄС «X» впроваджує NEFCO') is the title's owner, not the subject of the "
        "verb after the title: the agent after the verb carries it out.",
        "Проєкт ЄС «Енергоефективні школи» впроваджує NEFCO.",
        {
            "Північна екологічна фінансова корпорація|implements|Енергоефективні школи",
            "Європейський Союз|funds|Енергоефективні школи",
        },
        {"Європейський Союз|implements|Енергоефективні школи"},
    ),
    _r(
        "share-note-in-agent-list",
        "relations",
        "loaders/narrative/extractor.py",
        "A bracketed note of an agent's share ('ЄІБ (кредит) та ЄС (грант)') does not end a list of agents.",
        "Проєкт «Енергоефективні школи» вартістю 5 млн євро фінансують ЄІБ (кредит) та ЄС (грант).",
        {
            "Європейський інвестиційний банк|funds|Енергоефективні школи",
            "Європейський Союз|funds|Енергоефективні школи",
        },
    ),
    _r(
        "defined-title-with-translation",
        "mentions",
        "loaders/patterns.py",
        "A quoted title opening a sentence and defined by a dash and a trigger noun is an initiative though a "
        "bracketed translation stands between ('«X» (Energy Efficient Schools) – проєкт, який …').",
        "«Енергоефективні школи» (Energy Efficient Schools) – проєкт, який реалізує NEFCO за фінансування ЄС.",
        {
            "Північна екологічна фінансова корпорація|implements|Енергоефективні школи",
            "Європейський Союз|funds|Енергоефективні школи",
        },
    ),
    _r(
        "russian-participles-donor-role",
        "relations",
        "loaders/lang/ru/cues.csv",
        "Russian present passive participles ('финансируемого правительством Швейцарии', 'реализуемый', "
        "'осуществляется') and 'Донором проекта «X» выступает Y' are cues like their Ukrainian counterparts.",
        "Новости. В рамках проекта «Теплый дом», финансируемого правительством Швейцарии, в Виннице утеплили 5 школ. "
        "Донором проекта «Чистый город» выступает Европейский союз.",
        {"Уряд Швейцарії|funds|Теплый дом", "Європейський Союз|funds|Чистый город"},
    ),
    _r(
        "on-behalf-commissions",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'від імені' before a government or a capitalised ministry names who commissions the work: it pays, the "
        "agent before it carries the work out ('GIZ від імені уряду Німеччини реалізує …').",
        "GIZ від імені уряду Німеччини реалізує проєкт «Теплий дім».",
        {
            "Уряд Німеччини|funds|Теплий дім",
            "Німецьке товариство міжнародного співробітництва|implements|Теплий дім",
        },
    ),
    _r(
        "early-closing-quote",
        "mentions",
        "loaders/patterns.py",
        "A stray closing quote a few lower-case words after a name's closing quote ('«Енергоефективні школи» "
        "громад»') closes the name the first one closed too early; the name keeps those words.",
        "В рамках проєкту «Енергоефективні школи» громад» Ніжин отримав кошти від ЄС.",
        {"Європейський Союз|funds|Енергоефективні школи громад", "Енергоефективні школи громад|locatedIn|Ніжин"},
    ),
    _r(
        "joint-government-funds",
        "relations",
        "loaders/narrative/extractor.py",
        "A government or the EU named as the partner of an agency ('ПРООН у партнерстві з "
        "Урядом Японії', 'in partnership with the Government of Japan') pays for the initiative, as a state does; "
        "an agency or organisation named so carries it out.",
        "ПРООН у партнерстві з Урядом Японії передала генератори в межах проєкту «Енергостійкість».",
        {"Програма розвитку ООН|implements|Енергостійкість", "Уряд Японії|funds|Енергостійкість"},
        {"Уряд Японії|implements|Енергостійкість"},
    ),
    _r(
        "through-initiative",
        "relations",
        "loaders/lang/uk/cues.csv",
        "A donor followed by 'через програму «X»' / 'through the X project' in an aside pays for X ('Canada, "
        "through the CLIR project, supports …').",
        "ЄС, через програму «U-LEAD з Європою», підтримує громади Сумщини.",
        {"Європейський Союз|funds|U-LEAD з Європою"},
    ),
    _r(
        "implementation-provided-by",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'його реалізацію забезпечує ГО «Y»', 'впровадження проєкту здійснює …': the agent after the nominal "
        "frame carries the initiative out; 'Проєкт підтримано Європейським Союзом' is a passive funding cue; a "
        "grant won 'на проєкт «X»' (no 'реалізацію' in between) makes the winner its implementer.",
        "Кошти на проєкт «Безпечна школа» надали ЄС та уряд Німеччини, а його реалізацію забезпечує ГО «Освітній "
        "простір». Проєкт «Чисте місто» підтримано Європейським Союзом. ГО «Поступ» виграла грант ЄС на проєкт "
        "«Молодь діє».",
        {
            "Освітній простір|implements|Безпечна школа",
            "Європейський Союз|funds|Безпечна школа",
            "Європейський Союз|funds|Чисте місто",
            "Поступ|implements|Молодь діє",
            "Європейський Союз|funds|Молодь діє",
        },
    ),
    _r(
        "coordinated-funders-skipped",
        "relations",
        "loaders/narrative/extractor.py",
        "Coordinated funders inside a funding phrase before the verb ('за фінансової підтримки урядів Нідерландів "
        "та Данії реалізує') are all the phrase's: the verb's subject is the agent before the phrase.",
        "ПРООН в Україні за фінансової підтримки урядів Нідерландів та Данії реалізує проєкт «Відновлення громад».",
        {
            "Уряд Нідерландів|funds|Відновлення громад",
            "Уряд Данії|funds|Відновлення громад",
            "Програма розвитку ООН|implements|Відновлення громад",
        },
        {"Уряд Данії|implements|Відновлення громад"},
    ),
    _r(
        "relative-aside-agent",
        "relations",
        "loaders/narrative/extractor.py",
        "An agent inside a relative clause set off by commas before the verb ('Проєкт «X», що фінансується "
        "японським урядом, реалізує ПРООН') belongs to that clause; the verb's agent follows the verb.",
        "Проєкт «Відновлення», що фінансується японським урядом, реалізує ПРООН.",
        {"Уряд Японії|funds|Відновлення", "Програма розвитку ООН|implements|Відновлення"},
        {"Уряд Японії|implements|Відновлення"},
    ),
    _r(
        "english-field-card",
        "relations",
        "loaders/lang/en/cues.csv",
        "An English project card's 'Donor:', 'Funding:', 'Funded by:' line names who pays for the project the card "
        "is about.",
        'Project: "Green Hromadas"\nDonor: Government of Sweden\nImplementing partner: UNDP\nLocation: Sumy oblast',
        {"Уряд Швеції|funds|Green Hromadas", "Програма розвитку ООН|implements|Green Hromadas"},
    ),
    _r(
        "council-joint-lead",
        "relations",
        "loaders/narrative/extractor.py",
        "A council named before 'спільно з / разом з' ('Житомирська міська рада спільно з GIZ реалізує …') acts "
        "with the partner: its town inside its name does not hide it.",
        "Житомирська міська рада спільно з GIZ реалізує проєкт «Енергоменеджмент».",
        {
            "Житомирська міська рада|implements|Енергоменеджмент",
            "Німецьке товариство міжнародного співробітництва|implements|Енергоменеджмент",
        },
    ),
    _r(
        "project-as-agent",
        "relations",
        "loaders/narrative/extractor.py",
        "'Ініціативу реалізує проєкт «Y»': an initiative referred back to by its trigger noun and carried out by "
        "another initiative named right after the verb is part of it; a donor named with Y is Y's, not an "
        "implementer of the first.",
        "Громада долучилася до програми «Сильні громади». Програму впроваджує проєкт USAID «Говерла».",
        {"Сильні громади|partOf|Програма USAID «ГОВЕРЛА»"},
        {"Агентство США з міжнародного розвитку|implements|Сильні громади"},
    ),
    _r(
        "v-partnerstvi",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'в партнерстві з', 'в співпраці з' (the 'в' spelling of 'у') join co-agents as 'у партнерстві з' does; an "
        "oblast administration named by its abbreviation in an oblique case ('з Сумською ОВА') is named in the "
        "nominative ('Сумська ОВА').",
        "Проєкт «Сильні громади» реалізується в партнерстві з Сумською ОВА та Асоціацією міст України.",
        {"Сумська ОВА|implements|Сильні громади", "Асоціація міст України|implements|Сильні громади"},
    ),
    _r(
        "english-loan-and-channel",
        "relations",
        "loaders/lang/en/cues.csv",
        "'financed by a EUR 20 million EIB loan' names the lender as the funder; 'Sweden, through Sida, funds …' "
        "keeps the state before the commas as a funder with its channel.",
        'The "Clean Water" project, financed by a EUR 20 million EIB loan, covers Mykolaiv. Sweden, through Sida, '
        'funds the "Green Recovery" programme in Chernihiv oblast.',
        {"Європейський інвестиційний банк|funds|Clean Water", "Уряд Швеції|funds|Green Recovery"},
    ),
    _r(
        "cofunding-shares",
        "relations",
        "loaders/lang/uk/cues.csv",
        "Who pays a share: money named before the verb ('1,2 млн євро, з яких 1 млн надає ЄС') and 'частку "
        "співфінансування проєкту «X» забезпечила міська рада' make the agent after the verb a funder.",
        "Загальна вартість проєкту «Місто для всіх» – 1,2 млн євро, з яких 1 млн надає ЄС. Частку співфінансування "
        "проєкту «Місто для всіх» забезпечила Житомирська міська рада.",
        {"Європейський Союз|funds|Місто для всіх", "Житомирська міська рада|funds|Місто для всіх"},
    ),
    _r(
        "grant-adjective-no-money-cue",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'грант/кредит/позика' is a money cue only before a capitalised name ('кредит ЄІБ'); 'в рамках грантової "
        "програми «X» фонду Y' pays for the programme through Y, not for the project inside it.",
        "Проєкт «Ветеранський хаб» реалізовано в рамках грантової програми «Ветеранський бізнес» Українського "
        "ветеранського фонду.",
        {"Ветеранський хаб|partOf|Ветеранський бізнес", "Український ветеранський фонд|funds|Ветеранський бізнес"},
        {"Український ветеранський фонд|funds|Ветеранський хаб"},
    ),
    _r(
        "apposed-twin-owner",
        "relations",
        "loaders/narrative/extractor.py",
        "A town abroad followed by ', місто-побратим X' (or '— місто-партнер X') is the twin of X only; the sentence's "
        "other Ukrainian towns are not its partners.",
        "Делегація Житомира разом з представниками Бердичева відвідала Кельце, місто-побратим Житомира.",
        {"Житомир|partnerOf|Кельце"},
        {"Бердичів|partnerOf|Кельце"},
    ),
    _r(
        "g-as-h",
        "linking",
        "loaders/gazetteer/index.py",
        "Names are looked up with 'г' for 'ґ': 'Ґера' and 'Ґерліц' are GeoNames' 'Гера' and 'Герліц' (the German towns, "
        "not a Japanese 'Ґеро' whose genitive is spelled 'Ґера'); the document's spelling is kept as a name.",
        "Бердичів і Ґера (Німеччина) підписали угоду про партнерство.",
        {"Бердичів|partnerOf|Ґера", "Ґера|inCountry|Німеччина"},
        {"Бердичів|partnerOf|Ґеро"},
    ),
    _r(
        "whole-name-abroad",
        "mentions",
        "loaders/narrative/openworld.py",
        "A name of two words after a town's unit word, whose last word alone the gazetteer knows abroad ('Воля', a "
        "Polish village, before '(Польща)'), is the town the whole name sounds as ('Сталева Воля': Stalowa Wola).",
        "У Калуші перебувала делегація міста-побратима Сталева Воля (Польща).",
        {"Калуш|partnerOf|Сталева Воля", "Сталева Воля|inCountry|Польща"},
        {"Калуш|partnerOf|Воля"},
    ),
    _r(
        "unit-country-of-known",
        "mentions",
        "loaders/narrative/openworld.py",
        "The country a unit word's context names (a region after it, a bracket, a list's head) is stated for the town "
        "abroad the gazetteer knows there, as it is for one no gazetteer knows: 'з гміною Бохня Малопольського "
        "воєводства' says Bochnia is in Poland.",
        "Калуська громада співпрацює з гміною Бохня Малопольського воєводства.",
        {"Калуська міська територіальна громада|partnerOf|Бохня", "Бохня|inCountry|Польща"},
    ),
    _r(
        "town-not-its-region",
        "linking",
        "loaders/narrative/extractor.py",
        "A town abroad is not the region named after it: 'Opole Voivodeship' begins with 'Opole', but 'з містом Ополе "
        "та Опольським воєводством' names two partners (the short-name rule joins towns to longer town names only).",
        "Луцьк уклав угоду з містом Ополе та Опольським воєводством.",
        {"Луцьк|partnerOf|Ополе", "Луцьк|partnerOf|Опольське воєводство"},
    ),
    _r(
        "respectively",
        "relations",
        "loaders/narrative/extractor.py",
        "'відповідно' / 'respectively' after n Ukrainian communities and then n partners abroad pairs them in order; "
        "'відповідно до' (according to) does not.",
        "Житомир та Бердичів підписали угоди про співпрацю з польськими містами Кельце та Ряшів відповідно.",
        {"Житомир|partnerOf|Кельце", "Бердичів|partnerOf|Жешув"},
        {"Житомир|partnerOf|Жешув", "Бердичів|partnerOf|Кельце"},
    ),
    _r(
        "town-word-abroad",
        "linking",
        "loaders/gazetteer/index.py",
        "'місто X' where no Ukrainian town is named X (only a village is) and a town abroad is: the town abroad "
        "('та місто Велюнь': Wieluń, not the village Велюнь in Volyn).",
        "Козятинська громада та місто Велюнь уклали угоду про співпрацю.",
        {"Козятинська міська територіальна громада|partnerOf|Велюн"},
    ),
    _r(
        "russian-io-as-yo",
        "linking",
        "loaders/gazetteer/sources.py",
        "A Russian-style GeoNames name's initial 'Ио' is Ukrainian 'Йо' ('Иокогама' -> 'Йокогама'), indexed and used as "
        "the label.",
        "Одеса має міста-побратими, серед яких Генуя, Марсель, Йокогама та Ліверпуль.",
        {"Одеса|partnerOf|Йокогама", "Одеса|partnerOf|Генуя"},
    ),
    _r(
        "list-runs-past-section-head",
        "discourse",
        "loaders/narrative/extractor.py",
        "A partner list in sections goes on past the next community's own heading line ('Нововолинськ:', '2. "
        "Ковельська громада', 'Ковельська міська територіальна громада'): its items are that community's partners.",
        "Міжнародні партнери громад\n\nКовель:\n— Хелм (Польща)\n— Ґіжицько (Польща)\n\nНововолинськ:\n— Грубешів "
        "(Польща)\n— Томашів-Любельський (Польща)",
        {"Ковель|partnerOf|Холм", "Нововолинськ|partnerOf|Грубешів", "Нововолинськ|partnerOf|Томашів-Любельський"},
        {"Ковель|partnerOf|Грубешів"},
    ),
    _r(
        "heading-with-first-row",
        "discourse",
        "loaders/narrative/extractor.py",
        "A list heading read as one sentence with its first row ('Міста-партнери громад Волині: Луцьк – Люблін "
        "(Польща)') opens the list for the rows on the lines after it.",
        "Міста-партнери громад Волині:\nЛуцьк – Люблін (Польща), Ольштин (Польща)\nКовель – Хелм (Польща)",
        {"Луцьк|partnerOf|Люблін", "Ковель|partnerOf|Холм"},
        {"Луцьк|partnerOf|Холм"},
    ),
    _r(
        "row-community",
        "relations",
        "loaders/narrative/extractor.py",
        "A row's own community, alone in its first field ('Ковельська міська територіальна громада; Хелм; Польща; "
        "угода 1996'), is the community of the partner in its next fields, not the page's community.",
        "Реєстр партнерств\nЛуцька міська територіальна громада; Люблін; Польща; угода 1993\nКовельська міська "
        "територіальна громада; Хелм; Польща; угода 1996",
        {
            "Луцька міська територіальна громада|partnerOf|Люблін",
            "Ковельська міська територіальна громада|partnerOf|Холм",
        },
        {"Луцька міська територіальна громада|partnerOf|Холм"},
    ),
    _r(
        "org-name-ends-at-frame",
        "relations",
        "loaders/narrative/extractor.py",
        "An organisation named without quotes ends before 'в межах'/'в рамках'/'в ході'; a quoted title after a "
        "trigger word ('програми «X»') is the initiative's title, never the organisation's own name.",
        "Навчання для підприємців Вараської громади провела Рівненська агенція регіонального розвитку в межах "
        "програми «Бізнес-школа».",
        {"Рівненська агенція регіонального розвитку|implements|Бізнес-школа"},
        {"Бізнес-школа|implements|Бізнес-школа"},
    ),
    _r(
        "gift-within-initiative",
        "relations",
        "loaders/lang/uk/cues.csv",
        "A donor that hands over goods within an initiative ('надав/передав/подарував … в рамках проєкту «X»') pays "
        "for it; it does not carry it out (the agency it goes through does).",
        "Уряд Японії передав лікарні Ковеля генератори в рамках проєкту «Енергостійкість громад». Обладнання для "
        "шкіл надав Уряд Канади через ПРООН у межах програми «Тепла школа».",
        {
            "Уряд Японії|funds|Енергостійкість громад",
            "Уряд Канади|funds|Тепла школа",
            "Програма розвитку ООН|implements|Тепла школа",
        },
        {"Уряд Японії|implements|Енергостійкість громад"},
    ),
    _r(
        "role-of-implementation",
        "relations",
        "loaders/narrative/roles.py",
        "A role noun may name its task before the initiative: 'Партнером з впровадження проєкту «X» є Y' is the "
        "copular role frame with Y carrying X out.",
        "Партнером з впровадження проєкту «Безпечний дім» є Данська рада у справах біженців.",
        {"Данська рада у справах біженців|implements|Безпечний дім"},
    ),
    _r(
        "technical-support-implements",
        "relations",
        "loaders/lang/uk/cues.csv",
        "Who gives technical, expert, advisory or methodical help to an initiative ('технічну підтримку … надає', "
        "'надає експертну підтримку') carries it out; financial support stays a funding cue.",
        "Технічну підтримку громадам у межах проєкту «Прозорі громади» надає ГО «Центр аналізу». Проєкт "
        "«Енергоаудит» фінансує Швеція, а технічну допомогу громадам забезпечує ГО «Енергоклуб».",
        {
            "Центр аналізу|implements|Прозорі громади",
            "Енергоклуб|implements|Енергоаудит",
            "Уряд Швеції|funds|Енергоаудит",
        },
        {"Центр аналізу|funds|Прозорі громади"},
    ),
    _r(
        "en-implementing-partner-of",
        "relations",
        "loaders/lang/en/cues.csv",
        "'X is (one of) the implementing partner(s) of the Y project': the agent before the copula carries Y out.",
        'The Danish Refugee Council is the implementing partner of the "Safe Home" project in Chernihiv.',
        {"Данська рада у справах біженців|implements|Safe Home"},
    ),
    _r(
        "home-in-local-programme",
        "discourse",
        "loaders/narrative/extractor.py",
        "A page headed by a community's own programme or strategy ('Програма розвитку культури Баранівської "
        "міської територіальної громади на 2025-2027 роки') is that community's page: it is the home, so the "
        "initiatives the page names without a place happen there.",
        "Програма розвитку культури Баранівської міської територіальної громади на 2025-2027 роки\n\n"
        "Розробку документа підтримала Програма USAID DOBRE, яку виконує Global Communities.",
        {
            "Децентралізація приносить кращі результати та ефективність|locatedIn|"
            "Баранівська міська територіальна громада",
        },
    ),
    _r(
        "strategy-refers-back",
        "discourse",
        "loaders/narrative/extractor.py",
        "After a community's strategy was named with its years, a bare 'Стратегія' refers back to it, as a bare "
        "'проєкт' refers to the last project: 'Оновлення Стратегії відбувається за підтримки Програми X'.",
        "Стратегія розвитку Олевської міської територіальної громади на 2025-2030 роки\n\n"
        "Оновлення Стратегії відбувається за підтримки Програми USAID DOBRE.",
        {
            "Агентство США з міжнародного розвитку|funds|"
            "Стратегія розвитку Олевської міської територіальної громади на 2025-2030 роки",
        },
    ),
    _r(
        "national-by-own-words",
        "discourse",
        "loaders/narrative/extractor.py",
        "Whether an initiative is national (so not placed at the page's home by default) is read from its label and "
        "the names the page itself uses, not from a registry's long alias ('Програма для України з розширення прав "
        "…' is U-LEAD's).",
        "У Ємільчинській громаді відкрили оновлений ЦНАП\n\nСьогодні в Ємільчині відкрили оновлений центр. "
        "Модернізацію ЦНАПу здійснено в рамках Програми «U-LEAD з Європою», яку фінансує Європейський Союз.",
        {"U-LEAD з Європою|locatedIn|Ємільчинська селищна територіальна громада"},
    ),
    _r(
        "organisation-noun-before-quote",
        "mentions",
        "loaders/patterns.py",
        "'(міжнародна) організація «X»' names an organisation X, with or without an adjective before the noun, "
        "unless the registry knows X or the name in brackets after it (then the registry's entity stands).",
        "Проєкт «Чиста вода Полісся» триватиме до 2026 року. Його реалізовуватиме міжнародна організація "
        "«Solidar Suisse» у партнерстві з місцевими водоканалами.",
        {"Solidar Suisse|implements|Чиста вода Полісся"},
    ),
    _r(
        "local-programme-frame",
        "mentions",
        "loaders/narrative/extractor.py",
        "A community's or oblast's own programme named with its years is kept where work is done within it or paid "
        "from it ('в межах Програми … на 2023-2025 роки', 'коштом Програми …'), not only in a title.",
        "На Овруччині відновлюють дороги. Ремонт доріг здійснюється за кошти обласного бюджету в межах Програми "
        "розвитку автомобільних доріг Житомирської області на 2023-2025 роки.",
        {
            "Програма розвитку автомобільних доріг Житомирської області на 2023-2025 роки|locatedIn|"
            "Житомирська область",
        },
    ),
    _r(
        "adjective-led-local-programme",
        "mentions",
        "loaders/patterns.py",
        "A local programme may start with its level or kind ('Регіональна/Обласна/Міська/Цільова/Комплексна "
        "програма … на 2024-2026 роки'), in any case and in lower case inside a sentence; its name is given with a "
        "capital.",
        "Про затвердження Міської цільової програми підтримки малого підприємництва Коростенської міської ради на "
        "2024-2026 роки",
        {
            "Міська цільова програма підтримки малого підприємництва Коростенської міської ради на 2024-2026 роки|"
            "locatedIn|Коростенська міська територіальна громада",
        },
    ),
    _r(
        "en-country-funded",
        "mentions",
        "loaders/narrative/latin.py",
        "'Japan-funded', 'Sweden-supported': the country before the hyphen is named (and funds the initiative the "
        "adjective qualifies), as 'EU-funded' names the EU.",
        'The Japan-funded "Safe Schools" project installed shelters in Malyn.',
        {"Уряд Японії|funds|Safe Schools", "Safe Schools|locatedIn|Малин"},
    ),
    _r(
        "goods-handed-over",
        "relations",
        "loaders/lang/uk/cues.csv",
        "A donor handing goods over ('передала 10 генераторів', 'надав обладнання') pays for the initiative they "
        "belong to, named in the sentence or in the next one ('Допомогу надано в межах проєкту «X»').",
        "Японія передала Коростенській громаді 10 генераторів. Допомогу надано в межах проєкту «Енергостійкість».",
        {"Уряд Японії|funds|Енергостійкість", "Енергостійкість|locatedIn|Коростенська міська територіальна громада"},
    ),
    _r(
        "twin-owner-before",
        "relations",
        "loaders/narrative/extractor.py",
        "'місто-побратим Житомира Кельце' (the partner noun, its owner in the genitive, then the town) and ', польського "
        "партнера Житомира' after the town name whose twin it is: the sentence's other Ukrainian towns are not.",
        "Делегація Житомира разом з представниками Бердичева відвідала місто-побратим Житомира Кельце.",
        {"Житомир|partnerOf|Кельце"},
        {"Бердичів|partnerOf|Кельце"},
    ),
    _r(
        "apposed-country-of-known",
        "relations",
        "loaders/narrative/extractor.py",
        "A country adjective in an apposition right after a town abroad ('Rzeszów, its Polish sister city', 'Кельце, "
        "польське місто-побратим') names the town's country when the gazetteer places the town there.",
        "Ivano-Frankivsk and Rzeszów, its Polish sister city, held a joint forum in Kalush.",
        {"Івано-Франківськ|partnerOf|Жешув", "Жешув|inCountry|Польща"},
    ),
    _r(
        "agreement-with-towns",
        "relations",
        "loaders/lang/uk/cues.csv",
        "An agreement, memorandum or treaty 'з містами/громадами/гмінами …' is a partnership cue by itself: 'Тернопіль "
        "має угоди з містами: Краматорськ — 2022; Херсон — 2023' gave nothing without 'співпраця' or 'партнер'.",
        "Тернопіль має угоди з українськими містами Краматорськ та Херсон.",
        {"Тернопіль|partnerOf|Краматорськ", "Тернопіль|partnerOf|Херсон"},
    ),
    _r(
        "co-signers-not-partners",
        "relations",
        "loaders/narrative/extractor.py",
        "Ukrainian communities that are all objects of 'з' signed with the sentence's subject, not with each other: "
        "'USAID підписав угоду з громадами Коростеня та Овруча' makes no partnership of Коростень and Овруч.",
        "USAID підписав угоду з громадами Коростеня та Овруча про фінансування проєкту.",
        set(),
        {"Коростень|partnerOf|Овруч"},
    ),
    _r(
        "official-country-names",
        "linking",
        "ontology/data/country_names.csv",
        "Countries are also known by their official names ('Естонської Республіки', 'Швейцарської Конфедерації', "
        "'Королівства Швеція', 'Сакартвело'), and a sentence-initial town that is also a word is the subject when a "
        "unit word and a name follow its 'та' ('Рівне та місто Вільянді підписали …').",
        "Рівне та місто Вільянді Естонської Республіки підписали угоду про партнерство.",
        {"Рівне|partnerOf|Вільянді", "Вільянді|inCountry|Естонія"},
    ),
    _r(
        "village-by-hromada",
        "linking",
        "loaders/narrative/extractor.py",
        "A settlement with namesakes followed by the hromada it belongs to ('с. Городок Городоцької громади') is the "
        "namesake inside that hromada, and the hromada is the one that holds it, wherever the other namesakes are.",
        "У с. Городок Городоцької громади за підтримки програми U-LEAD з Європою відкрили ЦНАП.",
        {"U-LEAD з Європою|locatedIn|Городоцька сільська територіальна громада"},
        {"U-LEAD з Європою|locatedIn|Городоцька міська територіальна громада"},
    ),
    _r(
        "org-scope-not-site",
        "relations",
        "loaders/narrative/extractor.py",
        "The region a development agency or fund is named after ('Агенція регіонального розвитку Житомирщини') is "
        "part of the body's name, not the site of the project it carries out.",
        "Агенція регіонального розвитку Житомирщини реалізує проєкт «Зелений туризм» в Овруцькій громаді.",
        {
            "Агенція регіонального розвитку Житомирщини|implements|Зелений туризм",
            "Зелений туризм|locatedIn|Овруцька міська територіальна громада",
        },
        {"Зелений туризм|locatedIn|Житомирська область"},
    ),
    _r(
        "en-country-adjective-funded",
        "mentions",
        "loaders/narrative/latin.py",
        "'Swiss-funded', 'Norwegian-financed': an English country adjective before '-funded' names that country "
        "(adjectives in ontology/data/country_adjectives.csv), which funds the initiative the adjective qualifies.",
        'The Swiss-funded "Clean Energy" project was launched in Korosten.',
        {"Уряд Швейцарії|funds|Clean Energy", "Clean Energy|locatedIn|Коростень"},
    ),
    _r(
        "ru-small-town-after-preposition",
        "mentions",
        "loaders/narrative/russian.py",
        "A Russian one-word name of a small town ('Малин', 'Овруч'), not read alone, is read after a preposition of "
        "place or the word 'город' ('в Малине', 'из Овруча', 'в городе Малин').",
        "В Малине открыли новый ЦНАП при поддержке программы «U-LEAD с Европой».",
        {"U-LEAD з Європою|locatedIn|Малин"},
    ),
    _r(
        "digest-item-own-place",
        "discourse",
        "loaders/narrative/extractor.py",
        "In a digest whose items are headed by a community's name, an initiative of an item headed by another "
        "community (not the page's home, not inside it, not in its hromada) is not also placed in the home community.",
        "Коростень. У Коростені за підтримки USAID відкрили новий ЦНАП. Коростенська громада отримала генератори.\n\n"
        "Бердичів. У Бердичеві завершили ремонт школи за кошти проєкту «Тепла школа», який фінансує ЄІБ.",
        {"Європейський інвестиційний банк|funds|Тепла школа", "Тепла школа|locatedIn|Бердичів"},
        {"Тепла школа|locatedIn|Коростень"},
    ),
    _r(
        "money-back-sites",
        "discourse",
        "loaders/narrative/extractor.py",
        "Money announced with its towns and no initiative ('Уряд Швейцарії виділив 2,5 млн франків на … в Коростені, "
        "Овручі'), then sent to an initiative in the next sentence, even in the next paragraph ('Кошти спрямують на "
        "реалізацію проєкту «X»'): the towns are the initiative's sites.",
        "Уряд Швейцарії виділив 2,5 млн франків на відновлення водопостачання в Коростені, Овручі та Малині.\n\n"
        "Кошти спрямують на реалізацію проєкту «Чиста вода Полісся», який впроваджує Swisscontact.",
        {
            "Уряд Швейцарії|funds|Чиста вода Полісся",
            "Чиста вода Полісся|locatedIn|Овруч",
            "Чиста вода Полісся|locatedIn|Малин",
        },
    ),
    _r(
        "section-head-forms",
        "discourse",
        "loaders/narrative/extractor.py",
        "A community's section heading may carry its oblast or raion and type words ('Луцьк (Волинська область)', "
        "'Ковельська міська громада, Волинська область'): the partners below are that community's, not the oblast's.",
        "Партнерства громад Волині\n\nЛуцьк (Волинська область)\nПартнери: Люблін (Польща), Ольштин (Польща)\n\n"
        "Ковель (Волинська область)\nПартнери: Хелм (Польща)",
        {"Луцьк|partnerOf|Люблін", "Ковель|partnerOf|Холм"},
        {"Волинська область|partnerOf|Холм", "Луцьк|partnerOf|Холм"},
    ),
    _r(
        "gapped-clause",
        "relations",
        "loaders/narrative/extractor.py",
        "A clause after ', а' whose subject is a Ukrainian community and whose verb is left out ('а Ковель — "
        "партнером Хелма') is a clause of its own: its partner abroad is not the first subject's, and the first "
        "subject's Ukrainian partner is still paired.",
        "Луцьк став партнером Краматорська, а Ковель — партнером Хелма (Польща).",
        {"Луцьк|partnerOf|Краматорськ", "Ковель|partnerOf|Холм"},
        {"Луцьк|partnerOf|Холм", "Краматорськ|partnerOf|Холм"},
    ),
    _r(
        "typed-bare-hromada",
        "mentions",
        "loaders/narrative/extractor.py",
        "An adjective and a hromada's type word with no noun after them ('Громада: Ковельська міська') name the "
        "hromada of that type; the register's partner in the next field is its partner.",
        "Громада: Ковельська міська; партнер: Хелм (Польща).",
        {"Ковельська міська територіальна громада|partnerOf|Холм"},
    ),
    _r(
        "short-town-name",
        "linking",
        "loaders/narrative/extractor.py",
        "A Ukrainian town named by the first part of a hyphenated town the page named ('Кам'янець' after "
        "'Кам'янець-Подільський') is that town, not a village of the short name.",
        "Кам'янець-Подільський і польське місто Ченстохова підписали меморандум. Раніше Кам'янець уклав угоду з "
        "литовським Тракаєм.",
        {"Кам'янець-Подільський|partnerOf|Ченстохова", "Кам'янець-Подільський|partnerOf|Тракай"},
        {"Кам'янець|partnerOf|Тракай"},
    ),
    _r(
        "dash-from-pairs",
        "relations",
        "loaders/narrative/extractor.py",
        "Communities each followed by a dash and 'від' name the partner each received from ('Херсон — від "
        "Зальцгіттера, Запоріжжя — від Лінца'), as a dash and 'з' does; the two communities are not partners.",
        "Херсон і Запоріжжя отримали допомогу від міст-партнерів: Херсон — від Зальцгіттера, Запоріжжя — від Лінца.",
        {"Херсон|partnerOf|Зальцгіттер", "Запоріжжя|partnerOf|Лінц"},
        {"Херсон|partnerOf|Запоріжжя", "Запоріжжя|partnerOf|Зальцгіттер"},
    ),
    _r(
        "russian-short-page-endings",
        "structure",
        "loaders/narrative/russian.py",
        "A short page with none of Ukrainian's letters reads as Russian also by words ending in 'ия', 'ие', 'ию' "
        "('Германия', 'Делегация'), which Ukrainian spells with 'і', by verbs in '-ется'/'-ются' (Ukrainian writes "
        "'-ється') and by 'городов', 'следующих': its towns are then read by their Russian names.",
        "Среди городов-партнеров Запорожья — Линц (Австрия) и Оберхаузен (Германия).",
        {"Запоріжжя|partnerOf|Лінц", "Запоріжжя|partnerOf|Обергаузен"},
    ),
    _r(
        "partner-label-in-section",
        "structure",
        "loaders/narrative/extractor.py",
        "In a digest whose sections are headed by communities, a label of a section's list ('Міста-партнери:') or "
        "an item of it alone on a line ('Хелм') does not end the section: the partners below are still the "
        "section community's, not the page's.",
        "Луцьк і Ковель розвивають співпрацю.\n\nЛуцьк\n\nМіста-партнери:\n\nЛюблін (Польща)\n\nКовель\n\n"
        "Міста-партнери:\n\nХелм (Польща)",
        {"Луцьк|partnerOf|Люблін", "Ковель|partnerOf|Холм"},
        {"Луцьк|partnerOf|Холм"},
    ),
    _r(
        "run-in-section-head",
        "structure",
        "loaders/narrative/extractor.py",
        "A community's name alone before a full stop at the start of a line ('Бердичів. Партнерами міста є …') heads "
        "the paragraph it opens, as a heading line does: the partners after it are that community's.",
        "Побратими громад Житомирщини.\nЖитомир. Місто підтримує зв'язки з містами Європи.\nСеред них — Кельце "
        "(Польща).\nБердичів. Партнерами міста є Ряшів (Польща).",
        {"Житомир|partnerOf|Кельце", "Бердичів|partnerOf|Жешув"},
        {"Житомирська область|partnerOf|Кельце"},
    ),
    _r(
        "russian-list-page",
        "structure",
        "loaders/narrative/russian.py",
        "A Russian list page whose lines have none of Russian's own letters ('Луцк является городом-побратимом "
        "следующих городов:') is still read as Russian: its Ukrainian town is found by its Russian name and owns "
        "the list.",
        "Города-побратимы\nЛуцк является городом-побратимом следующих городов:\n\nЛюблин (Польша)\nКаунас (Литва)",
        {"Луцьк|partnerOf|Люблін", "Луцьк|partnerOf|Каунас"},
    ),
    _r(
        "delegation-from-is-no-partner",
        "relations",
        "loaders/narrative/extractor.py",
        "A Ukrainian town named as where visitors came from ('прийняла делегацію з Бердичева та польського Кельце, "
        "з яким Житомир пов'язують побратимські відносини') is no side of the partnership.",
        "Житомирська міська рада прийняла делегацію з Бердичева та польського Кельце, з яким Житомир пов'язують "
        "побратимські відносини понад 20 років.",
        {"Житомирська міська територіальна громада|partnerOf|Кельце"},
        {
            "Житомирська міська територіальна громада|partnerOf|Бердичів",
            "Бердичів|partnerOf|Кельце",
        },
    ),
    _r(
        "list-owner-in-lead",
        "discourse",
        "loaders/narrative/extractor.py",
        "The one Ukrainian community the lead-in of a partner list names owns the list ('У Луцьку відбувся форум "
        "міст-побратимів. Участь взяли делегації з Любліна, Ольштина …'), not the page's home (here Ковель, whose "
        "mayor the page quotes).",
        "У Луцьку відбувся форум міст-побратимів. Участь взяли делегації з Любліна, Ольштина та Хелма. Ковельський "
        "міський голова зустрівся з представниками Хелма, з яким Ковель співпрацює з 1996 року.",
        {"Луцьк|partnerOf|Люблін", "Луцьк|partnerOf|Ольштин", "Ковельська міська територіальна громада|partnerOf|Холм"},
        {"Ковельська міська територіальна громада|partnerOf|Люблін"},
    ),
    _r(
        "latin-name-in-cyrillic",
        "linking",
        "loaders/narrative/latin.py",
        "A town abroad that a Ukrainian or Russian sentence about partners writes in its own Latin spelling "
        "('з містом Bydgoszcz (Польща)', 'співпрацює з Kielce (Польща)') is the gazetteer's town of that name and "
        "country, not an unlinked name; the partnership cue reads it as a name.",
        "Житомир співпрацює з Kielce (Польща) та Schwerin (Німеччина).",
        {"Житомир|partnerOf|Кельце", "Житомир|partnerOf|Шверін", "Кельце|inCountry|Польща"},
    ),
    _r(
        "described-by-adjective-and-noun",
        "discourse",
        "loaders/narrative/extractor.py",
        "A bare 'програму' described by an adjective and a noun in the genitive ('NRC реалізує програму правової "
        "допомоги') is a new initiative of its own, not the one named before: its agent and its town are not the "
        "earlier initiative's.",
        "1. В Іванківській громаді завершено проєкт «Раннє відновлення», який впроваджувала організація HALO Trust.\n\n"
        "2. Представники Норвезької ради у справах біженців відвідали Бучанську громаду, де NRC реалізує програму "
        "правової допомоги.",
        {"The HALO Trust|implements|Раннє відновлення"},
        {
            "Норвезька рада у справах біженців|implements|Раннє відновлення",
            "Раннє відновлення|locatedIn|Бучанська міська територіальна громада",
        },
    ),
    _r(
        "ru-received-from",
        "relations",
        "loaders/lang/ru/cues.csv",
        "Russian pages: help 'получила … от' a donor, 'при содействии', 'по заказу' pay for the initiative; "
        "'реализовала', 'реализовывается', 'проводится', 'при участии', 'в сотрудничестве с' name who carries it out.",
        "Коростенская городская территориальная громада получила помощь от ЮНИСЕФ в рамках проекта «Школа в коробке». "
        "Проект «Чистая вода» в Запорожье реализовала общественная организация «Экосфера» по заказу Федерального "
        "министерства экономического сотрудничества и развития Германии.",
        {
            "Дитячий фонд ООН|funds|Школа в коробке",
            "Экосфера|implements|Чистая вода",
            "Федеральне міністерство економічного співробітництва та розвитку Німеччини|funds|Чистая вода",
        },
    ),
    _r(
        "approved-programme",
        "mentions",
        "loaders/narrative/extractor.py",
        "A community's own programme with its years that a council approves in prose ('депутати затвердили "
        "Програму …', 'схвалено Програму …') is what that item of a council digest is about, like a decision's title.",
        "Сесія Баранівської міської ради\n\nДепутати затвердили Програму розвитку малого та середнього "
        "підприємництва Баранівської міської територіальної громади на 2024-2026 роки.",
        {
            "Програма розвитку малого та середнього підприємництва Баранівської міської територіальної громади на "
            "2024-2026 роки|locatedIn|Баранівська міська територіальна громада"
        },
    ),
    _r(
        "community-dateline",
        "discourse",
        "loaders/narrative/extractor.py",
        "A digest item opened by a community's name alone ('Коростенська громада.') places the initiatives its "
        "paragraph names without a place in that community, and not also in the page's home community.",
        "Житомирщина\n\nБаранівська громада. В рамках проєкту «Чисте довкілля» за кошти ЄС придбали сміттєвоз.\n\n"
        "Коростенська громада. Завдяки програмі «Відновлення» від ПРООН відремонтовано амбулаторію.",
        {
            "Чисте довкілля|locatedIn|Баранівська міська територіальна громада",
            "Відновлення|locatedIn|Коростенська міська територіальна громада",
        },
        {"Відновлення|locatedIn|Баранівська міська територіальна громада"},
    ),
    _r(
        "capitalised-verbal-noun-name",
        "mentions",
        "loaders/patterns.py",
        "After a trigger in the genitive, a capitalised verbal noun ('Відновлення', 'Посилення') opens the "
        "initiative's name written without quotes: it reads the same in both cases, the capital decides; an "
        "impersonal verb ('відкрито', 'передано') ends such a name.",
        "Житомирщина отримала 5 карет швидкої допомоги від уряду Німеччини у межах проєкту Відновлення медицини.\n\n"
        "За підтримки USAID в рамках програми Зміцнення громад відкрито 3 ЦНАПи у Баранівській громаді.",
        {
            "Уряд Німеччини|funds|Відновлення медицини",
            "Агентство США з міжнародного розвитку|funds|Зміцнення громад",
            "Зміцнення громад|locatedIn|Баранівська міська територіальна громада",
        },
    ),
    _r(
        "aid-back-owner",
        "discourse",
        "loaders/narrative/extractor.py",
        "Aid from a donor in one sentence, its initiative named in the next with the agency that owns it "
        "('Обладнання передано в межах проєкту ПРООН «X»'): the donor pays for X; the owner's name in the "
        "initiative's name does not stand in for the donor.",
        "Житомирщина отримала 20 генераторів від Уряду Японії. Обладнання передано в межах проєкту ПРООН "
        "«Енергетична стійкість».",
        {"Уряд Японії|funds|Енергетична стійкість"},
    ),
    _r(
        "en-sky-ending",
        "linking",
        "loaders/narrative/latin.py",
        "English pages spell the adjectival ending of a Ukrainian town's name -skyi, -skiy, -sky or -skii "
        "('Kamyanets-Podilsky'): all read as the same name.",
        "The EU funded the project «Clean Water» in Kamyanets-Podilsky.",
        {"Clean Water|locatedIn|Кам'янець-Подільський"},
    ),
    _r(
        "hromadas-of-the-oblast",
        "linking",
        "loaders/narrative/extractor.py",
        "Hromada adjectives listed after 'громадах області (' or 'громади району:' (the region by a common noun, "
        "not its name) are hromadas, like those after 'громадах Житомирщини:'.",
        "У 5 громадах області (Баранівській, Коростенській та Олевській) за підтримки ЄС у рамках проєкту "
        "«Чиста вода» встановили фільтри.",
        {
            "Чиста вода|locatedIn|Баранівська міська територіальна громада",
            "Чиста вода|locatedIn|Олевська міська територіальна громада",
        },
    ),
    _r(
        "en-apposed-implementing-partner",
        "relations",
        "loaders/lang/en/cues.csv",
        "An English apposition 'X, the project's implementing partner,' or 'X, the implementing partner of the "
        "project,' says X carries out the current initiative.",
        'The EU and UNDP launched the "Early Recovery" project in Ivankiv community. The HALO Trust, the project\'s '
        "implementing partner, cleared 7,000 tonnes of debris.",
        {"The HALO Trust|implements|Early Recovery"},
    ),
    _r(
        "grant-to-named-recipient",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'ЄС надав ГО «Еко» грант на реалізацію проєкту «X»': a quoted recipient between the verb and the money does "
        "not hide the donor's gift; the donor funds X (it does not carry it out as the sentence's subject).",
        "ЄС надав ГО «Еко» грант на реалізацію проєкту «Жива вода» у Коростені.",
        {"Європейський Союз|funds|Жива вода"},
        {"Європейський Союз|implements|Жива вода"},
    ),
    _r(
        "busy-with-implementing",
        "relations",
        "loaders/lang/uk/cues.csv",
        "'Впровадженням проєкту займається X', 'Над реалізацією проєкту працює X', 'Відповідальна за реалізацію — X': "
        "the agent after the phrase carries the initiative out.",
        "Проєкт «Жива вода» фінансується ЄС. Впровадженням проєкту займається ГО «Еко».",
        {"Європейський Союз|funds|Жива вода", "Еко|implements|Жива вода"},
    ),
    _r(
        "en-name-field",
        "mentions",
        "loaders/patterns.py",
        "An English project card names its project in a field ('Project: Clean Water for Polissia', 'Project title' "
        "over its value line); 'Implemented by' and 'Locations' over their values are field lines too.",
        "Project title\nClean Water for Polissia\nFunded by\nGovernment of Japan\nImplemented by\nUNDP\n"
        "Locations\nKorosten, Ovruch\n",
        {
            "Уряд Японії|funds|Clean Water for Polissia",
            "Програма розвитку ООН|implements|Clean Water for Polissia",
            "Clean Water for Polissia|locatedIn|Овруч",
        },
    ),
    _r(
        "micro-projects-lead",
        "structure",
        "loaders/narrative/extractor.py",
        "A lead-in ending in 'мікропроєктів:' (also міні-, суб-) heads a list of quoted titles, one per line, like "
        "'проєктів:' does.",
        "Переможці конкурсу мікропроєктів:\n1. «Тепла школа» – Баранівська громада;\n2. «Чиста вода» – "
        "Коростенська громада.\n",
        {
            "Тепла школа|locatedIn|Баранівська міська територіальна громада",
            "Чиста вода|locatedIn|Коростенська міська територіальна громада",
        },
    ),
    _r(
        "list-item-not-home",
        "discourse",
        "loaders/narrative/extractor.py",
        "A list item among the first lines ('1. «Тепла школа» – Баранівська громада;') names one community of many, "
        "not the page's home; list items naming their communities in parallel leave the page without a home.",
        "Переможці конкурсу проєктів:\n1. «Тепла школа» – Баранівська громада;\n2. «Чиста вода» – Коростенська "
        "громада;\n3. «Світло в селі» – Овруцька громада.\nКонкурс проводиться в рамках програми «Спроможні "
        "громади», яку фінансує ЄС.",
        {"Чиста вода|locatedIn|Коростенська міська територіальна громада"},
        {
            "Чиста вода|locatedIn|Баранівська міська територіальна громада",
            "Спроможні громади|locatedIn|Баранівська міська територіальна громада",
        },
    ),
    _r(
        "item-place-then-title",
        "structure",
        "loaders/narrative/extractor.py",
        "Under a lead-in of projects, a list item may name its community before the title ('- Баранівська громада – "
        "«Тепла школа» (ЄС);'): the title is still the item's initiative.",
        "Громади області реалізують проєкти за підтримки донорів:\n- Баранівська громада – «Тепла школа» (ЄС);\n"
        "- Коростенська громада – «Чиста вода» (USAID).\n",
        {
            "Європейський Союз|funds|Тепла школа",
            "Тепла школа|locatedIn|Баранівська міська територіальна громада",
            "Агентство США з міжнародного розвитку|funds|Чиста вода",
        },
    ),
    _r(
        "office-of-initiative",
        "mentions",
        "loaders/narrative/extractor.py",
        "An office named after its initiative ('Секретаріат проекту «X»', 'Офіс програми «X»', 'Координаційний "
        "центр проєкту «X»') is an organisation that carries that initiative out; 'відкриття офісу проєкту «X»' "
        "(lower case) names premises, not a body.",
        "Офіс програми «U-LEAD з Європою» у Житомирі провів навчання для громад.",
        {"Офіс програми «U-LEAD з Європою»|implements|U-LEAD з Європою"},
    ),
    _r(
        "stated-country-sticks",
        "linking",
        "loaders/narrative/extractor.py",
        "A partner the page places in a country ('Вестланд (Нідерланди)') keeps that country in its other sentences: a "
        "bare later mention ('з муніципалітетом Вестланд') is not the gazetteer's namesake in another country.",
        "Громада має партнерів за кордоном: Ґмюнд (Австрія) та Вестланд (Нідерланди).\n\n"
        "З муніципалітетом Вестланд громада обмінюється досвідом у сфері теплиць.",
        {"Вестланд|inCountry|Нідерланди"},
        {"Вестланд|inCountry|США"},
    ),
    _r(
        "plural-adjective-country",
        "relations",
        "loaders/narrative/extractor.py",
        "A country adjective on a plural noun for towns or partners ('обидва французькі міста', 'румунські партнери') "
        "names the country of the sentence's partners whose country nothing else states.",
        "Менська громада співпрацює з містом Сен-Еблен, а Сновська — з комуною Ансені-Сен-Жереон; обидва французькі "
        "міста розташовані на заході країни.",
        {"Сен-Еблен|inCountry|Франція", "Ансені-Сен-Жереон|inCountry|Франція"},
    ),
    _r(
        "village-abroad",
        "linking",
        "loaders/narrative/openworld.py",
        "A name the gazetteer knows only as a Ukrainian village, which the text puts in a country abroad right beside "
        "it ('з містом Ясениця, Польща', 'Польща: Березів, Красичин, Ясениця'), is that country's town, not a "
        "Ukrainian community.",
        "Городенківська громада уклала угоду з містом Ясениця, Польща.\n\nМіста-партнери Мостиської громади:\n"
        "Польща: Красичин, Ярослав.",
        {"Ясениця|inCountry|Польща", "Красичин|inCountry|Польща"},
    ),
    _r(
        "village-is-partner",
        "linking",
        "loaders/narrative/extractor.py",
        "A name the page placed abroad is that town in its other sentences too ('У Поляні відбувся форум' after "
        "'польське місто Поляна'), not a Ukrainian village of that name.",
        "Дрогобич і польське місто Поляна підписали угоду про партнерство. У Поляні відбувся спільний форум.",
        {"Поляна|inCountry|Польща", "Дрогобич|partnerOf|Поляна"},
    ),
    _r(
        "adjective-name-nominative",
        "mentions",
        "loaders/narrative/openworld.py",
        "A country adjective in the nominative before one capitalised word no gazetteer or Ukrainian dictionary knows "
        "('Литовський Пасваліс і Бережани підписали угоду') is a town of that country; not an organisation's name "
        "('Литовська Республіка', 'Німецька Ебертівська фундація').",
        "Литовський Пасваліс і Бережани підписали угоду про партнерство.",
        {"Пасваліс|inCountry|Литва", "Бережани|partnerOf|Пасваліс"},
    ),
    _r(
        "russian-post-adjective",
        "mentions",
        "loaders/narrative/openworld.py",
        "On a Russian page a unit word followed by its adjective ('воеводство Силезское (Польша)') names the unit "
        "'Силезское воеводство', as in Ukrainian.",
        "Международное сотрудничество области\n\nЗапорожская область и воеводство Силезское (Польша) заключили "
        "соглашение о сотрудничестве. Это соглашение было подписано в Катовице.",
        {"Силезское воеводство|inCountry|Польща"},
    ),
    _r(
        "region-locative",
        "linking",
        "loaders/narrative/openworld.py",
        "A region abroad right after a partner's name in the locative ('з містом Гамільтон у Шотландії', 'Сен-Еблен "
        "в Атлантичній Луарі') names the partner's country and picks its namesake there; the region only locates it.",
        "Житомирська громада уклала угоду з містом Гамільтон у Шотландії. Менська громада співпрацює з містом "
        "Сен-Еблен в Атлантичній Луарі.",
        {"Гамільтон|inCountry|Велика Британія", "Сен-Еблен|inCountry|Франція"},
        {"Гамільтон|inCountry|Канада", "Менська міська територіальна громада|partnerOf|Атлантична Луара"},
    ),
    _r(
        "town-not-village",
        "linking",
        "loaders/narrative/openworld.py",
        "A town ('місто X') in a partnership sentence whose name the gazetteer knows only as Ukrainian villages is not "
        "one of them (Ukraine's towns are all known as towns): it is a town abroad, found by its spelling in a country "
        "Ukrainian communities twin with, else kept of unknown country; never a Ukrainian community.",
        "Партнери Мостиської громади: гміна Красичин, гміна Вишня та місто Бистриця.",
        {"Красичин|inCountry|Польща", "Мостиська міська територіальна громада|partnerOf|Бістріца"},
        {"Бистриця|partnerOf|Красичин"},
    ),
    _r(
        "plural-adjective-run",
        "mentions",
        "loaders/narrative/openworld.py",
        "A plural country adjective in the nominative before a run of names ('польські Ярослав, Красичин і Ясениця, "
        "литовські Біржай та Пасваліс') makes each name a town of that country, a Ukrainian village's namesake too.",
        "Громада має дванадцять міст-партнерів. Серед них – польські Ярослав, Красичин і Ясениця, литовські Біржай та "
        "Пасваліс.",
        {"Ясениця|inCountry|Польща", "Красичин|inCountry|Польща", "Пасваліс|inCountry|Литва"},
    ),
    _r(
        "near-locates",
        "linking",
        "loaders/narrative/openworld.py",
        "A town abroad named as what the partners lie near ('розташовані біля Нанта', 'near Nantes', 'возле Нанта') "
        "locates them; it is no partner. A plural country adjective and its type noun ('французькі громади') open a "
        "run of partner names of that country.",
        "Партнерами Калуша є французькі громади Сен-Еблен та Ла-Шапель, розташовані біля Нанта.",
        {"Калуш|partnerOf|Сен-Ерблен", "Калуш|partnerOf|Ла-Шапель", "Ла-Шапель|inCountry|Франція"},
        {"Калуш|partnerOf|Нант"},
    ),
    _r(
        "russian-adjective-endings",
        "structure",
        "loaders/narrative/russian.py",
        "A short page without Ukrainian letters reads as Russian also by adjectives in '-ский', '-цкий', '-ская' … "
        "(Ukrainian writes '-ський' with a soft sign): 'Мелитополь и турецкий Карабюк стали побратимами'.",
        "Мелитополь и турецкий Карабюк стали побратимами.",
        {"Мелітополь|partnerOf|Карабук"},
    ),
    _r(
        "historic-spelling-largest",
        "linking",
        "loaders/narrative/latin.py",
        "An older English spelling GeoNames gives a town of 50,000 people or more ('Nikolaev') names the largest of "
        "its Ukrainian namesakes (Mykolaiv, the oblast's centre), not a small town of the same name in Lviv oblast.",
        "Nikolaev signed a partnership agreement with Aarhus.",
        {"Миколаїв|partnerOf|Орхус"},
    ),
    _r(
        "en-russian-style-i",
        "linking",
        "loaders/narrative/latin.py",
        "Older English spellings write 'i' where the Ukrainian name has 'y' ('Khmelnitsky', 'Zhitomir'): a town of "
        "20,000 people or more whose known spelling differs only so is read when the spelling itself is unknown.",
        "The city of Khmelnitsky signed a partnership agreement with Kielce.",
        {"Хмельницький|partnerOf|Кельце"},
    ),
    _r(
        "en-money-given-to",
        "relations",
        "loaders/lang/en/cues.csv",
        "A verb of giving with a sum of money ('contributed SEK 50 million to', 'donated USD 3 million to', 'gave GBP 2 "
        "million for') or 'contributed to' makes the agent before it the funder of the initiative after it; a country "
        "so named is its government. A sum 'worth of equipment' is goods handed over, not money given.",
        "Sweden contributed SEK 50 million to the U-LEAD with Europe programme. With funding from the Government of "
        'Japan, UNDP provided USD 2 million worth of equipment to the "Warm Hospital" project in Sumy.',
        {"Уряд Швеції|funds|U-LEAD з Європою", "Уряд Японії|funds|Warm Hospital"},
        {"Програма розвитку ООН|funds|Warm Hospital"},
    ),
    _r(
        "en-possessive-before-head",
        "mentions",
        "patterns",
        "An English owner's possessive before the head word of a quoted title ('the Council of Europe's Programme "
        "\"X\"', 'within the EU's programme \"X\"') is the title's modifier like a donor written after a Ukrainian "
        "trigger: a donor so named funds it. The possessive alone ('EU's') is no initiative's name, and a donor that "
        "owns the title is not also its implementer for standing first in the sentence.",
        'USAID\'s programme "Clean Water" assisted the Dolyna hromada. Within the EU\'s programme "Safe Roads", Kalush '
        "got new traffic lights.",
        {
            "Агентство США з міжнародного розвитку|funds|Clean Water",
            "Європейський Союз|funds|Safe Roads",
        },
        {"Агентство США з міжнародного розвитку|implements|Clean Water", "EU's|locatedIn|Калуш"},
    ),
    _r(
        "en-backed-quoted-title",
        "mentions",
        "patterns",
        "A quoted English title right after a donor's '-funded' or '-supported' ('the EU-funded \"Recovery Office\"') "
        "names an initiative even with no head word, and the donor funds it; a title followed by a building's noun "
        "('a USAID-supported \"Bright Future\" centre') names the building.",
        'The EU-funded "Recovery Office" will help the Voznesensk community plan its reconstruction.',
        {"Європейський Союз|funds|Recovery Office"},
    ),
    _r(
        "digest-paragraph-openers",
        "discourse",
        "extractor",
        "Three paragraphs or more, each opened by a different community ('Чуднівська громада отримала …', 'У "
        "Любарській громаді завершено …', 'Радомишльська громада долучилася …'), are the items of a digest: an "
        "initiative that no sentence places is not placed in the page's first-named community by default.",
        "Новини громад\n\nЧуднівська громада отримала 3 пожежні автомобілі від уряду Японії в рамках проєкту «Безпечні "
        "громади».\n\nУ Любарській громаді завершено ремонт школи.\n\nРадомишльська громада долучилася до програми "
        "«DOBRE». Програма фінансується USAID.\n",
        {
            "Безпечні громади|locatedIn|Чуднівська міська територіальна громада",
            "Децентралізація приносить кращі результати та ефективність|locatedIn|Радомишльська міська територіальна громада",
        },
        {
            "Децентралізація приносить кращі результати та ефективність|locatedIn|Чуднівська міська територіальна громада"
        },
    ),
    _r(
        "digest-section-place",
        "discourse",
        "extractor",
        "In a digest in sections headed by a community ('1. Баранівська громада'), an initiative whose place no "
        "sentence states happens in the community heading the section where it is first named (within six sentences "
        "of the heading); the heading and the sentence are its evidence.",
        "Огляд проєктів\n\n1. Баранівська громада\nЗа підтримки програми «U-LEAD з Європою» відкрито оновлений ЦНАП.\n\n"
        "2. Коростенська громада\nУ межах проєкту «Тепла школа» утеплено дві школи.\n",
        {
            "U-LEAD з Європою|locatedIn|Баранівська міська територіальна громада",
            "Тепла школа|locatedIn|Коростенська міська територіальна громада",
        },
    ),
    _r(
        "facility-item-site",
        "relations",
        "extractor",
        "A list item under a programme's lead-in that names a school, kindergarten or hospital and its town ('ДНЗ №3 "
        "«Зірочка» у Шполі;') names one of the programme's objects: the town is the programme's site, not only the "
        "facility's address. An organisation's seat in such an item ('ГО «Екодія» у Шполі;') still is not.",
        "Усього на Черкащині реалізовують 7 об’єктів у межах Програми «Велике будівництво»:\n\nБілозірський ліцей;\n\n"
        "ДНЗ №3 «Зірочка» у Шполі;\n\nДНЗ у Черкасах на Митниці.\n",
        {"Велике будівництво|locatedIn|Шпола", "Велике будівництво|locatedIn|Черкаси"},
    ),
    _r(
        "money-owner-not-agent",
        "relations",
        "extractor",
        "Whose money, loan or grant pays for the work ('Коштом ЄІБ у Житомирі реалізують проєкт «X»', 'За рахунок "
        "кредиту ЄІБ …') funds it and is not the subject of the verb that carries it out. A funding phrase governs "
        "only the name right after it: in 'За фінансової підтримки ЄС ПРООН реалізує проєкт «X»' ПРООН is the "
        "subject.",
        "Коштом ЄІБ у Житомирі реалізують проєкт «Модернізація тролейбусів». За фінансової підтримки ЄС ПРООН "
        "реалізує проєкт «Тепло» у Житомирі.",
        {
            "Європейський інвестиційний банк|funds|Модернізація тролейбусів",
            "Європейський Союз|funds|Тепло",
            "Програма розвитку ООН|implements|Тепло",
        },
        {"Європейський інвестиційний банк|implements|Модернізація тролейбусів"},
    ),
    _r(
        "state-adjective-owner",
        "relations",
        "extractor",
        "A country's adjective right before the trigger word ('Канадський проєкт «X»', 'Шведсько-український проєкт "
        "«X»', 'Німецька урядова програма «X»') names the state whose government pays for it, unless a funder is "
        "already named or the sentence is about cross-border cooperation ('польсько-український проєкт "
        "транскордонного співробітництва'), where the programme pays.",
        "Канадський проєкт «Будуємо громади» завершився у Полтаві. Шведсько-український проєкт «Полісся» працює в "
        "Рівненській області. Польсько-український проєкт транскордонного співробітництва «Спадщина» стартував у Луцьку.",
        {"Уряд Канади|funds|Будуємо громади", "Уряд Швеції|funds|Полісся"},
        {"Уряд Польщі|funds|Спадщина"},
    ),
    _r(
        "macro-region-no-place",
        "mentions",
        "loaders/narrative/extractor.py",
        "A part of the world named by a compass adjective and a continent or region ('Південний Кавказ', 'Центральна "
        "Азія', 'Western Balkans', 'Ближний Восток'; lists in loaders/lang/<lang>/macro_regions.txt) is no town, "
        "village or country: none of its words is read as a place ('Південне', 'Каукасія').",
        "Проєкт «Добрі сусіди» фінансує ЄС у країнах Південного Кавказу та в Житомирі.",
        {"Європейський Союз|funds|Добрі сусіди", "Добрі сусіди|locatedIn|Житомир"},
        {"Добрі сусіди|locatedIn|Південне", "Добрі сусіди|locatedIn|Каукасія"},
    ),
    _r(
        "place-in-org-name",
        "mentions",
        "loaders/narrative/extractor.py",
        "A place inside a quoted organisation's name ('БФ «Карітас Київ»', 'ГО «Агенція розвитку Полтава»') names "
        "the body; it is no place the text speaks of.",
        "БФ «Карітас Київ» реалізує проєкт «Тепло вдома» за підтримки ПРООН.",
        {"Карітас Київ|implements|Тепло вдома", "Програма розвитку ООН|funds|Тепло вдома"},
        {"Тепло вдома|locatedIn|Київ"},
    ),
    _r(
        "quoted-places-name-a-thing",
        "mentions",
        "loaders/narrative/extractor.py",
        "A quoted name of capitalised words only with a place among them names a thing, not a place of the work, "
        "when it is a route ('водозабір «Дніпро – Миколаїв»') or follows a common noun ('готель «Київ»').",
        "ЄІБ фінансує проєкт «Чиста вода» для споруд водозабору «Дніпро – Кривий Ріг» у Кривому Розі.",
        {"Європейський інвестиційний банк|funds|Чиста вода", "Чиста вода|locatedIn|Кривий Ріг"},
        {"Чиста вода|locatedIn|Дніпро"},
    ),
    _r(
        "paying-org-kept",
        "relations",
        "loaders/narrative/extractor.py",
        "An organisation found by its name's shape that pays or hands aid over ('Японський фонд «Ніппон» "
        "профінансував закупівлю обладнання', 'Завдяки благодійному фонду «X» лікарня отримала апарат') is kept as an "
        "entity even when no initiative is named; an organisation named in passing still is not, nor a role word "
        "('Литовські партнери профінансували ремонт'). Its entity is asserted in tests/test_narrative.py.",
        "Японський фонд «Ніппон» профінансував закупівлю обладнання. Проєкт «Здорова громада» фінансує ЄС.",
        {"Європейський Союз|funds|Здорова громада"},
        {"Ніппон|funds|Здорова громада"},
    ),
    _r(
        "unquoted-name-no-dash",
        "mentions",
        "loaders/patterns.py",
        "A dash is no word of a name written without quotes after its trigger: 'програми Польща – Україна' made a "
        "programme 'Польща -' that took place where the project did.",
        "Проєкт «Безпечний кордон» програми Польща – Україна реалізують у Луцьку за підтримки ЄС.",
        {"Європейський Союз|funds|Безпечний кордон", "Безпечний кордон|locatedIn|Луцьк"},
        {"Польща -|locatedIn|Луцьк", "Безпечний кордон|partOf|Польща -"},
    ),
    _r(
        "en-fund-as-agent",
        "mentions",
        "loaders/patterns.py",
        "An English name ending in 'Fund' right after 'by (the)' is the body that acts ('funded by the Rockefeller "
        "Brothers Fund'), an organisation, not a programme; 'grants from the Ukraine Recovery Fund' stays a programme.",
        "The project «Green Schools» is supported by the Ukrainian Cultural Fund.",
        {"Ukrainian Cultural Fund|funds|Green Schools"},
    ),
    _r(
        "more-org-head-words",
        "mentions",
        "ontology/data/org_head_words.csv",
        "Bodies named without quotes by an assembly, confederation, congress, league, mission, "
        "movement, editorial office or publishing house are organisations like those named by an "
        "association or a union ('є Національна асамблея осіб з інвалідністю України'). 'Секретаріат' is left out: "
        "the secretariat of a programme is read by the office-of-initiative rule; 'Посольство' and 'Представництво' too: "
        "an embassy is its state's government ('Посольства Великобритании').",
        "Партнером проєкту «Громада без бар'єрів» є Національна асамблея осіб з інвалідністю України.",
        {"Національна асамблея осіб з інвалідністю України|implements|Громада без бар'єрів"},
    ),
    _r(
        "en-hromada-adjective",
        "linking",
        "loaders/narrative/latin.py",
        "An English page names a hromada by its Ukrainian adjective transliterated ('the Shyrokivska community', "
        "'Novoukrainska hromada'): the adjective without '-ska/-tska/-zka' is the hromada's stem.",
        "The USAID HOVERLA Activity supported the Shyrokivska community in Zaporizhzhia Oblast.",
        {"Програма USAID «ГОВЕРЛА»|locatedIn|Широківська сільська територіальна громада"},
    ),
    _r(
        "en-hromada-namesake-oblast",
        "linking",
        "loaders/narrative/latin.py",
        "Hromadas of one stem or one centre's name lie in several oblasts (Широківська in Zaporizhzhia, Mykolaiv, "
        "Dnipropetrovsk oblasts): an English page's oblast chooses among them, as it does among namesake towns.",
        "The USAID HOVERLA Activity supported the Shyroke community in Zaporizhzhia Oblast.",
        {"Програма USAID «ГОВЕРЛА»|locatedIn|Широківська сільська територіальна громада"},
        {"Програма USAID «ГОВЕРЛА»|locatedIn|Широківська селищна територіальна громада"},
    ),
    _r(
        "dateline-with-date",
        "structure",
        "loaders/narrative/latin.py",
        "A press release's dateline may carry its date after the place ('KYIV, 12 March 2024 –', 'KYIV, March 12, "
        "2024 —'): the place only says where the release was written, as in 'LANCASTER, Wis. —'.",
        "KYIV, 12 March 2024 – The EU-funded «Warm Schools» project opened in the Novoukrainka community.",
        {"Warm Schools|locatedIn|Новоукраїнська міська територіальна громада", "Європейський Союз|funds|Warm Schools"},
        {"Warm Schools|locatedIn|Київ"},
    ),
    _r(
        "name-then-known-acronym",
        "linking",
        "loaders/narrative/extractor.py",
        "An initiative's name followed by a known initiative's acronym in brackets is that initiative when half the "
        "name's words stand in one of its names ('the project Decentralization for Development of Democratic "
        "Education (DECIDE)' was a second project beside DECIDE); a bracket naming another programme ('the Warm "
        "Schools project (U-LEAD)') keeps the two apart.",
        "The Swiss Agency for Development and Cooperation (SDC) funds the project Decentralization for Development "
        "of Democratic Education (DECIDE).",
        {"Швейцарська агенція розвитку та співробітництва|funds|Децентралізація для розвитку демократичної освіти"},
        {
            "Швейцарська агенція розвитку та співробітництва|funds|"
            "Decentralization for Development of Democratic Education"
        },
    ),
    _r(
        "item-opens-with-name",
        "mentions",
        "loaders/narrative/openworld.py",
        "A list row that opens with one name and closes with its country in brackets ('Раквере (Естонія)', "
        "'1. Раквере (Естонія)') names a town of that country, though its name is the line's first capitalised word; "
        "a word the Ukrainian dictionary knows is not read so.",
        "Міста-партнери Луцька:\nЛюблін (Польща)\nРаквере (Естонія)\n",
        {"Луцьк|partnerOf|Раквере", "Раквере|inCountry|Естонія"},
    ),
    _r(
        "list-runs-on-items",
        "structure",
        "loaders/narrative/extractor.py",
        "A partner list stays open while its rows name towns abroad: each row that names one keeps the next three "
        "short lines in the list, however many rows the list has.",
        "Міста-партнери\n\nЛуцька міська територіальна громада\n\nЛюблін (Польща)\nОльштин (Польща)\nХелм (Польща)\n"
        "Раквере (Естонія)\n",
        {"Луцька міська територіальна громада|partnerOf|Раквере"},
    ),
    _r(
        "list-runs-past-unknown-item",
        "structure",
        "loaders/narrative/extractor.py",
        "A row of a partner list whose town is not read ('Ліда (Білорусь)', '— Ґміна Вішнице') is still a row: the "
        "rows after it belong to the same list and the same community.",
        "Міста-партнери\n\nЛуцька міська територіальна громада\n\nЛюблін (Польща)\nОльштин (Польща)\nХелм (Польща)\n"
        "Ліда (Білорусь)\nРаквере (Естонія)\n",
        {"Луцька міська територіальна громада|partnerOf|Раквере"},
    ),
    _r(
        "bare-list-item",
        "mentions",
        "loaders/narrative/openworld.py",
        "A bulleted row of a partner list that is only a name ('— Влодава', '• Седльце') is a town abroad when its "
        "spelling in Latin letters is a town of a country Ukrainian communities twin with.",
        "Ковель має партнерські відносини з такими містами:\n\n— Хелм\n— Влодава\n— Ліда\n— Тчев\n",
        {"Ковель|partnerOf|Володава", "Ковель|partnerOf|Тчев"},
    ),
    _r(
        "russian-adjective-vowel",
        "linking",
        "loaders/narrative/russian.py",
        "The Russian adjective of a town may bring back a vowel the name drops ('Черновцы' -> 'Черновицкий', 'Ровно' "
        "-> 'Ровенский', 'Прилуки' -> 'Прилуцкий'): 'Черновицкий городской голова' is the head of Chernivtsi.",
        "Визит делегации. Черновицкий городской голова подписал меморандум о сотрудничестве с Клагенфуртом — городом "
        "в Австрии. Это уже третий документ, который был подписан.",
        {"Чернівецька міська територіальна громада|partnerOf|Клагенфурт"},
    ),
    _r(
        "head-of-town",
        "linking",
        "loaders/gazetteer/index.py",
        "A head's title right before a town in an oblique case ('Міський голова Долини Іван Дирів') names the town, "
        "as a settlement-type word does, though its name is also a listed common word ('Долина').",
        "Новини\n\nМіський голова Долини Іван Дирів привітав гостей.\n\nМеморандум про співпрацю з Ліманова (Польща) — "
        "підписано у 2019 році.",
        {"Долина|partnerOf|Ліманова"},
    ),
    _r(
        "possessive-partner-owner",
        "discourse",
        "loaders/narrative/extractor.py",
        "A partner noun owned by a pronoun ('її', 'його', 'їхні') in a sentence that names no Ukrainian community is "
        "owned by the one community the sentence before, in the same paragraph, names; not by the page's home.",
        "Ковельська громада співпрацює з польськими колегами. Її побратими: Хелм і Тчев.\n\nВолодимирська громада має "
        "свої зв'язки. Серед її партнерів — Грубешів (Польща).",
        {"Володимирська міська територіальна громада|partnerOf|Грубешів"},
        {"Ковельська міська територіальна громада|partnerOf|Грубешів"},
    ),
    _r(
        "co-subjects-with-country",
        "relations",
        "loaders/narrative/extractor.py",
        "Ukrainian communities coordinated as the subjects of a sentence whose other side, after 'з', is a country "
        "abroad ('Луцьк і Ковель розвивають співпрацю з Польщею') are not each other's partners.",
        "Огляд\n\nЛуцьк і Ковель розвивають співпрацю з Польщею. Партнер Луцька — Люблін (Польща).",
        {"Луцьк|partnerOf|Люблін"},
        {"Луцьк|partnerOf|Ковель", "Ковель|partnerOf|Луцьк"},
    ),
    _r(
        "dash-pairs",
        "relations",
        "loaders/narrative/extractor.py",
        "Pairs written with a dash alone ('Івано-Франківськ — Ряшів, Калуш — Ніско') pair each community with the "
        "partners after its dash, up to the next community; the communities are not each other's partners.",
        "Партнерства міст Прикарпаття: Івано-Франківськ — Ряшів, Калуш — Ніско, Коломия — Ниса.",
        {"Калуш|partnerOf|Ніско", "Коломия|partnerOf|Ниса"},
        {"Івано-Франківськ|partnerOf|Калуш", "Калуш|partnerOf|Ниса"},
    ),
    _r(
        "ru-small-town-by-structure",
        "linking",
        "loaders/narrative/russian.py",
        "On a Russian page a small town's one-word name (under 40,000 people) is read where the structure names a "
        "place: alone on its line (the page's heading), after 'между' in a partnership sentence, or coordinated with "
        "a town abroad as a side of the partnership ('Самбор и Кросно подписали меморандум').",
        "Новости\n\nСамбор и Кросно подписали меморандум о сотрудничестве — это уже третий документ, который был "
        "подписан городами.",
        {"Самбір|partnerOf|Кросно"},
    ),
    _r(
        "partner-rows",
        "structure",
        "loaders/narrative/extractor.py",
        "Under a partner row that opens with a town abroad ('Люблін, Польща — угода про партнерство від 1992 року'), "
        "the next short line that opens with a town abroad is one more row of the same list, of the same community, "
        "whatever words it uses for the agreement.",
        "Луцька міська рада\n\nМіжнародна співпраця\n\nЛюблін, Польща — угода про партнерство від 1992 року\n"
        "Раквере, Естонія — меморандум від 2021 року\n",
        {"Луцька міська територіальна громада|partnerOf|Раквере"},
    ),
    _r(
        "cell-row",
        "mentions",
        "loaders/narrative/openworld.py",
        "A table row whose first cell is a name and whose next cell is a country abroad ('| Раквере | Естонія | 2021 "
        "|') names a town of that country, as a dash row does.",
        "Луцька міська рада\n\nМіста-партнери громади\n\n| Місто | Країна | Рік |\n|---|---|---|\n"
        "| Люблін | Польща | 1992 |\n| Раквере | Естонія | 2021 |\n",
        {"Луцька міська територіальна громада|partnerOf|Раквере", "Раквере|inCountry|Естонія"},
    ),
    _r(
        "venue-apposed-twin",
        "relations",
        "loaders/narrative/extractor.py",
        "A town abroad named as where something happened ('у Кельце') is the partner when an apposition calls it the "
        "partner town ('у Кельце — місті-партнері громади', 'у Ченстохові, місті-побратимі').",
        "Житомир\n\nЖитомирські школярі відпочивали у Кельце — місті-партнері громади.",
        {"Житомир|partnerOf|Кельце"},
    ),
    _r(
        "headline-sections",
        "discourse",
        "loaders/narrative/extractor.py",
        "A digest whose items open with one-line headlines led by their community ('Калуська громада приймала гостей "
        "з Литви') reads each item's partners abroad, named without a Ukrainian community, as that community's, not "
        "as the first item's.",
        "Дайджест міжнародної співпраці громад\n\nКоломийська громада поглиблює співпрацю з польськими партнерами\n\n"
        "Документи: меморандум про співпрацю — Ниса (Польща).\n\nКалуська громада приймала гостей з Литви\n\n"
        "Гості відвідали підприємства громади.\n\nУгода про партнерство — Біржай (Литва).",
        {"Калуська міська територіальна громада|partnerOf|Біржай"},
        {"Коломийська міська територіальна громада|partnerOf|Біржай"},
    ),
    _r(
        "signed-lead-items",
        "relations",
        "loaders/narrative/extractor.py",
        "The items after a signed act's colon ('Підписано меморандум: медьє Саболч-Сатмар-Берег (Угорщина); "
        "Пряшівський край (Словаччина)') are the other sides of the act; the page's home signs with each.",
        "Закарпаття розвиває міжрегіональну співпрацю\n\nЗакарпатська обласна державна адміністрація.\n\n"
        "Підписано меморандум: медьє Саболч-Сатмар-Берег (Угорщина); Пряшівський край (Словаччина).",
        {"Закарпатська область|partnerOf|Пряшівський край"},
    ),
    _r(
        "two-cities-anaphor",
        "discourse",
        "loaders/narrative/extractor.py",
        "'The two cities', 'between the cities', 'между нашими городами' in a partnership sentence refer to the one "
        "town abroad the page named before and the page's home, as 'між містами' does.",
        "Ternopil delegation visits Elbląg\n\nA delegation of the Ternopil City Council visited Elbląg last week.\n\n"
        "The visit focused on education and culture.\n\nThe two cities have been partners since 2001.",
        {"Тернопіль|partnerOf|Ельблонг"},
    ),
    _r(
        "community-line-owns-items",
        "discourse",
        "loaders/narrative/extractor.py",
        "Partner items right under a line that names one community alone ('Бердичівська міська територіальна "
        "громада' / 'Жешув (Польща)') are that community's partners, not the page's home's; the list runs on under it.",
        "Житомир і громади області: міжнародні партнери\n\nЖитомир має партнерів у Польщі, Франції та Німеччині.\n\n"
        "Бердичівська міська територіальна громада\n\nЖешув (Польща)\n",
        {"Бердичівська міська територіальна громада|partnerOf|Жешув"},
        {"Житомир|partnerOf|Жешув"},
    ),
    _r(
        "ru-fleeting-vowel-ets",
        "mentions",
        "loaders/russian_cases.py, loaders/narrative/russian.py",
        "A Russian town name in -ец drops its vowel in its case forms and takes a stressed 'ом' in the instrumental "
        "('Трускавец' -> 'Трускавца', 'Трускавцом'); a small town's name after 'с' in a partnership sentence is the "
        "town, as after 'между', and no foreign village the Ukrainian reader guessed from the bare stem.",
        "Город Дрогобыч подписал соглашение о побратимстве с Трускавцом.",
        {"Дрогобич|partnerOf|Трускавець"},
        {"Дрогобич|partnerOf|Трускавц"},
    ),
    _r(
        "ru-ets-adjective-unit",
        "mentions",
        "loaders/narrative/russian.py",
        "The adjective of a town in -ец keeps the vowel and adds 'к' ('Кременец' -> 'Кременецкий'), so its council "
        "or hromada named in Russian is the town's hromada; 'городская рада' on a mixed page is a council too.",
        "Кременецкий городской совет подписал соглашение о партнерстве с польским городом Бжозув. "
        "Ровенская городская рада подписала меморандум о сотрудничестве с городом Жешув (Польша).",
        {
            "Кременецька міська територіальна громада|partnerOf|Березів",
            "Рівненська міська територіальна громада|partnerOf|Жешув",
        },
    ),
    _r(
        "ru-first-name-before-surname",
        "mentions",
        "loaders/narrative/russian.py",
        "On a Russian page a capitalised word right before a surname-like word ('-ов', '-ин', '-ская', '-енко') is a "
        "first name, not a town abroad listed among the partners.",
        "Меморандум о партнерстве между Днепром и Лодзью подписали Борис Филатов и Ханна Здановская.",
        {"Дніпро|partnerOf|Лодзь"},
        {"Дніпро|partnerOf|Ханна", "Ханна|inCountry|Індія"},
    ),
    _r(
        "programme-name-countries",
        "mentions",
        "loaders/narrative/extractor.py",
        "Countries joined by dashes right after a programme's trigger ('Interreg NEXT Польща – Білорусь – Україна', "
        "'програми Румунія – Молдова – Україна') are words of the programme's name, not countries of the text; "
        "after a Latin name they end it.",
        "Проєкт «Чисте Полісся» Ковельської громади реалізується в рамках програми Interreg NEXT "
        "Польща – Білорусь – Україна.",
        {"Чисте Полісся|partOf|Interreg NEXT Польща - Білорусь - Україна"},
        {"Чисте Полісся|locatedIn|Білорусь", "Чисте Полісся|locatedIn|Польща"},
    ),
    _r(
        "longer-name-not-misspelt",
        "linking",
        "loaders/gazetteer/index.py",
        "A town abroad is not read as a misspelling of a shorter name it starts with when the rest is no case "
        "ending: 'Ольштинек' is the Polish Olsztynek, not Ольштин ('Ольштином' still is).",
        "Житомир підписав угоду про партнерство з польським містом Ольштинек.",
        {"Житомир|partnerOf|Ольштинек"},
        {"Житомир|partnerOf|Ольштин"},
    ),
)
