"""The store's one YAML emitter, for event files and the actor registry alike.

The store is made of mappings whose values are scalars, lists of scalars,
lists of mappings or mappings. For that shape the output is what PyYAML's
block style would give (indentless lists, one key per line), except that every
scalar stays on one line: a string is written plain only when
``yaml.safe_load`` provably reads it back as the same string, otherwise in
JSON-style double quotes, which YAML reads with the same escapes. Event files
in this layout are read back by ``reader.py``; anything else, by libyaml.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from json.encoder import encode_basestring
from typing import Any

from timeline.store.recurring import keep

# Words PyYAML's resolver turns into booleans or null (YAML 1.1).
WORDS = frozenset(
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
_KEY = re.compile(r"[a-z_][a-z0-9_]*")


def is_plain(text: str) -> bool:
    """Whether ``text`` may be written without quotes and read back unchanged."""
    return text not in WORDS and _PLAIN.fullmatch(text) is not None


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


# Kinds, statuses, outlets, article titles and dates recur across thousands of
# events: their written form is remembered rather than matched again.
_MEMO_LIMIT = 1 << 18  # more than the distinct article ids, titles and names of a large store
WRITTEN: dict[str, str] = {}


def string(value: str) -> str:
    if value not in WORDS and _PLAIN_MATCH(value) is not None:  # is_plain, one call less: it runs per value
        return value
    # encode_basestring escapes quotes, backslashes and C0 controls the JSON
    # way; the rest of the unsafe set gets \\u escapes, which YAML also knows.
    quoted = encode_basestring(value)
    return _ESCAPE.sub(_escape, quoted) if _ESCAPE.search(quoted) else quoted


def scalar(value: Any) -> str:
    """One scalar as YAML text on a single line."""
    if isinstance(value, str):
        return string_memo(value)
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
    return key if _KEY.fullmatch(key) and key not in WORDS else scalar(key)


def string_memo(value: str) -> str:
    """``scalar`` of a string, remembered."""
    written = WRITTEN.get(value)
    return keep(WRITTEN, value, string(value), _MEMO_LIMIT) if written is None else written


def mapping_lines(data: dict[str, Any], first: str, rest: str, out: list[str]) -> None:
    """Lines of a flat or nested mapping; ``first`` prefixes its first line, ``rest`` the others.
    Strings, by far the most common value, are tested for first."""
    prefix = first
    for key, value in data.items():
        head = prefix + _key(key)
        prefix = rest
        kind = type(value)
        if kind is str:
            out.append(f"{head}: {string_memo(value)}")
        elif kind is list:
            if not value:
                out.append(f"{head}: []")
                continue
            out.append(f"{head}:")
            for item in value:  # indentless, as PyYAML writes lists inside mappings
                if type(item) is dict and item:
                    mapping_lines(item, f"{rest}- ", f"{rest}  ", out)
                elif isinstance(item, (list, dict)):
                    raise TypeError("the store layout has no lists of lists")
                else:
                    out.append(f"{rest}- {scalar(item)}")
        elif kind is dict:
            if not value:
                out.append(f"{head}: {{}}")
                continue
            out.append(f"{head}:")
            mapping_lines(value, f"{rest}  ", f"{rest}  ", out)
        else:
            out.append(f"{head}: {scalar(value)}")


def dump_mappings(items: list[dict[str, Any]]) -> str:
    """A YAML list of mappings, one scalar per line (an event file)."""
    if not items:
        return "[]\n"
    out: list[str] = []
    for item in items:
        if not item:
            raise TypeError("an item of the store is never an empty mapping")
        mapping_lines(item, "- ", "  ", out)
    out.append("")
    return "\n".join(out)
