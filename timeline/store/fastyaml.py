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

from timeline.store.memo import keep

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
# Written "ordinary run, then (special character, ordinary run) repeated", with
# possessive runs: the same language as one alternative per character, but
# the regular expression engine takes whole runs at once and never
# backtracks into them. ``reader.py`` matches whole files with these.
_RUN = rf"[^{_UNSAFE}:# ]*+"
PLAIN = (rf"(?:[^\W\d_]|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}-(?=[^\s:#])){_RUN}"
         rf"(?:(?::(?=[^\s])|(?<! )#| (?=[^\s#])){_RUN})*+")
_PLAIN = re.compile(PLAIN)
_PLAIN_MATCH = _PLAIN.fullmatch
_ESCAPE = re.compile(f"[{_UNSAFE}]")
# JSON escapes that YAML reads the same way; ``\u`` of a surrogate is left to
# libyaml because JSON pairs surrogates and YAML does not.
_QUOTED_RUN = rf'[^"\\{_UNSAFE}]*+'
QUOTED = rf'"{_QUOTED_RUN}(?:\\(?:["\\/bfnrt]|u(?![dD][89a-fA-F])[0-9a-fA-F]{{4}}){_QUOTED_RUN})*+"'
_QUOTED = re.compile(QUOTED)
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
_MEMO_LIMIT = 1 << 18  # more than the distinct article ids, titles and names of a large store
_WRITTEN: dict[str, str] = {}
_READ: dict[str, Any] = {}


def _string(value: str) -> str:
    if value not in _WORDS and _PLAIN_MATCH(value) is not None:  # is_plain, one call less: it runs per value
        return value
    # encode_basestring escapes quotes, backslashes and C0 controls the JSON
    # way; the rest of the unsafe set gets \\u escapes, which YAML also knows.
    quoted = encode_basestring(value)
    return _ESCAPE.sub(_escape, quoted) if _ESCAPE.search(quoted) else quoted


def scalar(value: Any) -> str:
    """One scalar as YAML text on a single line."""
    if isinstance(value, str):
        return _text(value)
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


def _text(value: str) -> str:
    """``scalar`` of a string, remembered."""
    written = _WRITTEN.get(value)
    return keep(_WRITTEN, value, _string(value), _MEMO_LIMIT) if written is None else written


def _mapping(data: dict[str, Any], first: str, rest: str, out: list[str]) -> None:
    """Lines of a flat or nested mapping; ``first`` prefixes its first line, ``rest`` the others.
    Strings, by far the most common value, are tested for first."""
    prefix = first
    for key, value in data.items():
        head = prefix + _key(key)
        prefix = rest
        kind = type(value)
        if kind is str:
            out.append(f"{head}: {_text(value)}")
        elif kind is list:
            if not value:
                out.append(f"{head}: []")
                continue
            out.append(f"{head}:")
            for item in value:  # indentless, as PyYAML writes lists inside mappings
                if type(item) is dict and item:
                    _mapping(item, f"{rest}- ", f"{rest}  ", out)
                elif isinstance(item, (list, dict)):
                    raise TypeError("the store layout has no lists of lists")
                else:
                    out.append(f"{rest}- {scalar(item)}")
        elif kind is dict:
            if not value:
                out.append(f"{head}: {{}}")
                continue
            out.append(f"{head}:")
            _mapping(value, f"{rest}  ", f"{rest}  ", out)
        else:
            out.append(f"{head}: {scalar(value)}")


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
        keep(_READ, text, value, _MEMO_LIMIT)
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


def parse_store(text: str) -> list[dict[str, Any]] | None:
    """The events of a file in the layout ``dump_store`` writes, or None for any other text."""
    try:
        return _parse(text)
    except (_Unknown, ValueError, RecursionError):
        return None


# One line of the layout: its lead (new event, key of the event, list element,
# key of a nested mapping), then ``key:``, ``key: value`` or, in a list, a bare
# value. The whole file is split by this one pattern in C; a line it does not
# match (other indentation, flow or block styles...) shows up in the count.
# Blank lines and whole-line comments match with an empty lead.
_LINE = re.compile(r"^(?:(- |  - |    |  )(?:([a-z_][a-z0-9_]*):(?: (.+))?|(?<=- )(.+))| *(?:#.*)?)$",
                   re.MULTILINE)
_GOOD_KEYS: set[str] = set()


def _parse(text: str) -> list[dict[str, Any]]:
    if text.strip() == "[]":
        return []
    rows = _LINE.findall(text)
    if len(rows) != text.count("\n") + 1:
        raise _Unknown  # some line is in none of the known shapes
    value_of = _value
    items: list[dict[str, Any]] = []
    item: dict[str, Any] = {}
    open_key: str | None = None  # key of the event whose block is being read
    block: list[Any] | dict[str, Any] | None = None
    element: dict[str, Any] | None = None  # mapping inside a list, still taking keys
    for lead, key, value, bare in rows:
        if not lead:
            continue
        if key and key not in _GOOD_KEYS:
            if not _plain_key(key):
                raise _Unknown
            _GOOD_KEYS.add(key)
        if lead == "    ":  # key of a list element's mapping or of a nested mapping
            if not value:
                raise _Unknown
            if element is not None:
                element[key] = value_of(value)
            elif open_key is not None and block is None:
                block = item[open_key] = {key: value_of(value)}
            elif type(block) is dict:
                block[key] = value_of(value)
            else:
                raise _Unknown
        elif lead == "  - ":  # element of the list under the open key
            if block is None:
                if open_key is None:
                    raise _Unknown
                block = item[open_key] = []
            elif type(block) is not list:
                raise _Unknown
            if bare:
                element = None
                block.append(value_of(bare))
            elif value:
                element = {key: value_of(value)}
                block.append(element)
            else:
                raise _Unknown  # a block inside a list element: not this layout
        else:  # "- " starts an event, "  " goes on with it
            if lead == "- ":
                item = {}
                items.append(item)
            elif not items:
                raise _Unknown
            if bare:
                raise _Unknown
            element = block = None
            if value:
                item[key] = value_of(value)
                open_key = None
            else:
                item[key] = None
                open_key = key
    return items
