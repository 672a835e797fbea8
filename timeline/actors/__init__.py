"""Actors: people, organisations, countries, places and groups, with canonical names."""
