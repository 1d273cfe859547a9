"""Is this file an action-plan table? The loader's sniffing, kept apart from the reading.

A tab-separated text or a .docx is a plan only when it has a plan header row or mostly numbered
rows; any other table (a list of projects and donors) is left to the narrative loader.
"""

from __future__ import annotations

from pathlib import Path

from loaders.base import LoaderError
from loaders.table.header import find_header, numbered_rows
from loaders.table.read import Row, read_docx


def looks_tab_separated(head: bytes) -> bool:
    """True when the first bytes hold a plan table: tab-separated lines (three tabs or more)
    with a plan header row, or, without one, mostly numbered tab-separated rows.

    A report with a small table inside, or a tab-separated list that is no plan (projects and
    donors), stays with the narrative loader.
    """
    from loaders.text import decode_head

    text = decode_head(head)  # a UTF-16 plan (with or without BOM) is still a plan
    lines = text.splitlines()
    if len(lines) > 1 and not head.endswith(b"\n"):
        lines = lines[:-1]  # the last line may be cut off
    filled = [ln for ln in lines if ln.strip()]
    tabbed = [ln for ln in filled if ln.count("\t") >= 3]
    if len(tabbed) < 3:
        return False
    rows = [Row([c.strip() for c in ln.split("\t")], "", 0, 0) for ln in tabbed]
    if find_header(rows) is not None:
        return True
    # No plan header: a plan only when tab-separated lines dominate and carry row numbers;
    # any other tab-separated text is left to the narrative loader.
    return len(tabbed) * 2 >= len(filled) and numbered_rows(rows) >= 3


def docx_is_mostly_table(path: Path) -> bool:
    """True when most of a .docx body's text sits in tables that hold a plan.

    A plan table has a plan header row or numbered rows; a document that is mostly some
    other table (a list of projects and donors) is left to the narrative loader.
    """
    try:
        grids = read_docx(path)
    except LoaderError:
        return False
    except Exception:
        return False
    from docx import Document

    doc = Document(str(path))
    in_tables = sum(len(r.sentence) for g in grids for r in g.rows)
    outside = sum(len(p.text) for p in doc.paragraphs)
    if in_tables < outside:
        return False
    rows = [r for g in grids for r in g.rows]
    if any(find_header(g.rows) is not None for g in grids):
        return True
    return numbered_rows(rows) >= 3
