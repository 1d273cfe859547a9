"""Russian case forms, by endings: place names (:func:`forms`) and organisations' names (:func:`phrase_forms`).

A leaf module (``re`` only): the narrative loader's Russian place reader (loaders/narrative/russian.py) and the
registry (loaders/registry.py, for the names in loaders/lang/ru/registry_names.csv) both use it.
"""

from __future__ import annotations

import re

_CASES = ("nom", "gen", "dat", "acc", "ins", "loc")


def _noun_cases(low: str) -> dict[str, set[str]]:
    """Case forms of one Russian noun (lower case) by its ending; indeclinable ones keep their form."""
    c: dict[str, set[str]] = {k: set() for k in _CASES}
    c["nom"], c["acc"] = {low}, {low}

    def put(stem: str, **ends: str) -> None:
        for case, tail in ends.items():
            c[case] |= {stem + t for t in tail.split("|")}

    if low.endswith("ье"):
        put(low[:-1], gen="я", dat="ю", ins="ем")
    elif low.endswith("ия"):
        put(low[:-1], gen="и", dat="и", acc="ю", ins="ей", loc="и")
    elif low.endswith("а"):
        stem = low[:-1]
        gen = "и" if stem[-1:] in "гкхжшщч" else "ы"
        put(stem, gen=gen, dat="е", acc="у", ins="ой|ою|ей", loc="е")
    elif low.endswith("я"):
        put(low[:-1], gen="и", dat="е", acc="ю", ins="ей", loc="е")
    elif low.endswith("ь"):
        # "Никополь" (Никополя, Никополе) and "Церковь" (Церкви, Церковью)
        put(low[:-1], gen="я|и", dat="ю|и", ins="ем|ью", loc="е|и")
        if low.endswith("овь"):
            put(low[:-3] + "в", gen="и", dat="и", loc="и")  # a fleeting vowel: "Церковь" -> "Церкви"
    elif low.endswith("й"):
        put(low[:-1], gen="я", dat="ю", ins="ем", loc="е")
    elif low.endswith(("ы", "и")) and len(low) >= 4:
        # plural names: "Сумы" (Сум, Сумам, Сумах), "Черкассы", "Прилуки"
        put(low[:-1], gen="|ов", dat="ам", ins="ами", loc="ах")
    elif low.endswith(("о", "е", "и", "ы", "у", "ю")):
        c = {k: {low} for k in _CASES}  # indeclinable names are written as they are
    else:
        stems = [low]
        if re.search(r"[аеиоуыэюя][^аеиоуыэюя]?ец$", low):
            stems.append(low[:-2] + "ц")  # a fleeting vowel: "Каменец" -> "Каменца"
        for stem in stems:
            # after ц/ж/ш/щ/ч the instrumental is "ом" under stress ("Трускавцом", "Кременцом"), "ем" without it
            ins = "ем|ом" if stem[-1] in "цжшщч" and stem != low else "ем" if stem[-1] in "цжшщч" else "ом"
            put(stem, gen="а", dat="у", ins=ins, loc="е")
    return c


ADJECTIVE_ENDINGS = {
    # nominative ending -> its case endings (after a hard stem; after к/г/х/ж/ш/ч/щ "ы" is written "и")
    "ий": dict(gen="ого", dat="ому", acc="ий", ins="им", loc="ом"),
    "ый": dict(gen="ого", dat="ому", acc="ый", ins="ым", loc="ом"),
    "ой": dict(gen="ого", dat="ому", acc="ой", ins="ым|им", loc="ом"),
    "ая": dict(gen="ой", dat="ой", acc="ую", ins="ой|ою", loc="ой"),
    "ое": dict(gen="ого", dat="ому", acc="ое", ins="ым|им", loc="ом"),
    "ее": dict(gen="его", dat="ему", acc="ее", ins="им", loc="ем"),
    "ие": dict(gen="их", dat="им", acc="ие", ins="ими", loc="их"),
    "ые": dict(gen="ых", dat="ым", acc="ые", ins="ыми", loc="ых"),
}


def _adjective_cases(low: str) -> dict[str, set[str]] | None:
    """Case forms of a Russian adjective ("каменское" -> "каменского", "каменском"), None for a noun."""
    if len(low) < 5 or low[-2:] not in ADJECTIVE_ENDINGS:
        return None
    stem = low[:-2]
    return {
        "nom": {low},
        **{case: {stem + t for t in tail.split("|")} for case, tail in ADJECTIVE_ENDINGS[low[-2:]].items()},
    }


def _word_cases(low: str, adjective_ok: bool) -> dict[str, set[str]]:
    if "-" in low:
        # "Каменец-Подольский": both parts agree ("Каменца-Подольского"), "Ивано-Франковск": the last part declines
        first, rest = low.split("-", 1)
        head, tail = _word_cases(first, False), _word_cases(rest, True)
        if first.endswith(("о", "е")) or all(v == {first} for v in head.values()):
            return {k: {f"{first}-{t}" for t in tail[k]} for k in _CASES}
        return {k: {f"{h}-{t}" for h in head[k] for t in tail[k]} for k in _CASES}
    return (_adjective_cases(low) if adjective_ok else None) or _noun_cases(low)


def forms(name: str) -> set[str]:
    """Case forms of a Russian place name (lower case), by its endings: nouns ("Винница" -> "Виннице"),
    adjectival names ("Каменское" -> "Каменского", "в Каменском") and two-word names, whose words agree in
    case ("Белая Церковь" -> "Белой Церкви", "Кривой Рог" -> "Кривом Роге")."""
    words = name.lower().split()
    if len(words) > 2:
        return {name.lower()}
    return set(_agreeing([_word_cases(w, True) for w in words]))


def _agreeing(parts: list[dict[str, set[str]]]) -> list[str]:
    """Every phrase of the words' forms (each word's forms by case) with all its words in one and the same case."""
    out: list[str] = []
    for case in _CASES:
        combos = [""]
        for c in parts:
            combos = [f"{a} {b}".strip() for a in combos for b in sorted(c[case])]
        out += combos
    return out


def phrase_forms(name: str) -> set[str]:
    """Case forms of a Russian organisation's name: its leading adjectives and head noun agree in case, the words
    after them stay ("Программа развития ООН" -> "Программой развития ООН", "Европейский инвестиционный банк" ->
    "Европейским инвестиционным банком"). Capitals are kept; common neuter nouns in -о/-е decline ("Агентство" ->
    "Агентством"), unlike the place names :func:`forms` reads."""
    words = name.split()
    head = 0
    while head < len(words) and _adjective_cases(words[head].lower()) is not None:
        head += 1
    if head >= len(words) or not re.fullmatch(r"[А-ЯЁа-яё-]+", words[head]):
        return set()
    low = words[head].lower()
    if low.endswith(("о", "е")) and len(low) >= 4:
        stem = low[:-1]
        soft = low.endswith("е")
        noun = {
            "nom": {low},
            "acc": {low},
            "gen": {stem + ("я" if soft else "а")},
            "dat": {stem + ("ю" if soft else "у")},
        }
        noun |= {"ins": {stem + ("ем" if soft else "ом")}, "loc": {stem + "е"}}
    else:
        noun = _noun_cases(low)
    parts = [_adjective_cases(w.lower()) for w in words[:head]] + [noun]
    out: set[str] = set()
    for combo in _agreeing(parts):
        declined = [
            w if not src[:1].isupper() else w[:1].upper() + w[1:]
            for w, src in zip(combo.split(), words[: head + 1], strict=True)
        ]
        out.add(" ".join([*declined, *words[head + 1 :]]))
    out.discard(name)
    return out
