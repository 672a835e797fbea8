"""A title keeps what its words take and shortens inside what it keeps: a core longer than a
headline loses an infinitive far from its verb before it is cut short; "asked for X to be
done" keeps what was asked; a condition on a demand stays; a long speaker's name leaves what
was said whole; a title too long is never cut before what its verb takes. Articles written for
the test."""

from __future__ import annotations

from timeline.extract.events.cuts import name_words

from conftest import titles_of


def test_a_core_too_long_loses_the_infinitive_farthest_from_its_verb(nlp) -> None:
    titles = titles_of(nlp, "The party leaders vowed on Monday to go back into negotiations to draft compromise "
                            "legislation to calm the bond markets, but no talks were scheduled.")
    assert "The party leaders vowed to go back into negotiations to draft compromise legislation" in titles, titles
    assert all(name_words(t) <= 14 for t in titles), titles


def test_an_infinitive_is_whole_without_its_phrases(nlp) -> None:
    titles = titles_of(nlp, "But in making such a promise, the premier has declared that Norway - the region's "
                            "biggest producer - has an important card to play in talks towards a new fishing "
                            "treaty in Oslo.")
    assert any(t.startswith("The premier has declared that Norway has an important card to play") for t in titles), \
        titles


def test_what_was_asked_for_stays(nlp) -> None:
    titles = titles_of(nlp, "Several doctors asked on Tuesday for their names to be removed from the letter.")
    assert "Several doctors asked for their names to be removed from the letter" in titles, titles


def test_the_condition_of_a_call_stays(nlp) -> None:
    titles = titles_of(nlp, "The Greens have called for a boycott unless the council restores the dismissed auditors.")
    assert "The Greens have called for a boycott unless the council restores the dismissed auditors" in titles, titles


def test_a_long_speaker_leaves_a_passive_statement_whole(nlp) -> None:
    titles = titles_of(nlp, "\"Dozens of dockers, including union stewards, drivers and clerks, have been detained or "
                            "followed and threatened,\" the Harbour Workers' Union said in a statement yesterday.")
    assert "The Harbour Workers' Union said dozens of dockers have been detained" in titles, titles


def test_a_title_too_long_is_not_cut_before_what_its_verb_takes(nlp) -> None:
    titles = titles_of(nlp, "The inspector's report on Tuesday accused the port authority of allowing four more "
                            "firms to file false records about their cargo.")
    assert titles and all(not t.endswith("port authority") for t in titles), titles
    assert any("of allowing four more firms to file false records" in t for t in titles), titles



def test_a_cleft_keeps_what_it_says_of_its_focus_or_goes(nlp) -> None:
    for text in ("Brandt accused Petrov of getting his figures wrong and said it was Petrov whose spending was "
                 "reckless.",
                 "Holm accused Stern of twisting her words and said it was Stern whose tone was aggressive."):
        titles = titles_of(nlp, text)
        assert titles and not [t for t in titles if t.endswith(("it was Petrov", "it was Stern"))], titles


def test_a_core_too_long_keeps_the_infinitive_a_noun_needs(nlp) -> None:
    titles = titles_of(nlp, "Today, the union contends that if it ends the strike now, it will have less leverage to "
                            "persuade the board to fully honour the agreement.")
    assert any("less leverage to persuade the board" in t for t in titles), titles
