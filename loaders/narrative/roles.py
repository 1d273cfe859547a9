"""Stage "relations": the copular role frame.

A page often says who pays or carries out an initiative with a role noun and a copula instead of a verb:
"Донором проєкту «X» є ЄС", "Виконавцем програми «Y» виступає ГО «Z»", "Партнерами проєкту стали ПРООН та
Швейцарія", and the other way round, "ЄС є донором проєкту «X»". The role noun stands in the instrumental
(its forms come from the dictionary, the nouns and copulas from ``loaders/lang/<language>/roles.csv``); the
initiative follows the role noun in the genitive, and the agent is on the other side of the copula.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from loaders.patterns import trie_regex

LANG = Path(__file__).resolve().parent.parent / "lang"


@dataclass(frozen=True)
class RoleMatch:
    predicate: str  # funds | implements
    target_from: int  # the initiative is sought from here on (after the role noun)
    agents_before: int  # agents before this position (agent first), or -1: after the copula
    earlier_only: bool = False  # no initiative after the role noun: the one named before it in the sentence


@cache
def _table(lang: str = "uk") -> tuple[dict[str, str], tuple[str, ...]]:
    from loaders.morph import morph

    roles: dict[str, str] = {}
    copulas: list[str] = []
    path = LANG / lang / "roles.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            word = row["word"].strip()
            if row["kind"] == "copula":
                copulas.append(word)
                continue
            nouns = [p for p in morph().parse(word) if p.tag.POS == "NOUN"]
            if not nouns:
                raise ValueError(f"{path}: {word!r} is not a noun the dictionary knows")
            for form in {f.word for p in nouns for f in p.lexeme if "ablt" in f.tag}:
                roles[form] = row["predicate"].strip()
    return roles, tuple(copulas)


@cache
def _regexes(lang: str = "uk") -> tuple[re.Pattern, ...]:
    roles, copulas = _table(lang)
    role = trie_regex(set(roles))
    cop = "|".join(sorted(map(re.escape, copulas), key=len, reverse=True))
    role_rx = re.compile(rf"(?<![\w])(?=\w)(?P<role>{role})(?![\w])", re.IGNORECASE)
    # the copula after the initiative: only a short stretch without a clause break between them
    cop_after = re.compile(rf"[^.;:!?«»]{{0,60}}?(?<![\w])(?:{cop})(?![\w])\s*", re.IGNORECASE)
    cop_before = re.compile(rf"(?<![\w])(?:{cop})\s+(?:(?:також|ще|саме|офіційно)\s+)?$", re.IGNORECASE)
    cop_next = re.compile(rf"\s*(?:{cop})(?![\w])", re.IGNORECASE)
    return role_rx, cop_after, cop_before, cop_next


_INITIATIVE_NEXT = re.compile(
    r"(?:\s+з\s+(?:впровадження|реалізації|імплементації|виконання))?\s+(?:проє?кт\w*|програм\w*|ініціатив\w*|компонент\w*|гранту|конкурс\w*)(?![\w])",
    re.I,
)
_POSSESSIVE = re.compile(r"(?<![\w])(?:його|її|їх|їхнім|їхніми)\s*$", re.IGNORECASE)


def role_frames(norm: str, lang: str = "uk") -> list[RoleMatch]:
    """Every role noun of the sentence with the side its agent is on (none when no copula joins them)."""
    roles, _ = _table(lang)
    role_rx, _cop_after, cop_before, cop_next = _regexes(lang)
    out = []
    for m in role_rx.finditer(norm):
        pred = roles[m.group("role").lower()]
        copula_next = cop_next.match(norm, m.end())
        # rule ``role-closes-sentence``: "Уряд Швеції виступає донором." speaks of the current initiative
        closing = (
            re.match(r"\s*[.;!]?\s*$", norm[m.end() :])
            and cop_before.search(norm, max(0, m.start() - 30), m.start())
            and not m.group("role").lower().startswith("партнер")
        )
        if not (copula_next or _INITIATIVE_NEXT.match(norm, m.end()) or closing):
            continue  # "Оператором котельні стало КП …": the role is about something else
        if copula_next and not _POSSESSIVE.search(norm, max(0, m.start() - 12), m.start()):
            # "…, а донором виступає ЄС" is about the initiative named before it (the caller checks there is
            # one); "Закордонними партнерами стали Нідерланди" is not about one
            if re.search(r"(?<![\w])[\w'-]+(?:ими|іми)\s*$", norm[max(0, m.start() - 20) : m.start()]):
                continue
            # rule ``role-opens-sentence``: "Донором виступає Уряд Швеції." right after the project's sentence: a
            # role noun (not a partner) opening the sentence speaks of the current initiative
            opens = not norm[: m.start()].strip(" -•*–—") and not m.group("role").lower().startswith("партнер")
            out.append(RoleMatch(pred, m.end(), -1, earlier_only=not opens))
            continue
        before = cop_before.search(norm, max(0, m.start() - 30), m.start())
        # "ЄС є донором проєкту «X»"; else "Донором проєкту «X» є ЄС": the copula comes after the initiative
        out.append(RoleMatch(pred, m.end(), before.start() if before is not None else -1))
    return out


def copula_after(norm: str, pos: int, lang: str = "uk") -> int | None:
    """End of the copula that follows position ``pos`` closely ("… у Житомирі є "), or None."""
    cop_after = _regexes(lang)[1]
    m = cop_after.match(norm, pos)
    return m.end() if m else None
