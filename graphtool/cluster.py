"""Extraction on a Dask cluster: ``graphtool build --cluster local|tcp://scheduler:8786``.

The build process plans as usual (which documents changed), hands them to Dask in shards of a
few dozen documents, and gets back each document's N-Quads bytes (the same
:func:`graphtool.parallel.extract_document` as a local worker runs, so the quads are the same).
The shards are written, in input order, to one N-Quads file that Oxigraph's bulk loader loads
into the embedded store (:mod:`graphtool.bulk`); ``graphtool push`` then carries the store to a
SPARQL server (Oxigraph server, Fuseki, QLever, GraphDB, Neptune) over the Graph Store Protocol.

``local`` starts a ``LocalCluster`` of one single-threaded worker process per core on this
machine; any other value is the address of a running scheduler. Every worker needs graphtool
installed (``pip install 'graphtool[dask]'``, the same version) and the documents at the same
path (a shared or synced folder). Dask itself retries a shard whose worker died; a shard that
still fails is reported document by document, and the build goes on. docs/scale.md says how to
run it on a real cluster.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from loaders.base import LoaderError
from loaders.limits import Limits

SHARD_DOCUMENTS = 32  # documents per Dask task: enough to amortise scheduling, small enough to balance


class ClusterUnavailable(Exception):
    """Dask is not installed or the scheduler cannot be reached; the message says what to do."""


def _extract_shard(tasks: list, limits: Limits) -> list:
    """On a Dask worker: (task, Extracted or error line) for each document of a shard, in order."""
    from graphtool.parallel import extract_document
    from loaders import limits as limits_mod

    limits_mod.use(limits)
    out = []
    for task in tasks:
        try:
            out.append((task, extract_document(task.path, task.name, task.sha256)))
        except LoaderError as exc:
            out.append((task, str(exc)))
        except Exception as exc:  # noqa: BLE001 - one document's bug costs that document
            out.append((task, f"{task.path}: {type(exc).__name__}: {exc}"))
    return out


class ClusterPool:
    """The interface of :class:`graphtool.parallel.ExtractionPool`, backed by a Dask cluster."""

    def __init__(self, address: str, limits: Limits, *, workers: int | None = None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise ClusterUnavailable("--cluster needs Dask: install it with pip install 'graphtool[dask]'") from exc
        from graphtool.parallel import default_jobs

        self.limits = limits
        self.peak_rss: dict[int, int] = {}
        self._cluster = None
        try:
            if address == "local":
                self._cluster = LocalCluster(
                    n_workers=workers or default_jobs(),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
                self.client = Client(self._cluster)
            else:
                self.client = Client(address, timeout="10s")
        except (OSError, TimeoutError) as exc:
            self.close()
            raise ClusterUnavailable(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        self.jobs = len(self.client.scheduler_info().get("workers", {})) or 1

    def __enter__(self) -> ClusterPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def map(self, tasks: Sequence) -> Iterator[tuple]:
        """(task, Extracted or error line) for every task, in input order."""
        shards = [list(tasks[i : i + SHARD_DOCUMENTS]) for i in range(0, len(tasks), SHARD_DOCUMENTS)]
        futures = self.client.map(_extract_shard, shards, limits=self.limits, pure=False)
        for shard, future in zip(shards, futures, strict=True):
            try:
                results = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost shard is reported per document
                why = f"{type(exc).__name__}: {exc}"
                results = [(task, f"{task.path}: the Dask task failed ({why}); skipped") for task in shard]
            finally:
                future.release()
            for task, result in results:
                if not isinstance(result, str):
                    self.peak_rss[result.pid] = max(self.peak_rss.get(result.pid, 0), result.peak_rss)
                yield task, result
