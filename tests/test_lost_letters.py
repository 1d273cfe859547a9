"""Text whose і/ї/є a broken encoding dropped (loaders/narrative/repair.py): recognised, repaired, and
evidence still quotes the page as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.narrative import LOADER
from loaders.narrative.repair import lost_letters, repair

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
CASE = (
    "Громада Костополя отримала грант. Проєкт «Тепла школа» у Костопол реалзується за пдтримки "
    "Рвненсько обласно ради та уряду Нмеччини. Вн передбача утеплення шкл та закупвлю обладнання "
    "для котелень у сел Мирне. Кошти на нього надав Європейський нвестицйний банк. "
) * 3


def _drop(text: str) -> str:
    return "".join(c for c in text if c not in "іїєІЇЄ")


def test_a_page_that_lost_its_letters_is_recognised_and_others_are_not() -> None:
    intact = "Місто Житомир і громада Коростеня підписали угоду про співпрацю з Європейським інвестиційним банком. " * 5
    assert not lost_letters(intact)
    assert lost_letters(_drop(intact))
    russian = "Европейский инвестиционный банк предоставит Запорожью кредит на модернизацию водоканала. " * 5
    assert not lost_letters(russian)
    latin_i = intact.replace("і", "i")  # a Latin i in Cyrillic words is not a lost letter
    assert not lost_letters(latin_i)
    assert not lost_letters("Short text without і.")


def test_words_get_their_letters_back_and_positions_are_recorded() -> None:
    text = "Проєкт реалзується за пдтримки Рвненсько обласно ради та уряду Нмеччини."
    fixed, inserted = repair(text)
    assert fixed == "Проєкт реалізується за підтримки Рівненської обласної ради та уряду Німеччини."
    assert "".join(c for i, c in enumerate(fixed) if i not in set(inserted)) == text


def test_relations_are_read_and_evidence_quotes_the_original() -> None:
    ex = LOADER.extract_text(CASE)
    labels = {k: e.label for k, e in ex.entities.items()}
    got = {(labels[r.subject], r.predicate, labels[r.object]) for r in ex.relations if r.evidence}
    assert ("Тепла школа", "locatedIn", "Костопіль") in got
    assert ("Уряд Німеччини", "funds", "Тепла школа") in got
    for r in ex.relations:
        for ev in r.evidence:
            assert CASE[ev.start : ev.end] == ev.sentence
    for e in ex.entities.values():
        for ev in e.mentions:
            assert CASE[ev.start : ev.end] == ev.sentence
    assert any("і/ї/є" in w for w in ex.warnings)


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not available")
def test_a_seed_without_its_letters_keeps_most_of_its_relations() -> None:
    text = (SEEDS / "003_f13dc1d499d2af0b.txt").read_text(encoding="utf-8")

    def rels(t: str) -> set[tuple[str, str, str]]:
        return {(r.subject, r.predicate, r.object) for r in LOADER.extract_text(t).relations if r.evidence}

    intact, damaged = rels(text), rels(_drop(text))
    assert intact and len(intact & damaged) >= 0.6 * len(intact)


def test_question_marks_for_lost_letters_are_put_back_and_real_ones_stay() -> None:
    from loaders.narrative.repair import question_marks

    text = "Про?кт реал?зується за п?дтримки уряду Н?меччини. Хто фінансує? Уряд."
    assert question_marks(text) == "Проєкт реалізується за підтримки уряду Німеччини. Хто фінансує? Уряд."
    page = ("Проєкт «Тепла школа» у Костопол? реал?зується за п?дтримки уряду Н?меччини. ") * 2
    ex = LOADER.extract_text(page)
    labels = {k: e.label for k, e in ex.entities.items()}
    got = {(labels[r.subject], r.predicate, labels[r.object]) for r in ex.relations if r.evidence}
    assert ("Уряд Німеччини", "funds", "Тепла школа") in got
    for r in ex.relations:
        for ev in r.evidence:
            assert page[ev.start : ev.end] == ev.sentence  # quotes the page with its question marks
