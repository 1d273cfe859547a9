"""Stage "read": Ukrainian text whose і, ї and є were lost by a broken encoding.

Some pages reach us with every і/ї/є dropped ("Рвненсько обласно ради", "реалзується за пдтримки
уряду Нмеччини"): names, cue verbs and case endings all fail to match. Such a document is recognised
by its letters, not by its words: Ukrainian prose has і or ї in about one letter in fifteen, and a
page with almost none of them and none of the Russian letters (ы, э, ъ, ё) has lost them. Each word
the dictionary does not know is then given back one or two of the letters where that makes a
known word; the extractor reads the repaired text and every offset is mapped back to the original,
so evidence still quotes the page as it was written.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from loaders.base import Evidence, Extraction

_CYR = re.compile(r"[а-яіїєґ]", re.IGNORECASE)
_LOST_I = re.compile(r"[ії]", re.IGNORECASE)  # є is rarer: a page may lose і/ї and keep it
_LATIN_I = re.compile(r"(?<=[а-яґєії'])[iI]|[iI](?=[а-яґєії'])", re.IGNORECASE)
_RUSSIAN = re.compile(r"[ыэъё]", re.IGNORECASE)
_WORD = re.compile(r"[А-Яа-яІіЇїЄєҐґ'’]{2,}")
_LETTERS = "іїє"
_MARKED = re.compile(r"[А-Яа-яІіЇїЄєҐґ'’?]*[А-Яа-яІіЇїЄєҐґ]\?[А-Яа-яІіЇїЄєҐґ'’?]*|\?[А-Яа-яІіЇїЄєҐґ]+")
MAX_DOUBLE = 400  # words tried with two letters given back (each costs about a thousand look-ups)


def lost_letters(text: str) -> bool:
    """A Ukrainian text that has lost its і/ї/є: enough Cyrillic, almost none of them, and not Russian."""
    sample = _LATIN_I.sub("і", text[:200_000])  # "мiсто" with a Latin i has not lost its letter
    cyr = len(_CYR.findall(sample))
    if cyr < 200:
        return False
    return len(_LOST_I.findall(sample)) < 0.01 * cyr and len(_RUSSIAN.findall(sample)) < 0.003 * cyr


def _known():
    from loaders.morph import morph

    return morph().word_is_known


def _restore(word: str, known, double: bool) -> str | None:
    low = word.lower()
    n = len(low)
    for i in range(n + 1):
        for ch in _LETTERS:
            cand = low[:i] + ch + low[i:]
            if known(cand):
                return cand
    if not double or n > 16:
        return None
    for i in range(n + 1):
        for j in range(i, n + 1):
            for a in _LETTERS:
                for b in _LETTERS:
                    cand = low[:i] + a + low[i:j] + b + low[j:]
                    if known(cand):
                        return cand
    return None


def _cased(original: str, fixed: str) -> str:
    if original.isupper():
        return fixed.upper()
    if original[:1].isupper():
        return fixed[:1].upper() + fixed[1:]
    return fixed


def repair(text: str) -> tuple[str, list[int]]:
    """The text with lost letters given back, and the sorted positions (in the repaired text) of
    every inserted letter."""
    known = _known()
    fixes: dict[str, str | None] = {}
    doubles = 0
    out: list[str] = []
    inserted: list[int] = []
    last = 0
    shift = 0
    for m in _WORD.finditer(text):
        w = m.group()
        low = w.lower()
        if low not in fixes:
            if len(low) > 30 or known(low):
                fixes[low] = None  # (no word is that long: a run of letters is not repaired)
            else:
                double = doubles < MAX_DOUBLE
                doubles += double
                fixes[low] = _restore(low, known, double)
        fixed = fixes[low]
        if fixed is None:
            continue
        out.append(text[last : m.start()])
        fixed = _cased(w, fixed)
        # the inserted letters: walk both words together
        base = m.start() + shift
        i = k = 0
        while k < len(fixed):
            if i < len(w) and fixed[k].lower() == w[i].lower():
                i += 1
            else:
                inserted.append(base + k)
            k += 1
        shift += len(fixed) - len(w)
        out.append(fixed)
        last = m.end()
    out.append(text[last:])
    return "".join(out), inserted


LOST_NOTE = "the text had lost its і/ї/є (a broken encoding): read with the letters given back"
MARKED_NOTE = "the text had '?' for some і/ї/є/ґ (a broken encoding): read with the letters put back"


def map_back(ex: Extraction, original: str, inserted: list[int], note: str = LOST_NOTE) -> Extraction:
    """Offsets of the repaired text -> offsets of the original; evidence quotes the original."""

    def start(p: int) -> int:
        return p - bisect_left(inserted, p)

    def end(p: int) -> int:
        return p - bisect_right(inserted, p - 1)

    cache: dict[Evidence, Evidence] = {}

    def ev(e: Evidence) -> Evidence:
        got = cache.get(e)
        if got is None:
            a, b = start(e.start), end(e.end)
            got = cache[e] = replace(e, sentence=original[a:b], start=a, end=b)
        return got

    for ent in ex.entities.values():
        ent.mentions = [ev(e) for e in ent.mentions]
    for rel in ex.relations:
        rel.evidence = [ev(e) for e in rel.evidence]
        rel.status = {(start(a), end(b)): s for (a, b), s in rel.status.items()}
    ex.warnings.append(note)
    return ex


def question_marks(text: str) -> str:
    """The same text with a "?" that stands for a lost і/ї/є/ґ inside a word ("Р?вненсько?") put back.

    Such a "?" replaced one letter, so the length and every offset stay as they were; a "?" that
    makes no known word in any reading (a real question mark after a word) is left alone.
    """
    if text.count("?") < 3:
        return text
    known = _known()
    cache: dict[str, str | None] = {}

    def fix(m: re.Match) -> str:
        w = m.group()
        low = w.lower()
        if low.count("?") > 3 or len(low) > 30:
            return w
        if low not in cache:
            cache[low] = None
            for letters in itertools.product("іїєґ", repeat=low.count("?")):
                cand = low
                for ch in letters:
                    cand = cand.replace("?", ch, 1)
                if known(cand.strip("'’")):
                    cache[low] = cand
                    break
        got = cache[low]
        if got is None:
            return w
        upper = w.isupper()
        return "".join(g.upper() if (c.isupper() or (c == "?" and upper)) else g for c, g in zip(w, got, strict=True))

    return _MARKED.sub(fix, text)
