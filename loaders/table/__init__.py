"""Action-plan tables -> the plan's goals, tasks and measures, their executors and funding sources.

A community strategy's action plan is a table: a header row ("№ | Завдання | Перелік заходів |
Відповідальні виконавці | Джерела фінансування"), heading rows for strategic and operational
goals, and one numbered row per measure. This package is the loader registered for .tsv, .csv,
tab-separated .txt, .xlsx and .docx files. Its stages, each importing only those before it
(and :mod:`loaders.base`, :mod:`loaders.text`, :mod:`loaders.morph`, :mod:`loaders.gazetteer`):

* :mod:`loaders.table.read` turns a file into grids of rows (:class:`Grid`, :class:`Row`);
* :mod:`loaders.table.header` tells header rows, row codes and goal headings;
* :mod:`loaders.table.sniff` decides whether a file is a plan at all;
* :mod:`loaders.table.vocab` knows funding sources and executor names;
* :mod:`loaders.table.plan` reads the plan from the grids (:class:`PlanBuilder`).
"""

from __future__ import annotations

from pathlib import Path

from loaders.base import Extraction, LoaderError
from loaders.table.header import CODE, find_header, header_role
from loaders.table.plan import PlanBuilder, continues_text
from loaders.table.read import decode_bytes, read_delimited, read_docx, read_xlsx
from loaders.table.sniff import docx_is_mostly_table, looks_tab_separated

__all__ = ["CODE", "LOADER", "PlanBuilder", "TableLoader", "continues_text", "find_header", "header_role"]


class TableLoader:
    """Reads action-plan tables (.tsv, .csv, tab-separated .txt, .xlsx, .docx)."""

    name = "table"
    version = "1.0"
    extensions = (".tsv", ".csv", ".xlsx", ".docx", ".txt")

    def sniff(self, path: Path, head: bytes) -> bool:
        """True for .tsv/.csv/.xlsx, a .txt with tab-separated lines, a .docx whose body is mostly a table."""
        suffix = path.suffix.lower()
        if suffix in (".tsv", ".csv", ".xlsx"):
            return True
        if suffix == ".txt":
            return looks_tab_separated(head)
        if suffix == ".docx":
            return docx_is_mostly_table(path)
        return False

    def load(self, path: Path) -> Extraction:
        """Read the plan; raise LoaderError naming the file and the row or cell on bad input."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".xlsx":
            grids = read_xlsx(path)
        elif suffix == ".docx":
            grids = read_docx(path)
        else:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise LoaderError(f"{path.name}: cannot be read ({exc})") from exc
            text = decode_bytes(path, data)
            if not text.strip():
                raise LoaderError(f"{path.name}: row 1: the file is empty")
            grids = [read_delimited(path, text, "\t" if suffix in (".tsv", ".txt") else None)]
        builder = PlanBuilder(path, grids)
        try:
            return builder.build()
        except LoaderError:
            raise
        except Exception as exc:  # a bug must still name the place, not crash the whole build
            raise LoaderError(
                f"{path.name}: {builder.where}: cannot read this row ({type(exc).__name__}: {exc})"
            ) from exc


LOADER = TableLoader()
