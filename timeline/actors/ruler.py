"""spaCy component that corrects the statistical NER with the project's gazetteer."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


def add_actor_ruler(nlp: "Language") -> None:
    """Add the gazetteer-backed entity ruler to ``nlp`` (before ``ner``)."""
    # Filled by the actors stage; a pipeline without it still works.
    return None
