"""A title is a complete clause: when the cut to a headline's length would leave a word
without what it requires (the rest of a verb's phrase, the object of a preposition the verb
selects, what an infinitive is for, the words of a quotation), the title is the shortest
complete realisation of the clause, longer than a headline if it must be. Articles written
for the test."""

from __future__ import annotations

import pytest

from conftest import titles_of


@pytest.mark.parametrize("text, title", [
    # what the watchman was ordered to do, not "ordered a night watchman"
    ("Prosecutor Dana Whitlow said in her closing argument on Thursday that she had ordered a night watchman "
     "to gather the broken equipment and other items from the warehouse.",
     "Dana Whitlow said that she had ordered a night watchman to gather the broken equipment"),
    # an overdose of what
    ("The coroner of Lowmoor county ruled on Friday that the fisherman had died from an overdose of the "
     "painkiller oxaprine, a drug given to him by a neighbour.",
     "ruled that the fisherman had died from an overdose of the painkiller oxaprine"),
    # barred the defence from what: a preposition the verb selects keeps its phrase
    ("Judge Ilse Marrow on Wednesday barred the defence from calling any witnesses to testify about the "
     "miner's 1998 conviction and later release.",
     "Ilse Marrow barred the defence from calling any witnesses"),
    # what the money is set aside for
    ("Trustees of the Halvorsen estate asked a judge on Tuesday to let them set aside $40m for the late "
     "composer's grandchildren.",
     "asked a judge to let them set aside $40m for the late composer's grandchildren"),
    # who shattered it: the agent of a passive stays
    ("The calm of the seaside town was shattered on Sunday morning by the sound of three explosions near the "
     "ferry terminal.", "was shattered by the sound of three explosions"),
    # an adjective keeps its own phrase: not interested in what
    ('Finance minister Aldo Ferri said on Monday that the government is not interested in "capping pay" at the '
     "banks it rescued.", "the government is not interested in “capping pay”"),
    # what the answers were called
    ("Critics on Tuesday described the bank's answers as too bland and vague following the record rout on the "
     "markets.", "Critics described the bank's answers as too bland and vague"),
    # a phrase given back whole when it fits, though its inner parts went first
    ("Senator Dobbs left the party's national committee on Monday after accusations that he mishandled "
     "charges of fraud against donors in the state.",
     "Dobbs left the party's national committee after accusations that he mishandled charges"),
    # what the crowd came out and the gas was fired for: the purpose of the clause's own verb
    ("Several hundred farmers turned out on Monday to cheer Ana Kolar as she arrived at the ministry.",
     "Several hundred farmers turned out to cheer Ana Kolar"),
    ("Border guards fired tear gas on Friday to disperse smugglers near the river crossing.",
     "Border guards fired tear gas to disperse smugglers"),
    # a noun said of something keeps what it is said of: ties to what, a call for what
    ("Senator Ken Dobbs was criticised by watchdogs on Monday for his close ties to the lenders that critics "
     "say hampered his oversight of them.", "for his close ties to the lenders"),
    ("The Kuvandian president, Ana Kolar, began her state visit on Monday with a call for sanctions on "
     "Tarvik to be lifted.", "with a call for sanctions"),
    # limits on what, the need for what: a "for" clause says what the need is
    ("The Danish trade ministry said on Tuesday it had decided to place limits on the importation of herring.",
     "it had decided to place limits on the importation of herring"),
    ("Norway's foreign ministry on Friday questioned the need for Sweden to strengthen its border patrols.",
     "questioned the need for Sweden to strengthen its border patrols"),
    # a protest at what, though the parser hung "at" on the verb; the place may go instead
    ("A big student rally took place at Linford College on Monday in protest at the arrest of the poet Ivo Brandt.",
     "in protest at the arrest of"),
    # sanctions on what, a justification for what; a second phrase of the same preposition may go
    ("President Ana Kolar on Tuesday announced sanctions on two large Tarvik state banks and on Tarvik's "
     "sovereign debt.", "Ana Kolar announced sanctions on two large Tarvik state banks"),
    ("Chancellor Ida Marr said on Monday there was no reasonable justification for the build-up of Tarvik's "
     "forces.", "there was no reasonable justification for the build-up of Tarvik's forces"),
    # what a relative clause's verb acts on is the noun its pronoun stands for
    ("The plan, which Finance Minister Hassan Ferro is set to announce Monday, is being crafted under pressure.",
     "Hassan Ferro is set to announce the plan"),
])
def test_a_title_keeps_what_its_words_require(nlp, text: str, title: str) -> None:
    titles = titles_of(nlp, text)
    assert any(title in t for t in titles), titles


@pytest.mark.parametrize("text, never", [
    ("Prosecutor Dana Whitlow said in her closing argument on Thursday that she had ordered a night watchman "
     "to gather the broken equipment and other items from the warehouse.", "ordered a night watchman"),
    ("Judge Ilse Marrow on Wednesday barred the defence from calling any witnesses to testify about the "
     "miner's 1998 conviction and later release.", "barred the defence"),
    # stepped back from what: the phrase right after a verb's particle is what the verb left
    ("Lawyers for the ferry operator Nordlys on Tuesday stepped back from claims that the captain had been "
     "drinking before the crossing.", "stepped back"),
])
def test_a_title_never_ends_before_what_its_verb_requires(nlp, text: str, never: str) -> None:
    titles = titles_of(nlp, text)
    assert titles
    assert not any(t.endswith(never) for t in titles), titles


@pytest.mark.parametrize("text, kept, never", [
    # the purpose never pushes out the phrase the verb selects: before whom, not what for
    ("Judge Ilse Marrow was hauled before the Lowmoor bar council's disciplinary panel on Friday to answer "
     "complaints that her court had ignored a long string of defence motions in the fraud trial.",
     "before the Lowmoor bar council's disciplinary panel", "to answer"),
    # a quotation is kept whole or not at all
    ('The mayor of Tarvik said on Monday that the "reckless and costly" bridge project would be halted '
     "until an inquiry into the contracts was complete.", "“reckless and costly”", "…"),
])
def test_a_title_keeps_the_part_that_matters_whole(nlp, text: str, kept: str, never: str) -> None:
    titles = titles_of(nlp, text)
    assert any(kept in t for t in titles), titles
    assert not any(never in t for t in titles), titles


def test_a_cut_that_is_complete_stays_short(nlp) -> None:
    """Times, places and asides still go: a complete clause needs none of them."""
    text = ("The regional council of Norvik approved on Monday a plan to rebuild the flooded harbour wall, "
            "a project first proposed in 2004, at a meeting in the town hall.")
    titles = titles_of(nlp, text)
    assert any(t.startswith("The regional council of Norvik approved a plan to rebuild the flooded harbour wall")
               for t in titles), titles
    assert not any("town hall" in t or "2004" in t for t in titles), titles


def test_a_title_counts_every_word_of_a_name(nlp) -> None:
    """A reader counts "Jonas Eberhardt Klimt" as three words: a title with long names loses its
    loose phrases ("in the capital") to stay a headline."""
    titles = titles_of(nlp, "Prime Minister Amira Soltani-Vance and Foreign Minister Jonas Eberhardt Klimt met the "
                            "visiting envoy Karl Ostrander in the capital on Monday to discuss the grain corridor.")
    assert titles and all(len(t.split()) <= 14 for t in titles), titles
    assert any(t.startswith("Amira Soltani-Vance and Jonas Eberhardt Klimt met") for t in titles), titles


def test_a_long_name_is_never_cut_inside(nlp) -> None:
    """Counting every word of "the Movement for Democratic Change" prunes the title, never the name."""
    titles = titles_of(nlp, "The Movement for Democratic Change said on Monday it was treating the package sent to "
                            "the minister as a death threat against its leaders.")
    assert any(t.startswith("The Movement for Democratic Change said") for t in titles), titles


def test_an_adverb_of_an_adverb_goes_with_it(nlp) -> None:
    """"has so far infected": pruning takes "so far" whole, never leaves "has far infected"."""
    titles = titles_of(nlp, "The World Health Organization says the new H1N1 virus has so far infected nearly 13,000 "
                            "people in 45 countries across the world.")
    assert titles and not any("has far" in t for t in titles), titles
