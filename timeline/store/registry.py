"""``content/actors.yaml``: the actor registry on disk, read with line numbers
for messages and written deterministically (sorted by name, stable keys)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from timeline.errors import StoreError
from timeline.extract.actors.names import actor_slug, fold, is_unsafe_name
from timeline.extract.actors.registry import Registry, merge_roles
from timeline.records import Actor, Problem, Role
from timeline.store.emitter import mapping_lines
from timeline.store.yamlio import LineDict, atomic_write_text, load_yaml_fast, read_text

KINDS = ("person", "organisation", "country", "place", "group")
KEYS = ("name", "kind", "aliases", "roles", "country", "wikidata", "description", "auto", "hidden")

HEADER = """\
# The actors of the timeline, one entry each. The build adds the actors it
# finds (auto: true); edit freely, the next build follows your edits:
#   merge two actors: add one's name to the other's aliases
#   rename: change name (keep the old one in aliases so articles still match)
#   hide: hidden: true
# Set auto: false on an entry you have reviewed.
"""


def load_registry(path: Path) -> tuple[Registry, list[Problem]]:
    """Read the registry; a missing file is an empty registry.

    Every problem is reported with the file and line. Nothing is dropped:
    duplicate entries are merged into the first, an alias claimed twice
    stays with its first claimant, an unsafe name is kept (its page gets a
    safe slug).
    """
    path = Path(path)
    if not path.exists():
        return Registry(), []
    try:
        text = read_text(path)
    except StoreError as exc:
        return Registry(), [Problem(str(path), exc.reason, exc.line)]
    actors, problems = _read(path, text)
    return Registry(tuple(actors)), problems


def registry_from_text(path: Path, text: str) -> tuple[Registry, list[Problem]]:
    """The registry in ``text``, a version of the file ``path``, with its problems."""
    actors, problems = _read(path, text)
    return Registry(tuple(actors)), problems


def _read(path: Path, text: str) -> tuple[list[Actor], list[Problem]]:
    try:
        # libyaml, with the lines a message names.
        data = load_yaml_fast(path, text=text, lines=True)
    except StoreError as exc:
        return [], [Problem(str(path), exc.reason, exc.line)]
    rows = data.get("actors") if isinstance(data, dict) else data
    if data is None or rows is None:
        return [], []
    problems: list[Problem] = []
    if not isinstance(rows, list):
        return [], [Problem(str(path), "expected a list of actors under 'actors:'", _line(data))]
    actors: list[Actor] = []
    names: dict[str, tuple[int, int | None]] = {}  # fold(name) → (index, line)
    aliases: dict[str, tuple[str, int | None]] = {}  # fold(alias) → (owner, line)
    slugs: dict[str, str] = {}
    for row in rows:
        line = _line(row)
        actor = _actor(row, str(path), line, problems)
        if actor is None:
            continue
        key = fold(actor.name)
        if key in names:
            index, first_line = names[key]
            problems.append(Problem(str(path), f"actor {actor.name!r} is listed twice (first on line {first_line}); "
                                    "the entries were merged, remove one", line))
            kept = actors[index]
            actors[index] = _merged(kept, actor)
            continue
        names[key] = (len(actors), line)
        if is_unsafe_name(actor.name):
            problems.append(Problem(str(path), f"name {actor.name!r} is not safe in a file name or a page; its page "
                                    f"is actors/{actor_slug(actor.name)}", line, "warning"))
        slug = actor_slug(actor.name)
        if slug in slugs:
            problems.append(Problem(str(path), f"{actor.name!r} and {slugs[slug]!r} share the page slug {slug!r}; "
                                    "rename one", line, "warning"))
        slugs.setdefault(slug, actor.name)
        kept_aliases = []
        for alias in actor.aliases:
            owner = aliases.get(fold(alias))
            if owner and owner[0] != actor.name:
                problems.append(Problem(str(path), f"alias {alias!r} of {actor.name!r} is already an alias of "
                                        f"{owner[0]!r} (line {owner[1]}); it stays with {owner[0]!r}", line))
                continue
            aliases[fold(alias)] = (actor.name, line)
            kept_aliases.append(alias)
        actors.append(Actor(**{**actor.__dict__, "aliases": tuple(kept_aliases)}))
    return actors, problems


def save_registry(path: Path, registry: Registry) -> bool:
    """Write the registry sorted by name with keys in a fixed order; returns
    whether the file changed."""
    rows = [_row(a) for a in sorted(registry.actors, key=lambda a: (fold(a.name), a.name))]
    lines: list[str] = []
    mapping_lines({"actors": rows}, "", "", lines)
    return atomic_write_text(Path(path), HEADER + "\n".join(lines) + "\n")


def _row(actor: Actor) -> dict[str, Any]:
    row: dict[str, Any] = {"name": actor.name, "kind": actor.kind}
    if actor.aliases:
        row["aliases"] = sorted(set(actor.aliases), key=lambda a: (a.casefold(), a))
    if actor.roles:
        row["roles"] = [{"title": r.title, "seen": r.seen} for r in merge_roles(actor.roles)]
    for key in ("country", "wikidata", "description"):
        if getattr(actor, key):
            row[key] = getattr(actor, key)
    row["auto"] = actor.auto
    if actor.hidden:
        row["hidden"] = True
    return row


def _actor(row: Any, path: str, line: int | None, problems: list[Problem]) -> Actor | None:
    if not isinstance(row, dict):
        problems.append(Problem(path, f"an actor must be a mapping with a name, got {row!r}", line))
        return None
    name = row.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(Problem(path, "an actor without a name was skipped; give it a name", line))
        return None
    for key in row:
        if key not in KEYS:
            problems.append(Problem(path, f"{name!r}: unknown key {key!r} (known: {', '.join(KEYS)})",
                                    _line(row, key), "warning"))
    kind = row.get("kind") or "organisation"
    if kind not in KINDS:
        problems.append(Problem(path, f"{name!r}: kind must be one of {', '.join(KINDS)}, got {kind!r}",
                                _line(row, "kind")))
    raw_aliases = row.get("aliases") or []
    if not isinstance(raw_aliases, list):
        problems.append(Problem(path, f"{name!r}: aliases must be a list", _line(row, "aliases")))
        raw_aliases = [raw_aliases]
    roles = []
    for role in row.get("roles") or []:
        if isinstance(role, dict) and role.get("title"):
            roles.append(Role(str(role["title"]), str(role.get("seen") or "")))
        else:
            problems.append(Problem(path, f"{name!r}: a role needs a title", _line(row, "roles")))

    def text(key: str) -> str | None:
        value = row.get(key)
        return str(value) if value not in (None, "") else None

    return Actor(
        name=name.strip(), kind=str(kind), aliases=tuple(str(a) for a in raw_aliases if str(a).strip()),
        roles=tuple(roles), country=text("country"), wikidata=text("wikidata"), description=text("description"),
        auto=bool(row.get("auto", True)), hidden=bool(row.get("hidden", False)),
    )


def _merged(first: Actor, second: Actor) -> Actor:
    aliases = tuple(dict.fromkeys(first.aliases + second.aliases))
    return Actor(**{**first.__dict__, "aliases": aliases, "roles": merge_roles(first.roles + second.roles),
                    "hidden": first.hidden or second.hidden, "auto": first.auto and second.auto})


def _line(node: Any, key: str | None = None) -> int | None:
    if isinstance(node, LineDict):
        return node.line_of(key) if key else node.line
    return None
