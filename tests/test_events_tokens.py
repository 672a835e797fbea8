"""The parse read once into plain objects answers as spaCy's own objects do."""

from __future__ import annotations

import pytest

from timeline.extract.events.tokens import Parse

from conftest import EXAMPLE

TOKEN_ATTRIBUTES = ("i", "text", "whitespace_", "text_with_ws", "idx", "lower_", "lemma_", "dep_", "pos_", "tag_",
                    "ent_type_", "is_space", "is_alpha", "is_punct")


@pytest.fixture(scope="module")
def docs(nlp):  # type: ignore[no-untyped-def]
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.md"))[:4]]
    texts.append("Talks ended .\n\nThe ministers , who met on Monday , said nothing ; “ No , ” he said .  Done")
    return [nlp(text) for text in texts]


def test_tokens_read_as_spacy_reads_them(docs) -> None:  # type: ignore[no-untyped-def]
    for doc in docs:
        parse = Parse(doc)
        assert parse.text == doc.text and len(parse) == len(doc)
        for mine, theirs in zip(parse, doc):
            assert [getattr(mine, a) for a in TOKEN_ATTRIBUTES] == [getattr(theirs, a) for a in TOKEN_ATTRIBUTES]
            assert mine.head.i == theirs.head.i and len(mine) == len(theirs)
            assert [t.i for t in mine.children] == [t.i for t in theirs.children]
            assert [t.i for t in mine.subtree] == [t.i for t in theirs.subtree]
            assert (mine.left_edge.i, mine.right_edge.i) == (theirs.left_edge.i, theirs.right_edge.i)
        assert [(s.start, s.end) for s in parse.sents] == [(s.start, s.end) for s in doc.sents]
        assert [(e.start, e.end, e.label_) for e in parse.ents] == [(e.start, e.end, e.label_) for e in doc.ents]


def test_spans_read_as_spacy_reads_them(docs) -> None:  # type: ignore[no-untyped-def]
    for doc in docs:
        parse = Parse(doc)
        for start in range(len(doc)):
            for end in range(start, min(len(doc), start + 12) + 1):
                mine, theirs = parse[start:end], doc[start:end]
                assert (mine.start, mine.end, mine.start_char, mine.end_char, mine.text) == (
                    theirs.start, theirs.end, theirs.start_char, theirs.end_char, theirs.text)
                assert [(e.start, e.end) for e in mine.ents] == [(e.start, e.end) for e in theirs.ents]
                if end > start:
                    # spaCy's root puts a bare punctuation mark or space last among equals
                    assert mine.root.i == theirs.root.i, (start, end)
                    assert (mine[0].i, mine[-1].i) == (theirs[0].i, theirs[-1].i)
                    assert (mine[1:-1].start, mine[1:-1].end) == (theirs[1:-1].start, theirs[1:-1].end)
        for start in range(0, len(doc.text), 7):
            for end in (start, start + 3, start + 20):
                mine, theirs = parse.char_span(start, end, "expand"), doc.char_span(start, end, alignment_mode="expand")
                assert (mine is None and theirs is None) or (mine.start, mine.end) == (theirs.start, theirs.end)


def test_a_released_parse_holds_no_tokens(docs) -> None:  # type: ignore[no-untyped-def]
    parse = Parse(docs[-1])
    token = parse[3]
    parse.release()
    assert parse.tokens == [] and token.head is None and token.children is None


def test_the_stages_share_one_reading_of_a_document(docs) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span as SpacySpan

    from timeline.extract.events.tokens import forget, parse_of

    doc, other = docs[-1].copy(), docs[0]
    first = parse_of(doc)
    assert parse_of(doc) is first and parse_of(first) is first
    doc.set_ents([SpacySpan(doc, 0, 1, label="ORG")])  # the entities may change between stages
    assert parse_of(doc) is first and [(e.start, e.end, e.label_) for e in first.ents] == [(0, 1, "ORG")]
    assert parse_of(other) is not first and first.tokens == []  # another document: the last one is freed
    again = parse_of(doc)
    forget(again)
    assert again.tokens == [] and parse_of(doc) is not again
