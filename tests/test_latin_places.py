"""Places named in Latin script (loaders/narrative/latin.py): English pages about Ukrainian communities."""

from __future__ import annotations

import pytest

from loaders.narrative.latin import find_latin_places, fold, stop_names, transliterate


@pytest.mark.parametrize(
    "uk,latin",
    [("Житомир", "zhytomyr"), ("Любар", "liubar"), ("Ізюм", "izium"), ("Згурівка", "zghurivka"), ("Яготин", "yahotyn")],
)
def test_official_transliteration(uk: str, latin: str) -> None:
    assert transliterate(uk) == latin


def test_fold_drops_accents() -> None:
    assert fold("Rzeszów") == "rzeszow" and fold("Düsseldorf") == "dusseldorf" and fold("Łódź") == "lodz"


def _found(gaz, text: str) -> list[tuple[str, str]]:
    return [
        (pm.surface, pm.candidates[0].label) for pm in sorted(find_latin_places(text, gaz), key=lambda pm: pm.start)
    ]


def test_ukrainian_towns_oblasts_and_towns_abroad(gaz) -> None:
    got = _found(
        gaz, "On July 19, the Ukrainian city of Liubar, Zhytomyr Oblast, and the city of Monticello signed it."
    )
    assert ("Liubar", "Любар") in got and ("Zhytomyr Oblast", "Житомирська область") in got
    assert ("Monticello", "Монтіселло") in got
    got = _found(gaz, "Thus Paris, Hamburg and Madrid became Kyiv’s new sister cities, like Metz.")
    assert [label for _, label in got] == ["Париж", "Гамбург", "Мадрид", "Київ", "Мец"]


def test_common_english_words_are_not_places(gaz) -> None:
    assert "victoria" in stop_names()
    assert _found(gaz, "The Mayor said: Victoria and Independence are values of the Council.") == []


def test_a_state_named_with_its_country_is_a_partner() -> None:
    from loaders.narrative import LOADER

    ex = LOADER.extract_text("In May, the state of Mississippi, US, twinned with the Khmelnytskyi region.")
    lab = {k: e.label for k, e in ex.entities.items()}
    assert {(lab[r.subject], lab[r.object]) for r in ex.relations if r.predicate == "partnerOf"} == {
        ("Хмельницька область", "Mississippi")
    }


def test_a_persons_post_is_not_an_initiative() -> None:
    from loaders.narrative import LOADER

    ex = LOADER.extract_text("said Ann Hopper, Deputy Director of USAID Ukraine’s Office of Democracy in Liubar.")
    assert not [e for e in ex.entities.values() if e.type in ("Program", "Project")]


def test_partner_regions_of_a_programme_are_not_partners_of_each_other() -> None:
    from loaders.narrative import LOADER

    ex = LOADER.extract_text("The partner regions include Odesa, Ivano-Frankivsk, Poltava, Chernihiv and Luhansk.")
    assert not [r for r in ex.relations if r.predicate == "partnerOf"]


def test_older_and_looser_english_spellings(gaz) -> None:
    got = _found(gaz, "Kiev and Kharkov, Odessa and Khmelnytskyy, and the Vinnytsya and Zaporizhia oblasts")
    assert [label for _, label in got] == [
        "Київ", "Харків", "Одеса", "Хмельницький", "Вінницька область", "Запорізька область"
    ]  # fmt: skip


def test_an_english_project_in_quotes() -> None:
    from loaders.narrative import LOADER

    ex = LOADER.extract_text(
        "The international technical aid project «Partnership for City Development» works in Poltava."
    )
    assert "Partnership for City Development" in {e.label for e in ex.entities.values() if e.type == "Project"}


def test_older_spellings_name_the_large_town(gaz) -> None:
    """'Nikolaev' is Mykolaiv, the oblast's centre (not the small town in Lviv oblast); 'Khmelnitsky' is read."""
    found = {pm.surface: pm.candidates[0] for pm in find_latin_places("Aid reached Nikolaev and Khmelnitsky.", gaz)}
    assert found["Nikolaev"].population > 400_000 and found["Nikolaev"].label == "Миколаїв"
    assert found["Khmelnitsky"].label == "Хмельницький"
