"""Which ties between a description and a name the article makes certain: a description
told with more of it after a comma ("the group, which featured …"), a name told in full and
by its surname, a phrase of whose a person is beside that person's name, and the name a
headline writes in full. Articles written for the test."""

from __future__ import annotations

import pytest

from timeline.extract.events.naming import UNKNOWN, sole_tie
from timeline.records import Mention

from conftest import happenings


def _event(nlp, text: str, starts: str, headline: str = "Headline") -> tuple[str, set[str]]:
    """The title and actor names of the happening whose title opens with ``starts``."""
    found = [h for h in happenings(nlp, text, headline=headline) if h.title.startswith(starts)]
    assert found, [h.title for h in happenings(nlp, text, headline=headline)]
    return found[0].title, {a.name for a in found[0].actors}


def _mention(name: str, kind: str = "person") -> Mention:
    return Mention(start=0, end=len(name), text=name, name=name, kind=kind)


@pytest.mark.parametrize("text, starts, written, actor, tied", [
    # more of the one described, after a comma, does not make it another
    ("The Halden Singers, a folk group, played in Oslo on Monday. The group, which featured Ed Brandt and "
     "Anna Lind, split up on Friday.", "Halden Singers split", "Halden Singers split up", "Halden Singers", True),
    ("Norland Bank, the country's largest lender, lost money in June. The lender, which is owned by Stark "
     "Capital, cut 500 jobs on Tuesday.", "Norland Bank cut", "Norland Bank cut 500 jobs", "Norland Bank", True),
    # the one body the article names on the noun; two such bodies and it stays
    ("A panel of lawmakers met in Oslo. The recommendations came from the Norland Oversight Panel, led by Anna "
     "Lind, on Monday. The panel called for further regulation of the banks on Tuesday.",
     "Norland Oversight Panel called", "Norland Oversight Panel called for", "Norland Oversight Panel", True),
    ("The Norland Oversight Panel and the Bergen Review Panel met in Oslo on Monday. The panel called for further "
     "regulation of the banks on Tuesday.", "The panel called", "The panel called for", "Bergen Review Panel", False),
    # a name built on the noun before "of" is a bank too: a rival, or the one bank named before
    ("The Royal Bank of Norland posted a loss on Monday. The bank, which is owned by taxpayers, reported losses of "
     "$5 billion on Tuesday. Stark Bank, a rival, said on Wednesday that it would cut jobs.",
     "Royal Bank of Norland reported", "Royal Bank of Norland reported losses", "Royal Bank of Norland", True),
    ("Lowther Bank posted a loss on Monday. The Royal Bank of Norland also posted a loss. The bank reported losses "
     "of $5 billion on Tuesday.", "The bank reported", "The bank reported losses", "Lowther Bank", False),
    # whose physician he is describes him; it names no one else
    ("Ed Brandt is Anna Lind's personal physician. The physician was charged with manslaughter on Tuesday.",
     "Ed Brandt was charged", "Ed Brandt was charged with manslaughter", "Ed Brandt", True),
    ("Ed Brandt is Anna Lind's personal physician. Anna Lind hired the physician on a salary of $150,000 "
     "on Tuesday.", "Anna Lind hired", "Anna Lind hired Ed Brandt on a salary of $150,000", "Ed Brandt", True),
    # a description set beside a name after it, and what it is told to have done
    ("\"We are counting down to a flood,\" said Ed Brandt, a professor at the University of Oslo who helped "
     "trace the outbreak of cholera in 2003.", "Ed Brandt helped", "Ed Brandt helped trace the outbreak of cholera",
     "Ed Brandt", True),
    ("Carl Dahl praised the banker who had lent money to the party on Monday.", "The banker had lent",
     "The banker had lent money", "Carl Dahl", False),
    # a relative clause with no comma picks one out: perhaps another singer than the one named
    ("Ed Brandt, a singer, flew to Oslo on Monday. The singer who had opened the show quit the tour on Friday.",
     "The singer", "The singer", "Ed Brandt", False),
    # a judge first named after the description is likely another than the one it refers back to
    ("Ivo Marek ordered officials to free the activists on Monday. The judge, who won a famous case against the "
     "army in July, also demanded an explanation for the arrests on Tuesday. Anna Lind, a retired judge, said on "
     "Wednesday that she would stand for president.", "The judge demanded", "The judge demanded", "Anna Lind", False),
    # a body that says "he" is not whom "he" stands for; a person who says it may be
    ("President Ed Brandt addressed the nation on Sunday. The Norland Broadcasting Corporation said he had decided "
     "to resign out of loyalty to the party.", "The Norland Broadcasting", "said Ed Brandt had decided", "Ed Brandt",
     True),
    ("Ed Brandt addressed the nation on Sunday. Carl Dahl said he had decided to resign out of loyalty to the party.",
     "Carl Dahl said", "Carl Dahl said he had decided", "Ed Brandt", False),
    # two physicians: the one meant is not certain
    ("Ed Brandt is Anna Lind's personal physician. Carl Dahl, a physician, told the court on Monday that the "
     "physician had erred.", "Carl Dahl told", "the physician had erred", "Ed Brandt", False),
])
def test_a_description_is_the_actor_the_article_ties_it_to_when_it_ties_it_to_one(
        nlp, text: str, starts: str, written: str, actor: str, tied: bool) -> None:
    found, actors = _event(nlp, text, starts)
    assert written in found and (actor in found) == tied, found
    assert (actor in actors) == tied, actors


def test_the_name_a_headline_writes_in_full_is_the_person_it_is_about(nlp) -> None:
    # "Voss" alone may be her brother
    text = ("Katrin Voss sang in Bergen on Monday. Fans gathered outside the hall, and Ed Voss, her brother, "
            "thanked them. Voss said the family was grateful. The death of the singer prompted grief on Tuesday.")
    found, actors = _event(nlp, text, "The death", headline="Voss concert ends Katrin Voss died at 50")
    assert found.startswith("The death of Katrin Voss"), found
    assert "Katrin Voss" in actors and "Ed Voss" not in actors, actors


def test_a_name_in_full_and_by_its_surname_is_one_tie() -> None:
    mentions = [_mention("Morgan Tsvangirai", "organisation"), _mention("Tsvangirai")]
    assert sole_tie("leader", {"Morgan Tsvangirai", "Tsvangirai"}, mentions, 99) == "Morgan Tsvangirai"
    two = [*mentions, _mention("Sarah Tsvangirai")]
    assert sole_tie("leader", {"Morgan Tsvangirai", "Sarah Tsvangirai", "Tsvangirai"}, two, 99) is None


def test_a_phrase_beside_one_person_names_no_rival_but_a_body_s_phrase_does() -> None:
    mentions = [_mention("Conrad Hale"), _mention("Ivo Marek"), _mention("Stark Capital", "organisation")]
    assert sole_tie("physician", {"Conrad Hale", "Ivo Marek's personal physician"}, mentions, 99) == "Conrad Hale"
    # a name no actor was found for, or a second person, is a rival
    assert sole_tie("physician", {"Conrad Hale", UNKNOWN + "Lena"}, mentions, 99) is None
    assert sole_tie("physician", {"Conrad Hale", "Ivo Marek"}, mentions, 99) is None
    # "the administration" may be the phrase's ("the Stark administration") as well as the named body's
    assert sole_tie("administration", {"Stark Capital", "the Marek administration"}, mentions, 99) is None


def test_a_tie_counts_from_where_the_article_first_names_the_actor_under_any_form() -> None:
    early = Mention(start=10, end=16, text="Alleyn", name="Alleyn", kind="organisation")
    late = Mention(start=300, end=308, text="Alleyn's", name="Alleyn's", kind="organisation")
    later = Mention(start=400, end=410, text="Lowther School", name="Lowther School", kind="organisation")
    # "the school" at 200: Alleyn was named before it, as "Alleyn"; Lowther School only after it
    assert sole_tie("school", {"Alleyn's", "Lowther School"}, [early, late, later], 200) == "Alleyn's"
    assert sole_tie("school", {"Lowther School"}, [early, late, later], 200) is None
