"""An acronym across articles is the organisation it stands for, however much of
the full name the acronym spells: the country the name opens with and a last part
after "and" are often no letters of it ("CDC")."""

from __future__ import annotations

from timeline.records import Actor, Article, Extraction, Mention


def _extractions(*articles: tuple[tuple[str, str], ...]) -> list[Extraction]:
    return [Extraction(Article(id=str(i), path=f"{i}.txt", title="", text=""),
                       mentions=tuple(Mention(n, n + 1, name, name, kind) for n, (name, kind) in enumerate(named)))
            for i, named in enumerate(articles)]


def test_an_acronym_without_the_country_and_the_last_part_is_the_organisation() -> None:
    from timeline.extract.actors.registry import Registry
    from timeline.resolve.variants import merge_variants

    full = ("United States Centers for Disease Control and Prevention", "organisation")
    short, other = ("CDC", "organisation"), ("Kathleen Sebelius", "person")
    registry = Registry((Actor(full[0], "organisation"), Actor(short[0], "organisation"),
                         Actor("Department of Health", "organisation"), Actor(other[0], "person")))
    merged = merge_variants(registry, _extractions((full, other), (short, other), (short, other), (full,)))
    assert merged.lookup("CDC").name == full[0]
    assert merged.lookup("Department of Health").name == "Department of Health"  # "DH" was never named
