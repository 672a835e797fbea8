"""Which language an article is written in, deterministically."""

from __future__ import annotations

from timeline.sources.clean import looks_english

# Below this many characters the statistical detector guesses; the configured
# language is assumed instead.
MIN_DETECT_CHARS = 200
# The detector reads this much of the text: enough to be sure, and fast.
DETECT_CHARS = 3000


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None when it cannot tell."""
    if looks_english(text):
        return "en"
    if len(text) < MIN_DETECT_CHARS:
        return None
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect samples at random; a fixed seed makes reruns agree
    try:
        return detect(text[:DETECT_CHARS]).split("-")[0]
    except LangDetectException:
        return None


def accepted(language: str, configured: str, pipeline: str) -> bool:
    """Whether the configured language or spaCy pipeline can read ``language``."""
    return language == configured or pipeline.startswith(f"{language}_")
