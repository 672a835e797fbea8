"""The store: the only place that reads and writes the YAML under ``content/``."""
