"""Fragments a scraper ran into a sentence: a headline, a caption or a list item before a
story's sentence on one line, with no sentence end between them. ``glue_cuts`` finds where
each fragment ends and the sentence begins, by the cues of ``page_chrome.yaml``'s ``glue``
(words a fragment never ends on, words that open a sentence, a headline the sentence tells
again, a first sentence far longer than a story's); ``timeline.sources.chrome`` cuts there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from timeline.sources.spans import Mapped

if TYPE_CHECKING:
    from timeline.sources.chrome import ChromeVocabulary

# Where a sentence ends inside a fragment: then it is not a fragment.
SENTENCE_END = re.compile(r"[.!?][\"')]*$")
_WORD = re.compile(r"\S+")
_DASHES = frozenset({"--", "–", "—"})  # a dash between words sets off an aside, as a comma does


def balanced(text: str) -> bool:
    """No quotation or bracket left open: a cut there would fall inside it."""
    return text.count('"') % 2 == 0 and text.count("(") == text.count(")")


def split_glued(piece: Mapped, vocab: "ChromeVocabulary", common: frozenset[str],
                pairs: frozenset[str] = frozenset()) -> tuple[Mapped | None, Mapped]:
    """A headline, caption or list item run into the sentence after it, and the sentence.

    ``common``: the words the article writes in lower case; ``pairs``: the names of two
    capitalised words it writes more than once ("Los Angeles"). Returns (None, piece) when the
    piece opens with its own sentence.
    """
    cuts = glue_cuts(piece.text, vocab, common, pairs)
    if not cuts:
        return None, piece
    return piece.slice(0, cuts[-1]).strip(), piece.slice(cuts[-1])


def glue_cuts(text: str, vocab: "ChromeVocabulary", common: frozenset[str],
              pairs: frozenset[str] = frozenset()) -> list[int]:
    """Where fragments run into each other and into the sentence that ends ``text``: the last
    is where the sentence begins, the first where the opening fragment (a headline) ends."""
    if not SENTENCE_END.search(text.rstrip()):
        return []
    words = list(_WORD.finditer(text))
    boxed = _fact_box_cut(words, vocab, common)
    if boxed is not None:
        return [boxed]
    low, high = vocab.fragment_words
    cuts = []
    for k in range(1, min(len(words) - vocab.sentence_words, high + 1)):
        before, word = words[k - 1].group(), words[k].group()
        if SENTENCE_END.search(before):
            break
        if k < low or not _may_end(before, vocab):
            continue
        after = [w.group() for w in words[k + 1:k + 8]]
        opens = _opens(before, word, after, vocab, common)
        fragment = [w.group() for w in words[:k]]
        if opens in ("subject", "headline") and not _caption(fragment, vocab):
            continue
        if opens is None and before[:1].isupper() and _title_case(fragment, vocab):
            opens = _after_title(word, after, vocab)
        if opens is None and _named_after_end(words, k, vocab) and _caption(fragment, vocab) and \
                not any(w[-1:] in ",;" for w in fragment) and \
                (before.isdigit() or any(w in vocab.subject_verbs or w in vocab.clause_verbs for w in fragment)):
            opens = "subject"  # a caption of its own ("... said she was proud of the dockers in Portsmouth")
        if opens in ("listed", "subject") or (opens == "common" and (_plain(fragment, vocab) or
                                                                     vocab.caption.search(text[:words[k].start()]))) \
                or (opens == "headline" and (_headlinese(fragment, vocab) or before[-1] in "\"'")):
            cuts.append(words[k].start())
    while cuts and (not balanced(text[:cuts[-1]]) or vocab.date_fragment.match(text[:cuts[-1]].strip())):
        cuts.pop()
    if not cuts:
        shouted = _capitals_cut(words, vocab)
        found = {shouted} if shouted is not None else set()
        opening = _word_at(words, shouted)
        retold = _retold_cut(words[opening:], vocab)
        found.update([retold] if retold is not None else [])
        while (renamed := _renamed_cut(words, opening, vocab)) is not None:  # a caption may follow the headline
            found.add(renamed)
            opening = _word_at(words, renamed)
        cuts = sorted(c for c in found if balanced(text[:c]))
    later = _run_on_cut(words, vocab, common, pairs)
    if later is not None and balanced(text[:later]) and (not cuts or later > cuts[-1]):
        cuts.append(later)
    return cuts


def _retold_cut(words: list[re.Match[str]], vocab: "ChromeVocabulary") -> int | None:
    """Where a headline ends that the sentence after it tells again ("Doctor found guilty The
    singer's doctor has been found guilty of ..."): the first name or capitalised word after a
    word a fragment may end on, when most words of the fragment before it recur in the sentence."""
    least, most, share, sentence = vocab.retold
    end = _first_end(words)
    for k in range(least, min(most, end + 1 - sentence) + 1):
        before, word = words[k - 1].group(), words[k].group()
        if not _capital_after_end(before, word, vocab) or before[:1].isupper():
            continue
        told = [w for w in (_bare(m.group()) for m in words[:k]) if len(w) > 2 and w not in vocab.never_final]
        rest = {_bare(m.group()) for m in words[k:end + 1]}
        if len(told) >= 2 and sum(w in rest for w in told) >= share * len(told):
            return words[k].start()
    return None


def _capitals_cut(words: list[re.Match[str]], vocab: "ChromeVocabulary") -> int | None:
    """Where a headline in capitals ends ("PORT STRIKE ENDS Dock workers voted ..."): before the
    first capitalised word in lower case after a run of words in capitals that opens the line."""
    least, letters = vocab.capitals
    k = 0
    while k < len(words) and _shouted(words[k].group()):
        k += 1
    if k < least or k + vocab.sentence_words > len(words) or words[k - 1].group().endswith((",", ":")) or \
            max(len(_bare(w.group())) for w in words[:k]) < letters:  # a dateline "SAO PAULO, Brazil", a label
        return None
    word = words[k].group()
    if word[:1].isupper() and word.isalpha() and not word.isupper() and \
            any(w.group()[:1].islower() for w in words[k + 1:k + 5]):
        return words[k].start()
    return None


def _shouted(word: str) -> bool:
    letters = word.strip("\"'`()[]:;,.!?").replace("-", "").replace("'", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _word_at(words: list[re.Match[str]], offset: int | None) -> int:
    """The index of the word that starts at ``offset`` (0 for None)."""
    return next((k for k, w in enumerate(words) if w.start() == offset), 0) if offset is not None else 0


def _renamed_cut(words: list[re.Match[str]], opening: int, vocab: "ChromeVocabulary") -> int | None:
    """Where a headline ends whose name the sentence after it names again ("Mary Keel wins union
    vote Union leader Mary Keel said ..."): a name of two or more capitalised words among the
    opening words comes back before the first sentence end; the cut is at the earliest capitalised
    word after a lower-case word a fragment may end on, a few words before the name at most, with
    nothing between that a fragment never ends on."""
    most, window, longest = vocab.renamed
    end = _first_end(words)
    names = [w.group().strip("\"'`(),:;").removesuffix("'s") for w in words[:end + 1]]
    for i in range(opening, min(opening + most, end)):
        if not (_name_word(names[i]) and _name_word(names[i + 1])) or (i > opening and _name_word(names[i - 1])):
            continue
        name = names[i:i + 2]
        back = next((j for j in range(i + 3, end + 2 - vocab.sentence_words) if names[j:j + 2] == name), None)
        if back is None:
            continue
        for p in range(max(i + 3, back - window), min(back, longest) + 1):
            before = words[p - 1].group()
            if _name_word(names[p]) and _may_end(before, vocab) and \
                    (before[-1:].islower() or before[-1:] in "\"'" or _count(before, names[p], vocab)) \
                    and not before[:1].isupper() and not any(w.group()[-1] in ",;:" for w in words[p:back]) and \
                    not any(w.group()[-1:] == "," or w.group().lower() in vocab.links for w in words[:p]):
                return words[p].start()
        return None
    return None


def _count(before: str, word: str, vocab: "ChromeVocabulary") -> bool:
    """A number a headline or caption may end on ("aged 50"): not a day before its month, nor a
    year ending a date the sentence after it is dated by ("... on 1 November 2011 Dr Keel said")."""
    return before.isdigit() and len(before) != 4 and word not in vocab.months


def _name_word(word: str) -> bool:
    return len(word) > 1 and word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha()


def _bare(word: str) -> str:
    return word.strip("\"'`()[]:;,.!?").lower().removesuffix("'s")


def _run_on_cut(words: list[re.Match[str]], vocab: "ChromeVocabulary", common: frozenset[str],
                pairs: frozenset[str]) -> int | None:
    """Where the sentence begins in a first sentence far longer than a story's sentences
    ("Star to miss concert Star said she would find it difficult Star will not attend ..."):
    at the last name that opens after a word a fragment may end on (a one-word name after "on" or
    "in" among them) and goes on in lower case,
    leaving a headline or caption before it and a sentence after it; never after a determiner and
    one word ("the strategic Himalayan peak") unless a name of two words or a word the article
    writes in lower case (``common``) opens there, nor after a comma or a relative word (a clause going
    on) unless a caption's "shown in 2010," placed someone, nor inside a name of two
    words the article writes more than once (``pairs``: "in Los Angeles has ruled"). None when it
    is not so long."""
    least, fragment, sentence = vocab.run_on
    end = _first_end(words)
    if end + 1 < least:
        return None
    for k in range(end + 1 - sentence, fragment - 1, -1):
        before, word = words[k - 1].group(), words[k].group()
        if not _capital_after_end(before, word, vocab):
            continue
        if before[:1].isupper() and (words[k - 2].group() not in vocab.run_on_places or f"{before} {word}" in pairs):
            continue  # inside a name, unless the name is one word after "on", "in" ("on Monday", "in Leeds")
        if words[k - 2].group().lower() in vocab.run_on_phrase and word.lower() not in common and \
                words[k + 1].group()[:1].islower():
            continue  # "the strategic Himalayan peak": a word after a determiner awaits its noun, unless a
            # common word ("for his insomnia Lawyers for ...") or a name ("his death Ann Dube says") opens there
        if (any(w.group()[-1:] in ",;" or w.group() in _DASHES for w in words[vocab.run_on_credit:k]) or
                any(w.group().lower() in vocab.links for w in words[:k])) and \
                not vocab.caption.search(" ".join(w.group() for w in words[:k + 1])):
            continue  # "As the crowd, who had waited, greeted Mr Keel ...": a clause going on, no caption; a
            # comma among the first words is a credit's ("Reuters, Lisbon Port strike ends ...")
        run = k
        while run <= end and words[run].group()[:1].isupper():
            run += 1
        if run <= end and run - k <= 4 and words[run].group()[:1].islower():
            return words[k].start()
    return None


def _first_end(words: list[re.Match[str]]) -> int:
    """The index of the word that ends the first sentence, else of the last word."""
    return next((k for k, w in enumerate(words) if SENTENCE_END.search(w.group())), len(words) - 1)


def _capital_after_end(before: str, word: str, vocab: "ChromeVocabulary") -> bool:
    """A capitalised word after a word a fragment may end on: where a sentence may begin; not a
    month after a number ("on 4 April and ...": a date)."""
    return word[:1].isupper() and word.isalpha() and _may_end(before, vocab) and \
        not (before.isdigit() and word.rstrip(".") in vocab.months)


def _may_end(word: str, vocab: "ChromeVocabulary") -> bool:
    bare = word.strip("\"'()")
    return bool(bare) and bare[-1] not in ",;:" and (bare[-1].islower() or bare[-1].isdigit() or
                                                    word[-1] in "\"')") and bare.lower() not in vocab.never_final


def _opens(before: str, word: str, after: list[str], vocab: "ChromeVocabulary", common: frozenset[str]) -> str | None:
    """Whether ``word`` opens a sentence: "listed" (a word of the lists), "subject" (an article
    opening a subject that its verb follows: "... in Haiti The UN has launched ..."), "common" (a
    common word after a lower-case one: after a capitalised word it more likely continues a name,
    "Mexico City"), "headline" (an article opening a name: only after a headline), or None."""
    following = after[0]
    if word in vocab.openers_after_quote and before[-1:] in "\"'" and following[:1].isupper():
        return "listed"
    if len(word) == 1 and word in vocab.articles and before.strip("\"'(").capitalize() in vocab.letter_names:
        return None  # a name's letter: "influenza A virus", "Group A"
    plain = _opens_in_lower_case(before, word, following, vocab, common)
    if plain == "listed" or word not in vocab.articles:
        return plain
    if _name_then_verb(after, vocab):
        return "subject"  # "... in Haiti A senior official has ..."
    if _name_word(following.removesuffix("'s")):
        return "headline" if before[:1].islower() or before[-1:] in "\"'" else None
    return plain


def _opens_in_lower_case(before: str, word: str, following: str, vocab: "ChromeVocabulary",
                         common: frozenset[str]) -> str | None:
    """Whether ``word``, followed by a word in lower case, opens a sentence: "listed", "common" or None."""
    if not word[:1].isupper() or not word.isalpha() or not (following[:1].islower() or following[:1].isdigit()):
        return None
    if word in vocab.openers:
        return "listed"
    after_lower = before[:1].islower() or before[:1] in "\"'"
    if word in vocab.openers_after_lower:
        return "listed" if after_lower else None
    return "common" if word.lower() in common and after_lower and following[:1].islower() else None


def _name_then_verb(after: list[str], vocab: "ChromeVocabulary") -> bool:
    """A subject and then its verb, after an article: "UN has", "British man has been", "Democratic
    Republic of Congo has", "judge in Los Angeles has"; nothing between that a sentence's subject
    would not hold (a preposition of ``subject.through`` only before a name)."""
    for k, word in enumerate(after[:vocab.subject_words + 1]):
        if word in vocab.subject_verbs:
            return k > 0
        following = after[k + 1] if k + 1 < len(after) else ""
        named = k > 0 and _name_word(word) and (after[k - 1] in vocab.subject_through or _name_word(after[k - 1]))
        if word[-1:] in ",;:.!?\"" or (word.lower() in vocab.never_final and word != "of" and not named and not (
                word in vocab.subject_through and _name_word(following))):
            return False
    return False


def _named_after_end(words: list[re.Match[str]], k: int, vocab: "ChromeVocabulary") -> bool:
    """A name of two words or more and its verb straight after a caption's last word, when that
    word is a number ("... album chart in 2003 Michael Jackson has topped ...", "... aged 50 Ann
    Dube has ...") or a one-word place after "in", "at" ("... concert in Cardiff Ann Dube will
    ..."); not after a date's month or day ("on 1 November 2011 Dr Keel told"). The caller asks
    more of the caption before a place: a clause of its own, with no comma ("Professor Ann Dube at
    Imperial College London said" names a college)."""
    if k < 2:
        return False
    before, ahead = words[k - 1].group(), words[k - 2].group().rstrip(",")
    if before.isdigit():
        if ahead in vocab.months or ahead.isdigit():
            return False
    elif not (_name_word(before) and ahead in vocab.run_on_places and not words[k - 2].group()[:1].isupper()):
        return False
    names = 0
    for match in words[k:k + 5]:
        word = match.group()
        if word in vocab.subject_verbs:
            return names >= 2
        if not _name_word(word.removesuffix("'s")) or word.endswith("'s"):
            return False
        names += 1
    return False


def _fact_box_cut(words: list[re.Match[str]], vocab: "ChromeVocabulary", common: frozenset[str]) -> int | None:
    """Where the sentence begins after a fact box run into it ("Born: 29 August 1958, Gary
    Known as: King of Pop Hits: Thriller, Bad The coroner's office said ..."): the piece opens
    with a label, a few capitalised words ending on a colon, and holds ``fact_box.labels`` of them
    before its first sentence end; the sentence opens after the last label's value, at an
    article whose subject's verb follows or at a word that opens sentences."""
    end = _first_end(words)
    labels = [k for k in range(min(end, vocab.fact_box[1])) if _label(words, k, vocab)]
    if len(labels) < vocab.fact_box[0] or labels[0] > vocab.fact_box[2]:
        return None
    for k in range(labels[-1] + 2, end + 1 - vocab.sentence_words):
        before, word = words[k - 1].group(), words[k].group()
        after = [w.group() for w in words[k + 1:k + 8]]
        if _may_end(before, vocab) and after and _opens(before, word, after, vocab, common) in ("listed", "subject"):
            return words[k].start()
    return None


def _label(words: list[re.Match[str]], k: int, vocab: "ChromeVocabulary") -> bool:
    """A fact box's label ends at ``k``: a word ending on a colon, opening with a capital itself or
    within a few words of one, none of them a verb of saying ("Born:", "Also known as:"; not "Mr
    Keel said:")."""
    word = words[k].group()
    if not word.endswith(":") or len(word) < 3 or not word[:-1].replace("-", "").isalpha():
        return False
    for j in range(k, max(-1, k - vocab.fact_box[2]), -1):
        text = words[j].group()
        if text.lower().rstrip(":") in vocab.not_labels or (j < k and text[-1:] in ",;:.!?"):
            return False
        if text[:1].isupper():
            return True
    return False


def _title_case(fragment: list[str], vocab: "ChromeVocabulary") -> bool:
    """A headline in title case ("Airlines Brace for Impact of Crisis"): four words or more, each
    capitalised or a short word a title leaves in lower case, no comma or clause break, and not
    opening with a preposition ("On Sunday the Los Angeles Police ...")."""
    return len(fragment) >= vocab.title_case_words and fragment[0].lower() not in vocab.never_final and all(
        (w[:1].isupper() or w[:1].isdigit() or w in vocab.title_small) and w[-1] not in ",;" for w in fragment)


def _after_title(word: str, after: list[str], vocab: "ChromeVocabulary") -> str | None:
    """Whether ``word`` opens the sentence after a title-case headline: an article ("A", "The")
    whose subject goes on, after any names, with a lower-case word that is not one
    a title leaves in lower case ("... Crisis A trader in Moscow", "... Crisis The General Motors
    plant"); "Means A Chance for Greatness" is the title going on."""
    if word not in vocab.articles:
        return None
    for following in after:
        if following[:1].islower():
            return "listed" if following not in vocab.title_small else None
        if not (_name_word(following.removesuffix("'s")) or following[:1].isdigit()):
            return None
    return None


def _caption(fragment: list[str], vocab: "ChromeVocabulary") -> bool:
    """A headline or caption before an article's subject, not an adverbial or a clause going on
    ("Last week The Observer was ...", "We get The Economist ...", "... blog who runs The ...")."""
    first = fragment[0].lower()
    return len(fragment) >= 3 and first not in vocab.subject_adverbs and \
        not any(w in vocab.persons or w.lower() in vocab.links for w in fragment)


def _headlinese(fragment: list[str], vocab: "ChromeVocabulary") -> bool:
    """A fragment written as headlines are: plain and without an article."""
    articles = {w.lower() for w in vocab.articles}
    return _plain(fragment, vocab) and not any(w.lower() in articles for w in fragment)


def _plain(fragment: list[str], vocab: "ChromeVocabulary") -> bool:
    """A plain headline: no comma, no first or second person, no clause verb, not ending on a word
    asking for more."""
    last = fragment[-1]
    asks_more = last.endswith(("ing", "'s", "s'"))
    return not asks_more and not any(
        w.endswith((",", ";", ":")) or w in vocab.persons or w in vocab.clause_verbs for w in fragment)
