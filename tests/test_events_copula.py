"""A clause told with "be" whose complement is a quality ("security was tight", "the
elections will be free and fair", "the visit was a success") says how things stood, not
what happened: past the lede it is no event. One whose complement is a place or an
occasion ("was in court", "was in Warsaw on Monday", "was among the dead") stays."""

from __future__ import annotations

from datetime import date

from tests.conftest import titles_of

DAY = date(2013, 3, 5)
HEADLINE = "Port director charged with fraud"
ARTICLE = " ".join([
    "The regional court in Tarnow on Monday charged the port's director, Piotr Wolny, with fraud.",
    "Wolny, 54, denied the charges.",
    "The port handles grain and coal.",
    "It employs 900 people.",
    "Security was tight at the court on Monday.",
    "Wolny was in court on Monday with his lawyer, Ewa Nowak.",
    "The mayor, Adam Kot, was in Warsaw on Monday for talks with the prime minister.",
    "The harbour master, Jan Lis, was among the dead in the fire on Sunday.",
    "The city council elections on Sunday will be free and fair, the mayor said.",
    "Three dockers were dead after the fire on Sunday.",
])


def test_a_state_told_with_be_past_the_lede_is_no_event(nlp) -> None:
    titles = titles_of(nlp, ARTICLE, published=DAY, headline=HEADLINE)
    assert not [t for t in titles if "tight" in t], titles
    assert not [t for t in titles if "free and fair" in t], titles


def test_being_somewhere_or_among_the_dead_stays_an_event(nlp) -> None:
    titles = titles_of(nlp, ARTICLE, published=DAY, headline=HEADLINE)
    assert [t for t in titles if "was in court" in t], titles
    assert [t for t in titles if "was in Warsaw" in t], titles
    assert [t for t in titles if "among the dead" in t], titles
    assert [t for t in titles if "were dead" in t], titles  # a toll, not a quality


def test_a_state_in_the_lede_stays(nlp) -> None:
    lede = "Security was tight at the regional court in Tarnow on Monday as Piotr Wolny went on trial."
    titles = titles_of(nlp, lede + " " + ARTICLE, published=DAY, headline=HEADLINE)
    assert [t for t in titles if "tight" in t], titles


def _state(nlp, sentence: str) -> bool:
    """Whether ``sentence``, read as a candidate of a kind of its own, is a state told with "be"."""
    from timeline.extract.events.candidate import Anchor
    from timeline.extract.events.clauses import mood_of
    from timeline.extract.events.newsworthy import _copula_state
    from timeline.extract.events.vocabulary import load_vocabulary

    vocab = load_vocabulary()
    root = next(t for t in nlp(sentence) if t.dep_ == "ROOT")
    anchor = Anchor(verb=root, title_root=root, is_main=True, is_reporting=False, mood=mood_of(root, vocab),
                    group=set(), type="diplomacy")
    return _copula_state(anchor, vocab)


def test_a_quality_is_a_state_and_a_place_a_plan_or_a_deed_is_not(nlp) -> None:
    assert _state(nlp, "The minister's visit to Tarnow was a success.")
    assert _state(nlp, "The outcome of the talks is likely to be a compromise.")
    assert _state(nlp, "The mood at the talks was calm.")
    assert not _state(nlp, "The minister was at the summit in Brussels.")
    assert not _state(nlp, "The minister is due in Tarnow for talks on the port.")
    assert not _state(nlp, "The minister was the first speaker at the summit.")
    assert not _state(nlp, "The minister was absent from the vote.")
    assert not _state(nlp, "The minister was quick to condemn the attack.")
