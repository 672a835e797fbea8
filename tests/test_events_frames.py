"""A clause that frames a happening ("evidence emerged when…", "hopes suffered a setback
as…", "according to reports emerging…") is no event; the happening it frames is, at the
frame's time. A thing's bearing on the news ("his words underscored a divide") is the
writer's analysis. Articles written for these tests."""

from __future__ import annotations

from datetime import date

from tests.test_events_background import _found

SUNDAY = date(2009, 8, 30)
REPORT = ("The army took control of the northern province on Sunday, the defence ministry said. "
          "Further evidence of deep unrest emerged last night when more than 100 soldiers were kidnapped "
          "by rebels who ambushed a convoy near the border.\n\n"
          "According to reports emerging last night about the meeting, the intelligence chief Omar Diallo "
          "admitted that past truces with the rebels had failed. Hopes of a settlement suffered a setback "
          "yesterday as the rebel delegation walked out of the talks in Geneva.\n\n"
          "The minister's words underscored a deep divide between the army and the cabinet.")


def _titles(nlp) -> dict[str, str]:
    return {h.title: h.date for h in _found(nlp, REPORT, published=SUNDAY, title="Rebels kidnap 100 soldiers")}


def test_the_framed_happening_is_the_event_at_the_frames_time(nlp) -> None:
    titles = _titles(nlp)
    assert not [t for t in titles if "evidence" in t.lower() or "setback" in t], titles
    assert [d for t, d in titles.items() if "were kidnapped by rebels" in t] == ["2009-08-29"], titles
    assert [d for t, d in titles.items() if "walked out of the talks" in t] == ["2009-08-29"], titles


def test_a_source_named_around_the_news_is_no_event_of_its_own(nlp) -> None:
    titles = _titles(nlp)
    assert not [t for t in titles if t.startswith("Reports emerging")], titles
    assert [t for t in titles if "Omar Diallo admitted" in t], titles


def test_what_a_thing_does_to_the_news_is_analysis(nlp) -> None:
    titles = _titles(nlp)
    assert not [t for t in titles if "underscored" in t], titles
    assert [t for t in titles if "took control of the northern province" in t], titles


def test_a_party_that_highlights_something_does_something(nlp) -> None:
    """A party's act told with the same verb is weighed as any other."""
    text = ("The health minister Ana Ruiz highlighted the shortage of nurses in a speech to parliament on "
            "Tuesday.")
    titles = [h.title for h in _found(nlp, text, published=date(2009, 9, 2))]
    assert [t for t in titles if "highlighted the shortage" in t], titles


CARTEL = ("Oil ministers of the cartel agreed on Wednesday to cut output by two million barrels a day. "
          "The cut takes effect in January. Prices rose after the announcement. Traders in London bought heavily.\n\n"
          "\"The meeting this week shows they're worried and they need to manage supply more tightly,\" said "
          "Paul Rees, head of market research at Carden Energy, a Houston consulting firm. "
          "The news of the cut on Wednesday stunned some importers in Asia. "
          "The oil minister Ali Nasser said on Wednesday that the cartel would meet again in March.")


def test_a_commentators_reading_is_no_event_whatever_its_date(nlp) -> None:
    titles = [h.title for h in _found(nlp, CARTEL, published=date(2008, 12, 18), title="Cartel cuts oil output")]
    assert not [t for t in titles if "Rees" in t or "shows they're worried" in t], titles
    assert [t for t in titles if "Ali Nasser said" in t], titles  # an official's statement stays


def test_how_the_news_struck_people_is_colour(nlp) -> None:
    titles = [h.title for h in _found(nlp, CARTEL, published=date(2008, 12, 18), title="Cartel cuts oil output")]
    assert not [t for t in titles if "stunned" in t], titles
    assert [t for t in titles if "agreed to cut output" in t], titles


def test_researchers_warning_on_a_day_reports_a_study(nlp) -> None:
    """Researchers who warn on a day the text names report a finding; only a named commentator's
    reading of the news is left out whatever its date."""
    text = ("Deadly pneumonia caused by drug-resistant bacteria is spreading outside hospitals, U.S. researchers "
            "warned on Wednesday. The bacteria infected more than 2,000 patients last year, the study found.")
    titles = [h.title for h in _found(nlp, text, published=date(2009, 5, 15), title="Superbug pneumonia spreading")]
    assert [t for t in titles if "researchers warned" in t], titles
