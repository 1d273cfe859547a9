"""How ``loaders.registry.read_entries`` turns donor and programme CSV rows into entries (one reader for both files)."""

from __future__ import annotations

from dataclasses import asdict

from loaders.registry import read_entries

DONORS = """\ufeffid,label_uk,label_en,acronyms,aliases,country,kind,parent,wikidata,iati
zz_agency,Агенція ЗЗ ,ZZ Agency,ЗЗА|ZZA,Агенція Зед| ZZ Development Agency ,DE,bilateral,,Q1,XM-ZZ-1
zz_impl,,ZZ Implementer,,,,implementer,zz_agency, ,
,Без ідентифікатора,No id,,,,bilateral,,,
zz_bare,,,,,,,,,
"""

PROGRAMS = """id,type,label_uk,label_en,acronyms,aliases,donors,implementers,parent,wikidata
zz_prog,Project,Програма ЗЗ,ZZ Programme,ZZP,ЗЗ-програма,zz_agency|eu,zz_impl,,Q2
zz_odd,Grant,Інша програма,,,,zz_agency,,zz_prog,
zz_untyped,,Без типу,,,,,,,
"""


def _entries(tmp_path):
    (tmp_path / "donors.csv").write_text(DONORS, encoding="utf-8")
    (tmp_path / "programs.csv").write_text(PROGRAMS, encoding="utf-8")
    return {e.key: asdict(e) for e in read_entries(tmp_path / "donors.csv", tmp_path / "programs.csv")}


def _entry(**fields) -> dict:
    base = {
        "label_en": None,
        "names": [],
        "acronyms": [],
        "kind": "",
        "country": "",
        "parent": "",
        "donors": [],
        "implementers": [],
        "identifiers": {},
    }
    return base | fields


def test_donor_and_programme_rows_become_these_entries(tmp_path) -> None:
    got = _entries(tmp_path)
    expected = {
        "donor:zz_agency": _entry(
            key="donor:zz_agency",
            type="Donor",
            id="zz_agency",
            label="Агенція ЗЗ",
            label_en="ZZ Agency",
            names=["Агенція ЗЗ", "ZZ Agency", "Агенція Зед", "ZZ Development Agency"],
            acronyms=["ЗЗА", "ZZA"],
            kind="bilateral",
            country="DE",
            identifiers={"wikidata": "Q1", "iati": "XM-ZZ-1"},
        ),
        "donor:zz_impl": _entry(
            key="donor:zz_impl",
            type="Organization",
            id="zz_impl",
            label="ZZ Implementer",
            label_en="ZZ Implementer",
            names=["ZZ Implementer"],
            kind="implementer",
            parent="zz_agency",
        ),
        "donor:zz_bare": _entry(key="donor:zz_bare", type="Donor", id="zz_bare", label="zz_bare"),
        "program:zz_prog": _entry(
            key="program:zz_prog",
            type="Project",
            id="zz_prog",
            label="Програма ЗЗ",
            label_en="ZZ Programme",
            names=["Програма ЗЗ", "ZZ Programme", "ЗЗ-програма"],
            acronyms=["ZZP"],
            donors=["zz_agency", "eu"],
            implementers=["zz_impl"],
            identifiers={"wikidata": "Q2"},
        ),
        "program:zz_odd": _entry(
            key="program:zz_odd",
            type="Program",
            id="zz_odd",
            label="Інша програма",
            names=["Інша програма"],
            parent="zz_prog",
            donors=["zz_agency"],
        ),
        "program:zz_untyped": _entry(
            key="program:zz_untyped", type="Program", id="zz_untyped", label="Без типу", names=["Без типу"]
        ),
    }
    assert got == expected


def test_a_missing_file_is_an_empty_part(tmp_path) -> None:
    (tmp_path / "programs.csv").write_text(PROGRAMS, encoding="utf-8")
    got = read_entries(tmp_path / "absent.csv", tmp_path / "programs.csv")
    assert [e.key for e in got] == ["program:zz_prog", "program:zz_odd", "program:zz_untyped"]
    assert read_entries(tmp_path / "absent.csv", tmp_path / "absent2.csv") == []
