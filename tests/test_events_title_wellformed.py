"""A title is one clause a desk could print: never two clauses run together across a colon
or a semicolon, never a determiner before another, never without a word that decides whether
what it says is true ("alive", "largely"), and a subject described then named beside it is
written by name; a thing named only as "the memorandum" is written as the article first
said which one it is. Articles written for the test."""

from __future__ import annotations

import pytest

from timeline.extract.events.wellformed import double_determiner

from conftest import titles_of


@pytest.mark.parametrize("text, title, never", [
    # a clause set off by a colon is another sentence: the title is the main clause alone
    ("The news conference ended a day of action on the budget bill: Anna Brill traveled to Lowmoor on Monday "
     "to promote the bill.", "Anna Brill traveled to Lowmoor", "budget bill Anna Brill"),
    # what follows a semicolon is not run in
    ("Lena Holt said on Monday that the river had flooded the lower town; the upper town, untouched.",
     "Lena Holt said that the river had flooded the lower town", "untouched"),
])
def test_clauses_set_off_by_a_colon_or_semicolon_are_not_run_together(nlp, text: str, title: str,
                                                                      never: str) -> None:
    titles = titles_of(nlp, text)
    assert any(title in t for t in titles), titles
    assert not any(never in t for t in titles), titles


def test_a_subject_the_parse_gave_to_the_wrong_clause_is_left_out(nlp) -> None:
    """"The index closed up after the cabinet proposed a bailout", parsed with both subjects on
    "proposed": the title is the clause of the verb, not "The index closed the cabinet proposed…"."""
    from spacy.tokens import Doc

    from timeline.extract.events.wellformed import run_on_clauses

    words = ["The", "index", "closed", "up", "after", "the", "cabinet", "proposed", "a", "bailout", "."]
    heads = [1, 7, 1, 2, 7, 6, 7, 7, 9, 7, 7]
    deps = ["det", "nsubj", "amod", "advmod", "mark", "det", "nsubj", "ROOT", "det", "dobj", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert run_on_clauses(doc[7]) == {0, 1, 2, 3}
    doc = Doc(nlp.vocab, words=words[4:], heads=[h - 4 for h in heads[4:]], deps=deps[4:])
    assert run_on_clauses(doc[3]) == set()  # one subject: nothing of another clause


@pytest.mark.parametrize("text, title", [
    # an unnamed speaker is written as the article describes them, with one determiner
    ("On Monday, the Sea Star operated by Blue Line Cruises docked in Tarvik, but no one was allowed to leave "
     "the ship, a spokesman for Tarvik's Health Ministry said.",
     "A spokesman for Tarvik's Health Ministry said"),
    # a name that takes "the" does not take a second one after the phrase's own
    ("The Geneva-based WHO has declared the outbreak an emergency of international concern on Monday.",
     "The Geneva-based World Health Organization has declared"),
])
def test_a_title_has_one_determiner_to_a_phrase(nlp, text: str, title: str) -> None:
    titles = titles_of(nlp, text)
    assert any(t.startswith(title) for t in titles), titles
    assert not any(double_determiner(t) for t in titles), titles


@pytest.mark.parametrize("text, kept", [
    # a rescue of the living is not the recovery of a body
    ("Emil Varga, a 22-year-old shop worker, was pulled out alive by a team of rescuers on Saturday from the "
     "rubble of a three-storey hotel in the centre of Tarvik.", "pulled out alive"),
    # "largely contained" is not "contained"
    ("Alan Brook, the health secretary, said on Friday that the spread of the new virus had largely been "
     "contained in the north of the country, though this might only last until the autumn.",
     "had largely been contained"),
    # the subject's "of" phrase says which spread
    ("Alan Brook, the health secretary, said on Friday that the spread of the new virus had largely been "
     "contained in the north of the country, though this might only last until the autumn.",
     "the spread of the new virus"),
    # "the possibility" of what
    ("The possibility of a central bank rescue helped lift the main share index more than 141 points "
     "yesterday, to close at 11,059, recovering part of Monday's dizzying drop.",
     "The possibility of a central bank rescue helped lift"),
    # what a plane was sent for
    ("Dutch adoption agencies sent a chartered cargo plane from Amsterdam on Monday to pick up some 100 "
     "children who are being adopted by Dutch families.", "sent a chartered cargo plane to pick up some 100 children"),
    # a bare "the memorandum" takes the article's fuller mention, cut to what fits
    ("Robert Lunde and Morgan Tarr signed a memorandum of understanding on talks in Harare on Monday. "
     "Robert Lunde on Tuesday described the memorandum as a serious matter.",
     "Robert Lunde described the memorandum of understanding as a serious matter"),
    # and the owner the article gave it
    ("Senator Ida Brenn criticised Pastor Tom Lake's remarks about the flood victims on Monday. "
     "The White House said on Tuesday the remarks were completely inappropriate.",
     "Tom Lake's remarks were completely inappropriate"),
    # the article never said which one: the title says what the sentence says
    ("The White House said on Tuesday the remarks were completely inappropriate.", "the remarks were"),
    # an earlier mention that says no more which one it is is not taken
    ("A devastating quake hit the island on Tuesday. The quake has flattened whole areas of the capital, "
     "officials said on Wednesday.", "the quake has flattened whole areas"),
    # a fuller mention that would make the title longer than a headline is not taken
    ("The police ignored a court order for the immediate release of the eleven detained activists on Monday. "
     "Beatrice Tamm, a lawyer for the detained activists, said on Tuesday police had ignored the order.",
     "police had ignored the order"),
])
def test_a_title_keeps_what_decides_its_truth_and_says_which_thing(nlp, text: str, kept: str) -> None:
    titles = titles_of(nlp, text)
    assert any(kept in t for t in titles), titles


def test_a_subject_described_then_named_beside_it_is_the_name(nlp) -> None:
    text = ("The head of the World Health Agency, Margaret Linn, on Tuesday suggested the alert would "
            "eventually move to its highest level.")
    titles = titles_of(nlp, text)
    assert any(t.startswith("Margaret Linn suggested the alert would") for t in titles), titles
    assert not any(t.startswith("The head") for t in titles), titles


@pytest.mark.parametrize("title, garbled", [
    ("The a spokesman for the ministry said", True),
    ("The Geneva-based the World Health Organization has declared", True),
    ("A spokesman for the ministry said", False),
    ("The United States and the European Union agreed", False),
    # a name put in with its article after a word that already had one
    ("Ministers meet in Lisbon for the annual the World Ports Council summit", True),
    ("Ministers meet in Lisbon for the annual World Ports Council summit", False),
    ("At the end the Port Council voted to reopen the docks", False),
    # a sum's unit said twice, where a conversion between them was left out
    ("The owners set aside $40m million for the dock workers", True),
    ("The owners set aside $40 million for the dock workers", False),
    ("The owners set aside 40m euros for the dock workers", False),
])
def test_a_determiner_before_another_is_garbled(title: str, garbled: bool) -> None:
    assert double_determiner(title) is garbled


def test_a_condition_does_not_cost_the_clause_it_hangs_on(nlp) -> None:
    text = ("Lena Holt declined on Monday to say how the party will confront Karl Mora if he refuses to give "
            "up power.")
    titles = titles_of(nlp, text)
    assert "Lena Holt declined to say how the party will confront Karl Mora" in titles, titles


def test_a_clause_before_a_verb_of_deciding_is_what_was_decided(nlp) -> None:
    text = ("Autopsy images of Tom Ray can be shown to jurors at the trial of the doctor accused of causing his "
            "death, a judge has ruled.")
    titles = titles_of(nlp, text)
    assert any("can be shown to jurors" in t and "judge" in t for t in titles), titles
    text = ("The new military regime detained up to 450 of the country's most powerful and wealthy people, it "
            "emerged last night.")
    assert any(t.startswith("The new military regime detained") for t in titles_of(nlp, text)), titles_of(nlp, text)


@pytest.mark.parametrize("text, title, never", [
    # a second verb of a list that lost its conjunction goes with what hangs on it
    ("Queen Ida pulled a blanket up, wiped his nose with a handkerchief and kissed him on Monday.",
     "Ida pulled a blanket up", "wiped"),
    # a clause no one says, run on before another with a comma, is not the other's content
    ("Dirty white sheets cover some of the dead on Monday, others lie out in the open, their limbs entwined.",
     "Dirty white sheets cover some of the dead", "others lie"),
    # a second clause with a subject of its own is another happening, even with "and" or "but"
    ("The trade minister, Ivo Brandt, resigned on Monday, and the coalition collapsed hours later.",
     "Ivo Brandt resigned", "coalition"),
    ("Finance Minister John Arndt resigned on Monday, but the Liberal Party chose not to name a successor.",
     "John Arndt resigned", "Liberal Party"),
])
def test_two_clauses_with_nothing_to_join_them_are_not_one_title(nlp, text: str, title: str, never: str) -> None:
    titles = titles_of(nlp, text)
    assert title in titles, titles
    assert not any(never in t and t.startswith(title) for t in titles), titles


def test_a_voice_speaking_for_the_subject_is_not_a_second_subject(nlp) -> None:
    text = ("President Anna Brill spoke by phone with General Tomas Varga on Thursday and urged him to accept "
            "talks, her office said.")
    titles = titles_of(nlp, text)
    assert any(t.startswith("Anna Brill spoke by phone with Tomas Varga") for t in titles), titles
    assert not any("office" in t.lower() for t in titles), titles


@pytest.mark.parametrize("text, never, title", [
    # a relative clause tells of the noun just before it
    ("Lena Holt has urged fans to donate to relief efforts in the wake of the huge storm that struck the "
     "island state on Tuesday.", "Relief efforts in the wake of the huge storm struck", "The huge storm struck"),
])
def test_a_clause_is_read_with_its_own_subject(nlp, text: str, never: str, title: str) -> None:
    titles = titles_of(nlp, text)
    assert not any(never in t for t in titles), titles
    assert any(title in t for t in titles), titles


@pytest.mark.parametrize("name, article, written", [
    ("International Committee of the Red Cross", "a ", "an "),
    ("FBI", "a ", "an "),
    ("UN", "an ", "a "),
    ("Red Cross", "An ", "A "),
])
def test_the_indefinite_article_agrees_with_the_name(name: str, article: str, written: str) -> None:
    from timeline.extract.events.wellformed import indefinite

    assert indefinite(name, article) == written
