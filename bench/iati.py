"""IATI loader benchmark: activities per second and peak memory on a generated activity file.

    python -m bench.iati --mb 100            # generate (cached in /tmp) and load a 100 MB file
    python -m bench.iati --mb 500 --parse-only
    python -m bench.iati --mb 500 --build    # graphtool build into a fresh store (streamed in batches)

Each measurement runs in a fresh subprocess so the peak RSS (``ru_maxrss``) is that run's own.
``--parse-only`` streams the XML without building the extraction: the memory the parser itself
needs, which must not grow with the file. A full load also keeps what it extracts (entities,
money flows, evidence), which grows with the number of activities, not with the XML's size.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

PUBLISHERS = [
    ("XM-DAC-41114", "United Nations Development Programme"),
    ("US-GOV-1", "USAID - U.S. Agency for International Development"),
    ("SE-0", "Swedish International Development Cooperation Agency"),
    ("DE-1", "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH"),
]
OBLASTS = ["Donetsk", "Luhansk", "Kharkiv", "Sumy", "Chernihiv", "Lviv", "Odesa", "Zhytomyr"]
SECTORS = ["15112", "15150", "14030", "23183", "72010", "43030", "16010", "12220"]


def activity_xml(i: int, rng: random.Random) -> str:
    """One IATI 2.03 activity with every element the loader reads (about 4 KB)."""
    ref, name = PUBLISHERS[i % len(PUBLISHERS)]
    oblast = OBLASTS[i % len(OBLASTS)]
    parent = f'    <related-activity ref="{ref}-BENCH-{i - i % 10}" type="1"/>\n' if i % 10 else ""
    transactions = "".join(
        f"""    <transaction>
      <transaction-type code="{code}"/>
      <transaction-date iso-date="202{k % 4}-0{1 + k % 9}-15"/>
      <value currency="USD" value-date="202{k % 4}-0{1 + k % 9}-15">{rng.randint(1000, 9_000_000)}.{rng.randint(0, 99):02d}</value>
      <provider-org ref="{ref}"><narrative>{name}</narrative></provider-org>
      <receiver-org ref="UA-EDR-{40000000 + i % 5000}"><narrative>Implementing partner {i % 5000}</narrative></receiver-org>
    </transaction>
"""
        for k, code in enumerate(("2", "3", "3", "4"))
    )
    return f"""  <iati-activity default-currency="USD" xml:lang="en">
    <iati-identifier>{ref}-BENCH-{i}</iati-identifier>
    <reporting-org ref="{ref}" type="40"><narrative>{name}</narrative></reporting-org>
    <title><narrative>Community recovery activity {i} in {oblast} Oblast</narrative><narrative xml:lang="uk">Відновлення громад {i}</narrative></title>
    <description type="1"><narrative>Support to hromadas of {oblast} Oblast: water, heating and public services. {"Lorem ipsum dolor sit amet. " * 12}</narrative></description>
    <participating-org ref="{ref}" role="1" type="40"><narrative>{name}</narrative></participating-org>
    <participating-org ref="{ref}" role="2" type="40"><narrative>{name}</narrative></participating-org>
    <participating-org ref="UA-EDR-{40000000 + i % 5000}" role="4" type="22"><narrative>Implementing partner {i % 5000}</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date iso-date="2022-01-01" type="1"/>
    <activity-date iso-date="2022-02-01" type="2"/>
    <recipient-country code="UA" percentage="100"/>
    <location><name><narrative>{oblast} Oblast</narrative></name></location>
    <sector vocabulary="1" code="{SECTORS[i % len(SECTORS)]}" percentage="100"/>
    <budget type="1" status="2"><period-start iso-date="2022-01-01"/><period-end iso-date="2022-12-31"/><value currency="USD" value-date="2022-01-01">{rng.randint(10_000, 5_000_000)}</value></budget>
{transactions}{parent}  </iati-activity>
"""


def generate(path: Path, megabytes: float, seed: int = 7) -> int:
    """Write an IATI 2.03 file of about ``megabytes`` MB; returns the number of activities."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    n = 0
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        head = '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n'
        fh.write(head)
        size += len(head.encode())
        while size < target:
            chunk = activity_xml(n, rng)
            fh.write(chunk)
            size += len(chunk.encode())
            n += 1
        fh.write("</iati-activities>\n")
    return n


def _measure(path: str, parse_only: bool) -> dict:
    """Run inside the child process: load the file, report time, activities and peak RSS."""
    import resource

    from loaders import iati

    if parse_only:
        iati.ActivityReader.activity = lambda self, el: setattr(self, "count", self.count + 1)
        iati.ActivityReader.finish = lambda self: self.ex
    usage = resource.getrusage(resource.RUSAGE_SELF)
    before = usage.ru_maxrss
    cpu_before = usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    reader_count = {}
    orig = iati.ActivityReader.__init__

    def init(self, p):
        orig(self, p)
        reader_count["reader"] = self

    iati.ActivityReader.__init__ = init
    ex = iati.LOADER.load(Path(path))
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    n = reader_count["reader"].count
    return {
        "mode": "parse-only" if parse_only else "full load",
        "megabytes": round(Path(path).stat().st_size / 1e6, 1),
        "activities": n,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "activities_per_second": round(n / seconds),
        "activities_per_cpu_second": round(n / cpu) if cpu else None,
        "megabytes_per_second": round(Path(path).stat().st_size / 1e6 / seconds, 1),
        "peak_rss_mb": round(peak / 1024),
        "rss_before_load_mb": round(before / 1024),
        "entities": len(ex.entities),
        "money_flows": len(ex.flows),
    }


def measure(path: Path, parse_only: bool = False) -> dict:
    """Measure one load in a fresh interpreter (so peak memory is this load's alone)."""
    code = f"import json, bench.iati as b; print(json.dumps(b._measure({str(path)!r}, {parse_only!r})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _rss_tree(pid: int) -> int:
    """Resident memory of a process and all its descendants now, in bytes (Linux /proc; 0 when gone)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def measure_build(path: Path, store: Path) -> dict:
    """``graphtool build`` of one file into a fresh store: wall time, triples, and peak memory of the build
    process with its reader child, summed (sampled every 0.5 s) and the largest single process."""
    import resource
    import shutil
    import threading

    shutil.rmtree(store, ignore_errors=True)
    cmd = [sys.executable, "-m", "graphtool", "build", str(path), "--store", str(store), "-q"]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _rss_tree(proc.pid))
            time.sleep(0.5)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    watcher.join()
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {
        "mode": "graphtool build (streamed)",
        "megabytes": round(path.stat().st_size / 1e6, 1),
        "exit_code": proc.returncode,
        "seconds": round(seconds, 1),
        "peak_rss_sum_mb": round(peak[0] / 2**20),
        "peak_rss_largest_process_mb": round(largest / 2**20),
        "summary": (out + err).strip().splitlines()[-1:] or [""],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=100, help="size of the generated file in MB")
    ap.add_argument("--parse-only", action="store_true", help="stream the XML without extracting")
    ap.add_argument("--build", action="store_true", help="time 'graphtool build' of the file into a fresh store")
    ap.add_argument("--store", type=Path, default=Path("/tmp/iati-bench-store"), help="store for --build")
    ap.add_argument("--file", type=Path, help="where to write the generated file (default /tmp/iati-bench-<mb>.xml)")
    args = ap.parse_args(argv)
    path = args.file or Path(f"/tmp/iati-bench-{args.mb:g}mb.xml")
    if not path.exists():
        n = generate(path, args.mb)
        print(f"generated {path} ({path.stat().st_size / 1e6:.0f} MB, {n} activities)", file=sys.stderr)
    result = measure_build(path, args.store) if args.build else measure(path, args.parse_only)
    print(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
