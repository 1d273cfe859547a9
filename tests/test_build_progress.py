"""``graphtool build`` progress where people look (issue 14): lines in logs and pipes, --quiet, --verbose."""

from __future__ import annotations

import time

from click.testing import CliRunner

from graphtool.cli import main
from graphtool.cli import store as cli


def test_piped_build_prints_progress_lines(fake_loaders, docs, tmp_path):  # noqa: F811
    result = CliRunner().invoke(main, ["build", str(docs), "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    assert "loading: 2/2 files" in result.stderr
    assert "mentions (per document; 'graphtool stats' counts distinct ones)" in result.stderr  # counts explain


def test_verbose_names_each_file_and_quiet_prints_only_the_summary(fake_loaders, docs, tmp_path):  # noqa: F811
    verbose = CliRunner().invoke(main, ["build", str(docs), "-v", "--store", str(tmp_path / "store")])
    assert verbose.exit_code == 0 and "a.fake" in verbose.stderr and "b.fake" in verbose.stderr
    quiet = CliRunner().invoke(main, ["build", str(docs), "--quiet", "--store", str(tmp_path / "store")])
    assert quiet.exit_code == 0 and "loading:" not in quiet.stderr and "warning:" not in quiet.stderr
    assert quiet.stderr.strip()  # the summary stays


def test_progress_lines_keep_coming_while_nothing_finishes(monkeypatch, capsys):
    monkeypatch.setattr(cli, "PROGRESS_EVERY", 0.02)
    with cli._ProgressLines(3):
        time.sleep(0.2)  # e.g. the first file while reference caches are built
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("loading: 0/3 files")]
    assert len(lines) >= 3
