"""Ukrainian morphology helpers on top of pymorphy3: case forms of names, nominative of phrases.

Used at index time (case forms of registry names) and on candidate spans only (nominative of a
found name's head words), never word by word over a whole document.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_WORD = re.compile(r"[\w']+", re.UNICODE)
_CYR = re.compile(r"[а-яіїєґА-ЯІЇЄҐ]")


@lru_cache(maxsize=1)
def morph():
    """The pymorphy3 Ukrainian analyser (loaded once)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    return tuple(morph().parse(word.lower()))


def _pos(p) -> str:
    return str(p.tag.POS or "")


def head_span(words: list[str]) -> int:
    """How many leading words of a nominative name agree with its head noun (adjectives + noun)."""
    n = 0
    for w in words:
        if not _CYR.search(w):
            return n
        ps = parses(w)
        if any(_pos(p) in ("ADJF", "PRTF", "NUMR") and "nomn" in p.tag for p in ps) and not any(
            _pos(p) == "NOUN" and "nomn" in p.tag for p in ps[:1]
        ):
            n += 1
            continue
        if any(_pos(p) == "NOUN" and "nomn" in p.tag for p in ps):
            return n + 1
        return n
    return n


def _match_case(word: str, text: str) -> str:
    if text.isupper() and len(text) > 1:
        return word.upper()
    if text[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def case_forms(name: str) -> set[str]:
    """Case forms (singular and plural) of a nominative Ukrainian name, lower-cased.

    Only the leading adjective(s) and head noun change: "Світовий банк" -> "світового банку", ...;
    "Програма розвитку ООН" -> "програми розвитку оон", ...
    """
    words = name.split()
    out = {name.lower()}
    if not words or not _CYR.search(words[0]):
        return out
    n = head_span([w.strip('«»"(),') for w in words])
    if n == 0:
        return out
    head_parses = []
    for w in words[:n]:
        core = w.strip('«»"(),')
        ps = [p for p in parses(core) if "nomn" in p.tag and _pos(p) in ("NOUN", "ADJF", "PRTF", "NUMR")]
        head_parses.append((w, core, ps[:2]))
    for number in ("sing", "plur"):
        for case in CASES:
            variants = [[]]
            for w, core, ps in head_parses:
                forms = set()
                for p in ps:
                    try:
                        inf = p.inflect({case} if number == "sing" else {case, number})
                    except ValueError:
                        inf = None
                    if inf is not None:
                        forms.add(w.replace(core, inf.word) if core else inf.word)
                if not forms:
                    forms = {w}
                variants = [v + [f] for v in variants for f in sorted(forms)][:8]
            for v in variants:
                out.add(" ".join(v + words[n:]).lower())
    return out


def nominative(words: list[str], number: str | None = "sing") -> list[str]:
    """The leading adjectives and head noun of an inflected phrase put into the nominative.

    >>> nominative(["Індустріального", "парку", "«Коростень»"])
    ['Індустріальний', 'парк', '«Коростень»']
    """
    out = list(words)
    # find the head noun: first word with a NOUN parse in an oblique or nominative case
    adj_genders: set[str] = set()
    for i, w in enumerate(words):
        core = w.strip('«»"(),:;')
        if not _CYR.search(core):
            return out
        ps = parses(core)
        nouns = [p for p in ps if _pos(p) == "NOUN"]
        adjs = [p for p in ps if _pos(p) in ("ADJF", "PRTF")]
        common = [p for p in ps if not {"Surn", "Name", "Patr"} & set(p.tag.grammemes)]
        # "Українською фундацією": a surname reading comes first, but a noun follows the adjective
        if adjs and (not nouns or ps[0] in adjs or (i + 1 < len(words) and common[:1] and common[0] in adjs)):
            adj_genders |= {g for p in adjs for g in ("masc", "femn", "neut") if g in p.tag}
            continue
        if not nouns:
            return out
        if adj_genders:
            agreeing = [p for p in nouns if any(g in p.tag for g in adj_genders)]
            nouns = agreeing or nouns
        noun = nouns[0]
        want_num = number or ("plur" if "plur" in noun.tag else "sing")
        gender = next((g for g in ("masc", "femn", "neut") if g in noun.tag), None)
        nf = _inflect(noun, {"nomn"} if want_num == "sing" else {"nomn", "plur"}) or noun.normal_form
        out[i] = _match_case(w.replace(core, nf) if core else nf, core)
        for j in range(i):
            c = words[j].strip('«»"(),:;')
            aps = [p for p in parses(c) if _pos(p) in ("ADJF", "PRTF")]
            if gender and want_num == "sing":
                aps = [p for p in aps if gender in p.tag] or aps
            for p in aps:
                inf = _inflect(
                    p, ({"nomn", gender} if gender else {"nomn"}) if want_num == "sing" else {"nomn", "plur"}
                )
                if inf:
                    out[j] = _match_case(words[j].replace(c, inf), c)
                    break
        return out
    return out


def _inflect(p, grammemes: set[str]) -> str | None:
    try:
        inf = p.inflect(grammemes)
    except ValueError:
        return None
    return inf.word if inf is not None else None


def lemma(word: str) -> str:
    """Most likely normal form of one word (lower case)."""
    ps = parses(word)
    return ps[0].normal_form if ps else word.lower()


def lemmas(word: str) -> frozenset[str]:
    """All normal forms pymorphy3 offers for one word."""
    return frozenset(p.normal_form for p in parses(word)) or frozenset({word.lower()})


# the instrumental's endings of a name and what its nominative has instead (Бірштонасом, Біржаєм, Варною, Ґдинею)
INSTRUMENTAL_NOMINATIVE = {"ом": "", "ем": "", "єм": "й", "ою": "а", "ею": "я"}


def guess_nominative(word: str, case: str) -> str | None:
    """The nominative of an unknown name (a town abroad) read in ``case`` ("ablt" or "gent"), lower-case, or None.

    The dictionary's guess for that case is kept when it keeps the word's stem ("жарновцем" -> "жарновець",
    "ковальдорфа" -> "ковальдорф"); one that changes the stem ("гайдудорогом" -> "гайдудоріг") is not. Failing
    that, an instrumental's ending is taken off ("бірштонасом" -> "бірштонас").
    """
    word = word.lower()
    for p in parses(word):
        tag = str(p.tag)
        if case in tag and "NOUN" in tag and p.normal_form != word:
            lemma = p.normal_form
            common = len(os.path.commonprefix([lemma, word]))
            if common >= len(word) - 4 and len(lemma) >= 3 and (case == "ablt" or lemma[-1] not in "аяоеєиіїу"):
                return lemma
            break
    if case == "ablt":
        for ending, repl in INSTRUMENTAL_NOMINATIVE.items():
            if word.endswith(ending) and len(word) > len(ending) + 2:
                return word[: -len(ending)] + repl
    return None
