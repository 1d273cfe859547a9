"""Places named in Russian (loaders/narrative/russian.py) link to the same KATOTTG and country entities."""

from __future__ import annotations

from loaders.narrative import LOADER
from loaders.narrative.russian import find_russian_places, is_russian


def test_language_test() -> None:
    assert is_russian("мэр эстонского Тарту") and not is_russian("мер естонського Тарту")


def test_inflected_russian_names_link_to_ukrainian_entities(gaz) -> None:
    got = [
        (pm.surface, pm.candidates[0].label)
        for pm in find_russian_places("ЕИБ предоставит Запорожью и Виннице кредит, а также Эстонии.", gaz)
    ]
    assert got == [("Запорожью", "Запоріжжя"), ("Виннице", "Вінниця"), ("Эстонии", "Естонія")]


def test_common_nouns_are_not_towns(gaz) -> None:
    assert find_russian_places("Мир и Слава, Победа и Лиман как слова.", gaz) == []


def test_a_russian_twinning_sentence() -> None:
    ex = LOADER.extract_text("Мэр украинского Львова и мэр эстонского Тарту подписали соглашение о городах-побратимах.")
    lab = {k: e.label for k, e in ex.entities.items()}
    assert {(lab[r.subject], lab[r.object]) for r in ex.relations if r.predicate == "partnerOf"} == {("Львів", "Тарту")}


def test_a_russian_page_reads_its_sentences_without_russian_letters_as_russian() -> None:
    from loaders.narrative import LOADER

    page = (
        "Европейский инвестиционный банк выделит Запорожью кредит в размере 50 млн евро. Это было объявлено на "
        "пресс-конференции, где выступили эксперты и представители мэрии. Мы ожидаем, что объекты будут обновлены.\n"
        "Город Запорожье подписал соглашение о сотрудничестве с немецким городом Оберхаузен.\n"
    )
    ex = LOADER.extract_text(page)
    # "Город Запорожье ..." has no ы/э/ъ/ё of its own: the page's language decides
    starts = {ev.start for e in ex.entities.values() if e.label == "Запоріжжя" for ev in e.mentions}
    assert any(s >= page.index("Город") for s in starts)


def test_a_town_abroad_after_gorod_is_a_partner_in_a_russian_page() -> None:
    from loaders.narrative import LOADER

    page = (
        "Европейский инвестиционный банк выделит Запорожью кредит в размере 50 млн евро. Это было объявлено на "
        "пресс-конференции, где выступили эксперты и представители мэрии.\n"
        "Город Запорожье подписал соглашение о сотрудничестве с немецким городом Оберхаузен.\n"
    )
    ex = LOADER.extract_text(page)
    labels = {k: e.label for k, e in ex.entities.items()}
    pairs = {(labels[r.subject], labels[r.object]) for r in ex.relations if r.predicate == "partnerOf" and r.evidence}
    assert ("Запоріжжя", "Обергаузен") in pairs or ("Обергаузен", "Запоріжжя") in pairs


def test_every_russian_oblast_row_links_its_example(gaz) -> None:
    from loaders.narrative.russian import _OBLAST, oblast_rows

    rows = oblast_rows()
    assert len(rows) == 24 and len({r["stem"] for r in rows}) == 24
    for row in rows:
        got = [pm.candidates[0].label for pm in find_russian_places(f"Проект работает: {row['example']}.", gaz)]
        assert got == [row["oblast"]], row
        assert _OBLAST.search(row["example"])


def test_russian_names_decline_adjectives_and_two_words() -> None:
    from loaders.russian_cases import forms

    assert {"каменского", "каменском", "каменским"} <= forms("Каменское")
    assert {"белой церкви", "белую церковь"} <= forms("Белая Церковь")
    assert {"кривого рога", "кривом роге"} <= forms("Кривой Рог")
    assert {"каменца-подольского", "ивано-франковске"} <= forms("Каменец-Подольский") | forms("Ивано-Франковск")
    assert {"сумах", "винницы", "запорожью"} <= forms("Сумы") | forms("Винница") | forms("Запорожье")
    assert "кривого рог" not in forms("Кривой Рог")  # the two words agree in case


def test_units_named_by_their_centres_adjective(gaz) -> None:
    text = (
        "в Днепровском районе, Каменского района, Херсонский городской совет, Херсонского городского головы, "
        "Николаевской громады, Николаевская сельская громада, Наблюдательный совет"
    )
    got = [(pm.surface, pm.role, pm.candidates[0].label) for pm in find_russian_places(text, gaz)]
    assert got == [
        ("Днепровском", "raion", "Дніпровський район"),
        ("Каменского", "raion", "Кам'янський район"),
        ("Херсонский", "council", "Херсонська міська територіальна громада"),
        ("Херсонского", "council", "Херсонська міська територіальна громада"),
        ("Николаевской", "hromada", "Миколаївська міська територіальна громада"),
    ]  # Миколаїв's hromada is a city one ("сельская" is another hromada); a board is no council


def test_adjectival_towns_and_surnames(gaz) -> None:
    def towns(text: str) -> list[str]:
        return [pm.candidates[0].label for pm in find_russian_places(text, gaz)]

    assert towns("Делегация Каменского посетила Гливице.") == ["Кам'янське"]
    assert towns("Мэр Каменского и жители Белой Церкви.") == ["Кам'янське", "Біла Церква"]
    assert towns("на улице Богдана Хмельницкого и В. Каменского") == []


def test_towns_abroad_by_their_russian_names_where_the_structure_says_so(gaz) -> None:
    def abroad(text: str) -> list[tuple[str, str]]:
        return [(pm.surface, pm.candidates[0].label) for pm in find_russian_places(text, gaz) if pm.kind == "foreign"]

    assert abroad("Делегация посетила город-побратим Оберхаузен.") == [("Оберхаузен", "Обергаузен")]
    assert abroad("Подписано соглашение с польским Ольштыном.") == [("Ольштыном", "Ольштин")]
    assert abroad("Польская сторона (город Зелёна-Гура) приняла детей.") == [("Зелёна-Гура", "Зелена Гура")]
    assert abroad("Мэр подписал соглашение о побратимстве с Ольштыном.") == [("Ольштыном", "Ольштин")]
    # no structure: a preposition alone does not make a town of a name outside a sentence about partners
    assert abroad("Мэр вернулся из Ольштына.") == []
    assert abroad("Делегация вернулась с летним Ольштыном.") == []  # not a country's adjective


def test_coordinated_adjectives_and_region_names(gaz) -> None:
    def labels(text: str) -> list[str]:
        return sorted(pm.candidates[0].label for pm in find_russian_places(text, gaz))

    assert labels("в Днепропетровской, Запорожской и Херсонской областях") == [
        "Дніпропетровська область",
        "Запорізька область",
        "Херсонська область",
    ]
    assert labels("в Чугуевской и Лозовской громадах") == [
        "Лозівська міська територіальна громада",
        "Чугуївська міська територіальна громада",
    ]
    assert labels("на Харьковщине и Львовщине") == ["Львівська область", "Харківська область"]
    assert labels("в Европейской и Херсонской областях") == ["Херсонська область"]  # not an oblast's stem


def test_fleeting_vowel_forms_of_towns_in_ets() -> None:
    from loaders.russian_cases import forms

    assert {"трускавца", "трускавцом", "трускавцем"} <= forms("Трускавец")


def test_countries_in_a_programme_name_are_no_entities() -> None:
    ex = LOADER.extract_text("Проєкт реалізується в рамках програми Interreg NEXT Польща – Білорусь – Україна.")
    assert not {e.label for e in ex.entities.values()} & {"Польща", "Білорусь"}
