"""Commands over the graph for researchers and coordinators: the query library, reports, maps, analysis.

Each command reads through ``reader_options`` (``--store`` or ``--endpoint``) and calls one library function.
"""

from __future__ import annotations

from pathlib import Path

import click

from graphtool.cli.common import OutputFile, json_option, open_reader, reader_options

TABLE_FORMATS = ["table", "csv", "tsv", "json", "md"]


def _types(values: tuple[str, ...]) -> list[str] | None:
    """``--types Donor,Community --types Program`` -> ['Donor', 'Community', 'Program']."""
    out = [t.strip() for v in values for t in v.split(",") if t.strip()]
    return out or None


@click.group()
def query() -> None:
    """The researchers' query library (queries/*.rq): list the questions, run one."""


@query.command("list")
@json_option("Print text or JSON (name, summary, parameters).")
def query_list(as_json: bool) -> None:
    """List the library's questions with their summaries and parameters."""
    from graphtool.library import load_queries, render_listing

    click.echo(render_listing(load_queries(), as_json=as_json), nl=False)


def complete_query_names(_ctx, _param, incomplete: str) -> list[str]:
    """Shell completion of library query names (see docs/configuration.md)."""
    from graphtool.library import load_queries

    return [name for name in sorted(load_queries()) if name.startswith(incomplete)]


@query.command("run")
@click.argument("name", shell_complete=complete_query_names)
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=OutputFile(), help="Write to FILE.")
@reader_options
def query_run(name: str, params: tuple[str, ...], fmt: str, output: Path | None, store_path, endpoint) -> None:
    """Run the library question NAME; entity parameters take an IRI or a name (any case, form or language)."""
    from graphtool.formats import render
    from graphtool.library import LibraryError, parse_param_args, run_query
    from graphtool.store import StoreError

    try:
        table = run_query(open_reader(store_path, endpoint), name, parse_param_args(params))
    except (LibraryError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    _emit(render(table, fmt), output)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


@click.command()
@click.argument("kind", type=click.Choice(["community", "donor", "program", "partnerships", "3w"]))
@click.argument("name", required=False)
@click.option(
    "--format", "fmt", type=click.Choice(["md", "html", "csv", "json", "xlsx"]), default="md", show_default=True
)
@click.option("-o", "--output", type=OutputFile(), help="Write to FILE.")
@reader_options
def report(kind: str, name: str | None, fmt: str, output: Path | None, store_path, endpoint) -> None:
    """A report on a community, donor or program (or partnerships; 3w: who funds what where, by donor): its
    links grouped by kind, each with the document and sentence it comes from. NAME is matched forgivingly ("Житомир", "Zhytomyr", "житомирі")."""
    from graphtool.report import ReportError, build_report, write_report

    try:
        text = write_report(build_report(open_reader(store_path, endpoint), kind, name), fmt, output)
    except ReportError as exc:
        raise click.ClickException(str(exc)) from exc
    if text is not None:
        click.echo(text, nl=False)
    else:
        click.echo(f"wrote {output}", err=True)


@click.command("map")
@click.option("--donor", help="Only what this donor funds and where.")
@click.option("--program", help="Only this program (or project), its donors, projects and places.")
@click.option("--community", help="Only what happens in this community (and its settlements).")
@click.option("--oblast", help="Only what happens in the communities of this oblast or raion.")
@click.option("--types", "types", multiple=True, help="Entity types to show, e.g. Donor,Program,Community.")
@click.option("--layout", type=click.Choice(["force", "geo"]), default="force", show_default=True,
              help="geo: communities and partner cities at their coordinates.")  # fmt: skip
@click.option("--renderer", type=click.Choice(["auto", "vis", "webgl"]), default="auto", show_default=True,
              help="auto: WebGL (sigma.js) for force maps above 1,500 nodes; geo maps then gather oblasts.")  # fmt: skip
@click.option("-o", "--output", type=OutputFile(), default=Path("map.html"),
              show_default=True)  # fmt: skip
@reader_options
def map_command(donor, program, community, oblast, types, layout, renderer, output, store_path, endpoint) -> None:
    """Draw the network as one self-contained HTML page (opens offline; search box; click for sources)."""
    from graphtool.maps import write_map
    from graphtool.network import NetworkError

    try:
        result = write_map(open_reader(store_path, endpoint), output, donor=donor, program=program,
                           community=community, oblast=oblast, types=_types(types), layout=layout,
                           renderer=renderer)  # fmt: skip
    except NetworkError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"wrote {output}: {result.nodes} nodes, {result.edges} links in {result.seconds:.1f} s", err=True)


@click.command()
@click.option("--types", "types", multiple=True, help="Entity types in the network (default: no plan rows).")
@click.option("--top", type=int, default=10, show_default=True, help="Rows per ranking.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@reader_options
def analyze(types, top: int, fmt: str, store_path, endpoint) -> None:
    """Network analysis: most central donors and communities, brokers, clusters, isolated communities."""
    import json

    from graphtool.network import DEFAULT_TYPES, NetworkError, analyze_network, load_network, render_analysis

    try:
        graph = load_network(open_reader(store_path, endpoint), _types(types) or DEFAULT_TYPES)
    except NetworkError as exc:
        raise click.ClickException(str(exc)) from exc
    result = analyze_network(graph, top=top)
    click.echo(json.dumps(result, ensure_ascii=False, indent=1) if fmt == "json" else render_analysis(result), nl=False)
