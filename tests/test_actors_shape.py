"""Entity spans cut too long or too short read as names: one row per phrase,
each in a sentence from the news it was found in, parsed by the pipeline."""

from __future__ import annotations

import pytest

from timeline.extract.actors.mentions import find_mentions
from timeline.extract.actors.names import clean_surface
from timeline.extract.actors.shape import name_span


def names(nlp, text: str) -> set[str]:
    return {m.name for m in find_mentions(nlp(text))}


@pytest.mark.parametrize("text, wrong, right", [
    # a trailing connective: the first name is whole
    ("The Brazilian Bovespa index today went up by 14,66 % , while the Hang Seng and Singapore Straits Times "
     "went up by 10.2 % .", "Hang Seng and", "Hang Seng"),
    ("There was more good news from Bank of America Corp. and JPMorgan Chase & Co. , who announced that they "
     "have had profits .", "JPMorgan Chase &", "JPMorgan Chase"),
    # an unclosed bracket and what follows it
    ("Apple released the long awaited iPhones Software Development Kit ( SDK ) and sound tools .",
     "iPhones Software Development Kit ( SDK", "iPhones Software Development Kit"),
    # an owner named on its own elsewhere in the article, before an inner possessive
    ("Apple Computer won the case . Tiger is the newest version of Apple Computer 's Mac OS X , version 10.4 .",
     "Apple Computer 's Mac OS", "Apple Computer"),
    # a spaced apostrophe inside an Irish name
    ("A contrary view is offered by Charles O 'Reilly , a management expert at Stanford University .",
     "Charles O 'Reilly", "Charles O'Reilly"),
])
def test_names_are_trimmed(nlp, text, wrong, right):
    found = names(nlp, text)
    assert wrong not in found
    if right is not None:
        assert right in found


@pytest.mark.parametrize("text, absent", [
    # quantities and measures
    ("The delays make the 787 worth in the region of US$ 140bn ( $ 96bn , # 86bn ) for Boeing .", "140bn"),
    ("On the 30GB iPod , 75 hours of video at a resolution of 320x240 can be stored .", "320x240"),
    # lowercase common nouns
    ("Consumer Reports refused to give the phone a recommended rating due to the antenna 's placement .",
     "antenna"),
    ("Chrysler will offer a $ 25,000 vehicle voucher and $ 50,000 with healthcare and $ 75,000 without .",
     "healthcare"),
    # a head whose name was cut off after its preposition
    ("The A380 stayed no further than 100 miles from Toulouse as it circled the Bay of Biscay .", "Bay of"),
])
def test_spans_that_are_no_names(nlp, text, absent):
    assert absent not in names(nlp, text)


def test_a_date_after_a_name_is_cut(nlp):
    doc = nlp("Apple shipped the Macbook May 17 , 2006 to its stores .")
    span = doc[3:8]  # "Macbook May 17 , 2006", however the tagger cut it
    assert name_span(span, lambda owner: False).text == "Macbook"


def test_a_participle_hyphened_to_a_name_is_cut(nlp):
    doc = nlp("The plan was to depose Peter Banda-backed by cash from abroad .")
    span = doc[5:9]  # "Peter Banda-backed", however the tagger cut it
    assert name_span(span, lambda owner: False).text == "Peter Banda"


def test_a_heading_of_alternatives_is_no_name(nlp):
    doc = nlp("Talks / Truce / Breakdown\n------\n4. The parties met on Monday .")
    assert name_span(doc[0:5], lambda owner: False) is None  # "Talks / Truce / Breakdown"
    assert name_span(nlp("AC/DC played in Berlin .")[0:1], lambda owner: False) is not None  # one word


@pytest.mark.parametrize("text, start, end, named_alone, expected", [
    ("Apple Computer 's Mac OS X runs it .", 0, 6, True, "Apple Computer"),  # the owner is named on its own
    ("The Worldwide Developer 's Conference opened .", 1, 5, False, "Worldwide Developer 's Conference"),
])
def test_an_inner_possessive_cuts_only_a_named_owner(nlp, text, start, end, named_alone, expected):
    span = nlp(text)[start:end]
    assert name_span(span, lambda _: named_alone).text == expected


@pytest.mark.parametrize("surface, clean", [
    ("Martin Luther King Jr. . Day", "Martin Luther King Jr. Day"),
    ("Charles O 'Reilly", "Charles O'Reilly"),
    ("Washington , D.C.", "Washington , D.C."),
    ("– Kofi Mensah", "Kofi Mensah"),  # a dash of the line before the name
    ("-Mensah", "Mensah"),
])
def test_clean_surface(surface, clean):
    assert clean_surface(surface) == clean
