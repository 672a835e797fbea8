"""The store's one YAML emitter writes what PyYAML's safe loader reads back as it was, on any text."""

from __future__ import annotations

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline.store.emitter import dump_mappings, is_plain, mapping_lines, scalar

# Any text a file can hold: no lone surrogates (not encodable), no NUL (refused by the store).
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
TRICKY = st.sampled_from([
    "", " ", "yes", "No", "ON", "null", "~", "1e3", "1.0", "0x1F", "0o17", "012", "1_000", "190:20:30", ".inf",
    "-.nan", "2022-02-12", "2022-2-1", "2022-02-12 10:00", "2022-02-12t10:00:00Z", "2022-02-12-call",
    "- leading", "? q", ": c", "a: b", "a #b", "a#b", "a:", "a:b", "#x", "&anchor", "*alias", "!tag", "|", ">",
    "'single'", '"double"', "%dir", "@at", "`tick", "[x]", "{y}", "a, b", "tab\there", "line\nbreak",
    "cr\rx", "x\x85y", "x\u2028y", "\ufeffbom", "ü", "日本", "😀", "trailing ", " leading", "a  b", "<<", "=",
    "---", "...", "a\\b", "\x7f", "\x1b[0m", "Joe Biden", "2022-02-12-",
])
STRINGS = st.one_of(TRICKY, TEXT, st.builds(lambda a, b: a + b, TRICKY, TEXT))
SCALARS = st.one_of(STRINGS, st.none(), st.booleans(), st.integers(-10**6, 10**6),
                    st.floats(allow_nan=False, allow_infinity=True))
FLAT = st.dictionaries(st.sampled_from(["name", "kind", "article", "quote", "rule", "value"]), SCALARS, max_size=4)
VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=3), st.lists(FLAT.filter(bool), max_size=3), FLAT)
EVENTS = st.lists(st.dictionaries(st.sampled_from(["id", "title", "summary", "actors", "sources", "evidence",
                                                   "importance", "hidden", "aliases", "date"]),
                                  VALUES, min_size=1, max_size=6), max_size=4)


@settings(max_examples=600, deadline=None)
@given(STRINGS)
@example("2022-02-12-biden-and-putin-hold-call-3fa9c1")
def test_every_string_reads_back_as_itself(text: str) -> None:
    written = scalar(text)
    assert "\n" not in written
    assert yaml.safe_load(f"key: {written}\n") == {"key": text}
    assert yaml.safe_load(f"- {written}\n") == [text]


@settings(max_examples=300, deadline=None)
@given(EVENTS)
def test_a_store_file_reads_back_the_same_with_pyyaml(events: list) -> None:
    assert yaml.safe_load(dump_mappings(events)) == events


@settings(max_examples=200, deadline=None)
@given(st.lists(FLAT.filter(bool), max_size=4))
def test_the_registry_layout_reads_back_the_same(rows: list) -> None:
    """A top mapping holding a list of mappings, as actors.yaml is."""
    lines: list[str] = []
    mapping_lines({"actors": rows}, "", "", lines)
    assert yaml.safe_load("\n".join(lines) + "\n") == {"actors": rows}


def test_plain_only_where_it_cannot_mean_anything_else() -> None:
    assert is_plain("Joe Biden") and is_plain("2022-02-12-call-3fa9c1") and is_plain("a:b")
    for text in ("yes", "null", "1e3", "2022-02-12", "- x", "a: b", "a #b", "a:", "'q'", "", " x"):
        assert not is_plain(text), text
