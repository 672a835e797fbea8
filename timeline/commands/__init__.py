"""One module per command; each exposes ``register(subparsers, common)`` and a ``run(args)``."""
