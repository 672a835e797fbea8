"""An acronym across articles is the organisation it stands for, though the country
the full name opens with is no letter of it ("FBI"); a name that only shares the
acronym's letters once its last part is dropped is not ("CIA" is no "Council of
Insurance Agents and Brokers")."""

from __future__ import annotations

from timeline.records import Actor, Article, Extraction, Mention


def _extractions(*articles: tuple[tuple[str, str], ...]) -> list[Extraction]:
    return [Extraction(Article(id=str(i), path=f"{i}.txt", title="", text=""),
                       mentions=tuple(Mention(n, n + 1, name, name, kind) for n, (name, kind) in enumerate(named)))
            for i, named in enumerate(articles)]


def test_an_acronym_without_the_country_is_the_organisation() -> None:
    from timeline.extract.actors.registry import Registry
    from timeline.resolve.variants import merge_variants

    full = ("United States Federal Bureau of Investigation", "organisation")
    short, other = ("FBI", "organisation"), ("Robert Mueller", "person")
    cia, council = ("CIA", "organisation"), ("Council of Insurance Agents and Brokers", "organisation")
    registry = Registry((Actor(full[0], "organisation"), Actor(short[0], "organisation"),
                         Actor("Department of Health", "organisation"), Actor(other[0], "person"),
                         Actor(cia[0], "organisation"), Actor(council[0], "organisation")))
    merged = merge_variants(registry, _extractions((full, other), (short, other), (short, other), (full,),
                                                   (cia, other), (council, other)))
    assert merged.lookup("FBI").name == full[0]
    assert merged.lookup("CIA").name == "CIA"
    assert merged.lookup("Department of Health").name == "Department of Health"  # "DH" was never named


def test_a_name_cut_before_its_head_and_a_family_in_the_plural_are_the_body_named_in_full() -> None:
    from timeline.extract.actors.registry import Registry
    from timeline.resolve.variants import merge_variants

    party, cut = ("Pakistan People's Party", "organisation"), ("Pakistan People's", "organisation")
    family, plural = ("Gupta family", "group"), ("Guptas", "organisation")
    other = ("Nawaz Sharif", "person")
    registry = Registry(tuple(Actor(n, k) for n, k in (party, cut, family, plural, other)))
    merged = merge_variants(registry, _extractions((party, family, other), (cut, plural, other), (party, other),
                                                   (family, other)))
    assert merged.lookup("Pakistan People's").name == "Pakistan People's Party"
    assert merged.lookup("Guptas").name == "Gupta family"
    assert merged.lookup("Nawaz Sharif").name == "Nawaz Sharif"


def test_a_body_written_without_the_last_thing_it_is_for_is_the_body_of_that_country() -> None:
    from timeline.extract.actors.registry import Registry
    from timeline.resolve.variants import merge_variants

    full = ("United States Centers for Disease Control and Prevention", "organisation")
    short = ("United States Centers for Disease Control", "organisation")
    health, services = ("Department of Health", "organisation"), ("Department of Health and Human Services",
                                                                  "organisation")
    other = ("Richard Besser", "person")
    registry = Registry((Actor(full[0], "organisation", country="United States"),
                         Actor(short[0], "organisation", country="United States"),
                         Actor(health[0], "organisation"), Actor(services[0], "organisation", country="United States"),
                         Actor(other[0], "person")))
    merged = merge_variants(registry, _extractions((full, other), (full,), (short, other), (health, other),
                                                   (services, other)))
    assert merged.lookup(short[0]).name == full[0]
    assert merged.lookup(health[0]).name == health[0]  # a body of no stated country is not the other's


def test_the_acronym_of_a_party_s_faction_is_that_faction() -> None:
    from timeline.extract.actors.registry import Registry
    from timeline.resolve.variants import merge_variants

    full, short = ("Pakistan Muslim League-N", "organisation"), ("PML-N", "organisation")
    other_faction, party = ("Pakistan Muslim League-Q", "organisation"), ("Pakistan Muslim League", "organisation")
    person = ("Nawaz Sharif", "person")
    registry = Registry(tuple(Actor(n, k) for n, k in (full, short, other_faction, party, person)))
    merged = merge_variants(registry, _extractions((full, person), (short, person), (short, person),
                                                   (other_faction, person), (party, person)))
    assert merged.lookup("PML-N").name == merged.lookup("Pakistan Muslim League-N").name
    assert merged.lookup("Pakistan Muslim League-Q").name == "Pakistan Muslim League-Q"
    assert merged.lookup("Pakistan Muslim League").name == "Pakistan Muslim League"
