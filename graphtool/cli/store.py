"""Commands that fill and read the embedded store: build, export, sparql, stats, validate, remove, extract, cache."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from graphtool.cli.common import OutputFile, _out, json_option, open_reader, open_store, reader_options, store_option


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--max-file-mb", type=float, help="Refuse larger files [default: 512; GRAPHTOOL_MAX_FILE_MB].")
@click.option(
    "--max-unpacked-mb",
    type=float,
    help="Refuse .xlsx/.docx/PDF streams unpacking larger [default: 512; GRAPHTOOL_MAX_UNPACKED_MB].",
)
@click.option("--doc-timeout", type=float, help="Seconds to read one document [default: 300; GRAPHTOOL_DOC_TIMEOUT].")
@click.option(
    "--doc-memory-mb", type=float, help="Memory one document may use [default: 4096; GRAPHTOOL_DOC_MEMORY_MB]."
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Documents read at once [default: the cores available].")
@click.option("--force", is_flag=True, help="Read every document again, also those unchanged since the last build.")
@click.option("--prune", is_flag=True, help="Remove the graphs of documents whose files under PATHS are gone.")
@click.option(
    "--bulk/--no-bulk",
    default=None,
    help="Write with Oxigraph's bulk loader [default: for a fresh store of 200+ or a batch of 1000+ documents].",
)
@click.option(
    "--cluster",
    metavar="local|tcp://HOST:8786",
    help="Extract on a Dask cluster (pip install 'graphtool[dask]'), then bulk-load; see docs/scale.md.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress and no warnings: errors and the summary only.")
@click.option("--verbose", "-v", is_flag=True, help="Name each file as it is loaded; speed and worker memory.")
def build(
    paths: tuple[Path, ...],
    store_path: Path | None,
    max_file_mb: float | None,
    max_unpacked_mb: float | None,
    doc_timeout: float | None,
    doc_memory_mb: float | None,
    jobs: int | None,
    force: bool,
    prune: bool,
    bulk: bool | None,
    cluster: str | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Load documents (files or folders, recursively) into the store.

    Each document becomes its own named graph; loading it again replaces that graph. A file
    unchanged since the last build (same bytes, name and loader version) is not read again.
    A file that fails is named in one error line; the others still load (exit code 1).
    Each document is read within size, time and memory limits (0 switches one off).
    """
    from graphtool.build import build as run_build
    from graphtool.build import expand_paths
    from graphtool.store import StoreError
    from loaders.limits import Limits

    limits = Limits.from_env(
        max_file_mb=max_file_mb, max_unpacked_mb=max_unpacked_mb, doc_seconds=doc_timeout, doc_memory_mb=doc_memory_mb
    )

    store = open_store(store_path)
    files = expand_paths(paths, exclude=store.path)
    speed = _Speed()
    if quiet:
        progress = _nullbar()
    elif sys.stderr.isatty() and not verbose:  # the bar on its own line: nothing else prints while it runs
        progress = click.progressbar(
            length=len(files), label="Loading", file=sys.stderr, show_pos=True, item_show_func=speed.show
        )
    else:  # make, CI logs, pipes: plain lines a log keeps
        progress = _ProgressLines(len(files), verbose=verbose)
    with progress as bar:
        try:
            report = run_build(
                paths,  # the folders themselves: --prune looks under them
                store,
                on_file=lambda p: bar.update(1, p),
                on_document=getattr(bar, "timed", None) or speed.timed,
                limits=limits,
                jobs=jobs,
                force=force,
                prune=prune,
                bulk=bulk,
                cluster=cluster,
            )
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
    for line in [] if quiet else report.warnings:
        click.echo(f"warning: {line}", err=True)
    for line in report.errors:
        click.echo(f"error: {line}", err=True)
    click.echo(report.summary(), err=True)
    for line in report.details() if verbose else []:
        click.echo(line, err=True)
    if not report.ok:
        sys.exit(1)


class _Speed:
    """Documents/s and the slowest document so far, for the terminal's progress bar."""

    def __init__(self) -> None:
        import time

        self.start, self.done, self.slowest = time.monotonic(), 0, ("", 0.0)

    def timed(self, name: str, seconds: float) -> None:
        self.done += 1
        if seconds > self.slowest[1]:
            self.slowest = (name, seconds)

    def show(self, _item: object) -> str | None:
        import time

        elapsed = time.monotonic() - self.start
        if not self.done or not elapsed:
            return None
        return f"{self.done / elapsed:.1f} documents/s, slowest {self.slowest[0]} ({self.slowest[1]:.1f} s)"


class _nullbar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, _n: int, _item: object = None) -> None:
        pass


PROGRESS_EVERY = 15.0  # seconds between progress lines when stderr is not a terminal


class _ProgressLines:
    """Progress for logs and pipes: a line every :data:`PROGRESS_EVERY` seconds, even while nothing finishes
    (the first build spends its first minute on reference caches), and one at the end."""

    def __init__(self, total: int, *, verbose: bool = False) -> None:
        import threading

        self.total, self.done, self.verbose = total, 0, verbose
        self.slowest: tuple[str, float] = ("", 0.0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._tick, name="graphtool-progress", daemon=True)

    def _line(self) -> None:
        import time

        first = " (a first build also prepares reference caches)" if self.done == 0 else ""
        elapsed = time.monotonic() - self.start
        speed = f", {self.done / elapsed:.1f} documents/s" if self.done and elapsed else ""
        slowest = f", slowest {self.slowest[0]} ({self.slowest[1]:.1f} s)" if self.slowest[0] else ""
        click.echo(f"loading: {self.done}/{self.total} files, {elapsed:.0f} s{speed}{slowest}{first}", err=True)

    def timed(self, name: str, seconds: float) -> None:
        """One document extracted in ``seconds`` (the slowest is named on the progress line)."""
        if seconds > self.slowest[1]:
            self.slowest = (name, seconds)

    def _tick(self) -> None:
        while not self._stop.wait(PROGRESS_EVERY):
            self._line()

    def __enter__(self):
        import time

        self.start = time.monotonic()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(5)
        if self.total:
            self._line()
        return False

    def update(self, n: int, item: object = None) -> None:
        self.done += n
        if self.verbose and item is not None:
            click.echo(f"  {item}", err=True)


@click.command()
@click.argument(
    "fmt", type=click.Choice(["jsonl", "nquads", "trig", "turtle", "ntriples", "rdfxml", "jsonld", "graphml", "gexf"])
)
@reader_options
@click.option("-o", "--output", type=OutputFile(), help="Write to FILE instead of stdout.")
def export(fmt: str, store_path: Path | None, endpoint: str | None, output: Path | None) -> None:
    """Export the graph: JSONL (the relationship contract), RDF (N-Quads, TriG and JSON-LD keep one graph
    per document; Turtle, N-Triples and RDF/XML write their union) or a network for Gephi (GraphML, GEXF)."""
    store = open_reader(store_path, endpoint)
    if endpoint:  # exports walk every quad: copy the remote graphs once, then export the copy
        from graphtool.store import StoreError

        try:
            store = store.snapshot()
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
    if fmt == "jsonl":
        from graphtool.export import write_jsonl

        with _out(output) as fh:
            write_jsonl(store, fh)
    elif fmt in ("graphml", "gexf"):
        from graphtool.network import write_network

        write_network(store, fmt, output)
    else:
        if output:
            store.dump(str(output), fmt)
        else:
            sys.stdout.buffer.write(_dump_bytes(store, fmt))


def _dump_bytes(store, fmt: str) -> bytes:
    import io

    buf = io.BytesIO()
    store.dump(buf, fmt)
    return buf.getvalue()


@click.command()
@click.argument("query", required=False)
@click.option(
    "-f",
    "--file",
    "query_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the query from FILE.",
)
@reader_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "md", "turtle", "nt", "jsonld"]),
    default="table",
    show_default=True,
    help="table/csv/tsv/json/md for SELECT and ASK (ASK as SPARQL JSON); turtle/nt/jsonld for CONSTRUCT and DESCRIBE.",
)
@click.option("-o", "--output", type=OutputFile(), help="Write to FILE instead of stdout.")
def sparql(
    query: str | None,
    query_file: Path | None,
    store_path: Path | None,
    endpoint: str | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Run an ad-hoc SPARQL query over all documents (their union).

    Prefixes gt:, id:, skos:, rdf:, rdfs:, prov:, geo:, xsd: and dcterms: are predeclared.
    """
    from graphtool.formats import render
    from graphtool.query import run_sparql
    from graphtool.store import StoreError

    if (query is None) == (query_file is None):
        raise click.UsageError("give a QUERY or -f FILE (one of them)")
    text = query_file.read_text(encoding="utf-8") if query_file else query
    reader = open_reader(store_path, endpoint)
    try:
        result = reader.run(text) if endpoint else run_sparql(reader, text)
        rendered = render(result, fmt)
    except (StoreError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if output:
        try:
            output.write_text(rendered, encoding="utf-8")
        except OSError as exc:
            raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from exc
    else:
        click.echo(rendered, nl=False)


@click.command()
@reader_options
@json_option("Print text or JSON.")
def stats(store_path: Path | None, endpoint: str | None, as_json: bool) -> None:
    """Count documents, entities by type, relations by kind and triples."""
    import json

    from graphtool.stats import store_stats
    from graphtool.store import StoreError

    try:
        data = store_stats(open_reader(store_path, endpoint))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    click.echo(f"documents: {data['documents']}")
    click.echo(f"triples:   {data['triples']} in the document graphs (a fact stated by k documents counts k times)")
    click.echo(f"           {data['distinct_triples']} distinct (their union: what a COUNT over the endpoint sees)")
    click.echo("entities (distinct, by type):")
    for k, v in data["entities"].items():
        click.echo(f"  {k:<16} {v}")
    click.echo("relations (distinct subject-relation-object links):")
    for k, v in data["relations"].items():
        click.echo(f"  {k:<20} {v}")


@click.command()
@store_option
def validate(store_path: Path | None) -> None:
    """Check the graph against the SHACL shapes (ontology/shapes.ttl); exit 1 on violations."""
    from graphtool.validate import validate_store

    conforms, report = validate_store(open_store(store_path, read_only=True))
    click.echo(report)
    if not conforms:
        sys.exit(1)


@click.command()
@click.argument("documents", nargs=-1, required=True)
@store_option
def remove(documents: tuple[str, ...], store_path: Path | None) -> None:
    """Retract documents (by file name or graph IRI) from the store."""
    store = open_store(store_path)
    missing = []
    for doc in documents:
        removed = store.remove_document(doc)
        if removed:
            click.echo(f"removed {doc}", err=True)
        else:
            missing.append(doc)
    store.flush()
    if missing:
        raise click.ClickException(f"not in the store: {', '.join(missing)}")


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option("Print the extraction as text or JSON.")
def extract(file: Path, as_json: bool) -> None:
    """Show what graphtool finds in one document, for a person to check (nothing is stored)."""
    from graphtool.document import load_document
    from graphtool.extract_view import render_extraction
    from loaders.base import LoaderError

    try:
        extraction, _name, _version = load_document(file)
    except LoaderError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(render_extraction(extraction, as_json=as_json), nl=False)


@click.command()
@click.option("--rebuild", is_flag=True, help="Rebuild the caches now (about 20-60 s).")
def cache(rebuild: bool) -> None:
    """Show or rebuild the reference-data caches (inflected place names, donor registry index)."""
    from graphtool.caches import cache_files, rebuild_caches

    files = rebuild_caches() if rebuild else cache_files()
    for path in files:
        click.echo(f"{path}  {path.stat().st_size / 1e6:.1f} MB")
    if not files:
        click.echo("no caches yet: they are built on first use or with --rebuild")
