"""One more point of a statement the article has reported ("X also said…") is more of that
statement, not a happening of its own. Articles written for these tests."""

from __future__ import annotations

from datetime import date

from tests.test_events_background import _found

SPEECH = ("President Tomas Mensah told the UN General Assembly on Tuesday that sanctions had ruined Westland's "
          "economy. He accused western governments of plotting to topple him.\n\n"
          "Mensah also said that the sanctions had closed half of the country's hospitals. "
          "The foreign minister Ana Ruiz also said that the sanctions were illegal.")


def test_a_further_point_of_the_same_speaker_folds_into_the_statement(nlp) -> None:
    found = _found(nlp, SPEECH, published=date(2008, 9, 24), title="Mensah attacks sanctions at UN")
    assert not [h for h in found if "closed half" in h.title], [h.title for h in found]
    assert [h for h in found if "closed half" in h.summary and "Mensah" in h.title], [h.title for h in found]


def test_another_speakers_point_stays_its_own(nlp) -> None:
    found = _found(nlp, SPEECH, published=date(2008, 9, 24), title="Mensah attacks sanctions at UN")
    assert [h.date for h in found if h.title.startswith("Ana Ruiz said")] == ["2008-09-23"], [h.title for h in found]


def test_also_opening_a_sentence_is_another_item(nlp) -> None:
    text = SPEECH + " Also on Tuesday, Mensah announced that the country would leave the regional trade bloc."
    found = _found(nlp, text, published=date(2008, 9, 24), title="Mensah attacks sanctions at UN")
    assert [h for h in found if "leave the regional trade bloc" in h.title], [h.title for h in found]
