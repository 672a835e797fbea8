"""A title keeps the words without which its verb or its subject says something else: a
preposition of the verb with no object of its own ("would be dealt with"), the phrase after a
copula ("had been in contact"), the clause that says who a word like "those" or "people"
means, a condition on what a modal says will happen when it fits; and a clause opened by
"who" tells of the noun right before it. Articles written for the test."""

from __future__ import annotations

from conftest import titles_of


def test_a_preposition_of_the_verb_stays_with_it(nlp) -> None:
    text = ("Mirela Dancu said on Tuesday that the ministry had promised her that the complaint would be dealt "
            "with quickly.")
    titles = titles_of(nlp, text)
    assert any("would be dealt with" in t for t in titles), titles
    # at the end of a long sentence too, where the title is the shortest complete one
    text = ("Dancu said Ivo Brandt had assured her, during a meeting at the ministry on Tuesday, that the matter of "
            "the missing funds would be dealt with.")
    titles = titles_of(nlp, text)
    assert any(t.endswith("would be dealt with") for t in titles), titles


def test_the_clause_saying_who_is_meant_stays(nlp) -> None:
    text = "Mayor Oskar Lind said on Monday he was grateful to those who had sheltered the families."
    titles = titles_of(nlp, text)
    assert "Oskar Lind said he was grateful to those who had sheltered the families" in titles, titles
    assert not any(t.endswith("to those") for t in titles), titles


def test_what_a_copula_says_of_its_subject_stays(nlp) -> None:
    text = ("Pupils of the village school and people who had been in contact with them would be tested on "
            "Friday, said Hana Brod, head of the district's health office.")
    titles = titles_of(nlp, text)
    assert any("who had been in contact with them" in t for t in titles), titles
    assert not any(t.endswith("who had been") for t in titles), titles


def test_a_condition_that_fits_stays(nlp) -> None:
    text = "The Norvik council said on Monday it would fund the ferry if the port reopened."
    titles = titles_of(nlp, text)
    assert "The Norvik council said it would fund the ferry if the port reopened" in titles, titles


def test_a_clause_opened_by_who_tells_of_the_noun_before_it(nlp) -> None:
    text = ("The airline said on Monday it would send a special flight for stranded tourists who want to leave "
            "the island, flying to Oslo.")
    titles = titles_of(nlp, text)
    assert not any(t.startswith("A special flight") and "want" in t for t in titles), titles


def test_words_in_quotation_marks_after_their_noun_stay(nlp) -> None:
    text = ('Police in Tarvik said on Monday that vandals had painted the words "bridge thief" on the door of '
            "the mayor's office.")
    titles = titles_of(nlp, text)
    assert any("the words “bridge thief”" in t for t in titles), titles


def test_what_a_thing_was_used_as_stays(nlp) -> None:
    text = ("Ana Kolar has been accused of using food as a weapon against opposition villages, a rights group "
            "said on Monday.")
    titles = titles_of(nlp, text)
    assert any("using food as a weapon" in t for t in titles), titles


def test_a_title_never_ends_on_the_start_of_a_phrase_that_went(nlp) -> None:
    text = "The Tarvik Herald on Friday accused the two ministries of blaming each other rather than acting."
    titles = titles_of(nlp, text)
    assert titles
    assert not any(t.endswith("rather") for t in titles), titles


def test_which_things_a_bare_plural_means_stays(nlp) -> None:
    text = "Ivo Brandt said on Tuesday he will not sign laws that would close the Norvik shipyard."
    titles = titles_of(nlp, text)
    assert any(t.endswith("laws that would close the Norvik shipyard") for t in titles), titles


def test_an_amount_scraped_with_a_hash_for_its_pound_sign_reads_in_pounds(nlp) -> None:
    titles = titles_of(nlp, "Norvik's council donated # 12m to the flood appeal on Monday.")
    assert any("£12m" in t for t in titles), titles
    assert not any("#" in t for t in titles), titles
