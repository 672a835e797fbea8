"""Resolving again with the last build's resolution saved: every build gives
what resolving every article from the registry on file gives, whatever
changed since (articles edited, added, removed, reordered; the registry
edited by hand; the saved files damaged or gone), and a rebuild resolves
only the articles a change reaches."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import timeline.resolve as resolve_module
from timeline.records import ActorRef, Article, DateEvidence, Extraction, Happening, Mention
from timeline.resolve import resolve_actors
from timeline.store.registry import load_registry, save_registry


def mention(name: str, kind: str = "person", text: str | None = None, role: str | None = None,
            country: str | None = None) -> Mention:
    text = text or name
    return Mention(0, len(text), text, name, kind, role=role, seen="2022-02-12" if role else None, country=country)


def extraction(label: str, *mentions: Mention, errors: tuple[str, ...] = ()) -> Extraction:
    article = Article(id=label, path=f"{label}.md", title=label.title(), text=f"The text of {label}.",
                      published=date(2022, 2, 12))
    actors = tuple(ActorRef(m.name, m.kind) for m in mentions)
    happenings = tuple(
        Happening(article_id=label, sentence_index=k, sentence=f"{label} {k}", predicate="say", date="2022-02-12",
                  precision="day", status="occurred", evidence=DateEvidence("publication-date"), title=label,
                  summary=label, actors=actors[k:k + 3])
        for k in range(0, max(len(actors), 1), 2))
    return Extraction(article=article, happenings=happenings, mentions=tuple(mentions), errors=errors)


def edited(e: Extraction, *mentions: Mention) -> Extraction:
    """``e`` after an edit of its text that brings ``mentions``."""
    again = extraction(e.article.id, *e.mentions, *mentions)
    return Extraction(article=Article(**{**again.article.__dict__, "text": e.article.text + " More."}),
                      happenings=again.happenings, mentions=again.mentions)


BIDEN = mention("Joe Biden", role="President of the United States", country="United States")
CORPUS = [
    extraction("call", BIDEN, mention("Vladimir Putin", role="President of Russia"), mention("Russia", "country"),
               mention("United States", "country", text="U.S.")),
    extraction("visit", mention("Olaf Scholz", role="Chancellor of Germany"), mention("Germany", "country"),
               mention("Volodymyr Zelensky"), mention("Kyiv", "place", text="Kiev")),
    extraction("summit", mention("Joe Biden", text="Biden"), mention("Emmanuel Macron", role="President of France"),
               mention("NATO", "organisation", text="the alliance")),
    extraction("talks", mention("Volodymyr Zelenskiy"), mention("Ukraine", "country"), mention("Russia", "country"),
               mention("Joe Biden", role="President")),
    extraction("market", mention("Apple", "organisation", text="Apple Inc."), mention("Steve Jobs"),
               mention("United States", "country", text="America")),
    extraction("launch", mention("Apple", "organisation"), mention("Steve Jobs", role="Chief Executive of Apple")),
    extraction("failed", mention("Nobody Known"), errors=("the parser gave up",)),
    extraction("sanctions", mention("Russia", "country"), mention("European Union", "organisation", text="EU"),
               mention("Vladimir Putin")),
    extraction("aid", mention("United States", "country"), mention("Ukraine", "country"), BIDEN),
]


class Builds:
    """Builds of one content folder: the registry on file, the cache folder, and
    the articles whose actors the last build added to the registry again."""

    def __init__(self, folder: Path) -> None:
        self.registry, self.cache = folder / "actors.yaml", folder / "cache"
        self.articles: dict[tuple[Mention, ...], str] = {}
        self.resolved: set[str] = set()

    def __call__(self, extractions: list[Extraction]) -> list[str]:
        expected_registry, expected = resolve_actors(load_registry(self.registry)[0], extractions)
        registry, _ = load_registry(self.registry, self.cache)
        self.articles = {e.mentions: e.article.id for e in extractions}
        self.resolved.clear()
        registry, happenings = resolve_actors(registry, extractions, cache=self.cache, environment="test")
        assert registry == expected_registry
        assert happenings == expected
        save_registry(self.registry, registry)
        return sorted(self.resolved)

    def edit(self, old: str, new: str) -> None:
        text = self.registry.read_text(encoding="utf-8")
        assert old in text
        self.registry.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def build(tmp_path, monkeypatch) -> Builds:
    builds = Builds(tmp_path)
    real = resolve_module.actors_from_mentions

    def counted(mentions):
        builds.resolved.add(builds.articles.get(mentions, "?"))
        return real(mentions)

    monkeypatch.setattr(resolve_module, "actors_from_mentions", counted)
    return builds


def test_a_rebuild_resolves_only_what_changed(build):
    corpus = list(CORPUS)
    assert len(build(corpus)) == len(corpus)
    assert build(corpus) == ["failed"]  # a failed extraction is never kept
    corpus[2] = edited(corpus[2])  # an edit that names no other actor
    assert build(corpus) == ["failed"]
    corpus[2] = edited(corpus[2], mention("Kyiv", "place"))
    assert build(corpus) == ["failed", "summit"]
    assert build(corpus) == ["failed"]


def test_clean_resolves_every_article_and_saves_the_resolution_anew(build):
    corpus = list(CORPUS)
    build(corpus)
    assert build(corpus) == ["failed"]  # the saved resolution is used
    registry, _ = load_registry(build.registry)
    build.articles = {e.mentions: e.article.id for e in corpus}
    build.resolved.clear()
    _, happenings = resolve_actors(registry, corpus, cache=build.cache, environment="test", clean=True)
    assert len(build.resolved) == len(corpus)  # nothing saved was used
    assert happenings == resolve_actors(registry, corpus)[1]
    assert build(corpus) == ["failed"]  # what it saved is used next time


@pytest.mark.parametrize("change", [
    "new role of a known person", "a bare title made ambiguous", "alias of a known country", "new person",
    "spelling of a new person", "new actor named as a known alias",
    "an edit naming no new actor after a change it reads",
    "an edit naming no new actor before a change it reads", "article added", "article removed", "order reversed"])
def test_articles_changed_added_or_removed(build, change):
    corpus = list(CORPUS)
    build(corpus)
    build(corpus)
    if change == "new role of a known person":
        corpus[1] = edited(corpus[1], mention("Joe Biden", role="Chairman of the Board"))
    elif change == "a bare title made ambiguous":  # "President" in a later article no longer says which
        corpus[1] = edited(corpus[1], mention("Joe Biden", role="President of the Senate"))
    elif change == "alias of a known country":
        corpus[1] = edited(corpus[1], mention("United States", "country", text="the States"))
    elif change == "new person":
        corpus[0] = edited(corpus[0], mention("Olena Zelenska"))
    elif change == "spelling of a new person":
        corpus[0] = edited(corpus[0], mention("Boris Zelenskyy"))
        build(corpus)
        corpus[4] = edited(corpus[4], mention("Boris Zelensky", text="Zelensky"))
    elif change == "new actor named as a known alias":
        corpus[3] = edited(corpus[3], mention("Apple Inc.", "organisation"))
    elif change.startswith("an edit naming no new actor"):  # "talks" says "President" Biden
        corpus[3] = edited(corpus[3])
        corpus[1 if "after" in change else 8] = edited(corpus[1 if "after" in change else 8],
                                                       mention("Joe Biden", role="President of the Senate"))
    elif change == "article added":
        corpus.insert(1, extraction("new", mention("Boris Zelenskiy"), mention("Apple", "organisation", text="AAPL"),
                                    mention("Joe Biden", role="Senator")))
    elif change == "article removed":
        del corpus[0]
    else:
        corpus.reverse()
    build(corpus)
    build(corpus)


@pytest.mark.parametrize("old, new", [
    ("- name: Joe Biden\n", "- name: President Biden\n  aliases:\n  - Joe Biden\n"),  # a rename
    ("- name: Steve Jobs\n  kind: person\n", "- name: Steve Jobs\n  kind: person\n  aliases:\n  - Apple\n"),  # merge
    ("- name: Russia\n  kind: country\n", "- name: Russia\n  kind: country\n  hidden: true\n"),
    ("- name: NATO\n  kind: organisation\n", "- name: NATO\n  kind: group\n"),
    ("- name: Olaf Scholz\n  kind: person\n", "- name: Olaf Scholtz\n  kind: person\n"),  # a name left out
    ("  - Biden\n", "  - Uncle Joe\n  - Biden\n"),  # aliases out of order
    ("  roles:\n  - title: President of Russia\n", "  roles:\n  - title: President\n  - title: President of Russia\n"),
    ("  country: United States\n", "  country: ''\n"),
    # roles that the next article naming NATO, with no role, merges
    ("- name: NATO\n  kind: organisation\n",
     "- name: NATO\n  kind: organisation\n  roles:\n  - title: Host\n  - title: Host of the summit\n"),
    ("actors:\n", "actors:\n- name: Apple Inc.\n  kind: organisation\n"),
])
def test_the_registry_edited_by_hand(build, old, new):
    build(CORPUS)
    build(CORPUS)
    build.edit(old, new)
    build(CORPUS)
    build(CORPUS)


@pytest.mark.parametrize("damage", ["removed", "emptied", "truncated", "garbled", "another registry"])
def test_damaged_or_missing_saved_files_are_resolved_again(build, damage):
    corpus = list(CORPUS)
    build(corpus)
    corpus[1] = edited(corpus[1], mention("Joe Biden", role="Chairman of the Board"))
    build(corpus)  # appended entries
    for path in sorted((build.cache / "resolve").rglob("*")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if damage == "removed":
            path.unlink()
        elif damage == "emptied":
            path.write_text("")
        elif damage == "truncated":
            path.write_text(text[: len(text) * 2 // 3])
        elif damage == "garbled":
            path.write_text(text.replace("Biden", "Bidem").replace("true", "fals"))
        else:
            digest = text[text.index('"registry":"') + 12:][:32] if '"registry":"' in text else text.strip()
            path.write_text(text.replace(digest, "0" * 32))
    build.edit("- name: Russia\n  kind: country\n", "- name: Russia\n  kind: country\n  hidden: true\n")
    build(corpus)
    build(corpus)


def test_another_extraction_environment_keeps_nothing_of_this_one(build):
    build(CORPUS)
    registry, _ = load_registry(build.registry, build.cache)
    build.resolved.clear()
    resolve_actors(registry, CORPUS, cache=build.cache, environment="another")
    assert len(build.resolved) == len(CORPUS)


def test_an_alias_moved_to_another_actor_by_hand(build):
    build.registry.write_text("actors:\n- name: Joe R. Biden\n  kind: person\n  aliases:\n  - Joe Biden\n",
                              encoding="utf-8")
    build(CORPUS)
    build(CORPUS)
    build.edit("  - Joe Biden\n", "  - J. R. Biden\n")
    build.edit("actors:\n", "actors:\n- name: Joseph Biden\n  kind: person\n  aliases:\n  - Joe Biden\n")
    build(CORPUS)
    build(CORPUS)


def test_entries_of_many_edits_are_compacted(build):
    corpus = list(CORPUS)
    build(corpus)
    entries = []
    for n in range(90):  # an article edited again and again: each build appends its entry
        corpus[2] = edited(corpus[2], *([mention("Kyiv", "place")] if n % 3 == 0 else []))
        build(corpus)
        entries.append(sum(len(path.read_text().splitlines()) for path in (build.cache / "resolve").rglob("*.jsonl")))
    assert max(entries) > 2 * 70 and entries[-1] < 2 * 70  # grew, then was written anew
    assert build(corpus) == ["failed"]


def test_an_article_is_known_by_what_its_fingerprint_hashes():
    # The key stands for the extraction cache's: the same key must mean the same extraction.
    from dataclasses import fields, replace

    from timeline.resolve.cache import article_key

    base = CORPUS[0]
    others = {"published": date(2022, 2, 13), "tags": ("x",), "offsets": ((0, 1),), "body_line": 7}
    for field in fields(Article):
        value = others.get(field.name, "something else")
        article = replace(base.article, **{field.name: value})
        assert (article.fingerprint != base.article.fingerprint) == \
            (article_key(replace(base, article=article)) != article_key(base)), field.name
