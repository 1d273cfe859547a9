"""Foreign partners no gazetteer knows, recognised by how the text announces them.

Twinning news names many partners that are not GeoNames towns: "гміна Біща", "повіт Ліманова",
"округ Ґрант (США)", "кантон Во", small towns in a list closed by their country ("Лович, Кутно,
Скерневіце (Польща)"). Such a name is a foreign municipality or region because of its *structure*:

- rule ``unit-word``: a word for a municipality or region abroad (``lang/uk/foreign_units.csv``)
  followed by a capitalised name: "з гміною Біща", "повітом Ліманова";
- rule ``adjective-unit``: a capitalised adjective before such a word: "з Укмерзьким районом";
- rule ``country-bracket``: a run of capitalised names closed by a country in brackets:
  "Лович, Кутно, Скерневіце (Польща)" — every item of the run is in that country.

Only sentences that speak of a partnership are read (the caller decides), and only spans no
gazetteer match covers. The result is a :class:`PlaceMatch` with one synthetic :class:`Place`
(key ``partner:<cc>-<slug>``, no external identifier), so the rest of the loader treats it like
any place abroad; the country comes from the bracket, a country adjective, or is left unknown.

Two companion rules stop reference places from being read as partners:

- rule ``bracket-locator``: "Солт Лейк Сіті (Юта, США)": places inside the bracket after a
  partner only locate it;
- rule ``genitive-chain``: "гміна Громадка Болеславецького повіту Нижньосілезького воєводства":
  regions in the genitive right after a partner only locate it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from loaders.base import name_key
from loaders.gazetteer.model import Place, PlaceMatch
from loaders.morph import INSTRUMENTAL_NOMINATIVE

LANG = Path(__file__).resolve().parents[1] / "lang"
_UP = "A-ZА-ЯІЇЄҐÀ-ÖØ-Þ"
_NAME_WORD = rf"[{_UP}][\w'’]*(?:-[\w'’]+)*"
# up to four capitalised words ("Солт Лейк Сіті", "Зелонкі-Пшибишевські", "Назарет Ілліт")
# lower-case particles inside a name abroad: "Freiburg im Breisgau", "Frankfurt am Main", "Newcastle upon Tyne"
_PARTICLE = r"(?:im|am|an\s+der|ob\s+der|upon|on|de|del|della|di|da|la|le|sur|nad|pod|над|під|пiд|ам|ан-дер)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,3}}"
_LIST_SEP = re.compile(r"\s*,\s*|\s+(?:та|і|й|and)\s+|\s*,\s*(?:та|і|й|and)\s+")


@dataclass(frozen=True)
class UnitWord:
    pattern: str
    nominative: str
    example: str


@lru_cache(maxsize=4)
def unit_words(lang: str = "uk") -> tuple[UnitWord, ...]:
    with open(LANG / lang / "foreign_units.csv", encoding="utf-8", newline="") as fh:
        return tuple(UnitWord(r["pattern"], r["nominative"], r["example"]) for r in csv.DictReader(fh))


@lru_cache(maxsize=4)
def _unit_regex(lang: str = "uk") -> re.Pattern:
    # "Місто Фалешти (Молдова) – 2012 р.", "Гміна Баранув-Сандомирський": a list item starts with the unit word
    alts = "|".join(
        f"(?P<u{i}>[{u.pattern[0]}{u.pattern[0].upper()}]{u.pattern[1:]})" for i, u in enumerate(unit_words(lang))
    )
    return re.compile(rf"(?<![\w])(?:{alts})\s+(?P<name>{_NAME})", re.UNICODE)


class AdjectiveUnit(NamedTuple):
    pattern: str
    nominative: str
    gender: str  # m | f | n: the ending of the adjective in the name ("Тчевський повіт", "Підкарпатське воєводство")
    example: str


@lru_cache(maxsize=4)
def adjective_units(lang: str = "uk") -> tuple[AdjectiveUnit, ...]:
    """Unit words named by an adjective before them ("Кошицьким самоврядним краєм"), from
    ``loaders/lang/<lang>/adjective_units.csv`` (longer units first)."""
    with open(LANG / lang / "adjective_units.csv", encoding="utf-8", newline="") as fh:
        return tuple(
            AdjectiveUnit(r["pattern"], r["nominative"], r["gender"], r["example"]) for r in csv.DictReader(fh)
        )


_ADJ = rf"[{_UP}][\w'’-]*(?:ськ|цьк|зьк|ск|цк|зк)\w*"


@lru_cache(maxsize=4)
def _adjective_unit_regex(lang: str = "uk") -> re.Pattern:
    """One or more coordinated adjectives and a unit word: "Пряшівським і Кошицьким самоврядними краями"."""
    alts = "|".join(f"(?P<u{i}>{u.pattern})" for i, u in enumerate(adjective_units(lang)))
    adjs = rf"{_ADJ}(?:\s*,\s*{_ADJ})*(?:\s+(?:і|та|й|и)\s+{_ADJ})?"
    return re.compile(rf"(?<![\w])(?P<adjs>{adjs})\s+(?:{alts})(?![\w])", re.UNICODE)


def _row_of(m: re.Match, rows: tuple):
    """The table row whose group ("u<i>") matched in a regex built from ``rows``."""
    for i, row in enumerate(rows):
        if m.group(f"u{i}") is not None:
            return row
    raise AssertionError("no unit group matched")


def iso_code(country: Place) -> str:
    """The ISO 3166 code of a gazetteer country ("country:PL" -> "PL")."""
    return country.country or country.key.split(":", 1)[1]


def country_at(matches: list[PlaceMatch], start: int, end: int | None = None) -> str | None:
    """ISO code of the country a match starting at ``start`` (and ending at ``end``, if given) names, or None."""
    for pm in matches:
        if (
            pm.start == start
            and (end is None or pm.end == end)
            and pm.candidates
            and pm.candidates[0].type == "Country"
        ):
            return iso_code(pm.candidates[0])
    return None


# unit words of a town, not a region: "з містом Сен-Еблен в Атлантичній Луарі" is a town the region after it locates
_CITY_UNITS = frozenset({"гміна", "містечко", "комуна", "місто", "город", "місто-партнер", "гмина", "коммуна"})


def _synthetic(name: str, unit: str | None, country: str | None) -> Place:
    label = name.strip()
    names = {label} | ({f"{unit} {label}"} if unit else set())
    cc = country or "xx"
    return Place(
        key=f"partner:{cc.lower()}-{name_key(label)}",
        type="PartnerCity",
        label=label,
        label_en=None,
        names=tuple(sorted(names)),
        identifiers={},
        category="foreign_region" if unit and unit not in _CITY_UNITS else "foreign_city",
        country=country,
        parents=(),
    )


_AS_WRITTEN_RULES = frozenset({"country-bracket", "partner-list", "country-list", "comma-country"})
# the unit words of a town, after which a name of two words may sound as a town abroad ("міста-партнера Сталева Воля")
_TOWN_UNITS = frozenset({None, "місто", "город", "містечко", "місто-партнер"})
_LIST_BACK = re.compile(rf"(?:{_NAME_WORD}(?:\s*\([^()]{{1,60}}\))?\s*(?:,\s*(?:(?:та|і|й)\s+)?|\s+(?:та|і|й)\s+))*$")
# "з Бжозувом", and "укладено з: Бжозувом, Ніском …" (a list after "з" and a colon)
_CASE_BEFORE = re.compile(r"(?<![\w'’-])(?P<prep>з|із|зі|між|поміж|від|до|для|біля)(?:\s*:)?\s+$", re.IGNORECASE)


def _nominative_name(norm: str, start: int, name: str) -> str:
    """Rule ``name-in-its-case``: "з Жарновцем (Польща)", "між Житомиром та Ковальдорфом (Німеччина)": a name no
    gazetteer knows, after a preposition that governs a case (its list's first item after it), is labelled in the
    nominative: the dictionary's guess for that case when it keeps the name's stem, else the instrumental's
    ending taken off."""
    from loaders.morph import guess_nominative

    if " " in name or not re.fullmatch(r"[А-ЯІЇЄҐ][\w'’-]+", name):
        return name
    lead = _LIST_BACK.search(norm, 0, start)
    prep = _CASE_BEFORE.search(norm, 0, lead.start() if lead else start)
    if prep is None:
        return name
    word = name.lower()
    instrumental = word.endswith(tuple(INSTRUMENTAL_NOMINATIVE))
    case = "ablt" if prep.group("prep").lower() in ("між", "поміж") or instrumental else "gent"
    lemma = guess_nominative(word, case)
    return _capitalised_like(name, lemma) if lemma else name


def _capitalised_like(written: str, lemma: str) -> str:
    """ "Сен-Мареном", "сен-марен" -> "Сен-Марен": each part capitalised as written."""
    parts = lemma.split("-")
    written_parts = written.split("-")
    return "-".join(
        (p[:1].upper() + p[1:]) if k < len(written_parts) and written_parts[k][:1].isupper() else p
        for k, p in enumerate(parts)
    )


def _fields(place: Place) -> dict:
    import dataclasses

    return {f.name: getattr(place, f.name) for f in dataclasses.fields(place)}


_POST_ADJECTIVE = re.compile(r"[\w'’-]+(?:ськ|цьк|зьк)(?:ий|ого|ому|им|ім|е|ій|ою|у)")
_POST_ADJECTIVE_RU = re.compile(r"[\w'’-]+(?:ск|цк)(?:ий|ой|ого|ому|им|ом|ое|ая|ую)")
_RU_ADJECTIVE_UNITS = {"воеводство": "n", "повят": "m", "район": "m", "округ": "m", "регион": "m", "край": "m"}


def _nominative_adjective(adj: str, unit: str, gender: str | None = None, lang: str = "uk") -> str:
    """'Укмерзьким' + район -> 'Укмерзький'; a guess by ending, kept as written when unsure."""
    if gender is None:
        gender = "n" if unit in ("воєводство",) else "m"
    if lang == "ru":
        stem = re.sub(r"(?:ими|ыми|их|ых|ий|ый|ого|ому|им|ым|ом|ой|ая|ое|ую|ые|ие)$", "", adj)
        return adj if stem == adj else stem + {"n": "ое", "f": "ая"}.get(gender, "ий")
    stem = re.sub(r"(?:ими|их|ий|ого|ому|им|ім|ій|і|а|ої|у|ою|е|ої)$", "", adj)
    if stem == adj:
        return adj
    return stem + {"n": "е", "f": "а"}.get(gender, "ий")


# the rules whose country is stated right beside the name: a Ukrainian village's name there is a town of that country
_VILLAGE_ABROAD_RULES = frozenset({"comma-country", "country-list", "heading-item", "dash-row", "unit-word"})


def _ukrainian_village(pm: PlaceMatch) -> bool:
    """The gazetteer knows the match only as Ukrainian villages or settlements (not a town or a hromada)."""
    return bool(pm.candidates) and all(
        c.type == "Community" and c.category in ("village", "settlement") for c in pm.candidates
    )


def _village_name(name: str, gaz) -> bool:
    """The gazetteer knows ``name`` (a nominative) only as Ukrainian villages or settlements."""
    try:
        found = gaz.lookup(name)
    except Exception:
        return False
    return bool(found) and all(p.type == "Community" and p.category in ("village", "settlement") for p in found)


def _village_abroad(pm: PlaceMatch, cc: str, gaz, label: str | None = None) -> None:
    """Make a match the gazetteer read as a Ukrainian village the town of country ``cc`` of that name: looked up
    there by its Latin spelling, else kept unlinked. ``label``: the name as written (nominative), else the
    village's own nominative when the text wrote another case."""
    if not _ukrainian_village(pm):
        return
    if label is None:
        village = pm.candidates[0].label
        label = pm.surface if name_key(pm.surface) == name_key(village) else village
    found, _score = gaz._latin_lookup(label, cc) if hasattr(gaz, "_latin_lookup") else (None, 0)
    place = found or _synthetic(label, None, cc)
    pm.candidates = [Place(**{**_fields(place), "names": tuple(sorted({*place.names, pm.surface}))})]
    pm.kind = "foreign"
    pm.extra = {**(pm.extra or {}), "country": cc}


def _covered(start: int, end: int, matches: list[PlaceMatch]) -> bool:
    return any(pm.candidates and pm.start < end and start < pm.end for pm in matches)


def _last_words_abroad(start: int, end: int, taken: list[PlaceMatch], matches: list[PlaceMatch]) -> list[PlaceMatch]:
    """The gazetteer's place abroad that is only the last word(s) of the name at ``start``-``end`` ("Воля" of
    "Сталева Воля"), as the one match overlapping it; else an empty list."""
    over = [pm for pm in taken if pm.candidates and pm.start < end and start < pm.end]
    if len(over) != 1:
        return []
    pm = over[0]
    if pm.kind != "foreign" or pm not in matches or pm.end != end or pm.start <= start:
        return []
    return over


_BRACKET_NAMES = re.compile(rf"\s*(?:{_NAME_WORD}\s*,\s*)?{_NAME_WORD}(?:\s+{_NAME_WORD})?\s*")


def _country_in(text: str, gaz) -> str | None:
    """ISO code of the last country named in a bracket's text ("Юта, США" -> US): only for a bracket of one or
    two capitalised names (not "(CTIP)", "(2021–2025)" or a clause), read once per text."""
    if not _BRACKET_NAMES.fullmatch(text) or text.strip().isupper() and len(text.strip()) > 3:
        return None
    state = _STATE_NAME.fullmatch(text.strip())
    if state is not None and gaz is not None:
        # "(Швейцарська Конфедерація)", "(Французька Республіка)": the country's adjective and its state word
        cc = gaz._country_cue(state.group(1).lower())
        if cc:
            return cc
    return _country_cached(text.strip(), id(gaz), gaz)


_STATE_NAME = re.compile(
    r"([\w'’-]+(?:ськ|цьк|зьк|ск|цк)\w*)\s+(?:Конфедераці\w*|Республік?\w*|Республик\w*|Королівств\w*|Королевств\w*|Федераці\w*)"
)


@lru_cache(maxsize=4096)
def _country_cached(text: str, _gaz_id: int, gaz) -> str | None:
    try:
        found = gaz.find(text)
    except Exception:
        return None
    for pm in reversed(found):
        for c in pm.candidates[:1]:
            if c.type == "Country":
                return iso_code(c)
    return None


def _country_within(matches: list[PlaceMatch], start: int, end: int) -> str | None:
    """The last country the sentence's own matches find inside a span (a bracket)."""
    for pm in sorted(matches, key=lambda pm: pm.start, reverse=True):
        if start <= pm.start and pm.end <= end and pm.candidates and pm.candidates[0].type == "Country":
            c = pm.candidates[0]
            return iso_code(c)
    return None


def open_world_places(
    norm: str,
    matches: list[PlaceMatch],
    gaz,
    list_country: str | None = None,
    lang: str = "uk",
    budget: list[int] | None = None,
) -> list[PlaceMatch]:
    """Partner municipalities and regions abroad that ``matches`` (the gazetteer's) does not cover.

    ``list_country``: the line is an item under a country heading ("Польща:"): its place abroad is
    of that country, known to a gazetteer or not ("Карміель — з 1999 року"). ``lang``: the language
    whose unit words are read (``uk`` or ``ru``, from ``loaders/lang/<lang>/``). ``budget``: how many spelling
    look-ups (rule ``spelled-abroad``) the document has left, decremented here; None for no limit.
    """
    out: list[PlaceMatch] = []
    taken: list[PlaceMatch] = list(matches)

    def add(start: int, end: int, name: str, unit: str | None, country: str | None, rule: str) -> None:
        if len(name) < 2:
            return
        inner = _last_words_abroad(start, end, taken, matches) if " " in name else None
        if _covered(start, end, taken) and not inner:
            if country and country != "UA" and rule in _VILLAGE_ABROAD_RULES and gaz is not None:
                # rule ``village-abroad``: "з містом Ясениця, Польща", "Польща: Березів, Красичин": a name the
                # gazetteer knows only as a Ukrainian village, which the text puts in a country abroad, is that
                # country's town (looked up there by its Latin spelling, else kept unlinked)
                over = [pm for pm in taken if pm.candidates and pm.start < end and start < pm.end]
                if len(over) == 1 and (over[0].start, over[0].end) == (start, end):
                    _village_abroad(over[0], country, gaz, name if rule == "unit-word" else None)
            elif (
                not country
                and rule == "unit-word"
                and unit in ("місто", "город")
                and gaz is not None
                and not _NAMESAKE_ADJ.search(norm, max(0, start - 60), start)  # "з російським містом Орел": not ours
            ):
                # rule ``town-not-village``: "Партнери громади: гміна Красичин, місто Бистриця": a town ("місто") of a
                # name the gazetteer knows only as Ukrainian villages is not one of them (Ukraine's towns are all
                # known as towns): a town abroad, found by its spelling in a twin country, else of unknown country
                over = [pm for pm in taken if pm.candidates and pm.start < end and start < pm.end]
                if len(over) == 1 and (over[0].start, over[0].end) == (start, end) and _ukrainian_village(over[0]):
                    pm = over[0]
                    place = _spelled_town(name, gaz, budget) or _synthetic(name, None, None)
                    pm.candidates = [Place(**{**_fields(place), "names": tuple(sorted({*place.names, pm.surface}))})]
                    pm.kind = "foreign"  # its country is the gazetteer's, not stated: no "country" extra
            return
        if rule in _AS_WRITTEN_RULES and lang == "uk":
            name = _nominative_name(norm, start, name)
        place = _synthetic(name, unit, country)
        sounded = None
        if gaz is not None and unit in _TOWN_UNITS and hasattr(gaz, "_sound_lookup"):
            # "міста Бжег-Дольни": a town of two words that sounds as one of its country's (or, with none named,
            # of the countries Ukrainian communities twin with) is that town ("з Бжегом-Дольним" elsewhere too)
            sounded = gaz._sound_lookup(name, (country,) if country else _TWIN_COUNTRIES)
            if sounded is not None:  # labelled as the document writes it, in the nominative
                place = Place(
                    **{**_fields(sounded), "label": name, "names": tuple(sorted({*sounded.names, *place.names}))}
                )
        if inner and sounded is None:
            return
        pm = PlaceMatch(start, end, norm[start:end], "foreign", [place])
        pm.extra = {"open_world": rule}
        if inner:
            # rule ``whole-name-abroad``: "міста-побратима Сталева Воля (Польща)": the gazetteer's "Воля" (a Polish
            # village) before the country is the last word of the town whose whole name sounds as Stalowa Wola
            pm.extra["replaces"] = [(x.start, x.end) for x in inner]
            taken[:] = [x for x in taken if x not in inner]
        if country:
            pm.extra["country"] = country
        out.append(pm)
        taken.append(pm)

    # names after a unit word ("повітом Тчевським (Польща)") are the unit-word rule's, which names them whole
    after_unit = {m.start("name") for m in _unit_regex(lang).finditer(norm)}
    # rule ``namesake-abroad``: "з польським містом Городок", "делегація литовського міста Біржай": a Ukrainian town's
    # namesake after a country adjective abroad (and a town word) is that country's town, looked up there by its
    # Latin spelling, else kept unlinked in that country
    if gaz is not None:
        for pm in matches:
            c = pm.candidates[0] if pm.candidates else None
            if c is None or c.type != "Community" or c.category in ("oblast", "raion") or pm.role:
                continue
            adj = _NAMESAKE_ADJ.search(norm, max(0, pm.start - 60), pm.start)
            if adj is None:
                continue
            cc = gaz._country_cue(adj.group(1).lower())
            if not cc or cc == "UA":
                continue
            found, score = gaz._latin_lookup(c.label, cc) if hasattr(gaz, "_latin_lookup") else (None, 0.0)
            found = found if score >= 92 else None
            # the name may go on past the namesake ("містом Новий Торг", "Нове Місто над Пилицею"): the whole is the
            # town's name, as written after a unit word
            more = _NAME_GOES_ON.match(norm, pm.end)
            if more is not None and more.end() > pm.end:
                if any(pm.end <= o.start < more.end() for o in matches if o is not pm):
                    continue
                pm.end, pm.surface = more.end(), norm[pm.start : more.end()]
                found = None
            label = c.label if found is None and pm.surface == c.label else pm.surface
            if adj.end() - adj.start() <= len(adj.group(1)) + 1 and more.end() == pm.end:
                label = c.label  # "з польським Городком": the namesake's label is its nominative
            place = found or _synthetic(label, None, cc)
            pm.candidates = [Place(**{**_fields(place), "names": tuple(sorted({*place.names, label, pm.surface}))})]
            pm.kind = "foreign"
            pm.extra = {**(pm.extra or {}), "country": cc}
    # country-bracket: "Лович, Кутно, Скерневіце (Польща)" — walk back over the run before the bracket
    for bm in re.finditer(r"\(([^()]{2,60})\)", norm):
        cc = _country_within(matches, bm.start(1), bm.end(1)) or _country_in(bm.group(1), gaz)
        if cc is None:
            # "Гура-Кальварія (пол. Góra Kalwaria) — місто в Польщі": the name in its own language, and the
            # country the apposition names (else the one the language is spoken in)
            native = _NATIVE_NAME.match(bm.group(1))
            if native is None:
                continue
            cc = _country_after(norm, bm.end(), gaz, matches) or _LANGUAGE_COUNTRY.get(native.group(1).lower())
        if cc is None or cc == "UA":
            continue
        pos = bm.start()
        while pos > 0:
            lo = max(0, pos - 80)
            m = re.search(rf"({_NAME})\s*$", norm[lo:pos])
            if m is None:
                break
            start, end = lo + m.start(1), lo + m.end(1)
            known = [pm for pm in taken if pm.candidates and pm.start < end and start < pm.end]
            if known:
                village = known[0].candidates[0] if len(known) == 1 else None
                if (
                    village is not None
                    and village.type == "Community"
                    and village.category in ("village", "settlement")
                    and pos == bm.start()
                    and (
                        start in after_unit
                        or (known[0].start == start and end > known[0].end)
                        # rule ``village-abroad``: "2. Красичин (Республіка Польща)": a list item closed by its country
                        or ((known[0].start, known[0].end) == (start, end) and _ukrainian_village(known[0]))
                    )
                ):
                    if end > known[0].end:
                        # "Нове Місто над Вагом (Словаччина)": a village's name is only the start of the town's
                        known[0].end, known[0].surface = end, norm[start:end]
                    # "з містом Красник (Польща)": a Ukrainian village's name right before a country abroad, after a
                    # unit word, is that country's town: looked up there by its Latin spelling, else kept unlinked
                    _village_abroad(known[0], cc, gaz, known[0].surface)
                    break
                if any(pm.candidates[0].type != "PartnerCity" for pm in known):
                    break  # a Ukrainian town or a country: the foreign run ended
                for pm in known:
                    pm.prefer_country(cc)  # "Тонтон (США)": the Taunton in the United States, not the English one
                    if pm.candidates[0].country not in (None, cc):
                        # "Вестланд (Нідерланди)" when the gazetteer knows only a Westland in the US: the bracket
                        # is right, the town is kept unlinked in the country it names
                        # "з регіоном Наварра (Іспанія)": after a unit word the name stands in the nominative
                        label = pm.surface if pm.start in after_unit else pm.candidates[0].label
                        syn = _synthetic(label, None, cc)
                        pm.candidates = [Place(**{**_fields(syn), "names": tuple(sorted({*syn.names, pm.surface}))})]
                first = min(known, key=lambda pm: pm.start)
                last_end = max(pm.end for pm in known)
                if len(known) == 1 and first.start == start and end > last_end and " " in norm[last_end:end]:
                    # "Назарет Ілліт (Ізраїль)": capitalised words after a known town up to the bracket are its name
                    syn = _synthetic(norm[start:end], None, cc)
                    first.candidates = [Place(**{**_fields(syn), "names": tuple(sorted({*syn.names, first.surface}))})]
                    first.end, first.surface = end, norm[start:end]
                start = first.start
            elif (
                (_sentence_word(norm, start) and not _item_opening(norm, start, end))
                or _person(norm, start, end)
                or _organisation(norm[start:end])
            ):
                break
            elif start not in after_unit:
                add(start, end, norm[start:end], None, cc, "country-bracket")
            sep = re.search(r"(?:\s*,\s*(?:та|і|й|and)?\s*|\s+(?:та|і|й|and)\s+)$", norm[:start])
            if sep is None:
                break
            pos = sep.start()
    # unit-word: "з гміною Біща", "повітом Ліманова"
    for m in _unit_regex(lang).finditer(norm):
        unit = _row_of(m, unit_words(lang))
        name = _trim_name(m.group("name"))
        if not name:
            continue
        start = m.start("name")
        end = start + len(name)
        if _person(norm, start, end) or _organisation(name):
            continue  # "війт гміни Даріуш Павліщі": a person, not a municipality
        cc = (
            _country_after(norm, end, gaz, matches)
            or _country_adjective_before(norm, m.start(), gaz)
            or _list_head_country(norm, m.start(), matches, gaz)
            or _region_country_after(norm, end, matches)
        )
        if cc is None and unit.nominative in _COUNTRY_NAMED:
            continue  # "громада X" is abroad only with its country named: "з угорською громадою Фегердьярмат"
        # "місто X" in a partnership sentence that no gazetteer knows: Ukrainian towns are all known, so it is
        # a town abroad, its country named with it or left unknown
        if cc is None and unit.nominative not in _FOREIGN_ONLY and unit.nominative not in ("місто", "город"):
            cc = _only_foreign_country(matches)
            if cc is None and (
                not _PARTNERED_WITH.search(norm[max(0, m.start() - 120) : m.start()]) or _ukrainian_word(name)
            ):
                # "регіон", "округ", "муніципалітет" are Ukrainian words too: need a country, or a partnership with a
                # name no Ukrainian dictionary knows ("з регіоном Пеї-де-ла-Луар", not "з регіоном Полісся"), or a
                # name that reads as a town abroad ("між Ірпенем і районом Гарбург": Harburg)
                place = None if _ukrainian_word(name) else _spelled_town(name, gaz, budget)
                if place is not None and not _covered(start, end, taken):
                    pm = PlaceMatch(start, end, norm[start:end], "foreign", [place])
                    pm.extra = {"open_world": "spelled-abroad", "country": place.country}
                    out.append(pm)
                    taken.append(pm)
                continue
        cc = cc or _UNIT_COUNTRY.get(unit.nominative)
        if cc == "UA":
            continue
        if _POST_ADJECTIVE.fullmatch(name) and _GENITIVE_CHAIN.match(norm, start - 1):
            continue  # "повітом Лодзинського воєводства": the adjective names the region after it, not this unit
        if _POST_ADJECTIVE.fullmatch(name) and unit.nominative in ("повіт", "район", "округ", "регіон", "воєводство"):
            # "з польським повітом Вадовицьким": the adjective after the unit word names it
            name = f"{_nominative_adjective(name, unit.nominative)} {unit.nominative}"
        elif lang == "ru" and _POST_ADJECTIVE_RU.fullmatch(name) and unit.nominative in _RU_ADJECTIVE_UNITS:
            # rule ``russian-post-adjective``: "воеводство Силезское (Польша)", "с повятом Люблинским": the same in
            # Russian, the unit named "Силезское воеводство"
            gender = _RU_ADJECTIVE_UNITS[unit.nominative]
            name = f"{_nominative_adjective(name, unit.nominative, gender, 'ru')} {unit.nominative}"
        known = next((pm for pm in matches if (pm.start, pm.end) == (start, end) and pm.kind == "foreign"), None)
        if known is not None and cc and known.candidates and known.candidates[0].country != cc:
            # rule ``unit-country-picks-namesake``: "з містом Гамільтон у Шотландії": the country the unit's context
            # names picks the gazetteer's town there among its namesakes (not the most populous, in Canada)
            known.prefer_country(cc)
        if known is not None and cc and known.candidates and known.candidates[0].country == cc:
            # rule ``unit-country-of-known``: "з районом Ґерліц … федеральної землі Саксонія": the country the
            # unit's context names is stated for the town the gazetteer knows there, as for one it does not know
            known.extra = {**(known.extra or {}), "country": cc}
        add(start, end, name, unit.nominative, cc, "unit-word")
        if re.search(r"(?:ами|ах)$", norm[m.start() : start].rstrip()):
            # "з містами Вільдесгаузен та Ґюнцбург", "гмінами Біща, Ґрембув і Кшешув": a plural unit word names
            # every coordinated name after it
            pos = end
            while (nxt := _NEXT_NAME.match(norm, pos)) is not None:
                n_start, n_end = nxt.span("name")
                item = _trim_name(nxt.group("name"))
                if not item or _person(norm, n_start, n_end) or _organisation(item):
                    break
                # "з містами Ніско (Польща) та Пасваліс (Литва)": an item's own country before the run's
                item_cc = _country_after(norm, n_start + len(item), gaz, matches)
                add(n_start, n_start + len(item), item, unit.nominative, item_cc or cc, "unit-word")
                pos = n_start + len(item)
    # latin-unit: "з Gmina Biszcza", "Powiat Limanowski", "Landkreis Harburg": the unit word names the country
    for m in _LATIN_UNIT.finditer(norm):
        name = m.group("name")
        unit = m.group("unit")
        start = m.start()
        before = norm[:start].rstrip()
        if before.endswith("(") and any(
            t.end == len(before[:-1].rstrip()) and t.candidates and t.candidates[0].type == "PartnerCity" for t in taken
        ):
            continue  # "районом Ґерліц (Landkreis Görlitz)": the partner's own name in its language, not a second place
        add(start, m.end("name"), f"{unit} {name}", None, _LATIN_UNIT_COUNTRY.get(unit.lower()), "latin-unit")
    # partner-list: "Міста-побратими Бердичева: Ольштинек, Цєхануф, Кальвін-Сіті" — every item of the list
    # after a partner heading is a partner, known to a gazetteer or not; country-list: "з трьома громадами
    # Литви: Аніксчяй, Бірштонас та Вілкавішкіс" — the items are places of the country named before the colon
    heads = [(hm, None) for hm in _PARTNER_HEAD.finditer(norm)]
    for hm in _COUNTRY_LIST_HEAD.finditer(norm):
        cc = country_at(matches, hm.start("country"))
        if cc is not None and cc != "UA":
            heads.append((hm, cc))
    for hm, list_cc in heads:
        pos = hm.end()
        while True:
            m = re.match(rf"({_NAME})(?=\s*(?:,|;|\.|$|\(|\s(?:та|і|й|and|у|в|in)\s))", norm[pos:])
            if m is None:
                break
            start, end = pos + m.start(1), pos + m.end(1)
            name = norm[start:end]
            if not _person(norm, start, end) and not _organisation(name) and not _registry_name(name):
                cc = _country_after(norm, end, gaz, matches) or list_cc
                known = [pm for pm in taken if pm.candidates and pm.start < end and start < pm.end]
                for pm in known if list_cc else ():
                    pm.prefer_country(list_cc)
                    if len(known) == 1 and (pm.start, pm.end) == (start, end) and gaz is not None:
                        _village_abroad(pm, list_cc, gaz)  # rule ``village-abroad``: "Польща: Березів, Красичин"
                if cc != "UA" and not known:
                    add(start, end, name, None, cc, "partner-list" if list_cc is None else "country-list")
            # past "(Польща)" or "у Польщі" ("Ряшів і Перемишль у Польщі, Ліда в Білорусі та Рапла в Естонії")
            nxt = _LIST_ITEM_GAP.match(norm[end:])
            if nxt is None:
                break
            pos = end + nxt.end()
    # adjective-unit: "з Укмерзьким районом (Литва)"
    for m in _adjective_unit_regex(lang).finditer(norm):
        unit = _row_of(m, adjective_units(lang))
        cc = (
            _country_after(norm, m.end(), gaz, matches)
            or _country_adjective_before(norm, m.start(), gaz)
            or _list_head_country(norm, m.start(), matches, gaz)
            or _region_country_after(norm, m.end(), matches)
            or list_country
            or _UNIT_COUNTRY.get(unit.nominative)
        )
        if cc == "UA" or (
            cc is None
            and (
                unit.nominative not in _FOREIGN_ONLY
                or not (
                    _PARTNERED_WITH.search(norm[max(0, m.start() - 120) : m.start()])
                    or _AGREED_WITH.search(norm[max(0, m.start() - 160) : m.start()])
                    # rule ``foreign-unit-listed``: "Партнерами Бердичева є Кошалін і Жешувський повіт"
                    or _PARTNER_HEAD.search(norm, max(0, m.start() - 160), m.start())
                )
            )
        ):
            continue  # a Ukrainian raion is the gazetteer's; one abroad needs its country, or a foreign unit partnered with
        adjs = list(re.finditer(_ADJ, m.group("adjs")))
        for k, am in enumerate(adjs):
            a, b = m.start("adjs") + am.start(), m.start("adjs") + am.end()
            if k == 0 and gaz is not None and gaz._country_cue(am.group().lower()):
                continue  # "литовським Кедайняйським …": the country's adjective, not a name
            adj = _nominative_adjective(am.group(), unit.nominative, unit.gender, lang)
            # the last adjective's span runs over the unit word; the earlier ones stand alone
            add(a, m.end() if k == len(adjs) - 1 else b, f"{adj} {unit.nominative}", None, cc, "adjective-unit")
    # adjective-name: "з німецьким Бергхаймом", "с болгарским Кюстендилом": a country adjective before a capitalised
    # word no gazetteer knows, in the instrumental ("-ом", "-ем"), names a town of that country
    if gaz is not None:
        pattern = (
            rf"(?<![\w])([\w'’-]+(?:ськ|цьк|зьк|ск|цк)(?:им|ым|ою|ой))\s+([{_UP}][\w'’-]+?)"
            r"(ом|ем|(?<=[аяоеу])єм|ою|ею)(?![\w])"
        )
        for m in re.finditer(pattern, norm):
            cc = gaz._country_cue(m.group(1).lower())
            feminine = m.group(1).endswith(("ою", "ой"))
            if not cc or cc == "UA" or _sentence_word(norm, m.start(2)) or feminine != (m.group(3) in ("ою", "ею")):
                continue
            # Бергхаймом -> Бергхайм, Біржаєм -> Біржай, Варною -> Варна, Ґдинею -> Ґдиня
            name = m.group(2) + INSTRUMENTAL_NOMINATIVE[m.group(3)]
            add(m.start(2), m.end(3), name, None, cc, "adjective-name")
        # the genitive: "делегація з польського Бжозува", "з литовського Пасваліса": a name no gazetteer or Ukrainian
        # dictionary knows, in the nominative by the dictionary's guess that keeps its stem
        for m in _GENITIVE_ADJECTIVE_NAME.finditer(norm):
            cc = gaz._country_cue(m.group(1).lower())
            start, end = m.span(2)
            if not cc or cc == "UA" or _sentence_word(norm, start) or _covered(start, end, taken):
                continue
            from loaders.morph import guess_nominative

            lemma = guess_nominative(m.group(2), "gent")
            if lemma is None and _MASCULINE_GENITIVE.search(m.group(2)):
                lemma = m.group(2)[:-1].lower()  # "Бжозува" -> "Бжозув", "Гмюнда" -> "Гмюнд"
            if lemma is None:
                continue  # "Кросна": Кросно or Кросн, not told apart
            name = _capitalised_like(m.group(2), lemma)
            if _ukrainian_word(name) or _person(norm, start, end) or _organisation(name):
                continue
            add(start, end, name, None, cc, "adjective-name")
        # rule ``adjective-name-nominative``: "Литовський Пасваліс і Бережани підписали угоду", "словацька Снина стала
        # партнером": a country adjective in the nominative before one capitalised word no gazetteer or Ukrainian
        # dictionary knows (not "Литовська Республіка", "Німецький Фонд Маршалла") is a town of that country, as written
        for m in _NOMINATIVE_ADJECTIVE_NAME.finditer(norm):
            cc = gaz._country_cue(m.group(1).lower())
            start, end = m.span(2)
            if not cc or cc == "UA" or _covered(start, end, taken):
                continue
            name = m.group(2)
            if _ukrainian_word(name) or _person(norm, start, end) or _organisation(name) or _registry_name(name):
                continue
            add(start, end, name, None, cc, "adjective-name")
        # rule ``plural-adjective-run``: "Серед них – польські Ярослав, Красичин і Ясениця, литовські Біржай та
        # Пасваліс": a plural country adjective in the nominative before a run of names makes each of them a town of
        # that country (a Ukrainian village's namesake among them too)
        for m in _PLURAL_NOMINATIVE_RUN.finditer(norm):
            cc = gaz._country_cue(m.group(1).lower())
            if not cc or cc == "UA":
                continue
            for nm in re.finditer(_NAME_WORD, norm[m.start("run") : m.end("run")]):
                start, end = m.start("run") + nm.start(), m.start("run") + nm.end()
                name = nm.group()
                over = [pm for pm in taken if pm.candidates and pm.start < end and start < pm.end]
                if over:
                    if len(over) == 1 and (over[0].start, over[0].end) == (start, end):
                        over[0].prefer_country(cc)
                        _village_abroad(over[0], cc, gaz)
                    continue
                if _person(norm, start, end) or _organisation(name) or _registry_name(name):
                    continue
                if _ukrainian_word(name) and not _village_name(name, gaz):
                    continue  # a word, not a name ("Ясениця" is also a village's: a name)
                add(start, end, name, None, cc, "adjective-name")
        # the plural: "з литовськими Пасвалісом та Ширвінтосом", "з польськими Ніском і Кросном": each name of the run
        for m in _PLURAL_ADJECTIVE_NAMES.finditer(norm):
            cc = gaz._country_cue(m.group(1).lower())
            if not cc or cc == "UA":
                continue
            for nm in _INSTRUMENTAL_NAME.finditer(norm, m.start("run"), m.end("run")):
                if _sentence_word(norm, nm.start()):
                    break
                name = nm.group(1) + INSTRUMENTAL_NOMINATIVE[nm.group(2)]
                add(nm.start(), nm.end(), name, None, cc, "adjective-name")
    # a town abroad the gazetteer knows, in a list headed by a country ("польських партнерів Стрия: … міста
    # Бжег-Дольни", "у Польщі — A, B"): the head names its country
    for pm in matches:
        if pm.kind == "foreign" and pm.candidates and not (pm.extra or {}).get("country"):
            cc = _list_head_country(norm, pm.start, matches, gaz)
            if cc:
                pm.prefer_country(cc)
                if pm.candidates[0].country == cc:
                    pm.extra = {**(pm.extra or {}), "country": cc}
    # dash-row: "Стшижув — Польща — 2004", "Округ Медісон (штат Айова) — США": a line of a partner table whose
    # first cell no gazetteer knows and whose second cell is a country abroad
    # the rows of a list the sentence splitter kept in one sentence ("Польща: Хелм — …; Бяла-Підляська — …;"): each
    # item after "; " starts a row of its own
    rows = [0, *(m.end() for m in islice(re.finditer(r"[;:]\s+", norm), 200))]  # a list, not a 1 MB line
    for pos in rows:
        row = _DASH_ROW.match(norm, pos)
        if row is not None:
            cc = country_at(matches, row.end())
            if cc is None:
                # "Ольштинек — місто в Польщі", "Кальвін-Сіті — місто у США": the dash phrase names the country
                phrase = _DASH_PHRASE.match(norm, row.end())
                cc = country_at(matches, phrase.end()) if phrase else None
            start, end = row.start(1), row.end(1)
            if cc and cc != "UA" and not _person(norm, start, end) and not _organisation(row.group(1)):
                add(start, end, row.group(1), None, cc, "dash-row")
    # comma-country: "1. Бжозув, Польща (2004)", "Городенка – Бжозув, Польща", "with Pasvalys, Lithuania, since
    # 2010": a name no gazetteer knows, then a comma and a country abroad that ends the item, is a place of it
    for pm in matches:
        if not pm.candidates or pm.candidates[0].type != "Country" or iso_code(pm.candidates[0]) == "UA":
            continue
        if not _ITEM_END.match(norm, pm.end):
            continue
        m = _COMMA_BEFORE.search(norm, max(0, pm.start - 80), pm.start)
        if m is None:
            continue
        start, end = m.span("name")
        if _sentence_word(norm, start) and not _ROW_START.fullmatch(norm, 0, start):
            continue
        if norm[:start].rstrip().endswith("(") or re.search(r"[A-ZА-ЯІЇЄҐ]\w*[A-ZА-ЯІЇЄҐ]", m.group("name")):
            continue  # "(FiBL, Швейцарія)": an organisation's acronym in brackets, not a town
        if _person(norm, start, end) or _organisation(m.group("name")):
            continue
        add(start, end, m.group("name"), None, iso_code(pm.candidates[0]), "comma-country")
    if list_country:
        # heading-item: "Карміель — з 1999 року" under "Ізраїль:"; known towns there are of that country
        for pm in matches:
            if pm.kind == "foreign" and pm.candidates:
                pm.prefer_country(list_country)
        for pos in rows:
            item = _HEADING_ITEM.match(norm, pos)
            if item is not None and not _organisation(item.group(1)) and not _person(norm, item.start(1), item.end(1)):
                add(item.start(1), item.end(1), item.group(1), None, list_country, "heading-item")
    if gaz is not None and hasattr(gaz, "_latin_lookup"):
        for pm in _sounded_abroad(norm, taken, gaz):
            out.append(pm)
            taken.append(pm)
        for pm in _spelled_abroad(norm, taken, gaz, budget):
            if not _covered(pm.start, pm.end, taken):
                out.append(pm)
                taken.append(pm)
    return out


# countries whose towns Ukrainian communities twin with most, in the order a spelling is tried
# (neighbours, whose small towns GeoNames seldom spells in Cyrillic; the rest are the cued look-up's)
_TWIN_COUNTRIES = (
    "PL",
    "SK",
    "CZ",
    "HU",
    "RO",
    "LT",
    "LV",
    "EE",
    "MD",
    "BG",
    "GE",
    "DE",
    "AT",
    "CH",
    "NL",
    "BE",
    "FR",
    "IT",
    "ES",
    "HR",
    "SI",
    "DK",
    "SE",
    "NO",
    "FI",
)
_WITH_NAME = re.compile(
    rf"(?P<prep>(?<![\w])(?:з|із|зі|с|со|та|і|й|и)|,)\s+(?P<name>[{_UP}][\w'’]+(?:-[{_UP}][\w'’]+)?)(?![\w-])"
)


_PARTNER_APPOSITION = re.compile(
    rf"(?P<run>{_NAME_WORD}(?:(?:\s*,\s*|\s+(?:та|і|й)\s+){_NAME_WORD}){{0,6}})(?:\s*(?:[—–]|\s-)\s*|\s+(?:є|стал[иоа]?|став)\s+)"
    r"(?:міст(?:о|а|ом|ами)-(?:побратим|партнер)\w*|побратим\w*)(?![\w-])"
)
_COMMA_APPOSITION = re.compile(
    rf"(?P<name>[{_UP}][\w'’]+(?:-[{_UP}][\w'’]+)?)\s*,\s*(?:нашого\s+|нашим\s+)?"
    r"(?:(?P<adj>[\w'’-]+(?:ськ|цьк|зьк)(?:ого|им|ому|ім|е))\s+)?міст(?P<case>а|у|ом|о|і)-(?:побратим|партнер)\w*"
)
_APPOSED_NAME = re.compile(rf"(?P<name>{_NAME_WORD})")


def _spelled_abroad(norm: str, taken: list[PlaceMatch], gaz, budget: list[int] | None = None) -> list[PlaceMatch]:
    """Rule ``spelled-abroad``: "угоду про співпрацю з Бжозувом", "Новий Розділ і Любачув підписали угоду": a
    capitalised word after a partnership's "з", or coordinated with a community or a partner, that no gazetteer
    and no Ukrainian dictionary knows, spelled back into Latin letters close to a town of a country Ukrainian
    communities twin with (score >= 92), is that town."""
    out: list[PlaceMatch] = []
    taken = list(taken)  # the towns found here coordinate the next name too ("з Дордрехтом, Вольфсбергом")
    slots = [(m, False) for m in _WITH_NAME.finditer(norm)]
    # "Пшемишль — місто-побратим Львова", "Пшемишль та Ярослав — міста-партнери …": the names the apposition
    # calls twin towns, sentence-initial or not
    for am in _PARTNER_APPOSITION.finditer(norm):
        slots.extend((nm, True) for nm in _APPOSED_NAME.finditer(norm, am.start("run"), am.end("run")))
    # rule ``comma-apposition``: "делегація з Ольштинека, міста-побратима Бердичева": the name before it, in the
    # apposition's case
    cases: dict[int, str] = {}
    apposed_cc: dict[int, str] = {}
    for cm in _COMMA_APPOSITION.finditer(norm):
        slots.append((cm, True))
        cases[cm.start("name")] = {"а": "gent", "у": "datv", "ом": "ablt", "і": "loct"}.get(cm.group("case"), "nomn")
        # "з Пасваліса, литовського міста-партнера": the apposition's country adjective names its country
        cc = gaz._country_cue(cm.group("adj").lower()) if cm.group("adj") else None
        if cc and cc != "UA":
            apposed_cc[cm.start("name")] = cc
    # rule ``head-of-town-abroad``: "бургомістр Кольбермура", "президента Ряшева": the town its head's title names,
    # in the genitive
    headed = set()
    for hm in _HEAD_OF_NAME.finditer(norm):
        slots.append((hm, False))
        cases[hm.start("name")] = "gent"
        headed.add(hm.start("name"))
    # rule ``bare-list-item``: "— Влодава", "• Седльце" on a line of its own in a partner list: the item is a name
    items = set()
    item = _BARE_ITEM.fullmatch(norm)
    if item is not None:
        slots.append((item, False))
        items.add(item.start("name"))
    for m, apposed in sorted(slots, key=lambda slot: slot[0].start("name")):
        start, end = m.span("name")
        if (
            _covered(start, end, taken)
            or len(m.group("name")) < 4
            or (_sentence_word(norm, start) and not apposed and start not in items)
        ):
            continue
        if apposed or start in headed or start in items:
            pass  # the apposition itself says it is a twin town; a town's head names a town
        elif not _slot_in_context(norm, m, taken):
            continue
        name = m.group("name")
        case = cases.get(start)
        partnered = False
        if case is None and not apposed and m.group("prep") in ("з", "із", "зі") and name.endswith(("ом", "ем", "ою")):
            # rule ``with-name-instrumental``: "партнерство Яготина з Пасвалісом", "з Лєшном": the name after a
            # partnership's "з" is in the instrumental; it is looked up and labelled in the nominative
            case, partnered = "ablt", True
        plurals: tuple[str, ...] = ()
        if case is None and not apposed and re.search(r"[^аеиіоуяюєї](?:ами|ями)$", name):
            # rule ``plural-name-instrumental``: "з Ґожичками", "між Калушем і Ґожичками": a town named in the plural
            # (Polish "-ki", "-ce") is looked up in the nominative plural
            plurals = (name[:-3] + "и", name[:-3] + "і")
        if case in ("gent", "ablt") and not _covered(start, end, taken):
            from loaders.morph import guess_nominative

            lemma = guess_nominative(name, case)
            if lemma is None and start in headed and _MASCULINE_GENITIVE_A.search(name):
                lemma = name[:-1].lower()  # "бургомістр Кольбермура" -> Кольбермур
            name = _capitalised_like(name, lemma) if lemma else name
        if budget is not None and budget[0] <= 0:
            break  # a page of thousands of unknown names costs no more than its first few dozen
        if _ukrainian_word(name) or _person(norm, start, end) or _organisation(name):
            if budget is not None:
                budget[0] -= 1
            continue
        best = None
        for plural in plurals:
            best = _spelled_town(plural, gaz, budget)
            if best is not None:
                name = plural
                break
        if best is None and not plurals:
            best = _spelled_town(name, gaz, budget)
        if best is None and partnered and m.group("name").endswith("ом"):
            best = _spelled_town(m.group("name")[:-2] + "о", gaz, budget)  # "з Лєшном": Лєшно, a neuter
        if best is None and partnered and name != m.group("name") and not _person_word(name.lower()):
            best = _synthetic(name, None, None)  # a name abroad no gazetteer spells: kept unlinked
        if start in apposed_cc and (best is None or best.country != apposed_cc[start]):
            best = _synthetic(name, None, apposed_cc[start])
        if best is None and apposed:
            # rule ``apposed-unknown``: "Ковальдорф став містом-побратимом Житомира": the apposition says it is a twin
            # town; a name no gazetteer knows is kept unlinked
            best = _synthetic(name, None, None)
        if best is None:
            continue
        pm = PlaceMatch(start, end, name, "foreign", [best])
        pm.extra = {"open_world": "spelled-abroad", "country": best.country}
        out.append(pm)
        taken.append(pm)
    return out


_BARE_ITEM = re.compile(rf"\s*(?:[-•*–—]|\d{{1,3}}[.)])\s*(?P<prep>)(?P<name>{_NAME})\s*[;,.]?\s*")


# the title of a town's head abroad ("бургомістр", "мера"), then the town in the genitive
_MASCULINE_GENITIVE_A = re.compile(r"[бвгґджзклмнпрстфхцчшщ]а$")
_HEAD_TITLE = frozenset(
    "мер мера меру мером бургомістр бургомістра бургомістру бургомістром обербургомістр обербургомістра президент "
    "президента президентові президентом війт війта війтом маршалок маршалка староста старости".split()
)
# the title of a town's head abroad ("бургомістр", "мера"), then the town in the genitive
_HEAD_OF_NAME = re.compile(
    rf"(?P<prep>(?<![\w'’-])(?i:{'|'.join(sorted(_HEAD_TITLE))}))"
    rf"\s+(?P<name>[{_UP}][\w'’]+(?:-[{_UP}][\w'’]+)?)(?![\w'’-])"
)
_WITH_NAMES = re.compile(
    rf"(?P<prep>(?<![\w])(?:з|із|зі|с|со|та|і|й|и|(?i:{'|'.join(sorted(_HEAD_TITLE))}))|,)\s+"
    rf"(?P<name>[{_UP}][\w'’]+(?:(?:\s+|-)[{_UP}][\w'’]+){{1,2}})(?![\w'’-])"
)
# the oblique endings of a name's words ("Сталевою Волею", "Пйотркувом Трибунальським", "Бялої Підляської")
_OBLIQUE_WORD = re.compile(r"(?:ого|ього|ому|ьому|ої|ою|ею|ім|им|ом|ем|єм)$")


def _slot_in_context(norm: str, m: re.Match, taken: list[PlaceMatch]) -> bool:
    """A name after "з" in a partnership ("угоду про співпрацю з Бжозувом"), or coordinated with a place named just
    before it ("Новий Розділ і Любачув", "Ряшів, Ярослав"): a slot where a name abroad no gazetteer knows is read."""
    start = m.start("name")
    if m.group("prep") in ("з", "із", "зі", "с", "со"):
        return bool(_PARTNERED_WITH.search(norm[max(0, start - 120) : start]))
    before = norm[: m.start()].rstrip()
    return any(pm.end == len(before) and pm.candidates for pm in taken)


def _sounded_abroad(norm: str, taken: list[PlaceMatch], gaz) -> list[PlaceMatch]:
    """Rule ``sounded-abroad``: "Калуш і Сталева Воля підписали угоду про побратимство", "угоду з Пйотркувом
    Трибунальським": a name of two or three capitalised words after a partnership's "з", or coordinated with a
    place named just before, that no gazetteer knows and that sounds as a town of a country Ukrainian communities
    twin with (``Gazetteer._sound_lookup``), is that town; its words are read in the nominative."""
    out: list[PlaceMatch] = []
    taken = list(taken)
    for m in _WITH_NAMES.finditer(norm):
        start, end = m.span("name")
        if _covered(start, end, taken) or _sentence_word(norm, start):
            continue
        if m.group("prep").lower() in _HEAD_TITLE:
            pass  # "бургомістр Сталевої Волі": a town's head names a town
        elif not _slot_in_context(norm, m, taken):
            continue
        name = m.group("name")
        titled = m.group("prep").lower() in _HEAD_TITLE
        # after a title, a given name makes a person ("бургомістр Міхаель Ґрехль"), not its being after a title
        if (_person_word(name.split()[0]) if titled else _person(norm, start, end)) or _organisation(name):
            continue
        words = re.split(r"(\s+|-)", name)
        bare = "".join(_OBLIQUE_WORD.sub("", w) if w.strip("- ") else w for w in words)
        place = gaz._sound_lookup(name, _TWIN_COUNTRIES) or (
            gaz._sound_lookup(bare, _TWIN_COUNTRIES) if bare != name else None
        )
        if place is None:
            continue
        if bare == name:  # "Калуш і Сталева Воля": the document's own spelling, in the nominative, is the label
            place = Place(**{**_fields(place), "label": name, "names": tuple(sorted({*place.names, name}))})
        pm = PlaceMatch(start, end, name, "foreign", [place])
        pm.extra = {"open_world": "sounded-abroad", "country": place.country}
        out.append(pm)
        taken.append(pm)
    return out


def _spelled_town(name: str, gaz, budget: list[int] | None) -> Place | None:
    """The town abroad of a country Ukrainian communities twin with whose Latin name ``name``, spelled back, is
    closest to (score >= 92), or None; one look-up of the document's ``budget``."""
    if gaz is None or not hasattr(gaz, "_latin_lookup") or len(name) < 4:
        return None
    if budget is not None:
        if budget[0] <= 0:
            return None
        budget[0] -= 1
    best, best_score = None, 0.0
    for cc in _TWIN_COUNTRIES:
        place, score = gaz._latin_lookup(name, cc)
        if place is not None and score > best_score:
            best, best_score = place, score
    if best is not None and best_score >= 92:
        return best
    # "бургомістр Кольбермура": spelled too far from Kolbermoor (89), it sounds the same
    return gaz._sound_lookup(name, _TWIN_COUNTRIES) if hasattr(gaz, "_sound_lookup") else None


_GENITIVE_ADJECTIVE_NAME = re.compile(
    rf"(?<![\w])([\w'’-]+(?:ськ|цьк|зьк)(?:ого|ої))\s+([{_UP}][\w'’]+(?:-[{_UP}][\w'’]+)?(?:а|я|у|ю|и|і|ї))(?![\w'’-])"
)
_PLURAL_NOMINATIVE_RUN = re.compile(
    rf"(?<![\w'’-])([а-яіїєґ'’-]+(?:ськ|цьк|зьк)і)\s+"
    r"(?:(?:міста|містечка|громади|гміни|муніципалітети|комуни|округи|повіти)\s+)?"  # "французькі громади …"
    rf"(?P<run>{_NAME_WORD}(?:(?:\s*,\s*|\s+(?:та|і|й)\s+){_NAME_WORD})*)(?!\s*[({_UP}])"
)
_NOMINATIVE_ADJECTIVE_NAME = re.compile(
    r"(?<![\w'’-])([\w'’-]+(?:ськ|цьк|зьк)(?:ий|а|е))\s+([А-ЯІЇЄҐ][а-яіїєґ'’]+(?:-[А-ЯІЇЄҐ][а-яіїєґ'’]+)*)"
    rf"(?<!ськ[аеий])(?<!цьк[аеий])(?<!зьк[аеий])(?![\w'’-])(?!\s+[{_UP}0-9«\"(])"
)
# a masculine name abroad in the genitive whose nominative is its stem: Polish "-ów" ("Бжозува"), German and Dutch
# endings ("Гмюнда", "Фільдерштадта", "Вестланда")
_MASCULINE_GENITIVE = re.compile(
    r"(?:ув|ов|ев|ів|ерг|бург|дорф|ланд|штадт|гаузен|гайм|фельд|берг|ген|нд|рт|рг|ст)[ау]$"
)
_INSTRUMENTAL_NAME = re.compile(rf"([{_UP}][\w'’-]+?)(ом|ем|(?<=[аяоеу])єм|ою|ею)(?![\w])")
_PLURAL_ADJECTIVE_NAMES = re.compile(
    rf"(?<![\w])([\w'’-]+(?:ськ|цьк|зьк|ск|цк)(?:ими|ыми))\s+(?P<run>{_INSTRUMENTAL_NAME.pattern}"
    rf"(?:(?:\s*,\s*|\s+(?:та|і|й|и)\s+){_INSTRUMENTAL_NAME.pattern})+)"
)
_LIST_ITEM_GAP = re.compile(
    r"(?:\s*\([^()]{1,60}\)|\s+(?:у|в|in)\s+(?:the\s+)?[A-ZА-ЯІЇЄҐ][\w'’-]+(?:\s+[A-ZА-ЯІЇЄҐ][\w'’-]+)?)?"
    r"\s*(?:,\s*(?:та|і|й|and)?|\s(?:та|і|й|and))\s*"
)
_NAME_GOES_ON = re.compile(
    rf"(?:-[\w'’]+|\s+(?:над|на|під|pod|nad|am|an\s+der)\s+[{_UP}][\w'’-]+|\s+[{_UP}][\w'’-]+){{0,3}}"
)
_NAMESAKE_ADJ = re.compile(
    r"(?<![\w'’-])([\w'’-]+(?:ськ|цьк|зьк)(?:ий|ого|ому|им|ім|е|а|ої|ій|ою|у|і|их|ими))\s+"
    r"(?:(?:міст|містечк|гмін|муніципалітет|комун|громад)\w*(?:-(?:побратим|партнер)\w*)?\s+)?$"
)
_COMMA_BEFORE = re.compile(rf"(?<![\w'’-])(?P<name>{_NAME})\s*,\s*$")
# the end of a list item after its country: the line's end, a bracket ("(2004)"), a dash, a ";", a full stop, or a
# comma before a year ("Литва, з 2008 року", "Lithuania, since 2010")
_ITEM_END = re.compile(r"\s*(?:$|[(;.)]|[—–]|\s-\s|,\s*(?:(?:з|із|since|from|с)\s+)?\d)")
_ROW_START = re.compile(r"\s*(?:[-•*–]\s*|\d{1,3}[.)]\s*)?")
_DASH_PHRASE = re.compile(
    r"(?:(?:невелик\w*|мал\w*|велик\w*|курортн\w*|портов\w*|історичн\w*|повітов\w*)\s+)?"
    r"(?:міст\w*|містечк\w*|гмін\w*|громад\w*|муніципалітет\w*|комун\w*|town|city|municipality)\s+(?:в|у|на|in)\s+(?:the\s+)?"
)
# (rule ``cell-row``: "| Раквере | Естонія | 2021 |", "Раквере<tab>Естонія<tab>2021": a table's cells read alike)
_DASH_ROW = re.compile(
    rf"\s*(?:\|\s*)?(?:[-•*]\s+|\d{{1,3}}[.)]\s*)?({_NAME})(?:\s*\([^()]{{1,60}}\))?"
    r"(?:(?:\s*[—–]|\s+-)\s+|[ ]*\|[ ]*|[ ]*\t\s*)"
)
_HEADING_ITEM = re.compile(
    rf"\s*(?:[-•*–]\s*)?(?:[^\W\d][^:]{{0,40}}:\s*)?(?:м\.\s*|місто\s+)?({_NAME})(?=\s*(?:[—–]|\s-\s|,|\(|$))"
)


# "(пол. Góra Kalwaria)": a Latin-script name after a language abbreviation; the country of the language where
# it is spoken in one country
_NATIVE_NAME = re.compile(r"\s*([а-яіїєґ]{2,7})\.\s+[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃÓŠŽČ][^()]*$")
_LANGUAGE_COUNTRY = {
    "пол": "PL", "польськ": "PL", "лит": "LT", "литов": "LT", "латис": "LV", "латиськ": "LV", "ест": "EE",
    "фін": "FI", "швед": "SE", "норв": "NO", "дат": "DK", "нідерл": "NL", "італ": "IT", "ісп": "ES",
    "порт": "PT", "чес": "CZ", "словац": "SK", "словен": "SI", "угор": "HU", "рум": "RO", "болг": "BG",
    "груз": "GE", "тур": "TR", "фр": None, "нім": None, "англ": None, "хорв": "HR", "серб": "RS",
}  # fmt: skip
_LATIN_UNIT_COUNTRY = {
    "gmina": "PL", "powiat": "PL", "miasto": "PL", "województwo": "PL", "wojewodztwo": "PL",
    "landkreis": "DE", "stadt": "DE", "gemeinde": "DE", "kreis": "DE", "comune": "IT", "provincia": "IT",
    "commune": "FR", "département": "FR", "obec": "CZ", "mesto": "SK", "město": "CZ", "savivaldybė": "LT",
    "novads": "LV", "vald": "EE", "kommune": None, "municipality": None, "county": None,
}  # fmt: skip
_LATIN_UNIT = re.compile(
    r"(?<![\w])(?P<unit>Gmina|Powiat|Miasto|Województwo|Wojewodztwo|Landkreis|Stadt|Gemeinde|Kreis|Comune|"
    r"Provincia|Commune|Département|Obec|Mesto|Město|Kommune|Municipality|County)\s+"
    r"(?P<name>[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃÓ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃÓ][\w'’-]*){0,2})"
)
# a heading that announces a list of partners: "Міста-побратими Бердичева:", "партнерів: ", "побратимів —"
_PARTNER_HEAD = re.compile(
    r"(?:побратим|партнер|sister\s+cit|twin\s+(?:town|cit))\w*(?:\s+[\w'’-]+){0,3}?\s*(?::|—|–|-\s)\s*"
    # "Партнерами Славутської громади є Ґлогув-Малопольський та Ниско", "Побратимами міста стали …": the names after
    # "є" (not a project's or programme's partners)
    r"|(?<![\w-])(?:міст(?:ами|а|ом)-)?(?:побратимами|партнерами|побратимом|партнером)"
    r"(?:\s+(?!проє?кт|програм|ініціатив|заход|форум|конкурс)[\w'’-]+){1,3}?\s+(?:є|стали|стало|став|стала)\s+",
    re.IGNORECASE,
)
_COUNTRY_LIST_HEAD = re.compile(
    r"(?:(?:міст|громад|муніципалітет|гмін|регіон|округ|комун|партнер|самоврядуванн|побратим)\w*\s+(?:(?:у|в)\s+)?|"
    r"(?<![\w])(?:у|в)\s+|^\s*(?:[-•*–]\s*)?)(?P<country>[А-ЯІЇЄҐ][\w'’-]+)\s*(?::|—|–|\s-\s)\s*"
)
# "земля" is also plain land ("договір оренди землі Радченка"): like "регіон", it needs a country named with it
_FOREIGN_ONLY = {
    "гміна", "повіт", "воєводство", "кантон", "графство", "комуна", "штат", "департамент", "місто-партнер",
    "гмина", "повят", "воеводство", "коммуна",
}  # fmt: skip
_NEXT_NAME = re.compile(
    rf"(?:\s*,\s*(?:(?:та|і|й)\s+)?|\s+(?:та|і|й)\s+)(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
)
# unit words that are Ukrainian units too: abroad only with a country named beside them
_COUNTRY_NAMED = {"громада"}
# a unit word that names its country ("з гміною Біща", "з Гнезненським повятом" is Polish too, but a Romanian
# county is a "повіт" in Ukrainian: it stays without a country)
_UNIT_COUNTRY = {"гміна": "PL", "гмина": "PL", "воєводство": "PL", "воеводство": "PL", "повят": "PL", "медьє": "HU"}
# a partnership frame right before "з регіоном Пеї-де-ла-Луар": the unit after it is the partner, a place abroad
# (Ukrainian towns and regions are all in the gazetteer) even when no country is named in the sentence
_PARTNERED_WITH = re.compile(
    r"(?:партнерств|побратим|співпрац|сотрудничеств)\w*[^.;]{0,60}?\s(?:з|із|зі|с|со)\s*$", re.IGNORECASE
)
# rule ``unit-between``: an agreement "з" a foreign-only unit, or its second side after "між"
_AGREED_WITH = re.compile(
    r"(?:угод|меморандум|соглашени)\w*[^.;]{0,60}?\s(?:з|із|зі|с|со)\s*$"
    r"|(?:партнерств|побратим|співпрац|угод|меморандум)\w*[^.;]{0,60}?\sміж\s[^.;]{2,80}?\s(?:та|і|й)\s*$"
    # "Угоду про співпрацю підписали Турківська громада та Ліський повіт": the second side of a signing
    r"|(?:угод|меморандум)\w*[^.;]{0,60}?\sпідписал\w*\s[^.;]{2,80}?\s(?:та|і|й)\s*$",
    re.IGNORECASE,
)
_TITLES = re.compile(
    r"(?<![\w])(?:мер\w*|міськ\w+\s+голов\w*|голов\w*|бургомістр\w*|війт\w*|старост\w*|посл\w*|консул\w*|"
    r"президент\w*|прем'єр\w*|міністр\w*|пан|пані|паном|директор\w*|керівник\w*|маршал\w*|губернатор\w*|"
    r"mayor|ambassador|mr|ms)\s+(?:[\w'’-]+\s+)?$",
    re.IGNORECASE,
)


_LEGAL_FORM = re.compile(
    r"(?<![\w])(?:AG|GmbH|Ltd|LLC|Inc|S\.?A|SE|plc|B\.?V|N\.?V|ASBL|e\.V|ТОВ|ПП|АТ|ГО|БФ|Sp)\.?(?![\w])"
)


def _organisation(name: str) -> bool:
    """'SAFOSO AG', 'Фонд Солідарності': a company or an organisation, not a town."""
    if _LEGAL_FORM.search(name):
        return True
    from loaders.patterns import org_heads as _org_heads

    first = name.split()[0].lower()
    return any(first.startswith(h[:-1]) for h in _org_heads() if len(h) > 4)


def _registry_name(name: str) -> bool:
    """'USAID', 'ПРООН', 'U-LEAD з Європою': a donor or programme the registry knows, listed among a community's
    partners ("Серед партнерів громади — USAID, GIZ, ПРООН"), not a town abroad."""
    from loaders.patterns import registry_name_at_start

    known = registry_name_at_start(name)
    return known is not None and known.end == len(name)


def _ukrainian_word(name: str) -> bool:
    """'Полісся', 'Поділля': a name the Ukrainian dictionary knows (a region at home), not a foreign one."""
    try:
        from loaders.gazetteer.inflect import morph

        return all(morph().parse(w.lower())[0].is_known for w in name.split())
    except Exception:
        return True


def _person_word(word: str) -> bool:
    try:
        from loaders.gazetteer.inflect import morph

        return any(("Name" in p.tag or "Surn" in p.tag) and p.is_known for p in morph().parse(word.lower())[:3])
    except Exception:
        return False


def _person(norm: str, start: int, end: int) -> bool:
    """A capitalised run that names a person: after a title ("мером Стефаном Келлером", "війт гміни X"),
    or a first name and surname by the morphology dictionary."""
    if _TITLES.search(norm[max(0, start - 40) : start]) and (
        len(norm[start:end].split()) > 1 or _person_word(norm[start:end].split()[-1])
    ):
        return True  # "війт гміни Даріуш Павліщі"; but "мером міста-партнера Ігналіна" names the town
    if re.search(r"(?:^|\s)[А-ЯІЇЄҐA-Z]\.?(?:\s*[А-ЯІЇЄҐA-Z]\.)?\s*$", norm[start:end]) or re.match(
        r"\s*[А-ЯІЇЄҐA-Z]\.\s*(?:[А-ЯІЇЄҐA-Z]\.)?", norm[end : end + 6]
    ):
        return True  # a surname with initials ("Радченка С.", "Коваль О. М."): a person
    words = norm[start:end].split()
    if len(words) != 2:
        return False
    try:
        from loaders.gazetteer.inflect import morph

        tags = [{str(t) for p in morph().parse(w)[:2] for t in [p.tag]} for w in words]
    except Exception:
        return False
    return any("Name" in t for t in tags[0]) and any("Surn" in t or "Name" in t for t in tags[1])


def _only_foreign_country(matches: list[PlaceMatch]) -> str | None:
    codes = {iso_code(c) for pm in matches for c in pm.candidates[:1] if c.type == "Country" and c.key != "country:UA"}
    return codes.pop() if len(codes) == 1 else None


_STATE_WORD = re.compile(
    r"(?:республік|республик|федераці|федераци|королівств|королевств|князівств|княжеств|країн|стран|держав|государств|"
    r"україн|украин|європ|европ)\w*$",
    re.IGNORECASE,
)


def _trim_name(name: str) -> str:
    """A name ends before a word that names a state ("Республіки Польща") or the next clause; '' if it starts so."""
    keep = []
    words = name.split()
    for k, w in enumerate(words):
        if _STATE_WORD.match(w):
            break
        if k + 1 < len(words) and _STATE_WORD.match(words[k + 1]) and re.search(r"(?:ськ|цьк|ск|цк)\w+$", w):
            break  # "Гранд-Эст Французской Республики": the country's adjective and its state word
        if k > 0 and re.search(r"(?:ськ|цьк|зьк)(?:ого|ої)$", w):
            break  # "гміна Кшешув Ніжанського повіту": the unit above, in the genitive, is not part of the name
        keep.append(w)
    return " ".join(keep)


def _item_opening(norm: str, start: int, end: int) -> bool:
    """Rule ``item-opens-with-name``: "Раквере (Естонія)", "1. Раквере (Естонія)" on a line of a partner list: the
    name that opens the item before its country's bracket is a name, not a capitalised first word, when it is one
    word and no Ukrainian dictionary knows it."""
    line = norm.rfind("\n", 0, start) + 1
    return (
        re.fullmatch(r"[\s\d.)•*–—-]*", norm[line:start]) is not None
        and " " not in norm[start:end].strip()
        and not _ukrainian_word(norm[start:end])
    )


def _sentence_word(norm: str, start: int) -> bool:
    """A capitalised word that starts the sentence or follows a full stop/colon is not a name by case alone."""
    before = norm[:start].rstrip()
    return not before or before[-1] in ".!?\n"


# "Гура-Кальварія (пол. Góra Kalwaria) — місто в Польщі", "Ліманова у Польщі", "Biszcza, Poland", "Стшижув —
# Польща — 2004" (a row of a partner table): the country named right after the name, past an optional bracket
# (the name in its own language) and an apposition head
_COUNTRY_TAIL = re.compile(
    r"(?:\s*\([^()]{2,60}\))?(?:(?:\s*[—–]|\s+-)\s*(?:(?:[\w'’-]+\s+){1,2}?(?:в|у|in)\s+)?|\s+(?:в|у)\s+|\s*,\s*)"
)


_GENITIVE_CHAIN = re.compile(
    r"(?:\s*\([^()]{1,60}\))?(?P<chain>(?:\s+[\w'’-]+(?:ого|ої|ських|цьких)\s+(?:повіту|воєводства|округу|регіону"
    r"|землі|району|області|провінції|графства|кантону|департаменту|штату)(?:\s+(?-i:[А-ЯІЇЄҐ])[\w'’-]+(?=[\s,.;:)]|$))?){1,3})"
)


_IN_REGION = re.compile(r"\s*,?\s*(?:(?:що|яка|який|яке)\s+)?(?:в|у|in)\s+(?:the\s+)?")


def _region_country_after(norm: str, end: int, matches: list[PlaceMatch]) -> str | None:
    """The country of a region abroad named in the genitive right after a name ("Ольштинським повітом
    Вармінсько-Мазурського воєводства" is in Poland)."""
    tail = _GENITIVE_CHAIN.match(norm, end)
    if tail is None:
        # rule ``region-locative``: "з містом Гамільтон у Шотландії", "Сен-Еблен в Атлантичній Луарі": a region
        # abroad right after the name, in the locative, is where it lies
        at = _IN_REGION.match(norm, end)
        for pm in matches if at else ():
            if pm.start == at.end() and pm.kind == "foreign" and pm.candidates:
                c = pm.candidates[0]
                if c.category == "foreign_region" and c.country:
                    return c.country
        return None
    for pm in matches:
        if end <= pm.start < tail.end() and pm.kind == "foreign" and pm.candidates and pm.candidates[0].country:
            return pm.candidates[0].country
    return "PL" if "воєводства" in tail.group("chain") else None  # voivodeships are Polish


def _country_after(norm: str, end: int, gaz, matches: list[PlaceMatch] = ()) -> str | None:
    m = re.match(r"\s*\(([^()]{2,60})\)", norm[end:])
    if m is not None:
        cc = _country_within(list(matches), end + m.start(1), end + m.end(1)) or _country_in(m.group(1), gaz)
        if cc is not None:
            return cc
        for pm in matches:  # "районом Гарбург (Нижня Саксонія)": a region abroad in the bracket names its country
            c = pm.candidates[0] if pm.candidates else None
            if (
                c is not None
                and end + m.start(1) <= pm.start
                and pm.end <= end + m.end(1)
                and c.category == "foreign_region"
                and c.country not in (None, "UA")
            ):
                return c.country
    # "воєводством Польщі", "воеводством Республики Польша", "краем Высочина Чешской Республики": the country
    # in the genitive right after the name
    gen = re.match(r"\s+(?:(?:Федеративн\w+\s+)?Республи?\w*\s+|Королівств\w+\s+|Королевств\w+\s+)?", norm[end:])
    if gen is not None and gen.end() > 0:
        at = end + gen.end()
        cc = country_at(matches, at)
        if cc is not None:
            return cc
        adj = re.match(r"([\w'’-]+)\s+Республи", norm[at:])
        if adj is not None and gaz is not None:
            cc = gaz._country_cue(adj.group(1).lower())
            if cc:
                return cc
    tail = _COUNTRY_TAIL.match(norm, end)
    if tail is None:
        return None
    return country_at(matches, tail.end())


_RUN_BREAK = re.compile(r"[.;]|\s(?:а|але)\s")
_ADJ_LIST_HEAD = re.compile(
    r"(?<![\w])([\w'’-]+(?:ськ|цьк|зьк)(?:их|і|ими))\s+(?:партнер|міст|громад|муніципалітет|самоврядуван|побратим|гмін)"
    r"\w*[^:.;]{0,40}?:"
)


def _list_head_country(norm: str, start: int, matches: list[PlaceMatch], gaz=None) -> str | None:
    """ "у Польщі — Пйотркув-Трибунальський, Тчевський повіт та Жешув": the country heading the run the name is in."""

    def heads(rx: re.Pattern) -> list[re.Match]:  # heads of runs the name still belongs to
        return [
            h for h in rx.finditer(norm, 0, start) if h.end() <= start and not _RUN_BREAK.search(norm, h.end(), start)
        ]

    country_heads = heads(_COUNTRY_LIST_HEAD)
    if country_heads:
        cc = country_at(matches, country_heads[-1].start("country"))
        return None if cc == "UA" else cc
    # "делегації польських партнерів Стрия: гміни Ґлубчице … та міста Бжег-Дольни": an adjective heads the list
    for am in heads(_ADJ_LIST_HEAD) if gaz is not None else ():
        cc = gaz._country_cue(am.group(1).lower())
        if cc and cc != "UA":
            return cc
    return None


def _country_adjective_before(norm: str, start: int, gaz) -> str | None:
    """ "з польською гміною", "литовське районне самоврядування": a country adjective one or two words before."""
    m = re.search(r"(?:([\w'’-]+)\s+)?([\w'’-]+)\s+$", norm[max(0, start - 60) : start])
    if m is None or gaz is None:
        return None
    try:
        for word in (m.group(2), m.group(1)):
            if word and (word == m.group(2) or re.search(r"(?:ськ|цьк|зьк)\w*$", word)):  # two back: an adjective
                cc = gaz._country_cue(word.lower())
                if cc:
                    return cc
    except Exception:
        return None
    return None


_REGION_GAP = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:,|(?:,\s*)?(?:(?:що|яка|який|яке|which\s+is|located)\s+)?(?:in|у|в|на|з|із)\s+(?:the\s+)?)\s*"
)
_LOWER_UNIT = re.compile(
    r"(?<![\w])(?:повіт\w*|округ\w*|район\w*|гмін\w*|комун\w*|county|district|municipality|gmina|commune|"
    r"landkreis|kreis|повят\w*|общин\w*)(?![\w])",
    re.IGNORECASE,
)
_REGION_WORD = re.compile(
    r"(?<![\w])(?:штат\w*|земл[яіюе]\w*|провінці\w*|воєводств\w*|регіон\w*|кантон\w*|департамент\w*|графств\w*)(?![\w])"
)


_GENITIVE_REGION = re.compile(
    rf"\s+(?:штату|землі|провінції|регіону|кантону|департаменту|графства|воєводства|краю|state\s+of)\s+[{_UP}][\w'’-]+"
    rf"(?:\s+[{_UP}][\w'’-]+)?"
)


_LOCATED_IN = re.compile(
    r"(?:міст\w*|містечк\w*|гмін\w*|громад\w*|town|city)\s+(?:в|у|in)\s+(?:the\s+)?$", re.IGNORECASE
)
_COUNTRY_REGION_GAP = re.compile(
    r"\s*,\s*(?:штат\w*|земл\w*|провінці\w*|регіон\w*|кантон\w*|департамент\w*|state|province|region)?\s*$",
    re.IGNORECASE,
)


_NEAR_BEFORE = re.compile(
    r"(?<![\w])(?:біля|поблизу|неподалік(?:\s+від)?|недалеко\s+від|near|close\s+to|возле|около|вблизи|недалеко\s+от)"
    r"\s+(?:(?:міста|містечка|города|the\s+city\s+of)\s+)?$",
    re.IGNORECASE,
)


def locator_spans(norm: str, matches: list[PlaceMatch]) -> list[tuple[int, int]]:
    """Spans of places that only locate a partner named just before them (see the module doc)."""
    spans: list[tuple[int, int]] = []
    foreign = [pm for pm in matches if pm.candidates and pm.candidates[0].type == "PartnerCity"]
    for pm, nxt in zip(foreign, foreign[1:], strict=False):
        # region-after: "Grant County, Oregon (USA)", "Łęczna County … in the Lublin Voivodeship": a region right
        # after a partner locates it
        unit_named = re.search(r"\s(?:County|District|Municipality|Gmina)$", pm.candidates[0].label)
        gap = norm[pm.end : nxt.start]
        region = nxt.candidates[0].category == "foreign_region"
        if region and re.fullmatch(r"\s*\((?:\s*[\w'’-]+){0,3}\s*", gap):
            # "районом Гарбург (Нижня Саксонія)", "район Ерцгебірге (Вільна держава Саксонія)"
            spans.append((nxt.start, nxt.end))  # "районом Гарбург (Нижня Саксонія)": a region in brackets locates
            continue
        if region and pm.candidates[0].category == "foreign_region" and not _LOWER_UNIT.search(pm.surface):
            continue  # "Підкарпатське воєводство, Люблінське воєводство": regions listed side by side are peers
        if (region and (_REGION_GAP.fullmatch(gap) or re.fullmatch(r"\s*\(\s*", gap))) or (
            unit_named and gap.strip() == ","
        ):  # "Lancaster County (Pennsylvania)": a region in brackets right after a partner locates it too
            spans.append((nxt.start, nxt.end))
    # rule ``near-locates``: "громади Сен-Ерблен та Ла-Шапель, розташовані біля Нанта": a town named as what the
    # partners lie near locates them; it is no partner
    for pm in foreign:
        if _NEAR_BEFORE.search(norm, max(0, pm.start - 40), pm.start):
            spans.append((pm.start, pm.end))
    # in-regions: "counties and cities in states such as Indiana, Kentucky and Ohio", "у штатах Індіана та Огайо":
    # regions named as where partners are, not partners
    for rm in re.finditer(
        r"(?<![\w])(?:in|у|в)\s+(?:the\s+)?(?:states?|regions?|provinces?|штат\w*|регіон\w*|провінці\w*|земл\w*)"
        r"\s+(?:(?:such\s+as|like|як)\s+)?",
        norm,
    ):
        pos = rm.end()
        for pm in sorted(foreign, key=lambda x: x.start):
            if pm.start < pos:
                continue
            if pm.start != pos or pm.candidates[0].category != "foreign_region":
                break
            spans.append((pm.start, pm.end))
            sep = _LIST_SEP.match(norm, pm.end)
            if sep is None:
                break
            pos = sep.end()
    # country-then-region: "Ольштинек — місто в Польщі, Вармінсько-Мазурське воєводство", "місто у США, штат Мічиган":
    # a region right after the country that a partner's dash phrase named locates that partner
    countries = [pm for pm in matches if pm.candidates and pm.candidates[0].type == "Country"]
    for pm in foreign:
        if pm.candidates[0].category != "foreign_region":
            continue
        gap = _COUNTRY_REGION_GAP.search(norm, max(0, pm.start - 40), pm.start)
        if (
            gap
            and any(c.end == gap.start() and _LOCATED_IN.search(norm, max(0, c.start - 40), c.start) for c in countries)
            and re.match(r"\s*(?:[;.]|$)", norm[pm.end :])
        ):
            spans.append((pm.start, pm.end))
    for pm in foreign:
        # bracket-locator: "Саскатун (Саскачеван, Канада)"
        m = re.match(r"\s*\(([^()]{2,60})\)", norm[pm.end :])
        if m and ("," in m.group(1) or _REGION_WORD.search(m.group(1))):
            # "(Опольське воєводство)": a region in brackets after a town locates it as well
            a = pm.end + m.start(1)
            b = pm.end + m.end(1)
            spans.append((a, b))
        # capital-of: "з Ольштином — столицею Вармінсько-Мазурського воєводства"
        m = re.match(r"\s*[—–-]\s*(?:столиц|центр|адміністративн\w+\s+центр)\w*\s+[^,.;:—–()]{2,60}", norm[pm.end :])
        if m:
            spans.append((pm.end, pm.end + m.end()))
        # which-is-in: "комуною Ла-Шапель-сюр-Ердр, що в департаменті Атлантична Луара"
        m = re.match(
            r"\s*,\s*(?:що|яка|який|яке)\s+(?:в|у|на)\s+(?:департамент|регіон|провінці|воєводств|земл|штат|кантон|округ"
            r"|графств|повіт|район|краї|області)\w*\s+[^,.;:()]{2,60}",
            norm[pm.end :],
        )
        if m:
            spans.append((pm.end, pm.end + m.end()))
        # genitive-region: "округ Ла-Кросс штату Вісконсин", "громада Вайсвассер землі Саксонія": the region in the
        # genitive after its unit word locates the partner
        m = _GENITIVE_REGION.match(norm, pm.end)
        if m:
            spans.append((pm.end, m.end()))
        # comma-region: "Бірмінгем, штат Алабама"
        m = re.match(rf"\s*,\s*{_REGION_WORD.pattern}\s+[{_UP}][\w'’-]+", norm[pm.end :])
        if m:
            spans.append((pm.end, pm.end + m.end()))
        # genitive-chain: "гміна Громадка Болеславецького повіту Нижньосілезького воєводства"
        tail = _GENITIVE_CHAIN.match(norm, pm.end)
        if tail:
            spans.append((tail.start("chain"), tail.end()))  # a bracket before the chain is the name's own
        # part-of clause: "Гура-Кальварія — місто в Польщі, що входить у Мазовецьке воєводство"
        part = re.match(
            r"(?:\([^()]*\)|[^.;:!?()]){0,80}?,\s*(?:що|яке|який|яка)\s+(?:входить|входять|належить|розташован\w*)\s+"
            r"(?:(?:в|у|до)\s+(?:склад\w*\s+)?)?[^,.;:!?]{0,80}",
            norm[pm.end :],
        )
        if part:
            spans.append((pm.end + part.start(), pm.end + part.end()))
    return spans
