"""Telling a plan table's header row and heading rows: row codes, column roles, goal headings.

Shared by the sniffing (:mod:`loaders.table.sniff`: is this file a plan?) and the reading of the plan
(:mod:`loaders.table.plan`); imports only :mod:`loaders.table.read` for the :class:`Row` type.
"""

from __future__ import annotations

import re

from loaders.table.read import Row

CODE = re.compile(r"^((?:[A-ZА-ЯІЇЄ]\.)?\d{1,3}(?:\.\d{1,3}){0,4})\.?$")
LEADING_CODE = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){1,4})\.?\s+(\S.*)$")
HEADING_CODE = re.compile(r"^((?:[A-ZА-ЯІЇЄ]|\d{1,2})(?:\.\d{1,2}){0,3})[.)]?\s+(\S.*)$")
_NUM = r"\s*(?:№\s*)?"
_TAIL = r"\.?\s*[.:)]?\s*(.*)$"
_LETTER = r"(?-i:[A-ZА-ЯІЇЄ])"
HEADINGS = [  # (level, regex): group 1 is the number, group 2 the text
    (
        "goal",
        re.compile(
            r"^\s*(?:стратегічн\w*\s+(?:ціл\w*|напрям\w*|пріоритет\w*)|пріоритетн\w*\s+напрям\w*|пріоритет\w*)"
            + _NUM
            + rf"(\d{{1,2}}|(?-i:[IVXІ]{{1,4}})|{_LETTER})\b"
            + _TAIL,
            re.I,
        ),
    ),
    (
        "opgoal",
        re.compile(
            r"^\s*(?:оперативн|операційн)\w*\s+ціл\w*"
            + _NUM
            + rf"(\d{{1,2}}(?:\.\d{{1,2}})*|{_LETTER}\.?\d{{1,2}})"
            + _TAIL,
            re.I,
        ),
    ),
    ("opgoal", re.compile(r"^\s*ціл\w*" + _NUM + rf"(\d{{1,2}}\.\d{{1,2}}|{_LETTER}\.\d{{1,2}})" + _TAIL, re.I)),
    ("task", re.compile(r"^\s*завдання" + _NUM + r"(\d{1,2}(?:\.\d{1,2})+)" + _TAIL, re.I)),
]
GOAL, OPGOAL = HEADINGS[0][1], HEADINGS[1][1]
_ROMAN = {"I": 1, "V": 5, "X": 10}


def arabic(code: str) -> str:
    """A goal number written in Roman numerals ("II", Cyrillic "ІІ") as Arabic ("2"); others unchanged."""
    letters = code.replace("І", "I")
    if not re.fullmatch(r"[IVX]+", letters) or (len(code) == 1 and code not in "IІ"):
        return code
    total = 0
    for a, b in zip(letters, letters[1:] + " ", strict=False):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return str(total)


CONTENT_ROLES = ("task", "measure", "executor", "funding", "other")


def header_role(text: str) -> str | None:
    """The role of a column judged from its header text, or None when the text names none."""
    t = text.casefold().replace("’", "'")
    if not t or len(t) > 80:
        return None
    if "джерел" in t or ("фінансуван" in t and not re.search(r"обсяг|сума|тис|грн|вартість", t)):
        return "funding"
    if "виконав" in t or "відповідальн" in t or "розпорядник" in t:
        return "executor"
    if re.search(r"захід|заходи|заходів|заходу|проєкт|проект", t):
        return "measure"
    if "завдан" in t:
        return "task"
    if re.search(r"стратегічн\w* ціл", t):
        return "goal"
    if re.search(r"оперативн\w* ціл", t):
        return "opgoal"
    if re.fullmatch(r"№.*|.*з/п.*|код|номер.*|n|no\.?", t):
        return "code"
    if re.search(r"строк|термін|індикатор|результат|обсяг|примітк|вартість|показник|період", t):
        return "other"
    return None


def find_header(rows: list[Row], limit: int = 200) -> tuple[int, list[str]] | None:
    """Index and column roles of the first row naming at least two plan columns."""
    for i, row in enumerate(rows[:limit]):
        if any(CODE.match(c) for c in row.cells[:2]):
            continue
        roles = [header_role(c) for c in row.cells]
        named = [r for r in roles if r and r not in ("other", "code")]
        if len(set(named)) >= 2:
            return i, [r or "other" for r in roles]
    return None


def numbered_rows(rows: list[Row]) -> int:
    """How many rows carry a dotted row number ("1.2", "А.3") in one of their first two cells."""
    return sum(1 for r in rows if any(CODE.match(c) and "." in c for c in r.cells[:2]))
