"""Generated Ukrainian narrative documents for the extraction benchmark.

Sentences follow the patterns of municipal news, reports and development plans ("за підтримки
X в рамках програми «Y» у Z реалізовано проєкт «W»", twinning agreements, plan paragraphs)
filled with real names from :mod:`bench.refdata`. The same sentence builders give the evidence
sentences of the synthetic graph (:mod:`bench.synth`). Deterministic for a seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from bench import refdata

ACTIONS = (
    "Реконструкція", "Капітальний ремонт", "Термомодернізація", "Будівництво", "Облаштування",
    "Модернізація", "Створення", "Відновлення", "Енергоефективна модернізація",
)  # fmt: skip
OBJECTS = (
    "закладу дошкільної освіти", "амбулаторії загальної практики сімейної медицини", "водогону",
    "центру надання адміністративних послуг", "молодіжного простору", "спортивного майданчика",
    "системи вуличного освітлення", "котельні", "укриття в ліцеї", "сільського будинку культури",
    "очисних споруд", "публічної бібліотеки", "інклюзивно-ресурсного центру", "пожежного депо",
    "центру безпеки громадян", "сонячної електростанції", "мережі водовідведення", "парку відпочинку",
    "ринку місцевих виробників", "коворкінгу для ветеранів", "опорної школи", "початкової школи",
)  # fmt: skip
ORGS = (
    "ГО «Агенція розвитку громади»", "ГО «Фундація місцевої демократії»", "БФ «Відродження громад»",
    "ГО «Енергоефективні громади»", "КП «Водоканал»", "ГО «Центр розвитку молоді»",
    "Асоціація органів місцевого самоврядування", "ГО «Інститут розвитку територій»",
)  # fmt: skip
FILLER = (
    "Метою плану є підвищення конкурентоспроможності місцевої економіки та створення нових робочих місць.",
    "Протягом {year} року обсяг капітальних інвестицій зріс на {pct}% і становив {mln} млн грн.",
    "Чисельність наявного населення громади на 1 січня {year} року становила {people} осіб.",
    "Робоча група провела {n} засідань, на яких обговорено пріоритети розвитку та джерела фінансування.",
    "Основними проблемами залишаються зношеність мереж теплопостачання та низька енергоефективність будівель.",
    "Громада має вигідне географічне розташування, розвинену транспортну мережу та значний людський потенціал.",
    "Аналіз сильних і слабких сторін показав потребу в підтримці малого та середнього підприємництва.",
    "У закладах освіти навчається {people} дітей, з них {n} потребують підвезення до місця навчання.",
    "Бюджет розвитку у {year} році склав {mln} млн грн, що на {pct}% більше, ніж попереднього року.",
    "Очікуваними результатами є скорочення споживання енергії на {pct}% та зменшення викидів парникових газів.",
    "Виконавцями заходів визначено структурні підрозділи виконавчого комітету та комунальні підприємства.",
    "Моніторинг виконання плану здійснюється щороку, звіт оприлюднюється на офіційному вебсайті ради.",
)  # fmt: skip
HEADINGS = (
    "ПЛАН МІСЦЕВОГО ЕКОНОМІЧНОГО РОЗВИТКУ", "ЗВІТ ПРО ВИКОНАННЯ ПРОГРАМИ СОЦІАЛЬНО-ЕКОНОМІЧНОГО РОЗВИТКУ",
    "СТРАТЕГІЯ РОЗВИТКУ", "НОВИНИ ГРОМАДИ", "ІНФОРМАЦІЙНА ДОВІДКА ПРО МІЖНАРОДНЕ СПІВРОБІТНИЦТВО",
)  # fmt: skip


@dataclass(frozen=True)
class Project:
    key: str  # name key of the label
    label: str


def project(rng: random.Random, hromada: refdata.Hromada) -> Project:
    """A project name as documents write it: action, object and the village or town."""
    from loaders.base import name_key

    place = rng.choice(hromada.settlements) if hromada.settlements else hromada.adjective
    label = f"{rng.choice(ACTIONS)} {rng.choice(OBJECTS)} у населеному пункті {place}"
    return Project(name_key(label), label)


# --------------------------------------------------------------------------- sentences with facts


def funds_sentence(
    rng: random.Random, donor: refdata.Donor, program: refdata.Program, hromada: refdata.Hromada, proj: Project
) -> str:
    """One sentence saying: donor funds project, project part of program, located in hromada."""
    year = rng.randint(2016, 2024)
    return rng.choice(
        (
            f"За підтримки {donor.genitive_uk} ({donor.acronym}) в рамках програми «{program.label_uk}» "
            f"у {hromada.locative} реалізовано проєкт «{proj.label}».",
            f"У {year} році коштом {donor.genitive_uk} профінансовано проєкт «{proj.label}», який впроваджується "
            f"в {hromada.locative} в межах програми «{program.label_uk}».",
            f"Проєкт «{proj.label}» ({hromada.label}) здійснюється в рамках програми «{program.label_uk}» "
            f"за фінансової підтримки {donor.genitive_uk}.",
        )
    )


def implements_sentence(rng: random.Random, org: str, program: refdata.Program, hromada: refdata.Hromada) -> str:
    return f"{org} впроваджує програму «{program.label_uk}» у {hromada.locative} ({hromada.oblast_label})."


def partner_sentence(rng: random.Random, hromada: refdata.Hromada, city: refdata.City) -> str:
    year = rng.randint(1995, 2024)
    return rng.choice(
        (
            f"У {year} році {hromada.label} підписала угоду про партнерство з містом {city.label_uk} "
            f"({city.country_uk}).",
            f"Містом-побратимом {hromada.genitive} є {city.label_uk} ({city.country_uk}), співпраця триває з "
            f"{year} року.",
            f"Між {hromada.instrumental} та містом {city.label_uk} ({city.country_uk}) укладено меморандум про "
            f"співробітництво.",
        )
    )


def filler(rng: random.Random) -> str:
    return rng.choice(FILLER).format(
        year=rng.randint(2015, 2024),
        pct=rng.randint(2, 60),
        mln=round(rng.uniform(1, 900), 1),
        people=rng.randint(800, 250000),
        n=rng.randint(2, 40),
    )


# --------------------------------------------------------------------------- documents


def document(rng: random.Random, target_chars: int) -> str:
    """One document of about ``target_chars`` characters: heading, paragraphs of facts and filler."""
    donors, programs = refdata.donors(), refdata.programs()
    by_id = {d.id: d for d in donors}
    hromadas, cities = refdata.hromadas(), refdata.partner_cities()
    home = rng.choice(hromadas)
    parts = [f"{rng.choice(HEADINGS)}\n{home.label.upper()}\n{home.oblast_label}\n"]
    size = len(parts[0])
    while size < target_chars:
        paragraph = []
        for _ in range(rng.randint(3, 7)):
            roll = rng.random()
            hromada = home if rng.random() < 0.7 else rng.choice(hromadas)
            if roll < 0.3:
                program = rng.choice(programs)
                donor = by_id.get(program.donor) or rng.choice(donors)
                paragraph.append(funds_sentence(rng, donor, program, hromada, project(rng, hromada)))
            elif roll < 0.4:
                paragraph.append(implements_sentence(rng, rng.choice(ORGS), rng.choice(programs), hromada))
            elif roll < 0.5:
                paragraph.append(partner_sentence(rng, hromada, rng.choice(cities)))
            else:
                paragraph.append(filler(rng))
        text = " ".join(paragraph) + "\n\n"
        parts.append(text)
        size += len(text)
    return "".join(parts)


def write_corpus(folder: Path, total_bytes: int, seed: int = 7, doc_chars: tuple[int, int] = (8000, 60000)) -> dict:
    """Write ``.txt`` documents totalling about ``total_bytes`` of UTF-8 into ``folder``; returns counts."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    written = n = 0
    while written < total_bytes:
        text = document(rng, rng.randint(*doc_chars))
        data = text.encode("utf-8")
        (folder / f"doc_{n:05d}.txt").write_bytes(data)
        written += len(data)
        n += 1
    return {"documents": n, "bytes": written}
