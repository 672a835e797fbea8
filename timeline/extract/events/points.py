"""Another point of a statement already reported: "Mugabe also blamed global warming for
the shortages", "the minister also said the patients were recovering", after the article
told what the same speaker said that day. It is more of that statement, not a happening of
its own: it folds into it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.records import Happening

if TYPE_CHECKING:
    from timeline.extract.events.candidate import Anchor

# Words that tell a clause as one more point of what was said.
FURTHER = frozenset({"also", "too"})
# Rules that date a clause by no words of its own (as dating.UNDATED_RULES).
UNDATED = frozenset({"publication-date", "lead-event-day"})
# Kinds of actor that speak.
SPEAKERS = frozenset({"person", "organisation", "group"})


def further_point_of(anchor: "Anchor", happening: Happening, found: list[Happening],
                     reporting: frozenset[str]) -> int | None:
    """The index in ``found`` of the statement ``happening`` says more of, or None."""
    verb = anchor.title_root
    if happening.type != "statement" and verb.lemma_.lower() not in reporting:
        return None
    if not any(c.dep_ == "advmod" and c.lower_ in FURTHER and c.i > min(t.i for t in verb.subtree)
               for c in verb.children):
        return None  # "Also today, the UN announced…" opens another item, not more of the same statement
    speakers = {a.name for a in happening.actors[:1] if a.kind in SPEAKERS}
    if not speakers:
        return None
    for i in range(len(found) - 1, -1, -1):
        earlier = found[i]
        if (happening.evidence.rule in UNDATED or earlier.date == happening.date) and \
                speakers & {a.name for a in earlier.actors}:
            return i
    return None
