"""The donor and program registry (``ontology/data/donors.csv``, ``programs.csv``) and its matcher.

Names are indexed once in all their forms: Ukrainian case forms of each name's head words
(:func:`loaders.morph.case_forms`), English/German names, acronyms (matched case-sensitively),
and a "skeleton" of long names without і/ї/є/ґ/apostrophes, so text whose encoding lost those
letters ("Нмецького товариства мжнародного спвробтництва") is still recognised.
The index is cached on disk next to the user's cache, keyed by the CSV contents.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from loaders.base import cache_dir
from loaders.cachefile import read_cache, write_cache

INDEX_VERSION = "tok2-8"
# a word with its inner apostrophes (м'ясо), but not an English possessive: "World Bank's" is "World Bank" + "'s"
# "відGIZ" (a space lost in scraping): a Cyrillic run glued to a Latin acronym is two tokens
TOKEN = re.compile(r"[A-Za-z0-9]+(?='s\b)|[а-яіїєґА-ЯІЇЄҐ']+(?=[A-Z][A-Z0-9])|[\w']+|\+", re.UNICODE)
_SKELETON_DROP = str.maketrans("", "", "іїєґ'")


@dataclass
class RegistryEntry:
    """A donor, implementer or program known to the registry."""

    key: str  # "donor:<id>" or "program:<id>"
    type: str  # Donor | Organization | Program | Project
    id: str
    label: str
    label_en: str | None
    names: list[str]
    acronyms: list[str]
    kind: str = ""  # donors: multilateral, bilateral, government, implementer, ...
    country: str = ""
    parent: str = ""
    donors: list[str] = field(default_factory=list)  # programs: donor ids
    implementers: list[str] = field(default_factory=list)
    identifiers: dict[str, str] = field(default_factory=dict)


@dataclass
class RegistryMatch:
    start: int  # offsets in the matched (normalised) text
    end: int
    entry: RegistryEntry
    surface: str
    fuzzy: bool = False


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens of a normalised text with their offsets."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def _split(values: str) -> list[str]:
    return [v.strip() for v in (values or "").split("|") if v.strip()]


@lru_cache(maxsize=200_000)
def _skeleton(tok: str) -> str:
    return tok.translate(_SKELETON_DROP)


def squash(name: str) -> str:
    """A name lower-cased without spaces, punctuation or "_": how a hashtag writes it."""
    return re.sub(r"[\W_]+", "", name).lower()


class Registry:
    """Donors and programs with a token-trie matcher over normalised text."""

    def __init__(self, entries: list[RegistryEntry]):
        self.entries = entries
        self.by_key = {e.key: e for e in entries}
        self.by_id: dict[str, RegistryEntry] = {}
        for e in entries:
            self.by_id.setdefault(e.id, e)
        # first token -> [(token tuple, entry index, case-sensitive)], longest first
        self.trie: dict[str, list[tuple[tuple[str, ...], int, bool]]] = {}
        self.skel: dict[str, list[tuple[tuple[str, ...], int]]] = {}

    # ------------------------------------------------------------ index

    def build_index(self) -> None:
        from loaders.morph import case_forms

        seen: set[tuple[tuple[str, ...], int, bool]] = set()
        skel_seen: set[tuple[tuple[str, ...], int]] = set()
        for idx, e in enumerate(self.entries):
            for acr in e.acronyms:
                toks = tuple(t for t, _, _ in tokens(fold_keep_case(acr)))
                if toks:
                    seen.add((toks, idx, True))
            for name in e.names:
                norm = normalise_name(name)
                forms = case_forms(norm) if _has_cyr(norm) else {norm.lower()}
                forms |= _extra_forms(forms)
                for form in forms:
                    toks = tuple(t.casefold() for t, _, _ in tokens(form))
                    if not toks:
                        continue
                    if len(toks) == 1 and len(toks[0]) < 4 and not any(c.isdigit() for c in toks[0]):
                        continue  # too short to match without case (acronyms cover these)
                    seen.add((toks, idx, False))
                    sk = tuple(_skeleton(t) for t in toks)
                    if len(toks) >= 2 and sum(map(len, sk)) >= 12 and sk != toks:
                        skel_seen.add((sk, idx))
        for toks, idx, cs in seen:
            self.trie.setdefault(toks[0], []).append((toks, idx, cs))
        for lst in self.trie.values():
            lst.sort(key=lambda x: -len(x[0]))
        for sk, idx in skel_seen:
            self.skel.setdefault(sk[0], []).append((sk, idx))
        for lst in self.skel.values():
            lst.sort(key=lambda x: -len(x[0]))

    def to_data(self) -> dict:
        """Plain data for the JSON cache (see :meth:`from_data`)."""
        return {"entries": [asdict(e) for e in self.entries], "trie": self.trie, "skel": self.skel}

    @classmethod
    def from_data(cls, data: dict) -> Registry:
        """The registry and its index back from :meth:`to_data` (JSON lists become the tuples matched against)."""
        reg = cls([RegistryEntry(**e) for e in data["entries"]])
        reg.trie = {k: [(tuple(t), i, cs) for t, i, cs in v] for k, v in data["trie"].items()}
        reg.skel = {k: [(tuple(t), i) for t, i in v] for k, v in data["skel"].items()}
        return reg

    # ------------------------------------------------------------ matching

    def find(
        self,
        text: str,
        toks: list[tuple[str, int, int]] | None = None,
        skeleton: bool = True,
        lossy: bool = False,
    ) -> list[RegistryMatch]:
        """Non-overlapping registry names in a normalised text, longest first, left to right.

        ``skeleton``: also match long names with і/ї/є/ґ/apostrophes lost (for broken encodings): only a
        surface without those letters, unless ``lossy`` (the whole text is known to have lost them).
        """
        toks = toks if toks is not None else tokens(text)
        orig = [t for t, _, _ in toks]
        low = [t.casefold() for t in orig]
        out: list[RegistryMatch] = []
        i = 0
        n = len(toks)
        one, two = self._by_first_two()
        while i < n:
            best = None
            nxt_cs = orig[i + 1] if i + 1 < n else None
            nxt_ci = low[i + 1] if i + 1 < n else None
            for key, nxt, cs_ok in ((orig[i], nxt_cs, True), (low[i], nxt_ci, False)):
                cands = [*two.get((key, nxt), ()), *one.get(key, ())] if nxt is not None else one.get(key)
                if not cands:
                    continue
                for seq, idx, cs in cands:
                    if cs != cs_ok:
                        continue
                    k = len(seq)
                    if i + k > n:
                        continue
                    got = tuple(orig[i : i + k]) if cs else tuple(low[i : i + k])
                    if got == seq and (best is None or k > best[0]):
                        best = (k, idx, False)
                        break
            if best is None and skeleton:
                sk0 = _skeleton(low[i])
                for seq, idx in self.skel.get(sk0, ()):
                    k = len(seq)
                    span = low[i : i + k]
                    if (
                        i + k <= n
                        and tuple(_skeleton(t) for t in span) == seq
                        and (lossy or all(_skeleton(t) == t for t in span))
                    ):
                        best = (
                            k,
                            idx,
                            True,
                        )  # only a surface that lost those letters ("Вдновлення", not "Відновлення")
                        break
            if best is None:
                i += 1
                continue
            k, idx, fuzzy = best
            start, end = toks[i][1], toks[i + k - 1][2]
            out.append(RegistryMatch(start, end, self.entries[idx], text[start:end], fuzzy))
            i += k
        return out

    def _by_first_two(self) -> tuple[dict, dict]:
        """The name index split by first token (one-word names) and by first two tokens (longer names, longest
        first): a common first word ("фонд", "the", "програма") no longer makes every token try every name."""
        cached = self.__dict__.get("_first_two")
        if cached is None:
            one: dict = {}
            two: dict = {}
            for lst in self.trie.values():
                for item in lst:
                    seq = item[0]
                    if len(seq) >= 2:
                        two.setdefault((seq[0], seq[1]), []).append(item)
                    else:
                        one.setdefault(seq[0], []).append(item)
            for lst in two.values():
                lst.sort(key=lambda x: -len(x[0]))
            cached = self.__dict__["_first_two"] = (one, two)
        return cached

    def initiatives_by_squashed_name(self) -> dict[str, RegistryEntry]:
        """Programmes and projects by their many-word names without spaces or punctuation (see :func:`squash`),
        for hashtags ("#ВеликеБудівництво"); built once."""
        table = self.__dict__.get("_squashed")
        if table is None:
            table = self.__dict__["_squashed"] = {}
            for e in self.by_id.values():
                if e.type in ("Program", "Project"):
                    for name in (e.label, *e.names):
                        if " " in name.strip():
                            table.setdefault(squash(name), e)
        return table

    def government_of(self, country: str) -> RegistryEntry | None:
        """The registry donor that is the government of an ISO country code, if listed."""
        cands = [
            e for e in self.entries if e.type == "Donor" and e.country == country and e.kind in ("government", "state")
        ]
        for e in cands:
            if e.label.lower().startswith("уряд") or (e.label_en or "").lower().startswith("government"):
                return e
        return None


def looks_letter_lossy(sample: str) -> bool:
    """True for Ukrainian text whose encoding lost і/ї/є/ґ ("Нмецького товариства мжнародного")."""
    low = sample.casefold()
    cyr = sum(1 for ch in low if "а" <= ch <= "я" or ch in "іїєґ")
    if cyr < 200 or any(ch in low for ch in "ыэъ"):
        return False
    special = sum(low.count(ch) for ch in "іїєґ")
    return special / cyr < 0.015


def _has_cyr(text: str) -> bool:
    return bool(re.search(r"[а-яіїєґА-ЯІЇЄҐ]", text))


def normalise_name(name: str) -> str:
    return re.sub(r"\s+", " ", fold_keep_case(name)).strip()


def fold_keep_case(text: str) -> str:
    from loaders.text import normalise

    return normalise(text)[0]


def _extra_forms(forms: set[str]) -> set[str]:
    """Common variant endings pymorphy3 leaves out: masc. dative/locative -у/-ю beside -ові/-і."""
    extra = set()
    for f in forms:
        words = f.split()
        for i, w in enumerate(words):
            for a, b in (("ові", "у"), ("еві", "ю"), ("єві", "ю")):
                if w.endswith(a) and len(w) > 5:
                    extra.add(" ".join(words[:i] + [w[: -len(a)] + b] + words[i + 1 :]))
    return extra


# ---------------------------------------------------------------- loading


def registry_paths() -> tuple[Path, Path]:
    """Paths of donors.csv and programs.csv (``GRAPHTOOL_REGISTRY_DIR`` overrides, for tests)."""
    import ontology

    base = Path(os.environ.get("GRAPHTOOL_REGISTRY_DIR") or ontology.DATA)
    return base / "donors.csv", base / "programs.csv"


def read_entries(donors_csv: Path, programs_csv: Path) -> list[RegistryEntry]:
    """Registry entries from the two CSV files (a missing file is an empty registry part)."""
    entries = _read_rows(donors_csv, ("wikidata", "iati"), _donor_entry)
    entries += _read_rows(programs_csv, ("wikidata",), _program_entry)
    _add_language_names(entries)
    _add_government_forms(entries)
    return entries


def _english_adjectives() -> dict[str, str]:
    """ISO code -> the English adjective of a country ("DK" -> "Danish"): the first Latin stem of its row in
    ontology/data/country_adjectives.csv (read by the gazetteer's :func:`country_adjective_rows`); the first is
    the state's own ("british"), later ones may name a part of it ("welsh": the Welsh Government is not the UK's)."""
    from loaders.gazetteer.index import country_adjective_rows

    out: dict[str, str] = {}
    for iso, stems in country_adjective_rows():
        latin = [s for s in stems if s.isascii() and s.isalpha()]
        if latin:
            out[iso] = latin[0].capitalize()
    return out


def _add_government_forms(entries: list[RegistryEntry]) -> None:
    """A state's government is also named by its foreign ministry in English: "the Danish Ministry of Foreign
    Affairs", "Ministry for Foreign Affairs of Finland" and "the Dutch Government" fund through the government
    donor (``gov_<country>``), as "Міністерство закордонних справ Данії" already does in the CSV."""
    adjectives = _english_adjectives()
    taken = {n.casefold() for e in entries for n in (e.label, e.label_en or "", *e.names, *e.acronyms)}
    for e in entries:
        if not e.id.startswith("gov_") or e.kind != "government" or not e.country:
            continue
        country = (e.label_en or "").removeprefix("Government of ").removeprefix("the ").strip()
        adj = adjectives.get(e.country)
        forms = []
        if country and not country.startswith("Government"):
            forms += [f"Ministry of Foreign Affairs of {country}", f"Ministry for Foreign Affairs of {country}"]
        if adj:
            forms += [f"{adj} Ministry of Foreign Affairs", f"{adj} Ministry for Foreign Affairs", f"{adj} Government"]
        genitive = e.label.removeprefix("Уряд ").strip() if e.label.startswith("Уряд ") else ""
        if genitive:  # "Міністерство закордонних справ Нідерландів", "МЗС Нідерландів", "уряду Нідерландів"
            forms += [f"Міністерство закордонних справ {genitive}", f"МЗС {genitive}"]
        for name in list(e.names):  # Russian, from "Правительство Дании" (loaders/lang/ru/registry_names.csv)
            if name.startswith("Правительство "):
                ru = name.removeprefix("Правительство ")
                forms += [f"Министерство иностранных дел {ru}", f"МИД {ru}"]
        for name in forms:
            if name.casefold() not in taken:  # "Міністерство закордонних справ Німеччини" is Auswärtiges Amt's own
                e.names.append(name)


def _cell(row: dict, column: str) -> str:
    return (row.get(column) or "").strip()


def _read_rows(path: Path, id_columns: tuple[str, ...], make) -> list[RegistryEntry]:
    """One entry per row with an id; ``make(row, common)`` adds what is particular to donors or programs.

    ``common`` holds the fields both files fill the same way: id, labels, names, acronyms, parent and the
    identifiers in ``id_columns``.
    """
    if not path.exists():
        return []
    out: list[RegistryEntry] = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            rid = _cell(row, "id")
            if not rid:
                continue
            names = [n for n in [row.get("label_uk"), row.get("label_en"), *_split(row.get("aliases", ""))] if n]
            common = {
                "id": rid,
                "label": (row.get("label_uk") or row.get("label_en") or rid).strip(),
                "label_en": _cell(row, "label_en") or None,
                "names": [n.strip() for n in names],
                "acronyms": _split(row.get("acronyms", "")),
                "parent": _cell(row, "parent"),
                "identifiers": {k: _cell(row, k) for k in id_columns if _cell(row, k)},
            }
            out.append(make(row, common))
    return out


def _donor_entry(row: dict, common: dict) -> RegistryEntry:
    kind = _cell(row, "kind")
    return RegistryEntry(
        key=f"donor:{common['id']}",
        type="Organization" if kind == "implementer" else "Donor",
        kind=kind,
        country=_cell(row, "country"),
        **common,
    )


def _program_entry(row: dict, common: dict) -> RegistryEntry:
    typ = (row.get("type") or "Program").strip()
    return RegistryEntry(
        key=f"program:{common['id']}",
        type=typ if typ in ("Program", "Project") else "Program",
        donors=_split(row.get("donors", "")),
        implementers=_split(row.get("implementers", "")),
        **common,
    )


def language_name_files() -> list[Path]:
    """``loaders/lang/<language>/registry_names.csv``: registry names in other languages, by id."""
    return sorted((Path(__file__).parent / "lang").glob("*/registry_names.csv"))


def _add_language_names(entries: list[RegistryEntry]) -> None:
    """Merge each language's names into the entries with the same id.

    Ids the registry does not have are skipped (a test registry is small); that the shipped registry
    knows every id is checked in ``tests/test_registry_data.py``.
    """
    by_id = {e.id: e for e in entries}
    for path in language_name_files():
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(line for line in fh if not line.startswith("#")):
                entry = by_id.get((row.get("id") or "").strip())
                if entry is None:
                    continue
                names = _split(row.get("names", ""))
                if path.parent.name == "ru" and names:
                    # "Программой развития ООН", "Европейским Союзом": a Russian name in its cases, made once
                    from loaders.russian_cases import phrase_forms

                    names += sorted(phrase_forms(names[0]))
                for name in names:
                    if name not in entry.names and name not in entry.acronyms:
                        (entry.acronyms if name.isupper() and len(name) <= 6 else entry.names).append(name)


def load_registry(donors_csv: Path | None = None, programs_csv: Path | None = None) -> Registry:
    """The registry with its name index, from the on-disk cache when the CSVs are unchanged."""
    if donors_csv is None or programs_csv is None:
        donors_csv, programs_csv = registry_paths()
    digest = hashlib.sha256(INDEX_VERSION.encode())
    import ontology

    # the code that makes names too (this module, the Russian case forms): a change to it rebuilds the index
    # without a version bump
    for p in (
        Path(__file__),
        Path(__file__).with_name("russian_cases.py"),
        donors_csv,
        programs_csv,
        *language_name_files(),
        ontology.DATA / "country_adjectives.csv",
    ):
        digest.update(p.read_bytes() if p.exists() else b"-")
    cache = cache_dir() / f"registry-{digest.hexdigest()[:16]}.json"
    try:
        return read_cache(cache, Registry.from_data)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        pass  # missing, truncated or foreign: rebuild
    reg = Registry(read_entries(donors_csv, programs_csv))
    reg.build_index()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_cache(cache, reg.to_data())
    except OSError:
        pass  # a read-only home just means no cache
    return reg


@lru_cache(maxsize=4)
def _cached(donors: str, programs: str, stamp: tuple) -> Registry:
    from loaders.text import permanent

    return permanent(load_registry(Path(donors), Path(programs)))


def get_registry() -> Registry:
    """The process-wide registry (reloaded when the CSV files change)."""
    d, p = registry_paths()
    stamp = tuple((x.stat().st_mtime_ns, x.stat().st_size) if x.exists() else None for x in (d, p))
    return _cached(str(d), str(p), stamp)
