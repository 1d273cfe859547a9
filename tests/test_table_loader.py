"""The action-plan table loader: structure, messy rows, the same graph from TSV/XLSX/DOCX, bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from loaders.base import LoaderError
from loaders.table import LOADER, TableLoader

HERE = Path(__file__).resolve().parent
CASES = sorted(p for p in (HERE / "cases" / "table").iterdir() if p.is_dir())
SEED = HERE.parent.parent / "shared" / "seeds" / "004_d004b0359235115d.txt"


def summary(ex) -> dict:
    """A plain view of a plan extraction: level counts and, per measure, text, task, executors, funding."""
    ents = ex.entities
    counts: dict[str, int] = {}
    for e in ents.values():
        counts[e.type] = counts.get(e.type, 0) + 1
    measures = {}
    for key, e in ents.items():
        if e.type != "Measure":
            continue
        rels = [r for r in ex.relations if r.subject == key]
        measures[e.identifiers["code"]] = {
            "text": e.label,
            "task": [ents[r.object].label for r in rels if r.predicate == "partOf" and ents[r.object].type == "Task"],
            "executors": [ents[r.object].label for r in rels if r.predicate == "responsibleExecutor"],
            "funding": [ents[r.object].label for r in rels if r.predicate == "fundingSource"],
        }
    plan = next(e.label for e in ents.values() if e.type == "Plan")
    return {"plan": plan, "counts": counts, "measures": measures}


# ---------------------------------------------------------------- golden cases


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path) -> None:
    source = next(case.glob("input.*"))
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    got = summary(LOADER.load(source))
    assert got["plan"] == expected["plan"]
    for typ, n in expected["counts"].items():
        assert got["counts"].get(typ, 0) == n, typ
    assert set(got["measures"]) == set(expected["measures"])
    for code, want in expected["measures"].items():
        assert got["measures"][code] == want, code


def test_golden_case_structure() -> None:
    """The hand-written case exercises what the issue lists: every kind of messy row."""
    ex = LOADER.load(HERE / "cases" / "table" / "nizhyn_plan" / "input.tsv")
    s = summary(ex)["measures"]
    assert "1.1.6" not in s  # a numbered row left empty
    assert s["1.1.5"]["task"] == ["Популяризувати продукцію місцевих виробників на регіональних ринках"]
    assert s["1.1.3"]["executors"] == [
        "Управління економіки, інвестицій та торгівлі",
        "Управління соціального захисту населення",
    ]
    assert s["1.2.2"]["executors"] == ["Управління економіки, інвестицій та торгівлі"]  # row shifted left
    assert s["2.1.1"]["task"] == ["Забезпечити енергоаудит закладів освіти"]  # row shifted right
    keys = {k for k, e in ex.entities.items() if e.label == "Управління економіки, інвестицій та торгівлі"}
    assert keys == {"org:управління-економіки-інвестицій-та-торгівлі"}


def test_hierarchy_and_evidence() -> None:
    path = HERE / "cases" / "table" / "nizhyn_plan" / "input.tsv"
    ex = LOADER.load(path)
    text = path.read_text(encoding="utf-8")
    doc = "plan:input"
    m = ex.entities[f"{doc}/measure/1.1.1"]
    assert m.type == "Measure" and m.identifiers["code"] == "1.1.1"
    chain = {(r.subject, r.object) for r in ex.relations if r.predicate == "partOf"}
    assert (f"{doc}/measure/1.1.1", f"{doc}/task/1.1.t1") in chain
    assert (f"{doc}/task/1.1.t1", f"{doc}/opgoal/1.1") in chain
    assert (f"{doc}/opgoal/1.1", f"{doc}/goal/1") in chain
    assert (f"{doc}/goal/1", doc) in chain
    for rel in ex.relations:
        for ev in rel.evidence:
            line = text[ev.start : ev.end]
            assert "\n" not in line
            assert ev.sentence == " | ".join(c.strip() for c in line.split("\t") if c.strip())


def test_funding_scheme_typos_and_qualified_sources() -> None:
    s = summary(LOADER.load(HERE / "cases" / "table" / "nizhyn_plan" / "input.tsv"))["measures"]
    assert s["1.1.3"]["funding"] == ["бюджет громади", "державний бюджет", "інші джерела"]  # "державний бюджт"
    assert s["1.2.1"]["funding"] == ["обласний бюджет", "бюджет громади"]  # "обласний бюжет"
    assert s["2.1.2"]["funding"] == ["гранти", "кошти підприємства охорони здоров'я"]
    assert s["1.1.4"]["funding"] == []  # "-"


# ---------------------------------------------------------------- the real plan (seed 004)

needs_seed = pytest.mark.skipif(not SEED.exists(), reason="seed 004 not present")


@pytest.fixture(scope="module")
def seed_rows() -> list[list[str]]:
    return [line.split("\t") for line in SEED.read_text(encoding="utf-8").split("\n")]


@pytest.fixture(scope="module")
def seed_summary() -> dict:
    return summary(LOADER.load(SEED))


@needs_seed
def test_seed_counts(seed_summary) -> None:
    c = seed_summary["counts"]
    assert (c["StrategicGoal"], c["OperationalGoal"], c["Measure"]) == (5, 19, 233)
    assert "Луцької міської територіальної громади" in seed_summary["plan"]
    ex = LOADER.load(SEED)
    goals = {e.identifiers["code"]: e.label for e in ex.entities.values() if e.type == "StrategicGoal"}
    assert goals["1"] == "Луцька молодіжна громада"
    assert goals["4"] == "Громада – регіональний лідер"
    opgoals = {e.identifiers["code"]: e.label for e in ex.entities.values() if e.type == "OperationalGoal"}
    assert opgoals["1.1"].startswith("Розвиток та розширення економічної залученості")


@needs_seed
def test_seed_messy_rows(seed_summary) -> None:
    m = seed_summary["measures"]
    assert "2.2.16" not in m and "3.4.21" not in m
    assert m["1.2.8"]["text"] == "Встановлення соціальних квот при погодженні багатоквартирної забудови"
    assert m["1.2.8"]["task"] == [
        "Збільшити кількість програм доступного житла для молодих сімей та обдарованої молоді"
    ]
    assert m["1.2.8"]["executors"] == [
        "Департамент містобудування, земельних ресурсів та реклами",
        "Департамент житлово-комунального господарства",
    ]
    assert m["2.2.10"]["task"] == ["Підтримувати інфраструктурний розвиток мережі медичних закладів"]
    assert m["2.2.11"]["text"].startswith("Підвищення доступності спеціалізованої медичної допомоги")
    assert m["2.4.11"]["executors"] == ["Управління інформаційно-комунікаційних технологій"]
    assert m["2.4.11"]["funding"] == []
    assert m["3.4.17"]["funding"] == ["бюджет громади", "інші джерела"]
    assert m["3.1.4"]["task"] == [
        "Впровадити нову схему роботи громадського транспорту з пріоритетністю розвитку електротранспорту"
    ]
    assert m["1.3.9"]["executors"] == ["Департамент фінансів, бюджету та аудиту", "Фіскальна служба"]
    assert m["4.3.10"]["executors"] == [
        "Департамент економічної політики",
        "Департамент культури",
        "Управління туризму та промоції міста",
        "Департамент містобудування, земельних ресурсів та реклами",
    ]
    assert m["1.1.1"]["funding"][0] == "державний бюджет"  # "держаний бюджет"
    assert "кошти підприємств охорони здоров'я" in m["2.2.11"]["funding"]


@needs_seed
def test_seed_one_node_per_department() -> None:
    ex = LOADER.load(SEED)
    orgs = [e for e in ex.entities.values() if e.type == "Organization"]
    keys = [e.label.casefold() for e in orgs]
    assert len(keys) == len(set(keys))
    intl = {e.label for e in orgs if re.search("міжнародн", e.label, re.I)}
    assert "Управління міжнародного співробітництва та проєктної діяльності" in intl
    assert "Міжнародні інституції" in intl


def _plan_cells(rows: list[list[str]]) -> list[list[str]]:
    """Rows from the title on, cells padded to five columns."""
    out = [r + [""] * (5 - len(r)) for r in rows if any(c.strip() for c in r)]
    return out


def _task_spans(rows: list[list[str]]) -> list[tuple[int, int]]:
    """(first, last) row indexes of each task cell that spans blank task cells below it."""
    spans = []
    for i, r in enumerate(rows):
        if not re.match(r"\d+\.\d+\.\d+$", r[0]) or not r[1]:
            continue
        j = i
        while j + 1 < len(rows) and re.match(r"\d+\.\d+\.\d+$", rows[j + 1][0]) and not rows[j + 1][1]:
            j += 1
        if j > i:
            spans.append((i, j))
    return spans


@needs_seed
def test_seed_as_xlsx_gives_the_same_plan(tmp_path, seed_rows, seed_summary) -> None:
    from openpyxl import Workbook

    rows = _plan_cells(seed_rows)
    wb = Workbook()
    ws = wb.active
    ws.title = "План заходів"
    for r in rows:
        ws.append(r if len([c for c in r if c]) > 1 else r[:1])
    for i, j in _task_spans(rows):
        ws.merge_cells(start_row=i + 1, start_column=2, end_row=j + 1, end_column=2)
    path = tmp_path / "lutsk_plan.xlsx"
    wb.save(path)
    assert TableLoader().sniff(path, path.read_bytes()[:64])
    got = summary(LOADER.load(path))
    assert got["counts"] == seed_summary["counts"]
    assert got["measures"] == seed_summary["measures"]


@needs_seed
def test_seed_as_docx_gives_the_same_plan(tmp_path, seed_rows, seed_summary) -> None:
    from docx import Document

    rows = _plan_cells(seed_rows)
    doc = Document()
    doc.add_paragraph(rows[0][0])
    body = rows[1:]
    table = doc.add_table(rows=len(body), cols=5)
    for i, r in enumerate(body):
        cells = table.rows[i].cells
        for j, text in enumerate(r[:5]):
            if text:
                cells[j].text = text
        if sum(1 for c in r if c) == 1 and r[0] and not re.match(r"\d", r[0]):
            cells[0].merge(cells[4])  # a goal heading spans the row
    for i, j in _task_spans(body):
        table.cell(i, 1).merge(table.cell(j, 1))
    path = tmp_path / "lutsk_plan.docx"
    doc.save(path)
    assert TableLoader().sniff(path, path.read_bytes()[:64])
    got = summary(LOADER.load(path))
    assert got["counts"] == seed_summary["counts"]
    assert got["measures"] == seed_summary["measures"]


# ---------------------------------------------------------------- sniffing


def test_sniff(tmp_path) -> None:
    loader = TableLoader()
    assert loader.sniff(Path("plan.tsv"), b"")
    assert loader.sniff(Path("plan.csv"), b"")
    table = "".join(f"1.1.{n}\tа\tб\tв\tг\n" for n in range(5)).encode()
    assert loader.sniff(Path("plan.txt"), table)
    projects = "Назва проєкту\tДонор\tСума\tРік\n" + "Проєкт\tGIZ\t100\t2024\n" * 5
    assert not loader.sniff(Path("projects.txt"), projects.encode())
    assert not loader.sniff(Path("report.txt"), "Звіт про роботу.\nДругий рядок тексту.\n".encode())
    prose = "Звіт про роботу відділу за рік.\n" * 20
    small_table = "рік\tсума\tкількість\tпримітка\n" * 4
    assert not loader.sniff(Path("report.txt"), (prose + small_table).encode())
    assert loader.sniff(Path("plan.txt"), (prose + HEADER + small_table).encode())
    from docx import Document

    doc = Document()
    doc.add_paragraph("Довгий звіт " * 50)
    doc.add_table(rows=1, cols=2).cell(0, 0).text = "x"
    prose = tmp_path / "report.docx"
    doc.save(prose)
    assert not loader.sniff(prose, prose.read_bytes()[:64])
    doc = Document()
    donors = doc.add_table(rows=4, cols=3)
    for i, row in enumerate([["Назва проєкту", "Донор", "Сума"], ["Чиста вода", "GIZ", "100"]] * 2):
        for j, text in enumerate(row):
            donors.cell(i, j).text = text
    projects = tmp_path / "projects.docx"
    doc.save(projects)
    assert not loader.sniff(projects, projects.read_bytes()[:64])


# ---------------------------------------------------------------- bad input

HEADER = "№\tЗавдання\tЗахід\tВідповідальні виконавці\tДжерела фінансування\n"


def test_no_header(tmp_path) -> None:
    """Without a header the columns are told from their contents, or the file is refused naming the row."""
    path = tmp_path / "noheader.tsv"
    path.write_text(
        "План дій Бердичівської громади\n"
        "1.1.1\tПідтримати бізнес\tВідкриття офісу підтримки\tВідділ економіки, ЦНАП\tбюджет громади\n"
        "1.1.2\t\tПроведення форуму\tвідділ економіки\tбюджет громади, інші джерела\n"
        "1.1.3\t\tНавчання підприємців\tГО «Бізнес-клуб»\t-\n",
        encoding="utf-8",
    )
    s = summary(LOADER.load(path))
    assert s["plan"] == "План дій Бердичівської громади"
    assert s["measures"]["1.1.2"] == {
        "text": "Проведення форуму",
        "task": ["Підтримати бізнес"],
        "executors": ["Відділ економіки"],
        "funding": ["бюджет громади", "інші джерела"],
    }
    path.write_text("1.1.1\t10\t20\n1.1.2\t30\t40\n1.1.3\t50\t60\n", encoding="utf-8")
    with pytest.raises(LoaderError, match=r"noheader\.tsv: row 1: no header row"):
        LOADER.load(path)


def test_ragged_rows(tmp_path) -> None:
    path = tmp_path / "ragged.tsv"
    path.write_text(
        HEADER
        + "1.1.1\tПідтримати бізнес\tВідкриття офісу\n"  # short: no executors, no funding
        + "1.1.2\t\tПроведення форуму\tВідділ економіки\tбюджет громади\n",
        encoding="utf-8",
    )
    s = summary(LOADER.load(path))["measures"]
    assert s["1.1.1"]["executors"] == [] and s["1.1.2"]["executors"] == ["Відділ економіки"]
    path.write_text(
        HEADER + "1.1.1\tПідтримати бізнес\tВідкриття офісу\tВідділ економіки\tбюджет громади\tзайве\tще зайве\n",
        encoding="utf-8",
    )
    with pytest.raises(LoaderError, match=r"ragged\.tsv: row 2 column \d: .*fits no column"):
        LOADER.load(path)


def test_empty_inputs(tmp_path) -> None:
    from openpyxl import Workbook

    empty = tmp_path / "empty.xlsx"
    Workbook().save(empty)
    with pytest.raises(LoaderError, match=r"empty\.xlsx: sheet 'Sheet'.*empty"):
        LOADER.load(empty)
    blank = tmp_path / "blank.tsv"
    blank.write_text("\n\n", encoding="utf-8")
    with pytest.raises(LoaderError, match=r"blank\.tsv: row 1"):
        LOADER.load(blank)
    header_only = tmp_path / "header_only.tsv"
    header_only.write_text(HEADER, encoding="utf-8")
    with pytest.raises(LoaderError, match=r"header_only\.tsv: row 1: .*no numbered measure rows"):
        LOADER.load(header_only)


def test_binary_junk(tmp_path) -> None:
    junk = bytes(range(256)) * 8
    for name in ("junk.tsv", "junk.txt", "junk.xlsx", "junk.docx", "junk.csv"):
        path = tmp_path / name
        path.write_bytes(junk)
        with pytest.raises(LoaderError, match=re.escape(name)):
            LOADER.load(path)


def test_xlsx_merged_heading_and_cell_refs(tmp_path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["План дій Прилуцької громади"])
    ws.append(HEADER.strip().split("\t"))
    ws.append(["Стратегічна ціль 1. Зелена громада"])
    ws.merge_cells("A3:E3")
    ws.append(["Оперативна ціль 1.1. Чисте повітря"])
    ws.merge_cells("A4:E4")
    ws.append(["1.1.1", "Зменшити викиди", "Встановлення станцій моніторингу", "Відділ екології", "бюджет громади"])
    ws.append(["1.1.2", None, "Висадка дерев", "Відділ екології, КП «Зеленбуд»", "кошти підприємства"])
    ws.merge_cells("B5:B6")
    ws.append(["1.1.3", "Х", "Захід", "Відділ екології", "бюджет громади", "зайве"])
    path = tmp_path / "pryluky.xlsx"
    wb.save(path)
    with pytest.raises(LoaderError, match=r"pryluky\.xlsx: cell F7: .*fits no column"):
        LOADER.load(path)
    ws.delete_rows(7)
    wb.save(path)
    s = summary(LOADER.load(path))
    assert s["counts"]["Task"] == 1 and s["counts"]["Measure"] == 2
    assert s["measures"]["1.1.2"]["task"] == ["Зменшити викиди"]
    assert s["measures"]["1.1.2"]["executors"] == ["Відділ екології", "КП «Зеленбуд»"]


def test_continuation_rows_unnumbered_measures_and_notes(tmp_path) -> None:
    path = tmp_path / "berdychiv.tsv"
    path.write_text(
        "План заходів Бердичівської міської територіальної громади\n"
        + HEADER
        + "1.1.1\tРозвивати спорт\tБудівництво стадіону з\tУправління спорту, управління\tбюджет громади,\n"
        + "\t\tтрибунами на 500 місць\tкапітального будівництва\tдержавний бюджет\n"
        + "\t\tОблаштування бігових доріжок\tУправління спорту\tбюджет громади\n"
        + "1.1.2\t\tПроведення марафону\tУправління спорту\t-\n"
        + "Секретар міської ради\n",
        encoding="utf-8",
    )
    s = summary(LOADER.load(path))["measures"]
    assert s["1.1.1"] == {
        "text": "Будівництво стадіону з трибунами на 500 місць",
        "task": ["Розвивати спорт"],
        "executors": ["Управління спорту", "Управління капітального будівництва"],
        "funding": ["бюджет громади", "державний бюджет"],
    }
    assert s["1.1.1-2"]["text"] == "Облаштування бігових доріжок"
    assert s["1.1.2"]["executors"] == ["Управління спорту"] and s["1.1.2"]["funding"] == []
    assert len(s) == 3


def test_docx_table_continued_without_header(tmp_path) -> None:
    """A plan split into two tables (the second without a header) reads as one."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("ЗАТВЕРДЖЕНО рішенням міської ради")
    doc.add_paragraph("План дій з реалізації Стратегії розвитку Ірпінської міської територіальної громади")
    t1 = doc.add_table(rows=3, cols=5)
    for i, row in enumerate(
        [
            HEADER.strip().split("\t"),
            ["Оперативна ціль 2.1. Відновлення житла", "", "", "", ""],
            [
                "2.1.1",
                "Відновити зруйноване житло",
                "Ремонт багатоквартирних\nбудинків",
                "Управління житлово-комунального\nгосподарства\nКП «Ірпіньводоканал»",
                "державний бюджет\nбюджет\nгромади",
            ],
        ]
    ):
        for j, text in enumerate(row):
            t1.cell(i, j).text = text
    t1.cell(1, 0).merge(t1.cell(1, 4))
    doc.add_paragraph("")
    t2 = doc.add_table(rows=1, cols=5)
    for j, text in enumerate(
        ["2.1.2", "", "Компенсація за знищене житло", "Управління соціального захисту", "державний бюджет"]
    ):
        t2.cell(0, j).text = text
    path = tmp_path / "irpin.docx"
    doc.save(path)
    ex = LOADER.load(path)
    s = summary(ex)
    assert s["plan"] == "План дій з реалізації Стратегії розвитку Ірпінської міської територіальної громади"
    assert s["measures"]["2.1.2"]["task"] == ["Відновити зруйноване житло"]
    assert s["counts"]["OperationalGoal"] == 1 and s["counts"]["Measure"] == 2
    # Paragraphs and line breaks inside a cell: list separators, or a long name wrapped
    assert s["measures"]["2.1.1"]["text"] == "Ремонт багатоквартирних будинків"
    assert s["measures"]["2.1.1"]["executors"] == [
        "Управління житлово-комунального господарства",
        "КП «Ірпіньводоканал»",
    ]
    assert s["measures"]["2.1.1"]["funding"] == ["державний бюджет", "бюджет громади"]
    ev = next(r.evidence[0] for r in ex.relations if r.subject.endswith("/measure/2.1.2"))
    assert ev.sentence.startswith("2.1.2 | Компенсація")


def test_oblast_administration_abbreviations(tmp_path) -> None:
    from loaders.table import PlanBuilder

    b = PlanBuilder(tmp_path / "x.tsv", [])
    b.oblast_adj = "Волинська"
    assert b._expand_administration("ВОДА") == "Волинська обласна державна адміністрація"
    assert b._expand_administration("ВОВА") == "Волинська обласна військова адміністрація"
    assert b._expand_administration("ЛОДА") == "ЛОДА"  # another oblast's letter: left as written
    assert b._expand_administration("Рівненська ОДА") == "Рівненська обласна державна адміністрація"
    assert b._expand_administration("облдержадміністрація") == "Волинська обласна державна адміністрація"
    b.oblast_adj = None
    assert b._expand_administration("ВОДА") == "ВОДА"


def test_two_row_header_in_xlsx(tmp_path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["План заходів Звягельської громади"])
    ws.append(["№", "Завдання", "Захід", "Виконавці", "Фінансування"])
    ws.append([None, None, None, None, "Джерела", "Обсяг, тис. грн"])
    ws.merge_cells("E2:F2")
    for col in "ABCD":
        ws.merge_cells(f"{col}2:{col}3")
    ws.append(["1.1.1", "Оновити парки", "Реконструкція парку", "Управління ЖКГ", "бюджет громади", 250.5])
    ws.append(["1.1.2", None, "Висадка алей", "Управління ЖКГ, ГО «Зелений Звягель»", "гранти", 20])
    path = tmp_path / "zviahel.xlsx"
    wb.save(path)
    s = summary(LOADER.load(path))["measures"]
    assert s["1.1.1"]["funding"] == ["бюджет громади"]
    assert s["1.1.2"] == {
        "text": "Висадка алей",
        "task": ["Оновити парки"],
        "executors": ["Управління ЖКГ", "ГО «Зелений Звягель»"],
        "funding": ["гранти"],
    }


def test_executor_lists_joined_by_conjunctions() -> None:
    from loaders.table.vocab import Executors

    ex = Executors()
    ex.learn(["Департамент культури", "Управління туризму та промоції міста"])
    assert ex.split("Відділ екології та КП «Зеленбуд»") == ["Відділ екології", "КП «Зеленбуд»"]
    assert ex.split("Управління освіти та управління туризму та промоції міста") == [
        "Управління освіти",
        "Управління туризму та промоції міста",
    ]
    for whole in (
        "Департамент молоді та спорту",
        "ОСББ та інші органи самоорганізації населення",
        "Відділ планування та управління проєктами",
        "Служба у справах дітей та сімʼї",
    ):
        assert ex.split(whole) == [whole.replace("ʼ", "'")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("СТРАТЕГІЧНА ЦІЛЬ № 4. ГРОМАДА – РЕГІОНАЛЬНИЙ ЛІДЕР", ("goal", "4", "ГРОМАДА – РЕГІОНАЛЬНИЙ ЛІДЕР")),
        ("Стратегічна ціль ІІ. Безпечна громада", ("goal", "2", "Безпечна громада")),
        ("Стратегічний напрям 3: Чисте довкілля", ("goal", "3", "Чисте довкілля")),
        ("Операційна ціль 2.3 Сучасні школи", ("opgoal", "2.3", "Сучасні школи")),
        ("Ціль 1.2. Якісні дороги", ("opgoal", "1.2", "Якісні дороги")),
        ("Завдання 1.1.1. Оновити парки", ("task", "1.1.1", "Оновити парки")),
        ("Ціль розвитку громади", None),
        ("Стратегічна ціль в контексті регіону", None),
    ],
)
def test_heading_rows(text, expected) -> None:
    from loaders.table import PlanBuilder

    assert PlanBuilder._heading_kind([text]) == expected


def test_title_is_the_plan_line(tmp_path) -> None:
    path = tmp_path / "bucha.tsv"
    path.write_text(
        "Додаток 1 до рішення міської ради «Про затвердження Плану заходів»\n"
        "ПЛАН ЗАХОДІВ\n"
        "з реалізації Стратегії розвитку громади\n"
        + HEADER
        + "1.1.1\tОновити парки\tВисадка дерев\tВідділ екології\t-\n",
        encoding="utf-8",
    )
    ex = LOADER.load(path)
    plan = ex.entities["plan:bucha"]
    assert plan.label == "ПЛАН ЗАХОДІВ з реалізації Стратегії розвитку громади"
    text = path.read_text(encoding="utf-8")
    assert text[plan.mentions[0].start : plan.mentions[0].end].split() == plan.label.split()


def test_task_pieces_after_a_page_break() -> None:
    from loaders.table import continues_text

    assert continues_text("Збільшити кількість програм житла для молодих", "сімей та обдарованої молоді")
    assert not continues_text("Збільшити кількість програм житла", "забезпечити доступність житла")
    assert not continues_text("Оновити парки.", "громадські простори")
    assert not continues_text("Оновити парки", "Створити сквери")


def test_funding_cells_in_other_words() -> None:
    from loaders.table.vocab import FundingSources

    f = FundingSources.load()

    def ids(cell):
        found = f.parse(cell)
        return None if found is None else [c.id for c in found]

    assert ids("бюджет громади - 150,0 тис. грн") == ["community-budget"]
    assert ids("Бюджет Коломийської МТГ; кошти ДФРР") == ["community-budget", "state-regional-development-fund"]
    assert ids("Державний бюджет (субвенція), кошти ЄС") == ["state-budget", "international-technical-assistance"]
    assert ids("в межах коштів бюджету громади") == ["community-budget"]
    assert ids("У межах кошторисних призначень") == []
    assert ids("Не потребує фінансування") == []
    assert ids("інші джерела, не заборонені законодавством") == ["other-sources"]
    assert ids("Проведення конкурсу проєктів для молоді") is None  # a measure, not funding


def test_second_header_switches_columns(tmp_path) -> None:
    path = tmp_path / "two_tables.tsv"
    path.write_text(
        "План заходів Ковельської громади\n"
        + HEADER
        + "1.1.1\tОновити школи\tРемонт ліцею\tУправління освіти\tбюджет громади\n"
        + "№\tЗахід\tСтрок\tВідповідальні виконавці\tДжерела фінансування\n"
        + "2.1.1\tРемонт доріг\t2026\tУправління ЖКГ\tдержавний бюджет\n",
        encoding="utf-8",
    )
    s = summary(LOADER.load(path))["measures"]
    assert s["1.1.1"]["task"] == ["Оновити школи"]
    assert s["2.1.1"] == {
        "text": "Ремонт доріг",
        "task": [],
        "executors": ["Управління ЖКГ"],
        "funding": ["державний бюджет"],
    }


def test_row_number_shifted_into_the_next_column(tmp_path) -> None:
    path = tmp_path / "shifted_code.tsv"
    path.write_text(
        HEADER
        + "1.1.1\tОновити парки\tВисадка дерев\tВідділ екології\tбюджет громади\n"
        + "\t1.1.2\t\tПрибирання парків\tВідділ екології\tкошти підприємства\n",
        encoding="utf-8",
    )
    s = summary(LOADER.load(path))["measures"]
    assert s["1.1.2"] == {
        "text": "Прибирання парків",
        "task": ["Оновити парки"],
        "executors": ["Відділ екології"],
        "funding": ["кошти підприємства"],
    }


def test_two_level_numbers_hang_measures_under_goals(tmp_path) -> None:
    path = tmp_path / "slavuta.tsv"
    path.write_text(
        "План дій Славутської громади\n"
        + HEADER
        + "1. Економіка\t\t\t\t\n"
        + "1.1\tРозвинути бізнес\tВідкриття хабу\tВідділ економіки\tбюджет громади\n"
        + "1.2\t\tНавчання підприємців\tВідділ економіки\tгранти\n"
        + "2. Екологія\t\t\t\t\n"
        + "2.1\tОчистити річку\tРозчищення русла\tКП «Водоканал»\tдержавний бюджет\n",
        encoding="utf-8",
    )
    s = summary(LOADER.load(path))
    assert s["counts"]["StrategicGoal"] == 2 and "OperationalGoal" not in s["counts"]
    assert s["measures"]["1.2"]["task"] == ["Розвинути бізнес"]
    assert s["measures"]["2.1"]["task"] == ["Очистити річку"]


def test_plain_row_numbers(tmp_path) -> None:
    path = tmp_path / "plain.tsv"
    path.write_text(
        "План дій Славутської громади\n"
        + HEADER
        + "1\tРозвинути бізнес\tВідкриття хабу\tВідділ економіки\tбюджет громади\n"
        + "2\t\tНавчання підприємців\tВідділ економіки\tгранти\n"
        + "3\tОчистити річку\tРозчищення русла\tКП «Водоканал»\tдержавний бюджет\n",
        encoding="utf-8",
    )
    s = summary(LOADER.load(path))
    assert "StrategicGoal" not in s["counts"] and s["counts"]["Task"] == 2
    assert s["measures"]["2"]["task"] == ["Розвинути бізнес"]
