"""Merging again from the last merge's memory gives exactly what merging everything gives.

Each rebuild below merges the same store and happenings twice, once with the
memory (``merge(..., cache=...)``) and once from scratch (``merge_all``), and
requires the same events, counts and notes; then saves the store the way a
build does, so that the next rebuild starts from it. The edits are the ones a
greedy, order-dependent merge is fragile to: an article removed, one added,
one whose happenings now join another cluster, a sentence appended, a plan
whose taking place is now reported, an article's metadata, and a
maintainer's hand edits of the store.
"""

from __future__ import annotations

import logging
import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from timeline.merge import MergeResult, merge, merge_all
from timeline.records import ActorRef, Article, DateEvidence, Happening
from timeline.merge.remerge.state import Memory
from timeline.store.events import load_events, save_events

PEOPLE = [ActorRef(n, "person") for n in ("Olaf Scholz", "Volodymyr Zelensky", "Vladimir Putin", "Joe Biden",
                                          "Emmanuel Macron", "Ursula von der Leyen")]
OTHERS = [ActorRef("NATO", "organisation"), ActorRef("European Union", "organisation"),
          ActorRef("Ukraine", "country"), ActorRef("Russia", "country")]
VERBS = [("meet", "met", "diplomacy"), ("call", "spoke by phone with", "diplomacy"),
         ("sign", "signed a gas deal with", "economic"), ("warn", "warned", "statement"),
         ("visit", "visited", "diplomacy")]
DAYS = [f"2022-02-1{d}" for d in range(6)] + ["2022-02", "2022-W07"]
TAILS = ["", " in Kyiv", " on Monday", " about the talks", " over the border", " after the summit"]


class Corpus:
    """A small world of articles whose happenings cluster across articles in many ways."""

    def __init__(self, seed: int, articles: int = 30) -> None:
        self.rng = random.Random(seed)
        self.articles: dict[str, Article] = {}
        self.happenings: dict[str, list[Happening]] = {}
        for i in range(articles):
            self.add(f"a{i:03d}")

    def add(self, aid: str) -> None:
        rng = self.rng
        day = date(2022, 2, 10 + rng.randrange(6))
        self.articles[aid] = Article(id=aid, path=f"{aid}.md", title=f"{rng.choice(PEOPLE).name} in the news",
                                     text="", published=day, outlet=rng.choice(["wire", "daily", "", "herald"]))
        self.happenings[aid] = [self.happening(aid, i) for i in range(rng.randrange(3, 9))]
        if rng.random() < 0.3:  # one sentence telling two happenings
            first = self.happenings[aid][0]
            self.happenings[aid].append(replace(self.happening(aid, first.sentence_index), sentence=first.sentence))

    def happening(self, aid: str, index: int) -> Happening:
        rng = self.rng
        verb, past, kind = rng.choice(VERBS)
        who = rng.sample(PEOPLE, 2) if rng.random() < 0.7 else [rng.choice(PEOPLE), rng.choice(OTHERS)]
        day = rng.choice(DAYS)
        if rng.random() < 0.15:
            title, status, predicate = f"{who[0].name} is due to {verb} {who[1].name}", "scheduled", "due"
        else:
            title, status, predicate = f"{who[0].name} {past} {who[1].name}{rng.choice(TAILS)}", "occurred", verb
        return Happening(
            article_id=aid, sentence_index=index, sentence=f"{title}, officials said ({aid} {index}).",
            predicate=predicate, date=day, precision="day" if len(day) == 10 else "month", status=status,
            evidence=DateEvidence("weekday", "Monday", day), title=title, summary=title + ".", type=kind,
            actors=tuple(who), place=rng.choice(["Kyiv", None, None]),
            numbers=(rng.choice(["", "3", "5"]),) if rng.random() < 0.2 else ())

    def inputs(self) -> tuple[list[Happening], list[Article]]:
        # Shuffled by article, as extraction yields them, and one article's happenings in two runs.
        ids = sorted(self.happenings)
        self.rng.shuffle(ids)
        out = [h for aid in ids for h in self.happenings[aid]]
        return out, list(self.articles.values())

    # --- edits ---------------------------------------------------------------------------

    def remove(self) -> str:
        aid = self.rng.choice(sorted(self.happenings))
        del self.happenings[aid], self.articles[aid]
        return f"remove {aid}"

    def add_new(self) -> str:
        aid = f"b{self.rng.randrange(10**6):06d}"
        self.add(aid)
        return f"add {aid}"

    def copy(self) -> str:
        """An article telling what another told: its happenings join that article's clusters."""
        source = self.rng.choice(sorted(self.happenings))
        aid = f"c{self.rng.randrange(10**6):06d}-{source}"
        self.articles[aid] = replace(self.articles[source], id=aid, outlet="copy")
        self.happenings[aid] = [replace(h, article_id=aid, sentence=h.sentence + " Again.")
                                for h in self.happenings[source]]
        return f"copy {source}"

    def rejoin(self) -> str:
        """A happening now tells another article's happening: it leaves its cluster for that one."""
        aid, other = self.rng.sample(sorted(self.happenings), 2)
        i = self.rng.randrange(len(self.happenings[aid]))
        them = self.rng.choice(self.happenings[other])
        self.happenings[aid][i] = replace(self.happenings[aid][i], title=them.title, date=them.date,
                                          actors=them.actors, type=them.type, status=them.status,
                                          predicate=them.predicate, precision=them.precision)
        return f"rejoin {aid}"

    def append(self) -> str:
        aid = self.rng.choice(sorted(self.happenings))
        last = max(h.sentence_index for h in self.happenings[aid])
        self.happenings[aid].append(self.happening(aid, last + 1))
        return f"append {aid}"

    def retitle_article(self) -> str:
        aid = self.rng.choice(sorted(self.articles))
        self.articles[aid] = replace(self.articles[aid], url=f"https://example.org/{self.rng.randrange(99)}",
                                     title=self.articles[aid].title + " (updated)")
        return f"metadata {aid}"


class Rebuilds:
    """The store and cache folders of a content folder, rebuilt the way a build does."""

    def __init__(self, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
        self.folder, self.cache = tmp_path / "events", tmp_path / "cache"
        self.caplog = caplog
        caplog.set_level(logging.DEBUG, logger="timeline")

    def rebuild(self, corpus: Corpus, *, tokens: dict[str, str] | None = None, resolution: str | None = None,
                again: bool = True) -> MergeResult:
        store, problems = load_events(self.folder, self.cache)
        assert problems == []
        happenings, articles = corpus.inputs()
        self.caplog.clear()
        remembered = merge(store, happenings, articles, cache=self.cache, tokens=tokens, resolution=resolution)
        whole = merge_all(store, happenings, articles)
        assert remembered == whole
        if again:  # the memory was used, not set aside for a whole merge
            assert any("decided again" in r.message for r in self.caplog.records), self.caplog.text
        save_events(self.folder, list(whole.events), cache=self.cache)
        return whole


@pytest.fixture
def rebuilds(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> Rebuilds:
    return Rebuilds(tmp_path, caplog)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rebuilds_after_edits_equal_whole_merges(rebuilds: Rebuilds, seed: int) -> None:
    corpus = Corpus(seed)
    rebuilds.rebuild(corpus, again=False)
    rebuilds.rebuild(corpus)
    edits = [corpus.remove, corpus.add_new, corpus.copy, corpus.rejoin, corpus.append, corpus.retitle_article]
    for step in range(24):
        corpus.rng.choice(edits)()
        rebuilds.rebuild(corpus)
        if step % 2 == 0:
            rebuilds.rebuild(corpus)  # the rebuild after: the store now holds what the edit changed


def test_a_happening_that_joins_another_cluster_moves_its_source(rebuilds: Rebuilds) -> None:
    corpus = Corpus(4, articles=12)
    rebuilds.rebuild(corpus, again=False)
    aid, other = "a003", "a007"
    them = corpus.happenings[other][0]
    corpus.happenings[aid][0] = replace(corpus.happenings[aid][0], title=them.title, date=them.date,
                                        actors=them.actors, type=them.type, status=them.status)
    result = rebuilds.rebuild(corpus)
    joined = [e for e in result.events if {s.article for s in e.sources} >= {aid, other}]
    assert joined


def test_removed_and_added_articles(rebuilds: Rebuilds) -> None:
    corpus = Corpus(5, articles=15)
    rebuilds.rebuild(corpus, again=False)
    corpus.remove()
    assert rebuilds.rebuild(corpus).removed or True
    corpus.copy()
    corpus.add_new()
    rebuilds.rebuild(corpus)


def _edit(folder: Path, old: str, new: str) -> None:
    for path in folder.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
            return
    raise AssertionError(f"{old!r} is in no store file")


def _add_after_id(folder: Path, eid: str, lines: str) -> None:
    for path in folder.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for written in (f"- id: {eid}\n", f'- id: "{eid}"\n'):
            if written in text:
                path.write_text(text.replace(written, written + lines, 1), encoding="utf-8")
                return
    raise AssertionError(f"{eid} is in no store file")


def _copy_event(folder: Path, eid: str, new_id: str) -> None:
    for path in folder.glob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for i, line in enumerate(lines):
            if line in (f"- id: {eid}\n", f'- id: "{eid}"\n'):
                end = next((j for j in range(i + 1, len(lines)) if lines[j].startswith("- ")), len(lines))
                path.write_text("".join(lines + [f"- id: {new_id}\n"] + lines[i + 1:end]), encoding="utf-8")
                return
    raise AssertionError(f"{eid} is in no store file")


def test_a_maintainers_edits_of_the_store_are_honoured(rebuilds: Rebuilds) -> None:
    corpus = Corpus(6, articles=12)
    events = rebuilds.rebuild(corpus, again=False).events
    rebuilds.rebuild(corpus)
    target, hidden, ranked, gone = events[0], events[len(events) // 2], events[1], events[-1]
    _edit(rebuilds.folder, f"  title: {target.title}\n", "  title: Edited by hand\n")
    _add_after_id(rebuilds.folder, hidden.id, "  hidden: true\n")
    # Fields the build owns: the next merge gives them back their value.
    _add_after_id(rebuilds.folder, ranked.id, "  disputes:\n  - typed in\n")
    result = rebuilds.rebuild(corpus)
    edited = {e.id: e for e in result.events}
    assert edited[target.id].title == "Edited by hand" and "title" in edited[target.id].curated
    assert edited[hidden.id].hidden and edited[ranked.id].disputes == ranked.disputes
    assert result.changed
    # A copy of an event typed in under an id that sorts first: the event's sentences now
    # lead to it, and the original, which nothing continues, goes.
    _copy_event(rebuilds.folder, events[2].id, "0000-typed-in")
    result = rebuilds.rebuild(corpus)
    assert "0000-typed-in" in {e.id for e in result.events} and result.removed
    rebuilds.rebuild(corpus)
    # A file removed by hand: its events come back, new, from the articles.
    path = next(p for p in rebuilds.folder.glob("*.yaml") if gone.id in p.read_text(encoding="utf-8"))
    path.unlink()
    assert rebuilds.rebuild(corpus).new
    rebuilds.rebuild(corpus)


class PlanWorld(Corpus):
    """A plan of Scholz's among articles of other days and people, and the report of its taking place."""

    def __init__(self) -> None:
        super().__init__(10, articles=0)
        for aid in ("a000", "x000", "x001"):
            self.add(aid)
            self.happenings[aid] = [replace(h, date="2022-02-11", actors=(PEOPLE[2], PEOPLE[3]))
                                    for h in self.happenings[aid]]
        scholz, zelensky = PEOPLE[0], PEOPLE[1]
        self.articles["early"] = Article(id="early", path="early.md", title="Scholz to travel", text="",
                                         published=date(2022, 2, 13), outlet="wire")
        self.plan = Happening(
            article_id="early", sentence_index=2, sentence="Olaf Scholz is due in Kyiv on Monday.", predicate="be",
            date="2022-02-14", precision="day", status="scheduled",
            evidence=DateEvidence("weekday", "Monday", "2022-02-14"), title="Olaf Scholz is due in Kyiv",
            summary="Olaf Scholz is due in Kyiv.", type="other", actors=(scholz,), place="Kyiv")
        self.happenings["early"] = [self.plan]
        self.late = replace(self.plan, article_id="late", sentence_index=0, predicate="meet", status="occurred",
                            sentence="Olaf Scholz met Volodymyr Zelensky in Kyiv.", type="diplomacy",
                            title="Olaf Scholz met Volodymyr Zelensky in Kyiv",
                            summary="Olaf Scholz met Volodymyr Zelensky in Kyiv.", actors=(scholz, zelensky))

    def report(self) -> None:
        self.articles["late"] = Article(id="late", path="late.md", title="Scholz in Kyiv", text="",
                                        published=date(2022, 2, 14), outlet="daily")
        self.happenings["late"] = [self.late]

    def met(self, result: MergeResult) -> list[str]:
        """The articles of the event of the meeting."""
        (event,) = [e for e in result.events if e.title == self.late.title]
        return [s.article for s in event.sources]


def test_a_plan_folds_into_its_taking_place_reported_later_and_unfolds(rebuilds: Rebuilds) -> None:
    corpus = PlanWorld()
    rebuilds.rebuild(corpus, again=False)
    corpus.report()
    result = rebuilds.rebuild(corpus)
    (event,) = [e for e in result.events if {s.article for s in e.sources} == {"early", "late"}]
    assert event.status == "occurred"
    rebuilds.rebuild(corpus)
    # The plan's article edited: the event it was folded into tells it anew.
    corpus.happenings["early"] = [replace(corpus.plan, sentence="Olaf Scholz is due in Kyiv.")]
    result = rebuilds.rebuild(corpus)
    (event,) = [e for e in result.events if {s.article for s in e.sources} == {"early", "late"}]
    assert "Olaf Scholz is due in Kyiv." in [s.quote for s in event.sources]
    del corpus.happenings["late"], corpus.articles["late"]
    rebuilds.rebuild(corpus)


def test_a_plan_that_joins_another_cluster_leaves_the_event_it_was_folded_into(rebuilds: Rebuilds) -> None:
    corpus = PlanWorld()
    corpus.report()
    landed = replace(corpus.plan, status="occurred", predicate="land", type="statement", place=None,
                     title="Olaf Scholz landed at Kyiv airport", sentence="Olaf Scholz landed at Kyiv airport.")
    for aid in ("aaa", "aab"):
        corpus.articles[aid] = replace(corpus.articles["early"], id=aid, outlet=aid)
        corpus.happenings[aid] = [replace(landed, article_id=aid)]
    assert corpus.met(rebuilds.rebuild(corpus, again=False)) == ["early", "late"]
    rebuilds.rebuild(corpus)
    # The plan now told in the landing's words: it joins that cluster, and is no plan of its own.
    corpus.happenings["early"] = [replace(corpus.plan, type="statement", sentence="Olaf Scholz is due to land.",
                                          title="Olaf Scholz is due to land at Kyiv airport")]
    assert corpus.met(rebuilds.rebuild(corpus)) == ["late"]
    rebuilds.rebuild(corpus)


def test_a_plan_that_now_fits_a_reported_happening_folds_into_its_event(rebuilds: Rebuilds) -> None:
    corpus = PlanWorld()
    corpus.report()
    corpus.happenings["early"] = [replace(corpus.plan, place="Lviv")]  # another place: not this visit
    for i, town in enumerate(["Paris", "Rome", "Madrid", "Oslo", "Bern"]):  # Scholz stays as prominent
        corpus.articles[f"s{i}"] = replace(corpus.articles["early"], id=f"s{i}", outlet=town)
        corpus.happenings[f"s{i}"] = [replace(corpus.late, article_id=f"s{i}", date=f"2022-01-0{i + 1}",
                                              type="statement", title=f"Olaf Scholz spoke in {town}",
                                              sentence=f"Olaf Scholz spoke in {town}.")]
    rebuilds.rebuild(corpus, again=False)
    rebuilds.rebuild(corpus)
    corpus.happenings["early"] = [corpus.plan]
    assert corpus.met(rebuilds.rebuild(corpus)) == ["early", "late"]
    rebuilds.rebuild(corpus)


def test_an_event_a_plan_no_longer_takes_is_open_to_the_sentences_other_happening(rebuilds: Rebuilds) -> None:
    """One sentence, two plans: Biden's comes first and takes its event, Scholz's then takes
    its own, whose title a maintainer changed. Once Biden's plan is folded into its taking
    place, reported later, Scholz's plan comes to Biden's event first and finds it closer."""
    biden, scholz, duda = PEOPLE[3], PEOPLE[0], ActorRef("Andrzej Duda", "person")
    sentence = "Joe Biden is due in Warsaw and Olaf Scholz is due in Kyiv on Monday."

    def plan(title: str, who: ActorRef, place: str) -> Happening:
        return Happening(article_id="early", sentence_index=2, sentence=sentence, predicate="be", date="2022-02-14",
                         precision="day", status="scheduled", evidence=DateEvidence("weekday", "Monday", "2022-02-14"),
                         title=title, summary=title + ".", type="other", actors=(who,), place=place)

    corpus = Corpus(14, articles=12)
    for aid, hs in corpus.happenings.items():  # other people, another month
        corpus.happenings[aid] = [replace(h, date="2022-01-05", actors=(PEOPLE[2], PEOPLE[4])) for h in hs]
    corpus.articles["early"] = Article(id="early", path="early.md", title="Trips", text="",
                                       published=date(2022, 2, 12), outlet="wire")
    corpus.happenings["early"] = [plan("Joe Biden is due in Warsaw", biden, "Warsaw"),
                                  plan("Olaf Scholz is due in Kyiv", scholz, "Kyiv")]
    events = {e.title: e for e in rebuilds.rebuild(corpus, again=False).events}
    rebuilds.rebuild(corpus)
    _edit(rebuilds.folder, "  title: Olaf Scholz is due in Kyiv\n", "  title: Chancellor\n")
    rebuilds.rebuild(corpus)
    rebuilds.rebuild(corpus)
    corpus.articles["late"] = Article(id="late", path="late.md", title="Warsaw", text="",
                                      published=date(2022, 2, 14), outlet="daily")
    corpus.happenings["late"] = [replace(
        corpus.happenings["early"][0], article_id="late", sentence_index=0, status="occurred", predicate="meet",
        sentence="Joe Biden met Andrzej Duda in Warsaw.", title="Joe Biden met Andrzej Duda in Warsaw",
        actors=(biden, duda), type="diplomacy")]
    result = rebuilds.rebuild(corpus)
    taken = {e.id: e for e in result.events}[events["Joe Biden is due in Warsaw"].id]
    assert [s.article for s in taken.sources] == ["early"]  # Scholz's plan, under Biden's id
    rebuilds.rebuild(corpus)


def test_a_crowded_block_keeps_its_window_of_candidates(rebuilds: Rebuilds) -> None:
    """Fifty clusters under one day and actor: a happening is compared with the
    last ``MAX_CANDIDATES`` only, so one telling an early cluster again starts its own."""
    corpus = Corpus(11, articles=0)
    biden = PEOPLE[3]
    rng = random.Random(11)
    for i in range(50):
        aid = f"d{i:03d}"
        words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(9)) for _ in range(8)]
        title = f"Joe Biden announced {' '.join(words)}"
        corpus.articles[aid] = Article(id=aid, path=f"{aid}.md", title=title, text="",
                                       published=date(2022, 2, 12), outlet=f"o{i % 7}")
        corpus.happenings[aid] = [Happening(
            article_id=aid, sentence_index=0, sentence=title + ".", predicate="announce", date="2022-02-12",
            precision="day", status="occurred", evidence=DateEvidence("weekday", "Saturday", "2022-02-12"),
            title=title, summary=title + ".", type="statement", actors=(biden,))]
    for i in range(16):  # later articles telling the early ones again, around the window's edge
        aid = f"z{i:03d}"
        told = corpus.happenings[f"d{i + 9:03d}"][0]
        corpus.articles[aid] = replace(corpus.articles[f"d{i + 9:03d}"], id=aid)
        corpus.happenings[aid] = [replace(told, article_id=aid, sentence=told.sentence + " Again.")]
    rebuilds.rebuild(corpus, again=False)
    rebuilds.rebuild(corpus)
    for aid in ("d005", "d020", "d030", "d000"):
        del corpus.happenings[aid], corpus.articles[aid]
        rebuilds.rebuild(corpus)
        rebuilds.rebuild(corpus)
    corpus.add("d999")
    rebuilds.rebuild(corpus)


def test_a_happening_seen_only_through_its_articles_earlier_one_is_decided_again(rebuilds: Rebuilds) -> None:
    """An article's first sentence joins an old cluster through a second actor's block,
    and so brings it back into view for the next sentence; without the first, the next
    one no longer sees that cluster, and starts its own."""
    biden, macron = PEOPLE[3], PEOPLE[4]
    rng = random.Random(15)
    corpus = Corpus(15, articles=0)

    def say(aid: str, index: int, title: str, actors: tuple[ActorRef, ...]) -> Happening:
        return Happening(article_id=aid, sentence_index=index, sentence=f"{title} ({aid}).", predicate="discuss",
                         date="2022-02-12", precision="day", status="occurred",
                         evidence=DateEvidence("weekday", "Saturday", "2022-02-12"), title=title,
                         summary=title + ".", type="diplomacy", actors=actors)

    talks = "Joe Biden and Emmanuel Macron discussed a ceasefire plan"
    for i in range(50):
        aid = f"d{i:03d}"
        words = " ".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(9)) for _ in range(8))
        corpus.articles[aid] = Article(id=aid, path=f"{aid}.md", title=aid, text="", published=date(2022, 2, 12))
        corpus.happenings[aid] = [say(aid, 0, talks, (biden, macron)) if i == 5 else
                                  say(aid, 0, f"Joe Biden discussed {words}", (biden,))]
    corpus.articles["m000"] = Article(id="m000", path="m000.md", title="Talks", text="", published=date(2022, 2, 12))
    corpus.happenings["m000"] = [say("m000", 1, talks, (biden, macron)), say("m000", 2, talks + " again", (biden,))]
    result = rebuilds.rebuild(corpus, again=False)
    assert [sorted(s.article for s in e.sources) for e in result.events if e.title == talks] == [["d005", "m000"]]
    rebuilds.rebuild(corpus)
    del corpus.happenings["m000"][0]
    result = rebuilds.rebuild(corpus)
    assert not [e for e in result.events if e.title == talks and len(e.sources) > 1]
    rebuilds.rebuild(corpus)


def test_tokens_spare_hashing_but_a_change_of_actors_is_still_seen(rebuilds: Rebuilds) -> None:
    corpus = Corpus(7, articles=12)
    tokens = {aid: f"extracted-{aid}" for aid in corpus.happenings}
    rebuilds.rebuild(corpus, tokens=tokens, again=False)
    rebuilds.rebuild(corpus, tokens=tokens)
    # The registry renamed an actor: extraction is the same, resolution is not.
    renamed = ActorRef("Olaf Scholz (chancellor)", "person")
    for aid, hs in corpus.happenings.items():
        corpus.happenings[aid] = [replace(h, actors=tuple(renamed if a == PEOPLE[0] else a for a in h.actors))
                                  for h in hs]
    result = rebuilds.rebuild(corpus, tokens=tokens, again=False)
    assert any(a.name == renamed.name for e in result.events for a in e.actors)
    corpus.append()
    aid = next(iter(corpus.happenings))
    tokens[aid] = "extracted again"
    rebuilds.rebuild(corpus, tokens={**tokens, **{a: f"extracted-{a}" for a in corpus.happenings if a not in tokens}})


def test_with_resolution_as_last_time_an_articles_actors_are_not_read(
        rebuilds: Rebuilds, monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline.merge.remerge.inputs as inputs

    corpus = Corpus(16, articles=12)
    tokens = {aid: f"extracted-{aid}" for aid in corpus.happenings}
    rebuilds.rebuild(corpus, tokens=tokens, resolution="registry 1", again=False)
    read: list[object] = []
    actors = inputs._ACTORS
    monkeypatch.setattr(inputs, "_ACTORS", lambda h: read.append(h) or actors(h))
    rebuilds.rebuild(corpus, tokens=tokens, resolution="registry 1")
    assert read == []
    aid = corpus.append().split()[-1]  # one article extracted anew: its actors alone are read
    tokens[aid] = "extracted again"
    rebuilds.rebuild(corpus, tokens=tokens, resolution="registry 1")
    assert {h.article_id for h in read} == {aid}  # type: ignore[attr-defined]
    # Another registry: every article's actors are read, and a rename is seen.
    renamed = ActorRef("Olaf Scholz (chancellor)", "person")
    for aid, hs in corpus.happenings.items():
        corpus.happenings[aid] = [replace(h, actors=tuple(renamed if a == PEOPLE[0] else a for a in h.actors))
                                  for h in hs]
    result = rebuilds.rebuild(corpus, tokens=tokens, resolution="registry 2", again=False)
    assert any(a.name == renamed.name for e in result.events for a in e.actors)


def test_a_damaged_or_missing_memory_is_a_whole_merge_never_an_error(rebuilds: Rebuilds) -> None:
    corpus = Corpus(8, articles=10)
    rebuilds.rebuild(corpus, again=False)
    memory = Memory(rebuilds.cache).path
    text = memory.read_text(encoding="utf-8")
    memory.write_text(text[: len(text) // 2], encoding="utf-8")
    rebuilds.rebuild(corpus, again=False)
    rebuilds.rebuild(corpus)
    memory.write_text(text.replace('"heads":[', '"heads":[7,', 1), encoding="utf-8")  # checksum fails
    rebuilds.rebuild(corpus, again=False)
    memory.unlink()
    rebuilds.rebuild(corpus, again=False)
    rebuilds.rebuild(corpus)


def test_a_clean_merge_reads_no_memory_and_writes_it_anew(rebuilds: Rebuilds) -> None:
    corpus = Corpus(13, articles=8)
    rebuilds.rebuild(corpus, again=False)
    rebuilds.rebuild(corpus)
    store, _ = load_events(rebuilds.folder, rebuilds.cache)
    happenings, articles = corpus.inputs()
    whole = merge_all(store, happenings, articles)
    rebuilds.caplog.clear()
    assert merge(store, happenings, articles, cache=rebuilds.cache, clean=True) == whole
    assert not any("decided again" in r.message for r in rebuilds.caplog.records)
    memory = Memory(rebuilds.cache).path
    memory.write_text("not a memory", encoding="utf-8")
    assert merge(store, happenings, articles, cache=rebuilds.cache, clean=True) == whole
    assert memory.read_text(encoding="utf-8") != "not a memory"
    rebuilds.rebuild(corpus)


def test_extraction_tokens_leave_out_failed_extractions_and_shared_ids() -> None:
    from timeline.records import Extraction
    from timeline.merge.remerge import extraction_tokens

    arts = [Article(id=a, path=f"{a}.md", title=a, text=f"text of {a}") for a in ("a", "b", "c")]
    xs = [Extraction(article=arts[0]), Extraction(article=arts[1], errors=("parse failed",)),
          Extraction(article=arts[2]), Extraction(article=replace(arts[2], path="c2.md"))]
    assert extraction_tokens(xs, "env") == {"a": f"env/{arts[0].fingerprint}"}
    assert extraction_tokens(xs[:1], "env", {"a": "known"}) == {"a": "env/known"}


def test_without_a_loaded_store_or_cache_nothing_is_remembered(tmp_path: Path) -> None:
    corpus = Corpus(9, articles=6)
    happenings, articles = corpus.inputs()
    first = merge([], happenings, articles, cache=tmp_path)
    assert first == merge_all([], happenings, articles)
    assert not Memory(tmp_path).path.exists()


def test_one_clusters_headline_flag_is_the_batch_one() -> None:
    from timeline.merge.importance import headline_flag, headline_flags
    from timeline.merge import cluster

    corpus = Corpus(12, articles=40)
    for aid in list(corpus.articles)[::2]:  # headlines telling an article's first happening, reworded
        first = corpus.happenings[aid][0]
        corpus.articles[aid] = replace(corpus.articles[aid], title=f"{first.title.upper()}: what we know")
    happenings, articles = corpus.inputs()
    by_id = {a.id: a for a in articles}
    clusters = cluster(happenings)
    flags = headline_flags(clusters, by_id)
    assert any(flags) and not all(flags)
    assert [headline_flag(group, by_id) for group in clusters] == flags
