"""The researchers' query library: one SPARQL question per ``*.rq`` file.

``internal/`` holds the questions the tools themselves ask (reports, maps, ``analyze``, stats, the name
lookup: :mod:`graphtool.reader`), so they too run unchanged on any SPARQL store. Data only: this package
imports nothing of the project.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent
