"""Quotations a verb of saying reports, before or after it: titled speaker first, and
the speaker's own words ("I", "we", "you") kept in quotation marks, never run in as
if the title said them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.events.naming import takes_article
from timeline.extract.events.title_words import load_title_words
from timeline.extract.events.wellformed import indefinite
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span, Token

# The fewest words of a quotation a title cuts it to at the end of a clause.
MIN_QUOTE_WORDS = 5
# Words that make a quotation the speaker's own: it is kept word for word, in quotation marks.
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves",
                          "you", "your", "yours", "yourself", "yourselves"})
# Words that open a noun phrase of their own: a name that opens with one takes no "the"
# ("a spokesman for the Health Ministry", never "The a spokesman…").
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
                         "my", "your", "one", "some", "any", "each", "every", "another"})
# What may stand between a verb of saying and the quotation it opens: 'said: "…"', 'said, "…"'.
QUOTE_LEAD = frozenset({":", ",", "-", "–", "—"})


def is_own_words(quote: "Token") -> bool:
    return bool(FIRST_PERSON & {t.lower_ for t in quote.subtree})


def verbatim(quote: "Token", quotes: str, limit: int) -> str:
    """The quotation as written; one longer than ``limit`` words ends, with an ellipsis,
    where a clause of it ends ("We should build a solid great wall to oppose the
    separatists…"), or after ``limit`` words when no clause ends early enough, never
    on a word a title is not cut on ("of", "the": ``title_words.yaml``)."""
    words = quote.doc[quote.left_edge.i:quote.right_edge.i + 1].text.strip(quotes + " ,.").split()
    if len(words) <= limit:
        return " ".join(words)
    ends = [n for n in range(MIN_QUOTE_WORDS, limit + 1) if words[n - 1].endswith((",", ";", ":"))]
    cut = ends[-1] if ends else limit
    never_last = load_title_words().never_last
    while not ends and cut > MIN_QUOTE_WORDS and words[cut - 1].lower() in never_last:
        cut -= 1  # "…brook none of" reads cut mid-phrase: "…brook none"
    return " ".join(words[:cut]).rstrip(",;:") + "…"


def speaker(root: "Token", mentions: list[Mention]) -> str:
    """"Joe Biden told Vladimir Putin" for a verb of saying placed after its quote,
    in the usual order even when the text inverts it ("said student Maria …")."""
    def named(dep: str) -> str:
        head = next((c for c in root.children if c.dep_ == dep), None)
        if head is None:
            return ""
        for mention in mentions:
            if mention.start <= head.idx < mention.end:
                return mention.name
        for aside in (c for c in head.children if c.dep_ == "appos"):  # "a spokesman, Ahsan Iqbal"
            for mention in mentions:
                if mention.kind == "person" and mention.start <= aside.idx < mention.end:
                    return mention.name
        left_out = {t.i for c in head.subtree if c.dep_ in ("appos", "relcl", "acl", "punct") for t in c.subtree}
        words = [t for t in head.subtree if t.i not in left_out]
        # "Grenada's", not "Grenada 's": a word glued to the one before stays glued
        return "".join(t.text + (t.whitespace_ or (" " if n + 1 < len(words) and words[n + 1].i != t.i + 1 else ""))
                       for n, t in enumerate(words)).strip()

    subject = named("nsubj")
    return " ".join(part for part in (_as_subject(subject), root.text, named("dobj")) if part) if subject else ""


def speaks_for_its_subject(root: "Token") -> bool:
    """"Ruto urged him to accept talks, his office said": a verb of saying whose subject is
    the voice of someone the sentence already named ("his office", "her spokesman":
    ``title_words.yaml``, own_voices) adds no one to the title."""
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in load_title_words().own_voices and any(
        c.dep_ == "poss" and c.tag_ == "PRP$" for c in subject.children)


def attributed(title: str, root: "Token", mentions: list[Mention], reporting: frozenset[str]) -> str:
    """A title cut from what a named speaker said keeps who said it, so that a claim does
    not read as fact: "Some rescue teams were starting to leave", told by a UN spokeswoman,
    is "Elisabeth Byrs says some rescue teams were starting to leave". What a speaker says
    of their own side ("Scholz said Germany was stopping…") or of themselves is left as told."""
    head = root.head
    according = _according_to(title, root, mentions)
    if according is not None:
        return according
    if root.dep_ != "ccomp" or head.i == root.i or head.lemma_.lower() not in reporting:
        return title
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    who = next((m for m in mentions if subject is not None and m.start <= subject.idx < m.end), None)
    if who is None or who.kind == "place" or title.startswith(who.name):
        return title
    if _own_side(root, who, mentions):
        return title
    opening = title.split(" ", 1)[0]
    keep_case = opening.isupper() or any(title.startswith(m.name) for m in mentions)
    name = who.name
    if "(" in name:  # a registry name told apart by brackets: the article's own words read better
        assert subject is not None
        name = "".join(t.text_with_ws for t in subject.subtree if t.dep_ not in ("appos", "relcl", "acl", "punct")
                       and not (t.dep_ == "det" and t.i == subject.left_edge.i)).strip()
    return f"{_as_subject(name)} says {title if keep_case else title[:1].lower() + title[1:]}"


# Words of attribution a title may add, so that it stays a headline.
ATTRIBUTION_WORDS = 4
HEADLINE_WORDS = 14


def _own_side(root: "Token", who: Mention, mentions: list[Mention]) -> bool:
    """What a speaker says of their own side ("Scholz said Germany was stopping…") or of
    themselves, which is left as told."""
    told = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if told is None:
        return False
    words = list(told.subtree)
    inside = [m for m in mentions if words[0].idx <= m.start and m.end <= words[-1].idx + len(words[-1])]
    if any(m.name in (who.name, who.country) or (who.country and m.country == who.country) for m in inside):
        return True  # the speaker's own side
    return told.lower_ in ("he", "she", "i", "we", "it", "they")  # the speaker of themselves


def _as_subject(name: str) -> str:
    """A name opening a title: "The International Organisation for Migration", "The West"."""
    if takes_article(name) and name.split(" ", 1)[0].lower() not in DETERMINERS:
        name = f"the {name}"
    return name[:1].upper() + name[1:]


def _according_to(title: str, root: "Token", mentions: list[Mention]) -> str | None:
    """"…were killed, according to reports" keeps its source, which a title must not
    drop: a named one speaks ("Amnesty International says …"), and so does one a report's
    "by" names ("according to a report by the Morning Post"); any other is told after the
    claim in its own words ("…, court documents say"), or by its noun alone when they are
    many or name no one ("…, a witness says")."""
    source = _source(root, mentions)
    if source is None:
        return None
    who, words, verb = source
    if who is not None:
        if title.startswith(who.name) or _own_side(root, who, mentions):
            return title
        keep_case = title.split(" ", 1)[0].isupper() or any(title.startswith(m.name) for m in mentions)
        return f"{_as_subject(who.name)} says {title if keep_case else title[:1].lower() + title[1:]}"
    if len(title.split()) + len(words) + 1 > HEADLINE_WORDS:
        return None
    return f"{title}, {' '.join(words)} {verb}"


def attribution_room(root: "Token", mentions: list[Mention]) -> int:
    """Words the "according to" source of the clause under ``root`` adds to its title ("…,
    court documents say"; "Amnesty International says …"), which the title leaves room for."""
    source = _source(root, mentions)
    if source is None:
        return 0
    who, words, _ = source
    return len((who.name if who is not None else " ".join(words)).split()) + 1


def _source(root: "Token", mentions: list[Mention]) -> "tuple[Mention | None, list[str], str] | None":
    """The "according to" source of the clause under ``root``: the actor who speaks, or the
    words that name the source, and the verb it takes."""
    prep = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "according"), None)
    to = next((c for c in prep.children if c.lower_ == "to"), None) if prep is not None else None
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    who = next((m for m in mentions if m.start <= source.idx < m.end and m.kind != "place"), None)
    if who is None:
        # "his sister, Lena Brandt": the name beside it; "a new report on the attacks by the
        # Morning Post": the one whose report it is
        named = [c for c in source.children if c.dep_ == "appos"] + [
            t for c in source.subtree if c.lower_ == "by" for t in c.children if t.dep_ == "pobj"]
        who = next((m for t in named for m in mentions if m.start <= t.idx < m.end and m.kind != "place"), None)
    # the source's own words, without what describes it ("court documents [obtained by …]"), and
    # without its phrases when they make it too long ("a new report [on the attacks]")
    words: list[str] = []
    for asides in (("relcl", "acl", "punct", "appos"), ("relcl", "acl", "punct", "appos", "prep")):
        left_out = {t.i for c in source.subtree if c.i != source.i and c.dep_ in asides for t in c.subtree}
        words = [t.text for t in source.subtree if t.i not in left_out]
        if len(words) <= ATTRIBUTION_WORDS:
            break
    if len(words) > ATTRIBUTION_WORDS:
        # still too long: its noun says who spoke ("a report", "documents")
        first = source.doc[source.left_edge.i]
        det = first.lower_ if first.lower_ in ("a", "an", "one") else ("" if source.tag_ in ("NNS", "NNPS") else "a")
        words = [w for w in (indefinite(source.text, det) if det in ("a", "an") else det, source.text) if w]
    return who, words, "say" if source.tag_ in ("NNS", "NNPS") else "says"


def fronted_quote(root: "Token", quotes: str) -> "Token | None":
    """The quoted clause a verb of saying follows, when the sentence opens with it."""
    for child in root.children:
        if child.dep_ == "ccomp" and child.i < root.i:
            first = child.left_edge
            opener = first if first.text in quotes else first.doc[first.i - 1] if first.i > 0 else None
            if opener is not None and opener.text in quotes:
                return child
            # '…Our goal is to deliver aid," said Ms Byrs': a quotation opened in an earlier line ends here
            j = child.right_edge.i + 1
            while j < root.i and child.doc[j].text in QUOTE_LEAD:
                j += 1
            if j < root.i and child.doc[j].text in quotes:
                return child
    return None


def quoted_phrases(chosen: list[int], tokens: "list[Token]", quotes: str) -> dict[int, str]:
    """The quotation marks a title keeps: those of a quoted phrase inside it
    ('described "dazed, dehydrated parents"'), written as curly marks, so that the
    article's words are not run in as the title's own; "" for the punctuation inside
    a phrase kept whole, written as it is. A phrase the title keeps with a gap
    inside is not word for word: it gets no marks. A phrase the title cuts
    keeps its opening mark and closes with an ellipsis after its last kept word."""
    kept = set(chosen)
    if not chosen:
        return {}
    marks: dict[int, str] = {}
    opened: int | None = None
    for i in range(chosen[0] + 1, len(tokens)):
        if opened is None and i > chosen[-1] + 1:
            break
        if tokens[i].text not in quotes:
            continue
        if _opens(tokens, i):
            opened = i
            continue
        if opened is None:
            continue
        inside = [j for j in range(opened + 1, i) if not tokens[j].is_punct]
        shown = [j for j in inside if j in kept]
        if shown and shown == inside[:len(shown)] and _tight(tokens, opened, i):  # whole, or cut at its end
            marks[opened] = OPENING[0]
            if len(shown) == len(inside):  # a quotation kept whole keeps its commas
                marks.update({j: "" for j in range(opened + 1, i) if j not in kept
                              and not (j == i - 1 and tokens[j].text in ".!")})  # no full stop in a headline
            marks[shown[-1] if len(shown) < len(inside) else i] = "…" + CLOSING[0] if len(shown) < len(inside) \
                else CLOSING[0]
        opened = None
    return marks


def _tight(tokens: "list[Token]", opened: int, closed: int) -> bool:
    """Whether the marks hug their words ('"a liar"'), as a quotation's do; marks
    with a space or a comma inside ('" , part of "') are left over from scraping."""
    first, last = tokens[opened + 1], tokens[closed - 1]
    return not tokens[opened].whitespace_ and not last.whitespace_ and not first.is_punct and (
        not last.is_punct or last.text in ".!?")


def _opens(tokens: "list[Token]", i: int) -> bool:
    """Whether the mark at ``i`` opens a quotation: a curly opening mark, or a
    straight one set off from the word before it and glued to the word after."""
    text = tokens[i].text
    if text in OPENING:
        return True
    if text in CLOSING:
        return False
    return (i == 0 or bool(tokens[i - 1].whitespace_)) and not tokens[i].whitespace_


def following_quote(root: "Token", quotes: str) -> "Token | None":
    """The quoted clause a verb of saying opens ('Mbeki said: "I shall return…"'):
    a complement after the verb that starts with an opening quotation mark set
    right after the verb or after a colon or comma."""
    tokens = root.doc.tokens
    for child in root.children:
        if child.dep_ != "ccomp" or child.i < root.i:
            continue
        first = child.left_edge.i
        mark = first if tokens[first].text in quotes else first - 1
        if mark <= root.i or tokens[mark].text not in quotes or not (
                _opens(tokens, mark) or tokens[mark - 1].text == ":"):  # 'said: " I shall…', spaced by scraping
            continue
        if mark - 1 == root.i or tokens[mark - 1].text in QUOTE_LEAD:
            return child
    return None


# Marks that open and close a quotation; a straight mark does both, in turn.
OPENING, CLOSING, STRAIGHT = "“«„", "”»", '"'


def in_quotation(segment: "Span") -> bool:
    """Whether ``segment`` is words of a quotation: it starts inside one opened
    earlier in its paragraph ('"We were told nothing. It was chaos," she said'
    gives "It was chaos") or opens one it does not close."""
    text = segment.doc.text
    paragraph = text[text.rfind("\n", 0, segment.start_char) + 1:segment.start_char]
    if _open_after(paragraph):
        return True
    own = segment.text.lstrip()
    return own[:1] in OPENING + STRAIGHT and _open_after(own)


def quotes_nobody(segment: "Span", reporting: frozenset[str]) -> bool:
    """Words of a quotation with no one said to say them in the sentence: a quote of
    nobody, which reports no happening however it reads."""
    if not in_quotation(segment):
        return False
    return not any(t.lemma_.lower() in reporting and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                   for t in segment)


def _open_after(text: str) -> bool:
    """Whether a quotation is still open at the end of ``text``."""
    depth = sum(text.count(c) for c in OPENING) - sum(text.count(c) for c in CLOSING)
    return depth > 0 or text.count(STRAIGHT) % 2 == 1
