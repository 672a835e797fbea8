"""The newsworthiness gate: a learned model, kept as data, weighs the candidates the rules
let through (timeline/extract/events/gate.py). Articles written for these tests."""

from __future__ import annotations

import re
from datetime import date

from conftest import happenings

PUBLISHED = date(2012, 3, 8)

REPORT = ("The defence minister of Veldia resigned on Wednesday after a week of protests in the capital. "
          "Anna Brek handed her letter to the prime minister at a meeting in Ostra on Wednesday evening.\n\n"
          "Critics have long argued that the ministry is a symbol of a deeper crisis. "
          "Perhaps the real lesson is that reform always comes too late.\n\n"
          "The prime minister will name a successor on Friday.")


def _found(nlp, text: str, title: str = "Veldia's defence minister resigns"):
    return happenings(nlp, text, published=PUBLISHED, headline=title)


def test_the_model_file_is_readable_and_names_only_features_the_gate_computes(nlp) -> None:
    from timeline.data import load_data
    from timeline.extract.events import gate

    data = load_data("newsworthy_model.yaml")
    model = gate.load_model()
    assert set(model.weights) == {str(k) for k in data["weights"]}
    with gate.recording() as rows:
        _found(nlp, REPORT)
    computed = {name for *_, features in rows for name in features}
    one_hot = re.compile(r"^(type|verb_class|tense|subject|dated|title_kind|lex)_")  # lex_: a word present
    unknown = {n for n in model.weights if n not in computed and not one_hot.match(n)}
    assert not unknown, unknown


def test_every_candidate_that_reaches_the_gate_has_the_features_of_where_and_how_it_is_told(nlp) -> None:
    from timeline.extract.events import gate

    with gate.recording() as rows:
        _found(nlp, REPORT)
    by_title = {title: features for _, _, title, _, features in rows}
    resigned = next(f for t, f in by_title.items() if "resigned" in t)
    assert resigned["first_sentence"] == 1.0 and resigned["in_lede"] == 1.0
    assert resigned["dated_relative"] == 1.0 and resigned["tense_past"] == 1.0
    successor = next(f for t, f in by_title.items() if "successor" in t)
    assert successor["scheduled"] == 1.0 and successor["paragraph"] > resigned["paragraph"]
    assert successor["after_publication"] > 0 and resigned["before_publication"] > 0


def test_a_model_drops_what_it_scores_below_its_threshold_and_keeps_the_rest(nlp) -> None:
    from timeline.extract.events import gate

    everything = [h.title for h in _found(nlp, REPORT)]
    # a model that wants a candidate in the lede: the body's candidates fall below its threshold
    lede_only = gate.Model(intercept=-1.0, threshold=0.0, weights={"in_lede": 2.0})
    with gate.recording(lede_only):
        kept = [h.title for h in _found(nlp, REPORT)]
    assert kept and set(kept) < set(everything), (kept, everything)
    assert not any("successor" in t for t in kept)


def test_the_gate_gives_the_same_events_each_time(nlp) -> None:
    first = [(h.title, h.date) for h in _found(nlp, REPORT)]
    assert first == [(h.title, h.date) for h in _found(nlp, REPORT)]


COLOUR = ("The defence minister of Veldia resigned on Wednesday after a week of protests in the capital. "
          "Anna Brek handed her letter to the prime minister at a meeting in Ostra on Wednesday evening.\n\n"
          "Supporters of Brek gathered quietly outside the ministry with flowers and candles on Wednesday.\n\n"
          "Brek's book, a memoir of her years in the army, sold 20,000 copies in its first week in 2009.")


def test_the_shipped_model_ranks_the_news_of_the_day_above_colour_and_background(nlp) -> None:
    from timeline.extract.events import gate

    model = gate.load_model()
    with gate.recording() as rows:
        _found(nlp, COLOUR)
    scores = {title: model.log_odds(features) for _, _, title, _, features in rows}
    news = [s for t, s in scores.items() if "resigned" in t or "handed her letter" in t]
    aside = [s for t, s in scores.items() if "flowers" in t or "copies" in t]
    assert len(news) == 2 and len(aside) == 2, scores
    assert min(news) > max(aside), scores
    kept = [h.title for h in _found(nlp, COLOUR)]
    assert [t for t in kept if "resigned" in t or "handed her letter" in t], kept


def test_a_model_file_without_weights_keeps_every_candidate(monkeypatch) -> None:
    from timeline.extract.events import gate

    monkeypatch.setattr(gate, "load_data", lambda name: {"intercept": -5.0, "weights": {}})
    gate.load_model.cache_clear()
    try:
        assert gate.keeps("a", 0, "Anna Brek resigned", "2012-03-07", {"in_lede": 1.0})
    finally:
        monkeypatch.undo()
        gate.load_model.cache_clear()
    assert gate.load_model().threshold > float("-inf")  # the shipped model has one


NEWS_AND_RESTATED = (
    "The defence minister of Veldia resigned on Wednesday after a week of protests in the capital. "
    "Anna Brek handed her letter to the prime minister at a meeting in Ostra on Wednesday evening.\n\n"
    "Police have arrested three men over the attack on the ministry.\n\n"
    "The Veldian Workers Union has called a general strike, as it did at the time of the last budget.\n\n"
    "In other news, the Lindor football club signed a striker from Pera on Wednesday.")


def _rows(nlp, text: str, title: str = "Veldia's defence minister resigns") -> dict[str, dict[str, float]]:
    from timeline.extract.events import gate

    with gate.recording() as rows:
        _found(nlp, text, title)
    return {title: features for _, _, title, _, features in rows}


def _of(rows: dict[str, dict[str, float]], words: str) -> dict[str, float]:
    return next(f for t, f in rows.items() if words in t)


def test_a_clause_dated_only_by_publication_says_how_it_is_told(nlp) -> None:
    rows = _rows(nlp, NEWS_AND_RESTATED)
    resigned, arrested, strike = _of(rows, "resigned"), _of(rows, "arrested"), _of(rows, "general strike")
    assert resigned.get("dated_relative") == 1.0
    assert not any(name.startswith("dated_by_day_") for name in resigned), resigned
    # told in the perfect and dated by nothing but the day the article came out
    assert arrested["dated_publication"] == 1.0 and arrested["dated_by_day_perfect"] == 1.0
    assert arrested["dated_by_day_told_earlier"] == 0.0
    # "as it did at the time of ...": the sentence looks back before the day
    assert strike["dated_by_day_told_earlier"] == 1.0


def test_a_story_run_into_the_page_is_far_from_what_the_headline_and_lede_are_about(nlp) -> None:
    rows = _rows(nlp, NEWS_AND_RESTATED)
    lede, arrested, other = _of(rows, "handed her letter"), _of(rows, "arrested"), _of(rows, "striker")
    assert other["topic_similarity"] < 0.15 < arrested["topic_similarity"] < lede["topic_similarity"], rows


COLUMN = ("I have watched Veldian politics for twenty years. The resignation of Anna Brek was inevitable. "
          "Her reforms were brave but the ministry is hopeless. We are living through a crisis of trust.\n\n"
          "Brek resigned on Wednesday. The prime minister will name a successor on Friday.")


def test_a_column_reads_as_views_and_a_report_does_not(nlp) -> None:
    column = _of(_rows(nlp, COLUMN, "Brek had to go"), "resigned")
    report = _of(_rows(nlp, REPORT), "resigned")
    assert column["page_first_person"] >= 0.3 and report["page_first_person"] == 0.0
    assert column["page_judging"] > report["page_judging"]


def test_a_candidate_dated_only_by_publication_meets_a_threshold_of_its_own(nlp) -> None:
    from timeline.extract.events import gate

    every = gate.Model(intercept=0.0, threshold=-1.0, weights={})
    strict = gate.Model(intercept=0.0, threshold=-1.0, weights={}, publication_threshold=1.0)
    with gate.recording(every):
        kept = [h.title for h in _found(nlp, NEWS_AND_RESTATED)]
    with gate.recording(strict):
        strictly = [h.title for h in _found(nlp, NEWS_AND_RESTATED)]
    assert any("arrested" in t for t in kept) and not any("arrested" in t for t in strictly)
    assert any("resigned" in t for t in strictly) and any("handed her letter" in t for t in strictly)



OPENING = ("The council of Ostra renamed the main square after Anna Brek.\n\n"
           "Brek led the city's council for twelve years.\n\n"
           "The council renamed the square.")


def test_the_opening_sentences_are_weighed_by_the_general_threshold_the_body_by_the_stricter(nlp) -> None:
    from timeline.extract.events import gate

    # the same undated clause: first the article's news, then restated in its body
    strict = gate.Model(intercept=0.0, threshold=-1.0, weights={}, publication_threshold=1.0)
    rows = _rows(nlp, OPENING, "Ostra's square named after Brek")
    opening, body = _of(rows, "after Anna Brek"), _of(rows, "renamed the square")
    assert opening["dated_publication"] == body["dated_publication"] == 1.0
    assert opening["opening"] == 1.0 and body["opening"] == 0.0
    assert strict.threshold_for(opening) == -1.0 and strict.threshold_for(body) == 1.0
    with gate.recording(strict):
        kept = [h.title for h in _found(nlp, OPENING, "Ostra's square named after Brek")]
    assert any("after Anna Brek" in t for t in kept) and not any(t.endswith("renamed the square") for t in kept)


def test_an_article_without_a_headline_is_weighed_by_its_lede_alone(nlp) -> None:
    from tests.conftest import untitled
    from timeline.extract.events.gate_page import headline_of
    from timeline.records import Article

    # a text file with no headline line is titled by its opening words: a title that tells
    # nothing the lede does not, so the page counts as one without a headline
    made = Article(id="a", path="a.txt", title=untitled(REPORT), text=REPORT, published=PUBLISHED)
    assert made.title.startswith("The defence minister of Veldia resigned") and headline_of(made) == ""
    headed = Article(id="a", path="a.txt", title="Veldia's defence minister resigns", text=REPORT,
                     published=PUBLISHED)
    assert headline_of(headed) == "Veldia's defence minister resigns"
    made_rows, bare_rows = _rows(nlp, REPORT, made.title), _rows(nlp, REPORT, "")
    assert made_rows == bare_rows  # the title made from the text adds nothing
    handed = _of(made_rows, "handed her letter")
    assert handed["no_headline"] == 1.0 and handed["headline_overlap"] == 0.0 == handed["title_in_headline"]
    assert _of(_rows(nlp, REPORT), "handed her letter")["no_headline"] == 0.0



NARRATIVE = ("The defence minister of Veldia resigned on Wednesday after a week of protests in the capital.\n\n"
             "Anna Brek handed her letter to the prime minister at a meeting in Ostra on Wednesday evening. "
             "Police arrested three men outside the ministry.")
UNDATED = ("The defence ministry of Veldia has been run from Ostra. Anna Brek handed her letter to the prime "
           "minister. Police arrested three men outside the ministry.")


def test_an_undated_clause_is_weighed_by_when_the_story_stands(nlp) -> None:
    # after a happening the text dates to the days of the news, an undated clause goes on with them
    arrested = _of(_rows(nlp, NARRATIVE), "arrested")
    assert arrested.get("dated_by_day_after_news") == 1.0, arrested
    assert not any(n.startswith("dated_by_day_after") for n in _of(_rows(nlp, NARRATIVE), "resigned"))
    # an article that dates nothing: the story stands at no time
    arrested = _of(_rows(nlp, UNDATED), "arrested")
    assert arrested["dated_publication"] == 1.0 and arrested.get("dated_by_day_after_none") == 1.0, arrested


FORECAST = ("The defence minister of Veldia resigned on Wednesday after a week of protests in the capital.\n\n"
            "The coalition has long struggled to win more than 40 seats, analysts at the Ostra Institute said "
            "on Wednesday.")


def test_the_words_of_a_candidate_are_features_with_names_and_numbers_read_as_their_kind(nlp) -> None:
    rows = _rows(nlp, FORECAST)
    resigned, forecast = _of(rows, "resigned"), _of(rows, "struggled")
    assert resigned["lex_w_resign"] == 1.0 and resigned["lex_v_resign"] == 1.0
    assert resigned["lex_vt_resign_past"] == 1.0
    assert resigned["lex_b_of_name"] == 1.0  # "of Veldia": a name read as a name
    assert not any("veldia" in n for n in resigned), resigned
    assert forecast["lex_w_analyst"] == 1.0 and forecast["lex_b_than_num"] == 1.0
    assert forecast["lex_b_has_long"] == 1.0 and forecast["lex_vt_struggle_perfect"] == 1.0
    assert not [n for n in resigned if "analyst" in n or "long" in n]


def test_a_word_weighed_by_the_model_moves_a_candidate_across_the_threshold(nlp) -> None:
    from timeline.extract.events import gate

    keep_all = gate.Model(intercept=0.0, threshold=-1.0, weights={})
    no_analysts = gate.Model(intercept=0.0, threshold=-1.0, weights={"lex_w_analyst": -2.0})
    assert no_analysts.reads_words and not keep_all.reads_words  # the words are read only when weighed
    with gate.recording(keep_all):
        every = [h.title for h in _found(nlp, FORECAST)]
    with gate.recording(no_analysts):
        kept = [h.title for h in _found(nlp, FORECAST)]
    assert any("struggled" in t for t in every), every
    assert not any("struggled" in t for t in kept) and any("resigned" in t for t in kept), kept
