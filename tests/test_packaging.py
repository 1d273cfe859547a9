"""The wheel ships the ontology, the reference data and the query library."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_contains_data_files(tmp_path):
    res = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if res.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {res.stderr.strip()[-300:]}")
    (wheel,) = tmp_path.glob("graphtool-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "ontology/graphtool.ttl" in names and "ontology/shapes.ttl" in names
    assert {f"ontology/data/{p.name}" for p in (ROOT / "ontology" / "data").glob("*.csv")} <= names
    assert {f"queries/{p.name}" for p in (ROOT / "queries").glob("*.rq")} <= names
    assert "loaders/base.py" in names and "graphtool/cli/__init__.py" in names
    for package in ("graphtool", "loaders", "ontology", "queries"):
        for path in (ROOT / package).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                assert path.relative_to(ROOT).as_posix() in names, f"{path} is not in the wheel"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "graphtool = graphtool.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
