"""spaCy component that corrects the statistical NER with the project's gazetteer.

It runs after ``ner`` rather than before it: a gazetteer match inside a longer
name the tagger found ("Washington Mutual", "Bank of England") must not break
that name, while a match that the tagger labelled wrongly ("Kiev" as a person,
"Crimea" as an organisation) or missed is set right. It also applies cheap
rules on the tagger's own output: possessives are cut off ("Macron's"), a
name after a title is a person ("Chancellor Olaf Scholz"), a word that is a
person's surname elsewhere in the text is that person ("Hanna"), and a title
that the tagger took for an organisation ("US National Security Advisor") is
dropped.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Iterable

from timeline.extract.actors.gazetteer import Gazetteer, load_gazetteer
from timeline.extract.actors.institutions import positions
from timeline.extract.actors.names import fold
from timeline.extract.actors.particles import join_particle_names

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

COMPONENT = "actor_gazetteer"
_POSSESSIVES = {"'s", "’s", "'", "’"}
_PERSONLIKE = {"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC"}


class ActorGazetteer:
    """Matches gazetteer names and merges them with the tagger's entities."""

    def __init__(self, nlp: "Language", gazetteer: Gazetteer) -> None:
        from spacy.matcher import PhraseMatcher

        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, list[str]] = {}
        for label, text in gazetteer.patterns:
            by_label.setdefault(label, []).append(text)
        for label, texts in by_label.items():
            # spaCy types ``tokenizer`` as any callable; the pipeline's is a Tokenizer, which has ``pipe``
            self.matcher.add(label, list(nlp.tokenizer.pipe(sorted(set(texts)))))  # type: ignore[union-attr]
        # Only the capitalised words of titles: "of" and "the" (from "Secretary
        # of State") would make "the Beijing Winter Olympics" a title.
        self.title_words = {fold(w) for title in gazetteer.titles for w in title.split() if w[:1].isupper()}
        self.title_words |= gazetteer.title_prefixes | gazetteer.portfolio_heads | gazetteer.office_words
        self.not_people = gazetteer.organisation_heads | gazetteer.place_heads

    def __call__(self, doc: "Doc") -> "Doc":
        from spacy.tokens import Span
        from spacy.util import filter_spans

        matches = filter_spans(
            Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)
        )
        trimmed = [_trim(e) for e in doc.ents]
        ents = [e for e in trimmed if e is not None]
        ents = _merge_matches(ents, matches)
        ents = join_particle_names(doc, ents, self.gazetteer.particles)
        ents = self._person_rules(doc, _join_fragments(ents, self.gazetteer))
        ents = [self._prefixed_org(e) for e in ents]
        ents = self._untagged_surnames(doc, [self._whole_name(e) for e in ents])
        ents = self._towns_in_a_list(doc, self._named_by_noun(doc, ents))
        doc.set_ents(filter_spans(ents))
        return doc

    def _prefixed_org(self, ent: "Span") -> "Span":
        """"Air" + "China": an airline, not the country."""
        from spacy.tokens import Span

        if ent.label_ in ("GPE", "NORP", "LOC") and ent.start > 0 and not ent.doc[ent.start - 1].ent_type_ \
                and ent.doc[ent.start - 1].text in self.gazetteer.organisation_prefixes:
            return Span(ent.doc, ent.start - 1, ent.end, label="ORG")
        return ent

    def _whole_name(self, ent: "Span") -> "Span":
        """A person's name the tagger cut short: "Michael O" before "' Leary"
        (an Irish name in spaced-out text), "Syafii Djamal" after the given name
        "Jusman" that the tagger left out."""
        if ent.label_ != "PERSON":
            return ent
        doc = ent.doc
        start, end = ent.start, ent.end
        if end + 1 < len(doc) and len(doc[end - 1].text) == 1 and doc[end - 1].text in "ODL" \
                and doc[end].text in ("'", "’") and doc[end + 1].is_title:
            end += 2
        if start > 0 and end - start in (2, 3) and self._bare_given_name(doc[start - 1]):
            start -= 1
        return _span(ent, start, end) if (start, end) != (ent.start, ent.end) else ent

    def _bare_given_name(self, tok: "Token") -> bool:
        """A capitalised proper noun outside every entity that is no title,
        honorific, place or nationality: the first of three names."""
        key = fold(tok.text)
        return tok.tag_ == "NNP" and tok.is_title and tok.is_alpha and not tok.ent_type_ \
            and key not in self.title_words and key not in self.gazetteer.honorifics \
            and self.gazetteer.place(tok.text) is None and key not in self.gazetteer.demonyms

    def _named_by_noun(self, doc: "Doc", ents: list["Span"]) -> list["Span"]:
        """Proper nouns the tagger left out, typed by a common noun beside
        them ("its European division, Opel"; "carmaker Opel"; "the city of
        Wixom"); their other bare occurrences take the same type."""
        from spacy.tokens import Span

        taken = {i for e in ents for i in range(e.start, e.end)}
        label_of: dict[str, str] = {}
        proper = [doc[i] for i in positions(doc, "TAG", ("NNP",))]
        for tok in proper:
            if tok.i in taken or not self._bare_name(tok) or tok.text in label_of:
                continue
            label = self._noun_label(tok)
            if label:
                label_of[tok.text] = label
        if not label_of:
            return ents
        extra = [Span(doc, t.i, t.i + 1, label=label_of[t.text]) for t in proper
                 if t.text in label_of and t.i not in taken and self._bare_name(t)]
        return _sorted(ents + extra)

    def _towns_in_a_list(self, doc: "Doc", ents: list["Span"]) -> list["Span"]:
        """Known towns named together are places, whatever the tagger made of
        each ("Donetsk and Luhansk", "Mariupol and Kherson"), and so is a
        town before a place noun ("the Luhansk region"); a word that is some
        person's surname in the text stays that person."""
        from spacy.tokens import Span

        people = {fold(e[-1].text) for e in ents if e.label_ == "PERSON" and len(e) > 1}
        label = {e.start: e for e in ents if len(e) == 1}
        inside = {i for e in ents if len(e) > 1 for i in range(e.start, e.end)}  # "Union" of "European Union"

        def town(tok: "Token") -> bool:
            return tok.tag_ == "NNP" and tok.i not in inside and fold(tok.text) not in people \
                and self.gazetteer.place(tok.text) is not None \
                and (tok.i not in label or label[tok.i].label_ in ("PERSON", "ORG", "GPE", "LOC"))

        towns: set[int] = set()
        # Every rule below asks town() of the token itself, which wants a proper noun.
        for tok in map(doc.__getitem__, positions(doc, "TAG", ("NNP",))):
            # Read on the surface as well: the small parser often misses the
            # coordination ("Donetsk and Luhansk people's republics").
            other = doc[tok.i - 2] if tok.i >= 2 and doc[tok.i - 1].lower_ in ("and", "or", ",") else None
            if other is not None and town(tok) and town(other):
                towns |= {tok.i, other.i}
            elif tok.dep_ == "conj" and town(tok) and town(tok.head):
                towns |= {tok.i, tok.head.i}
            elif tok.dep_ in ("compound", "nmod") and town(tok) and fold(tok.head.lemma_) in self.gazetteer.place_nouns:
                towns.add(tok.i)
        changed = [i for i in towns if i not in label or label[i].label_ in ("PERSON", "ORG")]
        if not changed:
            return ents
        kept = [e for e in ents if not any(e.start <= i < e.end for i in changed)]
        return _sorted(kept + [Span(doc, i, i + 1, label="GPE") for i in changed])

    def _bare_name(self, tok: "Token") -> bool:
        # One capitalised proper noun standing alone: runs of them are the
        # tagger's business, and a sentence's first word is capitalised anyway.
        doc = tok.doc
        return tok.tag_ == "NNP" and tok.is_alpha and tok.text[0].isupper() and not tok.is_sent_start \
            and not (tok.i > 0 and doc[tok.i - 1].tag_ == "NNP") \
            and not (tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "NNP") \
            and fold(tok.text) not in self.title_words and self.gazetteer.lookup(tok.text) is None

    def _noun_label(self, tok: "Token") -> str | None:
        """ORG or GPE from the words around a bare name. Read on the surface,
        not the parse: the small parser attaches an apposition after a comma
        almost anywhere."""
        doc = tok.doc
        before = [t for t in doc[max(0, tok.i - 2):tok.i]]
        nouns: list[Token] = []
        if before and before[-1].pos_ == "NOUN":
            nouns.append(before[-1])  # "carmaker Opel"
        elif len(before) == 2 and before[1].text == "," and before[0].pos_ == "NOUN":
            nouns.append(before[0])  # "its European division, Opel"
        elif len(before) == 2 and before[1].lower_ == "of" and fold(before[0].lemma_) in self.gazetteer.place_nouns:
            return "GPE"  # "the town of Wixom"
        if tok.i + 2 < len(doc) and doc[tok.i + 1].text == ",":
            for t in doc[tok.i + 2:tok.i + 6]:  # "Opel, the German carmaker,"
                if t.pos_ == "NOUN":
                    nouns.append(t)
                    break
                if t.pos_ not in ("DET", "ADJ", "PROPN"):
                    break
        for noun in nouns:
            lemma = fold(noun.lemma_)
            if lemma in self.gazetteer.organisation_nouns:
                return "ORG"
            if lemma in self.gazetteer.place_nouns:
                return "GPE"
        return None

    def _untagged_surnames(self, doc: "Doc", ents: list["Span"]) -> list["Span"]:
        """A person's surname that the tagger missed later in the text
        ("quoted Djamal as saying") is that person again."""
        from spacy.tokens import Span

        surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].is_title}
        if not surnames:
            return ents
        taken = {i for e in ents for i in range(e.start, e.end)}
        bare = map(doc.__getitem__, positions(doc, "ORTH", surnames))
        extra = [Span(doc, t.i, t.i + 1, label="PERSON") for t in bare
                 if t.text in surnames and t.i not in taken and t.tag_ == "NNP"
                 and not (t.i + 1 < len(doc) and doc[t.i + 1].tag_ == "NNP")]
        return _sorted(ents + extra) if extra else ents

    def _person_rules(self, doc: "Doc", ents: list["Span"]) -> list["Span"]:
        from spacy.tokens import Span

        # News calls people by their surname, companies by their first word:
        # "Lockheed Martin" (tagged a person) then "Lockheed" (an organisation).
        single_orgs = {fold(e.text) for e in ents if e.label_ == "ORG" and len(e) == 1}
        ents = [
            Span(doc, e.start, e.end, label="ORG")
            if e.label_ == "PERSON" and len(e) == 2 and fold(e[0].text) in single_orgs else e
            for e in ents
        ]
        people = [e for e in ents if e.label_ == "PERSON" and len(e) > 1]
        surnames = {fold(e[-1].text) for e in people} | {fold(e.text) for e in people}
        person_starts = {e.start for e in ents if e.label_ == "PERSON"}
        out: list[Span] = []
        for ent in ents:
            if ent.label_ in _PERSONLIKE:
                kept = self._before_person(ent, person_starts)
                if kept is None:
                    continue  # "US National Security" (Adviser) before "Jake Sullivan"
                if kept is not ent:
                    out.append(kept)  # "Pentagon" of "Pentagon Press" (Secretary) "John Kirby"
                    continue
            lead = 0
            while lead < len(ent) - 1 and fold(ent[lead].text) in self.title_words:
                lead += 1
            if ent.label_ in _PERSONLIKE and 0 < lead and len(ent) - lead in (2, 3) and \
                    all(t.is_title for t in ent[lead:]) and fold(ent[-1].text) not in self.not_people:
                out.append(Span(doc, ent.start + lead, ent.end, label="PERSON"))  # "Spokeswoman Sandy Angers"
                continue
            if ent.label_ in _PERSONLIKE and not self.gazetteer.lookup(ent.text):
                parts = [t for t in ent if t.text not in "-–"]
                if fold(ent.text) in surnames or (
                    len(ent) in (2, 3) and ent.start > 0 and fold(doc[ent.start - 1].text) in self.title_words
                    and all(t.is_title for t in ent)
                ):
                    out.append(Span(doc, ent.start, ent.end, label="PERSON"))
                    continue
                if len(parts) > 1 and len(parts) < len(ent) and all(fold(t.text) in surnames for t in parts):
                    out.extend(Span(doc, t.i, t.i + 1, label="PERSON") for t in parts)  # "Biden-Putin"
                    continue
            out.append(ent)
        return out

    def _before_person(self, ent: "Span", person_starts: set[int]) -> "Span | None":
        """``ent`` without the title it holds when a person's name follows:
        a country word or nothing before title words up to the name, whatever
        the tagger cut off ("US National Security" + "Adviser" + "Jake
        Sullivan"), is no actor (None); a known organisation before them
        ("Pentagon Press" + "Secretary") is that organisation. ``person_starts``:
        where the names of people begin."""
        doc = ent.doc
        end = ent.end
        while end < len(doc) and doc[end].is_title and fold(doc[end].text) in self.title_words:
            end += 1
        if end not in person_starts:
            return ent
        first = next((t.i for t in ent if fold(t.text) in self.title_words), None)
        if first is None:
            whole_title = end > ent.end and self.gazetteer.country_of_adjective(ent.text) is not None
            return None if whole_title else ent
        if not all(fold(t.text) in self.title_words or t.lower_ in ("of", "the") for t in doc[first:ent.end]):
            return ent
        head = doc[ent.start:first]
        if first == ent.start or self.gazetteer.country_of_adjective(head.text) is not None:
            return None
        entry = self.gazetteer.lookup(head.text)
        return _span(ent, ent.start, first) if entry is not None and entry.kind == "organisation" else ent


def _join_fragments(ents: list["Span"], gazetteer: Gazetteer) -> list["Span"]:
    """An organisation name split in two by the tagger ("Lockheed" ORG +
    "Martin" PERSON, with nothing between) is one organisation."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "ORG" and len(prev) == 1 and len(ent) == 1 \
                and ent.start == prev.end and ent.label_ in ("PERSON", "PRODUCT", "ORG") \
                and prev[0].is_title and ent[0].is_title \
                and not gazetteer.lookup(prev.text) and not gazetteer.lookup(ent.text):
            out[-1] = _span(prev, prev.start, ent.end)
            continue
        out.append(ent)
    return out


def _trim(ent: "Span") -> "Span | None":
    """Cut a trailing possessive off an entity ("Macron’s" → "Macron")."""
    end = ent.end
    while end > ent.start and ent.doc[end - 1].text in _POSSESSIVES:
        end -= 1
    if end == ent.end:
        return ent
    return _span(ent, ent.start, end) if end > ent.start else None


def _span(ent: "Span", start: int, end: int) -> "Span":
    from spacy.tokens import Span

    return Span(ent.doc, start, end, label=ent.label_)


def _merge_matches(ents: list["Span"], matches: list["Span"]) -> list["Span"]:
    """Put the gazetteer matches, one after the other, among the entities.

    A longer entity that contains a match keeps its name and label, unless
    it is only the match with a leading "the"; any other overlap gives way.
    The entities never overlap and stay in text order, so those a match
    overlaps are found by bisection.
    """
    ents = list(ents)
    starts, ends = [e.start for e in ents], [e.end for e in ents]
    for match in matches:
        lo, hi = bisect_right(ends, match.start), bisect_left(starts, match.end)
        if not any(_keeps(ent, match) for ent in ents[lo:hi]):
            ents[lo:hi], starts[lo:hi], ends[lo:hi] = [match], [match.start], [match.end]
    return ents


def _keeps(ent: "Span", match: "Span") -> bool:
    """Whether an entity overlapping a match keeps its place."""
    if not (ent.start <= match.start and match.end <= ent.end and len(ent) > len(match)):
        return False
    extra = [t for t in ent if not (match.start <= t.i < match.end)]
    return not all(t.lower_ == "the" for t in extra) or ent.label_ == match.label_ or (
        ent.label_ in ("GPE", "LOC") and match.label_ in ("GPE", "LOC"))


def _sorted(ents: Iterable["Span"]) -> list["Span"]:
    return sorted(ents, key=lambda e: (e.start, -e.end))


def add_actor_ruler(nlp: "Language") -> None:
    """Add the gazetteer-backed entity corrector to ``nlp`` (after ``ner``)."""
    from spacy.language import Language

    if COMPONENT in nlp.pipe_names:
        return
    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, func=lambda nlp, name: ActorGazetteer(nlp, load_gazetteer()))
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner")
    else:
        nlp.add_pipe(COMPONENT, last=True)
