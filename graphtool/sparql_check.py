"""Checks a SPARQL query before it reaches the engine: nesting, federation, and readable syntax errors.

* **Nesting.** Oxigraph parses and evaluates recursively: ``{`` x 5000, ``(`` x 20000 or a chain of
  10,000 ``+`` overflow the thread's stack and kill the process (SIGSEGV, no message). A query nested
  deeper than :data:`MAX_DEPTH` or with more than :data:`MAX_OPERATORS` operators is refused first.
* **SERVICE.** A federated query makes the engine fetch a URL. Whether a query has one is decided on
  its parsed algebra (rdflib's SPARQL parser), not on its text; the text is first normalised so that
  rdflib and Oxigraph tokenise it alike (a comment ends at CR as well as LF in SPARQL and in Oxigraph,
  at LF only in rdflib). A query rdflib cannot parse is refused when the letters ``service`` appear in
  it anywhere, so a parser difference can only refuse, never let a SERVICE through.
* **Errors people can act on.** An update given as a query says the endpoint is read-only; a prefix
  that was never declared is named with its line instead of Oxigraph's list of Unicode ranges.
"""

from __future__ import annotations

import re

MAX_DEPTH = 128
MAX_OPERATORS = 2000
UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
  | (?P<word>[A-Za-z_\u00C0-\uFFFF][\w\-.:%\\\u00B7\u00C0-\uFFFF]*|:[\w\-.:%\\\u00B7\u00C0-\uFFFF]*)
  | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<op>&&|\|\||!=|<=|>=|\^\^|[/|^+\-*=<>])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


class QueryRejected(ValueError):
    """The query is refused before it runs; the message says why and is safe to show."""


def normalise(query: str) -> str:
    """Line ends as LF: SPARQL ends a comment at CR or LF, and both parsers must read the same text."""
    return query.replace("\r\n", "\n").replace("\r", "\n")


def _tokens(query: str):
    line = 1
    for match in _TOKEN.finditer(query):
        yield match.lastgroup, match.group(), line
        line += match.group().count("\n")


def check_complexity(query: str, *, max_depth: int = MAX_DEPTH, max_operators: int = MAX_OPERATORS) -> None:
    """Refuse a query nested deeper than ``max_depth`` brackets or with more than ``max_operators``
    operators (path steps, UNIONs, arithmetic): the engine would overflow its stack on it.

    Raises:
        QueryRejected: naming the line where the limit was passed.
    """
    depth = operators = 0
    for kind, text, line in _tokens(query):
        if kind == "open":
            depth += 1
            if depth > max_depth:
                raise QueryRejected(
                    f"the query is nested more than {max_depth} levels deep (line {line}); "
                    "the engine cannot evaluate it safely: flatten it"
                )
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "op" or (kind == "word" and text.upper() in ("UNION", "MINUS")):
            operators += 1
            if operators > max_operators:
                raise QueryRejected(
                    f"the query has more than {max_operators} operators, path steps or UNIONs (line {line}); "
                    "the engine cannot evaluate it safely: split it or use VALUES"
                )


def uses_service(query: str) -> bool:
    """True when the query (already :func:`normalise`-d) may contain a SERVICE (federated) pattern.

    Decided on rdflib's algebra of the query; a query rdflib cannot parse counts as federated when
    the letters ``service`` appear anywhere in it (also as ``\\u`` escapes).
    """
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes

    if "service" not in expandUnicodeEscapes(query).lower():
        return False  # no parser can read a SERVICE keyword out of a text without these letters
    try:
        from rdflib.plugins.sparql import algebra, parser

        if "\\u" in query.lower():
            # rdflib expands \u escapes over the whole text first, Oxigraph only inside strings and IRIs:
            # the two could then disagree on where a string or comment ends
            return True
        translated = algebra.translateQuery(parser.parseQuery(query))
    except Exception:  # noqa: BLE001 - any parse failure is the fail-closed case
        return True
    found: list[object] = []

    def visit(node: object) -> None:
        if getattr(node, "name", None) == "ServiceGraphPattern":
            found.append(node)

    algebra.traverse(translated.algebra, visit)
    return bool(found)


def is_update(query: str) -> bool:
    """True when the text's first keyword after its PREFIX/BASE lines starts a SPARQL Update."""
    expect_decl = 0
    for kind, text, _line in _tokens(query):
        if kind in ("ws", "comment"):
            continue
        if expect_decl:
            expect_decl -= 1
            continue
        word = text.upper() if kind == "word" else ""
        if word == "PREFIX":
            expect_decl = 2
        elif word == "BASE":
            expect_decl = 1
        else:
            return word in UPDATE_WORDS
    return False


def undeclared_prefixes(query: str, predeclared: dict[str, str] | None = None) -> list[tuple[str, int]]:
    """Prefixes used in the query but declared neither in it nor in ``predeclared``, with their first line."""
    declared = set(predeclared or {})
    used: dict[str, int] = {}
    previous = ""
    for kind, text, line in _tokens(query):
        if kind in ("ws", "comment"):
            continue
        if kind == "word" and ":" in text:
            prefix = text.split(":", 1)[0]
            if previous == "PREFIX":
                declared.add(prefix)
            else:
                used.setdefault(prefix, line)
        previous = text.upper() if kind == "word" else ""
    return [(p, line) for p, line in used.items() if p not in declared]


def explain_syntax_error(query: str, message: str, predeclared: dict[str, str] | None = None) -> str:
    """A short, actionable message for the engine's syntax error ``message`` about ``query``."""
    if is_update(query):
        return "this is a SPARQL Update; graphtool only runs queries (the store is read-only here)"
    missing = undeclared_prefixes(query, predeclared)
    if missing:
        names = ", ".join(f"'{p}:' (line {line})" for p, line in missing)
        known = ", ".join(sorted(predeclared or {}))
        return f"SPARQL syntax error: undeclared prefix {names}; declare it with PREFIX {missing[0][0]}: <…>" + (
            f" (predeclared: {known})" if known else ""
        )
    first = message.splitlines()[0] if message else "invalid query"
    return "SPARQL syntax error: " + (first if len(first) <= 300 else first[:300] + " …")
