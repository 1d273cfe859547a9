"""Cue rows that name verbs by their infinitives (``verbs:`` in ``loaders/lang/uk/cues.csv``)."""

import re

import pytest

from loaders.patterns import cue_regex, trie_regex, verb_forms


def test_every_finite_form_of_each_infinitive():
    rx = re.compile(verb_forms(["підтримувати", "підтримати"], "uk"))
    for form in ("підтримує", "підтримують", "підтримуватимуть", "підтримала", "підтримали", "підтримати"):
        assert rx.fullmatch(form), form
    assert not rx.fullmatch("підтримай")  # not the imperative
    assert not rx.fullmatch("підтрима")  # not the dialect form


def test_trie_regex_matches_exactly_its_words():
    words = {"підтримує", "підтримують", "підтримав", "фінансує", "a.b"}
    rx = re.compile(trie_regex(words))
    assert all(rx.fullmatch(w) for w in words)
    for other in ("підтриму", "підтримуютьс", "фінанс", "axb", ""):
        assert not rx.fullmatch(other), other


def test_a_word_that_is_not_an_infinitive_is_an_error_naming_the_file():
    with pytest.raises(ValueError, match=r"loaders/lang/uk/cues.csv: 'підтримка'"):
        verb_forms(["підтримка"], "uk")


@pytest.mark.parametrize(
    "sentence",
    ["Проєкт підтримуватимуть ЄС і Швеція.", "ЄС співфінансуватиме проєкт.", "ПРООН реалізувала проєкт."],
)
def test_the_forms_are_cues(sentence):
    kind = "implement" if "реаліз" in sentence else "fund"
    assert cue_regex(kind).search(sentence)


def test_forms_are_whole_words():
    assert not re.search(cue_regex("fund"), "підтримуваність")
