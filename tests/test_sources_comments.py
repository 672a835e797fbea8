"""Readers' comments below a story or a blog post are the readers', not the story: from the
stamp of the first comment ("At 4:35 pm on 11 Mar 2010, a_reader wrote:") the page is set
aside, however much of it they fill, and no event is read from them. A story that quotes
what someone wrote keeps it."""

from __future__ import annotations

from spacy.language import Language

from tests.conftest import happenings
from timeline.sources.clean import clean_body

POST = (
    "Health officials in Veldon confirmed three new cases of the flu on Monday .\n"
    "The ministry closed two schools in the capital as a precaution , a spokesman said .\n"
    "At 4:35 pm on 11 Mar 2010 , harbourwatcher wrote : My cousin was sent home from school yesterday .\n"
    "The mayor resigned over the scandal last year and nobody remembers why .\n"
    "At 3:45 pm on 11 Mar 2010 , Tom_K wrote : This comment was removed because it broke the rules .\n"
    "At 4:01 pm on 11 Mar 2010 , greyfox wrote : The government sacked the health minister in 2007 .\n"
)
STORY = (
    "The health minister of Veldon resigned on Monday after a week of protests .\n"
    "In a letter to the prime minister , she wrote : I can no longer defend the closures .\n"
    "The prime minister accepted her resignation on Tuesday , his office said .\n"
)


def test_readers_comments_are_set_aside_from_their_first_stamp() -> None:
    cleaned = clean_body(POST)
    assert "harbourwatcher" not in cleaned.text and "greyfox" not in cleaned.text
    assert "mayor resigned" not in cleaned.text  # a comment's second line
    assert "closed two schools" in cleaned.text
    assert {r.rule for r in cleaned.removed} == {"readers' comments"}


def test_no_event_is_read_from_a_readers_comment(nlp: Language) -> None:
    found = happenings(nlp, clean_body(POST).text)
    assert [h for h in found if "three new cases" in h.title], [h.title for h in found]
    assert not [h for h in found if "mayor" in h.title or "sacked" in h.title], [h.title for h in found]


def test_a_story_that_quotes_what_someone_wrote_keeps_it() -> None:
    cleaned = clean_body(STORY)
    assert "accepted her resignation" in cleaned.text and "she wrote" in cleaned.text
    assert not cleaned.removed
