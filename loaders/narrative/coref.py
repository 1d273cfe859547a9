"""Stage "discourse", names of one initiative: a title with its acronym and the acronym alone are one thing.

Rule ``title-acronym``: «Інклюзивне відновлення за лідерства громад (CLIR)» names the initiative
"Інклюзивне відновлення за лідерства громад", also called CLIR; "проєкт ініціативи CLIR" elsewhere in
the document is the same initiative, not a second one. The label loses the bracket, the acronym joins
the names, and an initiative found under the bare acronym is merged into the titled one (its mentions,
names and relations move; relations that coincide merge their evidence).
"""

from __future__ import annotations

import re

from loaders.base import Extraction

_ACRONYM_TAIL = re.compile(r"^(?P<name>.*\S)\s*\((?P<acr>[A-ZА-ЯІЇЄҐ][A-Za-zА-ЯІЇЄҐа-яіїєґ0-9+&-]{1,14})\)?$")


def merge_acronyms(ex: Extraction) -> None:
    titled: dict[str, str] = {}  # acronym -> key of the initiative titled with it
    for key, ent in ex.entities.items():
        if ent.type not in ("Program", "Project"):
            continue
        m = _ACRONYM_TAIL.match(ent.label)
        if m is None or not re.search(r"[A-ZА-ЯІЇЄҐ]{2}", m.group("acr")):
            continue
        ent.names |= {ent.label, m.group("acr")}
        ent.label = m.group("name")
        titled.setdefault(m.group("acr").lower(), key)
    if not titled:
        return
    moved: dict[str, str] = {}
    for key, ent in list(ex.entities.items()):
        if ent.type not in ("Program", "Project") or key in titled.values():
            continue
        target = titled.get(ent.label.lower())
        if target is None:
            continue
        keep = ex.entities[target]
        keep.names |= ent.names | {ent.label}
        keep.mentions += [ev for ev in ent.mentions if ev not in keep.mentions]
        for k, v in ent.identifiers.items():
            keep.identifiers.setdefault(k, v)
        del ex.entities[key]
        moved[key] = target
    if not moved:
        return
    for rel in ex.relations:
        rel.subject = moved.get(rel.subject, rel.subject)
        rel.object = moved.get(rel.object, rel.object)
    ex.relations = [rel for rel in ex.relations if rel.subject != rel.object]
    ex.merge_same_relations()
