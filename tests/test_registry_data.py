"""Integrity of the curated donor and programme registry (ontology/data/*.csv)."""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "ontology" / "data"
DONOR_HEADER = ["id", "label_uk", "label_en", "acronyms", "aliases", "country", "kind", "parent", "wikidata", "iati"]
PROGRAM_HEADER = [
    "id",
    "type",
    "label_uk",
    "label_en",
    "acronyms",
    "aliases",
    "donors",
    "implementers",
    "parent",
    "wikidata",
]
DONOR_KINDS = {
    "bilateral",
    "multilateral",
    "development_bank",
    "government",
    "foundation",
    "ngo",
    "implementer",
    "eu_body",
    "un_agency",
}
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
QID_RE = re.compile(r"^Q\d+$")


def _read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _fold(name: str) -> str:
    """Case-, apostrophe-, dash- and whitespace-insensitive form used to detect clashes."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"[ʼ’'`]", "'", text)
    text = re.sub(r"[‐‑‒–—-]", "-", text)
    text = re.sub(r"[«»\"“”„]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _names(row: dict[str, str]) -> list[str]:
    names = [row["label_uk"], row["label_en"], *_split(row["acronyms"]), *_split(row["aliases"])]
    return [n for n in names if n]


@pytest.fixture(scope="module")
def donors() -> list[dict[str, str]]:
    header, rows = _read("donors.csv")
    assert header == DONOR_HEADER
    return rows


@pytest.fixture(scope="module")
def programs() -> list[dict[str, str]]:
    header, rows = _read("programs.csv")
    assert header == PROGRAM_HEADER
    return rows


@pytest.fixture(scope="module")
def country_names() -> set[str]:
    import gettext

    import pycountry

    uk = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["uk"])
    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(_fold(value))
                names.add(_fold(uk.gettext(value)))
    return names


def test_sizes(donors, programs):
    assert len(donors) >= 80
    assert len(programs) >= 120


def test_ids_unique_and_slugs(donors, programs):
    ids = [r["id"] for r in donors] + [r["id"] for r in programs]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert all(ID_RE.match(i) for i in ids), [i for i in ids if not ID_RE.match(i)]


def test_required_fields(donors, programs):
    for row in donors + programs:
        assert row["label_uk"] and row["label_en"], row["id"]
    assert {r["kind"] for r in donors} <= DONOR_KINDS
    assert {r["type"] for r in programs} <= {"Program", "Project"}
    for row in donors:
        assert not row["country"] or re.fullmatch(r"[A-Z]{2}", row["country"]), row["id"]


def test_references_resolve(donors, programs):
    donor_ids = {r["id"] for r in donors}
    program_ids = {r["id"] for r in programs}
    for row in donors:
        assert not row["parent"] or row["parent"] in donor_ids, row["id"]
        assert row["parent"] != row["id"]
    for row in programs:
        for ref in _split(row["donors"]) + _split(row["implementers"]):
            assert ref in donor_ids, (row["id"], ref)
        assert not row["parent"] or row["parent"] in program_ids, row["id"]
        assert row["parent"] != row["id"]


def test_no_name_shared_by_two_entries(donors, programs):
    owner: dict[str, str] = {}
    clashes = []
    for row in donors + programs:
        for name in set(map(_fold, _names(row))):
            if name in owner and owner[name] != row["id"]:
                clashes.append((name, owner[name], row["id"]))
            owner.setdefault(name, row["id"])
    assert not clashes


def test_no_bare_country_names(donors, programs, country_names):
    # A country acting as donor is the extractor's call, not a registry alias.
    bad = [(r["id"], n) for r in donors + programs for n in _names(r) if _fold(n) in country_names]
    assert not bad


def test_identifiers_well_formed(donors, programs):
    for row in donors + programs:
        assert not row["wikidata"] or QID_RE.match(row["wikidata"]), row["id"]
    for row in donors:
        assert not row["iati"] or re.fullmatch(r"[A-Z]{2}(-[A-Za-z0-9_]+)+", row["iati"]), row["id"]
    qids = [r["wikidata"] for r in donors + programs if r["wikidata"]]
    assert len(qids) == len(set(qids))


def test_known_entries(donors, programs):
    by_id = {r["id"]: r for r in donors + programs}
    assert "GIZ" in _split(by_id["giz"]["acronyms"])
    assert by_id["undp"]["parent"] == "un"
    assert by_id["eu"]["wikidata"] == "Q458"
    assert "undp" in _split(by_id["m4eg"]["implementers"])
    assert "Covenant of Mayors East" in _split(by_id["covenant_of_mayors"]["aliases"])


def test_every_language_name_row_names_a_registry_entry() -> None:
    import csv

    from loaders.registry import language_name_files, read_entries, registry_paths

    ids = {e.id for e in read_entries(*registry_paths())}
    files = language_name_files()
    assert files, "no loaders/lang/*/registry_names.csv"
    for path in files:
        with open(path, encoding="utf-8") as fh:
            rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
        assert rows
        unknown = [r["id"] for r in rows if r["id"] not in ids]
        assert not unknown, f"{path}: ids not in the registry: {unknown}"
        assert all(r["names"].strip() for r in rows)


def test_russian_names_link_to_the_same_donor() -> None:
    from loaders.narrative import LOADER

    ex = LOADER.extract_text("Евросоюз профинансирует проект «Теплый дом» в Виннице.")
    assert ("donor:eu", "funds", "project:теплый-дом") in {(r.subject, r.predicate, r.object) for r in ex.relations}


def test_cue_rows_have_three_fields_and_compile() -> None:
    import csv
    import re
    from pathlib import Path

    lang = Path(__file__).resolve().parent.parent / "loaders" / "lang"
    for path in sorted(lang.glob("*/cues.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh), start=2):
                if not row.get("kind") or row["kind"].startswith("#"):
                    continue
                assert None not in row, f"{path}:{n}: more than three fields (a comma in the pattern?)"
                assert row["value"], f"{path}:{n}: no value"
                re.compile(row["pattern"])


def test_generated_government_names_use_the_state_s_own_adjective():
    from loaders.registry import get_registry

    uk = get_registry().by_id["gov_uk"]
    assert "British Government" in uk.names
    assert not any(name.startswith(("Welsh", "Scottish")) for name in uk.names)
