"""A stand taken again or a practice kept up, past the lede and with no time of its own, is
no news of the day; the new act the text dates is. Articles written for these tests."""

from __future__ import annotations

from datetime import date

from tests.test_events_background import _found

RETURN = ("Opposition leader Karim Osei returned to Westland on Monday after eight years in exile. "
          "Thousands of supporters met him at the airport in the capital. "
          "Police closed the main road to the city centre. "
          "Osei was driven to his family home in a convoy.\n\n"
          "Osei, whose party came second in the last election, again urged President Mensah to step down. "
          "The party has criticised the police. "
          "Osei's aides have sent regular e-mails to journalists.\n\n"
          "Osei told a rally in the capital on Monday that the election had been stolen.")


def _titles(nlp, text: str = RETURN) -> dict[str, str]:
    return {h.title: h.date for h in _found(nlp, text, published=date(2009, 9, 1), title="Osei returns to Westland")}


def test_a_stand_taken_again_or_a_practice_is_no_event(nlp) -> None:
    titles = _titles(nlp)
    restated = ("again urged", "criticised the police", "regular e-mails")
    assert not [t for t in titles if any(words in t for words in restated)], titles


def test_the_new_act_the_text_dates_stays(nlp) -> None:
    titles = _titles(nlp)
    assert [d for t, d in titles.items() if "told a rally" in t] == ["2009-08-31"], titles
    assert [d for t, d in titles.items() if "returned to Westland" in t] == ["2009-08-31"], titles


def test_a_stand_taken_again_on_a_day_the_text_names_is_news(nlp) -> None:
    text = RETURN.replace("again urged President Mensah to step down",
                          "again urged President Mensah on Monday to step down")
    assert [d for t, d in _titles(nlp, text).items() if "again urged" in t] == ["2009-08-31"]


def test_a_stand_taken_again_at_a_named_occasion_is_a_new_act(nlp) -> None:
    text = RETURN.replace("again urged President Mensah to step down",
                          "again urged President Mensah to step down in a speech to his supporters")
    assert [t for t in _titles(nlp, text) if "again urged" in t]
