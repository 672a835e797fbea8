"""One happening told by other words: synonymous verbs, and a noun that names what a verb told."""

from __future__ import annotations

from datetime import date

from timeline.merge import merge
from timeline.merge.wording import canonical_text, names_verb, same_verb
from timeline.records import ActorRef, Article, DateEvidence, Happening

DOCTOR = ActorRef("Conrad Murray", "person")
SINGER = ActorRef("Michael Jackson", "person")
GUARD = ActorRef("Alberto Alvarez", "person")
DAY = date(2009, 7, 28)


def article(aid: str) -> Article:
    return Article(id=aid, path=f"{aid}.txt", title=f"Report {aid}", text="", published=DAY, outlet=aid)


def told(aid: str, title: str, predicate: str, *, actors: tuple[ActorRef, ...] = (DOCTOR,), kind: str = "legal",
         index: int = 0, rule: str = "weekday-past") -> Happening:
    iso = DAY.isoformat()
    return Happening(article_id=aid, sentence_index=index, sentence=title + ".", predicate=predicate, date=iso,
                     precision="day", status="occurred",
                     evidence=DateEvidence(rule, None if rule == "publication-date" else "on Tuesday", iso),
                     title=title, summary=title + ".", type=kind, actors=actors)


def events_of(*hs: Happening) -> list[list[str]]:
    """Per event, the titles of its sources' happenings (by article), sorted."""
    result = merge([], list(hs), [article(a) for a in sorted({h.article_id for h in hs})])
    return sorted(sorted(s.article for s in e.sources) for e in result.events)


def test_synonymous_verbs_are_one_verb_and_one_word() -> None:
    assert same_verb("raid", "search") and same_verb("Search", "raid")
    assert not same_verb("raid", "question") and not same_verb("", "")
    assert canonical_text("Agents Raided the clinic and began searching") == "agents raid the clinic and open raid"


# Other reports of the collection, so that its common words ("house", "Las Vegas") weigh little.
AROUND = tuple(told(f"other{i}", text, "say", kind="statement", actors=(ActorRef(f"Speaker {i}", "person"),))
               for i, text in enumerate(["Conrad Murray spoke to the police in Los Angeles",
                                         "The house of the singer in Las Vegas was quiet",
                                         "Agents said the clinic was closed",
                                         "His lawyer said Conrad Murray was not a suspect"]))


def event_of_wire(*hs: Happening) -> list[str]:
    return next(e for e in events_of(*hs, *AROUND) if "wire" in e)


def test_a_raid_and_a_search_of_one_home_on_one_day_are_one_happening() -> None:
    # typed apart by extraction: only the verbs, as one, and the words, with them alike, join them
    raided = told("wire", "Drug agents raided a house of Conrad Murray in Las Vegas", "raid")
    searched = told("paper", "Police searched the house and clinic of Conrad Murray in Las Vegas on Tuesday "
                    "morning, his lawyer said", "search", kind="other")
    assert event_of_wire(raided, searched) == ["paper", "wire"]


def test_another_verb_on_the_home_of_one_party_stays_its_own_happening() -> None:
    raided = told("wire", "Drug agents raided a house of Conrad Murray in Las Vegas", "raid")
    valued = told("paper", "Police valued the house and clinic of Conrad Murray in Las Vegas on Tuesday "
                  "morning, his lawyer said", "value", kind="other")
    assert event_of_wire(raided, valued) == ["wire"]


def test_a_ruling_on_a_death_is_not_the_death_though_the_titles_share_names() -> None:
    retold = told("a", "Michael Jackson suffered a cardiac arrest at his Los Angeles home", "suffer",
                  actors=(SINGER,), rule="publication-date")
    ruling = told("b", "Michael Jackson's death is ruled a homicide by the Los Angeles coroner", "rule",
                  actors=(SINGER,))
    assert events_of(retold, ruling) == [["a"], ["b"]]


def test_a_noun_naming_what_a_sentence_before_told_is_that_happening() -> None:
    assert names_verb("Alberto Alvarez's testimony came at a preliminary hearing", "testify")
    assert not names_verb("Alberto Alvarez testified at a preliminary hearing", "testify")
    guard = told("a", "A bodyguard has testified that the doctor told him to hide the vials", "testify",
                 actors=(SINGER,), rule="publication-date")
    named = told("a", "Alberto Alvarez's testimony came at a preliminary hearing for Conrad Murray", "come",
                 actors=(GUARD, DOCTOR), index=1, rule="publication-date")
    other = told("b", "Alberto Alvarez testified that Conrad Murray called him to the bedroom", "testify",
                 actors=(GUARD, DOCTOR))
    assert events_of(guard, named, other) == [["a", "b"]]


def test_a_noun_of_another_happening_or_day_is_not_named_back() -> None:
    guard = told("a", "A bodyguard has testified that the doctor told him to hide the vials", "testify",
                 actors=(SINGER,), rule="publication-date")
    ruling = told("a", "The ruling came after a preliminary hearing for Conrad Murray", "come",
                  actors=(DOCTOR,), index=1, rule="publication-date")
    assert events_of(guard, ruling) == [["a"], ["a"]]
