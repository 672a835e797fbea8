"""The parse of one document as plain Python objects, read from spaCy once.

Event extraction walks the dependency tree of every sentence many times over:
a predicate's children, a clause's subtree, the words around a verb. Each step
on spaCy's own objects builds a new Python object and looks its strings up
again, and a subtree is rebuilt, recursively, on every read. ``Parse`` reads
each token once per document and keeps children and subtrees as tuples. Its
tokens and spans answer what event extraction asks of them exactly as spaCy's
do: ``i``, ``text``, ``lower_``, ``lemma_``, ``dep_``, ``pos_``, ``tag_``,
``head``, ``children``, ``subtree``… of a token; ``start``, ``end``, ``text``,
``root``, ``ents``… of a span; indexing, slices, ``sents`` and ``char_span`` of
the document. ``find_happenings`` and ``segments`` take either kind; the
functions they call get a Parse (some read its ``tokens`` list directly).

The temporal engine reads the document's text from the same Parse
(``parse_of`` keeps the last one), and the events free it when done.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from itertools import chain
from typing import TYPE_CHECKING, Any, Iterator, cast, overload

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Token attributes read from spaCy's array, in this order.
_COLUMNS = ("ORTH", "LOWER", "LEMMA", "DEP", "POS", "TAG", "HEAD", "SPACY", "IDX")
# String of each hash seen: the same across vocabularies, and far fewer than tokens.
_STRINGS: dict[int, str] = {}
_MAX_STRINGS = 500_000


def _from_spacy(attribute: str) -> Any:
    """A token attribute read from spaCy's own token, for those seldom asked."""
    return property(lambda token: getattr(token.doc.spacy[token.i], attribute))


class Token:
    """One token: spaCy's attributes as plain values, its head and children as tokens."""

    __slots__ = ("doc", "i", "text", "whitespace_", "idx", "lower_", "lemma_", "dep_", "pos_", "tag_", "head",
                 "children", "_subtree")

    doc: "Parse"
    i: int
    text: str
    whitespace_: str
    idx: int
    lower_: str
    lemma_: str
    dep_: str
    pos_: str
    tag_: str
    head: "Token"
    children: tuple["Token", ...]  # in text order, as spaCy's lefts then rights
    _subtree: "tuple[Token, ...] | None"

    @property
    def subtree(self) -> tuple["Token", ...]:
        """The token and its descendants, in spaCy's order: each left child's
        subtree, the token, each right child's subtree."""
        found = self._subtree
        if found is None:
            found = self._subtree = _subtree(self)
        return found

    @property
    def text_with_ws(self) -> str:
        return self.text + self.whitespace_

    # Read seldom: asked of spaCy's token when needed.
    ent_type_ = _from_spacy("ent_type_")
    is_space = _from_spacy("is_space")
    is_alpha = _from_spacy("is_alpha")
    is_punct = _from_spacy("is_punct")

    @property
    def left_edge(self) -> "Token":
        return self.doc.tokens[self.doc.spacy[self.i].left_edge.i]

    @property
    def right_edge(self) -> "Token":
        return self.doc.tokens[self.doc.spacy[self.i].right_edge.i]

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


def _subtree(token: Token) -> tuple[Token, ...]:
    """Built from the bottom up, so that every descendant's subtree is kept too."""
    order: list[Token] = []  # the token and its descendants with children, parents first
    stack = [token]
    while stack:
        node = stack.pop()
        if node._subtree is None and node.children:
            order.append(node)
            stack.extend(node.children)
    for node in reversed(order):
        out: list[Token] = []
        placed = False
        for child in node.children:
            if not placed and child.i > node.i:
                out.append(node)
                placed = True
            if child._subtree is None:
                out.append(child)  # no children: its subtree is itself
            else:
                out.extend(child._subtree)
        if not placed:
            out.append(node)
        node._subtree = tuple(out)
    return token._subtree or (token,)


class Span:
    """Tokens ``start`` to ``end`` (exclusive) of a parse."""

    __slots__ = ("doc", "start", "end", "label_")

    def __init__(self, doc: "Parse", start: int, end: int, label: str = "") -> None:
        self.doc, self.start, self.end, self.label_ = doc, start, end, label

    @property
    def start_char(self) -> int:
        if self.start < self.end:
            return self.doc.tokens[self.start].idx
        return int(self.doc.spacy[self.start:self.end].start_char)

    @property
    def end_char(self) -> int:
        if self.start < self.end:
            last = self.doc.tokens[self.end - 1]
            return last.idx + len(last.text)
        return int(self.doc.spacy[self.start:self.end].end_char)

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char:self.end_char]

    @property
    def root(self) -> Token:
        """The token nearest the root of its sentence, the first of those
        equally near; a space or punctuation mark without children counts as
        the farthest (spaCy's ``Span.root``)."""
        tokens = self.doc.tokens
        for token in tokens[self.start:self.end]:
            if token.head is token:
                return token
        best, root = len(tokens), None
        for token in tokens[self.start:self.end]:
            if self.start <= token.head.i < self.end:
                continue
            if (token.is_space or token.is_punct) and not token.children:
                steps = len(tokens) - 1
            else:
                steps, up = 0, token
                while up.head is not up and steps < len(tokens):
                    up, steps = up.head, steps + 1
            if steps < best:
                best, root = steps, token
        return tokens[self.start] if root is None else root

    @property
    def ents(self) -> list["Span"]:
        out = []
        ents = self.doc.ents
        for ent in ents[bisect_left(self.doc.ent_starts, self.start):]:  # those starting in the span
            if ent.end > self.end:
                break
            out.append(ent)
        return out

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[Token]:
        return iter(self.doc.tokens[self.start:self.end])

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> "Span": ...

    def __getitem__(self, i: "int | slice") -> "Token | Span":
        if isinstance(i, slice):
            start, end = _slice(len(self), i)
            return Span(self.doc, self.start + start, self.start + end)
        at = self.end + i if i < 0 else self.start + i
        if not self.start <= at < self.end:
            raise IndexError("span index out of range")
        return self.doc.tokens[at]

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


class Parse:
    """A parsed document: its tokens, entities and text."""

    __slots__ = ("spacy", "tokens", "text", "_ents", "_ent_starts", "_spans")

    def __init__(self, doc: "Doc") -> None:
        from spacy.attrs import IDS

        self.spacy = doc
        tokens: list[Token] = []
        array = doc.to_array([IDS[c] for c in _COLUMNS])
        columns = dict(zip(_COLUMNS, array.T.tolist() if len(doc) else [[] for _ in _COLUMNS]))
        # each head's index: its offset is signed, the array unsigned
        heads = (array[:, _COLUMNS.index("HEAD")].view("int64") + range(len(doc))).tolist() if len(doc) else []
        texts = _strings(doc, columns["ORTH"])
        new = Token.__new__
        spaces = [" " if w else "" for w in columns["SPACY"]]
        for i, text, space, lower_, lemma_, dep_, pos_, tag_, at in zip(
                range(len(texts)), texts, spaces,
                *(_strings(doc, columns[c]) for c in ("LOWER", "LEMMA", "DEP", "POS", "TAG")), columns["IDX"]):
            token = new(Token)
            token.doc, token.i, token.idx, token.text, token.whitespace_ = self, i, at, text, space
            token.lower_, token.lemma_, token.dep_, token.pos_, token.tag_ = lower_, lemma_, dep_, pos_, tag_
            token._subtree = None
            tokens.append(token)
        children: dict[int, list[Token]] = {}
        for token, head in zip(tokens, heads):
            token.head = tokens[head]
            if head != token.i:
                children.setdefault(head, []).append(token)
        for token in tokens:
            kids = children.get(token.i)
            token.children = () if kids is None else tuple(kids)
        self.tokens = tokens
        self.text = "".join(chain.from_iterable(zip(texts, spaces)))
        self._ents: list[Span] | None = None
        self._ent_starts: list[int] = []
        self._spans: dict[tuple[int, int, str], Span | None] = {}

    def release(self) -> None:
        """Undo the references between tokens (heads, children, subtrees and
        the document), so that the parse is freed as soon as it is dropped
        instead of waiting for the garbage collector, which would otherwise
        walk every token of every document read."""
        for token in self.tokens:
            token.head = token.children = token._subtree = None  # type: ignore[assignment]
        self.tokens = []
        self._ents, self._ent_starts = [], []
        self._spans = {}

    @property
    def ents(self) -> list[Span]:
        """The named entities, read from spaCy's document when first asked."""
        if self._ents is None:
            self._ents = _entities(self, self.spacy)
            self._ent_starts = [e.start for e in self._ents]
        return self._ents

    @property
    def ent_starts(self) -> list[int]:
        """Where each of ``ents`` starts."""
        self.ents  # noqa: B018 - read them if not yet read
        return self._ent_starts

    @property
    def sents(self) -> Iterator[Span]:
        for sentence in self.spacy.sents:
            yield Span(self, sentence.start, sentence.end)

    def char_span(self, start: int, end: int, alignment_mode: str = "strict") -> Span | None:
        """The tokens of characters ``start`` to ``end``, as spaCy aligns them;
        remembered, since every mention and time expression is asked for again
        by each clause that holds it."""
        key = (start, end, alignment_mode)
        if key in self._spans:
            return self._spans[key]
        found = self.spacy.char_span(start, end, alignment_mode=alignment_mode)
        span = self._spans[key] = None if found is None else Span(self, found.start, found.end)
        return span

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> Span: ...

    def __getitem__(self, i: "int | slice") -> "Token | Span":
        if isinstance(i, slice):
            return Span(self, *_slice(len(self.tokens), i))
        return self.tokens[i]


def _strings(doc: "Doc", keys: list[int]) -> list[str]:
    """The strings of a column of hashes."""
    found = list(map(_STRINGS.get, keys))
    if None not in found:
        return cast("list[str]", found)  # every hash was known
    if len(_STRINGS) > _MAX_STRINGS:
        _STRINGS.clear()
    strings = doc.vocab.strings
    for key in set(keys).difference(_STRINGS):
        _STRINGS[key] = strings[key]
    return list(map(_STRINGS.__getitem__, keys))


def parse_of(doc: "Doc | Parse") -> Parse:
    """``doc`` read into plain objects once for all the stages that read it
    (the temporal engine for its text, the events): the parse of the last
    document is kept while it is that same object, with as many tokens, and
    it gets the document's entities as they are now. A Parse stays as it is."""
    if isinstance(doc, Parse):
        return doc
    last = getattr(_LAST, "parse", None)
    if last is not None and last.spacy is doc and last.tokens and len(last.tokens) == len(doc):
        last._ents = None  # read again when asked: they may have changed since
        return last
    if last is not None:
        last.release()
    parse = _LAST.parse = Parse(doc)
    return parse


def forget(parse: Parse) -> None:
    """Free ``parse`` now, and read its document again if asked."""
    if getattr(_LAST, "parse", None) is parse:
        _LAST.parse = None
        parse.release()


# The parse of the last document read, for each thread that reads.
_LAST = threading.local()


def _entities(parse: Parse, doc: "Doc") -> list[Span]:
    return [Span(parse, e.start, e.end, e.label_) for e in doc.ents]


def _slice(length: int, i: slice) -> tuple[int, int]:
    """spaCy's reading of a slice: no step, bounds clipped, never reversed."""
    if i.step not in (None, 1):
        raise ValueError("a span takes no step")
    start = 0 if i.start is None else i.start + length if i.start < 0 else i.start
    start = min(length, max(0, start))
    stop = length if i.stop is None else i.stop + length if i.stop < 0 else i.stop
    return start, min(length, max(start, stop))
