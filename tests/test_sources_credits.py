"""A credit for a partner outlet ("This article was reported jointly with X", "Produced in
collaboration with X") is page furniture: it is not read as the story, while a sentence of
the story that reports a partnership stays."""

from __future__ import annotations

import pytest

from timeline.sources.clean import clean_body

STORY = (
    "Dock workers in Portsmouth ended a five-day strike on Tuesday after the port authority agreed to a "
    "new pay deal.\n"
    "The union said it had reached the agreement jointly with the shipping lines.\n"
)


@pytest.mark.parametrize("credit", [
    "This article was reported jointly with the Harbour Gazette.",
    "This story was produced in partnership with Coastal Radio and the Harbour Gazette.",
    "This investigation was reported in collaboration with the Solent Times",
    "Produced in collaboration with Coastal Radio.",
    "Reported in partnership with the Harbour Gazette.",
])
def test_a_credit_for_a_partner_outlet_is_not_read_as_the_story(credit: str) -> None:
    cleaned = clean_body(STORY + credit + "\n")
    assert "Gazette" not in cleaned.text and "Coastal Radio" not in cleaned.text and "Solent" not in cleaned.text
    assert "ended a five-day strike on Tuesday" in cleaned.text
    assert "reached the agreement jointly with the shipping lines" in cleaned.text


def test_a_credit_line_in_the_middle_of_the_story_is_dropped_and_the_rest_kept() -> None:
    text = STORY.replace("\n", "\nThis article was reported jointly with the Harbour Gazette.\n", 1)
    cleaned = clean_body(text)
    assert "Harbour Gazette" not in cleaned.text
    assert "reached the agreement" in cleaned.text
