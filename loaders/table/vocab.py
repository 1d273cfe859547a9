"""What a plan-table cell holds, judged by its words: funding sources and executor lists.

Two vocabularies:

* :class:`FundingSources` - the FundingSource concept scheme (``ontology/data/funding_sources.csv``),
  matched by alias, by fuzzy similarity (typos such as "держаний бюджет") and by prefix
  (a qualified source such as "кошти підприємств охорони здоров'я" becomes a narrower concept).
* :class:`Executors` - organisation names learned from a whole table. A list cell is split on
  commas, but a part whose first word cannot be nominative ("земельних ресурсів та реклами",
  "дітей та молоді") continues the name before it; a part with no comma where one is missing
  ("департамент культури управління туризму") is cut into names seen elsewhere in the table.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from loaders.base import name_key

DATA = Path(__file__).resolve().parents[2] / "ontology" / "data"

_WORD = re.compile(r"[\w'ʼ’`-]+", re.UNICODE)
_APOS = str.maketrans({"ʼ": "'", "’": "'", "`": "'", "‘": "'"})
_QUOTED = re.compile(r"[\"“”„«]\s*([^\"“”„«»]+?)\s*[\"“”»]")
_HYPHEN_BREAK = re.compile(r"(?<=\w)-\s+(?=[a-zа-яіїєґ])")
_AMOUNT = re.compile(r"(?:[-–—:]\s*)?\d[\d\s.,]*(?:\s*(?:тис|млн|млрд)\.?)?(?:\s*грн\.?)?")
_BY_CONSENT = re.compile(r"\(?\s*за\s+(?:згодою|погодженням|узгодженням)\s*\)?", re.I)
_WITHIN = re.compile(r"^(?:у|в)\s+межах\s+(?:(?:коштів|асигнувань|видатків|фінансування|передбачених)\s+)*")
_CONJ = ("та", "і", "й")
_ACTION_HEADS = ("організація", "управління", "об'єднання")  # also verbal nouns
_ABBREV = re.compile(r"^[A-ZА-ЯІЇЄҐ]{2,}(?:[/-][A-ZА-ЯІЇЄҐ]{2,})*$")
NONE_VALUES = {
    "-",
    "–",
    "—",
    "",
    "не потребує",
    "не потребує фінансування",
    "без фінансування",
    "фінансування не потребує",
    "не передбачено",
    "в межах кошторисних призначень",
    "у межах кошторисних призначень",
    "в межах поточного фінансування",
    "у межах поточного фінансування",
}


def fix_text(text: str) -> str:
    """Repair what a table export does to prose: hyphenation breaks, apostrophe variants, spacing."""
    text = text.translate(_APOS)
    text = _HYPHEN_BREAK.sub("-", text)
    return re.sub(r"\s+", " ", text).strip()


def norm(text: str) -> str:
    """Comparison form of a short phrase: lower case, one apostrophe, no punctuation at the ends."""
    text = fix_text(text).casefold().replace("ё", "е")
    text = re.sub(r"[«»\"“”„]", "", text)
    return re.sub(r"\s+", " ", text).strip(" .,;:()")


def split_list(cell: str) -> list[str]:
    """Split a list cell on commas, semicolons and line breaks outside quotes and brackets."""
    return [part for _, part in split_items(cell)]


def split_items(cell: str) -> list[tuple[str, str]]:
    """(separator before, item) pairs of a list cell; the separator is "," ";" or "\\n" ("" first)."""
    items: list[tuple[str, str]] = []
    buf: list[str] = []
    depth, quote, sep = 0, False, ""
    for ch in cell:
        if ch in "«„":
            quote = True
        elif ch == "“":  # opens “…”, closes „…“
            quote = not quote
        elif ch in "»”":
            quote = False
        elif ch == '"':
            quote = not quote
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch in ",;\n" and (ch == "\n" or not quote and depth == 0):
            items.append((sep, "".join(buf).strip()))
            buf, sep = [], ch
            continue
        buf.append(ch)
    items.append((sep, "".join(buf).strip()))
    return [(s, p) for s, p in items if p]


@lru_cache(maxsize=1)
def morph():
    """The Ukrainian pymorphy3 analyser (loaded once, on first use)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


@lru_cache(maxsize=20000)
def parses(word: str) -> tuple[tuple[str, str | None, str | None], ...]:
    """(lemma, part of speech, case) of every reading of a word."""
    return tuple((p.normal_form, p.tag.POS, p.tag.case) for p in morph().parse(word.casefold()))


def can_be_nominative(word: str) -> bool:
    return any(case in ("nomn", None) for _, _, case in parses(word)) or _ABBREV.match(word) is not None


# ---------------------------------------------------------------- funding sources


@dataclass(frozen=True)
class FundingConcept:
    id: str
    label_uk: str
    label_en: str | None
    broader: str | None = None


@dataclass
class FundingSources:
    """The funding-source concept scheme, with alias, fuzzy and prefix matching."""

    concepts: dict[str, FundingConcept]
    aliases: dict[str, str]  # normalised alias -> concept id
    patterns: list[tuple[re.Pattern, str]] = field(default_factory=list)  # anchored regex -> concept id
    seen: dict[str, set[str]] = field(default_factory=dict)  # concept id -> forms the document used

    @classmethod
    def load(cls, path: Path | None = None) -> FundingSources:
        concepts, aliases, patterns = {}, {}, []
        with open(path or DATA / "funding_sources.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                c = FundingConcept(row["id"], row["label_uk"], row.get("label_en") or None)
                concepts[c.id] = c
                for alias in [row["label_uk"], *(row.get("aliases") or "").split("|")]:
                    if alias.strip():
                        aliases.setdefault(norm(alias), c.id)
                if (row.get("pattern") or "").strip():
                    patterns.append((re.compile(row["pattern"].strip()), c.id))
        return cls(concepts, aliases, patterns)

    def match(self, item: str) -> FundingConcept | None:
        """The concept an item of a funding cell names, or None when it names no funding source.

        Tried in turn: an alias, a near-identical alias (typos), an alias followed by a
        qualifier (a narrower concept labelled as written), a pattern of the scheme
        ("бюджет Луцької міської територіальної громади").
        """
        concept = self._match(item)
        if concept is not None:
            self.seen.setdefault(concept.id, set()).add(fix_text(item).strip(" .,;"))
        return concept

    def _match(self, item: str) -> FundingConcept | None:
        item = _AMOUNT.sub(" ", item)  # "бюджет громади - 150,0 тис. грн"
        key = norm(item)
        within = _WITHIN.match(key)  # "в межах коштів бюджету громади"
        if within and within.end() < len(key):
            key = item = key[within.end() :]
        if not key:
            return None
        if key in self.aliases:
            return self.concepts[self.aliases[key]]
        bare = norm(re.sub(r"\([^)]*\)?", " ", fix_text(item)))  # "державний бюджет (субвенція)"
        if bare in self.aliases:
            return self.concepts[self.aliases[bare]]
        if len(key) >= 8:
            from rapidfuzz import fuzz, process

            best = process.extractOne(key, list(self.aliases), scorer=fuzz.ratio, score_cutoff=90)
            if best is not None:
                return self.concepts[self.aliases[best[0]]]
        if len(key.split()) > 7:  # a sentence, not a funding source
            return None
        prefixes = [a for a in self.aliases if len(a) >= 8 and key.startswith(a + " ")]
        if prefixes:
            base = self.concepts[self.aliases[max(prefixes, key=len)]]
            label = fix_text(item).strip(" .,;")
            label = label[0].lower() + label[1:] if label[:1].isupper() and not label[1:2].isupper() else label
            return FundingConcept("n-" + name_key(label), label, None, broader=base.id)
        for rx, cid in self.patterns:
            if rx.match(key):
                return self.concepts[cid]
        return None

    def is_none(self, item: str) -> bool:
        """ "-", "не потребує фінансування", "у межах кошторисних призначень": no source named."""
        key = norm(item)
        if key in NONE_VALUES:
            return True
        m = _WITHIN.match(key)
        return bool(m) and len(key.split()) <= 6 and self._match(key[m.end() :]) is None

    def parse(self, cell: str) -> list[FundingConcept] | None:
        """The concepts a cell lists, or None when the cell is not a funding cell.

        Items are separated by commas, semicolons or line breaks; a line break may also just
        wrap a long item ("бюджет" / "громади"), so an item that names nothing is tried joined
        with the lines after it. Lower-case items that still name nothing qualify the item
        before them ("інші джерела, не заборонені законодавством").
        """
        if norm(cell) in NONE_VALUES:
            return []
        items = [(sep, fix_text(text)) for sep, text in split_items(cell)]
        if not items:
            return None
        found: list[FundingConcept] = []
        unknown, i = 0, 0
        while i < len(items):
            item = items[i][1]
            if self.is_none(item):
                i += 1
                continue
            concept, used = self._match(item), 1
            joined = item
            for j in range(i + 1, min(len(items), i + 4)):
                if concept is not None or items[j][0] != "\n":
                    break
                joined = f"{joined} {items[j][1]}"
                concept = self._match(joined)
                if concept is not None:
                    item, used = joined, j - i + 1
            if concept is not None:
                self.seen.setdefault(concept.id, set()).add(item.strip(" .,;"))
                if concept not in found:
                    found.append(concept)
            elif not (found and len(item.split()) <= 6 and not item[:1].isupper()):
                unknown += 1
            i += used
        if unknown or not found and not all(self.is_none(text) for _, text in items):
            return None
        return found


# ---------------------------------------------------------------- executors


@lru_cache(maxsize=1)
def head_lemmas() -> frozenset[str]:
    """Lemmas of the nouns that head organisation names (ontology/data/org_head_words.csv)."""
    with open(DATA / "org_head_words.csv", encoding="utf-8", newline="") as fh:
        return frozenset(row["lemma"].strip() for row in csv.DictReader(fh))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_head(word: str) -> bool:
    """True for a noun that heads organisation names, in a form that can be nominative."""
    heads = head_lemmas()
    return any(lemma in heads and case in ("nomn", None) for lemma, _, case in parses(word.strip("-")))


def looks_like_org(part: str) -> bool:
    """A name whose head noun (after any adjectives) names a kind of organisation, or an abbreviation."""
    ws = words(part)
    if not ws or len(ws) > 16:
        return False
    if (_ABBREV.match(ws[0].replace("'", "")) and len(ws) <= 8) or (part.lstrip()[:1] in '«"“„' and len(ws) <= 6):
        return True  # "КП «Луцькводоканал»", "«Укрзалізниця»"
    for i, w in enumerate(ws[:5]):
        if is_head(w):
            # "Організація та проведення ярмарок", "Управління відходами": an action, not a body
            nxt = ws[i + 1].casefold() if i + 1 < len(ws) else ""
            if i == 0 and w.casefold() in _ACTION_HEADS and (nxt in _CONJ or w.casefold() == "організація"):
                return "«" in part and len(ws) <= 6
            return True
        # Only adjectives (proper ones too: "Луцька філія") may stand before the head noun.
        if not any(pos in ("ADJF", "PRTF", "NUMR") for _, pos, _ in parses(w)):
            return False
    return False


def _opens_name(token: str) -> bool:
    """A token that can only open a new name: an abbreviation ("КП"), a quote, "департамент", "відділ"."""
    bare = token.strip('«"“„,')
    if token[:1] in '«"“„' or _ABBREV.match(bare.replace("'", "")):
        return True
    return any(lemma in ("департамент", "відділ") for lemma, _, _ in parses(bare))


def continues_name(part: str) -> bool:
    """True when a comma-separated part cannot start a name: it continues the previous one.

    "земельних ресурсів та реклами", "дітей та молоді", "бюджету та аудиту" begin with a
    word that cannot be nominative; "фіскальна служба", "вищі навчальні заклади" can.
    """
    ws = words(part)
    if not ws:
        return True
    first = ws[0]
    if first[:1].isupper():
        return False
    if first in ("та", "і", "й", "а", "з", "із", "зі", "для", "при", "у", "в", "на", "щодо"):
        return True
    # "архітектури та земельних відносин" could be a nominative plural, but names no organisation.
    return not can_be_nominative(first) or not looks_like_org(part)


def capitalise(name: str) -> str:
    """First letter upper case, typographic quotes: the canonical label of an executor."""
    name = _QUOTED.sub(lambda m: f"«{m.group(1)}»", fix_text(name)).strip(" .,;")
    return name[:1].upper() + name[1:]


def grammatical(name: str) -> int:
    """How many words after a name's head could be genitive, as they are in "Департамент муніципальної варти".

    Among spelling variants of one name this prefers "варти" (genitive) to the typo "варті".
    """
    ws = [w for w in words(name) if re.search("[а-яіїєґ]", w)]
    head = next((i for i, w in enumerate(ws) if is_head(w)), None)
    if head is None:
        return 0
    return sum(1 for w in ws[head + 1 :] if any(case == "gent" for _, _, case in parses(w)))


@dataclass
class Executors:
    """Executor names learned from every executor cell of one table."""

    counts: Counter = field(default_factory=Counter)  # name key -> how often the name stands alone
    surfaces: dict[str, Counter] = field(default_factory=dict)  # name key -> surface forms seen
    canonical: dict[str, str] = field(default_factory=dict)  # name key -> canonical label
    forms: dict[str, set[str]] = field(default_factory=dict)  # canonical label -> forms the table used

    @staticmethod
    def raw_parts(cell: str) -> list[str]:
        """Comma parts of a cell with continuations joined back to the name they belong to."""
        out: list[str] = []
        for sep, part in split_items(_BY_CONSENT.sub(" ", cell)):
            part = fix_text(part)
            if out and continues_name(part):
                out[-1] = fix_text(f"{out[-1]} {part}" if sep == "\n" else f"{out[-1]}{sep} {part}")
            else:
                out.append(part)
        return out

    def learn(self, cells: list[str]) -> None:
        """Count the names of all executor cells; then settle one canonical label per name."""
        for cell in cells:
            for part in self.raw_parts(cell):
                k = self.key(part)
                self.counts[k] += 1
                self.surfaces.setdefault(k, Counter())[part] += 1
        self._cluster()

    @staticmethod
    def key(name: str) -> str:
        return name_key(fix_text(name)).replace("є", "е")

    def _cluster(self) -> None:
        """Spelling variants (old/new orthography, a typo, spacing) share the label seen most often."""
        from rapidfuzz import fuzz

        keys = sorted(self.counts, key=lambda k: (-self.counts[k], k))
        parent: dict[str, str] = {}
        roots: list[str] = []
        for k in keys:
            for root in roots:
                same_head = k.split("-")[0] == root.split("-")[0]
                if same_head and abs(len(k) - len(root)) <= 2 and len(k) >= 12 and fuzz.ratio(k, root) >= 95:
                    parent[k] = root
                    break
            else:
                roots.append(k)
                parent[k] = k
        merged: dict[str, Counter] = {}
        for k, root in parent.items():
            merged.setdefault(root, Counter())
            for surface, n in self.surfaces[k].items():
                merged[root][capitalise(surface)] += n
        for k, root in parent.items():
            forms = merged[root]
            self.canonical[k] = max(forms, key=lambda f: (grammatical(f), forms[f], f))

    def is_known(self, name: str) -> bool:
        return self.counts.get(self.key(name), 0) > 0

    def split(self, cell: str) -> list[str]:
        """Canonical executor labels of one cell, in order, without repeats."""
        out: list[str] = []
        for part in self.raw_parts(cell):
            for name in self._segment(part):
                label = self.canonical.get(self.key(name)) or capitalise(name)
                self.forms.setdefault(label, set()).add(fix_text(name))
                if label not in out:
                    out.append(label)
        return out

    def _segment(self, part: str) -> list[str]:
        """Cut a part with missing commas (or joined by "та") into names, else keep it whole.

        Segments are names the table knows, or unknown names opening with an organisation
        head ("управління соціального захисту"); at least one must be known. Without known
        names, the part is cut only before "департамент"/"відділ" after a noun, or before a
        head, abbreviation or quoted name that follows "та"/"і" ("Відділ екології та КП «Зеленбуд»").
        """
        tokens = part.split()
        if len(tokens) < 3 or self.counts.get(self.key(part), 0) >= 2:
            return [part]
        n = len(tokens)
        best: list[tuple[int, int, list[str]] | None] = [None] * (n + 1)
        best[0] = (0, 0, [])
        for j in range(1, n + 1):
            for i in range(j):
                if best[i] is None or (i == 0 and j == n):
                    continue
                start = i + 1 if i > 0 and tokens[i].casefold() in _CONJ else i
                if start >= j:
                    continue
                seg = " ".join(tokens[start:j])
                if self.is_known(seg):
                    known = 1
                elif is_head(tokens[start]) and looks_like_org(seg) and (start == i or _opens_name(tokens[start])):
                    known = 0
                else:
                    continue
                cost, n_known, segs = best[i]
                cand = (cost + (1 if known else 3), n_known + known, [*segs, seg])
                if best[j] is None or cand[0] < best[j][0]:
                    best[j] = cand
        if best[n] and best[n][1] >= 1 and len(best[n][2]) >= 2:
            return best[n][2]
        cuts: list[tuple[int, int]] = []  # (end of the name before, start of the next)
        for i in range(1, n):
            prev = tokens[i - 1].casefold()
            if prev in _CONJ and i >= 2 and _opens_name(tokens[i]) and looks_like_org(" ".join(tokens[: i - 1])):
                cuts.append((i - 1, i))
            elif (
                any(lemma in ("департамент", "відділ") for lemma, _, _ in parses(tokens[i]))
                and not any(pos in ("ADJF", "PRTF") for _, pos, _ in parses(tokens[i - 1]))
                and prev not in ("з", "із", "при", "для", *_CONJ)
            ):
                cuts.append((i, i))
        if not cuts:
            return [part]
        out, begin = [], 0
        for end, nxt in cuts:
            out.append(" ".join(tokens[begin:end]))
            begin = nxt
        out.append(" ".join(tokens[begin:]))
        return [seg for seg in out if seg]

    def cell_score(self, cell: str) -> float:
        """Share of a cell's parts that look like organisation names (0 when none do)."""
        parts = self.raw_parts(cell)
        if not parts:
            return 0.0
        good = sum(1 for p in parts if self.counts.get(self.key(p), 0) >= 2 or looks_like_org(p))
        return good / len(parts)
