"""Another story on a page about the collection's subject is listed for review, off the
main timeline, and kept in the store; the story's own events stay on the timeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.test_merge_stories import article, told
from timeline.merge import merge
from timeline.merge.page_items import items
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


STORY = ("Jacob Zuma told the African National Congress rally in Durban that the party would win the "
         "election in KwaZulu-Natal.\n\nThe ANC said Zuma would address supporters in Soweto.")
DIGEST = (CAMPAIGN + STORY + "\n\nReuters, Durban Cabinet to extend emergency\n\n"
          "The Israeli justice minister, Yossi Beilin, "
          "said the cabinet in Jerusalem approved a proposal to ask the Knesset to extend the emergency, as "
          "the president and parliament of the party had asked.\n\nBeilin said Israel had never done so.\n\n"
          "AP, Jerusalem Naples braces for Vesuvius\n\nNeapolitans staged an orderly Vesuvius drill near Naples "
          "and Pompeii.\n\nReuters, Naples")


def _digest_collection() -> tuple[list, list]:
    arts = [article(f"p{i}", text=DIGEST if i < 2 else CAMPAIGN + STORY) for i in range(8)]
    hs = [told(f"p{i}", f"Jacob Zuma addressed rally number {i} on the election", predicate="address",
               kind="other", sentence=f"Jacob Zuma addressed the party's rally number {i} in the province")
          for i in range(8)]
    cabinet = ("The Israeli justice minister, Yossi Beilin, said the cabinet in Jerusalem approved a proposal to "
               "ask the Knesset to extend the emergency, as the president and parliament of the party had asked.")
    hs += [told(f"p{i}", "The cabinet approved a proposal to extend the emergency, as the president and parliament "
                "of the party had asked", actors=(), predicate="approve", kind="other", index=5, sentence=cabinet)
           for i in range(2)]
    hs += [told(f"p{i}", "Jacob Zuma told the rally in Durban the party would win", predicate="tell",
                kind="statement", index=1, sentence=STORY.split("\n\n")[0]) for i in range(2)]
    return hs, arts


def test_an_item_of_a_news_in_brief_page_off_the_story_is_listed_for_review_whole() -> None:
    hs, arts = _digest_collection()
    result = merge([], hs, arts)
    cabinet = [e for e in result.events if "cabinet approved" in e.title]
    assert len(cabinet) == 1 and len(cabinet[0].sources) == 2  # two pages tell it: it is judged by its item
    assert cabinet[0].id in result.review
    durban = [e for e in result.events if "Durban" in e.title]
    assert durban and durban[0].id not in result.review  # the page's item on the story stays on the timeline
    assert not any("rally number" in e.title for e in result.events if e.id in result.review)


def test_a_page_made_of_items_is_cut_at_its_sign_offs() -> None:
    told_in = [DIGEST[s:e] for s, e in items(DIGEST)]
    assert len(told_in) == 3
    assert ["Soweto" in told_in[0], "Yossi Beilin" in told_in[1], "Vesuvius drill" in told_in[2]] == [True] * 3

    assert items(CAMPAIGN + STORY) == ()  # a report with no items' cues is one story


def test_a_running_order_is_cut_after_each_items_speakers() -> None:
    text = "\n\n".join([
        "Aid has started to arrive in Haiti after the earthquake.",
        "Pete Garrett, of the British Red Cross, discusses how aid agencies are coping.",
        "Finland has extended its anti-tobacco laws.", "Paul Henley reports from Helsinki.",
        "A report on pedigree dog breeding is to be published.", "It follows a documentary.",
        "Beverley Cuddy, editor of a magazine, discusses the future of dog breeding.",
        "Talks between the two sides are to begin this week.", "Edward Stourton reports from Cairo.",
        "Listeners may find parts of this report distressing."])
    spans = items(text)
    assert [text[s:e].split("\n\n")[0][:12] for s, e in spans] == [
        "Aid has star", "Finland has ", "A report on ", "Talks betwee", "Listeners ma"]


def _retold(day: date, published: date, aid: str, title: str) -> tuple:
    return (told(aid, title, day=day, rule="year", predicate="sack", kind="legal"), article(aid, published=published))


def test_a_happening_only_later_articles_retell_is_listed_for_review_and_kept() -> None:
    pairs = [_retold(date(2008, 3, d), date(2008, 3, d + 1), f"news{d}", f"Jacob Zuma addressed rally number {d}")
             for d in range(1, 7)]
    # told only in a profile published two years after the happening, inside the period the reports cover
    pairs.append(_retold(date(2008, 4, 2), date(2010, 5, 1), "profile", "Thabo Mbeki sacked the deputy president"))
    # before the first report: the site's Background, not this list
    pairs.append(_retold(date(1999, 6, 1), date(2010, 5, 1), "profile", "Thabo Mbeki became president"))
    hs, arts = [h for h, _ in pairs], list({a.id: a for _, a in pairs}.values())
    result = merge([], hs, arts)
    listed = {e.title for e in result.events if e.id in result.review}
    assert listed == {"Thabo Mbeki sacked the deputy president"}
    assert {"Thabo Mbeki sacked the deputy president", "Thabo Mbeki became president"} <= {
        e.title for e in result.events}  # nothing is lost



def test_a_happening_several_later_articles_retell_stays_on_the_timeline() -> None:
    pairs = [_retold(date(2008, 3, d), date(2008, 3, d + 1), f"news{d}", f"Jacob Zuma addressed rally number {d}")
             for d in range(1, 7)]
    # two profiles a year or two later retell one sacking: history the collection keeps telling
    pairs += [_retold(date(2008, 4, 2), date(2009, 5, 1), "profile", "Thabo Mbeki sacked the deputy president"),
              _retold(date(2008, 4, 2), date(2010, 5, 1), "portrait", "Thabo Mbeki sacked the deputy president")]
    hs, arts = [h for h, _ in pairs], list({a.id: a for _, a in pairs}.values())
    result = merge([], hs, arts)
    sacked = [e for e in result.events if e.title == "Thabo Mbeki sacked the deputy president"]
    assert len(sacked) == 1 and len(sacked[0].sources) == 2
    assert sacked[0].id not in result.review

def test_a_happening_an_article_of_its_time_tells_stays_on_the_timeline_though_later_ones_retell_it() -> None:
    hs = [told("then", "Thabo Mbeki sacked Jacob Zuma as deputy president", day=date(2008, 4, 2)),
          told("later", "Thabo Mbeki sacked Jacob Zuma as deputy president", day=date(2008, 4, 2))]
    arts = [article("then", published=date(2008, 4, 3)), article("later", published=date(2010, 5, 1))]
    arts += [article(f"p{i}", published=date(2008, 4, 1)) for i in range(5)]
    result = merge([], hs, arts)
    assert len(result.events) == 1 and not result.review


def test_a_happening_dated_by_its_year_alone_is_listed_for_review_and_a_dated_one_stays() -> None:
    arts = [article(f"p{i}", published=date(2009, 4, 20 + i)) for i in range(6)]
    hs = [told(f"p{i}", f"Jacob Zuma addressed rally number {i}", day=date(2009, 4, 19 + i)) for i in range(6)]
    shrank = told("p2", "The economy shrank by 1.8 per cent", day=date(2009, 4, 21), rule="year", index=6)
    hs.append(replace(shrank, date="2009", precision="year"))
    plan = told("p3", "Jacob Zuma will step down as party leader", day=date(2009, 4, 22), rule="year", index=7)
    hs.append(replace(plan, date="2010", precision="year", status="scheduled"))  # after the last report: Ahead
    hs.append(replace(plan, title="Jacob Zuma will open ten new clinics", date="2009", precision="year",
                      status="scheduled", predicate="open"))
    result = merge([], hs, arts)
    listed = {e.title for e in result.events if e.id in result.review}
    assert listed == {"The economy shrank by 1.8 per cent", "Jacob Zuma will open ten new clinics"}
    assert any("rally number" in e.title for e in result.events)


def test_a_line_of_a_chronology_a_later_page_gives_stays_on_the_timeline() -> None:
    arts = [article(f"p{i}", published=date(2011, 9, 20 + i)) for i in range(5)]
    arts.append(article("recap", published=date(2011, 11, 30)))
    hs = [told(f"p{i}", f"Conrad Murray attended hearing number {i}", day=date(2011, 9, 19 + i)) for i in range(5)]
    hs.append(told("recap", "The trial is delayed again", day=date(2011, 5, 2), rule="chronology-entry", index=9))
    hs.append(told("recap", "The judge moved the trial to a larger courtroom", day=date(2011, 5, 20), index=3))
    arts[0] = article("p0", published=date(2011, 4, 1))  # the reports open before the delay
    result = merge([], hs, arts)
    assert {e.title for e in result.events if e.id in result.review} == {
        "The judge moved the trial to a larger courtroom"}
