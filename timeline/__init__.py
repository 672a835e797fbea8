"""timeline: turn news articles into a dated, merged geopolitical timeline and a static site."""

__version__ = "0.1.0"

# Bump when a change to extraction changes its results: it invalidates the cache.
EXTRACTOR_VERSION = "1"
