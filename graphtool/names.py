"""Forgiving name lookup: find the entity a person means by a name typed in any case, form or language.

"Житомир", "ЖИТОМИР", "Zhytomyr", "житомирі" and "Житомирa" (Latin "a") all find the same community.
Matching goes through tiers and stops at the first that finds anything:

1. ``exact``: the folded name (case, apostrophes, quotes, dashes, spacing, Latin look-alike letters
   inside Cyrillic words) equals a folded label or alias;
2. ``translit``: the same after transliterating Ukrainian to Latin (so English spellings match);
3. ``lemma``: word by word, the dictionary forms (pymorphy3) meet ("у Житомирі" -> "Житомир");
4. ``words``: every word of the name (as a lemma) is among the label's words ("Луцька громада");
5. ``stem``: every word of the name starts a word of the label ("Житомир" -> "Житомирська громада");
6. ``fuzzy``: close spelling (typos), for names of 5+ letters.

Labels are read with ``reader.select`` only, so a remote endpoint works too.

A lookup that was forgiving (anything but an exact match of the label itself, a settlement standing for
its hromada, or a choice among several candidates) is told on the ``graphtool.names`` logger at INFO
(``matched 'Житомр' → Житомирська міська громада (Community) <…/UA18…>``); the command line prints it
on stderr, so a typo never silently becomes a different place.
"""

from __future__ import annotations

import logging
import marshal
import re
import unicodedata
import weakref
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graphtool.reader import Reader, ask
from graphtool.vocab import GT

_GT = str(GT)
log = logging.getLogger("graphtool.names")
TIERS = ("exact", "translit", "lemma", "words", "stem", "fuzzy")
# the layout of :meth:`NameIndex.dumps`, and the "text" of its file beside the store (graphtool.answers.NAMES):
# changed, an older file is left unread
INDEX_LAYOUT = "graphtool.names.NameIndex 2"

_APOSTROPHES = re.compile(r"[ʼ’'`′ʹ‘]")
_PUNCT = re.compile(r"[^\w]+", re.UNICODE)
_CYR = re.compile(r"[а-яіїєґё]")
_LOOKALIKE = str.maketrans({"a": "а", "b": "в", "c": "с", "e": "е", "h": "н", "i": "і", "k": "к", "m": "м",
                            "o": "о", "p": "р", "t": "т", "x": "х", "y": "у", "ï": "ї"})  # fmt: skip
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "ё": "e", "ы": "y", "э": "e", "ъ": "",
}  # fmt: skip
_WORD_START = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


class NameLookupError(LookupError):
    """A name matched nothing, or more than one entity; ``candidates`` lists what came close."""

    def __init__(self, message: str, candidates: list[Candidate] | None = None) -> None:
        super().__init__(message)
        self.candidates = candidates or []


class NameNotFound(NameLookupError):
    """No entity has a name like this."""


class AmbiguousName(NameLookupError):
    """Several entities have a name like this: ``candidates`` lists them."""


@dataclass(frozen=True)
class Candidate:
    """An entity a name may refer to, and how the name matched it."""

    iri: str
    label: str
    type: str
    matched: str  # the label or alias that matched
    how: str  # one of TIERS
    preferred: bool  # matched a preferred label rather than an alias

    def describe(self) -> str:
        return f"{self.label} ({self.type}) <{self.iri}>"


def fold(text: str) -> str:
    """Case, apostrophes, quotes, dashes and spacing folded; Latin look-alikes in Cyrillic words made Cyrillic."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _APOSTROPHES.sub("", text)
    words = _PUNCT.sub(" ", text).split()
    return " ".join(w.translate(_LOOKALIKE) if _CYR.search(w) else w for w in words)


def translit(folded: str) -> str:
    """Latin form of a folded name (Ukrainian national system, 2010); Latin text is kept as is."""
    out = []
    for word in folded.split():
        chars = [(_WORD_START.get(ch) if i == 0 else None) or _TRANSLIT.get(ch, ch) for i, ch in enumerate(word)]
        out.append("".join(chars).replace("zgh", "zh"))
    return " ".join(out)


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


# the lemmas of the words of every name, as written with the name index (NameIndex.dumps) by the same pymorphy3:
# the lemma tier of a lookup parses each word of the wanted names (1,281 for the communities at a million
# triples, 100-150 ms of a first lookup), the same in every process
_WRITTEN_LEMMAS: dict[str, frozenset[str]] = {}


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Dictionary forms a folded word may have (itself included)."""
    if not _CYR.search(word):
        return frozenset({word})
    known = _WRITTEN_LEMMAS.get(word)
    if known is not None:
        return known
    return frozenset({word} | {p.normal_form.replace("ʼ", "").replace("'", "") for p in _morph().parse(word)})


def _morph_version() -> str:
    from importlib.metadata import version

    try:
        return f"{version('pymorphy3')} {version('pymorphy3-dicts-uk')}"
    except Exception:  # noqa: BLE001 - an unknown version: the written lemmas are not trusted
        return ""


@dataclass
class _Entry:
    iri: str
    label: str  # display label
    type: str
    names: dict[str, bool] = field(default_factory=dict)  # name -> preferred?
    category: str = ""
    parents: set[str] = field(default_factory=set)


class NameIndex:
    """Every label and alias of every entity, folded for matching."""

    def __init__(self, rows: list[tuple[str, str, str, bool, str]], parents: dict[str, set[str]] | None = None) -> None:
        entries: dict[str, _Entry] = {}
        # in one order whatever order the engine gave them: an index written at build time (dumps) is the same
        # bytes for the same store, so two stores that hold the same get the same answers' token
        for iri, type_, name, preferred, category in sorted(rows):
            entry = entries.setdefault(iri, _Entry(iri, name, type_, category=category))
            entry.names[name] = entry.names.get(name, False) or preferred
            if type_ != entry.type and entry.type == "Thing":
                entry.type = type_
        for child, ups in (parents or {}).items():
            if child in entries:
                entries[child].parents |= ups
        for entry in entries.values():
            entry.label = _display_label(entry.names)
        self.entries = entries
        self._exact: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._translit: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for entry in entries.values():
            for name in entry.names:
                f = fold(name)
                if f:
                    self._exact[f].append((entry.iri, name))
                    self._translit[translit(f)].append((entry.iri, name))

    @classmethod
    def from_reader(cls, reader: Reader) -> NameIndex:
        # separate DISTINCT queries joined here: every document graph repeats an entity's type and
        # labels, so one joined pattern would multiply them (minutes on a large store)
        types: dict[str, str] = {}
        for e, cls_ in ask(reader, "entity_types").rows:
            type_ = str(cls_)[len(_GT) :]
            if type_ not in ("Document", "Evidence", "Mention"):
                types.setdefault(str(e), type_)
        categories = {str(e): str(c) for e, _p, c in ask(reader, "entity_attributes", {"p": GT.category}).rows}
        rows = []
        for e, name, kind in ask(reader, "entity_names").rows:
            iri = str(e)
            if iri in types:
                rows.append((iri, types[iri], str(name), str(kind) == "pref", categories.get(iri, "")))
        parents: dict[str, set[str]] = defaultdict(set)
        for child, _p, parent in ask(reader, "relation_links", {"p": GT.locatedIn}).rows:
            if types.get(str(child)) == "Community" and types.get(str(parent)) == "Community":
                parents[str(child)].add(str(parent))
        return cls(rows, parents)

    def dumps(self) -> bytes:
        """The index as bytes (:mod:`marshal`), written beside the store at build time (``GraphStore.write_answers``):
        read back by :meth:`loads` in milliseconds, where building it reads every name of the store and folds each
        (1.2-1.5 s of CPU at a million triples, 8-10 s at ten million: bench/RESULTS.md, "the first call's cost")."""
        entries = [(e.iri, e.label, e.type, e.names, e.category, sorted(e.parents)) for e in self.entries.values()]
        words = {w for e in self.entries.values() for name in e.names for w in fold(name).split() if _CYR.search(w)}
        written = {w: sorted(lemmas(w)) for w in sorted(words)}  # 10,218 words, 0.42 s at 1M triples
        return marshal.dumps(
            (INDEX_LAYOUT, entries, dict(self._exact), dict(self._translit), _morph_version(), written)
        )

    @classmethod
    def loads(cls, data: bytes) -> NameIndex | None:
        """The index :meth:`dumps` wrote, or None (another layout, a damaged file)."""
        try:
            layout, entries, exact, translits, morph, written = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            return None
        if layout != INDEX_LAYOUT:
            return None
        if morph and morph == _morph_version():
            _WRITTEN_LEMMAS.update((word, frozenset(found)) for word, found in written.items())
        index = cls.__new__(cls)
        index.entries = {
            iri: _Entry(iri, label, type_, names, category, set(parents))
            for iri, label, type_, names, category, parents in entries
        }
        index._exact = defaultdict(list, exact)
        index._translit = defaultdict(list, translits)
        return index

    def _candidate(self, iri: str, name: str, how: str) -> Candidate:
        entry = self.entries[iri]
        return Candidate(iri, entry.label, entry.type, name, how, entry.names.get(name, False))

    def find(self, name: str, types: list[str] | tuple[str, ...] | None = None) -> list[Candidate]:
        """Candidates of the first tier that matches anything, best first (preferred labels, then label)."""
        wanted = set(types) if types else None
        folded = fold(name)
        if not folded:
            return []

        def ok(iri: str) -> bool:
            return wanted is None or self.entries[iri].type in wanted

        def finish(found: list[Candidate]) -> list[Candidate]:
            best: dict[str, Candidate] = {}
            for c in found:
                if c.iri not in best or (c.preferred and not best[c.iri].preferred):
                    best[c.iri] = c
            return sorted(best.values(), key=lambda c: (not c.preferred, c.label, c.iri))

        for how, key, table in (("exact", folded, self._exact), ("translit", translit(folded), self._translit)):
            found = [self._candidate(i, n, how) for i, n in table.get(key, ()) if ok(i)]
            if found:
                return finish(found)

        query_words = folded.split()
        query_lemmas = [lemmas(w) for w in query_words]
        tiers: dict[str, list[Candidate]] = defaultdict(list)
        for iri, entry in self.entries.items():
            if not ok(iri):
                continue
            for label in entry.names:
                words = fold(label).split()
                if not words:
                    continue
                label_lemmas = [lemmas(w) for w in words]
                if len(words) == len(query_words) and all(
                    q & lab for q, lab in zip(query_lemmas, label_lemmas, strict=True)
                ):
                    tiers["lemma"].append(self._candidate(iri, label, "lemma"))
                elif all(any(q & lab for lab in label_lemmas) for q in query_lemmas):
                    tiers["words"].append(self._candidate(iri, label, "words"))
                elif all(
                    len(w) >= 4 and any(_stem_match(w, q, lw) for lw in words)
                    for w, q in zip(query_words, query_lemmas, strict=True)
                ):
                    tiers["stem"].append(self._candidate(iri, label, "stem"))
        for how in ("lemma", "words", "stem"):
            if tiers[how]:
                return finish(tiers[how])
        if len(folded) >= 5:
            from rapidfuzz import fuzz

            found = []
            for iri, entry in self.entries.items():
                if ok(iri):
                    for label in entry.names:
                        f = fold(label)
                        if fuzz.ratio(folded, f) >= 85 or fuzz.ratio(translit(folded), translit(f)) >= 85:
                            found.append(self._candidate(iri, label, "fuzzy"))
            return finish(found)
        return []

    def hromada_of(self, candidate: Candidate) -> Candidate:
        """The hromada a settlement is the namesake centre of ("Житомир" -> Житомирська міська громада), else itself."""
        entry = self.entries.get(candidate.iri)
        if entry is None or entry.category not in _SETTLEMENT_CATEGORIES:
            return candidate
        stems = {lem[: max(4, len(lem) - 2)] for w in fold(entry.label).split() for lem in lemmas(w)}
        for parent in sorted(entry.parents):
            up = self.entries.get(parent)
            if up is not None and up.category == "hromada" and any(fold(up.label).startswith(s) for s in stems):
                return Candidate(up.iri, up.label, up.type, candidate.matched, candidate.how, candidate.preferred)
        return candidate

    def resolve(
        self, name: str, types: list[str] | tuple[str, ...] | None = None, *, prefer_hromada: bool = False
    ) -> Candidate:
        """The one entity a name means; raises :class:`NameNotFound` or :class:`AmbiguousName`.

        With ``prefer_hromada``, a settlement that is the centre of its namesake hromada stands for the
        hromada (what "Житомир" means in a question about donors or partners).
        """
        found = self.find(name, types)
        if prefer_hromada:
            found = list({c.iri: c for c in map(self.hromada_of, found)}.values())
        kinds = "/".join(types) if types else "entity"
        if not found:
            raise NameNotFound(f"no {kinds} named {name!r}")
        if len(found) > 1:
            preferred = [c for c in found if c.preferred and c.how in ("exact", "translit", "lemma")]
            if len(preferred) == 1:
                return _told(name, preferred[0], found)
            # "Луцьк" means the city or its hromada, not the raion or oblast named after it
            asked = set().union(*(lemmas(w) for w in fold(name).split()))
            if not asked & _AREA_WORDS:
                local = [c for c in found if self.entries[c.iri].category not in _AREA_CATEGORIES]
                if len(local) == 1:
                    return _told(name, local[0], found)
            listing = "\n".join(f"  - {c.describe()}" for c in found[:20])
            raise AmbiguousName(
                f"{name!r} may mean {len(found)} entities; say which (IRI or fuller name):\n{listing}", found
            )
        return _told(name, found[0], found)


def _told(name: str, chosen: Candidate, found: list[Candidate]) -> Candidate:
    """Log what a forgiving lookup chose (and what else it could have meant); returns ``chosen``."""
    others = [c for c in found if c.iri != chosen.iri]
    if not others and chosen.how == "exact" and fold(chosen.label) == fold(name):
        return chosen  # the label itself: nothing to tell
    message = f"matched {name!r} → {chosen.describe()} [{chosen.how}: {chosen.matched!r}]"
    if others:
        listing = "; ".join(c.describe() for c in others[:5])
        more = f" and {len(others) - 5} more" if len(others) > 5 else ""
        message += f"; also possible: {listing}{more} (give an IRI or a fuller name to choose)"
    log.info(message)
    return chosen


def _display_label(names: dict[str, bool]) -> str:
    """The label an entity is shown by: its first preferred Cyrillic label, else its first preferred one, else its
    first name (code-point order)."""
    prefs = sorted(n for n, p in names.items() if p and _CYR.search(n.casefold()))
    return (prefs or sorted(n for n, p in names.items() if p) or sorted(names))[0]


_AREA_CATEGORIES = {"raion", "oblast", "region"}
_SETTLEMENT_CATEGORIES = {"city", "town", "village", "settlement", "smt", "urban_settlement", "rural_settlement"}
_AREA_WORDS = {"район", "область", "raion", "oblast", "region", "district"}


def _stem_match(word: str, word_lemmas: frozenset[str], label_word: str) -> bool:
    stems = {w[: max(4, len(w) - 2)] for w in word_lemmas} | {word[: max(4, len(word) - 2)]}
    return any(label_word.startswith(s) for s in stems)


_INDEXES: weakref.WeakKeyDictionary[Any, NameIndex] = weakref.WeakKeyDictionary()


def name_index(reader: Reader, *, refresh: bool = False) -> NameIndex:
    """The name index of a reader (once per reader object): as written at build time beside an embedded store
    when the store still holds the answers' token (``GraphStore.written_names``, the rules of
    :mod:`graphtool.answers`: never a file of another state of the store), else built from the reader."""
    try:
        if not refresh and reader in _INDEXES:
            return _INDEXES[reader]
        index = _written_index(reader) or NameIndex.from_reader(reader)
        _INDEXES[reader] = index
        return index
    except TypeError:  # a reader that cannot be weakly referenced
        return _written_index(reader) or NameIndex.from_reader(reader)


def _written_index(reader: Reader) -> NameIndex | None:
    written = getattr(reader, "written_names", None)  # the embedded store only
    data = written() if written is not None else None
    return None if data is None else NameIndex.loads(data)


def find(reader: Reader, name: str, types: list[str] | tuple[str, ...] | None = None) -> list[Candidate]:
    """Entities a name may refer to (see the module docstring for how names match)."""
    return name_index(reader).find(name, types)


def resolve(
    reader: Reader, name: str, types: list[str] | tuple[str, ...] | None = None, *, prefer_hromada: bool = False
) -> Candidate:
    """The one entity ``name`` refers to (an IRI is accepted as is when the graph knows it).

    Raises:
        NameNotFound: nothing matches.
        AmbiguousName: several entities match equally well; ``candidates`` lists them.
    """
    if name.startswith(("http://", "https://")):
        entry = _entry_of_iri(reader, name)
        if entry is not None:
            if types and entry.type not in types:
                raise NameNotFound(f"{name} is a {entry.type}, not a {'/'.join(types)}")
            return Candidate(name, entry.label, entry.type, entry.label, "iri", True)
        raise NameNotFound(f"no entity with the IRI {name}")
    return name_index(reader).resolve(name, types, prefer_hromada=prefer_hromada)


def names_of(reader: Reader, iris: list[str]) -> dict[str, set[str]]:
    """Every name (labels and aliases) of each of ``iris``, entities of the ontology, as the name index holds
    them: from the reader's index when it is built, else asked about those IRIs alone (a focused map's nodes,
    without reading every name of the store). An IRI with no name is left out."""
    from rdflib import URIRef

    from graphtool.report_graph import _chunks

    try:
        index = _INDEXES.get(reader)
    except TypeError:  # a reader that cannot be weakly referenced
        index = None
    if index is not None:
        return {iri: set(index.entries[iri].names) for iri in iris if iri in index.entries}
    found: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(list(dict.fromkeys(iris))):
        for e, name, _kind in ask(reader, "entity_names", {"e": [URIRef(i) for i in chunk]}).rows:
            found[str(e)].add(str(name))
    return dict(found)


def _entry_of_iri(reader: Reader, iri: str) -> _Entry | None:
    """The name index's entry of one IRI (None: the index has none), asked about that IRI alone when the reader's
    index is not built yet: building it reads every name of the store (1.0-1.9 s at a million triples, 8-10 s of
    CPU at ten million, bench/RESULTS.md "the first call's cost"), for an answer two bound questions give in
    milliseconds. An entity of several graphtool classes takes the whole index: which class it is shown as
    follows the order of the index's rows."""
    try:
        index = _INDEXES.get(reader)
    except TypeError:  # a reader that cannot be weakly referenced
        index = None
    if index is None:
        from rdflib import URIRef

        term = [URIRef(iri)]
        classes = {str(c)[len(_GT) :] for _e, c in ask(reader, "entity_types", {"e": term}).rows}
        classes -= {"Document", "Evidence", "Mention"}
        if not classes:
            return None
        if len(classes) == 1:
            names: dict[str, bool] = {}
            for _e, label, kind in ask(reader, "entity_names", {"e": term}).rows:
                names[str(label)] = names.get(str(label), False) or str(kind) == "pref"
            if not names:
                return None
            return _Entry(iri, _display_label(names), classes.pop(), names)
        index = name_index(reader)
    return index.entries.get(iri)
