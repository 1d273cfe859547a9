"""Russian relation frames (loaders/lang/ru/cues.csv and the shared frame code) read as their Ukrainian twins."""

from __future__ import annotations

from loaders.narrative import LOADER

# a Russian page: enough ы/э/ъ/ё for loaders.narrative.russian.russian_document
_TAIL = " Это было объявлено на пресс-конференции, где выступили эксперты и представители мэрии."


def _relations(text: str) -> set[str]:
    ex = LOADER.extract_text(text + _TAIL)
    lab = {k: e.label for k, e in ex.entities.items()}
    return {f"{lab[r.subject]}|{r.predicate}|{lab[r.object]}" for r in ex.relations}


def test_a_role_noun_and_a_dash_inside_the_sentence() -> None:
    got = _relations("Проект «Чистая вода» финансирует Европейский союз, исполнитель — ПРООН.")
    assert {"Європейський Союз|funds|Чистая вода", "Програма розвитку ООН|implements|Чистая вода"} <= got


def test_funding_verbs_in_the_neuter_and_plural() -> None:
    got = _relations("Правительство Японии выделило Одессе экскаваторы в рамках проекта «Восстановление».")
    assert "Уряд Японії|funds|Восстановление" in got and "Уряд Японії|implements|Восстановление" not in got


def test_the_supporter_does_not_act_for_the_verb_after_it() -> None:
    got = _relations(
        "Проект «Теплый дом» при финансовой поддержке Правительства Швейцарии реализует Фонд Восточная Европа."
    )
    assert {"Уряд Швейцарії|funds|Теплый дом", "Фонд Східна Європа|implements|Теплый дом"} <= got
    assert "Уряд Швейцарії|implements|Теплый дом" not in got


def test_a_relative_clause_binds_the_name_it_hangs_on() -> None:
    got = _relations(
        "Проект «Зеленый парк» выполняется в рамках программы «Мэры за экономический рост», которую финансирует "
        "Европейский союз."
    )
    assert "Європейський Союз|funds|Мери за економічне зростання" in got
    assert "Європейський Союз|funds|Зеленый парк" not in got
