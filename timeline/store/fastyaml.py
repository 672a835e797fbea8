"""YAML for the store's own layout, written and read without PyYAML's Python layer.

The store is a list of mappings whose values are scalars, lists of scalars,
lists of flat mappings or flat mappings. For that shape the output is what
PyYAML's block style would give (indentless lists, one key per line), except
that every scalar stays on one line: a string is written plain only when
``yaml.safe_load`` provably reads it back as the same string, otherwise in
JSON-style double quotes, which YAML reads with the same escapes.

``parse_store`` reads exactly that layout back and returns ``None`` for
anything else (comments at the end of a line, block scalars, anchors, other
indentation, quoting it does not know...); the caller then falls back to
libyaml. A file a maintainer edited in the same style stays on the fast path.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from json.encoder import encode_basestring
from typing import Any, Callable

# Words PyYAML's resolver turns into booleans or null (YAML 1.1).
_WORDS = frozenset(
    "yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF null Null NULL".split())
# Characters never left bare: C0/C1 controls, DEL, line and paragraph separators
# (PyYAML breaks lines at them), the byte-order mark, non-characters, surrogates.
_UNSAFE = "\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff"
# A plain scalar that resolves to a string: it starts with a letter (no
# indicator, number, date, ``~`` or ``.inf``) or is an id ``2022-02-12-...``
# (a timestamp ends after the day or goes on with a time, never with ``-``);
# no ``: `` or `` #`` inside, no ``:`` or space at the end.
_PLAIN = re.compile(
    rf"(?:[^\W\d_]|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}-(?=[^\s:#]))(?:[^{_UNSAFE}:# ]|:(?=[^\s])|(?<! )#| (?=[^\s#]))*")
_ESCAPE = re.compile(f"[{_UNSAFE}]")
# JSON escapes that YAML reads the same way; ``\u`` of a surrogate is left to
# libyaml because JSON pairs surrogates and YAML does not.
_QUOTED = re.compile(
    rf'"(?:[^"\\{_UNSAFE}]|\\["\\/bfnrt]|\\u(?![dD][89a-fA-F])[0-9a-fA-F]{{4}})*"')
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+(?:e[-+][0-9]+)?")
_KEY = re.compile(r"[a-z_][a-z0-9_]*")


def is_plain(text: str) -> bool:
    """Whether ``text`` may be written without quotes and read back unchanged."""
    return text not in _WORDS and _PLAIN.fullmatch(text) is not None


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


# Kinds, statuses, outlets, article titles and dates recur across thousands of
# events: their written (and read) form is remembered rather than matched again.
_MEMO_LIMIT = 1 << 17
_WRITTEN: dict[str, str] = {}
_READ: dict[str, Any] = {}


def _string(value: str) -> str:
    if is_plain(value):
        return value
    # encode_basestring escapes quotes, backslashes and C0 controls the JSON
    # way; the rest of the unsafe set gets \\u escapes, which YAML also knows.
    quoted = encode_basestring(value)
    return _ESCAPE.sub(_escape, quoted) if _ESCAPE.search(quoted) else quoted


def scalar(value: Any) -> str:
    """One scalar as YAML text on a single line."""
    if isinstance(value, str):
        written = _WRITTEN.get(value)
        if written is None:
            written = _string(value)
            if len(_WRITTEN) >= _MEMO_LIMIT:
                _WRITTEN.clear()
            _WRITTEN[value] = written
        return written
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        if "." not in text:  # 1e-05: YAML 1.1 needs a dot to read a float
            mantissa, _, exponent = text.partition("e")
            text = f"{mantissa}.0e{exponent if exponent[0] in '+-' else '+' + exponent}"
        return text
    raise TypeError(f"cannot write {type(value).__name__} as a store scalar")


@lru_cache(maxsize=1024)
def _key(key: str) -> str:
    return key if _KEY.fullmatch(key) and key not in _WORDS else scalar(key)


def _mapping(data: dict[str, Any], first: str, rest: str, out: list[str]) -> None:
    """Lines of a flat or nested mapping; ``first`` prefixes its first line, ``rest`` the others."""
    prefix = first
    for key, value in data.items():
        head = f"{prefix}{_key(key)}:"
        prefix = rest
        if isinstance(value, list):
            if not value:
                out.append(f"{head} []")
                continue
            out.append(head)
            for item in value:  # indentless, as PyYAML writes lists inside mappings
                if isinstance(item, dict) and item:
                    _mapping(item, f"{rest}- ", f"{rest}  ", out)
                elif isinstance(item, (list, dict)):
                    raise TypeError("the store layout has no lists of lists")
                else:
                    out.append(f"{rest}- {scalar(item)}")
        elif isinstance(value, dict):
            if not value:
                out.append(f"{head} {{}}")
                continue
            out.append(head)
            _mapping(value, f"{rest}  ", f"{rest}  ", out)
        else:
            out.append(f"{head} {scalar(value)}")


def dump_store(items: list[dict[str, Any]]) -> str:
    """A store file: the list of event mappings, one scalar per line."""
    if not items:
        return "[]\n"
    out: list[str] = []
    for item in items:
        if not item:
            raise TypeError("an event is never an empty mapping")
        _mapping(item, "- ", "  ", out)
    out.append("")
    return "\n".join(out)


class _Unknown(Exception):
    """The text leaves the layout ``parse_store`` knows; libyaml reads it instead."""


def _value(text: str) -> Any:
    value = _READ.get(text, _READ)  # the dict itself stands for "not seen"
    if value is _READ:
        value = _parse_value(text)
        if isinstance(value, (list, dict)):
            return value  # a fresh container each time: callers may change it
        if len(_READ) >= _MEMO_LIMIT:
            _READ.clear()
        _READ[text] = value
    return value


def _parse_value(text: str) -> Any:
    if text[0] == '"':
        if _QUOTED.fullmatch(text):
            return json.loads(text)
        raise _Unknown
    if is_plain(text):
        return text
    known: Callable[[], Any] | None = _CONSTANTS.get(text)
    if known is not None:
        return known()
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    raise _Unknown


_CONSTANTS: dict[str, Callable[[], Any]] = {
    "null": lambda: None, "true": lambda: True, "false": lambda: False, "[]": list, "{}": dict,
    ".inf": lambda: math.inf, "-.inf": lambda: -math.inf, ".nan": lambda: math.nan}


@lru_cache(maxsize=1024)
def _plain_key(key: str) -> bool:
    return _KEY.fullmatch(key) is not None and key not in _WORDS


def _entry(line: str, start: int) -> tuple[str, Any | None]:
    """``key: value`` or ``key:`` at ``start``; the value is None when a block follows."""
    colon = line.find(":", start)
    if colon < 0:
        raise _Unknown
    key = line[start:colon]
    if not _plain_key(key):
        raise _Unknown
    if colon + 1 == len(line):
        return key, None
    if line[colon + 1] != " " or colon + 2 == len(line):
        raise _Unknown
    return key, _value(line[colon + 2:])


def parse_store(text: str) -> list[dict[str, Any]] | None:
    """The events of a file in the layout ``dump_store`` writes, or None for any other text."""
    try:
        return _parse(text)
    except (_Unknown, ValueError, RecursionError):
        return None


def _parse(text: str) -> list[dict[str, Any]]:
    if text.strip() == "[]":
        return []
    items: list[dict[str, Any]] = []
    item: dict[str, Any] | None = None
    open_key: str | None = None  # top-level key whose block is being read
    block: list[Any] | dict[str, Any] | None = None
    element: dict[str, Any] | None = None  # mapping inside a list, still taking keys
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        if not stripped or stripped[0] == "#":  # blank lines and whole-line comments mean nothing
            continue
        if line.startswith("- "):  # a new event
            item, element, block = {}, None, None
            items.append(item)
            open_key = _top(item, line, 2)
        elif item is None:
            raise _Unknown
        elif line.startswith("  - "):  # element of a list under the open key
            if open_key is None or (block is not None and not isinstance(block, list)):
                raise _Unknown
            if block is None:
                block = item[open_key] = []
            element = None
            rest = line[4:]
            if rest[:1] in ("", " "):
                raise _Unknown
            key, value = _entry(rest, 0) if _looks_like_entry(rest) else ("", _value(rest))
            if key:
                if value is None and rest.endswith(":"):
                    raise _Unknown  # a block inside a list element: not this layout
                element = {key: value}
                block.append(element)
            else:
                block.append(value)
        elif line.startswith("    ") and line[4:5] not in ("", " ", "-"):
            key, value = _entry(line, 4)
            if line.endswith(":") and value is None:
                raise _Unknown
            if element is not None:
                element[key] = value
            elif open_key is not None and (block is None or isinstance(block, dict)):
                if block is None:
                    block = item[open_key] = {}
                block[key] = value
            else:
                raise _Unknown
        elif line.startswith("  ") and line[2:3] not in ("", " ", "-"):
            element, block = None, None
            open_key = _top(item, line, 2)
        else:
            raise _Unknown
    return items


def _looks_like_entry(text: str) -> bool:
    """Whether a list element is ``key: value`` (a mapping) rather than a scalar."""
    colon = text.find(":")
    return colon > 0 and _plain_key(text[:colon]) and (
        colon + 1 == len(text) or text[colon + 1] == " ")


def _top(item: dict[str, Any], line: str, start: int) -> str | None:
    """Store a top-level entry; returns its key when a block is to follow."""
    key, value = _entry(line, start)
    item[key] = value
    return key if value is None and line.endswith(":") else None
