"""The researchers' query library: one SPARQL question per ``*.rq`` file."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
