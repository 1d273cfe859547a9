"""Relation frames added for real pages (issue 11): money verbs, elliptical hromada lists, new registry donors."""

from __future__ import annotations

from loaders.narrative import LOADER


def _rels(text: str) -> set[str]:
    ex = LOADER.extract_text(text)
    lab = {k: e.label for k, e in ex.entities.items()}
    return {f"{lab[r.subject]} {r.predicate} {lab[r.object]}" for r in ex.relations if r.evidence}


def test_received_from_a_donor_within_a_programme() -> None:
    got = _rels("Ніжин і Прилуки отримали від KOICA 12 сміттєвозів у межах програми «Чисте місто».")
    assert "Корейське агентство міжнародного співробітництва funds Чисте місто" in got
    assert {"Чисте місто locatedIn Ніжин", "Чисте місто locatedIn Прилуки"} <= got
    assert not any("partnerOf" in r for r in got)  # two recipients are not partners


def test_a_donor_that_allocates_money_funds_the_project() -> None:
    got = _rels("Азійський банк розвитку виділив 5 млн доларів на проєкт «Чиста вода Херсона».")
    assert "Азійський банк розвитку funds Чиста вода Херсона" in got


def test_elliptical_coordination_of_hromadas() -> None:
    got = _rels(
        "У Березнівській міській, Соснівській селищній та Костопільській міській ТГ стартує проєкт "
        "«Енергоефективні школи» за підтримки урядів Нідерландів та Данії."
    )
    for hromada in ("Березнівська міська", "Соснівська селищна", "Костопільська міська"):
        assert f"Енергоефективні школи locatedIn {hromada} територіальна громада" in got
    assert {"Уряд Нідерландів funds Енергоефективні школи", "Уряд Данії funds Енергоефективні школи"} <= got


def test_the_organisation_opening_the_sentence_acts_within_the_project() -> None:
    got = _rels(
        "Представництво МОМ в Україні в рамках проекту «Протидія торгівлі людьми в Україні (CTIP)» за підтримки "
        "Агентства США з Міжнародного Розвитку (USAID) оголошує конкурс для громад."
    )
    assert "Міжнародна організація з міграції implements Протидія торгівлі людьми в Україні" in got
    assert "Агентство США з міжнародного розвитку funds Протидія торгівлі людьми в Україні" in got


def test_an_unquoted_name_ends_before_the_parties_of_an_agreement() -> None:
    ex = LOADER.extract_text(
        "У Харкові підписано угоду щодо реалізації Програми з екстреного відновлення між Японським агентством "
        "міжнародного співробітництва та Харківською міською радою."
    )
    labels = {e.label for e in ex.entities.values() if e.type == "Program"}
    assert labels == {"Програма з екстреного відновлення"}, labels


def test_the_type_word_decides_which_hromada() -> None:
    ex = LOADER.extract_text("Проєкт «Чисте повітря» реалізується у Миколаївській селищній громаді за підтримки USAID.")
    labels = {e.label for e in ex.entities.values() if e.type == "Community" and e.mentions}
    assert labels == {"Миколаївська селищна територіальна громада"}


def test_stress_marks_do_not_hide_a_name() -> None:
    ex = LOADER.extract_text("Шаргородська громада підписала угоду про співпрацю з містом Гу́ра-Кальва́рія (Польща).")
    # the town GeoNames knows (as "Ґура-Кальварія"), labelled as the document spells it
    assert ex.entities["geonames:771870"].label == "Гура-Кальварія"


def test_a_project_card_with_labels_on_their_own_lines() -> None:
    got = _rels("Проєкт «Green4Towns»\nФінансування\nKfW\nВиконавець\nЛуцька міська рада\n")
    assert "Німецький банк розвитку KfW funds Green4Towns" in got
    assert "Луцька міська рада implements Green4Towns" in got


def test_english_initiative_names_and_supporters() -> None:
    got = _rels(
        "The Recovery and Development Office in Voznesensk was opened by UNDP with the support of the "
        "European Union, Denmark and Sweden."
    )
    assert "Recovery and Development Office locatedIn Вознесенськ" in got
    assert {
        "Європейський Союз funds Recovery and Development Office",
        "Уряд Данії funds Recovery and Development Office",
        "Уряд Швеції funds Recovery and Development Office",
    } <= got


def test_a_town_abroad_where_an_event_was_held_is_not_a_project_site() -> None:
    got = _rels(
        "У межах конференції з відновлення в Римі уряд Швейцарії продовжив проєкт «Освіта в громадах» у Житомирі."
    )
    assert not any(r.endswith("locatedIn Рим") for r in got)


def test_a_title_and_its_acronym_are_one_initiative() -> None:
    ex = LOADER.extract_text(
        "Боярська громада потрапила до проєкту ініціативи CLIR за підтримки Уряду Канади.\n"
        'Міський голова підписав Меморандум про співпрацю з проєктом "Інклюзивне відновлення за лідерства громад (CLIR)".\n'
    )
    inits = [e for e in ex.entities.values() if e.type in ("Program", "Project")]
    assert [e.label for e in inits] == ["Інклюзивне відновлення за лідерства громад"]
    assert "CLIR" in inits[0].names


def test_a_trigger_with_its_donor_is_not_a_name() -> None:
    ex = LOADER.extract_text("Голова ради зазначив: «Підписавши меморандум з Проєктом USAID «ГОВЕРЛ")
    assert not [e for e in ex.entities.values() if e.type in ("Program", "Project")]
