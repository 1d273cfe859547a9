"""Hardening of the build path (issue 17): document identity, disk full, limits, odd input."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from click.testing import CliRunner

import loaders
from graphtool.build import build, document_names
from graphtool.cli import main
from graphtool.export import graph_records
from graphtool.iri import document_iri
from graphtool.store import GraphStore
from tests import fakeloader


@pytest.fixture
def communities(tmp_path):
    """One folder per community with the same file names: the most common real layout."""
    root = tmp_path / "corpus"
    for city, donor in (("zhytomyr", "GIZ"), ("lutsk", "USAID")):
        (root / city).mkdir(parents=True)
        (root / city / "report.fake").write_text(f"{donor} funds Park in {city}\n", encoding="utf-8")
    (root / "lutsk" / "plan.fake").write_text("EU funds Road in lutsk\n", encoding="utf-8")
    return root


# ---------------------------------------------------------------- #4 document identity


def test_same_base_name_in_two_folders_gives_two_documents(fake_loaders, communities, tmp_path):
    store = GraphStore(tmp_path / "store")
    report = build([communities], store)
    assert report.ok and report.documents == 3
    names = sorted(d["file_name"] for d in store.documents())
    assert names == ["lutsk/report.fake", "plan.fake", "zhytomyr/report.fake"]
    labels = {r["label"] for r in graph_records(store) if r["kind"] == "entity"}
    assert {"GIZ", "USAID", "EU"} <= labels  # nothing overwritten
    # a unique base name keeps today's IRI
    assert document_iri("plan.fake") in {d["iri"] for d in store.documents()}


def test_jsonl_sources_are_base_names_when_unambiguous(fake_loaders, communities, tmp_path):
    store = GraphStore(tmp_path / "store")
    build([communities], store)
    sources = {s for r in graph_records(store) if r["kind"] == "entity" for s in r["sources"]}
    assert sources == {"lutsk/report.fake", "zhytomyr/report.fake", "plan.fake"}
    store.remove_document("lutsk/report.fake")
    sources = {s for r in graph_records(store) if r["kind"] == "entity" for s in r["sources"]}
    assert sources == {"report.fake", "plan.fake"}


def test_building_one_folder_later_replaces_the_same_document(fake_loaders, communities, tmp_path):
    store = GraphStore(tmp_path / "store")
    build([communities], store)
    (communities / "zhytomyr" / "report.fake").write_text("KfW funds Bridge in zhytomyr\n", encoding="utf-8")
    report = build([communities / "zhytomyr"], store)
    assert report.ok and report.loaded == ["zhytomyr/report.fake"]
    assert sorted(d["file_name"] for d in store.documents()) == [
        "lutsk/report.fake",
        "plan.fake",
        "zhytomyr/report.fake",
    ]
    labels = {r["label"] for r in graph_records(store) if r["kind"] == "entity"}
    assert "KfW" in labels and "GIZ" not in labels and "USAID" in labels


def test_collision_with_an_earlier_build_is_reported(fake_loaders, communities, tmp_path):
    store = GraphStore(tmp_path / "store")
    build([communities / "zhytomyr"], store)  # stored as "report.fake"
    store.flush()
    del store
    gc.collect()
    result = CliRunner().invoke(main, ["build", str(communities), "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    assert "warning: the store holds a document named report.fake" in result.output
    assert "graphtool remove report.fake" in result.output


def test_document_names_longer_suffix_when_folders_share_a_name(tmp_path):
    a = tmp_path / "x" / "data" / "report.txt"
    b = tmp_path / "y" / "data" / "report.txt"
    c = tmp_path / "x" / "data" / "other.txt"
    assert document_names([a, b, c]) == {a: "x/data/report.txt", b: "y/data/report.txt", c: "other.txt"}


def test_build_counts_match_the_graphs(fake_loaders, communities, tmp_path):
    store = GraphStore(tmp_path / "store")
    report = build([communities, communities / "lutsk" / "plan.fake"], store)  # plan.fake reached twice
    assert report.documents == len(store.documents()) == 3


# ---------------------------------------------------------------- #5 odd executor cells

PLAN_HEAD = (
    "План заходів з реалізації Стратегії розвитку громади\n\n"
    "№ з/п\tЗавдання\tНайменування заходу\tВідповідальні виконавці\tСтрок виконання\tДжерела фінансування\n"
    "Стратегічна ціль 1. Економіка\t\t\t\t\t\n"
    "Оперативна ціль 1.1. Підприємництво\t\t\t\t\t\n"
)


@pytest.mark.parametrize("odd", ["?", "***", "🙂", "—?—"])
def test_odd_executor_cell_is_skipped_with_row_and_column(tmp_path, odd):
    from loaders.table import LOADER

    path = tmp_path / "plan.tsv"
    path.write_text(
        PLAN_HEAD
        + f"1.1.1\tСтворити інфраструктуру\tВідкриття центру підтримки бізнесу\t{odd}\t2025\tбюджет громади\n"
        + "1.1.2\t\tПроведення форуму підприємців\tУправління економіки\t2026\tбюджет громади\n",
        encoding="utf-8",
    )
    ex = LOADER.load(path)
    measures = [e for e in ex.entities.values() if e.type == "Measure"]
    assert len(measures) == 2  # the plan loads
    execs = [r for r in ex.relations if r.predicate == "responsibleExecutor"]
    assert [ex.entities[r.object].label for r in execs] == ["Управління економіки"]
    (warning,) = ex.warnings
    assert "plan.tsv" in warning and "row 6 column 4" in warning and repr(odd) in warning


def test_odd_executor_warning_reaches_the_build(tmp_path):
    path = tmp_path / "plan.tsv"
    path.write_text(
        PLAN_HEAD + "1.1.1\tСтворити інфраструктуру\tВідкриття центру підтримки бізнесу\t***\t2025\tбюджет громади\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["build", str(path), "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    assert "warning: plan.tsv: row 6 column 4: executor '***' names no organisation; skipped" in result.output


# ---------------------------------------------------------------- #6 disk full, readers during a build


def test_disk_full_during_build_is_a_clear_message(fake_loaders, communities, tmp_path, monkeypatch):
    import errno

    from graphtool.store import StoreError

    calls = []

    def replace(self, iri, quads):
        calls.append(iri)
        if len(calls) >= 2:
            raise StoreError(f"writing {iri} failed: IO error: No space left on device: While appending to file")
        return 1

    def flush(self):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(GraphStore, "replace_document", replace)
    monkeypatch.setattr(GraphStore, "flush", flush)
    result = CliRunner().invoke(main, ["build", str(communities), "--store", str(tmp_path / "store")])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert (
        "is full (No space left on device)" in result.output
        and "every document already stored is whole" in result.output
    )
    assert "1 more file(s) not read" in result.output  # the build stops instead of failing every file
    assert len(calls) == 2


class _CompactedView:
    """A read-only view whose files a concurrent build deleted: the first ``fail`` queries fail."""

    failures = 0

    def __init__(self, real, fail):
        self._real, self._fail = real, fail

    def query(self, *args, **kwargs):
        if _CompactedView.failures < self._fail:
            _CompactedView.failures += 1
            raise RuntimeError(
                "Corruption: Corruption: IO error: No such file or directory: While open a file for random read: "
                "/store/000015.sst: No such file or directory"
            )
        return self._real.query(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._real, name)


@pytest.fixture
def built_store(fake_loaders, communities, tmp_path):
    path = tmp_path / "store"
    store = GraphStore(path)
    build([communities], store)
    store.flush()
    del store
    gc.collect()
    return path


@pytest.mark.parametrize("fail,ok", [(2, True), (100, False)])
def test_reader_during_a_build_retries_then_says_so(built_store, monkeypatch, fail, ok):
    from graphtool import store as store_mod

    original = GraphStore._open_read_only
    _CompactedView.failures = 0
    monkeypatch.setattr(GraphStore, "_open_read_only", lambda self: _CompactedView(original(self), fail))
    monkeypatch.setattr(store_mod, "READ_RETRIES", 3)
    result = CliRunner().invoke(
        main, ["sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", str(built_store)]
    )
    assert "Traceback" not in result.output and not isinstance(result.exception, RuntimeError)
    if ok:
        assert result.exit_code == 0, result.output
        assert _CompactedView.failures == 2
    else:
        assert result.exit_code == 1
        assert "another graphtool process (a build) is writing it; try again when it finishes" in result.output


# ---------------------------------------------------------------- #7 resource limits


def _build_cli(tmp_path, *args):
    gc.collect()  # close a store an earlier invocation left open
    return CliRunner().invoke(main, ["build", *map(str, args), "--store", str(tmp_path / "store")])


def test_fifo_is_refused_not_waited_for(fake_loaders, tmp_path):
    import os
    import threading

    fifo = tmp_path / "pipe.fake"
    os.mkfifo(fifo)
    good = tmp_path / "good.fake"
    good.write_text("GIZ funds Park in lutsk\n", encoding="utf-8")
    done = {}
    worker = threading.Thread(target=lambda: done.setdefault("result", _build_cli(tmp_path, fifo, good)), daemon=True)
    worker.start()
    worker.join(60)
    if worker.is_alive():  # unblock the reader so the test process can end
        with open(fifo, "wb"):
            pass
        pytest.fail("build waited on a FIFO")
    result = done["result"]
    assert result.exit_code == 1
    assert "pipe.fake: a named pipe (FIFO), not a regular file: skipped" in result.output
    assert "1 documents" in result.output


def test_file_size_limit_is_configurable_and_clear(fake_loaders, tmp_path, monkeypatch):
    big = tmp_path / "big.fake"
    big.write_text("GIZ funds Park in lutsk\n" * 100, encoding="utf-8")
    monkeypatch.setenv("GRAPHTOOL_MAX_FILE_MB", "0.001")
    result = _build_cli(tmp_path, big)
    assert result.exit_code == 1
    assert "big.fake: 2400 bytes is larger than the 0.001 MB limit" in result.output
    assert "--max-file-mb or GRAPHTOOL_MAX_FILE_MB" in result.output
    del result
    result = _build_cli(tmp_path, big, "--max-file-mb", "1")
    assert result.exit_code == 0, result.output


def test_zip_members_are_checked_before_unpacking(tmp_path):
    import zipfile

    from loaders.limits import Limits, check_file

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (3 * 1024 * 1024) + b"/>")
    assert path.stat().st_size < 50_000
    with pytest.raises(loaders.LoaderError, match=r"unpacks to 3 MB .*sheet1.xml.* more than the 1 MB limit"):
        check_file(path, Limits(max_unpacked_mb=1))
    check_file(path, Limits(max_unpacked_mb=10))  # within the limit: fine


def _pdf_with_stream(raw: bytes = b"", packed: bytes | None = None) -> bytes:
    """A one-page PDF whose content stream is ``raw`` deflated (or the deflated bytes ``packed``)."""
    import zlib

    data = packed if packed is not None else zlib.compress(raw, 9)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_pdf_stream_is_not_inflated_past_the_limit(tmp_path):
    from loaders import limits
    from loaders.text import read_text

    path = tmp_path / "bomb.pdf"
    path.write_bytes(_pdf_with_stream(b"0 0 m " * 1_000_000))  # 6 MB of drawing operators
    assert path.stat().st_size < 100_000
    limits.use(limits.Limits(max_unpacked_mb=1))
    try:
        with pytest.raises(loaders.LoaderError, match="bomb.pdf: a compressed stream unpacks to more than 1 MB"):
            read_text(path)
    finally:
        limits.use(limits.Limits())


@pytest.mark.parametrize(
    "content,message",
    [
        ("SLOW\n", "not read within the time budget of 2 s (raise it with --doc-timeout or GRAPHTOOL_DOC_TIMEOUT)"),
        ("HOG\n", "needs more than the memory budget of 300 MB"),
        ("CRASH\n", "the reader process died (killed by SIGABRT)"),
        ("BUG\n", "KeyError: 'a loader bug'"),
    ],
)
def test_one_bad_document_costs_its_own_slot(misbehaving_loader, tmp_path, content, message):
    import time

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.fake").write_text("GIZ funds Park in lutsk\n", encoding="utf-8")
    (docs / "b.fake").write_text(content, encoding="utf-8")
    (docs / "c.fake").write_text("EU funds Road in lutsk\n", encoding="utf-8")
    started = time.monotonic()
    result = _build_cli(tmp_path, docs, "--doc-timeout", "2", "--doc-memory-mb", "300")
    assert time.monotonic() - started < 300  # the slow document sleeps 600 s; a loaded machine may take minutes
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"b.fake: {message}" in result.output or ("b.fake" in result.output and message in result.output)
    assert "2 documents" in result.output  # the others loaded


# ---------------------------------------------------------------- #8 linear text paths


@pytest.mark.parametrize("text", ["." * 1_000_000, "м. " * 333_000, ("м. «" * 1000 + "\n") * 250, "А\n" * 300_000])
def test_sentence_splitting_is_linear(text):
    """A 1 MB line of dots or 333k repetitions of 'м. ' took hours (quadratic scans); now about a second.

    The alarm only turns a hang into a failure: the bound is two orders of magnitude above the time taken.
    """
    import signal

    from loaders.text import sentences

    def timeout(*_):
        raise TimeoutError("sentence splitting is not linear in the input")

    old = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(120)
    try:
        pieces = list(sentences(text))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert pieces and all(text[s.start : s.end] == s.text for s in pieces)


# ---------------------------------------------------------------- small things: -o into a missing folder


@pytest.fixture(scope="module")
def trig_store(tmp_path_factory):
    from pyoxigraph import RdfFormat

    from tests.fixtures_graph import TRIG

    path = tmp_path_factory.mktemp("ostore") / "store"
    s = GraphStore(path)
    s.oxigraph.load(path=str(TRIG), format=RdfFormat.TRIG)
    s.flush()
    del s
    gc.collect()
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["export", "jsonl"],
        ["export", "nquads"],
        ["export", "graphml"],
        ["sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 3", "--format", "csv"],
        ["query", "run", "communities_of_donor", "-p", "donor=USAID"],
        ["report", "donor", "usaid", "--format", "md"],
        ["report", "donor", "usaid", "--format", "xlsx"],
        ["map"],
    ],
)
def test_output_into_a_missing_folder_is_created(trig_store, tmp_path, args):
    out = tmp_path / "new" / "deeper" / "out.file"
    gc.collect()
    result = CliRunner().invoke(main, [*args, "--store", str(trig_store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0


def test_output_under_a_file_is_a_clear_error(trig_store, tmp_path):
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["export", "jsonl", "--store", str(trig_store), "-o", str(tmp_path / "plain" / "out.jsonl")]
    )
    assert result.exit_code == 2 and "cannot create the folder" in result.output
    assert not isinstance(result.exception, OSError)


# ---------------------------------------------------------------- small things: encodings

HERE = Path(__file__).resolve().parent
NIZHYN = HERE / "cases" / "table" / "nizhyn_plan" / "input.tsv"


@pytest.mark.parametrize(
    "encoding,name", [("utf-16", "plan.txt"), ("utf-16-le", "plan.tsv"), ("utf-16-be", "plan.txt")]
)
def test_utf16_action_plan_goes_to_the_table_loader(tmp_path, encoding, name):
    from graphtool.document import load_document

    (tmp_path / "ref").mkdir()
    ref = tmp_path / "ref" / name
    ref.write_text(NIZHYN.read_text(encoding="utf-8"), encoding="utf-8")
    reference, loader, _ = load_document(ref)
    path = tmp_path / name
    path.write_bytes(NIZHYN.read_text(encoding="utf-8").encode(encoding))
    extraction, loader_name, _ = load_document(path)
    assert loader_name == loader == "table"
    assert sorted(extraction.entities) == sorted(reference.entities)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text_not_binary(encoding):
    from loaders.text import decode_bytes

    text = "Громада Кам'янця-Подільського отримала грант ЄС.\nДругий рядок: 12 345 грн.\n" * 3
    assert decode_bytes(text.encode(encoding), "news.txt") == text


SHORT_TABLES = [
    "Номер\tЗахід\tВиконавець\n1.1.1\tРемонт школи\tВідділ освіти\n",
    "Захід\tДжерело\nОблаштування парку\tбюджет громади\n",
    "1\tЇжак і ґанок\tЄвропейський Союз\n",
    "Код\tНазва\n2.3\tСтворення центру надання адміністративних послуг\n",
]


@pytest.mark.parametrize("encoding", ["koi8_u", "cp1251", "utf-8"])
@pytest.mark.parametrize("table", SHORT_TABLES)
def test_short_tables_decode_like_prose(encoding, table):
    """One decoder for tables and prose: short koi8-u tables were misread by the table loader's own guess."""
    from loaders.table.read import decode_bytes as table_decode
    from loaders.text import decode_bytes

    data = table.encode(encoding)
    assert table_decode(Path("t.tsv"), data) == decode_bytes(data, "t.tsv") == table


def test_mojibake_is_warned_about(fake_loaders, tmp_path):
    text = "Україна: громада Житомира отримала грант від Європейського Союзу на відновлення школи.\n" * 3
    garbled = tmp_path / "garbled.fake"
    garbled.write_text(text.encode("utf-8").decode("cp1251", errors="replace"), encoding="utf-8")
    clean = tmp_path / "clean.fake"
    clean.write_text("GIZ funds Park in lutsk\n", encoding="utf-8")
    monkeypatch_loader = fakeloader.FakeLoader.load

    def lenient(self, path):  # the fake loader reads only its own line format
        return monkeypatch_loader(self, path) if path.name == "clean.fake" else loaders.base.Extraction()

    fakeloader.FakeLoader.load = lenient
    try:
        result = _build_cli(tmp_path, garbled, clean)
    finally:
        fakeloader.FakeLoader.load = monkeypatch_loader
    assert result.exit_code == 0, result.output
    assert "garbled.fake: the text looks garbled (mojibake" in result.output
    assert "clean.fake: the text looks garbled" not in result.output


# ---------------------------------------------------------------- small things: regex parameters


@pytest.mark.parametrize("pattern", ["(грант", "[a-", "a{2", "(?<=x)y"])
def test_invalid_regex_parameter_is_an_error(trig_store, pattern):
    gc.collect()
    result = CliRunner().invoke(
        main, ["query", "run", "international_measures", "-p", f"pattern={pattern}", "--store", str(trig_store)]
    )
    assert result.exit_code == 1
    assert f"pattern: {pattern!r} is not a valid regular expression" in result.output


def test_valid_regex_parameter_still_runs(trig_store):
    gc.collect()
    result = CliRunner().invoke(
        main, ["query", "run", "international_measures", "-p", "pattern=грант|\\bЄС\\b", "--store", str(trig_store)]
    )
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------- kill -9 during a build


def _graph_sizes(store_path) -> dict[str, int]:
    store = GraphStore(store_path, read_only=True)
    rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows
    sizes = {str(g): int(n) for g, n in rows if "/id/doc/" in str(g)}  # document graphs (not the ontology's)
    del store
    gc.collect()
    return sizes


def _assert_answers_current(store_path) -> None:
    """The library's written answers (graphtool/answers.py) of a store a killed build left: absent, or the rows
    and order the query gives now."""
    from graphtool import answers
    from graphtool.library import get_query, run_query

    store = GraphStore(store_path, read_only=True)
    cells = lambda table: [[None if t is None else t.n3() for t in row] for row in table.rows]  # noqa: E731
    for name in answers.QUESTIONS:
        assert cells(run_query(store, name, {})) == cells(store.select(get_query(name).text)), name
    del store
    gc.collect()


def _stat(pid: int | str) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name (state first), or None when it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _live() -> dict[int, list[str]]:
    """Every live (not zombie) process: pid -> its stat fields."""
    out = {}
    for entry in Path("/proc").glob("[0-9]*"):
        fields = _stat(entry.name)
        if fields and fields[0] != "Z":
            out[int(entry.name)] = fields
    return out


def _session_members(sid: int) -> list[int]:
    """Processes still alive (not zombies) in session ``sid``, read from /proc."""
    return [pid for pid, fields in _live().items() if len(fields) > 3 and fields[3] == str(sid)]


def _children(pid: int) -> set[tuple[int, str]]:
    """(pid, start time) of the live children of ``pid``, read from /proc."""
    return {(child, f[19]) for child, f in _live().items() if len(f) > 19 and f[1] == str(pid)}


def _still_alive(processes: set[tuple[int, str]]) -> list[int]:
    """Those of ``processes`` (pid, start time) that still run: the same pid started at the same time."""
    out = []
    for pid, started in processes:
        fields = _stat(pid)
        if fields and fields[19] == started and fields[0] != "Z":
            out.append(pid)
    return out


@pytest.mark.slow
def test_kill_9_during_a_build_leaves_every_document_whole_or_absent(tmp_path):
    """SIGKILL at random moments of a real build: each document graph is whole or absent, the store validates,
    and the reader process of graphtool.worker does not outlive its build."""
    import random
    import shutil
    import signal
    import subprocess
    import sys
    import time

    examples = HERE.parent / "examples"
    docs = tmp_path / "docs"
    for n in range(4):  # the examples in four folders: 12 documents, one reader restart-free run
        shutil.copytree(examples, docs / f"copy{n}")
    reference = tmp_path / "reference"
    done = CliRunner().invoke(main, ["build", str(docs), "--store", str(reference)])
    assert done.exit_code == 0, done.output
    gc.collect()
    whole = _graph_sizes(reference)
    assert len(whole) == 12, sorted(whole)
    cmd = [sys.executable, "-m", "graphtool", "build", str(docs), "--store", str(tmp_path / "store")]
    rng = random.Random(17)
    for _ in range(3):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        readers: set[tuple[int, str]] = set()  # the workers start sessions of their own: followed by parent pid
        until = time.monotonic() + rng.uniform(0.5, 4.0)
        while time.monotonic() < until:
            readers |= _children(proc.pid)
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 30  # generous: a loaded machine schedules the child late
        while time.monotonic() < deadline:  # the readers die with the build (or see their pipe close)
            alive = _session_members(proc.pid) + _still_alive(readers)
            if not alive:
                break
            time.sleep(0.2)
        assert not alive, "a reader process outlived its killed build"
        sizes = _graph_sizes(tmp_path / "store")
        for graph, n in sizes.items():
            assert n == whole[graph], f"{graph}: {n} quads, {whole[graph]} when whole"
        _assert_answers_current(tmp_path / "store")
    gc.collect()
    checked = CliRunner().invoke(main, ["validate", "--store", str(tmp_path / "store")])
    assert checked.exit_code == 0, checked.output


def test_pdf_over_the_memory_budget_names_the_budget(tmp_path):
    """With the unpacked-size check off, the memory budget of the reader process still stops a PDF bomb."""
    import zlib

    c = zlib.compressobj(1)
    chunk = b"0 0 m " * 100_000
    packed = b"".join(c.compress(chunk) for _ in range(1000)) + c.flush()  # 600 MB inflated
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_pdf_with_stream(packed=packed))
    assert path.stat().st_size < 5_000_000
    result = _build_cli(tmp_path, path, "--max-unpacked-mb", "0", "--doc-memory-mb", "200")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "bomb.pdf: needs more than the memory budget of 200 MB" in result.output


def test_remove_by_base_name_when_unambiguous(fake_loaders, communities, tmp_path):
    store = GraphStore(tmp_path / "store")
    build([communities], store)
    assert store.remove_document("report.fake") == []  # two documents have that base name: nothing guessed
    assert len(store.remove_document("lutsk/report.fake")) == 1
    assert len(store.remove_document("report.fake")) == 1  # now only zhytomyr/report.fake has it
    assert sorted(d["file_name"] for d in store.documents()) == ["plan.fake"]
