"""Reading one action plan from its grids of rows: headers, headings, rows, hierarchy.

The rows of a table become the chain StrategicGoal <- OperationalGoal <- Task <- Measure
(``partOf``), each measure's ``responsibleExecutor`` organisations and ``fundingSource``
concepts. Real tables are messy, so each row is read by content, not only by position:

* cells shifted left or right are put back by trying small column shifts and keeping the one
  under which funding cells sit under "funding", executor lists under "executors" and prose
  under "task"/"measure" (:meth:`PlanBuilder.best_shift`);
* a task cell spans many rows (blank below it); a task cell starting in lower case continues
  the task above it (a page break cut it in two, :func:`continues_text`);
* a numbered row with nothing in it yields no measure;
* executor lists are split with the names learned from the whole table
  (:class:`loaders.table.vocab.Executors`);
* without a header, the columns are told from what the numbered rows hold.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from loaders.base import Entity, Evidence, Extraction, LoaderError, name_key
from loaders.table.header import (
    CODE,
    CONTENT_ROLES,
    GOAL,
    HEADING_CODE,
    HEADINGS,
    LEADING_CODE,
    OPGOAL,
    arabic,
    find_header,
    header_role,
)
from loaders.table.read import Grid, Row
from loaders.table.vocab import Executors, FundingConcept, FundingSources, fix_text, parses, split_list


@dataclass
class Record:
    """One numbered row of the plan (with any unnumbered continuation rows folded in)."""

    code: str
    cells: list[str]  # content cells, code column removed
    rows: list[Row]
    cols: list[int] = field(default_factory=list)  # the column index in the row of each content cell
    roles: list[str] = field(default_factory=list)  # the column roles in force for this row


@dataclass
class Assigned:
    task: str = ""
    measure: str = ""
    executors: str = ""
    funding: str = ""
    executor_ref: str = ""  # where the executors cell is ("cell D12", "row 12 column 4"), for messages


@dataclass
class PlanState:
    goal: str | None = None
    opgoal: str | None = None
    task: str | None = None  # key of the current task
    task_opgoal: str | None = None
    task_counter: Counter = field(default_factory=Counter)


def continues_text(before: str, piece: str) -> bool:
    """True when ``piece`` is the rest of a cell cut by a page break rather than a text of its own.

    It starts in lower case with a word that cannot start a task (an infinitive such as
    "забезпечити" can), and the text before it does not end a sentence.
    """
    if not piece[:1].islower() or before.rstrip().endswith((".", ";", "!", "?")):
        return False
    first = piece.split()[0].strip(",.;:")
    return not any(pos in ("INFN", "VERB") for _, pos, _ in parses(first))


class PlanBuilder:
    """Turns the grids of one document into an Extraction."""

    def __init__(self, path: Path, grids: list[Grid]) -> None:
        self.path = path
        self.doc_key = name_key(path.stem)
        self.grids = grids
        self.funding = FundingSources.load()
        self.executors = Executors()
        self.ex = Extraction()
        self.state = PlanState()
        self.title_lines: list[Evidence] = []
        self.labels: dict[str, str] = {}  # task key -> label as it grows across page breaks
        self.oblast_adj: str | None = None  # "Волинська": the oblast of the plan's community
        self.where = "row 1"  # the row being read, for messages

    # -- structure

    def build(self) -> Extraction:
        tables: list[tuple[list[str], list[Record | tuple[str, str, str, Row]]]] = []
        roles: list[str] | None = None
        header_ref = ""
        for grid in self.grids:
            found = find_header(grid.rows)
            start = 0
            if found is not None:
                idx, roles = found
                header_ref = grid.rows[idx].ref
                start = idx + 1
                sub = grid.rows[start] if start < len(grid.rows) else None
                if (
                    sub is not None
                    and any(sub.cells)
                    and all(header_role(c) for c in sub.cells if c)
                    and not self._code_of(sub.cells)
                    and self._heading_kind(self._unique(sub.cells)) is None
                ):
                    # A two-row header: "Фінансування" above "Джерела" | "Обсяг, тис. грн"
                    roles = roles + ["other"] * (len(sub.cells) - len(roles))
                    for j, cell in enumerate(sub.cells):
                        if header_role(cell):
                            roles[j] = header_role(cell)
                    start += 1
                self._add_title(grid, grid.rows[:idx])
            elif roles is None:
                if not any(self._code_of(r.cells) for r in grid.rows):
                    continue  # a layout table or notes, no plan rows
                roles = self._infer_roles(grid.rows)
                if roles is None:
                    first = next((r for r in grid.rows if any(r.cells)), grid.rows[0])
                    raise LoaderError(
                        f"{self.path.name}: {first.ref}: no header row found (expected columns such as "
                        "'Завдання', 'Заходи', 'Відповідальні виконавці', 'Джерела фінансування'), "
                        "and the columns cannot be told from their contents"
                    )
                header_ref = "row 1"
                first = next(
                    i
                    for i, r in enumerate(grid.rows)
                    if self._code_of(r.cells) or self._heading_kind(self._unique(r.cells))
                )
                self._add_title(grid, grid.rows[:first])
                start = first
            tables.append((roles, self._records(grid.rows[start:], roles, header_ref)))
        if roles is None:
            raise LoaderError(f"{self.path.name}: row 1: no plan table found (no header row, no numbered rows)")

        self._learn_executors(tables)
        self._plan_entity()
        for roles, items in tables:
            for item in items:
                if isinstance(item, Record):
                    self.where = item.rows[0].ref
                    self._measure(item, item.roles or roles)
                else:
                    self.where = item[-1].ref
                    self._heading(*item)
        for key, label in self.labels.items():
            task = self.ex.entities[key]
            task.label = label
            task.names = {n for n in task.names if n == label or not label.startswith(n)} | {label}
        if not any(e.type == "Measure" for e in self.ex.entities.values()):
            raise LoaderError(
                f"{self.path.name}: {header_ref}: a header was found but no numbered measure rows follow it"
            )
        return self.ex

    def _infer_roles(self, rows: list[Row]) -> list[str] | None:
        """Column roles of a table without a header, from what the numbered rows hold in each column.

        The column with the most row numbers is the code; a column mostly of funding sources is
        funding, mostly of organisation names is executors; of the prose columns the first is the
        task and the second the measure (a single prose column holds the measures).
        """
        numbered = [r for r in rows if self._code_of(r.cells)]
        if len(numbered) < 3:
            return None
        width = max(len(r.cells) for r in numbered)
        codes = Counter(i for r in numbered for i, c in enumerate(r.cells) if CODE.match(c))
        code_col = codes.most_common(1)[0][0]
        roles = ["other"] * width
        roles[code_col] = "code"
        prose = []
        for col in range(width):
            if col == code_col:
                continue
            kinds = Counter(self._kind(r.cells[col]) for r in numbered if col < len(r.cells))
            for k in ("empty", "dash", "number"):
                kinds.pop(k, None)
            if not kinds:
                continue
            kind = kinds.most_common(1)[0][0]
            if kind in ("funding", "executor"):
                roles[col] = kind
            else:
                prose.append(col)
        if not prose:
            return None
        if len(prose) >= 2:
            roles[prose[0]], roles[prose[1]] = "task", "measure"
        else:
            roles[prose[0]] = "measure"
        return roles

    @staticmethod
    def _unique(cells: list[str]) -> list[str]:
        out: list[str] = []
        for c in cells:
            if c and c not in out:
                out.append(c)
        return out

    @staticmethod
    def _code_of(cells: list[str]) -> str | None:
        for c in cells[:2]:
            m = CODE.match(c)
            if m and "." in m.group(1):
                return m.group(1)
        return None

    def _records(self, rows: list[Row], roles: list[str], header_ref: str):
        """Numbered records and heading rows, in order.

        An unnumbered row continues the record above (a row cut by a page break), unless it is
        a full row of its own (measure, executors and funding, the measure capitalised): then it
        is a measure without a number, coded after the one above ("1.2.3-2"). A row with text in
        the first column only, after the table, is a note and is skipped. A new header row
        switches the column roles for the rows below it.
        """
        code_cols = [i for i, r in enumerate(roles) if r == "code"] or [0]
        depths = Counter()
        for row in rows:
            for ci in code_cols:
                if ci < len(row.cells) and CODE.match(row.cells[ci]):
                    depths[row.cells[ci].rstrip(".").count(".") + 1] += 1
                    break
        depth = depths.most_common(1)[0][0] if depths else 3  # the depth of measure codes
        levels = ["goal", "opgoal", "task"][: max(1, depth - 1)]
        items: list = []
        unnumbered = 0
        for row in rows:
            cells = row.cells
            texts = self._unique([c.replace("\n", " ") for c in cells])
            if not texts:
                continue
            if len(texts) >= 3 and all(re.fullmatch(r"\d{1,2}", t) for t in texts):
                continue  # column numbers "1 2 3 4 5" under the header
            heading = self._heading_kind(texts)
            if heading:
                items.append((*heading, row))
                continue
            code_cols = [i for i, r in enumerate(roles) if r == "code"] or [0]
            content_cols = [i for i, r in enumerate(roles) if r in CONTENT_ROLES]
            code = None
            for ci in code_cols:
                if ci < len(cells) and CODE.match(cells[ci]):
                    code = CODE.match(cells[ci]).group(1)
                    break
            if code is None:
                # The number itself shifted into the next column: ["", "1.2.8", "Завдання", ...]
                for ci in code_cols:
                    for cj in (ci + 1, ci - 1):
                        if 0 <= cj < len(cells) and not any(cells[: min(ci, cj)]):
                            m = CODE.match(cells[cj])
                            if m and "." in m.group(1) and not (ci < len(cells) and cells[ci]):
                                code = m.group(1)
                                cells = [*cells[:cj], "", *cells[cj + 1 :]]
                                break
                    if code is not None:
                        break
            if code is None and texts and LEADING_CODE.match(texts[0]) and "code" not in roles:
                m = LEADING_CODE.match(texts[0])
                code = m.group(1)
                cells = [m.group(2) if c.replace("\n", " ") == texts[0] else c for c in cells]
            if code is None and len(texts) == 1 and HEADING_CODE.match(texts[0]):
                # "1. Економічний розвиток" spanning the row: a heading numbered above the measures' depth
                m = HEADING_CODE.match(texts[0])
                d = m.group(1).count(".") + 1
                if d < depth:
                    items.append((levels[min(d, len(levels)) - 1], m.group(1), m.group(2), row))
                    continue
            if code is None:
                new_header = find_header([row])
                if new_header is not None:
                    roles = new_header[1]  # a repeated header, or a new table layout from here on
                    continue
                if not any(cells[1:]) or not items or not isinstance(items[-1], Record):
                    continue  # a note or signature line, not part of a row
                prev = items[-1]
                body = self._content(cells, roles, content_cols)
                if self._is_own_measure(body, roles):
                    unnumbered += 1
                    base = prev.code.split("-")[0]
                    cols = content_cols + list(range(len(roles), len(cells)))
                    items.append(Record(f"{base}-{unnumbered + 1}", body, [row], cols, roles))
                    continue
                for i, text in enumerate(body):
                    if text and i < len(prev.cells):
                        prev.cells[i] = f"{prev.cells[i]} {text}".strip()
                prev.rows.append(row)
                continue
            unnumbered = 0
            d = code.count(".") + 1
            if d < depth:
                # A shorter number than the measures' ("1", "1.2"): a goal, operational goal or task heading
                text = " ".join(t for t in texts if CODE.match(t) is None)
                items.append((levels[min(d, len(levels)) - 1], code, text, row))
                continue
            items += self._goal_cells(cells, roles, code, row)
            body = self._content(cells, roles, content_cols)
            cols = content_cols + list(range(len(roles), len(cells)))
            items.append(Record(code, body, [row], cols, roles))
        return items

    @staticmethod
    def _is_own_measure(body: list[str], roles: list[str]) -> bool:
        content_roles = [r for r in roles if r in CONTENT_ROLES]
        cell = {role: body[i] for i, role in enumerate(content_roles) if i < len(body)}
        measure = cell.get("measure", "")
        return bool(measure[:1].isupper() and cell.get("executor") and cell.get("funding"))

    @staticmethod
    def _goal_cells(cells: list[str], roles: list[str], code: str, row: Row) -> list[tuple[str, str, str, Row]]:
        """Headings from goal columns ("Стратегічна ціль" / "Оперативна ціль" as columns, blank below)."""
        out = []
        parts = code.split(".")
        for level, rx, n in (("goal", GOAL, 1), ("opgoal", OPGOAL, 2)):
            for i, role in enumerate(roles):
                if role != level or i >= len(cells) or not cells[i]:
                    continue
                text = fix_text(cells[i])
                m = rx.match(text) or HEADING_CODE.match(text)
                own = m.group(1).rstrip(".") if m else ".".join(parts[:n])
                out.append((level, own, m.group(2).strip() if m else text, row))
        return out

    @staticmethod
    def _content(cells: list[str], roles: list[str], content_cols: list[int]) -> list[str]:
        """The row's cells under content columns, plus any cells past the header's last column."""
        out = [cells[i] if i < len(cells) else "" for i in content_cols]
        out += cells[len(roles) :]
        return out

    @staticmethod
    def _heading_kind(texts: list[str]) -> tuple[str, str, str] | None:
        if len(texts) > 2:
            return None
        text = " ".join(texts)
        for level, rx in HEADINGS:
            m = rx.match(text)
            if m:
                code = m.group(1).rstrip(".")
                return level, arabic(code) if level == "goal" else code, m.group(2).strip()
        return None

    # -- learning executor names

    def _learn_executors(self, tables) -> None:
        cells: list[str] = []
        for _, items in tables:
            for item in items:
                if not isinstance(item, Record):
                    continue
                content_roles = [r for r in item.roles if r in CONTENT_ROLES]
                for i, cell in enumerate(item.cells):
                    if not cell or self.funding.parse(cell) is not None:
                        continue
                    role = content_roles[i] if i < len(content_roles) else None
                    if role in ("executor", "funding") or self.executors.cell_score(cell) >= 0.5:
                        cells.append(cell)
        self.executors.learn(cells)

    # -- rows to entities

    def _kind(self, cell: str) -> str:
        """What a cell holds: empty, dash, funding, executor or text."""
        if not cell:
            return "empty"
        if self.funding.is_none(cell):
            return "dash"
        if re.fullmatch(r"[\d\s.,:;%/()–—-]+(?:тис\.?|млн\.?|грн\.?|\s)*", cell):
            return "number"  # amounts, years, terms
        if self.funding.parse(cell) is not None:
            return "funding"
        if self.executors.cell_score(cell) >= 0.5:
            return "executor"
        return "text"

    def best_shift(self, kinds: list[str], roles: list[str]) -> int:
        """The column shift under which the cells' contents best fit the columns' roles."""
        fit = {
            "funding": {"funding": 3, "dash": 1, "executor": -3, "text": -3, "number": -1},
            "executor": {"executor": 3, "dash": 1, "funding": -3, "text": -1, "number": -2},
            "task": {"text": 1, "dash": -1, "executor": -3, "funding": -3, "number": -2},
            "measure": {"text": 1, "dash": -1, "executor": -3, "funding": -3, "number": -2},
            "other": {"text": 0, "dash": 0, "executor": -1, "funding": -1, "number": 1},
        }
        best, best_score = 0, None
        for shift in (0, -1, 1, -2, 2):
            score = 0
            for j, kind in enumerate(kinds):
                if kind == "empty":
                    continue
                k = j - shift
                role = roles[k] if 0 <= k < len(roles) else None
                score += fit[role].get(kind, 0) if role else -4
            if best_score is None or score > best_score:
                best, best_score = shift, score
        return best

    def assign(self, rec: Record, roles: list[str]) -> Assigned:
        """Put a record's cells under the roles they belong to."""
        content_roles = [r for r in roles if r in CONTENT_ROLES]
        kinds = [self._kind(c) for c in rec.cells]
        shift = self.best_shift(kinds, content_roles)
        out = Assigned()
        for j, cell in enumerate(rec.cells):
            if not cell:
                continue
            k = j - shift
            role = content_roles[k] if 0 <= k < len(content_roles) else None
            if role is None or role == "other":
                if role is None and kinds[j] not in ("dash", "number"):
                    raise LoaderError(
                        f"{self.path.name}: {rec.rows[0].cell_ref(rec.cols[j])}: the row has more cells than the header "
                        f"and {cell[:40]!r} fits no column"
                    )
                continue
            attr = "executors" if role == "executor" else role
            if attr == "executors" and not out.executor_ref:
                out.executor_ref = rec.rows[0].cell_ref(rec.cols[j]) if j < len(rec.cols) else rec.rows[0].ref
            setattr(out, attr, f"{getattr(out, attr)} {cell}".strip())
        if not out.measure and out.task and (out.executors or out.funding):
            out.measure, out.task = out.task, ""  # the measure sits in the task column
        return out

    def _evidence(self, row: Row) -> Evidence:
        return Evidence(row.sentence, row.start, row.end)

    def _add_title(self, grid: Grid, rows: list[Row]) -> None:
        """Collect the lines above the table (with their offsets where the format has them)."""
        for line in grid.preamble:
            self.title_lines.append(Evidence(fix_text(line), 0, len(line)))
        for r in rows:
            for t in self._unique(r.cells):
                self.title_lines.append(Evidence(fix_text(t), r.start, r.end))

    def _plan_entity(self) -> None:
        # The title is the line naming the plan, not "Додаток 2" or "ЗАТВЕРДЖЕНО рішенням ..." above it.
        lines = [t for t in self.title_lines if t.sentence.strip()]
        named = [t for t in lines if re.search(r"\bплан\w*|стратегі|програм", t.sentence, re.I)]
        # "План заходів ..." itself before "Додаток до рішення «Про затвердження Плану ...»"
        named.sort(key=lambda t: not re.match(r"\W*план\b", t.sentence, re.I))
        line = (named[0] if named else max(lines, key=lambda t: len(t.sentence))) if lines else None
        if line is not None:
            # A title broken over lines: "ПЛАН ЗАХОДІВ" / "з реалізації Стратегії ..."
            for nxt in lines[lines.index(line) + 1 :]:
                if not nxt.sentence[:1].islower():
                    break
                end = nxt.end if nxt.end > line.end else line.end
                line = Evidence(f"{line.sentence} {nxt.sentence}", line.start, end)
        title = line.sentence if line else self.path.stem
        self.plan_key = f"plan:{self.doc_key}"
        mentions = [line] if line else []
        self.ex.add_entity(Entity(self.plan_key, "Plan", title, names={title}, mentions=mentions))
        if line:
            self._link_community(line)

    def _link_community(self, line: Evidence) -> None:
        """planOf the community named in the title (its hromada), when the gazetteer is available."""
        try:
            from loaders.gazetteer import get_gazetteer
        except ImportError:
            return
        try:
            gaz = get_gazetteer()
            matches = [
                m for m in gaz.find(line.sentence) if m.candidates and str(m.candidates[0].key).startswith("katottg:")
            ]
        except Exception:  # a gazetteer failure must not lose the plan
            return
        if not matches:
            return
        match = next((m for m in matches if m.role == "hromada"), matches[0])
        place = match.candidates[0]
        if getattr(place, "category", None) not in ("hromada", "oblast", "raion") and hasattr(gaz, "hromada_of"):
            place = gaz.hromada_of(place.key) or place
        ev = line
        entity = Entity(
            place.key,
            "Community",
            place.label,
            label_en=getattr(place, "label_en", None),
            names=set(getattr(place, "names", ()) or ()) | {match.surface},
            identifiers=dict(getattr(place, "identifiers", {}) or {}),
            attributes={"category": place.category} if getattr(place, "category", None) else {},
            lat=getattr(place, "lat", None),
            lon=getattr(place, "lon", None),
            mentions=[ev],
        )
        self.ex.add_entity(entity)
        self.ex.add_relation(self.plan_key, "planOf", entity.key, ev)
        for parent in getattr(place, "parents", ()) or ():
            try:
                up = gaz.place(parent)
            except Exception:
                continue
            if getattr(up, "category", None) == "oblast" and up.label.endswith(" область"):
                self.oblast_adj = up.label.removesuffix(" область")

    def _level_entity(self, level: str, code: str, label: str, row: Row | None) -> str:
        types = {"goal": "StrategicGoal", "opgoal": "OperationalGoal", "task": "Task", "measure": "Measure"}
        key = f"plan:{self.doc_key}/{level}/{code}"
        label = fix_text(label)
        if label and label.isupper() and len(label) > 3:
            names = {label}
            label = label[:1] + label[1:].lower()
        else:
            names = {label} if label else set()
        if not label:
            default = {"goal": "Стратегічна ціль", "opgoal": "Оперативна ціль", "task": "Завдання", "measure": "Захід"}
            label = f"{default[level]} {code}"
        mentions = [self._evidence(row)] if row is not None else []
        known = self.ex.entities.get(key)
        if known is not None and known.label.startswith(("Стратегічна ціль ", "Оперативна ціль ")) and names:
            known.label = label
        self.ex.add_entity(Entity(key, types[level], label, names=names, identifiers={"code": code}, mentions=mentions))
        return key

    def _heading(self, level: str, code: str, text: str, row: Row) -> None:
        ev = self._evidence(row)
        if level == "goal":
            self.state.goal = self._level_entity("goal", code, text, row)
            self.ex.add_relation(self.state.goal, "partOf", self.plan_key, ev)
            self.state.opgoal = None
        elif level == "opgoal":
            goal = self._ensure_goal(code.split(".")[0], row)
            self.state.opgoal = self._level_entity("opgoal", code, text, row)
            self.ex.add_relation(self.state.opgoal, "partOf", goal, ev)
        else:
            opgoal = self._ensure_opgoal(".".join(code.split(".")[:2]), row)
            key = self._level_entity("task", code, text, row)
            self.ex.add_relation(key, "partOf", opgoal, ev)
            self.state.task, self.state.task_opgoal = key, opgoal
            self.labels[key] = self.ex.entities[key].label

    def _ensure_goal(self, code: str, row: Row) -> str:
        key = f"plan:{self.doc_key}/goal/{code}"
        if key not in self.ex.entities:
            self._level_entity("goal", code, "", None)
            self.ex.add_relation(key, "partOf", self.plan_key, self._evidence(row))
        self.state.goal = key
        return key

    def _ensure_opgoal(self, code: str, row: Row) -> str:
        key = f"plan:{self.doc_key}/opgoal/{code}"
        if key not in self.ex.entities:
            goal = self._ensure_goal(code.split(".")[0], row)
            self._level_entity("opgoal", code, "", None)
            self.ex.add_relation(key, "partOf", goal, self._evidence(row))
        self.state.opgoal = key
        return key

    def _measure(self, rec: Record, roles: list[str]) -> None:
        a = self.assign(rec, roles)
        parts = rec.code.split(".")
        row = rec.rows[0]
        ev = self._evidence(row)
        if len(parts) >= 3:
            opgoal = self._ensure_opgoal(".".join(parts[:2]), row)
        elif len(parts) == 1:  # measures numbered 1, 2, 3 ...: under the last heading, if any
            opgoal = self.state.opgoal or self.state.goal or self.plan_key
        else:
            # Short measure numbers ("1.2"): under the operational-goal heading above, if it belongs
            # to the same goal, else straight under the goal.
            opgoal = self.state.opgoal
            if opgoal is None or opgoal.rsplit("/", 1)[1].split(".")[0] != parts[0]:
                opgoal = self._ensure_goal(parts[0], row)
        if self.state.task_opgoal != opgoal:
            self.state.task = None
        if a.task:
            task_text = fix_text(a.task)
            if self.state.task is not None and continues_text(self.labels[self.state.task], task_text):
                # The task cell was cut by a page break: this piece continues the task above.
                self.labels[self.state.task] = f"{self.labels[self.state.task]} {task_text}"
                self.ex.entities[self.state.task].mentions.append(ev)
            else:
                own = LEADING_CODE.match(task_text)  # "1.2.3. Створити ..." carries its own number
                if own:
                    code, task_text = own.group(1), own.group(2)
                else:
                    self.state.task_counter[opgoal] += 1
                    n = self.state.task_counter[opgoal]
                    code = f"{opgoal.rsplit('/', 1)[1]}.t{n}" if "/" in opgoal else f"t{n}"
                key = self._level_entity("task", code, task_text, row)
                self.labels[key] = self.ex.entities[key].label
                self.ex.add_relation(key, "partOf", opgoal, ev)
                self.state.task, self.state.task_opgoal = key, opgoal
        if not (a.measure or a.executors or a.funding):
            return  # a numbered row left empty: no measure
        own = LEADING_CODE.match(fix_text(a.measure))
        if own and own.group(1) == rec.code:  # the number repeated in the measure's text
            a.measure = own.group(2)
        key = self._level_entity("measure", rec.code, a.measure, row)
        for extra in rec.rows[1:]:
            self.ex.entities[key].mentions.append(self._evidence(extra))
        self.ex.add_relation(key, "partOf", self.state.task or opgoal, ev)
        if a.executors and not self.funding.is_none(a.executors):
            for label in self.executors.split(a.executors):
                if not name_key(self._expand_administration(label)):  # "?", "***", an emoji: no name to key
                    self.ex.warnings.append(
                        f"{self.path.name}: {a.executor_ref or row.ref}: executor {label!r} names no organisation; skipped"
                    )
                    continue
                org = self._organization(label, ev)
                self.ex.add_relation(key, "responsibleExecutor", org, ev)
        if a.funding:
            concepts = self.funding.parse(a.funding)
            if concepts is None:
                concepts = self._unknown_funding(a.funding)
            for concept in concepts:
                fkey = self._funding_entity(concept, ev)
                self.ex.add_relation(key, "fundingSource", fkey, ev)

    def _unknown_funding(self, cell: str) -> list[FundingConcept]:
        """Items of a funding-column cell the scheme does not know: each becomes its own concept."""
        out = []
        for item in [fix_text(i) for i in split_list(cell)]:
            c = self.funding.match(item)
            if c is None and not self.funding.is_none(item) and len(item.split()) <= 8:
                label = item.strip(" .")
                c = FundingConcept("n-" + name_key(label), label[:1].lower() + label[1:], None)
            if c is not None and c not in out:
                out.append(c)
        return out

    def _expand_administration(self, label: str) -> str:
        """Oblast administrations by their full name: "ВОДА" in a Volyn plan, "Волинська ОДА", "ОДА".

        The single letter of "ВОДА"/"ЛОДА" is ambiguous across oblasts (Волинська, Вінницька), so it
        is expanded only when it agrees with the oblast of the plan's own community.
        """
        adj = self.oblast_adj
        kinds = {"ОДА": "обласна державна адміністрація", "ОВА": "обласна військова адміністрація"}
        m = re.fullmatch(r"([А-ЯІЇЄ])(ОДА|ОВА)", label)
        if m and adj and adj.startswith(m.group(1)):
            return f"{adj} {kinds[m.group(2)]}"
        m = re.fullmatch(r"([А-ЯІЇЄ][а-яіїєґ'-]+ська) (ОДА|ОВА)", label)
        if m:
            return f"{m.group(1)} {kinds[m.group(2)]}"
        if adj and re.fullmatch(r"(ОДА|ОВА|облдержадміністрація|обласна державна адміністрація)", label, re.I):
            return f"{adj} {kinds.get(label.upper(), kinds['ОДА'])}"
        return label

    def _organization(self, label: str, ev: Evidence) -> str:
        full = self._expand_administration(label)
        if full != label:
            self.executors.forms.setdefault(full, set()).update({label, *self.executors.forms.get(label, ())})
            label = full
        key = "org:" + name_key(label)
        names = {label} | {f for f in self.executors.forms.get(label, set()) if f.casefold() != label.casefold()}
        self.ex.add_entity(Entity(key, "Organization", label, names=names, mentions=[ev]))
        return key

    def _funding_entity(self, concept: FundingConcept, ev: Evidence) -> str:
        key = "funding:" + concept.id
        attrs = {"broader": f"funding:{concept.broader}"} if concept.broader else {}
        names = {concept.label_uk} | self.funding.seen.get(concept.id, set())
        self.ex.add_entity(
            Entity(
                key,
                "FundingSource",
                concept.label_uk,
                label_en=concept.label_en,
                names=names,
                attributes=attrs,
                mentions=[ev],
            )
        )
        return key
