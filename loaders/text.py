"""Reading documents into text, and normalising text for matching while keeping the original.

:func:`read_text` turns a file (.txt/.md/.html/.docx/.pdf) into its decoded text: the
"original" that evidence offsets point into (universal newlines, like Python's text mode).
:func:`sentences` cuts that text into :class:`Sentence` objects; each carries the original
sentence, its offsets, and a normalised copy for matching (``norm``) with an offset map back.

Normalisation is 1 char -> 1 char (Latin look-alikes inside Cyrillic words, apostrophes,
quotes, dashes, odd spaces) except soft hyphens and words broken across lines
("розвит-\\nку"), which are removed; :meth:`Sentence.orig` maps any ``norm`` offset back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from loaders.base import LoaderError

MAX_PARAGRAPH = 20_000  # longer "paragraphs" (no blank lines) are cut at line or word breaks
MAX_SENTENCE = 1_500  # longer sentences are cut at "; " or spaces

CYRILLIC = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯёЁъыэЪЫЭ"
_CYR_SET = frozenset(CYRILLIC)
LATIN_LOOKALIKE = str.maketrans("aceiopxyACEHIKMOPTXB", "асеіорхуАСЕНІКМОРТХВ")
_LOOKALIKE_SET = frozenset("aceiopxyACEHIKMOPTXB")
APOSTROPHES = "ʼ’‘`′´ʹ"
DASHES = "‐‑‒–—―−"
SPACES = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\t\x0b\x0c"
SOFT_HYPHEN = "\u00ad"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
STRESS = "\u0301\u0300"  # stress marks written over vowels ("Гу́ра-Кальва́рія"): not part of the name

_SIMPLE_MAP = {**{c: "'" for c in APOSTROPHES}, **{c: "-" for c in DASHES}, **{c: " " for c in SPACES}}
_SIMPLE_MAP.update({"„": "«", "‹": "«", "›": "»", "‟": "«"})


# ---------------------------------------------------------------- reading files


def read_text(path: Path) -> str:
    """The decoded text of a document, by extension; :class:`LoaderError` names the file on failure."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            return _docx_text(path)
        if suffix == ".pdf":
            return _pdf_text(path)
        data = path.read_bytes()
    except LoaderError:
        raise
    except OSError as exc:
        raise LoaderError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    text = decode_bytes(data, path)
    if suffix in (".html", ".htm") or (suffix not in (".txt", ".md") and _looks_like_html(text)):
        text = html_to_text(text)
    return text


def utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 byte order ("utf-16-le", "utf-16-be") of BOM-less UTF-16 text, else None.

    Ukrainian and ASCII text in UTF-16 has one byte of each pair in a narrow range: 0x00 (Latin,
    digits, spaces, tabs) or 0x04 (Cyrillic); the other byte varies. cp1251, koi8-u and UTF-8
    never look like that over a sample.
    """
    sample = data[:4096]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 8:
        return None
    pairs = len(sample) // 2
    for encoding, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        low = sample[0::2] if encoding == "utf-16-le" else sample[1::2]
        narrow = sum(1 for b in high if b in (0x00, 0x04, 0x20))
        if narrow >= 0.95 * pairs and sum(1 for b in low if b == 0) < 0.05 * pairs:
            try:
                data[: len(data) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                continue
            return encoding
    return None


def decode_head(head: bytes) -> str:
    """Lenient text of a file's first bytes, for sniffing: BOMs and BOM-less UTF-16 understood."""
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:].decode("utf-8", errors="ignore")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    encoding = utf16_without_bom(head)
    return head.decode(encoding or "utf-8", errors="ignore")


def decode_bytes(data: bytes, path: Path | str = "<bytes>") -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 (with or without BOM), cp1251 or koi8-u; universal newlines.

    The one decoder of every text loader (prose and tables alike).
    """
    if not data:
        return ""
    utf16 = None if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) else utf16_without_bom(data)
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif utf16:
        text = data[: len(data) // 2 * 2].decode(utf16)
    else:
        head = data[:65536]
        if head.count(b"\x00") > max(4, len(head) // 100):
            raise LoaderError(f"{path}: looks like a binary file (NUL bytes), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = _decode_legacy(data, path, exc)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = sum(1 for ch in text[:65536] if (ord(ch) < 32 and ch not in "\n\t\f\v") or ch == "\ufffd")
    if bad > max(8, len(text[:65536]) // 20):
        raise LoaderError(f"{path}: not readable text (too many control or undecodable characters)")
    return text


_MOJIBAKE = re.compile(r"(?:[РСТ][\u0400-\u045f\u0490\u0491\u2010-\u203a\u20ac\u2116\u2122\u00a0-\u00bf]){3}")


def looks_like_mojibake(text: str) -> bool:
    """True when UTF-8 text was read as cp1251 and saved again ("РЈРєСЂР°С—РЅР°" for "Україна").

    Such text is valid UTF-8, so nothing fails: its Cyrillic names are just never found. The test
    is exact: the suspect characters encode to cp1251 bytes that decode as UTF-8 Cyrillic.
    """
    words = 0
    for hit in _MOJIBAKE.findall(text[:20000]):
        try:
            repaired = hit.encode("cp1251").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue  # "РОСТ", "СРСР": real capitals, not a misread
        if all(ch in _CYR_SET for ch in repaired):
            words += 1
            if words >= 3:
                return True
    return False


def _ukrainian_score(text: str) -> float:
    """How much a decoded sample looks like Ukrainian/Russian prose: frequent lowercase letters win."""
    common = "оаіеинтврслкудмпязьгбчхцюжшєщфї"
    weights = {ch: len(common) - i for i, ch in enumerate(common)}
    score = 0.0
    letters = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            score += weights.get(ch, -3 if ch in _CYR_SET else 0)
    return score / max(letters, 1)


def _decode_legacy(data: bytes, path: Path | str, exc: UnicodeDecodeError) -> str:
    """Choose cp1251 or koi8-u by letter statistics; fall back to charset-normalizer."""
    sample = data[:200_000]
    best, best_score = None, -1e9
    for enc in ("cp1251", "koi8_u"):
        try:
            decoded = sample.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _ukrainian_score(decoded)
        if score > best_score:
            best, best_score = enc, score
    if best is not None and best_score > 5:
        return data.decode(best, errors="replace")
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(sample).best()
    except Exception:  # pragma: no cover - charset-normalizer failure is just "undecodable"
        match = None
    if match is None:
        raise LoaderError(f"{path}: cannot decode text (not UTF-8, cp1251 or koi8-u): {exc}") from exc
    return data.decode(match.encoding, errors="replace")


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "header", "footer", "blockquote", "pre", "title", "td", "th", "dd", "dt", "hr",
}  # fmt: skip


def html_to_text(html: str) -> str:
    """Text of an HTML page: tags stripped, scripts and styles dropped, blocks become paragraphs."""
    from html.parser import HTMLParser

    class _Parser(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0
            self.cells = 0  # cells of the table row being read

        def handle_starttag(self, tag, attrs):
            if tag in ("script", "style", "noscript", "template"):
                self.skip += 1
            elif tag in ("td", "th"):
                self.parts.append(" | " if self.cells else " ")  # a row's cells, as a .docx table's are joined
                self.cells += 1
            elif tag in _BLOCK_TAGS:
                if tag == "tr":
                    self.cells = 0
                self.parts.append("\n\n" if tag != "br" else "\n")

        def handle_endtag(self, tag):
            if tag in ("script", "style", "noscript", "template"):
                self.skip = max(0, self.skip - 1)
            elif tag in _BLOCK_TAGS and tag not in ("td", "th", "br"):
                self.parts.append("\n\n")

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))

    parser = _Parser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _docx_text(path: Path) -> str:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover
        raise LoaderError(f"{path}: python-docx is not installed") from exc
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise LoaderError(f"{path}: not a readable .docx file: {exc}") from exc
    except MemoryError:
        raise  # over the memory budget: the build names the limit
    except Exception as exc:  # zipfile.BadZipFile, lxml errors
        raise LoaderError(f"{path}: not a readable .docx file: {type(exc).__name__}: {exc}") from exc
    blocks: list[str] = []
    body = document.element.body
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, document).text.strip()
            if text:
                blocks.append(text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    t = cell.text.strip()
                    if t and (not cells or cells[-1] != t):  # merged cells repeat their text
                        cells.append(t)
                if cells:
                    blocks.append(" | ".join(cells))
    return "\n\n".join(blocks)


def _pdf_text(path: Path) -> str:
    try:
        from pdfminer.high_level import extract_text
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError as exc:  # pragma: no cover
        raise LoaderError(f"{path}: pdfminer.six is not installed") from exc
    import zlib

    from pdfminer import pdftypes

    from loaders.limits import MB, BoundedZlib, UnpackLimitExceeded, current

    cap = current().max_unpacked_mb
    pdftypes.zlib = BoundedZlib(int(cap * MB)) if cap else zlib  # inflate no stream past the limit
    try:
        text = extract_text(str(path))
    except UnpackLimitExceeded as exc:
        raise LoaderError(f"{path}: {exc}") from exc
    except PDFSyntaxError as exc:
        raise LoaderError(f"{path}: not a readable PDF: {exc}") from exc
    except MemoryError:
        raise  # over the memory budget: the build names the limit
    except Exception as exc:  # pdfminer raises many kinds on broken files
        raise LoaderError(f"{path}: not a readable PDF: {type(exc).__name__}: {exc}") from exc
    return text.replace("\r\n", "\n").replace("\x0c", "\n\n")


# ---------------------------------------------------------------- normalisation


def _is_cyr(ch: str) -> bool:
    return ch in _CYR_SET


_TRANSLATE = str.maketrans({**_SIMPLE_MAP, "\r": " "})
_DROP = re.compile("[" + SOFT_HYPHEN + ZERO_WIDTH + STRESS + "]|(?<=[^\\W\\d_])[-‐‑]\n[ \t]*(?=[^\\W\\d_])")
_QUOTE = re.compile('["“”]')
_HASHTAG = re.compile(r"(?<![\w&/#])#([^\W\d_][^\W_]*(?:_[^\W_]+)+)")  # words joined by "_"
_WORD = re.compile(r"[^\W\d_][^\W\d_']*")
_LONE_I = re.compile(r"(?:(?<=[а-яіїєґА-ЯІЇЄҐ] )|(?<=[а-яіїєґА-ЯІЇЄҐ][,;:] ))[iI](?= [а-яіїєґА-ЯІЇЄҐ])")


def normalise(text: str, base: int = 0) -> tuple[str, list[int] | None]:
    """Normalised copy of ``text`` and, if some characters were dropped, the original offset of
    every normalised character (``base`` added); ``None`` means offsets are unchanged."""
    omap: list[int] | None = None
    drops = [
        m
        for m in _DROP.finditer(text)
        if m.group()[0] in SOFT_HYPHEN + ZERO_WIDTH + STRESS or _lower_after(text, m.end())
    ]
    if drops:
        kept: list[str] = []
        omap = []
        pos = 0
        for m in drops:
            kept.append(text[pos : m.start()])
            omap.extend(range(base + pos, base + m.start()))
            pos = m.end()
        kept.append(text[pos:])
        omap.extend(range(base + pos, base + len(text)))
        text = "".join(kept)
    if "<" in text and _TAG.search(text):
        text = _TAG.sub(_blank_tag, text)  # same length: HTML leftovers in a .txt page
    if "&" in text:
        text = _ENTITY.sub(_entity_char, text)  # same length
    out = text.translate(_TRANSLATE)
    if '"' in out or "“" in out or "”" in out:
        out = _QUOTE.sub(lambda m: _quote_dir(m.group(), out, m.start()), out)
    if "#" in out:
        # "Програми #USAID_АГРО": a hashtag of words joined by "_" reads as its words (same length)
        out = _HASHTAG.sub(lambda m: " " + m.group(1).replace("_", " "), out)
    if _LOOKALIKE_RE.search(out):
        out = _WORD.sub(_fix_word, out)
        out = _LONE_I.sub(lambda m: m.group().translate(LATIN_LOOKALIKE), out)
    return out, omap


_ENTITIES = {
    "&nbsp;": " ",
    "&amp;": "&",
    "&laquo;": "«",
    "&raquo;": "»",
    "&mdash;": "-",
    "&ndash;": "-",
    "&quot;": '"',
    "&#39;": "'",
    "&apos;": "'",
    "&rsquo;": "'",
    "&bull;": "•",
    "&middot;": "·",
    "&hellip;": "…",
    "&ldquo;": "“",
    "&rdquo;": "”",
    "&bdquo;": "„",
    "&lsquo;": "'",
    "&prime;": "'",
    "&lt;": "<",
    "&gt;": ">",
}
_TAG = re.compile(
    r"<!--.*?-->|</?(?:p|div|br|li|ul|ol|h[1-6]|span|a|b|i|u|strong|em|table|tbody|thead|tr|td|th|section|article"
    r"|header|footer|nav|main|aside|img|hr|blockquote|font|small|sup|sub|label|button|figure|figcaption|dl|dt|dd"
    r"|html|body|head|title|meta|link)(?:\s[^<>]{0,300})?/?>",
    re.IGNORECASE | re.DOTALL,
)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|table|tr|section|article|header|footer|nav|hr|blockquote|dl|dt|dd)\b", re.I
)


def _blank_tag(m: re.Match) -> str:
    """A tag becomes spaces; a block tag ends the line (a heading or list item is not glued to the next)."""
    tag = m.group()
    if _BLOCK_TAG.match(tag):
        return "\u2029" + " " * (len(tag) - 1)  # a paragraph separator: always ends the sentence
    return " " * len(tag)


_ENTITY = re.compile("|".join(re.escape(k) for k in _ENTITIES) + r"|&#(?:\d{2,7}|[xX][0-9a-fA-F]{2,6});", re.IGNORECASE)


def _entity_char(m: re.Match) -> str:
    """An HTML entity as the character it stands for, padded on the left to the entity's length."""
    ent = m.group()
    if ent.startswith("&#"):
        try:
            code = int(ent[3:-1], 16) if ent[2] in "xX" else int(ent[2:-1])
            ch = chr(code) if 32 <= code < 0x110000 else " "
        except ValueError:
            ch = " "
        ch = ch.translate(_TRANSLATE) if ch != "\u00a0" else " "
        return ch.rjust(len(ent))
    return _ENTITIES[ent.lower()].translate(_TRANSLATE).rjust(len(ent))


_LOOKALIKE_RE = re.compile("[" + "".join(sorted(_LOOKALIKE_SET)) + "]")


def _lower_after(text: str, i: int) -> bool:
    return i < len(text) and text[i].islower()


def _quote_dir(ch: str, s: str, k: int) -> str:
    if ch == "”":
        return "»"
    prev = s[k - 1] if k else " "
    nxt = s[k + 1] if k + 1 < len(s) else " "
    return "«" if prev in " \n\t\r\u2029(«[/-:—–" and not nxt.isspace() else "»"  # a line may open with a quote


def _fix_word(m: re.Match) -> str:
    w = m.group()
    if any(c in _CYR_SET for c in w) and any(c in _LOOKALIKE_SET for c in w):
        if any(c.isascii() and c.isalpha() and c not in _LOOKALIKE_SET for c in w):
            return w  # "відGIZ" (a space lost): a Latin acronym glued to a word, not Latin letters inside one
        return w.translate(LATIN_LOOKALIKE)
    return w


def _cyr_neighbours(out: list[str], k: int, j: int) -> bool:
    """A lone Latin "i" between Cyrillic words is the Ukrainian conjunction "і"."""
    left = k - 1
    while left >= 0 and left > k - 4 and not out[left].isalpha():
        left -= 1
    right = j
    while right < len(out) and right < j + 3 and not out[right].isalpha():
        right += 1
    return left >= 0 and right < len(out) and out[left] in _CYR_SET and out[right] in _CYR_SET


def fold(text: str) -> str:
    """Normalised, case-folded text (for comparing names, not for offsets)."""
    return normalise(text)[0].casefold()


# ---------------------------------------------------------------- sentences


@dataclass
class Sentence:
    """One sentence: original text and offsets, and its normalised copy for matching."""

    index: int
    start: int  # offset in the document's text
    end: int
    text: str  # the original sentence, == document_text[start:end]
    norm: str  # normalised (see :func:`normalise`)
    omap: list[int] | None  # norm offset -> document offset, when not simply start + i
    paragraph: int = 0

    def orig(self, i: int) -> int:
        """Document offset of normalised offset ``i``."""
        if self.omap is None:
            return self.start + i
        if i >= len(self.omap):
            return self.end
        return self.omap[i]


_ABBREV = {
    "м", "вул", "ім", "р", "рр", "с", "смт", "обл", "буд", "тис", "грн", "млн", "млрд", "ст", "п", "пп", "див",
    "напр", "просп", "пл", "пров", "св", "проф", "д", "т", "ч", "кв", "о", "ін", "т.ч", "англ", "укр", "нім",
    "пол", "лит", "латис", "ест", "фр", "італ", "ісп", "порт", "чес", "словац", "угор", "рум", "болг", "швед",
    "норв", "дат", "фін", "нідерл", "груз", "лат", "рос", "біл",
    "dr", "mr", "ms", "no", "st", "etc", "e.g", "i.e", "co", "inc", "ltd", "corp", "u.s", "u.k", "вих", "н", "м.т.г", "т.зв", "гр", "коп", "дол", "тел",
}  # fmt: skip
_SPLIT = re.compile(  # a run of end marks is tried from its first mark only: "." * 20000 stays linear
    r"(?<![.!?…])[.!?…]+[»\"')\]]*\s+|\s*\u2029\s*|\s*\n\s*(?=[-•–*]\s|\d{1,2}[.)]\s|[А-ЯІЇЄҐA-Z][\w' -]{1,30}:\s)|(?P<nl>\s*\n\s*)(?=[А-ЯІЇЄҐA-Z«|])"
)
_OPEN_END = re.compile(
    r"(?:[,;:(\-–—/&+]|(?<![\w'])(?:і|й|та|а|але|або|чи|у|в|з|із|зі|на|до|для|від|по|при|за|про|що|як|який|яка|які|яке|щодо|між|"
    r"через|під|над|без|and|of|the|for|in|on|to))$",
    re.IGNORECASE,
)


class _Paragraph:
    """Facts about a normalised paragraph computed once, so that each line break is judged in O(line)."""

    def __init__(self, norm: str) -> None:
        self.norm = norm
        stripped = norm.lstrip()
        self.first_text = len(norm) - len(stripped)  # offset of the first non-space character
        self._longest: int | None = None

    @property
    def longest_line(self) -> int:
        if self._longest is None:
            self._longest = max(len(x.strip()) for x in self.norm.split("\n"))
        return self._longest

    def last_text_char(self, before: int) -> str:
        """The last non-space character before ``before`` ("" when there is none)."""
        norm, i = self.norm, before - 1
        while i >= 0 and norm[i].isspace():
            i -= 1
        return norm[i] if i >= 0 else ""


def _heading_line(norm: str, at: int, piece_start: int, para: _Paragraph | None = None) -> bool:
    """The line ending at ``at`` is a heading/menu/list line (short, no final punctuation, itself starting a
    sentence), so the next line starts a new sentence; hard-wrapped prose lines are left joined."""
    para = para or _Paragraph(norm)
    line_start = max(norm.rfind("\n", 0, at), norm.rfind("\u2029", 0, at)) + 1
    line = norm[line_start:at].strip()
    if (line.count(" | ") >= 1 or line.count(" - ") >= 2 or line[:1] == line[-1:] == "|") and len(line) <= 300:
        return True  # a menu line or a table row ("Місто — Країна — рік")
    if not line or len(line) > 80 or _OPEN_END.search(line):
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "«•-–*"):
        return False
    if not (line_start <= piece_start or line_start <= para.first_text):
        if para.last_text_char(line_start) not in ".!?…:;»)":
            return False
    if not line[-1].islower() or len(line.split()) <= 3:
        return True
    return para.longest_line <= 60  # a block of short lines, not wrapped prose


_PARA = re.compile(r"\n[ \t]*\n\s*")


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _PARA.finditer(text):
        if _GOES_ON.match(text, m.end()) and _wrapped_line(text, pos, m.start()):
            continue  # "Про затвердження Програми проведення\n\nобласного конкурсу …": one title wrapped in blank lines
        yield from _cut(text, pos, m.start(), MAX_PARAGRAPH)
        pos = m.end()
    yield from _cut(text, pos, len(text), MAX_PARAGRAPH)


# a next paragraph starting in lower case after a short line ending in a word: the same sentence goes on
_GOES_ON = re.compile(r"[а-яіїєґ]")


def _wrapped_line(text: str, start: int, end: int) -> bool:
    line = text[max(start, text.rfind("\n", start, end) + 1) : end].rstrip()
    return 0 < len(line) <= 90 and line[-1].isalpha()


def _cut(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """Cut an over-long span at newlines (else spaces, else hard) into pieces of at most ``limit``."""
    while end - start > limit:
        stop = start + limit
        cut = text.rfind("\n", start + limit // 2, stop)
        if cut < 0:
            cut = text.rfind(" ", start + limit // 2, stop)
        if cut < 0:
            cut = stop
        yield start, cut
        start = cut
    yield start, end


def sentences(text: str) -> Iterator[Sentence]:
    """Sentences of a document, in order; blank lines and list items always end a sentence."""
    index = 0
    for para_no, (p_start, p_end) in enumerate(_paragraph_spans(text)):
        norm, omap = normalise(text[p_start:p_end], p_start)

        def orig(i: int, norm=norm, omap=omap, p_start=p_start, p_end=p_end) -> int:
            if omap is None:
                return p_start + i
            return omap[i] if i < len(omap) else p_end

        s = 0
        pieces: list[tuple[int, int]] = []
        para = _Paragraph(norm)
        # quotes opened and closed in norm[s:counted]: kept up to date, never recounted from s (linear)
        opened = closed = 0
        counted = 0
        for m in _SPLIT.finditer(norm):
            e = m.end()
            if m.group("nl") is not None and not _heading_line(norm, m.start(), s, para):
                continue
            if m.group().strip().startswith((".", "!", "?", "…")):
                # the word before the mark: a bounded window, never the whole growing segment
                item_next = "\n" in m.group() and _ITEM_START.match(norm, e) is not None
                if not item_next and (
                    _is_abbreviation(norm[max(s, m.start() - 64) : m.start()]) or not _next_starts_sentence(norm, e)
                ):
                    continue  # ("2001 р.\n2. Бердичівська громада": a list item on the next line ends it all the same)
                if m.group("nl") is None and _LIST_NUMBER.fullmatch(norm, s, m.start()):
                    continue  # "2. «Title»": a list item's number, not a sentence
                opened += norm.count("«", counted, m.start())
                closed += norm.count("»", counted, m.start())
                counted = m.start()
                if opened > closed:
                    continue  # inside a quoted title
                if _inside_bracket(norm, s, m.start(), e):
                    continue  # "(пол. Góra Kalwaria)": a full stop inside a short bracket
            pieces.append((s, e))
            s = e
            opened = closed = 0
            counted = s
        pieces.append((s, len(norm)))
        for a, b in pieces:
            for a2, b2 in _cut(norm, a, b, MAX_SENTENCE):
                while a2 < b2 and norm[a2].isspace():
                    a2 += 1
                while b2 > a2 and norm[b2 - 1].isspace():
                    b2 -= 1
                if b2 <= a2:
                    continue
                o_start, o_end = orig(a2), orig(b2 - 1) + 1
                sub_norm = norm[a2:b2].replace("\n", " ").replace("\u2029", " ")
                sub_map = None if omap is None else omap[a2:b2]
                ent = None
                if text[o_start] == ";" and "&" in text[max(0, o_start - 9) : o_start]:
                    ent = re.search(r"&#?\w{2,8};$", text[max(0, o_start - 9) : o_start + 1])
                if ent:  # "&bull;" starts the line, not its ";"
                    if sub_map is None:
                        sub_map = list(range(o_start, o_start + len(sub_norm)))
                    o_start -= len(ent.group()) - 1
                if sub_map is not None and sub_map == list(range(o_start, o_start + len(sub_map))):
                    sub_map = None
                yield Sentence(index, o_start, o_end, text[o_start:o_end], sub_norm, sub_map, para_no)
                index += 1


_LIST_NUMBER = re.compile(r"\s*\d{1,2}")
_ITEM_START = re.compile(r"[-•–*]\s|\d{1,2}[.)]\s")


def _inside_bracket(norm: str, s: int, at: int, e: int) -> bool:
    """A mark inside a bracket opened shortly before it and closed shortly after (bounded windows: linear)."""
    lo = max(s, at - 80)
    opened = norm.rfind("(", lo, at)
    if opened < 0 or norm.find(")", opened, at) >= 0:
        return False
    close = norm.find(")", e, e + 80)
    return close >= 0 and "(" not in norm[e:close] and "\n" not in norm[opened:close]


def _is_abbreviation(seg: str) -> bool:
    m = re.search(r"(\w[\w.]*)$", seg)
    if not m:
        return False
    word = m.group(1)
    if word.casefold() in _ABBREV:
        return True
    return len(word) == 1 and word.isupper()  # an initial: "В. Даля"


def _next_starts_sentence(norm: str, i: int) -> bool:
    while i < len(norm) and norm[i] in "«\"'([ ":
        i += 1
    if i >= len(norm):
        return True
    ch = norm[i]
    return ch.isupper() or ch.isdigit() or ch in "-•*"


def permanent(data):
    """Reference data built once per process, moved out of the cyclic garbage collector's reach (``gc.freeze``):
    the collector no longer walks its hundreds of thousands of objects at every full collection while documents
    are read (the real corpus read 10% faster after the Russian index grew, bench/LOADER_COMPARE.md). Returns
    ``data``."""
    import gc

    gc.freeze()
    return data
