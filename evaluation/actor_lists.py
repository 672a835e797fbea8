"""Two label-free figures of the actor lists of built stores.

- **country beside its own body**: the share of events whose actors hold a
  country together with an organisation or group of that country ("Zimbabwe"
  beside "Zimbabwean police", "Pakistan" beside "Pakistani Army", "Russia" beside
  "Ministry of Defence (Russia)"). A body is the country's when ``actors.yaml``
  gives it that country or its name holds the country's name or one of its
  demonyms (the gazetteer's).
- **stray words**: the share of actor mentions in events (and of distinct
  actors) that are one word of fewer than 3 letters ("C") or one word that is a
  portfolio of a ministry or department ("Health", "Defense", from
  ``timeline/data/institutions.yaml``).
- **split names**: the share of actor mentions in events that name a second
  entry of another actor of the store: a spelling less named, or a short name
  of the one person it stands for ("Paulson" beside "Henry M. Paulson Jr.",
  judged as ``evaluation/top_actors.py`` judges the top actors).
- **common words**: the share of one-word people in events that the
  collection's articles also write in lower case ("Propofol").
- **countries by nationality only**: the share of events listing a country that
  their sentence names only by a nationality word, never by a name or alias of
  it ("the main Haitian community in Miami", "Dutch adoption agencies"; "a
  Russian attack" counts too, so the figure is a ceiling of the wrong ones).
- **places**: the share of events listing a town or another place as an actor.
- **no actor**: the share of events that list no actor at all.
- **named in the sentence, not listed**: the share of events whose sentence writes a
  person or an organisation of the registry (by its name or an alias of two words or
  more, or of one word of at least five letters) that their actor list does not hold;
  a name in another clause of the sentence counts too, so the figure is a ceiling of
  the lists that miss a participant.

    python -m evaluation.actor_lists DIR [DIR ...]

where each DIR is a built content folder or a folder holding one (as
``evaluation/tls.py`` and ``evaluation/eval_real_news.py`` write them).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.top_actors import owner_of  # noqa: E402
from timeline.extract.actors.gazetteer import load_gazetteer, read_data  # noqa: E402
from timeline.extract.actors.names import fold  # noqa: E402

BODIES = ("organisation", "group")


def content_of(folder: Path) -> Path:
    return folder if (folder / "events").is_dir() else folder / "content"


def office_words() -> frozenset[str]:
    portfolios = read_data("institutions.yaml").get("portfolios") or {}
    words = {fold(p) for p in portfolios}
    for forms in portfolios.values():
        words.update(fold(f) for f in forms)
    return frozenset(w for w in words if " " not in w)


def stray(name: str, offices: frozenset[str]) -> bool:
    words = name.split()
    return len(words) == 1 and (len(name.strip(".")) < 3 or fold(name) in offices)


def countries_of_body(name: str, country: str | None) -> set[str]:
    gaz = load_gazetteer()
    found = {country} if country else set()
    for word in re.findall(r"[\w.'-]+", name):
        owner = gaz.country_of_adjective(word)
        if owner:
            found.add(owner)
    inner = re.search(r"\(([^)]+)\)", name)  # "Ministry of Defence (Russia)"
    if inner and gaz.country_of_adjective(inner.group(1)):
        found.add(str(gaz.country_of_adjective(inner.group(1))))
    return found


def by_nationality_only(country: str, names: list[str], sentence: str) -> bool:
    """Whether ``sentence`` names ``country`` by a nationality word ("Haitian") and never by a name."""
    gaz = load_gazetteer()
    adjectives = {w for w in re.findall(r"[A-Z][\w-]+", sentence) if gaz.demonyms.get(fold(w)) == country
                  and not (gaz.entries.get(fold(w)) and gaz.entries[fold(w)].kind == "country")}
    # the registry keeps the nationality among the aliases ("Haitian" of Haiti): a name is any other alias
    if any(re.search(rf"\b{re.escape(n)}\b", sentence) for n in names if n not in adjectives):
        return False
    return bool(adjectives)


def _written(sentence: str, named_by: dict[str, list[str]]) -> set[str]:
    """The actors ``sentence`` writes, a form inside a longer one of another actor not
    counted ("Jackson" of "Katherine Jackson")."""
    spans = [(m.start(), m.end(), name) for name, forms in named_by.items() for f in forms if f in sentence
             for m in re.finditer(rf"(?<!\w){re.escape(f)}(?!\w)", sentence)]
    return {name for a, b, name in spans
            if not any(a2 <= a and b <= b2 and (a2, b2) != (a, b) and other != name for a2, b2, other in spans)}


def lower_words(content: Path) -> set[str]:
    """Every word the articles of ``content`` write in lower case."""
    words: set[str] = set()
    for path in content.glob("*.txt"):
        words.update(re.findall(r"\b[a-z]{3,}\b", path.read_text(encoding="utf-8", errors="replace")))
    return words


def figures(folder: Path) -> dict[str, float]:
    content = content_of(folder)
    registry = yaml.safe_load((content / "actors.yaml").read_text(encoding="utf-8")) or {}
    country_of = {str(a["name"]): a.get("country") for a in registry.get("actors") or []}
    kind_of = {str(a["name"]): a.get("kind") for a in registry.get("actors") or [] if not a.get("hidden")}
    offices = office_words()
    aliases = {str(a["name"]): [str(a["name"]), *(str(x) for x in a.get("aliases") or [])]
               for a in registry.get("actors") or []}
    events = beside = mentions = strays = adjectival = places = empty = unlisted = 0
    named_by = {name: [n for n in forms if len(n.split()) > 1 or len(n) >= 5] for name, forms in aliases.items()
                if kind_of.get(name) in ("person", "organisation")}
    people: Counter[tuple[str, str]] = Counter()
    distinct: set[str] = set()
    for path in sorted((content / "events").glob("*.yaml")):
        for event in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            events += 1
            actors = [(str(a["name"]), str(a.get("kind") or "")) for a in event.get("actors") or []
                      if isinstance(a, dict)]
            countries = {n for n, k in actors if k == "country"}
            owned = set().union(*(countries_of_body(n, country_of.get(n)) for n, k in actors if k in BODIES))
            beside += bool(countries & owned)
            summary = str(event.get("summary") or "")
            adjectival += any(by_nationality_only(c, aliases.get(c, [c]), summary) for c in countries)
            places += any(k == "place" for _, k in actors)
            empty += not actors
            unlisted += bool(_written(summary, named_by) - {n for n, _ in actors})
            mentions += len(actors)
            strays += sum(stray(n, offices) for n, _ in actors)
            distinct.update(n for n, _ in actors)
            people.update((n, k) for n, k in actors if k in ("person", "organisation"))
    named = {name: (kind, n) for (name, kind), n in sorted(people.items(), key=lambda item: (-item[1], item[0]))}
    split = sum(n for (name, _), n in people.items() if owner_of(name, named))
    lower = lower_words(content)
    single = [(name, n) for (name, kind), n in people.items() if kind == "person" and " " not in name]
    return {
        "events": events,
        "split-name actor mentions %": 100 * split / max(mentions, 1),
        "common-word people mentions %": 100 * sum(n for name, n in single if name.lower() in lower) / max(
            sum(n for _, n in single), 1),
        "country beside its own body %": 100 * beside / max(events, 1),
        "countries by nationality only %": 100 * adjectival / max(events, 1),
        "places listed %": 100 * places / max(events, 1),
        "no actor %": 100 * empty / max(events, 1),
        "named in the sentence, not listed %": 100 * unlisted / max(events, 1),
        "stray-word actor mentions %": 100 * strays / max(mentions, 1),
        "stray-word distinct actors %": 100 * sum(stray(n, offices) for n in distinct) / max(len(distinct), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args(argv)
    for folder in args.folders:
        row = figures(folder)
        print(f"{folder.name}: " + ", ".join(
            f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in row.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
