"""Actors: people, organisations, countries, places and groups, with canonical names."""

from timeline.extract.actors.names import actor_slug

__all__ = ["actor_slug"]
