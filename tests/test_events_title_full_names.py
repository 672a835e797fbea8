"""A title names a person by the full name the article gives, not by a surname or first
name alone, when the article names one person only by that word. Articles written for the test."""

from __future__ import annotations

import pytest

from conftest import happenings


def _titles(nlp, text: str) -> list[str]:
    return [h.title for h in happenings(nlp, text)]


@pytest.mark.parametrize("text, title", [
    # the surname alone, which the tagger did not tie to the name in full
    ("The memo's author was Eric H. Holder Jr., who became the attorney general. "
     "Holder resigned from the bank board in 2001.", "Eric H. Holder Jr. resigned from the bank board"),
    # an honorific and the surname
    ("The singer's doctor, Conrad Murray, was charged in February. Dr Murray is due to appear in court on "
     "23 August.", "Conrad Murray is due to appear in court"),
])
def test_a_short_name_is_written_in_full(nlp, text: str, title: str) -> None:
    assert title in _titles(nlp, text)


def test_a_surname_two_people_share_is_left(nlp) -> None:
    from timeline.extract.events.full_names import full_names, short_names
    from timeline.records import Mention

    text = "Ed Brandt met Karl Brandt in Oslo on Monday. Brandt announced new elections on Tuesday."
    mentions = [Mention(0, 9, "Ed Brandt", "Ed Brandt", "person"),
                Mention(14, 25, "Karl Brandt", "Karl Brandt", "person")]
    segment = nlp(text)[:]
    assert "brandt" not in short_names(mentions)
    assert full_names("Brandt announced new elections", segment, mentions) == "Brandt announced new elections"
    # the first name of one of them is that one person
    assert full_names("Karl announced new elections", segment, mentions) == "Karl Brandt announced new elections"
    # a word the article writes in lower case is a common word, not a name
    assert full_names("Will Brandt", segment, [Mention(0, 9, "Will Smith", "Will Smith", "person")]) == "Will Brandt"


def test_a_name_written_in_full_is_left(nlp) -> None:
    from timeline.extract.events.full_names import full_names
    from timeline.records import Mention

    segment = nlp("Eric Holder met Anna Lind in Oslo.")[:]
    mentions = [Mention(0, 11, "Eric Holder", "Eric Holder", "person"),
                Mention(16, 25, "Anna Lind", "Anna Lind", "person")]
    assert full_names("Eric Holder met Anna Lind", segment, mentions) == "Eric Holder met Anna Lind"
    assert full_names("Holder's memo reached Lind", segment, mentions) == "Eric Holder's memo reached Anna Lind"
    assert full_names("Attorney General Holder met Lind", segment, mentions) == \
        "Attorney General Holder met Anna Lind"


def test_a_name_spelled_another_way_is_not_written_twice(nlp) -> None:
    from timeline.extract.events.full_names import full_names
    from timeline.records import Mention

    segment = nlp("Zia ul-Haq ruled until 1988.")[:]
    mentions = [Mention(0, 10, "Zia ul-Haq", "Zia ul-Haq", "person")]
    assert full_names("Military rule ended with the death of Zia ul Haq", segment, mentions) == \
        "Military rule ended with the death of Zia ul Haq"
    assert full_names("Zia ruled", segment, mentions) == "Zia ul-Haq ruled"


def test_a_surname_a_man_and_a_woman_share_is_left(nlp) -> None:
    from timeline.extract.events.full_names import full_names
    from timeline.records import Mention

    segment = nlp("Nawaz Sharif was jailed in May. Mr Sharif appealed. Mrs Sharif led the party.")[:]
    mentions = [Mention(0, 12, "Nawaz Sharif", "Nawaz Sharif", "person")]
    assert full_names("Mrs Sharif led the party", segment, mentions) == "Mrs Sharif led the party"
    assert full_names("Nawaz appealed", segment, mentions) == "Nawaz Sharif appealed"


def test_a_surname_before_a_noun_it_qualifies_is_left(nlp) -> None:
    from timeline.extract.events.full_names import full_names
    from timeline.records import Mention

    text = "Robert Mugabe spoke in May. Police beat Mugabe supporters on Monday."
    segment = list(nlp(text).sents)[1]
    mentions = [Mention(0, 13, "Robert Mugabe", "Robert Mugabe", "person")]
    assert full_names("Police beat Mugabe supporters", segment, mentions) == "Police beat Mugabe supporters"


def test_quoted_words_joined_words_and_a_name_already_written_are_left(nlp) -> None:
    from timeline.extract.events.full_names import full_names
    from timeline.records import Mention

    segment = nlp("Thabo Mbeki met Bob Hawke in Pretoria.")[:]
    mentions = [Mention(0, 11, "Thabo Mbeki", "Thabo Mbeki", "person"),
                Mention(16, 25, "Bob Hawke", "Bob Hawke", "person")]
    assert full_names("Thabo Mbeki told Hawke: “I want you to know, Bob…”", segment, mentions) == \
        "Thabo Mbeki told Bob Hawke: “I want you to know, Bob…”"
    assert full_names("The pro-Mbeki paper led with it", segment, mentions) == "The pro-Mbeki paper led with it"
    assert full_names("Thabo reminisced with Thabo Mbeki", segment, mentions) == "Thabo reminisced with Thabo Mbeki"
