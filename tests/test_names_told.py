"""A forgiving name lookup says on stderr what it matched (issue 14): a typo never silently becomes a place."""

from __future__ import annotations

import gc

import pytest
from click.testing import CliRunner

from graphtool.cli import main
from tests.remote_helpers import small_graph_store


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    writer = small_graph_store(tmp_path_factory.mktemp("names") / "store")
    path = writer.path
    del writer
    gc.collect()
    return str(path)


def run_query(store_path, query, param):
    return CliRunner().invoke(main, ["query", "run", query, "-p", param, "--store", store_path])


def test_a_typo_is_told_with_the_match_and_the_other_candidates(store_path):
    result = run_query(store_path, "donors_in_community", "community=Житомр")
    assert result.exit_code == 0, result.output
    assert "matched 'Житомр' → Житомирська міська територіальна громада" in result.stderr
    assert "UA18" in result.stderr  # the code of what was chosen, to check it
    assert "also possible:" in result.stderr and "Житомирська область" in result.stderr
    assert "matched" not in result.stdout  # the rows stay clean for pipes


def test_a_settlement_standing_for_its_hromada_is_told(store_path):
    result = run_query(store_path, "donors_in_community", "community=Житомир")
    assert result.exit_code == 0
    assert "matched 'Житомир' → Житомирська міська територіальна громада" in result.stderr


def test_an_exact_unique_label_is_not_told(store_path):
    result = run_query(store_path, "communities_of_donor", "donor=USAID")
    assert result.exit_code == 0, result.output
    assert "matched" not in result.stderr
