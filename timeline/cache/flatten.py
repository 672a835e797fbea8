"""A record's every field, nested records included, as bytes: for digests that must
change whenever anything in the record does (the site's inputs, the merge's memory).

The record is flattened into tuples of plain values by code generated once per
record type from its type hints, then marshalled: half the time of its repr,
which runs the dataclasses' Python-level ``__repr__`` for every nested record.
Marshal's version 2 writes a value the same whatever its identity (no
back-references, no mark for interned strings), so equal records give equal bytes.
"""

from __future__ import annotations

import dataclasses
import marshal
import types
import typing
from dataclasses import fields
from functools import lru_cache
from typing import Any, Callable

_PLAIN = (str, int, float, bool, type(None))


def record_bytes(kind: type, record: Any) -> bytes:
    """The fields of ``record``, a ``kind``, as bytes: equal records, equal bytes."""
    try:
        return marshal.dumps(flattener(kind)(record), 2)
    except ValueError:  # a value marshal does not take: its repr is as complete, only slower
        return repr(record).encode("utf-8")


@lru_cache(maxsize=None)
def flattener(kind: type) -> Callable[[Any], Any]:
    """A function from a record of type ``kind`` to a tuple of plain values, one per field."""
    source = f"def flatten(value):\n    return {_plain(kind, 'value', 0)}\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<flatten {kind.__name__}>", "exec"), namespace)  # noqa: S102 - generated from type hints
    return namespace["flatten"]  # type: ignore[no-any-return]


def _plain(kind: Any, expr: str, depth: int) -> str:
    """Python source giving the value ``expr`` of type ``kind`` as plain values."""
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        return "(" + "".join(f"{_plain(hints[f.name], f'{expr}.{f.name}', depth)}, " for f in fields(kind)) + ")"
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        records = [a for a in args if a is not type(None)]
        if len(records) == 1 and dataclasses.is_dataclass(records[0]):
            return f"(None if {expr} is None else {_plain(records[0], expr, depth)})"
        return expr if all(a in _PLAIN for a in args) else f"repr({expr})"
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] in _PLAIN:
            return expr
        item = f"_{depth}"
        return f"tuple([{_plain(args[0], item, depth + 1)} for {item} in {expr}])"
    return expr if kind in _PLAIN else f"repr({expr})"
