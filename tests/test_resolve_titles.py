"""A title is written under the registry's names, as its actors are."""

from __future__ import annotations

import pytest

from timeline.records import ActorRef
from timeline.resolve import retitled


def _people(*names: str) -> tuple[ActorRef, ...]:
    return tuple(ActorRef(name=n, kind="person") for n in names)


@pytest.mark.parametrize("title, before, after, expected", [
    ("Sharif refused to resign", ["Sharif"], ["Nawaz Sharif"], "Nawaz Sharif refused to resign"),
    ("Police blocked Sharif's march", ["Sharif"], ["Nawaz Sharif"], "Police blocked Nawaz Sharif's march"),
    # a name inside a longer one is another person's
    ("Shahbaz Sharif met Sharif", ["Shahbaz Sharif", "Sharif"], ["Shahbaz Sharif", "Nawaz Sharif"],
     "Shahbaz Sharif met Nawaz Sharif"),
    # already under the registry's name: unchanged
    ("Nawaz Sharif refused to resign", ["Sharif"], ["Nawaz Sharif"], "Nawaz Sharif refused to resign"),
    ("Gadhafi vowed to fight on", ["Moammar Gadhafi"], ["Muammar Gaddafi"], "Gadhafi vowed to fight on"),
])
def test_retitled(title: str, before: list[str], after: list[str], expected: str) -> None:
    assert retitled(title, _people(*before), _people(*after)) == expected
