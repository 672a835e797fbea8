"""People's names with particles: "Ursula von der Leyen", "Lula da Silva".

The small tagger tends to end a name at a lowercase particle and to give the
rest a label of its own ("Ursula von der" PERSON + "Leyen" GPE), and it does
not know the surname alone ("Von der Leyen said") for a person. These rules
put such names back together; the particles themselves are data
(``names.yaml``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def surname_of(words: list[str], particles: Iterable[str]) -> list[str]:
    """The surname of a full name given as words: from its first lowercase
    particle on ("von der Leyen"), else the last word."""
    keep = set(particles)
    for i, word in enumerate(words[1:], start=1):
        if word in keep and i < len(words) - 1:
            return words[i:]
    return words[-1:]


def is_particle_surname(words: list[str], particles: Iterable[str]) -> bool:
    """Whether a name is a surname alone: "von der Leyen", "Von der Leyen"
    at a sentence's start, but not "Ben Bernanke"."""
    keep = set(particles)
    return len(words) > 1 and (words[0] in keep or words[0].lower() in keep and words[1] in keep)


def join_particle_names(doc: "Doc", ents: list["Span"], particles: frozenset[str]) -> list["Span"]:
    """Entities with particle names made whole: a person's name carried over
    the particles that follow it to the next capitalised word, and the
    particle surname of a full name marked as that person wherever the text
    repeats it."""
    from timeline.extract.actors.institutions import positions

    if not positions(doc, "ORTH", particles):
        return ents  # most articles name nobody this way: nothing to look at
    ents = _carry_over(doc, ents, particles)
    return _mark_surnames(doc, ents, particles)


def _carry_over(doc: "Doc", ents: list["Span"], particles: frozenset[str]) -> list["Span"]:
    from spacy.tokens import Span

    owner = {i: e for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for ent in ents:
        if ent.label_ != "PERSON" or ent not in out:
            continue
        end = ent.end
        while end > ent.start + 1 and doc[end - 1].text in particles:
            end -= 1  # the tagger took the particles in but not the word after them
        j = end
        while j < len(doc) and (doc[j].text in particles or doc[j].text == "-" and j > end):
            j += 1
        if j == end or j >= len(doc) or not _capitalised(doc[j]):
            continue
        after = owner.get(j)
        stop = after.end if after is not None and after.start == j and len(after) <= 2 else j + 1
        whole = Span(doc, ent.start, stop, label="PERSON")
        out = [e for e in out if e.end <= whole.start or e.start >= whole.end] + [whole]
    return sorted(out, key=lambda e: (e.start, -e.end))


def _mark_surnames(doc: "Doc", ents: list["Span"], particles: frozenset[str]) -> list["Span"]:
    """"Von der Leyen said" after "Ursula von der Leyen": the same person,
    whatever the tagger made of it."""
    from spacy.tokens import Span

    surnames: set[tuple[str, ...]] = set()
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) > 2:
            words = surname_of([t.text for t in ent], particles)
            if len(words) > 1:
                surnames.add(tuple(w.lower() for w in words))
    if not surnames:
        return ents
    people = {i for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    lowered = [t.lower_ for t in doc]
    extra = []
    for surname in surnames:
        size = len(surname)
        for i in range(len(doc) - size + 1):
            if tuple(lowered[i:i + size]) == surname and i not in people and _capitalised(doc[i + size - 1]):
                extra.append(Span(doc, i, i + size, label="PERSON"))
    if not extra:
        return ents
    kept = [e for e in ents if not any(e.start < x.end and x.start < e.end for x in extra)]
    return sorted(kept + extra, key=lambda e: (e.start, -e.end))


def _capitalised(token: "Token") -> bool:
    return token.is_alpha and token.text[:1].isupper()
