"""Narrative documents (news, reports, plans as prose) -> linked entities and relations with evidence.

The stages, in the order one document passes through them (each hands the next its results):

| stage | module | what it does |
|---|---|---|
| read | :mod:`loaders.text`, :mod:`.repair` | decode any file (txt, md, html, docx, pdf), cut sentences, a normalised copy with offsets back; і/ї/є given back to a page a broken encoding stripped of them |
| document structure | :mod:`.structure` | field cards ("Фінансування" / "KfW"); headings, lists and pipe tables in :mod:`.extractor` |
| mentions | :mod:`loaders.registry`, :mod:`loaders.gazetteer`, :mod:`loaders.patterns`, :mod:`.openworld`, :mod:`.latin` | donors/programmes, Ukrainian and foreign places (also partners no gazetteer knows, and Latin-script pages), named initiatives and organisations |
| linking | :mod:`.extractor` | candidates chosen by the document's oblasts and the type word ("селищна"), elliptical hromada lists |
| relations | :mod:`.extractor`, :mod:`.status` | cue frames from ``loaders/lang/<language>/cues.csv`` (uk, en, ru), partner clauses, partnership status |
| discourse | :mod:`.extractor`, :mod:`.coref` | the document's home community, the current initiative ("цей проєкт", "в межах якого"), a title and its acronym as one initiative |
| evidence | :mod:`.evidence` | every relation's evidence names both ends, or the relation goes |

The rules added for real pages are listed, in this order, with an example each, in :mod:`.rules`
(``tests/test_rules.py`` runs every example). Language data lives in ``loaders/lang/<language>/`` (see its README); cue phrases in ``loaders/lang/<language>/cues.csv``.

It may import the shared loader modules (:mod:`loaders.base`, :mod:`loaders.text`, :mod:`loaders.patterns`,
:mod:`loaders.morph`, :mod:`loaders.registry`, :mod:`loaders.gazetteer`) and :mod:`ontology` data; never
:mod:`graphtool`. Inside the package the stages import in pipeline order: the extractor imports the
stages, no stage imports the extractor back.
"""

from __future__ import annotations

from loaders.narrative.evidence import _centres_of, names_both_ends
from loaders.narrative.extractor import (
    LOADER,
    MAX_BYTES,
    MAX_EVIDENCE,
    Mention,
    NarrativeLoader,
    _Extractor,
    _gazetteer,
    _org_heads,
    _place_entity,
)
from loaders.narrative.status import _partnership_status, _status_patterns
from loaders.narrative.structure import _field_cards

__all__ = [
    "LOADER",
    "MAX_BYTES",
    "MAX_EVIDENCE",
    "Mention",
    "NarrativeLoader",
    "_Extractor",
    "_centres_of",
    "_field_cards",
    "_gazetteer",
    "_org_heads",
    "_partnership_status",
    "_place_entity",
    "_status_patterns",
    "names_both_ends",
]
