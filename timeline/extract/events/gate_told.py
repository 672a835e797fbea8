"""How a candidate is told against its article's news: the gate's features of background
restated, of a detail of the lede's happening, and of comment, forecast and running counts.

A report opens on its happening; what follows tells it in detail, and an analysis or a
profile restates the past it is read against. Three kinds of candidate that the rules let
through are rarely what a desk lists (in the editor's labels of seeds 48 to 52, events
placed by their year alone are one in fifty a real event, by their month one in five):

- background restated: a happening placed only by its year, season or decade, or by a month
  of a year before its article's, told past the opening sentences or on a page of views;
- a detail of the lede's happening: a clause past the opening sentences whose subject is not
  a named actor, or whose actors are all ones the opening sentences already named (no new
  act of a named actor), or that names none;
- a comment, forecast or running count: words that look ahead ("is expected to", "likely
  to"), a count that runs on ("the death toll rose to"), and a judgement, a verb of being or
  seeming with an adjective ("the mood remained tense").

Each is a feature of the model (``newsworthy_model.yaml``): how much it weighs is learnt
from the labels, and their words are data (``newsworthy_cues.yaml``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.events.gate import PLACED_LOOSELY
from timeline.records import Article, Happening

if TYPE_CHECKING:
    from timeline.extract.events.candidate import Anchor
    from timeline.extract.events.gate_page import Page

# Precisions coarser than a month: a year, a season, a quarter, a decade, a century.
COARSE = frozenset({"year", "season", "quarter", "decade", "century"})
# The sentences that open an article, its lede: they tell the day's news, dated or not (gate.py).
OPENING_SENTENCES = 2
# A page that reads as views at least this much (the share of its sentences that judge).
JUDGING = 0.15
# Dependencies of an adjective or a noun that completes a verb of being or seeming.
COMPLEMENTS = frozenset({"acomp", "attr", "oprd"})


def any_cue(cues: frozenset[str], lemmas: set[str], joined: str) -> bool:
    """Whether a cue is told: a phrase among the sentence's words in order (``joined``, spaced
    on both sides), a single word among its words and lemmas."""
    return any((f" {c} " in joined) if " " in c else (c in lemmas) for c in cues)


def told_features(anchor: "Anchor", index: int, happening: Happening, page: "Page", article: Article,
                  known: dict[str, float], lemmas: set[str], joined: str,
                  words: "tuple[frozenset[str], frozenset[str], frozenset[str]]") -> dict[str, float]:
    """The features of how the candidate is told; ``known`` its features so far (its subject's
    kind), ``words`` the cues of forecasts, running counts and verbs of evaluation."""
    forecasts, counts, evaluating = words
    later = index >= OPENING_SENTENCES
    year = _year(happening.date)
    earlier_year = article.published is not None and year is not None and year < article.published.year
    placed_loosely = happening.precision in COARSE or (happening.precision == "month" and earlier_year)
    actors = {a.name for a in happening.actors}
    named = known.get("subject_named", 0.0) > 0
    root = anchor.title_root
    judged = root.lemma_.lower() in evaluating and any(c.dep_ in COMPLEMENTS and c.pos_ == "ADJ"
                                                      for c in root.children)
    return {
        PLACED_LOOSELY: float(placed_loosely),
        "precision_coarse": float(happening.precision in COARSE),
        "precision_month": float(happening.precision == "month"),
        "earlier_year": float(earlier_year),
        "restated_loosely": float(placed_loosely and (later or page.views or page.genre.judging >= JUDGING)),
        "later_unnamed": float(later and not named and not anchor.is_reporting),
        "later_known_actors": float(later and bool(actors) and actors <= page.lede_names),
        "later_no_actor": float(later and not actors),
        "forecast": float(any_cue(forecasts, lemmas, joined)),
        "running_count": float(bool(happening.numbers) and any_cue(counts, lemmas, joined)),
        "evaluation": float(judged),
    }


def _year(iso: str) -> int | None:
    head = iso.split("-", 1)[0]
    return int(head) if head.isdigit() and len(head) == 4 else None
