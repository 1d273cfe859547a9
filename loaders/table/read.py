"""Read a table file (TSV/CSV/TXT, XLSX, DOCX) into a grid of text rows with offsets.

Every format comes out the same way: a :class:`Grid` of :class:`Row` objects whose
cells are stripped strings, a vertically merged cell being blank below its first row
(as in a tab-separated export), plus the text lines that stand before the table
(the title). Offsets: for text files they point into the decoded file text; for
XLSX/DOCX into a rendering of the table with one row per line, cells joined by tabs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from loaders.base import LoaderError


@dataclass
class Row:
    """One table row: its cells, where it is (for messages) and its span in the text."""

    cells: list[str]
    ref: str  # "row 12", "sheet 'План' row 12", "table 1 row 12"
    start: int
    end: int
    cell_refs: list[str] = field(default_factory=list)  # "B12" per cell where the format has them

    def cell_ref(self, i: int) -> str:
        if i < len(self.cell_refs):
            return f"cell {self.cell_refs[i]}"
        return f"{self.ref} column {i + 1}"

    @property
    def sentence(self) -> str:
        """The row as evidence text: non-empty cells joined by ' | '."""
        return " | ".join(c.replace("\n", " ") for c in self.cells if c)


@dataclass
class Grid:
    """A table as rows of text, and the lines of text outside it (titles, notes)."""

    rows: list[Row]
    text: str  # the decoded text the offsets point into
    preamble: list[str] = field(default_factory=list)  # non-table lines before the table


_SPACE = re.compile(r"[ \t\u00a0\u2007\u202f]+")


def clean_cell(value: object) -> str:
    """Cell text with spaces folded; line breaks inside the cell are kept (they may separate list items)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "")
    lines = [_SPACE.sub(" ", part).strip() for part in text.split("\n")]
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------- text files


def decode_bytes(path: Path, data: bytes) -> str:
    """Decode a text table with the one decoder of all text loaders (:func:`loaders.text.decode_bytes`)."""
    from loaders.text import decode_bytes as decode

    return decode(data, path.name)


def _physical_lines(text: str) -> list[str]:
    """Lines ending at newline characters only, with their ends kept.

    Not ``str.splitlines``: it also breaks at \x1c-\x1e, \x85 and \u2028, which the csv module
    keeps inside a record, so row offsets would drift after such a character.
    """
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def read_delimited(path: Path, text: str, delimiter: str | None = None) -> Grid:
    """Rows of a tab-, comma- or semicolon-separated text, with each row's offsets in ``text``."""
    import csv
    import io

    lines = _physical_lines(text)
    if delimiter is None:
        delimiter = sniff_delimiter(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    rows: list[Row] = []
    preamble: list[str] = []
    if delimiter == "\t":
        # Tabs: one line is one row; quotes are text, not field delimiters.
        for n, line in enumerate(lines):
            body = line.rstrip("\r\n")
            cells = [clean_cell(c) for c in body.split("\t")]
            rows.append(Row(cells, f"row {n + 1}", starts[n], starts[n] + len(body)))
    else:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        first = 0
        try:
            for record in reader:
                last = reader.line_num  # 1-based number of the last physical line read
                end = starts[min(last, len(lines))] if lines else 0
                body_end = end - (len(lines[last - 1]) - len(lines[last - 1].rstrip("\r\n"))) if lines else 0
                rows.append(Row([clean_cell(c) for c in record], f"row {first + 1}", starts[first], body_end))
                first = last
        except csv.Error as exc:
            raise LoaderError(f"{path.name}: row {reader.line_num}: {exc}") from exc
    return Grid(rows, text, preamble)


def sniff_delimiter(lines: list[str]) -> str:
    """The separator used by most of the first lines: tab, semicolon or comma."""
    sample = [ln for ln in lines[:60] if ln.strip()]
    best, best_score = "\t", -1
    for delim in ("\t", ";", ","):
        score = sum(1 for ln in sample if ln.count(delim) >= 2)
        if score > best_score:
            best, best_score = delim, score
    return best


# ---------------------------------------------------------------- XLSX


def read_xlsx(path: Path) -> list[Grid]:
    """One grid per non-empty worksheet; merged cells keep their value in the top-left cell only."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise LoaderError(f"{path.name}: not a readable .xlsx workbook ({exc})") from exc
    grids: list[Grid] = []
    for ws in wb.worksheets:
        rows: list[Row] = []
        lines: list[str] = []
        pos = 0
        for r_idx, values in enumerate(ws.iter_rows(values_only=True), 1):
            cells = [clean_cell(v) for v in values]
            while cells and not cells[-1]:
                cells.pop()
            line = "\t".join(c.replace("\n", " ") for c in cells)
            refs = [f"{get_column_letter(c + 1)}{r_idx}" for c in range(len(cells))]
            rows.append(Row(cells, f"sheet '{ws.title}' row {r_idx}", pos, pos + len(line), refs))
            lines.append(line)
            pos += len(line) + 1
        if any(any(r.cells) for r in rows):
            grids.append(Grid(rows, "\n".join(lines)))
    if not grids:
        names = ", ".join(f"'{ws.title}'" for ws in wb.worksheets)
        raise LoaderError(f"{path.name}: sheet {names}: the workbook has no data (empty sheet)")
    return grids


# ---------------------------------------------------------------- DOCX


def read_docx(path: Path) -> list[Grid]:
    """One grid per table of the document; the paragraphs before a table are its preamble.

    Merged cells are read from the XML (``gridSpan``, ``vMerge``), so a vertically merged
    cell is blank below its first row instead of repeating its text as python-docx's
    ``row.cells`` would.
    """
    import zipfile

    from docx import Document
    from docx.oxml.ns import qn

    try:
        doc = Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise LoaderError(f"{path.name}: not a readable .docx document ({exc})") from exc
    except Exception as exc:  # python-docx raises its own PackageNotFoundError and lxml errors
        raise LoaderError(f"{path.name}: not a readable .docx document ({exc})") from exc

    t_tag, br_tags, tab_tag = qn("w:t"), {qn("w:br"), qn("w:cr")}, qn("w:tab")

    def text_of(el) -> str:
        paras = []
        for p in el.iter(qn("w:p")):
            parts = []
            for node in p.iter(t_tag, tab_tag, *br_tags):
                if node.tag == t_tag:
                    parts.append(node.text or "")
                elif node.tag == tab_tag:
                    parts.append(" ")
                else:
                    parts.append("\n")
            paras.append("".join(parts))
        return clean_cell("\n".join(paras))

    grids: list[Grid] = []
    preamble: list[str] = []
    t_no = 0
    for block in doc.element.body.iterchildren():
        if block.tag == qn("w:p"):
            line = text_of(block)
            if line:
                preamble.append(line)
            continue
        if block.tag != qn("w:tbl"):
            continue
        t_no += 1
        rows: list[Row] = []
        lines: list[str] = []
        pos = 0
        for r_idx, tr in enumerate(block.iterchildren(qn("w:tr")), 1):
            cells: list[str] = []
            for tc in tr.iterchildren(qn("w:tc")):
                tcpr = tc.find(qn("w:tcPr"))
                span, cont = 1, False
                if tcpr is not None:
                    gs = tcpr.find(qn("w:gridSpan"))
                    if gs is not None and (gs.get(qn("w:val")) or "1").isdigit():
                        span = max(1, int(gs.get(qn("w:val"))))
                    vm = tcpr.find(qn("w:vMerge"))
                    if vm is not None and vm.get(qn("w:val")) in (None, "continue"):
                        cont = True
                cells.append("" if cont else text_of(tc))
                cells.extend([""] * (span - 1))
            while cells and not cells[-1]:
                cells.pop()
            line = "\t".join(c.replace("\n", " ") for c in cells)
            rows.append(Row(cells, f"table {t_no} row {r_idx}", pos, pos + len(line)))
            lines.append(line)
            pos += len(line) + 1
        grids.append(Grid(rows, "\n".join(lines), preamble))
        preamble = []
    if not grids:
        raise LoaderError(f"{path.name}: the document has no table")
    return grids
