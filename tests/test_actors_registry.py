"""The actor registry: lookups, merges by maintainers, and the YAML file."""

from __future__ import annotations

from pathlib import Path

from timeline.extract.actors.registry import Registry, actors_from_mentions
from timeline.records import Actor, Mention, Role
from timeline.store.registry import load_registry, save_registry


def test_lookup_by_name_or_alias_ignores_case_and_diacritics():
    registry = Registry((Actor("Élysée Palace", "organisation", aliases=("Elysee",)),))
    assert registry.lookup("elysee palace").name == "Élysée Palace"
    assert registry.lookup("ELYSÉE").name == "Élysée Palace"
    assert registry.canonical("unknown") == "unknown"


def test_add_found_marks_new_actors_and_merges_roles():
    registry = Registry((Actor("Joe Biden", "person", roles=(Role("President", "2022-02-01"),), auto=False),))
    found = [Actor("Joe Biden", "person", aliases=("Biden",), roles=(Role("President", "2022-01-01"),)),
             Actor("KLM", "organisation", auto=False)]
    updated = registry.add_found(found)
    assert updated.lookup("Biden").name == "Joe Biden"
    assert updated.lookup("Joe Biden").roles == (Role("President", "2022-01-01"),)
    assert updated.lookup("Joe Biden").auto is False
    assert updated.lookup("KLM").auto is True


def test_a_bare_title_joins_the_one_full_title_it_starts():
    from timeline.extract.actors.registry import merge_roles

    merged = merge_roles([Role("Chancellor", "2022-02-12"), Role("Chancellor of Germany", "2022-02-14")])
    assert merged == (Role("Chancellor of Germany", "2022-02-12"),)
    two = merge_roles([Role("President", "2022-01-01"), Role("President of Russia", "2022-01-02"),
                       Role("President of the Security Council", "2022-01-03")])
    # Which presidency the text did not say; the full titles say all it could: the bare one is left out,
    # whatever order the titles came in (see the next test).
    assert two == (Role("President of Russia", "2022-01-02"), Role("President of the Security Council", "2022-01-03"))


def test_transliterations_are_one_person_across_articles():
    registry = Registry((Actor("Volodymyr Zelenskyy", "person"),)).add_found([Actor("Volodymyr Zelensky", "person")])
    assert len(registry) == 1
    assert "Volodymyr Zelensky" in registry.lookup("Volodymyr Zelenskiy").aliases


def test_maintainer_alias_merges_two_actors():
    registry = Registry((Actor("Kiev", "place", roles=(Role("capital", "2022-01-01"),)),
                         Actor("Kyiv", "place", aliases=("Kiev",), auto=False)))
    assert len(registry) == 1
    assert registry.lookup("Kiev").name == "Kyiv"
    assert registry.lookup("Kyiv").roles == (Role("capital", "2022-01-01"),)


def test_hidden_actor_stays_hidden_after_a_build():
    registry = Registry((Actor("Al Jazeera", "organisation", hidden=True),))
    registry = registry.add_found([Actor("Al Jazeera", "organisation")])
    assert registry.lookup("Al Jazeera").hidden


def test_actors_from_mentions_keeps_capitals_out_of_country_aliases():
    mentions = [Mention(0, 6, "Moscow", "Russia", "country"), Mention(10, 16, "Russia", "Russia", "country"),
                Mention(20, 30, "Putin", "Vladimir Putin", "person", role="President of Russia", seen="2022-02-12")]
    actors = {a.name: a for a in actors_from_mentions(mentions)}
    assert actors["Russia"].aliases == ()
    assert actors["Vladimir Putin"].aliases == ("Putin",)
    assert actors["Vladimir Putin"].roles == (Role("President of Russia", "2022-02-12"),)


def test_round_trip_is_sorted_and_stable(tmp_path: Path):
    path = tmp_path / "actors.yaml"
    registry = Registry((Actor("Zed", "person"),
                         Actor("Anna", "person", aliases=("Ann",), roles=(Role("Mayor", "2020-01-01"),))))
    save_registry(path, registry)
    text = path.read_text()
    assert text.index("name: Anna") < text.index("name: Zed")
    loaded, problems = load_registry(path)
    assert problems == [] and loaded == registry
    assert save_registry(path, loaded) is False  # nothing changed, nothing written


def test_bad_entries_get_file_and_line_and_nothing_is_lost(tmp_path: Path):
    path = tmp_path / "actors.yaml"
    path.write_text(
        "actors:\n"
        "- name: Kyiv\n  kind: place\n  aliases: [Kiev]\n"
        "- name: Kiev city\n  kind: place\n  aliases: [Kiev]\n"
        "- name: ../x\n  kind: organisation\n"
        "- name: <script>\n  kind: person\n"
        "- name: Kyiv\n  kind: place\n  aliases: [Kyiv City]\n"
    )
    registry, problems = load_registry(path)
    messages = {p.line: p.message for p in problems}
    assert "already an alias" in messages[5]
    assert "not safe" in messages[8] and "actors/x" in messages[8]
    assert "not safe" in messages[10]
    assert "listed twice" in messages[12]
    assert all(p.path == str(path) for p in problems)
    assert set(registry.lookup("Kyiv").aliases) == {"Kiev", "Kyiv City"}
    assert registry.lookup("../x") is not None and registry.lookup("<script>") is not None


def test_invalid_yaml_is_a_problem_not_a_crash(tmp_path: Path):
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n- name: [unclosed\n")
    registry, problems = load_registry(path)
    assert len(registry) == 0 and problems and problems[0].line


def test_missing_file_is_an_empty_registry(tmp_path: Path):
    assert load_registry(tmp_path / "none.yaml") == (Registry(), [])


def test_the_registry_a_build_writes_loads_without_conflicts(tmp_path) -> None:
    from timeline.extract.actors.registry import Registry
    from timeline.records import Actor
    from timeline.store.registry import load_registry, save_registry

    registry = Registry().add_found([Actor("Apple Computer", "organisation", aliases=("Apple",))])
    registry = registry.add_found([Actor("Apple Corps", "organisation", aliases=("Apple",))])
    path = tmp_path / "actors.yaml"
    save_registry(path, registry)
    again, problems = load_registry(path)
    assert problems == []
    assert again.lookup("Apple").name == "Apple Computer"
    assert again.lookup("Apple Corps").name == "Apple Corps"


HAND_EDITED = (
    "# reviewed by hand\n"
    "actors:\n"
    "- name: Kyiv\n  kind: place\n  aliases: [Kiev, 'Kyiv City']\n  auto: false\n"
    "- name: Kiev city\n  kind: town\n  aliases: [Kiev]\n  colour: blue\n"
    "\n"
    "- name: '2022 Summit'\n  kind: group\n  roles:\n  - title: Host\n    seen: '2022-02-12'\n  - seen: x\n"
    "- name: ../x\n  kind: organisation\n  aliases: Kyiv Council\n"
    "- {name: Kyiv, kind: place, aliases: [\"Kyiv \\u00e9\"], hidden: yes}\n"
    "- name:\n  kind: person\n"
    "- just text\n"
)


def test_the_fast_read_reports_what_the_careful_read_reports(tmp_path: Path, monkeypatch):
    from timeline.store import yamlio

    path = tmp_path / "actors.yaml"
    path.write_text(HAND_EDITED)
    fast = load_registry(path)
    monkeypatch.setattr(yamlio, "_CLineLoader", None)  # no libyaml: the careful reader
    careful = load_registry(path)
    assert fast == careful
    assert [p.line for p in fast[1]] == [10, 8, 7, 14, 20, 18, 21, 22, None]


def test_a_registry_with_only_warnings_still_keeps_the_actors_a_build_finds(tmp_path: Path) -> None:
    from timeline.cli.main import main

    content = tmp_path / "content"
    content.mkdir()
    (content / "actors.yaml").write_text(  # an unsafe name is a warning: nothing is lost by saving
        "actors:\n- name: 'Digital Rights / Restrictions Management'\n  kind: organisation\n", encoding="utf-8")
    (content / "2022-02-12-call.md").write_text(
        "---\ntitle: A call\npublished: 2022-02-12\n---\n"
        "President Joe Biden spoke with Vladimir Putin by telephone on Saturday.\n", encoding="utf-8")
    (tmp_path / "config.yaml").write_text("paths:\n  cache: cache\n", encoding="utf-8")
    assert main(["build", "--config", str(tmp_path / "config.yaml"), "--jobs", "1", "-q"]) == 0
    registry, problems = load_registry(content / "actors.yaml")
    assert registry.lookup("Vladimir Putin") is not None
    assert registry.lookup("Digital Rights / Restrictions Management") is not None
    assert all(p.severity == "warning" for p in problems)


def test_roles_merged_again_with_what_was_found_stay_as_they_were() -> None:
    """A rebuild with nothing new finds the same roles again: the registry must not change."""
    from timeline.extract.actors.registry import merge_roles

    found = [Role("President", "2001-06-08"), Role("President of China", "2001-06-08"),
             Role("President of the United States", "2008-09-15"), Role("Chancellor", "2020-01-01"),
             Role("Chancellor of Germany", "2021-12-08")]
    for k in range(1, len(found) + 1):  # the titles as the articles brought them, one build after another
        first = merge_roles(found[:k])
        assert merge_roles([*first, *found[:k]]) == first
    assert merge_roles(found) == (Role("President of China", "2001-06-08"),
                                  Role("President of the United States", "2008-09-15"),
                                  Role("Chancellor of Germany", "2020-01-01"))
