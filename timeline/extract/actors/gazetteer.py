"""The world the project knows before it reads anything: countries, their
capitals and demonyms, places and international organisations, loaded from
``timeline/data`` (generated ``countries.yaml`` corrected by ``world.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from timeline.data import load_data
from timeline.extract.actors.names import fold


@dataclass(frozen=True)
class Entry:
    """One known actor: its canonical name, kind and the country it belongs to."""

    name: str
    kind: str  # country, place, organisation, group
    country: str | None = None
    aliases: tuple[str, ...] = ()
    capital_of: str | None = None  # for a capital: the country it can stand for


@dataclass
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)  # fold(name or alias) → entry
    demonyms: dict[str, str] = field(default_factory=dict)  # fold("Russian") → "Russia"
    peoples: dict[str, str] = field(default_factory=dict)  # fold("Ukrainians") → "Ukraine"
    adjectives: dict[str, str] = field(default_factory=dict)  # "Russia" → "Russian", its first demonym
    titles: tuple[str, ...] = ()
    # Folded title words → the title as listed ("prime", "minister") → "Prime Minister".
    title_keys: dict[tuple[str, ...], str] = field(default_factory=dict)
    title_max: int = 1
    honorifics: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    government_nouns: frozenset[str] = frozenset()
    org_suffixes: frozenset[str] = frozenset()
    organisation_heads: frozenset[str] = frozenset()
    place_heads: frozenset[str] = frozenset()
    organisation_nouns: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    organisation_prefixes: frozenset[str] = frozenset()
    title_prefixes: frozenset[str] = frozenset()
    government_possessions: frozenset[str] = frozenset()
    not_actors: frozenset[str] = frozenset()
    portfolio_heads: frozenset[str] = frozenset()
    portfolios: frozenset[tuple[str, ...]] = frozenset()  # ("foreign",), ("home", "affairs")
    particles: frozenset[str] = frozenset()  # "von", "der", "bin": inside people's names
    event_heads: frozenset[str] = frozenset()  # "Olympics", "War": a name ending so is an event
    object_nouns: frozenset[str] = frozenset()  # "pipeline": a name before one is a thing
    object_heads: frozenset[str] = frozenset()  # "Index": a name ending in one is a thing
    kind_nouns: frozenset[str] = frozenset()  # "the antiviral drug Tamiflu": a name after one is a thing
    work_nouns: frozenset[str] = frozenset()  # "the painting The Storm": a name after one is a work
    office_words: frozenset[str] = frozenset()  # "Adviser", "Envoy": a capitalised run ending so is a title
    past_markers: frozenset[str] = frozenset()  # "former": an apposition naming a role no longer held
    vague_modifiers: frozenset[str] = frozenset()  # "senior": said of an office, not part of it
    national_titles: frozenset[str] = frozenset()  # "chancellor": a title one country's government gives
    # ("bloc",) → organisations news calls so once named: "the bloc" after the EU.
    org_nouns: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    # (label, surface form) pairs for the entity matcher, with their original spelling.
    patterns: list[tuple[str, str]] = field(default_factory=list)
    # Towns and states: trusted only where the tagger already saw a place,
    # since "Toyota", "Reading" or "Virginia" name firms and people as well.
    places: dict[str, Entry] = field(default_factory=dict)

    def lookup(self, text: str) -> Entry | None:
        return self.entries.get(fold(text))

    def place(self, text: str) -> Entry | None:
        """Any known name, towns and states included."""
        key = fold(text)
        return self.entries.get(key) or self.places.get(key)

    def country_of_adjective(self, text: str) -> str | None:
        """"Russian" → Russia, "US" → United States; None when not a country word."""
        key = fold(text)
        if key in self.demonyms:
            return self.demonyms[key]
        entry = self.entries.get(key)
        return entry.name if entry and entry.kind == "country" else None

    def _add(self, entry: Entry, label: str, *forms: str) -> None:
        for form in (entry.name, *forms):
            if not form:
                continue
            # The first claim wins: countries load first, so "Georgia" the
            # country is not overwritten by anything later.
            self.entries.setdefault(fold(form), entry)
            self.patterns.append((label, form))


def read_data(name: str) -> dict[str, Any]:
    return load_data(name) or {}


def as_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)] if value else []


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, read once per process."""
    generated = read_data("countries.yaml").get("countries") or []
    world = read_data("world.yaml")
    roles = read_data("roles.yaml")
    fixes: dict[str, dict[str, Any]] = world.get("countries") or {}
    gaz = Gazetteer(
        titles=tuple(sorted(as_list(roles.get("titles")), key=lambda t: -len(t.split()))),
        honorifics=frozenset(fold(h) for h in as_list(roles.get("honorifics"))),
        group_nouns=frozenset(fold(g) for g in as_list(roles.get("group_nouns"))),
        government_nouns=frozenset(fold(g) for g in as_list(roles.get("government_nouns"))),
        org_suffixes=frozenset(as_list(roles.get("org_suffixes"))),
        organisation_heads=frozenset(fold(h) for h in as_list(roles.get("organisation_heads"))),
        place_heads=frozenset(fold(h) for h in as_list(roles.get("place_heads"))),
        organisation_nouns=frozenset(fold(h) for h in as_list(roles.get("organisation_nouns"))),
        place_nouns=frozenset(fold(h) for h in as_list(roles.get("place_nouns"))),
        organisation_prefixes=frozenset(as_list(roles.get("organisation_prefixes"))),
        title_prefixes=frozenset(fold(h) for h in as_list(roles.get("title_prefixes"))),
        government_possessions=frozenset(fold(h) for h in as_list(roles.get("government_possessions"))),
        not_actors=frozenset(fold(h) for key in ("not_actors", "known_objects") for h in as_list(roles.get(key))),
        portfolio_heads=frozenset(fold(h) for h in as_list(roles.get("portfolio_heads"))),
        particles=frozenset(as_list(read_data("names.yaml").get("particles"))),
        event_heads=frozenset(fold(h) for h in as_list(roles.get("event_heads"))),
        object_nouns=frozenset(fold(h) for h in as_list(roles.get("object_nouns"))),
        object_heads=frozenset(fold(h) for h in as_list(roles.get("object_heads"))),
        kind_nouns=frozenset(fold(h) for h in as_list(roles.get("kind_nouns"))),
        work_nouns=frozenset(fold(h) for h in as_list(roles.get("work_nouns"))),
        office_words=frozenset(fold(h) for h in as_list(roles.get("office_words"))),
        past_markers=frozenset(fold(h) for h in as_list(roles.get("past_markers"))),
        vague_modifiers=frozenset(fold(h) for h in as_list(roles.get("vague_modifiers"))),
        national_titles=frozenset(fold(h) for h in as_list(roles.get("national_titles"))),
        portfolios=frozenset(tuple(fold(form).split())
                             for forms in (read_data("institutions.yaml").get("portfolios") or {}).values()
                             for form in as_list(forms)),
    )
    for title in gaz.titles:
        gaz.title_keys.setdefault(tuple(fold(w) for w in title.replace("-", " - ").split()), title)
    gaz.title_max = max((len(k) for k in gaz.title_keys), default=1)
    capitals: list[tuple[str, str, list[str]]] = []
    # Hand-made demonyms and peoples claim first: countryinfo gives "American" to the
    # Northern Mariana Islands and American Samoa too, and alphabetical
    # order would hand it to them before the United States.
    for name, fix in fixes.items():
        for demonym in as_list(fix.get("demonyms")):
            gaz.demonyms.setdefault(fold(demonym), name)
        for people in as_list(fix.get("people")):  # "Americans" too
            gaz.peoples.setdefault(fold(people), name)
    for row in generated:
        fix = fixes.get(row["name"], {})
        name = row["name"]
        aliases = as_list(row.get("aliases")) + as_list(fix.get("aliases"))
        gaz._add(Entry(name, "country", name, tuple(aliases)), "GPE", *aliases)
        generated_demonyms = as_list(row.get("demonyms")) if fix.get("demonyms", True) != [] else []
        for demonym in as_list(fix.get("demonyms")) + generated_demonyms:
            gaz.demonyms.setdefault(fold(demonym), name)
            gaz.adjectives.setdefault(name, demonym)
            gaz.patterns.append(("NORP", demonym))
        for people in as_list(row.get("people")) if fix.get("people", True) != [] else []:
            gaz.peoples.setdefault(fold(people), name)
            gaz.patterns.append(("NORP", people))
        capital = fix.get("capital") or row.get("capital")
        if capital:
            capitals.append((str(capital), name, as_list(fix.get("capital_aliases"))))
    for place in world.get("places") or []:
        entry = Entry(place["name"], "place", place.get("country"), tuple(as_list(place.get("aliases"))))
        gaz._add(entry, "LOC", *entry.aliases)
        for demonym in as_list(place.get("demonyms")):
            gaz.demonyms.setdefault(fold(demonym), entry.name)
            gaz.patterns.append(("NORP", demonym))
    for capital, country, aliases in capitals:
        gaz._add(Entry(capital, "place", country, tuple(aliases), capital_of=country), "GPE", *aliases)
    for group in world.get("groups") or []:
        entry = Entry(group["name"], "group", None, tuple(as_list(group.get("aliases"))))
        gaz._add(entry, "LOC", *entry.aliases)
    for org in world.get("organisations") or []:
        entry = Entry(org["name"], "organisation", org.get("country"), tuple(as_list(org.get("aliases"))))
        gaz._add(entry, "ORG", *entry.aliases)
        for noun in as_list(org.get("nouns")):
            key = tuple(fold(noun).split())
            gaz.org_nouns[key] = gaz.org_nouns.get(key, ()) + (entry.name,)
    _add_places(gaz, read_data("places.yaml"))
    return gaz


# A city this large is named in news as the city, whatever the tagger says;
# smaller towns share their names with firms and people too often.
BIG_CITY = 1_000_000


def _add_places(gaz: Gazetteer, data: dict[str, Any]) -> None:
    """Cities and US states after everything hand-made: big cities as
    matcher patterns, then states, then smaller towns (largest first), so
    that "New York" is the city and "Georgia" the country."""
    towns: list[Entry] = []
    for line in data.get("cities") or []:
        name, country, population, *rest = (part.strip() for part in str(line).split("|"))
        aliases = tuple(a.strip() for a in rest[0].split(";")) if rest else ()
        entry = Entry(name, "place", country, aliases)
        if int(population) >= BIG_CITY:
            gaz._add(entry, "GPE", *aliases)
        else:
            towns.append(entry)
    states = [Entry(str(name), "place", "United States") for name in data.get("us_states") or []]
    for entry in states + towns:
        for form in (entry.name, *entry.aliases):
            gaz.places.setdefault(fold(form), entry)
