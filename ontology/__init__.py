"""The graphtool ontology, SHACL shapes and reference data files (shipped inside the wheel)."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
