"""Actors: people, organisations, countries, places and groups, with canonical names."""

from .names import actor_slug

__all__ = ["actor_slug"]
