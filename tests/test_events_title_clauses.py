"""A title tells one clause, whole: a second verb sharing the subject stays (a second clause
with a subject of its own is left out: ``test_events_title_wellformed.py``); a side clause on a
noun or verb comes back whole or not at all, never cut inside; a finite side clause that lost
its subject goes; what someone was referred to as stays; and a title one word too long drops
the "that" of what was said. Articles written for the test."""

from __future__ import annotations

import pytest

from conftest import titles_of


def test_a_second_verb_sharing_the_subject_stays(nlp) -> None:
    """"approved the plan and announced a referendum": one actor's two steps, one statement."""
    titles = titles_of(nlp, "The regional council approved the plan on Friday and announced a referendum "
                             "on the bridge.")
    assert any("approved the plan and announced a referendum" in t for t in titles), titles


def test_a_side_clause_comes_back_whole_or_not_at_all(nlp) -> None:
    """"a package split between $600 billion in new spending and $300 billion" cuts a
    coordination inside; the title that cannot keep the whole description keeps none of it."""
    titles = titles_of(nlp, "The Senate budget committee on Tuesday considered a $900 billion package, split "
                             "between $600 billion in new spending and $300 billion in tax cuts.")
    assert any(t.endswith("considered a $900 billion package") for t in titles), titles
    assert not any("split between" in t for t in titles), titles


def test_a_finite_side_clause_without_its_subject_goes(nlp) -> None:
    """Parsed with "crisis" hung on "gripping", "roils the race" has no subject left: it is
    no clause of the title ("Senators left for a meeting roils the race")."""
    from spacy.tokens import Doc

    from timeline.extract.events.cuts import without_stranded_verbs
    from timeline.extract.events.tokens import parse_of

    words = ["Senators", "left", "for", "a", "meeting", ",", "as", "the", "crisis", "gripping", "the", "nation",
             "roils", "the", "race", "."]
    heads = [1, 1, 1, 4, 2, 1, 9, 8, 9, 12, 11, 9, 1, 14, 12, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "punct", "mark", "det", "nsubj", "advcl", "det", "dobj",
            "advcl", "det", "dobj", "punct"]
    tags = ["NNS", "VBD", "IN", "DT", "NN", ",", "IN", "DT", "NN", "VBG", "DT", "NN", "VBZ", "DT", "NN", "."]
    pos = ["NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT", "SCONJ", "DET", "NOUN", "VERB", "DET", "NOUN", "VERB",
           "DET", "NOUN", "PUNCT"]
    parse = parse_of(Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos))
    assert without_stranded_verbs([0, 1, 2, 3, 4, 12, 13, 14], parse[1]) == [0, 1, 2, 3, 4]
    # parsed right ("crisis" the subject of "roils"), the clause stays with its subject and goes without it
    heads[8], heads[9], deps[9] = 12, 8, "acl"
    deps[8] = "nsubj"
    parse = parse_of(Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos))
    assert without_stranded_verbs([0, 1, 5, 6, 7, 8, 12, 13, 14], parse[1]) == [0, 1, 5, 6, 7, 8, 12, 13, 14]
    assert without_stranded_verbs([0, 1, 2, 3, 4, 12, 13, 14], parse[1]) == [0, 1, 2, 3, 4]


def test_a_title_one_word_too_long_drops_the_that_of_what_was_said(nlp) -> None:
    titles = titles_of(nlp, "At a preliminary hearing this month, witnesses testified on Monday that Dr Lena Hale "
                             "had sought to hide the fact she gave Bellini oxaprine, a powerful sedative.")
    assert "Witnesses testified Lena Hale had sought to hide the fact she gave Bellini oxaprine" in titles, titles
    # after an object, the "that" stays: "told the assembly [that] Tarvik's invasion…" misleads
    titles = titles_of(nlp, "Chancellor Ida Marr told a special session of the Senate on Sunday that Tarvik's attack "
                             "on Lowmoor marked a turning point.")
    assert "Ida Marr told a special session of the Senate that Tarvik's attack marked a turning point" in titles, \
        titles


def test_what_someone_was_referred_to_as_stays(nlp) -> None:
    """"referred to the governor [as a tyrant]": what he called him is what happened."""
    titles = titles_of(nlp, 'Senator Paul Grant referred to the governor as a "tyrant" in an interview on Tuesday.')
    assert any("referred to the governor as a “tyrant”" in t for t in titles), titles


def test_an_adverb_that_measured_a_clause_that_went_goes_with_it(nlp) -> None:
    """"died shortly [before his run of concerts was due to start]": "shortly" alone says nothing;
    but "a drug overdose" (the parser's adverb) and "now is a good time" (a clause with no
    subject of its own) stay."""
    titles = titles_of(nlp, "Jackson died shortly before his run of farewell concerts in Vienna had been due to start "
                             "on Monday.")
    assert "Jackson died" in titles, titles
    titles = titles_of(nlp, "Doctors wanted on Monday to show tapes filmed for the film in an effort to prove Bellini "
                             "was healthy before he died of a drug overdose in 2009.")
    assert not any(t.endswith("of a drug") for t in titles), titles
    titles = titles_of(nlp, 'President Ana Lopes, seeking to boost confidence in her recovery plan, suggested on '
                             'Monday that now is a good time for investors with "a long-term view" to buy shares, '
                             'and she vowed that the mess "is going to get cleaned up."')
    assert any(t.startswith("Ana Lopes suggested that now is a good time") for t in titles), titles


def test_what_a_described_speaker_said_leaves_room_for_the_description(nlp) -> None:
    """"…, the Scottish health secretary said": the speaker takes four words of the headline, not one."""
    titles = titles_of(nlp, "Two people were admitted to a hospital in Glasgow on Monday after returning from Mexico "
                             "with flu-like symptoms, the Scottish health secretary said.")
    said = [t for t in titles if t.startswith("The Scottish health secretary said")]
    assert said and all(len(t.split()) <= 14 for t in said), titles


def test_a_second_phrase_of_a_preposition_may_go_from_a_long_title(nlp) -> None:
    """"charge him with accepting bribes [and with tax evasion]": a second phrase, not a second actor."""
    titles = titles_of(nlp, "The director of public prosecutions said on Monday his office is preparing to charge "
                             "Ivo Brandt with accepting bribes from a French arms company and with tax evasion.")
    assert any(t.endswith("to charge Ivo Brandt with accepting bribes from a French arms company") for t in titles), \
        titles


@pytest.mark.parametrize("text, kept", [
    # a described speaker's room never cuts the verb off what it needs: "has resulted" [in what]
    ('"Derelict leadership has resulted in a collapse of public confidence in the government," the leader of '
     "the main opposition party said on Monday.", "has resulted in a collapse"),
    # "think of this outbreak as a severe pandemic": what it is thought of as
    ("Ines Varga told a briefing on Monday it was probably premature to think of this outbreak as a severe "
     "pandemic.", "as a severe pandemic"),
    # "the first commercially available test" is not "the first available test"
    ("Lowmoor Labs said on Monday that Tarvik Diagnostics has developed the first commercially available test to "
     "identify patients with the virus.", "the first commercially available test"),
])
def test_a_shorter_title_never_loses_what_its_words_need(nlp, text: str, kept: str) -> None:
    titles = titles_of(nlp, text)
    assert any(kept in t for t in titles), titles
