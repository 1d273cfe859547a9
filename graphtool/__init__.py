"""graphtool: Ukrainian community documents -> a knowledge graph of donors, programs and places.

This package owns everything after extraction: the typed vocabulary (``vocab``, read from the ontology),
IRIs and RDF (``iri``, ``rdf``), the store and the build (``store``, ``terms``, ``build``, ``document``,
``parallel``, ``worker``, ``cluster``, ``bulk``, ``streaming``, ``manifest``), the read path (``reader``: one
``Reader`` protocol for the store, ``remote`` and the server's pool, and the questions in
``queries/internal/``), the outputs (``report`` with ``report_graph``, ``network``, ``maps``, ``stats``,
``export``, ``serve``) and the thin CLI (the ``cli`` package); the README's Architecture section lists
every module. It may import ``loaders``, ``ontology`` and ``queries``; none of them imports it, and no
module of it imports another that imports it back, not even inside a function.
"""

__version__ = "0.1.0"
