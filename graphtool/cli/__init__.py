"""The ``graphtool`` command: a thin click layer over the library, one module per command group.

Each command parses its options, calls one library function and turns library errors into
``click.ClickException``. Heavy imports happen inside the commands so ``--help`` is instant.
:mod:`graphtool.cli.common` holds the shared options; :mod:`~graphtool.cli.store` the commands over the
embedded store, :mod:`~graphtool.cli.library` the researchers' queries, reports, maps and analysis,
:mod:`~graphtool.cli.remote` push and serve. This module only builds the group from them: the command
modules import ``common``, never this module, so nothing registers itself by a circular import.
It owns no logic of its own: the commands may import the rest of :mod:`graphtool` (inside each
command), never the other way round.
"""

from __future__ import annotations

import logging

import click

from graphtool import __version__
from graphtool.cli import library, remote, store
from graphtool.cli.common import _Main, _StderrHandler


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphtool")
def main() -> None:
    """graphtool: Ukrainian community documents -> a knowledge graph of donors, programs,
    communities, organizations and partner cities.

    Build a store from documents, then query, report, map and export it.
    """
    names_log = logging.getLogger("graphtool.names")  # what a forgiving name matched, on stderr
    if not names_log.handlers:
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        names_log.addHandler(handler)
        names_log.setLevel(logging.INFO)
        names_log.propagate = False


main.add_command(store.build)
main.add_command(store.export)
main.add_command(store.sparql)
main.add_command(store.stats)
main.add_command(store.validate)
main.add_command(store.remove)
main.add_command(store.extract)
main.add_command(store.cache)
main.add_command(library.query)
main.add_command(library.report)
main.add_command(library.map_command)
main.add_command(library.analyze)
main.add_command(remote.push)
main.add_command(remote.serve)


if __name__ == "__main__":  # pragma: no cover
    main()
