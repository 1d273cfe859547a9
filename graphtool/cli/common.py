"""What every command shares: the store and reader options, ``--format``, output files, the group class.

Imports nothing of the command modules; each of them imports from here.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click


def store_option(func):
    """``--store DIR`` with the default location (``$GRAPHTOOL_STORE`` or ``./graphtool-store``)."""
    return click.option(
        "--store",
        "store_path",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Store directory [default: $GRAPHTOOL_STORE or ./graphtool-store].",
    )(func)


def open_store(store_path: Path | None, *, read_only: bool = False):
    """Open the embedded store, turning failures into a one-line CLI error."""
    from graphtool.store import GraphStore, StoreError, default_store_path

    try:
        return GraphStore(store_path or default_store_path(), read_only=read_only)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def reader_options(func):
    """``--store DIR`` or ``--endpoint URL``: where a read command reads the graph from."""
    func = click.option(
        "--endpoint",
        metavar="URL",
        default=None,
        envvar="GRAPHTOOL_ENDPOINT",
        help="Read from a SPARQL 1.1 endpoint instead of the embedded store [default: $GRAPHTOOL_ENDPOINT].",
    )(func)
    return store_option(func)


def json_option(help_text: str):
    """``--format text|json``, with ``--json`` kept as an alias of ``--format json``; the command gets ``as_json``."""
    import functools

    def decorate(func):
        @functools.wraps(func)
        def command(*args, out_format: str = "text", **kwargs):
            kwargs["as_json"] = kwargs.get("as_json") or out_format == "json"
            return func(*args, **kwargs)

        command = click.option(
            "--format", "out_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
            help=help_text,
        )(command)  # fmt: skip
        return click.option("--json", "as_json", is_flag=True, help="Same as --format json.")(command)

    return decorate


def open_reader(store_path: Path | None, endpoint: str | None = None):
    """The graph to read: the embedded store, or a remote SPARQL endpoint with the same ``select`` API."""
    if endpoint:
        from graphtool.remote import RemoteStore
        from graphtool.store import StoreError

        try:
            return RemoteStore(endpoint)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
    return open_store(store_path, read_only=True)


class OutputFile(click.Path):
    """``-o FILE``: the folder it names is created when missing; a path that cannot be a file is a clear error."""

    def __init__(self) -> None:
        super().__init__(dir_okay=False, path_type=Path)

    def convert(self, value, param, ctx):
        path = super().convert(value, param, ctx)
        folder = Path(path).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.fail(f"cannot create the folder {str(folder)!r} for {str(path)!r}: {exc.strerror or exc}", param, ctx)
        return path


def _out(output: Path | None):
    import contextlib

    return open(output, "w", encoding="utf-8") if output else contextlib.nullcontext(sys.stdout)


class _StderrHandler(logging.StreamHandler):
    """A log handler writing to ``sys.stderr`` as it is at each message (tests swap the stream)."""

    @property
    def stream(self):  # noqa: D102
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


class _Main(click.Group):
    """The command group: a file the OS refuses (full disk, no permission, a folder in the way) is one line."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except OSError as exc:
            if exc.filename is None:
                raise
            raise click.ClickException(f"{exc.filename}: {exc.strerror or exc}") from exc
