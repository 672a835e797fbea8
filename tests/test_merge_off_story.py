"""Another story on a page about the collection's subject is listed for review, off the
main timeline, and kept in the store; the story's own events stay on the timeline."""

from __future__ import annotations

from tests.test_merge_stories import article, told
from timeline.merge import merge
from timeline.records import ActorRef

CAMPAIGN = ("Jacob Zuma and the African National Congress campaigned before the election; the party's "
            "leaders spoke of the president, parliament, the cabinet and the vote in every province. ")
BRIEF = "In other news, firefighters staged an orderly volcano drill near Naples on the slopes of Vesuvius."


def _collection(brief_sources: int = 1) -> tuple[list, list]:
    arts = [article(f"p{i}", text=CAMPAIGN + (BRIEF if i < brief_sources else f"Day {i} of the campaign."))
            for i in range(8)]
    hs = [told(f"p{i}", f"Jacob Zuma addressed rally number {i} on the election", predicate="address",
               kind="other", sentence=f"Jacob Zuma addressed the party's rally number {i} in the province")
          for i in range(8)]
    hs += [told(f"p{i}", "Firefighters staged an orderly volcano drill near Naples", actors=(), predicate="stage",
                kind="other", index=2, sentence=BRIEF) for i in range(brief_sources)]
    return hs, arts


def test_another_story_on_a_page_about_the_subject_is_listed_for_review_and_kept() -> None:
    hs, arts = _collection()
    result = merge([], hs, arts)
    drill = [e for e in result.events if "volcano" in e.title]
    assert len(drill) == 1  # still in the store
    assert result.review == frozenset({drill[0].id})  # the campaign's rallies stay on the timeline


def test_another_story_several_articles_report_stays_on_the_timeline() -> None:
    hs, arts = _collection(brief_sources=3)
    result = merge([], hs, arts)
    assert [e for e in result.events if "volcano" in e.title]
    assert not result.review


def test_an_event_that_names_the_collections_protagonist_is_on_the_story() -> None:
    hs, arts = _collection()
    hs.append(told("p5", "Jacob Zuma visited the volcano", actors=(ActorRef("Jacob Zuma", "person"),),
                   predicate="visit", kind="other", index=3, sentence="Jacob Zuma visited the volcano near Naples"))
    result = merge([], hs, arts)
    assert all("volcano drill" in e.title for e in result.events if e.id in result.review)
