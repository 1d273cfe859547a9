"""The narrative extractor: mentions, linking, relations and discourse over one document's sentences.

See :mod:`loaders.narrative` for the stages and where each lives. Pipeline for one document:

1. :func:`loaders.text.read_text` decodes the file; :func:`loaders.text.sentences` cuts it into
   sentences with a normalised copy for matching (offsets map back to the original).
2. Mentions per sentence: registry donors/programs (:mod:`loaders.registry`), places
   (:mod:`loaders.gazetteer`), programs/projects/organisations named by patterns
   (:mod:`loaders.patterns`).
3. Document context: the home community (title, first lines, frequency) and the oblasts that
   disambiguate place names.
4. Relations per sentence from cue phrases (``loaders/lang/<language>/cues.csv``), proximity, lists and
   parentheses, with a small discourse memory (the current initiative, for "він", "цей проєкт",
   "в межах якого"); then document-level defaults (a project with no stated place is located in the
   home community of a municipal document).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise
from pathlib import Path

from loaders.base import Entity, Evidence, Extraction, LoaderError, Relation, name_key
from loaders.gazetteer.model import PlaceMatch
from loaders.narrative.coref import merge_acronyms
from loaders.narrative.evidence import names_both_ends
from loaders.narrative.latin import is_latin, join_connected, latin_names_in_cyrillic, mask_latin_towns
from loaders.narrative.repair import LOST_NOTE, MARKED_NOTE, lost_letters, map_back, question_marks, repair
from loaders.narrative.roles import copula_after, role_frames
from loaders.narrative.russian import is_russian, russian_document
from loaders.narrative.status import _partnership_status
from loaders.narrative.structure import COUNTRY_FIELD_WORDS, _field_cards
from loaders.patterns import (
    INITIATIVE_STEM,
    Found,
    cue_regex_in,
    cue_values_in,
    find_initiatives,
    find_organisations,
    initiative_type,
    listed_titles,
    plural_trigger,
    quoted_spans,
    quoted_title,
)
from loaders.patterns import org_heads as _org_heads
from loaders.text import Sentence, read_text, sentences

MAX_BYTES = 200 * 1024 * 1024
MAX_EVIDENCE = 100  # sentences kept per relation / mentions per entity (a 50 MB text repeats itself)
_BARE_TRIGGER = re.compile(r"(?<![\w])(?:проє?кт|програм|ініціатив|мереж|компонент)\w*", re.IGNORECASE)
_BARE_STRATEGY = re.compile(r"(?<![\w])стратегі\w*", re.IGNORECASE)
_LOCAL_FRAME = re.compile(r"(?<![\w])(?:(?:в|у)\s+(?:межах|рамках)|за\s+рахунок\s+коштів|коштом)\s+$", re.IGNORECASE)
# rule ``approved-programme``: "Депутати затвердили Програму розвитку туризму на 2024-2026 роки": a council's decision
# in prose, the programme it approves is what the item is about (an amendment names a programme approved before)
_APPROVED = re.compile(
    r"(?<![\w])(?:затверди(?:в|ла|ли|ло|ть|тимуть)|затверджено|затвердження|ухвали(?:в|ла|ли|ло)|ухвалено|"
    r"схвали(?:в|ла|ли|ло)|схвалено)"
    r"\s+(?:[\w'’-]+\s+){0,1}$",
    re.IGNORECASE,
)
_NATIONAL = re.compile(r"україн|національн|всеукраїнськ|загальнодержавн", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"(?:^|\s)(?:з|із|зі|у|в|на|до|від|для|між|про|по|за|при)\s+$", re.IGNORECASE)
_NO_PARTNERSHIP = re.compile(
    r"(?:угод|меморандум|партнерств|побратим|соглашени|договор[её]нност|agreement|partnership)\w*"
    r"[^.;]{0,80}?(?<![\w])(?:немає|відсутн\w*|нет|отсутству\w*|не\s+(?:достигнут\w*|підписан\w*|укладен\w*|"
    r"подписан\w*|заключен\w*|існує|существует))(?![\w])"
    r"|(?<![\w])(?:немає|нет|no|not\s+yet)\s+(?:\w+\s+){0,3}?(?:угод|меморандум|партнерств|соглашени|договор|agreement|partnership)"
    # rule ``only-discussed``: "обговорили можливе партнерство з …", "обговорювали можливість побратимства": a twinning
    # only discussed is none (an intent to sign, "планують підписати", still is one)
    r"|(?<![\w])(?:обговор|обсуд|discuss)\w*\s+(?:[\w'’-]+\s+){0,2}?(?:можлив|перспектив|possib|prospect)\w*\s+"
    r"(?:(?:встановленн|укладанн|укладенн|підписанн|налагодженн)\w*\s+)?(?:[\w'’-]+\s+)?"
    r"(?:партнерств|побратимств|угод|меморандум|twinning|partnership|sister)",
    re.IGNORECASE,
)
# between a town abroad and the community it is the twin of: ", місто-побратим", " — місто-партнер"
# the noun that makes a town someone's twin: "місто-побратим", "побратима", "партнера"
_TWIN_NOUN = r"(?:міст[оаіу]-(?:побратим|партнер)\w*|побратим\w*|партнер(?:а|у|ом)?)"
_TWIN_OF = re.compile(rf"\s*(?:,|[—–]|\s-)\s*(?:[\w'’-]+\s+)?{_TWIN_NOUN}\s+")
# the words a community's section heading may have besides its places ("м. Луцьк", "Громада: Ковельська міська")
_SECTION_HEAD_WORDS = frozenset(
    "м місто село с смт селище громада міська селищна сільська територіальна тг отг мтг область обл район р н".split()
)
# "з громадами Коростеня та Овруча": the first community named is an object of "з"
_WITH_OBJECTS = re.compile(r"(?:^|\s)(?:з|із|зі)\s+(?:[\w'’-]+\s+){0,3}$")
# ", its Polish sister city", ", польське місто-партнер": a country adjective in an apposition after a town's name
_APPOSED_ADJECTIVE = re.compile(
    r"\s*,\s*(?:(?:its|their|our|the|a|an|наш\w*|їхн\w*|свого|своє|своїм)\s+)?([\w'’-]+)\s+"
    r"(?:sister|twin|partner|city|town|municipality|міст|містеч|громад|гмін|побратим|партнер|город|муниципалитет)",
    re.IGNORECASE,
)
# "місто-побратим Житомира Кельце", "побратима Житомира Кельце": the partner noun before the owner and its town
_TWIN_NOUN_BEFORE = re.compile(rf"{_TWIN_NOUN}\s+$")
_AT_TOWN = re.compile(r"(?:^|[\s(])[уУвВ]\s+$")  # "у Львові", "В Києві"
# ", місті-побратимі", " — місті-партнері громади", ", its twin town": an apposition that calls the town a partner
_APPOSED_TWIN = re.compile(
    r"\s*(?:,|[—–]|\s-)\s*(?:(?:нашому|нашім|нашій|її|його|їхньому|its|our|our\s+own)\s+)?(?:[\w'’]+(?:ому|ім|ій)\s+)?"
    r"(?:міст\w*-|громад\w*-|городе-|sister\s+|twin\s+|partner\s+)?(?:побратим|партнер|twin|sister|partner)\w*",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(  # "у місті X", "in X", "in rural X", "in the northern X"
    r"(?:^|[\s(])(?:у|в|на|м\.|місті|селищі|селі|громаді|смт|городе|поселке|in(?:\s+(?:the\s+)?(?-i:[a-z]+))?)\s*$",
    re.IGNORECASE,
)
_COUNCIL_TAIL = re.compile(
    r"(?:\s+(?:міськ\w*|селищн\w*|сільськ\w*|обласн\w*|районн\w*)\s+(?:(?:військов\w*|державн\w*)\s+)?(?:рад[аиіуою]\w*|адміністрац\w+)"
    r"|\s*-?\s*(?:міськрад\w*|облдержадміністрац\w*|райдержадміністрац\w*|ОДА|ОВА|РДА|РВА)(?![\w]))",
    re.IGNORECASE,
)
_AGGRESSOR = re.compile(
    r"(?:агресі\w*|окупаці\w*|вторгненн\w*|війн\w*\s+(?:з|із)|напад\w*|обстріл\w*|удар\w*|агресор\w*)\s+(?:[\w'-]+\s+)?$",
    re.IGNORECASE,
)
_FUND_BEFORE = re.compile(
    r"(?:за|при|завдяки|благодаря)\s+(?:(?:технічн|фінансов|грантов|техническ|финансов)\w+\s+(?:(?:і|та|и)\s+)?)*"
    r"(?:підтримк\w+|сприяння|фінансування|поддержк\w+|содействи\w+|финансировани\w+)\s*(?:[\w'-]+\s+){0,2}$"
    # "GIZ за дорученням Уряду Німеччини реалізує": the commissioner pays, the agent before it acts
    r"|(?:за\s+дорученням|на\s+замовлення|від\s+імені|по\s+поручению|по\s+заказу|on\s+behalf\s+of|commissioned\s+by)\s*"
    r"(?:[\w'-]+\s+){0,2}$"
    # "With funding from the Government of Japan, UNDP is implementing": the funder in the opening phrase
    r"|(?:with|thanks\s+to)\s+(?:the\s+)?(?:(?:financial|generous|technical)\s+)?(?:support|funding|financing)\s+"
    r"(?:of|from)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$",
    re.IGNORECASE,
)
_THANKS = r"(?:завдяки|благодаря|thanks\s+to)"  # who is thanked paid
_THANKS_TO = re.compile(r"[\s«\"'•*–—-]*" + _THANKS + r"(?![\w])", re.IGNORECASE)  # opening the sentence
_PRONOUN_SUBJECT = re.compile(
    r"[\s«\"'•*–—-]*(?P<p>Вона|Він|Воно|Вони|Она|Он|Оно|Они|It|They|She|He)\s+(?:(?:також|вже|уже|теж|тоже|also|now)\s+)?",
)
_PRONOUN_GENDER = {"вона": "femn", "він": "masc", "воно": "neut", "она": "femn", "он": "masc", "оно": "neut"}
# "Канадський проєкт", "шведсько-український проєкт", "німецька урядова програма" right before the trigger word
_STATE_ADJECTIVE = re.compile(
    r"(?<![\w'’-])(?P<adj>[А-ЯІЇЄҐа-яіїєґ'’]+(?:ськ|цьк|зьк)(?:ий|а|е|і|ого|ої|ому|ій|им|ою|их|о(?=-українськ)))"
    r"(?:-українськ\w*)?\s+(?:(?:урядов|державн|спільн)\w*\s+)?$",
    re.IGNORECASE,
)
_CROSS_BORDER = re.compile(
    r"транскордон|трансгранич|cross-border|interreg|(?<![\w])(?:ЄІС|ЄІБС|ENI|NEXT)(?![\w])", re.I
)
_MONEY_OWNER = re.compile(
    r"(?<![\w])(?:коштом|коштами|кошт(?:ів|и)|за\s+рахунок|кредит\w*|позик\w*|гранту|грантом|грантових\s+коштів|"
    r"фінансуванн\w*|співфінансуванн\w*)\s+(?:[\w'’-]+\s+)?$",
    re.IGNORECASE,
)
_THANKED = re.compile(r"(?<![\w])" + _THANKS + r"\s+(?:[\w'’-]+\s+)?$", re.IGNORECASE)  # right before a name
# "відповідно" alone, not "відповідно до угоди" (according to)
_RESPECTIVELY = re.compile(
    r"(?<![\w])(?:відповідно|respectively|соответственно)(?![\w])(?!\s+(?:до|к|with|to)(?![\w]))", re.IGNORECASE
)
_ADJECTIVE_UNIT_LABEL = re.compile(r"([А-ЯІЇЄҐ][\w'’-]+?)(?:ськ|цьк|зьк)(?:ий|е|а)\s+(повіт|район|округ|повят)$")
_CONTRAST = re.compile(r",\s+а\s+(?!також\s)(?=[а-яіїєґ'’]+\s+[А-ЯІЇЄҐ])")
_PROJECT_PARTNER = re.compile(
    r"партнер\w*\s+(?:\w+\s+)?(?:проє?кт|програм|ініціатив|мереж|конкурс|форум)\w*|(?:проє?кт|програм)\w*\s+(?:\w+\s+)?партнер\w*",
    re.IGNORECASE,
)
# joining the partners just listed: "до цього кола долучився грузинський Батумі", "список поповнив …"
_JOINED = re.compile(
    r"(?<![\w])(?:долучи|приєдна|поповни|додал|додав|став\w*\s+(?:ще\s+)?одн\w+\s+з\s+них)\w*", re.IGNORECASE
)
# a partner town referred to by a noun: "з польського міста-побратима", "угоду між містами", "містом-партнером"
_PARTNER_ANAPHOR = re.compile(
    r"(?<![\w])(?:міст\w*-(?:побратим|партнер)\w*|побратим\w*|між\s+(?:нашими\s+|двома\s+|обома\s+)?"
    r"(?:містами|громадами)|партнерськ\w+\s+міст\w*|(?:гмін|громад)\w*-партнер\w*"
    # "Сторони підписали угоду про партнерство": the two sides the sentence before named
    r"|сторони(?=\s+(?:(?:також|вже|офіційно|урочисто)\s+)?(?:підписали|уклали|скріпили|домовилися|погодили))"
    # rule ``two-cities-anaphor``: "The two cities have been partners since 2001", "между нашими городами"
    r"|(?:the\s+)?(?:two|both)\s+(?:cities|towns|municipalities|communities)|between\s+(?:the\s+|our\s+)?(?:two\s+)?"
    r"(?:cities|towns)|sister[-\s]cit\w*|twin[-\s]towns?|между\s+(?:нашими\s+|двумя\s+|обоими\s+)?(?:городами|общинами)"
    r"|город\w*-(?:побратим|партн[её]р)\w*)",
    re.IGNORECASE,
)
_TWINNING = re.compile(r"побратим|меморандум|угод|договір|договор|співробітництв", re.IGNORECASE)
_SPELL_LOOKUPS = 50
_PLURAL_COMMUNITIES = re.compile(
    r"(?<![\w])(?:(?:ці|цих|цими|обидві|обох|обома|ці\s+дві|цих\s+двох|прикордонн\w+|сусідн\w+|партнерськ\w+|"
    r"прифронтов\w+|деокупован\w+|звільнен\w+)\s+)?громад(?:и|ами|ам|ах)?(?![\w-])",
    re.IGNORECASE,
)
_ASKED_PARTNER = re.compile(
    r"(?<![\w])(?:з|із|зі|с)\s+(?:ким|якими|якою|яким|какими|кем)(?![\w])[^?]{0,60}"
    r"(?:дружит|дружите|дружить|співпрац|партнер|побрат|сотруднича|дружат)"
    r"|(?:хто|які|кто|какие)\s+(?:ваші|ваш|у\s+вас|ваши)?\s*(?:партнер|побратим)",
    re.IGNORECASE,
)
# "Підписано меморандум:", "Укладено угоди про співпрацю з:": a signed act's lead-in, its sides after the colon
_SIGNED_LEAD = re.compile(
    r"(?:^|[\s(])(?:підписан\w*|підписал\w*|уклад\w*|уклал\w*|signed)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:меморандум\w*|угод\w*|договір|договор\w*|memorand\w*|agreements?)(?:\s+[^\s.:;]+){0,5}\s*(?:з|із|with)?\s*[:—–]\s*(?:(?-i:[a-zа-яіїєґ'’-])+\s+){0,2}$",
    re.IGNORECASE,
)
_SIGNED_ACT = re.compile(
    r"(?<![\w])(?:меморандум\w*|угод\w*|договір|договор\w*|memorand\w*|agreement\w*|соглашени\w*|"
    r"letters?\s+of\s+intent|charter\s+of\s+friendship|харті\w*\s+дружб\w*|харти\w*\s+дружб\w*)(?![\w])",
    re.IGNORECASE,
)
_SIGNING = re.compile(
    r"(?<![\w])(?:підпис\w*|уклал\w*|уклад\w*|укласти|signed|signing|sign|подписа\w*|заключ\w*)(?![\w])", re.IGNORECASE
)
_MONEY_AGREEMENT = re.compile(
    r"(?<![\w])(?:фінансуванн\w*|грант\w*|кредит\w*|позик\w*|фінансов\w*|financing|grant|loan|финансировани\w*)"
    r"(?![\w])",
    re.IGNORECASE,
)
_AGREEMENT = re.compile(
    r"побратим|поріднен|поріднил|меморандум|угод|договір|договор|співробітництв|співпрац|партнерств|шефств|"
    r"(?:громад|міст)\w*-партнер|дружн\w+\s+(?:відносин|зв'яз)|партнерськ\w+\s+(?:відносин|зв'яз)|"
    r"партнер(?:ом|ами)(?:\s+(?!проє?кт|програм|ініціатив|заход|форум|конкурс)[\w'’-]+){0,3}?\s+(?:є|став|стал\w*)(?![\w])|"
    r"(?<![\w])(?:є|став|стал\w*)\s+(?:\w+\s+)?партнер(?:ом|ами)|(?<![\w])серед\s+(?:[\w'’-]+\s+)?партнер(?:ів|ами)\s+"
    r"(?:громад|міст)\w*|"
    r"partner\s+(?:city|cities|town|towns|community|communities|municipalit)|"
    r"twin|sister|memorand|agreement|pact|(?<![\w])partnership|соглашени|сотрудничеств|побратим",
    re.IGNORECASE,
)
_GOVERNMENTS = re.compile(r"(?<![\w])уряд(?:ів|и|ами|ам|ах)\s+(?:[\w'-]+\s*(?:,|та|і|й)\s+){1,3}$", re.IGNORECASE)
_SUPPORT_TITLE = re.compile(r"^(?:підтримк\w*|support)\b", re.IGNORECASE)


@dataclass
class Mention:
    """One thing mentioned in a sentence (offsets in the sentence's normalised text)."""

    start: int
    end: int
    key: str
    kind: str  # donor | org | init | place | country
    type: str
    surface: str = ""
    found: Found | None = None
    reg: object | None = None
    place: object | None = None
    role: str | None = None
    in_title: str | None = None  # key of the initiative/org whose name contains this mention
    parent: str | None = None  # a programme the text names the initiative under ("Erasmus+ «X»")
    extra: dict | None = None  # gazetteer extras (e.g. "country" named by an adjective before the place)
    mods: list[Mention] = field(default_factory=list)  # donors/orgs named with an initiative


@dataclass
class _Sent:
    s: Sentence
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    place_matches: list = field(default_factory=list)
    found: list[Found] = field(default_factory=list)
    bare_trigger: bool = False
    row: dict | None = None  # a table row under a "Назва | Донор | Виконавець" header: column -> (start, end)
    bare_kind: str = ""  # Project for "проєкт", Program for "програма/ініціатива/мережа"
    unnamed: bool = False
    coref: bool = False
    partner_cue: bool = False  # a "partner" cue and a "partner_need" cue (both are needed to state a partnership)
    country_heading: bool = False  # a country heading over partner lines ("Польща:", "Литва")

    @cached_property
    def ev(self) -> Evidence:
        return Evidence(self.s.text, self.s.start, self.s.end)  # frozen: one per sentence, shared


# events held somewhere: a town named as their venue hosts them (it is no project site, no partner for it)
_EVENTS = (
    r"конференці\w*|форум\w*|саміт\w*|засіданн\w*|виставк\w*|фестивал\w*|ярмар\w*|турнір\w*|чемпіонат\w*|"
    r"змаганн\w*|conference|forum|summit|expo"
)
_VENUE_BEFORE = re.compile(
    rf"(?:{_EVENTS}|зустріч\w*|візит\w*|meeting|visit)\W+(?:[\w'’-]+\W+){{0,4}}"
    r"(?:в|у|на|до|in|at)\s+(?:м\.\s*|місті\s+)?$",
    re.IGNORECASE,
)


_DASH_ALONE = re.compile(r"\s+[—–-]\s+|\s*[—–]\s*")
_DASH_WITH = re.compile(r"\s*[—–-]\s*(?:з|із|зі|від|with|from|с|со|от)\s+(?:[\w'’-]+\s+){0,3}?")
_VISIT_FROM_ABROAD = re.compile(
    r"(?:делегаці|мер|бурмістр|війт|староста|президент\w*\s+міста|представник)\w*\s+(?:(?:з|із|зі)\s+)?"
    r"[\w'’-]+(?:ськ|цьк|зьк)(?:ого|ої|их)\s+(?-i:[А-ЯІЇЄҐ])",
    re.IGNORECASE,
)
# an event's venue (not a visit's: a delegation visits its partner town)
_EVENT_VENUE = re.compile(
    rf"(?:{_EVENTS}|конгрес\w*|congress|конференци\w*|выставк\w*)\W+(?:[\w'’-]+\W+){{0,4}}?"
    r"(?:в|у|на|in|at)\s+(?:м\.\s*|місті\s+)?$",
    re.IGNORECASE,
)


_GIVEN_NAME_BEFORE = re.compile(r"(?<![\w'’-])([А-ЯІЇЄҐ][а-яіїєґ'’]+)\s+$")


def _given_name(word: str) -> bool:
    """A first name by the dictionary ("вальдемар"), or an unknown word it reads as one ("дариуш")."""
    from loaders.morph import parses

    ps = parses(word)[:2]
    return any("Name" in str(p.tag) for p in ps) or bool(ps and not ps[0].is_known and "Surn" in str(ps[0].tag))


def _without_surnames(norm: str, matches: list) -> list:
    """Rule ``surname-not-town``: "мер міста Ясло Дариуш Чоп": a one-word Ukrainian town right after a given name is
    a person's surname, not the town (Чоп), unless the two words are a place's name."""
    out = []
    for pm in matches:
        c = pm.candidates[0] if pm.candidates else None
        if c is not None and c.type == "Community" and not pm.role and " " not in pm.surface:
            m = _GIVEN_NAME_BEFORE.search(norm, max(0, pm.start - 30), pm.start)
            if m is not None and not any(o.start < m.end(1) and m.start(1) < o.end for o in matches if o is not pm):
                if _given_name(m.group(1).lower()):
                    continue
        out.append(pm)
    return out


@lru_cache(maxsize=1)
def _macro_regions() -> re.Pattern:
    """Parts of the world ("Південний Кавказ", "Central Asia", "Ближний Восток") from
    ``loaders/lang/<lang>/macro_regions.txt``: one name a line, each word a stem that may take any ending."""
    names = []
    for lang in ("uk", "ru", "en"):
        path = Path(__file__).resolve().parents[1] / "lang" / lang / "macro_regions.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                names.append(r"[\s-]+".join(re.escape(w) + r"[\w'’]*" for w in line.split()))
    names.sort(key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(names) + r")(?![\w'’-])")


def _without_macro_regions(norm: str, matches: list) -> list:
    """Rule ``macro-region-no-place``: "у справах Німеччини, Європи та Південного Кавказу": no word of a part of the
    world's name is a town ("Південне", "Каукасія") or a country."""
    if not matches:
        return matches
    rx, spans = _macro_regions(), set()
    for pm in matches:  # only around the places found: a name must overlap one to matter (linear in the sentence)
        spans.update(m.span() for m in rx.finditer(norm, max(0, pm.start - 40), min(len(norm), pm.end + 40)))
    if not spans:
        return matches
    return [pm for pm in matches if not any(a < pm.end and pm.start < b for a, b in spans)]


_PROGRAMME_BEFORE = re.compile(
    r"(?:програм\w*|программ\w*|programm?e?|interreg|next|eni|cbc|ЄІС|ЄІБС|транскордон\w*|трансгранич\w*|cross-border)"
    r"[\s«\"“„(]*(?:(?:next|eni|cbc|(?:[\w'’-]+\s+)?(?:співробітництва|сотрудничества))[\s«\"“„(]*)?$",
    re.IGNORECASE,
)
_COUNTRY_DASH = re.compile(r"\s*[–—-]\s*")


def _without_programme_countries(norm: str, matches: list) -> list:
    """Rule ``programme-name-countries``: "Interreg NEXT Польща – Білорусь – Україна", "програми Румунія – Україна":
    the countries a cross-border programme's name joins by dashes are words of that name, not countries of the
    text."""
    countries = sorted((pm for pm in matches if pm.kind == "country"), key=lambda pm: pm.start)
    if len(countries) < 2:
        return matches
    drop: set[int] = set()
    run: list = []
    for pm in [*countries, None]:
        if pm is not None and run and _COUNTRY_DASH.fullmatch(norm[run[-1].end : pm.start]):
            run.append(pm)
            continue
        if len(run) >= 2 and _PROGRAMME_BEFORE.search(norm, max(0, run[0].start - 60), run[0].start):
            drop |= {id(x) for x in run}
        run = [pm] if pm is not None else []
    return [pm for pm in matches if id(pm) not in drop] if drop else matches


_THING_BEFORE = re.compile(r"(?<![\w'’-])([А-ЯІЇЄҐа-яіїєґ'’-]{3,})\s*$")
_PLACE_NOUNS = re.compile(
    r"(?:міст|місц|сел|смт|громад|район|област|регіон|країн|столиц|город|поселок|посёлок|деревн|общин)\w*$"
)
_CAPITALISED_ONLY = re.compile(r"\s*[А-ЯІЇЄҐA-Z][\w'’]*(?:(?:\s*[–—-]\s*|\s+|\s*,\s*)[А-ЯІЇЄҐA-Z][\w'’]*)*\s*")
_ROUTE_DASH = re.compile(r"\s[–—-]\s|[–—]")


def _named_thing(norm: str, pm, quotes: list[tuple[int, int]]) -> bool:
    """Rule ``quoted-places-name-a-thing``: "споруд водозабору «Дніпро – Миколаїв»", "готель «Київ»": a quoted name
    of capitalised words only, with a place among them, names the thing (a facility, a route) when it is a route
    ("X – Y") or follows a common noun; it is no place of the work."""
    q = next(((a, b) for a, b in quotes if a < pm.start and pm.end < b), None)
    if q is None:
        return False
    a, b = q
    inner = norm[a + 1 : b - 1]
    if not _CAPITALISED_ONLY.fullmatch(inner):
        return False
    if _ROUTE_DASH.search(inner):
        return True
    w = _THING_BEFORE.search(norm, max(0, a - 40), a)
    if w is None:
        return False
    word = w.group(1).lower()
    return not _PREPOSITION_BEFORE.search(" " + word + " ") and not _PLACE_NOUNS.match(word)


# org_head_words.csv heads that name people or roles, not bodies: "Литовські партнери профінансували ремонт"
_ROLE_HEADS = frozenset(
    "партнер донор інвестор волонтер підприємець фермер виробник перевізник забудовник роботодавець мешканець "
    "громадськість голова заступник секретар керівник начальник директор староста".split()
)


def _named_body(m) -> bool:
    """An organisation mention whose name is a body's: a quoted title, or a head word that is no role or person."""
    from loaders.morph import lemma

    f = m.found
    if f is None or not f.label:
        return False
    if f.title and f.start < f.title[0]:
        return True  # "фонд «Ніппон»", "ГО «X»": a head or legal form before a quoted name
    return not any(lemma(w) in _ROLE_HEADS for w in f.label.split()[:4])


_BRACKET_OPEN = re.compile(r"\s*\(\s*")
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


def _shares_words(name: str, entry) -> bool:
    """Half the content words of ``name`` (by their first five letters) stand in one of the entry's names: the
    bracket after "Decentralization for Development of Democratic Education" is its acronym, not the programme a
    project belongs to ("the Warm Schools project (U-LEAD)")."""
    mine = {w.lower()[:5] for w in _CONTENT_WORD.findall(name)}
    if not mine:
        return False
    for other in (entry.label, entry.label_en, *entry.names):
        theirs = {w.lower()[:5] for w in _CONTENT_WORD.findall(other or "")}
        if len(mine & theirs) * 2 >= len(mine):
            return True
    return False


def _venue_abroad(norm: str, p) -> bool:
    """Rule ``venue-abroad``: "у межах Ukraine Recovery Conference в Римі": a town abroad where an event was held
    is not where a Ukrainian programme takes place."""
    return p.type == "PartnerCity" and bool(_VENUE_BEFORE.search(norm[max(0, p.start - 90) : p.start]))


_SOURCE_WORD = re.compile(r"\s*(?:SOURCE|Source|Джерело|Источник)\s*:")  # a source line, URL or not
_SOURCE_LINE = re.compile(r"\A" + _SOURCE_WORD.pattern + r"\s*(https?://[^\s<>\"]{3,2000})")
_DECISION_TITLE = re.compile(
    r"\s*(?:[-•*]\s*|\d{1,3}[.)]\s*)?(?:Про|Щодо)\s+(?:затвердження|внесення\s+змін|хід\s+виконання|"
    r"виконання|звіт\w*\s+про\s+виконання)",
)
# "Кошти спрямують на реалізацію проєкту «X»", "Грант буде використано на проєкт …": the money of the sentence
# before goes to the initiative named here
_MONEY_TO_INIT = re.compile(
    r"\s*(?:[Цц]і\s+|[Цц]ей\s+|[Уу]сі\s+|[Вв]сі\s+)?(?:кошт|грант|фінансуванн|гроші|позик|кредит)\w*"
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:буде\s+|будуть\s+|було\s+)?(?:спрям|направ|піде|підуть|використа)\w*\s+на\s+"
    r"(?:(?:реалізаці|впровадженн|виконанн)\w*\s+)?(?=(?:проє?кт|програм)\w*\s)",
    re.IGNORECASE,
)
# rule ``aid-back``: "Допомогу надано в рамках проєкту X", "Обладнання придбано в межах програми Y": the aid of the
# sentences before, its programme named here
_AID_BACK = re.compile(
    r"\s*(?:[Цц]ю\s+|[Цц]е\s+|[Цц]і\s+|[Цц]я\s+|[Уу]се\s+|[Вв]сю\s+)?(?:допомог|обладнанн|техні|генератор|автобус|"
    r"транспорт|автомобіл|матеріал|медикамент|ліки|кошт|грант|устаткуванн|меблі|комп'ютер|ноутбук)\w*"
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:було\s+|буде\s+)?(?:надан|передан|придбан|закуплен|отриман|виділен|поставлен|"
    r"доставлен|профінансован)\w*(?:\s+[\w'’-]+){0,3}?\s+(?:(?:в|у)\s+(?:рамках|межах)|за\s+(?:програмою|проєктом|проектом))"
    r"|\s*(?:the|this|these|all|such)\s+(?:equipment|assistance|aid|support|grants?|funds|funding|generators|vehicles|"
    r"supplies|buses|ambulances|machinery)\s+(?:was|were|is|are|has\s+been|have\s+been|will\s+be)\s+(?:\w+\s+)?"
    r"(?:provided|delivered|purchased|procured|donated|funded|handed\s+over|awarded|transferred)(?:\s+[\w'’-]+){0,3}?\s+"
    r"(?:under|through|within|as\s+part\s+of|in\s+the\s+framework\s+of)"
    r"|\s*(?:эта\s+|эти\s+|вся\s+)?(?:помощь|оборудование|техника|средства|генераторы|автобусы)\s+(?:было\s+|были\s+|будет\s+)?"
    r"(?:предоставлен|передан|закуплен|приобретен|выделен|поставлен)\w*(?:\s+[\w'’-]+){0,3}?\s+(?:в\s+рамках|по\s+программе)",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"\s*(?:Джерело|Источник|Пресслужба|Прес-служба|Пресс-служба|Інформація|Автор|За\s+інформацією|"
    r"(?:Відділ|Управління|Сектор)\s+(?:[\w'’-]+\s+){0,5}?(?:інформаці|комунікаці|зв'язк|зв’язк)\w*)",
    re.IGNORECASE,
)
_HANDED_OVER = re.compile(
    r"(?<![\w])(?:передал\w*|передав|надал\w*|надав|доставил\w*|доставив|придбал\w*|закупил\w*|предоставил\w*|"
    r"handed\s+over|delivered|provided|donated)(?![\w])",
    re.IGNORECASE,
)
_OWN_PURPOSE = re.compile(
    r"(?<![\w])(?:кредит|грант|позик|кошт|фінансуванн|средств|займ|loan|grant|funding)\w*\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?:на|for|для)\s+(?!(?:реалізаці|впровадженн|виконанн|продовженн|реализаци|внедрени)\w*\s+|(?:цей|цю|ці|це|нього|"
    r"неї|них|этот|эту|него|нее|них|the\s+project|the\s+programme|this)\b|(?:проє?кт|проект|програм|ініціатив|"
    r"инициатив|project|programme|program)\w*)(?:[а-яіїєґёыэa-z'’-]{4,})",
    re.IGNORECASE,
)
# rule ``micro-projects-lead``: "Переможці конкурсу мікропроєктів:" heads a list of titles like "проєктів:" does
_TITLES_LEAD = re.compile(
    r"(?<![\w])(?:мікро|міні|суб)?" + INITIATIVE_STEM + r"(?P<tail>\w*)[^.:;«»!?]{0,80}?:\s*$", re.I
)
_OF_THEM = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,3}?(?:з|із|серед|of|из|среди)\s+(?:них|them)\s*(?:[—–:-]|[—–-]\s*це)?\s*(?=«)", re.I
)
_PLURAL_TRIGGER = re.compile(r"(?<![\w])" + INITIATIVE_STEM + r"(?:и|ів|ами|ам|ах)(?![\w])", re.I)
# rule ``item-place-then-title``: "- Баранівська громада – «Тепла школа» (ЄС);": an item may name its community first
_TITLE_ITEM = re.compile(
    r"\s*(?:[-–—•*·▪]|\d{1,2}[.)])\s*(?:[А-ЯІЇЄҐ][\w'’-]+(?:\s+[\w'’-]+){0,4}?\s*(?:[–—:]|\s-)\s*)?(?=«)"
)
_HROMADA_LEAD = re.compile(r"(?<![\w])(?:громад|ТГ|ОТГ)\w*\s*:\s*$")
_HROMADA_ITEM = re.compile(
    r"\s*(?:[-•*–—]\s*|\d{1,3}[.)]\s*)?(?P<name>(?P<adj>[А-ЯІЇЄҐ][\w'’-]+(?:ськ|цьк|зьк)а)"
    r"(?:\s+(?P<type>міська|селищна|сільська))?(?:\s+(?:територіальна\s+)?(?:громада|ТГ|ОТГ))?)\s*[;,.]?\s*"
)
_CARRIES_OUT = ("un_agency", "implementer", "ngo")  # registry kinds that run programmes others pay for
_HROMADA_TYPE = re.compile(
    r"\s+(міськ|селищн|сільськ|міськрад|селищрад|сільрад)(?:а|ій|ої|ою|у|ої|ої|і|и|ою)(?![\w])", re.IGNORECASE
)
_TYPE_LABEL = {
    "міськ": "міська", "селищн": "селищна", "сільськ": "сільська",
    "міськрад": "міська", "селищрад": "селищна", "сільрад": "сільська",
}  # fmt: skip


def _type_word_decides(norm: str, matches: list) -> None:
    """Rule ``type-word``: "Миколаївській селищній громаді" is a селищна hromada, never the міська one of the
    same name; the candidates of a hromada or council match keep only those of the type the text writes."""
    for pm in matches:
        if pm.role not in ("hromada", "council") or len(pm.candidates) < 2:
            continue
        m = _HROMADA_TYPE.match(norm, pm.end) or _HROMADA_TYPE.search(pm.surface)
        if m is None:
            continue
        word = _TYPE_LABEL[m.group(1).lower()]
        same = [c for c in pm.candidates if c.category == "hromada" and f" {word} " in f" {c.label} "]
        # occupied Crimea's hromadas (KATOTTG UA01, UA85) are the least likely subject of a namesake's news
        same.sort(key=lambda c: c.key.startswith(("katottg:UA01", "katottg:UA85")))
        if same:
            pm.candidates = same + [c for c in pm.candidates if c.category != "hromada"]


# rule ``org-scope-not-site``: "Агенція регіонального розвитку Житомирщини реалізує проєкт": the region an agency
# or a fund develops is part of the body's name, not the project's site
_ORG_SCOPE = re.compile(
    r"(?<![\w])(?:агенці|агентств|фонд|центр|асоціаці|агенци|ассоциаци)\w*\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:розвитку|развития)\s+(?:(?:міста|города|м\.)\s*)?$",
    re.IGNORECASE,
)
_OFFICE_GAP = re.compile(r"(?:(?:проє?кт|проект|програм|ініціатив)\w*\s+«)?")
_OFFICE_OF = re.compile(
    r"(?<![\w])(?P<head>(?:[Сс]екретаріат|Офіс|[Кк]оординаційн\w+\s+(?:офіс|центр|бюро))\w*)\s+"
    r"(?=(?:проє?кт|проект|програм|ініціатив)\w*\s+«)"
)
_HROMADA_GAP = re.compile(r"\s*,?\s*")


def _village_by_hromada(norm: str, matches: list) -> None:
    """Rule ``village-by-hromada``: "с. Городок Городоцької громади": a settlement with namesakes followed by the
    hromada it belongs to is the namesake inside that hromada, and the hromada is the one that holds it."""
    for i, pm in enumerate(matches[:-1]):
        nxt = matches[i + 1]
        if len(pm.candidates) < 2 or nxt.role != "hromada" or not nxt.candidates:
            continue
        if not _HROMADA_GAP.fullmatch(norm, pm.end, nxt.start):
            continue
        if any(c.category not in ("village", "settlement", "city", "town") for c in pm.candidates):
            continue
        holders = [h for h in nxt.candidates if any(h.key in c.parents for c in pm.candidates)]
        if holders:  # the pairs that fit, in the hromada's order; the document's region still picks among them
            nxt.candidates = holders
            pm.candidates = [c for h in holders for c in pm.candidates if h.key in c.parents]


def _gazetteer():
    try:
        from loaders.gazetteer import get_gazetteer
    except ImportError:
        return None
    try:
        return get_gazetteer()
    except Exception:  # a missing reference cache must not stop prose extraction
        return None


class NarrativeLoader:
    """Ukrainian prose documents (.txt, .md, .html, .docx, .pdf) to entities and relations."""

    name = "narrative"
    version = "2.0"
    extensions = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")

    def sniff(self, path: Path, head: bytes) -> bool:
        """Any file with a prose extension: this loader is the fallback after the table loader, and
        a file it cannot read (binary .txt, broken .pdf) gets a clear :class:`LoaderError` from ``load``."""
        return Path(path).suffix.lower() in self.extensions

    def load(self, path: Path) -> Extraction:
        """Read and extract one document; :class:`LoaderError` names the file on bad input."""
        path = Path(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise LoaderError(f"{path}: cannot read: {exc.strerror or exc}") from exc
        if size > MAX_BYTES:
            raise LoaderError(f"{path}: too large for a narrative document ({size // (1024 * 1024)} MB)")
        text = read_text(path)
        return self.extract_text(text, path.name)

    def extract_text(self, text: str, doc_name: str = "<text>") -> Extraction:
        """Entities and relations of a text; evidence offsets index ``text`` itself."""
        marked = question_marks(text)  # "Р?вненсько?": the same length, so offsets index the page as written
        if lost_letters(marked):
            fixed, inserted = repair(marked)
            xt = _Extractor(fixed, doc_name)
            xt.lossy = True  # letters a word could not get back: registry names still match without them
            return map_back(xt.run(), text, inserted, LOST_NOTE)
        if marked != text:
            return map_back(_Extractor(marked, doc_name).run(), text, [], MARKED_NOTE)
        return _Extractor(text, doc_name).run()


LOADER = NarrativeLoader()


# ---------------------------------------------------------------- the extractor


_FACILITY_TRIGGER = re.compile(
    r"(?:днз|здо|ззсо|нвк|зош|школ|ліце|гімназ|садо|дитяч|лікарн|амбулатор|клінік|поліклінік|будин\w*\s+культури|"
    r"будин\w*\s+дитячої|стадіон|басейн|спорткомплекс|бібліотек)",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n[ \t]*$")


class _Extractor:
    def __init__(self, text: str, doc_name: str):
        from loaders.registry import get_registry

        self.text = text
        self.doc = doc_name
        self.reg = get_registry()
        self.gaz = _gazetteer()
        self.ex = Extraction()
        self.sents: list[_Sent] = []
        self._positions: dict[int, int] | None = None
        self._hromadas_above: dict[str, object] = {}
        self._spell_budget = [_SPELL_LOOKUPS]  # spelling look-ups of unknown names abroad left for this document
        self.home = None  # Place of the document's home community
        self.home_key: str | None = None
        self.section_heads: dict[int, str | None] = {}  # index of a section heading -> its community (or None)
        self.headline_heads: dict[int, str] = {}  # index of a digest item's headline -> its community
        self.section_home: str | None = None  # the community of the section being read
        self._card_partners: tuple | None = None  # (sentence index, partners, evidence) of the last partner line
        self.type_of: dict[str, str] = {}  # name key -> Program/Project for found initiatives
        self.first_ev: dict[str, tuple[int, Evidence]] = {}
        self.country_sentences: dict[str, Evidence] = {}
        self._rel_index: dict[tuple[str, str, str], tuple[Relation, set]] = {}
        self._pending_entities: list[tuple[Mention, Evidence]] = []
        self._columns: list[str | None] | None = None  # the header of the pipe table being read
        self._acronyms: dict[str, Found] = {}  # "Одеський національний університет (ОНУ)": later "ОНУ" is it
        self._cur_ev: Evidence | None = None
        self._mention_index: dict[str, set] = {}
        self.lossy = False  # the text lost its і/ї/є (loaders/narrative/repair.py)
        self.russian = russian_document(text)  # every sentence without Ukrainian letters is read as Russian
        self._paying_orgs: set[str] = set()  # organisations that pay or hand aid over with no initiative named
        self._unplaced: tuple | None = None  # funders whose money's destination a following sentence may name
        self._partner_lines = 0  # short lines still read as a partner list after a partnership sentence
        self._prev_norm = ""  # the sentence scanned last
        self._card_home: tuple[str, int] | None = None  # (community, sentence index) a partner card named alone
        self._list_owner: str | None = None  # the one community the lead-in of the current partner list names
        self._list_country: str | None = None  # ISO code of a country heading ("Польща:") over partner lines
        self._title_sent: int | None = None  # index of the page's title sentence
        self._hromada_items = 0  # list lines still read as hromadas under a "… громади:" lead-in
        self._title_items: tuple[int, str, str] = (0, "", "")  # lines left, type, trigger under "… проєкти:"
        self._strategy_seen = False  # a community's strategy was named (rule strategy-refers-back)
        self._local_topics: set[str] = set()  # keys of local programmes the page is about
        self._dated: set[str] = set()  # initiatives a digest item's community dateline placed

    # ------------------------------------------------------------ bookkeeping (linear time on huge documents)

    def _rel(self, subject: str, predicate: str, obj: str, evidence: Evidence | None = None) -> None:
        """Add a relation or its evidence; hashed, and at most MAX_EVIDENCE sentences per relation."""
        if subject == "country:UA" and predicate in ("funds", "implements"):
            return  # Ukraine's own state (ministries, state budget) is not a donor of its communities' projects
        triple = (subject, predicate, obj)
        known = self._rel_index.get(triple)
        if known is None:
            self.ex.relations.append(Relation(subject, predicate, obj, [evidence] if evidence else []))
            self._rel_index[triple] = (self.ex.relations[-1], {evidence} if evidence else set())
            return
        rel, seen = known
        if evidence is not None and evidence not in seen and len(rel.evidence) < MAX_EVIDENCE:
            seen.add(evidence)
            rel.evidence.append(evidence)

    def _ent(self, entity: Entity) -> Entity:
        """Add an entity or merge it into the known one; at most MAX_EVIDENCE mentions kept."""
        known = self.ex.entities.get(entity.key)
        if known is None:
            entity.mentions = entity.mentions[:MAX_EVIDENCE]
            self.ex.entities[entity.key] = entity
            self._mention_index[entity.key] = set(entity.mentions)
            return entity
        seen = self._mention_index.setdefault(entity.key, set(known.mentions))
        new = [ev for ev in entity.mentions if ev not in seen]
        entity.mentions = []
        self.ex.add_entity(entity)
        for ev in new:
            if len(known.mentions) >= MAX_EVIDENCE:
                break
            seen.add(ev)
            known.mentions.append(ev)
        return known

    # ------------------------------------------------------------ driver

    def run(self) -> Extraction:
        if not self.text.strip():
            return self.ex
        src = _SOURCE_LINE.match(self.text)
        if src:
            self.ex.source = src.group(1)
        for s in _field_cards(self.text, sentences(self.text)):
            self.sents.append(self._scan(s))
        self._resolve_places()
        self._decide_types()
        for st in self.sents:
            self._build_mentions(st)
        self._hashtag_mentions()
        self._find_home()
        self._find_sections()
        self._entities()
        if self.rekeyed:
            for st in self.sents:
                for x in st.mentions:
                    if x.in_title in self.rekeyed:
                        x.in_title = self.rekeyed[x.in_title]
        self._merge_org_variants()
        self._relations()
        self._programme_lists()
        self._countries_as_governments()
        merge_acronyms(self.ex)
        names_both_ends(self)
        self._qualifiers_only()
        return self.ex

    def _qualifiers_only(self) -> None:
        """Rule ``qualifier-only``: "Уманська міська громада Уманського району Черкаської області": an oblast or raion
        named only to place another community, and in no relation of the text, is reference data, not something the
        page is about; it keeps no mention of the page (the hierarchy still links it)."""
        qualifying: set[str] = set()
        standing: set[str] = set()
        for st in self.sents:
            norm = st.s.norm
            for m in st.mentions:
                if m.kind == "place" and m.type == "PartnerCity":
                    # "cities in states such as Indiana", "гміна Біща (Люблінське воєводство)": a region abroad that
                    # only locates a partner
                    (qualifying if (m.extra or {}).get("locator") else standing).add(m.key)
            places = [m for m in st.mentions if m.kind == "place" and m.type == "Community" and m.place is not None]
            for m in places:
                if m.place.category not in ("oblast", "raion"):
                    continue
                child = any(
                    x is not m
                    and x.place is not None
                    and m.key in x.place.parents
                    and 0 <= m.start - x.end <= 40
                    and not re.search(r"[,;:]|(?<![\w])(?:та|і|й)(?![\w])", norm[x.end : m.start])
                    for x in places
                )
                (qualifying if child else standing).add(m.key)
        if not qualifying - standing:
            return
        related = {
            k
            for r in self.ex.relations
            if r.evidence and not (r.predicate == "locatedIn" and r.subject.startswith("katottg:"))
            for k in (r.subject, r.object)
        }
        for key in qualifying - standing - related - {self.home_key, self.section_home}:
            ent = self.ex.entities.get(key)
            if ent is not None and ent.type in ("Community", "PartnerCity"):
                ent.mentions = []

    def _countries_as_governments(self) -> None:
        """Funders are donors. A state named as funder or implementer ("за підтримки Швейцарії") acts through its government.

        The relation moves to the government donor (the registry's, or one made for the country),
        which also takes the country's name and the mentions in those sentences; the country node
        keeps its other mentions and is dropped when nothing else refers to it.
        """
        for rel in self.ex.relations:  # an organisation that pays for a project is, by definition, a donor
            ent = self.ex.entities.get(rel.subject)
            if rel.predicate == "funds" and ent is not None and ent.type == "Organization":
                ent.type = "Donor"
        acting = {
            r.subject
            for r in self.ex.relations
            if r.predicate in ("funds", "implements") and r.subject.startswith("country:")
        }
        for ckey in acting:
            country = self.ex.entities.get(ckey)
            if country is None:
                continue
            code = ckey.split(":", 1)[1]
            gov = self.reg.government_of(code)
            if gov is not None:
                donor = Entity(
                    gov.key, "Donor", gov.label, gov.label_en, set(gov.names) | set(gov.acronyms), dict(gov.identifiers)
                )
            else:
                donor = Entity(
                    f"donor:gov_{code.lower()}",
                    "Donor",
                    f"Уряд країни {country.label}",
                    f"Government of {country.label_en}" if country.label_en else None,
                )
            donor.names |= {country.label} | ({country.label_en} if country.label_en else set())
            donor.attributes["country"] = code
            sentences = set()
            for rel in self.ex.relations:
                if rel.subject == ckey and rel.predicate in ("funds", "implements"):
                    rel.subject = donor.key
                    sentences |= {(ev.start, ev.end) for ev in rel.evidence}

            def inside(ev, spans=sentences) -> bool:  # a relation's span may join two sentences
                return any(a <= ev.start and ev.end <= b for a, b in spans)

            donor.mentions = [ev for ev in country.mentions if inside(ev)]
            country.mentions = [ev for ev in country.mentions if not inside(ev)]
            self.ex.add_entity(donor)
            still_used = any(ckey in (r.subject, r.object) for r in self.ex.relations)
            if not country.mentions and not still_used:
                del self.ex.entities[ckey]
        if acting:  # two countries' relations may now coincide on one government: merge their evidence
            self.ex.merge_same_relations()
        # "Японія передала Україні техніку … Урядом Японії та JICA": a state named beside its government donor, and
        # locating nothing, is that donor
        related = {k for r in self.ex.relations for k in (r.subject, r.object)}
        for ckey, country in list(self.ex.entities.items()):
            if country.type != "Country" or ckey == "country:UA" or ckey in related:
                continue
            gov = self.reg.government_of(ckey.split(":", 1)[1])
            donor = self.ex.entities.get(gov.key) if gov is not None else None
            if donor is None or not donor.mentions:
                continue
            donor.names |= {country.label} | ({country.label_en} if country.label_en else set())
            donor.mentions = [*donor.mentions, *(ev for ev in country.mentions if ev not in donor.mentions)][
                :MAX_EVIDENCE
            ]
            del self.ex.entities[ckey]

    # ------------------------------------------------------------ pass 1: raw matches

    def _scan(self, s: Sentence) -> _Sent:
        st = _Sent(s)
        norm = s.norm
        st.quotes = quoted_spans(norm)
        st.partner_cue = _speaks_of_partnership(norm)
        if (
            not st.partner_cue
            and self.gaz is not None
            and _LATIN_CAPITALISED.search(norm)
            and _CYRILLIC_WORD.search(norm)
        ):
            # rule ``latin-name-in-cyrillic``: "Житомир співпрацює з Kielce": the cue reads the Latin town as a name
            masked = _guarded(lambda: mask_latin_towns(norm, self.gaz), norm)
            st.partner_cue = masked != norm and _speaks_of_partnership(masked)
        if self.gaz is not None:
            try:
                st.place_matches = self.gaz.find(norm)
            except Exception:
                st.place_matches = []
            # rule ``ukrainian-community-label``: "Українська громада" (a card's label, or "the Ukrainian community" of a
            # town abroad) is not the hromada of Українка, which is written "Українська міська громада"
            st.place_matches = [
                pm
                for pm in st.place_matches
                if not (pm.role == "hromada" and _UKRAINIAN_COMMUNITY.match(norm, pm.start))
            ]
            st.place_matches = _without_surnames(norm, st.place_matches)
            st.place_matches = _without_macro_regions(norm, st.place_matches)
            st.place_matches = self._with_elliptic_hromadas(norm, st.place_matches)
            st.place_matches = self._with_gapped_hromadas(norm, st.place_matches)
            st.place_matches = self._with_bare_hromadas(norm, st.place_matches)
            st.place_matches = self._hromada_item(norm, st.place_matches)
            st.place_matches = self._with_elliptic_oblasts(norm, st.place_matches)
            _type_word_decides(norm, st.place_matches)
            _village_by_hromada(norm, st.place_matches)
            if is_russian(norm, self.russian):
                # a Russian page about Ukrainian communities (loaders/narrative/russian.py)
                st.place_matches = self._with_russian(norm, st.place_matches)
            if is_latin(norm):  # an English page about Ukrainian communities (loaders/narrative/latin.py)
                st.place_matches = self._with_latin(norm, st.place_matches)
            heading = _country_heading(norm, st.place_matches, self._prev_norm)
            if heading is not None and self._partner_lines > 0:
                # rule ``country-heading``: "Польща:" over item lines in a partner list: the items are of that
                # country; the list goes on under each heading
                self._list_country, self._partner_lines = heading, 4
                st.country_heading = True
            elif len(norm) > 200 or self._partner_lines == 0:
                self._list_country = None
            in_context = self._partner_context(st)
            if in_context or _VISIT_FROM_ABROAD.search(norm):
                # rule ``visit-from-abroad``: "делегація з польського Бжозува", "бурмістр литовського Пасваліса": a
                # delegation or mayor of a town abroad names that town, whatever the sentence says of partnership
                st.place_matches = self._with_open_world(norm, st.place_matches)
                if not is_latin(norm):
                    matches = st.place_matches
                    st.place_matches = _guarded(lambda: latin_names_in_cyrillic(norm, self.gaz, matches), matches)
                if in_context and self._partner_lines < 3 and len(norm) <= 100 and "\n" not in norm.strip():
                    # rule ``list-runs-on-items``: "Міста-партнери:" / "Люблін (Польща)" / "Ольштин (Польща)" / …: each
                    # item that names a town abroad keeps the list open for the lines after it, however long it runs
                    if any(
                        pm.candidates and pm.candidates[0].type == "PartnerCity" and not (pm.extra or {}).get("locator")
                        for pm in st.place_matches
                    ):
                        self._partner_lines = 3
            st.place_matches = join_connected(norm, st.place_matches)
            st.place_matches = _without_programme_countries(norm, st.place_matches)
        self._prev_norm = norm
        st.found = find_initiatives(norm, st.quotes) + find_organisations(norm, st.quotes)
        self._title_item(norm, st)
        self._acronym_orgs(norm, st)
        st.row = self._table_row(norm, st)
        st.coref = any(
            not _NAMED_NEXT.match(norm, cm.end()) for cm in cue_regex_in("coref", norm).finditer(norm[:60])
        ) or bool(re.search(r"(?:в|у)\s+(?:межах|рамках)\s+якого|(?:цей|цього|даний)\s+проє?кт", norm, re.I))
        return st

    def _partner_context(self, st: _Sent) -> bool:
        """The sentence speaks of partnership, or is a short line under a sentence that did."""
        norm = st.s.norm
        if st.partner_cue or _SIGNED_ACT.search(norm):
            self._partner_lines = 3
            return True
        if self._partner_lines > 0 and len(norm) <= 200:
            if not _BULLET.match(norm) and not re.match(r"\s*—\s", norm) and norm.count(" - ") < 2:
                # a run of list items or table rows ("Стшижув — Польща — 2004") under the partnership sentence
                # stays in it
                self._partner_lines -= 1
            return True
        self._partner_lines = 0
        return False

    def _with_elliptic_hromadas(self, norm: str, matches: list) -> list:
        """Rule ``elliptic-hromadas``: "Березнівська міська, Соснівська селищна та Костопільська міська ТГ" names
        three hromadas; the head noun is written once, after the last. Each coordinated "<adjective> міська|
        селищна|сільська" before it is looked up as "<adjective> міська громада"."""
        if not _ELLIPSIS_HEAD.search(norm) and not _ELLIPSIS_LED.search(norm):
            return matches
        out = list(matches)
        # "Громади Сокирянська міська, Кельменецька селищна та Новоселицька міська …": the head written first
        led = [m for run in _ELLIPSIS_LED.finditer(norm) for m in _ELLIPTIC_ITEM.finditer(norm, *run.span("run"))]
        for m in [*_ELLIPTIC.finditer(norm), *led]:
            a, b = m.start(), m.end()
            if any(pm.candidates and pm.start < b and a < pm.end for pm in out):
                continue
            if m not in led and not _ELLIPSIS_HEAD.match(norm, b) and not _ELLIPSIS_HEAD.search(norm[b : b + 160]):
                continue
            kind = {"міськ": "міська", "селищн": "селищна", "сільськ": "сільська"}[m.group("type").lower()]
            pm = self._adjective_place(norm, a, b, m.group("adj"), (f"{kind} громада",), "hromada", "hromada")
            if pm is not None:
                out.append(pm)
        return sorted(out, key=lambda pm: pm.start)

    def _title_item(self, norm: str, st: _Sent) -> None:
        """Rule ``title-items``: "Громада реалізувала такі проєкти:" over list lines "1) «Сучасна амбулаторія» за
        підтримки USAID;", "- «Теплий садок» (ЄС)": each line's leading quoted title is an initiative of the
        lead-in's kind; the list ends at the first line that is no such item."""
        by_start = dict(st.quotes)
        left, typ, trig = self._title_items
        if left > 0:
            item = _TITLE_ITEM.match(norm)
            b = by_start.get(item.end()) if item is not None else None
            q = item.end() if item is not None else -1
            if b is None:
                self._title_items = (0, "", "")
            else:
                self._title_items = (left - 1, typ, trig)
                found = quoted_title(norm, q, b, typ, trig)
                if found is not None and not any(f.start <= q < f.end for f in st.found):
                    st.found.append(found)
        them = _OF_THEM.match(norm) if st.quotes and st.s.index > 0 else None
        plural = _PLURAL_TRIGGER.search(self.sents[-1].s.norm) if them is not None and self.sents else None
        if them is not None and plural is not None and them.end() in by_start:
            # rule ``titles-of-them``: "… реалізовано 45 проєктів. Найбільші з них — «A» (ЄІБ) та «B»": the titles are
            # of the kind the sentence before counted
            trig = plural.group("trig").lower()
            typ = initiative_type(trig)
            for a, b in listed_titles(norm, them.end(), by_start):
                found = quoted_title(norm, a, b, typ, trig)
                if found is not None and not any(f.start <= a < f.end for f in st.found):
                    found.group = them.start()
                    st.found.append(found)
        lead = _TITLES_LEAD.search(norm) if norm.rstrip().endswith(":") else None
        if lead is not None and plural_trigger(lead.group("trig") + lead.group("tail") + ":"):
            trig = lead.group("trig").lower()
            self._title_items = (40, initiative_type(trig), trig)

    def _with_gapped_hromadas(self, norm: str, matches: list) -> list:
        """Rule ``gapped-hromadas``: "Білоцерківська громада розвиває партнерство з польським Мельцем, Васильківська —
        з литовським Кедайняєм, а Фастівська — з норвезькою комуною": after "<adjective> громада", a capitalised
        adjective alone before a dash and "з" (the verb left out) names another hromada of the same head noun."""
        if "громада" not in norm:
            return matches  # the head "<adjective> громада" is written out before the gapped ones
        head = _HROMADA_HEAD.search(norm)
        if head is None:
            return matches
        out = list(matches)
        for m in _GAPPED_HROMADA.finditer(norm, head.end()):
            a, b = m.span("adj")
            if any(pm.candidates and pm.start < b and a < pm.end for pm in out):
                continue
            pm = self._adjective_place(norm, a, b, m.group("adj"), _HROMADA_HEADS, "hromada", "hromada")
            if pm is not None:
                out.append(pm)
        return sorted(out, key=lambda pm: pm.start)

    def _with_bare_hromadas(self, norm: str, matches: list) -> list:
        """Rule ``bare-hromadas``: "партнерами стали: Тернопільська громада — Краматорська, Луцька — Херсонська",
        "Пари громад-партнерів: Житомирська та Ізюмська": in a sentence about hromadas (and no oblast), a capitalised
        adjective standing alone, its noun left out, names a hromada of whichever type the codifier has."""
        matches = self._with_typed_hromadas(norm, matches)
        if ("громад" not in norm and "Громад" not in norm) or _OBLAST_NOUN.search(norm):
            return matches
        out = list(matches)
        for m in _BARE_HROMADA.finditer(norm):
            a, b = m.span("adj")
            if not _BARE_BEFORE.search(norm, max(0, a - 16), a) or any(
                pm.candidates and pm.start < b and a < pm.end for pm in out
            ):
                continue  # after a list's comma, colon, dash or conjunction ("громад Житомирської області" is the oblast)
            pm = self._adjective_place(norm, a, b, m.group("adj"), _HROMADA_HEADS, "hromada", "hromada")
            if pm is not None:
                out = [x for x in out if x.candidates or not (x.start < b and a < x.end)]
                out.append(pm)
        return sorted(out, key=lambda pm: pm.start)

    def _with_typed_hromadas(self, norm: str, matches: list) -> list:
        """Rule ``typed-bare-hromada``: "Громада: Ковельська міська", "Ковельська міська, Хелм (Польща)": an
        adjective and the hromada's type word, with no noun after them, name the hromada of that type."""
        if not _TYPED_HROMADA_HINT.search(norm):
            return matches
        out = list(matches)
        for m in _TYPED_HROMADA.finditer(norm):
            a, b = m.span()
            if any(pm.candidates and pm.start < b and a < pm.end and not a <= pm.start < pm.end <= b for pm in out):
                continue  # a longer name over it
            kind = {"міськ": "міська", "селищ": "селищна", "сільс": "сільська"}[m.group("type")[:5].lower()]
            pm = self._adjective_place(norm, a, b, m.group("adj"), (f"{kind} громада",), "hromada", "hromada")
            if pm is not None:
                out = [x for x in out if not (x.start < b and a < x.end)]
                out.append(pm)
        return sorted(out, key=lambda pm: pm.start)

    def _hromada_item(self, norm: str, matches: list) -> list:
        """Rule ``hromada-items``: "стали громади:" over list lines "- Ніжинська міська;", "- Носівська": each
        item's adjective, with its type word or without, names a hromada; the head noun is the lead-in's."""
        if self._hromada_items > 0:
            item = _HROMADA_ITEM.fullmatch(norm)
            if item is None:
                self._hromada_items = 0
            else:
                self._hromada_items -= 1
                a, b = item.span("name")
                if not any(pm.candidates and pm.start < b and a < pm.end for pm in matches):
                    kind = (item.group("type") or "").lower()
                    heads = (f"{kind} громада",) if kind else _HROMADA_HEADS
                    pm = self._adjective_place(norm, a, b, item.group("adj"), heads, "hromada", "hromada")
                    if pm is not None:
                        matches = sorted([*matches, pm], key=lambda pm: pm.start)
        if _HROMADA_LEAD.search(norm):
            self._hromada_items = 60
        return matches

    def _with_elliptic_oblasts(self, norm: str, matches: list) -> list:
        """Rule ``elliptic-oblasts``: "Житомирська, Київська та Чернігівська області", "в областях: Вінницькій,
        Волинській ..." names each oblast; the plural head is written once, after the list or right before it.
        A list opened by "громадах:" ("у громадах: Ірпінській, Бучанській") names hromadas the same way, of
        whichever type (міська, селищна, сільська) the codifier has."""
        if not _OBLASTS_HEAD.search(norm) and not re.search(r"громад(?:и|ах|ам|ами)?(?![\w])", norm, re.IGNORECASE):
            return matches
        out = list(matches)
        for run in _OBLAST_RUN.finditer(norm):
            before = norm[max(0, run.start() - 40) : run.start()]
            # "15 громад Чернігівської та Сумської областей: Менська, ...": the list is of hromadas, not oblasts
            hromadas = _HROMADAS_LEAD.search(norm[max(0, run.start() - 90) : run.start()])
            # rule ``hromadas-of-oblasts``: "у 12 громадах Сумської та Полтавської областей": genitive adjectives
            # with their plural head after them are the oblasts the hromadas lie in, not hromadas
            if hromadas and _OBLASTS_HEAD.match(norm, run.end()) and run.group().endswith("ої"):
                hromadas = None
            if not hromadas and (_OBLASTS_HEAD.match(norm, run.end()) or _OBLASTS_LEAD.search(before)):
                heads, category, role = ("область",), "oblast", "oblast-list"
            elif hromadas:
                heads, category, role = _HROMADA_HEADS, "hromada", "hromada"
            else:
                continue  # "Житомирська, Рівненська та Волинська обласні ради" are councils, not the oblasts
            for m in _OBLAST_WORD.finditer(run.group()):
                a, b = run.start() + m.start(), run.start() + m.end()
                if category == "hromada":
                    # "громад: Менська, Корюківська, Сновська": an adjective read as its town is the hromada here
                    out = [
                        pm
                        for pm in out
                        if not (
                            pm.start == a and pm.end == b and pm.candidates and pm.candidates[0].category != "hromada"
                        )
                    ]
                if any(pm.candidates and pm.start < b and a < pm.end for pm in out):
                    continue
                pm = self._adjective_place(norm, a, b, m.group(), heads, category, role)
                if pm is not None:
                    out.append(pm)
        return sorted(out, key=lambda pm: pm.start)

    def _adjective_place(self, norm: str, a: int, b: int, adjective: str, heads, category: str, role: str):
        """The place an adjective names with the first of ``heads`` the codifier has after it ("Київській" +
        "область"), as a match over ``norm[a:b]``; None when there is none of ``category``."""
        stem = re.sub(r"(?:а|ій|ої|ою|у)$", "", adjective)
        for head in heads:
            try:
                found = self.gaz.find(f"{stem}а {head}")
            except Exception:
                continue
            hit = next((pm for pm in found if pm.candidates and pm.candidates[0].category == category), None)
            if hit is not None:
                return type(hit)(a, b, norm[a:b], hit.kind, hit.candidates, role=role)
        return None

    def _with_russian(self, norm: str, matches: list) -> list:
        from loaders.narrative.russian import find_russian_places

        found = _guarded(lambda: find_russian_places(norm, self.gaz, [pm for pm in matches if pm.kind != "foreign"]))
        if found is None:
            return matches
        # rule ``russian-name-at-home``: on a Russian page "Одесса" is Одеса, not its namesake in Texas; a town
        # abroad keeps its span where no Ukrainian town has that Russian name
        home = [pm for pm in found if pm.kind == "community"]
        kept = [
            pm for pm in matches if pm.kind != "foreign" or not any(h.start < pm.end and pm.start < h.end for h in home)
        ]
        found = [
            pm for pm in found if pm.kind == "community" or not any(t.start < pm.end and pm.start < t.end for t in kept)
        ]
        return sorted([*kept, *found], key=lambda pm: pm.start)

    def _with_latin(self, norm: str, matches: list) -> list:
        from loaders.narrative.latin import find_latin_places, open_world_latin

        def find() -> list:
            found = find_latin_places(norm, self.gaz, matches)
            return found + open_world_latin(norm, self.gaz, [*matches, *found])

        found = _guarded(find)
        if found is None:
            return matches
        return sorted([*matches, *found], key=lambda pm: pm.start)

    def _with_open_world(self, norm: str, matches: list) -> list:
        """Add foreign partners no gazetteer knows; drop places that only locate a partner (loaders/narrative/openworld.py)."""
        from loaders.narrative.openworld import locator_spans, open_world_places

        def find() -> tuple[list, list]:
            lang = "ru" if is_russian(norm, self.russian) else "uk"
            found = open_world_places(norm, matches, self.gaz, self._list_country, lang, self._spell_budget)
            replaced = {span for pm in found for span in (pm.extra or {}).get("replaces", ())}
            kept = [pm for pm in matches if (pm.start, pm.end) not in replaced] if replaced else matches
            merged = sorted([*kept, *found], key=lambda pm: pm.start)
            return merged, locator_spans(norm, merged)

        got = _guarded(find)
        if got is None:
            return matches
        merged, spans = got
        for pm in merged:
            if pm.candidates and pm.candidates[0].type == "PartnerCity":
                if any(a <= pm.start and pm.end <= b for a, b in spans):
                    pm.extra = {**(pm.extra or {}), "locator": True}  # a place that only locates a partner
        return merged

    def _acronym_orgs(self, norm: str, st: _Sent) -> None:
        """An organisation introduced with its acronym in brackets is named by the acronym later on."""
        for abbr, f in self._acronyms.items():
            for m in re.finditer(r"(?<![\w-])" + re.escape(abbr) + r"(?![\w-])", norm):
                if any(g.start <= m.start() < g.end for g in st.found) or any(a <= m.start() < b for a, b in st.quotes):
                    continue
                st.found.append(
                    Found(m.start(), m.end(), f.label, "Organization", {f.label, abbr}, m.span(), "acronym")
                )
        for f in list(st.found):
            if f.type != "Organization" or f.trigger not in ("edu",):
                continue
            am = re.match(r"\s*\(([А-ЯІЇЄҐA-Z]{2,8})\)", norm[f.end :])
            if am and am.group(1) not in self._acronyms:
                self._acronyms[am.group(1)] = f

    def _table_row(self, norm: str, st: _Sent) -> dict | None:
        """ "Назва проєкту | Донор | Виконавець" sets the columns; each following row names a project (first
        matching column) with its funders, implementers and places in the other columns."""
        cuts = _cell_cuts(st.s, norm)
        if not cuts:
            self._columns = None
            return None
        cells, pos = [], 0
        for cut in [*cuts, len(norm)]:
            part = norm[pos:cut]
            a = pos + len(part) - len(part.lstrip())
            cells.append((a, pos + len(part.rstrip())))
            pos = cut + 1
        if cells and cells[0][0] >= cells[0][1] and norm.lstrip().startswith("|"):
            cells = cells[1:]  # "| A | B |": a Markdown row's outer bars
        if cells and cells[-1][0] >= cells[-1][1] and norm.rstrip().endswith("|"):
            cells = cells[:-1]
        if all(re.fullmatch(r"[\s:|=-]*", norm[a:b]) for a, b in cells):
            return None  # "|---|---|": a Markdown table's rule line
        kinds = [_column_kind(norm[a:b]) for a, b in cells]
        if sum(1 for k in kinds if k) >= 2 and "name" in kinds:
            self._columns = kinds
            return None
        cols = self._columns
        if not cols or len(cells) != len(cols):
            return None
        row = {kind: cells[i] for i, kind in enumerate(cols) if kind}
        a, b = row["name"]
        title = norm[a:b].strip(" «»")
        if len(title) >= 3 and not any(f.start < b and a < f.end for f in st.found if f.type in ("Project", "Program")):
            t0 = a + norm[a:b].find(title)
            st.found.append(Found(a, b, title, "Project", {title}, (t0, t0 + len(title)), "проєкт"))
        return row

    def _resolve_places(self) -> None:
        if self.gaz is None:
            return
        oblasts: Counter = Counter()
        for st in self.sents:
            for pm in st.place_matches:
                if not pm.candidates:
                    continue
                best = pm.candidates[0]
                if pm.role == "oblast-list":
                    continue  # "області України (Чернігівську, Полтавську, Сумську)": a list does not place the document
                if best.category == "oblast":
                    oblasts[best.key] += 1
                elif len(pm.candidates) == 1:
                    for par in best.parents:
                        if par.startswith("katottg:") and self._is_oblast(par):
                            oblasts[par] += 1
        ctx = set(oblasts)
        for st in self.sents:
            if st.place_matches:
                try:
                    st.place_matches = self.gaz.resolve(st.place_matches, ctx)
                except Exception:
                    pass
        self._one_partner_per_name()

    def _one_partner_per_name(self) -> None:
        """A partner no gazetteer knows is one town in the whole document: "Гура-Кальварія (пол. Góra Kalwaria)
        — місто в Польщі" and, later, "мером міста Гура-Кальварія" (country unknown there) are the same place."""

        def unknown(pm) -> tuple[str, str] | None:
            """("pl", "гура-кальварія") of a partner key openworld._synthetic made ("partner:pl-гура-кальварія")."""
            key = pm.candidates[0].key if pm.candidates else ""
            if not key.startswith("partner:"):
                return None
            cc, _, name = key[len("partner:") :].partition("-")
            return cc, name

        known = {}
        for st in self.sents:
            for pm in st.place_matches:
                cc_name = unknown(pm)
                if cc_name and cc_name[0] != "xx":
                    known.setdefault(cc_name[1], pm.candidates[0])
        for st in self.sents if known else ():
            for pm in st.place_matches:
                cc_name = unknown(pm)
                if cc_name and cc_name[0] == "xx" and cc_name[1] in known:
                    pm.candidates = [known[cc_name[1]], *pm.candidates[1:]]
                elif cc_name is None and pm.kind == "foreign" and pm.candidates:
                    # "з районом Ґерліц (Landkreis Görlitz)", later "з Ґерліцом": the unit the page introduced, not
                    # the gazetteer's town of that name in the same country
                    unit = known.get(name_key(pm.candidates[0].label))
                    same_country = unit is not None and unit.country == pm.candidates[0].country
                    if same_country and any(" " in n for n in unit.names):  # introduced with its unit word
                        pm.candidates = [unit, *pm.candidates[1:]]
                    elif (
                        unit is not None
                        and not same_country
                        and pm.candidates[0].type == "PartnerCity"
                        and not (pm.extra or {}).get("country")
                    ):
                        # rule ``stated-country-sticks``: "Вестланд (Нідерланди)" and, later, "з муніципалітетом
                        # Вестланд": the bare name is the town the page placed, not the gazetteer's namesake abroad
                        pm.candidates = [unit, *pm.candidates[1:]]
        self._adjective_unit_is_named_unit()
        self._one_town_per_name()
        self._short_name_is_long_name()
        self._village_is_partner()
        self._short_town_is_long_town()

    def _village_is_partner(self) -> None:
        """Rule ``village-is-partner``: "Дрогобич і польське місто Поляна підписали угоду. У Поляні відбувся форум": a
        name the page placed abroad is that town in its other sentences too, not a Ukrainian village of that name."""
        from loaders.narrative.openworld import _ukrainian_village

        abroad: dict[str, object] = {}
        for _, pm in self._foreign_matches():
            place = pm.candidates[0]
            if place.type == "PartnerCity" and place.category != "foreign_region":
                for n in {place.label, pm.surface}:
                    abroad.setdefault(name_key(n), place)
        if not abroad:
            return
        for st in self.sents:
            for pm in st.place_matches:
                if pm.kind == "foreign" or pm.role or not _ukrainian_village(pm):
                    continue
                place = abroad.get(name_key(pm.candidates[0].label)) or abroad.get(name_key(pm.surface))
                if place is not None:
                    pm.candidates = [place]
                    pm.kind = "foreign"

    def _short_town_is_long_town(self) -> None:
        """Rule ``short-town-name``: "Кам'янець-Подільський …" and, later, "Кам'янець уклав угоду": a Ukrainian town
        named by the first part of a hyphenated town the page named is that town, not a village of the short name."""
        longs = {}
        for st in self.sents:
            for pm in st.place_matches:
                if pm.kind == "community" and pm.candidates and pm.candidates[0].category == "city":
                    label = pm.candidates[0].label
                    if "-" in label and "-" in pm.surface:
                        longs.setdefault(name_key(label.split("-")[0]), pm.candidates[0])
        if not longs:
            return
        for st in self.sents:
            for pm in st.place_matches:
                if pm.kind != "community" or not pm.candidates or "-" in pm.surface:
                    continue
                short = pm.candidates[0]
                town = longs.get(name_key(short.label))
                if town is not None and short.key != town.key and short.category in ("city", "settlement", "village"):
                    pm.candidates = [town, *(c for c in pm.candidates if c.key != town.key)]

    def _foreign_matches(self) -> list[tuple[_Sent, PlaceMatch]]:
        """Every place abroad the document's sentences matched, with its sentence, in reading order."""
        return [(st, pm) for st in self.sents for pm in st.place_matches if pm.kind == "foreign" and pm.candidates]

    def _short_name_is_long_name(self) -> None:
        """ "Клагенфурт-ам-Вертерзе" and, later, "Клагенфурт"; "Freiburg im Breisgau" and "Фрайбург": a town abroad
        named by the first part of a longer name the page gave is that town, not a namesake."""
        foreign = [pm for _, pm in self._foreign_matches()]
        known = {}  # a gazetteer town's names -> the town: "Freiburg im Breisgau" is one of Фрайбург's
        for pm in foreign:
            place = pm.candidates[0]
            if place.type == "PartnerCity" and not place.key.startswith("partner:"):
                for n in (place.label, *place.names):
                    known.setdefault(n.lower(), place)
        for pm in foreign:
            place = pm.candidates[0]
            town = known.get(place.label.lower()) if place.key.startswith("partner:") else None
            if town is not None and place.country in (None, town.country):
                # a country the page stated is kept: "Вестланд (Нідерланди)" is not the gazetteer's Westland (US)
                pm.candidates = [town, *pm.candidates[1:]]
        longs = {}
        for pm in foreign:
            place = pm.candidates[0]
            if place.type == "PartnerCity":
                longs.setdefault(place.key, place)
        for pm in foreign:
            short = pm.candidates[0]
            if short.type != "PartnerCity" or short.category == "foreign_region":
                continue
            names = {n.lower() for n in (short.label, *short.names) if len(n) >= 4}
            for place in longs.values():
                if place.key == short.key or short.country not in (None, place.country):
                    continue
                if place.key.startswith("region:"):
                    # rule ``town-not-its-region``: "Opole Voivodeship" is named after Ополе, it is not Ополе (a
                    # county the page introduced, "Łęczna County", is what "the Łęczna county board" names)
                    continue
                if any(
                    n.lower().startswith(f"{x}{sep}")
                    for n in (place.label, *place.names)
                    for x in names
                    for sep in "- "
                ):
                    pm.candidates = [place, *pm.candidates[1:]]
                    break

    def _one_town_per_name(self) -> None:
        """One sense per document: "the American city of Monticello, Indiana" and, later, "Monticello understands
        …" are one town; a later bare mention takes the town the first mention chose among its namesakes."""
        chosen: dict = {}  # name -> the Place its first mention chose
        for st in self.sents:
            for pm in st.place_matches:
                if pm.kind != "foreign" or not pm.candidates or pm.candidates[0].key.startswith("partner:"):
                    continue
                name = name_key(pm.surface)
                first = chosen.setdefault(name, pm.candidates[0])
                if first.key != pm.candidates[0].key and name in {name_key(n) for n in (first.label, *first.names)}:
                    pm.candidates = [first, *(c for c in pm.candidates if c.key != first.key)]

    def _adjective_unit_is_named_unit(self) -> None:
        """ "з повітом Ліманова" and, later, "із Ліманівським повітом": a unit named by its place's adjective is the
        unit the page named before (or after) by the place's name, not a second partner; so is a town of that name
        named in other sentences ("Укмерзький район", "мер Укмерге": a district municipality named after its town)."""
        foreign = self._foreign_matches()
        for own, pm in foreign:
            best = pm.candidates[0]
            m = _ADJECTIVE_UNIT_LABEL.match(best.label) if best.key.startswith("partner:") else None
            if m is None:
                continue
            stems = {m.group(1), re.sub(r"(?:ів|ен|ин|ов|ан)$", "", m.group(1))}
            for st, other in foreign:
                place = other.candidates[0]
                if place.key == best.key or " " in place.label or best.country not in (None, place.country):
                    continue
                side_by_side = any(x.candidates and x.candidates[0].key == place.key for x in own.place_matches)
                if side_by_side and not re.search(
                    rf"{m.group(2)[:4]}\w*\s+$", st.s.norm[max(0, other.start - 16) : other.start]
                ):
                    # "Хелм — угода …; Холмський повіт — угода …": listed side by side, the town and the county around
                    # it are two partners; "Укмерзький район" and, elsewhere, "мер Укмерге" are one
                    continue
                if any(place.label.startswith(st) and len(place.label) - len(st) <= 3 for st in stems if len(st) >= 4):
                    pm.candidates = [place, *pm.candidates[1:]]
                    break

    def _is_oblast(self, key: str) -> bool:
        try:
            return self.gaz.place(key).category == "oblast"
        except Exception:
            return False

    def _decide_types(self) -> None:
        """One type per found initiative name in a document: Program wins over Project."""
        for st in self.sents:
            for f in st.found:
                if f.type in ("Program", "Project"):
                    k = name_key(f.label)
                    if f.type == "Program" or k not in self.type_of:
                        self.type_of[k] = f.type if self.type_of.get(k) != "Program" else "Program"

    # ------------------------------------------------------------ pass 2: mentions

    def _build_mentions(self, st: _Sent) -> None:
        norm = st.s.norm
        from loaders.registry import tokens

        reg_matches = self.reg.find(norm, tokens(norm), skeleton=True, lossy=self.lossy)
        mentions: list[Mention] = []
        used_reg: set[int] = set()
        # found initiatives/organisations, possibly replaced by a registry entry naming the same thing
        # when two patterns claim one quoted title, the head word nearest to the quote governs it
        nearest: dict[tuple[int, int], Found] = {}
        for f in st.found:
            if f.title:
                best = nearest.get(f.title)
                if best is None or f.start > best.start:
                    nearest[f.title] = f
        st.found = [f for f in st.found if not f.title or nearest[f.title] is f]
        for f in sorted(st.found, key=lambda f: (f.start, -(f.end - f.start))):
            a, b = f.title or (f.start, f.end)
            if any(
                m.kind in ("init", "org")
                and m.start <= f.start < m.end
                and (m.found and m.found.title and m.found.title[0] <= a and b <= m.found.title[1] + 1)
                for m in mentions
            ):
                continue  # the same title already taken (e.g. by an org pattern and an initiative pattern)
            if any(m.found and m.found.title == f.title for m in mentions):
                continue
            whole = None
            ca, cb = _core_title(norm, a, b)
            for i, rm in enumerate(reg_matches):
                overlap = min(rm.end, b) - max(rm.start, a)
                contains = rm.start <= a + 1 and rm.end >= b - 1
                if overlap >= 0.7 * (b - a) and (contains or (rm.end - rm.start) <= 1.6 * (b - a) + 30):
                    whole = (i, rm)
                    break
                if (ca, cb) != (a, b) and rm.start <= ca and cb <= rm.end:
                    whole = (i, rm)  # rule ``generic-words-around-a-known-name``: "USAID's HOVERLA Activity"
                    break
            if whole is None and f.type in ("Project", "Program"):
                # rule ``name-then-known-acronym``: "the project Decentralization for Development of Democratic
                # Education (DECIDE)": the registry's initiative named in brackets right after is the name's own
                after = _BRACKET_OPEN.match(norm, b + 1 if norm[b : b + 1] in '»"”' else b)
                for i, rm in enumerate(reg_matches) if after else ():
                    if (
                        rm.start == after.end()
                        and rm.entry.type in ("Program", "Project")
                        and norm[rm.end : rm.end + 1] == ")"
                        and _shares_words(f.label, rm.entry)
                    ):
                        whole = (i, rm)
                        break
            if whole is not None:
                i, rm = whole
                used_reg.add(i)
                e = rm.entry
                kind = "init" if e.type in ("Program", "Project") else ("donor" if e.type == "Donor" else "org")
                mentions.append(Mention(f.start, f.end, e.key, kind, e.type, rm.surface, found=f, reg=e))
                continue
            if f.type == "Organization":
                key = "org:" + name_key(f.label)
                mentions.append(Mention(f.start, f.end, key, "org", "Organization", norm[a:b], found=f))
            else:
                typ = self.type_of.get(name_key(f.label), f.type)
                key = ("program:n-" if typ == "Program" else "project:") + name_key(f.label)
                mentions.append(Mention(f.start, f.end, key, "init", typ, norm[a:b], found=f))
        # registry matches not already covering a found name
        titles = [x.found.title for x in mentions if x.found is not None and x.found.title]
        for i, rm in enumerate(reg_matches):
            if i in used_reg:
                continue
            if any((rm.start < a <= rm.end - 1 < b) or (a <= rm.start < b < rm.end) for a, b in titles):
                continue  # "програми «Польська допомога розвитку»": the quoted title wins over a shorter alias
            e = rm.entry
            kind = "init" if e.type in ("Program", "Project") else ("donor" if e.type == "Donor" else "org")
            m = Mention(rm.start, rm.end, e.key, kind, e.type, rm.surface, reg=e)
            owner = next(
                (
                    x
                    for x in mentions
                    if x.found and x.found.title and x.found.title[0] <= rm.start and rm.end <= x.found.title[1] + 1
                ),
                None,
            )
            if owner is None and kind == "init":
                prev = next(
                    (x for x in reversed(mentions) if x.found is not None and x.found.title and x.end <= rm.start), None
                )
                if prev is not None and prev.kind == "init" and not norm[prev.end : rm.start].strip():
                    owner = prev  # "Програма «Угорщина - ... - Україна» ЄІС 2014-2020": a qualifier of the name
            if (
                owner is not None
                and owner.kind == "init"
                and owner.found.unquoted
                and owner.reg is None
                and kind in ("donor", "org")
                and rm.end >= owner.found.title[1] - 1
            ):
                # "The European Union and the United Nations Development Programme (UNDP) handed over …": the head
                # word ends a donor's name, it heads no initiative; the names inside stand on their own
                mentions.remove(owner)
                for x in mentions:
                    if x.in_title == owner.key:
                        x.in_title = None
                owner = None
            if owner is not None:
                if (
                    owner.kind == "org"
                    and kind in ("donor", "org")
                    and (rm.end - rm.start) >= 0.4 * (owner.found.title[1] - owner.found.title[0])
                ):
                    # «Deutsche Gesellschaft ... (GIZ) GmbH»: the quoted organisation is the registry donor
                    owner.key, owner.kind, owner.type, owner.reg = e.key, kind, e.type, e
                    continue
                m.in_title = owner.key
            mentions.append(m)
        # modifiers: donors named between an initiative's trigger and its title, or in brackets after it
        for m in mentions:
            if m.kind == "init" and m.reg is not None and m.reg.donors:
                span = norm[m.start : m.end]
                for did in m.reg.donors:
                    d = self.reg.by_id.get(did)
                    if d is None or d.type != "Donor":
                        continue
                    low_span = span.lower()
                    for name in [*d.acronyms, *d.names]:
                        hit = _word_at(
                            span if name in d.acronyms else low_span, name if name in d.acronyms else name.lower()
                        )
                        if hit is not None:
                            m.mods.append(
                                Mention(
                                    m.start + hit,
                                    m.start + hit + len(name),
                                    d.key,
                                    "donor",
                                    "Donor",
                                    span[hit : hit + len(name)],
                                    reg=d,
                                )
                            )
                            break
            if m.kind != "init" or m.found is None:
                continue
            f = m.found
            if f.mods and f.mods[1] > f.mods[0]:
                for x in mentions:
                    if x.kind in ("donor", "org") and f.mods[0] <= x.start and x.end <= f.mods[1]:
                        m.mods.append(x)
            after = norm[f.end : f.end + 80]
            for x in mentions:
                if (
                    x.kind in ("donor", "org")
                    and x.reg is not None
                    and x.start >= f.end
                    and not norm[f.end : x.start].strip()
                ):
                    m.mods.append(x)
            fm = re.match(r"\s*,?\s*(?:від|by|from|от|of(?:\s+the)?)\s+", after)
            # "програма «Відкриті двері» від USAID", "the «X» initiative of the EU": the donor the name comes from
            if fm:
                pos = f.end + fm.end()
                for x in sorted(mentions, key=lambda x: x.start):
                    if x.kind in ("donor", "org") and x.start == pos:
                        m.mods.append(x)  # "від USAID", "від Мінцифри та USAID": the owners, coordinated
                        gap = re.match(r"\s*(?:,|та|і|й|and)\s*", norm[x.end :])
                        pos = x.end + gap.end() if gap else -1
            pm = re.match(r"\s*\(([^()]{1,70})\)", after)
            if pm:
                lo, hi = f.end + pm.start(1), f.end + pm.end(1)
                for x in mentions:
                    if x.kind in ("donor", "org") and lo <= x.start and x.end <= hi:
                        role = norm[lo : x.start]
                        if re.search(r"[–—:]|\s-\s", role):
                            # "(донор — ЮНІСЕФ, виконавець — ГО «X»)": the role words say who does what; an
                            # organisation under a role that is no funder's ("грантоотримувач – ГО «X»") carries out
                            if x.kind == "org" and not re.search(r"донор|спонсор|грантодав|фінанс|кошт", role, re.I):
                                m.mods.append(x)
                            continue
                        m.mods.append(x)
        # "Erasmus+ «Зелені навички ...»": a quoted title right after a programme's name is a project in it
        claimed = {x.found.title[0] - 1 for x in mentions if x.found is not None and x.found.title}
        for a, b in st.quotes:
            if a in claimed:
                continue
            before = max((x for x in mentions if x.end <= a), key=lambda x: x.end, default=None)
            if (
                before is None
                or norm[before.end : a].strip()
                or _TRIGGER_BEFORE.search(norm[max(0, before.start - 25) : before.start])
                or any(x.start < a < x.end or (a <= x.start and x.end <= b) for x in mentions)
            ):
                continue
            title = norm[a + 1 : b - 1].strip()
            if len(title) < 4 or not title[0].isupper():
                continue
            if before.kind == "init" and before.type == "Program":
                f = Found(before.start, b, title, "Project", {title}, (a + 1, b - 1), "проєкт")
                child = Mention(a, b, "project:" + name_key(title), "init", "Project", title, found=f)
                child.parent = before.key
                mentions.append(child)
            elif before.kind == "donor" and before.reg is not None:
                # "ЮНІСЕФ «Школа в боксі»": a title right after a donor's name is that donor's initiative
                f = Found(before.start, b, title, "Project", {title}, (a + 1, b - 1), "проєкт")
                child = Mention(a, b, "project:" + name_key(title), "init", "Project", title, found=f)
                child.mods.append(before)
                mentions.append(child)
        # places
        initiative_here = None  # worked out at the first facility ("у Драбівському НВК") only
        for pm in st.place_matches:
            if not pm.candidates:
                continue
            if pm.role == "institution" and initiative_here is None:
                initiative_here = any(m.kind == "init" for m in mentions) or bool(_BARE_TRIGGER.search(norm))
            if pm.role == "institution" and not initiative_here and not self._short_line(st):
                continue  # "Житомирський ліцей" in passing: only a site of an initiative or a listed item counts
            place = pm.candidates[0]
            kind = "country" if place.type == "Country" else "place"
            m = Mention(pm.start, pm.end, place.key, kind, place.type, pm.surface, place=place, role=pm.role)
            m.extra = getattr(pm, "extra", None)
            if kind == "country" and _GOVERNMENTS.search(norm[max(0, pm.start - 60) : pm.start]):
                gov = self.reg.government_of(place.country or place.key.split(":")[-1])
                if gov is not None and not any(x.key == gov.key and x.start <= pm.start < x.end for x in mentions):
                    # "урядів Німеччини та Швейцарії": the second country stands for its government too
                    mentions.append(Mention(pm.start, pm.end, gov.key, "donor", gov.type, pm.surface, reg=gov))
                    continue
            owner = next(
                (
                    x
                    for x in mentions
                    if x.kind in ("init", "org", "donor")
                    and x.found
                    and x.found.title
                    and x.found.title[0] <= pm.start
                    and pm.end <= x.found.title[1] + 1
                ),
                None,
            )
            if owner is None:
                owner = next(
                    (x for x in mentions if x.reg is not None and x.start <= pm.start and pm.end <= x.end), None
                )
            if pm.role == "council" and place.category == "raion" and _COUNCIL_TAIL.match(norm, pm.end):
                m.kind = "title-place"  # "районна військова адміністрація": an authority, not the raion as a place
            if owner is not None:
                m.in_title = owner.key
                t = owner.found.title if owner.found else None
                if (t and pm.start <= t[0] + 1 and pm.end >= t[1] - 1) or kind == "country":
                    m.kind = "title-place"  # «Коростень» in "парк «Коростень»": a name, not a mention
                elif owner.kind == "org" and t and t[0] > 0 and norm[t[0] - 1] in '«"„“':
                    m.kind = "title-place"  # rule ``place-in-org-name``: "БФ «Карітас Київ»" names the body only
            elif st.quotes and _named_thing(norm, pm, st.quotes):
                m.kind = "title-place"
            mentions.append(m)
            if pm.role == "council" or _COUNCIL_TAIL.match(norm, pm.end):
                tail = _COUNCIL_TAIL.match(norm, pm.end)
                end = tail.end() if tail else pm.end
                label = _council_label(norm[pm.start : end])
                if label:
                    org = Mention(
                        pm.start,
                        end,
                        "org:" + name_key(label),
                        "org",
                        "Organization",
                        norm[pm.start : end],
                        role="council-org",
                    )
                    org.found = Found(pm.start, end, label, "Organization", {label})
                    mentions.append(org)
        # an unquoted capitalised name counts only next to a donor or a funding/implementing cue:
        # "Програма розвитку освіти" alone is a local budget programme, not an initiative
        if any(m.found is not None and m.found.unquoted and m.reg is None for m in mentions):
            backed = any(m.kind == "donor" for m in mentions) or (
                # "Sweden funds the Recovery and Development Office": a state named with a funding verb
                any(m.kind == "country" for m in mentions) and bool(cue_regex_in("fund", st.s.norm).search(st.s.norm))
            )
            if not backed:
                if self._is_title(st):
                    # rule ``local-programme``: a community's own programme named in the page's title or a
                    # decision's title is what the page is about
                    self._local_topics |= {m.key for m in mentions if m.found is not None and m.found.local}
                # rule ``local-programme-frame``: "Ремонт здійснюється в межах Програми розвитку доріг … на
                # 2023-2025 роки": work done within it makes the programme a framework the page speaks of
                self._local_topics |= {
                    m.key
                    for m in mentions
                    if m.found is not None
                    and m.found.local
                    and (
                        _LOCAL_FRAME.search(st.s.norm, max(0, m.start - 24), m.start)
                        or _APPROVED.search(st.s.norm, max(0, m.start - 40), m.start)
                    )
                }
                gone = {
                    m.key
                    for m in mentions
                    if m.found is not None
                    and m.found.unquoted
                    and m.reg is None
                    and not (m.found.local and m.key in self._local_topics)
                }
                mentions = [m for m in mentions if m.key not in gone]
                for m in mentions:
                    if m.in_title in gone:
                        m.in_title = None  # "the DECIDE Project": the registry's DECIDE stands on its own again
        # a country named as the aggressor is not a partner or a place of the document's work
        for m in mentions:
            if m.kind == "country" and _AGGRESSOR.search(norm[max(0, m.start - 40) : m.start]):
                m.kind = "title-place"
            elif (
                m.kind == "country"
                and norm[max(0, m.start - 2) : m.start].endswith("(")
                and norm[m.end : m.end + 1] == ")"
                and any(x.kind == "donor" and not norm[x.end : m.start].strip(" (") for x in mentions)
            ):
                m.kind = "title-place"  # rule ``donor-country-in-brackets``: "Sida (Швеція)" says whose agency it is
        # rule ``office-of-initiative``: "Секретаріат проекту «Мери за економічне зростання»", "Офіс програми «X»": the
        # office named after its initiative is an organisation that carries that initiative out ("відкриття офісу
        # проєкту" in lower case is the premises, not the acting body)
        for om in _OFFICE_OF.finditer(norm) if st.quotes else ():
            init = next(
                (
                    m
                    for m in mentions
                    if m.kind == "init" and m.start >= om.end() and _OFFICE_GAP.fullmatch(norm, om.end(), m.start)
                ),
                None,
            )
            if init is None:
                continue
            from loaders.morph import nominative

            end = init.end + 1 if norm[init.end : init.end + 1] == "»" else init.end
            label = " ".join(nominative(om.group("head").split())) + " " + norm[om.end() : end]
            label = label[:1].upper() + label[1:]
            org = Mention(om.start(), end, "org:" + name_key(label), "org", "Organization", norm[om.start() : end])
            org.found = Found(om.start(), end, label, "Organization", {label, norm[om.start() : end]})
            org.extra = {"office_of": init.key}
            mentions.append(org)
        mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
        st.mentions = mentions
        # a trigger word not part of any found name refers to the current initiative
        covered = [(m.start, m.end) for m in mentions if m.kind == "init"]
        for tm in _BARE_TRIGGER.finditer(norm):
            if not any(a <= tm.start() < b for a, b in covered):
                st.unnamed = True  # an initiative is spoken of without its name
                if _definite(norm, tm):
                    st.bare_trigger = True
                    st.bare_kind = _trigger_stem(tm.group())
                    break
        # rule ``strategy-refers-back``: "Оновлення Стратегії відбувається за підтримки Програми USAID DOBRE" after
        # the page named "Стратегія розвитку громади на 2025-2029 роки": the bare word is that strategy again
        if any(
            m.kind == "init" and m.found is not None and m.found.local and m.found.trigger == "стратегі"
            for m in mentions
        ):
            self._strategy_seen = True
        elif not st.bare_trigger and self._strategy_seen:
            for tm in _BARE_STRATEGY.finditer(norm):
                if not any(a <= tm.start() < b for a, b in covered) and _definite(norm, tm):
                    st.bare_trigger = True
                    st.bare_kind = "стратегі"
                    break

    def _is_title(self, st: _Sent) -> bool:
        """The page's title (its first line of words after a source line) or a decision's title."""
        if _DECISION_TITLE.match(st.s.norm):
            return True
        if self._title_sent is None:
            first = next((x for x in self.sents if not _SOURCE_WORD.match(x.s.text) and re.search(r"\w", x.s.norm)), st)
            self._title_sent = first.s.index
        return st.s.index == self._title_sent

    def _hashtag_mentions(self) -> None:
        """Rule ``hashtag-name``: "#ВеликеБудівництво", "#USAID_АГРО" name an initiative the page or the
        registry names in words ("«Велике будівництво»"): the tag, lower-cased without "_", equals the
        name without spaces. Tags are read after every sentence's names, so a tag in the heading finds
        the name given further down."""
        tags = [(st, m) for st in self.sents for m in _HASHTAG.finditer(st.s.norm)]
        if not tags:
            return
        from loaders.registry import squash

        named: dict[str, Mention] = {}
        for st in self.sents:
            for m in st.mentions:
                if m.kind == "init" and m.in_title is None:
                    named.setdefault(squash(m.found.label if m.found else m.surface), m)
        squashed = self.reg.initiatives_by_squashed_name()
        for st, tm in tags:
            a, b = tm.span(1)
            if any(x.start < b and a < x.end for x in st.mentions):
                continue
            key = squash(tm.group(1))
            hit = named.get(key)
            if hit is not None:
                st.mentions.append(Mention(a, b, hit.key, "init", hit.type, tm.group(1), reg=hit.reg))
            elif key in squashed:
                e = squashed[key]
                st.mentions.append(Mention(a, b, e.key, "init", e.type, tm.group(1), reg=e))
            else:
                continue
            st.mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))

    # ------------------------------------------------------------ home community

    def _hromada_above(self, place) -> object | None:
        """The hromada a settlement or village belongs to (from the codifier's hierarchy), or None."""
        if place is None or place.category not in ("settlement", "village") or self.gaz is None:
            return None
        if place.key not in self._hromadas_above:
            found = None
            for key in place.parents:
                try:
                    parent = self.gaz.place(key)
                except Exception:
                    continue
                if parent is not None and parent.category == "hromada":
                    found = parent
                    break
            self._hromadas_above[place.key] = found
        return self._hromadas_above[place.key]

    def _find_home(self) -> None:
        scores: Counter = Counter()
        below: Counter = Counter()
        places = {}
        for st in self.sents:
            title = st.s.index < 4 or st.s.start < 400
            local_owners = {x.key for x in st.mentions if x.kind == "init" and x.found is not None and x.found.local}
            for m in st.mentions:
                if m.kind != "place" or m.type != "Community" or m.role == "oblast-list":
                    continue  # one oblast of a list is not what the document is about
                if m.in_title and not (m.in_title in local_owners and title):
                    # rule ``home-in-local-programme``: "Стратегія розвитку Корюківської громади на 2025-2029 роки"
                    # heading the page: the community whose own programme it is is the page's home; a place
                    # inside another name is not
                    continue
                w = 3 if title else 1
                if m.role == "council":
                    w += 1
                scores[m.key] += w
                places[m.key] = m.place
                hromada = self._hromada_above(m.place)
                if hromada is not None:
                    # rule ``home-by-its-villages``: a digest names the villages of its hromada more than the
                    # hromada; each names the hromada too (its town or its villages make it the home)
                    below[hromada.key] += w
                    places.setdefault(hromada.key, hromada)
        for key, w in below.items():
            if scores[key] or sum(1 for k in scores if k != key) >= 2:
                scores[key] += w
        if not scores:
            return
        for st in self.sents[:3]:
            if st.s.start > 400:
                break
            if _BULLET.match(st.s.norm):
                continue  # rule ``list-item-not-home``: "1. «Тепла школа» – Баранівська громада;": one item of many
            named = [
                m
                for m in st.mentions
                if m.kind == "place" and m.type == "Community" and m.role in ("council", "hromada")
            ]
            first = next(
                (m for m in st.mentions if m.kind == "place" and m.type == "Community" and not m.in_title), None
            )
            if (
                named
                and first is not None
                and first.start < named[0].start
                and first.place is not None
                and first.place.category in ("city", "hromada")
                and not _PREPOSITION_BEFORE.search(st.s.norm[max(0, first.start - 6) : first.start])
            ):
                named = [first]  # "Стрий підписав меморандум з Лиманською громадою": the subject is the home
            elif (
                not named
                and first is not None
                and first.place is not None
                and first.place.category in ("city", "hromada")
                and re.fullmatch(r"[\s\W\d]*", st.s.norm[: first.start])
                and _SUBJECT_VERB.match(st.s.norm, first.end)
            ):
                named = [first]  # "Калуш уклав угоди з …" opening the page: its subject is the home
            if named and named[0].place is not None and named[0].place.category not in ("raion",):
                self.home, self.home_key = named[0].place, named[0].key  # "Звіт ... Дубівської селищної ради"
                return
        # rule ``byline-home``: "Джерело: Мостиська міська рада", "Пресслужба Мостиської міської ради" closing the page
        # names whose page it is
        for st in self.sents[-3:]:
            if _BYLINE.match(st.s.norm) and len(st.s.norm) <= 160:
                council = [
                    m for m in st.mentions if m.kind == "place" and m.role == "council" and m.type == "Community"
                ]
                if len(council) == 1 and council[0].key in scores and council[0].place.category not in ("oblast",):
                    if not any(v >= 3 and k != council[0].key for k, v in scores.items()):
                        self.home, self.home_key = places[council[0].key], council[0].key
                        return
        top = scores.most_common(2)
        key, score = top[0]
        if len(top) > 1 and top[1][1] == score and self._items_name_places():
            return  # rule ``list-item-not-home``: list items name their communities in parallel, none is the home
        # the home must dominate the document and be named near its start (a news digest has none)
        early = any(
            m.key == key or getattr(self._hromada_above(m.place), "key", None) == key
            for st in self.sents[:4]
            if st.s.start < 600
            for m in st.mentions
            if m.kind == "place"
        )
        if score < 3 or score < 0.3 * sum(scores.values()) or not early:
            return
        self.home = places[key]
        self.home_key = key

    def _paragraph_openers(self) -> set[str]:
        """The communities (towns, hromadas) named within the first 40 characters of sentences that open a paragraph
        (the text before them ends in an empty line) among the document's first 30 sentences."""
        keys: set[str] = set()
        for st in self.sents[:30]:
            a = st.s.start
            if a and not _PARAGRAPH_BREAK.search(self.text, max(0, a - 8), a):
                continue
            first = next((m for m in st.mentions if m.kind == "place" and m.type == "Community"), None)
            if first is None or first.start > 40 or first.place is None:
                continue
            if first.place.category not in ("oblast", "raion"):
                # a town and its hromada ("Березань", "Березанська міська рада") are one opener
                keys.add(self._hromada_of_key(first.place) or first.key)
        return keys

    def _items_name_places(self) -> bool:
        """Two list items or more (bullets, numbers) among the first lines each name a community."""
        n = 0
        for st in self.sents[:12]:
            if _BULLET.match(st.s.norm) and any(m.kind == "place" and m.type == "Community" for m in st.mentions):
                n += 1
        return n >= 2

    def _country_field(self, st: _Sent) -> None:
        """Rule ``card-country``: a partner card's "Країна" field ("Партнер" / "Тисауйварош" / "Країна" /
        "Угорщина") names the country of the partner its card named just above."""
        ms = [m for m in st.mentions if m.kind == "place" and m.type == "PartnerCity"]
        if ms:
            self._card_partners = (st.s.index, ms, st.ev)
        if not _COUNTRY_FIELD.match(st.s.norm) or self._card_partners is None:
            return
        at, partners, ev = self._card_partners
        country = next((m for m in st.mentions if m.kind == "country"), None)
        if country is None or country.key == "country:UA" or st.s.index - at > 2:
            return
        span = self._span(ev.start, st.ev.end)
        for p in partners:
            if not any(r.predicate == "inCountry" for r in self._rels_of(p.key)):
                self._rel(p.key, "inCountry", country.key, span)

    def _find_sections(self) -> None:
        """Rule ``section-home``: a digest in sections, each headed by a line that only names a community
        ("Охтирка", then "Місто … підписало угоди з естонським Вільянді"): in its section, partners abroad that a
        sentence names without a Ukrainian community are that community's. Two such headings or more make sections."""
        heads: dict[int, str | None] = {}
        for st in self.sents:
            norm = st.s.norm.strip()
            places = [m for m in st.mentions if m.kind == "place"]
            if (
                len(norm) <= 50
                and re.fullmatch(r"(?:\d{1,2}[.)]\s*)?[\w'’ -]+:?", norm)
                and norm.lstrip("0123456789.) ")[:1].isupper()
            ):
                # another heading ("Суми" read as a common word) ends the section; rule ``partner-label-in-section``:
                # a label of the section's list ("Міста-партнери:") or an item of it ("Хелм") does not
                if not _SECTION_LIST_LABEL.search(norm) and not (
                    places and all(m.type == "PartnerCity" for m in places)
                ):
                    heads[st.s.index] = None
            # rule ``run-in-section-head``: "Бердичів. Партнерами міста є Ряшів": a name alone before a full stop
            # at the start of a line heads the paragraph it opens
            run_in = (
                len(norm) <= 40
                and norm.endswith(".")
                and (st.s.start == 0 or self.text[st.s.start - 1] == "\n")
                and len(places) == 1
                and places[0].start <= 3
                and norm[places[0].end :].strip() == "."
            )
            if len(norm) > 60 or not (run_in or self._whole_line(st)):
                continue
            # rule ``section-head-forms``: "Луцьк (Волинська область)", "м. Ковель", "Громада: Ковельська міська",
            # "Ковельська міська громада, Волинська область": one community, with at most its own oblast or raion
            main = [m for m in places if m.place is None or m.place.category not in ("oblast", "raion")]
            if len(main) != 1 or main[0].type != "Community":
                continue
            p = main[0]
            if any(m is not p and (m.place is None or m.key not in p.place.parents) for m in places):
                continue
            rest = norm
            for m in sorted(places, key=lambda m: -m.start):
                rest = rest[: m.start] + " " + rest[m.end :]
            if all(w in _SECTION_HEAD_WORDS for w in re.findall(r"[^\W\d_]+", rest.lower())):
                heads[st.s.index] = p.key
        self.section_heads = heads if len({v for v in heads.values() if v}) >= 2 else {}
        # rule ``headline-sections``: a digest whose items open with headlines, each a paragraph of one line led by
        # its community ("Коломийська громада поглиблює співпрацю з …", "Калуська громада приймала гостей з Литви"):
        # partners abroad an item names without a Ukrainian community are its headline community's
        lines: dict[int, str] = {}
        for k, st in enumerate(self.sents):
            norm = st.s.norm.strip()
            if len(norm) > 120 or norm[-1:] in ".!?;:," or not self._whole_line(st):
                continue
            if (k > 0 and self.sents[k - 1].s.paragraph == st.s.paragraph) or (
                k + 1 < len(self.sents) and self.sents[k + 1].s.paragraph == st.s.paragraph
            ):
                continue
            first = next((m for m in st.mentions if m.kind == "place"), None)
            if (
                first is not None
                and first.type == "Community"
                and not self._is_oblast(first.key)
                and re.fullmatch(r"[\s\d.)]*(?:м\.\s*|місто\s+)?", norm[: first.start], re.IGNORECASE)
            ):
                lines[st.s.index] = first.key
        if self.home_key:
            # the page's own town under its hromada's name (or the other way round) is the page's home
            lines = {k: self.home_key if self._same_place(v, self.home_key) else v for k, v in lines.items()}
        distinct: list[str] = []
        for v in lines.values():
            if not any(v == d or self._same_place(v, d) for d in distinct):
                distinct.append(v)
        self.headline_heads = lines if len(distinct) >= 2 else {}

    def _municipal_home(self) -> bool:
        return self.home is not None and self.home.category not in ("oblast", "raion")

    # ------------------------------------------------------------ entities

    def _entities(self) -> None:
        self.title_place_owners = {x.in_title for st in self.sents for x in st.mentions if x.kind == "title-place"}
        self.rekeyed: dict[str, str] = {}
        for st in self.sents:
            ev = st.ev
            extra = [x for m in st.mentions for x in m.mods if x.reg is not None and x not in st.mentions]
            for m in st.mentions + extra:
                if m.kind == "title-place":
                    continue
                ent = self._entity_for(m)
                if ent is None:
                    continue
                ent.mentions = [ev]
                if m.surface:
                    ent.names.add(_clean_surface(m.surface))
                self._ent(ent)
                self.first_ev.setdefault(m.key, (st.s.index, ev))
                if m.kind == "country":
                    self.country_sentences.setdefault(m.key, ev)
                if m.kind == "place":
                    self._add_place_hierarchy(m.place)

    def _merge_org_variants(self) -> None:
        """ "Агенція розвитку міста Житомира" and "Агенція розвитку міста" in one document are one organisation."""
        orgs = [e for e in self.ex.entities.values() if e.type == "Organization" and e.key.startswith("org:")]
        alias: dict[str, str] = {}
        by_label = {e.label: e for e in orgs}
        for b in orgs:
            words = b.label.split()
            for cut in (1, 2):
                if len(words) - cut < 2 or not words[-cut][:1].isupper():
                    continue
                a = by_label.get(" ".join(words[:-cut]))
                if a is not None and a is not b and a.key not in alias:
                    alias[b.key] = a.key
                    break
        for old, new in alias.items():
            b = self.ex.entities.pop(old)
            a = self.ex.entities[new]
            a.names |= b.names | {b.label}
            for ev in b.mentions:
                if ev not in a.mentions:
                    a.mentions.append(ev)
            for st in self.sents:
                for x in st.mentions:
                    if x.key == old:
                        x.key = new

    def _entity_for(self, m: Mention) -> Entity | None:
        if m.reg is not None:
            e = m.reg
            names = set(e.names) | set(e.acronyms) | {e.label}
            ent = Entity(e.key, e.type, e.label, e.label_en, names, dict(e.identifiers))
            return ent
        if m.place is not None:
            return _place_entity(m.place)
        if m.found is not None:
            f = m.found
            label = f.label
            names = set(f.names)
            if f.full and m.key in self.title_place_owners:
                label = f.full
                names.discard(f.label)
            if m.kind == "org":
                key = "org:" + name_key(label)
                m.key = key
                return Entity(key, "Organization", label, None, names)
            typ = m.type
            key = ("program:n-" if typ == "Program" else "project:") + name_key(label)
            if key != m.key:
                self.rekeyed[m.key] = key
                m.key = key
            return Entity(key, typ, label, None, names, attributes={"found": "pattern"})
        return None

    def _add_place_hierarchy(self, place) -> None:
        """Reference entities (no mentions) for the units above a place, linked by locatedIn."""
        if self.gaz is None or place.type != "Community":
            return
        child = place.key
        chain = list(place.parents)
        try:
            hromada = self.gaz.hromada_of(place.key)
        except Exception:
            hromada = None
        if hromada is not None and hromada.key != place.key:
            if hromada.key not in self.ex.entities:
                self._ent(_place_entity(hromada))
            self._rel(place.key, "locatedIn", hromada.key)
        for par in chain:
            if par == child:
                continue
            if par not in self.ex.entities:
                try:
                    self._ent(_place_entity(self.gaz.place(par)))
                except Exception:
                    break
            self._rel(child, "locatedIn", par)
            child = par

    # ------------------------------------------------------------ relations

    def _relations(self) -> None:
        topic: str | None = None
        header_at = -10
        last_listed = -10
        row_chain = -10  # the last partner row that opens with a town abroad (rule partner-rows)
        header_lead = False  # the last partner heading ends with a colon and names agreements
        foreign_seen: set[str] = set()  # places abroad named so far (not as locators)
        last_partners: tuple[str, int] | None = None  # (community, sentence index) of the last partnership sentence
        last_field, field_refers = -10, False
        topic_named = -10
        prev_orphans = None
        dateline: tuple[int, _Sent, Mention] | None = None  # (paragraph, sentence, region) of a digest item's lead
        last_of: dict[str, tuple[str, int]] = {}  # entity type -> (key, sentence index) of the last one named
        topic_para = -1
        topic_sent = -10
        bare_recent = -10
        last_heading = -10
        list_of: tuple[str, int] | None = None  # (topic, last item's index) of a list a line about it opened
        for st in self.sents:
            ev = st.ev
            self._cur_ev = ev
            norm = st.s.norm
            self._cur_norm = norm
            ms = st.mentions
            if st.s.index in self.section_heads:
                self.section_home = self.section_heads[st.s.index]
            inits = [m for m in ms if m.kind == "init" and not m.in_title]
            if not inits and self._whole_line(st) and self._own_heading(st):
                last_heading = st.s.index  # rule ``heading-in-words-ends-containment`` (below)
            if not inits and _CAPS_HEADING.fullmatch(norm) and self._whole_line(st):
                # rule ``heading-ends-topic``: a digest's section heading in capitals ("ГРАНТИ", "ЕНЕРГЕТИКА"):
                # "проєкт" after it does not refer back to an initiative of the section before
                topic, topic_sent, bare_recent, list_of = None, -10, -10, None
                last_of.clear()
            # a list item may name a thing of its own ("Драбівський НВК «…»;"), and an abbreviation may split it
            # ("Золотоніська гімназія ім. С.Д. | Скляренка;")
            item = bool(_BULLET.match(norm) or self._line_item(st)) and (not inits or norm.rstrip().endswith(";"))
            if list_of is not None and not (item and st.s.index - list_of[1] == 1):
                a = st.s.start
                fragment = st.s.end - a <= 100 and not self._whole_line(st)
                if (
                    fragment
                    and st.s.index - list_of[1] == 1
                    and ":" not in self.text[self.text.rfind("\n", 0, a) + 1 : a]
                ):
                    item = True  # one line split at an abbreviation: the item goes on
                else:
                    list_of = None
            # descriptive "проєкт із ..." right after an unnamed "проєкт" is that project again
            if topic and st.s.index - bare_recent <= 2:
                for m in list(inits):
                    if m.found is not None and m.found.descriptive:
                        inits.remove(m)
                        ms.remove(m)
                        self._drop_entity_mention(m.key, ev)
                        st.bare_trigger = True
            refers = (st.coref or st.bare_trigger) and st.s.index - topic_sent <= 3
            field = bool(_FIELD_LINE.match(norm)) and bool(_PROJECT_FIELD.match(norm))
            if field and (not st.bare_trigger or _OF_PROJECT_LABEL.match(norm)):
                # "Донор: ..." lines belong to the item named just above, however long the block of fields
                # ("Партнер проєкту: …": the label's "проєкту" is that item too)
                refers = st.s.index - topic_named <= 4 or (field_refers and st.s.index - last_field == 1)
                field_refers, last_field = refers, st.s.index
            elif _FIELD_LINE.match(norm) and not inits and st.s.index - last_field == 1:
                last_field = st.s.index  # "Бюджет: ...", "Опис: ..." keep the block going
            typed = last_of.get(st.bare_kind) if st.bare_trigger and not st.coref else None
            if st.bare_trigger and not st.coref and typed and typed[1] >= st.s.index - 25:
                topic = typed[0]  # "проєкт" refers to the last project, "програма" to the last programme
                topic_sent = st.s.index
                refers = True
            if list_of is not None and list_of[0] == topic:
                # rule ``list-under-lead``: "Громади-учасниці проєкту:" and one item per line: each item is
                # about the initiative the lead-in referred to
                refers = True
                list_of = (topic, st.s.index)
            cur_topic = (
                topic
                if (topic and (refers or (st.s.paragraph == topic_para and st.s.index - topic_sent <= 4)))
                else None
            )
            # money given for a purpose of its own, by a donor not yet tied to the topic, in a sentence naming no
            # initiative and not referring to one: another story, not the topic's
            own_purpose = bool(
                topic
                and not refers
                and not inits
                and _OWN_PURPOSE.search(norm)
                and any(
                    m.kind == "donor" and not any(r.subject == m.key for r in self._rels_of(m.key) if r.object == topic)
                    for m in ms
                )
            )
            if own_purpose:
                cur_topic = None
            if cur_topic and refers and norm.rstrip().endswith(":"):
                list_of = (cur_topic, st.s.index)
            self.supporters = set()

            containers: dict[str, str] = {}  # container key -> cue
            # --- partOf
            if field and refers and cur_topic and _PROGRAMME_FIELD.match(norm):
                # rule ``programme-field``: a project card's "Програма: Interreg NEXT …" line under the project's name
                for m in inits:
                    if m.type == "Program" and m.key != cur_topic and not self._has(m.key, "partOf", cur_topic):
                        self._rel(cur_topic, "partOf", m.key, ev)
                        containers[m.key] = "field"  # the card's project stays the topic of the fields below
            for cm in cue_regex_in("partof", norm).finditer(norm):
                if re.search(r"(?<![\w])(?:її|його|їх)(?![\w])", cm.group()) and topic:
                    # "У її межах місто реалізувало проєкт «X»": the framework is the current topic
                    inner = [m for m in inits if m.start >= cm.end() and m.key != topic]
                    if inner and not self._has(topic, "partOf", inner[0].key):
                        self._rel(inner[0].key, "partOf", topic, ev)
                        containers[topic] = "within"
                    continue
                cont = self._next_mention(ms, cm.end(), ("init",), max_gap=70)
                after = norm[cm.end() : cm.end() + 40].lower()
                if re.match(r"\s*(?:співпраці|партнерства|співробітництва)\s+(?:з|із)\b", after):
                    agents = [a for a in self._agents_after(ms, cm.end(), norm, kinds=("donor",)) if a.kind == "donor"]
                    target = self._target(inits, cm.start(), {a.key for a in agents}, containers) or (
                        cur_topic if refers else None
                    )
                    for a in agents:
                        if target and target != a.key:
                            self._rel(a.key, "funds", target, ev)
                    continue
                if cont is None:
                    continue
                if re.match(r"\s*якого|\s*якої", norm[cm.end() : cm.end() + 8]):
                    continue
                containers[cont.key] = "within"
                chained = {m.key for m in inits if m.start >= cont.end and not norm[cont.end : m.start].strip()}
                before = [m for m in inits if m.end <= cm.start() and m.key not in containers and m is not cont]
                after = [
                    m
                    for m in inits
                    if m.start >= cont.end
                    and m.key not in chained
                    and m.key not in containers
                    and not re.search(
                        r"(?<![\w])(?:який|яка|яке|які|якого|якої|яку|якій|якому|яким|якою|якими|яких|що)(?![\w])",
                        norm[cont.end : m.start],
                    )
                ]
                if before:
                    target = before[-1].key
                elif after:
                    target = after[0].key
                elif refers and cur_topic and cur_topic != cont.key and last_heading < topic_sent:
                    # a section heading in words since the topic was named ("Медицина"): the programme of this
                    # section does not hold the project of the section before
                    target = cur_topic
                else:
                    target = None
                if target and target != cont.key and not self._has(cont.key, "partOf", target):
                    self._rel(target, "partOf", cont.key, ev)
                elif target is None:
                    # rule ``subject-within``: "Представництво МОМ в Україні в рамках проєкту «X» … оголошує":
                    # the organisation that opens the sentence acts within the initiative — it carries it out
                    first = next((m for m in ms if not m.in_title and m.kind not in ("country",)), None)
                    if (
                        first is not None
                        and first.kind in ("donor", "org")
                        and first.end <= cm.start()
                        and re.fullmatch(r"[\s«\"'•*–—-]*(?:[А-ЯІЇЄҐA-Z][\w'’-]*\s+){0,2}", norm[: first.start])
                        and not _THANKS_TO.match(norm)  # "Завдяки уряду Японії …": the cue frame makes it the funder
                        and not any(m.kind == "init" and first.end <= m.start < cm.start() for m in ms)
                        and not re.search(
                            r"[,;:]|(?<![\w])(?:та|і|й|що|який|яка)(?![\w])", norm[first.end : cm.start()]
                        )
                        and not any(rx.search(norm, first.end, cm.start()) for rx, _v in cue_values_in("fund", norm))
                        and not _GIFT_VERB.search(norm, first.end, cm.start())  # rule ``gift-within-initiative``
                    ):
                        # (a funding verb between them makes it the funder: "ЕИБ предоставит кредит в рамках ...");
                        # a bank, or a loan or grant it signs for, pays: "EBRD signed a loan agreement under ..."
                        pays = getattr(first.reg, "kind", "") == "development_bank" or _LOAN_NOUN.search(
                            norm, first.end, cm.start()
                        )
                        self._rel(first.key, "funds" if pays else "implements", cont.key, ev)
            # a component named right before its programme: Компонент «X» Програми Y
            for i, m in enumerate(inits[:-1]):
                n2 = inits[i + 1]
                gap = norm[m.end : n2.start]
                if (
                    m.type in ("Project", "Program")
                    and n2.type == "Program"
                    and re.fullmatch(r"\s*", gap)
                    and m.key != n2.key
                ):
                    genitive = m.type == "Project" and re.match(
                        r"(?:програми|ініціативи)(?![\w])", norm[n2.start :], re.I
                    )
                    if (m.found is not None and m.found.trigger.startswith("компонент")) or genitive:
                        # "Компонент «X» Програми Y", "у проєкті «X» програми Interreg NEXT «Y»"
                        self._rel(m.key, "partOf", n2.key, ev)
                        containers[n2.key] = "genitive"
            # --- money announced in an earlier sentence, its destination named here
            aid_back = _AID_BACK.match(norm) is not None
            if self._unplaced is not None:
                agents_u, value_u, pred_u, at = self._unplaced
                dest = [m for m in inits if m.key not in containers]
                if not dest and aid_back:
                    dest = [m for m in inits if m.key in containers]  # "Допомогу надано в рамках проєкту X"
                if st.s.index - at > 2:
                    self._unplaced = None
                elif (
                    len(dest) == 1
                    and (aid_back or _MONEY_BACK.search(norm))
                    # rule ``aid-back-owner``: "Обладнання передано в межах проєкту ПРООН «X»": the agency in the
                    # initiative's name owns it; it does not pay instead of the donor named before
                    and not any(m.kind == "donor" and not (aid_back and m in dest[0].mods) for m in ms)
                ):
                    first = self.sents[at].s  # the span: the sentence with the money and this one
                    both = self._span(first.start, st.s.end)
                    self._apply_cue(agents_u, dest[0].key, value_u, pred_u, both)
                    if aid_back:
                        # "ПРООН за фінансування Японії передала генератори … Допомогу надано в рамках проєкту X": the
                        # agency that handed the aid over carries X out
                        paid = {a.key for a in agents_u}
                        for m in self.sents[at].mentions:
                            if (
                                m.kind == "donor"
                                and m.key not in paid
                                and getattr(m.reg, "kind", "") in _CARRIES_OUT
                                and _HANDED_OVER.search(self.sents[at].s.norm, m.end)
                            ):
                                self._rel(m.key, "implements", dest[0].key, both)
                    self._unplaced = None
            # --- funds / implements from cues
            for rx_kind, pred in (("fund", "funds"), ("implement", "implements")):
                if not cue_regex_in(rx_kind, norm).search(norm):
                    continue  # one pass of all the kind's rows finds none: no row needs its own pass
                for rx, value in cue_values_in(rx_kind, norm):
                    for cm in rx.finditer(norm):
                        # a sentence naming no initiative continues the paragraph's one ("Частину вартості
                        # покрито грантом ЄС")
                        t = cur_topic if (refers or not inits) else None
                        if t is None and not inits and topic and st.s.index - topic_sent <= 2 and _MONEY.search(norm):
                            t = topic  # "Кредитні кошти доповнить грант, який надає SECO" right after the loan
                        if t is not None and own_purpose:
                            t = None  # rule ``own-purpose``: "ЄІБ виділив Дніпру кредит на модернізацію метро"
                        self._cue(st, cm, value, pred, inits, containers, t)
            self._role_frame(st, inits, cur_topic)
            for m in ms:
                if m.kind == "org" and m.extra and m.extra.get("office_of"):
                    self._rel(m.key, "implements", m.extra["office_of"], ev)  # rule ``office-of-initiative``
            # --- a donor or known organisation as the subject: "KOICA розпочало проєкт «X»",
            # "ПРООН ... оголошує конкурс у межах проєкту «X»"
            lead = [m for m in ms if m.kind not in ("place", "country", "title-place") and not m.in_title]
            group: list[Mention] = []
            if lead and re.fullmatch(r"[\s\-–•*\d.)]*", norm[: lead[0].start]):
                # the coordinated subject: "Кременчуцька міська рада та ЄБРР підписали ..."
                group = [lead[0]]
                for m in lead[1:]:
                    if re.fullmatch(r"\s*(?:,|та|і|й)\s*", norm[group[-1].end : m.start]):
                        group.append(m)
                    else:
                        break
            targets = [m for m in inits if group and m.start > group[-1].end and m.key not in self.supporters]
            # rule ``subject-skips-framework``: "Фонд Східна Європа у межах програми «X» … реалізує проєкт «Y»": the
            # framework named on the way is not what the subject carries out
            targets = [m for m in targets if m.key not in containers] or targets
            for subj in group:
                if (
                    targets
                    and subj.kind in ("donor", "org")
                    and (subj.reg is not None or (subj.found is not None and subj.found.trigger == "latin"))
                    and not any(subj.key == r.subject and ev in r.evidence for r in self._rels_of(subj.key))
                    and all(x.key != subj.key for x in targets[0].mods)  # "USAID's programme «X»": the owner pays
                ):
                    # a development bank lends: it funds; an agency or organisation named as subject carries out
                    pred = "funds" if subj.reg is not None and subj.reg.kind in ("development_bank",) else "implements"
                    self._rel(subj.key, pred, targets[0].key, ev)
            self._agreement_frame(st, inits, containers, cur_topic if refers else None)
            for m in inits:
                if m.parent and m.parent != m.key:
                    self._rel(m.key, "partOf", m.parent, ev)
            # --- modifiers: проєкт USAID «X», ініціатива ЄС та ПРООН «X», «X» (GIZ)
            for m in inits:
                for x in m.mods:
                    # "спільна ініціатива ЄС та ПРООН «X»": the owners' kinds say who pays and who carries out
                    if x.kind == "donor" and getattr(x.reg, "kind", "") in _CARRIES_OUT:
                        self._rel(x.key, "implements", m.key, ev)
                    elif x.kind == "donor":
                        self._rel(x.key, "funds", m.key, ev)
                    elif x.kind == "org":
                        self._rel(x.key, "implements", m.key, ev)
            for m in inits:
                self._state_adjective_owner(st, m, ev)
            # rule ``appositive-owner``: "Проєкт «X» – спільна ініціатива ПРООН та ЄС", "«X» – проєкт ГО «Y»": the
            # owners named after the dash and a trigger noun, as if written before the title
            for m in inits:
                ap = _APPOSITIVE_OWNER.match(norm, m.end)
                if ap is None:
                    continue
                for x in self._agents_after(ms, ap.end(), norm, kinds=("donor", "org", "country")):
                    if x.kind == "init" or x.key == m.key:
                        break
                    if x.kind == "donor" and getattr(x.reg, "kind", "") in _CARRIES_OUT:
                        self._rel(x.key, "implements", m.key, ev)
                    elif x.kind in ("donor", "country"):
                        self._rel(x.key, "funds", m.key, ev)
                    elif x.kind == "org":
                        self._rel(x.key, "implements", m.key, ev)
            # --- a donor named in a "Підтримка <donor> ..." title
            for x in ms:
                if x.kind == "donor" and x.in_title:
                    owner = next((m for m in inits if m.key == x.in_title), None)
                    if owner is not None and owner.found is not None and _SUPPORT_TITLE.match(owner.surface or ""):
                        if x.start - owner.found.title[0] < 25:
                            self._rel(x.key, "funds", owner.key, ev)
            # --- registry knowledge confirmed by the sentence naming both
            for m in inits:
                if m.reg is None:
                    continue
                self._donor_in_name(m, norm, ev)
                for x in ms:
                    if x.reg is None or x.kind not in ("donor", "org"):
                        continue
                    if x.reg.id in m.reg.donors:
                        self._rel(x.key, "funds", m.key, ev)
                    elif x.reg.id in m.reg.implementers:
                        self._rel(x.key, "implements", m.key, ev)
            # --- "Разом із містом-побратимом Ельблонгом громада реалізувала проєкт «X»": X takes place there too
            for jm in _WITH_PARTNER_CITY.finditer(norm):
                city = next(
                    (m for m in ms if m.kind == "place" and m.type == "PartnerCity" and m.start == jm.end()), None
                )
                named = [m for m in inits if m.start > jm.end()]
                if city is not None and named and _IMPLEMENTED.search(norm, city.end, named[0].start):
                    self._rel(named[0].key, "locatedIn", city.key, ev)
            # --- a table row: the other columns state the row's project funders, implementers and places
            if st.row:
                na, nb = st.row["name"]
                proj = next((m for m in inits if na <= m.start < nb), None)
                for m in ms if proj is not None else []:
                    if m is proj or m.in_title:
                        continue
                    for kind, (a, b) in st.row.items():
                        if kind == "name" or not a <= m.start < b:
                            continue
                        if kind == "funds" and m.kind in ("donor", "org", "country"):
                            self._rel(m.key, "funds", proj.key, ev)
                        elif kind == "implements" and m.kind in ("donor", "org"):
                            self._rel(m.key, "implements", proj.key, ev)
                        elif kind == "locatedIn" and m.kind == "place" and m.type in ("Community", "PartnerCity"):
                            self._rel(proj.key, "locatedIn", m.key, ev)
            # --- places
            listed = (
                (
                    header_at >= 0
                    and (
                        0 < st.s.index - header_at <= 3
                        or (st.s.index - last_listed == 1 and (_BULLET.match(st.s.norm) or self._line_item(st)))
                    )
                    # rule ``partner-rows``: "Люблін, Польща — угода про партнерство від 1992 року" / "Раквере,
                    # Естонія — меморандум від 2021 року": a row that opens with a town abroad under a partner row of
                    # the same shape is one more row of the list
                    or (st.s.index - row_chain == 1 and self._opens_row_abroad(st))
                )
                and not inits
                and (not cue_regex_in("partner_need", norm).search(norm) or _BULLET.match(norm) or self._line_item(st))
                and (
                    any(m.type == "PartnerCity" for m in ms if m.kind == "place")
                    # "2. Бердичівська громада – 2022 р." under "угоди про співпрацю:": a domestic partner's item
                    or (
                        (_BULLET.match(norm) or self._line_item(st))
                        and len(norm) <= 120
                        and not _FIELD_LINE.match(norm)  # "• Місце: с. Покровське" is a project card's field
                        and header_lead
                        and any(m.type == "Community" for m in ms if m.kind == "place")
                    )
                )
            )
            partner_sentence = self._partners(st, listed=listed)
            if not partner_sentence:
                partner_sentence = self._plural_partners(st)
            if not partner_sentence:
                self._partner_named_before(st, foreign_seen)
                self._joined_partners(st, last_partners)
            if (partner_sentence or listed) and self._opens_row_abroad(st):
                row_chain = st.s.index
            if partner_sentence:
                homes = {a for a, _b in partner_sentence}
                last_partners = (homes.pop(), st.s.index) if len(homes) == 1 else None
            foreign_seen |= {
                m.key
                for m in ms
                if m.kind == "place" and m.type == "PartnerCity" and not (m.extra or {}).get("locator")
            }
            if (
                listed
                or ((st.country_heading or self.section_heads.get(st.s.index)) and st.s.index - last_listed == 1)
                or (
                    # rule ``list-runs-past-unknown-item``: "Ліда (Білорусь)" between "Хелм (Польща)" and "Раквере
                    # (Естонія)": an item whose town no gazetteer knows still is one row of the list
                    st.s.index - last_listed == 1
                    and self._line_item(st)
                    and (
                        (_ITEM_COUNTRY.fullmatch(st.s.norm.strip()) and any(m.kind == "country" for m in ms))
                        # "— Ґміна Вішнице", "— Ліда": a bulleted item as short as a name
                        or (_ANY_BULLET.match(st.s.norm) and len(st.s.norm.strip()) <= 50 and not inits)
                    )
                )
            ):
                # a bulleted list goes on, past a country heading inside it, or past the next community's heading
                # (rule ``list-runs-past-section-head``: "Ковель:" / "— Хелм" / "Нововолинськ:" / "— Грубешів")
                last_listed = st.s.index
            if (
                st.partner_cue
                and not partner_sentence
                and not any(m.type == "PartnerCity" for m in ms if m.kind == "place")
            ):
                header_at = st.s.index  # "Міста-побратими та міста-партнери Тернополя": a list follows
                # rule ``list-owner-in-lead``: "У Луцьку відбувся форум міст-побратимів. Участь взяли делегації з
                # Любліна …": the one community the lead-in names owns the list, not the page's home
                owners = [m for m in ms if m.kind == "place" and m.type == "Community" and not self._is_oblast(m.key)]
                self._list_owner = (
                    owners[0].key
                    if owners and all(m.key == owners[0].key or self._same_place(owners[0].key, m.key) for m in owners)
                    else None
                )
                # "громада має такі угоди про співпрацю:": a lead-in of agreements lists domestic partners too
                header_lead = norm.rstrip().endswith(":") and bool(_AGREEMENT.search(norm))
            elif (
                partner_sentence
                and (colon := norm.find(":")) > 0
                and cue_regex_in("partner", norm).search(norm, 0, colon)
                and "\n" in self.text[st.s.start : st.s.end]
            ):
                # rule ``heading-with-first-row``: "Міста-партнери громад Волині:" and its first row ("Луцьк – Люблін
                # (Польща)") read as one sentence: the rows on the lines after it are the list's too
                header_at, header_lead = st.s.index, False
            orphans = self._locations(
                st, inits, containers, cur_topic if (refers or not partner_sentence) else None, partner_sentence
            )
            # rule ``region-dateline``: "Житомирщина. У 12 громадах області стартує програма «X»": a digest item
            # opened by its region alone names the site of the initiatives its paragraph names without a place
            if dateline is not None and dateline[0] != st.s.paragraph:
                dateline = None
            lone = ms[0] if len(ms) == 1 and ms[0].kind == "place" else None
            if (
                lone is not None
                and lone.place is not None
                and lone.place.category == "oblast"
                and _DATELINE_REST.fullmatch(norm[: lone.start] + norm[lone.end :])
                and self._place_mentions(st)
            ):
                dateline = (st.s.paragraph, st, lone)
            elif (
                lone is not None
                and lone.place is not None
                and lone.place.category in ("hromada", "city", "town", "settlement", "village")
                and (st.s.index == 0 or self.sents[st.s.index - 1].s.paragraph != st.s.paragraph)
                and all(
                    w in _SECTION_HEAD_WORDS
                    for w in re.findall(r"[^\W\d_]+", (norm[: lone.start] + " " + norm[lone.end :]).lower())
                )
                and re.search(r"[.:–—-]\s*$", norm)
                and self._place_mentions(st)
            ):
                # rule ``community-dateline``: "Коростенська громада. Завдяки програмі «X» відремонтовано амбулаторію.":
                # a digest item opened by a community's name alone places the initiatives of its paragraph there
                dateline = (st.s.paragraph, st, lone)
            elif (
                dateline is not None
                and inits
                and not partner_sentence
                and not any(not p.in_title for p in self._place_mentions(st))
            ):
                both = self._span(dateline[1].s.start, st.s.end)
                for m in inits:
                    if m.type in ("Program", "Project") and m.key not in containers:
                        self._rel(m.key, "locatedIn", dateline[2].key, both)
                        if dateline[2].place.category != "oblast":
                            self._dated.add(m.key)  # the item's own community, not the page's home
            # places named one sentence before the initiative they belong to:
            # "JICA передало Ніжинській громаді техніку. Техніку придбано в межах Програми X."
            money_back = _MONEY_TO_INIT.match(norm) if prev_orphans else None
            if (
                prev_orphans
                and (prev_orphans[0] == st.s.paragraph or aid_back or money_back)
                and (containers or money_back)
                and not self._place_mentions(st)
            ):
                frame = next((m for m in inits if m.key in containers), None)
                if frame is None and money_back is not None:
                    # rule ``money-back-sites``: "Уряд Швейцарії виділив 2,5 млн франків на … в Коростені, Овручі.
                    # Кошти спрямують на реалізацію проєкту «X»": the towns of the money go with the project
                    frame = next(
                        (m for m in inits if m.type in ("Program", "Project") and m.start == money_back.end()), None
                    )
                if frame is not None:
                    for p in prev_orphans[2]:
                        self._rel(frame.key, "locatedIn", p.key, prev_orphans[1])
                        self._rel(frame.key, "locatedIn", p.key, ev)
            prev_orphans = (st.s.paragraph, ev, orphans) if orphans and not partner_sentence else None
            if any(m.found is not None and m.found.type == "Project" for m in inits):
                project_named = st.s.index
            else:
                project_named = -1
            self._countries(st)
            self._country_field(st)
            # --- discourse memory
            if not inits and ((_BULLET.match(norm) and st.quotes) or (st.unnamed and not st.bare_trigger)):
                topic = None  # a new list item with a name we do not know: what follows is not about the old topic
            for m in sorted(inits, key=lambda m: m.key not in containers):  # frameworks first, then the rest
                last_of[_trigger_stem(m.found.trigger if m.found and m.found.trigger else "")] = (m.key, st.s.index)
                trig = (m.found.trigger or "").lower() if m.found else ""
                if m.type == "Project" and not trig.startswith(_EVENT_TRIGGERS):
                    last_of["проєкт"] = (m.key, st.s.index)  # not a training or a contest
                elif not (m.found and m.found.trigger):
                    last_of["програм"] = (m.key, st.s.index)  # a registry programme named without a trigger word
            named = [m for m in inits if m.key not in containers and m.key not in self.supporters]
            if list_of is not None and item and list_of[1] == st.s.index:
                pass  # an item naming a thing of its own leaves the list's initiative the topic
            elif named:
                topic = named[-1].key
                topic_para, topic_sent = st.s.paragraph, st.s.index
                topic_named = st.s.index
            elif (
                inits
                and (st.bare_trigger or st.unnamed or all(m.key in containers for m in inits))
                and containers.get(inits[-1].key) != "field"
            ):
                topic = inits[-1].key
                topic_para, topic_sent = st.s.paragraph, st.s.index
            elif (refers or cur_topic) and topic and not field:
                topic_para, topic_sent = st.s.paragraph, st.s.index
            if (
                (st.bare_trigger or st.unnamed)
                and re.search(r"(?<![\w])проє?кт\w*", norm, re.I)
                and project_named != st.s.index
            ):
                bare_recent = st.s.index
            if inits and topic and norm.rstrip().endswith(":") and (list_of is None or list_of[1] == st.s.index):
                # (the initiative this line names leads its list, not the one an earlier line named)
                # rule ``list-under-named-lead``: "… 7 освітніх об'єктів у межах Програми «X»:" and one item per
                # line: each item is about the initiative the lead-in named
                list_of = (topic, st.s.index)
        for m, ev in self._pending_entities:
            if m.key in self._paying_orgs or any(r.subject == m.key for r in self.ex.relations if ev in r.evidence):
                ent = self._entity_for(m)
                ent.mentions = [ev]
                ent.names.add(_clean_surface(m.surface))
                self._ent(ent)
        self._section_defaults()
        self._home_defaults()
        self._country_defaults()
        self._drop_unrelated_orgs()

    def _drop_unrelated_orgs(self) -> None:
        """Organisations found by patterns are kept only when the text links them to an initiative:
        a council, a school or a sports club named in passing is not what the graph is about."""
        linked = {k for r in self.ex.relations if r.evidence for k in (r.subject, r.object)} | self._paying_orgs
        for key in [k for k, e in self.ex.entities.items() if k.startswith("org:") and k not in linked]:
            del self.ex.entities[key]
        self.ex.relations = [
            r for r in self.ex.relations if r.subject in self.ex.entities and r.object in self.ex.entities
        ]

    def _drop_entity_mention(self, key: str, ev: Evidence) -> None:
        ent = self.ex.entities.get(key)
        if ent is None:
            return
        ent.mentions = [e for e in ent.mentions if e != ev]
        if not ent.mentions:
            del self.ex.entities[key]

    def _next_mention(self, ms: list[Mention], pos: int, kinds: tuple[str, ...], max_gap: int) -> Mention | None:
        for m in ms:
            if m.start >= pos and m.kind in kinds and not m.in_title:
                if m.start - pos <= max_gap:
                    return m
                return None
        return None

    def _pronoun_antecedent(self, st: _Sent, pronoun: str) -> list[Mention]:
        """Rule ``pronoun-subject``: "ПРООН продовжує допомагати громадам. Вона реалізує проєкт «X»": a personal
        pronoun opening the sentence stands for the donor or organisation that opened the sentence before, in the
        same paragraph, when its gender and number agree with the pronoun."""
        i = st.s.index
        if i == 0 or self.sents[i - 1].s.paragraph != st.s.paragraph:
            return []
        prev = self.sents[i - 1]
        lead = next((m for m in prev.mentions if not m.in_title and m.kind not in ("place", "title-place")), None)
        if lead is None or lead.kind not in ("donor", "org"):
            return []
        if not re.fullmatch(r"[\s«\"'•*–—-]*(?:[А-ЯІЇЄҐA-Z][\w'’-]*\s+)?", prev.s.norm[: lead.start]):
            return []  # the subject opens the sentence ("У Харкові ПРООН …" is a place first: not taken)
        want = _PRONOUN_GENDER.get(pronoun.lower())
        if want is None:
            return [lead]
        label = lead.reg.label if lead.reg is not None else (lead.found.label if lead.found is not None else "")
        from loaders.morph import parses

        head = label.split()[0].lower() if label else ""
        genders = {g for p in parses(head)[:2] for g in ("masc", "femn", "neut") if g in p.tag} if head else set()
        return [lead] if not genders or want in genders else []

    def _agents_after(self, ms: list[Mention], pos: int, norm: str, kinds=("donor", "org")) -> list[Mention]:
        """Donors/organisations right after a cue, with coordinated ones (", ", "та", "і")."""
        out: list[Mention] = []
        cur = pos
        if "org" in kinds and _ORG_AHEAD.match(norm, pos):
            # "реалізує Міністерство освіти і науки України": a country inside an organisation's name is not the agent
            org = self._unquoted_org(norm, pos)
            if org is not None:
                inside = [m for m in ms if org.start <= m.start < org.end]
                if inside and all(m.kind in ("place", "country") for m in inside):
                    for m in inside:
                        m.in_title = org.key
                    return [org]
                self._pending_entities.pop()  # not taken: the mentions decide
        for m in ms:
            if m.start < pos or m.in_title or m.role == "council" or m.end <= cur:
                continue
            if out and "org" in kinds and m.kind in ("place", "country"):
                tail = _LIST_TAIL.match(norm, cur)
                org = self._unquoted_org(norm, tail.end()) if tail is not None and tail.end() <= m.start else None
                if org is not None and org.start <= m.start and m.end <= org.end:
                    # "ГО «А» та Асоціація енергоефективних міст України": the country is inside the next name
                    out.append(org)
                    cur = org.end
                    for x in ms:
                        if org.start <= x.start < org.end and x.kind in ("place", "country"):
                            x.in_title = org.key
                    continue
                if org is not None:
                    self._pending_entities.pop()
            if m.kind in ("place", "country") and re.fullmatch(r"\s*(?:у|в|in)\s+(?:м\.\s*)?", norm[cur : m.start]):
                # "Університет «Овідіус» у Констанці (Румунія) та ...": the address, the list goes on;
                # "виконується в Україні Alinea International": a place before the agent
                cur = m.end
                continue
            if m.kind == "place" and m.role != "council":
                continue
            gap = norm[cur : m.start]
            if out and m.key == out[-1].key and re.fullmatch(r"\s*[-–—]\s*", gap):
                # "з Міжнародною фінансовою корпорацією – IFC, …": the same agent again, the list goes on
                cur = m.end
                continue
            if out and m.kind == "country" and re.fullmatch(r"\s*\(", gap):
                close = re.match(r"\s*\)", norm[m.end :])
                if close:  # "Університет Лейдена (Нідерланди), ...": the agent's country, the list goes on
                    cur = m.end + close.end()
                    continue
            if not _agent_gap(gap, first=not out):
                break
            if out and "," in gap and _verb_follows(norm, m.end):
                # rule ``comma-closes-adverbial``: "За фінансування уряду Японії, ПРООН реалізує проєкт": after the
                # comma a new clause's subject, not one more funder
                break
            if m.kind in kinds or m.kind == "init":
                if not out or m.start >= out[-1].end:
                    out.append(m)
                cur = max(cur, m.end)
            elif m.kind == "country":
                if "donor" in kinds:
                    # "за фінансової підтримки Швейцарії": the state itself is named as the funder
                    out.append(m)
                cur = max(cur, m.end)
        if out and "org" in kinds:
            # rule ``list-ends-unquoted``: "ГО «А», БФ «Б» та Асоціація енергоефективних міст України": the list goes
            # on with an organisation named without quotes
            tail = _LIST_TAIL.match(norm, cur)
            while tail is not None and len(out) < 8:
                org = self._unquoted_org(norm, tail.end())
                if org is None:
                    break
                if any(m.start < org.end and org.start < m.end for m in ms):
                    self._pending_entities.pop()
                    break
                out.append(org)
                cur = org.end
                tail = _LIST_TAIL.match(norm, cur)
        if not out and "org" in kinds:
            org = self._unquoted_org(norm, pos)
            known = (
                next((m for m in ms if m.kind in kinds and org.start <= m.start < org.end), None)
                if org is not None
                else None
            )
            if known is not None:
                # "by the Institute for ... Policy Consulting": the registry knows the body by a part of the name
                self._pending_entities.pop()
                return [known]
            while org is not None and len(out) < 8:
                # "Університет Гента (Бельгія), Університет Аліканте (Іспанія) та ..." : a list of them
                out.append(org)
                nxt = re.match(r"\s*(?:\([^()]{1,40}\))?\s*(?:,|та|і|й)\s+", norm[org.end :])
                org = self._unquoted_org(norm, org.end + nxt.end()) if nxt else None
        # an initiative among the agents stands for its own donors (за підтримки проєкту USAID «X»)
        res: list[Mention] = []
        for m in out:
            if m.kind == "init":
                res.append(m)
                if _TEAM_OF.search(norm, max(0, m.start - 40), m.start):
                    # "реалізує команда Проєкту USAID «ГОВЕРЛА»": the project's team acts, not its donor
                    m.extra = {**(m.extra or {}), "team": True}
                    continue
                res.extend(x for x in m.mods if x.kind in kinds)
            elif m.kind in kinds or m.kind == "country":
                res.append(m)
        return res

    def _unquoted_org(self, norm: str, pos: int) -> Mention | None:
        """An organisation named without quotes right after a cue: "впроваджує Швейцарський центр освіти
        для демократичного громадянства", "разом із Центром демократичної освіти"."""
        m = _UNQUOTED_ORG.match(norm, pos)
        if m is None:
            return self._english_org(norm, pos)
        from loaders.morph import parses

        words = []
        ws = m.group("org").split()
        for i, w in enumerate(ws):
            lw = w.lower()
            if words and lw in ("в", "у") and i + 1 < len(ws) and ws[i + 1].lower() in ("межах", "рамках", "ході"):
                break  # rule ``org-name-ends-at-frame``: "… агенція регіонального розвитку в межах програми «X»"
            if words and (lw in _ORG_CUT or (w[:1].isupper() and words[-1].lower() in ("та", "і", "й", "з", "із"))):
                break
            if words and w[:1].islower() and any(str(p.tag.POS) == "VERB" for p in parses(lw)[:1]):
                break  # "Міністерством освіти і науки України реалізує ...": the verb ends the name
            words.append(w)
        while words and words[-1].lower() in _ORG_STOP:
            words.pop()
        from loaders.morph import lemma, nominative

        heads = _org_heads()
        head_at = next(
            (i for i, w in enumerate(words[:4]) if lemma(w) in heads or (w.lower() + " ").startswith(_RU_ORG_HEADS)),
            None,
        )
        if head_at is None and m.group("form"):
            bare = next((i for i, w in enumerate(words) if w in _ORG_STOP), len(words))
            words = words[:bare]  # "громадською організацією Зелена хвиля у Полтаві": the place is not the name
        if head_at is None and m.group("form") and 1 <= len(words) <= 4:
            # rule ``legal-form-unquoted-name``: "реалізує громадська організація Зелена хвиля", "ГО Зелена хвиля":
            # the legal form says an organisation's own name follows, with or without a head noun
            label = " ".join(words)
        elif head_at is None or len(words) < 2:
            return None
        else:
            label = " ".join(nominative(words[: head_at + 1]) + words[head_at + 1 :])
        if words[0] in _LEGAL_FORMS and head_at:
            label = label.split(" ", 1)[1]  # "ГС Міжрегіональний Союз ...": the legal form is no part of the name
        start = m.start("org")
        end = start + len(" ".join(words))
        quoted = _QUOTED_NAME.match(norm, end)
        if quoted and re.search(r"(?<![\w])(?:проє?кт|програм|ініціатив|конкурс)\w*$", norm[start:end], re.I):
            quoted = None  # "… в межах програми «X»": the quote is the initiative's title, not the body's name
        if quoted:
            # "Громадською спілкою виробників органічних сертифікованих продуктів „Органічна Україна“": the long
            # description ends in the organisation's own name (rule org-description-then-quoted-name)
            label, end = quoted.group(1).strip(), quoted.end()
        key = "org:" + name_key(label)
        org = Mention(start, end, key, "org", "Organization", norm[start:end])
        org.found = Found(start, end, label, "Organization", {label})
        self._pending_entities.append((org, self._cur_ev))
        return org

    def _english_org(self, norm: str, pos: int) -> Mention | None:
        """Rule ``en-unquoted-org``: an English organisation named without quotes after a cue, by its head noun and
        the of/for phrases after it ("implemented by the Institute for Economic Research and Policy Consulting",
        "by the Regional Development Agency of Poltava Oblast") or by a legal form before its name ("by the
        Ukrainian NGO Green Wave")."""
        m = _EN_ORG.match(norm, pos)
        if m is None:
            return None
        start, end = m.span("org")
        label = m.group("org")
        if m.group("name"):
            start, end = m.span("name")
            label = m.group("name")
        names = {label}
        council = self._council_in_english(label)
        if council is not None:
            names.add(council)
            label = council
        key = "org:" + name_key(label)
        org = Mention(start, end, key, "org", "Organization", norm[start:end])
        org.found = Found(start, end, label, "Organization", names)
        self._pending_entities.append((org, self._cur_ev))
        return org

    def _council_in_english(self, name: str) -> str | None:
        """Rule ``council-in-english``: "Vinnytsia City Council", "Mykolaiv Oblast Council", "Zhytomyr Regional State
        Administration" are the Ukrainian bodies "Вінницька міська рада", "Миколаївська обласна рада", "Житомирська
        обласна державна адміністрація": the place's own adjective, from the codifier, and the body's words."""
        m = _EN_COUNCIL.fullmatch(name)
        if m is None or self.gaz is None:
            return None
        from loaders.narrative.latin import find_latin_places

        regional = m.group("level") in ("Oblast", "Regional")
        place = m.group("place") + (" Oblast" if regional else "")
        found = [pm for pm in find_latin_places(place, self.gaz, []) if pm.candidates and pm.end == len(place)]
        if not found:
            return None
        p = found[0].candidates[0]
        if regional:
            unit = p if p.category == "oblast" else None
            adjective = unit.label.removesuffix(" область") if unit is not None else None
            level = "обласна"
        else:
            units = [p] if p.category == "hromada" else [self.gaz.place(k) for k in p.parents]
            hromada = next((u for u in units if u.category == "hromada"), None)
            words = hromada.label.split() if hromada is not None else []
            adjective, level = (words[0], words[1]) if len(words) >= 2 else (None, None)
        if not adjective:
            return None
        body = {"Council": "рада", "State Administration": "державна адміністрація"}.get(
            m.group("body"), "військова адміністрація"
        )
        return f"{adjective} {level} {body}"

    def _agents_before(self, ms: list[Mention], pos: int, norm: str, kinds=("donor", "org")) -> list[Mention]:
        found = self._mentioned_before(ms, pos, norm, kinds)
        if not found and "org" in kinds:
            org = self._unquoted_org_before(ms, norm, pos)
            if org is not None:
                return [org]
        return found

    def _unquoted_org_before(self, ms: list[Mention], norm: str, pos: int) -> Mention | None:
        """Rule ``unquoted-org-subject``: an organisation named without quotes right before the verb, as its
        subject: "Асоціація ягідників України реалізує ...", "ГС Міжрегіональний Союз птахівників ... проводить".
        Only capitalised adjectives (or a legal-form abbreviation) may stand before the head noun."""
        lo = max(0, pos - 200)
        cut = max(norm.rfind(c, lo, pos) for c in ".;:!?«»()\n")
        lo = max(lo, cut + 1)
        if any(lo <= m.start < pos and m.kind in ("donor", "org", "init") for m in ms):
            return None  # a name the text already knows stands there: the mentions decide
        from loaders.morph import parses

        for wm in _CAP_WORD.finditer(norm, lo, pos):
            head = self._unquoted_org(norm[:pos], wm.start())
            if head is None:
                continue
            if norm[head.end : pos].strip():
                self._pending_entities.pop()
                continue
            words = norm[head.start : head.end].split()
            heads = _org_heads()
            from loaders.morph import lemma

            at = next((i for i, w in enumerate(words) if lemma(w) in heads), 0)
            lead = [w for w in words[:at] if w not in _LEGAL_FORMS]
            if any(
                not w[:1].isupper() or not any(str(p.tag.POS) in ("ADJF", "PRTF") for p in parses(w.lower()))
                for w in lead
            ):
                self._pending_entities.pop()
                continue
            return head
        return None

    def _mentioned_before(self, ms: list[Mention], pos: int, norm: str, kinds) -> list[Mention]:
        skipped = ""
        for m in reversed(ms):
            if m.end > pos or m.in_title:
                continue
            if m.kind in kinds or m.kind == "place":
                gap = norm[m.end : pos]
                if skipped:
                    gap = gap.replace(skipped, " ")
                if len(gap.split()) > 3 or re.search(r"[.;:]", gap):
                    return self._relative_antecedent(ms, pos, norm, kinds)
                lead = _FUND_BEFORE.search(norm[max(0, m.start - 45) : m.start])
                if lead and not self._governed(_FUND_BEFORE, norm, m, ms, reach=45):
                    lead = None  # "За підтримки ЄС ПРООН реалізує …": the phrase's own donor stands between
                first = m
                if not lead:
                    # rule ``coordinated-funders-skipped``: "ПРООН за фінансової підтримки урядів Нідерландів та
                    # Данії реалізує": the last of coordinated funders belongs to the funding phrase too
                    prev = next((x for x in reversed(ms) if x.end <= m.start and not x.in_title), None)
                    if (
                        prev is not None
                        and prev.kind in ("donor", "country")
                        and _COORD_GAP.fullmatch(norm[prev.end : m.start])
                        and re.search(r"(?<![\w])(?:та|і|й|и|and)(?![\w])", norm[prev.end : m.start])
                    ):
                        lead = _FUND_BEFORE.search(norm[max(0, prev.start - 45) : prev.start])
                        first = prev
                if lead:
                    # "ГО «X» за підтримки фонду Y реалізує": Y supports, X acts
                    skipped = norm[first.start - len(lead.group()) : m.end]
                    continue
                if m.kind == "place":
                    continue
                return self._coordinated_before(ms, m, norm, kinds)
        return self._relative_antecedent(ms, pos, norm, kinds)

    def _donor_in_name(self, m: Mention, norm: str, ev: Evidence) -> None:
        """Rule ``donor-in-latin-name``: "USAID HOVERLA Activity", "the USAID DOBRE Program": the programme's name
        as written holds (or right before it stands) the acronym of the donor the registry knows as its funder, so
        the name itself says who funds it; in Latin script that donor is no separate mention."""
        written = norm[m.start : m.end]
        if not m.reg.donors or not is_latin(written):
            return
        for did in m.reg.donors:
            d = self.reg.by_id.get(did)
            if d is None or d.type != "Donor" or self._has(d.key, "funds", m.key):
                continue
            names = [n for n in (*d.acronyms, d.label_en or "") if n and n.isascii() and len(n) >= 2]
            before = norm[max(0, m.start - 60) : m.start]
            if any(
                re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", written)
                or re.search(rf"(?<![\w-]){re.escape(n)}(?:['’]s)?\s+$", before)
                for n in names
            ):
                ent = Entity(d.key, d.type, d.label, d.label_en, {*d.names, *d.acronyms, d.label}, dict(d.identifiers))
                ent.mentions = [ev]
                self._ent(ent)
                self._rel(d.key, "funds", m.key, ev)

    def _coordinated_before(self, ms: list[Mention], last: Mention, norm: str, kinds) -> list[Mention]:
        """The agent before a verb with those coordinated before it: "Sweden and the EU fund ...",
        "ЄС та Швеція фінансують ...", "Дания и Швеция финансируют ..." (each of them is a subject)."""
        out = [last]
        for m in reversed(ms):
            if m.end > out[-1].start or m.in_title:
                continue
            if m.kind not in kinds or not (
                _COORD_GAP.fullmatch(norm[m.end : out[-1].start]) or _CHANNEL_GAP.fullmatch(norm[m.end : out[-1].start])
            ):
                break
            if _FUND_BEFORE.search(norm[max(0, m.start - 45) : m.start]):
                break  # "On behalf of the Government of Switzerland, the East Europe Foundation runs …": no subject
            out.append(m)
        return out[::-1]

    def _role_frame(self, st: _Sent, inits, topic: str | None) -> None:
        """Rule ``role-copula``: "Донором проєкту «X» є ЄС", "ЄС виступає донором проєкту «X»", "Партнерами
        проєкту стали ПРООН та Швейцарія" (a role noun, a copula, the agent on its other side)."""
        norm, ev, ms = st.s.norm, st.ev, st.mentions
        for rf in role_frames(norm):
            after = [m for m in inits if m.start >= rf.target_from]
            named = after[0] if after and after[0].start - rf.target_from <= 40 else None
            earlier = [m for m in inits if m.end <= rf.target_from]
            # no initiative after the role noun: the one this sentence named before it, else (unless only that one
            # will do: "…, а донором виступає ЄС") the topic
            if named or earlier:
                target = (named or earlier[-1]).key
            else:
                target = None if rf.earlier_only else topic
            if not target:
                continue
            if rf.agents_before >= 0:
                agents = self._agents_before(ms, rf.agents_before, norm, kinds=("donor", "org", "country"))
            else:
                cop = copula_after(norm, named.end if named else rf.target_from)
                if cop is None:
                    continue
                agents = self._agents_after(ms, cop, norm, kinds=("donor", "org", "country"))
            for a in agents:
                if a.kind == "init" or a.key == target:
                    continue
                if a.kind == "country" and norm[: a.start].rstrip().endswith("("):
                    continue  # "муніципалітет Констанци (Румунія)": the partner's country, not an agent
                if a.kind == "country" or (rf.predicate == "funds" and a.kind in ("donor", "org")):
                    self._rel(a.key, "funds", target, ev)  # a state named as a partner pays
                elif a.kind in ("donor", "org"):
                    self._rel(a.key, "implements", target, ev)

    def _agreement_frame(self, st: _Sent, inits, containers, topic) -> None:
        """Rule ``agreement-parties``: a donor that signs an agreement about an initiative takes part in it.

        "Угоду про фінансування проєкту «X» підписали KfW та міська рада"; "У рамках Програми X між ОДА та
        компанією GIZ підписано угоду". The initiative is the one the agreement is about (named after the
        agreement noun), else the framework the sentence is within, else the paragraph's current one. A
        development bank, a state or the EU, or any party to an agreement about money, funds; an agency or
        organisation carries out."""
        norm, ms = st.s.norm, st.mentions
        between = next((m for m in inits if re.match(r"\s*між\s", norm[m.end : m.end + 8])), None)
        if between is not None:
            # "У рамках Програми з екстреного відновлення між JICA та Урядом України": the parties of the programme
            close = re.search(r"[.;:!?]|,\s*(?!та|і|й)", norm[between.end + 5 :])
            stop = between.end + 5 + (close.start() if close else len(norm))
            parties = [
                m
                for m in ms
                if m.kind == "donor" and not m.in_title and m.reg is not None and between.end < m.start < stop
            ]
            target = between.key
        else:
            act = _SIGNED_ACT.search(norm)
            if act is None or not _SIGNING.search(norm):
                return
            parties = [m for m in ms if m.kind == "donor" and not m.in_title and m.reg is not None]
            named = [(m.start, m.end) for m in ms if m.kind == "donor" and m.start >= act.end()]
            # "угоду з Північною екологічною фінансовою корпорацією (НЕФКО) про реалізацію проєкту «X»": the
            # party's own name between the agreement and its subject does not count as distance
            about = [
                m
                for m in inits
                if m.start >= act.end()
                and m.start - act.end() - sum(b - a for a, b in named if b <= m.start) <= 60
                and m.key not in self.supporters
            ]
            within = [k for k, how in containers.items() if how == "within"]
            target = about[0].key if about else (within[0] if within else topic)
        if not parties:
            return
        if target is None:
            return
        money = bool(_MONEY_AGREEMENT.search(norm))
        for m in parties:
            if m.key == target or any(self._has(m.key, p, target) for p in ("funds", "implements")):
                continue
            if _FUND_BEFORE.search(norm[max(0, m.start - 45) : m.start]):
                continue  # "за підтримки ЄС": the cue frame has spoken
            funder = money or m.reg.kind in ("development_bank", "government", "eu_body", "bilateral")
            self._rel(m.key, "funds" if funder else "implements", target, st.ev)

    def _joint_lead(self, ms: list[Mention], pos: int, norm: str) -> Mention | None:
        """The donor or organisation a "разом з / in partnership with" phrase hangs on: "UNDP, in partnership
        with the EU, opened ..." — the name right before it (a comma or its acronym in brackets between)."""
        for m in reversed(ms):
            if m.end > pos or m.in_title:
                continue
            if m.kind in ("donor", "org") and re.fullmatch(r"[\s)]*(?:\([^()]{1,40}\))?[\s)]*,?\s*", norm[m.end : pos]):
                return m
            if m.kind == "place" and any(o.kind == "org" and o.start <= m.start and m.end <= o.end for o in ms):
                continue  # rule ``council-joint-lead``: "Житомирська міська рада спільно з GIZ": the council's town
            if m.kind not in ("place", "country"):
                return None
            break
        # "Агенція регіонального розвитку Полтавської області спільно з ПРООН ...": a name without quotes
        return self._unquoted_org_before(ms, norm, pos)

    def _relative_antecedent(self, ms: list[Mention], pos: int, norm: str, kinds) -> list[Mention]:
        """The subject of a relative clause's verb is the name the clause hangs on: "з дитячим фондом ООН
        (ЮНІСЕФ), який разом із Міністерством освіти запустив проєкт «X»" — UNICEF launched it."""
        lo = max(0, pos - 120)
        rel = None
        for rm in re.finditer(r",\s*(?:який|яка|яке|які|котор(?:ый|ая|ое|ые)|that|which|who)\s", norm[lo:pos]):
            rel = rm
        if rel is None or re.search(r"[.;:!?]", norm[lo + rel.end() : pos]):
            return []
        at = lo + rel.start()
        for m in reversed(ms):
            if m.end > at or m.in_title:
                continue
            if m.kind in kinds and re.fullmatch(r"(?:\s*\([^()]{1,40}\))?[\s)]*", norm[m.end : at]):
                return [m]  # "фондом ООН (ЮНІСЕФ), який": the name or its acronym in brackets
            break
        return []

    def _target(self, inits, pos: int, exclude: set[str], containers, prefer_before: bool = True) -> str | None:
        before = [m for m in inits if m.end <= pos and m.key not in exclude and m.key not in containers]
        after = [m for m in inits if m.start >= pos and m.key not in exclude and m.key not in containers]
        if before and prefer_before:
            return before[-1].key
        if after:
            return after[0].key
        if before:
            return before[-1].key
        # the only initiative named is the framework one ("у межах проєкту X" after a cue): it is the target
        rest = [m for m in inits if m.key not in exclude]
        if rest:
            near = [m for m in rest if m.end <= pos]
            return (near[-1] if near else rest[0]).key
        return None

    def _rels_of(self, subject: str) -> list[Relation]:
        return [rel for (sub, _p, _o), (rel, _seen) in self._rel_index.items() if sub == subject]

    def _has(self, s: str, p: str, o: str) -> bool:
        return (s, p, o) in self._rel_index

    def _programme_lists(self) -> None:
        """Rule ``programme-list``: "ВІДКРИТІ КОНКУРСИ Програми USAID АГРО:" and one bulleted item per line: each
        initiative an item names is part of the programme the lead-in names. The list ends at a line that is no
        item (the item's own further sentences, on its line, belong to it)."""
        lead: str | None = None
        last_end = 0
        inside = {sub for sub, pred, _obj in self._rel_index if pred == "partOf"}  # already part of something
        for st in self.sents:
            norm = st.s.norm
            inits = [m for m in st.mentions if m.kind == "init" and not m.in_title]
            on_item_line = "\n" not in self.text[last_end : st.s.start]
            if norm.rstrip().endswith(":") and _LIST_LEAD.search(norm):
                progs = {m.key for m in inits if m.type == "Program"}
                lead = progs.pop() if len(progs) == 1 and len(inits) == 1 else None
            elif lead is not None and _BULLET.match(norm):
                for m in inits:
                    if m.key != lead and m.key not in inside:
                        self._rel(m.key, "partOf", lead, st.ev)
                        inside.add(m.key)
            elif lead is not None and not on_item_line:
                lead = None
            last_end = st.s.end

    def _after_partof(self, norm: str, m: Mention) -> bool:
        """True when a "в межах/у рамках" cue stands right before the initiative (it is the framework)."""
        return bool(re.search(r"(?:рамках|межах|складі)\s+[\w\s'-]{0,40}$", norm[max(0, m.start - 50) : m.start]))

    def _relative_target(self, inits, pos: int, norm: str, exclude: set[str], loose: bool = False) -> str | None:
        """ "програми X, яку впроваджує GIZ": a relative pronoun before the cue points at the initiative before it."""
        window = norm[max(0, pos - (90 if loose else 14)) : pos]
        rx = r"[»\w)]\s*,?\s*(?:який|яка|яке|які|якого|якої|яку|що|котор(?:ый|ая|ое|ые|ого|ой|ую)|что)\s*" + (
            r"[^,;]*$" if loose else r"$"
        )
        if not re.search(rx, window):
            return None
        before = [m for m in inits if m.end <= pos and m.key not in exclude]
        return before[-1].key if before else None

    def _cue(self, st: _Sent, cm, value: str, pred: str, inits, containers, topic) -> None:
        norm, ev, ms = st.s.norm, st.ev, st.mentions
        if pred == "funds" and value in ("active", "passive") and self._programme_pays(st, cm, value, inits):
            return
        if value == "joint":
            agents = [
                a for a in self._agents_after(ms, cm.end(), norm, kinds=("donor", "org", "country")) if a.kind != "init"
            ]
            # rule ``joint-government-funds``: "у партнерстві з Урядом Японії", "in partnership with the EU": a
            # government or the EU joins with its money, as a state does (a bank may only advise)
            states = [a for a in agents if a.kind == "country" or getattr(a.reg, "kind", "") in _PAYERS]
            agents = [a for a in agents if a not in states]
            target = self._target(inits, cm.start(), {a.key for a in agents}, containers, prefer_before=False) or topic
            lead = self._joint_lead(ms, cm.start(), norm)
            if lead is not None and target and lead.key != target:
                # "ПРООН у партнерстві з ЄС відкрила офіс": the subject before the phrase acts too
                self._apply_cue([lead], target, "active", "implements", ev)
            if states and target:
                self._apply_cue(states, target, "active", "funds", ev)  # "у партнерстві з Данією": a state pays
        elif value in ("active",):
            before_text = norm[max(0, cm.start() - 40) : cm.start()]
            relative = re.search(
                r"(?:який|яка|яке|які|якого|якої|яку|що|котор\w+|что)\s*,?\s*(?:[\w'-]+\s+)?$", before_text
            )
            antecedent = None
            if relative is None:
                # "ініціативи «X», яку Міністерство розвитку громад, територій та інфраструктури реалізує": a
                # relative pronoun before a subject of many words; the initiative before the pronoun is the object
                first = self._agents_before(ms, cm.start(), norm, kinds=("donor", "org", "country"))
                if first:
                    lead = min(a.start for a in first)
                    relative = re.search(
                        r"(?:який|яка|яке|які|якого|якої|яку|що|котор\w+|что)\s*,?\s*$", norm[max(0, lead - 20) : lead]
                    )
                    if relative is not None:
                        before = [m for m in inits if m.end <= lead and m not in first]
                        antecedent = before[-1].key if before else None
            bare_object = re.search(
                r"(?<![\w])(?:проє?кт|програм|ініціатив)\w*\s+(?:[\w'-]+\s+)?$", before_text, re.IGNORECASE
            )
            ovs = (
                relative
                or bare_object
                or re.search(r"(?<![\w])(?:а|та|і|й)\s*$", before_text)
                or re.match(r"\s+(?:про[єе]?кт|програм)\w*\s+(?=[A-ZА-ЯІЇЄҐ])", norm[cm.end() :])
            )  # "фінансує проєкт ЮНІСЕФ": the object, then its subject
            if bare_object and topic and pred == "implements":
                # rule ``project-as-agent``: "Ініціативу реалізує проєкт «SURGe», який …": an initiative carried
                # out by another one named right after the verb is part of it
                nxt = next((m for m in inits if m.start >= cm.end()), None)
                if (
                    nxt is not None
                    and nxt.key != topic
                    and nxt.start - cm.end() <= 60
                    and not re.search(r"[,.;:!?]", norm[cm.end() : nxt.start])
                    and not self._has(nxt.key, "partOf", topic)
                ):
                    self._rel(topic, "partOf", nxt.key, ev)
            modifiers = {id(x) for m in inits for x in m.mods}
            after_agents = [
                a
                for a in self._agents_after(ms, cm.end(), norm)
                if (a.kind != "init" or (a.extra or {}).get("team")) and id(a) not in modifiers
            ]
            before_agents = self._agents_before(
                ms, cm.start(), norm, kinds=("donor", "org", "country") if pred == "funds" else ("donor", "org")
            )  # "Швейцарія інвестує ...": the state itself as the funder
            if modifiers and any(id(a) in modifiers for a in before_agents):
                # rule ``modifier-not-subject``: "Проєкт ЄС «X» впроваджує NEFCO": the donor named with the title is
                # the title's, the verb's agent follows it
                before_agents = [a for a in before_agents if id(a) not in modifiers]
            if pred == "implements":
                # "Завдяки ЄС громада реалізувала проєкт «X»": who is thanked paid; the community carried it out
                # rule ``money-owner-not-agent``: "Коштом ЄІБ у Житомирі реалізують проєкт «X»": whose money or loan
                # it is pays; it is not who carries the work out. "За підтримки ЄС ПРООН реалізує …": the word between
                # the cue and the agent is another agent's name, so the agent after it is the verb's subject
                before_agents = [
                    a
                    for a in before_agents
                    if not self._governed(_THANKED, norm, a, ms) and not self._governed(_MONEY_OWNER, norm, a, ms)
                ]
            if (
                before_agents
                and after_agents
                and _aside(norm, before_agents[0].start, before_agents[-1].end, cm.start())
            ):
                # rule ``aside-agent``: "Проєкт «X», ініційований ГО «Y», фінансує ЄС", "(виконавець – ГО «Y»)
                # фінансує ЄС": the name in the aside belongs to it; the verb's agent follows the verb
                before_agents = []
            agents = (after_agents or before_agents) if ovs else (before_agents or after_agents)
            pronoun = None if agents else _PRONOUN_SUBJECT.fullmatch(norm, 0, cm.start())
            if pronoun is not None:
                agents = self._pronoun_antecedent(st, pronoun.group("p"))
            target = None
            if relative:
                target = antecedent or self._relative_target(
                    inits, cm.start(), norm, {a.key for a in agents}, loose=True
                )
            if target is None and bare_object and topic:
                target = topic  # "Програму реалізує компанія X", "проєкт фінансує Уряд Японії"
            if not agents and not norm[: cm.start()].strip(" -•*–"):
                # rule ``verb-first``: "Впроваджує проєкт «X» ГО «Y»": the verb opens the sentence, its object and
                # then its agent follow
                obj = next((m for m in inits if m.start >= cm.end()), None)
                if obj is not None and _ROLE_OF.fullmatch(norm[cm.end() : obj.start]):
                    agents = [a for a in self._agents_after(ms, obj.end, norm) if a.kind != "init"]
                    if agents:
                        target = obj.key
            if target is None and agents and agents is after_agents and not before_agents:
                # rule ``object-before-verb``: "Проєкт «X» реалізує ГО «Y» за підтримки проєкту «Z»": the agent
                # follows the verb, so the initiative before the verb is its object
                ahead = [m for m in inits if m.end <= cm.start() and m.key not in containers and m not in agents]
                target = ahead[-1].key if ahead else None
            if target is None:
                target_list = [
                    m for m in inits if m.start >= cm.end() and m not in agents and not self._after_partof(norm, m)
                ]
                target = target_list[0].key if target_list else self._target(inits, cm.start(), set(), containers)
            if target is None:
                target = topic
        elif value == "through":
            # rule ``through-initiative``: "Canada, through the CLIR project, supports …", "ЄС через програму
            # «U-LEAD» підтримує …": the donor before the phrase pays for the initiative it names
            agents = self._agents_before(ms, cm.start(), norm, kinds=("donor", "country"))
            agents = agents[-1:] if agents and re.fullmatch(r"[\s,]*", norm[agents[-1].end : cm.start()]) else []
            after = [m for m in inits if m.start >= cm.end() and m.start - cm.end() <= 40]
            target = after[0].key if after else None
        elif value == "recipient":
            # rule ``grant-recipient-implements``: "ГО «X» отримала грант ЄС на реалізацію проєкту «Y»": the
            # recipient before the verb carries Y out (the donor after it pays, by the money cue)
            agents = [a for a in self._agents_before(ms, cm.start(), norm) if a.kind != "init"]
            after = [m for m in inits if m.start >= cm.end() and m not in agents]
            target = after[0].key if after else None
        elif value == "organiser":
            agents = self._agents_after(ms, cm.end(), norm)
            chosen = None if agents else _CHOSEN.match(norm, cm.end())
            if chosen:  # "Консультантом з управління проєктом обрано компанію X"
                agents = self._agents_after(ms, chosen.end(), norm)
            agents = [a for a in agents if a.kind != "init"]
            lead = next((m for m in inits if m.start >= cm.end()), None)
            if not agents and lead is not None and _ROLE_OF.fullmatch(norm[cm.end() : lead.start]):
                # "Виконавець проєкту «X» — ГО «Y»", "Реалізатором програми «X» є Y": the agent after the name
                link = _ROLE_LINK.match(norm, lead.end)
                agents = self._agents_after(ms, link.end(), norm) if link else []
            agents = [a for a in agents if a.kind != "init"]
            conts = [m for m in inits if m.start > cm.end()]
            target = conts[0].key if conts else topic
        else:
            agents = self._agents_after(ms, cm.end(), norm)
            if value == "launch" and not any(a.kind != "init" for a in agents):
                agents = self._agents_before(ms, cm.start(), norm, kinds=("donor",))  # "X запустив проєкт «Y»"
            if pred == "implements" and agents and agents[0].kind == "init":
                return  # "впроваджується проєкт «X»": the project itself, not an implementer
            if pred == "implements" and value == "passive":
                # "реалізується при фінансовій підтримці компанії ДТЕК": the agent belongs to the funding cue
                # between them, not to the implementing verb
                fund = cue_regex_in("fund", norm)
                agents = [a for a in agents if not fund.search(norm, cm.end(), a.start)]
            agent_keys = {a.key for a in agents}
            # "програми «Y», яка фінансується ЄС": the relative clause belongs to the nearest name
            target = self._relative_target(inits, cm.start(), norm, agent_keys)
            if target is None:
                target = self._target(inits, cm.start(), agent_keys, containers)
            if target is None and value == "launch":
                after = [m for m in inits if m.start >= cm.end() and m.key not in agent_keys]
                target = after[0].key if after else None
            if target is None:
                target = topic
        if not target:
            if pred == "funds":
                # rule ``paying-org-kept``: "Японський фонд «Ніппон» профінансував закупівлю обладнання": an
                # organisation that pays or hands aid over is a donor the reader lists, with no initiative named
                self._paying_orgs |= {a.key for a in agents if a.kind == "org" and _named_body(a)}
            if pred == "funds" and any(a.kind in ("donor", "country") for a in agents):
                # "Швейцарія інвестує 18,5 млн франків." and no initiative yet: the money's
                # destination may follow ("Кошти спрямують на проєкт DECIDE")
                if self._unplaced is None or self._unplaced[3] != st.s.index:
                    # the sentence's first funding frame stands ("ПРООН за підтримки Японії передала генератори":
                    # Японія pays; the agency that handed them over does not become a funder too)
                    self._unplaced = (agents, value, pred, st.s.index)
            return
        targets = [target]
        if (
            topic
            and topic != target
            and value in ("active", "passive")
            and re.match(r"\s*(?:[-•*]\s*)?проє?кт\w*\s+(?!«)", norm, re.I)
            and not any(m.type == "Project" and m.start < cm.start() for m in inits)
            and self.ex.entities.get(topic) is not None
            and self.ex.entities[topic].type == "Project"
            and self._has(topic, "partOf", target)
        ):
            targets.append(topic)  # "Проєкт напряму «…» програми Erasmus+ фінансує ЄС": the project named above too
        tm = next((m for m in inits if m.key == target), None)
        if tm is not None and tm.found is not None and tm.found.group >= 0:
            group = [m for m in inits if m.found is not None and m.found.group == tm.found.group]
            inside = any(m.start > cm.start() for m in group) and any(m.end <= cm.start() for m in group)
            # "«A» (ЄІБ) та «B»", "«A» за підтримки ЄІБ і «B», який фінансує Світовий банк": words between the
            # titles tell each title's own donors; a cue after such a list is the last title's
            own_words = any(
                not re.fullmatch(r"[\s,;]*(?:(?:та|і|й|and|и)\s*)?", norm[a.end : b.start])
                for a, b in zip(group, group[1:], strict=False)
            )
            if not inside and not own_words:
                # "проєкти «A», «B» фінансує ЄС": the cue outside the list speaks of every title; one inside it
                # ("«A» (донор – ЄС) та «B» (донор – Уряд Канади)") only of the title it follows
                targets += [m.key for m in group if m.key != target]
        for target in targets:
            self._apply_cue(agents, target, value, pred, ev)

    def _programme_pays(self, st: _Sent, cm, value: str, inits) -> bool:
        """Rule ``programme-pays``: "Програма «Interreg NEXT» фінансує проєкт «X»", "Проєкт «X» фінансується
        програмою «Y»": a programme as the funding verb's agent holds the project; X is part of Y."""
        norm = st.s.norm
        if value == "active":
            agent = next((m for m in reversed(inits) if m.end <= cm.start()), None)
            gap = norm[agent.end : cm.start()] if agent is not None else "-"
            project = next((m for m in inits if m.start >= cm.end()), None)
            between = norm[cm.end() : project.start] if project is not None else "-"
        else:
            agent = next((m for m in inits if m.start >= cm.end()), None)
            gap = norm[cm.end() : agent.start] if agent is not None else "-"
            project = next((m for m in reversed(inits) if m.end <= cm.start()), None)
            between = norm[project.end : cm.start()] if project is not None else "-"
        if (
            agent is None
            or project is None
            or agent.type != "Program"
            or project.type != "Project"
            or agent.key == project.key
            or gap.strip(" ,")
            or not re.fullmatch(r"[\s,]*(?:(?:який|що|яка)\s+)?", between)
        ):
            return False
        if not self._has(project.key, "partOf", agent.key):
            self._rel(project.key, "partOf", agent.key, st.ev)
        return True

    def _apply_cue(self, agents, target: str, value: str, pred: str, ev: Evidence) -> None:
        for a in agents:
            if a.kind == "init" and a.key != target and pred == "implements" and (a.extra or {}).get("team"):
                # rule ``project-team-implements``: "кампанія «X», яку реалізує команда проєкту «Y»": X is Y's work
                if not self._has(a.key, "partOf", target):
                    self._rel(target, "partOf", a.key, ev)
                continue
            if a.kind == "init" and a.key != target:
                self.supporters.add(a.key)  # "за підтримки проєкту X": X helps, it is not the subject
            if a.key == target or a.kind == "init":
                continue
            if pred == "funds":
                if (
                    ev is getattr(self, "_cur_ev", None)
                    and a.kind == "donor"
                    and getattr(a.reg, "kind", "") in _CARRIES_OUT
                    and _CHANNEL.search(getattr(self, "_cur_norm", ""), max(0, a.start - 12), a.start)
                ):
                    # rule ``channel-agency-implements``: "Уряд Японії через ПРООН надав 2 млн доларів": a UN agency
                    # or implementer the money goes through carries the initiative out; the state pays
                    self._rel(a.key, "implements", target, ev)
                elif value == "launch" and a.kind == "donor" and getattr(a.reg, "kind", "") in _CARRIES_OUT:
                    # rule ``agency-launch-implements``: "ПРООН запустила проєкт «X»": a UN agency or implementer
                    # that starts an initiative runs it (who pays is said elsewhere, or by its own funds)
                    self._rel(a.key, "implements", target, ev)
                elif a.kind in ("donor", "country") or (
                    a.reg is None and a.kind == "org" and value in ("active", "passive")
                ):
                    self._rel(a.key, "funds", target, ev)
                elif (
                    a.kind == "org"
                    and a.reg is None
                    and value in ("support", "money")
                    and a.found is not None
                    and _FUND_HEAD.search(a.found.trigger or "")
                ):
                    # rule ``foundation-supports-funds``: "за підтримки фонду «Відкрита громада»": a foundation that
                    # supports an initiative pays for it (another organisation's support may be advice or work)
                    self._rel(a.key, "funds", target, ev)
                elif a.reg is not None and value in ("support", "commission", "passive", "money"):
                    self._rel(a.key, "implements", target, ev)
                elif a.kind == "org" and value == "launch":
                    # rule ``org-launch-implements``: "проєкт «X», ініційований ГО «Y»": an organisation (no donor)
                    # that starts an initiative carries it out
                    self._rel(a.key, "implements", target, ev)
            else:
                if a.kind in ("donor", "org"):
                    self._rel(a.key, "implements", target, ev)

    # ------------------------------------------------------------ places

    def _place_mentions(self, st: _Sent, partners: bool = False) -> list[Mention]:
        norm = st.s.norm
        ms = [
            m
            for m in st.mentions
            if m.kind == "place"
            and m.type in ("Community", "PartnerCity")
            and not _RIVER_BEFORE.search(norm[max(0, m.start - 60) : m.start])
            and not (m.extra or {}).get("locator")
        ]
        dateline = _DATELINE.match(norm)
        if dateline:  # "KYIV, March 3, 2023 – USAID announced ...": where the release was written, not the site
            ms = [m for m in ms if m.start >= dateline.end()]
        out = []
        for m in ms:
            p = m.place
            # an oblast or raion that only qualifies another place: "Менської громади Чернігівської області",
            # "5 громад Луганської області (Сєвєродонецьк, ...)", "міста Луганської області: A, B"
            if p is not None and p.category in ("oblast", "raion"):
                children = [x for x in ms if x is not m and x.place is not None and m.key in x.place.parents]
                if any(
                    (
                        0 <= m.start - x.end <= 40
                        and not re.search(r",|(?<![\w])(?:та|і|й)(?![\w])", norm[x.end : m.start])
                    )
                    or (
                        x.start > m.end
                        and re.match(r"[^,;.]{0,25}[:(]", norm[m.end : x.start])
                        and not _SITE_PREP.search(norm[max(0, m.start - 8) : m.start])
                    )
                    for x in children
                ):
                    continue
            if m.role == "council" and p is not None and p.category in ("oblast", "raion") and not partners:
                continue
            if partners and m.role == "institution":
                continue  # "Драбівський ліцей співпрацює з ліцеєм у Кракові": schools, not the towns, are partners
            if partners and m.role == "oblast-list":
                continue  # oblasts listed in a partnership sentence take part; they are not the partners
            if partners and m.type == "PartnerCity" and _EVENT_VENUE.search(norm[max(0, m.start - 90) : m.start]):
                # rule ``event-venue-not-partner``: "на форумі громад у Ряшеві … підписали угоди з …": the town abroad
                # where a forum or conference was held is not a partner by being its venue
                continue
            out.append(m)
        return out

    def _locations(self, st: _Sent, inits, containers, topic, partner_sentence: set) -> list[Mention]:
        """Sites of the initiatives in a sentence; returns the places left without an initiative."""
        ev = st.ev
        places = self._place_mentions(st)
        # a place inside an initiative's own name
        for x in st.mentions:
            if x.kind in ("place", "title-place") and x.in_title and x.type in ("Community", "PartnerCity"):
                if x.kind == "title-place" and x.key not in self.ex.entities:
                    continue
                owner = self.ex.entities.get(x.in_title)
                if owner is not None and owner.type in ("Program", "Project"):
                    self._rel(x.in_title, "locatedIn", x.key, ev)
        # rule ``facility-item-site``: "ДНЗ №3 «Зірочка» у Шполі;" under "… об'єктів у межах Програми «X»:": the
        # facility a list item names is one of the programme's objects, its town the programme's site
        item_site = bool(topic and not inits and self._line_item(st))
        free = [
            p
            for p in places
            if not p.in_title
            and (not self._org_address(st, p) or (item_site and self._org_address(st, p, facility=True)))
            and not _venue_abroad(st.s.norm, p)
            and not _ORG_SCOPE.search(st.s.norm, max(0, p.start - 80), p.start)
        ]
        if not free:
            return []
        if partner_sentence and not inits and not (st.coref or st.bare_trigger):
            return []
        orphans = []
        cands = [m for m in inits if m.type in ("Program", "Project")]
        paired = {k for pair in partner_sentence for k in pair} if partner_sentence else set()
        for p in free:
            if p.key in paired and not (st.coref or st.bare_trigger):
                continue  # a partner city of a partnership is not a project site
            target = None
            if cands:
                inner = [m for m in cands if m.key not in containers] or cands
                target = min(inner, key=lambda m: _distance(m, p)).key
            elif topic and p.role != "oblast-list":
                target = topic
            if target and target in self.ex.entities and self.ex.entities[target].type in ("Program", "Project"):
                self._rel(target, "locatedIn", p.key, ev)
            else:
                orphans.append(p)
        return orphans

    def _org_address(self, st: _Sent, p: Mention, facility: bool = False) -> bool:
        """ "Університет «Дунареа де Жос» у Галаці": the place where an organisation sits, not a project site.
        With ``facility``, only a school, kindergarten, hospital or the like counts (an object a programme builds)."""
        norm = st.s.norm
        for x in st.mentions:
            if x.kind == "org" and x.end <= p.start and x.found is not None and x.found.trigger not in ("latin",):
                if facility and not _FACILITY_TRIGGER.match(x.found.trigger or ""):
                    continue
                if re.fullmatch(r"\s*(?:у|в)\s+(?:м\.\s*|місті\s+)?", norm[x.end : p.start]):
                    return True
                if re.fullmatch(r"[»\"]?\s*\(\s*(?:м\.\s*)?", norm[x.end : p.start]) and re.match(
                    r"\s*\)", norm[p.end :]
                ):
                    return True  # "ГО «Екодія» (Київ)": the organisation's seat in brackets
        return False

    def _short_line(self, st: _Sent) -> bool:
        """The sentence is on a short line of its own, whole or split at an abbreviation ("гімназія ім. С.Д. …")."""
        text, a, b = self.text, st.s.start, st.s.end
        lo, hi = text.rfind("\n", 0, a) + 1, text.find("\n", b)
        return (hi if hi >= 0 else len(text)) - lo <= 150

    def _line_item(self, st: _Sent) -> bool:
        """The sentence is one short line of its own (a table row or list item without a bullet)."""
        return st.s.end - st.s.start <= 100 and self._whole_line(st)

    def _own_heading(self, st: _Sent) -> bool:
        """A digest's section heading in words ("Медицина", "Освіта і культура"): a short line without end
        punctuation or names, a paragraph of its own (so no project card's label line)."""
        norm = st.s.norm.strip()
        if st.mentions or len(norm) > 40 or len(norm.split()) > 4 or not norm[:1].isupper() or norm[-1:] in ".!?;:,":
            return False
        i = st.s.index
        alone = (i == 0 or self.sents[i - 1].s.paragraph != st.s.paragraph) and (
            i + 1 >= len(self.sents) or self.sents[i + 1].s.paragraph != st.s.paragraph
        )
        return alone and not _FIELD_LINE.match(norm)

    def _whole_line(self, st: _Sent) -> bool:
        """The sentence starts and ends a line of the text."""
        text, a, b = self.text, st.s.start, st.s.end
        return (a == 0 or text[a - 1] in "\n>") and (b >= len(text) or text[b] in "\n<")

    def _partners(self, st: _Sent, listed: bool = False) -> set[tuple[str, str]]:
        """Partnerships stated in a sentence; ``listed``: the sentence continues a "Міста-побратими:" heading."""
        norm, ev = st.s.norm, st.ev
        signed_abroad = False
        self._note_card_home(st)
        if not listed and not st.partner_cue:
            # rule ``agreement-abroad``: "Вінницька міська рада та муніципалітет Кельце підписали меморандум": an
            # agreement between a Ukrainian community and a town abroad is a partnership without "співпраця"
            if not _SIGNED_ACT.search(norm):
                return set()
            signed_abroad = True
        if _PROJECT_PARTNER.search(norm) and not _TWINNING.search(norm):
            return set()  # "партнерами проєкту виступили громади ...": participants, not twin cities
        if _NO_PARTNERSHIP.search(norm):
            return set()  # rule ``no-partnership``: "Угоди про партнерство між Вінницею та Цюрихом наразі немає"
        places = self._place_mentions(st, partners=True)
        places = [p for k, p in enumerate(places) if not self._oblast_locates(places, k, norm)]
        # rule ``venue-is-no-partner``: "На форумі у Львові мер Луцька підписав угоду з президентом Любліна": a
        # Ukrainian town named as where it happened is no side of the agreement another Ukrainian town signs
        venues = [p for p in places if p.type == "Community" and _AT_TOWN.search(norm, max(0, p.start - 4), p.start)]
        if venues and any(p.type == "Community" and p not in venues for p in places):
            places = [p for p in places if p not in venues]
        if not places:
            return set()
        if signed_abroad and not self._signed_with(places, norm):
            return set()
        segments = re.split(r",?\s+а\s+також\s+|;\s+", norm)
        bounds = []
        pos = 0
        for seg in segments:
            i = norm.find(seg, pos)
            bounds.append((i, i + len(seg)))
            pos = i + len(seg)
        bounds = self._gapped_clauses(norm, places, bounds)
        # "… з регіоном Пеї-де-ла-Луар, а департамент Атлантична Луара виділив кошти": a clause after ", а" has
        # a subject of its own; its places are partners only by a partnership cue of its own
        contrast = next(
            (
                m.start()
                for m in _CONTRAST.finditer(norm)
                if not cue_regex_in("partner", norm).search(norm, m.end())
                and not re.search(r"\s(?:з|із|зі|с)\s", norm[m.end() :])
            ),
            None,
        )
        pairs = set()
        owner_back = self._possessive_owner(st, places)
        headline = None
        if self.headline_heads:
            at = max((i for i in self.headline_heads if i <= st.s.index), default=None)
            headline = self.headline_heads[at] if at is not None else None
        lead_ua = None  # "Партнерами Ніжинської громади є: місто Лович …; місто Кутно …": the list runs on
        # rule ``row-community``: "Ковельська міська територіальна громада; Хелм; Польща; угода 1996": a row's own
        # community, alone in its first field, is the community of the partner in the next ones (not the page's)
        row_ua = None
        for n, (a, b) in enumerate(bounds):
            group = [p for p in places if a <= p.start < b and (contrast is None or p.start < contrast)]
            ua = [p for p in group if p.type == "Community"]
            foreign = [p for p in group if p.type == "PartnerCity"]
            if n == 0 and len(ua) == 1 and not foreign and not self._is_oblast(ua[0].key) and len(bounds) > 1:
                row_ua = ua[0]
            if ua and foreign:
                pairs |= self._clause_pairs(norm, group)
                if lead_ua is None and ua[0].start < min(f.start for f in foreign):
                    lead_ua = ua[0]
            elif foreign and not ua and lead_ua is not None:
                pairs |= {
                    (lead_ua.key, f.key)
                    for f in foreign
                    if not re.search(
                        r"(?:^|\s)(?:у|в|на|in)\s+(?:м\.\s*|місті\s+)?$", norm[max(0, f.start - 12) : f.start]
                    )
                }
            elif (
                ua
                and not foreign
                and lead_ua is not None
                and _ITEM_LEAD.fullmatch(norm, a, ua[0].start)
                and _RUN_END.fullmatch(norm, ua[-1].end, b)
                and all(_LIST_GAP.fullmatch(norm, x.end, y.start) for x, y in pairwise(ua))
            ):
                # rule ``domestic-items-after-also``: "Партнерами Калуша є польські міста Ряшів і Зґожелець, а також
                # українське місто Трускавець": the list of partners runs on past "а також" to Ukrainian towns
                pairs |= {(lead_ua.key, u.key) for u in ua if not self._same_place(lead_ua.key, u.key)}
            elif len(ua) >= 4 and _AGREEMENT.search(norm) and (paired := self._paired_communities(norm, ua)):
                pairs |= paired
            elif (len(ua) >= 2 or (ua and self.home_key and ua[0].key != self.home_key)) and _AGREEMENT.search(norm):
                # two Ukrainian communities are partners only by an agreement or twinning; "the partner regions
                # include Odesa, Poltava …" names a programme's participants
                home = next(
                    (
                        u
                        for u in ua
                        if u.key == self.home_key
                        or (
                            u.place is not None
                            and u.place.category in ("city", "hromada")
                            and self._same_place(u.key, self.home_key)
                        )
                    ),
                    None,
                )
                opening = re.fullmatch(
                    r"[\s\W\d]*(?:(?:місто|міста|громада|громади|між)\s+)?", norm[: ua[0].start], re.I
                )
                if home is None and self.home_key and self._municipal_home() and not opening:
                    # "підписано меморандум з Ужгородським районом та з ... радою": the document's home signs
                    pairs |= {
                        (self.home_key, u.key) for u in ua if not _LOCATIVE.search(norm[max(0, u.start - 20) : u.start])
                    }
                elif self._co_subjects_abroad(st, ua):
                    # rule ``co-subjects-with-country``: "Луцьк і Ковель розвивають співпрацю з Польщею": two towns
                    # that together cooperate with a country abroad are not each other's partners
                    pass
                elif _WITH_OBJECTS.search(norm, max(0, ua[0].start - 60), ua[0].start):
                    # rule ``co-signers-not-partners``: "USAID підписав угоду з громадами Коростеня та Овруча": the
                    # communities named after "з" signed with the sentence's subject, not with each other
                    pass
                else:
                    base = home or ua[0]
                    pairs |= {
                        (base.key, u.key)
                        for u in ua
                        if u.key != base.key and not _LOCATIVE.search(norm[max(0, u.start - 20) : u.start])
                    }
            elif (
                ua
                and not foreign
                and (self.section_home or self.home_key)
                and (listed or (_PARTNER_FIELD.match(norm) and len(norm) <= 120))
            ):
                # rule ``domestic-partner-item``: an item of a partner list that names a Ukrainian community
                pairs |= {
                    (self.section_home or self.home_key, u.key)
                    for u in ua
                    if not self._is_oblast(u.key) and not _LOCATIVE.search(norm[max(0, u.start - 20) : u.start])
                }
            elif (
                foreign
                and not ua
                and (row_ua or owner_back or self.section_home or headline or self.home_key or self._card_home)
            ):
                home = (
                    row_ua.key if row_ua is not None else owner_back or self.section_home or headline or self.home_key
                )
                owner = self._list_owner if listed and row_ua is None else None
                if owner and not (home and (home == owner or self._same_place(home, owner))):
                    home = owner  # rule ``list-owner-in-lead`` (the page's home when it is the same town)
                if (
                    row_ua is None
                    and self._card_home
                    and _PARTNER_FIELD.match(norm)
                    and 0 < st.s.index - self._card_home[1] <= 4
                ):
                    home = self._card_home[0]  # rule ``card-community``
                elif (
                    row_ua is None
                    and owner_back is None
                    and self._card_home
                    and listed
                    and 0 < st.s.index - self._card_home[1] <= 2
                    and self._opens_row_abroad(st)
                ):
                    # rule ``community-line-owns-items``: "Бердичівська міська територіальна громада" / "Жешув
                    # (Польща)": the items right under a line that names one community alone are its partners (not
                    # the page's home's); the list runs on under it
                    self._card_home = (self._card_home[0], st.s.index)
                    if not (self.home_key and self._same_place(self._card_home[0], self.home_key)):
                        home = self._card_home[0]
                if home is None:
                    continue
                pairs |= {
                    (home, f.key)
                    for f in foreign
                    if not _LOCATIVE.search(norm[max(0, f.start - 20) : f.start])
                    or (listed and re.fullmatch(r"\s*(?:[-•*–]\s*)?(?:м\.|місто)\s*", norm[: f.start]))  # "• м. Кросно"
                    # rule ``venue-apposed-twin``: "відпочивали у Кельце — місті-партнері громади": the place of the
                    # visit that an apposition calls the partner town is the partner
                    or _APPOSED_TWIN.match(norm, f.end)
                }
        pairs = {(a, b) for a, b in pairs if a != b and not self._same_place(a, b)}
        # rule ``apposed-twin-owner``: "Делегація Житомира разом з представниками Бердичева відвідала Кельце,
        # місто-побратим Житомира": the apposition names whose twin the town abroad is; the sentence's other
        # Ukrainian towns are not its partners
        # rule ``twin-owner-before``: "відвідала місто-побратим Житомира Кельце": the owner in the genitive between
        # the partner noun and the town
        for k, f in enumerate(places):
            if f.type != "PartnerCity":
                continue
            if (
                k + 1 < len(places)
                and places[k + 1].type == "Community"
                and _TWIN_OF.fullmatch(norm, f.end, places[k + 1].start)
            ):
                owner = places[k + 1]
            elif (
                k > 0
                and places[k - 1].type == "Community"
                and norm[places[k - 1].end : f.start].isspace()
                and _TWIN_NOUN_BEFORE.search(norm, max(0, places[k - 1].start - 40), places[k - 1].start)
            ):
                owner = places[k - 1]
            else:
                continue
            pairs = {
                (a, b) for a, b in pairs if f.key not in (a, b) or self._same_place(owner.key, a if b == f.key else b)
            }
            pairs.add((owner.key, f.key))
        status = _partnership_status(norm)
        for a, b in pairs:
            self._rel(a, "partnerOf", b, ev)
            if status:
                rel, _seen = self._rel_index[(a, "partnerOf", b)]
                rel.status.setdefault((ev.start, ev.end), status)
        return pairs

    @staticmethod
    def _gapped_clauses(norm: str, places: list[Mention], bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Rule ``gapped-clause``: "Луцьк став партнером Краматорська, а Ковель — партнером Хелма": a clause after
        ", а" whose own subject is a Ukrainian community (its verb left out) is a clause of its own; its partners
        are not the first subject's, nor the first subject's partners its own."""
        cuts = []
        if not any(p.type == "PartnerCity" for p in places):
            return bounds  # Ukrainian pairs alone: rule ``paired-communities``
        for m in _GAPPED.finditer(norm):
            subject = next((p for p in places if m.end() <= p.start), None)
            if subject is None or subject.type != "Community" or not _GAP_LEAD.fullmatch(norm, m.end(), subject.start):
                continue
            before = [p for p in places if p.end <= m.start()]
            if any(p.type == "Community" for p in before) and len(before) >= 2:
                cuts.append(m.start())
        if not cuts:
            return bounds
        out = []
        for a, b in bounds:
            inner = [c for c in cuts if a < c < b]
            for c in inner:
                out.append((a, c))
                a = c
            out.append((a, b))
        return out

    def _paired_communities(self, norm: str, ua: list[Mention]) -> set[tuple[str, str]]:
        """Rule ``paired-communities``: "Тернопільська громада — Краматорська, Луцька — Херсонська", "Житомирська та
        Ізюмська, Бердичівська та Балаклійська", "Львівська громада стала партнером Харківської, а Тернопільська —
        Краматорської": Ukrainian communities named two by two, each pair joined by a dash, "та" or "з" and the
        pairs apart by commas or semicolons, are partners pair by pair (not all of the first's)."""
        places = [m for m in ua if not self._is_oblast(m.key)]
        # a settlement and its hromada named at one span count once
        places = [m for k, m in enumerate(places) if not (k and m.start == places[k - 1].start)]
        if len(places) < 4 or len(places) % 2:
            return set()
        gaps = [norm[places[k].end : places[k + 1].start] for k in range(len(places) - 1)]
        if not all(_PAIR_JOIN.fullmatch(gap) for gap in gaps[::2]):
            return set()
        # "Житомирська громада з Ізюмською та Бердичівська — з Балаклійською": pairs joined by "з" or a dash may
        # stand apart by "та"
        conjoined = any(re.fullmatch(r"\s*(?:та|і|й)\s+", gap) for gap in gaps[::2])
        if not all((_PAIR_APART if conjoined else _PAIR_APART_OR_AND).fullmatch(gap) for gap in gaps[1::2]):
            return set()
        return {
            (places[k].key, places[k + 1].key)
            for k in range(0, len(places), 2)
            if not self._same_place(places[k].key, places[k + 1].key)
        }

    def _opens_row_abroad(self, st: _Sent) -> bool:
        """The sentence is a short line of its own that opens (past a bullet or number) with a town abroad."""
        if not self._line_item(st):
            return False
        first = next((m for m in st.mentions if m.kind == "place"), None)
        return (
            first is not None
            and first.type == "PartnerCity"
            and re.fullmatch(r"[\s\d.)•*–—-]*", st.s.norm[: first.start]) is not None
        )

    def _co_subjects_abroad(self, st: _Sent, ua: list[Mention]) -> bool:
        """The sentence opens with its Ukrainian communities coordinated ("Луцьк і Ковель", "Луцьк, Ковель та
        Володимир") and names a country after "з" as the other side."""
        norm = st.s.norm
        if not re.fullmatch(r"[\s\W\d]*", norm[: ua[0].start]):
            return False
        if not all(
            re.fullmatch(r"\s*(?:,|та|і|й|and)?\s*(?:(?:та|і|й)\s+)?", norm[x.end : y.start]) for x, y in pairwise(ua)
        ):
            return False
        return any(
            m.kind == "country"
            and m.key != "country:UA"
            and m.start > ua[-1].end
            and re.search(
                r"(?:^|\s)(?:з|із|зі|with|с|со)\s+(?:[\w'’-]+\s+){0,2}$", norm[max(0, m.start - 40) : m.start]
            )
            for m in st.mentions
        )

    def _possessive_owner(self, st: _Sent, places: list[Mention]) -> str | None:
        """Rule ``possessive-partner-owner``: "Володимирська громада має свої зв'язки. Серед її партнерів — Грубешів
        (Польща)": a partner noun owned by a pronoun ("її", "його", "їхні") in a sentence that names no Ukrainian
        community is owned by the one community the sentence before, in the same paragraph, names."""
        if any(p.type == "Community" for p in places) or not _POSSESSIVE_PARTNER.search(st.s.norm):
            return None
        prev = self._previous(st)
        if prev is None or prev.s.paragraph != st.s.paragraph:
            return None
        named = [
            p
            for p in self._place_mentions(prev)
            if p.type == "Community" and not self._is_oblast(p.key) and not p.in_title
        ]
        if not named or any(p.key != named[0].key and not self._same_place(p.key, named[0].key) for p in named):
            return None
        return named[0].key

    def _note_card_home(self, st: _Sent) -> None:
        """Rule ``card-community``: on a register of partner cards, a short line naming one Ukrainian community alone
        ("Українська громада" / "Хустська міська територіальна громада") is the community of the card: the
        "Партнер:" field below it, within four lines, is its partner (not the page's first community's)."""
        norm = st.s.norm
        if len(norm) > 90 or not self._whole_line(st):
            return
        places = [m for m in st.mentions if m.kind == "place" and m.type in ("Community", "PartnerCity")]
        ua = {m.key for m in places if m.type == "Community" and not self._is_oblast(m.key)}
        if len(ua) == 1 and all(m.type == "Community" for m in places) and not _PARTNER_FIELD.match(norm):
            (key,) = ua
            if any(m.key == key and m.role == "hromada" for m in places):
                self._card_home = (key, st.s.index)

    def _partner_named_before(self, st: _Sent, foreign_seen: set[str]) -> None:
        """Rule ``partner-named-before``: "Калуш приймав гостей з Ніско" … "делегація з польського
        міста-побратима", "угоду про партнерство між містами підписали у 2006 році": a partnership sentence that
        names no place abroad and refers to its partner town by a noun is about the one town abroad the document
        named before; the partner of the document's community."""
        home = self.section_home or self.home_key
        if home is None or len(foreign_seen) != 1 or not st.partner_cue or not _PARTNER_ANAPHOR.search(st.s.norm):
            return
        places = self._place_mentions(st, partners=True)
        if any(p.type == "PartnerCity" for p in places) or any(
            p.type == "Community" and not self._same_place(p.key, home) for p in places
        ):
            return
        (partner,) = foreign_seen
        if self._same_place(home, partner):
            return
        self._rel(home, "partnerOf", partner, st.ev)

    def _joined_partners(self, st: _Sent, last: tuple[str, int] | None) -> None:
        """Rule ``joined-the-partners``: "… серед міст-побратимів Одеси — Марсель, Ліверпуль …. Останнім часом до
        цього кола долучився грузинський Батумі": a town abroad that joins, in the next sentence, the partners just
        listed is a partner of the same community."""
        if last is None or not 0 < st.s.index - last[1] <= 2 or not _JOINED.search(st.s.norm):
            return
        places = self._place_mentions(st, partners=True)
        if any(p.type == "Community" for p in places):
            return
        for p in places:
            if p.type == "PartnerCity" and not (p.extra or {}).get("locator") and not self._same_place(last[0], p.key):
                self._rel(last[0], "partnerOf", p.key, st.ev)

    def _plural_partners(self, st: _Sent) -> set[tuple[str, str]]:
        """Rule ``plural-partner-anaphor``: "… представників трьох громад — Березанської, Краснопільської та
        Великописарівської. Міський голова Березані та голови прикордонних громад підписали меморандуми": a signed
        partnership between one named community and unnamed "громади" takes the communities the sentence before
        named, in this paragraph."""
        norm = st.s.norm
        if st.s.index == 0 or not any(m.kind == "place" for m in st.mentions):
            return set()  # (every case below needs a place in the sentence: most sentences stop here)
        answer = self._answered_partners(st)
        if answer:
            return answer
        places = self._place_mentions(st, partners=True)
        ua = [p for p in places if p.type == "Community" and p.place is not None and not self._is_oblast(p.key)]
        if len({p.key for p in ua}) != 1 or any(p.type == "PartnerCity" for p in places):
            return set()
        if not (_SIGNED_ACT.search(norm) or cue_regex_in("partner", norm).search(norm)):
            return set()
        if not cue_regex_in("partner_need", norm).search(norm) and not _SIGNING.search(norm):
            return set()
        anaphor = _PLURAL_COMMUNITIES.search(norm)
        if anaphor is None or any(p.start <= anaphor.start() < p.end + 3 for p in ua):
            return set()
        prev = self._previous(st)
        if prev is None or prev.s.paragraph != st.s.paragraph:
            return set()
        named = ua[0]
        before = [
            p
            for p in self._place_mentions(prev)
            if p.type == "Community"
            and p.place is not None
            and p.place.category in ("city", "hromada", "settlement", "village")
            and not self._same_place(p.key, named.key)
            and p.key != named.key
        ]
        if len({p.key for p in before}) < 2 and not (before and _PLURAL_COMMUNITIES.search(prev.s.norm)):
            return set()
        span = self._span(prev.ev.start, st.ev.end)
        pairs = {(named.key, p.key) for p in before}
        for a, b in pairs:
            self._rel(a, "partnerOf", b, span)
        return pairs

    def _state_adjective_owner(self, st: _Sent, m: Mention, ev: Evidence) -> None:
        """Rule ``state-adjective-owner``: "Канадський проєкт «X»", "Шведсько-український проєкт «X»", "Німецька урядова
        програма «X»": a country's adjective right before the trigger word names the state whose government pays."""
        f = m.found
        if f is None or not f.trigger or not f.trigger[:1].isalpha() or f.trigger.isascii() or self.gaz is None:
            return
        a = _STATE_ADJECTIVE.search(st.s.norm, max(0, f.start - 60), f.start)
        if a is None or _CROSS_BORDER.search(st.s.norm):
            return  # "польсько-український проєкт" of a cross-border programme: the programme's funder pays
        word = a.group("adj").lower()
        if word.endswith("о"):
            word = word[:-1] + "ий"  # "шведсько-український" -> "шведський"
        code = self.gaz._country_cue(word)
        gov = self.reg.government_of(code) if code and code != "UA" else None
        if gov is None or self._has_funder(m.key):
            return
        donor = Mention(a.start("adj"), a.end("adj"), gov.key, "donor", gov.type, a.group("adj"), reg=gov)
        ent = self._entity_for(donor)
        if ent is None:
            return
        ent.mentions = [ev]
        self._ent(ent)
        self._rel(gov.key, "funds", m.key, ev)

    def _has_funder(self, key: str) -> bool:
        return any(r.predicate == "funds" and r.object == key for r in self.ex.relations)

    @staticmethod
    def _governed(cue: re.Pattern, norm: str, a: Mention, agents: list[Mention], reach: int = 40) -> bool:
        """A cue ending right before ``a`` (a word between allowed) governs it, unless that word is another agent's."""
        m = cue.search(norm, max(0, a.start - reach), a.start)
        return m is not None and not any(
            b is not a and b.kind in ("donor", "org", "country") and m.start() < b.start < a.start for b in agents
        )

    def _span(self, start: int, end: int) -> Evidence:
        """Evidence over the text from ``start`` to ``end`` (a relation read across two sentences)."""
        return Evidence(self.text[start:end], start, end)

    def _previous(self, st: _Sent) -> _Sent | None:
        if self._positions is None:
            self._positions = {id(x): i for i, x in enumerate(self.sents)}
        i = self._positions.get(id(st), 0)
        return self.sents[i - 1] if i > 0 else None

    def _answered_partners(self, st: _Sent) -> set[tuple[str, str]]:
        """Rule ``interview-answer``: "— А в Україні з ким дружите?" / "— З Тростянецькою громадою на Сумщині.": an
        answer opening with "з" completes the question's partnership; the interviewee speaks for the page's home."""
        prev = self._previous(st)
        if prev is None:
            return set()
        question = prev.s.norm.strip()
        if not self.home_key or not question.endswith("?") or not _ASKED_PARTNER.search(question):
            return set()
        if not re.match(r"\s*[-–—]?\s*(?:з|із|зі|с|with)\s", st.s.norm, re.IGNORECASE):
            return set()
        first = [p for p in self._place_mentions(st, partners=True) if p.start < 60]
        first = [p for p in first if not self._is_oblast(p.key) or p.type == "PartnerCity"][:3]
        span = self._span(prev.ev.start, st.ev.end)
        pairs = {(self.home_key, p.key) for p in first if not self._same_place(p.key, self.home_key)}
        for a, b in pairs:
            self._rel(a, "partnerOf", b, span)
        return pairs

    def _oblast_locates(self, places: list[Mention], k: int, norm: str) -> bool:
        """Whether the oblast ``places[k]`` only says where a community named in the sentence is, and is no partner:
        "Lutsk, Volyn Oblast — …", "Луцьк, Волинська область" (after its own town); "… з Коростенською громадою, що на
        Житомирщині"; "з двома громадами Сумщини" (genitive after "громади"); "Horodenka, a town … in the
        Ivano-Frankivsk region" (after a community, "in"/"у" before it)."""
        p = places[k]
        if not self._is_oblast(p.key):
            return False
        before = norm[max(0, p.start - 24) : p.start]
        if k > 0 and (
            (norm[places[k - 1].end : p.start].strip() == "," and p.key in getattr(places[k - 1].place, "parents", ()))
            or re.search(r"(?:що|яка|який|яке|розташован\w*)\s+(?:на|у|в)\s+$", before)
        ):
            return True
        if re.search(r"(?<![\w])громад\w*\s+$", before[-20:]):
            return True
        return any(q.type == "Community" for q in places[:k]) and bool(
            re.search(r"(?:^|\s)(?:in(?:\s+the)?|у|в)\s+$", before[-12:])
        )

    def _signed_with(self, places: list[Mention], norm: str) -> bool:
        """Whether a sentence that only names a signed act ("меморандум", "угода") states a partnership: it names a
        community and a partner abroad, or a partner abroad after "з" (the document's home signs), or rule
        ``signed-with-community``: two communities, the second after "з"/"між"."""
        ua = [p for p in places if p.type == "Community"]
        abroad = [p for p in places if p.type == "PartnerCity"]
        if abroad and ua:
            return True
        if (
            abroad
            and (self.home_key or self.section_home)
            and any(re.search(r"(?:^|\s)(?:з|із|зі|with|с)\s", norm[max(0, p.start - 40) : p.start]) for p in abroad)
        ):
            return True
        if abroad and (self.home_key or self.section_home) and _SIGNED_LEAD.search(norm[: abroad[0].start]):
            # rule ``signed-lead-items``: "Підписано меморандум: медьє Саболч-Сатмар-Берег (Угорщина); Пряшівський
            # край (Словаччина)": the items after a signed act's colon are the other sides; the page's home signs
            return True
        signing = _SIGNING.search(norm)
        if len({p.key for p in ua}) < 2 or not signing or _MONEY_AGREEMENT.search(norm):
            return False
        if any(re.search(r"(?:^|\s)(?:з|із|зі|між)\s+$", norm[max(0, p.start - 5) : p.start]) for p in ua[1:]):
            return True
        if re.search(r"(?:^|\s)між\s+$", norm[max(0, ua[0].start - 5) : ua[0].start]):
            return True  # "Між Коломийською та Сіверськодонецькою громадами підписано меморандум"
        # "Коломийська та Сіверськодонецька громади підписали меморандум": both subjects, no third party after "з"
        return (
            re.fullmatch(r"\s*(?:,|та|і|й)\s*", norm[ua[0].end : ua[1].start]) is not None
            and ua[1].end <= signing.start()
            and not re.search(r"(?<![\w])(?:з|із|зі|with|с)\s", norm[signing.end() :])
        )

    def _clause_pairs(self, norm: str, group: list[Mention]) -> set[tuple[str, str]]:
        """Pair Ukrainian communities with partners abroad clause by clause.

        Rule ``partner-clauses``: "Kharkiv ensured the support of Lublin, Chernihiv twinned with Rzeszów,
        and Rivne … with Federal Way"; "Bourges twinned with Korosten, Gdynia and Pardubice are … of
        Zhytomyr". A clause closes once it holds both sides and the next place switches side again.
        Rule ``partner-objects``: "угоди укладено з містами: Ґмюнд (Австрія), … та з двома українськими
        містами – Ізюм, Ромни": when the sentence names no Ukrainian subject before its first partner
        abroad, Ukrainian towns listed after "з …" are partners of the document's home, not of the towns abroad.
        """
        ordered = sorted(group, key=lambda m: m.start)
        pairs: set[tuple[str, str]] = set()
        # rule ``respectively``: "Житомир та Бердичів підписали угоди з Кельце та Ряшевом відповідно": n communities
        # and then n partners abroad, paired in their order
        if _RESPECTIVELY.search(norm):
            ua = [m for m in ordered if m.type == "Community" and not self._is_oblast(m.key)]
            abroad = [m for m in ordered if m.type == "PartnerCity"]
            if len(ua) == len(abroad) >= 2 and ua[-1].start < abroad[0].start:
                return {(u.key, f.key) for u, f in zip(ua, abroad, strict=True)}
        # rule ``dash-with-pairs``: "Самбір — з Ярославом, Дрогобич — з Бжегом", "Надвірна — з гміною Цмолас, Яремче —
        # з містом Закопане": each community before a dash and "з" has the partners named after it, up to the next one
        dashed = [
            k
            for k in range(len(ordered) - 1)
            if ordered[k].type == "Community"
            and ordered[k + 1].type == "PartnerCity"
            and (
                _DASH_WITH.fullmatch(norm, ordered[k].end, ordered[k + 1].start)
                # "Івано-Франківськ — Ряшів, Калуш — Ніско, Коломия — Ниса": pairs written with a dash alone
                or _DASH_ALONE.fullmatch(norm, ordered[k].end, ordered[k + 1].start)
            )
        ]
        if len(dashed) >= 2:
            if dashed[0] > 1 and any(m.type == "PartnerCity" for m in ordered[: dashed[0]]):
                # "Білоцерківська громада … з Мельцем, Васильківська — з …": the clause before the first dash pairs too
                pairs |= self._clause_pairs(norm, ordered[: dashed[0]])
            for n, k in enumerate(dashed):
                stop = dashed[n + 1] if n + 1 < len(dashed) else len(ordered)
                for f in ordered[k + 1 : stop]:
                    if f.type == "PartnerCity":
                        pairs.add((ordered[k].key, f.key))
            return pairs
        if ordered[0].type == "PartnerCity" and self.home_key:
            objects = [
                u
                for u in ordered
                if u.type == "Community"
                and re.search(  # "… та з двома українськими містами – Ізюм": a listed object, not a subject
                    r"(?:^|\s)(?:з|із|зі|with)\s+(?:[\w'’-]+\s+){0,3}[–:—-]\s*$"
                    r"|(?:українськ\w*|Ukrainian)\s+(?:[\w'’-]+\s+){0,2}[–:—-]?\s*$",
                    norm[max(0, u.start - 50) : u.start],
                )
            ]
            for u in ordered:  # the list runs on: "– Ізюм, Ромни"
                if u.type == "Community" and objects and u not in objects and u.start > objects[-1].end:
                    if re.fullmatch(r"\s*(?:,|та|і|й|and)\s*(?:(?:та|і|й|and)\s+)?", norm[objects[-1].end : u.start]):
                        objects.append(u)
            if objects:
                for u in objects:
                    pairs.add((self.home_key, u.key))
                for f in ordered:
                    if f.type == "PartnerCity":
                        pairs.add((self.home_key, f.key))
                return pairs
        run = self._closing_partner_run(norm, ordered)
        if run is not None:
            # rule ``domestic-item-in-partner-run``: "Містами-побратимами Калуша є Ряшів, Трускавець та Зґожелець": a
            # Ukrainian town inside a run of partners that closes the sentence is one more item of the list, not the
            # subject of the partners after it; every item is a partner of the community before the run (or, with
            # none named, of the page's)
            k, subject = run
            if k > 1 and any(m.type == "PartnerCity" for m in ordered[:k]):
                pairs |= self._clause_pairs(norm, ordered[:k])
            return pairs | {(subject, m.key) for m in ordered[k:] if not self._same_place(subject, m.key)}
        clauses: list[list[Mention]] = [[]]
        for m in ordered:
            cur = clauses[-1]
            complete = any(x.type == "Community" for x in cur) and any(x.type == "PartnerCity" for x in cur)
            if complete and cur[-1].type != m.type:
                clauses.append([m])
            else:
                cur.append(m)
        for i, cl in enumerate(clauses):
            ua = [x for x in cl if x.type == "Community"]
            foreign = [x for x in cl if x.type == "PartnerCity"]
            if foreign and not ua:  # "Окрім Дюссельдорфа, Чернівці мають: A, B, C": the list runs on
                near = [c for c in (clauses[i - 1] if i else [], *clauses[i + 1 : i + 2]) if c]
                ua = [x for c in near for x in c if x.type == "Community"][:1]
            pairs |= {(u.key, f.key) for u in ua for f in foreign}
        # rule ``domestic-items-of-partner-list``: "перелік міст-партнерів Луцька: Люблін (Польща), …, Ліда
        # (Білорусь), Кременець, Херсон": Ukrainian towns that go on the list after a colon are partners too
        # (and without a colon: "Побратимами Житомира є Кошалін, Лодзь та Вінниця", "угоди з Кошаліном та Вінницею")
        head = ordered[0]
        first_abroad = next((m for m in ordered if m.type == "PartnerCity"), None)
        colon = first_abroad.start if first_abroad is not None else -1
        if colon > 0 and head.type == "Community" and head.end <= colon and _PARTNER_WORD.search(norm, 0, colon):
            prev = None
            for m in ordered[1:]:
                if m.start < colon:
                    continue
                if (
                    m.type == "Community"
                    and prev is not None
                    and (head.key, prev.key) in pairs | {(head.key, head.key)}
                    and _LIST_GAP.fullmatch(norm[prev.end : m.start])
                    and not self._same_place(head.key, m.key)
                ):
                    pairs.add((head.key, m.key))
                    prev = m
                    continue
                prev = m if m.type == "PartnerCity" else None
        # rule ``domestic-object-before-partner``: "Луцька громада співпрацює з Городоцькою громадою та польським містом
        # Хелм": a Ukrainian community after "з" and a partner abroad coordinated after it are both objects of the
        # subject before; the two objects are not partners of each other
        for k in range(1, len(ordered) - 1):
            subject, u, f = ordered[k - 1], ordered[k], ordered[k + 1]
            if subject.type != "Community" or u.type != "Community" or f.type != "PartnerCity":
                continue
            if self._same_place(subject.key, u.key) or subject.key == u.key:
                continue
            if _WITH_BEFORE.search(norm, max(0, u.start - 40), u.start) and _FOREIGN_OBJECT.fullmatch(
                norm, u.end, f.start
            ):
                run = [f]
                for g in ordered[k + 2 :]:
                    if g.type != "PartnerCity" or not _LIST_GAP.fullmatch(norm[run[-1].end : g.start]):
                        break
                    run.append(g)
                for g in run:
                    pairs.discard((u.key, g.key))
                    pairs.add((subject.key, g.key))
                # rule ``delegation-from-is-no-partner``: "прийняла делегацію з Бердичева та польського Кельце": a town
                # named as where visitors came from is no object of the partnership
                if not _FROM_ORIGIN.search(norm, max(0, u.start - 60), u.start):
                    pairs.add((subject.key, u.key))
        # rule ``domestic-object-after-partner``: "поріднився з естонським Тарту та українським Херсоном": a Ukrainian
        # community coordinated right after a partner abroad is an object of the same verb, a partner of its subject
        for k in range(1, len(ordered) - 1):
            f, u = ordered[k], ordered[k + 1]
            if f.type != "PartnerCity" or u.type != "Community" or ordered[k - 1].type != "Community":
                continue
            if _DOMESTIC_OBJECT.fullmatch(norm[f.end : u.start]):
                subject = ordered[k - 1]
                if (subject.key, f.key) in pairs and not self._same_place(subject.key, u.key):
                    pairs.add((subject.key, u.key))
        return pairs

    def _closing_partner_run(self, norm: str, ordered: list[Mention]) -> tuple[int, str] | None:
        """The list of partners that closes a sentence, when a Ukrainian town stands inside it: (the index of its
        first item, a partner abroad, in ``ordered``; the community whose partners they are)."""
        last = ordered[-1]
        if not _RUN_END.fullmatch(norm, last.end):
            return None
        k = len(ordered) - 1
        while k > 0 and _LIST_GAP.fullmatch(norm, ordered[k - 1].end, ordered[k].start):
            k -= 1
        items = ordered[k:]
        if items[0].type != "PartnerCity" or not any(m.type == "Community" for m in items[1:]):
            return None
        if any(m.type == "Community" and self._is_oblast(m.key) for m in items):
            return None
        before = [m for m in ordered[:k] if m.type == "Community"]
        if before:
            return k, before[-1].key
        home = self.section_home or self.home_key
        if home is None or not _PARTNER_WORD.search(norm, 0, items[0].start):
            return None
        return k, home

    def _section_of(self, index: int) -> str | None:
        """The community heading the digest section a sentence is in (see ``_find_sections``), or None."""
        at = self._section_start(index)
        return self.section_heads[at] if at is not None else None

    def _section_start(self, index: int) -> int | None:
        """The index of the heading sentence of the digest section a sentence is in, or None."""
        return max((i for i in self.section_heads if i <= index), default=None)

    def _elsewhere(self, key: str) -> bool:
        """A town, village or hromada that is neither the home, inside it, above it, nor in the home's hromada."""
        if self.gaz is None or not key.startswith("katottg:") or not self.home_key or key == self.home_key:
            return False
        try:
            pa, pb = self.gaz.place(key), self.gaz.place(self.home_key)
        except Exception:
            return False
        if pa is None or pb is None or pa.category not in ("city", "settlement", "village", "hromada"):
            return False
        if key in pb.parents or self.home_key in pa.parents:
            return False
        ha, hb = self._hromada_of_key(pa), self._hromada_of_key(pb)
        return not (ha and ha == hb)

    def _hromada_of_key(self, place) -> str | None:
        if place.category == "hromada":
            return place.key
        for key in place.parents:
            try:
                parent = self.gaz.place(key)
            except Exception:
                continue
            if parent is not None and parent.category == "hromada":
                return key
        return None

    def _same_place(self, a: str, b: str) -> bool:
        if self.gaz is None:
            return False
        try:
            pa, pb = self.gaz.place(a), self.gaz.place(b)
        except Exception:
            return False
        return a in pb.parents or b in pa.parents

    def _countries(self, st: _Sent) -> None:
        ev = st.ev
        countries = {m.key for m in st.mentions if m.kind == "country"}
        # "з литовським курортом Друскінінкай": the adjective names the city's country
        for m in st.mentions:
            if m.kind == "place" and m.type == "PartnerCity" and m.place is not None and m.place.country:
                cc = (m.extra or {}).get("country")  # the gazetteer read "литовським" before the name
                # rule ``apposed-country-of-known``: "Rzeszów, its Polish sister city", "Кельце, польське
                # місто-побратим Житомира": the adjective of the apposition after the name names its country
                apposed = _APPOSED_ADJECTIVE.match(st.s.norm, m.end) if cc is None and self.gaz is not None else None
                if apposed is not None and self.gaz._country_cue(apposed.group(1).lower()) == m.place.country:
                    cc = m.place.country
                if cc and cc == m.place.country and self.gaz is not None:
                    ck = f"country:{cc}"
                    try:
                        ent = _place_entity(self.gaz.place(ck))
                    except Exception:
                        continue
                    ent.mentions = [ev]
                    self._ent(ent)
                    self.country_sentences.setdefault(ck, ev)
                    countries.add(ck)
        for m in st.mentions:
            if (m.extra or {}).get("locator"):
                continue  # "..., що входить у Мазовецьке воєводство": it only locates the partner
            if m.kind == "place" and m.type == "PartnerCity" and m.place is not None and m.place.country:
                ck = f"country:{m.place.country}"
                if ck in countries:
                    self._rel(m.key, "inCountry", ck, ev)
        self._plural_adjective_country(st)

    def _plural_adjective_country(self, st: _Sent) -> None:
        """Rule ``plural-adjective-country``: "… з містом Сен-Еблен, а Сновська — з комуною Ансені-Сен-Жереон; обидва
        французькі міста …", "Румунські партнери з Бистриці та Сігету-Мармацієй …": a country adjective on a plural
        noun for towns or partners names the country of the sentence's partners whose country nothing else states."""
        if self.gaz is None:
            return
        unknown = [
            m
            for m in st.mentions
            if m.kind == "place"
            and m.type == "PartnerCity"
            and m.place is not None
            and not m.place.country
            and not (m.extra or {}).get("locator")
        ]
        if not unknown:
            return
        found = {self.gaz._country_cue(a.group(1).lower()) for a in _PLURAL_COUNTRY_ADJ.finditer(st.s.norm)}
        found.discard(None)
        if len(found) != 1 or "UA" in found:
            return
        if any(m.kind == "country" and m.key != f"country:{next(iter(found))}" for m in st.mentions):
            return  # another country named here: whose partners the adjective means is not clear
        ck = f"country:{found.pop()}"
        try:
            ent = _place_entity(self.gaz.place(ck))
        except Exception:
            return
        ent.mentions = [st.ev]
        self._ent(ent)
        self.country_sentences.setdefault(ck, st.ev)
        for m in unknown:
            self._rel(m.key, "inCountry", ck, st.ev)

    def _section_defaults(self) -> None:
        """Rule ``digest-section-place``: in a digest in sections headed by a community ("1. Баранівська громада" /
        "За підтримки програми «U-LEAD з Європою» відкрито оновлений ЦНАП"), an initiative whose place no sentence
        states happens in the community heading the section it is first named in; the heading and the sentence are
        its evidence."""
        if len(self.section_heads) < 2:
            return
        placed = {r.subject for r in self.ex.relations if r.predicate == "locatedIn" and r.evidence}
        by_index = {st.s.index: st for st in self.sents}
        for key, ent in list(self.ex.entities.items()):
            if ent.type not in ("Program", "Project") or key in placed or key not in self.first_ev:
                continue
            index, ev = self.first_ev[key]
            at = self._section_start(index)
            head = by_index.get(at) if at is not None else None
            where = self.section_heads.get(at) if at is not None else None
            if head is None or not where or where not in self.ex.entities or index - at > 6:
                continue
            st, body = by_index.get(index), by_index.get(at + 1)
            if st is None or body is None or st.s.paragraph != body.s.paragraph:
                continue  # only the heading's own paragraph: a closing one after the last section is the page's
            if self.ex.entities[where].type != "Community":
                continue
            self._rel(key, "locatedIn", where, self._span(head.ev.start, ev.end))

    def _home_defaults(self) -> None:
        """Initiatives with no stated place in a municipal or oblast document happen in its home community."""
        if self.home is None or self.home.category == "raion":
            return
        if len(self._paragraph_openers()) >= 3:
            # rule ``digest-paragraph-openers``: three paragraphs or more each opened by a different community
            # ("Чуднівська громада отримала …", "У Любарській громаді …", "Радомишльська громада долучилася …") are a
            # digest's items: an initiative no sentence places is not placed in the first item's community
            return
        home_oblast = _oblast_code(self.home_key)
        sites: dict[str, set[str]] = {}
        for r in self.ex.relations:
            if r.predicate == "locatedIn" and r.evidence:
                sites.setdefault(r.subject, set()).add(r.object)
        for key, ent in list(self.ex.entities.items()):
            if ent.type not in ("Program", "Project") or not ent.mentions:
                continue
            here = sites.get(key, set())
            if self.home.category == "oblast" and (here or (key.startswith("program:") and "program:n-" not in key)):
                # an oblast's page that places the initiative said where in the oblast; a registry programme
                # works across the country, an oblast's page does not make it the oblast's
                continue
            if self.home_key in here or any(
                _oblast_code(k) and _oblast_code(k) != home_oblast for k in here if k.startswith("katottg:")
            ):
                continue  # stated at home already, or a project of another region
            if key in self._dated and any(self._elsewhere(k) for k in here):
                continue  # rule ``community-dateline``: placed by its digest item's community, elsewhere than home
            if self.section_heads and self._elsewhere(self._section_of(self.first_ev.get(key, (-1,))[0]) or ""):
                # rule ``digest-item-own-place``: "Бердичів. У Бердичеві завершили ремонт … проєкту «X»" in a
                # digest whose first item is Коростень: an initiative of another community's item is not the home's
                continue
            # rule ``national-by-own-words``: the label and the page's own words decide, not a registry's long alias
            # ("U-LEAD з Європою" is also "Програма для України з розширення прав …"; a hromada's page places it home)
            if _NATIONAL.search(ent.label) or any(_NATIONAL.search(n) for n in ent.names if n and n in self.text):
                continue
            _, ev = self.first_ev.get(key, (0, ent.mentions[0]))
            self._rel(key, "locatedIn", self.home_key, ev)

    def _country_defaults(self) -> None:
        """A partner city's country: stated when the document names that country, else reference data."""
        have = {r.subject for r in self.ex.relations if r.predicate == "inCountry"}
        locating, named = set(), set()
        for st in self.sents:
            for m in st.mentions:
                (locating if (m.extra or {}).get("locator") else named).add(m.key)
        only_locating = locating - named
        abroad = [k for k in self.country_sentences if k != "country:UA"]
        for key, ent in list(self.ex.entities.items()):
            if ent.type != "PartnerCity" or key in have or not ent.mentions:
                continue
            if key in only_locating:
                continue  # named only to locate a partner ("що входить у Мазовецьке воєводство")
            cc = ent.attributes.get("country")
            if not cc and len(abroad) == 1:
                # rule ``only-country-abroad``: a partner of unknown country in a document that names one country
                # abroad and no other ("Four more Danish municipalities …: Vejle Municipality and …") is of it
                self._rel(key, "inCountry", abroad[0], ent.mentions[0])
                continue
            if not cc:
                continue
            ck = f"country:{cc}"
            if ck in self.country_sentences:
                self._rel(key, "inCountry", ck, ent.mentions[0])
            else:
                if ck not in self.ex.entities and self.gaz is not None:
                    try:
                        self._ent(_place_entity(self.gaz.place(ck)))
                    except Exception:
                        continue
                if ck in self.ex.entities:
                    self._rel(key, "inCountry", ck)


# ---------------------------------------------------------------- helpers


def _speaks_of_partnership(text: str) -> bool:
    """A partnership cue and the word that makes it one (the "partner" and "partner_need" cue rows) in ``text``."""
    return bool(cue_regex_in("partner", text).search(text) and cue_regex_in("partner_need", text).search(text))


def _guarded(call, fallback=None):
    """``call()``, or ``fallback`` when it fails: a new rule must never cost the document (tests set
    GRAPHTOOL_STRICT_RULES to see the error instead)."""
    try:
        return call()
    except Exception:
        if os.environ.get("GRAPHTOOL_STRICT_RULES"):
            raise
        return fallback


# a finite verb right after a sentence-initial name: "Калуш уклав", "Боярка має", "Стрий підписав"
_SUBJECT_VERB = re.compile(
    r"\s+(?:(?:вже|уже|також|ще|нещодавно|офіційно)\s+)?[а-яіїєґ'’]+(?:в|ла|ли|ло|є|ють|ує|ить|ать|ять|ає|ме|муть)(?![\w])"
)
_COUNTRY_FIELD = re.compile(r"\s*" + COUNTRY_FIELD_WORDS + r"\s*:", re.IGNORECASE)
# "обидва французькі міста", "румунські партнери", "польських гмін": a country adjective on a plural town noun
_PLURAL_COUNTRY_ADJ = re.compile(
    r"(?<![\w'’-])([а-яіїєґ'’-]+(?:ськ|цьк|зьк)(?:і|их|ими))\s+"
    r"(?:міст|містечк|гмін|муніципалітет|комун|громад|партнер|побратим)\w*(?![\w-])",
)


_DEMONSTRATIVE = {
    "цей",
    "цього",
    "цьому",
    "цим",
    "ця",
    "цієї",
    "цю",
    "цією",
    "це",
    "даний",
    "даного",
    "даному",
    "той",
    "того",
    "зазначений",
    "зазначеного",
    "вказаного",
    "вищезгаданого",
    "наш",
    "нашого",
}


_GENERIC_HEAD = re.compile(r"\s+(?:Activity|Project|Programme|Program|Initiative|project|programme|activity)$")
_GENERIC_LEAD = re.compile(
    r"(?:(?:Swiss|German|Danish|Swedish|Canadian|Polish|Norwegian|Dutch|Japanese|British|American|EU|US|USAID|UNDP|"
    r"Joint|New|Regional|National)(?:-(?:Ukrainian|funded|supported|led))?|Ukrainian)\s+"
)


def _core_title(norm: str, a: int, b: int) -> tuple[int, int]:
    """The span of a Latin title without its generic words: "Swiss-Ukrainian DECIDE", "HOVERLA Activity" -> the
    name a registry may know ("DECIDE", "HOVERLA")."""
    title = norm[a:b]
    if not title.isascii():
        return a, b
    head = _GENERIC_HEAD.search(title)
    if head:
        b = a + head.start()
    lead = _GENERIC_LEAD.match(norm, a, b)
    if lead and lead.end() < b:
        a = lead.end()
    return a, b


def _word_at(hay: str, needle: str) -> int | None:
    """Where ``needle`` stands in ``hay`` as whole words (no letter or digit on either side), or None.

    A plain search instead of one regex per registry name: the names are many (Russian and English ones too),
    and as regexes they pushed the module's patterns out of ``re``'s cache.
    """
    if not needle:
        return None
    pos = hay.find(needle)
    while pos >= 0:
        end = pos + len(needle)
        if (pos == 0 or not (hay[pos - 1].isalnum() or hay[pos - 1] == "_")) and (
            end >= len(hay) or not (hay[end].isalnum() or hay[end] == "_")
        ):
            return pos
        pos = hay.find(needle, pos + 1)
    return None


# a card's "Країна партнера" label: the country line after it is the field's value, not a heading
_UKRAINIAN_COMMUNITY = re.compile(r"українськ\w+\s+громад\w*", re.IGNORECASE)  # no "міська" between
_COUNTRY_LABEL = re.compile(r"^\W*(?:країн|стран|countr)\w*(?:\s+[\w'’-]+)?\s*:?\s*$", re.IGNORECASE)
_COUNTRY_LINE = re.compile(r"\s*(?:[-•*–]\s*)?(\S[^\d:;,.()]{1,40}?)\s*(?:\(\d{1,3}\)\s*)?[—–]?\s*")


def _country_heading(norm: str, matches: list, prev: str = "") -> str | None:
    """ISO code of a line that opens with a country's name and a colon ("Польща:", "США: Бірмінгем"), else None."""
    from loaders.narrative.openworld import country_at

    m = re.match(r"\s*(?:[-•*–]\s*)?(\S[^:]{0,40}?)\s*:(?:\s|$)", norm)
    if m is None:
        # rule ``country-line``: a line that is a country's name alone ("Польща", "ЛИТВА", "Німеччина (3)") heads
        # the partner lines under it like "Польща:" does
        m = _COUNTRY_LINE.fullmatch(norm)
        if m is None or _COUNTRY_LABEL.search(prev):
            return None
        if not any(pm.start == m.start(1) and pm.end == m.end(1) for pm in matches):
            return None
    iso = country_at(matches, m.start(1), m.end(1))
    return None if iso == "UA" else iso


_HASHTAG = re.compile(r"#([^\W\d_][\w]{3,60})")


def _definite(norm: str, tm: re.Match) -> bool:
    """A bare "проєкт"/"програма" that refers back: not introduced by an adjective ("великий 5-річний
    проєкт") and not defined by a relative clause after it ("діє проєкт, що допомагає ...")."""
    if re.match(r"\s*,?\s*(?:що|який|яка|яке|які)\b", norm[tm.end() : tm.end() + 12]):
        return False
    nxt = re.match(r"\s+([а-яіїєґ'-]+)", norm[tm.end() : tm.end() + 30])
    if nxt:
        from loaders.morph import parses

        ps = parses(nxt.group(1))
        if re.match(r"(?:напрям|категорі|номінаці|лот|пріоритет)", nxt.group(1)):
            pass  # "Проєкт напряму «…» програми X": the funding line of the project named above
        elif ps and str(ps[0].tag.POS or "") == "NOUN" and "gent" in ps[0].tag:
            return False  # "програми термомодернізації закладів освіти": a new programme described, not a reference
        elif ps and str(ps[0].tag.POS or "") == "ADJF" and "gent" in ps[0].tag:
            # rule ``described-by-adjective-and-noun``: "NRC реалізує програму правової допомоги": an adjective and
            # a noun in the genitive describe a new programme, not the one named before
            after = re.match(r"\s+([а-яіїєґ'-]+)", norm[tm.end() + nxt.end() : tm.end() + nxt.end() + 30])
            noun = parses(after.group(1)) if after else []
            if noun and str(noun[0].tag.POS or "") == "NOUN" and "gent" in noun[0].tag:
                return False
    prev = re.findall(r"[\w'-]+", norm[max(0, tm.start() - 40) : tm.start()])
    if not prev:
        return True
    word = prev[-1].lower()
    if word in _DEMONSTRATIVE:
        return True
    from loaders.morph import parses

    ps = parses(word)
    if re.fullmatch(r"\d+-\w+", word) or (ps and str(ps[0].tag.POS or "") in ("ADJF", "PRTF", "NUMR")):
        return False
    return True


def _oblast_code(key: str | None) -> str:
    """The oblast part of a KATOTTG key ("katottg:UA18040190010057814" -> "UA18"), or ""."""
    if not key or not key.startswith("katottg:UA"):
        return ""
    return key[8:12]


_EVENT_TRIGGERS = (
    "тренінг",
    "воркшоп",
    "конференці",
    "флешмоб",
    "фестивал",
    "марафон",
    "акці",
    "челендж",
    "хакатон",
    "конкурс",
    "форум",
    "кампані",
)
_ROLE_OF = re.compile(r"\s*(?:про[єе]?кт\w*|програм\w*|ініціатив\w*|инициатив\w*)?\s*", re.IGNORECASE)
_ROLE_LINK = re.compile(
    r"\s*(?:[-–—:]|є|буде|стал[аио]?|став|является|являются|(?:виступа[єюе]\w*|выступа\w*|виступи(?:в|ла|ли|ло)|"
    r"выступил\w*)|забезпечу(?:є|ють|вав|вала|вали|ватиме|ватимуть)|здійсню(?:є|ють|вав|вала|вали|ватиме|ватимуть)|"
    r"(?:бере|беруть|взяв|взяла|взяли|взяло)\s+на\s+себе)\s+",
    re.IGNORECASE,
)
_TRIGGER_BEFORE = re.compile(r"(?:програм|проє?кт|ініціатив|мереж|компонент)\w*\s*$", re.IGNORECASE)
_PROJECT_FIELD = re.compile(
    r"\s*(?:[-•*–—·▪]\s*)?(?:(?:основн\w*|головн\w*|фінансов\w*|ключов\w*|стратегічн\w*|генеральн\w*|офіційн\w*)\s+)?"
    r"(?:донор\w*|спонсор\w*|грантодав\w*|фінансування|"
    r"джерел\w*\s+фінансування|(?:спів)?виконав\w*|реалізатор\w*|партнер\w*|(?:спів)?організатор\w*|"
    r"місце\s+реалізації|місце\s+проведення|територія\s+реалізації|громад\w*(?:-учасниц\w*)?|бюджет\w*|вартість|"
    r"(?:цільов\w+\s+)?(?:регіон\w*|област\w*|географі\w*|територі\w*)(?:\s+(?:реалізації|діяльності|охоплення))?|"
    r"термін\w*\s+реалізації|програма|статус)(?:\s+з\s+(?:імплементації|впровадження|реалізації))?"
    r"(?:\s+проє?кту)?\s*(?:/[^:\n]{1,40})?(?::|\s[–—-]\s)",
    re.IGNORECASE,
)
_PARTNER_WORD = re.compile(r"(?:партнер|побратим)\w*", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*(?:,\s*(?:(?:та|і|й)\s+)?|\s+(?:та|і|й)\s+)")
_RUN_END = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*[.;!]?\s*")  # what may follow the last item of a list
# what may stand before the first item of a list's next part: "українське місто", "з громадою", "м."
_ITEM_LEAD = re.compile(
    r"\s*(?:(?:з|із|зі)\s+)?(?:[\w'’-]+(?:ськ|цьк|зьк)\w*\s+)?(?:(?:міст|громад|селищ|сел)\w*\s+|м\.\s*)?",
    re.IGNORECASE,
)
_FROM_ORIGIN = re.compile(
    r"(?:делегаці|представник|гост|візитер|учасник|delegation|guest|visitor)\w*\s+(?:з|із|зі|from)\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_LATIN_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][a-zà-ž]{2}")
_CYRILLIC_WORD = re.compile(r"[а-яіїєґ]{3}")
_WITH_BEFORE = re.compile(r"(?<![\w'’-])(?:з|із|зі|with)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
_FOREIGN_OBJECT = re.compile(
    r"(?:\s+громад\w*)?\s*(?:,\s*)?(?:та|і|й|а\s+також|and)\s+(?:(?:з|із|зі|with)\s+)?(?:[\w'’-]+\s+){0,2}?",
    re.IGNORECASE,
)
_DOMESTIC_OBJECT = re.compile(
    r"\s*(?:,\s*)?(?:та|і|й|а\s+також)\s+(?:(?:з|із|зі)\s+)?(?:українськ\w+\s+)(?:(?:міст|громад)\w*\s+)?",
    re.IGNORECASE,
)
# a partner card's own field: "Партнер: Бучанська міська територіальна громада" (not "Партнер проєкту:")
_PARTNER_FIELD = re.compile(
    r"\s*(?:[-•*–]\s*)?(?:партнер|громада-партнер|місто-партнер|побратим|місто-побратим)\s*:", re.IGNORECASE
)
_OF_PROJECT_LABEL = re.compile(r"\s*(?:[-•*–—·▪]\s*)?[\w'’ -]{1,40}?\s+проє?кту\s*(?::|\s[–—-]\s)", re.IGNORECASE)
_PROGRAMME_FIELD = re.compile(r"\s*(?:[-•*–—·▪]\s*)?(?:програма|programme|program)\s*(?::|\s[–—-]\s)", re.IGNORECASE)
_FIELD_LINE = re.compile(
    r"\s*(?:[-•*–—·▪]\s*)?[А-ЯІЇЄҐA-Z](?:[\w' /-]{1,50}:(?:\s|(?=[А-ЯІЇЄҐA-Z«]))|[\w' /]{1,30}\s[–—-]\s)"
)
_COLUMN_KINDS = (
    ("name", re.compile(r"(?:назва|проє?кт|програма)\w*(?:\s+проє?кту)?", re.I)),
    ("funds", re.compile(r"(?:донор|спонсор|грантодав|джерел\w*\s+фінансування|фінансування)\w*", re.I)),
    ("implements", re.compile(r"(?:виконав|реалізатор|партнер|організатор)\w*", re.I)),
    ("locatedIn", re.compile(r"(?:місце\s+реалізації|територія|громад|локаці)\w*", re.I)),
)


def _cell_cuts(sent: Sentence, norm: str) -> list[int]:
    """Offsets in ``norm`` of a table row's cell separators: bars ("A | B", "| A | B |") or tabs in the text as
    written (normalisation turns a tab into a space)."""
    if "|" in norm and (" | " in norm or norm.lstrip().startswith("|")):
        return [i for i, ch in enumerate(norm) if ch == "|"]
    if "\t" not in sent.text:
        return []
    tabs = [i for i, ch in enumerate(sent.text) if ch == "\t"]
    if sent.omap is None:
        return [i for i in tabs if i < len(norm) and norm[i] == " "]
    back = {doc - sent.start: i for i, doc in enumerate(sent.omap)}
    return [back[i] for i in tabs if i in back]


def _column_kind(cell: str) -> str | None:
    cell = cell.strip(" *:")
    for kind, rx in _COLUMN_KINDS:
        if rx.fullmatch(cell):
            return kind
    return None


_RIVER_BEFORE = re.compile(
    r"(?:(?<![\w])(?:річк\w*|(?<!\d\s)(?<!\d)р\.|берег\w*\s+(?:річки\s+)?)|(?:стоки|стічн\w+\s+вод\w*|скида\w*|скид\w*|впада\w*)"
    r"(?:\s+[\w'-]+){0,3}\s+(?:у|в|до))\s*$",
    re.IGNORECASE,
)
# the money of the sentence before, referred back to: "Кошти спрямують на ...", "The funds will be allocated for ..."
_MONEY_BACK = re.compile(
    r"(?<![\w])(?:(?:ці|ці\s+\w+|ці|зазначені|виділені|отримані|ці\s+гроші|these|the)\s+)?"
    r"(?:кошт\w*|грант\w*|фінансуванн\w*|гроші|средства|деньги|funds|funding|money|grant)(?![\w])"
    r"(?=.{0,80}(?:спрям\w*|піде|підуть|буде\s+використан\w*|будуть\s+використан\w*|використають|направ\w*|"
    r"will\s+be\s+(?:allocated|used|spent|directed|channel+ed)|go(?:es)?\s+to|allocated\s+(?:for|to)|"
    r"пойдут|будут\s+направлен\w*|будут\s+использован\w*))",
    re.IGNORECASE,
)
_MONEY = re.compile(r"(?<![\w])(?:грант\w*|кредит\w*|позик\w*|кошт\w*)(?![\w])", re.IGNORECASE)
_APPOSITIVE_OWNER = re.compile(
    r"[»\"”]?\s*(?:\([^()]{1,40}\)\s*)?[–—-]\s+(?:це\s+)?(?:(?:спільн|нов|масштабн|флагманськ|грантов)\w*\s+)?"
    r"(?:ініціатив[аи]|проє?кт|програм[аи]|кампані[яї])(?=\s+(?!«)\S)",
    re.IGNORECASE,
)
_FUND_HEAD = re.compile(r"фонд|фундаці|foundation|(?<![\w])fund(?![\w])", re.IGNORECASE)
_CONSORTIUM = re.compile(
    r"^\s*(?:консорціум|коаліці|консорциум|коалици)\w*\s+(?:(?:у|в)\s+складі|(?:в\s+)?составе|організацій|"
    r"партнерів|организаций)?\s*:?",
    re.IGNORECASE,
)
_DATELINE_REST = re.compile(r"[\s.:–—-]*")
_NOTE = re.compile(r"^\s*\((?:кредит|грант|позик|співфінансуванн|loan|grant)\w*\)")
_PAYERS = ("government", "eu_body")  # registry kinds that join an initiative with money
_CHANNEL = re.compile(r"(?<![\w])(?:через|via|through)\s+(?:the\s+)?$", re.IGNORECASE)
_CHANNEL_GAP = re.compile(r"\s*,?\s+(?:через|via|through)\s+(?:the\s+)?", re.IGNORECASE)
_COORD_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s(?:and|та|і|й|и)\s+)(?:the\s+)?", re.IGNORECASE)
# "в рамках программы «U-LEAD»": a noun the coreference cues hold, followed by the name it heads, refers to
# that name, not back to the paragraph's initiative
_NAMED_NEXT = re.compile(r"\s*[«\"„“]|\s+(?:[A-ZА-ЯЁІЇЄҐ][\w-]*\s+)?[«\"„“]")
# a press release's dateline: "KYIV, March 3, 2023 –", "LVIV, Ukraine —", "KHARKIV –" (the town in capitals)
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z'’-]{2,}(?:\s[A-Z][A-Z'’-]+)?(?:,\s*(?:Ukraine|[A-Z][a-z]+\s+[Oo]blast))?"
    r"(?:,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|\d{4}))?\s*(?:[–—-]|\(\w+\)\s*[–—-])\s"
)
# a loan or grant signed for: its lender pays ("loan agreement", "кредитный договор", "кредитну угоду")
_LOAN_NOUN = re.compile(r"(?<![\w])(?:loans?|grants?|credit|кредит\w*|позик\w*|грант\w*)(?![\w])", re.IGNORECASE)
_WITH_PARTNER_CITY = re.compile(
    r"(?<![\w])(?:разом|спільно)\s+(?:з|із|зі)\s+(?:містом-(?:побратимом|партнером)|партнерським\s+містом|"
    r"громадою-партнером|польським\s+партнером|партнерами\s+з)\s+",
    re.IGNORECASE,
)
_IMPLEMENTED = re.compile(r"(?<![\w])(?:реалізува\w+|впровади\w+|провели|провела|провело|здійсни\w+|втіли\w+)", re.I)
_CHOSEN = re.compile(
    r"[^.;:«»]{0,80}?(?<![\w])(?:обрано|обрали|обрала|обрав|призначено|визначено|залучено|є|став|стала|стали|"
    r"виступає|виступають|виступила|виступив|буде)(?![\w])\s*",
    re.IGNORECASE,
)
_ELLIPTIC = re.compile(
    r"(?P<adj>[А-ЯІЇЄҐ][\w'’-]*(?:ськ|цьк|зьк)(?:а|ій|ої|ою|у))\s+(?P<type>міськ|селищн|сільськ)(?:а|ій|ої|ою|у)(?=\s*(?:,|та\s|і\s|й\s))"
)
_ELLIPTIC_ITEM = re.compile(
    r"(?P<adj>[А-ЯІЇЄҐ][\w'’-]*(?:ськ|цьк|зьк)(?:а|ій|ої|ою|у|і|их|им|ими))\s+(?P<type>міськ|селищн|сільськ)(?:а|ій|ої|ою|у|і|их|им|ими)(?![\w])"
)
_ELLIPSIS_LED = re.compile(
    r"(?<![\w])(?:громад\w*|ТГ|ОТГ):?\s+(?P<run>(?:{i}(?:\s*,\s*|\s+(?:та|і|й)\s+))+{i})".format(
        i=r"[А-ЯІЇЄҐ][\w'’-]*(?:ськ|цьк|зьк)\w{0,3}\s+(?:міськ|селищн|сільськ)\w{0,3}"
    ),
    re.IGNORECASE,
)
# rule ``oblast-site-with-raions``: "у Полтавській області (Кременчуцький та Миргородський райони)": the oblast after
# a preposition of place is a site itself; the raions in brackets narrow it and are sites too
_SITE_PREP = re.compile(r"(?:(?<![\w])(?:у|в|на|з|із|по)\s+|/\s*)$", re.IGNORECASE)
_OBLASTS_HEAD = re.compile(r"\s*(?<![\w])(?:област(?:і|ей|ях|ям|ями)|обл\.)(?![\w])", re.IGNORECASE)
_OBLAST_WORD = re.compile(r"[А-ЯІЇЄҐ][\w'’-]*(?:ськ|цьк|зьк)(?:а|ій|ої|ою|у)(?![\w'’-])")
# two or more such adjectives in a list: "Житомирська, Київська та Чернігівська", "Вінницькій, Волинській, ..."
_OBLAST_RUN = re.compile(
    r"(?<![\w'’-])[А-ЯІЇЄҐ][\w'’-]*(?:ськ|цьк|зьк)(?:а|ій|ої|ою|у)"
    r"(?:(?:\s*,\s*(?:(?:та|і|й)\s+)?|\s+(?:та|і|й)\s+)[А-ЯІЇЄҐ][\w'’-]*(?:ськ|цьк|зьк)(?:а|ій|ої|ою|у))+(?![\w'’-])"
)
_OBLASTS_LEAD = re.compile(r"област(?:і|ей|ях|ям|ями)(?:\s+України)?\s*[:—–(-]?\s*$", re.IGNORECASE)
_HROMADAS_LEAD = re.compile(
    r"громад(?:и|ах|ам|ами)(?:-учасниц\w*)?\s*[:—–(-]?\s*$"
    # rule ``hromadas-of-the-oblast``: "у 5 громадах області (Баранівській, Коростенській …)": the region by a common noun
    r"|громад(?:и|ах|ам|ами)?\s+(?:області|району|регіону|краю)\s*[:—–(]\s*$"
    # "15 громад Чернігівської та Сумської областей: Менська, ...", "громади Херсонщини: ...", "п'ять громад: ..."
    r"|громад(?:и|ах|ам|ами)?(?:\s+[А-ЯІЇЄҐ][\w'’-]+(?:\s+(?:та|і|й)\s+[А-ЯІЇЄҐ][\w'’-]+)?(?:\s+област(?:і|ей))?)?"
    r"\s*[:—–-]\s*$"
    # "12 громад Житомирської області, зокрема Коростенську та Овруцьку", "у громадах Житомирщини, зокрема у …"
    r"|громад\w*(?:\s+[А-ЯІЇЄҐ][\w'’-]+(?:\s+(?:та|і|й)\s+[А-ЯІЇЄҐ][\w'’-]+)?(?:\s+област(?:і|ей))?)?"
    r"\s*,?\s*(?:зокрема|серед\s+них|а\s+саме|як-от)(?:\s+(?:у|в))?\s*$",
    re.IGNORECASE,
)
_HROMADA_HEAD = re.compile(
    r"(?<![\w'’-])[А-ЯІЇЄҐ][\w'’-]*(?:ськ|цьк|зьк)а\s+(?:(?:міська|селищна|сільська)\s+)?громада(?![\w])"
)
# between the two communities of a pair ("Тернопільська громада — Краматорська", "Житомирська та Ізюмська",
# "стала партнером Харківської") and between pairs (", а", "; ")
# "її побратими", "серед його партнерів", "их города-побратимы": a partner noun owned by a pronoun
_POSSESSIVE_PARTNER = re.compile(
    r"(?<![\w'’])(?:її|його|їхн\w+|её|ее|его|их|its|their)\s+(?:[\w'’]+\s+)?(?:міст\w*-|город\w*-|sister\s+)?"
    r"(?:побратим|партн[еёe]р|twin)\w*",
    re.IGNORECASE,
)


# "Ліда (Білорусь)", "Раквере — Естонія": a list row of one capitalised name and its country
_ITEM_COUNTRY = re.compile(
    r"[\d.)\s|]*(?-i:[А-ЯІЇЄҐA-Z])[\w'’-]+(?:[ -][\w'’-]+){0,3}\s*(?:\([^()]{2,40}\)|[—–-]\s*[\w\s'’-]{2,40}"
    r"|[ ]*[|\t][^\n]{2,60})\s*[;,.]?"
)


# ", а Ковель — партнером Хелма": a clause whose subject follows ", а" (rule ``gapped-clause``)
_GAPPED = re.compile(r",\s+а\s+(?!також\s)")
_GAP_LEAD = re.compile(r"\s*(?:(?:місто|м\.|громада|селище|село)\s*)?")
_SECTION_LIST_LABEL = re.compile(r"партнер|побратим|partner|twin|sister", re.IGNORECASE)
_PAIR_JOIN = re.compile(
    r"\s*(?:(?:міськ\w*|селищн\w*|сільськ\w*)\s+)?(?:(?:територіальн\w+\s+)?громад\w*\s*)?"
    r"(?:[—–]\s*(?:(?:з|із|зі|з\s+громадою)\s+)?|-\s+|(?:та|і|й|з|із|зі)\s+|(?:\w+\s+){0,2}?партнер(?:ом|ами)\s+)"
)
_PAIR_APART = re.compile(
    r"\s*(?:(?:міськ\w*|селищн\w*|сільськ\w*)\s+)?(?:(?:територіальн\w+\s+)?громад\w*\s*)?[,;]\s*(?:(?:а|та|і)\s+)?"
)
_PAIR_APART_OR_AND = re.compile(rf"{_PAIR_APART.pattern}|\s+(?:та|і|й|а)\s+")
# a hromada's adjective alone, its noun left out: followed by punctuation, a dash or a conjunction
_BARE_HROMADA = re.compile(
    r"(?<![\w'’-])(?P<adj>[А-ЯІЇЄҐ][\w'’-]*(?:ськ|цьк|зьк)(?:а|ої|ій|у|ою))"
    r"(?=\s*(?:[,;.:)]|[—–]|\s-\s|$)|\s+(?:та|і|й|а|з|із|зі)\s+[А-ЯІЇЄҐ])"
)
# "Ковельська міська" with no noun after it (rule ``typed-bare-hromada``)
_TYPED_HROMADA_HINT = re.compile(r"(?:міськ|селищн|сільськ)(?:а|ої|ій|ою)(?=\s*(?:[,;.:)]|[—–]|\s-\s|$))")
_TYPED_HROMADA = re.compile(
    r"(?<![\w'’-])(?P<adj>[А-ЯІЇЄҐ][\w'’-]*(?:ськ|цьк|зьк)(?:а|ої|ій|ою))\s+"
    r"(?P<type>міськ|селищн|сільськ)(?:а|ої|ій|ою)(?=\s*(?:[,;.:)]|[—–]|\s-\s|$))"
)
# the head nouns a hromada's adjective may stand before, in the order they are tried
_HROMADA_HEADS = ("міська громада", "селищна громада", "сільська громада")
_BARE_BEFORE = re.compile(r"(?:[—–:,;]|\s-|\s(?:та|і|й|а|з|із|зі|партнером|партнерами))\s*$")
_OBLAST_NOUN = re.compile(r"(?<![\w'’-])(?:област\w*|обл\.|oblast)", re.IGNORECASE)
_GAPPED_HROMADA = re.compile(
    r"(?:,\s*(?:а\s+|та\s+|і\s+)?|\s+(?:а|та|і)\s+)(?P<adj>[А-ЯІЇЄҐ][\w'’-]*(?:ськ|цьк|зьк)а)\s*[—–-]\s*(?:з|із|зі)\s"
)
_ELLIPSIS_HEAD = re.compile(r"(?<![\w])(?:ТГ|ОТГ|територіальн\w+\s+громад\w*|громад\w*)(?![\w])")
_CAPS_HEADING = re.compile(r"[\s\d.)•*–-]*[А-ЯІЇЄҐA-Z][А-ЯІЇЄҐA-Z'’ ,&/-]{3,60}:?\s*")
_BULLET = re.compile(r"\s*(?:[-•*–]|\d{1,2}[.)])\s")
_ANY_BULLET = re.compile(r"\s*(?:[-•*–—]|\d{1,2}[.)])\s")
# a lead-in that announces the items of a programme: its contests, calls, components, opportunities
_LIST_LEAD = re.compile(
    r"(?:конкурс|можливост|ініціатив|напрям|компонент|грант|проєкт|проект|заход|курс|програм|projects?|"
    r"components?|calls?|grants?|opportunit)\w*",
    re.IGNORECASE,
)
# "Координатор проєкту – Агенція регіонального розвитку ...": the role's initiative word and a dash may come first
_ORG_AHEAD = re.compile(r"\s*(?:(?:проє?кту|програми|ініціативи|конкурсу)\s+)?(?:[–—:-]\s*)?[А-ЯІЇЄҐ]")
_UNQUOTED_ORG = re.compile(
    r"\s*(?:(?:проє?кту|програми|ініціативи|конкурсу|є|став|стала|стали|виступає|виступають|виступили)\s+){0,2}"
    r"(?:[–—:-]\s*)?"
    r"(?:(?P<form>(?:громадськ|благодійн|молодіжн|міжнародн|всеукраїнськ)\w*\s+(?:організаці|спілк|фонд)\w*|"
    r"ГО|ГС|БФ|МБФ|БО|МБО|ВГО|МГО)\s+|компані\w*\s+|організаці\w*\s+)?(?P<org>[А-ЯІЇЄҐ][\w'-]+(?:\s+[а-яіїєґА-ЯІЇЄҐ'-]+){0,9})"
)
_EN_ORG_HEAD = (
    r"(?:Agency|Association|Union|Foundation|Fund|Institute|Centre|Center|Council|Network|Alliance|Coalition|"
    r"Ministry|Chamber|Society|Federation|University|Academy|Trust|Committee|Secretariat|Administration)"
)
_EN_CAP = r"[A-Z][\w'’&-]*"
_EN_COUNCIL = re.compile(
    r"(?:the\s+)?(?P<place>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)\s+(?P<level>City|Town|Village|Settlement|Oblast|Regional)"
    r"\s+(?P<body>Council|State\s+Administration|Military\s+Administration)"
)
_EN_ORG = re.compile(
    r"\s*(?:the\s+)?(?:(?:(?:Ukrainian|local|international|national|regional|public|charitable|non-governmental)\s+)*"
    r"(?:NGO|CSO|charity|(?:non-governmental|civil\s+society|public|charitable)\s+organi[sz]ation)\s+"
    rf"(?P<name>{_EN_CAP}(?:\s+{_EN_CAP}){{0,4}})|"
    rf"(?P<org>(?:{_EN_CAP}\s+){{0,3}}{_EN_ORG_HEAD}"
    rf"(?:\s+(?:of|for|on|in|under)\s+(?:the\s+)?{_EN_CAP}(?:\s+(?:and\s+|&\s+)?{_EN_CAP})*)*))(?![\w'’-])"
)
_TEAM_OF = re.compile(
    r"(?<![\w])(?:команд[аиоуі]\w*|фахівц\w+|фахівець|експерт\w*|офіс\w*|представник\w*)\s*$", re.IGNORECASE
)
_ASIDE_LEAD = re.compile(
    r"[,(]\s*(?:[а-яіїєґ'-]+(?:ований|ована|оване|овані|ений|ена|ене|ені|аний|ана|ане|ані|ітий|ита|ите|иті)"
    r"|(?:грантоотримувач|виконавець|реалізатор|партнер|організатор|оператор)\w*\s*[–—:-]"
    # rule ``relative-aside-agent``: "Проєкт «X», що фінансується японським урядом, реалізує ПРООН"
    r"|(?:що|який|яка|яке|які|яку|котор\w+|что)\s+(?:[\w'’-]+\s+){1,2})\s*$",
    re.IGNORECASE,
)


def _aside(norm: str, start: int, end: int, verb: int) -> bool:
    """The agents norm[start:end] stand in an aside closed right before the verb (", ініційований X," or
    "(виконавець – X)"), so they are not its subject."""
    if not re.fullmatch(r"[»\"”]?\s*[,)]\s*", norm[end:verb]):
        return False
    return bool(_ASIDE_LEAD.search(norm, max(0, start - 60), start))


# Russian head nouns of organisation names ("реализует Ассоциация энергоэффективных городов Украины"): the
# Ukrainian dictionary does not know them
_RU_ORG_HEADS = (
    "ассоциаци", "министерств", "объединени", "обществ", "организаци", "институт", "университет", "федераци",
    "центр ", "центра ", "центром ", "центре ", "фонд ", "фонда ", "фондом ", "фонде ", "союз ", "союза ", "союзом ",
)  # fmt: skip
_LIST_TAIL = re.compile(r"[»\"”]?" + _LIST_GAP.pattern + r"(?=[А-ЯІЇЄҐ])")  # the list goes on after a closing quote
_GIFT_VERB = re.compile(r"(?<![\w])(?:нада|переда|подарува)(?:в|ла|ли|ло)(?![\w])", re.IGNORECASE)
_QUOTED_NAME = re.compile(r"\s*[«„“\"]([^«»„“”\"\n]{2,80})[»“”\"]")
_CAP_WORD = re.compile(r"(?<![\w'-])[А-ЯІЇЄҐ][\w'-]+")
_LEGAL_FORMS = {"ГО", "ГС", "БФ", "МБФ", "БО", "МБО", "ВГО", "МГО", "ВБО", "ВБФ"}
_ORG_CUT = {
    "разом", "спільно", "за", "що", "який", "яка", "які", "а", "через", "щодо", "протягом",
    "при", "вместе", "совместно", "что", "который", "которая", "которые",
}  # fmt: skip
_ORG_STOP = {"разом", "за", "у", "в", "на", "та", "і", "й", "а", "що", "який", "яка", "до", "від", "з", "із", "для"}


def _trigger_stem(word: str) -> str:
    """Which kind of initiative a trigger word names: проєкт, програм, ініціатив, мереж, компонент, or ""."""
    w = word.lower().replace("проект", "проєкт")
    for stem in ("проєкт", "програм", "ініціатив", "мереж", "компонент", "стратегі"):
        if w.startswith(stem):
            return stem
    return ""


def _distance(m: Mention, p: Mention) -> int:
    if p.start >= m.end:
        return p.start - m.end
    if m.start >= p.end:
        return (m.start - p.end) + 5  # a place before the initiative is a little less likely its site
    return 0


_AGENT_GAP = re.compile(
    r"^[\s,«(]*(?:(?:та|і|й|а\s+також|від|з\s+боку|з|із|зі|компанією|компанія|організацією|урядом|урядів|уряду|"
    r"the|of|and|by|from|governments?|(?-i:[A-Z][a-z]+)|"
    r"[а-яіїєґ'-]+)[\s«(]+){0,4}$",
    re.IGNORECASE,
)


_GAP_STOP = re.compile(
    r"(?<![\w])(?:за|при|що|что|який|яка|які|якого|котор\w*|де|где|межах|рамках|пределах|співпраці|сотрудничеств\w*|"
    r"підтрим\w*|поддерж\w*|в|у|на|для)(?![\w])",
    re.I,
)


_EN_VERB_NEXT = re.compile(
    r"[\"”]?\s*(?:\([^()]{1,40}\)\s*)?(?:is|are|was|were|has|have|had|will|implements|implemented|runs|ran|"
    r"supports|supported|funds|funded|provides|provided|delivers|delivered|launche[sd])\s",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"[»\"”]?\s*(?:\([^()]{1,40}\)\s*)?([а-яіїєґ'’]+)(?![\w'’-])")


def _verb_follows(norm: str, end: int) -> bool:
    """A finite verb right after a name ("ПРООН реалізує"): the name is the subject of a clause of its own."""
    if _EN_VERB_NEXT.match(norm, end):
        return True
    w = _NEXT_WORD.match(norm, end)
    if w is None:
        return False
    from loaders.morph import parses

    ps = parses(w.group(1))
    return bool(ps) and str(ps[0].tag.POS or "") == "VERB" and "infn" not in ps[0].tag


def _agent_gap(gap: str, first: bool) -> bool:
    if not first and re.fullmatch(r"\s*(?:через|through|via)\s+(?:[^.;:!?()«»]{0,80}\(\s*)?", gap):
        return True  # "урядом Швеції через Агентство ... (Sida)": the channel acts for the funder
    gap = _NOTE.sub(" ", gap)  # "ЄІБ (кредит) та ЄС (грант)": a note on the agent's share, the list goes on
    if first:
        # rule ``consortium-members``: "реалізує консорціум у складі ГО «А» та БФ «Б»": the members act
        gap = _CONSORTIUM.sub(" ", gap)
        gap = re.sub(r"^\s*(?:[\w'-]+\s*)?:", " ", gap)  # "Джерела фінансування: кошти ЄБРР", "Виконавець проєкту: КП"
    if len(gap) > 60 or re.search(r"[.;:!?»]", gap) or _GAP_STOP.search(gap):
        return False
    if not first and not re.search(r",|(?<![\w])(?:та|і|й|и|а також|а также|and)(?![\w])", gap):
        return False  # "установою «X» Житомирської міської ради": a genitive attribute, not a second agent
    from loaders.morph import parses

    for w in re.findall(r"[а-яіїєґ']+", gap.lower()):
        ps = parses(w)
        if ps and str(ps[0].tag.POS or "") in ("VERB", "INFN", "PRTS", "GRND", "ADVB"):
            return False
    if not first and "," in gap and not re.fullmatch(r"[\s,]*(?:та|і|й|и|and)?[\s«(]*", gap):
        return False
    return bool(_AGENT_GAP.match(gap)) or not gap.strip()


def _clean_surface(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" «»,.;:()")


def _council_label(surface: str) -> str | None:
    from loaders.morph import nominative

    words = _clean_surface(surface).split()
    if not words:
        return None
    low = " ".join(words).lower()
    if not re.search(r"рад|адміністрац|ода\b|ова\b|рда\b", low):
        return None
    if len(words) >= 2 and words[-1].upper() in _COUNCIL_ABBR:
        # rule ``council-abbreviation-case``: "Сумською ОВА" is "Сумська ОВА": the adjective agrees with the
        # administration the abbreviation stands for
        label = " ".join([*nominative([*words[:-1], "адміністрацією"])[:-1], words[-1].upper()])
        if label.split()[0].lower() == words[0].lower():
            label = " ".join([*nominative([*words[:-1], "адміністрації"])[:-1], words[-1].upper()])
        return label
    label = " ".join(nominative(words))
    # "Ніжинська міськрада" is the council its full name names: "Ніжинська міська рада"
    return _SHORT_COUNCIL.sub(lambda m: _SHORT_COUNCIL_FULL[m.group(1).lower()], label)


_COUNCIL_ABBR = frozenset({"ОДА", "ОВА", "РДА", "РВА"})
_SHORT_COUNCIL_FULL = {"міськрада": "міська рада", "селищрада": "селищна рада", "сільрада": "сільська рада"}
_SHORT_COUNCIL = re.compile(r"(?<![\w])(міськрада|селищрада|сільрада)(?![\w])", re.IGNORECASE)


_HROMADA_NAME_TAIL = re.compile(r"(?:міська|селищна|сільська)\s+громада$")


def _place_entity(place) -> Entity:
    attrs = {"category": place.category}
    if place.country:
        attrs["country"] = place.country
    names = set(place.names or ()) | ({place.label_en} if place.label_en else set())
    # "X міська громада" reads almost like "X міська рада" (the council, an organisation): leave it out
    names = {n for n in names if not _HROMADA_NAME_TAIL.search(n)}
    # "Ґура-Кальварія" is also written "Гура-Кальварія": real pages use both letters
    if "Ґ" in place.label or "ґ" in place.label:
        names.add(place.label.replace("Ґ", "Г").replace("ґ", "г"))
    return Entity(
        place.key,
        place.type,
        place.label,
        place.label_en,
        names,
        dict(place.identifiers or {}),
        attrs,
        place.lat,
        place.lon,
    )
