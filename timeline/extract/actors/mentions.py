"""Canonical actor mentions of one article: a pure function of the parsed doc
(and, when given, the registry)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from timeline.extract.actors import coreference, joined
from timeline.extract.actors.capitals import acts_as_government
from timeline.extract.actors.conjuncts import misread_people
from timeline.extract.actors.context import noun_references, spread_people
from timeline.extract.actors.filters import load_filters
from timeline.extract.actors.found import Found
from timeline.extract.actors.gazetteer import Entry, Gazetteer, load_gazetteer
from timeline.extract.actors.groups import qualified_groups
from timeline.extract.actors.institutions import find_institutions, load_institutions
from timeline.extract.actors.names import clean_surface, fold
from timeline.extract.actors.roles import role_of, title_length
from timeline.extract.actors.run_in import common_word, common_words, without_run_in
from timeline.extract.actors.shape import load_shape, name_span
from timeline.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from timeline.extract.actors.registry import Registry

KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}
_DETERMINERS = {"the", "a", "an"}
_POSSESSIVES = {"'s", "’s", "'", "’"}
_FLIGHT = re.compile(r"\s+Flight(?:\s+\d+\w*)?$")
_LETTER = re.compile(r"[^\W\d_]")
# How a reporter the story is about takes part: "police detained X", "X was expelled".
_UNDERGOING = frozenset({"dobj", "nsubjpass"})
_WORD_CHARS = re.compile(r"\W")  # what a name is without spaces and marks: "C" is one character
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*")


def find_mentions(doc: "Doc", registry: "Registry | None" = None, seen: str | None = None) -> list[Mention]:
    """Every actor mention of ``doc`` under its canonical name, in text order.

    Titles, honorifics, possessives and leading articles are stripped; a later
    short form takes the earlier full name ("Biden" → Joe Biden); a capital
    acting is its country; the registry, when given, has the last word on
    names and kinds, and hides the actors a maintainer hid.
    """
    gaz = load_gazetteer()
    # A name that the text shows to be a thing once ("the Nord Stream 2 gas
    # pipeline") is that thing wherever the article repeats it.
    # Known names and nationalities ("the UK index", "the British stock index") are never things.
    ents = joined.units_and_craft([e for e in doc.ents if e.label_ in KINDS])
    ents = joined.nationality_led(ents, gaz.organisation_heads)
    ents = joined.hyphen_joined(_joined(joined.comma_parted(ents), gaz), gaz.organisation_heads)
    things = {fold(clean_surface(e.text)) for e in ents
              if e.label_ != "NORP" and gaz.lookup(e.text) is None and _is_object(e, gaz)}
    found = [f for f in (_classify(ent, gaz) for ent in ents)
             if f and (not things or fold(f.text) not in things)]
    lower = {t.text for t in doc if t.is_lower and t.is_alpha and len(t) > 2}
    found = without_run_in([f for f in found if not common_word(f, lower, gaz)], common_words(doc))
    _places_run_in(found, gaz)
    found = misread_people(found, gaz)
    joined.possessive_names(found)
    found += qualified_groups(doc, gaz)
    found += [c for c in (_nested_country(f, gaz) for f in found if f.kind == "organisation") if c]
    found = _with_institutions(doc, found)
    found.sort(key=lambda f: f.span.start)
    coreference.people_read_as_places(found, gaz)
    coreference.families(found)
    coreference.corefer_people(found)
    found += coreference.untagged_surnames(doc, found, gaz)
    found.sort(key=lambda f: f.span.start)
    coreference.corefer_organisations(found, gaz)
    joined.bracketed_acronyms(found)
    found += [Found(span, span.text, name, "organisation", country=(gaz.lookup(name) or Entry("", "")).country,
                     known=True) for span, name in noun_references(doc, found, gaz)]
    found.sort(key=lambda f: f.span.start)
    spread_people(found, gaz)
    found = _actors_only(found)
    mentions = [
        Mention(start=f.span.start_char, end=f.span.end_char, text=f.span.text, name=f.name, kind=f.kind,
                role=f.role, seen=seen if f.role else None, country=f.country)
        for f in found
    ]
    return with_registry(mentions, registry) if registry is not None else mentions


def _joined(ents: list["Span"], gaz: Gazetteer) -> list["Span"]:
    """"The US Agency" + "for" + "International Development": an organisation
    the tagger cut at the word joining its head to what it is for, made whole."""
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in ents:
        last = out[-1] if out else None
        if last is not None and last.label_ == "ORG" and ent.label_ == "ORG" and ent.start == last.end + 1 and \
                ent.doc[last.end].lower_ in ("for", "of") and fold(last[-1].text) in gaz.organisation_heads:
            out[-1] = Span(ent.doc, last.start, ent.end, label="ORG")
            continue
        out.append(ent)
    return out


def _places_run_in(found: list[Found], gaz: Gazetteer) -> None:
    """A headline's "Michael Jackson Cardiff concert": a person's name the
    article gives elsewhere, with a known town run into it, is that name; a
    headline's place run into a people ("… in Haiti Britons have donated") is the people; and
    a one-word "person" that is a known town and no word of any person's name
    in the article ("in Cardiff"), or an "organisation" that is a known town
    owning what follows ("Cardiff's Millennium Stadium"), is the town."""
    people = {f.name for f in found if f.kind == "person"}
    for f in found:
        words = f.name.split()
        if f.kind in ("person", "organisation") and not f.known and len(f.span) == 2 and \
                gaz.place(words[0]) is not None and fold(f.span[-1].text) in gaz.peoples:
            f.span, f.text, f.name, f.kind = f.span[1:], f.span[1:].text, f.span[1:].text, "group"  # "Haiti Britons"
        if f.kind == "person" and len(words) >= 3 and len(f.span) >= 3 and " ".join(words[:-1]) in people and \
                gaz.place(words[-1]) is not None:
            f.span, f.text, f.name = f.span[:-1], " ".join(f.text.split()[:-1]), " ".join(words[:-1])
    named = {w for f in found if f.kind == "person" and " " in f.name for w in f.name.split()}
    for f in found:
        doc, end = f.span.doc, f.span.end
        owner = f.kind == "organisation" and end < len(doc) and doc[end].text in _POSSESSIVES  # "Cardiff's stadium"
        if (f.kind == "person" or owner) and " " not in f.name and not f.known and f.name not in named and \
                gaz.place(f.name) is not None and f.role is None:
            entry = gaz.place(f.name)
            f.kind, f.country = "place", entry.country if entry else None


def _actors_only(found: list[Found]) -> list[Found]:
    """Without bare generic nouns ("Civilians", "Police"), outlets named as
    the source of what is reported ("CNN reported", "told Reuters") and those
    who report for them ("CNN's Anderson Cooper"). An outlet is an actor only
    where the article is about it: where it acts more often than it reports
    ("the BBC apologised"), not in a live blog that credits its own
    correspondents and once says "the BBC has set up a page"."""
    filters = load_filters()
    kept = []
    acting: Counter[str] = Counter()
    institutions = load_institutions()
    reporters = {f.name for f in found if f.kind == "person" and filters.reports_for_an_outlet(f.span)}
    for f in found:
        if filters.is_generic(f.name) or len(_WORD_CHARS.sub("", f.name)) < 2 or (
                f.kind == "organisation" and institutions.is_office_word(f.span)):
            continue  # "C" of a cable's "(C)", "Health" of "Health Secretary X": no actor
        if f.kind in ("person", "organisation") and filters.names_outlet(f.span) and filters.is_source(f.span):
            continue  # "told Caravan magazine", whatever the tagger took the title for
        if f.kind == "person":  # a reporter the story is about ("journalist X was jailed") stays
            if f.name in reporters and f.span.root.dep_ not in _UNDERGOING:
                continue  # the outlet's own reporter, named again: "Matthew Price visited a hospital"
            if not (filters.is_reporter(f.span) and filters.is_source(f.span, person=True)):
                kept.append(f)
            continue
        # Only organisations: "Zimbabwean" in "Zimbabwean politics" is the country, not The Zimbabwean.
        if f.kind == "organisation" and (filters.is_outlet(f.name) or filters.is_outlet(f.text)):
            acting[f.name] += -1 if filters.is_source(f.span) else 1
            if filters.is_source(f.span):
                continue
        kept.append(f)
    return [f for f in kept if acting.get(f.name, 0) >= 0]


def _classify(ent: "Span", gaz: Gazetteer) -> Found | None:
    label = ent.label_
    if label in ("ORG", "GPE", "LOC", "FAC") and len(ent) > 1 and fold(ent[0].text) in gaz.honorifics:
        label = "PERSON"  # "Mr Tsvangirai" read as an organisation, "Mr Mbeki" as a place
    span, lead = _strip(ent, gaz, label)
    while label == "PERSON" and span is not None and len(span) > 1 and span[0].is_lower and span[0].is_alpha \
            and span[0].text not in gaz.particles:
        span = span[1:]  # "engulfed Zuma": a verb the tagger ran into the name
    if span is None:
        return None
    text = clean_surface(span.text)
    if _members_head(span, gaz):
        text = text[:-len(span[-1].text)] + span[-1].text.title()  # "Pakistan People's party"
    if ent.label_ == "NORP":
        return _people(span, text, gaz)
    entry = gaz.lookup(text)
    if entry is None and ent.label_ in ("GPE", "LOC", "FAC"):
        entry = gaz.place(text)  # a town the tagger saw as a place: its full name and country
    if entry is not None:
        return _known(span, text, entry)
    kind = KINDS[label]
    last = fold(span[-1].text)
    if kind == "person" and last in gaz.organisation_heads:
        kind = "organisation"  # "Douglas Aircraft" tagged as a person
    elif kind == "person" and last in gaz.place_heads:
        kind = "place"
    elif kind == "person" and len(span) == 1 and span.start > 0 and span.doc[span.start - 1].lower_ == "the":
        kind = "organisation"  # "the Scorpion's investigation": a person's bare name takes no article
    government = _government(span, gaz)  # whatever the tagger called "the Canadian Government"
    if government:
        return Found(span, text, government, "country", country=government, known=True)
    if kind == "organisation":
        text = _expand_country(span, text, gaz)
    flight = _FLIGHT.sub("", text)
    if flight != text and kind != "place":  # "Adam Air Flight 574": the airline's flight, the airline acts
        kind, text = "organisation", flight
    name = _strip_suffix(text, gaz) if kind == "organisation" else text
    if not _LETTER.search(name):
        return None  # no letter at all: a stray number the tagger took for a name
    if fold(name) in gaz.not_actors or kind == "person" and len(name) <= 2:
        return None  # "UTC", "USD"; a two-letter "person" is a fragment ("Ya", "GB")
    if _is_event(span, gaz) or _is_object(span, gaz):
        return None
    if kind == "person":
        role, country = role_of(span, gaz, lead)
        return Found(span, text, name, kind, role, country)
    return Found(span, text, name, kind)


def _is_event(span: "Span", gaz: Gazetteer) -> bool:
    """"the Beijing Winter Olympics", "the Cold War": something that happens,
    not someone who acts; "Ministry of War" keeps its organisation head."""
    words = [fold(t.text) for t in span]
    tail = {words[-1], " ".join(words[-2:])}
    return bool(tail & gaz.event_heads) and not any(w in gaz.organisation_heads for w in words)


def _is_object(span: "Span", gaz: Gazetteer) -> bool:
    """A name of a thing: ending in a noun that says so ("the Straits Times
    Index"), before one ("the Nord Stream 2 gas pipeline", through the
    nouns between: "gas") or after a noun of its kind ("the antiviral drug Tamiflu")."""
    doc = span.doc
    end = span.end
    if fold(doc[end - 1].text) in gaz.object_heads:
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.pos_ == "NOUN" and fold(before.lemma_) in gaz.kind_nouns:
        return True  # "the antiviral drug Tamiflu"
    if _work_named(span, gaz):
        return True
    # Up to three words, none of another name: "British" + "FTSE index" is the country.
    for tok in doc[end:min(len(doc), end + 3)]:
        pos = tok.pos_
        if pos not in ("NOUN", "ADJ", "PROPN", "NUM") or tok.ent_type_ in KINDS:
            break
        if pos == "NOUN" and fold(tok.lemma_) in gaz.object_nouns or fold(tok.text) in gaz.object_heads:
            return True  # "the Straits Times" + "Index": the tagger left the head out
    return False


def _work_named(span: "Span", gaz: Gazetteer) -> bool:
    """"the painting The Storm", "the anthem 'Hold Fast'", "the journal The Clinician": a
    name given right after a noun of a work (past its article or quotation marks), or in
    apposition to one, is the work. A person's name is left alone ("the book Obama wrote")."""
    if span.label_ == "PERSON" or gaz.lookup(span.text) is not None:
        return False
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].lower_ == "the" or doc[i].is_quote):
        i -= 1  # "the painting The Storm": the work's own article
    if i >= 0 and doc[i].pos_ == "NOUN" and fold(doc[i].lemma_) in gaz.work_nouns:
        return True
    root = span.root
    return root.dep_ == "appos" and root.head.pos_ == "NOUN" and fold(root.head.lemma_) in gaz.work_nouns


def _strip(ent: "Span", gaz: Gazetteer, label: str) -> tuple["Span | None", int]:
    """The name inside an entity: without article, possessive, honorifics or title."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and ((tok := doc[start]).lower_ in _DETERMINERS or tok.is_quote):
        start += 1  # "the", and an opening quote the tagger took in: "`` Millions of Americans"
    while end > start and doc[end - 1].text in _POSSESSIVES:
        end -= 1
    lead = 0
    if label == "PERSON":
        lead = title_length(list(doc[start:end]), gaz)
        if lead >= end - start:
            return None, 0
    if start >= end:
        return None, 0
    if _members_head(doc[start:end], gaz):
        return doc[start:end], 0  # "the Pakistan People's party": no owner's name, one party's
    name = name_span(doc[start + lead:end], lambda owner: _named_alone(doc, owner, gaz))
    return name, lead if name is not None else 0


def _members_head(span: "Span", gaz: Gazetteer) -> bool:
    """"Pakistan People's party": a plural and its possessive before an organisation's head in lower case."""
    return len(span) > 2 and span[-3].tag_ == "NNPS" and span[-2].text in _POSSESSIVES and span[-1].is_lower \
        and span[-1].text in gaz.organisation_heads


def _named_alone(doc: "Doc", text: str, gaz: Gazetteer) -> bool:
    key = fold(text)
    return gaz.lookup(text) is not None or any(fold(e.text) == key for e in doc.ents)


def _known(span: "Span", text: str, entry: Entry) -> Found | None:
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if entry.kind == "group" and after is not None and after.is_alpha and after.is_title:
        return None  # "the West African bloc": the first word of a longer name
    if entry.capital_of and acts_as_government(span.root):
        return Found(span, text, entry.capital_of, "country", country=entry.capital_of, known=True)
    return Found(span, text, entry.name, entry.kind, country=entry.country, known=True)


def _people(span: "Span", text: str, gaz: Gazetteer) -> Found | None:
    """A nationality in the plural is a group ("Ukrainians"); the adjective
    ("Russian troops") is only a modifier and no actor of its own."""
    key = fold(text)
    if key in gaz.peoples:
        return Found(span, text, text, "group", country=gaz.peoples[key], known=True)
    entry = gaz.lookup(text)
    if entry is not None and entry.kind == "country":
        return _known(span, text, entry)
    if key in gaz.demonyms and _one_of_them(span):
        return None  # "a Mexican from Shanghai", "an American was killed": someone of that nationality
    if key in gaz.demonyms and not _language(span):  # "British banks", "European markets": the country takes part
        entry = gaz.lookup(gaz.demonyms[key])
        if entry is not None:
            return Found(span, text, entry.name, entry.kind, country=entry.country, known=True)
    if span.root.tag_ in ("NNPS", "NNS") and not span[0].is_sent_start:
        # At a sentence's start any plural is capitalised ("Investors fled"):
        # an unknown one there is a common noun, not a people.
        return Found(span, text, text, "group")
    return None


def _one_of_them(span: "Span") -> bool:
    """"a Mexican", "an American", "the Briton": a nationality as a noun after an article
    names one person of it, not the country."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return len(span) == 1 and before is not None and before.lower_ in ("a", "an", "one") and \
        span.root.dep_ not in ("amod", "compound") and span.root.tag_ in ("NN", "NNP", "JJ")


def _language(span: "Span") -> bool:
    """"broadcasting programmes in Creole", "translated into French": a nationality
    standing alone after "in" or "into" is a language, no country."""
    root = span.root
    return len(span) == 1 and root.dep_ == "pobj" and root.head.lower_ in ("in", "into") and not list(root.children)


def _with_institutions(doc: "Doc", found: list[Found]) -> list[Found]:
    """Institutions named by a phrase every country uses take the place of
    what the tagger made of that phrase ("Foreign Ministry" → Ministry of
    Foreign Affairs of Russia); countries named inside them stay."""
    found.sort(key=lambda f: f.span.start)
    institutions = find_institutions(doc, [f.name for f in found if f.kind == "country"])
    for inst in institutions:
        inside = [f for f in found if f.span.start < inst.span.end and inst.span.start < f.span.end]
        if any(f.span.start < inst.span.start or f.span.end > inst.span.end for f in inside
               if f.kind != "country" and _extra_words(f.span, inst.span)):
            continue  # a longer name of its own: "Irish Republican Army"
        taken = {id(f) for f in inside}  # equal records share their span: whether inside or not, alike
        found = [f for f in found if id(f) not in taken or f.kind == "country"]
        found.append(Found(inst.span, inst.span.text, inst.name, "organisation", country=inst.country, known=True))
    return found


def _extra_words(outer: "Span", inner: "Span") -> bool:
    return any(t.is_title and not (inner.start <= t.i < inner.end) and t.lower_ != "the" for t in outer)


def _nested_country(org: Found, gaz: Gazetteer) -> Found | None:
    """The country that heads an organisation's name ("the U.S. Air Force",
    "Russian Foreign Ministry") is the organisation's country; named as a
    country ("U.S.", not "Russian") it is also a mention of that country."""
    span = org.span
    for size in range(min(3, len(span) - 1), 0, -1):
        head = span[:size]
        entry = gaz.lookup(head.text)
        if entry is not None and entry.kind == "country":
            org.country = org.country or entry.name
            return Found(head, head.text, entry.name, "country", country=entry.name, known=True)
        country = gaz.country_of_adjective(head.text)
        if country and (gaz.lookup(country) or Entry("", "")).kind == "country":
            org.country = org.country or country
            return None
    return None


def _government(span: "Span", gaz: Gazetteer) -> str | None:
    """"the US Government", "the Canadian government": the country itself."""
    if len(span) < 2 or fold(span[-1].text) not in gaz.government_nouns:
        return None
    return gaz.country_of_adjective(span[:-1].text)


def _expand_country(span: "Span", text: str, gaz: Gazetteer) -> str:
    """"U.S. Air Force" → "United States Air Force": an abbreviated country
    at the head of a name is spelt out, so that every spelling is one name."""
    first = span[0].text
    entry = gaz.lookup(first)
    if len(span) > 1 and entry is not None and entry.kind == "country" and first.replace(".", "").isupper():
        return entry.name + text[len(first):]
    return text


def _strip_suffix(name: str, gaz: Gazetteer) -> str:
    words = name.replace(",", " ,").split()
    joins = load_shape().connectives  # "JPMorgan Chase & Co.": the "&" goes with the "Co."
    while len(words) > 1 and (words[-1] in gaz.org_suffixes or words[-1].lower() in joins):
        words.pop()
    if len(words) == 2 and words[1].lower() in load_shape().acronym_heads and (
            _ACRONYM.fullmatch(words[0]) or "-" in words[0].strip("-")):
        words.pop()  # "PML-N party", "the Zanu-PF party": the acronym or the joined name is the name
    elif len(words) > 2 and words[-1] in load_shape().acronym_heads and all(w[:1].isupper() for w in words[-3:-1]):
        words.pop()  # "the African National Congress party": the lower-case head is no part of the name
    return " ".join(words).replace(" ,", ",")


def with_registry(mentions: list[Mention], registry: "Registry") -> list[Mention]:
    """Mentions found without a registry, renamed by it (hidden actors dropped)."""
    out = []
    for m in mentions:
        actor = registry.lookup(m.name) or registry.lookup(m.text)
        if actor is None:
            out.append(m)
        elif not actor.hidden:
            out.append(replace(m, name=actor.name, kind=actor.kind))
    return out
