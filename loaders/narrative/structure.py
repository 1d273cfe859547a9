"""Stage "document structure": lines a page lays out as fields rather than sentences.

Rule ``field-card``: a project card writes a field's label on one line and its value on the next
("Фінансування" / "KfW"); the two lines read as one field line ("Фінансування:KfW"). The newline
between them becomes the colon it stands for, so the text keeps its length and every offset holds.
"""

from __future__ import annotations

import re
from dataclasses import replace

from loaders.text import Sentence

# the label of a partner card's country field; a field word of the card too
COUNTRY_FIELD_WORDS = (
    r"(?:країна(?:-партнер|\s+(?:партнера|партнерів|розташування|походження))?|country(?:\s+of\s+(?:the\s+)?partner)?"
    r"|страна(?:\s+партн[её]ра)?)"
)
_CARD_WORDS = (
    r"(?:фінансування|джерел\w*\s+фінансування|донор\w*|спонсор\w*|грантодав\w*|виконав\w*|"
    r"назва(?:\s+(?:проєкту|проекту|програми|ініціативи))?|програма|бюджет|статус|тип\s+документа|"
    r"дата\s+підписання|напрям\w*(?:\s+співпраці)?|"
    r"співвиконав\w*|реалізатор\w*|партнер(?:и|ами)?(?:-виконав\w*)?|учасник(?:и)?|організатор\w*|оператор\w*|"
    r"місце\s+реалізації|територія\s+реалізації|громад\w*-учасниц\w*|(?:цільов\w+\s+)?(?:регіон\w*|област\w*|"
    r"географі\w*)(?:\s+(?:реалізації|діяльності|охоплення))?|funding|donors?|funded\s+by|implement\w*|partners?|"
    r"regions?|geography|locations?|project\s+(?:title|name)|implemented\s+by|" + COUNTRY_FIELD_WORDS + ")"
)
# "Партнер проєкту", "Донор програми": a label may name whose field it is
_CARD_LABEL = re.compile(
    r"\s*(?:[-•*–]\s*)?" + _CARD_WORDS + r"(?:\s+(?:проєкту|проекту|програми))?\s*:?\s*", re.IGNORECASE
)


def _field_cards(text: str, sents) -> list:
    """Rule ``field-card``: a project card writes a field's label on one line and its value on the next
    ("Фінансування" / "KfW"). The two lines are read as one field line: the newline between them reads
    as the colon it stands for (same length, so offsets are unchanged)."""
    out: list = []
    sents = list(sents)
    i = 0
    while i < len(sents):
        a = sents[i]
        b = sents[i + 1] if i + 1 < len(sents) else None
        if (
            b is not None
            and _CARD_LABEL.fullmatch(a.norm)
            and (len(b.norm) <= 40 or (len(b.norm) <= 120 and not re.search(r"[.!?]\s*$", b.norm)))
            and "\n" in text[a.end : b.start + 1]
            and not _CARD_LABEL.fullmatch(b.norm)
            and not re.match(r"\s*[-•*–]\s", b.norm)  # "Громади-учасниці проєкту:" then "- Менська …;": a list
        ):
            gap = text[a.end : b.start]
            label = a.norm.rstrip().rstrip(":")
            norm = label + ":" + " " * (len(a.norm) - len(label) - 1 + len(gap)) + b.norm
            if a.omap is None and b.omap is None and len(norm) == b.end - a.start:
                out.append(Sentence(a.index, a.start, b.end, text[a.start : b.end], norm, None, a.paragraph))
                i += 2
                continue
        if "\n" in a.norm:  # the card's lines joined into one sentence: "Фінансування\nKfW\nВиконавець\n…"
            norm = _CARD_IN_LINE.sub(lambda m: m.group(1) + ":", a.norm)
            if norm != a.norm:
                a = Sentence(a.index, a.start, a.end, a.text, norm, a.omap, a.paragraph)
        out.append(a)
        i += 1
    if len(out) < len(sents):
        # a joined field counts as one sentence: indices stay consecutive, so "the item named N sentences above"
        # spans the same number of fields on a card as in prose
        out = [s if s.index == k else replace(s, index=k) for k, s in enumerate(out)]
    return out


_CARD_IN_LINE = re.compile(r"(?:(?<=\n)|^)([ \t]*(?:[-•*–][ \t]*)?" + _CARD_WORDS + r"[ \t]*)\n(?=\S)", re.IGNORECASE)
