"""Commands for SPARQL servers: ``push`` the store to one, ``serve`` the store as one."""

from __future__ import annotations

from pathlib import Path

import click

from graphtool.cli.common import store_option


@click.command()
@store_option
@click.option("--graph-store", "graph_store_url", metavar="URL", help="SPARQL 1.1 Graph Store Protocol URL.")
@click.option("--update", "update_url", metavar="URL", help="SPARQL 1.1 Update URL (servers without the GSP).")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds to wait for each request.")
@click.option(
    "--retries", type=int, default=5, show_default=True, help="Retries per graph on connection errors, 5xx, 429."
)
@click.option(
    "--prune",
    "prune_endpoint",
    metavar="QUERY_URL",
    help="Afterwards delete document graphs the store no longer has (found through this query URL).",
)
def push(
    store_path: Path | None,
    graph_store_url: str | None,
    update_url: str | None,
    timeout: float,
    retries: int,
    prune_endpoint: str | None,
) -> None:
    """Upload every document graph to a SPARQL server, replacing the server's copy (never duplicating).

    One PUT per graph with --graph-store, or DROP + INSERT DATA per graph with --update.
    Credentials come from GRAPHTOOL_TOKEN (bearer) or GRAPHTOOL_USER / GRAPHTOOL_PASSWORD (basic;
    GRAPHTOOL_AUTH=digest for digest). See docs/remote-stores.md for each server's URLs.
    """
    from graphtool.cli.common import open_store
    from graphtool.push import push as run_push
    from graphtool.remote import RemoteError

    if bool(graph_store_url) == bool(update_url):
        raise click.UsageError("give --graph-store URL or --update URL (one of them)")

    def retrying(n: int, wait: float, exc: Exception) -> None:
        click.echo(f"retry {n} in {wait:.1f} s: {exc}", err=True)

    store = open_store(store_path, read_only=True)
    try:
        report = run_push(store, graph_store_url=graph_store_url, update_url=update_url, timeout=timeout,
                          retries=retries, on_retry=retrying, prune_endpoint=prune_endpoint)  # fmt: skip
    except RemoteError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(report.summary(), err=True)


@click.command()
@store_option
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Interface to listen on (localhost only by default)."
)
@click.option("--port", type=int, default=7879, show_default=True, help="Port (0 picks a free one).")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Per-query time limit in seconds.")
@click.option("--workers", type=int, default=2, show_default=True, help="Query worker processes.")
@click.option(
    "--cors",
    is_flag=True,
    help="Let web pages of other origins query /sparql (Access-Control-Allow-Origin: *). Off by default: "
    "any page a user has open could otherwise read the graph.",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests for this Host name (a proxy's public name; '*' for any). By default only the "
    "names the server is bound to are answered, against DNS rebinding.",
)
@click.option("--max-connections", type=int, default=128, show_default=True, help="Open connections served at once.")
@click.option("--quiet", is_flag=True, help="No access log (one Common Log Format line per request on stderr).")
@click.option(
    "--in-memory",
    is_flag=True,
    help="Each worker copies the store's default graph into memory at start-up (and again after a build "
    "changes the store) and answers from it: faster queries for about 0.3 GB per million triples per worker.",
)
@click.option(
    "--cache-mb",
    type=click.FloatRange(min=0),
    default=256,
    show_default=True,
    help="Keep answers (query results and pages) up to this many MB while the store is unchanged; identical "
    "requests arriving together are computed once. 0 turns the cache off.",
)
def serve(
    store_path: Path | None,
    host: str,
    port: int,
    timeout: float,
    workers: int,
    cors: bool,
    allow_hosts: tuple[str, ...],
    max_connections: int,
    quiet: bool,
    in_memory: bool,
    cache_mb: float,
) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint (/sparql) with HTML pages (/).

    Results in JSON, XML, CSV or TSV by the Accept header; updates and federated queries (SERVICE) are
    refused; pages and queries share the per-query time limit. See docs/serve.md.
    """
    import signal

    from graphtool.serve import make_server
    from graphtool.store import StoreError, default_store_path

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: anyone who can reach it can read the graph", err=True)
    options = {"cors": cors, "allow_hosts": allow_hosts, "max_connections": max_connections, "access_log": not quiet,
               "in_memory": in_memory, "cache_mb": cache_mb}  # fmt: skip
    try:
        server = make_server(
            store_path or default_store_path(), host=host, port=port, timeout=timeout, workers=workers, **options
        )
    except (StoreError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"graphtool serve: {server.url}/ (SPARQL endpoint {server.url}/sparql); Ctrl+C stops", err=True)
    signal.signal(signal.SIGTERM, _stop)  # docker stop / systemd: shut down like Ctrl+C, workers included
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _stop(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt
