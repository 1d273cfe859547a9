"""Mention patterns (found programs, projects, organisations) and relation cue phrases.

Everything here works on one normalised sentence (see :mod:`loaders.text`): quotes are « »,
dashes "-", apostrophes "'", Latin look-alikes fixed. Patterns are bounded (no nested
quantifiers over free text) so a long or hostile sentence cannot make them backtrack badly.
Relation cue phrases live in ``loaders/lang/<language>/cues.csv`` (kind,pattern,value); the trigger
and head-word lists are the regexes below.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from loaders.registry import RegistryMatch

LANG = Path(__file__).parent / "lang"

U = "А-ЯІЇЄҐA-Z"  # upper-case letters
W = r"[\w'+.&/-]"


@dataclass
class Found:
    """A program/project/organisation named in a sentence by a pattern."""

    start: int  # span of the whole mention in the normalised sentence
    end: int
    label: str  # canonical (nominative) label
    type: str  # Program | Project | Organization
    names: set[str] = field(default_factory=set)
    title: tuple[int, int] | None = None  # span of the name proper (inside quotes, if quoted)
    trigger: str = ""  # the trigger stem ("проєкт", "мереж", "ГО", ...)
    mods: tuple[int, int] | None = None  # span between trigger and title (donor modifiers live here)
    descriptive: bool = False  # "проєкт із встановлення ..." (no proper name)
    unquoted: bool = False  # a capitalised name without quotes ("Проєкт розвитку міської інфраструктури")
    full: str = ""  # head noun phrase + quoted name, nominative ("Індустріальний парк «Коростень»")
    local: bool = False  # a community's own programme or strategy for its years ("… на 2022 рік")
    group: int = -1  # titles listed after one trigger ("проєкти: «A», «B»") share the trigger's offset


CUE_LANGUAGES = ("uk", "en", "ru")  # the order their rows are tried in


@lru_cache(maxsize=1)
def cues() -> dict[str, list[tuple[str, str, str]]]:
    """Cue table from ``loaders/lang/<language>/cues.csv`` (uk, then en, ru): kind -> [(regex, value, language)]."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for lang in CUE_LANGUAGES:
        with open(LANG / lang / "cues.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if not row.get("kind") or row["kind"].startswith("#"):
                    continue
                kind, value = row["kind"].strip(), (row.get("value") or "").strip()
                pattern = row["pattern"].strip()
                if pattern.startswith(VERBS):
                    pattern = verb_forms(pattern[len(VERBS) :].split(), lang)
                out.setdefault(kind, []).append((pattern, value, lang))
    return out


# The letters a language's cue rows cannot match without: every English row reads Latin letters, every Ukrainian and
# Russian row Cyrillic ones (tests/test_cue_languages.py checks each row). Both classes are case-insensitive, like the
# rows, so they also see the look-alikes a case-insensitive letter matches (the Kelvin sign for "k", "ᲀ" for "в").
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]", re.IGNORECASE)
CUE_SCRIPT = {"uk": _CYRILLIC, "en": _LATIN, "ru": _CYRILLIC}


@lru_cache(maxsize=256)
def cue_languages(text: str) -> tuple[str, ...]:
    """The languages whose cue rows can match in ``text`` or any part of it: a Ukrainian sentence without Latin
    letters is not read with the English rows, an English one not with the Ukrainian and Russian rows. A sentence
    with a Latin donor name ("USAID") keeps every language, so the result of a cue search never changes."""
    return tuple(lang for lang in CUE_LANGUAGES if CUE_SCRIPT[lang].search(text))


VERBS = "verbs:"  # a cue row naming verbs by their infinitives: every finite form of each is a cue
_FINITE = ("infn", "past", "3per")  # the forms a subject can go with (not the imperative, not 1st/2nd person)


def verb_forms(lemmas: list[str], lang: str) -> str:
    """A regex alternation of the forms of the verbs (present, future, past, infinitive) from the
    dictionary: "verbs:підтримувати підтримати" also matches "підтримує", "підтримуватимуть",
    "підтримала". Languages without a dictionary here keep the infinitives as written."""
    forms: set[str] = set(lemmas)
    if lang == "uk":
        from loaders.morph import morph

        for lemma in lemmas:
            verb = next((p for p in morph().parse(lemma) if "infn" in p.tag), None)
            if verb is None:
                raise ValueError(f"loaders/lang/{lang}/cues.csv: {lemma!r} is not an infinitive the dictionary knows")
            forms.update(
                f.word
                for f in verb.lexeme
                if any(g in f.tag for g in _FINITE) and (f.word.endswith("ла") or not f.word.endswith("а"))
            )  # not the dialect "підтрима" (no standard form of these ends in "-а" but the past "-ла")
    return trie_regex(forms)


def trie_regex(words: set[str]) -> str:
    """One regex for a set of words with their common prefixes factored out ("підтримує|підтримують" ->
    "підтриму(?:ють|є)"): the engine reads each prefix once instead of trying every word at every position."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        # longer continuations first, so that a longer form wins over its prefix
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


@cache
def cue_regex(kind: str, languages: tuple[str, ...] = CUE_LANGUAGES) -> re.Pattern:
    """One alternation regex (case-insensitive) for the cues of a kind in ``languages`` (see :func:`cue_languages`),
    rows in table order."""
    parts = [f"(?:{p})" for p, _, lang in cues().get(kind, []) if lang in languages]
    if not parts:
        return re.compile(r"(?!x)x")
    # "(?=\w)|^" first: every cue starts with a letter or at the start of the sentence, so the engine leaves a
    # position of punctuation or space at once instead of trying each of the many alternatives on it
    return re.compile(r"(?<![\w])(?:(?=\w)|^)(?:" + "|".join(parts) + r")(?:(?<=:)|(?![\w]))", re.IGNORECASE)


@cache
def _cue_rows(kind: str) -> tuple[tuple[re.Pattern, str, str], ...]:
    # a cue that ends with a colon ("Фінансування:KfW") may touch the next word
    return tuple(
        (re.compile(r"(?<![\w])(?:(?=\w)|^)(?:" + p + r")(?:(?<=:)|(?![\w]))", re.IGNORECASE), v, lang)
        for p, v, lang in cues().get(kind, [])
    )


@cache
def cue_values(kind: str, languages: tuple[str, ...] = CUE_LANGUAGES) -> tuple[tuple[re.Pattern, str], ...]:
    """Each cue row of a kind in ``languages`` as its own regex with its value, in table order."""
    return tuple((rx, v) for rx, v, lang in _cue_rows(kind) if lang in languages)


def cue_regex_in(kind: str, text: str) -> re.Pattern:
    """:func:`cue_regex` of the languages ``text`` can be in: the same matches in ``text`` and its parts, fewer rows."""
    return cue_regex(kind, cue_languages(text))


def cue_values_in(kind: str, text: str) -> tuple[tuple[re.Pattern, str], ...]:
    """:func:`cue_values` of the languages ``text`` can be in (rows that cannot match in ``text`` are left out)."""
    return cue_values(kind, cue_languages(text))


# ---------------------------------------------------------------- quotes


_EARLY_CLOSE = re.compile(r"\s+[а-яіїєґ'’-]+(?:\s+[а-яіїєґ'’-]+){0,2}»")


def quoted_spans(s: str) -> list[tuple[int, int]]:
    """Top-level «...» spans (outer quote positions, end exclusive); unbalanced nesting tolerated:
    «A «B» closes at the last » before the next top-level « or the sentence end."""
    spans = []
    i, n = 0, len(s)
    while i < n:
        if s[i] != "«":
            i += 1
            continue
        depth, j = 0, i
        close = -1
        while j < n:
            c = s[j]
            if c == "«":
                depth += 1
            elif c == "»":
                depth -= 1
                close = j
                if depth == 0:
                    break
            j += 1
        if close < 0:
            i += 1
            continue
        if depth > 0:  # unbalanced: «A «B» ... closes where the inner name closes
            j = _inner_close(s, i)
        else:
            # rule ``early-closing-quote``: «Енергоефективні школи» громад»: a stray closing quote after a few
            # lower-case words closes the name the first one closed too early
            late = _EARLY_CLOSE.match(s, j + 1) if s.find("»", j + 1, j + 80) > 0 else None
            if late is not None:
                j = late.end() - 1
        inner = _speech_names(s, i, j + 1) if depth == 0 else None
        spans.extend(inner if inner else [(i, j + 1)])
        i = j + 1
    return spans


def _speech_names(s: str, a: int, b: int) -> list[tuple[int, int]] | None:
    """Rule ``names-inside-speech``: a quoted sentence someone said («Проєкт «Сильні громади» дав нам можливість
    відремонтувати школу», — розповіла вона) holds names in quotes of their own: those are the spans, not the
    speech. A short quoted name with a name inside it (ГО «Центр «Ініціатива»») stays whole."""
    body = s[a + 1 : b - 1]
    if "«" not in body:
        return None
    nested = [(a + 1 + x, a + 1 + y) for x, y in quoted_spans(body)]
    outside = body
    for x, y in reversed(nested):
        outside = outside[: x - a - 1] + " " + outside[y - a - 1 :]
    return nested if len(outside.split()) >= 6 else None


def _inner_close(s: str, i: int) -> int:
    """Closing position for an unbalanced «A «B» ...: the first » that brings the depth to 1."""
    depth = 0
    for j in range(i, len(s)):
        if s[j] == "«":
            depth += 1
        elif s[j] == "»":
            depth -= 1
            if depth <= 1:
                return j
    return len(s) - 1


LATIN_STOP = {
    "Facebook",
    "Telegram",
    "Instagram",
    "LinkedIn",
    "YouTube",
    "Viber",
    "TikTok",
    "Internet",
    "Twitter",
    "WhatsApp",
    "Zoom",
    "Google",
    "Microsoft",
}

# ---------------------------------------------------------------- initiative and organisation patterns

INITIATIVE_PROGRAM = ("програм", "ініціатив", "мереж", "programme", "program", "initiative")
# the Ukrainian nouns that name an initiative, as stems ("проєкту", "програмами"), and as a regex group "trig"
INITIATIVE_STEMS = ("проєкт", "проект", "програм", "ініціатив")
INITIATIVE_STEM = "(?P<trig>" + "|".join(INITIATIVE_STEMS) + ")"


def initiative_type(trigger: str) -> str:
    """Program for a programme-like trigger stem ("програм", "ініціатив", "мереж", "programme"), else Project."""
    return "Program" if trigger.startswith(INITIATIVE_PROGRAM) else "Project"


_TRIG = (
    r"(?P<trig>проєкт|проект|програм|ініціатив|кампані|мереж|компонент|конкурс|форум|тренінг|воркшоп|"
    r"конференці|флешмоб|фестивал|марафон|акці|челендж|хакатон|project|programme|program|initiative)\w*"
)
# trigger, up to 7 words without clause punctuation, then a quote
_TRIG_QUOTE = re.compile(
    r"(?<![\w])" + _TRIG + r"(?P<mods>(?:\s+[^\s«»,;:.()]+){0,7}?)\s*(?::\s*|,\s*(?=«(?-i:[A-Z]))|"
    r",?\s*(?:зокрема|серед\s+них|а\s+саме|як-от|(?:такі|таких)\s+як)\s*:?\s*)?(?=«)",
    re.IGNORECASE,
)
_TRIG_LATIN = re.compile(
    r"(?<![\w])(?i:" + _TRIG + r")(?P<mods>(?:\s+[а-яіїєґ'-]+){0,3}?)\s+"
    r"(?P<title>[A-Z][\w+&'.-]*(?:\s+(?:[A-Z0-9][\w+&'.-]*|of|for|and|the|in|to|on|with|[IVX]+))*"
    # rule ``programme-name-countries``: "Interreg NEXT Польща – Білорусь – Україна": the countries a cross-border
    # programme joins by dashes end its name
    r"(?:\s+[А-ЯІЇЄҐ][а-яіїєґ'’]+(?:\s*[–—-]\s*[А-ЯІЇЄҐ][а-яіїєґ'’]+)+(?![\w'’-]))?)",
)
_TRIG_UNQUOTED = re.compile(
    r"(?<![\w'’-])" + INITIATIVE_STEM + r"(?P<tail>[а-яіїєґ]{0,3})\s+"
    r"(?P<name>[А-ЯІЇЄҐ][а-яіїєґ'’-]+(?:\s+[а-яіїєґ'’-]+){0,4})"
)
_NAME_STOP = {
    "у", "в", "на", "з", "із", "зі", "за", "до", "для", "від", "по", "при", "що", "який", "яка", "яке", "які", "та",
    "і", "й", "а", "але", "щодо", "через", "під", "над", "серед", "як", "це", "є", "або",
}  # fmt: skip


def _unquoted_name(trigger: str, name: str) -> list[str]:
    """The words of a name written without quotes after its trigger, or [] when it is no name: the first word must
    read as a nominative and not in the trigger's own case ("проєкту Житомирської громади" is an attribute)."""
    from loaders.morph import parses

    trig = parses(trigger.lower())
    trig_case = next((c for c in _CASES if trig and c in trig[0].tag.grammemes), None)
    if trig_case in (None, "nomn"):
        return []  # "Проєкт Сильні громади …": a nominative trigger does not tell a name from an attribute
    words = name.split()
    first = parses(words[0].lower())
    if not first or not any("nomn" in p.tag.grammemes for p in first):
        return []
    if any(p.tag.grammemes & _PERSONAL for p in first):
        return []  # a person's name
    if any(trig_case in p.tag.grammemes for p in first) and not (
        # rule ``capitalised-verbal-noun-name``: "у межах проєкту Відновлення медицини": a verbal noun reads the same
        # in the nominative and the genitive; written with a capital inside the sentence, it opens a name
        trig_case == "gent" and re.search(r"(?:ння|ття)$", words[0]) and len(words) >= 2
    ):
        return []  # "проєкту Житомирської громади": an attribute in the trigger's case
    out = [words[0]]
    for w in words[1:]:
        if (
            w in _NAME_STOP
            or not w.strip("-")  # "програми Польща – Україна": a dash is no word of the name
            or any(str(p.tag.POS) in ("VERB", "INFN", "PREP", "CONJ", "PRTS", "GRND") for p in parses(w)[:1])
            or any("Impe" in p.tag for p in parses(w))
        ):  # "… громад відкрито 3 ЦНАПи": an impersonal verb ends it
            break
        out.append(w)
    return out if len(out) >= 2 else []


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_PERSONAL = frozenset({"Name", "Surn", "Patr"})
_CAP_TRIG = re.compile(
    r"(?<=[\w,»)] )(?P<trig>Програм|Проєкт|Проект|Ініціатив|Компонент)\w*(?P<rest>(?:\s+[^\s,;:.()«»!?]+){1,16})"
)
_DESCRIPTIVE = re.compile(
    r"(?<![\w])(?P<trig>проєкт|проект)\w*\s+(?:з|із|зі|по)\s+"
    r"(?!(?:внесенн|затвердженн|погодженн|прийнятт|скасуванн|оголошенн|визнанн|присвоєнн|перейменуванн|відчуженн)\w*)"
    r"(?P<body>[а-яіїєґ']+(?:ння|ття|ннь|нню|нням|ні)"
    r"(?:\s+[^\s,;:.()«»!?]+){0,14})",
    re.IGNORECASE,
)
_ACTION_LINE = re.compile(
    r"(?<![\w])(?:напрям|категорі|номінаці|лот|пріоритет|тематичн\w*\s+напрям|заход)\w*\s*$", re.IGNORECASE
)
_NAME_FIELD = re.compile(
    r"\s*(?:[-•*–—·▪]\s*|\d{1,2}[.)]\s*)?(?:повна\s+)?назва(?:\s+" + INITIATIVE_STEM + r"\w*)?\s*:\s*"
    r"(?P<title>«[^«»]{2,150}»|[" + U + r"0-9][^«»]{2,150}?)\s*$",
    re.IGNORECASE,
)
# rule ``en-name-field``: an English project card's name field: "Project: Clean Water for Polissia", "Project title:
# Clean Water" (the label line and its value line joined by the field-card rule)
_EN_NAME_FIELD = re.compile(
    r"\s*(?:[-•*–—·▪]\s*)?(?P<trig>(?i:project|programme|program|initiative))(?i:\s+(?:title|name))?\s*:\s*"
    r"(?P<title>«[^«»]{2,150}»|[A-Z0-9][^«»:]{2,150}?)\s*$"
)
# a numbered item that is only a quoted title: "2. «Безпечний простір для дітей»" (a list item whose fields follow)
_NUMBERED_TITLE = re.compile(r"\s*\d{1,2}[.)]\s*(?P<title>«[^«»]{3,150}»)\s*(?:\([^()]{1,30}\))?\s*$")
_COMPOUND = re.compile(r"(?<![\w-])(?P<name>[" + U + r"][\w]{0,10}-(?:кластер|хаб|парк|лаб)\w*)")
_ORG_ABBR = re.compile(
    r"(?<![\w])(?P<abbr>ГО|ГС|БФ|МБФ|БО|МБО|ВГО|КП|КУ|КЗ|КНП|КЗК|ДУ|ДП|ДНЗ|КДНЗ|ЖДНЗ|ЗДО|ЗОШ|ЗЗСО|ОСББ|АТ|ПАТ|ПрАТ|ТОВ|ПП|НУО|МГО|ЦНАП|ДЮСШ|КДЮСШ|ОО|ООО|ЧП|ПАО|НПО|NGO|CSO|LLC|PE|CE|MUE)"
    r"(?:\s*\([^()]{1,40}\))?(?P<mods>(?:\s+[^\s«»,;:.()]+){0,6}?)\s*(?=«)"
)
_ORG_LONG = re.compile(
    r"(?<![\w])(?P<head>громадськ\w+\s+організаці\w+|комунальн\w+\s+(?:установ|підприємств|заклад|організаці)\w*|"
    r"державн\w+\s+(?:установ|підприємств|організаці)\w*|благодійн\w+\s+(?:фонд|організаці)\w*|"
    r"організаці\w+|организаци\w+|установ\w+|компані\w+|підприємств\w+|асоціаці\w+|спілк\w+|об'єднанн\w+|товариств\w+|фундаці\w+|"
    r"фонд(?:у|ом|і)?(?![\w])|(?:інтернет-|онлайн-)?видання|медіа|агентств\w+|редакці\w+|"
    r"общественн\w+\s+организаци\w+|благотворительн\w+\s+(?:фонд|организаци)\w*|"
    r"(?:коммунальн|государственн)\w+\s+(?:предприяти|учреждени)\w*|ассоциаци\w+|компани\w+|"
    r"(?:non-?governmental|civil\s+society|public|charitable|international)\s+(?:organi[sz]ation|foundation|fund)|"
    r"charity(?:\s+foundation)?|(?:municipal|communal)\s+(?:enterprise|institution|utility|company))"
    r"(?P<mods>(?:\s+[^\s«»,;:.()]+){0,3}?)\s*(?=«)",
    re.IGNORECASE,
)
_ORG_LATIN = re.compile(
    r"(?<![\w])(?:компані|організаці|фірм|агенці|студі)\w*\s+(?P<title>[A-Z][\w&.-]+(?:\s+(?:[A-Z][\w&.-]*|&)){0,5})"
)
# "SAFOSO AG", "Alinea International", "The HALO Trust": a Latin name closed by a legal form or an organisation word
_ORG_LATIN_SUFFIX = re.compile(
    r"(?<![\w'])(?P<title>(?:The\s+)?[A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|&|for|of)){0,4}?\s+"
    r"(?:AG|GmbH|gGmbH|Ltd\.?|Inc\.?|LLC|S\.A\.|e\.V\.|B\.V\.|International|Trust|Foundation|Institute|"
    r"Association|Alliance|Corporation|Consulting|Group))(?![\w])(?!\s+(?-i:[A-Z])[\w-]*\b(?<!The))"
)
_LATIN_FIELD = re.compile(
    r"\s*(?:[-•*–—·▪]\s*)?(?:(?:спів)?виконав\w*|партнер\w*|реалізатор\w*|(?:спів)?організатор\w*|консультант\w*|"
    r"підрядник\w*)(?:\s+проє?кту)?\s*(?::|\s[–—-]\s)\s*(?P<title>[A-Z][\w&.-]+(?:\s+(?:[A-Z][\w&.-]*|&)){0,5})\s*[.;]?\s*$",
    re.IGNORECASE,
)
_HEAD_QUOTE = re.compile(
    r"(?<![\w])(?P<head>(?:["
    + U
    + r"а-яіїєґ][\w'-]{2,}(?:ий|ій|а|я|е|є|ого|ього|ому|ьому|ої|ьої|им|ім|ою|ьою|их|іх|і)\s+){0,4}?"
    r"(?P<noun>парк|кластер|хаб|простір|простору|лабораторі|центр|агенці|фонд|клуб|ліце|гімназі|школ|лікарн|музе|"
    r"бібліотек|театр|інститут|університет|академі|коледж|бізнес-інкубатор|інкубатор|коворкінг)\w*)"
    r"(?P<mods>(?:\s+[^\s«»,;:.()]+){0,6}?)\s*(?=«)",
    re.IGNORECASE,
)
PROJECT_HEADS = ("парк", "кластер", "хаб", "прост", "лаборатор", "інкубатор", "бізнес-інкубатор", "коворкінг")

_YEARS = re.compile(r"(?:на|до|за|у|в)\s+(?:період\s+)?(?:до\s+)?\d{4}|\d{4}\s*-\s*\d{4}\s+рок|на\s+період")
_STOP_WORDS = {
    "що", "який", "яка", "яке", "які", "якого", "якої", "якому", "якій", "яким", "де", "щодо", "за", "від", "з", "із",
    "зі", "для", "шляхом", "відповідно", "згідно", "через", "та", "і", "й", "а", "але", "як", "при", "під", "після",
    "до", "у", "в", "на", "про",
}  # fmt: skip
_KEEP_AFTER = {"та", "і", "й", "з", "із", "зі", "для", "у", "в", "на", "до", "про", "щодо"}


def _nominative_title(title: str) -> str:
    """Rule ``inflected-title``: a short quoted title written in another case ("програми «теплих кредитів»")
    is named in the nominative ("теплі кредити"); a title whose first word can be nominative stays as written."""
    from loaders.morph import nominative, parses

    words = title.split()
    if not 2 <= len(words) <= 4 or not re.fullmatch(r"[А-ЯІЇЄҐа-яіїєґ'’-]+", words[0]):
        return title
    ps = parses(words[0])
    if not ps or any("nomn" in p.tag for p in ps):
        return title
    if not any(str(p.tag.POS) in ("ADJF", "NOUN") and ("gent" in p.tag or "loct" in p.tag) for p in ps):
        return title  # "«Велосипедом на роботу»": an instrumental title is the name itself
    return " ".join(nominative(words, number=None))


def _clean_title(t: str) -> str:
    t = t.strip()
    if t.startswith("«"):
        t = t[1:]
    if t.endswith("»"):
        t = t[:-1]
    t = re.sub(r"\s+", " ", t).strip(" ,;:-")
    if t.count("«") > t.count("»"):
        t += "»"  # «A «B» written with one closing quote
    elif t.count("»") > t.count("«"):
        t = re.sub(r"\s*»\s*", " ", t).strip()  # «A» b»: the quote closed too early
    return t


def _person_at(words: list[str], i: int) -> bool:
    """A first name followed by a surname starts at words[i] (not after "імені")."""
    from loaders.morph import parses

    w, nxt = words[i].strip(",.;:()«»"), words[i + 1].strip(",.;:()«»")
    if not (w[:1].isupper() and nxt[:1].isupper()) or words[i - 1].lower().rstrip(".") in ("імені", "ім"):
        return False
    return any("Name" in p.tag for p in parses(w.lower())) and any("Surn" in p.tag for p in parses(nxt.lower()))


def _cap_extent(rest: str) -> str:
    """Words of a capitalised unquoted name: stop at relative pronouns, cue prepositions, capitals after 'та'."""
    words = rest.split()
    out: list[str] = []
    for i, w in enumerate(words):
        lw = w.lower()
        if lw in (
            "що",
            "який",
            "яка",
            "яке",
            "які",
            "якого",
            "якої",
            "де",
            "щодо",
            "за",
            "від",
            "шляхом",
            "згідно",
            "між",
        ):
            break  # "Програма з екстреного відновлення між JICA та …": the name ends before the parties
        if re.fullmatch(
            r"(?:відбул|розпоча|стартува|триває|тривав|завершил|підписа|оголоси|оголошу|презентува)\w*", lw
        ):
            break  # a verb closes the noun phrase ("… для прийняття ВПО … відбулося")
        if lw in ("у", "в", "на", "до") and (i + 1 >= len(words) or not words[i + 1][:1].isupper()):
            break
        if lw in ("та", "і", "й") and i + 1 < len(words) and words[i + 1][:1].isupper() and words[i + 1][:1].isalpha():
            break
        if re.fullmatch(r"\d{4}(-\d{4})?", w) and out and out[-1].lower() in ("на", "до", "за"):
            break
        if out and i + 1 < len(words) and _person_at(words, i):
            break  # "Програма U-LEAD з Європою Бастіана Файгеля": a person's name ends the title
        out.append(w)
    while out and out[-1].lower() in _STOP_WORDS:
        out.pop()
    return " ".join(out)


def _own_latin_name(mods: str) -> str | None:
    """Rule ``latin-name-and-title``: "програми Polaris «Підтримка багаторівневого врядування»" — a Latin word
    between the trigger and the quoted title that no registry knows as a donor is the initiative's short name."""
    mods = mods.strip()
    if not re.fullmatch(r"[A-Z][A-Za-z0-9+&-]{2,}(?:\s+[A-Z0-9][A-Za-z0-9+&-]*){0,2}", mods) or mods in LATIN_STOP:
        return None
    try:
        from loaders.registry import get_registry

        if get_registry().find(mods):
            return None  # "проєкту USAID «X»": a donor's name
    except Exception:
        return None
    return mods


_LATIN_NAME = r"[A-Z][\w'’&+.-]*(?:\s+[A-Z0-9][\w'’&+.-]*){0,5}"
_DEFINES = r"\s*(?:[—–:]|\s-\s)\s*(?:це\s+)?(?:[а-яіїєґ'’-]+\s+){0,3}?"
_INITIATIVE_NOUN = INITIATIVE_STEM + r"\w*"
_DEFINED_TRIG = re.compile(_DEFINES + _INITIATIVE_NOUN + r"(?![\w])", re.IGNORECASE)
_DEFINED_LEAD = re.compile(
    r"\s*(?:[-•*–]\s*)?(?:[А-ЯІЇЄҐа-яіїєґ'’-]+\s+){0,3}?(?P<name>" + _LATIN_NAME + r")(?=" + _DEFINED_TRIG.pattern + ")"
)
_BRACKET_AFTER = re.compile(r"(?:\s*\([^()«»]{1,80}\))?")
_DEFINED_TAIL = re.compile(
    r"(?<![\w])"
    + _INITIATIVE_NOUN
    + r"\s+(?:[а-яіїєґА-ЯІЇЄҐ'’-]+\s+){0,5}?(?:[—–]|(?<=\s)-)\s+(?P<name>"
    + _LATIN_NAME
    + r")\s*[.;]?\s*$"
)


def _defined_names(s: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Spans of names a sentence defines as an initiative (see step 8 of :func:`find_initiatives`). A single Latin
    word needs lower-case letters or a digit ("EU4Business"): an acronym alone ("GIZ: проєкт …") is an organisation."""
    out = []
    lead = _DEFINED_LEAD.match(s)
    if lead is not None:
        out.append((*lead.span("name"), lead.group("trig").lower()))
    tail = _DEFINED_TAIL.search(s)
    if tail is not None:
        out.append((*tail.span("name"), tail.group("trig").lower()))
    out = [(a, a + len(s[a:b].rstrip(".,;")), t) for a, b, t in out]  # "— Digital Cherkasy.": the sentence's stop
    out = [
        (a, b, t)
        for a, b, t in out
        if " " in s[a:b].strip() or (re.search(r"[a-z]{2}|\d", s[a:b]) and not s[a:b].isupper())
    ]
    first = next(((a, b) for a, b in quotes if not s[:a].strip(" •*-–")), None)
    # "«Енергоефективні школи» (Energy Efficient Schools) – проєкт": a bracketed translation before the dash
    after = _BRACKET_AFTER.match(s, first[1]).end() if first is not None else 0
    defined = _DEFINED_TRIG.match(s, after) if first is not None else None
    if defined is not None:
        out.append((*first, defined.group("trig").lower()))  # "«Рідна школа» — програма, яку …"
    return out


_LOCAL_PROGRAMME = re.compile(
    r"(?<![\w«\"])(?P<trig>Програм|Стратегі|Комплексн\w+\s+програм|(?:[РрОоМмСсЦц](?:егіональн|бласн|іськ|елищн|ільськ|ільов)|"
    r"[Кк]омплексн)\w*\s+(?:цільов\w+\s+)?програм)\w*(?P<rest>(?:\s+[^\s,;:.()«»!?]+){1,16}?)"
    r"(?P<years>\s+(?:на|до)\s+(?:період\s+)?(?:до\s+)?\d{4}(?:\s*[-–—]\s*\d{4})?\s*(?:рік|роки|року|рр?\.)?)"
)


def _local_programmes(s: str, found: list[Found]) -> list[Found]:
    """Rule ``local-programme``: "Програма соціально-економічного розвитку Драбівської селищної ради на 2022
    рік", "Стратегія розвитку громади на 2025-2029 роки" — a community's own programme or strategy named
    with its years. Such names are everywhere in council reports, so the extractor keeps one only where it
    is what the page is about (its title, a decision's title) or a donor supports it."""
    from loaders.morph import nominative

    out = []
    for m in _LOCAL_PROGRAMME.finditer(s):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        rest = m.group("rest").split()
        if (
            not rest
            or not re.fullmatch(r"[а-яіїєґ'’-]+", rest[0])
            or any(w.lower() in ("що", "який", "яка") for w in rest)
        ):
            continue  # "Програми U-LEAD …", "Програма, яка …": not a community's document
        if not re.search(
            r"розвит|підтрим|реалізац|відновлен|забезпечен|охорон|енергозбер|енергоефектив", m.group("rest")
        ):
            continue  # what such a programme is for, in the words councils use
        phrase = s[m.start() : m.end("rest")]
        words = phrase.split()
        label = " ".join(nominative(words)) + " " + " ".join(m.group("years").split())
        label = label[:1].upper() + label[1:]  # "в межах регіональної програми …": the name starts with a capital
        out.append(
            Found(
                m.start(),
                m.end(),
                label,
                "Program",
                {label, s[m.start() : m.end()]},
                (m.start(), m.end()),
                m.group("trig").lower(),
                unquoted=True,
                local=True,
            )
        )
    return out


def find_initiatives(s: str, quotes: list[tuple[int, int]]) -> list[Found]:
    """Programs and projects named in a normalised sentence."""
    from loaders.morph import nominative

    out: list[Found] = []
    by_start = {a: b for a, b in quotes}
    # 1. trigger + quoted title(s): проєкт «X»; проєкти: «A», «B»; ініціативи ЄС та ПРООН «X»
    for m in _trigger_quotes(s, by_start):
        q = m.end()
        trig = m.group("trig").lower()
        if _ACTION_LINE.search(m.group("mods") or ""):
            continue  # "проєкт напряму «Розвиток потенціалу»": the quote names a funding line, not the project
        typ = initiative_type(trig)
        spans = [(q, by_start[q])]
        # a list of quoted titles: «A», «B» та «C»
        nxt = by_start[q]
        if m.group(0).rstrip().endswith(":") or _is_plural(m.group(0)):
            while True:
                mm = _NEXT_TITLE.match(s, nxt) or _NEXT_LISTED_TITLE.match(s, nxt)
                if not mm or mm.end() not in by_start:
                    break
                a = mm.end()
                spans.append((a, by_start[a]))
                nxt = by_start[a]
        own = _own_latin_name(m.group("mods") or "") if len(spans) == 1 else None
        mods = (m.start("mods"), m.end("mods")) if not own else (m.start("mods"), m.start("mods"))
        if trig.isascii() and not own:
            # rule ``en-possessive-before-head``: "the Council of Europe's Programme «X»": the owner before the head
            pm = _EN_POSSESSIVE_OWNER.search(s, max(0, m.start() - 60), m.start())
            if pm:
                mods = (pm.start(), m.end("mods"))
        for n, (a, b) in enumerate(spans):
            title = _clean_title(s[a:b])
            if not title or len(title) < 3:
                continue
            start = m.start() if n == 0 else a
            nom = _nominative_title(title)
            out.append(
                Found(
                    start,
                    b,
                    own or nom,
                    typ,
                    {own, title, nom} if own else {title, nom},
                    (a + 1, b - 1),
                    trig,
                    mods,
                    group=m.start() if len(spans) > 1 else -1,
                )
            )
    # 1b. rule ``titles-after-lead-in``: "Серед проєктів, які громада реалізує з партнерами: «A» (ЮНІСЕФ),
    # «B» (USAID)": a plural trigger whose lead-in ends in a colon names the quoted titles after it
    if by_start and ":" in s:
        claimed = {f.title[0] - 1 for f in out if f.title}
        for m in _LIST_LEAD.finditer(s):
            q = m.end()
            if q in claimed or q not in by_start or not _is_plural(m.group("trig") + m.group("tail") + ":"):
                continue
            trig = m.group("trig").lower()
            typ = initiative_type(trig)
            spans = listed_titles(s, q, by_start)
            for a, b in spans:
                title = _clean_title(s[a:b])
                if title and len(title) >= 3 and a not in claimed:
                    nom = _nominative_title(title)
                    out.append(Found(a, b, nom, typ, {title, nom}, (a + 1, b - 1), trig, group=m.start()))
    # 2. trigger + English title: мережі Entrepreneurship+ Academy; програми URBACT IV
    for m in _TRIG_LATIN.finditer(s):
        title = m.group("title").strip(" .")
        if s[m.start("title") + len(title) :].lstrip().startswith("«"):
            continue  # "проєкту USAID «X»": the Latin word is the donor, the quote is the title
        if len(title) < 3 or any(a <= m.start("title") < b for a, b in quotes) or title.split()[0] in LATIN_STOP:
            continue
        if m.group("mods").strip() and _has_verb(m.group("mods")):
            continue  # "Програму реалізує GIZ": the verb's subject after the trigger, not the programme's name
        trig = m.group("trig").lower()
        typ = initiative_type(trig)
        out.append(
            Found(
                m.start(),
                m.start("title") + len(title),
                title,
                typ,
                {title},
                (m.start("title"), m.start("title") + len(title)),
                trig,
                (m.start("mods"), m.end("mods")),
            )
        )
    # 2b. rule ``unquoted-name-in-its-own-case``: "учасницею проєкту Сильні громади, який …": a capitalised name in
    # the nominative after a trigger in another case is the initiative's own name, written without quotes
    for m in _TRIG_UNQUOTED.finditer(s) if any(stem in s for stem in INITIATIVE_STEMS) else ():
        a = m.start("name")
        if any(x <= a < y for x, y in quotes) or any(f.start <= a < f.end for f in out):
            continue
        words = _unquoted_name(m.group("trig") + m.group("tail"), m.group("name"))
        if not words:
            continue
        title = " ".join(words)
        trig = m.group("trig").lower()
        typ = initiative_type(trig)
        out.append(Found(m.start(), a + len(title), title, typ, {title}, (a, a + len(title)), trig, unquoted=True))
    # 3. capitalised trigger inside a sentence: ... щодо Проєкту розвитку міської інфраструктури - 2, що ...
    for m in _CAP_TRIG.finditer(s):
        if any(a <= m.start() < b for a, b in quotes):
            continue
        rest = _cap_extent(m.group("rest"))
        if not rest:
            continue
        phrase = m.group("trig") + s[m.end("trig") : m.start("rest")] + " " + rest
        whole_end = m.start("rest") + m.group("rest").find(rest.split()[-1]) + len(rest.split()[-1])
        if any(a >= m.start() and a < whole_end + 2 for a, _ in quotes):
            continue  # a quoted title follows: rule 1 names it
        if _YEARS.search(m.group("rest")[: len(rest) + 30]):
            continue  # "Програма ... на 2021-2026 роки": a local budget programme, not an initiative
        words = phrase.split()
        if len(words) < 2:
            continue
        if re.fullmatch(r"[A-Z][A-Z0-9-]{1,9}", rest) or rest.startswith("«"):
            continue  # "Проєктом USAID «…»": the trigger and its donor, not a name (an unclosed title follows)
        if (known := registry_name_at_start(phrase)) is not None and known.entry.type == "Donor":
            continue  # "реализуется Программой развития ООН в Изюме": a donor's own name (UNDP), not a programme
        label = " ".join(nominative(words))
        trig = m.group("trig").lower()
        typ = initiative_type(trig)
        out.append(
            Found(m.start(), whole_end, label, typ, {label, phrase}, (m.start(), whole_end), trig, unquoted=True)
        )
    # 4. descriptive: проєкт із встановлення теплового насоса ...
    for m in _DESCRIPTIVE.finditer(s):
        body = m.group("body")
        words = body.split()
        cut = []
        for w in words:
            if w.lower() in ("що", "який", "яка", "які", "якого", "де", "щодо", "за", "шляхом") or w.startswith("-"):
                break
            cut.append(w)
        while cut and cut[-1].lower() in _STOP_WORDS:
            cut.pop()
        if not cut:
            continue
        first = nominative(cut[:1])[0]
        label = " ".join([first, *cut[1:]])
        names = {label}
        if len(cut) > 1 and first.lower().endswith(("ння", "ття")) and first.lower() != "встановлення":
            obj = " ".join(nominative(cut[1:]))
            names.add(obj)
        end = m.start("body") + len(" ".join(cut)) if body.startswith(" ".join(cut)) else m.end()
        out.append(Found(m.start(), end, label, "Project", names, (m.start("body"), end), "проєкт", descriptive=True))
    # 5. a web page's name field: "Назва проєкту: Енергоефективна школа в селі X" (unquoted, to the line end)
    m = _NAME_FIELD.match(s) or (_EN_NAME_FIELD.match(s) if _LATIN.search(s) else None)
    quoted = bool(m) and m.group("title").startswith("«")
    if (
        m
        and (quoted or not any(a <= m.start("title") < b for a, b in quotes))
        and not any(f.end > m.start() for f in out)
    ):
        title = re.sub(r"\s+", " ", m.group("title")).strip(" .;,«»")
        trig = (m.group("trig") or "проєкт").lower()
        if 3 <= len(title) <= 150 and len(title.split()) >= 1:
            typ = initiative_type(trig)
            end = m.start("title") + len(m.group("title").rstrip(" .;,"))
            out.append(Found(m.start(), end, title, typ, {title}, (m.start("title"), end), trig))  # named as such
    # 5b. a numbered item line holding only a quoted title names the project its field lines describe
    m = _NUMBERED_TITLE.match(s)
    if m and not any(f.start <= m.start("title") < f.end for f in out):
        title = _clean_title(m.group("title")[1:-1])
        if title and len(title) >= 3:
            span = (m.start("title"), m.end("title"))
            out.append(Found(*span, title, "Project", {title}, span, "проєкт"))
    # 7. English names: "the Recovery and Development Office programme", "Community Resilience Initiative"
    for m in _EN_INITIATIVE.finditer(s) if _EN_HEAD.search(s) else ():
        if any(a <= m.start() < b for a, b in quotes) or any(f.start <= m.start() < f.end for f in out):
            continue
        name = m.group("name").strip()
        words = name.split()
        while words and words[0].lower() in _EN_LEAD:
            words.pop(0)
        if len(words) < 2 or words[0] in LATIN_STOP or words[0].lower() in _EN_TITLES:
            continue  # "Deputy Director of USAID Ukraine’s Office": a person's post, not an initiative
        poss = [i for i, w in enumerate(words) if re.search(rf"['’]s$|-{_EN_BACKED}$", w)]
        owner = None
        if poss:
            # "USAID's Economic Resilience Activity": the name follows the owner, who is its modifier
            cut = poss[-1] + 1
            if len(words) - cut < 2:
                continue
            owner = (m.start("name"), m.start("name") + len(" ".join(words[:cut])))
            words = words[cut:]
        name = " ".join(words)
        start = m.start("name") + m.group("name").find(words[0])
        head = m.group("head").lower()
        typ = "Program" if head in ("programme", "program", "initiative", "facility", "fund") else "Project"
        if head == "fund" and owner is None and _EN_BY.search(s, max(0, start - 12), start):
            # rule ``en-fund-as-agent``: "funded by the Rockefeller Brothers Fund": a fund that acts is a body
            out.append(Found(start, start + len(name), name, "Organization", {name}, (start, start + len(name)), head))
            continue
        if owner is not None:
            out.append(
                Found(owner[0], start + len(name), name, typ, {name}, (start, start + len(name)), head, mods=owner)
            )
            continue
        out.append(Found(start, start + len(name), name, typ, {name}, (start, start + len(name)), head, unquoted=True))
    # 7b. English with the head after the name: 'the «Warm Schools» project', 'the Warm Schools programme'
    for b in (b for a, b in quotes if _EN_AFTER_QUOTE.match(s, b)):
        a = next(a for a, bb in quotes if bb == b)
        title = _clean_title(s[a:b])
        if not title or len(title) < 3 or any(f.title == (a, b) or f.start <= a < f.end for f in out):
            continue
        head = _EN_AFTER_QUOTE.match(s, b)
        typ = "Program" if head.group("head").lower().startswith(("program", "initiative")) else "Project"
        lo = _en_modifiers(s, a)
        out.append(Found(lo, head.end(), title, typ, {title}, (a + 1, b - 1), head.group("head").lower(), mods=(lo, a)))
    # 7b'. rule ``en-backed-quoted-title``: 'the EU-funded «Recovery Office» will help …': a quoted English title right
    # after a donor's "-funded"/"-supported" is an initiative even with no head word
    for a, b in quotes:
        if not _EN_BACKED_BEFORE.search(s, max(0, a - 40), a) or _EN_PLACE_AFTER.match(s, b):
            continue  # 'a USAID-supported «Bright Future» centre': a building's name, not an initiative's
        title = _clean_title(s[a:b])
        if not title or len(title) < 3 or not title[0].isupper() or not title.isascii():
            continue
        if any(f.title == (a + 1, b - 1) or f.start <= a < f.end for f in out):
            continue
        lo = _en_modifiers(s, a)
        out.append(Found(lo, b, title, "Project", {title}, (a + 1, b - 1), "project", mods=(lo, a)))
    # 7c. a project list's item: '«Clean Energy for Ivano-Frankivsk» – funded by the European Union'
    for b in (b for a, b in quotes if _EN_QUOTE_PARTICIPLE.match(s, b)):
        a = next(a for a, bb in quotes if bb == b)
        title = _clean_title(s[a:b])
        if not title or len(title) < 3 or not title[0].isupper() or not title.isascii():
            continue
        if any(f.title == (a, b) or f.start <= a < f.end for f in out):
            continue
        out.append(Found(a, b, title, "Project", {title}, (a + 1, b - 1), "project"))
    for m in _EN_SINGLE_QUOTED.finditer(s):  # the joint EU-UNDP 'Support to Early Recovery' project
        a, b = m.span("t")
        if any(f.start <= a < f.end for f in out):
            continue
        head = m.group("head").lower()
        typ = "Program" if head.startswith(("program", "initiative")) else "Project"
        lo = _en_modifiers(s, a - 1)
        out.append(Found(lo, m.end(), m.group("t"), typ, {m.group("t")}, (a, b), head, mods=(lo, a - 1)))
    for m in _EN_LOWER_HEAD.finditer(s):
        if any(a <= m.start("name") < b for a, b in quotes) or any(f.start <= m.start("name") < f.end for f in out):
            continue
        name = m.group("name")
        if name.split()[0] in LATIN_STOP or name.split()[0].lower() in _EN_TITLES:
            continue
        if _EN_MODIFIERS_ONLY.fullmatch(name) and _EN_TITLE_AFTER.match(s, m.end()):
            continue  # "the Swiss-Ukrainian project 'E-Governance …'": the title follows; the words before only qualify
        head = m.group("head").lower()
        typ = "Program" if head.startswith(("program", "initiative")) else "Project"
        a = m.start("name")
        # the head word after the name marks it as surely as quotes do; "the World Bank's HEAT project": the owner
        # is a modifier
        owner = "owner" if m.group("owner") else "funder" if m.group("funder") else None
        if owner:
            lo = m.start(owner)
            out.append(Found(lo, a + len(name), name, typ, {name}, (a, a + len(name)), head, mods=(lo, m.end(owner))))
            continue
        out.append(Found(a, a + len(name), name, typ, {name}, (a, a + len(name)), head))
    # 1c. a quoted title that is itself headed by a trigger: "продовжує реалізацію «Програми екстреної підтримки …»"
    for a, b in quotes:
        if any(f.start <= a < f.end or (f.title and f.title[0] <= a + 1 < f.title[1]) for f in out):
            continue
        head = _QUOTED_HEAD.match(s, a + 1, b)
        title = _clean_title(s[a:b])
        if head is None or not title or len(title.split()) < 2 or _YEARS.search(title):
            continue  # "«Програма соціально-економічного розвитку … на 2025 рік»": a local budget programme
        words = title.split()
        label = " ".join(nominative(words[:1]) + words[1:])
        trig = head.group("trig").lower()
        typ = initiative_type(trig)
        out.append(Found(a, b, label, typ, {label, title}, (a + 1, b - 1), trig))
    # 8. a name defined by the noun after a dash: "Digital Cherkasy — це проєкт …", "«Рідна школа» — програма, яку
    # …", "• Практичні інтенсиви GROW UP: навчальна програма …", "стартував проєкт із цифровізації — Digital Cherkasy"
    for a, b, trig in _defined_names(s, quotes):
        if any(f.start < b and a < f.end for f in out):
            continue
        quoted = s[a] in '«"“„'
        title = _clean_title(s[a:b]) if quoted else s[a:b]
        typ = initiative_type(trig)
        span = (a + 1, b - 1) if quoted else (a, b)
        out.append(Found(a, b, title, typ, {title}, span, trig))  # the definition names it as surely as quotes
    # 6. compounds: IT-кластер, агро-хаб
    for m in _COMPOUND.finditer(s):
        if any(a <= m.start() < b for a, b in quotes):
            continue
        name = m.group("name")
        prefix, _, last = name.rpartition("-")
        label = prefix + "-" + nominative([last])[0].lower()
        out.append(Found(m.start(), m.end(), label, "Project", {label, name}, (m.start(), m.end()), "compound"))
    out.extend(_local_programmes(s, out))
    return out


_QUOTED_HEAD = re.compile(r"(?P<trig>Програм|Проєкт|Проект|Ініціатив)(?:а|и|у|ою|і|ом|ів)?\s+[а-яіїєґ']")
_EN_WORD = r"(?:[A-Z][\w'’&+-]*|of|and|for|in|the|to|on|with|&)"
_EN_INITIATIVE = re.compile(
    rf"(?<![\w])(?P<name>[A-Z][\w'’&+-]*(?:\s+{_EN_WORD}){{0,8}}?\s+(?P<head>Programme|Program|Project|Initiative|"
    r"Activity|Facility|Fund|Partnership|Office|Offices))(?![\w])"
)
_EN_QUOTE_PARTICIPLE = re.compile(
    r"\s*[–—-]\s*(?:(?:co-?)?funded|financed|supported|sponsored|implemented)\s+(?:by|from|with)(?![\w])"
)
_EN_AFTER_QUOTE = re.compile(r"\s*(?P<head>project|programme|program|initiative)(?![\w])", re.IGNORECASE)
# "EU-funded", "USAID-supported": a donor's name made an adjective of the initiative after it
_EN_BACKED = r"(?:co-?)?(?:funded|financed|supported|backed|sponsored)"
_EN_BACKED_BEFORE = re.compile(rf"[A-Za-z]-{_EN_BACKED}\s*$")
_EN_PLACE_AFTER = re.compile(
    r"\s*(?:centres?|centers?|hubs?|schools?|hospitals?|buildings?|parks?|spaces?|shelters?|houses?|clinics?|"
    r"librar(?:y|ies)|kindergartens?|museums?|halls?|stations?)(?![\w-])",
    re.IGNORECASE,
)
_EN_MODS = re.compile(rf"(?:(?:[A-Z][\w&+]*)(?:-{_EN_BACKED})?(?:\s*[-/–]\s*|\s+and\s+|\s+)){{1,4}}$")


# "the Council of Europe's ", "USAID’s ": an owner's possessive right before an English head word
_EN_POSSESSIVE_OWNER = re.compile(r"(?<![\w])[A-Z][\w&.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w&.-]*){0,4}['’]s\s+$")


def _en_modifiers(s: str, quote: int) -> int:
    """Where the donors named before an English title begin: "the joint EU-UNDP 'X' project"."""
    m = _EN_MODS.search(s[max(0, quote - 45) : quote])
    return quote - len(m.group()) if m else quote


_EN_SINGLE_QUOTED = re.compile(
    r"(?<![\w])'(?P<t>[A-Z][^'«»\"]{2,150}?)'\s*(?P<head>project|programme|program|initiative)(?![\w])", re.IGNORECASE
)
_EN_LOWER_HEAD = re.compile(
    rf"(?<![\w])(?:(?:the\s+)?(?P<funder>[A-Z][\w&.]*(?:[\s/–-]+[A-Z][\w&.]*){{0,2}})-{_EN_BACKED}|"
    rf"the|(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,3}})['’]s|"
    rf"an?\s+(?:[$€£]\s?|(?:USD|EUR|US\$)\s?)[\d.,]+(?:\s*(?:million|billion|mln|bn|m))?)\s+"
    rf"(?P<name>[A-Z][\w'’&+-]*(?:\s+{_EN_WORD}){{0,6}}?)(?<!['’]s)\s+(?P<head>project|programme|program|initiative|activity)(?![\w])"
)
# a name made only of qualifying words ("Swiss-Ukrainian", "Joint", "Danish") before a head with its title after it
_EN_MODIFIERS_ONLY = re.compile(r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*(?:-(?:Ukrainian|funded|supported|led))?\s*){1,2}")
_EN_TITLE_AFTER = re.compile(r"\s*(?:[«\"“„']|[A-Z]{3,}(?![\w-]))")
_EN_BY = re.compile(r"(?<![\w])by\s+(?:the\s+)?$")
_EN_HEAD = re.compile(r"Program|Project|Initiative|Activity|Facility|Fund|Partnership|Office")
_EN_TITLES = {
    "deputy", "director", "head", "chief", "mayor", "minister", "ambassador", "manager", "coordinator", "president",
    "chairman", "chair", "secretary", "governor", "adviser", "advisor", "officer", "representative", "team",
}  # fmt: skip
_EN_LEAD = {"the", "this", "a", "an", "under", "through", "within", "and", "of", "eu", "usaid", "undp"}
_EDU_HEAD = r"(?:університет|інститут|академі[яїюєі]|академією|коледж|політехнік)\w*"
_EDU_ADJ = re.compile(
    r"(?<![\w'-])(?P<name>[" + U + r"][\w'-]+(?:ий|ій|ого|ому|им|ім|а|ої|ою|ій)\s+"
    r"(?:[а-яіїєґ'-]+(?:ий|ій|ого|ому|им|ім|а|ої|ою)\s+){0,3}" + _EDU_HEAD + r")"
    r"(?P<tail>\s+імені\s+(?:[" + U + r"]\.\s*){0,3}[" + U + r"][\w'-]+(?:\s+[" + U + r"][\w'-]+)?)?"
)
_EDU_NOUN = re.compile(
    r"(?<![\w'-])(?P<name>(?:Університет|Інститут|Академі[яїюєі]|Академією|Коледж|Політехнік)\w*)(?=\s+[\w«])"
)
_GEN_WORD = re.compile(r"[а-яіїєґ'-]+(?:ії|ої|их|ого|ів|ки|ства|ння|ття|ці|ти|ну|ку|ду|ни)|наук|мистецтв|(?:і|та|й)")


_ADJ_FOR_HEAD = (
    (re.compile(r"(?:університет|інститут|коледж)$"), ("ий", "ій")),
    (re.compile(r"(?:університет|інститут|коледж)у$"), ("ого", "ому")),
    (re.compile(r"(?:університет|інститут|коледж)ом$"), ("им", "ім")),
    (re.compile(r"(?:університет|інститут|коледж)і$"), ("ому", "ім")),
    (re.compile(r"(?:університет|інститут|коледж)(?:и|ів|ам|ами|ах)$"), ("і", "их", "им", "ими")),
    (re.compile(r"(?:академі|політехнік)[яа]$"), ("а", "я")),
    (re.compile(r"(?:академі|політехнік)[іи]$"), ("ої", "ій", "ьої")),
    (re.compile(r"(?:академі|політехнік)(?:ю|у)$"), ("у", "ю")),
    (re.compile(r"(?:академі|політехнік)(?:єю|ою)$"), ("ою", "ьою")),
)


def _agrees(words: list[str]) -> bool:
    """Adjectives before an academic head noun agree with its case: "Гданський університет", "Гданського університету"."""
    head = words[-1].lower()
    for rx, endings in _ADJ_FOR_HEAD:
        if rx.search(head):
            return all(w.lower().endswith(endings) for w in words[:-1])
    return False


def _plural_genitive(word: str) -> bool:
    """A noun whose only reading is the genitive plural with no ending ("громад", "сіл"): "Інститут розвитку
    громад" goes on with it (rule edu-tail-plural-genitive)."""
    from loaders.morph import parses

    ps = parses(word)
    return bool(ps) and all(str(p.tag.POS) == "NOUN" and {"gent", "plur"} <= set(p.tag.grammemes) for p in ps)


def _edu_tail(rest: str) -> str:
    """Words after an academic head: "природничих і технічних наук", "Гента", "океанології Болгарської академії наук"."""
    out: list[str] = []
    for w in rest.split()[:7]:
        core = w.rstrip(",.;:)")
        if not core or w.startswith(("(", "«")):
            break
        if core[0].isupper() and core[0].isalpha() and not (out and out[-1] in ("та", "і", "й")):
            out.append(core)
        elif _GEN_WORD.fullmatch(core) or _plural_genitive(core):
            out.append(core)
        else:
            break
        if core != w:
            break
    while out and out[-1] in ("та", "і", "й"):
        out.pop()
    return " ".join(out)


def _academic(s: str, quotes: list[tuple[int, int]], taken: set[int]) -> list[Found]:
    """Universities, institutes and academies named without quotes: "Гданський університет", "Університет Гента",
    "Одеський національний університет імені І. І. Мечникова", "Інститут океанології Болгарської академії наук"."""
    from loaders.morph import nominative

    out: list[Found] = []
    seen: list[tuple[int, int]] = []
    for rx in (_EDU_ADJ, _EDU_NOUN):
        for m in rx.finditer(s):
            a = m.start("name")
            if any(x <= a < y for x, y in quotes) or any(x <= a < y for x, y in seen):
                continue
            name = m.group("name")
            if rx is _EDU_ADJ and not _agrees(name.split()):
                continue  # "з міською радою університет": the words before are not the university's adjectives
            after = m.end("name")
            if rx is _EDU_ADJ and m.group("tail"):
                name += m.group("tail")
                after = m.end("tail")
            rest = s[after:]
            if rest.lstrip().startswith("«"):
                continue  # "Університет «Овідіус»": the quoted-name rule names it
            tail = _edu_tail(rest) if rx is _EDU_NOUN or not m.group("tail") else ""
            if rx is _EDU_NOUN and not tail:
                continue
            if rx is _EDU_ADJ and tail and not tail[0].islower():
                tail = ""  # "Гданський університет Польщі"? keep the adjective name only
            words = name.split()
            label = " ".join(nominative(words) if rx is _EDU_ADJ and not m.group("tail") else words)
            if rx is _EDU_ADJ and m.group("tail"):
                head_words = m.group("name").split()
                label = " ".join(nominative(head_words)) + m.group("tail")
            surface = s[a:after] + ((" " + tail) if tail else "")
            if tail:
                label += " " + tail
            end = a + len(surface)
            seen.append((a, end))
            out.append(Found(a, end, label, "Organization", {label, surface}, (a, end), "edu"))
    return [f for f in out if not any(g is not f and g.start <= f.start and f.end <= g.end for g in out)]


def _trim_to_adjectives(head: str, noun: str) -> str:
    """Keep only the adjectives right before the head noun ("на базі Індустріального парку" -> "Індустріального парку")."""
    from loaders.morph import parses

    words = head.split()
    k = len(words) - 1  # the noun
    while k > 0:
        w = words[k - 1]
        ps = parses(w.strip("«»"))
        if ps and str(ps[0].tag.POS or "") in ("ADJF", "PRTF"):
            k -= 1
        else:
            break
    return " ".join(words[k:])


_TRIG_ONLY = re.compile(r"(?<![\w])" + _TRIG, re.IGNORECASE)
# "Конкурс на отримання субгрантів «X»": a grant call names its title after the grant it offers
_GRANT_CALL = re.compile(r"\s+на\s+(?:отримання|одержання|надання)\s+(?:суб)?грант\w*", re.IGNORECASE)
_MODS_STOP = re.compile(
    r"(?<![\w])(?:межах|рамках|складі|за|від|через|що|який|яка|які|якого|якої|де|щодо|з|із|зі|для|на|у|в|до|про)(?![\w])",
    re.IGNORECASE,
)


_EN_CLAUSE = re.compile(
    r"(?<![\w])(?:is|are|was|were|will|has|have|had|been|being|by|implemented|funded|financed|supported|run|managed)"
    r"(?![\w])"
)


_NEXT_TITLE = re.compile(r"\s*(?:\([^()«»]{1,60}\)\s*)?(?:,|;|та|і|й)\s*(?=«)")
# in a list a plural trigger announces, a title may be followed by its donor before the next one: "«A» за
# підтримки USAID, «B» (ЄС) та «C»"
_NEXT_LISTED_TITLE = re.compile(r"[^«»:.!?;]{0,60}?(?:,|;|\sта|\sі|\sй)\s*(?=«)")
_LIST_LEAD = re.compile(r"(?<![\w])" + INITIATIVE_STEM + r"(?P<tail>\w*)[^.:;«»!?]{0,120}?:\s*(?=«)", re.IGNORECASE)


def _trigger_quotes(s: str, by_start: dict[int, int]) -> list[re.Match]:
    """For each quote, the nearest trigger word before it, if only modifiers stand between them
    ("проєкту USAID «X»", "ініціативи ЄС та ПРООН «X»", "проєкти: «A»"), as a match of _TRIG_QUOTE."""
    from loaders.morph import parses

    out = []
    for q in sorted(by_start):
        lo = max(0, q - 140)
        trig = None
        for t in _TRIG_ONLY.finditer(s, lo, q):
            trig = t
        if trig is None:
            continue
        m = _TRIG_QUOTE.match(s, trig.start())
        if m is None or m.end() != q:
            continue
        mods = m.group("mods")
        if _MODS_STOP.search(mods) and not _GRANT_CALL.fullmatch(mods):
            continue
        if _EN_CLAUSE.search(mods):
            continue  # "the project is implemented by the NGO «X»": a clause, not modifiers; «X» is the agent
        if any(
            str((parses(w)[:1] or [None])[0].tag.POS if parses(w) else "") in ("VERB", "INFN", "PRTS", "GRND")
            for w in re.findall(r"[а-яіїєґ']+", mods.lower())
        ):
            continue
        out.append(m)
    return out


def registry_name_at_start(text: str) -> RegistryMatch | None:
    """The registry's name that opens ``text`` ("Программой развития ООН …", "USAID"), or None."""
    from loaders.registry import get_registry

    return next((m for m in get_registry().find(text) if m.start == 0), None)


def listed_titles(s: str, q: int, by_start: dict[int, int]) -> list[tuple[int, int]]:
    """The quoted titles listed from the quote at ``q`` on: «A», «B» та «C», each maybe with its donor after it
    ("«A» за підтримки USAID, «B» (ЄС)")."""
    spans, nxt = [(q, by_start[q])], by_start[q]
    while (mm := _NEXT_TITLE.match(s, nxt) or _NEXT_LISTED_TITLE.match(s, nxt)) and mm.end() in by_start:
        spans.append((mm.end(), by_start[mm.end()]))
        nxt = by_start[mm.end()]
    return spans


def quoted_title(s: str, a: int, b: int, typ: str, trig: str) -> Found | None:
    """The initiative a quote at ``s[a:b]`` names, as a trigger of kind ``typ`` would name it, or None."""
    title = _clean_title(s[a:b])
    if not title or len(title) < 3:
        return None
    nom = _nominative_title(title)
    return Found(a, b, nom, typ, {title, nom}, (a + 1, b - 1), trig)


def plural_trigger(text: str) -> bool:
    """ "проєкти:", "програм:": the trigger names many initiatives (a list follows)."""
    return _is_plural(text)


def _is_plural(text: str) -> bool:
    return bool(
        re.search(r"(?:проєкт|проект)(?:и|ів|ами|ах)|програм(?:и|ами|ах)\s*:|ініціатив(?:и|ами)\s*:", text, re.I)
    )


_BRACKET_NAME = re.compile(r"\s*\(\s*([^()]{2,80}?)\s*\)")


def _registry_knows(s: str, title: str, end: int) -> bool:
    """The registry knows an organisation by its quoted title or by the name in brackets right after it."""
    try:
        from loaders.registry import get_registry

        reg = get_registry()
    except Exception:
        return False
    br = _BRACKET_NAME.match(s, end)
    return bool(reg.find(title) or (br is not None and reg.find(br.group(1))))


def find_organisations(s: str, quotes: list[tuple[int, int]]) -> list[Found]:
    """Organisations named by an abbreviation or a head noun before a quoted name: ГО «X», КУ «X», парк «X»."""
    from loaders.morph import nominative

    out: list[Found] = []
    by_start = {a: b for a, b in quotes}
    taken: set[int] = set()
    # these three end at an opening quote: a sentence without quotes has none of them
    for rx, kind in ((_ORG_ABBR, "abbr"), (_ORG_LONG, "long"), (_HEAD_QUOTE, "head")) if quotes else ():
        for m in rx.finditer(s):
            q = m.end()
            if q not in by_start or q in taken:
                continue
            b = by_start[q]
            title = _clean_title(s[q:b])
            if not title or len(title) < 2:
                continue
            taken.add(q)
            if kind == "abbr":
                head = m.group("abbr")
                typ = "Organization"
                full = f"{head} «{title}»"
                out.append(Found(m.start(), b, title, typ, {title, full}, (q + 1, b - 1), head))
            elif kind == "long":
                head = m.group("head")
                if head.lower().startswith(("організаці", "организаци")) and _registry_knows(s, title, b):
                    taken.discard(q)
                    continue  # "організацією «Глобал Ком'юнітіз» (Global Communities)": the registry names it
                full = " ".join(nominative(head.split())) + f" «{title}»"
                out.append(Found(m.start(), b, title, "Organization", {title, full}, (q + 1, b - 1), head.lower()))
            else:
                if _has_verb(m.group("mods")):
                    taken.discard(q)
                    continue  # "Школи отримали набори ЮНІСЕФ «X»": a clause, not a school named «X»
                head = m.group("head").strip()
                noun = m.group("noun").lower()
                head = _trim_to_adjectives(head, m.group("noun"))
                typ = "Project" if noun.startswith(PROJECT_HEADS) else "Organization"
                head_words = head.split()
                # keep only the head noun and adjectives right before it (capitalised name start)
                nom = nominative(head_words)
                full = " ".join(nom) + f" «{title}»"
                start = m.start("head") + max(0, m.group("head").rfind(head))
                found = Found(start, b, title, typ, {title, full}, (q + 1, b - 1), noun, full=full)
                found.names.add(" ".join(nom[-1:]) + f" «{title}»")
                out.append(found)
    if _LATIN.search(s):  # the patterns below read a Latin name
        out.extend(_latin_organisations(s, quotes, out))
    out.extend(_academic(s, quotes, taken))
    return out


def _latin_organisations(s: str, quotes: list[tuple[int, int]], found: list[Found]) -> list[Found]:
    out: list[Found] = []
    fm = _LATIN_FIELD.match(s)
    if fm and fm.group("title").split()[0] not in LATIN_STOP:
        title = fm.group("title").rstrip(" &.")
        end = fm.start("title") + len(title)
        out.append(Found(fm.start("title"), end, title, "Organization", {title}, (fm.start("title"), end), "latin"))
    for m in _ORG_LATIN.finditer(s):
        title = m.group("title").rstrip(" &.")
        if title.endswith(" Co") or title.endswith(" Ltd") or title.endswith(" Inc"):
            title += "."
        end = m.start("title") + len(title)
        out.append(Found(m.start(), end, title, "Organization", {title}, (m.start("title"), end), "latin"))
    for m in _ORG_LATIN_SUFFIX.finditer(s):
        a, b = m.span("title")
        if any(f.start <= a < f.end or a <= f.start < b for f in [*found, *out]) or any(x <= a < y for x, y in quotes):
            continue
        words = m.group("title").split()
        if words[0] != "The" and (len(words) < 2 or words[0] in LATIN_STOP):
            continue
        out.append(Found(a, b, m.group("title"), "Organization", {m.group("title")}, (a, b), "latin"))
    return out


def _has_verb(words: str) -> bool:
    """Whether a finite verb stands among ``words`` (the dictionary's first reading)."""
    from loaders.morph import parses

    for w in words.split():
        ps = parses(w.lower().strip(",.;:"))
        if ps and "VERB" in str(ps[0].tag):
            return True
    return False


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Head nouns of organisation names (ontology/data/org_head_words.csv), as lemmas."""
    import csv

    import ontology

    with open(ontology.DATA / "org_head_words.csv", encoding="utf-8", newline="") as fh:
        return frozenset((row.get("lemma") or "").strip() for row in csv.DictReader(fh)) - {""}
