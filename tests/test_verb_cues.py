"""Cue rows that name verbs by their infinitives (``verbs:`` in ``loaders/lang/uk/cues.csv``)."""

import re

import pytest

from loaders.patterns import cue_regex, verb_forms


def test_every_finite_form_of_each_infinitive():
    forms = set(verb_forms(["підтримувати", "підтримати"], "uk").split("|"))
    assert {"підтримує", "підтримують", "підтримуватимуть", "підтримала", "підтримали", "підтримати"} <= forms
    assert "підтримай" not in forms  # not the imperative
    assert "підтрима" not in forms  # not the dialect form


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
