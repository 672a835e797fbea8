"""The text of an article file: UTF-8 or UTF-16 as marked, else the encoding charset-normalizer finds.

A file that is not valid UTF-8 is most often a page saved by an older tool in a
Windows or ISO code page (Latin-1, Windows-1252, Windows-1251…). Decoding it
as UTF-8 with replacement would publish "Pr\ufffdsident" for "Président";
charset-normalizer instead tries the code pages and keeps the reading with the
least noise. Its first choice among readings of equal noise is arbitrary for
Western text (Windows-1250 reads "à" as "ŕ" as cleanly as Windows-1252 reads
it right), so Windows-1252, the code page of most Western text and a superset
of Latin-1's letters, wins such a tie.

A file that is UTF-8 except for a few stray bytes stays UTF-8: its stray bytes
are replaced, and the warning says where.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from timeline.records import Problem

UTF8 = "utf-8"
WESTERN = "cp1252"  # wins a tie of equal noise, see above
NOISE_TIE = 0.01  # charset-normalizer's "chaos" (0 to 1) within which two readings are equally clean


def decode(data: bytes, shown: str) -> tuple[str, str, list[Problem]]:
    """The text of a file, the encoding it was read with (a Python codec name) and any warning."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError:
            pass
    unmarked = utf16_without_mark(data)
    if unmarked:
        return data.decode(unmarked), unmarked, []
    try:
        return data.decode("utf-8-sig"), UTF8, []
    except UnicodeDecodeError as exc:
        first = exc.start
    replaced = data.decode("utf-8-sig", errors="replace")
    line = data[:first].count(b"\n") + 1
    bad = replaced.count("\ufffd")
    if sum(1 for ch in replaced if ord(ch) > 127) - bad <= bad:  # not a UTF-8 file with a few stray bytes
        found = _detect(data)
        if found is not None:
            encoding, text = found
            return text, encoding, [Problem(shown, f"not UTF-8: read as {encoding} (detected); save the file as "
                                            "UTF-8 to be sure it reads as meant", line, "warning")]
    return replaced, UTF8, [Problem(shown, f"bytes that are not UTF-8 (first at byte {first}); "
                                    "replaced with \ufffd, save the file as UTF-8 to fix", line, "warning")]


def utf16_without_mark(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for a text file saved in UTF-16 without a byte order mark
    (its NUL bytes would otherwise make it binary), else None: the text must decode and be
    mostly ASCII letters, digits, punctuation and spaces, as English text in UTF-16 is."""
    if b"\x00" not in data[:4096] or len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and sum(1 for ch in text if " " <= ch <= "~" or ch in "\n\r\t") >= 0.6 * len(text):
            return codec
    return None


def _detect(data: bytes) -> tuple[str, str] | None:
    """The encoding charset-normalizer finds cleanest (Windows-1252 on a tie) and the text it gives."""
    best = from_bytes(data).best()
    if best is None:
        return None
    western = from_bytes(data, cp_isolation=[WESTERN]).best() if best.encoding != WESTERN else None
    if western is not None and western.chaos <= best.chaos + NOISE_TIE:
        best = western
    return best.encoding, str(best)
