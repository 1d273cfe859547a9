"""The one place where graphtool mints IRIs.

Entity IRIs come from the entity keys of ``loaders.base`` (``donor:giz`` ->
``https://w3id.org/graphtool/id/donor/giz``), so one real-world thing gets one IRI in every
document. Cyrillic local names are transliterated (Ukrainian national system, 2010) and get a
short hash so two different names never share an IRI.
"""

from __future__ import annotations

import hashlib
import re

BASE = "https://w3id.org/graphtool/"
ID = BASE + "id/"

_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "ё": "e", "ы": "y", "э": "e",
    "ъ": "",
}  # fmt: skip
_UNSAFE = re.compile(r"[^A-Za-z0-9._~/-]+")


def _slug(local: str) -> str:
    """An ASCII path segment for a key's local part; non-ASCII input gets a hash suffix."""
    latin = "".join(_TRANSLIT.get(ch.lower(), ch) if ch.lower() in _TRANSLIT else ch for ch in local)
    slug = _UNSAFE.sub("-", latin).strip("-") or "x"
    if slug != local:
        slug = f"{slug[:80]}-{hashlib.sha1(local.encode()).hexdigest()[:6]}"
    return slug


def entity_iri(key: str) -> str:
    """IRI of an entity from its key ``"<kind>:<local>"``."""
    kind, sep, local = key.partition(":")
    if not sep or not kind or not local:
        raise ValueError(f"entity key must be '<kind>:<local>', got {key!r}")
    return f"{ID}{kind}/{_slug(local)}"


def document_iri(file_name: str) -> str:
    """IRI of a source document and of its named graph: stable for a file name."""
    return f"{ID}doc/{_slug(file_name)}"


def _where(start: int, end: int, path: str) -> str:
    return f"{start}|{end}" + (f"|{path}" if path else "")


def evidence_iri(doc_iri: str, subject: str, predicate: str, obj: str, start: int, end: int, path: str = "") -> str:
    """IRI of the evidence node that says where a relation was read (``path``: an XML element's path)."""
    digest = hashlib.sha1(f"{doc_iri}|{subject}|{predicate}|{obj}|{_where(start, end, path)}".encode()).hexdigest()
    return f"{ID}evidence/{digest[:20]}"


def mention_iri(doc_iri: str, entity: str, start: int, end: int, path: str = "") -> str:
    """IRI of the node that says where an entity was mentioned."""
    digest = hashlib.sha1(f"{doc_iri}|{entity}|{_where(start, end, path)}".encode()).hexdigest()[:20]
    return f"{ID}mention/{digest}"


def record_iri(doc_iri: str, kind: str, local: str) -> str:
    """IRI of a record read from one document: a money flow or an allocation (``kind``)."""
    digest = hashlib.sha1(f"{doc_iri}|{kind}|{local}".encode()).hexdigest()[:20]
    return f"{ID}{kind}/{digest}"
