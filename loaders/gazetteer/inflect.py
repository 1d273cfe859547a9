"""Case forms of Ukrainian place names: pymorphy3 where the dictionary knows the word, rules otherwise.

Everything here runs at cache-build time only. A name is split into words (and hyphenated
parts); each word gets a paradigm ``case -> forms``; the forms of a multi-word name are
combined case by case, so "Станиця Луганська" gives "Станиці Луганської", not "Станиці Луганська".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_PERSON = frozenset({"Name", "Surn", "Patr"})
_FIXED_WORDS = frozenset(
    {
        "на",
        "над",
        "під",
        "при",
        "а",
        "де",
        "і",
        "й",
        "та",
        "ла",
        "ле",
        "дель",
        "ді",
        "да",
        "ан",
        "ам",
        "ен",
        "фон",
        "сюр",
        "су",
        "сан",
    }
)
_HUSHING = "жчшщ"
_ADJ_ENDINGS = ("ська", "цька", "зька", "ський", "цький", "зький", "ське", "цьке", "зьке")


@dataclass
class Paradigm:
    """Forms of one word by case (lower case), and whether the word is also a common Ukrainian word."""

    forms: dict[str, set[str]] = field(default_factory=dict)
    common: bool = False
    adjective: bool = False
    person: bool = False  # also a first name or surname ("Слава", "Вікторія")

    def add(self, case: str, *words: str) -> None:
        self.forms.setdefault(case, set()).update(w for w in words if w)


@lru_cache(maxsize=1)
def morph():
    """The pymorphy3 Ukrainian analyser (loaded once)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


def _alternate(stem: str) -> list[str]:
    """Stem variants before -і in dative/locative: к->ц, г->з, х->с (Прилука -> Прилуці)."""
    out = [stem]
    for a, b in (("к", "ц"), ("г", "з"), ("х", "с")):
        if stem.endswith(a):
            out.append(stem[:-1] + b)
    return out


def adjective_rules(w: str) -> Paradigm | None:
    """Case forms of an adjective-like word by its ending (fem -а/-я, masc -ий/-ій, neut -е/-є, plural -і)."""
    p = Paradigm(adjective=True)
    if w.endswith("ий"):
        s = w[:-2]
        p.add("nomn", w), p.add("gent", s + "ого"), p.add("datv", s + "ому"), p.add("accs", w, s + "ого")
        p.add("ablt", s + "им"), p.add("loct", s + "ому", s + "ім")
    elif w.endswith("ій"):
        s = w[:-2]
        p.add("nomn", w), p.add("gent", s + "ього"), p.add("datv", s + "ьому"), p.add("accs", w)
        p.add("ablt", s + "ім"), p.add("loct", s + "ьому", s + "ім")
    elif w.endswith("а"):
        s = w[:-1]
        p.add("nomn", w), p.add("gent", s + "ої"), p.add("datv", s + "ій"), p.add("accs", s + "у")
        p.add("ablt", s + "ою"), p.add("loct", s + "ій")
    elif w.endswith("я"):
        s = w[:-1]
        p.add("nomn", w), p.add("gent", s + "ьої"), p.add("datv", s + "ій"), p.add("accs", s + "ю")
        p.add("ablt", s + "ьою"), p.add("loct", s + "ій")
    elif w.endswith("е"):
        s = w[:-1]
        p.add("nomn", w), p.add("gent", s + "ого"), p.add("datv", s + "ому"), p.add("accs", w)
        p.add("ablt", s + "им"), p.add("loct", s + "ому", s + "ім")
    elif w.endswith("є"):
        s = w[:-1]
        p.add("nomn", w), p.add("gent", s + "ього"), p.add("datv", s + "ьому"), p.add("accs", w)
        p.add("ablt", s + "ім"), p.add("loct", s + "ьому", s + "ім")
    elif w.endswith("і"):
        s = w[:-1]
        p.add("nomn", w), p.add("gent", s + "их"), p.add("datv", s + "им"), p.add("accs", w)
        p.add("ablt", s + "ими"), p.add("loct", s + "их")
    else:
        return None
    return p


def noun_rules(w: str, foreign: bool = False) -> Paradigm:
    """Case forms of a noun-like name by its ending; foreign names in a vowel other than -а/-я/-о stay as they are."""
    p = Paradigm()
    p.add("nomn", w), p.add("accs", w)
    last = w[-1:]
    if w.endswith("ія"):
        s = w[:-2]
        p.add("gent", s + "ії"), p.add("datv", s + "ії"), p.add("loct", s + "ії")
        p.forms["accs"] = {s + "ію"}
        p.add("ablt", s + "ією")
    elif last == "а":
        s = w[:-1]
        soft = s[-1:] in _HUSHING
        p.add("gent", s + ("і" if soft else "и"))
        p.add("datv", *(x + "і" for x in _alternate(s)))
        p.add("loct", *(x + "і" for x in _alternate(s)))
        p.forms["accs"] = {s + "у"}
        p.add("ablt", s + ("ею" if soft else "ою"))
    elif last == "я":
        s = w[:-1]
        after_vowel = s[-1:] in "аеєиіїоуюя'"
        p.add("gent", s + ("ї" if after_vowel else "і")), p.add("datv", s + ("ї" if after_vowel else "і"))
        p.add("loct", s + ("ї" if after_vowel else "і"))
        p.forms["accs"] = {s + "ю"}
        p.add("ablt", s + ("єю" if after_vowel else "ею"))
    elif foreign and last in "еєиіїуюы" and not w.endswith("ці"):
        pass  # indeclinable: Енсхеде, Турку, Ботошані (but Катовиці, Кошиці decline as plurals)
    elif last in "иі":
        s = w[:-1]
        soft = s[-1:] in "цчжшщ" or last == "і"
        p.add("gent", s + "ів", s, *([s + "ь"] if s.endswith("ц") else []))
        p.add("datv", s + ("ям" if soft and s[-1:] not in _HUSHING else "ам"))
        p.add("ablt", s + ("ями" if soft and s[-1:] not in _HUSHING else "ами"))
        p.add("loct", s + ("ях" if soft and s[-1:] not in _HUSHING else "ах"))
    elif last == "е" and not foreign:  # adjectival neuter: Рівне -> Рівного, Рівному, Рівним
        s = w[:-1]
        p.add("gent", s + "ого"), p.add("datv", s + "ому"), p.add("ablt", s + "им"), p.add("loct", s + "ому", s + "ім")
    elif last == "о":
        s = w[:-1]
        p.add("gent", s + "а"), p.add("datv", s + "у"), p.add("ablt", s + "ом"), p.add("loct", s + "і", s + "у")
    elif last in "еєуюиі":
        pass
    elif w.endswith(("ів", "їв")):
        s, o = (w[:-2], "о") if w.endswith("ів") else (w[:-2], "є")
        p.add("gent", s + o + "ва"), p.add("datv", s + o + "ву", s + o + "ві"), p.add("ablt", s + o + "вом")
        p.add("loct", s + o + "ві")
    elif last == "ь":
        s = w[:-1]
        stems = [s, s[:-2] + "ц"] if w.endswith("ець") else [s]  # Кам'янець -> Кам'янця
        for s in stems:
            (
                p.add("gent", s + "я", s + "і"),
                p.add("datv", s + "ю", s + "еві", s + "і"),
                p.add("ablt", s + "ем", s + "ю"),
            )
            p.add("loct", s + "і", s + "ю")
    elif last == "й":
        s = w[:-1]
        (
            p.add("gent", s + "я"),
            p.add("datv", s + "ю", s + "єві"),
            p.add("ablt", s + "єм"),
            p.add("loct", s + "ї", s + "ю"),
        )
    elif last.isalpha():
        hush = last in _HUSHING
        p.add("gent", w + "а", w + "у"), p.add("datv", w + "у", w + ("еві" if hush else "ові"))
        p.add("ablt", w + ("ем" if hush else "ом"))
        p.add("loct", w + "і", w + "у", *(x + "і" for x in _alternate(w)[1:]))
    return p


def _from_lexeme(parse, plural: bool, gender: str | None) -> Paradigm:
    p = Paradigm()
    for f in parse.lexeme:
        tag = f.tag
        if tag.case not in CASES:
            continue
        if plural != (tag.number == "plur"):
            continue
        if gender and tag.gender and tag.gender != gender:
            continue
        p.add(tag.case, f.word)
    return p


@cache
def form_is_common(form: str, own: frozenset[str], nominative: bool = False) -> bool:
    """True when a single-word form is also another word ("тоді" for Тода, "планом" for Плано).

    ``own`` holds the lemmas of the place name itself, so "житомира" (of Житомир) is not common.
    For the name itself (``nominative``) only another word's nominative counts ("Суми" = sums),
    not a rare oblique form ("Київ" is also the genitive plural of "кий").
    """
    m = morph()
    if not m.word_is_known(form):  # the dictionary lookup is cheap; guessing an unknown word is not
        return False
    for p in m.parse(form):
        if not p.is_known:
            continue
        if p.tag.POS not in ("NOUN", "ADJF"):
            if p.tag.POS not in ("PRTF", "PRTS") or not nominative:
                return True
        elif p.normal_form not in own and (not nominative or p.tag.case == "nomn"):
            return True
    return False


@cache
def own_lemmas(name: str) -> frozenset[str]:
    """Lemmas pymorphy gives the (one-word) nominative name itself."""
    w = name.lower().replace("’", "'")
    return frozenset({w, *(p.normal_form for p in morph().parse(w) if p.tag.case == "nomn")})


@cache
def word_paradigm(word: str, foreign: bool = False, multiword: bool = False) -> Paradigm:
    """Paradigm of one lower-case word of a place name; ``multiword``: one of several words, where a dictionary
    adjective declines as one abroad too ("Зелена Гура" -> "Зеленої Гури", "Новий Сонч" -> "Нового Сонча")."""
    if word in _FIXED_WORDS or len(word) <= 1:
        return Paradigm(forms={c: {word} for c in CASES})
    m = morph()
    known = [p for p in m.parse(word) if p.is_known] if m.word_is_known(word) else []
    nouns = [
        p
        for p in known
        if p.tag.POS == "NOUN" and p.tag.case == "nomn" and not (_PERSON & p.tag.grammemes) and p.normal_form == word
    ]
    adjs = [p for p in known if p.tag.POS == "ADJF" and p.tag.case == "nomn"]
    person = any(_PERSON & p.tag.grammemes for p in known) or any(
        p.tag.POS == "NOUN" and "anim" in p.tag and p.tag.case == "nomn" and p.normal_form == word for p in known
    )
    # a form of another word ("Планом" = план, "Турку" = турка) or another part of speech
    other_pos = any(p.tag.POS not in ("NOUN", "ADJF") for p in known) or any(
        p.normal_form != word and p.tag.case == "nomn" for p in known
    )
    if nouns:
        p = nouns[0]
        plural = "plur" in p.tag or "Pltm" in p.tag
        par = _from_lexeme(p, plural, None)
        has_plural = any(f.tag.number == "plur" for q in nouns for f in q.lexeme)
        par.common = (has_plural and not plural) or person or other_pos or bool(adjs)
        par.person = person
        if not plural and p.tag.gender == "masc":
            # locative from the genitive stem, with its vowel change: ріг -> рогу -> (у Кривому) Розі
            for g in list(par.forms.get("gent", ())):
                if g.endswith(("а", "у")) and len(g) > 2:
                    par.add("loct", *(x + "і" for x in _alternate(g[:-1])[1:]))
        rule = adjective_rules(word) if word.endswith(_ADJ_ENDINGS) else None
        if rule is None and not plural:
            rule = noun_rules(word, foreign=foreign)
        if rule is not None:
            for c, fs in rule.forms.items():
                par.add(c, *fs)
        return par
    if (adjs and (not foreign or multiword)) or word.endswith(_ADJ_ENDINGS):
        par = adjective_rules(word)
        if par is not None:
            if adjs and (not foreign or multiword):
                a = adjs[0]
                lex = _from_lexeme(a, a.tag.number == "plur", a.tag.gender)
                for c, fs in lex.forms.items():
                    if c != "nomn":
                        par.add(c, *fs)
            # a dictionary adjective ("Зелене", "Рубіжне") is also a common word
            par.common = bool(adjs) or person or other_pos
            par.person = person
            return par
    par = noun_rules(word, foreign=foreign)
    par.common = person or other_pos or bool(adjs)
    par.person = person
    return par


def _genitive_tail(word: str) -> bool:
    """A last word already in the genitive ("Америки" in "Сполучені Штати Америки") does not inflect."""
    parses = [p for p in morph().parse(word) if p.is_known]
    return (
        bool(parses)
        and any(p.tag.case == "gent" for p in parses)
        and not any(p.tag.case == "nomn" and p.tag.number != "plur" for p in parses)
    )


def name_forms(name: str, foreign: bool = False, max_variants: int = 24) -> tuple[dict[str, set[str]], int]:
    """All case forms (lower case) of a place name, by case; and how common the name is as a word.

    Commonness: 0 a proper name only, 1 also a common word ("Мир", "Зелене"), 2 also a person's
    name ("Слава", "Вікторія"). Multi-word names count as proper.

    Words are separated by spaces; hyphenated parts inflect separately, except a combining part in
    -о ("Станично-", "Івано-") and fixed words ("над", "а"). Foreign multi-part names keep later parts.
    """
    words = name.lower().replace("’", "'").replace("ʼ", "'").split()
    per_word: list[dict[str, set[str]]] = []
    common = 0
    for wi, word in enumerate(words):
        parts = word.split("-")
        part_pars: list[dict[str, set[str]]] = []
        for pi, part in enumerate(parts):
            fixed = (
                not part
                or (len(words) > 2 and wi == len(words) - 1 and len(parts) == 1 and _genitive_tail(part))
                or part in _FIXED_WORDS
                or (pi < len(parts) - 1 and part.endswith("о") and len(parts) > 1)
                or (foreign and pi > 0 and any(x in _FIXED_WORDS for x in parts))
            )
            if fixed:
                part_pars.append({c: {part} for c in CASES})
                continue
            par = word_paradigm(part, foreign, multiword=len(words) > 1 and wi < len(words) - 1)
            if len(words) == 1 and len(parts) == 1:
                common = 2 if par.person else int(par.common)
            part_pars.append({c: (par.forms.get(c) or {part}) for c in CASES})
        merged: dict[str, set[str]] = {}
        for c in CASES:
            combos = [""]
            for pi, pp in enumerate(part_pars):
                combos = [(x + "-" if pi else "") + y for x in combos for y in sorted(pp[c])][:max_variants]
            merged[c] = set(combos)
            if len(parts) == 2 and parts[0] and parts[1].endswith(("ий", "ій", "ька", "ська", "ське", "цьке")):
                # "з Новоград-Волинським", "до Кам'янець-Подільського": the first part left in the nominative
                merged[c] |= {f"{parts[0]}-{y}" for y in part_pars[1][c]}
        per_word.append(merged)
    out: dict[str, set[str]] = {}
    for c in CASES:
        combos = [""]
        for wi, wp in enumerate(per_word):
            combos = [(x + " " if wi else "") + y for x in combos for y in sorted(wp[c])][:max_variants]
        out[c] = set(combos)
    return out, common


def adjective_forms(adjective: str) -> set[str]:
    """Case forms in every gender and the plural of a (lower-case) place adjective; hyphen parts kept.

    "коростенський" -> коростенська, коростенської, коростенського, коростенські, …: a raion's
    adjective appears in "Коростенська районна рада" as well as in "Коростенського району".
    """
    parts = adjective.lower().replace("’", "'").replace("ʼ", "'").split("-")
    head = parts[-1]
    soft = head.endswith(("ій", "я", "є"))
    for ending in ("ий", "ій", "а", "я", "е", "є"):
        if head.endswith(ending):
            stem = head[: -len(ending)]
            break
    else:
        return {adjective.lower()}
    prefix = "-".join(parts[:-1])
    heads = [stem + ("ій" if soft else "ий"), stem + ("я" if soft else "а"), stem + ("є" if soft else "е")]
    out: set[str] = set()
    for h in heads:
        par = adjective_rules(h)
        if par is not None:
            out |= {f for fs in par.forms.values() for f in fs}
    out |= {stem + x for x in ("і", "их", "им", "ими")}
    return {(prefix + "-" if prefix else "") + f for f in out}
