"""Names that are no actors of the story: bare generic nouns ("Civilians",
"Police"), news outlets serving as the source of what is reported ("CNN
reported", "told Reuters", "(AP)", "a BBC correspondent") and the people who
report for them ("CNN's Anderson Cooper"). The vocabularies
are data (``actor_filters.yaml``); an outlet the story is about, acting or
acted on by a verb that is not one of reporting ("the BBC apologised",
"regulators fined the network's owner"), stays an actor."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.actors.names import fold

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Where an outlet acts or is acted on: its head verb then tells whether it is a source.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})
_OWNING = frozenset({"'s", "’s", "'", "’"})
_BRACKETS = {"(": ")", "[": "]", "-LRB-": "-RRB-", "-LSB-": "-RSB-"}


@dataclass(frozen=True)
class Filters:
    generic: frozenset[str]
    outlets: dict[str, str]  # fold(any spelling) → the outlet's name
    source_verbs: frozenset[str]
    source_nouns: frozenset[str]
    reporter_nouns: frozenset[str]
    outlet_kinds: tuple[str, ...] = ()
    mastheads: frozenset[str] = frozenset()
    media: frozenset[str] = frozenset()
    stance_prefixes: frozenset[str] = frozenset()
    masthead_openers: frozenset[str] = frozenset()

    def is_stance(self, text: str) -> bool:
        """"pro-Taliban", "anti-Western": a stance towards a name, not the name."""
        prefix, dash, rest = text.partition("-")
        # one word after it: "pro-Musharraf Pakistan Muslim League-Q" is a name the stance was run into
        return bool(dash and rest.strip()) and " " not in rest.strip() and prefix.strip() in self.stance_prefixes

    def is_generic(self, name: str) -> bool:
        """A common noun naming nobody in particular: "Civilians", "the police"."""
        return fold(name) in self.generic

    def is_outlet(self, name: str) -> bool:
        """An outlet by any of its names, also with what it is after it ("AFP news agency")."""
        folded = fold(name)
        if folded in self.outlets:
            return True
        if any(folded.endswith(" " + kind) and folded[:-len(kind) - 1] in self.outlets for kind in self.outlet_kinds):
            return True
        # an outlet no list names, by its shape: "The Beijing Times", "the Xinhua state news agency"
        words = folded.split()
        # or opening with when it comes out: "the Sunday Nation", "the Evening Standard"
        return len(words) > 1 and (words[-1] in self.mastheads or words[0] in self.masthead_openers
                                   or any(folded.endswith(" " + m) for m in self.media))

    def names_outlet(self, span: "Span") -> bool:
        """A name told as an outlet by the noun beside it ("told Caravan magazine", "the
        extremist Web site al-Hesbah", "the newspaper City Press") or by its apposition
        ("ProPublica, a non-profit newsroom")."""
        doc = span.doc
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        two_before = doc[max(span.start - 2, 0):span.start].text.lower()
        if after in self.media or before in self.media or two_before in self.media:
            return True  # "told the Karachi news agency News Network International"
        # "ProPublica, an independent newsroom": what its apposition says it is, wherever the parse hung it
        if after != ",":
            return False
        following = doc[span.end + 1:min(span.end + 9, len(doc))]
        noun = next((t for t in following if t.dep_ == "appos" or t.pos_ in ("VERB", "AUX")), None)
        return noun is not None and noun.dep_ == "appos" and noun.lemma_.lower() in self.media

    def is_source(self, span: "Span", person: bool = False) -> bool:
        """Whether the outlet (or, with ``person``, the reporter) named by
        ``span`` serves as the source of what is reported rather than acting
        in it: anything but the subject or object of a verb other than one of
        reporting."""
        doc = span.doc
        if _bracketed(span):
            return True  # "(AP)", "( CNN )": a credit
        root = span.root
        while person and root.dep_ == "appos" and root.head.i != root.i:
            root = root.head  # "jailed the journalist Peter Greste": the noun it stands beside
        if root.dep_ not in _ARGUMENTS:
            return True  # "according to Reuters", "a CNN reporter", "the BBC's Frank Gardner", a byline
        head = root.head
        if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in self.source_verbs:
            return True  # "CNN reported", "Reuters learned", "told the BBC"
        # "CNN's reporter said", "an AP count": a noun of reporting beside the name
        after = doc[span.end] if span.end < len(doc) else None
        return after is not None and after.lemma_.lower() in self.source_nouns


    def reports_for_an_outlet(self, span: "Span") -> bool:
        """Whether the person named by ``span`` is named as an outlet's own reporter: "the
        BBC's Matthew Price", "Jeff Gerth of ProPublica", "BBC correspondent Andrew Harding".
        Such a person, named again in the article, is still its reporter ("Matthew Price
        visited a hospital"): unlike "host" or "editor" alone, the outlet leaves no doubt."""
        doc = span.doc
        if not self.is_reporter(span):
            return False
        if span.start < 2:
            return span.end < len(doc) and doc[span.end].lower_ == "of"
        before = doc[span.start - 1]
        if before.text in _OWNING:
            return True
        return before.lemma_.lower() in self.reporter_nouns and self._outlet_ending_at(span.start - 2, span)

    def is_reporter(self, span: "Span") -> bool:
        """Whether the person named by ``span`` is named as one who reports:
        after a reporter's title ("BBC correspondent Andrew Harding") or an
        outlet's possessive ("CNN's Anderson Cooper"), or before "of" and an outlet
        ("Jeff Gerth of ProPublica"), or as the owner of a blog ("follow him on
        Mark Tran's liveblog")."""
        doc = span.doc
        if span.end + 1 < len(doc) and doc[span.end].text in _OWNING and fold(doc[span.end + 1].text) in self.media:
            return True
        if span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
            outlet = next((e for e in doc.ents if e.start == span.end + 1), None)
            if outlet is not None and (self.is_outlet(outlet.text) or self.names_outlet(outlet)):
                return True  # "Jeff Gerth of ProPublica": who reports for it
        if span.start == 0:
            return False
        before = doc[span.start - 1]
        if before.lemma_.lower() in self.reporter_nouns:
            return True
        if before.text not in _OWNING or span.start < 2:
            return False
        return self._outlet_ending_at(span.start - 2, span)

    def _outlet_ending_at(self, last: int, span: "Span") -> bool:
        """Whether the name that ends at token ``last`` of ``span``'s document is an outlet."""
        doc = span.doc
        start = last
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        return self.is_outlet(doc[start:last + 1].text)


def _bracketed(span: "Span") -> bool:
    doc = span.doc
    before: Token | None = doc[span.start - 1] if span.start > 0 else None
    after: Token | None = doc[span.end] if span.end < len(doc) else None
    return before is not None and after is not None and _BRACKETS.get(before.text) == after.text


@lru_cache(maxsize=1)
def load_filters() -> Filters:
    data = load_data("actor_filters.yaml") or {}
    outlets: dict[str, str] = {}
    for forms in data.get("outlets") or []:
        forms = [str(f) for f in forms] if isinstance(forms, list) else [str(forms)]
        for form in forms:
            outlets.setdefault(fold(form), forms[0])
    return Filters(
        generic=frozenset(fold(str(w)) for w in data.get("generic_nouns") or []),
        outlets=outlets,
        source_verbs=frozenset(str(w).lower() for w in data.get("source_verbs") or []),
        source_nouns=frozenset(str(w).lower() for w in data.get("source_nouns") or []),
        reporter_nouns=frozenset(str(w).lower() for w in data.get("reporter_nouns") or []),
        outlet_kinds=tuple(fold(str(w)) for w in data.get("outlet_kinds") or []),
        mastheads=frozenset(fold(str(w)) for w in data.get("masthead_words") or []),
        media=frozenset(fold(str(w)) for w in data.get("media_nouns") or []),
        stance_prefixes=frozenset(str(w) for w in data.get("stance_prefixes") or []),
        masthead_openers=frozenset(fold(str(w)) for w in data.get("masthead_openers") or []),
    )
