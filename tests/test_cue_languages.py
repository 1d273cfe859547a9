"""Cue rows scoped by language (``loaders.patterns.cue_languages``): a sentence is read only with the rows of the
languages it can be in, and every cue search finds exactly what the search over all rows finds."""

import re
import sys
from pathlib import Path

import pytest

from loaders.narrative import LOADER
from loaders.patterns import (
    CUE_LANGUAGES,
    CUE_SCRIPT,
    LANG,
    cue_languages,
    cue_regex,
    cue_regex_in,
    cue_values,
    cue_values_in,
    cues,
)

KINDS = sorted(cues())
TEXTS = Path(__file__).parent / "golden"


def _rows(lang):
    return [(kind, p) for kind, rows in cues().items() for p, _v, lg in rows if lg == lang]


def test_a_cyrillic_sentence_is_never_read_with_the_english_rows():
    s = "Проєкт «Чисте місто» фінансує Європейський Союз."
    assert cue_languages(s) == ("uk", "ru")
    english = {p for kind, p in _rows("en")}
    for kind in KINDS:
        scoped = cue_values_in(kind, s)
        assert len(scoped) == sum(1 for _p, _v, lg in cues()[kind] if lg != "en")
        assert not {rx.pattern for rx, _v in scoped} & {rx.pattern for rx, _v in cue_values(kind, ("en",))}
        assert not any(f"(?:{p})" in cue_regex_in(kind, s).pattern for p in english)
    assert len(cue_values_in("fund", s)) < len(cue_values("fund"))


def test_a_latin_sentence_is_read_with_the_english_rows_only():
    s = "The project is funded by the European Union."
    assert cue_languages(s) == ("en",)
    assert len(cue_values_in("fund", s)) == len(cue_values("fund", ("en",))) < len(cue_values("fund"))
    assert cue_regex_in("fund", s).search(s).group() == "funded by"


def test_no_letters_no_rows():
    assert cue_languages("2024 - 12 000 000 (50%).") == ()
    assert cue_values_in("fund", "12 000") == ()
    assert cue_regex_in("fund", "12 000").search("12 000") is None


def test_scoped_rows_keep_table_order():
    for kind in KINDS:
        for langs in (("uk", "ru"), ("en",), ("uk", "en", "ru")):
            want = [(p, v) for p, v, lg in cues()[kind] if lg in langs]
            got = cue_values(kind, langs)
            assert [v for _rx, v in got] == [v for _p, v in want]
            assert all(p in rx.pattern for (rx, _v), (p, _v2) in zip(got, want, strict=True))
    assert cue_regex("fund", ("uk", "en", "ru")) is cue_regex("fund")  # one compiled alternation per pair


def test_a_ukrainian_sentence_with_a_latin_donor_keeps_every_language():
    s = "Ніжинська міська рада реалізує проєкт «Green4Towns», funded by the European Union."
    assert cue_languages(s) == CUE_LANGUAGES
    assert cue_regex_in("fund", s).search(s).group() == "funded by"  # an English row inside a Ukrainian sentence
    rels = {(r.subject, r.predicate, r.object) for r in LOADER.extract_text(s).relations}
    assert ("donor:eu", "funds", "project:green4towns") in rels
    assert ("org:ніжинська-міська-рада", "implements", "project:green4towns") in rels
    rels = {
        (r.subject, r.predicate, r.object)
        for r in LOADER.extract_text("Проєкт «Чисте місто» фінансує USAID.").relations
    }
    assert rels == {("donor:usaid", "funds", "project:чисте-місто")}


def _sentences():
    for path in sorted(TEXTS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield line
    yield "Pryluky community signed a memorandum with the Gmina of Biszcza (Poland)."
    yield "ЕИБ предоставит Запорожью кредит в рамках программы «Восстановление Украины»."
    yield "Проєкт реалізується за підтримки USAID (with the support of USAID) в рамках програми «Decentralization»."


def test_the_scoped_search_finds_what_the_search_over_all_rows_finds():
    n = 0
    for s in _sentences():
        for kind in KINDS:
            full = [(m.span(), m.group()) for m in cue_regex(kind).finditer(s)]
            assert [(m.span(), m.group()) for m in cue_regex_in(kind, s).finditer(s)] == full, (kind, s)
            if not full:
                continue  # no row of the kind matches (the alternation would): nothing for a row to lose
            every = [(v, m.span()) for rx, v in cue_values(kind) for m in rx.finditer(s)]
            assert [(v, m.span()) for rx, v in cue_values_in(kind, s) for m in rx.finditer(s)] == every, (kind, s)
            n += bool(full)
    assert n > 100  # the texts do contain cues


# ---------------------------------------------------------------- the premise: each row needs its script's letters

_parser = getattr(re, "_parser", None) or sys.modules.get("sre_parse")


def _needs(items, in_script) -> bool:
    """Whether every match of the parsed items consumes a character that ``in_script`` accepts (conservative:
    lookarounds and optional parts never count)."""
    return any(_node_needs(op, av, in_script) for op, av in items)


def _node_needs(op, av, in_script) -> bool:
    c = _parser  # the opcodes live in its namespace
    if op is c.LITERAL:
        return in_script(av)
    if op is c.IN:
        return bool(av) and all(
            (o is c.LITERAL and in_script(a)) or (o is c.RANGE and all(in_script(x) for x in range(a[0], a[1] + 1)))
            for o, a in av
        )
    if op is c.BRANCH:
        return all(_needs(b, in_script) for b in av[1])
    if op is c.SUBPATTERN:
        return _needs(av[-1], in_script)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        return av[0] >= 1 and _needs(av[2], in_script)
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _needs(av, in_script)
    return False


@pytest.mark.skipif(_parser is None, reason="this Python has no regex parser module to read the rows with")
@pytest.mark.parametrize("lang", CUE_LANGUAGES)
def test_every_row_needs_a_letter_of_its_language(lang):
    """cue_languages leaves out a language when the text has none of its letters: every row of the language must be
    unable to match without one, or a sentence would lose a cue."""
    script = CUE_SCRIPT[lang]
    for kind, p in _rows(lang):
        parsed = _parser.parse(p, re.IGNORECASE)
        assert _needs(list(parsed), lambda c: bool(script.fullmatch(chr(c)))), (
            f"loaders/lang/{lang}/cues.csv: the {kind} row {p[:60]!r} can match text without a letter "
            f"{script.pattern}: loaders/patterns.py cue_languages would skip it"
        )
    assert (LANG / lang / "cues.csv").is_file()


def test_the_letter_classes_see_every_case_variant():
    """A row matches case-insensitively, so "k" also matches the Kelvin sign: the class that decides a language is
    possible sees every character that a letter of that script matches."""
    latin = re.compile(r"[a-zA-Z]", re.IGNORECASE)
    cyrillic = re.compile(r"[\u0400-\u04ff]", re.IGNORECASE)
    for letters, script in ((latin, CUE_SCRIPT["en"]), (cyrillic, CUE_SCRIPT["uk"])):
        missed = [hex(d) for d in range(0x110000) if letters.fullmatch(chr(d)) and not script.fullmatch(chr(d))]
        assert not missed
    assert cue_languages("\u212a") == ("en",)  # the Kelvin sign is a "k" to a case-insensitive row
