"""What an article says once and means throughout: a person's country and
full title ("German Chancellor Olaf Scholz" makes the later "Chancellor
Scholz" Germany's), the country an article is about, and the organisation
a common noun stands for ("the bloc" after the EU is named)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Iterable, Protocol, Sequence

from timeline.extract.actors.gazetteer import Gazetteer
from timeline.extract.actors.institutions import positions
from timeline.extract.actors.names import fold
from timeline.extract.actors.roles import with_article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# A country is what an article is about when it is named this often, and
# this many times as often as any other: a passing mention of a second
# country leaves it clear, two countries in dispute do not.
_ABOUT_MIN = 2
_ABOUT_RATIO = 3


class Found(Protocol):
    span: "Span"
    name: str
    kind: str
    role: str | None
    country: str | None


def spread_people(found: Sequence[Found], gaz: Gazetteer) -> None:
    """Each person's country, once stated, on all their mentions; a bare
    title ("Chancellor") takes the country the article gives it: the
    person's own full title, else the one country the article is about."""
    people: dict[str, list[Found]] = {}
    for f in found:
        if f.kind == "person":
            people.setdefault(f.name, []).append(f)
    about = _about(found)
    held = {m.role for ms in people.values() for m in ms if m.role}
    # A bare title two people hold ("President Zelensky met President
    # Biden"), or one someone else holds for that country, is not the
    # article's country's for either.
    bare = Counter(t for ms in people.values() for t in {m.role for m in ms if m.role and " of " not in m.role})
    for mentions in people.values():
        full = {r.split(" of ", 1)[0]: (r, c) for r, c in ((m.role, m.country) for m in mentions)
                if r and c and " of " in r}
        country = next((m.country for m in mentions if m.country), None)
        for m in mentions:
            if m.role and " of " not in m.role and " to " not in m.role:
                claimed = f"{m.role} of {with_article(about)}" if about else ""
                if m.role in full:
                    m.role, m.country = full[m.role]
                elif country is None and about and fold(m.role) in gaz.national_titles \
                        and bare[m.role] == 1 and claimed not in held:
                    m.role, m.country = claimed, about
            m.country = m.country or country or next((x.country for x in mentions if x.country), None)


def _about(found: Iterable[Found]) -> str | None:
    """The country the article is about: named, or holding the places named,
    clearly more than any other."""
    counts = Counter(f.name if f.kind == "country" else f.country for f in found
                     if f.kind == "country" or f.kind == "place" and f.country).most_common(2)
    if not counts or counts[0][1] < _ABOUT_MIN:
        return None
    if len(counts) > 1 and counts[0][1] < _ABOUT_RATIO * counts[1][1]:
        return None
    return counts[0][0]


def noun_references(doc: "Doc", found: Sequence[Found], gaz: Gazetteer) -> list[tuple["Span", str]]:
    """"the bloc", "the alliance": the organisation last named before that
    the noun fits, as (span, organisation name). Only after "the" and
    without a name-like modifier ("the Soviet bloc" is no EU)."""
    if not gaz.org_nouns:
        return []
    named = [(f.span.start, f.name) for f in found if f.kind == "organisation"]
    if not named:
        return []
    lasts = {key[-1]: [k for k in gaz.org_nouns if k[-1] == key[-1]] for key in gaz.org_nouns}
    out = []
    for i in positions(doc, "LOWER", list(lasts)):
        for key in sorted(lasts[doc[i].lower_], key=len, reverse=True):
            start = i - len(key) + 1
            if start < 1 or tuple(t.lower_ for t in doc[start:i + 1]) != key:
                continue
            head = doc[i]
            det = doc[start - 1]
            modifiers = [t for t in head.lefts if t.i < start and t.dep_ != "det"]
            if det.lower_ != "the" and not modifiers or head.ent_type_ \
                    or any(t.text[:1].isupper() or t.ent_type_ for t in modifiers):
                break
            if modifiers and doc[modifiers[0].left_edge.i - 1].lower_ != "the":
                break
            fits = set(gaz.org_nouns[key])
            before = [name for at, name in named if at < start and name in fits]
            if before:
                out.append((doc[start:i + 1], before[-1]))
            break
    return out
