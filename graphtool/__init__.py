"""graphtool: Ukrainian community documents -> a knowledge graph of donors, programs and places.

This package owns everything after extraction: the typed vocabulary (``vocab``, read from the ontology),
IRIs and RDF (``iri``, ``rdf``), the store and the build (``store``, ``build``, ``parallel``, ``streaming``,
``worker``), the read path (``reader``: one ``Reader`` protocol for the store, ``remote`` and the server's
pool, and the questions in ``queries/internal/``), the outputs (``network``, ``maps``, ``report``,
``stats``, ``export``, ``serve``) and the thin CLI (the ``cli`` package). It may import ``loaders``,
``ontology`` and ``queries``; none of them imports it.
"""

__version__ = "0.1.0"
