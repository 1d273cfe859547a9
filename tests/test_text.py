"""Reading and normalising Ukrainian text: encodings, look-alikes, hyphenation, sentences, formats."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders.base import LoaderError
from loaders.text import decode_bytes, html_to_text, normalise, read_text, sentences

SAMPLE = "Ґрунтовна співпраця з громадою Кам'янця: їхні ідеї, європейські гранти, розвиток і підтримка."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8_u", "utf-16"])
def test_decode_encodings(encoding: str) -> None:
    data = ((SAMPLE + "\r\n") * 5).encode(encoding)
    text = decode_bytes(data, "x.txt")
    assert text == (SAMPLE + "\n") * 5


def test_decode_rejects_binary() -> None:
    with pytest.raises(LoaderError, match="bin.txt"):
        decode_bytes(b"\x00\x01\x02\x03" * 100, "bin.txt")
    assert decode_bytes(b"", "empty.txt") == ""


def test_normalise_is_length_preserving() -> None:
    text = "Минулий рiк: “Наша громада” – Кам’янець\u00a0і Ірпінь, IТ-кластер, Колесник i Михайло"
    norm, omap = normalise(text)
    assert omap is None and len(norm) == len(text)
    assert "рік" in norm and "«Наша громада»" in norm and "Кам'янець і" in norm
    assert " - " in norm and "ІТ-кластер" in norm and "Колесник і Михайло" in norm


def test_normalise_keeps_english_words() -> None:
    norm, _ = normalise("Mayors for Economic Growth і USAID")
    assert norm == "Mayors for Economic Growth і USAID"


def test_soft_hyphen_and_line_break_hyphen_map_back() -> None:
    text = "сприяє розвит-\nку гро\u00adмади"
    norm, omap = normalise(text, base=100)
    assert norm == "сприяє розвитку громади"
    assert omap is not None and len(omap) == len(norm)
    i = norm.index("громади")
    assert text[omap[i] - 100 : omap[i] - 100 + 3] == "гро"


def test_sentences_offsets_quotes_and_abbreviations() -> None:
    text = (
        "У м. Києві відбувся форум «Місто. Люди. Ідеї» за участі СНУ ім. В. Даля. Наступний речення тут!\n\n"
        "- пункт списку\n- ще один пункт"
    )
    ss = list(sentences(text))
    for s in ss:
        assert text[s.start : s.end] == s.text
    assert ss[0].text.endswith("В. Даля.")
    assert "«Місто. Люди. Ідеї»" in ss[0].text
    assert [s.text for s in ss[-2:]] == ["- пункт списку", "- ще один пункт"]


def test_html_to_text_drops_scripts() -> None:
    text = html_to_text("<p>Перший&nbsp;абзац</p><script>alert('x')</script><div>Другий <i>абзац</i></div>")
    assert "alert" not in text
    assert "Перший\u00a0абзац" in text and "Другий абзац" in text


def test_html_table_cells_are_joined_by_bars() -> None:
    """A row's cells stay apart (as a .docx table's do), so the narrative loader reads the table's columns."""
    text = html_to_text(
        "<table><tr><th>Назва проєкту</th><th>Донор</th></tr><tr><td>«Тепла школа»</td><td>ЄС</td></tr></table>"
    )
    assert text.split("\n\n") == ["Назва проєкту | Донор", "«Тепла школа» | ЄС"]


def test_read_text_formats_and_names(tmp_path: Path) -> None:
    cp = tmp_path / "звіт громади 2024.txt"
    cp.write_bytes(SAMPLE.encode("cp1251"))
    assert read_text(cp) == SAMPLE
    md = tmp_path / "notes.md"
    md.write_text("# Заголовок\n\nТекст", encoding="utf-8")
    assert "Заголовок" in read_text(md)


def test_read_minimal_pdf(tmp_path: Path) -> None:
    pytest.importorskip("pdfminer")
    content = b"BT /F1 12 Tf 72 720 Td (Hello graphtool) Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path = tmp_path / "mini.pdf"
    path.write_bytes(bytes(out))
    assert "Hello graphtool" in read_text(path)


def test_html_leftovers_in_plain_text_end_lines() -> None:
    text = "<h2>Проєкт &laquo;Тиха вулиця&raquo;</h2>\n<p>Донор: ЄС</p>\nГоловна | Новини\nЗаголовок без крапки\nНаступне речення тут."
    got = [re.sub(r"\s+»", "»", re.sub(r"«\s+", "«", " ".join(s.norm.split()))) for s in sentences(text)]
    assert got[0] == "Проєкт «Тиха вулиця»"
    assert got[1] == "Донор: ЄС"
    assert "Головна | Новини" in got and "Заголовок без крапки" in got
    for s in sentences(text):
        assert text[s.start : s.end] == s.text and "<" not in s.norm


def test_wrapped_prose_lines_stay_joined() -> None:
    text = (
        "Протягом двох років проєкт з енергоефективності реалізується за підтримки\n"
        "Європейського Союзу у Бердичеві та сусідніх громадах області.\nДругий рядок."
    )
    got = [s.norm for s in sentences(text)]
    assert got[0].endswith("підтримки Європейського Союзу у Бердичеві та сусідніх громадах області.")


def test_numeric_and_named_entities_keep_length() -> None:
    text = "&bull;&nbsp;Програма &#171;Тепле місто&#187; &amp; USAID"
    norm, _ = normalise(text)
    assert len(norm) == len(text)
    assert re.search(r"«Тепле місто\s*»", norm) and "•" in norm and "&" in norm
    got = list(sentences(text))
    assert got[0].text == text


def test_block_tags_end_sentences_even_before_lowercase() -> None:
    text = "<p>Міста-партнери</p>\n<ul><li>м. Кросно (Польща)</li><li>місто Габрово</li></ul>"
    got = [" ".join(s.norm.split()) for s in sentences(text)]
    assert got == ["Міста-партнери", "м. Кросно (Польща)", "місто Габрово"]
