"""The memory of the last merge, kept in the build's cache folder.

Everything a merge decided that the next one may reuse: each article's
signature and the digests of its happenings, where each happening went
(clustering's decisions and the blocking keys it was filed under), the plans
folded into happenings, and per proposed event its actors and the stored
events it looked at and continued; with the store files it was merged into.
Positions are those of ``merge.in_order`` over all happenings.

One JSON file, ``merge/state.json``: a header line with the format, the hash
of the code that merges and the checksum of the body, then the body. Like
every cache it may be deleted at any time; a file of other code, damaged or
unreadable is no memory at all, and the next merge is a full one.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import rapidfuzz

from timeline.merge import Key
from timeline.records import Event
from timeline.store.yamlio import atomic_write_text

log = logging.getLogger("timeline")

FORMAT = 2  # bump when the body's layout changes
# The code that decides what a merge gives, relative to the package: a change makes the memory stale.
# The store's reading code is not here: it is part of each store file's digest already.
MERGE_CODE = ("merge.py", "reconcile.py", "importance.py", "records.py", "events/plans.py", "temporal/values.py",
              "data/importance.yaml", "data/event_types.yaml", "data/__init__.py", "store/events.py",
              "store/fingerprint.py", "store/schema.py", "remerge")


@dataclass
class Proposal:
    """What one proposed event was, and what reconciling read and decided for it."""

    actors: list[str]  # names of its actors, for the prominence levels
    matches: list[str]  # the stored events it continued, the keeper first
    seen: list[str]  # every stored event it looked at
    kept: bool  # its event was the keeper itself, nothing folded in
    scanned: list[str]  # articles whose events it looked through, no sentence being found


def remember(proposal: Event, matches: list[str], seen: list[str], kept: bool, scanned: list[str]) -> Proposal:
    """What to keep of a proposal reconciled: events looked at and articles looked
    through once each, sorted (what matters is which, not how often)."""
    return Proposal([a.name for a in proposal.actors], matches, sorted(set(seen)), kept, sorted(set(scanned)))


@dataclass
class MergeState:
    # Per article: signature, number of happenings, their digests, key (``Inputs.signatures``).
    articles: dict[str, tuple[str, int, str, str]] = field(default_factory=dict)
    resolution: str | None = None  # what resolving read, as ``merge`` was told
    heads: list[int] = field(default_factory=list)  # per position, its cluster's first position
    filers: dict[Key, list[int]] = field(default_factory=dict)  # per blocking key, the positions filed
    plans: dict[int, tuple[int, list[Key]]] = field(default_factory=dict)  # plan → (its event's cluster or -1, keys)
    proposals: dict[int, Proposal] = field(default_factory=dict)  # by its cluster's first position
    store: list[tuple[str, str, list[str], str]] = field(default_factory=list)  # files: name, digest, ids, digests

    def to_json(self) -> Any:
        return {
            "articles": [[aid, *rest] for aid, rest in sorted(self.articles.items())],
            "resolution": self.resolution,
            "heads": self.heads,
            "filers": [[k[0], k[1], v] for k, v in self.filers.items()],
            "plans": [[p, t, [list(k) for k in keys]] for p, (t, keys) in sorted(self.plans.items())],
            "proposals": [[first, p.actors, p.matches, None if p.seen == p.matches else p.seen, p.kept, p.scanned]
                          for first, p in sorted(self.proposals.items())],
            "store": [list(f) for f in self.store],
        }

    @classmethod
    def from_json(cls, data: Any) -> MergeState:
        """The state from its JSON value. The file's checksum vouches for the values
        (this module wrote them); only the shape is checked, and any other raises."""
        state = cls(
            articles={a: (s, n, d, k) for a, s, n, d, k in data["articles"]},
            resolution=data["resolution"],
            heads=data["heads"],
            filers={(b, n): v for b, n, v in data["filers"]},
            plans={p: (t, [(b, n) for b, n in keys]) for p, t, keys in data["plans"]},
            proposals={first: Proposal(actors, matches, matches if seen is None else seen, kept, scanned)
                       for first, actors, matches, seen, kept, scanned in data["proposals"]},
            store=[(n, d, ids, digests) for n, d, ids, digests in data["store"]],
        )
        if not isinstance(state.heads, list) or len(state.heads) != sum(a[1] for a in state.articles.values()):
            raise ValueError("positions and articles disagree")
        return state


@lru_cache(maxsize=1)
def code_version() -> str:
    here = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"{FORMAT}".encode())
    for name in MERGE_CODE:
        path = here / name
        for part in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(part.relative_to(here).as_posix().encode())
            try:
                digest.update(part.read_bytes())
            except OSError:
                digest.update(b"?")
    digest.update(rapidfuzz.__version__.encode())  # its scores decide what is alike
    return digest.hexdigest()


class Memory:
    """The state file of one cache folder."""

    def __init__(self, cache: Path) -> None:
        self.path = cache / "merge" / "state.json"

    def load(self) -> MergeState | None:
        try:
            raw = self.path.read_bytes()
            head, _, body = raw.partition(b"\n")
            header = json.loads(head)
            if header.get("format") != FORMAT or header.get("code") != code_version():
                return None
            if hashlib.sha256(body).hexdigest() != header.get("sha256"):
                raise ValueError("checksum mismatch")
            return MergeState.from_json(json.loads(body))
        except FileNotFoundError:
            return None
        except Exception as exc:  # noqa: BLE001 - a damaged memory is no memory, never fatal
            log.debug("merge: not reusing %s (%s: %s)", self.path, type(exc).__name__, exc)
            return None

    def save(self, state: MergeState) -> None:
        # ASCII: a lone surrogate a name may carry is then written as an escape, not refused.
        body = json.dumps(state.to_json(), separators=(",", ":"))
        header = json.dumps({"format": FORMAT, "code": code_version(),
                             "sha256": hashlib.sha256(body.encode("utf-8")).hexdigest()})
        try:
            atomic_write_text(self.path, f"{header}\n{body}", sync=False)
        except OSError as exc:
            log.debug("merge: cannot keep %s (%s)", self.path, exc.strerror)

    def forget(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass
